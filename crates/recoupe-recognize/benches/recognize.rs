//! Throughput of the whole recogniser pass (numbers, bounds, money, measures, ages, dates)
//! over a few MB of French and English news-like text written for this bench.
//!
//! `cargo bench -p recoupe-recognize` reports bytes/s for one core. The text mixes
//! sentences with figures and dates and sentences without any, in the proportion of
//! a news article (most sentences carry no quantity at all).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use recoupe_recognize::{DateTime, Lang, Recognizer};

const FR: &[&str] = &[
    "Le barrage de la Sorne retient désormais {n} mètres cubes d'eau, selon la préfecture.",
    "Le ministre a assuré {day} que les travaux reprendraient avant la fin de l'année.",
    "Près de {n} habitants ont été évacués le {d} {month}, d'après les pompiers.",
    "Les riverains dénoncent un projet mené sans concertation et réclament une enquête publique.",
    "Le chantier aurait coûté jusqu'à {m} millions d'euros, soit {p} % de plus que prévu.",
    "« Nous ne savons pas encore ce qui s'est passé », a déclaré la maire lors d'une réunion publique.",
    "Entre {a} et {b} ouvriers travaillaient sur le site depuis {y}, dont une vingtaine d'intérimaires.",
    "La commission doit rendre ses conclusions {rel}, a précisé son président.",
    "Des milliers de personnes ont manifesté dans le centre-ville samedi après-midi.",
    "L'opposition demande la démission du directeur, qu'elle juge responsable de la situation.",
    "Selon l'agence, plus de {n} foyers étaient toujours privés d'électricité à {h}H00.",
    "Le débit de la rivière a atteint {a},{b} mètres cubes par seconde, un record depuis {y}.",
];
const EN: &[&str] = &[
    "The Sorne dam now holds {n} cubic metres of water, the regional authority said.",
    "The minister insisted on {day} that work would resume before the end of the year.",
    "Nearly {n} residents were evacuated on {month} {d}, according to the fire service.",
    "Residents say the project went ahead without consultation and want a public inquiry.",
    "The works may have cost up to ${m} million, some {p}% more than planned.",
    "\"We still do not know what happened,\" the mayor told a public meeting.",
    "Between {a} and {b} workers had been on the site since {y}, including about twenty temps.",
    "The commission is due to report {rel_en}, its chairman said.",
    "Thousands of people marched through the city centre on Saturday afternoon.",
    "The opposition wants the director to resign, holding him responsible for the situation.",
    "More than {n} homes were still without power at {h} p.m., the agency said.",
    "The river's flow reached {a}.{b} cubic metres per second, the highest since {y}.",
];
const FR_MONTHS: &[&str] = &["janvier", "mars", "mai", "juillet", "octobre", "décembre"];
const EN_MONTHS: &[&str] = &["January", "March", "May", "July", "October", "December"];
const FR_DAYS: &[&str] = &["lundi", "mardi soir", "vendredi", "hier", "dimanche matin"];
const EN_DAYS: &[&str] = &["Monday", "Tuesday evening", "Friday", "yesterday", "last Sunday"];
const FR_REL: &[&str] = &["la semaine prochaine", "d'ici trois mois", "avant l'été", "en novembre"];
const EN_REL: &[&str] = &["next week", "within three months", "before the summer", "in November"];

/// A deterministic paragraph stream of about `size` bytes.
fn corpus(lang: Lang, size: usize) -> Vec<String> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let (tpl, months, days, rel) = match lang {
        Lang::Fr => (FR, FR_MONTHS, FR_DAYS, FR_REL),
        Lang::En => (EN, EN_MONTHS, EN_DAYS, EN_REL),
    };
    let mut paras = Vec::new();
    let mut total = 0;
    while total < size {
        let mut p = String::new();
        for _ in 0..4 + next(4) {
            let t = tpl[next(tpl.len())];
            let groups = if lang == Lang::Fr { "\u{202f}" } else { "," };
            let n = format!("{}{groups}{:03}", 1 + next(40), next(1000));
            let s = t
                .replace("{n}", &n)
                .replace("{m}", &(2 + next(300)).to_string())
                .replace("{p}", &(1 + next(60)).to_string())
                .replace("{a}", &(10 + next(90)).to_string())
                .replace("{b}", &(100 + next(900)).to_string())
                .replace("{d}", &(1 + next(28)).to_string())
                .replace("{h}", &(1 + next(11)).to_string())
                .replace("{y}", &(1990 + next(34)).to_string())
                .replace("{month}", months[next(months.len())])
                .replace("{day}", days[next(days.len())])
                .replace("{rel}", rel[next(rel.len())])
                .replace("{rel_en}", rel[next(rel.len())]);
            p.push_str(&s);
            p.push(' ');
        }
        total += p.len();
        paras.push(p);
    }
    paras
}

fn bench(c: &mut Criterion) {
    let rec = Recognizer::new().expect("built-in tables");
    let reference: DateTime = "2024-10-18T00:00:00".parse().expect("date");
    let mut g = c.benchmark_group("recognize");
    g.sample_size(10);
    for (name, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
        let paras = corpus(lang, 4 << 20);
        let bytes: usize = paras.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("all_{name}_4MB"), |b| {
            b.iter(|| {
                let mut found = 0;
                for p in &paras {
                    found += rec.recognize(p, lang, Some(reference)).len();
                }
                found
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
