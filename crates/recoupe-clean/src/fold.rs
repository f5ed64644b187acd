//! Folding: the key under which lines and words are compared to the phrase lists.

use unicode_normalization::UnicodeNormalization;

/// Lowercase, accents removed (NFKD minus combining marks), typographic quotes made
/// ASCII, runs of white space (including NBSP) collapsed to one space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        // French typography puts a space before ":"; folding drops it so that "Crédit :"
        // and "Credit:" meet.
        if space && !out.is_empty() && c != ':' {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold`], then trailing punctuation (`:` `!` `.` `…` `»` `"`) and spaces trimmed: the
/// form in which whole lines are looked up in the boilerplate lists.
pub fn fold_line(s: &str) -> String {
    let f = fold(s);
    f.trim_end_matches([':', '!', '.', '\u{2026}', '"', ' ', '?', '|', '-', '>', '*'])
        .trim_start_matches(['"', ' ', '|', '-', '*', '>', '\u{2022}'])
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_quotes_and_spaces() {
        assert_eq!(fold("S’il  vous\u{a0}PLAÎT"), "s'il vous plait");
        assert_eq!(fold_line("LAISSER UN COMMENTAIRE !"), "laisser un commentaire");
        assert_eq!(fold_line("Vues:"), "vues");
        assert_eq!(fold("Crédit : AFP"), "credit: afp");
    }
}
