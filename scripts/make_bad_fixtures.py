#!/usr/bin/env python3
"""Generate the bad-input fixtures of recoupe-ingest.

Writes into crates/recoupe-ingest/tests/fixtures/ (see the README.md there
for what each file is meant to exercise):

  invalid-utf8.txt    French text (UTF-8) with invalid byte sequences
  binary.bin          PNG signature + pseudo-random bytes with NULs
  binary.txt          same bytes, misleading .txt extension
  empty.txt           0 bytes
  whitespace-only.txt spaces, tabs, LF and CRLF only
  truncated.warc.gz   examples/corpus/warc/sorne.warc.gz cut inside a record
  truncated.txt.gz    gzip of a text article, cut short
  malformed.jsonl     6 lines, 3 good records
  malformed.html      unclosed tags, stray end tags, unterminated <script>
  broken.rss          RSS 2.0 cut in the middle of the second item
  latin1.txt          French article encoded in windows-1252 (with the euro sign)

Output is deterministic (fixed seeds, gzip mtime 0). The text is invented for
recoupe (CC0). Run scripts/make_example_warc.py first if the example WARC
is missing. Uses only the Python standard library.
"""

import gzip
import json
import os
import random
import struct
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "crates", "recoupe-ingest", "tests", "fixtures")
EXAMPLE_WARC = os.path.join(ROOT, "examples", "corpus", "warc", "sorne.warc.gz")


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    assert len(data) < 20 * 1024, name
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print("wrote %-20s %6d bytes" % (name, len(data)))


# --------------------------------------------------------------------------
def invalid_utf8():
    parts = [
        "Sorne : la décrue se confirme à Sornac\n\n".encode("utf-8"),
        "La Sorne a retrouvé son lit jeudi matin, a indiqué la ".encode("utf-8"),
        b"pr\xe9fecture",  # lone Latin-1 byte 0xE9 inside UTF-8 text
        " du Haut-Sornois. Selon Réseau Sornois, 7 500 foyers restaient ".encode("utf-8"),
        "privés d'électricité mercredi soir, contre 12 000 au plus fort de la crise.\n\n".encode("utf-8"),
        "« Le niveau de l'eau a baissé de plus d'un mètre en vingt-quatre heures », a déclaré ".encode("utf-8"),
        b"le capitaine Yannick Morel. Les plongeurs ont repris les recherches \xc3\x28 ",  # C3 then '(' : invalid
        "le long des berges, où huit personnes sont toujours portées disparues.\n\n".encode("utf-8"),
        "D'après la Croix-Rouge, 1 200 bénévoles ont été mobilisés depuis le 3 mars. ".encode("utf-8"),
        b"Le fonds d'urgence atteint 1,5 million d'euros \xf0\x28\x8c\x28 selon le d\xe9partement.\n\n",
        "Les écoles de Sornac rouvriront lundi 17 mars.\n".encode("utf-8"),
        b"Prochaine mise \xe0 jour \xe2\x82",  # truncated 3-byte sequence at EOF (start of the euro sign)
    ]
    return b"".join(parts)


# --------------------------------------------------------------------------
def binary():
    rng = random.Random(20250303)
    ihdr = struct.pack(">IIBBBBB", 64, 64, 8, 6, 0, 0, 0)
    head = (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr
            + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF))
    body = bytearray(rng.getrandbits(8) for _ in range(1024))
    for i in range(0, len(body), 37):  # make sure there are plenty of NULs
        body[i] = 0
    return head + bytes(body)


# --------------------------------------------------------------------------
def gzip_members(data):
    """Start offsets of the gzip members of a multi-member gzip file."""
    offsets, pos = [], 0
    while pos < len(data):
        offsets.append(pos)
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        d.decompress(data[pos:])
        if not d.eof:
            break
        pos = len(data) - len(d.unused_data)
    return offsets


def truncated_warc():
    if not os.path.exists(EXAMPLE_WARC):
        sys.exit("missing %s: run scripts/make_example_warc.py first" % EXAMPLE_WARC)
    data = open(EXAMPLE_WARC, "rb").read()
    offsets = gzip_members(data) + [len(data)]
    # members: 0 warcinfo, 1 request, 2 response (page 1), 3 response (page 2), ...
    # keep 0..2 whole and cut member 3 (second HTML response) in its middle.
    start, end = offsets[3], offsets[4]
    return data[: start + (end - start) // 2]


# --------------------------------------------------------------------------
TRUNCATED_ARTICLE = """Sorne Valley: farmers count the cost as floodwater recedes

By John Miles

Farmers in France's Sorne Valley said on Wednesday that the floods caused by the Rochebrune dam failure had destroyed winter crops across roughly 1,800 hectares, according to the regional chamber of agriculture.

"We lost everything that was in the ground," said Bernard Lacoste, who grows wheat and rapeseed near Charmeil. He said about 300 of his sheep had drowned on the night of March 3.

The chamber estimated losses for the farm sector alone at between 9 million and 12 million euros, a figure not included in the insurers' first estimate of 80 million to 120 million euros published on Monday.

Agriculture ministry officials are due to visit the valley on Friday. A ministry spokeswoman said emergency aid for farmers "could be announced in the coming days", without giving a figure.

Further downstream, in Pont-Ferrand, the local cooperative said its grain silo had been flooded to a height of 2.4 metres, spoiling some 4,000 tonnes of stored wheat. Its director said the cooperative's insurance would cover only part of the loss, and that several members might not be able to sow this spring.

The dam, which had supplied about 30% of the department's electricity, also fed an irrigation channel used by around 70 farms. Energies du Sornois has not said when or whether the channel will be restored.
"""


def truncated_txt_gz():
    full = gzip.compress(TRUNCATED_ARTICLE.encode("utf-8"), compresslevel=9, mtime=0)
    return full[: len(full) * 3 // 5]


# --------------------------------------------------------------------------
def malformed_jsonl():
    good1 = {
        "url": "https://wire.example/fixtures/sorne-bilan-17-morts",
        "title": "Sorne : le bilan s'alourdit à 17 morts",
        "published": "2025-03-05T09:12:00Z",
        "text": "Le bilan de la rupture du barrage de Rochebrune s'est alourdi mercredi à 17 morts, "
                "a annoncé le ministère de l'Intérieur. La Croix-Rouge fait état de 40 disparus.",
    }
    good2 = {
        "url": "https://wire.example/fixtures/sorne-power-cuts",
        "title": "Sorne Valley: 12,000 homes without power",
        "published": "2025-03-05T11:40:00Z",
        "html": "<p>About <b>12,000 homes</b> were without electricity on Wednesday, "
                "grid operator R&eacute;seau Sornois said.</p><p>Crews expect to restore most of them by Friday.</p>",
    }
    good3 = {
        "url": "https://wire.example/fixtures/sorne-bilan-definitif",
        "title": "Sorne : bilan définitif de 23 morts",
        "published": "2025-03-14T17:00:00Z",
        "text": "« Je peux confirmer que 23 personnes ont perdu la vie », a déclaré vendredi "
                "le porte-parole du ministère de l'Intérieur. Six personnes restent portées disparues.",
    }
    no_body = {
        "url": "https://wire.example/fixtures/sorne-no-body",
        "title": "Sorne : une dépêche sans texte",
        "published": "2025-03-06T08:00:00Z",
    }
    lines = [
        json.dumps(good1, ensure_ascii=False),
        json.dumps(good2, ensure_ascii=False),
        '{"url": "https://wire.example/fixtures/broken", "title": "Ligne cassée", "text": "Le préfet a indiqué que 3 000 personnes',
        "[1, 2]",
        json.dumps(no_body, ensure_ascii=False),
        json.dumps(good3, ensure_ascii=False),
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------
MALFORMED_HTML = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Sorne : les routes rouvrent progressivement</title>
<meta property="article:published_time" content="2025-03-12T07:30:00+01:00">
</head>
<body>
<div class="page">
<header><nav><a href="/">Accueil</a> <a href="/vallee/">Vallée</a></nav>
<div class="content">
<h1>Sorne : les routes rouvrent progressivement</h1>
<p>La route départementale entre Montarnel et Val-Mérel a rouvert mercredi matin, a indiqué la préfecture du Haut-Sornois.
<p>Selon le conseil départemental, 14 kilomètres de chaussée restent fermés entre Charmeil et Pont-Ferrand, où le pont a été emporté le 3 mars.
</div></div></div>
<p>Les travaux du pont de Charmeil pourraient coûter <b>6 millions d'euros, d'après une première estimation des services de l'État.
<p>Des cars supplémentaires assureront le transport des 340 élèves des Aubiers <i>jusqu'à la fin du mois.
</span></em>
<table><tr><td>cellule orpheline
<div class="share">PARTAGER:
<script type="text/javascript">
var pub = "<p>Ce texte est dans un script et ne doit pas sortir</p>";
window.onload = function () { document.write("<div class='ad'>
"""


# --------------------------------------------------------------------------
BROKEN_RSS_FULL = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
  <title>Radio Sorne – Actualités</title>
  <link>https://www.radio-sorne.example/</link>
  <description>Fil d'actualité de test</description>
  <language>fr-FR</language>
  <item>
    <title>Sorne : la décrue se confirme</title>
    <link>https://www.radio-sorne.example/2025/03/12/decrue/</link>
    <guid isPermaLink="false">https://www.radio-sorne.example/?p=40001</guid>
    <pubDate>Wed, 12 Mar 2025 08:00:00 +0100</pubDate>
    <description>La Sorne a retrouvé son lit, a indiqué la préfecture. Selon Réseau Sornois, 7 500 foyers restaient privés d'électricité mardi soir.</description>
  </item>
  <item>
    <title>Sornac : 1 900 personnes toujours hébergées</title>
    <link>https://www.radio-sorne.example/2025/03/13/hebergement/</link>
    <guid isPermaLink="false">https://www.radio-sorne.example/?p=40002</guid>
    <pubDate>Thu, 13 Mar 2025 07:15:00 +0100</pubDate>
    <description>D'après le préfet, 1 900 personnes étaient encore hébergées hors de chez elles jeudi matin, dont une centaine au gymnase Jean-Moulin de Montarnel.</description>
  </item>
</channel>
</rss>
"""


def broken_rss():
    cut = BROKEN_RSS_FULL.index("encore hébergées hors")
    return BROKEN_RSS_FULL[:cut]


# --------------------------------------------------------------------------
LATIN1_TEXT = """Sornac : la rentrée des classes fixée au 17 mars

Par la rédaction

Les élèves de Sornac retrouveront leurs écoles lundi 17 mars, a annoncé mercredi la maire, Josiane Favre. Deux établissements du quartier des Aubiers, trop endommagés, resteront fermés jusqu’à la fin de l’année scolaire.

Le conseil départemental a débloqué un fonds d’urgence de 1,5 million d’euros, soit environ 1 500 € par foyer sinistré. « Ça a été très dur pour les enfants, ils ont vu l’eau monter depuis la fenêtre », confie une mère de famille à la sortie du gymnase où sont hébergées près de 900 personnes.

Selon la préfecture, 163 maisons ont été détruites et 412 endommagées. Le cœur de la vallée panse ses plaies — mais à Charmeil, où le pont a été emporté, on évoque déjà une reconstruction à 6 M€.

Là-bas, à deux pas de l’église, un café a rouvert ses portes : « On a tout nettoyé à la main, même le comptoir », raconte son gérant, François.
"""


def latin1():
    return LATIN1_TEXT.encode("cp1252")


# --------------------------------------------------------------------------
def main():
    os.makedirs(OUT, exist_ok=True)
    write("invalid-utf8.txt", invalid_utf8())
    b = binary()
    write("binary.bin", b)
    write("binary.txt", b)
    write("empty.txt", b"")
    write("whitespace-only.txt", b"  \t \n\n   \r\n\t\t\n \n")
    write("truncated.warc.gz", truncated_warc())
    write("truncated.txt.gz", truncated_txt_gz())
    write("malformed.jsonl", malformed_jsonl())
    write("malformed.html", MALFORMED_HTML)
    write("broken.rss", broken_rss())
    write("latin1.txt", latin1())


if __name__ == "__main__":
    main()
