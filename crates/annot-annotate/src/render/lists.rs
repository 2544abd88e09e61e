//! The lists under the text: spans, suggestions, document labels, zone
//! corrections, the note, and what the record has outside the schema.

use std::io::{self, Write};

use annot_model::Zone;
use anstyle::{AnsiColor, Style};

use super::wrap::{Piece, wrap};
use super::{Painter, RenderOptions, Screen, label_color, visible};

/// The numbered spans, pending suggestions, document labels, zone corrections and note.
///
/// # Errors
/// Writing fails.
pub fn lists(out: &mut dyn Write, screen: &Screen<'_>, opts: &RenderOptions) -> io::Result<()> {
    let p = Painter::new(opts);
    let ann = screen.ann;
    let label_style = |l: &str| Style::new().fg_color(Some(label_color(screen.schema, l).into()));
    let mut s = String::new();
    let row = |s: &mut String, head: &str, items: Vec<Vec<Piece>>| {
        s.push_str(&p.dim(&format!("{:<10} ", visible(head))));
        if items.is_empty() {
            s.push('–');
        }
        let mut pieces = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                pieces.push(("   ".to_owned(), Style::new()));
            }
            pieces.extend(item);
        }
        wrap(s, &pieces, 11, 11, opts);
        s.push('\n');
    };
    // By number, each with its paragraph: `3 Kfar Selwan LOC ¶3`.
    let spans = screen
        .numbers
        .in_order(ann)
        .into_iter()
        .filter_map(|(n, i)| ann.spans.get(i).map(|sp| (n, sp)))
        .map(|(n, sp)| {
            vec![
                (format!("{n} "), Style::new().bold()),
                (format!("{} ", sp.text.replace('\n', " ")), Style::new()),
                (sp.label.clone(), label_style(&sp.label)),
                (
                    format!(" ¶{}", screen.view.block_of(sp.start) + 1),
                    Style::new().dimmed(),
                ),
            ]
        })
        .collect();
    row(&mut s, "spans", spans);
    if !ann.pending.is_empty() {
        let items = ann
            .pending
            .iter()
            .map(|g| {
                let times = if g.occurrences.len() > 1 {
                    format!(" ×{}", g.occurrences.len())
                } else {
                    String::new()
                };
                vec![
                    (format!("{} ", g.number), Style::new().bold()),
                    (format!("{} ", g.text.replace('\n', " ")), Style::new()),
                    (g.label.clone(), label_style(&g.label)),
                    (times, Style::new()),
                ]
            })
            .collect();
        row(&mut s, "suggested", items);
    }
    for set in &screen.schema.labels {
        let values = ann
            .labels
            .get(&set.name)
            .map(|v| v.join(", "))
            .unwrap_or_default();
        let items = if values.is_empty() {
            vec![]
        } else {
            vec![vec![(values, Style::new())]]
        };
        row(&mut s, &set.name, items);
    }
    if let Some(z) = &ann.zones {
        let view = screen.view;
        let changed: Vec<Vec<Piece>> = view
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let now = view.block_zone(b, z);
                (now != view.block_zone(b, &view.doc.zones)).then(|| {
                    let name = now.map_or("–", Zone::as_str);
                    vec![(format!("¶{} {name}", i + 1), Style::new())]
                })
            })
            .collect();
        row(&mut s, "zones", changed);
    }
    if let Some(n) = &ann.note {
        row(&mut s, "note", vec![vec![(n.clone(), Style::new())]]);
    }
    outside_schema(&mut s, screen, &p);
    out.write_all(s.as_bytes())
}

/// What the earlier record has that this screen cannot show as spans and
/// labels: spans lost or corrupt, and labels the schema does not have. Each
/// stays listed until the annotator deals with it; a decision asks first.
fn outside_schema(s: &mut String, screen: &Screen<'_>, p: &Painter) {
    let warn = Style::new().fg_color(Some(AnsiColor::Red.into()));
    for l in &screen.lost {
        s.push_str(&p.paint(
            &format!(
                "✗ lost     {} {:?} [{}, {}): {}\n",
                l.span.label, l.span.text, l.span.start, l.span.end, l.loss
            ),
            warn,
        ));
    }
    if screen.lost_zones > 0 {
        s.push_str(&p.paint(
            &format!(
                "✗ lost     {} zone correction(s) made on the older text (z corrects zones again)\n",
                screen.lost_zones
            ),
            warn,
        ));
    }

    let unknown = screen
        .schema
        .unknown_labels(&screen.ann.spans, &screen.ann.labels);
    for u in unknown {
        s.push_str(&p.paint(
            &format!("! {u} is not in schema {}\n", screen.schema.id()),
            warn,
        ));
    }
}
