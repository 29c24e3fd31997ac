#ifndef OVC_TRANSPOSE_H
#define OVC_TRANSPOSE_H

/*
 * The transponeringstabel: where each article of the old ordinances went.
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

struct diag_sink;
struct ordinance;

/* The checks above; silent when no article has herkomst= and oud/ is absent. */
void transpose_check(struct ordinance *o, struct diag_sink *d);

/*
 * When any article has herkomst=: OUT/transponeringstabel.html (old → new
 * and new → old), OUT/transponeringstabel.pdf and
 * OUT/transponeringstabel.md (the same as a Markdown section for the
 * toelichting). Returns 0 (also when there is nothing to write), or -1
 * with *ERR.
 */
int transpose_write(struct ordinance *o, const char *out, char **err);

#endif
