#include "frontmatter.h"

#include "diag.h"
#include "model.h"
#include "source.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static const char *const keys[FM_COUNT] = {
	[FM_TITEL] = "titel",
	[FM_CITEERTITEL] = "citeertitel",
	[FM_GEMEENTE] = "gemeente",
	[FM_GEMEENTECODE] = "gemeentecode",
	[FM_STATUS] = "status",
	[FM_VERSIE] = "versie",
	[FM_VASTGESTELD] = "vastgesteld",
	[FM_INWERKINGTREDING] = "inwerkingtreding",
	[FM_VOORSTEL] = "voorstel",
	[FM_ADVIES] = "advies",
	[FM_NUMMERING] = "nummering",
	[FM_PLICHTEN] = "plichten",
	[FM_TELEFOON] = "telefoon",
	[FM_ADRES] = "adres",
	[FM_WEBSITE] = "website",
	[FM_FORMULIER] = "formulier",
	[FM_OPENINGSTIJDEN] = "openingstijden",
	[FM_CLIENTONDERSTEUNING] = "clientondersteuning",
	[FM_SPOED] = "spoed",
	[FM_OPBOUW] = "opbouw",
	[FM_VOORSTELNUMMER] = "voorstelnummer",
};

const char *frontmatter_key(int k)
{
	return k >= 0 && k < FM_COUNT ? keys[k] : NULL;
}

/* Find the closing "---" line; returns the offset after it, or 0. */
static size_t find_end(const struct source *src, size_t *yaml_end)
{
	if (src->len < 4 || strncmp(src->text, "---", 3) != 0 ||
	    (src->text[3] != '\n' && src->text[3] != '\r'))
		return 0;
	for (int l = 2; l <= src->nlines; l++) {
		size_t len;
		const char *t = source_line(src, l, &len);
		if ((len == 3 && strncmp(t, "---", 3) == 0) || (len == 3 && strncmp(t, "...", 3) == 0)) {
			*yaml_end = (size_t)(t - src->text);
			return l < src->nlines ? src->lines[l] : src->len;
		}
	}
	return 0;
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static const char *const month_names[12] = {"januari", "februari", "maart", "april", "mei", "juni",
                                            "juli", "augustus", "september", "oktober",
                                            "november", "december"};

/* Report V unless it is an existing date JJJJ-MM-DD. */
static void check_date(const char *key, const char *v, const struct source *src, struct span s,
                       struct diag_sink *d)
{
	int shape = strlen(v) == 10 && v[4] == '-' && v[7] == '-';
	for (int i = 0; shape && i < 10; i++)
		if (i != 4 && i != 7 && !(v[i] >= '0' && v[i] <= '9'))
			shape = 0;
	if (!shape) {
		diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
		            "%s '%s' is geen datum; schrijf JJJJ-MM-DD", key, v);
		return;
	}
	int y = atoi(v), m = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
	if (m < 1 || m > 12)
		diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
		            "%s '%s' is geen bestaande datum: er is geen maand %d; schrijf JJJJ-MM-DD",
		            key, v, m);
	else if (day < 1 || day > days_in_month(y, m))
		diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
		            "%s '%s' is geen bestaande datum: %s %d heeft %d dagen", key, v,
		            month_names[m - 1], y, days_in_month(y, m));
}

static void check_value(struct ordinance *o, int k, const struct source *src, struct diag_sink *d)
{
	const char *v = o->fm[k];
	struct span s = o->fm_span[k];
	switch (k) {
	case FM_STATUS:
		if (strcmp(v, "ontwerp") != 0 && strcmp(v, "vastgesteld") != 0)
			diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
			            "status '%s' bestaat niet; gebruik ontwerp of vastgesteld", v);
		break;
	case FM_GEMEENTECODE:
		if (strlen(v) != 6 || strncmp(v, "GM", 2) != 0 || strspn(v + 2, "0123456789") != 4)
			diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
			            "gemeentecode '%s' is geen CBS-code zoals GM0400", v);
		break;
	case FM_VASTGESTELD:
	case FM_INWERKINGTREDING:
	case FM_VOORSTEL:
		check_date(keys[k], v, src, s, d);
		break;
	case FM_NUMMERING:
		if (strcmp(v, "hoofdstuk") == 0)
			o->numbering = NUM_HOOFDSTUK;
		else if (strcmp(v, "paragraaf") == 0)
			o->numbering = NUM_PARAGRAAF;
		else if (strcmp(v, "doorlopend") == 0)
			o->numbering = NUM_DOORLOPEND;
		else if (strcmp(v, "vast") == 0)
			o->numbering = NUM_VAST;
		else
			diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
			            "nummering '%s' bestaat niet; gebruik hoofdstuk, paragraaf, "
			            "doorlopend of vast",
			            v);
		break;
	case FM_OPBOUW:
		if (strcmp(v, "vrij") == 0)
			o->vrij = 1;
		else if (strcmp(v, "omgekeerd") != 0)
			diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
			            "opbouw '%s' bestaat niet; gebruik omgekeerd of vrij", v);
		break;
	case FM_PLICHTEN:
		if (strcmp(v, "aan") != 0 && strcmp(v, "uit") != 0)
			diag_report(d, src, s.start, s.end, RULE_VOORBLAD,
			            "plichten '%s' bestaat niet; gebruik aan of uit", v);
		break;
	default: break;
	}
}

static size_t mark_offset(const struct source *src, size_t base, yaml_mark_t m)
{
	(void)base;
	return source_offset(src, (int)m.line + 2, (int)m.column + 1);
}

/* libyaml's English problem, as a Dutch sentence that says what to do. */
static const char *yaml_problem_dutch(const char *problem, const char *context)
{
	static const struct {
		const char *en, *nl;
	} table[] = {
		{"mapping values are not allowed", "een dubbele punt op een plek waar die niet mag; zet "
		                                   "een waarde met ': ' erin tussen aanhalingstekens"},
		{"found unexpected end of stream", NULL}, /* see below: depends on the context */
		{"did not find expected key", "hier hoort een nieuwe regel 'sleutel: waarde'; controleer "
		                              "het inspringen en de aanhalingstekens"},
		{"could not find expected ':'", "de dubbele punt na de sleutel ontbreekt; schrijf "
		                                "'sleutel: waarde'"},
		{"found character that cannot start any token",
		 "een teken waarmee een waarde niet mag beginnen (zoals @, ` of een tab); zet de waarde "
		 "tussen aanhalingstekens"},
		{"tab", "een tab waar spaties horen; spring in met spaties"},
		{"found unknown escape character", "een onbekend teken na \\ tussen dubbele "
		                                   "aanhalingstekens; gebruik enkele aanhalingstekens"},
		{"did not find expected", "de YAML-structuur is hier onvolledig; controleer het "
		                          "inspringen en de aanhalingstekens"},
		{"found undefined tag handle", "een ! aan het begin van een waarde; zet de waarde "
		                               "tussen aanhalingstekens"},
		{"found unexpected ':'", "een dubbele punt op een plek waar die niet mag; zet de waarde "
		                         "tussen aanhalingstekens"},
		{"block sequence entries are not allowed", "een opsomming (- …) op een plek waar die "
		                                           "niet mag; de voorkant heeft alleen "
		                                           "regels 'sleutel: waarde'"},
		{"control characters are not allowed", "een stuurteken in de voorkant; verwijder het"},
		{"invalid", "een ongeldig teken; sla het bestand op als UTF-8"},
	};
	if (problem && strstr(problem, "end of stream"))
		return context && strstr(context, "quoted")
		               ? "de aanhalingstekens die hier openen worden niet gesloten; zet er aan het "
		                 "eind van de waarde ook een"
		               : "de voorkant houdt midden in een waarde op";
	for (size_t i = 0; problem && i < sizeof table / sizeof *table; i++)
		if (table[i].nl && strstr(problem, table[i].en))
			return table[i].nl;
	return "de voorkant is hier geen geldige YAML; schrijf elke regel als 'sleutel: waarde' "
	       "en zet waarden met een dubbele punt tussen aanhalingstekens";
}

/*
 * The first front-matter line up to LAST whose value opens a quote that the
 * line does not close, or 0. A quoted value may span lines in YAML, so
 * libyaml notices the missing quote only lines later, at the next quote.
 */
static int unclosed_quote_line(const struct source *src, int last, size_t *col)
{
	for (int l = 2; l <= last && l <= src->nlines; l++) {
		size_t len;
		const char *t = source_line(src, l, &len);
		const char *colon = memchr(t, ':', len);
		if (!colon)
			continue;
		size_t v = (size_t)(colon - t) + 1;
		while (v < len && t[v] == ' ')
			v++;
		if (v >= len || (t[v] != '"' && t[v] != '\''))
			continue;
		size_t e = len;
		while (e > v + 1 && (t[e - 1] == ' ' || t[e - 1] == '\r'))
			e--;
		if (e == v + 1 || t[e - 1] != t[v] || (t[v] == '"' && t[e - 2] == '\\')) {
			*col = v + 1;
			return l;
		}
	}
	return 0;
}

/* The place a writer must look: where the unclosed quote or block began. */
static void report_yaml_error(const yaml_parser_t *yp, const struct source *src,
                              struct diag_sink *d)
{
	size_t col;
	int ql = unclosed_quote_line(src, (int)yp->problem_mark.line + 2, &col);
	if (ql) {
		size_t off = source_offset(src, ql, (int)col);
		diag_report(d, src, off, off + 1, RULE_VOORBLAD,
		            "YAML klopt niet: de aanhalingstekens die hier openen worden op deze regel "
		            "niet gesloten; zet er aan het eind van de waarde ook een");
		return;
	}
	int at_context = yp->context && (strstr(yp->context, "quoted") || !yp->problem ||
	                                 strstr(yp->problem, "end of stream"));
	size_t off = mark_offset(src, 0, at_context ? yp->context_mark : yp->problem_mark);
	diag_report(d, src, off, off, RULE_VOORBLAD, "YAML klopt niet: %s",
	            yaml_problem_dutch(yp->problem, yp->context));
}

/* Returns 0 when the YAML itself is broken (reported), else 1. */
static int read_mapping(struct ordinance *o, yaml_parser_t *yp, const struct source *src,
                        struct diag_sink *d)
{
	int ok = 1;
	yaml_event_t ev;
	char *key = NULL;
	size_t key_start = 0, key_end = 0;
	int depth = 0;
	for (;;) {
		if (!yaml_parser_parse(yp, &ev)) {
			report_yaml_error(yp, src, d);
			ok = 0;
			break;
		}
		yaml_event_type_t t = ev.type;
		if (t == YAML_STREAM_END_EVENT || t == YAML_DOCUMENT_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (t == YAML_MAPPING_START_EVENT || t == YAML_SEQUENCE_START_EVENT)
			depth++;
		else if (t == YAML_MAPPING_END_EVENT || t == YAML_SEQUENCE_END_EVENT)
			depth--;
		if (t == YAML_SCALAR_EVENT && depth == 1) {
			const char *val = (const char *)ev.data.scalar.value;
			size_t a = mark_offset(src, 0, ev.start_mark), b = mark_offset(src, 0, ev.end_mark);
			if (!key) {
				key = xstrdup(val);
				key_start = a, key_end = b;
			} else {
				int k;
				for (k = 0; k < FM_COUNT; k++)
					if (strcmp(keys[k], key) == 0)
						break;
				if (k == FM_COUNT) {
					diag_report(d, src, key_start, key_end, RULE_VOORBLAD_ONBEKEND,
					            "onbekende sleutel '%s' in de voorkant", key);
				} else if (o->fm[k]) {
					int line, col;
					source_position(src, o->fm_span[k].start, &line, &col);
					diag_report(d, src, key_start, key_end, RULE_VOORBLAD,
					            "de sleutel '%s' staat twee keer in de voorkant (ook op regel "
					            "%d); laat er één staan",
					            key, line);
				} else {
					o->fm[k] = xstrdup(val);
					o->fm_span[k] = (struct span){src, a, b};
					check_value(o, k, src, d);
				}
				free(key);
				key = NULL;
			}
		} else if (depth == 2 && key && (t == YAML_MAPPING_START_EVENT ||
		                                 t == YAML_SEQUENCE_START_EVENT)) {
			diag_report(d, src, key_start, key_end, RULE_VOORBLAD,
			            "de waarde van '%s' hoort één regel tekst te zijn", key);
			free(key);
			key = NULL;
		}
		yaml_event_delete(&ev);
	}
	free(key);
	return ok;
}

size_t frontmatter_parse(struct ordinance *o, const struct source *src, struct diag_sink *d)
{
	size_t yaml_end = 0;
	size_t end = find_end(src, &yaml_end);
	if (!end) {
		diag_report(d, src, 0, 0, RULE_VOORBLAD,
		            "verordening.md begint niet met een YAML-voorkant tussen twee regels ---");
		return 0;
	}
	size_t body = src->lines[1];
	yaml_parser_t yp;
	yaml_parser_initialize(&yp);
	yaml_parser_set_input_string(&yp, (const unsigned char *)src->text + body, yaml_end - body);
	int ok = read_mapping(o, &yp, src, d);
	yaml_parser_delete(&yp);
	if (!ok) { /* the keys after the error were not read: no false "mist" */
		if (!o->fm[FM_PLICHTEN]) /* nor a completeness check it may have switched off */
			o->fm[FM_PLICHTEN] = xstrdup("uit");
		return end;
	}
	static const int required[] = {FM_TITEL, FM_GEMEENTE, FM_GEMEENTECODE, FM_STATUS};
	for (size_t i = 0; i < sizeof required / sizeof *required; i++)
		if (!o->fm[required[i]])
			diag_report(d, src, 0, 3, RULE_VOORBLAD, "de voorkant mist '%s'", keys[required[i]]);
	/* An existing regulation (opbouw: vrij, often imported) may come
	 * without its date; the editions then leave the date out. */
	int vrij = o->fm[FM_OPBOUW] && strcmp(o->fm[FM_OPBOUW], "vrij") == 0;
	if (o->fm[FM_STATUS] && strcmp(o->fm[FM_STATUS], "vastgesteld") == 0 && !o->fm[FM_VASTGESTELD] && !vrij)
		diag_report(d, src, o->fm_span[FM_STATUS].start, o->fm_span[FM_STATUS].end, RULE_VOORBLAD,
		            "status is vastgesteld, maar de datum van vaststelling ontbreekt; schrijf "
		            "bijvoorbeeld 'vastgesteld: 2026-12-17' in de voorkant");
	return end;
}
