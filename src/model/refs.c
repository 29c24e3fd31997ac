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
	/* keywords are lower-case ASCII: most calls end at the first byte, without strlen */
	if (i >= s->len || ascii_lower((unsigned char)s->t[i]) != (unsigned char)w[0])
		return 0;
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

static int law_at(const struct scanner *s, size_t i);

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

/*
 * After "2. " in "artikel 2. 9": the digits must end the number (a space,
 * comma, full stop or another ". N"), so that "artikel 2. 3 weken" and a
 * sentence that starts with a number are left alone as far as can be.
 */
static int stray_digits_end(const struct scanner *s, size_t i)
{
	size_t j = i;
	while (j < s->len && is_digit(s->t[j]))
		j++;
	if (j - i > 3)
		return 0;
	if (j >= s->len)
		return 1;
	char c = s->t[j];
	if (c == ',' || c == ';' || c == ')' || c == '.' || c == ':')
		return 1;
	if (c != ' ')
		return 0;
	/* "2. 9 van de Jeugdwet", "2. 9, tweede lid": a citation goes on */
	size_t k = j + 1;
	static const char *const next[] = {"van", "en", "of", "tot", "lid", "onder", "eerste", "tweede",
	                                   "derde", "vierde", "vijfde", "zesde", NULL};
	for (int w = 0; next[w]; w++) {
		size_t n = strlen(next[w]);
		if (k + n <= s->len && ascii_casecmp_n(s->t + k, next[w], n) == 0 &&
		    (k + n == s->len || !is_word_byte((unsigned char)s->t[k + n])))
			return 1;
	}
	return law_at(s, k);
}

/*
 * An article or unit number: 7, 7.2, 7.1.1, 12a, 4:13, 5A. A trailing
 * full stop (end of sentence) is not part of it.
 */
static size_t number(const struct scanner *s, size_t i)
{
	if (i < s->len && strchr("IVXLC", s->t[i]) && s->t[i]) {
		/* "artikel II", "hoofdstuk IV": a Roman number, as a whole word */
		size_t j = i;
		while (j < s->len && s->t[j] && strchr("IVXLC", s->t[j]))
			j++;
		if (j < s->len && s->t[j] >= 'a' && s->t[j] <= 'c' && word_end(s, j + 1))
			j++; /* "artikel IIa"; not "Ik" */
		return word_end(s, j) ? j : 0;
	}
	if (i >= s->len || !is_digit(s->t[i]))
		return 0;
	size_t j = i;
	for (;;) {
		while (j < s->len && is_digit(s->t[j]))
			j++;
		/* one letter suffix: 8a, 5A; two in the Wetboek van Strafrecht: 77gg */
		if (j < s->len && ((is_lower(s->t[j])) || (s->t[j] >= 'A' && s->t[j] <= 'Z')) &&
		    word_end(s, j + 1))
			j++;
		else if (j + 1 < s->len && is_lower(s->t[j]) && s->t[j + 1] == s->t[j] && word_end(s, j + 2))
			j += 2;
		if (j + 1 < s->len && (s->t[j] == '.' || s->t[j] == ':') && is_digit(s->t[j + 1]))
			j++;
		else if (j + 2 < s->len && s->t[j] == '.' && s->t[j + 1] == ' ' && is_digit(s->t[j + 2]) &&
		         j > i && is_digit(s->t[j - 1]) && stray_digits_end(s, j + 2))
			j += 2; /* "2. 9", "8. 1. 1": the published text's stray space */
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
	size_t k = 0;
	for (size_t i = a; i < b && k + 1 < n; i++)
		if (s->t[i] != ' ' || !(i > a && s->t[i - 1] == '.'))
			dst[k++] = s->t[i];
	dst[k] = '\0';
}

static void add_style(struct scanner *s, size_t a, size_t b, const char *fix);

/* A number written with a stray space ("2. 9"): a style warning that names the fix. */
static void check_spaced(struct scanner *s, size_t a, size_t b)
{
	if (!memchr(s->t + a, ' ', b - a))
		return;
	char fix[24];
	copy_num(fix, sizeof fix, s, a, b);
	add_style(s, a, b, fix);
}

static void add_style(struct scanner *s, size_t a, size_t b, const char *fix)
{
	struct ref_style st = {a, b, "", ""};
	size_t f = a;
	while (f < b && s->t[f] == ' ')
		f++;
	size_t k = b - f < sizeof st.found - 1 ? b - f : sizeof st.found - 1;
	memcpy(st.found, s->t + f, k);
	st.found[k] = '\0';
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
		else
			k = 0;
		size_t h;
		if (k && (h = word(s, j, "het")) && ordinal(s, ws(s, h), &v))
			j = ws(s, h); /* "het eerste tot en met het derde lid" */
		if (k)
			continue;
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
		if ((l = degree(s, ws(s, k)))) {
			/* "artikel 1.1, onderdeel 2°": a numbered part of a definition */
			copy_num(q->sub, sizeof q->sub, s, ws(s, k), l - 2);
			q->sub_start = j, q->sub_end = l;
			return l;
		}
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
	} else if (!after_comma && (k = lid_phrase(s, c, q->lids, &q->nlids, q->lid_starts,
	                                          q->lid_ends))) {
		j = k; /* "artikel 2.1.4 eerste lid", without the comma Aanwijzing 3.29 asks */
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
	int v;
	size_t vz;
	if (c < s->len && s->t[c] == ',' && (vz = ordinal(s, ws(s, c + 1), &v)) &&
	    ((vz = ws_word(s, vz, "volzin")) || (vz = ws_word(s, vz, "zin"))))
		j = vz, c = ws(s, j); /* "artikel 12, derde volzin," */
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

static int law_at(const struct scanner *s, size_t i)
{
	size_t n;
	return i < s->len && laws_match(s->t + i, s->len - i, &n) >= 0;
}

static size_t unknown_name(const struct scanner *s, size_t i);

/* A law name the text defines ("wet: Jeugdwet") at I; the first letter's case is free. */
static size_t alias_name(struct scanner *s, size_t i, struct ref *r)
{
	const struct ref_scan *o = s->out;
	size_t best = 0;
	for (size_t k = 0; k < o->naliases; k++) {
		const char *a = o->aliases[k].name;
		size_t n = strlen(a);
		if (i + n > s->len || ascii_lower((unsigned char)s->t[i]) != ascii_lower((unsigned char)a[0]) ||
		    memcmp(s->t + i + 1, a + 1, n - 1) != 0 || !word_end(s, i + n) || n <= best)
			continue;
		/* "Wet" for the defined "wet" only when no longer title follows ("Wet op de …") */
		if (s->t[i] != a[0] && unknown_name(s, i) != i + n)
			continue;
		best = n;
		r->law = o->aliases[k].law;
		r->law_start = i, r->law_end = i + n;
		s->last_law = r->law;
	}
	return best ? i + best : 0;
}

/* "Boek 7 van het Burgerlijk Wetboek": the act of that book. */
static size_t book_of_bw(struct scanner *s, size_t i, struct ref *r)
{
	size_t k = word(s, i, "boek"), e, v, l, n;
	if (!k)
		return 0;
	size_t a = ws(s, k);
	for (e = a; e < s->len && (is_digit(s->t[e]) || (e > a && is_lower(s->t[e]))); e++)
		;
	if (e == a || !(v = ws_word(s, e, "van")))
		return 0;
	l = ws(s, v);
	if ((n = word(s, l, "het")))
		l = ws(s, n);
	if (!(n = word(s, l, "burgerlijk")) || !(n = ws_word(s, n, "wetboek")))
		return 0;
	char name[48];
	snprintf(name, sizeof name, "Burgerlijk Wetboek Boek %.*s", (int)(e - a), s->t + a);
	size_t m;
	int law = laws_match(name, strlen(name), &m);
	r->law = law >= 0 && m == strlen(name) ? law : REF_UNKNOWN_LAW;
	r->law_start = i, r->law_end = n;
	s->last_law = law;
	return n;
}

/* Returns the position after the suffix, or I when there is none. */
static size_t law_suffix(struct scanner *s, size_t i, struct ref *r)
{
	size_t j = ws(s, i), k;
	if (j < s->len && s->t[j] == ',')
		j = ws(s, j + 1);
	if ((k = law_name(s, j, r)))
		return k;
	if ((k = book_of_bw(s, j, r)))
		return k; /* "Titel 9 Boek 2 van het Burgerlijk Wetboek" */
	size_t v = word(s, j, "van");
	if (!v)
		return i;
	size_t a = ws(s, v), b;
	if ((b = word(s, a, "deze")) && ((k = ws_word(s, b, "verordening")) || (k = ws_word(s, b, "regeling"))))
		return k;
	if ((b = word(s, a, "dit")) && (k = ws_word(s, b, "besluit")))
		return k;
	if ((b = word(s, a, "deze")) && (k = ws_word(s, b, "wet")))
		return k; /* a law converted to format v1 cites itself so */
	if ((k = book_of_bw(s, a, r)))
		return k;
	if (((b = word(s, a, "beide")) || (b = word(s, a, "die")) || (b = word(s, a, "deze"))) &&
	    (b = ws_word(s, b, "wetten"))) {
		r->law = s->last_law >= 0 ? s->last_law : REF_UNKNOWN_LAW;
		r->law_start = a, r->law_end = b;
		return b;
	}
	if (((b = word(s, a, "die")) && ((k = ws_word(s, b, "wet")) || (k = ws_word(s, b, "regeling")))) ||
	    ((b = word(s, a, "dat")) && ((k = ws_word(s, b, "wetboek")) || (k = ws_word(s, b, "besluit"))))) {
		b = k;
		r->law = s->last_law >= 0 ? s->last_law : REF_UNKNOWN_LAW;
		r->law_start = a, r->law_end = b;
		return b;
	}
	size_t after_article = a;
	if ((b = word(s, a, "de")) || (b = word(s, a, "het")))
		after_article = ws(s, b);
	if ((k = law_name(s, after_article, r)))
		return k; /* "van de Wet op de beroepen …": the longest name wins over an alias */
	if (after_article != a && (k = alias_name(s, after_article, r)))
		return k;
	/* "van de Verordening jeugdhulp Proefdorp 2026": the text names itself */
	const char *self = s->out->self_name;
	size_t n = self ? strlen(self) : 0;
	if (after_article != a && n && after_article + n <= s->len &&
	    ascii_casecmp_n(s->t + after_article, self, n) == 0 && word_end(s, after_article + n))
		return after_article + n;
	/* "van de verordening" alone is the text; "van de Verordening X" another one */
	if (after_article != a && (k = word(s, after_article, "verordening"))) {
		size_t e = unknown_name(s, after_article);
		if (e <= k)
			return k;
		r->law = REF_UNKNOWN_LAW;
		r->law_start = after_article, r->law_end = e;
		return e;
	}
	/* "van de wet", "van het besluit" that no definition explains: ovc cannot tell */
	if (after_article != a && ((k = word(s, after_article, "wet")) || (k = word(s, after_article, "besluit")) ||
	                           (k = word(s, after_article, "regeling"))) &&
	    unknown_name(s, after_article) == k) {
		r->law = REF_UNKNOWN_LAW;
		r->vague = 1;
		r->law_start = a, r->law_end = k;
		return k;
	}
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
		size_t c;
		if (k < s->len && s->t[k] == ',') {
			m = ws(s, k + 1);
			if ((c = word(s, m, "en")) || (c = word(s, m, "of")) || (c = word(s, m, "juncto")))
				m = ws(s, c); /* "6.1.2, zesde lid, 6.1.3, derde lid, of 6.1.4" */
		} else if ((m = word(s, k, "en")) || (m = word(s, k, "of")) ||
		           (m = word(s, k, "respectievelijk")) || (m = word(s, k, "juncto")))
			m = ws(s, m);
		else if ((m = word(s, k, "tot")) && (m = ws_word(s, m, "en")) && (m = ws_word(s, m, "met")))
			m = ws(s, m), range = 1;
		else
			return j;
		if (range && kind == RK_ARTICLE && (c = word(s, m, "artikel")))
			m = ws(s, c); /* "de artikelen 5 tot en met artikel 11" */
		size_t e = number(s, m);
		if (!e || skipped(s, m, e))
			return j;
		char num[24];
		copy_num(num, sizeof num, s, m, e);
		check_spaced(s, m, e);
		/* "artikel 3.4 en 3 weken": a singular citation continues only with
		 * numbers of the same shape; "de artikelen 2.9 en 8.1.1" may mix */
		if (!plural && dots(num) != dots(shape) && !dots(num))
			return j; /* "artikel 2.9, 2.12 en 8.1.1" may mix dotted numbers */
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
		if (!(m = word(s, k, "en")) && !(m = word(s, k, "of")) &&
		    !((m = word(s, k, "dan")) && (m = ws_word(s, m, "wel"))))
			return j;
		size_t h = ws_word(s, m, "het");
		if (h)
			m = h; /* "onderdeel a, of het tweede lid" */
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

/* "art." or "artt." (the short forms real texts use); returns the end or 0. */
static size_t short_keyword(const struct scanner *s, size_t i, int *plural)
{
	size_t k;
	if ((k = word(s, i, "artt")) && k < s->len && s->t[k] == '.')
		return *plural = 1, k + 1;
	if ((k = word(s, i, "art")) && k < s->len && s->t[k] == '.')
		return *plural = 0, k + 1;
	return 0;
}

/* "artikel 7:453 van het Burgerlijk Wetboek", "artikel 7:453 BW": Boek 7's act, article 453. */
static void bw_books(struct ref *r)
{
	if (r->law < 0 || !r->nitems)
		return;
	size_t n;
	const struct law *t = laws_table(&n);
	if (strcmp(t[r->law].id, "bw") != 0)
		return;
	const char *colon = strchr(r->items[0].num, ':');
	if (!colon)
		return;
	char name[48];
	snprintf(name, sizeof name, "Burgerlijk Wetboek Boek %.*s", (int)(colon - r->items[0].num),
	         r->items[0].num);
	size_t m;
	int law = laws_match(name, strlen(name), &m);
	if (law < 0 || m != strlen(name))
		return;
	r->law = law;
	for (size_t i = 0; i < r->nitems; i++) {
		char *c = strchr(r->items[i].num, ':');
		if (c)
			memmove(r->items[i].num, c + 1, strlen(c + 1) + 1);
	}
}

/* "; artikel 6:6" after a citation: one more article of the same list. */
static size_t semicolon_items(struct scanner *s, size_t i, struct ref *r)
{
	size_t j = i;
	for (;;) {
		size_t k = ws(s, j), m, e;
		if (k >= s->len || s->t[k] != ';')
			return j;
		if (!(m = ws_word(s, k + 1, "artikel")))
			return j;
		size_t n = ws(s, m);
		if (!(e = number(s, n)) || skipped(s, n, e))
			return j;
		struct ref_item *it = add_item(r, RK_ARTICLE, ws(s, k + 1), e);
		copy_num(it->num, sizeof it->num, s, n, e);
		it->num_start = n, it->num_end = e;
		struct quals q;
		size_t after = qualifiers(s, e, &q);
		apply_quals(r, it, &q);
		j = after;
	}
}

/* "(hierna: Awb)" after a law's name */
static size_t hierna(const struct scanner *s, size_t i)
{
	size_t k = ws(s, i), e;
	if (k >= s->len || s->t[k] != '(' || !(e = word(s, k + 1, "hierna")))
		return i;
	while (e < s->len && s->t[e] != ')' && e - k < 80)
		e++;
	return e < s->len && s->t[e] == ')' ? e + 1 : i;
}

/*
 * "artikel 7:13 van de Awb en 149 van de Gemeentewet", "de artikelen 2.9
 * van de Jeugdwet, 4.1.1 van de Wmo 2015": after a law, more numbers that
 * end in a law of their own are citations of that law.
 */
static size_t next_law_citations(struct scanner *s, size_t i)
{
	size_t j = hierna(s, i);
	for (;;) {
		size_t k = ws(s, j), m, e, c;
		if (k < s->len && s->t[k] == ',')
			m = ws(s, k + 1);
		else if ((m = word(s, k, "en")) || (m = word(s, k, "of")))
			m = ws(s, m);
		else
			return j;
		if ((c = word(s, m, "en")))
			m = ws(s, c);
		size_t at = m; /* the link starts at "artikel" when it is written */
		if ((c = word(s, m, "artikel")))
			m = ws(s, c);
		if (!(e = number(s, m)) || skipped(s, at, e))
			return j;
		struct ref r = {0};
		r.start = at;
		r.law = REF_INTERNAL;
		struct ref_item *it = add_item(&r, RK_ARTICLE, at, e);
		copy_num(it->num, sizeof it->num, s, m, e);
		it->num_start = m, it->num_end = e;
		struct quals q;
		size_t x = qualifiers(s, e, &q);
		size_t nstyle = s->out->nstyle;
		check_spaced(s, m, e);
		apply_quals(&r, it, &q);
		if (q.nlids)
			x = more_lids(s, x, &r, r.items[0].num);
		x = more_numbers(s, x, &r, RK_ARTICLE, r.items[0].num, 1);
		size_t y = law_suffix(s, x, &r);
		if (r.law == REF_INTERNAL || y == x) {
			free(r.items); /* "en 3 weken": not a citation */
			s->out->nstyle = nstyle;
			return j;
		}
		bw_books(&r);
		r.end = y;
		push_ref(s, &r);
		j = hierna(s, y);
	}
}

/* artikel(en) N [quals] [en/of/tot en met N …] [van LAW] */
static size_t article_citation(struct scanner *s, size_t i)
{
	size_t start = i, k = i, kw;
	int short_plural = 0;
	if ((kw = word(s, k, "de")))
		k = ws(s, kw);
	size_t after_kw = word(s, k, "artikelen");
	int plural = after_kw != 0;
	if (!after_kw) {
		if (k != i)
			return 0;
		after_kw = word(s, k, "artikel");
		if (!after_kw && (after_kw = short_keyword(s, k, &short_plural)))
			plural = short_plural;
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
	check_spaced(s, n, e);
	it->num_start = n, it->num_end = e;
	struct quals q;
	size_t j = qualifiers(s, e, &q);
	apply_quals(&r, it, &q);
	if (q.nlids)
		j = more_lids(s, j, &r, r.items[0].num);
	j = more_numbers(s, j, &r, RK_ARTICLE, r.items[0].num, plural);
	j = semicolon_items(s, j, &r);
	j = law_suffix(s, j, &r);
	bw_books(&r);
	r.end = j;
	int external = r.law != REF_INTERNAL;
	push_ref(s, &r);
	return external ? next_law_citations(s, j) : j;
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
		{"afdelingen", RK_SECTION},   {"afdeling", RK_SECTION},  {"titel", RK_CHAPTER},
		{"bijlagen", RK_ANNEX},       {"bijlage", RK_ANNEX},
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
	size_t b;
	if (kind == RK_ANNEX && (b = ws_word(s, j, "bij")) && (b = ws_word(s, b, "deze")) &&
	    ((b = ws_word(s, b, "verordening")) || (b = ws_word(s, b, "regeling"))))
		j = b; /* "bijlage 1 bij deze verordening" */
	else
		j = law_suffix(s, j, &r);
	/* "titel 4.1" is a unit of a law (the Awb's titles), never of the text itself */
	if ((r.law == REF_INTERNAL && word(s, i, "titel")) || (kind == RK_ANNEX && r.law != REF_INTERNAL)) {
		free(r.items);
		return j;
	}
	r.end = j;
	push_ref(s, &r);
	return j;
}

/* "de bijlage": the text's only bijlage (resolve.c decides whether there is one) */
static size_t annex_citation(struct scanner *s, size_t i)
{
	size_t k = word(s, i, "de"), e;
	if (!k || !(e = ws_word(s, k, "bijlage")) || skipped(s, i, e))
		return 0;
	size_t b = ws_word(s, e, "bij");
	if (b && (b = ws_word(s, b, "deze")) && ((b = ws_word(s, b, "verordening")) || (b = ws_word(s, b, "regeling"))))
		e = b;
	else if (ws_word(s, e, "bij") || ws_word(s, e, "van"))
		return 0; /* "de bijlage bij de aanvraag" is prose */
	struct ref r = {0};
	r.start = i, r.end = e;
	r.law = REF_INTERNAL;
	add_item(&r, RK_ANNEX, ws(s, k), e);
	push_ref(s, &r);
	return e;
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
		{"deze", "regeling", THIS_ORDINANCE},    {"dit", "besluit", THIS_ORDINANCE},
		{"deze", "afdeling", THIS_SECTION},
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
	/* "onderdeel a van bijlage 1": the bijlage (its text has no numbered parts) */
	size_t v = ws_word(s, l, "van"), b, n, e;
	if (v && (b = ws_word(s, v, "bijlage")) && (e = number(s, (n = ws(s, b))))) {
		struct ref r = {0};
		r.start = i;
		r.law = REF_INTERNAL;
		struct ref_item *it = add_item(&r, RK_ANNEX, ws(s, v), e);
		copy_num(it->num, sizeof it->num, s, n, e);
		it->num_start = n, it->num_end = e;
		size_t j = e, t, d;
		if ((t = ws_word(s, e, "bij")) && (d = ws_word(s, t, "deze")) &&
		    ((t = ws_word(s, d, "regeling")) || (t = ws_word(s, d, "verordening"))))
			j = t;
		else if ((t = law_suffix(s, e, &r)) != e)
			j = t;
		r.end = j;
		if (r.law == REF_INTERNAL)
			push_ref(s, &r);
		else
			free(r.items);
		return j;
	}
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

/*
 * "Lid 1" or "Lid 1 onderdeel a:" at the start of a paragraph: the short
 * label a toelichting puts before what it explains. A lid of the enclosing
 * article, without a style warning.
 */
static size_t lid_label(struct scanner *s, size_t i)
{
	size_t k, n, e;
	if (i != 0 || !(k = word(s, i, "lid")))
		return 0;
	n = ws(s, k);
	for (e = n; e < s->len && is_digit(s->t[e]); e++)
		;
	if (e == n || e - n > 2 || !word_end(s, e) || skipped(s, i, e))
		return 0;
	struct ref r = {0};
	r.start = i, r.end = e;
	r.law = REF_INTERNAL;
	struct ref_item *it = add_item(&r, RK_LID, i, e);
	it->lid = digits_value(s->t, n, e);
	it->lid_start = i, it->lid_end = e;
	size_t c = ws(s, e), o, l;
	if (c < s->len && s->t[c] == ',')
		c = ws(s, c + 1);
	if ((o = word(s, c, "onderdeel")) && (l = letter(s, ws(s, o)))) {
		it->point[0] = s->t[l - 1];
		it->point_start = c, it->point_end = l;
		it->end = l;
		r.end = l;
	}
	push_ref(s, &r);
	return r.end;
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
	case 'b': case 't': return 1; /* bijlage, titel */
	default: return 0;
	}
}

static size_t annex_citation(struct scanner *s, size_t i);

/* Only spaces, commas, "en" and "of" between A and B? */
static int joined_by_and(const struct scanner *s, size_t a, size_t b)
{
	size_t i = a;
	while (i < b) {
		size_t k;
		if (s->t[i] == ' ' || s->t[i] == ',')
			i++;
		else if ((k = word(s, i, "en")) || (k = word(s, i, "of")))
			i = k;
		else
			return 0;
	}
	return 1;
}

/*
 * "hoofdstuk 2 en afdeling 4.1.3.3 van de Awb", "artikel 3 en artikel 7:2
 * van de Awb": the law after the last citation holds for the one before it
 * when that one names no law or text of its own.
 */
static void share_law(struct scanner *s, size_t first)
{
	struct ref_scan *o = s->out;
	for (size_t k = o->nrefs; k-- > first + 1;) {
		struct ref *a = &o->refs[k - 1], *b = &o->refs[k];
		if (a->law != REF_INTERNAL || b->law < 0 || b->law_only || !a->nitems || !b->nitems)
			continue;
		enum ref_kind ka = a->items[0].kind, kb = b->items[0].kind;
		if ((ka != RK_ARTICLE && ka != RK_CHAPTER && ka != RK_SECTION) ||
		    (kb != RK_ARTICLE && kb != RK_CHAPTER && kb != RK_SECTION))
			continue;
		if (a->end != a->items[a->nitems - 1].end || !joined_by_and(s, a->end, b->start))
			continue; /* "artikel 3 van deze verordening en …" names its own */
		a->law = b->law;
		a->law_start = b->law_start, a->law_end = b->law_end;
	}
}

void refs_scan(const char *text, size_t len, const unsigned char *skip, struct ref_scan *out)
{
	struct scanner s = {text, len, skip, -1, out};
	size_t i = 0, first = out->nrefs;
	while (i < len) {
		if (!at_word_start(&s, i) || (skip && skip[i])) {
			i++;
			continue;
		}
		size_t e;
		/* Every step moves on, even when a recogniser returns an end at
		 * or before I (the fuzzer found one that did: an endless loop). */
		if (!may_start(text[i]) && (e = law_mention(&s, i))) {
			i = e > i ? e : i + 1;
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
		    (e = annex_citation(&s, i)) || (e = lid_label(&s, i)) || (e = law_mention(&s, i)) ||
		    (e = loose_style(&s, i))) {
			i = e > i ? e : i + 1;
			continue;
		}
		/* skip to the end of this word */
		while (i < len && !word_end(&s, i))
			i++;
		if (i < len)
			i++;
	}
	share_law(&s, first);
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
