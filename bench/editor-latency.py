#!/usr/bin/env python3
"""make bench: the writer's loop on the benchmark ordinance.

  editor-latency.py OVC DIR RUNS

lsp:   didChange → publishDiagnostics for the changed file (`ovc lsp`, the
       whole ordinance compiled from the unsaved text), median of RUNS;
serve: save → reload event, i.e. the HTML editions and leesbaarheid.html
       rebuilt (`ovc serve` on a copy of DIR), median of RUNS.
Prints one line per figure, in milliseconds. Uses 127.0.0.1 only.
"""
import json
import os
import re
import select
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def cpu_ms(pid):
    """User + system CPU time of PID so far, in ms (independent of the machine's load)."""
    f = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) * 1e3 / os.sysconf("SC_CLK_TCK")


def lsp(ovc, d, runs):
    d = os.path.abspath(d)
    name = max((f for f in os.listdir(d) if f.endswith(".md")), key=lambda f: os.path.getsize(os.path.join(d, f)))
    path = os.path.join(d, name)
    uri = "file://" + path
    text = open(path, encoding="utf-8").read()
    p = subprocess.Popen([ovc, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    buf = [b""]

    def send(m):
        b = json.dumps(dict(m, jsonrpc="2.0")).encode()
        p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(b) + b)
        p.stdin.flush()

    def read():
        while True:
            i = buf[0].find(b"\r\n\r\n")
            if i >= 0:
                n = int(re.search(rb"Content-Length: (\d+)", buf[0][:i]).group(1))
                if len(buf[0]) >= i + 4 + n:
                    body, buf[0] = buf[0][i + 4:i + 4 + n], buf[0][i + 4 + n:]
                    return json.loads(body)
            chunk = os.read(p.stdout.fileno(), 1 << 20)
            if not chunk:
                raise SystemExit("ovc lsp stopte")
            buf[0] += chunk

    def published():
        while True:
            m = read()
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]["diagnostics"]

    send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
    read()
    send({"method": "initialized", "params": {}})
    send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
    published()
    times = []
    cpu0 = cpu_ms(p.pid)
    for i in range(runs):
        # every other change breaks a reference at the end of the file
        new = text + ("\nZie artikel 999.%d.\n" % i if i % 2 == 0 else "")
        t0 = time.perf_counter()
        send({"method": "textDocument/didChange", "params": {"textDocument": {"uri": uri, "version": i + 2},
                                                             "contentChanges": [{"text": new}]}})
        diags = published()
        times.append((time.perf_counter() - t0) * 1e3)
        broken = any(x["code"] == "verwijzing-artikel" for x in diags)
        if broken != (i % 2 == 0):
            raise SystemExit("lsp: onverwachte meldingen na wijziging %d" % i)
    cpu = (cpu_ms(p.pid) - cpu0) / runs
    send({"id": 2, "method": "shutdown"})
    send({"method": "exit"})
    p.stdin.close()
    p.wait()
    return statistics.median(times), cpu, len(text.split()), name


def serve(ovc, d, runs):
    tmp = tempfile.mkdtemp(prefix="ovc-bench-serve-")
    try:
        src = os.path.join(tmp, "v")
        shutil.copytree(d, src)
        p = subprocess.Popen([ovc, "serve", src, "-o", os.path.join(tmp, "uit"), "--port", "0"],
                             stderr=subprocess.PIPE)
        log = b""
        while b"Ctrl-C" not in log:
            chunk = os.read(p.stderr.fileno(), 4096)
            if not chunk:
                raise SystemExit("ovc serve stopte: " + log.decode())
            log += chunk
        port = int(re.search(rb"127\.0\.0\.1:(\d+)/", log).group(1))
        name = max((f for f in os.listdir(src) if f.endswith(".md")), key=lambda f: os.path.getsize(os.path.join(src, f)))
        path = os.path.join(src, name)
        text = open(path, encoding="utf-8").read()
        times = []
        cpu0 = cpu_ms(p.pid)
        for i in range(runs):
            gen = i + 1  # builds so far: the first one and one per save
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"GET /__ovc/gebeurtenissen?na=%d HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" % gen)
            got = b""
            while b"retry:" not in got:
                got += s.recv(4096)
            t0 = time.perf_counter()
            with open(path, "w", encoding="utf-8") as f:
                f.write(text + "\nEen zin die bij elke opslag anders is: %d.\n" % i)
            while b"event: herlaad" not in got:
                chunk = s.recv(4096)
                if not chunk:
                    break
                got += chunk
            times.append((time.perf_counter() - t0) * 1e3)
            s.close()
            if b"event: herlaad" not in got:
                raise SystemExit("serve: geen herlaadsignaal")
        cpu = (cpu_ms(p.pid) - cpu0) / runs
        p.send_signal(signal.SIGTERM)
        p.wait(timeout=10)
        return statistics.median(times), cpu
    finally:
        shutil.rmtree(tmp)


def main():
    ovc, d, runs = os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    load = os.getloadavg()[0]
    ms, cpu, words, name = lsp(ovc, d, runs)
    print("bench: lsp didChange → publishDiagnostics (%s, %d woorden in het bestand, hele verordening): "
          "mediaan %.1f ms van %d, CPU %.1f ms per wijziging" % (name, words, ms, runs, cpu))
    ms, cpu = serve(ovc, d, runs)
    print("bench: serve opslaan → HTML-edities en leesbaarheid.html herbouwd (herlaadsignaal): "
          "mediaan %.1f ms van %d, CPU %.1f ms per opslag (twee threads)" % (ms, runs, cpu))
    print("bench: belasting van de machine bij de start: %.1f (%d cores)" % (load, os.cpu_count()))


if __name__ == "__main__":
    main()
