use crate::training::Coverage;
use crate::ui::components::schema_view::SchemaView;
use crate::ui::components::BundleRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CoverageViewProps {
    pub bundle: BundleRef,
    pub coverage: Coverage,
    pub onreset: Callback<()>,
}

/// The session's coverage: the stroomschema with what the group walked in full and the rest dashed
/// and grey, the counts in words, and the outcomes nobody reached yet. Memory only.
#[component]
pub fn CoverageView(props: &CoverageViewProps) -> Html {
    let g = &props.bundle.0.guideline;
    let c = &props.coverage;
    let ((nodes, all_nodes), (edges, all_edges)) = c.counts(g);
    let missing = c.missing_outcomes(g);
    let onreset = props.onreset.clone();
    html! {
        <section class="rw-dekking" aria-labelledby="rw-dekking-titel">
            <h2 class="rw-subtitel" id="rw-dekking-titel">{ "Besproken in deze sessie" }</h2>
            <p class="rw-dekkingstelling" role="status">
                { format!("{} {}: {nodes} van de {all_nodes} vakken en {edges} van de {all_edges} pijlen besproken.",
                    c.walks, if c.walks == 1 { "route" } else { "routes" }) }
            </p>
            <p class="rw-hulp">{ "In het schema zijn besproken vakken gewoon getekend en de gelopen pijlen dik; wat nog niet besproken is, is grijs met een stippelrand." }</p>
            if missing.is_empty() {
                <p>{ "Alle uitkomsten zijn besproken." }</p>
            } else {
                <p>{ "Nog niet besproken uitkomsten:" }</p>
                <ul class="rw-missend">{ for missing.iter().map(|o| html! { <li>{ &o.short }</li> }) }</ul>
            }
            <SchemaView bundle={props.bundle.clone()} marks={c.marks(g)} answers={crate::engine::Answers::new()}
                onedit={Callback::noop()} onoutcome={Callback::noop()} />
            <div class="rw-knoppen">
                <button type="button" class="rw-knop rw-secundair" disabled={c.walks == 0} onclick={move |_| onreset.emit(())}>{ "Dekking wissen" }</button>
            </div>
        </section>
    }
}
