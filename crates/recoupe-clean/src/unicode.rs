//! Unicode care before anything else looks at the text.
//!
//! NFC (so that "é" is one char whatever the source did), invisible characters removed
//! (zero-width spaces, soft hyphens, BOMs), line breaks unified, ordinary spaces
//! collapsed. No-break spaces (U+00A0, U+202F, U+2009) are kept as they are: French
//! typography puts them inside numbers ("12 000") and the recogniser needs them there.

use unicode_normalization::UnicodeNormalization;

fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{200e}' | '\u{200f}'
    ) || (c.is_control() && c != '\n')
}

/// Normalises a whole text; lines are trimmed and runs of spaces collapsed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    let mut at_line_start = true;
    // Most text is NFC already (the quick check says so without allocating): composing it
    // again costs more than all the rest of this function.
    let composed: std::borrow::Cow<str> = match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(text),
        _ => std::borrow::Cow::Owned(text.nfc().collect()),
    };
    let mut chars = composed.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    continue;
                }
                '\n'
            }
            '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{0b}' | '\u{0c}' => '\n',
            '\t' => ' ',
            c => c,
        };
        if c == '\n' {
            out.push('\n');
            pending_space = false;
            at_line_start = true;
            continue;
        }
        if invisible(c) {
            continue;
        }
        if c == ' ' || (c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')) {
            pending_space = !at_line_start;
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        at_line_start = false;
        out.push(c);
    }
    out
}

/// Splits normalised text into paragraphs: one per line, except that blocks of
/// hard-wrapped lines (as in e-mails or old text dumps) are joined back together.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, out: &mut Vec<String>| {
        if block.is_empty() {
            return;
        }
        if is_hard_wrapped(block) {
            out.push(block.join(" "));
        } else {
            out.extend(block.iter().map(|l| l.to_string()));
        }
        block.clear();
    };
    for line in text.lines() {
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            flush(&mut block, &mut out);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut out);
    out
}

/// A block is hard-wrapped when its lines (but the last) are of similar, moderate
/// length and mostly do not end a sentence.
fn is_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 3 {
        return false;
    }
    let body = &block[..block.len() - 1];
    let lens: Vec<usize> = body.iter().map(|l| l.chars().count()).collect();
    let max = *lens.iter().max().unwrap_or(&0);
    let min = *lens.iter().min().unwrap_or(&0);
    let open = body
        .iter()
        .filter(|l| !l.ends_with(['.', '!', '?', ':', '»', '"', '”']))
        .count();
    (40..=100).contains(&max) && min * 10 >= max * 6 && open * 10 >= body.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_nbsp_in_numbers_and_drops_invisibles() {
        let t = normalize("12\u{a0}000 et 3\u{202f}500\u{200b} soldats\r\n  ligne  deux\u{ad} ");
        assert_eq!(t, "12\u{a0}000 et 3\u{202f}500 soldats\nligne deux");
    }

    #[test]
    fn composes_accents() {
        assert_eq!(normalize("Cre\u{300}te"), "Crète");
    }

    #[test]
    fn hard_wrapped_blocks_are_joined_and_lines_kept() {
        let wrapped = "Les secours ont été déployés dans la vallée après la\nrupture de la digue, a indiqué la préfecture dans un\ncommuniqué publié lundi soir, sans donner de bilan\nprécis.";
        assert_eq!(paragraphs(wrapped).len(), 1);
        let lines = "Titre de l'article\nPremier paragraphe complet, qui finit bien.\nSecond paragraphe.";
        assert_eq!(paragraphs(lines).len(), 3);
    }
}
