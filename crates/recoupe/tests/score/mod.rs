//! The evaluation contract's scorer (`../shared/eval/score.py`), in Rust, so that tests can
//! hold the extraction to figures without Python: claims matched by sentence piece, value
//! and counted noun; source, actor, location and modality scored on the matched claims;
//! aliases of one entity sharing an id, and different entities never.

use recoupe::Extraction;
use serde_json::Value as Json;
use std::collections::{HashMap, HashSet};
use unicode_normalization::UnicodeNormalization;

fn quote(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
        c => c,
    }
}

/// Case-folded, accent-free, quote-normalised, without white space.
pub fn squash(s: &str) -> String {
    let s: String = s.nfkc().map(quote).collect();
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c) && !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn words(s: &str) -> HashSet<String> {
    let s: String = s.nfkc().map(quote).collect();
    let s: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let n = w.chars().count();
            if n > 3 && (w.ends_with('s') || w.ends_with('x')) {
                w[..w.len() - 1].to_string()
            } else {
                w.to_string()
            }
        })
        .collect()
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

/// A value as sorted (bound, thousandths) pairs.
type ValueKey = Vec<(String, i64)>;

fn value_key(v: &Json) -> ValueKey {
    let mut k: Vec<(String, i64)> = ["exact", "min", "max"]
        .iter()
        .filter_map(|f| {
            v.get(*f)
                .and_then(Json::as_f64)
                .map(|x| (f.to_string(), (x * 1000.0).round() as i64))
        })
        .collect();
    k.sort();
    k
}

#[derive(Debug, Default)]
pub struct Figures {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub f1: f64,
    pub source: f64,
    pub modality: f64,
    pub actor: f64,
    pub location: f64,
    pub entities_merged: f64,
    pub overmerged: usize,
    pub report: Vec<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores extraction records (keyed by file name) against a gold file of the seeds.json shape.
pub fn score(gold: &Json, preds: &HashMap<String, Extraction>) -> Figures {
    let mut f = Figures::default();
    let (mut src, mut act, mut loc, mut moda) = ((0, 0), (0, 0), (0, 0), (0, 0));
    let mut mention_ids: HashMap<String, HashSet<String>> = HashMap::new();
    let docs = gold["docs"].as_object().expect("gold docs");
    for (name, g) in docs {
        let Some(p) = preds.get(name) else {
            f.report.push(format!("missing prediction for {name}"));
            continue;
        };
        let text = &p.text;
        let mut forms_of: HashMap<String, Vec<String>> = HashMap::new();
        for e in &p.entities {
            let mut forms: Vec<String> = e.mentions.iter().map(|m| slice(text, m.start, m.end)).collect();
            forms.push(e.name.clone());
            for t in &forms {
                mention_ids.entry(squash(t)).or_default().insert(e.id.clone());
            }
            forms_of.insert(e.id.clone(), forms);
        }
        let ref_texts = |r: &Option<recoupe::model::Ref>| -> Vec<String> {
            let Some(r) = r else { return vec![] };
            let mut out = vec![r.text.clone()];
            if let Some(id) = &r.entity {
                out.extend(forms_of.get(id).cloned().unwrap_or_default());
            }
            out.into_iter().filter(|t| !t.is_empty()).collect()
        };
        let matches = |r: &Option<recoupe::model::Ref>, gold_forms: &Json| -> bool {
            let gold_forms: Vec<String> = gold_forms
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .map(squash)
                .collect();
            ref_texts(r).iter().any(|t| {
                let st = squash(t);
                st.chars().count() >= 2
                    && gold_forms.iter().any(|sg| {
                        !sg.is_empty()
                            && (st.contains(sg.as_str()) || (st.chars().count() >= 3 && sg.contains(st.as_str())))
                    })
            })
        };
        let mut used = vec![false; p.claims.len()];
        let pred: Vec<(String, ValueKey, HashSet<String>)> = p
            .claims
            .iter()
            .map(|c| {
                let v = serde_json::to_value(c.value).unwrap();
                (
                    squash(&slice(text, c.sentence.start, c.sentence.end)),
                    value_key(&v),
                    words(&c.counted),
                )
            })
            .collect();
        for gc in g["claims"].as_array().into_iter().flatten() {
            let anchor = squash(gc["anchor"].as_str().unwrap_or(""));
            let accept: Vec<ValueKey> = gc["accept"].as_array().into_iter().flatten().map(value_key).collect();
            let counted: HashSet<String> = gc["counted"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Json::as_str)
                .flat_map(words)
                .collect();
            let hit = (0..pred.len()).find(|&i| {
                !used[i]
                    && pred[i].0.contains(&anchor)
                    && accept.contains(&pred[i].1)
                    && !pred[i].2.is_disjoint(&counted)
            });
            let optional = gc["optional"].as_bool().unwrap_or(false);
            if optional {
                if let Some(i) = hit {
                    used[i] = true;
                }
                continue;
            }
            let Some(i) = hit else {
                f.fn_ += 1;
                f.report
                    .push(format!("[{name}] missed claim: {:?} {}", gc["anchor"], gc["accept"]));
                continue;
            };
            used[i] = true;
            f.tp += 1;
            let c = &p.claims[i];
            for (field, r, acc) in [
                ("source", &c.source, &mut src),
                ("actor", &c.actor, &mut act),
                ("location", &c.location, &mut loc),
            ] {
                if gc[field].is_null() {
                    continue;
                }
                acc.1 += 1;
                if matches(r, &gc[field]) {
                    acc.0 += 1;
                } else {
                    f.report.push(format!(
                        "[{name}] wrong {field} for {:?}: got {:?}, want {}",
                        gc["anchor"],
                        r.as_ref().map(|r| &r.text),
                        gc[field]
                    ));
                }
            }
            moda.1 += 1;
            let m = serde_json::to_value(c.modality).unwrap();
            if gc["modality"].as_array().is_some_and(|a| a.contains(&m)) {
                moda.0 += 1;
            } else {
                f.report.push(format!(
                    "[{name}] wrong modality for {:?}: got {m}, want {}",
                    gc["anchor"], gc["modality"]
                ));
            }
        }
        for (i, u) in used.iter().enumerate() {
            if !u {
                f.fp += 1;
                let c = &p.claims[i];
                f.report.push(format!(
                    "[{name}] extra claim: {:?} counted {:?}",
                    slice(text, c.span.start, c.span.end),
                    c.counted
                ));
            }
        }
    }
    let (mut merged, mut groups) = (0, 0);
    let entities = gold["entities"].as_array().cloned().unwrap_or_default();
    let aliases = |e: &Json| -> Vec<String> {
        e["aliases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .map(squash)
            .collect()
    };
    for e in &entities {
        let forms: HashSet<String> = aliases(e).into_iter().collect();
        if forms.len() < 2 {
            continue;
        }
        groups += 1;
        let found: Vec<&HashSet<String>> = forms.iter().filter_map(|a| mention_ids.get(a)).collect();
        if found.len() < 2 {
            f.report
                .push(format!("entity {}: fewer than two aliases found", e["name"]));
            continue;
        }
        let common = found
            .iter()
            .skip(1)
            .fold(found[0].clone(), |acc, s| acc.intersection(s).cloned().collect());
        if common.is_empty() {
            f.report.push(format!("entity {}: aliases not merged", e["name"]));
        } else {
            merged += 1;
        }
    }
    for (i, a) in entities.iter().enumerate() {
        for b in &entities[i + 1..] {
            let ids = |e: &Json| -> HashSet<String> {
                aliases(e)
                    .iter()
                    .filter_map(|x| mention_ids.get(x))
                    .flatten()
                    .cloned()
                    .collect()
            };
            if !ids(a).is_disjoint(&ids(b)) {
                f.overmerged += 1;
                f.report
                    .push(format!("entities {} and {} wrongly merged", a["name"], b["name"]));
            }
        }
    }
    let p = ratio(f.tp, f.tp + f.fp);
    let r = ratio(f.tp, f.tp + f.fn_);
    f.f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    f.source = ratio(src.0, src.1);
    f.actor = ratio(act.0, act.1);
    f.location = ratio(loc.0, loc.1);
    f.modality = ratio(moda.0, moda.1);
    f.entities_merged = ratio(merged, groups);
    f
}
