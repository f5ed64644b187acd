//! Word-frequency lexicons (French, English) used to tell a real word from two glued ones.
//!
//! The lists come from wordfreq (see `data/lexicon/LICENSE.md`). build.rs compiles them
//! into FST maps embedded in the binary (no parsing at start: a plain hash map took 200 ms
//! to fill, more than cleaning a page); lookups map lowercase word -> Zipf x 100. A user
//! file adds words (names of a beat's places and people) in a small hash map on top.

use std::collections::HashMap;

static FR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fr.fst"));
static EN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.fst"));

/// Zipf x 100 of each known word (3.0 = once per million words; 6.0 = "de", "the").
#[derive(Clone, Default)]
pub struct Lexicon {
    bundled: Option<fst::Map<&'static [u8]>>,
    extra: HashMap<String, u16>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lexicon({} words)", self.len())
    }
}

impl Lexicon {
    /// The bundled lexicon of a language (`fr` or `en`); empty for others.
    pub fn bundled(lang: &str) -> Self {
        let bytes = match lang {
            "fr" => FR,
            "en" => EN,
            _ => return Self::default(),
        };
        Self {
            bundled: fst::Map::new(bytes).ok(),
            extra: HashMap::new(),
        }
    }

    /// Adds `word<TAB>zipf_x100` lines (a word alone gets a middling frequency, 300).
    pub fn add_tsv(&mut self, text: &str) {
        for line in text.lines() {
            let (w, f) = line.split_once('\t').unwrap_or((line, "300"));
            let w = w.trim();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            let f = f.trim().parse().unwrap_or(300);
            let e = self.extra.entry(w.to_lowercase()).or_insert(0);
            *e = (*e).max(f);
        }
    }

    fn get(&self, w: &str) -> u16 {
        let b = self.bundled.as_ref().and_then(|m| m.get(w)).unwrap_or(0) as u16;
        b.max(self.extra.get(w).copied().unwrap_or(0))
    }

    /// Zipf x 100 of a word, case-insensitively; 0 when unknown.
    pub fn zipf(&self, word: &str) -> u16 {
        if word.chars().any(char::is_uppercase) {
            self.get(&word.to_lowercase())
        } else {
            self.get(word)
        }
    }

    pub fn len(&self) -> usize {
        self.bundled.as_ref().map_or(0, |m| m.len()) + self.extra.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lexicons_know_common_words_and_names() {
        let fr = Lexicon::bundled("fr");
        assert!(fr.len() > 100_000);
        assert!(fr.zipf("qui") > 600);
        assert!(fr.zipf("Russie") > 400);
        assert_eq!(fr.zipf("russiecitant"), 0);
        let en = Lexicon::bundled("en");
        assert!(en.zipf("the") > 700);
    }

    #[test]
    fn user_words_are_added() {
        let mut fr = Lexicon::bundled("fr");
        assert_eq!(fr.zipf("Xyloquarte"), 0);
        fr.add_tsv("xyloquarte\t320\n# comment\nbrumevalois\n");
        assert_eq!(fr.zipf("Xyloquarte"), 320);
        assert_eq!(fr.zipf("brumevalois"), 300);
    }
}
