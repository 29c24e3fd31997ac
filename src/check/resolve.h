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

/*
 * Call FN for every paragraph-like block (BLK_PARA, BLK_HEADING) of the
 * ordinance, with the article and lid it belongs to (NULL outside). Also
 * used by the readability and illustration checks.
 */
struct blk;
struct unit;
struct lid;
struct point;
struct text_ctx {
	struct unit *article;
	struct lid *lid;
	struct point *point;
	int block;          /* enum block_kind, or -1 outside articles */
	int in_definition;  /* inside a type=begrippen/kernwaarden entry */
	const char *where;  /* "toelichting", "aanhef", "thema" outside articles */
};
typedef void (*text_fn)(struct blk *b, const struct text_ctx *ctx, void *ud);
void ordinance_each_text(struct ordinance *o, text_fn fn, void *ud);

#endif
