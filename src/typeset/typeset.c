/*
 * The typesetter: print XHTML (docs/print-xhtml.md) → PDF with pango 1.50
 * and cairo 1.16. docs/typesetter.md describes the design. In short:
 *
 *  1. box building: the XHTML tree becomes a flat list of blocks (text
 *     with attribute spans and links, hanging labels, figures, rules, TOC
 *     entries), each with its destinations, structure tags to open and
 *     close, and keep rules; Dutch soft hyphens are inserted here;
 *  2. layout: one PangoLayout per text block, lines on a fixed pitch;
 *  3. pagination (typeset_page.c), which gives the page of every heading,
 *     so the TOC (whose height does not depend on its numbers) and
 *     "pagina X van Y" are known before anything is drawn;
 *  4. emission page by page on a cairo PDF surface with structure tags,
 *     destinations, links and outline, each block's layout freed once
 *     drawn; then post-processing (typeset_pdf.c) for /Lang and /Alt.
 */
#include "typeset.h"
#include "typeset_int.h"

#include "output.h"
#include "util.h"
#include "version.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum bkind { BK_TEXT, BK_FIGURE, BK_RULE, BK_TOC };

/* Lines whose layouts are kept from measuring to drawing (about 4 KB
 * each); the blocks after them are laid out again when drawn. 8,000 lines
 * hold a 25,000-word ordinance in both editions. */
#ifndef LAYOUT_BUDGET
#define LAYOUT_BUDGET 8000
#endif
/* The sRGB profile of the PDF/A OutputIntent (Debian: icc-profiles-free). */
#ifndef OVC_ICC_PROFILE
#define OVC_ICC_PROFILE "/usr/share/color/icc/sRGB.icc"
#endif
/* Entries that end the TOC together on its last page. */
#define TOC_LAST 4
enum skind { SP_BOLD, SP_ITALIC, SP_MONO, SP_SUP, SP_SUB, SP_LINK };

struct span {
	int start, end;
	enum skind kind;
	char *target; /* SP_LINK: "dest='…'" / "uri='…'" attributes */
	int plain;    /* SP_LINK: set in the text colour (a term, a self-reference) */
};

struct block {
	enum bkind kind;
	enum ts_role role;
	struct strbuf text;
	struct span *sp;
	size_t nsp, capsp;
	char *label;
	double indent, label_x; /* from the left edge of the measure */
	char **ids;
	size_t nids, capids;
	int level;     /* heading level 1..4; TOC entry level 1..3 */
	int toc_depth; /* a heading deeper than this is not in the TOC */
	int outline;   /* bookmark */
	char *running; /* running header from this heading on */
	char *toc_target;
	int toc_page;
	double space_before; /* added to the role's space before (room to sign) */
	unsigned brk_before : 1, brk_after : 1, keep_next : 1, keep_together : 1, lbody : 1;
	char *opens; /* structure tags opened before the block, space-separated */
	int closes;  /* structure tags closed after it */
	const char *leaf;
	/* figure */
	char *alt;
	RsvgHandle *svg;
	cairo_surface_t *png;
	double fw, fh;
	/* layout */
	PangoLayout *lay;
	int nlines;
	double *lh, *xoff;
	double base; /* baseline below the top of a line */
	int page;
};

struct ts {
	struct ts_style st;
	FcConfig *fc;
	PangoFontMap *fm;
	PangoContext *pc;
	PangoFontDescription *fd[TR_COUNT];
	double base[TR_COUNT]; /* baseline in a line of the role's pitch */
	void *hyph;
	const char *basedir;
	struct block *b;
	size_t nb, capb;
	char **pend_ids;
	size_t npend, cappend;
	int pend_break;
	struct strbuf pend_opens;
	int npend_opens;
	GHashTable *ids;
	char *title, *doc_title, *author, *subject, *keywords, *status, *versie, *datum, *stijl;
	char *err;
	size_t hyphens, links, dests, outline, figures;
	int in_titlepage;
	struct block *toc_marker;
	int has_status_line;
};

struct ctx {
	enum ts_role role;
	double indent;
	int figure_small;
	int toc_depth; /* deepest heading level in the TOC */
};

static double measure(const struct ts *t)
{
	return t->st.page_w - t->st.m_left - t->st.m_right;
}

static void set_err(struct ts *t, char *msg)
{
	if (!t->err)
		t->err = msg;
	else
		free(msg);
}

static int is_html(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static char *attr(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, BAD_CAST name);
}

static int has_class(xmlNodePtr n, const char *cls)
{
	char *c = attr(n, "class");
	int found = 0;
	if (c) {
		size_t l = strlen(cls);
		for (const char *p = c; (p = strstr(p, cls)) != NULL; p += l)
			if ((p == c || p[-1] == ' ') && (p[l] == '\0' || p[l] == ' ')) {
				found = 1;
				break;
			}
	}
	xmlFree(c);
	return found;
}

/* ------------------------------------------------------ structure tags */

static void open_tag(struct ts *t, const char *tag)
{
	if (t->pend_opens.len)
		strbuf_putc(&t->pend_opens, ' ');
	strbuf_puts(&t->pend_opens, tag);
	t->npend_opens++;
}

static void close_tag(struct ts *t)
{
	if (t->npend_opens > 0) { /* nothing was drawn inside: drop it */
		char *sp = strrchr(t->pend_opens.buf, ' ');
		t->pend_opens.len = sp ? (size_t)(sp - t->pend_opens.buf) : 0;
		t->pend_opens.buf[t->pend_opens.len] = '\0';
		t->npend_opens--;
	} else if (t->nb) {
		t->b[t->nb - 1].closes++;
	}
}

static void pend_id(struct ts *t, xmlNodePtr n)
{
	char *id = attr(n, "id");
	if (id) {
		VEC_PUSH(t->pend_ids, t->npend, t->cappend, xstrdup(id));
		xmlFree(id);
	}
}

static struct block *new_block(struct ts *t, enum bkind kind, enum ts_role role, double indent)
{
	struct block nb;
	memset(&nb, 0, sizeof nb);
	nb.kind = kind;
	nb.role = role;
	nb.indent = indent + t->st.role[role].indent;
	strbuf_init(&nb.text);
	nb.ids = t->pend_ids;
	nb.nids = t->npend;
	nb.capids = t->cappend;
	t->pend_ids = NULL;
	t->npend = t->cappend = 0;
	nb.brk_before = t->pend_break ? 1 : 0;
	t->pend_break = 0;
	if (t->npend_opens) {
		nb.opens = xstrdup(t->pend_opens.buf);
		strbuf_reset(&t->pend_opens);
		t->npend_opens = 0;
	}
	VEC_PUSH(t->b, t->nb, t->capb, nb);
	return &t->b[t->nb - 1];
}

/* ------------------------------------------------------------- inline */

static void add_span(struct block *b, int start, enum skind k, char *target)
{
	struct span s = {start, (int)b->text.len, k, target, 0};
	if (s.end > s.start)
		VEC_PUSH(b->sp, b->nsp, b->capsp, s);
	else
		free(target);
}

/* Does the text so far end where a quotation opens (start, space, bracket)? */
static int opens_quote(const struct strbuf *o)
{
	if (o->len == 0)
		return 1;
	char p = o->buf[o->len - 1];
	return p == ' ' || p == '(' || p == '[' || p == '/' ||
	       (o->len >= 3 && (!memcmp(o->buf + o->len - 3, "\xE2\x80\xA8", 3) || /* line separator */
	                        !memcmp(o->buf + o->len - 3, "\xE2\x80\x98", 3)));  /* ‘ */
}

/*
 * A straight quote as a typographic one: " opens (“) after a space or a
 * bracket and closes (”) elsewhere; ' opens (‘) only before a letter
 * after a space, except in the Dutch elisions ’s and ’t, and is ’ else.
 */
static void put_quote(struct strbuf *o, char q, const char *next)
{
	int open = opens_quote(o);
	if (q == '"') {
		strbuf_puts(o, open ? "\xE2\x80\x9C" : "\xE2\x80\x9D");
		return;
	}
	int elision = (next[0] == 's' || next[0] == 't') && !is_word_byte((unsigned char)next[1]);
	int letter = is_word_byte((unsigned char)next[0]) && !(next[0] >= '0' && next[0] <= '9');
	strbuf_puts(o, open && letter && !elision ? "\xE2\x80\x98" : "\xE2\x80\x99");
}

/* Append text with XML whitespace collapsed; words hyphenated if HYPH;
 * straight quotes made typographic. */
static void add_text(struct ts *t, struct block *b, const char *s, int hyph)
{
	struct strbuf *o = &b->text;
	while (*s) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\'') {
			put_quote(o, (char)c, s + 1);
			s++;
			continue;
		}
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
			if (o->len && o->buf[o->len - 1] != ' ' &&
			    !(o->len >= 3 && memcmp(o->buf + o->len - 3, "\xE2\x80\xA8", 3) == 0))
				strbuf_putc(o, ' ');
			s++;
			continue;
		}
		if (hyph && is_word_byte(c) && !(c >= '0' && c <= '9')) {
			const char *w = s;
			while (*s && is_word_byte((unsigned char)*s) && !(*s >= '0' && *s <= '9'))
				s++;
			if (*s >= '0' && *s <= '9') { /* a number-like word: leave it */
				strbuf_add(o, w, (size_t)(s - w));
				continue;
			}
			t->hyphens += (size_t)ts_hyph_word(t->hyph, w, (size_t)(s - w), o);
			continue;
		}
		strbuf_putc(o, (char)c);
		s++;
	}
}

/*
 * The name of the PDF destination for ID: ID with every byte outside
 * printable ASCII, and '~', written as "~XX" (hex). cairo 1.16 writes a
 * destination's name as the raw bytes of its UTF-8 but a link's /D as a
 * UTF-16 text string, so a name with "ë" never matched its link; in ASCII
 * the two are the same bytes. Both sides, and a link from another edition
 * ("verordening.pdf#…"), go through here.
 */
static char *dest_name(const char *id)
{
	struct strbuf o;
	strbuf_init(&o);
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (*p < 0x21 || *p > 0x7E || *p == '~' || *p == '\'')
			strbuf_printf(&o, "~%02X", *p);
		else
			strbuf_putc(&o, (char)*p);
	}
	return strbuf_detach(&o, NULL);
}

/* "dest='NAME'" for cairo's link and outline attributes. */
static char *dest_attr(const char *id)
{
	char *n = dest_name(id), *a = xasprintf("dest='%s'", n);
	free(n);
	return a;
}

static char *link_attrs(struct ts *t, const char *href)
{
	if (href[0] == '#') {
		if (!g_hash_table_contains(t->ids, href + 1))
			return NULL; /* checked by the stylesheets; never a dangling link */
		return dest_attr(href + 1);
	}
	if (strncmp(href, "https:", 6) == 0 || strncmp(href, "http:", 5) == 0 ||
	    strncmp(href, "mailto:", 7) == 0) {
		if (strchr(href, '\''))
			return NULL;
		return xasprintf("uri='%s'", href);
	}
	/* the other edition: verordening.html#art_7.2 → verordening.pdf#art_7.2,
	 * a relative URI (cairo 1.16's GoToR with a named destination sets a
	 * tag error at the page end, so it is not used) */
	const char *dot = strstr(href, ".html");
	if (dot && !strchr(href, '/') && !strchr(href, '\'') && (dot[5] == '\0' || dot[5] == '#')) {
		char *frag = dest_name(dot[5] ? dot + 6 : ""), *a;
		a = xasprintf("uri='%.*s.pdf%s%s'", (int)(dot - href), href, dot[5] ? "#" : "", frag);
		free(frag);
		return a;
	}
	return NULL;
}

static void inline_children(struct ts *t, struct block *b, xmlNodePtr n, int hyph);

static void inline_node(struct ts *t, struct block *b, xmlNodePtr c, int hyph)
{
	if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
		add_text(t, b, (const char *)c->content, hyph);
		return;
	}
	if (c->type != XML_ELEMENT_NODE)
		return;
	const char *name = (const char *)c->name;
	int start = (int)b->text.len;
	pend_id(t, c);
	if (t->npend) { /* ids inside a block point at the block */
		for (size_t i = 0; i < t->npend; i++)
			VEC_PUSH(b->ids, b->nids, b->capids, t->pend_ids[i]);
		t->npend = 0;
	}
	if (!strcmp(name, "em") || !strcmp(name, "i") || !strcmp(name, "dfn")) {
		inline_children(t, b, c, hyph);
		add_span(b, start, SP_ITALIC, NULL);
	} else if (!strcmp(name, "strong") || !strcmp(name, "b")) {
		inline_children(t, b, c, hyph);
		add_span(b, start, SP_BOLD, NULL);
	} else if (!strcmp(name, "code")) {
		inline_children(t, b, c, 0);
		add_span(b, start, SP_MONO, NULL);
	} else if (!strcmp(name, "sup") || !strcmp(name, "sub")) {
		inline_children(t, b, c, 0);
		add_span(b, start, name[2] == 'p' ? SP_SUP : SP_SUB, NULL);
	} else if (!strcmp(name, "a")) {
		char *href = attr(c, "href");
		inline_children(t, b, c, hyph);
		char *target = href ? link_attrs(t, href) : NULL;
		size_t before = b->nsp;
		if (target)
			add_span(b, start, SP_LINK, target);
		/* terms and self-references stay clickable but are not marked:
		 * on paper 400 blue "college"s are noise */
		if (b->nsp > before && (has_class(c, "term") || has_class(c, "zelf")))
			b->sp[b->nsp - 1].plain = 1;
		xmlFree(href);
	} else if (!strcmp(name, "br")) {
		if (b->text.len && b->text.buf[b->text.len - 1] == ' ')
			b->text.buf[--b->text.len] = '\0';
		strbuf_puts(&b->text, "\xE2\x80\xA8"); /* U+2028 LINE SEPARATOR */
	} else if (!strcmp(name, "span") || !strcmp(name, "abbr")) {
		if (has_class(c, "num") && b->level == 1) {
			inline_children(t, b, c, 0);
			strbuf_puts(&b->text, "\xE2\x80\xA8");
			/* the space after the number is dropped by add_text() */
		} else {
			inline_children(t, b, c, hyph);
		}
	} else {
		set_err(t, xasprintf("element <%s> hoort niet in een alinea (docs/print-xhtml.md)", name));
	}
}

static void inline_children(struct ts *t, struct block *b, xmlNodePtr n, int hyph)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		inline_node(t, b, c, hyph);
}

static void trim_block(struct block *b)
{
	struct strbuf *o = &b->text;
	while (o->len && o->buf[o->len - 1] == ' ')
		o->buf[--o->len] = '\0';
	size_t lead = 0;
	while (lead < o->len && o->buf[lead] == ' ')
		lead++;
	if (lead) {
		memmove(o->buf, o->buf + lead, o->len - lead + 1);
		o->len -= lead;
		for (size_t i = 0; i < b->nsp; i++) {
			b->sp[i].start = b->sp[i].start > (int)lead ? b->sp[i].start - (int)lead : 0;
			b->sp[i].end = b->sp[i].end > (int)lead ? b->sp[i].end - (int)lead : 0;
		}
	}
	for (size_t i = 0; i < b->nsp; i++)
		if (b->sp[i].end > (int)o->len)
			b->sp[i].end = (int)o->len;
}

/* A paragraph of inline content: the children of N, or only those before
 * the first block-level child when STOP_AT_BLOCK. */
static struct block *para(struct ts *t, xmlNodePtr n, enum ts_role role, double indent,
                          const char *leaf)
{
	struct block *b = new_block(t, BK_TEXT, role, indent);
	b->leaf = leaf;
	pend_id(t, n);
	for (size_t i = 0; i < t->npend; i++)
		VEC_PUSH(b->ids, b->nids, b->capids, t->pend_ids[i]);
	t->npend = 0;
	inline_children(t, b, n, t->st.role[role].hyphenate);
	trim_block(b);
	return b;
}

/* ------------------------------------------------------------- blocks */

static void blocks(struct ts *t, xmlNodePtr n, struct ctx cx);
static void block_elem(struct ts *t, xmlNodePtr c, xmlNodePtr n, struct ctx cx);

static int is_block_elem(xmlNodePtr c)
{
	static const char *const names[] = {"p", "ol", "ul", "dl", "table", "figure", "div",
	                                    "section", "blockquote", "h1", "h2", "h3", "h4",
	                                    "hr", "nav", "article", "aside", NULL};
	if (c->type != XML_ELEMENT_NODE)
		return 0;
	for (int i = 0; names[i]; i++)
		if (is_html(c, names[i]))
			return 1;
	return 0;
}

static void list_label(xmlNodePtr list, int idx, char *buf, size_t cap)
{
	if (is_html(list, "ul")) {
		snprintf(buf, cap, "\xE2\x80\xA2");
		return;
	}
	char *start = attr(list, "start"), *type = attr(list, "type");
	int s = start ? atoi(start) : 1;
	int v = s + idx;
	if (type && type[0] == 'a' && v >= 1 && v <= 26)
		snprintf(buf, cap, "%c.", 'a' + v - 1);
	else
		snprintf(buf, cap, "%d.", v);
	xmlFree(start);
	xmlFree(type);
}

static void list(struct ts *t, xmlNodePtr n, struct ctx cx)
{
	double li_indent = cx.indent + t->st.list_indent;
	int idx = 0;
	pend_id(t, n);
	open_tag(t, "L");
	for (xmlNodePtr li = n->children; li; li = li->next) {
		if (li->type != XML_ELEMENT_NODE)
			continue;
		if (!is_html(li, "li")) {
			set_err(t, xasprintf("<%s> in een lijst (docs/print-xhtml.md)", li->name));
			continue;
		}
		char lbl[32];
		xmlNodePtr first = li->children;
		while (first && first->type == XML_TEXT_NODE && xmlIsBlankNode(first))
			first = first->next;
		char *label = NULL;
		if (is_html(first, "span") && has_class(first, "lbl")) {
			xmlChar *s = xmlNodeGetContent(first);
			label = xstrdup((char *)s);
			xmlFree(s);
		} else {
			list_label(n, idx, lbl, sizeof lbl);
			label = xstrdup(lbl);
		}
		idx++;
		open_tag(t, "LI");
		struct block *b = new_block(t, BK_TEXT, cx.role, li_indent);
		b->label = label;
		b->label_x = cx.indent;
		b->lbody = 1;
		b->leaf = "P";
		pend_id(t, li);
		for (size_t i = 0; i < t->npend; i++)
			VEC_PUSH(b->ids, b->nids, b->capids, t->pend_ids[i]);
		t->npend = 0;
		size_t bi = t->nb - 1;
		xmlNodePtr c = li->children;
		for (; c && !is_block_elem(c); c = c->next) {
			if (c == first && label && is_html(c, "span") && has_class(c, "lbl"))
				continue;
			inline_node(t, &t->b[bi], c, t->st.role[cx.role].hyphenate);
		}
		trim_block(&t->b[bi]);
		if (c) { /* nested blocks: the lid's text is kept with them */
			t->b[bi].keep_next = 1;
			struct ctx sub = cx;
			sub.indent = li_indent;
			for (; c; c = c->next) {
				if (c->type == XML_ELEMENT_NODE && is_block_elem(c)) {
					block_elem(t, c, li, sub);
				} else if (c->type == XML_ELEMENT_NODE ||
				           (c->type == XML_TEXT_NODE && !xmlIsBlankNode(c))) {
					set_err(t, xasprintf("tekst na een geneste lijst in <li> (docs/print-xhtml.md)"));
				}
			}
		}
		close_tag(t); /* LBody, opened after the label */
		close_tag(t); /* LI */
	}
	close_tag(t); /* L */
}

/* ul.wet-labels: one small line "Participatiewet · Wmo 2015". */
static void label_line(struct ts *t, xmlNodePtr n, struct ctx cx)
{
	struct block *b = new_block(t, BK_TEXT, TR_SMALL, cx.indent);
	b->leaf = "P";
	b->keep_next = 1; /* the labels belong to the heading above: kept with the text below */
	pend_id(t, n);
	int first = 1;
	for (xmlNodePtr li = n->children; li; li = li->next) {
		if (!is_html(li, "li"))
			continue;
		if (!first)
			strbuf_puts(&b->text, " \xC2\xB7 ");
		first = 0;
		inline_children(t, b, li, 0);
		trim_block(b);
	}
}

static void figure(struct ts *t, xmlNodePtr n, struct ctx cx)
{
	xmlNodePtr img = NULL, cap = NULL;
	pend_id(t, n);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is_html(c, "img") && !img)
			img = c;
		else if (is_html(c, "figcaption"))
			cap = c;
		else if (c->type == XML_ELEMENT_NODE)
			set_err(t, xasprintf("<%s> in <figure> (docs/print-xhtml.md)", c->name));
	}
	if (!img) {
		set_err(t, xasprintf("<figure> zonder <img>"));
		return;
	}
	char *src = attr(img, "src"), *alt = attr(img, "alt");
	if (!src || !alt || strstr(src, "..") || src[0] == '/' || strstr(src, "://")) {
		set_err(t, xasprintf("<img> zonder geldige src of alt"));
		xmlFree(src);
		xmlFree(alt);
		return;
	}
	char *path = xasprintf("%s/%s", t->basedir, src);
	double iw = 0, ih = 0;
	RsvgHandle *svg = NULL;
	cairo_surface_t *png = NULL;
	size_t sl = strlen(src);
	if (sl > 4 && strcmp(src + sl - 4, ".svg") == 0) {
		GError *ge = NULL;
		svg = rsvg_handle_new_from_file(path, &ge);
		if (!svg) {
			/* ovc check refuses what librsvg refuses (illustration.c); if it
			 * still happens, librsvg's English goes in a Dutch sentence. */
			set_err(t, xasprintf("de illustratie %s kan niet worden getekend (librsvg: %s); "
			                     "open het bestand in een tekenprogramma, bewaar het opnieuw "
			                     "als SVG en draai ovc check",
			                     src, ge ? ge->message : "onleesbaar"));
			if (ge)
				g_error_free(ge);
		} else if (!rsvg_handle_get_intrinsic_size_in_pixels(svg, &iw, &ih)) {
			RsvgRectangle vb;
			gboolean hw, hh, hv;
			RsvgLength w, h;
			rsvg_handle_get_intrinsic_dimensions(svg, &hw, &w, &hh, &h, &hv, &vb);
			if (hv) {
				iw = vb.width;
				ih = vb.height;
			}
		}
	} else if (sl > 4 && strcmp(src + sl - 4, ".png") == 0) {
		png = cairo_image_surface_create_from_png(path);
		if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
			set_err(t, xasprintf("afbeelding %s ontbreekt of is geen PNG", src));
			cairo_surface_destroy(png);
			png = NULL;
		} else {
			iw = cairo_image_surface_get_width(png);
			ih = cairo_image_surface_get_height(png);
		}
	} else {
		set_err(t, xasprintf("afbeelding %s is geen SVG of PNG", src));
	}
	free(path);
	xmlFree(src);
	if ((svg || png) && (iw <= 0 || ih <= 0)) {
		set_err(t, xasprintf("afbeelding zonder afmetingen"));
	}
	if (t->err) {
		if (svg)
			g_object_unref(svg);
		if (png)
			cairo_surface_destroy(png);
		xmlFree(alt);
		return;
	}
	double avail = measure(t) - cx.indent;
	double w = avail * t->st.figure_width * (cx.figure_small ? 0.5 : 1.0);
	double h = w * ih / iw;
	double maxh = t->st.figure_max_h * (cx.figure_small ? 0.5 : 1.0);
	if (h > maxh) {
		h = maxh;
		w = h * iw / ih;
	}
	struct block *b = new_block(t, BK_FIGURE, TR_CAPTION, cx.indent);
	b->indent = cx.indent;
	b->svg = svg;
	b->png = png;
	b->fw = w;
	b->fh = h;
	b->alt = xstrdup(alt);
	b->keep_together = 1;
	b->leaf = "Figure";
	t->figures++;
	xmlFree(alt);
	if (cap) {
		t->b[t->nb - 1].keep_next = 1;
		para(t, cap, TR_CAPTION, cx.indent, "Caption");
	}
}

static void heading(struct ts *t, xmlNodePtr n, int level, struct ctx cx)
{
	static const char *const tags[] = {"H1", "H2", "H3", "H4"};
	enum ts_role role = t->in_titlepage && level == 1 ? TR_TITLE : (enum ts_role)(TR_H1 + level - 1);
	struct block *b = new_block(t, BK_TEXT, role, cx.indent);
	b->level = level;
	b->toc_depth = cx.toc_depth;
	b->leaf = tags[level - 1];
	b->keep_next = 1;
	size_t bi = t->nb - 1;
	pend_id(t, n);
	for (size_t i = 0; i < t->npend; i++)
		VEC_PUSH(t->b[bi].ids, t->b[bi].nids, t->b[bi].capids, t->pend_ids[i]);
	t->npend = 0;
	inline_children(t, &t->b[bi], n, 0);
	b = &t->b[bi];
	trim_block(b);
	char *ol = attr(n, "data-outline"), *run = attr(n, "data-running");
	b->outline = !t->in_titlepage && !(ol && strcmp(ol, "0") == 0);
	if (run)
		b->running = xstrdup(run);
	else if (level <= 2 && !t->in_titlepage) {
		/* the heading text without line separators */
		struct strbuf s;
		strbuf_init(&s);
		for (size_t i = 0; i < b->text.len; i++) {
			if (!strncmp(b->text.buf + i, "\xE2\x80\xA8", 3)) {
				strbuf_puts(&s, " \xE2\x80\x93 ");
				i += 2;
			} else if (!strncmp(b->text.buf + i, "\xC2\xAD", 2)) {
				i += 1;
			} else {
				strbuf_putc(&s, b->text.buf[i]);
			}
		}
		b->running = strbuf_detach(&s, NULL);
	}
	xmlFree(ol);
	xmlFree(run);
	if (t->in_titlepage && level == 1 && !t->doc_title) { /* metadata: no-break spaces as spaces */
		struct strbuf d;
		strbuf_init(&d);
		for (const char *c = b->text.buf; *c; c++) {
			if ((unsigned char)c[0] == 0xC2 && (unsigned char)c[1] == 0xA0) {
				strbuf_putc(&d, ' ');
				c++;
			} else {
				strbuf_putc(&d, *c);
			}
		}
		t->doc_title = strbuf_detach(&d, NULL);
	}
}

static void blocks(struct ts *t, xmlNodePtr n, struct ctx cx)
{
	for (xmlNodePtr c = n->children; c && !t->err; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			if (!xmlIsBlankNode(c))
				set_err(t, xasprintf("losse tekst in <%s> (docs/print-xhtml.md)", n->name));
			continue;
		}
		if (c->type == XML_ELEMENT_NODE)
			block_elem(t, c, n, cx);
	}
}

/* One block-level element C, a child of N. */
/* One row of a simple grid: one paragraph, cells separated by tabs, th bold. */
static void table_row(struct ts *t, xmlNodePtr tr, struct ctx cx)
{
	open_tag(t, "TR");
	struct block *b = new_block(t, BK_TEXT, cx.role, cx.indent);
	b->leaf = "TD";
	size_t bi = t->nb - 1;
	int col = 0;
	for (xmlNodePtr td = tr->children; td; td = td->next) {
		if (!is_html(td, "td") && !is_html(td, "th"))
			continue;
		if (col++)
			strbuf_putc(&t->b[bi].text, '\t');
		int st = (int)t->b[bi].text.len;
		inline_children(t, &t->b[bi], td, 0);
		if (is_html(td, "th"))
			add_span(&t->b[bi], st, SP_BOLD, NULL);
	}
	close_tag(t);
}

/* A table: its rows, directly or in thead/tbody. */
static void table(struct ts *t, xmlNodePtr c, struct ctx cx)
{
	pend_id(t, c);
	open_tag(t, "Table");
	for (xmlNodePtr g = c->children; g; g = g->next) {
		if (is_html(g, "thead") || is_html(g, "tbody")) {
			for (xmlNodePtr tr = g->children; tr; tr = tr->next)
				if (is_html(tr, "tr"))
					table_row(t, tr, cx);
		} else if (is_html(g, "tr")) {
			table_row(t, g, cx);
		}
	}
	close_tag(t);
}

static void block_elem(struct ts *t, xmlNodePtr c, xmlNodePtr n, struct ctx cx)
{
	(void)n;
	{
		const char *name = (const char *)c->name;
		struct ctx sub = cx;
		if (has_class(c, "nieuwe-pagina"))
			t->pend_break = 1;
		if (!strcmp(name, "h1") || !strcmp(name, "h2") || !strcmp(name, "h3") ||
		    !strcmp(name, "h4")) {
			heading(t, c, name[1] - '0', cx);
		} else if (!strcmp(name, "p") || !strcmp(name, "blockquote")) {
			enum ts_role role = cx.role;
			if (has_class(c, "blok-label"))
				role = TR_LABEL;
			else if (has_class(c, "wet-labels"))
				role = TR_SMALL;
			else if (t->in_titlepage && (has_class(c, "status") || has_class(c, "citeertitel")))
				role = TR_STATUS;
			if (t->in_titlepage && has_class(c, "status"))
				t->has_status_line = 1;
			struct block *b = para(t, c, role, cx.indent + (name[0] == 'b' ? t->st.list_indent : 0), "P");
			if (role == TR_LABEL)
				b->keep_next = 1;
			if (has_class(c, "tekenruimte")) /* room for a signature: four body lines */
				b->space_before = 4 * t->st.role[TR_BODY].size * t->st.role[TR_BODY].leading;
			else if (has_class(c, "rol")) /* a signature's role: apart from the name above */
				b->space_before = 1.5 * t->st.role[TR_BODY].size * t->st.role[TR_BODY].leading;
		} else if (!strcmp(name, "ul") && has_class(c, "wet-labels")) {
			label_line(t, c, cx);
		} else if (!strcmp(name, "ol") || !strcmp(name, "ul")) {
			list(t, c, cx);
		} else if (!strcmp(name, "dl")) {
			pend_id(t, c);
			open_tag(t, "L");
			for (xmlNodePtr d = c->children; d; d = d->next) {
				if (is_html(d, "dt")) {
					open_tag(t, "LI");
					struct block *b = para(t, d, cx.role, cx.indent, "Lbl");
					b->keep_next = 1;
					add_span(b, 0, SP_BOLD, NULL); /* dt is bold */
				} else if (is_html(d, "dd")) {
					open_tag(t, "LBody");
					para(t, d, cx.role, cx.indent + t->st.list_indent, "P");
					close_tag(t);
					close_tag(t);
				} else if (d->type == XML_ELEMENT_NODE) {
					set_err(t, xasprintf("<%s> in <dl> (docs/print-xhtml.md)", d->name));
				}
			}
			close_tag(t);
		} else if (!strcmp(name, "table")) {
			table(t, c, cx);
		} else if (!strcmp(name, "figure")) {
			figure(t, c, cx);
		} else if (!strcmp(name, "hr")) {
			struct block *b = new_block(t, BK_RULE, TR_BODY, cx.indent);
			b->leaf = NULL;
		} else if (!strcmp(name, "nav") && has_class(c, "toc")) {
			struct block *b = new_block(t, BK_TOC, TR_TOC_TITLE, 0);
			b->brk_before = 1;
			b->brk_after = 1;
			t->toc_marker = b; /* index fixed up in expand_toc() */
		} else if (!strcmp(name, "section") || !strcmp(name, "div") || !strcmp(name, "article") ||
		           !strcmp(name, "header") || !strcmp(name, "footer") || !strcmp(name, "main") ||
		           !strcmp(name, "aside") || !strcmp(name, "nav")) {
			pend_id(t, c);
			int titel = has_class(c, "titelpagina");
			int keep = has_class(c, "ondertekening");
			size_t first = t->nb;
			if (titel)
				t->in_titlepage = 1;
			if (has_class(c, "doel"))
				sub.role = TR_DOEL;
			else if (has_class(c, "ontwerp-melding"))
				sub.role = TR_NOTE;
			if (has_class(c, "themakaart"))
				sub.figure_small = 1;
			if (has_class(c, "toelichting")) /* its articles would double the TOC */
				sub.toc_depth = cx.toc_depth < 2 ? cx.toc_depth : 2;
			const char *tag = !strcmp(name, "article") ? "Art"
			                  : !strcmp(name, "section") ? "Sect"
			                                              : "Div";
			open_tag(t, tag);
			if (has_class(c, "themakaart")) {
				/* a card: its heading above its picture, as the eye reads it */
				for (int pass = 0; pass < 2; pass++)
					for (xmlNodePtr k = c->children; k && !t->err; k = k->next)
						if (k->type == XML_ELEMENT_NODE &&
						    (k->name[0] == 'h' && k->name[1] >= '1' && k->name[1] <= '4') == (pass == 0))
							block_elem(t, k, c, sub);
			} else {
				blocks(t, c, sub);
			}
			close_tag(t);
			if (titel) {
				t->in_titlepage = 0;
				if (t->nb > first)
					t->b[t->nb - 1].brk_after = 1;
			}
			if (keep && t->nb > first + 1) /* signatures: one page */
				for (size_t i = first; i + 1 < t->nb; i++)
					t->b[i].keep_next = 1;
		} else {
			set_err(t, xasprintf("element <%s> valt buiten de druk-XHTML (docs/print-xhtml.md)", name));
		}
	}
}

/* --------------------------------------------------------------- meta */

static void read_head(struct ts *t, xmlNodePtr head)
{
	for (xmlNodePtr c = head ? head->children : NULL; c; c = c->next) {
		if (is_html(c, "title")) {
			xmlChar *s = xmlNodeGetContent(c);
			t->title = xstrdup((char *)s);
			xmlFree(s);
		} else if (is_html(c, "meta")) {
			char *name = attr(c, "name"), *content = attr(c, "content");
			if (name && content) {
				char **slot = !strcmp(name, "author")        ? &t->author
				              : !strcmp(name, "subject")     ? &t->subject
				              : !strcmp(name, "keywords")    ? &t->keywords
				              : !strcmp(name, "ovc-status")  ? &t->status
				              : !strcmp(name, "ovc-versie")  ? &t->versie
				              : !strcmp(name, "ovc-datum")   ? &t->datum
				              : !strcmp(name, "ovc-stijl")   ? &t->stijl
				                                            : NULL;
				if (slot) {
					free(*slot);
					*slot = xstrdup(content);
				}
			}
			xmlFree(name);
			xmlFree(content);
		}
	}
}

static void collect_ids(GHashTable *h, xmlNodePtr n)
{
	for (xmlNodePtr c = n; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		char *id = attr(c, "id");
		if (id) {
			g_hash_table_add(h, g_strdup(id));
			xmlFree(id);
		}
		collect_ids(h, c->children);
	}
}

static const char *const months[] = {"januari", "februari", "maart", "april", "mei", "juni",
                                     "juli", "augustus", "september", "oktober", "november",
                                     "december"};

static char *dutch_date(const char *iso)
{
	int y, m, d;
	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12)
		return xstrdup(iso ? iso : "");
	return xasprintf("%d %s %d", d, months[m - 1], y);
}

/* ------------------------------------------------------------- the TOC */

/* Replace the TOC marker by a title and one entry per h1–h3 heading. */
static void expand_toc(struct ts *t)
{
	size_t at = (size_t)-1;
	for (size_t i = 0; i < t->nb; i++)
		if (t->b[i].kind == BK_TOC)
			at = i;
	if (at == (size_t)-1)
		return;
	struct block *old = t->b;
	size_t n = t->nb;
	t->b = NULL;
	t->nb = t->capb = 0;
	for (size_t i = 0; i < n; i++) {
		if (i != at) {
			VEC_PUSH(t->b, t->nb, t->capb, old[i]);
			continue;
		}
		struct block m = old[i];
		m.kind = BK_TEXT;
		m.role = TR_TOC_TITLE;
		strbuf_puts(&m.text, "Inhoudsopgave");
		m.level = 1;
		m.outline = 1;
		m.running = xstrdup("Inhoudsopgave");
		m.leaf = "H1";
		m.keep_next = 1;
		m.brk_after = 0;
		int closes = m.closes;
		m.closes = 0;
		while (g_hash_table_contains(t->ids, "inhoudsopgave"))
			; /* never: ids from the stylesheets contain '_' or '-' */
		VEC_PUSH(m.ids, m.nids, m.capids, xstrdup("inhoudsopgave"));
		VEC_PUSH(t->b, t->nb, t->capb, m);
		size_t first_entry = t->nb;
		for (size_t j = at + 1; j < n; j++) {
			struct block *h = &old[j];
			if (h->kind != BK_TEXT || h->level < 1 || h->level > h->toc_depth || !h->outline ||
			    !h->nids)
				continue;
			struct block e;
			memset(&e, 0, sizeof e);
			e.kind = BK_TOC;
			e.role = (enum ts_role)(TR_TOC1 + h->level - 1);
			e.level = h->level;
			e.indent = (h->level - 1) * t->st.toc_level_indent;
			strbuf_init(&e.text);
			for (size_t k = 0; k < h->text.len; k++) { /* no hyphens, no line separators */
				if (!strncmp(h->text.buf + k, "\xE2\x80\xA8", 3)) {
					strbuf_putc(&e.text, ' ');
					k += 2;
				} else if (!strncmp(h->text.buf + k, "\xC2\xAD", 2)) {
					k += 1;
				} else {
					strbuf_putc(&e.text, h->text.buf[k]);
				}
			}
			e.toc_target = xstrdup(h->ids[0]);
			e.keep_next = h->level < h->toc_depth; /* a part's entry not alone at a page end */
			e.opens = xstrdup("TOCI");
			e.closes = 1;
			e.leaf = NULL;
			VEC_PUSH(t->b, t->nb, t->capb, e);
		}
		/* the last entries go together: no TOC page holds a line or two */
		for (size_t k = t->nb > first_entry + TOC_LAST ? t->nb - TOC_LAST : first_entry; k + 1 < t->nb; k++)
			t->b[k].keep_next = 1;
		if (t->nb > first_entry) {
			free(t->b[first_entry].opens);
			t->b[first_entry].opens = xstrdup("TOC TOCI");
			t->b[t->nb - 1].closes++; /* TOC */
		}
		t->b[t->nb - 1].brk_after = 1;
		t->b[t->nb - 1].closes += closes;
	}
	free(old);
}

/* ------------------------------------------------------------- layout */

static int ends_hyphenated(const struct block *b, PangoLayoutLine *line);

static PangoAttrList *attrs_of(struct ts *t, const struct block *b)
{
	PangoAttrList *al = pango_attr_list_new();
	for (size_t i = 0; i < b->nsp; i++) {
		const struct span *s = &b->sp[i];
		PangoAttribute *a = NULL, *a2 = NULL;
		switch (s->kind) {
		case SP_BOLD: a = pango_attr_weight_new(PANGO_WEIGHT_BOLD); break;
		case SP_ITALIC: a = pango_attr_style_new(PANGO_STYLE_ITALIC); break;
		case SP_MONO: a = pango_attr_family_new("DejaVu Sans Mono"); break;
		case SP_SUP:
		case SP_SUB:
			a = pango_attr_scale_new(0.75);
			a2 = pango_attr_rise_new((int)((s->kind == SP_SUP ? 0.35 : -0.15) *
			                               t->st.role[b->role].size * PANGO_SCALE));
			break;
		case SP_LINK: { /* a plain link keeps the attribute: it makes the link a run of its own */
			const double *c = s->plain ? t->st.role[b->role].colour : t->st.link_colour;
			a = pango_attr_foreground_new((guint16)(c[0] * 65535), (guint16)(c[1] * 65535),
			                              (guint16)(c[2] * 65535));
			break;
		}
		}
		a->start_index = (guint)s->start;
		a->end_index = (guint)s->end;
		pango_attr_list_insert(al, a);
		if (a2) {
			a2->start_index = (guint)s->start;
			a2->end_index = (guint)s->end;
			pango_attr_list_insert(al, a2);
		}
	}
	return al;
}

/*
 * pango 1.50 justifies a line that ends at a soft hyphen to the full
 * measure and then adds the hyphen, which sticks out into the margin by
 * its width. Take that width back from the line's word spaces (where the
 * justification put it), so the hyphen ends on the right edge.
 */
static int line_width(PangoLayoutLine *line)
{
	int w = 0;
	for (GSList *g = line->runs; g; g = g->next)
		w += pango_glyph_string_get_width(((PangoGlyphItem *)g->data)->glyphs);
	return w;
}

static void fit_hyphenated_lines(const struct block *b, PangoLayout *lay, int width)
{
	const char *text = pango_layout_get_text(lay);
	for (GSList *l = pango_layout_get_lines_readonly(lay); l; l = l->next) {
		PangoLayoutLine *line = l->data;
		if (!ends_hyphenated(b, line))
			continue;
		int over = line_width(line) - width; /* the extents are cached: sum the glyphs */
		if (over <= 0)
			continue;
		int spaces = 0;
		for (GSList *g = line->runs; g; g = g->next) {
			PangoGlyphItem *gi = g->data;
			for (int i = 0; i < gi->glyphs->num_glyphs; i++)
				spaces += text[gi->item->offset + gi->glyphs->log_clusters[i]] == ' ';
		}
		if (spaces == 0)
			continue;
		int k = 0;
		for (GSList *g = line->runs; g; g = g->next) {
			PangoGlyphItem *gi = g->data;
			for (int i = 0; i < gi->glyphs->num_glyphs; i++)
				if (text[gi->item->offset + gi->glyphs->log_clusters[i]] == ' ') {
					/* spread OVER evenly; the first ones take the remainder */
					int take = over / spaces + (k < over % spaces ? 1 : 0);
					gi->glyphs->glyphs[i].geometry.width -= take;
					k++;
				}
		}
	}
}

static double pitch(const struct ts *t, enum ts_role r)
{
	return t->st.role[r].size * t->st.role[r].leading;
}

/* The PangoLayout of a text or TOC block: the same every time it is made,
 * so a block can be laid out again when it is drawn (see layout_budget). */
static PangoLayout *make_layout(struct ts *t, struct block *b)
{
	const struct ts_role_style *rs = &t->st.role[b->role];
	double width = measure(t) - b->indent;
	if (b->kind == BK_TOC)
		width -= t->st.toc_number_w + 2 * rs->size;
	if (b->label && b->text.len == 0)
		strbuf_puts(&b->text, "\xE2\x80\x8B"); /* an empty lid still holds its label */
	PangoLayout *lay = pango_layout_new(t->pc);
	pango_layout_set_font_description(lay, t->fd[b->role]);
	pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	/* a line ended by <br> (U+2028) would be stretched: no justification */
	pango_layout_set_justify(lay, rs->justify && !strstr(b->text.buf, "\xE2\x80\xA8"));
	if (rs->center)
		pango_layout_set_alignment(lay, PANGO_ALIGN_CENTER);
	if (b->leaf && !strcmp(b->leaf, "TD")) {
		/* table row: equal columns by tab stops */
		int cols = 1;
		for (size_t i = 0; i < b->text.len; i++)
			cols += b->text.buf[i] == '\t';
		PangoTabArray *tabs = pango_tab_array_new(cols, TRUE);
		for (int c = 0; c < cols; c++)
			pango_tab_array_set_tab(tabs, c, PANGO_TAB_LEFT, (int)(width * c / cols));
		pango_layout_set_tabs(lay, tabs);
		pango_tab_array_free(tabs);
	}
	pango_layout_set_text(lay, b->text.buf, (int)b->text.len);
	PangoAttrList *al = attrs_of(t, b);
	pango_layout_set_attributes(lay, al);
	pango_attr_list_unref(al);
	if (pango_layout_get_justify(lay))
		fit_hyphenated_lines(b, lay, (int)(width * PANGO_SCALE));
	return lay;
}

static void layout_block(struct ts *t, struct block *b)
{
	double p = pitch(t, b->role);
	if (b->kind == BK_FIGURE) {
		b->nlines = 1;
		b->lh = xmalloc(sizeof *b->lh);
		b->lh[0] = b->fh;
		return;
	}
	if (b->kind == BK_RULE) {
		b->nlines = 1;
		b->lh = xmalloc(sizeof *b->lh);
		b->lh[0] = p;
		return;
	}
	PangoLayout *lay = make_layout(t, b);
	int n = pango_layout_get_line_count(lay);
	b->nlines = n;

	b->lh = xmalloc((size_t)n * sizeof *b->lh);
	b->xoff = xmalloc((size_t)n * sizeof *b->xoff);
	PangoLayoutIter *it = pango_layout_get_iter(lay);
	int i = 0;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		b->xoff[i] = (double)logical.x / PANGO_SCALE;
		b->lh[i] = p;
		i++;
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	if (t->base[b->role] == 0) { /* metrics shape a sample text: once per role */
		PangoFontMetrics *fm = pango_context_get_metrics(t->pc, t->fd[b->role], NULL);
		double asc = (double)pango_font_metrics_get_ascent(fm) / PANGO_SCALE;
		double desc = (double)pango_font_metrics_get_descent(fm) / PANGO_SCALE;
		pango_font_metrics_unref(fm);
		t->base[b->role] = (p - (asc + desc)) / 2 + asc;
	}
	b->base = t->base[b->role];
	b->lay = lay;
}

/* ---------------------------------------------------- running headers */

/* Heading B (placed from its first line) changes the running header. */
static void run_heading(const struct block *b, const char **h1, const char **h2)
{
	if (!b->running || (b->level != 1 && b->level != 2))
		return;
	if (b->level == 1) {
		*h1 = b->running;
		*h2 = NULL;
	} else {
		*h2 = b->running;
	}
}

/*
 * HDR[p]: the heading in force at the top of page p (a Deel's or a
 * chapter's), as a reader finds a place by it: the last one before the
 * page, or the ones that open it (headings placed before any text on it).
 * A heading further down the page names the next page, not this one.
 */
static void running_headers(struct ts *t, const struct ts_place *pl, size_t npl, char **hdr, int pages)
{
	const char *h1 = NULL, *h2 = NULL;
	size_t i = 0;
	for (int cur = 0; cur < pages; cur++) {
		if (i < npl && h1 && !strcmp(h1, "Inhoudsopgave") && !h2 && t->b[pl[i].block].kind != BK_TOC)
			h1 = NULL; /* the TOC names only its own pages */
		for (size_t j = i; j < npl && pl[j].page == cur && pl[j].from == 0 && t->b[pl[j].block].level &&
		                   t->b[pl[j].block].kind == BK_TEXT;
		     j++)
			run_heading(&t->b[pl[j].block], &h1, &h2);
		hdr[cur] = (char *)(h2 ? h2 : h1);
		for (; i < npl && pl[i].page == cur; i++)
			if (pl[i].from == 0)
				run_heading(&t->b[pl[i].block], &h1, &h2);
	}
}

/* ------------------------------------------------------------ drawing */

struct emit {
	struct ts *t;
	cairo_surface_t *surf;
	cairo_t *cr;
	int pages;
	char **hdr; /* running header per page */
	int outline_parent[6];
	const char **stack; /* open structure tags */
	size_t nstack, capstack;
	int page;             /* being drawn, 0-based */
	struct ts_link *lk;   /* every link drawn, for the annotations' /Contents */
	size_t nlk, caplk;
};

/* Remember a link's rectangle and its text (bytes [A, Z) of TEXT, without
 * soft hyphens and line separators). */
static void note_link(struct emit *e, double x, double y, double w, double h, const char *text, int a, int z)
{
	struct strbuf s;
	strbuf_init(&s);
	for (int i = a; i < z; i++) {
		if (i + 1 < z && (unsigned char)text[i] == 0xC2 && (unsigned char)text[i + 1] == 0xAD) {
			i++;
		} else if (i + 2 < z && !memcmp(text + i, "\xE2\x80\xA8", 3)) {
			strbuf_putc(&s, ' ');
			i += 2;
		} else {
			strbuf_putc(&s, text[i]);
		}
	}
	struct ts_link l = {e->page, x, y, w, h, strbuf_detach(&s, NULL)};
	VEC_PUSH(e->lk, e->nlk, e->caplk, l);
}

static void set_colour(cairo_t *cr, const double c[3])
{
	cairo_set_source_rgb(cr, c[0], c[1], c[2]);
}

static PangoLayout *simple(struct emit *e, enum ts_role r, const char *text)
{
	PangoLayout *l = pango_layout_new(e->t->pc);
	pango_layout_set_font_description(l, e->t->fd[r]);
	pango_layout_set_text(l, text, -1);
	return l;
}

static void furniture(struct emit *e, int page)
{
	struct ts *t = e->t;
	const struct ts_style *st = &t->st;
	cairo_t *cr = e->cr;
	if (t->status && !strcmp(t->status, "ontwerp")) {
		PangoLayout *l = simple(e, TR_WATERMARK, "ONTWERP");
		PangoRectangle r;
		pango_layout_get_extents(l, NULL, &r);
		cairo_save(cr);
		cairo_translate(cr, st->page_w / 2, st->page_h / 2);
		cairo_rotate(cr, -atan2(st->page_h, st->page_w));
		const double *c = st->role[TR_WATERMARK].colour;
		cairo_set_source_rgba(cr, c[0], c[1], c[2], st->watermark_alpha);
		cairo_move_to(cr, -(double)r.width / PANGO_SCALE / 2, -(double)r.height / PANGO_SCALE / 2);
		pango_cairo_show_layout(cr, l);
		cairo_restore(cr);
		g_object_unref(l);
	}
	if (page > 0) {
		const char *left = t->doc_title ? t->doc_title : t->title;
		const char *right = e->hdr[page] ? e->hdr[page] : "";
		double y = st->m_top - st->header_gap;
		set_colour(cr, st->role[TR_HEADER].colour);
		/* the part or chapter on the right in full (up to 60%), the title
		 * on the left in what is left */
		PangoLayout *r = simple(e, TR_HEADER, right);
		pango_layout_set_width(r, (int)(measure(t) * 0.6 * PANGO_SCALE));
		pango_layout_set_ellipsize(r, PANGO_ELLIPSIZE_END);
		PangoRectangle rr;
		pango_layout_get_extents(r, NULL, &rr);
		double rw = (double)rr.width / PANGO_SCALE;
		cairo_move_to(cr, st->page_w - st->m_right - rw, y - pango_layout_get_baseline(r) / (double)PANGO_SCALE);
		pango_cairo_show_layout(cr, r);
		g_object_unref(r);
		PangoLayout *l = simple(e, TR_HEADER, left);
		pango_layout_set_width(l, (int)((measure(t) - rw - 18) * PANGO_SCALE));
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
		cairo_move_to(cr, st->m_left, y - pango_layout_get_baseline(l) / (double)PANGO_SCALE);
		pango_cairo_show_layout(cr, l);
		g_object_unref(l);
		set_colour(cr, st->rule_colour);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, st->m_left, y + 5);
		cairo_line_to(cr, st->page_w - st->m_right, y + 5);
		cairo_stroke(cr);
	}
	char foot[64];
	snprintf(foot, sizeof foot, "pagina %d van %d", page + 1, e->pages);
	PangoLayout *l = simple(e, TR_FOOTER, foot);
	pango_layout_set_width(l, (int)(measure(t) * PANGO_SCALE));
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	set_colour(cr, st->role[TR_FOOTER].colour);
	cairo_move_to(cr, st->m_left, st->page_h - st->m_bottom + st->footer_gap -
	                                  pango_layout_get_baseline(l) / (double)PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void tag_begin(struct emit *e, const char *tag)
{
	cairo_tag_begin(e->cr, tag, NULL);
	VEC_PUSH(e->stack, e->nstack, e->capstack, tag);
}

static void tag_end(struct emit *e)
{
	if (e->nstack)
		cairo_tag_end(e->cr, e->stack[--e->nstack]);
}

static void tag_open_list(struct emit *e, const char *opens)
{
	if (!opens)
		return;
	/* the names live as long as the block: split in place */
	for (const char *p = opens; *p;) {
		const char *sp = strchr(p, ' ');
		size_t l = sp ? (size_t)(sp - p) : strlen(p);
		static const char *const known[] = {"Document", "Sect", "Art", "Div", "L", "LI", "LBody",
		                                    "TOC", "TOCI", "Table", "TR", "Lbl", "P", NULL};
		for (int i = 0; known[i]; i++)
			if (strlen(known[i]) == l && !strncmp(known[i], p, l))
				tag_begin(e, known[i]);
		p += l;
		while (*p == ' ')
			p++;
	}
}

/* Is the line I of B's layout ended by a soft hyphen (a hyphenated break)? */
static int ends_hyphenated(const struct block *b, PangoLayoutLine *line)
{
	int end = line->start_index + line->length;
	return end >= 2 && end <= (int)b->text.len && (unsigned char)b->text.buf[end - 2] == 0xC2 &&
	       (unsigned char)b->text.buf[end - 1] == 0xAD;
}


/* The link span that holds bytes [A, Z) of B's text, or NULL. */
static const struct span *link_at(const struct block *b, int a, int z)
{
	for (size_t i = 0; i < b->nsp; i++)
		if (b->sp[i].kind == SP_LINK && b->sp[i].start <= a && z <= b->sp[i].end)
			return &b->sp[i];
	return NULL;
}

static int is_shy(const char *s)
{
	return (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xAD;
}

/*
 * Draw one line run by run at (X, BASELINE), instead of
 * pango_cairo_show_layout_line(), for two reasons:
 *  - a run inside a link is drawn inside a Link structure element, so the
 *    link's text is its content (link attributes make runs of their own);
 *  - a soft hyphen not used as a break is left out of the text cairo gets:
 *    cairo 1.16 would write an empty /ActualText span for each one, at
 *    which poppler's structure-text extraction stops. The hyphen of a
 *    hyphenated line end is kept.
 */
static void draw_line(struct emit *e, struct block *b, PangoLayoutLine *line, double x,
                      double baseline, double ytop, double h)
{
	cairo_t *cr = e->cr;
	const struct ts_style *st = &e->t->st;
	const char *text = pango_layout_get_text(b->lay);
	int line_end = line->start_index + line->length;
	int keep_end_shy = ends_hyphenated(b, line);
	/* cairo 1.16 does not mark the parent's text again after a Link ends
	 * (nor on a new page once a Link has ended), so in a block with links
	 * every other run is a Span of its own: no text outside the structure
	 * (PDF/UA, Matterhorn 01-005) */
	int has_links = 0;
	for (size_t i = 0; i < b->nsp && !has_links; i++)
		has_links = b->sp[i].kind == SP_LINK;
	for (GSList *g = line->runs; g; g = g->next) {
		PangoGlyphItem *run = g->data;
		PangoItem *it = run->item;
		double w = (double)pango_glyph_string_get_width(run->glyphs) / PANGO_SCALE;
		const struct span *lk = link_at(b, it->offset, it->offset + it->length);
		if (lk) {
			char *at = xasprintf("%s rect=[%.2f %.2f %.2f %.2f]", lk->target, x, ytop, w, h);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, at);
			free(at);
			note_link(e, x, ytop, w, h, b->text.buf, lk->start, lk->end);
			e->t->links++;
			set_colour(cr, lk->plain ? st->role[b->role].colour : st->link_colour);
		} else {
			if (has_links)
				cairo_tag_begin(cr, "Span", NULL);
			set_colour(cr, st->role[b->role].colour);
		}
		cairo_move_to(cr, x + (double)run->start_x_offset / PANGO_SCALE,
		              baseline - (double)run->y_offset / PANGO_SCALE);
		int shy = 0;
		for (int i = it->offset; i + 1 < it->offset + it->length; i++)
			if (is_shy(text + i) && !(keep_end_shy && i + 2 == line_end))
				shy = 1;
		if (!shy) {
			pango_cairo_show_glyph_item(cr, text, run);
		} else {
			/* the run's text without its unused soft hyphens, and its
			 * glyphs without theirs, clusters moved to match */
			char *t2 = xmalloc((size_t)it->length + 1);
			int *map = xmalloc(((size_t)it->length + 1) * sizeof *map);
			int n = 0, chars = 0;
			for (int i = 0; i < it->length; i++) {
				map[i] = n;
				if (i + 1 < it->length && is_shy(text + it->offset + i) &&
				    !(keep_end_shy && it->offset + i + 2 == line_end)) {
					map[i + 1] = n;
					i++;
					chars++;
					continue;
				}
				t2[n++] = text[it->offset + i];
			}
			map[it->length] = n;
			t2[n] = '\0';
			PangoGlyphString *gs = pango_glyph_string_new();
			pango_glyph_string_set_size(gs, run->glyphs->num_glyphs);
			int k = 0;
			for (int i = 0; i < run->glyphs->num_glyphs; i++) {
				int cl = run->glyphs->log_clusters[i];
				if (cl + 1 < it->length && is_shy(text + it->offset + cl) &&
				    !(keep_end_shy && it->offset + cl + 2 == line_end)) {
					/* its (empty) glyph goes; keep the advance, if any */
					if (k > 0)
						gs->glyphs[k - 1].geometry.width += run->glyphs->glyphs[i].geometry.width;
					continue;
				}
				gs->glyphs[k] = run->glyphs->glyphs[i];
				gs->log_clusters[k] = map[cl];
				k++;
			}
			gs->num_glyphs = k;
			PangoItem *it2 = pango_item_copy(it);
			it2->offset = 0;
			it2->length = n;
			it2->num_chars = it->num_chars - chars;
			PangoGlyphItem run2 = {it2, gs, run->y_offset, run->start_x_offset, run->end_x_offset};
			pango_cairo_show_glyph_item(cr, t2, &run2);
			pango_item_free(it2);
			pango_glyph_string_free(gs);
			free(map);
			free(t2);
		}
		if (lk)
			cairo_tag_end(cr, CAIRO_TAG_LINK);
		else if (has_links)
			cairo_tag_end(cr, "Span");
		x += w + (double)(run->start_x_offset + run->end_x_offset) / PANGO_SCALE;
	}
}

static void draw_label(struct emit *e, struct block *b, double y)
{
	cairo_t *cr = e->cr;
	const struct ts_style *st = &e->t->st;
	PangoLayout *l = pango_layout_new(e->t->pc);
	pango_layout_set_font_description(l, e->t->fd[b->role]);
	pango_layout_set_text(l, b->label, -1);
	cairo_tag_begin(cr, "Lbl", NULL);
	set_colour(cr, st->role[b->role].colour);
	double lw = b->indent - b->label_x;
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	double x = st->m_left + b->label_x;
	if ((double)r.width / PANGO_SCALE > lw - 3) /* a wide label: ragged into the text */
		x = st->m_left + b->indent - (double)r.width / PANGO_SCALE - 3;
	cairo_move_to(cr, x, y + b->base - pango_layout_get_baseline(l) / (double)PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
	cairo_tag_end(cr, "Lbl");
	g_object_unref(l);
}

static void draw_figure(struct emit *e, struct block *b, double y)
{
	cairo_t *cr = e->cr;
	const struct ts_style *st = &e->t->st;
	double x = st->m_left + b->indent + (measure(e->t) - b->indent - b->fw) / 2;
	if (b->svg) {
		RsvgRectangle vp = {x, y, b->fw, b->fh};
		rsvg_handle_render_document(b->svg, cr, &vp, NULL);
	} else if (b->png) {
		cairo_save(cr);
		cairo_translate(cr, x, y);
		cairo_scale(cr, b->fw / cairo_image_surface_get_width(b->png),
		            b->fh / cairo_image_surface_get_height(b->png));
		cairo_set_source_surface(cr, b->png, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
	}
}

static void draw_toc_end(struct emit *e, struct block *b, PangoLayoutLine *line, double x, double y)
{
	struct ts *t = e->t;
	const struct ts_style *st = &t->st;
	cairo_t *cr = e->cr;
	PangoRectangle r;
	pango_layout_line_get_extents(line, NULL, &r);
	double end = x + (double)(r.x + r.width) / PANGO_SCALE;
	double numx = st->page_w - st->m_right;
	char num[16];
	snprintf(num, sizeof num, "%d", b->toc_page + 1);
	PangoLayout *l = simple(e, b->role, num);
	PangoRectangle nr;
	pango_layout_get_extents(l, NULL, &nr);
	double nw = (double)nr.width / PANGO_SCALE;
	/* dot leaders on a fixed grid, so the dots line up from entry to entry */
	double step = st->role[b->role].size * 0.55;
	PangoLayout *dot = simple(e, b->role, ".");
	double d0 = ceil((end + step * 0.8 - st->m_left) / step) * step + st->m_left;
	set_colour(cr, st->rule_colour);
	for (double dx = d0; dx + step < numx - nw - 2; dx += step) {
		cairo_move_to(cr, dx, y + b->base - pango_layout_get_baseline(dot) / (double)PANGO_SCALE);
		pango_cairo_show_layout(cr, dot);
	}
	g_object_unref(dot);
	set_colour(cr, st->role[b->role].colour);
	cairo_move_to(cr, numx - nw, y + b->base - pango_layout_get_baseline(l) / (double)PANGO_SCALE);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void add_outline(struct emit *e, struct block *b)
{
	int lvl = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
	int parent = e->outline_parent[lvl - 1];
	char *at = dest_attr(b->ids[0]);
	struct strbuf s;
	strbuf_init(&s);
	for (size_t i = 0; i < b->text.len; i++) {
		if (!strncmp(b->text.buf + i, "\xE2\x80\xA8", 3)) {
			strbuf_putc(&s, ' ');
			i += 2;
		} else if (!strncmp(b->text.buf + i, "\xC2\xAD", 2)) {
			i += 1;
		} else {
			strbuf_putc(&s, b->text.buf[i]);
		}
	}
	int id = cairo_pdf_surface_add_outline(e->surf, parent, s.buf, at,
	                                       lvl == 1 ? CAIRO_PDF_OUTLINE_FLAG_BOLD : 0);
	for (int k = lvl; k < 5; k++)
		e->outline_parent[k] = id;
	e->t->outline++;
	strbuf_release(&s);
	free(at);
}

static void draw_place(struct emit *e, const struct ts_place *p)
{
	struct ts *t = e->t;
	const struct ts_style *st = &t->st;
	struct block *b = &t->b[p->block];
	cairo_t *cr = e->cr;
	double y = st->m_top + p->y;
	double x = st->m_left + b->indent;
	if (p->from == 0) {
		tag_open_list(e, b->opens);
		for (size_t i = 0; i < b->nids; i++) {
			char *nm = dest_name(b->ids[i]);
			char *at = xasprintf("name='%s' x=%.2f y=%.2f", nm, st->m_left, y);
			free(nm);
			cairo_tag_begin(cr, CAIRO_TAG_DEST, at);
			cairo_tag_end(cr, CAIRO_TAG_DEST);
			free(at);
			t->dests++;
		}
		if (b->outline && b->nids)
			add_outline(e, b);
	}
	if (b->kind == BK_FIGURE) {
		cairo_tag_begin(cr, "Figure", NULL);
		draw_figure(e, b, y);
		cairo_tag_end(cr, "Figure");
	} else if (b->kind == BK_RULE) {
		set_colour(cr, st->rule_colour);
		cairo_set_line_width(cr, 0.5);
		cairo_move_to(cr, x, y + b->lh[0] / 2);
		cairo_line_to(cr, st->page_w - st->m_right, y + b->lh[0] / 2);
		cairo_stroke(cr);
	} else {
		if (!b->lay)
			b->lay = make_layout(t, b);
		if (p->from == 0 && b->label)
			draw_label(e, b, y);
		if (p->from == 0 && b->lbody)
			tag_begin(e, "LBody");
		char *link = NULL;
		if (b->kind == BK_TOC) { /* the whole entry, to the page number, is the link */
			double h = 0;
			for (int i = p->from; i < p->to; i++)
				h += b->lh[i];
			char *d = dest_attr(b->toc_target);
			link = xasprintf("%s rect=[%.2f %.2f %.2f %.2f]", d, st->m_left, y, measure(t), h);
			free(d);
			note_link(e, st->m_left, y, measure(t), h, b->text.buf, 0, (int)b->text.len);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, link);
			t->links++;
		} else if (b->leaf) {
			cairo_tag_begin(cr, b->leaf, NULL);
		}
		set_colour(cr, st->role[b->role].colour);
		double ly = y;
		for (int i = p->from; i < p->to; i++) {
			PangoLayoutLine *line = pango_layout_get_line_readonly(b->lay, i);
			if (b->kind == BK_TOC) {
				cairo_move_to(cr, x + b->xoff[i], ly + b->base);
				pango_cairo_show_layout_line(cr, line);
				if (i == b->nlines - 1)
					draw_toc_end(e, b, line, x, ly);
			} else {
				draw_line(e, b, line, x + b->xoff[i], ly + b->base, ly, b->lh[i]);
			}
			ly += b->lh[i];
		}
		if (link) {
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			free(link);
		} else if (b->leaf) {
			cairo_tag_end(cr, b->leaf);
		}
	}
	if (p->to == b->nlines) {
		for (int i = 0; i < b->closes; i++)
			tag_end(e);
		if (b->lay) { /* drawn: free it (memory stays bounded by a page) */
			g_object_unref(b->lay);
			b->lay = NULL;
		}
	}
}

static cairo_status_t write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	strbuf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

static char *pdf_date(const struct ts *t)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		time_t tt = (time_t)v;
		struct tm tm;
		/* main.c refuses garbage and dates after 9999; this keeps the PDF
		 * date well-formed for any caller (gmtime_r fails on overflow). */
		if (*end == '\0' && v >= 0 && v <= 253402300799LL && gmtime_r(&tt, &tm)) {
			return xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
			                 tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		}
	}
	/* no SOURCE_DATE_EPOCH: the ordinance's own date keeps builds reproducible */
	int y, m, d;
	if (t->datum && sscanf(t->datum, "%4d-%2d-%2d", &y, &m, &d) == 3)
		return xasprintf("%04d-%02d-%02dT00:00:00Z", y, m, d);
	return xstrdup("2000-01-01T00:00:00Z");
}

/* Resident memory in MB (Linux /proc), for OVC_TYPESET_STATS. */
static double rss_mb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long pages = 0, res = 0;
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &res) != 2)
			res = 0;
		fclose(f);
	}
	return res * (double)sysconf(_SC_PAGESIZE) / (1024 * 1024);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int setup_fonts(struct ts *t)
{
	t->fc = FcConfigCreate();
	char *copy = xstrdup(t->st.fonts), *save = NULL;
	for (char *f = strtok_r(copy, ":", &save); f; f = strtok_r(NULL, ":", &save)) {
		if (!FcConfigAppFontAddFile(t->fc, (const FcChar8 *)f)) {
			set_err(t, xasprintf("font %s ontbreekt (make installeert de fonts uit deps/build.txt)", f));
			break;
		}
	}
	free(copy);
	if (t->err)
		return -1;
	t->fm = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fm), t->fc);
	t->pc = pango_font_map_create_context(t->fm);
	pango_cairo_context_set_resolution(t->pc, 72);
	/* at 72 dpi a rounded glyph position is a whole point: keep fractions */
	pango_context_set_round_glyph_positions(t->pc, FALSE);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(t->pc, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(t->pc, pango_language_from_string(t->st.lang));
	for (int r = 0; r < TR_COUNT; r++) {
		const struct ts_role_style *rs = &t->st.role[r];
		PangoFontDescription *fd = pango_font_description_new();
		pango_font_description_set_family(fd, rs->font);
		pango_font_description_set_size(fd, (int)(rs->size * PANGO_SCALE));
		pango_font_description_set_weight(fd, rs->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_font_description_set_style(fd, rs->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
		t->fd[r] = fd;
	}
	return 0;
}

static void ts_free(struct ts *t)
{
	for (size_t i = 0; i < t->nb; i++) {
		struct block *b = &t->b[i];
		strbuf_release(&b->text);
		for (size_t k = 0; k < b->nsp; k++)
			free(b->sp[k].target);
		free(b->sp);
		free(b->label);
		for (size_t k = 0; k < b->nids; k++)
			free(b->ids[k]);
		free(b->ids);
		free(b->running);
		free(b->toc_target);
		free(b->opens);
		free(b->alt);
		if (b->svg)
			g_object_unref(b->svg);
		if (b->png)
			cairo_surface_destroy(b->png);
		if (b->lay)
			g_object_unref(b->lay);
		free(b->lh);
		free(b->xoff);
	}
	free(t->b);
	for (size_t i = 0; i < t->npend; i++)
		free(t->pend_ids[i]);
	free(t->pend_ids);
	strbuf_release(&t->pend_opens);
	for (int r = 0; r < TR_COUNT; r++)
		if (t->fd[r])
			pango_font_description_free(t->fd[r]);
	if (t->pc)
		g_object_unref(t->pc);
	if (t->fm) { /* shutdown drops the fonts' references back to the map */
		pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(t->fm));
		/* pango 1.50 keeps its reference to the configuration past
		 * finalisation: hand it back explicitly */
		pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fm), NULL);
		g_object_unref(t->fm);
	}
	if (t->fc)
		FcConfigDestroy(t->fc);
	if (t->ids)
		g_hash_table_destroy(t->ids);
	free(t->title);
	free(t->doc_title);
	free(t->author);
	free(t->subject);
	free(t->keywords);
	free(t->status);
	free(t->versie);
	free(t->datum);
	free(t->stijl);
}

/* The title page gets a line with status, version and date if the
 * stylesheet did not write one. */
static void status_line(struct ts *t)
{
	if (t->has_status_line)
		return;
	size_t last = (size_t)-1;
	for (size_t i = 0; i < t->nb; i++)
		if (t->b[i].brk_after) {
			last = i;
			break;
		}
	if (last == (size_t)-1)
		return;
	char *date = dutch_date(t->datum);
	char *s = xasprintf("%s%s \xC2\xB7 versie %s \xC2\xB7 %s",
	                    t->status && t->status[0] ? "" : "",
	                    t->status && !strcmp(t->status, "ontwerp") ? "Ontwerp" : "Vastgesteld",
	                    t->versie ? t->versie : "?", date);
	free(date);
	/* insert after the title (the first block) */
	struct block nb;
	memset(&nb, 0, sizeof nb);
	nb.kind = BK_TEXT;
	nb.role = TR_STATUS;
	nb.leaf = "P";
	strbuf_init(&nb.text);
	strbuf_puts(&nb.text, s);
	free(s);
	if (last == 0) { /* the title alone: the status line ends the title page now */
		nb.brk_after = 1;
		nb.closes = t->b[0].closes;
		t->b[0].brk_after = 0;
		t->b[0].closes = 0;
	}
	VEC_PUSH(t->b, t->nb, t->capb, nb);
	memmove(&t->b[2], &t->b[1], (t->nb - 2) * sizeof *t->b);
	t->b[1] = nb;
}

int typeset_pdf(const struct typeset_input *in, char **pdf, size_t *len,
                struct typeset_stats *stats, char **err)
{
	struct ts t;
	memset(&t, 0, sizeof t);
	t.basedir = in->basedir;
	xmlDocPtr doc = in->doc;
	strbuf_init(&t.pend_opens);
	double t0 = now_ms(), tb = 0, tl = 0, mb0 = rss_mb();
	xmlNodePtr root = xmlDocGetRootElement(doc), head = NULL, body = NULL;
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
		if (is_html(c, "head"))
			head = c;
		else if (is_html(c, "body"))
			body = c;
	}
	if (!is_html(root, "html") || !body) {
		/* fuzz reproducer tests/fuzz/regress/typeset/geen-html */
		strbuf_release(&t.pend_opens);
		*err = xasprintf("geen druk-XHTML: <html> met <body> verwacht");
		return -1;
	}
	read_head(&t, head);
	if (ts_style_parse(&t.st, in->style_name, in->style, in->style_len, err)) {
		ts_free(&t);
		return -1;
	}
	if (setup_fonts(&t)) {
		*err = t.err;
		t.err = NULL;
		ts_free(&t);
		return -1;
	}
	t.hyph = ts_hyph_dict(t.st.hyphen_dict);
	if (!t.hyph) {
		*err = xasprintf("afbreekwoordenboek %s ontbreekt (Debian-pakket hyphen-nl)", t.st.hyphen_dict);
		ts_free(&t);
		return -1;
	}
	t.ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	collect_ids(t.ids, body);
	struct ctx cx = {TR_BODY, 0, 0, t.st.toc_depth};
	open_tag(&t, "Document");
	blocks(&t, body, cx);
	close_tag(&t);
	if (t.err) {
		*err = t.err;
		t.err = NULL;
		ts_free(&t);
		return -1;
	}
	if (t.nb == 0) {
		*err = xasprintf("de druk-XHTML is leeg");
		ts_free(&t);
		return -1;
	}
	status_line(&t);
	expand_toc(&t);
	tb = now_ms();

	/* layout and pagination */
	size_t total_lines = 0, hyph_breaks = 0, overfull = 0, kept_lines = 0, relaid = 0;
	/* OVC_TS_LAYOUT_BUDGET overrides the budget (tests: 0 lays every block
	 * out twice, which must give the same bytes) */
	const char *bud = getenv("OVC_TS_LAYOUT_BUDGET");
	size_t budget = bud && *bud ? (size_t)strtoul(bud, NULL, 10) : LAYOUT_BUDGET;
	struct ts_pblock *pb = xcalloc(t.nb, sizeof *pb);
	for (size_t i = 0; i < t.nb; i++) {
		struct block *b = &t.b[i];
		layout_block(&t, b);
		const struct ts_role_style *rs = &t.st.role[b->role];
		pb[i].nlines = b->nlines;
		pb[i].lh = b->lh;
		pb[i].before = (b->kind == BK_FIGURE ? rs->before + 4 : rs->before) + b->space_before;
		pb[i].after = b->kind == BK_FIGURE ? (b->keep_next ? 2 : 8) : rs->after;
		if (b->label && i > 0 && t.b[i - 1].label == NULL && b->indent > t.b[i - 1].indent)
			pb[i].before += 0;
		pb[i].brk_before = b->brk_before;
		pb[i].brk_after = b->brk_after;
		pb[i].keep_next = b->keep_next;
		pb[i].keep_together = b->keep_together;
		total_lines += (size_t)b->nlines;
		if (b->lay && t.st.role[b->role].hyphenate)
			for (int k = 0; k + 1 < b->nlines; k++)
				hyph_breaks += (size_t)ends_hyphenated(b, pango_layout_get_line_readonly(b->lay, k));
		if (b->lay) { /* a line wider than its measure (pango's last resort) */
			int w = pango_layout_get_width(b->lay);
			for (int k = 0; k < b->nlines; k++) {
				PangoLayoutLine *ln = pango_layout_get_line_readonly(b->lay, k);
				int lw = line_width(ln);
				overfull += lw > w + PANGO_SCALE / 2;
			}
		}
		/* Memory stays bounded: beyond LAYOUT_BUDGET lines the layouts are
		 * dropped once measured and made again when drawn (the same
		 * lines), at the cost of laying those blocks out twice. */
		if (b->lay) {
			if (kept_lines + (size_t)b->nlines <= budget) {
				kept_lines += (size_t)b->nlines;
			} else {
				g_object_unref(b->lay);
				b->lay = NULL;
				relaid++;
			}
		}
	}
	tl = now_ms();
	if (stats) {
		stats->mb_start = mb0;
		stats->mb_laid_out = rss_mb();
	}
	struct ts_place *pl;
	size_t npl;
	double page_h = t.st.page_h - t.st.m_top - t.st.m_bottom;
	int pages = ts_paginate(pb, t.nb, page_h, t.st.widows, t.st.orphans, &pl, &npl);
	free(pb);
	for (size_t i = 0; i < npl; i++)
		if (pl[i].from == 0)
			t.b[pl[i].block].page = pl[i].page;
	if (getenv("OVC_TS_TRACE"))
		for (size_t i = 0; i < npl; i++) {
			const struct block *b = &t.b[pl[i].block];
			fprintf(stderr, "p%d y=%.1f b%d %d-%d/%d role=%s keep=%d%d h=%.1f/%.1f '%.30s'\n", pl[i].page + 1,
			        pl[i].y, pl[i].block, pl[i].from, pl[i].to, b->nlines, ts_role_names[b->role],
			        b->keep_next, b->keep_together, t.st.role[b->role].before, t.st.role[b->role].after,
			        b->text.buf);
		}
	/* TOC numbers and running headers */
	for (size_t i = 0; i < t.nb; i++)
		if (t.b[i].toc_target)
			for (size_t j = i + 1; j < t.nb; j++)
				if (t.b[j].nids && !strcmp(t.b[j].ids[0], t.b[i].toc_target) && t.b[j].level) {
					t.b[i].toc_page = t.b[j].page;
					break;
				}
	struct emit e;
	memset(&e, 0, sizeof e);
	e.t = &t;
	e.pages = pages;
	e.hdr = xcalloc((size_t)pages, sizeof *e.hdr);
	running_headers(&t, pl, npl, e.hdr, pages);
	double t1 = now_ms();

	/* emission */
	struct strbuf out;
	strbuf_init(&out);
	e.surf = cairo_pdf_surface_create_for_stream(write_buf, &out, t.st.page_w, t.st.page_h);
	char *date = pdf_date(&t);
	const char *title = t.doc_title ? t.doc_title : t.title ? t.title : "";
	cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_TITLE, title);
	if (t.author)
		cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_AUTHOR, t.author);
	if (t.subject)
		cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_SUBJECT, t.subject);
	if (t.keywords)
		cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_KEYWORDS, t.keywords);
	cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_CREATOR, "ovc");
	cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(e.surf, CAIRO_PDF_METADATA_MOD_DATE, date);
	e.cr = cairo_create(e.surf);
	size_t k = 0;
	for (int page = 0; page < pages; page++) {
		e.page = page;
		furniture(&e, page);
		for (; k < npl && pl[k].page == page; k++)
			draw_place(&e, &pl[k]);
		cairo_show_page(e.cr);
	}
	while (e.nstack)
		tag_end(&e);
	free(e.stack);
	cairo_status_t cst = cairo_status(e.cr);
	cairo_destroy(e.cr);
	cairo_surface_finish(e.surf);
	if (cst == CAIRO_STATUS_SUCCESS)
		cst = cairo_surface_status(e.surf);
	cairo_surface_destroy(e.surf);
	free(e.hdr);
	free(pl);
	/* the links' texts are freed after the post-processing below */
	int rc = 0;
	if (cst != CAIRO_STATUS_SUCCESS) {
		*err = xasprintf("cairo: %s", cairo_status_to_string(cst));
		rc = -1;
	} else {
		char **alts = xcalloc(t.figures + 1, sizeof *alts);
		size_t na = 0;
		for (size_t i = 0; i < t.nb; i++)
			if (t.b[i].kind == BK_FIGURE)
				alts[na++] = t.b[i].alt;
		char *buf = strbuf_detach(&out, len);
		char *producer = xasprintf("ovc %s met cairo %s", OVC_VERSION, cairo_version_string());
		struct ts_pdf_meta m = {t.st.lang, alts, na, title, t.author, t.subject, t.keywords, producer,
		                        date, t.st.page_h, e.lk, e.nlk, OVC_ICC_PROFILE};
		if (ts_pdf_postprocess(&buf, len, &m, err) != 0) {
			free(buf);
			rc = -1;
		} else {
			*pdf = buf;
		}
		free(producer);
		free(alts);
	}
	strbuf_release(&out);
	for (size_t i = 0; i < e.nlk; i++)
		free(e.lk[i].text);
	free(e.lk);
	free(date);
	if (stats) {
		stats->pages = pages;
		stats->blocks = t.nb;
		stats->lines = total_lines;
		stats->links = t.links;
		stats->dests = t.dests;
		stats->outline = t.outline;
		stats->figures = t.figures;
		stats->hyphen_breaks = hyph_breaks;
		stats->overfull = overfull;
		stats->relaid = relaid;
		stats->toc_pages = 0;
		stats->ms_layout = t1 - t0;
		stats->ms_boxes = tb - t0;
		stats->ms_lines = tl - tb;
		stats->ms_emit = now_ms() - t1;
		stats->mb_end = rss_mb();
	}
	ts_free(&t);
	return rc;
}

int typeset_pdf_file(const struct typeset_input *in, const char *path, char **err)
{
	char *pdf = NULL;
	size_t len = 0;
	struct typeset_stats stats;
	if (typeset_pdf(in, &pdf, &len, &stats, err))
		return -1;
	int rc = output_write_file(path, pdf, len, err);
	free(pdf);
	if (rc == 0 && getenv("OVC_TYPESET_STATS"))
		fprintf(stderr,
		        "%s: %d pagina's, %zu blokken, %zu regels, %zu te breed, %zu afbrekingen, %zu links, "
		        "%zu bestemmingen, %zu bladwijzers, %zu figuren, %zu blokken tweemaal gezet; opmaak %.1f ms (blokken %.1f, regels "
		        "%.1f), PDF %.1f ms; geheugen %.0f → %.0f → %.0f MB\n",
		        path, stats.pages, stats.blocks, stats.lines, stats.overfull, stats.hyphen_breaks, stats.links,
		        stats.dests, stats.outline, stats.figures, stats.relaid, stats.ms_layout, stats.ms_boxes,
		        stats.ms_lines, stats.ms_emit, stats.mb_start, stats.mb_laid_out, stats.mb_end);
	return rc;
}

const char *const typeset_module_version = OVC_VERSION;
