//! The list of everything in the rule file, to choose what the form shows: version, questions,
//! outcomes, evaluation rhythms and test cases (with each case's result), and buttons to add one.

use crate::engine::model::Guideline;
use crate::ui::beheer::state::{CaseStatus, Edit, Sel};
use yew::prelude::*;

pub struct ElementListProps<'a> {
    pub rules: &'a Guideline,
    pub cases: &'a [CaseStatus],
    pub selected: Sel,
    pub onselect: &'a Callback<Sel>,
    pub onedit: &'a Callback<Edit>,
}

pub fn view(p: &ElementListProps) -> Html {
    let g = p.rules;
    let item = |s: Sel, label: String, mark: Option<&'static str>| {
        let on = p.onselect.clone();
        let current = (s == p.selected).then_some("true");
        html! {
            <li>
                <button type="button" class="bh-element" aria-current={current} onclick={move |_| on.emit(s)}>
                    if let Some(m) = mark { <span class="bh-merk">{ m }</span>{ " " } }
                    { label }
                </button>
            </li>
        }
    };
    let add = |label: &str, e: Edit| {
        let on = p.onedit.clone();
        html! { <li><button type="button" class="rw-knop rw-klein" onclick={move |_| on.emit(e.clone())}>{ label }</button></li> }
    };
    html! {
        <nav class="bh-lijst" aria-label="Onderdelen van het regelbestand">
            <ul>
                { item(Sel::Version, "Versie en geldigheid".into(), None) }
                { item(Sel::Headings, format!("Koppen en niet verwerkte passages ({})", g.headings.len()), None) }
            </ul>
            <h2>{ format!("Vragen ({})", g.questions.len()) }</h2>
            <ul>
                { for g.questions.iter().enumerate().map(|(i, q)| item(Sel::Question(i), format!("{} ({})", q.short, q.id), None)) }
                { add("Vraag toevoegen", Edit::AddQuestion) }
            </ul>
            <h2>{ format!("Uitkomsten ({})", g.outcomes.len()) }</h2>
            <ul>
                { for g.outcomes.iter().enumerate().map(|(i, o)| item(Sel::Outcome(i), format!("{} ({})", o.short, o.id), None)) }
                { add("Uitkomst toevoegen", Edit::AddOutcome) }
            </ul>
            <h2>{ format!("Evaluatieritmes ({})", g.cadences.len()) }</h2>
            <ul>
                { for g.cadences.iter().enumerate().map(|(i, c)| item(Sel::Cadence(i), format!("{} ({})", c.label, c.id), None)) }
                { add("Evaluatieritme toevoegen", Edit::AddCadence) }
            </ul>
            <h2>{ format!("Testgevallen ({} van {} geslaagd)", p.cases.iter().filter(|c| **c == CaseStatus::Passed).count(), g.tests.len()) }</h2>
            <ul>
                { for g.tests.iter().enumerate().map(|(i, t)| {
                    let mark = match p.cases.get(i) {
                        Some(CaseStatus::Passed) => "✓ geslaagd:",
                        Some(CaseStatus::Failed(_)) => "✗ faalt:",
                        _ => "– niet uitgevoerd:",
                    };
                    item(Sel::Case(i), t.name.clone(), Some(mark))
                }) }
                { add("Testgeval toevoegen", Edit::AddCase) }
            </ul>
        </nav>
    }
}
