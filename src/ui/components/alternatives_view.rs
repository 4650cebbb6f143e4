use crate::engine::model::{ContactAnswer, Guideline};
use crate::engine::Advice;
use crate::ui::components::source_quote::SourceQuote;
use crate::ui::components::BundleRef;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// One alternative: the options assumed for the unknown answers, and its advice.
pub type Alternatives = Rc<Vec<(Vec<(String, String)>, Advice)>>;

#[derive(Properties, PartialEq)]
pub struct AlternativesViewProps {
    pub bundle: BundleRef,
    pub alternatives: Alternatives,
    /// Called with (question, option) when the user now knows the answer.
    pub ondecide: Callback<(String, String)>,
    pub onprint: Callback<()>,
}

/// "Weet ik niet": the outcomes of every option side by side ("Als … dan …"), what to find out
/// first and who can tell, and a button per alternative to settle the answer.
#[component]
pub fn AlternativesView(props: &AlternativesViewProps) -> Html {
    let g: &Guideline = &props.bundle.0.guideline;
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.alternatives.len(), move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let label = |q: &str, o: &str| {
        let q = g.question(q);
        let short = q.map(|q| q.short.as_str()).unwrap_or_default();
        let opt = q.and_then(|q| q.options.iter().find(|c| c.id == o)).map(|c| c.label.as_str()).unwrap_or(o);
        format!("{short} {opt}")
    };
    let mut unknown: Vec<&str> = Vec::new();
    for (assumed, _) in props.alternatives.iter() {
        for (q, _) in assumed {
            if !unknown.contains(&q.as_str()) {
                unknown.push(q);
            }
        }
    }
    let outcomes: Vec<&str> = props.alternatives.iter().filter_map(|(_, a)| a.outcome.as_ref().map(|o| o.id.as_str())).collect();
    let same = outcomes.windows(2).all(|w| w[0] == w[1]);
    html! {
        <article class="rw-alternatieven">
            <h2 class="rw-titel" tabindex="-1" ref={heading}>{ "De uitkomst hangt af van wat u nog niet weet" }</h2>
            if same {
                <p class="rw-melding">{ "Goed nieuws: in alle gevallen is de uitkomst dezelfde. U kunt verder zonder het antwoord te weten." }</p>
            }
            <h3 class="rw-subtitel">{ "Zoek eerst uit" }</h3>
            <ul class="rw-uitzoeklijst">
            { for unknown.iter().filter_map(|q| g.question(q)).map(|q| html! {
                <li><strong>{ &q.text }</strong>{ " " }{ q.unknown.as_ref().map(|u| u.find_out.clone()).unwrap_or_default() }</li>
            }) }
            </ul>
            <div class="rw-naast">
            { for props.alternatives.iter().map(|(assumed, a)| {
                let when: Vec<String> = assumed.iter().map(|(q, o)| label(q, o)).collect();
                let first = assumed.first().cloned();
                let ondecide = props.ondecide.clone();
                let Some(o) = &a.outcome else { return html! {} };
                html! {
                    <section class="rw-alternatief">
                        <h3 class="rw-subtitel">{ format!("Als: {}", when.join(", en ")) }</h3>
                        <p class="rw-alt-titel">{ &o.title }</p>
                        <dl class="rw-kenmerken">
                            <dt>{ "Vorm van regie" }</dt><dd>{ &o.regie }</dd>
                            <dt>{ "Wie" }</dt><dd>{ &o.owner }</dd>
                            if let Some(p) = &o.provider {
                                <dt>{ "Contact wijkteam" }</dt>
                                <dd>{ p.answer.label() }{ if p.answer == ContactAnswer::Nee { "" } else { " — " } }{ if p.answer == ContactAnswer::Nee { "" } else { p.text.as_str() } }</dd>
                            }
                        </dl>
                        if let Some(s) = o.sources.first() {
                            <SourceQuote source={s.clone()} seed={a.guideline.seed.clone()} />
                        }
                        if let Some((q, opt)) = first {
                            <button type="button" class="rw-knop rw-geen-print" onclick={move |_| ondecide.emit((q.clone(), opt.clone()))}>
                                { format!("Dit weet ik nu: {}", when[0]) }
                            </button>
                        }
                    </section>
                }
            }) }
            </div>
            <div class="rw-knoppen rw-geen-print">
                <button type="button" class="rw-knop" onclick={let p = props.onprint.clone(); move |_| p.emit(())}>{ "Afdrukken" }</button>
            </div>
        </article>
    }
}
