//! The cross-check report: for each story, the tracks of estimates (who said how many,
//! when, how firmly), how they agree and contradict, and who confirmed or denied what.
//!
//! A track is the claims of a story about the same thing: the same category and the same
//! actor ("troops · North Korea"). Sources are counted once however many outlets carry the
//! same sentence, so that a wire story repeated ten times is one estimate with ten carriers.

mod render;

pub use render::{html, markdown};
use rusqlite::{params, Connection};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("chart: {0}")]
    Chart(String),
    #[error("no story {0} in the store")]
    NoStory(i64),
}

pub type Result<T> = std::result::Result<T, ReportError>;

/// One estimate of a track.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Estimate {
    pub exact: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub approx: bool,
    pub counted: String,
    pub source: Option<String>,
    pub cites: Option<String>,
    pub modality: String,
    /// The date it was said, or the article's publication date.
    pub date: Option<String>,
    pub when_text: Option<String>,
    /// The sentence as written.
    pub sentence: String,
    /// The articles that carry this sentence (first one first).
    pub carriers: Vec<String>,
}

impl Estimate {
    /// The interval the estimate allows (open sides as infinities).
    pub fn bounds(&self) -> (f64, f64) {
        match (self.exact, self.min, self.max) {
            (Some(x), _, _) => (x, x),
            (None, a, b) => (a.unwrap_or(0.0), b.unwrap_or(f64::INFINITY)),
        }
    }

    /// A readable value: "12000", "≥ 1000", "≤ 12000", "1000–3000", "~10000".
    pub fn value_text(&self) -> String {
        let f = |x: f64| {
            if x.fract() == 0.0 {
                format!("{x:.0}")
            } else {
                format!("{x}")
            }
        };
        match (self.exact, self.min, self.max) {
            (Some(x), _, _) => format!("{}{}", if self.approx { "~" } else { "" }, f(x)),
            (None, Some(a), Some(b)) => format!("{}–{}", f(a), f(b)),
            (None, Some(a), None) => format!("≥ {}", f(a)),
            (None, None, Some(b)) => format!("≤ {}", f(b)),
            _ => "?".into(),
        }
    }

    pub(crate) fn who(&self) -> String {
        self.source.clone().unwrap_or_else(|| "the article".into())
    }
}

/// The estimates about one thing, and what the cross-check makes of them.
#[derive(Debug, Clone, Serialize)]
pub struct Track {
    pub category: String,
    pub actor: Option<String>,
    pub title: String,
    pub estimates: Vec<Estimate>,
    /// Distinct sources.
    pub sources: usize,
    /// The estimate reported first.
    pub first: usize,
    /// The figure most sources agree with (within 10%), and how many.
    pub best: Option<usize>,
    pub best_support: usize,
    /// Pairs of estimates that cannot both hold (indices into `estimates`), with why.
    pub contradictions: Vec<(usize, usize, String)>,
    pub summary: String,
}

/// A statement of the story.
#[derive(Debug, Clone, Serialize)]
pub struct StatementRow {
    pub stance: String,
    pub subject: String,
    pub source: Option<String>,
    pub date: Option<String>,
    pub doc: String,
}

/// One story's cross-check.
#[derive(Debug, Clone, Serialize)]
pub struct StoryReport {
    pub id: i64,
    pub label: String,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// (doc, title, the doc it is a near-copy of).
    pub articles: Vec<(String, Option<String>, Option<String>)>,
    pub tracks: Vec<Track>,
    pub statements: Vec<StatementRow>,
}

fn slice(text: &str, a: i64, b: i64) -> String {
    text.chars().skip(a as usize).take((b - a).max(0) as usize).collect()
}

/// The cross-checks of every story with figures or statements (or of one), biggest first.
pub fn build(conn: &Connection, only: Option<i64>) -> Result<Vec<StoryReport>> {
    let mut ids: Vec<(i64, String, Option<String>, Option<String>)> = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT s.id, s.label, s.first_date, s.last_date FROM stories s
             WHERE ?1 IS NULL OR s.id = ?1
             ORDER BY (SELECT count(*) FROM story_claims c WHERE c.story_id = s.id)
                    + (SELECT count(*) FROM story_statements t WHERE t.story_id = s.id) DESC, s.id",
        )?;
        let rows = st.query_map(params![only], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        for r in rows {
            ids.push(r?);
        }
    }
    if let (Some(id), true) = (only, ids.is_empty()) {
        return Err(ReportError::NoStory(id));
    }
    ids.into_iter()
        .map(|(id, label, first, last)| story(conn, id, label, first, last))
        .collect()
}

fn story(
    conn: &Connection,
    id: i64,
    label: String,
    first_date: Option<String>,
    last_date: Option<String>,
) -> Result<StoryReport> {
    let mut articles = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT a.doc, a.title, o.doc FROM story_articles sa JOIN articles a ON a.id = sa.article_id
             LEFT JOIN copies c ON c.article_id = a.id LEFT JOIN articles o ON o.id = c.original_id
             WHERE sa.story_id = ?1 ORDER BY coalesce(a.published, ''), a.id",
        )?;
        for r in st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            articles.push(r?);
        }
    }
    // Claims in the order they were reported (date, then ingestion).
    let mut tracks: BTreeMap<(String, String), Vec<Estimate>> = BTreeMap::new();
    let mut actor_names: BTreeMap<String, String> = BTreeMap::new();
    {
        let mut st = conn.prepare(
            "SELECT c.category, coalesce(c.actor_group, c.actor_entity, ''), c.actor_text, c.value_exact, c.value_min, c.value_max,
                    c.approx, c.counted, c.source_text, c.cites_text, c.modality, coalesce(c.said_on, a.published),
                    c.when_text, a.text, c.sentence_start, c.sentence_end, a.doc
             FROM story_claims sc JOIN claims c ON c.id = sc.claim_id JOIN articles a ON a.id = c.article_id
             WHERE sc.story_id = ?1 AND c.category NOT IN ('other', 'money')
             ORDER BY coalesce(c.said_on, a.published, ''), a.id, c.idx",
        )?;
        let rows = st.query_map([id], |r| {
            let text: String = r.get(13)?;
            Ok((
                (r.get::<_, String>(0)?, r.get::<_, String>(1)?),
                r.get::<_, Option<String>>(2)?,
                Estimate {
                    exact: r.get(3)?,
                    min: r.get(4)?,
                    max: r.get(5)?,
                    approx: r.get(6)?,
                    counted: r.get(7)?,
                    source: r.get(8)?,
                    cites: r.get(9)?,
                    modality: r.get(10)?,
                    date: r.get(11)?,
                    when_text: r.get(12)?,
                    sentence: slice(&text, r.get(14)?, r.get(15)?),
                    carriers: vec![r.get(16)?],
                },
            ))
        })?;
        for r in rows {
            let (key, actor_text, e) = r?;
            if let Some(t) = actor_text {
                actor_names.entry(key.1.clone()).or_insert(t);
            }
            let list = tracks.entry(key).or_default();
            // The same figure in the same words from another outlet (a wire story, lightly
            // edited): one more carrier, not one more estimate.
            match list.iter_mut().find(|o| {
                o.bounds() == e.bounds() && (o.sentence == e.sentence || near_duplicate(&o.sentence, &e.sentence))
            }) {
                Some(o) => o.carriers.extend(e.carriers),
                None => list.push(e),
            }
        }
    }
    let mut tracks: Vec<Track> = tracks
        .into_iter()
        .map(|((category, actor), estimates)| {
            let actor = (!actor.is_empty()).then_some(actor);
            let actor_name = actor
                .as_ref()
                .map(|a| actor_names.get(a).cloned().unwrap_or_else(|| a.clone()));
            cross_check(category, actor, actor_name, estimates)
        })
        .collect();
    tracks.sort_by(|a, b| b.estimates.len().cmp(&a.estimates.len()).then(a.title.cmp(&b.title)));
    let mut statements = Vec::new();
    {
        let mut st = conn.prepare(
            "SELECT s.stance, s.subject, s.source_text, coalesce(s.said_on, a.published), a.doc
             FROM story_statements ss JOIN statements s ON s.id = ss.statement_id JOIN articles a ON a.id = s.article_id
             WHERE ss.story_id = ?1 ORDER BY coalesce(s.said_on, a.published, ''), a.id, s.idx",
        )?;
        for r in st.query_map([id], |r| {
            Ok(StatementRow {
                stance: r.get(0)?,
                subject: r.get(1)?,
                source: r.get(2)?,
                date: r.get(3)?,
                doc: r.get(4)?,
            })
        })? {
            statements.push(r?);
        }
    }
    Ok(StoryReport {
        id,
        label,
        first_date,
        last_date,
        articles,
        tracks,
        statements,
    })
}

/// Word 3-shingles of a sentence, lower-cased.
fn shingles(s: &str) -> std::collections::HashSet<String> {
    let words: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(3).map(|w| w.join(" ")).collect()
}

/// Two sentences that share most of their word 3-shingles (Jaccard ≥ 0.6): the same
/// sentence reworded at the margins by a copy desk.
pub fn near_duplicate(a: &str, b: &str) -> bool {
    let (x, y) = (shingles(a), shingles(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let inter = x.intersection(&y).count() as f64;
    inter / ((x.len() + y.len()) as f64 - inter) >= 0.6
}

/// Two estimates agree when their intervals meet, with 10% of slack.
fn agree(a: (f64, f64), b: (f64, f64)) -> bool {
    let slack = |x: f64| if x.is_finite() { x * 0.1 } else { 0.0 };
    a.0 <= b.1 + slack(b.1) && b.0 <= a.1 + slack(a.1)
}

/// Corroboration, contradictions, the best-supported figure and a summary line.
pub fn cross_check(
    category: String,
    actor: Option<String>,
    actor_name: Option<String>,
    estimates: Vec<Estimate>,
) -> Track {
    let title = match &actor_name {
        Some(a) => format!("{category} · {a}"),
        None => category.clone(),
    };
    let mut sources: Vec<String> = estimates.iter().map(Estimate::who).collect();
    sources.sort();
    sources.dedup();
    // The figure with the most distinct sources agreeing with it; the later one on a tie.
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in estimates.iter().enumerate() {
        if e.modality == "denied" {
            continue;
        }
        let mut who: Vec<String> = estimates
            .iter()
            .filter(|o| o.modality != "denied" && agree(e.bounds(), o.bounds()))
            .map(Estimate::who)
            .collect();
        who.sort();
        who.dedup();
        if best.is_none_or(|(_, n)| who.len() >= n) {
            best = Some((i, who.len()));
        }
    }
    let mut contradictions = Vec::new();
    for i in 0..estimates.len() {
        for j in i + 1..estimates.len() {
            let (a, b) = (&estimates[i], &estimates[j]);
            let meet = agree(a.bounds(), b.bounds());
            if (a.modality == "denied") != (b.modality == "denied") && meet {
                contradictions.push((i, j, "a denial against a figure it matches".into()));
            } else if a.modality == "asserted"
                && b.modality == "asserted"
                && !meet
                && a.date.is_some()
                && a.date == b.date
            {
                contradictions.push((i, j, "incompatible figures at the same time".into()));
            }
        }
    }
    let summary = summary(&title, &estimates, best.map(|b| b.0));
    Track {
        category,
        actor,
        title,
        sources: sources.len(),
        first: 0,
        best: best.map(|b| b.0),
        best_support: best.map_or(0, |b| b.1),
        contradictions,
        summary,
        estimates,
    }
}

fn summary(title: &str, es: &[Estimate], best: Option<usize>) -> String {
    let said = |e: &Estimate| {
        let when = e
            .date
            .as_deref()
            .or(e.when_text.as_deref())
            .map(|d| format!(", {d}"))
            .unwrap_or_default();
        format!("{} ({}{when})", e.value_text(), e.who())
    };
    let Some(first) = es.first() else { return String::new() };
    let last = es.iter().rev().find(|e| e.modality != "denied").unwrap_or(first);
    let mut s = if es.len() == 1 {
        format!("{title}: {}", said(first))
    } else {
        let (a, b) = (first.bounds(), last.bounds());
        let verb = if b.0 > a.1 {
            "rose"
        } else if b.1 < a.0 {
            "fell"
        } else {
            "moved"
        };
        format!(
            "{title}: estimates {verb} from {} to {}; {} estimates",
            said(first),
            said(last),
            es.len()
        )
    };
    if let Some(b) = best {
        s.push_str(&format!("; best supported: {}", es[b].value_text()));
    }
    let denied: Vec<String> = es
        .iter()
        .filter(|e| e.modality == "denied")
        .map(Estimate::who)
        .collect();
    if !denied.is_empty() {
        s.push_str(&format!("; denied by {}", denied.join(", ")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn est(exact: Option<f64>, min: Option<f64>, max: Option<f64>, src: &str, modality: &str) -> Estimate {
        Estimate {
            exact,
            min,
            max,
            approx: false,
            counted: "soldats".into(),
            source: Some(src.into()),
            cites: None,
            modality: modality.into(),
            date: None,
            when_text: None,
            sentence: format!("{src} {exact:?} {min:?} {max:?}"),
            carriers: vec!["a".into()],
        }
    }

    #[test]
    fn a_lightly_edited_copy_is_the_same_sentence() {
        let wire =
            "Au moins 40 personnes ont été tuées samedi dans des frappes sur la ville, selon les autorités locales.";
        let copy = "Au moins 40 personnes ont été tuées samedi dans des frappes sur la ville, selon les autorités locales citées par l'AFP.";
        let other = "Les secours ont retrouvé 40 personnes vivantes sous les décombres dimanche matin.";
        assert!(near_duplicate(wire, copy));
        assert!(!near_duplicate(wire, other));
    }

    #[test]
    fn the_figure_most_sources_agree_with_is_best_supported() {
        let t = cross_check(
            "troops".into(),
            Some("north-korea".into()),
            Some("Corée du Nord".into()),
            vec![
                est(Some(1500.0), None, None, "NIS", "asserted"),
                est(None, None, Some(12000.0), "NIS", "asserted"),
                est(Some(11500.0), None, None, "HUR", "asserted"),
                est(Some(12000.0), None, None, "Zelensky", "asserted"),
                est(None, None, Some(3000.0), "Kremlin", "denied"),
            ],
        );
        assert_eq!(t.sources, 4);
        let best = &t.estimates[t.best.unwrap()];
        assert_eq!(best.value_text(), "12000", "{t:?}");
        assert_eq!(
            t.best_support, 3,
            "NIS's 'up to 12 000', HUR's 11 500 and Zelensky's 12 000 agree"
        );
        assert!(
            t.summary.contains("rose from 1500 (NIS) to 12000 (Zelensky)"),
            "{}",
            t.summary
        );
        assert!(t.summary.contains("denied by Kremlin"));
        assert!(
            t.contradictions
                .iter()
                .any(|(_, j, why)| *j == 4 && why.contains("denial")),
            "{:?}",
            t.contradictions
        );
    }
}
