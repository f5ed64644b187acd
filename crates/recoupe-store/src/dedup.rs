//! Near-duplicate articles: wire copy republished with light edits.
//!
//! MinHash over word 5-shingles (64 hash functions) estimates the Jaccard similarity of
//! two texts; LSH banding (16 bands of 4) finds the candidates without comparing every pair:
//! two texts 80% alike share a band with probability above 0.999, two texts 30% alike
//! rarely do. Written here rather than taken from a crate: the crates that do it are thinly
//! maintained, and it is a few dozen lines (see design/CRATES.md).

use std::hash::{Hash, Hasher};

pub const HASHES: usize = 64;
pub const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;
/// Estimated similarity above which an article is a copy of an earlier one.
pub const COPY: f64 = 0.8;

fn hash<T: Hash>(x: T, seed: u64) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    seed.hash(&mut h);
    x.hash(&mut h);
    // FxHash is weak in its low bits: a final mix (splitmix64) spreads them.
    let mut z = h.finish().wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash signature of a text, or None when it is too short to compare.
pub fn signature(text: &str) -> Option<Vec<u64>> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < SHINGLE * 4 {
        return None;
    }
    let shingles: Vec<u64> = words.windows(SHINGLE).map(|w| hash(w, 0)).collect();
    Some(
        (0..HASHES as u64)
            .map(|i| shingles.iter().map(|&s| hash(s, i + 1)).min().unwrap_or(u64::MAX))
            .collect(),
    )
}

/// The LSH band keys of a signature (as i64 for SQLite).
pub fn bands(sig: &[u64]) -> Vec<i64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| hash(rows, b as u64 + 1000) as i64)
        .collect()
}

/// The estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / HASHES as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "Les secours ont retrouvé trois nouveaux corps lundi dans la vallée, portant le bilan à vingt-deux morts, a indiqué la préfecture, qui précise que huit personnes restent portées disparues et que les recherches se poursuivent le long de la rivière malgré la crue.";

    #[test]
    fn a_republished_wire_story_is_close_and_another_story_is_not() {
        let copy = format!("{WIRE} Lire aussi notre dossier.");
        let other = "Le conseil municipal a voté mardi un budget de trois millions d'euros pour rénover les écoles de la commune, a annoncé le maire, qui promet des travaux dès l'été et une consultation des parents d'élèves avant la rentrée de septembre prochain.";
        let (a, b, c) = (
            signature(WIRE).unwrap(),
            signature(&copy).unwrap(),
            signature(other).unwrap(),
        );
        assert!(similarity(&a, &b) >= COPY, "{}", similarity(&a, &b));
        assert!(similarity(&a, &c) < 0.2);
        assert!(
            bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y),
            "the copy is a candidate"
        );
        assert!(signature("trop court").is_none());
    }
}
