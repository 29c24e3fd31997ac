#include "fuzz_common.h"

#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpl[] = "/tmp/ovc-fuzz-XXXXXX";

char *fuzz_path(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	if (!in || !out) {
		fprintf(stderr, "fuzz: cannot copy %s\n", from);
		exit(2);
	}
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	fclose(in);
	fclose(out);
}

static void copy_dir(const char *from, const char *to)
{
	DIR *dp = opendir(from);
	if (!dp) {
		fprintf(stderr, "fuzz: cannot read %s\n", from);
		exit(2);
	}
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char *a = fuzz_path(from, e->d_name), *b = fuzz_path(to, e->d_name);
		struct stat st;
		if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
			mkdir(b, 0755);
			copy_dir(a, b);
		} else {
			copy_file(a, b);
		}
		free(a);
		free(b);
	}
	closedir(dp);
}

static void remove_tree(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp)
		return;
	struct dirent *e;
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *p = fuzz_path(dir, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(p);
		else
			unlink(p);
		free(p);
	}
	closedir(dp);
	rmdir(dir);
}

static void cleanup(void)
{
	remove_tree(tmpl);
}

char *fuzz_fixture_copy(void)
{
	if (!mkdtemp(tmpl)) {
		perror("fuzz: mkdtemp");
		exit(2);
	}
	atexit(cleanup);
	copy_dir(FUZZ_FIXTURE, tmpl);
	return tmpl;
}
