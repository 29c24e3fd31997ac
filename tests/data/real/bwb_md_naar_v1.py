#!/usr/bin/env python3
"""Markup-only conversion of a law from the laws-markdown mirror of the BWB
(github.com/statengeneraal/laws-markdown) into source format v1, opbouw:
vrij. Only markup changes: headings get their level and their title on the
same line, leden and onderdelen become Markdown lists (ovc letters them
again), definition dashes become bullets. Every word stays as it is;
tests/suite-real.sh checks that.

Usage: bwb_md_naar_v1.py SOURCE.md > body.md
"""
import re
import sys


def convert(lines):
    out, i, chapter, section, in_annex = [], 0, False, False, False
    depth_lid = False
    while i < len(lines):
        line = lines[i].rstrip()
        m = re.match(r"^### (Hoofdstuk|§|Bijlage)\s+(\S+)\s*$", line)
        if m:
            # the title is the next "####" line
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            title = ""
            if j < len(lines) and lines[j].startswith("####"):
                title = " " + lines[j][4:].strip()
                i = j
            kind, num = m.group(1), m.group(2)
            if kind == "Hoofdstuk":
                chapter, section, level = True, False, 1
            elif kind == "§":
                section, level = True, 2 if chapter else 1
            else:
                chapter = section = False
                in_annex, level = True, 1
            out.append("#" * level + " %s %s%s" % (kind, num, title))
            out.append("")
            depth_lid = False
            i += 1
            continue
        m = re.match(r"^### Artikel\s+(\S+)\s*$", line)
        if m:
            level = (2 if chapter else 1) + (1 if section else 0)
            out.append("#" * level + " Artikel %s" % m.group(1))
            out.append("")
            depth_lid = False
            i += 1
            continue
        if line.startswith("####") and in_annex:
            out.append("## " + line[4:].strip())
            out.append("")
            i += 1
            continue
        if in_annex:
            out.append(line.strip())
            i += 1
            continue
        m = re.match(r"^(\d+)\.\s+(.*)$", line)
        if m:  # a lid
            out.append("%s. %s" % (m.group(1), m.group(2).strip()))
            depth_lid = True
            i += 1
            continue
        m = re.match(r"^([a-z]{1,2})\.(?:\s+|(?=\*))(.*)$", line)
        if m:  # an onderdeel
            pad = "   " if depth_lid else ""
            out.append("%s1. %s" % (pad, m.group(2).strip()))
            out.append("")
            i += 1
            continue
        m = re.match(r"^(\d+)°\.\s+(.*)$", line)
        if m:  # a sub-onderdeel
            pad = "      " if depth_lid else "   "
            out.append("%s1. %s" % (pad, m.group(2).strip()))
            out.append("")
            i += 1
            continue
        m = re.match(r"^–\s*(.*)$", line)
        if m:  # a definition or a dash item
            out.append("%s- %s" % ("   " if depth_lid else "", m.group(1).strip()))
            i += 1
            continue
        out.append(line.strip())
        i += 1
    text = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.stdout.write(convert(f.read().split("\n")))
