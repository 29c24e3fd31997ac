#include "lsp_nav.h"

#include "source.h"
#include "util.h"
#include "walk.h"

#include <string.h>

struct finder {
	const struct source *src;
	size_t off;
	int found;
	struct lsp_nav_spot spot;
};

static int contains(const struct finder *f, size_t start, size_t end)
{
	return f->off >= start && (f->off < end || (f->off == end && start == end));
}

static void find_in_text(const struct blk *b, const struct text_ctx *c, void *ud)
{
	(void)c;
	struct finder *f = ud;
	const struct run *r = b->run;
	if (f->found || !r || b->span.src != f->src)
		return;
	for (size_t i = 0; i < r->nannots; i++) {
		const struct annot *a = &r->annots[i];
		size_t s = run_src_off(r, a->start), e = run_src_off(r, a->end);
		if (contains(f, s, e)) {
			f->spot.kind = a->kind == ANNOT_TERM ? LSP_NAV_TERM : LSP_NAV_REF;
			f->spot.span = (struct span){f->src, s, e};
			f->spot.href = a->href;
			f->found = 1;
			return;
		}
	}
	for (size_t i = 0; i < r->nlinks; i++) {
		const struct inl *l = r->links[i].link;
		if (l->target && contains(f, l->span.start, l->span.end)) {
			f->spot.kind = LSP_NAV_LINK;
			f->spot.span = l->span;
			f->spot.href = l->target;
			f->found = 1;
			return;
		}
	}
}

int lsp_nav_spot_at(const struct ordinance *o, const struct source *src, size_t off, struct lsp_nav_spot *spot)
{
	struct finder f = {src, off, 0, {LSP_NAV_REF, {NULL, 0, 0}, NULL}};
	ordinance_each_text(o, find_in_text, &f);
	if (f.found)
		*spot = f.spot;
	return f.found;
}

static int find_point(const struct point *p, size_t n, const char *eid, struct span *span)
{
	for (size_t i = 0; i < n; i++) {
		if (p[i].eid && strcmp(p[i].eid, eid) == 0) {
			*span = p[i].span;
			return 1;
		}
		if (find_point(p[i].subs, p[i].nsubs, eid, span))
			return 1;
	}
	return 0;
}

static int find_in_article(const struct unit *a, const char *eid, struct span *span)
{
	for (size_t i = 0; i < a->nleden; i++) {
		const struct lid *l = &a->leden[i];
		if (l->eid && strcmp(l->eid, eid) == 0) {
			*span = l->span;
			return 1;
		}
		if (find_point(l->points, l->npoints, eid, span))
			return 1;
	}
	return 0;
}

static int find_term(const struct unit *u, const char *id, struct span *span)
{
	for (size_t i = 0; u && i < u->nterms; i++) {
		if (u->terms[i].id && strcmp(u->terms[i].id, id) == 0) {
			*span = u->terms[i].span;
			return 1;
		}
	}
	return 0;
}

int lsp_nav_target(const struct ordinance *o, const char *href, struct span *span,
               const struct unit **article)
{
	*article = NULL;
	if (!href || href[0] != '#')
		return 0;
	const char *id = href + 1;
	if (strncmp(id, "term-", 5) == 0)
		return find_term(o->begrippen, id + 5, span) || find_term(o->kernwaarden, id + 5, span);
	if (strncmp(id, "thema_", 6) == 0) {
		const struct theme *t = ordinance_find_theme(o, id + 6);
		if (t)
			*span = t->span;
		return t != NULL;
	}
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if (!u->eid)
			continue;
		size_t k = strlen(u->eid);
		if (strcmp(u->eid, id) == 0) {
			*span = u->span;
			*article = u->kind == UNIT_ARTICLE ? u : NULL;
			return 1;
		}
		if (u->kind == UNIT_ARTICLE && strncmp(u->eid, id, k) == 0 && strncmp(id + k, "__", 2) == 0 &&
		    find_in_article(u, id, span)) {
			*article = u;
			return 1;
		}
	}
	return 0;
}

/* The source text of SPAN on one line: runs of white space become one space. */
static void put_flat(struct strbuf *sb, const struct span *sp)
{
	int space = 0;
	for (size_t i = sp->start; i < sp->end && i < sp->src->len; i++) {
		char c = sp->src->text[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && sb->len)
			strbuf_putc(sb, ' ');
		space = 0;
		strbuf_putc(sb, c);
	}
}

/* The heading and first lid of A; for a reference into a later lid (ID), that lid too. */
static char *hover_article(const struct unit *a, const char *id)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "**Artikel %s%s%s**", a->num, a->title ? " " : "", a->title ? a->title : "");
	if (a->nleden) {
		strbuf_puts(&sb, "\n\n");
		put_flat(&sb, &a->leden[0].span);
	}
	for (size_t i = 1; i < a->nleden; i++) {
		const char *e = a->leden[i].eid;
		size_t k = e ? strlen(e) : 0;
		if (e && strncmp(id, e, k) == 0 && (id[k] == '\0' || strncmp(id + k, "__", 2) == 0)) {
			strbuf_puts(&sb, "\n\n…\n\n");
			put_flat(&sb, &a->leden[i].span);
		}
	}
	return strbuf_detach(&sb, NULL);
}

char *lsp_nav_hover(const struct ordinance *o, const struct lsp_nav_spot *spot)
{
	struct span span;
	const struct unit *article;
	if (spot->href && spot->href[0] != '#')
		return xasprintf("Externe bron: <%s>", spot->href);
	if (!lsp_nav_target(o, spot->href, &span, &article))
		return NULL;
	if (article)
		return hover_article(article, spot->href + 1);
	struct strbuf sb;
	strbuf_init(&sb);
	put_flat(&sb, &span);
	if (spot->kind == LSP_NAV_TERM) {
		/* the whole definition: the list item that holds the term */
		const struct unit *lists[] = {o->begrippen, o->kernwaarden};
		for (int k = 0; k < 2; k++)
			for (size_t i = 0; lists[k] && i < lists[k]->nterms; i++) {
				const struct term *t = &lists[k]->terms[i];
				if (t->span.start == span.start && t->span.src == span.src && t->item) {
					strbuf_reset(&sb);
					put_flat(&sb, &t->item->span);
				}
			}
	}
	return strbuf_detach(&sb, NULL);
}
