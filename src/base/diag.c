#include "diag.h"

#include "diag_ci.h"
#include "source.h"
#include "util.h"
#include "version.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>


const struct rule_info rule_table[] = {
#define RULE(id, sev, desc) {id, sev, desc},
#include "rules.def"
#undef RULE
	{NULL, SEV_WARNING, NULL},
};

const struct rule_info *rule_find(const char *id)
{
	for (const struct rule_info *r = rule_table; r->id; r++)
		if (strcmp(r->id, id) == 0)
			return r;
	return NULL;
}

struct suppression {
	const struct source *src;
	size_t start, end;
	char *rule;
};

struct diag_sink {
	struct diag *items;
	size_t n, cap;
	struct suppression *supp;
	size_t nsupp, capsupp;
	unsigned seq;
};

struct diag_sink *diag_sink_new(void)
{
	return xcalloc(1, sizeof(struct diag_sink));
}

void diag_sink_free(struct diag_sink *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		free(d->items[i].message);
		free(d->items[i].fix);
	}
	free(d->items);
	for (size_t i = 0; i < d->nsupp; i++)
		free(d->supp[i].rule);
	free(d->supp);
	free(d);
}

static int suppressed(const struct diag_sink *d, const struct source *src, size_t start,
                      const char *rule)
{
	for (size_t i = 0; i < d->nsupp; i++) {
		const struct suppression *s = &d->supp[i];
		if (s->src == src && start >= s->start && start < s->end && strcmp(s->rule, rule) == 0)
			return 1;
	}
	return 0;
}

static void report(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                   const char *rule, int sev, const char *fix, const char *fmt, va_list ap)
{
	const struct rule_info *r = rule_find(rule);
	if (!r) {
		fprintf(stderr, "ovc: interne fout: onbekende regel '%s'\n", rule);
		abort();
	}
	if (suppressed(d, src, start, rule))
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_vprintf(&sb, fmt, ap);
	if (end < start)
		end = start;
	struct diag x = {src, start, end, sev < 0 ? r->severity : (enum severity)sev, r->id, strbuf_detach(&sb, NULL),
	                 fix ? xstrdup(fix) : NULL, d->seq++};
	strbuf_release(&sb);
	VEC_PUSH(d->items, d->n, d->cap, x);
}

void diag_report(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                 const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(d, src, start, end, rule, -1, NULL, fmt, ap);
	va_end(ap);
}

void diag_report_fix(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                     const char *rule, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(d, src, start, end, rule, -1, fix, fmt, ap);
	va_end(ap);
}

void diag_report_sev(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                     const char *rule, enum severity sev, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(d, src, start, end, rule, (int)sev, fix, fmt, ap);
	va_end(ap);
}

void diag_suppress(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                   const char *rule)
{
	struct suppression s = {src, start, end, xstrdup(rule)};
	VEC_PUSH(d->supp, d->nsupp, d->capsupp, s);
}

int diag_count(const struct diag_sink *d, enum severity sev)
{
	int n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->items[i].severity == sev;
	return n;
}

const struct diag *diag_list(const struct diag_sink *d, size_t *n)
{
	*n = d->n;
	return d->items;
}

/* File rank for sorting; set by diag_sort, read by the comparison. */
static const struct source *const *sort_order;
static int sort_norder;

static int file_rank(const struct source *src)
{
	for (int i = 0; i < sort_norder; i++)
		if (sort_order[i] == src)
			return i;
	return sort_norder;
}

static int compare(const void *a, const void *b)
{
	const struct diag *x = a, *y = b;
	int rx = file_rank(x->src), ry = file_rank(y->src);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	if (x->src != y->src)
		return strcmp(x->src->path, y->src->path);
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void diag_sort(struct diag_sink *d, const struct source *const *order, int norder)
{
	sort_order = order;
	sort_norder = norder;
	if (d->n > 1)
		qsort(d->items, d->n, sizeof *d->items, compare);
	sort_order = NULL;
	sort_norder = 0;
}

/* Inclusive start and exclusive end as line:column (code points, from 1). */
static void span_position(const struct diag *x, int *l1, int *c1, int *l2, int *c2)
{
	source_position(x->src, x->start, l1, c1);
	source_position(x->src, x->end, l2, c2);
}

static const char *sev_name(enum severity s)
{
	return s == SEV_ERROR ? "fout" : "waarschuwing";
}

/* The source line with tabs shown as one space, then a caret line. */
static void print_excerpt(FILE *out, const struct diag *x, int line, int col, int eline, int ecol,
                          int color)
{
	size_t len;
	const char *text = source_line(x->src, line, &len);
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < len; i++)
		strbuf_putc(&sb, text[i] == '\t' ? ' ' : text[i]);
	fprintf(out, "%5d | %s\n", line, sb.buf);
	int width = (int)utf8_count(text, len);
	int last = eline == line ? ecol : width + 1;
	if (last <= col)
		last = col + 1;
	strbuf_reset(&sb);
	for (int i = 1; i < col; i++)
		strbuf_putc(&sb, ' ');
	strbuf_puts(&sb, color ? "\033[1;32m^" : "^");
	for (int i = col + 1; i < last; i++)
		strbuf_putc(&sb, '~');
	if (color)
		strbuf_puts(&sb, "\033[0m");
	fprintf(out, "      | %s\n", sb.buf);
	if (x->fix)
		fprintf(out, "      = suggestie: %s\n", x->fix);
	strbuf_release(&sb);
}

static void print_text(const struct diag_sink *d, FILE *out, int werror, int color)
{
	int errors = 0, warnings = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *x = &d->items[i];
		enum severity sev = werror ? SEV_ERROR : x->severity;
		int l1, c1, l2, c2;
		span_position(x, &l1, &c1, &l2, &c2);
		if (color)
			fprintf(out, "\033[1m%s:%d:%d:\033[0m %s%s:\033[0m %s [%s]\n", x->src->path, l1, c1,
			        sev == SEV_ERROR ? "\033[1;31m" : "\033[1;35m", sev_name(sev), x->message,
			        x->rule);
		else
			fprintf(out, "%s:%d:%d: %s: %s [%s]\n", x->src->path, l1, c1, sev_name(sev),
			        x->message, x->rule);
		print_excerpt(out, x, l1, c1, l2, c2, color);
		if (sev == SEV_ERROR)
			errors++;
		else
			warnings++;
	}
	if (errors == 0 && warnings == 0)
		fprintf(out, "geen fouten, geen waarschuwingen\n");
	else
		fprintf(out, "%d %s, %d %s\n", errors, errors == 1 ? "fout" : "fouten", warnings,
		        warnings == 1 ? "waarschuwing" : "waarschuwingen");
}

static void print_json(const struct diag_sink *d, FILE *out, int werror)
{
	struct strbuf sb;
	strbuf_init(&sb);
	int errors = 0, warnings = 0;
	strbuf_puts(&sb, "{\"diagnostics\":[");
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *x = &d->items[i];
		enum severity sev = werror ? SEV_ERROR : x->severity;
		int l1, c1, l2, c2;
		span_position(x, &l1, &c1, &l2, &c2);
		strbuf_puts(&sb, i ? ",\n{" : "\n{");
		strbuf_puts(&sb, "\"file\":");
		strbuf_json_string(&sb, x->src->path);
		strbuf_printf(&sb, ",\"line\":%d,\"column\":%d,\"end_line\":%d,\"end_column\":%d,", l1,
		              c1, l2, c2);
		strbuf_printf(&sb, "\"severity\":\"%s\",\"rule\":\"%s\",\"message\":", sev_name(sev),
		              x->rule);
		strbuf_json_string(&sb, x->message);
		if (x->fix) {
			strbuf_puts(&sb, ",\"fix\":");
			strbuf_json_string(&sb, x->fix);
		}
		strbuf_putc(&sb, '}');
		if (sev == SEV_ERROR)
			errors++;
		else
			warnings++;
	}
	strbuf_printf(&sb, "%s],\"errors\":%d,\"warnings\":%d}\n", d->n ? "\n" : "", errors,
	              warnings);
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

static void sarif_rules(struct strbuf *sb)
{
	strbuf_puts(sb, "\"rules\":[");
	for (const struct rule_info *r = rule_table; r->id; r++) {
		strbuf_puts(sb, r == rule_table ? "\n" : ",\n");
		strbuf_puts(sb, "{\"id\":");
		strbuf_json_string(sb, r->id);
		strbuf_puts(sb, ",\"shortDescription\":{\"text\":");
		strbuf_json_string(sb, r->description);
		strbuf_printf(sb, "},\"defaultConfiguration\":{\"level\":\"%s\"}}",
		              r->severity == SEV_ERROR ? "error" : "warning");
	}
	strbuf_puts(sb, "]");
}

static void sarif_result(struct strbuf *sb, const struct diag *x, int werror, const char *fingerprint)
{
	int l1, c1, l2, c2;
	span_position(x, &l1, &c1, &l2, &c2);
	enum severity sev = werror ? SEV_ERROR : x->severity;
	strbuf_puts(sb, "{\"ruleId\":");
	strbuf_json_string(sb, x->rule);
	strbuf_printf(sb, ",\"level\":\"%s\",\"message\":{\"text\":",
	              sev == SEV_ERROR ? "error" : "warning");
	strbuf_json_string(sb, x->message);
	strbuf_puts(sb, "},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":");
	strbuf_json_string(sb, x->src->path);
	strbuf_printf(sb,
	              "},\"region\":{\"startLine\":%d,\"startColumn\":%d,\"endLine\":%d,"
	              "\"endColumn\":%d}}}]",
	              l1, c1, l2, c2);
	if (x->fix) {
		strbuf_puts(sb, ",\"fixes\":[{\"description\":{\"text\":\"Vervang door de juiste "
		                "schrijfwijze\"},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":");
		strbuf_json_string(sb, x->src->path);
		strbuf_printf(sb,
		              "},\"replacements\":[{\"deletedRegion\":{\"startLine\":%d,\"startColumn\":"
		              "%d,\"endLine\":%d,\"endColumn\":%d},\"insertedContent\":{\"text\":",
		              l1, c1, l2, c2);
		strbuf_json_string(sb, x->fix);
		strbuf_puts(sb, "}}]}]}]");
	}
	/* code-scanning UIs follow a result across commits by this (src/cli/diag_ci.h) */
	strbuf_printf(sb, ",\"partialFingerprints\":{\"ovcFingerprint/v1\":\"%s\"}", fingerprint);
	strbuf_putc(sb, '}');
}

static void print_sarif(const struct diag_sink *d, FILE *out, int werror)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	                 "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"ovc\","
	                 "\"version\":\"" OVC_VERSION "\",\"informationUri\":"
	                 "\"https://ovc.nl/\",");
	sarif_rules(&sb);
	strbuf_puts(&sb, "}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
	char (*fp)[DIAG_FINGERPRINT_LEN + 1] = xcalloc(d->n ? d->n : 1, sizeof *fp);
	diag_fingerprints(d->items, d->n, fp);
	for (size_t i = 0; i < d->n; i++) {
		strbuf_puts(&sb, i ? ",\n" : "\n");
		sarif_result(&sb, &d->items[i], werror, fp[i]);
	}
	free(fp);
	strbuf_puts(&sb, "]}]}\n");
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

int diag_print(const struct diag_sink *d, FILE *out, enum diag_format fmt, int werror, int color)
{
	switch (fmt) {
	case DIAG_TEXT: print_text(d, out, werror, color); break;
	case DIAG_JSON: print_json(d, out, werror); break;
	case DIAG_SARIF: print_sarif(d, out, werror); break;
	case DIAG_CODECLIMATE: diag_print_codeclimate(d->items, d->n, out, werror); break;
	}
	return werror ? (int)d->n : diag_count(d, SEV_ERROR);
}
