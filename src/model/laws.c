#include "laws.h"

#include "suggest.h"
#include "tsv.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct law *table;
static size_t ntable;
static size_t **lengths;          /* lengths[i][j] = strlen(table[i].names[j]) */
static unsigned char first[256];  /* bytes that start some name */
/*
 * Every name, bucketed by its first two bytes: with the register's 2,500
 * acts, laws_match (called at every word) looks at a handful of names.
 */
struct name_ref {
	const char *name;
	size_t len;
	int law;
};
static struct name_ref *names_by_key;
#define NBUCKETS 4096
static size_t *bucket; /* NBUCKETS + 1 offsets into names_by_key */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* data/wetten.tsv: "id, page (BWB id, URL or -), names separated by |". */
static void parse_line(const struct tsv *t, size_t *cap)
{
	tsv_expect(t, 3, 3);
	struct law l = {0};
	l.id = xstrndup(t->field[0].s, t->field[0].n);
	char *ref = xstrndup(t->field[1].s, t->field[1].n);
	if (strcmp(ref, "-") == 0) {
		free(ref); /* known, but no page to link to (the Burgerlijk Wetboek as a whole) */
	} else if (strncmp(ref, "http", 4) == 0) {
		l.url = ref;
	} else {
		l.bwb = ref;
		l.url = xasprintf("https://wetten.overheid.nl/%s", ref);
	}
	const char *p = t->field[2].s, *end = p + t->field[2].n;
	size_t capn = 0;
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *stop = bar ? bar : end;
		VEC_PUSH(l.names, l.nnames, capn, xstrndup(p, (size_t)(stop - p)));
		p = stop + 1;
	}
	VEC_PUSH(table, ntable, *cap, l);
}

static size_t nhand; /* rows from data/wetten.tsv; the register's own rows are unique */

static int find_bwb(const char *bwb, size_t n)
{
	for (size_t i = 0; i < nhand; i++)
		if (table[i].bwb && table[i].bwb[10] == bwb[10] && strncmp(table[i].bwb, bwb, n) == 0)
			return (int)i;
	return -1;
}

/*
 * data/bwb.tsv: "BWB id, kind, citeertitel". An act that data/wetten.tsv
 * already lists gains the citeertitel as one more name.
 */
static void register_line(const struct tsv *t, size_t *cap)
{
	tsv_expect(t, 3, 3);
	const struct tsv_field *id = &t->field[0], *cite = &t->field[2];
	if (id->n != 11)
		tsv_fail(t, "'%.*s' is geen BWB-id", (int)id->n, id->s);
	int at = find_bwb(id->s, id->n);
	if (at >= 0) {
		struct law *l = &table[at];
		for (size_t j = 0; j < l->nnames; j++)
			if (strlen(l->names[j]) == cite->n && memcmp(l->names[j], cite->s, cite->n) == 0)
				return;
		l->names = xrealloc(l->names, (l->nnames + 1) * sizeof *l->names);
		l->names[l->nnames++] = xstrndup(cite->s, cite->n);
		return;
	}
	struct law l = {0};
	l.bwb = xstrndup(id->s, id->n); /* the page link is made when asked (laws_url) */
	l.id = l.bwb;                   /* the BWB id itself ("BWBR0035779") */
	l.names = xmalloc(sizeof *l.names);
	l.names[0] = xstrndup(cite->s, cite->n);
	l.nnames = 1;
	VEC_PUSH(table, ntable, *cap, l);
}

static void load_register(size_t *cap)
{
	struct tsv t;
	tsv_open(&t, "data/bwb.tsv");
	while (tsv_next(&t))
		register_line(&t, cap);
}

/*
 * A name's bucket: a hash of its first KEYLEN bytes (all of a shorter name).
 * "Wet …" starts 800 names; six bytes ("Wet op", "Wet ma") spread them.
 */
#define KEYLEN 6

static unsigned key_of(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n && i < KEYLEN; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h % NBUCKETS;
}

static void index_names(void)
{
	size_t total = 0;
	for (size_t i = 0; i < ntable; i++)
		total += table[i].nnames;
	bucket = xcalloc(NBUCKETS + 1, sizeof *bucket);
	names_by_key = xcalloc(total ? total : 1, sizeof *names_by_key);
	for (size_t i = 0; i < ntable; i++)
		for (size_t j = 0; j < table[i].nnames; j++)
			bucket[key_of(table[i].names[j], lengths[i][j]) + 1]++;
	for (size_t k = 1; k <= NBUCKETS; k++)
		bucket[k] += bucket[k - 1];
	size_t *fill = xcalloc(NBUCKETS, sizeof *fill);
	for (size_t i = 0; i < ntable; i++)
		for (size_t j = 0; j < table[i].nnames; j++) {
			unsigned k = key_of(table[i].names[j], lengths[i][j]);
			struct name_ref r = {table[i].names[j], lengths[i][j], (int)i};
			names_by_key[bucket[k] + fill[k]++] = r;
		}
	free(fill);
}

static void load(void)
{
	struct tsv t;
	tsv_open(&t, "data/wetten.tsv");
	size_t cap = 0;
	while (tsv_next(&t))
		parse_line(&t, &cap);
	nhand = ntable;
	load_register(&cap);
	lengths = xcalloc(ntable, sizeof *lengths);
	for (size_t i = 0; i < ntable; i++) {
		lengths[i] = xcalloc(table[i].nnames, sizeof **lengths);
		for (size_t j = 0; j < table[i].nnames; j++) {
			lengths[i][j] = strlen(table[i].names[j]);
			first[(unsigned char)table[i].names[j][0]] = 1;
		}
	}
	index_names();
}

const struct law *laws_table(size_t *n)
{
	pthread_once(&once, load);
	*n = ntable;
	return table;
}

int laws_find(const char *id)
{
	size_t n;
	const struct law *t = laws_table(&n);
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int boundary(const char *text, size_t len, size_t at)
{
	if (at >= len)
		return 1;
	unsigned char c = (unsigned char)text[at];
	return !is_word_byte(c) && !(c >= '0' && c <= '9');
}

int laws_match(const char *text, size_t len, size_t *matched)
{
	size_t ntab;
	laws_table(&ntab);
	int best = -1;
	size_t best_len = 0;
	if (!len || !first[(unsigned char)text[0]])
		return -1; /* called at every word: most words start no law name */
	/* names shorter than KEYLEN sit in the bucket of their whole text */
	for (size_t n = 1; n <= KEYLEN && n <= len; n++) {
		unsigned k = key_of(text, n);
		for (size_t i = bucket[k]; i < bucket[k + 1]; i++) {
			const struct name_ref *r = &names_by_key[i];
			if ((n < KEYLEN && r->len != n) || (n == KEYLEN && r->len < KEYLEN))
				continue;
			if (r->len > best_len && r->len <= len && memcmp(text, r->name, r->len) == 0 &&
			    boundary(text, len, r->len)) {
				best = r->law;
				best_len = r->len;
			}
		}
	}
	if (best >= 0)
		*matched = best_len;
	return best;
}

char *laws_url(int law, const char *article, int lid)
{
	size_t n;
	const struct law *t = laws_table(&n);
	if (law < 0 || (size_t)law >= n)
		return NULL;
	const struct law *l = &t[law];
	if (!l->url && !l->bwb)
		return NULL;
	if (!article && l->bwb)
		return xasprintf("https://wetten.overheid.nl/%s", l->bwb);
	if (!l->bwb)
		return xstrdup(l->url);
	if (lid > 0)
		return xasprintf("https://wetten.overheid.nl/jci1.3:c:%s&artikel=%s&lid=%d", l->bwb,
		                 article, lid);
	return xasprintf("https://wetten.overheid.nl/jci1.3:c:%s&artikel=%s", l->bwb, article);
}

const char *laws_suggest(const char *name, size_t n)
{
	size_t nl;
	const struct law *t = laws_table(&nl);
	struct suggest sg;
	suggest_init(&sg, name, n);
	for (size_t i = 0; i < nl; i++)
		for (size_t k = 0; k < t[i].nnames; k++)
			suggest_add(&sg, t[i].names[k]);
	return sg.best;
}

const char *laws_suggest_id(const char *id)
{
	size_t nl;
	const struct law *t = laws_table(&nl);
	struct suggest sg;
	suggest_init(&sg, id, strlen(id));
	for (size_t i = 0; i < nl; i++)
		suggest_add(&sg, t[i].id);
	return sg.best;
}
