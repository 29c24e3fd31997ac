/*
 * The parts of PDF/A-2a and PDF/UA-1 that cairo 1.16 cannot write and
 * typeset_pdf.c adds in its incremental update: the XMP metadata packet,
 * the page furniture (watermark, running header, footer) marked as an
 * Artifact in each content stream, and zlib for those streams.
 * docs/pdfa.md lists the clauses and how tests/pdfa-check.py checks them.
 */
#include "typeset_int.h"

#include "util.h"
#include "version.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

int ts_inflate(const char *in, size_t n, struct strbuf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit(&z) != Z_OK)
		return -1;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)n;
	unsigned char buf[16384];
	int rc;
	do {
		z.next_out = buf;
		z.avail_out = sizeof buf;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END) {
			inflateEnd(&z);
			return -1;
		}
		strbuf_add(out, buf, sizeof buf - z.avail_out);
	} while (rc != Z_STREAM_END);
	inflateEnd(&z);
	return 0;
}

int ts_deflate(const char *in, size_t n, struct strbuf *out)
{
	uLongf cap = compressBound((uLong)n);
	unsigned char *buf = xmalloc(cap);
	/* the fastest level: content streams are small, time is not */
	if (compress2(buf, &cap, (const Bytef *)in, (uLong)n, Z_BEST_SPEED) != Z_OK) {
		free(buf);
		return -1;
	}
	strbuf_add(out, buf, cap);
	free(buf);
	return 0;
}

/* ------------------------------------------------------- artifacts */

static int is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static int is_delim(char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
	       c == '}' || c == '/' || c == '%';
}

/* The end of the token at S (not whitespace), or NULL if it is malformed. */
static const char *token_end(const char *s, const char *end)
{
	if (*s == '(') { /* literal string: balanced parentheses, backslash escapes */
		int depth = 0;
		for (; s < end; s++) {
			if (*s == '\\')
				s++;
			else if (*s == '(')
				depth++;
			else if (*s == ')' && --depth == 0)
				return s + 1;
		}
		return NULL;
	}
	if (s + 1 < end && s[0] == '<' && s[1] == '<')
		return s + 2;
	if (s + 1 < end && s[0] == '>' && s[1] == '>')
		return s + 2;
	if (*s == '<') {
		const char *e = memchr(s, '>', (size_t)(end - s));
		return e ? e + 1 : NULL;
	}
	if (*s == '[' || *s == ']' || *s == '{' || *s == '}')
		return s + 1;
	if (*s == '%') {
		while (s < end && *s != '\n' && *s != '\r')
			s++;
		return s;
	}
	const char *p = s + 1;
	while (p < end && !is_ws(*p) && !is_delim(*p))
		p++;
	return p;
}

/* Is the token [S, E) an operator (not a number, name, string, …)? */
static int is_operator(const char *s, const char *e)
{
	char c = s[0];
	if (c == '/' || c == '(' || c == '<' || c == '>' || c == '[' || c == ']' || c == '%' ||
	    c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'))
		return 0;
	size_t n = (size_t)(e - s);
	return !(n == 4 && !memcmp(s, "true", 4)) && !(n == 5 && !memcmp(s, "false", 5)) &&
	       !(n == 4 && !memcmp(s, "null", 4));
}

/*
 * cairo draws a page's furniture first, outside any structure element,
 * then the tagged text (each piece in a "BDC … EMC"). Wrap everything
 * before the first BDC in "/Artifact BMC … EMC", at the same q/Q depth on
 * both ends, so that marked content and graphics state nest.
 */
int ts_pdf_artifacts(const char *s, size_t n, struct strbuf *out)
{
	const char *p = s, *end = s + n, *ops = s; /* ops: start of the current operands */
	struct mark {
		size_t pos;
		int depth;
	} *mk = NULL;
	size_t np = 0, cap = 0;
	int d = 0;
	struct mark m0 = {0, 0};
	VEC_PUSH(mk, np, cap, m0);
	const char *bdc = NULL;
	while (p < end) {
		if (is_ws(*p)) {
			p++;
			continue;
		}
		const char *e = token_end(p, end);
		if (!e) {
			free(mk);
			return -1;
		}
		if (is_operator(p, e)) {
			size_t l = (size_t)(e - p);
			if ((l == 3 && (!memcmp(p, "BDC", 3) || !memcmp(p, "BMC", 3)))) {
				bdc = ops;
				break;
			}
			if (l == 2 && !memcmp(p, "BI", 2)) {
				free(mk);
				return -1; /* inline images: not written by cairo 1.16 */
			}
			if (l == 1 && *p == 'q')
				d++;
			else if (l == 1 && *p == 'Q')
				d--;
			struct mark k = {(size_t)(e - s), d};
			VEC_PUSH(mk, np, cap, k);
			ops = e;
		}
		p = e;
	}
	if (!bdc)
		bdc = end; /* a page of furniture only */
	/* the earliest point at the BDC's depth after which the depth never drops below it */
	size_t at = np - 1;
	for (size_t i = np; i-- > 0;) {
		if (mk[i].depth < d)
			break;
		if (mk[i].depth == d)
			at = i;
	}
	size_t a = mk[at].pos, b = (size_t)(bdc - s);
	free(mk);
	strbuf_add(out, s, a);
	strbuf_puts(out, a && s[a - 1] != '\n' ? "\n/Artifact BMC\n" : "/Artifact BMC\n");
	strbuf_add(out, s + a, b - a);
	strbuf_puts(out, b && s[b - 1] != '\n' ? "\nEMC\n" : "EMC\n");
	strbuf_add(out, s + b, n - b);
	return 0;
}

/* ------------------------------------------------------------- XMP */

static void xml_text(struct strbuf *o, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '<')
			strbuf_puts(o, "&lt;");
		else if (*s == '>')
			strbuf_puts(o, "&gt;");
		else if (*s == '&')
			strbuf_puts(o, "&amp;");
		else
			strbuf_putc(o, *s);
	}
}

char *ts_pdf_xmp(const struct ts_pdf_meta *m, size_t *len)
{
	struct strbuf o;
	strbuf_init(&o);
	strbuf_puts(&o, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	                "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	                "<rdf:Description rdf:about=\"\"\n"
	                "  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	                "  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	                "  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	                "  xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
	                "  xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"\n"
	                "  xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
	                "  xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
	                "  xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
	                "<dc:format>application/pdf</dc:format>\n"
	                "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	xml_text(&o, m->title);
	strbuf_puts(&o, "</rdf:li></rdf:Alt></dc:title>\n");
	if (m->author) {
		strbuf_puts(&o, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(&o, m->author);
		strbuf_puts(&o, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (m->subject) {
		strbuf_puts(&o, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(&o, m->subject);
		strbuf_puts(&o, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	strbuf_puts(&o, "<dc:language><rdf:Bag><rdf:li>");
	xml_text(&o, m->lang);
	strbuf_puts(&o, "</rdf:li></rdf:Bag></dc:language>\n");
	if (m->keywords) {
		strbuf_puts(&o, "<pdf:Keywords>");
		xml_text(&o, m->keywords);
		strbuf_puts(&o, "</pdf:Keywords>\n");
	}
	strbuf_puts(&o, "<pdf:Producer>");
	xml_text(&o, m->producer);
	strbuf_puts(&o, "</pdf:Producer>\n<xmp:CreatorTool>ovc</xmp:CreatorTool>\n");
	strbuf_printf(&o, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n",
	              m->date, m->date);
	strbuf_puts(&o,
	            "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n"
	            "<pdfuaid:part>1</pdfuaid:part>\n"
	            "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
	            "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
	            "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
	            "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
	            "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
	            "<pdfaProperty:name>part</pdfaProperty:name>\n"
	            "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
	            "<pdfaProperty:category>internal</pdfaProperty:category>\n"
	            "<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
	            "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
	            "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
	            "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return strbuf_detach(&o, len);
}
