//! HTML page -> main text, title and metadata.
//!
//! The article body is found by dom_smoothie (a port of Mozilla's Readability, the
//! fastest of the extractors tried), then rendered to paragraphs by our own walk over
//! its output, which skips the blocks Readability leaves inside articles: share bars,
//! "related" lists, ad slots, newsletter boxes (told by class and id names), and sets
//! figure captions apart. Metadata come from dom_smoothie (meta tags, JSON-LD), with
//! `<time datetime>` as a fallback for the date.

use dom_query::{Document, NodeRef};
use dom_smoothie::{Config, Readability, TextMode};

/// What the HTML stage hands to the text cleaner.
#[derive(Debug, Default, Clone)]
pub struct HtmlArticle {
    pub title: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    /// Link-only blocks dropped from the body (menus, "read also" teasers).
    pub links: Vec<String>,
}

/// Class or id fragments of blocks that are never article text. Names that themes also
/// give to content wrappers are left out on purpose: "widget" (Blogger posts live in
/// `widget Blog`), "hidden" (`elementor-hidden-mobile` hides a block on phones only),
/// "print", "follow", "popular".
const JUNK_NAMES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "promo",
    "advert",
    "ad-slot",
    "adslot",
    "ads",
    "sponsor",
    "outbrain",
    "taboola",
    "comment",
    "cookie",
    "consent",
    "breadcrumb",
    "byline",
    "author-bio",
    "tag-list",
    "tags",
    "read-more",
    "readmore",
    "recommend",
    "more-stories",
    "trending",
    "paywall",
    "signup",
    "sign-up",
    "toolbar",
    "disclaimer",
    "sr-only",
    "visually-hidden",
    "skip-link",
    "cta",
    "donate",
    "donation",
    "membership",
    "subscription",
    "author-box",
    "about-author",
    "author-info",
    "author-details",
    "post-meta",
    "entry-meta",
    "postmetadata",
    "post-tags",
    "entry-tags",
    "addtoany",
    "a2a",
    "btn",
    "category",
    "categories",
    "label",
    "timestamp",
    "date",
    "button",
    "menu",
    "infobox",
];

/// Class-name parts of photo captions and credits set outside `<figcaption>`
/// (`<div class="image-caption">`, `<span class="photo-credit">`).
const CAPTION_NAMES: &[&str] = &["caption", "credit", "credits", "copyright"];

fn is_caption_block(node: &NodeRef) -> bool {
    node.attr("class").is_some_and(|c| {
        c.to_ascii_lowercase()
            .split(|ch: char| ch.is_whitespace() || ch == '-' || ch == '_')
            .any(|part| CAPTION_NAMES.contains(&part))
    })
}

fn junk_matcher() -> &'static aho_corasick::AhoCorasick {
    static M: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    M.get_or_init(|| aho_corasick::AhoCorasick::new(JUNK_NAMES).expect("junk names"))
}

fn is_junk(node: &NodeRef) -> bool {
    let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
    if matches!(
        name.as_str(),
        "script"
            | "style"
            | "noscript"
            | "nav"
            | "form"
            | "button"
            | "select"
            | "iframe"
            | "svg"
            | "template"
            | "aside"
            | "footer"
    ) {
        return true;
    }
    if node.attr("hidden").is_some() || node.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return true;
    }
    let mut attrs = String::new();
    for a in ["class", "id", "role"] {
        if let Some(v) = node.attr(a) {
            attrs.push(' ');
            attrs.push_str(&v.to_ascii_lowercase());
        }
    }
    if attrs.is_empty() {
        return false;
    }
    // One pass over the names with Aho-Corasick; long fragments count anywhere, short
    // ones ("ad", "tags") only as a whole word or a hyphenated part ("ad-slot"), so that
    // "shadow" or "heading" are not taken for ads.
    let bytes = attrs.as_bytes();
    junk_matcher().find_overlapping_iter(&attrs).any(|m| {
        let name = JUNK_NAMES[m.pattern().as_usize()];
        if name.len() >= 5 {
            return true;
        }
        let before = m.start().checked_sub(1).map(|k| bytes[k]);
        let after = bytes.get(m.end()).copied();
        let edge = |b: Option<u8>| matches!(b, None | Some(b' ' | b'_' | b'-'));
        edge(before) && edge(after)
    })
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "br",
    "hr",
    "address",
    "center",
    "body",
    "html",
];

struct Walker {
    /// Text length of the whole rendered tree: a named block holding most of it is kept.
    total: usize,
    paragraphs: Vec<String>,
    captions: Vec<String>,
    /// Blocks dropped as navigation (mostly link text), kept to be reported.
    links: Vec<String>,
    current: String,
    /// Inside how many `<a>` we are, and how many visible chars of the current block
    /// were link text: a short block that is nearly all link is a "read also" teaser or
    /// a menu entry, not article text (the link-density test of Readability and
    /// trafilatura, applied per block).
    in_link: usize,
    link_chars: usize,
    in_heading: usize,
    /// Whether the last block kept was a short line (a possible heading of what follows).
    last_kept_short: bool,
}

/// Blocks of at most this many words are dropped when nearly all their text is links.
const LINK_BLOCK_WORDS: usize = 25;

impl Walker {
    fn flush(&mut self) {
        let p = squash(&self.current);
        if !p.is_empty() {
            let visible = p.chars().filter(|c| !c.is_whitespace()).count();
            let words = p.split(' ').count();
            // Headings that link to their section or article are content (tables of
            // contents, feature titles): only other blocks are judged by their links.
            if self.in_heading == 0 && words <= LINK_BLOCK_WORDS && self.link_chars * 10 >= visible * 8 {
                // The short line right above a run of links is its heading ("Lesen Sie
                // auch:", "Related:"): it goes with them.
                if self.last_kept_short {
                    if let Some(h) = self.paragraphs.pop() {
                        self.links.push(h);
                    }
                }
                self.links.push(p);
                self.last_kept_short = false;
            } else {
                self.last_kept_short = words <= 8 && !p.ends_with(['.', '!', '?', '"', '»', '”']);
                self.paragraphs.push(p);
            }
        }
        self.current.clear();
        self.link_chars = 0;
    }

    fn walk(&mut self, node: &NodeRef) {
        if node.is_text() {
            let t = node.text();
            if self.in_link > 0 {
                self.link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
            }
            self.current.push_str(&t);
            return;
        }
        if !node.is_element() {
            for c in node.children() {
                self.walk(&c);
            }
            return;
        }
        if is_junk(node) && node.text().len() * 10 < self.total * 4 {
            return;
        }
        let name = node.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if name == "figcaption" || (is_caption_block(node) && node.text().len() < 600) {
            let t = squash(&node.text());
            if !t.is_empty() {
                self.captions.push(t);
            }
            return;
        }
        if name == "img" || name == "picture" || name == "video" || name == "audio" {
            return;
        }
        let block = BLOCKS.contains(&name.as_str());
        if block {
            self.flush();
        }
        if name == "td" || name == "th" {
            self.current.push(' ');
        }
        let link = name == "a";
        let heading = matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        self.in_link += usize::from(link);
        self.in_heading += usize::from(heading);
        for c in node.children() {
            self.walk(&c);
        }
        self.in_link -= usize::from(link);
        if block {
            self.flush();
        }
        self.in_heading -= usize::from(heading);
        // Inline elements join their text; others (custom elements...) need a space.
        if !block && !matches!(name.as_str(), "span" | "a" | "em" | "strong" | "b" | "i") {
            self.current.push(' ');
        }
    }
}

/// What [`render`] makes of a tree.
pub struct Rendered {
    pub paragraphs: Vec<String>,
    pub captions: Vec<String>,
    /// Blocks dropped because they were nearly all links.
    pub links: Vec<String>,
}

/// Renders an HTML fragment or document to paragraphs and captions.
pub fn render(doc: &Document) -> Rendered {
    render_node(&doc.root())
}

/// Renders the subtree under `root`.
fn render_node(root: &NodeRef) -> Rendered {
    let mut w = Walker {
        total: root.text().len().max(1),
        paragraphs: Vec::new(),
        captions: Vec::new(),
        links: Vec::new(),
        current: String::new(),
        in_link: 0,
        link_chars: 0,
        in_heading: 0,
        last_kept_short: false,
    };
    w.walk(root);
    w.flush();
    Rendered {
        paragraphs: w.paragraphs,
        captions: w.captions,
        links: w.links,
    }
}

/// Runs of white space collapsed to one space, ends trimmed: how HTML text reads.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn none_if_empty(s: Option<String>) -> Option<String> {
    s.map(|s| squash(&s)).filter(|s| !s.is_empty())
}

/// The HTML of the element whose child paragraphs hold the most text, widened to its
/// parent when the parent's paragraphs hold half as much again (articles split in
/// several sections): the classic text-density pick, as a second opinion.
fn densest_block(doc: &Document) -> Option<String> {
    let mut score: std::collections::HashMap<dom_query::NodeId, (usize, NodeRef)> = std::collections::HashMap::new();
    for p in doc.select("p").nodes() {
        let len = p.text().trim().len();
        if len < 25 {
            continue;
        }
        if let Some(parent) = p.parent() {
            score.entry(parent.id).or_insert((0, parent)).0 += len;
            if let Some(grand) = parent.parent() {
                // A grandparent collects half the weight: sections of one article.
                score.entry(grand.id).or_insert((0, grand)).0 += len / 2;
            }
        }
    }
    let (_, node) = score.into_values().max_by_key(|(s, _)| *s)?;
    Some(node.html().to_string())
}

/// The standfirst: a lede paragraph printed above the article body, which Readability
/// leaves out with the page header. It is found as the page's meta description when the
/// page also shows it as a visible paragraph that the extracted body does not hold.
fn standfirst(doc: &Document, html: &str, excerpt: Option<&str>, body: &[String]) -> Option<String> {
    let excerpt = squash(excerpt?);
    if excerpt.len() < 40 {
        return None;
    }
    let head: String = excerpt.chars().take(60).collect();
    if body.iter().any(|p| p.contains(&head)) {
        return None;
    }
    // Walking the tree is costly: first ask whether the page's body shows the words at all
    // (a literal search, which misses entity-encoded text but costs next to nothing).
    // The probe is the longest plain-ASCII word of the opening, which entities never touch.
    let probe = head
        .split(|c: char| !c.is_ascii_alphanumeric())
        .max_by_key(|w| w.len())
        .filter(|w| w.len() >= 5);
    if let Some(probe) = probe {
        if !html[html.find("<body").unwrap_or(0)..].contains(probe) {
            return None;
        }
    }
    // Only leaf-ish blocks: the paragraph itself, not a wrapper of the whole page. Plain
    // paragraphs first; divs (whose text is costly to gather) only when none matched.
    let find = |sel: &str| {
        doc.select(sel).nodes().iter().find_map(|n| {
            let t = squash(&n.text());
            (t.starts_with(&head) && t.len() <= excerpt.len() * 3 / 2 + 20).then_some(t)
        })
    };
    // Divs only when no paragraph matched, and only leaf divs (no block inside), whose
    // text is cheap to gather.
    find("body p, body h2").or_else(|| find("body div:not(:has(div, p))"))
}

/// Class-name parts that mark the lede under a headline ("chapo" in French CMSs). Names
/// that also mark teasers of other articles ("teaser", "summary", "excerpt") are left out.
const LEDE_NAMES: &[&str] = &[
    "lead",
    "lede",
    "intro",
    "chapo",
    "chapeau",
    "standfirst",
    "subtitle",
    "subheadline",
    "dek",
    "deck",
    "abstract",
];

/// A lede that sits with the headline, outside the block Readability picked: an element
/// named as a lede (see [`LEDE_NAMES`]) in the headline's container, whose text the body
/// does not hold.
fn lede_block(doc: &Document, body: &[String]) -> Option<String> {
    let h1 = doc.select("h1").nodes().first().copied()?;
    let container = h1.parent()?.parent()?;
    doc.select("p[class], div[class], h2[class]")
        .nodes()
        .iter()
        .take(300)
        .find_map(|n| {
            let class = n.attr("class").map(|c| c.to_ascii_lowercase()).unwrap_or_default();
            let named = class
                .split_whitespace()
                .flat_map(|t| t.split(['-', '_']))
                .any(|part| LEDE_NAMES.contains(&part));
            if !named
                || !std::iter::successors(n.parent(), |p| p.parent())
                    .take(8)
                    .any(|a| a.id == container.id)
            {
                return None;
            }
            let t = squash(&n.text());
            let head: String = t.chars().take(50).collect();
            ((40..=800).contains(&t.len()) && !body.iter().any(|p| p.contains(&head))).then_some(t)
        })
}

/// Extracts the article of an HTML page. A fragment (a feed item, a JSONL `html` field)
/// that Readability finds nothing in is rendered whole.
///
/// Chrome is filtered after Readability, on the class names it is told to keep: removing
/// it before (measured on the peer pages) also removed the wrappers of real articles
/// whose class lists mention "share" or "comments", and lost 3 points of recall.
pub fn extract(html: &str) -> HtmlArticle {
    let doc = Document::from(html);
    let time_fallback = doc
        .select("time[datetime]")
        .iter()
        .next()
        .and_then(|t| t.attr("datetime").map(|d| d.to_string()));
    let cfg = Config {
        text_mode: TextMode::Raw,
        // Class names are what tells a share bar or a "related" list left inside the
        // article from its text; `render` filters on them.
        keep_classes: true,
        max_elements_to_parse: 200_000,
        // Readability retries with looser rules when the pick is under this many chars;
        // half its default (500) keeps short news items whole (measured: +0.2 points of
        // snippet accuracy on the peer pages, shingle F1 unchanged within 0.2).
        char_threshold: 250,
        ..Default::default()
    };
    let mut readability = Readability::with_document(doc.clone(), None, Some(cfg)).ok();
    let parsed = readability.as_mut().and_then(|r| r.parse().ok());
    // The text of the page's <p> elements: when Readability's pick holds less than half of
    // it, Readability chose a side block (a teaser, a comment) over the article, and the
    // whole page, rendered with the same chrome and link filters, is the better body.
    let p_text: usize = doc.select("p").iter().map(|p| p.text().trim().len()).sum();
    match parsed {
        Some(a) if a.length > 0 => {
            // After `parse`, Readability's tree holds the article under a known id: render
            // it there rather than parsing `a.content` again.
            let in_tree = readability
                .as_ref()
                .and_then(|r| r.doc.select("#readability-page-1").nodes().first().copied())
                .map(|root| render_node(&root));
            let picked = in_tree.unwrap_or_else(|| render(&Document::from(a.content.to_string())));
            let picked_len: usize = picked.paragraphs.iter().map(String::len).sum();
            let Rendered {
                paragraphs,
                mut captions,
                links,
            } = if p_text > 500 && picked_len * 2 < p_text {
                match densest_block(&doc) {
                    Some(block) => {
                        let alt = render(&Document::from(block));
                        let alt_len: usize = alt.paragraphs.iter().map(String::len).sum();
                        // The denser block wins when Readability kept under a quarter of
                        // the page's paragraphs, or when it holds Readability's pick and
                        // more (an article split into sections Readability cut short).
                        let contains_pick = picked.paragraphs.iter().take(3).all(|p| alt.paragraphs.contains(p));
                        if alt_len > picked_len * 2 && (picked_len * 4 < p_text || contains_pick) {
                            alt
                        } else {
                            picked
                        }
                    }
                    None => picked,
                }
            } else {
                picked
            };
            let mut paragraphs = paragraphs;
            if let Some(lede) =
                standfirst(&doc, html, a.excerpt.as_deref(), &paragraphs).or_else(|| lede_block(&doc, &paragraphs))
            {
                paragraphs.insert(0, lede);
            }
            // Figures outside the article's main block still caption its photos.
            if captions.is_empty() {
                captions = doc
                    .select("figcaption")
                    .iter()
                    .map(|n| squash(&n.text()))
                    .filter(|t| !t.is_empty())
                    .collect();
            }
            HtmlArticle {
                title: none_if_empty(Some(a.title.to_string())),
                published: none_if_empty(a.published_time).or(time_fallback),
                author: none_if_empty(a.byline),
                site_name: none_if_empty(a.site_name),
                lang: none_if_empty(a.lang),
                paragraphs,
                captions,
                links,
            }
        }
        _ => {
            let title = doc.select("title").iter().next().map(|t| t.text().to_string());
            let Rendered {
                paragraphs,
                captions,
                links,
            } = render(&doc);
            HtmlArticle {
                title: none_if_empty(title),
                published: time_fallback,
                paragraphs,
                captions,
                links,
                ..Default::default()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_is_rendered_as_paragraphs() {
        let a = extract("<p>Premier paragraphe.</p><p>Second <b>paragraphe</b>.</p>");
        assert_eq!(a.paragraphs, vec!["Premier paragraphe.", "Second paragraphe."]);
    }
}
