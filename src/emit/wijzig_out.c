/*
 * The outputs of `ovc wijzig` (src/emit/wijzig_gen.h): the source of the
 * wijzigingsverordening (wijziging.md), its HTML and PDF, and the renvooi
 * edition (the whole new text with insertions and deletions marked, in
 * HTML and PDF). Screen HTML and print XHTML come from the same writer
 * (medium), as for the editions; the print XHTML keeps to the subset of
 * docs/print-xhtml.md. Insertions and deletions are marked by more than
 * colour: <ins>/<del> with underline and strike-through and a hidden
 * spoken label on screen, bold and [brackets in italics] in print, and a
 * legend that says so.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "wijzig_gen.h"

#include "embedded.h"
#include "output.h"
#include "util.h"
#include "wijzig_diff.h"
#include "wijzig_pdf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct html {
	struct strbuf sb;
	int print; /* print XHTML for the typesetter */
	int ids;   /* running number for heading ids */
};

/* ---- Text ------------------------------------------------------------------ */

static void esc(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t k = 0; k < n && s[k]; k++) {
		char c = s[k];
		if (c == '&')
			strbuf_puts(sb, "&amp;");
		else if (c == '<')
			strbuf_puts(sb, "&lt;");
		else if (c == '>')
			strbuf_puts(sb, "&gt;");
		else if (c == '"')
			strbuf_puts(sb, "&quot;");
		else
			strbuf_putc(sb, c);
	}
}

/* Inline Markdown as it reads: link text without its target, no ** or _. */
static char *md_plain(const char *s)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t k = 0; s[k]; k++) {
		if (s[k] == ']' && s[k + 1] == '(') {
			const char *e = strchr(s + k, ')');
			if (e) {
				k = (size_t)(e - s);
				continue;
			}
		}
		if (s[k] == '[' || (s[k] == '*' && s[k + 1] == '*') || (s[k] == '*' && k && s[k - 1] == '*') ||
		    s[k] == '`' || (s[k] == '\\' && s[k + 1])) {
			continue;
		}
		strbuf_putc(&sb, s[k]);
	}
	return strbuf_detach(&sb, NULL);
}

static void text(struct html *h, const char *md)
{
	char *p = md_plain(md);
	esc(&h->sb, p, strlen(p));
	free(p);
}

static void ins_open(struct html *h)
{
	strbuf_puts(&h->sb, h->print ? "<b>" : "<ins><span class=\"sr\">[ingevoegd: </span>");
}

static void ins_close(struct html *h)
{
	strbuf_puts(&h->sb, h->print ? "</b>" : "<span class=\"sr\">]</span></ins>");
}

static void del_open(struct html *h)
{
	strbuf_puts(&h->sb, h->print ? "<i>[" : "<del><span class=\"sr\">[vervallen: </span>");
}

static void del_close(struct html *h)
{
	strbuf_puts(&h->sb, h->print ? "]</i>" : "<span class=\"sr\">]</span></del>");
}

/* The words of OLD → NEW with the changes marked. */
static void diff_text(struct html *h, const char *old, const char *nw)
{
	char *a = md_plain(old), *b = md_plain(nw);
	struct wz_tokens ta, tb;
	wz_tokens(a, &ta);
	wz_tokens(b, &tb);
	struct wz_region *r;
	size_t nr = wz_diff_regions(&ta, &tb, &r);
	if (nr == (size_t)-1) { /* too long to compare word by word */
		del_open(h);
		esc(&h->sb, a, strlen(a));
		del_close(h);
		strbuf_putc(&h->sb, ' ');
		ins_open(h);
		esc(&h->sb, b, strlen(b));
		ins_close(h);
		nr = 0;
	} else {
		size_t j = 0;
		for (size_t k = 0; k <= nr; k++) {
			size_t stop = k < nr ? r[k].b1 : tb.n;
			for (; j < stop; j++) {
				if (j)
					strbuf_putc(&h->sb, ' ');
				esc(&h->sb, tb.w[j], strlen(tb.w[j]));
			}
			if (k == nr)
				break;
			if (r[k].a2 > r[k].a1) {
				if (j)
					strbuf_putc(&h->sb, ' ');
				del_open(h);
				for (size_t i = r[k].a1; i < r[k].a2; i++) {
					if (i > r[k].a1)
						strbuf_putc(&h->sb, ' ');
					esc(&h->sb, ta.w[i], strlen(ta.w[i]));
				}
				del_close(h);
			}
			if (r[k].b2 > r[k].b1) {
				if (j || r[k].a2 > r[k].a1)
					strbuf_putc(&h->sb, ' ');
				ins_open(h);
				for (; j < r[k].b2; j++) {
					if (j > r[k].b1)
						strbuf_putc(&h->sb, ' ');
					esc(&h->sb, tb.w[j], strlen(tb.w[j]));
				}
				ins_close(h);
			}
		}
	}
	free(r);
	wz_tokens_release(&ta);
	wz_tokens_release(&tb);
	free(a);
	free(b);
}

/* ---- The document frame ---------------------------------------------------- */

static void head(struct html *h, const char *title, const char *gemeente, const char *subject)
{
	strbuf_puts(&h->sb, h->print ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	                               "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nl\">\n<head>\n"
	                             : "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
	strbuf_puts(&h->sb, "<title>");
	esc(&h->sb, title, strlen(title));
	strbuf_puts(&h->sb, "</title>\n<meta name=\"author\" content=\"Gemeente ");
	esc(&h->sb, gemeente, strlen(gemeente));
	strbuf_puts(&h->sb, "\"/>\n<meta name=\"subject\" content=\"");
	esc(&h->sb, subject, strlen(subject));
	strbuf_puts(&h->sb, "\"/>\n");
	if (h->print) {
		strbuf_puts(&h->sb, "<meta name=\"ovc-status\" content=\"ontwerp\"/>\n"
		                    "<meta name=\"ovc-stijl\" content=\"verordening\"/>\n");
	} else {
		const struct embedded_file *css = embedded_find("stylesheets/renvooi.css");
		strbuf_puts(&h->sb, "<style>\n");
		if (css)
			strbuf_add(&h->sb, css->data, css->len);
		strbuf_puts(&h->sb, "</style>\n");
	}
	strbuf_puts(&h->sb, "</head>\n<body>\n");
	if (!h->print)
		strbuf_puts(&h->sb, "<main>\n");
}

static void foot(struct html *h)
{
	strbuf_puts(&h->sb, h->print ? "</body>\n</html>\n" : "</main>\n</body>\n</html>\n");
}

static void heading(struct html *h, int level, const char *id, const char *md)
{
	strbuf_printf(&h->sb, "<h%d id=\"%s\">", level, id);
	text(h, md);
	strbuf_printf(&h->sb, "</h%d>\n", level);
}

static void para(struct html *h, const char *cls, const char *md)
{
	if (cls)
		strbuf_printf(&h->sb, "<p class=\"%s\">", cls);
	else
		strbuf_puts(&h->sb, "<p>");
	text(h, md);
	strbuf_puts(&h->sb, "</p>\n");
}

/* Paragraphs of a block of Markdown (blank lines between). */
static void paras(struct html *h, const char *cls, const char *md)
{
	const char *p = md;
	while (*p) {
		const char *e = strstr(p, "\n\n");
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *one = wz_norm(p, n);
		if (*one && one[0] != '#' && one[0] != '<' && one[0] != '!')
			para(h, cls, one);
		free(one);
		if (!e)
			break;
		p = e + 2;
	}
}

/* ---- The legal text of one article as lines --------------------------------- */

struct line {
	char cls[12];  /* "kop", "doel", "lid", "onderdeel", "sub", "tekst" */
	char lbl[24];
	char *text;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static void line_add(struct lines *l, const char *cls, const char *lbl, const char *txt)
{
	struct line x;
	memset(&x, 0, sizeof x);
	snprintf(x.cls, sizeof x.cls, "%s", cls);
	snprintf(x.lbl, sizeof x.lbl, "%s", lbl);
	x.text = xstrdup(txt);
	VEC_PUSH(l->v, l->n, l->cap, x);
}

static void lines_release(struct lines *l)
{
	for (size_t k = 0; k < l->n; k++)
		free(l->v[k].text);
	free(l->v);
}

static void art_lines(const struct wz_art *a, const char *num, struct lines *out)
{
	memset(out, 0, sizeof *out);
	char *kop = xasprintf("Artikel %s %s", num, a->title);
	line_add(out, "kop", "", kop);
	free(kop);
	if (a->doel >= 0) {
		char *d = wz_norm(a->blocks[a->doel].raw, strlen(a->blocks[a->doel].raw));
		line_add(out, "doel", "Doel:", d);
		free(d);
	}
	if (!a->structured) {
		if (a->regels >= 0) {
			const char *p = a->blocks[a->regels].raw;
			while (*p) {
				const char *e = strstr(p, "\n\n");
				size_t n = e ? (size_t)(e - p) : strlen(p);
				char *one = wz_norm(p, n);
				if (*one)
					line_add(out, "tekst", "", one);
				free(one);
				if (!e)
					break;
				p = e + 2;
			}
		}
		return;
	}
	for (size_t k = 0; k < a->nleden; k++) {
		char lbl[24] = "";
		if (a->numbered)
			snprintf(lbl, sizeof lbl, "%zu.", k + 1);
		line_add(out, "lid", lbl, a->leden[k].intro);
		for (size_t p = 0; p < a->leden[k].npts; p++) {
			char l[8];
			wz_letter(p, l);
			snprintf(lbl, sizeof lbl, "%s.", l);
			line_add(out, "onderdeel", lbl, a->leden[k].pts[p].text);
			for (size_t s = 0; s < a->leden[k].pts[p].nsubs; s++) {
				snprintf(lbl, sizeof lbl, "%zu°.", s + 1);
				line_add(out, "sub", lbl, a->leden[k].pts[p].subs[s].text);
			}
		}
	}
}

static void line_open(struct html *h, const struct line *l)
{
	if (!strcmp(l->cls, "kop"))
		return;
	strbuf_printf(&h->sb, "<p class=\"%s\">", l->cls);
}

static void line_close(struct html *h, const struct line *l)
{
	strbuf_puts(&h->sb, strcmp(l->cls, "kop") ? "</p>\n" : "");
}

static void label(struct html *h, const char *lbl)
{
	if (!*lbl)
		return;
	strbuf_puts(&h->sb, "<span class=\"lbl\">");
	esc(&h->sb, lbl, strlen(lbl));
	strbuf_puts(&h->sb, "</span> ");
}

/* One line of the renvooi: K is 'm' (changed), 'i' (new), 'd' (vervallen). */
static void renvooi_line(struct html *h, const struct line *o, const struct line *n, int k, const char *id)
{
	const struct line *l = n ? n : o;
	if (!strcmp(l->cls, "kop")) {
		strbuf_printf(&h->sb, "<h3 id=\"%s\">", id);
	} else {
		line_open(h, l);
	}
	if (k == 'm') {
		if (strcmp(o->lbl, n->lbl) != 0 && *o->lbl) {
			strbuf_puts(&h->sb, "<span class=\"lbl\">");
			del_open(h);
			esc(&h->sb, o->lbl, strlen(o->lbl));
			del_close(h);
			strbuf_putc(&h->sb, ' ');
			ins_open(h);
			esc(&h->sb, n->lbl, strlen(n->lbl));
			ins_close(h);
			strbuf_puts(&h->sb, "</span> ");
		} else {
			label(h, n->lbl);
		}
		diff_text(h, o->text, n->text);
	} else {
		label(h, l->lbl);
		if (k == 'i')
			ins_open(h);
		else
			del_open(h);
		text(h, l->text);
		if (k == 'i')
			ins_close(h);
		else
			del_close(h);
	}
	if (!strcmp(l->cls, "kop"))
		strbuf_puts(&h->sb, "</h3>\n");
	else
		line_close(h, l);
}

static void renvooi_article(struct html *h, const struct wz_art *o, const char *onum,
                            const struct wz_art *n, const char *nnum)
{
	struct lines a = {0}, b = {0};
	if (o)
		art_lines(o, onum, &a);
	if (n)
		art_lines(n, nnum, &b);
	int same = o && n && a.n == b.n;
	for (size_t k = 0; same && k < a.n; k++)
		same = !strcmp(a.v[k].text, b.v[k].text) && !strcmp(a.v[k].lbl, b.v[k].lbl);
	if (same) { /* unchanged: no need to compare word by word */
		strbuf_puts(&h->sb, "<section class=\"artikel\">\n");
		for (size_t k = 0; k < b.n; k++) {
			if (!strcmp(b.v[k].cls, "kop")) {
				char *id = xasprintf("renvooi-%d", ++h->ids);
				heading(h, 3, id, b.v[k].text);
				free(id);
				continue;
			}
			line_open(h, &b.v[k]);
			label(h, b.v[k].lbl);
			text(h, b.v[k].text);
			line_close(h, &b.v[k]);
		}
		strbuf_puts(&h->sb, "</section>\n");
		lines_release(&a);
		lines_release(&b);
		return;
	}
	char **ta = xcalloc(a.n + 1, sizeof *ta), **tb = xcalloc(b.n + 1, sizeof *tb);
	for (size_t k = 0; k < a.n; k++)
		ta[k] = xasprintf("%s %s", a.v[k].cls, a.v[k].text);
	for (size_t k = 0; k < b.n; k++)
		tb[k] = xasprintf("%s %s", b.v[k].cls, b.v[k].text);
	struct wz_step *st;
	size_t ns = wz_align(ta, a.n, tb, b.n, 0.5, &st);
	char *id = xasprintf("renvooi-%d", ++h->ids);
	strbuf_puts(&h->sb, "<section class=\"artikel\">\n");
	for (size_t k = 0; k < ns; k++) {
		const char *lid = k == 0 ? id : NULL;
		char *hid = lid ? xstrdup(lid) : xasprintf("renvooi-%d", ++h->ids);
		if (st[k].kind == WZ_MATCH)
			renvooi_line(h, &a.v[st[k].i], &b.v[st[k].j], 'm', hid);
		else if (st[k].kind == WZ_DEL)
			renvooi_line(h, &a.v[st[k].i], NULL, 'd', hid);
		else
			renvooi_line(h, NULL, &b.v[st[k].j], 'i', hid);
		free(hid);
	}
	strbuf_puts(&h->sb, "</section>\n");
	free(id);
	free(st);
	for (size_t k = 0; k < a.n; k++)
		free(ta[k]);
	for (size_t k = 0; k < b.n; k++)
		free(tb[k]);
	free(ta);
	free(tb);
	lines_release(&a);
	lines_release(&b);
}

static const char legend[] =
	"Zo leest u deze versie: dit is de hele nieuwe tekst. Tekst die de wijzigingsverordening "
	"toevoegt, is vet gedrukt en onderstreept. Tekst die vervalt, is doorgestreept en staat tussen "
	"[vierkante haken]. Een voorleesprogramma noemt de wijzigingen ook.";
static const char legend_print[] =
	"Zo leest u deze versie: dit is de hele nieuwe tekst. Tekst die de wijzigingsverordening "
	"toevoegt, is vet gedrukt. Tekst die vervalt, staat cursief tussen [vierkante haken].";

static char *renvooi_doc(const struct wz_doc *old, const struct wz_doc *nieuw, const struct wz_result *r,
                         int print)
{
	struct html h = {{0}, print, 0};
	strbuf_init(&h.sb);
	char *title = xasprintf("Renvooi: %s", nieuw->citeertitel ? nieuw->citeertitel : "verordening");
	head(&h, title, nieuw->gemeente ? nieuw->gemeente : "", "de nieuwe tekst met de wijzigingen gemarkeerd");
	heading(&h, 1, "renvooi", title);
	const char *lg = print ? legend_print : legend; /* plain text, not Markdown: keep its brackets */
	strbuf_puts(&h.sb, "<p class=\"legenda\">");
	esc(&h.sb, lg, strlen(lg));
	strbuf_puts(&h.sb, "</p>\n");
	struct wz_art **oa, **na;
	size_t no = wz_doc_articles(old, &oa), nn = wz_doc_articles(nieuw, &na);
	size_t oi = 0; /* next old article whose deletion is still to show */
	size_t ai = 0;
	for (size_t f = 0; f < nieuw->nfiles; f++) {
		const struct wz_file *fl = &nieuw->files[f];
		for (size_t c = 0; c < fl->nchunks; c++) {
			const struct wz_chunk *ch = &fl->chunks[c];
			if (ch->kind == WZ_CHAPTER || ch->kind == WZ_SECTION) {
				char *t = xasprintf("%s %s %s", ch->kind == WZ_CHAPTER ? "Hoofdstuk" : "Paragraaf",
				                    ch->num, ch->title);
				char *id = xasprintf("renvooi-%d", ++h.ids);
				heading(&h, 2, id, t);
				free(id);
				free(t);
			}
			if (ch->kind != WZ_ARTICLE)
				continue;
			long o = ai < r->nn2o ? r->n2o[ai] : -1;
			/* old articles that vervallen before this one */
			while (oi < no && (o < 0 || (long)oi < o)) {
				if (r->o2n[oi] < 0)
					renvooi_article(&h, oa[oi], oa[oi]->num, NULL, NULL);
				oi++;
				if (o < 0)
					break;
			}
			if (o >= 0 && (long)oi == o)
				oi++;
			renvooi_article(&h, o >= 0 ? oa[o] : NULL, o >= 0 ? oa[o]->num : NULL, ch->art, ch->art->num);
			if (r->moved && r->moved[ai]) {
				char *t = xasprintf("Dit artikel is verplaatst; het was artikel %s.", oa[o]->num);
				para(&h, "verplaatst", t);
				free(t);
			}
			ai++;
		}
	}
	for (; oi < no; oi++)
		if (r->o2n[oi] < 0)
			renvooi_article(&h, oa[oi], oa[oi]->num, NULL, NULL);
	(void)nn;
	free(oa);
	free(na);
	foot(&h);
	free(title);
	return strbuf_detach(&h.sb, NULL);
}

/* ---- The wijzigingsverordening --------------------------------------------- */

/* New text in a change item: a lid or onderdeel as published, or an article. */
static void content(struct html *h, const char *c)
{
	strbuf_puts(&h->sb, "<div class=\"nieuwe-tekst\">\n");
	if (c[0] == '#') {
		struct wz_art a;
		if (wz_art_parse(&a, c, strlen(c)) == 0) {
			struct lines l;
			char num[32] = "";
			const char *p = strstr(c, "Artikel ");
			if (p && p[8] >= '0' && p[8] <= '9')
				snprintf(num, sizeof num, "%.*s", (int)strcspn(p + 8, " "), p + 8);
			art_lines(&a, num, &l);
			for (size_t k = 0; k < l.n; k++) {
				if (!strcmp(l.v[k].cls, "kop")) {
					para(h, "artikelkop", l.v[k].text);
					continue;
				}
				line_open(h, &l.v[k]);
				label(h, l.v[k].lbl);
				text(h, l.v[k].text);
				line_close(h, &l.v[k]);
			}
			lines_release(&l);
			wz_art_release(&a);
		}
	} else if (strchr(c, '\n') && c[0] >= 'A' && c[0] <= 'Z') {
		paras(h, NULL, c); /* a Doel */
	} else {
		const char *p = c;
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			char *one = wz_norm(p, n);
			size_t lb = strcspn(one, " ");
			int indent = p[0] == ' ';
			int sub = n > 6 && !strncmp(p, "      ", 6);
			char *lbl = xstrndup(one, lb);
			strbuf_printf(&h->sb, "<p class=\"%s\">", sub ? "sub" : indent ? "onderdeel" : "lid");
			label(h, lbl);
			text(h, one[lb] ? one + lb + 1 : "");
			strbuf_puts(&h->sb, "</p>\n");
			free(lbl);
			free(one);
			if (!e)
				break;
			p = e + 1;
		}
	}
	strbuf_puts(&h->sb, "</div>\n");
}

static void instr(struct html *h, const struct wz_instr *in, int depth)
{
	if (depth > 0)
		strbuf_printf(&h->sb, "<div class=\"niveau-%d\">\n", depth);
	strbuf_puts(&h->sb, "<p class=\"opdracht\">");
	if (depth > 0) {
		char *l = xasprintf("%s.", in->label);
		label(h, l);
		free(l);
	}
	text(h, in->text);
	strbuf_puts(&h->sb, "</p>\n");
	if (in->content)
		content(h, in->content);
	for (size_t k = 0; k < in->nkids; k++)
		instr(h, &in->kids[k], depth + 1);
	if (depth > 0)
		strbuf_puts(&h->sb, "</div>\n");
}

static char *amendment_doc(const struct wz_result *r, int print)
{
	const struct wz_amendment *am = &r->am;
	struct html h = {{0}, print, 0};
	strbuf_init(&h.sb);
	head(&h, am->titel, am->gemeente, "wijzigingsverordening");
	heading(&h, 1, "wijziging", am->titel);
	paras(&h, "aanhef", am->aanhef);
	heading(&h, 2, "artikel-I", "Artikel I");
	para(&h, NULL, am->intro);
	for (size_t k = 0; k < am->nitems; k++) {
		char *id = xasprintf("wijziging-%s", am->items[k].label);
		heading(&h, 3, id, am->items[k].label);
		free(id);
		instr(&h, &am->items[k], 0);
	}
	heading(&h, 2, "artikel-II", "Artikel II");
	para(&h, NULL, am->slot);
	if (r->nnotes) {
		heading(&h, 2, "toelichting", "Toelichting: wat verandert er per artikel");
		strbuf_puts(&h.sb, "<ul class=\"samenvatting\">\n");
		for (size_t k = 0; k < r->nnotes; k++) {
			const struct wz_note *n = &r->notes[k];
			char *t = !strcmp(n->item, "-")
			              ? xasprintf("%s: %s", n->article, n->what)
			              : xasprintf("%s%s (onderdeel %s): %s", strchr(n->article, ' ') ? "" : "Artikel ",
			                          n->article, n->item, n->what);
			strbuf_puts(&h.sb, "<li>");
			text(&h, t);
			strbuf_puts(&h.sb, "</li>\n");
			free(t);
		}
		strbuf_puts(&h.sb, "</ul>\n");
	}
	foot(&h);
	return strbuf_detach(&h.sb, NULL);
}

/* ---- Writing ---------------------------------------------------------------- */

/* BASIS relative to OUT (both exist), or NULL. */
static char *relative(const char *basis, const char *out)
{
	char a[PATH_MAX], b[PATH_MAX];
	if (!realpath(basis, a) || !realpath(out, b))
		return NULL;
	size_t la = strlen(a), lb = strlen(b), common = 0;
	for (size_t k = 0; k < la && k < lb && a[k] == b[k]; k++)
		if (a[k] == '/')
			common = k;
	if (lb <= la && !strncmp(a, b, lb) && (a[lb] == '/' || a[lb] == '\0'))
		common = lb;
	else if (la <= lb && !strncmp(a, b, la) && b[la] == '/')
		common = la;
	struct strbuf sb;
	strbuf_init(&sb);
	for (const char *p = b + common; *p; p++)
		if (*p == '/')
			strbuf_puts(&sb, "../");
	strbuf_puts(&sb, a + common + (a[common] == '/'));
	if (!sb.len)
		strbuf_putc(&sb, '.');
	return strbuf_detach(&sb, NULL);
}

static int write_text(const char *out, const char *name, const char *t, char **err)
{
	char *path = xasprintf("%s/%s", out, name);
	int rc = output_write_file(path, t, strlen(t), err);
	free(path);
	return rc;
}

static int write_pdf(const char *out, const char *name, const char *xhtml, const char *basedir, char **err)
{
	char *path = xasprintf("%s/%s", out, name);
	int rc = wz_pdf_write(xhtml, strlen(xhtml), basedir, path, err);
	free(path);
	return rc;
}

int wz_write_outputs(const struct wz_doc *old, const struct wz_doc *nieuw, const struct wz_result *r,
                     const struct wz_options *op, const char *basis, char **err)
{
	const char *out = op->out;
	if (output_make_dir(out, err) != 0)
		return -1;
	char *md = wz_amendment_text(&r->am);
	char *rel = basis ? relative(basis, out) : NULL;
	if (rel) {
		char *p = strstr(md, "\n---\n");
		char *n = xasprintf("%.*s\nbasis: %s%s", (int)(p - md), md, rel, p);
		free(md);
		md = n;
	}
	free(rel);
	char *docs[4] = {amendment_doc(r, 0), op->no_pdf ? NULL : amendment_doc(r, 1),
	                 renvooi_doc(old, nieuw, r, 0), op->no_pdf ? NULL : renvooi_doc(old, nieuw, r, 1)};
	int rc = write_text(out, "wijziging.md", md, err);
	if (rc == 0)
		rc = write_text(out, "wijziging.html", docs[0], err);
	if (rc == 0)
		rc = write_text(out, "renvooi.html", docs[2], err);
	if (rc == 0 && !op->no_pdf)
		rc = write_pdf(out, "wijziging.pdf", docs[1], nieuw->dir, err);
	if (rc == 0 && !op->no_pdf)
		rc = write_pdf(out, "renvooi.pdf", docs[3], nieuw->dir, err);
	for (int k = 0; k < 4; k++)
		free(docs[k]);
	free(md);
	return rc;
}
