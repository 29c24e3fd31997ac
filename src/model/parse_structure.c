/*
 * The second half of parsing: turn an article's Regels into leden,
 * onderdelen and sub-onderdelen, read definitions, and compute the
 * numbering and eIds. Runs once all files are read (parse_finish).
 */

#include "diag.h"
#include "model.h"
#include "source.h"
#include "util.h"
#include "vrij.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void parse_finish(struct ordinance *o, struct diag_sink *d);

/* Detach and return the children of B, freeing the shell B. */
static struct blk *take_children(struct blk *b)
{
	struct blk *kids = b->child;
	b->child = NULL;
	b->next = NULL;
	blk_free(b);
	return kids;
}

/* Drop raw HTML blocks (suppression comments have done their work). */
static struct blk *drop_html(struct blk *b)
{
	struct blk *head = NULL, **tail = &head;
	while (b) {
		struct blk *next = b->next;
		b->next = NULL;
		if (b->kind == BLK_HTML) {
			blk_free(b);
		} else {
			*tail = b;
			tail = &b->next;
		}
		b = next;
	}
	return head;
}

static void point_label(char *out, size_t n, int depth, size_t i)
{
	if (depth == 2)
		snprintf(out, n, "%u", (unsigned)(i % 100000u) + 1u);
	else if (i < 26)
		snprintf(out, n, "%c", (int)('a' + i));
	else
		snprintf(out, n, "%c%c", (int)('a' + (i / 26) - 1), (int)('a' + i % 26));
}

static void report(struct diag_sink *d, const struct blk *b, enum rule_id rule, const char *msg)
{
	diag_report(d, b->span.src, b->span.start, b->span.start, rule, "%s", msg);
}

/*
 * Split the blocks of an item into the part before its first ordered list,
 * the list, and the rest. Ownership of all three goes to the caller.
 */
static void split_at_list(struct blk *b, struct blk **before, struct blk **list,
                          struct blk **after)
{
	*before = *list = *after = NULL;
	struct blk **tail = before;
	while (b) {
		struct blk *next = b->next;
		b->next = NULL;
		if (!*list && b->kind == BLK_LIST && b->ordered) {
			*list = b;
			tail = after;
		} else {
			*tail = b;
			tail = &b->next;
		}
		b = next;
	}
}

static size_t count_items(const struct blk *list)
{
	size_t n = 0;
	for (const struct blk *i = list ? list->child : NULL; i; i = i->next)
		n++;
	return n;
}

/* Make points of the items of LIST (consumed) at DEPTH. */
static struct point *make_points(struct diag_sink *d, struct blk *list, int depth,
                                 size_t *npoints, int labelled)
{
	size_t n = count_items(list);
	struct point *pts = xcalloc(n ? n : 1, sizeof *pts);
	*npoints = n;
	struct blk *item = take_children(list);
	for (size_t i = 0; item; i++) {
		struct blk *next = item->next;
		struct point *pt = &pts[i];
		pt->depth = depth;
		pt->span = item->span;
		if (labelled)
			point_label(pt->label, sizeof pt->label, depth, i);
		struct blk *before, *sub, *after;
		split_at_list(drop_html(take_children(item)), &before, &sub, &after);
		pt->content = before;
		if (sub && depth >= 2) {
			report(d, sub, RULE_STRUCTUUR_LIJST,
			       "een sub-onderdeel kan niet verder worden onderverdeeld (Aanwijzing 3.59)");
			blk_free(sub);
		} else if (sub) {
			pt->subs = make_points(d, sub, depth + 1, &pt->nsubs, 1);
		}
		if (after) {
			report(d, after, RULE_STRUCTUUR_LIJST,
			       "tekst na de sub-onderdelen hoort niet in een onderdeel (Aanwijzing 3.59)");
			blk_free(after);
		}
		item = next;
	}
	return pts;
}

static int ends_with_colon(const struct blk *b)
{
	if (!b || b->kind != BLK_PARA || !b->run)
		return 0;
	size_t n = b->run->len;
	while (n && (b->run->text[n - 1] == ' '))
		n--;
	return n && b->run->text[n - 1] == ':';
}

static struct blk *last_of(struct blk *b)
{
	while (b && b->next)
		b = b->next;
	return b;
}

/* Definitions: every bullet item in the lid becomes an unnumbered point. */
static void definitions_as_points(struct diag_sink *d, struct lid *l)
{
	struct blk *keep = NULL, **tail = &keep, *b = l->intro;
	size_t cap = 0;
	while (b) {
		struct blk *next = b->next;
		b->next = NULL;
		if (b->kind == BLK_LIST && !b->ordered) {
			size_t n;
			struct point *pts = make_points(d, b, 1, &n, 0);
			for (size_t i = 0; i < n; i++)
				VEC_PUSH(l->points, l->npoints, cap, pts[i]);
			free(pts);
		} else if (!l->npoints) {
			*tail = b;
			tail = &b->next;
		} else {
			report(d, b, RULE_BEGRIP_VORM, "tekst tussen of na de begrippen hoort in een begrip");
			blk_free(b);
		}
		b = next;
	}
	l->intro = keep;
}

/*
 * opbouw: vrij: a bullet list right after a lead-in that ends with a colon
 * ("wordt verstaan onder:" followed by "– *wet:* Jeugdwet") is the lid's
 * unlettered onderdelen, as laws write definitions.
 */
static void bullets_as_points(struct diag_sink *d, struct lid *l)
{
	if (l->npoints)
		return;
	struct blk *prev = NULL;
	for (struct blk *b = l->intro; b; prev = b, b = b->next) {
		if (b->kind != BLK_LIST || b->ordered || !ends_with_colon(prev))
			continue;
		prev->next = NULL;
		l->after = b->next;
		b->next = NULL;
		l->points = make_points(d, b, 1, &l->npoints, 0);
		return;
	}
}

static void single_lid(struct diag_sink *d, struct unit *a, struct blk *content)
{
	a->nleden = 1;
	a->leden = xcalloc(1, sizeof *a->leden);
	struct lid *l = &a->leden[0];
	l->num = 0;
	l->article = a;
	l->span = content ? content->span : a->span;
	struct blk *before, *list, *after;
	split_at_list(content, &before, &list, &after);
	l->intro = before;
	if (list) {
		l->points = make_points(d, list, 1, &l->npoints, 1);
		l->after = after;
	}
	if (a->type)
		definitions_as_points(d, l);
}

static void numbered_leden(struct diag_sink *d, struct unit *a, struct blk *before,
                           struct blk *list, struct blk *after)
{
	if (before) {
		report(d, before, RULE_STRUCTUUR_LIJST,
		       "tekst vóór de leden; zet hem in een lid, of eindig hem met een dubbele punt "
		       "als de lijst zijn onderdelen zijn");
		blk_free(before);
	}
	if (after) {
		report(d, after, RULE_STRUCTUUR_LIJST, "tekst na de leden hoort in een lid");
		blk_free(after);
	}
	if (list->start != 1) {
		diag_report(d, list->span.src, list->span.start, list->span.start + 1,
		            RULE_STRUCTUUR_NUMMER, "het eerste lid heeft nummer 1, niet %d", list->start);
	}
	size_t n = count_items(list);
	a->nleden = n;
	a->leden = xcalloc(n, sizeof *a->leden);
	struct blk *item = take_children(list);
	for (size_t i = 0; item; i++) {
		struct blk *next = item->next;
		struct lid *l = &a->leden[i];
		l->num = (int)i + 1;
		l->article = a;
		l->span = item->span;
		struct blk *b, *sub, *rest;
		split_at_list(drop_html(take_children(item)), &b, &sub, &rest);
		l->intro = b;
		if (sub)
			l->points = make_points(d, sub, 1, &l->npoints, 1);
		l->after = rest;
		item = next;
	}
}

static void build_leden(struct diag_sink *d, struct unit *a)
{
	struct blk *content = drop_html(a->block[BLOCK_REGELS]);
	a->block[BLOCK_REGELS] = NULL;
	if (!content)
		return;
	struct blk *before, *list, *after;
	split_at_list(content, &before, &list, &after);
	if (!list || a->type || ends_with_colon(last_of(before))) {
		/* put the pieces back in order: one unnumbered lid */
		struct blk *all = before, **tail = &all;
		while (*tail)
			tail = &(*tail)->next;
		*tail = list;
		if (list)
			list->next = after;
		else
			*tail = after;
		single_lid(d, a, all);
	} else {
		numbered_leden(d, a, before, list, after);
	}
}

/* ---- Definitions -------------------------------------------------------- */

static char *term_id(const char *term)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)term; *p; p++) {
		if (*p == '(')
			break;
		if (*p == ' ' || *p == '-') {
			if (sb.len && sb.buf[sb.len - 1] != '-')
				strbuf_putc(&sb, '-');
		} else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80) {
			strbuf_putc(&sb, (char)*p);
		} else if (*p >= 'A' && *p <= 'Z') {
			strbuf_putc(&sb, (char)ascii_lower(*p));
		}
	}
	while (sb.len && sb.buf[sb.len - 1] == '-')
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

static void inl_text(const struct inl *i, struct strbuf *sb)
{
	for (; i; i = i->next) {
		if (i->kind == INL_TEXT || i->kind == INL_CODE)
			strbuf_puts(sb, i->text);
		else if (i->kind == INL_SOFTBREAK || i->kind == INL_LINEBREAK)
			strbuf_putc(sb, ' ');
		else
			inl_text(i->child, sb);
	}
}

static void read_definition(struct diag_sink *d, struct unit *a, struct point *pt, size_t *cap)
{
	struct blk *para = pt->content;
	const struct inl *first = para && para->kind == BLK_PARA ? para->inl : NULL;
	const struct inl *after = first ? first->next : NULL;
	if (!first || first->kind != INL_STRONG || !after || after->kind != INL_TEXT ||
	    after->text[0] != ':') {
		diag_report(d, pt->span.src, pt->span.start, pt->span.start, RULE_BEGRIP_VORM,
		            "schrijf een %s als '- **term**: %s'",
		            strcmp(a->type, "begrippen") == 0 ? "begrip" : "kernwaarde",
		            strcmp(a->type, "begrippen") == 0 ? "definitie" : "omschrijving");
		return;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	inl_text(first->child, &sb);
	struct term t = {0};
	t.term = strbuf_detach(&sb, NULL);
	strbuf_release(&sb);
	t.id = term_id(t.term);
	t.item = para;
	t.span = first->span;
	for (size_t i = 0; i < a->nterms; i++)
		if (strcmp(a->terms[i].id, t.id) == 0)
			diag_report(d, t.span.src, t.span.start, t.span.end, RULE_BEGRIP_DUBBEL,
			            "'%s' staat al eerder in dit artikel", t.term);
	VEC_PUSH(a->terms, a->nterms, *cap, t);
}

static void read_definitions(struct diag_sink *d, struct ordinance *o, struct unit *a)
{
	if (!a->type)
		return;
	if (strcmp(a->type, "begrippen") == 0 && !o->begrippen)
		o->begrippen = a;
	if (strcmp(a->type, "kernwaarden") == 0 && !o->kernwaarden)
		o->kernwaarden = a;
	size_t cap = 0;
	for (size_t i = 0; i < a->nleden; i++)
		for (size_t j = 0; j < a->leden[i].npoints; j++)
			read_definition(d, a, &a->leden[i].points[j], &cap);
}

/* ---- Numbering and eIds ------------------------------------------------ */

static void set_point_eids(struct point *pts, size_t n, const char *prefix, struct lid *l,
                           struct point *parent)
{
	for (size_t i = 0; i < n; i++) {
		struct point *pt = &pts[i];
		pt->lid = l;
		pt->parent_point = parent;
		if (pt->label[0])
			pt->eid = xasprintf("%s__point_%s", prefix, pt->label);
		else
			pt->eid = xasprintf("%s__point_%zu", prefix, i + 1);
		set_point_eids(pt->subs, pt->nsubs, pt->eid, l, pt);
	}
}

static void set_article_eids(struct unit *a)
{
	a->eid = xasprintf("art_%s", a->num);
	for (size_t i = 0; i < a->nleden; i++) {
		struct lid *l = &a->leden[i];
		l->eid = xasprintf("%s__para_%d", a->eid, l->num ? l->num : 1);
		set_point_eids(l->points, l->npoints, l->eid, l, NULL);
	}
}

/* Is W the number BASE with one letter added: "8a" after "8", "5A" after "5"? */
static int inserted_after(const char *w, const char *base)
{
	size_t n = strlen(base);
	if (!w || !base[0] || strlen(w) != n + 1 || strncmp(w, base, n) != 0)
		return 0;
	char c = w[n];
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * The number of U: the written one under nummering: vast, or an inserted
 * number (Aanwijzing 6.16) right after BASE; else COMPUTED (consumed).
 */
static char *choose_num(struct ordinance *o, struct unit *u, const char *base, char *computed)
{
	if (u->written && (o->numbering == NUM_VAST || inserted_after(u->written, base))) {
		u->inserted = o->numbering != NUM_VAST || inserted_after(u->written, base);
		free(computed);
		return xstrdup(u->written);
	}
	return computed;
}

static void number_units(struct ordinance *o)
{
	int part = 0, chapter = 0, section = 0, in_chapter = 0, in_section = 0, global = 0;
	int annex = 0;
	char chap[64] = "", sec[64] = "", base_chap[64] = "", base_sec[64] = "", base_art[64] = "";
	for (size_t i = 0; i < o->nunits; i++) {
		struct unit *u = o->units[i];
		switch (u->kind) {
		case UNIT_PART:
			u->num = xasprintf("%d", ++part);
			u->eid = xasprintf("part_%s", u->num);
			break;
		case UNIT_CHAPTER:
			u->num = choose_num(o, u, base_chap, xasprintf("%d", chapter + 1));
			if (!u->inserted) {
				chapter++;
				if (o->numbering == NUM_VAST)
					chapter = atoi(u->num) > 0 ? atoi(u->num) : chapter;
				snprintf(base_chap, sizeof base_chap, "%s", u->num);
			}
			snprintf(chap, sizeof chap, "%s", u->num);
			u->eid = xasprintf("chp_%s", u->num);
			section = in_chapter = 0;
			base_sec[0] = base_art[0] = '\0';
			break;
		case UNIT_SECTION:
			u->num = choose_num(o, u, base_sec,
			                    u->parent ? xasprintf("%s.%d", chap, section + 1)
			                              : xasprintf("%d", section + 1));
			if (!u->inserted) {
				section++;
				snprintf(base_sec, sizeof base_sec, "%s", u->num);
			}
			snprintf(sec, sizeof sec, "%s", u->num);
			if (u->parent && !strchr(u->num, '.') && o->numbering == NUM_VAST)
				u->eid = xasprintf("%s__sec_%s", u->parent->eid, u->num); /* Afdeling 1 of each chapter */
			else
				u->eid = xasprintf("sec_%s", u->num);
			in_section = 0;
			break;
		case UNIT_ARTICLE: {
			char *computed;
			int top = !u->parent; /* opbouw: vrij, an article outside any chapter */
			if (o->numbering == NUM_DOORLOPEND || top)
				computed = xasprintf("%d", global + 1);
			else if (o->numbering == NUM_PARAGRAAF && u->parent->kind == UNIT_SECTION)
				computed = xasprintf("%s.%d", sec, in_section + 1);
			else if (!chap[0] || (u->parent->kind == UNIT_SECTION && !u->parent->parent))
				computed = xasprintf("%d", global + 1); /* paragraphs without chapters */
			else
				computed = xasprintf("%s.%d", chap, in_chapter + 1);
			u->num = choose_num(o, u, base_art, computed);
			if (!u->inserted) {
				global++;
				in_chapter++;
				in_section++;
				snprintf(base_art, sizeof base_art, "%s", u->num);
			}
			set_article_eids(u);
			break;
		}
		case UNIT_ANNEX:
			u->num = choose_num(o, u, "", xasprintf("%d", annex + 1));
			annex++;
			u->eid = xasprintf("bijlage_%s", u->num);
			break;
		}
	}
}

void parse_finish(struct ordinance *o, struct diag_sink *d)
{
	for (size_t i = 0; i < o->narticles; i++) {
		struct unit *a = o->articles[i];
		for (int b = 0; b < BLOCK_COUNT; b++)
			if (b != BLOCK_REGELS)
				a->block[b] = drop_html(a->block[b]);
		build_leden(d, a);
		read_definitions(d, o, a);
	}
	for (size_t i = 0; i < o->nannexes; i++)
		o->annexes[i]->block[BLOCK_TOELICHTING] =
		    drop_html(o->annexes[i]->block[BLOCK_TOELICHTING]);
	if (o->vrij) {
		for (size_t i = 0; i < o->narticles; i++)
			for (size_t j = 0; j < o->articles[i]->nleden; j++)
				bullets_as_points(d, &o->articles[i]->leden[j]);
		vrij_definitions(o, d);
	}
	o->toelichting = drop_html(o->toelichting);
	o->aanhef = drop_html(o->aanhef);
	for (size_t i = 0; i < o->nthemes; i++)
		o->themes[i].content = drop_html(o->themes[i].content);
	number_units(o);
}
