#ifndef OVC_TRANSPOSE_H
#define OVC_TRANSPOSE_H

/*
 * The transponeringstabel: where each article of the old ordinances went,
 * from herkomst= and the old texts in oud/ as src/check/herkomst.h reads
 * them (the check on them is herkomst_check, in the check stage).
 */

struct ordinance;

/*
 * When any article has herkomst=: OUT/transponeringstabel.html (old → new
 * and new → old), OUT/transponeringstabel.pdf and
 * OUT/transponeringstabel.md (the same as a Markdown section for the
 * toelichting). Returns 0 (also when there is nothing to write), or -1
 * with *ERR.
 */
int transpose_write(const struct ordinance *o, const char *out, char **err);

#endif
