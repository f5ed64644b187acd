//! Stories: paragraphs grouped by the entities they are about, as they arrive.
//!
//! The unit is the paragraph that carries a claim or a statement, not the article: a live
//! blog about North Korean troops also reports strikes on Kharkiv, and those figures belong
//! to another story. A paragraph is a vector of the entities it names (weighted: a person,
//! an agency or a town says more than a country; an agency or an army also names its
//! country), a story the sum of its paragraphs' vectors; a paragraph joins the story it is
//! closest to (cosine) within a month of the story's last date, and starts a story when
//! none is close enough. A paragraph naming nothing stays with its article's previous
//! paragraph. Each decision uses only the stories so far, so that ingesting new articles
//! never recomputes the old ones.

use recoupe_model::Extraction;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The cosine between a paragraph and a story above which it joins.
const JOIN: f64 = 0.3;
/// The cosine between two stories above which they are one story told in two starts.
const MERGE: f64 = 0.5;
/// An entity held by more stories than this is not used to find candidates.
const COMMON: usize = 400;
/// How many of the latest stories are always candidates.
const RECENT: usize = 300;
/// The lower cosine enough to stay in the story of the article's previous paragraph: being
/// in the same article is evidence too (but the strikes on Kharkiv in a live blog about
/// troops score about 0.13 and still start their own story).
const STAY: f64 = 0.2;
/// The weight of what a paragraph's figures count and whose they are ("troops of North
/// Korea" against "wounded in Kharkiv"): more telling than any one name.
const CLAIM_WEIGHT: f64 = 1.5;
/// Days between a paragraph and a story's last date beyond which it starts a new story.
const MAX_GAP_DAYS: i64 = 30;

/// A story's memory: how often each entity was seen in it, and its dates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub entities: BTreeMap<String, (String, f64)>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// A paragraph to place: its entities (id → (name, weight)), its date, what it carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub entities: BTreeMap<String, (String, f64)>,
    pub date: Option<String>,
    pub claims: Vec<usize>,
    pub statements: Vec<usize>,
}

fn weight(kind: &str) -> f64 {
    match kind {
        "person" | "agency" | "body" | "armed-group" | "organisation" | "party" => 2.0,
        "city" | "region" | "place" => 1.5,
        "country" => 1.0,
        "name" => 1.0,
        _ => 0.0, // media say who reports, not what happened
    }
}

/// The paragraphs of a record that carry claims or statements.
pub fn units(rec: &Extraction) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let date = rec
        .published
        .as_ref()
        .filter(|d| d.len() >= 10)
        .map(|d| d[..10].to_string());
    let para_of = |offset: usize| {
        rec.paragraphs
            .iter()
            .position(|p| p.span.start <= offset && offset < p.span.end)
    };
    let mut by_para: BTreeMap<Option<usize>, Unit> = BTreeMap::new();
    let new_unit = || Unit {
        entities: BTreeMap::new(),
        date: date.clone(),
        claims: Vec::new(),
        statements: Vec::new(),
    };
    for (i, c) in rec.claims.iter().enumerate() {
        by_para
            .entry(para_of(c.sentence.start))
            .or_insert_with(new_unit)
            .claims
            .push(i);
    }
    for (i, s) in rec.statements.iter().enumerate() {
        by_para
            .entry(para_of(s.span.start))
            .or_insert_with(new_unit)
            .statements
            .push(i);
    }
    for (p, mut u) in by_para {
        for &c in &u.claims {
            let c = &rec.claims[c];
            u.entities
                .insert(format!("cat:{}", c.category), (c.category.clone(), CLAIM_WEIGHT));
            if let Some(id) = c.actor.as_ref().and_then(|a| a.entity.as_ref()) {
                u.entities.insert(format!("actor:{id}"), (id.clone(), CLAIM_WEIGHT));
            }
        }
        let span = p.map(|p| rec.paragraphs[p].span);
        for e in &rec.entities {
            let w = weight(&e.kind);
            if w == 0.0 {
                continue;
            }
            let n = e
                .mentions
                .iter()
                .filter(|m| span.is_none_or(|s| s.start <= m.start && m.end <= s.end))
                .count();
            if n > 0 {
                u.entities.insert(e.id.clone(), (e.name.clone(), w));
                if let (Some(c), "agency" | "armed-group" | "body") = (&e.country, e.kind.as_str()) {
                    u.entities.entry(c.clone()).or_insert_with(|| (c.clone(), 1.0));
                }
            }
        }
        out.push(u);
    }
    out
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn day_number(s: &str) -> Option<i32> {
    let d: jiff::civil::Date = s.get(..10)?.parse().ok()?;
    Some(d.since(jiff::civil::date(1970, 1, 1)).ok()?.get_days())
}

fn days(a: &str, b: &str) -> Option<i64> {
    let a: jiff::civil::Date = a.parse().ok()?;
    let b: jiff::civil::Date = b.parse().ok()?;
    Some(a.until(b).ok()?.get_days().abs() as i64)
}

/// The cosine between the unit's entity vector and the story's.
pub fn score(sig: &Signature, u: &Unit) -> f64 {
    let nu = u.entities.values().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let ns = sig.entities.values().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if nu == 0.0 || ns == 0.0 {
        return 0.0;
    }
    let dot: f64 = u
        .entities
        .iter()
        .filter_map(|(id, (_, w))| sig.entities.get(id).map(|(_, sw)| w * sw))
        .sum();
    dot / (nu * ns)
}

/// The story a unit joins among `stories` (by index), or None for a new one.
pub fn place<'a>(stories: impl IntoIterator<Item = &'a Signature>, u: &Unit) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, sig) in stories.into_iter().enumerate() {
        if let (Some(d), Some(last)) = (&u.date, &sig.last_date) {
            if days(d, last).is_some_and(|g| g > MAX_GAP_DAYS) {
                continue;
            }
        }
        let s = score(sig, u);
        if s >= JOIN && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// Adds a unit to a story's memory.
pub fn absorb(sig: &mut Signature, u: &Unit) {
    for (id, (name, w)) in &u.entities {
        let e = sig.entities.entry(id.clone()).or_insert_with(|| (name.clone(), 0.0));
        e.1 += w;
    }
    if let Some(d) = &u.date {
        if sig.first_date.as_ref().is_none_or(|f| d < f) {
            sig.first_date = Some(d.clone());
        }
        if sig.last_date.as_ref().is_none_or(|l| d > l) {
            sig.last_date = Some(d.clone());
        }
    }
}

/// A label: the story's three weightiest entities.
pub fn label(sig: &Signature) -> String {
    let mut top: Vec<(&String, f64)> = sig
        .entities
        .iter()
        .filter(|(k, _)| !k.contains(':'))
        .map(|(_, (n, w))| (n, *w))
        .collect();
    top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    top.iter()
        .take(3)
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The stories so far with what makes placing a paragraph cheap however many there are:
/// an index from each entity to the stories that hold it, and each story's vector norm.
#[derive(Debug, Default)]
pub struct Stories {
    pub list: Vec<(i64, Signature)>,
    norms: Vec<f64>,
    /// Each story's last date as a day number, compared before anything else.
    last_day: Vec<Option<i32>>,
    index: std::collections::HashMap<String, Vec<usize>>,
    dirty: std::collections::BTreeSet<usize>,
    /// Stories merged into another: (merged index, kept index), not yet written.
    merged: Vec<(usize, usize)>,
    alive: Vec<bool>,
}

impl Stories {
    pub fn new(list: Vec<(i64, Signature)>) -> Self {
        let mut s = Stories::default();
        for (id, sig) in list {
            let k = s.push(id);
            for (e, v) in &sig.entities {
                s.index.entry(e.clone()).or_default().push(k);
                s.norms[k] += v.1 * v.1;
            }
            s.last_day[k] = sig.last_date.as_deref().and_then(day_number);
            s.list[k].1 = sig;
        }
        s.dirty.clear();
        s
    }

    /// A new, empty story with its database id; returns its index.
    pub fn push(&mut self, id: i64) -> usize {
        self.list.push((id, Signature::default()));
        self.norms.push(0.0);
        self.last_day.push(None);
        self.alive.push(true);
        self.list.len() - 1
    }

    /// The story a unit joins, among those sharing an entity with it.
    pub fn place(&self, u: &Unit) -> Option<usize> {
        let day = u.date.as_deref().and_then(day_number);
        // Candidates: the stories sharing one of the unit's rarer entities, and the most
        // recent stories. An entity found in hundreds of stories (a country, a category)
        // cannot tell them apart, and scanning its list would make ingest quadratic.
        let n = self.list.len();
        let mut candidates: Vec<usize> = u
            .entities
            .keys()
            .filter_map(|e| self.index.get(e))
            .filter(|list| list.len() <= COMMON)
            .flatten()
            .copied()
            .chain(n.saturating_sub(RECENT)..n)
            .filter(|&k| self.alive[k])
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let nu = u.entities.values().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let mut best: Option<(usize, f64)> = None;
        for k in candidates {
            if let (Some(d), Some(last)) = (day, self.last_day[k]) {
                if i64::from((d - last).abs()) > MAX_GAP_DAYS {
                    continue;
                }
            }
            let sig = &self.list[k].1;
            let ns = self.norms[k].sqrt();
            if nu == 0.0 || ns == 0.0 {
                continue;
            }
            let dot: f64 = u
                .entities
                .iter()
                .filter_map(|(id, (_, w))| sig.entities.get(id).map(|(_, sw)| w * sw))
                .sum();
            let score = dot / (nu * ns);
            if score >= JOIN && best.is_none_or(|(_, b)| score > b) {
                best = Some((k, score));
            }
        }
        best.map(|(k, _)| k)
    }

    /// Whether a unit that joins no story is close enough to stay in story `k`, its
    /// article's previous one.
    pub fn stays(&self, k: usize, u: &Unit) -> bool {
        let nu = u.entities.values().map(|(_, w)| w * w).sum::<f64>().sqrt();
        let ns = self.norms[k].sqrt();
        if nu == 0.0 || ns == 0.0 {
            return false;
        }
        let sig = &self.list[k].1;
        let dot: f64 = u
            .entities
            .iter()
            .filter_map(|(id, (_, w))| sig.entities.get(id).map(|(_, sw)| w * sw))
            .sum();
        dot / (nu * ns) >= STAY
    }

    /// Adds a unit to story `k`.
    pub fn absorb(&mut self, k: usize, u: &Unit) {
        for (id, (name, w)) in &u.entities {
            let sig = &mut self.list[k].1;
            let old = sig.entities.get(id).map_or(0.0, |e| e.1);
            if old == 0.0 {
                self.index.entry(id.clone()).or_default().push(k);
            }
            sig.entities.entry(id.clone()).or_insert_with(|| (name.clone(), 0.0)).1 = old + w;
            self.norms[k] += (old + w) * (old + w) - old * old;
        }
        let sig = &mut self.list[k].1;
        if let Some(d) = &u.date {
            if sig.first_date.as_ref().is_none_or(|f| d < f) {
                sig.first_date = Some(d.clone());
            }
            if sig.last_date.as_ref().is_none_or(|l| d > l) {
                sig.last_date = Some(d.clone());
                self.last_day[k] = day_number(d);
            }
        }
        self.dirty.insert(k);
    }

    /// Merges the changed stories into a close story (cosine of their vectors ≥ MERGE),
    /// the smaller into the larger: two starts of one story meet once they share enough.
    pub fn merge_close(&mut self) {
        let dirty: Vec<usize> = self.dirty.iter().copied().collect();
        for a in dirty {
            if !self.alive[a] {
                continue;
            }
            let n = self.list.len();
            let mut cands: Vec<usize> = self.list[a]
                .1
                .entities
                .keys()
                .filter_map(|e| self.index.get(e))
                .filter(|l| l.len() <= COMMON)
                .flatten()
                .copied()
                .chain(n.saturating_sub(RECENT)..n)
                .filter(|&b| b != a && self.alive[b])
                .collect();
            cands.sort_unstable();
            cands.dedup();
            let (sa, na) = (&self.list[a].1, self.norms[a].sqrt());
            let best = cands
                .into_iter()
                .filter(|&b| match (self.last_day[a], self.last_day[b]) {
                    (Some(x), Some(y)) => i64::from((x - y).abs()) <= MAX_GAP_DAYS,
                    _ => true,
                })
                .map(|b| {
                    let sb = &self.list[b].1;
                    let dot: f64 = sa
                        .entities
                        .iter()
                        .filter_map(|(id, (_, w))| sb.entities.get(id).map(|(_, v)| w * v))
                        .sum();
                    let nb = self.norms[b].sqrt();
                    (b, if na * nb == 0.0 { 0.0 } else { dot / (na * nb) })
                })
                .filter(|&(_, c)| c >= MERGE)
                .max_by(|x, y| x.1.total_cmp(&y.1));
            if let Some((b, _)) = best {
                let (keep, gone) = if self.norms[a] >= self.norms[b] { (a, b) } else { (b, a) };
                let sig = std::mem::take(&mut self.list[gone].1);
                let unit = Unit {
                    entities: sig.entities,
                    date: sig.first_date.clone(),
                    claims: Vec::new(),
                    statements: Vec::new(),
                };
                self.absorb(keep, &unit);
                if let Some(l) = sig.last_date {
                    let u = Unit {
                        entities: Default::default(),
                        date: Some(l),
                        claims: Vec::new(),
                        statements: Vec::new(),
                    };
                    self.absorb(keep, &u);
                }
                self.alive[gone] = false;
                self.norms[gone] = 0.0;
                self.dirty.remove(&gone);
                self.merged.push((gone, keep));
            }
        }
    }

    /// The merges since the last call, as (merged story id, kept story id).
    pub fn take_merged(&mut self) -> Vec<(i64, i64)> {
        std::mem::take(&mut self.merged)
            .into_iter()
            .map(|(g, k)| (self.list[g].0, self.list[k].0))
            .collect()
    }

    /// The stories changed since the last call.
    pub fn take_dirty(&mut self) -> Vec<usize> {
        std::mem::take(&mut self.dirty).into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(ids: &[(&str, f64)], date: Option<&str>) -> Unit {
        Unit {
            entities: ids.iter().map(|(i, w)| (i.to_string(), (i.to_string(), *w))).collect(),
            date: date.map(str::to_string),
            claims: vec![0],
            statements: vec![],
        }
    }

    #[test]
    fn paragraphs_about_the_same_actors_join_and_others_do_not() {
        let mut stories: Vec<Signature> = Vec::new();
        let troops = unit(
            &[("north-korea", 1.0), ("russia", 1.0), ("nis", 2.0)],
            Some("2024-10-18"),
        );
        let more = unit(
            &[("north-korea", 1.0), ("kursk-oblast", 1.5), ("nis", 2.0)],
            Some("2024-10-20"),
        );
        let strikes = unit(&[("kharkiv", 1.5), ("russia", 1.0)], Some("2024-10-20"));
        for u in [&troops, &more, &strikes] {
            match place(&stories, u) {
                Some(i) => absorb(&mut stories[i], u),
                None => {
                    let mut s = Signature::default();
                    absorb(&mut s, u);
                    stories.push(s);
                }
            }
        }
        assert_eq!(stories.len(), 2, "{stories:?}");
        assert!(stories[0].entities.contains_key("kursk-oblast"));
        assert!(stories[1].entities.contains_key("kharkiv"));
        assert_eq!(stories[0].first_date.as_deref(), Some("2024-10-18"));
        assert_eq!(stories[0].last_date.as_deref(), Some("2024-10-20"));
    }

    #[test]
    fn two_starts_of_one_story_merge_into_the_larger() {
        let mut st = Stories::default();
        let a = st.push(10);
        st.absorb(
            a,
            &unit(
                &[("rochebrune", 1.5), ("sorne", 1.5), ("france", 1.0)],
                Some("2025-03-04"),
            ),
        );
        st.absorb(a, &unit(&[("rochebrune", 1.5), ("sorne", 1.5)], Some("2025-03-05")));
        let b = st.push(11);
        st.absorb(
            b,
            &unit(
                &[("rochebrune", 1.5), ("sorne", 1.5), ("sornac", 1.5)],
                Some("2025-03-06"),
            ),
        );
        let c = st.push(12);
        st.absorb(c, &unit(&[("gaza", 1.5), ("israel", 1.0)], Some("2025-03-06")));
        st.merge_close();
        assert_eq!(st.take_merged(), vec![(11, 10)]);
        assert!(st.list[a].1.entities.contains_key("sornac"));
        assert_eq!(st.list[a].1.last_date.as_deref(), Some("2025-03-06"));
        assert_eq!(
            st.place(&unit(&[("rochebrune", 1.5), ("sornac", 1.5)], Some("2025-03-07"))),
            Some(a)
        );
    }

    #[test]
    fn a_month_apart_is_another_story() {
        let mut s = Signature::default();
        absorb(&mut s, &unit(&[("gaza", 1.5)], Some("2024-01-05")));
        assert_eq!(place([&s], &unit(&[("gaza", 1.5)], Some("2024-01-20"))), Some(0));
        assert_eq!(place([&s], &unit(&[("gaza", 1.5)], Some("2024-03-20"))), None);
    }
}
