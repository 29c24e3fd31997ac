#ifndef OVC_WALK_H
#define OVC_WALK_H

/*
 * The model's walker: every paragraph-like block (BLK_PARA, BLK_HEADING)
 * of an ordinance, in document order (aanhef, toelichting, themes, the
 * articles block by block, the annexes' toelichting), with the article,
 * lid and onderdeel it belongs to (NULL outside). The model owns it, so
 * that checks, emitters and the language server walk the text without the
 * resolver.
 *
 * Two entries on one walk. ordinance_each_text is for readers: the model
 * and every block are const. ordinance_each_text_mut hands out mutable
 * blocks, for the one analysis that writes into the runs (resolve.c
 * annotates references and terms); it exists so that the resolver needs no
 * cast, and takes a mutable ordinance so a reader cannot reach it by
 * accident. The context (article, lid, point) is const in both: nothing
 * annotates the units through the walk.
 */

struct blk;
struct unit;
struct lid;
struct point;
struct ordinance;

struct text_ctx {
	const struct unit *article;
	const struct lid *lid;
	const struct point *point;
	int block;         /* enum block_kind, or -1 outside articles */
	int in_definition; /* inside a type=begrippen/kernwaarden entry */
	const char *where; /* "toelichting", "aanhef", "thema" outside articles */
};

typedef void (*text_fn)(const struct blk *b, const struct text_ctx *ctx, void *ud);
typedef void (*text_mut_fn)(struct blk *b, const struct text_ctx *ctx, void *ud);

/* Call FN for every paragraph-like block of O, with its context. */
void ordinance_each_text(const struct ordinance *o, text_fn fn, void *ud);

/* The same walk, for an analysis that writes into the blocks' runs. */
void ordinance_each_text_mut(struct ordinance *o, text_mut_fn fn, void *ud);

#endif
