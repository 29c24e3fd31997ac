#ifndef OVC_LSP_NAV_H
#define OVC_LSP_NAV_H

/*
 * Navigation in a compiled ordinance for the language server: what sits
 * at a place in the source (a resolved reference, a labelled link, a use
 * of a defined term), where its target is written, and a short hover
 * text. Reads only what resolve.c recorded (annotations and link
 * targets); it resolves nothing itself.
 */

#include <stddef.h>

#include "model.h"

enum lsp_nav_kind { LSP_NAV_REF, LSP_NAV_LINK, LSP_NAV_TERM };

struct lsp_nav_spot {
	enum lsp_nav_kind kind;
	struct span span; /* the reference, link or term in the source */
	const char *href; /* "#eId", "#thema_id", "#term-id" or an external URL; borrowed */
};

/* The spot that contains byte OFF of SRC. Returns 1 and fills *SPOT, or 0. */
int lsp_nav_spot_at(const struct ordinance *o, const struct source *src, size_t off, struct lsp_nav_spot *spot);

/*
 * Where HREF's target is written: a unit's heading, a lid, an onderdeel,
 * a theme or a term in its definition list. *ARTICLE is the article that
 * holds it (NULL for themes, terms outside articles and non-articles).
 * Returns 1 when found, 0 for unknown or external targets.
 */
int lsp_nav_target(const struct ordinance *o, const char *href, struct span *span,
               const struct unit **article);

/*
 * Markdown for a hover on SPOT: the target article's heading and its first
 * lid (and the cited lid, when that is a later one); a term's definition;
 * an external link's address. malloc'ed, or NULL when there is nothing to
 * show.
 */
char *lsp_nav_hover(const struct ordinance *o, const struct lsp_nav_spot *spot);

#endif
