/*
 * The transponeringstabel (transpose.h): herkomst= of the new articles,
 * the old texts in oud/, the check and the three outputs.
 */
#include "transpose.h"

#include "diag.h"
#include "embedded.h"
#include "import.h"
#include "model.h"
#include "output.h"
#include "pdfmodule.h"
#include "source.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* One herkomst entry: the old ordinance and article, or its lapse. */
struct link {
	char *cite;       /* the old ordinance as named */
	char *art;        /* "12", "3.4a", or "hoofdstuk 2" */
	int vervallen;
	char *reason;     /* after "vervallen:", or NULL */
	const struct unit *u;
	struct span span; /* the entry inside the attribute value */
};

/* An old text from oud/. */
struct old {
	char *cite, *title, *path;
	char **arts;
	size_t narts, cap;
};

struct tp {
	struct link *links;
	size_t nlinks, cap;
	struct old *olds;
	size_t nolds, capolds;
};

static int casecmp(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n != strlen(b) || ascii_casecmp_n(a, b, n) != 0;
}

static const char *casestr(const char *hay, size_t hlen, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n && i + n <= hlen; i++)
		if (ascii_casecmp_n(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

static char *trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* Parse "<cite>, artikel 12[ vervallen[: reden]]" at [S, S+N). */
static int parse_entry(const char *s, size_t n, struct link *l)
{
	static const char *const kinds[] = {", artikel ", ", hoofdstuk ", ", bijlage ",
	                                    ", tekst zonder artikelnummer"};
	const char *at = NULL;
	size_t klen = 0;
	for (int k = 0; k < 4; k++) {
		for (const char *p = s; (p = casestr(p, (size_t)(s + n - p), kinds[k])); p++) {
			at = p;
			klen = strlen(kinds[k]);
		}
		if (at) {
			klen = k == 0 ? klen : 2; /* keep "hoofdstuk 2" as the article */
			break;
		}
	}
	if (at && at[2] == 't') { /* text the source gave no number: nothing to check */
		l->cite = trim(s, (size_t)(at - s));
		l->art = xstrdup("tekst zonder artikelnummer");
		return *l->cite ? 0 : -1;
	}
	if (!at)
		return -1;
	l->cite = trim(s, (size_t)(at - s));
	const char *p = at + klen, *end = s + n;
	const char *q = p;
	if (klen == 2) { /* "hoofdstuk 2" / "bijlage 1": word and number */
		while (q < end && *q != ' ')
			q++;
		q++;
	}
	while (q < end && !isspace((unsigned char)*q) && *q != ':')
		q++;
	if (q > end)
		q = end;
	l->art = trim(p, (size_t)(q - p));
	size_t an = strlen(l->art);
	while (an && l->art[an - 1] == '.')
		l->art[--an] = '\0';
	while (q < end && isspace((unsigned char)*q))
		q++;
	if (q < end && casestr(q, (size_t)(end - q), "vervallen") == q) {
		l->vervallen = 1;
		q += strlen("vervallen");
		while (q < end && (*q == ':' || isspace((unsigned char)*q)))
			q++;
		if (q < end)
			l->reason = trim(q, (size_t)(end - q));
	} else if (q < end) {
		return -1;
	}
	return *l->cite && *l->art ? 0 : -1;
}

static void collect_links(struct ordinance *o, struct tp *t, struct diag_sink *d)
{
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *u = o->articles[i];
		const struct attr *a = unit_attr(u, "herkomst");
		if (!a)
			continue;
		const char *v = a->value;
		while (*v) {
			const char *e = strchr(v, ';');
			size_t n = e ? (size_t)(e - v) : strlen(v);
			struct link l = {0};
			l.u = u;
			size_t off = (size_t)(v - a->value), len = n;
			while (len && isspace((unsigned char)a->value[off])) { /* the span shows the words */
				off++;
				len--;
			}
			while (len && isspace((unsigned char)a->value[off + len - 1]))
				len--;
			l.span = (struct span){a->vspan.src, a->vspan.start + off, a->vspan.start + off + len};
			if (parse_entry(v, n, &l) == 0) {
				VEC_PUSH(t->links, t->nlinks, t->cap, l);
			} else {
				free(l.cite);
				free(l.art);
				free(l.reason);
				if (d)
					diag_report(d, l.span.src, l.span.start, l.span.end, RULE_STRUCTUUR_ATTRIBUUT,
					            "herkomst= noemt '<citeertitel>, artikel N', eventueel met "
					            "'vervallen: reden'; meer dan één met ';'");
			}
			v += n;
			if (*v == ';')
				v++;
		}
	}
}

static void old_articles(const struct imp_node *n, struct old *od)
{
	for (size_t i = 0; i < n->nkids; i++) {
		const struct imp_node *k = n->kids[i];
		if (k->kind == IMP_ARTICLE && k->num)
			VEC_PUSH(od->arts, od->narts, od->cap, xstrdup(k->num));
		else if (k->kind != IMP_ARTICLE)
			old_articles(k, od);
	}
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the .xml and .docx files in oud/ with the import readers. */
static void read_olds(const struct ordinance *o, struct tp *t, struct diag_sink *d)
{
	char *dir = xasprintf("%s/oud", o->dir);
	DIR *dp = opendir(dir);
	if (!dp) {
		free(dir);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		size_t l = strlen(e->d_name);
		if ((l > 4 && !strcmp(e->d_name + l - 4, ".xml")) ||
		    (l > 5 && !strcmp(e->d_name + l - 5, ".docx")))
			VEC_PUSH(names, n, cap, xstrdup(e->d_name));
	}
	closedir(dp);
	if (n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct imp_meta m = {0};
		char *err = NULL;
		size_t l = strlen(path);
		struct imp_node *doc = !strcmp(path + l - 5, ".docx") ? import_docx_read(path, &m, &err)
		                                                      : import_cvdr_read(path, &m, &err);
		if (!doc) {
			/* An unreadable old text cannot be checked; say so at line 1. */
			if (d && o->main)
				diag_report(d, o->main, 0, 0, RULE_HERKOMST_ONBEKEND, "%s", err);
			free(err);
			free(path);
			free(names[i]);
			continue;
		}
		struct old od = {0};
		od.cite = import_citeertitel(doc);
		if (!od.cite)
			od.cite = xstrdup(m.citeertitel);
		od.title = xstrdup(m.title);
		od.path = path;
		old_articles(doc, &od);
		VEC_PUSH(t->olds, t->nolds, t->capolds, od);
		imp_node_free(doc);
		imp_meta_release(&m);
		free(names[i]);
	}
	free(names);
	free(dir);
}

static void tp_free(struct tp *t)
{
	for (size_t i = 0; i < t->nlinks; i++) {
		free(t->links[i].cite);
		free(t->links[i].art);
		free(t->links[i].reason);
	}
	free(t->links);
	for (size_t i = 0; i < t->nolds; i++) {
		struct old *od = &t->olds[i];
		for (size_t k = 0; k < od->narts; k++)
			free(od->arts[k]);
		free(od->arts);
		free(od->cite);
		free(od->title);
		free(od->path);
	}
	free(t->olds);
}

static int names_old(const struct old *od, const char *cite)
{
	return !casecmp(od->cite, cite) || !casecmp(od->title, cite);
}

static int accounted(const struct tp *t, const struct old *od, const char *art)
{
	for (size_t i = 0; i < t->nlinks; i++)
		if (names_old(od, t->links[i].cite) && !casecmp(t->links[i].art, art))
			return 1;
	return 0;
}

/* The source text of article I: from its heading to the next article or unit. */
static void article_text(const struct ordinance *o, size_t i, const char **s, size_t *n)
{
	const struct unit *u = o->articles[i];
	const struct source *src = u->span.src;
	size_t end = src->len;
	for (size_t k = 0; k < o->nunits; k++) {
		const struct unit *w = o->units[k];
		if (w->span.src == src && w->span.start > u->span.start && w->span.start < end)
			end = w->span.start;
	}
	*s = src->text + u->span.start;
	*n = end - u->span.start;
}

void transpose_check(struct ordinance *o, struct diag_sink *d)
{
	struct tp t = {0};
	collect_links(o, &t, d);
	read_olds(o, &t, d);
	/* herkomst= naming an article the old text does not have */
	for (size_t i = 0; i < t.nlinks; i++) {
		const struct link *l = &t.links[i];
		for (size_t k = 0; k < t.nolds; k++) {
			const struct old *od = &t.olds[k];
			if (!names_old(od, l->cite) || strchr(l->art, ' '))
				continue;
			int found = 0;
			for (size_t a = 0; a < od->narts && !found; a++)
				found = !casecmp(od->arts[a], l->art);
			if (!found)
				diag_report(d, l->span.src, l->span.start, l->span.end, RULE_HERKOMST_ONBEKEND,
				            "%s heeft geen artikel %s (%s)", od->cite, l->art, od->path);
		}
	}
	/* every article of an old ordinance the intrekkingsartikel names */
	for (size_t i = 0; i < o->narticles && t.nolds; i++) {
		const char *s;
		size_t n;
		article_text(o, i, &s, &n);
		if (!casestr(s, n, "ingetrokken"))
			continue;
		const struct unit *u = o->articles[i];
		for (size_t k = 0; k < t.nolds; k++) {
			const struct old *od = &t.olds[k];
			if (!casestr(s, n, od->cite) && !casestr(s, n, od->title))
				continue;
			for (size_t a = 0; a < od->narts; a++)
				if (!accounted(&t, od, od->arts[a]))
					diag_report(d, u->span.src, u->span.start, u->span.end,
					            RULE_HERKOMST_ONTBREEKT,
					            "artikel %s van %s staat in geen herkomst=; neem het over of "
					            "schrijf herkomst=\"%s, artikel %s vervallen: reden\"",
					            od->arts[a], od->cite, od->cite, od->arts[a]);
		}
	}
	tp_free(&t);
}

/* ---- Output ------------------------------------------------------------- */

/* Natural order of article numbers: 2 < 2a < 10 < 10.1. */
static int cmp_art(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			long x = strtol(a, (char **)&a, 10), y = strtol(b, (char **)&b, 10);
			if (x != y)
				return x < y ? -1 : 1;
		} else {
			if (*a != *b)
				return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			a++;
			b++;
		}
	}
	return *a ? 1 : *b ? -1 : 0;
}

/* One row of the old → new table. */
struct row {
	const char *cite, *art;
	struct strbuf to; /* "artikel 1.2, artikel 3" or "vervallen: …" */
	int none;
};

struct table {
	struct row *rows;
	size_t n, cap;
	char **cites; /* the old ordinances, in order */
	size_t ncites, capcites;
};

static void add_cite(struct table *tb, const char *cite)
{
	for (size_t i = 0; i < tb->ncites; i++)
		if (!casecmp(tb->cites[i], cite))
			return;
	VEC_PUSH(tb->cites, tb->ncites, tb->capcites, (char *)cite);
}

static struct row *row_for(struct table *tb, const char *cite, const char *art)
{
	for (size_t i = 0; i < tb->n; i++)
		if (!casecmp(tb->rows[i].cite, cite) && !casecmp(tb->rows[i].art, art))
			return &tb->rows[i];
	struct row r = {cite, art, {0}, 1};
	strbuf_init(&r.to);
	VEC_PUSH(tb->rows, tb->n, tb->cap, r);
	return &tb->rows[tb->n - 1];
}

static const char *canon_cite(const struct tp *t, const char *cite)
{
	for (size_t k = 0; k < t->nolds; k++)
		if (names_old(&t->olds[k], cite))
			return t->olds[k].cite;
	return cite;
}

static int cmp_row(const void *x, const void *y, const struct table *tb)
{
	const struct row *a = x, *b = y;
	size_t ia = 0, ib = 0;
	for (size_t i = 0; i < tb->ncites; i++) {
		if (!casecmp(tb->cites[i], a->cite))
			ia = i;
		if (!casecmp(tb->cites[i], b->cite))
			ib = i;
	}
	if (ia != ib)
		return ia < ib ? -1 : 1;
	return cmp_art(a->art, b->art);
}

static void sort_rows(struct table *tb)
{
	/* insertion sort: tables have tens of rows */
	for (size_t i = 1; i < tb->n; i++)
		for (size_t j = i; j > 0 && cmp_row(&tb->rows[j - 1], &tb->rows[j], tb) > 0; j--) {
			struct row tmp = tb->rows[j];
			tb->rows[j] = tb->rows[j - 1];
			tb->rows[j - 1] = tmp;
		}
}

static void build_table(const struct tp *t, struct table *tb)
{
	for (size_t k = 0; k < t->nolds; k++) {
		add_cite(tb, t->olds[k].cite);
		for (size_t a = 0; a < t->olds[k].narts; a++)
			row_for(tb, t->olds[k].cite, t->olds[k].arts[a]);
	}
	for (size_t i = 0; i < t->nlinks; i++) {
		const struct link *l = &t->links[i];
		const char *cite = canon_cite(t, l->cite);
		add_cite(tb, cite);
		struct row *r = row_for(tb, cite, l->art);
		if (!r->none)
			strbuf_puts(&r->to, "; ");
		r->none = 0;
		if (l->vervallen)
			strbuf_printf(&r->to, "vervallen%s%s", l->reason ? ": " : "",
			              l->reason ? l->reason : "");
		else
			strbuf_printf(&r->to, "artikel %s", l->u->num);
	}
	sort_rows(tb);
}

static void table_free(struct table *tb)
{
	for (size_t i = 0; i < tb->n; i++)
		strbuf_release(&tb->rows[i].to);
	free(tb->rows);
	free(tb->cites);
}

static const char *old_name(const struct link *l)
{
	return l->cite;
}

static void md_out(const struct ordinance *o, const struct tp *t, const struct table *tb,
                   struct strbuf *sb)
{
	(void)o;
	strbuf_puts(sb, "## Transponeringstabel\n\n### Van oud naar nieuw\n");
	for (size_t c = 0; c < tb->ncites; c++) {
		strbuf_printf(sb, "\n#### %s\n\n", tb->cites[c]);
		for (size_t i = 0; i < tb->n; i++)
			if (!casecmp(tb->rows[i].cite, tb->cites[c]))
				strbuf_printf(sb, "- %s%s → %s\n", strchr(tb->rows[i].art, ' ') ? "" : "artikel ",
				              tb->rows[i].art,
				              tb->rows[i].none ? "niet overgenomen" : tb->rows[i].to.buf);
	}
	strbuf_puts(sb, "\n### Van nieuw naar oud\n\n");
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *u = o->articles[i];
		int first = 1;
		for (size_t k = 0; k < t->nlinks; k++) {
			const struct link *l = &t->links[k];
			if (l->u != u || l->vervallen)
				continue;
			if (first)
				strbuf_printf(sb, "- artikel %s ← ", u->num);
			strbuf_printf(sb, "%s%s, %s%s", first ? "" : "; ", old_name(l),
			              strchr(l->art, ' ') ? "" : "artikel ", l->art);
			first = 0;
		}
		if (!first)
			strbuf_putc(sb, '\n');
	}
}


static xmlNodePtr el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, BAD_CAST name, text ? BAD_CAST text : NULL);
}

/* The table as XHTML: tables on screen, lists in print (cells do not wrap there). */
static xmlDocPtr xhtml_out(const struct ordinance *o, const struct tp *t, const struct table *tb,
                           int print)
{
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr html = xmlNewNode(NULL, BAD_CAST "html");
	xmlDocSetRootElement(doc, html);
	xmlSetNs(html, xmlNewNs(html, BAD_CAST "http://www.w3.org/1999/xhtml", NULL));
	xmlNewProp(html, BAD_CAST "lang", BAD_CAST "nl");
	xmlNodePtr head = el(html, "head", NULL);
	const char *title = o->fm[FM_CITEERTITEL] ? o->fm[FM_CITEERTITEL]
	                    : o->fm[FM_TITEL]     ? o->fm[FM_TITEL]
	                                          : "verordening";
	char *t1 = xasprintf("Transponeringstabel %s", title);
	el(head, "title", t1);
	xmlNodePtr m = el(head, "meta", NULL);
	xmlNewProp(m, BAD_CAST "charset", BAD_CAST "utf-8");
	if (print) {
		m = el(head, "meta", NULL);
		xmlNewProp(m, BAD_CAST "name", BAD_CAST "ovc-stijl");
		xmlNewProp(m, BAD_CAST "content", BAD_CAST "verordening");
		if (o->fm[FM_GEMEENTE]) {
			char *a = xasprintf("Gemeente %s", o->fm[FM_GEMEENTE]);
			m = el(head, "meta", NULL);
			xmlNewProp(m, BAD_CAST "name", BAD_CAST "author");
			xmlNewProp(m, BAD_CAST "content", BAD_CAST a);
			free(a);
		}
	} else {
		el(head, "style",
		   "body{font-family:serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.4}"
		   "table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}"
		   "th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}"
		   "td:first-child,th:first-child{white-space:nowrap;width:1%}"
		   ".leeg{color:#a00;font-weight:bold}");
	}
	xmlNodePtr body = el(html, "body", NULL);
	xmlNodePtr h1 = el(body, "h1", t1);
	xmlNewProp(h1, BAD_CAST "id", BAD_CAST "transponeringstabel");
	free(t1);
	xmlNodePtr h2 = el(body, "h2", "Van oud naar nieuw");
	xmlNewProp(h2, BAD_CAST "id", BAD_CAST "oud-nieuw");
	for (size_t c = 0; c < tb->ncites; c++) {
		xmlNodePtr h3 = el(body, "h3", tb->cites[c]);
		char *id = xasprintf("oud-%zu", c + 1);
		xmlNewProp(h3, BAD_CAST "id", BAD_CAST id);
		free(id);
		xmlNodePtr list = print ? el(body, "ul", NULL) : el(body, "table", NULL);
		if (!print) {
			xmlNodePtr tr = el(list, "tr", NULL);
			el(tr, "th", "oud");
			el(tr, "th", "nieuw");
		}
		for (size_t i = 0; i < tb->n; i++) {
			const struct row *r = &tb->rows[i];
			if (casecmp(r->cite, tb->cites[c]))
				continue;
			char *from = xasprintf("%s%s", strchr(r->art, ' ') ? "" : "artikel ", r->art);
			const char *to = r->none ? "niet overgenomen" : r->to.buf;
			if (print) {
				char *line = xasprintf("%s → %s", from, to);
				el(list, "li", line);
				free(line);
			} else {
				xmlNodePtr tr = el(list, "tr", NULL);
				el(tr, "td", from);
				xmlNodePtr td = el(tr, "td", to);
				if (r->none)
					xmlNewProp(td, BAD_CAST "class", BAD_CAST "leeg");
			}
			free(from);
		}
	}
	h2 = el(body, "h2", "Van nieuw naar oud");
	xmlNewProp(h2, BAD_CAST "id", BAD_CAST "nieuw-oud");
	xmlNodePtr list = print ? el(body, "ul", NULL) : el(body, "table", NULL);
	if (!print) {
		xmlNodePtr tr = el(list, "tr", NULL);
		el(tr, "th", "nieuw");
		el(tr, "th", "oud");
	}
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *u = o->articles[i];
		struct strbuf from;
		strbuf_init(&from);
		for (size_t k = 0; k < t->nlinks; k++) {
			const struct link *l = &t->links[k];
			if (l->u == u && !l->vervallen)
				strbuf_printf(&from, "%s%s, %s%s", from.len ? "; " : "", old_name(l),
				              strchr(l->art, ' ') ? "" : "artikel ", l->art);
		}
		if (from.len) {
			char *a = xasprintf("artikel %s", u->num);
			if (print) {
				char *line = xasprintf("%s ← %s", a, from.buf);
				el(list, "li", line);
				free(line);
			} else {
				/* the new article links to the legal edition beside this file */
				xmlNodePtr tr = el(list, "tr", NULL);
				xmlNodePtr td = el(tr, "td", NULL);
				xmlNodePtr link = el(td, "a", a);
				char *href = xasprintf("verordening.html#%s", u->eid ? u->eid : "");
				xmlNewProp(link, BAD_CAST "href", BAD_CAST href);
				free(href);
				el(tr, "td", from.buf);
			}
			free(a);
		}
		strbuf_release(&from);
	}
	return doc;
}

int transpose_write(struct ordinance *o, const char *out, char **err)
{
	struct tp t = {0};
	collect_links(o, &t, NULL);
	if (!t.nlinks) {
		tp_free(&t);
		return 0;
	}
	read_olds(o, &t, NULL);
	struct table tb = {0};
	build_table(&t, &tb);
	struct strbuf md;
	strbuf_init(&md);
	md_out(o, &t, &tb, &md);
	char *path = xasprintf("%s/transponeringstabel.md", out);
	int rc = output_write_file(path, md.buf, md.len, err);
	free(path);
	strbuf_release(&md);
	if (rc == 0) {
		xmlDocPtr doc = xhtml_out(o, &t, &tb, 0);
		xmlChar *buf;
		int len;
		xmlDocDumpFormatMemoryEnc(doc, &buf, &len, "UTF-8", 1);
		path = xasprintf("%s/transponeringstabel.html", out);
		rc = output_write_file(path, buf, (size_t)len, err);
		free(path);
		xmlFree(buf);
		xmlFreeDoc(doc);
	}
	if (rc == 0) {
		xmlDocPtr doc = xhtml_out(o, &t, &tb, 1);
		path = xasprintf("%s/transponeringstabel.pdf", out);
		/* the legal edition's print style: the table goes with the toelichting */
		const struct embedded_file *f = embedded_find("stylesheets/print-verordening.ini");
		struct typeset_input in = {doc, f->path, (const char *)f->data, f->len, o->dir};
		rc = pdfmodule_typeset(&in, path, err);
		free(path);
		xmlFreeDoc(doc);
	}
	table_free(&tb);
	tp_free(&t);
	return rc;
}
