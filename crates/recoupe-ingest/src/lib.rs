//! Readers for every format news data comes in, behind one streaming iterator.
//!
//! [`read_inputs`] walks files and directories (recursively, in a stable order) and
//! yields one `Result<RawDoc, IngestError>` per article: a bad file or a bad record is
//! an `Err` carrying its name and the reason, and reading goes on with the rest. The
//! format is told by content first (gzip magic, `WARC/`, `<rss`, `{`), then by file
//! extension, so a `.txt` that is really HTML is read as HTML. Content signs: gzip magic,
//! `WARC/`, `<rss`/`<feed`/`<rdf:RDF`, `<!doctype html`/`<html`, a JSON Feed object, `{`. Containers (JSONL, WARC)
//! are streamed record by record and never held in memory whole.

mod decode;
mod error;
mod feed;
mod jsonl;
mod warc;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use decode::{decode_html, decode_text};
pub use error::{IngestError, Result};
pub use feed::looks_like_html;
pub use jsonl::{FieldMap, JsonlReader};
pub use recoupe_model::{Body, RawDoc};
pub use warc::WarcReader;

/// A single article (text or HTML file) larger than this is refused: no news article is
/// that long, and holding it would defeat streaming. Containers have no such limit.
pub const MAX_ARTICLE_BYTES: u64 = 32 * 1024 * 1024;

/// The formats recoupe reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
    Warc,
    Feed,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        Ok(match s.to_ascii_lowercase().as_str() {
            "text" | "txt" => Format::Text,
            "html" | "htm" => Format::Html,
            "jsonl" | "ndjson" | "json" => Format::Jsonl,
            "warc" => Format::Warc,
            "rss" | "atom" | "feed" | "xml" => Format::Feed,
            _ => return Err(format!("unknown format `{s}` (text, html, jsonl, warc, feed)")),
        })
    }
}

/// Options shared by all readers.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    pub fields: FieldMap,
}

/// A stream of documents, each read or an error saying which input and why.
pub type DocIter = Box<dyn Iterator<Item = Result<RawDoc>> + Send>;

fn format_from_name(name: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = Path::new(lower).extension()?.to_str()?;
    Some(match ext {
        "txt" | "text" | "md" => Format::Text,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "jsonl" | "ndjson" | "json" => Format::Jsonl,
        "warc" => Format::Warc,
        "rss" | "atom" | "xml" | "rdf" => Format::Feed,
        _ => return None,
    })
}

/// Tells the format from the first bytes; `None` when they say nothing definite.
fn format_from_content(head: &[u8]) -> Option<Format> {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let trimmed = &head[head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len())..];
    if trimmed.starts_with(b"WARC/") {
        return Some(Format::Warc);
    }
    let lower: Vec<u8> = trimmed[..trimmed.len().min(2048)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let has = |pat: &[u8]| memchr::memmem::find(&lower, pat).is_some();
    if lower.starts_with(b"<?xml") || lower.starts_with(b"<rss") || lower.starts_with(b"<feed") {
        if has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf") {
            return Some(Format::Feed);
        }
        if has(b"<html") {
            return Some(Format::Html);
        }
    }
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<!--") && has(b"<html")
    {
        return Some(Format::Html);
    }
    if lower.starts_with(b"{") {
        // A JSON Feed is one object whose "version" names jsonfeed.org.
        if has(b"jsonfeed.org/version") {
            return Some(Format::Feed);
        }
        return Some(Format::Jsonl);
    }
    None
}

/// Opens one named stream and returns the documents it holds.
///
/// `name` is what errors and document ids show (the path as the user gave it, or `-`).
pub fn read_stream(name: &str, reader: Box<dyn Read + Send>, opts: &Options) -> DocIter {
    let mut buf = BufReader::with_capacity(256 * 1024, reader);
    let head = match buf.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            return one_err(IngestError::Io {
                doc: name.into(),
                source: e,
            })
        }
    };
    if head.is_empty() {
        return one_err(IngestError::Empty { doc: name.into() });
    }
    if head.starts_with(&[0x1f, 0x8b]) {
        let gz = flate2::read::MultiGzDecoder::new(buf);
        return read_decompressed(name, Box::new(gz), opts);
    }
    read_plain(name, buf, &head, opts)
}

fn read_decompressed(name: &str, reader: Box<dyn Read + Send>, opts: &Options) -> DocIter {
    let mut buf = BufReader::with_capacity(256 * 1024, reader);
    let head = match buf.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            return one_err(IngestError::Compressed {
                doc: name.into(),
                reason: e.to_string(),
            })
        }
    };
    if head.is_empty() {
        return one_err(IngestError::Empty { doc: name.into() });
    }
    read_plain(name, buf, &head, opts)
}

fn read_plain<R: BufRead + Send + 'static>(name: &str, buf: R, head: &[u8], opts: &Options) -> DocIter {
    let format = opts
        .format
        .or_else(|| format_from_content(head))
        .or_else(|| format_from_name(name))
        .unwrap_or(Format::Text);
    let doc = name.to_string();
    match format {
        Format::Warc => Box::new(WarcReader::new(doc, buf)),
        Format::Jsonl => Box::new(JsonlReader::new(doc, buf, opts.fields.clone())),
        Format::Feed => Box::new(feed::read_feed(&doc, buf.take(MAX_ARTICLE_BYTES * 4)).into_iter()),
        Format::Text | Format::Html => {
            let mut bytes = Vec::new();
            let read = buf.take(MAX_ARTICLE_BYTES + 1).read_to_end(&mut bytes);
            let res = match read {
                Err(e)
                    if e.kind() == std::io::ErrorKind::UnexpectedEof
                        || e.kind() == std::io::ErrorKind::InvalidInput =>
                {
                    Err(IngestError::Compressed {
                        doc: doc.clone(),
                        reason: format!("truncated: {e}"),
                    })
                }
                Err(e) => Err(IngestError::Io {
                    doc: doc.clone(),
                    source: e,
                }),
                Ok(_) if bytes.len() as u64 > MAX_ARTICLE_BYTES => Err(IngestError::TooLarge {
                    doc: doc.clone(),
                    size: bytes.len() as u64,
                    limit: MAX_ARTICLE_BYTES,
                }),
                Ok(_) => document_from_bytes(&doc, &bytes, format),
            };
            one(res)
        }
    }
}

/// Builds one document from the bytes of a whole text or HTML file.
pub fn document_from_bytes(doc: &str, bytes: &[u8], format: Format) -> Result<RawDoc> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { doc: doc.into() });
    }
    let is_html =
        format == Format::Html || (format == Format::Text && format_from_content(bytes) == Some(Format::Html));
    if is_html {
        Ok(RawDoc::html(doc, decode::decode_html(doc, bytes, None)?))
    } else {
        Ok(RawDoc::text(doc, decode::decode_text(doc, bytes)?))
    }
}

fn one(r: Result<RawDoc>) -> DocIter {
    Box::new(std::iter::once(r))
}

fn one_err(e: IngestError) -> DocIter {
    one(Err(e))
}

/// Reads one path: a file, a directory (walked recursively, sorted), or `-` for stdin.
pub fn read_path(path: &Path, opts: &Options) -> DocIter {
    let name = path.to_string_lossy().into_owned();
    if name == "-" {
        return read_stream("-", Box::new(std::io::stdin()), opts);
    }
    if path.is_dir() {
        let opts = opts.clone();
        let files = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter(|e| !matches!(e, Ok(e) if e.file_type().is_dir()))
            .filter(|e| !matches!(e, Ok(e) if is_meta_file(&e.file_name().to_string_lossy())));
        return Box::new(files.flat_map(move |entry| -> DocIter {
            match entry {
                Ok(e) => read_file(e.path(), &opts),
                Err(err) => {
                    let doc = err.path().map(|p| p.display().to_string()).unwrap_or_default();
                    one_err(IngestError::Io {
                        doc,
                        source: err.into(),
                    })
                }
            }
        }));
    }
    read_file(path, opts)
}

/// Files a directory walk skips: hidden files, and the README/LICENSE files that sit
/// beside corpora (named on the command line, they are read like any other file).
fn is_meta_file(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    name.starts_with('.')
        || ["README", "LICENSE", "LICENCE", "NOTICE", "COPYING"]
            .iter()
            .any(|m| upper.starts_with(m))
}

fn read_file(path: &Path, opts: &Options) -> DocIter {
    let name = path.to_string_lossy().into_owned();
    match File::open(path) {
        Ok(f) => read_stream(&name, Box::new(f), opts),
        Err(e) => one_err(IngestError::Io { doc: name, source: e }),
    }
}

/// Reads every path in turn, as one stream of documents and errors.
pub fn read_inputs(paths: Vec<PathBuf>, opts: Options) -> DocIter {
    Box::new(paths.into_iter().flat_map(move |p| read_path(&p, &opts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs_of(name: &str, bytes: &[u8]) -> Vec<Result<RawDoc>> {
        read_stream(
            name,
            Box::new(std::io::Cursor::new(bytes.to_vec())),
            &Options::default(),
        )
        .collect()
    }

    #[test]
    fn content_beats_extension() {
        let d = docs_of("page.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>");
        assert!(matches!(&d[0].as_ref().unwrap().body, Body::Html(_)));
        let d = docs_of("dump.txt", b"{\"text\": \"hello\"}\n");
        assert_eq!(d[0].as_ref().unwrap().doc, "dump.txt#1");
    }

    #[test]
    fn gzip_is_transparent_and_truncation_reported() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let text = "Titre\n\nUn long paragraphe de texte. ".repeat(200);
        gz.write_all(text.as_bytes()).unwrap();
        let bytes = gz.finish().unwrap();
        let d = docs_of("a.txt.gz", &bytes);
        assert_eq!(d[0].as_ref().unwrap().body, Body::Text(text));
        let d = docs_of("a.txt.gz", &bytes[..bytes.len() / 2]);
        assert!(matches!(&d[0], Err(IngestError::Compressed { .. })), "{:?}", d[0]);
    }

    #[test]
    fn empty_and_blank_inputs_are_errors() {
        assert!(matches!(&docs_of("e.txt", b"")[0], Err(IngestError::Empty { .. })));
        assert!(matches!(
            &docs_of("w.txt", b" \n\t\n")[0],
            Err(IngestError::Empty { .. })
        ));
    }
}
