//! Measures language identification on short texts, the case where detectors differ:
//! `cargo run --release -p recoupe-clean --example lang_eval [FILE]` reads
//! `LANG<TAB>TEXT` lines (default: tests/data/lang_short.tsv) and prints the accuracy of
//! lingua (high and low accuracy modes), whatlang, and recoupe's own choice (function
//! words first, lingua when in doubt) per text length.

use lingua::{Language, LanguageDetectorBuilder};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/lang_short.tsv").to_string());
    let data = std::fs::read_to_string(&path).expect("readable test file");
    let items: Vec<(&str, &str)> = data.lines().filter_map(|l| l.split_once('\t')).collect();
    let langs = recoupe_clean::lang::LANGUAGES;
    let high = LanguageDetectorBuilder::from_languages(&langs).build();
    let low = LanguageDetectorBuilder::from_languages(&langs)
        .with_low_accuracy_mode()
        .build();
    let code = |l: Option<Language>| l.map(|l| l.iso_code_639_1().to_string());
    let wl = |t: &str| {
        let allow = vec![
            whatlang::Lang::Fra,
            whatlang::Lang::Eng,
            whatlang::Lang::Deu,
            whatlang::Lang::Spa,
            whatlang::Lang::Ita,
            whatlang::Lang::Por,
            whatlang::Lang::Nld,
        ];
        whatlang::Detector::with_allowlist(allow).detect_lang(t).map(|l| {
            match l {
                whatlang::Lang::Fra => "fr",
                whatlang::Lang::Eng => "en",
                whatlang::Lang::Deu => "de",
                whatlang::Lang::Spa => "es",
                whatlang::Lang::Ita => "it",
                whatlang::Lang::Por => "pt",
                _ => "nl",
            }
            .to_string()
        })
    };
    let cleaner = recoupe_clean::Cleaner::new(&Default::default()).expect("cleaner");
    let buckets = [
        (1, 3, "2-3 words"),
        (4, 6, "4-6 words"),
        (7, 12, "7-12 words"),
        (13, 1000, "13+ words"),
    ];
    println!(
        "{:<12} {:>5} {:>12} {:>12} {:>9} {:>9}",
        "length", "n", "lingua-high", "lingua-low", "whatlang", "recoupe"
    );
    let mut totals = [0usize; 5];
    for (lo, hi, name) in buckets {
        let sel: Vec<&(&str, &str)> = items
            .iter()
            .filter(|(_, t)| (lo..=hi).contains(&t.split_whitespace().count()))
            .collect();
        let mut ok = [0usize; 4];
        for (lang, text) in &sel {
            let guesses = [
                code(high.detect_language_of(*text)),
                code(low.detect_language_of(*text)),
                wl(text),
                cleaner.language_of(text),
            ];
            for (k, g) in guesses.iter().enumerate() {
                ok[k] += usize::from(g.as_deref() == Some(*lang));
            }
        }
        let pct = |k: usize| 100.0 * ok[k] as f64 / sel.len().max(1) as f64;
        println!(
            "{name:<12} {:>5} {:>11.1}% {:>11.1}% {:>8.1}% {:>8.1}%",
            sel.len(),
            pct(0),
            pct(1),
            pct(2),
            pct(3)
        );
        totals[0] += sel.len();
        for k in 0..4 {
            totals[k + 1] += ok[k];
        }
    }
    let pct = |k: usize| 100.0 * totals[k] as f64 / totals[0].max(1) as f64;
    println!(
        "{:<12} {:>5} {:>11.1}% {:>11.1}% {:>8.1}% {:>8.1}%",
        "all",
        totals[0],
        pct(1),
        pct(2),
        pct(3),
        pct(4)
    );
}
