#ifndef OVC_FAULT_H
#define OVC_FAULT_H

/*
 * Fault injection for tests, in the style of SQLite's fault hooks
 * (docs/atomisch.md). Only a test build has it: `make FAULT=1` compiles
 * with -DOVC_FAULT_INJECTION into build-fault/. In every other build the
 * hooks below are constants and cost nothing.
 *
 * A site is the source line that calls an allocating function of
 * src/base/util.h (the macros at its end record it) or writes an output.
 * Environment of the test build:
 *   OVC_FAULT_ALLOC=N        the N-th allocation (from 1, all processes
 *                            of the build count on) returns NULL
 *   OVC_FAULT_ALLOC_SITE=S   the first allocation at site S ("src/x.c:12")
 *   OVC_FAULT_WRITE=N        the N-th output write fails ...
 *   OVC_FAULT_WRITE_SITE=S   ... or the first one at site S ...
 *   OVC_FAULT_ERRNO=E        ... with ENOSPC (default) or EIO
 *   OVC_FAULT_LOG=FILE       append "alloc S" / "write S" for each site
 *                            the first time a process reaches it
 */

#ifdef OVC_FAULT_INJECTION
/* Remember the calling source line for the next allocation. */
void fault_at(const char *file, int line);
/* Should this allocation fail? */
int fault_alloc_fails(void);
/* Should this write at FILE:LINE fail? Then errno is set. */
int fault_write_fails(const char *file, int line);
#define FAULT_WRITE_FAILS() fault_write_fails(__FILE__, __LINE__)
#else
#define fault_alloc_fails() 0
#define FAULT_WRITE_FAILS() 0
#endif

#endif
