use thiserror::Error;

/// Why one input (a file, or one record inside a container) could not be read.
///
/// Every variant carries the document name (path, plus `#N` for a record) so that the
/// user can find the culprit; a reader reports the error and goes on with the rest.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("{doc}: cannot read: {source}")]
    Io {
        doc: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{doc}: empty input")]
    Empty { doc: String },
    #[error("{doc}: binary data, not text (NUL or control bytes near offset {offset})")]
    Binary { doc: String, offset: usize },
    #[error("{doc}: invalid UTF-8 at byte {offset} (the file mixes UTF-8 with other bytes)")]
    InvalidUtf8 { doc: String, offset: usize },
    #[error("{doc}: too large for one article ({size} bytes, limit {limit})")]
    TooLarge { doc: String, size: u64, limit: u64 },
    #[error("{doc}: line {line}: {reason}")]
    JsonLine { doc: String, line: usize, reason: String },
    #[error("{doc}: WARC record {record}: {reason}")]
    Warc { doc: String, record: usize, reason: String },
    #[error("{doc}: feed: {reason}")]
    Feed { doc: String, reason: String },
    #[error("{doc}: compressed data: {reason}")]
    Compressed { doc: String, reason: String },
}

impl IngestError {
    /// The document (path and record) the error is about.
    pub fn doc(&self) -> &str {
        match self {
            IngestError::Io { doc, .. }
            | IngestError::Empty { doc }
            | IngestError::Binary { doc, .. }
            | IngestError::InvalidUtf8 { doc, .. }
            | IngestError::TooLarge { doc, .. }
            | IngestError::JsonLine { doc, .. }
            | IngestError::Warc { doc, .. }
            | IngestError::Feed { doc, .. }
            | IngestError::Compressed { doc, .. } => doc,
        }
    }
}

pub type Result<T> = std::result::Result<T, IngestError>;
