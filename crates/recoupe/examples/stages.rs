//! Where the time goes, stage by stage, on one thread: clean, words + entities, the
//! recognisers, and the whole claim stage, over the `.txt` files of a directory.
//!
//! `cargo run --release -p recoupe --example stages -- DIR [MAX_FILES]`

use recoupe::{CleanOptions, Pipeline, RawDoc};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("DIR");
    let max: usize = args.next().and_then(|m| m.parse().ok()).unwrap_or(2000);
    let mut files = Vec::new();
    for e in walk(std::path::Path::new(&dir)) {
        if files.len() >= max {
            break;
        }
        files.push(std::fs::read_to_string(&e).unwrap());
    }
    let bytes: usize = files.iter().map(String::len).sum();
    let p = Pipeline::new(&CleanOptions::default()).unwrap();
    let ex = recoupe::Extractor::new().unwrap();
    let t = Instant::now();
    let arts: Vec<_> = files
        .iter()
        .enumerate()
        .map(|(i, f)| p.clean(RawDoc::text(i.to_string(), f.clone())))
        .collect();
    let clean = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut n = 0;
    for a in &arts {
        let ws = recoupe_entities_words(&a.text);
        n += ex.gazetteer.link(&ws).mentions.len();
    }
    let link = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut spans = 0;
    for a in &arts {
        let lang = if a.language.as_deref() == Some("en") {
            recoupe::recognize::Lang::En
        } else {
            recoupe::recognize::Lang::Fr
        };
        spans += ex.recognizer.recognize(&a.text, lang, None).len();
    }
    let rec = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut claims = 0;
    for a in &arts {
        claims += ex.analyse(a).claims.len();
    }
    let analyse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut out = 0;
    for a in &arts {
        let found = ex.analyse(a);
        let mut rec = recoupe::Extraction::from_article(a.clone());
        rec.claims = found.claims;
        rec.entities = found.entities;
        out += serde_json::to_vec(&rec).unwrap().len();
    }
    let ser = t.elapsed().as_secs_f64() - analyse;
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.1} MB; {n} mentions, {spans} spans, {claims} claims, {out} bytes out",
        files.len()
    );
    for (name, s) in [
        ("clean", clean),
        ("words+link", link),
        ("recognise", rec),
        ("analyse (all claims)", analyse),
        ("json", ser),
    ] {
        println!("{name:22} {s:6.2} s  {:6.1} MB/s", mb / s);
    }
}

fn recoupe_entities_words(t: &str) -> Vec<recoupe::entities::Word<'_>> {
    recoupe::entities::words(t)
}

fn walk(d: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut v = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            v.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            v.push(p);
        }
    }
    v
}
