/*
 * libFuzzer target 1: the whole check pipeline (parse, check, resolve,
 * readability, diagnostics printed as text and JSON) on one part file
 * inside a minimal valid ordinance. The fixture tests/fixtures/minimaal is
 * copied once into a temporary directory; the input replaces its
 * 3-wmo.md through a source overlay, so no file is written per run.
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	source_overlay_set(part, (const char *)data, size);
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = NULL;
	char *err = NULL;
	if (compile_ordinance(dir, &o, d, &err) == 0) {
		diag_print(d, devnull, DIAG_TEXT, 0, 0);
		diag_print(d, devnull, DIAG_JSON, 1, 0);
	}
	free(err);
	ordinance_free(o);
	diag_sink_free(d);
	return 0;
}
