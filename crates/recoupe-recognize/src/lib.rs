//! Recognisers for French and English news text: how many, and when.
//!
//! Every claim recoupe extracts stands on two questions: "how many" (a count, a bound, a
//! range, a percentage, an amount of money, a measure, an age) and "when" (a date, a time
//! of day, a period, a duration, resolved against the article's publication date). This
//! crate answers both for one sentence or paragraph at a time, as typed [`Recognized`]
//! spans with resolved values.
//!
//! The grammars are hand-written over a small tokeniser ([`token`]) because no crate reads
//! French quantity grammar or French and English time expressions well enough; the words
//! themselves (number words, units, currencies, months, weekdays, bound and hedge phrases)
//! are data, in `data/recognize/*.toml`, compiled in and extensible at run time.

pub mod datetime;
pub mod gate;
pub mod number;
pub mod peer;
pub mod range;
pub mod tables;
pub mod token;
pub mod units;

use serde::Serialize;

use crate::number::{Num, NumKind};
use crate::tables::NumberWords;
use crate::token::Tokens;

pub use jiff::civil::DateTime;

/// The recognisers' error type.
#[derive(Debug, thiserror::Error)]
pub enum RecognizeError {
    #[error("invalid recogniser data: {0}")]
    Data(String),
    #[error("cannot read {path}: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("{path}: {reason}")]
    Peer { path: String, reason: String },
}

/// The languages recoupe recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "fr" | "french" | "fra" | "fre" => Some(Lang::Fr),
            "en" | "english" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The type of a recognised span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Number,
    Ordinal,
    Percent,
    Range,
    Money,
    Dimension,
    Age,
    Date,
    Time,
    Datetime,
    Duration,
    Set,
}

/// A resolved date, time or period. Dates are ISO 8601 (`2024-10-18`), times `HH:MM:SS`,
/// date-times `YYYY-MM-DDTHH:MM:SS`; open intervals ("after May", "until 2019") leave one end out.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum TimeValue {
    Point(String),
    Interval {
        #[serde(skip_serializing_if = "Option::is_none")]
        start: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        end: Option<String>,
    },
    Duration {
        /// ISO 8601 duration, `P3D`, `PT2H30M`.
        iso: String,
        seconds: f64,
    },
    Set {
        /// TIMEX3-style recurrence, `P1W`, `XXXX-WXX-1`.
        timex: String,
    },
    /// No reference date to resolve against: the expression as written.
    Unresolved {
        unresolved: String,
    },
}

/// The value of a recognised span; serialised as the `value` of `recoupe recognize`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A mention without a figure ("the percentage of ..."), printed as `null`.
    Null,
    Number(f64),
    /// Bounds; `min_open`/`max_open` say whether the bound itself is excluded
    /// ("more than 30" is `(30,)`, "at least 30" is `[30,)`).
    Range {
        #[serde(skip_serializing_if = "Option::is_none")]
        min: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        max: Option<f64>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        min_open: bool,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        max_open: bool,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        approx: bool,
        /// The unit when the bounds are on an amount: "plus de 2,5 milliards de dollars",
        /// "entre 5 et 10 %" (`%`), "aged 22 to 83".
        #[serde(skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        iso: Option<String>,
    },
    /// "the last", "the previous one": an ordinal relative to the end or the current item.
    Relative {
        relative_to: &'static str,
        offset: i64,
    },
    /// Money, measures and ages: an amount in a unit. `unit` is the canonical unit name,
    /// `iso` the ISO 4217 code for currencies.
    Quantity {
        amount: f64,
        unit: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        iso: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        subtype: Option<String>,
    },
    Time(TimeValue),
}

/// One recognised span. Offsets count Unicode scalar values, end exclusive, like every
/// offset in recoupe.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recognized {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    pub value: Value,
}

/// A candidate over tokens `i..j`, before overlaps are settled and offsets converted.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    pub i: usize,
    pub j: usize,
    pub kind: Kind,
    pub value: Value,
}

/// Which recognisers to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Families {
    pub numbers: bool,
    pub ranges: bool,
    pub units: bool,
    pub datetime: bool,
}

impl Families {
    pub const ALL: Families = Families {
        numbers: true,
        ranges: true,
        units: true,
        datetime: true,
    };
}

/// The tables of one language.
#[derive(Debug, Default)]
pub struct LangData {
    pub gate: gate::Gate,
    pub numbers: NumberWords,
    pub ranges: range::RangeWords,
    pub units: units::UnitTables,
    pub dt: datetime::DtTables,
}

/// Every table, loaded once; cheap to share between threads.
#[derive(Debug)]
pub struct Recognizer {
    fr: LangData,
    en: LangData,
}

const GATE_TOML: &str = include_str!("../../../data/recognize/gate.toml");
const NUMBERS_TOML: &str = include_str!("../../../data/recognize/numbers.toml");
const RANGES_TOML: &str = include_str!("../../../data/recognize/ranges.toml");
const UNITS_TOML: &str = include_str!("../../../data/recognize/units.toml");
const DATETIME_EN_TOML: &str = include_str!("../../../data/recognize/datetime-en.toml");
const DATETIME_FR_TOML: &str = include_str!("../../../data/recognize/datetime-fr.toml");

impl Recognizer {
    /// The built-in tables.
    pub fn new() -> Result<Self, RecognizeError> {
        let mut r = Recognizer {
            fr: LangData::default(),
            en: LangData::default(),
        };
        r.add_data(NUMBERS_TOML, RANGES_TOML, UNITS_TOML)?;
        r.add_datetime(Lang::En, DATETIME_EN_TOML)?;
        r.add_datetime(Lang::Fr, DATETIME_FR_TOML)?;
        for (lang, dt) in [(Lang::Fr, DATETIME_FR_TOML), (Lang::En, DATETIME_EN_TOML)] {
            let d = match lang {
                Lang::Fr => &mut r.fr,
                Lang::En => &mut r.en,
            };
            use gate::Wake;
            d.gate.add_words(lang, Wake::NUMBERS | Wake::RANGES, &[NUMBERS_TOML])?;
            d.gate.add_words(lang, Wake::UNITS, &[UNITS_TOML])?;
            d.gate.add_words(lang, Wake::DATETIME, &[dt])?;
            d.gate.add_stoplist(lang, GATE_TOML)?;
            // Relative ordinals ("last", "dernière") are read on their own: they stay triggers.
            let single: Vec<String> = d
                .numbers
                .relative
                .map
                .keys()
                .filter(|k| k.chars().all(char::is_alphabetic))
                .cloned()
                .collect();
            single.iter().for_each(|w| d.gate.insert(w, Wake::NUMBERS));
        }
        Ok(r)
    }

    /// Adds entries from user files shaped like the built-in ones (any may be empty).
    pub fn add_data(&mut self, numbers: &str, ranges: &str, units: &str) -> Result<(), RecognizeError> {
        tables::load_numbers(numbers, &mut self.fr.numbers, &mut self.en.numbers)?;
        range::load(ranges, &mut self.fr.ranges, &mut self.en.ranges)?;
        units::load(units, &mut self.fr.units, &mut self.en.units)?;
        Ok(())
    }

    /// Adds time words for one language (a file shaped like `data/recognize/datetime-en.toml`).
    pub fn add_datetime(&mut self, lang: Lang, src: &str) -> Result<(), RecognizeError> {
        let d = match lang {
            Lang::En => &mut self.en,
            Lang::Fr => &mut self.fr,
        };
        datetime::load_lang(src, lang, &mut d.dt)
    }

    /// Adds a user's tables: one TOML file whose optional sections `[numbers]`, `[ranges]`,
    /// `[units]`, `[datetime-fr]` and `[datetime-en]` are shaped like the bundled files of
    /// the same names in `data/recognize/`. Their words also wake the recognisers.
    pub fn add_user_file(&mut self, src: &str) -> Result<(), RecognizeError> {
        let doc: toml::Table = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("user tables: {e}")))?;
        let section = |k: &str| -> Result<String, RecognizeError> {
            match doc.get(k) {
                Some(v) => toml::to_string(v).map_err(|e| RecognizeError::Data(format!("user tables [{k}]: {e}"))),
                None => Ok(String::new()),
            }
        };
        for k in doc.keys() {
            if !matches!(
                k.as_str(),
                "numbers" | "ranges" | "units" | "datetime-fr" | "datetime-en"
            ) {
                return Err(RecognizeError::Data(format!(
                    "user tables: unknown section [{k}] (numbers, ranges, units, datetime-fr, datetime-en)"
                )));
            }
        }
        let (numbers, ranges, units) = (section("numbers")?, section("ranges")?, section("units")?);
        self.add_data(&numbers, &ranges, &units)?;
        for (lang, key) in [(Lang::Fr, "datetime-fr"), (Lang::En, "datetime-en")] {
            let dt = section(key)?;
            self.add_datetime(lang, &dt)?;
            let d = match lang {
                Lang::Fr => &mut self.fr,
                Lang::En => &mut self.en,
            };
            let all = gate::Wake::NUMBERS | gate::Wake::RANGES | gate::Wake::UNITS | gate::Wake::DATETIME;
            d.gate.add_words(lang, all, &[&numbers, &ranges, &units, &dt])?;
        }
        Ok(())
    }

    pub fn data(&self, lang: Lang) -> &LangData {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Every recogniser over `text`; overlapping spans are settled (a date or an amount of
    /// money wins over the numbers inside it).
    pub fn recognize(&self, text: &str, lang: Lang, reference: Option<DateTime>) -> Vec<Recognized> {
        self.recognize_families(text, lang, reference, Families::ALL)
    }

    pub fn recognize_families(
        &self,
        text: &str,
        lang: Lang,
        reference: Option<DateTime>,
        fam: Families,
    ) -> Vec<Recognized> {
        self.gated(text, lang, fam, |tk, fam| {
            let mut cands = self.candidates(tk, lang, reference, fam);
            absorb_bounds(&mut cands);
            to_spans(tk, settle(cands))
        })
    }

    /// Only spans of the given kinds, settled among themselves (the peer harness checks one
    /// model at a time, as Recognizers-Text does).
    pub fn recognize_kinds(
        &self,
        text: &str,
        lang: Lang,
        reference: Option<DateTime>,
        fam: Families,
        kinds: &[Kind],
    ) -> Vec<Recognized> {
        self.gated(text, lang, fam, |tk, fam| {
            let mut cands = self.candidates(tk, lang, reference, fam);
            cands.retain(|c| kinds.contains(&c.kind) && !is_approx_only(c));
            to_spans(tk, settle(cands))
        })
    }

    /// Tokenises `text` once, cuts it into clauses, and runs `f` on the tokens of each
    /// clause the gate lets through, with the recognisers that clause needs.
    fn gated(
        &self,
        text: &str,
        lang: Lang,
        fam: Families,
        f: impl Fn(&Tokens, Families) -> Vec<Recognized>,
    ) -> Vec<Recognized> {
        let gate = &self.data(lang).gate;
        let want = (u8::from(fam.numbers) * gate::Wake::NUMBERS)
            | (u8::from(fam.ranges) * gate::Wake::RANGES)
            | (u8::from(fam.units) * gate::Wake::UNITS)
            | (u8::from(fam.datetime) * gate::Wake::DATETIME);
        let all = Tokens::new(text);
        let bounds = gate::token_clauses(&all);
        let mut toks = all.toks.into_iter();
        let mut out = Vec::new();
        let (mut byte, mut chars) = (0usize, 0usize);
        for (a, b) in bounds {
            let clause: Vec<token::Token> = toks.by_ref().take(b - a).collect();
            let w = gate.wakes_tokens(text, &clause, want);
            let needed = Families {
                numbers: fam.numbers && w.has(gate::Wake::NUMBERS),
                ranges: fam.ranges && w.has(gate::Wake::RANGES),
                units: fam.units && w.has(gate::Wake::UNITS),
                datetime: fam.datetime && w.has(gate::Wake::DATETIME),
            };
            if !(needed.numbers || needed.ranges || needed.units || needed.datetime) {
                continue;
            }
            let Some(first) = clause.first() else { continue };
            chars += text[byte..first.start].chars().count();
            byte = first.start;
            let tk = Tokens::from_parts(text, clause, (byte, chars));
            out.extend(f(&tk, needed));
        }
        out
    }

    /// All candidates, overlapping, in no particular order.
    pub fn candidates(&self, tk: &Tokens, lang: Lang, reference: Option<DateTime>, fam: Families) -> Vec<Cand> {
        let d = self.data(lang);
        let nums = number::scan(tk, &d.numbers, lang);
        let mut out = Vec::new();
        // Web addresses, looked for in this clause only.
        let (lo, hi) = if tk.is_empty() { (0, 0) } else { tk.bytes(0, tk.len()) };
        let urls: Vec<(usize, usize)> = url_spans(&tk.text[lo..hi])
            .into_iter()
            .map(|(s, e)| (s + lo, e + lo))
            .collect();
        if fam.numbers {
            for n in nums
                .iter()
                .chain(&number::ordinals_in_fractions(tk, &nums, &d.numbers, lang))
            {
                out.push(num_cand(n));
            }
            out.extend(range::percents(tk, &nums, d, lang));
            out.extend(range::relative_ordinals(tk, d));
        }
        if fam.ranges {
            out.extend(range::ranges(tk, &nums, d, lang));
        }
        if fam.units {
            out.extend(units::scan(tk, &nums, d, lang));
        }
        if fam.datetime {
            out.extend(datetime::scan(tk, &nums, d, lang, reference));
        }
        if !urls.is_empty() {
            out.retain(|c| {
                let (s, e) = tk.bytes(c.i, c.j);
                !urls.iter().any(|&(us, ue)| s < ue && us < e)
            });
        }
        out
    }
}

/// Byte ranges of web addresses, where digits are not quantities ("?q=30%25").
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..]
        .find("http")
        .map(|p| p + from)
        .or_else(|| text[from..].find("www.").map(|p| p + from))
    {
        let rest = &text[p..];
        let is_url = rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
        let end = p + rest.find(char::is_whitespace).unwrap_or(rest.len());
        if is_url {
            out.push((p, end));
        }
        from = if is_url { end } else { p + 4 };
        if from >= text.len() {
            break;
        }
    }
    out
}

/// "about 3 000", "des milliers de": hedged quantities, which are not ranges in the peer's sense.
fn is_approx_only(c: &Cand) -> bool {
    matches!(c.value, Value::Range { approx: true, .. })
}

fn num_cand(n: &Num) -> Cand {
    let kind = match n.kind {
        NumKind::Ordinal => Kind::Ordinal,
        _ => Kind::Number,
    };
    Cand {
        i: n.i,
        j: n.j,
        kind,
        value: Value::Number(n.value),
    }
}

/// "about 40 %", "plus de 5 millions d'euros": a bound or hedge written before a percentage,
/// an amount or a measure belongs to it; the specific reading is stretched over the bound
/// phrase so that it wins over the bare range.
fn absorb_bounds(cands: &mut Vec<Cand>) {
    let mut extra = Vec::new();
    let mut absorbed = vec![false; cands.len()];
    for r in cands.iter().filter(|c| c.kind == Kind::Range) {
        let Value::Range {
            min,
            max,
            min_open,
            max_open,
            approx,
            ..
        } = r.value.clone()
        else {
            continue;
        };
        for (k, c) in cands.iter().enumerate() {
            let specific = matches!(c.kind, Kind::Percent | Kind::Money | Kind::Dimension | Kind::Age);
            // The amount starts inside the bound phrase, or contains it, and reaches past it.
            let overlaps = (c.i > r.i && c.i < r.j) || (c.i <= r.i && c.j > r.i);
            if !(specific && overlaps && c.j > r.j) {
                continue;
            }
            let (unit, iso) = match &c.value {
                Value::Quantity { unit, iso, .. } => (Some(unit.clone()), iso.clone()),
                _ => (Some("%".to_string()), None),
            };
            absorbed[k] = true;
            extra.push(Cand {
                i: r.i.min(c.i),
                j: c.j,
                kind: c.kind,
                value: Value::Range {
                    min,
                    max,
                    min_open,
                    max_open,
                    approx,
                    unit,
                    iso,
                },
            });
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
    cands.extend(extra);
    // "by twelve percent": a time reading that takes the number but stops before its unit loses.
    let units: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| matches!(c.kind, Kind::Percent | Kind::Money | Kind::Dimension))
        .map(|c| (c.i, c.j))
        .collect();
    cands.retain(|t| {
        let timeish = matches!(t.kind, Kind::Date | Kind::Time | Kind::Datetime | Kind::Set);
        !(timeish && units.iter().any(|&(i, j)| t.j > i && t.j < j && t.i < i))
    });
}

/// An age its context confirms ("elle a 30 ans", "aged 22") beats a duration over the same words.
fn rank_of(c: &Cand) -> u8 {
    match &c.value {
        Value::Quantity { subtype: Some(s), .. } if c.kind == Kind::Age && s == "Age" => 5,
        _ => rank(c.kind),
    }
}

/// How strongly a kind claims its tokens when spans overlap: the more specific wins.
fn rank(k: Kind) -> u8 {
    match k {
        Kind::Number | Kind::Ordinal => 0,
        Kind::Percent | Kind::Range => 2,
        Kind::Money | Kind::Dimension | Kind::Age => 3,
        _ => 4,
    }
}

/// Keeps non-overlapping candidates: longest first, then the more specific kind, then leftmost.
pub fn settle(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (b.j - b.i)
            .cmp(&(a.j - a.i))
            .then(rank_of(b).cmp(&rank_of(a)))
            .then(a.i.cmp(&b.i))
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for c in cands {
        if taken.iter().any(|&(i, j)| c.i < j && i < c.j) {
            continue;
        }
        taken.push((c.i, c.j));
        out.push(c);
    }
    out.sort_by_key(|c| c.i);
    out
}

/// Converts token spans to character offsets and text.
pub fn to_spans(tk: &Tokens, cands: Vec<Cand>) -> Vec<Recognized> {
    let mut out = Vec::with_capacity(cands.len());
    // Byte → char offsets, walking forward once.
    let (mut last_byte, mut last_char) = tk.base;
    let mut char_at = |b: usize| {
        if b < last_byte {
            (last_byte, last_char) = tk.base;
        }
        last_char += tk.text[last_byte..b].chars().count();
        last_byte = b;
        last_char
    };
    for c in cands {
        let (s, e) = tk.bytes(c.i, c.j);
        let start = char_at(s);
        let end = char_at(e);
        out.push(Recognized {
            start,
            end,
            text: tk.text[s..e].to_string(),
            kind: c.kind,
            value: c.value,
        });
    }
    out
}
