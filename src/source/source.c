/* realpath is X/Open, not plain POSIX.1-2008 base. */
#define _XOPEN_SOURCE 700
#include "source.h"

#include "diag.h"
#include "errtext.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void index_lines(struct source *src)
{
	size_t cap = 0;
	src->nlines = 0;
	src->lines = NULL;
	VEC_PUSH(src->lines, src->nlines, cap, 0);
	for (size_t i = 0; i < src->len; i++)
		if (src->text[i] == '\n')
			VEC_PUSH(src->lines, src->nlines, cap, i + 1);
	src->lines = xrealloc(src->lines, (size_t)src->nlines * sizeof *src->lines);
}

/* Windows-1252's 0x80..0x9F as code points; 0 where it has no character. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/*
 * Text saved as Windows-1252 (Word and Notepad on older Windows): not one
 * valid multi-byte UTF-8 sequence, and every byte above 0x7F a character
 * of Windows-1252. Then *CP is that character for the byte at BAD.
 */
static int looks_cp1252(const unsigned char *t, size_t len, size_t bad, unsigned *cp)
{
	for (size_t i = 0; i < len; i++) {
		unsigned c;
		int n = t[i] < 0x80 ? 1 : utf8_decode(t + i, len - i, &c);
		if (n > 1 || (t[i] >= 0x80 && t[i] < 0xA0 && !cp1252_high[t[i] - 0x80]))
			return 0;
	}
	*cp = t[bad] < 0xA0 ? cp1252_high[t[bad] - 0x80] : t[bad];
	return 1;
}

/* Report the first invalid UTF-8 sequence and the first NUL byte. */
/* The length of the run of ASCII bytes other than NUL at P, eight bytes
 * at a time: a 35 MB ordinance is nearly all ASCII (issue 22). */
static size_t ascii_run(const unsigned char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t v;
		memcpy(&v, p + i, 8);
		if ((v & highs) || ((v - ones) & ~v & highs)) /* a high bit, or a zero byte */
			break;
	}
	while (i < n && p[i] && p[i] < 0x80)
		i++;
	return i;
}

static void validate(struct source *src, struct diag_sink *d)
{
	const unsigned char *t = (const unsigned char *)src->text;
	int bad_utf8 = 0, bad_nul = 0;
	src->valid = 1;
	for (size_t i = 0; i < src->len;) {
		i += ascii_run(t + i, src->len - i);
		if (i == src->len)
			break;
		unsigned cp;
		int n = utf8_decode(t + i, src->len - i, &cp);
		if (n == 0) {
			unsigned wcp;
			char wch[5] = {0};
			if (!bad_utf8 && d && looks_cp1252(t, src->len, i, &wcp)) {
				utf8_encode(wcp, wch);
				diag_report(d, src, i, i + 1, RULE_BRON_UTF8,
				            "ongeldige UTF-8 op byte %zu (0x%02x); het bestand is waarschijnlijk "
				            "Windows-1252 (daarin is 0x%02x '%s'); sla het bestand op als UTF-8",
				            i, t[i], t[i], wch);
			} else if (!bad_utf8 && d) {
				diag_report(d, src, i, i + 1, RULE_BRON_UTF8,
				            "ongeldige UTF-8 op byte %zu (0x%02x); sla het bestand op als UTF-8",
				            i, t[i]);
			}
			bad_utf8 = 1;
			src->valid = 0;
			i++;
			continue;
		}
		if (cp == 0) {
			if (!bad_nul && d)
				diag_report(d, src, i, i + 1, RULE_BRON_NUL,
				            "NUL-teken op byte %zu; een tekstbestand bevat geen NUL-tekens", i);
			bad_nul = 1;
			src->valid = 0;
		}
		i += (size_t)n;
	}
}

static void set_names(struct source *src, const char *path)
{
	src->path = xstrdup(path);
	const char *slash = strrchr(path, '/');
	src->name = xstrdup(slash ? slash + 1 : path);
}

/* ---- Overlays: unsaved buffers by path -------------------------------- */

struct overlay {
	char *path, *text;
	size_t len;
};

static struct overlay *overlays;
static size_t noverlays, capoverlays;

static struct overlay *overlay_find(const char *path)
{
	for (size_t i = 0; i < noverlays; i++)
		if (strcmp(overlays[i].path, path) == 0)
			return &overlays[i];
	return NULL;
}

void source_overlay_set(const char *path, const char *text, size_t len)
{
	struct overlay *ov = overlay_find(path);
	if (!ov) {
		struct overlay fresh = {xstrdup(path), NULL, 0};
		VEC_PUSH(overlays, noverlays, capoverlays, fresh);
		ov = &overlays[noverlays - 1];
	}
	free(ov->text);
	ov->text = xmalloc(len + 1); /* may hold NUL bytes: validate() reports them */
	memcpy(ov->text, text, len);
	ov->text[len] = '\0';
	ov->len = len;
}

void source_overlay_remove(const char *path)
{
	struct overlay *ov = overlay_find(path);
	if (!ov)
		return;
	free(ov->path);
	free(ov->text);
	*ov = overlays[--noverlays];
}

void source_overlay_clear(void)
{
	for (size_t i = 0; i < noverlays; i++) {
		free(overlays[i].path);
		free(overlays[i].text);
	}
	free(overlays);
	overlays = NULL;
	noverlays = capoverlays = 0;
}

int source_inside_dir(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	size_t n = rd ? strlen(rd) : 0;
	int in = rd && rp && strncmp(rd, rp, n) == 0 && (rp[n] == '/' || (n == 1 && rd[0] == '/'));
	free(rd);
	free(rp);
	return in;
}

/*
 * Open DIR/NAME for reading if it is a regular file inside DIR. O_NONBLOCK:
 * opening a FIFO must not wait for a writer (issue 22: x.md as a FIFO hung).
 */
static FILE *open_regular(const char *dir, const char *path, char **err)
{
	struct stat st;
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && !source_inside_dir(dir, path)) {
		*err = xasprintf("'%s' is een symbolische koppeling naar een bestand buiten '%s'; "
		                 "ovc leest alleen bestanden in de map van de verordening",
		                 path, dir);
		return NULL;
	}
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		*err = xasprintf("kan '%s' niet openen: %s", path, errtext(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		*err = xasprintf("'%s' is geen gewoon bestand (maar een %s); ovc leest alleen gewone "
		                 ".md-bestanden",
		                 path, S_ISDIR(st.st_mode) ? "map" : S_ISFIFO(st.st_mode) ? "pijp (FIFO)"
		                                                                 : "apparaat of socket");
		close(fd);
		return NULL;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		*err = xasprintf("kan '%s' niet openen: %s", path, errtext(errno));
		close(fd);
	}
	return f;
}

/* The file's bytes into SB; an overlay for PATH stands in for the file. */
static int read_bytes(const char *dir, const char *path, struct strbuf *sb, int *too_big, char **err)
{
	const struct overlay *ov = overlay_find(path);
	if (ov) {
		*too_big = ov->len > SOURCE_MAX_BYTES;
		strbuf_add(sb, ov->text, *too_big ? SOURCE_MAX_BYTES : ov->len);
		return 0;
	}
	FILE *f = open_regular(dir, path, err);
	if (!f)
		return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (sb->len + n > SOURCE_MAX_BYTES) {
			*too_big = 1;
			break;
		}
		strbuf_add(sb, chunk, n);
	}
	int rerr = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (rerr) {
		*err = xasprintf("kan '%s' niet lezen: %s", path, errtext(rerr));
		return -1;
	}
	return 0;
}

int source_load(struct source *src, const char *dir, const char *name,
                struct diag_sink *d, char **err)
{
	memset(src, 0, sizeof *src);
	char *path = xasprintf("%s/%s", dir, name);
	struct strbuf sb;
	strbuf_init(&sb);
	int too_big = 0;
	if (read_bytes(dir, path, &sb, &too_big, err) != 0) {
		strbuf_release(&sb);
		free(path);
		return -1;
	}
	set_names(src, path);
	free(path);
	size_t off = 0;
	if (sb.len >= 3 && memcmp(sb.buf, "\xEF\xBB\xBF", 3) == 0)
		off = 3;
	src->len = sb.len - off;
	src->text = xstrndup(sb.buf + off, src->len);
	strbuf_release(&sb);
	index_lines(src);
	if (too_big) {
		src->valid = 0;
		if (d)
			diag_report(d, src, 0, 0, RULE_BRON_TE_GROOT,
			            "bestand is groter dan %zu MiB; ovc leest het niet",
			            SOURCE_MAX_BYTES >> 20);
		return 0;
	}
	if (src->len == 0) {
		/* Nothing to parse: without this an empty part file only shows as
		 * "het deel … ontbreekt" elsewhere, an empty verordening.md as
		 * a missing front matter. */
		src->valid = 0;
		if (d)
			diag_report(d, src, 0, 0, RULE_BRON_LEEG,
			            "het bestand is leeg; schrijf er tekst in of verwijder het");
		return 0;
	}
	validate(src, d);
	return 0;
}

void source_init_text(struct source *src, const char *path, const char *text, size_t len)
{
	memset(src, 0, sizeof *src);
	set_names(src, path);
	src->text = xstrndup(text, len);
	src->len = len;
	index_lines(src);
	validate(src, NULL);
}

void source_release(struct source *src)
{
	free(src->path);
	free(src->name);
	free(src->text);
	free(src->lines);
	memset(src, 0, sizeof *src);
}

static int line_of(const struct source *src, size_t off)
{
	int lo = 0, hi = src->nlines - 1;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;
		if (src->lines[mid] <= off)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

void source_position(const struct source *src, size_t off, int *line, int *col)
{
	if (off > src->len)
		off = src->len;
	int l = line_of(src, off);
	*line = l + 1;
	*col = (int)utf8_count(src->text + src->lines[l], off - src->lines[l]) + 1;
}

size_t source_offset(const struct source *src, int line, int bytecol)
{
	if (line < 1)
		return 0;
	if (line > src->nlines)
		return src->len;
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] : src->len;
	size_t off = start + (size_t)(bytecol > 0 ? bytecol - 1 : 0);
	return off > end ? end : off;
}

const char *source_line(const struct source *src, int line, size_t *len)
{
	if (line < 1 || line > src->nlines) {
		*len = 0;
		return "";
	}
	size_t start = src->lines[line - 1];
	size_t end = line < src->nlines ? src->lines[line] - 1 : src->len;
	if (end > start && src->text[end - 1] == '\r')
		end--;
	if (end < start)
		end = start;
	*len = end - start;
	return src->text + start;
}
