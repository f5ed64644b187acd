fn main() {
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = recoupe_recognize::Lang::parse(&args[0]).unwrap();
    for text in &args[1..] {
        let tk = recoupe_recognize::token::Tokens::new(text);
        let d = rec.data(lang);
        let nums = recoupe_recognize::number::scan(&tk, &d.numbers, lang);
        println!("toks {:?}", tk.toks.iter().map(|t| (&*t.norm, t.kind)).collect::<Vec<_>>());
        println!("nums {:?}", nums);
        for s in rec.recognize(text, lang, None) { println!("  {:?} {:?} {}", s.kind, s.text, serde_json::to_string(&s.value).unwrap()); }
        let f = recoupe_recognize::Families { numbers: false, ranges: false, units: true, datetime: false };
        for s in rec.recognize_kinds(text, lang, None, f, &[recoupe_recognize::Kind::Age, recoupe_recognize::Kind::Money, recoupe_recognize::Kind::Dimension]) { println!("  U {:?} {:?} {}", s.kind, s.text, serde_json::to_string(&s.value).unwrap()); }
    }
}
