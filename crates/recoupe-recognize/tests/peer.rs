//! The peer suite (Microsoft Recognizers-Text's own test cases), when `../shared/peer` is
//! beside the checkout: every bar of the issue, per language, on checked cases.

use std::path::Path;

use recoupe_recognize::peer::{format_report, run_dir};
use recoupe_recognize::Recognizer;

#[test]
fn peer_suite_bars() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/recognizers-text");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let rec = Recognizer::new().expect("built-in tables");
    let reports = run_dir(&rec, &dir, false).expect("peer cases readable");
    println!("{}", format_report(&reports));
    let mut below = Vec::new();
    for r in &reports {
        let bar = match r.model.as_str() {
            "NumberModel" | "OrdinalModel" | "PercentModel" => 0.95,
            "NumberRangeModel" => 0.90,
            "CurrencyModel" | "AgeModel" | "DimensionModel" | "DateTimeModel" => 0.85,
            _ => continue,
        };
        if r.checked > 0 && (r.checked_pass as f64) < bar * r.checked as f64 {
            below.push(format!(
                "{} {}: {} of {} (bar {bar})",
                r.language, r.model, r.checked_pass, r.checked
            ));
        }
    }
    assert!(below.is_empty(), "below the bar: {below:#?}");
}
