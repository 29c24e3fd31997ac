/*
 * Definitions in a regulation written in opbouw: vrij, as adopted texts
 * write them: no type=begrippen, but a lid that ends in "wordt verstaan
 * onder:" followed by lettered onderdelen "a. term: definitie;". Such an
 * article is the begrippen article; its terms are checked like any. A term
 * whose whole definition is the name of a law ("wet: Jeugdwet") becomes an
 * alias of that law for citations ("artikel 2.3 van de wet").
 */

#include "vrij.h"

#include "diag.h"
#include "laws.h"
#include "model.h"
#include "util.h"
#include "walk.h"

#include <stdlib.h>
#include <string.h>

/* Does the lid's lead-in end with "verstaan onder:"? */
static int defines_terms(const struct lid *l)
{
	const struct blk *b = l->intro;
	while (b && b->next)
		b = b->next;
	if (!b || b->kind != BLK_PARA || !b->run || !l->npoints)
		return 0;
	size_t n = b->run->len;
	while (n && b->run->text[n - 1] == ' ')
		n--;
	return n && b->run->text[n - 1] == ':' && ascii_casestr_n(b->run->text, n, "verstaan onder");
}

/* The text of the first inline when it is bold or italic ("**term**: …"). */
static size_t marked_term(const struct run *r, const struct blk *para)
{
	const struct inl *first = para->inl;
	if (!first || (first->kind != INL_STRONG && first->kind != INL_EMPH))
		return 0;
	size_t k = 0;
	while (k < r->len && run_src_off(r, k) < first->span.end)
		k++;
	return k;
}

/*
 * The length of the term at the start of R: the text before the first
 * colon, at most six words and no sentence ("budgethouder: …"); 0 when
 * the item is not of that form.
 */
static size_t plain_term(const struct run *r)
{
	size_t words = 1;
	for (size_t i = 0; i < r->len && i < 100; i++) {
		char c = r->text[i];
		if (c == ':')
			return i;
		if (c == '.' || c == ';' || c == ',')
			return 0;
		if (c == ' ' && ++words > 6)
			return 0;
	}
	return 0;
}

static void add_alias(struct ordinance *o, const char *term, const char *def, size_t n,
                      size_t *cap)
{
	while (n && strchr(" ;.,", def[n - 1]))
		n--;
	if (n > 3 && strncmp(def + n - 3, " en", 3) == 0)
		n -= 3;
	while (n && def[n - 1] == ' ')
		n--;
	if (n > 3 && (strncmp(def, "de ", 3) == 0))
		def += 3, n -= 3;
	else if (n > 4 && strncmp(def, "het ", 4) == 0)
		def += 4, n -= 4;
	size_t m;
	int law = laws_match(def, n, &m);
	if (law < 0 || m != n)
		return;
	struct law_alias a = {xstrdup(term), law};
	VEC_PUSH(o->aliases, o->naliases, *cap, a);
}

static void read_term(struct ordinance *o, struct unit *a, struct point *pt, size_t *cap,
                      size_t *capalias)
{
	struct blk *para = pt->content;
	if (!para || para->kind != BLK_PARA || !para->run)
		return;
	const struct run *r = para->run;
	size_t k = marked_term(r, para);
	size_t colon = k;
	while (colon < r->len && r->text[colon] == ' ')
		colon++;
	if (!k || colon >= r->len || r->text[colon] != ':') {
		k = plain_term(r);
		colon = k;
	}
	while (k && r->text[k - 1] == ' ')
		k--;
	if (!k)
		return;
	struct term t = {0};
	t.term = xstrndup(r->text, k);
	struct strbuf id;
	strbuf_init(&id);
	for (size_t i = 0; i < k; i++) {
		unsigned char c = (unsigned char)r->text[i];
		if (c == '(')
			break;
		if (c == ' ' || c == '-' || c == '/') {
			if (id.len && id.buf[id.len - 1] != '-')
				strbuf_putc(&id, '-');
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
			strbuf_putc(&id, (char)c);
		} else if (c >= 'A' && c <= 'Z') {
			strbuf_putc(&id, (char)ascii_lower(c));
		}
	}
	while (id.len && id.buf[id.len - 1] == '-')
		id.buf[--id.len] = '\0';
	t.id = strbuf_detach(&id, NULL);
	t.item = para;
	t.span = (struct span){para->span.src, run_src_off(r, 0), run_src_off(r, k)};
	for (size_t i = 0; i < a->nterms; i++)
		if (strcmp(a->terms[i].id, t.id) == 0) {
			free(t.term);
			free(t.id);
			return; /* defined twice: the first counts */
		}
	VEC_PUSH(a->terms, a->nterms, *cap, t);
	const char *def = r->text + colon + 1;
	while (*def == ' ')
		def++;
	add_alias(o, a->terms[a->nterms - 1].term, def, r->len - (size_t)(def - r->text), capalias);
}

struct hierna_scan {
	struct ordinance *o;
	size_t *cap;
};

/*
 * "de Wet maatschappelijke ondersteuning 2015 (hierna: de wet)", "(hierna te
 * noemen: Awb)": the name in brackets becomes an alias of the law right
 * before it, as a definition would make it.
 */
static void hierna_in(const struct blk *b, const struct text_ctx *c, void *ud)
{
	(void)c;
	struct hierna_scan *hs = ud;
	const struct run *r = b->run;
	if (!r)
		return;
	for (size_t i = 0; i + 8 < r->len; i++) {
		if (r->text[i] != '(' || ascii_casecmp_n(r->text + i + 1, "hierna", 6) != 0)
			continue;
		const char *colon = memchr(r->text + i, ':', r->len - i < 30 ? r->len - i : 30);
		const char *close = colon ? memchr(colon, ')', r->len - (size_t)(colon - r->text)) : NULL;
		if (!close || close - colon > 60)
			continue;
		const char *a = colon + 1;
		while (*a == ' ')
			a++;
		if (!strncmp(a, "de ", 3))
			a += 3;
		else if (!strncmp(a, "het ", 4))
			a += 4;
		size_t end = i;
		while (end && r->text[end - 1] == ' ')
			end--;
		for (size_t st = end > 100 ? end - 100 : 0; st < end; st++) {
			if (st && is_word_byte((unsigned char)r->text[st - 1]))
				continue;
			size_t m;
			int law = laws_match(r->text + st, end - st, &m);
			if (law >= 0 && m == end - st) {
				char *name = xstrndup(a, (size_t)(close - a));
				struct law_alias al = {name, law};
				VEC_PUSH(hs->o->aliases, hs->o->naliases, *hs->cap, al);
				break;
			}
		}
	}
}

void vrij_definitions(struct ordinance *o, struct diag_sink *d)
{
	(void)d;
	size_t capalias = o->naliases;
	for (size_t i = 0; i < o->narticles && !o->begrippen; i++) {
		struct unit *a = o->articles[i];
		if (a->type)
			continue;
		size_t cap = 0;
		for (size_t j = 0; j < a->nleden; j++) {
			struct lid *l = &a->leden[j];
			if (!defines_terms(l))
				continue;
			for (size_t k = 0; k < l->npoints; k++)
				read_term(o, a, &l->points[k], &cap, &capalias);
		}
		if (a->nterms) {
			a->type = xstrdup("begrippen");
			o->begrippen = a;
		}
	}
	struct hierna_scan hs = {o, &capalias};
	ordinance_each_text(o, hierna_in, &hs);
	/* a begrippen article written with type=begrippen may define law names too */
	if (o->begrippen && !o->naliases) {
		struct unit *a = o->begrippen;
		for (size_t i = 0; i < a->nterms; i++) {
			const struct run *r = a->terms[i].item ? a->terms[i].item->run : NULL;
			const char *c = r ? memchr(r->text, ':', r->len) : NULL;
			if (!c)
				continue;
			c++;
			while (*c == ' ')
				c++;
			add_alias(o, a->terms[i].term, c, r->len - (size_t)(c - r->text), &capalias);
		}
	}
}
