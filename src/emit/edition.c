/*
 * The HTML editions with libxslt: embedded stylesheets, parsed once and
 * shared by threads; transformations without file or network access;
 * messages into struct edition_error; atomic output. See edition.h.
 */

#include "edition.h"

#include "fault.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

#include "embedded.h"
#include "errtext.h"

/* Stylesheets are looked up under this folder of the embedded table. */
#define SHEET_DIR "stylesheets/"
/* No more stylesheets than this are ever parsed (two editions today). */
#define MAX_SHEETS 8
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

struct sheet {
	char *path;
	xsltStylesheetPtr style;
};

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
/* Guards sheets[] and libxslt's global error function while parsing. */
static pthread_mutex_t sheets_lock = PTHREAD_MUTEX_INITIALIZER;
static struct sheet sheets[MAX_SHEETS];
static xsltSecurityPrefsPtr security;

/* ------------------------------------------------------------ messages */

static void error_clear(struct edition_error *err)
{
	if (err == NULL)
		return;
	err->count = 0;
	err->message[0] = '\0';
}

/* Append text to err->message, newlines as "; ", cut when full. */
static void error_append(struct edition_error *err, const char *text)
{
	size_t len = strlen(err->message);
	for (const char *s = text; *s != '\0' && len + 3 < sizeof err->message; s++) {
		if (*s == '\n') {
			if (s[1] != '\0') {
				err->message[len++] = ';';
				err->message[len++] = ' ';
			}
		} else {
			err->message[len++] = *s;
		}
	}
	err->message[len] = '\0';
}

static void error_set(struct edition_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void error_set(struct edition_error *err, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (err->message[0] != '\0')
		error_append(err, "; ");
	error_append(err, buf);
	err->count++;
}

/* libxml2/libxslt generic error callback; CTX is a struct edition_error
 * or NULL (then the message is dropped, never printed). */
static void on_error(void *ctx, const char *msg, ...) __attribute__((format(printf, 2, 3)));

static void on_error(void *ctx, const char *msg, ...)
{
	struct edition_error *err = ctx;
	char buf[512];
	va_list ap;
	if (err == NULL)
		return;
	va_start(ap, msg);
	vsnprintf(buf, sizeof buf, msg, ap);
	va_end(ap);
	error_append(err, buf);
	err->count++;
}

/* libxml2's handler is per thread: set it for the duration of a call and
 * put the caller's back afterwards. */
struct saved_xml_handler {
	xmlGenericErrorFunc func;
	void *ctx;
};

static struct saved_xml_handler xml_handler_push(struct edition_error *err)
{
	struct saved_xml_handler saved = { xmlGenericError, xmlGenericErrorContext };
	xmlSetGenericErrorFunc(err, on_error);
	return saved;
}

static void xml_handler_pop(struct saved_xml_handler saved)
{
	xmlSetGenericErrorFunc(saved.ctx, saved.func);
}

/* ------------------------------------------------------------- loading */

/*
 * libxslt's document loader, process-wide: serves xsl:import and
 * xsl:include from the embedded table (with the importing stylesheet's
 * dictionary, as libxslt requires) and refuses everything else, including
 * document() at transform time.
 */
static xmlDocPtr load_embedded(const xmlChar *uri, xmlDictPtr dict, int options,
                               void *ctxt, xsltLoadType type)
{
	(void)ctxt;
	if (type == XSLT_LOAD_DOCUMENT || uri == NULL)
		return NULL;
	const struct embedded_file *f = embedded_find((const char *)uri);
	if (f == NULL || strncmp(f->path, SHEET_DIR, strlen(SHEET_DIR)) != 0)
		return NULL;
	if (f->len > (size_t)INT_MAX)
		return NULL;
	xmlParserCtxtPtr pctxt = xmlCreateMemoryParserCtxt((const char *)f->data, (int)f->len);
	if (pctxt == NULL)
		return NULL;
	if (dict != NULL) {
		if (pctxt->dict != NULL)
			xmlDictFree(pctxt->dict);
		pctxt->dict = dict;
		xmlDictReference(dict);
	}
	xmlCtxtUseOptions(pctxt, (options | PARSE_OPTIONS) & ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD));
	xmlParseDocument(pctxt);
	xmlDocPtr doc = pctxt->myDoc;
	pctxt->myDoc = NULL;
	if (!pctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(pctxt);
	if (doc != NULL) {
		/* The base URI, so that nested imports resolve in the table too. */
		xmlNodeSetBase((xmlNodePtr)doc, uri);
	}
	return doc;
}

static void init_once_fn(void)
{
	xmlInitParser();
	xsltInit();
	exsltRegisterAll();
	xsltSetLoaderFunc(load_embedded);
	security = xsltNewSecurityPrefs();
	if (security != NULL) {
		xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
		xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	}
}

/*
 * Parse the embedded stylesheet PATH. xsltParseStylesheetDoc takes
 * ownership of the document on success only; on failure it is ours to
 * free (as in xsltproc.c).
 */
static xsltStylesheetPtr parse_sheet(const char *path, struct edition_error *err)
{
	const struct embedded_file *f = embedded_find(path);
	if (f == NULL || strncmp(path, SHEET_DIR, strlen(SHEET_DIR)) != 0) {
		error_set(err, "stylesheet %s is niet ingebouwd", path);
		return NULL;
	}
	if (f->len > (size_t)INT_MAX) {
		error_set(err, "stylesheet %s is te groot", path);
		return NULL;
	}
	xmlDocPtr doc = xmlReadMemory((const char *)f->data, (int)f->len, path, NULL, PARSE_OPTIONS);
	if (doc == NULL) {
		error_set(err, "stylesheet %s is geen goede XML", path);
		return NULL;
	}
	xsltStylesheetPtr style = xsltParseStylesheetDoc(doc);
	if (style == NULL) {
		xmlFreeDoc(doc);
		error_set(err, "stylesheet %s kan niet worden gelezen", path);
		return NULL;
	}
	if (style->errors != 0) {
		xsltFreeStylesheet(style); /* frees doc too */
		error_set(err, "stylesheet %s bevat fouten", path);
		return NULL;
	}
	return style;
}

/* The parsed stylesheet PATH, parsed on first use; NULL on error. */
static xsltStylesheetPtr get_sheet(const char *path, struct edition_error *err)
{
	xsltStylesheetPtr style = NULL;
	pthread_once(&init_once, init_once_fn);
	pthread_mutex_lock(&sheets_lock);
	int i;
	for (i = 0; i < MAX_SHEETS && sheets[i].path != NULL; i++) {
		if (strcmp(sheets[i].path, path) == 0) {
			style = sheets[i].style;
			goto done;
		}
	}
	if (i == MAX_SHEETS) {
		error_set(err, "te veel stylesheets");
		goto done;
	}
	/* libxslt reports parse errors through its one global handler;
	 * the lock makes it ours for the moment. */
	xmlGenericErrorFunc xslt_func = xsltGenericError;
	void *xslt_ctx = xsltGenericErrorContext;
	xsltSetGenericErrorFunc(err, on_error);
	struct saved_xml_handler saved = xml_handler_push(err);
	style = parse_sheet(path, err);
	xml_handler_pop(saved);
	xsltSetGenericErrorFunc(xslt_ctx, xslt_func);
	if (style != NULL) {
		sheets[i].path = strdup(path);
		if (sheets[i].path == NULL) {
			xsltFreeStylesheet(style);
			style = NULL;
			error_set(err, "geen geheugen");
		} else {
			sheets[i].style = style;
		}
	}
done:
	pthread_mutex_unlock(&sheets_lock);
	return style;
}

/* ----------------------------------------------------------- transform */

xmlDocPtr edition_transform(const char *sheet, xmlDocPtr akn, const char *medium,
                            struct edition_error *err)
{
	error_clear(err);
	if (sheet == NULL || akn == NULL || medium == NULL) {
		error_set(err, "edition_transform: ontbrekend argument");
		return NULL;
	}
	/* Only known values, so the parameter needs no XPath quoting. */
	const char *medium_expr;
	if (strcmp(medium, "screen") == 0)
		medium_expr = "'screen'";
	else if (strcmp(medium, "print") == 0)
		medium_expr = "'print'";
	else {
		error_set(err, "onbekend medium '%s' (screen of print)", medium);
		return NULL;
	}
	xsltStylesheetPtr style = get_sheet(sheet, err);
	if (style == NULL || security == NULL) {
		if (security == NULL)
			error_set(err, "geen geheugen");
		return NULL;
	}

	struct saved_xml_handler saved = xml_handler_push(err);
	xmlDocPtr result = NULL;
	/* A private copy: libxslt changes its input (see edition.h). */
	xmlDocPtr input = xmlCopyDoc(akn, 1);
	xsltTransformContextPtr ctxt = input ? xsltNewTransformContext(style, input) : NULL;
	if (ctxt == NULL) {
		error_set(err, "geen geheugen");
		goto done;
	}
	xsltSetTransformErrorFunc(ctxt, err, on_error);
	if (xsltSetCtxtSecurityPrefs(security, ctxt) != 0) {
		error_set(err, "beveiligingsinstellingen niet toegepast");
		goto done;
	}
	const char *params[] = { "medium", medium_expr, NULL };
	result = xsltApplyStylesheetUser(style, input, params, NULL, NULL, ctxt);
	if (result == NULL || ctxt->state == XSLT_STATE_ERROR || ctxt->state == XSLT_STATE_STOPPED) {
		xmlFreeDoc(result);
		result = NULL;
		error_set(err, "transformatie met %s mislukt", sheet);
	}
done:
	if (ctxt != NULL)
		xsltFreeTransformContext(ctxt);
	xmlFreeDoc(input);
	xml_handler_pop(saved);
	return result;
}

/* -------------------------------------------------------------- output */

/* Write LEN bytes of DATA, or with STYLE the document DOC, to PATH via a
 * temporary file and rename. 0 or -1 (message in ERR). */
static int write_atomic(const char *path, const void *data, size_t len, xmlDocPtr doc,
                        xsltStylesheetPtr style, struct edition_error *err)
{
	size_t n = strlen(path);
	char *tmp = malloc(n + sizeof ".tmp-XXXXXX");
	if (tmp == NULL) {
		error_set(err, "geen geheugen");
		return -1;
	}
	memcpy(tmp, path, n);
	memcpy(tmp + n, ".tmp-XXXXXX", sizeof ".tmp-XXXXXX");
	int fd = mkstemp(tmp);
	if (fd < 0) {
		error_set(err, "%s: %s", path, errtext(errno));
		free(tmp);
		return -1;
	}
	FILE *fp = fdopen(fd, "wb");
	if (fp == NULL) {
		error_set(err, "%s: %s", tmp, errtext(errno));
		close(fd);
		goto fail;
	}
	int ok;
	if (doc != NULL)
		ok = xsltSaveResultToFile(fp, doc, style) >= 0;
	else
		ok = fwrite(data, 1, len, fp) == len;
	if (FAULT_WRITE_FAILS())
		ok = 0;
	/* Files are readable like any build output (mkstemp makes 0600). */
	ok = ok && fchmod(fileno(fp), 0644) == 0;
	ok = ok && fflush(fp) == 0;
	if (fclose(fp) != 0)
		ok = 0;
	if (!ok) {
		/* libxml2's own English I/O lines ("No space left on devicewrite
		 * error") say less than errno does: replace them (issue 22). */
		int e = errno;
		error_clear(err);
		error_set(err, "%s: schrijven mislukt: %s", path, errtext(e));
		goto fail;
	}
	if (rename(tmp, path) != 0) {
		error_set(err, "%s: %s", path, errtext(errno));
		goto fail;
	}
	free(tmp);
	return 0;
fail:
	unlink(tmp);
	free(tmp);
	return -1;
}

/* Is HREF a plain file name (no folder, scheme, or dot-file)? */
static int plain_name(const char *href)
{
	return href[0] != '\0' && href[0] != '.' && strchr(href, '/') == NULL &&
	       strchr(href, ':') == NULL && strchr(href, '\\') == NULL;
}

/* Write the embedded stylesheets/<href> for every <link rel=stylesheet>
 * in the head of HTML into DIR ("" for the current directory). */
static int write_css(xmlDocPtr html, const char *dir, struct edition_error *err)
{
	xmlNodePtr root = xmlDocGetRootElement(html);
	xmlNodePtr head = root ? root->children : NULL;
	while (head != NULL && !(head->type == XML_ELEMENT_NODE && xmlStrEqual(head->name, BAD_CAST "head")))
		head = head->next;
	if (head == NULL)
		return 0;
	for (xmlNodePtr n = head->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "link"))
			continue;
		xmlChar *rel = xmlGetProp(n, BAD_CAST "rel");
		xmlChar *href = xmlGetProp(n, BAD_CAST "href");
		int rc = 0;
		if (rel != NULL && href != NULL && xmlStrEqual(rel, BAD_CAST "stylesheet") &&
		    plain_name((const char *)href)) {
			char name[256], out[4096];
			snprintf(name, sizeof name, SHEET_DIR "%s", (const char *)href);
			const struct embedded_file *f = embedded_find(name);
			if (f == NULL) {
				error_set(err, "CSS %s is niet ingebouwd", name);
				rc = -1;
			} else if ((size_t)snprintf(out, sizeof out, "%s%s", dir, (const char *)href) >= sizeof out) {
				error_set(err, "pad te lang: %s", dir);
				rc = -1;
			} else {
				rc = write_atomic(out, f->data, f->len, NULL, NULL, err);
			}
		}
		xmlFree(rel);
		xmlFree(href);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int edition_write_html(xmlDocPtr html, const char *sheet, const char *path,
                       struct edition_error *err)
{
	error_clear(err);
	if (html == NULL || sheet == NULL || path == NULL) {
		error_set(err, "edition_write_html: ontbrekend argument");
		return -1;
	}
	xsltStylesheetPtr style = get_sheet(sheet, err);
	if (style == NULL)
		return -1;
	struct saved_xml_handler saved = xml_handler_push(err);
	int rc = write_atomic(path, NULL, 0, html, style, err);
	if (rc == 0) {
		/* The folder of PATH, with its slash. */
		char dir[4096] = "";
		const char *slash = strrchr(path, '/');
		if (slash != NULL) {
			size_t n = (size_t)(slash - path) + 1;
			if (n < sizeof dir) {
				memcpy(dir, path, n);
				dir[n] = '\0';
			}
		}
		rc = write_css(html, dir, err);
	}
	xml_handler_pop(saved);
	return rc;
}

void edition_cleanup(void)
{
	pthread_mutex_lock(&sheets_lock);
	for (int i = 0; i < MAX_SHEETS; i++) {
		if (sheets[i].style != NULL)
			xsltFreeStylesheet(sheets[i].style);
		free(sheets[i].path);
		sheets[i].path = NULL;
		sheets[i].style = NULL;
	}
	if (security != NULL) {
		xsltFreeSecurityPrefs(security);
		security = NULL;
	}
	pthread_mutex_unlock(&sheets_lock);
}
