//! A harness for Microsoft Recognizers-Text's specification suite.
//!
//! The suite is laid out as `<Language>/<Family>/<Model>.json`; each file is a list of
//! cases (an input, a reference date, the expected spans with their resolution). This
//! module runs recoupe's recognisers on every French and English case of the Number,
//! NumberWithUnit and DateTime families and compares spans *and* resolved values.
//!
//! A case passes when recoupe finds exactly the expected spans (same offsets) and each
//! resolves to the expected value. Recognizers-Text's own conventions are translated,
//! not imposed on recoupe: its intervals "[20,35)" become bounds, its "2016-11-08 14:00:00"
//! an ISO date-time, its duration seconds a duration, its several candidate dates (a
//! date without a year) "any one of them".

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value as J;

use crate::token::fold;
use crate::{DateTime, Families, Kind, Lang, RecognizeError, Recognized, Recognizer, TimeValue, Value};

/// The models the harness knows, with the recogniser family and kinds each one checks.
pub fn model_kinds(model: &str) -> Option<(Families, &'static [Kind])> {
    let none = Families {
        numbers: false,
        ranges: false,
        units: false,
        datetime: false,
    };
    Some(match model {
        "NumberModel" => (Families { numbers: true, ..none }, &[Kind::Number]),
        "OrdinalModel" => (Families { numbers: true, ..none }, &[Kind::Ordinal]),
        "PercentModel" => (Families { numbers: true, ..none }, &[Kind::Percent]),
        "NumberRangeModel" => (Families { ranges: true, ..none }, &[Kind::Range]),
        "CurrencyModel" => (Families { units: true, ..none }, &[Kind::Money]),
        "DimensionModel" => (Families { units: true, ..none }, &[Kind::Dimension]),
        "AgeModel" => (Families { units: true, ..none }, &[Kind::Age]),
        "DateTimeModel" => (
            Families { datetime: true, ..none },
            &[Kind::Date, Kind::Time, Kind::Datetime, Kind::Duration, Kind::Set],
        ),
        _ => return None,
    })
}

/// One case of the suite.
#[derive(Debug, Clone)]
pub struct Case {
    pub input: String,
    pub reference: Option<DateTime>,
    /// Checked by the reference implementation (its `NotSupported` does not name dotnet).
    pub checked: bool,
    pub results: Vec<J>,
}

/// Pass counts of one model file.
#[derive(Debug, Clone, Default)]
pub struct ModelReport {
    pub language: String,
    pub family: String,
    pub model: String,
    pub checked: usize,
    pub checked_pass: usize,
    pub unchecked: usize,
    pub unchecked_pass: usize,
    /// Failing checked cases, explained (filled when asked for).
    pub failures: Vec<String>,
}

fn get<'a>(o: &'a J, keys: &[&str]) -> Option<&'a J> {
    keys.iter().find_map(|k| o.get(*k))
}

/// Reads a model file.
pub fn read_cases(path: &Path) -> Result<Vec<Case>, RecognizeError> {
    let bytes = std::fs::read(path).map_err(|source| RecognizeError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let all: Vec<J> = serde_json::from_str(text).map_err(|e| RecognizeError::Peer {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    Ok(all
        .into_iter()
        .map(|c| {
            let input = get(&c, &["Input", "input"])
                .and_then(J::as_str)
                .unwrap_or("")
                .to_string();
            let reference = c
                .get("Context")
                .and_then(|x| get(x, &["ReferenceDateTime", "referenceDateTime"]))
                .and_then(J::as_str)
                .and_then(|s| s.parse::<DateTime>().ok());
            let ns = get(&c, &["NotSupported", "notSupported"])
                .and_then(J::as_str)
                .unwrap_or("");
            let checked = !ns.to_ascii_lowercase().contains("dotnet");
            let results = get(&c, &["Results", "results"])
                .and_then(J::as_array)
                .cloned()
                .unwrap_or_default();
            Case {
                input,
                reference,
                checked,
                results,
            }
        })
        .collect())
}

/// The default reference date of the suite when a case gives none.
fn default_reference() -> DateTime {
    jiff::civil::date(2016, 11, 7).at(0, 0, 0, 0)
}

/// Runs one case: `None` when it passes, else what went wrong.
pub fn run_case(rec: &Recognizer, lang: Lang, model: &str, case: &Case) -> Option<String> {
    let (fam, kinds) = model_kinds(model)?;
    let reference = case.reference.unwrap_or_else(default_reference);
    let mut got = rec.recognize_kinds(&case.input, lang, Some(reference), fam, kinds);
    // Recognizers-Text reads temperatures in a model of its own, not as dimensions.
    if model == "DimensionModel" {
        got.retain(|g| !matches!(&g.value, Value::Quantity { subtype: Some(s), .. } if s == "Temperature"));
    }
    let mut problems = Vec::new();
    let mut used = vec![false; got.len()];
    for e in &case.results {
        let start = get(e, &["Start", "start"]).and_then(J::as_u64).unwrap_or(0) as usize;
        let end = get(e, &["End", "end"]).and_then(J::as_u64).unwrap_or(0) as usize + 1;
        let text = get(e, &["Text", "text"]).and_then(J::as_str).unwrap_or("");
        let type_name = get(e, &["TypeName", "Typename", "typeName"])
            .and_then(J::as_str)
            .unwrap_or("");
        let res = get(e, &["Resolution", "resolution"]).cloned().unwrap_or(J::Null);
        let found = got
            .iter()
            .enumerate()
            .find(|(k, g)| !used[*k] && g.start == start && g.end == end);
        match found {
            Some((k, g)) => {
                used[k] = true;
                if let Err(why) = matches(g, type_name, &res, lang) {
                    problems.push(format!("{text:?} [{start},{end}) {type_name}: {why}"));
                }
            }
            None => problems.push(format!("missed {text:?} [{start},{end}) {type_name} {}", res)),
        }
    }
    for (k, g) in got.iter().enumerate() {
        if !used[k] {
            problems.push(format!(
                "extra {:?} [{},{}) {:?} {}",
                g.text,
                g.start,
                g.end,
                g.kind,
                serde_json::to_string(&g.value).unwrap_or_default()
            ));
        }
    }
    if problems.is_empty() {
        None
    } else {
        Some(problems.join("; "))
    }
}

fn num(s: &str, lang: Lang) -> Option<f64> {
    let s = s.trim().trim_end_matches('%');
    let s = if lang == Lang::Fr {
        s.replace(',', ".")
    } else {
        s.replace(',', "")
    };
    s.parse().ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn str_of(j: &J) -> Option<String> {
    match j {
        J::String(s) => Some(s.clone()),
        J::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Whether a recognised span resolves to the expected resolution.
fn matches(g: &Recognized, type_name: &str, res: &J, lang: Lang) -> Result<(), String> {
    let got = serde_json::to_string(&g.value).unwrap_or_default();
    let want_value = res.get("value").and_then(str_of);
    let fail = || Err(format!("got {:?} {got}, want {res}", g.kind));
    match (type_name, &g.value) {
        ("number", Value::Number(v)) | ("ordinal", Value::Number(v)) | ("percentage", Value::Number(v)) => {
            match want_value.as_deref().and_then(|w| num(w, lang)) {
                Some(w) if close(*v, w) => Ok(()),
                _ => fail(),
            }
        }
        ("percentage", Value::Null) if want_value.as_deref() == Some("null") => Ok(()),
        ("ordinal.relative", Value::Relative { relative_to, offset }) => {
            let s = format!("{relative_to}{}{}", if *offset < 0 { "-" } else { "+" }, offset.abs());
            if want_value.as_deref() == Some(s.as_str()) {
                Ok(())
            } else {
                fail()
            }
        }
        (
            "numberrange",
            Value::Range {
                min,
                max,
                min_open,
                max_open,
                ..
            },
        ) => {
            let w = want_value.unwrap_or_default();
            let w = w.trim();
            let (Some(lo_c), Some(hi_c)) = (w.chars().next(), w.chars().last()) else {
                return fail();
            };
            let inner = &w[lo_c.len_utf8()..w.len() - hi_c.len_utf8()];
            let (a, b) = inner.split_once(',').unwrap_or((inner, ""));
            let wa = num(a, Lang::En);
            let wb = num(b, Lang::En);
            let same = |x: Option<f64>, y: Option<f64>| match (x, y) {
                (Some(x), Some(y)) => close(x, y),
                (None, None) => true,
                _ => false,
            };
            let open_ok = (wa.is_none() || (lo_c == '(') == *min_open) && (wb.is_none() || (hi_c == ')') == *max_open);
            if same(*min, wa) && same(*max, wb) && open_ok {
                Ok(())
            } else {
                fail()
            }
        }
        ("currency" | "dimension" | "age", Value::Quantity { amount, unit, .. }) => {
            let wu = res.get("unit").and_then(J::as_str).unwrap_or("");
            let v_ok = match want_value.as_deref() {
                Some(w) => num(w, lang).is_some_and(|w| close(*amount, w)),
                None => false,
            };
            if v_ok && fold(wu) == fold(unit) {
                Ok(())
            } else {
                fail()
            }
        }
        (t, Value::Time(tv)) if t.starts_with("datetimeV2.") => {
            let sub = &t["datetimeV2.".len()..];
            let kind_ok = match sub {
                "date" | "daterange" => g.kind == Kind::Date,
                "time" | "timerange" => g.kind == Kind::Time,
                "datetime" | "datetimerange" => g.kind == Kind::Datetime,
                "duration" => g.kind == Kind::Duration,
                "set" => g.kind == Kind::Set,
                _ => false,
            };
            if !kind_ok {
                return fail();
            }
            let values = res.get("values").and_then(J::as_array).cloned().unwrap_or_default();
            let norm = |s: &str| s.replace('T', " ");
            let any = values.iter().any(|v| {
                let s = |k: &str| v.get(k).and_then(J::as_str).map(norm);
                match tv {
                    TimeValue::Point(p) => !sub.ends_with("range") && s("value") == Some(norm(p)),
                    // An interval with neither end says nothing and matches nothing.
                    TimeValue::Interval { start, end } => {
                        (start.is_some() || end.is_some())
                            && sub.ends_with("range")
                            && s("start") == start.as_deref().map(norm)
                            && s("end") == end.as_deref().map(norm)
                    }
                    TimeValue::Duration { seconds, .. } => s("value")
                        .and_then(|x| x.parse::<f64>().ok())
                        .is_some_and(|w| close(*seconds, w)),
                    TimeValue::Set { timex } => v.get("timex").and_then(J::as_str) == Some(timex.as_str()),
                    // The suite's "not resolved" (a season, a fiscal year) is recoupe's unresolved.
                    TimeValue::Unresolved { .. } => s("value").as_deref() == Some("not resolved"),
                }
            });
            if any {
                Ok(())
            } else {
                fail()
            }
        }
        _ => fail(),
    }
}

/// Finds `<Language>/<Family>/<Model>.json` files for French and English under `dir`.
pub fn model_files(dir: &Path) -> Result<Vec<(Lang, String, String, PathBuf)>, RecognizeError> {
    let mut out = Vec::new();
    let io = |e: std::io::Error| RecognizeError::Io {
        path: dir.display().to_string(),
        source: e,
    };
    let mut langs: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    langs.sort();
    for ld in langs {
        let name = ld.file_name().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let lang = match name.as_str() {
            "English" => Lang::En,
            "French" => Lang::Fr,
            _ => continue,
        };
        for family in ["Number", "NumberWithUnit", "DateTime"] {
            let fd = ld.join(family);
            let Ok(rd) = std::fs::read_dir(&fd) else { continue };
            let mut files: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            files.sort();
            for f in files {
                let model = f.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
                if f.extension().is_some_and(|e| e == "json") && model_kinds(&model).is_some() {
                    out.push((lang, family.to_string(), model, f));
                }
            }
        }
    }
    Ok(out)
}

/// Cases recoupe deliberately reads otherwise (`data/recognize/peer-deliberate.toml`):
/// input -> reason. They still count as failures.
pub fn deliberate() -> Vec<(String, String)> {
    #[derive(serde::Deserialize)]
    struct Doc {
        #[serde(default)]
        case: Vec<Entry>,
    }
    #[derive(serde::Deserialize)]
    struct Entry {
        input: String,
        reason: String,
    }
    let doc: Doc = toml::from_str(include_str!("../../../data/recognize/peer-deliberate.toml"))
        .unwrap_or(Doc { case: Vec::new() });
    doc.case.into_iter().map(|e| (e.input, e.reason)).collect()
}

/// Runs every model file under `dir`; `keep_failures` fills each report's `failures`.
pub fn run_dir(rec: &Recognizer, dir: &Path, keep_failures: bool) -> Result<Vec<ModelReport>, RecognizeError> {
    let mut reports = Vec::new();
    let deliberate = deliberate();
    for (lang, family, model, path) in model_files(dir)? {
        let cases = read_cases(&path)?;
        let mut r = ModelReport {
            language: if lang == Lang::En { "English" } else { "French" }.to_string(),
            family,
            model: model.clone(),
            ..Default::default()
        };
        for c in &cases {
            let fail = run_case(rec, lang, &model, c);
            if c.checked {
                r.checked += 1;
                if fail.is_none() {
                    r.checked_pass += 1;
                } else if keep_failures {
                    let why = deliberate
                        .iter()
                        .find(|(i, _)| *i == c.input)
                        .map(|(_, r)| format!(" [deliberate: {r}]"))
                        .unwrap_or_default();
                    r.failures
                        .push(format!("{:?} → {}{why}", c.input, fail.unwrap_or_default()));
                }
            } else {
                r.unchecked += 1;
                r.unchecked_pass += usize::from(fail.is_none());
            }
        }
        reports.push(r);
    }
    Ok(reports)
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "   —  ".to_string()
    } else {
        format!("{:5.1}%", 100.0 * a as f64 / b as f64)
    }
}

/// The printed report: one line per model, totals per language, then the total line.
pub fn format_report(reports: &[ModelReport]) -> String {
    let mut s = String::new();
    let mut per_lang: BTreeMap<&str, (usize, usize, usize, usize)> = BTreeMap::new();
    for r in reports {
        let _ = writeln!(
            s,
            "{:<8} {:<15} {:<17} checked {:>4} of {:>4} pass {}   unchecked {:>4} of {:>4} {}",
            r.language,
            r.family,
            r.model,
            r.checked_pass,
            r.checked,
            pct(r.checked_pass, r.checked),
            r.unchecked_pass,
            r.unchecked,
            pct(r.unchecked_pass, r.unchecked)
        );
        let e = per_lang.entry(&r.language).or_default();
        e.0 += r.checked_pass;
        e.1 += r.checked;
        e.2 += r.unchecked_pass;
        e.3 += r.unchecked;
    }
    let (mut p, mut n, mut up, mut un) = (0, 0, 0, 0);
    for (l, (a, b, c, d)) in &per_lang {
        let _ = writeln!(
            s,
            "{l} total: checked {a} of {b} pass {}; unchecked {c} of {d} {}",
            pct(*a, *b),
            pct(*c, *d)
        );
        p += a;
        n += b;
        up += c;
        un += d;
    }
    let _ = writeln!(s, "unchecked (for information, not counted): {up} of {un} cases pass");
    let _ = writeln!(s, "peer total: {p} of {n} cases pass");
    s
}
