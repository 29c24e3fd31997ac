/*
 * The generator of `ovc wijzig` (src/emit/wijzig_gen.h). It matches the
 * articles of two versions (label, then title, then number and text), walks
 * each chapter in the order of the text and writes one change item per
 * changed article in the formulas of docs/wijzig.md. Every instruction is
 * applied to a working copy of the old text with the applier of `ovc
 * pas-toe` as soon as it is written, so numbers in later instructions are
 * those of the text at that point, and an article whose instructions do not
 * give the new text exactly is written whole ("komt te luiden").
 */
#include "wijzig_gen.h"

#include "model.h"
#include "util.h"
#include "wijzig_diff.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- Instructions ---------------------------------------------------------- */

static struct wz_instr instr_new(const char *text, char *content)
{
	struct wz_instr in = {0};
	in.text = xstrdup(text);
	in.content = content;
	return in;
}

static void instr_push(struct wz_instr *parent, struct wz_instr in)
{
	VEC_PUSH(parent->kids, parent->nkids, parent->capkids, in);
}

/* ---- Canonical forms ------------------------------------------------------- */

static char *block_canon(const char *raw)
{
	return strstr(raw, "\n\n") ? xstrdup(raw) : wz_norm(raw, strlen(raw));
}

/* Everything of an article that a change can touch, as one text. */
static char *art_canon(const struct wz_art *a, int legal_only)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%s\n%s\n", a->title, a->attrs ? a->attrs : "");
	for (size_t k = 0; k < a->nblocks; k++) {
		int is_regels = (int)k == a->regels, is_doel = (int)k == a->doel;
		if (legal_only && !is_regels && !is_doel)
			continue;
		strbuf_printf(&sb, "[%s]\n", a->blocks[k].name ? a->blocks[k].name : "");
		char *t = is_regels ? wz_art_regels_text(a) : block_canon(a->blocks[k].raw);
		strbuf_puts(&sb, t);
		strbuf_putc(&sb, '\n');
		free(t);
	}
	return strbuf_detach(&sb, NULL);
}

static int art_equal(const struct wz_art *a, const struct wz_art *b, int legal_only)
{
	char *x = art_canon(a, legal_only), *y = art_canon(b, legal_only);
	int eq = strcmp(x, y) == 0;
	free(x);
	free(y);
	return eq;
}

/* Do A and B differ outside the title, the Doel and the Regels? */
static int art_other_differs(const struct wz_art *a, const struct wz_art *b)
{
	if (a->nblocks != b->nblocks || (a->attrs ? !b->attrs || strcmp(a->attrs, b->attrs) : !!b->attrs) ||
	    a->level != b->level || a->written != b->written || a->regels != b->regels || a->doel != b->doel)
		return 1;
	for (size_t k = 0; k < a->nblocks; k++) {
		const char *na = a->blocks[k].name ? a->blocks[k].name : "";
		const char *nb = b->blocks[k].name ? b->blocks[k].name : "";
		if (strcmp(na, nb) != 0)
			return 1;
		if ((int)k == a->regels || (int)k == a->doel)
			continue;
		char *x = block_canon(a->blocks[k].raw), *y = block_canon(b->blocks[k].raw);
		int d = strcmp(x, y) != 0;
		free(x);
		free(y);
		if (d)
			return 1;
	}
	return 0;
}

/* ---- Content as published -------------------------------------------------- */

static void pt_content(struct strbuf *sb, const struct wz_pt *p, size_t idx, int depth, int indent)
{
	for (int k = 0; k < indent; k++)
		strbuf_putc(sb, ' ');
	if (depth == 1) {
		char l[8];
		wz_letter(idx, l);
		strbuf_printf(sb, "%s. %s\n", l, p->text);
	} else {
		strbuf_printf(sb, "%zu°. %s\n", idx + 1, p->text);
	}
	for (size_t k = 0; k < p->nsubs; k++)
		pt_content(sb, &p->subs[k], k, 2, indent + 3);
}

static char *lid_content(const struct wz_lid *l, size_t num)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%zu. %s\n", num, l->intro);
	for (size_t k = 0; k < l->npts; k++)
		pt_content(&sb, &l->pts[k], k, 1, 3);
	sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

static char *point_content(const struct wz_pt *p, size_t idx)
{
	struct strbuf sb;
	strbuf_init(&sb);
	pt_content(&sb, p, idx, 1, 0);
	sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

static char *art_content(const struct wz_art *a)
{
	struct strbuf sb;
	strbuf_init(&sb);
	wz_art_write(a, &sb);
	while (sb.len && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = '\0';
	return strbuf_detach(&sb, NULL);
}

/* ---- Onderdelen of one lid ------------------------------------------------- */

static char *pt_body(const char *t)
{
	return xstrndup(t, strlen(t) - strlen(pastoe_tail(t)));
}

static int pts_equal(const struct wz_pt *a, size_t na, const struct wz_pt *b, size_t nb)
{
	if (na != nb)
		return 0;
	for (size_t k = 0; k < na; k++)
		if (strcmp(a[k].text, b[k].text) != 0 || !pts_equal(a[k].subs, a[k].nsubs, b[k].subs, b[k].nsubs))
			return 0;
	return 1;
}

static const char *tail_def(const char *t)
{
	return !strcmp(t, ".") ? "de punt" : !strcmp(t, ";") ? "de puntkomma" : !strcmp(t, "; en") ? "\"; en\"" : "\"; of\"";
}

static const char *tail_indef(const char *t)
{
	return !strcmp(t, ".") ? "een punt" : !strcmp(t, ";") ? "een puntkomma" : !strcmp(t, "; en") ? "\"; en\"" : "\"; of\"";
}

static int lid_equal(const struct wz_lid *a, const struct wz_lid *b)
{
	return strcmp(a->intro, b->intro) == 0 && pts_equal(a->pts, a->npts, b->pts, b->npts);
}

static void lid_release(struct wz_lid *l)
{
	struct wz_art tmp = {0};
	tmp.leden = l;
	tmp.nleden = 1;
	tmp.leden = xmalloc(sizeof *l);
	tmp.leden[0] = *l;
	wz_art_release(&tmp);
}

static void lid_copy(struct wz_lid *dst, const struct wz_lid *src)
{
	struct wz_art s = {0}, d;
	s.leden = (struct wz_lid *)src;
	s.nleden = 1;
	s.title = "";
	wz_art_copy(&d, &s);
	*dst = d.leden[0];
	free(d.leden);
	free(d.title);
}

/*
 * The instructions that turn lid CUR into lid T at the level of its aanhef
 * and onderdelen (relative: "In onderdeel b …"), into G. Applies them to
 * CUR. Returns 0, or -1 when only a whole new lid can say it.
 */
static int lid_group_ops(struct wz_lid *cur, const struct wz_lid *t, struct wz_instr *g)
{
	char *err = NULL;
	if (strcmp(cur->intro, t->intro) != 0) {
		char *cl = wz_text_clauses(cur->intro, t->intro);
		if (!cl)
			return -1;
		struct wz_instr in = {0};
		in.text = xasprintf("In de aanhef %s", cl);
		free(cl);
		instr_push(g, in);
	}
	char **a = xcalloc(cur->npts + 1, sizeof *a), **b = xcalloc(t->npts + 1, sizeof *b);
	for (size_t k = 0; k < cur->npts; k++)
		a[k] = pt_body(cur->pts[k].text);
	for (size_t k = 0; k < t->npts; k++)
		b[k] = pt_body(t->pts[k].text);
	struct wz_step *st;
	size_t ns = wz_align(a, cur->npts, b, t->npts, 0.5, &st);
	size_t pos = 0, n = cur->npts;
	long last_struct = -1;
	int rc = 0;
	for (size_t k = 0; k < ns && rc == 0; k++) {
		char l[8];
		wz_letter(pos, l);
		struct wz_instr in = {0};
		if (st[k].kind == WZ_MATCH) {
			const struct wz_pt *tp = &t->pts[st[k].j];
			const struct wz_pt *cp = &cur->pts[st[k].i];
			pos++;
			if (!strcmp(a[st[k].i], b[st[k].j]) && pts_equal(cp->subs, cp->nsubs, tp->subs, tp->nsubs))
				continue;
			char *cl = NULL;
			if (pts_equal(cp->subs, cp->nsubs, tp->subs, tp->nsubs)) {
				char *want = xasprintf("%s%s", b[st[k].j], pastoe_tail(cp->text));
				cl = wz_text_clauses(cp->text, want);
				free(want);
			}
			if (cl)
				in.text = xasprintf("In onderdeel %s %s", l, cl);
			else {
				in.text = xasprintf("Onderdeel %s komt te luiden:", l);
				in.content = point_content(tp, pos - 1);
			}
			free(cl);
		} else if (st[k].kind == WZ_DEL && k + 1 < ns && st[k + 1].kind == WZ_INS) {
			in.text = xasprintf("Onderdeel %s komt te luiden:", l);
			in.content = point_content(&t->pts[st[k + 1].j], pos);
			k++;
			pos++;
		} else if (st[k].kind == WZ_DEL) {
			if (pos + 1 < n) {
				char *r = pastoe_points_range(pos + 1, pos, n - pos - 1);
				in.text = xasprintf("Onderdeel %s vervalt, onder verlettering van %s.", l, r);
				free(r);
			} else {
				in.text = xasprintf("Onderdeel %s vervalt.", l);
			}
			n--;
			last_struct = (long)g->nkids;
		} else {
			if (pos == n) {
				in.text = xstrdup("Er wordt een onderdeel toegevoegd, luidende:");
			} else {
				char *r = pastoe_points_range(pos, pos + 1, n - pos);
				in.text = xasprintf("Onder verlettering van %s wordt een onderdeel ingevoegd, luidende:", r);
				free(r);
			}
			in.content = point_content(&t->pts[st[k].j], pos);
			n++;
			pos++;
			last_struct = (long)g->nkids;
		}
		instr_push(g, in);
	}
	free(st);
	for (size_t k = 0; k < cur->npts; k++)
		free(a[k]);
	for (size_t k = 0; k < t->npts; k++)
		free(b[k]);
	free(a);
	free(b);
	/* simulate, then add the bookkeeping of ";", "; en", "; of" and "." */
	struct wz_lid sim;
	lid_copy(&sim, cur);
	for (size_t k = 0; k < g->nkids && rc == 0; k++)
		if (pastoe_lid(&sim, &g->kids[k], &err) != 0)
			rc = -1;
	if (rc == 0 && sim.npts == t->npts) {
		struct strbuf cl;
		strbuf_init(&cl);
		for (size_t k = 0; k < t->npts; k++) {
			const char *x = pastoe_tail(sim.pts[k].text), *y = pastoe_tail(t->pts[k].text);
			if (!strcmp(x, y))
				continue;
			if (!*x || !*y) {
				rc = -1;
				break;
			}
			char l[8];
			wz_letter(k, l);
			if (last_struct >= 0) {
				strbuf_printf(&cl, "%svervanging van %s aan het slot van onderdeel %s door %s",
				              cl.len ? " en onder " : "", tail_def(x), l, tail_indef(y));
			} else {
				struct wz_instr in = {0};
				in.text = xasprintf("Aan het slot van onderdeel %s wordt %s vervangen door %s.", l,
				                    tail_def(x), tail_indef(y));
				instr_push(g, in);
			}
		}
		if (rc == 0 && cl.len) {
			struct wz_instr *in = &g->kids[last_struct];
			char *old = in->text, *nt;
			if (strncmp(old, "Onder ", 6) == 0) {
				nt = xasprintf("Onder %s en onder %s", cl.buf, old + 6);
			} else if (strncmp(old, "Er wordt ", 9) == 0) {
				nt = xasprintf("Onder %s wordt %s", cl.buf, old + 9);
			} else if (strstr(old, "vervalt, onder ")) {
				nt = xasprintf("%.*s en onder %s.", (int)strlen(old) - 1, old, cl.buf);
			} else {
				nt = xasprintf("%.*s, onder %s.", (int)strlen(old) - 1, old, cl.buf);
			}
			in->text = nt;
			free(old);
		}
		strbuf_release(&cl);
	}
	lid_release(&sim);
	if (rc)
		return -1;
	/* the whole group once more from the start: it must give T exactly */
	lid_copy(&sim, cur);
	for (size_t k = 0; k < g->nkids && rc == 0; k++)
		if (pastoe_lid(&sim, &g->kids[k], &err) != 0)
			rc = -1;
	if (rc == 0 && !lid_equal(&sim, t))
		rc = -1;
	lid_release(&sim);
	free(err);
	for (size_t k = 0; k < g->nkids; k++) {
		char l[8];
		wz_letter(k, l);
		g->kids[k].label = xstrdup(l);
	}
	return rc;
}

/* ---- Leden of one article -------------------------------------------------- */

struct art_ops {
	struct wz_instr top;    /* "Artikel N wordt als volgt gewijzigd:" and its kids */
	struct strbuf what;     /* summary */
};

__attribute__((format(printf, 2, 3))) static void what_add(struct art_ops *ao, const char *fmt, ...)
{
	if (ao->what.len)
		strbuf_puts(&ao->what, "; ");
	va_list ap;
	va_start(ap, fmt);
	strbuf_vprintf(&ao->what, fmt, ap);
	va_end(ap);
}

/* Apply sub-instruction IN to the working article WA and keep it. */
static int sub_add(struct art_ops *ao, struct wz_art *wa, struct wz_instr in)
{
	char *err = NULL;
	int rc = pastoe_article(NULL, wa, &in, &err);
	free(err);
	instr_push(&ao->top, in);
	return rc;
}

/* Lid POS (0-based) of WA becomes T. */
static int lid_change(struct art_ops *ao, struct wz_art *wa, size_t pos, const struct wz_lid *t)
{
	struct wz_lid *cur = &wa->leden[pos];
	const char *ord = ordinal_word((int)pos + 1);
	if (wa->numbered && !ord)
		return -1;
	if (!cur->npts && !t->npts) {
		char *cl = wz_text_clauses(cur->intro, t->intro);
		if (cl) {
			struct wz_instr in = {0};
			in.text = wa->numbered ? xasprintf("In het %s lid %s", ord, cl) : xasprintf("In de tekst %s", cl);
			free(cl);
			what_add(ao, "%s gewijzigd", wa->numbered ? ord : "tekst");
			if (wa->numbered)
				ao->what.len -= strlen(" gewijzigd"), strbuf_puts(&ao->what, " lid gewijzigd");
			return sub_add(ao, wa, in);
		}
	}
	struct wz_instr g = {0};
	if ((cur->npts || t->npts) && lid_group_ops(cur, t, &g) == 0) {
		if (wa->numbered) {
			what_add(ao, "%s lid gewijzigd", ord);
			struct wz_instr in = {0};
			const char *k0 = g.nkids == 1 ? g.kids[0].text : "";
			if (g.nkids == 1 && strncmp(k0, "In de aanhef ", 13) == 0) {
				in.text = xasprintf("In het %s lid, aanhef, %s", ord, k0 + 13);
			} else if (g.nkids == 1 && strncmp(k0, "In onderdeel ", 13) == 0) {
				const char *sp = strchr(k0 + 13, ' ');
				in.text = xasprintf("In het %s lid, onderdeel %.*s, %s", ord, (int)(sp - k0 - 13), k0 + 13, sp + 1);
			} else if (g.nkids == 1 && strncmp(k0, "Onderdeel ", 10) == 0 && strstr(k0, " komt te luiden:")) {
				const char *sp = strchr(k0 + 10, ' ');
				in.text = xasprintf("Het %s lid, onderdeel %.*s, komt te luiden:", ord, (int)(sp - k0 - 10), k0 + 10);
				in.content = g.kids[0].content;
				g.kids[0].content = NULL;
			} else {
				in.text = xasprintf("Het %s lid wordt als volgt gewijzigd:", ord);
				in.kids = g.kids;
				in.nkids = g.nkids;
				in.capkids = g.capkids;
				g.kids = NULL;
				g.nkids = 0;
			}
			wz_instr_release(&g);
			return sub_add(ao, wa, in);
		}
		what_add(ao, "%s", "tekst gewijzigd");
		int rc = 0;
		for (size_t k = 0; k < g.nkids && rc == 0; k++) {
			struct wz_instr in = g.kids[k];
			free(in.label);
			in.label = NULL;
			memset(&g.kids[k], 0, sizeof g.kids[k]);
			rc = sub_add(ao, wa, in);
		}
		wz_instr_release(&g);
		return rc;
	}
	wz_instr_release(&g);
	if (!wa->numbered)
		return -1;
	struct wz_instr in = {0};
	in.text = xasprintf("Het %s lid komt te luiden:", ord);
	in.content = lid_content(t, pos + 1);
	what_add(ao, "%s lid vervangen", ord);
	return sub_add(ao, wa, in);
}

static char *lid_flat(const struct wz_lid *l)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, l->intro);
	for (size_t k = 0; k < l->npts; k++) {
		strbuf_putc(&sb, ' ');
		strbuf_puts(&sb, l->pts[k].text);
		for (size_t s = 0; s < l->pts[k].nsubs; s++)
			strbuf_printf(&sb, " %s", l->pts[k].subs[s].text);
	}
	return strbuf_detach(&sb, NULL);
}

static int leden_ops(struct art_ops *ao, struct wz_art *wa, const struct wz_art *t)
{
	/* Aanwijzing 6.18, derde lid: an article without leden gets them */
	if (!wa->numbered && t->numbered) {
		if (sub_add(ao, wa, instr_new("Voor de tekst wordt de aanduiding \"1.\" geplaatst.", NULL)))
			return -1;
		what_add(ao, "%s", "in leden verdeeld");
	}
	/* vierde lid: back to one lid */
	if (wa->numbered && !t->numbered) {
		if (wa->nleden != 2)
			return -1;
		if (sub_add(ao, wa, instr_new("Het tweede lid alsmede de aanduiding \"1.\" voor het eerste "
		                               "lid vervallen.", NULL)))
			return -1;
		what_add(ao, "%s", "tweede lid vervallen, niet langer in leden verdeeld");
	}
	char **a = xcalloc(wa->nleden + 1, sizeof *a), **b = xcalloc(t->nleden + 1, sizeof *b);
	size_t na = wa->nleden;
	for (size_t k = 0; k < na; k++)
		a[k] = lid_flat(&wa->leden[k]);
	for (size_t k = 0; k < t->nleden; k++)
		b[k] = lid_flat(&t->leden[k]);
	struct wz_step *st;
	size_t ns = wz_align(a, na, b, t->nleden, 0.4, &st);
	size_t pos = 0;
	int rc = 0;
	for (size_t k = 0; k < ns && rc == 0; k++) {
		if (st[k].kind == WZ_MATCH) {
			if (!lid_equal(&wa->leden[pos], &t->leden[st[k].j]))
				rc = lid_change(ao, wa, pos, &t->leden[st[k].j]);
			pos++;
			continue;
		}
		if (!wa->numbered)
			rc = -1;
		const char *ord = ordinal_word((int)pos + 1);
		if (rc || !ord || wa->nleden + 2 > 20) {
			rc = -1;
			break;
		}
		struct wz_instr in = {0};
		if (st[k].kind == WZ_DEL && k + 1 < ns && st[k + 1].kind == WZ_INS) {
			in.text = xasprintf("Het %s lid komt te luiden:", ord);
			in.content = lid_content(&t->leden[st[k + 1].j], pos + 1);
			what_add(ao, "%s lid vervangen", ord);
			k++;
			pos++;
		} else if (st[k].kind == WZ_DEL) {
			size_t n = wa->nleden;
			if (pos + 1 < n) {
				char *r = pastoe_leden_range(pos + 2, pos + 1, n - pos - 1);
				in.text = xasprintf("Het %s lid vervalt, onder vernummering van %s.", ord, r);
				free(r);
			} else {
				in.text = xasprintf("Het %s lid vervalt.", ord);
			}
			what_add(ao, "%s lid vervallen", ord);
		} else {
			size_t n = wa->nleden;
			if (pos == n) {
				in.text = xstrdup("Er wordt een lid toegevoegd, luidende:");
				what_add(ao, "%s lid toegevoegd", ord);
			} else {
				char *r = pastoe_leden_range(pos + 1, pos + 2, n - pos);
				in.text = xasprintf("Onder vernummering van %s wordt een lid ingevoegd, luidende:", r);
				free(r);
				what_add(ao, "%s lid ingevoegd", ord);
			}
			in.content = lid_content(&t->leden[st[k].j], pos + 1);
			pos++;
		}
		rc = sub_add(ao, wa, in);
	}
	free(st);
	for (size_t k = 0; k < na; k++)
		free(a[k]);
	for (size_t k = 0; k < t->nleden; k++)
		free(b[k]);
	free(a);
	free(b);
	return rc;
}

/*
 * The instructions for an article that stays (WA, current, in the working
 * copy) and becomes T. Fills AO; returns 0, or -1 when the article is best
 * written whole.
 */
static int article_ops(struct art_ops *ao, const struct wz_art *w, const struct wz_art *t)
{
	int plain = w->structured && t->structured;
	if (!plain) { /* no leden to address: only the opschrift and the doel can change */
		char *x = wz_art_regels_text(w), *y = wz_art_regels_text(t);
		int same = !strcmp(x, y);
		free(x);
		free(y);
		if (!same)
			return -1;
	}
	if (art_other_differs(w, t))
		return -1;
	struct wz_art wa;
	wz_art_copy(&wa, w);
	int rc = 0;
	if (strcmp(wa.title, t->title) != 0) {
		char *s = xasprintf("Het opschrift komt te luiden: %s", t->title);
		rc = sub_add(ao, &wa, instr_new(s, NULL));
		free(s);
		what_add(ao, "%s", "opschrift gewijzigd");
	}
	if (rc == 0 && wa.doel >= 0) {
		char *x = block_canon(wa.blocks[wa.doel].raw), *y = block_canon(t->blocks[t->doel].raw);
		if (strcmp(x, y) != 0) {
			char *cl = strchr(x, '\n') || strchr(y, '\n') ? NULL : wz_text_clauses(x, y);
			struct wz_instr in = {0};
			if (cl) {
				in.text = xasprintf("In het doel %s", cl);
			} else {
				in.text = xstrdup("Het doel komt te luiden:");
				in.content = xstrdup(t->blocks[t->doel].raw);
			}
			free(cl);
			rc = sub_add(ao, &wa, in);
			what_add(ao, "%s", "doel gewijzigd");
		}
		free(x);
		free(y);
	}
	if (rc == 0 && plain)
		rc = leden_ops(ao, &wa, t);
	if (rc == 0 && !art_equal(&wa, t, 0))
		rc = -1;
	wz_art_release(&wa);
	return rc;
}

/* ---- Matching articles ------------------------------------------------------ */

struct side {
	struct wz_art **arts;
	size_t n;
	size_t *cont;    /* container (chapter or paragraaf) index of each article */
	long *match;     /* index on the other side, or -1 */
	int *stable;     /* stays in place (not moved) */
};

static void side_load(struct side *s, const struct wz_doc *d)
{
	s->n = wz_doc_articles(d, &s->arts);
	s->cont = xcalloc(s->n + 1, sizeof *s->cont);
	s->match = xcalloc(s->n + 1, sizeof *s->match);
	s->stable = xcalloc(s->n + 1, sizeof *s->stable);
	size_t c = 0, k = 0;
	for (size_t f = 0; f < d->nfiles; f++)
		for (size_t i = 0; i < d->files[f].nchunks; i++) {
			const struct wz_chunk *ch = &d->files[f].chunks[i];
			if (ch->kind == WZ_CHAPTER || ch->kind == WZ_SECTION)
				c++;
			else if (ch->kind == WZ_ARTICLE) {
				s->cont[k] = c;
				s->match[k++] = -1;
			}
		}
}

static void side_release(struct side *s)
{
	free(s->arts);
	free(s->cont);
	free(s->match);
	free(s->stable);
}

static char *art_words(const struct wz_art *a)
{
	char *r = wz_art_regels_text(a);
	char *n = wz_norm(r, strlen(r));
	free(r);
	return n;
}

static void pair(struct side *o, struct side *n, size_t i, size_t j, enum wz_match how,
                 struct wz_result *r, enum wz_match *kind)
{
	o->match[i] = (long)j;
	n->match[j] = (long)i;
	kind[j] = how;
	r->matched[how]++;
}

static void match_articles(struct side *o, struct side *n, struct wz_result *r, enum wz_match *kind)
{
	for (size_t j = 0; j < n->n; j++)
		if (n->arts[j]->label)
			for (size_t i = 0; i < o->n; i++)
				if (o->match[i] < 0 && o->arts[i]->label && !strcmp(o->arts[i]->label, n->arts[j]->label)) {
					pair(o, n, i, j, WZ_M_LABEL, r, kind);
					break;
				}
	for (size_t j = 0; j < n->n; j++)
		for (size_t i = 0; n->match[j] < 0 && i < o->n; i++)
			if (o->match[i] < 0 && o->cont[i] == n->cont[j] && !strcmp(o->arts[i]->title, n->arts[j]->title) &&
			    !(o->arts[i]->label && n->arts[j]->label))
				pair(o, n, i, j, WZ_M_TITLE, r, kind);
	char **ow = xcalloc(o->n + 1, sizeof *ow), **nw = xcalloc(n->n + 1, sizeof *nw);
	for (size_t j = 0; j < n->n; j++)
		if (n->match[j] < 0)
			nw[j] = art_words(n->arts[j]);
	for (size_t i = 0; i < o->n; i++)
		if (o->match[i] < 0)
			ow[i] = art_words(o->arts[i]);
	/* same number and similar text, then similar text anywhere */
	for (int pass = 0; pass < 2; pass++)
		for (size_t j = 0; j < n->n; j++) {
			if (n->match[j] >= 0)
				continue;
			double best = pass ? 0.6 : 0.3;
			long bi = -1;
			for (size_t i = 0; i < o->n; i++) {
				if (o->match[i] >= 0 || (pass == 0 && strcmp(o->arts[i]->num, n->arts[j]->num)))
					continue;
				if (o->arts[i]->label && n->arts[j]->label)
					continue;
				double s = wz_similarity(ow[i], nw[j]);
				if (s >= best) {
					best = s;
					bi = (long)i;
				}
			}
			if (bi >= 0)
				pair(o, n, (size_t)bi, j, pass ? WZ_M_TEXT : WZ_M_NUMBER, r, kind);
		}
	for (size_t i = 0; i < o->n; i++)
		free(ow[i]);
	for (size_t j = 0; j < n->n; j++)
		free(nw[j]);
	free(ow);
	free(nw);
	/* stable: the longest run in order within the same container */
	size_t *len = xcalloc(n->n + 1, sizeof *len);
	long *prev = xcalloc(n->n + 1, sizeof *prev);
	long bestj = -1;
	for (size_t j = 0; j < n->n; j++) {
		prev[j] = -1;
		long i = n->match[j];
		if (i < 0 || o->cont[i] != n->cont[j])
			continue;
		len[j] = 1;
		for (size_t q = 0; q < j; q++) {
			long iq = n->match[q];
			if (len[q] && iq < i && len[q] + 1 > len[j]) {
				len[j] = len[q] + 1;
				prev[j] = (long)q;
			}
		}
		if (bestj < 0 || len[j] > len[bestj])
			bestj = (long)j;
	}
	for (long j = bestj; j >= 0; j = prev[j]) {
		n->stable[j] = 1;
		o->stable[n->match[j]] = 1;
	}
	free(len);
	free(prev);
}

static int ends_with_str(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* ---- Walking the text ------------------------------------------------------- */

struct gen {
	struct wz_doc w;          /* the working copy */
	struct side o, n;
	struct wz_art **wart;     /* working article of each old article */
	struct wz_art **nwart;    /* working article of each new article, once placed */
	enum wz_match *kind;
	struct wz_result *r;
	const struct wz_options *op;
	char *err;
};

static void note(struct gen *g, const char *art, const char *item, const char *what)
{
	struct wz_note nt = {xstrdup(art), xstrdup(item), xstrdup(what)};
	VEC_PUSH(g->r->notes, g->r->nnotes, g->r->capnotes, nt);
}

/* Apply top-level IT to the working copy and add it as the next item. */
static int item_add(struct gen *g, struct wz_instr it, const char *art, const char *what)
{
	char lbl[16];
	wz_item_label(g->r->am.nitems, lbl);
	it.label = xstrdup(lbl);
	char *err = NULL;
	if (pastoe_item(&g->w, &it, &err) != 0) {
		g->err = xasprintf("interne fout bij onderdeel %s (%s): %s", lbl, it.text, err);
		free(err);
		wz_instr_release(&it);
		return -1;
	}
	note(g, art, lbl, what);
	VEC_PUSH(g->r->am.items, g->r->am.nitems, g->r->am.capitems, it);
	return 0;
}

static int do_replace(struct gen *g, struct wz_art *wa, const struct wz_art *t, const char *why)
{
	char *num = xstrdup(wa->num);
	struct wz_art tmp;
	wz_art_copy(&tmp, t);
	free(tmp.num);
	tmp.num = xstrdup(num);
	char *s = xasprintf("Artikel %s komt te luiden:", num);
	struct wz_instr it = instr_new(s, art_content(&tmp));
	free(s);
	wz_art_release(&tmp);
	int rc = item_add(g, it, num, why);
	free(num);
	return rc;
}

static int do_modify(struct gen *g, struct wz_art *wa, const struct wz_art *t, size_t j)
{
	if (art_equal(wa, t, 0))
		return 0;
	struct art_ops ao = {{0}, {0}};
	strbuf_init(&ao.what);
	int rc = article_ops(&ao, wa, t);
	const char *how = g->kind[j] == WZ_M_TEXT ? " (gekoppeld op tekstgelijkenis)"
	                  : g->kind[j] == WZ_M_NUMBER ? " (gekoppeld op nummer en tekst)" : "";
	if (rc != 0 || ao.top.nkids == 0) {
		wz_instr_release(&ao.top);
		strbuf_release(&ao.what);
		char *why = xasprintf("artikel vervangen%s%s", how,
		                      art_other_differs(wa, t) ? " (ook kenmerken, Voor inwoners of Toelichting gewijzigd)" : "");
		rc = do_replace(g, wa, t, why);
		free(why);
		return rc;
	}
	char *num = xstrdup(wa->num);
	struct wz_instr it = {0};
	const char *k0 = ao.top.kids[0].text;
	int one = ao.top.nkids == 1 && !ao.top.kids[0].nkids;
	if (one && strncmp(k0, "In onderdeel ", 13) == 0) {
		const char *sp = strchr(k0 + 13, ' ');
		it.text = xasprintf("In artikel %s, onderdeel %.*s, %s", num, (int)(sp - k0 - 13), k0 + 13, sp + 1);
		wz_instr_release(&ao.top);
	} else if (one && strncmp(k0, "In de aanhef ", 13) == 0) {
		it.text = xasprintf("In artikel %s, aanhef, %s", num, k0 + 13);
		wz_instr_release(&ao.top);
	} else if (one && strncmp(k0, "Onderdeel ", 10) == 0 && ends_with_str(k0, " komt te luiden:")) {
		it.text = xasprintf("Artikel %s, onderdeel %.*s, komt te luiden:", num, (int)(strlen(k0) - 10 - 16), k0 + 10);
		it.content = ao.top.kids[0].content;
		ao.top.kids[0].content = NULL;
		wz_instr_release(&ao.top);
	} else if (one && strncmp(k0, "In het ", 7) == 0 && strncmp(k0, "In het doel ", 12) != 0) {
		/* one change: "In artikel N, derde lid, wordt …" (Aanwijzing 6.15, voorbeeld A) */
		const char *p = k0 + 7; /* after "In het " */
		const char *sp = strchr(p, ' ');
		const char *rest = sp + 4; /* after " lid" */
		if (*rest == ',')
			it.text = xasprintf("In artikel %s, %.*s lid%s", num, (int)(sp - p), p, rest);
		else
			it.text = xasprintf("In artikel %s, %.*s lid,%s", num, (int)(sp - p), p, rest);
		wz_instr_release(&ao.top);
	} else if (ao.top.nkids == 1 && strncmp(k0, "Het ", 4) == 0 && ends_with_str(k0, " lid komt te luiden:")) {
		it.text = xasprintf("Artikel %s, %.*s lid, komt te luiden:", num, (int)(strlen(k0) - 4 - 20), k0 + 4);
		it.content = ao.top.kids[0].content;
		ao.top.kids[0].content = NULL;
		wz_instr_release(&ao.top);
	} else if (ao.top.nkids == 1 && strncmp(k0, "Het ", 4) == 0 && strstr(k0, " lid, onderdeel ") &&
	           ends_with_str(k0, ", komt te luiden:")) {
		it.text = xasprintf("Artikel %s, %s", num, k0 + 4);
		it.content = ao.top.kids[0].content;
		ao.top.kids[0].content = NULL;
		wz_instr_release(&ao.top);
	} else if (one && strncmp(k0, "Het ", 4) == 0 && strstr(k0, " lid vervalt") &&
	           !strstr(k0, "alsmede")) {
		const char *v = strstr(k0, " lid vervalt");
		it.text = xasprintf("Artikel %s, %.*s lid, vervalt%s", num, (int)(v - k0 - 4), k0 + 4, v + 12);
		wz_instr_release(&ao.top);
	} else if (ao.top.nkids == 1 && !ao.top.kids[0].nkids && strncmp(k0, "In de tekst ", 12) == 0) {
		it.text = xasprintf("In artikel %s %s", num, k0 + 12);
		wz_instr_release(&ao.top);
	} else if (ao.top.nkids == 1 && !ao.top.kids[0].nkids && strncmp(k0, "In het doel ", 12) == 0) {
		it.text = xasprintf("In het doel van artikel %s %s", num, k0 + 12);
		wz_instr_release(&ao.top);
	} else if (ao.top.nkids == 1 && strncmp(k0, "Het opschrift komt te luiden: ", 30) == 0) {
		it.text = xasprintf("Het opschrift van artikel %s komt te luiden: %s", num, k0 + 30);
		wz_instr_release(&ao.top);
	} else {
		it = ao.top;
		it.text = xasprintf("Artikel %s wordt als volgt gewijzigd:", num);
		for (size_t k = 0; k < it.nkids; k++) {
			free(it.kids[k].label);
			it.kids[k].label = xasprintf("%zu", k + 1);
		}
	}
	char *what = xasprintf("%s%s", ao.what.buf, how);
	strbuf_release(&ao.what);
	rc = item_add(g, it, num, what);
	free(what);
	free(num);
	return rc;
}

/* "9.2" → "9.2a", "9.2a" → "9.2b", "9.2z" → "9.2za". */
static char *next_letter(const char *num)
{
	size_t n = strlen(num);
	if (n && num[n - 1] >= 'a' && num[n - 1] < 'z')
		return xasprintf("%.*s%c", (int)n - 1, num, num[n - 1] + 1);
	return xasprintf("%sa", num);
}

/* The article just placed after (or before) a known one. */
static struct wz_art *art_at(const struct wz_doc *d, const struct wz_art *ref, int delta)
{
	struct wz_art **all;
	size_t n = wz_doc_articles(d, &all);
	struct wz_art *r = NULL;
	for (size_t k = 0; k < n; k++)
		if (all[k] == ref && (long)k + delta >= 0 && (size_t)((long)k + delta) < n)
			r = all[(long)k + delta];
	free(all);
	return r;
}

/* The working container chunk number C (0-based count of chapters and paragrafen). */
static struct wz_chunk *container(struct wz_doc *d, size_t c)
{
	size_t k = 0;
	for (size_t f = 0; f < d->nfiles; f++)
		for (size_t i = 0; i < d->files[f].nchunks; i++) {
			struct wz_chunk *ch = &d->files[f].chunks[i];
			if (ch->kind == WZ_CHAPTER || ch->kind == WZ_SECTION)
				if (++k == c)
					return ch;
		}
	return NULL;
}

/* First working article in container C, or NULL. */
static struct wz_art *first_in(struct wz_doc *d, size_t c)
{
	size_t k = 0;
	for (size_t f = 0; f < d->nfiles; f++)
		for (size_t i = 0; i < d->files[f].nchunks; i++) {
			struct wz_chunk *ch = &d->files[f].chunks[i];
			if (ch->kind == WZ_CHAPTER || ch->kind == WZ_SECTION)
				k++;
			else if (ch->kind == WZ_ARTICLE && k == c)
				return ch->art;
			else if (k > c)
				return NULL;
		}
	return NULL;
}

static int do_insert(struct gen *g, size_t j, struct wz_art *prev)
{
	const struct wz_art *t = g->n.arts[j];
	size_t c = g->n.cont[j];
	struct wz_chunk *ch = container(&g->w, c);
	struct wz_art *first = prev ? NULL : first_in(&g->w, c);
	const char *ckind = ch && ch->kind == WZ_SECTION ? "paragraaf" : "hoofdstuk";
	/* the renumbering: try the insertion on a copy first */
	char *where;
	if (prev)
		where = xasprintf("na artikel %s", prev->num);
	else if (first)
		where = xasprintf("in %s %s voor artikel %s", ckind, ch->num, first->num);
	else
		where = xasprintf("in %s %s", ckind, ch ? ch->num : "?");
	struct wz_doc probe;
	wz_doc_copy(&probe, &g->w);
	struct wz_art tmp;
	wz_art_copy(&tmp, t);
	if (g->w.letters) { /* Aanwijzing 6.16: 9.2a after 9.2; before 9.1 it is 9.1 and 9.1 becomes 9.1a */
		free(tmp.num);
		tmp.num = prev ? next_letter(prev->num) : first ? xstrdup(first->num) : xasprintf("%s.1", ch ? ch->num : "1");
		tmp.written = 1;
	}
	char *content = art_content(&tmp);
	wz_art_release(&tmp);
	char *text;
	if (prev)
		text = xasprintf("Na artikel %s wordt een artikel ingevoegd, luidende:", prev->num);
	else if (first)
		text = xasprintf("In %s %s wordt voor artikel %s een artikel ingevoegd, luidende:", ckind,
		                 ch->num, first->num);
	else
		text = xasprintf("In %s %s wordt een artikel ingevoegd, luidende:", ckind, ch ? ch->num : "?");
	struct wz_instr probe_it = {NULL, text, content, NULL, 0, 0, 0};
	char *err = NULL;
	if (pastoe_item(&probe, &probe_it, &err) != 0 && err && strstr(err, "onder vernummering van ")) {
		/* say the renumbering the applier expects */
		const char *r = strstr(err, "onder vernummering van ") + strlen("onder vernummering van ");
		char *range = xstrndup(r, strcspn(r, "\""));
		free(text);
		text = xasprintf("Onder vernummering van %s wordt %s een artikel ingevoegd, luidende:", range, where);
		free(range);
	}
	free(err);
	wz_doc_release(&probe);
	free(where);
	struct wz_instr it = {NULL, text, content, NULL, 0, 0, 0};
	/* find the new article afterwards to know its number */
	const char *how = g->o.n && g->n.match[j] >= 0 ? "verplaatst" : "ingevoegd";
	char *what = xasprintf("artikel %s", how);
	int rc = item_add(g, it, "?", what);
	free(what);
	if (rc)
		return -1;
	struct wz_art *placed = prev ? art_at(&g->w, prev, 1) : first ? art_at(&g->w, first, -1) : first_in(&g->w, c);
	g->nwart[j] = placed;
	if (g->n.match[j] >= 0)
		g->r->moved[j] = 1;
	struct wz_note *nt = &g->r->notes[g->r->nnotes - 1];
	free(nt->article);
	nt->article = xstrdup(placed ? placed->num : "?");
	return 0;
}

static int do_delete(struct gen *g, size_t i)
{
	struct wz_art *wa = g->wart[i];
	char *num = xstrdup(wa->num);
	struct wz_doc probe;
	wz_doc_copy(&probe, &g->w);
	char *text = xasprintf("Artikel %s vervalt.", num);
	struct wz_instr probe_it = {NULL, text, NULL, NULL, 0, 0, 0};
	char *err = NULL;
	if (pastoe_item(&probe, &probe_it, &err) != 0 && err && strstr(err, "onder vernummering van ")) {
		const char *r = strstr(err, "onder vernummering van ") + strlen("onder vernummering van ");
		char *range = xstrndup(r, strcspn(r, "\""));
		free(text);
		text = xasprintf("Artikel %s vervalt, onder vernummering van %s.", num, range);
		free(range);
	}
	free(err);
	wz_doc_release(&probe);
	struct wz_instr it = {NULL, text, NULL, NULL, 0, 0, 0};
	int rc = item_add(g, it, num, g->o.match[i] >= 0 ? "artikel verplaatst (vervalt hier)" : "artikel vervalt");
	free(num);
	return rc;
}

static int files_same(struct gen *g, const struct wz_doc *nieuw)
{
	/* the same chapters and paragrafen in the same order: only titles may differ */
	for (size_t f = 0; f < nieuw->nfiles; f++) {
		const struct wz_file *nf = &nieuw->files[f];
		if (f >= g->w.nfiles || strcmp(nf->name, g->w.files[f].name) != 0 || nf->parts != g->w.files[f].parts) {
			g->err = xasprintf("de bestanden van de twee versies verschillen (%s): ovc wijzig "
			                   "vergelijkt alleen dezelfde bestanden (docs/wijzig.md)", nf->name);
			return -1;
		}
	}
	if (nieuw->nfiles != g->w.nfiles) {
		g->err = xstrdup("de twee versies hebben niet dezelfde bestanden (docs/wijzig.md)");
		return -1;
	}
	return 0;
}

static int containers_same(struct gen *g, const struct wz_doc *nieuw)
{
	for (size_t f = 0; f < nieuw->nfiles; f++) {
		const struct wz_file *a = &g->w.files[f], *b = &nieuw->files[f];
		if (!a->parts) {
			/* the front matter, algemene toelichting and themes are not
			   regeltekst: the summary says so, Artikel I leaves them */
			if (strcmp(a->text, b->text) != 0)
				note(g, a->name, "-", "gewijzigd, maar geen regeltekst: niet in de wijzigingsverordening");
			continue;
		}
		size_t i = 0, j = 0;
		for (;;) {
			while (i < a->nchunks && a->chunks[i].kind == WZ_ARTICLE)
				i++;
			while (j < b->nchunks && b->chunks[j].kind == WZ_ARTICLE)
				j++;
			if (i >= a->nchunks || j >= b->nchunks)
				break;
			const struct wz_chunk *x = &a->chunks[i], *y = &b->chunks[j];
			if (x->kind != y->kind || (x->kind == WZ_PART && strcmp(x->raw, y->raw)) ||
			    (x->kind != WZ_PART && x->kind != WZ_RAW && (strcmp(x->raw, y->raw) ||
			     (x->attrs ? !y->attrs || strcmp(x->attrs, y->attrs) : !!y->attrs))) ||
			    (x->kind == WZ_RAW && strcmp(x->raw, y->raw))) {
				g->err = xasprintf("%s: de indeling in delen, hoofdstukken en paragrafen is "
				                   "gewijzigd; ovc wijzig schrijft alleen wijzigingen van artikelen "
				                   "en opschriften (docs/wijzig.md)", a->name);
				return -1;
			}
			i++, j++;
		}
		if (i < a->nchunks || j < b->nchunks) {
			g->err = xasprintf("%s: er zijn hoofdstukken of paragrafen bijgekomen of vervallen; "
			                   "dat schrijft ovc wijzig niet (docs/wijzig.md)", a->name);
			return -1;
		}
	}
	return 0;
}

/* The heading of container C (1-based) in the new text: an item when it changed. */
static int heading_one(struct gen *g, const struct wz_doc *nieuw, size_t c)
{
	struct wz_chunk *x = container(&g->w, c);
	size_t k = 0;
	const struct wz_chunk *y = NULL;
	for (size_t f = 0; f < nieuw->nfiles && !y; f++)
		for (size_t i = 0; i < nieuw->files[f].nchunks && !y; i++) {
			const struct wz_chunk *ch = &nieuw->files[f].chunks[i];
			if ((ch->kind == WZ_CHAPTER || ch->kind == WZ_SECTION) && ++k == c)
				y = ch;
		}
	if (!x || !y || strcmp(x->title, y->title) == 0)
		return 0;
	const char *kind = x->kind == WZ_CHAPTER ? "hoofdstuk" : "paragraaf";
	char *s = xasprintf("Het opschrift van %s %s komt te luiden: %s", kind, x->num, y->title);
	char *where = xasprintf("%s %s", kind, x->num);
	int rc = item_add(g, instr_new(s, NULL), where, "opschrift gewijzigd");
	free(where);
	free(s);
	return rc;
}

static int walk(struct gen *g, const struct wz_doc *nieuw)
{
	size_t ncont = 0;
	for (size_t k = 0; k < g->o.n; k++)
		if (g->o.cont[k] + 1 > ncont)
			ncont = g->o.cont[k] + 1;
	for (size_t k = 0; k < g->n.n; k++)
		if (g->n.cont[k] + 1 > ncont)
			ncont = g->n.cont[k] + 1;
	/* chapter headings first where they stand: before their articles */
	for (size_t c = 0; c < ncont; c++) {
		if (c > 0 && heading_one(g, nieuw, c))
			return -1;
		size_t i = 0, j = 0;
		struct wz_art *prev = NULL;
		for (;;) {
			while (i < g->o.n && g->o.cont[i] != c)
				i++;
			while (j < g->n.n && g->n.cont[j] != c)
				j++;
			int oi = i < g->o.n, nj = j < g->n.n;
			if (!oi && !nj)
				break;
			if (oi && !g->o.stable[i]) {
				if (nj && !g->n.stable[j] && g->o.match[i] < 0 && g->n.match[j] < 0) {
					struct wz_art *wa = g->wart[i];
					if (do_replace(g, wa, g->n.arts[j], "artikel vervangen"))
						return -1;
					g->nwart[j] = wa;
					prev = wa;
					i++, j++;
					continue;
				}
				if (do_delete(g, i))
					return -1;
				i++;
				continue;
			}
			if (nj && !g->n.stable[j]) {
				if (do_insert(g, j, prev))
					return -1;
				prev = g->nwart[j];
				j++;
				continue;
			}
			if (oi && nj) {
				struct wz_art *wa = g->wart[i];
				if (do_modify(g, wa, g->n.arts[j], j))
					return -1;
				g->nwart[j] = wa;
				prev = wa;
				i++, j++;
				continue;
			}
			break;
		}
	}
	return 0;
}

/* "2028-01-01" → "Deze verordening treedt in werking op 1 januari 2028." */
static char *dutch_date_sentence(const char *iso)
{
	static const char *const months[] = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
	                                     "augustus", "september", "oktober", "november", "december"};
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return xasprintf("Deze verordening treedt in werking op %s.", iso);
	return xasprintf("Deze verordening treedt in werking op %d %s %d.", d, months[m - 1], y);
}

/* A file as a comparable text: the articles in their canonical form. */
static char *file_canon(const struct wz_file *f)
{
	if (!f->parts)
		return xstrdup(f->text);
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t c = 0; c < f->nchunks; c++) {
		const struct wz_chunk *ch = &f->chunks[c];
		strbuf_printf(&sb, "%d %s %s %s\n", (int)ch->kind, ch->title ? ch->title : "",
		              ch->attrs ? ch->attrs : "", ch->raw ? ch->raw : "");
		if (ch->art) {
			char *t = art_canon(ch->art, 0);
			strbuf_printf(&sb, "%d %s\n", ch->art->level, t); /* not the number: 6.16 */
			free(t);
		}
	}
	return strbuf_detach(&sb, NULL);
}

int wz_generate(const struct wz_doc *old, const struct wz_doc *nieuw, const struct wz_options *op,
                struct wz_result *r, char **err)
{
	memset(r, 0, sizeof *r);
	struct gen g;
	memset(&g, 0, sizeof g);
	g.r = r;
	g.op = op;
	wz_doc_copy(&g.w, old);
	g.w.letters = op->letters;
	side_load(&g.o, old);
	side_load(&g.n, nieuw);
	r->nold = g.o.n;
	r->nnew = g.n.n;
	g.kind = xcalloc(g.n.n + 1, sizeof *g.kind);
	g.nwart = xcalloc(g.n.n + 1, sizeof *g.nwart);
	g.wart = xcalloc(g.o.n + 1, sizeof *g.wart);
	struct wz_art **wa;
	size_t nw = wz_doc_articles(&g.w, &wa);
	for (size_t k = 0; k < nw && k < g.o.n; k++)
		g.wart[k] = wa[k];
	free(wa);
	int rc = files_same(&g, nieuw) || containers_same(&g, nieuw) ? -1 : 0;
	if (rc == 0) {
		match_articles(&g.o, &g.n, r, g.kind);
		r->n2o = xcalloc(g.n.n + 1, sizeof *r->n2o);
		r->o2n = xcalloc(g.o.n + 1, sizeof *r->o2n);
		memcpy(r->n2o, g.n.match, g.n.n * sizeof *r->n2o);
		memcpy(r->o2n, g.o.match, g.o.n * sizeof *r->o2n);
		r->nn2o = g.n.n;
		r->moved = xcalloc(g.n.n + 1, 1);
		r->no2n = g.o.n;
		rc = walk(&g, nieuw);
	}
	if (rc == 0) {
		/* what the items give must be the new text, file by file */
		for (size_t f = 0; f < nieuw->nfiles && rc == 0; f++) {
			if (!nieuw->files[f].parts)
				continue;
			char *x = file_canon(&g.w.files[f]), *y = file_canon(&nieuw->files[f]);
			if (strcmp(x, y) != 0) {
				g.err = xasprintf("interne fout: de wijzigingen geven niet precies de nieuwe tekst "
				                  "van %s", nieuw->files[f].name);
				rc = -1;
			}
			free(x);
			free(y);
		}
	}
	if (rc == 0 && r->am.nitems == 0) {
		g.err = xstrdup("de twee versies hebben dezelfde regeltekst: er is niets te wijzigen");
		rc = -1;
	}
	if (rc == 0) {
		struct wz_amendment *am = &r->am;
		am->titel = xasprintf("Verordening tot wijziging van de %s", old->citeertitel ? old->citeertitel : "verordening");
		am->wijzigt = xstrdup(old->citeertitel ? old->citeertitel : "");
		am->gemeente = xstrdup(old->gemeente ? old->gemeente : "");
		am->gemeentecode = old->gemeentecode ? xstrdup(old->gemeentecode) : NULL;
		am->status = xstrdup("ontwerp");
		am->letters = op->letters;
		am->inwerkingtreding = op->datum ? xstrdup(op->datum) : NULL;
		am->aanhef = xasprintf("De raad van de gemeente %s;\n\ngelezen het voorstel van het college van "
		                       "burgemeester en wethouders;\n\nbesluit vast te stellen de volgende "
		                       "verordening:\n\n%s.", am->gemeente, am->titel);
		am->intro = xasprintf("De %s wordt als volgt gewijzigd:", am->wijzigt);
		am->slot = op->datum ? dutch_date_sentence(op->datum)
		                     : xstrdup("Deze verordening treedt in werking met ingang van de dag na die "
		                               "waarop zij is bekendgemaakt.");
	} else {
		*err = g.err ? g.err : xstrdup("interne fout");
		g.err = NULL;
	}
	free(g.err);
	side_release(&g.o);
	side_release(&g.n);
	free(g.kind);
	free(g.nwart);
	free(g.wart);
	wz_doc_release(&g.w);
	if (rc)
		wz_result_release(r);
	return rc;
}

void wz_result_release(struct wz_result *r)
{
	wz_amendment_release(&r->am);
	for (size_t k = 0; k < r->nnotes; k++) {
		free(r->notes[k].article);
		free(r->notes[k].item);
		free(r->notes[k].what);
	}
	free(r->notes);
	free(r->n2o);
	free(r->o2n);
	free(r->moved);
	r->moved = NULL;
	r->n2o = r->o2n = NULL;
	r->notes = NULL;
	r->nnotes = r->capnotes = 0;
}

/* ---- The source of the wijzigingsverordening -------------------------------- */

static void quote_lines(struct strbuf *sb, const char *content, int indent)
{
	const char *p = content;
	for (;;) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		for (int k = 0; k < indent; k++)
			strbuf_putc(sb, ' ');
		strbuf_puts(sb, n ? "> " : ">");
		strbuf_add(sb, p, n);
		strbuf_putc(sb, '\n');
		if (!e)
			break;
		p = e + 1;
	}
}

static void instr_write(struct strbuf *sb, const struct wz_instr *in, int depth)
{
	int indent = depth == 0 ? 0 : depth == 1 ? 3 : 6;
	if (depth == 1)
		strbuf_printf(sb, "%s. %s\n", in->label, in->text);
	else if (depth == 2)
		strbuf_printf(sb, "   %s. %s\n", in->label, in->text);
	else
		strbuf_printf(sb, "%s\n", in->text);
	if (in->content) {
		strbuf_putc(sb, '\n');
		quote_lines(sb, in->content, indent);
	}
	for (size_t k = 0; k < in->nkids; k++) {
		strbuf_putc(sb, '\n');
		instr_write(sb, &in->kids[k], depth + 1);
	}
}

char *wz_amendment_text(const struct wz_amendment *am)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "---\nsoort: wijzigingsverordening\n");
	strbuf_printf(&sb, "titel: %s\nwijzigt: %s\ngemeente: %s\n", am->titel, am->wijzigt, am->gemeente);
	if (am->gemeentecode)
		strbuf_printf(&sb, "gemeentecode: %s\n", am->gemeentecode);
	if (am->status)
		strbuf_printf(&sb, "status: %s\n", am->status);
	if (am->inwerkingtreding)
		strbuf_printf(&sb, "inwerkingtreding: %s\n", am->inwerkingtreding);
	if (am->letters)
		strbuf_puts(&sb, "nummering: letters\n");
	strbuf_printf(&sb, "---\n\n# Aanhef\n\n%s\n\n# Artikel I\n\n%s\n", am->aanhef, am->intro);
	for (size_t k = 0; k < am->nitems; k++) {
		strbuf_printf(&sb, "\n## %s\n\n", am->items[k].label);
		instr_write(&sb, &am->items[k], 0);
	}
	strbuf_printf(&sb, "\n# Artikel II\n\n%s\n", am->slot);
	if (am->toelichting)
		strbuf_printf(&sb, "\n# Toelichting\n\n%s\n", am->toelichting);
	return strbuf_detach(&sb, NULL);
}

char *wz_summary_text(const struct wz_result *r)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t k = 0; k < r->nnotes; k++) {
		const struct wz_note *n = &r->notes[k];
		if (!strcmp(n->item, "-")) {
			strbuf_printf(&sb, "- %s: %s\n", n->article, n->what);
			continue;
		}
		int chap = strchr(n->article, ' ') != NULL;
		strbuf_printf(&sb, "- %s%s (onderdeel %s): %s\n", chap ? "" : "artikel ", n->article, n->item, n->what);
	}
	if (!r->nnotes)
		strbuf_puts(&sb, "- geen wijzigingen\n");
	return strbuf_detach(&sb, NULL);
}
