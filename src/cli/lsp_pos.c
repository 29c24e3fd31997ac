#include "lsp_pos.h"

#include "source.h"
#include "util.h"

const char *lsp_encoding_name(enum lsp_encoding e)
{
	switch (e) {
	case LSP_UTF8: return "utf-8";
	case LSP_UTF32: return "utf-32";
	case LSP_UTF16: break;
	}
	return "utf-16";
}

/* Units of one code point CP, encoded in N UTF-8 bytes, in encoding E. */
static int units(unsigned cp, int n, enum lsp_encoding e)
{
	switch (e) {
	case LSP_UTF8: return n;
	case LSP_UTF32: return 1;
	case LSP_UTF16: break;
	}
	return cp > 0xFFFF ? 2 : 1;
}

/* Decode one code point at S (at most N bytes); invalid bytes count as one. */
static int step(const char *s, size_t n, unsigned *cp)
{
	int k = utf8_decode((const unsigned char *)s, n, cp);
	if (k == 0) {
		*cp = (unsigned char)*s;
		k = 1;
	}
	return k;
}

/* End of LINE (from 1) without its line break. */
static size_t line_end(const struct source *src, int line)
{
	size_t len;
	const char *start = source_line(src, line, &len);
	return (size_t)(start - src->text) + len;
}

void lsp_pos_from_offset(const struct source *src, size_t off, enum lsp_encoding e, int *line,
                         int *character)
{
	int col;
	if (off > src->len)
		off = src->len;
	source_position(src, off, line, &col);
	size_t i = src->lines[*line - 1];
	int ch = 0;
	while (i < off) {
		unsigned cp;
		int k = step(src->text + i, src->len - i, &cp);
		ch += units(cp, k, e);
		i += (size_t)k;
	}
	*line -= 1;
	*character = ch;
}

size_t lsp_offset_from_pos(const struct source *src, int line, int character, enum lsp_encoding e)
{
	if (line < 0)
		return 0;
	if (line >= src->nlines)
		return src->len;
	size_t i = src->lines[line], end = line_end(src, line + 1);
	int ch = 0;
	while (i < end) {
		unsigned cp;
		int k = step(src->text + i, end - i, &cp);
		int u = units(cp, k, e);
		if (ch + u > character)
			break;
		ch += u;
		i += (size_t)k;
	}
	return i;
}
