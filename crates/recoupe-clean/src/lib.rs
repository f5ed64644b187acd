//! The clean stage: from a [`RawDoc`] (scraped text or an HTML page) to an [`Article`]
//! whose `text` is what a person would read, with everything removed or set aside
//! recorded (boilerplate, site name, byline, dateline, captions, repaired words).
//!
//! Order matters and is fixed: HTML main-text extraction, Unicode normalisation,
//! boilerplate lines, the header block (site name, byline, dateline, captions), the
//! title, trailing template lines, glued-word repair, then language and sentences on
//! the final text so that every offset points into it.

mod boilerplate;
mod error;
pub mod fold;
pub mod glue;
pub mod html;
pub mod lang;
pub mod lexicon;
pub mod sentences;
pub mod unicode;

use std::collections::HashSet;

use recoupe_model::{Article, Body, Paragraph, RawDoc, Removed, RemovedKind, Repair, Span};
use serde::Deserialize;

pub use boilerplate::{Boilerplate, LineKind};
pub use error::{CleanError, Result};
pub use lexicon::Lexicon;

static CLEAN_DATA: &str = include_str!("../../../data/clean.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct CleanData {
    site_words: Vec<String>,
    byline_prefixes: Vec<String>,
    caption_prefixes: Vec<String>,
    caption_suffixes: Vec<String>,
    abbreviations: Vec<String>,
    months: std::collections::HashMap<String, u8>,
    stopwords: std::collections::HashMap<String, Vec<String>>,
}

/// User additions to the bundled linguistic data (file contents, not paths).
#[derive(Debug, Default, Clone)]
pub struct CleanOptions {
    /// Extra boilerplate rule files (the keys of `data/boilerplate.toml`).
    pub boilerplate: Vec<String>,
    /// Extra cleaner lists (the keys of `data/clean.toml`).
    pub clean_data: Vec<String>,
    /// Extra lexicon entries (`word<TAB>zipf_x100` lines), added to both languages.
    pub lexicon: Vec<String>,
}

/// The cleaner, with its data loaded once and shared across threads.
pub struct Cleaner {
    boilerplate: Boilerplate,
    fr: Lexicon,
    en: Lexicon,
    splitter: sentences::Splitter,
    data: CleanData,
    site_words: HashSet<String>,
    stopwords: lang::Stopwords,
    dateline_prefix: regex::Regex,
}

/// A paragraph on its way through the stages.
struct Para {
    text: String,
    words: usize,
}

impl Para {
    fn new(text: String) -> Self {
        let words = text.split_whitespace().count();
        Self { text, words }
    }
    fn ends_sentence(&self) -> bool {
        // U+2033 (double prime) stands for a closing quote in machine-translated text.
        self.text
            .trim_end()
            .ends_with(['.', '!', '?', '…', '»', '"', '”', ')', '\u{2033}'])
    }
    /// A paragraph that is certainly article text: long, or a full sentence of some length.
    fn substantial(&self) -> bool {
        self.words >= 25 || (self.words >= 10 && self.ends_sentence())
    }
}

impl Cleaner {
    pub fn new(opts: &CleanOptions) -> Result<Self> {
        let mut data: CleanData =
            toml::from_str(CLEAN_DATA).map_err(|e| CleanError::Data(format!("data/clean.toml: {e}")))?;
        for extra in &opts.clean_data {
            let more: CleanData =
                toml::from_str(extra).map_err(|e| CleanError::Data(format!("user clean data: {e}")))?;
            data.site_words.extend(more.site_words);
            data.byline_prefixes.extend(more.byline_prefixes);
            data.caption_prefixes.extend(more.caption_prefixes);
            data.caption_suffixes.extend(more.caption_suffixes);
            data.abbreviations.extend(more.abbreviations);
            data.months.extend(more.months);
            for (lang, words) in more.stopwords {
                data.stopwords.entry(lang).or_default().extend(words);
            }
        }
        let mut fr = Lexicon::bundled("fr");
        let mut en = Lexicon::bundled("en");
        for extra in &opts.lexicon {
            fr.add_tsv(extra);
            en.add_tsv(extra);
        }
        let splitter = sentences::Splitter::new(data.abbreviations.iter().map(|a| a.trim_end_matches('.').to_string()));
        // The lists are compared with folded text, so they are folded the same way.
        for list in [
            &mut data.byline_prefixes,
            &mut data.caption_prefixes,
            &mut data.caption_suffixes,
        ] {
            for item in list.iter_mut() {
                let keep_space = item.ends_with(' ');
                *item = fold::fold(item);
                if keep_space {
                    item.push(' ');
                }
            }
        }
        let site_words = data.site_words.iter().map(|w| fold::fold(w)).collect();
        let stopwords = lang::Stopwords::new(&data.stopwords);
        Ok(Self {
            boilerplate: Boilerplate::load(&opts.boilerplate)?,
            fr,
            en,
            splitter,
            data,
            site_words,
            stopwords,
            // "PARIS (AFP) - ", "KYIV, Oct 18 (Reuters) - ", "LYON — ", "Montarnel (AFP) - ",
            // "Sornac – ": a place in capitals, or a capitalised place followed by an
            // agency in brackets or by a dash, at the very start of the lede.
            dateline_prefix: regex::Regex::new(
                r"^((?:\p{Lu}[\p{Lu}'’\-\. ]{1,30}\p{Lu}(?:,[^()\-–—]{1,30})?(?:\s*\([\p{L} \-]{2,20}\))?)|(?:\p{Lu}\p{Ll}+(?:[ \-]\p{Lu}\p{Ll}+){0,2}(?:,[^()\-–—]{1,30})?\s*\([\p{L} \-]{2,20}\))|(?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+){0,2}))\s*[-–—]\s+\p{Lu}",
            )
            .expect("dateline regex"),
        })
    }

    /// Cleans one document. Never fails: the worst case is an article with an empty body.
    pub fn clean(&self, raw: RawDoc) -> Article {
        let mut article = Article {
            doc: raw.doc,
            url: raw.url,
            ..Default::default()
        };
        let mut meta_title = raw
            .title
            .map(|t| unicode::normalize(&t).replace('\n', " "))
            .filter(|t| !t.trim().is_empty());
        let mut published = raw.published;
        let mut author = raw.author;
        let mut html_lang = None;
        let from_text = matches!(raw.body, Body::Text(_));
        let paras: Vec<String> = match raw.body {
            Body::Text(t) => unicode::paragraphs(&unicode::normalize(&t)),
            Body::Html(h) => {
                let h = html::extract(&h);
                if meta_title.is_none() {
                    meta_title = h.title.map(|t| unicode::normalize(&t));
                }
                published = published.or(h.published);
                author = author.or(h.author);
                article.site_name = h.site_name;
                html_lang = h.lang;
                article
                    .captions
                    .extend(h.captions.iter().map(|c| unicode::normalize(c)));
                article.removed.extend(h.links.iter().map(|l| Removed {
                    text: unicode::normalize(l),
                    kind: RemovedKind::Navigation,
                }));
                h.paragraphs
                    .iter()
                    .flat_map(|p| unicode::paragraphs(&unicode::normalize(p)))
                    .collect()
            }
        };
        article.published = published.as_deref().map(normalize_date);
        article.byline = author;

        let mut paras = self.drop_boilerplate(paras.into_iter().map(Para::new).collect(), &mut article);

        // The article's language, from what is left: needed to spot foreign captions.
        let sample: String = paras
            .iter()
            .filter(|p| p.words >= 5)
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let lang = self
            .detect(&sample)
            .or_else(|| html_lang.as_deref().and_then(|l| l.get(..2)).map(str::to_lowercase))
            .or_else(|| meta_title.as_deref().and_then(lang::detect));
        article.language = lang.clone();

        // In HTML, captions are marked up (<figcaption>); only flat text needs guessing.
        if from_text {
            self.foreign_captions(&mut paras, &mut article, lang.as_deref());
        }
        self.header_block(&mut paras, &mut article, meta_title.is_some(), from_text);
        // Photo credits and captions left as short lines inside the body.
        let (captions, kept): (Vec<Para>, Vec<Para>) = paras
            .into_iter()
            .partition(|p| p.words <= 12 && self.is_caption_line(p));
        article.captions.extend(captions.into_iter().map(|p| p.text));
        let mut paras = kept;

        // Title: the metadata title, or else the first paragraph left.
        let title = match meta_title {
            Some(t) => {
                let ft = fold::fold_line(&t);
                if let Some(pos) = paras.iter().take(3).position(|p| fold::fold_line(&p.text) == ft) {
                    let p = paras.remove(pos);
                    article.removed.push(Removed {
                        text: p.text,
                        kind: RemovedKind::DuplicateTitle,
                    });
                }
                Some(t)
            }
            None if !paras.is_empty() => Some(paras.remove(0).text),
            None => None,
        };
        // Flat scraped text has lost its markup, so short lines are judged by their shape.
        // In HTML the markup already told headings, list items and addresses apart, and
        // short lines there are often real content ("Görlitzer Str. 45", a recipe step).
        self.trailing_template(&mut paras, &mut article.removed, from_text);
        self.dateline_in_lede(&paras, &mut article);

        // Glued words, in the title and the body. The lexicons cover French and English
        // only: text in other languages is left as is.
        let glue = match lang.as_deref() {
            Some(l @ ("fr" | "en")) => {
                let (own, other) = if l == "fr" {
                    (&self.fr, &self.en)
                } else {
                    (&self.en, &self.fr)
                };
                let mut names = HashSet::new();
                for t in title.iter().chain(paras.iter().map(|p| &p.text)) {
                    names.extend(glue::standalone_names(t));
                }
                Some(glue::Glue {
                    lexicons: vec![own],
                    foreign: Some(other),
                    names,
                })
            }
            _ => None,
        };
        let mut repair = |s: String| -> String {
            let Some(glue) = &glue else { return s };
            let (fixed, reps) = glue.repair_line(&s);
            article.repairs.extend(
                reps.into_iter()
                    .map(|(original, repaired)| Repair { original, repaired }),
            );
            fixed
        };
        let title = title.map(&mut repair);
        let body: Vec<String> = paras.into_iter().map(|p| repair(p.text)).collect();

        // Assemble the text and its spans.
        let mut text = String::new();
        let mut offset = 0usize;
        for (i, p) in title.iter().chain(body.iter()).enumerate() {
            if i > 0 {
                text.push_str("\n\n");
                offset += 2;
            }
            let len = p.chars().count();
            let span = Span::new(offset, offset + len);
            let plang = self.paragraph_language(p, lang.as_deref());
            article.paragraphs.push(Paragraph { span, language: plang });
            for (s, e) in self.splitter.split(p) {
                article.sentences.push(Span::new(offset + s, offset + e));
            }
            text.push_str(p);
            offset += len;
        }
        article.title = title;
        article.text = text;
        article
    }

    /// The language of a text as the cleaner decides it for an article (ISO 639-1).
    pub fn language_of(&self, text: &str) -> Option<String> {
        self.detect(text)
    }

    /// The language of a text: its function words when they leave no doubt, else lingua.
    fn detect(&self, text: &str) -> Option<String> {
        self.stopwords.clear(text, 6).or_else(|| lang::detect(text))
    }

    /// The language of one paragraph: the article's, unless its function words point to
    /// another language, in which case the language model decides (captions, quotes in
    /// another language). Lists and headings with no function words inherit.
    fn paragraph_language(&self, p: &str, article: Option<&str>) -> Option<String> {
        let Some(article) = article else { return self.detect(p) };
        if p.split_whitespace().count() < 6 {
            return Some(article.to_string());
        }
        // Articles in a language without a function-word list are not split further.
        if !self.stopwords.knows(article) {
            return Some(article.to_string());
        }
        match self.stopwords.vote(p) {
            // Only a clear foreign majority of function words is worth the model's time.
            Some((l, n, second)) if l != article && n >= 3 && n >= 2 * second => {
                lang::detect(p).or_else(|| Some(article.to_string()))
            }
            _ => Some(article.to_string()),
        }
    }

    /// Drops boilerplate lines; a late "tail" marker (comment section, related links)
    /// drops everything after it.
    ///
    /// Bylines ("Par Claire Dumas") and publication stamps ("Publié le 5 mars 2025") near
    /// the top are read into their fields before they go.
    fn drop_boilerplate(&self, paras: Vec<Para>, article: &mut Article) -> Vec<Para> {
        let n = paras.len();
        let mut out = Vec::with_capacity(n);
        let mut cut = false;
        let removed = &mut article.removed;
        for (i, p) in paras.into_iter().enumerate() {
            let early = i * 3 < n.max(3);
            if early && p.words <= 20 {
                if article.byline.is_none() && self.has_byline_prefix(&p) {
                    article.byline = Some(strip_byline_prefix(&p.text, &self.data.byline_prefixes));
                    continue;
                }
                if article.published.is_none() {
                    if let Some(d) = self.loose_date(&p.text) {
                        article.published = Some(d);
                        removed.push(Removed {
                            text: p.text,
                            kind: RemovedKind::Boilerplate,
                        });
                        continue;
                    }
                }
            }
            if cut {
                removed.push(Removed {
                    text: p.text,
                    kind: RemovedKind::Boilerplate,
                });
                continue;
            }
            match self.boilerplate.classify(&p.text) {
                LineKind::Content => out.push(p),
                LineKind::Tail => {
                    // Only late in the article: early, "Lire aussi" is a single link line.
                    if i * 10 >= n * 6 {
                        cut = true;
                    }
                    removed.push(Removed {
                        text: p.text,
                        kind: RemovedKind::Boilerplate,
                    });
                }
                LineKind::Boilerplate => removed.push(Removed {
                    text: p.text,
                    kind: RemovedKind::Boilerplate,
                }),
            }
        }
        out
    }

    /// "Valley News EN", "CONTINENTAL DAILY", "SORNE INFO – L'actualité de la vallée": short,
    /// no sentence, with a word newspapers use in their names (or a tagline after a dash).
    fn is_site_name(&self, p: &Para) -> bool {
        if p.ends_sentence() || !self.has_site_word(p) {
            return false;
        }
        if p.words <= 5 {
            return true;
        }
        // A name and its tagline: the site word must be in the part before the separator.
        p.words <= 10
            && [" – ", " - ", " | ", " — ", " : "].iter().any(|sep| {
                p.text.split_once(sep).is_some_and(|(name, _)| {
                    let head = Para::new(name.to_string());
                    head.words <= 4 && self.has_site_word(&head)
                })
            })
    }

    /// A publication stamp near the top: "Publié le 04/03/2025 à 07h45", "Date: 5 mars
    /// 2025", "March 7, 2025 | 6:40 PM". Only lines that are little more than a date.
    fn loose_date(&self, line: &str) -> Option<String> {
        let f = fold::fold(line);
        let words: Vec<&str> = f
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut date = None;
        for (i, w) in words.iter().enumerate() {
            let num = |s: &str| s.trim_end_matches("er").parse::<u32>().ok();
            // dd/mm/yyyy and yyyy-mm-dd come split by the tokeniser into three numbers.
            if let (Some(a), Some(b), Some(c)) = (
                num(w),
                words.get(i + 1).and_then(|x| num(x)),
                words.get(i + 2).and_then(|x| num(x)),
            ) {
                let (y, m, d) = if a > 1900 { (a, b, c) } else { (c, b, a) };
                if (1990..2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                    date = Some((y, m, d));
                    break;
                }
            }
            if let Some(&m) = self.data.months.get(*w) {
                let prev = i.checked_sub(1).and_then(|j| num(words[j]));
                let next = words.get(i + 1).and_then(|x| num(x));
                let year = |k: usize| words.get(k).and_then(|x| num(x)).filter(|y| (1990..2100).contains(y));
                // "5 mars 2025" or "March 7, 2025"
                if let (Some(d), Some(y)) = (prev, year(i + 1)) {
                    date = Some((y, u32::from(m), d));
                } else if let (Some(d), Some(y)) = (next, year(i + 2)) {
                    date = Some((y, u32::from(m), d));
                }
                if date.is_some() {
                    break;
                }
            }
        }
        let (y, m, d) = date?;
        // Little else on the line: stamp words, times, separators.
        let stamp_words = [
            "publie",
            "publiee",
            "le",
            "a",
            "date",
            "mis",
            "jour",
            "updated",
            "published",
            "posted",
            "on",
            "at",
            "pm",
            "am",
            "gmt",
            "utc",
            "h",
            "maj",
            "modifie",
        ];
        let others = words
            .iter()
            .filter(|w| {
                w.parse::<u32>().is_err()
                    && !self.data.months.contains_key(**w)
                    && !stamp_words.contains(w)
                    && !w.chars().all(|c| c.is_ascii_digit() || c == 'h')
            })
            .filter(|w| {
                ![
                    "lundi",
                    "mardi",
                    "mercredi",
                    "jeudi",
                    "vendredi",
                    "samedi",
                    "dimanche",
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .contains(w)
            })
            .count();
        if others > 2 {
            return None;
        }
        jiff::civil::Date::new(y as i16, m as i8, d as i8)
            .ok()
            .map(|d| d.to_string())
    }

    /// "Par Claire Dumas", "By John Miles": a byline prefix then a capitalised word.
    fn has_byline_prefix(&self, p: &Para) -> bool {
        if p.words > 8 || p.ends_sentence() {
            return false;
        }
        let f = fold::fold(&p.text);
        self.data.byline_prefixes.iter().any(|b| f.starts_with(b.as_str()))
            && p.text
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
    }

    fn has_site_word(&self, p: &Para) -> bool {
        fold::fold(&p.text)
            .split(|c: char| !c.is_alphanumeric() && c != '/' && c != '.')
            .any(|w| self.site_words.contains(w) || w.ends_with(".com") || w.ends_with(".fr") || w.ends_with(".net"))
    }

    fn is_byline(&self, p: &Para) -> bool {
        if p.words > 8 || p.ends_sentence() || self.has_site_word(p) {
            return false;
        }
        if self.has_byline_prefix(p) {
            return true;
        }
        // A bare name: two to four capitalised words ("Jean Delaunay", "Anne-Sophie Roy").
        let words: Vec<&str> = p.text.split_whitespace().collect();
        let particles = [
            "de", "du", "des", "van", "von", "der", "le", "la", "da", "di", "bin", "al",
        ];
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                particles.contains(w)
                    || (w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars()
                            .skip(1)
                            .all(|c| c.is_lowercase() || c == '-' || c == '.' || c == '\'')
                        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            })
            && words.iter().filter(|w| !particles.contains(*w)).count() >= 2
    }

    fn is_dateline(&self, p: &Para) -> bool {
        p.words <= 8
            && !p.ends_sentence()
            && (p.text.contains(" / ") || p.text.contains(" | "))
            && p.text.chars().next().is_some_and(char::is_uppercase)
    }

    fn is_caption_line(&self, p: &Para) -> bool {
        let f = fold::fold(&p.text);
        p.words <= 60
            && (self.data.caption_prefixes.iter().any(|c| f.starts_with(c.as_str()))
                || self
                    .data
                    .caption_suffixes
                    .iter()
                    .any(|c| f.trim_end_matches(['.', ' ', ')']).ends_with(c.trim_end_matches(')'))))
    }

    /// Sets aside what stands above the article: site name, byline, dateline, captions.
    fn header_block(&self, paras: &mut Vec<Para>, article: &mut Article, has_title: bool, from_text: bool) {
        let first_body = paras.iter().position(Para::substantial).unwrap_or(paras.len());
        let total = paras.len();
        let mut keep = Vec::with_capacity(total);
        for (i, p) in std::mem::take(paras).into_iter().enumerate() {
            if i >= first_body {
                keep.push(p);
                continue;
            }
            if total > 1 && article.site_name.is_none() && self.is_site_name(&p) {
                article.site_name = Some(p.text.clone());
                article.removed.push(Removed {
                    text: p.text,
                    kind: RemovedKind::SiteName,
                });
            } else if self.is_dateline(&p) && article.dateline.is_none() {
                article.dateline = Some(p.text);
            } else if self.is_byline(&p) && article.byline.is_none() {
                article.byline = Some(strip_byline_prefix(&p.text, &self.data.byline_prefixes));
            } else if self.is_caption_line(&p) {
                article.captions.push(p.text);
            } else if from_text && p.words <= 2 && !p.ends_sentence() && (has_title || i + 1 < first_body) {
                // A kicker or section label above the title ("France", "Monde").
                article.removed.push(Removed {
                    text: p.text,
                    kind: RemovedKind::Template,
                });
            } else {
                keep.push(p);
            }
        }
        *paras = keep;
    }

    /// Short paragraphs in another language than the article's are captions or credits
    /// left in by the scraper (an English photo caption in a French article).
    fn foreign_captions(&self, paras: &mut Vec<Para>, article: &mut Article, lang: Option<&str>) {
        let Some(lang) = lang else { return };
        let mut keep = Vec::with_capacity(paras.len());
        for p in std::mem::take(paras) {
            let quoted = p.text.starts_with(['«', '“', '"', '\'', '‘']);
            if (5..=60).contains(&p.words)
                && !quoted
                && self.paragraph_language(&p.text, Some(lang)).is_some_and(|l| l != lang)
            {
                article.captions.push(p.text);
            } else {
                keep.push(p);
            }
        }
        *paras = keep;
    }

    /// After the last real paragraph, short lines without punctuation are template
    /// debris (a category tag, a country label); so are one- or two-word lowercase labels.
    ///
    /// Flat scraped text has lost its markup, so any short line there is judged by its
    /// shape. In HTML the markup already told headings, list items and addresses apart,
    /// and short lines are often content ("Görlitzer Str. 45", a recipe step): only
    /// trailing labels ("Kontakt:", "Source :") and shouted headings go.
    fn trailing_template(&self, paras: &mut Vec<Para>, removed: &mut Vec<Removed>, from_text: bool) {
        let last = paras.iter().rposition(Para::substantial);
        let mut keep = Vec::with_capacity(paras.len());
        for (i, p) in std::mem::take(paras).into_iter().enumerate() {
            let shape = from_text || {
                let t = p.text.trim_end();
                t.ends_with(':') || !t.chars().any(char::is_lowercase)
            };
            let trailing = last.is_some_and(|l| i > l) && p.words <= 3 && !p.ends_sentence() && shape;
            let label = from_text
                && p.words <= 2
                && p.text.chars().next().is_some_and(char::is_lowercase)
                && !p.ends_sentence();
            if trailing || label {
                removed.push(Removed {
                    text: p.text,
                    kind: RemovedKind::Template,
                });
            } else {
                keep.push(p);
            }
        }
        *paras = keep;
    }

    /// "PARIS (AFP) - La digue..." : the dateline is recorded in its field. The words stay
    /// in the sentence they begin, since they are part of it as published.
    fn dateline_in_lede(&self, paras: &[Para], article: &mut Article) {
        let Some(first) = paras.first() else { return };
        if let Some(m) = self.dateline_prefix.captures(&first.text) {
            if article.dateline.is_none() {
                article.dateline = Some(m[1].trim().to_string());
            }
        }
    }
}

fn strip_byline_prefix(s: &str, prefixes: &[String]) -> String {
    let f = fold::fold(s);
    for p in prefixes {
        if f.starts_with(p.as_str()) {
            let n = p.chars().count();
            return s.chars().skip(n).collect::<String>().trim().to_string();
        }
    }
    s.to_string()
}

/// `YYYY-MM-DD` from the date formats feeds and pages use (ISO 8601, RFC 2822); the
/// input unchanged when it is none of them.
pub fn normalize_date(s: &str) -> String {
    let t = s.trim();
    if t.len() >= 10 && t.is_char_boundary(10) {
        if let Ok(d) = t[..10].parse::<jiff::civil::Date>() {
            return d.to_string();
        }
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(t) {
        return z.date().to_string();
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaner() -> &'static Cleaner {
        static C: std::sync::OnceLock<Cleaner> = std::sync::OnceLock::new();
        C.get_or_init(|| Cleaner::new(&CleanOptions::default()).unwrap())
    }

    #[test]
    fn dates_are_normalised() {
        assert_eq!(normalize_date("2025-03-05T09:12:00Z"), "2025-03-05");
        assert_eq!(normalize_date("Wed, 05 Mar 2025 09:00:00 +0000"), "2025-03-05");
        assert_eq!(normalize_date("hier"), "hier");
    }

    #[test]
    fn scraped_text_is_cleaned_and_fields_set_apart() {
        let raw = "Le Courrier Info\n\nRescue teams search the rubble in the valley on March 4, 2025.\n\nPar Claire Dumas\n\nLa digue de la Sorne a cédé, trois villages évacués\n\nLyon / Le Courrier du Centre\n\nLa digue de la Sorne a cédé dans la nuit de lundi à mardi, a indiqué la préfecture, qui fait état d'au moins 12 morts et de 3\u{a0}000 personnes évacuées.\n\nPARTAGER:\n\nLes secours, appuyés par trois hélicoptères, ont fouillé les décombres toute la journée de mardi selon les pompiers.\n\nFrance\n\nLaisser un commentaire\n\nS'il vous plaît entrez votre nom ici";
        let a = cleaner().clean(RawDoc::text("t.txt", raw));
        assert_eq!(a.site_name.as_deref(), Some("Le Courrier Info"));
        assert_eq!(a.byline.as_deref(), Some("Claire Dumas"));
        assert_eq!(a.dateline.as_deref(), Some("Lyon / Le Courrier du Centre"));
        assert_eq!(
            a.title.as_deref(),
            Some("La digue de la Sorne a cédé, trois villages évacués")
        );
        assert_eq!(
            a.captions,
            vec!["Rescue teams search the rubble in the valley on March 4, 2025."]
        );
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert!(a
            .text
            .starts_with("La digue de la Sorne a cédé, trois villages évacués\n\nLa digue"));
        assert!(a.text.contains("3\u{a0}000 personnes"));
        for gone in ["PARTAGER", "France", "Laisser", "entrez votre nom"] {
            assert!(!a.text.contains(gone), "{gone} left in {:?}", a.text);
        }
        assert!(a.text.ends_with("selon les pompiers."));
        assert_eq!(a.paragraphs.len(), 3);
        // Every sentence span lies inside the text on char boundaries.
        let n = a.text.chars().count();
        assert!(a.sentences.iter().all(|s| s.end <= n && s.start < s.end));
    }

    #[test]
    fn html_pages_keep_body_and_drop_chrome() {
        let page = r#"<html lang="fr"><head><title>Crue de la Sorne - Le Journal</title>
<meta property="og:title" content="Crue de la Sorne : trois villages évacués">
<meta property="article:published_time" content="2025-03-04T08:00:00+01:00"></head>
<body><nav><ul><li>Accueil</li><li>Politique</li><li>Sport</li></ul></nav>
<div class="cookie-banner">Nous utilisons des cookies. Accepter</div>
<article><h1>Crue de la Sorne : trois villages évacués</h1>
<div class="share-bar"><a>Facebook</a><a>Twitter</a></div>
<p>La digue de la Sorne a cédé dans la nuit de lundi à mardi, a indiqué la préfecture, qui fait état d'au moins douze morts.</p>
<figure><img src="x.jpg"><figcaption>Les secours dans la vallée mardi.</figcaption></figure>
<p>Quelque 3 000 habitants ont été évacués vers les gymnases de la région, selon la mairie, qui a ouvert une cellule de crise.</p>
<p>Les pompiers redoutent de nouvelles crues dans les jours qui viennent, alors que la pluie doit reprendre jeudi sur tout le département.</p>
<div class="related-articles"><h3>Lire aussi</h3><ul><li><a>Les crues de 2021 dans la région</a></li></ul></div>
</article>
<section id="comments"><p>Jean: quelle horreur, courage à tous les habitants de la vallée.</p></section>
<footer>© 2025 Le Journal. Tous droits réservés.</footer></body></html>"#;
        let a = cleaner().clean(RawDoc::html("p.html", page));
        assert_eq!(a.title.as_deref(), Some("Crue de la Sorne : trois villages évacués"));
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert!(a.text.contains("au moins douze morts"));
        assert!(a.text.contains("Quelque 3 000 habitants"));
        assert!(a.text.contains("reprendre jeudi"));
        for gone in [
            "Accueil",
            "cookies",
            "Facebook",
            "Lire aussi",
            "crues de 2021",
            "quelle horreur",
            "Tous droits",
        ] {
            assert!(!a.text.contains(gone), "{gone} left in {:?}", a.text);
        }
        assert_eq!(a.captions, vec!["Les secours dans la vallée mardi."]);
    }
}
