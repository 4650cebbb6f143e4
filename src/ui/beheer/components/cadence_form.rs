//! The form of one evaluation rhythm: its spans (a number and a unit), the review one year after
//! the start, the days before the end, who decides the form, and its source.

use super::anchor;
use super::field::{area, button, select, text};
use super::number_field::NumberField;
use super::question_form::{quote_button, rename};
use crate::engine::model::{Guideline, Span};
use crate::ui::beheer::state::{span_text, Edit, KField};
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct CadenceFormProps<'a> {
    pub rules: &'a Guideline,
    pub index: usize,
    pub onedit: &'a Callback<Edit>,
    pub onquote: &'a Callback<usize>,
}

const UNITS: [(&str, &str); 4] = [("weeks", "weken"), ("months", "maanden"), ("years", "jaar"), ("hours", "uur")];

/// A span as a number and a unit; `optional`: an empty number means "geen".
pub fn span(id: &str, label: &str, value: Option<Span>, optional: bool, on: &Callback<String>) -> Html {
    let text = value.map(span_text).unwrap_or_default();
    let (n, unit) = text.split_once(' ').map(|(n, u)| (n.to_string(), u.to_string())).unwrap_or((String::new(), "months".into()));
    let on_n = {
        let (on, unit) = (on.clone(), unit.clone());
        Callback::from(move |v: String| on.emit(if v.trim().is_empty() { String::new() } else { format!("{} {unit}", v.trim()) }))
    };
    let on_unit = {
        let (on, n) = (on.clone(), n.clone());
        Callback::from(move |e: Event| {
            on.emit(format!("{} {}", if n.is_empty() { "1" } else { &n }, e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    html! {
        <fieldset class="bh-termijn">
            <legend>{ label }</legend>
            <label for={format!("{id}-n")}>{ if optional { "Aantal (leeg: geen)" } else { "Aantal" } }</label>
            <NumberField key={format!("{id}-n")} id={format!("{id}-n")} min="1" value={n} onchange={on_n} />
            <label for={format!("{id}-u")}>{ "Eenheid" }</label>
            <select id={format!("{id}-u")} ~value={wasm_bindgen::JsValue::from_str(&unit)} onchange={on_unit}>
                { for UNITS.iter().map(|(v, l)| html! { <option value={*v} selected={*v == unit}>{ *l }</option> }) }
            </select>
        </fieldset>
    }
}

pub fn view(p: &CadenceFormProps) -> Html {
    let (g, ki) = (p.rules, p.index);
    let Some(k) = g.cadences.get(ki) else { return html! {} };
    let set = |f: KField| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::Cadence(ki, f, v)))
    };
    let id = |s: &str| format!("k{ki}-{s}");
    let yes_no: Vec<(String, String)> = vec![("true".into(), "Ja".into()), ("false".into(), "Nee".into())];
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ format!("Evaluatieritme «{}»", k.id) }</h2>
            { text(&format!("k{ki}-id"), "Id van het evaluatieritme (wordt bijgewerkt in de uitkomsten die het noemen)", &k.id, &rename(p.onedit, move |v| Edit::RenameCadence(ki, v))) }
            { text(&id("label"), "Naam", &k.label, &set(KField::Label)) }
            { span(&id("first"), "Eerste gesprek na de start", Some(k.first_review), false, &set(KField::FirstReview)) }
            { span(&id("firstyear"), "Daarna in het eerste jaar iedere", k.first_year_every, true, &set(KField::FirstYearEvery)) }
            { select(&id("year"), "Evaluatie een jaar na de start", if k.year_review { "true" } else { "false" }, &yes_no, &set(KField::YearReview)) }
            { span(&id("after"), "Na het eerste jaar iedere", Some(k.after_first_year_every), false, &set(KField::AfterFirstYearEvery)) }
            <div class="bh-veld">
                <label for={id("days")}>{ "Evaluatiegesprek: zoveel dagen vóór het einde van de indicatie" }</label>
                <NumberField key={id("days")} id={id("days")} min="0" value={k.days_before_end.to_string()} onchange={set(KField::DaysBeforeEnd)} />
            </div>
            { span(&id("cont"), "Bij voortzetting iedere", Some(k.continuation_every), false, &set(KField::ContinuationEvery)) }
            { text(&id("form"), "Wie bepaalt de vorm (eerste jaar)", &k.form_decided_by, &set(KField::FormDecidedBy)) }
            { text(&id("later"), "Wie bepaalt de vorm daarna (leeg: dezelfde)", k.later_form_decided_by.as_deref().unwrap_or(""), &set(KField::LaterFormDecidedBy)) }
            <fieldset class="bh-groep">
                <legend>{ "Bron in de richtlijn" }</legend>
                { text(&id("heading"), "Kop", &k.source.heading, &set(KField::Heading)) }
                { area(&id("quote"), "Letterlijk citaat", &k.source.quote, &set(KField::Quote)) }
                <p class="bh-knoppen">
                    { quote_button(p.onquote, 0) }
                    <a href={format!("#citaat-{}-0", anchor(&format!("cadence:{}", k.id)))}>{ "Toon in de tekst" }</a>
                </p>
            </fieldset>
            <p class="bh-knoppen">{ button("Evaluatieritme verwijderen", &format!("Evaluatieritme {} verwijderen", k.id), {
                let e = p.onedit.clone();
                Callback::from(move |_: MouseEvent| e.emit(Edit::RemoveCadence(ki)))
            }) }</p>
        </section>
    }
}
