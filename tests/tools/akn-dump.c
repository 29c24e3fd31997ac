/*
 * akn-dump DIR: compile DIR as ovc check does and print its Akoma Ntoso
 * document (what `ovc build` writes as verordening.akn.xml) to stdout,
 * without the editions and PDFs. tests/suite-hernummer.py reads the link
 * targets from it. Exit status 1 when the check finds errors (the AKN is
 * printed all the same), 2 when DIR cannot be read.
 */
#include "akn.h"
#include "compile.h"
#include "diag.h"
#include "model.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("gebruik: akn-dump MAP\n", stderr);
		return 2;
	}
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = NULL;
	char *err = NULL;
	if (compile_ordinance(argv[1], &o, d, &err) != 0) {
		fprintf(stderr, "akn-dump: %s\n", err);
		free(err);
		diag_sink_free(d);
		return 2;
	}
	int errors = diag_count(d, SEV_ERROR);
	xmlDocPtr doc = akn_build(o);
	size_t len;
	char *xml = akn_serialize(doc, &len);
	fwrite(xml, 1, len, stdout);
	free(xml);
	xmlFreeDoc(doc);
	ordinance_free(o);
	diag_sink_free(d);
	return errors ? 1 : 0;
}
