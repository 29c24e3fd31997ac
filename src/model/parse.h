#ifndef OVC_PARSE_H
#define OVC_PARSE_H

/*
 * Source format version 1 → the ordinance model (docs/format.md).
 * Reads every *.md file of a directory in name order, parses each with
 * cmark (CMARK_OPT_SOURCEPOS), and builds parts, chapters, paragraphs,
 * articles, leden, onderdelen, blocks, themes and definitions with their
 * computed numbering and AKN eIds. Structural problems are reported to the
 * sink; parsing goes on where it can, so one run shows every problem.
 */

struct diag_sink;
struct ordinance;

/*
 * Parse the ordinance in DIR. Returns the model, or NULL when DIR or
 * verordening.md cannot be read at all; then *ERR holds a malloc'ed Dutch
 * message. When a file is not valid UTF-8 the model is returned with only
 * its sources (no units) and the problem is in D: the caller stops there.
 */
struct ordinance *parse_ordinance(const char *dir, struct diag_sink *d, char **err);

/* Did parsing stop at the source stage (unreadable text)? */
int parse_sources_failed(const struct ordinance *o);

#endif
