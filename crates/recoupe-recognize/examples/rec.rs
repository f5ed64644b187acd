//! Prints what the recognisers find in one text: `cargo run -p recoupe-recognize --example rec -- en "text" [2016-11-07]`.
fn main() {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let lang = recoupe_recognize::Lang::parse(&a[0]).expect("fr or en");
    let reference = a.get(2).map(|d| format!("{d}T00:00:00").parse().expect("date"));
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    for r in rec.recognize(&a[1], lang, reference) {
        println!("{}", serde_json::to_string(&r).unwrap_or_default());
    }
}
