/* renameat2 and RENAME_EXCHANGE are Linux/glibc extensions. */
#define _GNU_SOURCE
#include "outdir.h"

#include "build.h"
#include "errtext.h"
#include "fault.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* The staging directory of this process, removed if ovc exits early
 * (out of memory: exit(3) in util.c). Only the process that made it
 * removes it, not a typesetting child that inherited this state. */
static char *staging;
static pid_t staging_owner;

/* Remove the tree at PATH (never following symlinks). */
static void remove_tree(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		DIR *dp = fdopendir(fd);
		if (dp) {
			struct dirent *e;
			while ((e = readdir(dp)))
				if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
					remove_tree(dirfd(dp), e->d_name);
			closedir(dp);
		} else {
			close(fd);
		}
		unlinkat(parent, name, AT_REMOVEDIR);
	} else {
		unlinkat(parent, name, 0);
	}
}

static void staging_cleanup(void)
{
	if (staging && staging_owner == getpid())
		remove_tree(AT_FDCWD, staging);
}

/* OUT split into its parent directory and base name (both malloc'ed). */
static void split_path(const char *out, char **dir, char **base)
{
	size_t n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		n--;
	const char *slash = NULL;
	for (size_t i = 0; i < n; i++)
		if (out[i] == '/')
			slash = out + i;
	if (!slash) {
		*dir = xstrdup(".");
		*base = xstrndup(out, n);
	} else {
		*dir = slash == out ? xstrdup("/") : xstrndup(out, (size_t)(slash - out));
		*base = xstrndup(slash + 1, n - (size_t)(slash - out) - 1);
	}
}

/* Remove ".BASE.ovc-bouw-PID-*" in DIR whose process PID is gone (a
 * build killed before it could clean up). */
static void remove_stale(const char *dir, const char *base)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	char *prefix = xasprintf(".%s.ovc-bouw-", base);
	size_t plen = strlen(prefix);
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (strncmp(e->d_name, prefix, plen) != 0)
			continue;
		long pid = strtol(e->d_name + plen, NULL, 10);
		if (pid > 0 && (pid_t)pid != getpid() && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
			remove_tree(dirfd(dp), e->d_name);
	}
	free(prefix);
	closedir(dp);
}

/* Put the complete build STAGE in place of OUT. */
static int swap_in(const char *stage, const char *out, char **err)
{
	struct stat st;
	if (FAULT_WRITE_FAILS()) {
		*err = xasprintf("kan de uitvoer niet in '%s' zetten: %s", out, errtext(errno));
		return -1;
	}
	if (lstat(out, &st) != 0) {
		if (rename(stage, out) == 0)
			return 0;
		/* Another build got there first: exchange with its result. */
		if (errno != EEXIST && errno != ENOTEMPTY) {
			*err = xasprintf("kan de uitvoer niet in '%s' zetten: %s", out, errtext(errno));
			return -1;
		}
	} else if (!S_ISDIR(st.st_mode)) {
		*err = xasprintf("kan de map '%s' niet maken: er staat een bestand met die naam; "
		                 "kies een andere uitvoermap met -o of verwijder het bestand",
		                 out);
		return -1;
	}
	if (renameat2(AT_FDCWD, stage, AT_FDCWD, out, RENAME_EXCHANGE) != 0) {
		*err = xasprintf("kan de uitvoer niet in '%s' zetten: %s", out, errtext(errno));
		return -1;
	}
	/* STAGE now holds the previous build. */
	remove_tree(AT_FDCWD, stage);
	return 0;
}

/* Messages name the files as the user knows them: OUT, not STAGE. */
static void rename_in_message(char **err, const char *stage, const char *out)
{
	char *at;
	if (!*err || !(at = strstr(*err, stage)))
		return;
	char *m = xasprintf("%.*s%s%s", (int)(at - *err), *err, out, at + strlen(stage));
	free(*err);
	*err = m;
}

int outdir_build(struct ordinance *o, const struct rd_stats *st, const char *out, char **err)
{
	char *dir, *base;
	split_path(out, &dir, &base);
	struct stat sb;
	if (stat(out, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
		*err = xasprintf("kan de map '%s' niet maken: er staat een bestand met die naam; "
		                 "kies een andere uitvoermap met -o of verwijder het bestand",
		                 out);
		free(dir);
		free(base);
		return -1;
	}
	if (stat(out, &sb) == 0 && access(out, W_OK) != 0) {
		*err = xasprintf("kan niet schrijven in de map '%s': geen schrijfrechten; "
		                 "geef schrijfrechten of kies een andere uitvoermap met -o",
		                 out);
		free(dir);
		free(base);
		return -1;
	}
	remove_stale(dir, base);
	staging = xasprintf("%s/.%s.ovc-bouw-%ld-XXXXXX", dir, base, (long)getpid());
	staging_owner = getpid();
	static int registered;
	if (!registered && atexit(staging_cleanup) == 0)
		registered = 1;
	int rc = -1;
	if (FAULT_WRITE_FAILS() || !mkdtemp(staging)) {
		*err = xasprintf("kan geen map naast '%s' maken: %s", out, errtext(errno));
	} else if (chmod(staging, 0755) != 0) {
		*err = xasprintf("kan de map '%s' niet maken: %s", staging, errtext(errno));
		remove_tree(AT_FDCWD, staging);
	} else if (build_outputs(o, st, staging, err) != 0) {
		rename_in_message(err, staging, out);
		remove_tree(AT_FDCWD, staging);
	} else if (swap_in(staging, out, err) != 0) {
		remove_tree(AT_FDCWD, staging);
	} else {
		rc = 0;
	}
	free(staging);
	staging = NULL;
	free(dir);
	free(base);
	return rc;
}
