/*
 * Word-level comparison for the generator and the renvooi: tokens are the
 * words of a normalised one-line text (split at single spaces), compared
 * with a longest common subsequence. Texts of a lid or onderdeel are short
 * (the leesbaarheid rules keep them under 150 words), so the quadratic
 * table is small; longer texts are not compared word by word.
 */
#include "wijzig_diff.h"

#include "pastoe.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void wz_tokens(const char *s, struct wz_tokens *t)
{
	t->buf = xstrdup(s);
	t->w = NULL;
	t->n = 0;
	size_t cap = 0;
	char *p = t->buf;
	while (*p) {
		while (*p == ' ')
			*p++ = '\0';
		if (!*p)
			break;
		VEC_PUSH(t->w, t->n, cap, p);
		while (*p && *p != ' ')
			p++;
	}
}

void wz_tokens_release(struct wz_tokens *t)
{
	free(t->buf);
	free(t->w);
}

/* LCS table of A and B, (na+1)*(nb+1) entries; NULL when too large. */
static unsigned short *lcs_table(const struct wz_tokens *a, const struct wz_tokens *b)
{
	if (a->n > WZ_DIFF_MAX || b->n > WZ_DIFF_MAX)
		return NULL;
	size_t w = b->n + 1;
	unsigned short *L = xcalloc((a->n + 1) * w, sizeof *L);
	for (size_t i = a->n; i-- > 0;)
		for (size_t j = b->n; j-- > 0;)
			L[i * w + j] = strcmp(a->w[i], b->w[j]) == 0
			                   ? (unsigned short)(L[(i + 1) * w + j + 1] + 1)
			                   : (L[(i + 1) * w + j] > L[i * w + j + 1] ? L[(i + 1) * w + j]
			                                                             : L[i * w + j + 1]);
	return L;
}

size_t wz_diff_regions(const struct wz_tokens *a, const struct wz_tokens *b, struct wz_region **out)
{
	*out = NULL;
	unsigned short *L = lcs_table(a, b);
	if (!L)
		return (size_t)-1;
	size_t w = b->n + 1, n = 0, cap = 0;
	size_t i = 0, j = 0;
	while (i < a->n || j < b->n) {
		if (i < a->n && j < b->n && strcmp(a->w[i], b->w[j]) == 0) {
			i++, j++;
			continue;
		}
		struct wz_region r = {i, i, j, j};
		while ((i < a->n || j < b->n) && !(i < a->n && j < b->n && strcmp(a->w[i], b->w[j]) == 0)) {
			if (j >= b->n || (i < a->n && L[(i + 1) * w + j] >= L[i * w + j + 1]))
				i++;
			else
				j++;
		}
		r.a2 = i;
		r.b2 = j;
		VEC_PUSH(*out, n, cap, r);
	}
	free(L);
	return n;
}

double wz_similarity(const char *x, const char *y)
{
	struct wz_tokens a, b;
	wz_tokens(x, &a);
	wz_tokens(y, &b);
	double r = 0;
	if (a.n + b.n == 0) {
		r = 1;
	} else {
		unsigned short *L = lcs_table(&a, &b);
		if (L) {
			r = 2.0 * L[0] / (double)(a.n + b.n);
			free(L);
		} else {
			r = strcmp(x, y) == 0;
		}
	}
	wz_tokens_release(&a);
	wz_tokens_release(&b);
	return r;
}

static char *join(char **w, size_t a, size_t b)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t k = a; k < b; k++) {
		if (k > a)
			strbuf_putc(&sb, ' ');
		strbuf_puts(&sb, w[k]);
	}
	return strbuf_detach(&sb, NULL);
}

static size_t count_sub(const char *t, const char *x)
{
	size_t n = 0;
	if (!*x)
		return 0;
	for (const char *p = strstr(t, x); p; p = strstr(p + 1, x))
		n++;
	return n;
}

/* One clause for region [s, s+len) of CUR replaced by Y (NULL: deleted). */
static char *clause_for(const char *cur, size_t s, size_t len, char **y, size_t ny)
{
	struct wz_tokens c;
	wz_tokens(cur, &c);
	char *cl = NULL;
	char *ins = join(y, 0, ny);
	if (len == 0 && s > 0) { /* insertion after an anchor */
		for (size_t lo = s; lo-- > 0;) {
			char *x = join(c.w, lo, s);
			if (count_sub(cur, x) == 1) {
				cl = xasprintf("wordt na \"%s\" ingevoegd \"%s\"", x, ins);
				free(x);
				break;
			}
			free(x);
		}
	} else {
		size_t lo = s, hi = s + len;
		for (int turn = 0;; turn++) {
			char *x = join(c.w, lo, hi);
			if (hi > lo && count_sub(cur, x) == 1) {
				if (lo == s && hi == s + len && ny == 0) {
					cl = xasprintf("vervalt \"%s\"", x);
				} else {
					char *left = join(c.w, lo, s), *right = join(c.w, s + len, hi);
					struct strbuf sb;
					strbuf_init(&sb);
					strbuf_puts(&sb, left);
					if (*left && *ins)
						strbuf_putc(&sb, ' ');
					strbuf_puts(&sb, ins);
					if (*right && (sb.len))
						strbuf_putc(&sb, ' ');
					strbuf_puts(&sb, right);
					if (sb.len)
						cl = xasprintf("wordt \"%s\" vervangen door \"%s\"", x, sb.buf);
					strbuf_release(&sb);
					free(left);
					free(right);
				}
				free(x);
				break;
			}
			free(x);
			if (lo == 0 && hi == c.n)
				break;
			if ((turn % 2 == 0 && hi < c.n) || lo == 0)
				hi++;
			else
				lo--;
		}
	}
	free(ins);
	wz_tokens_release(&c);
	return cl;
}

char *wz_text_clauses(const char *old, const char *new_text)
{
	if (strchr(old, '"') || strchr(new_text, '"') || strcmp(old, new_text) == 0)
		return NULL;
	struct wz_tokens a, b;
	wz_tokens(old, &a);
	wz_tokens(new_text, &b);
	struct wz_region *r;
	size_t nr = wz_diff_regions(&a, &b, &r);
	char *result = NULL;
	size_t changed = 0;
	for (size_t k = 0; nr != (size_t)-1 && k < nr; k++)
		changed += r[k].a2 - r[k].a1 > r[k].b2 - r[k].b1 ? r[k].a2 - r[k].a1 : r[k].b2 - r[k].b1;
	if (nr == (size_t)-1 || nr == 0 || nr > 4 || changed * 2 > a.n + 1)
		goto done;
	struct strbuf sb;
	strbuf_init(&sb);
	char *cur = xstrdup(old);
	int ok = 1;
	for (size_t k = 0; ok && k < nr; k++) {
		/* in CUR, the region starts after the new text before it */
		char *cl = clause_for(cur, r[k].b1, r[k].a2 - r[k].a1, b.w + r[k].b1, r[k].b2 - r[k].b1);
		if (!cl) {
			ok = 0;
			break;
		}
		char *one = xasprintf("%s.", cl);
		char *err = NULL;
		if (pastoe_text(&cur, one, &err) != 0) {
			free(err);
			ok = 0;
		}
		if (sb.len)
			strbuf_puts(&sb, " en ");
		strbuf_puts(&sb, cl);
		free(one);
		free(cl);
	}
	if (ok && strcmp(cur, new_text) == 0) {
		strbuf_putc(&sb, '.');
		result = strbuf_detach(&sb, NULL);
	} else {
		strbuf_release(&sb);
	}
	free(cur);
done:
	free(r);
	wz_tokens_release(&a);
	wz_tokens_release(&b);
	return result;
}

size_t wz_align(char **a, size_t na, char **b, size_t nb, double min, struct wz_step **out)
{
	/* maximise the summed similarity of matched pairs; gaps cost nothing */
	size_t w = nb + 1;
	double *S = xcalloc((na + 1) * w, sizeof *S);
	double *sim = xcalloc(na * nb + 1, sizeof *sim);
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			sim[i * nb + j] = strcmp(a[i], b[j]) == 0 ? 2.0 : wz_similarity(a[i], b[j]);
	for (size_t i = na + 1; i-- > 0;)
		for (size_t j = nb + 1; j-- > 0;) {
			if (i == na || j == nb)
				continue;
			double best = S[(i + 1) * w + j] > S[i * w + j + 1] ? S[(i + 1) * w + j] : S[i * w + j + 1];
			if (sim[i * nb + j] >= min && S[(i + 1) * w + j + 1] + sim[i * nb + j] > best)
				best = S[(i + 1) * w + j + 1] + sim[i * nb + j];
			S[i * w + j] = best;
		}
	size_t n = 0, cap = 0, i = 0, j = 0;
	*out = NULL;
	while (i < na || j < nb) {
		struct wz_step st;
		if (i < na && j < nb && sim[i * nb + j] >= min &&
		    S[i * w + j] == S[(i + 1) * w + j + 1] + sim[i * nb + j]) {
			st = (struct wz_step){WZ_MATCH, i++, j++};
		} else if (i < na && (j == nb || S[i * w + j] == S[(i + 1) * w + j])) {
			st = (struct wz_step){WZ_DEL, i++, j};
		} else {
			st = (struct wz_step){WZ_INS, i, j++};
		}
		VEC_PUSH(*out, n, cap, st);
	}
	free(S);
	free(sim);
	return n;
}
