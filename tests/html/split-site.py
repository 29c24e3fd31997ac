#!/usr/bin/env python3
"""Split the citizen edition's bundle (<ovc:site>, src/emit/site.h) into its
pages, as ovc build does, for tests that run xsltproc by hand.

    split-site.py BUNDLE DIR   writes DIR/<bestand> for each page and
                               prints the file names, one a line
"""
import re
import sys
import xml.etree.ElementTree as ET

OVC = '{https://ovc.nl/ns/1}'
XHTML = 'http://www.w3.org/1999/xhtml'
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta',
        'source', 'track', 'wbr'}


def html5(text):
    """<br /> stays self-closed; <nav ... /> becomes <nav ...></nav>."""
    def fix(m):
        if m.group(1) in VOID:
            return m.group(0)
        return '<%s%s></%s>' % (m.group(1), m.group(2), m.group(1))
    return re.sub(r'<([a-z0-9]+)([^<>]*?) ?/>', fix, text)


def main():
    bundle, out = sys.argv[1], sys.argv[2]
    ET.register_namespace('', XHTML)
    root = ET.parse(bundle).getroot()
    if root.tag != OVC + 'site':
        sys.exit('split-site: %s is not an <ovc:site>' % bundle)
    for page in root.findall(OVC + 'pagina'):
        name = page.get('bestand')
        html = page[0]
        text = ET.tostring(html, encoding='unicode', short_empty_elements=True)
        with open('%s/%s' % (out, name), 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html SYSTEM "about:legacy-compat">\n' + html5(text) + '\n')
        print(name)


if __name__ == '__main__':
    main()
