#ifndef OVC_COMPILE_H
#define OVC_COMPILE_H

/*
 * The front end in one call: read and parse the sources, run the checks,
 * resolve references and terms. The stages run in order and stop between
 * phases: unreadable text stops before parsing. Diagnostics go to D.
 */

struct diag_sink;
struct ordinance;

/*
 * Compile DIR into *O (the caller frees it with ordinance_free).
 * Returns 0, or -1 when DIR or verordening.md cannot be read; then *ERR
 * holds a malloc'ed Dutch message and *O is NULL.
 */
int compile_ordinance(const char *dir, struct ordinance **o, struct diag_sink *d, char **err);

#endif
