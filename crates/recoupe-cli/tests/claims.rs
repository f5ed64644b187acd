//! `recoupe extract` as a user runs it for claims: the readable view and the user's own
//! gazetteer and word lists.

use assert_cmd::Command;
use serde_json::Value;

fn recoupe() -> Command {
    Command::cargo_bin("recoupe").expect("binary built")
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("utf-8")
}

fn article(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn the_claims_view_reads_like_a_cross_check() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(
        &dir,
        "a.txt",
        "Frappes sur le sud\n\nSelon l'état-major ukrainien, au moins 1 200 soldats russes auraient été tués dans la région de Zaporijjia.\n\nL'ONU ne peut pas confirmer la présence de mercenaires.\n",
    );
    let out = stdout_of(recoupe().args(["extract", "--format", "claims"]).arg(&p));
    let line = out
        .lines()
        .find(|l| l.contains("soldats"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("≥ 1200 soldats [killed]"), "{line}");
    assert!(line.contains("whose: russes"), "{line}");
    assert!(line.contains("source: l'état-major ukrainien"), "{line}");
    assert!(line.contains("hedged"), "{line}");
    assert!(
        out.lines()
            .any(|l| l.contains("statement: L'ONU cannot confirm: la présence de mercenaires")),
        "{out}"
    );
}

#[test]
fn a_users_gazetteer_and_word_lists_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let p = article(
        &dir,
        "b.txt",
        "Grève chez le sidérurgiste\n\nLe groupe Nordwerk Stahl a annoncé la suppression de 900 postes. Au total, 40 sapeurs-pompiers ont été mobilisés.\n",
    );
    let gaz = article(
        &dir,
        "mine.toml",
        "[[entity]]\nid = \"nordwerk\"\nkind = \"organisation\"\nname = \"Nordwerk Stahl AG\"\naliases = [\"Nordwerk Stahl\", \"Nordwerk\"]\n",
    );
    let words = article(
        &dir,
        "words.toml",
        "[categories]\nfirefighters = [\"sapeurs-pompiers\"]\n",
    );
    let out = stdout_of(
        recoupe()
            .args(["extract", "--format", "jsonl", "--gazetteer"])
            .arg(&gaz)
            .arg("--claims-fr")
            .arg(&words)
            .arg(&p),
    );
    let rec: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(
        rec["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["id"] == "nordwerk"),
        "{rec}"
    );
    let claims = rec["claims"].as_array().unwrap();
    let pompiers = claims
        .iter()
        .find(|c| c["counted"] == "sapeurs-pompiers")
        .unwrap_or_else(|| panic!("{rec}"));
    assert_eq!(pompiers["category"], "firefighters");
    assert_eq!(pompiers["value"]["exact"], 40.0);
    // Without the user's list the same noun has no category of its own.
    let out = stdout_of(recoupe().args(["extract", "--format", "jsonl"]).arg(&p));
    let rec: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let c = rec["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["counted"] == "sapeurs-pompiers")
        .cloned()
        .unwrap();
    assert_ne!(c["category"], "firefighters");
}

#[test]
fn a_broken_user_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = article(&dir, "bad.toml", "[[entity]]\nid = \n");
    let p = article(&dir, "c.txt", "Titre\n\nTexte.\n");
    let out = recoupe()
        .args(["extract", "--gazetteer"])
        .arg(&gaz)
        .arg(&p)
        .assert()
        .failure()
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("bad.toml"), "{err}");
}
