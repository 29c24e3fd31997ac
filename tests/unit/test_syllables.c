/* Unit tests for the Dutch syllable counter (src/check/syllables.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syllables.h"

static int count(const char *w)
{
	return syllables_count(w, strlen(w));
}

/*
 * Share of exact counts in the hand-labelled list PATH (word<TAB>count);
 * prints the figure and every miss as a TAP comment. *N gets the list size.
 */
static double list_share(const char *path, int *n)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char line[256];
	int ok = 0;
	*n = 0;
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		char *tab = strchr(line, '\t');
		assert_non_null(tab);
		*tab = '\0';
		int want = atoi(tab + 1), got = count(line);
		++*n;
		if (got == want)
			ok++;
		else
			printf("# %s: %s telt %d, verwacht %d\n", path, line, got, want);
	}
	fclose(f);
	double share = *n ? 100.0 * ok / *n : 0;
	printf("# %s: %d van %d exact (%.1f %%)\n", path, ok, *n, share);
	return share;
}

static void labelled_list(void **state)
{
	(void)state;
	int n;
	double share = list_share("tests/data/lettergrepen.tsv", &n);
	assert_true(n >= 300);
	assert_true(share >= 95.0);
}

static void control_list(void **state)
{
	(void)state;
	int n;
	double share = list_share("tests/data/lettergrepen-controle.tsv", &n);
	assert_true(n >= 80);
	assert_true(share >= 95.0);
}

static void graphemes(void **state)
{
	(void)state;
	/* Longest vowel spelling first: aai, ooi, oei, eeu, ieu are one nucleus. */
	assert_int_equal(count("draaien"), 2);
	assert_int_equal(count("nieuw"), 1);
	assert_int_equal(count("groeien"), 2);
	/* A trema starts a new syllable; ij is one unit, also capitalised. */
	assert_int_equal(count("beëindigen"), 4);
	assert_int_equal(count("geïnd"), 2);
	assert_int_equal(count("IJsselmeer"), 3);
	assert_int_equal(count("vrijwilliger"), 4);
	/* Hyphenated compounds split for counting. */
	assert_int_equal(count("zonne-energie"), 5);
	assert_int_equal(count("re-integratie"), 5);
	/* Initialisms without vowels are spelled out; numbers have none. */
	assert_int_equal(count("BSN"), 3);
	assert_int_equal(count("2.3"), 0);
	assert_int_equal(count("ÉÉN"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labelled_list),
		cmocka_unit_test(control_list),
		cmocka_unit_test(graphemes),
	};
	return cmocka_run_group_tests_name("syllables", tests, NULL, NULL);
}
