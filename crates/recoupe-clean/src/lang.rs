//! Language identification of articles and paragraphs.
//!
//! lingua, restricted to the languages news in our scope mixes in (French, English and
//! a few European neighbours, so that a Spanish or German passage is not forced into
//! French or English). Texts of fewer than three words say too little and inherit the
//! article's language.

use std::sync::OnceLock;

use lingua::{IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder};

/// The languages the model chooses among.
pub const LANGUAGES: [Language; 7] = [
    Language::French,
    Language::English,
    Language::German,
    Language::Spanish,
    Language::Italian,
    Language::Portuguese,
    Language::Dutch,
];

fn detector() -> &'static LanguageDetector {
    static D: OnceLock<LanguageDetector> = OnceLock::new();
    D.get_or_init(|| LanguageDetectorBuilder::from_languages(&LANGUAGES).build())
}

fn code(l: Language) -> String {
    let c: IsoCode639_1 = l.iso_code_639_1();
    c.to_string()
}

/// Function-word counts per language: a cheap first opinion on the language of a text.
#[derive(Debug, Default)]
pub struct Stopwords {
    langs: Vec<String>,
    words: std::collections::HashMap<String, Vec<usize>>,
}

impl Stopwords {
    pub fn new(lists: &std::collections::HashMap<String, Vec<String>>) -> Self {
        let mut s = Self::default();
        let mut codes: Vec<&String> = lists.keys().collect();
        codes.sort();
        for code in codes {
            let idx = s.langs.len();
            s.langs.push(code.clone());
            for w in &lists[code] {
                s.words.entry(w.to_lowercase()).or_default().push(idx);
            }
        }
        s
    }

    /// Whether there is a function-word list for this language.
    pub fn knows(&self, lang: &str) -> bool {
        self.langs.iter().any(|l| l == lang)
    }

    /// The language with most function words, its count and the runner-up's.
    pub fn vote(&self, text: &str) -> Option<(&str, usize, usize)> {
        let mut counts = vec![0usize; self.langs.len()];
        for w in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
            let lower;
            let w = if w.chars().any(char::is_uppercase) {
                lower = w.to_lowercase();
                lower.as_str()
            } else {
                w
            };
            if let Some(ls) = self.words.get(w) {
                for &l in ls {
                    counts[l] += 1;
                }
            }
        }
        let (best, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
        let second = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != best)
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0);
        Some((self.langs[best].as_str(), n, second))
    }

    /// A language when the function words leave no doubt: at least `min` of them, and
    /// three times as many as for any other language.
    pub fn clear(&self, text: &str, min: usize) -> Option<String> {
        let (l, n, second) = self.vote(text)?;
        (n >= min && n >= 3 * second).then(|| l.to_string())
    }
}

/// The language of a text (ISO 639-1), or `None` when it is too short to tell.
pub fn detect(text: &str) -> Option<String> {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words == 0 {
        return None;
    }
    // Five hundred characters are plenty for lingua and keep the cost flat.
    let end = text.char_indices().nth(500).map_or(text.len(), |(i, _)| i);
    detector().detect_language_of(&text[..end]).map(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_paragraphs() {
        assert_eq!(
            detect("Les secours ont évacué trois villages dans la nuit de lundi.").as_deref(),
            Some("fr")
        );
        assert_eq!(
            detect("Rescue workers search the debris in the valley on Tuesday.").as_deref(),
            Some("en")
        );
        assert_eq!(detect("  "), None);
    }
}
#[cfg(test)]
mod regressions {
    #[test]
    fn english_with_euro_amounts_and_french_names_is_english() {
        let t = "Insured losses may reach between €80 million and €120 million, according to an estimate by loss adjusters Caténa Risques, which said the figure could rise once damage to farms is assessed.";
        assert_eq!(super::detect(t).as_deref(), Some("en"));
    }
}
