#ifndef OVC_RESOLVE_H
#define OVC_RESOLVE_H

/*
 * The analysis that links the text to the model: every citation in every
 * text (the three forms of DESIGN "References") is resolved against the
 * numbering and recorded as an annotation on its run, every labelled link
 * gets its target, and every use of a defined term is found and tagged.
 * Broken references, stale link texts, unknown laws and unused terms are
 * reported to the sink. Emitters read the annotations; they never resolve.
 */

struct diag_sink;
struct ordinance;

void resolve_ordinance(struct ordinance *o, struct diag_sink *d);

#endif
