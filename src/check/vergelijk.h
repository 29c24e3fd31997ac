#ifndef OVC_VERGELIJK_H
#define OVC_VERGELIJK_H

/*
 * ovc vergelijk OUD… NIEUW: the policy-neutrality check. Every amount (€),
 * percentage, period (dagen, werkdagen, weken, maanden, jaar) and age limit
 * in the old regulations is looked up in the new one: the same value
 * (gelijk), another value in the same place (gewijzigd: the nearest new
 * value of the same kind whose surrounding words match), or not found.
 * OUD may be CVDR XML, .docx, Markdown files or source directories; NIEUW
 * a source directory or Markdown file. Every value carries file:line.
 */

#include <stddef.h>

enum vg_kind { VG_BEDRAG, VG_PERCENTAGE, VG_TERMIJN, VG_LEEFTIJD };

/* One value found in a text. */
struct vg_value {
	enum vg_kind kind;
	double value;   /* euros, percent, count of UNIT, years */
	char unit[16];  /* TERMIJN: dagen, werkdagen, weken, maanden, jaar */
	char *text;     /* as written: "€ 2.500", "zes weken" */
	char *file;
	int line;
	char **ctx;     /* content words around it, lower case */
	size_t nctx;
};

/*
 * Find the values in TEXT (one line of FILE at LINE) and append them to
 * *V (*N entries, *CAP capacity).
 */
void vergelijk_scan(const char *text, const char *file, int line, struct vg_value **v, size_t *n,
                    size_t *cap);

void vg_value_release(struct vg_value *v);

/* `ovc vergelijk OUD… NIEUW [--format=json]`: ARGV[0] is "vergelijk". Exit status:
 * 0 every value unchanged, 1 a value changed or not found, 2 usage or unreadable input. */
int vergelijk_main(int argc, char **argv);

#endif
