#include "diag.h"

#include "util.h"

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

void diag_sort_by(struct diag_sink *d, int (*cmp)(const void *, const void *))
{
	if (d->n > 1)
		qsort(d->items, d->n, sizeof *d->items, cmp);
}
