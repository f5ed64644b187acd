//! Time expressions in French.
//!
//! Hand-written because no crate reads French dates: news writes "le 28 octobre",
//! "lundi soir", "il y a trois ans", "fin 2023", "mi-juillet", "22H00", "depuis trois mois",
//! and each needs the publication date to become a day. The grammar is a set of small
//! readers over tokens (a day, a month, a clock time, a count of units), combined into
//! dates, date-times, periods, durations and recurrences; the words are data
//! (`data/recognize/datetime-fr.toml`). Every reader tries its pattern at a token and
//! returns where it stops; the longest reading wins when spans overlap.
//!
//! Resolution follows the conventions of Recognizers-Text where they are not absurd for
//! news: a range ends where the next period starts ("de 2010 à 2018" ends on 2018-01-01),
//! a date without a year is the most recent past one unless that is more than ten months
//! back (then the coming one: an announcement) or the words before look ahead ("d'ici le",
//! "jusqu'au"), "mardi prochain" is next week's Tuesday and "mardi dernier" the last one
//! before the reference day.

use crate::tables::Map as HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use jiff::civil::{Date, DateTime, Time};
use jiff::ToSpan;
use serde::Deserialize;

use super::resolve::{add_days, add_months, fmt_date, fmt_datetime, fmt_time, month_day_near, week_start, ymd};
use crate::number::{number_at, Num, NumKind};
use crate::tables::{NumberWords, Phrases};
use crate::token::{fold, memoised, TokKind, Tokens};
use crate::{Cand, Kind, Lang, LangData, RecognizeError, TimeValue, Value};

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Grain {
    fn parse(s: &str) -> Option<Grain> {
        Some(match s {
            "second" => Grain::Second,
            "minute" => Grain::Minute,
            "hour" => Grain::Hour,
            "day" => Grain::Day,
            "week" => Grain::Week,
            "month" => Grain::Month,
            "quarter" => Grain::Quarter,
            "half" => Grain::Half,
            "year" => Grain::Year,
            "decade" => Grain::Decade,
            "century" => Grain::Century,
            _ => return None,
        })
    }

    /// Seconds in one unit, as Recognizers-Text counts them (a month is 30 days, a year 365).
    fn seconds(self) -> f64 {
        match self {
            Grain::Second => 1.0,
            Grain::Minute => 60.0,
            Grain::Hour => 3600.0,
            Grain::Day => 86400.0,
            Grain::Week => 604_800.0,
            Grain::Month => 2_592_000.0,
            Grain::Quarter => 3.0 * 2_592_000.0,
            Grain::Half => 6.0 * 2_592_000.0,
            Grain::Year => 31_536_000.0,
            Grain::Decade => 315_360_000.0,
            Grain::Century => 3_153_600_000.0,
        }
    }

    /// ISO 8601 duration of `n` units.
    fn iso(self, n: f64) -> String {
        let f = |x: f64| {
            if x.fract() == 0.0 {
                format!("{}", x as i64)
            } else {
                let s = format!("{x:.6}");
                s.trim_end_matches('0').trim_end_matches('.').to_string()
            }
        };
        // "une heure et demie" is PT1H30M: a fraction of an hour or a minute goes down a unit.
        let whole_below = |x: f64, k: f64| x.fract() != 0.0 && (x * k).fract() == 0.0 && x < 1e9;
        match self {
            Grain::Hour if whole_below(n, 60.0) => {
                let m = (n * 60.0) as i64;
                if m >= 60 {
                    format!("PT{}H{}M", m / 60, m % 60)
                } else {
                    format!("PT{m}M")
                }
            }
            Grain::Minute if whole_below(n, 60.0) => {
                let s = (n * 60.0) as i64;
                if s >= 60 {
                    format!("PT{}M{}S", s / 60, s % 60)
                } else {
                    format!("PT{s}S")
                }
            }
            Grain::Second => format!("PT{}S", f(n)),
            Grain::Minute => format!("PT{}M", f(n)),
            Grain::Hour => format!("PT{}H", f(n)),
            Grain::Day => format!("P{}D", f(n)),
            Grain::Week => format!("P{}W", f(n)),
            Grain::Month => format!("P{}M", f(n)),
            Grain::Quarter => format!("P{}M", f(n * 3.0)),
            Grain::Half => format!("P{}M", f(n * 6.0)),
            Grain::Year => format!("P{}Y", f(n)),
            Grain::Decade => format!("P{}Y", f(n * 10.0)),
            Grain::Century => format!("P{}Y", f(n * 100.0)),
        }
    }

    fn timex_letter(self) -> Option<(&'static str, &'static str, i64)> {
        Some(match self {
            Grain::Second => ("PT", "S", 1),
            Grain::Minute => ("PT", "M", 1),
            Grain::Hour => ("PT", "H", 1),
            Grain::Day => ("P", "D", 1),
            Grain::Week => ("P", "W", 1),
            Grain::Month => ("P", "M", 1),
            Grain::Quarter => ("P", "M", 3),
            Grain::Half => ("P", "M", 6),
            Grain::Year => ("P", "Y", 1),
            Grain::Decade => ("P", "Y", 10),
            Grain::Century => ("P", "Y", 100),
        })
    }
}

/// Where in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    Mid,
    End,
}

#[derive(Debug, Clone)]
struct Part {
    code: String,
    start: Time,
    end: Time,
}

#[derive(Debug, Clone)]
struct Season {
    code: String,
    month: i8,
    day: i8,
}

/// A phrase table with the set of its first words, so that a lookup at an ordinary word
/// costs one hash and no allocation.
#[derive(Debug)]
struct Ph<V> {
    p: Phrases<V>,
    first: FxHashSet<String>,
    /// This table's class bit in the per-token classes of a scan (0: none, always look).
    bit: u32,
}

impl<V> Default for Ph<V> {
    fn default() -> Self {
        Ph {
            p: Phrases::default(),
            first: FxHashSet::default(),
            bit: 0,
        }
    }
}

impl<V> Ph<V> {
    fn insert(&mut self, phrase: &str, v: V) {
        if let Some(f) = first_norm(phrase) {
            self.first.insert(f);
        }
        self.p.insert(phrase, v);
    }

    fn at(&self, cx: &Cx, i: usize) -> Option<(usize, &V)> {
        if self.bit != 0 && !cx.has(i, self.bit) {
            return None;
        }
        let tk = cx.tk;
        let t = tk.toks.get(i)?;
        if !self.first.contains(&*t.norm) {
            return None;
        }
        self.p.longest_at(tk, i)
    }
}

/// Words of `data/recognize/datetime-fr.toml`.
#[derive(Debug, Default)]
pub struct Tables {
    months: FxHashMap<String, i8>,
    weak_months: FxHashSet<String>,
    weekdays: FxHashMap<String, i8>,
    weekday_abbrevs: FxHashMap<String, i8>,
    rel_days: Ph<i64>,
    now: Ph<()>,
    asap: Ph<()>,
    parts: Ph<Part>,
    /// Parts of a named day, where they differ ("demain soir" is the night).
    day_parts: Ph<Part>,
    duration_nouns: FxHashSet<String>,
    named_hours: FxHashMap<String, i8>,
    meridiem: Ph<bool>,
    hour_words: FxHashSet<String>,
    minute_words: FxHashSet<String>,
    second_words: FxHashSet<String>,
    units: FxHashMap<String, Grain>,
    shifts: Ph<i8>,
    this: FxHashSet<String>,
    seasons: FxHashMap<String, Season>,
    vague: FxHashMap<String, f64>,
    recurrences: FxHashMap<String, String>,
    every: Ph<()>,
    edges: Ph<Edge>,
    /// Folded words that may open an expression: the quick reject of the scan loop.
    starts: FxHashSet<String>,
    /// Words that carry time by themselves (months, units, weekdays…): a grammar word or a
    /// number word opens an expression only when one of these, or digits, comes soon after.
    core: FxHashSet<String>,
    /// Second words of the phrases that begin with a grammar word ("le plus tôt possible").
    seconds: FxHashSet<String>,
    /// The gating classes of every word, merged so that the scan costs one lookup per
    /// token; built at the first scan because it needs the number words.
    lex: std::sync::OnceLock<FxHashMap<String, u32>>,
}

/// Gating classes of a word: in `core`, in `starts`, a number word, in `seconds`.
const G_CORE: u32 = 1;
const G_START: u32 = 1 << 1;
const G_NUM: u32 = 1 << 2;
const G_SECOND: u32 = 1 << 3;
/// Tables a word belongs to: the readers test a bit before hashing the word again.
const K_MONTH: u32 = 1 << 4;
const K_WEEKDAY: u32 = 1 << 5;
const K_WD_ABBREV: u32 = 1 << 6;
const K_UNIT: u32 = 1 << 7;
const K_THIS: u32 = 1 << 8;
const K_SEASON: u32 = 1 << 9;
const K_VAGUE: u32 = 1 << 10;
const K_NAMED_HOUR: u32 = 1 << 11;
const K_HOUR_WORD: u32 = 1 << 12;
const K_MINUTE_WORD: u32 = 1 << 13;
const K_RECURRENCE: u32 = 1 << 14;
/// First words of the phrase tables.
const P_REL_DAYS: u32 = 1 << 16;
const P_NOW: u32 = 1 << 17;
const P_ASAP: u32 = 1 << 18;
const P_PARTS: u32 = 1 << 19;
const P_DAY_PARTS: u32 = 1 << 20;
const P_MERIDIEM: u32 = 1 << 21;
const P_SHIFTS: u32 = 1 << 22;
const P_EVERY: u32 = 1 << 23;
const P_EDGES: u32 = 1 << 24;
/// Every table bit: a token that is no word gets them all, so that the readers look it up
/// as before (their lookups see such a token as "").
const K_ALL: u32 = !(G_CORE | G_START | G_NUM | G_SECOND);

fn lexicon(t: &Tables, nw: &NumberWords) -> FxHashMap<String, u32> {
    let mut m: FxHashMap<String, u32> = FxHashMap::default();
    let mut add = |w: &str, b: u32| *m.entry(w.to_string()).or_default() |= b;
    t.core.iter().for_each(|w| add(w, G_CORE));
    t.starts.iter().for_each(|w| add(w, G_START));
    nw.words.keys().chain(nw.ordinals.keys()).for_each(|w| add(w, G_NUM));
    t.seconds.iter().for_each(|w| add(w, G_SECOND));
    t.months.keys().for_each(|w| add(w, K_MONTH));
    t.weekdays.keys().for_each(|w| add(w, K_WEEKDAY));
    t.weekday_abbrevs.keys().for_each(|w| add(w, K_WD_ABBREV));
    t.units.keys().for_each(|w| add(w, K_UNIT));
    t.this.iter().for_each(|w| add(w, K_THIS));
    t.seasons.keys().for_each(|w| add(w, K_SEASON));
    t.vague.keys().for_each(|w| add(w, K_VAGUE));
    t.named_hours.keys().for_each(|w| add(w, K_NAMED_HOUR));
    t.hour_words.iter().for_each(|w| add(w, K_HOUR_WORD));
    t.minute_words.iter().for_each(|w| add(w, K_MINUTE_WORD));
    t.recurrences.keys().for_each(|w| add(w, K_RECURRENCE));
    for (ph, b) in [
        (&t.rel_days.first, t.rel_days.bit),
        (&t.now.first, t.now.bit),
        (&t.asap.first, t.asap.bit),
        (&t.parts.first, t.parts.bit),
        (&t.day_parts.first, t.day_parts.bit),
        (&t.meridiem.first, t.meridiem.bit),
        (&t.shifts.first, t.shifts.bit),
        (&t.every.first, t.every.bit),
        (&t.edges.first, t.edges.bit),
    ] {
        ph.iter().for_each(|w| add(w, b));
    }
    m
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {
    months: HashMap<String, i8>,
    weak_months: Vec<String>,
    weekdays: HashMap<String, i8>,
    weekday_abbrevs: HashMap<String, i8>,
    relative_days: HashMap<String, i64>,
    now: Vec<String>,
    asap: Vec<String>,
    parts_of_day: HashMap<String, (String, String, String)>,
    parts_of_named_day: HashMap<String, (String, String, String)>,
    duration_nouns: Vec<String>,
    named_hours: HashMap<String, i8>,
    meridiem: HashMap<String, bool>,
    hour_words: Vec<String>,
    minute_words: Vec<String>,
    second_words: Vec<String>,
    units: HashMap<String, String>,
    shifts: HashMap<String, i8>,
    this: Vec<String>,
    seasons: HashMap<String, (String, i8, i8)>,
    vague_counts: HashMap<String, f64>,
    recurrences: HashMap<String, String>,
    every: Vec<String>,
    edges: HashMap<String, String>,
}

/// Words of the grammar itself (prepositions, articles) that may open an expression.
const GRAMMAR_STARTS: &[&str] = &[
    "le",
    "la",
    "l'",
    "les",
    "de",
    "du",
    "d'",
    "des",
    "entre",
    "depuis",
    "il",
    "dans",
    "avant",
    "apres",
    "a",
    "au",
    "vers",
    "jusqu'",
    "tout",
    "toute",
    "en",
    "annees",
    "annee",
    "an",
    "semaine",
    "mois",
    "week",
    "weekend",
    "trimestre",
    "plus",
    "tot",
    "tard",
    "au",
    "dès",
    "des",
    "partir",
];

/// Nouns of periods the grammar reads ("la semaine prochaine", "le premier trimestre").
const PERIOD_NOUNS: &[&str] = &[
    "semaine",
    "mois",
    "annee",
    "annees",
    "an",
    "trimestre",
    "semestre",
    "journee",
    "jour",
    "week",
    "weekend",
];

fn time_of(s: &str) -> Option<Time> {
    let mut it = s.split(':').map(|x| x.parse::<i8>().ok());
    let h = it.next()??;
    let m = it.next().flatten().unwrap_or(0);
    let sec = it.next().flatten().unwrap_or(0);
    Time::new(h, m, sec, 0).ok()
}

fn first_norm(s: &str) -> Option<String> {
    let t = Tokens::new(s);
    t.toks.first().map(|x| x.norm.to_string())
}

pub fn load(src: &str, t: &mut Tables) -> Result<(), RecognizeError> {
    let raw: Raw = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("datetime-fr: {e}")))?;
    let err = |what: &str, k: &str| RecognizeError::Data(format!("datetime-fr: bad {what} {k:?}"));
    let key = |k: &str| fold(k).into_owned();
    for (k, v) in raw.months {
        t.months.insert(key(&k), v);
    }
    t.weak_months.extend(raw.weak_months.iter().map(|k| key(k)));
    for (k, v) in raw.weekdays {
        t.weekdays.insert(key(&k), v);
    }
    for (k, v) in raw.weekday_abbrevs {
        t.weekday_abbrevs.insert(key(&k), v);
    }
    let mut starts: Vec<String> = Vec::new();
    for (k, v) in raw.relative_days.clone() {
        starts.extend(first_norm(&k));
        t.rel_days.insert(&k, v);
    }
    let second = |k: &str| Tokens::new(k).toks.get(1).map(|x| x.norm.to_string());
    for k in raw.now.iter().chain(raw.asap.iter()).chain(raw.relative_days.keys()) {
        t.seconds.extend(second(k));
    }
    for k in raw.now {
        starts.extend(first_norm(&k));
        t.now.insert(&k, ());
    }
    for k in raw.asap {
        starts.extend(first_norm(&k));
        t.asap.insert(&k, ());
    }
    for (k, (code, s, e)) in raw.parts_of_day {
        let (Some(start), Some(end)) = (time_of(&s), time_of(&e)) else {
            return Err(err("part of day", &k));
        };
        starts.extend(first_norm(&k));
        t.parts.insert(&k, Part { code, start, end });
    }
    for (k, (code, s, e)) in raw.parts_of_named_day {
        let (Some(start), Some(end)) = (time_of(&s), time_of(&e)) else {
            return Err(err("part of day", &k));
        };
        t.day_parts.insert(&k, Part { code, start, end });
    }
    t.duration_nouns.extend(raw.duration_nouns.iter().map(|k| key(k)));
    for (k, v) in raw.named_hours {
        t.named_hours.insert(key(&k), v);
    }
    for (k, v) in raw.meridiem {
        t.meridiem.insert(&k, v);
    }
    t.hour_words.extend(raw.hour_words.iter().map(|k| key(k)));
    t.minute_words.extend(raw.minute_words.iter().map(|k| key(k)));
    t.second_words.extend(raw.second_words.iter().map(|k| key(k)));
    for (k, v) in raw.units {
        let g = Grain::parse(&v).ok_or_else(|| err("unit", &v))?;
        t.units.insert(key(&k), g);
    }
    for (k, v) in raw.shifts {
        starts.extend(first_norm(&k));
        t.shifts.insert(&k, v);
    }
    t.this.extend(raw.this.iter().map(|k| key(k)));
    for (k, (code, month, day)) in raw.seasons {
        t.seasons.insert(key(&k), Season { code, month, day });
    }
    for (k, v) in raw.vague_counts {
        t.vague.insert(key(&k), v);
    }
    for (k, v) in raw.recurrences {
        t.recurrences.insert(key(&k), v);
    }
    for k in raw.every {
        starts.extend(first_norm(&k));
        t.every.insert(&k, ());
    }
    for (k, v) in raw.edges {
        let e = match v.as_str() {
            "start" => Edge::Start,
            "mid" => Edge::Mid,
            "end" => Edge::End,
            _ => return Err(err("edge", &v)),
        };
        starts.extend(first_norm(&k));
        t.edges.insert(&k, e);
    }
    let mut core: Vec<String> = starts.clone();
    core.extend(t.units.keys().cloned());
    core.extend(t.named_hours.keys().cloned());
    core.extend(t.hour_words.iter().cloned());
    core.extend(t.meridiem.p.map.keys().filter_map(|k| first_norm(k)));
    core.extend(t.months.keys().cloned());
    core.extend(t.weekdays.keys().cloned());
    core.extend(t.weekday_abbrevs.keys().cloned());
    core.extend(t.seasons.keys().cloned());
    core.extend(t.recurrences.keys().cloned());
    core.extend(PERIOD_NOUNS.iter().map(|s| s.to_string()));
    // "tous les soirs": plural parts of the day.
    core.extend(t.parts.p.map.keys().map(|k| format!("{k}s")));
    // Grammar words and articles that begin phrases ("le lendemain", "en ce moment") are no core.
    t.core.extend(core.into_iter().filter(|w| {
        !t.this.contains(w)
            && !matches!(
                w.as_str(),
                "le" | "la"
                    | "l'"
                    | "les"
                    | "de"
                    | "du"
                    | "d'"
                    | "des"
                    | "entre"
                    | "depuis"
                    | "il"
                    | "dans"
                    | "avant"
                    | "apres"
                    | "a"
                    | "au"
                    | "vers"
                    | "jusqu'"
                    | "tout"
                    | "toute"
                    | "tous"
                    | "toutes"
                    | "chaque"
                    | "en"
                    | "plus"
                    | "tot"
                    | "tard"
                    | "partir"
            )
    }));
    starts.extend(t.months.keys().cloned());
    starts.extend(t.weekdays.keys().cloned());
    starts.extend(t.weekday_abbrevs.keys().cloned());
    starts.extend(t.named_hours.keys().cloned());
    starts.extend(t.this.iter().cloned());
    starts.extend(t.seasons.keys().cloned());
    starts.extend(t.vague.keys().cloned());
    starts.extend(t.recurrences.keys().cloned());
    starts.extend(GRAMMAR_STARTS.iter().map(|s| s.to_string()));
    t.starts.extend(starts);
    t.rel_days.bit = P_REL_DAYS;
    t.now.bit = P_NOW;
    t.asap.bit = P_ASAP;
    t.parts.bit = P_PARTS;
    t.day_parts.bit = P_DAY_PARTS;
    t.meridiem.bit = P_MERIDIEM;
    t.shifts.bit = P_SHIFTS;
    t.every.bit = P_EVERY;
    t.edges.bit = P_EDGES;
    // Words were added: the merged lexicon is rebuilt at the next scan.
    t.lex = std::sync::OnceLock::new();
    Ok(())
}

/// A resolved reading, before it becomes a candidate.
#[derive(Debug, Clone, PartialEq)]
enum V {
    Day(Date),
    Days(Option<Date>, Option<Date>),
    Clock(Time),
    Clocks(Time, Time),
    At(DateTime),
    Span(Option<DateTime>, Option<DateTime>),
    Dur(String, f64),
    Set(String),
    /// Recognised, but with nothing to resolve it against (a season without a year).
    Loose,
    /// A time of day with one open side: "avant 14h30", "à partir de 7h".
    ClockOpen(Option<Time>, Option<Time>),
}

/// A date or a period of days.
#[derive(Debug, Clone, Copy)]
struct D {
    j: usize,
    start: Date,
    /// Exclusive end; `None` for a single day.
    end: Option<Date>,
    grain: Grain,
    /// The year was written (or the reading needs none).
    year_given: bool,
    /// Only a day of the month: a date only next to a time or a month.
    bare_day: bool,
}

impl D {
    fn end_excl(&self) -> Date {
        self.end
            .unwrap_or_else(|| add_days(self.start, 1).unwrap_or(self.start))
    }
    fn v(&self) -> V {
        match self.end {
            None => V::Day(self.start),
            Some(e) => V::Days(Some(self.start), Some(e)),
        }
    }
}

/// A time of day.
#[derive(Debug, Clone, Copy)]
struct C {
    j: usize,
    h: i8,
    m: i8,
    s: i8,
    /// Written with an hour word, a colon, a meridiem or a name: surely a time.
    marked: bool,
    /// "3 heures" and nothing more: a time or a duration, the context says which.
    hours_only: bool,
    /// Minutes were written ("11:00", "16h30").
    min_written: bool,
    /// Morning or afternoon already fixed (pm, "du soir", 24-hour value).
    fixed: bool,
    /// "une heure et demie", "deux heures et quart": as often a length of time as a time.
    half: bool,
}

impl C {
    fn time(&self) -> Option<Time> {
        Time::new(self.h % 24, self.m, self.s, 0).ok()
    }
    fn timex(&self) -> String {
        if self.s != 0 {
            format!("T{:02}:{:02}:{:02}", self.h, self.m, self.s)
        } else if self.m != 0 || self.min_written {
            format!("T{:02}:{:02}", self.h, self.m)
        } else {
            format!("T{:02}", self.h)
        }
    }
    fn pm(&mut self) {
        if self.h < 12 {
            self.h += 12;
        }
        self.fixed = true;
    }
}

struct Hit {
    i: usize,
    j: usize,
    v: V,
    rel: bool,
}

struct Cx<'a, 'b> {
    tk: &'a Tokens<'b>,
    t: &'a Tables,
    nw: &'a NumberWords,
    now: DateTime,
    today: Date,
    /// `date(i)` is asked for many times at the same token (ranges, combinations, edges): kept.
    memo: std::cell::RefCell<Vec<Option<Option<D>>>>,
    clock_memo: std::cell::RefCell<Vec<Option<Option<C>>>>,
    /// Classes per token (`G_*`, `K_*`, `P_*`), so that readers test a bit instead of hashing again.
    cls: Vec<u32>,
}

fn month_range(y: i16, m: i8) -> Option<(Date, Date)> {
    let s = Date::new(y, m, 1).ok()?;
    Some((s, add_months(s, 1)?))
}

fn year_range(y: i32) -> Option<(Date, Date)> {
    Some((ymd(y, 1, 1)?, ymd(y.checked_add(1)?, 1, 1)?))
}

fn at(d: Date, t: Time) -> DateTime {
    d.to_datetime(t)
}

fn two_digit_year(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

impl<'a, 'b> Cx<'a, 'b> {
    fn w(&self, i: usize) -> &str {
        self.tk.w(i)
    }
    /// Whether the token at `i` may be in the tables of `bit`: false only when it surely is
    /// not (past the end it is unknown, so true).
    fn has(&self, i: usize, bit: u32) -> bool {
        self.cls.get(i).is_none_or(|c| c & bit != 0)
    }
    /// `m[w(i)]`, refused by the class bit first.
    fn look<'m, V>(&self, m: &'m FxHashMap<String, V>, bit: u32, i: usize) -> Option<&'m V> {
        if self.has(i, bit) {
            m.get(self.w(i))
        } else {
            None
        }
    }
    /// `w(i)` is in `set`, refused by the class bit first.
    fn is(&self, set: &FxHashSet<String>, bit: u32, i: usize) -> bool {
        self.has(i, bit) && set.contains(self.w(i))
    }
    fn n(&self, i: usize) -> &str {
        self.tk.n(i)
    }
    fn glued(&self, i: usize) -> bool {
        i < self.tk.len() && !self.tk.spaced(i)
    }
    fn kind(&self, i: usize) -> Option<TokKind> {
        self.tk.toks.get(i).map(|t| t.kind)
    }
    /// A run of ASCII digits: its value and length.
    fn dig(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tk.toks.get(i)?;
        if t.kind != TokKind::Digits || t.text.len() > 4 {
            return None;
        }
        Some((t.text.parse().ok()?, t.text.len()))
    }
    fn is_word_at(&self, i: usize) -> bool {
        self.kind(i) == Some(TokKind::Word)
    }
    /// The end of the sentence or a punctuation mark follows.
    fn boundary(&self, i: usize) -> bool {
        match self.kind(i) {
            None => true,
            Some(TokKind::Punct) => !matches!(self.n(i), "%" | "-" | "/" | "€" | "$" | "£"),
            _ => false,
        }
    }

    /// The number reader at `i`, once per token; words that are no number words are skipped
    /// without calling it.
    fn num(&self, i: usize) -> Option<Num> {
        let t = self.tk.toks.get(i)?;
        if t.kind == TokKind::Word && self.cls[i] & G_NUM == 0 {
            return None;
        }
        // `number_at` keeps its own answer per token.
        number_at(self.tk, i, self.nw, Lang::Fr)
    }

    /// A number at `i`: digits or words, cardinal, positive.
    fn count(&self, i: usize) -> Option<(usize, f64)> {
        if let Some(v) = self.look(&self.t.vague, K_VAGUE, i) {
            return Some((i + 1, *v));
        }
        let n: Num = self.num(i)?;
        if n.kind != NumKind::Cardinal || n.value <= 0.0 || !n.value.is_finite() {
            return None;
        }
        Some((n.j, n.value))
    }

    /// A whole number at `i` (digits or words), with no decimals.
    fn int(&self, i: usize) -> Option<(usize, i64, bool)> {
        let k = self.kind(i)?;
        if k == TokKind::Digits {
            let (v, _) = self.dig(i)?;
            return Some((i + 1, i64::from(v), false));
        }
        if k != TokKind::Word {
            return None;
        }
        let n = self.num(i)?;
        if n.value.fract() != 0.0 || n.value < 0.0 || n.value > 1e6 {
            return None;
        }
        Some((n.j, n.value as i64, n.kind == NumKind::Ordinal))
    }

    /// A day of the month: "3", "1er", "03", "trois", "premier".
    fn day_num(&self, i: usize) -> Option<(usize, i8)> {
        if let Some((v, len)) = self.dig(i) {
            if !(1..=31).contains(&v) || len > 2 {
                return None;
            }
            let mut j = i + 1;
            // "11:00", "16h", "3,5": a time or a decimal, not a day.
            if self.glued(j) && matches!(self.n(j), ":" | "h" | "," | ".") && self.kind(j + 1) == Some(TokKind::Digits)
            {
                return None;
            }
            if self.glued(j) && self.is(&self.t.hour_words, K_HOUR_WORD, j) {
                return None;
            }
            if self.is_word_at(j) && self.glued(j) && matches!(self.w(j), "er" | "e" | "eme" | "ere" | "re") {
                j += 1;
            }
            // Glued letters other than an ordinal suffix: a name ("3G"), not a day.
            if self.is_word_at(j) && self.glued(j) {
                return None;
            }
            return Some((j, v as i8));
        }
        if !self.is_word_at(i) {
            return None;
        }
        let (j, v, _) = self.int(i)?;
        if !(1..=31).contains(&v) {
            return None;
        }
        Some((j, v as i8))
    }

    /// A month name at `i`: (end, month, weak abbreviation).
    fn month(&self, i: usize) -> Option<(usize, i8, bool)> {
        let w = self.w(i);
        let m = *self.look(&self.t.months, K_MONTH, i)?;
        let weak = self.t.weak_months.contains(w);
        let mut j = i + 1;
        if weak && self.n(j) == "." && self.glued(j) {
            j += 1;
        }
        Some((j, m, weak))
    }

    /// A four-digit year, or a year in words ("deux mille vingt", "dix-neuf cent").
    fn year(&self, i: usize, words: bool) -> Option<(usize, i32)> {
        if let Some((v, len)) = self.dig(i) {
            if len == 4 && (1000..=2999).contains(&v) {
                if self.is_word_at(i + 1) && self.glued(i + 1) {
                    return None;
                }
                return Some((i + 1, v as i32));
            }
            return None;
        }
        if !words || !self.is_word_at(i) {
            return None;
        }
        let (j, v, ord) = self.int(i)?;
        if ord {
            return None;
        }
        if (1000..=2999).contains(&v) {
            return Some((j, v as i32));
        }
        // "dix-neuf soixante-douze": the century then the year.
        if (10..=29).contains(&v) {
            if let Some((j2, v2, false)) = self.int(j) {
                if (10..=99).contains(&v2) && self.is_word_at(j) {
                    return Some((j2, (v * 100 + v2) as i32));
                }
            }
        }
        None
    }

    fn weekday(&self, i: usize) -> Option<(usize, i8)> {
        if let Some(d) = self.look(&self.t.weekdays, K_WEEKDAY, i) {
            return Some((i + 1, *d));
        }
        let d = *self.look(&self.t.weekday_abbrevs, K_WD_ABBREV, i)?;
        if self.n(i + 1) == "." && self.glued(i + 1) {
            return Some((i + 2, d));
        }
        None
    }

    /// A weekday near the reference: the most recent one, today included.
    fn weekday_past(&self, wd: i8) -> Date {
        let cur = self.today.weekday().to_monday_one_offset();
        let back = (i64::from(cur) - i64::from(wd)).rem_euclid(7);
        add_days(self.today, -back).unwrap_or(self.today)
    }

    /// A date written without a year (or a month) and with its weekday: the nearest one whose
    /// weekday agrees ("vendredi 22 mars" next week rather than a Wednesday last year).
    fn match_weekday(&self, d: D, wd: i8, step: Grain) -> D {
        if d.start.weekday().to_monday_one_offset() == wd {
            return d;
        }
        for k in [1i64, -1, 2, -2] {
            let c = match step {
                Grain::Year => add_months(d.start, 12 * k),
                _ => add_months(d.start, k),
            };
            if let Some(c) = c.filter(|c| c.day() == d.start.day() && c.weekday().to_monday_one_offset() == wd) {
                return D { start: c, ..d };
            }
        }
        d
    }

    /// "mardi prochain": next week's; "mardi dernier": the last one before today.
    fn weekday_shifted(&self, wd: i8, s: i64) -> Date {
        if s < 0 {
            let cur = self.today.weekday().to_monday_one_offset();
            let mut back = (i64::from(cur) - i64::from(wd)).rem_euclid(7);
            if back == 0 {
                back = 7;
            }
            add_days(self.today, -back).unwrap_or(self.today)
        } else {
            self.weekday_in_week(wd, s)
        }
    }

    /// "dernier mercredi", "prochain vendredi", "le dernier trimestre", "le prochain mois".
    fn shift_first(&self, i: usize) -> Option<D> {
        let k = if matches!(self.w(i), "le" | "la" | "l'") {
            i + 1
        } else {
            i
        };
        let (sj, s) = self.t.shifts.at(self, k)?;
        let s = i64::from(*s);
        if s == 0 || !self.is_word_at(k) {
            return None;
        }
        if let Some((j, wd)) = self.weekday(sj) {
            if k > i {
                return None;
            }
            return Some(self.day_of(self.weekday_shifted(wd, s), j, false));
        }
        let (pj, g) = self.period_noun(sj)?;
        if g == Grain::Day {
            return None;
        }
        let (a, b) = self.period_range(g, s)?;
        Some(self.range_of(a, b, g, pj, false))
    }

    /// "le XXe siècle", "au 15ème siècle", "le vingtième siècle".
    fn century(&self, i: usize) -> Option<D> {
        let k = if matches!(self.w(i), "le" | "du") { i + 1 } else { i };
        let (nj, n) = if let Some(n) = roman_ordinal(self.w(k)) {
            (k + 1, n)
        } else {
            let num = self.num(k)?;
            if num.kind != NumKind::Ordinal || num.value.fract() != 0.0 {
                return None;
            }
            (num.j, num.value as i32)
        };
        if !matches!(self.w(nj), "siecle" | "siecles") || !(1..=30).contains(&n) {
            return None;
        }
        let s = ymd((n - 1) * 100, 1, 1)?;
        let e = ymd(n * 100, 1, 1)?;
        Some(self.range_of(s, e, Grain::Century, nj + 1, true))
    }

    /// "la semaine du 10 avril": the week holding that day.
    fn week_of(&self, i: usize) -> Option<D> {
        let k = if self.w(i) == "la" { i + 1 } else { i };
        if self.w(k) != "semaine" || self.w(k + 1) != "du" {
            return None;
        }
        let d = self.day_month(k + 2).filter(|d| !d.bare_day && d.end.is_none())?;
        let s = week_start(d.start);
        Some(self.range_of(s, add_days(s, 7)?, Grain::Week, d.j, d.year_given))
    }

    /// "le premier trimestre 2023", "la dernière semaine de juillet", "au deuxième semestre",
    /// "la 3e semaine de 2018".
    fn ordinal_period(&self, i: usize) -> Option<D> {
        let k = if matches!(self.w(i), "le" | "la" | "l'") {
            i + 1
        } else {
            i
        };
        let (oj, n) = match self.w(k) {
            "dernier" | "derniere" => (k + 1, -1i64),
            _ => {
                let num = self.num(k)?;
                if num.kind != NumKind::Ordinal || num.value < 1.0 || num.value > 5.0 {
                    return None;
                }
                (num.j, num.value as i64)
            }
        };
        let (pj, g) = match self.w(oj) {
            "semaine" => (oj + 1, Grain::Week),
            "trimestre" => (oj + 1, Grain::Quarter),
            "semestre" => (oj + 1, Grain::Half),
            _ => return None,
        };
        let mut tk = pj;
        if matches!(self.w(tk), "de" | "d'" | "du") {
            tk += 1;
        }
        let target = self
            .date(tk)
            .filter(|d| d.end.is_some() && matches!(d.grain, Grain::Year | Grain::Month));
        match g {
            Grain::Week => {
                let t = target?;
                let first = if t.grain == Grain::Year {
                    // ISO: week 1 holds 4 January, the last week 28 December.
                    week_start(ymd(i32::from(t.start.year()), 1, 4)?)
                } else {
                    week_start(t.start)
                };
                let s = if n > 0 {
                    add_days(first, 7 * (n - 1))?
                } else if t.grain == Grain::Year {
                    week_start(ymd(i32::from(t.start.year()), 12, 28)?)
                } else {
                    week_start(add_days(t.end?, -1)?)
                };
                Some(self.range_of(s, add_days(s, 7)?, Grain::Week, t.j, t.year_given))
            }
            _ => {
                let per = if g == Grain::Quarter { 3 } else { 6 };
                let count = 12 / per;
                let idx = if n < 0 { count } else { n };
                if idx > count {
                    return None;
                }
                let (y, j, given) = match target.filter(|t| t.grain == Grain::Year) {
                    Some(t) => (i32::from(t.start.year()), t.j, true),
                    None => {
                        let y = i32::from(self.today.year());
                        let s = ymd(y, (1 + (idx - 1) * per) as i32, 1)?;
                        (if s > self.today { y - 1 } else { y }, pj, false)
                    }
                };
                let s = ymd(y, (1 + (idx - 1) * per) as i32, 1)?;
                let e = add_months(s, per)?;
                Some(self.range_of(s, e, g, j, given))
            }
        }
    }

    fn weekday_in_week(&self, wd: i8, weeks: i64) -> Date {
        let ws = week_start(self.today);
        add_days(ws, weeks * 7 + i64::from(wd) - 1).unwrap_or(self.today)
    }

    /// A month without a year: this year's if it has begun, else last year's.
    fn month_near(&self, m: i8) -> i16 {
        let y = if m <= self.today.month() {
            self.today.year()
        } else {
            self.today.year() - 1
        };
        // More than ten months back: the coming one ("en novembre", written in October).
        if i32::from(self.today.month()) - i32::from(m) + 12 * i32::from(self.today.year() - y) > 10 {
            return y + 1;
        }
        y
    }

    /// A day of the month without a year, as news reads it: the most recent such day, unless
    /// that is more than ten months back, when the coming one is meant (a date announced
    /// a few weeks ahead).
    fn day_near(&self, m: i8, day: i8) -> Option<Date> {
        let past = month_day_near(self.today, m, day)?;
        if past <= self.today && self.today.since(past).is_ok_and(|s| s.get_days() > 304) {
            if let Some(next) = self.month_day_ahead(self.today, m, day) {
                return Some(next);
            }
        }
        Some(past)
    }

    fn day_of(&self, d: Date, j: usize, year_given: bool) -> D {
        D {
            j,
            start: d,
            end: None,
            grain: Grain::Day,
            year_given,
            bare_day: false,
        }
    }

    fn range_of(&self, s: Date, e: Date, grain: Grain, j: usize, year_given: bool) -> D {
        D {
            j,
            start: s,
            end: Some(e),
            grain,
            year_given,
            bare_day: false,
        }
    }

    /// "[,] 2020", "de 1987", "2020": a year after a day and month.
    fn year_after(&self, j: usize) -> Option<(usize, i32)> {
        let mut k = j;
        if self.n(k) == "," || self.w(k) == "de" {
            k += 1;
        }
        if let Some(y) = self.year(k, true) {
            return Some(y);
        }
        // Two-digit year in "1er oct. 18"? Too ambiguous in prose: none.
        None
    }

    // ----- dates -----

    /// Every reading of a date at `i`; the longest is used by the callers.
    fn date(&self, i: usize) -> Option<D> {
        memoised(&self.memo, i, || self.date_uncached(i))
    }

    fn date_uncached(&self, i: usize) -> Option<D> {
        let mut best: Option<D> = None;
        let mut keep = |d: Option<D>| {
            if let Some(d) = d {
                if best.is_none_or(|b| d.j > b.j) {
                    best = Some(d);
                }
            }
        };
        keep(self.numeric_date(i));
        keep(self.day_month(i));
        keep(self.month_led(i));
        keep(self.weekday_date(i));
        keep(self.relative_day(i));
        keep(self.this_thing(i));
        keep(self.period(i));
        keep(self.year_alone(i));
        keep(self.decade(i));
        keep(self.edge_date(i));
        keep(self.season(i));
        keep(self.shift_first(i));
        keep(self.century(i));
        keep(self.week_of(i));
        keep(self.ordinal_period(i));
        best
    }

    /// "28 octobre", "1er janvier 2032", "23 novembre de 1987", "4 du mois prochain".
    fn day_month(&self, i: usize) -> Option<D> {
        let (j, day) = self.day_num(i)?;
        let mut k = j;
        if self.w(k) == "de" || self.w(k) == "du" {
            // "le 15 du mois prochain", "23 de mars" (rare).
            if self.w(k) == "du" && self.w(k + 1) == "mois" {
                let (pj, ms, _) = self.period_after(k + 1, Grain::Month)?;
                let d = ymd(i32::from(ms.year()), i32::from(ms.month()), i32::from(day))?;
                return Some(self.day_of(d, pj, false));
            }
            k += 1;
        }
        if let Some((mj, m, _weak)) = self.month(k) {
            if let Some((yj, y)) = self.year_after(mj) {
                let d = ymd(y, i32::from(m), i32::from(day))?;
                return Some(self.day_of(d, yj, true));
            }
            if let Some((sj, sh)) = self.t.shifts.at(self, mj) {
                // "le 3 septembre dernier", "le 3 septembre prochain".
                let d = if *sh < 0 {
                    month_day_near(add_days(self.today, -1)?, m, day)?
                } else if *sh > 0 {
                    self.month_day_ahead(add_days(self.today, 1)?, m, day)?
                } else {
                    self.day_near(m, day)?
                };
                return Some(self.day_of(d, sj, false));
            }
            let d = if self.ahead(i) {
                self.month_day_ahead(self.today, m, day)?
            } else {
                self.day_near(m, day)?
            };
            return Some(self.day_of(d, mj, false));
        }
        // "le 25 mardi": a day of this month named with its weekday.
        // Only with digits ("un mardi" is "a Tuesday") and when that day is that weekday.
        if let Some((wj, wd)) = self.weekday(j) {
            if self.dig(i).is_some() {
                if let Some(d) = self.day_in_month_near(day) {
                    if i32::from(d.weekday().to_monday_one_offset()) == i32::from(wd) {
                        return Some(self.day_of(d, wj, false));
                    }
                }
            }
        }
        // A day number alone is a date only after an article: "le 17", "du 3".
        if i == 0 || !matches!(self.w(i - 1), "le" | "du" | "au") {
            return None;
        }
        let d = self.day_in_month_near(day)?;
        let mut b = self.day_of(d, j, false);
        b.bare_day = true;
        Some(b)
    }

    /// The first such day on or after `from`.
    fn month_day_ahead(&self, from: Date, m: i8, day: i8) -> Option<Date> {
        let y = from.year();
        match Date::new(y, m, day).ok() {
            Some(d) if d >= from => Some(d),
            _ => Date::new(y + 1, m, day).ok(),
        }
    }

    /// Words before `i` that look ahead: "d'ici (le)", "jusqu'au", "jusqu'à (la)".
    fn ahead(&self, i: usize) -> bool {
        let mut k = i;
        if k > 0 && matches!(self.w(k - 1), "le" | "la" | "l'" | "fin" | "debut") {
            k -= 1;
        }
        if k == 0 {
            return false;
        }
        match self.w(k - 1) {
            "ici" => true,
            // "à compter du 1er juillet", "à partir de mars".
            "du" | "de" | "d'" => k >= 2 && matches!(self.w(k - 2), "compter" | "partir"),
            "au" | "a" => k >= 2 && self.w(k - 2) == "jusqu'",
            _ => false,
        }
    }

    /// A day of the month alone: this month's if it has come, else last month's.
    fn day_in_month_near(&self, day: i8) -> Option<Date> {
        let this = Date::new(self.today.year(), self.today.month(), day).ok();
        match this {
            Some(d) if d <= self.today => Some(d),
            _ => {
                let prev = add_months(self.today.first_of_month(), -1)?;
                Date::new(prev.year(), prev.month(), day).ok().or(this)
            }
        }
    }

    /// "octobre", "mai vingt-neuf", "novembre 23 de 1987", "avril 2017".
    fn month_led(&self, i: usize) -> Option<D> {
        let (mj, m, weak) = self.month(i)?;
        if let Some((dj, day)) = self.day_num(mj) {
            if !(self.kind(mj) == Some(TokKind::Digits) && self.dig(mj).is_some_and(|(_, l)| l == 4)) {
                if let Some((yj, y)) = self.year_after(dj) {
                    let d = ymd(y, i32::from(m), i32::from(day))?;
                    return Some(self.day_of(d, yj, true));
                }
                // "mai vingt-neuf", "novembre 23": a day after the month, not a count of things.
                if !(self.is_word_at(dj)
                    && !self.t.starts.contains(self.w(dj))
                    && self.kind(mj) == Some(TokKind::Digits))
                {
                    let d = self.day_near(m, day)?;
                    return Some(self.day_of(d, dj, false));
                }
            }
        }
        if let Some((yj, y)) = self.year_after(mj) {
            let (s, e) = month_range(i16::try_from(y).ok()?, m)?;
            return Some(self.range_of(s, e, Grain::Month, yj, true));
        }
        if weak {
            return None;
        }
        let y = if self.ahead(i) {
            if m >= self.today.month() {
                self.today.year()
            } else {
                self.today.year() + 1
            }
        } else {
            self.month_near(m)
        };
        let (s, e) = month_range(y, m)?;
        Some(self.range_of(s, e, Grain::Month, mj, false))
    }

    /// "22/04", "15.05.99", "2015-3", "02 04 2009", "Sep-23-2020", "23/06/18".
    fn numeric_date(&self, i: usize) -> Option<D> {
        let comp = |k: usize| -> Option<(usize, Comp)> {
            if let Some((v, len)) = self.dig(k) {
                return Some((k + 1, Comp::Num(v, len)));
            }
            let (j, m, _) = self.month(k)?;
            // No dot after a month inside a numeric date.
            let j = if self.n(j.saturating_sub(1)) == "." && j > k + 1 {
                j - 1
            } else {
                j
            };
            Some((j, Comp::Month(m)))
        };
        let (j0, c0) = comp(i)?;
        let sep = self.n(j0);
        let mut comps = vec![c0];
        let j;
        if matches!(sep, "/" | "-" | ".") && self.glued(j0) && self.glued(j0 + 1) {
            let (j1, c1) = comp(j0 + 1)?;
            comps.push(c1);
            let mut end = j1;
            if self.n(j1) == sep && self.glued(j1) && self.glued(j1 + 1) {
                if let Some((j2, c2)) = comp(j1 + 1) {
                    comps.push(c2);
                    end = j2;
                }
            }
            j = end;
            // Followed by yet another number: not a date.
            if matches!(self.n(j), "/" | ".")
                && self.glued(j)
                && self.kind(j + 1) == Some(TokKind::Digits)
                && self.glued(j + 1)
            {
                return None;
            }
        } else if let Comp::Num(_, l0) = c0 {
            // "02 04 2009", "18 8 78": day, month and year apart.
            if l0 > 2 || self.glued(j0) {
                return None;
            }
            let (v1, l1) = self.dig(j0)?;
            let (v2, l2) = self.dig(j0 + 1)?;
            if l1 > 2 || !(l2 == 2 || l2 == 4) || !(1..=12).contains(&v1) || self.glued(j0 + 1) {
                return None;
            }
            if self.kind(j0 + 2) == Some(TokKind::Digits) || (self.is_word_at(j0 + 2) && self.glued(j0 + 2)) {
                return None;
            }
            comps.push(Comp::Num(v1, l1));
            comps.push(Comp::Num(v2, l2));
            j = j0 + 2;
        } else {
            return None;
        }
        if self.is_word_at(j) && self.glued(j) {
            return None;
        }
        let has_month_word = comps.iter().any(|c| matches!(c, Comp::Month(_)));
        match comps.len() {
            3 => {
                let (y, m, d) = if has_month_word {
                    let m = comps
                        .iter()
                        .find_map(|c| if let Comp::Month(m) = c { Some(*m) } else { None })?;
                    let nums: Vec<(u32, usize)> = comps
                        .iter()
                        .filter_map(|c| if let Comp::Num(v, l) = c { Some((*v, *l)) } else { None })
                        .collect();
                    let (a, b) = (*nums.first()?, *nums.get(1)?);
                    if a.1 == 4 {
                        (a.0 as i32, m, b.0)
                    } else if b.1 == 4 {
                        (b.0 as i32, m, a.0)
                    } else {
                        (two_digit_year(b.0), m, a.0)
                    }
                } else {
                    let (Comp::Num(a, la), Comp::Num(b, _), Comp::Num(c, lc)) = (comps[0], comps[1], comps[2]) else {
                        return None;
                    };
                    if la == 4 {
                        (a as i32, b as i8, c)
                    } else if lc == 4 {
                        (c as i32, b as i8, a)
                    } else if lc == 2 {
                        (two_digit_year(c), b as i8, a)
                    } else {
                        return None;
                    }
                };
                let date = ymd(y, i32::from(m), d as i32)?;
                Some(self.day_of(date, j, true))
            }
            2 => match (comps[0], comps[1]) {
                (Comp::Num(y, 4), Comp::Num(m, lm)) if lm <= 2 && sep != "." => {
                    let (s, e) = month_range(i16::try_from(y).ok()?, i8::try_from(m).ok()?)?;
                    Some(self.range_of(s, e, Grain::Month, j, true))
                }
                (Comp::Num(m, lm), Comp::Num(y, 4)) if lm <= 2 && sep == "/" => {
                    let (s, e) = month_range(i16::try_from(y).ok()?, i8::try_from(m).ok()?)?;
                    Some(self.range_of(s, e, Grain::Month, j, true))
                }
                (Comp::Num(d, ld), Comp::Num(m, lm)) if sep == "/" && ld <= 2 && lm <= 2 => {
                    if (1..=12).contains(&m) && (1..=31).contains(&d) {
                        // "3/4 des électeurs" is a fraction.
                        if matches!(self.w(j), "des" | "de" | "d'" | "du") {
                            return None;
                        }
                        let date = self.day_near(m as i8, d as i8)?;
                        return Some(self.day_of(date, j, false));
                    }
                    None
                }
                (Comp::Num(d, ld), Comp::Month(m)) if ld <= 2 => {
                    let date = self.day_near(m, i8::try_from(d).ok()?)?;
                    Some(self.day_of(date, j, false))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// "vendredi", "lundi prochain", "samedi 23/06/18", "mardi 11 juin", "le mardi de la semaine prochaine".
    fn weekday_date(&self, i: usize) -> Option<D> {
        let (j, wd) = self.weekday(i)?;
        // A date follows: it names the day, the weekday only confirms it (or picks the year).
        if let Some(d) = self.numeric_date(j).or_else(|| self.day_month(j)) {
            let d = if d.year_given || d.end.is_some() {
                d
            } else {
                self.match_weekday(d, wd, Grain::Year)
            };
            if let Some(d2) = (!d.bare_day).then_some(d) {
                return Some(d2);
            }
            // "le lundi 21": the day of the month.
            return Some(D { bare_day: false, ..d });
        }
        // "lundi 21": the day of the month, unless an hour follows ("lundi 8 heures"). Not after
        // a short form: "la mer. 24 …" is the sea.
        let full = self.look(&self.t.weekdays, K_WEEKDAY, i).is_some();
        if let Some((dj, day)) = self.day_num(j).filter(|_| full) {
            if !self.is(&self.t.hour_words, K_HOUR_WORD, dj)
                && self.t.meridiem.at(self, dj).is_none()
                && self.kind(j) == Some(TokKind::Digits)
            {
                let d = self.day_in_month_near(day)?;
                return Some(self.match_weekday(self.day_of(d, dj, false), wd, Grain::Month));
            }
        }
        if let Some((sj, s)) = self.t.shifts.at(self, j) {
            if *s != 0 {
                return Some(self.day_of(self.weekday_shifted(wd, i64::from(*s)), sj, false));
            }
        }
        // "lundi de la semaine prochaine".
        if self.w(j) == "de" && self.w(j + 1) == "la" && self.w(j + 2) == "semaine" {
            if let Some((sj, s)) = self.t.shifts.at(self, j + 3) {
                return Some(self.day_of(self.weekday_in_week(wd, i64::from(*s)), sj, false));
            }
        }
        if self.look(&self.t.weekday_abbrevs, K_WD_ABBREV, i).is_some()
            && self.look(&self.t.weekdays, K_WEEKDAY, i).is_none()
        {
            return None;
        }
        Some(self.day_of(self.weekday_past(wd), j, false))
    }

    fn relative_day(&self, i: usize) -> Option<D> {
        let (j, off) = self.t.rel_days.at(self, i)?;
        Some(self.day_of(add_days(self.today, *off)?, j, false))
    }

    /// "cette semaine", "ce mois-ci", "ce vendredi", "cette décembre", "cet été", "cette année".
    fn this_thing(&self, i: usize) -> Option<D> {
        if !self.is(&self.t.this, K_THIS, i) {
            return None;
        }
        let k = i + 1;
        if let Some((j, wd)) = self.weekday(k) {
            // "ce vendredi 15 juin", "ce vendredi 12/05": the date names the day.
            let mut dk = j;
            if self.n(dk) == "(" {
                dk += 1;
            }
            if let Some(d) = self
                .numeric_date(dk)
                .or_else(|| self.day_month(dk))
                .filter(|d| !d.bare_day)
            {
                let mut d = if d.year_given {
                    d
                } else {
                    self.match_weekday(d, wd, Grain::Year)
                };
                if dk > j && self.n(d.j) == ")" {
                    d.j += 1;
                }
                return Some(d);
            }
            let mut j = j;
            match self.t.shifts.at(self, j).map(|(a, b)| (a, *b)) {
                Some((sj, 0)) => j = sj,
                // "ce mercredi passé".
                Some((sj, s)) => return Some(self.day_of(self.weekday_shifted(wd, i64::from(s)), sj, false)),
                None => {}
            }
            return Some(self.day_of(self.weekday_in_week(wd, 0), j, false));
        }
        if let Some((j, m, _)) = self.month(k) {
            let (s, e) = month_range(self.today.year(), m)?;
            return Some(self.range_of(s, e, Grain::Month, j, false));
        }
        None
    }

    /// The period `shift` units from the reference's: (start, end).
    fn period_range(&self, g: Grain, shift: i64) -> Option<(Date, Date)> {
        let t = self.today;
        Some(match g {
            Grain::Day => {
                let d = add_days(t, shift)?;
                (d, add_days(d, 1)?)
            }
            Grain::Week => {
                let s = add_days(week_start(t), 7 * shift)?;
                (s, add_days(s, 7)?)
            }
            Grain::Month => {
                let s = add_months(t.first_of_month(), shift)?;
                (s, add_months(s, 1)?)
            }
            Grain::Quarter => {
                let q0 = (i64::from(t.month()) - 1) / 3 * 3;
                let s = add_months(ymd(i32::from(t.year()), 1, 1)?, q0 + 3 * shift)?;
                (s, add_months(s, 3)?)
            }
            Grain::Year => year_range(i32::from(t.year()).checked_add(i32::try_from(shift).ok()?)?)?,
            _ => return None,
        })
    }

    /// After a period noun at `k`: its shift ("prochaine", "dernier", "-ci"); (end, start, end).
    fn period_after(&self, k: usize, g: Grain) -> Option<(usize, Date, Date)> {
        let (j, s) = self.t.shifts.at(self, k)?;
        let (a, b) = self.period_range(g, i64::from(*s))?;
        Some((j, a, b))
    }

    fn period_noun(&self, i: usize) -> Option<(usize, Grain)> {
        let w = self.w(i);
        if (w == "week" && self.n(i + 1) == "-" && self.w(i + 2) == "end") || w == "weekend" {
            return None;
        }
        match w {
            "semaine" => Some((i + 1, Grain::Week)),
            "mois" => Some((i + 1, Grain::Month)),
            "annee" | "an" => Some((i + 1, Grain::Year)),
            "trimestre" => Some((i + 1, Grain::Quarter)),
            "journee" => Some((i + 1, Grain::Day)),
            _ => None,
        }
    }

    /// "la semaine prochaine", "le mois dernier", "l'année dernière", "cette semaine", "ce mois-ci",
    /// "le week-end", "l'année 2008".
    fn period(&self, i: usize) -> Option<D> {
        let w = self.w(i);
        let (k, this) = match w {
            "la" | "le" | "l'" => (i + 1, false),
            _ if self.is(&self.t.this, K_THIS, i) => (i + 1, true),
            _ => (i, false),
        };
        // Week-end.
        let we = if self.w(k) == "week" && self.n(k + 1) == "-" && self.w(k + 2) == "end" {
            Some(k + 3)
        } else if self.w(k) == "weekend" {
            Some(k + 1)
        } else {
            None
        };
        if let Some(wj) = we {
            let (j, shift) = match self.t.shifts.at(self, wj) {
                Some((j, s)) => (j, i64::from(*s)),
                None if this || k > i => (wj, 0),
                None => return None,
            };
            let sat = add_days(week_start(self.today), 7 * shift + 5)?;
            return Some(self.range_of(sat, add_days(sat, 2)?, Grain::Week, j, false));
        }
        let (pj, g) = self.period_noun(k)?;
        if g == Grain::Day {
            return None;
        }
        if matches!(g, Grain::Year) {
            if let Some((yj, y)) = self.year(pj, false) {
                let (s, e) = year_range(y)?;
                return Some(self.range_of(s, e, Grain::Year, yj, true));
            }
        }
        if let Some((j, s, e)) = self.period_after(pj, g) {
            let shift0 = self.t.shifts.at(self, pj).is_some_and(|(_, s)| *s == 0);
            if k > i || !shift0 {
                return Some(self.range_of(s, e, g, j, false));
            }
        }
        if this {
            let (s, e) = self.period_range(g, 0)?;
            return Some(self.range_of(s, e, g, pj, false));
        }
        // "semaine prochaine" without an article.
        None
    }

    /// "2020": a year written alone, where it cannot be a count of things.
    fn year_alone(&self, i: usize) -> Option<D> {
        let (j, y) = self.year(i, false)?;
        if !(1900..=2100).contains(&y)
            && !matches!(self.w(i.wrapping_sub(1)), "en" | "de" | "depuis" | "avant" | "apres")
        {
            return None;
        }
        // A number in a list or a measure ("2020 soldats", "1 2020"): not a year.
        if self.is_word_at(j) && !self.t.starts.contains(self.w(j)) && !matches!(self.w(j), "et" | "ou" | "a" | "au") {
            return None;
        }
        if i > 0 && matches!(self.kind(i - 1), Some(TokKind::Digits)) {
            return None;
        }
        if i > 0 && matches!(self.n(i - 1), "+" | "-" | "/" | "." | "," | "n°" | "#" | "°") && !self.tk.spaced(i) {
            return None;
        }
        let (s, e) = year_range(y)?;
        Some(self.range_of(s, e, Grain::Year, j, true))
    }

    /// "les années 1990", "années 90", "les années 2000".
    fn decade(&self, i: usize) -> Option<D> {
        let k = if self.w(i) == "les" { i + 1 } else { i };
        if self.w(k) != "annees" {
            return None;
        }
        let (v, len) = self.dig(k + 1)?;
        let y = match len {
            4 if v % 10 == 0 => v as i32,
            2 if v % 10 == 0 => 1900 + v as i32,
            _ => return None,
        };
        let (s, _) = year_range(y)?;
        let (e, _) = year_range(y + 10)?;
        Some(self.range_of(s, e, Grain::Decade, k + 2, true))
    }

    /// "été", "cet été", "l'hiver 2020", "l'été dernier".
    /// A season without a year: recognised, left unresolved.
    fn season_loose(&self, i: usize, out: &mut Vec<Hit>) {
        // "été" is also a past participle: only after an article or "en".
        if self.look(&self.t.seasons, K_SEASON, i).is_some()
            && i > 0
            && matches!(self.w(i - 1), "l'" | "en" | "d'" | "le")
        {
            self.push(out, i, i + 1, V::Loose, false);
        }
    }

    fn season(&self, i: usize) -> Option<D> {
        let w = self.w(i);
        let (k, this) = match w {
            "l'" | "le" => (i + 1, false),
            _ if self.is(&self.t.this, K_THIS, i) => (i + 1, true),
            _ => (i, false),
        };
        let s = self.look(&self.t.seasons, K_SEASON, k)?;
        let mut j = k + 1;
        let mut year = None;
        if let Some((yj, y)) = self.year(j, false) {
            year = Some(y);
            j = yj;
        } else if let Some((sj, sh)) = self.t.shifts.at(self, j) {
            year = Some(i32::from(self.today.year()) + i32::from(*sh));
            j = sj;
        } else if this {
            year = Some(i32::from(self.today.year()));
        }
        let Some(y) = year else {
            // "l'été", "été": which one, the text does not say.
            return None;
        };
        let start = ymd(y, i32::from(s.month), i32::from(s.day))?;
        let end = add_months(start, 3)?;
        let _ = &s.code;
        Some(self.range_of(start, end, Grain::Quarter, j, true))
    }

    /// "début mars", "fin 2023", "mi-juillet", "fin de la semaine", "fin d'année".
    fn edge_date(&self, i: usize) -> Option<D> {
        let (ej, e) = self.edge_word(i)?;
        let (d, _) = self.edge_target(ej)?;
        d.end?;
        let (s, en) = edge_of(&d, e)?;
        Some(D {
            j: d.j,
            start: s,
            end: Some(en),
            grain: d.grain,
            year_given: d.year_given,
            bare_day: false,
        })
    }

    fn edge_word(&self, i: usize) -> Option<(usize, Edge)> {
        let (j, e) = self.t.edges.at(self, i)?;
        let mut j = j;
        if self.n(j) == "-" && self.glued(j) {
            j += 1;
        }
        Some((j, *e))
    }

    /// What follows "fin", "début": "de 2000", "mars", "du mois", "de la semaine", "d'année", "de demain".
    fn edge_target(&self, k: usize) -> Option<(D, usize)> {
        let mut k = k;
        let w = self.w(k);
        let had_de = matches!(w, "de" | "du" | "d'" | "des");
        if had_de {
            k += 1;
        }
        let w = self.w(k);
        let art = matches!(w, "la" | "l'" | "le");
        let k2 = if art { k + 1 } else { k };
        if let Some(d) = self.date(k) {
            return Some((d, k));
        }
        // A bare period noun: the current one.
        if let Some((pj, g)) = self.period_noun(k2) {
            if had_de || art || k2 > k {
                let (pj, s, e) = match self.period_after(pj, g) {
                    Some(x) => x,
                    None => {
                        let (s, e) = self.period_range(g, 0)?;
                        (pj, s, e)
                    }
                };
                let d = if g == Grain::Day {
                    self.day_of(s, pj, false)
                } else {
                    self.range_of(s, e, g, pj, false)
                };
                return Some((d, k));
            }
        }
        if self.w(k2) == "jour" && had_de {
            return Some((self.day_of(self.today, k2 + 1, false), k));
        }
        None
    }

    // ----- times -----

    /// Minutes after an hour word: "30", "dix", "et quart", "et demie", "moins le quart",
    /// "et vingt minutes", "moins vingt-trois minutes". (end, minutes to add, seconds).
    fn minutes_after(&self, k: usize, full: bool) -> Option<(usize, i32, i8, bool)> {
        let w = self.w(k);
        if w == "et" {
            match self.w(k + 1) {
                "quart" => return Some((k + 2, 15, 0, true)),
                "demie" | "demi" => return Some((k + 2, 30, 0, true)),
                _ => {
                    let (j, m) = self.minute_count(k + 1)?;
                    // "entre 16h et 17h": the next hour of a range, not minutes.
                    let named = self.is(&self.t.minute_words, K_MINUTE_WORD, j.saturating_sub(1));
                    let next_hour = self.is(&self.t.hour_words, K_HOUR_WORD, j) || (self.n(j) == ":" && self.glued(j));
                    if !named && (!full || next_hour) {
                        return None;
                    }
                    return Some((j, m, 0, true));
                }
            }
        }
        if w == "moins" {
            if self.w(k + 1) == "le" && self.w(k + 2) == "quart" {
                return Some((k + 3, -15, 0, true));
            }
            if self.w(k + 1) == "quart" {
                return Some((k + 2, -15, 0, true));
            }
            let (j, m) = self.minute_count(k + 1)?;
            return Some((j, -m, 0, true));
        }
        let (j, m) = self.minute_count(k)?;
        Some((j, m, 0, true))
    }

    fn minute_count(&self, k: usize) -> Option<(usize, i32)> {
        let (j, v, ord) = self.int(k)?;
        if ord || !(0..=59).contains(&v) {
            return None;
        }
        // "16 heures 2020": a year, not minutes.
        if self.dig(k).is_some_and(|(_, l)| l > 2) {
            return None;
        }
        let mut j = j;
        if self.is(&self.t.minute_words, K_MINUTE_WORD, j) {
            j += 1;
        }
        Some((j, v as i32))
    }

    /// A time of day at `i`, without any part of day after it.
    fn clock_core(&self, i: usize) -> Option<C> {
        // "midi", "minuit", "midi et demi".
        if let Some(h) = self.look(&self.t.named_hours, K_NAMED_HOUR, i) {
            let mut c = C {
                j: i + 1,
                h: *h,
                m: 0,
                s: 0,
                marked: true,
                hours_only: false,
                min_written: false,
                fixed: true,
                half: false,
            };
            if self.w(i + 1) == "et" && matches!(self.w(i + 2), "demi" | "demie" | "quart") {
                c.m = if self.w(i + 2) == "quart" { 15 } else { 30 };
                c.j = i + 3;
            }
            return Some(c);
        }
        let (hj, h, _) = self.int(i)?;
        if !(0..=24).contains(&h) {
            return None;
        }
        if self.dig(i).is_some_and(|(_, l)| l > 2) {
            return None;
        }
        let h = h as i8;
        let mut c = C {
            j: hj,
            h,
            m: 0,
            s: 0,
            marked: false,
            hours_only: false,
            min_written: false,
            fixed: h > 12 || h == 0,
            half: false,
        };
        // "4,75": a decimal number, no hour.
        if self.kind(i) == Some(TokKind::Digits)
            && matches!(self.n(hj), "," | ".")
            && self.glued(hj)
            && self.kind(hj + 1) == Some(TokKind::Digits)
            && self.glued(hj + 1)
        {
            return None;
        }
        let digits = self.kind(i) == Some(TokKind::Digits);
        // "19:56:30", "8:00".
        if digits && self.n(hj) == ":" && self.glued(hj) && self.glued(hj + 1) {
            let (m, ml) = self.dig(hj + 1)?;
            if ml != 2 || m > 59 {
                return None;
            }
            c.m = m as i8;
            c.j = hj + 2;
            c.marked = true;
            c.min_written = true;
            if self.n(c.j) == ":" && self.glued(c.j) && self.glued(c.j + 1) {
                if let Some((s, 2)) = self.dig(c.j + 1) {
                    if s < 60 {
                        c.s = s as i8;
                        c.j += 2;
                    }
                }
            }
        } else if self.is(&self.t.hour_words, K_HOUR_WORD, hj) {
            let abbrev = !matches!(self.w(hj), "heure" | "heures");
            c.j = hj + 1;
            c.marked = true;
            // "16h30", "22H00", "sept heures dix", "huit heures moins vingt".
            if abbrev && self.kind(c.j) == Some(TokKind::Digits) && self.glued(c.j) {
                let (m, ml) = self.dig(c.j)?;
                if ml != 2 || m > 59 {
                    return None;
                }
                c.m = m as i8;
                c.j += 1;
                c.min_written = true;
                if self.is(&self.t.minute_words, K_MINUTE_WORD, c.j) && self.glued(c.j) {
                    c.j += 1;
                }
            } else if let Some((mj, dm, _, _)) =
                self.minutes_after(c.j, !abbrev || self.kind(c.j) == Some(TokKind::Digits))
            {
                let total = i32::from(h) * 60 + dm;
                if !(0..24 * 60 + 1).contains(&total) {
                    return None;
                }
                c.h = (total / 60) as i8;
                c.m = (total % 60) as i8;
                c.half = self.w(c.j) == "et" && matches!(self.w(c.j + 1), "demie" | "demi" | "quart") && !abbrev;
                c.j = mj;
                c.min_written = true;
            } else if !abbrev {
                c.hours_only = true;
            }
        }
        // Otherwise a bare number: a time only if a meridiem or the context says so.
        // "6pm", "7:56:30 pm", "8:00:31am".
        if let Some((mj, pm)) = self.t.meridiem.at(self, c.j) {
            if c.h <= 12 && !c.hours_only {
                if *pm {
                    c.pm();
                } else if c.h == 12 {
                    c.h = 0;
                }
                c.fixed = true;
                c.marked = true;
                c.j = mj;
            }
        }
        Some(c)
    }

    /// A part of day after a time: "du matin", "de l'après-midi", "du soir", "dans la soirée".
    fn part_after(&self, k: usize) -> Option<(usize, &Part)> {
        let w = self.w(k);
        let k2 = match w {
            "du" => k + 1,
            "de" | "dans" => {
                if matches!(self.w(k + 1), "la" | "l'" | "le") {
                    k + 2
                } else {
                    k + 1
                }
            }
            // "6 après-midi", "3 matin".
            _ => k,
        };
        let (j, p) = self.t.parts.at(self, k2)?;
        Some((j, p))
    }

    /// A part of day after a range of times: it places both ends, unless one is already placed.
    fn apply_part_pair(a: &mut C, b: &mut C, p: &Part) {
        if a.fixed || b.fixed {
            return;
        }
        Self::apply_part(a, p);
        Self::apply_part(b, p);
    }

    fn apply_part(c: &mut C, p: &Part) {
        match p.code.as_str() {
            "AF" | "EV" => c.pm(),
            "NI" if c.h >= 6 && c.h < 12 => c.pm(),
            "MO" if c.h == 12 => {
                c.h = 0;
                c.fixed = true;
            }
            _ => c.fixed = true,
        }
    }

    /// A time of day with its part of day.
    fn clock(&self, i: usize) -> Option<C> {
        memoised(&self.clock_memo, i, || self.clock_uncached(i))
    }

    fn clock_uncached(&self, i: usize) -> Option<C> {
        let mut c = self.clock_core(i)?;
        if let Some((pj, p)) = self.part_after(c.j) {
            if !c.fixed || c.h < 12 {
                Self::apply_part(&mut c, p);
            } else {
                c.fixed = true;
            }
            c.marked = true;
            c.hours_only = false;
            c.j = pj;
        }
        Some(c)
    }

    /// A time of day standing alone, when the words before it make it one ("à 23", "à 3 heures").
    fn time_cue_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = self.w(i - 1);
        matches!(
            p,
            "a" | "vers" | "des" | "avant" | "apres" | "jusqu'a" | "est" | "sonne" | "sonnent"
        ) || (p == "a" && self.w(i.wrapping_sub(2)) == "jusqu'")
    }

    /// A clock time that stands as a time (not a duration nor a plain number).
    fn clock_sure(&self, i: usize) -> Option<C> {
        let c = self.clock(i)?;
        let cue = self.time_cue_before(i);
        if c.half && !cue && !c.fixed {
            return None;
        }
        if c.hours_only {
            if !cue {
                return None;
            }
            if c.h > 24 {
                return None;
            }
        } else if !c.marked {
            // A bare number: "à 23", at the end of the clause.
            if !cue || !self.boundary(c.j) || self.kind(i) != Some(TokKind::Digits) {
                return None;
            }
            // "de 20 à 23": the end of a range of numbers.
            if i >= 3 && self.kind(i - 2) == Some(TokKind::Digits) {
                return None;
            }
        } else if self.w(c.j - 1) == "h" && i > 0 && matches!(self.w(i - 1), "pendant" | "durant" | "depuis") {
            return None;
        }
        Some(c)
    }

    /// "de 14h à 16h", "entre 17 et 18 heures", "5 a 6pm", "16-17 heures", "4:00 a 7 heures".
    /// (start, end, marked).
    fn clock_range(&self, i: usize) -> Option<(usize, C, C, bool)> {
        let (k, opener) = match self.w(i) {
            "de" | "d'" => (i + 1, "de"),
            "entre" => (i + 1, "entre"),
            _ => (i, ""),
        };
        let mut a = self.clock(k)?;
        let lk = a.j;
        let link_ok = |w: &str, n: &str| match opener {
            "entre" => w == "et",
            _ => matches!(w, "a" | "au") || n == "-" || n == "–",
        };
        let bk = if link_ok(self.w(lk), self.n(lk)) {
            lk + 1
        } else if self.w(lk) == "jusqu'" && self.w(lk + 1) == "a" {
            lk + 2
        } else {
            return None;
        };
        let mut b = self.clock(bk)?;
        // "16-17 heures": the hour word written once, for both.
        if !a.marked && b.marked && b.hours_only {
            a.marked = true;
        }
        if !b.marked && a.marked && !a.hours_only {
            // "de 14h à 16": the second inherits the first's meaning.
            b.marked = true;
        }
        if b.hours_only {
            b.hours_only = false;
        }
        if a.hours_only {
            a.hours_only = false;
        }
        // "5 à 6pm": the afternoon reaches back to the start.
        if b.fixed && b.h >= 12 && !a.fixed && a.h < 12 && a.h + 12 <= b.h {
            a.h += 12;
        }
        // "de 10h30 à 3h": the end comes after the start.
        if !b.fixed && b.h < 12 && (b.h, b.m) < (a.h, a.m) {
            b.h += 12;
        }
        let marked = a.marked || b.marked;
        Some((b.j, a, b, marked))
    }

    // ----- combinations -----

    fn push(&self, out: &mut Vec<Hit>, i: usize, j: usize, v: V, rel: bool) {
        if j > i {
            out.push(Hit { i, j, v, rel });
        }
    }

    /// Everything that starts at token `i`.
    fn scan_at(&self, i: usize, out: &mut Vec<Hit>) {
        // Inside a run of numbers (a telephone number, the second half of "10/1-11/2"): the
        // reading starts earlier, if anywhere.
        if i > 0
            && self.kind(i) == Some(TokKind::Digits)
            && !self.tk.spaced(i)
            && matches!(self.n(i - 1), "-" | "/" | "." | "+" | ":" | ",")
        {
            return;
        }
        let date = self.date(i);
        if let Some(d) = date {
            if !d.bare_day {
                self.push(out, i, d.j, d.v(), !d.year_given);
            }
            self.date_then(i, &d, out);
        }
        self.clock_things(i, out);
        self.special(i, out);
        self.open_clock(i, out);
        self.date_ranges(i, out);
        self.open_ranges(i, out);
        self.durations(i, out);
        self.sets(i, out);
        self.part_things(i, out);
        self.season_loose(i, out);
    }

    /// What may follow a date: a time, a part of day, a range of times, "avant 17h".
    fn date_then(&self, i: usize, d: &D, out: &mut Vec<Hit>) {
        if d.end.is_some() {
            // "la semaine prochaine à 9h" is no time of a week; only days take times.
            return;
        }
        let day = d.start;
        let mut k = d.j;
        if self.n(k) == "," {
            k += 1;
        }
        // Part of day: "demain soir", "lundi matin", "mardi dans la matinée", "hier soir".
        let mut part: Option<&Part> = None;
        let mut pk = k;
        let pstart = match self.w(k) {
            "dans" | "en" if matches!(self.w(k + 1), "la" | "le" | "l'") => k + 2,
            "au" | "en" => k + 1,
            _ => k,
        };
        if let Some((pj, p)) = self
            .t
            .day_parts
            .at(self, pstart)
            .or_else(|| self.t.parts.at(self, pstart))
        {
            part = Some(p);
            pk = pj;
        }
        if let Some(p) = part {
            // "lundi matin à 10h".
            let mut k2 = pk;
            if matches!(self.w(k2), "a" | "vers") {
                k2 += 1;
            }
            if k2 > pk {
                if let Some(mut c) = self.clock(k2) {
                    Self::apply_part(&mut c, p);
                    if let Some(t) = c.time() {
                        self.push(out, i, c.j, V::At(at(day, t)), true);
                    }
                }
            }
            if !d.bare_day {
                self.push(
                    out,
                    i,
                    pk,
                    V::Span(Some(at(day, p.start)), Some(at(day, p.end))),
                    !d.year_given,
                );
            }
        }
        // A time: "14 octobre 8:00:31am", "lundi 24 décembre à 10h", "demain à sept heures".
        let mut ck = k;
        let mut cue = false;
        if matches!(self.w(ck), "a" | "vers" | "des") {
            ck += 1;
            cue = true;
        }
        if let Some(c) = self.clock(ck) {
            let ok = c.marked || (cue && c.h <= 24 && (self.boundary(c.j) || self.w(c.j) == "et"));
            if ok && (!d.bare_day || c.marked) {
                if let Some(t) = c.time() {
                    self.push(out, i, c.j, V::At(at(day, t)), !d.year_given);
                }
            }
        }
        // A range of times: "17 de 14 à 16", "lundi prochain de 13h à 18h".
        if let Some((rj, a, b, _)) = self.clock_range(k) {
            if let (Some(ta), Some(tb)) = (a.time(), b.time()) {
                self.push(out, i, rj, V::Span(Some(at(day, ta)), Some(at(day, tb))), !d.year_given);
            }
        }
        // "demain avant 17h", "23/12 après 18h".
        if matches!(self.w(k), "avant" | "apres") {
            if let Some(c) = self.clock(k + 1) {
                if c.marked {
                    if let Some(t) = c.time() {
                        let v = if self.w(k) == "avant" {
                            V::Span(None, Some(at(day, t)))
                        } else {
                            V::Span(Some(at(day, t)), None)
                        };
                        self.push(out, i, c.j, v, !d.year_given);
                    }
                }
            }
        }
    }

    /// Times, and times followed by a date: "16h", "à 23", "9h le mardi", "de 14h à 16h", "de 5 à 7 aujourd'hui".
    fn clock_things(&self, i: usize, out: &mut Vec<Hit>) {
        if let Some(c) = self.clock(i) {
            // A time then a day: "9h le mardi", "dix heures mercredi matin", "18h30 le 3 mai".
            if c.marked || c.hours_only {
                let mut k = c.j;
                if self.n(k) == "," {
                    k += 1;
                }
                if matches!(self.w(k), "le" | "ce") && self.date(k + 1).is_some() {
                    k += 1;
                }
                if let Some(d) = self.date(k).filter(|d| d.end.is_none() && !d.bare_day) {
                    let mut c2 = c;
                    let mut j = d.j;
                    if let Some((pj, p)) = self.t.parts.at(self, j) {
                        Self::apply_part(&mut c2, p);
                        j = pj;
                    }
                    if let Some(t) = c2.time() {
                        self.push(out, i, j, V::At(at(d.start, t)), !d.year_given);
                    }
                }
            }
        }
        // "10, ce soir": an hour then the part of today it belongs to.
        if let Some(c) = self
            .clock_core(i)
            .filter(|c| !c.marked && c.h <= 12 && self.kind(i) == Some(TokKind::Digits))
        {
            let k = if self.n(c.j) == "," { c.j + 1 } else { c.j };
            if self.is(&self.t.this, K_THIS, k) {
                if let Some((pj, p)) = self.t.parts.at(self, k + 1) {
                    let mut c2 = c;
                    Self::apply_part(&mut c2, p);
                    if let Some(t) = c2.time() {
                        self.push(out, i, pj, V::At(at(self.today, t)), true);
                    }
                }
            }
        }
        if let Some(c) = self.clock_sure(i) {
            if let Some(t) = c.time() {
                self.push(out, i, c.j, V::Clock(t), false);
            }
        }
        if let Some((rj, a, b, marked)) = self.clock_range(i) {
            let (Some(ta), Some(tb)) = (a.time(), b.time()) else {
                return;
            };
            // A date after the range: "de 5 à 7 aujourd'hui", "entre 7 et 9 hier soir".
            let mut k = rj;
            if self.n(k) == "," {
                k += 1;
            }
            if matches!(self.w(k), "le" | "ce") && self.date(k + 1).is_some() {
                k += 1;
            }
            if let Some(d) = self.date(k).filter(|d| d.end.is_none() && !d.bare_day) {
                let (mut a2, mut b2) = (a, b);
                let mut j = d.j;
                if let Some((pj, p)) = self.t.parts.at(self, j) {
                    Self::apply_part_pair(&mut a2, &mut b2, p);
                    j = pj;
                }
                if let (Some(ta), Some(tb)) = (a2.time(), b2.time()) {
                    self.push(
                        out,
                        i,
                        j,
                        V::Span(Some(at(d.start, ta)), Some(at(d.start, tb))),
                        !d.year_given,
                    );
                }
            }
            // "ce matin": "entre 10 et 11h30 ce matin".
            if self.is(&self.t.this, K_THIS, k) {
                if let Some((pj, p)) = self.t.parts.at(self, k + 1) {
                    let (mut a2, mut b2) = (a, b);
                    Self::apply_part_pair(&mut a2, &mut b2, p);
                    if let (Some(ta), Some(tb)) = (a2.time(), b2.time()) {
                        self.push(
                            out,
                            i,
                            pj,
                            V::Span(Some(at(self.today, ta)), Some(at(self.today, tb))),
                            true,
                        );
                    }
                }
            }
            // Bare numbers make a range of times only with something that says so.
            let bare_ok = marked || self.boundary(rj);
            if bare_ok && a.h <= 24 && b.h <= 24 && (self.w(i) != "de" || marked || self.boundary(rj)) {
                self.push(out, i, rj, V::Clocks(ta, tb), false);
            }
        }
    }

    /// "ce soir", "le matin", "dans la matinée", "tôt dans la journée", "dans le matin à 7".
    fn part_things(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w(i);
        let k = match w {
            "ce" | "cet" | "cette" | "le" | "la" | "l'" => i + 1,
            "dans" | "en" if matches!(self.w(i + 1), "la" | "le" | "l'") => i + 2,
            _ => return,
        };
        let Some((pj, p)) = self.t.parts.at(self, k) else {
            return;
        };
        let this = self.is(&self.t.this, K_THIS, i);
        // "la nuit dernière", "le soir précédent": the part of yesterday.
        if let Some((sj, sh)) = self.t.shifts.at(self, pj) {
            if *sh < 0 && k == i + 1 {
                if let Some(day) = add_days(self.today, -1) {
                    self.push(out, i, sj, V::Span(Some(at(day, p.start)), Some(at(day, p.end))), true);
                }
            }
        }
        // "dans le matin à 7": the part fixes the hour.
        let mut ck = pj;
        if matches!(self.w(ck), "a" | "vers") {
            ck += 1;
            if let Some(mut c) = self.clock_core(ck) {
                if c.h <= 24 {
                    Self::apply_part(&mut c, p);
                    if let Some(t) = c.time() {
                        if this {
                            self.push(out, i, c.j, V::At(at(self.today, t)), true);
                        } else {
                            self.push(out, i, c.j, V::Clock(t), false);
                        }
                    }
                }
            }
        }
        self.push(out, i, pj, V::Clocks(p.start, p.end), false);
    }

    /// "avant 14h30", "après 18h", "dès 7h", "à partir de 7h00", "jusqu'à 18h".
    fn open_clock(&self, i: usize, out: &mut Vec<Hit>) {
        let (k, before) = match self.w(i) {
            "avant" => (i + 1, true),
            "apres" | "des" => (i + 1, false),
            "a" if self.w(i + 1) == "partir" && matches!(self.w(i + 2), "de" | "d'") => (i + 3, false),
            "jusqu'" if matches!(self.w(i + 1), "a" | "vers") => (i + 2, true),
            _ => return,
        };
        let Some(c) = self.clock(k) else { return };
        if !c.marked && !c.hours_only {
            return;
        }
        // "après 3 heures de négociation": a duration.
        if c.hours_only && matches!(self.w(c.j), "de" | "d'") {
            return;
        }
        // A date follows: the date reader makes a date-time of it.
        if self.date(c.j).is_some_and(|d| !d.bare_day && d.end.is_none()) {
            return;
        }
        let Some(t) = c.time() else { return };
        let v = if before {
            V::ClockOpen(None, Some(t))
        } else {
            V::ClockOpen(Some(t), None)
        };
        self.push(out, i, c.j, v, false);
    }

    /// "maintenant", "le plus tôt possible", "fin de demain", "il y a 3 ans", "dans 2 jours".
    fn special(&self, i: usize, out: &mut Vec<Hit>) {
        if let Some((j, _)) = self.t.now.at(self, i) {
            self.push(out, i, j, V::At(self.now), true);
        }
        if let Some((j, _)) = self.t.asap.at(self, i) {
            self.push(out, i, j, V::At(self.now), true);
        }
        // Edges of a day: "fin de demain", "fin de journée", "tôt dans la journée".
        if let Some((ej, e)) = self.edge_word(i) {
            let mut k = ej;
            if matches!(self.w(k), "de" | "du" | "d'") {
                k += 1;
            }
            let target = if let Some(d) = self.date(k).filter(|d| d.end.is_none() && !d.bare_day) {
                Some((d.start, d.j))
            } else {
                let k2 = if matches!(self.w(k), "la" | "l'") { k + 1 } else { k };
                matches!(self.w(k2), "journee" | "jour").then_some((self.today, k2 + 1))
            };
            if let Some((day, j)) = target {
                let v = match e {
                    // "tard dans la journée": the afternoon and evening.
                    Edge::End if self.w(ej.saturating_sub(1)) == "dans" => V::Span(
                        Some(at(day, Time::constant(12, 0, 0, 0))),
                        Some(at(day, Time::constant(23, 59, 59, 0))),
                    ),
                    // "fin de demain": its last second.
                    Edge::End => V::At(at(day, Time::constant(23, 59, 59, 0))),
                    Edge::Start => V::Span(
                        Some(at(day, Time::midnight())),
                        Some(at(day, Time::constant(12, 0, 0, 0))),
                    ),
                    Edge::Mid => V::Span(
                        Some(at(day, Time::constant(10, 0, 0, 0))),
                        Some(at(day, Time::constant(14, 0, 0, 0))),
                    ),
                };
                self.push(out, i, j, v, true);
            }
        }
        // "il y a trois ans", "il y a 24 heures".
        let ago = if self.w(i) == "il" && self.w(i + 1) == "y" && self.w(i + 2) == "a" {
            Some(i + 3)
        } else if self.w(i) == "il" && self.w(i + 1) == "ya" {
            Some(i + 2)
        } else {
            None
        };
        if let Some(k) = ago {
            if let Some((j, n, g)) = self.amount(k) {
                if let Some(v) = self.shifted(-n, g) {
                    self.push(out, i, j, v, true);
                }
            }
        }
        // "deux jours après aujourd'hui", "trois semaines à compter de demain", "2 jours avant hier".
        if let Some((j, n, g)) = self.amount(i) {
            let (k, sign) = match self.w(j) {
                "apres" => (j + 1, 1.0),
                "avant" => (j + 1, -1.0),
                "a" if self.w(j + 1) == "compter" && matches!(self.w(j + 2), "de" | "d'" | "du") => (j + 3, 1.0),
                "a" if self.w(j + 1) == "partir" && matches!(self.w(j + 2), "de" | "d'" | "du") => (j + 3, 1.0),
                _ => (0, 0.0),
            };
            if sign != 0.0 && g >= Grain::Day && n.fract() == 0.0 && n <= 100_000.0 {
                if let Some(d) = self.relative_day(k) {
                    let base = d.start;
                    let n = (n * sign) as i64;
                    let r = match g {
                        Grain::Day => add_days(base, n),
                        Grain::Week => add_days(base, 7 * n),
                        Grain::Month => add_months(base, n),
                        Grain::Year => add_months(base, 12 * n),
                        _ => None,
                    };
                    if let Some(r) = r {
                        self.push(out, i, d.j, V::Day(r), true);
                    }
                }
            }
        }
        // "dans trois ans", "dans 5 minutes".
        if self.w(i) == "dans" {
            if let Some((j, n, g)) = self.amount(i + 1) {
                if let Some(v) = self.shifted(n, g) {
                    self.push(out, i, j, v, true);
                }
            }
        }
        // "3 prochaines semaines", "dix derniers mois", "13 dernières minutes",
        // "5 années à venir", "10 semaines précédentes".
        if let Some((cj, n)) = self.count(i) {
            if n.fract() == 0.0 {
                if let Some(g) = self.look(&self.t.units, K_UNIT, cj) {
                    if let Some((sj, s)) = self.t.shifts.at(self, cj + 1) {
                        if let Some(v) = self.last_next(n as i64, *g, i64::from(*s)) {
                            self.push(out, i, sj, v, true);
                        }
                    }
                }
                if let Some((sj, s)) = self.t.shifts.at(self, cj) {
                    if let Some(g) = self.look(&self.t.units, K_UNIT, sj) {
                        if let Some(v) = self.last_next(n as i64, *g, i64::from(*s)) {
                            self.push(out, i, sj + 1, v, true);
                        }
                    }
                }
            }
        }
    }

    /// The reference moved by `n` units: a day for days and longer, an instant for hours.
    fn shifted(&self, n: f64, g: Grain) -> Option<V> {
        // Beyond any calendar (and beyond what jiff's spans take without panicking).
        if n.fract() != 0.0 || n.abs() > 100_000.0 {
            return None;
        }
        let n = n as i64;
        Some(match g {
            Grain::Second | Grain::Minute | Grain::Hour => {
                let span = match g {
                    Grain::Second => n.seconds(),
                    Grain::Minute => n.minutes(),
                    _ => n.hours(),
                };
                V::At(self.now.checked_add(span).ok()?)
            }
            Grain::Day => V::Day(add_days(self.today, n)?),
            Grain::Week => V::Day(add_days(self.today, 7 * n)?),
            Grain::Month => V::Day(add_months(self.today, n)?),
            Grain::Quarter => V::Day(add_months(self.today, 3 * n)?),
            Grain::Half => V::Day(add_months(self.today, 6 * n)?),
            Grain::Year => V::Day(add_months(self.today, 12 * n)?),
            Grain::Decade => V::Day(add_months(self.today, 120 * n)?),
            Grain::Century => V::Day(add_months(self.today, 1200 * n)?),
        })
    }

    /// The `n` units before the reference (s < 0) or after it (s > 0).
    fn last_next(&self, n: i64, g: Grain, s: i64) -> Option<V> {
        if s == 0 || !(0..=100_000).contains(&n) {
            return None;
        }
        match g {
            Grain::Second | Grain::Minute | Grain::Hour => {
                let span = match g {
                    Grain::Second => n.seconds(),
                    Grain::Minute => n.minutes(),
                    _ => n.hours(),
                };
                if s < 0 {
                    Some(V::Span(Some(self.now.checked_sub(span).ok()?), Some(self.now)))
                } else {
                    Some(V::Span(Some(self.now), Some(self.now.checked_add(span).ok()?)))
                }
            }
            _ => {
                let months = match g {
                    Grain::Month => Some(n),
                    Grain::Quarter => Some(3 * n),
                    Grain::Half => Some(6 * n),
                    Grain::Year => Some(12 * n),
                    Grain::Decade => Some(120 * n),
                    Grain::Century => Some(1200 * n),
                    _ => None,
                };
                let days = match g {
                    Grain::Day => n,
                    Grain::Week => 7 * n,
                    _ => 0,
                };
                if s < 0 {
                    let start = match months {
                        Some(m) => add_months(self.today, -m)?,
                        None => add_days(self.today, -days)?,
                    };
                    Some(V::Days(Some(start), Some(self.today)))
                } else {
                    let from = add_days(self.today, 1)?;
                    let end = match months {
                        Some(m) => add_months(from, m)?,
                        None => add_days(from, days)?,
                    };
                    Some(V::Days(Some(from), Some(end)))
                }
            }
        }
    }

    /// A count of units: "trois ans", "3 heures", "une heure et demie", "quelques jours", "3heures".
    fn amount(&self, i: usize) -> Option<(usize, f64, Grain)> {
        let (cj, n) = self.count(i)?;
        let g = *self.look(&self.t.units, K_UNIT, cj)?;
        // "1990s": a decade written the English way, not seconds.
        if self.w(cj).len() == 1 && !self.tk.spaced(cj) && n >= 1000.0 {
            return None;
        }
        // "2 h" and "2h" read as times unless a duration is asked for; the caller decides.
        let mut j = cj + 1;
        let mut n = n;
        if self.w(j) == "et" && matches!(self.w(j + 1), "demi" | "demie") {
            n += 0.5;
            j += 2;
        }
        Some((j, n, g))
    }

    fn dur_v(n: f64, g: Grain) -> V {
        V::Dur(g.iso(n), n * g.seconds())
    }

    /// "3 heures", "pendant deux semaines", "depuis trois mois", "toute la journée".
    fn durations(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w(i);
        if w == "depuis" {
            if let Some((j, n, g)) = self.amount(i + 1) {
                self.push(out, i, j, Self::dur_v(n, g), false);
            }
            return;
        }
        if matches!(w, "tout" | "toute") && matches!(self.w(i + 1), "le" | "la" | "l'") {
            if let Some(g) = self.look(&self.t.units, K_UNIT, i + 2) {
                self.push(out, i, i + 3, Self::dur_v(1.0, *g), false);
            }
            return;
        }
        // "une demi-heure", "un quart d'heure".
        if matches!(w, "un" | "une") {
            if self.w(i + 1) == "demi" && self.n(i + 2) == "-" {
                if let Some(g) = self.look(&self.t.units, K_UNIT, i + 3) {
                    self.push(out, i, i + 4, Self::dur_v(0.5, *g), false);
                }
            }
            if self.w(i + 1) == "quart" && self.w(i + 2) == "d'" && self.w(i + 3) == "heure" {
                self.push(out, i, i + 4, Self::dur_v(0.25, Grain::Hour), false);
            }
        }
        let Some((j, n, g)) = self.amount(i) else { return };
        let prev = if i > 0 { self.w(i - 1) } else { "" };
        // "mort à 85 ans", "un enfant de 3 ans": an age, not a length of time; but "condamné à
        // 5 ans de prison" is one.
        if g == Grain::Year && !matches!(self.w(j), "de" | "d'") {
            if prev == "a" {
                return;
            }
            if matches!(prev, "de" | "d'") && i >= 2 && !self.t.duration_nouns.contains(self.w(i - 2)) {
                return;
            }
        }
        let unit_word = self.w(j.saturating_sub(1));
        let abbrev_h = unit_word == "h" || (self.w(i + 1) == "h");
        if g == Grain::Hour && self.time_cue_before(i) && n.fract() == 0.0 {
            return;
        }
        if abbrev_h && n.fract() == 0.0 && n <= 24.0 && !matches!(prev, "pendant" | "durant" | "depuis" | "en" | "de") {
            return;
        }
        // "1 h 30" as a length.
        let mut j = j;
        let mut n = n;
        if g == Grain::Hour && abbrev_h {
            if let Some((m, 2)) = self.dig(j) {
                if m < 60 && self.glued(j) {
                    n += f64::from(m) / 60.0;
                    j += 1;
                }
            }
        }
        self.push(out, i, j, Self::dur_v(n, g), false);
    }

    /// "entre janvier et février", "de 2010 à 2018", "du 18 novembre au 19 décembre 2015",
    /// "entre le 3 et le 12 septembre", "10/1-11/2/2017", "4-23 mois prochain".
    fn date_ranges(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w(i);
        let (k, link): (usize, &[&str]) = match w {
            "entre" => (i + 1, &["et"]),
            "de" | "d'" | "du" | "des" => (i + 1, &["a", "au", "jusqu'", "-", "–", "~"]),
            _ => (i, &["-", "–", "~", "au", "a"]),
        };
        let k0 = if w == "entre" && self.w(k) == "le" { k + 1 } else { k };
        // The left side: a full date, or a day whose month comes on the right.
        let left = self.date(k0);
        let left_day = self.day_num(k0);
        let lj = match (left, left_day) {
            (Some(d), _) => d.j,
            (None, Some((j, _))) => j,
            _ => return,
        };
        let mut candidates = vec![lj];
        if let Some((j, _)) = left_day {
            if j != lj {
                candidates.push(j);
            }
        }
        for lj in candidates {
            let l = self.n(lj);
            if !link.contains(&l) {
                continue;
            }
            let mut rk = lj + 1;
            if l == "jusqu'" {
                if !matches!(self.w(rk), "a" | "au") {
                    continue;
                }
                rk += 1;
            }
            // No spaces around a dash between numbers read as dates.
            if !matches!(w, "entre" | "de" | "d'" | "du" | "des")
                && link.contains(&l)
                && l != "au"
                && (self.tk.spaced(lj) || self.tk.spaced(lj + 1))
            {
                // "2014 - 2018" is fine with spaces only for years.
            }
            if matches!(self.w(rk), "le" | "la" | "l'") && w != "d'" {
                rk += 1;
            }
            let Some(r) = self
                .date(rk)
                .filter(|d| !d.bare_day)
                .or_else(|| self.edge_range_target(rk))
            else {
                // "4-23 mois prochain": a day range in a named month.
                continue;
            };
            let ld = match left.filter(|d| d.j == lj && !d.bare_day) {
                Some(d) => d,
                None => {
                    // Left is a day only: take month and year from the right.
                    let Some((_, day)) = left_day else { continue };
                    if r.end.is_some() && r.grain == Grain::Month {
                        // "4-23 mois prochain"? the right is a month: both are days of it.
                        continue;
                    }
                    let Some(s) = ymd(i32::from(r.start.year()), i32::from(r.start.month()), i32::from(day)) else {
                        continue;
                    };
                    self.day_of(s, lj, r.year_given)
                }
            };
            // Years alone on both sides, months alone, days: the end is where the right one starts
            // (a day range keeps its last day as the end).
            let mut s = ld.start;
            let e = r.start;
            if !ld.year_given && r.year_given && ld.grain == r.grain {
                // "de janvier à février 2017": the left takes the right's year.
                if let Some(x) = ymd(i32::from(r.start.year()), i32::from(s.month()), i32::from(s.day())) {
                    s = x;
                    if s > e {
                        if let Some(x) = ymd(i32::from(r.start.year()) - 1, i32::from(s.month()), i32::from(s.day())) {
                            s = x;
                        }
                    }
                }
            }
            // "2014 à 2018" with nothing before: only years make a range of "à" alone.
            if k == i && l == "a" && !(ld.grain == Grain::Year && r.grain == Grain::Year) {
                continue;
            }
            let mut e = e;
            // "du lundi au samedi": the same week.
            if e < s && ld.grain == Grain::Day && r.grain == Grain::Day && s.since(e).is_ok_and(|d| d.get_days() < 7) {
                if let Some(x) = add_days(e, 7) {
                    e = x;
                }
            }
            if e < s && !r.year_given {
                if let Some(x) = add_months(e, 12) {
                    e = x;
                }
            }
            if e <= s {
                continue;
            }
            // Without an opener, a dash joins only dates written with digits and no spaces.
            if !matches!(w, "entre" | "de" | "d'" | "du" | "des")
                && l != "au"
                && (self.tk.spaced(lj) || self.tk.spaced(lj + 1))
            {
                continue;
            }
            let end = e;
            self.push(
                out,
                i,
                r.j,
                V::Days(Some(s), Some(end)),
                !(ld.year_given && r.year_given),
            );
        }
        // "4-23 mois prochain", "du 3 au 12": days of a month that follows.
        if let Some((dj, d1)) = self.day_num(k0) {
            if matches!(self.n(dj), "-" | "au" | "a") {
                if let Some((dj2, d2)) = self.day_num(dj + 1) {
                    let mut mk = dj2;
                    if self.w(mk) == "du" {
                        mk += 1;
                    }
                    let month = if let Some((pj, g)) = self.period_noun(mk) {
                        if g == Grain::Month {
                            self.period_after(pj, g).map(|(j, s, _)| (j, s))
                        } else {
                            None
                        }
                    } else {
                        None
                    };
                    if let Some((j, ms)) = month {
                        let y = i32::from(ms.year());
                        let m = i32::from(ms.month());
                        if let (Some(a), Some(b)) = (ymd(y, m, i32::from(d1)), ymd(y, m, i32::from(d2))) {
                            if a < b {
                                let from = if self.n(dj) == "-" { k0 } else { i };
                                self.push(out, from, j, V::Days(Some(a), Some(b)), true);
                            }
                        }
                    }
                }
            }
        }
    }

    /// "la fin de juin" as the right side of a range: the end of it.
    fn edge_range_target(&self, k: usize) -> Option<D> {
        let (ej, e) = self.edge_word(k)?;
        let (d, _) = self.edge_target(ej)?;
        let end = d.end?;
        match e {
            Edge::End => Some(D { start: end, ..d }),
            _ => Some(d),
        }
    }

    /// "avant 2000", "après février 2018", "depuis 2019", "depuis demain", "à partir du 7 janvier".
    fn open_ranges(&self, i: usize, out: &mut Vec<Hit>) {
        let w = self.w(i);
        let (k, how) = match w {
            "avant" => (i + 1, -1),
            "apres" => (i + 1, 1),
            "depuis" => (i + 1, 0),
            // "dès le 1er avril", "dès 2025"; "des" is also the plural article.
            "des"
                if matches!(self.w(i + 1), "le" | "la" | "l'")
                    || self.kind(i + 1) == Some(TokKind::Digits)
                    || self.look(&self.t.months, K_MONTH, i + 1).is_some() =>
            {
                (i + 1, 0)
            }
            "partir" if i > 0 && self.w(i - 1) == "a" => (i + 1, 0),
            _ => return,
        };
        let mut k = k;
        if how == 0 && w == "partir" && matches!(self.w(k), "de" | "du" | "d'") {
            k += 1;
        }
        if matches!(self.w(k), "le" | "la" | "l'") {
            k += 1;
        }
        let d = self.date(k).filter(|d| !d.bare_day).or_else(|| {
            // "depuis fin juillet", "après la mi-mai".
            let (ej, e) = self.edge_word(k)?;
            let (d, _) = self.edge_target(ej)?;
            let (s, en) = edge_of(&d, e)?;
            Some(D {
                start: s,
                end: Some(en),
                ..d
            })
        });
        let Some(d) = d else { return };
        // "avant le 15 mai" reads as the date itself (as Recognizers-Text does); only periods
        // ("avant 2000", "après février 2018") and "depuis" make open ranges.
        if how != 0 && d.end.is_none() {
            return;
        }
        let v = match how {
            -1 => V::Days(None, Some(d.start)),
            1 => V::Days(Some(if d.end.is_some() { d.end_excl() } else { d.start }), None),
            _ => V::Days(Some(d.start), None),
        };
        let start = if w == "partir" { i - 1 } else { i };
        self.push(out, start, d.j, v, !d.year_given);
    }

    /// "tous les jours", "chaque lundi", "toutes les trois semaines", "hebdomadaire", "16 heures chaque lundi".
    fn sets(&self, i: usize, out: &mut Vec<Hit>) {
        if let Some(tx) = self.look(&self.t.recurrences, K_RECURRENCE, i) {
            self.push(out, i, i + 1, V::Set(tx.clone()), false);
        }
        // A time before the recurrence.
        if let Some(c) = self.clock(i) {
            if c.j > i {
                let mut k = c.j;
                if self.n(k) == "," {
                    k += 1;
                }
                if let Some((j, tx, daily)) = self.every(k) {
                    let timex = if c.marked || c.hours_only {
                        if daily {
                            c.timex()
                        } else {
                            format!("{tx}{}", c.timex())
                        }
                    } else if daily {
                        tx
                    } else {
                        format!("{tx}{}", c.timex())
                    };
                    if c.marked || c.hours_only || self.time_cue_before(i) {
                        self.push(out, i, j, V::Set(timex), false);
                    }
                }
            }
        }
        if let Some((j, tx, daily)) = self.every(i) {
            // "tous les jours à 15h", "chaque lundi à 16h".
            let mut k = j;
            if matches!(self.w(k), "a" | "vers") {
                k += 1;
                if let Some(c) = self.clock(k) {
                    let timex = if daily { c.timex() } else { format!("{tx}{}", c.timex()) };
                    self.push(out, i, c.j, V::Set(timex), false);
                }
            }
            self.push(out, i, j, V::Set(tx), false);
        }
    }

    /// "chaque lundi", "tous les jours", "toutes les trois semaines": (end, TIMEX, every day).
    fn every(&self, i: usize) -> Option<(usize, String, bool)> {
        let (k, _) = self.t.every.at(self, i)?;
        // "chaque matin", "tous les soirs".
        if let Some((pj, p)) = self.t.parts.at(self, k).or_else(|| {
            // Plurals: "tous les soirs", "tous les matins".
            let w = self.w(k);
            let sing = w.strip_suffix('s')?;
            self.t.parts.p.map.get(sing).map(|p| (k + 1, p))
        }) {
            return Some((pj, format!("T{}", p.code), true));
        }
        if let Some((j, wd)) = self.weekday(k) {
            let mut tx = format!("XXXX-WXX-{wd}");
            let mut j = j;
            if let Some((pj, p)) = self.t.parts.at(self, j) {
                tx.push('T');
                tx.push_str(&p.code);
                j = pj;
            }
            return Some((j, tx, false));
        }
        let (k2, n) = match self.count(k) {
            Some((cj, n)) if n.fract() == 0.0 && n <= 100_000.0 && self.look(&self.t.units, K_UNIT, cj).is_some() => {
                (cj, n as i64)
            }
            _ => (k, 1),
        };
        let g = *self.look(&self.t.units, K_UNIT, k2)?;
        let (p, l, mult) = g.timex_letter()?;
        Some((k2 + 1, format!("{p}{}{l}", n * mult), g == Grain::Day && n == 1))
    }
}

/// "xxe", "xixe", "xxie", "ive": a Roman numeral with an ordinal ending, as centuries are written.
fn roman_ordinal(w: &str) -> Option<i32> {
    let stem = w
        .strip_suffix("eme")
        .or_else(|| w.strip_suffix("e"))
        .or_else(|| w.strip_suffix("er"))?;
    if stem.is_empty() || stem.len() > 8 {
        return None;
    }
    let val = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let mut total = 0i32;
    // At most eight letters: kept on the stack, as most words ending in "e" are no numeral.
    let mut buf = [0i32; 8];
    let mut len = 0;
    for c in stem.chars() {
        buf[len] = val(c)?;
        len += 1;
    }
    let cs = &buf[..len];
    for (k, v) in cs.iter().enumerate() {
        if cs.get(k + 1).is_some_and(|n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0).then_some(total)
}

#[derive(Debug, Clone, Copy)]
enum Comp {
    Num(u32, usize),
    Month(i8),
}

/// The start, middle or end of a period, as Recognizers-Text cuts them.
fn edge_of(d: &D, e: Edge) -> Option<(Date, Date)> {
    let s = d.start;
    let en = d.end?;
    let y = i32::from(s.year());
    Some(match d.grain {
        Grain::Year => match e {
            Edge::Start => (s, ymd(y, 5, 1)?),
            Edge::Mid => (ymd(y, 5, 1)?, ymd(y, 9, 1)?),
            Edge::End => (ymd(y, 9, 1)?, en),
        },
        Grain::Month => {
            let m = i32::from(s.month());
            match e {
                Edge::Start => (s, ymd(y, m, 16)?),
                Edge::Mid => (ymd(y, m, 10)?, ymd(y, m, 21)?),
                Edge::End => (ymd(y, m, 16)?, en),
            }
        }
        Grain::Week => match e {
            Edge::Start => (s, add_days(s, 3)?),
            Edge::Mid => (add_days(s, 1)?, add_days(s, 4)?),
            Edge::End => (add_days(s, 3)?, en),
        },
        Grain::Decade => match e {
            Edge::Start => (s, ymd(y + 4, 1, 1)?),
            Edge::Mid => (ymd(y + 4, 1, 1)?, ymd(y + 7, 1, 1)?),
            Edge::End => (ymd(y + 7, 1, 1)?, en),
        },
        _ => return None,
    })
}

pub fn scan(tk: &Tokens, _nums: &[Num], d: &LangData, reference: Option<DateTime>) -> Vec<Cand> {
    let t = &d.dt.fr;
    if t.months.is_empty() {
        return Vec::new();
    }
    let now = reference.unwrap_or_else(|| jiff::civil::date(2000, 1, 1).at(0, 0, 0, 0));
    let mut hits = Vec::new();
    let lex = t.lex.get_or_init(|| lexicon(t, &d.numbers));
    let cls: Vec<u32> = tk
        .toks
        .iter()
        .map(|x| {
            let c = lex.get(&*x.norm).copied().unwrap_or(0);
            if x.kind == TokKind::Word {
                c
            } else {
                c | K_ALL
            }
        })
        .collect();
    // A word that carries time, or digits.
    let hot: Vec<bool> = tk
        .toks
        .iter()
        .zip(&cls)
        .map(|(x, &c)| match x.kind {
            TokKind::Digits => true,
            TokKind::Word => c & G_CORE != 0,
            TokKind::Punct => false,
        })
        .collect();
    let cx = Cx {
        tk,
        t,
        nw: &d.numbers,
        now,
        today: now.date(),
        memo: std::cell::RefCell::new(vec![None; tk.len()]),
        clock_memo: std::cell::RefCell::new(vec![None; tk.len()]),
        cls,
    };
    let cls = &cx.cls;
    // ... within the next few tokens.
    let soon = |i: usize| hot.iter().skip(i + 1).take(5).any(|&h| h);
    for (i, tok) in tk.toks.iter().enumerate() {
        let c = cls[i];
        let go = match tok.kind {
            TokKind::Digits => true,
            TokKind::Word => {
                c & G_CORE != 0
                    || (c & (G_START | G_NUM) != 0 && (soon(i) || cls.get(i + 1).is_some_and(|&x| x & G_SECOND != 0)))
            }
            TokKind::Punct => false,
        };
        if go {
            cx.scan_at(i, &mut hits);
        }
    }
    hits.into_iter().map(|h| to_cand(tk, h, reference.is_some())).collect()
}

fn to_cand(tk: &Tokens, h: Hit, has_ref: bool) -> Cand {
    let (kind, tv) = match h.v {
        V::Day(d) => (Kind::Date, TimeValue::Point(fmt_date(d))),
        V::Days(s, e) => (
            Kind::Date,
            TimeValue::Interval {
                start: s.map(fmt_date),
                end: e.map(fmt_date),
            },
        ),
        V::Clock(t) => (Kind::Time, TimeValue::Point(fmt_time(t))),
        V::Clocks(s, e) => (
            Kind::Time,
            TimeValue::Interval {
                start: Some(fmt_time(s)),
                end: Some(fmt_time(e)),
            },
        ),
        V::At(dt) => (Kind::Datetime, TimeValue::Point(fmt_datetime(dt))),
        V::Span(s, e) => (
            Kind::Datetime,
            TimeValue::Interval {
                start: s.map(fmt_datetime),
                end: e.map(fmt_datetime),
            },
        ),
        V::Dur(iso, seconds) => (Kind::Duration, TimeValue::Duration { iso, seconds }),
        V::Set(timex) => (Kind::Set, TimeValue::Set { timex }),
        V::Loose => (Kind::Date, TimeValue::Interval { start: None, end: None }),
        V::ClockOpen(s, e) => (
            Kind::Time,
            TimeValue::Interval {
                start: s.map(fmt_time),
                end: e.map(fmt_time),
            },
        ),
    };
    let tv = if h.rel && !has_ref {
        let (s, e) = tk.bytes(h.i, h.j);
        TimeValue::Unresolved {
            unresolved: tk.text.get(s..e).unwrap_or("").to_string(),
        }
    } else {
        tv
    };
    Cand {
        i: h.i,
        j: h.j,
        kind,
        value: Value::Time(tv),
    }
}

#[cfg(test)]
mod probe {
    use crate::datetime::{load_lang, DtTables};
    use crate::{tables, Lang, LangData};

    /// French tables only, so that this module's tests do not depend on the other files.
    pub fn fr_data() -> LangData {
        let mut d = LangData::default();
        let mut en = tables::NumberWords::default();
        tables::load_numbers(
            include_str!("../../../../data/recognize/numbers.toml"),
            &mut d.numbers,
            &mut en,
        )
        .unwrap();
        let mut dt = DtTables::default();
        load_lang(
            include_str!("../../../../data/recognize/datetime-fr.toml"),
            Lang::Fr,
            &mut dt,
        )
        .unwrap();
        d.dt = dt;
        d
    }

    pub fn run(d: &LangData, text: &str, reference: Option<jiff::civil::DateTime>) -> Vec<crate::Recognized> {
        let tk = crate::token::Tokens::new(text);
        let nums = crate::number::scan(&tk, &d.numbers, Lang::Fr);
        let cands = super::scan(&tk, &nums, d, reference);
        crate::to_spans(&tk, crate::settle(cands))
    }
}

#[cfg(test)]
mod tests {
    use super::probe::{fr_data, run};
    use crate::{Kind, TimeValue, Value};

    fn one(text: &str) -> Vec<(String, Kind, TimeValue)> {
        let d = fr_data();
        let reference = Some(jiff::civil::date(2024, 3, 15).at(12, 0, 0, 0));
        run(&d, text, reference)
            .into_iter()
            .map(|r| match r.value {
                Value::Time(tv) => (r.text, r.kind, tv),
                _ => unreachable!(),
            })
            .collect()
    }

    fn p(s: &str) -> TimeValue {
        TimeValue::Point(s.to_string())
    }

    fn iv(a: Option<&str>, b: Option<&str>) -> TimeValue {
        TimeValue::Interval {
            start: a.map(str::to_string),
            end: b.map(str::to_string),
        }
    }

    #[test]
    fn days_of_news() {
        // Reference: Friday 15 March 2024.
        assert_eq!(
            one("Les troupes ont franchi le fleuve le 28 octobre."),
            vec![("28 octobre".into(), Kind::Date, p("2023-10-28"))]
        );
        assert_eq!(
            one("Avant-hier, le barrage a cédé."),
            vec![("Avant-hier".into(), Kind::Date, p("2024-03-13"))]
        );
        assert_eq!(
            one("Mardi dernier, les prix ont grimpé."),
            vec![("Mardi dernier".into(), Kind::Date, p("2024-03-12"))]
        );
        assert_eq!(
            one("Le scrutin du 12 juin 2022 est annulé."),
            vec![("12 juin 2022".into(), Kind::Date, p("2022-06-12"))]
        );
        assert_eq!(
            one("Il y a trois ans, la digue a rompu."),
            vec![("Il y a trois ans".into(), Kind::Date, p("2021-03-15"))]
        );
        // A weekday written with its date picks the year where they agree.
        assert_eq!(
            one("Le vote aura lieu vendredi 22 mars."),
            vec![("vendredi 22 mars".into(), Kind::Date, p("2024-03-22"))]
        );
        // Looking ahead: "d'ici le" names a coming day.
        assert_eq!(
            one("Le texte sera adopté d'ici le 15 avril."),
            vec![("15 avril".into(), Kind::Date, p("2024-04-15"))]
        );
    }

    #[test]
    fn periods() {
        assert_eq!(
            one("Fin 2023, le chômage atteignait 7 %."),
            vec![(
                "Fin 2023".into(),
                Kind::Date,
                iv(Some("2023-09-01"), Some("2024-01-01"))
            )]
        );
        assert_eq!(
            one("Mi-juillet, les pompiers ont reculé."),
            vec![(
                "Mi-juillet".into(),
                Kind::Date,
                iv(Some("2023-07-10"), Some("2023-07-21"))
            )]
        );
        assert_eq!(
            one("L'année dernière, l'inflation a reculé."),
            vec![(
                "L'année dernière".into(),
                Kind::Date,
                iv(Some("2023-01-01"), Some("2024-01-01"))
            )]
        );
        assert_eq!(
            one("Entre janvier et février, 30 000 personnes ont fui."),
            vec![(
                "Entre janvier et février".into(),
                Kind::Date,
                iv(Some("2024-01-01"), Some("2024-02-01"))
            )]
        );
        assert_eq!(
            one("Les ventes ont chuté au premier trimestre 2023."),
            vec![(
                "premier trimestre 2023".into(),
                Kind::Date,
                iv(Some("2023-01-01"), Some("2023-04-01"))
            )]
        );
        assert_eq!(
            one("La guerre dure depuis 2014."),
            vec![("depuis 2014".into(), Kind::Date, iv(Some("2014-01-01"), None))]
        );
        assert_eq!(
            one("La semaine prochaine, le Sénat vote."),
            vec![(
                "La semaine prochaine".into(),
                Kind::Date,
                iv(Some("2024-03-18"), Some("2024-03-25"))
            )]
        );
    }

    #[test]
    fn times_and_date_times() {
        assert_eq!(
            one("Le couvre-feu commence à 22H00."),
            vec![("22H00".into(), Kind::Time, p("22:00:00"))]
        );
        assert_eq!(
            one("Le procès s'ouvre le 5 mai 2024 à 9 h 30."),
            vec![("5 mai 2024 à 9 h 30".into(), Kind::Datetime, p("2024-05-05T09:30:00"))]
        );
        assert_eq!(
            one("Hier soir, le pont a été fermé."),
            vec![(
                "Hier soir".into(),
                Kind::Datetime,
                iv(Some("2024-03-14T20:00:00"), Some("2024-03-14T23:59:59"))
            )]
        );
        assert_eq!(
            one("Les bureaux ouvrent de 8h à 12h."),
            vec![("de 8h à 12h".into(), Kind::Time, iv(Some("08:00:00"), Some("12:00:00")))]
        );
        assert_eq!(
            one("Entre 16h et 17h, le trafic a cessé."),
            vec![(
                "Entre 16h et 17h".into(),
                Kind::Time,
                iv(Some("16:00:00"), Some("17:00:00"))
            )]
        );
    }

    #[test]
    fn durations_sets_and_ages() {
        let dur = |iso: &str, seconds: f64| TimeValue::Duration {
            iso: iso.into(),
            seconds,
        };
        assert_eq!(
            one("Le blocus a duré pendant deux semaines."),
            vec![("deux semaines".into(), Kind::Duration, dur("P2W", 1_209_600.0))]
        );
        assert_eq!(
            one("Les négociations durent depuis trois mois."),
            vec![("depuis trois mois".into(), Kind::Duration, dur("P3M", 7_776_000.0))]
        );
        assert_eq!(
            one("Les grévistes défilent chaque lundi."),
            vec![(
                "chaque lundi".into(),
                Kind::Set,
                TimeValue::Set {
                    timex: "XXXX-WXX-1".into()
                }
            )]
        );
        // Ages are not lengths of time.
        assert!(one("Un soldat de 19 ans a été blessé.").is_empty());
        assert!(one("Le sénateur est mort à 85 ans.").is_empty());
        assert_eq!(one("Il purge une peine de 20 ans.").len(), 1);
        assert_eq!(one("Il a été condamné à 5 ans de prison.").len(), 1);
    }

    #[test]
    fn dates_a_few_weeks_ahead() {
        // Written on 19 October: the 28th of this month is to come, November too.
        let d = fr_data();
        let reference = Some(jiff::civil::date(2024, 10, 19).at(9, 0, 0, 0));
        let got = run(&d, "Le sommet se tiendra le 28 octobre, puis en novembre.", reference);
        let vals: Vec<_> = got.into_iter().map(|r| r.value).collect();
        assert_eq!(
            vals,
            vec![
                Value::Time(p("2024-10-28")),
                Value::Time(iv(Some("2024-11-01"), Some("2024-12-01"))),
            ]
        );
    }

    #[test]
    fn recurrences_with_parts_and_times() {
        assert_eq!(
            one("Le marché se tient tous les samedis matin."),
            vec![(
                "tous les samedis matin".into(),
                Kind::Set,
                TimeValue::Set {
                    timex: "XXXX-WXX-6TMO".into()
                }
            )]
        );
        assert_eq!(
            one("Une navette part chaque soir à 19h."),
            vec![(
                "chaque soir à 19h".into(),
                Kind::Set,
                TimeValue::Set { timex: "T19".into() }
            )]
        );
    }

    #[test]
    fn no_reference_leaves_relative_unresolved() {
        let d = fr_data();
        let got = run(&d, "Hier, la digue a cédé.", None);
        assert_eq!(got.len(), 1);
        assert!(matches!(got[0].value, Value::Time(TimeValue::Unresolved { .. })));
    }

    #[test]
    fn word_salad_does_not_panic() {
        // Pseudo-random strings over the grammar's own words, digits and signs.
        let words = [
            "le",
            "la",
            "de",
            "du",
            "à",
            "entre",
            "et",
            "au",
            "depuis",
            "il",
            "y",
            "a",
            "dans",
            "fin",
            "mi",
            "-",
            "début",
            "lundi",
            "mer",
            ".",
            "mars",
            "sept",
            "2024",
            "99",
            "31",
            "0",
            "24",
            "h",
            "heures",
            "et",
            "demie",
            "moins",
            "quart",
            "prochain",
            "dernière",
            "semaine",
            "mois",
            "an",
            "tous",
            "les",
            "jours",
            "chaque",
            "soir",
            "matin",
            "/",
            ":",
            ",",
            "trimestre",
            "premier",
            "xxe",
            "siècle",
            "1er",
            "pm",
            "jusqu'",
            "avant",
            "après",
            "dès",
            "midi",
            "quelques",
            "années",
            "été",
            "cet",
            "ce",
            "vingt",
        ];
        let d = fr_data();
        let r = Some(jiff::civil::date(2024, 2, 29).at(23, 59, 59, 0));
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..8 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let w = words[(x % words.len() as u64) as usize];
                if x & 0x100 != 0 {
                    s.push(' ');
                }
                s.push_str(w);
            }
            let _ = run(&d, &s, r);
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let d = fr_data();
        let r = Some(jiff::civil::date(2024, 3, 15).at(12, 0, 0, 0));
        for s in [
            "il y a 99999999999999999999 ans",
            "dans 1e300 heures",
            "toutes les 4000000000000 semaines",
            "les 99999999 derniers jours",
            "le 31/02/9999 à 99h99",
            "entre le 31 et le",
            "de 23 à",
            "fin de",
            "mi-",
            "lundi 0",
            "9999-99",
            "29/2-1/3/2100",
            "à 24h00",
            "années 2090",
        ] {
            let _ = run(&d, s, r);
            let _ = run(&d, s, None);
        }
    }
}
