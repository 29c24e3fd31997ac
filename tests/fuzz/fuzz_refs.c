/*
 * libFuzzer target 2: the reference scanner (src/model/refs.c) on one line.
 * The input up to its first line break is scanned; the first byte after
 * it, when there is one, seeds which bytes are marked as link text (SKIP),
 * so the skip logic is exercised too. Every span found must lie inside
 * the line and be ordered; anything else is a bug and aborts.
 */
#include "refs.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check_span(size_t a, size_t b, size_t len)
{
	if (a > b || b > len)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t len = nl ? (size_t)(nl - data) : size;
	/* A private copy without slack, so ASan sees any read past the line. */
	char *line = malloc(len ? len : 1);
	memcpy(line, data, len);
	unsigned char *skip = NULL;
	if (nl && (size_t)(nl - data) + 1 < size && len) {
		unsigned char seed = data[len + 1];
		skip = calloc(len, 1);
		for (size_t i = 0; i < len; i++)
			skip[i] = (unsigned char)(((i * 31u + seed) % 7u) == 0);
	}
	struct ref_scan s;
	ref_scan_init(&s);
	refs_scan(line, len, skip, &s);
	for (size_t i = 0; i < s.nrefs; i++) {
		const struct ref *r = &s.refs[i];
		check_span(r->start, r->end, len);
		for (size_t k = 0; k < r->nitems; k++)
			check_span(r->items[k].start, r->items[k].end, len);
	}
	for (size_t i = 0; i < s.nstyle; i++)
		check_span(s.style[i].start, s.style[i].end, len);
	ref_scan_release(&s);
	free(skip);
	free(line);
	return 0;
}
