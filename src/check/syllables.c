#include "syllables.h"

#include <string.h>

/*
 * The counter works on a folded copy of the word, one byte per letter:
 * plain vowels as a e i o u y, trema vowels as A E I O U (they may not
 * join the vowel before them), other letters as lower-case consonants,
 * '-' for anything that splits the word (hyphen, apostrophe) and '0' for
 * digits. Accents that only mark stress (é, è, ó …) fold to the plain
 * vowel: they do not change the count.
 */

/* Code points U+00C0..U+00FF folded; 0 means "not a letter". */
static const char latin1_fold[64] = {
	/* À..Ï */ 'a', 'a', 'a', 'a', 'A', 'a', 'a', 'c', 'e', 'e', 'e', 'E', 'i', 'i', 'i', 'I',
	/* Ð..ß */ 'd', 'n', 'o', 'o', 'o', 'o', 'O', 0, 'o', 'u', 'u', 'u', 'U', 'y', 't', 's',
	/* à..ï */ 'a', 'a', 'a', 'a', 'A', 'a', 'a', 'c', 'e', 'e', 'e', 'E', 'i', 'i', 'i', 'I',
	/* ð..ÿ */ 'd', 'n', 'o', 'o', 'o', 'o', 'O', 0, 'o', 'u', 'u', 'u', 'U', 'y', 't', 'y',
};

struct folded {
	char c[SYLLABLES_MAX_WORD + 1];
	size_t n;
	int letters, upper, vowels;
};

static int is_vowel(char c)
{
	return c && strchr("aeiouyAEIOU", c) != NULL;
}

/* Fold one code point starting at S; returns the bytes used. */
static size_t fold_one(const unsigned char *s, size_t len, struct folded *f)
{
	char out = 'c';
	size_t used = 1;
	if (s[0] < 0x80) {
		unsigned char b = s[0];
		if (b >= 'A' && b <= 'Z') {
			f->upper++;
			out = (char)(b - 'A' + 'a');
		} else if (b >= 'a' && b <= 'z') {
			out = (char)b;
		} else if (b >= '0' && b <= '9') {
			out = '0';
		} else {
			out = '-';
		}
	} else if (s[0] == 0xC3 && len > 1) {
		used = 2;
		out = latin1_fold[(s[1] & 0x3F)];
		if (!out)
			out = '-';
		if ((s[1] & 0x20) == 0 && out != '-')
			f->upper++;
	} else if (s[0] == 0xC4 && len > 1 && (s[1] == 0xB2 || s[1] == 0xB3)) {
		/* The ĳ ligature: fold to "ij" (one byte 'i' then 'j'). */
		used = 2;
		if (f->n < SYLLABLES_MAX_WORD)
			f->c[f->n++] = 'i';
		out = 'j';
	} else {
		/* Any other letter: one consonant per code point. */
		while (used < len && (s[used] & 0xC0) == 0x80)
			used++;
	}
	if (f->n < SYLLABLES_MAX_WORD)
		f->c[f->n++] = out;
	if (out != '-' && out != '0')
		f->letters++;
	if (is_vowel(out))
		f->vowels++;
	return used;
}

static void fold_word(const char *word, size_t len, struct folded *f)
{
	const unsigned char *s = (const unsigned char *)word;
	f->n = 0;
	f->letters = f->upper = f->vowels = 0;
	for (size_t i = 0; i < len && f->n < SYLLABLES_MAX_WORD;)
		i += fold_one(s + i, len - i, f);
	f->c[f->n] = '\0';
}

/* Vowel spellings that are one nucleus, longest first. */
static const char *const graphemes[] = {
	"aai", "ooi", "oei", "eeu", "ieu",
	"aa", "ee", "oo", "uu", "ie", "oe", "eu", "ei", "ui", "ou", "au",
	"ai", "oi", "ay", "ey", "oy",
	NULL,
};

static int at_part_end(const char *c, size_t i)
{
	return c[i] == '\0' || c[i] == '-' || c[i] == '0';
}

/*
 * Length of the vowel nucleus at C[I] (a vowel). A trema vowel may start a
 * nucleus but no plain vowel may continue into one.
 */
static size_t nucleus_len(const char *c, size_t i)
{
	char first = c[i];
	if (first >= 'A' && first <= 'Z')
		first = (char)(first - 'A' + 'a');
	if (first == 'i' && c[i + 1] == 'j')
		return 2;
	/* French -eau at the end (bureau, niveaus), not ge-au-to-ma-tisch. */
	if (first == 'e' && c[i + 1] == 'a' && c[i + 2] == 'u'
	    && (at_part_end(c, i + 3) || ((c[i + 3] == 's' || c[i + 3] == 'x') && at_part_end(c, i + 4))))
		return 3;
	for (const char *const *g = graphemes; *g; g++) {
		if ((*g)[0] != first)
			continue;
		size_t j = 1;
		while ((*g)[j] && c[i + j] == (*g)[j])
			j++;
		if (!(*g)[j])
			return j;
	}
	return 1;
}

/* Grapheme count of C[FROM, TO): the folded text between loan stems. */
static int count_plain(const char *c, size_t from, size_t to)
{
	int n = 0;
	for (size_t i = from; i < to;) {
		int consonantal_y = c[i] == 'y' && (i == from || c[i - 1] == '-') && is_vowel(c[i + 1]);
		int consonantal_u = c[i] == 'u' && i > from && c[i - 1] == 'q';
		if (!is_vowel(c[i]) || consonantal_y || consonantal_u) {
			i++;
			continue;
		}
		size_t k = nucleus_len(c, i);
		if (i + k > to)
			k = to - i;
		n++;
		/* Latin -eum is two syllables: mu-se-um, ju-bi-le-um. */
		if (k == 2 && c[i] == 'e' && c[i + 1] == 'u' && c[i + 2] == 'm' && at_part_end(c, i + 3))
			n++;
		i += k;
	}
	return n;
}

/*
 * English loan stems whose spelling the Dutch rules misread, matched
 * anywhere in a word so compounds (jobcoach, klantenservice, teamleider)
 * come out right. Kept short and free of Dutch substrings on purpose.
 */
static const struct loan {
	const char *stem;
	int syllables;
} loans[] = {
	{"smartphone", 2}, {"software", 2}, {"hardware", 2}, {"deadline", 2},
	{"fulltime", 2}, {"parttime", 2}, {"helpline", 2}, {"hotline", 2},
	{"offline", 2}, {"website", 2}, {"service", 2}, {"online", 2},
	{"update", 2}, {"coach", 1}, {"team", 1}, {"lead", 1}, {"head", 1},
	{"leas", 1}, {"cake", 1},
	{NULL, 0},
};

static const struct loan *loan_at(const char *c, size_t i)
{
	for (const struct loan *l = loans; l->stem; l++)
		if (l->stem[0] == c[i] && strncmp(c + i, l->stem, strlen(l->stem)) == 0)
			return l;
	return NULL;
}

static int count_folded(const char *c, size_t n)
{
	int total = 0;
	size_t plain = 0;
	for (size_t i = 0; i < n; i++) {
		const struct loan *l = loan_at(c, i);
		if (!l)
			continue;
		total += count_plain(c, plain, i) + l->syllables;
		i += strlen(l->stem) - 1;
		plain = i + 1;
	}
	return total + count_plain(c, plain, n);
}

int syllables_count(const char *word, size_t len)
{
	struct folded f;
	fold_word(word, len, &f);
	if (f.letters == 0)
		return 0;
	/* Initialisms are spelled out: BSN, CJG, UWV (be-es-en). They carry
	 * no accents: ÉÉN and VÓÓR are words written in capitals. */
	int accented = 0;
	for (size_t i = 0; i < len; i++)
		accented |= (unsigned char)word[i] == 0xC3;
	if (!accented && f.upper == f.letters && f.letters >= 2 && (f.vowels == 0 || f.letters <= 3))
		return f.letters;
	int n = count_folded(f.c, f.n);
	return n > 0 ? n : 1;
}
