//! One sentence's claims: the counted noun after the figure, its category, whose, where,
//! how firmly, and the source chosen among the sentence's attributions.

use crate::attribution::{brk, clause_end, clause_start, np_from, source_of, Attr, Kind, Resolved};
use crate::lexicon::Lexicon;
use crate::{Ctx, Sent};
use recoupe_entities::Form;
use recoupe_model::{Claim, Modality, Ref, Span, Stance, Statement, Value};
use recoupe_recognize::{Kind as RKind, Recognized, TimeValue, Value as RValue};

/// The value of a recognised figure, and whether it is approximate.
fn value_of(r: &Recognized) -> Option<(Value, bool)> {
    let v = |exact, min, max| Value { exact, min, max };
    match (&r.kind, &r.value) {
        (RKind::Number, RValue::Number(n)) => Some((v(Some(*n), None, None), false)),
        (
            RKind::Range | RKind::Money,
            RValue::Range {
                min, max, approx, unit, ..
            },
        ) => {
            if r.kind == RKind::Range && unit.is_some() {
                return None; // percentages, ages
            }
            match (min, max) {
                (Some(a), Some(b)) if a == b => Some((v(Some(*a), None, None), *approx)),
                (None, None) => None,
                _ => Some((v(None, *min, *max), *approx)),
            }
        }
        (RKind::Money, RValue::Quantity { amount, .. }) => Some((v(Some(*amount), None, None), false)),
        _ => None,
    }
}

const ARTICLES: &[&str] = &["un", "une", "a", "an"];

pub(crate) fn sentence_claims(
    ctx: &mut Ctx,
    lex: &Lexicon,
    s: &Sent,
    resolved: &[Resolved],
    next_trailing: Option<&Attr>,
    out: &mut Vec<Claim>,
) {
    let ws = ctx.ws;
    for r in &s.spans {
        let Some((value, approx)) = value_of(r) else { continue };
        let q0 = ws.partition_point(|w| w.start < r.start);
        let q1 = ws.partition_point(|w| w.start < r.end);
        if q0 >= q1 || q1 > s.wb {
            continue;
        }
        let digits = ws[q0..q1].iter().any(|w| w.is_number());
        if q1 - q0 == 1 && ARTICLES.contains(&ws[q0].fold.as_ref()) {
            continue;
        }
        // "les deux pays": a definite reference to things already counted
        if !digits && q0 > s.wa && lex.definite.has(&ws[q0 - 1].fold) && !brk(ws, q0) {
            continue;
        }
        let money = r.kind == RKind::Money;
        // "magnitude 6,3", "a third": a count is a whole number
        if !money
            && value
                .exact
                .or(value.min)
                .or(value.max)
                .is_some_and(|v| v.fract() != 0.0)
        {
            continue;
        }
        // "the 2022 floods", "les 2024": a year, not a count
        let year = q1 - q0 == 1
            && ws[q0].text.len() == 4
            && ws[q0].text.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&ws[q0].text.parse::<u32>().unwrap_or(0));
        if year
            && q0 > s.wa
            && (lex.definite.has(&ws[q0 - 1].fold)
                || lex.determiners.has(&ws[q0 - 1].fold)
                || lex.partitive.has(&ws[q0 - 1].fold))
        {
            continue;
        }
        let Some((mut counted, head, category)) = counted(ctx, lex, s, q0, q1, money) else {
            continue;
        };
        if money {
            // "€80 million": the currency, not the scale word
            if let RValue::Quantity { unit, .. } | RValue::Range { unit: Some(unit), .. } = &r.value {
                if lex.category(&ws[head].fold) != Some("money") {
                    counted = unit.to_lowercase();
                }
            }
        }
        let cs = clause_start(ws, lex, s.wa, q0);
        let ce = clause_end(ws, lex, head.max(q1.saturating_sub(1)), s.wb);
        let category = refine(lex, ctx, category, head + 1, (ce + 4).min(s.wb));
        let source_attr = choose_source(resolved, q0);
        let source = source_attr
            .and_then(|a| a.source.clone())
            .or_else(|| next_trailing.map(|t| source_of(ctx, t.np)));
        let source_range = source.as_ref().map(|x| (x.a, x.b));
        let mut continue_actor: Option<Ref> = None;
        let mut location = location(ctx, lex, s, q0, head);
        // A place named earlier in the paragraph holds for the figures after it.
        match &location {
            Some((l, _)) => ctx.last_location = Some((l.clone(), s.para)),
            None => {
                if let Some((l, p)) = &ctx.last_location {
                    if *p == s.para && s.para.is_some() {
                        location = Some((l.clone(), usize::MAX));
                    }
                }
            }
        }
        let mut actor = actor(ctx, lex, s, q0, q1, head, source_range, location.as_ref().map(|l| l.1));
        // "12 000 soldats, dont 500 officiers et trois généraux": the part is the whole's.
        let part_of = out.last().filter(|c| c.sentence == s.span).filter(|_| {
            let p = q0.checked_sub(1).map(|p| &ws[p].fold);
            p.is_some_and(|p| lex.inclusion.has(p) || lex.coordinators.has(p))
        });
        let inherited = part_of.map(|c| (c.actor.clone(), c.location.clone()));
        // "Il a perdu 40 chars", "its 11,000 employees": the actor named just before.
        if actor.is_none() && inherited.is_none() && (cs..q1).any(|k| lex.anaphors.has(&ws[k].fold)) {
            if let Some((a, at)) = &ctx.last_actor {
                if s.span.start.saturating_sub(*at) < 800 {
                    continue_actor = Some(a.clone());
                }
            }
        }
        if let Some((_, l)) = &inherited {
            if within_np(ctx, lex, s, q1, head) {
                actor = None;
                if location.is_none() {
                    location = l.clone().map(|l| (l, usize::MAX));
                }
            }
        }
        let mut modality = modality(ctx, lex, s, cs, q0, q1, head + 1, ce, source_attr);
        if let Some(whole) = part_of {
            if modality == Modality::Asserted {
                modality = whole.modality; // "seraient détenus, dont 1 800 civils"
            }
        }
        let (when_text, said_on) = when(ctx, s, source_attr.map(|a| a.at), q0);
        ctx.last_counted = Some((counted.clone(), category.clone()));
        if let Some(a) = actor.map(|e| Ref {
            entity: Some(ctx.linked.entities[ctx.linked.mentions[e].entity].id.clone()),
            text: ctx
                .slice(ctx.linked.mentions[e].first_word, ctx.linked.mentions[e].end_word)
                .to_string(),
        }) {
            ctx.last_actor = Some((a, s.span.start));
        }
        ctx.last_counted_at = Some(s.span.start);
        out.push(Claim {
            span: Span::new(r.start, ws[head].end.max(r.end)),
            sentence: s.span,
            value,
            approx,
            counted,
            category,
            actor: actor
                .map(|e| Ref {
                    entity: Some(ctx.linked.entities[ctx.linked.mentions[e].entity].id.clone()),
                    text: ctx
                        .slice(ctx.linked.mentions[e].first_word, ctx.linked.mentions[e].end_word)
                        .to_string(),
                })
                .or_else(|| inherited.and_then(|(a, _)| a))
                .or(continue_actor),
            location: location.map(|(r, _)| r),
            source: source.as_ref().map(|x| ctx.to_ref(x)),
            modality,
            said_on,
            when_text,
            cites: source_attr.and_then(|a| a.cites.as_ref()).map(|c| ctx.to_ref(c)),
        });
    }
}

/// True when no owner is named inside the counted phrase (so the whole's owner holds).
fn within_np(ctx: &Ctx, lex: &Lexicon, s: &Sent, q1: usize, head: usize) -> bool {
    let ws = ctx.ws;
    let mut k = head + 1;
    while k < s.wb && k < head + 5 && !brk(ws, k) && !lex.stop.has(&ws[k].fold) {
        if ctx.linked.at_word(k).is_some() {
            return false;
        }
        k += 1;
    }
    !(q1..head).any(|k| ctx.linked.at_word(k).is_some())
}

/// The counted noun: the head noun after the figure (French: the first noun, with its
/// hyphenated parts; English: the noun ending its phrase, skipping adjectives and
/// demonyms), or, when the noun is left out ("dont 41 dans un état grave", "41 of which",
/// "the Pirates 19"), the noun counted just before or the subject of a copula.
fn counted(ctx: &Ctx, lex: &Lexicon, s: &Sent, q0: usize, q1: usize, money: bool) -> Option<(String, usize, String)> {
    let ws = ctx.ws;
    if money {
        let w = &ws[q1 - 1];
        return Some((w.text.to_string(), q1 - 1, "money".into()));
    }
    let en = s.lang == recoupe_recognize::Lang::En;
    let ok = |k: usize| -> bool {
        k < s.wb
            && !brk(ws, k)
            && (!ws[k].is_number() || ws[k].gap.contains('-'))
            && ws[k].text.chars().any(char::is_alphabetic)
            && !lex.stop.has(&ws[k].fold)
            && !s.spans.iter().any(|r| r.start <= ws[k].start && ws[k].end <= r.end)
    };
    let previous = || ctx.last_counted.clone();
    let mut j = q1;
    if let Some(n) = lex.pronoun_counted.at(ws, j, s.wb) {
        if !brk(ws, j) {
            let head = j + n - 1;
            return Some(match previous() {
                Some((c, cat)) => (c, head, cat),
                None => (ws[head].text.to_string(), head, "people".into()),
            });
        }
    }
    if j < s.wb && !brk(ws, j) {
        if let Some(n) = lex.partitive.at(ws, j, s.wb) {
            j += n;
            while j < s.wb && lex.definite.has(&ws[j].fold) {
                j += 1;
            }
            // "78 of the 200 seats": the noun of the whole
            if j < s.wb && ws[j].is_number() {
                j += 1;
            }
        }
    }
    let mut skipped = 0;
    while ok(j) && lex.prenominal.has(&ws[j].fold) && skipped < 2 {
        j += 1;
        skipped += 1;
    }
    if ok(j) {
        // Hyphenated parts belong to the word: "sapeurs-pompiers", "F-16", "pick-up".
        let word_end = |k: usize| {
            let mut e = k + 1;
            while e < s.wb && ws[e].gap == "-" {
                e += 1;
            }
            e
        };
        let mut run = vec![(j, word_end(j))];
        if en {
            while run.len() < 5 {
                let k = run.last().map_or(j, |r| r.1);
                let f = ws.get(k).map(|w| w.fold.as_ref()).unwrap_or("");
                if !ok(k)
                    || lex.np_words.has(f)
                    || lex.category(f).is_none() && (f.ends_with("ed") || f.ends_with("ing"))
                {
                    break;
                }
                let demonym = ctx.linked.at_word(k).is_some_and(|m| m.form == Form::Demonym);
                if ws[k].is_capitalised() && !demonym && !ws[run.last().map_or(j, |r| r.0)].is_capitalised() {
                    break; // "earthquake struck Malatya": a name after a common noun
                }
                run.push((k, word_end(k)));
            }
        }
        let categorised = |&(a, e): &(usize, usize)| {
            lex.category(&compound(ctx, a, e))
                .or_else(|| lex.category(&ws[e - 1].fold))
                .is_some()
        };
        let (ha, he) = if en {
            // English compounds end with their head: "university faculties", "grain silos"
            let last = run
                .iter()
                .rev()
                .find(|r| ctx.linked.at_word(r.0).is_none_or(|m| m.form != Form::Demonym))
                .copied();
            match last {
                Some(l) if categorised(&l) => l,
                _ => run.iter().copied().find(categorised).or(last).unwrap_or(run[0]),
            }
        } else {
            run[0]
        };
        let key = compound(ctx, ha, he);
        if let Some(m) = ctx.linked.at_word(ha) {
            let e = &ctx.linked.entities[m.entity];
            if m.form == Form::Demonym && ws[ha].is_capitalised() {
                // "8 000 Ukrainiens": people, theirs
                return Some((ctx.slice(m.first_word, m.end_word).to_string(), he - 1, "people".into()));
            }
            if m.form == Form::Name && e.kind != "country" && ws[ha].is_capitalised() {
                return None; // "Boeing 737", "Airbus A320": a figure before a name is not a count
            }
        }
        let cat = lex.category(&key).or_else(|| lex.category(&ws[he - 1].fold));
        let f = ws[ha].fold.as_ref();
        if cat.is_none()
            && (lex.time_units.has(f)
                || lex.adverbs.has(f)
                || f.ends_with("ement")
                || f.ends_with("amment")
                || f.ends_with("emment")
                || f.ends_with("ly"))
        {
            return None; // "près de trois ans", "toutes deux fortement"
        }
        let cat = cat.unwrap_or("other").to_string();
        return Some((ctx.slice(ha, he).to_string(), he - 1, cat));
    }
    // The noun left out. A copula's subject: "les manifestants étaient au plus 25 000".
    let cs = clause_start(ws, lex, s.wa, q0);
    if q0 > cs && (lex.copulas.has(&ws[q0 - 1].fold) || (q0 > cs + 1 && lex.copulas.has(&ws[q0 - 2].fold))) {
        if let Some(k) = (cs..q0).rev().find(|&k| lex.category(&ws[k].fold).is_some()) {
            let cat = lex.category(&ws[k].fold).unwrap_or("other").to_string();
            return Some((ws[k].text.to_string(), q1 - 1, cat));
        }
    }
    // The people named just before ("un certain nombre de Nord-Coréens … loin d'être 3 000").
    let prev_start = ws.partition_point(|w| w.end <= s.span.start.saturating_sub(400));
    let demonym = ctx
        .linked
        .mentions
        .iter()
        .rev()
        .filter(|m| m.first_word >= prev_start && m.end_word <= q0)
        .find(|m| {
            m.form == Form::Demonym && ws[m.first_word].is_capitalised() && m.first_word > 0 && !brk(ws, m.first_word)
        });
    let end_of_clause = q1 >= s.wb || brk(ws, q1);
    let copula =
        ws[q0..q1].iter().any(|w| lex.copulas.has(&w.fold)) || (q0 > s.wa && lex.copulas.has(&ws[q0 - 1].fold));
    if let (Some(m), true) = (demonym, end_of_clause && copula) {
        return Some((ctx.slice(m.first_word, m.end_word).to_string(), q1 - 1, "people".into()));
    }
    // Else the noun of the count just before, when the figure is set against it or is a
    // part of it ("contre 98 700", "dont 41", "tandis que 19 autres", "and the Pirates 19").
    let recent = ctx
        .last_counted_at
        .is_some_and(|at| s.span.start.saturating_sub(at) < 600);
    let trigger =
        (q0 > s.wa && lex.ellipsis_before.has(&ws[q0 - 1].fold)) || (q1 < s.wb && lex.ellipsis_after.has(&ws[q1].fold));
    if recent && trigger {
        let (c, cat) = previous()?;
        return Some((c, q1 - 1, cat));
    }
    None
}

/// The folded words `a..e` joined by hyphens, the key compound nouns are listed under.
fn compound(ctx: &Ctx, a: usize, e: usize) -> String {
    let mut k = String::new();
    for (i, w) in ctx.ws[a..e].iter().enumerate() {
        if i > 0 {
            k.push('-');
        }
        k.push_str(&w.fold);
    }
    k
}

/// "12 personnes ont été blessées": a generic count made a casualty count by its verb.
fn refine(lex: &Lexicon, ctx: &Ctx, category: String, a: usize, b: usize) -> String {
    if !matches!(
        category.as_str(),
        "people" | "civilians" | "troops" | "officers" | "generals" | "other"
    ) {
        return category;
    }
    let mut found: Vec<&str> = Vec::new();
    for (cat, p) in &lex.predicates {
        if p.find(ctx.ws, a, b).is_some() {
            found.push(cat);
        }
    }
    match found.as_slice() {
        [] => category,
        [one] => one.to_string(),
        many if many.contains(&"killed") && many.contains(&"wounded") => "casualties".into(),
        [first, ..] => first.to_string(),
    }
}

/// The source of a claim at word `q0`: a reporting verb before it (the nearest), then
/// "selon", then a source after it (inverted or trailing "officials said").
fn choose_source(resolved: &[Resolved], q0: usize) -> Option<&Resolved> {
    let with = |k: Kind| resolved.iter().filter(move |r| r.kind == k && r.source.is_some());
    with(Kind::Verb)
        .filter(|r| r.at < q0)
        .max_by_key(|r| r.at)
        .or_else(|| with(Kind::According).next())
        .or_else(|| with(Kind::Inverted).find(|r| r.at > q0))
        .or_else(|| with(Kind::Verb).find(|r| r.at > q0))
        .or_else(|| with(Kind::Inverted).next())
}

fn skip_dets_back(ctx: &Ctx, lex: &Lexicon, mut p: usize, wa: usize) -> usize {
    while p > wa && lex.determiners.has(&ctx.ws[p].fold) {
        p -= 1;
    }
    p
}

const PLACE_KINDS: &[&str] = &["place", "region", "city", "country"];

/// Where: a place after a locative preposition ("dans l'oblast de Koursk", "à Kursk",
/// "in Kharkiv"), or after the counted noun ("trois districts de Kharkiv"); after the
/// figure first, else before it.
fn location(ctx: &Ctx, lex: &Lexicon, s: &Sent, q0: usize, head: usize) -> Option<(Ref, usize)> {
    let ws = ctx.ws;
    let ms: Vec<usize> = (0..ctx.linked.mentions.len())
        .filter(|&i| {
            let m = &ctx.linked.mentions[i];
            let kind = ctx.linked.entities[m.entity].kind.as_str();
            m.first_word >= s.wa
                && m.end_word <= s.wb
                && m.form != Form::Demonym
                && (PLACE_KINDS.contains(&kind) || kind == "name")
                && !s.spans.iter().any(|r| r.start <= m.start && m.end <= r.end)
            // "on Monday"
        })
        .collect();
    let after = ms.iter().copied().filter(|&i| ctx.linked.mentions[i].first_word > head);
    let before = ms
        .iter()
        .copied()
        .rev()
        .filter(|&i| ctx.linked.mentions[i].end_word <= q0);
    for i in after.chain(before) {
        let m = &ctx.linked.mentions[i];
        if m.first_word <= s.wa {
            continue;
        }
        let kind = ctx.linked.entities[m.entity].kind.as_str();
        let mut p = skip_dets_back(ctx, lex, m.first_word - 1, s.wa);
        // "in central Belgrade", "dans l'est de l'Ukraine": an adjective or two
        let mut adjectives = 0;
        while adjectives < 2
            && p > s.wa
            && !brk(ws, p + 1)
            && ws[p].text.chars().all(char::is_lowercase)
            && !lex.stop.has(&ws[p].fold)
            && !lex.partitive.has(&ws[p].fold)
            && !lex.place_nouns.has(&ws[p].fold)
            && !lex.loc_preps.has(&ws[p].fold)
            && lex.category(&ws[p].fold).is_none()
        {
            p = skip_dets_back(ctx, lex, p - 1, s.wa);
            adjectives += 1;
        }
        let mut start = m.first_word;
        if lex.partitive.has(&ws[p].fold) && p > s.wa {
            let noun = p - 1;
            if lex.place_nouns.has(&ws[noun].fold) {
                start = noun;
                p = skip_dets_back(ctx, lex, noun.saturating_sub(1), s.wa);
            } else if noun == head && kind != "country" && kind != "name" {
                start = noun;
                p = noun; // "trois districts de Kharkiv"
            } else {
                continue;
            }
        }
        let after_prep =
            lex.loc_preps.at(ws, p, s.wb).is_some() || (p > s.wa && lex.loc_preps.at(ws, p - 1, s.wb) == Some(2));
        if (p == head && kind != "name") || after_prep {
            return Some((
                Ref {
                    entity: Some(ctx.linked.entities[m.entity].id.clone()),
                    text: ctx.slice(start, m.end_word).to_string(),
                },
                i,
            ));
        }
    }
    None
}

/// Whose: a country or capital qualifying the counted noun ("soldats nord-coréens",
/// "North Korean troops", "de la Corée du Nord"), else the nearest entity before the figure
/// that is not inside a prepositional phrase (the subject of "a envoyé", "prépare").
#[allow(clippy::too_many_arguments)]
fn actor(
    ctx: &Ctx,
    lex: &Lexicon,
    s: &Sent,
    q0: usize,
    q1: usize,
    head: usize,
    source: Option<(usize, usize)>,
    loc: Option<usize>,
) -> Option<usize> {
    let ws = ctx.ws;
    let linked = ctx.linked;
    let owner = |i: usize| {
        let e = &linked.entities[linked.mentions[i].entity];
        e.kind == "country" || e.capital_of.is_some() || matches!(e.kind.as_str(), "armed-group" | "agency" | "body")
    };
    // Within the noun phrase.
    let np_end = {
        let mut k = head + 1;
        while k < s.wb
            && k < head + 7
            && !brk(ws, k)
            && (!lex.stop.has(&ws[k].fold) || lex.partitive.has(&ws[k].fold) || lex.determiners.has(&ws[k].fold))
        {
            k += 1;
        }
        k
    };
    for (i, m) in linked.mentions.iter().enumerate() {
        let inside = (m.first_word >= q1 && m.end_word <= head)
            || (m.first_word > head && m.end_word <= np_end)
            || (m.form == Form::Demonym && m.first_word <= head && head < m.end_word);
        // "40 équipes de la Protection civile": an organisation the counted belong to
        let of_org = m.first_word > head + 1
            && m.end_word <= np_end
            && lex
                .partitive
                .has(&ws[skip_dets_back(ctx, lex, m.first_word - 1, head)].fold)
            && matches!(
                linked.entities[m.entity].kind.as_str(),
                "organisation" | "party" | "name" | "media" | "person"
            );
        if inside && (owner(i) || of_org) && Some(i) != loc {
            return Some(i);
        }
    }
    // The nearest agent before the figure.
    let eligible_kind = |i: usize| {
        let e = &linked.entities[linked.mentions[i].entity];
        owner(i) || matches!(e.kind.as_str(), "person" | "organisation" | "party" | "name")
    };
    for (i, m) in linked.mentions.iter().enumerate().rev() {
        if m.end_word > q0 || m.first_word < s.wa || Some(i) == loc || !eligible_kind(i) {
            continue;
        }
        if let Some((a, b)) = source {
            if m.first_word >= a && m.end_word <= b {
                continue;
            }
        }
        if m.form == Form::Demonym
            && (!ws[m.first_word].is_capitalised()
                || ws.get(m.end_word).is_some_and(|n| {
                    !brk(ws, m.end_word)
                        && n.text.chars().next().is_some_and(char::is_lowercase)
                        && !lex.stop.has(&n.fold)
                }))
        {
            continue; // an adjective ("German steelmaker"), not the people
        }
        if m.form == Form::Description {
            continue;
        }
        // An unknown name is an agent only as the subject opening its clause, and not as
        // a dateline ("Montarnel (AFP) -").
        if linked.entities[m.entity].kind == "name" {
            if ws
                .get(m.end_word)
                .is_some_and(|n| n.gap.contains(['(', '-', '–', '—', ':']))
            {
                continue;
            }
            let cs = clause_start(ws, lex, s.wa, m.first_word);
            if (cs..m.first_word).any(|k| !lex.determiners.has(&ws[k].fold) && !lex.coordinators.has(&ws[k].fold)) {
                continue;
            }
        }
        if m.first_word == 0 {
            return Some(i);
        }
        let p = skip_dets_back(ctx, lex, m.first_word - 1, s.wa);
        if m.first_word > s.wa
            && p < m.first_word
            && (lex.prepositions.has(&ws[p].fold) || lex.partitive.has(&ws[p].fold))
        {
            let agent_of_action = lex.partitive.has(&ws[p].fold)
                && p > s.wa
                && lex
                    .deverbal
                    .iter()
                    .any(|suf| ws[p - 1].fold.ends_with(suf.as_str()) && ws[p - 1].fold.len() > suf.len() + 2);
            if !agent_of_action {
                continue;
            }
        }
        // English possessive "Russia's": fine; anything else before the figure is the subject.
        return Some(i);
    }
    None
}

/// Asserted, hedged or denied, from the words of the figure's clause and its reporting verb.
#[allow(clippy::too_many_arguments)]
fn modality(
    ctx: &Ctx,
    lex: &Lexicon,
    s: &Sent,
    cs: usize,
    q0: usize,
    q1: usize,
    after_head: usize,
    ce: usize,
    attr: Option<&Resolved>,
) -> Modality {
    let ws = ctx.ws;
    if lex.deny.find(ws, q0, q1).is_some()
        || lex.deny.find(ws, cs, q0).is_some()
        || lex.deny.find(ws, after_head.min(ce), ce).is_some()
    {
        return Modality::Denied;
    }
    let window = (cs..q0).chain(after_head.min(ce)..ce);
    let mut neg = false;
    let mut hedge = false;
    // After a reporting verb, a plain conditional is the future in the past ("a annoncé
    // qu'il supprimerait 3 000 emplois", "said it would cut"), not a hedge; modals stay.
    let reported = attr.is_some_and(|a| a.kind == Kind::Verb && a.at < q0);
    for k in window {
        let f = ws[k].fold.as_ref();
        if (lex.verb_negations.has(f) && f != "t")
            || (f == "t" && ws[k].gap.contains(['\'', '’']) && k > 0 && ws[k - 1].fold.ends_with('n'))
        {
            neg = true;
        }
        let future_in_past = reported && ((lex.is_conditional(f) && !lex.modal.has(f)) || f == "would");
        if (lex.is_conditional(f) || lex.modal.has(f) || lex.hedge.at(ws, k, ce.max(q0)).is_some() || lex.plans.has(f))
            && !future_in_past
        {
            hedge = true;
        }
    }
    if neg {
        return Modality::Denied;
    }
    if attr.is_some_and(|a| a.deny) {
        return Modality::Denied;
    }
    if hedge || s.question || attr.is_some_and(|a| a.hedged) || lex.cannot_confirm.find(ws, s.wa, q0).is_some() {
        return Modality::Hedged;
    }
    Modality::Asserted
}

/// The date of the statement: next to the reporting verb if there is one, else the date
/// nearest the figure.
fn when(ctx: &Ctx, s: &Sent, verb: Option<usize>, q0: usize) -> (Option<String>, Option<String>) {
    let ws = ctx.ws;
    let dates: Vec<&Recognized> = s
        .spans
        .iter()
        .filter(|r| matches!(r.kind, RKind::Date | RKind::Datetime))
        .collect();
    if dates.is_empty() {
        return (None, None);
    }
    let word_of = |r: &Recognized| ws.partition_point(|w| w.start < r.start);
    let pick = verb
        .and_then(|v| dates.iter().find(|r| word_of(r).abs_diff(v) <= 3))
        .or_else(|| dates.iter().min_by_key(|r| word_of(r).abs_diff(q0)));
    let Some(r) = pick else { return (None, None) };
    let said_on = match &r.value {
        RValue::Time(TimeValue::Point(p)) if p.len() >= 10 && p.as_bytes()[4] == b'-' => Some(p[..10].to_string()),
        _ => None,
    };
    (Some(r.text.clone()), said_on)
}

/// A sentence that confirms, denies or cannot confirm an event, without a figure.
pub(crate) fn statement(ctx: &Ctx, lex: &Lexicon, s: &Sent, resolved: &[Resolved]) -> Option<Statement> {
    let ws = ctx.ws;
    let (at, n, stance) = if let Some((i, n)) = lex.cannot_confirm.find(ws, s.wa, s.wb) {
        (i, n, Stance::CannotConfirm)
    } else if let Some((i, n)) = (s.wa..s.wb).find_map(|i| {
        lex.confirm
            .at(ws, i, s.wb)
            .filter(|&n| n > 1 || lex.speech.has(&ws[i].fold))
            .map(|n| (i, n))
    }) {
        let negated = (i.saturating_sub(3).max(s.wa)..i)
            .any(|k| lex.negations.has(&ws[k].fold) && !matches!(ws[k].fold.as_ref(), "ne" | "n"));
        (
            i,
            n,
            if negated {
                Stance::CannotConfirm
            } else {
                Stance::Confirms
            },
        )
    } else {
        let (i, n) = (s.wa..s.wb).find_map(|i| {
            let w = &ws[i];
            (lex.deny.has(&w.fold) && lex.speech.has(&w.fold)).then_some((i, 1))
        })?;
        (i, n, Stance::Denies)
    };
    // What: the rest of the clause after the cue.
    let mut a = at + n;
    while a < s.wb && lex.openers.has(&ws[a].fold) {
        a += 1;
    }
    let mut b = a;
    while b < s.wb && (b == a || !ws[b].gap.contains([',', ';', '.', '?', '!', ':'])) {
        b += 1;
    }
    let mut subject = ctx.slice(a, b).trim_matches(|c: char| !c.is_alphanumeric()).to_string();
    if subject.is_empty() {
        // "…, ce que le Kremlin nie": what is denied comes before
        let cs = clause_start(ws, lex, s.wa, at);
        let mut e = cs;
        while e > s.wa && (lex.openers.has(&ws[e - 1].fold) || lex.determiners.has(&ws[e - 1].fold) || brk(ws, e)) {
            e -= 1;
            if brk(ws, e + 1) {
                break;
            }
        }
        subject = ctx
            .slice(s.wa, e)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
    }
    if subject.is_empty() {
        return None;
    }
    // Who: the subject of the cue itself, a speaker named after the quote, "selon", else
    // the phrase before the cue.
    let source = resolved
        .iter()
        .filter(|r| r.source.is_some())
        .find(|r| r.kind == Kind::Verb && r.at >= at && r.at < at + n)
        .or_else(|| {
            resolved
                .iter()
                .filter(|r| r.source.is_some())
                .find(|r| r.kind == Kind::Inverted && r.at > at)
        })
        .or_else(|| {
            resolved
                .iter()
                .find(|r| r.kind == Kind::According && r.source.is_some())
        })
        .and_then(|r| r.source.clone())
        .or_else(|| {
            let g = {
                let mut g = at;
                while g > s.wa
                    && !brk(ws, g)
                    && (lex.aux.has(&ws[g - 1].fold)
                        || lex.modal.has(&ws[g - 1].fold)
                        || lex.negations.has(&ws[g - 1].fold)
                        || ws[g - 1].fold.starts_with("peu")
                        || ws[g - 1].fold.starts_with("pouv")
                        || ws[g - 1].fold == "can")
                {
                    g -= 1;
                }
                g
            };
            let cs = clause_start(ws, lex, s.wa, g);
            let np = np_from(ctx, lex, s, cs);
            (np.1 > np.0 && np.1 <= g).then(|| source_of(ctx, np))
        })
        .or_else(|| resolved.iter().find_map(|r| r.source.clone()));
    // Someone must stand behind it: "leurs craintes se sont confirmées" is no statement.
    let source = source.filter(|x| x.entity.is_some() || (x.a..x.b).any(|k| lex.source_nouns.has(&ws[k].fold)))?;
    let (when_text, said_on) = when(ctx, s, Some(at), at);
    Some(Statement {
        span: s.span,
        subject,
        stance,
        source: Some(ctx.to_ref(&source)),
        said_on,
        when_text,
    })
}
