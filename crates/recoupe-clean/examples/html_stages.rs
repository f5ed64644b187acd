//! Shows what each stage of the HTML extraction keeps for one page, to debug a page
//! where the body goes missing: `cargo run --example html_stages -p recoupe-clean PAGE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: html_stages PAGE.html");
    let bytes = std::fs::read(&path).expect("readable page");
    let html = String::from_utf8_lossy(&bytes);
    let a = recoupe_clean::html::extract(&html);
    println!("title: {:?}\nparagraphs: {}", a.title, a.paragraphs.len());
    for p in &a.paragraphs {
        println!("  | {}", p.chars().take(100).collect::<String>());
    }
    let cleaner = recoupe_clean::Cleaner::new(&Default::default()).unwrap();
    let art = cleaner.clean(recoupe_model::RawDoc::html(path, html.into_owned()));
    for r in &art.removed {
        println!(
            "  removed {:?}: {}",
            r.kind,
            r.text.chars().take(80).collect::<String>()
        );
    }
    println!(
        "captions: {:?}\nbyline: {:?}\nsite: {:?}",
        art.captions, art.byline, art.site_name
    );
}
