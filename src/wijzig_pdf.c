/*
 * The PDFs of `ovc wijzig` (src/wijzig_pdf.h) through the typesetter
 * module ovc-pdf.so (src/pdfmodule.h), looked up the same way: beside ovc,
 * then in ../lib/ovc/.
 */
#define _XOPEN_SOURCE 700
#include "wijzig_pdf.h"

#include "util.h"
#include "version.h"

#include <dlfcn.h>
#include <libxml/parser.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

typedef int pdf_file_fn(xmlDocPtr, const char *, const char *, char **);

/* Present when the typesetter is linked into the program itself (unit tests). */
extern int typeset_pdf_file(xmlDocPtr, const char *, const char *, char **) __attribute__((weak));

static pdf_file_fn *find_typesetter(char **err)
{
	if (typeset_pdf_file)
		return typeset_pdf_file;
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	char *slash = n > 0 ? (buf[n] = '\0', strrchr(buf, '/')) : NULL;
	if (!slash) {
		*err = xstrdup("kan de map van ovc niet bepalen, dus ook de PDF-module niet vinden");
		return NULL;
	}
	*slash = '\0';
	const char *rel[2] = {"ovc-pdf.so", "../lib/ovc/ovc-pdf.so"};
	for (int i = 0; i < 2; i++) {
		char *p = xasprintf("%s/%s", buf, rel[i]);
		void *h = access(p, F_OK) == 0 ? dlopen(p, RTLD_NOW | RTLD_LOCAL) : NULL;
		free(p);
		if (!h)
			continue;
		void *fn = dlsym(h, "typeset_pdf_file");
		const char *const *ver = dlsym(h, "typeset_module_version");
		if (fn && ver && strcmp(*ver, OVC_VERSION) == 0) {
			pdf_file_fn *f;
			memcpy(&f, &fn, sizeof f); /* object to function pointer (POSIX) */
			return f;
		}
	}
	*err = xstrdup("de PDF-module ovc-pdf.so ontbreekt of hoort niet bij deze ovc "
	               "(make bouwt hem; make install zet hem naast ovc)");
	return NULL;
}

int wz_pdf_write(const char *xhtml, size_t len, const char *basedir, const char *path, char **err)
{
	pdf_file_fn *fn = find_typesetter(err);
	if (!fn)
		return -1;
	xmlDocPtr doc = xmlReadMemory(xhtml, (int)len, "wijziging.xhtml", "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		*err = xasprintf("interne fout: de druk-XHTML voor %s is geen XML", path);
		return -1;
	}
	int rc = fn(doc, basedir, path, err);
	xmlFreeDoc(doc);
	return rc;
}
