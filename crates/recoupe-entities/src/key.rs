//! The spelling-tolerant key names are compared under.
//!
//! Names of the same person or place reach French and English news through different
//! transliterations: Zelensky / Zelenski / Zelenskyy, Koursk / Kursk, Guéorgui / Georgui /
//! Georgy. Rather than listing every variant, both the gazetteer and the text are reduced
//! to a key where the usual transliteration choices coincide: French "ou" and English "u",
//! "y" and "i", doubled letters, French "gu" before e/i (a hard g), "ph" and "f", "w" and
//! "v", "tch" and "ch", "dj" and "j". The key is only ever compared with other keys; it is
//! never shown.

/// The key of one folded word (lower case, no accents).
pub fn phonetic(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    phonetic_into(folded, &mut out);
    out
}

/// [`phonetic`], appended to `out` (no allocation of its own).
pub fn phonetic_into(folded: &str, out: &mut String) {
    let b = folded.as_bytes();
    if !folded.is_ascii() {
        out.push_str(folded);
        return;
    }
    let base = out.len();
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let (emit, skip): (&[u8], usize) = if rest.starts_with(b"gue") || rest.starts_with(b"gui") {
            (&rest[..1], 2) // "gu" before e/i is a hard g: emit "g", keep the vowel
        } else if rest.starts_with(b"tch") {
            (b"ch", 3)
        } else if rest.starts_with(b"ou") {
            (b"u", 2)
        } else if rest.starts_with(b"ph") {
            (b"f", 2)
        } else if rest.starts_with(b"dj") {
            (b"j", 2)
        } else if rest.starts_with(b"ck") {
            (b"k", 2)
        } else if rest[0] == b'y' {
            (b"i", 1)
        } else if rest[0] == b'w' {
            (b"v", 1)
        } else {
            (&rest[..1], 1)
        };
        for &c in emit {
            if out.len() == base || out.as_bytes().last() != Some(&c) || !c.is_ascii_alphabetic() {
                out.push(c as char);
            }
        }
        i += skip;
    }
}

/// A slug for ids: ASCII letters and digits, words joined by '-'.
pub fn slug(s: &str) -> String {
    let f = crate::words::fold(s);
    let mut out = String::with_capacity(f.len());
    for c in f.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Damerau-Levenshtein distance at most `max`, for names long enough that one slip is a
/// typo rather than another name.
pub fn close(a: &str, b: &str, max: usize) -> bool {
    a.len().abs_diff(b.len()) <= max && strsim::osa_distance(a, b) <= max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_meet() {
        for (a, b) in [
            ("zelensky", "zelenski"),
            ("zelenskyy", "zelenski"),
            ("zelenskiy", "zelenski"),
            ("koursk", "kursk"),
            ("gueorgui", "georgy"),
            ("georgui", "georgi"),
        ] {
            assert_eq!(phonetic(a), phonetic(b), "{a} / {b}");
        }
        assert_ne!(
            phonetic("kiev"),
            phonetic("kyiv"),
            "different names, listed as aliases instead"
        );
        assert_ne!(phonetic("corée"), phonetic("chine"));
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Corée du Nord"), "coree-du-nord");
        assert_eq!(slug("L'Indépendant de Kyiv"), "l-independant-de-kyiv");
    }

    #[test]
    fn one_slip_is_close_two_are_not() {
        assert!(close("voldimir", "volodimir", 1));
        assert!(!close("poutine", "pouline", 0));
        assert!(!close("macron", "micron", 0));
    }
}
