#!/usr/bin/env python3
"""Validate the hand-annotated test corpus beside this file.

Usage: check.py [--show] [--gold gold.json]

Checks that every gold document has its text in fr/ or en/ (and the reverse),
that every anchor occurs exactly once in its text and inside one sentence,
that values, counted nouns and modality labels are well formed, that every
entity alias occurs (as a whole word) in some text, and warns when a
counted/source/actor/location form cannot be found in the document.
Prints, per language, the number of claims and of sentences that hold them,
and the number of distractor sentences (sentences with a number but no claim).
--show prints every sentence with the claims anchored in it.
Exit status 1 when an error is found. Standard library only.
"""
import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
QUOTES = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"'}
MODALITIES = {"asserted", "hedged", "denied"}
CLAIM_KEYS = {"anchor", "accept", "counted", "actor", "source", "modality", "location", "when", "optional"}
REQUIRED_KEYS = {"anchor", "accept", "counted", "actor", "source", "modality", "location"}

NUMBER_WORDS = {
    "fr": r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|"
          r"quarante|cinquante|soixante|cent|cents|mille|dizaines?|vingtaines?|trentaines?|centaines?|milliers?|"
          r"millions?|milliards?|deuxième|troisième|quatrième",
    "en": r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|"
          r"thousands?|dozens?|millions?|billions?|tens|second|third|fourth",
}


def squash(s):
    """Same normalisation as score.py: case-folded, accent-free, quote-normalised, no white space."""
    s = unicodedata.normalize("NFKC", s or "")
    s = "".join(QUOTES.get(c, c) for c in s)
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return "".join(s.split()).casefold()


def words(s):
    """Same as score.py: accent-free lower-case words, a final s/x dropped from words longer than 3 letters."""
    s = unicodedata.normalize("NFKC", s or "")
    s = "".join(QUOTES.get(c, c) for c in s)
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").casefold()
    out = []
    for w in "".join(c if c.isalnum() or c == "-" else " " for c in s).split():
        for suffix in ("s", "x"):
            if len(w) > 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.append(w)
    return out


SENT_END = re.compile(r"(?<=[.!?])[\"\u201d\u00bb]?\s+(?=[\"\u201c\u00ab\u2018A-ZÀ-ÖØ-ÞĀ-Ž0-9])")


def sentences(text):
    """(start, end) of each sentence: the title line, then paragraphs split after . ! ? before a capital."""
    out = []
    pos = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            start = pos + (len(block) - len(block.lstrip()))
            body = block.strip()
            s0 = 0
            for m in SENT_END.finditer(body):
                out.append((start + s0, start + m.start()))
                s0 = m.end()
            out.append((start + s0, start + len(body)))
        pos += len(block)
    # the first line is the title even if the splitter saw no break
    return out


def has_number(s, lang):
    return bool(re.search(r"\d", s)) or bool(re.search(r"\b(" + NUMBER_WORDS[lang] + r")\b", s, re.I))


def load_texts():
    texts = {}
    errors = []
    for lang in ("fr", "en"):
        d = os.path.join(HERE, lang)
        if not os.path.isdir(d):
            errors.append(f"missing folder {d}")
            continue
        for name in sorted(os.listdir(d)):
            if not name.endswith(".txt"):
                continue
            if name in texts:
                errors.append(f"file name {name} is used in both fr/ and en/")
            with open(os.path.join(d, name), encoding="utf-8") as f:
                texts[name] = (lang, f.read())
    return texts, errors


def check_value(v):
    if not isinstance(v, dict) or not v or set(v) - {"exact", "min", "max"}:
        return False
    if "exact" in v and len(v) != 1:
        return False
    if not all(isinstance(x, (int, float)) and x >= 0 for x in v.values()):
        return False
    if "min" in v and "max" in v and v["min"] >= v["max"]:
        return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(HERE, "gold.json"))
    ap.add_argument("--show", action="store_true", help="print every sentence with its claims")
    a = ap.parse_args()
    with open(a.gold, encoding="utf-8") as f:
        gold = json.load(f)
    texts, errors = load_texts()
    warnings = []

    for key in ("about", "docs", "entities"):
        if key not in gold:
            errors.append(f"gold has no '{key}'")
    for name in texts:
        if name not in gold["docs"]:
            errors.append(f"{name}: text without gold annotation")

    stats = {lang: {"docs": 0, "claims": 0, "optional": 0, "claim_sents": 0, "distractors": 0, "sents": 0,
                    "number_sents": 0} for lang in ("fr", "en")}
    for name, doc in gold["docs"].items():
        if name not in texts:
            errors.append(f"{name}: no such file in fr/ or en/")
            continue
        lang, text = texts[name]
        if doc.get("language") != lang:
            errors.append(f"{name}: language {doc.get('language')!r} but file is in {lang}/")
        lines = text.split("\n")
        if len(lines) < 3 or not lines[0].strip() or lines[1].strip():
            errors.append(f"{name}: expected a title line then a blank line")
        sents = sentences(text)
        stext = squash(text)
        sent_claims = {i: [] for i in range(len(sents))}
        for c in doc.get("claims", []):
            anchor = c.get("anchor", "")
            tag = f"{name}: {anchor!r}"
            missing = REQUIRED_KEYS - set(c)
            if missing:
                errors.append(f"{tag}: missing keys {sorted(missing)}")
            extra = set(c) - CLAIM_KEYS
            if extra:
                errors.append(f"{tag}: unknown keys {sorted(extra)}")
            n = text.count(anchor)
            if n != 1:
                errors.append(f"{tag}: anchor occurs {n} times in the text")
                continue
            if stext.count(squash(anchor)) != 1:
                errors.append(f"{tag}: anchor is not unique once normalised")
            start = text.index(anchor)
            end = start + len(anchor)
            idx = [i for i, (s, e) in enumerate(sents) if s <= start and end <= e]
            if not idx:
                errors.append(f"{tag}: anchor crosses a sentence boundary")
                continue
            s, e = sents[idx[0]]
            sentence = text[s:e]
            sent_claims[idx[0]].append(c)
            acc = c.get("accept")
            if not isinstance(acc, list) or not acc or not all(check_value(v) for v in acc):
                errors.append(f"{tag}: bad accept {acc!r}")
            counted = c.get("counted")
            if not isinstance(counted, list) or not counted:
                errors.append(f"{tag}: counted must be a non-empty list")
            else:
                for form in counted:
                    if form != form.lower() or squash(form) != "".join(form.split()):
                        errors.append(f"{tag}: counted form {form!r} is not lower case without accents")
                sw = set(words(sentence))
                if not any(set(words(form)) & sw for form in counted):
                    warnings.append(f"{tag}: no counted noun {counted} in the sentence (implied noun?)")
            mod = c.get("modality")
            if not isinstance(mod, list) or not mod or set(mod) - MODALITIES:
                errors.append(f"{tag}: bad modality {mod!r}")
            for field in ("actor", "source", "location"):
                forms = c.get(field)
                if forms is None:
                    continue
                if not isinstance(forms, list) or not forms or not all(isinstance(x, str) and x for x in forms):
                    errors.append(f"{tag}: {field} must be null or a non-empty list of strings")
                    continue
                for form in forms:
                    if squash(form) not in stext:
                        warnings.append(f"{tag}: {field} form {form!r} not found in the document")
                if not any(squash(form) in squash(sentence) for form in forms):
                    warnings.append(f"{tag}: no {field} form {forms} in the sentence itself (resolved from context)")
            if c.get("when") is not None and c["when"] not in text:
                warnings.append(f"{tag}: when {c['when']!r} not found verbatim")
            if c.get("optional"):
                stats[lang]["optional"] += 1
            else:
                stats[lang]["claims"] += 1
        st = stats[lang]
        st["docs"] += 1
        st["sents"] += len(sents)
        for i, (s, e) in enumerate(sents):
            sentence = text[s:e]
            req = [c for c in sent_claims[i] if not c.get("optional")]
            num = has_number(sentence, lang)
            st["number_sents"] += num
            if req:
                st["claim_sents"] += 1
            elif num and not sent_claims[i]:
                st["distractors"] += 1
            if a.show:
                mark = "CLAIM" if req else ("opt  " if sent_claims[i] else ("DISTR" if num else "     "))
                print(f"[{name}] {mark} {sentence}")
                for c in sent_claims[i]:
                    opt = " (optional)" if c.get("optional") else ""
                    print(f"        -> {c['accept']} {c['counted']} actor={c['actor']} source={c['source']} "
                          f"loc={c['location']} mod={c['modality']}{opt}")
        if a.show:
            print()

    all_text = "\n".join(t for _, t in texts.values())
    names = set()
    for ent in gold.get("entities", []):
        if ent.get("name") in names:
            errors.append(f"entity {ent.get('name')!r} listed twice")
        names.add(ent.get("name"))
        aliases = ent.get("aliases", [])
        if len({squash(x) for x in aliases}) < 2:
            warnings.append(f"entity {ent.get('name')!r}: fewer than two distinct spellings (not scored)")
        for alias in aliases:
            if not re.search(r"(?<!\w)" + re.escape(alias) + r"(?!\w)", all_text):
                errors.append(f"entity {ent.get('name')!r}: alias {alias!r} occurs in no text")
    seen = {}
    for ent in gold.get("entities", []):
        for alias in ent.get("aliases", []):
            k = squash(alias)
            if k in seen and seen[k] != ent["name"]:
                errors.append(f"alias {alias!r} belongs to both {seen[k]!r} and {ent['name']!r}")
            seen[k] = ent["name"]

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print()
    print(f"{'lang':5} {'docs':>4} {'claims':>6} {'optional':>8} {'claim sentences':>15} "
          f"{'distractor sentences':>20} {'sentences':>9}")
    for lang in ("fr", "en"):
        s = stats[lang]
        print(f"{lang:5} {s['docs']:>4} {s['claims']:>6} {s['optional']:>8} {s['claim_sents']:>15} "
              f"{s['distractors']:>20} {s['sents']:>9}")
    print(f"entities: {len(gold.get('entities', []))}")
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
