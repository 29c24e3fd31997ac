#include "serve_build.h"

#include "akn.h"
#include "edition.h"
#include "model.h"
#include "output.h"
#include "report_readability.h"
#include "resolve.h"
#include "site.h"
#include "util.h"

#include <libxml/tree.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* The illustrations the texts use, copied as build.c copies them. */
struct images {
	const char *dir, *out;
	char **done;
	size_t ndone, cap;
	char **err;
	int failed;
};

static void copy_one(struct images *im, const char *url)
{
	if (im->failed || strstr(url, "..") || url[0] == '/' || strstr(url, "://"))
		return;
	for (size_t i = 0; i < im->ndone; i++)
		if (strcmp(im->done[i], url) == 0)
			return;
	VEC_PUSH(im->done, im->ndone, im->cap, xstrdup(url));
	const char *slash = strchr(url, '/');
	if (slash) {
		char *sub = xasprintf("%s/%.*s", im->out, (int)(slash - url), url);
		im->failed = output_make_dir(sub, im->err) != 0;
		free(sub);
		if (im->failed)
			return;
	}
	char *from = xasprintf("%s/%s", im->dir, url), *to = xasprintf("%s/%s", im->out, url);
	im->failed = output_copy_file(from, to, im->err) != 0;
	free(from);
	free(to);
}

static void images_in(const struct inl *i, struct images *im)
{
	for (; i; i = i->next) {
		if (i->kind == INL_IMAGE)
			copy_one(im, i->url);
		else if (i->child)
			images_in(i->child, im);
	}
}

static void images_of_text(struct blk *b, const struct text_ctx *c, void *ud)
{
	(void)c;
	images_in(b->inl, ud);
}

/* One edition's transformation, run in its own thread. */
struct xform {
	const char *sheet, *name;
	xmlDocPtr akn, html;
	struct edition_error e;
};

static void *xform_run(void *p)
{
	struct xform *x = p;
	x->html = edition_transform(x->sheet, x->akn, "screen", &x->e);
	return NULL;
}

/* Write X's result (the threads only transform; files are written here). */
static int write_html(struct xform *x, const char *out, char **err)
{
	char *path = xasprintf("%s/%s", out, x->name);
	int rc = 0;
	if (!x->html || edition_write_html(x->html, x->sheet, path, &x->e) != 0) {
		*err = xasprintf("kan %s niet maken: %s", x->name, x->e.message);
		rc = -1;
	}
	xmlFreeDoc(x->html);
	x->html = NULL;
	free(path);
	return rc;
}

/* The legal edition is transformed in a thread while the citizen site
 * (src/site.h: several pages from one transformation) is written here. */
static int write_editions(xmlDocPtr akn, const char *out, char **err)
{
	struct xform legal = {"stylesheets/verordening.xsl", "verordening.html", akn, NULL, {0, ""}};
	pthread_t t;
	int threaded = pthread_create(&t, NULL, xform_run, &legal) == 0;
	if (!threaded)
		xform_run(&legal);
	int rc = site_write(akn, "stylesheets/publieksversie.xsl", out, err);
	if (threaded)
		pthread_join(t, NULL);
	if (rc == 0)
		return write_html(&legal, out, err);
	xmlFreeDoc(legal.html);
	return rc;
}


int serve_build_html(struct ordinance *o, const struct rd_stats *st, const char *out, char **err)
{
	if (output_make_dir(out, err))
		return -1;
	xmlDocPtr akn = akn_build(o);
	size_t len;
	char *xml = akn_serialize(akn, &len);
	char *path = xasprintf("%s/verordening.akn.xml", out);
	int rc = output_write_file(path, xml, len, err);
	free(path);
	free(xml);
	if (rc == 0) {
		struct images im = {o->dir, out, NULL, 0, 0, err, 0};
		ordinance_each_text(o, images_of_text, &im);
		for (size_t i = 0; i < im.ndone; i++)
			free(im.done[i]);
		free(im.done);
		rc = im.failed ? -1 : 0;
	}
	if (rc == 0)
		rc = write_editions(akn, out, err);
	if (rc == 0)
		rc = report_readability_write(o, st, out, err);
	xmlFreeDoc(akn);
	return rc;
}
