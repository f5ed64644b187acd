//! Property tests: any integer below 10^12, written in digits with any separator newsrooms
//! use, or spelt out in French or English words, reads back as itself.
//!
//! The spellers below follow the written rules of each language (French: "et" only in
//! 21–71, "quatre-vingts" plural only when final, "cents" plural only when final, "mille"
//! invariable; English: hyphenated tens, optional "and"), independently of the reader.

use proptest::prelude::*;
use recoupe_recognize::number::{number_at, NumKind};
use recoupe_recognize::token::Tokens;
use recoupe_recognize::{Lang, Recognizer};

fn rec() -> &'static Recognizer {
    static R: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
    R.get_or_init(|| Recognizer::new().expect("built-in tables"))
}

/// Reads `text` as one number covering all of it.
fn read_whole(text: &str, lang: Lang) -> Option<f64> {
    let tk = Tokens::new(text);
    let n = number_at(&tk, 0, &rec().data(lang).numbers, lang)?;
    (n.j == tk.len() && n.kind == NumKind::Cardinal).then_some(n.value)
}

const EN_UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn en_below_1000(n: u64, and: bool, hyphen: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    let mut parts = Vec::new();
    if h > 0 {
        parts.push(format!("{} hundred", EN_UNITS[h as usize]));
    }
    if r > 0 {
        if h > 0 && and {
            parts.push("and".to_string());
        }
        if r < 20 {
            parts.push(EN_UNITS[r as usize].to_string());
        } else if r % 10 == 0 {
            parts.push(EN_TENS[(r / 10) as usize].to_string());
        } else {
            let sep = if hyphen { "-" } else { " " };
            parts.push(format!(
                "{}{sep}{}",
                EN_TENS[(r / 10) as usize],
                EN_UNITS[(r % 10) as usize]
            ));
        }
    }
    parts.join(" ")
}

fn en_words(n: u64, and: bool, hyphen: bool) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = Vec::new();
    for (scale, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")] {
        let g = (n / scale) % 1000;
        if g > 0 {
            parts.push(format!("{} {name}", en_below_1000(g, and, hyphen)));
        }
    }
    let r = n % 1000;
    if r > 0 {
        parts.push(en_below_1000(r, and, hyphen));
    }
    parts.join(" ")
}

const FR_UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize",
    "quatorze", "quinze", "seize",
];

/// 0–99 in French; `belgian` writes septante/nonante.
fn fr_below_100(n: u64, belgian: bool, last: bool) -> String {
    let n = n as usize;
    if n <= 16 {
        return FR_UNITS[n].to_string();
    }
    if n < 20 {
        return format!("dix-{}", FR_UNITS[n - 10]);
    }
    let tens = ["", "", "vingt", "trente", "quarante", "cinquante", "soixante"];
    let (t, u) = (n / 10, n % 10);
    if belgian && (t == 7 || t == 9) {
        let name = if t == 7 { "septante" } else { "nonante" };
        return match u {
            0 => name.to_string(),
            1 => format!("{name} et un"),
            _ => format!("{name}-{}", FR_UNITS[u]),
        };
    }
    match t {
        2..=6 => match u {
            0 => tens[t].to_string(),
            1 => format!("{} et un", tens[t]),
            _ => format!("{}-{}", tens[t], FR_UNITS[u]),
        },
        7 => match u {
            1 => "soixante et onze".to_string(),
            _ => format!("soixante-{}", fr_below_100(10 + u as u64, belgian, last)),
        },
        8 => match u {
            0 if last => "quatre-vingts".to_string(),
            0 => "quatre-vingt".to_string(),
            _ => format!("quatre-vingt-{}", FR_UNITS[u]),
        },
        _ => format!("quatre-vingt-{}", fr_below_100(10 + u as u64, belgian, last)),
    }
}

fn fr_below_1000(n: u64, belgian: bool, last: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    let mut s = String::new();
    if h > 0 {
        if h > 1 {
            s.push_str(FR_UNITS[h as usize]);
            s.push(' ');
        }
        s.push_str("cent");
        if h > 1 && r == 0 && last {
            s.push('s');
        }
    }
    if r > 0 {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&fr_below_100(r, belgian, last));
    }
    s
}

fn fr_words(n: u64, belgian: bool) -> String {
    if n == 0 {
        return "zéro".into();
    }
    let mut parts = Vec::new();
    for (scale, one, many) in [
        (1_000_000_000, "un milliard", "milliards"),
        (1_000_000, "un million", "millions"),
    ] {
        let g = (n / scale) % 1000;
        if g == 1 {
            parts.push(one.to_string());
        } else if g > 1 {
            parts.push(format!("{} {many}", fr_below_1000(g, belgian, false)));
        }
    }
    let th = (n / 1000) % 1000;
    if th == 1 {
        parts.push("mille".to_string());
    } else if th > 1 {
        parts.push(format!("{} mille", fr_below_1000(th, belgian, false)));
    }
    let r = n % 1000;
    if r > 0 {
        parts.push(fr_below_1000(r, belgian, true));
    }
    parts.join(" ")
}

/// Digits grouped by three with `sep` ("12 000", "12,000", "12.000"); no separator below 1000.
fn grouped(n: u64, sep: &str) -> String {
    let d = n.to_string();
    let mut out = String::new();
    for (k, c) in d.chars().enumerate() {
        if k > 0 && (d.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[test]
fn spellers_follow_the_rules() {
    // Checked by hand against French and English grammars.
    assert_eq!(fr_words(80, false), "quatre-vingts");
    assert_eq!(fr_words(81, false), "quatre-vingt-un");
    assert_eq!(fr_words(71, false), "soixante et onze");
    assert_eq!(fr_words(97, false), "quatre-vingt-dix-sept");
    assert_eq!(fr_words(1500, false), "mille cinq cents");
    assert_eq!(fr_words(200_080, false), "deux cent mille quatre-vingts");
    assert_eq!(fr_words(2_000_000, false), "deux millions");
    assert_eq!(fr_words(97, true), "nonante-sept");
    assert_eq!(en_words(21, false, true), "twenty-one");
    assert_eq!(en_words(12_000, true, true), "twelve thousand");
    assert_eq!(en_words(1_203, true, true), "one thousand two hundred and three");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn digits_with_separators(n in 0u64..1_000_000_000_000, s in 0usize..6) {
        let (fr_seps, en_seps) = (["", " ", "\u{a0}", "\u{202f}", ".", " "], ["", ",", " ", "\u{a0}", "\u{202f}", ","]);
        let fr = grouped(n, fr_seps[s]);
        prop_assert_eq!(read_whole(&fr, Lang::Fr), Some(n as f64), "fr {:?}", fr);
        let en = grouped(n, en_seps[s]);
        prop_assert_eq!(read_whole(&en, Lang::En), Some(n as f64), "en {:?}", en);
    }

    #[test]
    fn english_words(n in 0u64..1_000_000_000_000, and in any::<bool>(), hyphen in any::<bool>()) {
        let w = en_words(n, and, hyphen);
        prop_assert_eq!(read_whole(&w, Lang::En), Some(n as f64), "{:?}", w);
    }

    #[test]
    fn french_words(n in 0u64..1_000_000_000_000, belgian in any::<bool>()) {
        let w = fr_words(n, belgian);
        prop_assert_eq!(read_whole(&w, Lang::Fr), Some(n as f64), "{:?}", w);
    }

    #[test]
    fn small_numbers_everywhere(n in 0u64..2000) {
        prop_assert_eq!(read_whole(&fr_words(n, false), Lang::Fr), Some(n as f64));
        prop_assert_eq!(read_whole(&en_words(n, true, true), Lang::En), Some(n as f64));
    }
}
