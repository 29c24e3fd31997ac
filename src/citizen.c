#include "citizen.h"

#include "diag.h"
#include "model.h"
#include "source.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const keys[] = {"kop", "thema", "trefwoorden", "termijn", NULL};

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
			diag_report(d, at->span.src, at->span.start, at->span.end, "structuur-attribuut",
			            "onbekend attribuut '%s' op Voor inwoners; gebruik kop=, thema=, "
			            "trefwoorden= of termijn=",
			            at->key);
		for (size_t j = 0; j < i; j++)
			if (strcmp(a->inw_attrs[j].key, at->key) == 0)
				diag_report(d, at->span.src, at->span.start, at->span.end,
				            "structuur-attribuut", "attribuut '%s' staat er twee keer",
				            at->key);
		if (at->value[0] == '\0')
			diag_report(d, at->span.src, at->span.start, at->span.end, "structuur-attribuut",
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
			            at->vspan.start + off + strlen(id), "id-onbekend",
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

/* The source text of A's Regels: from its heading to the next block heading. */
static const char *regels_text(const struct ordinance *o, const struct unit *a, size_t *len)
{
	struct span r = a->block_span[BLOCK_REGELS];
	if (!r.src)
		r = a->span; /* an article without block headings is all Regels */
	size_t end = r.src->len;
	for (int b = 0; b < BLOCK_COUNT; b++)
		if (a->block_span[b].src == r.src && a->block_span[b].start > r.start &&
		    a->block_span[b].start < end)
			end = a->block_span[b].start;
	for (size_t i = a->index + 1; i < o->narticles; i++)
		if (o->articles[i]->span.src == r.src && o->articles[i]->span.start > r.start &&
		    o->articles[i]->span.start < end) {
			end = o->articles[i]->span.start;
			break;
		}
	*len = end - r.end;
	return r.src->text + r.end;
}

/* termijn="6 weken": "6 weken" or "zes weken" must be in the Regels. */
static void check_termijn(const struct ordinance *o, const struct unit *a, const struct attr *at,
                          struct diag_sink *d)
{
	char *end;
	long n = strtol(at->value, &end, 10);
	const char *unit = end;
	while (*unit == ' ')
		unit++;
	if (end == at->value || n < 0 || !*unit) {
		diag_report(d, at->vspan.src, at->vspan.start, at->vspan.end, "termijn",
		            "termijn '%s' is geen getal met een eenheid, zoals termijn=\"6 weken\"",
		            at->value);
		return;
	}
	size_t len;
	const char *text = regels_text(o, a, &len);
	char *digits = xasprintf("%ld %s", n, unit);
	char *words = n <= 20 ? xasprintf("%s %s", number_words[n], unit) : NULL;
	if (!contains_words(text, len, digits) && !(words && contains_words(text, len, words)))
		diag_report(d, at->vspan.src, at->vspan.start, at->vspan.end, "termijn",
		            "de termijn '%s' staat niet in de Regels van artikel %s; neem de termijn "
		            "over uit de Regels",
		            at->value, a->num);
	free(digits);
	free(words);
}

static int has_citizen_text(const struct ordinance *o)
{
	for (size_t i = 0; i < o->narticles; i++)
		if (o->articles[i]->block[BLOCK_INWONERS])
			return 1;
	return 0;
}

static void check_contact(const struct ordinance *o, struct diag_sink *d)
{
	static const int need[] = {FM_TELEFOON, FM_ADRES, FM_WEBSITE};
	static const char *const names[] = {"telefoon", "adres", "website"};
	const char *missing[3];
	int n = 0;
	for (int i = 0; i < 3; i++)
		if (!o->fm[need[i]])
			missing[n++] = names[i];
	if (!n || !o->main || !has_citizen_text(o))
		return;
	char *list = n == 1   ? xstrdup(missing[0])
	             : n == 2 ? xasprintf("%s en %s", missing[0], missing[1])
	                      : xasprintf("%s, %s en %s", missing[0], missing[1], missing[2]);
	diag_report(d, o->main, 0, 3, "contact-ontbreekt",
	            "de publieksversie zegt niet wie inwoners kunnen bellen: de voorkant mist %s",
	            list);
	free(list);
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
		if ((at = find_attr(a, "termijn")))
			check_termijn(o, a, at, d);
	}
	check_contact(o, d);
}
