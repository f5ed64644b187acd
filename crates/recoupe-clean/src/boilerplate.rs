//! Boilerplate lines: share prompts, comment forms, captchas, "follow us", ads, labels.
//!
//! Decided by general rules over phrase lists kept as data (`data/boilerplate.toml`,
//! extensible by the user), never by the text of particular articles. Phrase matches
//! only apply to short lines, so that a real sentence that happens to contain
//! "all rights" or "partager" is never dropped.

use regex::RegexSet;
use serde::Deserialize;

use crate::error::{CleanError, Result};
use crate::fold::{fold, fold_line};

static BUNDLED: &str = include_str!("../../../data/boilerplate.toml");

/// Lines longer than this many words are article text whatever phrase they contain.
const SHORT_LINE_WORDS: usize = 12;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RuleFile {
    exact: Vec<String>,
    prefix: Vec<String>,
    contains: Vec<String>,
    regex: Vec<String>,
    tail: Vec<String>,
    labels: Vec<String>,
}

/// The compiled rules.
#[derive(Debug)]
pub struct Boilerplate {
    exact: std::collections::HashSet<String>,
    /// Anchored at the start of the folded line.
    prefix: aho_corasick::AhoCorasick,
    contains: aho_corasick::AhoCorasick,
    regex: RegexSet,
    tail: Vec<String>,
    labels: std::collections::HashSet<String>,
}

/// Does a match ending at `end` end a word? "tags" must not match "tagsuber".
fn ends_word(s: &str, end: usize) -> bool {
    let before = s[..end].chars().next_back();
    let after = s[end..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

fn starts_with_word(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix) && ends_word(s, prefix.len())
}

/// What a line is, as far as boilerplate goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Content,
    /// Debris to drop.
    Boilerplate,
    /// The start of a trailing block of debris (comments, related links) when it comes late.
    Tail,
}

impl Boilerplate {
    /// The bundled rules plus any user rule files (TOML, same keys; lists are appended).
    pub fn load(extra: &[String]) -> Result<Self> {
        let mut all = RuleFile::default();
        for (name, text) in std::iter::once(("data/boilerplate.toml".to_string(), BUNDLED.to_string()))
            .chain(extra.iter().map(|t| ("user boilerplate file".to_string(), t.clone())))
        {
            let f: RuleFile = toml::from_str(&text).map_err(|e| CleanError::Data(format!("{name}: {e}")))?;
            all.exact.extend(f.exact);
            all.prefix.extend(f.prefix);
            all.contains.extend(f.contains);
            all.regex.extend(f.regex);
            all.tail.extend(f.tail);
            all.labels.extend(f.labels);
        }
        // Whole-line lists are folded like the lines they are compared with; phrase lists
        // keep a trailing ":" so that "credit:" does not also match "Credit Suisse".
        let norm = |v: Vec<String>| {
            v.into_iter()
                .map(|s| fold_line(&s))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        };
        let norm_phrase = |v: Vec<String>| {
            v.into_iter()
                .map(|s| fold(&s).trim().to_string())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
        };
        // A large lazy-DFA cache: with the default one the set of big stamp/byline
        // patterns falls back to the slow NFA simulation on every line.
        let regex = regex::RegexSetBuilder::new(&all.regex)
            .size_limit(64 << 20)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| CleanError::Data(format!("boilerplate regex: {e}")))?;
        Ok(Self {
            exact: norm(all.exact).into_iter().collect(),
            prefix: aho_corasick::AhoCorasick::builder()
                .start_kind(aho_corasick::StartKind::Anchored)
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(norm_phrase(all.prefix))
                .map_err(|e| CleanError::Data(format!("boilerplate prefixes: {e}")))?,
            contains: aho_corasick::AhoCorasick::new(norm_phrase(all.contains))
                .map_err(|e| CleanError::Data(format!("boilerplate phrases: {e}")))?,
            regex,
            tail: norm_phrase(all.tail),
            labels: norm(all.labels).into_iter().collect(),
        })
    }

    /// Classifies one line of text.
    pub fn classify(&self, line: &str) -> LineKind {
        // No rule applies to a line longer than twice a short line (exact entries are
        // short too): most article text is decided without folding it.
        if line.split_whitespace().nth(2 * SHORT_LINE_WORDS).is_some() {
            return LineKind::Content;
        }
        let folded = fold_line(line);
        if folded.is_empty() {
            // A line of only punctuation or symbols ("***", "|", "•").
            return if line.chars().any(|c| c.is_alphanumeric()) {
                LineKind::Content
            } else {
                LineKind::Boilerplate
            };
        }
        let short = folded.split(' ').count() <= SHORT_LINE_WORDS;
        if self.tail.iter().any(|t| {
            let t = t.trim_end_matches(':');
            folded == t || (short && starts_with_word(&folded, t))
        }) {
            return LineKind::Tail;
        }
        // The regexes describe debris lines (stamps, bylines, counters), all short; long
        // lines skip them, which saves most of the regex time on article text.
        let words = folded.split(' ').count();
        if self.exact.contains(&folded) || (words <= 2 * SHORT_LINE_WORDS && self.regex.is_match(&folded)) {
            return LineKind::Boilerplate;
        }
        // An empty field label: "Vues:", "Date :", "Tags:" with nothing after.
        let trimmed = line.trim();
        if trimmed.ends_with(':') && self.labels.contains(&folded) {
            return LineKind::Boilerplate;
        }
        if words <= SHORT_LINE_WORDS && self.contains.is_match(&folded) {
            return LineKind::Boilerplate;
        }
        // A prefix on a short line; or on a headline-length line when a separator follows
        // it, as in a teaser: "À lire aussi » <headline>", "Read more: <headline>".
        let anchored = aho_corasick::Input::new(&folded).anchored(aho_corasick::Anchored::Yes);
        if let Some(m) = self.prefix.find(anchored).filter(|m| ends_word(&folded, m.end())) {
            let next = folded[m.end()..].trim_start().chars().next();
            let teaser = matches!(next, Some(':' | '"' | '-' | '|' | '>' | '/'));
            if words <= SHORT_LINE_WORDS || (teaser && words <= 2 * SHORT_LINE_WORDS) {
                return LineKind::Boilerplate;
            }
        }
        LineKind::Content
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Boilerplate {
        Boilerplate::load(&[]).unwrap()
    }

    #[test]
    fn typical_debris_is_recognised() {
        let b = rules();
        for line in [
            "PARTAGER:",
            "Partager sur Facebook",
            "Leave a comment",
            "Suivez-nous sur Google News",
            "Follow us on Twitter",
            "PUBLICITÉ",
            "ADVERTISEMENT",
            "Vues:",
            "Date :",
            "spot_imgspot_img",
            "3 + 4 =",
            "1 × 1 =",
            "Tous droits réservés",
        ] {
            assert_ne!(b.classify(line), LineKind::Content, "{line}");
        }
    }

    #[test]
    fn sentences_with_common_words_are_kept() {
        let b = rules();
        for line in [
            "Les habitants ont partagé leurs craintes avec les secouristes, a indiqué la préfecture.",
            "La date de la réunion n'a pas été fixée, selon le ministère.",
            "Trois photos publiées sur les réseaux sociaux montrent la digue rompue.",
            "Date de naissance inconnue pour la victime identifiée mardi soir à Lyon, a précisé la police.",
        ] {
            assert_eq!(b.classify(line), LineKind::Content, "{line}");
        }
    }

    #[test]
    fn teaser_lines_go_whatever_the_length_of_their_headline() {
        let b = rules();
        assert_eq!(
            b.classify(
                "À lire aussi » Crues : comment les digues de la vallée ont été construites dans les années soixante ?"
            ),
            LineKind::Boilerplate
        );
        assert_eq!(
            b.classify("À lire aussi les mémoires du préfet, qui racontent comment les digues de la vallée ont été construites."),
            LineKind::Content
        );
    }

    #[test]
    fn phrases_match_whole_words_and_keep_their_colon() {
        let b = rules();
        assert_eq!(
            b.classify("Tagsüber blieb es ruhig, sagte ein Polizeisprecher."),
            LineKind::Content
        );
        assert_eq!(b.classify("Credit Suisse shares fell 5% on Monday."), LineKind::Content);
        assert_ne!(b.classify("Crédit : AFP / Jean Dupont"), LineKind::Content);
    }

    #[test]
    fn user_rules_extend_the_bundled_ones() {
        let b = Boilerplate::load(&["exact = [\"Le Petit Écho vous remercie\"]".to_string()]).unwrap();
        assert_eq!(b.classify("Le Petit Écho vous remercie !"), LineKind::Boilerplate);
    }
}
