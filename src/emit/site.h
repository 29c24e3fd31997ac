#ifndef OVC_SITE_H
#define OVC_SITE_H

/*
 * The citizen edition as a small site (docs/editions.md): the screen
 * transform of stylesheets/publieksversie.xsl returns a bundle
 *
 *   <ovc:site xmlns:ovc="https://ovc.nl/ns/1">
 *     <ovc:pagina bestand="publieksversie.html"><html>…</html></ovc:pagina>
 *     <ovc:pagina bestand="publieksversie-wonen.html"><html>…</html></ovc:pagina>
 *     …
 *   </ovc:site>
 *
 * and site_write() writes each page to OUT/<bestand>, serialised as the
 * stylesheet's xsl:output says (the HTML5 doctype), atomically, with the
 * CSS beside it (edition_write_html). A bestand must be a plain file name
 * of ASCII letters, digits, '-', '_' and '.' ending in .html (no folder, no
 * ".."); anything else is refused. A theme id with other characters
 * (themas.md) therefore fails the build with a message, never a stray file.
 *
 * Returns 0, or -1 with *ERR (malloc'ed, Dutch).
 */

#include <libxml/tree.h>

int site_write(xmlDocPtr akn, const char *sheet, const char *out, char **err);

#endif
