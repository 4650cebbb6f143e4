use crate::engine::model::Interpretation;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InterpretationMarkProps {
    pub interpretation: Interpretation,
}

/// Marks a passage where the guideline is unclear: "interpretatie" or "niet eenduidig".
#[component]
pub fn InterpretationMark(props: &InterpretationMarkProps) -> Html {
    let i = &props.interpretation;
    html! {
        <p class="rw-interpretatie">
            <strong class="rw-label">{ i.kind.label() }</strong>{ " " }{ &i.text }
        </p>
    }
}
