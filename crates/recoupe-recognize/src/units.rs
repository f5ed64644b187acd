//! Money, measures and ages: a number with a unit.

use serde::Deserialize;

use crate::number::Num;
use crate::token::Tokens;
use crate::{Cand, Lang, LangData, RecognizeError};

/// Unit tables of one language.
#[derive(Debug, Default)]
pub struct UnitTables {}

pub fn load(src: &str, _fr: &mut UnitTables, _en: &mut UnitTables) -> Result<(), RecognizeError> {
    #[derive(Deserialize)]
    struct Doc {}
    let _doc: Doc = toml::from_str(src).map_err(|e| RecognizeError::Data(format!("units: {e}")))?;
    Ok(())
}

pub fn scan(_tk: &Tokens, _nums: &[Num], _d: &LangData, _lang: Lang) -> Vec<Cand> {
    Vec::new()
}
