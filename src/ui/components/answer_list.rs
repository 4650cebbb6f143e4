use crate::engine::Step;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerListProps {
    pub steps: Vec<Step>,
    /// Called with the question id whose answer the user wants to change.
    pub onedit: Callback<String>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
}

/// The answers given so far, each changeable.
#[component]
pub fn AnswerList(props: &AnswerListProps) -> Html {
    html! {
        <section class="rw-antwoorden" aria-labelledby={format!("{}-antwoorden", props.uid)}>
            <h2 id={format!("{}-antwoorden", props.uid)} class="rw-subtitel">{ "Uw antwoorden" }</h2>
            <ol>
            { for props.steps.iter().map(|s| {
                let onedit = props.onedit.clone();
                let q = s.question.clone();
                html! {
                    <li>
                        <span class="rw-vraagtekst">{ &s.question_text }</span>
                        <span class="rw-antwoord">{ &s.answer_label }</span>
                        <button type="button" class="rw-link rw-geen-print" aria-label={format!("Wijzig antwoord op: {}", s.question_text)}
                            onclick={move |_| onedit.emit(q.clone())}>{ "Wijzig" }</button>
                    </li>
                }
            }) }
            </ol>
        </section>
    }
}
