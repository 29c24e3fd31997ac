#ifndef OVC_WIJZIG_DOC_H
#define OVC_WIJZIG_DOC_H

/*
 * Amending the ordinance: `ovc wijzig OUD NIEUW` writes a
 * wijzigingsverordening in the formulas of the Aanwijzingen voor de
 * regelgeving (6.9, 6.11, 6.15, 6.16, 6.18; docs/wijzig.md), and
 * `ovc pas-toe OUD WIJZIGING` applies one to the old text. Both work on the
 * same editable picture of the sources (struct wz_doc): the files cut into
 * chunks at every unit heading, articles split into their blocks and the
 * Regels into leden and onderdelen as one-line Markdown texts. The
 * generator applies every instruction it writes to a working copy with the
 * applier's own code, so what it writes is what pas-toe does.
 *
 * The ordinance model (src/model/model.h) is only read: for the unit structure
 * and to compare two texts (wz_model_text).
 */

#include <stddef.h>

struct ordinance;
struct strbuf;

/* ---- The editable picture of the sources ------------------------------- */

/* An onderdeel (depth 1, letter) or sub-onderdeel (depth 2, 1°). */
struct wz_pt {
	char *text; /* one line of inline Markdown, with its ";" / "; en" / "." */
	struct wz_pt *subs;
	size_t nsubs;
};

/* A lid: its text before the onderdelen and the onderdelen. */
struct wz_lid {
	char *intro;
	struct wz_pt *pts;
	size_t npts;
};

/* A block of an article: Doel, Regels, Voor inwoners, Toelichting. */
struct wz_block {
	char *name; /* as written in its heading; NULL: Regels without a heading */
	char *raw;  /* the Markdown below the heading, trimmed */
};

struct wz_art {
	int level;        /* heading level */
	int written;      /* the heading writes the number */
	char *title;
	char *attrs;      /* "{#label …}" as written, or NULL */
	char *label;      /* from attrs, or NULL */
	struct wz_block *blocks;
	size_t nblocks;
	int regels;       /* index of the Regels block, or -1 */
	int doel;         /* index of the Doel block, or -1 */
	/* The Regels as leden; valid only when structured. */
	int structured;   /* the Regels could be read as leden and onderdelen */
	int numbered;     /* the leden are numbered (1., 2.) */
	struct wz_lid *leden;
	size_t nleden;
	char *regels_pre; /* <!-- ovc: negeer … --> lines before the leden, or NULL */
	int dirty;        /* blocks must be written again from leden */
	char *num;        /* current number (wz_doc_number); after wz_art_parse the written one */
};

enum wz_chunk_kind { WZ_RAW, WZ_PART, WZ_CHAPTER, WZ_SECTION, WZ_ARTICLE };

struct wz_chunk {
	enum wz_chunk_kind kind;
	char *raw;          /* RAW / PART: the text; CHAPTER / SECTION: body after the heading */
	/* CHAPTER / SECTION */
	int level, written;
	char *title, *attrs;
	char *num;
	struct wz_art *art; /* ARTICLE */
};

struct wz_file {
	char *name; /* "3-wmo.md" */
	char *text; /* the whole text, for files without units (verordening.md, themas.md) */
	int parts;  /* holds units: written again from chunks */
	struct wz_chunk *chunks;
	size_t nchunks;
};

enum wz_numbering { WZ_NUM_HOOFDSTUK, WZ_NUM_PARAGRAAF, WZ_NUM_DOORLOPEND };

struct wz_doc {
	char *dir;
	struct wz_file *files;
	size_t nfiles;
	enum wz_numbering numbering;
	int letters;  /* Aanwijzing 6.16: article numbers stay, inserted ones get a letter */
	char *titel, *citeertitel, *gemeente, *gemeentecode;
};

/*
 * Read the ordinance in DIR. Returns 0, or -1 with *ERR (malloc'ed, Dutch)
 * when it cannot be read or parsed far enough (a structural error of the
 * parser is reported as such). *MODEL, when not NULL, gets the parsed
 * model (free with ordinance_free).
 */
int wz_doc_load(const char *dir, struct wz_doc *doc, struct ordinance **model, char **err);
void wz_doc_release(struct wz_doc *doc);
/* A deep copy. */
void wz_doc_copy(struct wz_doc *dst, const struct wz_doc *src);
/* Compute every chapter and article number as ovc does (parse.c); with
 * DOC->letters the article numbers are left as they are. */
void wz_doc_number(struct wz_doc *doc);
/* Write the sources of DOC into DIR, numbered as ovc numbers them (created; files atomically); copies
 * the illustrations from FROM/illustraties. Returns 0 or -1 with *ERR. */
int wz_doc_write(struct wz_doc *doc, const char *dir, const char *from, char **err);
/* The text of file F as it would be written. */
char *wz_file_text(const struct wz_file *f);

/* Parse the Markdown of one article section (heading line first) into A.
 * Returns 0, or -1 when the first line is not an article heading. */
int wz_art_parse(struct wz_art *a, const char *text, size_t len);
void wz_art_release(struct wz_art *a);
void wz_art_copy(struct wz_art *dst, const struct wz_art *src);
/* The Markdown of A's section (heading with NUM when written) into SB. */
void wz_art_write(const struct wz_art *a, struct strbuf *sb);
/* The Regels of A as Markdown (from leden when structured). */
char *wz_art_regels_text(const struct wz_art *a);
/* Whitespace to single spaces, trimmed; malloc'ed. */
char *wz_norm(const char *s, size_t n);

/* Walk the articles in reading order. */
size_t wz_doc_articles(const struct wz_doc *doc, struct wz_art ***out);
/* Article with current number NUM, or NULL. */
struct wz_art *wz_doc_find(const struct wz_doc *doc, const char *num, size_t *fi, size_t *ci);

/* ---- Comparing texts --------------------------------------------------- */

/* The model as text: every unit, attribute, block, lid and onderdeel with
 * its readable text and link targets. Two sources with the same model
 * text publish the same ordinance. malloc'ed. */
char *wz_model_text(const struct ordinance *o);

/* ---- Dutch words -------------------------------------------------------- */

/* Letter label of onderdeel I (0 → "a", 25 → "z", 26 → "aa"). */
void wz_letter(size_t i, char out[8]);
/* Capital item label of change I (0 → "A", 26 → "AA", 27 → "BB"). */
void wz_item_label(size_t i, char out[16]);
/* Index of letter label S ("a" → 0), or -1. */
long wz_letter_index(const char *s, size_t n);

/* ---- Options of the commands ---------------------------------------------- */

struct wz_options {
	const char *oud, *nieuw, *out;
	const char *vergelijk; /* pas-toe: compare the result with this source */
	int letters;           /* wijzig: insert with letter numbers (6.16) */
	const char *datum;     /* wijzig: date of inwerkingtreding */
	int no_pdf;            /* wijzig: only the source and the HTML (--geen-pdf) */
};

#endif
