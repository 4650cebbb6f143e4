use crate::engine::codec::Bundle;
use crate::engine::schema::{Mark, Marks};
use crate::engine::Answers;
use crate::ui::browser;
use crate::ui::components::raw;
use crate::ui::components::BundleRef;
use crate::ui::markup::Markup;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemaViewProps {
    pub bundle: BundleRef,
    pub marks: Marks,
    pub answers: Answers,
    /// The whole schema, large (projector) instead of beside the step.
    #[prop_or_default]
    pub large: bool,
    /// Called with a question id to go back to it.
    pub onedit: Callback<String>,
    /// The outcome box was chosen.
    pub onoutcome: Callback<()>,
}

/// Zoom steps, in percent of the laid-out size; 0 is "fit to the width".
const ZOOMS: [u32; 5] = [0, 50, 75, 100, 150];

/// The stroomschema as SVG, drawn from the laid-out schema of the rule file: the route taken lit,
/// the current node marked, nodes that can no longer be reached dimmed. Answered questions and the
/// outcome reached are buttons. Marks never rely on colour alone: a ✓ and a thick border on the
/// route, "nu" on the current node, dashed borders and grey text for dimmed nodes, thick lines for
/// the edges taken and dotted ones for edges out of reach.
#[component]
pub fn SchemaView(props: &SchemaViewProps) -> Html {
    let b: &Bundle = &props.bundle.0;
    let l = &b.layout;
    let ids = crate::engine::schema::node_ids(&b.guideline);
    let zoom = use_state(|| if props.large { 0 } else { 75 });
    let scroller = use_node_ref();
    // Keep the current node in view inside the panel (its own scroll, never the page's).
    let current = ids.iter().position(|id| props.marks.of(id) == Mark::Current);
    {
        let scroller = scroller.clone();
        let target = current.and_then(|i| l.nodes.get(i)).map(|n| (n.x + n.w / 2, n.y + n.h / 2));
        let (width, z) = (l.width, *zoom);
        let key = match target {
            Some((x, y)) => format!("{x},{y},{z}"),
            None => format!("-,{z}"),
        };
        browser::use_keyed_effect(
            key,
            Box::new(move || {
                if let (Some((x, y)), Some(el)) = (target, scroller.cast::<Element>()) {
                    let scale = if z == 0 { f64::from(el.client_width()) / f64::from(width.max(1)) } else { f64::from(z) / 100.0 };
                    el.set_scroll_left((f64::from(x) * scale) as i32 - el.client_width() / 2);
                    el.set_scroll_top((f64::from(y) * scale) as i32 - el.client_height() / 2);
                }
                browser::nothing_to_undo()
            }),
        );
    }
    let z = *zoom;
    let step = |d: i32| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| {
            let i = ZOOMS.iter().position(|v| *v == *zoom).unwrap_or(2) as i32 + d;
            zoom.set(ZOOMS[i.clamp(0, ZOOMS.len() as i32 - 1) as usize]);
        })
    };
    // Fitted: 100 % wide and the height from the viewBox (CSS height: auto; "auto" is no SVG length).
    let (w, h) = if z == 0 {
        ("100%".to_string(), None)
    } else {
        ((l.width as u32 * z / 100).to_string(), Some((l.height as u32 * z / 100).to_string()))
    };

    // The drawing as text (see crate::ui::markup); its buttons are heard by one listener below.
    let mut m = Markup::new();
    m.raw("<svg class=\"rw-svg\" viewBox=\"0 0 ").num(l.width).raw(" ").num(l.height).raw("\"").attr("width", &w);
    if let Some(h) = &h {
        m.attr("height", h);
    }
    m.raw(" role=\"group\" aria-label=\"Stroomschema ").text(&b.guideline.region);
    m.raw(": uw route is gemarkeerd met een vinkje, de huidige stap met &#39;nu&#39;. De tekstversie staat eronder.\"><g aria-hidden=\"true\">");
    for e in &l.edges {
        let (from, to) = (&ids[e.from.min(ids.len() - 1)], &ids[e.to.min(ids.len() - 1)]);
        let taken = props.marks.taken(from, to);
        let dim = !taken && (props.marks.of(to) == Mark::Dimmed || props.marks.of(from) == Mark::Dimmed);
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
        arrow(&mut m, &e.points);
        let lw = e.label.chars().count() as i32 * 6 + if e.rule { 18 } else { 6 };
        m.raw("\"/><rect class=\"rw-labelvlak\" x=\"").num(e.label_at.0 - lw / 2).raw("\" y=\"").num(e.label_at.1 - 11);
        m.raw("\" width=\"")
            .num(lw)
            .raw("\" height=\"15\"/><text x=\"")
            .num(e.label_at.0)
            .raw("\" y=\"")
            .num(e.label_at.1)
            .raw("\" text-anchor=\"middle\">");
        m.raw(if e.rule { "§ " } else { "" }).text(&e.label).raw("</text></g>");
    }
    m.raw("</g>");
    for (n, id) in l.nodes.iter().zip(&ids) {
        let mark = props.marks.of(id);
        let question = b.guideline.question(id);
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
                let chosen = props
                    .answers
                    .get(id)
                    .and_then(|a| q.options.iter().find(|c| &c.id == a))
                    .map(|c| c.label.as_str())
                    .unwrap_or("weet ik niet");
                m.raw(" role=\"button\" tabindex=\"0\"").attr("data-rw", id).raw(" aria-label=\"Ga terug naar de vraag: ").text(&q.text);
                m.raw(" (uw antwoord: ").text(chosen).raw(")\"");
            }
            (None, Mark::Current) => {
                let title = b.guideline.outcome(id).map(|o| o.title.as_str()).unwrap_or_default();
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
            m.raw("<text x=\"")
                .num(n.w / 2)
                .raw("\" y=\"")
                .num(17 + 16 * i as i32)
                .raw("\" text-anchor=\"middle\">")
                .text(t)
                .raw("</text>");
        }
        let badge = match mark {
            Mark::Current => "nu",
            Mark::Path => "✓",
            _ => "",
        };
        if !badge.is_empty() {
            m.raw("<g class=\"rw-teken\"><circle cx=\"")
                .num(n.w)
                .raw("\" cy=\"0\" r=\"10\"/><text x=\"")
                .num(n.w)
                .raw("\" y=\"4\" text-anchor=\"middle\">");
            m.raw(badge).raw("</text></g>");
        }
        m.raw("</g>");
    }
    m.raw("</svg>");

    // A node's `data-rw` is its question id, or empty for the outcome.
    let activate = {
        let (onedit, onoutcome) = (props.onedit.clone(), props.onoutcome.clone());
        move |a: String| if a.is_empty() { onoutcome.emit(()) } else { onedit.emit(a) }
    };
    let onclick = {
        let activate = activate.clone();
        move |e: MouseEvent| {
            if let Some(a) = browser::action_of(&e) {
                activate(a)
            }
        }
    };
    let onkeydown = move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(a) = browser::action_of(&e) {
                e.prevent_default();
                activate(a)
            }
        }
    };

    let inner = html! {
        <>
            <div class="rw-zoom" role="group" aria-label="Zoom">
                <button type="button" class="rw-knop rw-klein" onclick={step(-1)} disabled={z == 0} aria-label="Kleiner">{ "−" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={step(1)} disabled={z == ZOOMS[ZOOMS.len() - 1]} aria-label="Groter">{ "+" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={let zoom = zoom.clone(); move |_| zoom.set(0)} aria-pressed={(z == 0).to_string()}>{ "Passend" }</button>
            </div>
            <div class="rw-schemavlak" ref={scroller} tabindex="0" role="region" aria-label="Stroomschema (scrollbaar)" {onclick} {onkeydown}>
                { raw(m) }
            </div>
        </>
    };
    // Literal classes only (see app.rs).
    if props.large {
        html! { <div class="rw-schema rw-schema-groot">{ inner }</div> }
    } else {
        html! { <div class="rw-schema">{ inner }</div> }
    }
}

/// The arrowhead at the end of a polyline, as a small triangle along its last segment.
fn arrow(m: &mut Markup, points: &[(i32, i32)]) {
    let n = points.len();
    if n < 2 {
        return;
    }
    let ((x0, y0), (x1, y1)) = (points[n - 2], points[n - 1]);
    let (dx, dy) = (f64::from(x1 - x0), f64::from(y1 - y0));
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (f64::from(x1) - ux * 9.0, f64::from(y1) - uy * 9.0);
    m.raw("M").num(x1).raw(" ").num(y1);
    for (x, y) in [(bx - uy * 5.0, by + ux * 5.0), (bx + uy * 5.0, by - ux * 5.0)] {
        m.raw("L").num(x.round() as i32).raw(" ").num(y.round() as i32);
    }
    m.raw("Z");
}
