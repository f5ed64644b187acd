//! Time expressions in French.

use serde::Deserialize;

use crate::number::Num;
use crate::token::Tokens;
use crate::{Cand, DateTime, LangData, RecognizeError};

/// Words of `data/recognize/datetime-fr.toml`.
#[derive(Debug, Default)]
pub struct Tables {}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Raw {}

pub fn load(src: &str, _t: &mut Tables) -> Result<(), RecognizeError> {
    let _raw: Raw = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("datetime-fr: {e}")))?;
    Ok(())
}

pub fn scan(_tk: &Tokens, _nums: &[Num], _d: &LangData, _reference: Option<DateTime>) -> Vec<Cand> {
    Vec::new()
}
