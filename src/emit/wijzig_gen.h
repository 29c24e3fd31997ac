#ifndef OVC_WIJZIG_GEN_H
#define OVC_WIJZIG_GEN_H

/*
 * The generator of `ovc wijzig`: from two versions of an ordinance to the
 * change items of Artikel I (struct wz_amendment), each applied to a
 * working copy of the old text as it is written; and the outputs (the
 * wijzigingsverordening's source, HTML and PDF, the renvooi edition, the
 * summary per article).
 */

#include "pastoe.h"
#include "wijzig_doc.h"

/* How an article of the new text was found in the old one. */
enum wz_match { WZ_M_NONE, WZ_M_LABEL, WZ_M_TITLE, WZ_M_NUMBER, WZ_M_TEXT };

/* One line of the summary per article. */
struct wz_note {
	char *article; /* number in the new text (or the old one when it vervalt) */
	char *item;    /* change item label ("A") */
	char *what;    /* Dutch, e.g. "derde lid gewijzigd; vierde lid ingevoegd" */
};

struct wz_result {
	struct wz_amendment am;
	struct wz_note *notes;
	size_t nnotes, capnotes;
	size_t matched[5]; /* articles matched per enum wz_match */
	size_t nold, nnew;
	long *n2o, *o2n; /* matched article on the other side (index), or -1 */
	char *moved;     /* per new article: 1 when it was moved here (vervalt + ingevoegd) */
	size_t nn2o, no2n;
};

/* Compare OLD and NEW (both loaded) and fill R. Returns 0, or -1 with *ERR. */
int wz_generate(const struct wz_doc *old, const struct wz_doc *nieuw, const struct wz_options *op,
                struct wz_result *r, char **err);
void wz_result_release(struct wz_result *r);

/* The source text of the wijzigingsverordening (format: docs/wijzig.md). */
char *wz_amendment_text(const struct wz_amendment *am);

/* The outputs. Each returns 0, or -1 with *ERR. */
char *wz_summary_text(const struct wz_result *r);
/* Into OP->out (without the PDFs when OP->no_pdf). BASIS: the old text's directory, written into the source (basis:) as a
 * path relative to OUT so that `ovc check OUT` can prove every item; NULL
 * when the old text was a git revision. */
int wz_write_outputs(const struct wz_doc *old, const struct wz_doc *nieuw, const struct wz_result *r,
                     const struct wz_options *op, const char *basis, char **err);

#endif
