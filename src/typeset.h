#ifndef OVC_TYPESET_H
#define OVC_TYPESET_H

/*
 * The PDF typesetter: print XHTML (docs/print-xhtml.md) + a print style
 * (the text of a stylesheets/print-*.ini, docs/typesetter.md) → a PDF,
 * with pango 1.50 and cairo 1.16. It is not a browser: it lays out a
 * closed subset of XHTML. It knows nothing of editions, stylesheets or
 * output names: the caller (src/build.c, through src/pdfmodule.h) makes
 * the print XHTML and chooses the style. This is the whole interface of
 * the module ovc-pdf.so; an edition that wants a PDF (the legal edition,
 * the citizen edition, the raadsbesluit, a renvooi) calls it the same way:
 *
 *   const struct embedded_file *f = embedded_find("stylesheets/print-verordening.ini");
 *   struct typeset_input in = {xhtml, f->path, (const char *)f->data, f->len, "verordening"};
 *   char *err = NULL;
 *   if (pdfmodule_typeset(&in, "out/verordening.pdf", &err))
 *           report err;
 *
 * Links: "#id" must name an id in the document (else the link is left
 * out); "name.html#id" becomes the relative URI "name.pdf#id" (another
 * edition beside this one); http(s) and mailto stay URIs.
 *
 * Processes: call it once per process at a time (pango 1.50 keeps shared
 * state between threads); src/build.c runs editions in parallel in
 * forked processes. The hyphenation dictionary is loaded once per process.
 */

#include <libxml/tree.h>
#include <stddef.h>

/* Timings and counts of one run, for benchmarks and tests. */
struct typeset_stats {
	int pages;
	int toc_pages;
	size_t blocks, lines, links, dests, outline, figures, hyphen_breaks;
	size_t overfull; /* lines wider than their measure */
	size_t relaid;   /* blocks laid out again when drawn (memory budget) */
	double ms_layout, ms_emit; /* layout = boxes + lines + pagination */
	double ms_boxes, ms_lines;
	double mb_start, mb_laid_out, mb_end; /* resident memory, MB */
};

/* One typesetting job. All pointers are borrowed. */
struct typeset_input {
	xmlDocPtr doc;          /* print XHTML */
	const char *style_name; /* the style's name in messages ("stylesheets/print-verordening.ini") */
	const char *style;      /* the style's text, STYLE_LEN bytes */
	size_t style_len;
	const char *basedir; /* images (<img src>) are read relative to it */
};

/*
 * Typeset IN to PDF bytes. Returns 0 and the bytes in *PDF (malloc'ed)
 * and *LEN, or -1 with *ERR (malloc'ed, Dutch). STATS may be NULL.
 * Deterministic: the same input and SOURCE_DATE_EPOCH give the same bytes.
 */
int typeset_pdf(const struct typeset_input *in, char **pdf, size_t *len,
                struct typeset_stats *stats, char **err);

/* typeset_pdf() written atomically to PATH (src/output.h); with
 * OVC_TYPESET_STATS set, one line of figures on stderr. */
int typeset_pdf_file(const struct typeset_input *in, const char *path, char **err);

/* OVC_VERSION of the ovc this typesetter was built with: ovc checks it
 * when it loads the typesetter as ovc-pdf.so (src/pdfmodule.h). */
extern const char *const typeset_module_version;

#endif
