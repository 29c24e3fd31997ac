#ifndef OVC_UTIL_H
#define OVC_UTIL_H

/*
 * Small shared helpers: allocation that dies on out-of-memory in one place
 * (STYLE.md §10), a growable string buffer (no cap of its own: inputs are
 * capped where they are read, SOURCE_MAX_BYTES in src/source/source.h; §11),
 * and UTF-8 helpers. Everything here is thread-safe.
 */

#include <stdarg.h>
#include <stddef.h>

/* Allocation. On failure these print one Dutch line and exit(3). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Grow the array *P of *CAP elements of ELEM bytes so it holds at least
 * NEED elements. Capacity grows by half again each time (amortised linear).
 */
/* Say "onvoldoende geheugen" and exit with status 3 (out of memory). */
_Noreturn void die_oom(void);

void xgrow(void *pp, size_t *cap, size_t need, size_t elem);

/* Append X to the array P (with fields P, N, CAP as names). */
#define VEC_PUSH(p, n, cap, x)                                   \
	do {                                                         \
		xgrow(&(p), &(cap), (size_t)(n) + 1, sizeof *(p));       \
		(p)[(n)++] = (x);                                        \
	} while (0)

/*
 * A growable NUL-terminated byte buffer. Invariant: buf is never NULL
 * after strbuf_init and buf[len] == '\0'.
 */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void strbuf_init(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
/* Hand the buffer to the caller (who frees it); SB is left released. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_add(struct strbuf *sb, const void *data, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
void strbuf_reset(struct strbuf *sb);
/* Append S as a JSON string literal, with quotes. */
void strbuf_json_string(struct strbuf *sb, const char *s);

/*
 * Decode one UTF-8 code point at S (at most N bytes). Returns its length
 * (1..4) and stores the code point in *CP, or returns 0 when the bytes are
 * not valid UTF-8 (overlong forms, surrogates and values above U+10FFFF
 * are invalid).
 */
int utf8_decode(const unsigned char *s, size_t n, unsigned *cp);
/* Number of code points in the first N bytes of valid UTF-8 text S. */
size_t utf8_count(const char *s, size_t n);
/* Encode CP at OUT (room for 4 bytes); returns the length. */
int utf8_encode(unsigned cp, char *out);

/* Natural order of article numbers: 2.1.3 < 2.1.10, 8 < 8a < 9. */
int number_natural_cmp(const char *a, const char *b);

/* ASCII-only case-insensitive helpers (keywords are ASCII). */
int ascii_casecmp_n(const char *a, const char *b, size_t n);
/* The first NEEDLE (ASCII case ignored) in the N bytes at HAY, or NULL. */
const char *ascii_casestr_n(const char *hay, size_t n, const char *needle);
/* Inline: called per byte by the reference scanner and the term finder. */
static inline int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Is C a letter: ASCII letter or any byte of a non-ASCII UTF-8 sequence. */
static inline int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/*
 * The fault-injection test build (src/base/fault.h) records the source line of
 * every call of an allocating helper; util.c itself defines OVC_UTIL_IMPL.
 */
#if defined(OVC_FAULT_INJECTION) && !defined(OVC_UTIL_IMPL)
#include "fault.h"
#define xmalloc(n) (fault_at(__FILE__, __LINE__), xmalloc(n))
#define xcalloc(c, n) (fault_at(__FILE__, __LINE__), xcalloc(c, n))
#define xrealloc(p, n) (fault_at(__FILE__, __LINE__), xrealloc(p, n))
#define xstrdup(s) (fault_at(__FILE__, __LINE__), xstrdup(s))
#define xstrndup(s, n) (fault_at(__FILE__, __LINE__), xstrndup(s, n))
#define xasprintf(...) (fault_at(__FILE__, __LINE__), xasprintf(__VA_ARGS__))
#define xgrow(p, c, n, e) (fault_at(__FILE__, __LINE__), xgrow(p, c, n, e))
#define strbuf_init(sb) (fault_at(__FILE__, __LINE__), strbuf_init(sb))
#define strbuf_add(sb, d, n) (fault_at(__FILE__, __LINE__), strbuf_add(sb, d, n))
#define strbuf_puts(sb, s) (fault_at(__FILE__, __LINE__), strbuf_puts(sb, s))
#define strbuf_putc(sb, c) (fault_at(__FILE__, __LINE__), strbuf_putc(sb, c))
#define strbuf_printf(sb, ...) (fault_at(__FILE__, __LINE__), strbuf_printf(sb, __VA_ARGS__))
#define strbuf_vprintf(sb, f, ap) (fault_at(__FILE__, __LINE__), strbuf_vprintf(sb, f, ap))
#endif

#endif
