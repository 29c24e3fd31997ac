#ifndef OVC_SOURCE_H
#define OVC_SOURCE_H

/*
 * A source file in memory with its line index. Positions inside ovc are
 * byte offsets into `text`; this module turns them into the line and
 * column a writer sees (columns count Unicode code points, from 1).
 */

#include <stddef.h>
#include <stdint.h>

struct diag_sink;

/* Files larger than this are refused (bron-te-groot). */
#define SOURCE_MAX_BYTES ((size_t)64 << 20)
/* All .md files of an ordinance together (parse.c refuses more). A real
 * ordinance is well under 1 MiB; memory use is about 12-16 times this. */
#define SOURCE_TOTAL_MAX_BYTES ((size_t)128 << 20)

struct source {
	char *path;    /* as printed in diagnostics, e.g. "verordening/3-wmo.md" */
	char *name;    /* base name, e.g. "3-wmo.md" */
	char *text;    /* NUL-terminated; a leading UTF-8 BOM is removed */
	size_t len;
	uint32_t *lines; /* byte offset where each line starts; lines[0] == 0 (a file is at
	                    most SOURCE_MAX_BYTES: 32 bits, half the memory of size_t) */
	int nlines;
	int valid;     /* 1 when the text is valid UTF-8 without NUL bytes */
};

/*
 * Read DIR/NAME: a regular file (not a FIFO, device or folder) that is, after
 * any symbolic link, inside DIR. Returns 0 on success (the text may still be invalid: then
 * `valid` is 0 and the problem is reported to D), or -1 when the file
 * cannot be read; then *ERR holds a malloc'ed Dutch message.
 */
int source_load(struct source *src, const char *dir, const char *name,
                struct diag_sink *d, char **err);

/*
 * Unsaved editor buffers (ovc lsp): while an overlay is set for PATH (the
 * path source_load builds, "DIR/NAME"), source_load takes its text instead
 * of reading the file. Only the reading changes: the text is checked and
 * indexed exactly as a file's. Setting copies TEXT and replaces an earlier
 * overlay; not thread-safe (one language server, one thread).
 */
/* Is PATH, after its symbolic links, inside DIR? (A source or an
 * illustration may not lead out of the source directory.) */
int source_inside_dir(const char *dir, const char *path);

void source_overlay_set(const char *path, const char *text, size_t len);
void source_overlay_remove(const char *path);
void source_overlay_clear(void);

/* Make a source from a string (tests, generated text). Copies TEXT. */
void source_init_text(struct source *src, const char *path, const char *text, size_t len);

void source_release(struct source *src);

/* Line (from 1) and column (code points, from 1) of byte offset OFF. */
void source_position(const struct source *src, size_t off, int *line, int *col);

/* Byte offset of LINE (from 1) and byte column BYTECOL (from 1), clamped. */
size_t source_offset(const struct source *src, int line, int bytecol);

/* Start of LINE (from 1) and its length without the line break. */
const char *source_line(const struct source *src, int line, size_t *len);

#endif
