/*
 * ovc hernummer: see hernummer.h. The fixes come from the checks
 * themselves (the diagnostics' fix texts), so hernummer changes exactly
 * what `ovc check` reports, and nothing it does not.
 */
#include "hernummer.h"

#include "compile.h"
#include "diag.h"
#include "diag_print.h"
#include "model.h"
#include "numbering_record.h"
#include "output.h"
#include "source.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* One replacement of bytes [start, end) of a source by text. */
struct edit {
	const struct source *src;
	size_t start, end;
	char *text;
};

struct edits {
	struct edit *e;
	size_t n, cap;
};

static void edit_add(struct edits *ed, const struct source *src, size_t start, size_t end,
                     const char *text)
{
	if (end - start == strlen(text) && memcmp(src->text + start, text, end - start) == 0)
		return;
	struct edit e = {src, start, end, xstrdup(text)};
	VEC_PUSH(ed->e, ed->n, ed->cap, e);
}

static int is_fixing_rule(enum rule_id rule)
{
	return rule == RULE_VERWIJZING_VERSCHOVEN || rule == RULE_STRUCTUUR_NUMMER || rule == RULE_LABEL_NUMMER;
}

/* ---- List markers ---------------------------------------------------------- */

/* The number of the item marker "12." at SPAN's start, and where it is; -1 when none. */
static int marker_at(const struct span *sp, size_t *a, size_t *b)
{
	const struct source *src = sp->src;
	if (!src)
		return -1;
	size_t i = sp->start;
	while (i < src->len && src->text[i] == ' ')
		i++;
	*a = i;
	while (i < src->len && src->text[i] >= '0' && src->text[i] <= '9' && i - *a < 9)
		i++;
	*b = i;
	if (i == *a || i >= src->len || (src->text[i] != '.' && src->text[i] != ')'))
		return -1; /* "- **term**: …" or a lid without a list */
	return atoi(src->text + *a);
}

/*
 * Renumber one list's markers 1, 2, 3 … (SPANS: its items). A list that
 * writes every marker alike ("1. 1. 1.", as CommonMark allows) stays so.
 */
static void renumber_list(struct edits *ed, const struct span *const *spans, size_t n)
{
	size_t a, b;
	int first = n ? marker_at(spans[0], &a, &b) : -1, alike = 1;
	for (size_t i = 1; i < n; i++)
		alike &= marker_at(spans[i], &a, &b) == first;
	if (alike && n > 1)
		return;
	for (size_t i = 0; i < n; i++) {
		if (marker_at(spans[i], &a, &b) < 0)
			continue;
		char num[24];
		snprintf(num, sizeof num, "%zu", i + 1);
		edit_add(ed, spans[i]->src, a, b, num);
	}
}

static void renumber_points(struct edits *ed, const struct point *pts, size_t n)
{
	const struct span **spans = xcalloc(n ? n : 1, sizeof *spans);
	for (size_t i = 0; i < n; i++) {
		spans[i] = &pts[i].span;
		renumber_points(ed, pts[i].subs, pts[i].nsubs);
	}
	renumber_list(ed, spans, n);
	free(spans);
}

static void renumber_lists(struct edits *ed, const struct ordinance *o)
{
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *a = o->articles[i];
		const struct span **spans = xcalloc(a->nleden ? a->nleden : 1, sizeof *spans);
		size_t n = 0;
		for (size_t k = 0; k < a->nleden; k++) {
			if (a->leden[k].num > 0)
				spans[n++] = &a->leden[k].span;
			renumber_points(ed, a->leden[k].points, a->leden[k].npoints);
		}
		renumber_list(ed, spans, n);
		free(spans);
	}
}

/* ---- nummering: vast ---------------------------------------------------------- */

static int number_taken(const struct ordinance *o, enum unit_kind k, const char *num)
{
	for (size_t i = 0; i < o->nunits; i++)
		if (o->units[i]->kind == k && o->units[i]->written &&
		    strcmp(o->units[i]->written, num) == 0)
			return 1;
	return 0;
}

/*
 * A heading without a number under nummering: vast gets the inserted
 * number after the unit of its kind before it: "9.3a", else "9.3b" ….
 */
static void offer_inserted_numbers(struct edits *ed, const struct ordinance *o)
{
	const char *prev[UNIT_ANNEX + 1] = {0};
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if (u->written || u->kind == UNIT_PART) {
			prev[u->kind] = u->written ? u->written : prev[u->kind];
			continue;
		}
		if (!prev[u->kind] || !u->span.src)
			continue;
		char num[64];
		int found = 0;
		for (char c = 'a'; c <= 'z' && !found; c++) {
			snprintf(num, sizeof num, "%s%c", prev[u->kind], c);
			found = !number_taken(o, u->kind, num);
		}
		if (!found)
			continue;
		/* after the kind word: "### Artikel Titel" → "### Artikel 9.3a Titel" */
		const char *t = u->span.src->text;
		size_t p = u->span.start;
		while (p < u->span.end && (t[p] == '#' || t[p] == ' '))
			p++;
		while (p < u->span.end && t[p] != ' ')
			p++;
		if (p >= u->span.end)
			continue;
		char *ins = xasprintf(" %s", num);
		edit_add(ed, u->span.src, p, p, ins);
		free(ins);
	}
}

/* ---- Applying --------------------------------------------------------------- */

static int edit_cmp(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;
	if (x->src != y->src)
		return strcmp(x->src->path, y->src->path);
	return x->start < y->start ? -1 : x->start > y->start;
}

static void print_edit(FILE *out, const struct edit *e)
{
	int line, col;
	source_position(e->src, e->start, &line, &col);
	if (e->start == e->end)
		fprintf(out, "%s:%d: (invoegen) → %s\n", e->src->path, line, e->text[0] == ' ' ? e->text + 1 : e->text);
	else
		fprintf(out, "%s:%d: %.*s → %s\n", e->src->path, line, (int)(e->end - e->start),
		        e->src->text + e->start, e->text);
}

/* Rewrite the file of EDITS [from, to) (one source, sorted). */
static int write_source(const struct edit *e, size_t n, char **err)
{
	const struct source *src = e[0].src;
	struct strbuf sb;
	strbuf_init(&sb);
	/* the reader drops a leading byte-order mark; keep it in the file */
	FILE *f = fopen(src->path, "rb");
	unsigned char bom[3] = {0};
	if (f) {
		if (fread(bom, 1, 3, f) == 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
			strbuf_add(&sb, bom, 3);
		fclose(f);
	}
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		strbuf_add(&sb, src->text + at, e[i].start - at);
		strbuf_puts(&sb, e[i].text);
		at = e[i].end;
	}
	strbuf_add(&sb, src->text + at, src->len - at);
	int rc = output_write_file(src->path, sb.buf, sb.len, err);
	strbuf_release(&sb);
	return rc;
}

/* Sort, drop overlapping edits (the first wins), print, and write unless DRY_RUN. */
static int apply_edits(struct edits *ed, int dry_run, FILE *out, FILE *errf, size_t *nfiles)
{
	if (ed->n) /* qsort(NULL, 0, …) is undefined: nothing to change */
		qsort(ed->e, ed->n, sizeof *ed->e, edit_cmp);
	size_t kept = 0;
	for (size_t i = 0; i < ed->n; i++) {
		if (kept && ed->e[kept - 1].src == ed->e[i].src && ed->e[i].start < ed->e[kept - 1].end) {
			free(ed->e[i].text);
			continue;
		}
		ed->e[kept++] = ed->e[i];
	}
	ed->n = kept;
	*nfiles = 0;
	for (size_t i = 0; i < ed->n; i++)
		print_edit(out, &ed->e[i]);
	for (size_t i = 0; i < ed->n;) {
		size_t j = i;
		while (j < ed->n && ed->e[j].src == ed->e[i].src)
			j++;
		++*nfiles;
		char *err = NULL;
		if (!dry_run && write_source(&ed->e[i], j - i, &err) != 0) {
			fprintf(errf, "ovc: %s\n", err);
			free(err);
			return -1;
		}
		i = j;
	}
	return 0;
}

/* ---- The command -------------------------------------------------------------- */

/*
 * label-nummer: the range ends where the text after the link starts, so
 * for "[artikel 2.1](#melding)" it holds "2.1](#melding)". Replace the
 * number only; a fix that names another kind of unit is left to the writer.
 */
static void add_link_number(struct edits *ed, const struct diag *x)
{
	if (strchr(x->fix, ' '))
		return;
	size_t e = x->start;
	while (e < x->end && (isalnum((unsigned char)x->src->text[e]) || x->src->text[e] == '.' ||
	                      x->src->text[e] == ':'))
		e++;
	if (e > x->start)
		edit_add(ed, x->src, x->start, e, x->fix);
}

/* Collect the fixes; copy the shifted references that cannot follow into LEFT. */
static void collect(struct edits *ed, const struct ordinance *o, const struct diag_sink *d,
                    struct diag_sink *left)
{
	size_t n;
	const struct diag *list = diag_list(d, &n);
	for (size_t i = 0; i < n; i++) {
		const struct diag *x = &list[i];
		if (!is_fixing_rule(x->rule))
			continue;
		if (x->fix && x->rule == RULE_LABEL_NUMMER)
			add_link_number(ed, x);
		else if (x->fix)
			edit_add(ed, x->src, x->start, x->end, x->fix);
		else if (x->rule == RULE_VERWIJZING_VERSCHOVEN)
			diag_report(left, x->src, x->start, x->end, x->rule, "%s", x->message);
	}
	renumber_lists(ed, o);
	if (o->numbering == NUM_VAST)
		offer_inserted_numbers(ed, o);
}

static int compile(const char *dir, struct ordinance **o, struct diag_sink *d, FILE *errf)
{
	char *err = NULL;
	if (compile_ordinance(dir, o, d, &err) != 0) {
		fprintf(errf, "ovc: %s\n", err);
		free(err);
		return -1;
	}
	return 0;
}

static int finish(const char *dir, FILE *out, FILE *errf)
{
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = NULL;
	int rc = 0;
	if (compile(dir, &o, d, errf) != 0) {
		rc = 2;
	} else if (o->sources_failed) {
		rc = 1;
	} else {
		char *err = NULL;
		int written = 0;
		if (numbering_record_save(o, &written, &err) != 0) {
			fprintf(errf, "ovc: %s\n", err);
			free(err);
			rc = 2;
		} else if (written) {
			fprintf(out, "ovc hernummer: de nummering is bewaard in %s/%s\n", dir,
			        NUMBERING_RECORD_NAME);
		}
	}
	ordinance_free(o);
	diag_sink_free(d);
	return rc;
}

int hernummer_run(const char *dir, int dry_run, FILE *out, FILE *errf)
{
	struct diag_sink *d = diag_sink_new();
	struct diag_sink *left = diag_sink_new();
	struct ordinance *o = NULL;
	if (compile(dir, &o, d, errf) != 0) {
		diag_sink_free(d);
		diag_sink_free(left);
		return 2;
	}
	if (o->sources_failed) {
		diag_sort(d, (const struct source *const *)(const void *)o->files, (int)o->nfiles);
		diag_print(d, errf, DIAG_TEXT, 0, 0);
		ordinance_free(o);
		diag_sink_free(d);
		diag_sink_free(left);
		return 1;
	}
	struct edits ed = {0};
	collect(&ed, o, d, left);
	size_t nfiles = 0;
	int rc = apply_edits(&ed, dry_run, out, errf, &nfiles) == 0 ? 0 : 2;
	fprintf(out, "ovc hernummer%s: %zu %s in %zu %s%s\n", dry_run ? " --proef" : "", ed.n,
	        ed.n == 1 ? "wijziging" : "wijzigingen", nfiles, nfiles == 1 ? "bestand" : "bestanden",
	        dry_run ? " (niets geschreven)" : "");
	int nleft = diag_count(left, SEV_ERROR);
	if (nleft) {
		diag_sort(left, (const struct source *const *)(const void *)o->files, (int)o->nfiles);
		diag_print(left, errf, DIAG_TEXT, 0, 0);
		fprintf(errf, "ovc hernummer: %d %s naar een eenheid die er niet meer is; pas %s met de "
		              "hand aan\n",
		        nleft, nleft == 1 ? "verwijzing wijst" : "verwijzingen wijzen",
		        nleft == 1 ? "haar" : "ze");
	}
	for (size_t i = 0; i < ed.n; i++)
		free(ed.e[i].text);
	free(ed.e);
	ordinance_free(o);
	diag_sink_free(d);
	diag_sink_free(left);
	if (rc == 0 && !dry_run)
		rc = finish(dir, out, errf);
	return rc ? rc : nleft ? 1 : 0;
}
