//! `recoupe ingest` and `recoupe search` on real SQLite files: idempotence, crash safety
//! (kill -9 in the middle of an ingest), and search across spellings.

use assert_cmd::cargo::CommandCargoExt;
use assert_cmd::Command;
use std::path::Path;
use std::time::{Duration, Instant};

fn recoupe() -> Command {
    Command::cargo_bin("recoupe").expect("binary built")
}

/// Many distinct small articles of our own.
fn corpus(dir: &Path, n: usize) {
    let places = ["Kharkiv", "Koursk", "Odessa", "Kherson", "Soumy"];
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 500));
        std::fs::create_dir_all(&sub).unwrap();
        let text = format!(
            "Frappes sur {p} : bilan n°{i}\n\nSelon la police, au moins {a} personnes ont été blessées dans la nuit à {p}. \
             Le gouverneur a déclaré que {b} immeubles avaient été touchés, a rapporté l'AFP.\n\n\
             L'armée affirme avoir abattu {c} drones, un chiffre que Moscou dément.\n",
            p = places[i % places.len()],
            a = 3 + i % 40,
            b = 10 + i,
            c = 5 + i % 17,
        );
        std::fs::write(sub.join(format!("a{i:05}.txt")), text).unwrap();
    }
}

fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

/// Everything stored, in an order that does not depend on when it was stored.
fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT key || '|' || record FROM articles ORDER BY key",
        "SELECT a.key || '|' || c.idx || '|' || coalesce(c.value_exact, '') || '|' || coalesce(c.value_min, '') || '|' || c.counted || '|' || c.modality || '|' || coalesce(c.source_text, '') FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY a.key, c.idx",
        "SELECT a.key || '|' || s.idx || '|' || s.stance || '|' || s.subject FROM statements s JOIN articles a ON a.id = s.article_id ORDER BY a.key, s.idx",
        "SELECT a.key || '|' || m.entity_id || '|' || m.mentions FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.key, m.entity_id",
        "SELECT a.key FROM article_fts f JOIN articles a ON a.id = f.rowid ORDER BY a.key",
    ] {
        let mut st = conn.prepare(sql).unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
        out.push("--".into());
    }
    out
}

#[test]
fn ingesting_the_same_input_again_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("in"), 30);
    let db = dir.path().join("r.db");
    recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(dir.path().join("in"))
        .assert()
        .success();
    let first = dump(&db);
    assert_eq!(count(&db, "articles"), 30);
    assert!(count(&db, "claims") >= 60, "claims stored");
    let out = recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(dir.path().join("in"))
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("0 article(s) added, 30 already stored"));
    assert_eq!(dump(&db), first);
}

#[test]
fn kill_9_in_the_middle_then_a_rerun_equals_one_clean_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    let total = 3000;
    corpus(&input, total);
    // The reference: one uninterrupted run.
    let clean = dir.path().join("clean.db");
    recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&clean)
        .arg(&input)
        .assert()
        .success();
    assert_eq!(count(&clean, "articles"), total as i64);
    // Killed as soon as the first batches are committed.
    let crashed = dir.path().join("crashed.db");
    let mut child = std::process::Command::cargo_bin("recoupe")
        .unwrap()
        .arg("ingest")
        .arg("--db")
        .arg(&crashed)
        .arg(&input)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) && !(crashed.exists() && count(&crashed, "articles") > 0) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let after_kill = count(&crashed, "articles");
    assert!(
        after_kill > 0 && after_kill < total as i64,
        "killed mid-way: {after_kill} of {total} stored"
    );
    // Nothing half-written: every stored article has its claims.
    assert_eq!(count(&crashed, "articles"), count(&crashed, "article_fts"));
    recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&crashed)
        .arg(&input)
        .assert()
        .success();
    assert_eq!(dump(&crashed), dump(&clean));
}

#[test]
fn search_finds_other_spellings_and_folds_accents() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("in"), 10);
    let db = dir.path().join("r.db");
    recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(dir.path().join("in"))
        .assert()
        .success();
    let out = recoupe()
        .args(["search", "--db"])
        .arg(&db)
        .arg("Kursk")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let titles: Vec<&str> = out.lines().filter(|l| l.starts_with("----")).collect();
    assert_eq!(titles.len(), 2, "{out}");
    assert!(titles.iter().all(|l| l.contains("Frappes sur Koursk")), "{out}");
    let out = recoupe()
        .args(["search", "--db"])
        .arg(&db)
        .arg("blessees")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        String::from_utf8(out)
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("----"))
            .count(),
        10
    );
}
