#ifndef OVC_TSV_H
#define OVC_TSV_H

/*
 * The one reader of the tables compiled into ovc (embedded.h): the .tsv
 * files in data/ and the lists in data/leesbaarheid/. A table is lines ending in '\n' (a '\r' before
 * it is dropped) of fields separated by tabs. Blank lines and lines that
 * start with '#' are skipped. Fields point into the embedded bytes: not
 * NUL-terminated, valid as long as the program runs, never copied.
 *
 * One policy for a table that is missing or malformed. The tables are part
 * of the program, not input: a missing one, a line with more than
 * TSV_MAX_FIELDS fields, or a line its reader cannot use (tsv_expect,
 * tsv_fail) is a fault in how ovc was built. The reader then prints one
 * Dutch line to stderr, "ovc: interne fout: PATH ontbreekt" or
 * "ovc: interne fout: PATH:LINE: WHAT", and exits with status 3 (an
 * internal error, as ovc --help documents; the same exit as xmalloc's when
 * memory runs out). No reader skips a bad line silently.
 *
 *   struct tsv t;
 *   tsv_open(&t, "data/plichten.tsv");
 *   while (tsv_next(&t)) {
 *       tsv_expect(&t, 6, 6);
 *       use(t.field[0].s, t.field[0].n);
 *   }
 */

#include <stddef.h>

#define TSV_MAX_FIELDS 8

struct tsv_field {
	const char *s;
	size_t n;
};

struct tsv {
	const char *path; /* the embedded path, for messages (static) */
	const char *p, *end;
	int line; /* the number of the line tsv_next returned (1 = first) */
	size_t nfields;
	struct tsv_field field[TSV_MAX_FIELDS];
};

/* Start reading the embedded table PATH; exits (status 3) when it is missing. */
void tsv_open(struct tsv *t, const char *path);

/* Read TEXT (LEN bytes) as the table PATH (a static string): tsv_open's
 * work once the table is found; for tests of the policy. */
void tsv_open_text(struct tsv *t, const char *path, const char *text, size_t len);

/* The next data line into T->field; 1, or 0 after the last line. */
int tsv_next(struct tsv *t);

/* The line has MIN to MAX fields, or the program stops (status 3). */
void tsv_expect(const struct tsv *t, size_t min, size_t max);

/* Is field I of the line exactly S? */
int tsv_field_is(const struct tsv *t, size_t i, const char *s);

/* The line is malformed: "ovc: interne fout: PATH:LINE: " FMT, exit 3. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
_Noreturn void
tsv_fail(const struct tsv *t, const char *fmt, ...);

#endif
