#!/usr/bin/env python3
"""Diagnostics for CI: `ovc check --format=codeclimate` and the SARIF
partialFingerprints (src/cli/diag_ci.h). TAP output.

The fingerprints must follow a finding across commits: lines inserted
above it change its line number, not its fingerprint; two identical
findings in one file get different ones; SARIF and CodeClimate agree.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVC = os.path.abspath(os.environ.get("OVC", os.path.join(ROOT, "build", "ovc")))
BASE = os.path.join(ROOT, "tests", "fixtures", "minimaal")

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


def check(cwd, *args):
    r = subprocess.run([OVC, "check", "verordening", *args], cwd=cwd, capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def main():
    tmp = tempfile.mkdtemp(prefix="ovc-ci-")
    try:
        run(tmp)
    finally:
        shutil.rmtree(tmp)
    print("1..%d" % n)
    return 1 if failed else 0


def run(tmp):
    src = os.path.join(tmp, "verordening")
    shutil.copytree(BASE, src)
    rc, out, err = check(tmp, "--format=codeclimate")
    ok(rc == 0 and out == "[]\n" and err == "", "a clean ordinance: an empty array, status 0", out + err)

    path = os.path.join(src, "2-participatiewet.md")
    text = open(path, encoding="utf-8").read()
    text = text.replace("de artikelen 2.1 en 1.2.", "de artikelen 2.1 en 1.2. Zie artikel 9.9 en artikel 2.1 lid 2. "
                        "Zie ook artikel 9.9.")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    rc, out, err = check(tmp, "--format=codeclimate")
    issues = json.loads(out)
    ok(rc == 1, "errors: status 1", rc)
    want = [
        ("verwijzing-artikel", "artikel 9.9 bestaat niet in deze verordening", ["Bug Risk"], "major"),
        ("verwijzing-stijl", "schrijf ', tweede lid' in plaats van 'lid 2' (Aanwijzing 3.29)", ["Style"], "minor"),
        ("verwijzing-artikel", "artikel 9.9 bestaat niet in deze verordening", ["Bug Risk"], "major"),
    ]
    got = [(i["check_name"], i["description"], i["categories"], i["severity"]) for i in issues]
    ok(got == want, "three issues: rule as check_name, Dutch description, category, severity", got)
    ok(all(i["type"] == "issue" and i["location"] == {"path": "verordening/2-participatiewet.md",
                                                      "lines": {"begin": 13, "end": 13}} for i in issues),
       "each issue: type issue, location path and lines (13)", issues)
    ok(issues[1].get("content") == {"body": "Suggestie: , tweede lid"}, "a fix is shown as content.body", issues[1])
    fps = [i["fingerprint"] for i in issues]
    ok(all(len(f) == 16 and int(f, 16) >= 0 for f in fps) and len(set(fps)) == 3,
       "fingerprints: 16 hex digits, the two identical findings apart", fps)

    rc, out, err = check(tmp, "--format=sarif")
    results = json.loads(out)["runs"][0]["results"]
    ok([r["partialFingerprints"]["ovcFingerprint/v1"] for r in results] == fps,
       "SARIF partialFingerprints equal the CodeClimate fingerprints", results)

    # a later commit: lines inserted above, the text re-indented: same findings
    moved = text.replace("#### Regels\n", "#### Regels\n\nEen nieuwe zin zonder verwijzingen.\n\n")
    moved = moved.replace("de artikelen 2.1 en 1.2.", "de  artikelen 2.1 en 1.2.")
    with open(path, "w", encoding="utf-8") as f:
        f.write(moved)
    rc, out, err = check(tmp, "--format=codeclimate")
    later = json.loads(out)
    ok([i["location"]["lines"]["begin"] for i in later] == [16, 16, 16] and [i["fingerprint"] for i in later] == fps,
       "lines inserted above and spacing changed: new line 16, the same fingerprints",
       [(i["location"], i["fingerprint"]) for i in later])
    # a finding that is fixed disappears; the others keep theirs
    fixed = moved.replace("artikel 2.1 lid 2", "artikel 2.1, tweede lid")
    with open(path, "w", encoding="utf-8") as f:
        f.write(fixed)
    rc, out, err = check(tmp, "--format=codeclimate")
    later = json.loads(out)
    ok(len(later) == 2 and all(i["check_name"] == "verwijzing-artikel" for i in later),
       "the fixed finding is gone", later)

    rc, out, err = check(tmp, "--format=codeclimate", "--werror")
    ok(rc == 1 and [i["severity"] for i in json.loads(out)] == ["major", "major"], "--werror: every issue major", out)
    r = subprocess.run([OVC, "stats", "verordening", "--format=codeclimate"], cwd=tmp, capture_output=True, text=True)
    ok(r.returncode == 2 and "stats kent alleen" in r.stderr, "stats --format=codeclimate: usage error", r.stderr)
    r = subprocess.run([OVC, "check", "verordening", "--format=xml"], cwd=tmp, capture_output=True, text=True)
    ok(r.returncode == 2 and "kies text, json, sarif of codeclimate" in r.stderr, "an unknown format names codeclimate",
       r.stderr)


if __name__ == "__main__":
    sys.exit(main())
