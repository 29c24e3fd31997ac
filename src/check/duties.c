#include "duties.h"

#include "diag.h"
#include "laws.h"
#include "model.h"
#include "tsv.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct duty {
	char part[24];     /* wet= of the part that brings the duty */
	int law;           /* index in the law table */
	char article[16];
	int lid;           /* 0: the article as a whole */
	char point;        /* onderdeel letter, or 0 */
	const char *topic; /* points into the embedded table (not NUL-terminated there) */
	size_t topic_len;
};

static void copy_field(char *dst, size_t cap, const struct tsv_field *f)
{
	size_t n = f->n;
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, f->s, n);
	dst[n] = '\0';
}

/* The table of duties; it is data of the program, so a bad line is a bug (tsv.h). */
static struct duty *load(size_t *count)
{
	struct tsv t;
	tsv_open(&t, "data/plichten.tsv");
	struct duty *tb = NULL;
	size_t n = 0, cap = 0;
	while (tsv_next(&t)) {
		const struct tsv_field *fv = t.field;
		char buf[24];
		struct duty d = {0};
		tsv_expect(&t, 6, 6);
		copy_field(d.part, sizeof d.part, &fv[0]);
		copy_field(buf, sizeof buf, &fv[1]);
		d.law = laws_find(buf);
		copy_field(d.article, sizeof d.article, &fv[2]);
		copy_field(buf, sizeof buf, &fv[3]);
		d.lid = atoi(buf);
		d.point = fv[4].n == 1 && fv[4].s[0] != '-' ? fv[4].s[0] : 0;
		d.topic = fv[5].s;
		d.topic_len = fv[5].n;
		if (d.law < 0)
			tsv_fail(&t, "onbekende wet '%.*s'", (int)fv[1].n, fv[1].s);
		VEC_PUSH(tb, n, cap, d);
	}
	*count = n;
	return tb;
}

/* Does grondslag G cite duty D, or a wider unit that contains it? */
static int covers(const struct grondslag *g, const struct duty *d)
{
	if (g->law != d->law || !g->article || strcmp(g->article, d->article) != 0)
		return 0;
	if (d->lid && g->lids && !(g->lids & (1u << d->lid)))
		return 0;
	if (d->point && g->points[0] && !strchr(g->points, d->point))
		return 0;
	return 1;
}

/* Every grondslag that cites an article, sorted by law and article, so
 * that a duty is looked up in log time: a scan per duty was quadratic
 * (duties × articles) at 100,000 articles (issue 22). */
struct cited {
	const struct grondslag **g;
	size_t n;
};

static int cited_cmp(const void *a, const void *b)
{
	const struct grondslag *x = *(const struct grondslag *const *)a;
	const struct grondslag *y = *(const struct grondslag *const *)b;
	if (x->law != y->law)
		return x->law < y->law ? -1 : 1;
	return strcmp(x->article, y->article);
}

static struct cited cited_collect(const struct ordinance *o)
{
	struct cited c = {NULL, 0};
	size_t cap = 0;
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if (u->kind != UNIT_ARTICLE)
			continue;
		for (size_t k = 0; k < u->ngrondslagen; k++)
			if (u->grondslagen[k].article) {
				const struct grondslag *g = &u->grondslagen[k];
				VEC_PUSH(c.g, c.n, cap, g);
			}
	}
	if (c.n > 1)
		qsort(c.g, c.n, sizeof *c.g, cited_cmp);
	return c;
}

static int met(const struct cited *c, const struct duty *d)
{
	struct grondslag key = {.law = d->law, .article = (char *)(uintptr_t)d->article};
	const struct grondslag *kp = &key;
	size_t lo = 0, hi = c->n; /* the first entry not below the key */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cited_cmp(&c->g[mid], &kp) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < c->n && cited_cmp(&c->g[i], &kp) == 0; i++)
		if (covers(c->g[i], d))
			return 1;
	return 0;
}

/* The short name a reader knows: "Wmo 2015" rather than the 39-letter citeertitel. */
static const char *law_name(int law)
{
	size_t n;
	const struct law *t = laws_table(&n);
	const struct law *l = &t[law];
	return strlen(l->names[0]) > 30 && l->nnames > 1 ? l->names[1] : l->names[0];
}

/* "artikel 2.1.3, tweede lid, onder a, van de Wmo 2015" */
static char *citation(const struct duty *d)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "artikel %s", d->article);
	if (d->lid)
		strbuf_printf(&sb, ", %s lid", ordinal_word(d->lid));
	if (d->point)
		strbuf_printf(&sb, ", onder %c", d->point);
	strbuf_printf(&sb, ", van de %s", law_name(d->law));
	if (!d->lid && !d->point) {
		/* "artikel 2.1.6 van de Wmo 2015": no commas around a bare article */
		char *s = strbuf_detach(&sb, NULL);
		char *r = xasprintf("artikel %s van de %s", d->article, law_name(d->law));
		free(s);
		return r;
	}
	return strbuf_detach(&sb, NULL);
}

void check_duties(const struct ordinance *o, struct diag_sink *diags)
{
	const char *sw = o->fm[FM_PLICHTEN];
	if (sw && strcmp(sw, "uit") == 0)
		return;
	size_t n;
	struct duty *t = load(&n);
	struct cited c = cited_collect(o);
	for (size_t p = 0; p < o->nparts; p++) {
		const struct unit *part = o->parts[p];
		if (!part->wet)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(t[i].part, part->wet) != 0 || met(&c, &t[i]))
				continue;
			char *cite = citation(&t[i]);
			diag_report(diags, part->span.src, part->span.start, part->span.end, RULE_PLICHT_ONTBREEKT,
			            "de %s vraagt de raad te regelen: %.*s (%s); geen artikel noemt die "
			            "bepaling in grondslag=",
			            law_name(t[i].law), (int)t[i].topic_len, t[i].topic, cite);
			free(cite);
		}
	}
	free(c.g);
	free(t);
}
