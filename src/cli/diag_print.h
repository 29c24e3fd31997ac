#ifndef OVC_DIAG_PRINT_H
#define OVC_DIAG_PRINT_H

/*
 * The diagnostics printer: the CLI's view of a sink (src/base/diag.h). It
 * turns byte ranges into line:column (code points) through the sources the
 * diagnostics point at, so it lives above the source stage; the sink itself
 * knows nothing of sources.
 */

#include "diag.h"

#include <stdio.h>

/* Sort by file order (as first reported per file... see diag_print.c) and position. */
void diag_sort(struct diag_sink *d, const struct source *const *order, int norder);

enum diag_format {
	DIAG_TEXT,
	DIAG_JSON,
	DIAG_SARIF,
	DIAG_CODECLIMATE /* src/cli/diag_ci.h */
};

/*
 * Print every diagnostic to OUT. With WERROR warnings are shown and counted
 * as errors. COLOR adds ANSI colours to the text format.
 * Returns the number of errors (after --werror).
 */
int diag_print(const struct diag_sink *d, FILE *out, enum diag_format fmt, int werror, int color);

#endif
