#ifndef OVC_HERKOMST_H
#define OVC_HERKOMST_H

/*
 * Where the articles come from: herkomst= on the articles of the new
 * ordinance and the old texts in oud/, read into one struct herkomst, and
 * the check on them. The transponeringstabel (src/emit/transpose.c) is
 * written from the same struct; this module reports, that one writes.
 *
 * Articles of the new ordinance say where they come from with
 * herkomst="<citeertitel>, artikel 12" (several separated by ';'); an old
 * article deliberately not carried over is written as
 * "<citeertitel>, artikel 12 vervallen: <reden>" on any article, usually
 * the intrekkingsartikel.
 *
 * The old texts themselves (CVDR XML or .docx, as `ovc import` reads them)
 * may sit in the folder oud/ of the source directory. Then `ovc check`
 * reports every article of an old ordinance that the intrekkingsartikel
 * (an article saying "ingetrokken") names and that no herkomst= accounts
 * for [herkomst-ontbreekt], and every herkomst= naming an article the old
 * text does not have [herkomst-onbekend].
 */

#include <stddef.h>

#include "model.h"

struct diag_sink;

/* One herkomst entry: the old ordinance and article, or its lapse. */
struct herkomst_link {
	char *cite; /* the old ordinance as named */
	char *art;  /* "12", "3.4a", or "hoofdstuk 2" */
	int vervallen;
	char *reason; /* after "vervallen:", or NULL */
	const struct unit *u;
	struct span span; /* the entry inside the attribute value */
};

/* An old text from oud/. */
struct herkomst_old {
	char *cite, *title, *path;
	char **arts;
	size_t narts, cap;
};

/* What herkomst_links and herkomst_olds read; start from {0}. */
struct herkomst {
	struct herkomst_link *links;
	size_t nlinks, cap;
	struct herkomst_old *olds;
	size_t nolds, capolds;
};

/*
 * Add every herkomst= entry of O's articles to T. A malformed entry is
 * reported to D [structuur-attribuut], or skipped silently when D is NULL.
 */
void herkomst_links(const struct ordinance *o, struct herkomst *t, struct diag_sink *d);

/*
 * Add the old texts in O->dir/oud/ (*.xml as CVDR, *.docx) to T, in name
 * order, with their article numbers. An unreadable one is reported to D at
 * line 1 of verordening.md [herkomst-onbekend] (skipped when D is NULL);
 * no oud/ adds nothing.
 */
void herkomst_olds(const struct ordinance *o, struct herkomst *t, struct diag_sink *d);

/* 0 when A and B are equal, ASCII case ignored (citeertitels, article numbers); else 1. */
int herkomst_casecmp(const char *a, const char *b);

/* Does OD's citeertitel or title equal CITE (ASCII case ignored)? */
int herkomst_names_old(const struct herkomst_old *od, const char *cite);

/* Free what T holds (not T itself). */
void herkomst_release(struct herkomst *t);

/* The checks above; silent when no article has herkomst= and oud/ is absent. */
void herkomst_check(const struct ordinance *o, struct diag_sink *d);

#endif
