//! `recoupe ingest` and `recoupe search`: the pipeline into the store, and back out.

use anyhow::{Context, Result};
use recoupe::Pipeline;
use recoupe_store::{SqliteStore, Store};
use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// Records per transaction: large enough that SQLite's commit cost is spread thin, small
/// enough that an interrupted run loses little work.
const TX_BATCH: usize = 256;

pub fn ingest(pipeline: &Pipeline, docs: recoupe::ingest::DocIter, db: &Path) -> Result<ExitCode> {
    let mut store = SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} articles ({per_sec}) {msg}").expect("template"),
        );
        b.enable_steady_tick(std::time::Duration::from_millis(200));
        b
    });
    let mut failed = 0usize;
    // The store is written on a thread of its own, so that extraction goes on while a
    // batch is committed.
    let (added, present) = std::thread::scope(|scope| -> Result<(usize, usize)> {
        let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<recoupe::Extraction>>(4);
        let writer = scope.spawn(move || -> Result<(usize, usize)> {
            let (mut added, mut present) = (0, 0);
            for batch in batches {
                let r = store.add(&batch)?;
                added += r.added;
                present += r.present;
            }
            Ok((added, present))
        });
        let mut batch = Vec::with_capacity(TX_BATCH);
        let sent = pipeline.run(docs, |r| -> Result<()> {
            match r {
                Ok(rec) => {
                    batch.push(rec);
                    if batch.len() >= TX_BATCH {
                        to_writer
                            .send(std::mem::replace(&mut batch, Vec::with_capacity(TX_BATCH)))
                            .map_err(|_| anyhow::anyhow!("the store writer stopped"))?;
                    }
                    if let Some(b) = &bar {
                        b.inc(1);
                    }
                }
                Err(e) => {
                    failed += 1;
                    match &bar {
                        Some(b) => b.println(format!("recoupe: error: {e}")),
                        None => eprintln!("recoupe: error: {e}"),
                    }
                }
            }
            Ok(())
        });
        if sent.is_ok() && !batch.is_empty() {
            let _ = to_writer.send(batch);
        }
        drop(to_writer);
        // The writer's own error says more than "the writer stopped".
        let written = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer panicked"))?;
        let written = written?;
        sent?;
        Ok(written)
    })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let total = SqliteStore::open(db)?.articles()?;
    eprintln!(
        "recoupe: {added} article(s) added, {present} already stored, {failed} input(s) failed; {total} in {}",
        db.display()
    );
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

pub fn search(query: &str, db: &Path, limit: usize) -> Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("{} does not exist: run `recoupe ingest` first", db.display());
    }
    let store = SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    // Names the gazetteer knows are searched by entity too, under every spelling.
    let gazetteer = recoupe::entities::Gazetteer::builtin()?;
    let words = recoupe::entities::words(query);
    let linked = gazetteer.link(&words);
    let ids: Vec<String> = linked
        .entities
        .iter()
        .filter(|e| e.known)
        .map(|e| e.id.clone())
        .collect();
    let hits = store.search(query, &ids, limit)?;
    for h in &hits {
        println!(
            "{}  {}  {}",
            h.published.as_deref().unwrap_or("----------"),
            h.title.as_deref().unwrap_or(""),
            h.doc
        );
        println!("    {}", h.snippet.replace('\n', " "));
    }
    eprintln!("recoupe: {} result(s)", hits.len());
    Ok(ExitCode::SUCCESS)
}

/// What `recoupe report` writes.
pub enum Format {
    Md,
    Html,
    Json,
}

pub fn report(db: &Path, story: Option<i64>, format: Format, out: Option<&Path>) -> Result<ExitCode> {
    if !db.exists() {
        anyhow::bail!("{} does not exist: run `recoupe ingest` first", db.display());
    }
    let store = SqliteStore::open(db).with_context(|| format!("opening {}", db.display()))?;
    let stories = recoupe_report::build(store.connection(), story)?;
    let text = match format {
        Format::Md => recoupe_report::markdown(&stories),
        Format::Html => recoupe_report::html(&stories)?,
        Format::Json => serde_json::to_string_pretty(&stories)? + "\n",
    };
    match out {
        Some(p) => {
            std::fs::write(p, text).with_context(|| format!("writing {}", p.display()))?;
            let shown = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            eprintln!(
                "recoupe: report of {} story(ies) written to {}",
                stories.len(),
                shown.display()
            );
        }
        None => print!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
