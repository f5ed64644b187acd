//! The report as Markdown, and as one self-contained HTML page whose timelines are inline
//! SVG drawn with plotters (no JavaScript, no external file).

use crate::{Estimate, ReportError, Result, StoryReport, Track};
use plotters::prelude::*;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The report as Markdown.
pub fn markdown(stories: &[StoryReport]) -> String {
    let mut out = String::from("# recoupe: cross-check\n");
    for s in stories {
        let _ = writeln!(out, "\n## Story {}: {}\n", s.id, s.label);
        if let (Some(a), Some(b)) = (&s.first_date, &s.last_date) {
            let _ = writeln!(out, "From {a} to {b}, {} article(s).\n", s.articles.len());
        } else {
            let _ = writeln!(out, "{} article(s).\n", s.articles.len());
        }
        for t in &s.tracks {
            let _ = writeln!(out, "### {}\n\n{}\n", t.title, t.summary);
            let _ = writeln!(out, "| value | counted | source | modality | when | carriers | sentence |\n| --- | --- | --- | --- | --- | --- | --- |");
            for e in &t.estimates {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    e.value_text(),
                    md_cell(&e.counted),
                    md_cell(&e.source.clone().unwrap_or_else(|| "—".into())),
                    e.modality,
                    e.date.as_deref().or(e.when_text.as_deref()).unwrap_or(""),
                    e.carriers.len(),
                    md_cell(&e.sentence)
                );
            }
            for (i, j, why) in &t.contradictions {
                let _ = writeln!(
                    out,
                    "\n- contradiction: {} ({}) and {} ({}): {why}",
                    t.estimates[*i].value_text(),
                    t.estimates[*i].who(),
                    t.estimates[*j].value_text(),
                    t.estimates[*j].who()
                );
            }
            out.push('\n');
        }
        let copies = s.articles.iter().filter(|a| a.2.is_some()).count();
        let _ = writeln!(out, "### Articles ({} near-copies)\n", copies);
        for (doc, title, copy_of) in &s.articles {
            let note = copy_of
                .as_deref()
                .map(|o| format!(" — copy of {o}"))
                .unwrap_or_default();
            let _ = writeln!(out, "- {} ({doc}){note}", title.as_deref().unwrap_or(""));
        }
        out.push('\n');
        if !s.statements.is_empty() {
            let _ = writeln!(out, "### Statements\n");
            for st in &s.statements {
                let _ = writeln!(
                    out,
                    "- {} **{}**: {}{}",
                    st.source.as_deref().unwrap_or("?"),
                    st.stance.replace('_', " "),
                    st.subject,
                    st.date.as_deref().map(|d| format!(" ({d})")).unwrap_or_default()
                );
            }
        }
    }
    out
}

/// Colour of a modality: asserted dark blue, hedged orange, denied red.
fn colour(modality: &str) -> RGBColor {
    match modality {
        "hedged" => RGBColor(230, 140, 20),
        "denied" => RGBColor(200, 30, 30),
        _ => RGBColor(30, 70, 160),
    }
}

/// A track's timeline: one column per estimate in the order reported, a dot for a figure,
/// a bar for a range or bound (an open bound drawn to the chart's edge), hollow when hedged,
/// a cross when denied; sources under the columns.
pub fn chart(t: &Track) -> Result<String> {
    let n = t.estimates.len().max(1);
    let top = t
        .estimates
        .iter()
        .map(|e| {
            let (a, b) = e.bounds();
            if b.is_finite() {
                b
            } else {
                a
            }
        })
        .fold(1.0f64, f64::max)
        * 1.15;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, 300)).into_drawing_area();
        let err = |e: &dyn std::fmt::Display| ReportError::Chart(e.to_string());
        root.fill(&WHITE).map_err(|e| err(&e))?;
        // Sources under the columns when they fit, else the rows' numbers in the table.
        let labels: Vec<String> = if n <= 8 {
            t.estimates.iter().map(|e| e.who().chars().take(16).collect()).collect()
        } else {
            (1..=n).map(|i| i.to_string()).collect()
        };
        let mut ch = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), 0f64..top)
            .map_err(|e| err(&e))?;
        ch.configure_mesh()
            .disable_x_mesh()
            .x_labels(n)
            .x_label_formatter(&|x| {
                let i = x.round();
                if (x - i).abs() < 0.01 && i >= 0.0 {
                    labels.get(i as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_desc(t.estimates.first().map(|e| e.counted.clone()).unwrap_or_default())
            .draw()
            .map_err(|e| err(&e))?;
        for (i, e) in t.estimates.iter().enumerate() {
            let x = i as f64;
            let c = colour(&e.modality);
            let (a, b) = e.bounds();
            let hollow = e.modality == "hedged";
            if a == b {
                let style = if hollow { c.stroke_width(2) } else { c.filled() };
                ch.draw_series(std::iter::once(Circle::new((x, a), 6, style)))
                    .map_err(|e| err(&e))?;
            } else {
                let hi = if b.is_finite() { b } else { top };
                let style = if hollow { c.stroke_width(2) } else { c.mix(0.6).filled() };
                ch.draw_series(std::iter::once(Rectangle::new([(x - 0.18, a), (x + 0.18, hi)], style)))
                    .map_err(|e| err(&e))?;
            }
            if e.modality == "denied" {
                let (lo, hi) = (a, if b.is_finite() { b } else { top });
                ch.draw_series(std::iter::once(PathElement::new(
                    vec![(x - 0.25, lo), (x + 0.25, hi)],
                    c.stroke_width(3),
                )))
                .map_err(|e| err(&e))?;
                ch.draw_series(std::iter::once(PathElement::new(
                    vec![(x - 0.25, hi), (x + 0.25, lo)],
                    c.stroke_width(3),
                )))
                .map_err(|e| err(&e))?;
            }
        }
        root.present().map_err(|e| err(&e))?;
    }
    Ok(svg)
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;font-size:.9em;margin:.5em 0 1em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}.summary{background:#f7f9ff;border-left:4px solid #1e46a0;padding:.5em .8em}
.asserted{color:#1e46a0}.hedged{color:#e68c14}.denied{color:#c81e1e}.legend span{margin-right:1.2em}
.contradiction{color:#c81e1e}figure{margin:0}svg{max-width:100%;height:auto}";

/// The report as one self-contained HTML page.
pub fn html(stories: &[StoryReport]) -> Result<String> {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>recoupe: cross-check</title><style>{STYLE}</style></head><body>\
         <h1>recoupe: cross-check</h1><p class=\"legend\"><span class=\"asserted\">● asserted</span><span class=\"hedged\">○ hedged</span>\
         <span class=\"denied\">✕ denied</span> — a bar is a range or a bound.</p>"
    );
    for s in stories {
        let _ = write!(
            out,
            "<section class=\"story\" id=\"story-{}\"><h2>Story {}: {}</h2>",
            s.id,
            s.id,
            esc(&s.label)
        );
        let dates = match (&s.first_date, &s.last_date) {
            (Some(a), Some(b)) => format!("From {a} to {b}, "),
            _ => String::new(),
        };
        let _ = write!(out, "<p>{dates}{} article(s).</p>", s.articles.len());
        for t in &s.tracks {
            let _ = write!(
                out,
                "<h3>{}</h3><p class=\"summary\">{}</p>",
                esc(&t.title),
                esc(&t.summary)
            );
            if t.estimates.len() > 1 {
                let _ = write!(out, "<figure class=\"chart\">{}</figure>", chart(t)?);
            }
            out.push_str("<table><tr><th>#</th><th>value</th><th>counted</th><th>source</th><th>modality</th><th>when</th><th>carriers</th><th>sentence</th></tr>");
            for (k, e) in t.estimates.iter().enumerate() {
                let _ = write!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    k + 1,
                    esc(&e.value_text()),
                    esc(&e.counted),
                    esc(e.source.as_deref().unwrap_or("—")),
                    e.cites.as_deref().map(|c| format!(" (citing {})", esc(c))).unwrap_or_default(),
                    e.modality,
                    e.modality,
                    esc(e.date.as_deref().or(e.when_text.as_deref()).unwrap_or("")),
                    e.carriers.len(),
                    esc(&e.sentence)
                );
            }
            out.push_str("</table>");
            for (i, j, why) in &t.contradictions {
                let (a, b): (&Estimate, &Estimate) = (&t.estimates[*i], &t.estimates[*j]);
                let _ = write!(
                    out,
                    "<p class=\"contradiction\">Contradiction: {} ({}) and {} ({}): {}</p>",
                    esc(&a.value_text()),
                    esc(&a.who()),
                    esc(&b.value_text()),
                    esc(&b.who()),
                    esc(why)
                );
            }
        }
        if !s.statements.is_empty() {
            out.push_str("<h3>Statements</h3><ul>");
            for st in &s.statements {
                let _ = write!(
                    out,
                    "<li>{} <strong>{}</strong>: {}{}</li>",
                    esc(st.source.as_deref().unwrap_or("?")),
                    esc(&st.stance.replace('_', " ")),
                    esc(&st.subject),
                    st.date.as_deref().map(|d| format!(" ({})", esc(d))).unwrap_or_default()
                );
            }
            out.push_str("</ul>");
        }
        out.push_str("<h3>Articles</h3><ul>");
        for (doc, title, copy_of) in &s.articles {
            let note = copy_of
                .as_deref()
                .map(|o| format!(" — <em>copy of {}</em>", esc(o)))
                .unwrap_or_default();
            let _ = write!(
                out,
                "<li>{} <small>({})</small>{note}</li>",
                esc(title.as_deref().unwrap_or("")),
                esc(doc)
            );
        }
        out.push_str("</ul></section>");
    }
    out.push_str("</body></html>\n");
    Ok(out)
}
