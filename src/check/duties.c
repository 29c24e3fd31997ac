#include "duties.h"

#include "diag.h"
#include "embedded.h"
#include "laws.h"
#include "model.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct duty {
	char part[24];     /* wet= of the part that brings the duty */
	int law;           /* index in the law table */
	char article[16];
	int lid;           /* 0: the article as a whole */
	char point;        /* onderdeel letter, or 0 */
	const char *topic; /* points into the embedded table (not NUL-terminated there) */
	size_t topic_len;
};

/* Split LINE at tabs into at most N fields; returns the count. */
static size_t fields(const char *line, size_t len, const char **f, size_t *flen, size_t n)
{
	size_t k = 0;
	const char *p = line, *end = line + len;
	while (k < n && p <= end) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *stop = tab && k + 1 < n ? tab : end;
		f[k] = p;
		flen[k] = (size_t)(stop - p);
		k++;
		p = stop + 1;
	}
	return k;
}

static void copy_field(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* The table of duties; it is data of the program, so a bad line is a bug. */
static struct duty *load(size_t *count)
{
	const struct embedded_file *f = embedded_find("data/plichten.tsv");
	if (!f) {
		fputs("ovc: interne fout: data/plichten.tsv ontbreekt\n", stderr);
		abort();
	}
	struct duty *t = NULL;
	size_t n = 0, cap = 0;
	const char *p = (const char *)f->data, *end = p + f->len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		const char *fv[6];
		size_t fl[6];
		if (stop > p && *p != '#') {
			char buf[24];
			struct duty d = {0};
			if (fields(p, (size_t)(stop - p), fv, fl, 6) != 6) {
				fprintf(stderr, "ovc: interne fout: data/plichten.tsv: regel '%.*s'\n",
				        (int)(stop - p), p);
				abort();
			}
			copy_field(d.part, sizeof d.part, fv[0], fl[0]);
			copy_field(buf, sizeof buf, fv[1], fl[1]);
			d.law = laws_find(buf);
			copy_field(d.article, sizeof d.article, fv[2], fl[2]);
			copy_field(buf, sizeof buf, fv[3], fl[3]);
			d.lid = atoi(buf);
			d.point = fl[4] == 1 && fv[4][0] != '-' ? fv[4][0] : 0;
			d.topic = fv[5];
			d.topic_len = fl[5];
			if (d.law < 0) {
				fprintf(stderr, "ovc: interne fout: data/plichten.tsv: onbekende wet '%s'\n", buf);
				abort();
			}
			VEC_PUSH(t, n, cap, d);
		}
		p = stop + 1;
	}
	*count = n;
	return t;
}

/* Does grondslag G cite duty D, or a wider unit that contains it? */
static int covers(const struct grondslag *g, const struct duty *d)
{
	if (g->law != d->law || !g->article || strcmp(g->article, d->article) != 0)
		return 0;
	if (d->lid && g->lids && !(g->lids & (1u << d->lid)))
		return 0;
	if (d->point && g->points[0] && !strchr(g->points, d->point))
		return 0;
	return 1;
}

static int met(const struct ordinance *o, const struct duty *d)
{
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if (u->kind != UNIT_ARTICLE)
			continue;
		for (size_t k = 0; k < u->ngrondslagen; k++)
			if (covers(&u->grondslagen[k], d))
				return 1;
	}
	return 0;
}

/* The short name a reader knows: "Wmo 2015" rather than the 39-letter citeertitel. */
static const char *law_name(int law)
{
	size_t n;
	const struct law *t = laws_table(&n);
	const struct law *l = &t[law];
	return strlen(l->names[0]) > 30 && l->nnames > 1 ? l->names[1] : l->names[0];
}

/* "artikel 2.1.3, tweede lid, onder a, van de Wmo 2015" */
static char *citation(const struct duty *d)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "artikel %s", d->article);
	if (d->lid)
		strbuf_printf(&sb, ", %s lid", ordinal_word(d->lid));
	if (d->point)
		strbuf_printf(&sb, ", onder %c", d->point);
	strbuf_printf(&sb, ", van de %s", law_name(d->law));
	if (!d->lid && !d->point) {
		/* "artikel 2.1.6 van de Wmo 2015": no commas around a bare article */
		char *s = strbuf_detach(&sb, NULL);
		char *r = xasprintf("artikel %s van de %s", d->article, law_name(d->law));
		free(s);
		return r;
	}
	return strbuf_detach(&sb, NULL);
}

void check_duties(const struct ordinance *o, struct diag_sink *diags)
{
	const char *sw = o->fm[FM_PLICHTEN];
	if (sw && strcmp(sw, "uit") == 0)
		return;
	size_t n;
	struct duty *t = load(&n);
	for (size_t p = 0; p < o->nparts; p++) {
		const struct unit *part = o->parts[p];
		if (!part->wet)
			continue;
		for (size_t i = 0; i < n; i++) {
			if (strcmp(t[i].part, part->wet) != 0 || met(o, &t[i]))
				continue;
			char *cite = citation(&t[i]);
			diag_report(diags, part->span.src, part->span.start, part->span.end, RULE_PLICHT_ONTBREEKT,
			            "de %s vraagt de raad te regelen: %.*s (%s); geen artikel noemt die "
			            "bepaling in grondslag=",
			            law_name(t[i].law), (int)t[i].topic_len, t[i].topic, cite);
			free(cite);
		}
	}
	free(t);
}
