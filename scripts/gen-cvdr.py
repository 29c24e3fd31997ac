#!/usr/bin/env python3
"""A CVDR XML regulation of N articles (default 40), each with two leden,
onderdelen a-c and an amount, for `make bench` (ovc import). Deterministic.
Usage: gen-cvdr.py [N] > regeling.xml"""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
arts = []
for i in range(1, n + 1):
    arts.append(
        f'<artikel><kop><label>Artikel</label><nr>{i}</nr><titel>Onderwerp {i}</titel></kop>'
        f'<lid><lidnr>1.</lidnr><al>Het college beslist binnen acht weken na ontvangst van de aanvraag '
        f'als bedoeld in artikel {max(1, i - 1)} over:</al><lijst>'
        f'<li><li.nr>a.</li.nr><al>de hoogte van de bijdrage;</al></li>'
        f'<li><li.nr>b.</li.nr><al>de duur van de voorziening; en</al></li>'
        f'<li><li.nr>c.</li.nr><al>de voorwaarden die het stelt.</al></li></lijst></lid>'
        f'<lid><lidnr>2.</lidnr><al>De bijdrage bedraagt ten hoogste € {i * 125},00 per maand voor '
        f'een inwoner van 18 jaar of ouder.</al></lid></artikel>')
print('<?xml version="1.0" encoding="utf-8"?>'
      '<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/">'
      '<meta><owmskern><dcterms:identifier>bench</dcterms:identifier>'
      '<dcterms:title>Verordening voor de meting</dcterms:title><dcterms:creator>Proefdorp</dcterms:creator>'
      '</owmskern></meta><body><regeling><regeling-tekst><hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr>'
      '<titel>Alles</titel></kop>' + ''.join(arts) + '</hoofdstuk></regeling-tekst></regeling></body></cvdr>')
