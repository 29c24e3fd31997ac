#ifndef OVC_DUTIES_H
#define OVC_DUTIES_H

/*
 * The completeness check: what the Participatiewet, the Wmo 2015 and the
 * Jeugdwet require the council to regulate by verordening
 * (data/plichten.tsv). A duty of a law whose part the ordinance has, that
 * no article cites in grondslag=, is a warning [plicht-ontbreekt] at the
 * part's heading. Runs after the grondslagen are parsed (check.c).
 */

struct ordinance;
struct diag_sink;

void check_duties(const struct ordinance *o, struct diag_sink *d);

#endif
