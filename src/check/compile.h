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

/*
 * As compile_ordinance; the readability pass also fills *STATS (free with
 * rd_stats_release), so `ovc stats` measures the text once. STATS is left
 * empty when the sources could not be parsed.
 */
struct rd_stats;
int compile_ordinance_stats(const char *dir, struct ordinance **o, struct diag_sink *d, char **err,
                            struct rd_stats *stats);

#endif
