#ifndef OVC_ILLUSTRATION_H
#define OVC_ILLUSTRATION_H

/*
 * The files behind ![alt](illustraties/x.svg): checked so that what
 * `ovc check` accepts is safe to publish and `ovc build` can typeset
 * (issue 22).
 *
 * An SVG is parsed with libxml2 without network, DTD or entity
 * substitution, and refused (rule illustratie-onveilig, at file:line:col
 * of the SVG) when it has a DOCTYPE or entities, scripts, event
 * attributes (onload=…), <foreignObject> or other embedded documents,
 * links or url(…) references outside the file (only "#id" and
 * data:image/png|jpeg are allowed), an xml-stylesheet, or an animation
 * that changes a link. It must be well-formed XML with an <svg> root
 * whose size librsvg can determine (absolute width and height, or a
 * viewBox), at most ILLUSTRATION_MAX_ELEMENTS elements and
 * ILLUSTRATION_MAX_BYTES bytes.
 *
 * A PNG is decoded up to its end: the signature, every chunk's length and
 * CRC, an IHDR that cairo can load (bit depth, colour type, size), at
 * least one IDAT and the IEND. JPEG is not a format ovc publishes; a JPEG
 * renamed to .png is named as such.
 *
 * No file is read through a symbolic link that leaves the ordinance's
 * folder, and FIFOs and devices are not opened for reading.
 */

#include <stddef.h>

#define ILLUSTRATION_MAX_BYTES ((size_t)10 << 20)
#define ILLUSTRATION_MAX_ELEMENTS 100000
#define ILLUSTRATION_MAX_PIXELS 16384 /* per side; cairo's limit is 32767 */

struct diag_sink;
struct ordinance;
struct span;

/*
 * Check the file DIR/URL that the image at AT refers to; URL is relative
 * and ends in .svg or .png (check.c has refused anything else). Problems
 * with the file itself are reported at AT; problems inside an SVG at the
 * SVG's own line and column (its text is kept in O for the diagnostics).
 */
void illustration_check(struct ordinance *o, const char *url, const struct span *at,
                        struct diag_sink *d);

/*
 * Check a PNG image of LEN bytes. Returns NULL when cairo can load it, or
 * a static Dutch reason ("de CRC van chunk IDAT klopt niet").
 */
const char *illustration_png_problem(const unsigned char *buf, size_t len);

#endif
