/*
 * herkomst= and the old texts in oud/, and the check on them (herkomst.h).
 */

#include "herkomst.h"

#include "diag.h"
#include "import.h"
#include "model.h"
#include "source.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

int herkomst_casecmp(const char *a, const char *b)
{
	size_t n = strlen(a);
	return n != strlen(b) || ascii_casecmp_n(a, b, n) != 0;
}

static char *trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return xstrndup(s, n);
}

/* Parse "<cite>, artikel 12[ vervallen[: reden]]" at [S, S+N). */
static int parse_entry(const char *s, size_t n, struct herkomst_link *l)
{
	static const char *const kinds[] = {", artikel ", ", hoofdstuk ", ", bijlage ",
	                                    ", tekst zonder artikelnummer"};
	const char *at = NULL;
	size_t klen = 0;
	for (int k = 0; k < 4; k++) {
		for (const char *p = s; (p = ascii_casestr_n(p, (size_t)(s + n - p), kinds[k])); p++) {
			at = p;
			klen = strlen(kinds[k]);
		}
		if (at) {
			klen = k == 0 ? klen : 2; /* keep "hoofdstuk 2" as the article */
			break;
		}
	}
	if (at && at[2] == 't') { /* text the source gave no number: nothing to check */
		l->cite = trim(s, (size_t)(at - s));
		l->art = xstrdup("tekst zonder artikelnummer");
		return *l->cite ? 0 : -1;
	}
	if (!at)
		return -1;
	l->cite = trim(s, (size_t)(at - s));
	const char *p = at + klen, *end = s + n;
	const char *q = p;
	if (klen == 2) { /* "hoofdstuk 2" / "bijlage 1": word and number */
		while (q < end && *q != ' ')
			q++;
		q++;
	}
	while (q < end && !isspace((unsigned char)*q) && *q != ':')
		q++;
	if (q > end)
		q = end;
	l->art = trim(p, (size_t)(q - p));
	size_t an = strlen(l->art);
	while (an && l->art[an - 1] == '.')
		l->art[--an] = '\0';
	while (q < end && isspace((unsigned char)*q))
		q++;
	if (q < end && ascii_casestr_n(q, (size_t)(end - q), "vervallen") == q) {
		l->vervallen = 1;
		q += strlen("vervallen");
		while (q < end && (*q == ':' || isspace((unsigned char)*q)))
			q++;
		if (q < end)
			l->reason = trim(q, (size_t)(end - q));
	} else if (q < end) {
		return -1;
	}
	return *l->cite && *l->art ? 0 : -1;
}

void herkomst_links(const struct ordinance *o, struct herkomst *t, struct diag_sink *d)
{
	for (size_t i = 0; i < o->narticles; i++) {
		const struct unit *u = o->articles[i];
		const struct attr *a = unit_attr(u, "herkomst");
		if (!a)
			continue;
		const char *v = a->value;
		while (*v) {
			const char *e = strchr(v, ';');
			size_t n = e ? (size_t)(e - v) : strlen(v);
			struct herkomst_link l = {0};
			l.u = u;
			size_t off = (size_t)(v - a->value), len = n;
			while (len && isspace((unsigned char)a->value[off])) { /* the span shows the words */
				off++;
				len--;
			}
			while (len && isspace((unsigned char)a->value[off + len - 1]))
				len--;
			l.span = (struct span){a->vspan.src, a->vspan.start + off, a->vspan.start + off + len};
			if (parse_entry(v, n, &l) == 0) {
				VEC_PUSH(t->links, t->nlinks, t->cap, l);
			} else {
				free(l.cite);
				free(l.art);
				free(l.reason);
				if (d)
					diag_report(d, l.span.src, l.span.start, l.span.end, RULE_STRUCTUUR_ATTRIBUUT,
					            "herkomst= noemt '<citeertitel>, artikel N', eventueel met "
					            "'vervallen: reden'; meer dan één met ';'");
			}
			v += n;
			if (*v == ';')
				v++;
		}
	}
}

static void old_articles(const struct imp_node *n, struct herkomst_old *od)
{
	for (size_t i = 0; i < n->nkids; i++) {
		const struct imp_node *k = n->kids[i];
		if (k->kind == IMP_ARTICLE && k->num)
			VEC_PUSH(od->arts, od->narts, od->cap, xstrdup(k->num));
		else if (k->kind != IMP_ARTICLE)
			old_articles(k, od);
	}
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the .xml and .docx files in oud/ with the import readers. */
void herkomst_olds(const struct ordinance *o, struct herkomst *t, struct diag_sink *d)
{
	char *dir = xasprintf("%s/oud", o->dir);
	DIR *dp = opendir(dir);
	if (!dp) {
		free(dir);
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(dp))) {
		size_t l = strlen(e->d_name);
		if ((l > 4 && !strcmp(e->d_name + l - 4, ".xml")) ||
		    (l > 5 && !strcmp(e->d_name + l - 5, ".docx")))
			VEC_PUSH(names, n, cap, xstrdup(e->d_name));
	}
	closedir(dp);
	if (n > 1) /* qsort(NULL, 0, …) is undefined */
		qsort(names, n, sizeof *names, cmp_name);
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", dir, names[i]);
		struct imp_meta m = {0};
		char *err = NULL;
		size_t l = strlen(path);
		struct imp_node *doc = !strcmp(path + l - 5, ".docx") ? import_docx_read(path, &m, &err)
		                                                      : import_cvdr_read(path, &m, &err);
		if (!doc) {
			/* An unreadable old text cannot be checked; say so at line 1. */
			if (d && o->main)
				diag_report(d, o->main, 0, 0, RULE_HERKOMST_ONBEKEND, "%s", err);
			free(err);
			free(path);
			free(names[i]);
			continue;
		}
		struct herkomst_old od = {0};
		od.cite = import_citeertitel(doc);
		if (!od.cite)
			od.cite = xstrdup(m.citeertitel);
		od.title = xstrdup(m.title);
		od.path = path;
		old_articles(doc, &od);
		VEC_PUSH(t->olds, t->nolds, t->capolds, od);
		imp_node_free(doc);
		imp_meta_release(&m);
		free(names[i]);
	}
	free(names);
	free(dir);
}

void herkomst_release(struct herkomst *t)
{
	for (size_t i = 0; i < t->nlinks; i++) {
		free(t->links[i].cite);
		free(t->links[i].art);
		free(t->links[i].reason);
	}
	free(t->links);
	for (size_t i = 0; i < t->nolds; i++) {
		struct herkomst_old *od = &t->olds[i];
		for (size_t k = 0; k < od->narts; k++)
			free(od->arts[k]);
		free(od->arts);
		free(od->cite);
		free(od->title);
		free(od->path);
	}
	free(t->olds);
}

int herkomst_names_old(const struct herkomst_old *od, const char *cite)
{
	return !herkomst_casecmp(od->cite, cite) || !herkomst_casecmp(od->title, cite);
}

static int accounted(const struct herkomst *t, const struct herkomst_old *od, const char *art)
{
	for (size_t i = 0; i < t->nlinks; i++)
		if (herkomst_names_old(od, t->links[i].cite) && !herkomst_casecmp(t->links[i].art, art))
			return 1;
	return 0;
}

/* The source text of article I: from its heading to the next article or unit. */
static void article_text(const struct ordinance *o, size_t i, const char **s, size_t *n)
{
	const struct unit *u = o->articles[i];
	const struct source *src = u->span.src;
	size_t end = src->len;
	for (size_t k = 0; k < o->nunits; k++) {
		const struct unit *w = o->units[k];
		if (w->span.src == src && w->span.start > u->span.start && w->span.start < end)
			end = w->span.start;
	}
	*s = src->text + u->span.start;
	*n = end - u->span.start;
}

void herkomst_check(const struct ordinance *o, struct diag_sink *d)
{
	struct herkomst t = {0};
	herkomst_links(o, &t, d);
	herkomst_olds(o, &t, d);
	/* herkomst= naming an article the old text does not have */
	for (size_t i = 0; i < t.nlinks; i++) {
		const struct herkomst_link *l = &t.links[i];
		for (size_t k = 0; k < t.nolds; k++) {
			const struct herkomst_old *od = &t.olds[k];
			if (!herkomst_names_old(od, l->cite) || strchr(l->art, ' '))
				continue;
			int found = 0;
			for (size_t a = 0; a < od->narts && !found; a++)
				found = !herkomst_casecmp(od->arts[a], l->art);
			if (!found)
				diag_report(d, l->span.src, l->span.start, l->span.end, RULE_HERKOMST_ONBEKEND,
				            "%s heeft geen artikel %s (%s)", od->cite, l->art, od->path);
		}
	}
	/* every article of an old ordinance the intrekkingsartikel names */
	for (size_t i = 0; i < o->narticles && t.nolds; i++) {
		const char *s;
		size_t n;
		article_text(o, i, &s, &n);
		if (!ascii_casestr_n(s, n, "ingetrokken"))
			continue;
		const struct unit *u = o->articles[i];
		for (size_t k = 0; k < t.nolds; k++) {
			const struct herkomst_old *od = &t.olds[k];
			if (!ascii_casestr_n(s, n, od->cite) && !ascii_casestr_n(s, n, od->title))
				continue;
			for (size_t a = 0; a < od->narts; a++)
				if (!accounted(&t, od, od->arts[a]))
					diag_report(d, u->span.src, u->span.start, u->span.end,
					            RULE_HERKOMST_ONTBREEKT,
					            "artikel %s van %s staat in geen herkomst=; neem het over of "
					            "schrijf herkomst=\"%s, artikel %s vervallen: reden\"",
					            od->arts[a], od->cite, od->cite, od->arts[a]);
		}
	}
	herkomst_release(&t);
}
