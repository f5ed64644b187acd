//! End-to-end throughput of the recognisers over files of text, one paragraph per line:
//! `cargo run --release -p recoupe-recognize --example throughput -- fr FILE...`.
//! Prints MB/s for one thread (the pipeline runs one such pass per core).

fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let lang = recoupe_recognize::Lang::parse(&a[0]).expect("fr or en");
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    // REF=none to time without a reference date (relative dates left unresolved).
    let reference = if std::env::var("REF").as_deref() == Ok("none") {
        None
    } else {
        "2024-10-18T00:00:00".parse().ok()
    };
    // FAMILIES=numbers,ranges,units,datetime (default: all) to time one recogniser.
    let f = std::env::var("FAMILIES").unwrap_or_else(|_| "numbers,ranges,units,datetime".into());
    let fam = recoupe_recognize::Families {
        numbers: f.contains("numbers"),
        ranges: f.contains("ranges"),
        units: f.contains("units"),
        datetime: f.contains("datetime"),
    };
    let mut bytes = 0usize;
    let mut spans = 0usize;
    let t = std::time::Instant::now();
    for f in &a[1..] {
        let text = std::fs::read_to_string(f).expect("readable UTF-8 file");
        for line in text.lines() {
            bytes += line.len();
            spans += rec.recognize_families(line, lang, reference, fam).len();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{bytes} bytes, {spans} spans, {s:.2} s, {:.1} MB/s",
        bytes as f64 / s / 1e6
    );
}
