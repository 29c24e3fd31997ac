#ifndef OVC_EMBEDDED_H
#define OVC_EMBEDDED_H

/*
 * Files compiled into the binary (data tables under data/, stylesheets
 * under stylesheets/), so that build/ovc needs nothing beside itself.
 * The Makefile generates the table from every file in those folders.
 */

#include <stddef.h>

struct embedded_file {
	const char *path;          /* as in the source tree, e.g. "data/wetten.tsv" */
	const unsigned char *data; /* NUL-terminated; the NUL is not counted in len */
	size_t len;
};

/* The table, terminated by an entry with path == NULL. */
extern const struct embedded_file embedded_files[];

/* The file embedded under PATH, or NULL. */
const struct embedded_file *embedded_find(const char *path);

#endif
