#ifndef OVC_BUILD_H
#define OVC_BUILD_H

/*
 * Writing every output of `ovc build` into OUT: verordening.akn.xml, the
 * illustrations the texts use (OUT/illustraties/), and the editions.
 * Each file is written atomically; the model is only read.
 */

struct ordinance;
struct rd_stats; /* ST: the check's readability figures, for leesbaarheid.html */

/* Returns 0, or -1 with *ERR (malloc'ed, Dutch) on the first failure. */
int build_outputs(struct ordinance *o, const struct rd_stats *st, const char *out, char **err);

/* The same without the PDFs and the transponeringstabel (`ovc serve` after
 * each save): the AKN, the illustrations, every edition's HTML and the
 * readability report, from the check's figures ST. */
int build_html_outputs(struct ordinance *o, const struct rd_stats *st, const char *out, char **err);

#endif
