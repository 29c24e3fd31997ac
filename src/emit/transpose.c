/*
 * The transponeringstabel (transpose.h): its three outputs, from what
 * herkomst.c reads (herkomst= of the new articles, the old texts in oud/).
 */
#include "transpose.h"

#include "embedded.h"
#include "herkomst.h"
#include "model.h"
#include "output.h"
#include "pdfmodule.h"
#include "util.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

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
		if (!herkomst_casecmp(tb->cites[i], cite))
			return;
	VEC_PUSH(tb->cites, tb->ncites, tb->capcites, (char *)cite);
}

static struct row *row_for(struct table *tb, const char *cite, const char *art)
{
	for (size_t i = 0; i < tb->n; i++)
		if (!herkomst_casecmp(tb->rows[i].cite, cite) && !herkomst_casecmp(tb->rows[i].art, art))
			return &tb->rows[i];
	struct row r = {cite, art, {0}, 1};
	strbuf_init(&r.to);
	VEC_PUSH(tb->rows, tb->n, tb->cap, r);
	return &tb->rows[tb->n - 1];
}

static const char *canon_cite(const struct herkomst *t, const char *cite)
{
	for (size_t k = 0; k < t->nolds; k++)
		if (herkomst_names_old(&t->olds[k], cite))
			return t->olds[k].cite;
	return cite;
}

static int cmp_row(const void *x, const void *y, const struct table *tb)
{
	const struct row *a = x, *b = y;
	size_t ia = 0, ib = 0;
	for (size_t i = 0; i < tb->ncites; i++) {
		if (!herkomst_casecmp(tb->cites[i], a->cite))
			ia = i;
		if (!herkomst_casecmp(tb->cites[i], b->cite))
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

static void build_table(const struct herkomst *t, struct table *tb)
{
	for (size_t k = 0; k < t->nolds; k++) {
		add_cite(tb, t->olds[k].cite);
		for (size_t a = 0; a < t->olds[k].narts; a++)
			row_for(tb, t->olds[k].cite, t->olds[k].arts[a]);
	}
	for (size_t i = 0; i < t->nlinks; i++) {
		const struct herkomst_link *l = &t->links[i];
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

static const char *old_name(const struct herkomst_link *l)
{
	return l->cite;
}

static void md_out(const struct ordinance *o, const struct herkomst *t, const struct table *tb,
                   struct strbuf *sb)
{
	(void)o;
	strbuf_puts(sb, "## Transponeringstabel\n\n### Van oud naar nieuw\n");
	for (size_t c = 0; c < tb->ncites; c++) {
		strbuf_printf(sb, "\n#### %s\n\n", tb->cites[c]);
		for (size_t i = 0; i < tb->n; i++)
			if (!herkomst_casecmp(tb->rows[i].cite, tb->cites[c]))
				strbuf_printf(sb, "- %s%s → %s\n", strchr(tb->rows[i].art, ' ') ? "" : "artikel ",
				              tb->rows[i].art,
				              tb->rows[i].none ? "niet overgenomen" : tb->rows[i].to.buf);
	}
	strbuf_puts(sb, "\n### Van nieuw naar oud\n\n");
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *u = o->articles[i];
		int first = 1;
		for (size_t k = 0; k < t->nlinks; k++) {
			const struct herkomst_link *l = &t->links[k];
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
static xmlDocPtr xhtml_out(const struct ordinance *o, const struct herkomst *t, const struct table *tb,
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
			if (herkomst_casecmp(r->cite, tb->cites[c]))
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
			const struct herkomst_link *l = &t->links[k];
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

int transpose_write(const struct ordinance *o, const char *out, char **err)
{
	struct herkomst t = {0};
	herkomst_links(o, &t, NULL);
	if (!t.nlinks) {
		herkomst_release(&t);
		return 0;
	}
	herkomst_olds(o, &t, NULL);
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
	herkomst_release(&t);
	return rc;
}
