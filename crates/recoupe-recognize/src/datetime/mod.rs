//! Dates, times, periods, durations and recurrences, resolved against a reference date.
//!
//! Each language has its own grammar module (`en`, `fr`) and word tables
//! (`data/recognize/datetime-en.toml`, `datetime-fr.toml`); what they share — calendar
//! arithmetic, ISO formatting, the resolution of "a weekday", "a month without a year" —
//! lives in [`resolve`]. Without a reference date, expressions that need one are returned
//! unresolved, with their text.

pub mod en;
pub mod fr;
pub mod resolve;

use crate::number::Num;
use crate::token::Tokens;
use crate::{Cand, DateTime, Lang, LangData, RecognizeError};

/// Time tables of one language.
#[derive(Debug, Default)]
pub struct DtTables {
    pub en: en::Tables,
    pub fr: fr::Tables,
}

/// Loads a language's table file (`lang` says which grammar it is for).
pub fn load_lang(src: &str, lang: Lang, t: &mut DtTables) -> Result<(), RecognizeError> {
    match lang {
        Lang::En => en::load(src, &mut t.en),
        Lang::Fr => fr::load(src, &mut t.fr),
    }
}

pub fn scan(tk: &Tokens, nums: &[Num], d: &LangData, lang: Lang, reference: Option<DateTime>) -> Vec<Cand> {
    match lang {
        Lang::En => en::scan(tk, nums, d, reference),
        Lang::Fr => fr::scan(tk, nums, d, reference),
    }
}
