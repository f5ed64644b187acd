//! The store: where extraction records live between runs.
//!
//! [`Store`] is the seam between the pipeline and a database, so that a PostgreSQL back
//! end can follow without touching the pipeline; [`SqliteStore`] is the default, one file
//! in WAL mode (rusqlite, bundled SQLite). An article is keyed by the hash of its URL and
//! text: ingesting the same record twice stores it once. Each batch is one transaction, so
//! a crash leaves whole batches or nothing, never half an article.

pub mod dedup;
pub mod migrations;
pub mod stories;

use recoupe_model::{Extraction, Modality, Stance};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("record: {0}")]
    Json(#[from] serde_json::Error),
    #[error("the database has schema version {found}, newer than this recoupe knows ({known})")]
    TooNew { found: i64, known: i64 },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// What a batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    pub added: usize,
    /// Already in the store (same URL and text).
    pub present: usize,
}

/// One full-text search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub doc: String,
    pub title: Option<String>,
    pub published: Option<String>,
    /// A piece of the text around the match, the matched words in `[…]`.
    pub snippet: String,
}

/// Where extraction records are kept.
pub trait Store {
    /// Adds a batch of records in one transaction; records already present are skipped.
    fn add(&mut self, records: &[Extraction]) -> Result<BatchReport>;
    /// Number of articles stored.
    fn articles(&self) -> Result<usize>;
    /// Articles matching a full-text query (words, accents and case folded); `entity_ids`
    /// also match articles that mention those entities under any spelling.
    fn search(&self, words: &str, entity_ids: &[String], limit: usize) -> Result<Vec<Hit>>;
}

/// The identity of an article: its URL and its text.
pub fn article_key(rec: &Extraction) -> String {
    let mut h = blake3::Hasher::new();
    h.update(rec.url.as_deref().unwrap_or("").as_bytes());
    h.update(&[0]);
    h.update(rec.text.as_bytes());
    h.finalize().to_hex()[..32].to_string()
}

/// The SQLite store.
pub struct SqliteStore {
    conn: Connection,
    /// The stories so far (id, memory), loaded at open and kept up to date by `add`.
    stories: stories::Stories,
}

impl SqliteStore {
    /// Opens (creating it if needed) and migrates the database at `path`.
    pub fn open(path: &Path) -> Result<Self> {
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        Self::with(conn)
    }

    /// A store that lives in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Self> {
        Self::with(Connection::open_in_memory()?)
    }

    fn with(mut conn: Connection) -> Result<Self> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        migrations::migrate(&mut conn)?;
        let stories = stories::Stories::new(load_stories(&conn)?);
        Ok(Self { conn, stories })
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The underlying connection, for reports and tests.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn modality(m: Modality) -> &'static str {
    match m {
        Modality::Asserted => "asserted",
        Modality::Hedged => "hedged",
        Modality::Denied => "denied",
    }
}

fn stance(s: Stance) -> &'static str {
    match s {
        Stance::Confirms => "confirms",
        Stance::Denies => "denies",
        Stance::CannotConfirm => "cannot_confirm",
    }
}

/// The entity, claim and statement rows of one stored article.
pub(crate) fn insert_rows(tx: &rusqlite::Transaction, id: i64, rec: &Extraction) -> Result<()> {
    let mut ent = tx.prepare_cached(
        "INSERT INTO mentions (article_id, entity_id, name, kind, mentions) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for e in &rec.entities {
        ent.execute(params![id, e.id, e.name, e.kind, e.mentions.len() as i64])?;
    }
    let mut claim = tx.prepare_cached(
        "INSERT INTO claims (article_id, idx, value_exact, value_min, value_max, approx, counted, category,
           actor_entity, actor_text, location_entity, location_text, source_entity, source_text,
           cites_text, modality, said_on, when_text, span_start, span_end, sentence_start, sentence_end, actor_group)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)",
    )?;
    let parts = |x: &Option<recoupe_model::Ref>| {
        (
            x.as_ref().and_then(|r| r.entity.clone()),
            x.as_ref().map(|r| r.text.clone()),
        )
    };
    for (i, c) in rec.claims.iter().enumerate() {
        let (ae, at) = parts(&c.actor);
        // Whose, for grouping: a capital, a leader or an army stands for its country.
        let group = ae.as_ref().map(|id| {
            rec.entities
                .iter()
                .find(|e| &e.id == id)
                .filter(|e| e.kind != "country")
                .and_then(|e| e.country.clone())
                .unwrap_or_else(|| id.clone())
        });
        let (le, lt) = parts(&c.location);
        let (se, st) = parts(&c.source);
        claim.execute(params![
            id,
            i as i64,
            c.value.exact,
            c.value.min,
            c.value.max,
            c.approx,
            c.counted,
            c.category,
            ae,
            at,
            le,
            lt,
            se,
            st,
            c.cites.as_ref().map(|r| r.text.clone()),
            modality(c.modality),
            c.said_on,
            c.when_text,
            c.span.start as i64,
            c.span.end as i64,
            c.sentence.start as i64,
            c.sentence.end as i64,
            group
        ])?;
    }
    let mut statement = tx.prepare_cached(
        "INSERT INTO statements (article_id, idx, subject, stance, source_entity, source_text, said_on, when_text,
           sentence_start, sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, s) in rec.statements.iter().enumerate() {
        let (se, st) = parts(&s.source);
        statement.execute(params![
            id,
            i as i64,
            s.subject,
            stance(s.stance),
            se,
            st,
            s.said_on,
            s.when_text,
            s.span.start as i64,
            s.span.end as i64
        ])?;
    }
    Ok(())
}

fn load_stories(conn: &Connection) -> Result<Vec<(i64, stories::Signature)>> {
    let mut st = conn.prepare("SELECT id, signature FROM stories ORDER BY id")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for r in rows {
        let (id, sig) = r?;
        out.push((id, serde_json::from_str(&sig)?));
    }
    Ok(out)
}

/// Places the claim- and statement-bearing paragraphs of a stored article in stories,
/// creating stories as needed, within the caller's transaction.
pub(crate) fn place_article(
    tx: &rusqlite::Transaction,
    stories: &mut stories::Stories,
    id: i64,
    rec: &Extraction,
) -> Result<()> {
    let mut previous: Option<usize> = None;
    for u in stories::units(rec) {
        // A paragraph without figures (a confirmation, a denial) or without names stays
        // with the paragraph before it in its article.
        let placed = match previous {
            Some(p) if u.claims.is_empty() || u.entities.is_empty() => Some(p),
            _ => stories.place(&u).or(previous.filter(|&p| stories.stays(p, &u))),
        };
        let k = match placed {
            Some(k) => k,
            None => {
                tx.execute("INSERT INTO stories (label, signature) VALUES ('', '{}')", [])?;
                stories.push(tx.last_insert_rowid())
            }
        };
        previous = Some(k);
        stories.absorb(k, &u);
        let sid = stories.list[k].0;
        tx.prepare_cached("INSERT OR IGNORE INTO story_articles (story_id, article_id) VALUES (?1, ?2)")?
            .execute(params![sid, id])?;
        let mut claim = tx.prepare_cached("INSERT INTO story_claims (story_id, claim_id) SELECT ?1, id FROM claims WHERE article_id = ?2 AND idx = ?3")?;
        for c in &u.claims {
            claim.execute(params![sid, id, *c as i64])?;
        }
        let mut statement =
            tx.prepare_cached("INSERT INTO story_statements (story_id, statement_id) SELECT ?1, id FROM statements WHERE article_id = ?2 AND idx = ?3")?;
        for st in &u.statements {
            statement.execute(params![sid, id, *st as i64])?;
        }
    }
    Ok(())
}

/// Stores an article's LSH bands and, when an earlier article is nearly the same text,
/// records it as a copy of that one (the earliest).
pub(crate) fn record_copy(tx: &rusqlite::Transaction, id: i64, text: &str) -> Result<()> {
    let Some(sig) = dedup::signature(text) else {
        return Ok(());
    };
    let bands = dedup::bands(&sig);
    // Candidates sharing a band, those sharing the most bands first, a few dozen at most:
    // texts written from one template share bands by the thousand.
    let mut shared: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    {
        let mut find =
            tx.prepare_cached("SELECT article_id FROM article_bands WHERE band = ?1 AND key = ?2 LIMIT 200")?;
        for (b, k) in bands.iter().enumerate() {
            for r in find.query_map(params![b as i64, k], |r| r.get::<_, i64>(0))? {
                *shared.entry(r?).or_default() += 1;
            }
        }
    }
    let mut candidates: Vec<(usize, i64)> = shared.into_iter().map(|(a, n)| (n, a)).collect();
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    candidates.truncate(32);
    candidates.sort_by_key(|c| c.1);
    let mut sig_of = tx.prepare_cached("SELECT signature FROM article_minhash WHERE article_id = ?1")?;
    for (_, c) in candidates {
        let blob: Vec<u8> = sig_of.query_row([c], |r| r.get(0))?;
        let other: Vec<u64> = blob
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
            .collect();
        let sim = dedup::similarity(&sig, &other);
        if sim >= dedup::COPY {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO copies (article_id, original_id, similarity) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![id, c, sim])?;
            break;
        }
    }
    let blob: Vec<u8> = sig.iter().flat_map(|x| x.to_le_bytes()).collect();
    tx.prepare_cached("INSERT INTO article_minhash (article_id, signature) VALUES (?1, ?2)")?
        .execute(params![id, blob])?;
    let mut put = tx.prepare_cached("INSERT INTO article_bands (band, key, article_id) VALUES (?1, ?2, ?3)")?;
    for (b, k) in bands.iter().enumerate() {
        put.execute(params![b as i64, k, id])?;
    }
    Ok(())
}

/// Writes the stories changed by a batch (once each, not once per paragraph).
pub(crate) fn save_stories(tx: &rusqlite::Transaction, stories: &mut stories::Stories) -> Result<()> {
    stories.merge_close();
    for (gone, keep) in stories.take_merged() {
        for table in ["story_claims", "story_statements"] {
            tx.execute(
                &format!("UPDATE {table} SET story_id = ?2 WHERE story_id = ?1"),
                params![gone, keep],
            )?;
        }
        tx.execute(
            "UPDATE OR IGNORE story_articles SET story_id = ?2 WHERE story_id = ?1",
            params![gone, keep],
        )?;
        tx.execute("DELETE FROM story_articles WHERE story_id = ?1", params![gone])?;
        tx.execute("DELETE FROM stories WHERE id = ?1", params![gone])?;
    }
    let mut up = tx.prepare_cached(
        "UPDATE stories SET label = ?2, first_date = ?3, last_date = ?4, signature = ?5 WHERE id = ?1",
    )?;
    for k in stories.take_dirty() {
        let (sid, sig) = &stories.list[k];
        up.execute(params![
            *sid,
            stories::label(sig),
            sig.first_date,
            sig.last_date,
            serde_json::to_string(sig)?
        ])?;
    }
    Ok(())
}

impl Store for SqliteStore {
    fn add(&mut self, records: &[Extraction]) -> Result<BatchReport> {
        let tx = self.conn.transaction()?;
        let mut report = BatchReport::default();
        for rec in records {
            let key = article_key(rec);
            let present = tx
                .prepare_cached("SELECT id FROM articles WHERE key = ?1")?
                .query_row([&key], |r| r.get::<_, i64>(0))
                .optional()?;
            if present.is_some() {
                report.present += 1;
                continue;
            }
            tx.prepare_cached(
                "INSERT INTO articles (key, doc, url, title, published, language, text, record)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                key,
                rec.doc,
                rec.url,
                rec.title,
                rec.published,
                rec.language,
                rec.text,
                serde_json::to_string(rec)?
            ])?;
            let id = tx.last_insert_rowid();
            insert_rows(&tx, id, rec)?;
            record_copy(&tx, id, &rec.text)?;
            place_article(&tx, &mut self.stories, id, rec)?;
            let ids: Vec<String> = rec.entities.iter().map(|e| e.id.replace('-', "_")).collect();
            tx.prepare_cached("INSERT INTO article_fts (rowid, title, text, entities) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![id, rec.title, rec.text, ids.join(" ")])?;
            report.added += 1;
        }
        save_stories(&tx, &mut self.stories)?;
        tx.commit()?;
        Ok(report)
    }

    fn articles(&self) -> Result<usize> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0))? as usize)
    }

    fn search(&self, words: &str, entity_ids: &[String], limit: usize) -> Result<Vec<Hit>> {
        // Each word quoted (FTS5 syntax characters are the user's text, not operators);
        // entity ids OR-ed in on their own column.
        let mut terms: Vec<String> = words
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect();
        let words_q = terms.join(" AND ");
        terms.clear();
        for id in entity_ids {
            terms.push(format!("entities:\"{}\"", id.replace('-', "_")));
        }
        let query = match (words_q.is_empty(), terms.is_empty()) {
            (true, true) => return Ok(Vec::new()),
            (false, true) => words_q,
            (true, false) => terms.join(" OR "),
            (false, false) => format!("({words_q}) OR {}", terms.join(" OR ")),
        };
        let mut st = self.conn.prepare(
            "SELECT a.doc, a.title, a.published, snippet(article_fts, 1, '[', ']', '…', 12)
             FROM article_fts JOIN articles a ON a.id = article_fts.rowid
             WHERE article_fts MATCH ?1 ORDER BY rank LIMIT ?2",
        )?;
        let rows = st.query_map(params![query, limit as i64], |r| {
            Ok(Hit {
                doc: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                snippet: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_model::{Article, Claim, Entity, Ref, Span, Value};

    fn record(doc: &str, text: &str) -> Extraction {
        let mut rec = Extraction::from_article(Article {
            doc: doc.into(),
            title: Some(text.lines().next().unwrap_or("").into()),
            text: text.into(),
            language: Some("fr".into()),
            ..Default::default()
        });
        rec.entities.push(Entity {
            id: "kursk-oblast".into(),
            name: "Kursk Oblast".into(),
            kind: "region".into(),
            mentions: vec![Span::new(0, 6)],
            country: Some("russia".into()),
        });
        rec.claims.push(Claim {
            span: Span::new(10, 20),
            sentence: Span::new(0, text.chars().count()),
            value: Value {
                max: Some(12000.0),
                ..Default::default()
            },
            approx: false,
            counted: "soldats".into(),
            category: "troops".into(),
            actor: Some(Ref {
                entity: Some("north-korea".into()),
                text: "nord-coréens".into(),
            }),
            location: None,
            source: None,
            modality: Modality::Hedged,
            said_on: None,
            when_text: None,
            cites: None,
        });
        rec
    }

    #[test]
    fn the_same_record_twice_is_stored_once() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        let a = record("a.txt", "Koursk : jusqu'à 12 000 soldats nord-coréens.");
        let b = record("b.txt", "Kharkiv : trois districts bombardés.");
        assert_eq!(s.add(&[a.clone(), b]).unwrap(), BatchReport { added: 2, present: 0 });
        assert_eq!(s.add(&[a]).unwrap(), BatchReport { added: 0, present: 1 });
        assert_eq!(s.articles().unwrap(), 2);
        let claims: i64 = s
            .connection()
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        assert_eq!(claims, 2);
    }

    #[test]
    fn an_old_database_is_migrated_with_its_articles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let rec = record("a.txt", "Koursk : jusqu'à 12 000 soldats nord-coréens.");
        {
            // A database written by the first version: articles only.
            let mut conn = Connection::open(&path).unwrap();
            migrations::migrate_to(&mut conn, 1).unwrap();
            conn.execute(
                "INSERT INTO articles (key, doc, text, record) VALUES (?1, ?2, ?3, ?4)",
                params![
                    article_key(&rec),
                    rec.doc,
                    rec.text,
                    serde_json::to_string(&rec).unwrap()
                ],
            )
            .unwrap();
        }
        let mut s = SqliteStore::open(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), migrations::CURRENT);
        assert_eq!(s.articles().unwrap(), 1);
        let claims: i64 = s
            .connection()
            .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
            .unwrap();
        assert_eq!(claims, 1, "the stored record's claim became a row");
        assert_eq!(
            s.search("", &["kursk-oblast".into()], 5).unwrap().len(),
            1,
            "and is searchable"
        );
        assert_eq!(s.add(&[rec]).unwrap().present, 1, "and known");
    }

    #[test]
    fn a_republished_copy_is_recorded_as_such() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        let body = "Les secours ont retrouvé trois nouveaux corps lundi dans la vallée, portant le bilan à vingt-deux morts, a indiqué la préfecture, qui précise que huit personnes restent portées disparues et que les recherches se poursuivent.";
        let a = record("a.txt", &format!("Bilan en hausse\n\n{body}"));
        let mut b = record("b.txt", &format!("Bilan en hausse\n\n{body} Lire aussi.\n"));
        b.url = Some("https://example.org/copie".into());
        let c = record("c.txt", "Autre chose\n\nLe conseil municipal a voté mardi un budget de trois millions d'euros pour rénover les écoles de la commune, a annoncé le maire, qui promet des travaux dès l'été.");
        s.add(&[a, b, c]).unwrap();
        let copies: Vec<(String, String)> = s
            .connection()
            .prepare("SELECT a.doc, o.doc FROM copies c JOIN articles a ON a.id = c.article_id JOIN articles o ON o.id = c.original_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(copies, vec![("b.txt".to_string(), "a.txt".to_string())]);
    }

    #[test]
    fn a_newer_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        assert!(matches!(
            SqliteStore::open(&path),
            Err(StoreError::TooNew { found: 99, .. })
        ));
    }

    #[test]
    fn search_folds_accents_and_finds_entities_by_id() {
        let mut s = SqliteStore::open_in_memory().unwrap();
        s.add(&[record("a.txt", "Koursk : les soldats sont arrivés.")]).unwrap();
        let hits = s.search("arrives", &[], 10).unwrap();
        assert_eq!(hits.len(), 1, "accents folded");
        assert!(hits[0].snippet.contains("[arrivés]"), "{:?}", hits[0]);
        let hits = s.search("Kursk", &["kursk-oblast".into()], 10).unwrap();
        assert_eq!(hits.len(), 1, "the entity matches another spelling");
        assert_eq!(
            s.search("Kursk", &[], 10).unwrap().len(),
            1,
            "entity ids are indexed words too"
        );
        assert!(s.search("Kharkiv", &[], 10).unwrap().is_empty());
        assert!(
            s.search("\"(", &[], 10).unwrap().is_empty(),
            "query syntax is the user's text"
        );
    }
}
