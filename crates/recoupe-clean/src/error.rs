use thiserror::Error;

/// What can go wrong while setting up or running the cleaner.
#[derive(Debug, Error)]
pub enum CleanError {
    /// A bundled or user-supplied data file could not be read or parsed.
    #[error("linguistic data: {0}")]
    Data(String),
}

pub type Result<T> = std::result::Result<T, CleanError>;
