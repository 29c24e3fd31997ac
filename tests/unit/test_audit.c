/*
 * Unit tests for the helpers of issue 22: the hash map behind the lookups
 * (src/strmap.c), the edit distance behind "bedoelt u …?" (src/suggest.c),
 * the PNG decoder (src/illustration.c) and the Dutch errno texts
 * (src/errtext.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errtext.h"
#include "illustration.h"
#include "strmap.h"
#include "suggest.h"

static void strmap_first_wins_and_grows(void **state)
{
	(void)state;
	struct strmap m;
	strmap_init(&m);
	assert_null(strmap_get(&m, "x"));
	static char keys[20000][8];
	static int vals[20000];
	for (int i = 0; i < 20000; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		vals[i] = i;
		assert_ptr_equal(strmap_put(&m, keys[i], &vals[i]), &vals[i]);
	}
	int other = -1;
	/* A second value for a key does not replace the first. */
	assert_ptr_equal(strmap_put(&m, "k17", &other), &vals[17]);
	assert_int_equal(m.count, 20000);
	for (int i = 0; i < 20000; i += 997)
		assert_ptr_equal(strmap_get(&m, keys[i]), &vals[i]);
	assert_ptr_equal(strmap_get_n(&m, "k123456", 4), &vals[123]);
	assert_null(strmap_get(&m, "k20000"));
	assert_null(strmap_get(&m, "k"));
	strmap_release(&m);
}

static int dist(const char *a, const char *b)
{
	return suggest_distance(a, strlen(a), b, strlen(b), 5);
}

static void distances(void **state)
{
	(void)state;
	assert_int_equal(dist("Partcipatiewet", "Participatiewet"), 1);
	assert_int_equal(dist("Wmo 2105", "Wmo 2015"), 1); /* two neighbours swapped */
	assert_int_equal(dist("WMO", "wmo"), 0);
	assert_int_equal(dist("melding", "meldng"), 1);
	assert_int_equal(dist("kitten", "sitting"), 3);
	assert_int_equal(dist("", "abc"), 3);
	/* Beyond the limit: any value above it. */
	assert_true(suggest_distance("kort", 4, "heel anders", 11, 2) > 2);
}

static void suggestion(void **state)
{
	(void)state;
	struct suggest s;
	suggest_init(&s, "wonn", 4);
	suggest_add(&s, "meedoen");
	suggest_add(&s, "wonen");
	suggest_add(&s, "wonen2");
	assert_string_equal(s.best, "wonen");
	/* Too far: nothing. */
	suggest_init(&s, "sport", 5);
	suggest_add(&s, "wonen");
	suggest_add(&s, "meedoen");
	assert_null(s.best);
	/* The same word is no suggestion. */
	suggest_init(&s, "wonen", 5);
	suggest_add(&s, "Wonen");
	assert_null(s.best);
}

static void png_decoder(void **state)
{
	(void)state;
	/* A 1x1 greyscale PNG, made by hand: signature, IHDR, IDAT, IEND. */
	static const unsigned char ok[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
		0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0,
		0x3a, 0x7e, 0x9b, 0x55,
		0, 0, 0, 10, 'I', 'D', 'A', 'T', 0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01,
		0x48, 0xaf, 0xa4, 0x71,
		0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
	};
	assert_null(illustration_png_problem(ok, sizeof ok));
	unsigned char bad[sizeof ok];
	memcpy(bad, ok, sizeof ok);
	bad[29] ^= 1; /* the IHDR's CRC */
	assert_string_equal(illustration_png_problem(bad, sizeof bad),
	                    "de controlesom (CRC) van een chunk klopt niet: het bestand is beschadigd");
	assert_string_equal(illustration_png_problem(ok, sizeof ok - 12),
	                    "het einde (IEND) ontbreekt: het bestand is afgebroken");
	assert_string_equal(illustration_png_problem((const unsigned char *)"GIF89a", 6),
	                    "is geen PNG-bestand (de PNG-handtekening ontbreekt)");
	assert_string_equal(illustration_png_problem((const unsigned char *)"\xff\xd8\xff\xe0", 4),
	                    "is een JPEG-bestand met de extensie .png; sla het op als PNG (bijvoorbeeld "
	                    "met een tekenprogramma of 'convert x.jpg x.png')");
}

static void errno_in_dutch(void **state)
{
	(void)state;
	assert_string_equal(errtext(ENOSPC), "de schijf is vol; maak ruimte vrij en probeer het opnieuw");
	assert_string_equal(errtext(ENOENT), "bestaat niet; controleer de naam en de map");
	assert_string_equal(errtext(EACCES), "geen toegang; controleer de rechten (ls -l)");
	assert_string_equal(errtext(12345), "systeemfout");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strmap_first_wins_and_grows),
		cmocka_unit_test(distances),
		cmocka_unit_test(suggestion),
		cmocka_unit_test(png_decoder),
		cmocka_unit_test(errno_in_dutch),
	};
	return cmocka_run_group_tests_name("audit", tests, NULL, NULL);
}
