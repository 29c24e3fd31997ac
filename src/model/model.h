#ifndef OVC_MODEL_H
#define OVC_MODEL_H

/*
 * The ordinance model: what the Markdown says, as plain data. The parser
 * (parse.c, vrij.c) builds it and computes the numbering; resolve.c adds
 * the analysis (references, terms), check.c each grondslag's target and
 * illustration.c the illustrations' sources; other checks and emitters
 * only read it (walk.h walks its texts, const for readers).
 * Every element keeps where it came from (struct span). The model owns all
 * its strings; the cmark tree is freed right after parsing.
 */

#include <stddef.h>
#include <stdint.h>

struct source;

/* A byte range in one source file. */
struct span {
	const struct source *src;
	size_t start, end;
};

/* ---- Inline content ---------------------------------------------------- */

enum inl_kind {
	INL_TEXT,
	INL_EMPH,
	INL_STRONG,
	INL_CODE,
	INL_LINK,
	INL_IMAGE,
	INL_SOFTBREAK,
	INL_LINEBREAK,
	INL_HTML, /* raw inline HTML: never published */
};

struct inl {
	enum inl_kind kind;
	int map_direct;    /* TEXT: byte k of text is source byte span.start + k;
	                      then map is NULL (parse.c) */
	char *text;        /* TEXT, CODE, HTML: the literal */
	char *url;         /* LINK, IMAGE: destination */
	struct inl *child; /* EMPH, STRONG, LINK, IMAGE: content */
	struct inl *next;
	struct span span;
	size_t *map;       /* TEXT: source offset of each byte of text (len+1);
	                      NULL once the text is in a run (parse.c) */
	char *target;      /* LINK to #label: the resolved "#eId" (set by resolve.c) */
};

/*
 * An annotation on a paragraph's flattened text (struct run): a resolved
 * reference or a defined term, to be marked up by the emitters.
 */
enum annot_kind { ANNOT_REF, ANNOT_TERM };

struct annot {
	uint32_t start, end; /* byte range in run->text (a run is at most a file:
	                        SOURCE_MAX_BYTES; 24 bytes instead of 32, issue 22) */
	enum annot_kind kind;
	char *href;        /* REF: "#eId" or an external URL, owned; TERM: the
	                      term's href (struct term), not owned: one string per
	                      term, not per use (issue 22) */
};

/*
 * The readable text of a paragraph or heading: TEXT nodes outside links,
 * images and code, with soft breaks as spaces. Each byte maps back to the
 * source (run_src_off). Per byte of text a run keeps one byte of flags.
 */
/* A link inside a run: its text is bytes [start, end) of the run. */
struct run_link {
	struct inl *link;
	size_t start, end;
};

#define RUN_LINK 1  /* inside a link's text: not scanned for references */
#define RUN_CODE 2  /* code span: not scanned, not read aloud */
#define RUN_BREAK 4 /* a soft or hard line break, shown as a space */

/*
 * A stretch of a run whose bytes come from consecutive source bytes from
 * SRC on; with RUN_SEG_SAME all from the one byte SRC (a code span). A
 * paragraph is a few stretches, where a byte per character took 4 bytes
 * (issue 22: memory at 100,000 articles).
 */
struct run_seg {
	uint32_t start, src; /* a file is at most SOURCE_MAX_BYTES: bit 31 is free */
};
#define RUN_SEG_SAME 0x80000000u

/* A run, its segs and its text are one allocation (parse.c build_run):
 * free(run) frees all three; flags, annots and links are separate. */
struct run {
	char *text;
	size_t len;
	struct run_seg *segs; /* source offsets of bytes 0..len: see run_src_off */
	size_t nsegs;
	unsigned char *flags; /* len entries: RUN_*; NULL when all would be 0 */
	struct annot *annots; /* sorted by start; non-overlapping */
	size_t nannots, capannots;
	struct run_link *links; /* the links in this text, in order */
	size_t nlinks;
};

/* ---- Block content ---------------------------------------------------- */

enum blk_kind {
	BLK_PARA,
	BLK_HEADING, /* a heading inside toelichting text */
	BLK_LIST,
	BLK_ITEM,
	BLK_QUOTE,
	BLK_CODE,
	BLK_HTML,  /* raw HTML block: never published */
	BLK_BREAK, /* thematic break */
};

struct blk {
	enum blk_kind kind;
	struct blk *child, *next;
	struct inl *inl;  /* PARA, HEADING */
	struct run *run;  /* PARA, HEADING: built by the parser */
	char *text;       /* CODE, HTML */
	int ordered;      /* LIST */
	int start;        /* LIST: first number */
	int level;        /* HEADING */
	struct span span;
};

/* ---- Units ------------------------------------------------------------- */

enum unit_kind { UNIT_PART, UNIT_CHAPTER, UNIT_SECTION, UNIT_ARTICLE, UNIT_ANNEX };

/* A point (onderdeel a, b … or sub-onderdeel 1°, 2° …). */
struct point {
	char label[16];      /* "a", "b" … or "1", "2" … (the ° is added when shown) */
	int depth;           /* 1 onderdeel, 2 sub-onderdeel */
	struct blk *content; /* the item's blocks, without the nested list */
	struct point *subs;
	size_t nsubs;
	struct span span;
	char *eid;
	struct point *parent_point;
	struct lid *lid;
};

/* A lid of an article. An article of one unnumbered lid has num == 0. */
struct lid {
	int num;
	struct blk *intro;     /* blocks before the onderdelen (or all, without them) */
	struct point *points;  /* onderdelen */
	size_t npoints;
	struct blk *after;     /* blocks after the onderdelen (rare) */
	struct span span;
	char *eid;
	struct unit *article;
};

/* A definition in a type=begrippen or type=kernwaarden article. */
struct term {
	char *term;       /* as written, e.g. "persoonsgebonden budget" */
	char *id;         /* "persoonsgebonden-budget" */
	struct blk *item; /* the list item's paragraph */
	struct span span; /* the term inside ** ** */
	int used;         /* set by the analysis */
	char *href;       /* "#term-id", shared by its ANNOT_TERM annotations (resolve.c) */
};

enum block_kind { BLOCK_DOEL, BLOCK_REGELS, BLOCK_INWONERS, BLOCK_TOELICHTING, BLOCK_COUNT };

struct attr {
	char *key, *value; /* key "#" holds the label; one allocation, key first:
	                      free(key) frees both (parse.c attr_set) */
	struct span span;  /* the whole key=value */
	struct span vspan; /* the value */
};

struct grondslag {
	char *text;        /* one citation as written */
	struct span span;
	int law;           /* index in the law table, or -1 */
	char *article;     /* "2.1.3", or NULL when the law as a whole is cited */
	int lid;           /* 0 when none */
	char point[8];     /* onderdeel letter, or "" */
	unsigned lids;     /* every lid cited (bit N = lid N, 1..31); 0: the whole article */
	char points[27];   /* every onderdeel letter cited ("ef"); "": the whole lid */
};

struct unit {
	enum unit_kind kind;
	char *num;         /* computed number: "3", "7", "7.1", "7.2" */
	char *written;     /* the number as written in the heading, or NULL */
	char *title;
	char *label;       /* {#label} or NULL: the value of its attribute in attrs, not a copy */
	char *eid;         /* AKN eId */
	struct attr *attrs;
	size_t nattrs;
	struct span span;       /* the heading */
	struct span title_span; /* the heading text after the number */
	struct unit *parent;
	struct unit **kids;
	size_t nkids, capkids;
	int heading_level;
	char *word;        /* the kind as written, lower case: "afdeling", "paragraaf", "bijlage" */
	int inserted;      /* an inserted number (8a after 8, Hoofdstuk 5A): does not shift the count */

	/* UNIT_PART */
	char *wet; /* gemeenschappelijk | participatiewet | wmo | jeugdwet | slot */

	/* UNIT_ARTICLE */
	struct blk *block[BLOCK_COUNT];         /* content of each block */
	struct span block_span[BLOCK_COUNT];    /* its heading, if written */
	int has_block_heading;                  /* any #### heading was written */
	struct lid *leden;
	size_t nleden;
	char *type;                             /* begrippen | kernwaarden | NULL */
	char **themes, **kernwaarden, **wetten; /* ids from the attributes */
	size_t nthemes, nkernwaarden, nwetten;
	char *stap;
	/* attributes of the Voor inwoners heading (kop=, thema=, trefwoorden=,
	 * termijn=; docs/format.md), owned here; see src/check/citizen.h */
	struct attr *inw_attrs;
	size_t ninw_attrs;
	struct grondslag *grondslagen;
	size_t ngrondslagen;
	struct term *terms; /* type=begrippen / kernwaarden entries */
	size_t nterms;
	size_t index;       /* position among all articles */
};

struct theme {
	char *id, *title;
	struct blk *content;
	struct span span;
};

enum fm_key {
	FM_TITEL,
	FM_CITEERTITEL,
	FM_GEMEENTE,
	FM_GEMEENTECODE,
	FM_STATUS,
	FM_VERSIE,
	FM_VASTGESTELD,
	FM_INWERKINGTREDING,
	FM_VOORSTEL,
	FM_ADVIES,
	FM_NUMMERING,
	FM_PLICHTEN, /* aan | uit: the completeness check (data/plichten.tsv) */
	/* the municipality's contact details for the citizen edition */
	FM_TELEFOON,
	FM_ADRES,
	FM_WEBSITE,
	FM_FORMULIER,
	FM_OPENINGSTIJDEN,
	FM_CLIENTONDERSTEUNING,
	FM_SPOED,
	FM_OPBOUW,   /* omgekeerd | vrij: the four-part ordinance, or any regulation */
	FM_VOORSTELNUMMER, /* the number of the council proposal (raadsbesluit) */
	FM_COUNT
};

enum numbering { NUM_HOOFDSTUK, NUM_PARAGRAAF, NUM_DOORLOPEND, NUM_VAST };

struct ordinance {
	char *dir;             /* the source directory as given */
	struct source **files; /* in reading order */
	size_t nfiles;
	struct source *main;   /* verordening.md */
	struct source *themes_src;

	char *fm[FM_COUNT];             /* front matter values, or NULL */
	struct span fm_span[FM_COUNT];
	enum numbering numbering;

	struct blk *toelichting; /* body of verordening.md without # Aanhef */
	struct blk *aanhef;      /* content of # Aanhef, or NULL */

	struct theme *themes;
	size_t nthemes;

	struct unit **parts;
	size_t nparts;
	struct unit **articles; /* every article in order */
	size_t narticles;
	struct unit **units;    /* every unit in order (parts, chapters, …) */
	size_t nunits;

	int sources_failed;       /* a file was not valid text: nothing parsed */
	struct unit *begrippen;   /* the type=begrippen article, or NULL */
	struct unit *kernwaarden; /* the type=kernwaarden article, or NULL */

	/* opbouw: vrij (any regulation: no Deel, no Doel, no themas.md) */
	int vrij;
	struct unit **roots;      /* vrij: the top-level units (chapters, articles, bijlagen) */
	size_t nroots;
	struct unit **annexes;    /* every Bijlage in order */
	size_t nannexes;
	/* law names the definitions article defines ("wet: Jeugdwet"): term → law index */
	struct law_alias {
		char *name;
		int law;
	} *aliases;
	size_t naliases;

	/* Hash index behind the ordinance_find_* lookups, built on first use
	 * and rebuilt when units or themes were added (model.c). */
	struct ordinance_index *index;

	/* SVG files with a diagnostic: their text, for file:line:col (illustration.c). */
	struct source **illustrations;
	size_t nillustrations;
};

/* Free everything the ordinance owns, including its sources. */
void ordinance_free(struct ordinance *o);

/*
 * Lookups (hashed; NULL when absent). The first unit or theme with the
 * key is found, as in reading order. The index is built on the first
 * lookup after parsing: code that renumbers or relabels units after a
 * lookup calls ordinance_reindex first (the index points at their
 * strings).
 */
struct unit *ordinance_find_article(const struct ordinance *o, const char *num);
struct unit *ordinance_find_unit(const struct ordinance *o, enum unit_kind kind, const char *num);
struct unit *ordinance_find_label(const struct ordinance *o, const char *label);
const struct theme *ordinance_find_theme(const struct ordinance *o, const char *id);
void ordinance_reindex(const struct ordinance *o);

/* The unit label or theme id closest to LABEL, or NULL ("bedoelt u …?"). */
const char *label_suggest(const struct ordinance *o, const char *label);
/* The theme id closest to ID, or NULL. */
const char *theme_suggest(const struct ordinance *o, const char *id);

/* The attribute KEY of U, or NULL. */
const struct attr *unit_attr(const struct unit *u, const char *key);

/* Dutch name of a unit kind: "deel", "hoofdstuk", "paragraaf", "artikel". */
const char *unit_kind_name(enum unit_kind k);

/* The part (Deel) that contains U. */
const struct unit *unit_part(const struct unit *u);

/* Is U in a law part (participatiewet, wmo, jeugdwet)? */
int unit_in_law_part(const struct unit *u);

/* Source offset of byte I (0..len) of the run R. */
size_t run_src_off(const struct run *r, size_t i);

/* Free a block list / inline list (with siblings). */
void blk_free(struct blk *b);
void inl_free(struct inl *i);

/* Ordinal word for N (1..20: "eerste" … "twintigste"), or NULL. */
const char *ordinal_word(int n);
/* Number for an ordinal word ("tweede" → 2), or 0. Case-insensitive. */
int ordinal_value(const char *word, size_t len);

#endif
