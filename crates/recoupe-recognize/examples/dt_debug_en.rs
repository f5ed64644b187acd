//! Scratch: prints English date-time spans of each argument (reference 2016-11-07).
fn main() {
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let r = jiff::civil::date(2016, 11, 7).at(0, 0, 0, 0);
    for a in std::env::args().skip(1) {
        let fam = recoupe_recognize::Families { numbers: false, ranges: false, units: false, datetime: true };
        let tk = recoupe_recognize::token::Tokens::new(&a);
        let c = rec.candidates(&tk, recoupe_recognize::Lang::En, Some(r), fam);
        for x in c {
            let (s, e) = tk.bytes(x.i, x.j);
            println!("  cand {:?} {:?} {:?}", &a[s..e], x.kind, x.value);
        }
    }
}
