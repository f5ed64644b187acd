//! `recoupe recognize` and `recoupe peer-eval` as a user runs them.

use assert_cmd::Command;
use serde_json::Value;

fn recoupe() -> Command {
    Command::cargo_bin("recoupe").expect("binary built")
}

/// Runs a command that must succeed and returns its standard output.
fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("utf-8")
}

#[test]
fn recognize_prints_typed_spans_for_a_person() {
    let out = stdout_of(recoupe().args([
        "recognize",
        "--lang",
        "fr",
        "--ref-date",
        "2024-10-18",
        "Vendredi, jusqu'à 12 000 soldats sont arrivés.",
    ]));
    assert!(
        out.lines()
            .any(|l| l.starts_with("date") && l.contains("\"Vendredi\"") && l.contains("2024-10-18")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("range") && l.contains("\"jusqu'à 12 000\"") && l.contains("\"max\":12000")),
        "{out}"
    );
}

#[test]
fn batch_mode_answers_line_by_line_and_reports_bad_lines() {
    let input = concat!(
        "{\"text\": \"Up to 12,000 troops arrived last Friday.\", \"lang\": \"en\", \"ref_date\": \"2024-10-18\"}\n",
        "not json\n",
        "{\"text\": \"Vendredi, plus de 3 000 soldats.\", \"lang\": \"fr\", \"ref_date\": null}\n",
    );
    let assert = recoupe()
        .args(["recognize", "--format", "jsonl"])
        .write_stdin(input)
        .assert()
        .code(1);
    let out = String::from_utf8(assert.get_output().stdout.clone()).expect("utf-8");
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    let spans = lines[0]["spans"].as_array().expect("spans");
    let up_to = spans.iter().find(|s| s["text"] == "Up to 12,000").expect("bound found");
    assert_eq!(up_to["kind"], "range");
    assert_eq!(up_to["value"]["max"], 12000.0);
    assert_eq!((up_to["start"].as_u64(), up_to["end"].as_u64()), (Some(0), Some(12)));
    let friday = spans.iter().find(|s| s["text"] == "last Friday").expect("date found");
    assert_eq!(friday["value"], "2024-10-11");
    assert!(lines[1]["error"].is_string());
    // No reference date: the weekday stays as written.
    let spans = lines[2]["spans"].as_array().expect("spans");
    let vendredi = spans.iter().find(|s| s["text"] == "Vendredi").expect("weekday found");
    assert!(vendredi["value"]["unresolved"].is_string(), "{vendredi}");
}

#[test]
fn peer_eval_runs_the_suite_when_present() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/peer/recognizers-text");
    if !dir.is_dir() {
        eprintln!("skipped: {} not found", dir.display());
        return;
    }
    let out = stdout_of(recoupe().arg("peer-eval").arg(&dir));
    let last = out.lines().last().expect("a total line");
    let words: Vec<&str> = last.split_whitespace().collect();
    assert_eq!(
        (words[0], words[1], words[3], words[5], words[6]),
        ("peer", "total:", "of", "cases", "pass"),
        "{last}"
    );
    let (passed, cases): (usize, usize) = (words[2].parse().expect("n"), words[4].parse().expect("n"));
    assert!(cases > 1000 && passed <= cases, "{last}");
    assert!(out.contains("unchecked (for information, not counted)"), "{out}");
}

#[test]
fn peer_eval_on_a_missing_directory_says_so() {
    recoupe()
        .args(["peer-eval", "/nonexistent/suite"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("/nonexistent/suite"));
}

#[test]
fn a_user_table_adds_a_bound_phrase() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mine.toml");
    std::fs::write(&file, "[ranges.en]\nbefore = { \"in the region of\" = \"approx\" }\n").expect("written");
    let text = "Officials put it in the region of 3,000 people.";
    let plain = stdout_of(recoupe().args(["recognize", "--lang", "en", text]));
    assert!(!plain.contains("in the region of 3,000"));
    let with = stdout_of(
        recoupe()
            .args(["recognize", "--lang", "en", "--data"])
            .arg(&file)
            .arg(text),
    );
    assert!(
        with.lines()
            .any(|l| l.contains("\"in the region of 3,000\"") && l.contains("\"approx\":true")),
        "{with}"
    );
    std::fs::write(&file, "[nonsense]\nx = 1\n").expect("written");
    recoupe()
        .args(["recognize", "--lang", "en", "--data"])
        .arg(&file)
        .arg(text)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("unknown section"));
}
