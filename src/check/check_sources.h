#ifndef OVC_CHECK_SOURCES_H
#define OVC_CHECK_SOURCES_H

/*
 * The sources check [rechtsbronnen]: the grondslagen of the articles
 * (grondslag=), the "gelet op" of the aanhef and the list of legal
 * sources in the general explanation must name the same provisions.
 *
 * - The list under a heading "Rechtsbronnen" in the general explanation
 *   (verordening.md): every article of a law cited in a list item must be
 *   the grondslag of some article, and every article cited in a
 *   grondslag= must be in that list. Prose around the list is free text
 *   (the Awb, the AVG) and is not compared. Without such a heading there
 *   is nothing to compare.
 * - A written "# Aanhef": the same comparison for the citations in it.
 *   The generated aanhef is made from the grondslagen and agrees by
 *   construction.
 *
 * Provisions compare per law and article; lid and onderdeel are ignored
 * ("artikel 2.1.3, derde lid, van de Wmo 2015" is article 2.1.3). A range
 * ("de artikelen 58 tot en met 60") covers the articles between its ends.
 * Runs after check_grondslag has filled in each grondslag's law and
 * article (check.c).
 */

struct ordinance;
struct diag_sink;

void check_sources(const struct ordinance *o, struct diag_sink *d);

#endif
