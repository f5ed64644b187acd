//! A tokeniser made for the recognisers, not for linguistics.
//!
//! Recognisers look at words, digit runs and single punctuation marks, and at the
//! whitespace between them ("12 000" is one number, "12, 000" is not), so a token keeps
//! its byte offsets and the text between tokens stays available. Words are compared in a
//! folded form (lower case, accents removed) because news and test suites alike write
//! "millième" and "millieme", "Février" and "fevrier".

use std::borrow::Cow;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (and an elided article kept whole: "l'", "d'", "qu'").
    Word,
    /// ASCII digits only; separators are tokens of their own.
    Digits,
    /// One character that is neither a letter, a digit nor whitespace.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub kind: TokKind,
    /// Byte offsets into the tokenised text.
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower case, accents folded, typographic apostrophes made ASCII.
    pub norm: Cow<'a, str>,
}

impl Token<'_> {
    pub fn is(&self, s: &str) -> bool {
        self.norm == s
    }
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
    pub fn is_digits(&self) -> bool {
        self.kind == TokKind::Digits
    }
    pub fn punct(&self) -> Option<char> {
        if self.kind == TokKind::Punct {
            self.text.chars().next()
        } else {
            None
        }
    }
}

/// A tokenised text: the tokens and the text they point into.
pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    /// `number_at` per token, computed once: every recogniser asks "is there a number
    /// here?" at many positions, and the answer does not change within one text.
    pub(crate) num_cache: std::cell::RefCell<NumCache>,
    /// (byte, char) offset known to lie at or before the first token, so that a clause cut
    /// out of a long text converts its offsets without counting from the text's start.
    pub(crate) base: (usize, usize),
}

/// The language the cache was filled for, and per token: not asked yet, or the answer.
pub(crate) type NumCache = (Option<crate::Lang>, Vec<Option<Option<crate::number::Num>>>);

/// French elisions that are written glued to the next word and must stay one token,
/// so that "l'an" reads as two words and not as "l", "'", "an".
const ELISIONS: &[&str] = &[
    "l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                if b.is_ascii_digit() {
                    let s = i;
                    while i < bytes.len() && bytes[i].is_ascii_digit() {
                        i += 1;
                    }
                    toks.push(Token {
                        kind: TokKind::Digits,
                        start: s,
                        end: i,
                        text: &text[s..i],
                        norm: Cow::Borrowed(&text[s..i]),
                    });
                    continue;
                }
                if b.is_ascii_alphabetic() {
                    i = word(text, i, &mut toks);
                    continue;
                }
                toks.push(Token {
                    kind: TokKind::Punct,
                    start: i,
                    end: i + 1,
                    text: &text[i..i + 1],
                    norm: Cow::Borrowed(&text[i..i + 1]),
                });
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            let l = c.len_utf8();
            if c.is_whitespace() {
                i += l;
            } else if is_letter(c) {
                i = word(text, i, &mut toks);
            } else {
                let norm = if is_apostrophe(c) {
                    Cow::Borrowed("'")
                } else {
                    Cow::Borrowed(&text[i..i + l])
                };
                toks.push(Token {
                    kind: TokKind::Punct,
                    start: i,
                    end: i + l,
                    text: &text[i..i + l],
                    norm,
                });
                i += l;
            }
        }
        Tokens {
            text,
            toks,
            num_cache: Default::default(),
            base: (0, 0),
        }
    }

    /// The tokens of one clause of `text` (offsets stay those of `text`); `base` is a
    /// (byte, char) position at or before the first of them.
    pub fn from_parts(text: &'a str, toks: Vec<Token<'a>>, base: (usize, usize)) -> Self {
        Tokens {
            text,
            toks,
            num_cache: Default::default(),
            base,
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The text between token `i - 1` and token `i` (empty when they touch).
    pub fn gap_before(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[i - 1].end..self.toks[i].start]
    }

    /// True when tokens `i - 1` and `i` are separated by whitespace.
    pub fn spaced(&self, i: usize) -> bool {
        !self.gap_before(i).is_empty()
    }

    /// Folded word at `i`, or "" past the end or on a non-word.
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokKind::Word => &t.norm,
            _ => "",
        }
    }

    /// Folded text of any token at `i` ("" past the end).
    pub fn n(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &*t.norm).unwrap_or("")
    }

    /// Byte range covered by tokens `i..j`.
    pub fn bytes(&self, i: usize, j: usize) -> (usize, usize) {
        (self.toks[i].start, self.toks[j - 1].end)
    }
}

fn word<'a>(text: &'a str, start: usize, toks: &mut Vec<Token<'a>>) -> usize {
    let b = text.as_bytes();
    // ASCII letters first, without decoding; the rest of the word char by char.
    let mut end = start;
    while end < b.len() && b[end].is_ascii_alphabetic() {
        end += 1;
    }
    let mut rest = text.get(end..).unwrap_or("").char_indices();
    let mut next_c = None;
    if end < b.len() && b[end] >= 0x80 {
        let base = end;
        for (off, c) in rest.by_ref() {
            if is_letter(c) || c == '\u{0301}' || c == '\u{0300}' {
                end = base + off + c.len_utf8();
                continue;
            }
            next_c = Some(c);
            break;
        }
    } else {
        next_c = rest.next().map(|(_, c)| c);
    }
    if let Some(c) = next_c.filter(|&c| is_apostrophe(c)) {
        let stem = &text[start..end];
        if ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(stem)) {
            let after = end + c.len_utf8();
            if text[after..].chars().next().is_some_and(is_letter) {
                end = after;
            }
        }
    }
    let t = &text[start..end];
    toks.push(Token {
        kind: TokKind::Word,
        start,
        end,
        text: t,
        norm: fold(t),
    });
    end
}

/// A reader's answer at token `i`, computed once per clause: the grammars ask the same
/// question at the same token many times (ranges, combinations, edges). Positions past
/// the end are computed and not kept.
pub fn memoised<T: Copy>(m: &std::cell::RefCell<Vec<Option<T>>>, i: usize, f: impl FnOnce() -> T) -> T {
    if let Some(Some(v)) = m.borrow().get(i) {
        return *v;
    }
    let v = f();
    if let Some(slot) = m.borrow_mut().get_mut(i) {
        *slot = Some(v);
    }
    v
}

/// `char::is_alphabetic` with the Latin-1 letters answered without the Unicode table
/// lookup (a tenth of the tokeniser's time on French text went there).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{c0}'..='\u{ff}' => c != '\u{d7}' && c != '\u{f7}',
        c if (c as u32) < 0x80 => false,
        c => c.is_alphabetic(),
    }
}

/// Lower case, accents off, typographic apostrophe as ASCII. Borrowed when nothing changes.
///
/// Not `recoupe_clean::fold::fold`: that one also rewrites quotes and white space for whole
/// lines and always allocates; this one runs on every word of every clause and borrows
/// when the word is already folded (most words).
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii_lowercase() || b == b'\'' || b.is_ascii_digit())
    {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        return Cow::Owned(s.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            '’' | 'ʼ' => out.push('\''),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => out.push('a'),
            'ç' | 'Ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ñ' | 'Ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => out.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => out.push('u'),
            'ÿ' | 'Ÿ' => out.push('y'),
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            '\u{0300}' | '\u{0301}' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_digits_and_elisions() {
        let t = Tokens::new("L’an 2024, jusqu'à 12 000 soldats.");
        let norms: Vec<&str> = t.toks.iter().map(|t| &*t.norm).collect();
        assert_eq!(
            norms,
            ["l'", "an", "2024", ",", "jusqu'", "a", "12", "000", "soldats", "."]
        );
        assert!(t.spaced(7));
        assert!(!t.spaced(3));
    }

    #[test]
    fn apostrophe_not_elision_is_punct() {
        let t = Tokens::new("o'clock");
        let norms: Vec<&str> = t.toks.iter().map(|t| &*t.norm).collect();
        assert_eq!(norms, ["o", "'", "clock"]);
    }
}
