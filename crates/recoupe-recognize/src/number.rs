//! Cardinal and ordinal numbers, fractions, written in digits or in words.
//!
//! Hand-written because no crate reads French number words (vingt et un, quatre-vingt-dix,
//! septante, mille cinq cents) or the separators newsrooms use (12 000 with a narrow
//! no-break space, 12.000, 1,5 million): the grammar is a small state machine over
//! tokens, the words come from `data/recognize/numbers.toml`.

use crate::tables::{NumberWords, WordClass};
use crate::token::{TokKind, Tokens};
use crate::Lang;

/// What a number phrase denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    Cardinal,
    Ordinal,
    Fraction,
}

/// A number phrase: tokens `i..j`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub i: usize,
    pub j: usize,
    pub value: f64,
    pub kind: NumKind,
    /// Written (at least partly) in words.
    pub spelled: bool,
}

fn is_space_sep(gap: &str) -> bool {
    let mut n = 0;
    for c in gap.chars() {
        if !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}') {
            return false;
        }
        n += 1;
    }
    n == 1
}

/// Reads a number at token `i`, in digits or words, with its sign, suffix and scale word.
/// Memoised per token (for the first language asked about this text).
pub fn number_at(tk: &Tokens, i: usize, nw: &NumberWords, lang: Lang) -> Option<Num> {
    {
        let cache = tk.num_cache.borrow();
        if cache.0 == Some(lang) {
            if let Some(Some(hit)) = cache.1.get(i) {
                return *hit;
            }
        }
    }
    let n = number_at_uncached(tk, i, nw, lang);
    let mut cache = tk.num_cache.borrow_mut();
    if cache.0.is_none() {
        cache.0 = Some(lang);
        cache.1 = vec![None; tk.len()];
    }
    if cache.0 == Some(lang) {
        if let Some(slot) = cache.1.get_mut(i) {
            *slot = Some(n);
        }
    }
    n
}

fn number_at_uncached(tk: &Tokens, i: usize, nw: &NumberWords, lang: Lang) -> Option<Num> {
    let t = tk.toks.get(i)?;
    match t.kind {
        TokKind::Digits => {
            let d = digits_at(tk, i, i, 1.0, nw, lang);
            // "3 hundred and 21", "4 thousand 3 hundred": digits inside a written number.
            if matches!(
                nw.words.get(tk.w(i + 1)),
                Some(WordClass::Hundred | WordClass::Scale(_))
            ) {
                if let Some(w) = words_at(tk, i, nw, lang) {
                    if d.is_none_or(|d| w.j > d.j) {
                        return Some(w);
                    }
                }
            }
            d
        }
        TokKind::Punct => {
            let c = t.punct()?;
            if let Some(v) = vulgar(c) {
                return Some(Num {
                    i,
                    j: i + 1,
                    value: v,
                    kind: NumKind::Fraction,
                    spelled: false,
                });
            }
            // ".08", ",23": a decimal without its leading zero.
            if (c == '.' || c == ',')
                && (i == 0 || tk.spaced(i))
                && !tk.spaced(i + 1)
                && tk.toks.get(i + 1).is_some_and(|d| d.is_digits())
            {
                let decimal = if lang == Lang::Fr { ',' } else { '.' };
                if c == decimal
                    && tk.toks.get(i + 2).is_none_or(|n| {
                        n.kind != TokKind::Punct
                            || tk.spaced(i + 2)
                            || matches!(&*n.norm, "%" | ")" | ";" | ":" | "!" | "?")
                    })
                {
                    let v: f64 = format!("0.{}", tk.toks[i + 1].text).parse().ok()?;
                    return Some(Num {
                        i,
                        j: i + 2,
                        value: v,
                        kind: NumKind::Cardinal,
                        spelled: false,
                    });
                }
            }
            if !matches!(c, '-' | '−' | '+' | '–') || c == '–' {
                return None;
            }
            // A sign only where a number cannot be the right operand of a hyphen: "2015-10" is no -10.
            if i > 0 {
                let prev = &tk.toks[i - 1];
                let after_symbol = matches!(&*prev.norm, "<" | ">" | "=" | "(" | "≤" | "≥" | "[" | "/" | "~");
                if (!tk.spaced(i) && !after_symbol)
                    || prev.kind == TokKind::Digits
                    || nw.words.contains_key(&*prev.norm)
                {
                    return None;
                }
            }
            let next = tk.toks.get(i + 1)?;
            if next.kind != TokKind::Digits || tk.gap_before(i + 1).chars().count() > 1 {
                return None;
            }
            let sign = if c == '+' { 1.0 } else { -1.0 };
            digits_at(tk, i, i + 1, sign, nw, lang)
        }
        TokKind::Word => words_at(tk, i, nw, lang),
    }
}

/// Digits with group and decimal separators, starting at token `k` (the sign, if any, at `i`).
fn digits_at(tk: &Tokens, i: usize, k: usize, sign: f64, nw: &NumberWords, lang: Lang) -> Option<Num> {
    // Digits glued to letters ("A380", "G7", "COVID-19") are names, not quantities.
    if k > 0 && !tk.spaced(k) {
        let p = &tk.toks[k - 1];
        if p.kind == TokKind::Word || p.kind == TokKind::Digits {
            return None;
        }
        if p.kind == TokKind::Punct
            && k >= 2
            && !tk.spaced(k - 1)
            && tk.toks[k - 2].kind == TokKind::Word
            && p.norm == "-"
            && !nw.suffixes.contains_key(&*tk.toks[k - 2].norm)
        {
            return None;
        }
    }
    // The next part of a dotted sequence ("192.168.1.2", "22,24,26"): a bare group.
    if k >= 2
        && !tk.spaced(k)
        && tk.toks[k - 2].kind == TokKind::Digits
        && !tk.spaced(k - 1)
        && matches!(&*tk.toks[k - 1].norm, "." | ",")
    {
        return Some(Num {
            i,
            j: k + 1,
            value: tk.toks[k].text.parse().ok()?,
            kind: NumKind::Cardinal,
            spelled: false,
        });
    }
    // Collect groups: digits (sep digits)*
    let mut groups: Vec<&str> = vec![tk.toks[k].text];
    let mut seps: Vec<char> = Vec::new();
    let mut end = k + 1;
    while let Some(next) = tk.toks.get(end) {
        if let Some(c) = next.punct() {
            if matches!(c, ',' | '.' | '\'' | '’')
                && !tk.spaced(end)
                && tk.toks.get(end + 1).is_some_and(|d| d.kind == TokKind::Digits)
                && !tk.spaced(end + 1)
            {
                seps.push(if c == '’' { '\'' } else { c });
                groups.push(tk.toks[end + 1].text);
                end += 2;
                continue;
            }
        } else if next.kind == TokKind::Digits && next.text.len() == 3 && is_space_sep(tk.gap_before(end)) {
            seps.push(' ');
            groups.push(next.text);
            end += 1;
            continue;
        }
        break;
    }
    let (value, used, integer) = interpret(&groups, &seps, lang);
    let mut j = k + 1 + tokens_for(&seps[..used - 1]);
    let mut value = value * sign;
    let mut kind = NumKind::Cardinal;

    // "-4/5", "3/4": a fraction, unless it is a date ("10/12/2024").
    if integer && used == 1 {
        if let (Some(sl), Some(d)) = (tk.toks.get(j), tk.toks.get(j + 1)) {
            if sl.norm == "/" && d.kind == TokKind::Digits && !tk.spaced(j) && !tk.spaced(j + 1) {
                let after = tk.toks.get(j + 2);
                let date_like = after.is_some_and(|a| a.norm == "/" || a.norm == "-" || a.norm == ".");
                let den: f64 = d.text.parse().unwrap_or(0.0);
                if !date_like && den != 0.0 && d.text.len() <= 4 {
                    return Some(Num {
                        i,
                        j: j + 2,
                        value: value / den,
                        kind: NumKind::Fraction,
                        spelled: false,
                    });
                }
            }
        }
    }
    // Powers: "1e10", "-12e-1", "1.1^23", "6.23x10^-4".
    if let Some((exp_base, exp, e)) = power_at(tk, j) {
        let base = value.abs();
        let v = if exp_base == 10.0 {
            base * 10f64.powf(exp)
        } else {
            base.powf(exp)
        };
        if v.is_finite() {
            return Some(Num {
                i,
                j: e,
                value: v.copysign(value),
                kind: NumKind::Cardinal,
                spelled: false,
            });
        }
    }
    // "2 1/4", "2½": a whole number and a fraction.
    if integer && used == 1 {
        if let Some(v) = tk.toks.get(j).and_then(|t| t.punct()).and_then(vulgar) {
            if tk.gap_before(j).chars().count() <= 2 {
                return Some(Num {
                    i,
                    j: j + 1,
                    value: value + v.copysign(value),
                    kind: NumKind::Fraction,
                    spelled: false,
                });
            }
        }
        if tk.spaced(j) && tk.gap_before(j).chars().count() <= 2 {
            if let Some(f) = digits_at(tk, j, j, 1.0, nw, lang) {
                if f.kind == NumKind::Fraction && f.value > 0.0 && f.value < 1.0 {
                    return Some(Num {
                        i,
                        j: f.j,
                        value: value + f.value.copysign(value),
                        kind: NumKind::Fraction,
                        spelled: false,
                    });
                }
            }
        }
    }
    // "3 dozens", "2 douzaines".
    if integer {
        if let Some(m) = nw.multiples.get(tk.w(j)) {
            if tk.spaced(j) {
                return Some(Num {
                    i,
                    j: j + 1,
                    value: value * m,
                    kind: NumKind::Cardinal,
                    spelled: false,
                });
            }
        }
    }
    // "1 over 3", "1 sur trois", "1 in twenty-one".
    if integer && used == 1 && tk.spaced(j) {
        if let Some(e) = over_at(tk, j) {
            if let Some(den) = number_at(tk, e, nw, lang) {
                if den.kind == NumKind::Cardinal && den.value > value.abs() {
                    return Some(Num {
                        i,
                        j: den.j,
                        value: value / den.value,
                        kind: NumKind::Fraction,
                        spelled: false,
                    });
                }
            }
        }
    }
    // Ordinal suffix glued to the digits: "4th", "1er", "4e", "21st".
    if integer {
        if let Some(w) = tk.toks.get(j) {
            if w.kind == TokKind::Word && !tk.spaced(j) && nw.ordinal_suffixes.iter().any(|s| *s == *w.norm) {
                let after_ok = tk
                    .toks
                    .get(j + 1)
                    .is_none_or(|a| a.kind != TokKind::Word || tk.spaced(j + 1));
                if after_ok {
                    kind = NumKind::Ordinal;
                    j += 1;
                    return Some(Num {
                        i,
                        j,
                        value,
                        kind,
                        spelled: false,
                    });
                }
            }
        }
    }
    // Suffix glued ("12k", "3bn") or a scale word ("1,5 million", "10 mille", "3 hundred").
    if let Some(w) = tk.toks.get(j) {
        if w.kind == TokKind::Word {
            let gap = tk.gap_before(j);
            if gap.is_empty() {
                if let Some(m) = nw.suffixes.get(&*w.norm).or_else(|| nw.suffixes_exact.get(w.text)) {
                    value *= m;
                    j += 1;
                }
            } else if gap.chars().count() <= 2 {
                match nw.words.get(&*w.norm) {
                    Some(WordClass::Scale(s)) => {
                        value *= s;
                        j += 1;
                    }
                    Some(WordClass::Hundred) if value.fract() == 0.0 && value < 100.0 => {
                        value *= 100.0;
                        j += 1;
                    }
                    _ if w.norm == "k" => {
                        value *= 1000.0;
                        j += 1;
                    }
                    _ => {}
                }
            }
        }
    }
    let _ = &mut kind;
    Some(Num {
        i,
        j,
        value,
        kind,
        spelled: false,
    })
}

/// Unicode vulgar fractions.
fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}

/// An exponent glued after a number: `e10`, `e-1`, `^23`, `^-1`, `^--23`, `x10^6`.
/// Returns (10 for scientific notation or 0 for a power of the number itself, exponent, end).
fn power_at(tk: &Tokens, j: usize) -> Option<(f64, f64, usize)> {
    let t = tk.toks.get(j)?;
    if tk.spaced(j) {
        return None;
    }
    let signed = |mut k: usize| -> Option<(f64, usize)> {
        let mut neg = false;
        while let Some(c) = tk.toks.get(k).and_then(|t| t.punct()) {
            if (c == '-' || c == '+' || c == '−') && !tk.spaced(k) {
                neg ^= c != '+';
                k += 1;
            } else {
                break;
            }
        }
        let d = tk.toks.get(k)?;
        if d.kind != TokKind::Digits || tk.spaced(k) || d.text.len() > 3 {
            return None;
        }
        let v: f64 = d.text.parse().ok()?;
        Some((if neg { -v } else { v }, k + 1))
    };
    match &*t.norm {
        "e" => signed(j + 1).map(|(e, k)| (10.0, e, k)),
        "^" => signed(j + 1).map(|(e, k)| (0.0, e, k)),
        "x" | "×" => {
            let ten = tk.toks.get(j + 1)?;
            if ten.text != "10" || tk.spaced(j + 1) || tk.n(j + 2) != "^" || tk.spaced(j + 2) {
                return None;
            }
            signed(j + 3).map(|(e, k)| (10.0, e, k))
        }
        _ => None,
    }
}

fn tokens_for(seps: &[char]) -> usize {
    seps.iter().map(|&s| if s == ' ' { 1 } else { 2 }).sum()
}

/// Reads digit groups and separators; returns the value and how many groups belong to it.
fn interpret(groups: &[&str], seps: &[char], lang: Lang) -> (f64, usize, bool) {
    let first = groups[0];
    let parse = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    if seps.is_empty() {
        return (parse(first), 1, true);
    }
    // Which separator is the decimal mark, if any: the last of two kinds, else by language.
    let has_dot = seps.contains(&'.');
    let has_comma = seps.contains(&',');
    let decimal: Option<char> = if has_dot && has_comma {
        let last = *seps.iter().rev().find(|s| **s == '.' || **s == ',').unwrap_or(&'.');
        Some(last)
    } else if has_dot || has_comma {
        let c = if has_dot { '.' } else { ',' };
        let n = seps.iter().filter(|s| **s == c).count();
        let pos = seps.iter().position(|s| *s == c).unwrap_or(0);
        let next_len = groups[pos + 1].len();
        let group_ok = next_len == 3
            && groups[..=pos]
                .iter()
                .enumerate()
                .all(|(gi, g)| if gi == 0 { g.len() <= 3 } else { g.len() == 3 });
        if n > 1 && ((lang == Lang::En && c == '.') || (lang == Lang::Fr && c == ',')) {
            // "192.168.1.2" in English, "1,2,3" in French: not one number.
            return (parse(first), 1, true);
        } else if n > 1 {
            None
        } else {
            match (lang, c) {
                (Lang::En, ',') | (Lang::Fr, '.') if group_ok && !groups[0].starts_with('0') => None,
                (Lang::En, ',') if group_ok => None,
                _ => Some(c),
            }
        }
    } else {
        None
    };
    let mut int = String::from(first);
    let mut frac = String::new();
    let mut used = 1;
    for (gi, &s) in seps.iter().enumerate() {
        let g = groups[gi + 1];
        if Some(s) == decimal {
            frac.push_str(g);
            used += 1;
            break;
        }
        // A group separator: every group has three digits and the first at most three.
        if g.len() != 3 || first.len() > 3 || (s != ' ' && s != '\'' && s != '.' && s != ',') {
            break;
        }
        if s == ' ' && !frac.is_empty() {
            break;
        }
        int.push_str(g);
        used += 1;
    }
    let v = if frac.is_empty() {
        parse(&int)
    } else {
        parse(&format!("{int}.{frac}"))
    };
    (v, used, frac.is_empty())
}

/// The running value of a number phrase: what has been closed by a scale word
/// ("deux millions") and what is still open ("trois cent vingt").
#[derive(Debug, Clone, Copy)]
struct Acc {
    total: f64,
    current: f64,
    last: Option<WordClass>,
    last_scale: f64,
    prev: Option<WordClass>,
}

impl Acc {
    fn new() -> Self {
        Acc {
            total: 0.0,
            current: 0.0,
            last: None,
            last_scale: f64::INFINITY,
            prev: None,
        }
    }
    fn value(&self) -> f64 {
        self.total + self.current
    }
    /// Adds one word (or a small digit group, as `Unit` with its value) if the grammar allows it.
    fn push(&mut self, class: WordClass, lang: Lang) -> bool {
        if !allowed(self.last, class, self.current, lang)
            || matches!(class, WordClass::Scale(s) if s >= self.last_scale)
        {
            return false;
        }
        // "3 hundred and 2 hundred" is two numbers: digits take "hundred" only at the start.
        if matches!(class, WordClass::Hundred)
            && matches!(self.last, Some(WordClass::Digits(_)))
            && matches!(self.prev, Some(WordClass::Hundred))
        {
            return false;
        }
        self.prev = self.last;
        match class {
            WordClass::Zero => {}
            WordClass::Unit(v) | WordClass::Teen(v) | WordClass::Digits(v) => self.current += v,
            WordClass::Ten(v) => {
                // "quatre-vingt(s)": four twenties.
                if lang == Lang::Fr
                    && v == 20.0
                    && self.last == Some(WordClass::Unit(4.0))
                    && self.current % 100.0 == 4.0
                {
                    self.current += 76.0;
                } else {
                    self.current += v;
                }
            }
            WordClass::Hundred => self.current = self.current.max(1.0) * 100.0,
            WordClass::Scale(s) => {
                self.total += self.current.max(1.0) * s;
                self.current = 0.0;
                self.last_scale = s;
            }
        }
        self.last = Some(class);
        true
    }
}

/// The grammatical class of a word, and whether it is an ordinal (and a plural one, "fifths").
fn word_class(w: &str, nw: &NumberWords) -> Option<(WordClass, bool, bool)> {
    if let Some(c) = nw.words.get(w) {
        return Some((*c, false, false));
    }
    if let Some(c) = nw.ordinals.get(w) {
        return Some((*c, true, false));
    }
    // French ordinals misspelt by one letter ("dizième" for "dixième"): the -ième ending
    // says it is an ordinal; scraped and machine-translated news has such slips.
    if w.len() >= 6 && (w.ends_with("ieme") || w.ends_with("iemes")) {
        let sing = w.strip_suffix('s').unwrap_or(w);
        if let Some(c) = nw
            .ordinals
            .iter()
            .find(|(k, _)| k.ends_with("ieme") && one_edit(k, sing))
            .map(|(_, c)| *c)
        {
            return Some((c, true, sing.len() != w.len()));
        }
    }
    // Plural ordinals are denominators ("three fifths", "deux cinquièmes"); "seconds" is time.
    let sing = w.strip_suffix('s')?;
    if sing == "second" || sing == "seconde" {
        return None;
    }
    nw.ordinals.get(sing).map(|c| (*c, true, true))
}

/// True when `a` and `b` differ by one substituted, inserted or deleted byte.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if a.len() == b.len() {
        a[p + 1..] == b[p + 1..]
    } else if a.len() > b.len() {
        a[p + 1..] == b[p..]
    } else {
        a[p..] == b[p + 1..]
    }
}

/// Ordinals inside "forty two and a third": the fraction is the number, "third" is also an
/// ordinal word, which a reader of ordinals expects to find.
pub fn ordinals_in_fractions(tk: &Tokens, nums: &[Num], nw: &NumberWords, lang: Lang) -> Vec<Num> {
    let mut out = Vec::new();
    for n in nums.iter().filter(|n| n.kind == NumKind::Fraction && n.spelled) {
        for p in n.i..n.j.saturating_sub(2) {
            if nw.joiners.iter().any(|j| j == tk.w(p)) && nw.indefinite.iter().any(|a| a == tk.w(p + 1)) {
                if let Some(ph) = phrase_at(tk, p + 2, nw, lang, false) {
                    if ph.ordinal && !ph.plural && ph.j == n.j {
                        out.push(Num {
                            i: p + 2,
                            j: n.j,
                            value: ph.acc.value(),
                            kind: NumKind::Ordinal,
                            spelled: true,
                        });
                    }
                }
            }
        }
    }
    out
}

/// One number phrase in words (and small digit groups: "3 hundred and 21", "4 thousand").
#[derive(Debug, Clone, Copy)]
struct Phrase {
    j: usize,
    acc: Acc,
    ordinal: bool,
    plural: bool,
    /// Value and end before the last joiner ("one hundred | and three"), for "and three quarters".
    before_joiner: Option<(f64, usize, Option<WordClass>)>,
    /// Token index of each word, for splitting "one hundred | thirty fifths".
    starts: [usize; 24],
    n: usize,
}

fn phrase_at(tk: &Tokens, i: usize, nw: &NumberWords, lang: Lang, allow_digits: bool) -> Option<Phrase> {
    let mut acc = Acc::new();
    let mut k = i;
    let mut end = None;
    let mut ordinal = false;
    let mut plural = false;
    let mut before_joiner = None;
    let mut starts = [0usize; 24];
    let mut n = 0;
    while let Some(t) = tk.toks.get(k) {
        let (class, is_ord, is_pl) = match t.kind {
            TokKind::Word => match word_class(&t.norm, nw) {
                Some(c) => c,
                None => break,
            },
            // Digits join words only as a group before or after a scale word ("3 hundred and 21").
            TokKind::Digits if allow_digits && t.text.len() <= 3 && digits_plain(tk, k) => {
                let v: f64 = t.text.parse().unwrap_or(0.0);
                let next_scale = matches!(
                    nw.words.get(tk.w(k + 1)),
                    Some(WordClass::Hundred | WordClass::Scale(_))
                );
                if !(next_scale || matches!(acc.last, Some(WordClass::Hundred | WordClass::Scale(_)))) {
                    break;
                }
                (WordClass::Digits(v), false, false)
            }
            _ => break,
        };
        if !acc.push(class, lang) {
            break;
        }
        if n < starts.len() {
            starts[n] = k;
            n += 1;
        }
        k += 1;
        end = Some(k);
        if is_ord {
            ordinal = true;
            plural = is_pl;
            break;
        }
        if matches!(class, WordClass::Zero) {
            break;
        }
        // A hyphen between two number words ("vingt-quatre", "fifty - two").
        if tk.n(k) == "-"
            && word_class(tk.w(k + 1), nw).is_some()
            && tk.gap_before(k).len() <= 1
            && tk.gap_before(k + 1).len() <= 1
        {
            k += 1;
            continue;
        }
        // A joiner where the grammar allows one ("one hundred and five", "vingt et un").
        if nw.joiners.iter().any(|j| j == tk.w(k)) {
            let after = tk.w(k + 1);
            let next = word_class(after, nw).map(|c| c.0).or_else(|| {
                (allow_digits
                    && tk
                        .toks
                        .get(k + 1)
                        .is_some_and(|t| t.kind == TokKind::Digits && t.text.len() <= 3))
                .then_some(WordClass::Digits(1.0))
            });
            let ok = match lang {
                Lang::En => {
                    matches!(class, WordClass::Hundred | WordClass::Scale(_))
                        && matches!(
                            next,
                            Some(WordClass::Unit(_) | WordClass::Teen(_) | WordClass::Ten(_) | WordClass::Digits(_))
                        )
                }
                Lang::Fr => {
                    matches!(class, WordClass::Ten(_)) && matches!(after, "un" | "une" | "onze" | "unieme" | "onzieme")
                }
            };
            if ok {
                before_joiner = Some((acc.value(), k, acc.last));
                k += 1;
                continue;
            }
        }
    }
    let j = end?;
    Some(Phrase {
        j,
        acc,
        ordinal,
        plural,
        before_joiner,
        starts,
        n,
    })
}

/// A digit group that is not part of a larger written number ("12 000", "1.5").
fn digits_plain(tk: &Tokens, k: usize) -> bool {
    let glued = |x: usize| {
        tk.toks
            .get(x)
            .is_some_and(|t| t.kind == TokKind::Punct && matches!(&*t.norm, "," | "." | "'" | "/" | "^"))
            && !tk.spaced(x)
    };
    !glued(k + 1) && (k == 0 || !glued(k - 1) || tk.spaced(k))
}

/// Reads a suffix of `ph` as its own number ending in the ordinal (the denominator of
/// "one hundred thirty fifths"): the longest suffix leaving a numerator in front.
fn split_denominator(tk: &Tokens, ph: &Phrase, nw: &NumberWords, lang: Lang) -> Option<(f64, f64)> {
    for cut in 1..ph.n {
        let start = ph.starts[cut];
        // French writes a compound ordinal with hyphens ("trente-cinquièmes"); with a space it is two numbers.
        if lang == Lang::Fr
            && tk.spaced(start)
            && tk.n(start - 1) != "-"
            && (start..ph.j).any(|x| tk.spaced(x) && tk.n(x - 1) != "-" && x > start)
        {
            continue;
        }
        // The denominator is "thirty fifths" or "trillionths", never "five hundred fifths":
        // a hundred or a scale word belongs to the numerator ("ninety-five hundred | fifths").
        let big = |x: usize| {
            matches!(
                word_class(tk.w(x), nw),
                Some((WordClass::Hundred | WordClass::Scale(_), false, _))
            )
        };
        if (start..ph.j).any(big)
            || (matches!(
                word_class(tk.w(start), nw),
                Some((WordClass::Hundred | WordClass::Scale(_), _, _))
            ) && start + 1 < ph.j)
        {
            continue;
        }
        let den = phrase_at(tk, start, nw, lang, false)?;
        if den.j != ph.j || !den.ordinal {
            continue;
        }
        let num = phrase_at(tk, ph.starts[0], nw, lang, true)?;
        if num.j > start {
            // The numerator must end where the denominator starts.
            let mut acc = Acc::new();
            let mut ok = true;
            for w in &ph.starts[..cut] {
                let c = word_class(tk.w(*w), nw)
                    .map(|c| c.0)
                    .or_else(|| tk.toks.get(*w).and_then(|t| t.text.parse().ok()).map(WordClass::Digits));
                ok &= c.is_some_and(|c| acc.push(c, lang));
            }
            if !ok {
                continue;
            }
            return Some((acc.value(), den.acc.value()));
        }
        return Some((num.acc.value(), den.acc.value()));
    }
    None
}

/// Number words: "vingt et un", "quatre-vingt-dix-sept", "twelve thousand", "a dozen",
/// "three quarters", "two hundred point zero three", and ordinals ending the phrase
/// ("vingt et unième", "twenty-first").
fn words_at(tk: &Tokens, i: usize, nw: &NumberWords, lang: Lang) -> Option<Num> {
    let t0 = tk.toks.get(i)?;
    let w0 = &*t0.norm;
    if t0.kind == TokKind::Word && !nw.starts.contains(w0) && !w0.ends_with("ieme") && !w0.ends_with("iemes") {
        return None;
    }
    // A negative word before a number: "minus five", "negative ten".
    if nw.negative.iter().any(|n| n == w0) {
        let n = number_at(tk, i + 1, nw, lang)?;
        if n.kind == NumKind::Ordinal || n.value < 0.0 {
            return None;
        }
        return Some(Num {
            i,
            j: n.j,
            value: -n.value,
            kind: n.kind,
            spelled: true,
        });
    }
    // "half a dozen", "half million", "quarter million", "demi-million".
    if let Some(d) = nw.denominators.get(w0) {
        let mut k = i + 1;
        if tk.n(k) == "-" && !tk.spaced(k) {
            k += 1;
        }
        if nw.indefinite.iter().any(|a| a == tk.w(k)) {
            if let Some(m) = nw.multiples.get(tk.w(k + 1)) {
                return Some(Num {
                    i,
                    j: k + 2,
                    value: m / d,
                    kind: NumKind::Cardinal,
                    spelled: true,
                });
            }
        }
        if let Some(WordClass::Scale(s)) = nw.words.get(tk.w(k)) {
            return Some(Num {
                i,
                j: k + 1,
                value: s / d,
                kind: NumKind::Fraction,
                spelled: true,
            });
        }
    }
    // "a hundred", "a dozen", "a half", "a twenty-first": the article counts as one.
    let (start, indefinite) = if nw.indefinite.iter().any(|a| a == w0) {
        (i + 1, true)
    } else {
        (i, false)
    };
    if indefinite {
        let next = tk.w(start);
        if let Some(m) = nw.multiples.get(next) {
            return Some(Num {
                i,
                j: start + 1,
                value: *m,
                kind: NumKind::Cardinal,
                spelled: true,
            });
        }
        if let Some(d) = nw.denominators.get(next) {
            if next.ends_with('s') {
                return None;
            }
            return Some(Num {
                i,
                j: start + 1,
                value: 1.0 / d,
                kind: NumKind::Fraction,
                spelled: true,
            });
        }
        let ok = matches!(nw.words.get(next), Some(WordClass::Hundred | WordClass::Scale(_)))
            || nw.multiples.contains_key(next)
            || phrase_at(tk, start, nw, lang, false).is_some_and(|p| p.ordinal);
        if !ok {
            return None;
        }
    }
    // "a" stands for "one" in front of what follows.
    let ph = phrase_at(tk, start, nw, lang, !indefinite)?;
    if indefinite && ph.ordinal && !ph.plural {
        // "a twenty-first", "a hundredth".
        // "a first class seat", "a second time" are not fractions.
        let d = ph.acc.value();
        if d < 3.0 {
            return None;
        }
        return Some(Num {
            i,
            j: ph.j,
            value: 1.0 / d,
            kind: NumKind::Fraction,
            spelled: true,
        });
    }
    // A digit group alone is not a word number.
    if !indefinite && tk.toks[i].kind == TokKind::Digits && ph.n == 1 {
        return None;
    }
    let mut j = ph.j;
    let mut value = ph.acc.value();
    if ph.ordinal {
        if ph.plural {
            // "one hundred thirty fifths": numerator and denominator.
            if let Some((num, den)) = split_denominator(tk, &ph, nw, lang) {
                if den != 0.0 {
                    return Some(Num {
                        i,
                        j,
                        value: num / den,
                        kind: NumKind::Fraction,
                        spelled: true,
                    });
                }
            }
            return None;
        }
        return Some(Num {
            i,
            j,
            value,
            kind: NumKind::Ordinal,
            spelled: true,
        });
    }
    // "trois douzaines", "a dozen", "three hundred and two dozens".
    if let Some(m) = nw.multiples.get(tk.w(j)) {
        let v = match ph.before_joiner {
            Some((b, _, _)) => b + (value - b) * m,
            None => value * m,
        };
        return Some(Num {
            i,
            j: j + 1,
            value: v,
            kind: NumKind::Cardinal,
            spelled: true,
        });
    }
    // Decimal words: "two hundred point zero three", "deux cent virgule cinquante deux".
    if matches!(tk.w(j), "point" | "virgule") {
        let mut digits = String::new();
        let mut k = j + 1;
        while let Some(p) = phrase_at(tk, k, nw, lang, false) {
            if p.ordinal || p.acc.value() >= 1000.0 {
                break;
            }
            digits.push_str(&format!("{}", p.acc.value() as u64));
            k = p.j;
        }
        if !digits.is_empty() {
            if let Ok(v) = format!("{}.{}", value as u64, digits).parse::<f64>() {
                return Some(Num {
                    i,
                    j: k,
                    value: v,
                    kind: NumKind::Fraction,
                    spelled: true,
                });
            }
        }
    }
    // "one twenty-fifth", "un vingt-cinquième", "three quarters": numerator, then denominator.
    // A hyphen may stand between them: "one - fourth".
    let dj = if tk.n(j) == "-" && tk.gap_before(j).len() <= 1 {
        j + 1
    } else {
        j
    };
    if value > 0.0 {
        if let Some(d) = nw.denominators.get(tk.w(dj)) {
            if !tk.w(dj).starts_with("second") {
                let mut v = joined_value(&ph, value, *d);
                let j = dj;
                let mut e = j + 1;
                // "two thirds of a million".
                if tk.w(e) == "of" && nw.indefinite.iter().any(|a| a == tk.w(e + 1)) {
                    if let Some(WordClass::Scale(s)) = nw.words.get(tk.w(e + 2)) {
                        v *= s;
                        e += 3;
                    }
                }
                return Some(Num {
                    i,
                    j: e,
                    value: v,
                    kind: NumKind::Fraction,
                    spelled: true,
                });
            }
        }
        if let Some(den) = phrase_at(tk, dj, nw, lang, false) {
            let d = den.acc.value();
            if den.ordinal && d > 1.0 {
                let v = joined_value(&ph, value, d);
                return Some(Num {
                    i,
                    j: den.j,
                    value: v,
                    kind: NumKind::Fraction,
                    spelled: true,
                });
            }
        }
    }
    // "one over 20", "un sur trois", "two out of five hundred", "1 in twenty-one".
    if let Some(e) = over_at(tk, j) {
        if let Some(den) = number_at(tk, e, nw, lang) {
            if den.kind == NumKind::Cardinal && den.value != 0.0 && value < den.value {
                return Some(Num {
                    i,
                    j: den.j,
                    value: value / den.value,
                    kind: NumKind::Fraction,
                    spelled: true,
                });
            }
        }
    }
    // "three and one fourth", "five and a half million", "un million et demi".
    if nw.joiners.iter().any(|x| x == tk.w(j)) {
        if let Some((add, e)) = joined_fraction(tk, j + 1, nw, lang, &ph) {
            value += add;
            j = e;
            return Some(Num {
                i,
                j,
                value,
                kind: NumKind::Fraction,
                spelled: true,
            });
        }
    }
    Some(Num {
        i,
        j,
        value,
        kind: NumKind::Cardinal,
        spelled: true,
    })
}

/// "one hundred and three quarters" is 100¾ but "one hundred and thirty-two fifths" is 132/5:
/// what follows the joiner is a fraction only when it is a proper one; after a scale word the
/// fraction is of that scale ("five billion and three quarters").
fn joined_value(ph: &Phrase, value: f64, d: f64) -> f64 {
    match ph.before_joiner {
        Some((b, _, last)) if value - b < d => match last {
            Some(WordClass::Scale(s)) => b + (value - b) / d * s,
            _ => b + (value - b) / d,
        },
        _ => value / d,
    }
}

/// The word linking a numerator to its denominator: "over", "sur", "out of", "in".
fn over_at(tk: &Tokens, j: usize) -> Option<usize> {
    match tk.w(j) {
        "over" | "sur" => Some(j + 1),
        "in" => Some(j + 1),
        "out" if tk.w(j + 1) == "of" => Some(j + 2),
        _ => None,
    }
}

/// After "and"/"et": "a half", "one fourth", "trois cinquièmes", "demi" — with a scale word after
/// ("five and a half million") or before ("one million and a half") scaling the fraction.
fn joined_fraction(tk: &Tokens, k: usize, nw: &NumberWords, lang: Lang, ph: &Phrase) -> Option<(f64, usize)> {
    let (frac, e) = if let Some(d) = nw.denominators.get(tk.w(k)) {
        (1.0 / d, k + 1)
    } else if nw.indefinite.iter().any(|a| a == tk.w(k)) {
        match nw.denominators.get(tk.w(k + 1)) {
            Some(d) => (1.0 / d, k + 2),
            None => {
                let p = phrase_at(tk, k + 1, nw, lang, false)?;
                if !p.ordinal || p.plural || p.acc.value() <= 1.0 {
                    return None;
                }
                (1.0 / p.acc.value(), p.j)
            }
        }
    } else {
        let n = words_at(tk, k, nw, lang)?;
        if n.kind != NumKind::Fraction || n.value >= 1.0 {
            return None;
        }
        (n.value, n.j)
    };
    if let Some(WordClass::Scale(s)) = nw.words.get(tk.w(e)) {
        if matches!(ph.acc.last, Some(WordClass::Scale(p)) if p > *s) || ph.acc.value() < *s {
            if ph.acc.value() < *s {
                return Some((frac * s + ph.acc.value() * (s - 1.0), e + 1));
            }
            return Some((frac * s, e + 1));
        }
    }
    if let Some(WordClass::Scale(s)) = ph.acc.last {
        return Some((frac * s, e));
    }
    Some((frac, e))
}

/// Whether `class` may follow `last` in one number ("twenty one" yes, "one two" no).
fn allowed(last: Option<WordClass>, class: WordClass, current: f64, lang: Lang) -> bool {
    use WordClass::*;
    let below = current % 100.0;
    match (last, class) {
        (None, _) => true,
        (Some(Zero), _) => false,
        (_, Zero) => false,
        (Some(Hundred | Scale(_)), Unit(_) | Teen(_) | Ten(_)) => true,
        (Some(Ten(_)), Unit(_)) => below % 10.0 == 0.0,
        // "dix-sept"; after "soixante-dix"/"quatre-vingt-dix" any unit reads ("quatre-vingt-dix seconde").
        (Some(Teen(_)), Unit(v)) => lang == Lang::Fr && ((below == 10.0 && v >= 7.0) || below == 70.0 || below == 90.0),
        (Some(Hundred | Scale(_)), Digits(_)) => true,
        (Some(Digits(_)), Hundred) => current < 1000.0,
        (Some(Digits(_)), Scale(_)) => true,
        (Some(Digits(_)), _) | (_, Digits(_)) => false,
        (Some(Ten(_)), Teen(_)) => lang == Lang::Fr && (below == 60.0 || below == 80.0),
        (Some(Unit(u)), Ten(t)) => lang == Lang::Fr && u == 4.0 && t == 20.0 && below == 4.0,
        (Some(Unit(_) | Teen(_)), Hundred) => {
            current < 100.0 || (current % 1000.0) < 20.0 && current % 1000.0 > 0.0 && lang == Lang::En
        }
        (Some(Ten(_)), Hundred) => false,
        (Some(Hundred), Hundred) => false,
        (Some(Unit(_) | Teen(_) | Ten(_) | Hundred), Scale(_)) => true,
        // "deux millions mille": a smaller scale alone counts one of it (the caller checks the order).
        (Some(Scale(_)), Scale(_)) => true,
        (Some(Scale(_)), Hundred) => true,
        _ => false,
    }
}

/// Every number in the text, left to right, longest first, without overlaps.
pub fn scan(tk: &Tokens, nw: &NumberWords, lang: Lang) -> Vec<Num> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tk.len() {
        if let Some(n) = number_at(tk, i, nw, lang) {
            // "180ml", "29km": a measure, read by the unit recogniser, not a bare number.
            let glued_unit = !n.spelled
                && n.kind == NumKind::Cardinal
                && tk.toks.get(n.j).is_some_and(|t| t.is_word() && !tk.spaced(n.j));
            // "this one", "which one": a pronoun.
            let pronoun = n.j == n.i + 1
                && i > 0
                && nw
                    .pronoun_after
                    .get(&*tk.toks[i].norm)
                    .is_some_and(|before| before.iter().any(|b| b == tk.w(i - 1)));
            if !glued_unit && !pronoun {
                out.push(n);
            }
            i = n.j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}
