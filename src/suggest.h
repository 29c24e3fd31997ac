#ifndef OVC_SUGGEST_H
#define OVC_SUGGEST_H

/*
 * "bedoelt u …?": the known name closest to a misspelt one (issue 22).
 * Distance is Damerau-Levenshtein (optimal string alignment: insert,
 * delete, substitute, swap two neighbours), ASCII case-insensitive, over
 * bytes. A candidate is close enough within 1 edit for words up to 4
 * bytes, 2 up to 10 bytes and 3 beyond; the first closest candidate wins.
 */

#include <stddef.h>

struct suggest {
	const char *word;
	size_t len;
	const char *best; /* borrowed from the candidates; NULL when none is close */
	int dist;
};

void suggest_init(struct suggest *s, const char *word, size_t len);

/* Consider CANDIDATE (NUL-terminated); it must outlive S. */
void suggest_add(struct suggest *s, const char *candidate);

/* Edit distance of A and B, or a value above LIMIT when it is larger. */
int suggest_distance(const char *a, size_t la, const char *b, size_t lb, int limit);

#endif
