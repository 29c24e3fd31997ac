#include "model.h"

#include "parts.h"
#include "source.h"
#include "strmap.h"
#include "suggest.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const ordinals[] = {
	"eerste",     "tweede",      "derde",      "vierde",      "vijfde",
	"zesde",      "zevende",     "achtste",    "negende",     "tiende",
	"elfde",      "twaalfde",    "dertiende",  "veertiende",  "vijftiende",
	"zestiende",  "zeventiende", "achttiende", "negentiende", "twintigste",
};

const char *ordinal_word(int n)
{
	if (n < 1 || n > 20)
		return NULL;
	return ordinals[n - 1];
}

int ordinal_value(const char *word, size_t len)
{
	for (int i = 0; i < 20; i++)
		if (strlen(ordinals[i]) == len && ascii_casecmp_n(word, ordinals[i], len) == 0)
			return i + 1;
	return 0;
}

void inl_free(struct inl *i)
{
	while (i) {
		struct inl *next = i->next;
		inl_free(i->child);
		free(i->text);
		free(i->url);
		free(i->map);
		free(i->target);
		free(i);
		i = next;
	}
}

size_t run_src_off(const struct run *r, size_t i)
{
	size_t lo = 0, hi = r->nsegs; /* the last segment that starts at or before I */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->segs[mid].start <= i)
			lo = mid;
		else
			hi = mid;
	}
	if (!r->nsegs)
		return 0;
	const struct run_seg *g = &r->segs[lo];
	return g->src & RUN_SEG_SAME ? g->src & ~RUN_SEG_SAME : g->src + (i - g->start);
}

static void run_free(struct run *r)
{
	if (!r)
		return;
	free(r->flags); /* text and segs are in the run's own block (parse.c) */
	for (size_t i = 0; i < r->nannots; i++)
		if (r->annots[i].kind == ANNOT_REF)
			free(r->annots[i].href);
	free(r->annots);
	free(r->links);
	free(r);
}

/* Iterative over siblings, recursive over children: the parser caps depth. */
void blk_free(struct blk *b)
{
	while (b) {
		struct blk *next = b->next;
		blk_free(b->child);
		inl_free(b->inl);
		run_free(b->run);
		free(b->text);
		free(b);
		b = next;
	}
}

static void point_free(struct point *p)
{
	blk_free(p->content);
	for (size_t i = 0; i < p->nsubs; i++)
		point_free(&p->subs[i]);
	free(p->subs);
	free(p->eid);
}

static void strv_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void unit_free(struct unit *u)
{
	free(u->num);
	free(u->written);
	free(u->title);
	free(u->eid);
	for (size_t i = 0; i < u->nattrs; i++)
		free(u->attrs[i].key); /* and the value: one allocation */
	free(u->attrs);
	free(u->kids);
	free(u->wet);
	free(u->word);
	/* The parser moves the Regels content into the leden. */
	for (int b = 0; b < BLOCK_COUNT; b++)
		blk_free(u->block[b]);
	for (size_t i = 0; i < u->nleden; i++) {
		struct lid *l = &u->leden[i];
		blk_free(l->intro);
		blk_free(l->after);
		for (size_t j = 0; j < l->npoints; j++)
			point_free(&l->points[j]);
		free(l->points);
		free(l->eid);
	}
	free(u->leden);
	free(u->type);
	strv_free(u->themes, u->nthemes);
	strv_free(u->kernwaarden, u->nkernwaarden);
	strv_free(u->wetten, u->nwetten);
	free(u->stap);
	for (size_t i = 0; i < u->ninw_attrs; i++)
		free(u->inw_attrs[i].key); /* and the value: one allocation */
	free(u->inw_attrs);
	for (size_t i = 0; i < u->ngrondslagen; i++) {
		free(u->grondslagen[i].text);
		free(u->grondslagen[i].article);
	}
	free(u->grondslagen);
	for (size_t i = 0; i < u->nterms; i++) {
		free(u->terms[i].term);
		free(u->terms[i].id);
		free(u->terms[i].href);
	}
	free(u->terms);
	free(u);
}

void ordinance_free(struct ordinance *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->nunits; i++)
		unit_free(o->units[i]);
	free(o->units);
	free(o->parts);
	free(o->roots);
	free(o->annexes);
	for (size_t i = 0; i < o->naliases; i++)
		free(o->aliases[i].name);
	free(o->aliases);
	free(o->articles);
	for (size_t i = 0; i < o->nthemes; i++) {
		free(o->themes[i].id);
		free(o->themes[i].title);
		blk_free(o->themes[i].content);
	}
	free(o->themes);
	blk_free(o->toelichting);
	blk_free(o->aanhef);
	for (int k = 0; k < FM_COUNT; k++)
		free(o->fm[k]);
	for (size_t i = 0; i < o->nfiles; i++) {
		source_release(o->files[i]);
		free(o->files[i]);
	}
	free(o->files);
	for (size_t i = 0; i < o->nillustrations; i++) {
		source_release(o->illustrations[i]);
		free(o->illustrations[i]);
	}
	free(o->illustrations);
	free(o->dir);
	ordinance_reindex(o);
	free(o);
}

struct unit *ordinance_find_article(const struct ordinance *o, const char *num)
{
	return ordinance_find_unit(o, UNIT_ARTICLE, num);
}

struct ordinance_index {
	struct strmap units[UNIT_ARTICLE + 1]; /* num → unit, per kind */
	struct strmap labels;                  /* label → unit */
	struct strmap themes;                  /* id → theme */
	size_t nunits, nthemes;                /* what was indexed */
};

void ordinance_reindex(const struct ordinance *co)
{
	/* The index is a cache: it changes, the ordinance's content does not. */
	struct ordinance *o = (struct ordinance *)(uintptr_t)co;
	struct ordinance_index *ix = o->index;
	if (!ix)
		return;
	for (int k = 0; k <= UNIT_ARTICLE; k++)
		strmap_release(&ix->units[k]);
	strmap_release(&ix->labels);
	strmap_release(&ix->themes);
	free(ix);
	o->index = NULL;
}

static const struct ordinance_index *index_of(const struct ordinance *co)
{
	struct ordinance *o = (struct ordinance *)(uintptr_t)co;
	if (o->index && o->index->nunits == o->nunits && o->index->nthemes == o->nthemes)
		return o->index;
	ordinance_reindex(o);
	struct ordinance_index *ix = xcalloc(1, sizeof *ix);
	for (size_t i = 0; i < o->nunits; i++) {
		struct unit *u = o->units[i];
		if (u->num)
			strmap_put(&ix->units[u->kind], u->num, u);
		if (u->label)
			strmap_put(&ix->labels, u->label, u);
	}
	for (size_t i = 0; i < o->nthemes; i++)
		strmap_put(&ix->themes, o->themes[i].id, &o->themes[i]);
	ix->nunits = o->nunits;
	ix->nthemes = o->nthemes;
	o->index = ix;
	return ix;
}

struct unit *ordinance_find_unit(const struct ordinance *o, enum unit_kind kind, const char *num)
{
	return strmap_get(&index_of(o)->units[kind], num);
}

struct unit *ordinance_find_label(const struct ordinance *o, const char *label)
{
	return strmap_get(&index_of(o)->labels, label);
}

const struct theme *ordinance_find_theme(const struct ordinance *o, const char *id)
{
	return strmap_get(&index_of(o)->themes, id);
}

const char *theme_suggest(const struct ordinance *o, const char *id)
{
	struct suggest sg;
	suggest_init(&sg, id, strlen(id));
	for (size_t i = 0; i < o->nthemes; i++)
		suggest_add(&sg, o->themes[i].id);
	return sg.best;
}

const char *label_suggest(const struct ordinance *o, const char *label)
{
	struct suggest sg;
	suggest_init(&sg, label, strlen(label));
	for (size_t i = 0; i < o->nunits; i++)
		if (o->units[i]->label)
			suggest_add(&sg, o->units[i]->label);
	for (size_t i = 0; i < o->nthemes; i++)
		suggest_add(&sg, o->themes[i].id);
	return sg.best;
}

const struct attr *unit_attr(const struct unit *u, const char *key)
{
	for (size_t i = 0; i < u->nattrs; i++)
		if (strcmp(u->attrs[i].key, key) == 0)
			return &u->attrs[i];
	return NULL;
}

const char *unit_kind_name(enum unit_kind k)
{
	switch (k) {
	case UNIT_PART: return "deel";
	case UNIT_CHAPTER: return "hoofdstuk";
	case UNIT_SECTION: return "paragraaf";
	case UNIT_ARTICLE: return "artikel";
	case UNIT_ANNEX: return "bijlage";
	}
	return "?";
}

const struct unit *unit_part(const struct unit *u)
{
	while (u && u->kind != UNIT_PART)
		u = u->parent;
	return u;
}

int unit_in_law_part(const struct unit *u)
{
	const struct unit *p = unit_part(u);
	int r = p ? part_find(p->wet) : -1; /* src/model/parts.def */
	return r >= 0 && part_table[r].law;
}
