#!/usr/bin/env python3
"""Generate the word-frequency lexicons used for glued-word repair.

Writes data/lexicon/fr.tsv.gz and data/lexicon/en.tsv.gz: gzip'd UTF-8 lines
`word<TAB>zipf_times_100`, sorted by descending frequency (ties broken by
code-point order of the word), taken from wordfreq's "large" word lists.

Source: the PyPI package `wordfreq` (code Apache-2.0, data CC-BY-SA 4.0, see
data/lexicon/LICENSE.md). wordfreq ships its frequency data inside the
package, so no network access is needed at run time.

Usage:
    python3 -m venv /tmp/wfvenv && /tmp/wfvenv/bin/pip install wordfreq==3.1.1
    /tmp/wfvenv/bin/python scripts/gen_lexicon.py            # writes data/lexicon/
    /tmp/wfvenv/bin/python scripts/gen_lexicon.py --check    # also prints spot checks

Values: wordfreq stores its lists in centibel bins; bin i (0-based) holds the
words whose frequency is 10**(-i/100), i.e. Zipf = 9 - i/100. We write
900 - i, which is exactly round(zipf * 100) without float rounding.

Filtering: an entry is skipped when it contains a digit (wordfreq has
already "smashed" numbers to 0s, e.g. "0000", "00h00"), contains
whitespace, or contains no letter at all (pure punctuation and symbols,
including emoji, "©", "°"). Entries with apostrophes and dots are kept
("aujourd'hui", "u.s"). wordfreq's tokeniser splits on hyphens and splits
French elisions ("l'invasion" -> "l", "invasion"), so the lists contain
bare elided articles ("l", "d", "qu", "j") and no hyphenated words.

Output is deterministic: gzip with mtime=0 and no file name in the header.
"""

import argparse
import gzip
import importlib.metadata
import io
import os
import sys
import unicodedata

import wordfreq

LANGS = ("fr", "en")
TOP_N = 200_000
WORDLIST = "large"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT_DIR = os.path.join(os.path.dirname(HERE), "data", "lexicon")

CHECKS = {
    "fr": ["russie", "citant", "ukraine", "qui", "poutine", "les", "avec",
           "armée", "ukrainienne", "kremlinologue", "hydroélectrique", "sorne"],
    "en": ["the", "russia", "said", "according"],
}


def keep(word: str) -> bool:
    has_letter = False
    for ch in word:
        if ch.isspace():
            return False
        cat = unicodedata.category(ch)
        if cat == "Nd" or ch.isdigit():
            return False
        if cat.startswith("L"):
            has_letter = True
    return has_letter


def entries(lang: str):
    """Yield (word, zipf*100) in descending frequency, filtered, up to TOP_N."""
    bins = wordfreq.get_frequency_list(lang, WORDLIST)
    n = 0
    seen = set()
    for i, words in enumerate(bins):
        value = 900 - i
        for w in sorted(words):
            if not keep(w) or w in seen:
                continue
            seen.add(w)
            yield w, value
            n += 1
            if n >= TOP_N:
                return


def write(lang: str) -> tuple[str, int, int]:
    rows = list(entries(lang))
    text = "".join(f"{w}\t{v}\n" for w, v in rows).encode("utf-8")
    path = os.path.join(OUT_DIR, f"{lang}.tsv.gz")
    buf = io.BytesIO()
    # filename="" and mtime=0 keep the gzip header byte-identical across runs.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(text)
    with open(path, "wb") as f:
        f.write(buf.getvalue())
    return path, len(rows), len(buf.getvalue())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print spot-check Zipf values")
    args = ap.parse_args()

    os.makedirs(OUT_DIR, exist_ok=True)
    print(f"wordfreq {importlib.metadata.version('wordfreq')} wordlist={WORDLIST} top_n={TOP_N}")
    for lang in LANGS:
        path, n, size = write(lang)
        print(f"{path}: {n} entries, {size} bytes")

    if args.check:
        for lang in LANGS:
            table = {}
            with gzip.open(os.path.join(OUT_DIR, f"{lang}.tsv.gz"), "rt", encoding="utf-8") as f:
                for rank, line in enumerate(f, 1):
                    w, v = line.rstrip("\n").split("\t")
                    table[w] = (int(v), rank)
            for w in CHECKS[lang]:
                v, rank = table.get(w, (None, None))
                zf = wordfreq.zipf_frequency(w, lang, wordlist=WORDLIST)
                print(f"{lang} {w!r}: file={v} rank={rank} wordfreq.zipf_frequency={zf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
