#include "model.h"

#include "parts.h"
#include "source.h"
#include "util.h"

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

static void run_free(struct run *r)
{
	if (!r)
		return;
	free(r->text);
	free(r->src_off);
	free(r->node);
	free(r->node_off);
	free(r->flags);
	for (size_t i = 0; i < r->nannots; i++)
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
	free(u->label);
	free(u->eid);
	for (size_t i = 0; i < u->nattrs; i++) {
		free(u->attrs[i].key);
		free(u->attrs[i].value);
	}
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
	for (size_t i = 0; i < u->ninw_attrs; i++) {
		free(u->inw_attrs[i].key);
		free(u->inw_attrs[i].value);
	}
	free(u->inw_attrs);
	for (size_t i = 0; i < u->ngrondslagen; i++) {
		free(u->grondslagen[i].text);
		free(u->grondslagen[i].article);
	}
	free(u->grondslagen);
	for (size_t i = 0; i < u->nterms; i++) {
		free(u->terms[i].term);
		free(u->terms[i].id);
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
	free(o->dir);
	free(o);
}

struct unit *ordinance_find_article(const struct ordinance *o, const char *num)
{
	return ordinance_find_unit(o, UNIT_ARTICLE, num);
}

struct unit *ordinance_find_unit(const struct ordinance *o, enum unit_kind kind, const char *num)
{
	for (size_t i = 0; i < o->nunits; i++) {
		struct unit *u = o->units[i];
		if (u->kind == kind && u->num && strcmp(u->num, num) == 0)
			return u;
	}
	return NULL;
}

struct unit *ordinance_find_label(const struct ordinance *o, const char *label)
{
	for (size_t i = 0; i < o->nunits; i++)
		if (o->units[i]->label && strcmp(o->units[i]->label, label) == 0)
			return o->units[i];
	return NULL;
}

const struct theme *ordinance_find_theme(const struct ordinance *o, const char *id)
{
	for (size_t i = 0; i < o->nthemes; i++)
		if (strcmp(o->themes[i].id, id) == 0)
			return &o->themes[i];
	return NULL;
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
