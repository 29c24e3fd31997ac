/*
 * Word .docx → the import tree. The zip is read with libzip, the
 * WordprocessingML parts (word/document.xml, word/numbering.xml,
 * word/styles.xml) with libxml2 (no network, no entities).
 *
 * Why not pandoc: Word writes the numbers of leden and onderdelen as
 * automatic numbering (w:numPr → numbering.xml), not as text; pandoc keeps
 * the list structure but drops the numbers' format and start values, so
 * "3." after a lapsed lid or "a." vs "1°" is lost. Here every numbered
 * paragraph gets the label Word itself shows, computed from numbering.xml
 * (abstractNum levels, start, lvlText, startOverride) and the counters.
 */
#include "import.h"

#include "util.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MAX_PART (64u << 20)
#define MAX_LVL 9

static int attr_int(const xmlNode *n, int dflt)
{
	if (!n)
		return dflt;
	xmlChar *v = xmlGetProp(n, BAD_CAST "val");
	int r = v ? atoi((const char *)v) : dflt;
	xmlFree(v);
	return r;
}

static char *attr_str(const xmlNode *n, const char *name)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlGetProp(n, BAD_CAST name);
	char *r = v ? xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return r;
}

static xmlDocPtr read_part(zip_t *z, const char *name)
{
	zip_stat_t st;
	if (zip_stat(z, name, 0, &st) != 0 || st.size > MAX_PART)
		return NULL;
	zip_file_t *f = zip_fopen(z, name, 0);
	if (!f)
		return NULL;
	char *buf = xmalloc(st.size + 1);
	zip_int64_t n = zip_fread(f, buf, st.size);
	zip_fclose(f);
	xmlDocPtr d = NULL;
	if (n == (zip_int64_t)st.size)
		d = xmlReadMemory(buf, (int)st.size, name, NULL,
		                  XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	free(buf);
	return d;
}

/* ---- numbering.xml ---------------------------------------------------- */

struct level {
	int start;
	char fmt[24];  /* decimal, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet … */
	char text[32]; /* lvlText, e.g. "%1." */
};

struct abstract {
	int id;
	struct level lvl[MAX_LVL];
};

struct num {
	int id, abstract;
	int override[MAX_LVL]; /* startOverride, or -1 */
	int count[MAX_LVL];
	int started[MAX_LVL];
};

struct numbering {
	struct abstract *abs;
	size_t nabs, capabs;
	struct num *nums;
	size_t nnums, capnums;
};

static void read_levels(const xmlNode *an, struct level *lv)
{
	for (int i = 0; i < MAX_LVL; i++) {
		lv[i].start = 1;
		snprintf(lv[i].fmt, sizeof lv[i].fmt, "decimal");
		snprintf(lv[i].text, sizeof lv[i].text, "%%%d.", i + 1);
	}
	for (const xmlNode *l = an->children; l; l = l->next) {
		if (!imp_xml_is(l, "lvl"))
			continue;
		char *il = attr_str(l, "ilvl");
		int i = il ? atoi(il) : 0;
		free(il);
		if (i < 0 || i >= MAX_LVL)
			continue;
		lv[i].start = attr_int(imp_xml_child(l, "start"), 1);
		char *f = attr_str(imp_xml_child(l, "numFmt"), "val");
		char *t = attr_str(imp_xml_child(l, "lvlText"), "val");
		if (f)
			snprintf(lv[i].fmt, sizeof lv[i].fmt, "%s", f);
		if (t)
			snprintf(lv[i].text, sizeof lv[i].text, "%s", t);
		free(f);
		free(t);
	}
}

static void read_numbering(xmlDocPtr d, struct numbering *nb)
{
	const xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (imp_xml_is(c, "abstractNum")) {
			struct abstract a = {0};
			char *id = attr_str(c, "abstractNumId");
			a.id = id ? atoi(id) : -1;
			free(id);
			read_levels(c, a.lvl);
			VEC_PUSH(nb->abs, nb->nabs, nb->capabs, a);
		} else if (imp_xml_is(c, "num")) {
			struct num n = {0};
			char *id = attr_str(c, "numId");
			n.id = id ? atoi(id) : -1;
			free(id);
			n.abstract = attr_int(imp_xml_child(c, "abstractNumId"), -1);
			for (int i = 0; i < MAX_LVL; i++)
				n.override[i] = -1;
			for (const xmlNode *o = c->children; o; o = o->next) {
				if (!imp_xml_is(o, "lvlOverride"))
					continue;
				char *il = attr_str(o, "ilvl");
				int i = il ? atoi(il) : 0;
				free(il);
				if (i >= 0 && i < MAX_LVL && imp_xml_child(o, "startOverride"))
					n.override[i] = attr_int(imp_xml_child(o, "startOverride"), 1);
			}
			VEC_PUSH(nb->nums, nb->nnums, nb->capnums, n);
		}
	}
}

static const struct abstract *abstract_of(const struct numbering *nb, int id)
{
	for (size_t i = 0; i < nb->nabs; i++)
		if (nb->abs[i].id == id)
			return &nb->abs[i];
	return NULL;
}

static void format_counter(struct strbuf *sb, const char *fmt, int v)
{
	if (!strcmp(fmt, "lowerLetter") || !strcmp(fmt, "upperLetter")) {
		char base = fmt[0] == 'l' ? 'a' : 'A';
		int reps = (v - 1) / 26 + 1;
		for (int i = 0; i < reps; i++)
			strbuf_putc(sb, (char)(base + (v - 1) % 26));
	} else if (!strcmp(fmt, "lowerRoman") || !strcmp(fmt, "upperRoman")) {
		static const char *const r[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
		static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
		for (int i = 0; i < 13; i++)
			while (v >= val[i]) {
				for (const char *p = r[i]; *p; p++)
					strbuf_putc(sb, fmt[0] == 'u' ? (char)toupper(*p) : *p);
				v -= val[i];
			}
	} else {
		strbuf_printf(sb, "%d", v);
	}
}

/* Advance the counter of NUMID at ILVL and return the label Word shows. */
static char *next_label(struct numbering *nb, int numid, int ilvl, int *bullet)
{
	*bullet = 0;
	struct num *n = NULL;
	for (size_t i = 0; i < nb->nnums; i++)
		if (nb->nums[i].id == numid)
			n = &nb->nums[i];
	const struct abstract *a = n ? abstract_of(nb, n->abstract) : NULL;
	if (!a || ilvl < 0 || ilvl >= MAX_LVL || numid == 0)
		return NULL;
	const struct level *lv = a->lvl;
	if (!strcmp(lv[ilvl].fmt, "bullet")) {
		*bullet = 1;
		return xstrdup("•");
	}
	if (!strcmp(lv[ilvl].fmt, "none"))
		return NULL;
	if (!n->started[ilvl]) {
		n->count[ilvl] = n->override[ilvl] >= 0 ? n->override[ilvl] : lv[ilvl].start;
		n->started[ilvl] = 1;
	} else {
		n->count[ilvl]++;
	}
	for (int i = ilvl + 1; i < MAX_LVL; i++)
		n->started[i] = 0;
	struct strbuf sb;
	strbuf_init(&sb);
	for (const char *p = lv[ilvl].text; *p; p++) {
		if (*p == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			int v = n->started[k] ? n->count[k] : lv[k].start;
			format_counter(&sb, lv[k].fmt, v);
			p++;
		} else {
			strbuf_putc(&sb, *p);
		}
	}
	char *s = imp_clean_text(sb.buf);
	strbuf_release(&sb);
	return s;
}

/* ---- styles.xml: numbering inherited from a paragraph style ------------ */

struct style_num {
	char *id;
	int numid, ilvl;
};

struct styles {
	struct style_num *s;
	size_t n, cap;
};

static void read_styles(xmlDocPtr d, struct styles *st)
{
	const xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
	for (const xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (!imp_xml_is(c, "style"))
			continue;
		const xmlNode *np = imp_xml_child(imp_xml_child(c, "pPr"), "numPr");
		if (!np)
			continue;
		struct style_num s = {attr_str(c, "styleId"), attr_int(imp_xml_child(np, "numId"), 0),
		                      attr_int(imp_xml_child(np, "ilvl"), 0)};
		VEC_PUSH(st->s, st->n, st->cap, s);
	}
}

/* ---- document.xml ----------------------------------------------------- */

static void run_text(const xmlNode *n, struct strbuf *sb)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (imp_xml_is(c, "t") || imp_xml_is(c, "delText")) {
			if (imp_xml_is(c, "t")) {
				xmlChar *t = xmlNodeGetContent(c);
				strbuf_puts(sb, (const char *)t);
				xmlFree(t);
			}
		} else if (imp_xml_is(c, "tab") || imp_xml_is(c, "br") || imp_xml_is(c, "cr")) {
			strbuf_putc(sb, ' ');
		} else if (imp_xml_is(c, "del") || imp_xml_is(c, "instrText")) {
			continue; /* deleted text (tracked changes) and field codes are not words */
		} else if (c->type == XML_ELEMENT_NODE) {
			run_text(c, sb);
		}
	}
}

struct para {
	char *text;
	char *label; /* Word's number, or NULL */
	int bullet, ilvl, line;
	int styled;  /* a heading style (Heading, Kop, Titel, or a style named after Artikel) */
	int bold;    /* every run with text is bold */
};

/* Is every run of P that has text bold (w:b without w:val="0"/"false")? */
static int all_bold(const xmlNode *p)
{
	int runs = 0;
	for (const xmlNode *r = p->children; r; r = r->next) {
		if (!imp_xml_is(r, "r") || !imp_xml_child(r, "t"))
			continue;
		runs++;
		const xmlNode *b = imp_xml_child(imp_xml_child(r, "rPr"), "b");
		char *v = attr_str(b, "val");
		int on = b && (!v || (strcmp(v, "0") && strcmp(v, "false")));
		free(v);
		if (!on)
			return 0;
	}
	return runs > 0;
}

static int heading_style(const char *id)
{
	if (!id)
		return 0;
	return !ascii_casecmp_n(id, "Heading", 7) || !ascii_casecmp_n(id, "Kop", 3) ||
	       !ascii_casecmp_n(id, "Titel", 5) || !ascii_casecmp_n(id, "Title", 5) ||
	       strstr(id, "rtikel") || strstr(id, "oofdstuk");
}

static struct para read_para(const xmlNode *p, struct numbering *nb, const struct styles *st)
{
	struct para r = {0};
	struct strbuf sb;
	strbuf_init(&sb);
	run_text(p, &sb);
	r.text = imp_clean_text(sb.buf);
	strbuf_release(&sb);
	r.line = (int)xmlGetLineNo(p);
	const xmlNode *ppr = imp_xml_child(p, "pPr");
	const xmlNode *np = imp_xml_child(ppr, "numPr");
	char *style = attr_str(imp_xml_child(ppr, "pStyle"), "val");
	r.styled = heading_style(style);
	free(style);
	r.bold = all_bold(p);
	int numid = -1, ilvl = 0;
	if (np) {
		numid = attr_int(imp_xml_child(np, "numId"), 0);
		ilvl = attr_int(imp_xml_child(np, "ilvl"), 0);
	} else {
		char *sid = attr_str(imp_xml_child(ppr, "pStyle"), "val");
		for (size_t i = 0; sid && i < st->n; i++)
			if (st->s[i].id && !strcmp(st->s[i].id, sid)) {
				numid = st->s[i].numid;
				ilvl = st->s[i].ilvl;
			}
		free(sid);
	}
	r.ilvl = ilvl;
	if (numid > 0 && *r.text)
		r.label = next_label(nb, numid, ilvl, &r.bullet);
	return r;
}

/* A label typed by hand: "1.", "2)", "a.", "b)" followed by a space. */
static char *manual_label(char **text)
{
	char *t = *text, *p = t;
	while (isdigit((unsigned char)*p))
		p++;
	if (p == t && islower((unsigned char)*p) && (p[1] == '.' || p[1] == ')'))
		p++;
	if (p == t || (*p != '.' && *p != ')') || p[1] != ' ')
		return NULL;
	if (p - t > 3)
		return NULL;
	char *label = xstrndup(t, (size_t)(p - t + 1));
	char *rest = xstrdup(p + 2);
	free(t);
	*text = rest;
	return label;
}

struct builder {
	struct imp_node *doc, *unit, *article, *lid, *list1, *item1, *list2;
	int item1_ilvl;
};

static int starts_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	return ascii_casecmp_n(s, w, n) == 0 && (s[n] == ' ' || isdigit((unsigned char)s[n]));
}

/* "Artikel 12a. Titel" → num "12a", title "Titel". Returns 0 when S is not such a heading. */
static int split_heading(const char *s, const char *word, char **num, char **title)
{
	if (!starts_word(s, word))
		return 0;
	const char *p = s + strlen(word);
	while (*p == ' ')
		p++;
	const char *q = p;
	while (isalnum((unsigned char)*q) || (*q == '.' && isalnum((unsigned char)q[1])) ||
	       (*q == ':' && isdigit((unsigned char)q[1])))
		q++;
	if (q == p || !isdigit((unsigned char)*p) || strlen(s) > 160)
		return 0;
	*num = xstrndup(p, (size_t)(q - p));
	/* "Artikel 1. Titel", "Artikel 1: Titel", "Artikel 1 - Titel", "Artikel 1 – Titel" */
	while (*q == '.' || *q == ' ' || *q == ':' || *q == '-' || !strncmp(q, "\xE2\x80\x93", 3))
		q += strncmp(q, "\xE2\x80\x93", 3) ? 1 : 3;
	*title = *q ? xstrdup(q) : NULL;
	return 1;
}

static void close_lists(struct builder *b)
{
	b->list1 = b->item1 = b->list2 = NULL;
}

static int heading(struct builder *b, const char *text)
{
	static const struct {
		const char *word;
		enum imp_kind kind;
	} kinds[] = {{"Hoofdstuk", IMP_CHAPTER}, {"Afdeling", IMP_DIVISION}, {"Paragraaf", IMP_SECTION},
	             {"§", IMP_SECTION},         {"Artikel", IMP_ARTICLE},   {"Bijlage", IMP_ANNEX}};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		char *num, *title;
		if (!split_heading(text, kinds[i].word, &num, &title))
			continue;
		struct imp_node *u = imp_node_new(kinds[i].kind);
		u->num = num;
		u->title = title;
		close_lists(b);
		b->lid = NULL;
		if (kinds[i].kind == IMP_ARTICLE) {
			imp_node_add(b->unit ? b->unit : b->doc, u);
			b->article = u;
		} else {
			struct imp_node *parent = b->doc;
			if ((kinds[i].kind == IMP_SECTION || kinds[i].kind == IMP_DIVISION) && b->unit) {
				parent = b->unit->kind == IMP_CHAPTER ? b->unit : parent;
				for (size_t k = 0; parent == b->doc && k < b->doc->nkids; k++)
					if (b->doc->kids[k]->kind == IMP_CHAPTER)
						parent = b->doc->kids[k];
			}
			imp_node_add(parent, u);
			b->unit = kinds[i].kind == IMP_ANNEX ? NULL : u;
			if (kinds[i].kind == IMP_CHAPTER)
				b->unit = u;
			b->article = kinds[i].kind == IMP_ANNEX ? u : NULL;
		}
		return 1;
	}
	return 0;
}

static struct imp_node *container(struct builder *b)
{
	return b->lid ? b->lid : b->article;
}

static void add_item(struct builder *b, struct para *p, int depth)
{
	struct imp_node *it = imp_node_new(IMP_ITEM);
	it->num = p->label;
	it->line = p->line;
	p->label = NULL;
	struct imp_node *t = imp_node_new(IMP_PARA);
	t->text = p->text;
	p->text = NULL;
	imp_node_add(it, t);
	if (depth == 2 && b->item1) {
		if (!b->list2) {
			b->list2 = imp_node_new(IMP_LIST);
			b->list2->ordered = 1;
			imp_node_add(b->item1, b->list2);
		}
		imp_node_add(b->list2, it);
		return;
	}
	if (!b->list1) {
		b->list1 = imp_node_new(IMP_LIST);
		b->list1->ordered = !p->bullet;
		imp_node_add(container(b), b->list1);
	}
	imp_node_add(b->list1, it);
	b->item1 = it;
	b->item1_ilvl = p->ilvl;
	b->list2 = NULL;
}

static void add_para(struct builder *b, struct para *p)
{
	if (!*p->text)
		return;
	char *full = p->label && !p->bullet ? xasprintf("%s %s", p->label, p->text) : NULL;
	/* A heading numbered by Word ("Artikel 1" as the number) or by hand. */
	/* "Artikel 9 van de Participatiewet is …" in a lid is text: a heading is
	 * styled as one, bold, or short without closing punctuation. */
	const char *ht = full ? full : p->text;
	size_t tl = strlen(ht), words = 1;
	for (const char *q = ht; *q; q++)
		words += *q == ' ';
	int looks = p->styled || p->bold || (words <= 12 && tl && !strchr(".;:,", ht[tl - 1]));
	if (looks && heading(b, ht)) {
		free(full);
		return;
	}
	free(full);
	if (!b->article) {
		if (!b->unit && b->doc->nkids == 0) {
			/* text before the first heading: the title, then the aanhef */
			struct imp_node *t = imp_node_new(IMP_PARA);
			t->text = p->text;
			p->text = NULL;
			imp_node_add(b->doc, t);
			return;
		}
		if (b->doc->nkids && b->doc->kids[b->doc->nkids - 1]->kind == IMP_PARA && !b->unit) {
			struct imp_node *t = imp_node_new(IMP_PARA);
			t->text = p->text;
			p->text = NULL;
			imp_node_add(b->doc, t);
			return;
		}
		/* text in a chapter outside an article: an unnumbered article */
		b->article = imp_node_new(IMP_ARTICLE);
		imp_node_add(b->unit ? b->unit : b->doc, b->article);
	}
	if (!p->label)
		p->label = manual_label(&p->text);
	const char *l = p->label;
	int digits = l && isdigit((unsigned char)l[0]);
	int letter = l && isalpha((unsigned char)l[0]);
	if (l && p->bullet) {
		add_item(b, p, b->item1 && p->ilvl > b->item1_ilvl ? 2 : 1);
	} else if (digits && !(b->item1 && p->ilvl > b->item1_ilvl) && b->article->kind == IMP_ARTICLE) {
		struct imp_node *lid = imp_node_new(IMP_LID);
		lid->num = p->label;
		lid->line = p->line;
		p->label = NULL;
		imp_node_add(b->article, lid);
		b->lid = lid;
		close_lists(b);
		struct imp_node *t = imp_node_new(IMP_PARA);
		t->text = p->text;
		p->text = NULL;
		imp_node_add(lid, t);
	} else if (digits || letter) {
		add_item(b, p, digits ? 2 : 1);
	} else {
		close_lists(b);
		struct imp_node *t = imp_node_new(IMP_PARA);
		t->text = p->text;
		t->line = p->line;
		p->text = NULL;
		imp_node_add(container(b), t);
	}
}

static void add_table(struct builder *b, const xmlNode *tbl, struct numbering *nb,
                      const struct styles *st)
{
	struct imp_node *t = imp_node_new(IMP_TABLE);
	for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
		if (!imp_xml_is(tr, "tr"))
			continue;
		struct imp_node *row = imp_node_new(IMP_ROW);
		for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
			if (!imp_xml_is(tc, "tc"))
				continue;
			struct strbuf sb;
			strbuf_init(&sb);
			for (const xmlNode *p = tc->children; p; p = p->next)
				if (imp_xml_is(p, "p")) {
					struct para pp = read_para(p, nb, st);
					if (sb.len && *pp.text)
						strbuf_putc(&sb, ' ');
					strbuf_puts(&sb, pp.text);
					free(pp.text);
					free(pp.label);
				}
			struct imp_node *c = imp_node_new(IMP_CELL);
			c->text = strbuf_detach(&sb, NULL);
			imp_node_add(row, c);
		}
		imp_node_add(t, row);
	}
	if (!b->article) {
		b->article = imp_node_new(IMP_ARTICLE);
		imp_node_add(b->unit ? b->unit : b->doc, b->article);
	}
	close_lists(b);
	imp_node_add(container(b), t);
}

static int count_el(const xmlNode *n, const char *name)
{
	int k = 0;
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		k += imp_xml_is(c, name) + count_el(c, name);
	return k;
}

/* What the import leaves out of a Word document, for the user. */
static char *docx_skipped(const xmlNode *body)
{
	int img = count_el(body, "drawing") + count_el(body, "pict");
	int del = count_el(body, "del");
	int fn = count_el(body, "footnoteReference");
	if (!img && !del && !fn)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	if (img)
		strbuf_printf(&sb, "%d %s", img, img == 1 ? "afbeelding" : "afbeeldingen");
	if (del)
		strbuf_printf(&sb, "%s%d %s", sb.len ? ", " : "", del,
		              del == 1 ? "verwijdering uit bijgehouden wijzigingen"
		                       : "verwijderingen uit bijgehouden wijzigingen");
	if (fn)
		strbuf_printf(&sb, "%s%d %s", sb.len ? ", " : "", fn, fn == 1 ? "voetnoot" : "voetnoten");
	return strbuf_detach(&sb, NULL);
}

struct imp_node *import_docx_read(const char *path, struct imp_meta *meta, char **err)
{
	int ze = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &ze);
	if (!z) {
		*err = xasprintf("%s: geen leesbaar .docx-bestand (zip-fout %d)", path, ze);
		return NULL;
	}
	xmlDocPtr doc = read_part(z, "word/document.xml");
	xmlDocPtr num = read_part(z, "word/numbering.xml");
	xmlDocPtr sty = read_part(z, "word/styles.xml");
	zip_close(z);
	const xmlNode *body = doc ? imp_xml_child(xmlDocGetRootElement(doc), "body") : NULL;
	if (!body) {
		*err = xasprintf("%s: geen Word-document: word/document.xml ontbreekt of is geen "
		                 "WordprocessingML",
		                 path);
		xmlFreeDoc(doc);
		xmlFreeDoc(num);
		xmlFreeDoc(sty);
		return NULL;
	}
	struct numbering nb = {0};
	struct styles st = {0};
	read_numbering(num, &nb);
	read_styles(sty, &st);
	struct builder b = {0};
	b.doc = imp_node_new(IMP_DOC);
	int npara = 0;
	for (const xmlNode *c = body->children; c; c = c->next) {
		if (imp_xml_is(c, "p")) {
			struct para p = read_para(c, &nb, &st);
			/* document.xml is usually one line: a place in a .docx is its
			 * paragraph number (docs/import.md) */
			p.line = ++npara;
			add_para(&b, &p);
			free(p.text);
			free(p.label);
		} else if (imp_xml_is(c, "tbl")) {
			add_table(&b, c, &nb, &st);
		}
	}
	/* The first paragraph before any heading is the title. */
	meta->source = xstrdup(path);
	meta->skipped = docx_skipped(body);
	const char *base = strrchr(path, '/');
	meta->identifier = xstrdup(base ? base + 1 : path);
	if (b.doc->nkids && b.doc->kids[0]->kind == IMP_PARA) {
		struct imp_node *t = b.doc->kids[0];
		meta->title = t->text;
		t->text = NULL;
		imp_node_free(t);
		memmove(b.doc->kids, b.doc->kids + 1, (b.doc->nkids - 1) * sizeof *b.doc->kids);
		b.doc->nkids--;
	} else {
		meta->title = xstrdup(meta->identifier);
	}
	meta->citeertitel = xstrdup(meta->title);
	free(nb.abs);
	free(nb.nums);
	for (size_t i = 0; i < st.n; i++)
		free(st.s[i].id);
	free(st.s);
	xmlFreeDoc(doc);
	xmlFreeDoc(num);
	xmlFreeDoc(sty);
	return b.doc;
}
