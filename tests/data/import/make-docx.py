#!/usr/bin/env python3
"""Write diemen-afstemming-2015.docx: articles 7 and 9 of the real
Afstemmingsverordening Participatiewet, IOAW en IOAZ Diemen 2015
(https://lokaleregelgeving.overheid.nl/CVDR345917/1), word for word, as a
Word document whose leden, onderdelen and sub-onderdelen are Word's
automatic numbering (numbering.xml), the way writers keep them.

No .docx of a municipal regulation was available in the stored public
sources, so this one is built from the real text; see SOURCES.md.
Deterministic: fixed zip timestamps. Usage: make-docx.py OUT.docx"""
import sys
import zipfile
from xml.sax.saxutils import escape

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

TITLE = 'Afstemmingsverordening Participatiewet, IOAW en IOAZ Diemen 2015'
# (style or None, numId or None, ilvl, text)
PARAS = [
    ('Title', None, 0, TITLE),
    ('Heading2', None, 0, 'Artikel 7 Gedragingen Participatiewet'),
    (None, None, 0, 'Gedragingen van een belanghebbende waardoor de verplichting op grond van '
     'artikel 9, eerste lid, van de Participatiewet niet of onvoldoende is nagekomen worden '
     'onderscheiden in de volgende categorieën:'),
    (None, 2, 0, 'eerste categorie: het zich niet tijdig laten registreren als werkzoekende bij '
     'het Uitvoeringsinstituut werknemersverzekeringen;'),
    (None, 2, 0, 'tweede categorie:'),
    (None, 2, 1, 'het niet of onvoldoende meewerken aan het opstellen, uitvoeren en evalueren van '
     'een plan van aanpak als bedoeld in artikel 44a van de Participatiewet;'),
    (None, 2, 1, 'het niet binnen vier weken na melding als bedoeld in artikel 43, vierde en '
     'vijfde lid, van de Participatiewet voldoende meewerken aan het onderzoek naar de '
     'mogelijkheden tot arbeidsinschakeling of sociale activering als dit een persoon jonger '
     'dan 27 jaar betreft;'),
    (None, 2, 1, 'het als alleenstaande ouder niet naar vermogen trachten arbeid in deeltijd te '
     'verkrijgen;'),
    (None, 2, 1, 'het niet of onvoldoende verrichten van de door het college opgedragen '
     'tegenprestatie als bedoeld in artikel 9, eerste lid, onderdeel c, van de Participatiewet;'),
    (None, 2, 0, 'derde categorie: het niet naar vermogen proberen algemeen geaccepteerde arbeid '
     'te verkrijgen.'),
    ('Heading2', None, 0, 'Artikel 9 Hoogte en duur van de verlaging'),
    (None, 1, 0, 'De verlaging bij gedragingen als bedoeld in de artikelen 7 en 8 bedraagt:'),
    (None, 1, 1, 'eerste categorie: 5 procent van de bijstandsnorm gedurende 1 maand;'),
    (None, 1, 1, 'tweede categorie: 30 procent van de bijstandsnorm gedurende 1 maand;'),
    (None, 1, 1, 'derde categorie: 100 procent van de bijstandsnorm gedurende 1 maand.'),
    (None, 1, 0, 'Het college kan de verlaging afwijkend vaststellen, met een minimum van 5% en '
     'een maximum van 100% van de bijstandsnorm, als de ernst van de gedraging, de mate van '
     'verwijtbaarheid of de individuele omstandigheden van de belanghebbende daartoe aanleiding '
     'geven.'),
]


def para(style, num, ilvl, text):
    ppr = ''
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    ppr = f'<w:pPr>{ppr}</w:pPr>' if ppr else ''
    # split the text over two runs, as Word does after an edit
    half = len(text) // 2
    cut = text.rfind(' ', 0, half) + 1 or half
    runs = ''.join(f'<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r>'
                   for t in (text[:cut], text[cut:]) if t)
    return f'<w:p>{ppr}{runs}</w:p>'


def level(ilvl, fmt, text, start=1):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


NUMBERING = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             f'<w:numbering xmlns:w="{W}">'
             '<w:abstractNum w:abstractNumId="0">' + level(0, 'decimal', '%1.') +
             level(1, 'lowerLetter', '%2.') + level(2, 'decimal', '%3°') + '</w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1">' + level(0, 'lowerLetter', '%1.') +
             level(1, 'decimal', '%2.') + '</w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
             '</w:numbering>')

STYLES = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}">'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
          '</w:styles>')

DOCUMENT = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
            '<w:body>' + ''.join(para(*p) for p in PARAS) + '</w:body></w:document>')

CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
DOCRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
           '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
           '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
           '</Relationships>')

with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    for name, data in [('[Content_Types].xml', CT), ('_rels/.rels', RELS),
                       ('word/_rels/document.xml.rels', DOCRELS), ('word/document.xml', DOCUMENT),
                       ('word/numbering.xml', NUMBERING), ('word/styles.xml', STYLES)]:
        info = zipfile.ZipInfo(name, date_time=(2015, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, data.encode('utf-8'))
