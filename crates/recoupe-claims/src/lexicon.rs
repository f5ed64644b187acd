//! The words the claim grammar reasons with, loaded from `data/claims/{fr,en}.toml`.
//!
//! Entries are split into words exactly as the text is ([`recoupe_entities::words`]: at
//! apostrophes and hyphens) and folded, so "d'après" matches "d’après" and "D'APRÈS".

use crate::ClaimsError;
use recoupe_entities::{words, Word};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::collections::BTreeMap;

/// A list of words and phrases, looked up by their first word.
#[derive(Debug, Default, Clone)]
pub struct Phrases {
    by_first: FxHashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn from_list(list: &[String]) -> Self {
        let mut p = Phrases::default();
        p.extend(list);
        p
    }

    fn extend(&mut self, list: &[String]) {
        for e in list {
            let ws: Vec<String> = words(e).into_iter().map(|w| w.fold.into_owned()).collect();
            if let Some(first) = ws.first() {
                let v = self.by_first.entry(first.clone()).or_default();
                if !v.contains(&ws) {
                    v.push(ws);
                    v.sort_by_key(|p| std::cmp::Reverse(p.len()));
                }
            }
        }
    }

    /// The length in words of the longest entry starting at word `i`, within `end`.
    pub fn at(&self, ws: &[Word], i: usize, end: usize) -> Option<usize> {
        let list = self.by_first.get(ws.get(i)?.fold.as_ref())?;
        list.iter()
            .find(|p| i + p.len() <= end && p.iter().enumerate().all(|(k, w)| ws[i + k].fold == *w))
            .map(Vec::len)
    }

    /// True when the single word is an entry.
    pub fn has(&self, w: &str) -> bool {
        self.by_first.get(w).is_some_and(|l| l.iter().any(|p| p.len() == 1))
    }

    /// The first entry found in words `a..b`, as (position, length).
    pub fn find(&self, ws: &[Word], a: usize, b: usize) -> Option<(usize, usize)> {
        (a..b).find_map(|i| self.at(ws, i, b).map(|n| (i, n)))
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Attribution {
    according: Vec<String>,
    citing: Vec<String>,
    speech_verbs: Vec<String>,
    auxiliaries: Vec<String>,
    same_source: Vec<String>,
    subject_pronouns: Vec<String>,
    inversion_pronouns: Vec<String>,
    source_nouns: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Modality {
    hedge_words: Vec<String>,
    modal_verbs: Vec<String>,
    conditional_suffixes: Vec<String>,
    not_conditional: Vec<String>,
    negations: Vec<String>,
    deny_words: Vec<String>,
    cannot_confirm: Vec<String>,
    confirm_words: Vec<String>,
    question_words: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Counted {
    definite_determiners: Vec<String>,
    prenominal: Vec<String>,
    partitive: Vec<String>,
    pronoun_counted: Vec<String>,
    stop_words: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Location {
    prepositions: Vec<String>,
    place_nouns: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Actor {
    sending_verbs: Vec<String>,
}

/// Closed-class words of the clause grammar (`data/claims/{fr,en}-grammar.toml`).
#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Grammar {
    openers: Vec<String>,
    coordinators: Vec<String>,
    adverbs: Vec<String>,
    addressee: Vec<String>,
    determiners: Vec<String>,
    np_words: Vec<String>,
    prepositions: Vec<String>,
    deverbal_suffixes: Vec<String>,
    time_units: Vec<String>,
    infinitive_markers: Vec<String>,
    inclusion: Vec<String>,
    semi_aux: Vec<String>,
    first_person: Vec<String>,
    copulas: Vec<String>,
    verb_negations: Vec<String>,
    plans: Vec<String>,
    relatives: Vec<String>,
    ellipsis_before: Vec<String>,
    ellipsis_after: Vec<String>,
    anaphors: Vec<String>,
    clitics: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct File {
    grammar: Grammar,
    attribution: Attribution,
    modality: Modality,
    counted: Counted,
    categories: BTreeMap<String, Vec<String>>,
    predicates: BTreeMap<String, Vec<String>>,
    location: Location,
    actor: Actor,
}

/// The word lists of one language.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub according: Phrases,
    pub citing: Phrases,
    pub speech: Phrases,
    pub aux: Phrases,
    pub same_source: Phrases,
    pub pronouns: Phrases,
    pub inversion: Phrases,
    pub source_nouns: Phrases,
    pub hedge: Phrases,
    pub modal: Phrases,
    pub cond_suffixes: Vec<String>,
    pub not_cond: FxHashSet<String>,
    pub negations: Phrases,
    pub deny: Phrases,
    pub cannot_confirm: Phrases,
    pub confirm: Phrases,
    pub question: Phrases,
    pub definite: Phrases,
    pub prenominal: Phrases,
    pub partitive: Phrases,
    pub pronoun_counted: Phrases,
    pub stop: Phrases,
    /// Folded counted noun → category.
    pub categories: FxHashMap<String, String>,
    /// Predicate phrases → the category they give a generic count ("blessées" → wounded).
    pub predicates: Vec<(String, Phrases)>,
    pub loc_preps: Phrases,
    pub place_nouns: Phrases,
    pub sending: Phrases,
    pub openers: Phrases,
    pub coordinators: Phrases,
    pub adverbs: Phrases,
    pub addressee: Phrases,
    pub determiners: Phrases,
    pub np_words: Phrases,
    pub prepositions: Phrases,
    pub deverbal: Vec<String>,
    pub time_units: Phrases,
    pub infinitive_markers: Phrases,
    pub inclusion: Phrases,
    pub semi_aux: Phrases,
    pub first_person: Phrases,
    pub copulas: Phrases,
    pub verb_negations: Phrases,
    pub plans: Phrases,
    pub relatives: Phrases,
    pub ellipsis_before: Phrases,
    pub ellipsis_after: Phrases,
    pub anaphors: Phrases,
    pub clitics: Phrases,
}

impl Lexicon {
    pub fn from_toml(src: &str) -> Result<Self, ClaimsError> {
        let mut l = Lexicon::default();
        l.add_toml(src)?;
        Ok(l)
    }

    /// Adds the entries of a file of the same shape (a user's own words).
    pub fn add_toml(&mut self, src: &str) -> Result<(), ClaimsError> {
        let f: File = toml::from_str(src).map_err(|e| ClaimsError::Data(e.to_string()))?;
        let a = &f.attribution;
        self.according.extend(&a.according);
        self.citing.extend(&a.citing);
        self.speech.extend(&a.speech_verbs);
        self.aux.extend(&a.auxiliaries);
        self.same_source.extend(&a.same_source);
        self.pronouns.extend(&a.subject_pronouns);
        self.inversion.extend(&a.inversion_pronouns);
        self.source_nouns.extend(&a.source_nouns);
        let m = &f.modality;
        self.hedge.extend(&m.hedge_words);
        self.modal.extend(&m.modal_verbs);
        self.cond_suffixes.extend(m.conditional_suffixes.iter().cloned());
        self.not_cond
            .extend(m.not_conditional.iter().map(|w| recoupe_entities::fold(w)));
        self.negations.extend(&m.negations);
        self.deny.extend(&m.deny_words);
        self.cannot_confirm.extend(&m.cannot_confirm);
        self.confirm.extend(&m.confirm_words);
        self.question.extend(&m.question_words);
        let c = &f.counted;
        self.definite.extend(&c.definite_determiners);
        self.prenominal.extend(&c.prenominal);
        self.partitive.extend(&c.partitive);
        self.pronoun_counted.extend(&c.pronoun_counted);
        self.stop.extend(&c.stop_words);
        for (cat, nouns) in &f.categories {
            for n in nouns {
                // A later file (the user's) re-files a noun.
                self.categories.insert(recoupe_entities::fold(n), cat.clone());
            }
        }
        for (cat, list) in &f.predicates {
            match self.predicates.iter_mut().find(|(c, _)| c == cat) {
                Some((_, p)) => p.extend(list),
                None => self.predicates.push((cat.clone(), Phrases::from_list(list))),
            }
        }
        self.loc_preps.extend(&f.location.prepositions);
        self.place_nouns.extend(&f.location.place_nouns);
        self.sending.extend(&f.actor.sending_verbs);
        let g = &f.grammar;
        self.openers.extend(&g.openers);
        self.coordinators.extend(&g.coordinators);
        self.adverbs.extend(&g.adverbs);
        self.addressee.extend(&g.addressee);
        self.determiners.extend(&g.determiners);
        self.np_words.extend(&g.np_words);
        self.prepositions.extend(&g.prepositions);
        self.deverbal.extend(g.deverbal_suffixes.iter().cloned());
        self.time_units.extend(&g.time_units);
        self.infinitive_markers.extend(&g.infinitive_markers);
        self.inclusion.extend(&g.inclusion);
        self.semi_aux.extend(&g.semi_aux);
        self.first_person.extend(&g.first_person);
        self.copulas.extend(&g.copulas);
        self.verb_negations.extend(&g.verb_negations);
        self.plans.extend(&g.plans);
        self.relatives.extend(&g.relatives);
        self.ellipsis_before.extend(&g.ellipsis_before);
        self.ellipsis_after.extend(&g.ellipsis_after);
        self.anaphors.extend(&g.anaphors);
        self.clitics.extend(&g.clitics);
        Ok(())
    }

    /// The category of a counted noun, trying its singular too.
    pub fn category(&self, folded: &str) -> Option<&str> {
        if let Some(c) = self.categories.get(folded) {
            return Some(c);
        }
        if folded.len() < 3 {
            return None;
        }
        for suffix in ["s", "x"] {
            if let Some(stem) = folded.strip_suffix(suffix) {
                if let Some(c) = self.categories.get(stem) {
                    return Some(c);
                }
            }
        }
        None
    }

    /// A French conditional form ("auraient", "pourrait"), not a noun that ends alike.
    pub fn is_conditional(&self, folded: &str) -> bool {
        folded.len() > 5
            && self.cond_suffixes.iter().any(|s| folded.ends_with(s.as_str()))
            && !self.not_cond.contains(folded)
    }
}
