//! The plain data types that flow between recoupe's stages.
//!
//! Every stage takes and returns these types so that the stages stay independent:
//! ingest yields [`RawDoc`], clean turns it into an [`Article`], later stages add
//! entities and claims, and [`Extraction`] is the JSON record of `recoupe extract`
//! (the contract the evaluation reads). Offsets are always counted in Unicode scalar
//! values (`chars()`), because that is what the contract and Python consumers index.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of `char` offsets into an article's `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The body of a document as it came in, before any cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Plain text, already decoded to UTF-8 (possibly scraped and full of debris).
    Text(String),
    /// An HTML page or fragment, already decoded to UTF-8 using its declared or sniffed charset.
    Html(String),
}

/// One document as read by an ingest reader, with whatever metadata the container gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// How the user can find this document again: the path as given, plus `#N` for the
    /// N-th record of a container (JSONL line, WARC record, feed item).
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// Publication date or date-time as the source wrote it (normalised later).
    pub published: Option<String>,
    pub author: Option<String>,
    pub body: Body,
}

impl RawDoc {
    pub fn text(doc: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            doc: doc.into(),
            url: None,
            title: None,
            published: None,
            author: None,
            body: Body::Text(text.into()),
        }
    }
    pub fn html(doc: impl Into<String>, html: impl Into<String>) -> Self {
        Self {
            body: Body::Html(html.into()),
            ..Self::text(doc, String::new())
        }
    }
}

/// Why a piece of the input is not part of the article body. Kept so that nothing is
/// silently dropped: a user can always see what the cleaner took out and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedKind {
    /// Share bars, comment prompts, captchas, "follow us", ads, related links, labels.
    Boilerplate,
    /// The name of the site or section printed above the article.
    SiteName,
    /// A line of the page template, such as a trailing category tag.
    Template,
    /// A duplicate of the title inside the body.
    DuplicateTitle,
    /// A block of an HTML page that was nearly all links: a menu, a "read also" teaser.
    Navigation,
}

/// A line or block the cleaner removed from the body, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub kind: RemovedKind,
}

/// A glued word the cleaner split, e.g. "Russiecitant" -> "Russie citant".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    pub original: String,
    pub repaired: String,
}

/// A paragraph of the cleaned text with its own language, since scraped articles mix
/// languages (an English photo caption inside a French article).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub span: Span,
    pub language: Option<String>,
}

/// A cleaned article: the text a person would read, with typed spans over it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub doc: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD` when the date could be read, else the raw string.
    pub published: Option<String>,
    /// ISO 639-1 code of the article's main language, when it could be told.
    pub language: Option<String>,
    /// Title, a blank line, then the body paragraphs separated by blank lines.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Span>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub site_name: Option<String>,
    pub captions: Vec<String>,
    pub removed: Vec<Removed>,
    pub repairs: Vec<Repair>,
}

/// A reference from a claim to an entity or to a phrase that names nobody known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ref {
    pub entity: Option<String>,
    pub text: String,
}

/// A quantity as the text states it: exact, a lower bound, an upper bound, or a range.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Value {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Asserted,
    Hedged,
    Denied,
}

/// One quantitative claim, as described in the evaluation contract.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub span: Span,
    pub sentence: Span,
    pub value: Value,
    pub approx: bool,
    pub counted: String,
    pub category: String,
    pub actor: Option<Ref>,
    pub location: Option<Ref>,
    pub source: Option<Ref>,
    pub modality: Modality,
    pub said_on: Option<String>,
    pub when_text: Option<String>,
    /// The original source the source cites ("le média, citant un diplomate occidental"):
    /// a report carried by an outlet is not the outlet's own finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cites: Option<Ref>,
}

/// How a statement stands towards the event it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Confirms,
    Denies,
    CannotConfirm,
}

/// A statement without a figure that the cross-check needs: someone confirms, denies or
/// cannot confirm an event ("NATO confirms the troops are in Kursk", "the Kremlin denies").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The sentence.
    pub span: Span,
    /// What is confirmed or denied, as written.
    pub subject: String,
    pub stance: Stance,
    pub source: Option<Ref>,
    pub said_on: Option<String>,
    pub when_text: Option<String>,
}

/// An entity mentioned in an article, with every mention's span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub mentions: Vec<Span>,
    /// The country an agency, armed group or place belongs to, when the gazetteer says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The record `recoupe extract --format jsonl` prints for each article.
///
/// The first fields are those of the evaluation contract; the rest tell the user what
/// the cleaner did (what it removed, repaired, and set aside as byline or caption).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub doc: String,
    pub language: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub statements: Vec<Statement>,
    pub url: Option<String>,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    pub site_name: Option<String>,
    pub captions: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Span>,
    pub removed: Vec<Removed>,
    pub repairs: Vec<Repair>,
}

impl Extraction {
    /// The record of an article for which no entity or claim has been recognised yet.
    pub fn from_article(a: Article) -> Self {
        Self {
            doc: a.doc,
            language: a.language,
            title: a.title,
            published: a.published,
            text: a.text,
            entities: Vec::new(),
            claims: Vec::new(),
            statements: Vec::new(),
            url: a.url,
            byline: a.byline,
            dateline: a.dateline,
            site_name: a.site_name,
            captions: a.captions,
            paragraphs: a.paragraphs,
            sentences: a.sentences,
            removed: a.removed,
            repairs: a.repairs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_serialises_only_present_bounds() {
        let v = Value {
            max: Some(12000.0),
            ..Default::default()
        };
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"max":12000.0}"#);
    }

    #[test]
    fn modality_uses_contract_labels() {
        assert_eq!(serde_json::to_string(&Modality::Hedged).unwrap(), "\"hedged\"");
    }
}
