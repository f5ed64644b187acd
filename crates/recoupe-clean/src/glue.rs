//! Repair of words glued together where a scraper stripped a link.
//!
//! A page that reads `<a>Russie</a>citant` comes out of a bad scraper as "Russiecitant".
//! No crate repairs this, and a generic word segmenter would happily split real words
//! ("Kremlinologue" -> "Kremlin ologue"), so the method here is deliberately narrow and
//! guarded by a word-frequency lexicon:
//!
//! * a token the lexicon knows is never touched;
//! * the left part must be a capitalised, reasonably frequent word (a stripped link is
//!   almost always a name), at least three letters long;
//! * the right part must be a frequent word (function words and common verbs: "qui",
//!   "avec", "citant", "Les"), or an elided article ("l'", "d'") followed by a word.
//!
//! Three shapes are handled: a case change inside a token ("UkraineLes",
//! "RussieL'armée"), a name glued to an elided article ("Poutinel'invasion" ->
//! "Poutine l'invasion"), and two lowercase-joined words ("Ukrainequi").

use crate::lexicon::Lexicon;

/// Minimum Zipf x 100 of the name on the left when a case change or an apostrophe
/// marks the junction (about 1 per 3 million words).
const MIN_LEFT: u16 = 250;
/// The same when nothing marks the junction ("Ukrainequi"): a stronger name is needed.
const MIN_LEFT_PLAIN: u16 = 300;
/// Minimum Zipf x 100 of a plain word on the right: common words only.
const MIN_RIGHT: u16 = 350;
/// A token at least this frequent is a real word and is never split.
const KNOWN: u16 = 100;

const ELIDED: &[&str] = &["l", "d", "j", "m", "n", "s", "t", "c", "qu"];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// The lexicons a token is checked against (article language first), and the names
/// the article itself writes standalone: a stripped link is usually a name the article
/// also mentions elsewhere, even when no lexicon knows it ("Rochebrune").
pub struct Glue<'a> {
    pub lexicons: Vec<&'a Lexicon>,
    /// The lexicon of the other language, when the article's is known: a word on the
    /// right of an unmarked junction must belong to the article's language ("Insured"
    /// in English is not "Insu" + "red", even though "red" occurs in French text).
    pub foreign: Option<&'a Lexicon>,
    pub names: std::collections::HashSet<String>,
}

/// Capitalised words of at least three letters written standalone in a text.
pub fn standalone_names(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !(c.is_alphabetic() || c == '-'))
        .flat_map(|w| w.split('-'))
        .filter(|w| w.chars().count() >= 3 && starts_upper(w) && w.chars().skip(1).all(char::is_lowercase))
        .map(str::to_string)
        .collect()
}

impl Glue<'_> {
    fn zipf(&self, w: &str) -> u16 {
        self.lexicons.iter().map(|l| l.zipf(w)).max().unwrap_or(0)
    }

    /// A word the right side of a split may start with: frequent, or an elided article
    /// followed by a known word ("l'armée", "L'Iran").
    fn good_right(&self, right: &str) -> bool {
        if let Some(pos) = right.find(is_apostrophe) {
            let (art, rest) = right.split_at(pos);
            let rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            return ELIDED.contains(&art.to_lowercase().as_str()) && (self.zipf(rest) >= KNOWN || starts_upper(rest));
        }
        self.zipf(right) >= MIN_RIGHT
    }

    fn good_left(&self, left: &str, min: u16) -> bool {
        left.chars().count() >= 3 && starts_upper(left) && (self.zipf(left) >= min || self.names.contains(left))
    }

    /// The repaired form of one token (letters, apostrophes, hyphens), if it was glued.
    pub fn repair_token(&self, token: &str) -> Option<String> {
        if token.contains('-') {
            let parts: Vec<&str> = token.split('-').collect();
            let mut changed = false;
            let fixed: Vec<String> = parts
                .iter()
                .map(|p| match self.repair_token(p) {
                    Some(f) => {
                        changed = true;
                        f
                    }
                    None => p.to_string(),
                })
                .collect();
            return changed.then(|| fixed.join("-"));
        }
        if self.zipf(token) >= KNOWN {
            return None;
        }
        // A name glued to an elided article: "Poutinel'invasion".
        if let Some(pos) = token.find(is_apostrophe) {
            let (head, tail) = token.split_at(pos);
            if self.zipf(head) < KNOWN {
                let lower = head.to_lowercase();
                for art in ELIDED {
                    if lower.ends_with(art) && head.is_char_boundary(head.len() - art.len()) {
                        let name = &head[..head.len() - art.len()];
                        if self.good_left(name, MIN_LEFT) {
                            let art_written = &head[name.len()..];
                            return Some(format!("{name} {art_written}{tail}"));
                        }
                    }
                }
            }
            // Otherwise only the part after the apostrophe may be glued ("l'UkraineLes").
            let apo_len = tail.chars().next().map_or(0, char::len_utf8);
            let rest = &tail[apo_len..];
            return self
                .repair_token(rest)
                .map(|r| format!("{head}{}{r}", &tail[..apo_len]));
        }
        let chars: Vec<(usize, char)> = token.char_indices().collect();
        // A case change inside the token: "UkraineLes", "RussieL'armée".
        for w in chars.windows(2) {
            let ((_, a), (i, b)) = (w[0], w[1]);
            if a.is_lowercase() && b.is_uppercase() {
                let (left, right) = token.split_at(i);
                if self.good_left(left, MIN_LEFT) && (self.good_right(right) || self.zipf(right) >= KNOWN) {
                    let rest = self.repair_token(right).unwrap_or_else(|| right.to_string());
                    return Some(format!("{left} {rest}"));
                }
            }
        }
        // Two words joined in lowercase after a capitalised name: "Ukrainequi".
        if !starts_upper(token) || chars.len() < 5 || chars.iter().skip(1).any(|(_, c)| c.is_uppercase()) {
            return None;
        }
        let mut best: Option<(u16, usize)> = None;
        for &(i, _) in chars.iter().skip(3) {
            let (left, right) = token.split_at(i);
            let native = self.foreign.is_none_or(|f| f.zipf(right) <= self.zipf(right));
            if right.chars().count() < 3 || !native || !self.good_left(left, MIN_LEFT_PLAIN) || !self.good_right(right)
            {
                continue;
            }
            let score = self.zipf(left).min(self.zipf(right));
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| format!("{} {}", &token[..i], &token[i..]))
    }

    /// Repairs every glued token of a line; returns the new line and the repairs made.
    pub fn repair_line(&self, line: &str) -> (String, Vec<(String, String)>) {
        let mut out = String::with_capacity(line.len() + 8);
        let mut repairs = Vec::new();
        let mut start: Option<usize> = None;
        let is_word = |c: char| c.is_alphabetic() || is_apostrophe(c) || c == '-';
        let mut flush = |s: usize, e: usize, out: &mut String| {
            let tok = &line[s..e];
            // Trim apostrophes and hyphens at the edges: they are quotes or dashes.
            let core_start = tok.len() - tok.trim_start_matches(|c: char| !c.is_alphabetic()).len();
            let core = tok[core_start..].trim_end_matches(|c: char| !c.is_alphabetic());
            let core_end = core_start + core.len();
            // Only tokens with a capital letter or an apostrophe can hold a junction that
            // the rules below would split; skipping the rest saves most lexicon lookups.
            let candidate = core.len() >= 5 && core.chars().any(|c| c.is_uppercase() || is_apostrophe(c));
            match candidate.then(|| self.repair_token(core)).flatten() {
                Some(fixed) => {
                    out.push_str(&tok[..core_start]);
                    out.push_str(&fixed);
                    out.push_str(&tok[core_end..]);
                    repairs.push((core.to_string(), fixed));
                }
                None => out.push_str(tok),
            }
        };
        for (i, c) in line.char_indices() {
            if is_word(c) {
                start.get_or_insert(i);
            } else {
                if let Some(s) = start.take() {
                    flush(s, i, &mut out);
                }
                out.push(c);
            }
        }
        if let Some(s) = start {
            flush(s, line.len(), &mut out);
        }
        (out, repairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn lex() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::bundled("fr"))
    }

    fn fix(s: &str) -> String {
        Glue {
            lexicons: vec![lex()],
            foreign: None,
            names: standalone_names(s),
        }
        .repair_line(s)
        .0
    }

    #[test]
    fn glued_names_are_split() {
        assert_eq!(fix("la Bretagnecitant un élu"), "la Bretagne citant un élu");
        assert_eq!(fix("au sud de la FranceLes secours"), "au sud de la France Les secours");
        assert_eq!(fix("selon Macronl’entreprise"), "selon Macron l’entreprise");
        assert_eq!(fix("l'armée de l'EspagneL'armée"), "l'armée de l'Espagne L'armée");
        assert_eq!(fix("Berlinavec ses alliés"), "Berlin avec ses alliés");
        assert_eq!(fix("de la Belgiquequi a voté"), "de la Belgique qui a voté");
    }

    #[test]
    fn real_words_stay_whole() {
        for s in [
            "Ukrainienne",
            "Kremlinologue",
            "Russie-Ukraine",
            "hydroélectrique",
            "anticonstitutionnellement",
            "aujourd'hui",
            "quelqu'un",
            "jusqu'à",
            "YouTube",
            "McDonald",
            "iPhone",
            "LinkedIn",
        ] {
            assert_eq!(fix(s), s);
        }
    }

    #[test]
    fn names_the_article_writes_elsewhere_count_as_known() {
        assert_eq!(
            fix("Le maire de Rochebrune parle. Les habitants de Rochebruneselon lui"),
            "Le maire de Rochebrune parle. Les habitants de Rochebrune selon lui"
        );
        assert_eq!(
            fix("Les habitants de Rochebruneselon lui"),
            "Les habitants de Rochebruneselon lui"
        );
        assert_eq!(
            fix("le ministre Rustem Umerov et Georgui Zinoviev"),
            "le ministre Rustem Umerov et Georgui Zinoviev"
        );
    }

    #[test]
    fn quotes_and_punctuation_around_tokens_survive() {
        assert_eq!(fix("« Parisavec », dit-il."), "« Paris avec », dit-il.");
        assert_eq!(fix("'Londresqui'"), "'Londres qui'");
    }
}
