#ifndef OVC_SYLLABLES_H
#define OVC_SYLLABLES_H

/*
 * Dutch syllable counting by vowel graphemes (reference/readability.md §4):
 * every vowel spelling is one syllable nucleus, matched longest first
 * (aai, ooi, oei, eeu, ieu before aa, ee, oo, uu, ie, oe, eu, ei, ij, ui,
 * ou, au), a trema letter (ë ï ö ü ä) always starts a new nucleus, hyphens
 * and apostrophes split the word, and a short table of English loan stems
 * (coach, team, service …) overrides the Dutch reading where it differs.
 * Measured against tests/data/lettergrepen.tsv; see docs/readability.md
 * for why libhyphen is not used here.
 *
 * Pure functions: no state, no allocation, thread-safe.
 */

#include <stddef.h>

/* Words longer than this (in bytes) are counted on their first part only. */
#define SYLLABLES_MAX_WORD 128

/*
 * Syllables in WORD, LEN bytes of UTF-8 in any case (IJsselmeer, ÉÉN).
 * WORD is one token: letters, digits, hyphens, apostrophes. An all-capital
 * initialism without vowels (BSN, CJG) is spelled out: one per letter.
 * Returns at least 1 when WORD has a letter, 0 when it has none (numbers).
 */
int syllables_count(const char *word, size_t len);

#endif
