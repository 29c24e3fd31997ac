/*
 * The print style of an edition: stylesheets/print-<stijl>.ini, a plain
 * INI file ("[section]", "key = value", '#' comments). The set of keys is
 * closed: a missing or unknown key is an error, so the style files and the
 * typesetter cannot drift apart.
 */
#include "typeset_int.h"

#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const ts_role_names[TR_COUNT] = {
	"body", "h1", "h2", "h3", "h4", "title", "status", "note", "doel",
	"label", "small", "caption", "toc-title", "toc1", "toc2", "toc3",
	"header", "footer", "watermark",
};

struct entry {
	char *section, *key, *value;
	int line, used;
};

struct ini {
	struct entry *e;
	size_t n, cap;
	const char *name;
	char **err;
	int failed;
};

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

__attribute__((format(printf, 2, 3))) static void fail(struct ini *in, const char *fmt, ...)
{
	if (in->failed++)
		return;
	struct strbuf sb;
	va_list ap;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s: ", in->name);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	*in->err = strbuf_detach(&sb, NULL);
}

static const char *get(struct ini *in, const char *section, const char *key)
{
	for (size_t i = 0; i < in->n; i++)
		if (strcmp(in->e[i].section, section) == 0 && strcmp(in->e[i].key, key) == 0) {
			in->e[i].used = 1;
			return in->e[i].value;
		}
	fail(in, "[%s] %s ontbreekt", section, key);
	return NULL;
}

static double num(struct ini *in, const char *section, const char *key)
{
	const char *v = get(in, section, key);
	if (!v)
		return 0;
	char *end;
	double d = strtod(v, &end);
	if (end == v || *trim(end) != '\0' || d < 0 || d > 10000) {
		fail(in, "[%s] %s is geen getal tussen 0 en 10000", section, key);
		return 0;
	}
	return d;
}

static int flag(struct ini *in, const char *section, const char *key)
{
	const char *v = get(in, section, key);
	if (!v)
		return 0;
	if (strcmp(v, "ja") == 0)
		return 1;
	if (strcmp(v, "nee") != 0)
		fail(in, "[%s] %s is 'ja' of 'nee'", section, key);
	return 0;
}

static void colour(struct ini *in, const char *section, const char *key, double rgb[3])
{
	const char *v = get(in, section, key);
	unsigned r, g, b;
	char tail;
	if (!v)
		return;
	if (strlen(v) != 7 || sscanf(v, "#%2x%2x%2x%c", &r, &g, &b, &tail) != 3) {
		fail(in, "[%s] %s is een kleur als #1a2b3c", section, key);
		return;
	}
	rgb[0] = r / 255.0;
	rgb[1] = g / 255.0;
	rgb[2] = b / 255.0;
}

static void str(struct ini *in, const char *section, const char *key, char *dst, size_t cap)
{
	const char *v = get(in, section, key);
	if (!v)
		return;
	if (strlen(v) >= cap) {
		fail(in, "[%s] %s is te lang", section, key);
		return;
	}
	strcpy(dst, v);
}

int ts_style_parse(struct ts_style *st, const char *name, const char *text, size_t len, char **err)
{
	struct ini in = {NULL, 0, 0, name, err, 0};
	char *copy = xstrndup(text, len), *save = NULL, *section = xstrdup("");
	int lineno = 0;
	memset(st, 0, sizeof *st);
	for (char *ln = strtok_r(copy, "\n", &save); ln; ln = strtok_r(NULL, "\n", &save)) {
		lineno++;
		char *s = trim(ln);
		if (*s == '\0' || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			char *close = strchr(s, ']');
			if (!close) {
				fail(&in, "%s%s", "regel zonder ']': ", s);
				continue;
			}
			*close = '\0';
			free(section);
			section = xstrdup(trim(s + 1));
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			fail(&in, "%s%s", "regel zonder '=': ", s);
			continue;
		}
		*eq = '\0';
		struct entry e = {xstrdup(section), xstrdup(trim(s)), xstrdup(trim(eq + 1)), lineno, 0};
		VEC_PUSH(in.e, in.n, in.cap, e);
	}
	free(section);
	free(copy);

	st->page_w = num(&in, "pagina", "breedte");
	st->page_h = num(&in, "pagina", "hoogte");
	st->m_top = num(&in, "pagina", "marge-boven");
	st->m_bottom = num(&in, "pagina", "marge-onder");
	st->m_left = num(&in, "pagina", "marge-links");
	st->m_right = num(&in, "pagina", "marge-rechts");
	st->header_gap = num(&in, "pagina", "kop-afstand");
	st->footer_gap = num(&in, "pagina", "voet-afstand");
	st->widows = (int)num(&in, "pagina", "weduwen");
	st->orphans = (int)num(&in, "pagina", "wezen");
	st->watermark_alpha = num(&in, "pagina", "watermerk-dekking");
	colour(&in, "pagina", "lijn-kleur", st->rule_colour);
	colour(&in, "pagina", "link-kleur", st->link_colour);
	st->list_indent = num(&in, "lijst", "inspringing");
	st->figure_max_h = num(&in, "figuur", "max-hoogte");
	st->figure_width = num(&in, "figuur", "breedte");
	st->toc_number_w = num(&in, "inhoud", "nummer-breedte");
	st->toc_level_indent = num(&in, "inhoud", "inspringing");
	st->toc_depth = (int)num(&in, "inhoud", "diepte");
	if (!in.failed && (st->toc_depth < 1 || st->toc_depth > 3))
		fail(&in, "[inhoud] diepte is 1, 2 of 3");
	str(&in, "taal", "lang", st->lang, sizeof st->lang);
	str(&in, "taal", "afbreekwoordenboek", st->hyphen_dict, sizeof st->hyphen_dict);
	str(&in, "fonts", "bestanden", st->fonts, sizeof st->fonts);
	for (int r = 0; r < TR_COUNT; r++) {
		struct ts_role_style *rs = &st->role[r];
		const char *sec = ts_role_names[r];
		str(&in, sec, "font", rs->font, sizeof rs->font);
		rs->size = num(&in, sec, "grootte");
		rs->leading = num(&in, sec, "regelafstand");
		rs->before = num(&in, sec, "ruimte-voor");
		rs->after = num(&in, sec, "ruimte-na");
		rs->indent = num(&in, sec, "inspringing");
		rs->bold = flag(&in, sec, "vet");
		rs->italic = flag(&in, sec, "cursief");
		rs->justify = flag(&in, sec, "uitvullen");
		rs->hyphenate = flag(&in, sec, "afbreken");
		rs->center = flag(&in, sec, "centreren");
		colour(&in, sec, "kleur", rs->colour);
		if (!in.failed && (rs->size < 4 || rs->leading < 0.8))
			fail(&in, "[%s] %s", sec, "grootte of regelafstand te klein");
	}
	if (!in.failed && (st->page_w < 100 || st->page_h < 100 ||
	                   st->m_left + st->m_right > st->page_w - 100 ||
	                   st->m_top + st->m_bottom > st->page_h - 100))
		fail(&in, "[%s] %s", "pagina", "marges laten te weinig ruimte");
	for (size_t i = 0; i < in.n; i++) {
		if (!in.e[i].used)
			fail(&in, "onbekende sleutel [%s] %s", in.e[i].section, in.e[i].key);
		free(in.e[i].section);
		free(in.e[i].key);
		free(in.e[i].value);
	}
	free(in.e);
	return in.failed ? -1 : 0;
}
