#!/usr/bin/env python3
"""Write a large, valid Akoma Ntoso ordinance in ovc's IR (docs/akn.md) for
measuring the editions' XSLT time.

    scripts/gen-akn.py [--words 25000] > big.akn.xml

It has what the real one has: a generated aanhef, a begrippen article,
parts per law with chapters and articles, each article with Doel, leden,
onderdelen and sub-onderdelen, internal and external references, defined
terms, Voor inwoners with an illustration, a Toelichting, theme and step
tags; the algemene toelichting and the themes as attachments. The words
counted are those of the text (not of the markup); generation stops at the
first article that reaches --words. Deterministic: same words, same file.
"""
import argparse
import sys
from xml.sax.saxutils import escape

WORDS = ("de inwoner kan het college vragen om hulp bij het huishouden of bij "
         "werk en inkomen als dat nodig is voor zelfstandig wonen en meedoen in "
         "de samenleving waarbij het college rekening houdt met wat de inwoner "
         "zelf kan en wat mensen in zijn omgeving kunnen doen").split()
THEMES = ["meedoen", "werk", "geldzorgen", "wonen", "opgroeien", "veilig"]
STEPS = ["melding", "gesprek", "aanvraag", "besluit", "bezwaar"]
LAWS = [("participatiewet", "Participatiewet", "BWBR0015703"),
        ("wmo", "Wmo 2015", "BWBR0035362"),
        ("jeugdwet", "Jeugdwet", "BWBR0034925")]
TERMS = ["college", "inwoner", "maatwerkvoorziening", "algemene voorziening",
         "hulpvraag", "melding", "mantelzorger", "cliëntondersteuning"]
NS = ('xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0" '
      'xmlns:ovc="https://ovc.nl/ns/1"')
BASE = "/akn/nl/act/gm0400/2026/verordening-sociaal-domein"


class Text:
    """Deterministic filler text; counts every word it hands out."""

    def __init__(self):
        self.i = 0
        self.count = 0

    def words(self, n):
        out = [WORDS[(self.i + k) % len(WORDS)] for k in range(n)]
        self.i += n
        self.count += n
        return " ".join(out)


def tid(term):
    return "term-" + term.replace(" ", "-").replace("ë", "")


def ident(name):
    return f"""<identification source="#ovc">
<FRBRWork><FRBRthis value="{BASE}/!{name}"/><FRBRuri value="{BASE}"/><FRBRdate date="2026-10-01" name="voorstel"/><FRBRauthor href="#raad"/><FRBRcountry value="nl"/>{'<FRBRname value="Verordening sociaal domein Den Helder 2027"/>' if name == 'main' else ''}</FRBRWork>
<FRBRExpression><FRBRthis value="{BASE}/nld@2026-10-01/!{name}"/><FRBRuri value="{BASE}/nld@2026-10-01"/><FRBRdate date="2026-10-01" name="versie"/><FRBRauthor href="#raad"/><FRBRlanguage language="nld"/></FRBRExpression>
<FRBRManifestation><FRBRthis value="{BASE}/nld@2026-10-01/!{name}.xml"/><FRBRuri value="{BASE}/nld@2026-10-01.akn"/><FRBRdate date="2026-10-01" name="generatie"/><FRBRauthor href="#ovc"/></FRBRManifestation>
</identification>"""


def article(t, num, prev, law, k):
    eid = f"art_{num}"
    theme = THEMES[k % len(THEMES)]
    tags = [f"#thema-{theme}"]
    if k % 7 == 0:
        tags.append(f"#thema-{THEMES[(k + 2) % len(THEMES)]}")
    if k < len(STEPS):
        tags.append(f"#stap-{STEPS[k]}")
    term = TERMS[k % len(TERMS)]
    x = [f'<article eId="{eid}" refersTo="{" ".join(tags)}" ovc:thema="{theme}" '
         f'ovc:file="{law[0]}.md" ovc:line="{10 + k * 30}" ovc:col="1">',
         f"<num>Artikel {num}</num><heading>{escape(t.words(4).capitalize())}</heading>",
         f'<hcontainer eId="{eid}__hcontainer_doel" name="doel"><content><p>'
         f"{t.words(14)}.</p></content></hcontainer>"]
    for lid in range(1, 4):
        pid = f"{eid}__para_{lid}"
        x.append(f'<paragraph eId="{pid}"><num>{lid}.</num>')
        if lid == 2:
            x.append(f"<intro><p>{t.words(10)}:</p></intro>")
            for c, letter in enumerate("abc"):
                qid = f"{pid}__point_{letter}"
                if letter == "b":
                    x.append(f'<point eId="{qid}"><num>{letter}.</num><intro><p>{t.words(6)}:</p></intro>')
                    for s in (1, 2):
                        x.append(f'<point eId="{qid}__point_{s}"><num>{s}°.</num>'
                                 f"<content><p>{t.words(7)};</p></content></point>")
                    x.append("</point>")
                else:
                    x.append(f'<point eId="{qid}"><num>{letter}.</num><content><p>'
                             f"{t.words(9)};</p></content></point>")
        else:
            ref = (f' zoals bedoeld in <ref href="#{prev}__para_1">artikel {prev[4:]}, eerste lid</ref>'
                   if prev else "")
            x.append(f'<content><p>Het <term refersTo="#{tid(term)}">{escape(term)}</term> '
                     f"{t.words(18)}{ref} en volgens <ref href=\"https://wetten.overheid.nl/jci1.3:c:"
                     f"{law[2]}&amp;artikel={k + 1}\">artikel {k + 1} van de {law[1]}</ref>.</p></content>")
            t.count += 8
        x.append("</paragraph>")
    x.append(f'<hcontainer eId="{eid}__hcontainer_inwoners" name="voorInwoners"><content>'
             f'<p><img src="illustraties/{theme}.svg" alt="{escape(t.words(6))}"/></p>'
             f"<p>{t.words(25)}.</p><p>{t.words(20)}?</p></content></hcontainer>")
    x.append(f'<hcontainer eId="{eid}__hcontainer_toelichting" name="toelichting"><content>'
             f"<p>{t.words(40)}.</p></content></hcontainer>")
    x.append("</article>")
    return "\n".join(x)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=25000)
    a = ap.parse_args()
    t = Text()
    refs = ['<TLCOrganization eId="raad" href="/ontology/organizations/nl/gm0400/raad" showAs="De raad van de gemeente Den Helder"/>',
            '<TLCOrganization eId="ovc" href="/ontology/organizations/ovc" showAs="ovc"/>',
            '<TLCConcept eId="wet-gemeenschappelijk" href="/ontology/concepts/nl/wet/gemeenschappelijk" showAs="Gemeenschappelijk"/>']
    refs += [f'<TLCConcept eId="wet-{w}" href="/ontology/concepts/nl/wet/{w}" showAs="{s}"/>' for w, s, _ in LAWS]
    refs += [f'<TLCConcept eId="thema-{th}" href="/ontology/concepts/nl/gm0400/thema/{th}" showAs="{th}"/>' for th in THEMES]
    refs += [f'<TLCConcept eId="stap-{s}" href="/ontology/concepts/nl/gm0400/stap/{s}" showAs="{s}"/>' for s in STEPS]
    refs += [f'<TLCTerm eId="{tid(x)}" href="/ontology/terms/nl/gm0400/{tid(x)[5:]}" showAs="{x}"/>' for x in TERMS]

    begrippen = ['<article eId="art_1.1" ovc:type="begrippen"><num>Artikel 1.1</num><heading>Begripsbepalingen</heading>',
                 '<paragraph eId="art_1.1__para_1"><intro><p>In deze verordening wordt verstaan onder:</p></intro>']
    for i, x in enumerate(TERMS, 1):
        begrippen.append(f'<point eId="art_1.1__para_1__point_{i}"><content><p><def refersTo="#{tid(x)}">{x}</def>: {t.words(12)};</p></content></point>')
    begrippen.append("</paragraph></article>")

    parts = []
    k = 0
    prev = None
    part_no = 1
    chapter_no = 1
    parts.append(f'<part eId="part_1" refersTo="#wet-gemeenschappelijk" ovc:wet="gemeenschappelijk"><num>Deel 1</num><heading>Gemeenschappelijk</heading>'
                 f'<chapter eId="chp_1"><num>Hoofdstuk 1</num><heading>Algemeen</heading>{"".join(begrippen)}</chapter></part>')
    laws = iter(LAWS * 1000)
    while t.count < a.words:
        law = next(laws)
        part_no += 1
        body = []
        for _c in range(3):
            chapter_no += 1
            arts = []
            for n in range(1, 6):
                num = f"{chapter_no}.{n}"
                arts.append(article(t, num, prev, law, k))
                prev = f"art_{num}"
                k += 1
                if t.count >= a.words:
                    break
            body.append(f'<chapter eId="chp_{chapter_no}"><num>Hoofdstuk {chapter_no}</num>'
                        f"<heading>{t.words(3).capitalize()}</heading>{''.join(arts)}</chapter>")
            if t.count >= a.words:
                break
        parts.append(f'<part eId="part_{part_no}" refersTo="#wet-{law[0]}" ovc:wet="{law[0]}">'
                     f"<num>Deel {part_no}</num><heading>{law[1]}</heading>{''.join(body)}</part>")

    themes = "".join(
        f'<hcontainer eId="thema_{th}" name="thema" refersTo="#thema-{th}"><heading>{th.capitalize()}</heading>'
        f'<content><p><img src="illustraties/thema-{th}.svg" alt="{t.words(5)}"/></p><p>{t.words(15)}.</p></content></hcontainer>'
        for th in THEMES)
    toel = "".join(
        f'<hcontainer eId="toel_{i}" name="sectie"><heading>{t.words(4).capitalize()}</heading>'
        f"<content><p>{t.words(60)}.</p></content></hcontainer>" for i in range(1, 6))

    out = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/gen-akn.py: about {t.count} words. -->
<akomaNtoso {NS}>
<act name="verordening">
<meta>{ident('main')}<references source="#ovc">{''.join(refs)}</references>
<proprietary source="#ovc"><ovc:metadata><ovc:titel>Verordening sociaal domein Den Helder 2027</ovc:titel><ovc:citeertitel>Verordening sociaal domein Den Helder 2027</ovc:citeertitel><ovc:gemeente>Den Helder</ovc:gemeente><ovc:gemeentecode>GM0400</ovc:gemeentecode><ovc:status>ontwerp</ovc:status><ovc:versie>0.9</ovc:versie><ovc:voorstel>2026-10-01</ovc:voorstel><ovc:nummering>hoofdstuk</ovc:nummering></ovc:metadata></proprietary>
</meta>
<preface><p class="titel"><docTitle>Verordening sociaal domein Den Helder 2027</docTitle></p></preface>
<preamble><formula name="aanhef"><p>De raad van de gemeente Den Helder;</p></formula><citations>
<citation><p>gelezen het voorstel van het college van burgemeester en wethouders van 1 oktober 2026;</p></citation>
<citation><p>gelet op artikel 147 van de <ref href="https://wetten.overheid.nl/BWBR0005416">Gemeentewet</ref>;</p></citation>
</citations><formula name="besluit"><p>besluit vast te stellen de volgende verordening:</p></formula></preamble>
<body>{''.join(parts)}</body>
<conclusions><p>Aldus vastgesteld in de openbare vergadering van <date date="2026-12-17" refersTo="#vaststelling">17 december 2026</date>.</p>
<p><signature><role refersTo="#voorzitter">De voorzitter,</role> <person refersTo="#voorzitter-persoon">…</person></signature></p>
<p><signature><role refersTo="#griffier">De griffier,</role> <person refersTo="#griffier-persoon">…</person></signature></p></conclusions>
<attachments>
<attachment eId="att_toelichting"><doc name="toelichting"><meta>{ident('toelichting')}</meta><mainBody>{toel}</mainBody></doc></attachment>
<attachment eId="att_themas"><doc name="themas"><meta>{ident('themas')}</meta><mainBody>{themes}</mainBody></doc></attachment>
</attachments>
</act>
</akomaNtoso>
"""
    sys.stdout.write(out)
    print(f"gen-akn: {t.count} words, {k} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
