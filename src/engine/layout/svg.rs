//! The stroomschema as SVG: the one writer of the drawing the widget shows, from the laid-out
//! schema and the marks of a walk. The boxes, lines and labels go exactly where the layout put them,
//! the text with the layout's own metrics ([`super::text`]), so the room the layout kept free for
//! each label is the room its text is drawn in. The widget (`src/ui/components/schema_view.rs`)
//! writes it into its `Markup` (`src/ui/markup.rs`, which escapes); `tests/layout.rs` writes it
//! into the same `Markup` natively and checks that markup for overlaps.
//!
//! The marks never rely on colour alone: a ✓ and a thick border on the route, "nu" on the current
//! node, dashed borders and grey text for dimmed nodes, thick lines for the edges taken and dotted
//! ones for edges out of reach (the classes below; the widget's stylesheet draws them). No `style`
//! attribute is written (the widget's Content-Security-Policy forbids it). The Dutch texts are for
//! screen readers.

use super::text::{label_baseline, label_lines, label_rect, line_baseline, RULE_MARK};
use super::Layout;
use crate::engine::model::Guideline;
use crate::engine::schema::{node_ids, Mark, Marks};
use crate::engine::walk::Answers;

/// Where the markup goes.
pub trait Sink {
    /// Markup of this crate (a literal), as is.
    fn raw(&mut self, s: &str) -> &mut Self;
    /// Text, or an attribute value between double quotes: must escape `& < > " '`, so nothing from a
    /// rule file can add markup.
    fn text(&mut self, s: &str) -> &mut Self;
    /// A whole number.
    fn num(&mut self, n: i32) -> &mut Self;
}

/// Zoom steps of the widget, in percent of the laid-out size; 0 is "fit to the width".
pub const ZOOMS: [u32; 5] = [0, 50, 75, 100, 150];

/// The drawing of guideline `g` (laid out as `l`) for a walk with `answers` (marked as `marks`), at
/// `zoom` percent of its laid-out size (0: as wide as its container). Answered questions and the
/// outcome reached are buttons: `data-rw` holds the question id, empty for the outcome.
pub fn draw<S: Sink>(m: &mut S, g: &Guideline, l: &Layout, marks: &Marks, answers: &Answers, zoom: u32) {
    let ids = node_ids(g);
    m.raw("<svg class=\"rw-svg\" viewBox=\"0 0 ").num(l.width).raw(" ").num(l.height);
    // Fitted: 100 % wide and the height from the viewBox (CSS height: auto; "auto" is no SVG length).
    if zoom == 0 {
        m.raw("\" width=\"100%\"");
    } else {
        let scaled = |v: i32| (v as u32 * zoom / 100) as i32;
        m.raw("\" width=\"").num(scaled(l.width)).raw("\" height=\"").num(scaled(l.height)).raw("\"");
    }
    // Every text is centred on its x (text-anchor is inherited).
    m.raw(" text-anchor=\"middle\" role=\"group\" aria-label=\"Stroomschema ").text(&g.region);
    m.raw(": uw route is gemarkeerd met een vinkje, de huidige stap met &#39;nu&#39;. De tekstversie staat eronder.\"><g aria-hidden=\"true\">");
    for e in &l.edges {
        let (from, to) = (&ids[e.from.min(ids.len() - 1)], &ids[e.to.min(ids.len() - 1)]);
        let taken = marks.taken(from, to);
        let dim = !taken && (marks.of(to) == Mark::Dimmed || marks.of(from) == Mark::Dimmed);
        m.raw(if taken {
            "<g class=\"rw-lijn rw-genomen\"><path d=\""
        } else if dim {
            "<g class=\"rw-lijn rw-dim\"><path d=\""
        } else {
            "<g class=\"rw-lijn\"><path d=\""
        });
        for (i, (x, y)) in e.points.iter().enumerate() {
            m.raw(if i == 0 { "M" } else { "L" }).num(*x).raw(" ").num(*y);
        }
        m.raw("\"/><path class=\"rw-pijl\" d=\"");
        arrow(m, &e.points);
        m.raw("\"/>");
        if !e.label.is_empty() {
            // On white, in the rectangle the layout kept free for it, line by line.
            let r = label_rect(e);
            m.raw("<rect class=\"rw-labelvlak\" x=\"").num(r.x).raw("\" y=\"").num(r.y);
            m.raw("\" width=\"").num(r.w).raw("\" height=\"").num(r.h).raw("\"/>");
            let lines = label_lines(&e.label);
            for (i, line) in lines.iter().enumerate() {
                m.raw("<text x=\"").num(e.label_at.0).raw("\" y=\"").num(label_baseline(e.label_at.1, i, lines.len())).raw("\">");
                m.raw(if e.rule && i == 0 { RULE_MARK } else { "" }).text(line).raw("</text>");
            }
        }
        m.raw("</g>");
    }
    m.raw("</g>");
    for (n, id) in l.nodes.iter().zip(&ids) {
        let mark = marks.of(id);
        let question = g.question(id);
        let outcome = question.is_none();
        m.raw(if outcome { "<g class=\"rw-knoop rw-uitkomstknoop " } else { "<g class=\"rw-knoop rw-vraagknoop " });
        m.raw(match mark {
            Mark::Current => "rw-nu\"",
            Mark::Path => "rw-route\"",
            Mark::Reachable => "rw-open\"",
            Mark::Dimmed => "rw-dim\"",
        });
        m.raw(" transform=\"translate(").num(n.x).raw(" ").num(n.y).raw(")\"");
        // Answered questions go back to their question; the outcome reached opens it.
        match (question, mark) {
            (Some(q), Mark::Path) => {
                let chosen =
                    answers.get(id).and_then(|a| q.options.iter().find(|c| &c.id == a)).map(|c| c.label.as_str()).unwrap_or("weet ik niet");
                m.raw(" role=\"button\" tabindex=\"0\" data-rw=\"").text(id).raw("\" aria-label=\"Ga terug naar de vraag: ").text(&q.text);
                m.raw(" (uw antwoord: ").text(chosen).raw(")\"");
            }
            (None, Mark::Current) => {
                let title = g.outcome(id).map(|o| o.title.as_str()).unwrap_or_default();
                m.raw(" role=\"button\" tabindex=\"0\" data-rw=\"\" aria-label=\"Open de uitkomst: ").text(title).raw("\"");
            }
            _ => {}
        }
        m.raw("><rect class=\"rw-focusring\" x=\"-5\" y=\"-5\" width=\"")
            .num(n.w + 10)
            .raw("\" height=\"")
            .num(n.h + 10)
            .raw("\" rx=\"8\"/>");
        m.raw("<rect width=\"").num(n.w).raw("\" height=\"").num(n.h).raw(if outcome { "\" rx=\"14\"/>" } else { "\" rx=\"3\"/>" });
        for (i, t) in n.lines.iter().enumerate() {
            m.raw("<text x=\"").num(n.w / 2).raw("\" y=\"").num(line_baseline(i)).raw("\">").text(t).raw("</text>");
        }
        let badge = match mark {
            Mark::Current => "nu",
            Mark::Path => "✓",
            _ => "",
        };
        if !badge.is_empty() {
            m.raw("<g class=\"rw-teken\"><circle cx=\"").num(n.w).raw("\" cy=\"0\" r=\"10\"/><text x=\"").num(n.w).raw("\" y=\"4\">");
            m.raw(badge).raw("</text></g>");
        }
        m.raw("</g>");
    }
    m.raw("</svg>");
}

/// The arrowhead at the end of a polyline: a triangle 9 pixels long and 10 wide along its last
/// segment, which the layout always makes vertical (every edge enters its box through a vertical
/// stub, [`super::STUB`]), so whole numbers suffice.
fn arrow<S: Sink>(m: &mut S, points: &[(i32, i32)]) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let ((x0, y0), (x1, y1)) = (points[n - 2], points[n - 1]);
    // The direction of the last segment (down, or up for an edge reversed to break a cycle).
    let (ux, uy) = ((x1 - x0).signum(), (y1 - y0).signum());
    let (bx, by) = (x1 - ux * 9, y1 - uy * 9);
    m.raw("M").num(x1).raw(" ").num(y1);
    m.raw("L").num(bx - uy * 5).raw(" ").num(by + ux * 5);
    m.raw("L").num(bx + uy * 5).raw(" ").num(by - ux * 5);
    m.raw("Z");
}
