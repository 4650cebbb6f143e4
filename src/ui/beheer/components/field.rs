//! Labelled form controls. Text fields report on `change` (when the field is left or Enter is
//! pressed), so every finished edit is one step of undo and one run of the checks; until then they
//! keep what is typed ([`Field`]).

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

/// What kind of text a [`Field`] takes.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    /// One line.
    Line,
    /// Several lines.
    Lines,
    /// A date (`JJJJ-MM-DD`).
    Date,
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// The value in the rules.
    pub value: AttrValue,
    pub kind: Kind,
    /// The finished edit (on `change`).
    pub on: Callback<String>,
}

/// What a control shows and its two listeners, keeping what the user is typing until the control is
/// left: the page renders again while the user types (the audit follows an edit a moment later), and
/// Yew writes the rules' `value` into a control whose text differs, so without the draft typed text
/// was lost. `on` gets the finished edit (on `change`).
#[hook]
pub fn use_draft(value: &AttrValue, on: &Callback<String>) -> (String, Callback<InputEvent>, Callback<Event>) {
    let draft = use_mut_ref(|| None::<String>);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| *draft.borrow_mut() = Some(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onchange = {
        let (draft, on) = (draft.clone(), on.clone());
        Callback::from(move |e: Event| {
            *draft.borrow_mut() = None;
            on.emit(value_of(&e));
        })
    };
    let shown = draft.borrow().clone().unwrap_or_else(|| value.to_string());
    (shown, oninput, onchange)
}

/// A labelled text field that keeps what the user is typing until the field is left ([`use_draft`]).
#[component]
pub fn Field(p: &FieldProps) -> Html {
    let (value, oninput, onchange) = use_draft(&p.value, &p.on);
    let id = p.id.clone();
    html! {
        <div class="bh-veld">
            <label for={id.clone()}>{ p.label.clone() }</label>
            { match p.kind {
                Kind::Line => html! { <input type="text" {id} {value} {oninput} {onchange} /> },
                Kind::Date => html! { <input type="date" {id} {value} {oninput} {onchange} /> },
                Kind::Lines => html! { <textarea {id} rows="3" {value} {oninput} {onchange} /> },
            } }
        </div>
    }
}

fn field(id: &str, label: &str, value: &str, kind: Kind, on: &Callback<String>) -> Html {
    html! { <Field key={id.to_string()} id={id.to_string()} label={label.to_string()} value={value.to_string()} {kind} on={on.clone()} /> }
}

/// A one-line text field.
pub fn text(id: &str, label: &str, value: &str, on: &Callback<String>) -> Html {
    field(id, label, value, Kind::Line, on)
}

/// A date field (`JJJJ-MM-DD`).
pub fn date(id: &str, label: &str, value: &str, on: &Callback<String>) -> Html {
    field(id, label, value, Kind::Date, on)
}

/// A multi-line text field.
pub fn area(id: &str, label: &str, value: &str, on: &Callback<String>) -> Html {
    field(id, label, value, Kind::Lines, on)
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
