#include "parse.h"

#include "arena.h"
#include "diag.h"
#include "parse_cut.h"
#include "errtext.h"
#include "frontmatter.h"
#include "model.h"
#include "source.h"
#include "util.h"

#include <cmark.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Nesting deeper than this (lists in lists, quotes in quotes) is refused. */
#define MAX_DEPTH 32

struct parser {
	struct ordinance *o;
	struct diag_sink *d;
	const struct source *src;
	size_t capunits, capparts, caparticles, capthemes;
	/* the open units while walking a part file */
	struct unit *part, *chapter, *section, *article;
	struct unit *annex; /* the open Bijlage (opbouw: vrij) */
	size_t caproots, capannexes;
	int block;         /* current block of the article, or -1 */
	struct blk **tail; /* where the next content block goes, or NULL */
	int depth_reported;
	int line_base; /* lines before the piece cmark parses (parse_cut.h) */
};

/* ---- Positions -------------------------------------------------------- */

/* The line of N in the file: cmark counts from the start of the piece. */
static int node_line(const struct parser *p, cmark_node *n)
{
	return p->line_base + cmark_node_get_start_line(n);
}

static size_t node_start(const struct parser *p, cmark_node *n)
{
	return source_offset(p->src, node_line(p, n), cmark_node_get_start_column(n));
}

/* End offset (exclusive) of N; cmark's end column is inclusive. */
static size_t node_end(const struct parser *p, cmark_node *n)
{
	int line = p->line_base + cmark_node_get_end_line(n), col = cmark_node_get_end_column(n);
	if (line < node_line(p, n))
		return node_start(p, n);
	size_t off = source_offset(p->src, line, col + 1);
	size_t start = node_start(p, n);
	return off < start ? start : off;
}

static struct span node_span(const struct parser *p, cmark_node *n)
{
	struct span s = {p->src, node_start(p, n), node_end(p, n)};
	return s;
}

/* ---- Inlines and runs ------------------------------------------------- */

/*
 * Map each byte of a text node's literal to its source offset. cmark's
 * literal differs from the source where backslash escapes and entities
 * were decoded; walk both and skip what was decoded.
 */
static size_t *map_literal(const struct parser *p, const char *lit, size_t start, size_t end)
{
	size_t n = strlen(lit);
	size_t *map = xmalloc((n + 1) * sizeof *map);
	const char *s = p->src->text;
	size_t si = start, li = 0;
	while (li < n) {
		if (si < end && s[si] == lit[li]) {
			map[li++] = si++;
		} else if (si < end && s[si] == '\\' && si + 1 < end && s[si + 1] == lit[li]) {
			si++;
		} else if (si < end && s[si] == '&') {
			size_t semi = si;
			while (semi < end && semi - si < 40 && s[semi] != ';')
				semi++;
			unsigned cp;
			int k = utf8_decode((const unsigned char *)lit + li, n - li, &cp);
			for (int j = 0; j < (k ? k : 1) && li < n; j++)
				map[li++] = si;
			si = semi < end ? semi + 1 : si + 1;
		} else if (si < end) {
			si++;
		} else {
			map[li++] = end;
		}
	}
	map[n] = si;
	return map;
}

/* Is the literal the source bytes themselves (no escape, no entity)?
 * Then map_literal would map byte k to start + k: the common case, which
 * needs no map of 8 bytes per byte (issue 22). */
static int text_is_source(const struct parser *p, const struct inl *i)
{
	size_t n = strlen(i->text);
	return i->span.start + n <= i->span.end && i->span.end <= p->src->len &&
	       memcmp(p->src->text + i->span.start, i->text, n) == 0;
}

/*
 * Raw HTML never reaches an output (docs/format.md): say so, except for
 * comments (<!-- ovc: negeer … --> and notes to other writers).
 */
static void report_html(struct parser *p, cmark_node *n, const char *lit)
{
	if (!lit || strncmp(lit, "<!--", 4) == 0)
		return;
	size_t len = strcspn(lit, "\r\n");
	struct span s = node_span(p, n);
	diag_report(p->d, s.src, s.start, s.start + len, RULE_HTML_WEGGELATEN,
	            "ovc neemt geen HTML over: '%.*s' komt niet in de uitvoer; schrijf de tekst in "
	            "Markdown",
	            (int)(len > 60 ? 60 : len), lit);
}

static struct inl *convert_inlines(struct parser *p, cmark_node *first, int depth);

static struct inl *convert_inline(struct parser *p, cmark_node *n, int depth)
{
	struct inl *i = xcalloc(1, sizeof *i);
	i->span = node_span(p, n);
	const char *lit = cmark_node_get_literal(n);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
		i->kind = INL_TEXT;
		i->text = xstrdup(lit ? lit : "");
		i->map = text_is_source(p, i) ? NULL : map_literal(p, i->text, i->span.start, i->span.end);
		i->map_direct = !i->map;
		break;
	case CMARK_NODE_CODE:
		i->kind = INL_CODE;
		i->text = xstrdup(lit ? lit : "");
		break;
	case CMARK_NODE_HTML_INLINE:
		report_html(p, n, lit);
		i->kind = INL_HTML;
		i->text = xstrdup(lit ? lit : "");
		break;
	case CMARK_NODE_SOFTBREAK: i->kind = INL_SOFTBREAK; break;
	case CMARK_NODE_LINEBREAK: i->kind = INL_LINEBREAK; break;
	case CMARK_NODE_EMPH: i->kind = INL_EMPH; break;
	case CMARK_NODE_STRONG: i->kind = INL_STRONG; break;
	case CMARK_NODE_LINK:
	case CMARK_NODE_IMAGE:
		i->kind = cmark_node_get_type(n) == CMARK_NODE_LINK ? INL_LINK : INL_IMAGE;
		i->url = xstrdup(cmark_node_get_url(n) ? cmark_node_get_url(n) : "");
		break;
	default: i->kind = INL_TEXT; i->text = xstrdup(""); break;
	}
	if (i->kind == INL_EMPH || i->kind == INL_STRONG || i->kind == INL_LINK ||
	    i->kind == INL_IMAGE) {
		if (depth < MAX_DEPTH)
			i->child = convert_inlines(p, cmark_node_first_child(n), depth + 1);
	}
	return i;
}

static struct inl *convert_inlines(struct parser *p, cmark_node *first, int depth)
{
	struct inl *head = NULL, **tail = &head;
	for (cmark_node *n = first; n; n = cmark_node_next(n)) {
		*tail = convert_inline(p, n, depth);
		tail = &(*tail)->next;
	}
	return head;
}

struct run_builder {
	struct run_link *links;
	size_t nlinks, caplinks;
	struct strbuf sb;
	struct run_seg *segs;
	size_t nsegs, capsegs;
	unsigned char *flags;
	size_t cap;
};

/* Extend the last stretch when SRC continues it; else start one. */
static void rb_map(struct run_builder *rb, size_t k, uint32_t src)
{
	if (rb->nsegs) {
		struct run_seg *g = &rb->segs[rb->nsegs - 1];
		size_t n = k - g->start;
		if (g->src & RUN_SEG_SAME ? src == (g->src & ~RUN_SEG_SAME) : src == g->src + n)
			return;
		if (n == 1 && !(g->src & RUN_SEG_SAME) && src == g->src) {
			g->src |= RUN_SEG_SAME;
			return;
		}
	}
	struct run_seg g = {(uint32_t)k, src};
	VEC_PUSH(rb->segs, rb->nsegs, rb->capsegs, g);
}

static void rb_push(struct run_builder *rb, char c, size_t src, unsigned char flags)
{
	if (rb->sb.len + 1 >= rb->cap) {
		rb->cap = rb->cap ? rb->cap * 2 : 128;
		rb->flags = xrealloc(rb->flags, rb->cap);
	}
	size_t k = rb->sb.len;
	rb_map(rb, k, (uint32_t)src); /* src < SOURCE_MAX_BYTES */
	rb->flags[k] = flags;
	strbuf_putc(&rb->sb, c);
}

/*
 * As rb_push for the N bytes at S from consecutive source bytes SRC on:
 * one copy instead of N pushes (issue 22). Mapping the first two bytes
 * one by one leaves a stretch that the rest continues, as N pushes would.
 */
static void rb_push_n(struct run_builder *rb, const char *s, size_t n, size_t src,
                      unsigned char flags)
{
	while (rb->sb.len + n + 1 >= rb->cap) {
		rb->cap = rb->cap ? rb->cap * 2 : 128;
		rb->flags = xrealloc(rb->flags, rb->cap);
	}
	size_t k = rb->sb.len;
	rb_map(rb, k, (uint32_t)src);
	if (n > 1)
		rb_map(rb, k + 1, (uint32_t)src + 1);
	memset(rb->flags + k, flags, n);
	strbuf_add(&rb->sb, s, n);
}

/* The text's source map is in the run now: drop it (memory at scale). */
static void text_add(struct run_builder *rb, struct inl *i, unsigned char flags, size_t *last)
{
	if (i->map_direct) {
		size_t n = strlen(i->text);
		if (n) {
			rb_push_n(rb, i->text, n, i->span.start, flags);
			*last = i->span.start + n;
		}
		return;
	}
	for (size_t k = 0; i->text[k];) {
		if (!i->map) {
			rb_push(rb, i->text[k++], i->span.start, flags);
			continue;
		}
		size_t j = k + 1;
		while (i->text[j] && i->map[j] == i->map[k] + (j - k))
			j++;
		rb_push_n(rb, i->text + k, j - k, i->map[k], flags);
		k = j;
	}
	if (i->text[0])
		*last = i->map ? i->map[strlen(i->text)] : i->span.end;
	free(i->map);
	i->map = NULL;
}

static void run_add(struct run_builder *rb, struct inl *i, unsigned char flags, size_t *last)
{
	for (; i; i = i->next) {
		switch (i->kind) {
		case INL_TEXT: text_add(rb, i, flags, last); break;
		case INL_CODE:
			for (size_t k = 0; i->text[k]; k++)
				rb_push(rb, i->text[k], i->span.start, flags | RUN_CODE);
			*last = i->span.end;
			break;
		case INL_SOFTBREAK:
		case INL_LINEBREAK:
			rb_push(rb, ' ', *last, flags | RUN_BREAK);
			break;
		case INL_EMPH:
		case INL_STRONG: run_add(rb, i->child, flags, last); break;
		case INL_LINK: {
			struct run_link l = {i, rb->sb.len, 0};
			run_add(rb, i->child, flags | RUN_LINK, last);
			l.end = rb->sb.len;
			VEC_PUSH(rb->links, rb->nlinks, rb->caplinks, l);
			break;
		}
		case INL_IMAGE:
		case INL_HTML: break;
		}
	}
}

/* Does any of the N bytes have a flag? Most paragraphs are plain text,
 * and their flags would take a byte per byte (issue 22). */
static int flags_needed(const unsigned char *flags, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (flags[i])
			return 1;
	return 0;
}

static struct run *build_run(struct inl *inl, size_t start)
{
	struct run_builder rb = {0};
	strbuf_init(&rb.sb);
	size_t last = start;
	run_add(&rb, inl, 0, &last);
	rb_push(&rb, '\0', last, 0); /* sentinel: the source offset of the end */
	rb.sb.len--;
	rb.sb.buf[rb.sb.len] = '\0';
	/* One block for the run, its source map and its text, at exact sizes:
	 * runs hold most of the text, and each allocation costs its header
	 * (issue 22). model.h: segs and text belong to the run's block. */
	size_t segs_size = rb.nsegs * sizeof *rb.segs;
	struct run *r = xmalloc(sizeof *r + segs_size + rb.sb.len + 1);
	memset(r, 0, sizeof *r);
	r->len = rb.sb.len;
	r->segs = (struct run_seg *)(void *)(r + 1);
	r->nsegs = rb.nsegs;
	r->text = (char *)(r + 1) + segs_size;
	if (segs_size)
		memcpy(r->segs, rb.segs, segs_size);
	memcpy(r->text, rb.sb.buf, r->len + 1);
	free(rb.segs);
	strbuf_release(&rb.sb);
	r->flags = flags_needed(rb.flags, r->len) ? xrealloc(rb.flags, r->len + 1) : NULL;
	if (!r->flags)
		free(rb.flags);
	r->links = rb.nlinks ? xrealloc(rb.links, rb.nlinks * sizeof *r->links) : rb.links;
	r->nlinks = rb.nlinks;
	return r;
}

/* ---- Blocks ------------------------------------------------------------ */

static void report_depth(struct parser *p, cmark_node *n)
{
	if (p->depth_reported)
		return;
	p->depth_reported = 1;
	struct span s = node_span(p, n);
	diag_report(p->d, s.src, s.start, s.start, RULE_STRUCTUUR_LIJST,
	            "nesting dieper dan %d niveaus; ovc laat de diepere tekst weg", MAX_DEPTH);
}

static struct blk *convert_blocks(struct parser *p, cmark_node *first, cmark_node *stop,
                                  int depth);

static struct blk *convert_block(struct parser *p, cmark_node *n, int depth)
{
	struct blk *b = xcalloc(1, sizeof *b);
	b->span = node_span(p, n);
	const char *lit = cmark_node_get_literal(n);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		b->kind = cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH ? BLK_PARA : BLK_HEADING;
		b->level = b->kind == BLK_HEADING ? cmark_node_get_heading_level(n) : 0;
		b->inl = convert_inlines(p, cmark_node_first_child(n), 0);
		b->run = build_run(b->inl, b->span.start);
		return b;
	case CMARK_NODE_LIST:
		b->kind = BLK_LIST;
		b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		b->start = cmark_node_get_list_start(n);
		break;
	case CMARK_NODE_ITEM: b->kind = BLK_ITEM; break;
	case CMARK_NODE_BLOCK_QUOTE: b->kind = BLK_QUOTE; break;
	case CMARK_NODE_CODE_BLOCK:
		b->kind = BLK_CODE;
		b->text = xstrdup(lit ? lit : "");
		return b;
	case CMARK_NODE_HTML_BLOCK:
		report_html(p, n, lit);
		b->kind = BLK_HTML;
		b->text = xstrdup(lit ? lit : "");
		return b;
	default: b->kind = BLK_BREAK; return b;
	}
	if (depth >= MAX_DEPTH)
		report_depth(p, n);
	else
		b->child = convert_blocks(p, cmark_node_first_child(n), NULL, depth + 1);
	return b;
}

/* Convert siblings FIRST up to (not including) STOP. */
static struct blk *convert_blocks(struct parser *p, cmark_node *first, cmark_node *stop,
                                  int depth)
{
	struct blk *head = NULL, **tail = &head;
	for (cmark_node *n = first; n && n != stop; n = cmark_node_next(n)) {
		*tail = convert_block(p, n, depth);
		tail = &(*tail)->next;
	}
	return head;
}

/* ---- Suppressions: <!-- ovc: negeer RULE [RULE …][: reden] --> ---------- */

static int is_rule_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

static void register_suppression(struct parser *p, cmark_node *html, cmark_node *next)
{
	const char *t = cmark_node_get_literal(html);
	const char *m = t ? strstr(t, "<!--") : NULL;
	if (!m)
		return;
	m += 4;
	while (*m == ' ' || *m == '\t')
		m++;
	if (strncmp(m, "ovc:", 4) != 0)
		return;
	m += 4;
	while (*m == ' ')
		m++;
	if (strncmp(m, "negeer", 6) != 0)
		return;
	m += 6;
	size_t base = node_start(p, html);
	struct span target = next ? node_span(p, next) : (struct span){p->src, 0, 0};
	for (;;) {
		while (*m == ' ' || *m == ',')
			m++;
		const char *e = m;
		if (!(*m >= 'a' && *m <= 'z'))
			break; /* a rule id starts with a letter; "-->" or ": reden" ends the list */
		while (is_rule_char(*e))
			e++;
		char *rule = xstrndup(m, (size_t)(e - m));
		enum rule_id id = rule_find(rule);
		if (id == RULE_COUNT) {
			size_t off = base + (size_t)(m - t);
			diag_report(p->d, p->src, off, off + (size_t)(e - m), RULE_NEGEER_ONBEKEND,
			            "onbekende regel '%s' in ovc: negeer", rule);
		} else if (next) {
			diag_suppress(p->d, p->src, target.start, target.end, id);
		}
		free(rule);
		m = e;
	}
}

/* Walk the whole tree without recursion (cmark's iterator). */
static void collect_suppressions(struct parser *p, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK)
			register_suppression(p, n, cmark_node_next(n));
	}
	cmark_iter_free(it);
}

/* ---- Headings ----------------------------------------------------------- */

struct heading {
	int level;
	char *text;          /* heading text without attributes, escapes removed */
	size_t text_start;   /* offset of text in the source */
	struct attr *attrs;
	size_t nattrs;
	int bad_attrs;
	struct span span;
};

/* Key and value in one allocation: free(key) frees both (model.h). */
static void attr_set(struct attr *at, const char *k, size_t kn, const char *v, size_t vn)
{
	at->key = xmalloc(kn + 1 + vn + 1);
	memcpy(at->key, k, kn);
	at->key[kn] = '\0';
	at->value = at->key + kn + 1;
	memcpy(at->value, v, vn);
	at->value[vn] = '\0';
}

static void heading_release(struct heading *h)
{
	free(h->text);
	for (size_t i = 0; i < h->nattrs; i++)
		free(h->attrs[i].key); /* and the value: attr_set */
	free(h->attrs);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Parse "{#label key=value key="v w"}" at [A, B) of the source. */
static void parse_attrs(struct parser *p, struct heading *h, size_t a, size_t b)
{
	const char *s = p->src->text;
	size_t i = a + 1, cap = 0;
	while (i < b - 1) {
		while (i < b - 1 && is_space(s[i]))
			i++;
		if (i >= b - 1)
			break;
		size_t ks = i;
		struct attr at = {0};
		if (s[i] == '#' || s[i] == '.') {
			size_t e = i + 1;
			while (e < b - 1 && !is_space(s[e]))
				e++;
			attr_set(&at, s[i] == '#' ? "#" : ".", 1, s + i + 1, e - i - 1);
			at.vspan = (struct span){p->src, i + 1, e};
			i = e;
		} else {
			size_t e = i;
			while (e < b - 1 && s[e] != '=' && !is_space(s[e]))
				e++;
			if (e >= b - 1 || s[e] != '=') {
				diag_report(p->d, p->src, ks, e, RULE_STRUCTUUR_ATTRIBUUT,
				            "attribuut zonder waarde; schrijf sleutel=waarde");
				h->bad_attrs = 1;
				i = e;
				continue;
			}
			size_t ke = e, vs = e + 1, ve;
			if (vs < b - 1 && s[vs] == '"') {
				ve = vs + 1;
				while (ve < b - 1 && s[ve] != '"')
					ve++;
				if (ve >= b - 1) {
					diag_report(p->d, p->src, vs, b - 1, RULE_STRUCTUUR_ATTRIBUUT,
					            "aanhalingsteken niet gesloten");
					h->bad_attrs = 1;
					return;
				}
				attr_set(&at, s + ks, ke - ks, s + vs + 1, ve - vs - 1);
				at.vspan = (struct span){p->src, vs + 1, ve};
				ve++;
			} else {
				ve = vs;
				while (ve < b - 1 && !is_space(s[ve]))
					ve++;
				attr_set(&at, s + ks, ke - ks, s + vs, ve - vs);
				at.vspan = (struct span){p->src, vs, ve};
			}
			i = ve;
		}
		at.span = (struct span){p->src, ks, i};
		VEC_PUSH(h->attrs, h->nattrs, cap, at);
	}
}

/* Copy [A, B) of the source without backslash escapes, trimmed. */
static char *unescape(const char *s, size_t a, size_t b)
{
	while (a < b && is_space(s[a]))
		a++;
	while (b > a && is_space(s[b - 1]))
		b--;
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = a; i < b; i++) {
		if (s[i] == '\\' && i + 1 < b && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i + 1]))
			i++;
		strbuf_putc(&sb, s[i]);
	}
	return strbuf_detach(&sb, NULL);
}

/*
 * Read a heading from the source line (the raw text keeps the attributes
 * exactly as written, which cmark's inline parse would alter).
 */
static void read_heading(struct parser *p, cmark_node *n, struct heading *h)
{
	memset(h, 0, sizeof *h);
	h->level = cmark_node_get_heading_level(n);
	h->span = node_span(p, n);
	size_t len;
	int line = node_line(p, n);
	const char *l = source_line(p->src, line, &len);
	size_t base = (size_t)(l - p->src->text);
	size_t a = 0, b = len;
	while (a < b && is_space(l[a]))
		a++;
	if (a < b && l[a] == '#') {
		while (a < b && l[a] == '#')
			a++;
		while (b > a && is_space(l[b - 1]))
			b--;
		size_t t = b;
		while (t > a && l[t - 1] == '#')
			t--;
		if (t < b && (t == a || is_space(l[t - 1])))
			b = t;
	}
	while (b > a && is_space(l[b - 1]))
		b--;
	if (b > a && l[b - 1] == '}') {
		size_t o = b - 1;
		while (o > a && l[o] != '{')
			o--;
		if (l[o] == '{' && o + 1 < b && (l[o + 1] == '#' || l[o + 1] == '.' ||
		                                 (l[o + 1] >= 'a' && l[o + 1] <= 'z'))) {
			parse_attrs(p, h, base + o, base + b);
			b = o;
		}
	}
	while (a < b && is_space(l[a]))
		a++;
	h->text_start = base + a;
	h->text = unescape(p->src->text, base + a, base + b);
}

enum hkind { HK_NONE, HK_PART, HK_CHAPTER, HK_SECTION, HK_ARTICLE, HK_ANNEX };

static enum hkind heading_kind(const char *text, size_t *wordlen)
{
	static const struct {
		const char *word;
		enum hkind kind;
	} kinds[] = {
		{"deel", HK_PART},
		{"hoofdstuk", HK_CHAPTER},
		{"paragraaf", HK_SECTION},
		{"§", HK_SECTION},
		{"artikel", HK_ARTICLE},
		{"afdeling", HK_SECTION}, /* opbouw: vrij */
		{"bijlage", HK_ANNEX},    /* opbouw: vrij */
	};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		size_t k = strlen(kinds[i].word);
		if (ascii_casecmp_n(text, kinds[i].word, k) == 0 &&
		    (text[k] == ' ' || text[k] == '\0' || text[k] == '\t')) {
			*wordlen = k;
			return kinds[i].kind;
		}
	}
	return HK_NONE;
}

/*
 * A written number: digits, dots, letters after digits ("7.2", "5A", "12a"),
 * colons between digits ("1:8", as an APV numbers). Returns its length, 0
 * when TEXT does not start with one. *PUNCT is set to the length of a
 * full stop or colon right after it ("Artikel 1. Titel", "Hoofdstuk 1:"),
 * *SPACED when the letter of an inserted number stands apart ("19 b").
 */
static size_t number_length(const char *s, size_t *punct, int *spaced)
{
	size_t i = 0;
	*punct = 0;
	*spaced = 0;
	if (strchr("IVXLC", s[0]) && s[0]) {
		/* a Roman number: "Artikel II" of an amending regulation, "Hoofdstuk IV" */
		while (s[i] && strchr("IVXLC", s[i]))
			i++;
		if (s[i] == 'a' || s[i] == 'b')
			i++; /* "Artikel IIa" */
		if ((s[i] == '.' || s[i] == ':') && (s[i + 1] == ' ' || s[i + 1] == '\0'))
			*punct = 1;
		char c = s[i + *punct];
		return c == ' ' || c == '\0' || c == '\t' ? i : 0;
	}
	if (!(s[0] >= '0' && s[0] <= '9'))
		return 0;
	while ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
	       ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')) ||
	       (s[i] == ':' && s[i + 1] >= '0' && s[i + 1] <= '9'))
		i++;
	while (i > 0 && s[i - 1] == '.')
		i--;
	if (s[i] == ' ' && s[i + 1] >= 'a' && s[i + 1] <= 'z' && s[i - 1] >= '0' &&
	    s[i - 1] <= '9' && (s[i + 2] == ' ' || s[i + 2] == '\0' || s[i + 2] == '.')) {
		*spaced = 1; /* "Artikel 19 b": an inserted number written apart */
		i += 2;
	}
	if ((s[i] == '.' || s[i] == ':') && (s[i + 1] == ' ' || s[i + 1] == '\0' || s[i + 1] == '\t'))
		*punct = 1;
	/* a number is followed by a space or the end */
	char c = s[i + *punct];
	if (c != ' ' && c != '\0' && c != '\t')
		return 0;
	return i;
}

/* ---- Units -------------------------------------------------------------- */

static struct unit *unit_new(struct parser *p, enum unit_kind kind, struct heading *h)
{
	struct unit *u = xcalloc(1, sizeof *u);
	u->kind = kind;
	u->span = h->span;
	u->heading_level = h->level;
	size_t wl = 0;
	heading_kind(h->text, &wl);
	const char *rest = h->text + wl;
	size_t skip = wl;
	while (*rest == ' ' || *rest == '\t')
		rest++, skip++;
	size_t punct;
	int spaced;
	size_t nl = number_length(rest, &punct, &spaced);
	if (nl) {
		u->written = xstrndup(rest, nl);
		if (spaced) {
			/* "19 b" → "19b", with a warning that names the fix */
			size_t at = h->text_start + skip;
			memmove(u->written + nl - 2, u->written + nl - 1, 2);
			diag_report_fix(p->d, p->src, at, at + nl, RULE_STRUCTUUR_NUMMER_STIJL, u->written,
			                "schrijf het ingevoegde nummer aaneen: '%s', niet '%.*s' "
			                "(Aanwijzing 6.16)",
			                u->written, (int)nl, rest);
		}
		rest += nl + punct;
		skip += nl + punct;
		while (*rest == ' ' || *rest == '\t')
			rest++, skip++;
	}
	u->word = xstrndup(h->text, wl);
	for (char *c = u->word; *c; c++)
		*c = (char)ascii_lower((unsigned char)*c);
	u->title = xstrdup(rest);
	u->title_span = (struct span){p->src, h->text_start + skip, h->span.end};
	/* Exact size: 100,000 units each kept room for 8 attributes. */
	u->attrs = h->nattrs ? xrealloc(h->attrs, h->nattrs * sizeof *h->attrs) : h->attrs;
	u->nattrs = h->nattrs;
	h->attrs = NULL;
	h->nattrs = 0;
	for (size_t i = 0; i < u->nattrs; i++)
		if (strcmp(u->attrs[i].key, "#") == 0 && !u->label)
			u->label = u->attrs[i].value; /* not a copy: model.h */
	VEC_PUSH(p->o->units, p->o->nunits, p->capunits, u);
	return u;
}

static void unit_add_kid(struct unit *parent, struct unit *kid)
{
	kid->parent = parent;
	VEC_PUSH(parent->kids, parent->nkids, parent->capkids, kid);
}

/* Split "a,b, c" into trimmed ids. */
static void split_ids(const char *v, char sep, char ***out, size_t *n)
{
	size_t cap = 0;
	const char *s = v;
	while (*s) {
		const char *e = strchr(s, sep);
		if (!e)
			e = s + strlen(s);
		const char *a = s, *b = e;
		while (a < b && is_space(*a))
			a++;
		while (b > a && is_space(b[-1]))
			b--;
		if (b > a)
			VEC_PUSH(*out, *n, cap, xstrndup(a, (size_t)(b - a)));
		s = *e ? e + 1 : e;
	}
}

static const char *const unit_keys[][10] = {
	[UNIT_PART] = {"#", ".", "wet", NULL},
	[UNIT_CHAPTER] = {"#", ".", "wet", NULL},
	[UNIT_SECTION] = {"#", ".", "wet", NULL},
	[UNIT_ARTICLE] = {"#", ".", "wet", "thema", "grondslag", "kernwaarden", "type", "stap",
                          "herkomst"}, /* herkomst=: src/check/herkomst.h */
	[UNIT_ANNEX] = {"#", ".", NULL},
};

static void check_attr_keys(struct parser *p, struct unit *u)
{
	for (size_t i = 0; i < u->nattrs; i++) {
		const struct attr *a = &u->attrs[i];
		int known = 0;
		for (int k = 0; k < 10 && unit_keys[u->kind][k]; k++)
			known |= strcmp(unit_keys[u->kind][k], a->key) == 0;
		if (!known)
			diag_report(p->d, a->span.src, a->span.start, a->span.end, RULE_STRUCTUUR_ATTRIBUUT,
			            "onbekend attribuut '%s' op een %s", a->key, unit_kind_name(u->kind));
		for (size_t j = 0; j < i; j++)
			if (strcmp(u->attrs[j].key, a->key) == 0 && strcmp(a->key, ".") != 0)
				diag_report(p->d, a->span.src, a->span.start, a->span.end,
				            RULE_STRUCTUUR_ATTRIBUUT, "attribuut '%s' staat er twee keer",
				            a->key);
	}
}

static void read_article_attrs(struct parser *p, struct unit *u)
{
	const struct attr *a;
	if ((a = unit_attr(u, "thema")))
		split_ids(a->value, ',', &u->themes, &u->nthemes);
	if ((a = unit_attr(u, "kernwaarden")))
		split_ids(a->value, ',', &u->kernwaarden, &u->nkernwaarden);
	if ((a = unit_attr(u, "wet")))
		split_ids(a->value, ',', &u->wetten, &u->nwetten);
	if ((a = unit_attr(u, "stap")))
		u->stap = xstrdup(a->value);
	if ((a = unit_attr(u, "type"))) {
		if (strcmp(a->value, "begrippen") != 0 && strcmp(a->value, "kernwaarden") != 0)
			diag_report(p->d, a->vspan.src, a->vspan.start, a->vspan.end,
			            RULE_STRUCTUUR_ATTRIBUUT,
			            "onbekend type '%s'; gebruik type=begrippen of type=kernwaarden",
			            a->value);
		else
			u->type = xstrdup(a->value);
	}
	if ((a = unit_attr(u, "grondslag"))) {
		char **parts = NULL;
		size_t n = 0, cap = 0;
		split_ids(a->value, ';', &parts, &n);
		for (size_t i = 0; i < n; i++) {
			struct grondslag g = {0};
			g.text = parts[i];
			g.law = -1;
			const char *at = strstr(a->value, parts[i]);
			size_t off = at ? (size_t)(at - a->value) : 0;
			g.span = (struct span){a->vspan.src, a->vspan.start + off,
			                       a->vspan.start + off + strlen(parts[i])};
			VEC_PUSH(u->grondslagen, u->ngrondslagen, cap, g);
		}
		free(parts);
		if (u->ngrondslagen) /* exact size: room for 8 was kept per article */
			u->grondslagen = xrealloc(u->grondslagen,
			                          u->ngrondslagen * sizeof *u->grondslagen);
	}
}

/* ---- Walking a part file ---------------------------------------------- */

static const char *const block_names[BLOCK_COUNT] = {"Doel", "Regels", "Voor inwoners",
                                                     "Toelichting"};

static int block_kind(const char *text)
{
	for (int i = 0; i < BLOCK_COUNT; i++)
		if (ascii_casecmp_n(text, block_names[i], strlen(block_names[i]) + 1) == 0)
			return i;
	return -1;
}

static void append_blk(struct blk ***tail, struct blk *b)
{
	**tail = b;
	while (**tail)
		*tail = &(**tail)->next;
}

static int expected_level(const struct parser *p, enum hkind k)
{
	if (p->o->vrij) {
		/* # Hoofdstuk, ## Afdeling, an article one level below its parent */
		switch (k) {
		case HK_CHAPTER: return 1;
		case HK_SECTION: return p->chapter ? 2 : 1;
		case HK_ARTICLE:
			return p->section ? p->section->heading_level + 1 : p->chapter ? 2 : 1;
		case HK_ANNEX: return 1;
		default: return 1;
		}
	}
	switch (k) {
	case HK_PART: return 1;
	case HK_CHAPTER: return 2;
	case HK_SECTION: return 3;
	case HK_ARTICLE: return p->section ? 4 : 3;
	default: return 0;
	}
}

static const char *hkind_word(enum hkind k)
{
	switch (k) {
	case HK_PART: return "Deel";
	case HK_CHAPTER: return "Hoofdstuk";
	case HK_SECTION: return "Paragraaf";
	case HK_ARTICLE: return "Artikel";
	case HK_ANNEX: return "Bijlage";
	default: return "?";
	}
}

static void open_unit(struct parser *p, enum hkind k, struct heading *h)
{
	static const enum unit_kind map[] = {UNIT_PART, UNIT_PART, UNIT_CHAPTER, UNIT_SECTION,
	                                     UNIT_ARTICLE, UNIT_ANNEX};
	struct unit *u = unit_new(p, map[k], h);
	check_attr_keys(p, u);
	p->article = NULL;
	p->annex = NULL;
	p->tail = NULL;
	p->block = -1;
	if (p->o->vrij && (k == HK_ANNEX || (k == HK_CHAPTER) ||
	                   (k == HK_ARTICLE && !p->chapter && !p->section) ||
	                   (k == HK_SECTION && !p->chapter))) {
		if (k != HK_ARTICLE)
			p->chapter = p->section = NULL;
		VEC_PUSH(p->o->roots, p->o->nroots, p->caproots, u);
	}
	switch (k) {
	case HK_PART:
		p->part = u;
		p->chapter = p->section = NULL;
		VEC_PUSH(p->o->parts, p->o->nparts, p->capparts, u);
		{
			const struct attr *w = unit_attr(u, "wet");
			if (w)
				u->wet = xstrdup(w->value);
		}
		break;
	case HK_CHAPTER:
		p->chapter = u;
		p->section = NULL;
		if (p->part)
			unit_add_kid(p->part, u);
		break;
	case HK_SECTION:
		p->section = u;
		if (p->chapter)
			unit_add_kid(p->chapter, u);
		break;
	case HK_ARTICLE:
		p->article = u;
		u->index = p->o->narticles;
		VEC_PUSH(p->o->articles, p->o->narticles, p->caparticles, u);
		if (p->section)
			unit_add_kid(p->section, u);
		else if (p->chapter)
			unit_add_kid(p->chapter, u);
		read_article_attrs(p, u);
		p->tail = &u->block[BLOCK_REGELS];
		break;
	case HK_ANNEX:
		/* a bijlage is text: everything below its heading, sub-headings included */
		p->annex = u;
		p->chapter = p->section = NULL;
		VEC_PUSH(p->o->annexes, p->o->nannexes, p->capannexes, u);
		p->tail = &u->block[BLOCK_TOELICHTING];
		break;
	default: break;
	}
}

/* Is the parent of kind K open, as the nesting requires? */
static const char *missing_parent(const struct parser *p, enum hkind k)
{
	if (p->o->vrij) {
		if (k == HK_PART)
			return "een verordening met opbouw: vrij heeft geen delen; begin met Hoofdstuk "
			       "of Artikel";
		return NULL; /* a ministeriële regeling has paragraphs without chapters */
	}
	if (k == HK_CHAPTER && !p->part)
		return "een Hoofdstuk staat in een Deel";
	if (k == HK_SECTION && !p->chapter)
		return "een Paragraaf staat in een Hoofdstuk";
	if (k == HK_ARTICLE && !p->chapter)
		return "een Artikel staat in een Hoofdstuk";
	return NULL;
}

/*
 * opbouw: vrij: the heading levels carry the nesting, whatever levels the
 * writer chose: a heading at or above an open unit's level closes it
 * ("# Hoofdstuk 2" after "## Artikel 4", "# Artikel 9" after a chapter).
 */
static void close_by_level(struct parser *p, enum hkind k, const struct heading *h)
{
	if (p->section && (h->level <= p->section->heading_level || k == HK_SECTION))
		p->section = NULL;
	if (p->chapter && (h->level <= p->chapter->heading_level || k == HK_CHAPTER))
		p->chapter = p->section = NULL;
}

static void handle_unit_heading(struct parser *p, enum hkind k, struct heading *h)
{
	if (p->o->vrij && k != HK_PART) {
		close_by_level(p, k, h);
		open_unit(p, k, h);
		return;
	}
	const char *why = missing_parent(p, k);
	int want = expected_level(p, k);
	if (why) {
		diag_report(p->d, p->src, h->span.start, h->span.end, RULE_STRUCTUUR_KOP, "%s", why);
	} else if (h->level != want) {
		diag_report_fix(p->d, p->src, h->span.start, h->text_start, RULE_STRUCTUUR_KOP,
		                "######" + 6 - want,
		                "een %s-kop hoort hier op niveau %d (%.*s), niet op niveau %d",
		                hkind_word(k), want, want, "######", h->level);
	}
	open_unit(p, k, h);
}

static void handle_block_heading(struct parser *p, struct heading *h)
{
	int b = block_kind(h->text);
	struct unit *a = p->article;
	if (b < 0) {
		diag_report(p->d, p->src, h->text_start, h->span.end, RULE_STRUCTUUR_BLOK,
		            "onbekend blok '%s'; een artikel kent Doel, Regels, Voor inwoners en "
		            "Toelichting",
		            h->text);
		p->tail = NULL;
		return;
	}
	if (!a->has_block_heading && a->block[BLOCK_REGELS] && !p->o->vrij) {
		struct blk *first = a->block[BLOCK_REGELS];
		diag_report(p->d, first->span.src, first->span.start, first->span.start,
		            RULE_STRUCTUUR_BLOK, "tekst vóór het eerste blok van artikel; zet hem onder "
		                                 "een kop Doel, Regels, Voor inwoners of Toelichting");
	}
	if (a->has_block_heading && a->block_span[b].src) {
		diag_report(p->d, p->src, h->span.start, h->span.end, RULE_STRUCTUUR_BLOK,
		            "het blok %s staat twee keer in dit artikel", block_names[b]);
		p->tail = NULL;
		return;
	}
	if (h->nattrs && b == BLOCK_INWONERS && !a->ninw_attrs) {
		/* kop=, thema=, … steer the citizen edition (src/check/citizen.c checks them) */
		a->inw_attrs = h->attrs;
		a->ninw_attrs = h->nattrs;
		h->attrs = NULL;
		h->nattrs = 0;
	} else if (h->nattrs) {
		diag_report(p->d, h->attrs[0].span.src, h->attrs[0].span.start, h->attrs[0].span.end,
		            RULE_STRUCTUUR_ATTRIBUUT,
		            "het blok %s heeft geen attributen; alleen Voor inwoners kent kop=, thema=, stap=, "
		            "trefwoorden= en termijn=",
		            block_names[b]);
	}
	a->has_block_heading = 1;
	a->block_span[b] = h->span;
	p->block = b;
	p->tail = &a->block[b];
	while (*p->tail)
		p->tail = &(*p->tail)->next;
}

/* A heading below the article level: a block heading or a sub-heading. */
static void handle_inner_heading(struct parser *p, cmark_node *n, struct heading *h)
{
	int art_level = p->article->heading_level;
	if (h->level == art_level + 1) {
		handle_block_heading(p, h);
	} else if (h->level > art_level + 1 && p->tail &&
	           (p->block == BLOCK_TOELICHTING || p->block == BLOCK_INWONERS)) {
		append_blk(&p->tail, convert_block(p, n, 0));
	} else {
		diag_report(p->d, p->src, h->span.start, h->span.end, RULE_STRUCTUUR_KOP,
		            "een kop '%s' past hier niet: blokken staan één niveau onder hun artikel "
		            "(%.*s)",
		            h->text, art_level + 1, "######");
	}
}

static void handle_heading(struct parser *p, cmark_node *n)
{
	struct heading h;
	read_heading(p, n, &h);
	size_t wl;
	enum hkind k = h.text[0] ? heading_kind(h.text, &wl) : HK_NONE;
	if (!p->o->vrij && (k == HK_ANNEX || (k == HK_SECTION && wl == 8)))
		k = HK_NONE; /* Bijlage and Afdeling are words of opbouw: vrij */
	if (p->annex && h.text[0] && h.level > p->annex->heading_level) {
		append_blk(&p->tail, convert_block(p, n, 0)); /* a heading inside a bijlage */
		heading_release(&h);
		return;
	}
	if (!h.text[0]) {
		diag_report(p->d, p->src, h.span.start, h.span.end, RULE_STRUCTUUR_LEEG,
		            "kop zonder tekst");
	} else if (k != HK_NONE && (!p->article || h.level <= p->article->heading_level)) {
		handle_unit_heading(p, k, &h);
	} else if (p->article && h.level > p->article->heading_level) {
		handle_inner_heading(p, n, &h);
	} else {
		diag_report(p->d, p->src, h.text_start, h.span.end, RULE_STRUCTUUR_KOP,
		            "onbekende kop '%s'; een kop begint met Deel, Hoofdstuk, Paragraaf of "
		            "Artikel",
		            h.text);
		p->article = NULL;
		p->tail = NULL;
	}
	heading_release(&h);
}

static void handle_content(struct parser *p, cmark_node *n)
{
	if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) {
		if (p->tail)
			append_blk(&p->tail, convert_block(p, n, 0));
		return;
	}
	if (!p->tail) {
		if (!p->article) {
			struct span s = node_span(p, n);
			diag_report(p->d, s.src, s.start, s.start, RULE_STRUCTUUR_KOP,
			            "tekst buiten een artikel; zet hem in een artikel of in de "
			            "toelichting (verordening.md)");
		}
		return;
	}
	append_blk(&p->tail, convert_block(p, n, 0));
}

static void walk_part_begin(struct parser *p)
{
	p->part = p->chapter = p->section = p->article = p->annex = NULL;
	p->tail = NULL;
	p->block = -1;
}

/* The top-level blocks of one piece of a part file, in order. */
static void walk_part_nodes(struct parser *p, cmark_node *doc)
{
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			handle_heading(p, n);
		else
			handle_content(p, n);
	}
}

/* ---- themas.md and verordening.md -------------------------------------- */

static void walk_themes(struct parser *p, cmark_node *doc)
{
	/* Themes live in a growing array: remember the index, not a pointer. */
	size_t cur = (size_t)-1;
	struct blk *last = NULL;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) <= 2) {
			struct heading h;
			read_heading(p, n, &h);
			cur = (size_t)-1;
			last = NULL;
			const char *id = NULL;
			for (size_t i = 0; i < h.nattrs; i++)
				if (strcmp(h.attrs[i].key, "#") == 0)
					id = h.attrs[i].value;
			if (h.level == 2 && (!id || !*id)) {
				diag_report(p->d, p->src, h.span.start, h.span.end, RULE_STRUCTUUR_ATTRIBUUT,
				            "thema zonder id; schrijf {#id} achter de titel");
			} else if (h.level == 2) {
				struct theme t = {xstrdup(id), xstrdup(h.text), NULL, h.span};
				VEC_PUSH(p->o->themes, p->o->nthemes, p->capthemes, t);
				cur = p->o->nthemes - 1;
			}
			heading_release(&h);
		} else if (cur != (size_t)-1) {
			struct blk *b = convert_block(p, n, 0);
			if (last)
				last->next = b;
			else
				p->o->themes[cur].content = b;
			last = b;
		}
	}
}

static void walk_main(struct parser *p, cmark_node *doc)
{
	struct blk **tail = &p->o->toelichting;
	int in_aanhef = 0;
	for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING && cmark_node_get_heading_level(n) == 1) {
			struct heading h;
			read_heading(p, n, &h);
			int is_aanhef = ascii_casecmp_n(h.text, "aanhef", 7) == 0;
			heading_release(&h);
			if (is_aanhef) {
				if (p->o->aanhef || in_aanhef) {
					struct span s = node_span(p, n);
					diag_report(p->d, s.src, s.start, s.end, RULE_STRUCTUUR_BLOK,
					            "de aanhef staat twee keer in verordening.md");
				}
				in_aanhef = 1;
				tail = &p->o->aanhef;
				while (*tail)
					tail = &(*tail)->next;
				continue;
			}
			if (in_aanhef) {
				in_aanhef = 0;
				tail = &p->o->toelichting;
				while (*tail)
					tail = &(*tail)->next;
			}
		}
		append_blk(&tail, convert_block(p, n, 0));
	}
}

/* ---- Files ------------------------------------------------------------- */

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_markdown(const char *dir, size_t *n, char **err)
{
	DIR *d = opendir(dir);
	if (!d) {
		*err = xasprintf("kan de map '%s' niet openen: %s", dir, errtext(errno));
		return NULL;
	}
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t k = strlen(e->d_name);
		if (k > 3 && strcmp(e->d_name + k - 3, ".md") == 0 && e->d_name[0] != '.')
			VEC_PUSH(names, *n, cap, xstrdup(e->d_name));
	}
	closedir(d);
	if (!*n) {
		*err = xasprintf("in de map '%s' staan geen .md-bestanden; een verordening begint met "
		                 "verordening.md (zie docs/format.md)",
		                 dir);
		return NULL;
	}
	qsort(names, *n, sizeof *names, name_cmp);
	return names;
}

/* Refuse an ordinance larger than SOURCE_TOTAL_MAX_BYTES before reading it. */
static int check_total_size(const char *dir, char **names, size_t n, char **err)
{
	unsigned long long total = 0;
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			total += (unsigned long long)st.st_size;
		free(path);
	}
	if (total <= SOURCE_TOTAL_MAX_BYTES)
		return 0;
	*err = xasprintf("de .md-bestanden in '%s' zijn samen %llu MiB; ovc leest ten hoogste %zu "
	                 "MiB per verordening (een echte verordening is kleiner dan 1 MiB)",
	                 dir, total >> 20, SOURCE_TOTAL_MAX_BYTES >> 20);
	return -1;
}

/* cmark's tree of a piece of text, in its own arena (src/base/arena.h). */
struct piece {
	struct arena *arena;
	cmark_parser *cp;
	cmark_node *doc;
};

/*
 * Parse LEN bytes at TEXT, the first BLANK_UNTIL blanked: cmark does not
 * know front matter, so it gets the text with the front matter's bytes
 * blanked (line breaks kept), and line numbers stay true.
 */
static void piece_parse(struct piece *pc, const char *text, size_t len, size_t blank_until)
{
	char *copy = NULL;
	if (blank_until) {
		copy = xstrndup(text, len);
		for (size_t i = 0; i < blank_until && i < len; i++)
			if (copy[i] != '\n')
				copy[i] = ' ';
		text = copy;
	}
	pc->arena = arena_new();
	arena_enter(pc->arena);
	pc->cp = cmark_parser_new_with_mem(CMARK_OPT_SOURCEPOS, arena_cmark_mem());
	cmark_parser_feed(pc->cp, text, len);
	pc->doc = cmark_parser_finish(pc->cp);
	arena_enter(NULL);
	free(copy);
}

static void piece_release(struct piece *pc)
{
	arena_enter(NULL);
	arena_release(pc->arena, pc->cp, pc->doc);
}

static struct source *load_file(struct parser *p, const char *dir, const char *name, char **err)
{
	struct source *s = xcalloc(1, sizeof *s);
	if (source_load(s, dir, name, p->d, err) != 0) {
		free(s);
		return NULL;
	}
	size_t cap = p->o->nfiles;
	VEC_PUSH(p->o->files, p->o->nfiles, cap, s);
	if (!s->valid)
		p->o->sources_failed = 1;
	return s;
}

/* The size of a piece: PARSE_CUT_BYTES, or OVC_PARSE_CUT_BYTES for the
 * test that compares the outputs of a file parsed whole and in pieces. */
static size_t cut_bytes(void)
{
	const char *e = getenv("OVC_PARSE_CUT_BYTES");
	char *end;
	unsigned long long v = e && *e ? strtoull(e, &end, 10) : 0;
	return v && !*end ? (size_t)v : PARSE_CUT_BYTES;
}

/*
 * The pieces of a part file are parsed one ahead by a second thread while
 * this one converts the previous piece: on two cores cmark's share of the
 * parse (a third) comes off the critical path (issue 22). At most two
 * pieces' trees exist at a time. Without a thread the same, in turn.
 */
struct ahead {
	const char *text;
	const struct parse_cut *cuts;
	size_t n, len;
	struct piece *pieces;
	size_t parsed, released; /* pieces parsed; pieces converted and freed */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void ahead_parse(struct ahead *ah, size_t k)
{
	size_t end = k + 1 < ah->n ? ah->cuts[k + 1].offset : ah->len;
	piece_parse(&ah->pieces[k], ah->text + ah->cuts[k].offset, end - ah->cuts[k].offset, 0);
}

static void *ahead_main(void *arg)
{
	struct ahead *ah = arg;
	for (size_t k = 0; k < ah->n; k++) {
		pthread_mutex_lock(&ah->mu);
		while (k > ah->released + 1) /* the piece being converted and this one */
			pthread_cond_wait(&ah->cv, &ah->mu);
		pthread_mutex_unlock(&ah->mu);
		ahead_parse(ah, k);
		pthread_mutex_lock(&ah->mu);
		ah->parsed = k + 1;
		pthread_cond_broadcast(&ah->cv);
		pthread_mutex_unlock(&ah->mu);
	}
	return NULL;
}

/* Piece K, once parsed (by the thread, or here when there is none). */
static struct piece *ahead_take(struct ahead *ah, size_t k, int threaded)
{
	if (!threaded) {
		ahead_parse(ah, k);
		return &ah->pieces[k];
	}
	pthread_mutex_lock(&ah->mu);
	while (ah->parsed <= k)
		pthread_cond_wait(&ah->cv, &ah->mu);
	pthread_mutex_unlock(&ah->mu);
	return &ah->pieces[k];
}

static void ahead_release(struct ahead *ah, size_t k)
{
	piece_release(&ah->pieces[k]);
	pthread_mutex_lock(&ah->mu);
	ah->released = k + 1;
	pthread_cond_broadcast(&ah->cv);
	pthread_mutex_unlock(&ah->mu);
}

/* A part file, parsed by cmark in pieces (parse_cut.h) and walked as one. */
static void parse_part_file(struct parser *p, struct source *s)
{
	struct ahead ah = {.text = s->text, .len = s->len};
	struct parse_cut *cuts = parse_cuts(s->text, s->len, cut_bytes(), &ah.n);
	ah.cuts = cuts;
	ah.pieces = xcalloc(ah.n, sizeof *ah.pieces);
	pthread_mutex_init(&ah.mu, NULL);
	pthread_cond_init(&ah.cv, NULL);
	pthread_t thread;
	int threaded = ah.n > 1 && pthread_create(&thread, NULL, ahead_main, &ah) == 0;
	walk_part_begin(p);
	for (size_t k = 0; k < ah.n; k++) {
		struct piece *pc = ahead_take(&ah, k, threaded);
		p->line_base = cuts[k].line - 1;
		arena_enter(pc->arena); /* cmark allocates while it is walked */
		collect_suppressions(p, pc->doc);
		walk_part_nodes(p, pc->doc);
		ahead_release(&ah, k);
	}
	if (threaded)
		pthread_join(thread, NULL);
	p->line_base = 0;
	pthread_cond_destroy(&ah.cv);
	pthread_mutex_destroy(&ah.mu);
	free(ah.pieces);
	free(cuts);
}

static void parse_file(struct parser *p, struct source *s)
{
	p->src = s;
	size_t fm_end = 0;
	if (s == p->o->main)
		fm_end = frontmatter_parse(p->o, s, p->d);
	if (s != p->o->main && s != p->o->themes_src) {
		parse_part_file(p, s);
		return;
	}
	struct piece pc;
	piece_parse(&pc, s->text, s->len, fm_end);
	arena_enter(pc.arena); /* cmark allocates while it is walked */
	collect_suppressions(p, pc.doc);
	if (s == p->o->main)
		walk_main(p, pc.doc);
	else
		walk_themes(p, pc.doc);
	piece_release(&pc);
}

int parse_sources_failed(const struct ordinance *o)
{
	return o->sources_failed;
}

/* Defined in parse_structure.c: leden, definitions, numbering, eIds. */
void parse_finish(struct ordinance *o, struct diag_sink *d);

struct ordinance *parse_ordinance(const char *dir, struct diag_sink *d, char **err)
{
	size_t n;
	char **names = list_markdown(dir, &n, err);
	if (!names)
		return NULL;
	if (check_total_size(dir, names, n, err)) {
		for (size_t i = 0; i < n; i++)
			free(names[i]);
		free(names);
		return NULL;
	}
	struct ordinance *o = xcalloc(1, sizeof *o);
	o->dir = xstrdup(dir);
	struct parser p = {.o = o, .d = d, .block = -1};
	int ok = 1;
	for (size_t i = 0; i < n && ok; i++) {
		struct source *s = load_file(&p, dir, names[i], err);
		if (!s)
			ok = 0;
		else if (strcmp(names[i], "verordening.md") == 0)
			o->main = s;
		else if (strcmp(names[i], "themas.md") == 0)
			o->themes_src = s;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ok && !o->main)
		*err = xasprintf("'%s/verordening.md' ontbreekt; daar begint de verordening", dir), ok = 0;
	if (!ok) {
		ordinance_free(o);
		return NULL;
	}
	if (o->sources_failed)
		return o;
	/* verordening.md first: its front matter (opbouw) decides how headings read */
	parse_file(&p, o->main);
	for (size_t i = 0; i < o->nfiles; i++)
		if (o->files[i] != o->main)
			parse_file(&p, o->files[i]);
	parse_finish(o, d);
	return o;
}
