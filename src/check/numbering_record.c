/*
 * The numbering record: DIR/.nummering, written by `ovc build`, `ovc check
 * --bewaar` and `ovc hernummer`, read by every check. See
 * numbering_record.h for the contract and docs/format.md for the format.
 */
#include "numbering_record.h"

#include "diag.h"
#include "model.h"
#include "output.h"
#include "refs.h"
#include "source.h"
#include "util.h"
#include "walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Entries ------------------------------------------------------------ */

/*
 * NR_TEXT: a paragraph that cites units of this text, by a fingerprint of
 * its exact words. Only a paragraph that is still word for word what it
 * was is checked: one edited since (by hand, by ovc hernummer, by a merge)
 * cites the units as they are numbered now.
 */
enum nr_kind { NR_CHAPTER, NR_ARTICLE, NR_LID, NR_POINT, NR_TEXT, NR_KINDS };

static const char *const kind_word[NR_KINDS] = {"hoofdstuk", "artikel", "lid", "onderdeel",
                                                 "tekst"};

struct nr_entry {
	int kind;
	char *key;   /* "9.9", "9.9 2", "9.9 2 b", "9.9 2 b 1" */
	char *id;    /* "#label" or "~" and eight hex digits */
	char *name;  /* the title, or the first words */
	const char *num; /* the last component of key */
	int parent;  /* the enclosing article, lid or onderdeel; -1 */
	int match;   /* the same unit in the other list; -1 */
};

struct nr_list {
	struct nr_entry *e;
	size_t n, cap;
	int *slots; /* hash of (kind, key) → index + 1 */
	size_t nslots;
};

static void list_free(struct nr_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->e[i].key);
		free(l->e[i].id);
		free(l->e[i].name);
	}
	free(l->e);
	free(l->slots);
}

static unsigned hash_bytes(unsigned h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static unsigned key_hash(int kind, const char *key)
{
	return hash_bytes(2166136261u ^ (unsigned)kind, key, strlen(key));
}

static int list_add(struct nr_list *l, int kind, char *key, char *id, char *name, int parent)
{
	struct nr_entry e = {kind, key, id, name, NULL, parent, -1};
	const char *sp = strrchr(key, ' ');
	e.num = sp ? sp + 1 : key;
	VEC_PUSH(l->e, l->n, l->cap, e);
	return (int)l->n - 1;
}

/* Index the entries by (kind, key); the first of equal keys wins. */
static void list_index(struct nr_list *l)
{
	l->nslots = 16;
	while (l->nslots < 2 * l->n + 2)
		l->nslots *= 2;
	l->slots = xcalloc(l->nslots, sizeof *l->slots);
	for (size_t i = 0; i < l->n; i++) {
		size_t s = key_hash(l->e[i].kind, l->e[i].key) & (l->nslots - 1);
		int dup = 0;
		while (l->slots[s]) {
			const struct nr_entry *o = &l->e[l->slots[s] - 1];
			if (o->kind == l->e[i].kind && strcmp(o->key, l->e[i].key) == 0) {
				dup = 1;
				break;
			}
			s = (s + 1) & (l->nslots - 1);
		}
		if (!dup)
			l->slots[s] = (int)i + 1;
	}
}

static int list_find(const struct nr_list *l, int kind, const char *key)
{
	if (!l->nslots)
		return -1;
	size_t s = key_hash(kind, key) & (l->nslots - 1);
	while (l->slots[s]) {
		const struct nr_entry *o = &l->e[l->slots[s] - 1];
		if (o->kind == kind && strcmp(o->key, key) == 0)
			return l->slots[s] - 1;
		s = (s + 1) & (l->nslots - 1);
	}
	return -1;
}

/* ---- Identities from the model ------------------------------------------- */

#define FINGERPRINT_WORDS 10
#define NAME_WORDS 6

/*
 * Add the first words of TEXT to the fingerprint H: letters only, in lower
 * case, so that renumbered references and punctuation inside the text do
 * not change the identity of the unit that contains them.
 */
static unsigned fingerprint_words(unsigned h, const char *text, size_t len, int *words)
{
	size_t i = 0;
	while (i < len && *words < FINGERPRINT_WORDS) {
		while (i < len && !is_word_byte((unsigned char)text[i]))
			i++;
		if (i >= len)
			break;
		while (i < len && is_word_byte((unsigned char)text[i])) {
			char c = (char)ascii_lower((unsigned char)text[i++]);
			h = hash_bytes(h, &c, 1);
		}
		h = hash_bytes(h, " ", 1);
		++*words;
	}
	return h;
}

static const struct run *first_run(const struct blk *b)
{
	for (; b; b = b->next) {
		if ((b->kind == BLK_PARA || b->kind == BLK_HEADING) && b->run)
			return b->run;
		const struct run *r = first_run(b->child);
		if (r)
			return r;
	}
	return NULL;
}

/* The first words of a lid (its intro, else its first onderdeel). */
static const struct run *lid_run(const struct lid *l)
{
	const struct run *r = first_run(l->intro);
	if (!r && l->npoints)
		r = first_run(l->points[0].content);
	return r;
}

static char *fingerprint(const char *title, const struct run *r)
{
	unsigned h = 2166136261u;
	int words = 0;
	if (title)
		h = fingerprint_words(h, title, strlen(title), &words);
	words = 0;
	if (r)
		h = fingerprint_words(h, r->text, r->len, &words);
	return xasprintf("~%08x", h);
}

/* The first words of R as written, for messages: "De gemeente helpt u …". */
static char *words_name(const struct run *r)
{
	if (!r)
		return xstrdup("(leeg)");
	struct strbuf sb;
	strbuf_init(&sb);
	size_t i = 0;
	int words = 0;
	while (i < r->len && (r->text[i] == ' ' || r->text[i] == '\t'))
		i++;
	for (; i < r->len; i++) {
		char c = r->text[i];
		if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (c == ' ' && ++words == NAME_WORDS) {
			strbuf_puts(&sb, " …");
			break;
		}
		strbuf_putc(&sb, c);
	}
	return strbuf_detach(&sb, NULL);
}

static char *unit_id(const struct unit *u, const struct run *r)
{
	return u->label ? xasprintf("#%s", u->label) : fingerprint(u->title, r);
}

static char *clean_name(const char *s)
{
	char *n = xstrdup(s ? s : "");
	for (char *p = n; *p; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	return n;
}

static void add_points(struct nr_list *l, const struct point *pts, size_t n, const char *key,
                       int parent)
{
	for (size_t i = 0; i < n; i++) {
		if (!pts[i].label[0])
			continue; /* an unnumbered entry (a definition) */
		const struct run *r = first_run(pts[i].content);
		char *k = xasprintf("%s %s", key, pts[i].label);
		int at = list_add(l, NR_POINT, k, fingerprint(NULL, r), words_name(r), parent);
		add_points(l, pts[i].subs, pts[i].nsubs, k, at);
	}
}

static void add_article(struct nr_list *l, const struct unit *a)
{
	const struct run *first = a->nleden ? lid_run(&a->leden[0]) : NULL;
	/* an article without a title ("Artikel 5.1") is named by its first words */
	char *name = a->title && a->title[0] ? clean_name(a->title) : NULL;
	if (!name) {
		char *w = words_name(first);
		name = xasprintf("'%s'", w);
		free(w);
	}
	int at = list_add(l, NR_ARTICLE, xstrdup(a->num), unit_id(a, first), name, -1);
	for (size_t i = 0; i < a->nleden; i++) {
		const struct lid *ld = &a->leden[i];
		const struct run *r = lid_run(ld);
		char *k = xasprintf("%s %d", a->num, ld->num);
		int li = list_add(l, NR_LID, k, fingerprint(NULL, r), words_name(r), at);
		add_points(l, ld->points, ld->npoints, k, li);
	}
}

static char *text_key(const struct run *r)
{
	return xasprintf("~%08x", hash_bytes(2166136261u, r->text, r->len));
}

/* Does R cite a unit of this text by its number or position? */
static int cites_internal(const struct ordinance *o, const struct run *r)
{
	struct ref_scan scan;
	ref_scan_init(&scan);
	scan.aliases = o->aliases;
	scan.naliases = o->naliases;
	refs_scan(r->text, r->len, r->flags, &scan);
	int found = 0;
	for (size_t i = 0; i < scan.nrefs && !found; i++)
		for (size_t k = 0; k < scan.refs[i].nitems && scan.refs[i].law == REF_INTERNAL; k++)
			found |= scan.refs[i].items[k].kind != RK_THIS;
	ref_scan_release(&scan);
	return found;
}

struct text_collect {
	const struct ordinance *o;
	struct nr_list *l;
};

static void collect_text(const struct blk *b, const struct text_ctx *c, void *ud)
{
	struct text_collect *tc = ud;
	if (!b->run || (c->in_definition && !tc->o->vrij) || !cites_internal(tc->o, b->run))
		return;
	char *key = text_key(b->run);
	for (size_t i = 0; i < tc->l->n; i++)
		if (tc->l->e[i].kind == NR_TEXT && strcmp(tc->l->e[i].key, key) == 0) {
			free(key);
			return; /* the same words twice */
		}
	list_add(tc->l, NR_TEXT, key, xstrdup("-"), words_name(b->run), -1);
}

static void list_from_model(struct nr_list *l, const struct ordinance *o)
{
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if (!u->num)
			continue;
		if (u->kind == UNIT_CHAPTER)
			list_add(l, NR_CHAPTER, xstrdup(u->num), unit_id(u, NULL), clean_name(u->title), -1);
		else if (u->kind == UNIT_ARTICLE)
			add_article(l, u);
	}
	list_index(l);
}

/*
 * Without a record: the written heading numbers of chapters and articles
 * as the previous numbering. Returns 0 when every written number is the
 * computed one (nothing was renumbered).
 */
/* Does any chapter or article heading carry a number other than its own? */
static int headings_stale(const struct ordinance *o)
{
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if ((u->kind == UNIT_CHAPTER || u->kind == UNIT_ARTICLE) && u->num && u->written &&
		    strcmp(u->written, u->num) != 0)
			return 1;
	}
	return 0;
}

static int list_from_headings(struct nr_list *l, const struct ordinance *o)
{
	/* Most texts are numbered right: then there is nothing to compare, and
	 * the list (three strings per article) need not be built (issue 22). */
	if (!headings_stale(o))
		return 0;
	int stale = 0;
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if ((u->kind != UNIT_CHAPTER && u->kind != UNIT_ARTICLE) || !u->num || !u->written)
			continue;
		stale |= strcmp(u->written, u->num) != 0;
		const struct run *first =
			u->kind == UNIT_ARTICLE && u->nleden ? lid_run(&u->leden[0]) : NULL;
		list_add(l, u->kind == UNIT_CHAPTER ? NR_CHAPTER : NR_ARTICLE, xstrdup(u->written),
		         unit_id(u, first), clean_name(u->title), -1);
	}
	list_index(l);
	return stale;
}

/* ---- The record as text -------------------------------------------------- */

static const char record_header[] =
	"# ovc-nummering 1\n"
	"# De nummering bij de vorige ovc build, ovc check --bewaar of ovc hernummer.\n"
	"# Per regel: soort en nummer, identiteit (#label of ~vingerafdruk), naam.\n"
	"# Hoort bij de tekst: commit dit bestand mee. Niet met de hand bewerken.\n";

char *numbering_record_text(const struct ordinance *o, size_t *len)
{
	struct nr_list l = {0};
	list_from_model(&l, o);
	struct text_collect tc = {o, &l};
	ordinance_each_text(o, collect_text, &tc);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, record_header);
	for (size_t i = 0; i < l.n; i++)
		strbuf_printf(&sb, "%s %s\t%s\t%s\n", kind_word[l.e[i].kind], l.e[i].key, l.e[i].id,
		              l.e[i].name);
	list_free(&l);
	return strbuf_detach(&sb, len);
}

static char *record_path(const struct ordinance *o)
{
	return xasprintf("%s/%s", o->dir, NUMBERING_RECORD_NAME);
}


int numbering_record_save(const struct ordinance *o, int *written, char **err)
{
	if (written)
		*written = 0;
	if (!o->dir || o->sources_failed)
		return 0; /* a text that could not be read has no numbering to keep */
	size_t len, oldlen = 0;
	char *text = numbering_record_text(o, &len);
	char *path = record_path(o);
	char *old = output_read_file(path, &oldlen, NULL);
	int rc = 0, wrote = 0;
	if (!old || oldlen != len || memcmp(old, text, len) != 0) {
		rc = output_write_file(path, text, len, err);
		wrote = rc == 0;
	}
	if (written)
		*written = wrote;
	free(old);
	free(path);
	free(text);
	return rc;
}

/* Parse one line "kind key\tid\tname"; 0 when it is no entry. */
static int parse_line(struct nr_list *l, char *line, int *last)
{
	char *t1 = strchr(line, '\t');
	char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
	char *sp = strchr(line, ' ');
	if (!t2 || !sp || sp > t1)
		return 0;
	int kind = -1;
	for (int k = 0; k < NR_KINDS; k++)
		if ((size_t)(sp - line) == strlen(kind_word[k]) &&
		    strncmp(line, kind_word[k], (size_t)(sp - line)) == 0)
			kind = k;
	if (kind < 0)
		return 0;
	if (kind == NR_TEXT) {
		list_add(l, kind, xstrndup(sp + 1, (size_t)(t1 - sp - 1)), xstrdup("-"), xstrdup(""), -1);
		return 1;
	}
	char *key = xstrndup(sp + 1, (size_t)(t1 - sp - 1));
	int parts = 1;
	for (const char *p = key; *p; p++)
		parts += *p == ' ';
	/* lid: "9.9 2" under the article; onderdeel: depth by its parts */
	int level = kind == NR_LID ? 1 : kind == NR_POINT ? parts - 1 : 0;
	if (kind == NR_POINT && level < 2)
		level = 2;
	if (level > 3)
		level = 3;
	int parent = level ? last[level - 1] : -1;
	int at = list_add(l, kind, key, xstrndup(t1 + 1, (size_t)(t2 - t1 - 1)), xstrdup(t2 + 1),
	                  parent);
	if (kind == NR_CHAPTER)
		return 1;
	last[level] = at;
	for (int k = level + 1; k < 4; k++)
		last[k] = -1;
	return 1;
}

/* Read the record of O; 0 when there is none. */
static int list_from_record(struct nr_list *l, const struct ordinance *o)
{
	char *path = record_path(o);
	size_t len;
	char *text = output_read_file(path, &len, NULL);
	free(path);
	if (!text)
		return 0;
	int last[4] = {-1, -1, -1, -1};
	char *p = text;
	while (p < text + len) {
		char *nl = memchr(p, '\n', (size_t)(text + len - p));
		if (!nl)
			nl = text + len;
		*nl = '\0';
		if (*p && *p != '#')
			parse_line(l, p, last);
		p = nl + 1;
	}
	free(text);
	list_index(l);
	return 1;
}

/* ---- Matching the previous numbering to the current one ------------------ */

static void pair(struct nr_list *old, size_t i, struct nr_list *cur, int j)
{
	old->e[i].match = j;
	cur->e[j].match = (int)i;
}

static void match_in_place(struct nr_list *old, struct nr_list *cur, size_t i);

/* Match a chapter or article: by identity, else by a title both lists have once. */
static void match_top(struct nr_list *old, struct nr_list *cur, int kind)
{
	for (size_t i = 0; i < old->n; i++) {
		if (old->e[i].kind != kind)
			continue;
		for (size_t j = 0; j < cur->n; j++)
			if (cur->e[j].kind == kind && cur->e[j].match < 0 &&
			    strcmp(cur->e[j].id, old->e[i].id) == 0) {
				pair(old, i, cur, (int)j);
				break;
			}
	}
	for (size_t i = 0; i < old->n; i++) {
		if (old->e[i].kind != kind || old->e[i].match >= 0 || old->e[i].id[0] == '#')
			continue;
		int found = -1, n = 0;
		for (size_t j = 0; j < cur->n; j++)
			if (cur->e[j].kind == kind && strcmp(cur->e[j].name, old->e[i].name) == 0)
				found = cur->e[j].match < 0 && cur->e[j].id[0] != '#' ? (int)j : found, n++;
		for (size_t k = 0; k < old->n && n == 1; k++)
			if (k != i && old->e[k].kind == kind && strcmp(old->e[k].name, old->e[i].name) == 0)
				n++;
		if (n == 1 && found >= 0)
			pair(old, i, cur, found);
	}
	for (size_t i = 0; i < old->n; i++)
		if (old->e[i].kind == kind && old->e[i].match < 0)
			match_in_place(old, cur, i);
}

/* Match leden and onderdelen inside matched parents, by fingerprint, in order. */
static void match_children_by_id(struct nr_list *old, struct nr_list *cur, size_t i)
{
	const struct nr_entry *e = &old->e[i];
	int p = old->e[e->parent].match;
	for (size_t j = (size_t)p + 1; j < cur->n; j++) {
		if (cur->e[j].kind == NR_ARTICLE || cur->e[j].kind == NR_CHAPTER)
			break;
		if (cur->e[j].parent == p && cur->e[j].kind == e->kind && cur->e[j].match < 0 &&
		    strcmp(cur->e[j].id, e->id) == 0) {
			pair(old, i, cur, (int)j);
			return;
		}
	}
}

/*
 * A unit whose identity changed (its first words or title were edited)
 * and whose number is still free is the same unit, edited in place: else
 * editing the first words of a lid would make every citation of it look
 * shifted.
 */
static void match_in_place(struct nr_list *old, struct nr_list *cur, size_t i)
{
	const struct nr_entry *e = &old->e[i];
	int j;
	if (e->parent < 0) {
		j = list_find(cur, e->kind, e->key);
	} else {
		int p = old->e[e->parent].match;
		char *k = xasprintf("%s %s", cur->e[p].key, e->num);
		j = list_find(cur, e->kind, k);
		free(k);
		if (j >= 0 && cur->e[j].parent != p)
			j = -1;
	}
	if (j >= 0 && cur->e[j].match < 0)
		pair(old, i, cur, j);
}

static int child_of_matched(const struct nr_list *old, size_t i)
{
	const struct nr_entry *e = &old->e[i];
	return (e->kind == NR_LID || e->kind == NR_POINT) && e->parent >= 0 && e->match < 0 &&
	       old->e[e->parent].match >= 0;
}

static void match_children(struct nr_list *old, struct nr_list *cur)
{
	for (size_t i = 0; i < old->n; i++)
		if (child_of_matched(old, i))
			match_children_by_id(old, cur, i);
	for (size_t i = 0; i < old->n; i++)
		if (child_of_matched(old, i))
			match_in_place(old, cur, i);
}

/* Does some number now denote another unit, or nothing? */
static int anything_moved(const struct nr_list *old, const struct nr_list *cur)
{
	for (size_t i = 0; i < old->n; i++) {
		const struct nr_entry *e = &old->e[i];
		if (e->kind == NR_TEXT)
			continue;
		if (e->match < 0 || strcmp(cur->e[e->match].key, e->key) != 0)
			return 1;
	}
	return 0;
}

/* ---- Checking the references ----------------------------------------------- */

struct shift_check {
	const struct ordinance *o;
	struct diag_sink *d;
	struct nr_list old, cur;
	int headings_only; /* no record: leden and onderdelen are not compared */
	int texts;         /* the record lists the paragraphs that cite (NR_TEXT) */
	const struct run *run;
	const struct source *src;
};

static void report(struct shift_check *sc, size_t a, size_t b, const char *fix, char *msg)
{
	diag_report_fix(sc->d, sc->src, run_src_off(sc->run, a), run_src_off(sc->run, b),
	                RULE_VERWIJZING_VERSCHOVEN, fix, "%s", msg);
	free(msg);
}

static const char *lid_word(const char *num)
{
	const char *w = ordinal_word(atoi(num));
	return w ? w : num;
}

/* Find WORD-like token [*a, *b) inside [start, end) for which PRED holds. */
static int find_token(const struct run *r, size_t start, size_t end,
                      int (*pred)(const char *s, size_t n, const char *want), const char *want,
                      size_t *a, size_t *b)
{
	size_t i = start;
	while (i < end) {
		while (i < end && !is_word_byte((unsigned char)r->text[i]) &&
		       !(r->text[i] >= '0' && r->text[i] <= '9'))
			i++;
		size_t s = i;
		while (i < end && (is_word_byte((unsigned char)r->text[i]) ||
		                   (r->text[i] >= '0' && r->text[i] <= '9')))
			i++;
		if (i > s && pred(r->text + s, i - s, want)) {
			*a = s, *b = i;
			return 1;
		}
	}
	return 0;
}

static int is_lid_token(const char *s, size_t n, const char *want)
{
	(void)want;
	if (ordinal_value(s, n) > 0 || (n == 6 && ascii_casecmp_n(s, "vorige", 6) == 0))
		return 1;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The onderdeel label WANT: "b", or "2" written "2°" (a sub-onderdeel). */
static int is_label_token(const char *s, size_t n, const char *want)
{
	size_t w = strlen(want);
	if (n == w + 2 && strncmp(s + w, "\xc2\xb0", 2) == 0)
		n = w;
	return w == n && strncmp(s, want, n) == 0;
}

/*
 * The article or chapter an item cites: NUM in the previous numbering
 * (OLDI) against NUM now. Reports a shift; returns the current entry of
 * the unit the citation meant, or -1.
 */
static int check_top(struct shift_check *sc, int kind, const struct ref_item *it)
{
	int oi = list_find(&sc->old, kind, it->num);
	int ci = list_find(&sc->cur, kind, it->num);
	if (oi < 0)
		return ci;
	const struct nr_entry *was = &sc->old.e[oi];
	int meant = was->match;
	if (meant == ci)
		return meant;
	const char *word = kind_word[kind];
	char *now = ci >= 0 ? xasprintf("%s %s is nu %s", word, it->num, sc->cur.e[ci].name)
	                    : xasprintf("%s %s bestaat niet meer", word, it->num);
	char *then = meant >= 0 ? xasprintf("dat nu %s is", sc->cur.e[meant].key)
	                        : xstrdup("dat er niet meer is");
	report(sc, it->num_start, it->num_end, meant >= 0 ? sc->cur.e[meant].key : NULL,
	       xasprintf("%s; bij de vorige nummering was %s %s, %s", now, it->num, was->name, then));
	free(now);
	free(then);
	return meant;
}

/* "het vorige lid" after a lid was inserted or removed before this one. */
static void report_previous(struct shift_check *sc, size_t a, size_t b, const struct nr_entry *was,
                            int ci, int meant, const char *fix)
{
	char *now = ci >= 0 ? xasprintf("het %s lid ('%s')", lid_word(sc->cur.e[ci].num),
	                                sc->cur.e[ci].name)
	                    : xstrdup("geen lid");
	char *then = meant >= 0 ? xasprintf("; schrijf 'het %s lid'", fix) : xstrdup(", dat er niet meer is");
	report(sc, a, b, fix,
	       xasprintf("'het vorige lid' is nu %s; bij de vorige nummering was dat '%s'%s", now,
	                 was->name, then));
	free(now);
	free(then);
}

/*
 * A lid (or onderdeel) cited with number (label) WRITTEN: OLDKEY is its key
 * in the previous numbering, CURPARENT the current entry it must be in.
 * Reports a shift at the token in [A, B).
 */
static int check_child(struct shift_check *sc, int kind, const char *oldkey, int curparent,
                       const char *curkey, size_t a, size_t b, const char *written)
{
	int oi = list_find(&sc->old, kind, oldkey);
	if (oi < 0 || curparent < 0)
		return -1;
	const struct nr_entry *was = &sc->old.e[oi];
	int meant = was->match;
	int ci = list_find(&sc->cur, kind, curkey);
	if (meant == ci)
		return meant;
	if (meant >= 0 && sc->cur.e[meant].parent != curparent)
		return -1; /* moved to another article: the article's own check says so */
	size_t ta, tb;
	int lid = kind == NR_LID;
	if (!find_token(sc->run, a, b, lid ? is_lid_token : is_label_token, written, &ta, &tb))
		return -1;
	char *fix = NULL;
	int digits = sc->run->text[ta] >= '0' && sc->run->text[ta] <= '9';
	int degree = !lid && tb - ta > 2 && strncmp(sc->run->text + tb - 2, "\xc2\xb0", 2) == 0;
	if (meant >= 0)
		fix = lid && !digits ? xstrdup(lid_word(sc->cur.e[meant].num))
		      : degree       ? xasprintf("%s°", sc->cur.e[meant].num)
		                     : xstrdup(sc->cur.e[meant].num);
	if (lid && tb - ta == 6 && ascii_casecmp_n(sc->run->text + ta, "vorige", 6) == 0) {
		report_previous(sc, ta, tb, was, ci, meant, fix);
		free(fix);
		return meant;
	}
	const char *point = degree ? "sub-onderdeel" : "onderdeel";
	char *what = lid      ? xasprintf("het %s lid", lid_word(was->num))
	             : degree ? xasprintf("%s %s°", point, was->num)
	                      : xasprintf("%s %s", point, was->num);
	char *now = ci >= 0 ? xasprintf("%s is nu '%s'", what, sc->cur.e[ci].name)
	                    : xasprintf("%s bestaat niet meer", what);
	char *then = meant < 0 ? xstrdup("dat er niet meer is")
	             : lid     ? xasprintf("dat nu het %s lid is", lid_word(sc->cur.e[meant].num))
	                       : xasprintf("dat nu %s %s is", point, fix);
	report(sc, ta, tb, fix,
	       xasprintf("%s; bij de vorige nummering was %s '%s', %s", now, what, was->name, then));
	free(fix);
	free(what);
	free(now);
	free(then);
	return meant;
}

/* The only lid of an entry's article in LIST ("9.9 0" or "9.9 1"), or NULL. */
static const char *only_lid(const struct nr_list *l, int art)
{
	const char *found = NULL;
	for (size_t j = (size_t)art + 1; j < l->n && l->e[j].kind >= NR_LID; j++)
		if (l->e[j].kind == NR_LID && l->e[j].parent == art) {
			if (found)
				return NULL;
			found = l->e[j].num;
		}
	return found;
}

/* Lid and onderdeel of an item, in the article the citation meant. */
static void check_within(struct shift_check *sc, const struct ref_item *it, const char *oldart,
                         int curart, const char *oldlid, const char *curlid, int lid_written)
{
	if (sc->headings_only || curart < 0)
		return;
	char *ok = xasprintf("%s %s", oldart, oldlid);
	char *ck = xasprintf("%s %s", sc->cur.e[curart].key, curlid);
	int meantlid = list_find(&sc->cur, NR_LID, ck);
	if (lid_written)
		meantlid = check_child(sc, NR_LID, ok, curart, ck, it->lid_start, it->lid_end, curlid);
	if (it->point[0] && meantlid >= 0) {
		char *op = xasprintf("%s %s", ok, it->point);
		char *cp = xasprintf("%s %s", sc->cur.e[meantlid].key, it->point);
		int meantpoint =
			check_child(sc, NR_POINT, op, meantlid, cp, it->point_start, it->point_end, it->point);
		if (it->sub[0] && meantpoint >= 0) {
			char *os = xasprintf("%s %s", op, it->sub);
			char *cs = xasprintf("%s %s", sc->cur.e[meantpoint].key, it->sub);
			check_child(sc, NR_POINT, os, meantpoint, cs, it->sub_start, it->sub_end, it->sub);
			free(os);
			free(cs);
		}
		free(op);
		free(cp);
	}
	free(ok);
	free(ck);
}

static void check_article_item(struct shift_check *sc, const struct ref_item *it)
{
	int meant = check_top(sc, NR_ARTICLE, it);
	int oi = list_find(&sc->old, NR_ARTICLE, it->num);
	if (oi < 0 || (!it->lid && !it->point[0]))
		return;
	char lidnum[16];
	const char *oldlid = lidnum;
	snprintf(lidnum, sizeof lidnum, "%d", it->lid);
	if (!it->lid && !(oldlid = only_lid(&sc->old, oi)))
		return;
	/* the current lid with the written number, in the article meant */
	check_within(sc, it, it->num, meant, oldlid, it->lid ? lidnum : oldlid, it->lid != 0);
}

/* The current list's entry of the lid the text stands in, when the record
 * matched it; else -1. */
static int own_lid(const struct shift_check *sc, const struct text_ctx *c)
{
	char *k = xasprintf("%s %d", c->article->num, c->lid->num);
	int cl = list_find(&sc->cur, NR_LID, k);
	free(k);
	return cl >= 0 && sc->cur.e[cl].match >= 0 ? cl : -1;
}

/* "het tweede lid", "het vorige lid", "onder b" inside the enclosing article. */
static void check_relative(struct shift_check *sc, const struct ref_item *it,
                           const struct text_ctx *c)
{
	if (!c->article || sc->headings_only)
		return;
	int ca = list_find(&sc->cur, NR_ARTICLE, c->article->num);
	if (ca < 0 || sc->cur.e[ca].match < 0)
		return; /* an article the record does not know: written for this numbering */
	const char *oldart = sc->old.e[sc->cur.e[ca].match].key;
	char curlid[16], oldlid[16];
	if (it->kind == RK_POINT) {
		if (!c->lid)
			return;
		int cl = own_lid(sc, c);
		if (cl < 0)
			return;
		snprintf(curlid, sizeof curlid, "%d", c->lid->num);
		check_within(sc, it, oldart, ca, sc->old.e[sc->cur.e[cl].match].num, curlid, 0);
		return;
	}
	int lid = it->lid;
	if (!lid)
		return;
	snprintf(oldlid, sizeof oldlid, "%d", lid);
	if (lid == REF_LID_PREVIOUS) {
		if (!c->lid || c->lid->num <= 1)
			return;
		int cl = own_lid(sc, c);
		if (cl < 0)
			return;
		lid = c->lid->num - 1;
		snprintf(oldlid, sizeof oldlid, "%d", atoi(sc->old.e[sc->cur.e[cl].match].num) - 1);
	}
	snprintf(curlid, sizeof curlid, "%d", lid);
	check_within(sc, it, oldart, ca, oldlid, curlid, 1);
}

static void check_text(const struct blk *b, const struct text_ctx *c, void *ud)
{
	struct shift_check *sc = ud;
	struct run *r = b->run;
	if (!r || (c->in_definition && !sc->o->vrij))
		return;
	if (c->article) {
		int ca = list_find(&sc->cur, NR_ARTICLE, c->article->num);
		if (ca < 0 || sc->cur.e[ca].match < 0)
			return; /* a new article: its references are written for this numbering */
	}
	if (sc->texts) {
		char *key = text_key(r);
		int known = list_find(&sc->old, NR_TEXT, key) >= 0;
		free(key);
		if (!known)
			return; /* edited since the record: written for the numbering of now */
	}
	sc->run = r;
	sc->src = b->span.src;
	struct ref_scan scan;
	ref_scan_init(&scan);
	scan.aliases = sc->o->aliases;
	scan.naliases = sc->o->naliases;
	refs_scan(r->text, r->len, r->flags, &scan);
	for (size_t i = 0; i < scan.nrefs; i++) {
		const struct ref *ref = &scan.refs[i];
		if (ref->law != REF_INTERNAL)
			continue;
		for (size_t k = 0; k < ref->nitems; k++) {
			const struct ref_item *it = &ref->items[k];
			if ((it->kind == RK_ARTICLE || it->kind == RK_LID || it->kind == RK_POINT) &&
			    it->num[0])
				check_article_item(sc, it);
			else if (it->kind == RK_CHAPTER && it->num[0])
				check_top(sc, NR_CHAPTER, it);
			else if ((it->kind == RK_LID || it->kind == RK_POINT) && !it->num[0])
				check_relative(sc, it, c);
		}
	}
	ref_scan_release(&scan);
}

void numbering_check(const struct ordinance *o, struct diag_sink *d)
{
	if (!o || !o->dir || o->sources_failed)
		return;
	struct shift_check sc = {o, d, {0}, {0}, 0, 0, NULL, NULL};
	int have = list_from_record(&sc.old, o);
	if (!have) {
		list_free(&sc.old);
		memset(&sc.old, 0, sizeof sc.old);
		if (!list_from_headings(&sc.old, o)) {
			list_free(&sc.old);
			return;
		}
		sc.headings_only = 1;
	}
	for (size_t i = 0; i < sc.old.n && !sc.texts; i++)
		sc.texts = sc.old.e[i].kind == NR_TEXT;
	list_from_model(&sc.cur, o);
	match_top(&sc.old, &sc.cur, NR_CHAPTER);
	match_top(&sc.old, &sc.cur, NR_ARTICLE);
	match_children(&sc.old, &sc.cur);
	if (anything_moved(&sc.old, &sc.cur))
		ordinance_each_text(o, check_text, &sc);
	list_free(&sc.old);
	list_free(&sc.cur);
}
