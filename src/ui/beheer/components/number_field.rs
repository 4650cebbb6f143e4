//! A number input that keeps what the user is typing until the field is left, as
//! [`super::field::Field`] does for text: the page renders again while the user types (the audit
//! of the edit before runs 250 ms after it), and Yew writes the rules' value into an input whose
//! text differs, so a number typed in those 250 ms was lost.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    /// The value in the rules.
    pub value: AttrValue,
    /// The smallest number the field takes.
    pub min: AttrValue,
    /// The finished edit (on `change`).
    pub onchange: Callback<String>,
}

#[component]
pub fn NumberField(p: &NumberFieldProps) -> Html {
    let draft = use_mut_ref(|| None::<String>);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| *draft.borrow_mut() = Some(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onchange = {
        let (draft, on) = (draft.clone(), p.onchange.clone());
        Callback::from(move |e: Event| {
            *draft.borrow_mut() = None;
            on.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let value = draft.borrow().clone().unwrap_or_else(|| p.value.to_string());
    html! { <input type="number" min={p.min.clone()} id={p.id.clone()} {value} {oninput} {onchange} /> }
}
