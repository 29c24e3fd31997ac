#ifndef OVC_LAWS_H
#define OVC_LAWS_H

/*
 * The laws ovc recognises (data/wetten.tsv, compiled in): their names and
 * abbreviations, BWB ids and wetten.overheid.nl links. The table is parsed
 * once, thread-safely, on first use.
 */

#include <stddef.h>

struct law {
	char *id;     /* "wmo" */
	char *bwb;    /* "BWBR0035362", or NULL for acts outside the BWB */
	char *url;    /* the act's page: https://wetten.overheid.nl/BWBR… */
	char **names; /* names[0] is the full citeertitel */
	size_t nnames;
};

/* The table in "gelet op" order. */
const struct law *laws_table(size_t *n);

/*
 * If a law name starts at TEXT (LEN bytes available) and ends at a word
 * boundary, return its index and store the name's length in *MATCHED;
 * the longest name wins ("Wmo 2015" over "Wmo"). Else return -1.
 */
int laws_match(const char *text, size_t len, size_t *matched);

/* The law name (any of names[]) closest to the N bytes at NAME, or NULL
 * when none is within a few edits (suggest.h): "bedoelt u …?". */
const char *laws_suggest(const char *name, size_t n);

/* The law id closest to ID, or NULL (for wet=). */
const char *laws_suggest_id(const char *id);

/* Index of the law with ID, or -1. */
int laws_find(const char *id);

/*
 * A malloc'ed link to the law, or to ARTICLE (and LID, when > 0) of it:
 * https://wetten.overheid.nl/jci1.3:c:BWBR…&artikel=2.1.3&lid=2.
 * Awb-style chapters and titles are not part of the JCI article link.
 */
char *laws_url(int law, const char *article, int lid);

#endif
