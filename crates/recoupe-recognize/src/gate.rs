//! Which clauses of a text are worth recognising at all.
//!
//! Most sentences of a news article hold no figure and no date. A clause is handed to the
//! recognisers only when it holds a digit, a currency or percent sign, or a word from
//! recoupe's own tables (number words, months, weekdays, "hier", "week", "dozen"...),
//! which costs one hash lookup per word; the other clauses are skipped whole. The trigger
//! words are collected from the same data files the grammars read, so a word added to a
//! table is a trigger too, minus the function words listed in `data/recognize/gate.toml`.

use serde::Deserialize;

use crate::tables::Set;
use crate::token::fold;
use crate::{Lang, RecognizeError};

/// Trigger words of one language.
#[derive(Debug, Default)]
pub struct Gate {
    words: Set<String>,
    /// Triggers that can only start a bare number ("un", "one"): alone in a clause they
    /// wake the number reader, not the date, unit and range grammars.
    weak: Set<String>,
}

/// How much of the recognisers a clause needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Wake {
    No,
    NumbersOnly,
    All,
}

fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    }
}

/// Every word of every key and string value.
fn collect(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        toml::Value::Table(t) => {
            for (k, x) in t {
                out.push(k.clone());
                collect(x, out);
            }
        }
        _ => {}
    }
}

impl Gate {
    /// Adds the words of data files; a file with `[fr]`/`[en]` sections gives only this language's.
    pub fn add_words(&mut self, lang: Lang, files: &[&str]) -> Result<(), RecognizeError> {
        for src in files {
            let v: toml::Value = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("gate: {e}")))?;
            let scoped = v.get(lang_key(lang)).filter(|_| v.get("fr").is_some() || v.get("en").is_some());
            let mut strings = Vec::new();
            collect(scoped.unwrap_or(&v), &mut strings);
            for s in strings {
                for w in s.split(|c: char| !c.is_alphabetic()) {
                    if w.chars().count() >= 2 {
                        self.words.insert(fold(w).into_owned());
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
            weak: Vec<String>,
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
        for w in sec.weak {
            let w = fold(&w).into_owned();
            self.words.remove(&w);
            self.weak.insert(w);
        }
        Ok(())
    }

    /// Adds one trigger word (for user tables).
    pub fn insert(&mut self, w: &str) {
        self.words.insert(fold(w).into_owned());
    }

    /// What `clause` needs: everything when it holds a digit, a sign or a trigger word.
    pub fn wakes(&self, clause: &str) -> Wake {
        let mut level = Wake::No;
        let mut buf = String::with_capacity(24);
        let mut in_word = false;
        let mut ascii_lower = true;
        let mut start = 0;
        let check = |s: &str, lower: bool, buf: &mut String| -> Wake {
            let w = if lower {
                s
            } else {
                buf.clear();
                buf.push_str(&fold(s));
                buf.as_str()
            };
            if self.words.contains(w) {
                Wake::All
            } else if self.weak.contains(w) {
                Wake::NumbersOnly
            } else {
                Wake::No
            }
        };
        for (i, c) in clause.char_indices() {
            if crate::token::is_letter(c) {
                if !in_word {
                    in_word = true;
                    ascii_lower = true;
                    start = i;
                }
                ascii_lower &= c.is_ascii_lowercase();
                continue;
            }
            if in_word {
                in_word = false;
                level = level.max(check(&clause[start..i], ascii_lower, &mut buf));
                if level == Wake::All {
                    return level;
                }
            }
            if c.is_ascii_digit() || matches!(c, '%' | '$' | '€' | '£' | '¥' | '₽' | '₴' | '₹' | '₩' | '½' | '¼' | '¾' | '⅓' | '⅔') {
                return Wake::All;
            }
        }
        if in_word {
            level = level.max(check(&clause[start..], ascii_lower, &mut buf));
        }
        level
    }
}

/// Byte ranges of clauses: lines, and sentences ending in ".", "!" or "?" before a capital
/// (not after a one- or two-letter abbreviation such as "p.m." or "Jan.").
pub fn clauses(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let end = if c == b'\n' {
            Some(i + 1)
        } else if matches!(c, b'.' | b'!' | b'?') && i + 2 < b.len() && b[i + 1] == b' ' {
            let next = text[i + 2..].chars().next().unwrap_or(' ');
            let word_len = text[start..i].chars().rev().take_while(|c| c.is_alphabetic()).count();
            (next.is_uppercase() && word_len >= 4).then_some(i + 1)
        } else {
            None
        };
        if let Some(e) = end {
            if e > start {
                out.push((start, e));
            }
            start = e;
        }
        i += 1;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_split_at_sentences_not_abbreviations() {
        let t = "It rained at 10 p.m. Friday. Nobody came. Then\nagain";
        let parts: Vec<&str> = clauses(t).iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(parts, ["It rained at 10 p.m. Friday.", " Nobody came.", " Then\n", "again"]);
    }
}
