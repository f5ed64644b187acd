//! Word tables loaded from `data/recognize/*.toml` (compiled in, extensible at run time).

/// The maps the recognisers look words up in: Fx hashing, because the scan does one or two
/// lookups per token and SipHash dominated the profile (short keys, no untrusted keys).
pub type Map<K, V> = rustc_hash::FxHashMap<K, V>;
pub type Set<K> = rustc_hash::FxHashSet<K>;

use serde::Deserialize;

use crate::token::{fold, Tokens};
use crate::RecognizeError;

/// The raw TOML shape of one language in `numbers.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct RawNumbers {
    joiners: Vec<String>,
    indefinite: Vec<String>,
    negative: Vec<String>,
    cardinals: Map<String, f64>,
    hundreds: Vec<String>,
    scales: Map<String, f64>,
    suffixes: Map<String, f64>,
    suffixes_exact: Map<String, f64>,
    ordinals: Map<String, f64>,
    ordinal_suffixes: Vec<String>,
    denominators: Map<String, f64>,
    multiples: Map<String, f64>,
    approx_groups: Map<String, f64>,
    approx_about: Map<String, f64>,
    percent: Vec<String>,
    percent_nouns: Vec<String>,
    relative: Map<String, (String, i64)>,
    pronoun_after: Map<String, Vec<String>>,
}

/// The class a number word plays in the grammar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum WordClass {
    Zero,
    /// 1–9.
    Unit(f64),
    /// 10–19.
    Teen(f64),
    /// 20, 30 … 90.
    Ten(f64),
    Hundred,
    Scale(f64),
    /// A small group of digits inside a written number ("3 hundred and 21").
    Digits(f64),
}

/// A phrase of several tokens, stored as the folded tokens joined as written.
#[derive(Debug)]
pub struct Phrases<V> {
    pub map: Map<String, V>,
    /// Every proper prefix of a phrase, so that a lookup stops at the first word no phrase starts with.
    prefixes: Set<String>,
    /// First words of all phrases: one lookup refuses most tokens.
    firsts: Set<String>,
    pub max_tokens: usize,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: Map::default(),
            prefixes: Set::default(),
            firsts: Set::default(),
            max_tokens: 0,
        }
    }
}

impl<V> Phrases<V> {
    pub fn insert(&mut self, phrase: &str, v: V) {
        let t = Tokens::new(phrase);
        self.max_tokens = self.max_tokens.max(t.len());
        for k in 1..t.len() {
            self.prefixes.insert(canonical(&t, 0, k));
        }
        if let Some(f) = t.toks.first() {
            self.firsts.insert(f.norm.to_string());
        }
        self.map.insert(canonical(&t, 0, t.len()), v);
    }

    /// Longest phrase starting at token `i`: (end token, value).
    pub fn longest_at(&self, tk: &Tokens, i: usize) -> Option<(usize, &V)> {
        let max = self.max_tokens.min(tk.len().saturating_sub(i));
        if max == 0 {
            return None;
        }
        // The first word alone, without building a key: most tokens stop here.
        let first = &*tk.toks[i].norm;
        if !self.firsts.contains(first) {
            return None;
        }
        let mut best = self.map.get(first).map(|v| (i + 1, v));
        if max == 1 || !self.prefixes.contains(first) {
            return best;
        }
        let mut key = String::with_capacity(32);
        key.push_str(first);
        for j in i + 2..=i + max {
            if tk.spaced(j - 1) {
                key.push(' ');
            }
            key.push_str(&tk.toks[j - 1].norm);
            if let Some(v) = self.map.get(&key) {
                best = Some((j, v));
            }
            if !self.prefixes.contains(&key) {
                break;
            }
        }
        best
    }
}

/// Tokens `i..j` folded and joined as written (one space where there was any).
pub fn canonical(tk: &Tokens, i: usize, j: usize) -> String {
    let mut s = String::new();
    for k in i..j {
        if k > i && tk.spaced(k) {
            s.push(' ');
        }
        s.push_str(&tk.toks[k].norm);
    }
    s
}

/// Number words of one language.
#[derive(Debug, Default)]
pub struct NumberWords {
    /// Every word a written number can start with (cardinals, ordinals and their plurals,
    /// "minus", "a", "half"...): one lookup rejects an ordinary word.
    pub starts: Set<String>,
    pub words: Map<String, WordClass>,
    pub ordinals: Map<String, WordClass>,
    pub joiners: Vec<String>,
    pub indefinite: Vec<String>,
    pub negative: Vec<String>,
    pub suffixes: Map<String, f64>,
    /// Case-sensitive suffixes ("10G" is ten billion, "10g" ten grams).
    pub suffixes_exact: Map<String, f64>,
    pub ordinal_suffixes: Vec<String>,
    pub denominators: Map<String, f64>,
    pub multiples: Map<String, f64>,
    pub approx_groups: Map<String, f64>,
    pub approx_about: Map<String, f64>,
    pub percent: Phrases<()>,
    /// "percentage": the word for a percentage when no figure goes with it.
    pub percent_nouns: Vec<String>,
    pub relative: Phrases<(String, i64)>,
    /// "this one": a number word that is a pronoun after these words.
    pub pronoun_after: Map<String, Vec<String>>,
}

fn class_of(v: f64) -> WordClass {
    if v == 0.0 {
        WordClass::Zero
    } else if v < 10.0 {
        WordClass::Unit(v)
    } else if v < 20.0 {
        WordClass::Teen(v)
    } else if v < 100.0 {
        WordClass::Ten(v)
    } else if v == 100.0 {
        WordClass::Hundred
    } else {
        WordClass::Scale(v)
    }
}

impl NumberWords {
    fn index_starts(&mut self) {
        let mut st: Set<String> = Set::default();
        st.extend(self.words.keys().cloned());
        for k in self.ordinals.keys() {
            st.insert(k.clone());
            st.insert(format!("{k}s"));
        }
        st.extend(self.negative.iter().map(|w| fold(w).into_owned()));
        st.extend(self.indefinite.iter().map(|w| fold(w).into_owned()));
        st.extend(self.denominators.keys().map(|w| fold(w).into_owned()));
        st.extend(self.multiples.keys().map(|w| fold(w).into_owned()));
        self.starts = st;
    }

    fn add(&mut self, raw: RawNumbers) {
        for (w, v) in raw.cardinals {
            self.words.insert(fold(&w).into_owned(), class_of(v));
        }
        for w in raw.hundreds {
            self.words.insert(fold(&w).into_owned(), WordClass::Hundred);
        }
        for (w, v) in raw.scales {
            self.words.insert(fold(&w).into_owned(), WordClass::Scale(v));
        }
        for (w, v) in raw.ordinals {
            self.ordinals.insert(fold(&w).into_owned(), class_of(v));
        }
        self.joiners.extend(raw.joiners);
        self.indefinite.extend(raw.indefinite);
        self.negative.extend(raw.negative);
        self.suffixes.extend(raw.suffixes);
        self.suffixes_exact.extend(raw.suffixes_exact);
        self.ordinal_suffixes.extend(raw.ordinal_suffixes);
        self.denominators.extend(raw.denominators);
        self.multiples.extend(raw.multiples);
        self.approx_groups.extend(raw.approx_groups);
        self.approx_about.extend(raw.approx_about);
        self.percent_nouns.extend(raw.percent_nouns);
        for p in raw.percent {
            self.percent.insert(&p, ());
        }
        for (w, before) in raw.pronoun_after {
            self.pronoun_after
                .entry(fold(&w).into_owned())
                .or_default()
                .extend(before);
        }
        for (p, v) in raw.relative {
            self.relative.insert(&p, v);
        }
    }
}

/// Parses a `numbers.toml`-shaped document into the tables of both languages.
pub fn load_numbers(src: &str, fr: &mut NumberWords, en: &mut NumberWords) -> Result<(), RecognizeError> {
    #[derive(Deserialize)]
    struct Doc {
        #[serde(default)]
        fr: RawNumbers,
        #[serde(default)]
        en: RawNumbers,
    }
    let doc: Doc = toml::from_str(src).map_err(|e| RecognizeError::Data(e.to_string()))?;
    fr.add(doc.fr);
    en.add(doc.en);
    fr.index_starts();
    en.index_starts();
    Ok(())
}
