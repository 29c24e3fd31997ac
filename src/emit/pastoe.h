#ifndef OVC_PASTOE_H
#define OVC_PASTOE_H

/*
 * Applying a wijzigingsverordening (docs/wijzig.md) to the editable picture
 * of an ordinance (src/emit/wijzig.h). Every instruction is one of the formulas
 * of the Aanwijzingen that `ovc wijzig` writes; anything else is refused
 * with a Dutch message, and so is a renumbering clause that does not say
 * what the instruction does ("onder vernummering van …" is checked).
 *
 * The generator uses the same functions on its working copy, so the text
 * it writes is the text this module reads.
 */

#include <stddef.h>

struct wz_doc;
struct wz_art;
struct wz_lid;

/* One instruction: its sentence, the quoted new text (or NULL) and the
 * instructions nested under "… wordt als volgt gewijzigd:". */
struct wz_instr {
	char *label;   /* "A", "1", "a" */
	char *text;    /* the sentence, on one line */
	char *content; /* the lines after it, without "> ", or NULL */
	struct wz_instr *kids;
	size_t nkids, capkids;
	int line;      /* line in the wijziging source, for messages (0: generated) */
};

void wz_instr_release(struct wz_instr *in);

/* The parts of a wijzigingsverordening source. */
struct wz_amendment {
	char *titel, *wijzigt, *gemeente, *gemeentecode, *inwerkingtreding, *status;
	int letters;        /* "nummering: letters": Aanwijzing 6.16, no renumbering of articles */
	char *aanhef;       /* the text under "# Aanhef" */
	char *intro;        /* "De … wordt als volgt gewijzigd:" */
	struct wz_instr *items;
	size_t nitems, capitems;
	char *slot;         /* the text of Artikel II */
	char *toelichting;  /* the text under "# Toelichting", or NULL */
};

void wz_amendment_release(struct wz_amendment *am);

/*
 * Read the wijzigingsverordening TEXT (from PATH, for messages). Returns 0,
 * or -1 with *ERR ("PATH:LINE:COL: …", malloc'ed) at the first problem.
 */
int wz_amendment_parse(struct wz_amendment *am, const char *path, const char *text, char **err);

/* Apply top-level item IT to DOC. Returns 0, or -1 with *ERR (Dutch). */
int pastoe_item(struct wz_doc *doc, const struct wz_instr *it, char **err);
/* Apply instruction IT within article A of DOC (under "Artikel N wordt als
 * volgt gewijzigd:"). */
int pastoe_article(struct wz_doc *doc, struct wz_art *a, const struct wz_instr *it, char **err);

/* Apply IT to lid L (instructions under "Het … lid wordt als volgt gewijzigd:"). */
int pastoe_lid(struct wz_lid *l, const struct wz_instr *it, char **err);
/* Apply the text clauses CLAUSES ('wordt "x" vervangen door "y".') to *T. */
int pastoe_text(char **t, const char *clauses, char **err);

/* The renumbering phrases, shared with the generator. FROM/TO are 1-based
 * lid numbers or 0-based onderdeel indexes of the first of N. */
char *pastoe_leden_range(size_t from, size_t to, size_t n);
char *pastoe_points_range(size_t from, size_t to, size_t n);
/* Article renumbering between two numberings: "de artikelen 9.3 tot en met
 * 9.5 tot 9.4 tot en met 9.6", or NULL when no number changes. OLD and NEW
 * are the numbers of the articles present in both, in order. */
char *pastoe_articles_range(char **oldn, char **newn, size_t n);

/* The trailing mark of an onderdeel's text: ".", ";", "; en", "; of" or "". */
const char *pastoe_tail(const char *text);

#endif
