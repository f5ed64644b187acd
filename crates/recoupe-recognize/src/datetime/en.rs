//! Time expressions in English.
//!
//! Hand-written because no Rust crate reads English date and time phrases with their
//! news-text variety ("25 April, 2019", "last Friday", "between 3 and 5 pm tomorrow",
//! "two days ago", "every other week") and resolves them against a publication date.
//! The grammar is a set of small parsers over tokens that build on each other: atoms
//! (a day, a month, a year, a clock time, a part of the day, a duration), then
//! combinations (a day with a time, ranges with from/between, bounds with before/after/
//! since, recurrences with every/each). Each parser returns the longest reading it finds
//! at a token; overlapping candidates are settled by the caller (longest wins).
//! The words are data, in `data/recognize/datetime-en.toml`.

use crate::tables::Map as HashMap;
use std::cell::RefCell;

use jiff::civil::{Date, Time};
use serde::Deserialize;

use super::resolve::{
    add_days, add_months, add_unit, duration, easter, fmt_date, fmt_datetime, fmt_time, interval, iso_part,
    month_day_near, month_near, month_span, nth_weekday, point, set, unresolved, week_start, weekday_after,
    weekday_before, weekday_in_week, weekday_num, year_span, ymd,
};
use crate::number::{number_at, Num, NumKind};
use crate::tables::{Map, NumberWords, Phrases, Set};
use crate::token::{memoised, TokKind, Tokens};
use crate::{Cand, DateTime, Kind, Lang, LangData, RecognizeError};

/// A part of the day: its TIMEX code and hours.
#[derive(Debug, Clone)]
struct Part {
    code: String,
    start: Time,
    end: Time,
}

/// Words of `data/recognize/datetime-en.toml`.
#[derive(Debug, Default)]
pub struct Tables {
    months: Map<String, i8>,
    ambiguous_months: Set<String>,
    weekdays: Map<String, i8>,
    ambiguous_weekdays: Set<String>,
    weekdays_plural: Map<String, i8>,
    relative_days: Phrases<i64>,
    relative: Phrases<i64>,
    parts: Phrases<Part>,
    day_parts: Phrases<(i64, String)>,
    units: Phrases<(String, f64)>,
    glued_units: Map<String, (String, f64)>,
    vague: Phrases<f64>,
    set_words: Phrases<String>,
    holidays: Phrases<(i8, i8)>,
    easter_holidays: Phrases<i64>,
    weekday_holidays: Phrases<(i8, i8, i32, i64)>,
    now: Phrases<()>,
    seasons: Phrases<String>,
    zones: Set<String>,
    positions: Map<String, i64>,
    /// First words of every phrase: the fast reject of the scan loop.
    starters: Set<String>,
    /// Words that carry time by themselves (months, weekdays, units, "today"...).
    anchors: Set<String>,
    /// First words of several-word units ("business days").
    unit_firsts: Set<String>,
    /// First words of several-word phrases that are no time words alone ("new", "good", "right").
    phrase_firsts: Set<String>,
    /// Every class of every word, built at the first scan (it needs the number words).
    lex: std::sync::OnceLock<Map<String, u32>>,
}

/// Grammar words that start an expression only when a time word follows closely
/// ("in" + "2024", "the" + "first week"): most of their occurrences in news are not times.
/// Words that open a bound: "before May", "since 2019", "no later than Friday".
const BOUND_WORDS: &[&str] = &[
    "before",
    "by",
    "prior",
    "after",
    "since",
    "until",
    "till",
    "til",
    "starting",
    "beginning",
    "commencing",
    "no",
    "later",
    "greater",
    "earlier",
    "as",
    "any",
    "more",
    "less",
    "over",
    "under",
    "at",
];

const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "to",
    "by",
    "from",
    "between",
    "since",
    "after",
    "before",
    "until",
    "till",
    "til",
    "within",
    "over",
    "up",
    "as",
    "no",
    "more",
    "less",
    "greater",
    "later",
    "earlier",
    "any",
    "all",
    "another",
    "every",
    "each",
    "early",
    "late",
    "mid",
    "middle",
    "end",
    "beginning",
    "start",
    "starting",
    "commencing",
    "this",
    "next",
    "last",
    "previous",
    "prior",
    "coming",
    "following",
    "past",
    "current",
    "upcoming",
    "same",
    "around",
    "about",
    "once",
    "other",
    "during",
    "through",
    "throughout",
    "of",
    "and",
    "or",
    "that",
];

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {
    months: HashMap<String, i8>,
    ambiguous_months: Vec<String>,
    weekdays: HashMap<String, i8>,
    ambiguous_weekdays: Vec<String>,
    weekdays_plural: HashMap<String, i8>,
    relative_days: HashMap<String, i64>,
    relative: HashMap<String, i64>,
    parts: HashMap<String, (String, String, String)>,
    day_parts: HashMap<String, (i64, String)>,
    units: HashMap<String, (String, f64)>,
    glued_units: HashMap<String, (String, f64)>,
    vague_counts: HashMap<String, f64>,
    set_words: HashMap<String, String>,
    holidays: HashMap<String, (i8, i8)>,
    easter_holidays: HashMap<String, i64>,
    weekday_holidays: HashMap<String, (i8, i8, i32, i64)>,
    now: Vec<String>,
    seasons: HashMap<String, String>,
    zones: Vec<String>,
    position_words: HashMap<String, i64>,
    keywords: Vec<String>,
}

fn first_word(p: &str) -> String {
    let t = Tokens::new(p);
    t.toks.first().map(|t| t.norm.to_string()).unwrap_or_default()
}

pub fn load(src: &str, t: &mut Tables) -> Result<(), RecognizeError> {
    let raw: Raw = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("datetime-en: {e}")))?;
    let bad = |w: &str| RecognizeError::Data(format!("datetime-en: bad time in parts.{w}"));
    let mut st: Vec<String> = Vec::new();
    for (k, v) in raw.months {
        st.push(k.clone());
        t.months.insert(k, v);
    }
    t.ambiguous_months.extend(raw.ambiguous_months);
    for (k, v) in raw.weekdays {
        st.push(k.clone());
        t.weekdays.insert(k, v);
    }
    t.ambiguous_weekdays.extend(raw.ambiguous_weekdays);
    for (k, v) in raw.weekdays_plural {
        st.push(k.clone());
        t.weekdays_plural.insert(k, v);
    }
    for (k, v) in raw.relative_days {
        st.push(first_word(&k));
        t.relative_days.insert(&k, v);
    }
    for (k, v) in raw.relative {
        st.push(first_word(&k));
        t.relative.insert(&k, v);
    }
    for (k, (code, s, e)) in raw.parts {
        let start: Time = s.parse().map_err(|_| bad(&k))?;
        let end: Time = e.parse().map_err(|_| bad(&k))?;
        st.push(first_word(&k));
        t.parts.insert(&k, Part { code, start, end });
    }
    for (k, v) in raw.day_parts {
        st.push(first_word(&k));
        t.day_parts.insert(&k, v);
    }
    for (k, v) in raw.units {
        st.push(first_word(&k));
        t.unit_firsts.insert(first_word(&k));
        t.units.insert(&k, v);
    }
    t.glued_units.extend(raw.glued_units);
    for (k, v) in raw.vague_counts {
        st.push(first_word(&k));
        t.vague.insert(&k, v);
    }
    for (k, v) in raw.set_words {
        st.push(first_word(&k));
        t.set_words.insert(&k, v);
    }
    for (k, v) in raw.holidays {
        st.push(first_word(&k));
        t.holidays.insert(&k, v);
    }
    for (k, v) in raw.easter_holidays {
        st.push(first_word(&k));
        t.easter_holidays.insert(&k, v);
    }
    for (k, v) in raw.weekday_holidays {
        st.push(first_word(&k));
        t.weekday_holidays.insert(&k, v);
    }
    for k in raw.now {
        st.push(first_word(&k));
        t.now.insert(&k, ());
    }
    for (k, v) in raw.seasons {
        st.push(first_word(&k));
        t.seasons.insert(&k, v);
    }
    t.zones.extend(raw.zones);
    t.positions.extend(raw.position_words);
    for w in [
        "from",
        "between",
        "since",
        "after",
        "before",
        "until",
        "till",
        "til",
        "in",
        "on",
        "at",
        "by",
        "within",
        "every",
        "each",
        "the",
        "a",
        "an",
        "end",
        "beginning",
        "start",
        "middle",
        "mid",
        "early",
        "late",
        "later",
        "earlier",
        "as",
        "no",
        "year",
        "week",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "around",
        "about",
        "for",
        "more",
        "less",
        "greater",
        "noon",
        "midday",
        "midnight",
        "noonish",
        "half",
        "quarter",
        "once",
        "twice",
        "any",
        "all",
        "another",
        "other",
        "eod",
        "eoy",
        "eom",
        "cy",
        "q",
        "h",
        "fiscal",
        "calendar",
        "school",
        "sy",
        "fy",
        "nineties",
        "eighties",
        "seventies",
        "sixties",
        "fifties",
        "twenties",
        "thirties",
        "forties",
        "starting",
        "beginning",
        "commencing",
        "over",
        "during",
        "through",
        "throughout",
        "up",
        "to",
        "upcoming",
        "remaining",
        "rest",
        "<",
        ">",
        "one",
        "first",
        "second",
        "third",
        "fourth",
        "last",
        "this",
        "next",
        "month",
        "day",
    ] {
        st.push(w.to_string());
    }
    // Anchors: every word of the tables that is not a grammar word.
    // A several-word phrase that starts with a content word ("new year's day", "right now")
    // is an anchor only where the whole phrase is written: its first word is kept apart.
    let mut anchors: Vec<String> = Vec::new();
    let mut firsts: Vec<String> = Vec::new();
    {
        let mut add_all = |p: &str| {
            let toks = Tokens::new(p).toks;
            let words: Vec<String> = toks
                .iter()
                .filter(|t| t.kind == TokKind::Word)
                .map(|t| t.norm.to_string())
                .collect();
            match words.first() {
                Some(f) if toks.len() > 1 && !FUNCTION_WORDS.contains(&f.as_str()) => firsts.push(f.clone()),
                _ => anchors.extend(words),
            }
        };
        for k in t.months.keys().chain(t.weekdays.keys()).chain(t.weekdays_plural.keys()) {
            add_all(k);
        }
        for k in t
            .relative_days
            .map
            .keys()
            .chain(t.parts.map.keys())
            .chain(t.day_parts.map.keys())
            .chain(t.units.map.keys())
        {
            add_all(k);
        }
        for k in t
            .vague
            .map
            .keys()
            .chain(t.set_words.map.keys())
            .chain(t.holidays.map.keys())
            .chain(t.easter_holidays.map.keys())
        {
            add_all(k);
        }
        for k in t
            .weekday_holidays
            .map
            .keys()
            .chain(t.now.map.keys())
            .chain(t.seasons.map.keys())
        {
            add_all(k);
        }
    }
    for w in raw.keywords {
        st.push(w.clone());
        anchors.push(w);
    }
    for w in ["q", "h", "ish"] {
        anchors.push(w.to_string());
    }
    t.anchors
        .extend(anchors.into_iter().filter(|w| !FUNCTION_WORDS.contains(&w.as_str())));
    t.phrase_firsts
        .extend(firsts.into_iter().filter(|w| !t.anchors.contains(w)));
    t.starters.extend(st);
    // Words were added: the merged lexicon is rebuilt at the next scan.
    t.lex = std::sync::OnceLock::new();
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Values built by the parsers.

/// A clock time; `amb` when the hour could be read twelve hours later (no am/pm).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Tm {
    h: i8,
    m: i8,
    s: i8,
    amb: bool,
}

impl Tm {
    fn time(self) -> Option<Time> {
        let h = if self.h == 24 { 0 } else { self.h };
        Time::new(h, self.m, self.s, 0).ok()
    }
    fn pm(self) -> Tm {
        if self.h < 12 {
            Tm {
                h: self.h + 12,
                amb: false,
                ..self
            }
        } else {
            Tm { amb: false, ..self }
        }
    }
    fn secs(self) -> i32 {
        i32::from(self.h) * 3600 + i32::from(self.m) * 60 + i32::from(self.s)
    }
}

/// A date-level expression before resolution: what is missing is filled from the reference.
#[derive(Debug, Clone, Copy, PartialEq)]
enum De {
    Day(Date),
    /// A day of a month, the year maybe unsaid.
    Md {
        y: Option<i32>,
        m: i8,
        d: i8,
    },
    Month {
        y: Option<i32>,
        m: i8,
    },
    /// A resolved period `[start, end)`.
    Span(Date, Date),
}

/// A resolved moment or period at any granularity.
#[derive(Debug, Clone, Copy, PartialEq)]
enum M {
    Day(Date),
    Span(Date, Date),
    T(Tm),
    TR(Tm, Tm),
    Dt(DateTime),
    DtR(DateTime, DateTime),
}

struct Cx<'a> {
    tk: &'a Tokens<'a>,
    t: &'a Tables,
    nw: &'a NumberWords,
    r: DateTime,
    rd: Date,
    /// Read dates without a year as the next ones ("two weeks from January 15").
    future: std::cell::Cell<bool>,
    /// `date` and `moment` at each token, computed once: the parsers call each other.
    memo_date: RefCell<Vec<Option<P<De>>>>,
    memo_moment: RefCell<Vec<Option<P<M>>>>,
    /// Tokens that are (or begin) a duration unit.
    unit_tok: Vec<bool>,
    /// Look-ahead words of the rarer readings: 1 bound suffix, 2 recurrence, 4 fiscal year.
    flags: Vec<u8>,
    /// Classes of each token (`L_*`, `T_*`): a reader refuses a token by a bit, not a hash.
    cls: Vec<u32>,
    /// The value of each token of at most nine digits, parsed once: readers ask again and again.
    digit_vals: Vec<Option<i32>>,
}

/// A parsed piece: the token after it and its value.
type P<T> = Option<(usize, T)>;

/// Keeps the candidate that reaches furthest (the first one on a tie).
fn keep_longer<T>(best: &mut P<T>, c: P<T>) {
    if let Some((j, m)) = c {
        if best.as_ref().is_none_or(|(bj, _)| j > *bj) {
            *best = Some((j, m));
        }
    }
}

pub fn scan(tk: &Tokens, _nums: &[Num], d: &LangData, reference: Option<DateTime>) -> Vec<Cand> {
    let t = &d.dt.en;
    match reference {
        Some(r) => scan_with(tk, t, &d.numbers, r),
        None => {
            // Without a reference, what changes with the reference is unresolved.
            let a = scan_with(tk, t, &d.numbers, jiff::civil::date(2001, 3, 14).at(9, 0, 0, 0));
            let b = scan_with(tk, t, &d.numbers, jiff::civil::date(2011, 9, 21).at(15, 0, 0, 0));
            a.into_iter()
                .map(|c| {
                    if b.iter().any(|x| x == &c) {
                        c
                    } else {
                        let (s, e) = tk.bytes(c.i, c.j);
                        unresolved(c.i, c.j, c.kind, &tk.text[s..e])
                    }
                })
                .collect()
        }
    }
}

/// Classes of a word, merged into one map so that the scan costs one lookup per token.
const L_ANCHOR: u32 = 1;
const L_STARTER: u32 = 2;
const L_UNIT: u32 = 4;
const L_GLUED: u32 = 8;
const L_NUMWORD: u32 = 16;
const L_BOUND: u32 = 32;
const L_REC: u32 = 64;
const L_FISCAL: u32 = 128;
const L_PHRASE: u32 = 256;
/// Tables a word may open: the readers test a bit before hashing the word again. For the
/// phrase tables the bit is set on every prefix of a phrase, a superset of first words.
const T_RELATIVE_DAYS: u32 = 1 << 9;
const T_RELATIVE: u32 = 1 << 10;
const T_PARTS: u32 = 1 << 11;
const T_DAY_PARTS: u32 = 1 << 12;
const T_UNITS: u32 = 1 << 13;
const T_VAGUE: u32 = 1 << 14;
const T_SET_WORDS: u32 = 1 << 15;
const T_HOLIDAYS: u32 = 1 << 16;
const T_EASTER_HOLIDAYS: u32 = 1 << 17;
const T_WEEKDAY_HOLIDAYS: u32 = 1 << 18;
const T_NOW: u32 = 1 << 19;
const T_SEASONS: u32 = 1 << 20;
const T_MONTHS: u32 = 1 << 21;
const T_WEEKDAYS: u32 = 1 << 22;
const T_WEEKDAYS_PLURAL: u32 = 1 << 23;
/// Every table bit: a token that is no word gets them all, so that the readers look it up
/// as before.
const T_ALL: u32 = !((1 << 9) - 1);

/// Every non-empty prefix of every phrase of `p`: its first words are among them.
fn phrase_prefixes<V>(p: &Phrases<V>) -> impl Iterator<Item = &str> {
    p.map.keys().flat_map(|k| {
        k.char_indices()
            .skip(1)
            .map(|(b, _)| &k[..b])
            .chain(std::iter::once(k.as_str()))
    })
}

fn lexicon(t: &Tables, nw: &NumberWords) -> Map<String, u32> {
    let mut m: Map<String, u32> = Map::default();
    let mut add = |w: &str, b: u32| *m.entry(w.to_string()).or_default() |= b;
    t.anchors.iter().for_each(|w| add(w, L_ANCHOR));
    t.starters.iter().for_each(|w| add(w, L_STARTER));
    t.units
        .map
        .keys()
        .chain(t.unit_firsts.iter())
        .for_each(|w| add(w, L_UNIT));
    t.glued_units.keys().for_each(|w| add(w, L_GLUED));
    nw.words
        .keys()
        .chain(nw.ordinals.keys())
        .for_each(|w| add(w, L_NUMWORD));
    ["or", "and", "before", "after", "by", "later"]
        .iter()
        .for_each(|w| add(w, L_BOUND));
    ["every", "each", "everyday", "daily"]
        .iter()
        .for_each(|w| add(w, L_REC));
    ["fiscal", "school", "sy", "fy"].iter().for_each(|w| add(w, L_FISCAL));
    t.phrase_firsts.iter().for_each(|w| add(w, L_PHRASE));
    phrase_prefixes(&t.relative_days).for_each(|w| add(w, T_RELATIVE_DAYS));
    phrase_prefixes(&t.relative).for_each(|w| add(w, T_RELATIVE));
    phrase_prefixes(&t.parts).for_each(|w| add(w, T_PARTS));
    phrase_prefixes(&t.day_parts).for_each(|w| add(w, T_DAY_PARTS));
    phrase_prefixes(&t.units).for_each(|w| add(w, T_UNITS));
    phrase_prefixes(&t.vague).for_each(|w| add(w, T_VAGUE));
    phrase_prefixes(&t.set_words).for_each(|w| add(w, T_SET_WORDS));
    phrase_prefixes(&t.holidays).for_each(|w| add(w, T_HOLIDAYS));
    phrase_prefixes(&t.easter_holidays).for_each(|w| add(w, T_EASTER_HOLIDAYS));
    phrase_prefixes(&t.weekday_holidays).for_each(|w| add(w, T_WEEKDAY_HOLIDAYS));
    phrase_prefixes(&t.now).for_each(|w| add(w, T_NOW));
    phrase_prefixes(&t.seasons).for_each(|w| add(w, T_SEASONS));
    t.months.keys().for_each(|w| add(w, T_MONTHS));
    t.weekdays.keys().for_each(|w| add(w, T_WEEKDAYS));
    t.weekdays_plural.keys().for_each(|w| add(w, T_WEEKDAYS_PLURAL));
    m
}

/// Whether one of the several-word phrases of the tables is written at `i`.
fn phrase_at(tk: &Tokens, t: &Tables, i: usize) -> bool {
    let long = |r: Option<usize>| r.is_some_and(|j| j > i + 1);
    long(t.relative_days.longest_at(tk, i).map(|x| x.0))
        || long(t.parts.longest_at(tk, i).map(|x| x.0))
        || long(t.day_parts.longest_at(tk, i).map(|x| x.0))
        || long(t.units.longest_at(tk, i).map(|x| x.0))
        || long(t.vague.longest_at(tk, i).map(|x| x.0))
        || long(t.set_words.longest_at(tk, i).map(|x| x.0))
        || long(t.holidays.longest_at(tk, i).map(|x| x.0))
        || long(t.easter_holidays.longest_at(tk, i).map(|x| x.0))
        || long(t.weekday_holidays.longest_at(tk, i).map(|x| x.0))
        || long(t.now.longest_at(tk, i).map(|x| x.0))
        || long(t.seasons.longest_at(tk, i).map(|x| x.0))
}

fn scan_with(tk: &Tokens, t: &Tables, nw: &NumberWords, r: DateTime) -> Vec<Cand> {
    let lex = t.lex.get_or_init(|| lexicon(t, nw));
    let cls: Vec<u32> = tk
        .toks
        .iter()
        .map(|tok| match tok.kind {
            TokKind::Word => lex.get(&*tok.norm).copied().unwrap_or(0),
            _ => T_ALL,
        })
        .collect();
    let mut out = Vec::new();
    // Does the token carry time by itself (or is it a number that may)?
    let anchor: Vec<bool> = tk
        .toks
        .iter()
        .zip(&cls)
        .enumerate()
        .map(|(i, (tok, &c))| {
            tok.kind == TokKind::Digits || c & (L_ANCHOR | L_NUMWORD) != 0 || (c & L_PHRASE != 0 && phrase_at(tk, t, i))
        })
        .collect();
    if !anchor.iter().any(|&a| a) {
        return out;
    }
    let cx = Cx {
        tk,
        t,
        nw,
        r,
        rd: r.date(),
        future: std::cell::Cell::new(false),
        memo_date: RefCell::new(vec![None; tk.len()]),
        memo_moment: RefCell::new(vec![None; tk.len()]),
        flags: cls
            .iter()
            .map(|&c| u8::from(c & L_BOUND != 0) | (u8::from(c & L_REC != 0) << 1) | (u8::from(c & L_FISCAL != 0) << 2))
            .collect(),
        unit_tok: cls
            .iter()
            .enumerate()
            .map(|(k, &c)| c & L_UNIT != 0 || (c & L_GLUED != 0 && k > 0 && !tk.spaced(k)))
            .collect(),
        cls: cls.clone(),
        digit_vals: tk
            .toks
            .iter()
            .map(|t| {
                if t.kind != TokKind::Digits || t.text.len() > 9 {
                    return None;
                }
                t.text.parse().ok()
            })
            .collect(),
    };
    for i in 0..tk.len() {
        let tok = &tk.toks[i];
        let c = cls[i];
        let go = match tok.kind {
            // Digits inside an amount ("$45", "12,500", "45.7") start no time.
            TokKind::Digits => {
                let prev = if i > 0 && !tk.spaced(i) { tk.n(i - 1) } else { "" };
                let inner =
                    matches!(prev, "," | ".") && i >= 2 && !tk.spaced(i - 1) && tk.toks[i - 2].kind == TokKind::Digits;
                !(inner || matches!(prev, "$" | "€" | "£" | "¥")) && number_gate(tk, &cls, &anchor, i)
            }
            TokKind::Word if c & L_NUMWORD != 0 && c & L_ANCHOR == 0 => number_gate(tk, &cls, &anchor, i),
            TokKind::Word => {
                anchor[i]
                    || (c & L_STARTER != 0
                        && anchor
                            .get(i + 1..(i + 7).min(anchor.len()))
                            .is_some_and(|w| w.contains(&true)))
            }
            TokKind::Punct => matches!(tok.text, "<" | ">"),
        };
        if go {
            cx.at(i, &mut out);
        }
    }
    out
}

/// Whether a number at `i` can begin a time expression: most numbers in news are amounts
/// and counts, and the full grammar is only worth running next to a time word, a clock or
/// date separator, or after a time preposition.
fn number_gate(tk: &Tokens, cls: &[u32], anchor: &[bool], i: usize) -> bool {
    let tok = &tk.toks[i];
    if tok.kind == TokKind::Digits && matches!(tok.text.len(), 4 | 8) {
        return true;
    }
    // The number's own end: the digits token, or a run of number words.
    let mut j = i + 1;
    if tok.kind == TokKind::Word {
        while j < tk.len() && j < i + 6 && tk.toks[j].kind == TokKind::Word && !anchor[j] && cls[j] & L_STARTER == 0 {
            j += 1;
        }
    }
    if let Some(nx) = tk.toks.get(j) {
        let glued = !tk.spaced(j);
        match nx.kind {
            TokKind::Punct => {
                let c = &*nx.norm;
                if glued && matches!(c, ":" | "/" | "-" | "~" | ".") {
                    return true;
                }
                if c == "," && !glued {
                    // "10, tonight"
                    if anchor.get(j + 1).copied().unwrap_or(false) {
                        return true;
                    }
                }
                if c == ","
                    && glued
                    && tk
                        .toks
                        .get(j + 1)
                        .is_some_and(|x| x.kind != TokKind::Digits || tk.spaced(j + 1))
                    && anchor.get(j + 1).copied().unwrap_or(false)
                {
                    return true;
                }
            }
            TokKind::Word => {
                let w = &*nx.norm;
                if glued || anchor[j] || NUMBER_FOLLOWERS.contains(&w) {
                    return true;
                }
                // "20 min past eight", "one thirty"
                if matches!(w, "min" | "mins" | "minute" | "minutes") {
                    return true;
                }
            }
            TokKind::Digits => {}
        }
    }
    if i > 0 {
        let p = &*tk.toks[i - 1].norm;
        if NUMBER_LEADERS.contains(&p) || anchor[i - 1] {
            return true;
        }
        if i > 1 && tk.toks[i - 1].kind == TokKind::Word && anchor[i - 2] {
            // "May the 4th", "Tuesday the eleventh"
            return true;
        }
    }
    false
}

/// Words after a number that make it a time: "7 am", "4 o'clock", "10 past 9", "5 to 6pm".
const NUMBER_FOLLOWERS: &[&str] = &[
    "am",
    "pm",
    "a",
    "p",
    "o",
    "oclock",
    "past",
    "to",
    "and",
    "through",
    "thru",
    "till",
    "until",
    "or",
    "of",
    "in",
    "at",
    "on",
    "s",
    "th",
    "st",
    "nd",
    "rd",
    "ish",
    "last",
    "next",
    "past",
    "upcoming",
    "previous",
    "coming",
    "following",
    "from",
    "after",
    "before",
    "later",
    "ago",
    "quarter",
    "q",
    "h",
];

/// Words before a number that make it a time or a date: "at 7", "by 2", "in 2024", "the 4th".
const NUMBER_LEADERS: &[&str] = &[
    "at", "around", "about", "by", "before", "after", "since", "until", "till", "til", "from", "between", "on", "in",
    "the", "this", "next", "last", "past", "every", "each", "for", "within", "over", "of", "and", "to", "-", "~", "@",
    "during", "through", "year", "week", "cy", "=", "than", "early", "mid", "late", "or", ",",
];

fn kind_of(m: &M) -> Kind {
    match m {
        M::Day(_) | M::Span(..) => Kind::Date,
        M::T(_) | M::TR(..) => Kind::Time,
        M::Dt(_) | M::DtR(..) => Kind::Datetime,
    }
}

fn cand_of(i: usize, j: usize, m: M) -> Option<Cand> {
    Some(match m {
        M::Day(d) => point(i, j, Kind::Date, fmt_date(d)),
        M::Span(s, e) => interval(i, j, Kind::Date, Some(fmt_date(s)), Some(fmt_date(e))),
        M::T(t) => point(i, j, Kind::Time, fmt_time(t.time()?)),
        M::TR(a, b) => interval(i, j, Kind::Time, Some(fmt_time(a.time()?)), Some(fmt_time(b.time()?))),
        M::Dt(d) => point(i, j, Kind::Datetime, fmt_datetime(d)),
        M::DtR(a, b) => interval(i, j, Kind::Datetime, Some(fmt_datetime(a)), Some(fmt_datetime(b))),
    })
}

/// Start and end of a moment, as strings of its granularity (end exclusive for periods;
/// for a point, the point itself on both sides).
fn bounds(m: &M) -> Option<(String, String)> {
    Some(match *m {
        M::Day(d) => (fmt_date(d), fmt_date(d)),
        M::Span(s, e) => (fmt_date(s), fmt_date(e)),
        M::T(t) => (fmt_time(t.time()?), fmt_time(t.time()?)),
        M::TR(a, b) => (fmt_time(a.time()?), fmt_time(b.time()?)),
        M::Dt(d) => (fmt_datetime(d), fmt_datetime(d)),
        M::DtR(a, b) => (fmt_datetime(a), fmt_datetime(b)),
    })
}

fn is_point(m: &M) -> bool {
    matches!(m, M::Day(_) | M::T(_) | M::Dt(_))
}

fn at_time(d: Date, t: Tm) -> Option<DateTime> {
    Some(d.to_datetime(t.time()?))
}

impl Cx<'_> {
    fn w(&self, i: usize) -> &str {
        self.tk.w(i)
    }
    /// Whether the token at `i` may be in the tables of `bit`: false only when it surely is
    /// not (past the end it is unknown, so true).
    fn has(&self, i: usize, bit: u32) -> bool {
        self.cls.get(i).is_none_or(|c| c & bit != 0)
    }
    /// `p.longest_at(i)`, refused by the class bit first.
    fn ph<'m, V>(&self, p: &'m Phrases<V>, bit: u32, i: usize) -> Option<(usize, &'m V)> {
        if self.has(i, bit) {
            p.longest_at(self.tk, i)
        } else {
            None
        }
    }
    /// `m[w(i)]`, refused by the class bit first.
    fn look<'m, V>(&self, m: &'m Map<String, V>, bit: u32, i: usize) -> Option<&'m V> {
        if self.has(i, bit) {
            m.get(self.w(i))
        } else {
            None
        }
    }
    fn n(&self, i: usize) -> &str {
        self.tk.n(i)
    }
    fn glued(&self, i: usize) -> bool {
        i < self.tk.len() && i > 0 && !self.tk.spaced(i)
    }
    fn digits(&self, i: usize) -> Option<(&str, i32)> {
        let t = self.tk.toks.get(i)?;
        Some((t.text, (*self.digit_vals.get(i)?)?))
    }
    fn ref_year(&self) -> i32 {
        i32::from(self.rd.year())
    }

    /// Every reading starting at token `i`.
    fn at(&self, i: usize, out: &mut Vec<Cand>) {
        let mut push = |c: Option<Cand>| {
            if let Some(c) = c {
                if c.j > c.i {
                    out.push(c);
                }
            }
        };
        if let Some((j, m)) = self.moment(i) {
            push(cand_of(i, j, m));
        }
        // The rarer readings, each behind a look-ahead for the words it needs.
        let near = |bit: u8, n: usize| {
            (i..(i + n).min(self.tk.len())).any(|k| self.flags.get(k).is_some_and(|f| f & bit != 0))
        };
        let w = self.w(i);
        if BOUND_WORDS.contains(&w) || matches!(self.n(i), "<" | ">") || near(1, 10) {
            if let Some((j, c)) = self.bounded(i) {
                push(Some(Cand { i, j, ..c }));
            }
        }
        if (i..(i + 7).min(self.tk.len())).any(|k| self.unitish(k)) {
            if let Some((j, iso, s)) = self.duration_full(i) {
                push(Some(duration(i, j, iso, s)));
            }
        }
        let rec_word = matches!(w, "every" | "each" | "any" | "once")
            || self.look(&self.t.weekdays, T_WEEKDAYS, i).is_some()
            || self.look(&self.t.weekdays_plural, T_WEEKDAYS_PLURAL, i).is_some()
            || self.ph(&self.t.set_words, T_SET_WORDS, i).is_some()
            || (self.has(i, T_PARTS) && self.t.parts.map.contains_key(w));
        if rec_word || near(2, 8) {
            if let Some((j, tx)) = self.recurrence(i) {
                push(Some(set(i, j, tx)));
            }
        }
        if let Some((j, code)) = self.ph(&self.t.seasons, T_SEASONS, i) {
            let _ = code;
            // A season named alone has no dates of its own: said so, with its text.
            let (s, e) = self.tk.bytes(i, j);
            push(Some(unresolved(i, j, Kind::Date, &self.tk.text[s..e])));
        }
        if near(4, 4) {
            if let Some(c) = self.fiscal(i) {
                push(Some(c));
            }
        }
    }

    /// A duration unit at `k` ("days", "hours", the "h" of "3h").
    fn unitish(&self, k: usize) -> bool {
        self.unit_tok.get(k).copied().unwrap_or(false)
    }

    // -----------------------------------------------------------------------------------
    // Numbers.

    fn num(&self, i: usize) -> Option<Num> {
        number_at(self.tk, i, self.nw, Lang::En)
    }

    /// A whole number (digits or words) at `i`: (end, value, ordinal).
    fn int(&self, i: usize) -> P<(i64, bool)> {
        let n = self.num(i)?;
        if n.value.fract() != 0.0 || n.value < 0.0 || n.kind == NumKind::Fraction || n.value > 1e9 {
            return None;
        }
        Some((n.j, (n.value as i64, n.kind == NumKind::Ordinal)))
    }

    /// A day of the month: "25", "25th", "twenty-fifth", "twenty five".
    fn day_num(&self, i: usize) -> P<i8> {
        let tok = self.tk.toks.get(i)?;
        if tok.kind == TokKind::Digits && tok.text.len() > 2 {
            return None;
        }
        let (j, (v, _)) = self.int(i)?;
        if (1..=31).contains(&v) {
            Some((j, v as i8))
        } else {
            None
        }
    }

    /// A year: four digits, "'87", or words ("nineteen ninety six", "two thousand and fifteen").
    fn year(&self, i: usize) -> P<i32> {
        let tok = self.tk.toks.get(i)?;
        if tok.kind == TokKind::Digits {
            if tok.text.len() == 4 {
                let y: i32 = tok.text.parse().ok()?;
                if (1000..=2999).contains(&y) && !self.glued_digit_after(i + 1) {
                    return Some((i + 1, y));
                }
            }
            return None;
        }
        if tok.kind == TokKind::Word {
            // "nineteen ninety six": two numbers, a century then its years.
            let (j, (a, ord)) = self.int(i)?;
            if ord {
                return None;
            }
            if (1000..=2999).contains(&a) {
                return Some((j, a as i32));
            }
            if (10..=29).contains(&a) {
                let mut k = j;
                if self.w(k) == "hundred" {
                    k += 1;
                    if let Some((j2, (b, false))) = self.int(k) {
                        if (1..=99).contains(&b) {
                            return Some((j2, (a * 100 + b) as i32));
                        }
                    }
                    return None;
                }
                if let Some((j2, (b, false))) = self.int(k) {
                    if (10..=99).contains(&b) {
                        return Some((j2, (a * 100 + b) as i32));
                    }
                }
            }
        }
        None
    }

    fn glued_digit_after(&self, k: usize) -> bool {
        // "2010-2015-86": a phone number, not a year.
        self.tk
            .toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Digits && !self.tk.spaced(k))
    }

    // -----------------------------------------------------------------------------------
    // Moments: the longest date, time or date-time at `i`.

    fn moment(&self, i: usize) -> P<M> {
        if self.future.get() {
            return self.moment_uncached(i);
        }
        memoised(&self.memo_moment, i, || self.moment_uncached(i))
    }

    fn moment_uncached(&self, i: usize) -> P<M> {
        let mut best: P<M> = None;
        let mut take = |c: P<M>| keep_longer(&mut best, c);
        take(self.range(i));
        take(self.datetime(i));
        take(self.date_m(i));
        take(self.time_m(i));
        take(self.offset(i));
        take(self.now_m(i));
        take(self.last_n_time(i));
        take(self.lasting(i));
        best
    }

    fn now_m(&self, i: usize) -> P<M> {
        if let Some((j, _)) = self.ph(&self.t.now, T_NOW, i) {
            // "now" inside "from now" is the offset's.
            return Some((j, M::Dt(self.r)));
        }
        None
    }

    /// A date-level moment.
    fn date_m(&self, i: usize) -> P<M> {
        let (j, de) = self.date(i)?;
        Some((j, self.resolve(de)?))
    }

    fn resolve(&self, de: De) -> Option<M> {
        Some(match de {
            De::Day(d) => M::Day(d),
            De::Span(s, e) => M::Span(s, e),
            De::Md { y: Some(y), m, d } => M::Day(ymd(y, m.into(), d.into())?),
            De::Md { y: None, m, d } if self.future.get() => {
                let y = self.ref_year();
                let this = ymd(y, m.into(), d.into());
                M::Day(match this {
                    Some(x) if x >= self.rd => x,
                    _ => ymd(y + 1, m.into(), d.into())?,
                })
            }
            De::Md { y: None, m, d } => M::Day(month_day_near(self.rd, m, d)?),
            De::Month { y, m } => {
                let fut = self.future.get();
                let y = y.unwrap_or_else(|| {
                    if fut && m < self.rd.month() {
                        self.ref_year() + 1
                    } else if fut {
                        self.ref_year()
                    } else {
                        month_near(self.rd, m.into())
                    }
                });
                let (s, e) = month_span(y, m.into())?;
                M::Span(s, e)
            }
        })
    }

    /// A date expression, the longest of its forms.
    fn date(&self, i: usize) -> P<De> {
        if self.future.get() {
            return self.date_uncached(i);
        }
        memoised(&self.memo_date, i, || self.date_uncached(i))
    }

    fn date_uncached(&self, i: usize) -> P<De> {
        let mut best: P<De> = None;
        let mut take = |c: P<De>| keep_longer(&mut best, c);
        // Digits open only numeric dates, days, years and counts; words the rest.
        let digits = self.tk.toks.get(i).is_some_and(|t| t.kind == TokKind::Digits);
        if digits {
            take(self.numeric_date(i));
            take(self.day_first(i));
            take(self.year_period(i));
            take(self.week_of(i));
            take(self.last_n(i));
            return best;
        }
        take(self.rel_date(i));
        take(self.month_first(i));
        take(self.day_first(i));
        take(self.weekday_date(i));
        take(self.relative_day(i));
        take(self.relative_period(i));
        take(self.year_period(i));
        take(self.holiday(i));
        take(self.week_of(i));
        take(self.edge_of(i));
        take(self.last_n(i));
        best
    }

    /// "2024-10-18", "10/18/2024", "18.10.2024", "20241018", "2015-3", "5/12", "2019/aug/01".
    fn numeric_date(&self, i: usize) -> P<De> {
        let (a_txt, a) = self.digits(i)?;
        let sep = self.n(i + 1);
        let sep_ok = matches!(sep, "-" | "/" | ".")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self
                .tk
                .toks
                .get(i + 2)
                .is_some_and(|t| t.kind == TokKind::Digits || self.t.months.contains_key(&*t.norm));
        if a_txt.len() == 8 && !sep_ok {
            let y = a / 10000;
            let m = (a / 100) % 100;
            let d = a % 100;
            if (1900..=2100).contains(&y) {
                return Some((i + 1, De::Day(ymd(y, m, d)?)));
            }
            return None;
        }
        if !sep_ok {
            return None;
        }
        let glued2 = self.glued(i + 2);
        if !glued2 {
            return None;
        }
        if a_txt.len() == 4 {
            let y = a;
            if !(1000..=2999).contains(&y) {
                return None;
            }
            // Year first.
            if let Some(&mo) = self.look(&self.t.months, T_MONTHS, i + 2) {
                // 2019/aug/01
                if self.n(i + 3) == sep && self.glued(i + 3) {
                    let (dt, d) = self.digits(i + 4)?;
                    if dt.len() <= 2 {
                        return Some((i + 5, De::Day(ymd(y, mo.into(), d)?)));
                    }
                }
                return None;
            }
            let (bt, b) = self.digits(i + 2)?;
            if bt.len() > 2 {
                return None;
            }
            if self.n(i + 3) == sep && self.glued(i + 3) {
                if let Some((ct, c)) = self.digits(i + 4) {
                    if ct.len() <= 2
                        && !self.glued_digit_after(i + 5)
                        && !(self.n(i + 5) == sep && self.digits(i + 6).is_some() && self.glued(i + 5))
                    {
                        return Some((i + 5, De::Day(ymd(y, b, c)?)));
                    }
                    return None;
                }
                // 2020/23/Sep
                if let Some(&mo) = self.look(&self.t.months, T_MONTHS, i + 4) {
                    return Some((i + 5, De::Day(ymd(y, mo.into(), b)?)));
                }
                return None;
            }
            if sep == "-" && (1..=12).contains(&b) && !self.glued_digit_after(i + 3) {
                let (s, e) = month_span(y, b)?;
                return Some((i + 3, De::Span(s, e)));
            }
            return None;
        }
        if a_txt.len() > 2 {
            return None;
        }
        // Day or month first.
        if let Some(&mo) = self.look(&self.t.months, T_MONTHS, i + 2) {
            // 22/Jan/2019, 05-Aug-2016
            if self.n(i + 3) == sep && self.glued(i + 3) {
                let (yt, y) = self.digits(i + 4)?;
                let y = two_digit_year(yt, y)?;
                return Some((i + 5, De::Day(ymd(y, mo.into(), a)?)));
            }
            return None;
        }
        let (bt, b) = self.digits(i + 2)?;
        if bt.len() == 4 && sep == "-" {
            // 23-2020-September
            if self.n(i + 3) == "-" && self.glued(i + 3) {
                if let Some(&mo) = self.look(&self.t.months, T_MONTHS, i + 4) {
                    return Some((i + 5, De::Day(ymd(b, mo.into(), a)?)));
                }
            }
            return None;
        }
        if bt.len() > 2 {
            return None;
        }
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        if self.n(i + 3) == sep && self.glued(i + 3) {
            if let Some((yt, y)) = self.digits(i + 4) {
                if self.glued_digit_after(i + 5) || (self.n(i + 5) == sep && self.glued(i + 5)) {
                    return None;
                }
                let y = two_digit_year(yt, y)?;
                return Some((i + 5, De::Day(ymd(y, m, d)?)));
            }
        }
        if self.glued_digit_after(i + 3) || (self.n(i + 3) == sep && self.glued(i + 3)) {
            return None;
        }
        // "30/4.85" is a ratio of decimals.
        if matches!(self.n(i + 3), "." | ",") && self.glued(i + 3) && self.glued(i + 4) && self.digits(i + 4).is_some()
        {
            return None;
        }
        // Without a year: only with a slash, or a dot after "on" / a weekday.
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let ok = match sep {
            "/" => true,
            "." => i > 0 && (self.w(i - 1) == "on" || self.look(&self.t.weekdays, T_WEEKDAYS, i - 1).is_some()),
            _ => false,
        };
        if !ok {
            return None;
        }
        // A year after a comma: "5/7, 2020".
        if self.n(i + 3) == "," {
            if let Some((j, y)) = self.year(i + 4) {
                return Some((
                    j,
                    De::Md {
                        y: Some(y),
                        m: m as i8,
                        d: d as i8,
                    },
                ));
            }
        }
        Some((
            i + 3,
            De::Md {
                y: None,
                m: m as i8,
                d: d as i8,
            },
        ))
    }

    /// "next 6th of April", "this 5/12": a day of the month in the year said.
    fn rel_date(&self, i: usize) -> P<De> {
        let (k, &v) = self.ph(&self.t.relative, T_RELATIVE, i)?;
        let (j, de) = self
            .numeric_date(k)
            .or_else(|| self.day_first(k))
            .or_else(|| self.month_first(k))?;
        let De::Md { y: None, m, d } = de else { return None };
        let y = self.ref_year();
        let this = ymd(y, m.into(), d.into())?;
        let date = match v {
            1 => {
                if this > self.rd {
                    this
                } else {
                    ymd(y + 1, m.into(), d.into())?
                }
            }
            -1 => {
                if this < self.rd {
                    this
                } else {
                    ymd(y - 1, m.into(), d.into())?
                }
            }
            _ => this,
        };
        Some((j, De::Day(date)))
    }

    fn month_word(&self, i: usize) -> P<i8> {
        let w = self.w(i);
        let &m = self.look(&self.t.months, T_MONTHS, i)?;
        // Folding made "tués" look like "tues": English time words are written in ASCII.
        if !self.tk.toks.get(i).is_some_and(|t| t.text.is_ascii()) {
            return None;
        }
        let mut j = i + 1;
        // "Dec. 31", "Oct. on Friday": an abbreviation's dot, not a full stop.
        if self.n(j) == "." && self.glued(j) && w.len() <= 4 {
            let next_ok = self.tk.toks.get(j + 1).is_some_and(|t| match t.kind {
                TokKind::Digits => true,
                TokKind::Word => t.text.chars().next().is_some_and(|c| c.is_lowercase()),
                TokKind::Punct => t.text == ",",
            });
            if next_ok {
                j += 1;
            }
        }
        Some((j, m))
    }

    /// A year after a month or a day: ", 2019", "2019", "of 2019", "in 2019".
    fn year_after(&self, j: usize) -> P<i32> {
        let mut k = j;
        if self.n(k) == "," {
            k += 1;
        }
        if let Some(r) = self.year(k) {
            return Some(r);
        }
        if matches!(self.w(j), "of" | "in") {
            if let Some(r) = self.year(j + 1) {
                return Some(r);
            }
            // "April of 87"
            if self.w(j) == "of" {
                if let Some((t, y)) = self.digits(j + 1) {
                    if t.len() == 2 {
                        return Some((j + 2, two_digit_year(t, y)?));
                    }
                }
            }
        }
        None
    }

    /// "April 25", "April 25, 2019", "Dec. 31, 1994", "jan 2019", "June the 28th", "Nov/2", "mar3".
    fn month_first(&self, i: usize) -> P<De> {
        let (j, m) = self.month_word(i)?;
        // Dec/2018, Nov/2, Sep-23-2020
        if matches!(self.n(j), "/" | "-") && self.glued(j) && self.glued(j + 1) {
            let sep = self.n(j);
            if let Some((t, v)) = self.digits(j + 1) {
                if t.len() == 4 && sep == "/" {
                    let (s, e) = month_span(v, m.into())?;
                    return Some((j + 2, De::Span(s, e)));
                }
                if t.len() <= 2 {
                    if self.n(j + 2) == sep && self.glued(j + 2) {
                        let (yt, y) = self.digits(j + 3)?;
                        let y = two_digit_year(yt, y)?;
                        return Some((
                            j + 4,
                            De::Md {
                                y: Some(y),
                                m,
                                d: v as i8,
                            },
                        ));
                    }
                    if (1..=31).contains(&v) {
                        return Some((j + 2, De::Md { y: None, m, d: v as i8 }));
                    }
                }
            }
        }
        // "mar3"
        if let Some((t, v)) = self.digits(j) {
            if !self.tk.spaced(j)
                && t.len() <= 2
                && (1..=31).contains(&v)
                && self
                    .tk
                    .toks
                    .get(j + 1)
                    .is_none_or(|x| x.kind != TokKind::Word || self.tk.spaced(j + 1))
            {
                return Some((j + 1, De::Md { y: None, m, d: v as i8 }));
            }
        }
        let mut k = j;
        if self.w(k) == "the" {
            k += 1;
        }
        if let Some((k2, d)) = self.day_num(k) {
            // Not a year's first digits ("May 2019" is a month) nor a time ("Jan 5:30").
            let is_time = self.n(k2) == ":" && self.glued(k2);
            if !is_time {
                let mut e = k2;
                if self.w(e) == "th" || self.w(e) == "st" || self.w(e) == "nd" || self.w(e) == "rd" {
                    e += 1;
                }
                if let Some((j3, y)) = self.year_after(e) {
                    return Some((j3, De::Md { y: Some(y), m, d }));
                }
                return Some((e, De::Md { y: None, m, d }));
            }
        }
        if let Some((j3, y)) = self.year_after(j) {
            let (s, e) = month_span(y, m.into())?;
            return Some((j3, De::Span(s, e)));
        }
        // A month alone; ambiguous names need a time word before them.
        if self.t.ambiguous_months.contains(self.w(i)) {
            // "may" is mostly the verb, "march" the noun: a month only after a time word.
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            let strong = matches!(
                prev,
                "in" | "of"
                    | "since"
                    | "from"
                    | "until"
                    | "till"
                    | "before"
                    | "after"
                    | "by"
                    | "during"
                    | "through"
                    | "early"
                    | "mid"
                    | "late"
                    | "end"
                    | "beginning"
                    | "between"
            );
            let weak =
                matches!(prev, "and" | "the" | "this") && self.w(i) != "may" || matches!(prev, "to" | "next" | "last");
            let dash = i > 0 && self.n(i - 1) == "-" && self.glued(i);
            let dotted = j > i + 1;
            if !(strong || weak || dash || dotted) {
                return None;
            }
        }
        Some((j, De::Month { y: None, m }))
    }

    /// "25 April, 2019", "04th Jan 2019", "the 9th of May", "fourth of july 1995", "the 4th".
    fn day_first(&self, i: usize) -> P<De> {
        let mut k = i;
        let the = self.w(k) == "the";
        if the {
            k += 1;
        }
        let (mut j, d) = self.day_num(k)?;
        let ord = self.num(k).is_some_and(|n| n.kind == NumKind::Ordinal);
        let day_word = self.w(j) == "day" && ord;
        if day_word {
            j += 1;
        }
        let mut m_at = j;
        let of = self.w(j) == "of";
        if of {
            m_at += 1;
        }
        if let Some((j2, m)) = self.month_word(m_at) {
            if !ord
                && !of
                && self.tk.toks.get(k).is_some_and(|t| t.kind == TokKind::Word)
                && self.t.ambiguous_months.contains(self.w(m_at))
            {
                // "two may" is not a date
            }
            if let Some((j3, y)) = self.year_after(j2) {
                return Some((j3, De::Md { y: Some(y), m, d }));
            }
            return Some((j2, De::Md { y: None, m, d }));
        }
        // "the 15th day of next month", "the thirty-first day of the month".
        if of {
            if let Some((j2, De::Span(s, e))) = self.relative_period(m_at) {
                let _ = e;
                let day = ymd(s.year().into(), s.month().into(), d.into())?;
                return Some((j2, De::Day(day)));
            }
        }
        // "the 4th", "the 17": a day of the current month (or the previous one, as news reads it).
        if the && !day_word && (ord || self.tk.toks.get(k).is_some_and(|t| t.kind == TokKind::Digits)) {
            let nxt = self.w(j);
            if self.ph(&self.t.units, T_UNITS, j).is_some() || matches!(nxt, "century" | "quarter" | "half") {
                return None;
            }
            // "the fourth flood", "the 4th battalion": an ordinal before a noun is no day of the month.
            let joins = matches!(
                nxt,
                "" | "of"
                    | "at"
                    | "and"
                    | "or"
                    | "to"
                    | "through"
                    | "until"
                    | "till"
                    | "in"
                    | "on"
                    | "from"
                    | "this"
                    | "next"
                    | "last"
                    | "by"
                    | "before"
                    | "after"
            );
            if !joins && !self.t.anchors.contains(nxt) && self.tk.toks.get(j).is_some_and(|t| t.is_word()) {
                return None;
            }
            let y = self.ref_year();
            let m = i32::from(self.rd.month());
            let this = ymd(y, m, d.into());
            let day = match this {
                Some(x) if x <= self.rd => x,
                _ => {
                    let p = add_months(ymd(y, m, 1)?, -1)?;
                    ymd(p.year().into(), p.month().into(), d.into())?
                }
            };
            return Some((j, De::Day(day)));
        }
        None
    }

    /// Weekdays: "Friday", "next Monday", "last Friday", "Tue May 9", "monday the 27th".
    fn weekday_date(&self, i: usize) -> P<De> {
        let (k, rel) = match self.ph(&self.t.relative, T_RELATIVE, i) {
            Some((k, &v)) => (k, Some((self.w(i).to_string(), v))),
            None => (i, None),
        };
        let w = self.w(k);
        let &wd = self.look(&self.t.weekdays, T_WEEKDAYS, k)?;
        if !self.tk.toks.get(k).is_some_and(|t| t.text.is_ascii()) {
            return None;
        }
        // "Easter Monday", "Cyber Monday": the weekday is part of a holiday's name.
        if k > 0 && self.holiday(k - 1).is_some_and(|(hj, _)| hj > k) {
            return None;
        }
        let mut j = k + 1;
        if self.n(j) == "." && self.glued(j) && w.len() <= 4 {
            j += 1;
        }
        if rel.is_none() && self.t.ambiguous_weekdays.contains(w) {
            // "sun", "sat", "wed" need a date or time word around them.
            let next_ok = self.month_word(j).is_some() || self.day_num(j).is_some() || self.n(j) == ",";
            let prev = if i > 0 { self.w(i - 1) } else { "" };
            if !next_ok
                && !matches!(
                    prev,
                    "on" | "by" | "until" | "since" | "before" | "after" | "from" | "or" | "and"
                )
            {
                return None;
            }
        }
        let rd = self.rd;
        if let Some((_, v)) = &rel {
            let word = self.w(i);
            let d = match (word, *v) {
                ("coming" | "upcoming" | "this", 1) => weekday_after(rd, wd)?,
                ("past" | "this", -1) => weekday_before(rd, wd)?,
                ("following", _) => weekday_in_week(rd, wd, 1)?,
                (_, v) => weekday_in_week(rd, wd, v)?,
            };
            // "next friday 5/12": the explicit date wins.
            let mut jj = j;
            if self.n(jj) == "," || self.n(jj) == "-" {
                jj += 1;
            }
            if let Some((j2, de)) = self.numeric_date(jj).or_else(|| self.month_first(jj)) {
                if matches!(de, De::Md { .. } | De::Day(_)) {
                    return Some((j2, de));
                }
            }
            // "next week wednesday" is handled by relative_period; "monday of next week" here.
            if self.w(j) == "of" {
                if let Some((j2, De::Span(s, _))) = self.relative_period(j + 1) {
                    return Some((j2, De::Day(weekday_in_week(s, wd, 0)?)));
                }
            }
            return Some((j, De::Day(d)));
        }
        // Weekday then a date: "Tue May 9", "Friday 7/6", "Friday-Jun-15", "thursday 29/03".
        let mut jj = j;
        if matches!(self.n(jj), "," | "-") {
            jj += 1;
        }
        if let Some((j2, de)) = self.numeric_date(jj).or_else(|| self.month_first(jj)) {
            if matches!(de, De::Md { .. } | De::Day(_)) {
                return Some((j2, de));
            }
        }
        // "monday the 27th", "Sunday 31", "Mon 13th".
        let mut kk = j;
        if self.w(kk) == "the" {
            kk += 1;
        }
        if let Some((j2, dnum)) = self.day_num(kk) {
            let clock = matches!(self.n(j2), ":" | ".") && self.glued(j2) && self.digits(j2 + 1).is_some()
                || matches!(self.w(j2), "am" | "pm" | "a" | "p" | "oclock" | "o")
                || self.n(j2) == "-";
            let unit = self.ph(&self.t.units, T_UNITS, j2).is_some();
            if !clock && !unit {
                let mut e = j2;
                if matches!(self.w(e), "th" | "st" | "nd" | "rd") {
                    e += 1;
                }
                let mut first = ymd(self.ref_year(), self.rd.month().into(), 1)?;
                for _ in 0..36 {
                    if let Some(d) = ymd(first.year().into(), first.month().into(), dnum.into()) {
                        if weekday_num(d) == wd {
                            return Some((e, De::Day(d)));
                        }
                    }
                    first = add_months(first, -1)?;
                }
            }
        }
        // "Monday of next week", "Wednesday next week".
        let of = usize::from(self.w(j) == "of");
        if let Some((j2, De::Span(s, e))) = self.relative_period(j + of) {
            if (e - s).get_days() <= 7
                && self.ph(&self.t.relative, T_RELATIVE, j + of).is_some()
                && self.w(j2 - 1) == "week"
            {
                return Some((j2, De::Day(weekday_in_week(s, wd, 0)?)));
            }
        }
        if self.future.get() {
            return Some((j, De::Day(weekday_after(rd, wd)?)));
        }
        Some((j, De::Day(weekday_before(rd, wd)?)))
    }

    /// "today", "tomorrow", "the day after tomorrow", "the day before", "the day after".
    fn relative_day(&self, i: usize) -> P<De> {
        if let Some((j, &v)) = self.ph(&self.t.relative_days, T_RELATIVE_DAYS, i) {
            // "the day before / after": one day from the reference.
            if self.w(i) == "the" && self.w(i + 1) == "day" && j == i + 2 {
                match self.w(j) {
                    "before" if self.is_end(j + 1) => return Some((j + 1, De::Day(add_days(self.rd, -1)?))),
                    "after" if self.is_end(j + 1) => return Some((j + 1, De::Day(add_days(self.rd, 1)?))),
                    _ => {}
                }
                // "the day" before a month or year word is something else.
            }
            return Some((j, De::Day(add_days(self.rd, v)?)));
        }
        None
    }

    fn is_end(&self, k: usize) -> bool {
        self.tk.toks.get(k).is_none_or(|t| t.kind == TokKind::Punct)
    }

    /// The period holding the reference moved by `n`: unit is week, month, year, ...
    fn period(&self, unit: &str, n: i64) -> Option<(Date, Date)> {
        let rd = self.rd;
        Some(match unit {
            "week" | "wk" => {
                let s = add_days(week_start(rd), n * 7)?;
                (s, add_days(s, 7)?)
            }
            "workweek" => {
                let s = add_days(week_start(rd), n * 7)?;
                (s, add_days(s, 5)?)
            }
            "weekend" => {
                let s = add_days(week_start(rd), n * 7 + 5)?;
                (s, add_days(s, 2)?)
            }
            "fortnight" => {
                let s = add_days(week_start(rd), n * 14)?;
                (s, add_days(s, 14)?)
            }
            "month" => {
                let s = add_months(ymd(self.ref_year(), rd.month().into(), 1)?, n)?;
                (s, add_months(s, 1)?)
            }
            "year" => year_span(self.ref_year().checked_add(i32::try_from(n).ok()?)?)?,
            "quarter" => {
                let q0 = (i32::from(rd.month()) - 1) / 3;
                let s = add_months(ymd(self.ref_year(), q0 * 3 + 1, 1)?, n * 3)?;
                (s, add_months(s, 3)?)
            }
            "decade" => {
                let y = self.ref_year() / 10 * 10 + i32::try_from(n).ok()? * 10;
                (ymd(y, 1, 1)?, ymd(y + 10, 1, 1)?)
            }
            "day" => {
                let s = add_days(rd, n)?;
                (s, add_days(s, 1)?)
            }
            _ => return None,
        })
    }

    /// "this week", "next month", "last year", "the year", "current quarter", "this calendar year".
    fn relative_period(&self, i: usize) -> P<De> {
        if self.w(i) == "year" && self.w(i + 1) == "to" && self.w(i + 2) == "date" {
            let (s, _) = self.period("year", 0)?;
            return Some((i + 3, De::Span(s, self.rd)));
        }
        // "later this week", "earlier this year", "earlier in the week"
        if matches!(self.w(i), "later" | "earlier") {
            let mut k = i + 1;
            if self.w(k) == "in" && self.w(k + 1) == "the" {
                k += 2;
            } else if self.w(k) != "this" {
                return None;
            } else {
                k += 1;
            }
            let unit = self.w(k);
            let (s, e) = self.period(unit, 0)?;
            if self.w(i) == "earlier" {
                return Some((k + 1, De::Span(s, self.rd)));
            }
            let mid = match unit {
                "week" => add_days(s, 3)?,
                "month" => add_days(s, 15)?,
                "year" => ymd(s.year().into(), 7, 1)?,
                _ => return None,
            };
            return Some((k + 1, De::Span(mid.max(self.rd), e)));
        }
        // "this September", "next March", "last May"
        if let Some((k, &v)) = self.ph(&self.t.relative, T_RELATIVE, i) {
            // "this may be": the verb, unless written as a name.
            let verb = self.w(k) == "may" && self.tk.toks.get(k).is_some_and(|t| t.text.starts_with('m'));
            if let (Some(&m), false) = (self.look(&self.t.months, T_MONTHS, k), verb && self.w(i) == "this") {
                let y = self.ref_year() + i32::try_from(v).ok()?;
                let (s, e) = month_span(y, m.into())?;
                return Some((k + 1, De::Span(s, e)));
            }
        }
        let (k, n, the) = match self.ph(&self.t.relative, T_RELATIVE, i) {
            Some((k, &v)) => (k, v, false),
            None if self.w(i) == "the" => (i + 1, 0, true),
            // "weekend" alone is the coming or current one.
            None if self.w(i) == "weekend"
                && (i == 0 || !matches!(self.w(i - 1), "every" | "each" | "any" | "a" | "one")) =>
            {
                (i, 0, false)
            }
            None => return None,
        };
        let mut k = k;
        if matches!(self.w(k), "calendar") {
            k += 1;
        }
        let (unit, mut j) = match self.w(k) {
            "week" | "weeks" if self.w(k) == "week" => ("week", k + 1),
            "workweek" => ("workweek", k + 1),
            "working" | "work" | "business" if self.w(k + 1) == "week" => ("workweek", k + 2),
            "weekend" => ("weekend", k + 1),
            "fortnight" => ("fortnight", k + 1),
            "month" => ("month", k + 1),
            "year" => ("year", k + 1),
            "quarter" => ("quarter", k + 1),
            "decade" => ("decade", k + 1),
            _ => return None,
        };
        if the && self.w(j) == "to" && self.w(j + 1) == "date" {
            return None;
        }
        if the {
            // "the week of ...", "the year 2019", "the month of May" are other readings.
            if matches!(self.w(j), "of") || self.year(j).is_some() || self.digits(j).is_some() {
                return None;
            }
            if unit == "decade" || unit == "workweek" {
                return None;
            }
        }
        let n = if self.w(i) == "same" { 0 } else { n };
        // "the past decade", "the past fortnight" in news: the ten years up to now.
        if self.w(i) == "past" && unit == "decade" {
            let s = add_unit(self.r, "Y", -10)?.date();
            return Some((j, De::Span(s, self.rd)));
        }
        let (s, e) = self.period(unit, n)?;
        // "next week Wednesday", "previous week - Monday": the day in that week.
        let mut jj = j;
        if self.n(jj) == "-" {
            jj += 1;
        }
        if unit == "week" {
            if let Some(&wd) = self.look(&self.t.weekdays, T_WEEKDAYS, jj) {
                return Some((jj + 1, De::Day(weekday_in_week(s, wd, 0)?)));
            }
        }
        // "next year's first quarter"
        if unit == "year" && self.n(j) == "'" && self.w(j + 1) == "s" {
            if let Some((j2, q)) = self.ordinal_word(j + 2) {
                if self.w(j2) == "quarter" && (1..=4).contains(&q) {
                    let qs = add_months(s, (q - 1) * 3)?;
                    return Some((j2 + 1, De::Span(qs, add_months(qs, 3)?)));
                }
            }
        }
        if self.w(j) == "to" && self.w(j + 1) == "date" && unit == "year" {
            j += 2;
            return Some((j, De::Span(s, self.rd)));
        }
        Some((j, De::Span(s, e)))
    }

    /// "q1" .. "q4", "h1", "h2" (the tokeniser splits letters from digits).
    fn quarter_word(&self, i: usize) -> P<(i8, i8)> {
        let months = match self.w(i) {
            "q" => 3,
            "h" => 6,
            _ => return None,
        };
        let (t, n) = self.digits(i + 1)?;
        if !self.glued(i + 1) || t.len() != 1 || n < 1 || n > 12 / months {
            return None;
        }
        if self
            .tk
            .toks
            .get(i + 2)
            .is_some_and(|x| x.kind != TokKind::Punct && !self.tk.spaced(i + 2))
        {
            return None;
        }
        Some((i + 2, (n as i8, months as i8)))
    }

    fn ordinal_word(&self, i: usize) -> P<i64> {
        let n = self.num(i)?;
        if n.kind != NumKind::Ordinal {
            return None;
        }
        Some((n.j, n.value as i64))
    }

    /// "2024", "in 2024", "the year 2019", "1990s", "2017-q1", "q1 2019", "first quarter of 2013", "21st century".
    fn year_period(&self, i: usize) -> P<De> {
        let w = self.w(i);
        // Quarters and halves written q1 / h2.
        if let Some((qj, q)) = self.quarter_word(i) {
            let mut k = qj;
            if matches!(self.n(k), "-" | "of") {
                k += 1;
            }
            let (j, y) = self.year(k)?;
            return Some((j, quarter_span(y, q)?));
        }
        // "1st quarter of 2013", "the first quarter of 2013".
        let mut k0 = i;
        if w == "the" {
            k0 += 1;
        }
        if let Some((k, q)) = self.ordinal_word(k0) {
            if self.w(k) == "quarter" && self.w(k + 1) == "of" && (1..=4).contains(&q) {
                let (j, y) = self.year(k + 2)?;
                return Some((j, quarter_span(y, (q as i8, 3))?));
            }
            // "the first half of 2024"
            if self.w(k) == "half" && self.w(k + 1) == "of" && (1..=2).contains(&q) {
                let (j, y) = self.year(k + 2)?;
                return Some((j, quarter_span(y, (q as i8, 6))?));
            }
            if self.w(k) == "century" && q > 0 && q < 40 {
                let y = (q as i32 - 1) * 100;
                return Some((k + 1, De::Span(ymd(y, 1, 1)?, ymd(y + 100, 1, 1)?)));
            }
        }
        // "year 2012", "the year 2019", "calendar year 2008", "cy18".
        let mut k = i;
        if w == "the" && self.w(k + 1) != "calendar" {
            k += 1;
        }
        if self.w(k) == "calendar" {
            k += 1;
        }
        if self.w(k) == "year" {
            if let Some((j, y)) = self.year(k + 1) {
                return Some((j, De::Span(year_span(y)?.0, year_span(y)?.1)));
            }
        }
        if w == "cy" {
            if let Some((t, y)) = self.digits(i + 1) {
                if self.glued(i + 1) && t.len() == 2 {
                    let (s, e) = year_span(2000 + y)?;
                    return Some((i + 2, De::Span(s, e)));
                }
            }
        }
        // Decades in words: "nineties".
        if let Some(dec) = decade_word(w) {
            let y = 1900 + dec;
            return Some((i + 1, De::Span(ymd(y, 1, 1)?, ymd(y + 10, 1, 1)?)));
        }
        let (t, _) = self.digits(i)?;
        // "90 s", "1990s".
        if t.len() == 2 || t.len() == 4 {
            let v: i32 = t.parse().ok()?;
            let after_ok = self
                .tk
                .toks
                .get(i + 2)
                .is_none_or(|x| x.kind == TokKind::Punct || self.tk.spaced(i + 2));
            if self.w(i + 1) == "s" && v % 10 == 0 && after_ok {
                let y = if t.len() == 2 { 1900 + v } else { v };
                return Some((i + 2, De::Span(ymd(y, 1, 1)?, ymd(y + 10, 1, 1)?)));
            }
        }
        let (j, y) = self.year(i)?;
        // 2017-q1, 2017 q1, 2019-H2
        let mut k = j;
        if self.n(k) == "-" && self.glued(k) {
            k += 1;
        }
        if let Some((qj, q)) = self.quarter_word(k) {
            return Some((qj, quarter_span(y, q)?));
        }
        // A bare year: not a count of things ("2000 troops"), not part of a number or an amount.
        if i > 0 {
            let p = self.n(i - 1);
            if matches!(p, "$" | "€" | "£" | "#" | "+" | "-" | "/" | "." | ",") && !self.tk.spaced(i) {
                return None;
            }
            if p == "-" || p == "/" {
                return None;
            }
        }
        if let Some(nt) = self.tk.toks.get(j) {
            // "2000 troops": a count before a plural noun. Words in -ss, -us, -is, -as, -ys
            // ("across", "versus", "this", "whereas", "always") are not plurals.
            let w = &*nt.norm;
            let plural =
                w.len() > 3 && w.ends_with('s') && !["ss", "us", "is", "as", "ys"].iter().any(|e| w.ends_with(e));
            if nt.kind == TokKind::Word && plural && !self.t.starters.contains(w) {
                return None;
            }
            if matches!(self.n(j), "%" | "-" | "/" | ":") && self.glued(j) {
                return None;
            }
            if self.n(j) == "-" && self.digits(j + 1).is_some_and(|(t, _)| t.len() != 4) {
                return None;
            }
            if matches!(self.n(j), "." | ",") && self.glued(j) && self.glued(j + 1) && self.digits(j + 1).is_some() {
                return None;
            }
        }
        let (s, e) = year_span(y)?;
        Some((j, De::Span(s, e)))
    }

    /// Christmas, Easter 2018, Labor Day, and "last easter".
    fn holiday(&self, i: usize) -> P<De> {
        let (k, rel) = match self.ph(&self.t.relative, T_RELATIVE, i) {
            Some((k, &v)) => (k, Some(v)),
            None => (i, None),
        };
        let which: Box<dyn Fn(i32) -> Option<Date>>;
        let j;
        if let Some((j1, &(m, d))) = self.ph(&self.t.holidays, T_HOLIDAYS, k) {
            j = j1;
            which = Box::new(move |y| ymd(y, m.into(), d.into()));
        } else if let Some((j1, &off)) = self.ph(&self.t.easter_holidays, T_EASTER_HOLIDAYS, k) {
            j = j1;
            which = Box::new(move |y| add_days(easter(y)?, off));
        } else if let Some((j1, &(m, wd, n, off))) = self.ph(&self.t.weekday_holidays, T_WEEKDAY_HOLIDAYS, k) {
            j = j1;
            which = Box::new(move |y| add_days(nth_weekday(y, m.into(), wd, n)?, off));
        } else {
            return None;
        }
        let (j, date) = if let Some((j2, y)) = self.year(j) {
            (j2, which(y)?)
        } else {
            let y = self.ref_year();
            let this = which(y)?;
            let d = match rel {
                Some(v) if v > 0 => {
                    if this > self.rd {
                        this
                    } else {
                        which(y + 1)?
                    }
                }
                Some(v) if v < 0 => {
                    if this < self.rd {
                        this
                    } else {
                        which(y - 1)?
                    }
                }
                _ if self.future.get() => {
                    if this >= self.rd {
                        this
                    } else {
                        which(y + 1)?
                    }
                }
                _ => {
                    if this <= self.rd {
                        this
                    } else {
                        which(y - 1)?
                    }
                }
            };
            (j, d)
        };
        // "labor day weekend", "labor day 2021 weekend".
        if self.w(j) == "weekend" {
            let (s, e) = holiday_weekend(date)?;
            return Some((j + 1, De::Span(s, e)));
        }
        Some((j, De::Day(date)))
    }

    /// "the week of April 10th", "week 31", "the first week of 2021", "last week of July", "3rd week of Jan".
    fn week_of(&self, i: usize) -> P<De> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        // "the weekend of Halloween"
        if self.w(k) == "weekend" && self.w(k + 1) == "of" {
            let (j, de) = self.date(k + 2)?;
            if let M::Day(d) = self.resolve(de)? {
                let (s, e) = holiday_weekend(d)?;
                return Some((j, De::Span(s, e)));
            }
            return None;
        }
        // "week 31", "week 27 of last year"
        if self.w(k) == "week" {
            if k > i && self.digits(k + 1).is_some() {
                return None;
            }
            if let Some((t, n)) = self.digits(k + 1) {
                if t.len() <= 2 && (1..=53).contains(&n) {
                    let mut j = k + 2;
                    let mut y = self.ref_year();
                    if self.w(j) == "of" {
                        if let Some((j2, De::Span(s, _))) =
                            self.relative_period(j + 1).or_else(|| self.year_period(j + 1))
                        {
                            y = s.year().into();
                            j = j2;
                        }
                    }
                    let s = iso_week(y, n)?;
                    return Some((j, De::Span(s, add_days(s, 7)?)));
                }
                return None;
            }
            // "the week of April 10th", "the week beginning February 4"
            if matches!(self.w(k + 1), "of" | "beginning" | "starting" | "commencing") {
                let mut m = k + 2;
                if self.w(m) == "on" {
                    m += 1;
                }
                let (j, de) = self.date(m)?;
                let d = match self.resolve(de)? {
                    M::Day(d) => d,
                    _ => return None,
                };
                let s = if self.w(k + 1) == "of" { week_start(d) } else { d };
                return Some((j, De::Span(s, add_days(s, 7)?)));
            }
            return None;
        }
        // "first week of 2015", "last week of July", "the 2nd week of next month"
        let (k2, pos) = match self.t.positions.get(self.w(k)) {
            Some(&p) => (k + 1, p),
            None => {
                let (k2, p) = self.ordinal_word(k)?;
                (k2, p)
            }
        };
        if !(-1..=53).contains(&pos) || pos == 0 {
            return None;
        }
        // "first 2 weeks of 2021", "last four months of 2021", "first ten days of last year".
        if let Some((k3, (cnt, false))) = self.int(k2) {
            let (after, (code, _)) = self.ph(&self.t.units, T_UNITS, k3)?;
            {
                if self.w(after) != "of" {
                    return None;
                }
                let (j, de) = self.date(after + 1)?;
                let (s, e) = match self.resolve(de)? {
                    M::Span(s, e) => (s, e),
                    _ => return None,
                };
                let base_s = if code == "W" {
                    iso_week(s.year().into(), 1).filter(|_| s.month() == 1).unwrap_or(s)
                } else {
                    s
                };
                return Some(match (pos, code.as_str()) {
                    (p, c) if p > 0 => {
                        let s2 = base_s;
                        let e2 = add_unit(s2.to_datetime(Time::midnight()), c, cnt)?.date();
                        (j, De::Span(s2, e2))
                    }
                    (_, c) => {
                        let s2 = add_unit(e.to_datetime(Time::midnight()), c, -cnt)?.date();
                        (j, De::Span(s2, e))
                    }
                });
            }
        }
        if self.w(k2) == "month" && self.w(k2 + 1) == "of" && pos > 0 {
            let (j, de) = self.date(k2 + 2)?;
            if let M::Span(s, _) = self.resolve(de)? {
                let (s2, e2) = month_span(s.year().into(), pos as i32)?;
                return Some((j, De::Span(s2, e2)));
            }
            return None;
        }
        if self.w(k2) != "week" || self.w(k2 + 1) != "of" {
            return None;
        }
        let (j, de) = self.date(k2 + 2)?;
        // A year: ISO weeks. A month: weeks counted from the one holding its first day.
        let span = match de {
            De::Span(s, e) if s.month() == 1 && s.day() == 1 && e == ymd(i32::from(s.year()) + 1, 1, 1)? => {
                let y = i32::from(s.year());
                if pos > 0 {
                    let ws = iso_week(y, pos as i32)?;
                    (ws, add_days(ws, 7)?)
                } else {
                    let ws = week_start(ymd(y, 12, 28)?);
                    (ws, add_days(ws, 7)?)
                }
            }
            _ => {
                let (s, e) = match self.resolve(de)? {
                    M::Span(s, e) => (s, e),
                    _ => return None,
                };
                if pos > 0 {
                    let ws = add_days(week_start(s), (pos - 1) * 7)?;
                    (ws, add_days(ws, 7)?)
                } else {
                    let ws = week_start(add_days(e, -1)?);
                    (ws, add_days(ws, 7)?)
                }
            }
        };
        // "1st week of Oct. on Friday"
        Some((j, De::Span(span.0, span.1)))
    }

    /// "end of 2008", "the beginning of March", "mid-November", "middle of 2000", "end of this month", "eoy".
    fn edge_of(&self, i: usize) -> P<De> {
        let w = self.w(i);
        if w == "eoy" {
            let (s, e) = self.period("year", 0)?;
            return Some((i + 1, De::Span(ymd(s.year().into(), 7, 1)?, e)));
        }
        if w == "eod" || (w == "end" && self.w(i + 1) == "of" && self.w(i + 2) == "the" && self.w(i + 3) == "day") {
            return None;
        }
        let k = i;
        let edge = match self.w(k) {
            "end" => 2,
            "beginning" | "start" | "early" => 0,
            "middle" | "mid" => 1,
            "late" => 2,
            _ => return None,
        };
        let mut m = k + 1;
        if self.w(m) == "of" || (self.n(m) == "-" && self.glued(m)) {
            m += 1;
        } else if matches!(self.w(k), "end" | "beginning" | "start" | "middle") {
            return None;
        }
        if self.w(m) == "the" && matches!(self.w(m + 1), "year" | "month" | "week") {
            m += 1;
        }
        // "end of year", "end of month"
        let (j, de) = match self.w(m) {
            "year" | "month" | "week" => {
                if self.year(m + 1).is_some() {
                    self.date(m)?
                } else {
                    let u = self.w(m);
                    let (s, e) = self.period(u, 0)?;
                    (m + 1, De::Span(s, e))
                }
            }
            _ => self.date(m)?,
        };
        let (s, e) = match self.resolve(de)? {
            M::Span(s, e) => (s, e),
            _ => return None,
        };
        let days = (e - s).get_days();
        let span = if days >= 365 {
            let y = i32::from(s.year());
            match edge {
                0 => (s, ymd(y, 5, 1)?),
                1 => (ymd(y, 5, 1)?, ymd(y, 9, 1)?),
                _ => (
                    ymd(
                        y,
                        if self.w(m) == "year" && self.year(m + 1).is_none() {
                            7
                        } else {
                            9
                        },
                        1,
                    )?,
                    e,
                ),
            }
        } else if days >= 28 {
            let y = i32::from(s.year());
            let mo = i32::from(s.month());
            match edge {
                0 => (s, ymd(y, mo, 11)?),
                1 => (ymd(y, mo, 10)?, ymd(y, mo, 21)?),
                _ => (ymd(y, mo, 16)?, e),
            }
        } else {
            return None;
        };
        Some((j, De::Span(span.0, span.1)))
    }

    /// "last 3 months", "next five days", "the next 4 business days", "2 upcoming months", "past fortnight".
    /// "last 3", "3 next": direction, count and the unit's token.
    fn last_n_head(&self, i: usize) -> Option<(usize, i64, f64, String)> {
        let k = i;
        // "3 next weeks", "5 past years"
        let (dir, cnt, uk, count_first) = if let Some((k2, &v)) = self.ph(&self.t.relative, T_RELATIVE, k) {
            if v == 0 {
                return None;
            }
            let (k3, c) = self.count(k2)?;
            (v, c, k3, false)
        } else {
            let (k2, c) = self.count(k)?;
            let (k3, &v) = self.ph(&self.t.relative, T_RELATIVE, k2)?;
            if v == 0 {
                return None;
            }
            (v, c, k3, true)
        };
        let (j, (code, _)) = self.ph(&self.t.units, T_UNITS, uk)?;
        // "3 next week" is a count then a week: the unit must agree with the count.
        if count_first && cnt != 1.0 && !self.w(j - 1).ends_with('s') {
            return None;
        }
        Some((j, dir, cnt, code.clone()))
    }

    /// "the 5 past minutes", "within the last 2 hours": periods of hours up to the reference.
    fn last_n_time(&self, i: usize) -> P<M> {
        let (j, dir, cnt, code) = self.last_n_head(i)?;
        if !matches!(code.as_str(), "H" | "MIN" | "S") || cnt.fract() != 0.0 || !(0.0..=1e7).contains(&cnt) {
            return None;
        }
        let other = add_unit(self.r, &code, dir * cnt as i64)?;
        Some((
            j,
            if dir > 0 {
                M::DtR(self.r, other)
            } else {
                M::DtR(other, self.r)
            },
        ))
    }

    fn last_n(&self, i: usize) -> P<De> {
        let (j, dir, cnt, code) = self.last_n_head(i)?;
        let code = code.as_str();
        let rd = self.rd;
        if cnt.fract() != 0.0 || !(0.0..=100_000.0).contains(&cnt) {
            return None;
        }
        let n = cnt as i64;
        let span = match code {
            "3M" => {
                let (qs, qe) = self.period("quarter", 0)?;
                if dir > 0 {
                    (qe, add_months(qe, 3 * n)?)
                } else {
                    (add_months(qs, -3 * n)?, qs)
                }
            }
            "BD" => {
                let mut d = rd;
                let mut days = Vec::new();
                while (days.len() as i64) < n && days.len() < 400 {
                    d = add_days(d, dir)?;
                    if weekday_num(d) <= 5 {
                        days.push(d);
                    }
                }
                let first = *days.iter().min()?;
                let last = *days.iter().max()?;
                if dir > 0 {
                    (first, add_days(last, 1)?)
                } else {
                    (first, rd)
                }
            }
            "H" | "MIN" | "S" => return None,
            c => {
                let (unit, mult) = match c {
                    "2W" => ("W", 2),
                    "10Y" => ("Y", 10),
                    "WE" => return None,
                    u => (u, 1),
                };
                if dir > 0 {
                    let s = add_days(rd, 1)?;
                    (s, add_unit(s.to_datetime(Time::midnight()), unit, n * mult)?.date())
                } else {
                    (add_unit(rd.to_datetime(Time::midnight()), unit, -n * mult)?.date(), rd)
                }
            }
        };
        Some((j, De::Span(span.0, span.1)))
    }

    /// A count before a unit: "3", "three", "a", "a few", "several", "couple".
    fn count(&self, i: usize) -> P<f64> {
        if let Some((j, &v)) = self.ph(&self.t.vague, T_VAGUE, i) {
            return Some((j, v));
        }
        if matches!(self.w(i), "a" | "an") {
            return Some((i + 1, 1.0));
        }
        // Digits: the count is the digit run itself ("30 minutes", "123.45 sec").
        if let Some((t, v)) = self.digits(i) {
            if t.len() > 6 {
                return None;
            }
            if self.n(i + 1) == "." && self.glued(i + 1) && self.glued(i + 2) {
                if let Some((f, _)) = self.digits(i + 2) {
                    let x: f64 = format!("{t}.{f}").parse().ok()?;
                    return Some((i + 3, x));
                }
            }
            return Some((i + 1, f64::from(v)));
        }
        let n = self.num(i)?;
        if n.kind == NumKind::Ordinal || n.value < 0.0 {
            return None;
        }
        // "three quarters" reads as 3/4; before a period it is three quarters of a year.
        if n.kind == NumKind::Fraction
            && n.j > i + 1
            && (self.w(n.j - 1) == "quarters" || n.value < 1.0 && self.w(n.j - 1) == "quarter")
        {
            return Some((n.j - 1, (n.value * 4.0).round()));
        }
        // A number that swallowed a unit ("one second" read as a half) stops before it;
        // "one and a quarter" keeps its quarter.
        let fraction_word =
            |k: usize| n.kind == NumKind::Fraction && matches!(self.w(k), "quarter" | "quarters" | "half");
        if let Some(k) = (i + 1..n.j).find(|&k| self.ph(&self.t.units, T_UNITS, k).is_some() && !fraction_word(k)) {
            let (s, e) = self.tk.bytes(i, k);
            let sub = Tokens::new(&self.tk.text[s..e]);
            let m = number_at(&sub, 0, self.nw, Lang::En)?;
            if m.j != sub.len() || m.kind == NumKind::Ordinal {
                return None;
            }
            return Some((k, m.value));
        }
        Some((n.j, n.value))
    }

    // -----------------------------------------------------------------------------------
    // Times.

    /// "am", "pm", "a.m.", "p . m .", "a", "p" (glued): Some(true) for pm.
    fn ampm(&self, j: usize) -> P<bool> {
        let w = self.w(j);
        match w {
            "am" | "pm" => Some((j + 1, w == "pm")),
            "a" | "p" => {
                let pm = w == "p";
                if self.n(j + 1) == "." && self.w(j + 2) == "m" {
                    let mut k = j + 3;
                    if self.n(k) == "." {
                        k += 1;
                    }
                    return Some((k, pm));
                }
                if self.w(j + 1) == "m" && self.tk.spaced(j + 1) {
                    return Some((j + 2, pm));
                }
                if !self.tk.spaced(j)
                    && self
                        .tk
                        .toks
                        .get(j + 1)
                        .is_none_or(|t| t.kind != TokKind::Word || self.tk.spaced(j + 1))
                {
                    return Some((j + 1, pm));
                }
                None
            }
            _ => None,
        }
    }

    /// A clock time at `i`: (end, time, strong). Strong times are unmistakable ("10:30",
    /// "7pm", "noon"); weak ones ("at 7") need a context.
    fn clock(&self, i: usize) -> P<(Tm, bool)> {
        if i > 0 && self.glued(i) && matches!(self.n(i - 1), ":" | "." | "/" | "-" | ",") {
            return None;
        }
        self.clock_any(i)
    }

    /// A clock time, also right after a hyphen ("8-9am").
    fn clock_any(&self, i: usize) -> P<(Tm, bool)> {
        // "20 min past eight", "10 past 9"
        if let Some(r) = self.past_clock(i) {
            return Some(r);
        }
        let w = self.w(i);
        if matches!(w, "noon" | "midday" | "noonish") {
            return Some((
                i + 1,
                (
                    Tm {
                        h: 12,
                        m: 0,
                        s: 0,
                        amb: false,
                    },
                    true,
                ),
            ));
        }
        if w == "midnight" {
            return Some((
                i + 1,
                (
                    Tm {
                        h: 0,
                        m: 0,
                        s: 0,
                        amb: false,
                    },
                    true,
                ),
            ));
        }
        if let Some((t, v)) = self.digits(i) {
            if i > 0 && self.glued(i) && self.tk.toks[i - 1].kind == TokKind::Word {
                return None;
            }
            // "0730"
            if t.len() == 4 && (v / 100) <= 23 && v % 100 <= 59 && t.starts_with(['0', '1', '2']) {
                let tm = Tm {
                    h: (v / 100) as i8,
                    m: (v % 100) as i8,
                    s: 0,
                    amb: false,
                };
                return Some((i + 1, (tm, false)));
            }
            if t.len() > 2 || v > 24 {
                return None;
            }
            let mut tm = Tm {
                h: v as i8,
                m: 0,
                s: 0,
                amb: (1..=12).contains(&v),
            };
            let mut j = i + 1;
            let mut strong = false;
            let mut dotted = false;
            if matches!(self.n(j), ":" | ".") && self.glued(j) && self.glued(j + 1) {
                if let Some((mt, mv)) = self.digits(j + 1) {
                    if mt.len() == 2 && mv < 60 {
                        dotted = self.n(j) == ".";
                        tm.m = mv as i8;
                        j += 2;
                        strong = !dotted;
                        if self.n(j) == ":" && self.glued(j) {
                            if let Some((st, sv)) = self.digits(j + 1) {
                                if st.len() == 2 && sv < 60 {
                                    tm.s = sv as i8;
                                    j += 2;
                                }
                            }
                        }
                    }
                }
            }
            // "9.am"
            let mut k = j;
            if self.n(k) == "." && self.glued(k) && matches!(self.w(k + 1), "am" | "pm") && self.glued(k + 1) {
                k += 1;
            }
            if let Some((j2, pm)) = self.ampm(k) {
                if tm.h > 12 || tm.h == 0 && !pm {
                    // "0 am" is odd; "13pm" is not a time.
                    if tm.h > 12 {
                        return None;
                    }
                }
                tm.amb = false;
                if pm {
                    tm = tm.pm();
                } else if tm.h == 12 {
                    tm.h = 0;
                }
                return Some((j2, (tm, true)));
            }
            if dotted {
                // "at 6.45": only after "at".
                let at = i > 0 && matches!(self.w(i - 1), "at" | "around");
                if !at {
                    return None;
                }
            }
            if self.w(j) == "oclock" {
                return Some((j + 1, (tm, true)));
            }
            if self.w(j) == "o" && self.n(j + 1) == "'" && self.w(j + 2) == "clock" {
                return Some((j + 3, (tm, true)));
            }
            if self.w(j) == "ish" && self.glued(j) {
                return Some((j + 1, (tm, true)));
            }
            if tm.h > 12 {
                tm.amb = false;
            }
            if self.w(j) == "noon" && tm.h == 12 {
                return Some((j + 1, (tm, true)));
            }
            return Some((j, (tm, strong)));
        }
        // Words: "six pm", "one thirty p m", "eight o'clock", "half past nine", "20 min past eight".
        self.word_clock(i)
    }

    fn past_clock(&self, i: usize) -> P<(Tm, bool)> {
        let n = self.num(i)?;
        if n.kind != NumKind::Cardinal || n.value.fract() != 0.0 || !(0.0..60.0).contains(&n.value) {
            return None;
        }
        let mut k = n.j;
        if matches!(self.w(k), "min" | "mins" | "minute" | "minutes") {
            k += 1;
        }
        if self.w(k) != "past" {
            return None;
        }
        let (j2, (h, _)) = self.hour_word(k + 1)?;
        Some((
            j2,
            (
                Tm {
                    h,
                    m: n.value as i8,
                    s: 0,
                    amb: h <= 12,
                },
                true,
            ),
        ))
    }

    fn word_clock(&self, i: usize) -> P<(Tm, bool)> {
        let w = self.w(i);
        // "half past 9", "quarter past", "quarter to"
        let (j0, mins): (usize, Option<i64>) = if w == "half" && self.w(i + 1) == "past" {
            (i + 1, Some(30))
        } else if (w == "quarter" || (w == "a" && self.w(i + 1) == "quarter"))
            && matches!(self.w(i + 1 + usize::from(w == "a")), "past" | "to")
        {
            let k = i + 1 + usize::from(w == "a");
            (k, Some(if self.w(k) == "past" { 15 } else { -15 }))
        } else {
            (i, None)
        };
        if let Some(mn) = mins {
            let (j, (h, _)) = self.hour_word(j0 + 1)?;
            let tot = i64::from(h) * 60 + mn;
            let tm = Tm {
                h: (tot.div_euclid(60) % 24) as i8,
                m: tot.rem_euclid(60) as i8,
                s: 0,
                amb: true,
            };
            return Some((j, (tm, true)));
        }
        let n = self.num(i)?;
        if n.kind != NumKind::Cardinal || n.value.fract() != 0.0 {
            return None;
        }
        let v = n.value as i64;
        let mut j = n.j;
        // "20 min past eight", "thirty-six minutes past eight", "10 past 9"
        let mut k = j;
        if matches!(self.w(k), "min" | "mins" | "minute" | "minutes") {
            k += 1;
        }
        if self.w(k) == "past" && (0..60).contains(&v) {
            let (j2, (h, _)) = self.hour_word(k + 1)?;
            return Some((
                j2,
                (
                    Tm {
                        h,
                        m: v as i8,
                        s: 0,
                        amb: h <= 12,
                    },
                    true,
                ),
            ));
        }
        if self.tk.toks.get(i).is_some_and(|t| t.kind == TokKind::Digits) {
            return None;
        }
        if !(0..=12).contains(&v) {
            return None;
        }
        let mut tm = Tm {
            h: v as i8,
            m: 0,
            s: 0,
            amb: true,
        };
        let mut strong = false;
        // "one thirty", "six forty-three minutes", "two forty five"
        if let Some(m2) = self.num(j) {
            if m2.kind == NumKind::Cardinal
                && m2.value.fract() == 0.0
                && (10.0..60.0).contains(&m2.value)
                && self.tk.toks.get(j).is_some_and(|t| t.kind == TokKind::Word)
            {
                tm.m = m2.value as i8;
                j = m2.j;
                if self.w(j) == "minutes" {
                    j += 1;
                }
                strong = true;
            }
        }
        if let Some((j2, pm)) = self.ampm(j) {
            tm.amb = false;
            if pm {
                tm = tm.pm();
            } else if tm.h == 12 {
                tm.h = 0;
            }
            return Some((j2, (tm, true)));
        }
        if self.w(j) == "oclock" {
            return Some((j + 1, (tm, true)));
        }
        if self.w(j) == "o" && self.n(j + 1) == "'" && self.w(j + 2) == "clock" {
            return Some((j + 3, (tm, true)));
        }
        Some((j, (tm, strong)))
    }

    /// An hour for "past": "eight", "9", "seven o'clock".
    fn hour_word(&self, i: usize) -> P<(i8, bool)> {
        let n = self.num(i)?;
        if n.kind != NumKind::Cardinal || n.value.fract() != 0.0 || !(0.0..=24.0).contains(&n.value) {
            return None;
        }
        let mut j = n.j;
        if self.w(j) == "oclock" {
            j += 1;
        } else if self.w(j) == "o" && self.n(j + 1) == "'" && self.w(j + 2) == "clock" {
            j += 3;
        }
        Some((j, (n.value as i8, true)))
    }

    /// A part of the day after a time: "in the morning", "in the evening", "at night", "tonight".
    fn daypart_after(&self, j: usize) -> P<String> {
        let mut k = j;
        if matches!(self.w(k), "in" | "at") {
            k += 1;
        }
        if self.w(k) == "the" {
            k += 1;
        }
        if k == j {
            return None;
        }
        let (k2, p) = self.ph(&self.t.parts, T_PARTS, k)?;
        if matches!(self.w(k), "am" | "pm") {
            return None;
        }
        Some((k2, p.code.clone()))
    }

    /// Moves an ambiguous hour into a part of the day.
    fn into_part(tm: Tm, code: &str) -> Tm {
        if !tm.amb {
            return tm;
        }
        match code {
            "AF" | "EV" => tm.pm(),
            "NI" => {
                if tm.h >= 6 && tm.h < 12 {
                    tm.pm()
                } else if tm.h == 12 {
                    Tm { h: 0, amb: false, ..tm }
                } else {
                    Tm { amb: false, ..tm }
                }
            }
            _ => Tm { amb: false, ..tm },
        }
    }

    /// A time with its part of day: "10:30 p.m.", "eight in the evening", "in the morning at 7".
    fn time(&self, i: usize, weak_ok: bool) -> P<(Tm, bool)> {
        // "in the morning at 7", "early morning at 8:00"
        {
            let mut k = i;
            if matches!(self.w(k), "early" | "late") {
                k += 1;
            }
            if self.w(k) == "in" && self.w(k + 1) == "the" {
                k += 2;
            }
            if k > i {
                if let Some((k2, p)) = self.ph(&self.t.parts, T_PARTS, k) {
                    if self.w(k2) == "at" {
                        let (j, (tm, _)) = self.clock(k2 + 1)?;
                        return Some((j, (Self::into_part(tm, &p.code), true)));
                    }
                }
            }
        }
        let (mut j, (mut tm, strong)) = self.clock(i)?;
        if !strong && !weak_ok && self.daypart_after(j).is_none() {
            return None;
        }
        if let Some((j2, code)) = self.daypart_after(j) {
            if code != "NI" || self.w(j) != "tonight" {
                tm = Self::into_part(tm, &code);
                j = j2;
                return Some((j, (tm, true)));
            }
        }
        Some((j, (tm, strong)))
    }

    /// Skips a time zone after a time ("7pm GMT"): the zone is not part of the span.
    fn time_m(&self, i: usize) -> P<M> {
        let mut best: P<M> = None;
        // "at 7", "around 7": the preposition makes a bare number a time.
        let w = self.w(i);
        if w == "at" && self.n(i + 2) == "." && self.digits(i + 3).is_some_and(|(t, _)| t.len() == 2) {
            // "at 6.45": the preposition tells a time from a decimal number.
            if let Some((j, (tm, _))) = self.time(i + 1, true) {
                if !matches!(self.w(j), "percent" | "per" | "pc") && self.n(j) != "%" {
                    best = Some((j, M::T(tm)));
                }
            }
        }
        if let Some((j, (tm, strong))) = self.time(i, false) {
            if strong && best.as_ref().is_none_or(|(bj, _)| j > *bj) {
                best = Some((j, M::T(tm)));
            }
        }
        // "meet at 6.": a bare hour after "at" that ends the clause.
        if i > 0 && self.w(i - 1) == "at" && best.is_none() {
            if let Some((t, v)) = self.digits(i) {
                let end = self.tk.toks.get(i + 1).is_none_or(|x| {
                    matches!(&*x.norm, "." | "," | ";" | "!" | "?")
                        && self.tk.toks.get(i + 2).is_none_or(|y| y.kind != TokKind::Digits)
                });
                if t.len() <= 2 && (1..=12).contains(&v) && end {
                    best = Some((
                        i + 1,
                        M::T(Tm {
                            h: v as i8,
                            m: 0,
                            s: 0,
                            amb: true,
                        }),
                    ));
                }
            }
        }
        // Time ranges.
        if let Some((j, a, b)) = self.time_range(i) {
            if best.as_ref().is_none_or(|(bj, _)| j > *bj) {
                best = Some((j, M::TR(a, b)));
            }
        }
        // Parts of the day: "in the morning", "morning", "early morning", "later in the afternoon".
        if let Some((j, a, b)) = self.part_range(i) {
            if best.as_ref().is_none_or(|(bj, _)| j > *bj) {
                best = Some((j, M::TR(a, b)));
            }
        }
        best
    }

    fn part_range(&self, i: usize) -> Option<(usize, Tm, Tm)> {
        let mut k = i;
        let mut edge = 0; // 1 early, 2 late
        match self.w(k) {
            "early" => {
                edge = 1;
                k += 1;
            }
            "late" | "later" => {
                edge = 2;
                k += 1;
            }
            _ => {}
        }
        let prep = matches!(self.w(k), "in" | "at" | "around");
        if prep {
            k += 1;
        }
        let the = self.w(k) == "the";
        if the {
            k += 1;
        }
        let (j, p) = self.ph(&self.t.parts, T_PARTS, k)?;
        let word = self.w(k);
        if matches!(word, "am" | "pm") {
            return None;
        }
        if !prep && !the && matches!(word, "dinner" | "breakfast" | "lunch" | "dinnertime") {
            return None;
        }
        if i > 0
            && matches!(
                self.w(i - 1),
                "good" | "last" | "this" | "tomorrow" | "yesterday" | "today"
            )
        {
            return None;
        }
        if !prep && the {
            return None;
        }
        if !prep && word.ends_with('s') {
            return None;
        }
        let s = Tm {
            h: p.start.hour(),
            m: p.start.minute(),
            s: p.start.second(),
            amb: false,
        };
        let e = Tm {
            h: p.end.hour(),
            m: p.end.minute(),
            s: p.end.second(),
            amb: false,
        };
        let (s, e) = match edge {
            1 => (s, Tm { h: s.h + 2, ..s }),
            2 => (
                Tm {
                    h: (e.h - 2).max(0),
                    m: 0,
                    s: 0,
                    ..e
                },
                e,
            ),
            _ => (s, e),
        };
        Some((j, s, e))
    }

    /// "5 to 6pm", "between 4pm and 5pm", "from 10 am for 3 hours", "9-10 am", "between 0730-0930".
    fn time_range(&self, i: usize) -> Option<(usize, Tm, Tm)> {
        self.time_range_x(i, false)
    }

    /// `loose`: a day follows, so bare hours ("between 7 and 9 last night") are times.
    fn time_range_x(&self, i: usize, loose: bool) -> Option<(usize, Tm, Tm)> {
        let w = self.w(i);
        // "for 3 hours from 10 am"
        if w == "for" {
            let (j, _, secs) = self.duration_full(i + 1)?;
            if self.w(j) != "from" {
                return None;
            }
            let (j2, (a, strong)) = self.clock(j + 1)?;
            let e = a.secs() + secs as i32;
            if !strong || secs <= 0.0 || e >= 24 * 3600 {
                return None;
            }
            let b = Tm {
                h: (e / 3600) as i8,
                m: ((e / 60) % 60) as i8,
                s: (e % 60) as i8,
                amb: false,
            };
            return Some((j2, Tm { amb: false, ..a }, b));
        }
        let (k, conj): (usize, &[&str]) = match w {
            "from" => (i + 1, &["to", "till", "until", "-", "through", "thru"]),
            "between" => (i + 1, &["and", "to", "-"]),
            _ => (i, &["to", "-", "till", "until", "through", "thru"]),
        };
        let (k1, (a, a_strong)) = self.clock(k)?;
        // "from 10 am for 3 hours"
        if w == "from" && self.w(k1) == "for" {
            if let Some((j, _, secs)) = self.duration_full(k1 + 1) {
                let e = a.secs() + secs as i32;
                if secs > 0.0 && e < 24 * 3600 {
                    let b = Tm {
                        h: (e / 3600) as i8,
                        m: ((e / 60) % 60) as i8,
                        s: (e % 60) as i8,
                        amb: false,
                    };
                    return Some((j, Tm { amb: false, ..a }, b));
                }
            }
        }
        let c = self.n(k1);
        if !conj.contains(&c) {
            return None;
        }
        let (mut j, (b, b_strong)) = self.clock_any(k1 + 1)?;
        // Whole numbers "5 - 6" alone are not times; one side must be a time.
        let mut a = a;
        let mut b = b;
        let mut part = None;
        if let Some((j2, code)) = self.daypart_after(j) {
            part = Some(code);
            j = j2;
        }
        if !a_strong && !b_strong && part.is_none() && w != "between" && w != "from" && !loose {
            return None;
        }
        if !a_strong && !b_strong && part.is_none() && !loose {
            // "between 0730-0930" is fine; "from 3 to 5" is not a time.
            let four = self.digits(k).is_some_and(|(t, _)| t.len() == 4);
            if !four {
                return None;
            }
        }
        if let Some(code) = &part {
            a = Self::into_part(a, code);
            b = Self::into_part(b, code);
        }
        // "5 to 6pm": the meridiem of the end applies to the start when it fits.
        if a.amb && !b.amb {
            let ap = a.pm();
            if b.h >= 12 && ap.secs() <= b.secs() {
                a = ap;
            } else {
                a.amb = false;
            }
        }
        if b.amb && !a.amb && b.secs() < a.secs() {
            b = b.pm();
        }
        if !b.amb && b.h == 0 && b.m == 0 && a.h < 12 && a.h > 0 && !a.amb {
            // "10am-12am" means noon.
            b.h = 12;
        }
        // "8am-3 yesterday afternoon": fix the end after the start.
        Some((j, a, b))
    }

    // -----------------------------------------------------------------------------------
    // Dates with times.

    /// A day with a time or a part of the day: "tomorrow at 8:45", "Monday morning",
    /// "9am on Tuesday", "tonight", "last night at 8", "today from 10am-12am".
    fn datetime(&self, i: usize) -> P<M> {
        let mut best: P<M> = None;
        let mut take = |c: P<M>| keep_longer(&mut best, c);
        // "end of the day", "eod", "end of this Sunday": the day's last second.
        {
            let last = |d: Date| d.to_datetime(Time::new(23, 59, 59, 0).unwrap_or(Time::midnight()));
            let mut k = i;
            if self.w(k) == "the" && self.w(k + 1) == "eod" {
                k += 1;
            }
            if self.w(k) == "eod" {
                take(Some((k + 1, M::Dt(last(self.rd)))));
            }
            if self.w(i) == "end" && self.w(i + 1) == "of" {
                let mut m = i + 2;
                if self.w(m) == "the" {
                    m += 1;
                }
                if self.w(m) == "day" {
                    take(Some((m + 1, M::Dt(last(self.rd)))));
                } else if let Some((j, De::Day(d))) = self.weekday_date(m) {
                    take(Some((j, M::Dt(last(d)))));
                }
            }
        }
        // "late this morning", "early this evening", "mid today": a part of a part.
        if matches!(self.w(i), "early" | "late" | "mid") {
            if let Some((j, (off, part))) = self.ph(&self.t.day_parts, T_DAY_PARTS, i + 1) {
                let day = add_days(self.rd, *off)?;
                if let Some((_, p)) = self.t.parts.longest_at(&Tokens::new(part), 0) {
                    let two = jiff::Span::new().hours(2);
                    let (s, e) = if self.w(i) == "early" {
                        (p.start, p.start.checked_add(two).ok()?)
                    } else {
                        (Time::new(p.end.checked_sub(two).ok()?.hour(), 0, 0, 0).ok()?, p.end)
                    };
                    take(Some((j, M::DtR(day.to_datetime(s), day.to_datetime(e)))));
                }
            }
            if self.w(i) == "mid" {
                if let Some((j, De::Day(d))) = self.relative_day(i + 1) {
                    let t = |h| Time::new(h, 0, 0, 0).ok();
                    take(Some((j, M::DtR(d.to_datetime(t(10)?), d.to_datetime(t(14)?)))));
                }
            }
        }
        // Day parts relative to the reference: "tonight", "this morning", "last night".
        if let Some((j, (off, part))) = self.ph(&self.t.day_parts, T_DAY_PARTS, i) {
            let day = add_days(self.rd, *off)?;
            if let Some((_, p)) = self.t.parts.longest_at(&Tokens::new(part), 0) {
                take(Some((j, M::DtR(day.to_datetime(p.start), day.to_datetime(p.end)))));
                // "tonight at 1am", "last night at 8", "tonight from 7 to 7:30"
                let code = p.code.clone();
                let mut k = j;
                if matches!(self.w(k), "at" | "around" | "about") {
                    k += 1;
                }
                if let Some((j2, (tm, _))) = self.time(k, true) {
                    take(Some((j2, M::Dt(at_time(day, Self::into_part(tm, &code))?))));
                }
                if let Some((j2, a, b)) = self.time_range(j) {
                    let (a, b) = (Self::into_part(a, &code), Self::into_part(b, &code));
                    take(Some((j2, M::DtR(at_time(day, a)?, at_time(day, b)?))));
                }
            }
        }
        // A date first; a holiday keeps its time apart ("Christmas Eve at 6 p.m.").
        if let Some((j, de)) = self.date(i) {
            if let Some(M::Day(day)) = self.resolve(de) {
                if self.holiday(i).is_none_or(|(hj, _)| hj != j) {
                    take(self.after_day(day, j));
                }
            }
        }
        // A time first, then a day: "9am on Tuesday", "13:00 February 28, 2013", "8am this morning".
        // "at 8.30pm today": the preposition belongs to a dotted time.
        let i = if self.w(i) == "at" && self.n(i + 2) == "." && self.digits(i + 3).is_some() {
            i + 1
        } else {
            i
        };
        let (jt, tm, range) = if let Some((j, a, b)) = self.time_range_x(i, true) {
            (j, a, Some(b))
        } else if let Some((j, (tm, strong))) = self.time(i, true) {
            let ok = strong
                || (i > 0 && matches!(self.w(i - 1), "at" | "around"))
                || self.n(j) == ","
                || self.n(i + 1) == ".";
            if !ok {
                return best;
            }
            (j, tm, None)
        } else {
            return best;
        };
        let mut k = jt;
        if matches!(self.n(k), ",") {
            k += 1;
        }
        if matches!(self.w(k), "on" | "of" | "at") {
            k += 1;
        }
        if let Some((j2, (off, part))) = self.ph(&self.t.day_parts, T_DAY_PARTS, k) {
            let day = add_days(self.rd, *off)?;
            if let Some((_, p)) = self.t.parts.longest_at(&Tokens::new(part), 0) {
                let code = p.code.clone();
                match range {
                    None => take(Some((j2, M::Dt(at_time(day, Self::into_part(tm, &code))?)))),
                    Some(b) => take(Some((
                        j2,
                        M::DtR(
                            at_time(day, Self::into_part(tm, &code))?,
                            at_time(day, Self::into_part(b, &code))?,
                        ),
                    ))),
                }
            }
        }
        if let Some((j2, de)) = self.date(k) {
            if let Some(M::Day(day)) = self.resolve(de) {
                // The day may carry a part: "from 8am-3 yesterday afternoon".
                let (j3, code) = match self.ph(&self.t.parts, T_PARTS, j2) {
                    Some((j3, p)) => (j3, Some(p.code.clone())),
                    None => (j2, None),
                };
                let fix = |t: Tm| match &code {
                    Some(c) => Self::into_part(t, c),
                    None => t,
                };
                match range {
                    None => take(Some((j3, M::Dt(at_time(day, fix(tm))?)))),
                    Some(b) => {
                        let (a, mut b) = (fix(tm), fix(b));
                        if b.secs() < a.secs() && b.h < 12 {
                            b = b.pm();
                        }
                        take(Some((j3, M::DtR(at_time(day, a)?, at_time(day, b)?))))
                    }
                }
            }
        }
        best
    }

    /// What may follow a day: a time, a time range, a part of the day.
    fn after_day(&self, day: Date, j: usize) -> P<M> {
        let mut best: P<M> = None;
        let mut take = |c: P<M>| keep_longer(&mut best, c);
        let mut k = j;
        if self.n(k) == "," {
            k += 1;
        }
        // Part of the day: "Monday morning", "tuesday in the morning", "today pm", "tomorrow night".
        let mut pk = k;
        if self.w(pk) == "in" && self.w(pk + 1) == "the" {
            pk += 2;
        }
        let mut part_code = None;
        let mut early = 0;
        if matches!(self.w(pk), "early" | "late") {
            early = if self.w(pk) == "early" { 1 } else { 2 };
            pk += 1;
        }
        if let Some((j2, p)) = self.ph(&self.t.parts, T_PARTS, pk) {
            let plural = pk == k && self.w(j2 - 1).ends_with('s');
            if !matches!(self.w(pk), "dinner" | "breakfast" | "lunch") && !plural {
                let (s, e) = match early {
                    1 => (p.start, p.start.checked_add(jiff::Span::new().hours(2)).ok()?),
                    2 => (p.end.checked_sub(jiff::Span::new().hours(2)).ok()?, p.end),
                    _ => (p.start, p.end),
                };
                let s = if early == 2 {
                    Time::new(s.hour(), 0, 0, 0).ok()?
                } else {
                    s
                };
                // "Wednesday evening next week": the weekday in the week said after.
                let moved = match self.relative_period(j2) {
                    Some((j3, De::Span(ws, we)))
                        if (we - ws).get_days() == 7
                            && self.w(j3 - 1) == "week"
                            && self.ph(&self.t.relative, T_RELATIVE, j2).is_some()
                            && self.look(&self.t.weekdays, T_WEEKDAYS, j.saturating_sub(1)).is_some() =>
                    {
                        weekday_in_week(ws, weekday_num(day), 0).map(|d| (d, j3))
                    }
                    _ => None,
                };
                let (day, j2) = moved.unwrap_or((day, j2));
                take(Some((j2, M::DtR(day.to_datetime(s), day.to_datetime(e)))));
                part_code = Some((j2, p.code.clone()));
            }
        }
        // Then a time or a range: "Monday morning 6-8", "sunday early morning at 8:00".
        let (tk0, code) = match &part_code {
            Some((j2, c)) => (*j2, Some(c.clone())),
            None => (k, None),
        };
        let mut t0 = tk0;
        let for_ = self.w(t0) == "for";
        if matches!(self.w(t0), "at" | "around" | "about" | "for") || self.n(t0) == "@" {
            t0 += 1;
        }
        let fix = |t: Tm| match &code {
            Some(c) => Self::into_part(t, c),
            None => t,
        };
        // After a day, "from 10-4" and "between 9 and 5" are hours.
        let loose = matches!(self.w(t0), "from" | "between") && self.n(j) != ",";
        if let Some((j3, a, b)) = self.time_range_x(t0, loose).or_else(|| {
            if self.w(t0) != "from" {
                self.time_range(tk0)
            } else {
                None
            }
        }) {
            let (a, mut b) = (fix(a), fix(b));
            if b.secs() < a.secs() && b.amb {
                b = b.pm();
            }
            take(Some((j3, M::DtR(at_time(day, a)?, at_time(day, b)?))));
        }
        // "Monday 12-4": bare hours after a day.
        if let Some((a_j, (a, _))) = self.clock(tk0) {
            if self.n(a_j) == "-" && self.glued(a_j) {
                if let Some((j3, (b, _))) = self.clock_any(a_j + 1) {
                    let (a, mut b) = (fix(a), fix(b));
                    if b.secs() < a.secs() && b.amb {
                        b = b.pm();
                        if b.secs() < a.secs() {
                            b = Tm { h: b.h - 12, ..b };
                        }
                    }
                    take(Some((
                        j3,
                        M::DtR(at_time(day, Tm { amb: false, ..a })?, at_time(day, b)?),
                    )));
                }
            }
        }
        let weak_ok = (t0 > tk0 && !for_) || code.is_some();
        if let Some((j3, (tm, strong))) = self.time(t0, weak_ok) {
            if strong || weak_ok {
                let mut j4 = j3;
                let mut tm = fix(tm);
                // "sunday at 8:00 early morning"
                let mut pk2 = j3;
                if matches!(self.w(pk2), "early" | "late") {
                    pk2 += 1;
                }
                if let Some((j5, p)) = self.ph(&self.t.parts, T_PARTS, pk2) {
                    if code.is_none() {
                        tm = Self::into_part(tm, &p.code);
                        j4 = j5;
                    }
                }
                take(Some((j4, M::Dt(at_time(day, tm)?))));
            }
        }
        // "end of the day", handled elsewhere; "the day" + "at noon" etc. fall here.
        best
    }

    // -----------------------------------------------------------------------------------
    // Ranges of dates.

    /// "from X to Y", "between X and Y", "X - Y", "X through Y", "April 9th through 17th".
    fn range(&self, i: usize) -> P<M> {
        let w = self.w(i);
        let (k, conj): (usize, &[&str]) = match w {
            "from" => (i + 1, &["to", "till", "til", "until", "-", "through", "thru", "~"]),
            "between" => (i + 1, &["and", "to", "-", "through", "~"]),
            _ => (i, &["to", "-", "through", "thru", "till", "until", "~"]),
        };
        let mut k = k;
        if w == "in" && self.year(i + 1).is_some() {
            k = i + 1;
        }
        // "2014-2018": two years.
        if let (Some((ta, ya)), Some((tb, yb))) = (self.digits(k), self.digits(k + 2)) {
            if ta.len() == 4
                && tb.len() == 4
                && matches!(self.n(k + 1), "-" | "~")
                && (1000..3000).contains(&ya)
                && ya < yb
                && yb < 3000
                && !(self.n(k + 3) == "-" && self.digits(k + 4).is_some())
            {
                return Some((k + 3, M::Span(year_span(ya)?.0, year_span(yb)?.0)));
            }
        }
        // "between ninth and seventeenth of april", "between the 9th and the 17th of April"
        if w == "between" || w == "from" {
            let mut a = k;
            if self.w(a) == "the" {
                a += 1;
            }
            if let Some((a2, d1)) = self.day_num(a) {
                if matches!(self.w(a2), "th" | "st" | "nd" | "rd") {
                    // tokens glued
                }
                if conj.contains(&self.n(a2)) {
                    let mut b = a2 + 1;
                    if self.w(b) == "the" {
                        b += 1;
                    }
                    if let Some((b2, De::Md { y, m, d: d2 })) = self.day_first(b) {
                        let s = self.resolve(De::Md { y, m, d: d1 })?;
                        let e = self.resolve(De::Md { y, m, d: d2 })?;
                        if let (M::Day(s), M::Day(e)) = (s, e) {
                            return Some((b2, M::Span(s, e)));
                        }
                    }
                }
            }
        }
        let (k1, a) = self.range_side(k)?;
        let c = self.n(k1);
        if !conj.contains(&c) {
            // "from 10/1/2018-10/7/2018" is one token run; "2014~2018".
            return None;
        }
        let Some((k2, b)) = self.range_side(k1 + 1) else {
            // "April 9th through 17th": the end is a bare day of the same month.
            if let (De::Md { y, m, .. }, Some((j2, d2))) = (a, self.bare_day(k1 + 1)) {
                return self.finish_range(k, k1 + 1, a, De::Md { y, m, d: d2 }, j2);
            }
            return None;
        };
        let (mut a, mut b) = (a, b);
        // A year said once for both: "from May to Oct 2020", "Nov-Feb 2017", "5/1-5/7, 2020".
        let yb = de_year(&b);
        if let (Some(y), None) = (yb, de_year(&a)) {
            a = with_year(a, y);
            if let (Some(sa), Some(sb)) = (self.resolve(a), self.resolve(b)) {
                if start_of(&sa) > start_of(&sb) {
                    a = with_year(a, y - 1);
                }
            }
        }
        if let (Some(y), None) = (de_year(&a), de_year(&b)) {
            if matches!(b, De::Md { .. } | De::Month { .. }) {
                let sa = self.resolve(a)?;
                b = with_year(b, y);
                if self.resolve(b).is_some_and(|sb| start_of(&sb) < start_of(&sa)) {
                    b = with_year(b, y + 1);
                }
            }
        }
        // "April 9th through 17th": the end is a bare day of the same month.
        if let (De::Md { y, m, .. }, Some(d2)) = (a, self.bare_day(k1 + 1)) {
            if k2 <= d2.0 || !matches!(b, De::Md { .. } | De::Day(_)) {
                b = De::Md { y, m, d: d2.1 };
                return self.finish_range(k, k1 + 1, a, b, d2.0);
            }
        }
        if de_year(&a).is_none()
            && de_year(&b).is_none()
            && matches!(a, De::Md { .. } | De::Month { .. })
            && matches!(b, De::Md { .. } | De::Month { .. })
        {
            // Both without a year: the start as news reads it, the end the first after it.
            let sa = self.resolve(a)?;
            let y = i32::from(start_of(&sa).year());
            a = with_year(a, y);
            b = with_year(b, y);
            if let Some(sb) = self.resolve(b) {
                if start_of(&sb) < start_of(&sa) {
                    b = with_year(b, y + 1);
                }
            }
        }
        self.finish_range(k, k1 + 1, a, b, k2)
    }

    /// The range from `a` to `b`; `ka`, `kb` are where each side is written, to read
    /// "the end of X" as X's end.
    fn finish_range(&self, ka: usize, kb: usize, a: De, b: De, j: usize) -> P<M> {
        let sa = self.resolve(a)?;
        let sb = self.resolve(b)?;
        let s = match sa {
            M::Span(_, ae) if self.edge_word(ka) == Some(2) => ae,
            _ => start_of(&sa),
        };
        let e = match sb {
            M::Span(_, be) if self.edge_word(kb) == Some(2) => be,
            _ => start_of(&sb),
        };
        if e < s {
            return None;
        }
        Some((j, M::Span(s, e)))
    }

    /// "the end of", "beginning of", "middle of" at `k`: 0 start, 1 middle, 2 end.
    fn edge_word(&self, k: usize) -> Option<u8> {
        let k = if self.w(k) == "the" { k + 1 } else { k };
        if self.w(k + 1) != "of" {
            return None;
        }
        match self.w(k) {
            "end" => Some(2),
            "beginning" | "start" => Some(0),
            "middle" => Some(1),
            _ => None,
        }
    }

    /// "17th", "17", "seventeenth" after "through" in "April 9th through 17th".
    fn bare_day(&self, i: usize) -> Option<(usize, i8)> {
        let (j, d) = self.day_num(i)?;
        if self.month_word(j).is_some() || self.month_word(j + 1).is_some() && self.w(j) == "of" {
            return None;
        }
        if matches!(self.n(j), "/" | ":" | ".") && self.glued(j) {
            return None;
        }
        Some((j, d))
    }

    /// One side of a date range: a date, a month, a year, "today", "now".
    fn range_side(&self, i: usize) -> P<De> {
        if let Some((j, _)) = self.ph(&self.t.now, T_NOW, i) {
            return Some((j, De::Day(self.rd)));
        }
        if self.w(i) == "date" {
            return Some((i + 1, De::Day(self.rd)));
        }
        let mut k = i;
        if self.w(k) == "the" && self.edge_of(k).is_none() {
            k += 1;
        }
        let (j, de) = self.date(k).or_else(|| self.date(i))?;
        // "april in 2016"
        if let De::Month { y: None, m } = de {
            if self.w(j) == "in" {
                if let Some((j2, y)) = self.year(j + 1) {
                    return Some((j2, De::Month { y: Some(y), m }));
                }
            }
        }
        if let De::Md { y: None, m, d } = de {
            if self.w(j) == "in" {
                if let Some((j2, y)) = self.year(j + 1) {
                    return Some((j2, De::Md { y: Some(y), m, d }));
                }
            }
        }
        Some((j, de))
    }

    // -----------------------------------------------------------------------------------
    // Offsets from the reference or from a date.

    /// A duration: "3 days", "three years", "2 years 1 month 21 days", "one and a half hours",
    /// "half an hour", "3h". Returns (end, ISO, seconds) and the unit of its last part.
    fn duration_parts(&self, i: usize) -> Option<(usize, Vec<(f64, String)>)> {
        let mut parts = Vec::new();
        let mut k = i;
        while let Some((j, n, code)) = self.duration_one(k) {
            parts.push((n, code));
            k = j;
            // "3 hours 30 minutes", "2 weeks and 2 days"
            if self.duration_one(k).is_some() {
                continue;
            }
            if self.w(k) == "and" || self.n(k) == "," {
                if let Some((j2, _, _)) = self.duration_one(k + 1) {
                    let _ = j2;
                    k += 1;
                    continue;
                }
                // "one hour and a half"
                if self.w(k) == "and" && matches!(self.w(k + 1), "a" | "an") && self.w(k + 2) == "half" {
                    if let Some(last) = parts.last_mut() {
                        last.0 += 0.5;
                    }
                    k += 3;
                }
            }
            break;
        }
        if parts.is_empty() {
            return None;
        }
        Some((k, parts))
    }

    fn duration_one(&self, i: usize) -> Option<(usize, f64, String)> {
        // "half an hour"
        if self.w(i) == "half" && matches!(self.w(i + 1), "a" | "an") {
            let (j, (code, _)) = self.ph(&self.t.units, T_UNITS, i + 2)?;
            return Some((j, 0.5, code.clone()));
        }
        // "3h", "10D", "3Y": a unit letter glued to digits.
        if let Some((t, v)) = self.digits(i) {
            if let Some(tok) = self.tk.toks.get(i + 1) {
                // "1990s" is a decade, not seconds.
                let decade = &*tok.norm == "s" && v % 10 == 0;
                if tok.kind == TokKind::Word && !self.tk.spaced(i + 1) && t.len() <= 3 && !decade {
                    if let Some((code, _)) = self.t.glued_units.get(&*tok.norm) {
                        if self
                            .tk
                            .toks
                            .get(i + 2)
                            .is_none_or(|x| x.kind != TokKind::Word || self.tk.spaced(i + 2))
                        {
                            return Some((i + 2, f64::from(v), code.clone()));
                        }
                    }
                }
            }
        }
        let (j, n) = self.count(i)?;
        // "a" before a unit only when the unit follows at once ("a day").
        let (j2, (code, _)) = self.ph(&self.t.units, T_UNITS, j)?;
        // "a second wave", "three night markets": an ordinal or a noun, not a duration.
        if matches!(self.w(i), "a" | "an")
            && self.w(j) == "second"
            && self.tk.toks.get(j2).is_some_and(|t| t.kind == TokKind::Word)
        {
            return None;
        }
        if self.w(j) == "night" && n != 1.0 {
            return None;
        }
        // "a quarter of the vote" is a share.
        if matches!(self.w(j), "quarter" | "quarters") && self.w(j2) == "of" {
            return None;
        }
        if self.tk.toks.get(j).is_some_and(|t| t.kind == TokKind::Digits) {
            return None;
        }
        // "one and a half hours" comes as the number 1.5.
        Some((j2, n, code.clone()))
    }

    /// Seconds and ISO of duration parts.
    fn dur_value(parts: &[(f64, String)], t: &Tables) -> (String, f64) {
        let mut secs = 0.0;
        let mut iso_d = String::new();
        let mut iso_t = String::new();
        for (n, code) in parts {
            let (mult, base) = match code.as_str() {
                "2W" => (2.0, "W"),
                "10Y" => (10.0, "Y"),
                "3M" => (3.0, "M"),
                c => (1.0, c),
            };
            let unit_secs = t
                .units
                .map
                .values()
                .find(|(c, _)| c == code)
                .map(|(_, s)| *s)
                .unwrap_or(0.0);
            secs += n * unit_secs;
            let v = n * mult;
            let part = iso_part(v, base);
            if matches!(base, "H" | "MIN" | "S") {
                iso_t.push_str(part.trim_start_matches("PT"));
            } else {
                iso_d.push_str(part.trim_start_matches('P'));
            }
        }
        let iso = if iso_t.is_empty() {
            format!("P{iso_d}")
        } else {
            format!("P{iso_d}T{iso_t}")
        };
        (iso, secs)
    }

    /// A duration span: "3 days", "more than 4 days", "all week", "the hour", "another day".
    fn duration_full(&self, i: usize) -> Option<(usize, String, f64)> {
        let w = self.w(i);
        // "all month", "all week", "the hour", "another day"
        if matches!(w, "all" | "another" | "the") {
            let (j, (code, secs)) = self.ph(&self.t.units, T_UNITS, i + 1)?;
            let uw = self.w(i + 1);
            let ok = match w {
                "all" => matches!(uw, "day" | "week" | "month" | "year"),
                "another" => !uw.ends_with('s'),
                _ => uw == "hour",
            };
            if !ok {
                return None;
            }
            return Some((j, iso_part(1.0, code), *secs));
        }
        let (j, parts) = self.duration_parts(i)?;
        // A bare "a day" / "a week" only inside longer phrases? Recognizers keeps them.
        let (iso, secs) = Self::dur_value(&parts, self.t);
        Some((j, iso, secs))
    }

    /// "3 days ago", "in two weeks", "3 minutes from now", "2 weeks before May 13 1999",
    /// "a fortnight later", "within 5 minutes", "3 days from Tuesday".
    fn offset(&self, i: usize) -> P<M> {
        let w = self.w(i);
        if w == "in" || w == "within" {
            let mut k = i + 1;
            let within = w == "within";
            if within && matches!(self.w(k), "the" | "next") {
                k += 1;
                if self.w(k) == "next" {
                    k += 1;
                }
            }
            let (j, parts) = self.duration_parts(k)?;
            if self.w(j) == "since" || self.w(j) == "from" {
                return None;
            }
            return self.shift(i, j, &parts, 1, self.r, within);
        }
        let (j, parts) = self.duration_parts(i)?;
        match self.w(j) {
            "ago" | "earlier" | "before" if self.w(j) == "ago" || self.is_end(j + 1) => {
                self.shift(i, j + 1, &parts, -1, self.r, false)
            }
            "later" | "hence" => self.shift(i, j + 1, &parts, 1, self.r, false),
            "from" | "after" | "before" => {
                let sign = if self.w(j) == "before" { -1 } else { 1 };
                if self.w(j + 1) == "now" {
                    return self.shift(i, j + 2, &parts, sign, self.r, false);
                }
                self.future.set(true);
                let got = self.date(j + 1).and_then(|(j2, de)| Some((j2, self.resolve(de)?)));
                self.future.set(false);
                let (j2, base) = match got? {
                    (j2, M::Day(d)) => (j2, d),
                    _ => return None,
                };
                let (j3, m) = self.shift(i, j2, &parts, sign, base.to_datetime(Time::midnight()), false)?;
                let _ = j3;
                let d = match m {
                    M::Day(d) => d,
                    M::Dt(dt) => dt.date(),
                    _ => return None,
                };
                Some((j2, M::Day(d)))
            }
            _ => None,
        }
    }

    /// "3 days starting from next Monday", "for 3 days from today", "a week starting tomorrow".
    fn lasting(&self, i: usize) -> P<M> {
        let for_ = self.w(i) == "for";
        let k = if for_ { i + 1 } else { i };
        let (j, parts) = self.duration_parts(k)?;
        let mut m = j;
        if self.n(m) == "," {
            m += 1;
        }
        match self.w(m) {
            "starting" | "beginning" if !for_ => {
                m += 1;
                if matches!(self.w(m), "from" | "on") {
                    m += 1;
                }
            }
            "from" if for_ => m += 1,
            _ => return None,
        }
        self.future.set(true);
        let got = self.date(m).and_then(|(j2, de)| Some((j2, self.resolve(de)?)));
        self.future.set(false);
        let (j2, d) = match got? {
            (j2, M::Day(d)) => (j2, d),
            _ => return None,
        };
        let (_, end) = self.shift(k, j2, &parts, 1, d.to_datetime(Time::midnight()), false)?;
        match end {
            M::Day(e) => Some((j2, M::Span(d, e))),
            _ => None,
        }
    }

    fn shift(&self, _i: usize, j: usize, parts: &[(f64, String)], sign: i64, base: DateTime, within: bool) -> P<M> {
        let mut dt = base;
        let mut timed = false;
        for (n, code) in parts {
            let (mult, unit) = match code.as_str() {
                "2W" => (2.0, "W"),
                "10Y" => (10.0, "Y"),
                "3M" => (3.0, "M"),
                "WE" | "BD" => return None,
                c => (1.0, c),
            };
            let v = n * mult;
            if matches!(unit, "H" | "MIN" | "S") {
                timed = true;
            }
            if v.fract() != 0.0 {
                // "half an hour": in seconds.
                let secs = (v * match unit {
                    "H" => 3600.0,
                    "MIN" => 60.0,
                    "S" => 1.0,
                    "D" => 86400.0,
                    _ => return None,
                }) as i64;
                dt = add_unit(dt, "S", sign * secs)?;
                timed = true;
                continue;
            }
            dt = add_unit(dt, unit, sign * v as i64)?;
        }
        if within {
            return Some((
                j,
                if timed {
                    M::DtR(base, dt)
                } else {
                    M::Span(base.date(), dt.date())
                },
            ));
        }
        Some((j, if timed { M::Dt(dt) } else { M::Day(dt.date()) }))
    }

    // -----------------------------------------------------------------------------------
    // Bounds: before, after, since, until.

    fn bounded(&self, i: usize) -> P<Cand> {
        let w = match self.n(i) {
            "<" => "<",
            ">" => ">",
            _ => self.w(i),
        };
        // Durations with a bound: "more than 4 days", "less than 1 week".
        if matches!(w, "more" | "less" | "over" | "under" | "at")
            && (self.w(i + 1) == "than" || w == "over" || w == "under")
        {
            let k = if w == "over" || w == "under" { i + 1 } else { i + 2 };
            if let Some((j, iso, secs)) = self.duration_full(k) {
                if !matches!(self.w(j), "ago" | "later" | "from" | "after" | "before") {
                    return Some((j, duration(i, j, iso, secs)));
                }
                // "more than 2 weeks after today"
                if let Some((j2, m)) = self.offset(k) {
                    let (s, _) = bounds(&m)?;
                    let after = self.w(j) == "after";
                    let kind = kind_of(&m);
                    let c = if after {
                        interval(i, j2, kind, Some(s), None)
                    } else {
                        interval(i, j2, kind, None, Some(s))
                    };
                    return Some((j2, c));
                }
            }
        }
        // Prefix words.
        let (k, how) = match w {
            "before" | "by" | "prior" => (
                if w == "prior" && self.w(i + 1) == "to" {
                    i + 2
                } else {
                    i + 1
                },
                "before",
            ),
            "after" => (i + 1, "after"),
            "since" => (i + 1, "since"),
            "until" | "till" | "til" => (i + 1, "until"),
            "starting" | "beginning" | "commencing" => {
                let mut k = i + 1;
                if matches!(self.w(k), "on" | "from" | "in" | "at") {
                    k += 1;
                }
                (k, "since")
            }
            "no" if self.w(i + 1) == "later" && self.w(i + 2) == "than" => (i + 3, "before"),
            "later" | "greater" if self.w(i + 1) == "than" => (i + 2, "after"),
            "earlier" if self.w(i + 1) == "than" => (i + 2, "before"),
            "as" if matches!(self.w(i + 1), "late" | "early") && self.w(i + 2) == "as" => {
                (i + 3, if self.w(i + 1) == "late" { "until" } else { "since" })
            }
            "any" if self.w(i + 1) == "time" && self.w(i + 2) == "from" => (i + 3, "since"),
            "<" | ">" => {
                let mut k = i + 1;
                if self.n(k) == "=" {
                    k += 1;
                } else {
                    return None;
                }
                (k, if w == "<" || self.n(i) == "<" { "until" } else { "since" })
            }
            _ => ("".len() + i, ""),
        };
        let how = if self.n(i) == "<" {
            "until"
        } else if self.n(i) == ">" {
            "since"
        } else {
            how
        };
        if !how.is_empty() {
            let mut k = k;
            // "before around 2pm", "after around 3:30pm"
            if matches!(self.w(k), "around" | "about") {
                k += 1;
            }
            // "before the end of December", "after the beginning of March", "by end of this month"
            let mut edge = None;
            {
                let mut e = k;
                if self.w(e) == "the" {
                    e += 1;
                }
                if matches!(self.w(e), "end" | "beginning" | "start") && self.w(e + 1) == "of" {
                    edge = Some(self.w(e) == "end");
                    k = e + 2;
                }
            }
            let (j, m) = self.bound_target(k)?;
            let (s, e) = bounds(&m)?;
            let kind = kind_of(&m);
            let point = is_point(&m);
            let c = match (how, edge) {
                ("before", Some(true)) | ("until", _) => interval(i, j, kind, None, Some(e)),
                ("before", _) => interval(i, j, kind, None, Some(s)),
                ("after", Some(false)) => interval(i, j, kind, Some(s), None),
                ("after", _) => interval(i, j, kind, Some(if point { s } else { e }), None),
                _ => interval(i, j, kind, Some(s), None),
            };
            return Some((j, c));
        }
        // Suffixes: "2012 or later", "1/1/2016 and after", "year 2016 and greater", "3 pm or later on Monday".
        let (j, m) = self.bound_target(i)?;
        if matches!(self.w(j), "or" | "and")
            && matches!(self.w(j + 1), "later" | "after" | "greater" | "above" | "more")
        {
            let (s, _) = bounds(&m)?;
            let mut jj = j + 2;
            let mut m2 = m;
            // "3 pm or later on Monday"
            if let (M::T(tm), "on") = (m, self.w(jj)) {
                if let Some((j3, de)) = self.date(jj + 1) {
                    if let Some(M::Day(d)) = self.resolve(de) {
                        m2 = M::Dt(at_time(d, tm)?);
                        jj = j3;
                    }
                }
            }
            let (s2, _) = bounds(&m2)?;
            let _ = s;
            return Some((jj, interval(i, jj, kind_of(&m2), Some(s2), None)));
        }
        // "Thursday before 5pm", "tomorrow before 5pm", "1/1/2015 after 2:00", "Tuesday after 1pm"
        if let M::Day(d) = m {
            let ww = self.w(j);
            if matches!(ww, "before" | "after" | "by" | "later") {
                let mut k = j + 1;
                if ww == "later" {
                    if self.w(k) != "than" {
                        return None;
                    }
                    k += 1;
                }
                let (j2, (tm, _)) = self.time(k, true)?;
                let dt = fmt_datetime(at_time(d, tm)?);
                let c = if matches!(ww, "before" | "by") {
                    interval(i, j2, Kind::Datetime, None, Some(dt))
                } else {
                    interval(i, j2, Kind::Datetime, Some(dt), None)
                };
                return Some((j2, c));
            }
        }
        None
    }

    fn bound_target(&self, k: usize) -> P<M> {
        let mut best = self.moment(k);
        // "the year 2020"
        if let Some((j, de)) = self.year_period(k) {
            if best.as_ref().is_none_or(|(bj, _)| j > *bj) {
                best = Some((j, self.resolve(de)?));
            }
        }
        // A bare time after a bound word: "before 2.30pm", "after 2:00", "by 2 in the afternoon".
        if let Some((j, (tm, _))) = self.time(k, true) {
            if best.as_ref().is_none_or(|(bj, _)| j > *bj) {
                best = Some((j, M::T(tm)));
            }
        }
        // Meals: "after dinner", "around dinner"
        if let Some((j, p)) = self.ph(&self.t.parts, T_PARTS, k) {
            let s = Tm {
                h: p.start.hour(),
                m: p.start.minute(),
                s: p.start.second(),
                amb: false,
            };
            let e = Tm {
                h: p.end.hour(),
                m: p.end.minute(),
                s: p.end.second(),
                amb: false,
            };
            if best.as_ref().is_none_or(|(bj, _)| j > *bj) {
                best = Some((j, M::TR(s, e)));
            }
        }
        if self.w(k) == "date" || (self.w(k) == "current" && self.w(k + 1) == "date") {
            let j = if self.w(k) == "date" { k + 1 } else { k + 2 };
            best = Some((j, M::Day(self.rd)));
        }
        best
    }

    // -----------------------------------------------------------------------------------
    // Recurrences.

    fn recurrence(&self, i: usize) -> P<String> {
        let w = self.w(i);
        if let Some((j, tx)) = self.ph(&self.t.set_words, T_SET_WORDS, i) {
            return Some((j, tx.clone()));
        }
        if let Some(&wd) = self.look(&self.t.weekdays_plural, T_WEEKDAYS_PLURAL, i) {
            let base = format!("XXXX-WXX-{wd}");
            let mut k = i + 1;
            if let Some((j, p)) = self.ph(&self.t.parts, T_PARTS, k) {
                return Some((j, format!("{base}T{}", p.code)));
            }
            if self.w(k) == "at" {
                k += 1;
            }
            if let Some((j, (tm, _))) = self.time(k, true) {
                return Some((j, format!("{base}{}", timex_time(tm))));
            }
            return Some((i + 1, base));
        }
        // "tuesday afternoons", "mornings"
        if let Some(&wd) = self.look(&self.t.weekdays, T_WEEKDAYS, i) {
            if let Some((j, p)) = self.ph(&self.t.parts, T_PARTS, i + 1) {
                if self.w(j - 1).ends_with('s') {
                    return Some((j, format!("XXXX-WXX-{wd}T{}", p.code)));
                }
            }
            return None;
        }
        if matches!(w, "mornings" | "evenings" | "afternoons" | "nights") && (i == 0 || !matches!(self.w(i - 1), "the"))
        {
            let (j, p) = self.ph(&self.t.parts, T_PARTS, i)?;
            return Some((j, format!("T{}", p.code)));
        }
        // "once a week", "twice a year"
        if w == "once" && matches!(self.w(i + 1), "a" | "an" | "per" | "every") {
            let (j, (code, _)) = self.ph(&self.t.units, T_UNITS, i + 2)?;
            return Some((j, iso_part(1.0, code)));
        }
        // A time then "every day" / "each day" / "everyday": "3pm each day", "6am everyday".
        if let Some((j, (tm, strong))) = self.time(i, false) {
            if strong {
                if self.w(j) == "everyday" || self.w(j) == "daily" {
                    return Some((j + 1, timex_time(tm)));
                }
                if matches!(self.w(j), "each" | "every") && self.w(j + 1) == "day" {
                    return Some((j + 2, timex_time(tm)));
                }
            }
        }
        // "19th of every month"
        if let Some((j, d)) = self.day_num(i) {
            if self.w(j) == "of" && self.w(j + 1) == "every" && self.w(j + 2) == "month" {
                return Some((j + 3, format!("XXXX-XX-{d:02}")));
            }
        }
        if !matches!(w, "every" | "each" | "any") {
            return None;
        }
        let mut k = i + 1;
        let other = self.w(k) == "other";
        if other {
            k += 1;
        }
        // "every Tuesday", "each monday at 4pm", "every night", "every day at 7:13 p.m."
        if let Some(&wd) = self.look(&self.t.weekdays, T_WEEKDAYS, k) {
            let base = format!("XXXX-WXX-{wd}");
            let mut j = k + 1;
            let mut t0 = j;
            if self.w(t0) == "at" {
                t0 += 1;
            }
            if let Some((j2, (tm, _))) = self.time(t0, t0 > j) {
                return Some((j2, format!("{base}{}", timex_time(tm))));
            }
            if let Some((j2, p)) = self.ph(&self.t.parts, T_PARTS, j) {
                j = j2;
                return Some((j, format!("{base}T{}", p.code)));
            }
            return Some((j, base));
        }
        if let Some((j, p)) = self.ph(&self.t.parts, T_PARTS, k) {
            if !matches!(self.w(k), "am" | "pm") {
                return Some((j, format!("T{}", p.code)));
            }
        }
        // "every three weeks", "every two weekends", "every day", "every week"
        let (ku, n) = match self.count(k) {
            Some((ku, n)) if !matches!(self.w(k), "a" | "an") => (ku, n),
            _ => (k, 1.0),
        };
        let (j, (code, _)) = self.ph(&self.t.units, T_UNITS, ku)?;
        let n = if other { 2.0 } else { n };
        let (mult, base) = match code.as_str() {
            "2W" => (2.0, "W"),
            "10Y" => (10.0, "Y"),
            "3M" => (3.0, "M"),
            c => (1.0, c),
        };
        let tx = iso_part(n * mult, base);
        // "every day at 7:13 p.m."
        if base == "D" && n == 1.0 {
            let mut t0 = j;
            if self.w(t0) == "at" {
                t0 += 1;
            }
            if let Some((j2, (tm, _))) = self.time(t0, t0 > j) {
                return Some((j2, timex_time(tm)));
            }
        }
        if w == "any" && base != "WE" {
            return None;
        }
        Some((j, tx))
    }

    /// "last fiscal year", "school year 2008", "fiscal year": periods Recognizers leaves unresolved.
    fn fiscal(&self, i: usize) -> Option<Cand> {
        let mut k = i;
        if self.w(k) == "the" {
            k += 1;
        }
        if let Some((k2, _)) = self.ph(&self.t.relative, T_RELATIVE, k) {
            k = k2;
        }
        let j = match self.w(k) {
            "fiscal" | "school" if self.w(k + 1) == "year" => {
                let mut j = k + 2;
                if self.year(j).is_some() {
                    j += 1;
                }
                j
            }
            "sy" | "fy" if self.year(k + 1).is_some() => k + 2,
            _ => return None,
        };
        let s = if self.w(i) == "the" { i + 1 } else { i };
        // Fiscal and school years start on dates that differ by country: left unresolved.
        let (bs, be) = self.tk.bytes(s, j);
        Some(unresolved(s, j, Kind::Date, &self.tk.text[bs..be]))
    }
}

fn timex_time(tm: Tm) -> String {
    if tm.m == 0 && tm.s == 0 {
        format!("T{:02}", tm.h)
    } else if tm.s == 0 {
        format!("T{:02}:{:02}", tm.h, tm.m)
    } else {
        format!("T{:02}:{:02}:{:02}", tm.h, tm.m, tm.s)
    }
}

/// The weekend of a day; a Monday holiday makes it a long weekend.
fn holiday_weekend(date: Date) -> Option<(Date, Date)> {
    if weekday_num(date) == 1 {
        return Some((add_days(date, -2)?, add_days(date, 1)?));
    }
    let s = add_days(week_start(date), 5)?;
    Some((s, add_days(s, 2)?))
}

fn start_of(m: &M) -> Date {
    match *m {
        M::Day(d) | M::Span(d, _) => d,
        M::Dt(d) | M::DtR(d, _) => d.date(),
        M::T(_) | M::TR(..) => Date::MIN,
    }
}

fn de_year(d: &De) -> Option<i32> {
    match *d {
        De::Md { y, .. } | De::Month { y, .. } => y,
        De::Day(d) | De::Span(d, _) => Some(d.year().into()),
    }
}

fn with_year(d: De, y: i32) -> De {
    match d {
        De::Md { m, d, .. } => De::Md { y: Some(y), m, d },
        De::Month { m, .. } => De::Month { y: Some(y), m },
        other => other,
    }
}

fn quarter_span(y: i32, (n, months): (i8, i8)) -> Option<De> {
    let s = ymd(y, (i32::from(n) - 1) * i32::from(months) + 1, 1)?;
    Some(De::Span(s, add_months(s, months.into())?))
}

fn decade_word(w: &str) -> Option<i32> {
    Some(match w {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    })
}

/// Two-digit years: 00–29 this century, 30–99 the last one.
fn two_digit_year(t: &str, y: i32) -> Option<i32> {
    match t.len() {
        4 => Some(y),
        2 => Some(if y < 30 { 2000 + y } else { 1900 + y }),
        _ => None,
    }
}

/// Monday of ISO week `n` of year `y`.
fn iso_week(y: i32, n: i32) -> Option<Date> {
    let jan4 = ymd(y, 1, 4)?;
    add_days(week_start(jan4), (i64::from(n) - 1) * 7)
}

#[cfg(test)]
mod tests {
    use crate::{Families, Kind, Lang, Recognizer, TimeValue, Value};

    /// Date-time spans of `text` against Friday 2024-10-18 12:00: (text, kind, value).
    fn spans(text: &str) -> Vec<(String, Kind, TimeValue)> {
        let r = Recognizer::new().unwrap();
        let refd = jiff::civil::date(2024, 10, 18).at(12, 0, 0, 0);
        let fam = Families {
            numbers: false,
            ranges: false,
            units: false,
            datetime: true,
        };
        let kinds = [Kind::Date, Kind::Time, Kind::Datetime, Kind::Duration, Kind::Set];
        r.recognize_kinds(text, Lang::En, Some(refd), fam, &kinds)
            .into_iter()
            .filter_map(|x| match x.value {
                Value::Time(t) => Some((x.text, x.kind, t)),
                _ => None,
            })
            .collect()
    }

    fn p(s: &str) -> TimeValue {
        TimeValue::Point(s.into())
    }

    fn iv(a: Option<&str>, b: Option<&str>) -> TimeValue {
        TimeValue::Interval {
            start: a.map(Into::into),
            end: b.map(Into::into),
        }
    }

    fn one(text: &str) -> (String, Kind, TimeValue) {
        let v = spans(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            one("The dam was finished on 25 April, 2019 after years of work."),
            ("25 April, 2019".into(), Kind::Date, p("2019-04-25"))
        );
        assert_eq!(one("Troops left the base on 2024-10-03.").2, p("2024-10-03"));
        assert_eq!(one("The ceasefire began on Oct. 7, 2023 at dawn.").2, p("2023-10-07"));
        // A month without a year: the most recent one, as news reads it.
        assert_eq!(
            one("The dam burst in November.").2,
            iv(Some("2023-11-01"), Some("2023-12-01"))
        );
        assert_eq!(
            one("Turnout fell in 2024 across the region.").2,
            iv(Some("2024-01-01"), Some("2025-01-01"))
        );
        assert_eq!(
            one("Talks ran between January and February.").2,
            iv(Some("2024-01-01"), Some("2024-02-01"))
        );
        assert_eq!(
            one("Troops have been deployed since March 2022.").2,
            iv(Some("2022-03-01"), None)
        );
    }

    #[test]
    fn relative_dates() {
        assert_eq!(one("Prices rose last Friday.").2, p("2024-10-11"));
        assert_eq!(one("The vote took place two days ago.").2, p("2024-10-16"));
        assert_eq!(one("The mine closed three years ago.").2, p("2021-10-18"));
        assert_eq!(one("The strike started yesterday.").2, p("2024-10-17"));
        assert_eq!(
            one("Inspectors visit the dam this week.").2,
            iv(Some("2024-10-14"), Some("2024-10-21"))
        );
        assert_eq!(
            one("Exports fell last year.").2,
            iv(Some("2023-01-01"), Some("2024-01-01"))
        );
        assert_eq!(
            one("Fighting resumed on Monday morning.").2,
            iv(Some("2024-10-14T08:00:00"), Some("2024-10-14T12:00:00"))
        );
        // "May" the verb is no month.
        assert!(spans("The army may withdraw its troops.").is_empty());
    }

    #[test]
    fn times_durations_recurrences() {
        assert_eq!(
            one("Polls close at 10:30 p.m. in the capital."),
            ("10:30 p.m.".into(), Kind::Time, p("22:30:00"))
        );
        // The time zone stays out of the span.
        assert_eq!(one("Results are due at 7pm GMT.").0, "7pm");
        let (t, k, v) = one("The siege lasted three years.");
        assert_eq!((t.as_str(), k), ("three years", Kind::Duration));
        assert!(matches!(v, TimeValue::Duration { seconds, .. } if seconds == 94_608_000.0));
        let (t, _, v) = one("The road was closed for 3 days.");
        assert_eq!(t, "3 days");
        assert!(matches!(v, TimeValue::Duration { seconds, .. } if seconds == 259_200.0));
        assert_eq!(
            one("The council meets every Tuesday.").2,
            TimeValue::Set {
                timex: "XXXX-WXX-2".into()
            }
        );
    }

    #[test]
    fn counts_and_amounts_are_not_times() {
        assert!(spans("More than 2,100 homes lost power and $45 million was pledged.").is_empty());
        assert!(spans("A second wave of protests followed.").is_empty());
    }

    #[test]
    fn no_reference_is_unresolved() {
        let r = Recognizer::new().unwrap();
        let v = r.recognize("The strike began yesterday.", Lang::En, None);
        assert!(v.iter().any(
            |x| matches!(&x.value, Value::Time(TimeValue::Unresolved { unresolved }) if unresolved == "yesterday")
        ));
        // An absolute date needs no reference.
        let v = r.recognize("The dam opened on 25 April, 2019.", Lang::En, None);
        assert!(v
            .iter()
            .any(|x| x.value == Value::Time(TimeValue::Point("2019-04-25".into()))));
    }
}
