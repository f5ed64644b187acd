//! Scratch: prints English date-time spans of each argument (reference 2016-11-07).
fn main() {
    if std::env::var("BENCH").is_ok() {
        bench_en();
        return;
    }
    if std::env::var("FUZZ").is_ok() {
        fuzz_en();
        return;
    }
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let r = jiff::civil::date(2016, 11, 7).at(0, 0, 0, 0);
    for a in std::env::args().skip(1) {
        if std::env::var("NUMS").is_ok() {
            nums(&rec, &a);
        }
        let fam = recoupe_recognize::Families {
            numbers: false,
            ranges: false,
            units: false,
            datetime: true,
        };
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
        println!(
            "  num@{i} {:?}",
            recoupe_recognize::number::number_at(&tk, i, nw, recoupe_recognize::Lang::En)
        );
    }
}
#[allow(dead_code)]
pub fn bench_en() {
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let r = jiff::civil::date(2024, 10, 18).at(0, 0, 0, 0);
    let base = "The Sorne dam now holds 12,500 cubic metres of water, the regional authority said. The minister insisted on Monday that work would resume before the end of the year. Nearly 3,400 residents were evacuated on May 12, according to the fire service. Residents say the project went ahead without consultation and want a public inquiry. The works may have cost up to $45 million, some 12% more than planned. \"We still do not know what happened,\" the mayor told a public meeting. Between 20 and 300 workers had been on the site since 2004, including about twenty temps. The commission is due to report next week, its chairman said. Thousands of people marched through the city centre on Saturday afternoon. More than 2,100 homes were still without power at 7 p.m., the agency said. The river's flow reached 45.7 cubic metres per second, the highest since 1998. ";
    let text: String = match std::env::var("BENCH_FILE") {
        Ok(f) => std::fs::read_to_string(f).unwrap_or_default().repeat(1000),
        Err(_) => base.repeat(4000),
    };
    let fam = recoupe_recognize::Families {
        numbers: false,
        ranges: false,
        units: false,
        datetime: true,
    };
    let paras: Vec<String> = text
        .split_inclusive(". ")
        .collect::<Vec<_>>()
        .chunks(5)
        .map(|p| p.concat())
        .collect();
    let mut dt = f64::MAX;
    let mut n = 0;
    for _ in 0..5 {
        let t0 = std::time::Instant::now();
        n = 0;
        for para in &paras {
            n += rec
                .recognize_families(para, recoupe_recognize::Lang::En, Some(r), fam)
                .len();
        }
        dt = dt.min(t0.elapsed().as_secs_f64());
    }
    println!("datetime only: {} spans, {:.1} MB/s", n, text.len() as f64 / dt / 1e6);
    let t0 = std::time::Instant::now();
    for p in text.split_inclusive(". ").collect::<Vec<_>>().chunks(5) {
        let para: String = p.concat();
        n += rec.recognize(&para, recoupe_recognize::Lang::En, Some(r)).len();
    }
    let dt = t0.elapsed().as_secs_f64();
    println!("all families: {:.1} MB/s", text.len() as f64 / dt / 1e6);
}
#[allow(dead_code)]
pub fn fuzz_en() {
    std::panic::set_hook(Box::new(|info| {
        let loc = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        println!(
            "  at {loc}: {}",
            info.payload().downcast_ref::<String>().cloned().unwrap_or_default()
        );
    }));
    let rec = recoupe_recognize::Recognizer::new().expect("tables");
    let words = [
        "the",
        "of",
        "from",
        "to",
        "between",
        "and",
        "next",
        "last",
        "this",
        "week",
        "month",
        "year",
        "day",
        "days",
        "may",
        "May",
        "june",
        "Monday",
        "friday",
        "tonight",
        "morning",
        "in",
        "on",
        "at",
        "before",
        "after",
        "since",
        "until",
        "every",
        "each",
        "other",
        "3",
        "12",
        "2024",
        "31",
        "0",
        "99999999999",
        "20161016",
        "-",
        "/",
        ":",
        ".",
        ",",
        "am",
        "pm",
        "p",
        ".",
        "m",
        "th",
        "st",
        "q",
        "h",
        "1",
        "ago",
        "later",
        "within",
        "for",
        "hours",
        "minutes",
        "a",
        "few",
        "half",
        "an",
        "hour",
        "end",
        "mid",
        "early",
        "late",
        "first",
        "second",
        "third",
        "quarter",
        "quarters",
        "twenty",
        "one",
        "thousand",
        "million",
        "trillion",
        "o'clock",
        "noon",
        "christmas",
        "easter",
        "weekend",
        "s",
        "~",
        "<",
        ">",
        "=",
        "9999",
        "1000000000",
        "century",
        "fortnight",
        "decade",
        "business",
        "past",
        "coming",
        "2/29",
        "13",
        "24",
        "25:61",
        "00",
        "000",
        "é",
        "’",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let refs = [
        None,
        Some(jiff::civil::date(2016, 11, 7).at(0, 0, 0, 0)),
        Some(jiff::civil::date(9999, 12, 31).at(23, 59, 59, 0)),
        Some(jiff::civil::date(-9999, 1, 1).at(0, 0, 0, 0)),
    ];
    for n in 0..200000 {
        let len = 1 + next(12);
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(words[next(words.len())]);
            if next(3) > 0 {
                s.push(' ');
            }
        }
        let r = refs[n % refs.len()];
        let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rec.recognize(&s, recoupe_recognize::Lang::En, r)
        }));
        if res.is_err() {
            println!("PANIC on {s:?} ref {r:?}");
        }
    }
    println!("fuzz ok");
}
