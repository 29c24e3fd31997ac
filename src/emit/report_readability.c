#include "report_readability.h"

#include "check_readability.h"
#include "model.h"
#include "output.h"
#include "source.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* ---- Small writers ------------------------------------------------------------ */

static void esc_n(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		switch (s[i]) {
		case '&': strbuf_puts(sb, "&amp;"); break;
		case '<': strbuf_puts(sb, "&lt;"); break;
		case '>': strbuf_puts(sb, "&gt;"); break;
		case '"': strbuf_puts(sb, "&quot;"); break;
		default: strbuf_putc(sb, s[i]);
		}
	}
}

static void esc(struct strbuf *sb, const char *s)
{
	esc_n(sb, s ? s : "", s ? strlen(s) : 0);
}

/* X with a decimal comma. */
static const char *dec(double x, int decimals, char *buf, size_t cap)
{
	return readability_format_decimal(x, decimals, buf, cap);
}

/* ---- Figures --------------------------------------------------------------------- */

static const char css[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;line-height:1.5;color:#1a1a1a;"
	"background:#fff;margin:0}"
	"main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}"
	"h1{font-size:1.75rem;margin:.5rem 0 1rem}h2{font-size:1.35rem;margin-top:2.5rem;border-top:1px solid #ccc;"
	"padding-top:1rem}h3{font-size:1.1rem;margin-top:1.5rem}"
	".wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}"
	"table{border-collapse:collapse;font-variant-numeric:tabular-nums;margin:.5rem 0 1rem}"
	"th,td{padding:.25rem .5rem;border-bottom:1px solid #ddd;text-align:right;vertical-align:top}"
	"th{background:#f2f2f2}th[scope=row],td.l,th.l{text-align:left}"
	"caption{text-align:left;font-weight:600;padding:.25rem 0}"
	"figure{margin:1rem 0}figcaption{font-size:.95rem;color:#333}"
	"svg{max-width:100%;height:auto;display:block}"
	"@media (max-width:40rem){figure svg{max-width:none;width:36rem}}"
	".over{color:#a4000f;font-weight:600}"
	"ol.zinnen li{margin:.5rem 0}.plaats{color:#444;font-size:.9rem}"
	"a{color:#0b4f8a}a:focus{outline:3px solid #f5a623;outline-offset:1px}"
	".legenda span{display:inline-block;width:1rem;height:.8rem;margin:0 .3rem 0 .8rem;vertical-align:middle}"
	"@media (max-width:40rem){main{padding:.75rem}th,td{padding:.2rem .35rem;font-size:.9rem}}";

#define C_LEGAL "#1f4e79"
#define C_CITIZEN "#b35900"

/* A figure cell; marked (and said in words for screen readers) when OVER. */
static void td_num(struct strbuf *sb, const char *text, int over)
{
	if (over)
		strbuf_printf(sb, "<td class=\"over\">%s<span class=\"sr\"> (boven de grens)</span></td>", text);
	else
		strbuf_printf(sb, "<td>%s</td>", text);
}

static void counts_cells(struct strbuf *sb, const struct readability_counts *c, int present, int asl_warn)
{
	char b[32];
	struct readability_figures f;
	if (!present) {
		strbuf_puts(sb, "<td>–</td><td>–</td><td>–</td><td>–</td><td>–</td><td>–</td>");
		return;
	}
	readability_figures_compute(c, &f);
	strbuf_printf(sb, "<td>%lu</td><td>%lu</td>", c->words, c->sentences);
	if (!f.valid) {
		strbuf_puts(sb, "<td>–</td><td>–</td><td>–</td><td>–</td>");
		return;
	}
	td_num(sb, dec(f.asl, 1, b, sizeof b), f.asl > asl_warn);
	strbuf_printf(sb, "<td>%s</td>", dec(f.asw, 2, b, sizeof b));
	strbuf_printf(sb, "<td>%s</td>", dec(f.flesch_douma, 1, b, sizeof b));
	strbuf_printf(sb, "<td>%s</td>", dec(f.brouwer, 1, b, sizeof b));
}

static void table_head(struct strbuf *sb, const char *caption)
{
	strbuf_puts(sb, "<div class=\"wrap\" tabindex=\"0\" role=\"region\" aria-label=\"");
	esc(sb, caption);
	strbuf_puts(sb, " (schuift)\"><table><caption>");
	esc(sb, caption);
	strbuf_puts(sb, "</caption><thead><tr><th class=\"l\" rowspan=\"2\" scope=\"col\">Artikel</th>"
	                "<th colspan=\"6\" scope=\"colgroup\">Juridische tekst (B2)</th>"
	                "<th colspan=\"6\" scope=\"colgroup\">Voor inwoners (B1)</th></tr><tr>");
	for (int i = 0; i < 2; i++)
		strbuf_puts(sb, "<th scope=\"col\">woorden</th><th scope=\"col\">zinnen</th>"
		                "<th scope=\"col\"><abbr title=\"gemiddelde zinslengte in woorden\">gzl</abbr></th>"
		                "<th scope=\"col\"><abbr title=\"lettergrepen per woord\">lg/w</abbr></th>"
		                "<th scope=\"col\">Flesch-Douma</th><th scope=\"col\">Brouwer</th>");
	strbuf_puts(sb, "</tr></thead><tbody>");
}

static void article_row(struct strbuf *sb, const struct rd_stats *st, const struct rd_article *a)
{
	strbuf_puts(sb, "<tr><th scope=\"row\" class=\"l\"><a href=\"verordening.html#");
	esc(sb, a->article->eid);
	strbuf_puts(sb, "\">Artikel ");
	esc(sb, a->article->num);
	strbuf_puts(sb, "</a> ");
	esc(sb, a->article->title);
	strbuf_puts(sb, "</th>");
	counts_cells(sb, &a->legal, 1, st->asl_warn[0]);
	counts_cells(sb, &a->citizen, a->has_citizen, st->asl_warn[1]);
	strbuf_puts(sb, "</tr>");
}

/* ---- Charts ------------------------------------------------------------------------- */

enum metric { M_ASL, M_FD };

static double metric_of(const struct readability_counts *c, enum metric m, int *valid)
{
	struct readability_figures f;
	readability_figures_compute(c, &f);
	*valid = f.valid;
	return m == M_ASL ? f.asl : f.flesch_douma;
}

/*
 * One bar chart: per article a B2 bar and a B1 bar of metric M, with the
 * two profiles' limits as dashed lines. Arts [FIRST, FIRST + N).
 */
static void chart(struct strbuf *sb, const struct rd_stats *st, size_t first, size_t n, enum metric m,
                  const char *id, const char *part)
{
	const double W = 760, H = 260, left = 44, right = 96, top = 14, bottom = 40;
	const double ymax = m == M_ASL ? 30 : 120;
	const int step = m == M_ASL ? 5 : 20;
	double pw = W - left - right, ph = H - top - bottom, band = pw / (double)(n ? n : 1);
	double bw = band * 0.36 > 16 ? 16 : band * 0.36;
	const char *what = m == M_ASL ? "gemiddelde zinslengte" : "Flesch-Douma";
	char b[32], b2[32];

	/* The description: limits, and the articles past them. */
	struct strbuf desc;
	strbuf_init(&desc);
	int lim[2];
	for (int p = 0; p < 2; p++)
		lim[p] = m == M_ASL ? st->asl_warn[p] : st->fd_ref[p];
	if (m == M_ASL)
		strbuf_printf(&desc, "Staafdiagram van de gemiddelde zinslengte in woorden per artikel, voor de "
		                     "juridische tekst (grens B2: %d) en de tekst voor inwoners (grens B1: %d).",
		              lim[0], lim[1]);
	else
		strbuf_printf(&desc, "Staafdiagram van de Flesch-Douma-score per artikel (hoger is makkelijker), voor "
		                     "de juridische tekst (richtwaarde B2: %d) en de tekst voor inwoners (richtwaarde B1: "
		                     "%d).",
		              lim[0], lim[1]);
	int past = 0;
	for (size_t i = first; i < first + n; i++)
		for (int p = 0; p < 2; p++) {
			const struct rd_article *a = &st->art[i];
			int valid;
			double v = metric_of(p ? &a->citizen : &a->legal, m, &valid);
			if (!valid || (p && !a->has_citizen))
				continue;
			if (m == M_ASL ? v > lim[p] : v < lim[p]) {
				strbuf_printf(&desc, "%s artikel %s (%s): %s", past++ ? ";" : " Voorbij de grens:",
				              a->article->num, p ? "B1" : "B2", dec(v, 1, b, sizeof b));
			}
		}
	strbuf_puts(&desc, past ? "." : " Geen artikel gaat voorbij de grens.");

	strbuf_printf(sb, "<figure><div class=\"wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Grafiek %s, ",
	              m == M_ASL ? "gemiddelde zinslengte" : "Flesch-Douma");
	esc(sb, part);
	strbuf_printf(sb, " (schuift)\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
	                  "height=\"%.0f\" role=\"img\" aria-labelledby=\"%s-t %s-d\">",
	              W, H, W, H, id, id);
	strbuf_printf(sb, "<title id=\"%s-t\">", id);
	strbuf_puts(sb, m == M_ASL ? "Gemiddelde zinslengte per artikel" : "Flesch-Douma per artikel");
	strbuf_printf(sb, "</title><desc id=\"%s-d\">", id);
	esc(sb, desc.buf);
	strbuf_puts(sb, "</desc>");
	strbuf_release(&desc);

	/* Grid and y axis. */
	strbuf_puts(sb, "<g font-size=\"11\" fill=\"#333\">");
	for (int y = 0; y <= (int)ymax; y += step) {
		double py = top + ph - ph * y / ymax;
		strbuf_printf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>", left,
		              left + pw, py, py);
		strbuf_printf(sb, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%d</text>", left - 6, py + 4, y);
	}
	/* Bars and article labels. */
	for (size_t i = first; i < first + n; i++) {
		const struct rd_article *a = &st->art[i];
		double cx = left + band * ((double)(i - first) + 0.5);
		for (int p = 0; p < 2; p++) {
			int valid;
			double v = metric_of(p ? &a->citizen : &a->legal, m, &valid);
			if (!valid || (p && !a->has_citizen))
				continue;
			double vv = v < 0 ? 0 : v > ymax ? ymax : v;
			double h = ph * vv / ymax, x = p ? cx + 1 : cx - 1 - bw;
			strbuf_printf(sb, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
			                  "<title>Artikel %s, %s: %s %s</title></rect>",
			              x, top + ph - h, bw, h, p ? C_CITIZEN : C_LEGAL, a->article->num,
			              p ? "voor inwoners" : "juridisch", what, dec(v, 1, b, sizeof b));
		}
		strbuf_printf(sb, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>", cx, top + ph + 16,
		              a->article->num);
	}
	/* Limits. */
	for (int p = 0; p < 2; p++) {
		double py = top + ph - ph * lim[p] / ymax;
		strbuf_printf(sb, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" "
		                  "stroke-dasharray=\"6 4\"/>",
		              left, left + pw, py, py, p ? C_CITIZEN : C_LEGAL);
		strbuf_printf(sb, "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\">%s %s %d</text>", left + pw + 6,
		              py + (p == (m == M_ASL ? 1 : 0) ? 12 : -2), p ? C_CITIZEN : C_LEGAL, p ? "B1" : "B2",
		              m == M_ASL ? "grens" : "richtw.", lim[p]);
	}
	strbuf_printf(sb, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">artikel</text>", left + pw / 2, H - 6);
	strbuf_puts(sb, "</g></svg></div><figcaption>");
	strbuf_puts(sb, m == M_ASL ? "Gemiddelde zinslengte (woorden) per artikel; de stippellijnen zijn de grenzen "
	                             "van de profielen. Lager is makkelijker."
	                           : "Flesch-Douma per artikel; de stippellijnen zijn richtwaarden, geen grenzen. "
	                             "Hoger is makkelijker.");
	(void)b2;
	strbuf_puts(sb, " De cijfers staan in de tabel hieronder.</figcaption></figure>");
}

/* ---- Longest sentences ------------------------------------------------------------------ */

static void worst(struct strbuf *sb, const struct rd_stats *st, int which)
{
	const struct rd_sentence *w = st->worst[which];
	size_t n = st->nworst[which];
	strbuf_printf(sb, "<h3>%s</h3>", which ? "Voor inwoners (B1)" : "Juridische tekst (B2)");
	if (!n) {
		strbuf_puts(sb, "<p>Geen zinnen.</p>");
		return;
	}
	strbuf_puts(sb, "<ol class=\"zinnen\">");
	for (size_t i = 0; i < n; i++) {
		const struct rd_article *a = &st->art[w[i].article];
		int line = 0, col = 0;
		if (w[i].src)
			source_position(w[i].src, w[i].start, &line, &col);
		strbuf_printf(sb, "<li><strong%s>%lu woorden</strong> ",
		              (int)w[i].words > st->sent_warn[which] ? " class=\"over\"" : "", w[i].words);
		strbuf_puts(sb, "<span class=\"plaats\">(<a href=\"verordening.html#");
		esc(sb, a->article->eid);
		strbuf_puts(sb, "\">artikel ");
		esc(sb, a->article->num);
		strbuf_puts(sb, "</a>, ");
		esc(sb, w[i].src ? w[i].src->name : "?");
		strbuf_printf(sb, ":%d)</span><br>", line);
		esc(sb, w[i].text);
		strbuf_puts(sb, "</li>");
	}
	strbuf_puts(sb, "</ol>");
}

/* ---- The page ------------------------------------------------------------------------------ */

static void summary(struct strbuf *sb, const struct rd_stats *st)
{
	char b[32];
	strbuf_puts(sb, "<div class=\"wrap\" tabindex=\"0\" role=\"region\" aria-label=\"De hele verordening (schuift)\">"
	                "<table><caption>De hele verordening</caption><thead><tr>"
	                "<th class=\"l\" scope=\"col\">Tekst</th><th scope=\"col\">woorden</th><th scope=\"col\">zinnen</th>"
	                "<th scope=\"col\">gzl</th><th scope=\"col\">lg/w</th><th scope=\"col\">Flesch-Douma</th>"
	                "<th scope=\"col\">Brouwer</th><th scope=\"col\">lange woorden</th>"
	                "<th scope=\"col\">lijdende vorm</th><th scope=\"col\">langste zin</th></tr></thead><tbody>");
	for (int p = 0; p < 2; p++) {
		const struct readability_counts *c = p ? &st->citizen : &st->legal;
		struct readability_figures f;
		readability_figures_compute(c, &f);
		strbuf_printf(sb, "<tr><th scope=\"row\" class=\"l\">%s</th>",
		              p ? "Voor inwoners (B1)" : "Juridische tekst (B2)");
		if (!f.valid) {
			strbuf_puts(sb, "<td colspan=\"9\">geen tekst</td></tr>");
			continue;
		}
		strbuf_printf(sb, "<td>%lu</td><td>%lu</td>", c->words, c->sentences);
		td_num(sb, dec(f.asl, 1, b, sizeof b), f.asl > st->asl_warn[p]);
		strbuf_printf(sb, "<td>%s</td>", dec(f.asw, 2, b, sizeof b));
		strbuf_printf(sb, "<td>%s</td>", dec(f.flesch_douma, 1, b, sizeof b));
		strbuf_printf(sb, "<td>%s</td>", dec(f.brouwer, 1, b, sizeof b));
		strbuf_printf(sb, "<td>%s %%</td>", dec(100 * f.long_share, 1, b, sizeof b));
		strbuf_printf(sb, "<td>%s %%</td>", dec(100 * f.passive_share, 1, b, sizeof b));
		strbuf_printf(sb, "<td>%lu</td></tr>", c->max_sentence);
	}
	strbuf_puts(sb, "</tbody></table></div>");
}

char *report_readability_html(const struct ordinance *o, const struct rd_stats *st, size_t *len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	const char *title = o->fm[FM_CITEERTITEL] ? o->fm[FM_CITEERTITEL] : o->fm[FM_TITEL];
	strbuf_puts(&sb, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
	                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	                 "<title>Leesbaarheid – ");
	esc(&sb, title ? title : "verordening");
	strbuf_printf(&sb, "</title><style>%s.sr{position:absolute;width:1px;height:1px;overflow:hidden;"
	                   "clip:rect(0 0 0 0);white-space:nowrap}</style></head><body><main>",
	              css);
	strbuf_puts(&sb, "<h1>Leesbaarheid van ");
	esc(&sb, title ? title : "de verordening");
	strbuf_puts(&sb, "</h1>");
	strbuf_printf(&sb,
	              "<p>Deze pagina is voor beleidsschrijvers. Ze laat per artikel zien hoe lang de zinnen zijn en hoe "
	              "moeilijk de woorden. De juridische tekst (Doel, Regels en Toelichting) wordt gemeten met profiel "
	              "B2, de tekst <em>Voor inwoners</em> met profiel B1. Een onderdeel van een opsomming telt als één "
	              "zin: de aanhef met dat onderdeel.</p>"
	              "<p><strong>gzl</strong> is de gemiddelde zinslengte in woorden (grens B2: %d, B1: %d); "
	              "<strong>lg/w</strong> het aantal lettergrepen per woord. <strong>Flesch-Douma</strong> "
	              "(206,84 − 77 × lg/w − 0,93 × gzl) en <strong>Brouwer</strong> (195 − 2 × gzl − 66,67 × lg/w) "
	              "zijn ter informatie: hoger is makkelijker. Rood gedrukte cijfers zijn boven de grens van het "
	              "profiel. De meldingen per zin geeft <code>ovc check</code>.</p>",
	              st->asl_warn[0], st->asl_warn[1]);
	strbuf_puts(&sb, "<p class=\"legenda\" aria-hidden=\"true\">Kleuren in de grafieken:<span style=\"background:" C_LEGAL
	                 "\"></span>juridische tekst (B2)<span style=\"background:" C_CITIZEN
	                 "\"></span>voor inwoners (B1)</p>");
	summary(&sb, st);

	strbuf_puts(&sb, "<h2 id=\"langste-zinnen\">De langste zinnen</h2><p>Per profiel de tien langste zinnen, met "
	                 "het artikel en de plaats in de bron (bestand:regel in de map van de verordening). Een onderdeel staat met zijn aanhef "
	                 "ervoor.</p>");
	worst(&sb, st, 0);
	worst(&sb, st, 1);

	/* One section per part, in reading order. */
	size_t i = 0;
	int chart_no = 0;
	while (i < st->nart) {
		const struct unit *part = unit_part(st->art[i].article);
		size_t j = i;
		while (j < st->nart && unit_part(st->art[j].article) == part)
			j++;
		char label[256], caption[300];
		if (part)
			snprintf(label, sizeof label, "Deel %s %s", part->num ? part->num : "", part->title ? part->title : "");
		else
			snprintf(label, sizeof label, "Artikelen");
		strbuf_puts(&sb, "<h2>");
		esc(&sb, label);
		strbuf_puts(&sb, "</h2>");
		char id[32];
		snprintf(id, sizeof id, "g%d", ++chart_no);
		chart(&sb, st, i, j - i, M_ASL, id, label);
		snprintf(id, sizeof id, "g%d", ++chart_no);
		chart(&sb, st, i, j - i, M_FD, id, label);
		snprintf(caption, sizeof caption, "Cijfers per artikel, %s", label);
		table_head(&sb, caption);
		for (size_t k = i; k < j; k++)
			article_row(&sb, st, &st->art[k]);
		strbuf_puts(&sb, "</tbody></table></div>");
		i = j;
	}
	strbuf_puts(&sb, "<p><small>Gemaakt door ovc. Regels, profielen en bronnen: docs/readability.md.</small></p>"
	                 "</main></body></html>\n");
	return strbuf_detach(&sb, len);
}

int report_readability_write(const struct ordinance *o, const struct rd_stats *st, const char *out,
                             char **err)
{
	size_t len;
	char *html = report_readability_html(o, st, &len);
	char *path = xasprintf("%s/leesbaarheid.html", out);
	int rc = output_write_file(path, html, len, err);
	free(path);
	free(html);
	return rc;
}
