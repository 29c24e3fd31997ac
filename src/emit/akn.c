#include "akn.h"

#include "frontmatter.h"
#include "laws.h"
#include "model.h"
#include "parts.h"
#include "source.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct emitter {
	const struct ordinance *o;
	xmlDocPtr doc;
	xmlNsPtr ns, ovc;
	const struct unit *defs_article; /* the article whose points are definitions */
	const char *def_prefix;          /* "term" or "kernwaarde" */
};

/* ---- Small helpers ----------------------------------------------------- */

static xmlNodePtr el(struct emitter *e, xmlNodePtr parent, const char *name)
{
	return xmlNewChild(parent, e->ns, BAD_CAST name, NULL);
}

static xmlNodePtr el_text(struct emitter *e, xmlNodePtr parent, const char *name,
                          const char *text)
{
	xmlNodePtr n = el(e, parent, name);
	xmlNodeAddContent(n, BAD_CAST text);
	return n;
}

static void attr(xmlNodePtr n, const char *name, const char *value)
{
	if (!value)
		return; /* e.g. a law ovc knows but cannot link (the BW as a whole) */
	xmlNewProp(n, BAD_CAST name, BAD_CAST value);
}

static void ovc_attr(struct emitter *e, xmlNodePtr n, const char *name, const char *value)
{
	if (value)
		xmlNewNsProp(n, e->ovc, BAD_CAST name, BAD_CAST value);
}

static void text_n(xmlNodePtr n, const char *s, size_t len)
{
	xmlNodeAddContentLen(n, BAD_CAST s, (int)len);
}

static void source_attrs(struct emitter *e, xmlNodePtr n, struct span s)
{
	if (!s.src)
		return;
	int line, col;
	source_position(s.src, s.start, &line, &col);
	char buf[32];
	ovc_attr(e, n, "file", s.src->name);
	snprintf(buf, sizeof buf, "%d", line);
	ovc_attr(e, n, "line", buf);
	snprintf(buf, sizeof buf, "%d", col);
	ovc_attr(e, n, "col", buf);
}

static const char *const months[] = {"januari", "februari", "maart",     "april",
                                     "mei",     "juni",     "juli",      "augustus",
                                     "september", "oktober", "november", "december"};

char *akn_dutch_date(const char *iso)
{
	if (!iso || strlen(iso) != 10)
		return xstrdup(iso ? iso : "");
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	if (m < 1 || m > 12)
		return xstrdup(iso);
	return xasprintf("%d %s %d", d, months[m - 1], y);
}

/* ---- Inline content with annotations ----------------------------------- */

struct inl_state {
	const struct run *run;
	size_t pos;          /* position in run->text */
	size_t annot;        /* next annotation to open */
	xmlNodePtr open;     /* the open <ref>/<term>, or NULL */
	size_t open_end;
};

static xmlNodePtr open_annotation(struct emitter *e, xmlNodePtr parent, const struct annot *a)
{
	xmlNodePtr n;
	if (a->kind == ANNOT_TERM) {
		n = el(e, parent, "term");
		attr(n, "refersTo", a->href);
	} else {
		n = el(e, parent, "ref");
		attr(n, "href", a->href);
	}
	return n;
}

/*
 * Emit LEN bytes of run text from st->pos into PARENT, opening and closing
 * annotations where they start and end. Annotations never cross a change
 * of nesting level: one that would is closed early.
 */
static void emit_run_text(struct emitter *e, xmlNodePtr parent, struct inl_state *st, size_t len)
{
	const struct run *r = st->run;
	size_t end = st->pos + len;
	while (st->pos < end) {
		if (!st->open && st->annot < r->nannots && r->annots[st->annot].start < st->pos)
			st->annot++; /* started at another nesting level: skip it */
		if (!st->open && st->annot < r->nannots && r->annots[st->annot].start == st->pos) {
			st->open = open_annotation(e, parent, &r->annots[st->annot]);
			st->open_end = r->annots[st->annot].end;
			st->annot++;
		}
		size_t stop = end;
		if (st->open && st->open_end < stop)
			stop = st->open_end;
		if (!st->open && st->annot < r->nannots && r->annots[st->annot].start < stop)
			stop = r->annots[st->annot].start;
		if (stop <= st->pos)
			stop = st->pos + 1;
		text_n(st->open ? st->open : parent, r->text + st->pos, stop - st->pos);
		st->pos = stop;
		if (st->open && st->pos >= st->open_end)
			st->open = NULL;
	}
}

static void emit_inlines(struct emitter *e, xmlNodePtr parent, const struct inl *i,
                         struct inl_state *st);

static int is_definition_strong(const struct emitter *e, const struct inl *i,
                                const struct inl *first)
{
	return e->defs_article && i == first && i->kind == INL_STRONG;
}

static const struct term *definition_of(const struct emitter *e, const struct inl *strong)
{
	for (size_t k = 0; k < e->defs_article->nterms; k++)
		if (e->defs_article->terms[k].span.start == strong->span.start)
			return &e->defs_article->terms[k];
	return NULL;
}

static size_t run_len_of(const struct inl *i)
{
	size_t n = 0;
	for (; i; i = i->next) {
		if (i->kind == INL_TEXT || i->kind == INL_CODE)
			n += strlen(i->text);
		else if (i->kind == INL_SOFTBREAK || i->kind == INL_LINEBREAK)
			n += 1;
		else if (i->kind != INL_IMAGE && i->kind != INL_HTML)
			n += run_len_of(i->child);
	}
	return n;
}

static void emit_nested(struct emitter *e, xmlNodePtr n, const struct inl *i,
                        struct inl_state *st)
{
	xmlNodePtr saved = st->open;
	st->open = NULL;
	(void)saved;
	emit_inlines(e, n, i->child, st);
	st->open = NULL;
}

static void emit_image(struct emitter *e, xmlNodePtr parent, const struct inl *i)
{
	struct strbuf alt;
	strbuf_init(&alt);
	for (const struct inl *c = i->child; c; c = c->next)
		if (c->text)
			strbuf_puts(&alt, c->text);
	xmlNodePtr n = el(e, parent, "img");
	attr(n, "src", i->url);
	attr(n, "alt", alt.buf);
	strbuf_release(&alt);
}

static void emit_inline(struct emitter *e, xmlNodePtr parent, const struct inl *i,
                        const struct inl *first, struct inl_state *st)
{
	xmlNodePtr n;
	switch (i->kind) {
	case INL_TEXT: emit_run_text(e, parent, st, strlen(i->text)); break;
	case INL_SOFTBREAK: emit_run_text(e, parent, st, 1); break;
	case INL_LINEBREAK:
		st->open = NULL;
		el(e, parent, "eol");
		st->pos += 1;
		break;
	case INL_CODE:
		st->open = NULL;
		n = el_text(e, parent, "span", i->text);
		attr(n, "class", "code");
		st->pos += strlen(i->text);
		break;
	case INL_EMPH:
	case INL_STRONG:
		st->open = NULL;
		if (is_definition_strong(e, i, first) && definition_of(e, i)) {
			const struct term *t = definition_of(e, i);
			n = el(e, parent, "def");
			char *ref = xasprintf("#%s-%s", e->def_prefix, t->id);
			attr(n, "refersTo", ref);
			free(ref);
		} else {
			n = el(e, parent, i->kind == INL_EMPH ? "i" : "b");
		}
		emit_nested(e, n, i, st);
		break;
	case INL_LINK:
		st->open = NULL;
		if (i->target) {
			n = el(e, parent, "ref");
			attr(n, "href", i->target);
		} else if (!strncmp(i->url, "https://", 8) || !strncmp(i->url, "http://", 7) ||
		           !strncmp(i->url, "mailto:", 7)) {
			n = el(e, parent, "a");
			attr(n, "href", i->url);
		} else {
			n = el(e, parent, "span");
		}
		emit_nested(e, n, i, st);
		break;
	case INL_IMAGE: emit_image(e, parent, i); break;
	case INL_HTML: break;
	}
}

static void emit_inlines(struct emitter *e, xmlNodePtr parent, const struct inl *i,
                         struct inl_state *st)
{
	const struct inl *first = i;
	for (; i; i = i->next)
		emit_inline(e, parent, i, first, st);
	st->open = NULL;
}

static void emit_para_inlines(struct emitter *e, xmlNodePtr parent, const struct blk *b)
{
	struct inl_state st = {b->run, 0, 0, NULL, 0};
	if (!b->run) {
		return;
	}
	emit_inlines(e, parent, b->inl, &st);
	(void)run_len_of;
}

/* ---- Blocks ---------------------------------------------------------------- */

static void emit_blocks(struct emitter *e, xmlNodePtr parent, const struct blk *b);

static void emit_list(struct emitter *e, xmlNodePtr parent, const struct blk *b)
{
	xmlNodePtr list = el(e, parent, b->ordered ? "ol" : "ul");
	for (const struct blk *item = b->child; item; item = item->next) {
		xmlNodePtr li = el(e, list, "li");
		const struct blk *c = item->child;
		if (c && c->kind == BLK_PARA && !c->next) {
			emit_para_inlines(e, li, c);
			continue;
		}
		for (; c; c = c->next) {
			if (c->kind == BLK_PARA)
				emit_para_inlines(e, el(e, li, "p"), c);
			else if (c->kind == BLK_LIST)
				emit_list(e, li, c);
			else
				emit_blocks(e, el(e, li, "p"), c->child);
		}
	}
}

static void emit_block(struct emitter *e, xmlNodePtr parent, const struct blk *b)
{
	xmlNodePtr n;
	switch (b->kind) {
	case BLK_PARA: emit_para_inlines(e, el(e, parent, "p"), b); break;
	case BLK_HEADING:
		n = el(e, parent, "p");
		attr(n, "class", "tussenkop");
		emit_para_inlines(e, n, b);
		break;
	case BLK_LIST:
		if (b->child)
			emit_list(e, parent, b);
		break;
	case BLK_QUOTE: emit_blocks(e, parent, b->child); break;
	case BLK_CODE:
		n = el(e, parent, "p");
		n = el_text(e, n, "span", b->text);
		attr(n, "class", "code");
		break;
	default: break;
	}
}

static void emit_blocks(struct emitter *e, xmlNodePtr parent, const struct blk *b)
{
	for (; b; b = b->next)
		emit_block(e, parent, b);
}

/* Does B produce any block element? (content/intro need at least one) */
static int has_blocks(const struct blk *b)
{
	for (; b; b = b->next)
		if (b->kind == BLK_PARA || b->kind == BLK_HEADING || b->kind == BLK_CODE ||
		    (b->kind == BLK_LIST && b->child) || (b->kind == BLK_QUOTE && has_blocks(b->child)))
			return 1;
	return 0;
}

static void emit_wrapper(struct emitter *e, xmlNodePtr parent, const char *name,
                         const struct blk *b)
{
	if (has_blocks(b))
		emit_blocks(e, el(e, parent, name), b);
}

/* ---- Units ---------------------------------------------------------------- */

static void emit_points(struct emitter *e, xmlNodePtr parent, const struct point *pts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const struct point *p = &pts[i];
		xmlNodePtr pe = el(e, parent, "point");
		attr(pe, "eId", p->eid);
		if (p->label[0]) {
			char num[24];
			snprintf(num, sizeof num, p->depth == 2 ? "%s°." : "%s.", p->label);
			el_text(e, pe, "num", num);
		}
		if (p->nsubs) {
			emit_wrapper(e, pe, "intro", p->content);
			emit_points(e, pe, p->subs, p->nsubs);
		} else {
			xmlNodePtr c = el(e, pe, "content");
			if (has_blocks(p->content))
				emit_blocks(e, c, p->content);
			else
				el(e, c, "p");
		}
	}
}

static void emit_lid(struct emitter *e, xmlNodePtr parent, const struct lid *l)
{
	xmlNodePtr p = el(e, parent, "paragraph");
	attr(p, "eId", l->eid);
	if (l->num) {
		char num[16];
		snprintf(num, sizeof num, "%d.", l->num);
		el_text(e, p, "num", num);
	}
	if (l->npoints) {
		emit_wrapper(e, p, "intro", l->intro);
		emit_points(e, p, l->points, l->npoints);
		emit_wrapper(e, p, "wrapUp", l->after);
	} else {
		xmlNodePtr c = el(e, p, "content");
		if (has_blocks(l->intro))
			emit_blocks(e, c, l->intro);
		else
			el(e, c, "p");
	}
}

static xmlNodePtr emit_hcontainer(struct emitter *e, xmlNodePtr parent, const struct unit *a,
                                  int block, const char *name, const char *suffix)
{
	const struct blk *b = a->block[block];
	if (!has_blocks(b))
		return NULL;
	xmlNodePtr h = el(e, parent, "hcontainer");
	char *eid = xasprintf("%s__hcontainer_%s", a->eid, suffix);
	attr(h, "eId", eid);
	free(eid);
	attr(h, "name", name);
	source_attrs(e, h, a->block_span[block]);
	emit_blocks(e, el(e, h, "content"), b);
	return h;
}

static char *join_ids(const char *prefix, char **ids, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s#%s-%s", sb.len ? " " : "", prefix, ids[i]);
	return strbuf_detach(&sb, NULL);
}

static char *joined(char **ids, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%s", i ? "," : "", ids[i]);
	return strbuf_detach(&sb, NULL);
}

static void article_refers_to(struct emitter *e, xmlNodePtr n, const struct unit *a)
{
	struct strbuf sb;
	strbuf_init(&sb);
	char *parts[3] = {join_ids("thema", a->themes, a->nthemes),
	                  join_ids("kernwaarde", a->kernwaarden, a->nkernwaarden),
	                  join_ids("wet", a->wetten, a->nwetten)};
	for (int i = 0; i < 3; i++) {
		if (parts[i][0])
			strbuf_printf(&sb, "%s%s", sb.len ? " " : "", parts[i]);
		free(parts[i]);
	}
	if (a->stap)
		strbuf_printf(&sb, "%s#stap-%s", sb.len ? " " : "", a->stap);
	if (sb.len)
		attr(n, "refersTo", sb.buf);
	strbuf_release(&sb);
	char *v;
	if (a->nthemes)
		ovc_attr(e, n, "thema", v = joined(a->themes, a->nthemes)), free(v);
	if (a->nkernwaarden)
		ovc_attr(e, n, "kernwaarden", v = joined(a->kernwaarden, a->nkernwaarden)), free(v);
	if (a->nwetten)
		ovc_attr(e, n, "wet", v = joined(a->wetten, a->nwetten)), free(v);
	ovc_attr(e, n, "stap", a->stap);
	ovc_attr(e, n, "type", a->type);
	const struct attr *g = unit_attr(a, "grondslag");
	if (g)
		ovc_attr(e, n, "grondslag", g->value);
}

static void emit_article(struct emitter *e, xmlNodePtr parent, const struct unit *a)
{
	xmlNodePtr n = el(e, parent, "article");
	attr(n, "eId", a->eid);
	article_refers_to(e, n, a);
	ovc_attr(e, n, "label", a->label);
	source_attrs(e, n, a->span);
	char *num = xasprintf("Artikel %s", a->num);
	el_text(e, n, "num", num);
	free(num);
	if (a->title[0])
		el_text(e, n, "heading", a->title);
	emit_hcontainer(e, n, a, BLOCK_DOEL, "doel", "doel");
	if (a->type) {
		e->defs_article = a;
		e->def_prefix = strcmp(a->type, "begrippen") == 0 ? "term" : "kernwaarde";
	}
	for (size_t i = 0; i < a->nleden; i++)
		emit_lid(e, n, &a->leden[i]);
	e->defs_article = NULL;
	xmlNodePtr inw = emit_hcontainer(e, n, a, BLOCK_INWONERS, "voorInwoners", "inwoners");
	/* the steering of the citizen edition, as written (src/check/citizen.h) */
	for (size_t i = 0; inw && i < a->ninw_attrs; i++)
		ovc_attr(e, inw, a->inw_attrs[i].key, a->inw_attrs[i].value);
	emit_hcontainer(e, n, a, BLOCK_TOELICHTING, "toelichting", "toelichting");
}

/* A bijlage (opbouw: vrij): a numbered, referable container of text. */
static void emit_annex(struct emitter *e, xmlNodePtr parent, const struct unit *u)
{
	xmlNodePtr n = el(e, parent, "hcontainer");
	attr(n, "eId", u->eid);
	attr(n, "name", "bijlage");
	ovc_attr(e, n, "label", u->label);
	source_attrs(e, n, u->span);
	char *num = xasprintf("Bijlage %s", u->num);
	el_text(e, n, "num", num);
	free(num);
	if (u->title[0])
		el_text(e, n, "heading", u->title);
	xmlNodePtr c = el(e, n, "content");
	if (has_blocks(u->block[BLOCK_TOELICHTING]))
		emit_blocks(e, c, u->block[BLOCK_TOELICHTING]);
	else
		el(e, c, "p");
}

/* The heading word of U as its kind is written ("Afdeling" for an afdeling). */
static const char *unit_heading_word(const struct unit *u, const char *dflt)
{
	if (u->kind == UNIT_SECTION && u->word && strcmp(u->word, "afdeling") == 0)
		return "Afdeling";
	if (u->kind == UNIT_SECTION && u->word && strcmp(u->word, "§") == 0)
		return "§";
	return dflt;
}

static void emit_unit(struct emitter *e, xmlNodePtr parent, const struct unit *u)
{
	static const char *elem[] = {"part", "chapter", "section", "article"};
	static const char *word[] = {"Deel", "Hoofdstuk", "Paragraaf", "Artikel"};
	if (u->kind == UNIT_ARTICLE) {
		emit_article(e, parent, u);
		return;
	}
	if (u->kind == UNIT_ANNEX) {
		emit_annex(e, parent, u);
		return;
	}
	xmlNodePtr n = el(e, parent, elem[u->kind]);
	attr(n, "eId", u->eid);
	if (u->kind == UNIT_PART && u->wet) {
		char *r = xasprintf("#wet-%s", u->wet);
		attr(n, "refersTo", r);
		free(r);
		ovc_attr(e, n, "wet", u->wet);
	}
	ovc_attr(e, n, "label", u->label);
	source_attrs(e, n, u->span);
	char *num = xasprintf("%s %s", unit_heading_word(u, word[u->kind]), u->num);
	el_text(e, n, "num", num);
	free(num);
	if (u->title[0])
		el_text(e, n, "heading", u->title);
	for (size_t i = 0; i < u->nkids; i++)
		emit_unit(e, n, u->kids[i]);
}

/* ---- Meta -------------------------------------------------------------------- */

static const char *doc_date(const struct ordinance *o)
{
	if (o->fm[FM_VASTGESTELD])
		return o->fm[FM_VASTGESTELD];
	if (o->fm[FM_VOORSTEL])
		return o->fm[FM_VOORSTEL];
	if (o->fm[FM_INWERKINGTREDING])
		return o->fm[FM_INWERKINGTREDING];
	return "1970-01-01";
}

static char *slug(const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			strbuf_putc(&sb, (char)*p);
		else if (*p >= 'A' && *p <= 'Z')
			strbuf_putc(&sb, (char)ascii_lower(*p));
		else if (*p == ' ' && sb.len && sb.buf[sb.len - 1] != '-')
			strbuf_putc(&sb, '-');
	}
	return strbuf_detach(&sb, NULL);
}

static void frbr(struct emitter *e, xmlNodePtr parent, const char *level, const char *this_,
                 const char *uri, const char *date, const char *date_name, const char *author)
{
	xmlNodePtr l = el(e, parent, level);
	attr(el(e, l, "FRBRthis"), "value", this_);
	attr(el(e, l, "FRBRuri"), "value", uri);
	xmlNodePtr d = el(e, l, "FRBRdate");
	attr(d, "date", date);
	attr(d, "name", date_name);
	attr(el(e, l, "FRBRauthor"), "href", author);
	if (strcmp(level, "FRBRWork") == 0)
		attr(el(e, l, "FRBRcountry"), "value", "nl");
	if (strcmp(level, "FRBRExpression") == 0)
		attr(el(e, l, "FRBRlanguage"), "language", "nld");
}

static void identification(struct emitter *e, xmlNodePtr meta, const char *component)
{
	const struct ordinance *o = e->o;
	const char *date = doc_date(o);
	char *code = slug(o->fm[FM_GEMEENTECODE] ? o->fm[FM_GEMEENTECODE] : "gm0000");
	char *name = slug(o->fm[FM_CITEERTITEL]  ? o->fm[FM_CITEERTITEL]
	                  : o->fm[FM_TITEL]      ? o->fm[FM_TITEL]
	                                         : "verordening");
	char *work = xasprintf("/akn/nl/act/%s/%.4s/%s", code, date, name);
	char *expr = xasprintf("%s/nld@%s", work, date);
	xmlNodePtr id = el(e, meta, "identification");
	attr(id, "source", "#ovc");
	char *t1 = xasprintf("%s/!%s", work, component), *t2 = xasprintf("%s/!%s", expr, component),
	     *t3 = xasprintf("%s/!%s.xml", expr, component), *m = xasprintf("%s.akn", expr);
	frbr(e, id, "FRBRWork", t1, work, date, "voorstel", "#raad");
	if (strcmp(component, "main") == 0)
		attr(el(e, id->last, "FRBRname"), "value",
		     o->fm[FM_CITEERTITEL] ? o->fm[FM_CITEERTITEL] : name);
	frbr(e, id, "FRBRExpression", t2, expr, date, "versie", "#raad");
	frbr(e, id, "FRBRManifestation", t3, m, date, "generatie", "#ovc");
	free(t1), free(t2), free(t3), free(m);
	free(work), free(expr), free(code), free(name);
}

static void tlc(struct emitter *e, xmlNodePtr refs, const char *kind, const char *eid,
                const char *href, const char *show)
{
	xmlNodePtr n = el(e, refs, kind);
	attr(n, "eId", eid);
	attr(n, "href", href);
	attr(n, "showAs", show);
}

/* The parts' and steps' concepts: src/model/parts.def, steps.def. */

static void references(struct emitter *e, xmlNodePtr meta)
{
	const struct ordinance *o = e->o;
	xmlNodePtr refs = el(e, meta, "references");
	attr(refs, "source", "#ovc");
	char *raad = xasprintf("De raad van de gemeente %s", o->fm[FM_GEMEENTE] ? o->fm[FM_GEMEENTE] : "");
	tlc(e, refs, "TLCOrganization", "raad", "/ontology/organizations/nl/raad", raad);
	free(raad);
	tlc(e, refs, "TLCOrganization", "ovc", "/ontology/organizations/ovc", "ovc");
	for (size_t i = 0; i < part_count; i++) {
		char *id = xasprintf("wet-%s", part_table[i].id);
		char *href = xasprintf("/ontology/concepts/nl/wet/%s", part_table[i].id);
		tlc(e, refs, "TLCConcept", id, href, part_table[i].name);
		free(id), free(href);
	}
	for (size_t i = 0; i < o->nthemes; i++) {
		char *id = xasprintf("thema-%s", o->themes[i].id);
		char *href = xasprintf("/ontology/concepts/thema/%s", o->themes[i].id);
		tlc(e, refs, "TLCConcept", id, href, o->themes[i].title);
		free(id), free(href);
	}
	for (size_t i = 0; o->kernwaarden && i < o->kernwaarden->nterms; i++) {
		const struct term *t = &o->kernwaarden->terms[i];
		char *id = xasprintf("kernwaarde-%s", t->id);
		char *href = xasprintf("/ontology/concepts/kernwaarde/%s", t->id);
		tlc(e, refs, "TLCConcept", id, href, t->term);
		free(id), free(href);
	}
	for (size_t i = 0; i < step_count; i++) {
		if (!step_table[i].name)
			continue;
		char *id = xasprintf("stap-%s", step_table[i].id);
		char *href = xasprintf("/ontology/concepts/stap/%s", step_table[i].id);
		tlc(e, refs, "TLCConcept", id, href, step_table[i].name);
		free(id), free(href);
	}
	for (size_t i = 0; o->begrippen && i < o->begrippen->nterms; i++) {
		const struct term *t = &o->begrippen->terms[i];
		char *id = xasprintf("term-%s", t->id);
		char *href = xasprintf("/ontology/terms/%s", t->id);
		tlc(e, refs, "TLCTerm", id, href, t->term);
		free(id), free(href);
	}
	tlc(e, refs, "TLCRole", "voorzitter", "/ontology/roles/voorzitter", "voorzitter");
	tlc(e, refs, "TLCRole", "griffier", "/ontology/roles/griffier", "griffier");
}

static void proprietary(struct emitter *e, xmlNodePtr meta)
{
	xmlNodePtr p = el(e, meta, "proprietary");
	attr(p, "source", "#ovc");
	xmlNodePtr m = xmlNewChild(p, e->ovc, BAD_CAST "metadata", NULL);
	for (int k = 0; k < FM_COUNT; k++) {
		if (e->o->fm[k])
			xmlNewTextChild(m, e->ovc, BAD_CAST frontmatter_key(k), BAD_CAST e->o->fm[k]);
	}
}

/* ---- Preamble: the generated aanhef ----------------------------------------- */

static int cmp_str(const void *x, const void *y)
{
	return number_natural_cmp(*(const char *const *)x, *(const char *const *)y);
}

/* "de artikelen 2.1.3, 2.1.4 en 2.1.6 van de Wet maatschappelijke ondersteuning 2015" */
static void gelet_op_law(struct emitter *e, xmlNodePtr p, int law, int first, int last)
{
	const struct ordinance *o = e->o;
	size_t n, nlaws;
	const struct law *laws = laws_table(&nlaws);
	const char **arts = NULL;
	size_t cap = 0;
	n = 0;
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *a = o->articles[i];
		for (size_t g = 0; g < a->ngrondslagen; g++) {
			const struct grondslag *gs = &a->grondslagen[g];
			if (gs->law != law || !gs->article)
				continue;
			int dup = 0;
			for (size_t k = 0; k < n; k++)
				dup |= strcmp(arts[k], gs->article) == 0;
			if (!dup)
				VEC_PUSH(arts, n, cap, gs->article);
		}
	}
	if (n > 1)
		qsort(arts, n, sizeof *arts, cmp_str);
	if (!first)
		xmlNodeAddContent(p, BAD_CAST(last ? " en " : ", "));
	if (n)
		xmlNodeAddContent(p, BAD_CAST(n == 1 ? "artikel " : "de artikelen "));
	for (size_t k = 0; k < n; k++) {
		if (k)
			xmlNodeAddContent(p, BAD_CAST(k + 1 == n ? " en " : ", "));
		char *url = laws_url(law, arts[k], 0);
		xmlNodePtr r = el_text(e, p, "ref", arts[k]);
		attr(r, "href", url);
		free(url);
	}
	xmlNodeAddContent(p, BAD_CAST(n ? " van de " : "de "));
	xmlNodePtr r = el_text(e, p, "ref", laws[law].names[0]);
	char *url = laws_url(law, NULL, 0);
	attr(r, "href", url);
	free(url);
	free(arts);
}

static void gelet_op(struct emitter *e, xmlNodePtr citations)
{
	size_t nlaws;
	laws_table(&nlaws);
	int *used = xcalloc(nlaws, sizeof *used);
	size_t count = 0;
	for (size_t i = 0; i < e->o->narticles; i++)
		for (size_t g = 0; g < e->o->articles[i]->ngrondslagen; g++) {
			int law = e->o->articles[i]->grondslagen[g].law;
			if (law >= 0 && !used[law])
				used[law] = 1, count++;
		}
	if (count) {
		xmlNodePtr p = el(e, el(e, citations, "citation"), "p");
		xmlNodeAddContent(p, BAD_CAST "gelet op ");
		size_t done = 0;
		for (size_t l = 0; l < nlaws; l++)
			if (used[l]) {
				gelet_op_law(e, p, (int)l, done == 0, done + 1 == count);
				done++;
			}
		xmlNodeAddContent(p, BAD_CAST ";");
	}
	free(used);
}

static void preamble(struct emitter *e, xmlNodePtr act)
{
	const struct ordinance *o = e->o;
	xmlNodePtr pre = el(e, act, "preamble");
	if (o->aanhef) {
		ovc_attr(e, pre, "bron", "tekst");
		emit_blocks(e, pre, o->aanhef);
		return;
	}
	ovc_attr(e, pre, "bron", "gegenereerd");
	xmlNodePtr f = el(e, pre, "formula");
	attr(f, "name", "aanhef");
	char *s = xasprintf("De raad van de gemeente %s;", o->fm[FM_GEMEENTE] ? o->fm[FM_GEMEENTE] : "…");
	el_text(e, f, "p", s);
	free(s);
	xmlNodePtr cit = el(e, pre, "citations");
	char *date = akn_dutch_date(o->fm[FM_VOORSTEL] ? o->fm[FM_VOORSTEL] : "…");
	s = xasprintf("gelezen het voorstel van het college van burgemeester en wethouders van %s;", date);
	el_text(e, el(e, cit, "citation"), "p", s);
	free(s), free(date);
	gelet_op(e, cit);
	if (o->fm[FM_ADVIES]) {
		const char *adv = o->fm[FM_ADVIES];
		int whole = !strncmp(adv, "gezien ", 7) || !strncmp(adv, "gelet op ", 9) ||
		            !strncmp(adv, "gehoord ", 8);
		int has_noun = !strncmp(adv, "het advies", 10);
		s = whole ? xasprintf("%s;", adv)
		          : xasprintf("gezien %s%s;", has_noun ? "" : "het advies van ", adv);
		el_text(e, el(e, cit, "citation"), "p", s);
		free(s);
	}
	f = el(e, pre, "formula");
	attr(f, "name", "besluit");
	xmlNodePtr p = el(e, f, "p");
	xmlNodeAddContent(p, BAD_CAST "besluit vast te stellen de volgende verordening: ");
	el_text(e, p, "docTitle", o->fm[FM_TITEL] ? o->fm[FM_TITEL] : "");
	xmlNodeAddContent(p, BAD_CAST ".");
}

static void conclusions(struct emitter *e, xmlNodePtr act)
{
	const struct ordinance *o = e->o;
	xmlNodePtr c = el(e, act, "conclusions");
	xmlNodePtr p = el(e, c, "p");
	xmlNodeAddContent(p, BAD_CAST "Aldus vastgesteld in de openbare vergadering");
	int adopted = o->fm[FM_STATUS] && strcmp(o->fm[FM_STATUS], "vastgesteld") == 0;
	if (o->fm[FM_VASTGESTELD] || !adopted) /* adopted without a date: opbouw: vrij only */
		xmlNodeAddContent(p, BAD_CAST " van ");
	if (o->fm[FM_VASTGESTELD]) {
		char *d = akn_dutch_date(o->fm[FM_VASTGESTELD]);
		xmlNodePtr dn = el_text(e, p, "date", d);
		attr(dn, "date", o->fm[FM_VASTGESTELD]);
		attr(dn, "refersTo", "#vaststelling");
		free(d);
	} else if (!adopted) {
		xmlNodeAddContent(p, BAD_CAST "[datum]");
	}
	xmlNodeAddContent(p, BAD_CAST ".");
	static const char *const roles[][2] = {{"voorzitter", "De voorzitter,"},
	                                       {"griffier", "De griffier,"}};
	for (int i = 0; i < 2; i++) {
		xmlNodePtr sig = el(e, el(e, c, "p"), "signature");
		xmlNodePtr r = el_text(e, sig, "role", roles[i][1]);
		char *ref = xasprintf("#%s", roles[i][0]);
		attr(r, "refersTo", ref);
		free(ref);
		xmlNodePtr person = el_text(e, sig, "person", "[naam]");
		attr(person, "refersTo", "#onbekend");
		attr(person, "as", roles[i][0][0] == 'v' ? "#voorzitter" : "#griffier");
	}
}

/* ---- Attachments ------------------------------------------------------------- */

static xmlNodePtr attachment(struct emitter *e, xmlNodePtr atts, const char *name)
{
	xmlNodePtr a = el(e, atts, "attachment");
	char *eid = xasprintf("att_%s", name);
	attr(a, "eId", eid);
	free(eid);
	xmlNodePtr doc = el(e, a, "doc");
	attr(doc, "name", name);
	identification(e, el(e, doc, "meta"), name);
	return el(e, doc, "mainBody");
}

static void toelichting(struct emitter *e, xmlNodePtr atts)
{
	xmlNodePtr body = attachment(e, atts, "toelichting");
	xmlNodePtr section = NULL, content = NULL;
	int n = 0;
	for (const struct blk *b = e->o->toelichting; b; b = b->next) {
		if (b->kind == BLK_HEADING && b->level <= 2) {
			section = el(e, body, "hcontainer");
			char *eid = xasprintf("toel_%d", ++n);
			attr(section, "eId", eid);
			free(eid);
			attr(section, "name", "sectie");
			source_attrs(e, section, b->span);
			emit_para_inlines(e, el(e, section, "heading"), b);
			content = NULL;
			continue;
		}
		if (!section) {
			section = el(e, body, "hcontainer");
			char *eid = xasprintf("toel_%d", ++n);
			attr(section, "eId", eid);
			free(eid);
			attr(section, "name", "inleiding");
		}
		if (!content)
			content = el(e, section, "content");
		emit_block(e, content, b);
	}
	if (!n) {
		xmlNodePtr h = el(e, body, "hcontainer");
		attr(h, "eId", "toel_1");
		attr(h, "name", "inleiding");
		el(e, el(e, h, "content"), "p");
	}
	/* an hcontainer with a heading but no text still needs content */
	for (xmlNodePtr h = body->children; h; h = h->next)
		if (h->last && xmlStrcmp(h->last->name, BAD_CAST "heading") == 0)
			el(e, el(e, h, "content"), "p");
}

static void themes(struct emitter *e, xmlNodePtr atts)
{
	xmlNodePtr body = attachment(e, atts, "themas");
	for (size_t i = 0; i < e->o->nthemes; i++) {
		const struct theme *t = &e->o->themes[i];
		xmlNodePtr h = el(e, body, "hcontainer");
		char *eid = xasprintf("thema_%s", t->id), *ref = xasprintf("#thema-%s", t->id);
		attr(h, "eId", eid);
		attr(h, "name", "thema");
		attr(h, "refersTo", ref);
		free(eid), free(ref);
		source_attrs(e, h, t->span);
		el_text(e, h, "heading", t->title);
		xmlNodePtr c = el(e, h, "content");
		if (has_blocks(t->content))
			emit_blocks(e, c, t->content);
		else
			el(e, c, "p");
	}
	if (!e->o->nthemes) {
		xmlNodePtr h = el(e, body, "hcontainer");
		attr(h, "eId", "thema_geen");
		attr(h, "name", "thema");
		el(e, el(e, h, "content"), "p");
	}
}

xmlDocPtr akn_build(const struct ordinance *o)
{
	struct emitter e = {0};
	e.o = o;
	e.doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "akomaNtoso");
	xmlDocSetRootElement(e.doc, root);
	e.ns = xmlNewNs(root, BAD_CAST AKN_NS, NULL);
	e.ovc = xmlNewNs(root, BAD_CAST OVC_NS, BAD_CAST "ovc");
	xmlSetNs(root, e.ns);
	xmlNodePtr act = el(&e, root, "act");
	attr(act, "name", "verordening");
	xmlNodePtr meta = el(&e, act, "meta");
	identification(&e, meta, "main");
	references(&e, meta);
	proprietary(&e, meta);
	xmlNodePtr preface = el(&e, act, "preface");
	xmlNodePtr tp = el(&e, preface, "p");
	attr(tp, "class", "titel");
	el_text(&e, tp, "docTitle", o->fm[FM_TITEL] ? o->fm[FM_TITEL] : "");
	preamble(&e, act);
	xmlNodePtr body = el(&e, act, "body");
	for (size_t i = 0; i < o->nparts; i++)
		emit_unit(&e, body, o->parts[i]);
	for (size_t i = 0; i < o->nroots; i++)
		emit_unit(&e, body, o->roots[i]);
	if (!o->nparts && !o->nroots) {
		xmlNodePtr h = el(&e, body, "hcontainer");
		attr(h, "name", "leeg");
		attr(h, "eId", "leeg");
		el(&e, el(&e, h, "content"), "p");
	}
	conclusions(&e, act);
	xmlNodePtr atts = el(&e, act, "attachments");
	toelichting(&e, atts);
	themes(&e, atts);
	return e.doc;
}

char *akn_serialize(xmlDocPtr doc, size_t *len)
{
	xmlChar *buf = NULL;
	int n = 0;
	xmlDocDumpFormatMemoryEnc(doc, &buf, &n, "UTF-8", 1);
	char *out = xstrndup((const char *)buf, (size_t)n);
	xmlFree(buf);
	*len = (size_t)n;
	return out;
}
