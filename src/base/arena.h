#ifndef OVC_ARENA_H
#define OVC_ARENA_H

/*
 * A bump allocator for cmark's syntax tree (issue 22). cmark makes three
 * to four million small allocations for a 35 MB ordinance and frees each
 * one again; ovc only walks the tree once and converts it. With an arena
 * the tree is built by bumping a pointer and dropped at once.
 *
 * cmark's allocator interface (cmark_mem) has no context argument, so the
 * arena in use is per thread: arena_cmark_begin makes a fresh arena the
 * thread's and returns the cmark_mem to parse with; arena_cmark_end frees
 * everything allocated through it: the parser and the tree go with it
 * (do not free them with cmark's functions). Begin/end do not nest.
 *
 * Out of memory ends the process as xmalloc does (exit status 3). Under
 * AddressSanitizer the arena passes every call to malloc, so that ASan and
 * the fuzzers still see cmark's memory one allocation at a time.
 */

#include <cmark.h>

cmark_mem *arena_cmark_begin(void);

/* Free the parser and the tree made with the arena, and the arena. */
void arena_cmark_end(cmark_parser *parser, cmark_node *doc);

#endif
