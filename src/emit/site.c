#include "site.h"

#include "edition.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define OVC_NS "https://ovc.nl/ns/1"

static int is_ovc(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, OVC_NS) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

/* A page's file: ASCII letters, digits, '-', '_' and '.' (not first, no
 * ".."), ending in ".html": never a folder, never outside OUT. */
static int safe_name(const char *s)
{
	size_t n = strlen(s);
	if (n <= 5 || n > 200 || strcmp(s + n - 5, ".html") != 0 || s[0] == '.' || strstr(s, ".."))
		return 0;
	for (size_t i = 0; i < n - 5; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.", s[i]))
			return 0;
	return 1;
}

/* One page: its <html> copied into a document of its own and written. */
static int write_page(xmlNodePtr page, const char *sheet, const char *out, char **err)
{
	xmlChar *name = xmlGetProp(page, BAD_CAST "bestand");
	xmlNodePtr html = page->children;
	while (html && html->type != XML_ELEMENT_NODE)
		html = html->next;
	if (!name || !safe_name((const char *)name) || !html) {
		*err = xasprintf("de publieksversie heeft een pagina zonder geldige naam ('%s')",
		                 name ? (const char *)name : "");
		xmlFree(name);
		return -1;
	}
	xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
	xmlDocSetRootElement(doc, xmlDocCopyNode(html, doc, 1));
	/* the doctype the bundle carried for its root: the page's own now */
	xmlCreateIntSubset(doc, BAD_CAST "html", NULL, BAD_CAST "about:legacy-compat");
	xmlReconciliateNs(doc, xmlDocGetRootElement(doc));
	struct edition_error e = {0};
	char *path = xasprintf("%s/%s", out, (const char *)name);
	int rc = 0;
	if (edition_write_html(doc, sheet, path, &e) != 0) {
		*err = xasprintf("kan %s niet maken: %s", (const char *)name, e.message);
		rc = -1;
	}
	free(path);
	xmlFreeDoc(doc);
	xmlFree(name);
	return rc;
}

int site_write(xmlDocPtr akn, const char *sheet, const char *out, char **err)
{
	struct edition_error e = {0};
	xmlDocPtr bundle = edition_transform(sheet, akn, "screen", &e);
	xmlNodePtr root = bundle ? xmlDocGetRootElement(bundle) : NULL;
	if (!root || !is_ovc(root, "site")) {
		*err = xasprintf("kan de publieksversie niet maken: %s",
		                 e.message[0] ? e.message : "de stylesheet gaf geen <ovc:site>");
		xmlFreeDoc(bundle);
		return -1;
	}
	int rc = 0;
	for (xmlNodePtr p = root->children; p && rc == 0; p = p->next)
		if (is_ovc(p, "pagina"))
			rc = write_page(p, sheet, out, err);
	xmlFreeDoc(bundle);
	return rc;
}
