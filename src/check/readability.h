#ifndef OVC_READABILITY_H
#define OVC_READABILITY_H

/*
 * The Dutch readability engine: counts (words, sentences, syllables) and
 * figures (ASL, ASW, Flesch-Douma, Brouwer) for any text, and per-sentence
 * rules reported as findings with a byte range, a severity and an exact
 * Dutch message. See docs/readability.md for the rules and their sources.
 *
 * Two profiles, kept as data in data/leesbaarheid/profielen.tsv: "B2" for
 * the legal text and "B1" for the "Voor inwoners" texts. An analyser is
 * made for one profile and reused for every block of the edition; it owns
 * all its memory and allocates nothing per word.
 *
 * Typical use by a check (one analyser per profile and edition):
 *
 *     struct readability *rd = readability_new("B2");
 *     struct readability_counts art = {0};
 *     for each block of the article:
 *         struct readability_counts blk;
 *         readability_check_text(rd, run->text, run->len, &blk, report, ctx);
 *         readability_counts_add(&art, &blk);
 *     readability_check_totals(rd, &art, report, ctx);   // ASL, passive share
 *     struct readability_figures f;
 *     readability_figures_compute(&art, &f);
 *     readability_free(rd);
 *
 * Not thread-safe per analyser; separate analysers are independent.
 */

#include <stddef.h>

#include "diag.h" /* enum severity, enum rule_id */

struct readability;

/* ---- Counts and figures -------------------------------------------------- */

/*
 * Plain sums, so units add up: block -> article -> part -> edition.
 * Averages are always computed from summed counts, never averaged.
 */
struct readability_counts {
	unsigned long words;          /* tokens with a letter or digit; a reference chain
	                                 ("artikel 5, tweede lid, onder b") is one word in B2 */
	unsigned long letter_words;   /* words with a letter: the base of ASW */
	unsigned long syllables;      /* syllables of letter_words */
	unsigned long long_words;     /* letter words of 4 or more syllables */
	unsigned long sentences;      /* sentences; an enumeration item is one (lead-in + item) */
	unsigned long sentence_words; /* sum of sentence lengths: a lead-in counts in each item */
	unsigned long long_sentences; /* sentences above the profile's warning length */
	unsigned long passive;        /* sentences with a passive (worden + participle) */
	unsigned long max_sentence;   /* longest sentence in words (kept as a maximum) */
};

/* Add SRC to DST (max_sentence takes the maximum). */
void readability_counts_add(struct readability_counts *dst, const struct readability_counts *src);

/*
 * Figures from counts. With no sentences or no letter words every figure
 * is 0 and `valid` is 0 (JSON: null).
 *   asl          = sentence_words / sentences
 *   asw          = syllables / letter_words
 *   long_share   = long_words / letter_words (0..1)
 *   flesch_douma = 206.84 - 77 * asw - 0.93 * asl     (Douma 1960)
 *   brouwer      = 195 - 2 * asl - 66.67 * asw        (Brouwer, Leesindex A)
 *   passive_share= passive / sentences (0..1)
 */
struct readability_figures {
	int valid;
	double asl, asw, long_share, flesch_douma, brouwer, passive_share;
};

void readability_figures_compute(const struct readability_counts *c, struct readability_figures *f);

/* ---- Findings ------------------------------------------------------------ */

/*
 * One finding. Rule ids (stable; see docs/readability.md):
 * zin-lang, zin-gemiddeld, zin-bijzinnen, lijdende-vorm,
 * lijdende-vorm-aandeel, naamwoordstijl, ambtelijk, afkorting,
 * woord-moeilijk, alinea-lang (RULE_ZIN_LANG … in enum rule_id).
 */
struct readability_finding {
	enum rule_id rule;      /* rule_name(rule): "zin-lang" */
	enum severity severity; /* from the profile */
	size_t segment;         /* index of the input segment the range is in;
	                           READABILITY_NO_SEGMENT for unit-level findings */
	size_t start, end;      /* byte range in that segment's text */
	const char *message;    /* Dutch, no final full stop; valid during the callback */
	const char *fix;        /* replacement for the range, or NULL; valid during the callback */
};

#define READABILITY_NO_SEGMENT ((size_t)-1)

/* Called once per finding, in text order. */
typedef void (*readability_report_fn)(void *ctx, const struct readability_finding *f);

/* One piece of text of a lid: the lead-in (depth 0), an onderdeel (1), a sub-onderdeel (2). */
struct readability_segment {
	const char *text;
	size_t len;
	int depth;
};

/*
 * One measured sentence, for reports of the longest sentences: the range of
 * the sentence (for an enumeration item: the item) and, for an item, of the
 * lead-in it continues. WORDS is the measured length (lead-in included).
 */
struct readability_sentence {
	size_t segment, start, end;
	size_t lead_segment, lead_start, lead_end; /* lead_segment READABILITY_NO_SEGMENT: none */
	unsigned long words;
};

typedef void (*readability_sentence_fn)(void *ctx, const struct readability_sentence *s);

/* ---- Life cycle ---------------------------------------------------------- */

/*
 * An analyser for PROFILE ("B2" or "B1"), with the word lists and the
 * profile loaded from the embedded data/leesbaarheid files. Returns NULL
 * when the profile is unknown. Free with readability_free.
 */
struct readability *readability_new(const char *profile);
void readability_free(struct readability *rd);

/* The profile's name ("B2"). */
const char *readability_get_profile(const struct readability *rd);

/*
 * The profile's warning limits for sentence length and average sentence
 * length, and its Flesch-Douma reference value (information, for charts).
 */
void readability_get_limits(const struct readability *rd, int *sentence_words, int *average_words,
                            int *flesch_douma);

/*
 * Start a new document: forget which initialisms the text has explained
 * ("... centraal administratiekantoor (CAK)"). readability_new starts one.
 */
void readability_reset_document(struct readability *rd);

/*
 * Call FN (NULL: none) for every measured sentence of the following
 * analyses, in text order, before that sentence's findings.
 */
void readability_set_sentence_fn(struct readability *rd, readability_sentence_fn fn, void *ctx);

/* ---- Analysis ------------------------------------------------------------ */

/*
 * Analyse one paragraph of running text: TEXT, LEN bytes of UTF-8 (need not
 * be NUL-terminated; borrowed). Sets *COUNTS (overwritten, not added to) and
 * calls REPORT (may be NULL) for each finding, with segment 0.
 * Inline enumerations ("bevat: a. …; b. …; en c. ….") are measured per item.
 */
void readability_check_text(struct readability *rd, const char *text, size_t len,
                            struct readability_counts *counts, readability_report_fn report, void *ctx);

/*
 * Analyse a lid whose parts the model keeps apart: SEGS[0] is the lead-in
 * ("Bij de beslissing kijkt de gemeente naar:") at depth 0, followed in
 * document order by its onderdelen at depth 1 and their sub-onderdelen at
 * depth 2. Each item is measured as one sentence: open lead-in(s) + item.
 * Findings carry the index in SEGS of the text their range is in.
 * The paragraph-length rule applies to the lid as a whole.
 */
void readability_check_segments(struct readability *rd, const struct readability_segment *segs, size_t n,
                                struct readability_counts *counts, readability_report_fn report, void *ctx);

/*
 * Unit-level rules on summed counts (an article, or a Voor inwoners text):
 * zin-gemiddeld (ASL) and lijdende-vorm-aandeel. Findings have segment
 * READABILITY_NO_SEGMENT and an empty range: the caller places them at the
 * unit's heading.
 */
void readability_check_totals(struct readability *rd, const struct readability_counts *counts,
                              readability_report_fn report, void *ctx);

/*
 * Write X with a decimal comma and DECIMALS digits into BUF ("23,4"), for
 * messages and reports in Dutch. Returns BUF.
 */
char *readability_format_decimal(double x, int decimals, char *buf, size_t cap);

#endif
