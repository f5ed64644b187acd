//! `recoupe`: cross-check what the news says.
//!
//! A thin layer over the `recoupe` library: it parses arguments, reads the user's data
//! files, prints records, and maps failures to the exit code (1 when any input failed).

mod recognize;
mod store;

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use recoupe::ingest::{FieldMap, Format, Options};
use recoupe::{CleanOptions, Extraction, Pipeline};
use recoupe_recognize::Lang;

#[derive(Parser)]
#[command(
    name = "recoupe",
    version,
    about = "Cross-check what the news says: read and clean news articles, find entities and the figures they state, who says them, how firmly and when.",
    long_about = "recoupe reads news articles in French and English (plain text, HTML pages, JSON Lines \
dumps, WARC web archives, RSS/Atom feeds; gzip-compressed or not), cleans away scraping debris and \
prints one record per article: the clean text, its entities (merged across spellings and languages), \
every quantitative claim (value, what is counted, whose, where, who says it, how firmly, when) and \
the statements that confirm or deny an event."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutFormat {
    /// One JSON record per article per line (the evaluation contract).
    Jsonl,
    /// The same records, pretty-printed as one JSON array.
    Json,
    /// The cleaned title and body, as a person would read them.
    Text,
    /// Per article, one readable line per claim and statement: value, what, whose, where,
    /// who says it, how firmly, when.
    Claims,
}

#[derive(clap::Args)]
struct InputArgs {
    /// Files or directories to read (directories recursively); `-` reads standard input.
    /// Defaults to the bundled example corpus, `examples/corpus`.
    inputs: Vec<PathBuf>,
    /// Read every input as this format instead of detecting it [text, html, jsonl, warc, feed].
    #[arg(long, value_name = "FORMAT")]
    input_format: Option<Format>,
    /// Map a JSONL field, e.g. `--field text=body --field published=meta.date` (repeatable).
    #[arg(long, value_name = "KEY=FIELD")]
    field: Vec<String>,
    /// Extra boilerplate rules (TOML with the keys of data/boilerplate.toml).
    #[arg(long, value_name = "FILE")]
    boilerplate: Vec<PathBuf>,
    /// Extra cleaner lists (TOML with the keys of data/clean.toml).
    #[arg(long, value_name = "FILE")]
    clean_data: Vec<PathBuf>,
    /// Extra lexicon words (`word<TAB>zipf_x100` per line), so names are neither split nor glued.
    #[arg(long, value_name = "FILE")]
    lexicon: Vec<PathBuf>,
    /// Extra entities: a TOML file of `[[entity]]` tables shaped like data/gazetteer/people.toml
    /// (id, kind, name, aliases, abbrevs, country) (repeatable).
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Extra claim word lists for French (reporting verbs, hedges, counted nouns...), shaped
    /// like data/claims/fr.toml (repeatable).
    #[arg(long, value_name = "FILE")]
    claims_fr: Vec<PathBuf>,
    /// Extra claim word lists for English, shaped like data/claims/en.toml (repeatable).
    #[arg(long, value_name = "FILE")]
    claims_en: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Clean articles and print one extraction record per article.
    ///
    /// Bad inputs (unreadable, binary, invalid UTF-8, truncated archives, malformed
    /// JSON lines, empty files) are reported on stderr with their file and record; the
    /// rest is processed and the exit code is 1 at the end.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: OutFormat,
        /// Write one file per article into this directory (named after the input file,
        /// plus `-N` for the N-th record of a container) instead of printing to stdout.
        #[arg(long, value_name = "DIR")]
        output_dir: Option<PathBuf>,
    },
    /// Recognise numbers, bounds, ranges, percentages, money, measures, ages, dates,
    /// times and durations in a text, and print them with their resolved values.
    ///
    /// `recoupe recognize --lang fr --ref-date 2024-10-18 "Vendredi, plus de 3 000 soldats"`.
    /// With `--format jsonl`, reads one JSON object per line on standard input,
    /// `{"text": "...", "lang": "fr"|"en", "ref_date": "YYYY-MM-DD"|null}`, and prints one line
    /// per input, `{"spans": [{"start", "end", "text", "kind", "value"}]}` (offsets in
    /// characters, end exclusive); a bad line prints `{"error": "..."}` and the exit code is 1.
    Recognize {
        /// The text (words are joined with spaces); standard input when absent.
        text: Vec<String>,
        /// Language of the text [fr, en]; guessed when absent.
        #[arg(long)]
        lang: Option<String>,
        /// Publication date that relative dates ("vendredi", "last year") resolve against;
        /// without it they are printed unresolved.
        #[arg(long, value_name = "YYYY-MM-DD")]
        ref_date: Option<String>,
        /// Output: readable lines, or the JSON Lines batch protocol.
        #[arg(long, value_enum, default_value = "text")]
        format: RecFormat,
        /// Extra recogniser tables: a TOML file with sections [numbers], [ranges], [units],
        /// [datetime-fr], [datetime-en] shaped like the files in data/recognize/ (repeatable).
        #[arg(long, value_name = "FILE")]
        data: Vec<PathBuf>,
    },
    /// Extract articles and write them, with their entities, claims and statements, to
    /// the store (SQLite).
    ///
    /// An article is keyed by its URL and text: ingesting the same input again adds
    /// nothing, and each batch is one transaction, so an interrupted run leaves no half
    /// article and the next run completes it.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        /// The database file (created if missing).
        #[arg(long, default_value = "recoupe.db")]
        db: PathBuf,
        /// Then write the cross-check of every story as one HTML page to this file.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
    /// The cross-check per story: tracks of estimates with their sources, modality and
    /// dates, corroboration, contradictions, the best-supported figure, and who confirmed or
    /// denied what. HTML is one self-contained page with an SVG timeline per track.
    Report {
        #[arg(long, default_value = "recoupe.db")]
        db: PathBuf,
        /// Only this story.
        #[arg(long)]
        story: Option<i64>,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Full-text search over the stored articles: accents and case are folded, and a name
    /// the gazetteer knows also finds its other spellings ("Koursk" finds "Kursk").
    Search {
        /// The words to find (all of them).
        query: Vec<String>,
        #[arg(long, default_value = "recoupe.db")]
        db: PathBuf,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Runs Microsoft Recognizers-Text's test cases (a directory laid out as
    /// <Language>/<Family>/<Model>.json) and prints pass rates per model and language.
    PeerEval {
        /// The suite's directory, e.g. ../shared/peer/recognizers-text.
        dir: PathBuf,
        /// Also print every failing checked case with what was expected and found.
        #[arg(long)]
        failures: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum RecFormat {
    Text,
    Jsonl,
}

fn read_all(paths: &[PathBuf]) -> Result<Vec<String>> {
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display())))
        .collect()
}

fn default_inputs(inputs: &[PathBuf]) -> Vec<PathBuf> {
    if !inputs.is_empty() {
        return inputs.to_vec();
    }
    vec![PathBuf::from("examples/corpus")]
}

/// One record rendered in an output format, without the separators between records.
fn render(format: OutFormat, rec: &Extraction) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(rec.text.len() * 3);
    match format {
        OutFormat::Jsonl => {
            serde_json::to_writer(&mut out, rec)?;
            out.push(b'\n');
        }
        OutFormat::Json => serde_json::to_writer_pretty(&mut out, rec)?,
        OutFormat::Text => {
            out.extend_from_slice(rec.text.as_bytes());
            out.push(b'\n');
        }
        OutFormat::Claims => {
            writeln!(out, "== {} ({})", rec.title.as_deref().unwrap_or(&rec.doc), rec.doc)?;
            for c in &rec.claims {
                writeln!(out, "  {}", claim_line(c))?;
            }
            for st in &rec.statements {
                let stance = match st.stance {
                    recoupe::model::Stance::Confirms => "confirms",
                    recoupe::model::Stance::Denies => "denies",
                    recoupe::model::Stance::CannotConfirm => "cannot confirm",
                };
                let who = st.source.as_ref().map_or("?", |s| s.text.as_str());
                let when = st
                    .said_on
                    .as_deref()
                    .or(st.when_text.as_deref())
                    .map(|w| format!(" ({w})"))
                    .unwrap_or_default();
                writeln!(out, "  statement: {who} {stance}: {}{when}", st.subject)?;
            }
        }
    }
    Ok(out)
}

/// What goes before a record on standard output.
fn separator(format: OutFormat, first: bool) -> &'static [u8] {
    match (format, first) {
        (OutFormat::Json, true) => b"[\n",
        (OutFormat::Json, false) => b",\n",
        (OutFormat::Text, false) => b"\n\n",
        (OutFormat::Claims, false) => b"\n",
        _ => b"",
    }
}

/// "≥ 1200 soldats [killed] · russes · région de Zaporijjia · source: l'état-major ukrainien · hedged"
fn claim_line(c: &recoupe::model::Claim) -> String {
    let fmt = |x: f64| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x}")
        }
    };
    let v = &c.value;
    let value = match (v.exact, v.min, v.max) {
        (Some(x), _, _) => format!("{}{}", if c.approx { "~" } else { "" }, fmt(x)),
        (None, Some(a), Some(b)) => format!("{}–{}", fmt(a), fmt(b)),
        (None, Some(a), None) => format!("≥ {}", fmt(a)),
        (None, None, Some(b)) => format!("≤ {}", fmt(b)),
        _ => "?".into(),
    };
    let mut parts = vec![format!("{value} {} [{}]", c.counted, c.category)];
    if let Some(a) = &c.actor {
        parts.push(format!("whose: {}", a.text));
    }
    if let Some(l) = &c.location {
        parts.push(format!("where: {}", l.text));
    }
    parts.push(format!(
        "source: {}",
        c.source.as_ref().map_or("(the article)", |s| s.text.as_str())
    ));
    if let Some(ci) = &c.cites {
        parts.push(format!("citing: {}", ci.text));
    }
    parts.push(format!("{:?}", c.modality).to_lowercase());
    if let Some(w) = c.said_on.as_deref().or(c.when_text.as_deref()) {
        parts.push(format!("when: {w}"));
    }
    parts.join(" · ")
}

/// The file name an article gets in `--output-dir`: "pages/a.html.gz" -> "a.txt" (so
/// that scorers find pages by their id), "dump.jsonl#3" -> "dump.jsonl-3.json". A name
/// already used in this run gets a counter, so that no article overwrites another.
fn output_name(doc: &str, format: OutFormat, used: &mut std::collections::HashSet<String>) -> String {
    let (path, record) = match doc.rsplit_once('#') {
        Some((p, r)) if r.chars().all(|c| c.is_ascii_digit()) => (p, Some(r)),
        _ => (doc, None),
    };
    let file = std::path::Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let file = file.strip_suffix(".gz").unwrap_or(&file);
    let ext = match format {
        OutFormat::Text | OutFormat::Claims => "txt",
        OutFormat::Json | OutFormat::Jsonl => "json",
    };
    let base = match record {
        Some(r) => format!("{file}-{r}"),
        None => std::path::Path::new(file)
            .file_stem()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let mut name = format!("{base}.{ext}");
    let mut n = 1;
    while !used.insert(name.clone()) {
        n += 1;
        name = format!("{base}~{n}.{ext}");
    }
    name
}

/// The pipeline with the user's data files added, and the input stream.
fn pipeline_and_docs(input: &InputArgs) -> Result<(Pipeline, recoupe::ingest::DocIter)> {
    let clean = CleanOptions {
        boilerplate: read_all(&input.boilerplate)?,
        clean_data: read_all(&input.clean_data)?,
        lexicon: read_all(&input.lexicon)?,
    };
    let mut pipeline = Pipeline::new(&clean)?;
    let ex = pipeline.extractor_mut();
    for (path, src) in input.gazetteer.iter().zip(read_all(&input.gazetteer)?) {
        ex.gazetteer
            .add_toml(&src)
            .with_context(|| format!("reading {}", path.display()))?;
    }
    for (lang, paths) in [(Lang::Fr, &input.claims_fr), (Lang::En, &input.claims_en)] {
        for (path, src) in paths.iter().zip(read_all(paths)?) {
            ex.add_lexicon(lang, &src)
                .with_context(|| format!("reading {}", path.display()))?;
        }
    }
    let mut fields = FieldMap::default();
    for f in &input.field {
        fields.set(f).map_err(anyhow::Error::msg)?;
    }
    let opts = Options {
        format: input.input_format,
        fields,
    };
    Ok((
        pipeline,
        recoupe::ingest::read_inputs(default_inputs(&input.inputs), opts),
    ))
}

fn extract(input: InputArgs, format: OutFormat, output_dir: Option<PathBuf>) -> Result<ExitCode> {
    let (pipeline, docs) = pipeline_and_docs(&input)?;
    if let Some(dir) = &output_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    let mut used_names = std::collections::HashSet::new();
    let rendered = |rec: Extraction| render(format, &rec).map(|bytes| (rec.doc, bytes));
    let res = pipeline.run_map(docs, rendered, |r| -> Result<()> {
        match r {
            Ok(rendered) => {
                let (doc, bytes) = rendered?;
                match &output_dir {
                    Some(dir) => {
                        let path = dir.join(output_name(&doc, format, &mut used_names));
                        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
                    }
                    None => {
                        out.write_all(separator(format, ok == 0))?;
                        out.write_all(&bytes)?;
                    }
                }
                ok += 1;
            }
            Err(e) => {
                failed += 1;
                eprintln!("recoupe: error: {e}");
            }
        }
        Ok(())
    });
    if let Err(e) = res {
        // A closed pipe (`recoupe extract | head`) is not a failure of recoupe.
        if e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        {
            return Ok(ExitCode::SUCCESS);
        }
        return Err(e);
    }
    if matches!(format, OutFormat::Json) && output_dir.is_none() {
        out.write_all(if ok == 0 { b"[]\n" } else { b"\n]\n" })?;
    }
    out.flush()?;
    eprintln!("recoupe: {ok} article(s) extracted, {failed} input(s) failed");
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let res = match cli.command {
        Command::Extract {
            input,
            format,
            output_dir,
        } => extract(input, format, output_dir),
        Command::Recognize {
            text,
            lang,
            ref_date,
            format,
            data,
        } => recognize::recognize(
            &text,
            lang.as_deref(),
            ref_date.as_deref(),
            matches!(format, RecFormat::Jsonl),
            &data,
        ),
        Command::PeerEval { dir, failures } => recognize::peer_eval(&dir, failures),
        Command::Ingest { input, db, report } => pipeline_and_docs(&input).and_then(|(p, docs)| {
            let code = store::ingest(&p, docs, &db)?;
            if let Some(out) = report {
                store::report(&db, None, store::Format::Html, Some(&out))?;
            }
            Ok(code)
        }),
        Command::Report { db, story, format, out } => {
            let f = match format {
                ReportFormat::Md => store::Format::Md,
                ReportFormat::Html => store::Format::Html,
                ReportFormat::Json => store::Format::Json,
            };
            store::report(&db, story, f, out.as_deref())
        }
        Command::Search { query, db, limit } => store::search(&query.join(" "), &db, limit),
    };
    match res {
        Ok(code) => code,
        Err(e) => {
            eprintln!("recoupe: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
