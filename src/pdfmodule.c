/*
 * Loading ovc-pdf.so (see pdfmodule.h).
 */
#include "pdfmodule.h"

#include "util.h"
#include "version.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MODULE_NAME "ovc-pdf.so"

typedef int typeset_fn(const struct typeset_input *, const char *, char **);

/* Present when the typesetter is linked into the program itself. */
extern int typeset_pdf_file(const struct typeset_input *, const char *, char **)
	__attribute__((weak));

static typeset_fn *typeset;

/* The folder of the running executable, or NULL. */
static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

int pdfmodule_load(char **err)
{
	if (typeset)
		return 0;
	if (typeset_pdf_file) {
		typeset = typeset_pdf_file;
		return 0;
	}
	char *dir = exe_dir();
	if (!dir) {
		*err = xasprintf("kan de map van ovc niet bepalen, dus ook de PDF-module %s niet vinden",
		                 MODULE_NAME);
		return -1;
	}
	char *cand[2] = {xasprintf("%s/%s", dir, MODULE_NAME),
	                 xasprintf("%s/../lib/ovc/%s", dir, MODULE_NAME)};
	free(dir);
	void *h = NULL;
	char *why = NULL;
	int which = -1;
	for (int i = 0; i < 2 && !h; i++) {
		if (access(cand[i], F_OK) != 0)
			continue;
		which = i;
		h = dlopen(cand[i], RTLD_NOW | RTLD_LOCAL);
		if (!h) { /* dlerror() repeats the path: "PATH: reason" */
			const char *e = dlerror();
			size_t n = strlen(cand[i]);
			why = xstrdup(strncmp(e, cand[i], n) == 0 && strncmp(e + n, ": ", 2) == 0 ? e + n + 2 : e);
		}
	}
	int rc = -1;
	if (which < 0) {
		*err = xasprintf("de PDF-module ontbreekt: niet gevonden als %s of %s "
		                 "(make bouwt hem; make install zet hem naast ovc)",
		                 cand[0], cand[1]);
	} else if (!h) {
		*err = xasprintf("kan de PDF-module %s niet laden: %s; bouw ovc opnieuw met make, of "
		                 "installeer het opnieuw met make install",
		                 cand[which], why); /* dlerror() is English: say what to do */
	} else {
		void *fn = dlsym(h, "typeset_pdf_file");
		const char *const *ver = dlsym(h, "typeset_module_version");
		if (!fn || !ver) {
			*err = xasprintf("%s is geen PDF-module van ovc", cand[which]);
		} else if (strcmp(*ver, OVC_VERSION) != 0) {
			*err = xasprintf("de PDF-module %s hoort bij ovc %s, niet bij ovc %s",
			                 cand[which], *ver, OVC_VERSION);
		} else {
			memcpy(&typeset, &fn, sizeof typeset); /* object to function pointer (POSIX) */
			rc = 0;
		}
		/* The module stays loaded for the rest of the run: no dlclose. */
	}
	free(why);
	free(cand[0]);
	free(cand[1]);
	return rc;
}

int pdfmodule_typeset(const struct typeset_input *in, const char *path, char **err)
{
	if (pdfmodule_load(err))
		return -1;
	return typeset(in, path, err);
}
