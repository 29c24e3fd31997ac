#include "parse_cut.h"

#include "util.h"

#include <string.h>

struct cut_state {
	char fence; /* '`' or '~' inside a fenced code block, else 0 */
	size_t fence_len;
	const char *html_end; /* inside an HTML block of kinds 1–5: what ends it */
	int prev_blank;       /* the previous line was blank (or there was none) */
	int group_html;       /* the current block group's first line starts with '<' */
	int group_start;      /* the next non-blank line starts a group */
	int no_cuts;          /* a possible link reference definition was seen */
};

/* Columns of leading spaces (at most 4; a tab counts as 4). */
static size_t indent_of(const char *l, size_t n)
{
	size_t i = 0;
	while (i < n && i < 4 && l[i] == ' ')
		i++;
	if (i < n && i < 4 && l[i] == '\t')
		return 4;
	return i;
}

/* The closer of an HTML block of kinds 1–5 that line L opens, or NULL. */
static const char *html_opens(const char *l, size_t n)
{
	static const char *const raw[][2] = {
		{"<script", "</script>"},
		{"<pre", "</pre>"},
		{"<style", "</style>"},
		{"<textarea", "</textarea>"},
	};
	for (size_t k = 0; k < 4; k++) {
		size_t m = strlen(raw[k][0]);
		if (n >= m && ascii_casecmp_n(l, raw[k][0], m) == 0 &&
		    (n == m || l[m] == ' ' || l[m] == '\t' || l[m] == '>'))
			return raw[k][1];
	}
	if (n >= 4 && memcmp(l, "<!--", 4) == 0)
		return "-->";
	if (n >= 2 && memcmp(l, "<?", 2) == 0)
		return "?>";
	if (n >= 9 && memcmp(l, "<![CDATA[", 9) == 0)
		return "]]>";
	if (n >= 3 && l[0] == '<' && l[1] == '!' && ((l[2] | 0x20) >= 'a' && (l[2] | 0x20) <= 'z'))
		return ">";
	return NULL;
}

/* A fence line: 3+ of ` or ~; a backtick fence's info string has no backtick. */
static size_t fence_run(const char *l, size_t n, char *ch)
{
	if (n < 3 || (l[0] != '`' && l[0] != '~'))
		return 0;
	size_t k = 0;
	while (k < n && l[k] == l[0])
		k++;
	if (k < 3)
		return 0;
	if (l[0] == '`' && memchr(l + k, '`', n - k))
		return 0;
	*ch = l[0];
	return k;
}

static int only_space(const char *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (l[i] != ' ' && l[i] != '\t' && l[i] != '\r')
			return 0;
	return 1;
}

/* Read one line (without its newline): may a cut go before it? */
static int cut_line(struct cut_state *cs, const char *line, size_t n)
{
	int blank = only_space(line, n);
	int may = !blank && cs->prev_blank && !cs->fence && !cs->html_end && !cs->group_html &&
	          n && line[0] == '#';
	size_t ind = indent_of(line, n);
	const char *l = line + ind;
	size_t ln = ind < n ? n - ind : 0;
	char ch;
	size_t k;
	if (cs->fence) {
		if (ind < 4 && (k = fence_run(l, ln, &ch)) >= cs->fence_len && ch == cs->fence &&
		    only_space(l + k, ln - k))
			cs->fence = 0;
	} else if (cs->html_end) {
		if (ascii_casestr_n(line, n, cs->html_end))
			cs->html_end = NULL;
	} else if (ind < 4 && (k = fence_run(l, ln, &ch)) > 0) {
		cs->fence = ch;
		cs->fence_len = k;
	} else if (ind < 4 && ln && l[0] == '<') {
		const char *end = html_opens(l, ln);
		if (end && !ascii_casestr_n(l + 2, ln - 2, end))
			cs->html_end = end;
	} else if (ind < 4 && ln && l[0] == '[') {
		cs->no_cuts = 1;
	}
	if (!blank && cs->group_start)
		cs->group_html = ind < 4 && ln && l[0] == '<';
	cs->group_start = blank;
	cs->prev_blank = blank;
	return may;
}

struct parse_cut *parse_cuts(const char *text, size_t len, size_t min, size_t *n)
{
	struct parse_cut *cuts = xmalloc(sizeof *cuts);
	size_t ncuts = 1, cap = 1;
	cuts[0] = (struct parse_cut){0, 1};
	struct cut_state cs = {0};
	cs.prev_blank = 1;
	cs.group_start = 1;
	int line = 1;
	/* A lone CR is a line break to cmark and not to this scanner: do not cut. */
	for (const char *cr = memchr(text, '\r', len); cr && !cs.no_cuts;
	     cr = memchr(cr + 1, '\r', len - (size_t)(cr + 1 - text)))
		cs.no_cuts = (size_t)(cr + 1 - text) == len || cr[1] != '\n';
	for (size_t i = 0; i < len && !cs.no_cuts; line++) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - text) : len;
		if (cut_line(&cs, text + i, e - i) && i - cuts[ncuts - 1].offset >= min) {
			struct parse_cut c = {i, line};
			VEC_PUSH(cuts, ncuts, cap, c);
		}
		i = e + 1;
	}
	if (cs.no_cuts)
		ncuts = 1;
	*n = ncuts;
	return cuts;
}
