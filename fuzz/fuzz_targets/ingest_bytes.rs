//! Any bytes, read as a file of unknown format (WARC, JSONL, feed, HTML, text, gzip),
//! must give documents or errors, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let docs = recoupe_ingest::read_stream(
        "fuzz",
        Box::new(std::io::Cursor::new(data.to_vec())),
        &recoupe_ingest::Options::default(),
    );
    for d in docs.take(1000) {
        let _ = d;
    }
});
