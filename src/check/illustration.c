/* realpath is X/Open, not plain POSIX.1-2008 base. */
#define _XOPEN_SOURCE 700
#include "illustration.h"

#include "diag.h"
#include "errtext.h"
#include "model.h"
#include "source.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>
#include <libxml/globals.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- PNG ------------------------------------------------------------------ */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t crc32_png(const unsigned char *p, size_t n)
{
	static uint32_t table[256];
	if (!table[1])
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	uint32_t c = 0xFFFFFFFFu;
	for (size_t i = 0; i < n; i++)
		c = table[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

/* Bit depths the PNG specification allows per colour type. */
static int valid_depth(int type, int depth)
{
	switch (type) {
	case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
	case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
	case 2:
	case 4:
	case 6: return depth == 8 || depth == 16;
	default: return 0;
	}
}

static const char *png_ihdr_problem(const unsigned char *d, uint32_t len)
{
	if (len != 13)
		return "de kop (IHDR) heeft niet de juiste lengte";
	uint32_t w = be32(d), h = be32(d + 4);
	if (w == 0 || h == 0)
		return "de afbeelding heeft breedte of hoogte 0";
	if (w > ILLUSTRATION_MAX_PIXELS || h > ILLUSTRATION_MAX_PIXELS)
		return "de afbeelding is groter dan 16384 pixels in breedte of hoogte; maak haar kleiner";
	if (!valid_depth(d[9], d[8]))
		return "de kop (IHDR) noemt een kleurtype of bitdiepte die niet bestaat";
	if (d[10] != 0 || d[11] != 0 || d[12] > 1)
		return "de kop (IHDR) noemt een onbekende compressie, filter of interlacing";
	return NULL;
}

const char *illustration_png_problem(const unsigned char *buf, size_t len)
{
	if (len >= 3 && buf[0] == 0xFF && buf[1] == 0xD8 && buf[2] == 0xFF)
		return "is een JPEG-bestand met de extensie .png; sla het op als PNG (bijvoorbeeld met "
		       "een tekenprogramma of 'convert x.jpg x.png')";
	if (len < 8 || memcmp(buf, "\x89PNG\r\n\x1a\n", 8) != 0)
		return "is geen PNG-bestand (de PNG-handtekening ontbreekt)";
	size_t i = 8;
	int seen_ihdr = 0, seen_idat = 0, palette = 0, type = -1;
	while (i + 12 <= len) {
		uint32_t n = be32(buf + i);
		const unsigned char *name = buf + i + 4, *data = buf + i + 8;
		if (n > len - i - 12)
			return "een chunk loopt voorbij het einde van het bestand (het bestand is afgebroken)";
		if (be32(data + n) != crc32_png(name, (size_t)n + 4))
			return "de controlesom (CRC) van een chunk klopt niet: het bestand is beschadigd";
		if (!seen_ihdr && memcmp(name, "IHDR", 4) != 0)
			return "het bestand begint niet met de kop (IHDR)";
		if (memcmp(name, "IHDR", 4) == 0) {
			const char *p = seen_ihdr ? "de kop (IHDR) staat er twee keer in" : png_ihdr_problem(data, n);
			if (p)
				return p;
			seen_ihdr = 1;
			type = data[9];
		} else if (memcmp(name, "PLTE", 4) == 0) {
			palette = 1;
		} else if (memcmp(name, "IDAT", 4) == 0) {
			seen_idat = 1;
		} else if (memcmp(name, "IEND", 4) == 0) {
			if (!seen_idat)
				return "het bestand bevat geen beeldgegevens (IDAT)";
			if (type == 3 && !palette)
				return "een afbeelding met palet zonder palet (PLTE)";
			return NULL;
		} else if (!(name[0] & 0x20)) {
			return "het bestand bevat een kritieke chunk die PNG niet kent";
		}
		i += (size_t)n + 12;
	}
	return "het einde (IEND) ontbreekt: het bestand is afgebroken";
}

/* ---- Reading the file -------------------------------------------------- */

/* Read DIR/URL into *BUF; NULL, or a malloc'ed Dutch reason. */
static char *read_image(const char *dir, const char *url, char **buf, size_t *len)
{
	char *path = xasprintf("%s/%s", dir, url), *why = NULL;
	struct stat st;
	int fd = -1;
	*buf = NULL;
	if (lstat(path, &st) != 0) {
		why = xasprintf("bestaat niet in de map van de verordening (%s)", path);
	} else if (!source_inside_dir(dir, path)) {
		why = xstrdup("is een symbolische koppeling naar een bestand buiten de map van de "
		              "verordening; kopieer het bestand in de map");
	} else if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0) {
		why = xasprintf("kan niet worden geopend: %s", errtext(errno));
	} else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		why = xstrdup("is geen gewoon bestand");
	} else if ((size_t)st.st_size > ILLUSTRATION_MAX_BYTES) {
		why = xasprintf("is groter dan %zu MiB; maak het bestand kleiner",
		                ILLUSTRATION_MAX_BYTES >> 20);
	} else {
		*len = (size_t)st.st_size;
		*buf = xmalloc(*len + 1);
		size_t got = 0;
		while (got < *len) {
			ssize_t n = read(fd, *buf + got, *len - got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		if (got != *len) {
			why = xasprintf("kan niet worden gelezen: %s", errtext(errno ? errno : EIO));
			free(*buf);
			*buf = NULL;
		} else {
			(*buf)[*len] = '\0';
		}
	}
	if (fd >= 0)
		close(fd);
	free(path);
	return why;
}

/* ---- SVG ------------------------------------------------------------------ */

struct svg_check {
	struct ordinance *o;
	const char *url;
	const struct span *at; /* the ![…](…) that uses the file */
	struct diag_sink *d;
	const char *text;
	size_t len;
	struct source *src; /* made on the first problem, owned by o */
	int elements;
	int problems;
};

static struct source *svg_source(struct svg_check *c)
{
	if (!c->src) {
		c->src = xcalloc(1, sizeof *c->src);
		char *path = xasprintf("%s/%s", c->o->dir, c->url);
		source_init_text(c->src, path, c->text, c->len);
		free(path);
		struct ordinance *o = c->o;
		size_t cap = o->nillustrations;
		VEC_PUSH(o->illustrations, o->nillustrations, cap, c->src);
	}
	return c->src;
}

/* Where the image is used, for the message: "3-wmo.md:12". */
static char *used_at(const struct svg_check *c)
{
	int line, col;
	source_position(c->at->src, c->at->start, &line, &col);
	return xasprintf("%s:%d", c->at->src->name, line);
}

/* "de SVG bevat WHAT; ADVICE (gebruikt in 3-wmo.md:12)"; WHAT may hold one %s of ARG. */
static void svg_report(struct svg_check *c, size_t off, size_t n, const char *what,
                       const char *arg, const char *advice)
{
	struct source *src = svg_source(c);
	char *where = used_at(c);
	const char *hole = strstr(what, "%s");
	char *w = hole ? xasprintf("%.*s%s%s", (int)(hole - what), what, arg ? arg : "", hole + 2)
	               : xstrdup(what);
	diag_report(c->d, src, off, off + n, RULE_ILLUSTRATIE_ONVEILIG,
	            "de SVG bevat %s; %s (gebruikt in %s)", w, advice, where);
	free(w);
	free(where);
	c->problems++;
}

#define NOT_PUBLISHED "ovc publiceert deze illustratie niet"
#define REMOVE_IT "verwijder dit, dan publiceert ovc de illustratie"

/* Byte offset of NEEDLE at or after line LINE (from 1), or the line's start. */
static size_t find_from_line(struct svg_check *c, int line, const char *needle, size_t *from)
{
	struct source *src = svg_source(c);
	size_t start = source_offset(src, line, 1);
	if (from && *from > start)
		start = *from;
	const char *p = needle ? strstr(src->text + start, needle) : NULL;
	size_t off = p ? (size_t)(p - src->text) : source_offset(src, line, 1);
	if (from)
		*from = off;
	return off;
}

/* Offset of element N's start tag in the text. */
static size_t node_offset(struct svg_check *c, xmlNodePtr n)
{
	char *tag = n->ns && n->ns->prefix ? xasprintf("<%s:%s", n->ns->prefix, n->name)
	                                   : xasprintf("<%s", n->name);
	size_t off = find_from_line(c, (int)xmlGetLineNo(n), tag, NULL);
	free(tag);
	return off;
}

static size_t attr_offset(struct svg_check *c, xmlNodePtr n, xmlAttrPtr a)
{
	size_t from = node_offset(c, n);
	char *name = a->ns && a->ns->prefix ? xasprintf("%s:%s", a->ns->prefix, a->name)
	                                    : xstrdup((const char *)a->name);
	size_t off = find_from_line(c, (int)xmlGetLineNo(n), name, &from);
	free(name);
	return off;
}

/* A reference that stays inside the file: "#id", or an embedded PNG/JPEG. */
static int local_ref(const char *v)
{
	while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
		v++;
	return v[0] == '#' || strncmp(v, "data:image/png;base64,", 22) == 0 ||
	       strncmp(v, "data:image/jpeg;base64,", 23) == 0;
}

/* Every url(…) in V points inside the file. */
static int local_urls(const char *v)
{
	for (const char *p = v; (p = strstr(p, "url(")); p += 4) {
		const char *q = p + 4;
		while (*q == ' ' || *q == '"' || *q == '\'')
			q++;
		if (!local_ref(q))
			return 0;
	}
	return !strstr(v, "@import") && !strstr(v, "expression(");
}

static int is_named(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0;
}

static void check_attrs(struct svg_check *c, xmlNodePtr n)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		const char *name = (const char *)a->name;
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		const char *val = v ? (const char *)v : "";
		if ((name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N')) {
			size_t off = attr_offset(c, n, a);
			svg_report(c, off, strlen(name), "het gebeurtenisattribuut %s= (een script)", name,
			           REMOVE_IT);
		} else if (strcmp(name, "href") == 0 && !local_ref(val)) {
			size_t off = attr_offset(c, n, a);
			if (strncmp(val, "javascript:", 11) == 0)
				svg_report(c, off, strlen(name), "een javascript:-link", NULL, REMOVE_IT);
			else
				svg_report(c, off, strlen(name), "een verwijzing naar '%s' buiten het bestand",
				           val, "verwijs alleen naar #id in het bestand of neem de afbeelding "
				                "op in de SVG");
		} else if (!local_urls(val)) {
			size_t off = attr_offset(c, n, a);
			svg_report(c, off, strlen(name),
			           "een attribuut %s= met url(…) of @import naar buiten het bestand", name,
			           "verwijs alleen naar #id in het bestand");
		} else if ((is_named(n, "set") || is_named(n, "animate")) &&
		           strcmp(name, "attributeName") == 0 &&
		           (strstr(val, "href") || (val[0] == 'o' && val[1] == 'n'))) {
			size_t off = attr_offset(c, n, a);
			svg_report(c, off, strlen(name), "een animatie die een link of script verandert",
			           NULL, REMOVE_IT);
		}
		xmlFree(v);
	}
}

static void check_element(struct svg_check *c, xmlNodePtr n)
{
	static const char *const refused[] = {"script", "foreignObject", "iframe", "embed", "object",
	                                      "audio", "video", "canvas", "handler", "listener"};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		if (is_named(n, refused[i])) {
			size_t off = node_offset(c, n);
			svg_report(c, off, strlen(refused[i]) + 1, "een <%s>-element", refused[i],
			           i == 0   ? REMOVE_IT
			           : i == 1 ? "daarin kan HTML met scripts staan; teken de inhoud als SVG"
			                    : "dat hoort niet in een illustratie; " NOT_PUBLISHED);
			return;
		}
	if (is_named(n, "style")) {
		xmlChar *css = xmlNodeGetContent(n);
		if (css && !local_urls((const char *)css))
			svg_report(c, node_offset(c, n), 6,
			           "een <style> met url(…) of @import naar buiten het bestand", NULL,
			           "verwijs alleen naar #id in het bestand");
		xmlFree(css);
	}
	check_attrs(c, n);
}

static void walk(struct svg_check *c, xmlNodePtr n)
{
	for (; n && c->problems < 10; n = n->next) {
		if (n->type == XML_PI_NODE) {
			svg_report(c, find_from_line(c, (int)xmlGetLineNo(n), "<?", NULL), 2,
			           "een verwerkingsinstructie <?%s …?>", (const char *)n->name, REMOVE_IT);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (++c->elements > ILLUSTRATION_MAX_ELEMENTS) {
			svg_report(c, 0, 0, "meer dan 100.000 elementen", NULL,
			           "vereenvoudig de tekening; " NOT_PUBLISHED);
			c->problems = 10;
			return;
		}
		check_element(c, n);
		walk(c, n->children);
	}
}

/* An absolute length ("120", "12mm", "3.5in"): librsvg can size it. */
static int absolute_length(const char *v)
{
	char *end;
	double x = strtod(v, &end);
	if (end == v || x <= 0)
		return 0;
	while (*end == ' ')
		end++;
	static const char *const units[] = {"", "px", "pt", "pc", "mm", "cm", "in", "em", "ex"};
	for (size_t i = 0; i < sizeof units / sizeof *units; i++)
		if (strcmp(end, units[i]) == 0)
			return 1;
	return 0;
}

static int has_size(xmlNodePtr root)
{
	xmlChar *w = xmlGetProp(root, BAD_CAST "width"), *h = xmlGetProp(root, BAD_CAST "height");
	xmlChar *vb = xmlGetProp(root, BAD_CAST "viewBox");
	double x, y, vw = 0, vh = 0;
	int ok = (w && h && absolute_length((char *)w) && absolute_length((char *)h)) ||
	         (vb && sscanf((char *)vb, "%lf%*[ ,]%lf%*[ ,]%lf%*[ ,]%lf", &x, &y, &vw, &vh) == 4 &&
	          vw > 0 && vh > 0);
	xmlFree(w);
	xmlFree(h);
	xmlFree(vb);
	return ok;
}

/* The first libxml2 error, kept with its line and column. */
struct xml_error {
	int set, line, col;
	char message[200];
};

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *ud, const xmlError *e)
#else
static void on_xml_error(void *ud, xmlErrorPtr e)
#endif
{
	struct xml_error *x = ud;
	if (x->set || e->level < XML_ERR_ERROR)
		return;
	x->set = 1;
	x->line = e->line;
	x->col = e->int2;
	snprintf(x->message, sizeof x->message, "%s", e->message ? e->message : "");
	x->message[strcspn(x->message, "\n")] = '\0'; /* one line: "Bytes: 0xFF …" follows */
	size_t n = strlen(x->message);
	while (n && (x->message[n - 1] == '\n' || x->message[n - 1] == ' '))
		x->message[--n] = '\0';
}

/* A DOCTYPE or ENTITY before the root: refused before any parser sees it. */
static const char *doctype_at(const char *text)
{
	const char *p = strstr(text, "<!DOCTYPE");
	const char *q = strstr(text, "<!ENTITY");
	return p ? p : q;
}

static void check_svg(struct svg_check *c)
{
	const char *dt = doctype_at(c->text);
	if (dt) {
		svg_source(c);
		svg_report(c, (size_t)(dt - c->text), 9, "een DOCTYPE of ENTITY (een DTD)", NULL,
		           "ovc leest geen DTD's en entiteiten (XXE); verwijder <!DOCTYPE …>");
		return;
	}
	struct xml_error xe = {0};
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		diag_report(c->d, c->at->src, c->at->start, c->at->end, RULE_ILLUSTRATIE_BESTAND,
		            "illustratie '%s' kan niet worden gelezen: te weinig geheugen", c->url);
		return;
	}
	/* The handler is per thread in libxml2; restored right after. */
	xmlStructuredErrorFunc saved = xmlStructuredError;
	void *saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(&xe, on_xml_error);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, c->text, (int)c->len, c->url, NULL,
	                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	int nswf = ctxt->nsWellFormed;
	xmlFreeParserCtxt(ctxt);
	if (!doc || xe.set || !nswf) {
		struct source *src = svg_source(c);
		size_t off = source_offset(src, xe.line > 0 ? xe.line : 1, xe.col > 0 ? xe.col : 1);
		char *where = used_at(c);
		diag_report(c->d, src, off, off, RULE_ILLUSTRATIE_BESTAND,
		            "'%s' is geen geldige XML (libxml2: %s); open het bestand in een "
		            "tekenprogramma en bewaar het opnieuw als SVG (gebruikt in %s)",
		            c->url, xe.set ? xe.message : "onbekende fout", where);
		free(where);
		xmlFreeDoc(doc);
		return;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || xmlStrcmp(root->name, BAD_CAST "svg") != 0) {
		diag_report(c->d, c->at->src, c->at->start, c->at->end, RULE_ILLUSTRATIE_BESTAND,
		            "illustratie '%s' is geen SVG (het hoofdelement is niet <svg>)", c->url);
	} else {
		walk(c, doc->children);
		if (!c->problems && !has_size(root))
			diag_report(c->d, c->at->src, c->at->start, c->at->end, RULE_ILLUSTRATIE_BESTAND,
			            "illustratie '%s' heeft geen afmetingen; geef <svg> een viewBox of een "
			            "width en height zonder %%",
			            c->url);
	}
	xmlFreeDoc(doc);
}

void illustration_check(struct ordinance *o, const char *url, const struct span *at,
                        struct diag_sink *d)
{
	char *buf;
	size_t len = 0;
	char *why = read_image(o->dir, url, &buf, &len);
	if (why) {
		diag_report(d, at->src, at->start, at->end, RULE_ILLUSTRATIE_BESTAND, "illustratie '%s' %s",
		            url, why);
		free(why);
		return;
	}
	size_t n = strlen(url);
	if (n > 4 && strcmp(url + n - 4, ".png") == 0) {
		const char *p = illustration_png_problem((const unsigned char *)buf, len);
		if (p)
			diag_report(d, at->src, at->start, at->end, RULE_ILLUSTRATIE_BESTAND,
			            "illustratie '%s' %s%s", url,
			            strncmp(p, "is ", 3) == 0 ? "" : "is geen bruikbaar PNG-bestand: ", p);
	} else {
		struct svg_check c = {o, url, at, d, buf, len, NULL, 0, 0};
		check_svg(&c);
	}
	free(buf);
}
