//! A number input that keeps what the user is typing until the field is left ([`use_draft`], as
//! [`super::field::Field`] does for text): the page renders again while the user types (the audit
//! of the edit before runs 250 ms after it), and Yew writes the rules' value into an input whose
//! text differs, so a number typed in those 250 ms was lost.

use super::field::use_draft;
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
    let (value, oninput, onchange) = use_draft(&p.value, &p.onchange);
    html! { <input type="number" min={p.min.clone()} id={p.id.clone()} {value} {oninput} {onchange} /> }
}
