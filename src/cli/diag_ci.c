#include "diag_ci.h"

#include "diag.h"
#include "source.h"
#include "util.h"

#include <stdint.h>
#include <string.h>
#include <stdlib.h>

static uint64_t fnv(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211u;
	}
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s, strlen(s) + 1); /* with the NUL, so "ab"+"c" != "a"+"bc" */
}

/* Rule, file, message and the line's text without its indentation or spacing. */
static uint64_t base_hash(const struct diag *x)
{
	uint64_t h = 14695981039346656037u;
	h = fnv_str(h, rule_name(x->rule));
	h = fnv_str(h, x->src->path);
	h = fnv_str(h, x->message);
	int line, col;
	source_position(x->src, x->start, &line, &col);
	size_t len;
	const char *text = source_line(x->src, line, &len);
	int space = 0;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == ' ' || c == '\t') {
			space = 1;
			continue;
		}
		if (space)
			h = fnv(h, " ", 1);
		space = 0;
		h = fnv(h, &c, 1);
	}
	return h;
}

void diag_fingerprints(const struct diag *list, size_t n, char (*out)[DIAG_FINGERPRINT_LEN + 1])
{
	uint64_t *base = xcalloc(n ? n : 1, sizeof *base);
	for (size_t i = 0; i < n; i++) {
		base[i] = base_hash(&list[i]);
		unsigned occurrence = 0;
		for (size_t j = 0; j < i; j++)
			occurrence += base[j] == base[i];
		uint64_t h = fnv(base[i], &occurrence, sizeof occurrence);
		snprintf(out[i], DIAG_FINGERPRINT_LEN + 1, "%016llx", (unsigned long long)h);
	}
	free(base);
}

void diag_print_codeclimate(const struct diag *list, size_t n, FILE *out, int werror)
{
	char (*fp)[DIAG_FINGERPRINT_LEN + 1] = xcalloc(n ? n : 1, sizeof *fp);
	diag_fingerprints(list, n, fp);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_putc(&sb, '[');
	for (size_t i = 0; i < n; i++) {
		const struct diag *x = &list[i];
		int error = werror || x->severity == SEV_ERROR;
		int l1, c1, l2, c2;
		source_position(x->src, x->start, &l1, &c1);
		source_position(x->src, x->end, &l2, &c2);
		strbuf_puts(&sb, i ? ",\n{" : "\n{");
		strbuf_puts(&sb, "\"type\":\"issue\",\"check_name\":");
		strbuf_json_string(&sb, rule_name(x->rule));
		strbuf_puts(&sb, ",\"description\":");
		strbuf_json_string(&sb, x->message);
		if (x->fix) {
			strbuf_puts(&sb, ",\"content\":{\"body\":");
			char *body = xasprintf("Suggestie: %s", x->fix);
			strbuf_json_string(&sb, body);
			free(body);
			strbuf_putc(&sb, '}');
		}
		strbuf_printf(&sb, ",\"categories\":[\"%s\"],\"severity\":\"%s\",\"fingerprint\":\"%s\",",
		              x->severity == SEV_ERROR ? "Bug Risk" : "Style", error ? "major" : "minor", fp[i]);
		strbuf_puts(&sb, "\"location\":{\"path\":");
		strbuf_json_string(&sb, x->src->path);
		strbuf_printf(&sb, ",\"lines\":{\"begin\":%d,\"end\":%d}}}", l1, l2);
	}
	strbuf_puts(&sb, n ? "\n]\n" : "]\n");
	fputs(sb.buf, out);
	strbuf_release(&sb);
	free(fp);
}
