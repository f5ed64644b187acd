//! The pipeline: raw documents in, [`Extraction`] records out.
//!
//! Documents are processed in bounded batches, each batch in parallel (rayon) and
//! handed back in input order, so that memory stays flat however large the corpus and
//! output is deterministic. Errors of ingest travel along in the stream, in place.

use rayon::prelude::*;
pub use recoupe_claims::{Analysis, ClaimsError, Extractor};
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
        mut sink: impl FnMut(Result<Extraction, IngestError>) -> Result<(), E>,
    ) -> Result<(), E>
    where
        I: Iterator<Item = Result<RawDoc, IngestError>>,
    {
        let mut docs = docs.peekable();
        while docs.peek().is_some() {
            let batch: Vec<_> = docs.by_ref().take(BATCH).collect();
            let out: Vec<_> = batch.into_par_iter().map(|r| r.map(|d| self.extract(d))).collect();
            for r in out {
                sink(r)?;
            }
        }
        Ok(())
    }
}
