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
use super::{EdgePath, Layout, NodeBox};
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
    /// A piece (an edge or a node) opens its group, with the classes that draw its mark (see the
    /// stylesheet), hidden from screen readers or not: written as its opening tag, unless the sink
    /// keeps the group's attributes apart from what is drawn inside. A step changes the classes of
    /// many pieces (a route chosen dims a whole branch) and what is drawn inside only on the two or
    /// three nodes whose badge changed, so the widget sets the classes on the groups it keeps and
    /// re-parses almost nothing.
    fn open(&mut self, class: &'static str, hidden: bool) -> &mut Self
    where
        Self: Sized,
    {
        self.raw("<g class=\"").raw(class).raw(if hidden { "\" aria-hidden=\"true\">" } else { "\">" })
    }
    /// The piece's group closes.
    fn close(&mut self) -> &mut Self
    where
        Self: Sized,
    {
        self.raw("</g>")
    }
}

/// Zoom steps of the widget, in percent of the laid-out size; 0 is "fit to the width".
pub const ZOOMS: [u32; 5] = [0, 50, 75, 100, 150];

/// The attributes of the drawing's `<svg>` element: its viewBox, its width and height at `zoom`
/// percent of the laid-out size (0: 100 % wide, no height, CSS makes it `auto`), and the accessible
/// name that tells how the route is marked. The widget renders this element itself and the pieces
/// ([`edge`], [`node`]) inside it, each as its own markup, so a step redraws only the pieces whose
/// marks changed.
pub struct Frame {
    /// `0 0 width height` of the layout.
    pub view_box: String,
    /// Pixels, or `100%` when fitted.
    pub width: String,
    /// Pixels; none when fitted.
    pub height: Option<String>,
    /// The accessible name (role group).
    pub label: String,
}

/// The frame of guideline `g` laid out as `l` at `zoom` (one of [`ZOOMS`]).
pub fn frame(g: &Guideline, l: &Layout, zoom: u32) -> Frame {
    let scaled = |v: i32| format!("{}", v as u32 * zoom / 100);
    Frame {
        view_box: format!("0 0 {} {}", l.width, l.height),
        width: if zoom == 0 { "100%".into() } else { scaled(l.width) },
        height: (zoom != 0).then(|| scaled(l.height)),
        label: format!(
            "Stroomschema {}: uw route is gemarkeerd met een vinkje, de huidige stap met 'nu'. De tekstversie staat eronder.",
            g.region
        ),
    }
}

/// The whole drawing of guideline `g` (laid out as `l`) for a walk with `answers` (marked as
/// `marks`) at `zoom`, as one text: the frame, then every edge, then every node (over the edges).
/// Answered questions and the outcome reached are buttons: `data-rw` holds the question id, empty
/// for the outcome.
pub fn draw<S: Sink>(m: &mut S, g: &Guideline, l: &Layout, marks: &Marks, answers: &Answers, zoom: u32) {
    let f = frame(g, l, zoom);
    m.raw("<svg class=\"rw-svg\" viewBox=\"").text(&f.view_box).raw("\" width=\"").text(&f.width);
    if let Some(h) = &f.height {
        m.raw("\" height=\"").text(h);
    }
    // Every text is centred on its x (text-anchor is inherited).
    m.raw("\" text-anchor=\"middle\" role=\"group\" aria-label=\"").text(&f.label).raw("\">");
    let ids = node_ids(g);
    for e in &l.edges {
        edge(m, &ids, e, marks);
    }
    for (n, id) in l.nodes.iter().zip(&ids) {
        node(m, g, n, id, marks, answers);
    }
    m.raw("</svg>");
}

/// One edge (`ids`: the node ids of the layout's nodes, [`node_ids`]): its line, arrowhead and
/// label, hidden from screen readers (the nodes and the text version say it all); taken, out of
/// reach (dimmed) or neither.
pub fn edge<S: Sink>(m: &mut S, ids: &[String], e: &EdgePath, marks: &Marks) {
    let (from, to) = (&ids[e.from.min(ids.len() - 1)], &ids[e.to.min(ids.len() - 1)]);
    let taken = marks.taken(from, to);
    let dim = !taken && (marks.of(to) == Mark::Dimmed || marks.of(from) == Mark::Dimmed);
    let class = if taken {
        "rw-lijn rw-genomen"
    } else if dim {
        "rw-lijn rw-dim"
    } else {
        "rw-lijn"
    };
    m.open(class, true).raw("<path d=\"");
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
    m.close();
}

/// One node `n` (question or outcome `id`) with its mark: the current one "nu", the route a ✓.
/// Inside its group, in the node's own coordinates: its focus ring, box, lines and badge (an
/// outcome's box in its own colour), in a group that is a button for answered questions (back to
/// the question) and for the outcome reached (it opens it).
pub fn node<S: Sink>(m: &mut S, g: &Guideline, n: &NodeBox, id: &str, marks: &Marks, answers: &Answers) {
    let mark = marks.of(id);
    let question = g.question(id);
    let outcome = question.is_none();
    let class = match mark {
        Mark::Current => "rw-knoop rw-nu",
        Mark::Path => "rw-knoop rw-route",
        Mark::Reachable => "rw-knoop rw-open",
        Mark::Dimmed => "rw-knoop rw-dim",
    };
    m.open(class, false);
    m.raw(if outcome { "<g class=\"rw-uitkomstknoop\" transform=\"translate(" } else { "<g transform=\"translate(" });
    m.num(n.x).raw(" ").num(n.y).raw(")\"");
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
    m.raw(">");
    m.raw("<rect class=\"rw-focusring\" x=\"-5\" y=\"-5\" width=\"").num(n.w + 10).raw("\" height=\"").num(n.h + 10).raw("\" rx=\"8\"/>");
    m.raw("<rect width=\"").num(n.w).raw("\" height=\"").num(n.h).raw(if outcome { "\" rx=\"14\"/>" } else { "\" rx=\"3\"/>" });
    for (i, t) in n.lines.iter().enumerate() {
        m.raw("<text x=\"").num(n.w / 2).raw("\" y=\"").num(line_baseline(i)).raw("\">").text(t).raw("</text>");
    }
    // The ✓ is drawn, not a glyph: most fonts lack it, and the browser's first search for a
    // font that has one took ~5 ms of the first step (19 ms at 4x CPU, traced).
    if matches!(mark, Mark::Current | Mark::Path) {
        m.raw("<g class=\"rw-teken\"><circle cx=\"").num(n.w).raw("\" cy=\"0\" r=\"10\"/>");
        if mark == Mark::Current {
            m.raw("<text x=\"").num(n.w).raw("\" y=\"4\">nu</text></g>");
        } else {
            m.raw("<path d=\"M").num(n.w - 5).raw(" 0l3.5 3.5 6-7\"/></g>");
        }
    }
    m.raw("</g>").close();
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
