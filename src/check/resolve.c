#include "resolve.h"

#include "diag.h"
#include "laws.h"
#include "model.h"
#include "refs.h"
#include "source.h"
#include "strmap.h"
#include "suggest.h"
#include "util.h"
#include "walk.h"

#include <stdlib.h>
#include <string.h>

/* ---- Annotations --------------------------------------------------------- */

static void annotate(struct run *r, enum annot_kind kind, size_t start, size_t end, char *href)
{
	for (size_t i = 0; i < r->nannots; i++)
		if (start < r->annots[i].end && r->annots[i].start < end) {
			if (kind == ANNOT_REF) /* a term's href belongs to the term */
				free(href);
			return;
		}
	struct annot a = {.start = (uint32_t)start, .end = (uint32_t)end, .kind = kind, .href = href};
	/* Most texts have one or two annotations: start at two, not xgrow's
	 * eight (74 MB of 422 at 100,000 articles; issue 22). */
	if (r->nannots == r->capannots) {
		r->capannots = r->capannots ? r->capannots * 2 : 2;
		r->annots = xrealloc(r->annots, r->capannots * sizeof *r->annots);
	}
	r->annots[r->nannots++] = a;
}

static int annot_cmp(const void *a, const void *b)
{
	const struct annot *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

/* ---- Resolving one citation ---------------------------------------------- */

struct resolver {
	struct ordinance *o;
	struct diag_sink *d;
	const struct text_ctx *c;
	struct run *run;
	const struct source *src;
};

static void report_at(struct resolver *rs, size_t a, size_t b, enum rule_id rule, const char *msg)
{
	diag_report(rs->d, rs->src, run_src_off(rs->run, a), run_src_off(rs->run, b), rule, "%s", msg);
}

static const struct lid *find_lid(const struct unit *a, int num)
{
	for (size_t i = 0; i < a->nleden; i++)
		if (a->leden[i].num == num)
			return &a->leden[i];
	return NULL;
}

static const struct point *find_point(const struct point *pts, size_t n, const char *label)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(pts[i].label, label) == 0)
			return &pts[i];
	return NULL;
}

/* "artikel 7.2, tweede lid," or "artikel 7.2" as the subject of a message. */
static char *describe_lid(const struct unit *a, int lid)
{
	const char *w = ordinal_word(lid);
	if (lid <= 0 || !w)
		return xasprintf("artikel %s", a->num);
	return xasprintf("artikel %s, %s lid,", a->num, w);
}

/* Resolve lid/point/sub of IT in article A; returns the target eId or NULL. */
static const char *resolve_within(struct resolver *rs, const struct unit *a, int lidnum,
                                  const struct ref_item *it)
{
	const struct lid *l = NULL;
	char *msg;
	if (lidnum == 1 && it->kind == RK_LID && it->start == 0 && a->nleden == 1 &&
	    a->leden[0].num == 0) {
		l = &a->leden[0]; /* "Lid 1" as a toelichting's label: the article's only lid */
	} else if (lidnum > 0) {
		l = find_lid(a, lidnum);
		if (!l) {
			const char *w = ordinal_word(lidnum);
			if (a->nleden == 1 && a->leden[0].num == 0)
				msg = xasprintf("artikel %s heeft geen genummerde leden", a->num);
			else
				msg = xasprintf("artikel %s heeft geen %s lid (het heeft er %zu)", a->num,
				                w ? w : "zo'n", a->nleden);
			report_at(rs, it->lid_start, it->lid_end, RULE_VERWIJZING_LID, msg);
			free(msg);
			return NULL;
		}
	} else if (it->point[0]) {
		if (a->nleden == 1) {
			l = &a->leden[0];
		} else {
			msg = xasprintf("noem het lid: artikel %s heeft %zu leden", a->num, a->nleden);
			report_at(rs, it->point_start, it->point_end, RULE_VERWIJZING_ONDERDEEL, msg);
			free(msg);
			return NULL;
		}
	}
	if (!it->point[0])
		return l ? l->eid : a->eid;
	const struct point *p = find_point(l->points, l->npoints, it->point);
	if (!p) {
		char *where = describe_lid(a, l->num);
		msg = xasprintf("%s heeft geen onderdeel %s", where, it->point);
		report_at(rs, it->point_start, it->point_end, RULE_VERWIJZING_ONDERDEEL, msg);
		free(where);
		free(msg);
		return NULL;
	}
	if (!it->sub[0])
		return p->eid;
	const struct point *sp = find_point(p->subs, p->nsubs, it->sub);
	if (!sp) {
		char *where = describe_lid(a, l->num);
		msg = xasprintf("%s%s onder %s, heeft geen sub-onderdeel %s°", where,
		                where[strlen(where) - 1] == ',' ? "" : ",", p->label, it->sub);
		report_at(rs, it->sub_start, it->sub_end, RULE_VERWIJZING_ONDERDEEL, msg);
		free(where);
		free(msg);
		return NULL;
	}
	return sp->eid;
}

static const struct unit *ancestor(const struct unit *u, enum unit_kind k)
{
	while (u && u->kind != k)
		u = u->parent;
	return u;
}

static const char *resolve_this(struct resolver *rs, const struct ref_item *it)
{
	static const char *names[] = {"dit artikel", "dit hoofdstuk", "deze paragraaf", "dit deel",
	                              "deze verordening", "dit lid"};
	static const char *units[] = {"een artikel", "een hoofdstuk", "een paragraaf", "een deel",
	                              "", "een lid"};
	static const enum unit_kind kinds[] = {UNIT_ARTICLE, UNIT_CHAPTER, UNIT_SECTION, UNIT_PART};
	const struct unit *a = rs->c->article;
	if (it->this_kind == THIS_ORDINANCE)
		return NULL;
	if (it->this_kind == THIS_LID) {
		if (rs->c->lid)
			return rs->c->lid->eid;
	} else if (a) {
		const struct unit *u = ancestor(a, kinds[it->this_kind]);
		if (u)
			return u->eid;
	}
	char *msg = xasprintf("'%s' staat hier niet in %s", names[it->this_kind],
	                      units[it->this_kind]);
	report_at(rs, it->start, it->end, RULE_VERWIJZING_EENHEID, msg);
	free(msg);
	return NULL;
}

static const char *resolve_relative(struct resolver *rs, const struct ref_item *it)
{
	const struct unit *a = rs->c->article;
	const char *what = it->kind == RK_POINT ? "onderdeel" : "lid";
	if (!a) {
		char *msg = xasprintf("een verwijzing naar een %s staat hier niet in een artikel; noem "
		                      "het artikel",
		                      what);
		report_at(rs, it->start, it->end,
		          it->kind == RK_POINT ? RULE_VERWIJZING_ONDERDEEL : RULE_VERWIJZING_LID, msg);
		free(msg);
		return NULL;
	}
	int lid = it->lid;
	if (lid == REF_LID_PREVIOUS) {
		if (!rs->c->lid || rs->c->lid->num <= 1) {
			report_at(rs, it->lid_start, it->lid_end, RULE_VERWIJZING_LID,
			          "er is geen vorig lid: dit is het eerste lid");
			return NULL;
		}
		lid = rs->c->lid->num - 1;
	}
	if (it->kind == RK_POINT) {
		const struct lid *l = rs->c->lid ? rs->c->lid : (a->nleden == 1 ? &a->leden[0] : NULL);
		if (!l)
			return NULL;
		lid = l->num;
	}
	return resolve_within(rs, a, lid, it);
}

/* "de bijlage" (the only one) or "bijlage 2". */
static const char *resolve_annex(struct resolver *rs, const struct ref_item *it)
{
	const struct ordinance *o = rs->o;
	if (!it->num[0])
		return o->nannexes == 1 ? o->annexes[0]->eid : NULL; /* prose, or not one bijlage */
	for (size_t i = 0; i < o->nannexes; i++)
		if (strcmp(o->annexes[i]->num, it->num) == 0)
			return o->annexes[i]->eid;
	char *msg = xasprintf("bijlage %s bestaat niet in deze verordening", it->num);
	report_at(rs, it->start, it->num_end, RULE_VERWIJZING_EENHEID, msg);
	free(msg);
	return NULL;
}

/*
 * Does the text have units of the kind the citation names, in the word it
 * uses? "afdeling 3" cannot be one of this text's paragraphs (§), nor
 * "hoofdstuk 640" anything in a regulation without chapters.
 */
static int has_kind(const struct resolver *rs, const struct ref_item *it)
{
	static const enum unit_kind kinds[] = {UNIT_ARTICLE, UNIT_CHAPTER, UNIT_SECTION, UNIT_PART};
	const char *w = rs->run->text + it->start;
	int afdeling = ascii_casecmp_n(w, "afdeling", 8) == 0;
	for (size_t i = 0; i < rs->o->nunits; i++) {
		const struct unit *u = rs->o->units[i];
		if (u->kind != kinds[it->kind])
			continue;
		if (u->kind != UNIT_SECTION || !rs->o->vrij)
			return 1;
		if (afdeling == (u->word && strcmp(u->word, "afdeling") == 0))
			return 1;
	}
	return 0;
}

/*
 * nummering: vast numbers afdelingen per chapter ("Afdeling 1" in each):
 * the one in the enclosing chapter, else the only one; several and none
 * of them here is a citation ovc cannot read, and does not link.
 */
static const char *resolve_section(struct resolver *rs, const struct ref_item *it)
{
	const struct unit *here = rs->c->article ? ancestor(rs->c->article, UNIT_CHAPTER) : NULL;
	const struct unit *found = NULL;
	size_t n = 0;
	for (size_t i = 0; i < rs->o->nunits; i++) {
		const struct unit *u = rs->o->units[i];
		if (u->kind != UNIT_SECTION || strcmp(u->num, it->num) != 0)
			continue;
		if (here && u->parent == here)
			return u->eid;
		found = u, n++;
	}
	if (n == 1)
		return found->eid;
	char *msg = n ? xasprintf("er zijn %zu afdelingen of paragrafen %s; noem het hoofdstuk (ovc "
	                          "linkt dit niet)",
	                          n, it->num)
	              : xasprintf("%s %s bestaat niet in deze verordening", "paragraaf", it->num);
	report_at(rs, it->start, it->num_end, n ? RULE_VERWIJZING_ONDUIDELIJK : RULE_VERWIJZING_EENHEID, msg);
	free(msg);
	return NULL;
}

static const char *resolve_item(struct resolver *rs, const struct ref_item *it)
{
	static const enum unit_kind kinds[] = {UNIT_ARTICLE, UNIT_CHAPTER, UNIT_SECTION, UNIT_PART};
	char *msg;
	switch (it->kind) {
	case RK_ANNEX: return resolve_annex(rs, it);
	case RK_THIS: return resolve_this(rs, it);
	case RK_LID:
	case RK_POINT: return resolve_relative(rs, it);
	case RK_ARTICLE: {
		struct unit *a = ordinance_find_article(rs->o, it->num);
		if (!a && strchr(it->num, ':')) {
			/* "artikel 4:1" numbers as the Awb and the BW do: never this text's article */
			msg = xasprintf("artikel %s noemt geen wet; zo'n nummer met een dubbele punt is van "
			                "een wet als de Awb of het BW: noem de wet. ovc linkt het niet",
			                it->num);
			report_at(rs, it->start, it->num_end, RULE_VERWIJZING_WET_ONTBREEKT, msg);
			free(msg);
			return NULL;
		}
		if (!a) {
			msg = xasprintf("artikel %s bestaat niet in deze verordening", it->num);
			report_at(rs, it->start, it->num_end, RULE_VERWIJZING_ARTIKEL, msg);
			free(msg);
			return NULL;
		}
		return resolve_within(rs, a, it->lid, it);
	}
	case RK_SECTION:
		if (rs->o->numbering == NUM_VAST)
			return resolve_section(rs, it);
		/* fall through */
	default: {
		struct unit *u = ordinance_find_unit(rs->o, kinds[it->kind], it->num);
		if (!u) {
			msg = xasprintf("%s %s bestaat niet in deze verordening", unit_kind_name(kinds[it->kind]),
			                it->num);
			report_at(rs, it->start, it->num_end, RULE_VERWIJZING_EENHEID, msg);
			free(msg);
			return NULL;
		}
		return u->eid;
	}
	}
}

/* Skip a leading "de " so that the link covers the citation itself. */
static size_t link_start(const struct run *r, const struct ref *ref)
{
	size_t s = ref->start;
	if (ref->nitems && ref->items[0].start > s && ref->items[0].start - s <= 3)
		return ref->items[0].start;
	(void)r;
	return s;
}

/*
 * "de Wmo 2105": the law matched as "Wmo", then a year that makes no name
 * of it. Reported with the name meant; returns 1 when so.
 */
static int misspelt_year(struct resolver *rs, const struct ref *ref)
{
	const char *t = rs->run->text;
	size_t e = ref->law_end, n = e + 1;
	while (n < rs->run->len && t[n] >= '0' && t[n] <= '9')
		n++;
	if (ref->law < 0 || e >= rs->run->len || t[e] != ' ' || n - e != 5 ||
	    (n < rs->run->len && is_word_byte((unsigned char)t[n])))
		return 0;
	const char *near = laws_suggest(t + ref->law_start, n - ref->law_start);
	if (!near || strncmp(near, t + ref->law_start, n - ref->law_start) == 0)
		return 0;
	char *msg = xasprintf("'%.*s' is geen wet die ovc kent (data/wetten.tsv); bedoelt u '%s'?",
	                      (int)(n - ref->law_start), t + ref->law_start, near);
	report_at(rs, ref->law_start, n, RULE_WET_ONBEKEND, msg);
	free(msg);
	return 1;
}

static void resolve_external(struct resolver *rs, const struct ref *ref)
{
	if (ref->vague) {
		char *name = xstrndup(rs->run->text + ref->law_start, ref->law_end - ref->law_start);
		char *msg = xasprintf("'%s' noemt geen wet die ovc kan vinden: ovc leest het als een "
		                      "andere regeling en linkt het niet; definieer de naam in de "
		                      "begripsbepalingen (\"wet: Jeugdwet\")",
		                      name);
		report_at(rs, ref->law_start, ref->law_end, RULE_WET_ONBEKEND, msg);
		free(msg);
		free(name);
		return;
	}
	if (ref->law == REF_UNKNOWN_LAW &&
	    !strncmp(rs->run->text + ref->law_start, "die ", 4)) {
		report_at(rs, ref->law_start, ref->law_end, RULE_WET_ONBEKEND,
		          "'die wet' verwijst naar geen eerder genoemde wet die ovc kent; noem de wet");
		return;
	}
	if (ref->law == REF_UNKNOWN_LAW) {
		char *name = xstrndup(rs->run->text + ref->law_start, ref->law_end - ref->law_start);
		const char *near = laws_suggest(name, strlen(name));
		char *hint = near ? xasprintf("; bedoelt u '%s'?", near) : xstrdup("");
		char *msg = xasprintf("'%s' is geen wet die ovc kent (data/wetten.tsv); de verwijzing "
		                      "wordt niet gecontroleerd en niet gelinkt%s",
		                      name, hint);
		report_at(rs, ref->law_start, ref->law_end, RULE_WET_ONBEKEND, msg);
		free(msg);
		free(hint);
		free(name);
		return;
	}
	if (misspelt_year(rs, ref))
		return;
	if (ref->law_only) {
		char *url = laws_url(ref->law, NULL, 0);
		if (url)
			annotate(rs->run, ANNOT_REF, ref->start, ref->end, url);
		return;
	}
	for (size_t i = 0; i < ref->nitems; i++) {
		const struct ref_item *it = &ref->items[i];
		char *url = laws_url(ref->law, it->kind == RK_ARTICLE ? it->num : NULL, it->lid);
		if (!url)
			continue;
		if (ref->nitems == 1)
			annotate(rs->run, ANNOT_REF, link_start(rs->run, ref), ref->end, url);
		else
			annotate(rs->run, ANNOT_REF, it->start, it->end, url);
	}
}

/* A unit citation in a word this text has no units of: say so, link nothing. */
static int foreign_unit(struct resolver *rs, const struct ref *ref)
{
	const struct ref_item *it = &ref->items[0];
	if ((it->kind != RK_SECTION && it->kind != RK_CHAPTER && it->kind != RK_PART) ||
	    has_kind(rs, it))
		return 0;
	const char *w = rs->run->text + it->start;
	size_t n = 0;
	while (it->start + n < rs->run->len && w[n] != ' ')
		n++;
	char *msg = xasprintf("deze tekst heeft geen %.*s; ovc leest '%.*s' als een verwijzing naar "
	                      "een andere regeling en linkt haar niet",
	                      (int)n, w, (int)(it->num_end - it->start), w);
	report_at(rs, it->start, it->num_end, RULE_VERWIJZING_ONDUIDELIJK, msg);
	free(msg);
	return 1;
}

static void resolve_ref(struct resolver *rs, const struct ref *ref)
{
	if (ref->law != REF_INTERNAL) {
		resolve_external(rs, ref);
		return;
	}
	if (rs->o->vrij && ref->nitems && foreign_unit(rs, ref))
		return;
	for (size_t i = 0; i < ref->nitems; i++) {
		const struct ref_item *it = &ref->items[i];
		const char *eid = resolve_item(rs, it);
		if (!eid)
			continue;
		char *href = xasprintf("#%s", eid);
		if (ref->nitems == 1)
			annotate(rs->run, ANNOT_REF, link_start(rs->run, ref), it->end > ref->end ? it->end : ref->end, href);
		else
			annotate(rs->run, ANNOT_REF, it->start, it->end, href);
	}
}

static void report_style(struct resolver *rs, const struct ref_style *st)
{
	char *msg = xasprintf("schrijf '%s' in plaats van '%s' (Aanwijzing 3.29)", st->fix, st->found);
	diag_report_fix(rs->d, rs->src, run_src_off(rs->run, st->start), run_src_off(rs->run, st->end),
	                RULE_VERWIJZING_STIJL, st->fix, "%s", msg);
	free(msg);
}

/* ---- Labelled links ------------------------------------------------------ */

static const char *unit_word(enum unit_kind k)
{
	return unit_kind_name(k);
}

static int same_number(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

/* Check the link text against the label's target: kind and number. */
static void check_link_text(struct resolver *rs, const struct run_link *l, struct unit *target)
{
	static const enum ref_kind want[] = {RK_PART, RK_CHAPTER, RK_SECTION, RK_ARTICLE, RK_ANNEX};
	struct ref_scan sc;
	ref_scan_init(&sc);
	refs_scan(rs->run->text + l->start, l->end - l->start, NULL, &sc);
	for (size_t i = 0; i < sc.nrefs && i < 1; i++) {
		const struct ref *r = &sc.refs[i];
		if (r->law != REF_INTERNAL || !r->nitems)
			continue;
		const struct ref_item *it = &r->items[0];
		if (it->kind != RK_ARTICLE && it->kind != RK_CHAPTER && it->kind != RK_SECTION &&
		    it->kind != RK_PART)
			continue;
		size_t a = l->start + it->num_start, b = l->start + it->num_end;
		if (it->kind != want[target->kind] || !same_number(it->num, target->num)) {
			char *fix = it->kind == want[target->kind]
			                ? xstrdup(target->num)
			                : xasprintf("%s %s", unit_word(target->kind), target->num);
			size_t fa = it->kind == want[target->kind] ? a : l->start + it->start;
			char *msg = xasprintf("de linktekst noemt %s %s, maar #%s is %s %s",
			                      unit_word(it->kind == RK_PART      ? UNIT_PART
			                                : it->kind == RK_CHAPTER ? UNIT_CHAPTER
			                                : it->kind == RK_SECTION ? UNIT_SECTION
			                                                         : UNIT_ARTICLE),
			                      it->num, target->label, unit_word(target->kind), target->num);
			/* end after the number's last byte: the offset of b may lie past "](#label)" */
			diag_report_fix(rs->d, rs->src, run_src_off(rs->run, fa), run_src_off(rs->run, b - 1) + 1,
			                RULE_LABEL_NUMMER, fix, "%s", msg);
			free(fix);
			free(msg);
		} else if (target->kind == UNIT_ARTICLE && (it->lid || it->point[0])) {
			struct ref_item shifted = *it;
			shifted.lid_start += l->start, shifted.lid_end += l->start;
			shifted.point_start += l->start, shifted.point_end += l->start;
			shifted.sub_start += l->start, shifted.sub_end += l->start;
			resolve_within(rs, target, it->lid, &shifted);
		}
	}
	ref_scan_release(&sc);
}

static int safe_url(const char *u)
{
	return strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0 ||
	       strncmp(u, "mailto:", 7) == 0;
}

static void resolve_link(struct resolver *rs, const struct run_link *l)
{
	struct inl *link = l->link;
	const char *url = link->url;
	if (url[0] == '#') {
		struct unit *u = ordinance_find_label(rs->o, url + 1);
		const struct theme *t = u ? NULL : ordinance_find_theme(rs->o, url + 1);
		if (u) {
			link->target = xasprintf("#%s", u->eid);
			check_link_text(rs, l, u);
		} else if (t) {
			link->target = xasprintf("#thema_%s", t->id);
		} else {
			const char *near = label_suggest(rs->o, url + 1);
			diag_report(rs->d, link->span.src, link->span.start, link->span.end, RULE_LABEL_ONBEKEND,
			            "het label '%s' bestaat niet%s%s%s", url, near ? "; bedoelt u '#" : "",
			            near ? near : "", near ? "'?" : "");
		}
	} else if (!safe_url(url)) {
		diag_report(rs->d, link->span.src, link->span.start, link->span.end, RULE_LINK_ONVEILIG,
		            "ovc publiceert alleen links naar https:, http:, mailto: of een #label, niet "
		            "'%s'",
		            url);
	}
}

static void resolve_text(struct blk *b, const struct text_ctx *c, void *ud)
{
	struct resolver *rs = ud;
	struct run *r = b->run;
	if (!r)
		return;
	rs->c = c;
	rs->run = r;
	rs->src = b->span.src;
	for (size_t i = 0; i < r->nlinks; i++)
		resolve_link(rs, &r->links[i]);
	if (c->in_definition && !rs->o->vrij)
		return; /* definitions cite laws in their own words; terms are checked apart */
	struct ref_scan sc;
	ref_scan_init(&sc);
	sc.aliases = rs->o->aliases;
	sc.naliases = rs->o->naliases;
	sc.self_name = rs->o->fm[FM_CITEERTITEL] ? rs->o->fm[FM_CITEERTITEL] : rs->o->fm[FM_TITEL];
	refs_scan(r->text, r->len, r->flags, &sc);
	for (size_t i = 0; i < sc.nrefs; i++)
		resolve_ref(rs, &sc.refs[i]);
	for (size_t i = 0; i < sc.nstyle; i++)
		report_style(rs, &sc.style[i]);
	ref_scan_release(&sc);
}

/* ---- Terms --------------------------------------------------------------- */

struct term_form {
	struct term *term;
	char *form; /* lower case ASCII letters, as written otherwise */
	size_t len;
	int definition_article;
};

struct term_finder {
	struct term_form *forms;
	size_t nforms, cap;
	/* Forms by their first one or two lower-case bytes, so a text is read
	 * once whatever the number of terms (issue 22: it was read per form);
	 * a table indexed by the two bytes (the second 0 for a one-byte form):
	 * a hash lookup at every word start cost a tenth of the walk. */
	struct form_bucket **by_prefix; /* PREFIX_SLOTS entries */
	unsigned *seen;          /* per form: the run it last matched in */
	unsigned run;
};

#define PREFIX_SLOTS (256 * 256)

static size_t prefix_slot(unsigned char c0, unsigned char c1)
{
	return (size_t)c0 << 8 | c1;
}

struct form_bucket {
	size_t *forms; /* ascending */
	size_t n, cap;
};

struct term_hit {
	size_t form, start, end;
};

static void index_forms(struct term_finder *tf)
{
	tf->by_prefix = tf->nforms ? xcalloc(PREFIX_SLOTS, sizeof *tf->by_prefix) : NULL;
	tf->seen = xcalloc(tf->nforms + 1, sizeof *tf->seen);
	for (size_t f = 0; f < tf->nforms; f++) {
		const struct term_form *tfm = &tf->forms[f];
		size_t k = prefix_slot((unsigned char)tfm->form[0],
		                       tfm->len > 1 ? (unsigned char)tfm->form[1] : 0);
		if (!tf->by_prefix[k])
			tf->by_prefix[k] = xcalloc(1, sizeof **tf->by_prefix);
		struct form_bucket *b = tf->by_prefix[k];
		VEC_PUSH(b->forms, b->n, b->cap, f);
	}
}

static void release_forms(struct term_finder *tf)
{
	for (size_t i = 0; tf->by_prefix && i < PREFIX_SLOTS; i++)
		if (tf->by_prefix[i]) {
			free(tf->by_prefix[i]->forms);
			free(tf->by_prefix[i]);
		}
	free(tf->by_prefix);
	free(tf->seen);
	for (size_t i = 0; i < tf->nforms; i++)
		free(tf->forms[i].form);
	free(tf->forms);
}

static void add_form(struct term_finder *tf, struct term *t, const char *s, size_t n)
{
	while (n && s[n - 1] == ' ')
		n--;
	while (n && *s == ' ')
		s++, n--;
	if (!n)
		return;
	struct term_form f = {t, xstrndup(s, n), n, 0};
	for (size_t i = 0; i < n; i++)
		f.form[i] = (char)ascii_lower((unsigned char)f.form[i]);
	VEC_PUSH(tf->forms, tf->nforms, tf->cap, f);
}

/* "persoonsgebonden budget (pgb)" gives two forms. */
static void add_term(struct term_finder *tf, struct term *t)
{
	const char *open = strchr(t->term, '(');
	const char *close = open ? strchr(open, ')') : NULL;
	if (open && close) {
		add_form(tf, t, t->term, (size_t)(open - t->term));
		add_form(tf, t, open + 1, (size_t)(close - open - 1));
	} else {
		add_form(tf, t, t->term, strlen(t->term));
	}
}

static int boundary_at(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return 1;
	unsigned char c = (unsigned char)s[i];
	return !(is_word_byte(c) || (c >= '0' && c <= '9'));
}

/*
 * May a term take the ending -e? Only adjectives used as nouns do
 * ("jeugdig" → "jeugdige", "belanghebbend" → "belanghebbende"); for a noun
 * the -e makes another word ("ouder" → "oudere werklozen").
 */
static int takes_e(const struct term_form *f)
{
	static const char *const adj[] = {"ig", "nd", "isch", "lijk", NULL};
	for (int i = 0; adj[i]; i++) {
		size_t n = strlen(adj[i]);
		if (f->len >= n && memcmp(f->form + f->len - n, adj[i], n) == 0)
			return 1;
	}
	return 0;
}

/*
 * "18 jaar of ouder", "ouder dan 65": the comparative, not the term. A
 * match preceded by "jaar of" / "jaar en" or followed by "dan" is not used.
 */
static int comparative_at(const struct run *r, size_t i, size_t e)
{
	static const char *const before[] = {"jaar of ", "jaar en ", "jaren of ", NULL};
	for (int k = 0; before[k]; k++) {
		size_t n = strlen(before[k]);
		if (i >= n && ascii_casecmp_n(r->text + i - n, before[k], n) == 0)
			return 1;
	}
	if (!(e + 4 <= r->len && ascii_casecmp_n(r->text + e, " dan", 4) == 0 &&
	      boundary_at(r->text, r->len, e + 4)))
		return 0;
	/* "van de inwoner dan nodig": after an article it is the noun */
	static const char *const det[] = {"de ", "het ", "een ", "die ", "deze ", "zijn ", "haar ", NULL};
	for (int k = 0; det[k]; k++) {
		size_t n = strlen(det[k]);
		if (i >= n && ascii_casecmp_n(r->text + i - n, det[k], n) == 0 &&
		    (i == n || boundary_at(r->text, r->len, i - n - 1)))
			return 0;
	}
	return 1;
}

/* A form at I, with an optional inflection (-s, -en, -n, 's; -e for adjectives); returns end or 0. */
static size_t match_form(const struct run *r, size_t i, const struct term_form *f)
{
	if (i + f->len > r->len)
		return 0;
	for (size_t k = 0; k < f->len; k++)
		if (ascii_lower((unsigned char)r->text[i + k]) != (unsigned char)f->form[k])
			return 0;
	size_t e = i + f->len;
	static const char *const endings[] = {"", "s", "en", "e", "n", "'s"};
	for (size_t k = 0; k < sizeof endings / sizeof *endings; k++) {
		size_t n = strlen(endings[k]);
		if (endings[k][0] == 'e' && n == 1 && !takes_e(f))
			continue;
		if (endings[k][0] == 'n' && !(f->len && f->form[f->len - 1] == 'e'))
			continue; /* -n only after e: "jeugdige" → "jeugdigen" */
		if (e + n <= r->len && ascii_casecmp_n(r->text + e, endings[k], n) == 0 &&
		    boundary_at(r->text, r->len, e + n))
			return comparative_at(r, i, e + n) ? 0 : e + n;
	}
	return 0;
}

static int hit_cmp(const void *a, const void *b)
{
	const struct term_hit *x = a, *y = b;
	return x->form < y->form ? -1 : x->form > y->form;
}

/* The forms in the bucket of the N-byte prefix at P whose first match in
 * this run is at I. */
static void hits_at(struct term_finder *tf, const struct blk *b, const struct run *r, size_t i,
                    size_t n, struct term_hit **hits, size_t *nhits, size_t *cap)
{
	const struct form_bucket *bk =
		tf->by_prefix[prefix_slot((unsigned char)ascii_lower((unsigned char)r->text[i]),
	                                  n > 1 ? (unsigned char)ascii_lower((unsigned char)r->text[i + 1]) : 0)];
	for (size_t k = 0; bk && k < bk->n; k++) {
		size_t f = bk->forms[k];
		struct term_form *form = &tf->forms[f];
		if (tf->seen[f] == tf->run || form->term->item == b) /* its own definition */
			continue;
		size_t e = match_form(r, i, form);
		if (!e)
			continue;
		tf->seen[f] = tf->run;
		struct term_hit h = {f, i, e};
		VEC_PUSH(*hits, *nhits, *cap, h);
	}
}

static void find_terms(struct blk *b, const struct text_ctx *c, void *ud)
{
	struct term_finder *tf = ud;
	struct run *r = b->run;
	if (!r || !tf->nforms)
		return;
	tf->run++;
	struct term_hit *hits = NULL;
	size_t nhits = 0, cap = 0;
	for (size_t i = 0; i < r->len; i++) {
		if ((i && !boundary_at(r->text, r->len, i - 1)) || (r->flags && (r->flags[i] & RUN_CODE)))
			continue;
		hits_at(tf, b, r, i, 1, &hits, &nhits, &cap);
		if (i + 1 < r->len)
			hits_at(tf, b, r, i, 2, &hits, &nhits, &cap);
	}
	/* In the order of the forms, as when each form was sought in turn:
	 * annotate() keeps the first of two overlapping annotations. */
	if (nhits > 1)
		qsort(hits, nhits, sizeof *hits, hit_cmp);
	for (size_t k = 0; k < nhits; k++) {
		struct term_form *form = &tf->forms[hits[k].form];
		form->term->used = 1;
		if (!c->in_definition && form->term->id) {
			if (!form->term->href)
				form->term->href = xasprintf("#term-%s", form->term->id);
			annotate(r, ANNOT_TERM, hits[k].start, hits[k].end, form->term->href);
		}
	}
	free(hits);
}

static void terms_begin(struct term_finder *tf, const struct ordinance *o)
{
	const struct unit *defs = o->begrippen;
	if (defs)
		for (size_t i = 0; i < defs->nterms; i++)
			add_term(tf, &defs->terms[i]);
	index_forms(tf);
}

static void terms_end(struct term_finder *tf, const struct ordinance *o, struct diag_sink *d)
{
	release_forms(tf);
	const struct unit *defs = o->begrippen;
	for (size_t i = 0; defs && i < defs->nterms; i++) {
		const struct term *t = &defs->terms[i];
		if (!t->used)
			diag_report(d, t->span.src, t->span.start, t->span.end, RULE_BEGRIP_ONGEBRUIKT,
			            "het begrip '%s' wordt nergens in de verordening gebruikt", t->term);
	}
}

static void sort_annots(struct run *r)
{
	if (r && r->nannots > 1)
		qsort(r->annots, r->nannots, sizeof *r->annots, annot_cmp);
}

struct resolve_walk {
	struct resolver rs;
	struct term_finder tf;
};

/* One walk does all three per text: each text's references, then its
 * defined terms (annotate() keeps the reference where they overlap), then
 * the sort. Three walks over 100,000 articles cost a fifth of ovc check
 * in cache misses alone (issue 22). */
static void resolve_one(struct blk *b, const struct text_ctx *c, void *ud)
{
	struct resolve_walk *w = ud;
	resolve_text(b, c, &w->rs);
	find_terms(b, c, &w->tf);
	sort_annots(b->run);
}

void resolve_ordinance(struct ordinance *o, struct diag_sink *d)
{
	struct resolve_walk w = {{o, d, NULL, NULL, NULL}, {0}};
	terms_begin(&w.tf, o);
	ordinance_each_text_mut(o, resolve_one, &w);
	terms_end(&w.tf, o, d);
}
