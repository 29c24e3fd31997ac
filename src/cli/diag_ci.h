#ifndef OVC_DIAG_CI_H
#define OVC_DIAG_CI_H

/*
 * Diagnostics for CI systems: fingerprints that follow a finding across
 * commits (SARIF partialFingerprints, CodeClimate fingerprint), and the
 * CodeClimate JSON that GitLab's merge-request widget reads.
 *
 * A fingerprint hashes the rule, the file, the message and the text of the
 * diagnostic's source line with its white space collapsed, not the line
 * number: inserting lines above a finding keeps it. Identical findings in
 * one file get their occurrence number hashed in too, so they stay apart.
 */

#include <stddef.h>
#include <stdio.h>

struct diag;

#define DIAG_FINGERPRINT_LEN 16 /* hex digits */

/* The fingerprint of each of the N diagnostics of LIST, in order. */
void diag_fingerprints(const struct diag *list, size_t n, char (*out)[DIAG_FINGERPRINT_LEN + 1]);

/*
 * Print LIST as a CodeClimate report: a JSON array of issues with
 * check_name (the rule), description, categories, severity (major for
 * errors, minor for warnings; all major with WERROR), fingerprint and
 * location (path, lines.begin, lines.end).
 */
void diag_print_codeclimate(const struct diag *list, size_t n, FILE *out, int werror);

#endif
