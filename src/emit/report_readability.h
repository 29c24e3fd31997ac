#ifndef OVC_REPORT_READABILITY_H
#define OVC_REPORT_READABILITY_H

/*
 * leesbaarheid.html: one self-contained page for policy writers with the
 * readability figures per article, an inline SVG chart per part (average
 * sentence length and Flesch-Douma per article against the profiles'
 * limits, each with a title, a description and the table as its text
 * alternative), the longest sentences with their place in the source, and
 * links to the articles in verordening.html. Dutch, no scripts, no network.
 */

#include <stddef.h>

struct ordinance;
struct rd_stats;

/* The page as a malloc'ed string of *LEN bytes. */
char *report_readability_html(const struct ordinance *o, const struct rd_stats *st, size_t *len);

/*
 * Write OUT/leesbaarheid.html atomically from ST, the figures the check
 * measured (compile_ordinance_stats): the text is measured once per build.
 * Returns 0, or -1 with *ERR set.
 */
int report_readability_write(const struct ordinance *o, const struct rd_stats *st, const char *out,
                             char **err);

#endif
