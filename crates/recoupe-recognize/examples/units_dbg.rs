//! Debug aid for the units recogniser: tokens, numbers, spans of a sentence; `--bench FILE` times
//! the number pass alone and numbers + units over a file.
use recoupe_recognize::{Families, Kind, Lang, Recognizer};

fn main() {
    let rec = Recognizer::new().expect("tables");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = Lang::parse(&args[0]).expect("lang");
    if args.get(1).map(String::as_str) == Some("--bench") {
        let text = std::fs::read_to_string(&args[2]).expect("file");
        let paras: Vec<&str> = text.lines().collect();
        for (name, fam) in [
            (
                "numbers",
                Families {
                    numbers: true,
                    ranges: false,
                    units: false,
                    datetime: false,
                },
            ),
            (
                "numbers+units",
                Families {
                    numbers: true,
                    ranges: false,
                    units: true,
                    datetime: false,
                },
            ),
        ] {
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..5 {
                for p in &paras {
                    n += rec.recognize_families(p, lang, None, fam).len();
                }
            }
            let s = t.elapsed().as_secs_f64();
            println!("{name}: {:.1} MB/s ({n} spans)", 5.0 * text.len() as f64 / s / 1e6);
        }
        return;
    }
    for text in &args[1..] {
        let tk = recoupe_recognize::token::Tokens::new(text);
        let d = rec.data(lang);
        let nums = recoupe_recognize::number::scan(&tk, &d.numbers, lang);
        println!(
            "toks {:?}",
            tk.toks.iter().map(|t| (&*t.norm, t.kind)).collect::<Vec<_>>()
        );
        println!("nums {:?}", nums);
        for s in rec.recognize(text, lang, None) {
            println!(
                "  {:?} {:?} {}",
                s.kind,
                s.text,
                serde_json::to_string(&s.value).unwrap_or_default()
            );
        }
        let f = Families {
            numbers: false,
            ranges: false,
            units: true,
            datetime: false,
        };
        for s in rec.recognize_kinds(text, lang, None, f, &[Kind::Age, Kind::Money, Kind::Dimension]) {
            println!(
                "  U {:?} {:?} {}",
                s.kind,
                s.text,
                serde_json::to_string(&s.value).unwrap_or_default()
            );
        }
    }
}
