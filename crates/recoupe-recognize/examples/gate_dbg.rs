fn main() {
    let r = recoupe_recognize::Recognizer::new().unwrap();
    let a: Vec<String> = std::env::args().skip(1).collect();
    let lang = recoupe_recognize::Lang::parse(&a[0]).unwrap();
    for t in &a[1..] {
        println!("{t:?} {:?}", r.data(lang).gate.wakes(t));
    }
}
