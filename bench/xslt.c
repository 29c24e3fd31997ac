/* bench/xslt.c - time the two XSLT transforms of `ovc build` in-process.
 *
 * Usage: xslt-bench AKN.xml   (run from the project root)
 * Prints the median of 7 runs, in ms: legal edition, citizen edition, and
 * both in two threads (as ovc build runs them). make bench builds and runs
 * it on scripts/gen-akn.py's 25,000-word ordinance.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <libxml/parser.h>
#include "edition.h"

static xmlDocPtr akn;
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
static void *one(void *sheet)
{
	struct edition_error err;
	xmlDocPtr h = edition_transform(sheet, akn, "screen", &err);
	if (h == NULL) { fprintf(stderr, "%s\n", err.message); exit(1); }
	xmlFreeDoc(h);
	return NULL;
}
static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}
int main(int argc, char **argv)
{
	(void)argc;
	akn = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
	if (akn == NULL) return 2;
	char *sheets[2] = { "stylesheets/verordening.xsl", "stylesheets/publieksversie.xsl" };
	one(sheets[0]); one(sheets[1]); /* parse the stylesheets, warm up */
	double t[3][7];
	for (int r = 0; r < 7; r++) {
		for (int s = 0; s < 2; s++) {
			double t0 = now();
			one(sheets[s]);
			t[s][r] = now() - t0;
		}
		pthread_t th[2];
		double t0 = now();
		for (int s = 0; s < 2; s++) pthread_create(&th[s], NULL, one, sheets[s]);
		for (int s = 0; s < 2; s++) pthread_join(th[s], NULL);
		t[2][r] = now() - t0;
	}
	for (int s = 0; s < 3; s++) qsort(t[s], 7, sizeof t[s][0], cmp);
	printf("%.1f %.1f %.1f\n", t[0][3], t[1][3], t[2][3]);
	return 0;
}
