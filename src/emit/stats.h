#ifndef OVC_STATS_H
#define OVC_STATS_H

/*
 * `ovc stats`: the readability figures of the ordinance per article and for
 * the whole edition, as a terminal table (Dutch, decimal commas) or as JSON:
 *
 *   {"articles":[{"number","eId","title","legal":{…},"citizen":{…}|null}],
 *    "edition":{"legal":{…},"citizen":{…}|null},
 *    "profiles":{"legal":"B2","citizen":"B1"}}
 *
 * where each {…} holds the counts (words, sentences, syllables, …) and the
 * figures (asl, asw, flesch_douma, brouwer, …; null without sentences).
 */

#include <stdio.h>

struct ordinance;
struct rd_stats;

void stats_print_table(const struct ordinance *o, const struct rd_stats *st, FILE *out);
void stats_print_json(const struct ordinance *o, const struct rd_stats *st, FILE *out);

#endif
