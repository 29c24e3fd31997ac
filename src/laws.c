#include "laws.h"

#include "embedded.h"
#include "suggest.h"
#include "util.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct law *table;
static size_t ntable;
static size_t **lengths;          /* lengths[i][j] = strlen(table[i].names[j]) */
static unsigned char first[256];  /* bytes that start some name */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void parse_line(const char *line, size_t len, size_t *cap)
{
	const char *tab1 = memchr(line, '\t', len);
	const char *tab2 = tab1 ? memchr(tab1 + 1, '\t', len - (size_t)(tab1 + 1 - line)) : NULL;
	if (!tab2)
		return;
	struct law l = {0};
	l.id = xstrndup(line, (size_t)(tab1 - line));
	char *ref = xstrndup(tab1 + 1, (size_t)(tab2 - tab1 - 1));
	if (strncmp(ref, "http", 4) == 0) {
		l.url = ref;
	} else {
		l.bwb = ref;
		l.url = xasprintf("https://wetten.overheid.nl/%s", ref);
	}
	const char *p = tab2 + 1, *end = line + len;
	size_t capn = 0;
	while (p < end) {
		const char *bar = memchr(p, '|', (size_t)(end - p));
		const char *stop = bar ? bar : end;
		VEC_PUSH(l.names, l.nnames, capn, xstrndup(p, (size_t)(stop - p)));
		p = stop + 1;
	}
	VEC_PUSH(table, ntable, *cap, l);
}

static void load(void)
{
	const struct embedded_file *f = embedded_find("data/wetten.tsv");
	if (!f) {
		fputs("ovc: interne fout: data/wetten.tsv ontbreekt\n", stderr);
		abort();
	}
	const char *p = (const char *)f->data, *end = p + f->len;
	size_t cap = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		if (stop > p && *p != '#')
			parse_line(p, (size_t)(stop - p), &cap);
		p = stop + 1;
	}
	lengths = xcalloc(ntable, sizeof *lengths);
	for (size_t i = 0; i < ntable; i++) {
		lengths[i] = xcalloc(table[i].nnames, sizeof **lengths);
		for (size_t j = 0; j < table[i].nnames; j++) {
			lengths[i][j] = strlen(table[i].names[j]);
			first[(unsigned char)table[i].names[j][0]] = 1;
		}
	}
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
	size_t n;
	const struct law *t = laws_table(&n);
	int best = -1;
	size_t best_len = 0;
	if (!len || !first[(unsigned char)text[0]])
		return -1; /* called at every word: most words start no law name */
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < t[i].nnames; j++) {
			size_t k = lengths[i][j];
			if (k > best_len && k <= len && memcmp(text, t[i].names[j], k) == 0 &&
			    boundary(text, len, k)) {
				best = (int)i;
				best_len = k;
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
	if (!article || !l->bwb)
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
