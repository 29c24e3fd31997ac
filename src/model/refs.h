#ifndef OVC_REFS_H
#define OVC_REFS_H

/*
 * The reference scanner: finds citations written as Dutch legislation
 * writes them ("artikel 7.2, tweede lid, onder a", "het vorige lid",
 * "de artikelen 7.1 tot en met 7.4", "hoofdstuk 10 van de Awb", "dit
 * artikel") in a text, without resolving them. It also finds wording that
 * Aanwijzing 3.29 asks to avoid ("lid 2", "sub a", "letter b") with the
 * proper wording as a fix. Pure text analysis: no model, no diagnostics.
 */

#include <stddef.h>

enum ref_kind {
	RK_ARTICLE,  /* artikel N … */
	RK_CHAPTER,  /* hoofdstuk N */
	RK_SECTION,  /* paragraaf N */
	RK_PART,     /* Deel N */
	RK_LID,      /* het tweede lid [van artikel N]: num is "" for the enclosing article */
	RK_POINT,    /* onderdeel a (in the enclosing lid) */
	RK_THIS,     /* dit artikel / dit hoofdstuk / deze paragraaf / dit deel / deze verordening / dit lid */
	RK_ANNEX,    /* bijlage N; num "" for "de bijlage" (the only one) */
};

enum ref_this { THIS_ARTICLE, THIS_CHAPTER, THIS_SECTION, THIS_PART, THIS_ORDINANCE, THIS_LID };

#define REF_LID_PREVIOUS (-1)

/* One cited unit. */
struct ref_item {
	enum ref_kind kind;
	enum ref_this this_kind; /* RK_THIS */
	char num[24];            /* article, chapter, section or part number; "" when relative */
	int lid;                 /* 0 none; 1.. ; REF_LID_PREVIOUS for "het vorige lid" */
	char point[8];           /* onderdeel letter, "" none */
	char sub[8];             /* sub-onderdeel number (without °), "" none */
	int aanhef;
	int range_end;           /* the Y of "X tot en met Y" */
	size_t start, end;       /* what to mark up as the link */
	size_t num_start, num_end;
	size_t lid_start, lid_end;
	size_t point_start, point_end;
	size_t sub_start, sub_end;
};

#define REF_INTERNAL (-1)
#define REF_UNKNOWN_LAW (-2)

struct ref {
	size_t start, end;       /* the whole citation */
	int law;                 /* REF_INTERNAL, REF_UNKNOWN_LAW or an index in the law table */
	size_t law_start, law_end;
	int law_only;            /* a law cited as a whole ("de Awb") */
	int vague;               /* "van de wet" with no definition of "wet": ovc cannot tell */
	struct ref_item *items;
	size_t nitems, capitems;
};

/* Wording Aanwijzing 3.29 asks to avoid, with its replacement. */
struct ref_style {
	size_t start, end;
	char found[48];          /* e.g. "lid 2" */
	char fix[64];            /* e.g. ", tweede lid" or "onder a" */
};

struct law_alias;

struct ref_scan {
	/* set by the caller before refs_scan, optional: law names the text defines */
	const struct law_alias *aliases;
	size_t naliases;
	const char *self_name;   /* the text's citeertitel: "van de <citeertitel>" is internal */
	struct ref *refs;
	size_t nrefs, caprefs;
	struct ref_style *style;
	size_t nstyle, capstyle;
};

/*
 * Scan TEXT (LEN bytes of UTF-8). Bytes for which SKIP is non-NULL and
 * SKIP[i] is non-zero (link texts, code) are never part of a citation.
 * Results are appended to OUT, in text order.
 */
void refs_scan(const char *text, size_t len, const unsigned char *skip, struct ref_scan *out);

void ref_scan_init(struct ref_scan *s);
void ref_scan_release(struct ref_scan *s);

#endif
