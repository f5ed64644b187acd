//! The gazetteer: every known entity with its names, loaded from data files at start.
//!
//! Countries come from `data/gazetteer/countries.json` (generated from the world-countries
//! package by `scripts/gen_countries.mjs`); people, organisations and places are curated in
//! `data/gazetteer/{people,organisations,places}.toml`. A user adds their own entities with
//! a TOML file of the same shape ([`Gazetteer::add_toml`]).

use crate::key::{phonetic, slug};
use crate::words::{fold, words};
use crate::EntityError;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use std::io::Read;

/// What kind of name a mention is: it matters for roles (a demonym is an adjective, a
/// capital may stand for its government).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Name,
    Demonym,
    Abbrev,
    /// A phrase describing the entity ("renseignements sud-coréens"), not its name.
    Description,
}

/// One known entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    /// For a national capital, the country whose government it may stand for.
    pub capital_of: Option<String>,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Alias {
    pub entity: u32,
    pub form: Form,
    /// The gazetteer writes this alias with a capital: the text must too.
    pub cased: bool,
}

/// A person or place name reachable by a spelling slip: its last word's key, the keys of
/// the words before it.
#[derive(Debug, Clone)]
pub(crate) struct Fuzzy {
    pub entity: u32,
    pub last: String,
    pub first: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct TomlFile {
    #[serde(default)]
    entity: Vec<TomlEntity>,
}

#[derive(Debug, Deserialize)]
struct TomlEntity {
    id: String,
    kind: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    abbrevs: Vec<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    roles: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Country {
    id: String,
    names: Langs,
    #[serde(default)]
    abbrevs: Vec<String>,
    demonyms: Langs,
    capital: Langs,
    #[serde(default)]
    ambiguous: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
struct Langs {
    #[serde(default)]
    en: Vec<String>,
    #[serde(default)]
    fr: Vec<String>,
}

/// Every known entity and the indexes to find them in text.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub entities: Vec<Known>,
    by_id: FxHashMap<String, u32>,
    /// Keys of whole aliases (word keys joined by one space) to the entities they name.
    pub(crate) phrases: FxHashMap<String, Vec<Alias>>,
    /// Keys of the first word of some alias: the only words where a lookup can start.
    pub(crate) starts: FxHashSet<String>,
    pub(crate) max_words: usize,
    /// Acronyms, matched on their exact letters.
    pub(crate) abbrevs: FxHashMap<String, u32>,
    pub(crate) fuzzy: Vec<Fuzzy>,
    /// `fuzzy` by the first letter and length of the last word's key: a slip changes the
    /// length by one at most.
    pub(crate) fuzzy_index: FxHashMap<(u8, usize), Vec<u32>>,
    /// The most frequent words of French and English (folded): a capitalised common word
    /// alone is a sentence start or a headline, not a name.
    pub(crate) common: FxHashSet<String>,
    /// A longer list of ordinary words: a capitalised one opening a sentence or a title
    /// ("Frappes sur Kharkiv") is that word, not a name.
    pub(crate) ordinary: FxHashSet<String>,
    /// Descriptions that designate a person or body ("le président ukrainien"), by key:
    /// used only for an entity the article already names.
    pub(crate) roles: FxHashMap<String, Vec<u32>>,
    pub(crate) role_starts: FxHashSet<String>,
    /// The folded first words of aliases and roles written in lower case: a lower-case
    /// word of the text can start a match only if it is one of them.
    pub(crate) lower_starts: FxHashSet<String>,
    pub(crate) max_role_words: usize,
}

const COUNTRIES: &str = include_str!("../../../data/gazetteer/countries.json");
const PEOPLE: &str = include_str!("../../../data/gazetteer/people.toml");
const ORGANISATIONS: &str = include_str!("../../../data/gazetteer/organisations.toml");
const PLACES: &str = include_str!("../../../data/gazetteer/places.toml");
const LEX_FR: &[u8] = include_bytes!("../../../data/lexicon/fr.tsv.gz");
const LEX_EN: &[u8] = include_bytes!("../../../data/lexicon/en.tsv.gz");
/// How many of each language's most frequent words count as common.
const COMMON_WORDS: usize = 6000;
/// How many count as ordinary words at the start of a sentence.
const ORDINARY_WORDS: usize = 30000;

impl Gazetteer {
    /// The gazetteer shipped with recoupe.
    pub fn builtin() -> Result<Self, EntityError> {
        let mut g = Gazetteer::default();
        g.add_countries_json(COUNTRIES)
            .map_err(|e| e.context("data/gazetteer/countries.json"))?;
        for (name, src) in [
            ("data/gazetteer/people.toml", PEOPLE),
            ("data/gazetteer/organisations.toml", ORGANISATIONS),
            ("data/gazetteer/places.toml", PLACES),
        ] {
            g.add_toml(src).map_err(|e| e.context(name))?;
        }
        for lex in [LEX_FR, LEX_EN] {
            let mut s = String::new();
            flate2::read::GzDecoder::new(lex)
                .read_to_string(&mut s)
                .map_err(|e| EntityError::Data(format!("lexicon: {e}")))?;
            for (n, line) in s.lines().take(ORDINARY_WORDS).enumerate() {
                if let Some(w) = line.split('\t').next() {
                    if n < COMMON_WORDS {
                        g.common.insert(fold(w));
                    }
                    g.ordinary.insert(fold(w));
                }
            }
        }
        Ok(g)
    }

    pub fn get(&self, id: &str) -> Option<&Known> {
        self.by_id.get(id).map(|&i| &self.entities[i as usize])
    }

    pub(crate) fn known(&self, i: u32) -> &Known {
        &self.entities[i as usize]
    }

    fn entity(&mut self, k: Known) -> u32 {
        if let Some(&i) = self.by_id.get(&k.id) {
            // A later file may complete an entity (a user's aliases for a built-in id).
            return i;
        }
        let i = self.entities.len() as u32;
        self.by_id.insert(k.id.clone(), i);
        self.entities.push(k);
        i
    }

    fn alias(&mut self, entity: u32, text: &str, form: Form, cased: bool) {
        let ws = words(text);
        if ws.is_empty() {
            return;
        }
        let keys: Vec<String> = ws.iter().map(|w| phonetic(&w.fold)).collect();
        let key = keys.join(" ");
        if !cased {
            self.lower_starts.insert(ws[0].fold.to_string());
        }
        let list = self.phrases.entry(key).or_default();
        if list.iter().any(|a| a.entity == entity) {
            return;
        }
        list.push(Alias { entity, form, cased });
        self.starts.insert(keys[0].clone());
        self.max_words = self.max_words.max(keys.len());
        let kind = self.entities[entity as usize].kind.as_str();
        if form == Form::Name && matches!(kind, "person" | "place" | "region" | "city") {
            let last = keys.last().cloned().unwrap_or_default();
            if last.len() >= 5 {
                let k = (last.as_bytes()[0], last.len());
                self.fuzzy_index.entry(k).or_default().push(self.fuzzy.len() as u32);
                self.fuzzy.push(Fuzzy {
                    entity,
                    last,
                    first: keys[..keys.len() - 1].to_vec(),
                });
            }
        }
    }

    fn abbrev(&mut self, entity: u32, text: &str) {
        let letters: String = text.chars().filter(|c| c.is_alphanumeric()).collect();
        if letters.chars().count() >= 2 {
            self.abbrevs.entry(letters).or_insert(entity);
        }
    }

    /// Adds the countries of a `countries.json` file, and their capitals as cities.
    pub fn add_countries_json(&mut self, src: &str) -> Result<(), EntityError> {
        let list: Vec<Country> = serde_json::from_str(src).map_err(|e| EntityError::Data(e.to_string()))?;
        for c in list {
            let name = c.names.en.first().cloned().unwrap_or_else(|| c.id.clone());
            let ci = self.entity(Known {
                id: c.id.clone(),
                name,
                kind: "country".into(),
                country: Some(c.id.clone()),
                capital_of: None,
            });
            let ambiguous: FxHashSet<String> = c.ambiguous.iter().map(|a| fold(a)).collect();
            for n in c.names.en.iter().chain(&c.names.fr) {
                let cased = n.chars().next().is_some_and(char::is_uppercase) || ambiguous.contains(&fold(n));
                self.alias(ci, n, Form::Name, cased);
            }
            for d in c.demonyms.en.iter().chain(&c.demonyms.fr) {
                if !ambiguous.contains(&fold(d)) {
                    self.alias(ci, d, Form::Demonym, d.chars().next().is_some_and(char::is_uppercase));
                }
            }
            for a in &c.abbrevs {
                self.abbrev(ci, a);
            }
            if let Some(first) = c.capital.en.first() {
                let first = first
                    .split(',')
                    .next()
                    .unwrap_or(first)
                    .trim_end_matches(" D.C.")
                    .to_string();
                let cap = self.entity(Known {
                    id: slug(&first),
                    name: first.clone(),
                    kind: "city".into(),
                    country: Some(c.id.clone()),
                    capital_of: Some(c.id.clone()),
                });
                for n in c.capital.en.iter().chain(&c.capital.fr) {
                    self.alias(cap, n, Form::Name, true);
                }
            }
        }
        Ok(())
    }

    /// Adds the entities of a TOML file (`[[entity]]` tables with `id`, `kind`, `name`,
    /// `aliases`, `abbrevs`, `country`, `roles`).
    pub fn add_toml(&mut self, src: &str) -> Result<(), EntityError> {
        let f: TomlFile = toml::from_str(src).map_err(|e| EntityError::Data(e.to_string()))?;
        for e in f.entity {
            let place = matches!(e.kind.as_str(), "place" | "region" | "city");
            let i = self.entity(Known {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                country: e.country.clone(),
                capital_of: None,
            });
            let mut names = vec![e.name.clone()];
            names.extend(e.aliases.iter().cloned());
            let proper: Vec<&String> = names
                .iter()
                .filter(|n| n.chars().next().is_some_and(char::is_uppercase))
                .collect();
            let word_keys = |t: &str| -> Vec<String> { words(t).into_iter().map(|w| w.fold.into_owned()).collect() };
            for n in &names {
                let cased = n.chars().next().is_some_and(char::is_uppercase);
                // "oblast de Koursk", "Kursk region": a place noun around the name. The
                // location grammar reads the noun; the name alone is what is matched, so
                // that every mention of the place shows its name.
                let nk = word_keys(n);
                if place
                    && proper.iter().any(|p| {
                        let pk = word_keys(p);
                        pk.len() < nk.len() && nk.windows(pk.len()).any(|w| w == pk.as_slice())
                    })
                {
                    continue;
                }
                let form = if cased { Form::Name } else { Form::Description };
                self.alias(i, n, form, cased);
            }
            for a in &e.abbrevs {
                self.abbrev(i, a);
            }
            for r in &e.roles {
                let ws = words(r);
                let keys: Vec<String> = ws.iter().map(|w| phonetic(&w.fold)).collect();
                if let Some(w) = ws.first() {
                    self.lower_starts.insert(w.fold.to_string());
                }
                if let Some(first) = keys.first() {
                    self.role_starts.insert(first.clone());
                    self.max_role_words = self.max_role_words.max(keys.len());
                    let list = self.roles.entry(keys.join(" ")).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Ok(())
    }

    /// Number of known entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}
