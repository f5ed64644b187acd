//! Which clauses of a text are worth recognising at all, and by which recognisers.
//!
//! Most sentences of a news article hold no figure and no date. A clause is handed to the
//! recognisers only when it holds a digit, a currency or percent sign, or a word from
//! recoupe's own tables (number words, months, weekdays, "hier", "week", "dozen"...),
//! which costs one hash lookup per word; the other clauses are skipped whole. Each word
//! wakes only the recognisers whose tables hold it: a unit needs a unit word or a currency
//! sign, a date a date word or digits shaped like a year, a time or a numeric date; a
//! clause with "12 000 soldats" runs the number and range readers only. The trigger words
//! are collected from the same data files the grammars read, so a word added to a table is a
//! trigger too, minus the function words listed in `data/recognize/gate.toml`.

use serde::Deserialize;

use crate::tables::Map;
use crate::token::{fold, TokKind, Token, Tokens};
use crate::{Lang, RecognizeError};

/// Trigger words of one language.
#[derive(Debug, Default)]
pub struct Gate {
    /// Word -> the recognisers it wakes (bits of [`Wake`]).
    words: Map<String, u8>,
    /// Words that are dates only beside a number ("May 9", "Wed 13th", "9 am"): as words
    /// they are too common ("may", "sun", "am") to wake anything alone.
    near_digits: Map<String, u8>,
}

/// The recognisers a clause needs, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Wake(pub u8);

impl Wake {
    pub const NUMBERS: u8 = 1;
    pub const RANGES: u8 = 2;
    pub const UNITS: u8 = 4;
    pub const DATETIME: u8 = 8;
    pub fn has(self, bit: u8) -> bool {
        self.0 & bit != 0
    }
}

fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// Tables whose words are context for a grammar, not signs of a date or an amount
/// ("peine", "mandat" tell a duration from an age; alone they are no time expression).
const CONTEXT_KEYS: &[&str] = &["duration_nouns"];

/// Every word of every key and string value.
fn collect(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        toml::Value::Table(t) => {
            for (k, x) in t {
                if CONTEXT_KEYS.contains(&k.as_str()) {
                    continue;
                }
                out.push(k.clone());
                collect(x, out);
            }
        }
        _ => {}
    }
}

impl Gate {
    /// Adds the words of data files, waking the recognisers in `bits`; a file with
    /// `[fr]`/`[en]` sections gives only this language's (and its shared top-level keys).
    pub fn add_words(&mut self, lang: Lang, bits: u8, files: &[&str]) -> Result<(), RecognizeError> {
        for src in files {
            let v: toml::Value = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("gate: {e}")))?;
            let mut strings = Vec::new();
            match v.as_table() {
                Some(t) if t.contains_key("fr") || t.contains_key("en") => {
                    for (k, x) in t {
                        if k == lang_key(lang) || (k != "fr" && k != "en") {
                            collect(x, &mut strings);
                        }
                    }
                }
                _ => collect(&v, &mut strings),
            }
            for s in strings {
                for w in words_of(&s) {
                    if w.chars().count() >= 2 {
                        *self.words.entry(fold(&w).into_owned()).or_default() |= bits;
                    }
                }
            }
        }
        Ok(())
    }

    pub fn add_stoplist(&mut self, lang: Lang, src: &str) -> Result<(), RecognizeError> {
        #[derive(Deserialize, Default)]
        struct Sec {
            #[serde(default)]
            not_triggers: Vec<String>,
            #[serde(default)]
            numbers_only: Vec<String>,
            #[serde(default)]
            near_digits: Vec<String>,
        }
        #[derive(Deserialize)]
        struct Doc {
            #[serde(default)]
            fr: Sec,
            #[serde(default)]
            en: Sec,
        }
        let d: Doc = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("gate: {e}")))?;
        let sec = if lang == Lang::Fr { d.fr } else { d.en };
        for w in sec.not_triggers {
            self.words.remove(&*fold(&w));
        }
        for w in sec.near_digits {
            let w = fold(&w).into_owned();
            if let Some(bits) = self.words.remove(&w) {
                self.near_digits.insert(w, bits);
            }
        }
        for w in sec.numbers_only {
            self.words.insert(fold(&w).into_owned(), Wake::NUMBERS);
        }
        Ok(())
    }

    /// Adds one trigger word.
    pub fn insert(&mut self, w: &str, bits: u8) {
        *self.words.entry(fold(w).into_owned()).or_default() |= bits;
    }

    /// The recognisers among `want` that a clause needs (stops reading once all are woken).
    pub fn wakes_tokens(&self, text: &str, toks: &[Token], want: u8) -> Wake {
        let mut bits = 0u8;
        let spaced = |k: usize| k > 0 && toks.get(k).is_some_and(|t| t.start > toks[k - 1].end);
        let gap = |k: usize| {
            toks.get(k)
                .map_or("", |t| if k > 0 { &text[toks[k - 1].end..t.start] } else { "" })
        };
        for (k, t) in toks.iter().enumerate() {
            match t.kind {
                TokKind::Word => {
                    let w = &*t.norm;
                    if let Some(v) = self.words.get(w) {
                        bits |= v;
                    } else if let Some(v) = self.near_digits.get(w) {
                        let beside = |x: usize, g: &str| {
                            toks.get(x).is_some_and(|d| d.kind == TokKind::Digits) && g.chars().count() <= 1
                        };
                        // "Jan/3", "3-May": a separator glued between them.
                        let sep =
                            |x: usize| toks.get(x).is_some_and(|p| matches!(p.text, "/" | "-" | ".")) && !spaced(x);
                        let after = beside(k + 1, gap(k + 1)) || (sep(k + 1) && !spaced(k + 2) && beside(k + 2, ""));
                        let before = k > 0
                            && (beside(k - 1, gap(k)) || (k > 1 && sep(k - 1) && !spaced(k) && beside(k - 2, "")));
                        if after || before {
                            bits |= v;
                        }
                    }
                    // A currency code with a multiplier, in capitals ("MUSD 5"), or a CJK currency sign.
                    let n = t.text.len();
                    if ((3..=5).contains(&n) && t.text.bytes().skip(1).all(|x| x.is_ascii_uppercase()))
                        || matches!(t.text, "元" | "円" | "圆")
                    {
                        bits |= Wake::UNITS;
                    }
                }
                TokKind::Digits => {
                    bits |= Wake::NUMBERS | Wake::RANGES;
                    let next = toks.get(k + 1);
                    let glued = next.is_some_and(|_| !spaced(k + 1));
                    let nn = next.map_or("", |n| &*n.norm);
                    let len = t.text.len();
                    let year = (len == 4 || len == 8) && matches!(t.text.as_bytes()[0], b'1' | b'2');
                    let clock = glued
                        && (matches!(nn, ":" | "/" | "h")
                            || (nn == "-" && toks.get(k + 2).is_some_and(|d| d.kind == TokKind::Digits)));
                    let meridian = next.is_some_and(|n| {
                        n.kind == TokKind::Word
                            && gap(k + 1).chars().count() <= 1
                            && (nn.starts_with('a') || nn.starts_with('p'))
                    });
                    let ish = glued && nn == "ish";
                    let at = k > 0
                        && spaced(k)
                        && matches!(
                            &*toks[k - 1].norm,
                            "at" | "by"
                                | "around"
                                | "till"
                                | "until"
                                | "a"
                                | "vers"
                                | "des"
                                | "avant"
                                | "apres"
                                | "jusqu'"
                                | "from"
                                | "to"
                                | "et"
                                | "and"
                                | "de"
                                | "the"
                                | "on"
                                | "le"
                                | "du"
                                | "au"
                                | "in"
                                | "en"
                                | "since"
                                | "depuis"
                                | "for"
                                | "pour"
                                | "pendant"
                                | "during"
                                | "after"
                                | "before"
                        );
                    if year || clock || meridian || ish || at {
                        bits |= Wake::DATETIME;
                    }
                    // A unit right after the number: "1.8m", "75 L", "30 MUSD", "5,5 km".
                    let unit_next = next.is_some_and(|n| {
                        (glued && (n.kind == TokKind::Word || matches!(nn, "." | ",")))
                            || (n.kind == TokKind::Word
                                && gap(k + 1).chars().count() == 1
                                && (n.text.chars().count() <= 3 || n.text.chars().all(char::is_uppercase)))
                    });
                    if unit_next {
                        bits |= Wake::UNITS;
                    }
                }
                TokKind::Punct => match t.text.chars().next().unwrap_or(' ') {
                    '%' | '½' | '¼' | '¾' | '⅓' | '⅔' => bits |= Wake::NUMBERS | Wake::RANGES,
                    '$' | '£' | '¥' | '¢' | '¤' | '฿' | '֏' | '؋' | '৳' | '៛' | '\u{20a0}'..='\u{20cf}' => {
                        bits |= Wake::NUMBERS | Wake::RANGES | Wake::UNITS
                    }
                    _ => {}
                },
            }
            if bits & want == want {
                break;
            }
        }
        Wake(bits)
    }
}

/// Token ranges of clauses: cut at line breaks, and after ".", "!" or "?" closing a word of
/// four letters or more when a capital follows (not after "p.m." or "Jan.").
pub fn token_clauses(tk: &Tokens) -> Vec<(usize, usize)> {
    let toks = &tk.toks;
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..toks.len() {
        let Some(next) = toks.get(k + 1) else { break };
        let gap = &tk.text[toks[k].end..next.start];
        let sentence_end = matches!(toks[k].text, "." | "!" | "?")
            && !gap.is_empty()
            && next.text.chars().next().is_some_and(char::is_uppercase)
            && k > 0
            && toks[k - 1].kind == TokKind::Word
            && toks[k - 1].end == toks[k].start
            && toks[k - 1].text.chars().count() >= 4;
        if sentence_end || gap.contains('\n') {
            out.push((start, k + 1));
            start = k + 1;
        }
    }
    if start < toks.len() {
        out.push((start, toks.len()));
    }
    out
}

/// The words of a table string, with the optional endings it marks spelt out:
/// "dollar(s) américain(s)" gives dollar, dollars, américain, américains.
fn words_of(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphabetic() {
            cur.push(c);
        } else if c == '(' && !cur.is_empty() {
            let mut ending = String::new();
            while let Some(&d) = chars.peek() {
                chars.next();
                if d == ')' {
                    break;
                }
                ending.push(d);
            }
            if ending.chars().all(char::is_alphabetic) {
                out.push(format!("{cur}{ending}"));
            }
            out.push(std::mem::take(&mut cur));
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_sentences_not_abbreviations() {
        let t = "It rained at 10 p.m. Friday. Nobody came. Then\nagain";
        let tk = Tokens::new(t);
        let parts: Vec<&str> = token_clauses(&tk)
            .iter()
            .map(|&(a, b)| &t[tk.toks[a].start..tk.toks[b - 1].end])
            .collect();
        assert_eq!(parts, ["It rained at 10 p.m. Friday.", "Nobody came.", "Then", "again"]);
    }
}
