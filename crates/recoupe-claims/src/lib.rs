//! Claims: turning sentences into figures a person can cross-check.
//!
//! For each counted quantity the recogniser finds, [`Extractor::analyse`] reads the counted
//! noun and its category, the actor whose people or things they are, the location, the
//! source that states it (reporting verbs, "selon", inverted "a déclaré X", quotes closed by
//! a speaker, "la même source", pronouns after a named speaker), the modality (asserted,
//! hedged, denied) and when it was said. Sentences that confirm or deny an event without a
//! figure become [`Statement`]s.
//!
//! The grammar is hand-written: no crate parses French and English reporting structures,
//! and a full parser would be too slow for the throughput recoupe needs. It works on words
//! and clause boundaries (punctuation, complementisers), with every word list in
//! `data/claims/{fr,en}.toml`.

mod attribution;
mod claim;
pub mod lexicon;

use lexicon::Lexicon;
use recoupe_entities::{words, Gazetteer, Linked, Word};
use recoupe_model::{Article, Claim, Entity, Paragraph, Ref, Span, Statement};
use recoupe_recognize::{DateTime, Lang, Recognized, Recognizer};

pub use recoupe_entities as entities;
pub use recoupe_recognize as recognize;

#[derive(Debug, thiserror::Error)]
pub enum ClaimsError {
    #[error("claims word lists: {0}")]
    Data(String),
    #[error(transparent)]
    Entities(#[from] recoupe_entities::EntityError),
    #[error(transparent)]
    Recognize(#[from] recoupe_recognize::RecognizeError),
}

const FR: &str = include_str!("../../../data/claims/fr.toml");
const EN: &str = include_str!("../../../data/claims/en.toml");
const FR_GRAMMAR: &str = include_str!("../../../data/claims/fr-grammar.toml");
const EN_GRAMMAR: &str = include_str!("../../../data/claims/en-grammar.toml");

/// Everything the claim stage needs, loaded once and shared between threads.
pub struct Extractor {
    pub recognizer: Recognizer,
    pub gazetteer: Gazetteer,
    fr: Lexicon,
    en: Lexicon,
}

/// What the claim stage finds in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub statements: Vec<Statement>,
}

impl Extractor {
    pub fn new() -> Result<Self, ClaimsError> {
        Ok(Self {
            recognizer: Recognizer::new()?,
            gazetteer: Gazetteer::builtin()?,
            fr: lexicon(&[("fr.toml", FR), ("fr-grammar.toml", FR_GRAMMAR)])?,
            en: lexicon(&[("en.toml", EN), ("en-grammar.toml", EN_GRAMMAR)])?,
        })
    }

    /// Adds a user's word lists (same shape as `data/claims/fr.toml`).
    pub fn add_lexicon(&mut self, lang: Lang, src: &str) -> Result<(), ClaimsError> {
        match lang {
            Lang::Fr => self.fr.add_toml(src),
            Lang::En => self.en.add_toml(src),
        }
    }

    fn lexicon(&self, lang: Lang) -> &Lexicon {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Entities, claims and statements of a cleaned article.
    pub fn analyse(&self, a: &Article) -> Analysis {
        let ws = words(&a.text);
        let linked = self.gazetteer.link(&ws);
        let reference = a.published.as_deref().and_then(parse_date);
        let default_lang = lang_of(a.language.as_deref());
        // The recogniser runs once per paragraph (each has its language), and its spans
        // are handed to the paragraph's sentences: fewer, larger calls than per sentence.
        let whole = [Paragraph {
            span: Span::new(0, a.text.chars().count()),
            language: a.language.clone(),
        }];
        let paragraphs: &[Paragraph] = if a.paragraphs.is_empty() { &whole } else { &a.paragraphs };
        let mut byte_of = ByteOffsets::new(&a.text);
        let mut para_spans: Vec<Vec<Recognized>> = Vec::with_capacity(paragraphs.len());
        for p in paragraphs {
            let lang = p.language.as_deref().map_or(default_lang, |l| lang_of(Some(l)));
            let (bs, be) = (byte_of.at(p.span.start), byte_of.at(p.span.end));
            let mut spans = self.recognizer.recognize(&a.text[bs..be], lang, reference);
            for r in &mut spans {
                r.start += p.span.start;
                r.end += p.span.start;
            }
            para_spans.push(spans);
        }
        let mut sents: Vec<Sent> = Vec::with_capacity(a.sentences.len());
        let mut byte_of = ByteOffsets::new(&a.text);
        for s in &a.sentences {
            let wa = ws.partition_point(|w| w.start < s.start);
            let wb = ws.partition_point(|w| w.start < s.end);
            if wa >= wb {
                continue;
            }
            let para = paragraphs
                .iter()
                .position(|p| p.span.start <= s.start && s.start < p.span.end);
            let lang = para
                .and_then(|p| paragraphs[p].language.as_deref())
                .map_or(default_lang, |l| lang_of(Some(l)));
            let (bs, be) = (byte_of.at(s.start), byte_of.at(s.end));
            let text = &a.text[bs..be];
            let spans = para.map_or_else(
                || {
                    self.recognizer
                        .recognize(text, lang, reference)
                        .into_iter()
                        .map(|mut r| {
                            r.start += s.start;
                            r.end += s.start;
                            r
                        })
                        .collect()
                },
                |p| {
                    para_spans[p]
                        .iter()
                        .filter(|r| r.start >= s.start && r.end <= s.end)
                        .cloned()
                        .collect()
                },
            );
            sents.push(Sent {
                span: *s,
                wa,
                wb,
                lang,
                spans,
                para,
                question: text
                    .trim_end()
                    .trim_end_matches(['»', '"', '”', ' ', '\u{a0}'])
                    .ends_with('?'),
            });
        }
        let mut ctx = Ctx {
            ws: &ws,
            linked: &linked,
            text: &a.text,
            last_source: None,
            last_person: None,
            last_counted: None,
            last_counted_at: None,
            last_location: None,
            last_actor: None,
        };
        let attrs: Vec<Vec<attribution::Attr>> = sents
            .iter()
            .map(|s| attribution::find(&ctx, self.lexicon(s.lang), s))
            .collect();
        let mut claims = Vec::new();
        let mut statements = Vec::new();
        for (k, s) in sents.iter().enumerate() {
            let lex = self.lexicon(s.lang);
            // A trailing "…, ont annoncé la police." attributes the sentences before it in
            // its paragraph that name no source of their own.
            let next_trailing = sents[k + 1..]
                .iter()
                .zip(&attrs[k + 1..])
                .take_while(|(n, _)| n.para == s.para && s.para.is_some())
                .find_map(|(_, at)| {
                    at.iter()
                        .find(|x| x.kind == attribution::Kind::Inverted && !x.pronoun)
                        .cloned()
                });
            let resolved = attribution::resolve(&mut ctx, &attrs[k]);
            let before = claims.len();
            claim::sentence_claims(&mut ctx, lex, s, &resolved, next_trailing.as_ref(), &mut claims);
            if claims.len() == before {
                if let Some(st) = claim::statement(&ctx, lex, s, &resolved) {
                    statements.push(st);
                }
            }
            attribution::remember(&mut ctx, &resolved);
        }
        // An unknown capitalised word inside a date ("on Friday", "en Mars") is no entity.
        let in_date = |m: &recoupe_entities::Mention| {
            !linked.entities[m.entity].known
                && sents.iter().any(|s| {
                    s.spans.iter().any(|r| {
                        matches!(
                            r.kind,
                            recoupe_recognize::Kind::Date
                                | recoupe_recognize::Kind::Datetime
                                | recoupe_recognize::Kind::Time
                                | recoupe_recognize::Kind::Set
                        ) && r.start <= m.start
                            && m.end <= r.end
                    })
                })
        };
        let entities = linked
            .entities
            .iter()
            .enumerate()
            .filter(|(i, _)| linked.mentions.iter().any(|m| m.entity == *i && !in_date(m)))
            .map(|(i, e)| Entity {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind.clone(),
                mentions: linked
                    .mentions
                    .iter()
                    .filter(|m| m.entity == i && !in_date(m))
                    .map(|m| Span::new(m.start, m.end))
                    .collect(),
                country: e.country.clone().filter(|c| *c != e.id),
            })
            .collect();
        Analysis {
            entities,
            claims,
            statements,
        }
    }
}

/// A sentence and what the recogniser found in it.
pub(crate) struct Sent {
    pub span: Span,
    /// Word range.
    pub wa: usize,
    pub wb: usize,
    pub lang: Lang,
    pub spans: Vec<Recognized>,
    pub para: Option<usize>,
    pub question: bool,
}

/// A source as found: words `a..b`, the entity it names if any.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Source {
    pub a: usize,
    pub b: usize,
    pub entity: Option<usize>,
    pub person: bool,
}

/// What the analysis carries from one sentence to the next.
pub(crate) struct Ctx<'a> {
    pub ws: &'a [Word<'a>],
    pub linked: &'a Linked,
    pub text: &'a str,
    pub last_source: Option<Source>,
    pub last_person: Option<Source>,
    /// The last counted noun, for a figure whose noun is left out ("loin d'être 3 000").
    pub last_counted: Option<(String, String)>,
    /// Where the sentence of that count starts (char offset).
    pub last_counted_at: Option<usize>,
    /// The last place a figure was located in, and its paragraph.
    pub last_location: Option<(Ref, Option<usize>)>,
    /// The last actor of a figure and where its sentence starts.
    pub last_actor: Option<(Ref, usize)>,
}

impl Ctx<'_> {
    pub fn slice(&self, a: usize, b: usize) -> &str {
        if a >= b || b > self.ws.len() {
            return "";
        }
        &self.text[self.ws[a].bstart..self.ws[b - 1].bend]
    }

    pub fn to_ref(&self, s: &Source) -> Ref {
        Ref {
            entity: s.entity.map(|e| self.linked.entities[e].id.clone()),
            text: self.slice(s.a, s.b).to_string(),
        }
    }

    /// The entity a phrase names, the most specific kind first (a person in apposition,
    /// then an agency or outlet, then a place or country).
    pub fn entity_in(&self, a: usize, b: usize) -> Option<usize> {
        let rank = |kind: &str| match kind {
            "person" => 0,
            "media" | "agency" => 1,
            "organisation" | "body" | "armed-group" | "party" => 2,
            "name" => 3,
            "city" => 4,
            "country" => 5,
            _ => 6,
        };
        self.linked
            .mentions
            .iter()
            .filter(|m| m.first_word >= a && m.end_word <= b)
            .min_by_key(|m| {
                (
                    rank(&self.linked.entities[m.entity].kind),
                    std::cmp::Reverse(m.first_word),
                )
            })
            .map(|m| m.entity)
    }
}

fn lexicon(files: &[(&str, &str)]) -> Result<Lexicon, ClaimsError> {
    let mut l = Lexicon::default();
    for (name, src) in files {
        l.add_toml(src)
            .map_err(|e| ClaimsError::Data(format!("data/claims/{name}: {e}")))?;
    }
    Ok(l)
}

fn lang_of(code: Option<&str>) -> Lang {
    match code {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    }
}

fn parse_date(s: &str) -> Option<DateTime> {
    let d: jiff::civil::Date = s.get(..10)?.parse().ok()?;
    Some(d.to_datetime(jiff::civil::Time::midnight()))
}

/// Char offset → byte offset, walking forward (sentences come in order).
struct ByteOffsets<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl<'a> ByteOffsets<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            chars: 0,
            bytes: 0,
        }
    }
    fn at(&mut self, c: usize) -> usize {
        if c < self.chars {
            self.chars = 0;
            self.bytes = 0;
        }
        for ch in self.text[self.bytes..].chars() {
            if self.chars == c {
                break;
            }
            self.chars += 1;
            self.bytes += ch.len_utf8();
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_model::{Modality, Stance};
    use std::sync::OnceLock;

    fn ex() -> &'static Extractor {
        static E: OnceLock<Extractor> = OnceLock::new();
        E.get_or_init(|| Extractor::new().unwrap())
    }

    /// An article of one paragraph whose sentences end at ". ", "? " or "! ".
    fn article(lang: &str, text: &str) -> Article {
        let chars: Vec<char> = text.chars().collect();
        let mut sentences = Vec::new();
        let mut start = 0;
        for i in 0..chars.len() {
            let end = matches!(chars[i], '.' | '?' | '!') && chars.get(i + 1).is_none_or(|c| *c == ' ');
            if end {
                sentences.push(Span::new(start, i + 1));
                start = i + 2;
            }
        }
        if start < chars.len() {
            sentences.push(Span::new(start, chars.len()));
        }
        Article {
            doc: "test".into(),
            language: Some(lang.into()),
            published: Some("2025-03-14".into()),
            text: text.into(),
            paragraphs: vec![Paragraph {
                span: Span::new(0, chars.len()),
                language: Some(lang.into()),
            }],
            sentences,
            ..Default::default()
        }
    }

    fn claims(lang: &str, text: &str) -> (Article, Analysis) {
        let a = article(lang, text);
        let r = ex().analyse(&a);
        (a, r)
    }

    fn src(c: &Claim) -> &str {
        c.source.as_ref().map_or("", |s| s.text.as_str())
    }

    #[test]
    fn selon_gives_the_source_and_the_verb_the_category() {
        let (_, r) = claims(
            "fr",
            "Selon l'état-major ukrainien, 1 200 soldats russes ont été tués dans la région de Zaporijjia.",
        );
        assert_eq!(r.claims.len(), 1);
        let c = &r.claims[0];
        assert_eq!(c.value.exact, Some(1200.0));
        assert_eq!(c.counted, "soldats");
        assert_eq!(c.category, "killed");
        assert_eq!(c.actor.as_ref().and_then(|a| a.entity.as_deref()), Some("russia"));
        assert!(
            c.location.as_ref().is_some_and(|l| l.text.contains("Zaporijjia")),
            "{:?}",
            c.location
        );
        assert!(src(c).contains("état-major ukrainien"), "{:?}", c.source);
        assert_eq!(c.modality, Modality::Asserted);
    }

    #[test]
    fn conditional_and_inverted_speaker() {
        let (_, r) = claims(
            "fr",
            "Jusqu'à 300 drones auraient été lancés contre Odessa, a affirmé le porte-parole de l'armée de l'air.",
        );
        let c = &r.claims[0];
        assert_eq!((c.value.max, c.value.exact), (Some(300.0), None));
        assert_eq!(c.category, "weapons");
        assert_eq!(c.modality, Modality::Hedged);
        assert!(src(c).starts_with("le porte-parole"), "{:?}", c.source);
    }

    #[test]
    fn a_pronoun_after_a_quote_is_the_last_person_named() {
        let (_, r) = claims(
            "fr",
            "Le général Ivan Petrenko a parlé mardi. « Nous avons perdu 40 chars », a-t-il reconnu.",
        );
        assert_eq!(r.claims.len(), 1);
        assert!(src(&r.claims[0]).contains("Ivan Petrenko"), "{:?}", r.claims[0].source);
    }

    #[test]
    fn denial_and_same_source() {
        let (_, r) = claims(
            "fr",
            "Le Kremlin dément que 5 000 soldats aient été envoyés. D'après la police, au moins 12 civils ont été blessés. Trois enfants ont été tués, selon la même source.",
        );
        assert_eq!(r.claims.len(), 3, "{:?}", r.claims);
        assert_eq!(r.claims[0].modality, Modality::Denied);
        assert!(src(&r.claims[0]).contains("Kremlin"));
        assert_eq!(r.claims[1].value.min, Some(12.0));
        assert_eq!(r.claims[1].category, "wounded");
        assert_eq!(src(&r.claims[2]), "la police");
        assert_eq!(r.claims[2].category, "killed");
    }

    #[test]
    fn references_ages_and_durations_are_not_claims() {
        let (_, r) = claims(
            "fr",
            "Les deux pays ont signé un accord il y a trois ans. Il est âgé de 34 ans.",
        );
        assert!(r.claims.is_empty(), "{:?}", r.claims);
        let (_, r) = claims(
            "en",
            "He was 34 years old and served for three years in the 2022 campaign.",
        );
        assert!(r.claims.is_empty(), "{:?}", r.claims);
    }

    #[test]
    fn english_reporting_and_hedges() {
        let (_, r) = claims(
            "en",
            "More than 2,000 North Korean soldiers were deployed to Kursk, officials said.",
        );
        let c = &r.claims[0];
        assert_eq!(c.value.min, Some(2000.0));
        assert_eq!(c.counted, "soldiers");
        assert_eq!(c.actor.as_ref().and_then(|a| a.entity.as_deref()), Some("north-korea"));
        assert!(c.location.as_ref().is_some_and(|l| l.text == "Kursk"));
        assert_eq!(src(c), "officials");
        let (_, r) = claims(
            "en",
            "According to the Kyiv Independent, the army may have lost up to 150 tanks.",
        );
        let c = &r.claims[0];
        assert_eq!(c.modality, Modality::Hedged);
        assert_eq!(c.value.max, Some(150.0));
        assert_eq!(
            c.source.as_ref().and_then(|s| s.entity.as_deref()),
            Some("kyiv-independent")
        );
        let (_, r) = claims("en", "The ministry denied that 40 soldiers had been captured.");
        assert_eq!(r.claims[0].modality, Modality::Denied);
    }

    #[test]
    fn statements_confirm_and_cannot_confirm() {
        let (_, r) = claims("fr", "L'ONU ne peut pas confirmer la présence de mercenaires. Vendredi, l'OTAN a confirmé le déploiement de troupes.");
        assert_eq!(r.statements.len(), 2, "{:?}", r.statements);
        assert_eq!(r.statements[0].stance, Stance::CannotConfirm);
        assert!(r.statements[0].subject.contains("présence de mercenaires"));
        assert_eq!(r.statements[1].stance, Stance::Confirms);
        assert_eq!(r.statements[1].said_on.as_deref(), Some("2025-03-14"));
    }
}
