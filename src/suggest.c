#include "suggest.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static int limit_for(size_t len)
{
	return len <= 4 ? 1 : len <= 10 ? 2 : 3;
}

void suggest_init(struct suggest *s, const char *word, size_t len)
{
	s->word = word;
	s->len = len;
	s->best = NULL;
	s->dist = limit_for(len) + 1;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;
	return m < c ? m : c;
}

int suggest_distance(const char *a, size_t la, const char *b, size_t lb, int limit)
{
	if ((la > lb ? la - lb : lb - la) > (size_t)limit)
		return limit + 1;
	/* Three rows of the dynamic programme: two back for the swap. */
	int *rows = xmalloc(3 * (lb + 1) * sizeof *rows);
	int *pp = rows, *p = rows + lb + 1, *c = rows + 2 * (lb + 1);
	for (size_t j = 0; j <= lb; j++)
		p[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		c[0] = (int)i;
		int row_min = c[0];
		for (size_t j = 1; j <= lb; j++) {
			int ca = ascii_lower((unsigned char)a[i - 1]), cb = ascii_lower((unsigned char)b[j - 1]);
			int cost = ca != cb;
			c[j] = min3(p[j] + 1, c[j - 1] + 1, p[j - 1] + cost);
			if (i > 1 && j > 1 && ca == ascii_lower((unsigned char)b[j - 2]) &&
			    ascii_lower((unsigned char)a[i - 2]) == cb && pp[j - 2] + 1 < c[j])
				c[j] = pp[j - 2] + 1;
			if (c[j] < row_min)
				row_min = c[j];
		}
		int *t = pp;
		pp = p, p = c, c = t;
		if (row_min > limit) {
			free(rows);
			return limit + 1;
		}
	}
	int d = p[lb];
	free(rows);
	return d;
}

void suggest_add(struct suggest *s, const char *candidate)
{
	size_t n = strlen(candidate);
	if (n == s->len && ascii_casecmp_n(candidate, s->word, n) == 0)
		return; /* the same word: nothing to suggest */
	int d = suggest_distance(s->word, s->len, candidate, n, s->dist - 1);
	if (d < s->dist) {
		s->dist = d;
		s->best = candidate;
	}
}
