#!/usr/bin/env python3
"""The PDF/A-2a and PDF/UA-1 clauses that ovc implements, checked by machine.

No PDF/A validator is packaged in Debian, so this reads the file through
`qpdf --json=2` (objects as the last incremental update leaves them, streams
decoded) and checks each clause docs/pdfa.md lists. Usage:

    python3 tests/pdfa-check.py FILE.pdf [--expect-fail CLAUSE,...]

Prints one line per clause, "ok CLAUSE - text" or "FOUT CLAUSE - text: why",
and exits 1 when a clause fails. With --expect-fail the exit status is 0
exactly when the failing clauses are the given ones (tests/suite-pdfa.sh
checks that the checker catches cairo's bare output).
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STANDARD = set('''Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note
Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'''.split())
NS = {'rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
      'dc': 'http://purl.org/dc/elements/1.1/',
      'xmp': 'http://ns.adobe.com/xap/1.0/',
      'pdf': 'http://ns.adobe.com/pdf/1.3/',
      'pdfaid': 'http://www.aiim.org/pdfa/ns/id/',
      'pdfuaid': 'http://www.aiim.org/pdfua/ns/id/',
      'pdfaSchema': 'http://www.aiim.org/pdfa/ns/schema#'}


def load(path):
    out = subprocess.run(['qpdf', '--json=2', '--json-stream-data=inline',
                          '--decode-level=generalized', path],
                         capture_output=True, check=True).stdout
    objs = {}
    for k, v in json.loads(out)['qpdf'][1].items():
        if k.startswith('obj:'):
            objs[k[4:]] = v
        elif k == 'trailer':
            objs['trailer'] = v
    return objs


class Doc:
    def __init__(self, path):
        self.raw = open(path, 'rb').read()
        self.o = load(path)

    def val(self, ref):
        """The value of REF ('N 0 R'), or REF itself when it is direct."""
        if isinstance(ref, str) and re.fullmatch(r'\d+ \d+ R', ref):
            v = self.o.get(ref, {})
            return v.get('value', v.get('stream', {}).get('dict'))
        return ref

    def stream(self, ref):
        s = self.o.get(ref, {}).get('stream')
        return (s['dict'], base64.b64decode(s.get('data', ''))) if s else (None, b'')

    def all_dicts(self):
        for k, v in self.o.items():
            if k == 'trailer':
                continue
            d = v.get('value', v.get('stream', {}).get('dict'))
            if isinstance(d, dict):
                yield k, d, 'stream' in v


def text(s):
    """A PDF string from qpdf's JSON ("u:…" or "b:…") as text."""
    if isinstance(s, str) and s.startswith('u:'):
        return s[2:]
    if isinstance(s, str) and s.startswith('b:'):
        b = bytes.fromhex(s[2:])
        return b[2:].decode('utf-16-be') if b[:2] == b'\xfe\xff' else b.decode('latin-1')
    return s


# ------------------------------------------------------------ content streams

TOKEN = re.compile(rb'\s*(?:(%[^\r\n]*)|(\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))|(<<|>>|\[|\]|\{|\})'
                   rb'|(<[0-9A-Fa-f\s]*>)|(/[^\s/\[\]()<>{}%]*)|([^\s/\[\]()<>{}%]+))', re.S)
PAINT = {b'Tj', b'TJ', b"'", b'"', b'f', b'F', b'f*', b'S', b's', b'B', b'B*', b'b', b'b*', b'Do', b'sh'}


def content_ops(data):
    """(operator, operands) of a content stream."""
    ops, pos = [], 0
    args = []
    while pos < len(data):
        m = TOKEN.match(data, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        if m.group(1):
            continue
        tok = m.group(6)
        if tok is not None and not re.fullmatch(rb'[-+.0-9]+|true|false|null', tok):
            ops.append((tok, args))
            args = []
        else:
            args.append(m.group(0).strip())
    return ops


def untagged_paint(data):
    """How many painting operators lie outside every marked-content sequence."""
    depth, bad = 0, 0
    for op, _ in content_ops(data):
        if op in (b'BDC', b'BMC'):
            depth += 1
        elif op == b'EMC':
            depth -= 1
        elif op in PAINT and depth == 0:
            bad += 1
    return bad


# ------------------------------------------------------------------- clauses

def check(path):
    d = Doc(path)
    res = []

    def clause(cid, what, why):
        res.append((cid, what, why))

    trailer = d.o['trailer']['value']
    cat = d.val(trailer['/Root'])
    info = d.val(trailer.get('/Info')) or {}
    pages = [d.val(k) for k in d.val(cat['/Pages'])['/Kids']]

    # PDF/A-2 6.1.2: header and binary comment
    m = re.match(rb'%PDF-1\.[0-7]\r?\n%(....)', d.raw)
    clause('PDF/A-2 6.1.2', 'kop %PDF-1.n en binair commentaar',
           '' if m and all(b >= 128 for b in m.group(1)) else 'ontbreekt')
    # 6.1.3: trailer /ID, no encryption
    clause('PDF/A-2 6.1.3', 'trailer met /ID, geen /Encrypt',
           '' if '/ID' in trailer and '/Encrypt' not in trailer else 'geen /ID of wel /Encrypt')
    # 6.1.7: no external streams
    ext = [k for k, dd, s in d.all_dicts() if s and ({'/F', '/FFilter', '/FDecodeParms'} & set(dd))]
    clause('PDF/A-2 6.1.7', 'geen externe stream-data', ', '.join(ext[:3]))
    # 6.2.2/6.2.3: OutputIntent with an RGB ICC profile
    why = 'geen /OutputIntents'
    for oi in [d.val(x) for x in d.val(cat.get('/OutputIntents', [])) or []]:
        if oi.get('/S') != '/GTS_PDFA1':
            why = 'OutputIntent zonder /S /GTS_PDFA1'
            continue
        sd, icc = d.stream(oi.get('/DestOutputProfile', ''))
        why = ('' if sd and sd.get('/N') == 3 and icc[16:20] == b'RGB ' and icc[12:16] in (b'mntr', b'prtr')
               else 'DestOutputProfile is geen RGB-ICC-profiel met /N 3')
    clause('PDF/A-2 6.2.3', 'OutputIntent GTS_PDFA1 met sRGB-ICC-profiel', why)
    # 6.2.11.4: fonts embedded; 6.2.11.7.2 (level A): ToUnicode
    fonts = [dd for _, dd, _ in d.all_dicts() if dd.get('/Type') == '/Font']
    noemb, nouni = [], []
    for f in fonts:
        if f.get('/Subtype') in ('/Type0',):
            desc = d.val(d.val(f['/DescendantFonts'])[0]).get('/FontDescriptor')
        elif f.get('/Subtype') == '/Type3':
            desc = None
        else:
            desc = f.get('/FontDescriptor')
        if f.get('/Subtype') not in ('/Type3', '/CIDFontType0', '/CIDFontType2'):
            if desc is None and f.get('/Subtype') != '/Type3' or \
               (desc and not ({'/FontFile', '/FontFile2', '/FontFile3'} & set(d.val(desc)))):
                noemb.append(f.get('/BaseFont'))
            if '/ToUnicode' not in f:
                nouni.append(f.get('/BaseFont', f.get('/Subtype')))
    clause('PDF/A-2 6.2.11.4', 'elk font ingebed (%d fonts)' % len(fonts), ', '.join(map(str, noemb[:3])))
    clause('PDF/A-2 6.2.11.7.2', 'elk font met /ToUnicode', ', '.join(map(str, nouni[:3])))
    # 6.3.2: annotations printed, not hidden
    annots = [d.val(a) for p in pages for a in (d.val(p.get('/Annots', [])) or [])]
    badf = [a.get('/Subtype') for a in annots if not (a.get('/F', 0) & 4) or (a.get('/F', 0) & (1 | 2 | 32))]
    clause('PDF/A-2 6.3.2', 'annotaties met /F afdrukken (%d)' % len(annots), '%d zonder' % len(badf) if badf else '')
    # 6.1.? no JavaScript, no additional actions in the catalog
    js = [k for k, dd, _ in d.all_dicts() if dd.get('/S') == '/JavaScript'] + (['/AA'] if '/AA' in cat else [])
    clause('PDF/A-2 6.6.1', 'geen JavaScript of /AA', ', '.join(js[:3]))
    # 6.6.2: XMP metadata with pdfaid; 6.6.2.3.1 extension schema for pdfuaid
    xmp = None
    if '/Metadata' in cat:
        sd, data = d.stream(cat['/Metadata'])
        try:
            xmp = ET.fromstring(data.decode('utf-8').split('?>', 1)[1].rsplit('<?xpacket', 1)[0])
        except (ET.ParseError, IndexError, UnicodeDecodeError) as e:
            xmp = None
    def xv(path):
        n = xmp.find('.//' + path, NS) if xmp is not None else None
        return n.text if n is not None else None
    clause('PDF/A-2 6.6.2.1', 'XMP-metadata in de Catalog', '' if xmp is not None else 'ontbreekt of geen XML')
    clause('PDF/A-2 6.6.4', 'pdfaid:part 2, conformance A',
           '' if (xv('pdfaid:part'), xv('pdfaid:conformance')) == ('2', 'A') else 'ontbreekt')
    ext_ns = [n.text for n in xmp.iter('{%s}namespaceURI' % NS['pdfaSchema'])] if xmp is not None else []
    clause('PDF/A-2 6.6.2.3.1', 'extensieschema voor pdfuaid', '' if NS['pdfuaid'] in ext_ns else 'ontbreekt')
    # 6.6.3: Info and XMP say the same
    pairs = [('/Title', 'dc:title/rdf:Alt/rdf:li'), ('/Author', 'dc:creator/rdf:Seq/rdf:li'),
             ('/Subject', 'dc:description/rdf:Alt/rdf:li'), ('/Keywords', 'pdf:Keywords'),
             ('/Producer', 'pdf:Producer'), ('/Creator', 'xmp:CreatorTool')]
    diff = [k for k, x in pairs if k in info and text(info[k]) != xv(x)]
    cd = re.sub(r'\D', '', text(info.get('/CreationDate', '')) or '')
    if cd[:14] != re.sub(r'\D', '', xv('xmp:CreateDate') or '')[:14]:
        diff.append('/CreationDate')
    clause('PDF/A-2 6.6.3', 'Info gelijk aan XMP', ', '.join(diff))
    # 6.7.2/6.7.3 (level A): marked, structure tree, language
    clause('PDF/A-2 6.7.2.2', 'MarkInfo /Marked true en StructTreeRoot',
           '' if (cat.get('/MarkInfo') or {}).get('/Marked') is True and '/StructTreeRoot' in cat else 'ontbreekt')
    clause('PDF/A-2 6.7.3.3', 'natuurlijke taal /Lang in de Catalog', '' if '/Lang' in cat else 'ontbreekt')

    # PDF/UA-1, Matterhorn failure conditions a machine can test
    bad_pages = []
    actual = 0
    for i, p in enumerate(pages):
        refs = p['/Contents'] if isinstance(p['/Contents'], list) else [p['/Contents']]
        data = b'\n'.join(d.stream(r)[1] for r in refs)
        if untagged_paint(data):
            bad_pages.append(i + 1)
        actual += len(re.findall(rb'/ActualText\s*(?:\(\)|\(\xc2\xad\)|<FEFF00AD>|<feff00ad>|<>)', data))
    clause('PDF/UA-1 7.1 (Matterhorn 01-005)', 'alle inhoud getagd of Artifact',
           'pagina %s' % bad_pages[:5] if bad_pages else '')
    clause('PDF/UA-1 7.2 (Matterhorn 01-004/06-001)', 'geen ongebruikte /ActualText (leeg of zacht afbreekstreepje)',
           '%d' % actual if actual else '')
    clause('PDF/UA-1 5 (Matterhorn 06-002)', 'XMP pdfuaid:part 1', '' if xv('pdfuaid:part') == '1' else 'ontbreekt')
    clause('PDF/UA-1 7.1 (Matterhorn 06-003/06-004)', 'dc:title in XMP',
           '' if xv('dc:title/rdf:Alt/rdf:li') else 'ontbreekt')
    clause('PDF/UA-1 7.1 (Matterhorn 07-001)', 'DisplayDocTitle true',
           '' if (cat.get('/ViewerPreferences') or {}).get('/DisplayDocTitle') is True else 'ontbreekt')
    # structure: standard types, headings in order, figures with /Alt
    elems = [dd for _, dd, _ in d.all_dicts() if dd.get('/Type') == '/StructElem']
    rolemap = d.val(d.val(cat['/StructTreeRoot']).get('/RoleMap', {})) if '/StructTreeRoot' in cat else {}
    nonstd = sorted({e['/S'][1:] for e in elems if e['/S'][1:] not in STANDARD and e['/S'] not in (rolemap or {})})
    clause('PDF/UA-1 7.1 (Matterhorn 02-001)', 'alleen standaardstructuurtypen', ', '.join(nonstd))
    figs = [e for e in elems if e.get('/S') == '/Figure' and not text(e.get('/Alt', ''))]
    clause('PDF/UA-1 7.3 (Matterhorn 13-004)', 'elke Figure met /Alt', '%d zonder' % len(figs) if figs else '')
    heads = [int(e['/S'][2]) for e in elems if re.fullmatch(r'/H[1-6]', e.get('/S', ''))]
    skip = [(a, b) for a, b in zip([0] + heads, heads) if b > a + 1]
    clause('PDF/UA-1 7.4.2 (Matterhorn 14-002/14-003)', 'koppen beginnen bij H1 en slaan geen niveau over (%d)' % len(heads),
           '%s' % skip[:3] if skip else '')
    notabs = [i + 1 for i, p in enumerate(pages) if p.get('/Annots') and p.get('/Tabs') != '/S']
    clause('PDF/UA-1 7.18.3 (Matterhorn 28-008)', "pagina's met annotaties hebben /Tabs /S",
           'pagina %s' % notabs[:5] if notabs else '')
    links = [a for a in annots if a.get('/Subtype') == '/Link']
    noc = [a for a in links if not text(a.get('/Contents', ''))]
    clause('PDF/UA-1 7.18.5 (Matterhorn 28-012)', 'elke link met /Contents (%d links)' % len(links),
           '%d zonder' % len(noc) if noc else '')
    nosp = [a for a in annots if '/StructParent' not in a]
    clause('PDF/UA-1 7.18.1 (Matterhorn 28-002)', 'elke annotatie in de structuur (/StructParent)',
           '%d zonder' % len(nosp) if nosp else '')
    return res


def main():
    args = sys.argv[1:]
    expect = None
    if '--expect-fail' in args:
        i = args.index('--expect-fail')
        expect = set(x for x in args[i + 1].split(',') if x)
        del args[i:i + 2]
    failed = set()
    for cid, what, why in check(args[0]):
        if why:
            failed.add(cid)
            print('FOUT %s - %s: %s' % (cid, what, why))
        else:
            print('ok %s - %s' % (cid, what))
    if expect is not None:
        print('verwacht fout: %s' % ', '.join(sorted(expect)))
        return 0 if failed == expect else 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
