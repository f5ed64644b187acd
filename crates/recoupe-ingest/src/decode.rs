//! Bytes to text: charset detection and the binary / broken-UTF-8 checks.
//!
//! A text file that is valid UTF-8 is read as such. One that contains no valid
//! multi-byte UTF-8 sequence at all is a legacy single-byte file (Latin-1 and
//! Windows-1252 French pages are common) and is decoded with the charset chardetng
//! guesses. One that mixes valid UTF-8 sequences with invalid bytes is corrupt: it is
//! reported, because guessing would silently garble the accents that are there.

use crate::error::{IngestError, Result};

/// Rejects data that is not text: NUL bytes or many C0 control bytes at the start.
pub fn check_not_binary(doc: &str, bytes: &[u8]) -> Result<()> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(IngestError::Binary {
            doc: doc.to_string(),
            offset: pos,
        });
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if !head.is_empty() && controls * 100 / head.len() > 2 {
        let offset = head
            .iter()
            .position(|&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
            .unwrap_or(0);
        return Err(IngestError::Binary {
            doc: doc.to_string(),
            offset,
        });
    }
    Ok(())
}

fn has_valid_multibyte(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return !s.is_ascii(),
            Err(e) => {
                let good = &rest[..e.valid_up_to()];
                if !good.is_ascii() {
                    return true;
                }
                let skip = e.error_len().unwrap_or(1);
                rest = &rest[e.valid_up_to() + skip..];
            }
        }
    }
}

/// Decodes a plain-text document (see the module doc for the policy).
pub fn decode_text(doc: &str, bytes: &[u8]) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    check_not_binary(doc, bytes)?;
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            if has_valid_multibyte(bytes) {
                return Err(IngestError::InvalidUtf8 {
                    doc: doc.to_string(),
                    offset: e.valid_up_to(),
                });
            }
            Ok(decode_guess(bytes))
        }
    }
}

fn decode_guess(bytes: &[u8]) -> String {
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (text, _, _) = enc.decode(bytes);
    text.into_owned()
}

/// Finds the charset an HTML page declares in its first bytes (`<meta charset>` or the
/// `http-equiv` form), as a browser's pre-scan does.
pub fn declared_html_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = memchr::memmem::find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':')) {
            i += 1;
        }
        if i > start {
            if let Some(enc) = encoding_rs::Encoding::for_label(&lower[start..i]) {
                // A page served as UTF-16 would not have an ASCII meta tag; browsers map it to UTF-8.
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    return Some(encoding_rs::UTF_8);
                }
                return Some(enc);
            }
        }
        from = i.max(from + pos + 1);
    }
    None
}

/// Decodes an HTML page: BOM, then a transport charset if known, then the declared
/// charset, then UTF-8 if valid, then chardetng's guess. HTML is forgiving by nature,
/// so invalid bytes become U+FFFD rather than an error.
pub fn decode_html(doc: &str, bytes: &[u8], transport: Option<&str>) -> Result<String> {
    check_not_binary(doc, bytes)?;
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (t, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(t.into_owned());
    }
    let enc = transport
        .and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| declared_html_charset(bytes));
    if let Some(enc) = enc {
        let (t, _) = enc.decode_without_bom_handling(bytes);
        return Ok(t.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => Ok(decode_guess(bytes)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_text_is_decoded() {
        let bytes = b"L'\xe9t\xe9 \xe0 Paris co\xfbte 5 \x80.";
        assert_eq!(decode_text("x", bytes).unwrap(), "L'été à Paris coûte 5 €.");
    }

    #[test]
    fn broken_utf8_is_reported_with_offset() {
        let bytes = "Été "
            .as_bytes()
            .iter()
            .chain(b"\xc3\x28 ok")
            .copied()
            .collect::<Vec<_>>();
        match decode_text("f.txt", &bytes) {
            Err(IngestError::InvalidUtf8 { offset, .. }) => assert_eq!(offset, 6),
            other => panic!("expected InvalidUtf8, got {other:?}"),
        }
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            decode_text("b", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(IngestError::Binary { .. })
        ));
    }

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>\xe9t\xe9</p></body></html>";
        assert!(decode_html("p", page, None).unwrap().contains("<p>été</p>"));
        let page2 = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93x\x94</p>";
        assert!(decode_html("p", page2, None).unwrap().contains("\u{201c}x\u{201d}"));
    }
}
