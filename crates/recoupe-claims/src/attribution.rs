//! Who says it: the reporting structures of French and English news.
//!
//! Three shapes cover nearly all of it: a source before a reporting verb ("Les services
//! de renseignement indiquent que…", "officials said"), a source after an inverted verb
//! at the end of the sentence ("…, a annoncé la police", "…, a-t-il déclaré", "said the
//! minister"), and a prepositional source ("selon X", "d'après X", "according to X").
//! "la même source" and subject pronouns are resolved against the sources already read.

use crate::lexicon::Lexicon;
use crate::{Ctx, Sent, Source};
use recoupe_entities::Word;
use recoupe_recognize::Kind as RKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// "selon X", "according to X".
    According,
    /// A source before its reporting verb.
    Verb,
    /// A source after its reporting verb, or a pronoun after an inverted verb.
    Inverted,
}

/// An attribution as found in one sentence, before pronouns are resolved.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    pub kind: Kind,
    /// The word of the verb or preposition.
    pub at: usize,
    /// The source's words.
    pub np: (usize, usize),
    pub pronoun: bool,
    pub same: bool,
    /// "je peux confirmer", "we know": the speaker of the quote.
    pub first_person: bool,
    pub deny: bool,
    pub hedged: bool,
    pub cites: Option<(usize, usize)>,
}

/// An attribution with its source resolved.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub kind: Kind,
    pub at: usize,
    pub source: Option<Source>,
    pub deny: bool,
    pub hedged: bool,
    pub cites: Option<Source>,
}

const BOUNDARY: &[char] = &[
    ',', ';', ':', '(', ')', '«', '»', '“', '”', '"', '.', '!', '?', '—', '–', '…', '[', ']', '\n',
];

pub(crate) fn boundary(gap: &str) -> bool {
    gap.contains(BOUNDARY)
}

/// Honorifics whose abbreviation point ends no sentence or clause ("M. Rutte").
const HONORIFICS: &[&str] = &[
    "m", "mme", "mlle", "mr", "mrs", "ms", "dr", "me", "mgr", "pr", "st", "gen", "col", "lt", "sgt", "gov", "sen",
    "rep",
];

/// A clause boundary before word `k`, except the point of an honorific.
pub(crate) fn brk(ws: &[Word], k: usize) -> bool {
    let g = ws[k].gap;
    boundary(g)
        && !(g.trim() == "." && k > 0 && ws[k - 1].is_capitalised() && HONORIFICS.contains(&ws[k - 1].fold.as_ref()))
}

/// The first word of the clause holding word `i`: after punctuation or a complementiser.
pub(crate) fn clause_start(ws: &[Word], lex: &Lexicon, wa: usize, i: usize) -> usize {
    let mut k = i;
    while k > wa {
        if let Some(open) = parenthesis_before(ws, wa, k) {
            // "le renseignement militaire ukrainien (HUR) a annoncé": the aside belongs to
            // the phrase before it
            k = open;
            continue;
        }
        if brk(ws, k) || lex.openers.has(&ws[k - 1].fold) {
            break;
        }
        k -= 1;
    }
    k
}

/// When a short aside in parentheses closes just before word `k`, the word that opens it.
fn parenthesis_before(ws: &[Word], wa: usize, k: usize) -> Option<usize> {
    let g = ws[k].gap.trim();
    if g != ")" {
        return None;
    }
    (k.saturating_sub(6).max(wa)..k)
        .rev()
        .find(|&j| ws[j].gap.trim_end().ends_with('(') && !ws[j].gap.contains([',', '.', ';']))
}

/// Punctuation before a verb that makes the source follow it ("…, a annoncé la police").
fn opens_inversion(gap: &str) -> bool {
    gap.contains([',', ';', ':', '«', '»', '“', '”', '"', '—', '–'])
}

/// One past the last word of the clause starting at or containing `i`.
pub(crate) fn clause_end(ws: &[Word], lex: &Lexicon, i: usize, wb: usize) -> usize {
    let mut k = i + 1;
    while k < wb {
        if brk(ws, k) || lex.openers.has(&ws[k].fold) || lex.coordinators.has(&ws[k].fold) {
            break;
        }
        k += 1;
    }
    k.min(wb)
}

fn in_date(s: &Sent, w: &Word) -> bool {
    s.spans.iter().any(|r| {
        matches!(r.kind, RKind::Date | RKind::Datetime | RKind::Time | RKind::Set)
            && r.start <= w.start
            && w.end <= r.end
    })
}

fn adverb(lex: &Lexicon, w: &Word) -> bool {
    (w.fold.len() > 5 && w.fold.ends_with("ment") && !lex.speech.has(&w.fold)) || lex.adverbs.has(&w.fold)
}

/// The source after an inverted verb: dates, adverbs and an addressee ("à l'AFP") skipped.
fn np_after(ctx: &Ctx, lex: &Lexicon, s: &Sent, mut i: usize) -> (usize, usize) {
    let ws = ctx.ws;
    while i < s.wb && !brk(ws, i) && (in_date(s, &ws[i]) || adverb(lex, &ws[i])) {
        i += 1;
    }
    if i < s.wb && !brk(ws, i) && lex.addressee.has(&ws[i].fold) {
        // "a déclaré à l'AFP un responsable": skip the addressee up to the next determiner
        let mut k = i + 1;
        while k < s.wb && k < i + 5 && !brk(ws, k) {
            if k > i + 1 && lex.determiners.has(&ws[k].fold) && !ws[k - 1].gap.contains('\'') && ws[k - 1].fold != "l" {
                break;
            }
            k += 1;
        }
        if k < s.wb && !brk(ws, k) {
            i = k;
        }
    }
    np_from(ctx, lex, s, i)
}

/// A noun phrase from word `i`: up to punctuation, a verb or a word outside noun phrases.
pub(crate) fn np_from(ctx: &Ctx, lex: &Lexicon, s: &Sent, i: usize) -> (usize, usize) {
    let ws = ctx.ws;
    let mut k = i;
    while k < s.wb && k < i + 12 {
        let w = &ws[k];
        if k > i && brk(ws, k) {
            break;
        }
        if k == i && w.gap.contains(['«', '“', '"', '(']) && k > s.wa {
            break;
        }
        let inside = lex.np_words.has(&w.fold) || ctx.linked.at_word(k).is_some();
        if k > i && lex.citing.at(ws, k, s.wb).is_some() {
            break; // "Radio Sorne, citant la gendarmerie": the cited source is apart
        }
        let noun = lex.source_nouns.has(&w.fold) || lex.category(&w.fold).is_some();
        if !inside && (lex.stop.has(&w.fold) || (lex.speech.has(&w.fold) && !noun) || lex.aux.has(&w.fold)) {
            break;
        }
        if !inside && in_date(s, w) {
            break;
        }
        k += 1;
    }
    // no trailing "et", "de"
    while k > i && lex.np_words.has(&ws[k - 1].fold) && ctx.linked.at_word(k - 1).is_none() {
        k -= 1;
    }
    (i, k)
}

/// The subject before a verb group starting at `g`.
fn np_before(ctx: &Ctx, lex: &Lexicon, s: &Sent, g: usize) -> (usize, usize) {
    let ws = ctx.ws;
    let mut a = clause_start(ws, lex, s.wa, g);
    while a < g && (lex.coordinators.has(&ws[a].fold) || adverb(lex, &ws[a])) {
        a += 1;
    }
    let mut b = g;
    while b > a
        && (in_date(s, &ws[b - 1])
            || adverb(lex, &ws[b - 1])
            || lex.negations.has(&ws[b - 1].fold)
            || lex.clitics.has(&ws[b - 1].fold))
    {
        b -= 1;
    }
    // A source of one letter or two is a clitic left over ("s'est"), not a phrase.
    if b == a + 1 && ws[a].text.chars().count() <= 2 && !ws[a].is_all_caps() && !lex.pronouns.has(&ws[a].fold) {
        return (a, a);
    }
    if a == b && a > s.wa && ws[a].gap.trim() == "," {
        // "Le porte-parole du Kremlin, Dmitri Peskov, a rejeté": the subject and its
        // apposition, each between commas
        let mut k = a;
        for _ in 0..2 {
            let prev = clause_start(ws, lex, s.wa, k - 1);
            if k - prev > 8 || lex.openers.has(&ws[prev.saturating_sub(1)].fold) && prev > s.wa {
                break;
            }
            k = prev;
            if k == s.wa || ws[k].gap.trim() != "," {
                break;
            }
        }
        if k < a && (k == s.wa || !lex.openers.has(&ws[k - 1].fold)) {
            a = k;
        }
    }
    if b - a > 14 {
        a = b - 14;
    }
    // A subject holds no verb: "La Corée du Sud a convoqué l'ambassadeur pour dénoncer".
    if (a..b).any(|k| lex.aux.has(&ws[k].fold) || lex.speech.has(&ws[k].fold) || lex.sending.has(&ws[k].fold)) {
        return (a, a);
    }
    (a, b)
}

/// The attributions of one sentence.
pub(crate) fn find(ctx: &Ctx, lex: &Lexicon, s: &Sent) -> Vec<Attr> {
    let ws = ctx.ws;
    let mut out: Vec<Attr> = Vec::new();
    let mut i = s.wa;
    while i < s.wb {
        if let Some(n) = lex.according.at(ws, i, s.wb) {
            let np = np_from(ctx, lex, s, i + n);
            if np.1 > np.0 {
                let same =
                    lex.same_source.at(ws, np.0, np.1).is_some() || lex.same_source.at(ws, np.0 + 1, np.1).is_some();
                out.push(Attr {
                    kind: Kind::According,
                    at: i,
                    np,
                    pronoun: false,
                    same,
                    first_person: false,
                    deny: false,
                    hedged: false,
                    cites: None,
                });
                i = np.1;
                continue;
            }
        }
        if let Some(n) = lex.citing.at(ws, i, s.wb) {
            let np = np_from(ctx, lex, s, i + n);
            if np.1 > np.0 {
                if let Some(last) = out.last_mut() {
                    last.cites = Some(np);
                }
                i = np.1;
                continue;
            }
        }
        let n = match lex.speech.at(ws, i, s.wb) {
            Some(n) => n,
            None => {
                i += 1;
                continue;
            }
        };
        let v = i;
        let after = v + n;
        // "pour dénoncer", "de confirmer", "peut confirmer": an infinitive, not a report
        if v > s.wa && !brk(ws, v) && lex.infinitive_markers.has(&ws[v - 1].fold) {
            i = after;
            continue;
        }
        let mut g = v;
        while g > s.wa {
            let p = &ws[g - 1];
            if brk(ws, g) {
                break;
            }
            if lex.aux.has(&p.fold)
                || lex.semi_aux.has(&p.fold)
                || p.fold == "t"
                || lex.inversion.has(&p.fold)
                || adverb(lex, p)
                || lex.negations.has(&p.fold)
            {
                g -= 1;
            } else {
                break;
            }
        }
        let group_words = &ws[g..after];
        let hedged = group_words
            .iter()
            .any(|w| lex.is_conditional(&w.fold) || lex.modal.has(&w.fold));
        let deny = lex.deny.has(&ws[v].fold);
        let mut attr = Attr {
            kind: Kind::Verb,
            at: v,
            np: (0, 0),
            pronoun: false,
            same: false,
            first_person: false,
            deny,
            hedged,
            cites: None,
        };
        // "a-t-il déclaré", "ajoute-t-elle", "dit-il"
        let pron_before = v >= 2 && lex.inversion.has(&ws[v - 1].fold) && ws[v - 2].fold == "t";
        let pron_after = (after + 1 < s.wb && ws[after].fold == "t" && lex.inversion.has(&ws[after + 1].fold))
            || (after < s.wb && ws[after].gap == "-" && lex.inversion.has(&ws[after].fold));
        let participle = {
            let f = ws[v].fold.as_ref();
            n == 1
                && ((s.lang == recoupe_recognize::Lang::En && f.ends_with("ing"))
                    || (s.lang == recoupe_recognize::Lang::Fr && f.ends_with("ant")))
        };
        if participle && (opens_inversion(ws[g].gap) || g == s.wa) {
            // ", saying…", ", affirmant que…": the sentence's own subject speaks
            attr.np = (g, g);
            attr.pronoun = true;
        } else if pron_before || pron_after {
            let p = if pron_before {
                v - 1
            } else if ws[after].fold == "t" {
                after + 1
            } else {
                after
            };
            attr.kind = Kind::Inverted;
            attr.np = (p, p + 1);
            attr.pronoun = true;
        } else if opens_inversion(ws[g].gap) || g == s.wa {
            let np = np_after(ctx, lex, s, after);
            attr.kind = Kind::Inverted;
            if np.1 > np.0 {
                attr.np = np;
            } else if g > s.wa {
                // ", affirmant que…": the subject is the sentence's, already read
                attr.np = (g, g);
                attr.pronoun = true;
            } else {
                i = after;
                continue;
            }
        } else {
            let mut np = np_before(ctx, lex, s, g);
            if np.1 <= np.0 && g > s.wa + 1 && lex.relatives.has(&ws[g - 1].fold) {
                // ", a affirmé un porte-parole, qui évoque…": the relative's antecedent
                let end = g - 1;
                let start = clause_start(ws, lex, s.wa, end - 1);
                np = np_from(ctx, lex, s, start);
                np.1 = np.1.min(end);
            }
            if np.1 <= np.0 {
                i = after;
                continue;
            }
            attr.np = np;
            attr.pronoun = np.1 - np.0 == 1 && lex.pronouns.has(&ws[np.0].fold);
            attr.first_person = np.1 - np.0 == 1 && lex.first_person.has(&ws[np.0].fold);
        }
        if lex.same_source.at(ws, attr.np.0, attr.np.1).is_some()
            || lex.same_source.at(ws, attr.np.0 + 1, attr.np.1).is_some()
        {
            attr.same = true;
        }
        out.push(attr);
        i = after;
    }
    out
}

/// Resolves "la même source" and pronouns against what was read before.
pub(crate) fn resolve(ctx: &mut Ctx, attrs: &[Attr]) -> Vec<Resolved> {
    let mut out: Vec<Resolved> = Vec::with_capacity(attrs.len());
    // The speaker named after a quote speaks for its "je" and "nous".
    let speaker = attrs
        .iter()
        .find(|a| a.kind == Kind::Inverted && !a.pronoun && !a.same)
        .map(|a| source_of(ctx, a.np));
    for a in attrs {
        let source = if a.same {
            ctx.last_source.clone()
        } else if a.first_person {
            speaker.clone().or_else(|| ctx.last_person.clone())
        } else if a.pronoun {
            let p = ctx.ws.get(a.np.0).map(|w| w.fold.as_ref()).unwrap_or("");
            if a.np.0 == a.np.1 {
                // ", affirmant que…": the sentence's own subject, else the last source
                out.iter()
                    .find(|r| r.kind == Kind::Verb)
                    .and_then(|r| r.source.clone())
                    .or_else(|| ctx.last_source.clone())
            } else if matches!(p, "ils" | "elles" | "they" | "on") {
                ctx.last_source.clone()
            } else {
                ctx.last_person
                    .clone()
                    .or_else(|| last_named_person(ctx, a.np.0))
                    .or_else(|| ctx.last_source.clone())
            }
        } else {
            Some(source_of(ctx, a.np))
        };
        let cites = a.cites.map(|np| source_of(ctx, np));
        if let Some(s) = &source {
            ctx.last_source = Some(s.clone());
            if s.person {
                ctx.last_person = Some(s.clone());
            }
        }
        out.push(Resolved {
            kind: a.kind,
            at: a.at,
            source,
            deny: a.deny,
            hedged: a.hedged,
            cites,
        });
    }
    out
}

/// The last person named before word `w` ("Le général Ivan Petrenko … a-t-il reconnu").
fn last_named_person(ctx: &Ctx, w: usize) -> Option<Source> {
    let m = ctx
        .linked
        .mentions
        .iter()
        .rev()
        .filter(|m| m.end_word <= w)
        .take(12)
        .find(|m| {
            let e = &ctx.linked.entities[m.entity];
            e.kind == "person" || (e.kind == "name" && m.end_word - m.first_word > 1)
        })?;
    Some(Source {
        a: m.first_word,
        b: m.end_word,
        entity: Some(m.entity),
        person: true,
    })
}

pub(crate) fn source_of(ctx: &Ctx, np: (usize, usize)) -> Source {
    let entity = ctx.entity_in(np.0, np.1);
    let person = entity.is_some_and(|e| ctx.linked.entities[e].kind == "person");
    Source {
        a: np.0,
        b: np.1,
        entity,
        person,
    }
}

/// Keeps the people named in a sentence for the pronouns of the next ones.
pub(crate) fn remember(ctx: &mut Ctx, resolved: &[Resolved]) {
    if let Some(s) = resolved.iter().rev().find_map(|r| r.source.clone()) {
        ctx.last_source = Some(s);
    }
}
