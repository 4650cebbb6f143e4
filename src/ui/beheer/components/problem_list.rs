//! The checks of the edited rules, after every change: the engine's load-time validation, the file's
//! own test cases and the audit of `regiewijzer check`, one Dutch line each; a line that names an
//! element is a button that shows it.

use crate::ui::beheer::state::{Problem, Sel};
use yew::prelude::*;

pub struct ProblemListProps<'a> {
    pub problems: &'a [Problem],
    /// The audit of the last edit has not run yet.
    pub pending: bool,
    pub text_checked: bool,
    pub onselect: &'a Callback<Sel>,
}

pub fn view(p: &ProblemListProps) -> Html {
    html! {
        <section class="bh-controle" aria-labelledby="bh-controle-titel">
            <h2 id="bh-controle-titel">{ "Controle" }</h2>
            <p role="status">{
                match (p.problems.len(), p.pending) {
                    (0, true) => "De controle van citaten, koppen en routes loopt…".to_string(),
                    (0, false) => "Geen problemen: het regelbestand doorstaat dezelfde controle als 'regiewijzer check'.".to_string(),
                    (1, _) => "1 punt om op te lossen:".to_string(),
                    (n, _) => format!("{n} punten om op te lossen:"),
                }
            }</p>
            if !p.text_checked {
                <p class="bh-let">{ "Zonder de tekst van de richtlijn zijn de citaten niet gecontroleerd." }</p>
            }
            <ul class="bh-problemen">
                { for p.problems.iter().map(|pr| match pr.at {
                    Some(s) => {
                        let on = p.onselect.clone();
                        html! { <li><button type="button" class="bh-link" onclick={move |_| on.emit(s)}>{ &pr.text }</button></li> }
                    }
                    None => html! { <li>{ &pr.text }</li> },
                }) }
            </ul>
        </section>
    }
}
