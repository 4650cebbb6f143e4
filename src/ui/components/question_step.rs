use crate::engine::model::Question;
use crate::ui::components::interpretation_mark::InterpretationMark;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionStepProps {
    pub question: Question,
    pub selected: Option<String>,
    /// An earlier answer is being changed.
    pub editing: bool,
    pub can_go_back: bool,
    pub onselect: Callback<String>,
    pub onnext: Callback<()>,
    pub onback: Callback<()>,
    pub onrestart: Callback<()>,
}

/// One question as a fieldset with a legend and radio buttons, and Volgende / Terug / Opnieuw.
#[component]
pub fn QuestionStep(props: &QuestionStepProps) -> Html {
    let q = &props.question;
    let onsubmit = {
        let onnext = props.onnext.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            onnext.emit(());
        }
    };
    // Each new question takes the keyboard focus on its selected (or first) option.
    let fieldset = use_node_ref();
    {
        let fieldset = fieldset.clone();
        use_effect_with(q.id.clone(), move |_| {
            let target = fieldset.cast::<web_sys::Element>().and_then(|f| {
                f.query_selector("input:checked").ok().flatten().or_else(|| f.query_selector("input").ok().flatten())
            });
            if let Some(el) = target.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
                let _ = el.focus();
            }
        });
    }
    let help_id = format!("rw-hulp-{}", q.id);
    html! {
        <form class="rw-vraag" {onsubmit}>
            <fieldset ref={fieldset} aria-describedby={q.help.as_ref().map(|_| help_id.clone())}>
                <legend class="rw-titel">{ &q.text }</legend>
                if let Some(h) = &q.help {
                    <p class="rw-hulp" id={help_id.clone()}>{ h }</p>
                }
                { for q.options.iter().map(|c| {
                    let id = format!("rw-{}-{}", q.id, c.id);
                    let onselect = props.onselect.clone();
                    let value = c.id.clone();
                    html! {
                        <div class="rw-optie">
                            <input type="radio" id={id.clone()} name={q.id.clone()} value={c.id.clone()}
                                checked={props.selected.as_deref() == Some(c.id.as_str())}
                                onchange={move |_| onselect.emit(value.clone())} />
                            <label for={id}>{ &c.label }</label>
                        </div>
                    }
                }) }
            </fieldset>
            if let Some(i) = &q.interpretation {
                <InterpretationMark interpretation={i.clone()} />
            }
            <p class="rw-bron-kort">{ format!("Bron: {}", q.source.heading) }</p>
            <div class="rw-knoppen">
                <button type="submit" class="rw-knop rw-primair">{ if props.editing { "Wijziging opslaan" } else { "Volgende" } }</button>
                if props.can_go_back {
                    <button type="button" class="rw-knop" onclick={let b = props.onback.clone(); move |_| b.emit(())}>
                        { if props.editing { "Niet wijzigen" } else { "Terug" } }
                    </button>
                }
                <button type="button" class="rw-knop rw-secundair" onclick={let r = props.onrestart.clone(); move |_| r.emit(())}>{ "Opnieuw beginnen" }</button>
            </div>
        </form>
    }
}
