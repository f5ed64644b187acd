//! JSON Lines dumps: one article object per line, field names configurable.

use std::io::BufRead;

use recoupe_model::{Body, RawDoc};
use serde_json::Value;

use crate::error::{IngestError, Result};

/// Which JSON fields hold what. Each list is tried in order; the first present,
/// non-empty string wins. News dumps disagree on names ("text", "content", "body"...).
#[derive(Debug, Clone)]
pub struct FieldMap {
    pub url: Vec<String>,
    pub title: Vec<String>,
    pub published: Vec<String>,
    pub author: Vec<String>,
    pub text: Vec<String>,
    pub html: Vec<String>,
}

impl Default for FieldMap {
    fn default() -> Self {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
        Self {
            url: v(&["url", "link", "source_url", "uri"]),
            title: v(&["title", "headline"]),
            published: v(&[
                "published",
                "date",
                "published_at",
                "date_publish",
                "pubDate",
                "datePublished",
                "timestamp",
            ]),
            author: v(&["author", "authors", "byline"]),
            text: v(&["text", "content", "body", "maintext", "article"]),
            html: v(&["html", "raw_html", "content_html"]),
        }
    }
}

impl FieldMap {
    /// Applies a user override such as `text=body` or `published=meta.date`
    /// (the named field is tried first).
    pub fn set(&mut self, spec: &str) -> std::result::Result<(), String> {
        let (k, v) = spec
            .split_once('=')
            .ok_or_else(|| format!("field mapping `{spec}` is not KEY=FIELD"))?;
        let list = match k.trim() {
            "url" => &mut self.url,
            "title" => &mut self.title,
            "published" => &mut self.published,
            "author" => &mut self.author,
            "text" => &mut self.text,
            "html" => &mut self.html,
            other => {
                return Err(format!(
                    "unknown field `{other}` (url, title, published, author, text, html)"
                ))
            }
        };
        list.insert(0, v.trim().to_string());
        Ok(())
    }
}

fn lookup<'a>(obj: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(obj, |v, key| v.get(key))
}

fn first_string(obj: &Value, names: &[String]) -> Option<String> {
    names.iter().find_map(|n| match lookup(obj, n)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(|i| i.as_str()).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    })
}

/// Streams the records of a JSON Lines input: one `Result` per non-blank line.
pub struct JsonlReader<R> {
    doc: String,
    lines: std::io::Lines<R>,
    line_no: usize,
    fields: FieldMap,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    pub fn new(doc: String, reader: R, fields: FieldMap) -> Self {
        Self {
            doc,
            lines: reader.lines(),
            line_no: 0,
            fields,
            done: false,
        }
    }

    fn parse(&self, line: &str) -> Result<RawDoc> {
        let err = |reason: String| IngestError::JsonLine {
            doc: self.doc.clone(),
            line: self.line_no,
            reason,
        };
        let v: Value = serde_json::from_str(line).map_err(|e| err(format!("malformed JSON: {e}")))?;
        if !v.is_object() {
            return Err(err("not a JSON object".into()));
        }
        let f = &self.fields;
        let body = if let Some(t) = first_string(&v, &f.text) {
            Body::Text(t)
        } else if let Some(h) = first_string(&v, &f.html) {
            Body::Html(h)
        } else {
            return Err(err(format!(
                "no text field (tried {} and {})",
                f.text.join(", "),
                f.html.join(", ")
            )));
        };
        Ok(RawDoc {
            doc: format!("{}#{}", self.doc, self.line_no),
            url: first_string(&v, &f.url),
            title: first_string(&v, &f.title),
            published: first_string(&v, &f.published),
            author: first_string(&v, &f.author),
            body,
        })
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<RawDoc>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        loop {
            self.line_no += 1;
            match self.lines.next()? {
                Err(e) => {
                    self.done = true;
                    let reason = if e.kind() == std::io::ErrorKind::InvalidData {
                        format!("invalid UTF-8 or corrupt data: {e}")
                    } else {
                        e.to_string()
                    };
                    return Some(Err(IngestError::JsonLine {
                        doc: self.doc.clone(),
                        line: self.line_no,
                        reason,
                    }));
                }
                Ok(line) if line.trim().is_empty() => continue,
                Ok(line) => return Some(self.parse(line.trim_start_matches('\u{feff}'))),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_lines_are_reported_and_good_ones_kept() {
        let input = "{\"title\":\"A\",\"text\":\"one\"}\n{broken\n[1,2]\n\n{\"html\":\"<p>two</p>\",\"url\":\"http://x\"}\n{\"title\":\"no body\"}\n";
        let out: Vec<_> = JsonlReader::new("d.jsonl".into(), input.as_bytes(), FieldMap::default()).collect();
        assert_eq!(out.len(), 5);
        assert_eq!(out[0].as_ref().unwrap().doc, "d.jsonl#1");
        assert!(matches!(&out[1], Err(IngestError::JsonLine { line: 2, .. })));
        assert!(matches!(&out[2], Err(IngestError::JsonLine { line: 3, .. })));
        let html = out[3].as_ref().unwrap();
        assert_eq!(html.doc, "d.jsonl#5");
        assert_eq!(html.body, Body::Html("<p>two</p>".into()));
        assert_eq!(html.url.as_deref(), Some("http://x"));
        assert!(matches!(&out[4], Err(IngestError::JsonLine { line: 6, .. })));
    }

    #[test]
    fn field_names_can_be_remapped() {
        let mut f = FieldMap::default();
        f.set("text=payload.body").unwrap();
        let input = "{\"payload\":{\"body\":\"nested\"},\"text\":\"top\"}\n";
        let out: Vec<_> = JsonlReader::new("d".into(), input.as_bytes(), f).collect();
        assert_eq!(out[0].as_ref().unwrap().body, Body::Text("nested".into()));
    }
}
