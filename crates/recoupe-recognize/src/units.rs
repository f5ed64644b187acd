//! Money, measures and ages: a number with a unit.
//!
//! "$ 75 million", "2,5 millions d'euros", "USD 22.5 million", "45-acre", "trois pieds",
//! "188 miles an hour", "a 30-year-old", "âgées de 22 à 83 ans". Hand-written because the
//! hard part is not the unit names (they are data, `data/recognize/units.toml`) but where
//! they sit: currency symbols before or after the amount, glued or not ("$5", "5 $", "US$ 5",
//! "5USD"), French "de" between a scale word and the unit, hyphenated adjectives, compound
//! amounts ("5 feet 2 inches", "15 dollars et 50 centimes"), and ages, which in English need a
//! marker ("old", "aged") and in French usually do not ("elle a cinq ans"), except where the
//! context makes the years a duration ("pendant cinq ans", "cinq ans de prison").
//!
//! The scan starts only at numbers already found by [`crate::number::scan`] (plus the few
//! amounts it cannot read: "USD115", "½", "a quarter million"), so ordinary words cost nothing.

use crate::tables::{Map as HashMap, Set as HashSet};

use serde::Deserialize;

use crate::number::{number_at, Num, NumKind};
use crate::tables::WordClass;
use crate::token::{fold, TokKind, Tokens};
use crate::{Cand, Kind, Lang, LangData, RecognizeError, Value};

/// Where a unit may stand relative to its amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    Any,
    /// Only glued to the number ("5in", not "5 in the morning").
    Glued,
    /// Only after a space ("2 pm" may be picometres, "6pm" never is).
    Spaced,
}

/// What an ISO code is, for the case rules ("EUR 5" and "eur 5", but "ALL 5" is no lek).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    No,
    /// A code that may be written in lower case.
    Loose,
    /// Recognised only in capitals.
    Caps,
    /// An ordinary word as well: only in capitals and after the amount.
    Word,
}

#[derive(Debug, Clone)]
struct Unit {
    kind: Kind,
    label: String,
    iso: Option<String>,
    subtype: Option<String>,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    unit: usize,
    /// May stand before the amount (symbols and codes).
    symbol: bool,
    gap: Gap,
    code: Code,
}

/// Phrases keyed by their folded tokens joined with one space, whatever the spacing.
#[derive(Debug, Default)]
struct PhraseMap<V> {
    map: HashMap<String, V>,
    max_tokens: usize,
    /// First and last tokens of the phrases: one lookup rejects most positions.
    first: HashSet<String>,
    last: HashSet<String>,
}

impl<V> PhraseMap<V> {
    fn key_of(phrase: &str) -> (String, usize) {
        // An elided article at the end ("à l'") is one token only before a letter.
        if phrase.ends_with('\'') || phrase.ends_with('’') {
            let padded = format!("{phrase}x");
            let t = Tokens::new(&padded);
            let n = t.len().saturating_sub(1);
            let key = (0..n)
                .filter(|&k| !inner_hyphen(&t, k))
                .map(|k| &*t.toks[k].norm)
                .collect::<Vec<_>>()
                .join(" ");
            return (key, n);
        }
        let t = Tokens::new(phrase);
        let key = (0..t.len())
            .filter(|&k| !inner_hyphen(&t, k))
            .map(|k| &*t.toks[k].norm)
            .collect::<Vec<_>>()
            .join(" ");
        (key, t.len())
    }

    fn entry(&mut self, phrase: &str) -> Option<&mut V>
    where
        V: Default,
    {
        let (key, n) = Self::key_of(phrase);
        if n == 0 {
            return None;
        }
        self.max_tokens = self.max_tokens.max(n);
        if let (Some(f), Some(l)) = (key.split(' ').next(), key.split(' ').next_back()) {
            self.first.insert(f.to_string());
            self.last.insert(l.to_string());
        }
        Some(self.map.entry(key).or_default())
    }

    /// Every phrase starting at token `i`, longest first: (end token, value).
    fn all_at<'m>(&'m self, tk: &Tokens, i: usize) -> Vec<(usize, &'m V)> {
        let mut out = Vec::new();
        if i >= tk.len() || self.max_tokens == 0 || !self.first.contains(&*tk.toks[i].norm) {
            return out;
        }
        let mut key = String::new();
        let max = self.max_tokens.min(tk.len() - i);
        for j in i + 1..=i + max {
            let t = &tk.toks[j - 1];
            if inner_hyphen(tk, j - 1) && j > i + 1 {
                continue;
            }
            if j > i + 1 {
                // A digit inside a unit must be glued to what precedes it ("km2", not "km 2").
                if t.kind == TokKind::Digits && tk.spaced(j - 1) {
                    break;
                }
                key.push(' ');
            }
            key.push_str(&t.norm);
            if let Some(v) = self.map.get(&key) {
                out.push((j, v));
            }
        }
        out.reverse();
        out
    }

    /// The longest phrase starting at `i`.
    fn longest_at(&self, tk: &Tokens, i: usize) -> Option<(usize, &V)> {
        self.all_at(tk, i).into_iter().next()
    }

    /// Every phrase ending just before token `j` and starting at or after `floor`: (start, value).
    fn all_before<'m>(&'m self, tk: &Tokens, j: usize, floor: usize) -> Vec<(usize, &'m V)> {
        let mut out = Vec::new();
        if j == 0 || j > tk.len() || !self.last.contains(&*tk.toks[j - 1].norm) {
            return out;
        }
        for n in 1..=self.max_tokens.min(j) {
            let s = j - n;
            if s < floor {
                break;
            }
            let mut ok = true;
            let mut key = String::new();
            for k in s..j {
                if k > s && inner_hyphen(tk, k) {
                    continue;
                }
                if k > s {
                    if tk.toks[k].kind == TokKind::Digits && tk.spaced(k) {
                        ok = false;
                        break;
                    }
                    key.push(' ');
                }
                key.push_str(&tk.toks[k].norm);
            }
            if !ok {
                continue;
            }
            if let Some(v) = self.map.get(&key) {
                out.push((s, v));
            }
        }
        out.reverse();
        out
    }
}

/// A hyphen glued between two words ("square-metre", "sud-coréen"): phrases read it as a space.
fn inner_hyphen(tk: &Tokens, k: usize) -> bool {
    k > 0
        && tk.n(k) == "-"
        && !tk.spaced(k)
        && !tk.spaced(k + 1)
        && tk.toks[k - 1].is_word()
        && tk.toks.get(k + 1).is_some_and(|t| t.is_word())
}

#[derive(Debug, Default)]
struct AgeTables {
    units: PhraseMap<Option<usize>>,
    labels: Vec<String>,
    after: PhraseMap<()>,
    compact: PhraseMap<()>,
    before: PhraseMap<()>,
    range_starts: PhraseMap<()>,
    label: String,
    bare: bool,
    links: HashSet<String>,
    half: PhraseMap<()>,
    not_before: PhraseMap<()>,
    not_after: PhraseMap<()>,
    confirm: PhraseMap<()>,
    hedges: PhraseMap<()>,
}

/// Unit tables of one language.
#[derive(Debug, Default)]
pub struct UnitTables {
    units: Vec<Unit>,
    phrases: PhraseMap<Vec<Hit>>,
    /// Case-sensitive one-token units ("MB" megabyte, "Mb" megabit), by their text.
    exact: HashMap<String, Vec<Hit>>,
    /// Minor units: (major labels, "*" for any; minor label; how many minor in one major).
    minor: Vec<(Vec<String>, Vec<String>, f64)>,
    minor_joiners: Vec<String>,
    scale_connectors: Vec<String>,
    temperature_context: PhraseMap<()>,
    weight_context: PhraseMap<()>,
    per: PhraseMap<()>,
    /// Time unit forms → label, for composed speeds.
    time_units: HashMap<String, String>,
    compounds: Vec<(String, String, f64)>,
    /// A glued suffix read as a unit ("1.8m") only before these words (English, where "5m
    /// people" is more often five million).
    alt_unit_next: PhraseMap<()>,
    alt_unit_next_only: bool,
    /// Currency names that are money only with a scale word or decimals (French "livres").
    money_needs_scale: Vec<String>,
    vulgar: HashMap<String, f64>,
    extra_scales: HashMap<String, f64>,
    fraction_words: HashMap<String, f64>,
    articles: Vec<String>,
    age: AgeTables,
}

// ------------------------------------------------------------------------------------------
// Loading.

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawAge {
    units: Vec<String>,
    after: Vec<String>,
    compact: Vec<String>,
    before: Vec<String>,
    range_starts: Vec<String>,
    label: String,
    bare: bool,
    links: Vec<String>,
    half: Vec<String>,
    not_before: Vec<String>,
    not_after: Vec<String>,
    confirm: Vec<String>,
    hedges: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawLang {
    minor_joiners: Vec<String>,
    scale_connectors: Vec<String>,
    temperature_context: Vec<String>,
    weight_context: Vec<String>,
    per: Vec<String>,
    extra_scales: HashMap<String, f64>,
    fraction_words: HashMap<String, f64>,
    articles: Vec<String>,
    lowercase_codes: Vec<String>,
    alt_unit_next: Option<Vec<String>>,
    money_needs_scale: Vec<String>,
    age: Option<RawAge>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawDoc {
    currencies: Vec<String>,
    word_codes: Vec<String>,
    minor: Vec<String>,
    dimensions: Vec<String>,
    time_units: Vec<String>,
    compounds: Vec<String>,
    vulgar: HashMap<String, f64>,
    fr: RawLang,
    en: RawLang,
}

/// "dollar(s) américain(s)" → the four spellings.
fn expand(s: &str) -> Vec<String> {
    let Some(open) = s.find('(') else {
        return vec![s.to_string()];
    };
    let Some(close_rel) = s[open..].find(')') else {
        return vec![s.to_string()];
    };
    let close = open + close_rel;
    let head = &s[..open];
    let opt = &s[open + 1..close];
    let rest = &s[close + 1..];
    let mut out = Vec::new();
    for tail in expand(rest) {
        out.push(format!("{head}{tail}"));
        out.push(format!("{head}{opt}{tail}"));
    }
    out
}

fn alternatives(field: &str) -> Vec<String> {
    field
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .flat_map(expand)
        .collect()
}

fn split_fields(line: &str) -> Vec<&str> {
    line.split(';').map(str::trim).collect()
}

struct Ctx<'a> {
    lowercase_codes: &'a HashSet<String>,
    word_codes: &'a HashSet<String>,
}

impl UnitTables {
    fn add_unit(&mut self, u: Unit) -> usize {
        if let Some(k) = self
            .units
            .iter()
            .position(|x| x.kind == u.kind && x.label == u.label && x.iso == u.iso && x.subtype == u.subtype)
        {
            return k;
        }
        self.units.push(u);
        self.units.len() - 1
    }

    fn add_form(&mut self, form: &str, unit: usize, symbol: bool, iso: Option<&str>, cx: &Ctx) {
        let (gap, rest) = match form.chars().next() {
            Some('?') => (Gap::Glued, &form[1..]),
            Some('!') => (Gap::Spaced, &form[1..]),
            _ => (Gap::Any, form),
        };
        if let Some(exact) = rest.strip_prefix('=') {
            let v = self.exact.entry(exact.to_string()).or_default();
            let hit = Hit {
                unit,
                symbol,
                gap,
                code: Code::No,
            };
            if !v.iter().any(|h| h.unit == unit) {
                v.push(hit);
            }
            return;
        }
        let first = Tokens::new(rest)
            .toks
            .first()
            .map(|t| t.norm.to_string())
            .unwrap_or_default();
        let code = match iso {
            Some(iso) if symbol && first.len() == 3 && first.eq_ignore_ascii_case(iso) => {
                if cx.word_codes.contains(&first) {
                    Code::Word
                } else if cx.lowercase_codes.contains(&first) {
                    Code::Loose
                } else {
                    Code::Caps
                }
            }
            _ => Code::No,
        };
        if let Some(v) = self.phrases.entry(rest) {
            if !v.iter().any(|h| h.unit == unit && h.symbol == symbol) {
                v.push(Hit {
                    unit,
                    symbol,
                    gap,
                    code,
                });
            }
        }
    }

    fn add_lang(&mut self, raw: RawLang) {
        self.minor_joiners
            .extend(raw.minor_joiners.iter().map(|s| fold(s).into_owned()));
        self.scale_connectors
            .extend(raw.scale_connectors.iter().map(|s| fold(s).into_owned()));
        for p in &raw.temperature_context {
            self.temperature_context.entry(p);
        }
        for p in &raw.per {
            self.per.entry(p);
        }
        for p in &raw.weight_context {
            self.weight_context.entry(p);
        }
        for (k, v) in raw.extra_scales {
            self.extra_scales.insert(fold(&k).into_owned(), v);
        }
        for (k, v) in raw.fraction_words {
            self.fraction_words.insert(fold(&k).into_owned(), v);
        }
        self.articles.extend(raw.articles.iter().map(|s| fold(s).into_owned()));
        self.money_needs_scale
            .extend(raw.money_needs_scale.iter().map(|s| fold(s).into_owned()));
        if let Some(list) = &raw.alt_unit_next {
            self.alt_unit_next_only = true;
            for p in list {
                self.alt_unit_next.entry(p);
            }
        }
        if let Some(a) = raw.age {
            let age = &mut self.age;
            for line in &a.units {
                let f = split_fields(line);
                let (Some(label), Some(forms)) = (f.first(), f.get(1)) else {
                    continue;
                };
                age.labels.push(label.to_string());
                let k = age.labels.len() - 1;
                for form in alternatives(forms) {
                    if let Some(v) = age.units.entry(&form) {
                        *v = Some(k);
                    }
                }
            }
            for (list, map) in [
                (&a.after, &mut age.after),
                (&a.compact, &mut age.compact),
                (&a.before, &mut age.before),
                (&a.range_starts, &mut age.range_starts),
                (&a.half, &mut age.half),
                (&a.not_before, &mut age.not_before),
                (&a.not_after, &mut age.not_after),
                (&a.confirm, &mut age.confirm),
                (&a.hedges, &mut age.hedges),
            ] {
                for p in list {
                    map.entry(p);
                }
            }
            if !a.label.is_empty() {
                age.label = a.label;
            }
            age.bare |= a.bare;
            age.links.extend(a.links.iter().map(|s| fold(s).into_owned()));
        }
    }
}

pub fn load(src: &str, fr: &mut UnitTables, en: &mut UnitTables) -> Result<(), RecognizeError> {
    let doc: RawDoc = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("units: {e}")))?;
    let word_codes: HashSet<String> = doc.word_codes.iter().map(|s| fold(s).into_owned()).collect();
    let lc_fr: HashSet<String> = doc.fr.lowercase_codes.iter().map(|s| fold(s).into_owned()).collect();
    let lc_en: HashSet<String> = doc.en.lowercase_codes.iter().map(|s| fold(s).into_owned()).collect();
    for (t, lc, off) in [(&mut *en, &lc_en, 2usize), (&mut *fr, &lc_fr, 4usize)] {
        let cx = Ctx {
            lowercase_codes: lc,
            word_codes: &word_codes,
        };
        // Currencies: ISO ; symbols ; EN label ; EN names ; FR label ; FR names.
        for line in &doc.currencies {
            let f = split_fields(line);
            if f.len() < 6 {
                return Err(RecognizeError::Data(format!("units: currency line {line:?}")));
            }
            let iso = Some(f[0]).filter(|s| !s.is_empty());
            let label = f[off];
            if label.is_empty() {
                continue;
            }
            let u = t.add_unit(Unit {
                kind: Kind::Money,
                label: label.to_string(),
                iso: iso.map(str::to_string),
                subtype: None,
            });
            for s in alternatives(f[1]) {
                t.add_form(&s, u, true, iso, &cx);
            }
            for s in alternatives(f[off + 1]) {
                t.add_form(&s, u, false, iso, &cx);
            }
        }
        // Measures: subtype ; abbreviations ; EN label ; EN names ; FR label ; FR names.
        for line in &doc.dimensions {
            let f = split_fields(line);
            if f.len() < 6 {
                return Err(RecognizeError::Data(format!("units: dimension line {line:?}")));
            }
            let label = f[off];
            if label.is_empty() {
                continue;
            }
            let u = t.add_unit(Unit {
                kind: Kind::Dimension,
                label: label.to_string(),
                iso: None,
                subtype: Some(f[0].to_string()),
            });
            for s in alternatives(f[1]) {
                t.add_form(&s, u, false, None, &cx);
            }
            for s in alternatives(f[off + 1]) {
                t.add_form(&s, u, false, None, &cx);
            }
        }
        for line in &doc.minor {
            let f = split_fields(line);
            if f.len() < 3 {
                continue;
            }
            let majors = f[0].split('|').map(|s| s.trim().to_string()).collect();
            let minors = f[1].split('|').map(|s| s.trim().to_string()).collect();
            let factor: f64 = f[2].parse().unwrap_or(100.0);
            t.minor.push((majors, minors, factor));
        }
        for line in &doc.time_units {
            let f = split_fields(line);
            if f.len() < 3 {
                continue;
            }
            let label = if off == 2 { f[0] } else { f[1] };
            for form in alternatives(f[2]) {
                t.time_units.insert(fold(&form).into_owned(), label.to_string());
            }
        }
        for line in &doc.compounds {
            let f = split_fields(line);
            if f.len() < 3 {
                continue;
            }
            t.compounds
                .push((f[0].to_string(), f[1].to_string(), f[2].parse().unwrap_or(1.0)));
        }
        t.vulgar.extend(doc.vulgar.iter().map(|(k, v)| (k.clone(), *v)));
    }
    en.add_lang(doc.en);
    fr.add_lang(doc.fr);
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Amounts.

/// An amount before its unit: tokens `i..j`.
#[derive(Debug, Clone, Copy)]
struct Amt {
    i: usize,
    j: usize,
    value: f64,
    /// Ends in a scale word or suffix ("3 millions", "5bn"): "de" may follow in French.
    scaled: bool,
    /// Another reading where the last token of the number is the unit: "1.8m" (a metre, not
    /// 1.8 million), French "34 cents" (cents, not 3 400): (value, token of the unit).
    alt: Option<(f64, usize)>,
    spelled: bool,
}

fn is_scale(d: &LangData, w: &str) -> Option<f64> {
    match d.numbers.words.get(w) {
        Some(WordClass::Scale(s)) => Some(*s),
        _ => None,
    }
}

/// The reading of `n` without its last word, when that word may be a unit instead:
/// a glued suffix ("1.8m") or "cent(s)" after digits ("34 cents").
fn reread(tk: &Tokens, d: &LangData, n: &Num, after_words: bool) -> Option<(f64, usize)> {
    if n.j < n.i + 2 {
        return None;
    }
    let last = &tk.toks[n.j - 1];
    if last.kind != TokKind::Word {
        return None;
    }
    if !tk.spaced(n.j - 1) {
        if let Some(m) = d
            .numbers
            .suffixes
            .get(&*last.norm)
            .or_else(|| d.numbers.suffixes_exact.get(last.text))
        {
            if *m != 0.0 {
                return Some((n.value / m, n.j - 1));
            }
        }
    }
    if d.numbers.words.get(&*last.norm) == Some(&WordClass::Hundred)
        && (after_words || tk.toks[n.j - 2].kind != TokKind::Word)
    {
        return Some((n.value / 100.0, n.j - 1));
    }
    None
}

/// Every number the units may follow: the scanner's, and those it leaves to this recogniser
/// ("180ml" with a glued unit, "USD50" glued to a code).
fn all_nums(tk: &Tokens, nums: &[Num], d: &LangData, lang: Lang) -> Vec<Num> {
    let u = &d.units;
    let mut out = Vec::with_capacity(nums.len());
    let mut ni = 0usize;
    let mut k = 0usize;
    while k < tk.len() {
        // "12,34,567.89": Indian grouping (lakhs and crores), which the scanner reads as four numbers.
        if lang == Lang::En {
            if let Some(n) = indian_grouping(tk, k) {
                while nums.get(ni).is_some_and(|x| x.i < n.j) {
                    ni += 1;
                }
                out.push(n);
                k = n.j;
                continue;
            }
        }
        if let Some(n) = nums.get(ni) {
            if n.i <= k {
                out.push(*n);
                ni += 1;
                k = k.max(n.j);
                continue;
            }
        }
        let t = &tk.toks[k];
        let next_start = nums.get(ni).map_or(tk.len(), |n| n.i);
        if t.kind == TokKind::Digits {
            // "USD115.5", "USD50": digits glued to a currency code (the scanner reads "A380" as a name).
            if k > 0 && !tk.spaced(k) && tk.toks[k - 1].kind == TokKind::Word && code_like(u, &tk.toks[k - 1]) {
                let end = tk.toks.last().map_or(t.start, |l| l.end);
                let sub = Tokens::new(&tk.text[t.start..end]);
                if let Some(n) = number_at(&sub, 0, &d.numbers, lang) {
                    if n.kind == NumKind::Cardinal && k + n.j <= tk.len() {
                        out.push(Num { i: k, j: k + n.j, ..n });
                        k += n.j;
                        // The scanner's pieces of it ("5" of "USD115.5") go.
                        while nums.get(ni).is_some_and(|x| x.i < k) {
                            ni += 1;
                        }
                        continue;
                    }
                }
            }
            // "180ml", "10kph": a unit glued to the number.
            if let Some(n) = number_at(tk, k, &d.numbers, lang) {
                if n.j <= next_start && tk.toks.get(n.j).is_some_and(|x| x.is_word() && !tk.spaced(n.j)) {
                    out.push(n);
                    k = n.j;
                    continue;
                }
            }
        }
        k += 1;
    }
    out
}

/// "12,34,567.89", "1,00,000": one or two digits, groups of two, a last group of three, all
/// glued by commas, an optional decimal part.
fn indian_grouping(tk: &Tokens, k: usize) -> Option<Num> {
    let t = tk.toks.get(k)?;
    if !t.is_digits() || t.text.len() > 2 || (k > 0 && !tk.spaced(k) && tk.toks[k - 1].kind != TokKind::Punct) {
        return None;
    }
    let glued = |x: usize| tk.toks.get(x).is_some_and(|_| !tk.spaced(x));
    let mut digits = String::from(t.text);
    let mut j = k + 1;
    let mut pairs = 0;
    loop {
        let (Some(c), Some(g)) = (tk.toks.get(j), tk.toks.get(j + 1)) else {
            return None;
        };
        if c.norm != "," || !glued(j) || !glued(j + 1) || !g.is_digits() {
            return None;
        }
        digits.push_str(g.text);
        j += 2;
        match g.text.len() {
            2 => pairs += 1,
            3 if pairs > 0 => break,
            _ => return None,
        }
    }
    if tk.n(j) == "." && glued(j) && tk.toks.get(j + 1).is_some_and(|x| x.is_digits() && !tk.spaced(j + 1)) {
        digits.push('.');
        digits.push_str(tk.toks[j + 1].text);
        j += 2;
    }
    if tk
        .toks
        .get(j)
        .is_some_and(|x| !tk.spaced(j) && (x.is_digits() || x.norm == ","))
    {
        return None;
    }
    let value: f64 = digits.parse().ok()?;
    Some(Num {
        i: k,
        j,
        value,
        kind: NumKind::Cardinal,
        spelled: false,
    })
}

fn amounts(tk: &Tokens, nums: &[Num], d: &LangData, lang: Lang) -> Vec<Amt> {
    let u = &d.units;
    let nums = all_nums(tk, nums, d, lang);
    let mut out: Vec<Amt> = Vec::new();
    let mut covered_until = 0usize;
    let mut ni = 0usize;
    let mut k = 0usize;
    while k < tk.len() {
        // Numbers inside an amount already read ("million" of "$5-million") are passed.
        while nums.get(ni).is_some_and(|n| n.i < k) {
            ni += 1;
        }
        // A number found by the number scanner.
        if let Some(n) = nums.get(ni).filter(|n| n.i == k) {
            ni += 1;
            covered_until = n.j;
            k = n.j.max(k + 1);
            if n.kind == NumKind::Ordinal {
                continue;
            }
            // "14:30", "2:00 pm": clock times, not amounts.
            if n.i > 0 && !tk.spaced(n.i) && matches!(tk.toks[n.i - 1].punct(), Some(':')) {
                continue;
            }
            let mut a = Amt {
                i: n.i,
                j: n.j,
                value: n.value,
                scaled: false,
                alt: reread(tk, d, n, false),
                spelled: n.spelled,
            };
            let last = &tk.toks[n.j - 1];
            if last.kind == TokKind::Word && n.j - 1 > n.i {
                let suffix = !tk.spaced(n.j - 1)
                    && (d.numbers.suffixes.contains_key(&*last.norm)
                        || d.numbers.suffixes_exact.contains_key(last.text));
                if is_scale(d, &last.norm).is_some() || suffix {
                    a.scaled = true;
                }
            }
            // "a quarter million".
            if n.kind == NumKind::Fraction && !a.scaled {
                if let Some(s) = is_scale(d, tk.w(a.j)) {
                    a.value *= s;
                    a.j += 1;
                    a.scaled = true;
                    k = a.j;
                    covered_until = a.j;
                    if nums.get(ni).is_some_and(|x| x.i < a.j) {
                        ni += 1;
                    }
                }
            }
            // "10 1/2 miles", "10 ½".
            if n.kind == NumKind::Cardinal && n.value.fract() == 0.0 && !a.scaled && !n.spelled {
                if let Some(f) = nums.get(ni).filter(|f| f.i == n.j && f.kind == NumKind::Fraction) {
                    if f.value > 0.0 && f.value < 1.0 && tk.spaced(f.i) && !f.spelled {
                        a.value += f.value;
                        a.j = f.j;
                        ni += 1;
                        k = f.j;
                        covered_until = f.j;
                    }
                } else if let Some(v) = tk.toks.get(n.j).and_then(|t| u.vulgar.get(t.text)) {
                    a.value += v;
                    a.j += 1;
                    k = a.j;
                }
            }
            // "a $5-million contract".
            if !a.scaled && tk.n(a.j) == "-" && !tk.spaced(a.j) && !tk.spaced(a.j + 1) {
                if let Some(m) = is_scale(d, tk.w(a.j + 1)) {
                    a.value *= m;
                    a.j += 2;
                    a.scaled = true;
                    k = a.j;
                    covered_until = covered_until.max(a.j);
                }
            }
            // "35 lakh".
            if let Some(m) = u.extra_scales.get(tk.w(a.j)) {
                a.value *= m;
                a.j += 1;
                a.scaled = true;
                k = a.j;
            }
            out.push(a);
            continue;
        }
        if k < covered_until {
            k += 1;
            continue;
        }
        let t = &tk.toks[k];
        match t.kind {
            TokKind::Punct => {
                if let Some(v) = u.vulgar.get(t.text) {
                    out.push(Amt {
                        i: k,
                        j: k + 1,
                        value: *v,
                        scaled: false,
                        alt: None,
                        spelled: false,
                    });
                }
            }
            TokKind::Digits => {}
            TokKind::Word => {
                // "a half turn", "half a mile", "a quarter million dollars", "un demi tour".
                if let Some(v) = u.fraction_words.get(&*t.norm) {
                    let mut i = k;
                    if k > 0 && k > covered_until && u.articles.iter().any(|a| a == tk.w(k - 1)) {
                        i = k - 1;
                    }
                    let mut j = k + 1;
                    let mut value = *v;
                    let mut scaled = false;
                    if i == k && u.articles.iter().any(|a| a == tk.w(j)) {
                        j += 1;
                    }
                    if let Some(s) = is_scale(d, tk.w(j)) {
                        value *= s;
                        j += 1;
                        scaled = true;
                    }
                    if j <= tk.len() {
                        out.push(Amt {
                            i,
                            j,
                            value,
                            scaled,
                            alt: None,
                            spelled: true,
                        });
                        covered_until = j;
                        while nums.get(ni).is_some_and(|x| x.i < j) {
                            ni += 1;
                        }
                        k = j;
                        continue;
                    }
                }
            }
        }
        k += 1;
    }
    out
}

/// Whether a word glued before digits may be a currency code ("USD50", "MUSD").
fn code_like(u: &UnitTables, t: &crate::token::Token) -> bool {
    let n = &*t.norm;
    let is_code = |s: &str| {
        u.phrases
            .map
            .get(s)
            .is_some_and(|v| v.iter().any(|h| h.symbol && h.code != Code::No))
    };
    is_code(n) || (n.len() == 4 && (n.starts_with('m') || n.starts_with('k')) && is_code(&n[1..]))
}

// ------------------------------------------------------------------------------------------
// Matching units.

fn is_caps(s: &str) -> bool {
    s.chars().all(|c| !c.is_lowercase())
}

/// Whether a unit ending before token `e` ends cleanly (not "L-202", not "m212").
fn clean_end(tk: &Tokens, e: usize) -> bool {
    let Some(t) = tk.toks.get(e) else { return true };
    if tk.spaced(e) {
        return true;
    }
    match t.kind {
        TokKind::Word | TokKind::Digits => false,
        TokKind::Punct => {
            // "L-202": a hyphen and digits after the unit make an identifier.
            if t.norm == "-" {
                return !tk
                    .toks
                    .get(e + 1)
                    .is_some_and(|x| x.kind == TokKind::Digits && !tk.spaced(e + 1));
            }
            true
        }
    }
}

/// Whether the token before `s` lets a symbol start there ("abc$5" does not).
fn clean_start(tk: &Tokens, s: usize) -> bool {
    if s == 0 || tk.spaced(s) {
        return true;
    }
    !matches!(tk.toks[s - 1].kind, TokKind::Word | TokKind::Digits)
}

#[derive(Debug, Clone, Copy)]
struct Found {
    end: usize,
    hit: Hit,
    mult: f64,
}

/// Code case rules for a hit whose first token is `t`.
fn code_ok(hit: &Hit, t: &crate::token::Token, before_amount: bool) -> bool {
    match hit.code {
        Code::No | Code::Loose => true,
        Code::Caps => is_caps(t.text),
        Code::Word => is_caps(t.text) && !before_amount,
    }
}

/// Units starting at token `k` after an amount ending at `amount_end`: the longest match,
/// every hit valid there.
fn units_after(u: &UnitTables, tk: &Tokens, k: usize, amount_end: usize, hyphen: bool) -> Vec<Found> {
    let mut out = Vec::new();
    let Some(t0) = tk.toks.get(k) else { return out };
    let glued = k == amount_end && !tk.spaced(k) && !hyphen;
    let gap_ok = |g: Gap| match g {
        Gap::Any => true,
        Gap::Glued => glued,
        Gap::Spaced => k == amount_end && tk.spaced(k),
    };
    for (end, hits) in u.phrases.all_at(tk, k) {
        // A unit ending in a full stop ("lbs.", "fr.") after the amount: the stop ends the sentence.
        if !clean_end(tk, end) || (end > k + 1 && tk.n(end - 1) == ".") {
            continue;
        }
        for h in hits {
            if gap_ok(h.gap) && code_ok(h, t0, false) {
                out.push(Found {
                    end,
                    hit: *h,
                    mult: 1.0,
                });
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    if let Some(hits) = u.exact.get(t0.text) {
        if clean_end(tk, k + 1) && out.iter().all(|f| f.end <= k + 1) {
            for h in hits {
                if gap_ok(h.gap) {
                    out.push(Found {
                        end: k + 1,
                        hit: *h,
                        mult: 1.0,
                    });
                }
            }
        }
    }
    // "30 MUSD", "48.5 MGBP": a code with a multiplier letter.
    if out.is_empty() && t0.kind == TokKind::Word && clean_end(tk, k + 1) {
        if let Some(f) = multiplied_code(u, t0) {
            out.push(Found { end: k + 1, ..f });
        }
    }
    out
}

fn multiplied_code(u: &UnitTables, t: &crate::token::Token) -> Option<Found> {
    let text = t.text;
    if text.len() != 4 || !text.is_ascii() {
        return None;
    }
    let mult = match text.as_bytes()[0] {
        b'M' => 1e6,
        b'k' | b'K' => 1e3,
        _ => return None,
    };
    let rest = &text[1..];
    if !is_caps(rest) {
        return None;
    }
    let hits = u.phrases.map.get(&rest.to_ascii_lowercase())?;
    let h = hits
        .iter()
        .find(|h| h.symbol && matches!(h.code, Code::Loose | Code::Caps))?;
    Some(Found { end: 0, hit: *h, mult })
}

/// A currency symbol or code ending just before the amount at `i`: (start, hit, multiplier).
fn money_before(u: &UnitTables, tk: &Tokens, i: usize, floor: usize) -> Option<(usize, Found)> {
    for (s, hits) in u.phrases.all_before(tk, i, floor) {
        if !clean_start(tk, s) {
            continue;
        }
        // "?s$": a symbol whose letters must touch the sign ("S$ 5", not "' s $ 5").
        let tight = (s + 1..i).all(|k| !tk.spaced(k));
        for h in hits {
            if h.symbol
                && u.units[h.unit].kind == Kind::Money
                && code_ok(h, &tk.toks[s], true)
                && (h.gap != Gap::Glued || tight)
            {
                return Some((
                    s,
                    Found {
                        end: i,
                        hit: *h,
                        mult: 1.0,
                    },
                ));
            }
        }
    }
    if i > floor {
        let t = &tk.toks[i - 1];
        if t.kind == TokKind::Word && clean_start(tk, i - 1) {
            if let Some(f) = multiplied_code(u, t) {
                return Some((i - 1, Found { end: i, ..f }));
            }
        }
    }
    None
}

fn quantity(u: &Unit, amount: f64) -> Value {
    Value::Quantity {
        amount,
        unit: u.label.clone(),
        iso: u.iso.clone(),
        subtype: u.subtype.clone(),
    }
}

/// Amount of a minor unit after a major one: "and forty-five cents", "50", "et 15 centimes".
fn minor_after(u: &UnitTables, tk: &Tokens, d: &LangData, lang: Lang, major: &Unit, e: usize) -> Option<(usize, f64)> {
    if u.minor.iter().any(|(_, minors, _)| minors.contains(&major.label)) {
        return None;
    }
    let mut k = e;
    let joined = u.minor_joiners.iter().any(|j| j == tk.w(k));
    if joined {
        k += 1;
    }
    let n = number_at(tk, k, &d.numbers, lang)?;
    if n.kind != NumKind::Cardinal || n.value < 0.0 || (n.i > 0 && !tk.spaced(n.i)) {
        return None;
    }
    let factors: Vec<(&Vec<String>, f64)> = u
        .minor
        .iter()
        .filter(|(majors, _, _)| majors.iter().any(|m| m == "*" || *m == major.label))
        .map(|(_, minors, f)| (minors, *f))
        .collect();
    if factors.is_empty() {
        return None;
    }
    // With its unit: "forty-five cents", French "15 cents" (read as 1 500 by the number scanner).
    let mut readings = vec![(n.value, n.j)];
    if let Some(r) = reread(tk, d, &n, true) {
        readings.insert(0, r);
    }
    let mut any_unit = false;
    for (value, j) in readings {
        let after = units_after(u, tk, j, j, false);
        any_unit |= !after.is_empty();
        if let Some(f) = after.iter().find(|f| u.units[f.hit.unit].kind == Kind::Money) {
            let label = &u.units[f.hit.unit].label;
            for (minors, factor) in &factors {
                if minors.iter().any(|m| m == label) && value < *factor && value.fract() == 0.0 {
                    return Some((f.end, value / factor));
                }
            }
        }
    }
    if any_unit || n.value.fract() != 0.0 {
        return None;
    }
    // Bare: "15 dollars 50", "one dollar and one" — only where nothing else follows.
    let next_ok = match tk.toks.get(n.j) {
        None => true,
        Some(t) => {
            let more_digits = !tk.spaced(n.j) && tk.toks.get(n.j + 1).is_some_and(|x| x.is_digits());
            t.kind == TokKind::Punct && t.norm != "%" && !more_digits || u.minor_joiners.iter().any(|j| *j == *t.norm)
        }
    };
    if next_ok && n.value >= 1.0 && n.value < 100.0 && factors.iter().any(|(_, f)| *f == 100.0) {
        return Some((n.j, n.value / 100.0));
    }
    None
}

/// "5 feet 2 inches", "12 ft 2 in", "6 pieds et 3 pouces".
fn compound_after(
    u: &UnitTables,
    tk: &Tokens,
    d: &LangData,
    lang: Lang,
    major: &Unit,
    e: usize,
) -> Option<(usize, f64)> {
    let (_, minor_label, factor) = u.compounds.iter().find(|(m, _, _)| *m == major.label)?;
    let mut k = e;
    if u.minor_joiners.iter().any(|j| j == tk.w(k)) {
        k += 1;
    }
    let n = number_at(tk, k, &d.numbers, lang)?;
    if n.kind == NumKind::Ordinal || n.value < 0.0 {
        return None;
    }
    for (end, hits) in u.phrases.all_at(tk, n.j) {
        if !clean_end(tk, end) {
            continue;
        }
        if hits.iter().any(|h| u.units[h.unit].label == *minor_label) {
            return Some((end, n.value / factor));
        }
    }
    None
}

/// Whether the token after a glued "m" lets it be a metre ("1.8m tall", "the 100m final") rather
/// than the million of "5m people".
fn alt_unit_context(u: &UnitTables, tk: &Tokens, e: usize) -> bool {
    match tk.toks.get(e) {
        None => true,
        Some(t) if !t.is_word() => true,
        Some(_) => u.alt_unit_next.longest_at(tk, e).is_some(),
    }
}

/// "50 meters per millisecond", "12 km/min": a length, a "per", a time unit.
fn speed_after(u: &UnitTables, tk: &Tokens, unit: &Unit, e: usize, lang: Lang) -> Option<(usize, String)> {
    if unit.subtype.as_deref() != Some("Length") {
        return None;
    }
    let (pe, _) = u.per.longest_at(tk, e)?;
    let t = tk.toks.get(pe)?;
    let time = u.time_units.get(&*t.norm)?;
    if !clean_end(tk, pe + 1) {
        return None;
    }
    let label = match lang {
        Lang::En => format!("{} per {time}", unit.label),
        Lang::Fr => {
            let base = unit.label.strip_suffix('s').unwrap_or(&unit.label);
            format!("{base} par {time}")
        }
    };
    Some((pe + 1, label))
}

fn temperature_context(u: &UnitTables, tk: &Tokens, i: usize) -> bool {
    near_before(&u.temperature_context, tk, i, 10)
}

/// Whether a phrase of `map` ends within the `n` tokens before token `i`.
fn near_before(map: &PhraseMap<()>, tk: &Tokens, i: usize, n: usize) -> bool {
    (i.saturating_sub(n)..i).any(|k| map.longest_at(tk, k).is_some_and(|(e, _)| e <= i))
}

/// The amounts with a unit after or a currency before them.
fn measures(tk: &Tokens, amts: &[Amt], d: &LangData, lang: Lang) -> Vec<Cand> {
    let u = &d.units;
    let mut out = Vec::new();
    let mut floor = 0usize;
    for a in amts {
        if a.i < floor {
            continue;
        }
        // 1. A currency before: "$ 75 million", "US$5", "EUR 125", "MAUD 60".
        if let Some((s, f)) = money_before(u, tk, a.i, floor) {
            let unit = &u.units[f.hit.unit];
            let mut value = a.value * f.mult;
            let mut end = a.j;
            if !a.scaled {
                if let Some(m) = is_scale(d, tk.w(end)) {
                    value *= m;
                    end += 1;
                }
            }
            out.push(Cand {
                i: s,
                j: end,
                kind: Kind::Money,
                value: quantity(unit, value),
            });
            floor = end;
            continue;
        }
        // 2. A unit after: "5 dollars", "45-acre", "3 millions de dollars", "1.8m".
        let mut k = a.j;
        let mut hyphen = false;
        if tk.n(k) == "-" && !tk.spaced(k) && !tk.spaced(k + 1) && tk.toks.get(k + 1).is_some_and(|t| t.is_word()) {
            k += 1;
            hyphen = true;
        } else if a.scaled && u.scale_connectors.iter().any(|c| c == tk.w(k)) {
            k += 1;
        }
        let mut close = None;
        if matches!(tk.n(k), "[" | "{" | "(") && !hyphen {
            close = Some(match tk.n(k) {
                "[" => "]",
                "{" => "}",
                _ => ")",
            });
            k += 1;
        }
        let mut value = a.value;
        // "5 M€", "3 Md$", "200 k€": a scale abbreviation before a currency sign.
        if !a.scaled && !hyphen && close.is_none() {
            let t = tk.toks.get(k);
            let m = t.and_then(|t| {
                d.numbers
                    .suffixes
                    .get(&*t.norm)
                    .or_else(|| d.numbers.suffixes_exact.get(t.text))
                    .copied()
                    .or_else(|| is_scale(d, &t.norm))
            });
            if let Some(m) = m {
                let money_next = tk.toks.get(k + 1).is_some_and(|n| n.kind == TokKind::Punct)
                    && units_after(u, tk, k + 1, k + 1, false)
                        .iter()
                        .any(|f| u.units[f.hit.unit].kind == Kind::Money && f.hit.symbol);
                if money_next {
                    value *= m;
                    k += 1;
                }
            }
        }
        let mut found = units_after(u, tk, k, if close.is_some() { k } else { a.j }, hyphen);
        if found.is_empty() && close.is_none() {
            if let Some((v, si)) = a.alt {
                let hundred = d.numbers.words.get(tk.w(si)) == Some(&WordClass::Hundred);
                found = units_after(u, tk, si, si, false)
                    .into_iter()
                    .filter(|f| hundred || u.units[f.hit.unit].kind == Kind::Dimension)
                    .filter(|f| hundred || f.end > si + 1 || !u.alt_unit_next_only || alt_unit_context(u, tk, f.end))
                    .collect();
                value = v;
            }
        }
        if found.is_empty() {
            continue;
        }
        let mut best_end = 0;
        let mut kinds_done: Vec<Kind> = Vec::new();
        // "lost 25 pounds", "pèse deux livres": a unit that is money or weight, after a word of weight.
        let both = found.iter().any(|f| u.units[f.hit.unit].kind == Kind::Money)
            && found.iter().any(|f| u.units[f.hit.unit].kind == Kind::Dimension);
        if both && !a.scaled && near_before(&u.weight_context, tk, a.i, 3) {
            kinds_done.push(Kind::Money);
        }
        // "in 2019 $ 5 million": a year before a currency sign that opens the next amount.
        let year_like = !a.spelled && a.j == a.i + 1 && (1800.0..=2100.0).contains(&a.value) && a.value.fract() == 0.0;
        for f in &found {
            let unit = &u.units[f.hit.unit];
            if kinds_done.contains(&unit.kind) {
                continue;
            }
            if year_like && f.hit.symbol && tk.toks.get(f.end).is_some_and(|t| t.is_digits()) {
                continue;
            }
            // French "trois livres": books or pounds of weight; money only as "3 millions de livres", "2,50 livres".
            if unit.kind == Kind::Money
                && !a.scaled
                && a.value.fract() == 0.0
                && f.end == k + 1
                && u.money_needs_scale.iter().any(|w| w == tk.n(k))
            {
                continue;
            }
            // "in 2015 dollars", "en dollars constants de 2015": money of a year, not an amount.
            if year_like
                && unit.kind == Kind::Money
                && a.i > 0
                && matches!(tk.w(a.i - 1), "in" | "constant" | "en" | "of" | "real" | "today's")
            {
                continue;
            }
            let mut end = f.end;
            if let Some(c) = close {
                if tk.n(end) != c {
                    continue;
                }
                end += 1;
            }
            // A quotation mark after a number closes a quotation more often than it means inches.
            if tk.n(f.end - 1) == "\"" {
                let before = &tk.text[..tk.toks[a.i].start];
                if before.matches('"').count() % 2 == 1 {
                    continue;
                }
            }
            let mut v = value * f.mult;
            let mut label_unit = unit.clone();
            match unit.kind {
                Kind::Money => {
                    // "75 USD million".
                    if !a.scaled {
                        if let Some(m) = is_scale(d, tk.w(end)) {
                            v *= m;
                            end += 1;
                        }
                    }
                    if let Some((e2, extra)) = minor_after(u, tk, d, lang, unit, end) {
                        v += extra;
                        end = e2;
                    }
                }
                _ => {
                    if let Some((e2, extra)) = compound_after(u, tk, d, lang, unit, end) {
                        v += extra;
                        end = e2;
                    } else if let Some((e2, label)) = speed_after(u, tk, unit, end, lang) {
                        label_unit.label = label;
                        label_unit.subtype = Some("Speed".to_string());
                        end = e2;
                    }
                    if unit.subtype.as_deref() == Some("Angle")
                        && unit.label == "Degree"
                        && temperature_context(u, tk, a.i)
                    {
                        label_unit.subtype = Some("Temperature".to_string());
                    }
                }
            }
            kinds_done.push(unit.kind);
            out.push(Cand {
                i: a.i,
                j: end,
                kind: unit.kind,
                value: quantity(&label_unit, v),
            });
            best_end = best_end.max(end);
        }
        if best_end > 0 {
            floor = best_end;
        }
    }
    out
}

// ------------------------------------------------------------------------------------------
// Ages.

/// Whether a phrase of `map` stands before token `i`, possibly with hedges between
/// ("elle a presque 30 ans", "il y a près de trois ans").
fn before_hedged(g: &AgeTables, map: &PhraseMap<()>, tk: &Tokens, mut i: usize) -> bool {
    for _ in 0..3 {
        // Folding makes "à" an "a": "condamné à cinq ans" is no "il a cinq ans".
        let found = map
            .all_before(tk, i, 0)
            .into_iter()
            .any(|(s, _)| !(s + 1 == i && tk.toks[s].norm == "a" && tk.toks[s].text.len() > 1));
        if found {
            return true;
        }
        match g.hedges.all_before(tk, i, 0).into_iter().next() {
            Some((s, _)) => i = s,
            None => return false,
        }
    }
    false
}

/// Ages. An age read from its context ("five years old", "aged 22", "elle a 30 ans") carries
/// the subtype "Age"; a French "N ans" taken as an age for want of a duration marker carries
/// none, so that a duration reading of the same words may win over it.
fn ages(tk: &Tokens, amts: &[Amt], d: &LangData) -> Vec<Cand> {
    let g = &d.units.age;
    let mut out: Vec<Cand> = Vec::new();
    if g.labels.is_empty() {
        return out;
    }
    let age_sub = |i: usize, j: usize, amount: f64, unit: &str, sure: bool| Cand {
        i,
        j,
        kind: Kind::Age,
        value: Value::Quantity {
            amount,
            unit: unit.to_string(),
            iso: None,
            subtype: sure.then(|| "Age".to_string()),
        },
    };
    let age = |i: usize, j: usize, amount: f64, unit: &str| age_sub(i, j, amount, unit, true);
    // The previous age: (end token, label), for "aged 22 to 83".
    let mut prev: Option<(usize, String)> = None;
    for (ai, a) in amts.iter().enumerate() {
        if a.value < 0.0 || a.scaled || out.last().is_some_and(|c| c.j > a.i) {
            continue;
        }
        let ctx_before = g.before.all_before(tk, a.i, 0).into_iter().next().map(|(s, _)| s);
        // The unit: "5 years", "5-year", "18 mois".
        let mut k = a.j;
        let mut hyphen = false;
        if tk.n(k) == "-" && !tk.spaced(k) && !tk.spaced(k + 1) {
            k += 1;
            hyphen = true;
        }
        let unit = g.units.longest_at(tk, k).and_then(|(e, l)| l.map(|l| (e, l)));
        let mut emitted = false;
        if let Some((mut e, li)) = unit {
            let label = &g.labels[li];
            let mut value = a.value;
            if let Some((he, _)) = g.half.longest_at(tk, e) {
                value += 0.5;
                e = he;
            }
            let mut after_end = None;
            let mut ak = e;
            if tk.n(ak) == "-" && !tk.spaced(ak) {
                ak += 1;
            }
            if let Some((ae, _)) = g.after.longest_at(tk, ak) {
                if clean_end(tk, ae) {
                    after_end = Some(ae);
                }
            }
            let rejected_before = before_hedged(g, &g.not_before, tk, a.i);
            // The upper bound of "âgées de 22 à 83 ans" is as sure as the lower one.
            let range_cont = a.i >= 1 && g.links.contains(tk.n(a.i - 1)) && out.last().is_some_and(|c| c.j + 1 == a.i);
            let sure = range_cont
                || after_end.is_some()
                || ctx_before.is_some()
                || (!rejected_before && before_hedged(g, &g.confirm, tk, a.i));
            let is_age = if sure {
                true
            } else if g.bare && !hyphen {
                let rejected_after = g.not_after.longest_at(tk, e).is_some();
                !rejected_before && !rejected_after && clean_end(tk, e)
            } else {
                false
            };
            if is_age {
                let end = after_end.unwrap_or(e);
                // "âgés de 22 à 83 ans", "between 18 and 25 years old": the lower bound too.
                if a.i >= 2 && g.links.contains(tk.n(a.i - 1)) {
                    if let Some(b) = ai.checked_sub(1).and_then(|x| amts.get(x)) {
                        let free = out.last().is_none_or(|c| c.j <= b.i);
                        let ctx = g.before.all_before(tk, b.i, 0).into_iter().next().is_some()
                            || g.range_starts.all_before(tk, b.i, 0).into_iter().next().is_some();
                        if b.j + 1 == a.i && free && ctx && b.value >= 0.0 && !b.scaled {
                            out.push(age(b.i, b.j, b.value, label));
                        }
                    }
                }
                out.push(age_sub(a.i, end, value, label, sure));
                emitted = true;
            }
        } else if let Some((ce, _)) = g.compact.longest_at(tk, k) {
            // "87 yo".
            if clean_end(tk, ce) {
                let label = g.labels.first().cloned().unwrap_or_default();
                out.push(age(a.i, ce, a.value, &label));
                emitted = true;
            }
        } else if let Some(s) = ctx_before {
            // "âgées de 22 à 83 ans": the lower bound of a range takes the unit of the upper one.
            if g.links.contains(tk.n(a.j)) {
                if let Some(b) = amts.get(ai + 1).filter(|b| b.i == a.j + 1) {
                    let mut bk = b.j;
                    if tk.n(bk) == "-" && !tk.spaced(bk) {
                        bk += 1;
                    }
                    if let Some((_, Some(li))) = g.units.longest_at(tk, bk) {
                        out.push(age(a.i, a.j, a.value, &g.labels[*li]));
                        continue;
                    }
                }
            }
            // "aged 22", "age 87": the unit is not written.
            if a.value < 150.0 && a.value.fract() == 0.0 {
                out.push(age(s, a.j, a.value, &g.label));
                prev = Some((a.j, g.label.clone()));
                continue;
            }
        }
        if !emitted {
            // "aged 22 to 83": the upper bound of a range of ages.
            if let Some((pe, label)) = &prev {
                if *pe + 1 == a.i && g.links.contains(tk.n(*pe)) && a.value < 150.0 && a.value.fract() == 0.0 {
                    out.push(age(a.i, a.j, a.value, label));
                }
            }
        }
        prev = None;
    }
    out
}

pub fn scan(tk: &Tokens, nums: &[Num], d: &LangData, lang: Lang) -> Vec<Cand> {
    let u = &d.units;
    if u.units.is_empty() {
        return Vec::new();
    }
    let amts = amounts(tk, nums, d, lang);
    if amts.is_empty() {
        return Vec::new();
    }
    let mut out = measures(tk, &amts, d, lang);
    out.extend(ages(tk, &amts, d));
    out
}

#[cfg(test)]
mod tests {
    use crate::{Families, Kind, Lang, Recognizer, Value};

    fn q(text: &str, lang: Lang, kind: Kind) -> Vec<(String, f64, String)> {
        let r = Recognizer::new().expect("tables");
        r.recognize_kinds(text, lang, None, Families::ALL, &[kind])
            .into_iter()
            .filter_map(|s| match s.value {
                Value::Quantity { amount, unit, .. } => Some((s.text, amount, unit)),
                _ => None,
            })
            .collect()
    }

    fn one(text: &str, lang: Lang, kind: Kind) -> (String, f64, String) {
        let v = q(text, lang, kind);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn money_en() {
        let (t, a, u) = one(
            "The dam will cost $ 1.2 billion, officials said.",
            Lang::En,
            Kind::Money,
        );
        assert_eq!((t.as_str(), a, u.as_str()), ("$ 1.2 billion", 1.2e9, "Dollar"));
        let (_, a, u) = one("Aid reached USD 40 million last year.", Lang::En, Kind::Money);
        assert_eq!((a, u.as_str()), (40e6, "United States dollar"));
        let (_, a, u) = one("Tickets were sold for 12 euros 50.", Lang::En, Kind::Money);
        assert_eq!((a, u.as_str()), (12.5, "Euro"));
        let (_, a, _) = one("The fine was 300 MGBP in total.", Lang::En, Kind::Money);
        assert_eq!(a, 300e6);
        assert!(q("ALL 12 soldiers came back.", Lang::En, Kind::Money).is_empty());
    }

    #[test]
    fn money_fr() {
        let (t, a, u) = one("Le barrage coûtera 2,5 millions d'euros.", Lang::Fr, Kind::Money);
        assert_eq!((t.as_str(), a, u.as_str()), ("2,5 millions d'euros", 2.5e6, "Euro"));
        let (_, a, u) = one("Une aide de 3 milliards de dollars américains.", Lang::Fr, Kind::Money);
        assert_eq!((a, u.as_str()), (3e9, "Dollar États-Unis"));
        let (_, a, u) = one("Le billet coûte 7 € et 20 centimes.", Lang::Fr, Kind::Money);
        assert!((a - 7.2).abs() < 1e-9 && u == "Euro");
        let (_, a, u) = one("Kiev a reçu 500 hryvnias.", Lang::Fr, Kind::Money);
        assert_eq!((a, u.as_str()), (500.0, "Hryvnia ukrainienne"));
    }

    #[test]
    fn measures() {
        let (_, a, u) = one("The convoy drove 120 km north.", Lang::En, Kind::Dimension);
        assert_eq!((a, u.as_str()), (120.0, "Kilometer"));
        let (_, a, u) = one("A 30-foot wall.", Lang::En, Kind::Dimension);
        assert_eq!((a, u.as_str()), (30.0, "Foot"));
        let (_, a, u) = one(
            "The reservoir holds 2,4 milliards de mètres cubes.",
            Lang::Fr,
            Kind::Dimension,
        );
        assert_eq!((a, u.as_str()), (2.4e9, "Mètre cube"));
        let (_, a, u) = one("Winds of 90 km/h hit the coast.", Lang::En, Kind::Dimension);
        assert_eq!((a, u.as_str()), (90.0, "Kilometer per hour"));
        let (_, a, _) = one("The soldier is 6 feet 3 inches tall.", Lang::En, Kind::Dimension);
        assert!((a - 6.25).abs() < 1e-9);
        assert!(q("The meeting ends at 6pm.", Lang::En, Kind::Dimension).is_empty());
        // "pounds" after a word of weight is no money.
        assert!(q("The senator lost 30 pounds last year.", Lang::En, Kind::Money).is_empty());
        assert_eq!(q("The fine was 30 pounds.", Lang::En, Kind::Money).len(), 1);
    }

    #[test]
    fn money_symbols_and_codes() {
        let (t, a, u) = one("Officials seized 2 500 US$ in cash.", Lang::En, Kind::Money);
        assert_eq!(
            (t.as_str(), a, u.as_str()),
            ("2 500 US$", 2500.0, "United States dollar")
        );
        let (_, a, u) = one("Le projet coûte 5 M€ selon la mairie.", Lang::Fr, Kind::Money);
        assert_eq!((a, u.as_str()), (5e6, "Euro"));
        let (_, a, u) = one("Singapore pledged S$ 40 million.", Lang::En, Kind::Money);
        assert_eq!((a, u.as_str()), (40e6, "Singapore dollar"));
        let (_, a, _) = one("The ministry paid Rs 35 crore.", Lang::En, Kind::Money);
        assert_eq!(a, 35e7);
        // A possessive before a dollar sign is no Singapore dollar.
        let (_, _, u) = one("the company's $ 12 billion debt", Lang::En, Kind::Money);
        assert_eq!(u, "Dollar");
        // Two amounts side by side stay two amounts.
        assert_eq!(q("Prices: 10 $ 30 $.", Lang::En, Kind::Money).len(), 2);
        assert!(q("The ministry said TRY again.", Lang::En, Kind::Money).is_empty());
        let (_, a, u) = one("The state paid 12,50,000 rupees in damages.", Lang::En, Kind::Money);
        assert_eq!((a, u.as_str()), (1_250_000.0, "Rupee"));
        let (_, a, u) = one("Kyiv sold UAH 500 million of bonds.", Lang::En, Kind::Money);
        assert_eq!((a, u.as_str()), (500e6, "Ukrainian hryvnia"));
        // French "livres" are money with a scale or decimals, books or weight otherwise.
        assert!(q("Il a écrit 3 livres sur la guerre.", Lang::Fr, Kind::Money).is_empty());
        let (_, a, _) = one("Londres a versé 3 millions de livres.", Lang::Fr, Kind::Money);
        assert_eq!(a, 3e6);
    }

    #[test]
    fn measures_glued_and_composed() {
        let (t, a, u) = one("The shell measured 155mm across.", Lang::En, Kind::Dimension);
        assert_eq!((t.as_str(), a, u.as_str()), ("155mm", 155.0, "Millimeter"));
        let (_, a, u) = one("A 1.8m fence.", Lang::En, Kind::Dimension);
        assert_eq!((a, u.as_str()), (1.8, "Meter"));
        let (_, _, u) = one("The drone flew at 30 metres per second.", Lang::En, Kind::Dimension);
        assert_eq!(u, "Meter per second");
        let (_, _, u) = one("Le drone volait à 30 mètres par minute.", Lang::Fr, Kind::Dimension);
        assert_eq!(u, "Mètre par minute");
        let (_, a, u) = one("Le site couvre 190 km2 de forêt.", Lang::Fr, Kind::Dimension);
        assert_eq!((a, u.as_str()), (190.0, "Kilomètre carré"));
        assert!(q("Flight A320-200 and the G7 summit.", Lang::En, Kind::Dimension).is_empty());
        assert!(q("He said \"we won 3\" and left.", Lang::En, Kind::Dimension).is_empty());
    }

    #[test]
    fn no_panic_on_odd_input() {
        let alphabet: Vec<char> = "0123456789 ,.-$€£¥½°/'\"aAmMkKgGlLsSuUdD²元ரூ\u{a0}yearsoldansâgé"
            .chars()
            .collect();
        let r = Recognizer::new().expect("tables");
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(x % 24) {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                s.push(alphabet[(x >> 33) as usize % alphabet.len()]);
            }
            for lang in [Lang::En, Lang::Fr] {
                let _ = r.recognize(&s, lang, None);
            }
        }
    }

    #[test]
    fn ages_en_fr() {
        let (_, a, u) = one("A 17-year-old protester was hurt.", Lang::En, Kind::Age);
        assert_eq!((a, u.as_str()), (17.0, "Year"));
        assert!(q("The war lasted five years.", Lang::En, Kind::Age).is_empty());
        let v = q("Les victimes, âgées de 22 à 83 ans, vivaient ici.", Lang::Fr, Kind::Age);
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!((v[0].1, v[1].1), (22.0, 83.0));
        assert!(q("Il a été condamné à cinq ans de prison.", Lang::Fr, Kind::Age).is_empty());
        assert!(q(
            "La Russie a envahi l'Ukraine il y a près de trois ans.",
            Lang::Fr,
            Kind::Age
        )
        .is_empty());
        assert!(q("Le chantier a duré 3 ans.", Lang::Fr, Kind::Age).is_empty());
        let v = q("Trois hommes de 21 à 38 ans ont été arrêtés.", Lang::Fr, Kind::Age);
        assert_eq!(v.iter().map(|x| x.1).collect::<Vec<_>>(), [21.0, 38.0]);
        let v = q("Volunteers aged 18 to 25 were recruited.", Lang::En, Kind::Age);
        assert_eq!(v.iter().map(|x| x.1).collect::<Vec<_>>(), [18.0, 25.0]);
        assert!(q("Les travaux ont duré pendant trois ans.", Lang::Fr, Kind::Age).is_empty());
        let (_, a, u) = one("Le soldat a 30 ans.", Lang::Fr, Kind::Age);
        assert_eq!((a, u.as_str()), (30.0, "Ans"));
    }
}
