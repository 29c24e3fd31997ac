/*
 * The commands `ovc wijzig`, `ovc pas-toe` and `ovc check` on a
 * wijzigingsverordening (src/emit/wijzig.h). Options, loading, the order of the
 * steps and the exit status; the work is in wijzig_gen.c, pastoe.c and
 * wijzig_out.c.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "wijzig.h"

#include "model.h"
#include "output.h"
#include "parse.h"
#include "diag.h"
#include "pastoe.h"
#include "util.h"
#include "wijzig_doc.h"
#include "wijzig_gen.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { ST_CLEAN = 0, ST_ERRORS = 1, ST_USAGE = 2 };

static int usage_fail(const char *msg, const char *arg)
{
	fprintf(stderr, "ovc: %s%s%s\nZie 'ovc --help'.\n", msg, arg ? arg : "", arg ? "'" : "");
	return ST_USAGE;
}

static int is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int k = 0; k < 10; k++)
		if (k != 4 && k != 7 && (s[k] < '0' || s[k] > '9'))
			return 0;
	return 1;
}

static int parse_opts(int argc, char **argv, struct wz_options *op, int pastoe)
{
	memset(op, 0, sizeof *op);
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-o") || !strcmp(a, "--uit")) {
			if (++i >= argc)
				return usage_fail("-o verwacht een map", NULL);
			op->out = argv[i];
		} else if (pastoe && !strcmp(a, "--vergelijk")) {
			if (++i >= argc)
				return usage_fail("--vergelijk verwacht de map van de nieuwe tekst", NULL);
			op->vergelijk = argv[i];
		} else if (!pastoe && !strcmp(a, "--letters")) {
			op->letters = 1;
		} else if (!pastoe && !strcmp(a, "--geen-pdf")) {
			op->no_pdf = 1;
		} else if (!pastoe && !strncmp(a, "--datum=", 8)) {
			if (!is_date(a + 8))
				return usage_fail("--datum verwacht JJJJ-MM-DD, niet '", a + 8);
			op->datum = a + 8;
		} else if (a[0] == '-' && a[1]) {
			return usage_fail("onbekende optie '", a);
		} else if (!op->oud) {
			op->oud = a;
		} else if (!op->nieuw) {
			op->nieuw = a;
		} else {
			return usage_fail("te veel argumenten: '", a);
		}
	}
	if (!op->oud || !op->nieuw)
		return usage_fail(pastoe ? "gebruik: ovc pas-toe OUD WIJZIGING -o MAP"
		                         : "gebruik: ovc wijzig OUD NIEUW [-o MAP]", NULL);
	if (pastoe && !op->out)
		return usage_fail("pas-toe schrijft de nieuwe tekst naar een eigen map: geef -o MAP", NULL);
	return 0;
}

/* ---- A git revision as OUD ------------------------------------------------ */

static int rm_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf -- '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	return rc;
}

/* OUD is not a directory: read it as REV of the directory NIEUW into a temporary one. */
static char *git_export(const char *rev, const char *nieuw, char **err)
{
	for (const char *p = rev; *p; p++)
		if (!(*p == '~' || *p == '^' || *p == '.' || *p == '-' || *p == '_' || *p == '/' ||
		      (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))) {
			*err = xasprintf("'%s' is geen map en geen eenvoudige git-revisie", rev);
			return NULL;
		}
	if (strchr(nieuw, '\'')) {
		*err = xasprintf("'%s': een map met een apostrof in de naam kan ovc niet aan git geven", nieuw);
		return NULL;
	}
	char tmpl[] = "/tmp/ovc-wijzig-XXXXXX";
	char *tmp = mkdtemp(tmpl);
	if (!tmp) {
		*err = xasprintf("kan geen tijdelijke map maken: %s", strerror(errno));
		return NULL;
	}
	/* git archive needs the top of the work tree and the folder's path in it */
	char *q = xasprintf("git -C '%s' rev-parse --show-toplevel --show-prefix 2>/dev/null", nieuw);
	FILE *p = popen(q, "r");
	free(q);
	char top[PATH_MAX] = "", prefix[PATH_MAX] = "";
	int rc = -1;
	if (p) {
		if (fgets(top, sizeof top, p) && fgets(prefix, sizeof prefix, p))
			rc = 0;
		pclose(p);
	}
	top[strcspn(top, "\n")] = '\0';
	prefix[strcspn(prefix, "\n")] = '\0';
	if (rc == 0 && !strchr(top, '\'') && !strchr(prefix, '\'')) {
		char *cmd = xasprintf("git -C '%s' archive --format=tar '%s:%s' 2>/dev/null | tar -x -C '%s' 2>/dev/null",
		                      top, rev, prefix, tmp);
		rc = system(cmd);
		free(cmd);
	}
	char *probe = xasprintf("%s/verordening.md", tmp);
	int ok = rc == 0 && is_file(probe);
	free(probe);
	if (!ok) {
		rm_tree(tmp);
		*err = xasprintf("'%s' is geen map, en git kent geen revisie '%s' van %s", rev, rev, nieuw);
		return NULL;
	}
	return xstrdup(tmp);
}

static int same_dir(const char *a, const char *b);

/* ---- ovc wijzig ------------------------------------------------------------ */

static int run_wijzig(struct wz_options *op)
{
	char *err = NULL;
	char *tmp = NULL;
	if (!op->out)
		op->out = "wijziging";
	if (is_dir(op->out) && (same_dir(op->out, op->oud) || same_dir(op->out, op->nieuw))) {
		fprintf(stderr, "ovc: wijzig schrijft nooit in een bronmap; kies voor -o een andere map dan %s\n",
		        op->out);
		return ST_USAGE;
	}
	if (!is_dir(op->oud) && is_dir(op->nieuw)) {
		tmp = git_export(op->oud, op->nieuw, &err);
		if (!tmp) {
			fprintf(stderr, "ovc: %s\n", err);
			free(err);
			return ST_USAGE;
		}
	}
	struct wz_doc old, nieuw;
	int st = ST_CLEAN;
	if (wz_doc_load(tmp ? tmp : op->oud, &old, NULL, &err) != 0) {
		fprintf(stderr, "ovc: %s\n", err);
		free(err);
		if (tmp)
			rm_tree(tmp), free(tmp);
		return ST_USAGE;
	}
	if (wz_doc_load(op->nieuw, &nieuw, NULL, &err) != 0) {
		fprintf(stderr, "ovc: %s\n", err);
		free(err);
		wz_doc_release(&old);
		if (tmp)
			rm_tree(tmp), free(tmp);
		return ST_USAGE;
	}
	struct wz_result r;
	if (wz_generate(&old, &nieuw, op, &r, &err) != 0) {
		fprintf(stderr, "ovc: %s\n", err);
		free(err);
		st = ST_ERRORS;
	} else {
		char *s = wz_summary_text(&r);
		r.am.toelichting = xasprintf("Wat verandert er per artikel:\n\n%s", s);
		free(s);
		if (wz_write_outputs(&old, &nieuw, &r, op, tmp ? NULL : op->oud, &err) != 0) {
			fprintf(stderr, "ovc: %s\n", err);
			free(err);
			st = ST_USAGE;
		} else {
			char *sum = wz_summary_text(&r);
			printf("%s/wijziging.md: %zu wijzigingen\n", op->out, r.am.nitems);
			fputs(sum, stdout);
			if (r.matched[WZ_M_NUMBER] || r.matched[WZ_M_TEXT])
				printf("let op: %zu artikel(en) zonder gelijk label of opschrift gekoppeld op nummer "
				       "en tekst, %zu op tekstgelijkenis; controleer die koppeling\n",
				       r.matched[WZ_M_NUMBER], r.matched[WZ_M_TEXT]);
			free(sum);
		}
		wz_result_release(&r);
	}
	wz_doc_release(&old);
	wz_doc_release(&nieuw);
	if (tmp) {
		rm_tree(tmp);
		free(tmp);
	}
	return st;
}

/* ---- ovc pas-toe ----------------------------------------------------------- */

static char *read_all(const char *path, char **err)
{
	size_t len;
	char *text = output_read_file(path, &len, err);
	if (text && memchr(text, '\0', len)) {
		free(text);
		*err = xasprintf("%s is geen tekst", path);
		return NULL;
	}
	return text;
}

static char *amendment_path(const char *arg)
{
	return is_dir(arg) ? xasprintf("%s/wijziging.md", arg) : xstrdup(arg);
}

static int same_dir(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

/* Apply AM to DOC, item by item; messages name the item's line in PATH. */
static int apply_all(struct wz_doc *doc, const struct wz_amendment *am, const char *path, char **err)
{
	for (size_t k = 0; k < am->nitems; k++) {
		char *e = NULL;
		if (pastoe_item(doc, &am->items[k], &e) != 0) {
			*err = xasprintf("%s:%d:1: onderdeel %s: %s", path, am->items[k].line + 2,
			                 am->items[k].label, e);
			free(e);
			return -1;
		}
	}
	return 0;
}

static char *model_text_of(const char *dir, char **err)
{
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = parse_ordinance(dir, d, err);
	diag_sink_free(d);
	if (!o)
		return NULL;
	char *t = wz_model_text(o);
	ordinance_free(o);
	return t;
}

/* The first line where A and B differ, for the message. */
static void first_difference(const char *a, const char *b)
{
	int line = 1;
	while (*a && *a == *b) {
		if (*a == '\n')
			line++;
		a++, b++;
	}
	while (line > 1 && a[-1] != '\n')
		a--, b--;
	fprintf(stderr, "ovc: verschil in regel %d van de modeltekst:\n  uitkomst: %.*s\n  nieuw:    %.*s\n",
	        line, (int)strcspn(a, "\n"), a, (int)strcspn(b, "\n"), b);
}

static int compare(const char *got, const char *want)
{
	char *err = NULL;
	char *x = model_text_of(got, &err), *y = x ? model_text_of(want, &err) : NULL;
	int st;
	if (!x || !y) {
		fprintf(stderr, "ovc: %s\n", err ? err : "kan niet vergelijken");
		st = ST_USAGE;
	} else if (strcmp(x, y) == 0) {
		printf("%s is gelijk aan %s (het model als tekst, %zu bytes)\n", got, want, strlen(x));
		st = ST_CLEAN;
	} else {
		first_difference(x, y);
		st = ST_ERRORS;
	}
	free(err);
	free(x);
	free(y);
	return st;
}

static int run_pastoe(const struct wz_options *op)
{
	char *err = NULL;
	if (is_dir(op->out) && same_dir(op->out, op->oud)) {
		fprintf(stderr, "ovc: pas-toe schrijft nooit over de bron; kies voor -o een andere map dan %s\n", op->oud);
		return ST_USAGE;
	}
	char *path = amendment_path(op->nieuw);
	char *text = read_all(path, &err);
	struct wz_amendment am;
	struct wz_doc doc;
	int st = ST_CLEAN;
	if (!text) {
		st = ST_USAGE;
	} else if (wz_amendment_parse(&am, path, text, &err) != 0) {
		st = ST_ERRORS;
	} else {
		if (wz_doc_load(op->oud, &doc, NULL, &err) != 0) {
			st = ST_USAGE;
		} else {
			doc.letters = am.letters;
			if (apply_all(&doc, &am, path, &err) != 0)
				st = ST_ERRORS;
			else if (wz_doc_write(&doc, op->out, op->oud, &err) != 0)
				st = ST_USAGE;
			wz_doc_release(&doc);
		}
		wz_amendment_release(&am);
	}
	if (err) {
		fprintf(stderr, "ovc: %s\n", err);
		free(err);
	}
	free(text);
	free(path);
	if (st == ST_CLEAN && op->vergelijk)
		st = compare(op->out, op->vergelijk);
	return st;
}

/* ---- ovc check on a wijzigingsverordening ----------------------------------- */

static int check_amendment(const char *dir)
{
	char *path = xasprintf("%s/wijziging.md", dir);
	char *err = NULL;
	char *text = read_all(path, &err);
	struct wz_amendment am;
	int st = ST_CLEAN;
	if (!text) {
		st = ST_USAGE;
	} else if (wz_amendment_parse(&am, path, text, &err) != 0) {
		st = ST_ERRORS;
	} else {
		/* the old text, when the source names it (basis:), proves every item */
		char *basis = NULL;
		const char *b = strstr(text, "\nbasis: ");
		if (b) {
			b += 8;
			char *rel = xstrndup(b, strcspn(b, "\n"));
			basis = rel[0] == '/' ? xstrdup(rel) : xasprintf("%s/%s", dir, rel);
			free(rel);
		}
		struct wz_doc doc;
		if (basis && wz_doc_load(basis, &doc, NULL, &err) == 0) {
			doc.letters = am.letters;
			if (apply_all(&doc, &am, path, &err) != 0)
				st = ST_ERRORS;
			wz_doc_release(&doc);
		} else if (basis) {
			char *e = err;
			err = xasprintf("%s:1:1: fout: de oude tekst (basis: %s) is niet te lezen: %s "
			                "[wijziging-basis]", path, basis, e);
			free(e);
			fprintf(stderr, "%s\n", err);
			free(err);
			err = NULL;
			st = ST_ERRORS;
		}
		free(basis);
		wz_amendment_release(&am);
	}
	if (err) {
		/* "path:line:col: message" → compiler style with severity and rule */
		const char *m = err;
		const char *c = strstr(err, ": ");
		if (c && !strncmp(err, path, strlen(path))) {
			const char *c2 = strchr(err + strlen(path) + 1, ':');
			c2 = c2 ? strchr(c2 + 1, ':') : NULL;
			if (c2) {
				fprintf(stderr, "%.*s: fout:%s [wijziging-formule]\n", (int)(c2 - err), err, c2 + 1);
				m = NULL;
			}
		}
		if (m)
			fprintf(stderr, "%s: fout: %s [wijziging-formule]\n", path, m);
		free(err);
	}
	free(text);
	free(path);
	return st;
}

int wijzig_check_dispatch(int argc, char **argv, int *status)
{
	if (argc < 2 || strcmp(argv[1], "check") != 0)
		return 0;
	const char *dir = NULL;
	for (int i = 2; i < argc; i++)
		if (argv[i][0] != '-') {
			dir = argv[i];
			break;
		}
	if (!dir)
		return 0;
	char *a = xasprintf("%s/wijziging.md", dir), *b = xasprintf("%s/verordening.md", dir);
	int mine = is_file(a) && !is_file(b);
	free(a);
	free(b);
	if (mine)
		*status = check_amendment(dir);
	return mine;
}

int wijzig_main(int argc, char **argv)
{
	int pastoe = strcmp(argv[1], "pas-toe") == 0;
	struct wz_options op;
	int rc = parse_opts(argc, argv, &op, pastoe);
	if (rc)
		return rc;
	return pastoe ? run_pastoe(&op) : run_wijzig(&op);
}
