#ifndef OVC_WIJZIG_H
#define OVC_WIJZIG_H

/*
 * The commands `ovc wijzig OUD NIEUW` and `ovc pas-toe OUD WIJZIGING`
 * (docs/wijzig.md). The editable picture of the sources they share is
 * src/emit/wijzig_doc.h.
 */

/* ---- Commands ----------------------------------------------------------- */

/* Main for `ovc wijzig` and `ovc pas-toe` (ARGV[1]). Returns the exit status. */
int wijzig_main(int argc, char **argv);
/* `ovc check DIR` on a wijzigingsverordening: 1 when DIR holds one (then
 * *STATUS is the exit status of its check), 0 otherwise. */
int wijzig_check_dispatch(int argc, char **argv, int *status);

#endif
