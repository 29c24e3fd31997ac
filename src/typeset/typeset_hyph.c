/*
 * Dutch hyphenation for the typesetter. pango 1.50 breaks inside a word
 * only at U+00AD (soft hyphen), so every word of a hyphenated text gets a
 * soft hyphen at each point libhyphen finds with hyph_nl_NL.dic (Debian
 * hyphen-nl). The dictionary is ISO-8859-1: words that do not fit are left
 * alone. Non-standard breaks (spelling changes such as "autootje") are
 * skipped: pango cannot change the letters at a break.
 */
#include "typeset_int.h"

#include "util.h"

#include <hyphen.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WORD 100

static pthread_once_t once = PTHREAD_ONCE_INIT;
static HyphenDict *dict;
static char dict_path[256];

static void load(void)
{
	dict = hnj_hyphen_load(dict_path);
}

void *ts_hyph_dict(const char *path)
{
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	pthread_mutex_lock(&lock);
	if (dict_path[0] == '\0')
		strncpy(dict_path, path, sizeof dict_path - 1);
	pthread_mutex_unlock(&lock);
	pthread_once(&once, load);
	return dict;
}

static unsigned char latin1_lower(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return (unsigned char)(cp + 32);
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return (unsigned char)(cp + 32);
	return (unsigned char)cp;
}

int ts_hyph_word(void *d, const char *w, size_t n, struct strbuf *out)
{
	char word[MAX_WORD + 1], hyph[MAX_WORD + 6];
	size_t off[MAX_WORD + 1]; /* byte offset of each letter in W */
	size_t k = 0;
	const unsigned char *s = (const unsigned char *)w;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		int l = utf8_decode(s + i, n - i, &cp);
		if (l == 0 || cp > 0xFF || k >= MAX_WORD)
			goto plain;
		off[k] = i;
		word[k++] = (char)latin1_lower(cp);
		i += (size_t)l;
	}
	off[k] = n;
	word[k] = '\0';
	if (!d || k < 5)
		goto plain;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	memset(hyph, 0, sizeof hyph);
	if (hnj_hyphen_hyphenate3(d, word, (int)k, hyph, NULL, &rep, &pos, &cut, 2, 3, 2, 2) != 0)
		goto plain;
	int count = 0;
	size_t from = 0;
	for (size_t i = 0; i + 1 < k; i++) {
		if (!(hyph[i] & 1) || (rep && rep[i]))
			continue;
		if (i + 1 < 2 || k - (i + 1) < 3)
			continue;
		strbuf_add(out, w + from, off[i + 1] - from);
		strbuf_add(out, "\xC2\xAD", 2);
		from = off[i + 1];
		count++;
	}
	strbuf_add(out, w + from, n - from);
	if (rep) {
		for (size_t i = 0; i < k; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	return count;
plain:
	strbuf_add(out, w, n);
	return 0;
}
