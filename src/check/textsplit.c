#include "textsplit.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- Characters ------------------------------------------------------- */

/* Decode the code point at S[I]; a broken byte counts as one "letter". */
static unsigned cp_at(const unsigned char *s, size_t len, size_t i, int *n)
{
	unsigned cp;
	if (i >= len) {
		*n = 0;
		return 0;
	}
	if (s[i] < 0x80) {
		*n = 1;
		return s[i];
	}
	*n = utf8_decode(s + i, len - i, &cp);
	if (*n == 0) {
		*n = 1;
		return 0xFFFD;
	}
	return cp;
}

static int is_space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F
	       || cp == 0x2009 || cp == 0x200B || cp == '\f' || cp == '\v';
}

static int is_digit_cp(unsigned cp)
{
	return cp >= '0' && cp <= '9';
}

/* Letters: Latin (with accents), Greek, Cyrillic; everything else is a mark. */
static int is_letter_cp(unsigned cp)
{
	if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
		return 1;
	if (cp >= 0xC0 && cp <= 0x2AF)
		return cp != 0xD7 && cp != 0xF7;
	return (cp >= 0x370 && cp <= 0x52F) || cp == 0xFFFD;
}

static int is_upper_cp(unsigned cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
	       || ((cp >= 0x100 && cp <= 0x17F) && (cp % 2 == 0));
}

static int is_lower_cp(unsigned cp)
{
	return is_letter_cp(cp) && !is_upper_cp(cp);
}

static int is_apostrophe(unsigned cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* Marks that close a quotation or a parenthesis. */
static int is_closer(unsigned cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == ')' || cp == ']'
	       || cp == 0xBB || cp == 0x203A;
}

static int is_opener(unsigned cp)
{
	return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x2018 || cp == '(' || cp == '['
	       || cp == 0xAB || cp == 0x201E;
}

/* ---- Tokens ----------------------------------------------------------- */

struct scan {
	struct textsplit *ts;
	const unsigned char *s;
	size_t len, i;
	unsigned seg;
	size_t first;      /* first token of this segment */
	int newlines;      /* line breaks since the previous token */
};

static unsigned peek(const struct scan *sc, size_t i, int *n)
{
	return cp_at(sc->s, sc->len, i, n);
}

static int space_or_end(const struct scan *sc, size_t i)
{
	int n;
	return i >= sc->len || is_space_cp(peek(sc, i, &n));
}

/* Lower-case ASCII and Latin-1 capitals of [A, B) into BUF; 0 if too long. */
static size_t lower_copy(const unsigned char *s, size_t a, size_t b, char *buf, size_t cap)
{
	size_t n = 0;
	if (b - a >= cap)
		return 0;
	for (size_t i = a; i < b; i++) {
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (i > a && s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
			c = (unsigned char)(c + 32);
		buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return n;
}

/* End of a run of letters (and digits) at I. */
static size_t letters_end(const struct scan *sc, size_t i)
{
	int n;
	unsigned cp;
	while (i < sc->len && (cp = peek(sc, i, &n), is_letter_cp(cp) || is_digit_cp(cp)))
		i += (size_t)n;
	return i;
}

/* Is [A, B) only single upper-case letters between periods (J.A)? */
static int all_initials(const struct scan *sc, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++) {
		int n;
		unsigned cp = peek(sc, i, &n);
		if (!is_upper_cp(cp))
			return 0;
		i += (size_t)n;
		if (i < b && sc->s[i] != '.')
			return 0;
	}
	return 1;
}

/*
 * A word ended at END before a period. Decide whether the period belongs
 * to it: an abbreviation from the list, initials, or a domain name
 * (gemeente.nl). Returns the new end; sets flags in *FLAGS.
 */
static size_t word_period(const struct scan *sc, size_t start, size_t end, unsigned *flags)
{
	size_t j = end;
	int n;
	while (j + 1 < sc->len && sc->s[j] == '.' && is_letter_cp(peek(sc, j + 1, &n)))
		j = letters_end(sc, j + 1);
	char buf[32];
	size_t blen = lower_copy(sc->s, start, j, buf, sizeof buf);
	int known = blen && sc->ts->abbrev ? sc->ts->abbrev(sc->ts->abbrev_ctx, buf, blen) : 0;
	int final_dot = j < sc->len && sc->s[j] == '.';
	if (known) {
		*flags |= TS_ABBR | (known == 2 ? TS_ABBR_END : 0);
		return j + (size_t)final_dot;
	}
	if (j > end) {
		if (all_initials(sc, start, j)) {
			*flags |= TS_INITIALS;
			return j + (size_t)final_dot;
		}
		return j; /* www.gemeente.nl */
	}
	/* "J. Jansen": one capital and a period before a capitalised word. */
	if (end - start == 1 && is_upper_cp(sc->s[start]) && end + 2 < sc->len && sc->s[end + 1] == ' '
	    && is_upper_cp(peek(sc, end + 2, &n))) {
		*flags |= TS_INITIALS;
		return end + 1;
	}
	return end;
}

static void scan_number(struct scan *sc, struct textsplit_token *t)
{
	size_t i = sc->i;
	int n;
	while (i < sc->len && is_digit_cp(sc->s[i]))
		i++;
	/* 2.3  1.1.1  4:13  2.500,50: a separator between digits stays inside. */
	while (i + 1 < sc->len && strchr(".,:", sc->s[i]) && sc->s[i] && is_digit_cp(sc->s[i + 1])) {
		i++;
		while (i < sc->len && is_digit_cp(sc->s[i]))
			i++;
	}
	size_t l = letters_end(sc, i); /* 2a, 1e, 3bis */
	if (l > i)
		t->flags |= TS_LETTER;
	i = l;
	if (i + 1 < sc->len && sc->s[i] == 0xC2 && sc->s[i + 1] == 0xB0)
		i += 2; /* 1° */
	(void)n;
	t->kind = TS_NUMBER;
	t->end = i;
}

static void scan_word(struct scan *sc, struct textsplit_token *t)
{
	size_t i = sc->i;
	int n, upper = 0, lower = 0;
	unsigned flags = TS_LETTER;
	for (;;) {
		size_t e = letters_end(sc, i);
		for (size_t k = i; k < e; k += (size_t)n) {
			unsigned cp = peek(sc, k, &n);
			upper += is_upper_cp(cp);
			lower += is_lower_cp(cp);
		}
		i = e;
		unsigned cp = peek(sc, i, &n);
		int n2;
		unsigned next = peek(sc, i + (size_t)n, &n2);
		if (cp == '-' && (is_letter_cp(next) || is_digit_cp(next))) {
			flags |= TS_HYPHEN;
			i += (size_t)n;
		} else if (is_apostrophe(cp) && is_letter_cp(next)) {
			i += (size_t)n;
		} else {
			break;
		}
	}
	if (i < sc->len && sc->s[i] == '.' && !(flags & TS_HYPHEN))
		i = word_period(sc, sc->i, i, &flags);
	if (is_upper_cp(peek(sc, sc->i, &n)))
		flags |= TS_CAPITAL;
	if (upper >= 2 && lower == 0)
		flags |= TS_ALLCAPS;
	t->kind = TS_WORD;
	t->flags |= (unsigned short)flags;
	t->end = i;
}

static struct textsplit_token *tok_back(const struct scan *sc, size_t k)
{
	size_t n = sc->ts->ntok;
	return n - sc->first >= k ? &sc->ts->tok[n - k] : NULL;
}

static int is_punct(const struct textsplit_token *t, unsigned cp)
{
	return t && t->kind == TS_PUNCT && t->punct == cp;
}

/* Where a list label may stand: line start, after : or ;, after "; en". */
static int label_context(const struct scan *sc, const struct textsplit_token *t)
{
	if (t->flags & TS_LINESTART)
		return 1;
	const struct textsplit_token *p = tok_back(sc, 1), *pp = tok_back(sc, 2);
	if (is_punct(p, ':') || is_punct(p, ';'))
		return 1;
	const char *text = (const char *)sc->s;
	return p && (textsplit_token_is(p, text, "en") || textsplit_token_is(p, text, "of"))
	       && (is_punct(pp, ';') || is_punct(pp, ':'));
}

/* Turn T into a list label (a. 1. 1° a) 1) - *) when it is one. */
static void maybe_label(struct scan *sc, struct textsplit_token *t)
{
	const unsigned char *s = sc->s;
	size_t e = t->end;
	int bullet = t->kind == TS_PUNCT && (t->punct == '-' || t->punct == '*' || t->punct == 0x2022
	                                     || t->punct == 0x2013);
	if (bullet) {
		if ((t->flags & TS_LINESTART) && space_or_end(sc, e))
			t->kind = TS_LABEL;
		return;
	}
	int letter = t->kind == TS_WORD && e - t->start == 1 && s[t->start] >= 'a' && s[t->start] <= 'z';
	int digits = t->kind == TS_NUMBER && !(t->flags & TS_LETTER)
	             && strspn((const char *)s + t->start, "0123456789") == e - t->start;
	int degree = t->kind == TS_NUMBER && e - t->start >= 3 && s[e - 2] == 0xC2 && s[e - 1] == 0xB0;
	if (!(letter || digits || degree) || !label_context(sc, t))
		return;
	if (degree) {
		t->kind = TS_LABEL;
	} else if (e < sc->len && (s[e] == '.' || s[e] == ')') && space_or_end(sc, e + 1)) {
		t->kind = TS_LABEL;
		t->end = e + 1;
	}
}

static void scan_token(struct scan *sc, unsigned cp, int n)
{
	struct textsplit_token t = {sc->i, sc->i + (size_t)n, sc->seg, TS_PUNCT, 0, 0};
	if (sc->ts->ntok == sc->first || sc->newlines >= 1)
		t.flags |= TS_LINESTART;
	if (sc->ts->ntok > sc->first && sc->newlines >= 2)
		t.flags |= TS_PARASTART;
	sc->newlines = 0;
	int n2;
	if (is_digit_cp(cp)) {
		scan_number(sc, &t);
	} else if (is_letter_cp(cp)) {
		scan_word(sc, &t);
	} else if (is_apostrophe(cp) && peek(sc, sc->i + (size_t)n, &n2) == 's'
	           && !is_letter_cp(peek(sc, sc->i + (size_t)n + 1, &n2))) {
		t.kind = TS_WORD; /* 's (des): 's-Hertogenbosch, 's avonds */
		t.flags |= TS_LETTER;
		t.end = sc->i + (size_t)n + 1;
		if (t.end < sc->len && sc->s[t.end] == '-')
			t.end = letters_end(sc, t.end + 1);
	} else {
		t.punct = cp;
	}
	maybe_label(sc, &t);
	VEC_PUSH(sc->ts->tok, sc->ts->ntok, sc->ts->captok, t);
	sc->i = t.end;
}

static void tokenise(struct scan *sc)
{
	while (sc->i < sc->len) {
		int n;
		unsigned cp = peek(sc, sc->i, &n);
		if (is_space_cp(cp)) {
			sc->newlines += cp == '\n';
			sc->i += (size_t)n;
			continue;
		}
		scan_token(sc, cp, n);
	}
}

int textsplit_token_is(const struct textsplit_token *t, const char *text, const char *w)
{
	size_t n = strlen(w);
	return t->end - t->start == n && ascii_casecmp_n(text + t->start, w, n) == 0;
}

/* ---- Sentences -------------------------------------------------------- */

struct splitter {
	struct scan *sc;
	size_t cur;          /* first token of the open sentence */
	long stack[8];       /* open enumeration lead-ins (sentence indexes) */
	int stack_class[8];  /* the label class their items carry */
	int nstack;
	size_t line_first, prev_line_first; /* for unpunctuated headings */
};

static const struct textsplit_token *tk(const struct splitter *sp, size_t k)
{
	return k < sp->sc->ts->ntok ? &sp->sc->ts->tok[k] : NULL;
}

/* Class of a label: 1 letter (a.), 2 number (1.), 3 degree (1°), 4 bullet. */
static int label_class(const struct scan *sc, const struct textsplit_token *t)
{
	unsigned char c = sc->s[t->start];
	if (t->kind != TS_LABEL)
		return 0;
	if (c >= 'a' && c <= 'z')
		return 1;
	if (c >= '0' && c <= '9')
		return sc->s[t->end - 1] == 0xB0 ? 3 : 2;
	return 4;
}

static int is_en_of(const struct splitter *sp, const struct textsplit_token *t)
{
	const char *text = (const char *)sp->sc->s;
	return t && t->kind == TS_WORD && (textsplit_token_is(t, text, "en") || textsplit_token_is(t, text, "of"));
}

/* The label that starts tokens [A, ...): "a." or "en c.", or NULL. */
static const struct textsplit_token *leading_label(const struct splitter *sp, size_t a)
{
	const struct textsplit_token *t = tk(sp, a);
	if (t && t->kind == TS_LABEL)
		return t;
	if (is_en_of(sp, t) && tk(sp, a + 1) && tk(sp, a + 1)->kind == TS_LABEL)
		return tk(sp, a + 1);
	return NULL;
}

/* A line that ends without punctuation and is short reads as a heading. */
static int after_heading_line(const struct splitter *sp, size_t k)
{
	const struct textsplit_token *prev = tk(sp, k - 1), *t = tk(sp, k);
	if (!(t->flags & TS_LINESTART) || k - sp->prev_line_first > 12)
		return 0;
	if (prev->kind == TS_PUNCT && strchr(".,;:?!", (int)(prev->punct < 128 ? prev->punct : 1)))
		return 0;
	if (prev->flags & TS_ABBR)
		return 0;
	return (t->flags & TS_CAPITAL) || t->kind == TS_NUMBER || is_punct(t, '#');
}

static int break_before(const struct splitter *sp, size_t k)
{
	const struct textsplit_token *t = tk(sp, k);
	if (k == sp->cur)
		return 0;
	if (t->flags & TS_PARASTART)
		return 1;
	if (t->kind == TS_LABEL)
		return !(k == sp->cur + 1 && is_en_of(sp, tk(sp, sp->cur)));
	if (is_punct(t, '#') && (t->flags & TS_LINESTART))
		return 1;
	return after_heading_line(sp, k);
}

/* Does a sentence start at token K (after a period)? */
static int starts_sentence(const struct splitter *sp, size_t k)
{
	const struct textsplit_token *n = tk(sp, k);
	if (!n || (n->flags & TS_LINESTART) || n->kind == TS_LABEL || n->kind == TS_NUMBER)
		return 1;
	if (n->flags & TS_CAPITAL)
		return 1;
	/* A closing mark right after the period: look past it ("goed.’ Daarna"). */
	if (n->kind == TS_PUNCT && is_closer(n->punct) && !is_opener(n->punct))
		return starts_sentence(sp, k + 1);
	if (n->kind == TS_PUNCT && is_opener(n->punct)) {
		const struct textsplit_token *nn = tk(sp, k + 1);
		return !nn || (nn->flags & TS_CAPITAL) || nn->kind == TS_NUMBER;
	}
	return is_punct(n, '#');
}

static int break_after(const struct splitter *sp, size_t k)
{
	const struct textsplit_token *t = tk(sp, k), *n = tk(sp, k + 1);
	if (t->kind == TS_PUNCT) {
		switch (t->punct) {
		case '?': case '!': case ';':
			return 1;
		case ':':
			return n && (n->kind == TS_LABEL || (is_en_of(sp, n) && tk(sp, k + 2)
			                                     && tk(sp, k + 2)->kind == TS_LABEL));
		case '.': case 0x2026:
			return starts_sentence(sp, k + 1);
		default:
			return 0;
		}
	}
	if (t->flags & TS_ABBR_END)
		return !n || (n->flags & (TS_LINESTART | TS_CAPITAL)) || n->kind == TS_LABEL;
	return 0;
}

static void link_item(struct splitter *sp, struct textsplit_sentence *s, long idx)
{
	struct textsplit *ts = sp->sc->ts;
	const struct textsplit_token *lab = leading_label(sp, s->tok);
	if (!lab) {
		sp->nstack = 0;
		return;
	}
	int cls = label_class(sp->sc, lab);
	for (int i = sp->nstack - 1; i >= 0; i--) {
		if (sp->stack_class[i] != cls)
			continue;
		sp->nstack = i + 1;
		s->lead = sp->stack[i];
		ts->sent[sp->stack[i]].is_lead = 1;
		return;
	}
	(void)idx;
	sp->nstack = 0;
}

static unsigned final_punct(const struct splitter *sp, size_t a, size_t b)
{
	size_t k = b;
	while (k > a && tk(sp, k)->kind == TS_PUNCT && is_closer(tk(sp, k)->punct))
		k--;
	const struct textsplit_token *t = tk(sp, k);
	if (t->kind == TS_PUNCT && t->punct < 128 && strchr(".?!;:", (int)t->punct))
		return t->punct;
	if (t->kind == TS_PUNCT && t->punct == 0x2026)
		return '.';
	return (t->flags & TS_ABBR_END) ? '.' : 0;
}

/* Close the sentence of tokens [sp->cur, B]; labels alone are no sentence. */
static void close_sentence(struct splitter *sp, size_t b)
{
	struct textsplit *ts = sp->sc->ts;
	size_t a = sp->cur;
	int words = 0;
	sp->cur = b + 1;
	for (size_t k = a; k <= b; k++)
		words += tk(sp, k)->kind == TS_WORD || tk(sp, k)->kind == TS_NUMBER;
	if (!words)
		return;
	struct textsplit_sentence s = {a, b - a + 1, sp->sc->seg, tk(sp, a)->start, tk(sp, b)->end, -1, 0, 0};
	s.term = final_punct(sp, a, b);
	long idx = (long)ts->nsent;
	link_item(sp, &s, idx);
	VEC_PUSH(ts->sent, ts->nsent, ts->capsent, s);
	const struct textsplit_token *next = leading_label(sp, b + 1);
	if (s.term == ':' && next && sp->nstack < 8) {
		sp->stack[sp->nstack] = idx;
		sp->stack_class[sp->nstack++] = label_class(sp->sc, next);
	}
}

static void split(struct splitter *sp, size_t end)
{
	for (size_t k = sp->cur; k < end; k++) {
		if (tk(sp, k)->flags & TS_LINESTART) {
			sp->prev_line_first = sp->line_first;
			sp->line_first = k;
		}
		if (break_before(sp, k))
			close_sentence(sp, k - 1);
		if (!break_after(sp, k))
			continue;
		size_t e = k;
		while (e + 1 < end && tk(sp, e + 1)->kind == TS_PUNCT && tk(sp, e + 1)->start == tk(sp, e)->end
		       && (is_closer(tk(sp, e + 1)->punct) || tk(sp, e + 1)->punct == '?' || tk(sp, e + 1)->punct == '!'))
			e++;
		close_sentence(sp, e);
		k = e;
	}
	if (sp->cur < end)
		close_sentence(sp, end - 1);
}

/* ---- Life cycle -------------------------------------------------------- */

void textsplit_init(struct textsplit *ts, textsplit_abbrev_fn abbrev, void *ctx)
{
	memset(ts, 0, sizeof *ts);
	ts->abbrev = abbrev;
	ts->abbrev_ctx = ctx;
	textsplit_reset(ts);
}

void textsplit_release(struct textsplit *ts)
{
	free(ts->tok);
	free(ts->sent);
	memset(ts, 0, sizeof *ts);
}

void textsplit_reset(struct textsplit *ts)
{
	ts->ntok = ts->nsent = 0;
	for (int d = 0; d < 4; d++)
		ts->depth_last[d] = -1;
}

/* A segment below a lead-in continues that lead-in's open last sentence. */
static void link_depth(struct textsplit *ts, size_t first_sent, int depth)
{
	if (depth <= 0 || first_sent >= ts->nsent)
		return;
	long parent = ts->depth_last[depth - 1];
	struct textsplit_sentence *s = &ts->sent[first_sent];
	if (parent < 0 || s->lead >= 0)
		return;
	unsigned term = ts->sent[parent].term;
	if (term == ':' || term == 0) {
		s->lead = parent;
		ts->sent[parent].is_lead = 1;
	}
}

void textsplit_add(struct textsplit *ts, const char *text, size_t len, unsigned seg, int depth)
{
	if (depth < 0)
		depth = 0;
	if (depth > 3)
		depth = 3;
	struct scan sc = {ts, (const unsigned char *)text, len, 0, seg, ts->ntok, 0};
	size_t first_sent = ts->nsent;
	tokenise(&sc);
	struct splitter sp = {&sc, sc.first, {0}, {0}, 0, sc.first, sc.first};
	split(&sp, ts->ntok);
	link_depth(ts, first_sent, depth);
	if (ts->nsent > first_sent)
		ts->depth_last[depth] = (long)ts->nsent - 1;
	for (int d = depth + 1; d < 4; d++)
		ts->depth_last[d] = -1;
}
