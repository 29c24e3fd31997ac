/*
 * Pagination: which lines of which block go on which page. Pure logic on
 * line heights, so it is unit-tested without fonts
 * (tests/unit/test_typeset.c). One pass, first fit, with these rules:
 *
 *  - a block with brk_before starts a new page (each Deel); brk_after
 *    makes the next block start one (the title page);
 *  - space before a block is dropped at the top of a page;
 *  - keep_next (headings, "Doel" labels, law labels, a lid that opens a list): the
 *    block, its space after and the first ORPHANS lines of the next block
 *    must fit, else the block moves to the next page; chains of keep_next
 *    blocks (Deel, Hoofdstuk, Artikel) move together;
 *  - orphans: a split block leaves at least ORPHANS lines at the page end;
 *  - widows: a split block carries at least WIDOWS lines to the next page;
 *  - keep_together (figures, signatures): never split, unless the block is
 *    taller than a page.
 *
 * A rule gives way only when it cannot be met on an empty page.
 */
#include "typeset_int.h"

#include "util.h"

#include <stdlib.h>

static double sum(const double *lh, int from, int to)
{
	double s = 0;
	for (int i = from; i < to; i++)
		s += lh[i];
	return s;
}

static double total(const struct ts_pblock *b)
{
	return sum(b->lh, 0, b->nlines);
}

/* Height the start of block I needs on the page it starts on (without its
 * space before): all of it when it must not be split, is kept with the
 * next block or is too short to split (fewer than ORPHANS + WIDOWS lines),
 * else its first ORPHANS lines. */
static double start_need(const struct ts_pblock *b, size_t n, size_t i, int widows, int orphans,
                         int depth)
{
	const struct ts_pblock *p = &b[i];
	if (p->keep_next && i + 1 < n && depth < 6 && !b[i + 1].brk_before && !p->brk_after)
		return total(p) + p->after + b[i + 1].before +
		       start_need(b, n, i + 1, widows, orphans, depth + 1);
	if (p->keep_together || p->nlines < orphans + widows)
		return total(p);
	return sum(p->lh, 0, orphans);
}

int ts_paginate(const struct ts_pblock *b, size_t n, double page_h, int widows, int orphans,
                struct ts_place **out, size_t *nout)
{
	struct ts_place *pl = NULL;
	size_t npl = 0, cap = 0;
	int page = 0, empty = 1;
	double y = 0;
	if (widows < 1)
		widows = 1;
	if (orphans < 1)
		orphans = 1;
#define NEW_PAGE() (page++, y = 0, empty = 1)
	for (size_t i = 0; i < n; i++) {
		const struct ts_pblock *p = &b[i];
		if ((p->brk_before || (i > 0 && b[i - 1].brk_after)) && !empty)
			NEW_PAGE();
		if (p->nlines <= 0)
			continue;
		double sb = empty ? 0 : p->before;
		double need = start_need(b, n, i, widows, orphans, 0);
		if (need > page_h) /* cannot be met: fall back to the block's own start */
			need = sum(p->lh, 0, p->nlines < orphans ? p->nlines : orphans);
		if (!empty && y + sb + need > page_h) {
			NEW_PAGE();
			sb = 0;
		}
		y += sb;
		int from = 0;
		while (from < p->nlines) {
			int fit = 0;
			double h = 0;
			while (from + fit < p->nlines && y + h + p->lh[from + fit] <= page_h + 0.01)
				h += p->lh[from + fit++];
			int left = p->nlines - from;
			if (fit >= left) {
				struct ts_place t = {(int)i, from, p->nlines, page, y};
				VEC_PUSH(pl, npl, cap, t);
				y += h;
				break;
			}
			int k = fit;
			if (!(p->keep_together && total(p) <= page_h)) {
				if (left - k < widows)
					k = left - widows;
				if (from == 0 && k < orphans)
					k = 0;
				if (from > 0 && k < 1)
					k = 0;
			} else {
				k = 0;
			}
			if (k <= 0) {
				if (!empty) {
					NEW_PAGE();
					continue;
				}
				k = fit > 0 ? fit : 1; /* an empty page cannot do better */
			}
			struct ts_place t = {(int)i, from, from + k, page, y};
			VEC_PUSH(pl, npl, cap, t);
			from += k;
			NEW_PAGE();
		}
		y += p->after;
		empty = 0;
	}
#undef NEW_PAGE
	*out = pl;
	*nout = npl;
	return page + 1;
}
