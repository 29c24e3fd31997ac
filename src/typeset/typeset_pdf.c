/*
 * Post-processing of cairo 1.16's PDF: what cairo cannot write is added
 * as an incremental update (PDF 32000-1 §7.5.6) appended to the file, so
 * cairo's bytes stay as they are:
 *   - the Catalog gets /Lang, /ViewerPreferences <</DisplayDocTitle true>>,
 *     /Metadata (XMP: PDF/A-2a, PDF/UA-1) and an sRGB /OutputIntents;
 *   - a new Info dictionary that says what the XMP says (PDF/A-2 §6.6.3);
 *   - each page /Tabs /S, and a new content stream with the furniture as
 *     an Artifact (typeset_pdfa.c);
 *   - each Link annotation /Contents (its text) and /F 4 (printed);
 *   - each Figure structure element gets /Alt with the image's alt text.
 * cairo writes a classic xref table and uncompressed dictionaries, which
 * is all this reader relies on; anything else is refused.
 */
#include "typeset_int.h"

#include "output.h"
#include "util.h"

#include <errno.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
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

/* The reader's view of cairo's file. */
struct pdf {
	const char *buf;
	size_t len;
	size_t *offs; /* object number → offset, 0 if free */
	long count;
};

/* The dictionary of object NUM, or -1. */
static int obj_dict(const struct pdf *f, long num, const char **ds, const char **de)
{
	if (num <= 0 || num >= f->count || !f->offs[num])
		return -1;
	return dict_at(f->buf, f->len, f->offs[num], ds, de);
}

/* The number in "KEY N 0 R" inside [DS, DE), or 0. */
static long ref_of(const char *ds, const char *de, const char *key)
{
	const char *k = find(ds, (size_t)(de - ds), key);
	return k ? strtol(k + strlen(key), NULL, 10) : 0;
}

/* Does the dictionary have "/Type /Page" (not /Pages)? */
static int is_page(const char *ds, const char *de)
{
	const char *k = find(ds, (size_t)(de - ds), "/Type /Page");
	return k && k[11] != 's';
}

/* The numbers of the "N 0 R" in the array after KEY, up to NMAX. */
static size_t refs_in(const char *ds, const char *de, const char *key, long *out, size_t nmax)
{
	const char *k = find(ds, (size_t)(de - ds), key);
	if (!k)
		return 0;
	const char *p = k + strlen(key);
	while (p < de && *p != '[')
		p++;
	size_t n = 0;
	while (p < de && *p != ']') {
		p++;
		char *e;
		long v = strtol(p, &e, 10);
		if (e == p)
			continue;
		if (strncmp(e, " 0 R", 4) == 0 && n < nmax)
			out[n++] = v;
		p = e + 4 > de ? de : e + 4;
	}
	return n;
}

struct update {
	struct strbuf up;
	size_t base; /* length of cairo's file: offsets of the update start here */
	struct obj *objs;
	size_t nobj, cap;
};

static void obj_begin(struct update *u, long num)
{
	struct obj o = {num, u->base + u->up.len};
	VEC_PUSH(u->objs, u->nobj, u->cap, o);
	strbuf_printf(&u->up, "%ld 0 obj\n", num);
}

/* A new version of dictionary object NUM with EXTRA added. */
static void obj_extend(struct update *u, long num, const char *ds, const char *de, const char *extra)
{
	obj_begin(u, num);
	strbuf_add(&u->up, ds, (size_t)(de - ds));
	strbuf_puts(&u->up, extra);
	strbuf_puts(&u->up, "\n>>\nendobj\n");
}

static void obj_stream(struct update *u, long num, const char *dict, const char *data, size_t n)
{
	obj_begin(u, num);
	strbuf_printf(&u->up, "<< %s /Length %zu >>\nstream\n", dict, n);
	strbuf_add(&u->up, data, n);
	strbuf_puts(&u->up, "\nendstream\nendobj\n");
}

/* The decoded content stream of object NUM, or -1. Its dictionary ends
 * at the first "stream" (dict_at() would look for the last ">>", which
 * may be in the compressed data). */
static int stream_data(const struct pdf *f, long num, struct strbuf *out)
{
	if (num <= 0 || num >= f->count || !f->offs[num] || f->offs[num] >= f->len)
		return -1;
	const char *ds = f->buf + f->offs[num], *end = f->buf + f->len;
	const char *st = find(ds, (size_t)(end - ds), "stream");
	if (!st)
		return -1;
	const char *de = st;
	st += 6;
	if (*st == '\r')
		st++;
	if (*st != '\n')
		return -1;
	st++;
	const char *lk = find(ds, (size_t)(de - ds), "/Length ");
	if (!lk)
		return -1;
	char *after;
	size_t n = strtoul(lk + 8, &after, 10);
	if (!strncmp(after, " 0 R", 4)) { /* indirect: "N 0 obj\n LEN\nendobj" */
		long lref = (long)n;
		if (lref <= 0 || lref >= f->count || !f->offs[lref] || f->offs[lref] + 64 > f->len)
			return -1;
		const char *ls = find(f->buf + f->offs[lref], 64, "obj");
		if (!ls)
			return -1;
		n = strtoul(ls + 3, NULL, 10);
	}
	if (n > (size_t)(end - st))
		return -1;
	if (!find(ds, (size_t)(de - ds), "/FlateDecode")) {
		strbuf_add(out, st, n);
		return 0;
	}
	return ts_inflate(st, n, out);
}

/* The text of the link drawn at the annotation's first quad point; the
 * links are in page order, *FROM is where PAGE's begin (moved on). */
static const char *link_text(const struct ts_pdf_meta *m, int page, size_t *from, const char *ds,
                             const char *de)
{
	while (*from < m->nlinks && m->links[*from].page < page)
		(*from)++;
	const char *q = find(ds, (size_t)(de - ds), "/QuadPoints [");
	if (!q)
		return NULL;
	double x, y;
	if (sscanf(q + 13, "%lf %lf", &x, &y) != 2)
		return NULL;
	for (size_t i = *from; i < m->nlinks && m->links[i].page == page; i++) {
		const struct ts_link *l = &m->links[i];
		if (fabs(l->x - x) < 0.05 && fabs(m->page_h - l->y - y) < 0.05)
			return l->text;
	}
	return NULL;
}

/* A PDF date from "2026-10-13T00:00:00Z": D:20261013000000Z. */
static void pdf_date_string(struct strbuf *o, const char *iso)
{
	strbuf_puts(o, "(D:");
	for (const char *p = iso; *p; p++)
		if ((*p >= '0' && *p <= '9') || *p == 'Z')
			strbuf_putc(o, *p);
	strbuf_putc(o, ')');
}

/* Each page: /Tabs /S, and its content stream with the furniture as an
 * Artifact; each Link annotation on it: /Contents and /F 4. */
static int pages_update(const struct pdf *f, struct update *u, const struct ts_pdf_meta *m,
                        long pages_num)
{
	const char *ds, *de;
	if (obj_dict(f, pages_num, &ds, &de))
		return -1;
	size_t cap = (size_t)f->count;
	long *kids = xcalloc(cap, sizeof *kids), *annots = xcalloc(cap, sizeof *annots);
	size_t nk = refs_in(ds, de, "/Kids", kids, cap);
	int rc = nk ? 0 : -1;
	size_t from = 0;
	for (size_t pg = 0; pg < nk && rc == 0; pg++) {
		if (obj_dict(f, kids[pg], &ds, &de) || !is_page(ds, de)) {
			rc = -1;
			break;
		}
		obj_extend(u, kids[pg], ds, de, "   /Tabs /S");
		long c = ref_of(ds, de, "/Contents ");
		size_t na = refs_in(ds, de, "/Annots", annots, cap);
		struct strbuf raw, wrapped, z;
		strbuf_init(&raw);
		strbuf_init(&wrapped);
		strbuf_init(&z);
		if (c <= 0 || stream_data(f, c, &raw) || ts_pdf_artifacts(raw.buf, raw.len, &wrapped) ||
		    ts_deflate(wrapped.buf, wrapped.len, &z))
			rc = -1;
		else
			obj_stream(u, c, "/Filter /FlateDecode", z.buf, z.len);
		strbuf_release(&raw);
		strbuf_release(&wrapped);
		strbuf_release(&z);
		for (size_t a = 0; a < na && rc == 0; a++) {
			const char *as, *ae;
			if (obj_dict(f, annots[a], &as, &ae) || !find(as, (size_t)(ae - as), "/Subtype /Link"))
				continue;
			const char *text = link_text(m, (int)pg, &from, as, ae);
			struct strbuf x;
			strbuf_init(&x);
			strbuf_puts(&x, "   /F 4\n   /Contents ");
			pdf_text(&x, text && *text ? text : "Link");
			obj_extend(u, annots[a], as, ae, x.buf);
			strbuf_release(&x);
		}
	}
	free(kids);
	free(annots);
	return rc;
}

/* Info, XMP, ICC profile and OutputIntent as new objects from NEXT on;
 * the Catalog's additions in CAT. Returns the next free number, or -1. */
static long metadata_update(struct update *u, const struct ts_pdf_meta *m, long info_num, long next,
                            struct strbuf *cat, char **err)
{
	size_t icc_len;
	char *why = NULL;
	char *icc = output_read_file(m->icc_path, &icc_len, &why);
	if (!icc) {
		*err = xasprintf("het ICC-profiel ontbreekt (Debian-pakket icc-profiles-free): %s", why);
		free(why);
		return -1;
	}
	long info = info_num > 0 ? info_num : next++;
	obj_begin(u, info);
	strbuf_puts(&u->up, "<< /Title ");
	pdf_text(&u->up, m->title);
	if (m->author) {
		strbuf_puts(&u->up, "\n   /Author ");
		pdf_text(&u->up, m->author);
	}
	if (m->subject) {
		strbuf_puts(&u->up, "\n   /Subject ");
		pdf_text(&u->up, m->subject);
	}
	if (m->keywords) {
		strbuf_puts(&u->up, "\n   /Keywords ");
		pdf_text(&u->up, m->keywords);
	}
	strbuf_puts(&u->up, "\n   /Creator (ovc)\n   /Producer ");
	pdf_text(&u->up, m->producer);
	strbuf_puts(&u->up, "\n   /CreationDate ");
	pdf_date_string(&u->up, m->date);
	strbuf_puts(&u->up, "\n   /ModDate ");
	pdf_date_string(&u->up, m->date);
	strbuf_puts(&u->up, "\n>>\nendobj\n");
	size_t xl;
	char *xmp = ts_pdf_xmp(m, &xl);
	long xmp_num = next++, icc_num = next++, oi_num = next++;
	obj_stream(u, xmp_num, "/Type /Metadata /Subtype /XML", xmp, xl);
	free(xmp);
	obj_stream(u, icc_num, "/N 3", icc, icc_len);
	free(icc);
	obj_begin(u, oi_num);
	strbuf_printf(&u->up, "<< /Type /OutputIntent /S /GTS_PDFA1\n"
	                      "   /OutputConditionIdentifier (sRGB IEC61966-2.1)\n"
	                      "   /RegistryName (http://www.color.org)\n"
	                      "   /Info (sRGB IEC61966-2.1)\n"
	                      "   /DestOutputProfile %ld 0 R\n>>\nendobj\n",
	              icc_num);
	strbuf_printf(cat, "\n   /Metadata %ld 0 R\n   /OutputIntents [ %ld 0 R ]", xmp_num, oi_num);
	return next;
}

int ts_pdf_postprocess(char **pdfp, size_t *lenp, const struct ts_pdf_meta *m, char **err)
{
	char *pdf = *pdfp;
	size_t len = *lenp;
	*err = NULL;
	const char *sx = rfind(pdf, len, "startxref");
	if (!sx)
		goto bad;
	size_t xref_off = strtoul(sx + 9, NULL, 10);
	if (xref_off >= len || strncmp(pdf + xref_off, "xref", 4) != 0)
		goto bad;
	const char *p = pdf + xref_off + 4;
	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	char *endp;
	long first = strtol(p, &endp, 10);
	long count = strtol(endp, &endp, 10);
	if (first != 0 || count <= 1 || count > 10000000)
		goto bad;
	p = endp;
	while (*p == '\n' || *p == '\r' || *p == ' ')
		p++;
	if ((size_t)(p - pdf) + (size_t)count * 20 > len)
		goto bad;
	struct pdf f = {pdf, len, xcalloc((size_t)count, sizeof(size_t)), count};
	for (long i = 0; i < count; i++)
		f.offs[i] = p[i * 20 + 17] == 'n' ? strtoul(p + i * 20, NULL, 10) : 0;
	const char *tr = find(p, len - (size_t)(p - pdf), "trailer");
	const char *root = tr ? find(tr, len - (size_t)(tr - pdf), "/Root ") : NULL;
	const char *info = tr ? find(tr, len - (size_t)(tr - pdf), "/Info ") : NULL;
	long root_num = root ? strtol(root + 6, NULL, 10) : 0;
	long info_num = info ? strtol(info + 6, NULL, 10) : 0;
	const char *ds, *de;
	if (obj_dict(&f, root_num, &ds, &de)) {
		free(f.offs);
		goto bad;
	}
	struct update u = {{0}, len, NULL, 0, 0};
	strbuf_init(&u.up);
	struct strbuf cat;
	strbuf_init(&cat);
	strbuf_puts(&cat, "/Lang ");
	pdf_text(&cat, m->lang);
	strbuf_puts(&cat, "\n   /ViewerPreferences << /DisplayDocTitle true >>");
	long next = metadata_update(&u, m, info_num, count, &cat, err);
	int rc = next < 0 ? -1 : pages_update(&f, &u, m, ref_of(ds, de, "/Pages "));
	if (rc == 0)
		obj_extend(&u, root_num, ds, de, cat.buf);
	strbuf_release(&cat);

	/* /Alt on the Figure structure elements, in document order */
	size_t fig = 0;
	for (long i = 1; rc == 0 && i < count && fig < m->nalt; i++) {
		if (obj_dict(&f, i, &ds, &de))
			continue;
		size_t dl = (size_t)(de - ds);
		if (!find(ds, dl, "/Type /StructElem") || !find(ds, dl, "/S /Figure"))
			continue;
		struct strbuf x;
		strbuf_init(&x);
		strbuf_puts(&x, "/Alt ");
		pdf_text(&x, m->alts[fig++]);
		obj_extend(&u, i, ds, de, x.buf);
		strbuf_release(&x);
	}
	free(f.offs);
	if (rc != 0) {
		free(u.objs);
		strbuf_release(&u.up);
		if (*err)
			return -1;
		goto bad;
	}
	/* the xref of the update: one subsection per object */
	size_t xref2 = len + u.up.len;
	strbuf_puts(&u.up, "xref\n");
	for (size_t i = 0; i < u.nobj; i++)
		strbuf_printf(&u.up, "%ld 1\n%010zu 00000 n \n", u.objs[i].num, u.objs[i].off);
	strbuf_printf(&u.up, "trailer\n<< /Size %ld\n   /Root %ld 0 R\n   /Info %ld 0 R\n   ", next, root_num,
	              info_num > 0 ? info_num : count);
	/* cairo 1.16 writes no /ID (PDF/A-2 §6.1.3 wants one): the MD5 of
	 * cairo's bytes, so the same input gives the same file */
	gchar *md5 = g_compute_checksum_for_data(G_CHECKSUM_MD5, (const guchar *)pdf, len);
	strbuf_printf(&u.up, "/ID [<%s><%s>]", md5, md5);
	g_free(md5);
	strbuf_printf(&u.up, "\n   /Prev %zu\n>>\nstartxref\n%zu\n%%%%EOF\n", xref_off, xref2);
	free(u.objs);
	pdf = xrealloc(pdf, len + u.up.len + 1);
	memcpy(pdf + len, u.up.buf, u.up.len + 1);
	*pdfp = pdf;
	*lenp = len + u.up.len;
	strbuf_release(&u.up);
	return 0;
bad:
	*err = xasprintf("de PDF van cairo heeft een onverwachte vorm");
	return -1;
}
