/*
 * Unit tests for the typesetter's pure parts: pagination rules
 * (src/typeset_page.c) on line heights computed by hand, the print style
 * parser (src/typeset_style.c) and Dutch hyphenation (src/typeset_hyph.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embedded.h"
#include "typeset.h"
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <libxml/parser.h>
#include <unistd.h>
#include "typeset_int.h"
#include "util.h"

static const double ten[20] = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10,
                               10, 10, 10, 10, 10, 10, 10, 10, 10, 10};

static struct ts_pblock blk(int nlines)
{
	struct ts_pblock b;
	memset(&b, 0, sizeof b);
	b.nlines = nlines;
	b.lh = ten;
	return b;
}

/* The placements as "block:from-to@page/y ..." for exact comparison. */
static char *layout(const struct ts_pblock *b, size_t n, int widows, int orphans, int *pages)
{
	struct ts_place *pl;
	size_t npl;
	*pages = ts_paginate(b, n, 100, widows, orphans, &pl, &npl);
	struct strbuf s;
	strbuf_init(&s);
	for (size_t i = 0; i < npl; i++)
		strbuf_printf(&s, "%s%d:%d-%d@%d/%g", i ? " " : "", pl[i].block, pl[i].from, pl[i].to,
		              pl[i].page, pl[i].y);
	free(pl);
	return strbuf_detach(&s, NULL);
}

#define EXPECT(b, widows, orphans, want_pages, want)                              \
	do {                                                                          \
		int pages_;                                                               \
		char *got_ = layout(b, sizeof b / sizeof *b, widows, orphans, &pages_); \
		assert_string_equal(got_, want);                                          \
		assert_int_equal(pages_, want_pages);                                     \
		free(got_);                                                               \
	} while (0)

/* 15 lines of 10 pt on pages of 100 pt: 10 + 5. */
static void test_split_plain(void **state)
{
	(void)state;
	struct ts_pblock b[] = {blk(15)};
	EXPECT(b, 2, 2, 2, "0:0-10@0/0 0:10-15@1/0");
}

/* 11 lines: 10 + 1 would leave a widow; 9 + 2. */
static void test_widow(void **state)
{
	(void)state;
	struct ts_pblock b[] = {blk(11)};
	EXPECT(b, 2, 2, 2, "0:0-9@0/0 0:9-11@1/0");
	EXPECT(b, 1, 1, 2, "0:0-10@0/0 0:10-11@1/0");
}

/* After 8 lines, 2 lines of a 5-line block fit: split 2 + 3 with
 * orphans 2; with orphans 3 the whole block moves. */
static void test_orphan(void **state)
{
	(void)state;
	struct ts_pblock b[] = {blk(8), blk(5)};
	EXPECT(b, 2, 2, 2, "0:0-8@0/0 1:0-2@0/80 1:2-5@1/0");
	EXPECT(b, 2, 3, 2, "0:0-8@0/0 1:0-5@1/0");
}

/* A heading at 80 pt needs itself and 2 lines of the next block: 30 pt;
 * only 20 are left, so both move. A chain heading + heading moves too. */
static void test_keep_with_next(void **state)
{
	(void)state;
	struct ts_pblock b[] = {blk(8), blk(1), blk(5)};
	b[1].keep_next = 1;
	EXPECT(b, 2, 2, 2, "0:0-8@0/0 1:0-1@1/0 2:0-5@1/10");
	struct ts_pblock c[] = {blk(6), blk(1), blk(1), blk(5)};
	c[1].keep_next = c[2].keep_next = 1; /* 60 + 10 + 10 + 20 = 100: fits exactly */
	EXPECT(c, 2, 2, 2, "0:0-6@0/0 1:0-1@0/60 2:0-1@0/70 3:0-2@0/80 3:2-5@1/0");
	c[0].nlines = 7; /* 110: the chain moves */
	EXPECT(c, 2, 2, 2, "0:0-7@0/0 1:0-1@1/0 2:0-1@1/10 3:0-5@1/20");
	/* a 3-line block cannot be split 2 + 1 or 1 + 2: a heading above it
	 * needs all 3 lines, so with 20 pt left after the heading both move */
	struct ts_pblock d[] = {blk(7), blk(1), blk(3)};
	d[1].keep_next = 1;
	EXPECT(d, 2, 2, 2, "0:0-7@0/0 1:0-1@1/0 2:0-3@1/10");
	d[0].nlines = 6; /* 30 pt left: all 3 lines fit after the heading */
	EXPECT(d, 2, 2, 1, "0:0-6@0/0 1:0-1@0/60 2:0-3@0/70");
}

/* Space before a block counts, except at the top of a page. */
static void test_space_before(void **state)
{
	(void)state;
	struct ts_pblock b[] = {blk(9), blk(2)};
	b[1].before = 5; /* 90 + 5 + 20 > 100: the 2-line block moves, without its space */
	EXPECT(b, 2, 2, 2, "0:0-9@0/0 1:0-2@1/0");
	struct ts_pblock c[] = {blk(3), blk(2)};
	c[1].before = 5;
	c[0].after = 2;
	EXPECT(c, 2, 2, 1, "0:0-3@0/0 1:0-2@0/37");
}

/* A new page before a part, never an empty page; keep_together moves a
 * figure whole, and splits one taller than a page. */
static void test_breaks_and_keep_together(void **state)
{
	(void)state;
	struct ts_pblock b[] = {blk(2), blk(2), blk(3)};
	b[0].brk_before = 1; /* first block: the page is empty, no break */
	b[1].brk_before = 1;
	b[2].keep_together = 1;
	EXPECT(b, 2, 2, 2, "0:0-2@0/0 1:0-2@1/0 2:0-3@1/20");
	struct ts_pblock c[] = {blk(8), blk(5)};
	c[1].keep_together = 1;
	EXPECT(c, 2, 2, 2, "0:0-8@0/0 1:0-5@1/0");
	struct ts_pblock d[] = {blk(15)};
	d[0].keep_together = 1;
	EXPECT(d, 2, 2, 2, "0:0-10@0/0 0:10-15@1/0");
	struct ts_pblock e[] = {blk(1), blk(1)};
	e[0].brk_after = 1; /* the title page */
	EXPECT(e, 2, 2, 2, "0:0-1@0/0 1:0-1@1/0");
}

static const char *ini(void)
{
	const struct embedded_file *f = embedded_find("stylesheets/print-verordening.ini");
	assert_non_null(f);
	return (const char *)f->data;
}

static void test_style(void **state)
{
	(void)state;
	struct ts_style st;
	char *err = NULL;
	assert_int_equal(ts_style_parse(&st, "v.ini", ini(), strlen(ini()), &err), 0);
	assert_true(st.page_w > 595.2 && st.page_w < 595.3);
	assert_string_equal(st.role[TR_BODY].font, "Charis SIL");
	assert_true(st.role[TR_BODY].justify && st.role[TR_BODY].hyphenate);
	assert_int_equal(st.widows, 2);
	assert_string_equal(st.lang, "nl-NL");

	char *more = xasprintf("%s\n[h1]\nschaduw = ja\n", ini());
	assert_int_equal(ts_style_parse(&st, "v.ini", more, strlen(more), &err), -1);
	assert_string_equal(err, "v.ini: onbekende sleutel [h1] schaduw");
	free(err);
	free(more);

	const char *p = strstr(ini(), "breedte = 595.276");
	assert_non_null(p);
	char *less = xasprintf("%.*s%s", (int)(p - ini()), ini(), p + strlen("breedte = 595.276"));
	assert_int_equal(ts_style_parse(&st, "v.ini", less, strlen(less), &err), -1);
	assert_string_equal(err, "v.ini: [pagina] breedte ontbreekt");
	free(err);
	free(less);

	p = strstr(ini(), "link-kleur = #1f3f7a");
	char *bad = xasprintf("%.*slink-kleur = blauw%s", (int)(p - ini()), ini(), p + strlen("link-kleur = #1f3f7a"));
	assert_int_equal(ts_style_parse(&st, "v.ini", bad, strlen(bad), &err), -1);
	assert_string_equal(err, "v.ini: [pagina] link-kleur is een kleur als #1a2b3c");
	free(err);
	free(bad);
}

static char *hyph(const char *w)
{
	void *d = ts_hyph_dict("/usr/share/hyphen/hyph_nl_NL.dic");
	assert_non_null(d);
	struct strbuf s;
	strbuf_init(&s);
	ts_hyph_word(d, w, strlen(w), &s);
	/* show U+00AD as '|' */
	struct strbuf o;
	strbuf_init(&o);
	for (size_t i = 0; i < s.len; i++) {
		if ((unsigned char)s.buf[i] == 0xC2 && (unsigned char)s.buf[i + 1] == 0xAD) {
			strbuf_putc(&o, '|');
			i++;
		} else {
			strbuf_putc(&o, s.buf[i]);
		}
	}
	strbuf_release(&s);
	return strbuf_detach(&o, NULL);
}

#define HYPH(w, want)                       \
	do {                                    \
		char *h_ = hyph(w);                 \
		assert_string_equal(h_, want);      \
		free(h_);                           \
	} while (0)

static void test_hyphenation(void **state)
{
	(void)state;
	HYPH("verkeersveiligheidsmaatregelen", "ver|keers|vei|lig|heids|maat|re|ge|len");
	HYPH("maatschappelijke", "maat|schap|pe|lijke"); /* "lij|ke": 3 letters at the end */
	HYPH("Maatwerkvoorziening", "Maat|werk|voor|zie|ning");
	HYPH("cliëntondersteuning", "cli|ën|ton|der|steu|ning"); /* the patterns miss the compound seam */
	HYPH("wet", "wet");            /* shorter than 5 letters */
	HYPH("ambt", "ambt");
	HYPH("gebieden", "ge|bie|den"); /* at least 3 letters at the end */
}


/* A print XHTML document around BODY with the given style. */
static xmlDocPtr doc_of(const char *stijl, const char *status, const char *body)
{
	char *x = xasprintf("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\"><head>"
	                    "<title>Proef</title><meta name=\"author\" content=\"Gemeente Proef\"/>"
	                    "<meta name=\"ovc-status\" content=\"%s\"/><meta name=\"ovc-versie\" content=\"1.0\"/>"
	                    "<meta name=\"ovc-datum\" content=\"2026-12-17\"/><meta name=\"ovc-stijl\" content=\"%s\"/>"
	                    "</head><body><main>%s</main></body></html>",
	                    status, stijl, body);
	xmlDocPtr d = xmlReadMemory(x, (int)strlen(x), "proef.html", NULL, XML_PARSE_NONET);
	free(x);
	assert_non_null(d);
	return d;
}

/* Typeset BODY; returns the error (or NULL) and the text in TEXT. */
static char *typeset_body(const char *stijl, const char *body, struct typeset_stats *st, char **text)
{
	xmlDocPtr d = doc_of(stijl, "vastgesteld", body);
	char *pdf = NULL, *err = NULL;
	size_t len = 0;
	char *name = xasprintf("stylesheets/print-%s.ini", stijl);
	const struct embedded_file *sf = embedded_find(name);
	struct typeset_input in = {d, name, sf ? (const char *)sf->data : "", sf ? sf->len : 0,
	                           "/tmp/ovc-test-typeset"};
	int rc = typeset_pdf(&in, &pdf, &len, st, &err);
	free(name);
	xmlFreeDoc(d);
	if (rc != 0) {
		assert_non_null(err);
		return err;
	}
	assert_null(err);
	FILE *f = fopen("/tmp/ovc-test-typeset/t.pdf", "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(pdf, 1, len, f), len);
	fclose(f);
	free(pdf);
	if (text) {
		FILE *p = popen("pdftotext -layout /tmp/ovc-test-typeset/t.pdf -", "r");
		assert_non_null(p);
		struct strbuf sb;
		char buf[4096];
		size_t n;
		strbuf_init(&sb);
		while ((n = fread(buf, 1, sizeof buf, p)) > 0)
			for (size_t i = 0; i < n; i++) /* runs of spaces as one */
				if (buf[i] != ' ' || !sb.len || sb.buf[sb.len - 1] != ' ')
					strbuf_putc(&sb, buf[i]);
		pclose(p);
		*text = strbuf_detach(&sb, NULL);
	}
	return NULL;
}

static int setup_dir(void **state)
{
	(void)state;
	if (system("mkdir -p /tmp/ovc-test-typeset") != 0)
		return -1;
	/* a 40x20 PNG for the figure */
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 40, 20);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 0.2, 0.4, 0.6);
	cairo_paint(cr);
	cairo_destroy(cr);
	int rc = cairo_surface_write_to_png(s, "/tmp/ovc-test-typeset/blok.png") == CAIRO_STATUS_SUCCESS ? 0 : -1;
	cairo_surface_destroy(s);
	return rc;
}

/* fontconfig's process-wide configuration (pango loads it in a thread of
 * its own) is released, so leak checkers see only the typesetter's own
 * memory. */
static int teardown(void **state)
{
	(void)state;
	FcFini();
	return 0;
}

/* Every element of the subset: labels from ol/@start and @type, a
 * definition list, a table, a PNG figure, a rule, inline markup; the
 * text comes out in order with the labels hanging. */
static void test_subset(void **state)
{
	(void)state;
	struct typeset_stats st;
	char *text = NULL;
	char *err = typeset_body("verordening",
	    "<section class=\"titelpagina\"><h1 id=\"titel\">Proef</h1></section>"
	    "<nav class=\"toc\"/>"
	    "<section id=\"d1\" class=\"nieuwe-pagina\"><h1 id=\"d1k\">Deel 1</h1>"
	    "<h2 id=\"h1k\">Hoofdstuk 1</h2><h3 id=\"a1\">Artikel 1.1 Proef</h3>"
	    "<ol type=\"a\" start=\"3\"><li>derde</li><li>vierde<ul><li>los</li></ul></li></ol>"
	    "<dl><dt>term</dt><dd>uitleg van de term</dd></dl>"
	    "<table><thead><tr><th>Kop A</th><th>Kop B</th></tr></thead>"
	    "<tbody><tr><td>cel 1</td><td>cel 2</td></tr></tbody></table>"
	    "<figure><img src=\"blok.png\" alt=\"Een blauw blok\"/><figcaption>Figuur 1</figcaption></figure>"
	    "<hr/><blockquote>geciteerd</blockquote>"
	    "<p>H<sub>2</sub>O, x<sup>2</sup>, <code>code</code>, <em>nadruk</em>, <strong>vet</strong>,"
	    " <a href=\"#a1\">artikel 1.1</a>, <a href=\"https://example.org/\">extern</a>.</p>"
	    "</section>",
	    &st, &text);
	assert_null(err);
	assert_int_equal(st.pages, 3); /* title, TOC, Deel 1 */
	assert_non_null(strstr(text, "Proef\nVastgesteld · versie 1.0 · 17 december 2026\n"));
	assert_int_equal(st.figures, 1);
	assert_int_equal(st.links, 3 + 2); /* three TOC entries, two links */
	assert_int_equal(st.outline, 4);  /* Inhoudsopgave, Deel, Hoofdstuk, Artikel */
	assert_non_null(strstr(text, "\nc. derde\n"));
	assert_non_null(strstr(text, "\nd. vierde\n"));
	assert_non_null(strstr(text, "\n • los\n"));
	assert_non_null(strstr(text, "\nKop A Kop B\n"));
	assert_non_null(strstr(text, "\ncel 1 cel 2\n"));
	assert_non_null(strstr(text, "Figuur 1"));
	assert_non_null(strstr(text, "\nterm\n uitleg van de term\n"));
	assert_non_null(strstr(text, "pagina 3 van 3"));
	assert_null(strstr(text, "ONTWERP")); /* vastgesteld: no watermark */
	free(text);
}

static void test_refusals(void **state)
{
	(void)state;
	struct typeset_stats st;
	char *err = typeset_body("verordening", "<p>a</p><video/>", &st, NULL);
	assert_string_equal(err, "element <video> valt buiten de druk-XHTML (docs/print-xhtml.md)");
	free(err);
	err = typeset_body("verordening", "<p>a <img src=\"x.png\" alt=\"x\"/></p>", &st, NULL);
	assert_string_equal(err, "element <img> hoort niet in een alinea (docs/print-xhtml.md)");
	free(err);
	err = typeset_body("verordening", "<figure><img src=\"weg.png\" alt=\"x\"/></figure>", &st, NULL);
	assert_string_equal(err, "afbeelding weg.png ontbreekt of is geen PNG");
	free(err);
	err = typeset_body("verordening", "<figure><img src=\"../blok.png\" alt=\"x\"/></figure>", &st, NULL);
	assert_string_equal(err, "<img> zonder geldige src of alt");
	free(err);
	/* the caller's style is used as given: an empty one lacks every key */
	err = typeset_body("krant", "<p>a</p>", &st, NULL);
	assert_string_equal(err, "stylesheets/print-krant.ini: [pagina] breedte ontbreekt");
	free(err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_plain),
		cmocka_unit_test(test_widow),
		cmocka_unit_test(test_orphan),
		cmocka_unit_test(test_keep_with_next),
		cmocka_unit_test(test_space_before),
		cmocka_unit_test(test_breaks_and_keep_together),
		cmocka_unit_test(test_style),
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test(test_subset),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, setup_dir, teardown);
}
