#include "strmap.h"

#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash_n(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

void strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof *m);
}

void strmap_release(struct strmap *m)
{
	free(m->keys);
	free(m->vals);
	strmap_init(m);
}

/* Slot of the key of N bytes: where it is, or the empty slot it would go to. */
static size_t slot_of(const struct strmap *m, const char *key, size_t n)
{
	size_t mask = m->cap - 1, i = (size_t)hash_n(key, n) & mask;
	while (m->keys[i] && (strncmp(m->keys[i], key, n) != 0 || m->keys[i][n] != '\0'))
		i = (i + 1) & mask;
	return i;
}

/* Keep the load at most one half: probes stay short. */
static void grow(struct strmap *m)
{
	struct strmap big = {xcalloc(m->cap ? m->cap * 2 : 16, sizeof *big.keys), NULL,
	                     m->cap ? m->cap * 2 : 16, m->count};
	big.vals = xcalloc(big.cap, sizeof *big.vals);
	for (size_t i = 0; i < m->cap; i++)
		if (m->keys[i]) {
			size_t j = slot_of(&big, m->keys[i], strlen(m->keys[i]));
			big.keys[j] = m->keys[i];
			big.vals[j] = m->vals[i];
		}
	strmap_release(m);
	*m = big;
}

void *strmap_put(struct strmap *m, const char *key, void *val)
{
	if ((m->count + 1) * 2 > m->cap)
		grow(m);
	size_t i = slot_of(m, key, strlen(key));
	if (m->keys[i])
		return m->vals[i];
	m->keys[i] = key;
	m->vals[i] = val;
	m->count++;
	return val;
}

void *strmap_get_n(const struct strmap *m, const char *key, size_t n)
{
	if (!m->cap)
		return NULL;
	size_t i = slot_of(m, key, n);
	return m->keys[i] ? m->vals[i] : NULL;
}

void *strmap_get(const struct strmap *m, const char *key)
{
	return strmap_get_n(m, key, strlen(key));
}
