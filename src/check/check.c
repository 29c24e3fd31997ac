#include "check.h"

#include "check_sources.h"
#include "citizen.h"
#include "diag.h"
#include "duties.h"
#include "illustration.h"
#include "laws.h"
#include "model.h"
#include "parts.h"
#include "refs.h"
#include "source.h"
#include "strmap.h"
#include "util.h"
#include "walk.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- Parts ----------------------------------------------------------------- */

/* The parts, their order and which are required: src/model/parts.def. */

static void check_parts(const struct ordinance *o, struct diag_sink *d)
{
	int seen[PART_COUNT] = {0}, max_rank = -1;
	const char *max_wet = NULL;
	for (size_t i = 0; i < o->nparts; i++) {
		const struct unit *p = o->parts[i];
		const struct attr *w = unit_attr(p, "wet");
		int r = part_find(p->wet);
		if (!w) {
			diag_report(d, p->span.src, p->span.start, p->span.end, RULE_STRUCTUUR_DEEL,
			            "Deel %s zonder wet=; schrijf bijvoorbeeld {wet=wmo} achter de titel",
			            p->num);
		} else if (r < 0) {
			char *ids = part_ids_joined(" of ");
			diag_report(d, w->vspan.src, w->vspan.start, w->vspan.end, RULE_ID_ONBEKEND,
			            "onbekende wet '%s' op een Deel; gebruik %s", p->wet, ids);
			free(ids);
		} else if (seen[r]) {
			diag_report(d, p->span.src, p->span.start, p->span.end, RULE_STRUCTUUR_DEEL,
			            "er is al een deel met wet=%s", p->wet);
		} else if (r < max_rank) {
			char *ids = part_ids_joined(", ");
			diag_report(d, p->span.src, p->span.start, p->span.end, RULE_STRUCTUUR_DEEL,
			            "het deel wet=%s staat na wet=%s; de volgorde is %s", p->wet, max_wet,
			            ids);
			free(ids);
		}
		if (r >= 0) {
			seen[r] = 1;
			if (r > max_rank)
				max_rank = r, max_wet = p->wet;
		}
	}
	for (int r = 0; r < PART_COUNT; r++)
		if (part_table[r].required && !seen[r] && o->main)
			diag_report(d, o->main, 0, 0, RULE_STRUCTUUR_DEEL,
			            "het deel met wet=%s ontbreekt in de verordening", part_table[r].id);
	if (!o->themes_src && o->main)
		diag_report(d, o->main, 0, 0, RULE_STRUCTUUR_BESTAND,
		            "themas.md ontbreekt; de publieksversie ordent de artikelen naar thema");
}

/* ---- Numbers, labels, blocks ---------------------------------------------- */

static void check_number(const struct unit *u, struct diag_sink *d)
{
	if (!u->written || strcmp(u->written, u->num) == 0)
		return;
	const char *text = u->span.src->text;
	const char *at = NULL;
	for (size_t i = u->span.start; i < u->span.end; i++)
		if (strncmp(text + i, u->written, strlen(u->written)) == 0) {
			at = text + i;
			break;
		}
	size_t a = at ? (size_t)(at - text) : u->span.start;
	size_t b = at ? a + strlen(u->written) : u->span.end;
	diag_report_fix(d, u->span.src, a, b, RULE_STRUCTUUR_NUMMER, u->num,
	                "dit is %s %s, niet %s %s", unit_kind_name(u->kind), u->num,
	                unit_kind_name(u->kind), u->written);
}

static const struct attr *label_attr(const struct unit *u)
{
	return unit_attr(u, "#");
}

/* Called per unit from check_ordinance's one pass over the units: each
 * pass over 100,000 units costs its cache misses (issue 22). */
static void check_label(const struct ordinance *o, const struct unit *u, struct diag_sink *d)
{
	if (u->label) {
		const struct attr *a = label_attr(u);
		const struct unit *v = ordinance_find_label(o, u->label); /* the first */
		if (v != u) {
			int line, col;
			source_position(v->span.src, v->span.start, &line, &col);
			diag_report(d, a->span.src, a->span.start, a->span.end, RULE_LABEL_DUBBEL,
			            "het label #%s staat ook op %s %s (%s:%d)", u->label,
			            unit_kind_name(v->kind), v->num, v->span.src->name, line);
		}
		const struct theme *t = ordinance_find_theme(o, u->label);
		if (t)
			diag_report(d, a->span.src, a->span.start, a->span.end, RULE_LABEL_DUBBEL,
			            "het label #%s is ook de id van een thema in themas.md", u->label);
	}
}

static void check_theme_ids(const struct ordinance *o, struct diag_sink *d)
{
	for (size_t i = 0; i < o->nthemes; i++)
		if (ordinance_find_theme(o, o->themes[i].id) != &o->themes[i])
			diag_report(d, o->themes[i].span.src, o->themes[i].span.start,
			            o->themes[i].span.end, RULE_LABEL_DUBBEL,
			            "het thema #%s staat twee keer in themas.md", o->themes[i].id);
}

static int has_content(const struct unit *a, int b)
{
	return a->block[b] != NULL;
}

static void check_blocks(const struct unit *a, struct diag_sink *d)
{
	const struct span *doel = &a->block_span[BLOCK_DOEL];
	if (doel->src) {
		for (int b = 0; b < BLOCK_COUNT; b++)
			if (b != BLOCK_DOEL && a->block_span[b].src && a->block_span[b].start < doel->start) {
				diag_report(d, doel->src, doel->start, doel->end, RULE_STRUCTUUR_DOEL,
				            "het Doel hoort het eerste blok van artikel %s te zijn", a->num);
				break;
			}
		if (!has_content(a, BLOCK_DOEL))
			diag_report(d, doel->src, doel->start, doel->end, RULE_STRUCTUUR_LEEG,
			            "het Doel van artikel %s is leeg", a->num);
	} else if (unit_in_law_part(a)) {
		diag_report(d, a->span.src, a->span.start, a->span.end, RULE_STRUCTUUR_DOEL,
		            "artikel %s heeft geen Doel; in een wetsdeel begint elk artikel met wat het "
		            "wil bereiken",
		            a->num);
	}
	if (a->nleden == 0)
		diag_report(d, a->span.src, a->span.start, a->span.end, RULE_STRUCTUUR_LEEG,
		            "artikel %s heeft geen Regels", a->num);
	for (int b = 0; b < BLOCK_COUNT; b++)
		if (b != BLOCK_DOEL && b != BLOCK_REGELS && a->block_span[b].src && !has_content(a, b))
			diag_report(d, a->block_span[b].src, a->block_span[b].start, a->block_span[b].end,
			            RULE_STRUCTUUR_LEEG, "dit blok van artikel %s is leeg", a->num);
}

/* ---- Ids in attributes ----------------------------------------------------- */

static int known_kernwaarde(const struct ordinance *o, const char *id)
{
	const struct unit *k = o->kernwaarden;
	for (size_t i = 0; k && i < k->nterms; i++)
		if (strcmp(k->terms[i].id, id) == 0)
			return 1;
	return 0;
}

static int known_id(const struct ordinance *o, const char *key, const char *id)
{
	if (strcmp(key, "thema") == 0) /* without themas.md that file is the one error */
		return !o->themes_src || ordinance_find_theme(o, id) != NULL;
	if (strcmp(key, "kernwaarden") == 0)
		return known_kernwaarde(o, id);
	if (strcmp(key, "wet") == 0)
		return laws_find(id) >= 0; /* participatiewet, wmo, jeugdwet, wgs, ioaw, … */
	return step_find(id) >= 0;
}

static const char *id_hint(const char *key)
{
	if (strcmp(key, "thema") == 0)
		return "de thema's staan in themas.md";
	if (strcmp(key, "kernwaarden") == 0)
		return "de kernwaarden staan in het artikel met type=kernwaarden";
	if (strcmp(key, "wet") == 0)
		return "gebruik een id uit data/wetten.tsv, zoals participatiewet, wmo, jeugdwet of wgs";
	return "gebruik melding, gesprek, onderzoek, verslag, aanvraag, besluit of bezwaar";
}

static void check_ids(const struct ordinance *o, const struct unit *a, struct diag_sink *d)
{
	static const char *const keys[] = {"thema", "kernwaarden", "wet", "stap"};
	for (size_t k = 0; k < 4; k++) {
		const struct attr *at = unit_attr(a, keys[k]);
		if (!at)
			continue;
		char **ids = NULL;
		char *stap[1] = {a->stap};
		size_t n = 0;
		if (k == 0)
			ids = a->themes, n = a->nthemes;
		else if (k == 1)
			ids = a->kernwaarden, n = a->nkernwaarden;
		else if (k == 2)
			ids = a->wetten, n = a->nwetten;
		else if (a->stap)
			ids = stap, n = 1;
		for (size_t i = 0; i < n; i++) {
			if (known_id(o, keys[k], ids[i]))
				continue;
			const char *pos = strstr(at->value, ids[i]);
			size_t off = pos ? (size_t)(pos - at->value) : 0;
			const char *near = k == 0 ? theme_suggest(o, ids[i])
			                   : k == 2 ? laws_suggest_id(ids[i]) : NULL;
			char *hint = near ? xasprintf("bedoelt u '%s'? ", near) : xstrdup("");
			diag_report(d, at->vspan.src, at->vspan.start + off,
			            at->vspan.start + off + strlen(ids[i]), RULE_ID_ONBEKEND,
			            "%s '%s'; %s%s",
			            k == 0 ? "onbekend thema" : k == 1 ? "onbekende kernwaarde"
			                                : k == 2       ? "onbekende wet"
			                                               : "onbekende stap",
			            ids[i], hint,
			            id_hint(keys[k]));
			free(hint);
		}
	}
}

/* ---- Grondslagen ----------------------------------------------------------- */

/* Every item cites the same article ("artikel 8, eerste lid, onder a en c"). */
static int one_article(const struct ref *r)
{
	if (!r->nitems)
		return 0;
	for (size_t i = 0; i < r->nitems; i++)
		if (r->items[i].kind != RK_ARTICLE || strcmp(r->items[i].num, r->items[0].num) != 0)
			return 0;
	return 1;
}

static void check_grondslag(struct grondslag *g, struct diag_sink *d)
{
	struct ref_scan sc;
	ref_scan_init(&sc);
	refs_scan(g->text, strlen(g->text), NULL, &sc);
	const struct ref *r = sc.nrefs == 1 ? &sc.refs[0] : NULL;
	if (r && r->law == REF_UNKNOWN_LAW) {
		const char *near = laws_suggest(g->text + r->law_start, r->law_end - r->law_start);
		diag_report(d, g->span.src, g->span.start + r->law_start, g->span.start + r->law_end,
		            RULE_WET_ONBEKEND, "'%.*s' is geen wet die ovc kent (data/wetten.tsv)%s%s%s",
		            (int)(r->law_end - r->law_start), g->text + r->law_start,
		            near ? "; bedoelt u '" : "", near ? near : "", near ? "'?" : "");
	} else if (!r || r->law < 0 || r->start != 0 || r->end != strlen(g->text) ||
	           (!r->law_only && !one_article(r))) {
		diag_report(d, g->span.src, g->span.start, g->span.end, RULE_GRONDSLAG,
		            "'%s' is geen verwijzing naar een artikel van een wet; schrijf bijvoorbeeld "
		            "'artikel 2.1.3, eerste lid, van de Wmo 2015'",
		            g->text);
	} else {
		g->law = r->law;
		if (!r->law_only) {
			g->article = xstrdup(r->items[0].num);
			g->lid = r->items[0].lid;
			snprintf(g->point, sizeof g->point, "%s", r->items[0].point);
			size_t np = 0;
			for (size_t i = 0; i < r->nitems; i++) {
				const struct ref_item *it = &r->items[i];
				if (it->lid > 0 && it->lid < 32)
					g->lids |= 1u << it->lid;
				if (it->point[0] && !it->point[1] && np + 1 < sizeof g->points &&
				    !strchr(g->points, it->point[0]))
					g->points[np++] = it->point[0];
			}
		}
	}
	ref_scan_release(&sc);
}

/* ---- Illustrations -------------------------------------------------------- */

static void check_image(struct ordinance *o, const struct inl *img, struct strmap *seen,
                        struct diag_sink *d)
{
	struct strbuf alt;
	strbuf_init(&alt);
	for (const struct inl *c = img->child; c; c = c->next)
		if (c->text)
			strbuf_puts(&alt, c->text);
	int has_alt = 0;
	for (size_t i = 0; i < alt.len; i++)
		has_alt |= alt.buf[i] != ' ';
	strbuf_release(&alt);
	if (!has_alt)
		diag_report(d, img->span.src, img->span.start, img->span.end, RULE_ILLUSTRATIE_ALT,
		            "illustratie zonder alt-tekst; beschrijf wat de afbeelding laat zien: "
		            "![beschrijving](%s)",
		            img->url);
	const char *u = img->url;
	size_t n = strlen(u);
	int svg = n > 4 && strcmp(u + n - 4, ".svg") == 0;
	int png = n > 4 && strcmp(u + n - 4, ".png") == 0;
	int jpeg = (n > 4 && ascii_casecmp_n(u + n - 4, ".jpg", 4) == 0) ||
	           (n > 5 && ascii_casecmp_n(u + n - 5, ".jpeg", 5) == 0);
	if (jpeg && !strstr(u, "://")) {
		diag_report(d, img->span.src, img->span.start, img->span.end, RULE_ILLUSTRATIE_BESTAND,
		            "'%s': ovc publiceert geen JPEG; sla de afbeelding op als PNG (bijvoorbeeld "
		            "'convert foto.jpg foto.png') of als SVG",
		            u);
		return;
	}
	if (strstr(u, "..") || u[0] == '/' || strstr(u, "://") || (!svg && !png)) {
		diag_report(d, img->span.src, img->span.start, img->span.end, RULE_ILLUSTRATIE_BESTAND,
		            "'%s': een illustratie is een .svg- of .png-bestand in de map van de "
		            "verordening (zoals illustraties/x.svg)",
		            u);
		return;
	}
	if (strmap_get(seen, u) == NULL) { /* each file once */
		strmap_put(seen, u, (void *)img);
		illustration_check(o, u, &img->span, d);
	}
}

struct image_walk {
	struct ordinance *o;
	struct diag_sink *d;
	struct strmap seen; /* urls checked */
};

static void images_in(const struct inl *i, struct image_walk *w)
{
	for (; i; i = i->next) {
		if (i->kind == INL_IMAGE)
			check_image(w->o, i, &w->seen, w->d);
		else if (i->child)
			images_in(i->child, w);
	}
}

static void check_images(const struct blk *b, const struct text_ctx *c, void *ud)
{
	(void)c;
	images_in(b->inl, ud);
}

/*
 * nummering: vast — every number is written and authoritative: a missing
 * one, or one that two units of a kind share, is an error.
 */
static void check_fixed_numbers(const struct ordinance *o, struct diag_sink *d)
{
	for (size_t i = 0; i < o->nunits; i++) {
		const struct unit *u = o->units[i];
		if (u->kind == UNIT_PART)
			continue;
		if (!u->written) {
			diag_report(d, u->span.src, u->span.start, u->span.end, RULE_STRUCTUUR_NUMMER,
			            "met nummering: vast staat elk nummer in de kop; schrijf het nummer "
			            "achter '%s'",
			            u->word ? u->word : unit_kind_name(u->kind));
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			const struct unit *v = o->units[j];
			if (v->kind == u->kind && v->written && strcmp(v->written, u->written) == 0 &&
			    (u->kind != UNIT_SECTION || v->parent == u->parent)) {
				int line, col;
				source_position(v->span.src, v->span.start, &line, &col);
				diag_report(d, u->span.src, u->span.start, u->span.end, RULE_STRUCTUUR_NUMMER,
				            "%s %s staat al eerder (%s:%d)", unit_kind_name(u->kind), u->written,
				            v->span.src->name, line);
				break;
			}
		}
	}
}

void check_ordinance(struct ordinance *o, struct diag_sink *d)
{
	if (!o->vrij)
		check_parts(o, d);
	if (o->numbering == NUM_VAST)
		check_fixed_numbers(o, d);
	for (size_t i = 0; i < o->nunits; i++) {
		struct unit *u = o->units[i];
		check_label(o, u, d);
		check_number(u, d);
		if (u->kind != UNIT_ARTICLE)
			continue;
		check_blocks(u, d);
		check_ids(o, u, d);
		for (size_t g = 0; g < u->ngrondslagen; g++)
			check_grondslag(&u->grondslagen[g], d);
	}
	check_theme_ids(o, d);
	struct image_walk w = {o, d, {0}};
	ordinance_each_text(o, check_images, &w);
	strmap_release(&w.seen);
	check_duties(o, d);
	check_sources(o, d);
	citizen_check(o, d);
}
