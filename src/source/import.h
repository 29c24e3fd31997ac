#ifndef OVC_IMPORT_H
#define OVC_IMPORT_H

/*
 * ovc import: existing regulations (CVDR XML from lokaleregelgeving.overheid.nl,
 * or Word .docx) become a source directory in format v1 with
 * `opbouw: vrij` and `nummering: vast`. The readers (import_cvdr.c,
 * import_docx.c) build the small tree below; import.c writes it as Markdown.
 * Every article keeps its words and carries herkomst="<citeertitel>, artikel N".
 */

#include <stddef.h>

enum imp_kind {
	IMP_DOC,     /* one source regulation: title in title, text nodes = aanhef */
	IMP_CHAPTER, /* hoofdstuk */
	IMP_DIVISION,/* afdeling */
	IMP_SECTION, /* paragraaf */
	IMP_ARTICLE,
	IMP_ANNEX,   /* bijlage */
	IMP_LID,     /* a numbered lid; num as written ("1.") */
	IMP_PARA,    /* a paragraph of text */
	IMP_LIST,    /* ordered when its items carry letters or digits */
	IMP_ITEM,    /* num as written ("a.", "1°", "•") */
	IMP_TABLE,
	IMP_ROW,
	IMP_CELL,
};

struct imp_node {
	enum imp_kind kind;
	char *num;   /* as written, or NULL */
	char *title; /* headings; NULL when none */
	char *text;  /* IMP_PARA, IMP_CELL: the words, whitespace collapsed */
	int ordered; /* IMP_LIST */
	int line;    /* line in the source file, for messages; 0 when unknown */
	struct imp_node **kids;
	size_t nkids, cap;
};

/* Metadata of one source regulation. */
struct imp_meta {
	char *title;      /* official title */
	char *citeertitel;/* the name herkomst= uses; defaults to title */
	char *gemeente;   /* creator */
	char *identifier; /* CVDR id, or the file name */
	char *issued;     /* JJJJ-MM-DD or NULL */
	char *inwerking;  /* JJJJ-MM-DD or NULL */
	char *source;     /* the path read */
	char *skipped;    /* what the reader left out, in Dutch ("de ondertekening, 2 …"), or NULL */
};

struct imp_node *imp_node_new(enum imp_kind kind);
void imp_node_add(struct imp_node *parent, struct imp_node *kid);
void imp_node_free(struct imp_node *n);
void imp_meta_release(struct imp_meta *m);

/* Collapse whitespace runs to one space and trim; returns a new string. */
char *imp_clean_text(const char *s);

/* For the XML readers (CVDR, .docx): is N the element NAME; N's first
 * child element NAME, or NULL (N may be NULL). */
struct _xmlNode;
int imp_xml_is(const struct _xmlNode *n, const char *name);
const struct _xmlNode *imp_xml_child(const struct _xmlNode *n, const char *name);

/*
 * Readers. Each returns the IMP_DOC tree and fills *META, or NULL with a
 * malloc'ed Dutch message in *ERR ("bestand:regel: …").
 */
struct imp_node *import_cvdr_read(const char *path, struct imp_meta *meta, char **err);
struct imp_node *import_docx_read(const char *path, struct imp_meta *meta, char **err);

/*
 * The citeertitel a regulation gives itself ("Deze verordening wordt
 * aangehaald als: …"), or NULL. Malloc'ed.
 */
char *import_citeertitel(const struct imp_node *doc);

struct import_options {
	const char *out;          /* the directory to write */
	const char *gemeentecode; /* GMnnnn, or NULL */
	const char *gemeente;     /* overrides the creator of the source, or NULL */
};

/*
 * Read every path in PATHS (format chosen by content: a zip is .docx, XML
 * with root cvdr is CVDR) and write OPT->out. Returns 0, or -1 with *ERR.
 * Nothing is written when any source fails to read. Notes for the user
 * (what was not mapped) go to NOTES, one line each, when non-NULL.
 */
int import_run(const char *const *paths, size_t npaths, const struct import_options *opt,
               char **notes, char **err);

/* Render DOCS (with METAS) as the files of a source directory, for tests and bench. */
struct import_file {
	char *name;
	char *text;
};
size_t import_render(struct imp_node **docs, struct imp_meta *metas, size_t ndocs,
                     const char *gemeentecode, struct import_file **files);

/* `ovc import BRON… -o MAP [--gemeentecode=GMnnnn]`: ARGV[0] is "import". Exit status. */
int import_main(int argc, char **argv);

#endif
