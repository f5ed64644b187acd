//! Finding entities in an article: gazetteer names first (longest match, spelling-tolerant
//! keys), then acronyms, then unknown proper names, which are tied to a known entity when
//! one slip of spelling separates them and merged with each other within the article
//! (a surname alone after the full name).

use crate::gazetteer::{Form, Gazetteer};
use crate::key::{close, phonetic_into, slug};
use crate::words::Word;
use rustc_hash::FxHashMap;

/// Honorifics that belong to a person's mention ("M. Rutte").
const HONORIFICS: &[&str] = &["m", "mme", "mlle", "mr", "mrs", "ms", "dr", "me", "mgr", "pr"];
/// Lower-case words allowed inside a proper name ("Charles de Gaulle", "bin Salman").
const PARTICLES: &[&str] = &[
    "de", "du", "des", "von", "van", "der", "bin", "ben", "ibn", "al", "el", "da", "dos", "di", "la", "le",
];

/// Articles and prepositions that, capitalised inside a run, begin another phrase.
const FUNCTION: &[&str] = &[
    "le", "la", "les", "l", "the", "un", "une", "a", "an", "et", "and", "en", "in", "au", "aux", "of",
];

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Char offsets, end exclusive.
    pub start: usize,
    pub end: usize,
    /// Word indexes, end exclusive.
    pub first_word: usize,
    pub end_word: usize,
    /// Index into [`Linked::entities`].
    pub entity: usize,
    pub form: Form,
}

/// An entity of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkedEntity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub country: Option<String>,
    pub capital_of: Option<String>,
    /// In the gazetteer (false: an unknown proper name).
    pub known: bool,
}

/// The entities of an article and their mentions, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Linked {
    pub entities: Vec<LinkedEntity>,
    pub mentions: Vec<Mention>,
}

impl Linked {
    /// The mention covering word `w`, if any.
    pub fn at_word(&self, w: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.end_word <= w);
        self.mentions.get(i).filter(|m| m.first_word <= w)
    }
}

fn initial(ws: &[Word], i: usize) -> bool {
    i == 0
        || ws[i]
            .gap
            .contains(['.', '!', '?', '\n', ':', '«', '“', '"', '(', '—', '–', '•'])
}

impl Gazetteer {
    /// Finds and merges the entities of one article, given its words.
    pub fn link(&self, ws: &[Word]) -> Linked {
        // Every word's spelling-tolerant key, once.
        // Spelling-tolerant keys, computed only for the words a match can involve.
        let mut pk = Keys::new(ws.len());
        let mut b = Builder {
            g: self,
            out: Linked::default(),
            ids: FxHashMap::default(),
        };
        let mut unknown: Vec<(usize, usize, usize)> = Vec::new(); // (first word, end word, honorific start)
        let mut i = 0;
        while i < ws.len() {
            // Honorific: "M. Rutte" is one mention.
            let mut start = i;
            if HONORIFICS.contains(&ws[i].fold.as_ref())
                && ws[i].is_capitalised()
                && ws.get(i + 1).is_some_and(|n| n.gap.starts_with('.') || n.gap == " ")
                && ws.get(i + 1).is_some_and(|n| n.is_capitalised())
            {
                start = i;
                i += 1;
            }
            if let Some((n, alias)) = self.phrase_at(ws, &mut pk, i) {
                b.mention(ws, start, i + n, alias.entity, alias.form);
                i += n;
                continue;
            }
            let w = &ws[i];
            if let Some(&e) = self.abbrevs.get(w.text) {
                b.mention(ws, start, i + 1, e, Form::Abbrev);
                i += 1;
                continue;
            }
            if w.text.chars().count() >= 3 && w.is_capitalised() && !w.is_all_caps() {
                let upper: String = w.text.to_uppercase();
                if let Some(&e) = self.abbrevs.get(upper.as_str()) {
                    if !initial(ws, i) {
                        b.mention(ws, start, i + 1, e, Form::Abbrev);
                        i += 1;
                        continue;
                    }
                }
            }
            if w.is_capitalised() && !w.is_number() && !headline(ws, i) {
                let end = self.name_run(ws, i);
                if end > i {
                    unknown.push((i, end, start));
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        // Unknown names: a spelling slip away from a known person or place, the surname of
        // a longer name of the article, or a new entity.
        let keyed: Vec<Vec<String>> = unknown
            .iter()
            .map(|&(a, e, _)| (a..e).map(|k| pk.get(ws, k).to_string()).collect())
            .collect();
        let mut fuzzy_seen: FxHashMap<&[String], Option<u32>> = FxHashMap::default();
        for (k, &(a, e, h)) in unknown.iter().enumerate() {
            let keys = &keyed[k];
            let fuzzy = *fuzzy_seen
                .entry(keys.as_slice())
                .or_insert_with(|| self.fuzzy_match(keys));
            if let Some(ent) = fuzzy {
                b.mention(ws, h, e, ent, Form::Name);
                continue;
            }
            // "Oleksandr Zelensky" with an unknown first name: the known name is kept.
            if let Some((j, n, alias)) =
                (a + 1..e).find_map(|j| self.phrase_at(ws, &mut pk, j).map(|(n, al)| (j, n, al)))
            {
                if j + n == e {
                    b.mention(ws, j, e, alias.entity, alias.form);
                    if j - a > 1 || !self.common.contains(ws[a].fold.as_ref()) {
                        let text: Vec<&str> = ws[a..j].iter().map(|w| w.text).collect();
                        let ent = b.unknown(&keys[..j - a].join("-"), &text.join(" "), h < a);
                        b.push(ws, h, j, ent, Form::Name);
                    }
                    continue;
                }
            }
            if keys.len() == 1 {
                // A surname alone: the longer name of this article that ends with it.
                let longer = keyed
                    .iter()
                    .zip(&unknown)
                    .find(|(o, _)| o.len() > 1 && o.last() == keys.last());
                if let Some((o, _)) = longer {
                    let id = o.join("-");
                    if let Some(&ent) = b.ids.get(&id) {
                        b.push(ws, h, e, ent, Form::Name);
                        continue;
                    }
                    let name = o.join(" ");
                    let ent = b.unknown(&id, &name, h < a);
                    b.push(ws, h, e, ent, Form::Name);
                    continue;
                }
                // A common word capitalised alone is a headline or a sentence start, unless
                // it stands capitalised in running text ("l'Alliance démocratique").
                let lower = |w: Option<&Word>| w.is_some_and(|w| w.text.chars().next().is_some_and(char::is_lowercase));
                let running = a > 0
                    && !initial(ws, a)
                    && lower(ws.get(a - 1))
                    && lower(ws.get(e))
                    && ws.get(e).is_some_and(|n| n.joined());
                if (self.common.contains(ws[a].fold.as_ref()) && !running) || keys[0].len() < 3 {
                    continue;
                }
            }
            let text: Vec<&str> = ws[a..e].iter().map(|w| w.text).collect();
            let id = keys.join("-");
            let ent = b.unknown(&id, &text.join(" "), h < a);
            b.push(ws, h, e, ent, Form::Name);
        }
        self.roles_of_named(ws, &mut pk, &mut b);
        b.out.mentions.sort_by_key(|m| m.start);
        b.out
    }

    /// "le président ukrainien" after "Volodymyr Zelensky": a role joins the entity the
    /// article names (the latest one named, when a role has had several holders).
    fn roles_of_named(&self, ws: &[Word], pk: &mut Keys, b: &mut Builder) {
        let mut i = 0;
        let mut buf = String::with_capacity(64);
        while i < ws.len() {
            if !(ws[i].is_capitalised() || self.lower_starts.contains(ws[i].fold.as_ref()))
                || !self.role_starts.contains(pk.get(ws, i))
            {
                i += 1;
                continue;
            }
            let mut found = None;
            buf.clear();
            for j in i..(i + self.max_role_words).min(ws.len()) {
                if j > i {
                    if !ws[j].joined() {
                        break;
                    }
                    buf.push(' ');
                }
                buf.push_str(pk.get(ws, j));
                if let Some(list) = self.roles.get(buf.as_str()) {
                    found = Some((j + 1, list));
                }
            }
            let Some((end, list)) = found else {
                i += 1;
                continue;
            };
            let start_char = ws[i].start;
            // The holder named last before the role.
            let holder = b
                .out
                .mentions
                .iter()
                .filter(|m| m.start < start_char)
                .filter(|m| list.iter().any(|&k| self.known(k).id == b.out.entities[m.entity].id))
                .max_by_key(|m| m.start)
                .map(|m| m.entity);
            if let Some(ent) = holder {
                let (a, e) = (ws[i].start, ws[end - 1].end);
                b.out.mentions.retain(|m| m.end <= a || m.start >= e);
                b.push(ws, i, end, ent, Form::Description);
            }
            i = end;
        }
    }

    /// The longest alias starting at word `i`, as (word count, alias).
    fn phrase_at(&self, ws: &[Word], pk: &mut Keys, i: usize) -> Option<(usize, crate::gazetteer::Alias)> {
        if !(ws[i].is_capitalised() || self.lower_starts.contains(ws[i].fold.as_ref()))
            || !self.starts.contains(pk.get(ws, i))
        {
            return None;
        }
        // The keys of words i.. joined by spaces, and where each prefix ends.
        let mut buf = String::with_capacity(64);
        let mut ends = Vec::with_capacity(self.max_words);
        buf.push_str(pk.get(ws, i));
        ends.push(buf.len());
        for j in i + 1..(i + self.max_words).min(ws.len()) {
            if !ws[j].joined() {
                break;
            }
            buf.push(' ');
            buf.push_str(pk.get(ws, j));
            ends.push(buf.len());
        }
        for n in (1..=ends.len()).rev() {
            if let Some(list) = self.phrases.get(&buf[..ends[n - 1]]) {
                let cased_ok = ws[i].is_capitalised();
                if let Some(a) = list.iter().find(|a| !a.cased || cased_ok) {
                    return Some((n, *a));
                }
            }
        }
        None
    }

    /// The end of the proper name starting at `i`: capitalised words joined by spaces or
    /// hyphens, with particles inside.
    fn name_run(&self, ws: &[Word], i: usize) -> usize {
        let mut end = i + 1;
        let mut j = i + 1;
        while j < ws.len() && ws[j].joined() {
            let w = &ws[j];
            if w.is_capitalised() && !w.is_number() {
                if FUNCTION.contains(&w.fold.as_ref()) {
                    break; // "Bbc Le russe": an article starts a new phrase
                }
                j += 1;
                end = j;
            } else if PARTICLES.contains(&w.fold.as_ref())
                && ws.get(j + 1).is_some_and(|n| n.joined() && n.is_capitalised())
            {
                j += 1;
            } else if w.gap.contains('-') && w.fold.len() <= 3 && w.text.chars().all(char::is_lowercase) {
                // "Kim Jong-un": a lower-case syllable after a hyphen
                j += 1;
                end = j;
            } else {
                break;
            }
        }
        // An elided word ("Jusqu'à", "Aujourd'hui") is no name.
        if ws
            .get(i + 1)
            .is_some_and(|n| n.gap.ends_with(['\'', '\u{2019}']) && !n.is_capitalised())
        {
            return i;
        }
        // A sentence-initial ordinary word ("Selon", "Les", "Frappes") starts no name.
        if (initial(ws, i) && self.ordinary.contains(ws[i].fold.as_ref())) || FUNCTION.contains(&ws[i].fold.as_ref()) {
            return i;
        }
        end
    }

    /// A known person or place one spelling slip away: the last word's key equal or within
    /// one edit (for keys of 6 letters or more), and the first names compatible.
    fn fuzzy_match(&self, keys: &[String]) -> Option<u32> {
        let last = keys.last()?;
        if last.len() < 5 {
            return None;
        }
        let mut best: Option<(u32, usize)> = None;
        let first = *last.as_bytes().first()?;
        let candidates = (last.len() - 1..=last.len() + 1)
            .filter_map(|n| self.fuzzy_index.get(&(first, n)))
            .flatten();
        for f in candidates.map(|&k| &self.fuzzy[k as usize]) {
            let exact = &f.last == last;
            // One slip leaves the first two or the last two letters alone.
            let n = last.len().min(f.last.len());
            let plausible = n >= 6
                && (f.last.as_bytes()[..2] == last.as_bytes()[..2]
                    || f.last.as_bytes()[f.last.len() - 2..] == last.as_bytes()[last.len() - 2..]);
            if !(exact || (plausible && close(&f.last, last, 1))) {
                continue;
            }
            let firsts = &keys[..keys.len() - 1];
            let ok = match (firsts.is_empty(), f.first.is_empty()) {
                (true, _) => exact || f.first.is_empty(),
                (false, true) => false,
                (false, false) => {
                    firsts.len() == f.first.len()
                        && firsts
                            .iter()
                            .zip(&f.first)
                            .all(|(a, b)| a.as_bytes().first() == b.as_bytes().first() && close(a, b, 2))
                }
            };
            if !ok {
                continue;
            }
            let score = usize::from(!exact);
            if best.is_none_or(|(_, s)| score < s) {
                best = Some((f.entity, score));
            }
        }
        best.map(|(e, _)| e)
    }
}

/// Words' spelling-tolerant keys, in one arena, each computed when first asked for.
struct Keys {
    arena: String,
    spans: Vec<(u32, u32)>,
}

impl Keys {
    const NONE: (u32, u32) = (u32::MAX, 0);

    fn new(n: usize) -> Self {
        Keys {
            arena: String::with_capacity(n * 2),
            spans: vec![Self::NONE; n],
        }
    }

    fn get(&mut self, ws: &[Word], i: usize) -> &str {
        if self.spans[i] == Self::NONE {
            let a = self.arena.len();
            phonetic_into(&ws[i].fold, &mut self.arena);
            self.spans[i] = (a as u32, self.arena.len() as u32);
        }
        let (a, b) = self.spans[i];
        &self.arena[a as usize..b as usize]
    }
}

/// A word of an all-capitals headline: names there are not told from other words.
fn headline(ws: &[Word], i: usize) -> bool {
    let caps = |w: &Word| w.is_all_caps();
    caps(&ws[i]) && (ws.get(i + 1).is_some_and(caps) || (i > 0 && caps(&ws[i - 1])))
}

struct Builder<'g> {
    g: &'g Gazetteer,
    out: Linked,
    ids: FxHashMap<String, usize>,
}

impl Builder<'_> {
    fn mention(&mut self, ws: &[Word], a: usize, e: usize, known: u32, form: Form) {
        let k = self.g.known(known);
        let ent = match self.ids.get(&k.id) {
            Some(&x) => x,
            None => {
                self.out.entities.push(LinkedEntity {
                    id: k.id.clone(),
                    name: k.name.clone(),
                    kind: k.kind.clone(),
                    country: k.country.clone(),
                    capital_of: k.capital_of.clone(),
                    known: true,
                });
                self.ids.insert(k.id.clone(), self.out.entities.len() - 1);
                self.out.entities.len() - 1
            }
        };
        self.push(ws, a, e, ent, form);
    }

    fn unknown(&mut self, id: &str, name: &str, person: bool) -> usize {
        let id = slug(id);
        if let Some(&x) = self.ids.get(&id) {
            return x;
        }
        self.out.entities.push(LinkedEntity {
            id: id.clone(),
            name: name.to_string(),
            kind: if person { "person".into() } else { "name".into() },
            country: None,
            capital_of: None,
            known: false,
        });
        self.ids.insert(id, self.out.entities.len() - 1);
        self.out.entities.len() - 1
    }

    fn push(&mut self, ws: &[Word], a: usize, e: usize, entity: usize, form: Form) {
        self.out.mentions.push(Mention {
            start: ws[a].start,
            end: ws[e - 1].end,
            first_word: a,
            end_word: e,
            entity,
            form,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::{words, Gazetteer};
    use std::sync::OnceLock;

    fn gaz() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::builtin().unwrap())
    }

    /// (mention text, entity id) in text order.
    fn linked(text: &str) -> Vec<(String, String)> {
        let ws = words(text);
        let l = gaz().link(&ws);
        l.mentions
            .iter()
            .map(|m| {
                (
                    text.chars().skip(m.start).take(m.end - m.start).collect(),
                    l.entities[m.entity].id.clone(),
                )
            })
            .collect()
    }

    fn id_of<'a>(found: &'a [(String, String)], text: &str) -> Option<&'a str> {
        found.iter().find(|(t, _)| t == text).map(|(_, id)| id.as_str())
    }

    #[test]
    fn transliterations_and_typos_meet_one_person() {
        let f = linked(
            "Le président Volodymyr Zelenskyy a parlé. Plus tard, Voldymyr Zelenski a répondu, et Zelensky a conclu.",
        );
        let ids: Vec<_> = ["Volodymyr Zelenskyy", "Voldymyr Zelenski", "Zelensky"]
            .iter()
            .map(|t| id_of(&f, t))
            .collect();
        assert!(ids.iter().all(|i| *i == Some("volodymyr-zelensky")), "{f:?}");
    }

    #[test]
    fn french_and_english_place_names_meet() {
        let f = linked("Des combats à Koursk. Fighting in Kursk. Frappes sur Kharkov, strikes on Kharkiv.");
        assert_eq!(id_of(&f, "Koursk"), id_of(&f, "Kursk"));
        assert!(id_of(&f, "Koursk").is_some());
        assert_eq!(id_of(&f, "Kharkov"), id_of(&f, "Kharkiv"));
    }

    #[test]
    fn honorific_belongs_to_the_mention() {
        let f = linked("Le secrétaire général Mark Rutte est arrivé. M. Rutte a ensuite parlé.");
        assert_eq!(id_of(&f, "M. Rutte"), Some("mark-rutte"), "{f:?}");
        assert_eq!(id_of(&f, "Mark Rutte"), Some("mark-rutte"));
    }

    #[test]
    fn unknown_names_merge_across_spellings_and_surnames() {
        let f = linked(
            "L'ambassadeur Anatoli Berezovski a été convoqué. Anatoly Berezovsky a nié. Berezovski est reparti.",
        );
        let a = id_of(&f, "Anatoli Berezovski").expect("unknown name found");
        assert_eq!(id_of(&f, "Anatoly Berezovsky"), Some(a), "{f:?}");
        assert_eq!(id_of(&f, "Berezovski"), Some(a));
    }

    #[test]
    fn a_capital_is_a_city_not_its_country() {
        let f = linked("Moscou et la Russie ; Kiev et l'Ukraine.");
        assert_eq!(id_of(&f, "Russie"), Some("russia"));
        assert_ne!(id_of(&f, "Moscou"), Some("russia"));
        assert_ne!(id_of(&f, "Kiev"), Some("ukraine"));
        assert_eq!(id_of(&f, "Kiev"), id_of(&f, "Kyiv").or(id_of(&f, "Kiev")));
    }

    #[test]
    fn acronyms_match_in_capitals_only() {
        let f = linked("Selon l'OTAN et NATO, la décision des US. Let us go.");
        assert_eq!(id_of(&f, "OTAN"), id_of(&f, "NATO"));
        assert!(id_of(&f, "OTAN").is_some());
        assert_eq!(id_of(&f, "US"), Some("united-states"));
        assert_eq!(id_of(&f, "us"), None);
    }

    #[test]
    fn demonyms_name_their_country() {
        let f = linked("des soldats nord-coréens et des blessés nord-coréennes ; North Korean soldiers");
        assert_eq!(id_of(&f, "nord-coréens"), Some("north-korea"));
        assert_eq!(id_of(&f, "nord-coréennes"), Some("north-korea"));
        assert_eq!(id_of(&f, "North Korean"), Some("north-korea"));
    }

    #[test]
    fn a_role_joins_the_person_the_article_names() {
        let f = linked("Volodymyr Zelensky est arrivé à Bruxelles. Le président ukrainien a ensuite parlé.");
        assert_eq!(id_of(&f, "président ukrainien"), Some("volodymyr-zelensky"), "{f:?}");
        let f = linked("Le président ukrainien a parlé.");
        assert_eq!(id_of(&f, "président ukrainien"), None, "no holder named: no guess");
    }

    #[test]
    fn sentence_starts_and_elisions_are_not_names() {
        let f = linked("Selon la police, rien. Jusqu'à présent, Aujourd'hui encore.");
        assert!(
            f.iter().all(|(t, _)| t != "Selon" && t != "Jusqu" && t != "Aujourd"),
            "{f:?}"
        );
    }
}
