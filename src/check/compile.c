#include "compile.h"

#include "check.h"
#include "check_readability.h"
#include "diag.h"
#include "herkomst.h"
#include "model.h"
#include "numbering_record.h"
#include "parse.h"
#include "resolve.h"
#include "util.h"

#include <stddef.h>
#include <string.h>

int compile_ordinance(const char *dir, struct ordinance **out, struct diag_sink *d, char **err)
{
	return compile_ordinance_stats(dir, out, d, err, NULL);
}

int compile_ordinance_stats(const char *dir, struct ordinance **out, struct diag_sink *d, char **err,
                            struct rd_stats *stats)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	struct ordinance *o = parse_ordinance(dir, d, err);
	*out = o;
	if (!o)
		return -1;
	if (parse_sources_failed(o))
		return 0;
	int rc;
	if (stats) {
		check_ordinance(o, d);
		herkomst_check(o, d);
		resolve_ordinance(o, d);
		numbering_check(o, d);
		rc = check_readability(o, d, stats);
	} else { /* the readability pass runs beside the checks: on two cores a quarter faster */
		struct rd_async *ra = check_readability_start(o);
		check_ordinance(o, d);
		herkomst_check(o, d);
		resolve_ordinance(o, d);
		numbering_check(o, d);
		rc = check_readability_finish(ra, d);
	}
	if (rc != 0) {
		*err = xstrdup("interne fout: de leesbaarheidsprofielen ontbreken in ovc");
		return -1;
	}
	return 0;
}
