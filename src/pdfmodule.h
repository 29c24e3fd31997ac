#ifndef OVC_PDFMODULE_H
#define OVC_PDFMODULE_H

/*
 * The PDF typesetter lives in a module of its own, ovc-pdf.so, which ovc
 * loads only when it builds the PDFs. Linking pango, cairo, librsvg and
 * fontconfig into ovc itself costs every run about 6 ms to map and relocate
 * their 40 shared libraries, a quarter of `ovc check` on a 25,000-word
 * ordinance; check and stats never typeset.
 *
 * The module's interface is src/typeset.h: print XHTML + a print style in,
 * one PDF out; it knows nothing of editions. Which editions get a PDF, from
 * which stylesheet and with which style, is src/build.c's table.
 *
 * The module is looked for beside the running ovc (the build tree:
 * build/ovc-pdf.so) and then in ../lib/ovc/ relative to it (an installed
 * ovc: PREFIX/bin/ovc, PREFIX/lib/ovc/ovc-pdf.so). Its symbols
 * typeset_pdf_file and typeset_module_version are looked up; the version
 * must equal OVC_VERSION. A program that links the typesetter in (the unit
 * tests) uses it directly.
 */

#include "typeset.h"

/* Find and load the module. Returns 0, or -1 with *ERR (malloc'ed, Dutch).
 * Loading twice is harmless. */
int pdfmodule_load(char **err);

/* typeset_pdf_file() (src/typeset.h) through the module; loads it first. */
int pdfmodule_typeset(const struct typeset_input *in, const char *path, char **err);

#endif
