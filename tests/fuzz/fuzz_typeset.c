/*
 * libFuzzer target 4: the typesetter (src/typeset*.c) on print XHTML
 * (docs/print-xhtml.md) with the legal edition's print style. The input
 * is parsed as ovc parses what its stylesheets produce (no network, no
 * entities); a document libxml2 refuses is not the typesetter's input.
 * Images are read relative to the minimal fixture.
 */
#include "embedded.h"
#include "fuzz_common.h"
#include "typeset.h"

#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>

static const struct embedded_file *style;
static char *basedir;

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("SOURCE_DATE_EPOCH", "1767225600", 1);
	xmlSetGenericErrorFunc(NULL, quiet);
	style = embedded_find("stylesheets/print-verordening.ini");
	basedir = fuzz_fixture_copy();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	xmlDocPtr doc = xmlReadMemory((const char *)data, (int)size, "fuzz.xhtml", NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
	                                  XML_PARSE_NOWARNING);
	if (!doc)
		return 0;
	struct typeset_input in = {doc, style->path, (const char *)style->data, style->len, basedir};
	char *pdf = NULL, *err = NULL;
	size_t len = 0;
	typeset_pdf(&in, &pdf, &len, NULL, &err);
	free(pdf);
	free(err);
	xmlFreeDoc(doc);
	return 0;
}
