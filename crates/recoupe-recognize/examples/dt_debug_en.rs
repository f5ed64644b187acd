//! Scratch: prints English date-time spans of each argument (reference 2016-11-07).
fn main() {
    if std::env::var("BENCH").is_ok() { bench_en(); return; }
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let r = jiff::civil::date(2016, 11, 7).at(0, 0, 0, 0);
    for a in std::env::args().skip(1) {
        if std::env::var("NUMS").is_ok() { nums(&rec, &a); }
        let fam = recoupe_recognize::Families { numbers: false, ranges: false, units: false, datetime: true };
        let tk = recoupe_recognize::token::Tokens::new(&a);
        let c = rec.candidates(&tk, recoupe_recognize::Lang::En, Some(r), fam);
        for x in c {
            let (s, e) = tk.bytes(x.i, x.j);
            println!("  cand {:?} {:?} {:?}", &a[s..e], x.kind, x.value);
        }
    }
}
#[allow(dead_code)]
fn nums(rec: &recoupe_recognize::Recognizer, a: &str) {
    let tk = recoupe_recognize::token::Tokens::new(a);
    let nw = &rec.data(recoupe_recognize::Lang::En).numbers;
    for i in 0..tk.len() {
        println!("  num@{i} {:?}", recoupe_recognize::number::number_at(&tk, i, nw, recoupe_recognize::Lang::En));
    }
}
#[allow(dead_code)]
pub fn bench_en() {
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let r = jiff::civil::date(2024, 10, 18).at(0, 0, 0, 0);
    let base = "The Sorne dam now holds 12,500 cubic metres of water, the regional authority said. The minister insisted on Monday that work would resume before the end of the year. Nearly 3,400 residents were evacuated on May 12, according to the fire service. Residents say the project went ahead without consultation and want a public inquiry. The works may have cost up to $45 million, some 12% more than planned. \"We still do not know what happened,\" the mayor told a public meeting. Between 20 and 300 workers had been on the site since 2004, including about twenty temps. The commission is due to report next week, its chairman said. Thousands of people marched through the city centre on Saturday afternoon. More than 2,100 homes were still without power at 7 p.m., the agency said. The river's flow reached 45.7 cubic metres per second, the highest since 1998. ";
    let text: String = base.repeat(4000);
    let fam = recoupe_recognize::Families { numbers: false, ranges: false, units: false, datetime: true };
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for p in text.split_inclusive(". ").collect::<Vec<_>>().chunks(5) {
        let para: String = p.concat();
        n += rec.recognize_families(&para, recoupe_recognize::Lang::En, Some(r), fam).len();
    }
    let dt = t0.elapsed().as_secs_f64();
    println!("datetime only: {} spans, {:.1} MB/s", n, text.len() as f64 / dt / 1e6);
    let t0 = std::time::Instant::now();
    for p in text.split_inclusive(". ").collect::<Vec<_>>().chunks(5) {
        let para: String = p.concat();
        n += rec.recognize(&para, recoupe_recognize::Lang::En, Some(r)).len();
    }
    let dt = t0.elapsed().as_secs_f64();
    println!("all families: {:.1} MB/s", text.len() as f64 / dt / 1e6);
}
