#ifndef OVC_OUTPUT_H
#define OVC_OUTPUT_H

/*
 * Writing outputs atomically: the bytes go to a temporary file in the same
 * directory, are flushed, and the file is renamed over PATH, so a reader
 * never sees a half-written output and a failure leaves the old one.
 */

#include <stddef.h>

/* Write LEN bytes of DATA to PATH. Returns 0, or -1 with *ERR (malloc'ed, Dutch). */
int output_write_file(const char *path, const void *data, size_t len, char **err);

/* Copy the file FROM to TO atomically. Returns 0, or -1 with *ERR. */
int output_copy_file(const char *from, const char *to, char **err);

/* The whole file at PATH (malloc'ed, NUL-terminated; its length in *LEN
 * when LEN is not NULL), or NULL with *ERR (malloc'ed, Dutch; ERR may be
 * NULL when the caller has its own message). */
char *output_read_file(const char *path, size_t *len, char **err);

/*
 * Remove NAME.tmp-XXXXXX files in DIR that a killed build left behind:
 * those not changed for OUTPUT_STALE_SECONDS (a live build renames its
 * temporaries within milliseconds). Best effort: errors are ignored.
 */
#define OUTPUT_STALE_SECONDS 60
void output_remove_stale(const char *dir);

/* Create DIR (one level) if it does not exist. Returns 0, or -1 with *ERR. */
int output_make_dir(const char *dir, char **err);

#endif
