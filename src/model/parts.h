#ifndef OVC_PARTS_H
#define OVC_PARTS_H

/*
 * The one table of the ordinance's parts (wet= on a Deel) and the one table
 * of the route's steps (stap=), for the checks, the model, AKN and the
 * scripts: src/model/parts.def and src/model/steps.def. Constant data, so
 * thread-safe.
 */

#include <stddef.h>

struct part_info {
	const char *id;   /* wet= value: "wmo" */
	const char *name; /* AKN showAs: "Wmo 2015" */
	int law;          /* holds the help of one law */
	int required;     /* every ordinance has it */
};

struct step_info {
	const char *id;   /* stap= value: "melding" */
	const char *name; /* AKN showAs, or NULL: no concept in the references */
};

/* The number of parts and of steps, as constants (for arrays). */
enum {
	PART_COUNT = 0
#define PART(id, name, law, required) +1
#include "parts.def"
#undef PART
};
enum {
	STEP_COUNT = 0
#define STEP(id, name) +1
#include "steps.def"
#undef STEP
};

extern const struct part_info part_table[PART_COUNT];
extern const size_t part_count;
extern const struct step_info step_table[STEP_COUNT];
extern const size_t step_count;

/* The index of part ID (its rank in the order), or -1; ID may be NULL. */
int part_find(const char *id);

/* The index of step ID, or -1. */
int step_find(const char *id);

/*
 * The ids as Dutch prose, malloc'ed: "a, b, c of d" with LAST " of ", or
 * "a, b, c, d" with LAST ", " (for the messages that name them all).
 */
char *part_ids_joined(const char *last);
char *step_ids_joined(const char *last);

#endif
