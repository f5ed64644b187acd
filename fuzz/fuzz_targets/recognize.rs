//! Every recogniser, both languages, with and without a reference date, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recoupe_recognize::{Lang, Recognizer};

fuzz_target!(|data: &[u8]| {
    static REC: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
    let rec = REC.get_or_init(|| Recognizer::new().expect("built-in tables"));
    let Ok(text) = std::str::from_utf8(data) else { return };
    let reference = "2024-10-18T12:00:00".parse().ok();
    for lang in [Lang::Fr, Lang::En] {
        for r in [reference, None] {
            for s in rec.recognize(text, lang, r) {
                assert!(s.start <= s.end && s.end <= text.chars().count());
            }
        }
    }
});
