/* Unit tests for the reference scanner (src/model/refs.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "laws.h"
#include "refs.h"
#include "util.h"

/*
 * Describe every citation found in TEXT, one per line:
 *   «whole citation» law=… | kind num lid point sub «link text»; …
 * and every style finding as: stijl «found» -> fix
 */
static char *describe(const char *text)
{
	static const char *kinds[] = {"art", "hfd", "par", "deel", "lid", "ond", "dit"};
	static const char *thiss[] = {"artikel", "hoofdstuk", "paragraaf", "deel", "verordening", "lid"};
	struct ref_scan sc;
	ref_scan_init(&sc);
	refs_scan(text, strlen(text), NULL, &sc);
	struct strbuf sb;
	strbuf_init(&sb);
	size_t nlaws;
	const struct law *laws = laws_table(&nlaws);
	for (size_t i = 0; i < sc.nrefs; i++) {
		const struct ref *r = &sc.refs[i];
		strbuf_printf(&sb, "«%.*s»", (int)(r->end - r->start), text + r->start);
		if (r->law >= 0)
			strbuf_printf(&sb, " law=%s", laws[r->law].id);
		else if (r->law == REF_UNKNOWN_LAW)
			strbuf_printf(&sb, " law=?«%.*s»", (int)(r->law_end - r->law_start), text + r->law_start);
		for (size_t j = 0; j < r->nitems; j++) {
			const struct ref_item *it = &r->items[j];
			strbuf_printf(&sb, " | %s", kinds[it->kind]);
			if (it->kind == RK_THIS)
				strbuf_printf(&sb, " %s", thiss[it->this_kind]);
			if (it->num[0])
				strbuf_printf(&sb, " %s", it->num);
			if (it->lid)
				strbuf_printf(&sb, " lid=%d", it->lid);
			if (it->point[0])
				strbuf_printf(&sb, " ond=%s", it->point);
			if (it->sub[0])
				strbuf_printf(&sb, " sub=%s", it->sub);
			if (it->aanhef)
				strbuf_puts(&sb, " aanhef");
			if (it->range_end)
				strbuf_puts(&sb, " tm");
			strbuf_printf(&sb, " «%.*s»", (int)(it->end - it->start), text + it->start);
		}
		strbuf_putc(&sb, '\n');
	}
	for (size_t i = 0; i < sc.nstyle; i++)
		strbuf_printf(&sb, "stijl «%s» -> «%s»\n", sc.style[i].found, sc.style[i].fix);
	ref_scan_release(&sc);
	return strbuf_detach(&sb, NULL);
}

#define EXPECT(text, want)                                  \
	do {                                                    \
		char *got = describe(text);                         \
		if (strcmp(got, want) != 0)                         \
			print_error("text: %s\ngot:\n%swant:\n%s", text, got, want); \
		assert_string_equal(got, want);                     \
		free(got);                                          \
	} while (0)

static void article_lid_onderdeel(void **state)
{
	(void)state;
	EXPECT("zie artikel 7.2, tweede lid, onder a.",
	       "«artikel 7.2, tweede lid, onder a» | art 7.2 lid=2 ond=a «artikel 7.2, tweede lid, onder a»\n");
	EXPECT("artikel 10, onderdeel a, onder 2°",
	       "«artikel 10, onderdeel a, onder 2°» | art 10 ond=a sub=2 «artikel 10, onderdeel a, onder 2°»\n");
	EXPECT("artikel 9, eerste lid, aanhef en onderdeel b",
	       "«artikel 9, eerste lid, aanhef en onderdeel b» | art 9 lid=1 ond=b aanhef «artikel 9, eerste lid, aanhef en onderdeel b»\n");
	EXPECT("artikel 9, eerste lid, aanhef, geldt",
	       "«artikel 9, eerste lid, aanhef» | art 9 lid=1 aanhef «artikel 9, eerste lid»\n");
	EXPECT("Artikel 3.1 is van toepassing",
	       "«Artikel 3.1» | art 3.1 «Artikel 3.1»\n");
}

static void plural_and_ranges(void **state)
{
	(void)state;
	EXPECT("de artikelen 7.1 tot en met 7.4 gelden",
	       "«de artikelen 7.1 tot en met 7.4» | art 7.1 «artikelen 7.1» | art 7.4 tm «7.4»\n");
	EXPECT("artikel 3.4 of 3.5", "«artikel 3.4 of 3.5» | art 3.4 «artikel 3.4» | art 3.5 «3.5»\n");
	EXPECT("artikel 3.4 en 3.5", "«artikel 3.4 en 3.5» | art 3.4 «artikel 3.4» | art 3.5 «3.5»\n");
	EXPECT("artikel 3.4 en 3 weken", "«artikel 3.4» | art 3.4 «artikel 3.4»\n");
	EXPECT("het eerste en tweede lid",
	       "«het eerste en tweede lid» | lid lid=1 «het eerste» | lid lid=2 «tweede lid»\n");
}

static void relative_and_deictic(void **state)
{
	(void)state;
	EXPECT("Het vorige lid geldt.", "«Het vorige lid» | lid lid=-1 «Het vorige lid»\n");
	EXPECT("het derde lid, onder b", "«het derde lid, onder b» | lid lid=3 ond=b «het derde lid, onder b»\n");
	EXPECT("het tweede lid van artikel 4.1",
	       "«het tweede lid van artikel 4.1» | art 4.1 lid=2 «het tweede lid van artikel 4.1»\n");
	EXPECT("dit artikel en deze verordening",
	       "«dit artikel» | dit artikel «dit artikel»\n«deze verordening» | dit verordening «deze verordening»\n");
	EXPECT("in dit hoofdstuk", "«dit hoofdstuk» | dit hoofdstuk «dit hoofdstuk»\n");
	EXPECT("hoofdstuk 3 en Deel 2", "«hoofdstuk 3» | hfd 3 «hoofdstuk 3»\n«Deel 2» | deel 2 «Deel 2»\n");
	EXPECT("paragraaf 7.1", "«paragraaf 7.1» | par 7.1 «paragraaf 7.1»\n");
}

static void external_laws(void **state)
{
	(void)state;
	EXPECT("artikel 2.1.3 van de Wmo 2015",
	       "«artikel 2.1.3 van de Wmo 2015» law=wmo | art 2.1.3 «artikel 2.1.3»\n");
	EXPECT("artikel 8 Participatiewet", "«artikel 8 Participatiewet» law=participatiewet | art 8 «artikel 8»\n");
	EXPECT("artikel 4:13 Awb", "«artikel 4:13 Awb» law=awb | art 4:13 «artikel 4:13»\n");
	EXPECT("artikel 1:3, derde lid, van de Awb",
	       "«artikel 1:3, derde lid, van de Awb» law=awb | art 1:3 lid=3 «artikel 1:3, derde lid»\n");
	EXPECT("de artikelen 8 en 8a van de Participatiewet",
	       "«de artikelen 8 en 8a van de Participatiewet» law=participatiewet | art 8 «artikelen 8» | art 8a «8a»\n");
	EXPECT("hoofdstuk 10 van de Awb", "«hoofdstuk 10 van de Awb» law=awb | hfd 10 «hoofdstuk 10»\n");
	EXPECT("de Jeugdwet. Artikel 2.9 van die wet",
	       "«Jeugdwet» law=jeugdwet\n«Artikel 2.9 van die wet» law=jeugdwet | art 2.9 «Artikel 2.9»\n");
	EXPECT("artikel 8, eerste lid, onder a en c, van de Participatiewet",
	       "«artikel 8, eerste lid, onder a en c, van de Participatiewet» law=participatiewet | art 8 lid=1 ond=a «artikel 8, eerste lid, onder a» | art 8 lid=1 ond=c «c»\n");
	EXPECT("Artikel 8a, eerste lid, onder c, en tweede lid, van de Participatiewet",
	       "«Artikel 8a, eerste lid, onder c, en tweede lid, van de Participatiewet» law=participatiewet | art 8a lid=1 ond=c «Artikel 8a, eerste lid, onder c» | art 8a lid=2 «tweede lid»\n");
	EXPECT("de artikelen 2.9, 2.12 en 8.1.1 van de Jeugdwet",
	       "«de artikelen 2.9, 2.12 en 8.1.1 van de Jeugdwet» law=jeugdwet | art 2.9 «artikelen 2.9» | art 2.12 «2.12» | art 8.1.1 «8.1.1»\n");
	EXPECT("de IOAW. Artikel 20 van beide wetten",
	       "«IOAW» law=ioaw\n«Artikel 20 van beide wetten» law=ioaw | art 20 «Artikel 20»\n");
	EXPECT("Het tweede lid, onder a, van dat artikel", "");
	EXPECT("artikel 5 van de Wet op de maantoeslag geldt",
	       "«artikel 5 van de Wet op de maantoeslag» law=?«Wet op de maantoeslag» | art 5 «artikel 5»\n");
	EXPECT("de Wmo-consulent", "");
}

/* Forms real texts write (issue 13); the expected lines are checked by hand. */
static void real_text_forms(void **state)
{
	(void)state;
	EXPECT("art. 10 en artt. 3",
	       "«art. 10» | art 10 «art. 10»\n«artt. 3» | art 3 «artt. 3»\n");
	EXPECT("het eerste tot en met het derde lid",
	       "«het eerste tot en met het derde lid» | lid lid=1 «het eerste» | lid lid=3 «derde lid»\n");
	EXPECT("artikel 2:1, tweede lid; artikel 6:6 van de Awb",
	       "«artikel 2:1, tweede lid; artikel 6:6 van de Awb» law=awb | art 2:1 lid=2 «artikel 2:1, tweede lid» | art 6:6 «artikel 6:6»\n");
	EXPECT("artikel 453 van Boek 7 van het Burgerlijk Wetboek",
	       "«artikel 453 van Boek 7 van het Burgerlijk Wetboek» law=BWBR0005290 | art 453 «artikel 453»\n");
	EXPECT("artikel 7:453 BW",
	       "«artikel 7:453 BW» law=BWBR0005290 | art 453 «artikel 7:453»\n");
	EXPECT("artikel 2. 9 van de Jeugdwet",
	       "«artikel 2. 9 van de Jeugdwet» law=jeugdwet | art 2.9 «artikel 2. 9»\nstijl «2. 9» -> «2.9»\n");
	EXPECT("artikel 7:13 van de Awb en 149 van de Gemeentewet",
	       "«artikel 7:13 van de Awb» law=awb | art 7:13 «artikel 7:13»\n«149 van de Gemeentewet» law=gemeentewet | art 149 «149»\n");
	EXPECT("artikel 3.4 en 3 weken",
	       "«artikel 3.4» | art 3.4 «artikel 3.4»\n");
	EXPECT("artikel 2. Het college",
	       "«artikel 2» | art 2 «artikel 2»\n");
}

static void style_findings(void **state)
{
	(void)state;
	EXPECT("artikel 7.2 lid 2",
	       "«artikel 7.2 lid 2» | art 7.2 lid=2 «artikel 7.2 lid 2»\nstijl «lid 2» -> «, tweede lid»\n");
	EXPECT("in lid 3 staat", "stijl «lid 3» -> «het derde lid»\n");
	EXPECT("artikel 5, sub a", "«artikel 5, sub a» | art 5 ond=a «artikel 5, sub a»\nstijl «sub a» -> «onder a»\n");
	EXPECT("letter b van het tweede lid",
	       "«het tweede lid» | lid lid=2 «het tweede lid»\nstijl «letter b» -> «onder b»\n");
}

static void prose_traps(void **state)
{
	(void)state;
	EXPECT("een bedrag van € 2.500 per jaar", "");
	EXPECT("op 1 januari 2027 en 12.30 uur", "");
	EXPECT("een lid van de raad", "");
	EXPECT("het eerste lid van de commissie", "");
	EXPECT("de artikelen in dit deel", "«dit deel» | dit deel «dit deel»\n");
	EXPECT("de artikelen zijn kort", "");
	EXPECT("een deel van de kosten", "");
	EXPECT("onder andere", "");
	EXPECT("subsidie", "");
}

/*
 * Fuzz reproducer tests/fuzz/regress/refs/lid-aan-het-einde: the scanner
 * read the digits of "lid 2" with atoi past the LEN bytes it was given
 * (heap overflow on "Zie lid 00" at the end of a buffer). Here the text
 * goes on with digits after LEN: they are not part of the number.
 */
static void digits_end_at_len(void **state)
{
	(void)state;
	const char *text = "Zie lid 234";
	struct ref_scan sc;
	ref_scan_init(&sc);
	refs_scan(text, 9, NULL, &sc);
	assert_int_equal(sc.nstyle, 1);
	assert_string_equal(sc.style[0].found, "lid 2");
	assert_string_equal(sc.style[0].fix, "het tweede lid");
	ref_scan_release(&sc);
	/* Forty digits: no overflow; reading stops past 1,000,000, no ordinal. */
	EXPECT("artikel 7.2 lid 1234567890123456789012345678901234567890",
	       "«artikel 7.2 lid 1234567890123456789012345678901234567890» | art 7.2 lid=1234567 "
	       "«artikel 7.2 lid 1234567890123456789012345678901234567890»\n"
	       "stijl «lid 1234567890123456789012345678901234567890» -> «, … lid»\n");
}

/* Found by fuzz_refs: "onderdeel a van bijlage 1 bij deze" not followed by
 * "regeling" looked for "verordening" at offset 0, so the citation ended
 * before it began (and a text starting with "verordening" looped). */
static void annex_point_span_in_order(void **state)
{
	(void)state;
	const char *text = "verordening: onderdeel a van bijlage 1 bij deze regels";
	struct ref_scan sc;
	ref_scan_init(&sc);
	refs_scan(text, strlen(text), NULL, &sc);
	for (size_t i = 0; i < sc.nrefs; i++)
		assert_true(sc.refs[i].start < sc.refs[i].end && sc.refs[i].end <= strlen(text));
	assert_int_equal(sc.nrefs, 1);
	assert_int_equal(sc.refs[0].start, 13);
	assert_int_equal(sc.refs[0].end, 38); /* "onderdeel a van bijlage 1" */
	ref_scan_release(&sc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(article_lid_onderdeel), cmocka_unit_test(plural_and_ranges),
		cmocka_unit_test(relative_and_deictic),  cmocka_unit_test(external_laws), cmocka_unit_test(real_text_forms),
		cmocka_unit_test(style_findings),        cmocka_unit_test(prose_traps),
		cmocka_unit_test(digits_end_at_len),     cmocka_unit_test(annex_point_span_in_order),
	};
	return cmocka_run_group_tests_name("refs", tests, NULL, NULL);
}
