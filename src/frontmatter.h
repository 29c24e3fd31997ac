#ifndef OVC_FRONTMATTER_H
#define OVC_FRONTMATTER_H

/*
 * The YAML front matter of verordening.md (libyaml): titel, citeertitel,
 * gemeente, gemeentecode, status, versie, vastgesteld, inwerkingtreding,
 * voorstel, advies, nummering, plichten, voorstelnummer. Values are stored in o->fm[] with their
 * spans; problems are reported to D (rule voorblad).
 */

#include <stddef.h>

struct diag_sink;
struct ordinance;
struct source;

/*
 * Parse the front matter at the start of SRC into O. Returns the byte
 * offset just after the closing "---" line (0 when there is none).
 */
size_t frontmatter_parse(struct ordinance *o, const struct source *src, struct diag_sink *d);

/* The front-matter key for K ("titel", …). */
const char *frontmatter_key(int k);

#endif
