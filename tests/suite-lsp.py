#!/usr/bin/env python3
"""A scripted session with `ovc lsp` (LSP 3.17 over stdio), TAP output.

Per position encoding (utf-32, utf-8, utf-16): initialize, didOpen,
didChange that introduces a broken reference (on a line that holds "é" and
an emoji, so the three encodings give different characters), hover,
definition, codeAction, shutdown, exit. The published diagnostics must
equal `ovc check --format=json` on the same text written to disk, with the
columns converted to the encoding here, independently of ovc; some
positions are also written out by hand. Then the edges: nothing answered
before initialize, requests after shutdown, end of input without shutdown.
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
BASE = os.path.join(ROOT, "tests", "fixtures", "minimaal")
# make valgrind runs the server under valgrind: OVC_WRAP="valgrind …"
WRAP = os.environ.get("OVC_WRAP", "").split()
TIMEOUT = 60.0 if WRAP else 20.0

n = 0
failed = 0


def ok(cond, name, detail=""):
    global n, failed
    n += 1
    if cond:
        print("ok %d - %s" % (n, name))
    else:
        failed += 1
        print("not ok %d - %s" % (n, name))
        for line in str(detail).splitlines():
            print("#   " + line)


class Client:
    def __init__(self, *args):
        self.p = subprocess.Popen([*WRAP, OVC, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE)
        self.buf = b""
        self.next_id = 1

    def send(self, msg):
        msg = dict(msg, jsonrpc="2.0")
        body = json.dumps(msg, ensure_ascii=False).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def read(self, timeout=TIMEOUT):
        """The next message, or None after TIMEOUT seconds or at end of output."""
        deadline = time.monotonic() + timeout
        while True:
            head_end = self.buf.find(b"\r\n\r\n")
            if head_end >= 0:
                head = self.buf[:head_end].decode()
                length = int([h.split(":")[1] for h in head.split("\r\n")
                              if h.lower().startswith("content-length")][0])
                if len(self.buf) >= head_end + 4 + length:
                    body = self.buf[head_end + 4:head_end + 4 + length]
                    self.buf = self.buf[head_end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.p.stdout], [], [], left)
            if not r:
                return None
            chunk = os.read(self.p.stdout.fileno(), 65536)
            if not chunk:
                return None
            self.buf += chunk

    def response(self, rid):
        """Read until the response to RID; notifications on the way are kept."""
        self.notes = []
        while True:
            m = self.read()
            if m is None:
                return None
            if m.get("id") == rid and "method" not in m:
                return m
            self.notes.append(m)

    def diagnostics_for(self, uri):
        """Read until publishDiagnostics for URI arrives."""
        while True:
            m = self.read()
            if m is None:
                return None
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]["diagnostics"]

    def finish(self):
        try:
            self.p.stdin.close()
        except BrokenPipeError:
            pass
        try:
            rc = self.p.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.p.kill()
            rc = "timeout"
        err = self.p.stderr.read().decode()
        self.p.stdout.close()
        self.p.stderr.close()
        return rc, err


def units(text, enc):
    """Length of TEXT in the code units of ENC."""
    if enc == "utf-8":
        return len(text.encode("utf-8"))
    if enc == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    return len(text)


def expected(check, texts, enc):
    """ovc check's diagnostics as LSP ones in ENC, per file name."""
    out = {}
    for d in check["diagnostics"]:
        name = os.path.basename(d["file"])
        lines = texts[name].split("\n")

        def pos(line, col):
            return {"line": line - 1, "character": units(lines[line - 1][:col - 1], enc)}
        x = {"range": {"start": pos(d["line"], d["column"]), "end": pos(d["end_line"], d["end_column"])},
             "severity": 1 if d["severity"] == "fout" else 2, "code": d["rule"], "source": "ovc",
             "message": d["message"]}
        if "fix" in d:
            x["data"] = {"fix": d["fix"]}
        out.setdefault(name, []).append(x)
    return out


EDIT_OLD = "de artikelen 2.1 en 1.2."
EDIT_NEW = ("de artikelen 2.1 en 1.2. Een café-eigenaar 😀 meldt zich volgens artikel 9.9 bij het "
            "college. Zie ook [artikel 3.1](#melding) en artikel 2.1 lid 2.")
# Where "artikel 9.9" is on line 13 (LSP line 12): code points 111..122; "é"
# is 2 bytes and 1 unit elsewhere, "😀" is 4 bytes, 2 UTF-16 units, 1 code point.
BROKEN = {"utf-32": (111, 122), "utf-8": (115, 126), "utf-16": (112, 123)}


def session(tmp, offer, want_enc):
    src = os.path.join(tmp, "verordening")
    disk = os.path.join(tmp, "op-schijf")
    name = "2-participatiewet.md"
    path = os.path.join(src, name)
    uri = "file://" + path
    original = open(path, encoding="utf-8").read()
    changed = original.replace(EDIT_OLD, EDIT_NEW)
    # the same text on disk, for ovc check
    with open(os.path.join(disk, name), "w", encoding="utf-8") as f:
        f.write(changed)
    check = json.loads(subprocess.run([OVC, "check", "--format=json", disk], capture_output=True).stdout)
    texts = {f: open(os.path.join(disk, f), encoding="utf-8").read()
             for f in os.listdir(disk) if f.endswith(".md")}
    want = expected(check, texts, want_enc)
    tag = "[%s]" % want_enc

    c = Client()
    caps = {"general": {"positionEncodings": offer}} if offer is not None else {}
    rid = c.request("initialize", {"processId": None, "rootUri": "file://" + src, "capabilities": caps})
    r = c.response(rid)
    ok(r and r["result"]["capabilities"]["positionEncoding"] == want_enc,
       "%s initialize: client offers %s, server chooses %s" % (tag, offer, want_enc), r)
    ok(r and r["result"]["capabilities"]["textDocumentSync"]["change"] == 1, "%s full text sync" % tag, r)
    c.notify("initialized", {})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                       "text": original}})
    d = c.diagnostics_for(uri)
    ok(d == [], "%s didOpen of the clean text: empty diagnostics for %s" % (tag, name), d)
    # the disk file stays the original: the server must use the unsaved text
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                        "contentChanges": [{"text": changed}]})
    d = c.diagnostics_for(uri)
    ok(d == want.get(name), "%s didChange: diagnostics equal ovc check --format=json" % tag,
       "lsp:   %s\ncheck: %s" % (json.dumps(d, ensure_ascii=False), json.dumps(want.get(name), ensure_ascii=False)))
    broken = [x for x in d or [] if x["code"] == "verwijzing-artikel"]
    s, e = BROKEN[want_enc]
    ok(len(broken) == 1 and broken[0]["range"] == {"start": {"line": 12, "character": s},
                                                   "end": {"line": 12, "character": e}}
       and broken[0]["message"] == "artikel 9.9 bestaat niet in deze verordening" and broken[0]["severity"] == 1,
       "%s broken reference at 12:%d-12:%d (hand-computed)" % (tag, s, e), broken)
    ok(open(path, encoding="utf-8").read() == original, "%s the file on disk is untouched" % tag)

    # hover on "artikelen 2.1" (line 13, code point 61 is the "2" of 2.1)
    line13 = changed.split("\n")[12]
    ch = units(line13[:line13.index("2.1 en 1.2")], want_enc)
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": ch}})
    r = c.response(rid)
    value = r and r["result"] and r["result"]["contents"]["value"]
    ok(value == "**Artikel 2.1 Melding**\n\n1. Een inwoner kan een hulpvraag melden bij het college.",
       "%s hover on a reference: target article heading and first lid" % tag, r)
    # hover after the emoji: "artikel 9.9" is broken, so nothing to show
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": s + 2}})
    r = c.response(rid)
    ok(r is not None and r["result"] is None, "%s hover on a broken reference: null" % tag, r)

    # definition of the reference "2.1" → the heading of artikel 2.1 in 1-gemeenschappelijk.md, line 22 (LSP 21)
    one = os.path.join(src, "1-gemeenschappelijk.md")
    heading = open(one, encoding="utf-8").read().split("\n")[21]
    rid = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": ch}})
    r = c.response(rid)
    ok(r and r["result"] == {"uri": "file://" + one, "range": {
        "start": {"line": 21, "character": 0}, "end": {"line": 21, "character": units(heading, want_enc)}}},
       "%s definition of a reference: the article heading" % tag, r)
    # the label link [artikel 3.1](#melding), on its text after the emoji
    lk = units(line13[:line13.index("[artikel 3.1]") + 3], want_enc)
    rid = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": lk}})
    r = c.response(rid)
    ok(r and r["result"] and r["result"]["uri"] == "file://" + one and r["result"]["range"]["start"]["line"] == 21,
       "%s definition of a label link: #melding's heading" % tag, r)
    # a defined term: "college" (line 13) → **college** in the begrippen list (line 17, LSP 16)
    tm = units(line13[:line13.index("college biedt") + 2], want_enc)
    rid = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": tm}})
    r = c.response(rid)
    ok(r and r["result"] == {"uri": "file://" + one, "range": {
        "start": {"line": 16, "character": 2}, "end": {"line": 16, "character": 13}}},
       "%s definition of a defined term: its entry in Begrippen" % tag, r)

    # hover on the term and on the label link
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": tm}})
    r = c.response(rid)
    ok(r and r["result"] and r["result"]["contents"]["value"] == "**college**: het college van burgemeester en wethouders;"
       and r["result"]["range"] == {"start": {"line": 12, "character": 4}, "end": {"line": 12, "character": 11}},
       "%s hover on a defined term: its definition" % tag, r)
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 12, "character": lk}})
    r = c.response(rid)
    ok(r and r["result"] and r["result"]["contents"]["value"].startswith("**Artikel 2.1 Melding**\n\n1. Een inwoner"),
       "%s hover on a label link: the target article" % tag, r)

    # code actions on the whole line: the two fixes ovc knows
    rid = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {
        "start": {"line": 12, "character": 0}, "end": {"line": 12, "character": units(line13, want_enc)}},
        "context": {"diagnostics": []}})
    r = c.response(rid)
    acts = (r and r["result"]) or []
    edits = sorted((a["edit"]["changes"][uri][0]["newText"], a["edit"]["changes"][uri][0]["range"]["start"]["character"],
                    a["edit"]["changes"][uri][0]["range"]["end"]["character"], a["title"]) for a in acts)
    fixes = sorted((x["data"]["fix"], x["range"]["start"]["character"], x["range"]["end"]["character"])
                   for x in want.get(name, []) if "data" in x)
    ok([e[:3] for e in edits] == fixes and len(fixes) == 2,
       "%s code actions: stale link text → current number, 'lid 2' → ', tweede lid'" % tag,
       "%s\n%s" % (edits, fixes))
    # applying them gives the text ovc accepts
    codec, w = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}[want_enc]
    fixed = line13.encode(codec)
    for new, a, b, _ in sorted(edits, key=lambda e: -e[1]):
        fixed = fixed[:a * w] + new.encode(codec) + fixed[b * w:]
    fixed = fixed.decode(codec)
    ok("[artikel 2.1](#melding) en artikel 2.1, tweede lid." in fixed,
       "%s code actions applied: the link text and the citation are right" % tag, fixed)

    rid = c.request("shutdown")
    r = c.response(rid)
    ok(r is not None and r.get("result", 1) is None, "%s shutdown answers null" % tag, r)
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    r = c.response(rid)
    ok(r and r["error"]["code"] == -32600, "%s a request after shutdown is refused" % tag, r)
    c.notify("exit", None)
    rc, err = c.finish()
    ok(rc == 0 and err == "", "%s exit after shutdown: status 0, nothing on stderr" % tag, "%s %s" % (rc, err))


def edges(tmp):
    src = os.path.join(tmp, "verordening")
    uri = "file://" + os.path.join(src, "3-wmo.md")
    c = Client()
    rid0 = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                       "text": "# kapot\n\nartikel 99.\n"}})
    rid = c.request("initialize", {"processId": None, "capabilities": {}})
    first = c.read()
    ok(first and first.get("id") == rid0 and first["error"]["code"] == -32002,
       "before initialize: a request gets error -32002", first)
    second = c.read()
    ok(second and second.get("id") == rid and "result" in second,
       "before initialize: the didOpen is dropped (the next message is initialize's answer)", second)
    c.notify("initialized", {})
    # a request compiles the directory: 3-wmo.md is the file on disk (clean),
    # not the text of the dropped didOpen
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    r = c.response(rid)
    pub = [m["params"]["diagnostics"] for m in c.notes
           if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
    ok(r is not None and pub == [[]], "the text of a didOpen before initialize is not used", c.notes)
    # only changed lists are sent again; a reopened file always is
    wmo = open(os.path.join(src, "3-wmo.md"), encoding="utf-8").read()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 2,
                                                       "text": wmo}})
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    c.response(rid)
    pub = [m["params"]["uri"] for m in c.notes if m.get("method") == "textDocument/publishDiagnostics"]
    ok(pub == [uri], "didOpen of an unchanged file: its diagnostics are sent again, the others' not", pub)
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                        "contentChanges": [{"text": wmo + "\nZie artikel 9.9.\n"}]})
    rid = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    c.response(rid)
    pub = [(m["params"]["uri"], [d["code"] for d in m["params"]["diagnostics"]]) for m in c.notes
           if m.get("method") == "textDocument/publishDiagnostics"]
    ok(pub == [(uri, ["verwijzing-artikel"])], "a change that breaks a reference: one publish, for that file", pub)

    # hover on "Het tweede lid, onder a" (artikel 2.1, lid 3): heading, first lid and the cited lid
    one = "file://" + os.path.join(src, "1-gemeenschappelijk.md")
    rid = c.request("textDocument/hover", {"textDocument": {"uri": one}, "position": {"line": 33, "character": 8}})
    r = c.response(rid)
    ok(r and r["result"] and r["result"]["contents"]["value"] ==
       "**Artikel 2.1 Melding**\n\n1. Een inwoner kan een hulpvraag melden bij het college.\n\n…\n\n"
       "2. Het college bevestigt de melding: 1. schriftelijk; of 2. per e-mail."
       and r["result"]["range"] == {"start": {"line": 33, "character": 3}, "end": {"line": 33, "character": 26}},
       "hover on a reference to a later lid: heading, first lid and that lid", r)

    # garbage body → parse error, the server lives on
    c.p.stdin.write(b"Content-Length: 5\r\n\r\n{nee}")
    c.p.stdin.flush()
    r = c.read()
    ok(r and r["error"]["code"] == -32700 and r["id"] is None, "invalid JSON: error -32700, id null", r)
    rid = c.request("textDocument/nietsbekends", {})
    r = c.response(rid)
    ok(r and r["error"]["code"] == -32601, "unknown method: error -32601", r)
    # end of input without shutdown
    rc, err = c.finish()
    ok(rc == 1 and err == "", "end of input without shutdown: status 1, no crash, nothing on stderr",
       "%s %s" % (rc, err))
    r = subprocess.run([OVC, "lsp", "extra"], capture_output=True, text=True)
    ok(r.returncode == 2 and "lsp neemt geen argumenten" in r.stderr, "ovc lsp with an argument: usage error", r)


def main():
    tmp = tempfile.mkdtemp(prefix="ovc-lsp-")
    try:
        for offer, enc in ((["utf-32", "utf-8"], "utf-32"), (["utf-8", "utf-16"], "utf-8"), (None, "utf-16")):
            for sub in ("verordening", "op-schijf"):
                shutil.rmtree(os.path.join(tmp, sub), ignore_errors=True)
                shutil.copytree(BASE, os.path.join(tmp, sub))
            session(tmp, offer, enc)
        edges(tmp)
    finally:
        shutil.rmtree(tmp)
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
