/*
 * Unit tests for the one reader of the embedded tables (src/base/tsv.c):
 * comments, blank lines and CRLF skipped with the line numbers kept, fields
 * split at tabs (empty fields kept), and the policy for a bad table: one
 * Dutch line "ovc: interne fout: PATH:LINE: …" on stderr and exit status 3,
 * checked in a child process.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tsv.h"

static const char table[] = "# kop\n"
			    "a\tb\tc\n"
			    "\n"
			    "\r\n"
			    "x\t\ty\r\n"
			    "#\tcommentaar\n"
			    "laatste";

static void assert_field(const struct tsv *t, size_t i, const char *want)
{
	assert_true(i < t->nfields);
	assert_int_equal(t->field[i].n, strlen(want));
	assert_memory_equal(t->field[i].s, want, strlen(want));
}

static void lines_and_fields(void **state)
{
	(void)state;
	struct tsv t;
	tsv_open_text(&t, "data/t.tsv", table, sizeof table - 1);
	assert_int_equal(tsv_next(&t), 1);
	assert_int_equal(t.line, 2);
	assert_int_equal(t.nfields, 3);
	assert_field(&t, 0, "a");
	assert_field(&t, 2, "c");
	assert_int_equal(tsv_next(&t), 1);
	assert_int_equal(t.line, 5); /* two blank lines (one CRLF) skipped */
	assert_int_equal(t.nfields, 3);
	assert_field(&t, 1, "");
	assert_field(&t, 2, "y"); /* the \r is not part of the field */
	assert_true(tsv_field_is(&t, 2, "y"));
	assert_false(tsv_field_is(&t, 3, "y"));
	assert_int_equal(tsv_next(&t), 1);
	assert_int_equal(t.line, 7); /* a last line without '\n' */
	assert_field(&t, 0, "laatste");
	assert_int_equal(tsv_next(&t), 0);
}

static void embedded_table(void **state)
{
	(void)state;
	struct tsv t;
	tsv_open(&t, "data/plichten.tsv");
	size_t n = 0;
	while (tsv_next(&t)) {
		tsv_expect(&t, 6, 6);
		n++;
	}
	assert_true(n >= 20);
	assert_string_equal(t.path, "data/plichten.tsv");
}

/* Run FN(T) in a child; its exit status and what it wrote to stderr. */
static int in_child(void (*fn)(struct tsv *), struct tsv *t, char *err, size_t cap)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fd[1], 2);
		fn(t);
		_exit(0);
	}
	close(fd[1]);
	size_t len = 0;
	ssize_t k;
	while (len + 1 < cap && (k = read(fd[0], err + len, cap - 1 - len)) > 0)
		len += (size_t)k;
	err[len] = '\0';
	close(fd[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void expect_two(struct tsv *t)
{
	while (tsv_next(t))
		tsv_expect(t, 2, 2);
}

static void open_missing(struct tsv *t)
{
	tsv_open(t, "data/bestaat-niet.tsv");
}

static void split_many(struct tsv *t)
{
	tsv_next(t);
}

static void bad_tables_stop_with_status_3(void **state)
{
	(void)state;
	char err[256];
	struct tsv t;
	tsv_open_text(&t, "data/t.tsv", table, sizeof table - 1);
	assert_int_equal(in_child(expect_two, &t, err, sizeof err), 3);
	assert_string_equal(err, "ovc: interne fout: data/t.tsv:2: 3 velden, verwacht 2\n");
	assert_int_equal(in_child(open_missing, &t, err, sizeof err), 3);
	assert_string_equal(err, "ovc: interne fout: data/bestaat-niet.tsv ontbreekt\n");
	static const char wide[] = "\n1\t2\t3\t4\t5\t6\t7\t8\t9\n";
	tsv_open_text(&t, "data/breed.tsv", wide, sizeof wide - 1);
	assert_int_equal(in_child(split_many, &t, err, sizeof err), 3);
	assert_string_equal(err, "ovc: interne fout: data/breed.tsv:2: meer dan 8 velden\n");
	tsv_open_text(&t, "data/t.tsv", "a\tb\n", 4);
	assert_int_equal(in_child(expect_two, &t, err, sizeof err), 0);
	assert_string_equal(err, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_and_fields),
		cmocka_unit_test(embedded_table),
		cmocka_unit_test(bad_tables_stop_with_status_3),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
