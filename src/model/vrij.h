#ifndef OVC_VRIJ_H
#define OVC_VRIJ_H

/*
 * The definitions of a regulation in opbouw: vrij (vrij.c), read while
 * parsing: the article whose lid ends in "wordt verstaan onder:" becomes
 * the begrippen article (type "begrippen", its terms in unit->terms), and
 * a term defined as a law's name, or "(hierna: de wet)" after one, becomes
 * an alias of that law (ordinance->aliases). It builds model data and
 * reports nothing; the checks and the resolver read the result like that of
 * type=begrippen. Called by parse_finish before the numbering.
 */

struct diag_sink;
struct ordinance;

void vrij_definitions(struct ordinance *o, struct diag_sink *d);

#endif
