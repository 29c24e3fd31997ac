#include "serve.h"

#include "build.h"
#include "check_readability.h"
#include "compile.h"
#include "diag.h"
#include "diag_print.h"
#include "edition.h"
#include "model.h"
#include "util.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define EVENTS_PATH "/__ovc/gebeurtenissen"
#define DEBOUNCE_MS 15   /* editors save in bursts (write, rename, chmod) */
#define MAX_CLIENTS 64
#define REQUEST_MAX 8192

struct client {
	int fd;
	char req[REQUEST_MAX];
	size_t len;
	int events;     /* an event stream waiting for the next rebuild */
	unsigned since; /* the build generation the page was served at */
};

struct server {
	const char *dir, *out;
	const char *host;
	int port;
	long max_requests; /* 0: no limit */
	long answered;
	int listen_fd, ino_fd, ino_dir, ino_images;
	struct client clients[MAX_CLIENTS];
	size_t nclients;
	unsigned gen;      /* completed builds */
	char *errors_page; /* while the sources have errors: the diagnostics page */
	double rebuild_at; /* monotonic ms of a pending rebuild, or 0 */
};

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("ovc: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nZie 'ovc --help'.\n", stderr);
	return 2;
}

/* ---- Pages ----------------------------------------------------------------- */

static void put_escaped(struct strbuf *sb, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '<': strbuf_puts(sb, "&lt;"); break;
		case '>': strbuf_puts(sb, "&gt;"); break;
		case '&': strbuf_puts(sb, "&amp;"); break;
		case '"': strbuf_puts(sb, "&quot;"); break;
		default: strbuf_putc(sb, s[i]);
		}
	}
}

static const char page_style[] =
	"<style>body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
	"color:#1a1a1a}pre{overflow-x:auto;background:#f6f6f6;padding:1rem;"
	"border-left:4px solid #b00020;font-size:.9rem}h1{font-size:1.5rem}</style>";

/* The page shown instead of the editions while the sources have errors. */
static char *errors_page(const char *diagnostics, size_t len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
	                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	                 "<title>Fouten in de verordening — ovc serve</title>");
	strbuf_puts(&sb, page_style);
	strbuf_puts(&sb, "</head><body><main><h1>De verordening bevat fouten</h1>"
	                 "<p>ovc heeft de edities niet bijgewerkt: de map met uitvoer houdt de laatste "
	                 "goede versie. Los de fouten hieronder op en sla het bestand op; deze pagina "
	                 "laadt dan vanzelf opnieuw.</p><pre>");
	put_escaped(&sb, diagnostics, len);
	strbuf_puts(&sb, "</pre></main></body></html>\n");
	return strbuf_detach(&sb, NULL);
}

static char *index_page(void)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_puts(&sb, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
	                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	                 "<title>Voorbeeld — ovc serve</title>");
	strbuf_puts(&sb, page_style);
	strbuf_puts(&sb, "</head><body><main><h1>Voorbeeld van de verordening</h1><ul>"
	                 "<li><a href=\"verordening.html\">Juridische editie</a></li>"
	                 "<li><a href=\"publieksversie.html\">Publieksversie</a></li>"
	                 "<li><a href=\"leesbaarheid.html\">Leesbaarheid per artikel</a></li></ul>"
	                 "<p>De pagina's laden opnieuw zodra u een bronbestand opslaat.</p>"
	                 "</main></body></html>\n");
	return strbuf_detach(&sb, NULL);
}

/*
 * The reload script, added to served HTML only: it waits for the next build
 * after GEN and reloads the page. Put before the last </body>, or at the end.
 */
static char *inject_reload(const char *html, size_t len, unsigned gen, size_t *outlen)
{
	char *script = xasprintf("<script>(function(){var e=new EventSource(\"" EVENTS_PATH
	                         "?na=%u\");e.addEventListener(\"herlaad\",function(){e.close();"
	                         "location.reload();});})();</script>",
	                         gen);
	size_t at = len;
	for (size_t i = len; i >= 7; i--) {
		if (strncasecmp(html + i - 7, "</body>", 7) == 0) {
			at = i - 7;
			break;
		}
	}
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_add(&sb, html, at);
	strbuf_puts(&sb, script);
	strbuf_add(&sb, html + at, len - at);
	free(script);
	return strbuf_detach(&sb, outlen);
}

/* ---- Building ------------------------------------------------------------- */

static void rebuild(struct server *s)
{
	double t0 = now_ms();
	struct diag_sink *d = diag_sink_new();
	struct ordinance *o = NULL;
	char *err = NULL;
	char *text = NULL;
	size_t textlen = 0;
	struct rd_stats st;
	if (compile_ordinance_stats(s->dir, &o, d, &err, &st) != 0) {
		text = err;
		textlen = strlen(err);
		err = NULL;
	} else {
		diag_sort(d, (const struct source *const *)(const void *)o->files, (int)o->nfiles);
		if (diag_count(d, SEV_ERROR) > 0) {
			FILE *mem = open_memstream(&text, &textlen);
			if (mem) {
				diag_print(d, mem, DIAG_TEXT, 0, 0);
				fclose(mem);
			}
		} else if (build_html_outputs(o, &st, s->out, &err) != 0) {
			text = err;
			textlen = strlen(err);
			err = NULL;
		}
	}
	free(s->errors_page);
	s->errors_page = NULL;
	if (text) {
		s->errors_page = errors_page(text, textlen);
		int errors = diag_count(d, SEV_ERROR);
		if (errors)
			fprintf(stderr, "ovc serve: %d %s in %s; %s houdt de laatste goede versie\n", errors,
			        errors == 1 ? "fout" : "fouten", s->dir, s->out);
		else /* the sources could not be read, or an output not written */
			fprintf(stderr, "ovc serve: %s; %s houdt de laatste goede versie\n", text, s->out);
	} else {
		fprintf(stderr, "ovc serve: bijgewerkt in %.0f ms (%d %s)\n", now_ms() - t0,
		        diag_count(d, SEV_WARNING), diag_count(d, SEV_WARNING) == 1 ? "waarschuwing" : "waarschuwingen");
	}
	free(text);
	rd_stats_release(&st);
	ordinance_free(o);
	diag_sink_free(d);
	s->gen++;
}

/* ---- HTTP ------------------------------------------------------------------ */

static int send_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = send(fd, p, n, MSG_NOSIGNAL);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static void respond(int fd, int status, const char *type, const char *body, size_t len, int head_only)
{
	const char *reason = status == 200 ? "OK"
	                     : status == 400 ? "Bad Request"
	                     : status == 403 ? "Forbidden"
	                     : status == 404 ? "Not Found"
	                     : status == 405 ? "Method Not Allowed"
	                                     : "Internal Server Error";
	char *head = xasprintf("HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
	                       "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
	                       "Connection: close\r\n\r\n",
	                       status, reason, type, len);
	if (send_all(fd, head, strlen(head)) == 0 && !head_only)
		send_all(fd, body, len);
	free(head);
}

static void respond_text(int fd, int status, const char *text)
{
	respond(fd, status, "text/plain; charset=utf-8", text, strlen(text), 0);
}

static const char *content_type(const char *path)
{
	static const char *const types[][2] = {
		{".html", "text/html; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
		{".svg", "image/svg+xml"},             {".png", "image/png"},
		{".jpg", "image/jpeg"},                {".jpeg", "image/jpeg"},
		{".xml", "application/xml"},           {".pdf", "application/pdf"},
		{".json", "application/json"},         {".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof *types; i++)
		if (strcasecmp(dot, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)ascii_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Decode %XX in the path part of TARGET; NULL for what ovc will not serve. */
static char *clean_path(const char *target)
{
	size_t n = strcspn(target, "?#");
	struct strbuf sb;
	strbuf_init(&sb);
	for (size_t i = 0; i < n; i++) {
		char c = target[i];
		if (c == '%' && i + 2 < n && hexval(target[i + 1]) >= 0 && hexval(target[i + 2]) >= 0) {
			c = (char)(hexval(target[i + 1]) * 16 + hexval(target[i + 2]));
			i += 2;
		}
		strbuf_putc(&sb, c);
	}
	size_t len;
	char *p = strbuf_detach(&sb, &len);
	/* only UIT's own files: no NUL, no backslash, no ".." and no hidden
	 * (temporary) files, which all start a segment with a dot */
	if (p[0] != '/' || strlen(p) != len || strchr(p, '\\') || strstr(p, "/.")) {
		free(p);
		return NULL;
	}
	return p;
}

/* Read a regular file of UIT whole. NULL when there is none. */
static char *read_output(const struct server *s, const char *path, size_t *len)
{
	char *full = xasprintf("%s%s", s->out, path);
	int fd = open(full, O_RDONLY | O_CLOEXEC);
	free(full);
	struct stat st;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	struct strbuf sb;
	strbuf_init(&sb);
	char chunk[65536];
	ssize_t k;
	while ((k = read(fd, chunk, sizeof chunk)) > 0)
		strbuf_add(&sb, chunk, (size_t)k);
	close(fd);
	return strbuf_detach(&sb, len);
}

/*
 * A Host header, when sent, must name the loopback address: a page on the
 * internet cannot then reach the preview through a DNS name that resolves
 * to 127.0.0.1 (DNS rebinding).
 */
static int host_allowed(const char *req)
{
	for (const char *l = strchr(req, '\n'); l; l = strchr(l, '\n')) {
		l++;
		if (strncasecmp(l, "host:", 5) != 0)
			continue;
		l += 5;
		while (*l == ' ' || *l == '\t')
			l++;
		static const char *const names[] = {"127.0.0.1", "localhost", "[::1]"};
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
			size_t k = strlen(names[i]);
			if (strncasecmp(l, names[i], k) == 0 && (l[k] == ':' || l[k] == '\r' || l[k] == '\n'))
				return 1;
		}
		return 0;
	}
	return 1;
}

static void count_answer(struct server *s)
{
	s->answered++;
}

static void send_reload(int fd, unsigned gen)
{
	char msg[64];
	int n = snprintf(msg, sizeof msg, "event: herlaad\ndata: %u\n\n", gen);
	send_all(fd, msg, (size_t)n);
}

static void serve_page(struct server *s, int fd, const char *page, size_t len, int head_only)
{
	size_t n;
	char *body = inject_reload(page, len, s->gen, &n);
	respond(fd, 200, "text/html; charset=utf-8", body, n, head_only);
	free(body);
}

/* Answer one request. Returns 1 when the connection stays open (events). */
static int answer(struct server *s, struct client *c)
{
	char method[8], target[2048];
	if (sscanf(c->req, "%7s %2047s", method, target) != 2 || target[0] != '/') {
		respond_text(c->fd, 400, "Onbegrijpelijk verzoek.\n");
		return 0;
	}
	int head_only = strcmp(method, "HEAD") == 0;
	if (strcmp(method, "GET") != 0 && !head_only) {
		respond_text(c->fd, 405, "ovc serve beantwoordt alleen GET en HEAD.\n");
		return 0;
	}
	if (!host_allowed(c->req)) {
		respond_text(c->fd, 403, "Alleen bereikbaar als 127.0.0.1 of localhost.\n");
		return 0;
	}
	char *path = clean_path(target);
	if (!path) {
		respond_text(c->fd, 404, "Niet gevonden.\n");
		return 0;
	}
	int keep = 0;
	if (strcmp(path, EVENTS_PATH) == 0) {
		const char *na = strstr(target, "?na=");
		c->since = na ? (unsigned)strtoul(na + 4, NULL, 10) : s->gen;
		static const char head[] = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
		                           "Cache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
		                           "retry: 1000\n\n";
		keep = send_all(c->fd, head, sizeof head - 1) == 0;
		c->events = keep;
		if (keep && c->since < s->gen) {
			/* rebuilt between serving the page and this request */
			send_reload(c->fd, s->gen);
			keep = 0;
		}
	} else if (strcmp(path, "/") == 0 || strcmp(path, "/index.html") == 0) {
		char *page = s->errors_page ? xstrdup(s->errors_page) : index_page();
		serve_page(s, c->fd, page, strlen(page), head_only);
		free(page);
	} else {
		size_t len;
		int html = strcmp(content_type(path), "text/html; charset=utf-8") == 0;
		char *data = html && s->errors_page ? NULL : read_output(s, path, &len);
		if (html && s->errors_page)
			serve_page(s, c->fd, s->errors_page, strlen(s->errors_page), head_only);
		else if (!data)
			respond_text(c->fd, 404, "Niet gevonden.\n");
		else if (html)
			serve_page(s, c->fd, data, len, head_only);
		else
			respond(c->fd, 200, content_type(path), data, len, head_only);
		free(data);
	}
	free(path);
	return keep;
}

static void drop_client(struct server *s, size_t i)
{
	close(s->clients[i].fd);
	s->clients[i] = s->clients[--s->nclients];
}

/* Tell event streams that wait for a build after theirs, and close them. */
static void notify_rebuilt(struct server *s)
{
	for (size_t i = s->nclients; i-- > 0;) {
		struct client *c = &s->clients[i];
		if (!c->events || c->since >= s->gen)
			continue;
		send_reload(c->fd, s->gen);
		drop_client(s, i);
		count_answer(s);
	}
}

static void accept_client(struct server *s)
{
	int fd = accept(s->listen_fd, NULL, NULL);
	if (fd < 0)
		return;
	if (s->nclients == MAX_CLIENTS) {
		close(fd);
		return;
	}
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	struct timeval tv = {5, 0}; /* a stalled reader cannot hold the preview */
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
	struct client *c = &s->clients[s->nclients++];
	memset(c, 0, sizeof *c);
	c->fd = fd;
}

/* Data (or end of stream) on client I. Returns 1 when I was dropped. */
static int client_input(struct server *s, size_t i)
{
	struct client *c = &s->clients[i];
	if (c->events) {
		/* an event stream sends nothing: this is its end */
		char junk[512];
		if (recv(c->fd, junk, sizeof junk, 0) > 0)
			return 0;
		drop_client(s, i);
		return 1;
	}
	ssize_t k = recv(c->fd, c->req + c->len, sizeof c->req - 1 - c->len, 0);
	if (k <= 0) {
		drop_client(s, i);
		return 1;
	}
	const char *refusal = NULL;
	if (memchr(c->req + c->len, '\0', (size_t)k)) /* not HTTP; strstr would stop at it */
		refusal = "Onbegrijpelijk verzoek.\n";
	c->len += (size_t)k;
	c->req[c->len] = '\0';
	if (!refusal && !strstr(c->req, "\r\n\r\n") && !strstr(c->req, "\n\n")) {
		if (c->len + 1 < sizeof c->req)
			return 0; /* the rest is still coming */
		refusal = "Verzoek te groot.\n";
	}
	if (refusal)
		respond_text(c->fd, 400, refusal);
	if (refusal || !answer(s, c)) {
		count_answer(s);
		drop_client(s, i);
		return 1;
	}
	return 0;
}

/* ---- Watching ------------------------------------------------------------- */

static int source_name(const char *name)
{
	size_t n = strlen(name);
	return n && name[0] != '.' && name[n - 1] != '~';
}

static void watch_images(struct server *s)
{
	char *sub = xasprintf("%s/illustraties", s->dir);
	s->ino_images = inotify_add_watch(s->ino_fd, sub, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE);
	free(sub);
}

static void watch_input(struct server *s)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t k;
	while ((k = read(s->ino_fd, buf, sizeof buf)) > 0) {
		for (char *p = buf; p < buf + k;) {
			const struct inotify_event *e = (const struct inotify_event *)(void *)p;
			p += sizeof *e + e->len;
			if (!e->len || !source_name(e->name))
				continue;
			if (e->wd == s->ino_dir && strcmp(e->name, "illustraties") == 0 && (e->mask & IN_ISDIR)) {
				watch_images(s);
				s->rebuild_at = now_ms() + DEBOUNCE_MS;
			} else if (e->wd == s->ino_images ||
			           (strlen(e->name) > 3 && strcmp(e->name + strlen(e->name) - 3, ".md") == 0)) {
				s->rebuild_at = now_ms() + DEBOUNCE_MS;
			}
		}
	}
}

/* ---- Setup ------------------------------------------------------------------ */

/* Bind to HOST:PORT when HOST is a loopback address. Returns the socket or -1. */
static int listen_loopback(struct server *s)
{
	struct sockaddr_storage ss;
	memset(&ss, 0, sizeof ss);
	socklen_t sl;
	const char *host = strcmp(s->host, "localhost") == 0 ? "127.0.0.1" : s->host;
	struct sockaddr_in *v4 = (struct sockaddr_in *)(void *)&ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)(void *)&ss;
	if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
		if ((ntohl(v4->sin_addr.s_addr) >> 24) != 127) {
			usage_error("serve luistert alleen op 127.0.0.1 (loopback), niet op '%s': een "
			            "concepttekst hoort niet op het netwerk", s->host);
			return -1;
		}
		v4->sin_family = AF_INET;
		v4->sin_port = htons((unsigned short)s->port);
		sl = sizeof *v4;
	} else if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
		if (!IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr)) {
			usage_error("serve luistert alleen op ::1 (loopback), niet op '%s': een "
			            "concepttekst hoort niet op het netwerk", s->host);
			return -1;
		}
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons((unsigned short)s->port);
		sl = sizeof *v6;
	} else {
		usage_error("'%s' is geen IP-adres; serve luistert alleen op 127.0.0.1 of ::1", s->host);
		return -1;
	}
	int fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, (struct sockaddr *)&ss, sl) != 0 || listen(fd, 16) != 0) {
		fprintf(stderr, "ovc: kan niet luisteren op %s poort %d: %s\n", s->host, s->port, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) == 0)
		s->port = ntohs(ss.ss_family == AF_INET ? v4->sin_port : v6->sin6_port);
	return fd;
}

static int parse_number(const char *opt, const char *v, long max, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	if (!*v || *end || errno || n < 0 || n > max)
		return usage_error("%s verwacht een getal van 0 tot en met %ld, niet '%s'", opt, max, v);
	*out = n;
	return 0;
}

/* Options NAME VALUE or NAME=VALUE. Returns the value or NULL; advances *I. */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	size_t k = strlen(name);
	if (strncmp(argv[*i], name, k) != 0)
		return NULL;
	if (argv[*i][k] == '=')
		return argv[*i] + k + 1;
	if (argv[*i][k] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int parse_args(int argc, char **argv, struct server *s)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		long n;
		if ((v = option_value(argc, argv, &i, "--port"))) {
			if (parse_number("--port", v, 65535, &n))
				return 2;
			s->port = (int)n;
		} else if ((v = option_value(argc, argv, &i, "--host"))) {
			s->host = v;
		} else if ((v = option_value(argc, argv, &i, "--max-verzoeken"))) {
			if (parse_number("--max-verzoeken", v, 1000000, &n))
				return 2;
			s->max_requests = n;
		} else if ((v = option_value(argc, argv, &i, "--uit")) || (v = option_value(argc, argv, &i, "-o"))) {
			s->out = v;
		} else if (a[0] == '-' && a[1]) {
			return usage_error("onbekende optie '%s' bij serve (of de waarde ontbreekt)", a);
		} else if (!s->dir) {
			s->dir = a;
		} else {
			return usage_error("te veel argumenten: '%s'", a);
		}
	}
	return 0;
}

/* ---- The loop ---------------------------------------------------------------- */

static void run(struct server *s)
{
	struct pollfd fds[MAX_CLIENTS + 2];
	while (!stop_requested && (!s->max_requests || s->answered < s->max_requests)) {
		fds[0] = (struct pollfd){s->listen_fd, POLLIN, 0};
		fds[1] = (struct pollfd){s->ino_fd, POLLIN, 0};
		size_t nc = s->nclients;
		for (size_t i = 0; i < nc; i++)
			fds[2 + i] = (struct pollfd){s->clients[i].fd, POLLIN, 0};
		int timeout = -1;
		if (s->rebuild_at > 0) {
			double left = s->rebuild_at - now_ms();
			timeout = left > 0 ? (int)left + 1 : 0;
		}
		int r = poll(fds, 2 + nc, timeout);
		if (r < 0 && errno != EINTR)
			break;
		if (r > 0) {
			if (fds[1].revents & POLLIN)
				watch_input(s);
			/* clients from the back: dropping one moves the last, already seen */
			for (size_t i = nc; i-- > 0;)
				if (fds[2 + i].revents & (POLLIN | POLLHUP | POLLERR))
					client_input(s, i);
			if (fds[0].revents & POLLIN)
				accept_client(s);
		}
		/* after the clients: notify_rebuilt drops streams, which renumbers them */
		if (s->rebuild_at > 0 && now_ms() >= s->rebuild_at) {
			s->rebuild_at = 0;
			rebuild(s);
			notify_rebuilt(s);
		}
	}
}

int serve_main(int argc, char **argv)
{
	struct server s;
	memset(&s, 0, sizeof s);
	s.host = "127.0.0.1";
	s.port = 8000;
	s.ino_images = -1;
	if (parse_args(argc, argv, &s))
		return 2;
	if (!s.dir)
		s.dir = "verordening";
	if (!s.out)
		s.out = "out";
	struct stat st;
	if (stat(s.dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "ovc: kan de map '%s' niet openen: %s\n", s.dir,
		        errno ? strerror(errno) : "geen map");
		return 2;
	}
	s.listen_fd = listen_loopback(&s);
	if (s.listen_fd < 0)
		return 2;
	s.ino_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	s.ino_dir = s.ino_fd < 0 ? -1
	                         : inotify_add_watch(s.ino_fd, s.dir,
	                                             IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE);
	if (s.ino_dir < 0) {
		fprintf(stderr, "ovc: kan '%s' niet bewaken (inotify): %s\n", s.dir, strerror(errno));
		close(s.listen_fd);
		if (s.ino_fd >= 0)
			close(s.ino_fd);
		return 2;
	}
	watch_images(&s);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	rebuild(&s);
	fprintf(stderr, "ovc serve: http://%s%s%s:%d/ toont %s en bewaakt %s (Ctrl-C stopt)\n",
	        strchr(s.host, ':') ? "[" : "", s.host, strchr(s.host, ':') ? "]" : "", s.port, s.out, s.dir);
	run(&s);
	while (s.nclients)
		drop_client(&s, s.nclients - 1);
	close(s.listen_fd);
	close(s.ino_fd);
	free(s.errors_page);
	edition_cleanup();
	fprintf(stderr, "ovc serve: gestopt\n");
	return 0;
}
