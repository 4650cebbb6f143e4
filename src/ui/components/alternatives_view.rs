use crate::engine::model::{ContactAnswer, Guideline};
use crate::engine::Advice;
use crate::ui::browser;
use crate::ui::components::{raw, source_quote, BundleRef};
use crate::ui::markup::Markup;
use std::rc::Rc;
use yew::prelude::*;

/// One alternative: the options assumed for the unknown answers, and its advice.
pub type Alternatives = Rc<Vec<(Vec<(String, String)>, Advice)>>;

pub struct AlternativesViewProps {
    pub bundle: BundleRef,
    pub alternatives: Alternatives,
    /// Called with (question, option) when the user now knows the answer.
    pub ondecide: Callback<(String, String)>,
    pub onprint: Callback<()>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
}

/// "Weet ik niet": the outcomes of every option side by side ("Als … dan …"), what to find out
/// first and who can tell, and a button per alternative to settle the answer.
/// A render function, not a component (see `question_step::view`); the parent gives the focus
/// with `outcome_view::focus` (the same element id).
pub fn view(props: &AlternativesViewProps) -> Html {
    let g: &Guideline = &props.bundle.0.guideline;
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

    // As text (see crate::ui::markup); "Dit weet ik nu" carries its alternative's number.
    let mut m = Markup::new();
    m.raw("<h2 class=\"rw-titel\" tabindex=\"-1\">De uitkomst hangt af van wat u nog niet weet</h2>");
    if same {
        m.raw("<p class=\"rw-melding\">Goed nieuws: in alle gevallen is de uitkomst dezelfde. U kunt verder zonder het antwoord te weten.</p>");
    }
    m.raw("<h3 class=\"rw-subtitel\">Zoek eerst uit</h3><ul class=\"rw-uitzoeklijst\">");
    for q in unknown.iter().filter_map(|q| g.question(q)) {
        m.raw("<li>")
            .el("<strong>", &q.text)
            .raw(" ")
            .text(q.unknown.as_ref().map(|u| u.find_out.as_str()).unwrap_or_default())
            .raw("</li>");
    }
    m.raw("</ul><div class=\"rw-naast\">");
    for (n, (assumed, a)) in props.alternatives.iter().enumerate() {
        let Some(o) = &a.outcome else { continue };
        let when: Vec<String> = assumed.iter().map(|(q, o)| label(q, o)).collect();
        m.raw("<section class=\"rw-alternatief\"><h3 class=\"rw-subtitel\">Als: ").text(&when.join(", en ")).raw("</h3>");
        m.el("<p class=\"rw-alt-titel\">", &o.title);
        m.raw("<dl class=\"rw-kenmerken\"><dt>Vorm van regie</dt>").el("<dd>", &o.regie).raw("<dt>Wie</dt>").el("<dd>", &o.owner);
        if let Some(p) = &o.provider {
            m.raw("<dt>Contact wijkteam</dt><dd>").text(p.answer.label());
            if p.answer != ContactAnswer::Nee {
                m.raw(" — ").text(&p.text);
            }
            m.raw("</dd>");
        }
        m.raw("</dl>");
        if let Some(s) = o.sources.first() {
            source_quote::write(&mut m, s, &a.guideline.seed);
        }
        if let Some(w) = when.first() {
            m.raw("<button type=\"button\" class=\"rw-knop rw-geen-print\" data-rw=\"")
                .num(n as i32)
                .raw("\">Dit weet ik nu: ")
                .text(w)
                .raw("</button>");
        }
        m.raw("</section>");
    }
    m.raw("</div><div class=\"rw-knoppen rw-geen-print\"><button type=\"button\" class=\"rw-knop\" data-rw=\"print\">Afdrukken</button></div>");

    let onclick = {
        let (all, ondecide, onprint) = (props.alternatives.clone(), props.ondecide.clone(), props.onprint.clone());
        move |e: MouseEvent| match browser::action_of(&e) {
            Some(a) if a == "print" => onprint.emit(()),
            Some(a) => {
                if let Some((q, o)) = a.parse::<usize>().ok().and_then(|n| all.get(n)).and_then(|(assumed, _)| assumed.first()) {
                    ondecide.emit((q.clone(), o.clone()));
                }
            }
            None => {}
        }
    };
    html! {
        <article class="rw-alternatieven" id={format!("{}-uitkomst", props.uid)} {onclick}>{ raw(m) }</article>
    }
}
