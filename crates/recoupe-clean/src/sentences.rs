//! Sentence splitting for news text in French and English.
//!
//! Written here because the crates tried split on every "M." or leave "l'U.E." and
//! quoted speech wrong. Rules: a sentence ends at `.` `!` `?` `…` followed by white
//! space and a capital, a digit or an opening quote; not after a known abbreviation
//! ("M.", "Mme", "Dr", from data), a single initial ("J.", "J.-L."), or a dotted acronym
//! ("U.E."); never inside quotes (« », “ ”) or parentheses, so that a quote and the
//! speaker it is attributed to stay in one sentence. Offsets are char offsets.

use std::collections::HashSet;

use crate::fold::fold;

/// Quotes longer than this (in chars) may be split inside, so that one unclosed quote
/// mark does not swallow a whole paragraph.
const MAX_QUOTE: usize = 800;

pub struct Splitter {
    abbreviations: HashSet<String>,
}

impl Splitter {
    pub fn new(abbreviations: impl IntoIterator<Item = String>) -> Self {
        Self {
            abbreviations: abbreviations.into_iter().map(|a| fold(&a)).collect(),
        }
    }

    /// Sentence spans (char offsets, end exclusive, trimmed) of one paragraph.
    pub fn split(&self, text: &str) -> Vec<(usize, usize)> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut start = 0;
        let mut quote_depth: i32 = 0;
        let mut quote_open_at = 0;
        let mut straight_open = false;
        let mut paren: i32 = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            match c {
                '«' | '“' => {
                    if quote_depth == 0 {
                        quote_open_at = i;
                    }
                    quote_depth += 1;
                }
                '»' | '”' => quote_depth = (quote_depth - 1).max(0),
                '"' => {
                    // Straight quotes open after space or start, close otherwise.
                    let opening = i == 0 || chars[i - 1].is_whitespace() || "([".contains(chars[i - 1]);
                    if opening && !straight_open {
                        straight_open = true;
                        if quote_depth == 0 {
                            quote_open_at = i;
                        }
                        quote_depth += 1;
                    } else if straight_open {
                        straight_open = false;
                        quote_depth = (quote_depth - 1).max(0);
                    }
                }
                '(' | '[' => paren += 1,
                ')' | ']' => paren = (paren - 1).max(0),
                _ => {}
            }
            if quote_depth > 0 && i - quote_open_at > MAX_QUOTE {
                quote_depth = 0;
                straight_open = false;
            }
            if matches!(c, '.' | '!' | '?' | '…') && quote_depth == 0 && paren == 0 {
                // Extend over runs of terminators and closing marks: "?!", ".»", '."', ".)".
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j], '.' | '!' | '?' | '…' | '»' | '”' | '"' | ')' | '\'' | '’')
                {
                    j += 1;
                }
                let mut k = j;
                while k < chars.len() && chars[k].is_whitespace() {
                    k += 1;
                }
                let ends = k == chars.len()
                    || (k > j
                        && (chars[k].is_uppercase()
                            || chars[k].is_ascii_digit()
                            || matches!(chars[k], '«' | '“' | '"' | '—' | '–' | '-' | '(' | '\'' | '‘')));
                if ends && !(c == '.' && self.is_abbreviation(&chars, start, i)) {
                    push_trimmed(&chars, start, j, &mut out);
                    start = k;
                    i = k;
                    quote_depth = 0;
                    straight_open = false;
                    paren = 0;
                    continue;
                }
            }
            i += 1;
        }
        push_trimmed(&chars, start, chars.len(), &mut out);
        out
    }

    /// Is the word before the period at `dot` an abbreviation, an initial or an acronym?
    fn is_abbreviation(&self, chars: &[char], start: usize, dot: usize) -> bool {
        let mut b = dot;
        while b > start && !chars[b - 1].is_whitespace() && !matches!(chars[b - 1], '(' | '«' | '“' | '"' | '\'' | '’')
        {
            b -= 1;
        }
        let word: String = chars[b..dot].iter().collect();
        if word.is_empty() {
            return false;
        }
        // A single letter ("J.") or initials / dotted acronyms ("J.-L", "U.E", "U.S").
        let letters: Vec<&str> = word.split(['.', '-']).filter(|p| !p.is_empty()).collect();
        if !letters.is_empty()
            && letters
                .iter()
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
        {
            return true;
        }
        self.abbreviations.contains(&fold(&word))
    }
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if e > s {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let s = Splitter::new(["m", "mme", "dr", "mr", "etc.-"].map(String::from));
        let chars: Vec<char> = text.chars().collect();
        s.split(text)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn abbreviations_numbers_and_times_do_not_split() {
        assert_eq!(
            split("M. Dupont a parlé à 22H00. Il a cité 12.000 personnes. Mme Roy aussi."),
            vec![
                "M. Dupont a parlé à 22H00.",
                "Il a cité 12.000 personnes.",
                "Mme Roy aussi."
            ]
        );
    }

    #[test]
    fn quotes_stay_with_their_speaker() {
        assert_eq!(
            split("« Nous sommes prêts. Nous irons », a-t-il dit. Puis il est parti."),
            vec!["« Nous sommes prêts. Nous irons », a-t-il dit.", "Puis il est parti."]
        );
        assert_eq!(
            split("\"We are ready. We go,\" he said. Then he left."),
            vec!["\"We are ready. We go,\" he said.", "Then he left."]
        );
    }

    #[test]
    fn parentheses_initials_and_acronyms() {
        assert_eq!(
            split("Le renseignement (HUR) parle. J.-L. Martin et l'U.E. répondent. Fin."),
            vec![
                "Le renseignement (HUR) parle.",
                "J.-L. Martin et l'U.E. répondent.",
                "Fin."
            ]
        );
    }

    #[test]
    fn etc_may_end_a_sentence() {
        assert_eq!(
            split("Des drones, des obus, etc. Puis rien."),
            vec!["Des drones, des obus, etc.", "Puis rien."]
        );
    }

    #[test]
    fn question_and_exclamation() {
        assert_eq!(
            split("Combien? Personne ne sait! Voilà."),
            vec!["Combien?", "Personne ne sait!", "Voilà."]
        );
    }
}
