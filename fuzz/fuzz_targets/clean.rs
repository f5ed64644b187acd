//! Any bytes, taken both as scraped text and as an HTML page, must clean without a panic,
//! and every span must point inside the cleaned text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use recoupe_clean::{CleanOptions, Cleaner};
use recoupe_model::RawDoc;
use std::sync::OnceLock;

fn cleaner() -> &'static Cleaner {
    static C: OnceLock<Cleaner> = OnceLock::new();
    C.get_or_init(|| Cleaner::new(&CleanOptions::default()).unwrap())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for raw in [RawDoc::text("fuzz", text.clone()), RawDoc::html("fuzz", text)] {
        let a = cleaner().clean(raw);
        let n = a.text.chars().count();
        for s in a.sentences.iter().chain(a.paragraphs.iter().map(|p| &p.span)) {
            assert!(s.start <= s.end && s.end <= n);
        }
    }
});
