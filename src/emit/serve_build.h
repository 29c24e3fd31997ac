#ifndef OVC_SERVE_BUILD_H
#define OVC_SERVE_BUILD_H

/*
 * The quick build `ovc serve` runs after each save: the outputs a writer
 * looks at in the browser (verordening.akn.xml, the illustrations, both
 * HTML editions with their CSS, leesbaarheid.html), the same bytes
 * `ovc build` writes for them, each written atomically. No PDFs: those
 * take longer than a save should, and `ovc build` makes them.
 */

struct ordinance;
struct rd_stats;

/*
 * ST: the readability figures of O from compile_ordinance_stats, so the text
 * is not measured twice. The two stylesheets run in
 * two threads. Returns 0, or -1 with *ERR (malloc'ed, Dutch) on the first
 * failure.
 */
int serve_build_html(struct ordinance *o, const struct rd_stats *st, const char *out, char **err);

#endif
