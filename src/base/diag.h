#ifndef OVC_DIAG_H
#define OVC_DIAG_H

/*
 * The diagnostics sink. Every stage reports here and never prints; the CLI
 * decides how the collected diagnostics are shown (text, JSON, SARIF).
 * Diagnostics carry byte ranges into a source, which the sink only points
 * at: it knows nothing of sources. The printer (src/cli/diag_print.h) turns
 * them into line:column (code points) with the source line and a caret.
 */

#include <stddef.h>
#include <stdio.h>

struct source;

enum severity { SEV_WARNING = 0, SEV_ERROR = 1 };

/*
 * The rules, one per line of src/base/rules.def: RULE_BRON_UTF8 for
 * "bron-utf8". Code reports by this enum, so a misspelled rule does not
 * compile; the id string is only for output and for ids read at run time.
 */
enum rule_id {
#define RULE(name, id, sev, desc) RULE_##name,
#include "rules.def"
#undef RULE
	RULE_COUNT
};

struct rule_info {
	const char *id; /* "bron-utf8": what outputs and suppressions show */
	enum severity severity;
	const char *description; /* Dutch, one sentence */
};

/* The rule table (src/base/rules.def), indexed by enum rule_id. */
extern const struct rule_info rule_table[RULE_COUNT];

/* The rule whose id is ID (read at run time), or RULE_COUNT if none is. */
enum rule_id rule_find(const char *id);

/* The id string of RULE ("bron-utf8"). */
const char *rule_name(enum rule_id rule);

struct diag {
	const struct source *src; /* borrowed; outlives the sink */
	size_t start, end;        /* byte range in src->text; end >= start */
	enum severity severity;
	enum rule_id rule;        /* rule_name(rule) is the id in output */
	char *message;            /* Dutch, no trailing full stop */
	char *fix;                /* replacement text for the range, or NULL */
	unsigned seq;             /* report order, for a stable sort */
};

struct diag_sink;

struct diag_sink *diag_sink_new(void);
void diag_sink_free(struct diag_sink *d);

/*
 * Report a diagnostic of RULE (its severity comes from the rule table) on
 * bytes [START, END) of SRC. The message is formatted from FMT.
 * Suppressed diagnostics are counted as suppressed and not kept.
 */
void diag_report(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                 enum rule_id rule, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* As diag_report, with FIX: the text that should replace the range. */
void diag_report_fix(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                     enum rule_id rule, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/*
 * As diag_report_fix (FIX may be NULL), with severity SEV instead of the rule
 * table's: for rules whose severity depends on a profile (readability).
 */
void diag_report_sev(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                     enum rule_id rule, enum severity sev, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));

/*
 * Silence RULE for diagnostics that start within bytes [START, END) of SRC
 * (the block after a <!-- ovc: negeer RULE --> comment).
 */
void diag_suppress(struct diag_sink *d, const struct source *src, size_t start, size_t end,
                   enum rule_id rule);

/* Count of kept diagnostics of severity SEV. */
int diag_count(const struct diag_sink *d, enum severity sev);

/*
 * Reorder the kept diagnostics with qsort and CMP (on const struct diag *);
 * the printer's diag_sort (src/cli/diag_print.h) says which order.
 */
void diag_sort_by(struct diag_sink *d, int (*cmp)(const void *, const void *));

/* The diagnostics, in the current order. */
const struct diag *diag_list(const struct diag_sink *d, size_t *n);

#endif
