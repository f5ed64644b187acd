//! Language identification of articles and paragraphs.
//!
//! lingua, restricted to the languages news in our scope mixes in (French, English and
//! a few European neighbours, so that a Spanish or German passage is not forced into
//! French or English). Texts of fewer than three words say too little and inherit the
//! article's language.

use std::sync::OnceLock;

use lingua::{IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder};

fn detector() -> &'static LanguageDetector {
    static D: OnceLock<LanguageDetector> = OnceLock::new();
    D.get_or_init(|| {
        LanguageDetectorBuilder::from_languages(&[
            Language::French,
            Language::English,
            Language::German,
            Language::Spanish,
            Language::Italian,
            Language::Portuguese,
            Language::Dutch,
        ])
        .build()
    })
}

fn code(l: Language) -> String {
    let c: IsoCode639_1 = l.iso_code_639_1();
    c.to_string()
}

/// The language of a text (ISO 639-1), or `None` when it is too short to tell.
pub fn detect(text: &str) -> Option<String> {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    if words < 3 {
        return None;
    }
    // A thousand characters are plenty for lingua and keep the cost flat.
    let end = text.char_indices().nth(1000).map_or(text.len(), |(i, _)| i);
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
        assert_eq!(detect("Belgique"), None);
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
