/*
 * The editable picture of an ordinance's sources (src/emit/wijzig.h): reading
 * it from a directory with the parser's unit structure, reading an article
 * section line by line into blocks, leden and onderdelen, numbering it as
 * parse_structure.c does, and writing it back as source format v1.
 */
#include "wijzig_doc.h"

#include "diag.h"
#include "model.h"
#include "output.h"
#include "parse.h"
#include "source.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- Small text helpers ------------------------------------------------- */

char *wz_norm(const char *s, size_t n)
{
	struct strbuf sb;
	strbuf_init(&sb);
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = 1;
			continue;
		}
		if (space && sb.len)
			strbuf_putc(&sb, ' ');
		space = 0;
		strbuf_putc(&sb, c);
	}
	return strbuf_detach(&sb, NULL);
}

/* S[0..n) without leading and trailing blank lines and spaces at the end. */
static char *trim_block(const char *s, size_t n)
{
	size_t a = 0;
	/* skip whole blank lines at the start */
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			a = i + 1;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			break;
	}
	while (n > a && (s[n - 1] == '\n' || s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	return xstrndup(s + a, n - a);
}

void wz_letter(size_t i, char out[8])
{
	/* a … z, then aa … zz (Aanwijzing 3.59 does not go further) */
	size_t reps = i / 26 + 1;
	if (reps > 6)
		reps = 6;
	for (size_t k = 0; k < reps; k++)
		out[k] = (char)('a' + i % 26);
	out[reps] = '\0';
}

long wz_letter_index(const char *s, size_t n)
{
	if (n == 0 || n > 6)
		return -1;
	for (size_t k = 0; k < n; k++)
		if (s[k] < 'a' || s[k] > 'z' || s[k] != s[0])
			return -1;
	return (long)((n - 1) * 26 + (size_t)(s[0] - 'a'));
}

void wz_item_label(size_t i, char out[16])
{
	/* A … Z, AA, BB … ZZ, AAA … (Aanwijzing 6.15, toelichting) */
	size_t reps = i / 26 + 1;
	if (reps > 15)
		reps = 15;
	for (size_t k = 0; k < reps; k++)
		out[k] = (char)('A' + i % 26);
	out[reps] = '\0';
}

/* ---- Headings ----------------------------------------------------------- */

/* Split a unit heading line "### Artikel 9.2 Titel {…}". Returns the level. */
static int heading_split(const char *line, size_t len, int *written, char **num, char **title,
                         char **attrs)
{
	size_t i = 0;
	while (i < len && line[i] == '#')
		i++;
	int level = (int)i;
	while (i < len && line[i] == ' ')
		i++;
	while (i < len && line[i] != ' ') /* the kind word */
		i++;
	while (i < len && line[i] == ' ')
		i++;
	size_t e = len;
	while (e > i && (line[e - 1] == ' ' || line[e - 1] == '\r'))
		e--;
	*attrs = NULL;
	if (e > i && line[e - 1] == '}') {
		size_t b = e;
		while (b > i && line[b - 1] != '{')
			b--;
		if (b > i) {
			*attrs = xstrndup(line + b - 1, e - (b - 1));
			e = b - 1;
			while (e > i && line[e - 1] == ' ')
				e--;
		}
	}
	size_t n = 0;
	if (i < len && line[i] >= '0' && line[i] <= '9') {
		while (i + n < e && line[i + n] != ' ')
			n++;
	}
	*written = n > 0;
	*num = n ? xstrndup(line + i, n) : NULL;
	i += n;
	while (i < e && line[i] == ' ')
		i++;
	*title = xstrndup(line + i, e - i);
	return level;
}

static char *label_of(const char *attrs)
{
	if (!attrs)
		return NULL;
	const char *p = strchr(attrs, '#');
	if (!p)
		return NULL;
	size_t n = 0;
	while (p[1 + n] && p[1 + n] != ' ' && p[1 + n] != '}')
		n++;
	return xstrndup(p + 1, n);
}

/* ---- Regels: leden and onderdelen --------------------------------------- */

struct lines {
	const char **s;
	size_t *n;
	size_t count;
};

static void lines_split(struct lines *l, const char *text)
{
	size_t cap = 0;
	l->s = NULL;
	l->n = NULL;
	l->count = 0;
	size_t ncap = 0;
	const char *p = text;
	for (;;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		xgrow(&l->s, &cap, l->count + 1, sizeof *l->s);
		xgrow(&l->n, &ncap, l->count + 1, sizeof *l->n);
		l->s[l->count] = p;
		l->n[l->count++] = n;
		if (!e)
			break;
		p = e + 1;
	}
}

static size_t indent_of(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static int blank(const char *s, size_t n)
{
	return indent_of(s, n) == n;
}

/* An ordered list marker "12. " at S+IND: returns the marker's length with its space. */
static size_t marker_len(const char *s, size_t n, size_t ind)
{
	size_t i = ind;
	while (i < n && s[i] >= '0' && s[i] <= '9' && i - ind < 9)
		i++;
	if (i == ind || i + 1 >= n || s[i] != '.' || s[i + 1] != ' ')
		return 0;
	return i + 2 - ind;
}

static int bullet(const char *s, size_t n, size_t ind)
{
	return ind + 1 < n && (s[ind] == '-' || s[ind] == '*' || s[ind] == '+') && s[ind + 1] == ' ';
}

/* One list item and its text: pushes to a tree of wz_pt. */
struct item {
	struct strbuf text;
	struct item *kids;
	size_t nkids, capkids;
	size_t ind, col; /* marker indent, content column */
};

static void item_free(struct item *it)
{
	strbuf_release(&it->text);
	for (size_t i = 0; i < it->nkids; i++)
		item_free(&it->kids[i]);
	free(it->kids);
}

/*
 * Read an ordered list that starts at line *I with marker indent IND, up to
 * DEPTH levels deep. Returns -1 when the text is not a plain tight list.
 */
static int list_read(const struct lines *l, size_t *i, size_t ind, int depth, struct item **out,
                     size_t *nout)
{
	size_t cap = 0;
	*out = NULL;
	*nout = 0;
	while (*i < l->count) {
		const char *s = l->s[*i];
		size_t n = l->n[*i];
		if (blank(s, n))
			return 0;
		size_t in = indent_of(s, n);
		size_t m = marker_len(s, n, in);
		if (!m || in != ind)
			return in < ind ? 0 : -1;
		struct item it = {{0}, NULL, 0, 0, in, in + m};
		strbuf_init(&it.text);
		strbuf_add(&it.text, s + in + m, n - in - m);
		(*i)++;
		while (*i < l->count) {
			const char *t = l->s[*i];
			size_t tn = l->n[*i];
			if (blank(t, tn))
				break;
			size_t tin = indent_of(t, tn);
			if (bullet(t, tn, tin))
				goto bad;
			if (marker_len(t, tn, tin)) {
				if (tin < it.col)
					break;
				if (depth <= 1)
					goto bad;
				struct item *kids;
				size_t nk;
				if (list_read(l, i, tin, depth - 1, &kids, &nk) != 0)
					goto bad;
				for (size_t k = 0; k < nk; k++)
					VEC_PUSH(it.kids, it.nkids, it.capkids, kids[k]);
				free(kids);
				continue;
			}
			if (it.nkids)
				goto bad; /* text after a nested list */
			strbuf_putc(&it.text, ' ');
			strbuf_add(&it.text, t + tin, tn - tin);
			(*i)++;
		}
		VEC_PUSH(*out, *nout, cap, it);
		continue;
	bad:
		item_free(&it);
		for (size_t k = 0; k < *nout; k++)
			item_free(&(*out)[k]);
		free(*out);
		*out = NULL;
		*nout = 0;
		return -1;
	}
	return 0;
}

static void pts_from_items(struct item *its, size_t n, struct wz_pt **out, size_t *nout)
{
	*out = n ? xcalloc(n, sizeof **out) : NULL;
	*nout = n;
	for (size_t k = 0; k < n; k++) {
		(*out)[k].text = wz_norm(its[k].text.buf, its[k].text.len);
		pts_from_items(its[k].kids, its[k].nkids, &(*out)[k].subs, &(*out)[k].nsubs);
	}
}

static void items_free(struct item *its, size_t n)
{
	for (size_t k = 0; k < n; k++)
		item_free(&its[k]);
	free(its);
}

/* Read the Regels text RAW into A's leden. Returns 0, or -1 when not plain. */
static int regels_read(struct wz_art *a, const char *raw)
{
	struct lines l;
	lines_split(&l, raw);
	size_t i = 0;
	int rc = -1;
	struct item *its = NULL;
	size_t nits = 0;
	/* a reviewed exception (<!-- ovc: negeer … -->) before the leden stays with them */
	while (i < l.count && l.n[i] >= 7 && !strncmp(l.s[i], "<!--", 4) && !strncmp(l.s[i] + l.n[i] - 3, "-->", 3))
		i++;
	if (i) {
		a->regels_pre = xstrndup(l.s[0], (size_t)(l.s[i - 1] + l.n[i - 1] - l.s[0]));
		if (i < l.count && blank(l.s[i], l.n[i])) {
			free(a->regels_pre);
			a->regels_pre = NULL;
			goto done; /* a blank line between: not this simple shape */
		}
	}
	if (i < l.count && marker_len(l.s[i], l.n[i], 0)) {
		if (list_read(&l, &i, 0, 3, &its, &nits) != 0 || i != l.count)
			goto done;
		a->numbered = 1;
		a->nleden = nits;
		a->leden = xcalloc(nits, sizeof *a->leden);
		for (size_t k = 0; k < nits; k++) {
			a->leden[k].intro = wz_norm(its[k].text.buf, its[k].text.len);
			pts_from_items(its[k].kids, its[k].nkids, &a->leden[k].pts, &a->leden[k].npts);
		}
		rc = 0;
		goto done;
	}
	/* one unnumbered lid: a paragraph, optionally "…:" and onderdelen */
	struct strbuf intro;
	strbuf_init(&intro);
	while (i < l.count && !blank(l.s[i], l.n[i])) {
		size_t in = indent_of(l.s[i], l.n[i]);
		if (marker_len(l.s[i], l.n[i], in) || bullet(l.s[i], l.n[i], in) || l.s[i][0] == '#' ||
		    l.s[i][0] == '>' || l.s[i][0] == '<' || l.s[i][0] == '!' || l.s[i][0] == '|') {
			strbuf_release(&intro);
			goto done;
		}
		if (intro.len)
			strbuf_putc(&intro, ' ');
		strbuf_add(&intro, l.s[i] + in, l.n[i] - in);
		i++;
	}
	while (i < l.count && blank(l.s[i], l.n[i]))
		i++;
	if (i < l.count) {
		if (!intro.len || intro.buf[intro.len - 1] != ':' ||
		    !marker_len(l.s[i], l.n[i], 0) || list_read(&l, &i, 0, 2, &its, &nits) != 0 ||
		    i != l.count) {
			strbuf_release(&intro);
			goto done;
		}
	}
	if (!intro.len) {
		strbuf_release(&intro);
		goto done;
	}
	a->numbered = 0;
	a->nleden = 1;
	a->leden = xcalloc(1, sizeof *a->leden);
	a->leden[0].intro = wz_norm(intro.buf, intro.len);
	strbuf_release(&intro);
	pts_from_items(its, nits, &a->leden[0].pts, &a->leden[0].npts);
	rc = 0;
done:
	if (rc) {
		free(a->regels_pre);
		a->regels_pre = NULL;
	}
	items_free(its, nits);
	free(l.s);
	free(l.n);
	return rc;
}

static void pt_write(const struct wz_pt *p, size_t idx, size_t ind, struct strbuf *sb)
{
	size_t before = sb->len;
	for (size_t k = 0; k < ind; k++)
		strbuf_putc(sb, ' ');
	strbuf_printf(sb, "%zu. ", idx + 1);
	size_t col = sb->len - before;
	strbuf_puts(sb, p->text);
	strbuf_putc(sb, '\n');
	for (size_t k = 0; k < p->nsubs; k++)
		pt_write(&p->subs[k], k, col, sb);
}

char *wz_art_regels_text(const struct wz_art *a)
{
	if (!a->structured)
		return xstrdup(a->regels >= 0 ? a->blocks[a->regels].raw : "");
	struct strbuf sb;
	strbuf_init(&sb);
	if (a->regels_pre)
		strbuf_printf(&sb, "%s\n", a->regels_pre);
	for (size_t k = 0; k < a->nleden; k++) {
		const struct wz_lid *l = &a->leden[k];
		size_t col = 0;
		if (a->numbered) {
			size_t before = sb.len;
			strbuf_printf(&sb, "%zu. ", k + 1);
			col = sb.len - before;
			strbuf_puts(&sb, l->intro);
			strbuf_putc(&sb, '\n');
		} else {
			strbuf_puts(&sb, l->intro);
			strbuf_puts(&sb, l->npts ? "\n\n" : "\n");
		}
		for (size_t p = 0; p < l->npts; p++)
			pt_write(&l->pts[p], p, col, &sb);
	}
	while (sb.len && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

/* ---- Articles ----------------------------------------------------------- */

static const char *const block_names[] = {"Doel", "Regels", "Voor inwoners", "Toelichting"};

/* Is the line a block heading of an article at LEVEL? Returns the name index or -1. */
static int block_heading(const char *s, size_t n, int level)
{
	int i = 0;
	while ((size_t)i < n && s[i] == '#')
		i++;
	if (i != level + 1 || (size_t)i >= n || s[i] != ' ')
		return -1;
	char *t = wz_norm(s + i, n - (size_t)i);
	int found = -1;
	for (int k = 0; k < 4; k++)
		if (strcmp(t, block_names[k]) == 0)
			found = k;
	free(t);
	return found;
}

int wz_art_parse(struct wz_art *a, const char *text, size_t len)
{
	memset(a, 0, sizeof *a);
	a->regels = a->doel = -1;
	char *copy = xstrndup(text, len);
	const char *nl = strchr(copy, '\n');
	size_t hl = nl ? (size_t)(nl - copy) : strlen(copy);
	if (hl < 2 || copy[0] != '#' || !strstr(copy, "Artikel") || (size_t)(strstr(copy, "Artikel") - copy) > 8) {
		free(copy);
		return -1;
	}
	char *num;
	a->level = heading_split(copy, hl, &a->written, &num, &a->title, &a->attrs);
	a->num = num;
	a->label = label_of(a->attrs);
	const char *body = nl ? nl + 1 : copy + hl;
	struct lines l;
	lines_split(&l, body);
	size_t cap = 0;
	int cur = -1;
	size_t start = 0;
	for (size_t i = 0; i <= l.count; i++) {
		int b = i < l.count ? block_heading(l.s[i], l.n[i], a->level) : -2;
		if (b == -1)
			continue;
		size_t off = i < l.count ? (size_t)(l.s[i] - body) : strlen(body);
		if (cur >= 0 || (cur == -1 && b == -2 && a->nblocks == 0)) {
			struct wz_block blk = {cur >= 0 ? xstrdup(block_names[cur]) : NULL,
			                       trim_block(body + start, off - start)};
			if (cur == 1 || cur == -1)
				a->regels = (int)a->nblocks;
			if (cur == 0)
				a->doel = (int)a->nblocks;
			VEC_PUSH(a->blocks, a->nblocks, cap, blk);
		}
		if (b >= 0) {
			cur = b;
			start = i + 1 < l.count ? (size_t)(l.s[i + 1] - body) : strlen(body);
		}
	}
	free(l.s);
	free(l.n);
	free(copy);
	if (a->regels >= 0 && regels_read(a, a->blocks[a->regels].raw) == 0)
		a->structured = 1;
	return 0;
}

static void pts_free(struct wz_pt *p, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(p[k].text);
		pts_free(p[k].subs, p[k].nsubs);
	}
	free(p);
}

void wz_art_release(struct wz_art *a)
{
	free(a->title);
	free(a->attrs);
	free(a->label);
	free(a->num);
	for (size_t k = 0; k < a->nblocks; k++) {
		free(a->blocks[k].name);
		free(a->blocks[k].raw);
	}
	free(a->blocks);
	for (size_t k = 0; k < a->nleden; k++) {
		free(a->leden[k].intro);
		pts_free(a->leden[k].pts, a->leden[k].npts);
	}
	free(a->leden);
	free(a->regels_pre);
	memset(a, 0, sizeof *a);
}

static char *dup0(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void pts_copy(struct wz_pt **dst, const struct wz_pt *src, size_t n)
{
	*dst = n ? xcalloc(n, sizeof **dst) : NULL;
	for (size_t k = 0; k < n; k++) {
		(*dst)[k].text = xstrdup(src[k].text);
		(*dst)[k].nsubs = src[k].nsubs;
		pts_copy(&(*dst)[k].subs, src[k].subs, src[k].nsubs);
	}
}

void wz_art_copy(struct wz_art *d, const struct wz_art *s)
{
	*d = *s;
	d->title = dup0(s->title);
	d->attrs = dup0(s->attrs);
	d->label = dup0(s->label);
	d->num = dup0(s->num);
	d->regels_pre = dup0(s->regels_pre);
	d->blocks = s->nblocks ? xcalloc(s->nblocks, sizeof *d->blocks) : NULL;
	for (size_t k = 0; k < s->nblocks; k++) {
		d->blocks[k].name = dup0(s->blocks[k].name);
		d->blocks[k].raw = xstrdup(s->blocks[k].raw);
	}
	d->leden = s->nleden ? xcalloc(s->nleden, sizeof *d->leden) : NULL;
	for (size_t k = 0; k < s->nleden; k++) {
		d->leden[k].intro = xstrdup(s->leden[k].intro);
		d->leden[k].npts = s->leden[k].npts;
		pts_copy(&d->leden[k].pts, s->leden[k].pts, s->leden[k].npts);
	}
}

void wz_art_write(const struct wz_art *a, struct strbuf *sb)
{
	for (int k = 0; k < a->level; k++)
		strbuf_putc(sb, '#');
	strbuf_puts(sb, " Artikel ");
	if (a->written && a->num)
		strbuf_printf(sb, "%s ", a->num);
	strbuf_puts(sb, a->title);
	if (a->attrs)
		strbuf_printf(sb, " %s", a->attrs);
	strbuf_puts(sb, "\n\n");
	for (size_t k = 0; k < a->nblocks; k++) {
		const struct wz_block *b = &a->blocks[k];
		if (b->name) {
			for (int h = 0; h <= a->level; h++)
				strbuf_putc(sb, '#');
			strbuf_printf(sb, " %s\n\n", b->name);
		}
		if ((int)k == a->regels && a->dirty) {
			char *t = wz_art_regels_text(a);
			strbuf_puts(sb, t);
			free(t);
		} else {
			strbuf_puts(sb, b->raw);
		}
		strbuf_puts(sb, "\n\n");
	}
}

/* ---- The document --------------------------------------------------------- */

static void chunk_release(struct wz_chunk *c)
{
	free(c->raw);
	free(c->title);
	free(c->attrs);
	free(c->num);
	if (c->art) {
		wz_art_release(c->art);
		free(c->art);
	}
}

void wz_doc_release(struct wz_doc *doc)
{
	for (size_t f = 0; f < doc->nfiles; f++) {
		struct wz_file *fl = &doc->files[f];
		free(fl->name);
		free(fl->text);
		for (size_t c = 0; c < fl->nchunks; c++)
			chunk_release(&fl->chunks[c]);
		free(fl->chunks);
	}
	free(doc->files);
	free(doc->dir);
	free(doc->titel);
	free(doc->citeertitel);
	free(doc->gemeente);
	free(doc->gemeentecode);
	memset(doc, 0, sizeof *doc);
}

void wz_doc_copy(struct wz_doc *d, const struct wz_doc *s)
{
	*d = *s;
	d->dir = dup0(s->dir);
	d->titel = dup0(s->titel);
	d->citeertitel = dup0(s->citeertitel);
	d->gemeente = dup0(s->gemeente);
	d->gemeentecode = dup0(s->gemeentecode);
	d->files = xcalloc(s->nfiles ? s->nfiles : 1, sizeof *d->files);
	for (size_t f = 0; f < s->nfiles; f++) {
		const struct wz_file *sf = &s->files[f];
		struct wz_file *df = &d->files[f];
		*df = *sf;
		df->name = xstrdup(sf->name);
		df->text = dup0(sf->text);
		df->chunks = sf->nchunks ? xcalloc(sf->nchunks, sizeof *df->chunks) : NULL;
		for (size_t c = 0; c < sf->nchunks; c++) {
			const struct wz_chunk *sc = &sf->chunks[c];
			struct wz_chunk *dc = &df->chunks[c];
			*dc = *sc;
			dc->raw = dup0(sc->raw);
			dc->title = dup0(sc->title);
			dc->attrs = dup0(sc->attrs);
			dc->num = dup0(sc->num);
			if (sc->art) {
				dc->art = xmalloc(sizeof *dc->art);
				wz_art_copy(dc->art, sc->art);
			}
		}
	}
}

static void chunk_from_unit(struct wz_chunk *c, const struct unit *u, const char *text, size_t len)
{
	memset(c, 0, sizeof *c);
	if (u->kind == UNIT_ARTICLE) {
		c->kind = WZ_ARTICLE;
		c->art = xmalloc(sizeof *c->art);
		if (wz_art_parse(c->art, text, len) != 0) {
			free(c->art);
			c->art = NULL;
			c->kind = WZ_RAW;
			c->raw = xstrndup(text, len);
		}
		return;
	}
	if (u->kind == UNIT_PART) {
		c->kind = WZ_PART;
		c->raw = trim_block(text, len);
		return;
	}
	c->kind = u->kind == UNIT_CHAPTER ? WZ_CHAPTER : WZ_SECTION;
	const char *nl = memchr(text, '\n', len);
	size_t hl = nl ? (size_t)(nl - text) : len;
	char *num;
	c->level = heading_split(text, hl, &c->written, &num, &c->title, &c->attrs);
	free(num);
	c->raw = nl ? trim_block(nl + 1, len - hl - 1) : xstrdup("");
}

static void file_from_model(struct wz_file *f, const struct source *src, const struct ordinance *o)
{
	f->name = xstrdup(src->name);
	size_t cap = 0;
	size_t prev = 0;
	const struct unit *pu = NULL;
	for (size_t i = 0; i <= o->nunits; i++) {
		const struct unit *u = i < o->nunits ? o->units[i] : NULL;
		if (u && u->span.src != src)
			continue;
		size_t at = u ? u->span.start : src->len;
		struct wz_chunk c;
		if (!pu && at > 0) {
			memset(&c, 0, sizeof c);
			c.kind = WZ_RAW;
			c.raw = trim_block(src->text, at);
			if (c.raw[0])
				VEC_PUSH(f->chunks, f->nchunks, cap, c);
			else
				free(c.raw);
		} else if (pu) {
			chunk_from_unit(&c, pu, src->text + prev, at - prev);
			VEC_PUSH(f->chunks, f->nchunks, cap, c);
		}
		pu = u;
		prev = at;
		if (!u)
			break;
		f->parts = 1;
	}
	if (!f->parts) {
		for (size_t c = 0; c < f->nchunks; c++)
			chunk_release(&f->chunks[c]);
		free(f->chunks);
		f->chunks = NULL;
		f->nchunks = 0;
		f->text = xstrndup(src->text, src->len);
	}
}

int wz_doc_load(const char *dir, struct wz_doc *doc, struct ordinance **model, char **err)
{
	memset(doc, 0, sizeof *doc);
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = parse_ordinance(dir, d, err);
	diag_sink_free(d);
	if (!o)
		return -1;
	if (parse_sources_failed(o) || o->nparts == 0) {
		*err = xasprintf("%s: de bronnen zijn niet te lezen als verordening (zie ovc check %s)",
		                 dir, dir);
		ordinance_free(o);
		return -1;
	}
	doc->dir = xstrdup(dir);
	doc->numbering = o->numbering == NUM_DOORLOPEND  ? WZ_NUM_DOORLOPEND
	                 : o->numbering == NUM_PARAGRAAF ? WZ_NUM_PARAGRAAF
	                                                 : WZ_NUM_HOOFDSTUK;
	doc->titel = dup0(o->fm[FM_TITEL]);
	doc->citeertitel = dup0(o->fm[FM_CITEERTITEL] ? o->fm[FM_CITEERTITEL] : o->fm[FM_TITEL]);
	doc->gemeente = dup0(o->fm[FM_GEMEENTE]);
	doc->gemeentecode = dup0(o->fm[FM_GEMEENTECODE]);
	doc->nfiles = o->nfiles;
	doc->files = xcalloc(o->nfiles ? o->nfiles : 1, sizeof *doc->files);
	for (size_t f = 0; f < o->nfiles; f++)
		file_from_model(&doc->files[f], o->files[f], o);
	wz_doc_number(doc);
	/* the numbering must agree with the parser's */
	struct wz_art **arts;
	size_t n = wz_doc_articles(doc, &arts);
	int ok = n == o->narticles;
	for (size_t k = 0; ok && k < n; k++)
		ok = strcmp(arts[k]->num, o->articles[k]->num) == 0;
	free(arts);
	if (!ok) {
		*err = xasprintf("%s: ovc kan de artikelen niet eenduidig uit de bron halen "
		                 "(zie ovc check %s)", dir, dir);
		wz_doc_release(doc);
		ordinance_free(o);
		return -1;
	}
	if (model)
		*model = o;
	else
		ordinance_free(o);
	return 0;
}

void wz_doc_number(struct wz_doc *doc)
{
	int chapter = 0, section = 0, in_chapter = 0, in_section = 0, global = 0, sect = 0;
	for (size_t f = 0; f < doc->nfiles; f++) {
		struct wz_file *fl = &doc->files[f];
		for (size_t c = 0; c < fl->nchunks; c++) {
			struct wz_chunk *ch = &fl->chunks[c];
			free(ch->num);
			ch->num = NULL;
			if (ch->kind == WZ_CHAPTER) {
				ch->num = xasprintf("%d", ++chapter);
				section = in_chapter = sect = 0;
			} else if (ch->kind == WZ_SECTION) {
				ch->num = xasprintf("%d.%d", chapter, ++section);
				in_section = 0;
				sect = 1;
			} else if (ch->kind == WZ_PART) {
				sect = 0;
			} else if (ch->kind == WZ_ARTICLE && doc->letters && ch->art->num) {
				continue;
			} else if (ch->kind == WZ_ARTICLE) {
				global++;
				in_chapter++;
				in_section++;
				free(ch->art->num);
				if (doc->numbering == WZ_NUM_DOORLOPEND)
					ch->art->num = xasprintf("%d", global);
				else if (doc->numbering == WZ_NUM_PARAGRAAF && sect)
					ch->art->num = xasprintf("%d.%d.%d", chapter, section, in_section);
				else
					ch->art->num = xasprintf("%d.%d", chapter, in_chapter);
			}
		}
	}
}

size_t wz_doc_articles(const struct wz_doc *doc, struct wz_art ***out)
{
	size_t n = 0, cap = 0;
	*out = NULL;
	for (size_t f = 0; f < doc->nfiles; f++)
		for (size_t c = 0; c < doc->files[f].nchunks; c++)
			if (doc->files[f].chunks[c].kind == WZ_ARTICLE)
				VEC_PUSH(*out, n, cap, doc->files[f].chunks[c].art);
	return n;
}

struct wz_art *wz_doc_find(const struct wz_doc *doc, const char *num, size_t *fi, size_t *ci)
{
	for (size_t f = 0; f < doc->nfiles; f++)
		for (size_t c = 0; c < doc->files[f].nchunks; c++) {
			struct wz_chunk *ch = &doc->files[f].chunks[c];
			if (ch->kind == WZ_ARTICLE && strcmp(ch->art->num, num) == 0) {
				if (fi)
					*fi = f;
				if (ci)
					*ci = c;
				return ch->art;
			}
		}
	return NULL;
}

char *wz_file_text(const struct wz_file *f)
{
	if (!f->parts)
		return xstrdup(f->text);
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t c = 0; c < f->nchunks; c++) {
		const struct wz_chunk *ch = &f->chunks[c];
		if (ch->kind == WZ_ARTICLE) {
			wz_art_write(ch->art, &sb);
			continue;
		}
		if (ch->kind == WZ_CHAPTER || ch->kind == WZ_SECTION) {
			for (int k = 0; k < ch->level; k++)
				strbuf_putc(&sb, '#');
			strbuf_puts(&sb, ch->kind == WZ_CHAPTER ? " Hoofdstuk " : " Paragraaf ");
			if (ch->written && ch->num)
				strbuf_printf(&sb, "%s ", ch->num);
			strbuf_puts(&sb, ch->title);
			if (ch->attrs)
				strbuf_printf(&sb, " %s", ch->attrs);
			strbuf_puts(&sb, "\n\n");
		}
		if (ch->raw[0]) {
			strbuf_puts(&sb, ch->raw);
			strbuf_puts(&sb, "\n\n");
		}
	}
	while (sb.len > 1 && sb.buf[sb.len - 1] == '\n' && sb.buf[sb.len - 2] == '\n')
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

static int copy_dir_files(const char *from, const char *to, char **err)
{
	DIR *dp = opendir(from);
	if (!dp)
		return 0; /* no illustrations */
	if (output_make_dir(to, err) != 0) {
		closedir(dp);
		return -1;
	}
	struct dirent *e;
	int rc = 0;
	while (rc == 0 && (e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		char *a = xasprintf("%s/%s", from, e->d_name);
		char *b = xasprintf("%s/%s", to, e->d_name);
		struct stat st;
		if (stat(a, &st) == 0 && S_ISREG(st.st_mode))
			rc = output_copy_file(a, b, err);
		free(a);
		free(b);
	}
	closedir(dp);
	return rc;
}

int wz_doc_write(struct wz_doc *doc, const char *dir, const char *from, char **err)
{
	/* ovc computes article numbers: letter numbers become consecutive ones */
	doc->letters = 0;
	wz_doc_number(doc);
	if (output_make_dir(dir, err) != 0)
		return -1;
	for (size_t f = 0; f < doc->nfiles; f++) {
		char *t = wz_file_text(&doc->files[f]);
		char *path = xasprintf("%s/%s", dir, doc->files[f].name);
		size_t n = strlen(t);
		int rc = output_write_file(path, t, n, err);
		free(path);
		free(t);
		if (rc)
			return -1;
	}
	char *a = xasprintf("%s/illustraties", from);
	char *b = xasprintf("%s/illustraties", dir);
	int rc = copy_dir_files(a, b, err);
	free(a);
	free(b);
	return rc;
}
