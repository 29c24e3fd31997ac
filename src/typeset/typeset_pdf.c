/*
 * Post-processing of cairo 1.16's PDF: what cairo cannot write is added
 * as an incremental update (PDF 32000-1 §7.5.6) appended to the file, so
 * cairo's bytes stay as they are:
 *   - the Catalog gets /Lang and /ViewerPreferences <</DisplayDocTitle true>>;
 *   - each Figure structure element gets /Alt with the image's alt text.
 * cairo writes a classic xref table and uncompressed dictionaries, which
 * is all this reader relies on; anything else is refused.
 */
#include "typeset_int.h"

#include "util.h"

#include <stdlib.h>
#include <string.h>

static const char *find(const char *hay, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = 0; i + l <= n; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, l) == 0)
			return hay + i;
	return NULL;
}

static const char *rfind(const char *hay, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = n >= l ? n - l + 1 : 0; i-- > 0;)
		if (memcmp(hay + i, needle, l) == 0)
			return hay + i;
	return NULL;
}

/* A PDF text string: UTF-16BE with BOM as hex, safe for any text. */
static void pdf_text(struct strbuf *o, const char *s)
{
	strbuf_puts(o, "<FEFF");
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int l = utf8_decode(p + i, n - i, &cp);
		if (l == 0) {
			cp = 0xFFFD;
			l = 1;
		}
		i += (size_t)l;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			strbuf_printf(o, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
		} else {
			strbuf_printf(o, "%04X", cp);
		}
	}
	strbuf_putc(o, '>');
}

struct obj {
	long num;
	size_t off;
};

/* The dictionary of the object at OFF: "N 0 obj\n<< … >>\nendobj". */
static int dict_at(const char *pdf, size_t len, size_t off, const char **start, const char **end)
{
	if (off >= len)
		return -1;
	const char *ob = find(pdf + off, len - off > 64 ? 64 : len - off, "obj");
	if (!ob)
		return -1;
	const char *d = ob + 3;
	while (d < pdf + len && (*d == '\n' || *d == '\r' || *d == ' '))
		d++;
	if (d + 2 > pdf + len || d[0] != '<' || d[1] != '<')
		return -1;
	const char *e = find(d, (size_t)(pdf + len - d), "endobj");
	if (!e)
		return -1;
	const char *close = rfind(d, (size_t)(e - d), ">>");
	if (!close)
		return -1;
	*start = d;
	*end = close; /* at the final ">>" */
	return 0;
}

int ts_pdf_postprocess(char **pdfp, size_t *lenp, const char *lang, char *const *alts, size_t nalt)
{
	char *pdf = *pdfp;
	size_t len = *lenp;
	const char *sx = rfind(pdf, len, "startxref");
	if (!sx)
		return -1;
	size_t xref_off = strtoul(sx + 9, NULL, 10);
	if (xref_off >= len || strncmp(pdf + xref_off, "xref", 4) != 0)
		return -1;
	const char *p = pdf + xref_off + 4;
	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	char *endp;
	long first = strtol(p, &endp, 10);
	long count = strtol(endp, &endp, 10);
	if (first != 0 || count <= 1 || count > 10000000)
		return -1;
	p = endp;
	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	if ((size_t)(p - pdf) + (size_t)count * 20 > len)
		return -1;
	size_t *offs = xcalloc((size_t)count, sizeof *offs);
	for (long i = 0; i < count; i++)
		offs[i] = p[i * 20 + 17] == 'n' ? strtoul(p + i * 20, NULL, 10) : 0;
	const char *tr = find(p, len - (size_t)(p - pdf), "trailer");
	const char *root = tr ? find(tr, len - (size_t)(tr - pdf), "/Root ") : NULL;
	const char *info = tr ? find(tr, len - (size_t)(tr - pdf), "/Info ") : NULL;
	long root_num = root ? strtol(root + 6, NULL, 10) : 0;
	long info_num = info ? strtol(info + 6, NULL, 10) : 0;
	const char *ds, *de;
	if (root_num <= 0 || root_num >= count || dict_at(pdf, len, offs[root_num], &ds, &de)) {
		free(offs);
		return -1;
	}
	struct strbuf up;
	strbuf_init(&up);
	struct obj *objs = NULL;
	size_t nobj = 0, cap = 0;

	/* the Catalog */
	struct obj o = {root_num, len + up.len};
	strbuf_printf(&up, "%ld 0 obj\n", root_num);
	strbuf_add(&up, ds, (size_t)(de - ds));
	strbuf_puts(&up, "/Lang ");
	pdf_text(&up, lang);
	strbuf_puts(&up, "\n   /ViewerPreferences << /DisplayDocTitle true >>\n>>\nendobj\n");
	VEC_PUSH(objs, nobj, cap, o);

	/* /Alt on the Figure structure elements, in document order */
	size_t fig = 0;
	for (long i = 1; i < count && fig < nalt; i++) {
		if (!offs[i] || dict_at(pdf, len, offs[i], &ds, &de))
			continue;
		size_t dl = (size_t)(de - ds);
		if (!find(ds, dl, "/Type /StructElem") || !find(ds, dl, "/S /Figure"))
			continue;
		struct obj f = {i, len + up.len};
		strbuf_printf(&up, "%ld 0 obj\n", i);
		strbuf_add(&up, ds, dl);
		strbuf_puts(&up, "/Alt ");
		pdf_text(&up, alts[fig++]);
		strbuf_puts(&up, "\n>>\nendobj\n");
		VEC_PUSH(objs, nobj, cap, f);
	}
	/* the xref of the update: one subsection per object */
	size_t xref2 = len + up.len;
	strbuf_puts(&up, "xref\n");
	for (size_t i = 0; i < nobj; i++)
		strbuf_printf(&up, "%ld 1\n%010zu 00000 n \n", objs[i].num, objs[i].off);
	strbuf_printf(&up, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n", count, root_num);
	if (info_num > 0)
		strbuf_printf(&up, "   /Info %ld 0 R\n", info_num);
	strbuf_printf(&up, "   /Prev %zu\n>>\nstartxref\n%zu\n%%%%EOF\n", xref_off, xref2);
	free(objs);
	free(offs);
	pdf = xrealloc(pdf, len + up.len + 1);
	memcpy(pdf + len, up.buf, up.len + 1);
	*pdfp = pdf;
	*lenp = len + up.len;
	strbuf_release(&up);
	return 0;
}
