#include "readability_lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "tsv.h"
#include "util.h"

/* ---- Hash map ---------------------------------------------------------- */

static size_t hash_bytes(const char *k, size_t n)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 16777619u;
	return h;
}

static void map_grow(struct rdl_map *m)
{
	struct rdl_map old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof *m->keys);
	m->vals = xcalloc(m->cap, sizeof *m->vals);
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i].s)
			rdl_map_put(m, old.keys[i].s, old.keys[i].n, old.vals[i]);
	free(old.keys);
	free(old.vals);
}

/* Keep the load under one half so probes stay short. */
void rdl_map_put(struct rdl_map *m, const char *k, size_t n, int val)
{
	if (2 * (m->n + 1) > m->cap)
		map_grow(m);
	size_t i = hash_bytes(k, n) & (m->cap - 1);
	while (m->keys[i].s) {
		if (m->keys[i].n == n && memcmp(m->keys[i].s, k, n) == 0)
			return; /* the first entry wins */
		i = (i + 1) & (m->cap - 1);
	}
	m->keys[i].s = k;
	m->keys[i].n = n;
	m->vals[i] = val;
	m->n++;
}

int rdl_map_get(const struct rdl_map *m, const char *k, size_t n)
{
	if (!m->cap)
		return -1;
	size_t i = hash_bytes(k, n) & (m->cap - 1);
	while (m->keys[i].s) {
		if (m->keys[i].n == n && memcmp(m->keys[i].s, k, n) == 0)
			return m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	return -1;
}

void rdl_map_or(struct rdl_map *m, const char *k, size_t n, int bits)
{
	if (m->cap) {
		size_t i = hash_bytes(k, n) & (m->cap - 1);
		for (; m->keys[i].s; i = (i + 1) & (m->cap - 1)) {
			if (m->keys[i].n == n && memcmp(m->keys[i].s, k, n) == 0) {
				m->vals[i] |= bits;
				return;
			}
		}
	}
	rdl_map_put(m, k, n, bits);
}

void rdl_map_release(struct rdl_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

/* ---- Lines and fields ---------------------------------------------------- */

/* The embedded list data/leesbaarheid/NAME (tsv.h: missing is an internal error). */
static void data_open(struct tsv *t, const char *name)
{
	char path[96];
	snprintf(path, sizeof path, "data/leesbaarheid/%s", name);
	tsv_open(t, path);
}

static struct rdl_str field(const struct tsv *t, size_t i)
{
	struct rdl_str f = {t->field[i].s, t->field[i].n};
	return f;
}

static int field_is(const struct rdl_str *f, const char *s)
{
	return f->n == strlen(s) && memcmp(f->s, s, f->n) == 0;
}

/* ---- Lists ------------------------------------------------------------- */

static void split_words(struct rdl_offic *o)
{
	const char *s = o->term.s, *e = s + o->term.n;
	o->nwords = 0;
	while (s < e && o->nwords < RDL_MAX_TERM_WORDS) {
		const char *sp = memchr(s, ' ', (size_t)(e - s));
		const char *we = sp ? sp : e;
		o->words[o->nwords].s = s;
		o->words[o->nwords++].n = (size_t)(we - s);
		s = we + (sp != NULL);
	}
}

static void load_offic(struct rdl_lexicon *lx)
{
	struct tsv t;
	data_open(&t, "ambtelijk.tsv");
	while (tsv_next(&t)) {
		tsv_expect(&t, 2, 4);
		struct rdl_offic o = {.term = field(&t, 0), .alt = field(&t, 1), .next = -1};
		if (t.nfields > 2)
			o.note = field(&t, 2);
		o.legal = tsv_field_is(&t, 3, "juridisch");
		split_words(&o);
		VEC_PUSH(lx->offic, lx->noffic, lx->capoffic, o);
		int idx = (int)lx->noffic - 1;
		int k = rdl_map_get(&lx->offic_first, o.words[0].s, o.words[0].n);
		if (k < 0) {
			rdl_map_put(&lx->offic_first, o.words[0].s, o.words[0].n, idx);
			continue;
		}
		/* Append to the chain of entries with this first word (file order). */
		while (lx->offic[k].next >= 0)
			k = lx->offic[k].next;
		lx->offic[k].next = idx;
	}
}

static void load_abbr(struct rdl_lexicon *lx)
{
	struct tsv t;
	data_open(&t, "afkortingen.tsv");
	while (tsv_next(&t)) {
		tsv_expect(&t, 4, 4);
		struct rdl_abbr a = {field(&t, 0), field(&t, 1), tsv_field_is(&t, 2, "vermijd"),
		                     tsv_field_is(&t, 3, "ja")};
		VEC_PUSH(lx->abbr, lx->nabbr, lx->capabbr, a);
		size_t kn = a.key.n - (a.key.n && a.key.s[a.key.n - 1] == '.');
		rdl_map_put(&lx->abbr_map, a.key.s, kn, (int)lx->nabbr - 1);
	}
}

static void load_acro(struct rdl_lexicon *lx)
{
	struct tsv t;
	data_open(&t, "letterwoorden.tsv");
	while (tsv_next(&t)) {
		tsv_expect(&t, 3, 3);
		struct rdl_abbr a = {field(&t, 0), field(&t, 1), !tsv_field_is(&t, 2, "ja"), 0};
		VEC_PUSH(lx->acro, lx->nacro, lx->capacro, a);
		rdl_map_put(&lx->acro_map, a.key.s, a.key.n, (int)lx->nacro - 1);
	}
}

static void load_nominal(struct rdl_lexicon *lx)
{
	struct tsv t;
	data_open(&t, "naamwoordstijl.tsv");
	while (tsv_next(&t)) {
		tsv_expect(&t, 2, 2);
		if (tsv_field_is(&t, 0, "achtervoegsel"))
			VEC_PUSH(lx->suffix, lx->nsuffix, lx->capsuffix, field(&t, 1));
		else if (tsv_field_is(&t, 0, "uitzondering"))
			VEC_PUSH(lx->except, lx->nexcept, lx->capexcept, field(&t, 1));
	}
}

static void load_frequent(struct rdl_lexicon *lx)
{
	struct tsv t;
	data_open(&t, "frequent.txt");
	while (tsv_next(&t)) {
		tsv_expect(&t, 1, 1);
		const char *s = t.field[0].s, *e = s + t.field[0].n;
		while (s < e) {
			while (s < e && *s == ' ')
				s++;
			const char *w = s;
			while (s < e && *s != ' ')
				s++;
			if (s > w)
				rdl_map_put(&lx->frequent, w, (size_t)(s - w), 1);
		}
	}
}

/* ---- Profiles ------------------------------------------------------------ */

static int parse_severity(const struct rdl_str *v)
{
	if (field_is(v, "fout"))
		return SEV_ERROR;
	if (field_is(v, "waarschuwing"))
		return SEV_WARNING;
	return RDL_OFF;
}

static int parse_int(const struct rdl_str *v)
{
	char buf[16];
	size_t n = v->n < sizeof buf - 1 ? v->n : sizeof buf - 1;
	memcpy(buf, v->s, n);
	buf[n] = '\0';
	return atoi(buf);
}

static void add_free_list(struct rdl_profile *p, const struct rdl_str *v)
{
	const char *s = v->s, *e = v->s + v->n;
	while (s < e) {
		const char *c = memchr(s, ',', (size_t)(e - s));
		const char *we = c ? c : e;
		if (we > s)
			rdl_map_put(&p->passive_free, s, (size_t)(we - s), 1);
		s = we + 1;
	}
}

static void profile_set(struct rdl_profile *p, const struct rdl_str *k, const struct rdl_str *v)
{
	static const struct { const char *key; size_t off; int sev; } ints[] = {
		{"zin-lang.waarschuwing", offsetof(struct rdl_profile, sent_warn), 0},
		{"zin-lang.fout", offsetof(struct rdl_profile, sent_error), 0},
		{"zin-gemiddeld.waarschuwing", offsetof(struct rdl_profile, asl_warn), 0},
		{"zin-bijzinnen.waarschuwing", offsetof(struct rdl_profile, clauses_warn), 0},
		{"lijdende-vorm.ernst", offsetof(struct rdl_profile, passive_sev), 1},
		{"lijdende-vorm.aandeel", offsetof(struct rdl_profile, passive_share), 0},
		{"naamwoordstijl.waarschuwing", offsetof(struct rdl_profile, nomin_warn), 0},
		{"ambtelijk.ernst", offsetof(struct rdl_profile, offic_sev), 1},
		{"afkorting.ernst", offsetof(struct rdl_profile, abbr_sev), 1},
		{"woord-moeilijk.ernst", offsetof(struct rdl_profile, hard_sev), 1},
		{"woord-moeilijk.lettergrepen", offsetof(struct rdl_profile, hard_syllables), 0},
		{"alinea-lang.waarschuwing", offsetof(struct rdl_profile, para_warn), 0},
		{"flesch-douma.richtwaarde", offsetof(struct rdl_profile, fd_ref), 0},
	};
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		if (!field_is(k, ints[i].key))
			continue;
		int *dst = (int *)(void *)((char *)p + ints[i].off);
		*dst = ints[i].sev ? parse_severity(v) : parse_int(v);
		return;
	}
	if (field_is(k, "lijdende-vorm.vrij"))
		add_free_list(p, v);
	else if (field_is(k, "ambtelijk.juridisch"))
		p->offic_legal = field_is(v, "ja");
	else if (field_is(k, "afkorting.alle"))
		p->abbr_all = field_is(v, "ja");
	else if (field_is(k, "verwijzing.als-woord"))
		p->chain_as_word = field_is(v, "ja");
}

static int load_profile(struct rdl_profile *p, const char *name)
{
	struct tsv t;
	data_open(&t, "profielen.tsv");
	int found = 0;
	while (tsv_next(&t)) {
		tsv_expect(&t, 3, 4); /* profiel, sleutel, waarde[, bron] */
		if (!tsv_field_is(&t, 0, name))
			continue;
		struct rdl_str k = field(&t, 1), v = field(&t, 2);
		profile_set(p, &k, &v);
		found = 1;
	}
	snprintf(p->name, sizeof p->name, "%s", name);
	return found ? 0 : -1;
}

int rdl_load(struct rdl_lexicon *lx, struct rdl_profile *p, const char *name)
{
	memset(lx, 0, sizeof *lx);
	memset(p, 0, sizeof *p);
	if (strlen(name) >= sizeof p->name || load_profile(p, name) < 0)
		return -1;
	load_offic(lx);
	load_abbr(lx);
	load_acro(lx);
	load_nominal(lx);
	load_frequent(lx);
	return 0;
}

void rdl_release(struct rdl_lexicon *lx, struct rdl_profile *p)
{
	free(lx->offic);
	free(lx->abbr);
	free(lx->acro);
	free(lx->suffix);
	free(lx->except);
	rdl_map_release(&lx->offic_first);
	rdl_map_release(&lx->abbr_map);
	rdl_map_release(&lx->acro_map);
	rdl_map_release(&lx->frequent);
	rdl_map_release(&p->passive_free);
	memset(lx, 0, sizeof *lx);
}
