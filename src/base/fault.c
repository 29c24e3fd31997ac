#include "fault.h"

#ifdef OVC_FAULT_INJECTION

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Sites seen by this process (a typesetting child starts from a copy). */
#define MAX_SITES 4096
static struct seen {
	const char *file;
	int line, is_write;
} seen[MAX_SITES];
static int nseen;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local const char *cur_file;
static _Thread_local int cur_line;
static long alloc_count, write_count;

void fault_at(const char *file, int line)
{
	cur_file = file;
	cur_line = line;
}

static long env_long(const char *name)
{
	const char *v = getenv(name);
	return v ? strtol(v, NULL, 10) : 0;
}

/* Is this the first time this process reaches FILE:LINE? Logs it. */
static int first_visit(const char *file, int line, int is_write)
{
	for (int i = 0; i < nseen; i++)
		if (seen[i].line == line && seen[i].is_write == is_write && strcmp(seen[i].file, file) == 0)
			return 0;
	if (nseen < MAX_SITES)
		seen[nseen++] = (struct seen){file, line, is_write};
	const char *log = getenv("OVC_FAULT_LOG");
	if (log) {
		int fd = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
		if (fd >= 0) {
			char buf[300];
			int n = snprintf(buf, sizeof buf, "%s %s:%d\n", is_write ? "write" : "alloc", file, line);
			if (n > 0 && write(fd, buf, (size_t)n) < 0)
				n = 0;
			close(fd);
		}
	}
	return 1;
}

/* Does site S ("file:line") name FILE:LINE? */
static int site_is(const char *s, const char *file, int line)
{
	size_t n = strlen(file);
	return s && strncmp(s, file, n) == 0 && s[n] == ':' && atoi(s + n + 1) == line;
}

int fault_alloc_fails(void)
{
	const char *file = cur_file ? cur_file : "?";
	int line = cur_line;
	pthread_mutex_lock(&lock);
	long n = ++alloc_count;
	int first = first_visit(file, line, 0);
	pthread_mutex_unlock(&lock);
	long want = env_long("OVC_FAULT_ALLOC");
	if (want > 0 && n == want)
		return 1;
	return first && site_is(getenv("OVC_FAULT_ALLOC_SITE"), file, line);
}

int fault_write_fails(const char *file, int line)
{
	pthread_mutex_lock(&lock);
	long n = ++write_count;
	int first = first_visit(file, line, 1);
	pthread_mutex_unlock(&lock);
	long want = env_long("OVC_FAULT_WRITE");
	if ((want > 0 && n == want) ||
	    (first && site_is(getenv("OVC_FAULT_WRITE_SITE"), file, line))) {
		const char *e = getenv("OVC_FAULT_ERRNO");
		errno = e && strcmp(e, "EIO") == 0 ? EIO : ENOSPC;
		return 1;
	}
	return 0;
}

#else
/* ISO C forbids an empty translation unit. */
typedef int fault_unused;
#endif
