#ifndef OVC_WIJZIG_DIFF_H
#define OVC_WIJZIG_DIFF_H

/*
 * Comparing texts word by word (for `ovc wijzig` and its renvooi), and
 * aligning lists (leden, onderdelen) by similarity.
 */

#include <stddef.h>

/* Texts longer than this many words are not compared word by word. */
#define WZ_DIFF_MAX 2000

/* The words of a one-line text; W points into BUF. */
struct wz_tokens {
	char *buf;
	char **w;
	size_t n;
};

void wz_tokens(const char *s, struct wz_tokens *t);
void wz_tokens_release(struct wz_tokens *t);

/* A changed stretch: words [a1, a2) of A became [b1, b2) of B. */
struct wz_region {
	size_t a1, a2, b1, b2;
};

/* The changed stretches of A → B in order (*OUT malloc'ed), or (size_t)-1
 * when a text is too long. */
size_t wz_diff_regions(const struct wz_tokens *a, const struct wz_tokens *b, struct wz_region **out);

/* 2 × common words / all words (1 for two empty texts). */
double wz_similarity(const char *a, const char *b);

/*
 * The clauses that turn OLD into NEW within one element, in the formulas
 * of Aanwijzingen 6.9 and 6.11 ('wordt "x" vervangen door "y" en vervalt
 * "z".'), each quoted text unique in the element at its turn; malloc'ed.
 * NULL when a whole new text reads better (more than four changes, more
 * than half the words, a quotation mark in the text) or cannot be said.
 */
char *wz_text_clauses(const char *old, const char *new_text);

/* Aligning two lists by similarity (at least MIN to be a pair). */
enum wz_step_kind { WZ_MATCH, WZ_DEL, WZ_INS };
struct wz_step {
	enum wz_step_kind kind;
	size_t i, j;
};
size_t wz_align(char **a, size_t na, char **b, size_t nb, double min, struct wz_step **out);

#endif
