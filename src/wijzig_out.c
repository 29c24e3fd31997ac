/*
 * The outputs of `ovc wijzig` (src/wijzig_gen.h): the source of the
 * wijzigingsverordening, its HTML and PDF, and the renvooi edition.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "wijzig_gen.h"

#include "output.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* BASIS relative to OUT (both exist), or NULL. */
static char *relative(const char *basis, const char *out)
{
	char a[PATH_MAX], b[PATH_MAX];
	if (!realpath(basis, a) || !realpath(out, b))
		return NULL;
	size_t common = 0;
	for (size_t k = 0; a[k] && a[k] == b[k]; k++)
		if (a[k] == '/')
			common = k;
	if (!a[strlen(b)] && !strncmp(a, b, strlen(b)))
		common = strlen(b);
	if (a[common] == '\0' && b[common] == '\0')
		return xstrdup(".");
	struct strbuf sb;
	strbuf_init(&sb);
	for (const char *p = b + common; *p; p++)
		if (*p == '/')
			strbuf_puts(&sb, "../");
	strbuf_puts(&sb, a + common + (a[common] == '/'));
	return strbuf_detach(&sb, NULL);
}

int wz_write_outputs(const struct wz_doc *old, const struct wz_doc *nieuw, const struct wz_result *r,
                     const char *out, const char *basis, char **err)
{
	(void)old;
	(void)nieuw;
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
	char *path = xasprintf("%s/wijziging.md", out);
	int rc = output_write_file(path, md, strlen(md), err);
	free(path);
	free(md);
	return rc;
}
