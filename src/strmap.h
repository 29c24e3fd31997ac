#ifndef OVC_STRMAP_H
#define OVC_STRMAP_H

/*
 * A string-keyed hash map (open addressing, FNV-1a) from a NUL-terminated
 * key to a pointer, so that lookups by label, number or id cost the same
 * at 100,000 articles as at 100 (issue 22). The map does not copy or own
 * the keys: they must outlive it. The first value put for a key stays:
 * strmap_put returns the value already there, as a linear scan that
 * stops at the first match would find it.
 */

#include <stddef.h>

struct strmap {
	const char **keys;
	void **vals;
	size_t cap;   /* a power of two, or 0 */
	size_t count;
};

void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);

/* Map KEY to VAL unless KEY is there already; returns the value now stored. */
void *strmap_put(struct strmap *m, const char *key, void *val);

/* The value of KEY, or NULL. */
void *strmap_get(const struct strmap *m, const char *key);

/* The same with a key of N bytes that need not be NUL-terminated. */
void *strmap_get_n(const struct strmap *m, const char *key, size_t n);

#endif
