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
pub fn number_at(tk: &Tokens, i: usize, nw: &NumberWords, lang: Lang) -> Option<Num> {
    let t = tk.toks.get(i)?;
    match t.kind {
        TokKind::Digits => digits_at(tk, i, i, 1.0, nw, lang),
        TokKind::Punct => {
            let c = t.punct()?;
            if !matches!(c, '-' | '−' | '+' | '–') || c == '–' {
                return None;
            }
            // A sign only where a number cannot be the right operand of a hyphen: "2015-10" is no -10.
            if i > 0 {
                let prev = &tk.toks[i - 1];
                if !tk.spaced(i) || prev.kind == TokKind::Digits || nw.words.contains_key(&*prev.norm) {
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
        {
            return None;
        }
    }
    // Collect groups: digits (sep digits)*
    let mut groups: Vec<&str> = vec![tk.toks[k].text];
    let mut seps: Vec<char> = Vec::new();
    let mut end = k + 1;
    loop {
        let Some(next) = tk.toks.get(end) else { break };
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
                if let Some(m) = nw.suffixes.get(&*w.norm) {
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
        if n > 1 {
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

/// Number words: "vingt et un", "quatre-vingt-dix-sept", "twelve thousand", "a dozen",
/// "three quarters", and ordinals ending the phrase ("vingt et unième", "twenty-first").
fn words_at(tk: &Tokens, i: usize, nw: &NumberWords, lang: Lang) -> Option<Num> {
    let w0 = &*tk.toks[i].norm;
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
    // "half a dozen".
    if (w0 == "half" || w0 == "demi") && nw.indefinite.iter().any(|a| a == tk.w(i + 1)) {
        if let Some(m) = nw.multiples.get(tk.w(i + 2)) {
            return Some(Num {
                i,
                j: i + 3,
                value: m / 2.0,
                kind: NumKind::Cardinal,
                spelled: true,
            });
        }
    }
    let mut k = i;
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut last: Option<WordClass> = None;
    let mut last_scale = f64::INFINITY;
    let mut end = None;
    let mut ordinal = false;
    // "a hundred", "a thousand", "a dozen": the article counts as one.
    if nw.indefinite.iter().any(|a| a == w0) {
        let next = tk.w(i + 1);
        let scale_next = matches!(nw.words.get(next), Some(WordClass::Hundred) | Some(WordClass::Scale(_)));
        if !(scale_next || nw.multiples.contains_key(next)) {
            return None;
        }
        current = 1.0;
        last = Some(WordClass::Unit(1.0));
        k = i + 1;
    }
    loop {
        let Some(t) = tk.toks.get(k) else { break };
        if t.kind != TokKind::Word {
            break;
        }
        let (class, is_ord) = match nw.words.get(&*t.norm) {
            Some(c) => (*c, false),
            None => match nw.ordinals.get(&*t.norm) {
                Some(c) => (*c, true),
                None => break,
            },
        };
        if !allowed(last, class, current, lang) || (matches!(class, WordClass::Scale(s) if s >= last_scale)) {
            break;
        }
        match class {
            WordClass::Zero => {}
            WordClass::Unit(v) | WordClass::Teen(v) => current += v,
            WordClass::Ten(v) => {
                // "quatre-vingt(s)": four twenties.
                if lang == Lang::Fr && v == 20.0 && last == Some(WordClass::Unit(4.0)) && current % 100.0 == 4.0 {
                    current += 76.0;
                } else {
                    current += v;
                }
            }
            WordClass::Hundred => current = current.max(1.0) * 100.0,
            WordClass::Scale(s) => {
                total += current.max(1.0) * s;
                current = 0.0;
                last_scale = s;
            }
        }
        last = Some(class);
        k += 1;
        end = Some(k);
        if is_ord {
            ordinal = true;
            break;
        }
        if matches!(class, WordClass::Zero) {
            break;
        }
        // Hyphen between two number words, or a joiner ("and", "et") where the grammar allows one.
        let nxt = tk.toks.get(k);
        if nxt.is_some_and(|n| n.norm == "-") && !tk.spaced(k) && !tk.spaced(k + 1) && is_number_word(tk.w(k + 1), nw) {
            k += 1;
            continue;
        }
        if nw.joiners.iter().any(|j| j == tk.w(k)) {
            let after = tk.w(k + 1);
            let ok = match lang {
                Lang::En => {
                    matches!(class, WordClass::Hundred | WordClass::Scale(_))
                        && matches!(
                            nw.words.get(after).or(nw.ordinals.get(after)),
                            Some(WordClass::Unit(_) | WordClass::Teen(_) | WordClass::Ten(_))
                        )
                }
                Lang::Fr => {
                    matches!(class, WordClass::Ten(_)) && matches!(after, "un" | "une" | "onze" | "unieme" | "onzieme")
                }
            };
            if ok {
                k += 1;
                continue;
            }
        }
    }
    let mut j = end?;
    let mut value = total + current;
    if ordinal {
        return Some(Num {
            i,
            j,
            value,
            kind: NumKind::Ordinal,
            spelled: true,
        });
    }
    // "trois douzaines", "a dozen".
    if let Some(m) = nw.multiples.get(tk.w(j)) {
        if tk.w(j) != "pair" && tk.w(j) != "couple" && tk.w(j) != "paire" && tk.w(j) != "paires" {
            return Some(Num {
                i,
                j: j + 1,
                value: value * m,
                kind: NumKind::Cardinal,
                spelled: true,
            });
        }
    }
    // Fractions: "one eighth", "three quarters", "one over 20", "two and a half".
    if let Some(d) = nw.denominators.get(tk.w(j)) {
        if value < 100.0 && value > 0.0 && !matches!(last, Some(WordClass::Scale(_) | WordClass::Hundred)) {
            return Some(Num {
                i,
                j: j + 1,
                value: value / d,
                kind: NumKind::Fraction,
                spelled: true,
            });
        }
    }
    if tk.w(j) == "over" || tk.w(j) == "sur" {
        if let Some(den) = number_at(tk, j + 1, nw, lang) {
            if den.kind == NumKind::Cardinal && den.value != 0.0 && lang == Lang::En {
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
    if nw.joiners.iter().any(|x| x == tk.w(j)) && nw.indefinite.iter().any(|a| a == tk.w(j + 1)) {
        if let Some(d) = nw.denominators.get(tk.w(j + 2)) {
            value += 1.0 / d;
            j += 3;
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

fn is_number_word(w: &str, nw: &NumberWords) -> bool {
    nw.words.contains_key(w) || nw.ordinals.contains_key(w)
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
        (Some(Teen(_)), Unit(v)) => lang == Lang::Fr && below == 10.0 && v >= 7.0,
        (Some(Ten(_)), Teen(_)) => lang == Lang::Fr && (below == 60.0 || below == 80.0),
        (Some(Unit(u)), Ten(t)) => lang == Lang::Fr && u == 4.0 && t == 20.0 && below == 4.0,
        (Some(Unit(_) | Teen(_)), Hundred) => {
            current < 100.0 || (current % 1000.0) < 20.0 && current % 1000.0 > 0.0 && lang == Lang::En
        }
        (Some(Ten(_)), Hundred) => false,
        (Some(Hundred), Hundred) => false,
        (Some(Unit(_) | Teen(_) | Ten(_) | Hundred), Scale(_)) => true,
        (Some(Scale(_)), Scale(_)) => false,
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
            out.push(n);
            i = n.j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}
