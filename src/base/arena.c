#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "arena.h"

#include "util.h"

#include "fault.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_PASSTHROUGH 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_PASSTHROUGH 1
#endif
#endif

#ifndef ARENA_PASSTHROUGH

/* Every block starts with its size, so that realloc knows what to copy.
 * Blocks are 8-byte aligned: cmark stores pointers, sizes and ints, no
 * long double or vector types. */
struct head {
	size_t size;
};

struct chunk {
	struct chunk *prev;
	size_t used, cap; /* bytes of data[] */
	size_t pad;
	unsigned char data[];
};

#define CHUNK_MIN ((size_t)1 << 20)

struct arena {
	struct chunk *top;
	struct head *last; /* the newest block: it can grow or shrink in place */
};

static _Thread_local struct arena *current;

static size_t round8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/*
 * Chunks are pages of their own (mmap), not malloc'ed: freed, they go
 * back to the system at once. From malloc, 1 MB blocks freed by one
 * thread and needed by another stayed in the process (glibc keeps an
 * arena per thread), 20 MB at 100,000 articles.
 */
/* A few freed chunks of the usual size wait for the next piece: mapping
 * fresh pages costs a page fault each (twice the system time). */
#define POOL_MAX 8
static struct chunk *pool[POOL_MAX];
static size_t npool;
static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;

static struct chunk *pool_take(void)
{
	pthread_mutex_lock(&pool_mu);
	struct chunk *c = npool ? pool[--npool] : NULL;
	pthread_mutex_unlock(&pool_mu);
	return c;
}

static int pool_put(struct chunk *c)
{
	pthread_mutex_lock(&pool_mu);
	int kept = c->cap == CHUNK_MIN - sizeof *c && npool < POOL_MAX;
	if (kept)
		pool[npool++] = c;
	pthread_mutex_unlock(&pool_mu);
	return kept;
}

static struct chunk *chunk_new(struct chunk *prev, size_t need)
{
	size_t cap = need > CHUNK_MIN - sizeof(struct chunk) ? need : CHUNK_MIN - sizeof(struct chunk);
	struct chunk *c = cap == CHUNK_MIN - sizeof(struct chunk) ? pool_take() : NULL;
	if (c) {
		c->prev = prev;
		c->used = 0;
		return c;
	}
#ifdef OVC_FAULT_INJECTION
	fault_at(__FILE__, __LINE__);
#endif
	if (fault_alloc_fails())
		die_oom();
	void *m = mmap(NULL, sizeof(struct chunk) + cap, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED)
		die_oom();
	c = m;
	c->prev = prev;
	c->used = 0;
	c->cap = cap;
	return c;
}

static void chunk_free(struct chunk *c)
{
	if (!pool_put(c))
		munmap(c, sizeof *c + c->cap);
}

static void *arena_alloc(size_t n)
{
	struct arena *a = current;
	if (n > SIZE_MAX / 4)
		die_oom();
	size_t need = sizeof(struct head) + round8(n);
	if (!a->top || a->top->cap - a->top->used < need)
		a->top = chunk_new(a->top, need);
	struct head *h = (struct head *)(void *)(a->top->data + a->top->used);
	a->top->used += need;
	h->size = n;
	a->last = h;
	return h + 1;
}

static void *arena_calloc(size_t count, size_t size)
{
	if (size && count > SIZE_MAX / 4 / size)
		die_oom();
	void *p = arena_alloc(count * size);
	memset(p, 0, count * size);
	return p;
}

static int is_last(const struct arena *a, const struct head *h)
{
	return h == a->last && a->top &&
	       (const unsigned char *)(h + 1) + round8(h->size) == a->top->data + a->top->used;
}

/* cmark grows its string buffers by realloc: the newest block grows in
 * place while its chunk has room, so a growing buffer is not copied. */
static void *arena_realloc(void *p, size_t n)
{
	if (!p)
		return arena_alloc(n);
	struct arena *a = current;
	struct head *h = (struct head *)p - 1;
	if (is_last(a, h) && n <= SIZE_MAX / 4) {
		size_t old = round8(h->size), want = round8(n);
		if (want <= old || a->top->cap - a->top->used >= want - old) {
			a->top->used = a->top->used - old + want;
			h->size = n;
			return p;
		}
	}
	void *q = arena_alloc(n);
	memcpy(q, p, h->size < n ? h->size : n);
	return q;
}

/* A block in the middle stays until the arena ends; the newest is given back. */
static void arena_free(void *p)
{
	struct arena *a = current;
	if (!p)
		return;
	struct head *h = (struct head *)p - 1;
	if (is_last(a, h)) {
		a->top->used -= sizeof *h + round8(h->size);
		a->last = NULL;
	}
}

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_enter(struct arena *a)
{
	current = a;
}

cmark_mem *arena_cmark_mem(void)
{
	return &arena_mem;
}

void arena_release(struct arena *a, cmark_parser *parser, cmark_node *doc)
{
	(void)parser, (void)doc; /* their memory is the arena's */
	if (!a)
		return;
	while (a->top) {
		struct chunk *prev = a->top->prev;
		chunk_free(a->top);
		a->top = prev;
	}
	if (current == a)
		current = NULL;
	free(a);
}

#else /* ARENA_PASSTHROUGH */

static void *plain_calloc(size_t count, size_t size)
{
	return xcalloc(count, size);
}

static void *plain_realloc(void *p, size_t n)
{
	return xrealloc(p, n);
}

static cmark_mem plain_mem = {plain_calloc, plain_realloc, free};

/* A token: no arena under ASan. */
struct arena {
	int unused;
};

struct arena *arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void arena_enter(struct arena *a)
{
	(void)a;
}

cmark_mem *arena_cmark_mem(void)
{
	return &plain_mem;
}

void arena_release(struct arena *a, cmark_parser *parser, cmark_node *doc)
{
	if (doc)
		cmark_node_free(doc);
	if (parser)
		cmark_parser_free(parser);
	free(a);
}

#endif
