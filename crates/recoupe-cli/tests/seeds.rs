//! Quality on the five seed articles, scored by the project's referee
//! (`../shared/eval/score.py`). Skipped, with a note, when `../shared` is absent.

use std::path::PathBuf;
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("eval/score.py").exists().then_some(p)
}

#[test]
fn seeds_are_cleaned_without_losing_text() {
    let Some(shared) = shared() else {
        eprintln!("../shared not found: seed scoring skipped");
        return;
    };
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let out = assert_cmd::Command::cargo_bin("recoupe")
        .unwrap()
        .arg("extract")
        .arg("--format")
        .arg("jsonl")
        .args(&seeds)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(&pred, &out.stdout).unwrap();
    let score = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg("--gold")
        .arg(shared.join("eval/gold/seeds.json"))
        .arg("--pred")
        .arg(&pred)
        .arg("--json")
        .output()
        .expect("python3 runs");
    assert!(score.status.success(), "{}", String::from_utf8_lossy(&score.stderr));
    let stdout = String::from_utf8_lossy(&score.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .expect("a JSON line");
    let figures: serde_json::Value = serde_json::from_str(line).unwrap();
    let f = |k: &str| {
        figures[k]
            .as_f64()
            .unwrap_or_else(|| panic!("{k} missing in {figures}"))
    };
    eprintln!("seed figures: {figures}");
    assert_eq!(f("body_kept"), 1.0, "article text lost: {figures}");
    assert!(f("cleaning") >= 0.97, "cleaning below 0.97: {figures}");
    assert!(f("glue_repaired") >= 0.9, "glue repair below 0.9: {figures}");
}
