#ifndef OVC_AKN_H
#define OVC_AKN_H

/*
 * Model → Akoma Ntoso 3.0 (libxml2), as documented in docs/akn.md. The
 * emitter only reads the model and its annotations; it never resolves or
 * reports. The document is deterministic: the same model gives the same
 * bytes (no clock, no random ids).
 */

#include <libxml/tree.h>

struct ordinance;

#define AKN_NS "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
#define OVC_NS "https://ovc.nl/ns/1"

/* Build the AKN document for O. The caller frees it with xmlFreeDoc. */
xmlDocPtr akn_build(const struct ordinance *o);

/* Serialise DOC (UTF-8, indented) into a malloc'ed buffer. */
char *akn_serialize(xmlDocPtr doc, size_t *len);

/* A date "2026-10-13" in Dutch words: "13 oktober 2026" (malloc'ed). */
char *akn_dutch_date(const char *iso);

#endif
