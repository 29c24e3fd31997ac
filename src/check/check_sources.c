#include "check_sources.h"

#include "diag.h"
#include "laws.h"
#include "model.h"
#include "refs.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* One provision: an article of a law, or the law as a whole (article NULL). */
struct provision {
	int law;
	const char *article;  /* borrowed from the model or from a scan copy */
	int range_from;       /* this is the end of "X tot en met Y": X is the previous entry */
	const struct unit *by; /* for a grondslag: the article that cites it */
	const struct source *src;
	size_t start, end;    /* where it is written */
};

struct provisions {
	struct provision *v;
	size_t n, cap;
	char **owned; /* article numbers copied out of scans */
	size_t nowned, capowned;
};

static void provisions_release(struct provisions *p)
{
	for (size_t i = 0; i < p->nowned; i++)
		free(p->owned[i]);
	free(p->owned);
	free(p->v);
}

static int same(const struct provision *x, int law, const char *article)
{
	if (x->law != law)
		return 0;
	if (!x->article || !article)
		return !x->article && !article;
	return strcmp(x->article, article) == 0;
}

/* Is (LAW, ARTICLE) in the list L, directly or inside one of its ranges?
 * A law named as a whole (ARTICLE NULL, "gelet op de Wmo 2015") is in L
 * when L cites any article of it. */
static int listed(const struct provisions *l, int law, const char *article)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct provision *x = &l->v[i];
		if (same(x, law, article) || (!article && x->law == law))
			return 1;
		if (x->range_from && i > 0 && article && x->law == law && x->article &&
		    l->v[i - 1].article && number_natural_cmp(l->v[i - 1].article, article) <= 0 &&
		    number_natural_cmp(article, x->article) <= 0)
			return 1;
	}
	return 0;
}

/* The grondslagen of every article, each provision once (first citation wins). */
static void collect_grondslagen(const struct ordinance *o, struct provisions *g)
{
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *a = o->articles[i];
		for (size_t k = 0; k < a->ngrondslagen; k++) {
			const struct grondslag *gs = &a->grondslagen[k];
			if (gs->law < 0 || listed(g, gs->law, gs->article))
				continue;
			struct provision p = {gs->law, gs->article, 0, a, gs->span.src, gs->span.start,
			                      gs->span.end};
			VEC_PUSH(g->v, g->n, g->cap, p);
		}
	}
}

/* The citations of laws in one paragraph or heading. */
static void collect_run(const struct blk *b, struct provisions *out)
{
	const struct run *r = b->run;
	if (!r || !r->len)
		return;
	unsigned char *skip = xmalloc(r->len);
	for (size_t i = 0; i < r->len; i++)
		skip[i] = r->flags ? r->flags[i] & (RUN_LINK | RUN_CODE) : 0;
	struct ref_scan sc;
	ref_scan_init(&sc);
	refs_scan(r->text, r->len, skip, &sc);
	for (size_t i = 0; i < sc.nrefs; i++) {
		const struct ref *ref = &sc.refs[i];
		if (ref->law < 0)
			continue;
		if (ref->law_only) {
			struct provision p = {ref->law, NULL, 0, NULL, b->span.src,
			                      run_src_off(r, ref->start), run_src_off(r, ref->end)};
			VEC_PUSH(out->v, out->n, out->cap, p);
			continue;
		}
		for (size_t k = 0; k < ref->nitems; k++) {
			const struct ref_item *it = &ref->items[k];
			if (it->kind != RK_ARTICLE || !it->num[0])
				continue;
			char *num = xstrdup(it->num);
			VEC_PUSH(out->owned, out->nowned, out->capowned, num);
			struct provision p = {ref->law, num, it->range_end, NULL, b->span.src,
			                      run_src_off(r, it->start), run_src_off(r, it->end)};
			VEC_PUSH(out->v, out->n, out->cap, p);
		}
	}
	ref_scan_release(&sc);
	free(skip);
}

static void collect_blocks(const struct blk *b, int lists_only, int in_list, struct provisions *out)
{
	for (; b; b = b->next) {
		int list = in_list || b->kind == BLK_LIST;
		if ((b->kind == BLK_PARA || b->kind == BLK_HEADING) && (list || !lists_only))
			collect_run(b, out);
		collect_blocks(b->child, lists_only, list, out);
	}
}

/* "Rechtsbronnen" as the whole text of a heading, ignoring case. */
static int is_sources_heading(const struct blk *b)
{
	static const char word[] = "rechtsbronnen";
	return b->kind == BLK_HEADING && b->run && b->run->len == sizeof word - 1 &&
	       ascii_casecmp_n(b->run->text, word, sizeof word - 1) == 0;
}

/* The name a reader knows: "Wmo 2015" rather than the 39-letter citeertitel. */
static const char *law_name(int law)
{
	size_t n;
	const struct law *l = &laws_table(&n)[law];
	return strlen(l->names[0]) > 30 && l->nnames > 1 ? l->names[1] : l->names[0];
}

static char *citation(const struct provision *p)
{
	if (!p->article)
		return xasprintf("de %s", law_name(p->law));
	return xasprintf("artikel %s van de %s", p->article, law_name(p->law));
}

/*
 * Compare LIST (written in WHERE, e.g. "de Rechtsbronnen") with the
 * grondslagen G; a grondslag missing from the list is reported at
 * [AT_START, AT_END) of AT_SRC.
 */
static void compare(const struct provisions *list, const struct provisions *g, const char *where,
                    const struct source *at_src, size_t at_start, size_t at_end,
                    struct diag_sink *d)
{
	for (size_t i = 0; i < list->n; i++) {
		const struct provision *p = &list->v[i];
		if (p->range_from || listed(g, p->law, p->article))
			continue;
		if (i + 1 < list->n && list->v[i + 1].range_from) {
			/* the start of a range: fine when any grondslag lies inside it */
			struct provisions one = {(struct provision *)&list->v[i], 2, 2, NULL, 0, 0};
			int inside = 0;
			for (size_t k = 0; k < g->n && !inside; k++)
				inside = g->v[k].article && listed(&one, g->v[k].law, g->v[k].article);
			if (inside)
				continue;
		}
		char *c = citation(p);
		diag_report(d, p->src, p->start, p->end, RULE_RECHTSBRONNEN,
		            "%s staat in %s, maar geen artikel noemt het in grondslag=; noem het "
		            "bij het artikel dat erop berust, of haal het weg",
		            c, where);
		free(c);
	}
	for (size_t k = 0; k < g->n; k++) {
		const struct provision *p = &g->v[k];
		if (listed(list, p->law, p->article))
			continue;
		char *c = citation(p);
		diag_report(d, at_src, at_start, at_end, RULE_RECHTSBRONNEN,
		            "%s is de grondslag van artikel %s, maar staat niet in %s", c, p->by->num,
		            where);
		free(c);
	}
}

static void check_list(const struct ordinance *o, const struct provisions *g, struct diag_sink *d)
{
	for (const struct blk *b = o->toelichting; b; b = b->next) {
		if (!is_sources_heading(b))
			continue;
		struct provisions list = {0};
		const struct blk *e = b->next;
		for (; e && !(e->kind == BLK_HEADING && e->level <= b->level); e = e->next) {
			if (e->kind == BLK_LIST)
				collect_blocks(e->child, 1, 1, &list);
		}
		compare(&list, g, "de Rechtsbronnen", b->span.src, b->span.start, b->span.end, d);
		provisions_release(&list);
	}
}

static void check_aanhef(const struct ordinance *o, const struct provisions *g, struct diag_sink *d)
{
	if (!o->aanhef)
		return;
	struct provisions list = {0};
	collect_blocks(o->aanhef, 0, 0, &list);
	const struct blk *first = o->aanhef;
	compare(&list, g, "de aanhef", first->span.src, first->span.start, first->span.end, d);
	provisions_release(&list);
}

void check_sources(const struct ordinance *o, struct diag_sink *d)
{
	struct provisions g = {0};
	collect_grondslagen(o, &g);
	if (g.n == 0) { /* no grondslag= at all (an imported text): nothing to compare with */
		provisions_release(&g);
		return;
	}
	check_list(o, &g, d);
	check_aanhef(o, &g, d);
	provisions_release(&g);
}
