#ifndef OVC_FUZZ_COMMON_H
#define OVC_FUZZ_COMMON_H

/*
 * Helpers shared by the fuzz targets. FUZZ_FIXTURE (set by mk/fuzz.mk) is
 * the absolute path of tests/fixtures/minimaal.
 */

/* Copy FUZZ_FIXTURE (files and illustraties/) into a new temporary
 * directory, removed at exit; returns its path. Exits on failure. */
char *fuzz_fixture_copy(void);

/* DIR/NAME, malloc'ed. */
char *fuzz_path(const char *dir, const char *name);

#endif
