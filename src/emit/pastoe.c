/*
 * Applying a wijzigingsverordening (src/emit/pastoe.h). Reading its source, and
 * carrying out each formula on the editable picture of the ordinance.
 * The formulas are those of docs/wijzig.md; each function below names the
 * Aanwijzing it follows.
 */
#include "pastoe.h"

#include "model.h"
#include "util.h"
#include "wijzig_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- Small parsing helpers ---------------------------------------------- */

static int eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);
	if (strncmp(*p, lit, n) != 0)
		return 0;
	*p += n;
	return 1;
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* A quoted text at *P: "…". Returns it (malloc'ed) or NULL. */
static char *quoted(const char **p)
{
	if (**p != '"')
		return NULL;
	const char *e = strchr(*p + 1, '"');
	if (!e)
		return NULL;
	char *q = xstrndup(*p + 1, (size_t)(e - *p - 1));
	*p = e + 1;
	return q;
}

/* An article or chapter number at *P ("9.2", "14a"). */
static char *number(const char **p)
{
	size_t n = 0;
	const char *s = *p;
	while ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'z') || s[n] == '.')
		n++;
	while (n && s[n - 1] == '.')
		n--;
	if (!n || !(s[0] >= '0' && s[0] <= '9'))
		return NULL;
	*p += n;
	return xstrndup(s, n);
}

/* An ordinal word at *P ("derde"); returns its value or 0. */
static int ordinal(const char **p)
{
	size_t n = 0;
	while ((*p)[n] >= 'a' && (*p)[n] <= 'z')
		n++;
	int v = ordinal_value(*p, n);
	if (v)
		*p += n;
	return v;
}

/* An onderdeel letter at *P; returns its index or -1. */
static long letter(const char **p)
{
	size_t n = 0;
	while ((*p)[n] >= 'a' && (*p)[n] <= 'z')
		n++;
	long v = wz_letter_index(*p, n);
	if (v >= 0)
		*p += n;
	return v;
}

__attribute__((format(printf, 2, 3))) static int fail(char **err, const char *fmt, ...)
{
	struct strbuf sb;
	strbuf_init(&sb);
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	*err = strbuf_detach(&sb, NULL);
	return -1;
}

/* ---- Phrases shared with the generator --------------------------------- */

char *pastoe_leden_range(size_t from, size_t to, size_t n)
{
	if (n == 1)
		return xasprintf("het %s lid tot %s lid", ordinal_word((int)from), ordinal_word((int)to));
	if (n == 2)
		return xasprintf("het %s en %s lid tot %s en %s lid", ordinal_word((int)from),
		                 ordinal_word((int)from + 1), ordinal_word((int)to), ordinal_word((int)to + 1));
	return xasprintf("het %s tot en met %s lid tot %s tot en met %s lid", ordinal_word((int)from),
	                 ordinal_word((int)(from + n - 1)), ordinal_word((int)to),
	                 ordinal_word((int)(to + n - 1)));
}

char *pastoe_points_range(size_t from, size_t to, size_t n)
{
	char a[8], b[8], c[8], d[8];
	wz_letter(from, a);
	wz_letter(to, c);
	if (n == 1)
		return xasprintf("onderdeel %s tot %s", a, c);
	wz_letter(from + n - 1, b);
	wz_letter(to + n - 1, d);
	return xasprintf("de onderdelen %s %s %s tot %s %s %s", a, n == 2 ? "en" : "tot en met", b, c,
	                 n == 2 ? "en" : "tot en met", d);
}

char *pastoe_articles_range(char **oldn, char **newn, size_t n)
{
	size_t first = n, last = 0, count = 0;
	for (size_t k = 0; k < n; k++)
		if (strcmp(oldn[k], newn[k]) != 0) {
			if (first == n)
				first = k;
			last = k;
			count++;
		}
	if (!count)
		return NULL;
	if (count == 1)
		return xasprintf("artikel %s tot artikel %s", oldn[first], newn[first]);
	return xasprintf("de artikelen %s %s %s tot %s %s %s", oldn[first],
	                 count == 2 ? "en" : "tot en met", oldn[last], newn[first],
	                 count == 2 ? "en" : "tot en met", newn[last]);
}

const char *pastoe_tail(const char *t)
{
	if (ends_with(t, "; en"))
		return "; en";
	if (ends_with(t, "; of"))
		return "; of";
	if (ends_with(t, ";"))
		return ";";
	if (ends_with(t, "."))
		return ".";
	return "";
}

static const struct {
	const char *tail, *def, *indef;
} tails[] = {
	{";", "de puntkomma", "een puntkomma"}, /* before "de punt", its prefix */
	{".", "de punt", "een punt"},
	{"; en", "\"; en\"", "\"; en\""},
	{"; of", "\"; of\"", "\"; of\""},
};

static const char *tail_read(const char **p, int def)
{
	for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++)
		if (eat(p, def ? tails[k].def : tails[k].indef))
			return tails[k].tail;
	return NULL;
}

static void tail_set(char **text, const char *tail)
{
	size_t n = strlen(*text) - strlen(pastoe_tail(*text));
	char *t = xasprintf("%.*s%s", (int)n, *text, tail);
	free(*text);
	*text = t;
}

/* ---- Releasing ------------------------------------------------------------ */

void wz_instr_release(struct wz_instr *in)
{
	free(in->label);
	free(in->text);
	free(in->content);
	for (size_t k = 0; k < in->nkids; k++)
		wz_instr_release(&in->kids[k]);
	free(in->kids);
	memset(in, 0, sizeof *in);
}

void wz_amendment_release(struct wz_amendment *am)
{
	free(am->titel);
	free(am->wijzigt);
	free(am->gemeente);
	free(am->gemeentecode);
	free(am->inwerkingtreding);
	free(am->status);
	free(am->aanhef);
	free(am->intro);
	for (size_t k = 0; k < am->nitems; k++)
		wz_instr_release(&am->items[k]);
	free(am->items);
	free(am->slot);
	free(am->toelichting);
	memset(am, 0, sizeof *am);
}

/* ---- Text within an element (Aanwijzingen 6.9, 6.11, 6.15) -------------- */

static size_t count_in(const char *t, const char *x)
{
	size_t n = 0, len = strlen(x);
	if (!len)
		return 0;
	for (const char *p = strstr(t, x); p; p = strstr(p + 1, x))
		n++;
	(void)len;
	return n;
}

static void splice(char **t, size_t at, size_t del, const char *ins)
{
	size_t n = strlen(*t);
	char *r = xmalloc(n - del + strlen(ins) + 1);
	memcpy(r, *t, at);
	strcpy(r + at, ins);
	strcat(r, *t + at + del);
	free(*t);
	*t = r;
}

/* One clause: 'wordt "X" vervangen door "Y"', 'vervalt "X"', 'wordt na "X" ingevoegd "Y"'. */
static int clause_apply(char **t, const char **p, char **err)
{
	char *x = NULL, *y = NULL;
	int kind;
	if (eat(p, "wordt na ")) {
		kind = 3;
		if (!(x = quoted(p)) || !eat(p, " ingevoegd ") || !(y = quoted(p)))
			goto bad;
	} else if (eat(p, "wordt ")) {
		kind = 1;
		if (!(x = quoted(p)) || !eat(p, " vervangen door ") || !(y = quoted(p)))
			goto bad;
	} else if (eat(p, "vervalt ")) {
		kind = 2;
		if (!(x = quoted(p)))
			goto bad;
	} else {
		goto bad;
	}
	size_t c = count_in(*t, x);
	if (c != 1) {
		fail(err, c ? "\"%s\" staat %zu keer in de tekst; de wijziging moet één plek aanwijzen"
		            : "\"%s\" staat niet in de tekst%.0zu", x, c);
		free(x);
		free(y);
		return -1;
	}
	size_t at = (size_t)(strstr(*t, x) - *t);
	if (kind == 1) {
		splice(t, at, strlen(x), y);
	} else if (kind == 3) {
		char *ins = xasprintf(" %s", y);
		splice(t, at + strlen(x), 0, ins);
		free(ins);
	} else {
		size_t n = strlen(x);
		if ((*t)[at + n] == ' ')
			n++; /* the word and the space after it */
		else if (at > 0 && (*t)[at - 1] == ' ')
			at--, n++;
		splice(t, at, n, "");
	}
	free(x);
	free(y);
	return 0;
bad:
	free(x);
	free(y);
	return fail(err, "onbekende formule bij \"%.40s\": verwacht 'wordt \"…\" vervangen door "
	                 "\"…\"', 'vervalt \"…\"' of 'wordt na \"…\" ingevoegd \"…\"'", *p);
}

/* Clauses joined by " en ", ending in ".". */
static int clauses_apply(char **t, const char *p, char **err)
{
	for (;;) {
		if (clause_apply(t, &p, err) != 0)
			return -1;
		if (strcmp(p, ".") == 0)
			return 0;
		if (!eat(&p, " en "))
			return fail(err, "verwacht \" en \" of een punt na een wijziging, niet \"%.30s\"", p);
	}
}

/* ---- Content: a lid or onderdeel as published ---------------------------- */

static const char *skip_spaces(const char *s)
{
	while (*s == ' ')
		s++;
	return s;
}

/* "12. rest" → 12 and REST; "c. rest" → letter index; "2°. rest" → 2. */
static int marker_read(const char **p, int kind, long *val)
{
	const char *s = *p;
	if (kind == 'l') {
		*val = letter(&s);
		if (*val < 0)
			return 0;
	} else {
		char *e;
		long v = strtol(s, &e, 10);
		if (e == s || v <= 0)
			return 0;
		s = e;
		*val = v;
		if (kind == 'o' && !eat(&s, "°"))
			return 0;
	}
	if (!eat(&s, ". "))
		return 0;
	*p = s;
	return 1;
}

static void pt_free(struct wz_pt *p)
{
	free(p->text);
	for (size_t k = 0; k < p->nsubs; k++)
		pt_free(&p->subs[k]);
	free(p->subs);
}

/* Read onderdelen (letters) with their sub-onderdelen (1°) from LINES. */
static int points_read(char **lines, size_t nl, size_t i, struct wz_pt **pts, size_t *npts,
                       long first, char **err)
{
	size_t cap = 0;
	*pts = NULL;
	*npts = 0;
	for (; i < nl; i++) {
		const char *s = skip_spaces(lines[i]);
		if (!*s)
			continue;
		long v;
		const char *r = s;
		if (marker_read(&r, 'l', &v)) {
			if (v != first + (long)*npts)
				return fail(err, "onderdeel %.8s staat niet op zijn plaats in de nieuwe tekst", s);
			struct wz_pt pt = {xstrdup(r), NULL, 0};
			VEC_PUSH(*pts, *npts, cap, pt);
		} else if (marker_read(&r, 'o', &v) && *npts) {
			struct wz_pt *par = &(*pts)[*npts - 1];
			if (v != (long)par->nsubs + 1)
				return fail(err, "subonderdeel %ld° staat niet op zijn plaats", v);
			par->subs = xrealloc(par->subs, (par->nsubs + 1) * sizeof *par->subs);
			par->subs[par->nsubs++] = (struct wz_pt){xstrdup(r), NULL, 0};
		} else {
			return fail(err, "de nieuwe tekst \"%.40s\" is geen onderdeel (a., b., 1°.)", s);
		}
	}
	return 0;
}

static char **split_lines(const char *text, size_t *n)
{
	size_t cap = 0;
	char **out = NULL;
	*n = 0;
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		char *l = xstrndup(p, len);
		VEC_PUSH(out, *n, cap, l);
		if (!e)
			break;
		p = e + 1;
	}
	return out;
}

static void lines_free(char **l, size_t n)
{
	for (size_t k = 0; k < n; k++)
		free(l[k]);
	free(l);
}

/* A lid as published: "3. tekst" and its onderdelen. */
static int lid_from_content(const char *content, long *num, struct wz_lid *lid, char **err)
{
	size_t nl;
	char **lines = split_lines(content ? content : "", &nl);
	memset(lid, 0, sizeof *lid);
	int rc = -1;
	const char *s = nl ? lines[0] : "";
	if (!marker_read(&s, 'n', num)) {
		fail(err, "de nieuwe tekst van een lid begint met zijn nummer (\"2. …\")");
		goto done;
	}
	lid->intro = xstrdup(s);
	rc = points_read(lines, nl, 1, &lid->pts, &lid->npts, 0, err);
done:
	lines_free(lines, nl);
	return rc;
}

/* An onderdeel as published: "c. tekst" and its subonderdelen. */
static int point_from_content(const char *content, long *idx, struct wz_pt *pt, char **err)
{
	size_t nl;
	char **lines = split_lines(content ? content : "", &nl);
	memset(pt, 0, sizeof *pt);
	const char *s = nl ? skip_spaces(lines[0]) : "";
	long v;
	if (!marker_read(&s, 'l', &v)) {
		lines_free(lines, nl);
		return fail(err, "de nieuwe tekst van een onderdeel begint met zijn letter (\"c. …\")");
	}
	*idx = v;
	pt->text = xstrdup(s);
	struct wz_pt *subs;
	size_t ns;
	/* subonderdelen: read as onderdelen of a dummy, then take them */
	struct wz_pt dummy = {NULL, NULL, 0};
	size_t cap = 0;
	int rc = 0;
	for (size_t i = 1; i < nl && rc == 0; i++) {
		const char *r = skip_spaces(lines[i]);
		if (!*r)
			continue;
		long o;
		if (!marker_read(&r, 'o', &o) || o != (long)dummy.nsubs + 1) {
			rc = fail(err, "de nieuwe tekst \"%.40s\" is geen subonderdeel (1°., 2°.)", lines[i]);
			break;
		}
		struct wz_pt sp = {xstrdup(r), NULL, 0};
		VEC_PUSH(dummy.subs, dummy.nsubs, cap, sp);
	}
	subs = dummy.subs;
	ns = dummy.nsubs;
	pt->subs = subs;
	pt->nsubs = ns;
	lines_free(lines, nl);
	if (rc)
		pt_free(pt);
	return rc;
}

/* ---- Onderdelen of one lid (Aanwijzing 6.18, tweede lid) ----------------- */

/* "vervanging van de punt aan het slot van onderdeel d door een puntkomma" */
static int bookkeeping_apply(struct wz_lid *l, const char *c, char **err)
{
	const char *p = c;
	if (!eat(&p, "vervanging van "))
		return 1; /* not this kind */
	const char *old = tail_read(&p, 1);
	long idx;
	if (!old || !eat(&p, " aan het slot van onderdeel ") || (idx = letter(&p)) < 0 ||
	    !eat(&p, " door "))
		return fail(err, "onbekende formule \"onder %s\"", c);
	const char *nw = tail_read(&p, 0);
	if (!nw || *p)
		return fail(err, "onbekende formule \"onder %s\"", c);
	if ((size_t)idx >= l->npts)
		return fail(err, "het lid heeft geen onderdeel %s", c + 0);
	if (strcmp(pastoe_tail(l->pts[idx].text), old) != 0)
		return fail(err, "onderdeel %c eindigt niet op \"%s\"", (char)('a' + idx % 26), old);
	tail_set(&l->pts[idx].text, nw);
	return 0;
}

/* Split "c1 en onder c2 en onder c3" into clauses (malloc'ed array). */
static char **clauses_split(const char *s, size_t *n)
{
	size_t cap = 0;
	char **out = NULL;
	*n = 0;
	for (;;) {
		const char *e = strstr(s, " en onder ");
		size_t len = e ? (size_t)(e - s) : strlen(s);
		char *c = xstrndup(s, len);
		VEC_PUSH(out, *n, cap, c);
		if (!e)
			break;
		s = e + strlen(" en onder ");
	}
	return out;
}

/*
 * Check the renumbering clause against what the change does. EXPECT is the
 * phrase (or NULL when nothing is renumbered); CLAUSES the written ones.
 * Other clauses are left for bookkeeping. Returns 0 or -1.
 */
static int renumber_check(char **clauses, size_t n, const char *kind, const char *expect, char **err)
{
	const char *found = NULL;
	for (size_t k = 0; k < n; k++)
		if (strncmp(clauses[k], kind, strlen(kind)) == 0)
			found = clauses[k] + strlen(kind);
	if (!expect && !found)
		return 0;
	if (expect && found && strcmp(expect, found) == 0)
		return 0;
	if (!expect)
		return fail(err, "er wordt niets vernummerd, maar de wijziging zegt \"onder %s%s\"", kind, found);
	return fail(err, "de wijziging moet zeggen \"onder %s%s\"%s", kind, expect,
	            found ? ", niet wat er staat" : "");
}

static int bookkeeping_all(struct wz_lid *l, char **clauses, size_t n, char **err)
{
	for (size_t k = 0; k < n; k++) {
		if (strncmp(clauses[k], "verlettering van ", 17) == 0 ||
		    strncmp(clauses[k], "vernummering van ", 17) == 0)
			continue;
		int rc = bookkeeping_apply(l, clauses[k], err);
		if (rc < 0)
			return -1;
		if (rc > 0)
			return fail(err, "onbekende formule \"onder %s\"", clauses[k]);
	}
	return 0;
}

static void point_insert(struct wz_lid *l, size_t at, struct wz_pt *pt)
{
	l->pts = xrealloc(l->pts, (l->npts + 1) * sizeof *l->pts);
	memmove(&l->pts[at + 1], &l->pts[at], (l->npts - at) * sizeof *l->pts);
	l->pts[at] = *pt;
	l->npts++;
}

/* "[Onder …] wordt een onderdeel ingevoegd|toegevoegd, luidende:" */
static int point_add(struct wz_lid *l, const char *s, const char *content, char **err)
{
	char **cl = NULL;
	size_t ncl = 0;
	const char *rest = s;
	int add;
	if (eat(&rest, "Er wordt een onderdeel toegevoegd, luidende:") && !*rest) {
		add = 1;
	} else {
		if (!eat(&rest, "Onder "))
			return 1;
		const char *w = strstr(rest, " wordt een onderdeel ");
		if (!w)
			return 1;
		char *cs = xstrndup(rest, (size_t)(w - rest));
		cl = clauses_split(cs, &ncl);
		free(cs);
		rest = w + strlen(" wordt een onderdeel ");
		if (strcmp(rest, "ingevoegd, luidende:") == 0)
			add = 0;
		else if (strcmp(rest, "toegevoegd, luidende:") == 0)
			add = 1;
		else {
			lines_free(cl, ncl);
			return 1;
		}
	}
	struct wz_pt pt;
	long idx;
	int rc = point_from_content(content, &idx, &pt, err);
	if (rc == 0 && (size_t)idx > l->npts)
		rc = fail(err, "onderdeel %s kan niet worden ingevoegd: het lid heeft %zu onderdelen",
		          content, l->npts);
	if (rc == 0 && add && (size_t)idx != l->npts)
		rc = fail(err, "\"toegevoegd\" is voor een nieuw laatste onderdeel; gebruik \"ingevoegd\"");
	if (rc == 0 && !add && (size_t)idx == l->npts)
		rc = fail(err, "een nieuw laatste onderdeel wordt \"toegevoegd\" (Aanwijzing 6.11)");
	char *expect = NULL;
	if (rc == 0 && (size_t)idx < l->npts)
		expect = pastoe_points_range((size_t)idx, (size_t)idx + 1, l->npts - (size_t)idx);
	if (rc == 0)
		rc = renumber_check(cl, ncl, "verlettering van ", expect, err);
	if (rc == 0) {
		point_insert(l, (size_t)idx, &pt);
		rc = bookkeeping_all(l, cl, ncl, err);
	} else if (pt.text) {
		pt_free(&pt);
	}
	free(expect);
	lines_free(cl, ncl);
	return rc;
}

/* "Onderdeel c vervalt[, onder …]." */
static int point_delete(struct wz_lid *l, long idx, const char *rest, char **err)
{
	if ((size_t)idx >= l->npts)
		return fail(err, "het lid heeft geen onderdeel %c", (char)('a' + idx % 26));
	char **cl = NULL;
	size_t ncl = 0;
	if (eat(&rest, ", onder ")) {
		if (!ends_with(rest, "."))
			return fail(err, "%s", "een wijziging eindigt met een punt");
		char *cs = xstrndup(rest, strlen(rest) - 1);
		cl = clauses_split(cs, &ncl);
		free(cs);
	} else if (strcmp(rest, ".") != 0) {
		return fail(err, "onbekende formule na \"vervalt\": \"%s\"", rest);
	}
	char *expect = (size_t)idx + 1 < l->npts
	                   ? pastoe_points_range((size_t)idx + 1, (size_t)idx, l->npts - (size_t)idx - 1)
	                   : NULL;
	int rc = renumber_check(cl, ncl, "verlettering van ", expect, err);
	free(expect);
	if (rc == 0) {
		pt_free(&l->pts[idx]);
		memmove(&l->pts[idx], &l->pts[idx + 1], (l->npts - (size_t)idx - 1) * sizeof *l->pts);
		l->npts--;
		rc = bookkeeping_all(l, cl, ncl, err);
	}
	lines_free(cl, ncl);
	return rc;
}

/* Instructions about the onderdelen and aanhef of lid L. */
static int lid_group_apply(struct wz_lid *l, const struct wz_instr *it, char **err)
{
	const char *s = it->text;
	long idx;
	if (eat(&s, "In de aanhef ")) {
		if (!l->npts)
			return fail(err, "%s", "dit lid heeft geen onderdelen en dus geen aanhef");
		return clauses_apply(&l->intro, s, err);
	}
	if (eat(&s, "In onderdeel ")) {
		if ((idx = letter(&s)) < 0 || !eat(&s, " "))
			return fail(err, "onbekende formule \"%s\"", it->text);
		if ((size_t)idx >= l->npts)
			return fail(err, "het lid heeft geen onderdeel %c", (char)('a' + idx % 26));
		return clauses_apply(&l->pts[idx].text, s, err);
	}
	if (eat(&s, "Onderdeel ")) {
		if ((idx = letter(&s)) < 0)
			return fail(err, "onbekende formule \"%s\"", it->text);
		if (strcmp(s, " komt te luiden:") == 0) {
			if ((size_t)idx >= l->npts)
				return fail(err, "het lid heeft geen onderdeel %c", (char)('a' + idx % 26));
			struct wz_pt pt;
			long v;
			if (point_from_content(it->content, &v, &pt, err) != 0)
				return -1;
			if (v != idx) {
				pt_free(&pt);
				return fail(err, "%s", "de nieuwe tekst heeft een andere letter dan het onderdeel");
			}
			pt_free(&l->pts[idx]);
			l->pts[idx] = pt;
			return 0;
		}
		if (eat(&s, " vervalt"))
			return point_delete(l, idx, s, err);
		return fail(err, "onbekende formule \"%s\"", it->text);
	}
	if (eat(&s, "Aan het slot van onderdeel ")) {
		const char *old, *nw;
		if ((idx = letter(&s)) < 0 || !eat(&s, " wordt ") || !(old = tail_read(&s, 1)) ||
		    !eat(&s, " vervangen door ") || !(nw = tail_read(&s, 0)) || strcmp(s, ".") != 0)
			return fail(err, "onbekende formule \"%s\"", it->text);
		if ((size_t)idx >= l->npts)
			return fail(err, "het lid heeft geen onderdeel %c", (char)('a' + idx % 26));
		if (strcmp(pastoe_tail(l->pts[idx].text), old) != 0)
			return fail(err, "onderdeel %c eindigt niet op \"%s\"", (char)('a' + idx % 26), old);
		tail_set(&l->pts[idx].text, nw);
		return 0;
	}
	int rc = point_add(l, it->text, it->content, err);
	if (rc > 0)
		return fail(err, "onbekende formule \"%s\"", it->text);
	return rc;
}

/* ---- Leden of an article (Aanwijzing 6.18, eerste, derde en vierde lid) -- */

static void lid_free(struct wz_lid *l)
{
	free(l->intro);
	for (size_t k = 0; k < l->npts; k++)
		pt_free(&l->pts[k]);
	free(l->pts);
}

static int need_structured(const struct wz_art *a, char **err)
{
	if (!a->structured)
		return fail(err, "artikel %s heeft geen gewone leden en onderdelen; alleen \"komt te "
		                 "luiden\" kan het wijzigen", a->num);
	return 0;
}

static struct wz_lid *lid_get(struct wz_art *a, int n, char **err)
{
	if (need_structured(a, err))
		return NULL;
	if (!a->numbered) {
		fail(err, "artikel %s heeft geen genummerde leden", a->num);
		return NULL;
	}
	if (n < 1 || (size_t)n > a->nleden) {
		fail(err, "artikel %s heeft geen %s lid", a->num, ordinal_word(n) ? ordinal_word(n) : "zo'n");
		return NULL;
	}
	return &a->leden[n - 1];
}

static int lid_add(struct wz_art *a, const char *s, const char *content, char **err)
{
	const char *rest = s;
	char **cl = NULL;
	size_t ncl = 0;
	int add;
	if (eat(&rest, "Er wordt een lid toegevoegd, luidende:") && !*rest) {
		add = 1;
	} else {
		if (!eat(&rest, "Onder "))
			return 1;
		const char *w = strstr(rest, " wordt een lid ingevoegd, luidende:");
		if (!w || w[strlen(" wordt een lid ingevoegd, luidende:")])
			return 1;
		char *cs = xstrndup(rest, (size_t)(w - rest));
		cl = clauses_split(cs, &ncl);
		free(cs);
		add = 0;
	}
	if (need_structured(a, err) ||
	    (!a->numbered && fail(err, "artikel %s heeft nog geen genummerde leden: eerst "
	                               "'Voor de tekst wordt de aanduiding \"1.\" geplaatst.'", a->num))) {
		lines_free(cl, ncl);
		return -1;
	}
	struct wz_lid lid;
	long num;
	int rc = lid_from_content(content, &num, &lid, err);
	size_t at = (size_t)num - 1;
	if (rc == 0 && (num < 1 || at > a->nleden))
		rc = fail(err, "lid %ld kan niet worden ingevoegd: artikel %s heeft %zu leden", num, a->num,
		          a->nleden);
	if (rc == 0 && add != (at == a->nleden))
		rc = fail(err, "%s", add ? "\"toegevoegd\" is voor een nieuw laatste lid; gebruik \"ingevoegd\""
		                         : "een nieuw laatste lid wordt \"toegevoegd\" (Aanwijzing 6.18)");
	char *expect = rc == 0 && at < a->nleden ? pastoe_leden_range(at + 1, at + 2, a->nleden - at) : NULL;
	if (rc == 0)
		rc = renumber_check(cl, ncl, "vernummering van ", expect, err);
	for (size_t k = 0; rc == 0 && k < ncl; k++)
		if (strncmp(cl[k], "vernummering van ", 17) != 0)
			rc = fail(err, "onbekende formule \"onder %s\"", cl[k]);
	free(expect);
	lines_free(cl, ncl);
	if (rc) {
		lid_free(&lid);
		return -1;
	}
	a->leden = xrealloc(a->leden, (a->nleden + 1) * sizeof *a->leden);
	memmove(&a->leden[at + 1], &a->leden[at], (a->nleden - at) * sizeof *a->leden);
	a->leden[at] = lid;
	a->nleden++;
	return 0;
}

static int lid_delete(struct wz_art *a, int n, const char *rest, char **err)
{
	if (!lid_get(a, n, err))
		return -1;
	const char *r = rest;
	char *expect = (size_t)n < a->nleden ? pastoe_leden_range((size_t)n + 1, (size_t)n, a->nleden - (size_t)n)
	                                     : NULL;
	int rc = 0;
	if (eat(&r, ", onder vernummering van ")) {
		if (!expect || strncmp(r, expect, strlen(expect)) != 0 || strcmp(r + strlen(expect), ".") != 0)
			rc = fail(err, expect ? "de wijziging moet zeggen \"onder vernummering van %s\""
			                      : "er wordt niets vernummerd%s", expect ? expect : "");
	} else if (strcmp(r, ".") != 0) {
		rc = fail(err, "onbekende formule na \"vervalt\": \"%s\"", rest);
	} else if (expect) {
		rc = fail(err, "de wijziging moet zeggen \"onder vernummering van %s\"", expect);
	}
	free(expect);
	if (rc)
		return -1;
	lid_free(&a->leden[n - 1]);
	memmove(&a->leden[n - 1], &a->leden[n], (a->nleden - (size_t)n) * sizeof *a->leden);
	a->nleden--;
	return 0;
}

/* "…, onderdeel c," or "…, aanhef," after a lid: the text element. */
static char **element_text(struct wz_lid *l, const char **s, char **err)
{
	long idx;
	if (eat(s, ", aanhef, ")) {
		if (!l->npts) {
			fail(err, "%s", "dit lid heeft geen onderdelen en dus geen aanhef");
			return NULL;
		}
		return &l->intro;
	}
	if (eat(s, ", onderdeel ")) {
		if ((idx = letter(s)) < 0 || !eat(s, ", ")) {
			fail(err, "%s", "onbekende formule na \"onderdeel\"");
			return NULL;
		}
		if ((size_t)idx >= l->npts) {
			fail(err, "het lid heeft geen onderdeel %c", (char)('a' + idx % 26));
			return NULL;
		}
		return &l->pts[idx].text;
	}
	if (eat(s, " ")) {
		if (l->npts) {
			fail(err, "%s", "dit lid heeft onderdelen: noem de aanhef of het onderdeel");
			return NULL;
		}
		return &l->intro;
	}
	fail(err, "%s", "onbekende formule");
	return NULL;
}

static int doel_text(struct wz_art *a, char ***out, char **err)
{
	if (a->doel < 0)
		return fail(err, "artikel %s heeft geen doel", a->num);
	char **raw = &a->blocks[a->doel].raw;
	if (strstr(*raw, "\n\n"))
		return fail(err, "het doel van artikel %s heeft meer dan één alinea: alleen \"komt te "
		                 "luiden\" kan het wijzigen", a->num);
	char *n = wz_norm(*raw, strlen(*raw));
	free(*raw);
	*raw = n;
	*out = raw;
	return 0;
}

/* Does the article text change: Regels written again from the leden. */
static void touch(struct wz_art *a)
{
	a->dirty = 1;
}

int pastoe_article(struct wz_doc *doc, struct wz_art *a, const struct wz_instr *it, char **err)
{
	(void)doc;
	const char *s = it->text;
	int n;
	char **t = NULL;
	if (eat(&s, "Het opschrift komt te luiden: ")) {
		free(a->title);
		a->title = xstrdup(s);
		return 0;
	}
	if (strcmp(s, "Het doel komt te luiden:") == 0) {
		if (a->doel < 0)
			return fail(err, "artikel %s heeft geen doel", a->num);
		free(a->blocks[a->doel].raw);
		a->blocks[a->doel].raw = xstrdup(it->content ? it->content : "");
		return 0;
	}
	if (eat(&s, "In het doel ")) {
		if (doel_text(a, &t, err))
			return -1;
		return clauses_apply(t, s, err);
	}
	if (strcmp(s, "Voor de tekst wordt de aanduiding \"1.\" geplaatst.") == 0) {
		if (need_structured(a, err))
			return -1;
		if (a->numbered)
			return fail(err, "artikel %s heeft al genummerde leden", a->num);
		a->numbered = 1;
		touch(a);
		return 0;
	}
	if (eat(&s, "In de tekst ") || eat(&s, "In de aanhef ") || eat(&s, "In onderdeel ") ||
	    eat(&s, "Onderdeel ") || eat(&s, "Aan het slot van onderdeel ") ||
	    strstr(s, "een onderdeel ") != NULL) {
		if (need_structured(a, err))
			return -1;
		if (a->numbered)
			return fail(err, "artikel %s heeft leden: noem het lid", a->num);
		touch(a);
		if (strncmp(it->text, "In de tekst ", 12) == 0) {
			if (a->leden[0].npts)
				return fail(err, "%s", "het artikel heeft onderdelen: noem de aanhef of het onderdeel");
			return clauses_apply(&a->leden[0].intro, it->text + 12, err);
		}
		return lid_group_apply(&a->leden[0], it, err);
	}
	if (eat(&s, "In het ")) {
		if (!(n = ordinal(&s)) || !eat(&s, " lid"))
			return fail(err, "onbekende formule \"%s\"", it->text);
		struct wz_lid *l = lid_get(a, n, err);
		if (!l || !(t = element_text(l, &s, err)))
			return -1;
		touch(a);
		return clauses_apply(t, s, err);
	}
	if (eat(&s, "Het ")) {
		if (!(n = ordinal(&s)) || !eat(&s, " lid"))
			return fail(err, "onbekende formule \"%s\"", it->text);
		if (eat(&s, " alsmede de aanduiding \"1.\" voor het eerste lid vervallen.")) {
			if (n != 2 || !lid_get(a, 2, err) || a->nleden != 2)
				return fail(err, "artikel %s moet precies twee leden hebben", a->num);
			touch(a);
			lid_free(&a->leden[1]);
			a->nleden = 1;
			a->numbered = 0;
			return 0;
		}
		struct wz_lid *l = lid_get(a, n, err);
		if (!l)
			return -1;
		touch(a);
		if (strcmp(s, " komt te luiden:") == 0) {
			struct wz_lid nl;
			long num;
			if (lid_from_content(it->content, &num, &nl, err) != 0) {
				lid_free(&nl);
				return -1;
			}
			if (num != n) {
				lid_free(&nl);
				return fail(err, "de nieuwe tekst van het %s lid heeft nummer %ld", ordinal_word(n), num);
			}
			lid_free(l);
			*l = nl;
			return 0;
		}
		if (eat(&s, ", onderdeel ")) {
			long idx = letter(&s);
			if (idx < 0 || strcmp(s, ", komt te luiden:") != 0)
				return fail(err, "onbekende formule \"%s\"", it->text);
			char buf[8];
			wz_letter((size_t)idx, buf);
			char *txt = xasprintf("Onderdeel %s komt te luiden:", buf);
			struct wz_instr sub = {NULL, txt, it->content, NULL, 0, 0, it->line};
			int rc = lid_group_apply(l, &sub, err);
			free(txt);
			return rc;
		}
		if (eat(&s, " vervalt"))
			return lid_delete(a, n, s, err);
		if (strcmp(s, " wordt als volgt gewijzigd:") == 0) {
			for (size_t k = 0; k < it->nkids; k++)
				if (lid_group_apply(l, &it->kids[k], err) != 0)
					return -1;
			return 0;
		}
		return fail(err, "onbekende formule \"%s\"", it->text);
	}
	int rc = lid_add(a, it->text, it->content, err);
	if (rc == 0)
		touch(a);
	if (rc > 0)
		return fail(err, "onbekende formule \"%s\"", it->text);
	return rc;
}

/* ---- Articles and headings (Aanwijzingen 6.9, 6.11, 6.16) ---------------- */

struct numbers {
	struct wz_art **arts;
	char **nums;
	size_t n;
};

static void numbers_take(const struct wz_doc *doc, struct numbers *nb)
{
	nb->n = wz_doc_articles(doc, &nb->arts);
	nb->nums = xcalloc(nb->n ? nb->n : 1, sizeof *nb->nums);
	for (size_t k = 0; k < nb->n; k++)
		nb->nums[k] = xstrdup(nb->arts[k]->num);
}

static void numbers_release(struct numbers *nb)
{
	for (size_t k = 0; k < nb->n; k++)
		free(nb->nums[k]);
	free(nb->nums);
	free(nb->arts);
}

/* The renumbering an article change made: the phrase or NULL. */
static char *renumbered(const struct numbers *before, const struct wz_doc *doc)
{
	char **o = xcalloc(before->n + 1, sizeof *o), **nw = xcalloc(before->n + 1, sizeof *nw);
	size_t m = 0;
	struct wz_art **now;
	size_t nn = wz_doc_articles(doc, &now);
	for (size_t k = 0; k < before->n; k++)
		for (size_t j = 0; j < nn; j++)
			if (now[j] == before->arts[k]) {
				o[m] = before->nums[k];
				nw[m++] = now[j]->num;
			}
	char *r = pastoe_articles_range(o, nw, m);
	free(o);
	free(nw);
	free(now);
	return r;
}

static int renumber_verify(const struct numbers *before, const struct wz_doc *doc,
                           const char *written, char **err)
{
	char *expect = renumbered(before, doc);
	int rc = 0;
	if (!expect && written)
		rc = fail(err, "er wordt geen artikel vernummerd, maar de wijziging zegt \"onder "
		               "vernummering van %s\"", written);
	else if (expect && (!written || strcmp(expect, written) != 0))
		rc = fail(err, "de wijziging moet zeggen \"onder vernummering van %s\"", expect);
	free(expect);
	return rc;
}

static void chunk_insert(struct wz_file *f, size_t at, struct wz_art *a)
{
	f->chunks = xrealloc(f->chunks, (f->nchunks + 1) * sizeof *f->chunks);
	memmove(&f->chunks[at + 1], &f->chunks[at], (f->nchunks - at) * sizeof *f->chunks);
	memset(&f->chunks[at], 0, sizeof f->chunks[at]);
	f->chunks[at].kind = WZ_ARTICLE;
	f->chunks[at].art = a;
	f->nchunks++;
}

static struct wz_chunk *container_find(struct wz_doc *doc, enum wz_chunk_kind kind, const char *num,
                                       size_t *fi, size_t *ci)
{
	for (size_t f = 0; f < doc->nfiles; f++)
		for (size_t c = 0; c < doc->files[f].nchunks; c++) {
			struct wz_chunk *ch = &doc->files[f].chunks[c];
			if (ch->kind == kind && ch->num && strcmp(ch->num, num) == 0) {
				*fi = f;
				*ci = c;
				return ch;
			}
		}
	return NULL;
}

/* "[Onder vernummering van R ]wordt <waar> een artikel ingevoegd, luidende:" */
static int article_insert(struct wz_doc *doc, const struct wz_instr *it, char **err)
{
	const char *s = it->text;
	char *clause = NULL;
	const char *where;
	char *num = NULL, *cont = NULL;
	enum wz_chunk_kind ckind = WZ_CHAPTER;
	int before = 0;
	if (eat(&s, "Onder vernummering van ")) {
		const char *w = strstr(s, " wordt ");
		if (!w)
			return 1;
		clause = xstrndup(s, (size_t)(w - s));
		s = w + 7;
		where = s;
	} else if (eat(&s, "Na artikel ")) {
		where = NULL;
	} else if (eat(&s, "In hoofdstuk ") || (eat(&s, "In paragraaf ") && (ckind = WZ_SECTION))) {
		where = NULL;
	} else {
		return 1;
	}
	int rc = 0;
	if (where) { /* "na artikel N een …" / "in hoofdstuk C voor artikel N een …" */
		if (eat(&s, "na artikel ")) {
			num = number(&s);
		} else if (eat(&s, "in hoofdstuk ") || (eat(&s, "in paragraaf ") && (ckind = WZ_SECTION))) {
			cont = number(&s);
			if (eat(&s, " voor artikel ")) {
				num = number(&s);
				before = 1;
			}
		}
		if (!eat(&s, " een artikel ingevoegd, luidende:") || *s)
			rc = 1;
	} else if (strncmp(it->text, "Na artikel ", 11) == 0) {
		num = number(&s);
		if (!eat(&s, " wordt een artikel ingevoegd, luidende:") || *s)
			rc = 1;
	} else {
		cont = number(&s);
		if (eat(&s, " wordt voor artikel ")) {
			num = number(&s);
			before = 1;
			if (!eat(&s, " een artikel ingevoegd, luidende:") || *s)
				rc = 1;
		} else if (!eat(&s, " wordt een artikel ingevoegd, luidende:") || *s) {
			rc = 1;
		}
	}
	size_t fi = 0, ci = 0;
	if (rc == 0 && num && !wz_doc_find(doc, num, &fi, &ci))
		rc = fail(err, "artikel %s bestaat niet", num);
	else if (rc == 0 && !num && (!cont || !container_find(doc, ckind, cont, &fi, &ci)))
		rc = fail(err, "%s %s bestaat niet", ckind == WZ_CHAPTER ? "hoofdstuk" : "paragraaf",
		          cont ? cont : "?");
	struct wz_art *a = NULL;
	if (rc == 0) {
		a = xmalloc(sizeof *a);
		if (!it->content || wz_art_parse(a, it->content, strlen(it->content)) != 0) {
			free(a);
			a = NULL;
			rc = fail(err, "%s", "de nieuwe tekst begint niet met een artikelkop (\"### Artikel …\")");
		}
	}
	if (rc == 0 && doc->letters && (!a->written || !a->num || wz_doc_find(doc, a->num, NULL, NULL))) {
		if (!before || !a->num || !num || strcmp(a->num, num) != 0) {
			rc = fail(err, "met nummering: letters draagt het nieuwe artikel een eigen nummer "
			               "(Aanwijzing 6.16: 9.2a)%s%s", a->num ? ", niet " : "", a->num ? a->num : "");
			wz_art_release(a);
			free(a);
			a = NULL;
		}
	}
	if (rc == 0) {
		struct numbers nb;
		numbers_take(doc, &nb);
		if (doc->letters && before && a->num && !strcmp(a->num, num)) {
			/* 6.16: the article before which it comes gets the letter */
			struct wz_art *first = wz_doc_find(doc, num, NULL, NULL);
			char *n2 = xasprintf("%sa", first->num);
			free(first->num);
			first->num = n2;
		}
		if (!doc->letters) {
			free(a->num);
			a->num = NULL;
		}
		chunk_insert(&doc->files[fi], before || !num ? ci + (num ? 0 : 1) : ci + 1, a);
		wz_doc_number(doc);
		rc = renumber_verify(&nb, doc, clause, err);
		numbers_release(&nb);
	}
	free(clause);
	free(num);
	free(cont);
	return rc;
}

static int article_delete(struct wz_doc *doc, const char *num, const char *rest, char **err)
{
	size_t fi, ci;
	if (!wz_doc_find(doc, num, &fi, &ci))
		return fail(err, "artikel %s bestaat niet", num);
	const char *clause = NULL;
	char *cl = NULL;
	if (eat(&rest, ", onder vernummering van ")) {
		if (!ends_with(rest, "."))
			return fail(err, "%s", "een wijziging eindigt met een punt");
		cl = xstrndup(rest, strlen(rest) - 1);
		clause = cl;
	} else if (strcmp(rest, ".") != 0) {
		return fail(err, "onbekende formule na \"vervalt\": \"%s\"", rest);
	}
	struct numbers nb;
	numbers_take(doc, &nb);
	struct wz_file *f = &doc->files[fi];
	wz_art_release(f->chunks[ci].art);
	free(f->chunks[ci].art);
	memmove(&f->chunks[ci], &f->chunks[ci + 1], (f->nchunks - ci - 1) * sizeof *f->chunks);
	f->nchunks--;
	wz_doc_number(doc);
	int rc = renumber_verify(&nb, doc, clause, err);
	numbers_release(&nb);
	free(cl);
	return rc;
}

static int article_replace(struct wz_doc *doc, const char *num, const char *content, char **err)
{
	struct wz_art *old = wz_doc_find(doc, num, NULL, NULL);
	if (!old)
		return fail(err, "artikel %s bestaat niet", num);
	struct wz_art a;
	if (!content || wz_art_parse(&a, content, strlen(content)) != 0)
		return fail(err, "%s", "de nieuwe tekst begint niet met een artikelkop (\"### Artikel …\")");
	free(a.num);
	a.num = xstrdup(old->num);
	wz_art_release(old);
	*old = a;
	return 0;
}

/* Absolute text and element forms: "In artikel N, derde lid, …", "Artikel N, derde lid, komt te luiden:". */
static int article_element(struct wz_doc *doc, struct wz_art *a, const char *s,
                           const struct wz_instr *it, char **err)
{
	/* rewrite to the relative form and apply within the article */
	struct strbuf sb;
	strbuf_init(&sb);
	const char *p = s;
	int n;
	int rc;
	if (eat(&p, ", ")) {
		if ((n = ordinal(&p)) && eat(&p, " lid")) {
			if (eat(&p, ", ")) {
				if (eat(&p, "aanhef, "))
					strbuf_printf(&sb, "In het %s lid, aanhef, %s", ordinal_word(n), p);
				else if (!strncmp(p, "onderdeel ", 10) && strstr(p, ", komt te luiden:"))
					strbuf_printf(&sb, "Het %s lid, %s", ordinal_word(n), p);
				else if (strstr(it->text, "komt te luiden:") == NULL)
					strbuf_printf(&sb, "In het %s lid%s %s", ordinal_word(n),
					              strncmp(p, "onderdeel ", 10) ? "" : ",", p);
				else if (strcmp(p, "komt te luiden:") == 0)
					strbuf_printf(&sb, "Het %s lid komt te luiden:", ordinal_word(n));
			} else {
				strbuf_printf(&sb, "In het %s lid%s", ordinal_word(n), p);
			}
		} else if (eat(&p, "aanhef, ")) {
			strbuf_printf(&sb, "In de aanhef %s", p);
		} else if (eat(&p, "onderdeel ")) {
			const char *q = p;
			long idx = letter(&q);
			if (idx >= 0 && eat(&q, ", komt te luiden:"))
				strbuf_printf(&sb, "Onderdeel %.*s komt te luiden:", (int)(q - p - 17), p);
			else if (idx >= 0 && eat(&q, ", "))
				strbuf_printf(&sb, "In onderdeel %.*s %s", (int)(q - p - 2), p, q);
		}
	} else if (eat(&p, " ")) {
		strbuf_printf(&sb, "In de tekst %s", p);
	}
	if (!sb.len) {
		strbuf_release(&sb);
		return fail(err, "onbekende formule \"%s\"", it->text);
	}
	struct wz_instr rel = {NULL, sb.buf, it->content, NULL, 0, 0, it->line};
	rc = pastoe_article(doc, a, &rel, err);
	strbuf_release(&sb);
	return rc;
}

int pastoe_item(struct wz_doc *doc, const struct wz_instr *it, char **err)
{
	const char *s = it->text;
	char *num = NULL;
	int rc;
	if (eat(&s, "Artikel ") && (num = number(&s))) {
		struct wz_art *a = wz_doc_find(doc, num, NULL, NULL);
		if (!a)
			rc = fail(err, "artikel %s bestaat niet", num);
		else if (strcmp(s, " wordt als volgt gewijzigd:") == 0) {
			rc = 0;
			if (!it->nkids)
				rc = fail(err, "%s", "na \"wordt als volgt gewijzigd:\" volgen de wijzigingen (1., 2., …)");
			for (size_t k = 0; rc == 0 && k < it->nkids; k++)
				rc = pastoe_article(doc, a, &it->kids[k], err);
		} else if (strcmp(s, " komt te luiden:") == 0) {
			rc = article_replace(doc, num, it->content, err);
		} else if (eat(&s, " vervalt")) {
			rc = article_delete(doc, num, s, err);
		} else if (ends_with(s, "komt te luiden:") && s[0] == ',') {
			rc = article_element(doc, a, s, it, err);
		} else if (s[0] == ',' && strstr(s, " lid, vervalt")) {
			/* "Artikel 8, vierde lid, vervalt[, onder …]." (Aanwijzing 3.29, voorbeeld) */
			const char *q = s + 2;
			int n = ordinal(&q);
			char *rel = n && eat(&q, " lid, vervalt") ? xasprintf("Het %s lid vervalt%s", ordinal_word(n), q) : NULL;
			struct wz_instr r = {NULL, rel, NULL, NULL, 0, 0, it->line};
			rc = rel ? pastoe_article(doc, a, &r, err) : fail(err, "onbekende formule \"%s\"", it->text);
			free(rel);
		} else {
			rc = fail(err, "onbekende formule \"%s\"", it->text);
		}
		free(num);
		return rc;
	}
	free(num);
	s = it->text;
	if (eat(&s, "In artikel ") && (num = number(&s))) {
		struct wz_art *a = wz_doc_find(doc, num, NULL, NULL);
		rc = a ? article_element(doc, a, s, it, err) : fail(err, "artikel %s bestaat niet", num);
		free(num);
		return rc;
	}
	s = it->text;
	if (eat(&s, "Het opschrift van artikel ") && (num = number(&s))) {
		struct wz_art *a = wz_doc_find(doc, num, NULL, NULL);
		rc = !a ? fail(err, "artikel %s bestaat niet", num)
		        : !eat(&s, " komt te luiden: ") || !*s ? fail(err, "onbekende formule \"%s\"", it->text)
		                                               : 0;
		if (rc == 0) {
			free(a->title);
			a->title = xstrdup(s);
		}
		free(num);
		return rc;
	}
	s = it->text;
	enum wz_chunk_kind ck = WZ_CHAPTER;
	if ((eat(&s, "Het opschrift van hoofdstuk ") ||
	     (eat(&s, "Het opschrift van paragraaf ") && (ck = WZ_SECTION))) &&
	    (num = number(&s))) {
		size_t fi, ci;
		struct wz_chunk *c = container_find(doc, ck, num, &fi, &ci);
		rc = !c ? fail(err, "%s %s bestaat niet", ck == WZ_CHAPTER ? "hoofdstuk" : "paragraaf", num)
		        : !eat(&s, " komt te luiden: ") || !*s ? fail(err, "onbekende formule \"%s\"", it->text)
		                                               : 0;
		if (rc == 0) {
			free(c->title);
			c->title = xstrdup(s);
		}
		free(num);
		return rc;
	}
	s = it->text;
	if ((eat(&s, "Het doel van artikel ") || eat(&s, "In het doel van artikel ")) && (num = number(&s))) {
		struct wz_art *a = wz_doc_find(doc, num, NULL, NULL);
		char *rel = it->text[0] == 'H' ? xasprintf("Het doel%s", s) : xasprintf("In het doel%s", s);
		struct wz_instr r = {NULL, rel, it->content, NULL, 0, 0, it->line};
		rc = a ? pastoe_article(doc, a, &r, err) : fail(err, "artikel %s bestaat niet", num);
		free(rel);
		free(num);
		return rc;
	}
	rc = article_insert(doc, it, err);
	if (rc > 0)
		return fail(err, "onbekende formule \"%s\"", it->text);
	return rc;
}

/* ---- Reading the source of a wijzigingsverordening ------------------------ */

static char *fm_value(const char *line, const char *key)
{
	size_t n = strlen(key);
	if (strncmp(line, key, n) != 0 || line[n] != ':')
		return NULL;
	const char *v = skip_spaces(line + n + 1);
	size_t len = strlen(v);
	while (len && v[len - 1] == ' ')
		len--;
	if (len >= 2 && v[0] == '"' && v[len - 1] == '"') {
		v++;
		len -= 2;
	}
	return xstrndup(v, len);
}

static void text_add(char **t, const char *line)
{
	char *n = *t ? xasprintf("%s %s", *t, skip_spaces(line)) : xstrdup(skip_spaces(line));
	free(*t);
	*t = n;
}

static void content_add(char **c, const char *line)
{
	const char *s = skip_spaces(line) + 1; /* after '>' */
	if (*s == ' ')
		s++;
	char *n = *c ? xasprintf("%s\n%s", *c, s) : xstrdup(s);
	free(*c);
	*c = n;
}

static int is_marker(const char *s, int letters)
{
	size_t i = 0;
	if (letters)
		while (s[i] >= 'a' && s[i] <= 'z' && i < 4)
			i++;
	else
		while (s[i] >= '0' && s[i] <= '9' && i < 4)
			i++;
	return i > 0 && s[i] == '.' && s[i + 1] == ' ';
}

/* Lines of one change item → its instruction tree. */
static void item_read(struct wz_instr *item, char **lines, size_t n, int first_line)
{
	struct wz_instr *cur = item;
	struct wz_instr *lvl1 = NULL;
	for (size_t i = 0; i < n; i++) {
		const char *l = lines[i];
		const char *s = skip_spaces(l);
		size_t ind = (size_t)(s - l);
		if (!*s)
			continue;
		if (*s == '>') {
			content_add(&cur->content, l);
			continue;
		}
		if (ind == 0 && is_marker(s, 0)) {
			struct wz_instr k = {0};
			k.label = xstrndup(s, (size_t)(strchr(s, '.') - s));
			k.text = xstrdup(strchr(s, '.') + 2);
			k.line = first_line + (int)i;
			VEC_PUSH(item->kids, item->nkids, item->capkids, k);
			lvl1 = cur = &item->kids[item->nkids - 1];
			continue;
		}
		if (ind >= 2 && lvl1 && is_marker(s, 1)) {
			struct wz_instr k = {0};
			k.label = xstrndup(s, (size_t)(strchr(s, '.') - s));
			k.text = xstrdup(strchr(s, '.') + 2);
			k.line = first_line + (int)i;
			VEC_PUSH(lvl1->kids, lvl1->nkids, lvl1->capkids, k);
			cur = &lvl1->kids[lvl1->nkids - 1];
			continue;
		}
		text_add(&cur->text, l);
	}
}

static char *join_lines(char **lines, size_t a, size_t b)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = a; i < b; i++) {
		strbuf_puts(&sb, lines[i]);
		strbuf_putc(&sb, '\n');
	}
	char *r = strbuf_detach(&sb, NULL);
	/* trim blank lines at both ends */
	size_t s = 0, e = strlen(r);
	while (r[s] == '\n')
		s++;
	while (e > s && (r[e - 1] == '\n' || r[e - 1] == ' '))
		e--;
	char *out = xstrndup(r + s, e - s);
	free(r);
	return out;
}

int wz_amendment_parse(struct wz_amendment *am, const char *path, const char *text, char **err)
{
	memset(am, 0, sizeof *am);
	size_t n;
	char **lines = split_lines(text, &n);
	size_t i = 0;
	int rc = 0;
	if (n == 0 || strcmp(lines[0], "---") != 0) {
		rc = fail(err, "%s:1:1: een wijzigingsverordening begint met een YAML-voorkant (---)", path);
		goto done;
	}
	for (i = 1; i < n && strcmp(lines[i], "---") != 0; i++) {
		char *v;
		if ((v = fm_value(lines[i], "titel")))
			free(am->titel), am->titel = v;
		else if ((v = fm_value(lines[i], "wijzigt")))
			free(am->wijzigt), am->wijzigt = v;
		else if ((v = fm_value(lines[i], "gemeente")))
			free(am->gemeente), am->gemeente = v;
		else if ((v = fm_value(lines[i], "gemeentecode")))
			free(am->gemeentecode), am->gemeentecode = v;
		else if ((v = fm_value(lines[i], "inwerkingtreding")))
			free(am->inwerkingtreding), am->inwerkingtreding = v;
		else if ((v = fm_value(lines[i], "status")))
			free(am->status), am->status = v;
		else if ((v = fm_value(lines[i], "soort")) || (v = fm_value(lines[i], "basis")))
			free(v);
		else if ((v = fm_value(lines[i], "nummering"))) {
			int ok = !strcmp(v, "letters") || !strcmp(v, "vernummering");
			am->letters = !strcmp(v, "letters");
			free(v);
			if (!ok) {
				rc = fail(err, "%s:%zu:12: nummering is 'vernummering' of 'letters' (Aanwijzing 6.16)", path, i + 1);
				goto done;
			}
		}
		else if (lines[i][0] && lines[i][0] != '#') {
			rc = fail(err, "%s:%zu:1: onbekende sleutel in de voorkant", path, i + 1);
			goto done;
		}
	}
	if (i >= n) {
		rc = fail(err, "%s:1:1: de voorkant wordt niet afgesloten met ---", path);
		goto done;
	}
	const char *missing = !am->titel ? "titel" : !am->wijzigt ? "wijzigt" : !am->gemeente ? "gemeente" : NULL;
	if (missing) {
		rc = fail(err, "%s:1:1: de voorkant mist '%s'", path, missing);
		goto done;
	}
	i++;
	/* sections: # Aanhef, # Artikel I (## A …), # Artikel II, # Toelichting */
	int sect = 0; /* 1 aanhef, 2 artikel I, 3 artikel II, 4 toelichting */
	size_t start = i;
	int seen_i = 0, seen_ii = 0;
	for (; i <= n; i++) {
		const char *l = i < n ? lines[i] : "# ";
		int h1 = l[0] == '#' && l[1] == ' ';
		int h2 = l[0] == '#' && l[1] == '#' && l[2] == ' ';
		if (!h1 && !(h2 && sect == 2))
			continue;
		/* close what was open */
		if (sect == 1)
			am->aanhef = join_lines(lines, start, i);
		else if (sect == 3)
			am->slot = join_lines(lines, start, i);
		else if (sect == 4)
			am->toelichting = join_lines(lines, start, i);
		else if (sect == 2 && am->nitems == 0)
			am->intro = join_lines(lines, start, i);
		else if (sect == 2) {
			struct wz_instr *it = &am->items[am->nitems - 1];
			item_read(it, lines + start, i - start, (int)start + 1);
			if (!it->text) {
				rc = fail(err, "%s:%zu:1: onderdeel %s van artikel I is leeg", path, start, it->label);
				goto done;
			}
		} else if (sect == 0 && start < i) {
			for (size_t k = start; k < i; k++)
				if (lines[k][0]) {
					rc = fail(err, "%s:%zu:1: tekst vóór de eerste kop", path, k + 1);
					goto done;
				}
		}
		if (i == n)
			break;
		start = i + 1;
		if (h2) {
			struct wz_instr it = {0};
			it.label = xstrdup(l + 3);
			it.line = (int)i + 1;
			char want[16];
			wz_item_label(am->nitems, want);
			if (strcmp(it.label, want) != 0) {
				rc = fail(err, "%s:%zu:4: dit onderdeel heet %s (Aanwijzing 6.15: A, B, …, Z, AA, BB, …)",
				          path, i + 1, want);
				wz_instr_release(&it);
				goto done;
			}
			VEC_PUSH(am->items, am->nitems, am->capitems, it);
			continue;
		}
		if (strcmp(l, "# Aanhef") == 0)
			sect = 1;
		else if (strcmp(l, "# Artikel I") == 0 && !seen_i)
			sect = 2, seen_i = 1;
		else if (strcmp(l, "# Artikel II") == 0 && seen_i && !seen_ii)
			sect = 3, seen_ii = 1;
		else if (strcmp(l, "# Toelichting") == 0)
			sect = 4;
		else {
			rc = fail(err, "%s:%zu:1: onbekende kop; verwacht # Aanhef, # Artikel I, # Artikel II "
			               "of # Toelichting", path, i + 1);
			goto done;
		}
	}
	if (!seen_i || !am->nitems) {
		rc = fail(err, "%s:1:1: Artikel I met de wijzigingen (## A, ## B, …) ontbreekt", path);
		goto done;
	}
	if (!seen_ii || !am->slot || !am->slot[0]) {
		rc = fail(err, "%s:1:1: Artikel II (de inwerkingtreding) ontbreekt", path);
		goto done;
	}
done:
	lines_free(lines, n);
	if (rc)
		wz_amendment_release(am);
	return rc;
}

int pastoe_lid(struct wz_lid *l, const struct wz_instr *it, char **err)
{
	return lid_group_apply(l, it, err);
}

int pastoe_text(char **t, const char *clauses, char **err)
{
	return clauses_apply(t, clauses, err);
}
