//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files, through feed-rs.
//!
//! Feeds are small (a few hundred items at most), so feed-rs parsing the whole file at
//! once is acceptable; each item becomes a document whose body is its full content when
//! the feed carries it (`content:encoded`, Atom `content`), else its description.

use std::io::Read;

use recoupe_model::{Body, RawDoc};

use crate::error::{IngestError, Result};

pub fn read_feed<R: Read>(doc: &str, reader: R) -> Vec<Result<RawDoc>> {
    let feed = match feed_rs::parser::parse(reader) {
        Ok(f) => f,
        Err(e) => {
            return vec![Err(IngestError::Feed {
                doc: doc.to_string(),
                reason: e.to_string(),
            })]
        }
    };
    let mut out = Vec::with_capacity(feed.entries.len());
    for (i, e) in feed.entries.into_iter().enumerate() {
        let name = format!("{doc}#{}", i + 1);
        let content = e
            .content
            .and_then(|c| c.body)
            .filter(|b| !b.trim().is_empty())
            .or_else(|| e.summary.map(|s| s.content).filter(|b| !b.trim().is_empty()));
        let Some(content) = content else {
            out.push(Err(IngestError::Feed {
                doc: name,
                reason: "item has neither content nor description".into(),
            }));
            continue;
        };
        let body = if looks_like_html(&content) {
            Body::Html(content)
        } else {
            Body::Text(content)
        };
        out.push(Ok(RawDoc {
            doc: name,
            url: e.links.first().map(|l| l.href.clone()),
            title: e.title.map(|t| t.content),
            published: e.published.or(e.updated).map(|d| d.to_rfc3339()),
            author: e.authors.first().and_then(|p| p.name.clone()).filter(|n| !n.is_empty()),
            body,
        }));
    }
    out
}

/// True when a string carries markup rather than plain text with a stray `<`.
pub fn looks_like_html(s: &str) -> bool {
    let lower = s[..s.len().min(4096)].to_ascii_lowercase();
    [
        "<p",
        "<br",
        "<div",
        "<html",
        "<body",
        "<article",
        "<span",
        "<a ",
        "<h1",
        "<h2",
        "<ul",
        "<li",
        "<!doctype",
    ]
    .iter()
    .any(|t| lower.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_become_documents() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><title>Un</title><link>http://x/1</link><pubDate>Wed, 05 Mar 2025 09:00:00 +0000</pubDate><description>Texte simple.</description></item>
<item><title>Deux</title><link>http://x/2</link><description>court</description><content:encoded><![CDATA[<p>Long texte.</p>]]></content:encoded></item>
</channel></rss>"#;
        let docs = read_feed("f.rss", rss.as_bytes());
        assert_eq!(docs.len(), 2);
        let d0 = docs[0].as_ref().unwrap();
        assert_eq!(d0.title.as_deref(), Some("Un"));
        assert_eq!(d0.body, Body::Text("Texte simple.".into()));
        assert!(d0.published.as_deref().unwrap().starts_with("2025-03-05"));
        assert_eq!(docs[1].as_ref().unwrap().body, Body::Html("<p>Long texte.</p>".into()));
    }

    #[test]
    fn broken_feed_is_an_error() {
        let docs = read_feed("b.rss", "<rss><channel><item><title>x".as_bytes());
        assert!(matches!(&docs[..], [Err(IngestError::Feed { .. })]));
    }
}
