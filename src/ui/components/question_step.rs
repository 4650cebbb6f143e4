use crate::engine::model::Question;
use crate::engine::UNKNOWN;
use crate::ui::browser;
use crate::ui::components::raw;
use crate::ui::page_markup::{self, QuestionEnd};
use yew::prelude::*;

pub struct QuestionStepProps<'a> {
    pub question: &'a Question,
    pub selected: Option<String>,
    /// An earlier answer is being changed.
    pub editing: bool,
    pub can_go_back: bool,
    /// "Als …": the "Weet ik niet" answers whose route this question is on, in words.
    pub context: Option<String>,
    /// The "Weet ik niet" limit was reached here: the option is not offered.
    pub limit: bool,
    /// A line shown instead of the question's source (a question that is not one guideline's own).
    pub note: Option<AttrValue>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
    pub onselect: Callback<String>,
    pub onnext: Callback<()>,
    pub onback: Callback<()>,
    pub onrestart: Callback<()>,
}

/// One question as a fieldset with a legend and radio buttons ("Weet ik niet" where the rule file
/// allows it), and Volgende / Terug / Opnieuw. A render function, not a component (each component
/// type costs ~2 KB of Yew's code in the wasm): the parent gives the focus with [`focus`] when a new
/// question shows.
pub fn view(props: &QuestionStepProps<'_>) -> Html {
    let q = &props.question;
    let onsubmit = {
        let onnext = props.onnext.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            onnext.emit(());
        }
    };
    let help_id = page_markup::help_id(&props.uid);
    // The radio buttons stay Yew's (they keep the focus and the selection while the user moves
    // between them); the texts around them are written as text, by the functions the first step
    // written at build time uses too (see crate::ui::page_markup).
    let option = |value: &str, label: &str| {
        let id = page_markup::option_id(&props.uid, &q.id, value);
        html! {
            <div class="rw-optie">
                <input type="radio" id={id.clone()} name={format!("{}-{}", props.uid, q.id)} value={value.to_string()}
                    checked={props.selected.as_deref() == Some(value)} />
                <label for={id}>{ label.to_string() }</label>
            </div>
        }
    };
    let onchange = {
        let onselect = props.onselect.clone();
        move |e: Event| onselect.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
    };
    let unknown_offered = q.unknown.is_some() && !props.limit;
    let before = page_markup::question_context(props.context.as_deref());
    let legend = page_markup::question_legend(q, &help_id);
    let after = page_markup::question_end(
        q,
        &QuestionEnd {
            unknown_offered,
            selected: props.selected.as_deref(),
            limit: props.limit,
            note: props.note.as_deref(),
            editing: props.editing,
            can_go_back: props.can_go_back,
        },
    );
    let onclick = {
        let (back, restart) = (props.onback.clone(), props.onrestart.clone());
        move |e: MouseEvent| match browser::action_of(&e).as_deref() {
            Some("terug") => back.emit(()),
            Some("opnieuw") => restart.emit(()),
            _ => {}
        }
    };
    html! {
        <form class="rw-vraag" id={format!("{}-vraag", props.uid)} {onsubmit} {onclick}>
            { raw(before) }
            <fieldset aria-describedby={q.help.as_ref().map(|_| help_id.clone())} {onchange}>
                { raw(legend) }
                { for q.options.iter().map(|c| option(&c.id, &c.label)) }
                if unknown_offered {
                    { option(UNKNOWN, "Weet ik niet") }
                }
            </fieldset>
            { raw(after) }
        </form>
    }
}

/// Gives the keyboard focus to the shown question's selected option, or its first: a new question
/// is answered from the keyboard at once. `uid` is the widget's prefix.
pub fn focus(uid: &str) {
    let form = format!("{uid}-vraag");
    if !browser::focus_within(&form, "input:checked") {
        browser::focus_within(&form, "input");
    }
}
