#include "parts.h"

#include "util.h"

#include <string.h>

const struct part_info part_table[PART_COUNT] = {
#define PART(id, name, law, required) {id, name, law, required},
#include "parts.def"
#undef PART
};
const size_t part_count = sizeof part_table / sizeof *part_table;

const struct step_info step_table[STEP_COUNT] = {
#define STEP(id, name) {id, name},
#include "steps.def"
#undef STEP
};
const size_t step_count = sizeof step_table / sizeof *step_table;

int part_find(const char *id)
{
	for (size_t i = 0; id && i < part_count; i++)
		if (strcmp(part_table[i].id, id) == 0)
			return (int)i;
	return -1;
}

int step_find(const char *id)
{
	for (size_t i = 0; id && i < step_count; i++)
		if (strcmp(step_table[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* Append ID as item I of N: ", " before it, or LAST before the last one. */
static void join_add(struct strbuf *sb, size_t i, size_t n, const char *last, const char *id)
{
	if (i)
		strbuf_puts(sb, i + 1 == n ? last : ", ");
	strbuf_puts(sb, id);
}

char *part_ids_joined(const char *last)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < part_count; i++)
		join_add(&sb, i, part_count, last, part_table[i].id);
	return strbuf_detach(&sb, NULL);
}

char *step_ids_joined(const char *last)
{
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < step_count; i++)
		join_add(&sb, i, step_count, last, step_table[i].id);
	return strbuf_detach(&sb, NULL);
}
