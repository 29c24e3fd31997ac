#include "walk.h"

#include "model.h"

static void each_blk(const struct blk *b, const struct text_ctx *c, text_fn fn, void *ud)
{
	for (; b; b = b->next) {
		if (b->kind == BLK_PARA || b->kind == BLK_HEADING)
			fn(b, c, ud);
		else
			each_blk(b->child, c, fn, ud);
	}
}

static void each_point(const struct point *pts, size_t n, struct text_ctx *c, text_fn fn,
                       void *ud)
{
	for (size_t i = 0; i < n; i++) {
		const struct point *saved = c->point;
		c->point = &pts[i];
		each_blk(pts[i].content, c, fn, ud);
		each_point(pts[i].subs, pts[i].nsubs, c, fn, ud);
		c->point = saved;
	}
}

static void each_article(const struct unit *a, text_fn fn, void *ud)
{
	struct text_ctx c = {a, NULL, NULL, -1, 0, NULL};
	for (int b = 0; b < BLOCK_COUNT; b++) {
		if (b == BLOCK_REGELS) {
			c.block = BLOCK_REGELS;
			c.in_definition = a->type != NULL;
			for (size_t i = 0; i < a->nleden; i++) {
				c.lid = &a->leden[i];
				c.in_definition = 0;
				each_blk(c.lid->intro, &c, fn, ud);
				c.in_definition = a->type != NULL;
				each_point(c.lid->points, c.lid->npoints, &c, fn, ud);
				c.in_definition = 0;
				each_blk(c.lid->after, &c, fn, ud);
			}
			c.lid = NULL;
			c.in_definition = 0;
		} else {
			c.block = b;
			each_blk(a->block[b], &c, fn, ud);
		}
	}
}

void ordinance_each_text(const struct ordinance *o, text_fn fn, void *ud)
{
	struct text_ctx c = {NULL, NULL, NULL, -1, 0, "aanhef"};
	each_blk(o->aanhef, &c, fn, ud);
	c.where = "toelichting";
	each_blk(o->toelichting, &c, fn, ud);
	c.where = "thema";
	for (size_t i = 0; i < o->nthemes; i++)
		each_blk(o->themes[i].content, &c, fn, ud);
	for (size_t i = 0; i < o->narticles; i++)
		each_article(o->articles[i], fn, ud);
	c.where = "bijlage";
	for (size_t i = 0; i < o->nannexes; i++) {
		c.article = NULL;
		each_blk(o->annexes[i]->block[BLOCK_TOELICHTING], &c, fn, ud);
	}
}

struct mut_walk {
	text_mut_fn fn;
	void *ud;
};

/* The ordinance was handed over mutable, so its blocks are: the cast only
 * gives back what the const walk took away. */
static void mut_adapter(const struct blk *b, const struct text_ctx *c, void *ud)
{
	const struct mut_walk *m = ud;
	m->fn((struct blk *)b, c, m->ud);
}

void ordinance_each_text_mut(struct ordinance *o, text_mut_fn fn, void *ud)
{
	struct mut_walk m = {fn, ud};
	ordinance_each_text(o, mut_adapter, &m);
}
