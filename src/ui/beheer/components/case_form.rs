//! The form of one test case: its name and situation, the answer to every question (or none), what
//! the guideline says they lead to and where it says so; with the case's result on the edited rules.

use super::field::{area, button, select, text};
use crate::engine::model::{ContactAnswer, Guideline};
use crate::ui::beheer::state::{CaseStatus, Edit, TField};
use yew::prelude::*;

pub struct CaseFormProps<'a> {
    pub rules: &'a Guideline,
    pub index: usize,
    pub status: Option<&'a CaseStatus>,
    pub onedit: &'a Callback<Edit>,
}

/// The case's result in words.
pub fn status_text(s: Option<&CaseStatus>) -> (&'static str, String) {
    match s {
        Some(CaseStatus::Passed) => ("bh-geslaagd", "Geslaagd".into()),
        Some(CaseStatus::Failed(why)) => ("bh-gefaald", format!("Faalt: {why}")),
        _ => ("bh-nietgedraaid", "Niet uitgevoerd: los eerst de andere punten in de controle op".into()),
    }
}

pub fn view(p: &CaseFormProps) -> Html {
    let (g, ti) = (p.rules, p.index);
    let Some(t) = g.tests.get(ti) else { return html! {} };
    let set = |f: TField| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::Case(ti, f, v)))
    };
    let id = |s: &str| format!("t{ti}-{s}");
    let outcomes: Vec<(String, String)> = g.outcomes.iter().map(|o| (o.id.clone(), format!("{} ({})", o.short, o.id))).collect();
    let provider = match t.expect.provider {
        None => "",
        Some(ContactAnswer::Ja) => "ja",
        Some(ContactAnswer::Nee) => "nee",
        Some(ContactAnswer::Mag) => "mag",
    };
    let answers: Vec<(String, String)> = [("", "Niet controleren"), ("ja", "Ja"), ("nee", "Nee"), ("mag", "Mag (geen plicht)")]
        .iter()
        .map(|(v, l)| (v.to_string(), l.to_string()))
        .collect();
    let (class, result) = status_text(p.status);
    let remove = {
        let e = p.onedit.clone();
        Callback::from(move |_: MouseEvent| e.emit(Edit::RemoveCase(ti)))
    };
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ format!("Testgeval «{}»", t.name) }</h2>
            <p class={classes!("bh-uitslag", class)} role="status">{ result }</p>
            { text(&id("name"), "Naam", &t.name, &set(TField::Name)) }
            { area(&id("situation"), "Casus (zoals een cursist hem leest, zonder persoonsgegevens)", &t.situation, &set(TField::Situation)) }
            <fieldset class="bh-groep">
                <legend>{ "Antwoorden" }</legend>
                { for g.questions.iter().enumerate().map(|(qi, q)| {
                    let mut choices: Vec<(String, String)> = vec![(String::new(), "(niet beantwoord)".into())];
                    choices.extend(q.options.iter().map(|c| (c.id.clone(), format!("{} ({})", c.short, c.id))));
                    let on = {
                        let (e, qid) = (p.onedit.clone(), q.id.clone());
                        Callback::from(move |v: String| e.emit(Edit::CaseAnswer(ti, qid.clone(), v)))
                    };
                    select(&id(&format!("a{qi}")), &format!("{} ({})", q.short, q.id), t.answers.get(q.id.as_str()).map_or("", |s| s.as_str()), &choices, &on)
                }) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Verwacht" }</legend>
                { select(&id("outcome"), "Uitkomst", &t.expect.outcome, &outcomes, &set(TField::Outcome)) }
                { select(&id("provider"), "Antwoord voor de zorgaanbieder", provider, &answers, &set(TField::Provider)) }
                { text(&id("intensity"), "Intensiteit (leeg: niet controleren)", t.expect.intensity.as_deref().unwrap_or(""), &set(TField::Intensity)) }
                { area(&id("because"), "Waar in de richtlijn staat dit (citeer de tekst, niet het model)", &t.expect.because, &set(TField::Because)) }
            </fieldset>
            <p class="bh-knoppen">{ button("Testgeval verwijderen", &format!("Testgeval {} verwijderen", t.name), remove) }</p>
        </section>
    }
}
