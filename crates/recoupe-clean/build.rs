//! Compiles the word-frequency lexicons (data/lexicon/*.tsv.gz) into FST maps at build
//! time, so that the binary maps them without parsing: decoding 400 000 words into a
//! hash map at every start cost 200 ms, which dominated short runs.

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("../../data/lexicon");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    for lang in ["fr", "en"] {
        let src = root.join(format!("{lang}.tsv.gz"));
        println!("cargo:rerun-if-changed={}", src.display());
        let mut text = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&src).expect("lexicon file"))
            .read_to_string(&mut text)
            .expect("lexicon is gzip'd UTF-8");
        let mut entries: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
        for line in text.lines() {
            let Some((w, f)) = line.split_once('\t') else { continue };
            let f: u64 = f.trim().parse().unwrap_or(0);
            let e = entries.entry(w.trim().to_lowercase()).or_insert(0);
            *e = (*e).max(f);
        }
        let map = fst::Map::from_iter(entries).expect("sorted keys");
        std::fs::write(out.join(format!("{lang}.fst")), map.as_fst().as_bytes()).unwrap();
    }
}
