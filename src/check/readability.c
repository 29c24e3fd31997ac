#include "readability.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "readability_lex.h"
#include "syllables.h"
#include "textsplit.h"
#include "util.h"

/*
 * Closed word classes the rules need, kept in code because they are
 * grammar, not policy (the policy lists are in data/leesbaarheid).
 * One map lookup per token gives all classes of a word as bits.
 */
enum {
	W_WORDEN = 1 << 0,   /* forms of "worden": passive auxiliary */
	W_ZIJN = 1 << 1,     /* forms of "zijn": passive only with a door-phrase */
	W_SUBORD = 1 << 2,   /* subordinating conjunction: opens a clause */
	W_RELPRON = 1 << 3,  /* die, dat, wat: a clause unless a determiner */
	W_WAAR = 1 << 4,     /* waarin, waarop …: relative adverbs */
	W_PREP = 1 << 5,     /* preposition: "in dat geval" is no clause */
	W_MODAL = 1 << 6,    /* "ingediend kan worden" */
	W_STOP = 1 << 7,     /* ends the search for a participle */
	W_STRONG = 1 << 8,   /* participle without ge- or -d/-t ending: verstaan */
	W_NOTPART = 1 << 9,  /* looks like a participle but is none: beleid */
	W_GEINF = 1 << 10,   /* infinitive starting with ge-: geven, gelden */
	W_UNACC = 1 << 11,   /* participle of a verb with "zijn": gekomen */
	W_ORDINAL = 1 << 12, /* eerste, tweede … (tweede lid) */
	W_UNIT = 1 << 13,    /* artikel, lid, hoofdstuk: starts a reference chain */
	W_BEDOELD = 1 << 14, /* "als bedoeld in" is no clause */
	W_PERSPRON = 1 << 15, /* "als u dat wilt": dat after a subject is an object */
	W_SUBJ = 1 << 16,     /* starts a subject: "als de inwoner ...", not "als werkzoekende" */
};

static const struct {
	int cls;
	const char *words;
} word_classes[] = {
	{W_WORDEN, "word wordt worden werd werden"},
	{W_ZIJN, "is zijn was waren"},
	{W_SUBORD, "als omdat doordat wanneer indien zodat zodra nadat voordat terwijl hoewel tenzij "
	           "opdat mits totdat aangezien ofschoon"},
	{W_RELPRON, "die dat wat welke wie hetgeen"},
	{W_WAAR, "waarin waarop waarvoor waarbij waardoor waarmee waarover waaronder waarvan waarna "
	         "waaruit waaraan waartoe waarnaar waar"},
	{W_PREP, "in op voor van met bij na naar aan over uit onder tot door om zonder tegen binnen sinds "
	         "vanaf tijdens volgens tussen achter naast per wegens vanwege"},
	{W_MODAL, "kan kunnen moet moeten zal zullen mag mogen wil willen zou zouden kon konden moest "
	          "moesten dient dienen te"},
	{W_STOP, "maar want"},
	{W_STRONG, "ontvangen verstaan vergeten verkregen ontslagen bevonden verbonden bevolen verboden "
	           "ontheven onttrokken vervangen verworven verzonden besproken beschreven verweten "
	           "vernomen bedreven ontnomen vergeven betrokken verschenen verheven bedongen"},
	{W_NOTPART, "beleid gebied geld gezond bekend bereid bericht verband gevolg gebouw gewicht gezicht "
	            "gerecht bestand verstand bezit ontwerp besluit gemiddeld geleden verleden ernst "
	            "geldt geeft gebeurt geniet gelooft betreft bestaat gezin gehandicapt gereed gebed "
	            "geduld verschil verzet verlet bedrag beroep"},
	{W_GEINF, "geven gelden gebruiken geloven genieten gebeuren genezen getuigen gehoorzamen "
	          "geraken gewennen gelijken"},
	{W_UNACC, "gekomen gegaan ontstaan geworden gebleven verhuisd overleden gestorven geweest "
	          "vertrokken verschenen gebeurd gegroeid gestegen gedaald geraakt begonnen gevallen "
	          "gelukt mislukt verdwenen aangekomen teruggekomen opgegroeid"},
	{W_ORDINAL, "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde "
	            "twaalfde dertiende veertiende vijftiende"},
	{W_UNIT, "artikel artikelen lid leden hoofdstuk hoofdstukken afdeling afdelingen paragraaf paragrafen "
	         "onderdeel onderdelen deel delen titel bijlage"},
	{W_BEDOELD, "bedoeld genoemd omschreven vermeld bepaald"},
	{W_PERSPRON, "u ik je jij hij zij ze we wij men jullie"},
	{W_SUBJ, "de het die dit deze dat zijn haar hun uw mijn ons onze u ik je jij hij zij ze we wij men jullie er "
	         "iemand niemand iets niets alles iedereen"},
};

/* Separable prefixes before ge- in participles: ingediend, vastgesteld. */
static const char *const sep_prefixes[] = {
	"aan", "af", "bij", "binnen", "door", "in", "los", "mee", "na", "neer", "om", "onder", "op",
	"over", "samen", "terug", "tegen", "toe", "uit", "vast", "voor", "weg", "vrij", "bekend",
	"kenbaar", "goed", "teweeg", "tot", "ter", NULL,
};

struct tinfo {
	unsigned char syl;     /* syllables (letter words) */
	unsigned char counted; /* counts as a word for sentence length */
	unsigned char chained; /* inside a reference chain after its head */
	unsigned char pad;
	int cls;               /* W_* bits */
};

struct sstat {
	unsigned words, markers, nomin;
	unsigned prefix_words, prefix_markers; /* of the lead-in chain */
	int passive;                           /* 0, or 1 with aux/part set */
	size_t aux, part;                      /* token indexes */
	size_t nom_tok[3];
	int long_reported, clauses_reported; /* as a lead-in: for one of its items already */
};

struct readability {
	struct rdl_profile prof;
	struct rdl_lexicon lx;
	struct rdl_map classes;
	struct textsplit ts;
	const struct readability_segment *segs;
	size_t nsegs;
	struct tinfo *ti;
	size_t capti;
	struct sstat *ss;
	size_t capss;
	char explained[64][16]; /* initialisms explained or reported in this document */
	int nexplained;
	struct rdl_map hard_seen; /* hard words reported in this document (keys in hard_pool) */
	char hard_pool[8192];
	size_t hard_used;
	readability_report_fn report;
	void *ctx;
	readability_sentence_fn sentence_fn;
	void *sentence_ctx;
	char msg[768];
	char fix[256];
};

/* ---- Tokens ------------------------------------------------------------ */

static const char *tok_text(const struct readability *rd, const struct textsplit_token *t)
{
	return rd->segs[t->seg].text + t->start;
}

static size_t tok_len(const struct textsplit_token *t)
{
	return t->end - t->start;
}

/* Lower-case copy of token T into BUF (ASCII and Latin-1 capitals); 0 if too long. */
static size_t tok_lower(const struct readability *rd, const struct textsplit_token *t, char *buf, size_t cap)
{
	const unsigned char *s = (const unsigned char *)tok_text(rd, t);
	size_t n = tok_len(t);
	if (n >= cap)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (i > 0 && s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
			c = (unsigned char)(c + 32);
		buf[i] = (char)c;
	}
	buf[n] = '\0';
	return n;
}

static int is_word(const struct textsplit_token *t)
{
	return t->kind == TS_WORD;
}

/* ---- Life cycle -------------------------------------------------------- */

static int abbrev_lookup(void *ctx, const char *lower, size_t len)
{
	struct readability *rd = ctx;
	int i = rdl_map_get(&rd->lx.abbr_map, lower, len);
	if (i < 0)
		return 0;
	return rd->lx.abbr[i].may_end ? 2 : 1;
}

static void classes_init(struct rdl_map *m)
{
	for (size_t c = 0; c < sizeof word_classes / sizeof word_classes[0]; c++) {
		const char *s = word_classes[c].words;
		while (*s) {
			size_t n = strcspn(s, " ");
			rdl_map_or(m, s, n, word_classes[c].cls);
			s += n + (s[n] == ' ');
		}
	}
}

struct readability *readability_new(const char *profile)
{
	struct readability *rd = xcalloc(1, sizeof *rd);
	if (rdl_load(&rd->lx, &rd->prof, profile) < 0) {
		rdl_release(&rd->lx, &rd->prof);
		free(rd);
		return NULL;
	}
	classes_init(&rd->classes);
	textsplit_init(&rd->ts, abbrev_lookup, rd);
	return rd;
}

void readability_free(struct readability *rd)
{
	if (!rd)
		return;
	rdl_release(&rd->lx, &rd->prof);
	rdl_map_release(&rd->classes);
	rdl_map_release(&rd->hard_seen);
	textsplit_release(&rd->ts);
	free(rd->ti);
	free(rd->ss);
	free(rd);
}

const char *readability_get_profile(const struct readability *rd)
{
	return rd->prof.name;
}

void readability_get_limits(const struct readability *rd, int *sentence_words, int *average_words,
                            int *flesch_douma)
{
	*sentence_words = rd->prof.sent_warn;
	*average_words = rd->prof.asl_warn;
	*flesch_douma = rd->prof.fd_ref;
}

void readability_reset_document(struct readability *rd)
{
	rd->nexplained = 0;
	rdl_map_release(&rd->hard_seen);
	memset(&rd->hard_seen, 0, sizeof rd->hard_seen);
	rd->hard_used = 0;
}

/* ---- Counts and figures ------------------------------------------------ */

void readability_counts_add(struct readability_counts *dst, const struct readability_counts *src)
{
	dst->words += src->words;
	dst->letter_words += src->letter_words;
	dst->syllables += src->syllables;
	dst->long_words += src->long_words;
	dst->sentences += src->sentences;
	dst->sentence_words += src->sentence_words;
	dst->long_sentences += src->long_sentences;
	dst->passive += src->passive;
	if (src->max_sentence > dst->max_sentence)
		dst->max_sentence = src->max_sentence;
}

void readability_figures_compute(const struct readability_counts *c, struct readability_figures *f)
{
	memset(f, 0, sizeof *f);
	if (c->sentences == 0 || c->letter_words == 0)
		return;
	f->valid = 1;
	f->asl = (double)c->sentence_words / (double)c->sentences;
	f->asw = (double)c->syllables / (double)c->letter_words;
	f->long_share = (double)c->long_words / (double)c->letter_words;
	f->flesch_douma = 206.84 - 77.0 * f->asw - 0.93 * f->asl;
	f->brouwer = 195.0 - 2.0 * f->asl - 66.67 * f->asw;
	f->passive_share = (double)c->passive / (double)c->sentences;
}

char *readability_format_decimal(double x, int decimals, char *buf, size_t cap)
{
	snprintf(buf, cap, "%.*f", decimals, x);
	char *dot = strchr(buf, '.');
	if (dot)
		*dot = ',';
	return buf;
}

/* ---- Per-token information ------------------------------------------------ */

static int word_class(const struct readability *rd, const struct textsplit_token *t)
{
	char buf[32];
	size_t n = is_word(t) ? tok_lower(rd, t, buf, sizeof buf) : 0;
	int c = n ? rdl_map_get(&rd->classes, buf, n) : -1;
	return c < 0 ? 0 : c;
}

static void token_info(struct readability *rd)
{
	struct textsplit *ts = &rd->ts;
	xgrow(&rd->ti, &rd->capti, ts->ntok, sizeof *rd->ti);
	for (size_t k = 0; k < ts->ntok; k++) {
		const struct textsplit_token *t = &ts->tok[k];
		struct tinfo *ti = &rd->ti[k];
		memset(ti, 0, sizeof *ti);
		ti->counted = t->kind == TS_WORD || t->kind == TS_NUMBER;
		if (t->kind == TS_WORD) {
			int s = syllables_count(tok_text(rd, t), tok_len(t));
			ti->syl = (unsigned char)(s > 255 ? 255 : s);
		}
		ti->cls = word_class(rd, t);
	}
}

/* A reference part after the head: a number, or a single letter (onder b). */
static int is_ref_value(const struct readability *rd, size_t k)
{
	const struct textsplit_token *t = &rd->ts.tok[k];
	if (t->kind == TS_NUMBER || t->kind == TS_LABEL)
		return 1;
	return t->kind == TS_WORD && tok_len(t) == 1;
}

static int tok_is(const struct readability *rd, size_t k, const char *w)
{
	return k < rd->ts.ntok && textsplit_token_is(&rd->ts.tok[k], rd->segs[rd->ts.tok[k].seg].text, w);
}

/* Length of one link of a chain at K (", tweede lid", "onder b"), or 0. */
static size_t chain_link(const struct readability *rd, size_t k)
{
	size_t n = rd->ts.ntok;
	size_t c = k < n && rd->ts.tok[k].kind == TS_PUNCT && rd->ts.tok[k].punct == ',';
	size_t j = k + c;
	if (j + 1 < n && (rd->ti[j].cls & W_ORDINAL) && tok_is(rd, j + 1, "lid"))
		return c + 2;
	if (j + 1 < n && (tok_is(rd, j, "onder") || tok_is(rd, j, "onderdeel") || tok_is(rd, j, "lid")
	                  || tok_is(rd, j, "sub")) && is_ref_value(rd, j + 1))
		return c + 2;
	/* More numbers: "artikel 3.1, 4.1 en 5.2", "1.1 tot en met 1.4", "3.1 of 4.1". */
	if (j < n && rd->ts.tok[j].kind == TS_NUMBER)
		return c + 1;
	if (j + 1 < n && (tok_is(rd, j, "en") || tok_is(rd, j, "of")) && rd->ts.tok[j + 1].kind == TS_NUMBER)
		return c + 2;
	if (j + 3 < n && tok_is(rd, j, "tot") && tok_is(rd, j + 1, "en") && tok_is(rd, j + 2, "met")
	    && rd->ts.tok[j + 3].kind == TS_NUMBER)
		return c + 4;
	/* "tweede lid, aanhef en onder b": the next link follows the "en". */
	if (j < n && tok_is(rd, j, "aanhef"))
		return c + 1;
	if (j + 1 < n && tok_is(rd, j, "en") && (tok_is(rd, j + 1, "onder") || (rd->ti[j + 1].cls & W_ORDINAL)))
		return c + 1;
	/* "van de Participatiewet", also after a comma: "artikel 5, tweede lid, van de Wmo 2015". */
	if (j + 2 < n && tok_is(rd, j, "van") && (tok_is(rd, j + 1, "de") || tok_is(rd, j + 1, "het"))
	    && (rd->ts.tok[j + 2].flags & TS_CAPITAL))
		return c + 3 + (j + 3 < n && rd->ts.tok[j + 3].kind == TS_NUMBER);
	return 0;
}

/*
 * Aanwijzing 3.29 references ("artikel 5, tweede lid, onder b, van de
 * Participatiewet") are formulaic: in profiles that say so they count as
 * one word, so required cross-references do not inflate sentence length.
 */
static void mark_chains(struct readability *rd)
{
	size_t n = rd->ts.ntok;
	for (size_t k = 0; k + 1 < n; k++) {
		int head = (rd->ti[k].cls & W_UNIT) && is_ref_value(rd, k + 1);
		int ordinal = (rd->ti[k].cls & W_ORDINAL) && tok_is(rd, k + 1, "lid");
		if (!head && !ordinal)
			continue;
		size_t j = k + 2, step;
		while (j < n && (step = chain_link(rd, j)) > 0)
			j += step;
		for (size_t i = k + 1; i < j; i++) {
			rd->ti[i].chained = 1;
			rd->ti[i].counted = 0;
		}
		k = j - 1;
	}
}

/* ---- Clauses ------------------------------------------------------------- */

/* First token of a sentence that carries words: after a label or "en c.". */
static size_t content_start(const struct readability *rd, const struct textsplit_sentence *s)
{
	size_t k = s->tok, end = s->tok + s->ntok;
	while (k < end && (rd->ts.tok[k].kind == TS_LABEL || rd->ts.tok[k].kind == TS_PUNCT
	                   || (k + 1 < end && rd->ts.tok[k + 1].kind == TS_LABEL)))
		k++;
	return k;
}

/*
 * Does token K open a subordinate clause? Conjunctions always do ("als
 * bedoeld in" excepted); die/dat/wat only when they do not stand first or
 * after a preposition, where they are determiners ("in dat geval"), nor
 * after a personal pronoun, where they are objects ("als u dat wilt").
 */
static int opens_clause(const struct readability *rd, size_t k, size_t first)
{
	int c = rd->ti[k].cls;
	if (c & W_SUBORD) {
		if (k + 1 < rd->ts.ntok && (rd->ti[k + 1].cls & W_BEDOELD))
			return 0;
		/* "als" before a bare noun or adjective is "as", no clause: "als
		 * persoonsgebonden budget", "als werkzoekende"; a clause starts with a
		 * subject: "als de inwoner dat vraagt", "als u belt". */
		if (tok_is(rd, k, "als") && k + 1 < rd->ts.ntok && !(rd->ti[k + 1].cls & W_SUBJ))
			return 0;
		return 1;
	}
	if (!(c & (W_RELPRON | W_WAAR)) || k == first)
		return 0;
	const struct textsplit_token *p = &rd->ts.tok[k - 1];
	if (p->kind == TS_PUNCT && p->punct != ',')
		return 0;
	/* After a personal pronoun it is an object: "indien u dat wilt". */
	if (rd->ti[k - 1].cls & W_PREP)
		return 0;
	return !((c & W_RELPRON) && (rd->ti[k - 1].cls & W_PERSPRON));
}

/* ---- Passive -------------------------------------------------------------- */

static int ends_with(const char *w, size_t n, const char *suf)
{
	size_t m = strlen(suf);
	return n >= m && memcmp(w + n - m, suf, m) == 0;
}

static int starts_with(const char *w, size_t n, const char *pre)
{
	size_t m = strlen(pre);
	return n >= m && memcmp(w, pre, m) == 0;
}

static int class_of(const struct readability *rd, const char *w, size_t n)
{
	int c = rdl_map_get(&rd->classes, w, n);
	return c < 0 ? 0 : c;
}

/* Participle shape without a separable prefix: gegeven, verleend, erkend. */
static int participle_core(const struct readability *rd, const char *w, size_t n)
{
	int c = class_of(rd, w, n);
	if (c & W_STRONG)
		return 1;
	if ((c & (W_NOTPART | W_GEINF)) || n < 5)
		return 0;
	if (ends_with(w, n, "heid") || ends_with(w, n, "teit") || ends_with(w, n, "tijd"))
		return 0;
	int dt = w[n - 1] == 'd' || w[n - 1] == 't';
	if (starts_with(w, n, "ge"))
		return dt || ends_with(w, n, "en");
	static const char *const insep[] = {"be", "ver", "ont", "her", "er", NULL};
	for (int i = 0; insep[i]; i++)
		if (starts_with(w, n, insep[i]))
			return dt;
	return 0;
}

static int is_participle(const struct readability *rd, size_t k)
{
	char w[48];
	if (!is_word(&rd->ts.tok[k]))
		return 0;
	size_t n = tok_lower(rd, &rd->ts.tok[k], w, sizeof w);
	if (n == 0)
		return 0;
	if (participle_core(rd, w, n))
		return 1;
	for (int i = 0; sep_prefixes[i]; i++) {
		size_t m = strlen(sep_prefixes[i]);
		if (n > m + 4 && starts_with(w, n, sep_prefixes[i]) && participle_core(rd, w + m, n - m))
			return 1;
	}
	return 0;
}

/* Is participle K exempt in this profile ("wordt verstaan onder")? */
static int participle_free(const struct readability *rd, size_t k)
{
	char w[48];
	size_t n = tok_lower(rd, &rd->ts.tok[k], w, sizeof w);
	return n && rdl_map_get(&rd->prof.passive_free, w, n) >= 0;
}

static int clause_stop(const struct readability *rd, size_t k)
{
	const struct textsplit_token *t = &rd->ts.tok[k];
	if (t->kind == TS_PUNCT)
		return t->punct == ',' || t->punct == ';' || t->punct == ':' || t->punct == '(';
	return (rd->ti[k].cls & (W_STOP | W_SUBORD | W_WORDEN)) != 0;
}

/* A participle after auxiliary AUX in its clause, or just before it. */
static size_t find_participle(const struct readability *rd, size_t aux, size_t a, size_t b)
{
	for (size_t k = aux + 1; k < b && !clause_stop(rd, k); k++)
		if (is_participle(rd, k) && !participle_free(rd, k))
			return k;
	/* Subordinate order: "dat … ingediend wordt", "ingediend kan worden". */
	size_t p = aux;
	if (p > a && (rd->ti[p - 1].cls & W_MODAL))
		p--;
	if (p > a && is_participle(rd, p - 1) && !participle_free(rd, p - 1))
		return p - 1;
	return (size_t)-1;
}

/* "zijn" + participle counts only with a door-phrase and a transitive verb. */
static int zijn_passive(const struct readability *rd, size_t part, size_t b)
{
	if (rd->ti[part].cls & W_UNACC)
		return 0;
	char w[48];
	size_t n = tok_lower(rd, &rd->ts.tok[part], w, sizeof w);
	if (n > 7 && (ends_with(w, n, "gekomen") || ends_with(w, n, "gegaan") || ends_with(w, n, "gegroeid")))
		return 0;
	for (size_t k = part + 1; k < b; k++)
		if (tok_is(rd, k, "door"))
			return 1;
	for (size_t k = part; k-- > 0 && !clause_stop(rd, k);)
		if (tok_is(rd, k, "door"))
			return 1;
	return 0;
}

static void find_passive(const struct readability *rd, size_t a, size_t b, struct sstat *st)
{
	for (size_t k = a; k < b; k++) {
		int c = rd->ti[k].cls;
		if (!(c & (W_WORDEN | W_ZIJN)))
			continue;
		size_t p = find_participle(rd, k, a, b);
		if (p == (size_t)-1)
			continue;
		if ((c & W_WORDEN) || zijn_passive(rd, p, b)) {
			st->passive = 1;
			st->aux = k;
			st->part = p;
			return;
		}
	}
}

/* ---- Nominalisations ------------------------------------------------------ */

static int is_nominal(const struct readability *rd, size_t k)
{
	char w[64];
	const struct textsplit_token *t = &rd->ts.tok[k];
	if (!is_word(t) || (t->flags & TS_ALLCAPS) || rd->ti[k].chained)
		return 0;
	size_t n = tok_lower(rd, t, w, sizeof w);
	if (n < 7)
		return 0;
	int hit = 0;
	for (size_t i = 0; i < rd->lx.nsuffix && !hit; i++)
		hit = n > rd->lx.suffix[i].n + 3
		      && memcmp(w + n - rd->lx.suffix[i].n, rd->lx.suffix[i].s, rd->lx.suffix[i].n) == 0;
	if (!hit)
		return 0;
	for (size_t i = 0; i < rd->lx.nexcept; i++) {
		const struct rdl_str *e = &rd->lx.except[i];
		/* An exception covers its compounds and plural (voorzieningen). */
		for (size_t cut = 0; cut <= 2 && cut < n; cut++)
			if (n - cut >= e->n && memcmp(w + n - cut - e->n, e->s, e->n) == 0
			    && (cut == 0 || (cut == 1 && w[n - 1] == 's') || (cut == 2 && ends_with(w, n, "en"))))
				return 0;
	}
	return 1;
}

/* Does token K occur earlier in [A, K) (case-insensitive)? */
static int seen_before(const struct readability *rd, size_t a, size_t k)
{
	char w[64], v[64];
	size_t n = tok_lower(rd, &rd->ts.tok[k], w, sizeof w);
	if (!n)
		return 0;
	for (size_t i = a; i < k; i++)
		if (tok_lower(rd, &rd->ts.tok[i], v, sizeof v) == n && memcmp(v, w, n) == 0)
			return 1;
	return 0;
}

static void sentence_stats(struct readability *rd, const struct textsplit_sentence *s, struct sstat *st)
{
	size_t a = s->tok, b = s->tok + s->ntok, first = content_start(rd, s);
	memset(st, 0, sizeof *st);
	for (size_t k = a; k < b; k++) {
		st->words += rd->ti[k].counted;
		if (is_word(&rd->ts.tok[k]) && opens_clause(rd, k, first))
			st->markers++;
		/* A capital inside the sentence is a name or title (Aanwijzingen voor de regelgeving);
		 * a word repeated in the sentence counts once. */
		if (is_nominal(rd, k) && !((rd->ts.tok[k].flags & TS_CAPITAL) && k != first) && !seen_before(rd, a, k)) {
			if (st->nomin < 3)
				st->nom_tok[st->nomin] = k;
			st->nomin++;
		}
	}
	find_passive(rd, a, b, st);
}

/* ---- Reporting ------------------------------------------------------------ */

static void emit(struct readability *rd, enum rule_id rule, int sev, size_t seg, size_t start, size_t end,
                 const char *fix)
{
	if (!rd->report || sev == RDL_OFF)
		return;
	struct readability_finding f = {rule, (enum severity)sev, seg, start, end, rd->msg, fix};
	rd->report(rd->ctx, &f);
}

/* Copy S (N bytes) as the fix, with a capital when the original had one. */
static const char *make_fix(struct readability *rd, const char *s, size_t n, int capital)
{
	if (n >= sizeof rd->fix)
		n = sizeof rd->fix - 1;
	memcpy(rd->fix, s, n);
	rd->fix[n] = '\0';
	if (capital && rd->fix[0] >= 'a' && rd->fix[0] <= 'z')
		rd->fix[0] = (char)(rd->fix[0] - 32);
	return rd->fix;
}

/* "'en' of 'ook'" from "en / ook", appended to the message. */
static void append_alternatives(struct strbuf *sb, const struct rdl_str *alt)
{
	const char *s = alt->s, *e = alt->s + alt->n;
	int first = 1;
	while (s < e) {
		const char *sep = strstr(s, " / ");
		const char *we = sep && sep < e ? sep : e;
		strbuf_printf(sb, "%s'%.*s'", first ? "" : " of ", (int)(we - s), s);
		first = 0;
		s = we < e ? we + 3 : e;
	}
}

static void set_msg(struct readability *rd, struct strbuf *sb)
{
	snprintf(rd->msg, sizeof rd->msg, "%s", sb->buf);
	strbuf_reset(sb);
}

/* ---- Word rules -------------------------------------------------------- */

/* Longest officialese entry starting at token K; returns its token count. */
static size_t match_offic(const struct readability *rd, size_t k, size_t end, int *entry)
{
	char w[48];
	size_t n = tok_lower(rd, &rd->ts.tok[k], w, sizeof w), best = 0;
	int e = n ? rdl_map_get(&rd->lx.offic_first, w, n) : -1;
	*entry = -1;
	for (; e >= 0; e = rd->lx.offic[e].next) {
		const struct rdl_offic *o = &rd->lx.offic[e];
		size_t j = 1, t = k + 1;
		if (o->legal && !rd->prof.offic_legal)
			continue;
		for (; (int)j < o->nwords && t < end; j++, t++) {
			size_t m = tok_lower(rd, &rd->ts.tok[t], w, sizeof w);
			if (m != o->words[j].n || memcmp(w, o->words[j].s, m) != 0)
				break;
		}
		if ((int)j == o->nwords && (size_t)o->nwords > best) {
			best = (size_t)o->nwords;
			*entry = e;
		}
	}
	return best;
}

static size_t rule_offic(struct readability *rd, size_t k, size_t end, struct strbuf *sb)
{
	int e;
	size_t len = match_offic(rd, k, end, &e);
	if (!len)
		return 0;
	const struct rdl_offic *o = &rd->lx.offic[e];
	const struct textsplit_token *a = &rd->ts.tok[k], *z = &rd->ts.tok[k + len - 1];
	strbuf_printf(sb, "'%.*s' is ambtelijke taal; schrijf ", (int)(z->end - a->start), tok_text(rd, a));
	append_alternatives(sb, &o->alt);
	if (o->note.n)
		strbuf_printf(sb, " (let op: %.*s)", (int)o->note.n, o->note.s);
	set_msg(rd, sb);
	size_t first_alt = strcspn(o->alt.s, "/\t\n");
	while (first_alt > 0 && o->alt.s[first_alt - 1] == ' ')
		first_alt--;
	const char *fix = make_fix(rd, o->alt.s, first_alt, (a->flags & TS_CAPITAL) != 0);
	emit(rd, RULE_AMBTELIJK, rd->prof.offic_sev, a->seg, a->start, z->end, fix);
	return len;
}

static void rule_dotted(struct readability *rd, size_t k, struct strbuf *sb)
{
	const struct textsplit_token *t = &rd->ts.tok[k];
	char w[32];
	size_t n = tok_lower(rd, t, w, sizeof w);
	if (n && w[n - 1] == '.')
		n--;
	int i = n ? rdl_map_get(&rd->lx.abbr_map, w, n) : -1;
	if (i < 0)
		return;
	const struct rdl_abbr *ab = &rd->lx.abbr[i];
	if (!ab->avoid && !rd->prof.abbr_all)
		return;
	strbuf_printf(sb, "afkorting '%.*s'; schrijf '%.*s'", (int)tok_len(t), tok_text(rd, t),
	              (int)ab->expansion.n, ab->expansion.s);
	set_msg(rd, sb);
	const char *fix = make_fix(rd, ab->expansion.s, ab->expansion.n, (t->flags & TS_CAPITAL) != 0);
	emit(rd, RULE_AFKORTING, rd->prof.abbr_sev, t->seg, t->start, t->end, fix);
}

static int explained(const struct readability *rd, const char *s, size_t n)
{
	for (int i = 0; i < rd->nexplained; i++)
		if (strlen(rd->explained[i]) == n && memcmp(rd->explained[i], s, n) == 0)
			return 1;
	return 0;
}

static void remember(struct readability *rd, const char *s, size_t n)
{
	if (rd->nexplained < 64 && n < sizeof rd->explained[0]) {
		memcpy(rd->explained[rd->nexplained], s, n);
		rd->explained[rd->nexplained++][n] = '\0';
	}
}

static int roman_numeral(const char *s, size_t n)
{
	return strspn(s, "IVXLCDM") >= n;
}

static int punct_at(const struct readability *rd, size_t k, unsigned cp)
{
	return k < rd->ts.ntok && rd->ts.tok[k].kind == TS_PUNCT && rd->ts.tok[k].punct == cp;
}

/*
 * Initialisms: reported once per document unless known to everyone or
 * explained in the text, either "(CAK)" after the words or "CAK (…)".
 */
static void rule_initialism(struct readability *rd, size_t k, struct strbuf *sb)
{
	const struct textsplit_token *t = &rd->ts.tok[k];
	const char *s = tok_text(rd, t);
	size_t n = tok_len(t);
	int i = rdl_map_get(&rd->lx.acro_map, s, n);
	if ((i < 0 && (!(t->flags & TS_ALLCAPS) || n > 8 || roman_numeral(s, n))) || (i >= 0 && !rd->lx.acro[i].avoid))
		return;
	/* Part of an identifier such as ECLI:NL:CRVB:2019:1234. */
	if ((k + 1 < rd->ts.ntok && punct_at(rd, k + 1, ':') && rd->ts.tok[k + 1].start == t->end)
	    || (k > 0 && punct_at(rd, k - 1, ':') && rd->ts.tok[k - 1].end == t->start))
		return;
	if (explained(rd, s, n))
		return;
	remember(rd, s, n);
	if ((k > 0 && punct_at(rd, k - 1, '(') && punct_at(rd, k + 1, ')')) || punct_at(rd, k + 1, '('))
		return;
	const char *fix = NULL;
	if (i >= 0) {
		const struct rdl_str *x = &rd->lx.acro[i].expansion;
		strbuf_printf(sb, "afkorting '%.*s' zonder uitleg; schrijf '%.*s (%.*s)' de eerste keer", (int)n, s,
		              (int)x->n, x->s, (int)n, s);
		char full[200];
		int m = snprintf(full, sizeof full, "%.*s (%.*s)", (int)x->n, x->s, (int)n, s);
		if (m > 0 && (size_t)m < sizeof full)
			fix = make_fix(rd, full, (size_t)m, 0);
	} else {
		strbuf_printf(sb, "afkorting '%.*s' zonder uitleg; schrijf de eerste keer voluit waar het voor staat",
		              (int)n, s);
	}
	set_msg(rd, sb);
	emit(rd, RULE_AFKORTING, rd->prof.abbr_sev, t->seg, t->start, t->end, fix);
}

static int frequent(const struct readability *rd, const char *w, size_t n)
{
	return n > 0 && rdl_map_get(&rd->lx.frequent, w, n) >= 0;
}

/* W without an inflection ending (-en, -e, -s, -er) when that is frequent or shorter. */
static size_t stem_len(const char *w, size_t n)
{
	if (ends_with(w, n, "en") && n > 5)
		return n - 2;
	if ((ends_with(w, n, "e") || ends_with(w, n, "s")) && n > 4)
		return n - 1;
	return n;
}

/* Is W a compound of frequent words (with a linking -s- or -e(n)-)? */
static int known_compound(const struct readability *rd, const char *w, size_t n, int depth)
{
	for (size_t i = 3; i + 3 <= n; i++) {
		if (!frequent(rd, w + i, n - i) && !(w[i] == '-' && frequent(rd, w + i + 1, n - i - 1)))
			continue;
		size_t l = i;
		if (frequent(rd, w, l) || (depth < 1 && known_compound(rd, w, l, depth + 1)))
			return 1;
		if (l > 3 && (w[l - 1] == 's' || w[l - 1] == 'e') && frequent(rd, w, l - 1))
			return 1;
		if (l > 4 && ends_with(w, l, "en") && frequent(rd, w, l - 2))
			return 1;
	}
	return 0;
}

static int hard_word(const struct readability *rd, size_t k, size_t first, int *syl)
{
	const struct textsplit_token *t = &rd->ts.tok[k];
	int min = rd->prof.hard_syllables;
	*syl = rd->ti[k].syl;
	if (!is_word(t) || *syl < min || rd->ti[k].chained || (t->flags & (TS_ALLCAPS | TS_ABBR)))
		return 0;
	if ((t->flags & TS_CAPITAL) && k != first)
		return 0; /* a name */
	char w[80];
	size_t n = tok_lower(rd, t, w, sizeof w), sn = stem_len(w, n);
	if (!n || frequent(rd, w, n) || frequent(rd, w, sn))
		return 0;
	if (syllables_count(w, sn) < min)
		return 0;
	return !(known_compound(rd, w, sn, 0) && *syl < min + 2);
}

/*
 * Has the hard word T been reported in this document? Remembers it if not:
 * a reader who was told once needs no second warning ("leg het uit").
 */
static int hard_seen(struct readability *rd, const struct textsplit_token *t)
{
	char w[80];
	size_t n = tok_lower(rd, t, w, sizeof w);
	if (!n)
		return 0;
	if (rdl_map_get(&rd->hard_seen, w, n) >= 0)
		return 1;
	if (rd->hard_used + n <= sizeof rd->hard_pool) {
		char *key = rd->hard_pool + rd->hard_used;
		memcpy(key, w, n);
		rd->hard_used += n;
		rdl_map_put(&rd->hard_seen, key, n, 1);
	}
	return 0;
}

static void rule_hard(struct readability *rd, size_t k, size_t first, struct strbuf *sb)
{
	int syl;
	if (!hard_word(rd, k, first, &syl))
		return;
	const struct textsplit_token *t = &rd->ts.tok[k];
	if (hard_seen(rd, t))
		return;
	strbuf_printf(sb, "moeilijk woord '%.*s' (%d lettergrepen); kies een korter of bekender woord of leg het uit (%s)",
	              (int)tok_len(t), tok_text(rd, t), syl, rd->prof.name);
	set_msg(rd, sb);
	emit(rd, RULE_WOORD_MOEILIJK, rd->prof.hard_sev, t->seg, t->start, t->end, NULL);
}

/* The word rules on tokens [A, B) of one sentence, in text order. */
static void word_rules(struct readability *rd, size_t a, size_t b, size_t first, struct strbuf *sb)
{
	for (size_t k = a; k < b; k++) {
		const struct textsplit_token *t = &rd->ts.tok[k];
		if (!is_word(t))
			continue;
		size_t len = rule_offic(rd, k, b, sb);
		if (len) {
			k += len - 1;
			continue;
		}
		if (t->flags & TS_ABBR) {
			rule_dotted(rd, k, sb);
			continue;
		}
		rule_initialism(rd, k, sb);
		rule_hard(rd, k, first, sb);
	}
}

/* ---- Sentence rules -------------------------------------------------------- */

static void rule_length(struct readability *rd, const struct textsplit_sentence *s, unsigned words,
                        int with_lead, struct strbuf *sb)
{
	const struct rdl_profile *p = &rd->prof;
	if ((int)words <= p->sent_warn)
		return;
	strbuf_printf(sb, "zin van %u woorden%s; schrijf zinnen van hoogstens %d woorden (%s)", words,
	              with_lead ? " (aanhef en onderdeel samen)" : "", p->sent_warn, p->name);
	set_msg(rd, sb);
	emit(rd, RULE_ZIN_LANG, (int)words > p->sent_error ? SEV_ERROR : SEV_WARNING, s->seg, s->start, s->end, NULL);
}

static void rule_clauses(struct readability *rd, const struct textsplit_sentence *s, unsigned markers,
                         struct strbuf *sb)
{
	int sub = (int)markers, max = rd->prof.clauses_warn - 1;
	if (sub + 1 <= rd->prof.clauses_warn)
		return;
	strbuf_printf(sb, "zin met %d bijzinnen; gebruik hoogstens %d %s per zin (%s)", sub, max,
	              max == 1 ? "bijzin" : "bijzinnen", rd->prof.name);
	set_msg(rd, sb);
	emit(rd, RULE_ZIN_BIJZINNEN, SEV_WARNING, s->seg, s->start, s->end, NULL);
}

static void rule_passive(struct readability *rd, const struct sstat *st, struct strbuf *sb)
{
	if (!st->passive || rd->prof.passive_sev == RDL_OFF)
		return;
	const struct textsplit_token *x = &rd->ts.tok[st->aux], *y = &rd->ts.tok[st->part];
	const struct textsplit_token *a = x->start < y->start || x->seg < y->seg ? x : y, *z = a == x ? y : x;
	int adjacent = z == &rd->ts.tok[(size_t)(a - rd->ts.tok) + 1];
	strbuf_printf(sb, "lijdende vorm '%.*s%s%.*s'; schrijf wie het doet (bedrijvende vorm)", (int)tok_len(a),
	              tok_text(rd, a), adjacent ? " " : " … ", (int)tok_len(z), tok_text(rd, z));
	set_msg(rd, sb);
	size_t end = a->seg == z->seg ? z->end : a->end;
	emit(rd, RULE_LIJDENDE_VORM, rd->prof.passive_sev, a->seg, a->start, end, NULL);
}

static void rule_nominal(struct readability *rd, const struct textsplit_sentence *s, const struct sstat *st,
                         struct strbuf *sb)
{
	if ((int)st->nomin < rd->prof.nomin_warn)
		return;
	strbuf_printf(sb, "%u naamwoorden van werkwoorden (", st->nomin);
	for (unsigned i = 0; i < st->nomin && i < 3; i++) {
		const struct textsplit_token *t = &rd->ts.tok[st->nom_tok[i]];
		strbuf_printf(sb, "%s%.*s", i ? ", " : "", (int)tok_len(t), tok_text(rd, t));
	}
	strbuf_printf(sb, "%s); schrijf met werkwoorden (%s: hoogstens %d per zin)", st->nomin > 3 ? ", …" : "",
	              rd->prof.name, rd->prof.nomin_warn - 1);
	set_msg(rd, sb);
	emit(rd, RULE_NAAMWOORDSTIJL, SEV_WARNING, s->seg, s->start, s->end, NULL);
}

/* ---- Driver ------------------------------------------------------------------ */

static void count_tokens(const struct readability *rd, struct readability_counts *c)
{
	for (size_t k = 0; k < rd->ts.ntok; k++) {
		const struct tinfo *ti = &rd->ti[k];
		c->words += ti->counted;
		if (!is_word(&rd->ts.tok[k]))
			continue;
		c->letter_words++;
		c->syllables += ti->syl;
		c->long_words += ti->syl >= 4;
	}
}

/* Add the lead-in chain of sentence I to its statistics. */
static void inherit_lead(struct readability *rd, size_t i, int *passive_any)
{
	struct sstat *st = &rd->ss[i];
	long lead = rd->ts.sent[i].lead;
	*passive_any = st->passive;
	if (lead < 0)
		return;
	const struct sstat *ls = &rd->ss[lead];
	st->prefix_words = ls->words + ls->prefix_words;
	st->prefix_markers = ls->markers + ls->prefix_markers;
	for (long l = lead; l >= 0 && !*passive_any; l = rd->ts.sent[l].lead)
		*passive_any = rd->ss[l].passive;
}

/*
 * Sentence-level rules. An item is measured with its lead-in; when the
 * lead-in alone is already too long it was reported itself, and the item is
 * judged on its own words, so one long lead-in is not reported per item.
 */
static void sentence_rules(struct readability *rd, size_t i, struct strbuf *sb)
{
	const struct textsplit_sentence *s = &rd->ts.sent[i];
	const struct sstat *st = &rd->ss[i];
	int warn = rd->prof.sent_warn, cl = rd->prof.clauses_warn;
	int lead_long = s->lead >= 0 && (int)st->prefix_words > warn;
	int lead_many = s->lead >= 0 && (int)st->prefix_markers + 1 > cl;
	unsigned len = lead_long ? st->words : st->words + st->prefix_words;
	unsigned markers = lead_many ? st->markers : st->markers + st->prefix_markers;
	/* Items of one enumeration that are too long only with their lead-in are
	 * reported once, at the first: the fix is the same (shorten the lead-in). */
	struct sstat *ls = s->lead >= 0 ? &rd->ss[s->lead] : NULL;
	int with_lead = s->lead >= 0 && !lead_long;
	if (!(with_lead && ls->long_reported)) {
		rule_length(rd, s, len, with_lead, sb);
		if (with_lead && (int)len > warn)
			ls->long_reported = 1;
	}
	if (!(s->lead >= 0 && !lead_many && ls->clauses_reported)) {
		rule_clauses(rd, s, markers, sb);
		if (s->lead >= 0 && !lead_many && (int)markers + 1 > cl)
			ls->clauses_reported = 1;
	}
	rule_passive(rd, st, sb);
	rule_nominal(rd, s, st, sb);
	word_rules(rd, s->tok, s->tok + s->ntok, content_start(rd, s), sb);
}

static void count_sentence(struct readability *rd, size_t i, int passive_any, struct readability_counts *c)
{
	const struct sstat *st = &rd->ss[i];
	unsigned long len = st->words + st->prefix_words;
	if (rd->ts.sent[i].is_lead)
		return; /* measured inside each of its items */
	c->sentences++;
	c->sentence_words += len;
	c->long_sentences += (int)len > rd->prof.sent_warn;
	c->passive += passive_any != 0;
	if (len > c->max_sentence)
		c->max_sentence = len;
	if (rd->sentence_fn) {
		const struct textsplit_sentence *s = &rd->ts.sent[i];
		struct readability_sentence m = {s->seg, s->start, s->end, READABILITY_NO_SEGMENT, 0, 0, len};
		long l = s->lead;
		while (l >= 0 && rd->ts.sent[l].lead >= 0) /* the outermost lead-in */
			l = rd->ts.sent[l].lead;
		if (l >= 0) {
			m.lead_segment = rd->ts.sent[l].seg;
			m.lead_start = rd->ts.sent[l].start;
			m.lead_end = rd->ts.sent[l].end;
		}
		rd->sentence_fn(rd->sentence_ctx, &m);
	}
}

void readability_set_sentence_fn(struct readability *rd, readability_sentence_fn fn, void *ctx)
{
	rd->sentence_fn = fn;
	rd->sentence_ctx = ctx;
}

/* alinea-lang: every segment is a paragraph of its own on the page. */
static void rule_paragraphs(struct readability *rd, struct strbuf *sb)
{
	size_t k = 0;
	for (size_t seg = 0; seg < rd->nsegs; seg++) {
		unsigned long words = 0;
		size_t first = k;
		while (k < rd->ts.ntok && rd->ts.tok[k].seg == seg)
			words += rd->ti[k++].counted;
		if ((long)words <= rd->prof.para_warn || first == k)
			continue;
		size_t end = rd->ts.tok[k - 1].end;
		for (size_t i = 0; i < rd->ts.nsent; i++)
			if (rd->ts.sent[i].seg == seg) {
				end = rd->ts.sent[i].end;
				break;
			}
		strbuf_printf(sb, "alinea van %lu woorden; schrijf alinea's van hoogstens %d woorden (%s)", words,
		              rd->prof.para_warn, rd->prof.name);
		set_msg(rd, sb);
		emit(rd, RULE_ALINEA_LANG, SEV_WARNING, seg, rd->ts.tok[first].start, end, NULL);
	}
}

void readability_check_segments(struct readability *rd, const struct readability_segment *segs, size_t n,
                                struct readability_counts *counts, readability_report_fn report, void *ctx)
{
	struct strbuf sb;
	rd->segs = segs;
	rd->nsegs = n;
	rd->report = report;
	rd->ctx = ctx;
	textsplit_reset(&rd->ts);
	for (size_t i = 0; i < n; i++)
		textsplit_add(&rd->ts, segs[i].text, segs[i].len, (unsigned)i, segs[i].depth);
	token_info(rd);
	if (rd->prof.chain_as_word)
		mark_chains(rd);
	memset(counts, 0, sizeof *counts);
	count_tokens(rd, counts);
	xgrow(&rd->ss, &rd->capss, rd->ts.nsent, sizeof *rd->ss);
	strbuf_init(&sb);
	rule_paragraphs(rd, &sb);
	for (size_t i = 0; i < rd->ts.nsent; i++) {
		int passive_any;
		sentence_stats(rd, &rd->ts.sent[i], &rd->ss[i]);
		inherit_lead(rd, i, &passive_any);
		count_sentence(rd, i, passive_any, counts);
		sentence_rules(rd, i, &sb);
	}
	strbuf_release(&sb);
	rd->report = NULL;
}

void readability_check_text(struct readability *rd, const char *text, size_t len,
                            struct readability_counts *counts, readability_report_fn report, void *ctx)
{
	struct readability_segment seg = {text, len, 0};
	readability_check_segments(rd, &seg, 1, counts, report, ctx);
}

void readability_check_totals(struct readability *rd, const struct readability_counts *c,
                              readability_report_fn report, void *ctx)
{
	struct readability_figures f;
	char num[32];
	rd->report = report;
	rd->ctx = ctx;
	readability_figures_compute(c, &f);
	if (f.valid && f.asl > rd->prof.asl_warn) {
		snprintf(rd->msg, sizeof rd->msg, "gemiddeld %s woorden per zin; houd het gemiddelde op hoogstens %d (%s)",
		         readability_format_decimal(f.asl, 1, num, sizeof num), rd->prof.asl_warn, rd->prof.name);
		emit(rd, RULE_ZIN_GEMIDDELD, SEV_WARNING, READABILITY_NO_SEGMENT, 0, 0, NULL);
	}
	if (c->passive >= 2 && 100.0 * f.passive_share > rd->prof.passive_share) {
		snprintf(rd->msg, sizeof rd->msg,
		         "%lu van de %lu zinnen in de lijdende vorm (%s %%); houd dat op hoogstens %d %% (%s)", c->passive,
		         c->sentences, readability_format_decimal(100.0 * f.passive_share, 0, num, sizeof num),
		         rd->prof.passive_share, rd->prof.name);
		emit(rd, RULE_LIJDENDE_VORM_AANDEEL, SEV_WARNING, READABILITY_NO_SEGMENT, 0, 0, NULL);
	}
	rd->report = NULL;
}
