//! The cross-check report as a user opens it: `recoupe ingest --report` then the page in a
//! real headless Chromium (Debian's `chromium`, installed by `.ci/run`).

use assert_cmd::Command;
use std::path::Path;

fn recoupe() -> Command {
    Command::cargo_bin("recoupe").expect("binary built")
}

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

#[test]
fn the_report_tells_the_story_in_markdown_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(examples())
        .assert()
        .success();
    let md = String::from_utf8(
        recoupe()
            .args(["report", "--db"])
            .arg(&db)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone(),
    )
    .unwrap();
    assert!(md.starts_with("# recoupe: cross-check"));
    assert!(md.contains("## Story "), "{md}");
    assert!(md.contains("estimates"), "a track summary: {md}");
    let json = recoupe()
        .args(["report", "--format", "json", "--db"])
        .arg(&db)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let stories = v.as_array().unwrap();
    assert!(!stories.is_empty());
    let biggest = &stories[0];
    let track = &biggest["tracks"][0];
    assert!(track["estimates"].as_array().unwrap().len() >= 2, "{track}");
    assert!(track["best"].is_number());
    // One story asked for by id; an unknown one is an error.
    let id = biggest["id"].as_i64().unwrap();
    recoupe()
        .args(["report", "--story", &id.to_string(), "--db"])
        .arg(&db)
        .assert()
        .success();
    recoupe()
        .args(["report", "--story", "999999", "--db"])
        .arg(&db)
        .assert()
        .failure();
}

fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| Path::new(p).exists())
}

#[test]
fn the_html_report_renders_in_a_real_browser() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium is missing: .ci/run installs Debian's chromium"
        );
        eprintln!("chromium not installed: browser check skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let page = dir.path().join("report.html");
    let out = recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg("--report")
        .arg(&page)
        .arg(examples())
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    assert!(
        String::from_utf8_lossy(&out).contains("report.html"),
        "says where the report is"
    );
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script"), "no JavaScript needed");
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "self-contained"
    );
    let run = |extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        std::process::Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
            ])
            .args([
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
                "--v=0",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(format!("file://{}", page.display()))
            .output()
            .unwrap()
    };
    // The DOM as rendered: the charts are there, with their marks.
    let dom = run(&["--dump-dom"]);
    let dom_text = String::from_utf8_lossy(&dom.stdout);
    assert!(
        dom_text.contains("class=\"chart\"") && dom_text.contains("<svg"),
        "a chart: {}",
        &dom_text[..dom_text.len().min(500)]
    );
    assert!(
        dom_text.contains("<circle") || dom_text.contains("<rect"),
        "marks in the chart"
    );
    let log = String::from_utf8_lossy(&dom.stderr);
    assert!(
        !log.contains("CONSOLE") && !log.contains("Uncaught"),
        "console errors: {log}"
    );
    // A screenshot, kept beside the test's output for a person to look at.
    let shot = std::env::temp_dir().join("recoupe-report-screenshot.png");
    let r = run(&["--window-size=1100,1600", &format!("--screenshot={}", shot.display())]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let png = std::fs::read(&shot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 30_000,
        "a real picture ({} bytes) at {}",
        png.len(),
        shot.display()
    );
    eprintln!("screenshot: {}", shot.display());
}

#[test]
fn the_north_korean_troops_story_cross_checks_the_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !seeds.exists() {
        eprintln!("../shared not found: seed story not checked");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    recoupe()
        .arg("ingest")
        .arg("--db")
        .arg(&db)
        .arg(examples())
        .arg(&seeds)
        .assert()
        .success();
    let json = recoupe()
        .args(["report", "--format", "json", "--db"])
        .arg(&db)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let stories: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let stories = stories.as_array().unwrap();
    // The story whose North Korean troops track has the most estimates (no seed text here).
    let troops_of = |s: &serde_json::Value| {
        s["tracks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["category"] == "troops" && t["actor"] == "north-korea")
            .map(|t| t["estimates"].as_array().unwrap().len())
            .max()
            .unwrap_or(0)
    };
    let nk = stories.iter().max_by_key(|s| troops_of(s)).expect("stories");
    assert!(troops_of(nk) >= 5, "{nk}");
    let track = |cat: &str| {
        nk["tracks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["category"] == cat && t["actor"] == "north-korea")
            .cloned()
            .unwrap_or_else(|| panic!("no {cat} track: {nk}"))
    };
    let troops = track("troops");
    let es = troops["estimates"].as_array().unwrap();
    let find = |exact: Option<f64>, min: Option<f64>, max: Option<f64>| {
        es.iter()
            .find(|e| e["exact"].as_f64() == exact && e["min"].as_f64() == min && e["max"].as_f64() == max)
            .unwrap_or_else(|| panic!("no estimate {exact:?} {min:?} {max:?} in {troops}"))
    };
    for (e, source) in [
        (find(Some(1500.0), None, None), "renseignement"),
        (find(Some(3000.0), None, None), "Bbc"),
        (find(Some(10000.0), None, None), "Zelenski"),
        (find(None, None, Some(12000.0)), "renseignement"),
        (find(None, Some(1000.0), Some(3000.0)), "Joongang Ilbo"),
    ] {
        assert!(e["source"].as_str().is_some_and(|s| s.contains(source)), "{e}");
    }
    assert_eq!(track("officers")["estimates"][0]["exact"], 500.0);
    assert_eq!(track("generals")["estimates"][0]["exact"], 3.0);
    let statements = nk["statements"].as_array().unwrap();
    assert!(
        statements
            .iter()
            .any(|s| s["stance"] == "confirms" && s["source"].as_str().is_some_and(|x| x.contains("OTAN"))),
        "{statements:?}"
    );
    assert!(
        statements
            .iter()
            .any(|s| s["stance"] == "denies" && s["source"].as_str().is_some_and(|x| x.contains("Kremlin"))),
        "{statements:?}"
    );
    // The wounded in Kharkiv are another story.
    assert!(
        nk["tracks"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["category"] != "wounded"),
        "{nk}"
    );
    let kharkiv = stories
        .iter()
        .find(|s| s["label"].as_str().is_some_and(|l| l.contains("Kharkiv")))
        .expect("a Kharkiv story");
    assert!(
        kharkiv["tracks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["category"] == "wounded"),
        "{kharkiv}"
    );
}
