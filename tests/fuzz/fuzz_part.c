/*
 * libFuzzer target 1: the whole check pipeline (parse, check, resolve,
 * readability, diagnostics printed as text and JSON) on one part file
 * inside a minimal valid ordinance. The fixture tests/fixtures/minimaal is
 * copied once into a temporary directory; the input replaces its
 * 3-wmo.md through a source overlay, so no file is written per run.
 *
 * Differential: each input is also checked with the part file cut into
 * the smallest pieces cmark may parse apart (src/model/parse_cut.h,
 * OVC_PARSE_CUT_BYTES=1), and the diagnostics in JSON must be the same
 * bytes as for the whole file; otherwise the target aborts.
 */
#include "compile.h"
#include "diag.h"
#include "diag_print.h"
#include "fuzz_common.h"
#include "model.h"
#include "source.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dir, *part;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dir = fuzz_fixture_copy();
	part = fuzz_path(dir, "3-wmo.md");
	devnull = fopen("/dev/null", "w");
	return 0;
}

/* Check the fixture with the current overlay; the diagnostics as JSON. */
static char *check_json(void)
{
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = NULL;
	char *err = NULL, *json = NULL;
	size_t len = 0;
	if (compile_ordinance(dir, &o, d, &err) == 0) {
		/* in the order ovc prints them (src/cli/main.c) */
		diag_sort(d, (const struct source *const *)(const void *)o->files, (int)o->nfiles);
		diag_print(d, devnull, DIAG_TEXT, 0, 0);
		FILE *f = open_memstream(&json, &len);
		if (!f)
			abort();
		diag_print(d, f, DIAG_JSON, 1, 0);
		fclose(f);
	}
	free(err);
	ordinance_free(o);
	diag_sink_free(d);
	return json;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	source_overlay_set(part, (const char *)data, size);
	unsetenv("OVC_PARSE_CUT_BYTES");
	char *whole = check_json();
	setenv("OVC_PARSE_CUT_BYTES", "1", 1);
	char *cut = check_json();
	unsetenv("OVC_PARSE_CUT_BYTES");
	if ((whole == NULL) != (cut == NULL) || (whole && strcmp(whole, cut) != 0)) {
		fprintf(stderr, "fuzz_part: in stukken andere meldingen dan in het geheel\n--- geheel\n%s\n--- stukken\n%s\n",
		        whole ? whole : "(geen)", cut ? cut : "(geen)");
		abort();
	}
	free(whole);
	free(cut);
	return 0;
}
