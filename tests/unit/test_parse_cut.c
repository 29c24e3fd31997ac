/*
 * Unit tests for where a part file may be cut for cmark (src/model/parse_cut.c):
 * a cut goes before a '#' line in column 1 after a blank line, once a piece
 * has its minimum size, and never inside a fenced code block, inside an
 * HTML block that a blank line does not end, right after a block that
 * starts with '<' (a suppression comment keeps its target), or anywhere in
 * a file with a possible link reference definition.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_cut.h"

/* The offsets of the cuts of TEXT with pieces of at least MIN bytes, as "0 10 25". */
static char *cuts_of(const char *text, size_t min)
{
	size_t n;
	struct parse_cut *c = parse_cuts(text, strlen(text), min, &n);
	char *out = calloc(1, n * 24 + 1);
	for (size_t i = 0; i < n; i++)
		sprintf(out + strlen(out), "%s%zu@%d", i ? " " : "", c[i].offset, c[i].line);
	free(c);
	return out;
}

static void expect(const char *text, size_t min, const char *want)
{
	char *got = cuts_of(text, min);
	assert_string_equal(got, want);
	free(got);
}

static void headings_after_blank_lines(void **state)
{
	(void)state;
	/* offsets: "# A\n"=0, "\n"=4, "tekst\n"=5, "\n"=11, "## B\n"=12, "\n"=17, "### C\n"=18 */
	const char *t = "# A\n\ntekst\n\n## B\n\n### C\n";
	expect(t, 1, "0@1 12@5 18@7");
	expect(t, 13, "0@1 18@7"); /* B's piece would be under 13 bytes */
	expect(t, 1000, "0@1");
	/* no blank line before the heading: no cut (a lazy paragraph cannot
	 * continue into an ATX heading, but the rule stays simple) */
	expect("tekst\n## B\n", 1, "0@1");
	/* an indented heading is not in column 1 */
	expect("a\n\n  ## B\n", 1, "0@1");
}

static void never_inside_a_fence(void **state)
{
	(void)state;
	expect("a\n\n```\n\n# geen kop\n```\n\n# kop\n", 1, "0@1 24@8");
	/* a longer closing fence closes; a shorter one does not */
	expect("````\n\n# x\n```\n\n# y\n````\n\n# z\n", 1, "0@1 25@9");
	/* ``` with a backtick in its info string is no fence */
	expect("```a`b\n\n# x\n", 1, "0@1 8@3");
	expect("~~~\n\n# x\n~~~\n\n# y\n", 1, "0@1 14@6");
}

static void never_inside_html_that_spans_blank_lines(void **state)
{
	(void)state;
	expect("<!-- begin\n\n# binnen\n-->\n\ntekst\n\n# buiten\n", 1, "0@1 33@8");
	expect("<pre>\n\n# binnen\n</pre>\n\ntekst\n\n# buiten\n", 1, "0@1 31@8");
	/* a comment closed on its own line does not stay open */
	expect("tekst\n\n<!-- kort -->\n\ntekst\n\n# kop\n", 1, "0@1 29@7");
}

static void suppression_keeps_its_target(void **state)
{
	(void)state;
	/* the block before the blank line starts with '<': no cut before # B */
	expect("a\n\n<!-- ovc: negeer x -->\n\n# B\n", 1, "0@1");
	expect("a\n\n<!-- ovc: negeer x\nreden -->\n\n# B\n", 1, "0@1");
}

static void link_definitions_forbid_cuts(void **state)
{
	(void)state;
	expect("# A\n\n[wet]: https://wetten.overheid.nl\n\n# B\n", 1, "0@1");
	expect("# A\n\n# B\n\n   [x]: /y\n", 1, "0@1");
}

static void line_endings(void **state)
{
	(void)state;
	/* CRLF is a line end like LF; a lone CR (a line break to cmark) stops all cuts */
	expect("# A\r\n\r\n# B\r\n", 1, "0@1 7@3");
	expect("# A\r\r# B\n\n# C\n", 1, "0@1");
	expect("# A\n\n# B\r", 1, "0@1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(headings_after_blank_lines),
		cmocka_unit_test(never_inside_a_fence),
		cmocka_unit_test(never_inside_html_that_spans_blank_lines),
		cmocka_unit_test(suppression_keeps_its_target),
		cmocka_unit_test(link_definitions_forbid_cuts),
		cmocka_unit_test(line_endings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
