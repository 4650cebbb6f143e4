use crate::engine::model::Question;
use crate::engine::UNKNOWN;
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
    /// "Als …": the "Weet ik niet" answers whose route this question is on, in words.
    #[prop_or_default]
    pub context: Option<String>,
    /// The "Weet ik niet" limit was reached here: the option is not offered.
    #[prop_or_default]
    pub limit: bool,
    /// A line shown instead of the question's source (a question that is not one guideline's own).
    #[prop_or_default]
    pub note: Option<AttrValue>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
    pub onselect: Callback<String>,
    pub onnext: Callback<()>,
    pub onback: Callback<()>,
    pub onrestart: Callback<()>,
}

/// One question as a fieldset with a legend and radio buttons ("Weet ik niet" where the rule file
/// allows it), and Volgende / Terug / Opnieuw.
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
    let help_id = format!("{}-hulp", props.uid);
    let option = |value: &str, label: &str| {
        let id = format!("{}-{}-{}", props.uid, q.id, if value == UNKNOWN { "onbekend" } else { value });
        let onselect = props.onselect.clone();
        let v = value.to_string();
        html! {
            <div class="rw-optie">
                <input type="radio" id={id.clone()} name={format!("{}-{}", props.uid, q.id)} value={value.to_string()}
                    checked={props.selected.as_deref() == Some(value)}
                    onchange={move |_| onselect.emit(v.clone())} />
                <label for={id}>{ label.to_string() }</label>
            </div>
        }
    };
    let unknown = q.unknown.as_ref().filter(|_| !props.limit);
    html! {
        <form class="rw-vraag" {onsubmit}>
            if let Some(c) = &props.context {
                <p class="rw-context">{ c }</p>
            }
            <fieldset ref={fieldset} aria-describedby={q.help.as_ref().map(|_| help_id.clone())}>
                <legend class="rw-titel">{ &q.text }</legend>
                if let Some(h) = &q.help {
                    <p class="rw-hulp" id={help_id.clone()}>{ h }</p>
                }
                { for q.options.iter().map(|c| option(&c.id, &c.label)) }
                if unknown.is_some() {
                    { option(UNKNOWN, "Weet ik niet") }
                }
            </fieldset>
            if let (Some(u), Some(UNKNOWN)) = (unknown, props.selected.as_deref()) {
                <p class="rw-uitzoeken"><strong>{ "Zoek uit: " }</strong>{ &u.find_out }{ " De Regiewijzer laat u intussen zien wat elk antwoord betekent." }</p>
            }
            if props.limit {
                <p class="rw-melding" role="status">{ format!("U heeft al {} keer 'Weet ik niet' gekozen op deze route. Kies hier een antwoord om verder te gaan.", crate::engine::walk::MAX_UNKNOWNS) }</p>
            }
            if let Some(i) = &q.interpretation {
                <InterpretationMark interpretation={i.clone()} />
            }
            if let Some(n) = &props.note {
                <p class="rw-bron-kort">{ n }</p>
            } else {
                <p class="rw-bron-kort">{ format!("Bron: {}", q.source.heading_label()) }</p>
            }
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
