#!/usr/bin/env python3
"""Build the example WARC files of the recoupe corpus.

Writes, relative to the repository root:
  examples/corpus/warc/sorne.warc.gz   (one gzip member per record, warcio's default)
  crates/recoupe-ingest/tests/fixtures/sorne-plain.warc (same records, uncompressed)

Records, in order:
  0. warcinfo
  1. request   GET for page 1
  2. response  page 1 (FR, text/html; charset=utf-8)
  3. response  page 2 (EN, text/html; charset=utf-8)
  4. response  image/png (NOT an article: a reader must skip it)
  5. response  page 3 (FR, text/html; charset=utf-8)

Every WARC-Record-ID and WARC-Date is fixed, so reruns produce byte-identical
files (warcio computes the digests from the content; zlib writes mtime 0 in
the gzip headers).

The article text is invented for recoupe (the Sorne Valley story, see
examples/README.md) and is released under CC0.

Requires: pip install warcio
"""

import io
import os
import struct
import sys
import zlib

try:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
except ImportError:  # pragma: no cover
    sys.exit("warcio is required: pip install warcio")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "examples", "corpus", "warc")


PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{title}","datePublished":"{published}","author":{{"@type":"Person","name":"{author}"}},"inLanguage":"{lang}"}}</script>
</head>
<body>
<header><nav><a href="/">{site}</a> <a href="/region/">{nav1}</a> <a href="/monde/">{nav2}</a> <a href="/abonnement/">{nav3}</a></nav></header>
<div class="cookies">{cookies}</div>
<main>
<article>
<h1>{title}</h1>
<p class="byline">{byline} <time datetime="{published}">{date_label}</time></p>
<div class="share">{share}</div>
{body}
<aside class="related"><h2>{related_label}</h2><ul>{related}</ul></aside>
</article>
</main>
<footer><p>&copy; 2025 {site}</p> <a href="/mentions-legales/">{legal}</a></footer>
</body>
</html>
"""

PAGES = [
    {
        "uri": "https://www.courrier-du-centre.example/region/2025/03/04/temoignages-sornac-grondement.html",
        "date": "2025-03-04T14:20:00Z",
        "record_id": "<urn:uuid:5e1a0c2b-0000-4a6f-9b10-7c0ffee00002>",
        "lang": "fr",
        "site": "Le Courrier du Centre",
        "title": "Témoignages : « On a entendu un grondement vers 22 heures »",
        "author": "Claire Dumas",
        "published": "2025-03-04T13:05:00+01:00",
        "date_label": "Publié le 4 mars 2025 à 13h05",
        "byline": "Par Claire Dumas",
        "nav1": "Région", "nav2": "Monde", "nav3": "S'abonner",
        "cookies": "Ce site utilise des cookies. <button>Accepter</button>",
        "share": "PARTAGER: <a href=\"#\">Facebook</a> <a href=\"#\">X</a>",
        "related_label": "Lire aussi",
        "related": "<li><a href=\"/region/2025/03/04/barrage-rochebrune-12-morts.html\">Rupture du barrage de Rochebrune : au moins 12 morts</a></li>",
        "legal": "Mentions légales",
        "body": """<p>Ils sont une centaine à avoir passé la nuit sur des lits de camp au gymnase Jean-Moulin de Montarnel. Beaucoup n'ont emporté qu'un sac, parfois rien du tout.</p>
<p>« On a entendu un grondement vers 22 heures, puis plus rien, puis l'eau », raconte Gisèle, 72 ans, habitante de Val-Mérel. Son voisin, Karim, affirme avoir vu « une vague de trois ou quatre mètres » remonter la rue principale en quelques secondes.</p>
<p>Selon le ministère de l'Intérieur, au moins 12 personnes ont péri dans la nuit de lundi à mardi. La préfecture a ouvert un numéro vert, le 0 800 12 34 56, pour les familles sans nouvelles de leurs proches.</p>
<p>Les élus locaux pointent déjà l'âge de l'ouvrage. « Ce barrage a plus de soixante ans, on nous disait qu'il était sûr », a affirmé un conseiller municipal de Sornac, qui a requis l'anonymat.</p>
<p>Mardi après-midi, la pluie avait cessé, mais la Sorne restait à un niveau très élevé, a indiqué Météo-France, qui maintenait la vigilance orange jusqu'à mercredi matin.</p>""",
    },
    {
        "uri": "https://www.northern-herald.example/world/2025/mar/09/sorne-valley-volunteers",
        "date": "2025-03-09T19:02:00Z",
        "record_id": "<urn:uuid:5e1a0c2b-0000-4a6f-9b10-7c0ffee00003>",
        "lang": "en",
        "site": "The Northern Herald",
        "title": "Volunteers flock to France’s Sorne Valley as death toll reaches 22",
        "author": "Sarah Whitcombe",
        "published": "2025-03-09T17:30:00+00:00",
        "date_label": "Sun 9 Mar 2025 17.30 GMT",
        "byline": "By Sarah Whitcombe in Sornac",
        "nav1": "UK", "nav2": "World", "nav3": "Subscribe",
        "cookies": "We use cookies. <button>Accept</button>",
        "share": "Share this article <a href=\"#\">Facebook</a> <a href=\"#\">X</a>",
        "related_label": "Related articles",
        "related": "<li><a href=\"/world/2025/mar/06/sorne-valley-dam-survivors-recount\">‘It came like a wall’: survivors recount Sorne Valley dam disaster</a></li>",
        "legal": "Terms and conditions",
        "body": """<p>Hundreds of volunteers poured into the Sorne Valley this weekend, shovelling mud out of homes and shops in Sornac, six days after the Rochebrune dam gave way.</p>
<p>The French Red Cross said 1,200 volunteers had worked in its shelters since the disaster, and an online fundraiser set up by local shopkeepers had collected more than €240,000, its organisers said.</p>
<p>The death toll rose to 22 on Saturday after a man’s body was found near Pont-Ferrand, the Interior Ministry said. Sixteen people remain missing, according to the Red Cross.</p>
<p>“I drove four hours to get here,” said Paul Girard, 29, a student from Lyon who was clearing a bakery on the main street. Around 60 students from his university made the same trip, he said.</p>
<p>Officials have asked volunteers to register in Montarnel before heading into the valley, where about 20 streets remain closed.</p>""",
    },
    {
        "uri": "https://www.sorne-info.example/2025/03/12/enquete-derniere-inspection-barrage-2019/",
        "date": "2025-03-12T08:45:00Z",
        "record_id": "<urn:uuid:5e1a0c2b-0000-4a6f-9b10-7c0ffee00005>",
        "lang": "fr",
        "site": "Sorne Info",
        "title": "Enquête : la dernière inspection complète du barrage remonterait à 2019",
        "author": "Julien Perrot",
        "published": "2025-03-12T09:30:00+01:00",
        "date_label": "12 mars 2025",
        "byline": "Par Julien Perrot",
        "nav1": "Vallée", "nav2": "France", "nav3": "Nous soutenir",
        "cookies": "Nous utilisons des cookies. <button>J'accepte</button>",
        "share": "PARTAGER: <a href=\"#\">Facebook</a> <a href=\"#\">WhatsApp</a>",
        "related_label": "Related News :",
        "related": "<li><a href=\"/2025/03/11/rochebrune-exploitant-defend-dernier-controle/\">Barrage de Rochebrune : l'exploitant défend son dernier contrôle</a></li>",
        "legal": "Mentions légales",
        "body": """<p>La dernière inspection approfondie du barrage de Rochebrune remonterait à 2019, et non à 2023 comme l'affirme son exploitant, d'après des documents consultés par Sorne Info. Le contrôle de 2023 n'aurait été qu'une « visite visuelle » d'une demi-journée.</p>
<p>Énergies du Sornois dément. « Le contrôle de 2023 était complet et conforme à la réglementation », a indiqué mercredi un porte-parole de l'entreprise.</p>
<p>Les enquêteurs, selon une source judiciaire, s'intéressent aussi au déversoir, qui aurait été obstrué à 40 % par des embâcles au moment de la crue. Le parquet de Montarnel a confié l'enquête à deux juges d'instruction.</p>
<p>Plusieurs riverains affirment avoir signalé dès l'automne des branchages accumulés devant l'ouvrage. « On l'a dit à la mairie, on l'a dit à l'exploitant, personne n'a bougé », a déclaré l'un d'eux, joint par téléphone.</p>
<p>Le bilan s'établit à 22 morts et 11 disparus, selon le ministère de l'Intérieur. Les familles des victimes doivent être reçues lundi à la préfecture.</p>""",
    },
]


def tiny_png(width=4, height=3):
    """A small valid PNG (RGB gradient), built by hand so it is deterministic."""
    def chunk(tag, data):
        c = struct.pack(">I", len(data)) + tag + data
        return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    raw = b""
    for y in range(height):
        raw += b"\x00"  # filter type: none
        for x in range(width):
            raw += bytes((x * 60 % 256, y * 80 % 256, 120))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def http_date(iso):
    """'2025-03-04T14:20:00Z' -> 'Tue, 04 Mar 2025 14:20:00 GMT'."""
    import datetime as dt
    d = dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ")
    return d.strftime("%a, %d %b %Y %H:%M:%S GMT")


def build_records(writer, filename):
    records = []

    # 0. warcinfo
    info = (
        "software: recoupe scripts/make_example_warc.py (warcio)\r\n"
        "format: WARC File Format 1.0\r\n"
        "description: Example crawl of the invented Sorne Valley story, written for recoupe. CC0.\r\n"
        "isPartOf: recoupe-example-corpus\r\n"
    ).encode("utf-8")
    info_headers = StatusAndHeaders("", [
        ("WARC-Type", "warcinfo"),
        ("WARC-Record-ID", "<urn:uuid:5e1a0c2b-0000-4a6f-9b10-7c0ffee00000>"),
        ("WARC-Filename", filename),
        ("WARC-Date", "2025-03-12T09:00:00Z"),
        ("Content-Type", "application/warc-fields"),
    ], protocol="WARC/1.0")
    records.append(writer.create_warc_record(
        "", "warcinfo", payload=io.BytesIO(info), length=len(info),
        warc_headers=info_headers))

    for i, page in enumerate(PAGES):
        html = PAGE_TEMPLATE.format(**page).encode("utf-8")
        if i == 0:
            # 1. request record for the first page
            req_headers = StatusAndHeaders("GET /region/2025/03/04/temoignages-sornac-grondement.html HTTP/1.1", [
                ("Host", "www.courrier-du-centre.example"),
                ("User-Agent", "recoupe-example-crawler/0.1"),
                ("Accept", "text/html,application/xhtml+xml"),
                ("Accept-Language", "fr,en;q=0.8"),
            ], is_http_request=True)
            records.append(writer.create_warc_record(
                page["uri"], "request", payload=io.BytesIO(b""), length=0,
                http_headers=req_headers,
                warc_headers_dict={
                    "WARC-Record-ID": "<urn:uuid:5e1a0c2b-0000-4a6f-9b10-7c0ffee00001>",
                    "WARC-Date": page["date"],
                    "WARC-Concurrent-To": page["record_id"],
                }))
        http_headers = StatusAndHeaders("200 OK", [
            ("Date", http_date(page["date"])),
            ("Server", "nginx"),
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(html))),
            ("Cache-Control", "max-age=300"),
        ], protocol="HTTP/1.1")
        records.append(writer.create_warc_record(
            page["uri"], "response", payload=io.BytesIO(html), length=len(html),
            http_headers=http_headers,
            warc_headers_dict={
                "WARC-Record-ID": page["record_id"],
                "WARC-Date": page["date"],
                "WARC-IP-Address": "192.0.2.%d" % (10 + i),
            }))
        if i == 1:
            # 4. a non-HTML response between two articles: must be skipped
            png = tiny_png()
            png_headers = StatusAndHeaders("200 OK", [
                ("Date", "Sun, 09 Mar 2025 19:03:00 GMT"),
                ("Content-Type", "image/png"),
                ("Content-Length", str(len(png))),
            ], protocol="HTTP/1.1")
            records.append(writer.create_warc_record(
                "https://www.northern-herald.example/img/2025/03/09/sornac-bakery.png",
                "response", payload=io.BytesIO(png), length=len(png),
                http_headers=png_headers,
                warc_headers_dict={
                    "WARC-Record-ID": "<urn:uuid:5e1a0c2b-0000-4a6f-9b10-7c0ffee00004>",
                    "WARC-Date": "2025-03-09T19:03:00Z",
                    "WARC-IP-Address": "192.0.2.11",
                }))
    return records


def write(path, gzip):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip, warc_version="1.0")
    for rec in build_records(writer, os.path.basename(path)):
        writer.write_record(rec)
    data = buf.getvalue()
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes)" % (os.path.relpath(path, ROOT), len(data)))


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    write(os.path.join(OUT_DIR, "sorne.warc.gz"), gzip=True)
    # The uncompressed copy is a reader test fixture, not part of the corpus (it would
    # double every article of the example run).
    write(os.path.join(ROOT, "crates", "recoupe-ingest", "tests", "fixtures", "sorne-plain.warc"), gzip=False)


if __name__ == "__main__":
    main()
