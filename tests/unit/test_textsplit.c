/* Unit tests for the tokeniser and sentence splitter (src/check/textsplit.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textsplit.h"
#include "util.h"

/* A fixed abbreviation list for these tests; "enz" may end a sentence. */
static int abbrev(void *ctx, const char *lower, size_t len)
{
	static const char *const never[] = {"art", "bijv", "o.a", "d.w.z", "nr", "mr", "jo", NULL};
	(void)ctx;
	if (len == 3 && memcmp(lower, "enz", 3) == 0)
		return 2;
	for (size_t i = 0; never[i]; i++)
		if (strlen(never[i]) == len && memcmp(never[i], lower, len) == 0)
			return 1;
	return 0;
}

/*
 * The sentences of TEXT, each as «text», joined by " | "; an item that
 * continues a lead-in is written «lead-in» + «item».
 */
static char *sentences(const char *text)
{
	static char out[2048];
	struct textsplit ts;
	textsplit_init(&ts, abbrev, NULL);
	textsplit_add(&ts, text, strlen(text), 0, 0);
	out[0] = '\0';
	size_t n = 0;
	for (size_t i = 0; i < ts.nsent; i++) {
		const struct textsplit_sentence *s = &ts.sent[i];
		if (s->is_lead)
			continue;
		char one[512];
		if (s->lead >= 0) {
			const struct textsplit_sentence *l = &ts.sent[s->lead];
			snprintf(one, sizeof one, "«%.*s» + «%.*s»", (int)(l->end - l->start), text + l->start,
			         (int)(s->end - s->start), text + s->start);
		} else {
			snprintf(one, sizeof one, "«%.*s»", (int)(s->end - s->start), text + s->start);
		}
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s", n ? " | " : "", one);
	}
	textsplit_release(&ts);
	return out;
}

/* The word and number tokens of TEXT, joined by spaces, labels as [x]. */
static char *tokens(const char *text)
{
	static char out[1024];
	struct textsplit ts;
	textsplit_init(&ts, abbrev, NULL);
	textsplit_add(&ts, text, strlen(text), 0, 0);
	size_t n = 0;
	out[0] = '\0';
	for (size_t i = 0; i < ts.ntok; i++) {
		const struct textsplit_token *t = &ts.tok[i];
		if (t->kind == TS_PUNCT)
			continue;
		const char *open = t->kind == TS_LABEL ? "[" : t->kind == TS_NUMBER ? "#" : "";
		const char *close = t->kind == TS_LABEL ? "]" : "";
		n += (size_t)snprintf(out + n, sizeof out - n, "%s%s%.*s%s", n ? " " : "", open,
		                      (int)(t->end - t->start), text + t->start, close);
	}
	textsplit_release(&ts);
	return out;
}

static void abbreviations(void **state)
{
	(void)state;
	assert_string_equal(sentences("Zie art. 2 van de wet. Dat is bijv. een regel."),
	                    "«Zie art. 2 van de wet.» | «Dat is bijv. een regel.»");
	assert_string_equal(sentences("Dit geldt o.a. voor ouders, d.w.z. voor wie zorgt. Mr. Jansen beslist."),
	                    "«Dit geldt o.a. voor ouders, d.w.z. voor wie zorgt.» | «Mr. Jansen beslist.»");
	/* enz. may end a sentence; before a lower-case word it does not. */
	assert_string_equal(sentences("Huur, gas enz. Daarna komt de rest."),
	                    "«Huur, gas enz.» | «Daarna komt de rest.»");
	assert_string_equal(sentences("Huur, gas enz. zijn vaste lasten."), "«Huur, gas enz. zijn vaste lasten.»");
	assert_string_equal(sentences("Besluit nr. 12 geldt."), "«Besluit nr. 12 geldt.»");
}

static void numbers_and_amounts(void **state)
{
	(void)state;
	assert_string_equal(sentences("Zie artikel 2.3 en 1.1.1 van de wet. Ook artikel 4:13 Awb geldt."),
	                    "«Zie artikel 2.3 en 1.1.1 van de wet.» | «Ook artikel 4:13 Awb geldt.»");
	assert_string_equal(tokens("artikel 2.3, 1.1.1 en 4:13 kost € 2.500,50"),
	                    "artikel #2.3 #1.1.1 en #4:13 kost #2.500,50");
	assert_string_equal(sentences("U krijgt € 1.250,00 per jaar. Dat is veel."),
	                    "«U krijgt € 1.250,00 per jaar.» | «Dat is veel.»");
}

static void headings_and_labels(void **state)
{
	(void)state;
	/* A heading line without punctuation is a sentence of its own. */
	assert_string_equal(sentences("Wat u moet weten\nU krijgt een brief."),
	                    "«Wat u moet weten» | «U krijgt een brief.»");
	/* A list label at the start of a line is no sentence. */
	assert_string_equal(tokens("a. de naam;\n1° het adres"), "[a.] de naam [1°] het adres");
}

static void enumerations(void **state)
{
	(void)state;
	assert_string_equal(sentences("De aanvraag bevat: a. de naam; b. het adres; en c. de datum."),
	                    "«De aanvraag bevat:» + «a. de naam;» | «De aanvraag bevat:» + «b. het adres;» | "
	                    "«De aanvraag bevat:» + «en c. de datum.»");
	assert_string_equal(sentences("De aanvraag bevat:\n1. de naam;\n2. het adres.\nDaarna beslist het college."),
	                    "«De aanvraag bevat:» + «1. de naam;» | «De aanvraag bevat:» + «2. het adres.» | "
	                    "«Daarna beslist het college.»");
	/* Items as separate segments: depth 0 lead-in, depth 1 items. */
	struct textsplit ts;
	textsplit_init(&ts, abbrev, NULL);
	const char *lead = "Het college kijkt naar:", *a = "de kosten;", *b = "de wensen.";
	textsplit_add(&ts, lead, strlen(lead), 0, 0);
	textsplit_add(&ts, a, strlen(a), 1, 1);
	textsplit_add(&ts, b, strlen(b), 2, 1);
	assert_int_equal(ts.nsent, 3);
	assert_true(ts.sent[0].is_lead);
	assert_int_equal(ts.sent[1].lead, 0);
	assert_int_equal(ts.sent[2].lead, 0);
	assert_int_equal(ts.sent[1].seg, 1);
	textsplit_release(&ts);
}

static void quotes_and_hyphens(void **state)
{
	(void)state;
	assert_string_equal(sentences("Hij zei: \"Ik kom morgen.\" Toen ging hij weg."),
	                    "«Hij zei: \"Ik kom morgen.\"» | «Toen ging hij weg.»");
	assert_string_equal(sentences("Zij schreef ‘dat is goed.’ Daarna niets."),
	                    "«Zij schreef ‘dat is goed.’» | «Daarna niets.»");
	/* One token with an inner hyphen (the counter splits it for syllables). */
	assert_string_equal(tokens("zonne-energie en auto's in 's-Hertogenbosch"),
	                    "zonne-energie en auto's in 's-Hertogenbosch");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(abbreviations),       cmocka_unit_test(numbers_and_amounts),
		cmocka_unit_test(headings_and_labels), cmocka_unit_test(enumerations),
		cmocka_unit_test(quotes_and_hyphens),
	};
	return cmocka_run_group_tests_name("textsplit", tests, NULL, NULL);
}
