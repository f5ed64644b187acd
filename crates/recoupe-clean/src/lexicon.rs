//! Word-frequency lexicons (French, English) used to tell a real word from two glued ones.
//!
//! The lists come from wordfreq (see `data/lexicon/LICENSE.md`); they are embedded in the
//! binary gzip-compressed and decoded once, on first use, into a hash map of
//! lowercase word -> Zipf frequency x 100. A user file can add words (for instance the
//! names of a beat's places and people), so that they are neither split nor used wrongly.

use std::collections::HashMap;
use std::io::Read;

use crate::error::{CleanError, Result};

static FR: &[u8] = include_bytes!("../../../data/lexicon/fr.tsv.gz");
static EN: &[u8] = include_bytes!("../../../data/lexicon/en.tsv.gz");

/// Zipf x 100 of each known word (3.0 = once per million words; 6.0 = "de", "the").
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    words: HashMap<String, u16>,
}

impl Lexicon {
    /// The bundled lexicon of a language (`fr` or `en`); empty for others.
    pub fn bundled(lang: &str) -> Result<Self> {
        let gz = match lang {
            "fr" => FR,
            "en" => EN,
            _ => return Ok(Self::default()),
        };
        let mut text = String::new();
        flate2::read::GzDecoder::new(gz)
            .read_to_string(&mut text)
            .map_err(|e| CleanError::Data(format!("bundled {lang} lexicon: {e}")))?;
        let mut lex = Self::default();
        lex.add_tsv(&text);
        Ok(lex)
    }

    /// Adds `word<TAB>zipf_x100` lines (a word alone gets a middling frequency, 300).
    pub fn add_tsv(&mut self, text: &str) {
        self.words.reserve(text.len() / 12);
        for line in text.lines() {
            let (w, f) = line.split_once('\t').unwrap_or((line, "300"));
            let w = w.trim();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            let f = f.trim().parse().unwrap_or(300);
            let e = self.words.entry(w.to_lowercase()).or_insert(0);
            *e = (*e).max(f);
        }
    }

    /// Zipf x 100 of a word, case-insensitively; 0 when unknown.
    pub fn zipf(&self, word: &str) -> u16 {
        if let Some(&z) = self.words.get(word) {
            return z;
        }
        let lower = word.to_lowercase();
        self.words.get(&lower).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_know_common_words_and_names() {
        let fr = Lexicon::bundled("fr").unwrap();
        assert!(fr.len() > 100_000);
        assert!(fr.zipf("qui") > 600);
        assert!(fr.zipf("Russie") > 400);
        assert_eq!(fr.zipf("russiecitant"), 0);
        let en = Lexicon::bundled("en").unwrap();
        assert!(en.zipf("the") > 700);
    }
}
