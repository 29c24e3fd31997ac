#include "check_readability.h"

#include "diag.h"
#include "laws.h"
#include "model.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A paragraph handed to the analyser as one segment. */
struct para {
	const struct blk *blk;
	int depth;
};

/* A finding held back until the resolver has annotated the runs (see
 * check_readability_start); message and fix are copies. */
struct deferred {
	const struct blk *blk; /* NULL: a unit-level finding, at UNIT */
	struct span unit;
	int citizen;
	enum rule_id rule;
	enum severity severity;
	size_t start, end;
	char *message, *fix;
};

struct pass {
	int defer; /* hold findings back in defs instead of reporting to d */
	struct deferred *defs;
	size_t ndefs, capdefs;
	struct diag_sink *d;
	struct rd_stats *stats;
	struct para *paras;
	size_t nparas, capparas;
	struct readability_segment *segs;
	size_t capsegs;
	struct span unit_span; /* where unit-level findings go */
	size_t article;
	int citizen;
	int flat; /* a definitions article: every entry is measured on its own */
	int advice; /* opbouw: vrij: an adopted text keeps its words; findings are advice */
};

/* ---- Collecting the paragraphs of a block ---------------------------------- */

static void collect(struct pass *p, const struct blk *b, int depth)
{
	for (; b; b = b->next) {
		switch (b->kind) {
		case BLK_PARA:
			if (b->run && b->run->len) {
				struct para x = {b, p->flat ? 0 : depth > 3 ? 3 : depth};
				VEC_PUSH(p->paras, p->nparas, p->capparas, x);
			}
			break;
		case BLK_LIST:
			for (const struct blk *it = b->child; it; it = it->next)
				collect(p, it->kind == BLK_ITEM ? it->child : it, depth + 1);
			break;
		case BLK_ITEM:
		case BLK_QUOTE:
			collect(p, b->child, depth);
			break;
		default: /* headings, code, raw HTML, breaks: no running text */
			break;
		}
	}
}

static void collect_points(struct pass *p, const struct point *pts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		collect(p, pts[i].content, pts[i].depth);
		collect_points(p, pts[i].subs, pts[i].nsubs);
	}
}

/* ---- Findings and sentences back to the source -------------------------------- */

static int overlaps(const struct run *r, enum annot_kind kind, const struct readability_finding *f)
{
	for (size_t i = 0; i < r->nannots; i++)
		if (r->annots[i].kind == kind && r->annots[i].start < f->end && f->start < r->annots[i].end)
			return 1;
	return 0;
}

/* Report finding X to D unless the resolver's annotations explain it away. */
static void report_finding(struct diag_sink *d, const struct deferred *x)
{
	if (!x->blk) {
		diag_report_sev(d, x->unit.src, x->unit.start, x->unit.end, x->rule, x->severity, NULL, "%s",
		                x->message);
		return;
	}
	const struct blk *b = x->blk;
	const struct run *r = b->run;
	struct readability_finding f = {x->rule, x->severity, 0, x->start, x->end, x->message, x->fix};
	/* In the legal text a term the ordinance defines is explained there
	 * (type=begrippen): it is the required word, not a hard one. */
	if (!x->citizen && x->rule == RULE_WOORD_MOEILIJK && overlaps(r, ANNOT_TERM, &f))
		return;
	/* Likewise the short name of a law ovc knows (de Wmo 2015, de IOAW, de Awb):
	 * it is a name the law itself allows (data/wetten.tsv), and the legal
	 * edition links it to the law. */
	size_t matched;
	if (!x->citizen && x->rule == RULE_AFKORTING &&
	    (overlaps(r, ANNOT_REF, &f) || laws_match(r->text + x->start, r->len - x->start, &matched) >= 0))
		return;
	size_t a = run_src_off(r, x->start), e = run_src_off(r, x->end);
	/* A fix only where the range is the same bytes in the source (no markup inside). */
	const char *fix = x->fix && e - a == x->end - x->start ? x->fix : NULL;
	diag_report_sev(d, b->span.src, a, e, x->rule, x->severity, fix, "%s", x->message);
}

static void on_finding(void *ctx, const struct readability_finding *f)
{
	struct pass *p = ctx;
	if (!p->d && !p->defer)
		return;
	int unit_level = f->segment == READABILITY_NO_SEGMENT || f->segment >= p->nparas;
	struct deferred x = {unit_level ? NULL : p->paras[f->segment].blk, p->unit_span, p->citizen,
	                     f->rule, f->severity, f->start, f->end, (char *)f->message, (char *)f->fix};
	if (p->advice && x.severity == SEV_ERROR)
		x.severity = SEV_WARNING;
	if (!p->defer) {
		report_finding(p->d, &x);
		return;
	}
	x.message = xstrdup(f->message);
	x.fix = f->fix ? xstrdup(f->fix) : NULL;
	VEC_PUSH(p->defs, p->ndefs, p->capdefs, x);
}

static void keep_worst(struct rd_stats *st, int which, const struct rd_sentence *s)
{
	struct rd_sentence *w = st->worst[which];
	size_t n = st->nworst[which], i = n;
	while (i > 0 && w[i - 1].words < s->words)
		i--;
	if (i >= RD_WORST)
		return;
	if (n == RD_WORST)
		n--;
	memmove(&w[i + 1], &w[i], (n - i) * sizeof *w);
	w[i] = *s;
	st->nworst[which] = n + 1;
}

/*
 * Append N bytes of S to BUF (sizeof rd_sentence.text) at *LEN; when it does
 * not fit, cut at the last space that fits, end with "…" and set *LEN to the
 * capacity, so that nothing more is added.
 */
static void append_text(char *buf, size_t *len, const char *s, size_t n)
{
	const size_t cap = sizeof ((struct rd_sentence *)0)->text;
	static const char ell[] = "…";
	const size_t el = sizeof ell - 1;
	if (*len >= cap)
		return;
	if (*len + n < cap) {
		memcpy(buf + *len, s, n);
		*len += n;
		buf[*len] = '\0';
		return;
	}
	if (*len + el + 1 >= cap) {
		*len = cap;
		return;
	}
	size_t room = cap - 1 - el - *len, cut = room;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0)
		for (cut = room; cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80;)
			cut--;
	memcpy(buf + *len, s, cut);
	memcpy(buf + *len + cut, ell, el + 1);
	*len = cap;
}


static void on_sentence(void *ctx, const struct readability_sentence *m)
{
	struct pass *p = ctx;
	if (!p->stats || m->segment >= p->nparas)
		return;
	struct rd_stats *st = p->stats;
	size_t nw = st->nworst[p->citizen];
	if (nw == RD_WORST && st->worst[p->citizen][nw - 1].words >= m->words)
		return; /* not among the longest */
	const struct blk *b = p->paras[m->segment].blk;
	struct rd_sentence s = {p->article, p->citizen, m->words, b->span.src,
	                        run_src_off(b->run, m->start), run_src_off(b->run, m->end), 0, 0, ""};
	size_t len = 0;
	if (m->lead_segment < p->nparas) {
		const struct blk *lb = p->paras[m->lead_segment].blk;
		if (lb->span.src == s.src) {
			s.lead_start = run_src_off(lb->run, m->lead_start);
			s.lead_end = run_src_off(lb->run, m->lead_end);
		}
		append_text(s.text, &len, lb->run->text + m->lead_start, m->lead_end - m->lead_start);
		append_text(s.text, &len, " … ", strlen(" … "));
	}
	append_text(s.text, &len, b->run->text + m->start, m->end - m->start);
	keep_worst(st, p->citizen, &s);
}

/* Analyse the collected paragraphs as one unit of text and add the counts to *SUM. */
static void analyse(struct pass *p, struct readability *rd, struct readability_counts *sum)
{
	if (!p->nparas)
		return;
	xgrow(&p->segs, &p->capsegs, p->nparas, sizeof *p->segs);
	for (size_t i = 0; i < p->nparas; i++) {
		const struct run *r = p->paras[i].blk->run;
		p->segs[i] = (struct readability_segment){r->text, r->len, p->paras[i].depth};
	}
	struct readability_counts c;
	readability_check_segments(rd, p->segs, p->nparas, &c, on_finding, p);
	readability_counts_add(sum, &c);
	p->nparas = 0;
}

static void article(struct pass *p, const struct unit *a, struct readability *legal, struct readability *citizen,
                    struct rd_article *out)
{
	memset(out, 0, sizeof *out);
	out->article = a;
	p->citizen = 0;
	/* The entries of a type=begrippen or type=kernwaarden article ("- **term**:
	 * definition;") are read one by one after a fixed formula (Aanwijzing 3.64):
	 * they are not measured with the lead-in. */
	p->flat = a->type != NULL;
	for (int blk = 0; blk < BLOCK_COUNT; blk++) {
		if (blk == BLOCK_INWONERS)
			continue;
		if (blk == BLOCK_REGELS && a->nleden) {
			for (size_t i = 0; i < a->nleden; i++) { /* one lid at a time */
				const struct lid *l = &a->leden[i];
				collect(p, l->intro, 0);
				collect_points(p, l->points, l->npoints);
				collect(p, l->after, 0);
				analyse(p, legal, &out->legal);
			}
		} else {
			collect(p, a->block[blk], 0);
			analyse(p, legal, &out->legal);
		}
	}
	p->nparas = 0;
	p->unit_span = a->span;
	readability_check_totals(legal, &out->legal, on_finding, p);

	p->citizen = 1;
	p->flat = 0;
	collect(p, a->block[BLOCK_INWONERS], 0);
	out->has_citizen = p->nparas > 0;
	analyse(p, citizen, &out->citizen);
	if (out->has_citizen) {
		if (a->block_span[BLOCK_INWONERS].src)
			p->unit_span = a->block_span[BLOCK_INWONERS];
		readability_check_totals(citizen, &out->citizen, on_finding, p);
	}
}

/* The pass itself, into P (diagnostics to p->d, or held back with p->defer). */
static int run_pass(const struct ordinance *o, struct pass *p, struct rd_stats *stats)
{
	struct readability *rd[2] = {readability_new("B2"), readability_new("B1")};
	if (!rd[0] || !rd[1]) {
		readability_free(rd[0]);
		readability_free(rd[1]);
		return -1;
	}
	p->stats = stats;
	p->advice = o->vrij;
	struct rd_article scratch;
	if (stats) {
		memset(stats, 0, sizeof *stats);
		stats->art = xcalloc(o->narticles ? o->narticles : 1, sizeof *stats->art);
		stats->nart = o->narticles;
		for (int i = 0; i < 2; i++)
			readability_get_limits(rd[i], &stats->sent_warn[i], &stats->asl_warn[i], &stats->fd_ref[i]);
	}
	for (int i = 0; i < 2; i++)
		readability_set_sentence_fn(rd[i], stats ? on_sentence : NULL, p);
	for (size_t i = 0; i < o->narticles; i++) {
		struct rd_article *ra = stats ? &stats->art[i] : &scratch;
		p->article = i;
		article(p, o->articles[i], rd[0], rd[1], ra);
		if (stats) {
			readability_counts_add(&stats->legal, &ra->legal);
			readability_counts_add(&stats->citizen, &ra->citizen);
		}
	}
	free(p->paras);
	free(p->segs);
	p->paras = NULL;
	p->segs = NULL;
	readability_free(rd[0]);
	readability_free(rd[1]);
	return 0;
}

int check_readability(const struct ordinance *o, struct diag_sink *d, struct rd_stats *stats)
{
	struct pass p = {0};
	p.d = d;
	return run_pass(o, &p, stats);
}

struct rd_async {
	const struct ordinance *o;
	struct pass p;
	pthread_t thread;
	int started, rc;
};

static void *async_main(void *arg)
{
	struct rd_async *a = arg;
	a->rc = run_pass(a->o, &a->p, NULL);
	return NULL;
}

struct rd_async *check_readability_start(const struct ordinance *o)
{
	struct rd_async *a = xcalloc(1, sizeof *a);
	a->o = o;
	a->p.defer = 1;
	a->started = pthread_create(&a->thread, NULL, async_main, a) == 0;
	return a;
}

int check_readability_finish(struct rd_async *a, struct diag_sink *d)
{
	if (a->started)
		pthread_join(a->thread, NULL);
	else /* no thread: the same pass, here */
		async_main(a);
	int rc = a->rc;
	for (size_t i = 0; i < a->p.ndefs; i++) {
		if (rc == 0)
			report_finding(d, &a->p.defs[i]);
		free(a->p.defs[i].message);
		free(a->p.defs[i].fix);
	}
	free(a->p.defs);
	free(a);
	return rc;
}

void rd_stats_release(struct rd_stats *s)
{
	free(s->art);
	memset(s, 0, sizeof *s);
}
