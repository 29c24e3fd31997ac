#ifndef OVC_EDITION_H
#define OVC_EDITION_H

/*
 * The HTML editions: the embedded XSLT stylesheets (the .xsl files in
 * stylesheets/, see docs/editions.md) applied in-process with libxslt to
 * the Akoma Ntoso IR.
 *
 *   struct edition_error err;
 *   xmlDocPtr html = edition_transform("stylesheets/verordening.xsl", akn,
 *                                      "screen", &err);
 *   if (html == NULL || edition_write_html(html, "stylesheets/verordening.xsl",
 *                                          "out/verordening.html", &err) != 0)
 *           report err.message;
 *   xmlFreeDoc(html);
 *
 * Safety: stylesheets come only from the table compiled into the binary
 * (xsl:import / xsl:include are served from it; everything else is
 * refused); a transformation may not read or write files, create
 * directories or use the network; parsing uses XML_PARSE_NONET. libxml2
 * and libxslt messages go into struct edition_error, never to stderr.
 *
 * Threads: each stylesheet is parsed once per process and then shared
 * read-only; edition_transform() may run in several threads at once, on
 * the same or different stylesheets and on the same AKN document (which
 * it only reads: it transforms a private copy, because libxslt strips
 * whitespace and numbers the nodes of its input in place).
 */

#include <libxml/tree.h>

/* What went wrong, for the caller to report. */
struct edition_error {
	int count;          /* messages received from libxml2/libxslt */
	char message[1024]; /* their text, one line, cut at the end; "" if none */
};

/*
 * Transform AKN with the embedded stylesheet SHEET (its path in the
 * table, e.g. "stylesheets/publieksversie.xsl") for MEDIUM, "screen" or
 * "print" (docs/print-xhtml.md).
 *
 * AKN is borrowed and not modified. Returns the XHTML document, owned by
 * the caller (free it with xmlFreeDoc), or NULL with ERR filled in (ERR
 * may be NULL). Messages of a successful run (xsl:message) are in ERR too.
 */
xmlDocPtr edition_transform(const char *sheet, xmlDocPtr akn, const char *medium,
                            struct edition_error *err);

/*
 * Serialise HTML, a result of edition_transform() with the same SHEET,
 * as SHEET's xsl:output says (the bytes xsltproc writes), to PATH:
 * written to a temporary file beside it and renamed, so PATH is never
 * seen half-written. The CSS files the page links to (<link
 * rel="stylesheet" href="basis.css">) are written beside it from the
 * table the same way.
 *
 * HTML is borrowed. Returns 0, or -1 with ERR filled in (errno-based
 * message for I/O errors); on failure no temporary file is left behind.
 */
int edition_write_html(xmlDocPtr html, const char *sheet, const char *path,
                       struct edition_error *err);

/*
 * Free the parsed stylesheets and the security preferences. Only when no
 * transformation is running, e.g. at exit; optional (leak checkers).
 */
void edition_cleanup(void);

#endif
