//! Development loop for the peer suite: `cargo run --release -p recoupe-recognize --example peer_eval -- DIR [--failures] [MODEL-SUBSTRING]`.
//! `recoupe peer-eval DIR` is the command for users; this one prints failing cases too.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .cloned()
        .unwrap_or_else(|| "../shared/peer/recognizers-text".into());
    let show = args.iter().any(|a| a == "--failures");
    let filter: Vec<&String> = args.iter().skip(1).filter(|a| !a.starts_with("--")).collect();
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let reports = recoupe_recognize::peer::run_dir(&rec, std::path::Path::new(&dir), show).expect("peer dir");
    for r in &reports {
        let name = format!("{}/{}", r.language, r.model);
        if show && (filter.is_empty() || filter.iter().any(|f| name.contains(f.as_str()))) {
            for f in &r.failures {
                println!("FAIL {name}: {f}");
            }
        }
    }
    print!("{}", recoupe_recognize::peer::format_report(&reports));
}
