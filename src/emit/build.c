#include "build.h"

#include "akn.h"
#include "edition.h"
#include "embedded.h"
#include "model.h"
#include "output.h"
#include "site.h"
#include "transpose.h"
#include "report_readability.h"
#include "pdfmodule.h"
#include "util.h"
#include "walk.h"

#include <errno.h>
#include <libxml/tree.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

/*
 * The editions, one row each: the stylesheet that makes both the screen
 * HTML and the print XHTML (docs/editions.md), the files written into
 * OUT, and the print style the typesetter sets the print XHTML with
 * (docs/typesetter.md). html or pdf may be NULL; site: the screen HTML is
 * a small site of pages (html is its start page). Adding an edition is a
 * row here plus its stylesheet and print style in stylesheets/ (embedded
 * by the Makefile); nothing else knows the list.
 */
struct edition_row {
	const char *sheet;
	const char *html;
	const char *pdf;
	const char *style;
	int site;
};

static const struct edition_row editions[] = {
	{"stylesheets/verordening.xsl", "verordening.html", "verordening.pdf", "stylesheets/print-verordening.ini", 0},
	{"stylesheets/publieksversie.xsl", "publieksversie.html", "publieksversie.pdf", "stylesheets/print-publieksversie.ini", 1},
	{"stylesheets/raadsbesluit.xsl", "raadsbesluit.html", "raadsbesluit.pdf", "stylesheets/print-raadsbesluit.ini", 0},
};
#define NEDITIONS (sizeof editions / sizeof editions[0])

struct copy_job {
	const struct ordinance *o;
	const char *out;
	char **done;
	size_t ndone, cap;
	int failed;
	char **err;
};

static void copy_image(struct copy_job *j, const char *url)
{
	if (j->failed || strstr(url, "..") || url[0] == '/' || strstr(url, "://"))
		return;
	for (size_t i = 0; i < j->ndone; i++)
		if (strcmp(j->done[i], url) == 0)
			return;
	VEC_PUSH(j->done, j->ndone, j->cap, xstrdup(url));
	/* one level of folder, as the format prescribes (illustraties/x.svg) */
	const char *slash = strchr(url, '/');
	if (slash) {
		char *sub = xasprintf("%s/%.*s", j->out, (int)(slash - url), url);
		int rc = output_make_dir(sub, j->err);
		free(sub);
		if (rc) {
			j->failed = 1;
			return;
		}
	}
	char *from = xasprintf("%s/%s", j->o->dir, url), *to = xasprintf("%s/%s", j->out, url);
	if (output_copy_file(from, to, j->err))
		j->failed = 1;
	free(from);
	free(to);
}

static void images_of(struct copy_job *j, const struct inl *i)
{
	for (; i; i = i->next) {
		if (i->kind == INL_IMAGE)
			copy_image(j, i->url);
		else if (i->child)
			images_of(j, i->child);
	}
}

static void copy_images_in(const struct blk *b, const struct text_ctx *c, void *ud)
{
	(void)c;
	images_of(ud, b->inl);
}

static int copy_images(struct ordinance *o, const char *out, char **err)
{
	struct copy_job j = {o, out, NULL, 0, 0, 0, err};
	ordinance_each_text(o, copy_images_in, &j);
	for (size_t i = 0; i < j.ndone; i++)
		free(j.done[i]);
	free(j.done);
	return j.failed ? -1 : 0;
}

/* One HTML edition: transform the AKN for the screen and write it. */
static int write_edition(xmlDocPtr akn, const char *sheet, const char *out, const char *name,
                         char **err)
{
	struct edition_error e = {0};
	xmlDocPtr html = edition_transform(sheet, akn, "screen", &e);
	char *path = xasprintf("%s/%s", out, name);
	int rc = 0;
	if (!html || edition_write_html(html, sheet, path, &e) != 0) {
		*err = xasprintf("kan %s niet maken: %s", name, e.message);
		rc = -1;
	}
	xmlFreeDoc(html);
	free(path);
	return rc;
}

/* One PDF edition: its print XHTML, typeset with its print style. */
static char *write_pdf(xmlDocPtr akn, const struct edition_row *r, const char *basedir,
                       const char *out)
{
	struct edition_error e = {0};
	const struct embedded_file *f = embedded_find(r->style);
	if (!f)
		return xasprintf("kan %s niet maken: %s ontbreekt in ovc", r->pdf, r->style);
	xmlDocPtr x = edition_transform(r->sheet, akn, "print", &e);
	if (!x)
		return xasprintf("kan de druk-XHTML voor %s niet maken: %s", r->pdf, e.message);
	struct typeset_input in = {x, f->path, (const char *)f->data, f->len, basedir};
	char *path = xasprintf("%s/%s", out, r->pdf), *err = NULL, *msg = NULL;
	if (pdfmodule_typeset(&in, path, &err)) {
		msg = xasprintf("kan %s niet maken: %s", r->pdf, err);
		free(err);
	}
	free(path);
	xmlFreeDoc(x);
	return msg;
}

/* A child typesetting the rows I ≡ K (mod N), I ≥ 1, one after the
 * other: the first error, if any, goes through the pipe. */
static pid_t spawn_pdfs(xmlDocPtr akn, size_t k, size_t n, const char *basedir, const char *out,
                        int *fd)
{
	int pfd[2];
	if (pipe(pfd) != 0)
		return -1;
	fflush(NULL);
	pid_t parent = getpid();
	pid_t pid = fork();
	if (pid == 0) {
		/* Die with the parent: an orphan would go on writing PDFs into a
		 * staging directory the next build removes (issue 22). */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
			_exit(2);
		close(pfd[0]);
		char *msg = NULL;
		for (size_t i = 1 + k; i < NEDITIONS && !msg; i += n)
			if (editions[i].pdf)
				msg = write_pdf(akn, &editions[i], basedir, out);
		/* The child's copy of the AKN, freed so that valgrind, which
		 * checks each process at its exit, sees no lost block. */
		xmlFreeDoc(akn);
		if (msg) {
			size_t l = strlen(msg);
			if (write(pfd[1], msg, l) != (ssize_t)l)
				_exit(2);
		}
		_exit(msg ? 1 : 0);
	}
	close(pfd[1]);
	if (pid < 0) {
		close(pfd[0]);
		return -1;
	}
	*fd = pfd[0];
	return pid;
}

/* Typesetting children still running, for stop_children. */
static pid_t live[NEDITIONS];
static pid_t live_owner;

/* The child's error message, or NULL when it succeeded. */
static char *reap_pdfs(pid_t pid, int fd)
{
	struct strbuf msg;
	char buf[512];
	ssize_t n;
	int status = 0;
	strbuf_init(&msg);
	while ((n = read(fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
		if (n > 0)
			strbuf_add(&msg, buf, (size_t)n);
	close(fd);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	char *err = NULL;
	/* Out of memory in the child (util.c exits 3, having said so): the
	 * same status here, so the build ends as any out-of-memory does. */
	if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
		for (size_t k = 0; k < NEDITIONS; k++)
			if (live[k] == pid)
				live[k] = 0; /* reaped: not to be killed at exit */
		exit(3);
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		err = msg.len ? strbuf_detach(&msg, NULL)
		              : xasprintf("een opmaakproces voor de PDF's is afgebroken");
	strbuf_release(&msg);
	return err;
}

/*
 * Every PDF edition, in parallel in processes, not threads: pango 1.50 is
 * not free of shared state between threads (two threads typesetting at
 * once gave a justified line different glyph spacing in one run out of
 * two), and byte-identical output comes first. The first row (the
 * largest) is typeset here; the others are shared among as many children
 * as there are other cores, at least one, each typesetting its rows one
 * after the other (a child per small edition would only compete for the
 * cores). OVC_TS_SERIAL=1 typesets all in this process (for measuring).
 * The first error is reported.
 */
/* At exit (out of memory here: util.c exits 3) the children stop first,
 * so that the staging directory they write into can be removed
 * (src/emit/outdir.c's handler runs after this one). */
static void stop_children(void)
{
	if (live_owner != getpid())
		return;
	for (size_t k = 0; k < NEDITIONS; k++)
		if (live[k] > 0) {
			kill(live[k], SIGKILL);
			while (waitpid(live[k], NULL, 0) < 0 && errno == EINTR)
				;
			live[k] = 0;
		}
}

static int write_pdfs(xmlDocPtr akn, const char *basedir, const char *out, char **err)
{
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t nchild = cores > 2 ? (size_t)cores - 1 : 1;
	if (nchild > NEDITIONS - 1)
		nchild = NEDITIONS - 1;
	if (getenv("OVC_TS_SERIAL"))
		nchild = 0;
	pid_t pid[NEDITIONS];
	int fd[NEDITIONS];
	fflush(NULL);
	static int registered;
	if (!registered && atexit(stop_children) == 0)
		registered = 1;
	live_owner = getpid();
	for (size_t k = 0; k < nchild; k++)
		live[k] = pid[k] = spawn_pdfs(akn, k, nchild, basedir, out, &fd[k]);
	char *msg = editions[0].pdf ? write_pdf(akn, &editions[0], basedir, out) : NULL;
	for (size_t k = 0; k < nchild; k++) {
		char *m = pid[k] > 0 ? reap_pdfs(pid[k], fd[k]) : NULL;
		live[k] = 0;
		for (size_t i = 1 + k; pid[k] <= 0 && i < NEDITIONS && !m; i += nchild)
			if (editions[i].pdf) /* no child: here */
				m = write_pdf(akn, &editions[i], basedir, out);
		if (m && !msg)
			msg = m;
		else
			free(m);
	}
	for (size_t i = 1; nchild == 0 && i < NEDITIONS && !msg; i++)
		if (editions[i].pdf)
			msg = write_pdf(akn, &editions[i], basedir, out);
	if (msg)
		*err = msg;
	return msg ? -1 : 0;
}

static int write_outputs(struct ordinance *o, const struct rd_stats *st, const char *out, int pdfs,
                         char **err)
{
	/* The PDF module is loaded first: a missing one must not leave a
	 * build with new HTML beside old PDFs. */
	if ((pdfs && pdfmodule_load(err)) || output_make_dir(out, err))
		return -1;
	output_remove_stale(out); /* left by a build that was killed */
	char *ill = xasprintf("%s/illustraties", out);
	output_remove_stale(ill);
	free(ill);
	xmlDocPtr akn = akn_build(o);
	size_t len;
	char *xml = akn_serialize(akn, &len);
	char *path = xasprintf("%s/verordening.akn.xml", out);
	int rc = output_write_file(path, xml, len, err);
	free(path);
	free(xml);
	if (rc == 0)
		rc = copy_images(o, out, err);
	for (size_t i = 0; i < NEDITIONS && rc == 0; i++) {
		if (editions[i].site) /* several pages from one transformation: src/emit/site.h */
			rc = site_write(akn, editions[i].sheet, out, err);
		else if (editions[i].html)
			rc = write_edition(akn, editions[i].sheet, out, editions[i].html, err);
	}
	if (rc == 0)
		rc = report_readability_write(o, st, out, err);
	if (rc == 0 && pdfs) /* only when articles carry herkomst= */
		rc = transpose_write(o, out, err);
	if (rc == 0 && pdfs)
		rc = write_pdfs(akn, o->dir, out, err);
	xmlFreeDoc(akn);
	return rc;
}

int build_outputs(struct ordinance *o, const struct rd_stats *st, const char *out, char **err)
{
	return write_outputs(o, st, out, 1, err);
}

int build_html_outputs(struct ordinance *o, const struct rd_stats *st, const char *out, char **err)
{
	return write_outputs(o, st, out, 0, err);
}
