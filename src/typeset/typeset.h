#ifndef OVC_TYPESET_H
#define OVC_TYPESET_H

/*
 * The PDF editions: a typesetter for the print XHTML of an edition
 * (docs/print-xhtml.md) with pango 1.50 and cairo 1.16. It is not a
 * browser: it lays out a closed subset of XHTML with a print style kept as
 * data (stylesheets/print-<stijl>.ini, chosen by <meta name="ovc-stijl">).
 * docs/typesetter.md describes the design.
 *
 *   char *err = NULL;
 *   if (typeset_pdf_file(xhtml, "verordening", "out/verordening.pdf", &err))
 *           report err;
 *
 * Processes, not threads: each call has its own font map, fontconfig
 * configuration and cairo surface, but pango 1.50 keeps shared state, so
 * two editions are typeset in two processes (typeset_editions), never in two
 * threads at once. The hyphenation dictionary is loaded once per process.
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

/*
 * Typeset DOC (borrowed; print XHTML) to PDF bytes. Images are read
 * relative to BASEDIR. Returns 0 and the bytes in *PDF (malloc'ed) and
 * *LEN, or -1 with *ERR (malloc'ed, Dutch). STATS may be NULL.
 * Deterministic: the same DOC and SOURCE_DATE_EPOCH give the same bytes.
 */
int typeset_pdf(xmlDocPtr doc, const char *basedir, char **pdf, size_t *len,
                struct typeset_stats *stats, char **err);

/* typeset_pdf() written atomically to PATH (src/output.h). */
int typeset_pdf_file(xmlDocPtr doc, const char *basedir, const char *path, char **err);

/*
 * Both PDF editions of AKN (borrowed): the print XHTML of
 * stylesheets/verordening.xsl and publieksversie.xsl, typeset in two
 * processes and written to OUT/verordening.pdf and OUT/publieksversie.pdf.
 * Returns 0, or -1 with *ERR.
 */
int typeset_editions(xmlDocPtr akn, const char *basedir, const char *out, char **err);

/* OVC_VERSION of the ovc this typesetter was built with: ovc checks it
 * when it loads the typesetter as ovc-pdf.so (src/pdfmodule.h). */
extern const char *const typeset_module_version;

#endif
