#!/usr/bin/env python3
"""Write a large ordinance in source format v1 for benchmarks.

    scripts/gen-ordinance.py OUTDIR [--words 25000]
    scripts/gen-ordinance.py OUTDIR --articles 100000

With --articles N it writes N short articles instead (Doel and two leden),
each with a #label, a link to the article before it and a reference to an
article number, to measure `ovc check` at scale (make bench).

Deterministic (fixed seed). The text is realistic in shape: four parts,
chapters of 4-8 articles, each article with Doel, 2-4 leden (some with
onderdelen), Voor inwoners and Toelichting, internal and external
references, defined terms. It checks clean with `ovc check`.
"""
import argparse
import os
import random

SENTENCES = [
    "Het college beslist binnen acht weken na ontvangst van de aanvraag over de ondersteuning.",
    "Bij de beoordeling betrekt het college de mogelijkheden van de inwoner en zijn sociaal netwerk.",
    "De inwoner verstrekt het college de gegevens die nodig zijn om het recht vast te stellen.",
    "Een maatwerkvoorziening is passend als zij bijdraagt aan de zelfredzaamheid van de inwoner.",
    "Het college kan nadere regels stellen over de hoogte van het persoonsgebonden budget.",
    "De ondersteuning sluit aan bij de situatie van het huishouden en bij andere hulp.",
    "Het college legt de uitkomst van het gesprek vast in een verslag dat de inwoner ontvangt.",
    "De inwoner kan een cliëntondersteuner vragen om hem gratis te helpen bij het gesprek.",
]
CITIZEN = [
    "U kunt altijd met ons praten over wat u nodig hebt.",
    "Wij kijken samen met u wat u zelf kunt doen.",
    "U krijgt binnen acht weken een brief met ons besluit.",
    "Bent u het niet eens met het besluit? Dan kunt u bezwaar maken.",
]
WETTEN = ["gemeenschappelijk", "participatiewet", "wmo", "jeugdwet"]
FILES = ["1-gemeenschappelijk.md", "2-participatiewet.md", "3-wmo.md", "4-jeugdwet.md"]
GRONDSLAG = {
    "gemeenschappelijk": "artikel 147 van de Gemeentewet",
    "participatiewet": "artikel 8a, eerste lid, van de Participatiewet",
    "wmo": "artikel 2.1.3, tweede lid, onder a, van de Wmo 2015",
    "jeugdwet": "artikel 2.9, onder a, van de Jeugdwet",
}


def words(text):
    return len(text.split())


def write_articles(out, n, rnd):
    """N short articles spread over the four parts, 10 per chapter."""
    for p, (wet, name) in enumerate(zip(WETTEN, FILES), 1):
        lines = ["# Deel %d Deel %d {wet=%s}\n" % (p, p, wet)]
        first, last = n * (p - 1) // 4, n * p // 4
        for i in range(first, last):
            chapter, a = i // 10 + 1, i % 10 + 1
            num = "%d.%d" % (chapter, a)
            if a == 1:
                lines.append("## Hoofdstuk %d Onderwerp %d\n" % (chapter, chapter))
            if i == 0:
                lines.append("### Artikel 1.1 Begrippen {#begrippen type=begrippen thema=wonen}\n")
                lines.append("In deze verordening wordt verstaan onder:\n")
                lines.append("- **college**: het college van burgemeester en wethouders;")
                lines.append("- **inwoner**: een ingezetene van de gemeente.\n")
                continue
            lines.append("### Artikel %s Onderwerp %s {#a%d-%d thema=%s grondslag=\"%s\"}\n"
                         % (num, num, chapter, a, rnd.choice(["wonen", "werk"]), GRONDSLAG[wet]))
            lines.append("#### Doel\n\nDe inwoner krijgt de ondersteuning die past.\n")
            link = ("Zie ook [artikel %d.%d](#a%d-%d)." % (chapter, a - 1, chapter, a - 1)
                    if a > 2 else "Zie ook artikel %d.1." % chapter)
            lines.append("#### Regels\n\n1. %s\n2. Het eerste lid geldt ook voor het college. %s\n"
                         % (rnd.choice(SENTENCES), link))
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description="Write a large ordinance in source format v1 for benchmarks.")
    ap.add_argument("outdir", help="directory to write (created if missing)")
    ap.add_argument("--words", type=int, default=25000, help="words of legal text (default 25000)")
    ap.add_argument("--articles", type=int, default=0,
                    help="write this many short articles instead (see above)")
    args = ap.parse_args()
    out, target = args.outdir, args.words
    rnd = random.Random(42)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "verordening.md"), "w") as f:
        f.write("---\ntitel: Verordening sociaal domein Proefstad 2027\n"
                "citeertitel: Verordening sociaal domein Proefstad 2027\ngemeente: Proefstad\n"
                "gemeentecode: GM0999\nstatus: ontwerp\nversie: \"1.0\"\nvoorstel: 2026-10-13\n"
                "inwerkingtreding: 2027-01-01\n---\n\n## Waarom deze verordening?\n\n"
                + " ".join(SENTENCES) + "\n")
    with open(os.path.join(out, "themas.md"), "w") as f:
        f.write("# Thema's\n\n## Wonen {#wonen}\n\nU wilt thuis wonen.\n\n"
                "## Werk {#werk}\n\nU wilt werken.\n")
    if args.articles:
        write_articles(out, args.articles, rnd)
        return
    total, chapter = 60, 0
    per_part = target // 4
    for p, (wet, name) in enumerate(zip(WETTEN, FILES), 1):
        lines = ["# Deel %d Deel %d {wet=%s}\n" % (p, p, wet)]
        count = 0
        first = True
        while count < per_part:
            chapter += 1
            lines.append("## Hoofdstuk %d Onderwerp %d\n" % (chapter, chapter))
            for a in range(1, rnd.randint(4, 8) + 1):
                num = "%d.%d" % (chapter, a)
                attrs = "thema=%s grondslag=\"%s\"" % (rnd.choice(["wonen", "werk"]), GRONDSLAG[wet])
                if p == 1 and first:
                    lines.append("### Artikel %s Begrippen {#begrippen type=begrippen thema=wonen}\n" % num)
                    lines.append("In deze verordening wordt verstaan onder:\n")
                    lines.append("- **college**: het college van burgemeester en wethouders;")
                    lines.append("- **inwoner**: een ingezetene van de gemeente;")
                    lines.append("- **sociaal netwerk**: de mensen om de inwoner heen.\n")
                    first = False
                    continue
                lines.append("### Artikel %s Onderwerp %s {%s}\n" % (num, num, attrs))
                lines.append("#### Doel\n\nDe inwoner krijgt de ondersteuning die bij zijn situatie past.\n")
                lines.append("#### Regels\n")
                nleden = rnd.randint(2, 4)
                for l in range(1, nleden + 1):
                    text = " ".join(rnd.sample(SENTENCES, 3))
                    if l == 2:
                        text += " Het eerste lid geldt ook voor artikel %s." % (
                            "%d.1" % chapter if a > 1 else num)
                    if l == 3 and rnd.random() < 0.5:
                        lines.append("%d. Het college let daarbij op:" % l)
                        lines.append("   1. de situatie van de inwoner;")
                        lines.append("   2. de hulp uit het sociaal netwerk; en")
                        lines.append("   3. de voorzieningen in de buurt.")
                        count += 25
                        continue
                    lines.append("%d. %s" % (l, text))
                    count += words(text)
                lines.append("")
                lines.append("#### Voor inwoners\n\n" + " ".join(CITIZEN) + "\n")
                lines.append("#### Toelichting\n\n" + " ".join(rnd.sample(SENTENCES, 4))
                             + " Zie ook artikel 2.1.3 van de Wmo 2015.\n")
                count += words(" ".join(CITIZEN)) + 60
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
