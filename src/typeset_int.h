#ifndef OVC_TYPESET_INT_H
#define OVC_TYPESET_INT_H

/*
 * Internals of the typesetter, shared by src/typeset*.c and the unit
 * tests. Split by concern:
 *   typeset_style.c  the print style (stylesheets/print-*.ini)
 *   typeset_hyph.c   Dutch hyphenation: libhyphen → U+00AD
 *   typeset_page.c   pagination: keep, widow and orphan rules (pure logic)
 *   typeset_pdf.c    post-processing of cairo's PDF (incremental update)
 *   typeset_pdfa.c   its PDF/A parts: XMP, Artifacts, zlib
 *   typeset.c        XHTML → blocks, pango layout, cairo emission
 */

#include <stddef.h>

/* ------------------------------------------------------------ style */

/* Text roles: each is a section of the .ini with the same keys. */
enum ts_role {
	TR_BODY, TR_H1, TR_H2, TR_H3, TR_H4, TR_TITLE, TR_STATUS, TR_NOTE, TR_DOEL,
	TR_LABEL, TR_SMALL, TR_CAPTION, TR_TOC_TITLE, TR_TOC1, TR_TOC2, TR_TOC3,
	TR_HEADER, TR_FOOTER, TR_WATERMARK, TR_COUNT
};

struct ts_role_style {
	char font[64];
	double size, leading; /* pt; leading is the line-height factor */
	double before, after; /* space above and below the block, pt */
	double indent;        /* extra left indent, pt */
	int bold, italic, justify, hyphenate, center;
	double colour[3];
};

struct ts_style {
	char name[32];
	double page_w, page_h, m_top, m_bottom, m_left, m_right;
	double header_gap, footer_gap; /* baseline distance from the text area */
	double list_indent;            /* per nesting level; labels hang in it */
	double figure_max_h, figure_width; /* pt; width as a fraction of the measure */
	double toc_number_w, toc_level_indent;
	int toc_depth; /* headings h1..hN in the TOC */
	double watermark_alpha;
	double link_colour[3], rule_colour[3];
	int widows, orphans;
	char fonts[1024];   /* font files, separated by ':' */
	char hyphen_dict[256];
	char lang[16];
	struct ts_role_style role[TR_COUNT];
};

extern const char *const ts_role_names[TR_COUNT];

/* Parse the .ini text (NAME for messages). Every key must be present and
 * known. Returns 0, or -1 with *ERR (malloc'ed, Dutch). */
int ts_style_parse(struct ts_style *st, const char *name, const char *text, size_t len, char **err);

/* ------------------------------------------------------ hyphenation */

/* Open the dictionary once per process (thread-safe); NULL if unusable. */
void *ts_hyph_dict(const char *path);
/*
 * Append the UTF-8 word W (N bytes, letters only) to OUT with U+00AD at
 * every standard Dutch hyphenation point (left 2, right 3 letters).
 * Returns the number of soft hyphens inserted.
 */
struct strbuf;
int ts_hyph_word(void *dict, const char *w, size_t n, struct strbuf *out);

/* ------------------------------------------------------- pagination */

struct ts_pblock {
	int nlines;
	const double *lh;    /* height of each line, pt */
	double before, after;
	unsigned brk_before : 1;    /* starts a new page */
	unsigned keep_next : 1;     /* on the same page as the start of the next block */
	unsigned keep_together : 1; /* not split, unless taller than a page */
	unsigned brk_after : 1;     /* the next block starts a new page */
};

/* Lines FROM..TO-1 of BLOCK on PAGE (0-based), first line's top at Y. */
struct ts_place {
	int block, from, to, page;
	double y;
};

/*
 * Break the blocks into pages of height PAGE_H: headings and other
 * keep_next blocks stay with the first ORPHANS lines of what follows; no
 * page starts with fewer than WIDOWS lines of a block or ends with fewer
 * than ORPHANS (a lid's label line is never alone); keep_together blocks
 * (figures, signatures) are not split. Space before a block is dropped at
 * the top of a page. Returns the number of pages; *OUT (malloc'ed) holds
 * the placements in order.
 */
int ts_paginate(const struct ts_pblock *b, size_t n, double page_h, int widows, int orphans,
                struct ts_place **out, size_t *nout);

/* --------------------------------------------------- post-processing */

/* A link drawn on page PAGE (0-based): its rectangle in cairo's user
 * space (y down, pt) and its text, for the annotation's /Contents. */
struct ts_link {
	int page;
	double x, y, w, h;
	char *text;
};

/* What the update writes besides cairo's PDF (all borrowed). */
struct ts_pdf_meta {
	const char *lang;                       /* "nl-NL": /Lang, dc:language */
	char *const *alts;                      /* /Alt of the I-th Figure element */
	size_t nalt;
	const char *title, *author, *subject, *keywords, *producer; /* Info and XMP */
	const char *date;                       /* "2026-10-13T00:00:00Z" (UTC) */
	double page_h;                          /* to turn link rectangles into PDF space */
	const struct ts_link *links;
	size_t nlinks;
	const char *icc_path;                   /* the sRGB profile of the OutputIntent */
};

/*
 * Append an incremental update to the PDF in *PDF and *LEN (cairo's
 * output) that makes it PDF/A-2a and PDF/UA-1 as far as its structure
 * allows (docs/pdfa.md): the Catalog gets /Lang, DisplayDocTitle,
 * /Metadata (XMP) and an sRGB /OutputIntents; a new Info dictionary that
 * matches the XMP; every page /Tabs /S and its furniture marked as an
 * Artifact; every Link annotation /Contents (its text) and /F 4 (print);
 * every Figure structure element its /Alt. Returns 0, or -1 with *ERR
 * (malloc'ed, Dutch) when the PDF is not as cairo writes it or the ICC
 * profile is missing.
 */
int ts_pdf_postprocess(char **pdf, size_t *len, const struct ts_pdf_meta *m, char **err);

/* typeset_pdfa.c: zlib in and out; the XMP packet; furniture as Artifact
 * (the content stream S of N bytes with everything before its first
 * marked-content sequence wrapped in "/Artifact BMC … EMC"). Each returns
 * 0, or -1 when the input is not as expected. */
struct strbuf;
int ts_inflate(const char *in, size_t n, struct strbuf *out);
int ts_deflate(const char *in, size_t n, struct strbuf *out);
char *ts_pdf_xmp(const struct ts_pdf_meta *m, size_t *len);
int ts_pdf_artifacts(const char *s, size_t n, struct strbuf *out);

#endif
