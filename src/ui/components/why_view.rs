use crate::engine::Step;
use crate::ui::components::interpretation_mark::InterpretationMark;
use crate::ui::components::source_quote::SourceQuote;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WhyViewProps {
    pub steps: Vec<Step>,
    pub seed: String,
}

/// "Waarom?": the path taken, built from the structured trace, with the rule and source of each step.
#[component]
pub fn WhyView(props: &WhyViewProps) -> Html {
    html! {
        <details class="rw-waarom">
            <summary>{ "Waarom? Het gevolgde pad met bronnen" }</summary>
            <ol>
            { for props.steps.iter().map(|s| html! {
                <li>
                    <p><span class="rw-vraagtekst">{ &s.question_text }</span>{ " " }<strong>{ &s.answer_label }</strong></p>
                    if let Some(r) = &s.rule {
                        <p class="rw-regel">{ format!("Regel: {r}") }</p>
                    }
                    <SourceQuote source={s.source.clone()} seed={props.seed.clone()} />
                    { for s.interpretations.iter().map(|i| html! { <InterpretationMark interpretation={i.clone()} /> }) }
                </li>
            }) }
            </ol>
        </details>
    }
}
