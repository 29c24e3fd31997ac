#include "stats.h"

#include "check_readability.h"
#include "model.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---- JSON ---------------------------------------------------------------------- */

static void json_number(struct strbuf *sb, const char *key, double x, int decimals, int valid)
{
	if (valid)
		strbuf_printf(sb, ",\"%s\":%.*f", key, decimals, x);
	else
		strbuf_printf(sb, ",\"%s\":null", key);
}

static void json_counts(struct strbuf *sb, const struct readability_counts *c)
{
	struct readability_figures f;
	readability_figures_compute(c, &f);
	strbuf_printf(sb,
	              "{\"words\":%lu,\"sentences\":%lu,\"syllables\":%lu,\"letter_words\":%lu,\"long_words\":%lu,"
	              "\"passive\":%lu,\"max_sentence\":%lu",
	              c->words, c->sentences, c->syllables, c->letter_words, c->long_words, c->passive, c->max_sentence);
	json_number(sb, "asl", f.asl, 2, f.valid);
	json_number(sb, "asw", f.asw, 3, f.valid);
	json_number(sb, "flesch_douma", f.flesch_douma, 2, f.valid);
	json_number(sb, "brouwer", f.brouwer, 2, f.valid);
	json_number(sb, "long_share", f.long_share, 3, f.valid);
	json_number(sb, "passive_share", f.passive_share, 3, f.valid);
	strbuf_putc(sb, '}');
}

void stats_print_json(const struct ordinance *o, const struct rd_stats *st, FILE *out)
{
	(void)o;
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "{\"articles\":[");
	for (size_t i = 0; i < st->nart; i++) {
		const struct rd_article *a = &st->art[i];
		strbuf_puts(&sb, i ? ",\n{\"number\":" : "\n{\"number\":");
		strbuf_json_string(&sb, a->article->num ? a->article->num : "");
		strbuf_puts(&sb, ",\"eId\":");
		strbuf_json_string(&sb, a->article->eid ? a->article->eid : "");
		strbuf_puts(&sb, ",\"title\":");
		strbuf_json_string(&sb, a->article->title ? a->article->title : "");
		strbuf_puts(&sb, ",\"legal\":");
		json_counts(&sb, &a->legal);
		strbuf_puts(&sb, ",\"citizen\":");
		if (a->has_citizen)
			json_counts(&sb, &a->citizen);
		else
			strbuf_puts(&sb, "null");
		strbuf_putc(&sb, '}');
	}
	strbuf_puts(&sb, "],\n\"edition\":{\"legal\":");
	json_counts(&sb, &st->legal);
	strbuf_puts(&sb, ",\"citizen\":");
	if (st->citizen.words)
		json_counts(&sb, &st->citizen);
	else
		strbuf_puts(&sb, "null");
	strbuf_puts(&sb, "},\n\"profiles\":{\"legal\":\"B2\",\"citizen\":\"B1\"}}\n");
	fwrite(sb.buf, 1, sb.len, out);
	strbuf_release(&sb);
}

/* ---- Table ------------------------------------------------------------------------ */

/* A figure with a decimal comma, right-aligned in WIDTH columns; "–" when not valid. */
static void cell(FILE *out, double x, int decimals, int width, int valid)
{
	char buf[32];
	if (!valid) {
		/* The dash is 3 bytes but one column wide. */
		fprintf(out, " %*s–", width - 1, "");
		return;
	}
	fprintf(out, " %*s", width, readability_format_decimal(x, decimals, buf, sizeof buf));
}

static void row(FILE *out, const struct readability_counts *c, int present)
{
	struct readability_figures f;
	readability_figures_compute(c, &f);
	if (!present) {
		fprintf(out, " %7s– %6s– %5s– %5s– %6s– %7s–", "", "", "", "", "", "");
		return;
	}
	fprintf(out, " %8lu %7lu", c->words, c->sentences);
	cell(out, f.asl, 1, 6, f.valid);
	cell(out, f.asw, 2, 6, f.valid);
	cell(out, f.flesch_douma, 1, 7, f.valid);
	cell(out, f.brouwer, 1, 8, f.valid);
}

void stats_print_table(const struct ordinance *o, const struct rd_stats *st, FILE *out)
{
	(void)o;
	static const char head[] = "  woorden  zinnen    gzl   lg/w   douma  brouwer";
	fprintf(out, "%-9s%s   |%s\n", "", "  juridische tekst (B2)                          ",
	        "  voor inwoners (B1)");
	fprintf(out, "%-9s%s   |%s\n", "artikel", head, head);
	for (size_t i = 0; i < st->nart; i++) {
		const struct rd_article *a = &st->art[i];
		fprintf(out, "%-9s", a->article->num ? a->article->num : "?");
		row(out, &a->legal, 1);
		fputs("   |", out);
		row(out, &a->citizen, a->has_citizen);
		fputc('\n', out);
	}
	fprintf(out, "%-9s", "editie");
	row(out, &st->legal, 1);
	fputs("   |", out);
	row(out, &st->citizen, st->citizen.words > 0);
	fputc('\n', out);
	fputs("\ngzl: gemiddelde zinslengte in woorden; lg/w: lettergrepen per woord;\n"
	      "douma: Flesch-Douma (206,84 - 77 x lg/w - 0,93 x gzl); brouwer: Leesindex A\n"
	      "(195 - 2 x gzl - 66,67 x lg/w). Hoger is makkelijker; ter informatie.\n",
	      out);
}
