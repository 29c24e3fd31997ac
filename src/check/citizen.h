#ifndef OVC_CITIZEN_H
#define OVC_CITIZEN_H

/*
 * The citizen edition's steering in the source (docs/format.md,
 * "Publieksversie"): the attributes of a Voor inwoners heading and the
 * municipality's contact details in the front matter.
 *
 *   #### Voor inwoners {kop="Hulp in het huishouden" thema=wonen trefwoorden="schoonmaken,was" termijn="6 weken"}
 *
 * kop=          the plain (B1) heading of the topic; the article title is the fallback
 * thema=        the themes the topic shows in, instead of the article's thema=;
 *               "over" puts it in the appendix "Over deze regels", "geen" leaves it out
 * stap=         makes the article a step of the route "Zo werkt het" (as the
 *               article's own stap=, which cannot always be edited)
 * trefwoorden=  words for the A-Z index, separated by commas
 * termijn=      the time frame of a route step ("hooguit 6 weken"); each
 *               number with its unit must be in the article's legal text
 *               (Doel, Regels, Toelichting), in digits or words ("zes weken")
 *
 * citizen_check() reports unknown keys (structuur-attribuut), unknown
 * theme and step ids (id-onbekend), a termijn= the article does not contain
 * (termijn) and a missing contact block (neither telefoon nor website in the
 * front matter) while the ordinance has Voor inwoners texts
 * (contact-ontbreekt).
 */

struct diag_sink;
struct ordinance;
struct unit;

/* The value of KEY on A's Voor inwoners heading, or NULL. */
const char *citizen_attr(const struct unit *a, const char *key);

void citizen_check(const struct ordinance *o, struct diag_sink *d);

#endif
