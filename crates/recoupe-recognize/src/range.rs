//! Quantity grammar: bounds, ranges, hedges and percentages around a number.
//!
//! "jusqu'à 12 000" is at most 12 000, "plus de 3 000" more than 3 000, "entre 1 000 et
//! 3 000" a range, "des milliers de" a lower bound of a thousand, "environ 10 000" an
//! approximate 10 000, "loin d'être 3 000" less than 3 000. The phrases are data
//! (`data/recognize/ranges.toml`); the grammar combining them is here.

use serde::Deserialize;

use crate::number::{number_at, Num, NumKind};
use crate::tables::{canonical, Map, Phrases, Set};
use crate::token::{fold, Tokens};
use crate::{Cand, Kind, Lang, LangData, RecognizeError, Value};

/// What a bound phrase does to the number after (or before) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Min,
    MinOpen,
    Max,
    MaxOpen,
    Equal,
    Approx,
    Incl,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawRanges {
    before: Map<String, Bound>,
    after: Map<String, Bound>,
    between: Vec<(String, String)>,
    links: Vec<String>,
    groups: Map<String, f64>,
    group_of: Vec<String>,
    about: Map<String, f64>,
    articles: Vec<String>,
}

/// Range phrases of one language.
#[derive(Debug, Default)]
pub struct RangeWords {
    pub before: Phrases<Bound>,
    pub after: Phrases<Bound>,
    /// (opening phrase, its token count), (linking phrase, its token count).
    pub between: Vec<((String, usize), (String, usize))>,
    pub links: Vec<String>,
    pub groups: Map<String, f64>,
    pub group_of: Vec<String>,
    pub about: Phrases<f64>,
    pub articles: Vec<String>,
    /// First words of every phrase above, so that most tokens are refused with one lookup.
    pub starts: Set<String>,
}

impl RangeWords {
    fn index_starts(&mut self) {
        let first = |p: &str| Tokens::new(p).toks.first().map(|t| t.norm.to_string());
        let mut st = Set::default();
        st.extend(self.before.map.keys().filter_map(|k| first(k)));
        st.extend(self.about.map.keys().filter_map(|k| first(k)));
        st.extend(self.between.iter().filter_map(|((o, _), _)| first(o)));
        st.extend(self.groups.keys().cloned());
        st.extend(["des", "plusieurs", "quelques", "de", "several", "many", "some"].map(String::from));
        self.starts = st;
    }
}

pub fn load(src: &str, fr: &mut RangeWords, en: &mut RangeWords) -> Result<(), RecognizeError> {
    #[derive(Deserialize)]
    struct Doc {
        #[serde(default)]
        fr: RawRanges,
        #[serde(default)]
        en: RawRanges,
    }
    let doc: Doc = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("ranges: {e}")))?;
    for (raw, w) in [(doc.fr, fr), (doc.en, en)] {
        for (k, v) in raw.before {
            w.before.insert(&k, v);
        }
        for (k, v) in raw.after {
            w.after.insert(&k, v);
        }
        for (k, v) in raw.about {
            w.about.insert(&k, v);
        }
        let canon = |s: &str| {
            let t = Tokens::new(s);
            canonical(&t, 0, t.len())
        };
        let counted = |s: &str| (canon(s), Tokens::new(s).len());
        w.between
            .extend(raw.between.iter().map(|(a, b)| (counted(a), counted(b))));
        w.links.extend(raw.links.iter().map(|s| fold(s).into_owned()));
        w.groups
            .extend(raw.groups.into_iter().map(|(k, v)| (fold(&k).into_owned(), v)));
        w.group_of.extend(raw.group_of.iter().map(|s| canon(s)));
        w.articles.extend(raw.articles.iter().map(|s| canon(s)));
        w.index_starts();
    }
    Ok(())
}

/// A quantity usable inside a range: a number, "une dizaine", "la moitié".
#[derive(Debug, Clone, Copy)]
struct Q {
    j: usize,
    value: f64,
    approx: bool,
}

fn quantity_at(tk: &Tokens, i: usize, d: &LangData, lang: Lang) -> Option<Q> {
    if let Some((j, v)) = d.ranges.about.longest_at(tk, i) {
        return Some(Q {
            j,
            value: *v,
            approx: true,
        });
    }
    let n = number_at(tk, i, &d.numbers, lang)?;
    Some(Q {
        j: n.j,
        value: n.value,
        approx: false,
    })
}

/// A quantity, allowing an article before it ("between the tenth and the fifteenth").
fn quantity_art(tk: &Tokens, i: usize, d: &LangData, lang: Lang) -> Option<Q> {
    if let Some(q) = quantity_at(tk, i, d, lang) {
        return Some(q);
    }
    if d.ranges.articles.iter().any(|a| a == tk.n(i)) {
        return quantity_at(tk, i + 1, d, lang);
    }
    None
}

/// Whether the `n` tokens of `phrase` (canonical form) stand at `i`.
fn phrase_matches(tk: &Tokens, i: usize, (phrase, n): &(String, usize)) -> Option<usize> {
    let n = *n;
    // Cheap refusal first: the phrase must begin with this token.
    if !phrase.starts_with(tk.n(i)) || i >= tk.len() || n == 0 || i + n > tk.len() {
        return None;
    }
    if canonical(tk, i, i + n) == *phrase {
        Some(i + n)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy)]
struct Bounds {
    i: usize,
    j: usize,
    min: Option<f64>,
    max: Option<f64>,
    min_open: bool,
    max_open: bool,
    approx: bool,
}

impl Bounds {
    /// "between a and b" from token `i`: `[a, b)`, Recognizers-Text's convention.
    fn between(i: usize, a: &Q, b: &Q) -> Bounds {
        Bounds {
            i,
            j: b.j,
            min: Some(a.value),
            max: Some(b.value),
            min_open: false,
            max_open: true,
            approx: a.approx || b.approx,
        }
    }

    fn cand(self) -> Cand {
        Cand {
            i: self.i,
            j: self.j,
            kind: Kind::Range,
            value: Value::Range {
                min: self.min,
                max: self.max,
                min_open: self.min_open,
                max_open: self.max_open,
                approx: self.approx,
                unit: None,
                iso: None,
            },
        }
    }
}

/// One bound: "[phrase] quantity [after-phrase]" or "quantity after-phrase".
fn bound_at(tk: &Tokens, i: usize, d: &LangData, lang: Lang) -> Option<Bounds> {
    let r = &d.ranges;
    let (qi, before) = match r.before.longest_at(tk, i) {
        Some((j, b)) => (j, Some(*b)),
        None => (i, None),
    };
    // "=>30" and "=<30" are not comparisons recoupe reads.
    if qi > i && i > 0 && tk.n(i - 1) == "=" && !tk.spaced(i) {
        return None;
    }
    let q = quantity_at(tk, qi, d, lang)?;
    // "about 20~100", "about 500 or more": the hedge yields to the range after it.
    if before == Some(Bound::Approx) && (between_at(tk, qi, d, lang).is_some() || r.after.longest_at(tk, q.j).is_some())
    {
        return None;
    }
    let mut b = Bounds {
        i,
        j: q.j,
        min: None,
        max: None,
        min_open: false,
        max_open: false,
        approx: q.approx,
    };
    match before {
        Some(Bound::Min) => b.min = Some(q.value),
        Some(Bound::MinOpen) => {
            b.min = Some(q.value);
            b.min_open = true
        }
        Some(Bound::Max) => b.max = Some(q.value),
        Some(Bound::MaxOpen) => {
            b.max = Some(q.value);
            b.max_open = true
        }
        Some(Bound::Equal) => {
            b.min = Some(q.value);
            b.max = Some(q.value)
        }
        Some(Bound::Approx) => {
            b.min = Some(q.value);
            b.max = Some(q.value);
            b.approx = true;
        }
        Some(Bound::Incl) | None => {}
    }
    // "equal to 5000 or less than 6000": the second phrase bounds its own number.
    let after = r
        .after
        .longest_at(tk, q.j)
        .filter(|(j, _)| quantity_at(tk, *j, d, lang).is_none());
    if let Some((j, after)) = after {
        match (before, *after) {
            (None | Some(Bound::Equal), Bound::Min) => {
                b.min = Some(q.value);
                b.max = None;
                b.min_open = false;
                b.j = j;
            }
            (None | Some(Bound::Equal), Bound::Max) => {
                b.max = Some(q.value);
                b.min = None;
                b.max_open = false;
                b.j = j;
            }
            (Some(Bound::MinOpen | Bound::Min), Bound::Incl | Bound::Min) => {
                b.min_open = false;
                b.j = j;
            }
            (Some(Bound::MaxOpen | Bound::Max), Bound::Incl | Bound::Max) => {
                b.max_open = false;
                b.j = j;
            }
            _ => {}
        }
    }
    // "une dizaine de": about ten, with nothing before it.
    if before.is_none() && b.min.is_none() && b.max.is_none() && q.approx {
        b.min = Some(q.value);
        b.max = Some(q.value);
    }
    if before.is_none() && b.min.is_none() && b.max.is_none() {
        return None;
    }
    Some(b)
}

/// "entre 500 et 600 millions", "between 2 and 3 billion": the scale word written once
/// belongs to both numbers.
fn shared_scale(tk: &Tokens, a: Q, b: &Q, d: &LangData) -> Q {
    let last = tk.w(b.j.saturating_sub(1));
    if let Some(crate::tables::WordClass::Scale(s)) = d.numbers.words.get(last) {
        if a.value < 1000.0 && a.value * s <= b.value && !a.approx && tk.w(a.j.saturating_sub(1)) != last {
            return Q {
                value: a.value * s,
                ..a
            };
        }
    }
    a
}

/// "between 3 and 5", "de 3 à 5", "3-5", "3 to 5": a closed-open range, as Recognizers-Text writes it.
fn between_at(tk: &Tokens, i: usize, d: &LangData, lang: Lang) -> Option<Bounds> {
    let r = &d.ranges;
    for (open, link) in &r.between {
        let Some(k) = phrase_matches(tk, i, open) else { continue };
        let Some(a) = quantity_art(tk, k, d, lang) else {
            continue;
        };
        let Some(l) = phrase_matches(tk, a.j, link) else {
            continue;
        };
        let Some(b) = quantity_art(tk, l, d, lang) else {
            continue;
        };
        let a = shared_scale(tk, a, &b, d);
        if a.value < b.value {
            let start = if lang == Lang::Fr && (open.0 == "de" || open.0 == "d'") {
                k
            } else {
                i
            };
            return Some(Bounds::between(start, &a, &b));
        }
    }
    let a = quantity_at(tk, i, d, lang)?;
    let link = tk.n(a.j);
    if !r.links.iter().any(|l| l == link) {
        return None;
    }
    let b = quantity_at(tk, a.j + 1, d, lang)?;
    let a = shared_scale(tk, a, &b, d);
    // "+1-222-2222-2222" is a phone number, not a range.
    let chained = |x: usize| matches!(tk.n(x), "-" | "–" | "/") && tk.toks.get(x + 1).is_some_and(|t| t.is_digits());
    if link != "to" && link != "a" && (chained(b.j) || (i > 0 && matches!(tk.n(i - 1), "-" | "+"))) {
        return None;
    }
    // "1995-01" is a month; a range grows.
    if a.value < b.value {
        return Some(Bounds::between(i, &a, &b));
    }
    None
}

/// "des milliers de", "thousands of", "des dizaines de milliers de": at least that many.
fn group_at(tk: &Tokens, i: usize, d: &LangData) -> Option<Bounds> {
    let r = &d.ranges;
    let mut k = i;
    let first = tk.w(k);
    // "des", "plusieurs", "quelques", "many", "several" in front are part of the phrase.
    if matches!(
        first,
        "des" | "plusieurs" | "quelques" | "de" | "several" | "many" | "some"
    ) {
        k += 1;
    }
    let v = *r.groups.get(tk.w(k))?;
    k += 1;
    let mut value = v;
    // "des dizaines de milliers", "tens of thousands".
    if r.group_of.iter().any(|o| o == tk.n(k)) {
        if let Some(w) = r.groups.get(tk.w(k + 1)) {
            if *w > v {
                value = v * w;
                k += 2;
            }
        }
    }
    let of = r.group_of.iter().any(|o| o == tk.n(k));
    if !of && k == i + 1 {
        return None;
    }
    Some(Bounds {
        i,
        j: k,
        min: Some(value),
        max: None,
        min_open: false,
        max_open: false,
        approx: true,
    })
}

/// Whether a bound or range can start at token `i`: a number, a bound phrase, an opening
/// word, a magnitude noun. Most tokens are none of these and cost one or two lookups.
fn may_start(tk: &Tokens, i: usize, nums: &[Num], d: &LangData) -> bool {
    let r = &d.ranges;
    let w = tk.n(i);
    r.starts.contains(w) || nums.binary_search_by_key(&i, |n| n.i).is_ok()
}

/// Ranges and bounds in a text.
pub fn ranges(tk: &Tokens, nums: &[Num], d: &LangData, lang: Lang) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tk.len() {
        if !may_start(tk, i, nums, d) {
            i += 1;
            continue;
        }
        let found = between_at(tk, i, d, lang)
            .or_else(|| bound_at(tk, i, d, lang))
            // "620 millions d'euros" is a number with its scale, not "des millions de".
            .or_else(|| {
                (!nums.iter().any(|n| n.i < i && i < n.j))
                    .then(|| group_at(tk, i, d))
                    .flatten()
            });
        let Some(mut b) = found else {
            i += 1;
            continue;
        };
        // Two bounds of opposite sides joined by "and" or a comma make one range.
        if b.min.is_some() != b.max.is_some() && !b.approx {
            let mut k = b.j;
            if tk.n(k) == "," || matches!(tk.w(k), "and" | "et" | "but" | "mais") {
                k += 1;
            }
            if let Some(c) = bound_at(tk, k, d, lang) {
                if c.min.is_some() != c.max.is_some() && !c.approx && b.min.is_some() != c.min.is_some() {
                    let (lo, lo_open) = if b.min.is_some() {
                        (b.min, b.min_open)
                    } else {
                        (c.min, c.min_open)
                    };
                    let (hi, hi_open) = if b.max.is_some() {
                        (b.max, b.max_open)
                    } else {
                        (c.max, c.max_open)
                    };
                    if lo < hi {
                        b = Bounds {
                            i: b.i,
                            j: c.j,
                            min: lo,
                            max: hi,
                            min_open: lo_open,
                            max_open: hi_open,
                            approx: false,
                        };
                    }
                }
            }
        }
        out.push(b.cand());
        i = b.j.max(i + 1);
    }
    out
}

/// Percentages: "12 %", "12 pour cent", "twelve percent", "percent of 10".
pub fn percents(tk: &Tokens, nums: &[Num], d: &LangData, _lang: Lang) -> Vec<Cand> {
    let mut out = Vec::new();
    for n in nums {
        if n.kind == NumKind::Ordinal {
            continue;
        }
        let j = n.j;
        let end = if tk.n(j) == "%" && tk.gap_before(j).chars().count() <= 1 {
            Some(j + 1)
        } else {
            d.numbers.percent.longest_at(tk, j).map(|(e, _)| e)
        };
        if let Some(e) = end {
            out.push(Cand {
                i: n.i,
                j: e,
                kind: Kind::Percent,
                value: Value::Number(n.value),
            });
        }
    }
    // "percent of 10": the word before the number; "the % of increase": a percentage without a figure.
    for i in 0..tk.len() {
        let t = &tk.toks[i];
        if t.norm == "%" {
            let alone = tk.spaced(i) && tk.toks.get(i + 1).is_none_or(|_| tk.spaced(i + 1));
            if alone && !nums.iter().any(|n| n.j == i) {
                out.push(Cand {
                    i,
                    j: i + 1,
                    kind: Kind::Percent,
                    value: Value::Null,
                });
            }
            continue;
        }
        if !t.is_word() {
            continue;
        }
        let Some((k, _)) = d.numbers.percent.longest_at(tk, i) else {
            continue;
        };
        if matches!(tk.w(k), "of" | "des" | "de") {
            if let Some(n) = nums.iter().find(|n| n.i == k + 1) {
                out.push(Cand {
                    i,
                    j: n.j,
                    kind: Kind::Percent,
                    value: Value::Number(n.value),
                });
                continue;
            }
        }
        if k == i + 1 && !nums.iter().any(|n| n.j == i) && d.numbers.percent_nouns.iter().any(|w| *w == *t.norm) {
            out.push(Cand {
                i,
                j: k,
                kind: Kind::Percent,
                value: Value::Null,
            });
        }
    }
    out
}

/// "the last", "the previous one", "l'avant-dernier".
pub fn relative_ordinals(tk: &Tokens, d: &LangData) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tk.len() {
        if let Some((j, (rel, off))) = d.numbers.relative.longest_at(tk, i) {
            let relative_to = match rel.as_str() {
                "end" => "end",
                "start" => "start",
                _ => "current",
            };
            out.push(Cand {
                i,
                j,
                kind: Kind::Ordinal,
                value: Value::Relative {
                    relative_to,
                    offset: *off,
                },
            });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}
