//! Open a built-in guideline (its rule file and kept text, from the site's own folder), or a rule
//! file and its guideline text from this computer. Nothing leaves the browser.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenPanelProps {
    /// The built-in guidelines: id and name.
    pub builtin: std::rc::Rc<Vec<(String, String)>>,
    pub onbuiltin: Callback<String>,
    /// The two file inputs (rule file, text) are read by the page.
    pub rules_input: NodeRef,
    pub text_input: NodeRef,
    pub onfiles: Callback<()>,
}

#[component]
pub fn OpenPanel(p: &OpenPanelProps) -> Html {
    let picked = use_state_eq(String::new);
    let choose = {
        let picked = picked.clone();
        Callback::from(move |e: Event| picked.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    let open = {
        let (on, picked, first) = (p.onbuiltin.clone(), picked.clone(), p.builtin.first().map(|(id, _)| id.clone()).unwrap_or_default());
        Callback::from(move |_: MouseEvent| on.emit(if picked.is_empty() { first.clone() } else { (*picked).clone() }))
    };
    let files = {
        let on = p.onfiles.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    html! {
        <section class="bh-openen" aria-labelledby="bh-openen-titel">
            <h2 id="bh-openen-titel">{ "Openen" }</h2>
            <div class="bh-rij">
                <div class="bh-veld">
                    <label for="bh-ingebouwd">{ "Een richtlijn van deze site" }</label>
                    <select id="bh-ingebouwd" onchange={choose}>
                        { for p.builtin.iter().map(|(id, name)| html! { <option value={id.clone()} selected={*id == *picked}>{ name }</option> }) }
                    </select>
                </div>
                <button type="button" class="rw-knop" onclick={open}>{ "Open deze richtlijn" }</button>
            </div>
            <div class="bh-rij">
                <div class="bh-veld">
                    <label for="bh-bestand">{ "Of een regelbestand van deze computer (.json)" }</label>
                    <input type="file" id="bh-bestand" accept=".json,application/json" ref={p.rules_input.clone()} />
                </div>
                <div class="bh-veld">
                    <label for="bh-tekstbestand">{ "met de tekst van de richtlijn (.txt, mag ontbreken)" }</label>
                    <input type="file" id="bh-tekstbestand" accept=".txt,text/plain" ref={p.text_input.clone()} />
                </div>
                <button type="button" class="rw-knop" onclick={files}>{ "Open de bestanden" }</button>
            </div>
        </section>
    }
}
