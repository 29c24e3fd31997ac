#include "citizen.h"

#include "diag.h"
#include "model.h"
#include "parts.h"
#include "source.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"kop", "thema", "stap", "trefwoorden", "termijn", NULL};

static const struct attr *find_attr(const struct unit *a, const char *key)
{
	for (size_t i = 0; i < a->ninw_attrs; i++)
		if (strcmp(a->inw_attrs[i].key, key) == 0)
			return &a->inw_attrs[i];
	return NULL;
}

const char *citizen_attr(const struct unit *a, const char *key)
{
	const struct attr *at = find_attr(a, key);
	return at ? at->value : NULL;
}

static void check_keys(const struct unit *a, struct diag_sink *d)
{
	for (size_t i = 0; i < a->ninw_attrs; i++) {
		const struct attr *at = &a->inw_attrs[i];
		int known = 0;
		for (int k = 0; keys[k]; k++)
			known |= strcmp(keys[k], at->key) == 0;
		if (!known)
			diag_report(d, at->span.src, at->span.start, at->span.end, RULE_STRUCTUUR_ATTRIBUUT,
			            "onbekend attribuut '%s' op Voor inwoners; gebruik kop=, thema=, stap=, "
			            "trefwoorden= of termijn=",
			            at->key);
		for (size_t j = 0; j < i; j++)
			if (strcmp(a->inw_attrs[j].key, at->key) == 0)
				diag_report(d, at->span.src, at->span.start, at->span.end,
				            RULE_STRUCTUUR_ATTRIBUUT, "attribuut '%s' staat er twee keer",
				            at->key);
		if (at->value[0] == '\0')
			diag_report(d, at->span.src, at->span.start, at->span.end, RULE_STRUCTUUR_ATTRIBUUT,
			            "attribuut '%s' zonder waarde", at->key);
	}
}

/* thema= on Voor inwoners: theme ids, or "over" or "geen" alone. */
static void check_themes(const struct ordinance *o, const struct attr *at, struct diag_sink *d)
{
	const char *v = at->value;
	if (strcmp(v, "over") == 0 || strcmp(v, "geen") == 0)
		return;
	const char *s = v;
	while (*s) {
		const char *e = strchr(s, ',');
		if (!e)
			e = s + strlen(s);
		const char *a = s, *b = e;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		char *id = xstrndup(a, (size_t)(b - a));
		if (*id && o->themes_src && !ordinance_find_theme(o, id)) {
			size_t off = (size_t)(a - v);
			diag_report(d, at->vspan.src, at->vspan.start + off,
			            at->vspan.start + off + strlen(id), RULE_ID_ONBEKEND,
			            "onbekend thema '%s'; de thema's staan in themas.md, of gebruik "
			            "thema=over of thema=geen",
			            id);
		}
		free(id);
		s = *e ? e + 1 : e;
	}
}

static const char *const number_words[] = {"nul", "een", "twee", "drie", "vier", "vijf",
                                           "zes", "zeven", "acht", "negen", "tien", "elf",
                                           "twaalf", "dertien", "veertien", "vijftien",
                                           "zestien", "zeventien", "achttien", "negentien",
                                           "twintig"};

/* Does TEXT[0..LEN) contain NEEDLE, case-insensitively, as whole words? */
static int contains_words(const char *text, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++) {
		if (ascii_casecmp_n(text + i, needle, n) != 0)
			continue;
		int before = i == 0 || !isalnum((unsigned char)text[i - 1]);
		int after = i + n == len || !isalnum((unsigned char)text[i + n]);
		if (before && after)
			return 1;
	}
	return 0;
}

/*
 * The legal text of A in its source: from its heading to the next article
 * (or the end of the file), as [*A1, *B1) and [*A2, *B2) around its Voor
 * inwoners block, which is not legal text.
 */
static void legal_ranges(const struct ordinance *o, const struct unit *a, size_t r[4])
{
	const struct source *src = a->span.src;
	size_t end = src->len;
	for (size_t i = a->index + 1; i < o->narticles; i++)
		if (o->articles[i]->span.src == src) {
			end = o->articles[i]->span.start;
			break;
		}
	r[0] = a->span.end, r[1] = end, r[2] = r[3] = end;
	struct span v = a->block_span[BLOCK_INWONERS];
	if (v.src != src || v.start < r[0] || v.start >= end)
		return;
	size_t vend = end;
	for (int b = 0; b < BLOCK_COUNT; b++)
		if (b != BLOCK_INWONERS && a->block_span[b].src == src &&
		    a->block_span[b].start > v.start && a->block_span[b].start < vend)
			vend = a->block_span[b].start;
	r[1] = v.start, r[2] = vend;
}

static int in_legal_text(const struct ordinance *o, const struct unit *a, const char *needle)
{
	size_t r[4];
	legal_ranges(o, a, r);
	const char *t = a->span.src->text;
	return contains_words(t + r[0], r[1] - r[0], needle) ||
	       contains_words(t + r[2], r[3] - r[2], needle);
}

/*
 * termijn="hooguit 6 weken": every "<number> <unit>" in it must be in the
 * article's legal text, in digits or in words ("zes weken").
 */
static void check_termijn(const struct ordinance *o, const struct unit *a, const struct attr *at,
                          struct diag_sink *d)
{
	const char *v = at->value;
	int found = 0;
	for (const char *s = v; *s; s++) {
		if (!isdigit((unsigned char)*s) || (s > v && isdigit((unsigned char)s[-1])))
			continue;
		char *end;
		long n = strtol(s, &end, 10);
		const char *u = end;
		while (*u == ' ')
			u++;
		size_t ul = 0;
		while (u[ul] && (isalpha((unsigned char)u[ul]) || (unsigned char)u[ul] >= 0x80))
			ul++;
		if (!ul)
			continue;
		found = 1;
		char *digits = xasprintf("%ld %.*s", n, (int)ul, u);
		char *words = n <= 20 ? xasprintf("%s %.*s", number_words[n], (int)ul, u) : NULL;
		if (!in_legal_text(o, a, digits) && !(words && in_legal_text(o, a, words))) {
			size_t off = (size_t)(s - v);
			diag_report(d, at->vspan.src, at->vspan.start + off,
			            at->vspan.start + off + (size_t)(u + ul - s), RULE_TERMIJN,
			            "de termijn '%s' staat niet in artikel %s; neem de termijn over uit "
			            "het artikel",
			            digits, a->num);
		}
		free(digits);
		free(words);
	}
	if (!found)
		diag_report(d, at->vspan.src, at->vspan.start, at->vspan.end, RULE_TERMIJN,
		            "termijn '%s' noemt geen getal met een eenheid, zoals termijn=\"6 weken\"",
		            v);
}

/* The route's steps: src/model/steps.def. */
static void check_stap(const struct attr *at, struct diag_sink *d)
{
	if (step_find(at->value) >= 0)
		return;
	char *ids = step_ids_joined(" of ");
	diag_report(d, at->vspan.src, at->vspan.start, at->vspan.end, RULE_ID_ONBEKEND,
	            "onbekende stap '%s'; gebruik %s", at->value, ids);
	free(ids);
}

static int has_citizen_text(const struct ordinance *o)
{
	for (size_t i = 0; i < o->narticles; i++)
		if (o->articles[i]->block[BLOCK_INWONERS])
			return 1;
	return 0;
}

/*
 * The contact block is missing when residents get neither a phone number
 * nor a website; a partial block is shown as it is.
 */
static void check_contact(const struct ordinance *o, struct diag_sink *d)
{
	/* without a front matter (its own error) there is nothing to add */
	if (o->fm[FM_TELEFOON] || o->fm[FM_WEBSITE] || !o->main || !o->fm[FM_STATUS] ||
	    !has_citizen_text(o))
		return;
	diag_report(d, o->main, 0, 3, RULE_CONTACT_ONTBREEKT,
	            "de publieksversie zegt niet wie inwoners kunnen bellen: de voorkant mist "
	            "telefoon en website (en adres, openingstijden)");
}

void citizen_check(const struct ordinance *o, struct diag_sink *d)
{
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *a = o->articles[i];
		if (!a->ninw_attrs)
			continue;
		check_keys(a, d);
		const struct attr *at = find_attr(a, "thema");
		if (at)
			check_themes(o, at, d);
		if ((at = find_attr(a, "stap")))
			check_stap(at, d);
		if ((at = find_attr(a, "termijn")))
			check_termijn(o, a, at, d);
	}
	check_contact(o, d);
}
