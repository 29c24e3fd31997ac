/*
 * ovc vergelijk: amounts, percentages, periods and age limits of the old
 * regulations, looked up in the new one (vergelijk.h).
 *
 * Values are found by a small hand-written scanner, not by a regular
 * expression library: Dutch writes "€ 2.500,-", "5%", "vijf procent",
 * "binnen zes weken", "jonger dan 27 jaar", "de 18-jarige". A value's
 * place is the content words around it; a changed value is the nearest
 * new value of the same kind and unit whose surrounding words overlap
 * most (at least two shared words), so "binnen acht weken na de aanvraag"
 * → "binnen zes weken na de aanvraag" is reported as changed, not as one
 * value dropped and another added.
 */
#include "vergelijk.h"

#include "import.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CTX_WORDS 10

static const char *const kind_names[] = {"bedrag", "percentage", "termijn", "leeftijd"};

static const struct {
	const char *word;
	int value;
} number_words[] = {
	{"een", 1},       {"één", 1},       {"twee", 2},      {"drie", 3},       {"vier", 4},
	{"vijf", 5},      {"zes", 6},       {"zeven", 7},     {"acht", 8},       {"negen", 9},
	{"tien", 10},     {"elf", 11},      {"twaalf", 12},   {"dertien", 13},   {"veertien", 14},
	{"vijftien", 15}, {"zestien", 16},  {"zeventien", 17},{"achttien", 18},  {"negentien", 19},
	{"twintig", 20},  {"dertig", 30},   {"veertig", 40},  {"vijftig", 50},   {"zestig", 60},
	{"zeventig", 70}, {"tachtig", 80},  {"negentig", 90}, {"honderd", 100},
};

static const struct {
	const char *word;
	const char *unit;
} units[] = {
	{"dag", "dagen"},         {"dagen", "dagen"},         {"kalenderdag", "dagen"},
	{"kalenderdagen", "dagen"}, {"werkdag", "werkdagen"}, {"werkdagen", "werkdagen"},
	{"week", "weken"},        {"weken", "weken"},         {"maand", "maanden"},
	{"maanden", "maanden"},   {"jaar", "jaar"},           {"jaren", "jaar"},
};

/* Words that say nothing about a value's place. */
static const char *const stop[] = {"de", "het", "een", "van", "en", "in", "op", "te", "voor",
                                   "met", "aan", "als", "dat", "die", "is", "of", "bij", "na",
                                   "tot", "dan", "om", "door", "wordt", "worden", "ten", "per",
                                   "zijn", "deze", "dit", "artikel", "lid", NULL};

struct word {
	const char *s;
	size_t len;
};

static int is_stop(const char *w, size_t n)
{
	for (int i = 0; stop[i]; i++)
		if (strlen(stop[i]) == n && ascii_casecmp_n(w, stop[i], n) == 0)
			return 1;
	return 0;
}

static int word_eq(struct word w, const char *s)
{
	return w.len == strlen(s) && ascii_casecmp_n(w.s, s, w.len) == 0;
}

/* Split TEXT into words: letters and digits (UTF-8 kept), plus "€" and "%". */
static size_t split_words(const char *text, struct word **out)
{
	size_t n = 0, cap = 0;
	struct word *w = NULL;
	const char *p = text;
	while (*p) {
		if (!strncmp(p, "\xE2\x82\xAC", 3)) {
			VEC_PUSH(w, n, cap, ((struct word){p, 3}));
			p += 3;
		} else if (*p == '%') {
			VEC_PUSH(w, n, cap, ((struct word){p, 1}));
			p++;
		} else if (is_word_byte((unsigned char)*p) || isdigit((unsigned char)*p)) {
			const char *s = p;
			/* digits keep their separators: 2.500,50 / 50,- */
			while (*p && (is_word_byte((unsigned char)*p) || isdigit((unsigned char)*p) ||
			              ((*p == '.' || *p == ',') && isdigit((unsigned char)p[1]) &&
			               isdigit((unsigned char)s[0])) ||
			              (*p == '-' && p > s && isalnum((unsigned char)p[1]))))
				p++;
			VEC_PUSH(w, n, cap, ((struct word){s, (size_t)(p - s)}));
		} else {
			p++;
		}
	}
	*out = w;
	return n;
}

/* A number as Dutch writes it: 2.500,50 → 2500.5. Returns 0 when W is none. */
static int parse_number(struct word w, double *v)
{
	if (!w.len || !isdigit((unsigned char)w.s[0])) {
		for (size_t i = 0; i < sizeof number_words / sizeof *number_words; i++)
			if (word_eq(w, number_words[i].word)) {
				*v = number_words[i].value;
				return 2; /* a number word */
			}
		return 0;
	}
	double r = 0, frac = 0, scale = 1;
	int in_frac = 0;
	for (size_t i = 0; i < w.len; i++) {
		char c = w.s[i];
		if (isdigit((unsigned char)c)) {
			if (in_frac) {
				scale /= 10;
				frac += (c - '0') * scale;
			} else {
				r = r * 10 + (c - '0');
			}
		} else if (c == ',') {
			in_frac = 1;
		} else if (c == '.') {
			continue; /* thousands separator */
		} else {
			return 0;
		}
	}
	*v = r + frac;
	return 1;
}

static int age_before(struct word *w, size_t i)
{
	for (size_t k = i >= 4 ? i - 4 : 0; k < i; k++)
		if (word_eq(w[k], "jonger") || word_eq(w[k], "ouder") || word_eq(w[k], "leeftijd"))
			return 1;
	return 0;
}

static int age_after(struct word *w, size_t n, size_t i)
{
	return (i + 2 < n && word_eq(w[i + 1], "of") &&
	        (word_eq(w[i + 2], "ouder") || word_eq(w[i + 2], "jonger"))) ||
	       (i + 1 < n && word_eq(w[i + 1], "oud"));
}

static void add_value(struct vg_value **v, size_t *n, size_t *cap, enum vg_kind kind, double val,
                      const char *unit, const char *from, const char *to, const char *file,
                      int line, struct word *w, size_t nw, size_t first, size_t last)
{
	struct vg_value x = {0};
	x.kind = kind;
	x.value = val;
	snprintf(x.unit, sizeof x.unit, "%s", unit ? unit : "");
	x.text = xstrndup(from, (size_t)(to - from));
	x.file = xstrdup(file);
	x.line = line;
	size_t cx = 0;
	size_t lo = first >= CTX_WORDS ? first - CTX_WORDS : 0;
	size_t hi = last + CTX_WORDS < nw ? last + CTX_WORDS : nw - 1;
	for (size_t k = lo; k <= hi && nw; k++) {
		if ((k >= first && k <= last) || w[k].len < 3 || is_stop(w[k].s, w[k].len) ||
		    isdigit((unsigned char)w[k].s[0]))
			continue;
		char *s = xstrndup(w[k].s, w[k].len);
		for (char *p = s; *p; p++)
			*p = (char)ascii_lower((unsigned char)*p);
		VEC_PUSH(x.ctx, x.nctx, cx, s);
	}
	VEC_PUSH(*v, *n, *cap, x);
}

void vergelijk_scan(const char *text, const char *file, int line, struct vg_value **v, size_t *n,
                    size_t *cap)
{
	struct word *w;
	size_t nw = split_words(text, &w);
	for (size_t i = 0; i < nw; i++) {
		double val;
		/* € 2.500 */
		if (w[i].len == 3 && !strncmp(w[i].s, "\xE2\x82\xAC", 3) && i + 1 < nw &&
		    parse_number(w[i + 1], &val) == 1) {
			add_value(v, n, cap, VG_BEDRAG, val, "", w[i].s, w[i + 1].s + w[i + 1].len, file,
			          line, w, nw, i, i + 1);
			i++;
			continue;
		}
		/* 18-jarige */
		if (isdigit((unsigned char)w[i].s[0])) {
			const char *dash = memchr(w[i].s, '-', w[i].len);
			if (dash && !strncmp(dash, "-jarig", 6)) {
				add_value(v, n, cap, VG_LEEFTIJD, atof(w[i].s), "jaar", w[i].s,
				          w[i].s + w[i].len, file, line, w, nw, i, i);
				continue;
			}
		}
		int kind = parse_number(w[i], &val);
		if (!kind || i + 1 >= nw)
			continue;
		struct word u = w[i + 1];
		const char *end = u.s + u.len;
		if (word_eq(u, "euro") && kind == 1) {
			add_value(v, n, cap, VG_BEDRAG, val, "", w[i].s, end, file, line, w, nw, i, i + 1);
		} else if (word_eq(u, "%") || word_eq(u, "procent")) {
			add_value(v, n, cap, VG_PERCENTAGE, val, "", w[i].s, end, file, line, w, nw, i,
			          i + 1);
		} else {
			for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
				if (!word_eq(u, units[k].word))
					continue;
				int age = !strcmp(units[k].unit, "jaar") &&
				          (age_before(w, i) || age_after(w, nw, i + 1));
				add_value(v, n, cap, age ? VG_LEEFTIJD : VG_TERMIJN, val, units[k].unit, w[i].s,
				          end, file, line, w, nw, i, i + 1);
				break;
			}
		}
	}
	free(w);
}

void vg_value_release(struct vg_value *v)
{
	free(v->text);
	free(v->file);
	for (size_t i = 0; i < v->nctx; i++)
		free(v->ctx[i]);
	free(v->ctx);
}

/* ---- Reading the inputs ------------------------------------------------ */

struct values {
	struct vg_value *v;
	size_t n, cap;
};

static void scan_tree(const struct imp_node *n, const char *file, struct values *vs)
{
	if (n->text)
		vergelijk_scan(n->text, file, n->line, &vs->v, &vs->n, &vs->cap);
	if (n->title)
		vergelijk_scan(n->title, file, n->line, &vs->v, &vs->n, &vs->cap);
	for (size_t i = 0; i < n->nkids; i++) {
		struct imp_node *k = n->kids[i];
		if (!k->line)
			k->line = n->line;
		scan_tree(k, file, vs);
	}
}

static int scan_markdown(const char *path, struct values *vs, char **err)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		*err = xasprintf("%s: kan het bestand niet lezen", path);
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int ln = 0;
	while ((len = getline(&line, &cap, fp)) >= 0) {
		ln++;
		vergelijk_scan(line, path, ln, &vs->v, &vs->n, &vs->cap);
	}
	free(line);
	fclose(fp);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int scan_path(const char *path, struct values *vs, char **err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		*err = xasprintf("%s: bestaat niet", path);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (!d) {
			*err = xasprintf("%s: kan de map niet lezen", path);
			return -1;
		}
		char **names = NULL;
		size_t n = 0, cap = 0;
		struct dirent *e;
		while ((e = readdir(d))) {
			/* a source directory (*.md) or a folder of old texts (oud/: *.xml, *.docx) */
			size_t l = strlen(e->d_name);
			if ((l > 3 && !strcmp(e->d_name + l - 3, ".md")) ||
			    (l > 4 && !strcmp(e->d_name + l - 4, ".xml")) ||
			    (l > 5 && !strcmp(e->d_name + l - 5, ".docx")))
				VEC_PUSH(names, n, cap, xasprintf("%s/%s", path, e->d_name));
		}
		closedir(d);
		if (n > 1) /* qsort(NULL, 0, …) is undefined */
			qsort(names, n, sizeof *names, cmp_str);
		int rc = 0;
		for (size_t i = 0; i < n; i++) {
			if (rc == 0)
				rc = scan_path(names[i], vs, err);
			free(names[i]);
		}
		free(names);
		return rc;
	}
	size_t l = strlen(path);
	if (l > 3 && !strcmp(path + l - 3, ".md"))
		return scan_markdown(path, vs, err);
	struct imp_meta m = {0};
	struct imp_node *doc = l > 5 && !strcmp(path + l - 5, ".docx")
	                           ? import_docx_read(path, &m, err)
	                           : import_cvdr_read(path, &m, err);
	if (!doc)
		return -1;
	scan_tree(doc, path, vs);
	imp_node_free(doc);
	imp_meta_release(&m);
	return 0;
}

/* ---- Matching ----------------------------------------------------------- */

static int overlap(const struct vg_value *a, const struct vg_value *b)
{
	int n = 0;
	for (size_t i = 0; i < a->nctx; i++)
		for (size_t j = 0; j < b->nctx; j++)
			if (!strcmp(a->ctx[i], b->ctx[j])) {
				n++;
				break;
			}
	return n;
}

static int same_kind(const struct vg_value *a, const struct vg_value *b)
{
	return a->kind == b->kind && !strcmp(a->unit, b->unit);
}

enum status { ST_SAME, ST_CHANGED, ST_MISSING };

struct match {
	enum status st;
	const struct vg_value *old, *new;
};

static struct match match_one(const struct vg_value *o, const struct values *nv,
                              const unsigned char *used)
{
	struct match m = {ST_MISSING, o, NULL};
	int best = -1;
	/* the same value: the one in the most similar place, an unused one on a tie */
	for (size_t j = 0; j < nv->n; j++) {
		const struct vg_value *c = &nv->v[j];
		if (same_kind(o, c) && fabs(c->value - o->value) < 0.005) {
			int s = overlap(o, c) * 2 - (used[j] ? 1 : 0);
			if (s > best) {
				best = s;
				m.st = ST_SAME;
				m.new = c;
			}
		}
	}
	if (m.st == ST_SAME)
		return m;
	/* another value in the same place: at least two shared words */
	best = 1;
	for (size_t j = 0; j < nv->n; j++) {
		const struct vg_value *c = &nv->v[j];
		if (!same_kind(o, c) && !(o->kind == c->kind && o->kind == VG_TERMIJN))
			continue;
		int s = overlap(o, c) * 2 - (used[j] ? 1 : 0);
		if (s > best * 2 - 1 && overlap(o, c) >= 2) {
			best = overlap(o, c);
			m.st = ST_CHANGED;
			m.new = c;
		}
	}
	return m;
}

static void put_value(struct strbuf *sb, const struct vg_value *v)
{
	strbuf_printf(sb, "{\"tekst\": ");
	strbuf_json_string(sb, v->text);
	strbuf_printf(sb, ", \"waarde\": %.10g, \"eenheid\": ", v->value);
	strbuf_json_string(sb, v->kind == VG_BEDRAG ? "euro" : v->kind == VG_PERCENTAGE ? "procent" : v->unit);
	strbuf_puts(sb, ", \"bestand\": ");
	strbuf_json_string(sb, v->file);
	strbuf_printf(sb, ", \"regel\": %d}", v->line);
}

static void report_json(const struct match *m, size_t n, const size_t *count, FILE *out)
{
	static const char *const st[] = {"gelijk", "gewijzigd", "niet-gevonden"};
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "{\n  \"waarden\": [");
	for (size_t i = 0; i < n; i++) {
		strbuf_printf(&sb, "%s\n    {\"soort\": \"%s\", \"status\": \"%s\", \"oud\": ",
		              i ? "," : "", kind_names[m[i].old->kind], st[m[i].st]);
		put_value(&sb, m[i].old);
		strbuf_puts(&sb, ", \"nieuw\": ");
		if (m[i].new)
			put_value(&sb, m[i].new);
		else
			strbuf_puts(&sb, "null");
		strbuf_putc(&sb, '}');
	}
	strbuf_printf(&sb, "\n  ],\n  \"samenvatting\": {\"gelijk\": %zu, \"gewijzigd\": %zu, "
	                   "\"niet-gevonden\": %zu}\n}\n",
	              count[0], count[1], count[2]);
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

static void report_text(const struct match *m, size_t n, const size_t *count, FILE *out)
{
	fprintf(out, "Beleidsneutraliteit: %zu waarden in de oude regelingen\n\n", n);
	for (size_t i = 0; i < n; i++) {
		const struct vg_value *o = m[i].old, *w = m[i].new;
		switch (m[i].st) {
		case ST_SAME:
			fprintf(out, "✓ gelijk         %-10s %s\n    oud:   %s:%d\n    nieuw: %s:%d\n",
			        kind_names[o->kind], o->text, o->file, o->line, w->file, w->line);
			break;
		case ST_CHANGED:
			fprintf(out, "≠ gewijzigd      %-10s %s → %s\n    oud:   %s:%d\n    nieuw: %s:%d\n",
			        kind_names[o->kind], o->text, w->text, o->file, o->line, w->file, w->line);
			break;
		case ST_MISSING:
			fprintf(out, "✗ niet gevonden  %-10s %s\n    oud:   %s:%d\n", kind_names[o->kind],
			        o->text, o->file, o->line);
			break;
		}
	}
	fprintf(out, "\n%zu gelijk, %zu gewijzigd, %zu niet gevonden\n", count[0], count[1], count[2]);
}

int vergelijk_main(int argc, char **argv)
{
	int json = 0;
	const char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
	size_t np = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--format=json"))
			json = 1;
		else if (!strcmp(argv[i], "--format=text"))
			json = 0;
		else if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "ovc: onbekende optie '%s' bij vergelijk\nZie 'ovc --help'.\n", argv[i]);
			free(paths);
			return 2;
		} else
			paths[np++] = argv[i];
	}
	if (np < 2) {
		fprintf(stderr, "ovc: vergelijk verwacht een of meer oude regelingen en de nieuwe\n"
		                "Zie 'ovc --help'.\n");
		free(paths);
		return 2;
	}
	struct values ov = {0}, nv = {0};
	char *err = NULL;
	int rc = 0;
	for (size_t i = 0; i + 1 < np && rc == 0; i++)
		rc = scan_path(paths[i], &ov, &err);
	if (rc == 0)
		rc = scan_path(paths[np - 1], &nv, &err);
	free(paths);
	int status = 2;
	if (rc == 0) {
		struct match *m = xcalloc(ov.n ? ov.n : 1, sizeof *m);
		unsigned char *used = xcalloc(nv.n ? nv.n : 1, 1);
		size_t count[3] = {0};
		for (size_t i = 0; i < ov.n; i++) {
			m[i] = match_one(&ov.v[i], &nv, used);
			if (m[i].new)
				used[m[i].new - nv.v] = 1;
			count[m[i].st]++;
		}
		if (json)
			report_json(m, ov.n, count, stdout);
		else
			report_text(m, ov.n, count, stdout);
		status = count[1] || count[2] ? 1 : 0;
		free(m);
		free(used);
	} else {
		fprintf(stderr, "ovc: %s\n", err);
		free(err);
	}
	for (size_t i = 0; i < ov.n; i++)
		vg_value_release(&ov.v[i]);
	for (size_t i = 0; i < nv.n; i++)
		vg_value_release(&nv.v[i]);
	free(ov.v);
	free(nv.v);
	return status;
}
