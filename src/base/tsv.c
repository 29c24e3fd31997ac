#include "tsv.h"

#include "embedded.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tsv_open(struct tsv *t, const char *path)
{
	const struct embedded_file *f = embedded_find(path);
	if (!f) {
		fprintf(stderr, "ovc: interne fout: %s ontbreekt\n", path);
		exit(3);
	}
	/* the table's own copy of the path: PATH may be a caller's buffer */
	tsv_open_text(t, f->path, (const char *)f->data, f->len);
}

void tsv_open_text(struct tsv *t, const char *path, const char *text, size_t len)
{
	memset(t, 0, sizeof *t);
	t->path = path;
	t->p = text;
	t->end = text + len;
}

/* Split [S, E) at tabs into T->field. */
static void split(struct tsv *t, const char *s, const char *e)
{
	t->nfields = 0;
	for (;;) {
		const char *tab = memchr(s, '\t', (size_t)(e - s));
		if (t->nfields == TSV_MAX_FIELDS)
			tsv_fail(t, "meer dan %d velden", TSV_MAX_FIELDS);
		t->field[t->nfields].s = s;
		t->field[t->nfields++].n = (size_t)((tab ? tab : e) - s);
		if (!tab)
			return;
		s = tab + 1;
	}
}

int tsv_next(struct tsv *t)
{
	while (t->p < t->end) {
		const char *s = t->p, *e = memchr(s, '\n', (size_t)(t->end - s));
		if (!e)
			e = t->end;
		t->p = e < t->end ? e + 1 : t->end;
		t->line++;
		if (e > s && e[-1] == '\r')
			e--;
		if (e == s || *s == '#')
			continue;
		split(t, s, e);
		return 1;
	}
	return 0;
}

void tsv_expect(const struct tsv *t, size_t min, size_t max)
{
	if (t->nfields >= min && t->nfields <= max)
		return;
	if (min == max)
		tsv_fail(t, "%zu velden, verwacht %zu", t->nfields, min);
	tsv_fail(t, "%zu velden, verwacht %zu tot en met %zu", t->nfields, min, max);
}

int tsv_field_is(const struct tsv *t, size_t i, const char *s)
{
	return i < t->nfields && t->field[i].n == strlen(s) && memcmp(t->field[i].s, s, t->field[i].n) == 0;
}

_Noreturn void tsv_fail(const struct tsv *t, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "ovc: interne fout: %s:%d: ", t->path, t->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(3);
}
