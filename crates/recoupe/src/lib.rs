//! The pipeline: raw documents in, [`Extraction`] records out.
//!
//! Documents are processed in bounded batches, each batch in parallel (rayon) and
//! handed back in input order, so that memory stays flat however large the corpus and
//! output is deterministic. Errors of ingest travel along in the stream, in place.

use rayon::prelude::*;
pub use recoupe_claims::{entities, recognize, Analysis, ClaimsError, Extractor};
pub use recoupe_clean::{CleanError, CleanOptions, Cleaner};
pub use recoupe_ingest::{self as ingest, IngestError};
pub use recoupe_model::{self as model, Article, Extraction, RawDoc};

/// Documents per parallel batch: large enough to keep both cores busy, small enough
/// that a batch of big pages stays well under a hundred megabytes.
pub const BATCH: usize = 64;

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Clean(#[from] CleanError),
    #[error(transparent)]
    Claims(#[from] ClaimsError),
}

/// Everything the pipeline needs, loaded once.
pub struct Pipeline {
    cleaner: Cleaner,
    extractor: Extractor,
}

impl Pipeline {
    pub fn new(clean: &CleanOptions) -> Result<Self, PipelineError> {
        Ok(Self {
            cleaner: Cleaner::new(clean)?,
            extractor: Extractor::new()?,
        })
    }

    /// The claim stage, to add a user's gazetteer or word lists before running.
    pub fn extractor_mut(&mut self) -> &mut Extractor {
        &mut self.extractor
    }

    pub fn clean(&self, raw: RawDoc) -> Article {
        self.cleaner.clean(raw)
    }

    /// The extraction record of one document.
    pub fn extract(&self, raw: RawDoc) -> Extraction {
        let article = self.clean(raw);
        let found = self.extractor.analyse(&article);
        let mut rec = Extraction::from_article(article);
        rec.entities = found.entities;
        rec.claims = found.claims;
        rec.statements = found.statements;
        rec
    }

    /// Runs `extract` over a stream in parallel batches, calling `sink` in input order
    /// with each record or ingest error. Stops early if `sink` returns an error.
    pub fn run<I, E>(
        &self,
        docs: I,
        sink: impl FnMut(Result<Extraction, IngestError>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        I: Iterator<Item = Result<RawDoc, IngestError>>,
    {
        self.run_map(docs, |rec| rec, sink)
    }

    /// [`run`](Self::run), with `map` applied to each record on the worker threads (to
    /// render it, say), so that only writing is left to the caller's thread.
    ///
    /// Reading runs on the caller's thread while a worker thread has the previous batch
    /// processed by the rayon pool: reading, extracting and writing overlap, and at most
    /// three batches are in memory at once.
    pub fn run_map<I, T, E>(
        &self,
        docs: I,
        map: impl Fn(Extraction) -> T + Sync,
        mut sink: impl FnMut(Result<T, IngestError>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        I: Iterator<Item = Result<RawDoc, IngestError>>,
        T: Send,
    {
        type Batch = Vec<Result<RawDoc, IngestError>>;
        let mut docs = docs.peekable();
        std::thread::scope(|scope| {
            let (to_worker, batches) = std::sync::mpsc::sync_channel::<Batch>(1);
            let (to_sink, results) = std::sync::mpsc::sync_channel::<Vec<Result<T, IngestError>>>(1);
            let map = &map;
            scope.spawn(move || {
                for batch in batches {
                    let out: Vec<_> = batch.into_par_iter().map(|r| r.map(|d| map(self.extract(d)))).collect();
                    if to_sink.send(out).is_err() {
                        break;
                    }
                }
            });
            let mut in_flight = 0usize;
            while docs.peek().is_some() {
                let batch: Batch = docs.by_ref().take(BATCH).collect();
                if to_worker.send(batch).is_err() {
                    break;
                }
                in_flight += 1;
                if in_flight >= 2 {
                    in_flight -= 1;
                    if let Ok(out) = results.recv() {
                        for r in out {
                            sink(r)?;
                        }
                    }
                }
            }
            drop(to_worker);
            for out in results {
                for r in out {
                    sink(r)?;
                }
            }
            Ok(())
        })
    }
}
