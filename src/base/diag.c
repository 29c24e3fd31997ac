#include "diag.h"

#include "util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const struct rule_info rule_table[RULE_COUNT] = {
#define RULE(name, id, sev, desc) [RULE_##name] = {id, sev, desc},
#include "rules.def"
#undef RULE
};

enum rule_id rule_find(const char *id)
{
	for (int r = 0; r < RULE_COUNT; r++)
		if (strcmp(rule_table[r].id, id) == 0)
			return (enum rule_id)r;
	return RULE_COUNT;
}

const char *rule_name(enum rule_id rule)
{
	return rule_table[rule].id;
}

struct suppression {
	const struct source *src;
	size_t start, end;
	enum rule_id rule;
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
	free(d->supp);
	free(d);
}

static int suppressed(const struct diag_sink *d, const struct source *src, size_t start,
                      enum rule_id rule)
{
	for (size_t i = 0; i < d->nsupp; i++) {
		const struct suppression *s = &d->supp[i];
		if (s->src == src && start >= s->start && start < s->end && s->rule == rule)
			return 1;
	}
	return 0;
}

static void report(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                   enum rule_id rule, int sev, const char *fix, const char *fmt, va_list ap)
{
	const struct rule_info *r = &rule_table[rule];
	if (suppressed(d, src, start, rule))
		return;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_vprintf(&sb, fmt, ap);
	if (end < start)
		end = start;
	struct diag x = {src, start, end, sev < 0 ? r->severity : (enum severity)sev, rule, strbuf_detach(&sb, NULL),
	                 fix ? xstrdup(fix) : NULL, d->seq++};
	strbuf_release(&sb);
	VEC_PUSH(d->items, d->n, d->cap, x);
}

void diag_report(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                 enum rule_id rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(d, src, start, end, rule, -1, NULL, fmt, ap);
	va_end(ap);
}

void diag_report_fix(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                     enum rule_id rule, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(d, src, start, end, rule, -1, fix, fmt, ap);
	va_end(ap);
}

void diag_report_sev(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                     enum rule_id rule, enum severity sev, const char *fix, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(d, src, start, end, rule, (int)sev, fix, fmt, ap);
	va_end(ap);
}

void diag_suppress(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                   enum rule_id rule)
{
	struct suppression s = {src, start, end, rule};
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
