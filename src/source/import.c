/*
 * ovc import: the tree of imported regulations (import.h) written as a
 * source directory in format v1 (opbouw: vrij, nummering: vast).
 *
 * What becomes a construct of the format, and what stays text, follows one
 * rule: a construct only where ovc would show exactly what the source
 * shows. A list whose labels are a, b, c … becomes onderdelen (ovc numbers
 * them the same way); a list labelled otherwise ("•", "i.", a gap after a
 * lapsed onderdeel) stays a bullet list that writes its label as text, so
 * no label changes. docs/import.md lists every mapping.
 */
#include "import.h"

#include "output.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct imp_node *imp_node_new(enum imp_kind kind)
{
	struct imp_node *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	return n;
}

void imp_node_add(struct imp_node *parent, struct imp_node *kid)
{
	VEC_PUSH(parent->kids, parent->nkids, parent->cap, kid);
}

void imp_node_free(struct imp_node *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < n->nkids; i++)
		imp_node_free(n->kids[i]);
	free(n->kids);
	free(n->num);
	free(n->title);
	free(n->text);
	free(n);
}

void imp_meta_release(struct imp_meta *m)
{
	free(m->title);
	free(m->citeertitel);
	free(m->gemeente);
	free(m->identifier);
	free(m->issued);
	free(m->inwerking);
	free(m->source);
	free(m->skipped);
	memset(m, 0, sizeof *m);
}

char *imp_clean_text(const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb);
	int space = 0;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		/* U+00A0 (no-break space) counts as whitespace: Word and CVDR use it
		 * between "artikel" and its number. */
		int ws = isspace(*p) || (p[0] == 0xC2 && p[1] == 0xA0);
		if (ws) {
			if (p[0] == 0xC2)
				p++;
			space = sb.len > 0;
			continue;
		}
		if (space)
			strbuf_putc(&sb, ' ');
		space = 0;
		strbuf_putc(&sb, (char)*p);
	}
	return strbuf_detach(&sb, NULL);
}

/* ---- Markdown writing ------------------------------------------------- */

/* Escape TEXT so that cmark reads exactly these words back. */
static void put_text(struct strbuf *sb, const char *text, int line_start)
{
	const char *p = text;
	if (line_start) {
		/* "2. De raad" or "- x" at the start of a line would make a list,
		 * "#" a heading, ">" a quote. */
		const char *q = p;
		while (isdigit((unsigned char)*q))
			q++;
		if (q > p && (*q == '.' || *q == ')') && (q[1] == ' ' || !q[1])) {
			strbuf_add(sb, p, (size_t)(q - p));
			strbuf_putc(sb, '\\');
			p = q;
		} else if ((*p == '-' || *p == '+' || *p == '*' || *p == '#' || *p == '>' ||
		            *p == '=') ) {
			strbuf_putc(sb, '\\');
		}
	}
	for (; *p; p++) {
		if (strchr("\\`*_[]<>{}|", *p))
			strbuf_putc(sb, '\\');
		strbuf_putc(sb, *p);
	}
}

static void indent(struct strbuf *sb, int n)
{
	for (int i = 0; i < n; i++)
		strbuf_putc(sb, ' ');
}

/* Is LABEL the Nth label ovc itself writes at DEPTH (1: a, b …; 2: 1°, 2° …)? */
static int label_is_ovc(const char *label, int depth, size_t n)
{
	if (!label)
		return 0;
	char want[24];
	if (depth == 1) {
		if (n >= 26)
			return 0;
		snprintf(want, sizeof want, "%c", 'a' + (int)n);
	} else {
		snprintf(want, sizeof want, "%zu", n + 1);
	}
	size_t w = strlen(want);
	if (strncmp(label, want, w) != 0)
		return 0;
	const char *rest = label + w;
	if (depth == 2 && strncmp(rest, "\xC2\xB0", 2) == 0)
		rest += 2;
	return !*rest || !strcmp(rest, ".") || !strcmp(rest, ")");
}

static int list_is_points(const struct imp_node *list, int depth)
{
	if (!list->ordered || depth > 2 || list->nkids == 0)
		return 0;
	for (size_t i = 0; i < list->nkids; i++)
		if (!label_is_ovc(list->kids[i]->num, depth, i))
			return 0;
	return 1;
}

static int para_ends_colon(const struct imp_node *n)
{
	if (!n || n->kind != IMP_PARA || !n->text)
		return 0;
	size_t len = strlen(n->text);
	return len && n->text[len - 1] == ':';
}

static void put_table(struct strbuf *sb, const struct imp_node *t, int ind)
{
	for (size_t r = 0; r < t->nkids; r++) {
		const struct imp_node *row = t->kids[r];
		indent(sb, ind);
		strbuf_putc(sb, '|');
		for (size_t c = 0; c < row->nkids; c++) {
			strbuf_putc(sb, ' ');
			put_text(sb, row->kids[c]->text ? row->kids[c]->text : "", 0);
			strbuf_puts(sb, " |");
		}
		strbuf_putc(sb, '\n');
		if (r == 0) {
			indent(sb, ind);
			strbuf_putc(sb, '|');
			for (size_t c = 0; c < row->nkids; c++)
				strbuf_puts(sb, "---|");
			strbuf_putc(sb, '\n');
		}
	}
}

static void put_blocks(struct strbuf *sb, struct imp_node **kids, size_t n, int ind, int depth,
                       int single_lid, int first_inline);

/* A label that only says "bullet": Markdown's "- " already shows one. */
static int is_bullet(const char *label)
{
	static const char *const b[] = {"\xE2\x80\xA2", "-", "\xE2\x80\x93", "\xC2\xB7", "*",
	                                 "\xEF\x82\xB7", "o", "\xE2\x97\xA6", NULL};
	for (int i = 0; b[i]; i++)
		if (!strcmp(label, b[i]))
			return 1;
	return 0;
}

static void put_list(struct strbuf *sb, const struct imp_node *list, int ind, int depth,
                     int as_points)
{
	for (size_t i = 0; i < list->nkids; i++) {
		const struct imp_node *it = list->kids[i];
		indent(sb, ind);
		int w;
		if (as_points) {
			strbuf_printf(sb, "%zu. ", i + 1);
			w = (int)strlen("1. ") + (i + 1 >= 10);
		} else {
			strbuf_puts(sb, "- ");
			w = 2;
			if (it->num && *it->num && !is_bullet(it->num)) {
				put_text(sb, it->num, 1);
				strbuf_putc(sb, ' ');
			}
		}
		if (it->nkids == 0)
			strbuf_putc(sb, '\n');
		put_blocks(sb, it->kids, it->nkids, ind + w, depth + 1, 0, 1);
	}
}

/*
 * Write blocks at indentation IND. DEPTH is the list depth of an ordered
 * list written here (1: onderdelen). In a single-lid article an ordered
 * list is onderdelen only right after a paragraph ending in a colon
 * (docs/format.md). FIRST_INLINE: the first paragraph continues the line
 * of a list marker already written.
 */
static void put_blocks(struct strbuf *sb, struct imp_node **kids, size_t n, int ind, int depth,
                       int single_lid, int first_inline)
{
	int points_used = 0;
	for (size_t i = 0; i < n; i++) {
		const struct imp_node *k = kids[i];
		int inline_here = first_inline && i == 0;
		if (!inline_here && i > 0)
			strbuf_putc(sb, '\n');
		switch (k->kind) {
		case IMP_PARA:
			if (!inline_here)
				indent(sb, ind);
			put_text(sb, k->text, 1);
			strbuf_putc(sb, '\n');
			break;
		case IMP_LIST: {
			int pts = !points_used && list_is_points(k, depth) &&
			          (!single_lid || (i > 0 && para_ends_colon(kids[i - 1])));
			if (inline_here)
				strbuf_putc(sb, '\n');
			put_list(sb, k, ind, depth, pts);
			points_used |= pts || k->ordered;
			break;
		}
		case IMP_TABLE:
			if (inline_here)
				strbuf_putc(sb, '\n');
			put_table(sb, k, ind);
			break;
		default:
			break;
		}
	}
}

/* The herkomst= of an article: "<citeertitel>, artikel 12". */
static void put_herkomst(struct strbuf *sb, const struct imp_meta *m, const char *where)
{
	strbuf_puts(sb, " {herkomst=\"");
	for (const char *p = m->citeertitel; *p; p++)
		strbuf_putc(sb, *p == '"' ? '\'' : *p);
	strbuf_printf(sb, ", %s\"}", where);
}

struct render {
	struct strbuf *sb;
	const struct imp_meta *m;
	const char *prefix; /* "" or "2." when several sources are joined */
	int multi;
	int level;          /* heading level of the open container (0: none); articles one below */
	int chapter_level;  /* level of the open chapter (or Afdeling when joined), 0: none */
	const char *chapter;/* source chapter number, for unnumbered articles */
	size_t unnumbered;  /* articles without a number so far */
	size_t chapters;    /* chapters so far, for chapters without a number */
	size_t sections;    /* sections in the open chapter, likewise */
};

static void put_heading(struct strbuf *sb, int level, const char *word, const char *num,
                        const char *title)
{
	for (int i = 0; i < level; i++)
		strbuf_putc(sb, '#');
	strbuf_printf(sb, " %s", word);
	if (num && *num)
		strbuf_printf(sb, " %s", num);
	if (title && *title) {
		strbuf_putc(sb, ' ');
		put_text(sb, title, 0);
	}
}

static void render_article(struct render *r, const struct imp_node *a)
{
	struct strbuf *sb = r->sb;
	char *num, *where;
	if (a->num && *a->num) {
		num = xasprintf("%s%s", r->prefix, a->num);
		where = xasprintf("artikel %s", a->num);
	} else {
		/* An article without a number in the source (or text directly in a
		 * chapter): numbered in reading order, its origin is its chapter. */
		num = xasprintf("%s%zu", r->prefix, ++r->unnumbered);
		where = r->chapter ? xasprintf("hoofdstuk %s", r->chapter)
		                   : xstrdup("tekst zonder artikelnummer");
	}
	put_heading(sb, r->level + 1, "Artikel", num, a->title);
	put_herkomst(sb, r->m, where);
	strbuf_puts(sb, "\n\n");
	free(num);
	free(where);
	size_t nlid = 0;
	for (size_t i = 0; i < a->nkids; i++)
		nlid += a->kids[i]->kind == IMP_LID;
	if (nlid && nlid == a->nkids) {
		for (size_t i = 0; i < a->nkids; i++) {
			strbuf_printf(sb, "%zu. ", i + 1);
			const struct imp_node *l = a->kids[i];
			if (!l->nkids)
				strbuf_putc(sb, '\n');
			put_blocks(sb, l->kids, l->nkids, i + 1 >= 10 ? 4 : 3, 1, 0, 1);
			if (i + 1 < a->nkids)
				strbuf_putc(sb, '\n');
		}
	} else if (nlid) {
		/* Leden mixed with loose text: keep the order, every block as text. */
		for (size_t i = 0; i < a->nkids; i++) {
			const struct imp_node *k = a->kids[i];
			if (i)
				strbuf_putc(sb, '\n');
			if (k->kind == IMP_LID) {
				put_text(sb, k->num ? k->num : "", 1);
				strbuf_putc(sb, ' ');
				put_blocks(sb, k->kids, k->nkids, 0, 1, 1, 1);
			} else {
				struct imp_node *one[1] = {a->kids[i]};
				put_blocks(sb, one, 1, 0, 1, 1, 0);
			}
		}
	} else {
		put_blocks(sb, a->kids, a->nkids, 0, 1, 1, 0);
	}
	strbuf_putc(sb, '\n');
}

static void render_units(struct render *r, const struct imp_node *n);

/*
 * Heading levels of opbouw: vrij: # Hoofdstuk, ## Afdeling | Paragraaf, an
 * article one level below its container. With nummering: vast every
 * number is written, so a chapter or section the source left unnumbered
 * is numbered in reading order (its title keeps its own words, "A. …").
 */
static void render_unit(struct render *r, const struct imp_node *k)
{
	struct strbuf *sb = r->sb;
	switch (k->kind) {
	case IMP_CHAPTER: {
		const char *save = r->chapter;
		char own[24];
		r->chapters++;
		r->sections = 0;
		snprintf(own, sizeof own, "%zu", r->chapters);
		const char *cn = k->num && *k->num ? k->num : own;
		r->chapter = cn;
		/* several sources: each is a Hoofdstuk, its chapters Afdelingen */
		r->chapter_level = r->multi ? 2 : 1;
		char *num = xasprintf("%s%s", r->prefix, cn);
		put_heading(sb, r->chapter_level, r->multi ? "Afdeling" : "Hoofdstuk", num, k->title);
		free(num);
		strbuf_puts(sb, "\n\n");
		r->level = r->chapter_level;
		render_units(r, k);
		r->chapter = save;
		r->level = r->chapter_level = r->multi ? 1 : 0;
		break;
	}
	case IMP_DIVISION:
	case IMP_SECTION: {
		int lv = r->chapter_level ? (r->multi ? 2 : r->chapter_level + 1) : r->multi ? 2 : 1;
		char *num;
		r->sections++;
		if (k->num && *k->num)
			num = xasprintf("%s%s", r->prefix, k->num);
		else if (r->chapter)
			num = xasprintf("%s%s.%zu", r->prefix, r->chapter, r->sections);
		else
			num = xasprintf("%s%zu", r->prefix, r->sections);
		put_heading(sb, lv, k->kind == IMP_DIVISION ? "Afdeling" : "Paragraaf", num, k->title);
		free(num);
		strbuf_puts(sb, "\n\n");
		int save = r->level;
		r->level = lv;
		render_units(r, k);
		r->level = save;
		break;
	}
	case IMP_ARTICLE:
		render_article(r, k);
		break;
	case IMP_ANNEX:
		put_heading(sb, 1, "Bijlage", k->num, k->title);
		strbuf_puts(sb, "\n\n");
		put_blocks(sb, k->kids, k->nkids, 0, 1, 1, 0);
		strbuf_putc(sb, '\n');
		r->level = r->chapter_level = 0;
		break;
	default:
		break;
	}
}

static void render_units(struct render *r, const struct imp_node *n)
{
	for (size_t i = 0; i < n->nkids; i++)
		render_unit(r, n->kids[i]);
}

static void put_yaml(struct strbuf *sb, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	strbuf_printf(sb, "%s: \"", key);
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_putc(sb, '\\');
		strbuf_putc(sb, *p);
	}
	strbuf_puts(sb, "\"\n");
}

static char *slug(const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (const unsigned char *p = (const unsigned char *)s; *p && sb.len < 40; p++) {
		if (isalnum(*p))
			strbuf_putc(&sb, (char)tolower(*p));
		else if (sb.len && sb.buf[sb.len - 1] != '-')
			strbuf_putc(&sb, '-');
	}
	while (sb.len && sb.buf[sb.len - 1] == '-')
		sb.buf[--sb.len] = '\0';
	if (!sb.len)
		strbuf_puts(&sb, "regeling");
	return strbuf_detach(&sb, NULL);
}

static char *render_main(struct imp_node **docs, struct imp_meta *metas, size_t ndocs,
                         const char *code)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "---\n");
	for (size_t i = 0; i < ndocs; i++)
		strbuf_printf(&sb, "# bron %zu: %s (%s)\n", i + 1, metas[i].source,
		              metas[i].identifier ? metas[i].identifier : "geen id");
	if (ndocs == 1) {
		put_yaml(&sb, "titel", metas[0].title);
		put_yaml(&sb, "citeertitel", metas[0].citeertitel);
	} else {
		struct strbuf t;
		strbuf_init(&t);
		strbuf_puts(&t, "Samenvoeging van ");
		for (size_t i = 0; i < ndocs; i++)
			strbuf_printf(&t, "%s%s", i ? (i + 1 == ndocs ? " en " : ", ") : "",
			              metas[i].citeertitel);
		put_yaml(&sb, "titel", t.buf);
		strbuf_release(&t);
	}
	put_yaml(&sb, "gemeente", metas[0].gemeente ? metas[0].gemeente : "onbekend");
	if (code)
		strbuf_printf(&sb, "gemeentecode: %s\n", code);
	else
		strbuf_puts(&sb, "gemeentecode: GM0000 # onbekend: vul de CBS-code in\n");
	strbuf_puts(&sb, "status: vastgesteld\n");
	if (ndocs == 1 && metas[0].issued)
		strbuf_printf(&sb, "vastgesteld: %s\n", metas[0].issued);
	if (ndocs == 1 && metas[0].inwerking)
		strbuf_printf(&sb, "inwerkingtreding: %s\n", metas[0].inwerking);
	strbuf_puts(&sb, "opbouw: vrij\nnummering: vast\n---\n");
	/* One source: its aanhef stays word for word (# Aanhef). */
	if (ndocs == 1 && docs[0]->nkids && docs[0]->kids[0]->kind == IMP_PARA) {
		strbuf_puts(&sb, "\n# Aanhef\n\n");
		for (size_t i = 0; i < docs[0]->nkids && docs[0]->kids[i]->kind == IMP_PARA; i++) {
			put_text(&sb, docs[0]->kids[i]->text, 1);
			strbuf_puts(&sb, "\n\n");
		}
		sb.buf[--sb.len] = '\0';
	}
	return strbuf_detach(&sb, NULL);
}

size_t import_render(struct imp_node **docs, struct imp_meta *metas, size_t ndocs,
                     const char *gemeentecode, struct import_file **files)
{
	struct import_file *f = xcalloc(ndocs + 1, sizeof *f);
	f[0].name = xstrdup("verordening.md");
	f[0].text = render_main(docs, metas, ndocs, gemeentecode);
	for (size_t i = 0; i < ndocs; i++) {
		struct strbuf sb;
		strbuf_init(&sb);
		char prefix[24] = "";
		struct render r = {&sb, &metas[i], prefix, ndocs > 1, ndocs > 1, ndocs > 1, NULL, 0, 0, 0};
		if (ndocs > 1) {
			snprintf(prefix, sizeof prefix, "%zu.", i + 1);
			strbuf_printf(&sb, "# Hoofdstuk %zu ", i + 1);
			put_text(&sb, metas[i].citeertitel, 0);
			strbuf_puts(&sb, "\n\n");
		}
		render_units(&r, docs[i]);
		char *s = slug(metas[i].citeertitel);
		f[i + 1].name = xasprintf("%zu-%s.md", i + 1, s);
		free(s);
		/* no blank line at the end of the file */
		while (sb.len && sb.buf[sb.len - 1] == '\n' && sb.len > 1 && sb.buf[sb.len - 2] == '\n')
			sb.buf[--sb.len] = '\0';
		f[i + 1].text = strbuf_detach(&sb, NULL);
	}
	*files = f;
	return ndocs + 1;
}

/* ---- Reading and writing ---------------------------------------------- */

/*
 * The citeertitel as the regulation gives it ("Deze verordening wordt
 * aangehaald als: Verordening … 2020."): herkomst= should name the old
 * ordinance the way the council cites it, not by its long official title.
 * Returns a new string, or NULL when no such sentence is found.
 */
char *import_citeertitel(const struct imp_node *n)
{
	static const char key[] = "aangehaald als";
	if (n->kind == IMP_PARA && n->text) {
		const char *t = n->text;
		for (const char *p = t; *p; p++) {
			if (ascii_casecmp_n(p, key, sizeof key - 1) != 0)
				continue;
			p += sizeof key - 1;
			while (*p == ':' || *p == ' ' || *p == '"' || *p == '\'' || *p == '*' ||
			       !strncmp(p, "\xE2\x80\x9C", 3) || !strncmp(p, "\xE2\x80\x9E", 3))
				p += (unsigned char)*p >= 0x80 ? 3 : 1;
			size_t len = strcspn(p, "[(");
			while (len && strchr(" .;:*\"'", p[len - 1]))
				len--;
			while (len >= 3 && !strncmp(p + len - 3, "\xE2\x80\x9D", 3))
				len -= 3;
			char *c = xstrndup(p, len);
			size_t words = *c ? 1 : 0;
			for (const char *q = c; *q; q++)
				words += *q == ' ';
			if (words >= 2 && words <= 20)
				return c;
			free(c);
			return NULL;
		}
	}
	for (size_t i = 0; i < n->nkids; i++) {
		char *c = import_citeertitel(n->kids[i]);
		if (c)
			return c;
	}
	return NULL;
}

static int is_zip(const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	unsigned char m[4] = {0};
	size_t n = fread(m, 1, 4, fp);
	fclose(fp);
	return n == 4 && m[0] == 'P' && m[1] == 'K' && m[2] == 3 && m[3] == 4;
}

int import_run(const char *const *paths, size_t npaths, const struct import_options *opt,
               char **notes, char **err)
{
	struct imp_node **docs = xcalloc(npaths ? npaths : 1, sizeof *docs);
	struct imp_meta *metas = xcalloc(npaths ? npaths : 1, sizeof *metas);
	int rc = 0;
	size_t ndocs = 0;
	for (size_t i = 0; i < npaths && rc == 0; i++) {
		int z = is_zip(paths[i]);
		if (z < 0) {
			*err = xasprintf("%s: kan het bestand niet openen", paths[i]);
			rc = -1;
			break;
		}
		docs[i] = z ? import_docx_read(paths[i], &metas[i], err)
		            : import_cvdr_read(paths[i], &metas[i], err);
		if (!docs[i]) {
			rc = -1;
		} else {
			char *c = import_citeertitel(docs[i]);
			if (c) {
				free(metas[i].citeertitel);
				metas[i].citeertitel = c;
			}
			ndocs++;
		}
	}
	if (rc == 0 && opt->gemeente)
		for (size_t i = 0; i < ndocs; i++) {
			free(metas[i].gemeente);
			metas[i].gemeente = xstrdup(opt->gemeente);
		}
	if (rc == 0) {
		struct import_file *files;
		size_t nf = import_render(docs, metas, ndocs, opt->gemeentecode, &files);
		struct stat st;
		int existed = stat(opt->out, &st) == 0;
		rc = output_make_dir(opt->out, err);
		size_t written = 0;
		for (size_t i = 0; i < nf && rc == 0; i++) {
			char *path = xasprintf("%s/%s", opt->out, files[i].name);
			rc = output_write_file(path, files[i].text, strlen(files[i].text), err);
			written += rc == 0;
			free(path);
		}
		/* No half-written source directory: take back what was written. */
		for (size_t i = 0; rc != 0 && i < written; i++) {
			char *path = xasprintf("%s/%s", opt->out, files[i].name);
			remove(path);
			free(path);
		}
		if (rc != 0 && !existed)
			remove(opt->out);
		for (size_t i = 0; i < nf; i++) {
			free(files[i].name);
			free(files[i].text);
		}
		free(files);
	}
	if (rc == 0 && notes) {
		struct strbuf sb;
		strbuf_init(&sb);
		for (size_t i = 0; i < ndocs; i++)
			if (metas[i].skipped)
				strbuf_printf(&sb, "%s: niet ingelezen: %s\n", metas[i].source, metas[i].skipped);
		*notes = sb.len ? strbuf_detach(&sb, NULL) : NULL;
		if (!*notes)
			strbuf_release(&sb);
	}
	for (size_t i = 0; i < npaths; i++) {
		imp_node_free(docs[i]);
		imp_meta_release(&metas[i]);
	}
	free(docs);
	free(metas);
	return rc;
}

int import_main(int argc, char **argv)
{
	struct import_options opt = {NULL, NULL, NULL};
	const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
	size_t n = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-o") || !strcmp(argv[i], "--uit")) {
			if (++i >= argc) {
				fprintf(stderr, "ovc: %s verwacht een map\nZie 'ovc --help'.\n", argv[i - 1]);
				free(paths);
				return 2;
			}
			opt.out = argv[i];
		} else if (!strncmp(argv[i], "--gemeente=", 11) && argv[i][11]) {
			opt.gemeente = argv[i] + 11;
		} else if (!strncmp(argv[i], "--gemeentecode=", 15)) {
			opt.gemeentecode = argv[i] + 15;
			const char *c = opt.gemeentecode;
			if (strlen(c) != 6 || c[0] != 'G' || c[1] != 'M' || !isdigit((unsigned char)c[2]) ||
			    !isdigit((unsigned char)c[3]) || !isdigit((unsigned char)c[4]) ||
			    !isdigit((unsigned char)c[5])) {
				fprintf(stderr, "ovc: gemeentecode '%s' is geen CBS-code (GM en vier cijfers)\n", c);
				free(paths);
				return 2;
			}
		} else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "ovc: onbekende optie '%s' bij import\nZie 'ovc --help'.\n", argv[i]);
			free(paths);
			return 2;
		} else {
			paths[n++] = argv[i];
		}
	}
	if (!n || !opt.out) {
		fprintf(stderr, "ovc: %s\nZie 'ovc --help'.\n",
		        !n ? "import verwacht een of meer bronbestanden (CVDR-XML of .docx)"
		           : "import verwacht -o MAP");
		free(paths);
		return 2;
	}
	struct stat sb;
	if (stat(opt.out, &sb) == 0) {
		/* Never overwrite a writer's sources. */
		char *probe = xasprintf("%s/verordening.md", opt.out);
		int exists = stat(probe, &sb) == 0;
		free(probe);
		if (exists) {
			fprintf(stderr, "ovc: %s/verordening.md bestaat al; import schrijft alleen in een "
			                "nieuwe of lege map\n", opt.out);
			free(paths);
			return 2;
		}
	}
	char *err = NULL, *notes = NULL;
	int rc = import_run(paths, n, &opt, &notes, &err);
	free(paths);
	if (rc) {
		fprintf(stderr, "ovc: %s\n", err);
		free(err);
		return 2;
	}
	/* Never lose text silently: say what was left out (docs/import.md). */
	for (char *line = notes, *nl; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		fprintf(stderr, "ovc: %.*s\n", (int)(nl - line), line);
	}
	free(notes);
	if (!opt.gemeentecode)
		fprintf(stderr, "ovc: let op: gemeentecode onbekend; %s/verordening.md heeft GM0000 "
		                "(geef --gemeentecode=GMnnnn)\n", opt.out);
	return 0;
}

int imp_xml_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

const xmlNode *imp_xml_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (imp_xml_is(c, name))
			return c;
	return NULL;
}
