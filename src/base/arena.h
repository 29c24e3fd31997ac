#ifndef OVC_ARENA_H
#define OVC_ARENA_H

/*
 * A bump allocator for cmark's syntax trees (issue 22). cmark makes some
 * three million small allocations for a 35 MB ordinance and frees each one
 * again; ovc walks each tree once and converts it. In an arena a tree is
 * built by bumping a pointer and dropped at once.
 *
 * cmark's allocator interface (cmark_mem) has no context argument, so the
 * arena that cmark allocates from is the calling thread's current one:
 * arena_enter(a) before parsing and before walking a tree (cmark allocates
 * while iterating), arena_enter(NULL) after. An arena is used by one
 * thread at a time; a tree parsed by one thread may be walked by another
 * that enters its arena.
 *
 *   struct arena *a = arena_new();
 *   arena_enter(a);
 *   cmark_parser *cp = cmark_parser_new_with_mem(opts, arena_cmark_mem());
 *   … feed, finish, walk …
 *   arena_enter(NULL);
 *   arena_release(a, cp, doc);   (frees the parser, the tree and the arena)
 *
 * Out of memory ends the process as xmalloc does (exit status 3). Under
 * AddressSanitizer the arena passes every call to malloc, so that ASan and
 * the fuzzers still see cmark's memory one allocation at a time.
 */

#include <cmark.h>

struct arena;

struct arena *arena_new(void);
void arena_enter(struct arena *a);
cmark_mem *arena_cmark_mem(void);

/* Free the parser and the tree made in A, and A itself. */
void arena_release(struct arena *a, cmark_parser *parser, cmark_node *doc);

#endif
