//! "Twee regelbestanden vergelijken": any two rule files from this computer, compared route by
//! route like the edited rules with the version opened (the same tables, [`super::diff_view`]).
//! Apart from the file being edited; nothing leaves the browser.

use super::diff_view::view_diff;
use crate::ui::beheer::state::Comparison;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    /// The two file inputs (old, new) are read by the page.
    pub old_input: NodeRef,
    pub new_input: NodeRef,
    /// The files are being read and compared.
    pub busy: bool,
    /// The last comparison, or why it failed.
    pub comparison: Option<Result<Comparison, String>>,
    /// Compare, with the sample start date.
    pub oncompare: Callback<String>,
}

#[component]
pub fn ComparePanel(p: &ComparePanelProps) -> Html {
    let start = use_state_eq(|| "2026-01-05".to_string());
    let onstart = {
        let start = start.clone();
        Callback::from(move |e: Event| start.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let run = {
        let (on, start) = (p.oncompare.clone(), start.clone());
        Callback::from(move |_: MouseEvent| on.emit((*start).clone()))
    };
    html! {
        <section class="bh-verschil" aria-labelledby="bh-vergelijk-titel">
            <h2 id="bh-vergelijk-titel">{ "Twee regelbestanden vergelijken" }</h2>
            <p>{ "Bijvoorbeeld de regionale versie en de eigen variant van een gemeente, of twee versies van een richtlijn: welke antwoorden in het nieuwe bestand een ander advies geven." }</p>
            <div class="bh-rij">
                <div class="bh-veld">
                    <label for="bh-oud">{ "Oud regelbestand (.json)" }</label>
                    <input type="file" id="bh-oud" accept=".json,application/json" ref={p.old_input.clone()} />
                </div>
                <div class="bh-veld">
                    <label for="bh-nieuw">{ "Nieuw regelbestand (.json)" }</label>
                    <input type="file" id="bh-nieuw" accept=".json,application/json" ref={p.new_input.clone()} />
                </div>
                <div class="bh-veld">
                    <label for="bh-vergelijk-start">{ "Voorbeeld-startdatum" }</label>
                    <input type="date" id="bh-vergelijk-start" value={(*start).clone()} onchange={onstart} />
                </div>
                <button type="button" class="rw-knop" onclick={run} disabled={p.busy}>{ "Vergelijk de twee bestanden" }</button>
            </div>
            if p.busy {
                <p class="bh-let" role="status">{ "Bezig: de bestanden worden gelezen en elke route wordt vergeleken." }</p>
            }
            { match &p.comparison {
                Some(Ok(c)) => html! {
                    <>
                        <h3>{ format!("Van {} naar {}", c.old_name, c.new_name) }</h3>
                        { view_diff(&c.diff) }
                    </>
                },
                Some(Err(why)) => html! { <p class="bh-let" role="status">{ why }</p> },
                None => html! {},
            } }
        </section>
    }
}
