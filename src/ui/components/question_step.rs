use crate::engine::model::Question;
use crate::engine::UNKNOWN;
use crate::ui::browser;
use crate::ui::components::{interpretation_mark, raw};
use crate::ui::markup::Markup;
use yew::prelude::*;

pub struct QuestionStepProps {
    pub question: Question,
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
pub fn view(props: &QuestionStepProps) -> Html {
    let q = &props.question;
    let onsubmit = {
        let onnext = props.onnext.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            onnext.emit(());
        }
    };
    let help_id = format!("{}-hulp", props.uid);
    // The radio buttons stay Yew's (they keep the focus and the selection while the user moves
    // between them); the texts around them are written as text (see crate::ui::markup).
    let option = |value: &str, label: &str| {
        let id = format!("{}-{}-{}", props.uid, q.id, if value == UNKNOWN { "onbekend" } else { value });
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
    let unknown = q.unknown.as_ref().filter(|_| !props.limit);

    let mut before = Markup::new();
    if let Some(c) = &props.context {
        before.el("<p class=\"rw-context\">", c);
    }
    let mut legend = Markup::new();
    legend.el("<legend class=\"rw-titel\">", &q.text);
    if let Some(h) = &q.help {
        legend.raw("<p class=\"rw-hulp\"").attr("id", &help_id).raw(">").text(h).raw("</p>");
    }
    let mut after = Markup::new();
    if let (Some(u), Some(UNKNOWN)) = (unknown, props.selected.as_deref()) {
        after
            .raw("<p class=\"rw-uitzoeken\"><strong>Zoek uit: </strong>")
            .text(&u.find_out)
            .raw(" De Regiewijzer laat u intussen zien wat elk antwoord betekent.</p>");
    }
    if props.limit {
        after.raw("<p class=\"rw-melding\" role=\"status\">U heeft al ").num(crate::engine::walk::MAX_UNKNOWNS as i32);
        after.raw(" keer &#39;Weet ik niet&#39; gekozen op deze route. Kies hier een antwoord om verder te gaan.</p>");
    }
    if let Some(i) = &q.interpretation {
        interpretation_mark::write(&mut after, i);
    }
    after.raw("<p class=\"rw-bron-kort\">");
    match &props.note {
        Some(n) => after.text(n),
        None => after.raw("Bron: ").text(q.source.heading_label()),
    };
    after.raw("</p><div class=\"rw-knoppen\"><button type=\"submit\" class=\"rw-knop rw-primair\">");
    after.raw(if props.editing { "Wijziging opslaan</button>" } else { "Volgende</button>" });
    if props.can_go_back {
        after.raw(if props.editing {
            "<button type=\"button\" class=\"rw-knop\" data-rw=\"terug\">Niet wijzigen</button>"
        } else {
            "<button type=\"button\" class=\"rw-knop\" data-rw=\"terug\">Terug</button>"
        });
    }
    after.raw("<button type=\"button\" class=\"rw-knop rw-secundair\" data-rw=\"opnieuw\">Opnieuw beginnen</button></div>");
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
                if unknown.is_some() {
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
