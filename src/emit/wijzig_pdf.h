#ifndef OVC_WIJZIG_PDF_H
#define OVC_WIJZIG_PDF_H

/*
 * One PDF from print XHTML (docs/print-xhtml.md) for `ovc wijzig`: the
 * typesetter module's typeset_pdf_file, with the print style the XHTML
 * names (<meta name="ovc-stijl">). Kept in this one function so that a
 * change of the PDF module's interface touches one place.
 */

#include <stddef.h>

/* Typeset XHTML (LEN bytes) to PATH, images relative to BASEDIR.
 * Returns 0, or -1 with *ERR (malloc'ed, Dutch). */
int wz_pdf_write(const char *xhtml, size_t len, const char *basedir, const char *path, char **err);

#endif
