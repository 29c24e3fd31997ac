#ifndef OVC_READABILITY_LEX_H
#define OVC_READABILITY_LEX_H

/*
 * Internal to the readability engine: the word lists and profiles of
 * data/leesbaarheid, loaded from the embedded files. Strings point into
 * the embedded data (static, never freed), so loading copies no text.
 */

#include <stddef.h>

/* A string slice into static data. */
struct rdl_str {
	const char *s;
	size_t n;
};

/* Open-addressing hash from a byte string to an int (>= 0). */
struct rdl_map {
	struct rdl_str *keys;
	int *vals;
	size_t cap, n;
};

void rdl_map_put(struct rdl_map *m, const char *k, size_t n, int val);
/* The value stored under K, or -1. */
int rdl_map_get(const struct rdl_map *m, const char *k, size_t n);
/* Store K with BITS or-ed into its value (0 when new). */
void rdl_map_or(struct rdl_map *m, const char *k, size_t n, int bits);
void rdl_map_release(struct rdl_map *m);

#define RDL_MAX_TERM_WORDS 6

struct rdl_offic { /* ambtelijk.tsv */
	struct rdl_str words[RDL_MAX_TERM_WORDS];
	int nwords;
	struct rdl_str term, alt, note;
	int legal;  /* column 4 "juridisch": gangbaar in wetgeving, only reported where the profile says so */
	int next; /* next entry with the same first word, or -1 */
};

struct rdl_abbr { /* afkortingen.tsv and letterwoorden.tsv */
	struct rdl_str key, expansion;
	int avoid;   /* dotted: soort vermijd; initialism: not bekend */
	int may_end; /* dotted: may end a sentence */
};

enum { RDL_OFF = -1 }; /* a rule switched off in a profile */

struct rdl_profile {
	char name[8];
	int sent_warn, sent_error;
	int asl_warn;
	int clauses_warn;
	int passive_sev, passive_share;
	struct rdl_map passive_free; /* participles that do not count (verstaan) */
	int nomin_warn;
	int offic_sev;
	int offic_legal; /* ambtelijk.juridisch: also report entries marked "juridisch" */
	int abbr_sev, abbr_all;
	int hard_sev, hard_syllables;
	int para_warn;
	int fd_ref; /* flesch-douma.richtwaarde: information for charts */
	int chain_as_word;
};

struct rdl_lexicon {
	struct rdl_offic *offic;
	size_t noffic, capoffic;
	struct rdl_map offic_first; /* first word -> first entry */
	struct rdl_abbr *abbr;      /* dotted */
	size_t nabbr, capabbr;
	struct rdl_map abbr_map;    /* "d.w.z" -> entry */
	struct rdl_abbr *acro;      /* initialisms */
	size_t nacro, capacro;
	struct rdl_map acro_map;    /* exact spelling -> entry */
	struct rdl_str *suffix, *except;
	size_t nsuffix, capsuffix, nexcept, capexcept;
	struct rdl_map frequent;
};

/*
 * Load the lists and profile NAME. Returns 0, or -1 when the profile is
 * unknown. A list that is missing or malformed stops the program with an
 * internal error (the policy of tsv.h: it is a fault in how ovc was built).
 */
int rdl_load(struct rdl_lexicon *lx, struct rdl_profile *p, const char *name);
void rdl_release(struct rdl_lexicon *lx, struct rdl_profile *p);

#endif
