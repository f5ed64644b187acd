//! Entities: who and where an article talks about.
//!
//! [`Gazetteer::builtin`] loads the shipped data (every country with its French and English
//! names, demonyms and capital; leaders, agencies, international bodies, media and the
//! places of current conflicts); [`Gazetteer::link`] finds their mentions in an article's
//! [`words`], tolerant of case, accents, hyphens and transliteration, and gives unknown
//! proper names ids of their own. Ids are stable across articles: a known entity's id comes
//! from the gazetteer, an unknown name's from its spelling-tolerant key.

pub mod gazetteer;
pub mod key;
pub mod link;
pub mod words;

pub use gazetteer::{Form, Gazetteer, Known};
pub use link::{Linked, LinkedEntity, Mention};
pub use words::{fold, words, Word};

#[derive(Debug, thiserror::Error)]
pub enum EntityError {
    #[error("gazetteer data: {0}")]
    Data(String),
}

impl EntityError {
    pub(crate) fn context(self, what: &str) -> Self {
        match self {
            EntityError::Data(m) => EntityError::Data(format!("{what}: {m}")),
        }
    }
}
