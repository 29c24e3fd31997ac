#include "frontmatter.h"

#include "diag.h"
#include "model.h"
#include "source.h"
#include "util.h"

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

static int is_date(const char *v)
{
	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(v[i] >= '0' && v[i] <= '9'))
			return 0;
	int m = (v[5] - '0') * 10 + (v[6] - '0'), d = (v[8] - '0') * 10 + (v[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static void check_value(struct ordinance *o, int k, const struct source *src, struct diag_sink *d)
{
	const char *v = o->fm[k];
	struct span s = o->fm_span[k];
	switch (k) {
	case FM_STATUS:
		if (strcmp(v, "ontwerp") != 0 && strcmp(v, "vastgesteld") != 0)
			diag_report(d, src, s.start, s.end, "voorblad",
			            "status '%s' bestaat niet; gebruik ontwerp of vastgesteld", v);
		break;
	case FM_GEMEENTECODE:
		if (strlen(v) != 6 || strncmp(v, "GM", 2) != 0 || strspn(v + 2, "0123456789") != 4)
			diag_report(d, src, s.start, s.end, "voorblad",
			            "gemeentecode '%s' is geen CBS-code zoals GM0400", v);
		break;
	case FM_VASTGESTELD:
	case FM_INWERKINGTREDING:
	case FM_VOORSTEL:
		if (!is_date(v))
			diag_report(d, src, s.start, s.end, "voorblad",
			            "%s '%s' is geen datum; schrijf JJJJ-MM-DD", keys[k], v);
		break;
	case FM_NUMMERING:
		if (strcmp(v, "hoofdstuk") == 0)
			o->numbering = NUM_HOOFDSTUK;
		else if (strcmp(v, "paragraaf") == 0)
			o->numbering = NUM_PARAGRAAF;
		else if (strcmp(v, "doorlopend") == 0)
			o->numbering = NUM_DOORLOPEND;
		else
			diag_report(d, src, s.start, s.end, "voorblad",
			            "nummering '%s' bestaat niet; gebruik hoofdstuk, paragraaf of "
			            "doorlopend",
			            v);
		break;
	case FM_PLICHTEN:
		if (strcmp(v, "aan") != 0 && strcmp(v, "uit") != 0)
			diag_report(d, src, s.start, s.end, "voorblad",
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

static void read_mapping(struct ordinance *o, yaml_parser_t *yp, const struct source *src,
                         struct diag_sink *d)
{
	yaml_event_t ev;
	char *key = NULL;
	size_t key_start = 0, key_end = 0;
	int depth = 0;
	for (;;) {
		if (!yaml_parser_parse(yp, &ev)) {
			size_t off = mark_offset(src, 0, yp->problem_mark);
			diag_report(d, src, off, off, "voorblad", "YAML klopt niet: %s",
			            yp->problem ? yp->problem : "onbekende fout");
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
					diag_report(d, src, key_start, key_end, "voorblad-onbekend",
					            "onbekende sleutel '%s' in de voorkant", key);
				} else {
					free(o->fm[k]);
					o->fm[k] = xstrdup(val);
					o->fm_span[k] = (struct span){src, a, b};
					check_value(o, k, src, d);
				}
				free(key);
				key = NULL;
			}
		} else if (depth == 2 && key && (t == YAML_MAPPING_START_EVENT ||
		                                 t == YAML_SEQUENCE_START_EVENT)) {
			diag_report(d, src, key_start, key_end, "voorblad",
			            "de waarde van '%s' hoort één regel tekst te zijn", key);
			free(key);
			key = NULL;
		}
		yaml_event_delete(&ev);
	}
	free(key);
}

size_t frontmatter_parse(struct ordinance *o, const struct source *src, struct diag_sink *d)
{
	size_t yaml_end = 0;
	size_t end = find_end(src, &yaml_end);
	if (!end) {
		diag_report(d, src, 0, 0, "voorblad",
		            "verordening.md begint niet met een YAML-voorkant tussen twee regels ---");
		return 0;
	}
	size_t body = src->lines[1];
	yaml_parser_t yp;
	yaml_parser_initialize(&yp);
	yaml_parser_set_input_string(&yp, (const unsigned char *)src->text + body, yaml_end - body);
	read_mapping(o, &yp, src, d);
	yaml_parser_delete(&yp);
	static const int required[] = {FM_TITEL, FM_GEMEENTE, FM_GEMEENTECODE, FM_STATUS};
	for (size_t i = 0; i < sizeof required / sizeof *required; i++)
		if (!o->fm[required[i]])
			diag_report(d, src, 0, 3, "voorblad", "de voorkant mist '%s'", keys[required[i]]);
	return end;
}
