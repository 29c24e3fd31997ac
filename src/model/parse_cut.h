#ifndef OVC_PARSE_CUT_H
#define OVC_PARSE_CUT_H

/*
 * Where a part file may be cut into pieces that cmark parses one by one
 * (issue 22): cmark builds the whole syntax tree of a file before ovc
 * reads it, about ten times the file's size, so a 9 MB part file held a
 * 90 MB tree at once. Parsed in pieces of about PARSE_CUT_BYTES, the tree
 * of one piece is all there is at a time.
 *
 * A cut is made only where CommonMark guarantees that the blocks before
 * it have ended and that nothing after it depends on what came before, so
 * that the pieces give the same blocks as the whole file:
 *  - before a line that starts with '#' in column 1 (an ATX heading, or a
 *    paragraph line that no open paragraph can absorb, see below),
 *  - whose previous line is blank (no paragraph continues into it; a list
 *    item or block quote cannot continue at column 1 after a blank line),
 *  - outside a fenced code block and outside an HTML block of kinds 1–5
 *    (comment, <?…?>, <!X…>, CDATA, script/pre/style/textarea), which
 *    are the only blocks a blank line does not end,
 *  - not right after a block whose first line starts with '<': a
 *    suppression comment (<!-- ovc: negeer … -->) applies to the next
 *    block, which must stay in its piece.
 * A file with a line that starts with '[' (a possible link reference
 * definition, which applies to the whole document) or with a CR that is
 * not part of a CRLF (a line break to cmark) is not cut at all.
 */

#include <stddef.h>

#define PARSE_CUT_BYTES ((size_t)1 << 20)

struct parse_cut {
	size_t offset; /* byte offset of the first byte of the piece */
	int line;      /* its line number (1-based) */
};

/*
 * The pieces of TEXT (LEN bytes), each at least MIN bytes except the
 * last: *N entries, the first at offset 0 and line 1. Returns a malloc'ed
 * array; *N is 1 when the file is not cut.
 */
struct parse_cut *parse_cuts(const char *text, size_t len, size_t min, size_t *n);

#endif
