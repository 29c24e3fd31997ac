#ifndef OVC_LSP_POS_H
#define OVC_LSP_POS_H

/*
 * LSP positions (line from 0, character from 0) in the position encoding
 * negotiated at `initialize`, and back to byte offsets into a source.
 * UTF-32 counts code points (as ovc's own columns do, minus one), UTF-8
 * counts bytes and UTF-16 counts code units (a code point above U+FFFF is
 * two). Lines end at '\n'; a '\r' before it belongs to the line break.
 */

#include <stddef.h>

struct source;

enum lsp_encoding { LSP_UTF16, LSP_UTF8, LSP_UTF32 };

/* The protocol name: "utf-16", "utf-8", "utf-32". */
const char *lsp_encoding_name(enum lsp_encoding e);

/* Line and character of byte offset OFF (clamped to the text). */
void lsp_pos_from_offset(const struct source *src, size_t off, enum lsp_encoding e, int *line,
                         int *character);

/*
 * Byte offset of LINE/CHARACTER. A character past the end of the line
 * means the line's end (the spec says so); one inside a code point's
 * UTF-8 or UTF-16 sequence means that code point's start.
 */
size_t lsp_offset_from_pos(const struct source *src, int line, int character, enum lsp_encoding e);

#endif
