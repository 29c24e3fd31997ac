#ifndef OVC_HERNUMMER_H
#define OVC_HERNUMMER_H

/*
 * ovc hernummer: after articles, leden or onderdelen were inserted,
 * deleted or moved, make the numbers in the sources true again so that
 * every plain reference keeps pointing at the unit it pointed at:
 *   - shifted plain references (verwijzing-verschoven, numbering_record.h)
 *     get the number of the unit they meant;
 *   - headings get their computed number (structuur-nummer), link texts
 *     their label's number (label-nummer);
 *   - ordered-list markers of leden and onderdelen run 1, 2, 3 …;
 *   - with nummering: vast no number is changed: a heading without one is
 *     offered an inserted number after its predecessor (Aanwijzing 6.16,
 *     "9.3a").
 * Citations of other laws are never touched. Every change is printed to
 * OUT as "file:line: old → new". Unless DRY_RUN, the files are rewritten
 * atomically and the numbering record is saved. References that cannot
 * follow their unit (it was deleted) are printed as diagnostics to ERR.
 *
 * Returns the exit status: 0 done, 1 references left that point at a
 * deleted unit (or errors that stop the sources from being read), 2 the
 * sources or a file could not be read or written.
 */

#include <stdio.h>

int hernummer_run(const char *dir, int dry_run, FILE *out, FILE *err);

#endif
