#ifndef OVC_CHECK_READABILITY_H
#define OVC_CHECK_READABILITY_H

/*
 * The readability pass over the model: every article's Doel, Regels and
 * Toelichting with profile B2, its Voor inwoners text with profile B1
 * (src/check/readability.h, docs/readability.md). Findings become diagnostics
 * at their exact source position (the runs keep source offsets), with the
 * profile's severity; unit-level findings (zin-gemiddeld,
 * lijdende-vorm-aandeel) go to the article's heading or to its
 * "#### Voor inwoners" heading. The same pass collects the figures for
 * `ovc stats` and leesbaarheid.html.
 */

#include <stddef.h>

#include "readability.h"

struct diag_sink;
struct ordinance;
struct source;
struct unit;

/* Figures of one article. */
struct rd_article {
	const struct unit *article;
	struct readability_counts legal;   /* Doel + Regels + Toelichting (B2) */
	struct readability_counts citizen; /* Voor inwoners (B1) */
	int has_citizen;                   /* the article has a Voor inwoners text */
};

/* One measured sentence, placed in the source. */
struct rd_sentence {
	size_t article;            /* index in rd_stats.art */
	int citizen;               /* in the Voor inwoners text */
	unsigned long words;       /* as measured (an item with its lead-in) */
	const struct source *src;
	size_t start, end;         /* the sentence (an item: the item) */
	size_t lead_start, lead_end; /* an item's lead-in in the same source, or both 0 */
	char text[400];            /* the text as read ("lead-in … item"), cut at a word with "…" */
};

#define RD_WORST 10 /* longest sentences kept per profile */

struct rd_stats {
	struct rd_article *art; /* every article, in order */
	size_t nart;
	struct readability_counts legal, citizen; /* the edition */
	struct rd_sentence worst[2][RD_WORST];    /* [0] legal, [1] citizen: longest first */
	size_t nworst[2];
	int sent_warn[2], asl_warn[2], fd_ref[2]; /* the profiles' limits and Flesch-Douma reference, for charts */
};

/*
 * Run the pass over O. Diagnostics go to D (NULL: none). When STATS is not
 * NULL it is filled (free with rd_stats_release). Reads only. Returns 0, or
 * -1 when a profile is unknown (a missing or malformed embedded list stops
 * the program: tsv.h).
 */
int check_readability(const struct ordinance *o, struct diag_sink *d, struct rd_stats *stats);

void rd_stats_release(struct rd_stats *s);

/*
 * The same pass in a thread of its own, beside check_ordinance and
 * resolve_ordinance (issue 22: ovc check at 100,000 articles). It reads
 * only what those two leave alone (the blocks and the text of each run);
 * its findings are held back and reported by check_readability_finish,
 * after the resolver's annotations exist, in the order the sequential
 * pass reports them. No stats. Finish returns as check_readability does.
 */
struct rd_async;
struct rd_async *check_readability_start(const struct ordinance *o);
int check_readability_finish(struct rd_async *a, struct diag_sink *d);

#endif
