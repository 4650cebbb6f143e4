use crate::engine::Step;
use crate::ui::browser;
use crate::ui::components::{pieces, raw};
use crate::ui::markup::Markup;
use yew::prelude::*;

pub struct AnswerListProps {
    pub steps: Vec<Step>,
    /// Called with the question id whose answer the user wants to change.
    pub onedit: Callback<String>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
}

/// The answers given so far, each changeable.
/// A render function rather than a component: it keeps no state, and each component type costs
/// the wasm about 2 KB of Yew's generic code (measured, issue 9).
pub fn view(props: &AnswerListProps) -> Html {
    // As text (see crate::ui::markup), one piece per answer: Yew keeps the pieces whose text is
    // the same, so a step adds one row instead of rewriting the list. "Wijzig" carries its
    // question's id.
    let id = format!("{}-antwoorden", props.uid);
    let mut head = Markup::new();
    head.raw("<h2").attr("id", &id).raw(" class=\"rw-subtitel\">Uw antwoorden</h2>");
    let mut rows = Vec::with_capacity(props.steps.len());
    for s in &props.steps {
        let mut m = Markup::new();
        m.raw("<li>").el("<span class=\"rw-vraagtekst\">", &s.question_text).el("<span class=\"rw-antwoord\">", &s.answer_label);
        m.raw("<button type=\"button\" class=\"rw-link rw-geen-print\"")
            .attr("data-rw", &s.question)
            .raw(" aria-label=\"Wijzig antwoord op: ");
        m.text(&s.question_text).raw("\">Wijzig</button></li>");
        rows.push(m);
    }
    let onclick = {
        let onedit = props.onedit.clone();
        move |e: MouseEvent| {
            if let Some(q) = browser::action_of(&e) {
                onedit.emit(q)
            }
        }
    };
    html! {
        <section class="rw-antwoorden" aria-labelledby={id} {onclick}>{ raw(head) }<ol>{ pieces(rows) }</ol></section>
    }
}
