use crate::engine::schema::{Mark, Marks};
use crate::ui::components::{pieces, raw, BundleRef};
use crate::ui::markup::Markup;
use yew::prelude::*;

pub struct SchemaTextProps<'a> {
    pub bundle: BundleRef,
    pub marks: &'a Marks,
    /// Shown on screen; otherwise only screen readers read it.
    pub visible: bool,
}

/// The stroomschema as a nested list, the same structure as the drawing: each question with, per
/// answer, where it leads ("Vraag → antwoord → volgende"), and where the walk stands.
/// A render function rather than a component: it keeps no state, and each component type costs
/// the wasm about 2 KB of Yew's generic code (measured, issue 9).
pub fn view(props: &SchemaTextProps<'_>) -> Html {
    let b = &props.bundle.0;
    let g = &b.guideline;
    let ids = crate::engine::schema::node_ids(g);
    let state = |id: &str| match props.marks.of(id) {
        Mark::Current => " — hier staat u nu",
        Mark::Path => " — op uw route",
        Mark::Reachable => "",
        Mark::Dimmed => " — niet meer bereikbaar",
    };
    // As text (see crate::ui::markup), one piece per question: a step rewrites only the questions
    // whose state changed (Yew keeps a raw node whose text is the same). It has no buttons.
    let mut head = Markup::new();
    head.raw("<h3 class=\"rw-subtitel\">Stroomschema ").text(&g.region).raw(" als tekst</h3>");
    let mut items = Vec::with_capacity(g.questions.len());
    for q in &g.questions {
        let i = ids.iter().position(|id| id == &q.id).unwrap_or(0);
        let mut m = Markup::new();
        m.raw("<li>").el("<strong>", &q.short).raw(" (").text(&q.text).raw(")").raw(state(&q.id)).raw("<ul>");
        for e in b.layout.edges.iter().filter(|e| e.from == i) {
            let to = ids.get(e.to).map(String::as_str).unwrap_or_default();
            m.raw("<li>").text(&e.label).raw(" → ").raw(if g.outcome(to).is_some() { "uitkomst: " } else { "" }).text(g.short(to));
            m.raw(if e.rule { " (volgens een regel)" } else { "" }).raw(if props.marks.taken(&q.id, to) {
                " — gekozen</li>"
            } else {
                "</li>"
            });
        }
        m.raw("</ul></li>");
        items.push(m);
    }
    // Literal classes only (see app.rs).
    let inner = html! { <>{ raw(head) }<ol>{ pieces(items) }</ol></> };
    if props.visible {
        html! { <div class="rw-tekstversie">{ inner }</div> }
    } else {
        html! { <div class="rw-tekstversie rw-sr">{ inner }</div> }
    }
}
