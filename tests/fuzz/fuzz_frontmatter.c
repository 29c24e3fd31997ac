/*
 * libFuzzer target 3: the YAML front matter of verordening.md
 * (src/model/frontmatter.c) on its own. As in the pipeline, only valid UTF-8
 * without NUL reaches it (src/source/source.c refuses the rest before parsing);
 * every diagnostic is printed, so spans must be valid positions.
 */
#include "diag.h"
#include "diag_print.h"
#include "frontmatter.h"
#include "model.h"
#include "source.h"
#include "util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	devnull = fopen("/dev/null", "w");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source *src = xcalloc(1, sizeof *src);
	source_init_text(src, "verordening/verordening.md", (const char *)data, size);
	if (!src->valid) {
		source_release(src);
		free(src);
		return 0;
	}
	struct ordinance *o = xcalloc(1, sizeof *o);
	struct diag_sink *d = diag_sink_new();
	size_t end = frontmatter_parse(o, src, d);
	if (end > src->len)
		abort();
	diag_print(d, devnull, DIAG_TEXT, 0, 0);
	diag_sink_free(d);
	ordinance_free(o);
	source_release(src);
	free(src);
	return 0;
}
