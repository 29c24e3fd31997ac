#ifndef OVC_CHECK_H
#define OVC_CHECK_H

/*
 * The structural checks on the model: the order and presence of the law
 * parts, written numbers against computed ones, duplicate labels, the
 * blocks of each article (Doel first in the law parts, nothing empty),
 * ids in wet=/thema=/kernwaarden=/stap=, grondslag= citations, and the
 * illustrations (alt text, file present and parsable). Reports to D.
 * Fills in each grondslag's law, article and lid (used by the aanhef).
 */

struct diag_sink;
struct ordinance;

void check_ordinance(struct ordinance *o, struct diag_sink *d);

#endif
