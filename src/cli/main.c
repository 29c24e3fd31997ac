/*
 * ovc: the command line. Parses options, runs the stages in order and maps
 * the result to an exit status. Only the CLI (src/cli/) decides what is
 * printed; the stages report to the diagnostics sink or fill a stream the
 * CLI hands them. Exit status 3: out of memory (src/base/util.c).
 */
#include "build.h"
#include "check_readability.h"
#include "compile.h"
#include "diag.h"
#include "diag_print.h"
#include "edition.h"
#include "hernummer.h"
#include "import.h"
#include "lsp.h"
#include "model.h"
#include "numbering_record.h"
#include "outdir.h"
#include "serve.h"
#include "stats.h"
#include "util.h"
#include "vergelijk.h"
#include "version.h"
#include "wijzig.h"

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


enum exit_status {
	EXIT_CLEAN = 0,  /* no errors (warnings allowed) */
	EXIT_ERRORS = 1, /* diagnostics of severity fout */
	EXIT_USAGE = 2,  /* bad command line, or the sources cannot be read */
	EXIT_INTERNAL = 3, /* out of memory (util.c) or an internal error */
};

static const char usage[] =
	"Gebruik: ovc OPDRACHT [MAP] [OPTIES]\n"
	"\n"
	"ovc controleert en publiceert een omgekeerde verordening sociaal domein\n"
	"die in Markdown is geschreven (bronformaat versie 1, zie docs/format.md).\n"
	"\n"
	"Opdrachten:\n"
	"  check [MAP]            lees en controleer de verordening; toon de meldingen\n"
	"  build [MAP] [-o UIT]   controleer en schrijf alle uitvoer naar UIT (standaard out/)\n"
	"  stats [MAP]            leesbaarheidscijfers per artikel (tabel; --format=json voor JSON)\n"
	"  hernummer [MAP]        na invoegen, schrappen of verplaatsen: nummers en verwijzingen\n"
	"                         bijwerken zodat elke verwijzing bij haar artikel blijft\n"
	"  lsp                    taalserver (LSP) voor editors, via stdin en stdout\n"
	"  serve [MAP] [--port N] live voorbeeld op http://127.0.0.1:N/ (standaard 8000):\n"
	"                         bouwt de HTML na elke opslag en herlaadt de pagina\n"
	"  import BRON… -o MAP    lees bestaande regelingen in (CVDR-XML of .docx) als nieuwe\n"
	"                         bronmap (opbouw: vrij, nummering: vast); --gemeentecode=GMnnnn,\n"
	"                         --gemeente=NAAM\n"
	"  vergelijk OUD… NIEUW   zoek bedragen, percentages, termijnen en leeftijden van de oude\n"
	"                         regelingen op in de nieuwe (--format=json voor JSON)\n"
	"  wijzig OUD NIEUW [-o UIT]  wijzigingsverordening, renvooi en samenvatting uit twee\n"
	"                         versies (OUD mag een git-revisie zijn); --datum=JJJJ-MM-DD,\n"
	"                         --letters (9.2a, Aanwijzing 6.16), --geen-pdf; docs/wijzig.md\n"
	"  pas-toe OUD WIJZIGING -o UIT [--vergelijk NIEUW]  pas een wijzigingsverordening toe\n"
	"  --help                 deze hulp\n"
	"  --version              de versie van ovc\n"
	"\n"
	"MAP is standaard 'verordening'.\n"
	"\n"
	"Opties:\n"
	"  -o UIT, --uit=UIT      map voor de uitvoer van build (standaard out)\n"
	"  --format=FORMAAT       meldingen als text (standaard), json, sarif (SARIF 2.1.0)\n"
	"                         of codeclimate (GitLab);\n"
	"                         bij stats: text (tabel) of json\n"
	"  --werror               behandel waarschuwingen als fouten\n"
	"  --kleur=WANNEER        kleur in de meldingen: auto (standaard), altijd of nooit\n"
	"  --bewaar               bij check: bewaar de huidige nummering in MAP/.nummering\n"
	"  --proef                bij hernummer: toon de wijzigingen, schrijf niets\n"
	"  --port N               poort van serve (0: een vrije poort)\n"
	"  --host ADRES           adres van serve: alleen 127.0.0.1, ::1 of localhost\n"
	"  --max-verzoeken N      serve stopt na N beantwoorde verzoeken\n"
	"\n"
	"Uitvoer van build: verordening.akn.xml (Akoma Ntoso 3.0), verordening.html\n"
	"en verordening.pdf (juridische editie), publieksversie.html en\n"
	"publieksversie.pdf (voor inwoners), leesbaarheid.html (leesbaarheid per\n"
	"artikel, voor beleidsschrijvers), de CSS en illustraties/.\n"
	"\n"
	"Afsluitstatus:\n"
	"  0  geen fouten (waarschuwingen mogen)\n"
	"  1  fouten in de tekst\n"
	"  2  verkeerd gebruik, of bestanden of mappen niet te lezen of te schrijven\n"
	"  3  te weinig geheugen of een interne fout\n"
	"\n"
	"Voorbeelden:\n"
	"  ovc check                          controleer verordening/\n"
	"  ovc check --format=json > m.json   meldingen voor een editor of CI\n"
	"  ovc build verordening -o out       schrijf alles naar out/\n"
	"  ovc stats --format=json            leesbaarheidscijfers als JSON\n"
	"  ovc serve                          voorbeeld op http://127.0.0.1:8000/\n";

enum command { CMD_NONE, CMD_CHECK, CMD_BUILD, CMD_STATS, CMD_HERNUMMER };

struct options {
	enum command cmd;
	const char *dir;
	const char *out;
	enum diag_format format;
	int werror;
	int color; /* -1 auto */
	int bewaar, proef; /* check --bewaar, hernummer --proef */
};

__attribute__((format(printf, 1, 2))) static int fail_usage(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ovc: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nZie 'ovc --help'.\n", stderr);
	return EXIT_USAGE;
}

static int parse_value_option(struct options *op, const char *arg)
{
	if (strncmp(arg, "--format=", 9) == 0) {
		const char *v = arg + 9;
		if (strcmp(v, "text") == 0)
			op->format = DIAG_TEXT;
		else if (strcmp(v, "json") == 0)
			op->format = DIAG_JSON;
		else if (strcmp(v, "sarif") == 0)
			op->format = DIAG_SARIF;
		else if (strcmp(v, "codeclimate") == 0)
			op->format = DIAG_CODECLIMATE;
		else
			return fail_usage("onbekend formaat '%s'; kies text, json, sarif of codeclimate", v);
		return 0;
	}
	if (strncmp(arg, "--kleur=", 8) == 0) {
		const char *v = arg + 8;
		if (strcmp(v, "auto") == 0)
			op->color = -1;
		else if (strcmp(v, "altijd") == 0)
			op->color = 1;
		else if (strcmp(v, "nooit") == 0)
			op->color = 0;
		else
			return fail_usage("onbekende waarde '%s' voor --kleur; kies auto, altijd of nooit", v);
		return 0;
	}
	return fail_usage("onbekende optie '%s'", arg);
}

static int parse_args(int argc, char **argv, struct options *op)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-o") == 0 || strcmp(a, "--uit") == 0) {
			if (++i >= argc)
				return fail_usage("%s verwacht een map", a);
			op->out = argv[i];
		} else if (strncmp(a, "--uit=", 6) == 0) { /* like --format=, --kleur= */
			if (!a[6])
				return fail_usage("%s", "--uit= verwacht een map");
			op->out = a + 6;
		} else if (strcmp(a, "--werror") == 0) {
			op->werror = 1;
		} else if (strcmp(a, "--bewaar") == 0 || strcmp(a, "--proef") == 0) {
			*(a[2] == 'b' ? &op->bewaar : &op->proef) = 1;
		} else if (a[0] == '-' && a[1]) {
			int rc = parse_value_option(op, a);
			if (rc)
				return rc;
		} else if (op->cmd == CMD_NONE) {
			if (strcmp(a, "check") == 0)
				op->cmd = CMD_CHECK;
			else if (strcmp(a, "build") == 0)
				op->cmd = CMD_BUILD;
			else if (strcmp(a, "stats") == 0)
				op->cmd = CMD_STATS;
			else if (strcmp(a, "hernummer") == 0)
				op->cmd = CMD_HERNUMMER;
			else
				return fail_usage("onbekende opdracht '%s'", a);
		} else if (!op->dir) {
			op->dir = a;
		} else {
			return fail_usage("te veel argumenten: '%s'", a);
		}
	}
	if (op->cmd == CMD_NONE)
		return fail_usage("%s", "geef een opdracht: check, build of stats");
	if ((op->bewaar && op->cmd != CMD_CHECK) || (op->proef && op->cmd != CMD_HERNUMMER))
		return fail_usage("%s", op->bewaar ? "--bewaar hoort bij check" : "--proef hoort bij hernummer");
	if (op->out && op->cmd != CMD_BUILD)
		return fail_usage("%s", "-o hoort bij build");
	if (op->cmd == CMD_STATS && (op->format == DIAG_SARIF || op->format == DIAG_CODECLIMATE || op->werror))
		return fail_usage("%s", "stats kent alleen --format=text of --format=json");
	return 0;
}

/*
 * SOURCE_DATE_EPOCH (reproducible-builds.org) sets the date in the PDFs.
 * Garbage or a date after 9999 is refused before anything is written
 * (issue 22: it was silently ignored, and huge values gave malformed dates).
 */
static int check_source_date_epoch(void)
{
	const char *v = getenv("SOURCE_DATE_EPOCH");
	if (!v || !*v)
		return 0;
	size_t n = strspn(v, "0123456789");
	if (v[n] != '\0')
		return fail_usage("SOURCE_DATE_EPOCH='%.40s' is geen tijdstip; geef het aantal seconden "
		                  "sinds 1970-01-01 UTC, bijvoorbeeld SOURCE_DATE_EPOCH=$(git log -1 "
		                  "--format=%%ct), of maak de variabele leeg",
		                  v);
	if (n > 12 || strtoll(v, NULL, 10) > 253402300799LL)
		return fail_usage("SOURCE_DATE_EPOCH=%.40s ligt na het jaar 9999; geef het aantal "
		                  "seconden sinds 1970-01-01 UTC",
		                  v);
	return 0;
}

/* Sort the diagnostics in reading order of the files, then print them. */
static int report(struct diag_sink *d, const struct ordinance *o, const struct options *op)
{
	if (o)
		diag_sort(d, (const struct source *const *)(const void *)o->files, (int)o->nfiles);
	int color = op->color < 0 ? isatty(STDERR_FILENO) && op->format == DIAG_TEXT : op->color;
	FILE *stream = op->format == DIAG_TEXT ? stderr : stdout;
	return diag_print(d, stream, op->format, op->werror, color);
}

/*
 * ovc stats: the figures, not the diagnostics (ovc check shows those).
 * Only sources that cannot be read stop it: then the diagnostics say why.
 */
static int run_stats(const struct options *op, struct diag_sink *d, struct ordinance *o,
                     const struct rd_stats *st)
{
	if (!o || o->sources_failed)
		return report(d, o, op) ? EXIT_ERRORS : EXIT_USAGE;
	if (op->format == DIAG_JSON)
		stats_print_json(o, st, stdout);
	else
		stats_print_table(o, st, stdout);
	return EXIT_CLEAN;
}

/*
 * The model of a large text is not freed on the way out: the system takes
 * the memory back at once, where freeing 100,000 articles object by object
 * took 0.15 s of a 1.9 s check (issue 22; clang's -disable-free does the
 * same). It stays reachable from here, so leak checkers do not count it.
 * Smaller texts are freed, the fixtures and examples that make valgrind
 * and make test SANITIZE=1 run among them, so that the leak checkers
 * still cover every free path of the model.
 */
#define FREE_AT_EXIT_MAX_ARTICLES 10000
/* volatile: a store the compiler may not drop, so the model stays reachable */
static struct ordinance *volatile kept_at_exit;

static void model_done(struct ordinance *o)
{
	if (o && o->narticles > FREE_AT_EXIT_MAX_ARTICLES)
		kept_at_exit = o;
	else
		ordinance_free(o);
}

static int run(const struct options *op)
{
	if (op->cmd == CMD_HERNUMMER)
		return hernummer_run(op->dir, op->proef, stdout, stderr);
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = NULL;
	char *err = NULL;
	struct rd_stats st;
	/* the readability figures of the check serve `ovc stats` and leesbaarheid.html */
	int measure = op->cmd == CMD_STATS || op->cmd == CMD_BUILD;
	if (compile_ordinance_stats(op->dir, &o, d, &err, measure ? &st : NULL) != 0) {
		fprintf(stderr, "ovc: %s\n", err);
		int internal = strncmp(err, "interne fout", 12) == 0;
		free(err);
		diag_sink_free(d);
		return internal ? EXIT_INTERNAL : EXIT_USAGE;
	}
	if (op->cmd == CMD_STATS) {
		int rc = run_stats(op, d, o, &st);
		rd_stats_release(&st);
		ordinance_free(o);
		diag_sink_free(d);
		return rc;
	}
	int errors = report(d, o, op), saved = 0;
	int status = errors ? EXIT_ERRORS : EXIT_CLEAN;
	if (op->cmd == CMD_BUILD && errors) {
		fprintf(stderr, "ovc: niets geschreven naar %s: eerst de fouten oplossen\n", op->out);
	} else {
		/* The numbering record first: running out of memory while saving
		 * it must leave out/ as it was (the build swaps out/ in one step). */
		int kept = 1;
		if ((op->cmd == CMD_BUILD || op->bewaar) && numbering_record_save(o, &saved, &err) != 0) {
			fprintf(stderr, "ovc: de nummering is niet bewaard: %s\n", err);
			free(err);
			err = NULL;
			kept = 0;
		}
		if (op->cmd == CMD_BUILD && outdir_build(o, &st, op->out, &err) != 0) {
			fprintf(stderr, "ovc: %s\n", err);
			free(err);
			status = EXIT_USAGE;
		} else if (op->cmd == CMD_BUILD) {
			fprintf(stderr, "ovc: geschreven naar %s/: verordening.akn.xml, de edities als HTML en "
			                "PDF (verordening, publieksversie, raadsbesluit), leesbaarheid.html\n",
			        op->out);
		}
		if (kept && op->bewaar && saved)
			fprintf(stderr, "ovc: de nummering is bewaard in %s/" NUMBERING_RECORD_NAME "\n", op->dir);
	}
	if (measure)
		rd_stats_release(&st);
	model_done(o);
	diag_sink_free(d);
	edition_cleanup();
	return status;
}

int main(int argc, char **argv)
{
#ifdef M_MXFAST
	/* No glibc fast bins: ovc frees hundreds of thousands of small blocks
	 * between large allocations, and consolidating the fast bins took a
	 * quarter of `ovc check` at 100,000 articles (issue 22). */
	mallopt(M_MXFAST, 0);
#endif
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return EXIT_CLEAN;
		}
		if (strcmp(argv[i], "--version") == 0) {
			puts("ovc " OVC_VERSION);
			return EXIT_CLEAN;
		}
	}
	/* lsp and serve parse their own options (src/cli/lsp.h, src/cli/serve.h) */
	if (argc > 1 && strcmp(argv[1], "lsp") == 0)
		return lsp_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "serve") == 0)
		return serve_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "import") == 0)
		return import_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "vergelijk") == 0)
		return vergelijk_main(argc - 1, argv + 1);
	if (argc > 1 && (!strcmp(argv[1], "wijzig") || !strcmp(argv[1], "pas-toe")))
		return wijzig_main(argc, argv);
	int wrc;
	if (wijzig_check_dispatch(argc, argv, &wrc))
		return wrc;
	struct options op = {CMD_NONE, NULL, NULL, DIAG_TEXT, 0, -1, 0, 0};
	int rc = parse_args(argc, argv, &op);
	if (rc)
		return rc;
	if (!op.dir)
		op.dir = "verordening";
	if (!op.out)
		op.out = "out";
	if (op.cmd == CMD_BUILD && (rc = check_source_date_epoch()) != 0)
		return rc;
	return run(&op);
}
