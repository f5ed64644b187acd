//! Whole HTML pages written for these tests, each with the chrome real news sites wrap
//! around an article: the body must survive, the chrome must not.

use recoupe_clean::{CleanOptions, Cleaner};
use recoupe_model::{RawDoc, RemovedKind};

fn clean(page: &str) -> recoupe_model::Article {
    Cleaner::new(&CleanOptions::default())
        .unwrap()
        .clean(RawDoc::html("page.html", page))
}

const ENGLISH_PAGE: &str = r#"<!doctype html><html lang="en"><head>
<title>Valley floods: rescuers reach cut-off hamlets | The Northern Courier</title>
<meta property="og:title" content="Valley floods: rescuers reach cut-off hamlets">
<meta name="description" content="Rescue teams reached three hamlets that had been cut off for two days, the county said on Tuesday, as the river began to fall.">
<meta name="author" content="Ruth Ellery">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Valley floods: rescuers reach cut-off hamlets","datePublished":"2025-02-11T09:30:00Z"}</script>
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<div id="cookie-consent">We use cookies to improve your experience. <button>Accept all</button></div>
<main><div class="article-header"><h1>Valley floods: rescuers reach cut-off hamlets</h1>
<p class="standfirst">Rescue teams reached three hamlets that had been cut off for two days, the county said on Tuesday, as the river began to fall.</p></div>
<div class="article-body">
<div class="social-share"><a>Share on Facebook</a> <a>Share on X</a> <a>Email</a></div>
<p>Boats carrying food, water and medicine arrived in the three hamlets shortly after dawn, a county spokesman said, after the water level dropped by almost a metre overnight.</p>
<p>About 140 residents had refused to leave their homes when the evacuation order was issued on Sunday, according to the fire service, which said none of them needed hospital care.</p>
<p><a href="/news/2025/02/10/storm">Read more: How the storm hit the valley</a></p>
<p>Engineers will inspect the two road bridges on Wednesday before any traffic is allowed back, the county said, adding that the inspection could take several days.</p>
<aside class="related-articles"><h3>Related stories</h3><ul><li><a href="/a">Farmers count the cost of the floods</a></li><li><a href="/b">Schools to reopen next week</a></li></ul></aside>
</div></main>
<section class="comments"><h2>12 comments</h2><div class="comment"><p>Well done to the fire crews, they have been out day and night in awful conditions.</p></div></section>
<footer><p>© 2025 The Northern Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"#;

#[test]
fn english_page_keeps_standfirst_and_body() {
    let a = clean(ENGLISH_PAGE);
    assert_eq!(
        a.title.as_deref(),
        Some("Valley floods: rescuers reach cut-off hamlets")
    );
    assert_eq!(a.published.as_deref(), Some("2025-02-11"));
    assert_eq!(a.language.as_deref(), Some("en"));
    for kept in [
        "Rescue teams reached three hamlets",
        "Boats carrying food, water and medicine",
        "About 140 residents had refused",
        "Engineers will inspect the two road bridges",
    ] {
        assert!(a.text.contains(kept), "lost {kept:?} from {:?}", a.text);
    }
    for gone in [
        "Sport",
        "cookies",
        "Share on Facebook",
        "Read more",
        "Related stories",
        "Farmers count the cost",
        "fire crews",
        "All rights reserved",
        "Privacy",
    ] {
        assert!(!a.text.contains(gone), "{gone:?} left in {:?}", a.text);
    }
    // The "Read more" teaser is not silently dropped: it is reported as navigation.
    assert!(a
        .removed
        .iter()
        .any(|r| r.kind == RemovedKind::Navigation && r.text.contains("How the storm hit")));
}

#[test]
fn latin1_page_decoded_by_ingest_then_cleaned() {
    let bytes = b"<html><head><meta charset=\"windows-1252\"><title>March\xe9 : les prix s'envolent</title></head><body>\
<nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/eco\">\xc9conomie</a></li></ul></nav>\
<article><h1>March\xe9 : les prix s'envolent</h1>\
<p>Le prix du bl\xe9 a augment\xe9 de 12 % en une semaine sur le march\xe9 de Rouen, selon la chambre d'agriculture, qui \xe9voque la s\xe9cheresse.</p>\
<p>Les meuniers craignent une hausse du prix de la baguette \xe0 la rentr\xe9e, a d\xe9clar\xe9 leur f\xe9d\xe9ration, qui r\xe9clame un \x93geste\x94 de l'\xc9tat.</p>\
</article><div class=\"newsletter\">Abonnez-vous \xe0 notre lettre d'information</div></body></html>";
    let raw = recoupe_ingest::document_from_bytes("p.html", bytes, recoupe_ingest::Format::Html).unwrap();
    let a = Cleaner::new(&CleanOptions::default()).unwrap().clean(raw);
    assert!(a.text.contains("Le prix du blé a augmenté de 12 %"), "{}", a.text);
    assert!(a.text.contains("un \u{201c}geste\u{201d} de l'État"));
    assert!(!a.text.contains("Accueil") && !a.text.contains("Abonnez-vous"));
    assert_eq!(a.language.as_deref(), Some("fr"));
}
