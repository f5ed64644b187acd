//! The quantity grammar on sentences written for these tests (news-like, French and
//! English). Each expected value was worked out by hand from the sentence.

use recoupe_recognize::{Kind, Lang, Recognized, Recognizer, TimeValue, Value};

fn rec() -> &'static Recognizer {
    static R: std::sync::OnceLock<Recognizer> = std::sync::OnceLock::new();
    R.get_or_init(|| Recognizer::new().expect("built-in tables"))
}

fn spans(text: &str, lang: Lang) -> Vec<Recognized> {
    rec().recognize(text, lang, Some("2024-10-18T00:00:00".parse().expect("date")))
}

/// The span whose text is `what`.
fn find(text: &str, lang: Lang, what: &str) -> Recognized {
    let all = spans(text, lang);
    all.iter()
        .find(|s| s.text == what)
        .cloned()
        .unwrap_or_else(|| panic!("{what:?} not found in {text:?}: {all:#?}"))
}

fn number(text: &str, lang: Lang, what: &str) -> f64 {
    match find(text, lang, what) {
        Recognized {
            value: Value::Number(v),
            ..
        } => v,
        other => panic!("{what:?} is not a plain number: {other:?}"),
    }
}

fn bounds(text: &str, lang: Lang, what: &str) -> (Option<f64>, Option<f64>, bool) {
    match find(text, lang, what).value {
        Value::Range { min, max, approx, .. } => (min, max, approx),
        other => panic!("{what:?} is not a range: {other:?}"),
    }
}

#[test]
fn french_numbers_in_digits_and_words() {
    let fr = Lang::Fr;
    assert_eq!(number("L'armée a envoyé 12 000 soldats.", fr, "12 000"), 12000.0);
    assert_eq!(
        number("L'armée a envoyé 12\u{a0}000 soldats.", fr, "12\u{a0}000"),
        12000.0
    );
    assert_eq!(
        number("L'armée a envoyé 12\u{202f}000 soldats.", fr, "12\u{202f}000"),
        12000.0
    );
    assert_eq!(number("L'armée a envoyé 12.000 soldats.", fr, "12.000"), 12000.0);
    assert_eq!(number("Le débit était de 1,5 fois la normale.", fr, "1,5"), 1.5);
    assert_eq!(
        number(
            "Le canton compte quatre-vingt-dix-sept communes.",
            fr,
            "quatre-vingt-dix-sept"
        ),
        97.0
    );
    assert_eq!(
        number("Il reste soixante-dix maisons debout.", fr, "soixante-dix"),
        70.0
    );
    assert_eq!(
        number("On a compté mille cinq cents sinistrés.", fr, "mille cinq cents"),
        1500.0
    );
    assert_eq!(
        number("Septante-deux familles ont été relogées.", fr, "Septante-deux"),
        72.0
    );
    assert_eq!(number("Il y a eu vingt et un blessés.", fr, "vingt et un"), 21.0);
    assert_eq!(number("L'ouvrage a coûté 3 milliards.", fr, "3 milliards"), 3e9);
    assert_eq!(
        number("Le chantier a employé 10 mille ouvriers.", fr, "10 mille"),
        10000.0
    );
    assert_eq!(
        number("La région a reçu 1,5 million de visiteurs.", fr, "1,5 million"),
        1.5e6
    );
}

#[test]
fn english_numbers_in_digits_and_words() {
    let en = Lang::En;
    assert_eq!(number("The army sent 12,000 soldiers.", en, "12,000"), 12000.0);
    assert_eq!(number("Twelve thousand people left.", en, "Twelve thousand"), 12000.0);
    assert_eq!(number("Twenty-one villages were flooded.", en, "Twenty-one"), 21.0);
    assert_eq!(number("The plan cost 1.2 billion.", en, "1.2 billion"), 1.2e9);
    assert_eq!(number("They hired 12k seasonal workers.", en, "12k"), 12000.0);
    // "a dozen" is read as "about twelve", as news uses it.
    assert_eq!(
        bounds("A dozen boats were lost.", en, "A dozen"),
        (Some(12.0), Some(12.0), true)
    );
    assert_eq!(number("Three dozen boats were lost.", en, "Three dozen"), 36.0);
}

#[test]
fn ordinals_are_kept_apart_from_cardinals() {
    for (text, lang, what, v) in [
        ("C'est la quatrième crue de l'année.", Lang::Fr, "quatrième", 4.0),
        ("Le 4e bataillon est arrivé.", Lang::Fr, "4e", 4.0),
        ("Le 1er régiment a quitté la ville.", Lang::Fr, "1er", 1.0),
        ("It was the fourth flood this year.", Lang::En, "fourth", 4.0),
        ("The 4th battalion arrived.", Lang::En, "4th", 4.0),
    ] {
        let s = find(text, lang, what);
        assert_eq!(s.kind, Kind::Ordinal, "{text}");
        assert_eq!(s.value, Value::Number(v), "{text}");
    }
}

#[test]
fn percentages() {
    let s = find("Le niveau a baissé de 3,5 % en un mois.", Lang::Fr, "3,5 %");
    assert_eq!((s.kind, s.value), (Kind::Percent, Value::Number(3.5)));
    let s = find("Turnout fell by twelve percent.", Lang::En, "twelve percent");
    assert_eq!((s.kind, s.value), (Kind::Percent, Value::Number(12.0)));
}

#[test]
fn french_bounds_and_hedges() {
    let fr = Lang::Fr;
    assert_eq!(
        bounds("Jusqu'à 12 000 soldats auraient été déployés.", fr, "Jusqu'à 12 000"),
        (None, Some(12000.0), false)
    );
    assert_eq!(
        bounds("Au moins 12 personnes sont mortes.", fr, "Au moins 12"),
        (Some(12.0), None, false)
    );
    assert_eq!(
        bounds("Plus de 3 000 foyers sont privés d'eau.", fr, "Plus de 3 000"),
        (Some(3000.0), None, false)
    );
    assert_eq!(
        bounds("Moins de 500 ouvriers restent sur place.", fr, "Moins de 500"),
        (None, Some(500.0), false)
    );
    assert_eq!(
        bounds("Environ 10 000 habitants ont fui.", fr, "Environ 10 000"),
        (Some(10000.0), Some(10000.0), true)
    );
    assert_eq!(
        bounds("Des milliers de personnes ont manifesté.", fr, "Des milliers"),
        (Some(1000.0), None, true)
    );
    assert_eq!(
        bounds(
            "Des dizaines de milliers de litres ont fui.",
            fr,
            "Des dizaines de milliers"
        ),
        (Some(10000.0), None, true)
    );
    assert_eq!(
        bounds(
            "Entre 1 000 et 3 000 hommes seraient sur place.",
            fr,
            "Entre 1 000 et 3 000"
        ),
        (Some(1000.0), Some(3000.0), false)
    );
    assert_eq!(
        bounds("On parle de 1 000 à 3 000 hommes.", fr, "1 000 à 3 000"),
        (Some(1000.0), Some(3000.0), false)
    );
    assert_eq!(
        bounds("Un effectif de 1 000-3 000 hommes.", fr, "1 000-3 000"),
        (Some(1000.0), Some(3000.0), false)
    );
    assert_eq!(
        bounds("Le chiffre est loin d'être 3 000.", fr, "loin d'être 3 000"),
        (None, Some(3000.0), false)
    );
    assert_eq!(
        bounds("Il n'y avait pas plus de 50 agents.", fr, "pas plus de 50"),
        (None, Some(50.0), false)
    );
    assert_eq!(
        bounds("Une dizaine de maisons ont brûlé.", fr, "Une dizaine"),
        (Some(10.0), Some(10.0), true)
    );
}

#[test]
fn a_bound_needs_a_number() {
    // "plus de troupes" is "more troops", not a quantity.
    assert!(spans("Le pays envoie plus de troupes et moins de chars.", Lang::Fr).is_empty());
    assert!(spans("They sent more troops than ever.", Lang::En).is_empty());
}

#[test]
fn english_bounds_and_ranges() {
    let en = Lang::En;
    assert_eq!(
        bounds("Up to 700 contract workers could be laid off.", en, "Up to 700"),
        (None, Some(700.0), false)
    );
    assert_eq!(
        bounds("At least 30 people died.", en, "At least 30"),
        (Some(30.0), None, false)
    );
    assert_eq!(
        bounds("More than 3,000 homes lost power.", en, "More than 3,000"),
        (Some(3000.0), None, false)
    );
    assert_eq!(
        bounds("Nearly 200 were evacuated.", en, "Nearly 200"),
        (Some(200.0), Some(200.0), true)
    );
    assert_eq!(
        bounds("Thousands of people marched.", en, "Thousands"),
        (Some(1000.0), None, true)
    );
    assert_eq!(
        bounds(
            "Officials counted from 1,000 to 3,000 troops.",
            en,
            "from 1,000 to 3,000"
        ),
        (Some(1000.0), Some(3000.0), false)
    );
    assert_eq!(
        bounds("Between 40 and 60 boats sank.", en, "Between 40 and 60"),
        (Some(40.0), Some(60.0), false)
    );
    assert_eq!(
        bounds("That is far from 3,000.", en, "far from 3,000"),
        (None, Some(3000.0), false)
    );
}

#[test]
fn dates_times_durations_and_ages_are_not_counts() {
    let fr = Lang::Fr;
    let s = find("Le 28 octobre, la digue a cédé.", fr, "28 octobre");
    assert_eq!(s.kind, Kind::Date);
    assert_eq!(
        s.value,
        Value::Time(TimeValue::Point("2024-10-28".into())),
        "ten days after 18 October 2024 rather than almost a year before it"
    );
    let s = find("Vendredi, la préfecture a parlé.", fr, "Vendredi");
    assert_eq!(s.value, Value::Time(TimeValue::Point("2024-10-18".into())));
    let s = find("Hier, la préfecture a parlé.", fr, "Hier");
    assert_eq!(s.value, Value::Time(TimeValue::Point("2024-10-17".into())));
    let s = find("Le couvre-feu commence à 22H00.", fr, "22H00");
    assert_eq!(s.kind, Kind::Time);
    let all = spans("Le chantier a duré trois ans.", fr);
    assert!(
        all.iter().all(|s| s.kind != Kind::Number),
        "a duration is not a count: {all:?}"
    );
    let all = spans("Elles étaient âgées de 22 à 83 ans.", fr);
    assert!(
        all.iter().all(|s| s.kind != Kind::Number && s.kind != Kind::Range),
        "ages are not counts: {all:?}"
    );
    let en = Lang::En;
    let s = find("Two days ago the river rose.", en, "Two days ago");
    assert_eq!(s.value, Value::Time(TimeValue::Point("2024-10-16".into())));
    let s = find("The levee broke on 25 April, 2019.", en, "25 April, 2019");
    assert_eq!(s.value, Value::Time(TimeValue::Point("2019-04-25".into())));
}

#[test]
fn without_a_reference_relative_dates_stay_unresolved() {
    let all = rec().recognize("Vendredi, la digue a cédé.", Lang::Fr, None);
    let s = all.iter().find(|s| s.text == "Vendredi").expect("recognised");
    assert!(matches!(&s.value, Value::Time(TimeValue::Unresolved { .. })), "{s:?}");
}

#[test]
fn offsets_are_characters_into_the_text() {
    let text = "Été 2024 : près de 3 000 évacués à Sorne.";
    for s in spans(text, Lang::Fr) {
        let slice: String = text.chars().skip(s.start).take(s.end - s.start).collect();
        assert_eq!(slice, s.text);
    }
}

#[test]
fn web_addresses_are_not_quantities() {
    assert!(spans(
        "Voir https://example.org/rapport?page=30%25&annee=2020 pour le détail.",
        Lang::Fr
    )
    .iter()
    .all(|s| s.text != "30%"));
}

#[test]
fn a_number_cut_off_by_the_end_of_the_text() {
    // Found by fuzzing: a joiner as the last word sent the fraction reader past the end.
    for text in [
        "mille neuf cent vingt et ",
        "vingt et",
        "one hundred and",
        "trois et un",
        "2 1/",
    ] {
        let _ = spans(text, Lang::Fr);
        let _ = spans(text, Lang::En);
    }
    assert_eq!(number("Il y en a vingt et", Lang::Fr, "vingt"), 20.0);
}

#[test]
fn offsets_stay_right_across_skipped_clauses() {
    // The first sentences hold nothing to recognise and are skipped whole; the spans after
    // them must still point at the right characters (accents count as one character each).
    let text = "Été sec à Sornac. Rien à signaler côté préfecture.\nLe 3 mars, près de 3 000 évacués. Écoles fermées jusqu'à 12 000 élèves.";
    let all = spans(text, Lang::Fr);
    assert!(all.len() >= 3, "{all:?}");
    for s in &all {
        let slice: String = text.chars().skip(s.start).take(s.end - s.start).collect();
        assert_eq!(slice, s.text);
    }
    assert!(all.iter().any(|s| s.text == "jusqu'à 12 000"), "{all:?}");
}

#[test]
fn an_article_before_a_weekday_is_no_day_of_the_month() {
    // "un mardi" is "a Tuesday", not "Tuesday the 1st"; 15 October 2024 is the Tuesday
    // before the reference Friday 18 October.
    let s = find("Le comité se réunit un mardi sur deux.", Lang::Fr, "mardi");
    assert_eq!(s.value, Value::Time(TimeValue::Point("2024-10-15".into())));
}
