#ifndef OVC_NUMBERING_RECORD_H
#define OVC_NUMBERING_RECORD_H

/*
 * The memory of the numbering (docs/format.md "De nummering bewaren"):
 * DIR/.nummering lists every chapter, article, lid and onderdeel with its
 * number and a stable identity (its #label, or a fingerprint of its heading
 * and first words). A plain reference ("artikel 9.9", "het tweede lid",
 * "onder b") whose number now denotes another unit than in the record is
 * reported (verwijzing-verschoven) with the number that keeps it on its
 * unit as the fix; `ovc hernummer` applies those fixes.
 *
 * Without a record the numbers written in the headings stand in for the
 * previous numbering of chapters and articles (a heading still reading
 * "Artikel 9.9" that is now 9.10 says where 9.9 went); leden and
 * onderdelen are then not compared.
 */

#include <stddef.h>

struct diag_sink;
struct ordinance;

/* Name of the record inside the source directory. */
#define NUMBERING_RECORD_NAME ".nummering"

/*
 * Compare the references of O against the record in O->dir (or the
 * written heading numbers) and report every shifted plain reference to D.
 * Reads only; cheap when nothing was renumbered (no text is scanned).
 */
void numbering_check(const struct ordinance *o, struct diag_sink *d);

/*
 * The record of O's current numbering, as text (malloc'ed, *LEN bytes).
 * Deterministic: the same model gives the same bytes.
 */
char *numbering_record_text(const struct ordinance *o, size_t *len);

/*
 * Write the record of O into O->dir atomically, unless the file already
 * holds exactly these bytes (then nothing is touched). *WRITTEN (may be
 * NULL) tells whether the file was written. Returns 0, or -1 with *ERR
 * (malloc'ed, Dutch).
 */
int numbering_record_save(const struct ordinance *o, int *written, char **err);

#endif
