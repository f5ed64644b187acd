//! Words with their char offsets and folded forms: the unit every later stage reasons on.
//!
//! Hand-written rather than `unicode-segmentation` because the later stages need to know
//! exactly what lies between two words (a hyphen in "nord-coréens", an apostrophe in
//! "l'oblast", a comma, a quote) and a folded key per word, in one pass.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

/// One word: a run of letters and digits. Apostrophes and hyphens end a word; what lay
/// between the previous word and this one is kept in `gap`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Char offsets into the text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Byte offsets into the text.
    pub bstart: usize,
    pub bend: usize,
    pub text: &'a str,
    /// Lower case, accents removed, ligatures expanded (borrowed when the word already is).
    pub fold: Cow<'a, str>,
    /// The text between the previous word (or the start) and this word.
    pub gap: &'a str,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
    pub fn is_all_caps(&self) -> bool {
        self.text.chars().any(char::is_alphabetic) && !self.text.chars().any(char::is_lowercase)
    }
    /// True when only spaces (no newline), a hyphen or an apostrophe separate this word
    /// from the previous one: the two can belong to one name.
    pub fn joined(&self) -> bool {
        !self.gap.is_empty()
            && self.gap.chars().all(|c| {
                matches!(
                    c,
                    ' ' | '\u{a0}' | '\u{202f}' | '\t' | '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}'
                )
            })
            && self
                .gap
                .chars()
                .filter(|c| matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}'))
                .count()
                <= 1
    }
    pub fn is_number(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_ascii_digit())
    }
}

/// Lower case, accents stripped, "œ" → "oe": the key words are compared under.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits a text into words.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut chars = 0usize;
    let mut gap_start = 0usize;
    let mut cur: Option<(usize, usize)> = None; // (byte start, char start)
    for (b, c) in text.char_indices() {
        let is_word = c.is_alphanumeric();
        match (is_word, cur) {
            (true, None) => cur = Some((b, chars)),
            (false, Some((bs, cs))) => {
                push(&mut out, text, gap_start, bs, b, cs, chars);
                gap_start = b;
                cur = None;
            }
            _ => {}
        }
        chars += 1;
    }
    if let Some((bs, cs)) = cur {
        push(&mut out, text, gap_start, bs, text.len(), cs, chars);
    }
    out
}

fn push<'a>(out: &mut Vec<Word<'a>>, text: &'a str, gap_start: usize, bs: usize, be: usize, cs: usize, ce: usize) {
    let t = &text[bs..be];
    out.push(Word {
        start: cs,
        end: ce,
        bstart: bs,
        bend: be,
        text: t,
        fold: if t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
            Cow::Borrowed(t)
        } else {
            Cow::Owned(fold(t))
        },
        gap: &text[gap_start..bs],
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_apostrophes_and_hyphens_and_keeps_gaps() {
        let w = words("L’oblast de Koursk, nord-coréens");
        let t: Vec<_> = w.iter().map(|w| w.fold.as_ref()).collect();
        assert_eq!(t, ["l", "oblast", "de", "koursk", "nord", "coreens"]);
        assert_eq!(w[1].gap, "’");
        assert!(w[1].joined());
        assert!(!w[4].joined(), "a comma separates names");
        assert!(w[5].joined());
        assert_eq!((w[3].start, w[3].end), (12, 18));
    }
}
