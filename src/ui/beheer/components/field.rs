//! Labelled form controls. Text fields report on `change` (when the field is left or Enter is
//! pressed), so every finished edit is one step of undo and one run of the checks.

use web_sys::HtmlInputElement;
use yew::prelude::*;

fn value_of(e: &Event) -> String {
    // Also right for <select> and <textarea>: `value` is read as a property.
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn changed(on: &Callback<String>) -> Callback<Event> {
    let on = on.clone();
    Callback::from(move |e: Event| on.emit(value_of(&e)))
}

/// A one-line text field.
pub fn text(id: &str, label: &str, value: &str, on: &Callback<String>) -> Html {
    html! {
        <div class="bh-veld">
            <label for={id.to_string()}>{ label }</label>
            <input type="text" id={id.to_string()} value={value.to_string()} onchange={changed(on)} />
        </div>
    }
}

/// A date field (`JJJJ-MM-DD`).
pub fn date(id: &str, label: &str, value: &str, on: &Callback<String>) -> Html {
    html! {
        <div class="bh-veld">
            <label for={id.to_string()}>{ label }</label>
            <input type="date" id={id.to_string()} value={value.to_string()} onchange={changed(on)} />
        </div>
    }
}

/// A multi-line text field.
pub fn area(id: &str, label: &str, value: &str, on: &Callback<String>) -> Html {
    html! {
        <div class="bh-veld">
            <label for={id.to_string()}>{ label }</label>
            <textarea id={id.to_string()} rows="3" value={value.to_string()} onchange={changed(on)} />
        </div>
    }
}

/// A checkbox; reports whether it is now checked.
pub fn check(id: &str, label: &str, checked: bool, on: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<HtmlInputElement>().checked()));
    html! {
        <span class="bh-vink">
            <input type="checkbox" id={id.to_string()} checked={checked} {onchange} />
            <label for={id.to_string()}>{ label }</label>
        </span>
    }
}

/// A choice from a list of (value, label).
pub fn select(id: &str, label: &str, value: &str, choices: &[(String, String)], on: &Callback<String>) -> Html {
    html! {
        <div class="bh-veld">
            <label for={id.to_string()}>{ label }</label>
            <select id={id.to_string()} ~value={wasm_bindgen::JsValue::from_str(value)} onchange={changed(on)}>
                { for choices.iter().map(|(v, l)| html! { <option value={v.clone()} selected={v == value}>{ l }</option> }) }
            </select>
        </div>
    }
}

/// A small button.
pub fn button(label: &str, aria: &str, on: Callback<MouseEvent>) -> Html {
    html! { <button type="button" class="rw-knop rw-klein" aria-label={aria.to_string()} onclick={on}>{ label }</button> }
}

/// Buttons to move an item up or down and remove it; `what` names it for screen readers.
pub fn item_buttons(
    what: &str,
    first: bool,
    last: bool,
    up: Callback<MouseEvent>,
    down: Callback<MouseEvent>,
    remove: Callback<MouseEvent>,
) -> Html {
    html! {
        <span class="bh-itemknoppen">
            <button type="button" class="rw-knop rw-klein" aria-label={format!("{what} omhoog")} disabled={first} onclick={up}>{ "↑" }</button>
            <button type="button" class="rw-knop rw-klein" aria-label={format!("{what} omlaag")} disabled={last} onclick={down}>{ "↓" }</button>
            <button type="button" class="rw-knop rw-klein" aria-label={format!("{what} verwijderen")} onclick={remove}>{ "Verwijder" }</button>
        </span>
    }
}

/// The choices for "leidt naar": every question and outcome of the rules.
pub fn targets(g: &crate::engine::Guideline) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = g.questions.iter().map(|q| (q.id.clone(), format!("Vraag: {} ({})", q.short, q.id))).collect();
    out.extend(g.outcomes.iter().map(|o| (o.id.clone(), format!("Uitkomst: {} ({})", o.short, o.id))));
    out
}

/// The interpretation kinds, with "geen" first when `none` is given.
pub fn kinds(none: Option<&str>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = none.map(|n| vec![(String::new(), n.to_string())]).unwrap_or_default();
    out.push(("interpretatie".into(), "Interpretatie: de tekst laat meer lezingen toe".into()));
    out.push(("niet_eenduidig".into(), "Niet eenduidig: de tekst zegt twee dingen".into()));
    out
}
