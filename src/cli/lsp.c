#include "lsp.h"

#include "compile.h"
#include "diag.h"
#include "diag_print.h"
#include "lsp_nav.h"
#include "lsp_pos.h"
#include "model.h"
#include "source.h"
#include "util.h"
#include "version.h"

#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* JSON-RPC and LSP error codes. */
#define ERR_PARSE (-32700)
#define ERR_INVALID_REQUEST (-32600)
#define ERR_METHOD_NOT_FOUND (-32601)
#define ERR_INVALID_PARAMS (-32602)
#define ERR_NOT_INITIALIZED (-32002)

/* A message body larger than this is refused (the sources have their own limit). */
#define LSP_MAX_MESSAGE ((size_t)128 << 20)

struct doc {
	char *uri;  /* as the client wrote it */
	char *path; /* the file path it names */
};

struct server {
	int initialized; /* `initialize` answered */
	int shutdown;    /* `shutdown` answered */
	int exited;
	enum lsp_encoding enc;
	struct doc *docs;
	size_t ndocs, capdocs;

	/* The last compile, which hover, definition and code actions read. */
	char *dir;
	struct ordinance *o;
	struct diag_sink *d;
	char *dirty; /* a directory whose text changed since, or NULL */

	struct published *pub; /* what each uri was last sent */
	size_t npub, cappub;

	char *in; /* unread input */
	size_t inlen, incap;
	int eof;
	int write_failed;
};

/* ---- Framing ------------------------------------------------------------ */

static void send_json(struct server *s, json_t *msg)
{
	json_object_set_new(msg, "jsonrpc", json_string("2.0"));
	char *body = json_dumps(msg, JSON_COMPACT);
	json_decref(msg);
	if (!body)
		return;
	size_t len = strlen(body);
	if (printf("Content-Length: %zu\r\n\r\n", len) < 0 || fwrite(body, 1, len, stdout) != len ||
	    fflush(stdout) != 0)
		s->write_failed = 1;
	free(body);
}

static void send_result(struct server *s, json_t *id, json_t *result)
{
	send_json(s, json_pack("{s:O,s:o}", "id", id, "result", result ? result : json_null()));
}

static void send_error(struct server *s, json_t *id, int code, const char *message)
{
	send_json(s, json_pack("{s:O,s:{s:i,s:s}}", "id", id ? id : json_null(), "error", "code", code,
	                       "message", message));
}

static void send_notification(struct server *s, const char *method, json_t *params)
{
	send_json(s, json_pack("{s:s,s:o}", "method", method, "params", params));
}

/* Read more input into the buffer; 0 at end of input. */
static int fill(struct server *s)
{
	if (s->eof)
		return 0;
	xgrow(&s->in, &s->incap, s->inlen + 65536, 1);
	ssize_t n;
	do
		n = read(STDIN_FILENO, s->in + s->inlen, s->incap - s->inlen);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		s->eof = 1;
		return 0;
	}
	s->inlen += (size_t)n;
	return 1;
}

/* The Content-Length of the header block [H, H+N), or -1. */
static long header_length(const char *h, size_t n)
{
	static const char key[] = "content-length:";
	long len = -1;
	for (size_t i = 0; i < n;) {
		const char *eol = memchr(h + i, '\n', n - i);
		size_t end = eol ? (size_t)(eol - h) : n;
		if (end - i > sizeof key - 1 && ascii_casecmp_n(h + i, key, sizeof key - 1) == 0) {
			char *stop;
			len = strtol(h + i + sizeof key - 1, &stop, 10);
			while (*stop == ' ' || *stop == '\t')
				stop++;
			if (*stop != '\r' && *stop != '\n')
				return -1;
		}
		i = end + 1;
	}
	return len < 0 || (size_t)len > LSP_MAX_MESSAGE ? -1 : len;
}

/*
 * The size of the complete message at the start of the buffer (headers
 * and body), 0 when it is not complete yet, -1 when the framing is broken.
 */
static long message_ready(const struct server *s, size_t *head, size_t *body)
{
	for (size_t i = 0; i + 3 < s->inlen; i++) {
		if (memcmp(s->in + i, "\r\n\r\n", 4) != 0)
			continue;
		long len = header_length(s->in, i);
		if (len < 0)
			return -1;
		*head = i + 4;
		*body = (size_t)len;
		return s->inlen >= *head + *body ? (long)(*head + *body) : 0;
	}
	return s->inlen > 65536 ? -1 : 0;
}

/* Is a whole message already waiting (buffered or readable now)? */
static int input_pending(struct server *s)
{
	size_t h, b;
	if (message_ready(s, &h, &b) != 0)
		return 1;
	struct pollfd p = {STDIN_FILENO, POLLIN, 0};
	return !s->eof && poll(&p, 1, 0) > 0;
}

/* The next message body (malloc'ed, *LEN bytes); NULL at end of input. */
static char *read_message(struct server *s, size_t *len)
{
	for (;;) {
		size_t head, body;
		long total = message_ready(s, &head, &body);
		if (total < 0)
			return NULL; /* broken framing: nothing sensible can follow */
		if (total > 0) {
			char *msg = xstrndup(s->in + head, body);
			memmove(s->in, s->in + total, s->inlen - (size_t)total);
			s->inlen -= (size_t)total;
			*len = body;
			return msg;
		}
		if (!fill(s))
			return NULL;
	}
}

/* ---- Documents and URIs ----------------------------------------------- */

static int hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = ascii_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* The path of a file: URI (percent-decoded), or NULL. */
static char *uri_to_path(const char *uri)
{
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	const char *p = uri + 7;
	if (*p != '/') /* file://host/path: only the local host */
		p = strchr(p, '/');
	if (!p)
		return NULL;
	struct strbuf sb;
	strbuf_init(&sb);
	for (; *p; p++) {
		if (*p == '%' && hex(p[1]) >= 0 && hex(p[2]) >= 0) {
			strbuf_putc(&sb, (char)(hex(p[1]) * 16 + hex(p[2])));
			p += 2;
		} else {
			strbuf_putc(&sb, *p);
		}
	}
	return strbuf_detach(&sb, NULL);
}

static char *path_to_uri(const struct server *s, const char *path)
{
	for (size_t i = 0; i < s->ndocs; i++)
		if (strcmp(s->docs[i].path, path) == 0)
			return xstrdup(s->docs[i].uri);
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/-._~", *p))
			strbuf_putc(&sb, (char)*p);
		else
			strbuf_printf(&sb, "%%%02X", *p);
	}
	return strbuf_detach(&sb, NULL);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

static struct doc *doc_find(struct server *s, const char *uri)
{
	for (size_t i = 0; i < s->ndocs; i++)
		if (strcmp(s->docs[i].uri, uri) == 0)
			return &s->docs[i];
	return NULL;
}

static void set_dirty(struct server *s, const char *path)
{
	free(s->dirty);
	s->dirty = dir_of(path);
}

/* ---- Compiling and diagnostics ----------------------------------------- */

static void release_compile(struct server *s)
{
	ordinance_free(s->o);
	diag_sink_free(s->d);
	free(s->dir);
	s->o = NULL;
	s->d = NULL;
	s->dir = NULL;
}

static json_t *position(const struct server *s, const struct source *src, size_t off)
{
	int line, ch;
	lsp_pos_from_offset(src, off, s->enc, &line, &ch);
	return json_pack("{s:i,s:i}", "line", line, "character", ch);
}

static json_t *range(const struct server *s, const struct source *src, size_t start, size_t end)
{
	return json_pack("{s:o,s:o}", "start", position(s, src, start), "end", position(s, src, end));
}

static json_t *diag_json(const struct server *s, const struct diag *x)
{
	json_t *j = json_pack("{s:o,s:i,s:s,s:s,s:s}", "range", range(s, x->src, x->start, x->end),
	                      "severity", x->severity == SEV_ERROR ? 1 : 2, "code", rule_name(x->rule), "source",
	                      "ovc", "message", x->message);
	if (x->fix)
		json_object_set_new(j, "data", json_pack("{s:s}", "fix", x->fix));
	return j;
}

static void publish(struct server *s, const char *uri, json_t *diags)
{
	send_notification(s, "textDocument/publishDiagnostics",
	                  json_pack("{s:s,s:o}", "uri", uri, "diagnostics", diags));
}

static void log_message(struct server *s, int type, const char *text)
{
	send_notification(s, "window/logMessage", json_pack("{s:i,s:s}", "type", type, "message", text));
}

/* What the client was last sent for one uri. */
struct published {
	char *uri;
	char *diags; /* the serialised array */
	int seen;    /* the uri is a file of the last compile */
};

static struct published *published_find(struct server *s, const char *uri)
{
	for (size_t i = 0; i < s->npub; i++)
		if (strcmp(s->pub[i].uri, uri) == 0)
			return &s->pub[i];
	return NULL;
}

/* Forget what URI was sent, so the next compile sends it again (a reopened file). */
static void published_forget(struct server *s, const char *uri)
{
	struct published *p = published_find(s, uri);
	if (!p)
		return;
	free(p->uri);
	free(p->diags);
	*p = s->pub[--s->npub];
}

/* Send ARR (consumed) for URI unless the client has exactly these already. */
static void publish_changed(struct server *s, const char *uri, json_t *arr)
{
	char *text = json_dumps(arr, JSON_COMPACT);
	struct published *p = published_find(s, uri);
	if (p && text && strcmp(p->diags, text) == 0) {
		free(text);
		json_decref(arr);
		p->seen = 1;
		return;
	}
	if (!p) {
		struct published fresh = {xstrdup(uri), NULL, 0};
		VEC_PUSH(s->pub, s->npub, s->cappub, fresh);
		p = &s->pub[s->npub - 1];
	}
	free(p->diags);
	p->diags = text ? text : xstrdup("");
	p->seen = 1;
	publish(s, uri, arr);
}

/*
 * Diagnostics for every file of the ordinance (an edit in one file can
 * break a reference in another) whose list changed, and empty lists for
 * files of this directory that showed some before and are no longer read.
 */
static void publish_all(struct server *s)
{
	size_t n = 0;
	const struct diag *list = s->d ? diag_list(s->d, &n) : NULL;
	for (size_t i = 0; i < s->npub; i++)
		s->pub[i].seen = 0;
	for (size_t f = 0; s->o && f < s->o->nfiles; f++) {
		const struct source *src = s->o->files[f];
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			if (list[i].src == src)
				json_array_append_new(arr, diag_json(s, &list[i]));
		char *uri = path_to_uri(s, src->path);
		publish_changed(s, uri, arr);
		free(uri);
	}
	for (size_t i = 0; i < s->npub; i++) {
		char *path = uri_to_path(s->pub[i].uri);
		char *dir = path ? dir_of(path) : NULL;
		/* another ordinance directory keeps its diagnostics */
		if (!s->pub[i].seen && dir && s->dir && strcmp(dir, s->dir) == 0 &&
		    strcmp(s->pub[i].diags, "[]") != 0) {
			char *uri = xstrdup(s->pub[i].uri);
			publish_changed(s, uri, json_array());
			free(uri);
		}
		free(path);
		free(dir);
	}
}

static void compile_now(struct server *s)
{
	char *dir = s->dirty;
	s->dirty = NULL;
	release_compile(s);
	s->d = diag_sink_new();
	char *err = NULL;
	if (compile_ordinance(dir, &s->o, s->d, &err) != 0) {
		log_message(s, 3, err); /* e.g. a Markdown file outside an ordinance */
		free(err);
		s->o = NULL;
	} else {
		diag_sort(s->d, (const struct source *const *)(const void *)s->o->files, (int)s->o->nfiles);
	}
	s->dir = dir;
	publish_all(s);
}

/* The compiled source for URI (compiling first when text changed), or NULL. */
static const struct source *source_for(struct server *s, const char *uri)
{
	if (s->dirty)
		compile_now(s);
	char *path = uri ? uri_to_path(uri) : NULL;
	const struct source *src = NULL;
	for (size_t i = 0; path && s->o && i < s->o->nfiles && !src; i++)
		if (strcmp(s->o->files[i]->path, path) == 0)
			src = s->o->files[i];
	char *dir = path && !src ? dir_of(path) : NULL;
	if (dir && (!s->dir || strcmp(dir, s->dir) != 0)) {
		/* a file of another ordinance directory */
		s->dirty = dir;
		dir = NULL;
		compile_now(s);
		for (size_t i = 0; s->o && i < s->o->nfiles && !src; i++)
			if (strcmp(s->o->files[i]->path, path) == 0)
				src = s->o->files[i];
	}
	free(dir);
	free(path);
	return src;
}

/* ---- Requests ------------------------------------------------------------ */

static enum lsp_encoding choose_encoding(json_t *params)
{
	json_t *encs = json_object_get(
		json_object_get(json_object_get(params, "capabilities"), "general"), "positionEncodings");
	int utf8 = 0, utf32 = 0;
	size_t i;
	json_t *e;
	json_array_foreach(encs, i, e)
	{
		const char *name = json_string_value(e);
		utf8 |= name && strcmp(name, "utf-8") == 0;
		utf32 |= name && strcmp(name, "utf-32") == 0;
	}
	return utf32 ? LSP_UTF32 : utf8 ? LSP_UTF8 : LSP_UTF16;
}

static void on_initialize(struct server *s, json_t *id, json_t *params)
{
	s->enc = choose_encoding(params);
	json_t *caps = json_pack(
		"{s:s,s:{s:b,s:i,s:{s:b}},s:b,s:b,s:{s:[s]}}", "positionEncoding", lsp_encoding_name(s->enc),
		"textDocumentSync", "openClose", 1, "change", 1, "save", "includeText", 0, "hoverProvider", 1,
		"definitionProvider", 1, "codeActionProvider", "codeActionKinds", "quickfix");
	send_result(s, id,
	            json_pack("{s:o,s:{s:s,s:s}}", "capabilities", caps, "serverInfo", "name", "ovc",
	                      "version", OVC_VERSION));
	s->initialized = 1;
}

/* The source and byte offset of params.textDocument / params.position. */
static const struct source *text_position(struct server *s, json_t *params, size_t *off)
{
	const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
	json_t *pos = json_object_get(params, "position");
	json_t *line = json_object_get(pos, "line"), *ch = json_object_get(pos, "character");
	if (!uri || !json_is_integer(line) || !json_is_integer(ch))
		return NULL;
	const struct source *src = source_for(s, uri);
	if (src)
		*off = lsp_offset_from_pos(src, (int)json_integer_value(line), (int)json_integer_value(ch), s->enc);
	return src;
}

static void on_hover(struct server *s, json_t *id, json_t *params)
{
	size_t off = 0;
	const struct source *src = text_position(s, params, &off);
	struct lsp_nav_spot spot;
	char *text = NULL;
	if (src && lsp_nav_spot_at(s->o, src, off, &spot))
		text = lsp_nav_hover(s->o, &spot);
	if (!text) {
		send_result(s, id, NULL);
		return;
	}
	send_result(s, id,
	            json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown", "value", text, "range",
	                      range(s, src, spot.span.start, spot.span.end)));
	free(text);
}

static void on_definition(struct server *s, json_t *id, json_t *params)
{
	size_t off = 0;
	const struct source *src = text_position(s, params, &off);
	struct lsp_nav_spot spot;
	struct span target;
	const struct unit *article;
	if (!src || !lsp_nav_spot_at(s->o, src, off, &spot) || !lsp_nav_target(s->o, spot.href, &target, &article)) {
		send_result(s, id, NULL);
		return;
	}
	char *uri = path_to_uri(s, target.src->path);
	send_result(s, id,
	            json_pack("{s:s,s:o}", "uri", uri, "range", range(s, target.src, target.start, target.end)));
	free(uri);
}

static void on_code_action(struct server *s, json_t *id, json_t *params)
{
	const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
	json_t *r = json_object_get(params, "range");
	json_t *st = json_object_get(r, "start"), *en = json_object_get(r, "end");
	const struct source *src = uri ? source_for(s, uri) : NULL;
	if (!src || !st || !en) {
		send_result(s, id, json_array());
		return;
	}
	size_t a = lsp_offset_from_pos(src, (int)json_integer_value(json_object_get(st, "line")),
	                               (int)json_integer_value(json_object_get(st, "character")), s->enc);
	size_t b = lsp_offset_from_pos(src, (int)json_integer_value(json_object_get(en, "line")),
	                               (int)json_integer_value(json_object_get(en, "character")), s->enc);
	json_t *actions = json_array();
	size_t n;
	const struct diag *list = diag_list(s->d, &n);
	for (size_t i = 0; i < n; i++) {
		const struct diag *x = &list[i];
		if (x->src != src || !x->fix || x->start > b || x->end < a)
			continue;
		char *title = xasprintf("Vervang '%.*s' door '%s'", (int)(x->end - x->start),
		                        src->text + x->start, x->fix);
		json_t *edit = json_pack("{s:o,s:s}", "range", range(s, src, x->start, x->end), "newText", x->fix);
		json_t *changes = json_object();
		json_object_set_new(changes, uri, json_pack("[o]", edit));
		json_array_append_new(actions,
		                      json_pack("{s:s,s:s,s:[o],s:b,s:{s:o}}", "title", title, "kind", "quickfix",
		                                "diagnostics", diag_json(s, x), "isPreferred", 1, "edit",
		                                "changes", changes));
		free(title);
	}
	send_result(s, id, actions);
}

/* ---- Notifications -------------------------------------------------------- */

static void on_open(struct server *s, json_t *params)
{
	json_t *td = json_object_get(params, "textDocument");
	const char *uri = json_string_value(json_object_get(td, "uri"));
	json_t *text = json_object_get(td, "text");
	char *path = uri ? uri_to_path(uri) : NULL;
	if (!path || !json_is_string(text)) {
		free(path);
		return;
	}
	struct doc *d = doc_find(s, uri);
	if (!d) {
		struct doc fresh = {xstrdup(uri), path};
		VEC_PUSH(s->docs, s->ndocs, s->capdocs, fresh);
	} else {
		free(path);
		path = NULL;
	}
	d = doc_find(s, uri);
	published_forget(s, uri); /* a client may drop a closed file's diagnostics */
	source_overlay_set(d->path, json_string_value(text), json_string_length(text));
	set_dirty(s, d->path);
}

static void on_change(struct server *s, json_t *params)
{
	const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
	struct doc *d = uri ? doc_find(s, uri) : NULL;
	json_t *changes = json_object_get(params, "contentChanges");
	size_t n = json_array_size(changes);
	if (!d || n == 0)
		return;
	/* full sync: the last change holds the whole text */
	json_t *text = json_object_get(json_array_get(changes, n - 1), "text");
	if (!json_is_string(text))
		return;
	source_overlay_set(d->path, json_string_value(text), json_string_length(text));
	set_dirty(s, d->path);
}

static void on_close(struct server *s, json_t *params)
{
	const char *uri = json_string_value(json_object_get(json_object_get(params, "textDocument"), "uri"));
	struct doc *d = uri ? doc_find(s, uri) : NULL;
	if (!d)
		return;
	source_overlay_remove(d->path);
	set_dirty(s, d->path); /* the file on disk is the text again */
	free(d->uri);
	free(d->path);
	*d = s->docs[--s->ndocs];
}

/* ---- Dispatch --------------------------------------------------------------- */

static void handle_request(struct server *s, const char *method, json_t *id, json_t *params)
{
	if (strcmp(method, "initialize") == 0) {
		if (s->initialized)
			send_error(s, id, ERR_INVALID_REQUEST, "initialize is al ontvangen");
		else
			on_initialize(s, id, params);
	} else if (!s->initialized) {
		send_error(s, id, ERR_NOT_INITIALIZED, "eerst initialize");
	} else if (s->shutdown) {
		send_error(s, id, ERR_INVALID_REQUEST, "na shutdown komt alleen exit");
	} else if (strcmp(method, "shutdown") == 0) {
		s->shutdown = 1;
		send_result(s, id, NULL);
	} else if (!json_is_object(params)) {
		send_error(s, id, ERR_INVALID_PARAMS, "params ontbreekt");
	} else if (strcmp(method, "textDocument/hover") == 0) {
		on_hover(s, id, params);
	} else if (strcmp(method, "textDocument/definition") == 0) {
		on_definition(s, id, params);
	} else if (strcmp(method, "textDocument/codeAction") == 0) {
		on_code_action(s, id, params);
	} else {
		send_error(s, id, ERR_METHOD_NOT_FOUND, method);
	}
}

static void handle_notification(struct server *s, const char *method, json_t *params)
{
	if (strcmp(method, "exit") == 0) {
		s->exited = 1;
		return;
	}
	if (!s->initialized || s->shutdown || !json_is_object(params))
		return; /* dropped, as the spec says */
	if (strcmp(method, "textDocument/didOpen") == 0)
		on_open(s, params);
	else if (strcmp(method, "textDocument/didChange") == 0)
		on_change(s, params);
	else if (strcmp(method, "textDocument/didClose") == 0)
		on_close(s, params);
	else if ((strcmp(method, "textDocument/didSave") == 0 ||
	          strcmp(method, "workspace/didChangeWatchedFiles") == 0) && s->dir && !s->dirty)
		s->dirty = xstrdup(s->dir); /* files on disk changed: check again */
}

static void handle(struct server *s, const char *body, size_t len)
{
	json_error_t jerr;
	json_t *msg = json_loadb(body, len, JSON_ALLOW_NUL, &jerr);
	if (!msg) {
		send_error(s, NULL, ERR_PARSE, jerr.text);
		return;
	}
	json_t *id = json_object_get(msg, "id");
	const char *method = json_string_value(json_object_get(msg, "method"));
	json_t *params = json_object_get(msg, "params");
	if (!json_is_object(msg) || !method) {
		/* responses to requests ovc never sends, or nonsense */
		if (!json_object_get(msg, "result") && !json_object_get(msg, "error"))
			send_error(s, id, ERR_INVALID_REQUEST, "geen method");
	} else if (id) {
		handle_request(s, method, id, params);
	} else {
		handle_notification(s, method, params);
	}
	json_decref(msg);
}

int lsp_main(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "ovc: lsp neemt geen argumenten; de editor praat met ovc via stdin en stdout\n"
		                "Zie 'ovc --help'.\n");
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	struct server s;
	memset(&s, 0, sizeof s);
	size_t len;
	char *body;
	while (!s.exited && !s.write_failed) {
		/* Diagnostics after the last of a burst of changes, not after each. */
		if (s.dirty && !input_pending(&s))
			compile_now(&s);
		if (!(body = read_message(&s, &len)))
			break;
		handle(&s, body, len);
		free(body);
	}
	release_compile(&s);
	free(s.dirty);
	for (size_t i = 0; i < s.ndocs; i++) {
		free(s.docs[i].uri);
		free(s.docs[i].path);
	}
	free(s.docs);
	for (size_t i = 0; i < s.npub; i++) {
		free(s.pub[i].uri);
		free(s.pub[i].diags);
	}
	free(s.pub);
	free(s.in);
	source_overlay_clear();
	return s.shutdown ? 0 : 1;
}
