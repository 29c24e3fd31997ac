#!/usr/bin/env python3
"""`ovc serve` on 127.0.0.1, bounded: a fixed number of requests
(--max-verzoeken), a time limit on every step, and the server stops by
itself after the last answer. TAP output.

Edit a source → the reload event fires and the served HTML changes; the
published file never holds the reload script; a broken edit → every HTML
page is the diagnostics page while out/ keeps the last good edition; paths
outside out/ and foreign Host headers are refused; a non-loopback bind is
refused before anything is built. Then in a real browser (Debian's
chromium, driven over the DevTools pipe): a save reloads the open page.
"""
import http.client
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
BASE = os.path.join(ROOT, "tests", "fixtures", "minimaal")
# make valgrind runs the server under valgrind: OVC_WRAP="valgrind …"
WRAP = os.environ.get("OVC_WRAP", "").split()
STEP = 60.0 if WRAP else 10.0  # seconds any one step may take
REQUESTS = 12  # the requests below; then the server stops

n = 0
failed = 0


def ok(cond, name, detail=""):
    global n, failed
    n += 1
    print("%sok %d - %s" % ("" if cond else "not ", n, name))
    if not cond:
        failed += 1
        for line in str(detail).splitlines()[:30]:
            print("#   " + line)


def get(port, path, host=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=STEP)
    headers = {"Host": host} if host else {}
    c.request("GET", path, headers=headers)
    r = c.getresponse()
    body = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, r.getheader("Content-Type"), body


class Events:
    """A raw server-sent-events connection (no proxy, no library)."""

    def __init__(self, port, since):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=STEP)
        self.s.sendall(b"GET /__ovc/gebeurtenissen?na=%d HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % since)
        self.buf = b""

    def wait(self, what, timeout=STEP):
        deadline = time.monotonic() + timeout
        while what not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.s], [], [], left)[0]:
                break
            chunk = self.s.recv(4096)
            if not chunk:
                break
            self.buf += chunk
        return self.buf.decode("utf-8", "replace")

    def close(self):
        self.s.close()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    tmp = tempfile.mkdtemp(prefix="ovc-serve-")
    src = os.path.join(tmp, "verordening")
    shutil.copytree(BASE, src)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    proc = subprocess.Popen([*WRAP, OVC, "serve", "verordening", "-o", "uit", "--port", "0",
                             "--max-verzoeken", str(REQUESTS)], cwd=tmp, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        run(tmp, src, proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
        shutil.rmtree(tmp)
    refusals()
    browser_reload()
    print("1..%d" % n)
    return 1 if failed else 0


def read_stderr_until(proc, what):
    """Unbuffered reads of the server's stderr until WHAT shows (or STEP passes)."""
    buf, deadline = b"", time.monotonic() + STEP
    while what not in buf:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([proc.stderr], [], [], left)[0]:
            break
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        buf += chunk
    return buf.decode()


def run(tmp, src, proc):
    log = read_stderr_until(proc, b"(Ctrl-C stopt)\n")
    m = re.search(r"http://127\.0\.0\.1:(\d+)/ toont uit en bewaakt verordening", log)
    ok(m is not None and "bijgewerkt in" in log, "serve builds once and prints its loopback address", log)
    if not m:
        return
    port = int(m.group(1))
    out = os.path.join(tmp, "uit")
    # the HTML editions (the citizen edition is a site of several pages), no PDFs:
    # the same files, with the same bytes, as ovc build writes for them
    full = os.path.join(tmp, "volledig")
    subprocess.run([OVC, "build", "verordening", "-o", full], cwd=tmp, env=dict(os.environ, SOURCE_DATE_EPOCH="1700000000"),
                   capture_output=True)
    files = lambda d: sorted(f for f in os.listdir(d) if not os.path.isdir(os.path.join(d, f)))
    want = [f for f in files(full) if not f.endswith(".pdf")]
    ok(files(out) == want and "publieksversie-wonen.html" in want and "verordening.html" in want,
       "the first build writes the HTML editions, no PDFs", (files(out), want))
    same = [f for f in files(out) if open(os.path.join(out, f), "rb").read() == open(os.path.join(full, f), "rb").read()]
    ok(same == want, "each file serve wrote is byte-identical to ovc build's", sorted(set(want) - set(same)))

    # 1: the page, with the reload script for build 1
    status, ctype, body = get(port, "/publieksversie.html")
    script = '<script>(function(){var e=new EventSource("/__ovc/gebeurtenissen?na=1");'
    ok(status == 200 and ctype == "text/html; charset=utf-8" and script in body and body.index(script) < body.rindex("</body>"),
       "GET /publieksversie.html: 200, reload script for build 1 before </body>", body[-400:])
    on_disk = open(os.path.join(out, "publieksversie.html"), encoding="utf-8").read()
    ok("<script" not in on_disk and "__ovc" not in on_disk and on_disk in body.replace(script, "").replace(
        'e.addEventListener("herlaad",function(){e.close();location.reload();});})();</script>', ""),
       "the published file has no script; the served page is the file plus the script")

    # 2: an event stream from build 1, then a save
    ev = Events(port, 1)
    head = ev.wait(b"retry: 1000\n\n")
    ok(head.startswith("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"), "the event stream opens", head)
    path = os.path.join(src, "1-gemeenschappelijk.md")
    text = open(path, encoding="utf-8").read()
    saved = time.monotonic()
    write(path, text.replace("U kunt bellen of langskomen.", "U kunt bellen, mailen of langskomen."))
    got = ev.wait(b"event: herlaad\ndata: 2\n\n")
    took = time.monotonic() - saved
    ev.close()
    ok(got.endswith("event: herlaad\ndata: 2\n\n"), "a save fires the reload event for build 2 (%.0f ms)" % (took * 1e3), got)

    # 3: the served page changed
    status, _, body = get(port, "/publieksversie-zo-werkt-het.html")
    ok(status == 200 and "U kunt bellen, mailen of langskomen." in body and "?na=2" in body,
       "after the save the served HTML holds the new text", body[:300])

    # 4: a page served at build 1 that connects after build 2: reloaded at once
    ev = Events(port, 1)
    got = ev.wait(b"event: herlaad\ndata: 2\n\n")
    ev.close()
    ok(got.endswith("retry: 1000\n\nevent: herlaad\ndata: 2\n\n"),
       "an event stream from an older build gets the reload at once", got)

    # 5, 6: a broken edit, watched by two open pages
    evs = [Events(port, 2), Events(port, 2)]
    for ev in evs:
        ev.wait(b"retry: 1000\n\n")
    write(path, text.replace("U kunt bellen of langskomen.", "U kunt bellen, mailen of langskomen.")
          .replace("3. Het tweede lid, onder a,", "3. Artikel 9.9"))
    got = [ev.wait(b"event: herlaad\ndata: 3\n\n") for ev in evs]
    for ev in evs:
        ev.close()
    ok(all(g.endswith("event: herlaad\ndata: 3\n\n") for g in got),
       "a broken save fires the reload event too, in both open pages", got)

    # 7: every HTML page is now the diagnostics page
    status, ctype, body = get(port, "/verordening.html")
    diag = "verordening/1-gemeenschappelijk.md:34:4: fout: artikel 9.9 bestaat niet in deze verordening [verwijzing-artikel]"
    ok(status == 200 and "<h1>De verordening bevat fouten</h1>" in body and diag in body and "?na=3" in body,
       "with errors, /verordening.html is the diagnostics page with file:line:col", body)
    on_disk = open(os.path.join(out, "publieksversie-zo-werkt-het.html"), encoding="utf-8").read()
    ok("mailen" in on_disk, "uit/ keeps the last good edition")

    # 8: other files are still served
    status, ctype, body = get(port, "/basis.css")
    ok(status == 200 and ctype == "text/css; charset=utf-8" and body == open(os.path.join(out, "basis.css")).read(),
       "GET /basis.css: 200 text/css, the file's bytes")
    # 9-12: refusals
    status, _, _ = get(port, "/../verordening/verordening.md")
    ok(status == 404, "a path outside uit/ is not served", status)
    status, _, _ = get(port, "/.verordening.html.tmp")
    ok(status == 404, "hidden (temporary) files are not served", status)
    status, _, body = get(port, "/verordening.html", host="ovc.example.com")
    ok(status == 403, "a foreign Host header is refused (DNS rebinding)", status)
    raw = socket.create_connection(("127.0.0.1", port), timeout=STEP)
    raw.sendall(b"\x00\xff GET / HTTP/1.1\r\n\r\n")
    reply = b""
    while True:  # the server closes the connection after its reply; headers and body may come apart
        chunk = raw.recv(4096)
        if not chunk:
            break
        reply += chunk
    raw.close()
    ok(reply.startswith(b"HTTP/1.1 400 Bad Request\r\n") and reply.endswith(b"Onbegrijpelijk verzoek.\n"),
       "bytes that are not HTTP: 400", reply)

    # the server stops by itself after the last counted request
    try:
        rc = proc.wait(timeout=STEP)
    except subprocess.TimeoutExpired:
        rc = None
    rest = read_stderr_until(proc, b"gestopt\n")
    ok(rc == 0 and rest.rstrip().endswith("ovc serve: gestopt"),
       "after %d requests the server stops by itself, status 0" % REQUESTS, "%s\n%s" % (rc, rest))
    ok(open(path, encoding="utf-8").read().count("Artikel 9.9") == 1, "the sources are untouched by serve")


class Browser:
    """Headless chromium on PAGE, driven with the DevTools protocol over
    --remote-debugging-pipe (fd 3 in, fd 4 out, NUL-separated JSON)."""

    def __init__(self, url, profile):
        to_child, self.w = os.pipe()
        self.r, from_child = os.pipe()

        def fds():  # dup first: a pipe may already sit on fd 3 or 4, without inheritance
            a, b = os.dup(to_child), os.dup(from_child)
            os.dup2(a, 3)
            os.dup2(b, 4)
        self.p = subprocess.Popen(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-proxy-server", "--user-data-dir=" + profile, "--remote-debugging-pipe", url],
            preexec_fn=fds, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self.buf, self.id, self.session = b"", 0, None

    def call(self, method, params=None):
        self.id += 1
        msg = {"id": self.id, "method": method, "params": params or {}}
        if self.session:
            msg["sessionId"] = self.session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + STEP
        while True:
            while b"\0" in self.buf:
                raw, self.buf = self.buf.split(b"\0", 1)
                m = json.loads(raw)
                if m.get("id") == self.id:
                    return m
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.r], [], [], left)[0]:
                return {}
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                return {}
            self.buf += chunk

    def attach(self):
        deadline = time.monotonic() + STEP
        while time.monotonic() < deadline:
            pages = [t for t in self.call("Target.getTargets").get("result", {}).get("targetInfos", [])
                     if t["type"] == "page"]
            if pages:
                r = self.call("Target.attachToTarget", {"targetId": pages[0]["targetId"], "flatten": True})
                self.session = r.get("result", {}).get("sessionId")
                return self.session is not None
            time.sleep(0.2)
        return False

    def until(self, expression, timeout=STEP):
        """Poll EXPRESSION in the page until it is true; its last value."""
        deadline, value = time.monotonic() + timeout, None
        while time.monotonic() < deadline:
            r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
            value = r.get("result", {}).get("result", {}).get("value")
            if value:
                return value
            time.sleep(0.1)
        return value

    def close(self):
        self.p.terminate()
        self.p.wait(timeout=STEP)
        os.close(self.w)
        os.close(self.r)


def browser_reload():
    tmp = tempfile.mkdtemp(prefix="ovc-serve-browser-")
    src = os.path.join(tmp, "verordening")
    shutil.copytree(BASE, src)
    proc = subprocess.Popen([*WRAP, OVC, "serve", "verordening", "-o", "uit", "--port", "0"], cwd=tmp,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    browser = None
    try:
        m = re.search(r"127\.0\.0\.1:(\d+)/", read_stderr_until(proc, b"(Ctrl-C stopt)\n"))
        browser = Browser("http://127.0.0.1:%s/publieksversie-zo-werkt-het.html" % m.group(1), os.path.join(tmp, "profiel"))
        attached = browser.attach()
        loaded = attached and browser.until("document.readyState === 'complete' && "
                                            "document.body.innerText.includes('U kunt bellen of langskomen.') && "
                                            "performance.timeOrigin")
        ok(bool(loaded), "chromium shows the served page", loaded)
        path = os.path.join(src, "1-gemeenschappelijk.md")
        text = open(path, encoding="utf-8").read()
        write(path, text.replace("U kunt bellen of langskomen.", "U kunt bellen, mailen of langskomen."))
        after = browser.until("document.body.innerText.includes('U kunt bellen, mailen of langskomen.') && "
                              "performance.timeOrigin")
        ok(bool(loaded) and bool(after) and after != loaded,
           "after a save chromium has reloaded the page by itself and shows the new text", (loaded, after))
    finally:
        if browser:
            browser.close()
        proc.send_signal(signal.SIGTERM)
        try:
            rc = proc.wait(timeout=STEP)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc = proc.wait()
        rest = read_stderr_until(proc, b"gestopt\n")
        proc.stdout.close()
        proc.stderr.close()
        shutil.rmtree(tmp)
    ok(rc == 0 and rest.rstrip().endswith("ovc serve: gestopt"), "SIGTERM stops serve cleanly, status 0", (rc, rest))


def refusals():
    for host in ("0.0.0.0", "192.168.1.10", "::"):
        r = subprocess.run([OVC, "serve", BASE, "-o", "/nonexistent/never", "--host", host, "--port", "0"],
                           capture_output=True, text=True, timeout=STEP)
        ok(r.returncode == 2 and "serve luistert alleen op" in r.stderr and "niet op '%s'" % host in r.stderr,
           "--host %s is refused with status 2" % host, r.stderr)
    r = subprocess.run([OVC, "serve", BASE, "--port", "70000"], capture_output=True, text=True, timeout=STEP)
    ok(r.returncode == 2 and "--port verwacht een getal van 0 tot en met 65535, niet '70000'" in r.stderr,
       "--port 70000 is refused", r.stderr)


if __name__ == "__main__":
    sys.exit(main())
