#ifndef OVC_SERVE_H
#define OVC_SERVE_H

/*
 * ovc serve [MAP] [--port N] [-o UIT] [--host ADRES] [--max-verzoeken N]:
 * a live preview for writers. Watches MAP with inotify, rebuilds the HTML
 * editions and leesbaarheid.html into UIT after each save
 * (build_html_outputs in src/emit/build.h; no PDFs), and serves UIT over HTTP on the loopback
 * interface only (127.0.0.1 or ::1; any other address is refused, so the
 * draft is never on the network).
 *
 * Served HTML pages get a small script that listens to server-sent events
 * on /__ovc/gebeurtenissen and reloads the page after a rebuild; the files
 * in UIT never contain it. When the sources have errors, every HTML page
 * is served as a page with the diagnostics, and UIT keeps the last good
 * outputs. --port 0 picks a free port; the address is printed on stderr.
 * --max-verzoeken N stops after N answered requests (scripts, tests);
 * otherwise it runs until SIGINT or SIGTERM.
 */

/* ARGV[0] is "serve". Returns the process exit status. */
int serve_main(int argc, char **argv);

#endif
