use crate::engine::schema::{Mark, Marks};
use crate::ui::components::BundleRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SchemaTextProps {
    pub bundle: BundleRef,
    pub marks: Marks,
    /// Shown on screen; otherwise only screen readers read it.
    pub visible: bool,
}

/// The stroomschema as a nested list, the same structure as the drawing: each question with, per
/// answer, where it leads ("Vraag → antwoord → volgende"), and where the walk stands.
#[component]
pub fn SchemaText(props: &SchemaTextProps) -> Html {
    let b = &props.bundle.0;
    let g = &b.guideline;
    let ids = crate::engine::schema::node_ids(g);
    let state = |id: &str| match props.marks.of(id) {
        Mark::Current => " — hier staat u nu",
        Mark::Path => " — op uw route",
        Mark::Reachable => "",
        Mark::Dimmed => " — niet meer bereikbaar",
    };
    html! {
        <div class={classes!("rw-tekstversie", (!props.visible).then_some("rw-sr"))}>
            <h3 class="rw-subtitel">{ format!("Stroomschema {} als tekst", g.region) }</h3>
            <ol>
            { for g.questions.iter().map(|q| {
                let i = ids.iter().position(|id| id == &q.id).unwrap_or(0);
                html! {
                    <li>
                        <strong>{ &q.short }</strong>{ format!(" ({}){}", q.text, state(&q.id)) }
                        <ul>
                        { for b.layout.edges.iter().filter(|e| e.from == i).map(|e| {
                            let to = ids.get(e.to).map(String::as_str).unwrap_or_default();
                            let taken = props.marks.taken(&q.id, to);
                            let kind = if g.outcome(to).is_some() { "uitkomst: " } else { "" };
                            html! {
                                <li>{ format!("{} → {kind}{}{}{}", e.label, g.short(to), if e.rule { " (volgens een regel)" } else { "" }, if taken { " — gekozen" } else { "" }) }</li>
                            }
                        }) }
                        </ul>
                    </li>
                }
            }) }
            </ol>
        </div>
    }
}
