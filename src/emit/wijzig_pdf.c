/*
 * The PDFs of `ovc wijzig` (src/emit/wijzig_pdf.h) through the typesetter
 * module ovc-pdf.so (src/emit/pdfmodule.h), with the legal edition's print
 * style: a wijzigingsverordening and a renvooi are legal texts.
 */
#include "wijzig_pdf.h"

#include "embedded.h"
#include "pdfmodule.h"
#include "util.h"

#include <libxml/parser.h>

int wz_pdf_write(const char *xhtml, size_t len, const char *basedir, const char *path, char **err)
{
	xmlDocPtr doc = xmlReadMemory(xhtml, (int)len, "wijziging.xhtml", "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		*err = xasprintf("interne fout: de druk-XHTML voor %s is geen XML", path);
		return -1;
	}
	const struct embedded_file *f = embedded_find("stylesheets/print-verordening.ini");
	struct typeset_input in = {doc, f->path, (const char *)f->data, f->len, basedir};
	int rc = pdfmodule_typeset(&in, path, err);
	xmlFreeDoc(doc);
	return rc;
}
