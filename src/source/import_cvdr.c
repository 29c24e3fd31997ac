/*
 * CVDR XML (lokaleregelgeving.overheid.nl's consolidated format) → the
 * import tree. libxml2 with XML_PARSE_NONET and without entity substitution:
 * a regulation file never reaches the network or the disk beyond itself.
 * Element names are compared by local name; CVDR puts them in its own
 * default namespace.
 */
#include "import.h"

#include "util.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* All text below N, except editorial notes (redactie) and footnote marks. */
static void collect(const xmlNode *n, struct strbuf *sb)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			strbuf_puts(sb, (const char *)c->content);
		else if (c->type == XML_ELEMENT_NODE && !imp_xml_is(c, "redactie") && !imp_xml_is(c, "noot")) {
			/* paragraphs in a table cell or list item are words apart */
			int block = imp_xml_is(c, "al") || imp_xml_is(c, "li") || imp_xml_is(c, "lijst");
			if (block)
				strbuf_putc(sb, ' ');
			collect(c, sb);
			if (block)
				strbuf_putc(sb, ' ');
		}
	}
}

static char *text_of(const xmlNode *n)
{
	if (!n)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	collect(n, &sb);
	char *t = imp_clean_text(sb.buf);
	strbuf_release(&sb);
	if (!*t) {
		free(t);
		return NULL;
	}
	return t;
}

/* "1." → "1"; "Artikel 3" stays the caller's business. */
static char *strip_period(char *s)
{
	if (s) {
		size_t n = strlen(s);
		while (n && (s[n - 1] == '.' || s[n - 1] == ' '))
			s[--n] = '\0';
		if (!n) {
			free(s);
			return NULL;
		}
	}
	return s;
}

/*
 * A kop: <label>Artikel</label><nr>12</nr><titel>…</titel>. Older exports
 * write the whole heading in <label> ("1.Parkeren", "Artikel 3 Begrippen"):
 * a leading number is split off.
 */
static void read_kop(const xmlNode *kop, struct imp_node *u)
{
	char *nr = strip_period(text_of(imp_xml_child(kop, "nr")));
	char *titel = text_of(imp_xml_child(kop, "titel"));
	if (!nr && !titel) {
		char *label = text_of(imp_xml_child(kop, "label"));
		if (!label && kop && !imp_xml_child(kop, "label"))
			label = text_of(kop);
		if (label) {
			const char *p = label;
			static const char *const words[] = {"Artikel", "Hoofdstuk", "Paragraaf",
			                                    "Afdeling", "Bijlage", "§"};
			for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
				size_t w = strlen(words[i]);
				if (strncmp(p, words[i], w) == 0 && (p[w] == ' ' || isdigit((unsigned char)p[w]))) {
					p += w;
					while (*p == ' ')
						p++;
				}
			}
			const char *q = p;
			while (isdigit((unsigned char)*q) || (*q == '.' && isdigit((unsigned char)q[1])) ||
			       (q > p && isalpha((unsigned char)*q) && !isalpha((unsigned char)q[1])))
				q++;
			if (q > p) {
				nr = xstrndup(p, (size_t)(q - p));
				while (*q == '.' || *q == ' ')
					q++;
				titel = *q ? xstrdup(q) : NULL;
			} else if (p == label) {
				titel = xstrdup(label);
			}
			free(label);
		}
	}
	u->num = nr;
	u->title = titel;
}

static struct imp_node *read_list(const xmlNode *lijst);

static struct imp_node *para(const xmlNode *al)
{
	char *t = text_of(al);
	if (!t)
		return NULL;
	struct imp_node *p = imp_node_new(IMP_PARA);
	p->text = t;
	p->line = (int)xmlGetLineNo(al);
	return p;
}

static struct imp_node *read_table(const xmlNode *table)
{
	struct imp_node *t = imp_node_new(IMP_TABLE);
	t->line = (int)xmlGetLineNo(table);
	for (const xmlNode *g = table->children; g; g = g->next) {
		if (!imp_xml_is(g, "tgroup"))
			continue;
		for (const xmlNode *part = g->children; part; part = part->next) {
			if (!imp_xml_is(part, "thead") && !imp_xml_is(part, "tbody"))
				continue;
			for (const xmlNode *row = part->children; row; row = row->next) {
				if (!imp_xml_is(row, "row"))
					continue;
				struct imp_node *r = imp_node_new(IMP_ROW);
				for (const xmlNode *e = row->children; e; e = e->next) {
					if (!imp_xml_is(e, "entry"))
						continue;
					struct imp_node *c = imp_node_new(IMP_CELL);
					c->text = text_of(e);
					imp_node_add(r, c);
				}
				imp_node_add(t, r);
			}
		}
	}
	return t;
}

/* The blocks of a lid, li, artikel or bijlage: al, lijst, table. */
static void read_blocks(const xmlNode *n, struct imp_node *into)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		struct imp_node *k = NULL;
		if (imp_xml_is(c, "al") || imp_xml_is(c, "al-groep") || imp_xml_is(c, "tussenkop"))
			k = para(c);
		else if (imp_xml_is(c, "lijst"))
			k = read_list(c);
		else if (imp_xml_is(c, "table"))
			k = read_table(c);
		else if (imp_xml_is(c, "plaatje") || imp_xml_is(c, "illustratie"))
			continue;
		if (k)
			imp_node_add(into, k);
	}
}

static int label_ordered(const char *s)
{
	return s && (isalnum((unsigned char)s[0]) || (unsigned char)s[0] >= 0xC3);
}

static struct imp_node *read_list(const xmlNode *lijst)
{
	struct imp_node *l = imp_node_new(IMP_LIST);
	l->line = (int)xmlGetLineNo(lijst);
	int ordered = 1;
	for (const xmlNode *li = lijst->children; li; li = li->next) {
		if (!imp_xml_is(li, "li"))
			continue;
		struct imp_node *it = imp_node_new(IMP_ITEM);
		it->line = (int)xmlGetLineNo(li);
		xmlChar *nr = xmlGetProp(li, BAD_CAST "nr");
		it->num = nr ? imp_clean_text((const char *)nr) : text_of(imp_xml_child(li, "li.nr"));
		xmlFree(nr);
		if (it->num && !*it->num) {
			free(it->num);
			it->num = NULL;
		}
		ordered &= label_ordered(it->num);
		read_blocks(li, it);
		imp_node_add(l, it);
	}
	l->ordered = ordered && l->nkids > 0;
	return l;
}

static struct imp_node *read_article(const xmlNode *a)
{
	struct imp_node *u = imp_node_new(IMP_ARTICLE);
	u->line = (int)xmlGetLineNo(a);
	read_kop(imp_xml_child(a, "kop"), u);
	for (const xmlNode *c = a->children; c; c = c->next) {
		if (imp_xml_is(c, "lid")) {
			struct imp_node *l = imp_node_new(IMP_LID);
			l->line = (int)xmlGetLineNo(c);
			l->num = text_of(imp_xml_child(c, "lidnr"));
			read_blocks(c, l);
			imp_node_add(u, l);
		} else if (imp_xml_is(c, "al") || imp_xml_is(c, "lijst") || imp_xml_is(c, "table") || imp_xml_is(c, "al-groep")) {
			/* read_blocks on a one-element view keeps the order with leden */
			struct imp_node *k = imp_xml_is(c, "lijst") ? read_list(c)
			                     : imp_xml_is(c, "table") ? read_table(c) : para(c);
			if (k)
				imp_node_add(u, k);
		}
	}
	return u;
}

static void read_units(const xmlNode *n, struct imp_node *into)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		struct imp_node *u = NULL;
		if (imp_xml_is(c, "hoofdstuk") || imp_xml_is(c, "titeldeel") || imp_xml_is(c, "deel"))
			u = imp_node_new(IMP_CHAPTER);
		else if (imp_xml_is(c, "afdeling"))
			u = imp_node_new(IMP_DIVISION);
		else if (imp_xml_is(c, "paragraaf") || imp_xml_is(c, "sub-paragraaf"))
			u = imp_node_new(IMP_SECTION);
		if (u) {
			u->line = (int)xmlGetLineNo(c);
			read_kop(imp_xml_child(c, "kop"), u);
			read_units(c, u);
			imp_node_add(into, u);
		} else if (imp_xml_is(c, "artikel")) {
			imp_node_add(into, read_article(c));
		} else if (imp_xml_is(c, "structuurtekst")) {
			/* Text directly in a chapter: ovc keeps text in articles, so it
			 * becomes an article without a number (docs/import.md). */
			struct imp_node *a = imp_node_new(IMP_ARTICLE);
			a->line = (int)xmlGetLineNo(c);
			read_blocks(c, a);
			imp_node_add(into, a);
		} else if (imp_xml_is(c, "bijlage")) {
			struct imp_node *b = imp_node_new(IMP_ANNEX);
			b->line = (int)xmlGetLineNo(c);
			read_kop(imp_xml_child(c, "kop"), b);
			read_blocks(c, b);
			imp_node_add(into, b);
		}
	}
}

static char *meta_text(const xmlNode *meta, const char *section, const char *name)
{
	const xmlNode *s = imp_xml_child(meta, section);
	for (const xmlNode *c = s ? s->children : NULL; c; c = c->next)
		if (imp_xml_is(c, name))
			return text_of(c);
	return NULL;
}

/* The first element named NAME anywhere below N. */
static const xmlNode *find(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next) {
		if (imp_xml_is(c, name))
			return c;
		const xmlNode *f = find(c, name);
		if (f)
			return f;
	}
	return NULL;
}

static char *date_only(char *s)
{
	if (s && strlen(s) >= 10 && s[4] == '-' && s[7] == '-')
		s[10] = '\0';
	else {
		free(s);
		s = NULL;
	}
	return s;
}

/* Count the elements named NAME below N. */
static int count(const xmlNode *n, const char *name)
{
	int k = 0;
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		k += imp_xml_is(c, name) + count(c, name);
	return k;
}

/* What the import leaves out (docs/import.md), for the user. */
static char *skipped(const xmlNode *body)
{
	struct strbuf sb;
	strbuf_init(&sb);
	static const struct {
		const char *el, *one, *many;
	} kinds[] = {
		{"regeling-sluiting", "de regeling-sluiting (slotformulering en ondertekening)", NULL},
		{"toelichting", "de toelichting", "toelichtingen"},
		{"redactie", "1 redactionele aantekening", "redactionele aantekeningen"},
		{"noot", "1 voetnoot", "voetnoten"},
		{"plaatje", "1 afbeelding", "afbeeldingen"},
		{"illustratie", "1 illustratie", "illustraties"},
	};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		int k = count(body, kinds[i].el);
		if (!k)
			continue;
		if (sb.len)
			strbuf_puts(&sb, ", ");
		if (k == 1 || !kinds[i].many)
			strbuf_puts(&sb, kinds[i].one);
		else
			strbuf_printf(&sb, "%d %s", k, kinds[i].many);
	}
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

struct imp_node *import_cvdr_read(const char *path, struct imp_meta *meta, char **err)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		*err = e ? xasprintf("%s:%d: geen geldige XML: %s", path, e->line,
		                     e->message ? e->message : "")
		         : xasprintf("%s: geen geldige XML", path);
		if (*err && (*err)[strlen(*err) - 1] == '\n')
			(*err)[strlen(*err) - 1] = '\0';
		return NULL;
	}
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *rt = find(root, "regeling-tekst");
	if (!imp_xml_is(root, "cvdr") || !rt) {
		*err = xasprintf("%s:%d: geen CVDR-regeling: de wortel heet '%s', verwacht "
		                 "'cvdr' met een 'regeling-tekst'",
		                 path, root ? (int)xmlGetLineNo(root) : 1,
		                 root ? (const char *)root->name : "");
		xmlFreeDoc(doc);
		return NULL;
	}
	const xmlNode *m = imp_xml_child(root, "meta");
	meta->source = xstrdup(path);
	meta->identifier = meta_text(m, "owmskern", "identifier");
	meta->title = meta_text(m, "owmskern", "title");
	meta->gemeente = meta_text(m, "owmskern", "creator");
	meta->issued = date_only(meta_text(m, "owmsmantel", "issued"));
	meta->inwerking = date_only(text_of(find(m, "inwerkingtredingDatum")));
	if (!meta->title)
		meta->title = text_of(find(root, "intitule"));
	if (!meta->title)
		meta->title = xstrdup(path);
	meta->citeertitel = text_of(find(root, "citeertitel"));
	if (!meta->citeertitel)
		meta->citeertitel = xstrdup(meta->title);

	struct imp_node *d = imp_node_new(IMP_DOC);
	const xmlNode *aanhef = find(root, "aanhef");
	for (const xmlNode *c = aanhef ? aanhef->children : NULL; c; c = c->next) {
		if (imp_xml_is(c, "preambule") || imp_xml_is(c, "considerans")) {
			for (const xmlNode *al = c->children; al; al = al->next)
				if (imp_xml_is(al, "al")) {
					struct imp_node *p = para(al);
					if (p)
						imp_node_add(d, p);
				}
		} else if (imp_xml_is(c, "al")) {
			struct imp_node *p = para(c);
			if (p)
				imp_node_add(d, p);
		}
	}
	meta->skipped = skipped(imp_xml_child(root, "body") ? imp_xml_child(root, "body") : root);
	read_units(rt, d);
	/* Annexes sit beside the regeling-tekst. */
	for (const xmlNode *c = rt->parent ? rt->parent->children : NULL; c; c = c->next)
		if (imp_xml_is(c, "bijlage")) {
			struct imp_node *b = imp_node_new(IMP_ANNEX);
			read_kop(imp_xml_child(c, "kop"), b);
			read_blocks(c, b);
			imp_node_add(d, b);
		}
	xmlFreeDoc(doc);
	return d;
}
