#include "output.h"

#include "errtext.h"
#include "fault.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int output_write_file(const char *path, const void *data, size_t len, char **err)
{
	char *tmp = xasprintf("%s.tmp-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*err = xasprintf("kan '%s' niet schrijven: %s", path, errtext(errno));
		free(tmp);
		return -1;
	}
	const char *p = data;
	size_t left = len;
	while (left) {
		ssize_t n = FAULT_WRITE_FAILS() ? -1 : write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*err = xasprintf("kan '%s' niet schrijven: %s", path, errtext(errno));
			close(fd);
			unlink(tmp);
			free(tmp);
			return -1;
		}
		p += n;
		left -= (size_t)n;
	}
	/* Outputs are for reading by others: rw-r--r--, not mkstemp's 0600. */
	if (fchmod(fd, 0644) != 0 || close(fd) != 0 || FAULT_WRITE_FAILS() ||
	    rename(tmp, path) != 0) {
		*err = xasprintf("kan '%s' niet schrijven: %s", path, errtext(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}

char *output_read_file(const char *path, size_t *len, char **err)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		if (err)
			*err = xasprintf("kan '%s' niet lezen: %s", path, errtext(errno));
		return NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		strbuf_add(&sb, buf, n);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		strbuf_release(&sb);
		if (err)
			*err = xasprintf("kan '%s' niet lezen", path);
		return NULL;
	}
	return strbuf_detach(&sb, len);
}

int output_copy_file(const char *from, const char *to, char **err)
{
	size_t len;
	char *data = output_read_file(from, &len, err);
	if (!data)
		return -1;
	int rc = output_write_file(to, data, len, err);
	free(data);
	return rc;
}

int output_make_dir(const char *dir, char **err)
{
	if (mkdir(dir, 0755) == 0 || errno == EEXIST) {
		struct stat st;
		if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
			return 0;
		if (errno == EEXIST) {
			*err = xasprintf("kan de map '%s' niet maken: er staat een bestand met die naam; "
			                 "kies een andere uitvoermap met -o of verwijder het bestand",
			                 dir);
			return -1;
		}
	}
	*err = xasprintf("kan de map '%s' niet maken: %s", dir, errtext(errno));
	return -1;
}

/* NAME ends in ".tmp-" and the six characters mkstemp fills in. */
static int is_temp_name(const char *name)
{
	size_t n = strlen(name);
	if (n < 12 || strncmp(name + n - 11, ".tmp-", 5) != 0)
		return 0;
	for (size_t i = n - 6; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z') ||
		      (name[i] >= '0' && name[i] <= '9')))
			return 0;
	return 1;
}

void output_remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	time_t now = time(NULL);
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!is_temp_name(e->d_name))
			continue;
		char *path = xasprintf("%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    now - st.st_mtime >= OUTPUT_STALE_SECONDS)
			unlink(path);
		free(path);
	}
	closedir(d);
}
