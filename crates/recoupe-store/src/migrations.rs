//! Versioned schema migrations on `PRAGMA user_version`.
//!
//! Written by hand: rusqlite_migration and its kin pull a second libsqlite3-sys and fail to
//! link beside the bundled one. Each step runs in its own transaction with the version bump,
//! so an interrupted migration leaves the previous version intact.

use crate::{Result, StoreError};
use rusqlite::{Connection, Transaction};

type Step = fn(&Transaction) -> Result<()>;

/// The steps, in order: step `i` takes the schema from version `i` to `i + 1`.
pub(crate) const STEPS: &[Step] = &[v1_articles, v2_claims, v3_search, v4_stories, v5_copies];

/// The schema version this code writes.
pub const CURRENT: i64 = STEPS.len() as i64;

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_to(conn, CURRENT)
}

/// Brings the database to `target` (tests use it to build an old schema).
pub fn migrate_to(conn: &mut Connection, target: i64) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > CURRENT {
        return Err(StoreError::TooNew { found, known: CURRENT });
    }
    for v in found..target.min(CURRENT) {
        let tx = conn.transaction()?;
        STEPS[v as usize](&tx)?;
        tx.pragma_update(None, "user_version", v + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// Version 1: the articles, each with its full extraction record.
fn v1_articles(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            doc TEXT NOT NULL,
            url TEXT,
            title TEXT,
            published TEXT,
            language TEXT,
            text TEXT NOT NULL,
            record TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
        );
        CREATE INDEX articles_url ON articles(url);
        CREATE INDEX articles_published ON articles(published);",
    )?;
    Ok(())
}

/// Version 2: entities, claims and statements as rows, filled from the stored records.
fn v2_claims(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            mentions INTEGER NOT NULL
        );
        CREATE INDEX mentions_entity ON mentions(entity_id);
        CREATE INDEX mentions_article ON mentions(article_id);
        CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            value_exact REAL, value_min REAL, value_max REAL,
            approx INTEGER NOT NULL,
            counted TEXT NOT NULL,
            category TEXT NOT NULL,
            actor_entity TEXT, actor_text TEXT,
            -- the country the actor stands for (Pyongyang, Kim Jong Un: North Korea)
            actor_group TEXT,
            location_entity TEXT, location_text TEXT,
            source_entity TEXT, source_text TEXT,
            cites_text TEXT,
            modality TEXT NOT NULL,
            said_on TEXT, when_text TEXT,
            span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            UNIQUE (article_id, idx)
        );
        CREATE INDEX claims_category ON claims(category, actor_entity);
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            subject TEXT NOT NULL,
            stance TEXT NOT NULL,
            source_entity TEXT, source_text TEXT,
            said_on TEXT, when_text TEXT,
            sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
            UNIQUE (article_id, idx)
        );",
    )?;
    // Records stored by version 1 get their rows now.
    let mut rows: Vec<(i64, String)> = Vec::new();
    {
        let mut st = tx.prepare("SELECT id, record FROM articles ORDER BY id")?;
        let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for r in it {
            rows.push(r?);
        }
    }
    for (id, record) in rows {
        let rec: recoupe_model::Extraction = serde_json::from_str(&record)?;
        crate::insert_rows(tx, id, &rec)?;
    }
    Ok(())
}

/// Version 3: full-text search over titles, texts and the entities mentioned (by id, so
/// that "Koursk" finds "Kursk"); accents and case folded by the tokenizer.
fn v3_search(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE VIRTUAL TABLE article_fts USING fts5(
            title, text, entities, tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO article_fts (rowid, title, text, entities)
            SELECT a.id, a.title, a.text,
                   coalesce((SELECT group_concat(replace(m.entity_id, '-', '_'), ' ') FROM mentions m WHERE m.article_id = a.id), '')
            FROM articles a;",
    )?;
    Ok(())
}

/// Version 4: stories, and which claims, statements and articles each holds; the stored
/// articles are placed in the order they came.
fn v4_stories(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            first_date TEXT,
            last_date TEXT,
            signature TEXT NOT NULL
        );
        CREATE TABLE story_claims (
            story_id INTEGER NOT NULL REFERENCES stories(id),
            claim_id INTEGER NOT NULL UNIQUE REFERENCES claims(id) ON DELETE CASCADE
        );
        CREATE TABLE story_statements (
            story_id INTEGER NOT NULL REFERENCES stories(id),
            statement_id INTEGER NOT NULL UNIQUE REFERENCES statements(id) ON DELETE CASCADE
        );
        CREATE TABLE story_articles (
            story_id INTEGER NOT NULL REFERENCES stories(id),
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            UNIQUE (story_id, article_id)
        );",
    )?;
    let mut rows: Vec<(i64, String)> = Vec::new();
    {
        let mut st = tx.prepare("SELECT id, record FROM articles ORDER BY id")?;
        let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for r in it {
            rows.push(r?);
        }
    }
    let mut stories = crate::stories::Stories::default();
    for (id, record) in rows {
        let rec: recoupe_model::Extraction = serde_json::from_str(&record)?;
        crate::place_article(tx, &mut stories, id, &rec)?;
    }
    crate::save_stories(tx, &mut stories)
}

/// Version 5: near-duplicate articles (syndicated copies), found by MinHash and LSH bands.
fn v5_copies(tx: &Transaction) -> Result<()> {
    tx.execute_batch(
        "CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX article_bands_key ON article_bands(band, key);
        CREATE TABLE article_minhash (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE copies (
            article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
            original_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            similarity REAL NOT NULL
        );",
    )?;
    let mut rows: Vec<(i64, String)> = Vec::new();
    {
        let mut st = tx.prepare("SELECT id, text FROM articles ORDER BY id")?;
        let it = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        for r in it {
            rows.push(r?);
        }
    }
    for (id, text) in rows {
        crate::record_copy(tx, id, &text)?;
    }
    Ok(())
}
