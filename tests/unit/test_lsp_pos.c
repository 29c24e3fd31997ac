/*
 * Unit tests for LSP positions (src/cli/lsp_pos.c) and source overlays
 * (src/source/source.c): byte offsets to line/character and back in utf-32,
 * utf-8 and utf-16, counted by hand on a line with "ë" (2 bytes) and
 * "😀" (4 bytes, 2 UTF-16 units), CRLF line ends, positions past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lsp_pos.h"
#include "source.h"

/* line 0: "ab\r\n"; line 1: "xë😀y artikel\n"; line 2: "" */
static const char text[] = "ab\r\nx\xC3\xAB\xF0\x9F\x98\x80y artikel\n";

static void check_pos(const struct source *s, size_t off, enum lsp_encoding e, int line, int ch)
{
	int l, c;
	lsp_pos_from_offset(s, off, e, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, ch);
}

static void offsets_to_positions(void **state)
{
	(void)state;
	struct source s;
	source_init_text(&s, "t.md", text, sizeof text - 1);
	size_t y = 4 + 1 + 2 + 4; /* the "y" after the emoji */
	check_pos(&s, y, LSP_UTF32, 1, 3);
	check_pos(&s, y, LSP_UTF8, 1, 7);
	check_pos(&s, y, LSP_UTF16, 1, 4);
	check_pos(&s, 2, LSP_UTF16, 0, 2);           /* before the \r */
	check_pos(&s, sizeof text - 1, LSP_UTF8, 2, 0); /* the end: an empty last line */
	check_pos(&s, 9999, LSP_UTF32, 2, 0);        /* clamped */
	source_release(&s);
}

static void positions_to_offsets(void **state)
{
	(void)state;
	struct source s;
	source_init_text(&s, "t.md", text, sizeof text - 1);
	size_t y = 4 + 1 + 2 + 4;
	assert_int_equal(lsp_offset_from_pos(&s, 1, 3, LSP_UTF32), y);
	assert_int_equal(lsp_offset_from_pos(&s, 1, 7, LSP_UTF8), y);
	assert_int_equal(lsp_offset_from_pos(&s, 1, 4, LSP_UTF16), y);
	/* inside the emoji's surrogate pair or its UTF-8 bytes: its start */
	assert_int_equal(lsp_offset_from_pos(&s, 1, 3, LSP_UTF16), 4 + 1 + 2);
	assert_int_equal(lsp_offset_from_pos(&s, 1, 5, LSP_UTF8), 4 + 1 + 2);
	/* past the end of a line: the line's end, before its \r\n */
	assert_int_equal(lsp_offset_from_pos(&s, 0, 40, LSP_UTF16), 2);
	assert_int_equal(lsp_offset_from_pos(&s, 7, 0, LSP_UTF16), sizeof text - 1);
	assert_int_equal(lsp_offset_from_pos(&s, -1, 0, LSP_UTF16), 0);
	source_release(&s);
}

static void overlay_replaces_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/ovc-overlay-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[64];
	snprintf(path, sizeof path, "%s/a.md", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("op schijf\n", f);
	fclose(f);
	struct source s;
	char *err = NULL;
	source_overlay_set(path, "in de editor\nmet \0NUL", 21);
	assert_int_equal(source_load(&s, dir, "a.md", NULL, &err), 0);
	assert_int_equal(s.len, 21);
	assert_memory_equal(s.text, "in de editor\nmet \0NUL", 21);
	assert_int_equal(s.valid, 0); /* the NUL byte is reported as from a file */
	source_release(&s);
	source_overlay_remove(path);
	assert_int_equal(source_load(&s, dir, "a.md", NULL, &err), 0);
	assert_string_equal(s.text, "op schijf\n");
	source_release(&s);
	source_overlay_clear();
	remove(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offsets_to_positions),
		cmocka_unit_test(positions_to_offsets),
		cmocka_unit_test(overlay_replaces_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
