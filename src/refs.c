#include "refs.h"

#include "laws.h"
#include "model.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * A small recursive-descent recogniser over the raw text. Every function
 * takes a position and returns the position after what it recognised, or
 * 0 when it did not match (position 0 can never follow a match).
 */

struct scanner {
	const char *t;
	size_t len;
	const unsigned char *skip;
	int last_law; /* for "van die wet" */
	struct ref_scan *out;
};

/*
 * The number in bytes [A, B) of T (all digits), capped at 1,000,000. Not
 * atoi: the text is LEN bytes, not a C string (a link text inside a
 * longer run), and a long digit string must not overflow (fuzz reproducer
 * tests/fuzz/regress/refs/lid-aan-het-einde).
 */
static int digits_value(const char *t, size_t a, size_t b)
{
	int v = 0;
	for (; a < b && v < 1000000; a++)
		v = v * 10 + (t[a] - '0');
	return v;
}

static int at_word_start(const struct scanner *s, size_t i)
{
	return i == 0 || !(is_word_byte((unsigned char)s->t[i - 1]) ||
	                   (s->t[i - 1] >= '0' && s->t[i - 1] <= '9'));
}

static int word_end(const struct scanner *s, size_t i)
{
	return i >= s->len || !(is_word_byte((unsigned char)s->t[i]) ||
	                        (s->t[i] >= '0' && s->t[i] <= '9'));
}

static int skipped(const struct scanner *s, size_t a, size_t b)
{
	if (!s->skip)
		return 0;
	for (size_t i = a; i < b && i < s->len; i++)
		if (s->skip[i])
			return 1;
	return 0;
}

/* Spaces, including no-break spaces (U+00A0). */
static size_t ws(const struct scanner *s, size_t i)
{
	for (;;) {
		if (i < s->len && (s->t[i] == ' ' || s->t[i] == '\t' || s->t[i] == '\n'))
			i++;
		else if (i + 1 < s->len && (unsigned char)s->t[i] == 0xC2 &&
		         (unsigned char)s->t[i + 1] == 0xA0)
			i += 2;
		else
			return i;
	}
}

/* Keyword W (ASCII, case-insensitive) as a whole word at I. */
static size_t word(const struct scanner *s, size_t i, const char *w)
{
	size_t n = strlen(w);
	if (i + n > s->len || ascii_casecmp_n(s->t + i, w, n) != 0 || !word_end(s, i + n))
		return 0;
	return i + n;
}

/* Optional spaces, then keyword W. */
static size_t ws_word(const struct scanner *s, size_t i, const char *w)
{
	return word(s, ws(s, i), w);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * An article or unit number: 7, 7.2, 7.1.1, 12a, 4:13, 5A. A trailing
 * full stop (end of sentence) is not part of it.
 */
static size_t number(const struct scanner *s, size_t i)
{
	if (i >= s->len || !is_digit(s->t[i]))
		return 0;
	size_t j = i;
	for (;;) {
		while (j < s->len && is_digit(s->t[j]))
			j++;
		/* one letter suffix: 8a, 5A */
		if (j < s->len && ((is_lower(s->t[j])) || (s->t[j] >= 'A' && s->t[j] <= 'Z')) &&
		    word_end(s, j + 1))
			j++;
		if (j + 1 < s->len && (s->t[j] == '.' || s->t[j] == ':') && is_digit(s->t[j + 1]))
			j++;
		else
			break;
	}
	if (!word_end(s, j))
		return 0;
	return j;
}

static int dots(const char *num)
{
	int n = 0;
	for (; *num; num++)
		n += *num == '.' || *num == ':';
	return n;
}

/* An ordinal word ("tweede"); stores its value. */
static size_t ordinal(const struct scanner *s, size_t i, int *value)
{
	size_t j = i;
	while (j < s->len && is_word_byte((unsigned char)s->t[j]))
		j++;
	if (j == i || !word_end(s, j))
		return 0;
	int v = ordinal_value(s->t + i, j - i);
	if (!v)
		return 0;
	*value = v;
	return j;
}

/* A single onderdeel letter: "a" followed by a non-letter. */
static size_t letter(const struct scanner *s, size_t i)
{
	if (i < s->len && is_lower(s->t[i]) && word_end(s, i + 1))
		return i + 1;
	return 0;
}

/* A sub-onderdeel: digits followed by the degree sign (U+00B0). */
static size_t degree(const struct scanner *s, size_t i)
{
	size_t j = i;
	while (j < s->len && is_digit(s->t[j]))
		j++;
	if (j == i || j + 1 >= s->len || (unsigned char)s->t[j] != 0xC2 ||
	    (unsigned char)s->t[j + 1] != 0xB0)
		return 0;
	return j + 2;
}

static void copy_num(char *dst, size_t n, const struct scanner *s, size_t a, size_t b)
{
	size_t k = b - a < n - 1 ? b - a : n - 1;
	memcpy(dst, s->t + a, k);
	dst[k] = '\0';
}

static void add_style(struct scanner *s, size_t a, size_t b, const char *fix)
{
	struct ref_style st = {a, b, "", ""};
	size_t f = a;
	while (f < b && s->t[f] == ' ')
		f++;
	copy_num(st.found, sizeof st.found, s, f, b);
	snprintf(st.fix, sizeof st.fix, "%s", fix);
	VEC_PUSH(s->out->style, s->out->nstyle, s->out->capstyle, st);
}

static struct ref_item *add_item(struct ref *r, enum ref_kind kind, size_t start, size_t end)
{
	struct ref_item it = {0};
	it.kind = kind;
	it.start = start;
	it.end = end;
	VEC_PUSH(r->items, r->nitems, r->capitems, it);
	return &r->items[r->nitems - 1];
}

/* ---- Qualifiers: lid, onderdeel, sub-onderdeel ------------------------ */

/*
 * "tweede lid", "eerste en tweede lid", "eerste tot en met derde lid";
 * stores up to 8 lid numbers. Returns the position after "lid".
 */
static size_t lid_phrase(const struct scanner *s, size_t i, int *lids, size_t *nlids,
                         size_t *starts, size_t *ends)
{
	size_t j = i, n = 0;
	int v;
	for (;;) {
		size_t e = ordinal(s, j, &v);
		if (!e)
			return 0;
		if (n < 8) {
			lids[n] = v;
			starts[n] = j;
			ends[n] = e;
			n++;
		}
		size_t k;
		if ((k = ws_word(s, e, "lid"))) {
			for (size_t m = 0; m < n; m++)
				ends[m] = m + 1 == n ? k : ends[m];
			*nlids = n;
			return k;
		}
		if ((k = ws_word(s, e, "tot")) && (k = ws_word(s, k, "en")) && (k = ws_word(s, k, "met")))
			j = ws(s, k);
		else if ((k = ws_word(s, e, "en")) || (k = ws_word(s, e, "of")))
			j = ws(s, k);
		else if (e < s->len && s->t[e] == ',')
			j = ws(s, e + 1);
		else
			return 0;
	}
}

struct quals {
	int lids[8];
	size_t nlids, lid_starts[8], lid_ends[8];
	char point[8];
	size_t point_start, point_end;
	char sub[8];
	size_t sub_start, sub_end;
	int aanhef;
	char more[8];            /* further onderdelen: "onder a en c" */
	size_t more_start[8], more_end[8], nmore;
};

/* ", d", " en c", " of c", " tot en met f" after an onderdeel letter. */
static size_t more_letters(const struct scanner *s, size_t i, struct quals *q)
{
	size_t j = i;
	for (;;) {
		size_t k = ws(s, j), m, l;
		if (k < s->len && s->t[k] == ',')
			m = k + 1;
		else if ((m = word(s, k, "en")) || (m = word(s, k, "of")))
			;
		else if ((m = word(s, k, "tot")) && (m = ws_word(s, m, "en")) && (m = ws_word(s, m, "met")))
			;
		else
			return j;
		if (!(l = letter(s, ws(s, m))) || q->nmore >= 8)
			return j;
		q->more[q->nmore] = s->t[l - 1];
		q->more_start[q->nmore] = l - 1, q->more_end[q->nmore] = l;
		q->nmore++;
		j = l;
	}
}

/* ", onder a" / ", onderdeel a" / ", aanhef en onder a" / ", sub a" (style). */
static size_t point_phrase(struct scanner *s, size_t i, struct quals *q)
{
	size_t j = ws(s, i), k, l;
	if ((k = word(s, j, "aanhef"))) {
		q->aanhef = 1;
		size_t m = ws_word(s, k, "en");
		if (!m)
			return k;
		j = ws(s, m);
	}
	if ((k = word(s, j, "onderdelen")) || (k = word(s, j, "onderdeel")) || (k = word(s, j, "onder"))) {
		if ((l = letter(s, ws(s, k)))) {
			copy_num(q->point, sizeof q->point, s, l - 1, l);
			q->point_start = j, q->point_end = l;
			return more_letters(s, l, q);
		}
		return q->aanhef ? j : 0;
	}
	if ((k = word(s, j, "sub")) || (k = word(s, j, "letter"))) {
		if ((l = letter(s, ws(s, k)))) {
			char fix[32];
			snprintf(fix, sizeof fix, "onder %c", s->t[l - 1]);
			add_style(s, j, l, fix);
			copy_num(q->point, sizeof q->point, s, l - 1, l);
			q->point_start = j, q->point_end = l;
			return l;
		}
	}
	return 0;
}

/* ", onder 1°" / ", sub-onderdeel 1°" after an onderdeel. */
static size_t sub_phrase(const struct scanner *s, size_t i, struct quals *q)
{
	size_t j = ws(s, i), k, l;
	if ((k = word(s, j, "onder")) || (k = word(s, j, "subonderdeel")) ||
	    ((k = word(s, j, "sub")) && k < s->len && s->t[k] == '-' && (k = word(s, k + 1, "onderdeel")))) {
		if ((l = degree(s, ws(s, k)))) {
			copy_num(q->sub, sizeof q->sub, s, ws(s, k), l - 2);
			q->sub_start = j, q->sub_end = l;
			return l;
		}
	}
	return 0;
}

/* The qualifiers after an article number, each after an optional comma. */
static size_t qualifiers(struct scanner *s, size_t i, struct quals *q)
{
	memset(q, 0, sizeof *q);
	size_t j = i, k;
	size_t c = ws(s, j);
	size_t after_comma = c < s->len && s->t[c] == ',' ? ws(s, c + 1) : 0;
	if (after_comma && (k = lid_phrase(s, after_comma, q->lids, &q->nlids, q->lid_starts,
	                                   q->lid_ends))) {
		j = k;
	} else if ((k = ws_word(s, j, "lid")) || (after_comma && (k = word(s, after_comma, "lid")))) {
		/* "artikel 7.2 lid 2", "artikel 7.2, lid 2": Aanwijzing 3.29; the
		 * lid is still checked against the article */
		size_t n = ws(s, k), e = n;
		while (e < s->len && is_digit(s->t[e]))
			e++;
		if (e > n && word_end(s, e)) {
			int v = digits_value(s->t, n, e);
			const char *w = ordinal_word(v);
			char fix[48];
			snprintf(fix, sizeof fix, ", %s lid", w ? w : "…");
			add_style(s, j, e, fix);
			q->lids[0] = v;
			q->nlids = 1;
			q->lid_starts[0] = ws(s, j);
			q->lid_ends[0] = e;
			j = e;
		}
	}
	c = ws(s, j);
	size_t from = c < s->len && s->t[c] == ',' ? c + 1 : j;
	if ((k = point_phrase(s, from, q)))
		j = k;
	if (q->point[0]) {
		c = ws(s, j);
		from = c < s->len && s->t[c] == ',' ? c + 1 : j;
		if ((k = sub_phrase(s, from, q)))
			j = k;
	}
	return j;
}

static void apply_quals(struct ref *r, struct ref_item *first, const struct quals *q)
{
	size_t idx = (size_t)(first - r->items);
	if (q->nlids == 0)
		r->items[idx].aanhef = q->aanhef;
	if (q->nlids > 1)
		r->items[idx].end = q->lid_ends[0];
	for (size_t m = 0; m < q->nlids; m++) {
		struct ref_item *it = &r->items[idx];
		if (m > 0) {
			struct ref_item copy = *it;
			copy.start = q->lid_starts[m];
			copy.end = q->lid_ends[m];
			VEC_PUSH(r->items, r->nitems, r->capitems, copy);
			it = &r->items[r->nitems - 1];
		}
		it->lid = q->lids[m];
		it->lid_start = q->lid_starts[m];
		it->lid_end = q->lid_ends[m];
		it->aanhef = q->aanhef;
	}
	struct ref_item *last = &r->items[r->nitems - 1];
	if (q->nlids && last->end < q->lid_ends[q->nlids - 1])
		last->end = q->lid_ends[q->nlids - 1];
	if (q->point[0]) {
		memcpy(last->point, q->point, sizeof last->point);
		last->point_start = q->point_start, last->point_end = q->point_end;
		if (last->end < q->point_end)
			last->end = q->point_end;
	}
	if (q->sub[0]) {
		memcpy(last->sub, q->sub, sizeof last->sub);
		last->sub_start = q->sub_start, last->sub_end = q->sub_end;
		if (last->end < q->sub_end)
			last->end = q->sub_end;
	}
	for (size_t m = 0; m < q->nmore; m++) {
		struct ref_item copy = r->items[r->nitems - 1];
		copy.point[0] = q->more[m];
		copy.point[1] = '\0';
		copy.sub[0] = '\0';
		copy.start = copy.point_start = q->more_start[m];
		copy.end = copy.point_end = q->more_end[m];
		VEC_PUSH(r->items, r->nitems, r->capitems, copy);
	}
}

/* ---- Law suffix: "van de Wmo 2015", "Awb", "van die wet" ---------------- */

static const char *const not_law_names[] = {
	"en", "of", "is", "zijn", "geldt", "gelden", "wordt", "worden", "heeft", "hebben",
	"kan", "kunnen", "moet", "mag", "blijft", "dat", "die", "waarin", "waarbij", "als", NULL,
};

/*
 * The extent of an unknown law's name after "van de": a title that starts
 * with Wet, Besluit, Regeling, Verordening … runs up to punctuation or a
 * verb ("Wet op de zorgtoeslag"); any other name is one word ("Ziektewet").
 */
static size_t unknown_name(const struct scanner *s, size_t i)
{
	static const char *const titles[] = {"Wet", "Besluit", "Regeling", "Verordening",
	                                     "Uitvoeringswet", "Invoeringswet", NULL};
	size_t first = i;
	while (first < s->len && !word_end(s, first))
		first++;
	int multi = 0;
	for (int k = 0; titles[k]; k++)
		multi |= strlen(titles[k]) == first - i && strncmp(s->t + i, titles[k], first - i) == 0;
	if (!multi)
		return first;
	size_t j = i, end = i;
	for (int words = 0; words < 8 && j < s->len; words++) {
		size_t e = j;
		while (e < s->len && !word_end(s, e))
			e++;
		if (e == j)
			break;
		for (int k = 0; not_law_names[k]; k++)
			if (strlen(not_law_names[k]) == e - j &&
			    ascii_casecmp_n(s->t + j, not_law_names[k], e - j) == 0)
				return end;
		end = e;
		if (e >= s->len || s->t[e] != ' ')
			break;
		j = e + 1;
	}
	return end;
}

static size_t law_name(struct scanner *s, size_t i, struct ref *r)
{
	size_t n;
	int law = laws_match(s->t + i, s->len - i, &n);
	if (law < 0 || (i + n < s->len && s->t[i + n] == '-') || skipped(s, i, i + n))
		return 0;
	r->law = law;
	r->law_start = i, r->law_end = i + n;
	s->last_law = law;
	return i + n;
}

/* Returns the position after the suffix, or I when there is none. */
static size_t law_suffix(struct scanner *s, size_t i, struct ref *r)
{
	size_t j = ws(s, i), k;
	if (j < s->len && s->t[j] == ',')
		j = ws(s, j + 1);
	if ((k = law_name(s, j, r)))
		return k;
	size_t v = word(s, j, "van");
	if (!v)
		return i;
	size_t a = ws(s, v), b;
	if ((b = word(s, a, "deze")) && (b = ws_word(s, b, "verordening")))
		return b;
	if (((b = word(s, a, "beide")) || (b = word(s, a, "die")) || (b = word(s, a, "deze"))) &&
	    (b = ws_word(s, b, "wetten"))) {
		r->law = s->last_law >= 0 ? s->last_law : REF_UNKNOWN_LAW;
		r->law_start = a, r->law_end = b;
		return b;
	}
	if ((b = word(s, a, "die")) && (b = ws_word(s, b, "wet"))) {
		r->law = s->last_law >= 0 ? s->last_law : REF_UNKNOWN_LAW;
		r->law_start = a, r->law_end = b;
		return b;
	}
	size_t after_article = a;
	if ((b = word(s, a, "de")) || (b = word(s, a, "het")))
		after_article = ws(s, b);
	if ((k = law_name(s, after_article, r)))
		return k;
	/* "van artikel …" belongs to a lid phrase, "van de raad" is prose */
	if (after_article == a || word(s, after_article, "artikel"))
		return i;
	size_t e = unknown_name(s, after_article);
	if (e > after_article && (s->t[after_article] >= 'A' && s->t[after_article] <= 'Z')) {
		r->law = REF_UNKNOWN_LAW;
		r->law_start = after_article, r->law_end = e;
		return e;
	}
	return i;
}

/* ---- Citations ----------------------------------------------------------- */

static void push_ref(struct scanner *s, struct ref *r)
{
	VEC_PUSH(s->out->refs, s->out->nrefs, s->out->caprefs, *r);
}

/* More numbers: ", 8a en 8b", " of 7.3", " tot en met 7.4" (same shape). */
static size_t more_numbers(struct scanner *s, size_t i, struct ref *r, enum ref_kind kind,
                           const char *shape_in, int plural)
{
	/* SHAPE_IN may point into r->items, which add_item moves. */
	char shape[sizeof r->items[0].num];
	snprintf(shape, sizeof shape, "%s", shape_in);
	size_t j = i;
	for (;;) {
		size_t k = ws(s, j), m, range = 0;
		if (k < s->len && s->t[k] == ',')
			m = ws(s, k + 1);
		else if ((m = word(s, k, "en")) || (m = word(s, k, "of")))
			m = ws(s, m);
		else if ((m = word(s, k, "tot")) && (m = ws_word(s, m, "en")) && (m = ws_word(s, m, "met")))
			m = ws(s, m), range = 1;
		else
			return j;
		size_t e = number(s, m);
		if (!e || skipped(s, m, e))
			return j;
		char num[24];
		copy_num(num, sizeof num, s, m, e);
		/* "artikel 3.4 en 3 weken": a singular citation continues only with
		 * numbers of the same shape; "de artikelen 2.9 en 8.1.1" may mix */
		if (!plural && dots(num) != dots(shape))
			return j;
		struct ref_item *it = add_item(r, kind, m, e);
		memcpy(it->num, num, sizeof it->num);
		it->num_start = m, it->num_end = e;
		it->range_end = (int)range;
		struct quals q;
		size_t after = kind == RK_ARTICLE ? qualifiers(s, e, &q) : e;
		if (kind == RK_ARTICLE)
			apply_quals(r, it, &q);
		j = after;
	}
}

/* ", en tweede lid, onder c" after an article's qualifiers: same article. */
static size_t more_lids(struct scanner *s, size_t i, struct ref *r, const char *num_in)
{
	/* NUM_IN may point into r->items, which add_item moves. */
	char num[sizeof r->items[0].num];
	snprintf(num, sizeof num, "%s", num_in);
	size_t j = i;
	for (;;) {
		size_t k = ws(s, j), m;
		if (k < s->len && s->t[k] == ',')
			k = ws(s, k + 1);
		if (!(m = word(s, k, "en")) && !(m = word(s, k, "of")))
			return j;
		struct quals q;
		memset(&q, 0, sizeof q);
		size_t e = lid_phrase(s, ws(s, m), q.lids, &q.nlids, q.lid_starts, q.lid_ends);
		if (!e)
			return j;
		size_t c = ws(s, e), from = c < s->len && s->t[c] == ',' ? c + 1 : e, p;
		if ((p = point_phrase(s, from, &q)))
			e = p;
		struct ref_item *it = add_item(r, RK_ARTICLE, q.lid_starts[0], e);
		snprintf(it->num, sizeof it->num, "%s", num);
		apply_quals(r, it, &q);
		j = e;
	}
}

/* artikel(en) N [quals] [en/of/tot en met N …] [van LAW] */
static size_t article_citation(struct scanner *s, size_t i)
{
	size_t start = i, k = i, kw;
	if ((kw = word(s, k, "de")))
		k = ws(s, kw);
	size_t after_kw = word(s, k, "artikelen");
	if (!after_kw) {
		if (k != i)
			return 0;
		after_kw = word(s, k, "artikel");
	}
	if (!after_kw)
		return 0;
	size_t n = ws(s, after_kw), e = number(s, n);
	if (!e || skipped(s, start, e))
		return 0;
	struct ref r = {0};
	r.start = start;
	r.law = REF_INTERNAL;
	struct ref_item *it = add_item(&r, RK_ARTICLE, k, e);
	copy_num(it->num, sizeof it->num, s, n, e);
	it->num_start = n, it->num_end = e;
	struct quals q;
	size_t j = qualifiers(s, e, &q);
	apply_quals(&r, it, &q);
	if (q.nlids)
		j = more_lids(s, j, &r, r.items[0].num);
	j = more_numbers(s, j, &r, RK_ARTICLE, r.items[0].num, after_kw - k > 7);
	j = law_suffix(s, j, &r);
	r.end = j;
	push_ref(s, &r);
	return j;
}

/* hoofdstuk N / paragraaf N / § N / Deel N [en N] [van LAW] */
static size_t unit_citation(struct scanner *s, size_t i)
{
	static const struct {
		const char *word;
		enum ref_kind kind;
	} kw[] = {
		{"hoofdstukken", RK_CHAPTER}, {"hoofdstuk", RK_CHAPTER}, {"paragrafen", RK_SECTION},
		{"paragraaf", RK_SECTION},    {"delen", RK_PART},        {"deel", RK_PART},
	};
	size_t k = 0;
	enum ref_kind kind = RK_CHAPTER;
	for (size_t w = 0; w < sizeof kw / sizeof *kw && !k; w++)
		if ((k = word(s, i, kw[w].word)))
			kind = kw[w].kind;
	if (!k && i + 1 < s->len && (unsigned char)s->t[i] == 0xC2 && (unsigned char)s->t[i + 1] == 0xA7)
		k = i + 2, kind = RK_SECTION;
	if (!k)
		return 0;
	size_t n = ws(s, k), e = number(s, n);
	if (!e || skipped(s, i, e))
		return 0;
	struct ref r = {0};
	r.start = i;
	r.law = REF_INTERNAL;
	struct ref_item *it = add_item(&r, kind, i, e);
	copy_num(it->num, sizeof it->num, s, n, e);
	it->num_start = n, it->num_end = e;
	size_t j = more_numbers(s, e, &r, kind, r.items[0].num, 0);
	j = law_suffix(s, j, &r);
	r.end = j;
	push_ref(s, &r);
	return j;
}

/* "het tweede lid [, onder a] [van artikel N]", "het vorige lid" */
static size_t lid_citation(struct scanner *s, size_t i)
{
	size_t k = word(s, i, "het");
	if (!k)
		return 0;
	size_t a = ws(s, k), e;
	struct quals q;
	memset(&q, 0, sizeof q);
	if ((e = word(s, a, "vorige")) && (e = ws_word(s, e, "lid"))) {
		q.lids[0] = REF_LID_PREVIOUS;
		q.nlids = 1;
		q.lid_starts[0] = a, q.lid_ends[0] = e;
	} else if (!(e = lid_phrase(s, a, q.lids, &q.nlids, q.lid_starts, q.lid_ends))) {
		return 0;
	}
	if (skipped(s, i, e))
		return 0;
	q.lid_starts[0] = i;
	struct ref r = {0};
	r.start = i;
	r.law = REF_INTERNAL;
	struct ref_item *it = add_item(&r, RK_LID, i, e);
	size_t j = e, c = ws(s, e), p;
	size_t from = c < s->len && s->t[c] == ',' ? c + 1 : e;
	if ((p = point_phrase(s, from, &q))) {
		j = p;
		c = ws(s, j);
		from = c < s->len && s->t[c] == ',' ? c + 1 : j;
		if ((p = sub_phrase(s, from, &q)))
			j = p;
	}
	apply_quals(&r, it, &q);
	/*
	 * "van artikel 7.2" names the article and "van dit artikel" is the
	 * enclosing one; any other "van" makes it prose ("het eerste lid van
	 * de raad" is a member).
	 */
	size_t cj = ws(s, j);
	size_t v = ws_word(s, cj < s->len && s->t[cj] == ',' ? cj + 1 : j, "van");
	if (v) {
		size_t art = ws_word(s, v, "artikel"), n = art ? ws(s, art) : 0, ne = 0, d;
		if (art && (ne = number(s, n))) {
			for (size_t m = 0; m < r.nitems; m++) {
				copy_num(r.items[m].num, sizeof r.items[m].num, s, n, ne);
				r.items[m].kind = RK_ARTICLE;
				r.items[m].num_start = n, r.items[m].num_end = ne;
			}
			r.items[r.nitems - 1].end = ne;
			j = law_suffix(s, ne, &r);
		} else if ((d = ws_word(s, v, "dit")) && (d = ws_word(s, d, "artikel"))) {
			j = d;
		} else {
			free(r.items);
			return 0;
		}
	}
	r.end = j;
	push_ref(s, &r);
	return j;
}

/* dit artikel, deze verordening, dit hoofdstuk, deze paragraaf, dit deel, dit lid */
static size_t deictic(struct scanner *s, size_t i)
{
	static const struct {
		const char *det, *noun;
		enum ref_this kind;
	} forms[] = {
		{"dit", "artikel", THIS_ARTICLE},     {"dit", "hoofdstuk", THIS_CHAPTER},
		{"deze", "paragraaf", THIS_SECTION},  {"dit", "deel", THIS_PART},
		{"deze", "verordening", THIS_ORDINANCE}, {"dit", "lid", THIS_LID},
	};
	for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
		size_t k = word(s, i, forms[f].det), e;
		if (k && (e = ws_word(s, k, forms[f].noun)) && !skipped(s, i, e)) {
			struct ref r = {0};
			r.start = i, r.end = e;
			r.law = REF_INTERNAL;
			struct ref_item *it = add_item(&r, RK_THIS, i, e);
			it->this_kind = forms[f].kind;
			push_ref(s, &r);
			return e;
		}
	}
	return 0;
}

/* "onderdeel a" on its own: a point of the enclosing lid. */
static size_t point_citation(struct scanner *s, size_t i)
{
	size_t k = word(s, i, "onderdeel"), l;
	if (!k || !(l = letter(s, ws(s, k))) || skipped(s, i, l))
		return 0;
	/* "onderdeel a van artikel …" is rare; keep the simple form */
	struct ref r = {0};
	r.start = i, r.end = l;
	r.law = REF_INTERNAL;
	struct ref_item *it = add_item(&r, RK_POINT, i, l);
	it->point[0] = s->t[l - 1];
	it->point_start = i, it->point_end = l;
	push_ref(s, &r);
	return l;
}

/* A law named on its own: "de Participatiewet", "de Awb". */
static size_t law_mention(struct scanner *s, size_t i)
{
	struct ref r = {0};
	size_t e = law_name(s, i, &r);
	if (!e)
		return 0;
	r.start = i, r.end = e;
	r.law_only = 1;
	push_ref(s, &r);
	return e;
}

/* "lid 2", "sub a", "letter b" outside a citation. */
static size_t loose_style(struct scanner *s, size_t i)
{
	size_t k, n, e;
	if ((k = word(s, i, "lid"))) {
		n = ws(s, k);
		e = n;
		while (e < s->len && is_digit(s->t[e]))
			e++;
		if (e > n && word_end(s, e) && e - n <= 2) {
			const char *w = ordinal_word(digits_value(s->t, n, e));
			char fix[48];
			snprintf(fix, sizeof fix, "het %s lid", w ? w : "…");
			add_style(s, i, e, fix);
			return e;
		}
	}
	if ((k = word(s, i, "sub")) || (k = word(s, i, "letter"))) {
		if ((e = letter(s, ws(s, k))) && !(e < s->len && s->t[e] == '.' && e + 1 < s->len &&
		                                   is_lower(s->t[e + 1]))) {
			char fix[32];
			snprintf(fix, sizeof fix, "onder %c", s->t[e - 1]);
			add_style(s, i, e, fix);
			return e;
		}
	}
	return 0;
}

/*
 * Can a citation keyword start with byte C? (artikel, de, dit, deze, deel,
 * het, hoofdstuk, paragraaf, §, onderdeel, lid, letter, sub). The scan
 * calls this at every word, so it must be cheap.
 */
static int may_start(char c)
{
	switch (ascii_lower((unsigned char)c)) {
	case 'a': case 'd': case 'h': case 'p': case 'o': case 'l': case 's': case 0xC2: return 1;
	default: return 0;
	}
}

void refs_scan(const char *text, size_t len, const unsigned char *skip, struct ref_scan *out)
{
	struct scanner s = {text, len, skip, -1, out};
	size_t i = 0;
	while (i < len) {
		if (!at_word_start(&s, i) || (skip && skip[i])) {
			i++;
			continue;
		}
		size_t e;
		if (!may_start(text[i]) && (e = law_mention(&s, i))) {
			i = e;
			continue;
		}
		if (!may_start(text[i])) {
			/* skip to the end of this word */
			while (i < len && !word_end(&s, i))
				i++;
			if (i < len)
				i++;
			continue;
		}
		if ((e = article_citation(&s, i)) || (e = lid_citation(&s, i)) ||
		    (e = unit_citation(&s, i)) || (e = deictic(&s, i)) || (e = point_citation(&s, i)) ||
		    (e = law_mention(&s, i)) || (e = loose_style(&s, i))) {
			i = e;
			continue;
		}
		/* skip to the end of this word */
		while (i < len && !word_end(&s, i))
			i++;
		if (i < len)
			i++;
	}
}

void ref_scan_init(struct ref_scan *s)
{
	memset(s, 0, sizeof *s);
}

void ref_scan_release(struct ref_scan *s)
{
	for (size_t i = 0; i < s->nrefs; i++)
		free(s->refs[i].items);
	free(s->refs);
	free(s->style);
	memset(s, 0, sizeof *s);
}
