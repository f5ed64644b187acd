//! A streaming WARC reader (WARC/1.0 and 1.1, plain or gzip per record).
//!
//! Written here rather than taken from the `warc` crate: that crate has had no release
//! since 2024 and reads slowly on Common Crawl files, while the format needs only a
//! header parser and a bounded body read. Only HTML (and plain-text) responses and
//! resources become documents; other records (requests, metadata, images) are skipped
//! silently, since a crawl holds many of them by design.

use std::io::{BufRead, Read};

use recoupe_model::{Body, RawDoc};

use crate::decode;
use crate::error::{IngestError, Result};

/// Records larger than this are skipped with an error rather than held in memory.
pub const MAX_RECORD: u64 = 64 * 1024 * 1024;

pub struct WarcReader<R> {
    doc: String,
    reader: R,
    record: usize,
    done: bool,
}

struct Header {
    fields: Vec<(String, String)>,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn read_line<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    buf.clear();
    r.by_ref().take(64 * 1024).read_until(b'\n', buf)
}

fn parse_headers(lines: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(lines)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(doc: String, reader: R) -> Self {
        Self {
            doc,
            reader,
            record: 0,
            done: false,
        }
    }

    fn err(&self, reason: impl Into<String>) -> IngestError {
        IngestError::Warc {
            doc: self.doc.clone(),
            record: self.record,
            reason: reason.into(),
        }
    }

    fn io_err(&self, e: std::io::Error) -> IngestError {
        let reason = match e.kind() {
            std::io::ErrorKind::UnexpectedEof => "truncated (unexpected end of data)".to_string(),
            _ => format!("read error: {e}"),
        };
        self.err(reason)
    }

    /// Reads the next record header; `Ok(None)` at a clean end of input.
    fn read_header(&mut self) -> Result<Option<Header>> {
        let mut line = Vec::new();
        loop {
            let n = read_line(&mut self.reader, &mut line).map_err(|e| self.io_err(e))?;
            if n == 0 {
                return Ok(None);
            }
            if !line.iter().all(|b| b.is_ascii_whitespace()) {
                break;
            }
        }
        self.record += 1;
        if !line.starts_with(b"WARC/") {
            return Err(self.err(format!(
                "expected a `WARC/` version line, found {:?}",
                String::from_utf8_lossy(&line[..line.len().min(40)])
            )));
        }
        let mut raw = Vec::new();
        loop {
            let n = read_line(&mut self.reader, &mut line).map_err(|e| self.io_err(e))?;
            if n == 0 {
                return Err(self.err("truncated inside the record header"));
            }
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            raw.extend_from_slice(&line);
        }
        Ok(Some(Header {
            fields: parse_headers(&raw),
        }))
    }

    fn next_record(&mut self) -> Result<Option<RawDoc>> {
        loop {
            let Some(h) = self.read_header()? else {
                return Ok(None);
            };
            let len: u64 = h
                .get("Content-Length")
                .and_then(|v| v.parse().ok())
                .ok_or_else(|| self.err("missing or invalid Content-Length"))?;
            let kind = h.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
            let ctype = h.get("Content-Type").unwrap_or("").to_ascii_lowercase();
            let wanted = (kind == "response" && ctype.starts_with("application/http"))
                || (kind == "resource" && (ctype.contains("html") || ctype.starts_with("text/plain")))
                || (kind == "conversion" && ctype.starts_with("text/plain"));
            if !wanted || len > MAX_RECORD {
                let skipped = std::io::copy(&mut (&mut self.reader).take(len), &mut std::io::sink())
                    .map_err(|e| self.io_err(e))?;
                if skipped < len {
                    return Err(self.err("truncated record body"));
                }
                if len > MAX_RECORD && wanted {
                    return Err(self.err(format!("record of {len} bytes skipped (limit {MAX_RECORD})")));
                }
                continue;
            }
            let mut block = Vec::with_capacity(len as usize);
            (&mut self.reader)
                .take(len)
                .read_to_end(&mut block)
                .map_err(|e| self.io_err(e))?;
            if (block.len() as u64) < len {
                return Err(self.err(format!("truncated record body ({} of {len} bytes)", block.len())));
            }
            let url = h.get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
            let doc = format!("{}#{}", self.doc, self.record);
            let body = if kind == "response" {
                match http_payload(&block) {
                    Ok(Some((payload, charset, is_html))) => {
                        if is_html {
                            Body::Html(decode::decode_html(&doc, &payload, charset.as_deref())?)
                        } else {
                            Body::Text(decode::decode_text(&doc, &payload)?)
                        }
                    }
                    Ok(None) => continue,
                    Err(reason) => return Err(self.err(reason)),
                }
            } else if ctype.contains("html") {
                Body::Html(decode::decode_html(&doc, &block, None)?)
            } else {
                Body::Text(decode::decode_text(&doc, &block)?)
            };
            return Ok(Some(RawDoc {
                doc,
                url,
                title: None,
                published: None,
                author: None,
                body,
            }));
        }
    }
}

/// Splits an HTTP response into its payload; `None` for non-2xx or non-text responses.
#[allow(clippy::type_complexity)]
fn http_payload(block: &[u8]) -> std::result::Result<Option<(Vec<u8>, Option<String>, bool)>, String> {
    let sep = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|p| (p, 2)))
        .ok_or("HTTP response without a header/body separator")?;
    let head = String::from_utf8_lossy(&block[..sep.0]);
    let mut lines = head.lines();
    let status = lines.next().unwrap_or("");
    let code: u16 = status
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    if !(200..300).contains(&code) {
        return Ok(None);
    }
    let headers: Vec<(String, String)> = parse_headers(head.split_once('\n').map(|x| x.1).unwrap_or("").as_bytes());
    let get = |n: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(n))
            .map(|(_, v)| v.to_ascii_lowercase())
    };
    let ctype = get("Content-Type").unwrap_or_default();
    let is_html = ctype.contains("html");
    if !is_html && !ctype.starts_with("text/plain") {
        return Ok(None);
    }
    let charset = ctype.split(';').find_map(|p| {
        p.trim()
            .strip_prefix("charset=")
            .map(|c| c.trim_matches('"').to_string())
    });
    let mut payload = block[sep.0 + sep.1..].to_vec();
    if get("Transfer-Encoding").is_some_and(|t| t.contains("chunked")) {
        payload = dechunk(&payload).unwrap_or(payload);
    }
    match get("Content-Encoding").as_deref() {
        Some("gzip") | Some("x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&payload[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("bad gzip Content-Encoding: {e}"))?;
            payload = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&payload[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("bad deflate Content-Encoding: {e}"))?;
            payload = out;
        }
        _ => {}
    }
    Ok(Some((payload, charset, is_html)))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let nl = memchr::memchr(b'\n', data)?;
        let size_str = std::str::from_utf8(&data[..nl]).ok()?.trim();
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        data = &data[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<RawDoc>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(Some(d)) => Some(Ok(d)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                // A record whose body could be decoded but not read as text is not fatal;
                // a broken container is: we cannot find the next record boundary.
                if !matches!(e, IngestError::Binary { .. } | IngestError::InvalidUtf8 { .. }) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, ctype: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn html_responses_are_read_and_others_skipped() {
        let mut w = record("warcinfo", "application/warc-fields", "", b"software: test\r\n");
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            "http://a/1",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Bonjour \xc3\xa9t\xc3\xa9</p>",
        ));
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            "http://a/img",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        w.extend(record(
            "response",
            "application/http; msgtype=response",
            "http://a/2",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>ab\r\n5\r\nc</p>\r\n0\r\n\r\n",
        ));
        let docs: Vec<_> = WarcReader::new("c.warc".into(), &w[..]).collect();
        assert_eq!(docs.len(), 2);
        let d0 = docs[0].as_ref().unwrap();
        assert_eq!(d0.url.as_deref(), Some("http://a/1"));
        assert_eq!(d0.body, Body::Html("<p>Bonjour été</p>".into()));
        assert_eq!(d0.doc, "c.warc#2");
        assert_eq!(docs[1].as_ref().unwrap().body, Body::Html("<p>abc</p>".into()));
    }

    #[test]
    fn truncation_is_reported_after_good_records() {
        let mut w = record("resource", "text/html", "http://a/1", b"<p>one</p>");
        let second = record("resource", "text/html", "http://a/2", b"<p>two two two two</p>");
        w.extend_from_slice(&second[..second.len() - 12]);
        let docs: Vec<_> = WarcReader::new("t.warc".into(), &w[..]).collect();
        assert_eq!(docs.len(), 2);
        assert!(docs[0].is_ok());
        match &docs[1] {
            Err(IngestError::Warc { record, reason, .. }) => {
                assert_eq!(*record, 2);
                assert!(reason.contains("truncated"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
    }
}
