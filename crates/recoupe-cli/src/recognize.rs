//! `recoupe recognize` and `recoupe peer-eval`: the recognisers on their own.

use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use recoupe_recognize::{DateTime, Lang, Recognized, Recognizer};
use serde::Deserialize;

/// Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS]` as a reference date-time.
pub fn parse_ref(s: &str) -> Result<DateTime> {
    let s = s.trim();
    if let Ok(d) = s.parse::<jiff::civil::Date>() {
        return Ok(d.at(0, 0, 0, 0));
    }
    s.parse::<DateTime>()
        .with_context(|| format!("invalid reference date {s:?} (want YYYY-MM-DD)"))
}

fn guess_lang(text: &str) -> Lang {
    match recoupe_clean::lang::detect(text).as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Fr,
    }
}

/// Human-readable lines: kind, offsets, text, value.
fn print_human(out: &mut impl Write, spans: &[Recognized]) -> Result<()> {
    if spans.is_empty() {
        writeln!(out, "(nothing recognised)")?;
    }
    for s in spans {
        let kind = serde_json::to_string(&s.kind)?;
        writeln!(
            out,
            "{:<11} {:>4}..{:<4} {:<30} {}",
            kind.trim_matches('"'),
            s.start,
            s.end,
            format!("{:?}", s.text),
            serde_json::to_string(&s.value)?
        )?;
    }
    Ok(())
}

#[derive(Deserialize)]
struct Request {
    text: String,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    ref_date: Option<String>,
}

/// One JSON object per input line, `{"spans": [...]}`, or `{"error": "..."}` for a bad line.
fn batch(rec: &Recognizer, default_lang: Option<Lang>, default_ref: Option<DateTime>) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut failed = 0usize;
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.with_context(|| format!("reading standard input, line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let result: Result<Vec<Recognized>> = (|| {
            let req: Request = serde_json::from_str(&line).context("not a JSON object with a \"text\" string")?;
            let lang = match req.lang.as_deref() {
                Some(l) => Lang::parse(l).with_context(|| format!("unknown language {l:?} (fr or en)"))?,
                None => default_lang.unwrap_or_else(|| guess_lang(&req.text)),
            };
            let reference = match req.ref_date.as_deref() {
                Some(d) => Some(parse_ref(d)?),
                None => default_ref,
            };
            Ok(rec.recognize(&req.text, lang, reference))
        })();
        match result {
            Ok(spans) => serde_json::to_writer(&mut out, &serde_json::json!({ "spans": spans }))?,
            Err(e) => {
                failed += 1;
                eprintln!("recoupe: error: line {}: {e:#}", n + 1);
                serde_json::to_writer(&mut out, &serde_json::json!({ "error": format!("{e:#}") }))?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The built-in tables plus the user's files.
pub fn recognizer(data: &[std::path::PathBuf]) -> Result<Recognizer> {
    let mut rec = Recognizer::new()?;
    for f in data {
        let src = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        rec.add_user_file(&src).with_context(|| format!("in {}", f.display()))?;
    }
    Ok(rec)
}

pub fn recognize(
    texts: &[String],
    lang: Option<&str>,
    ref_date: Option<&str>,
    jsonl: bool,
    data: &[std::path::PathBuf],
) -> Result<ExitCode> {
    let rec = recognizer(data)?;
    let lang = match lang {
        Some(l) => Some(Lang::parse(l).with_context(|| format!("unknown language {l:?} (fr or en)"))?),
        None => None,
    };
    let reference = ref_date.map(parse_ref).transpose()?;
    if jsonl {
        if !texts.is_empty() {
            bail!("--format jsonl reads its inputs from standard input, one JSON object per line");
        }
        return batch(&rec, lang, reference);
    }
    let text = if texts.is_empty() {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).context("reading standard input")?;
        s
    } else {
        texts.join(" ")
    };
    let lang = lang.unwrap_or_else(|| guess_lang(&text));
    let spans = rec.recognize(&text, lang, reference);
    let mut out = BufWriter::new(std::io::stdout().lock());
    print_human(&mut out, &spans)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn peer_eval(dir: &Path, failures: bool) -> Result<ExitCode> {
    let rec = Recognizer::new()?;
    if !dir.is_dir() {
        bail!(
            "{} is not a directory (want <Language>/<Family>/<Model>.json inside)",
            dir.display()
        );
    }
    let reports = recoupe_recognize::peer::run_dir(&rec, dir, failures)?;
    if reports.is_empty() {
        bail!(
            "no French or English Number, NumberWithUnit or DateTime model files under {}",
            dir.display()
        );
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    if failures {
        for r in &reports {
            for f in &r.failures {
                writeln!(out, "FAIL {}/{}: {f}", r.language, r.model)?;
            }
        }
    }
    write!(out, "{}", recoupe_recognize::peer::format_report(&reports))?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
