#include "diag_print.h"

#include "diag.h"
#include "diag_ci.h"
#include "source.h"
#include "util.h"
#include "version.h"

#include <stdlib.h>
#include <string.h>

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
	diag_sort_by(d, compare);
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
	size_t n;
	const struct diag *items = diag_list(d, &n);
	int errors = 0, warnings = 0;
	for (size_t i = 0; i < n; i++) {
		const struct diag *x = &items[i];
		enum severity sev = werror ? SEV_ERROR : x->severity;
		int l1, c1, l2, c2;
		span_position(x, &l1, &c1, &l2, &c2);
		if (color)
			fprintf(out, "\033[1m%s:%d:%d:\033[0m %s%s:\033[0m %s [%s]\n", x->src->path, l1, c1,
			        sev == SEV_ERROR ? "\033[1;31m" : "\033[1;35m", sev_name(sev), x->message,
			        rule_name(x->rule));
		else
			fprintf(out, "%s:%d:%d: %s: %s [%s]\n", x->src->path, l1, c1, sev_name(sev),
			        x->message, rule_name(x->rule));
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
	size_t n;
	const struct diag *items = diag_list(d, &n);
	struct strbuf sb;
	strbuf_init(&sb);
	int errors = 0, warnings = 0;
	strbuf_puts(&sb, "{\"diagnostics\":[");
	for (size_t i = 0; i < n; i++) {
		const struct diag *x = &items[i];
		enum severity sev = werror ? SEV_ERROR : x->severity;
		int l1, c1, l2, c2;
		span_position(x, &l1, &c1, &l2, &c2);
		strbuf_puts(&sb, i ? ",\n{" : "\n{");
		strbuf_puts(&sb, "\"file\":");
		strbuf_json_string(&sb, x->src->path);
		strbuf_printf(&sb, ",\"line\":%d,\"column\":%d,\"end_line\":%d,\"end_column\":%d,", l1,
		              c1, l2, c2);
		strbuf_printf(&sb, "\"severity\":\"%s\",\"rule\":\"%s\",\"message\":", sev_name(sev),
		              rule_name(x->rule));
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
	strbuf_printf(&sb, "%s],\"errors\":%d,\"warnings\":%d}\n", n ? "\n" : "", errors,
	              warnings);
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

static void sarif_rules(struct strbuf *sb)
{
	strbuf_puts(sb, "\"rules\":[");
	for (const struct rule_info *r = rule_table; r < rule_table + RULE_COUNT; r++) {
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
	strbuf_json_string(sb, rule_name(x->rule));
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
	size_t n;
	const struct diag *items = diag_list(d, &n);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
	                 "\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"ovc\","
	                 "\"version\":\"" OVC_VERSION "\",\"informationUri\":"
	                 "\"https://ovc.nl/\",");
	sarif_rules(&sb);
	strbuf_puts(&sb, "}},\"columnKind\":\"unicodeCodePoints\",\"results\":[");
	typedef char fingerprint[DIAG_FINGERPRINT_LEN + 1];
	fingerprint *fp = xcalloc(n ? n : 1, sizeof *fp);
	diag_fingerprints(items, n, fp);
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(&sb, i ? ",\n" : "\n");
		sarif_result(&sb, &items[i], werror, fp[i]);
	}
	free(fp);
	strbuf_puts(&sb, "]}]}\n");
	fputs(sb.buf, out);
	strbuf_release(&sb);
}

int diag_print(const struct diag_sink *d, FILE *out, enum diag_format fmt, int werror, int color)
{
	size_t n;
	const struct diag *items = diag_list(d, &n);
	switch (fmt) {
	case DIAG_TEXT: print_text(d, out, werror, color); break;
	case DIAG_JSON: print_json(d, out, werror); break;
	case DIAG_SARIF: print_sarif(d, out, werror); break;
	case DIAG_CODECLIMATE: diag_print_codeclimate(items, n, out, werror); break;
	}
	return werror ? (int)n : diag_count(d, SEV_ERROR);
}
