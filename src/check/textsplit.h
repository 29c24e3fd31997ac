#ifndef OVC_TEXTSPLIT_H
#define OVC_TEXTSPLIT_H

/*
 * Tokeniser and sentence splitter for Dutch legal text
 * (reference/readability.md §5).
 *
 * Tokens: words (letters and digits, with inner hyphens and apostrophes:
 * e-mail, auto's, 's-Hertogenbosch), numbers (2.3, 1.1.1, 4:13, 2.500,50,
 * 1°), dotted abbreviations from a caller's list (d.w.z., art.), list labels
 * (a., 1., 1°, a), -, *) and single punctuation marks.
 *
 * Sentences end at . ? ! and ; (the semicolon closes an enumeration item),
 * at a colon that opens an enumeration, at a blank line, before a list label
 * at the start of a line and after an unpunctuated heading line. A period
 * inside a number or an abbreviation is no sentence end; a period followed
 * by a lower-case word is none either. Closing quotes and brackets stay
 * with their sentence.
 *
 * Enumerations (Aanwijzing 3.59): an item continues the lead-in before it,
 * so every item is measured as "lead-in + item". The split records that as
 * textsplit_sentence.lead. Items come either inline ("bevat: a. de naam;
 * b. het adres; en c. de datum.") or as separate segments with a depth
 * (the lid's lead-in at depth 0, onderdelen at 1, sub-onderdelen at 2).
 *
 * Nothing is allocated per token: the arrays grow and are reused.
 */

#include <stddef.h>

/*
 * Look up the dotted abbreviation LOWER (LEN bytes, lower case, without the
 * final period: "d.w.z", "art"). Returns 0 when unknown, 1 when known and
 * never a sentence end (art., mr.), 2 when known and it may end one (enz.).
 */
typedef int (*textsplit_abbrev_fn)(void *ctx, const char *lower, size_t len);

enum textsplit_kind { TS_WORD, TS_NUMBER, TS_LABEL, TS_PUNCT };

#define TS_CAPITAL   0x01u /* first letter is upper case */
#define TS_ALLCAPS   0x02u /* two or more letters, all upper case */
#define TS_ABBR      0x04u /* abbreviation from the list, final period included */
#define TS_ABBR_END  0x08u /* ... that may end a sentence */
#define TS_INITIALS  0x10u /* J.A. or J. before a name */
#define TS_HYPHEN    0x20u /* inner hyphen: zonne-energie */
#define TS_LINESTART 0x40u /* first token on its line */
#define TS_PARASTART 0x80u /* first token after a blank line */
#define TS_LETTER    0x100u /* has a letter (words; numbers like 2a too) */

struct textsplit_token {
	size_t start, end; /* bytes in the segment's text */
	unsigned seg;
	unsigned short kind;
	unsigned short flags;
	unsigned punct; /* TS_PUNCT: the code point */
};

struct textsplit_sentence {
	size_t tok, ntok;  /* tokens [tok, tok + ntok) */
	unsigned seg;
	size_t start, end; /* bytes in the segment's text */
	long lead;         /* the lead-in this item continues, or -1 */
	int is_lead;       /* a later sentence continues this one */
	unsigned term;     /* final punctuation: . ? ! ; : or 0 */
};

struct textsplit {
	struct textsplit_token *tok;
	size_t ntok, captok;
	struct textsplit_sentence *sent;
	size_t nsent, capsent;
	textsplit_abbrev_fn abbrev;
	void *abbrev_ctx;
	long depth_last[4]; /* last sentence of the latest segment per depth */
};

/* Life cycle. ABBREV may be NULL (no abbreviations known). */
void textsplit_init(struct textsplit *ts, textsplit_abbrev_fn abbrev, void *ctx);
void textsplit_release(struct textsplit *ts);
/* Forget all tokens and sentences; keeps the memory. */
void textsplit_reset(struct textsplit *ts);

/*
 * Tokenise and split TEXT (LEN bytes of UTF-8) as segment SEG at DEPTH
 * (0..3) and append the result. The first sentence of a segment at depth
 * d > 0 continues the last sentence of the latest segment at depth d - 1
 * when that one is open (ends with a colon or without punctuation).
 * TEXT is borrowed: tokens hold offsets, not copies.
 */
void textsplit_add(struct textsplit *ts, const char *text, size_t len, unsigned seg, int depth);

/* Does token T of segment text TEXT equal the lower-case ASCII word W? */
int textsplit_token_is(const struct textsplit_token *t, const char *text, const char *w);

#endif
