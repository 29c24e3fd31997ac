#ifndef OVC_OUTDIR_H
#define OVC_OUTDIR_H

/*
 * `ovc build` as one atomic step (docs/atomisch.md): every output is
 * written into a staging directory beside OUT (".NAME.ovc-bouw-PID-XXXXXX"
 * in OUT's parent, so on the same file system), and only a complete build
 * is swapped in: rename(2) when OUT does not exist yet, otherwise
 * renameat2(RENAME_EXCHANGE), after which the previous build (now under
 * the staging name) is removed. A reader of OUT, a killed build and two
 * builds into the same OUT at once therefore see one complete build,
 * never a mix. A failed or killed build leaves OUT as it was; staging
 * directories of builds whose process no longer exists are removed by the
 * next build.
 *
 * OUT belongs to ovc: files put there by hand do not survive a build.
 */

struct ordinance;
struct rd_stats; /* the check's readability figures, for leesbaarheid.html */

/*
 * Write every output of O (src/emit/build.h) into OUT atomically. Returns 0, or
 * -1 with *ERR (malloc'ed, Dutch); then OUT is unchanged.
 */
int outdir_build(struct ordinance *o, const struct rd_stats *st, const char *out, char **err);

#endif
