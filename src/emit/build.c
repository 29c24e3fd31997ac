#include "build.h"

#include "akn.h"
#include "edition.h"
#include "model.h"
#include "output.h"
#include "resolve.h"
#include "site.h"
#include "transpose.h"
#include "report_readability.h"
#include "pdfmodule.h"
#include "util.h"

#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

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

static void copy_images_in(struct blk *b, const struct text_ctx *c, void *ud)
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

int build_outputs(struct ordinance *o, const struct rd_stats *st, const char *out, char **err)
{
	/* The PDF module is loaded first: a missing one must not leave a
	 * build with new HTML beside old PDFs. */
	if (pdfmodule_load(err) || output_make_dir(out, err))
		return -1;
	xmlDocPtr akn = akn_build(o);
	size_t len;
	char *xml = akn_serialize(akn, &len);
	char *path = xasprintf("%s/verordening.akn.xml", out);
	int rc = output_write_file(path, xml, len, err);
	free(path);
	free(xml);
	if (rc == 0)
		rc = copy_images(o, out, err);
	if (rc == 0)
		rc = write_edition(akn, "stylesheets/verordening.xsl", out, "verordening.html", err);
	if (rc == 0)
		rc = site_write(akn, "stylesheets/publieksversie.xsl", out, err); /* src/site.h */
	if (rc == 0)
		rc = report_readability_write(o, st, out, err);
	if (rc == 0) /* only when articles carry herkomst= */
		rc = transpose_write(o, out, err);
	if (rc == 0) /* both PDF editions, typeset in two processes */
		rc = pdfmodule_editions(akn, o->dir, out, err);
	xmlFreeDoc(akn);
	return rc;
}
