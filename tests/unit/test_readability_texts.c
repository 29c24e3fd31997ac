/*
 * The readability analyser on real text no one here wrote
 * (the .txt files in tests/data/teksten, public-domain law text with its source in the
 * header). The figures and the findings per rule are the calibration
 * recorded in docs/readability.md ("Kalibratie"); a change to the rules or
 * lists that moves them must update that table too.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readability.h"

static const char *const rules[] = {"zin-lang", "zin-gemiddeld", "zin-bijzinnen", "lijdende-vorm",
                                    "lijdende-vorm-aandeel", "naamwoordstijl", "ambtelijk", "afkorting",
                                    "woord-moeilijk", "alinea-lang", NULL};

struct tally {
	int n[16];
	int errors;
};

static void count(void *ctx, const struct readability_finding *f)
{
	struct tally *t = ctx;
	for (int i = 0; rules[i]; i++)
		if (strcmp(rules[i], rule_name(f->rule)) == 0)
			t->n[i]++;
	t->errors += f->severity == SEV_ERROR;
}

/* Analyse PATH paragraph by paragraph (blank lines; '#' header lines skipped). */
static void analyse(const char *path, const char *profile, struct readability_counts *sum, struct tally *t)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = buf;
	while (*p == '#')
		p = strchr(p, '\n') + 1;
	struct readability *rd = readability_new(profile);
	memset(sum, 0, sizeof *sum);
	memset(t, 0, sizeof *t);
	while (*p) {
		while (*p == '\n')
			p++;
		char *e = strstr(p, "\n\n");
		size_t len = e ? (size_t)(e - p) : strlen(p);
		struct readability_counts c;
		readability_check_text(rd, p, len, &c, count, t);
		readability_counts_add(sum, &c);
		p += len;
	}
	readability_check_totals(rd, sum, count, t);
	readability_free(rd);
	struct readability_figures fig;
	readability_figures_compute(sum, &fig);
	printf("# %s (%s): %lu woorden, %lu zinnen, %lu lettergrepen, gzl %.2f, lg/w %.3f, Flesch-Douma %.2f, "
	       "Brouwer %.2f, lijdende vorm %.1f %%\n#  ",
	       path, profile, sum->words, sum->sentences, sum->syllables, fig.asl, fig.asw, fig.flesch_douma,
	       fig.brouwer, 100 * fig.passive_share);
	for (int i = 0; rules[i]; i++)
		printf(" %s %d", rules[i], t->n[i]);
	printf(" (fouten %d)\n", t->errors);
}

static void wmo2015(void **state)
{
	(void)state;
	struct readability_counts c;
	struct readability_figures f;
	struct tally t;
	analyse("tests/data/teksten/wmo2015-par2.3.txt", "B2", &c, &t);
	assert_int_equal(c.words, 1191);
	assert_int_equal(c.sentences, 50);
	assert_int_equal(c.syllables, 2313);
	readability_figures_compute(&c, &f);
	assert_float_equal(f.flesch_douma, 35.48, 0.005);
	assert_float_equal(f.brouwer, 14.18, 0.005);
	const int want[] = {16, 1, 2, 0, 0, 4, 26, 0, 1, 1};
	for (int i = 0; rules[i]; i++)
		assert_int_equal(t.n[i], want[i]);
	assert_int_equal(t.errors, 11);
}

static void participatiewet(void **state)
{
	(void)state;
	struct readability_counts c;
	struct readability_figures f;
	struct tally t;
	analyse("tests/data/teksten/participatiewet-art8-9.txt", "B2", &c, &t);
	assert_int_equal(c.words, 765);
	assert_int_equal(c.sentences, 30);
	assert_int_equal(c.syllables, 1622);
	readability_figures_compute(&c, &f);
	assert_float_equal(f.flesch_douma, 27.58, 0.005);
	assert_float_equal(f.brouwer, 3.75, 0.005);
	const int want[] = {12, 1, 2, 0, 0, 1, 16, 0, 2, 2};
	for (int i = 0; rules[i]; i++)
		assert_int_equal(t.n[i], want[i]);
	assert_int_equal(t.errors, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wmo2015),
		cmocka_unit_test(participatiewet),
	};
	return cmocka_run_group_tests_name("readability_texts", tests, NULL, NULL);
}
