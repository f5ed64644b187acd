//! End-to-end runs of `recoupe extract` on real files of every input format: the
//! bundled example corpus (the WARC written by Python's warcio, see
//! scripts/make_example_warc.py) and the bad-input fixtures of recoupe-ingest.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    records: Vec<Value>,
    stderr: String,
    code: i32,
}

fn extract(args: &[&str]) -> Run {
    let out = assert_cmd::Command::cargo_bin("recoupe")
        .unwrap()
        .current_dir(root())
        .arg("extract")
        .args(args)
        .output()
        .unwrap();
    let records = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is a JSON record"))
        .collect();
    Run {
        records,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

fn by_doc<'a>(run: &'a Run, suffix: &str) -> &'a Value {
    run.records
        .iter()
        .find(|r| r["doc"].as_str().unwrap().ends_with(suffix))
        .unwrap_or_else(|| panic!("no record for {suffix}"))
}

#[test]
fn example_corpus_reads_every_format() {
    let run = extract(&["examples/corpus"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let count = |part: &str| {
        run.records
            .iter()
            .filter(|r| r["doc"].as_str().unwrap().contains(part))
            .count()
    };
    // 5 text files, 3 HTML pages, 3 JSONL lines, 3 RSS items, 2 Atom entries, and the 3
    // HTML responses of the WARC (its warcinfo, request and image records are skipped).
    assert_eq!(count("/text/"), 5);
    assert_eq!(count("/html/"), 3);
    assert_eq!(count("wire.jsonl#"), 3);
    assert_eq!(count("sorne.rss#"), 3);
    assert_eq!(count("sorne-atom.xml#"), 2);
    assert_eq!(count("sorne.warc.gz#"), 3);
    assert_eq!(run.records.len(), 19);
    for r in &run.records {
        assert!(!r["text"].as_str().unwrap().is_empty(), "{}", r["doc"]);
        assert!(r["claims"].as_array().is_some() && r["entities"].as_array().is_some());
    }
}

#[test]
fn warc_records_keep_their_url_title_and_language() {
    let run = extract(&["examples/corpus/warc/sorne.warc.gz"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs: Vec<&str> = run.records.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    assert_eq!(
        docs,
        [
            "examples/corpus/warc/sorne.warc.gz#3",
            "examples/corpus/warc/sorne.warc.gz#4",
            "examples/corpus/warc/sorne.warc.gz#6"
        ]
    );
    let en = by_doc(&run, "#4");
    assert_eq!(en["language"], "en");
    assert_eq!(
        en["title"],
        "Volunteers flock to France’s Sorne Valley as death toll reaches 22"
    );
    assert!(en["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(by_doc(&run, "#3")["language"], "fr");
}

#[test]
fn html_page_in_latin1_is_decoded_and_cleaned() {
    let run = extract(&["examples/corpus/html/01-gazette-bilan-17-morts.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r = &run.records[0];
    let text = r["text"].as_str().unwrap();
    assert_eq!(r["published"], "2025-03-05");
    assert!(text.contains("une quarantaine de disparus"), "{text}");
    assert!(text.contains("Montarnel (AFP)"));
    assert!(!text.contains('\u{fffd}'), "mis-decoded bytes in {text}");
    assert!(!text.contains("PUBLICITÉ"));
}

#[test]
fn feeds_give_titles_dates_and_full_content() {
    let run = extract(&[
        "examples/corpus/feeds/sorne.rss",
        "examples/corpus/feeds/sorne-atom.xml",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let item2 = by_doc(&run, "sorne.rss#2");
    assert_eq!(
        item2["title"],
        "Barrage de Rochebrune : l'exploitant défend son dernier contrôle"
    );
    assert_eq!(item2["published"], "2025-03-11");
    let atom2 = by_doc(&run, "sorne-atom.xml#2");
    assert_eq!(atom2["language"], "en");
    assert!(atom2["text"]
        .as_str()
        .unwrap()
        .contains("Nearly 1,900 people are still living away from home"));
}

#[test]
fn scraped_text_loses_debris_and_keeps_repaired_body() {
    let run = extract(&["examples/corpus/text/02-sorneinfo-afp-bilan-17-morts.txt"]);
    let r = &run.records[0];
    let text = r["text"].as_str().unwrap();
    assert_eq!(
        r["title"],
        "Vallée de la Sorne : le bilan s'alourdit à 17 morts, une quarantaine de disparus"
    );
    assert_eq!(r["published"], "2025-03-05");
    for debris in [
        "spot_img",
        "PARTAGER",
        "Vues:",
        "Laisser un commentaire",
        "Related News",
        "WhatsApp",
    ] {
        assert!(!text.contains(debris), "{debris} left in the text");
    }
    assert!(text.contains("Radio Sorne citant la gendarmerie"));
    assert!(text.contains("Croix-Rouge l'organisation"));
    assert!(!text.contains("Sornecitant"));
    assert!(text.contains("Le barrage hydroélectrique"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_goes_on() {
    let run = extract(&["crates/recoupe-ingest/tests/fixtures"]);
    assert_eq!(run.code, 1, "a failed input must make the run fail");
    let expect_error = |file: &str, reason: &str| {
        assert!(
            run.stderr.lines().any(|l| l.contains(file) && l.contains(reason)),
            "no error `{reason}` for {file} in:\n{}",
            run.stderr
        );
    };
    expect_error("invalid-utf8.txt", "invalid UTF-8");
    expect_error("binary.bin", "binary");
    expect_error("binary.txt", "binary");
    expect_error("empty.txt", "empty");
    expect_error("whitespace-only.txt", "empty");
    expect_error("truncated.txt.gz", "truncated");
    expect_error("truncated.warc.gz", "truncated");
    expect_error("broken.rss", "feed");
    expect_error("malformed.jsonl: line 3", "malformed JSON");
    expect_error("malformed.jsonl: line 4", "not a JSON object");
    expect_error("malformed.jsonl: line 5", "no text field");
    // What could be read was: the three good JSON lines, the Latin-1 text, the broken
    // HTML, the plain WARC, and the records of the truncated WARC before the cut.
    let docs: Vec<&str> = run.records.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    for d in [
        "malformed.jsonl#1",
        "malformed.jsonl#2",
        "malformed.jsonl#6",
        "latin1.txt",
        "malformed.html",
        "truncated.warc.gz#3",
    ] {
        assert!(docs.iter().any(|x| x.ends_with(d)), "{d} missing from {docs:?}");
    }
    assert!(
        !docs.iter().any(|d| d.ends_with("README.md")),
        "README files are not articles"
    );
    let latin = by_doc(&run, "latin1.txt");
    let t = latin["text"].as_str().unwrap();
    assert!(t.contains("rentrée") && t.contains('€'), "{t}");
}

#[test]
fn stdin_and_output_formats() {
    let out = assert_cmd::Command::cargo_bin("recoupe")
        .unwrap()
        .args(["extract", "--format", "text", "-"])
        .write_stdin("Le Petit Journal\n\nUne crue inattendue\n\nLa rivière est sortie de son lit mardi, a indiqué la mairie, qui a fait évacuer deux écoles.\n\nPARTAGER:\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Une crue inattendue\n\nLa rivière est sortie de son lit mardi, a indiqué la mairie, qui a fait évacuer deux écoles.\n"
    );
    let json = assert_cmd::Command::cargo_bin("recoupe")
        .unwrap()
        .current_dir(root())
        .args(["extract", "--format", "json", "examples/corpus/feeds/wire.jsonl"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).expect("--format json is one JSON array");
    assert_eq!(v.as_array().unwrap().len(), 3);
}
