//! The text parts of the widget's page that two writers share: the App and its question step in the
//! browser, and the first step written at build time ([`crate::ui::first_step`]), which the loader
//! shows before the wasm has arrived. One function per part, so both write the same markup and the
//! hand-over from one to the other changes nothing on screen. Free of Yew and browser types.

use crate::engine::model::{Interpretation, Question};
use crate::engine::UNKNOWN;
use crate::ui::markup::Markup;

/// The widget's head, its read-only part: the name and the guideline walked (`title`, with
/// "andere richtlijn" when the page offers a choice).
#[inline(always)]
pub fn header_text(title: Option<&str>, offers_choice: bool) -> Markup {
    let mut head = Markup::new();
    head.raw("<p class=\"rw-naam\">Regiewijzer</p>");
    if let Some(t) = title {
        head.raw("<p class=\"rw-richtlijn\">").text(t);
        if offers_choice {
            head.raw(" <button type=\"button\" class=\"rw-link rw-geen-print\" data-rw=\"app:kies\">andere richtlijn</button>");
        }
        head.raw("</p>");
    }
    head
}

/// Marks a passage where the guideline is unclear: "interpretatie" or "niet eenduidig".
pub fn interpretation(m: &mut Markup, i: &Interpretation) {
    m.raw("<p class=\"rw-interpretatie\">").el("<strong class=\"rw-label\">", i.kind.label()).raw(" ").text(&i.text).raw("</p>");
}

/// The id of a question's help text (`uid`: the widget's prefix).
#[inline(always)]
pub fn help_id(uid: &str) -> String {
    format!("{uid}-hulp")
}

/// The id of one radio button of question `question` (`value` an option id or [`UNKNOWN`]).
#[inline(always)]
pub fn option_id(uid: &str, question: &str, value: &str) -> String {
    format!("{uid}-{question}-{}", if value == UNKNOWN { "onbekend" } else { value })
}

/// Above the question: on the route of "Weet ik niet" answers, which answers it assumes.
#[inline(always)]
pub fn question_context(context: Option<&str>) -> Markup {
    let mut m = Markup::new();
    if let Some(c) = context {
        m.el("<p class=\"rw-context\">", c);
    }
    m
}

/// The question's legend and help text (its id `help_id`, see [`help_id`]), the first children of
/// its fieldset.
#[inline(always)]
pub fn question_legend(q: &Question, help_id: &str) -> Markup {
    let mut m = Markup::new();
    m.el("<legend class=\"rw-titel\">", &q.text);
    if let Some(h) = &q.help {
        m.raw("<p class=\"rw-hulp\"").attr("id", help_id).raw(">").text(h).raw("</p>");
    }
    m
}

/// What follows a question's fieldset.
pub struct QuestionEnd<'a> {
    /// "Weet ik niet" is offered (the rule file allows it and the limit is not reached).
    pub unknown_offered: bool,
    pub selected: Option<&'a str>,
    /// The "Weet ik niet" limit was reached here.
    pub limit: bool,
    /// A line shown instead of the question's source.
    pub note: Option<&'a str>,
    /// An earlier answer is being changed.
    pub editing: bool,
    pub can_go_back: bool,
}

/// After the fieldset: what to find out ("Weet ik niet" chosen), the limit, the interpretation
/// mark, the source and the buttons (Volgende or Wijziging opslaan, Terug, Opnieuw beginnen).
#[inline(always)]
pub fn question_end(q: &Question, e: &QuestionEnd) -> Markup {
    let mut after = Markup::new();
    if let (Some(u), true, Some(UNKNOWN)) = (&q.unknown, e.unknown_offered, e.selected) {
        after
            .raw("<p class=\"rw-uitzoeken\"><strong>Zoek uit: </strong>")
            .text(&u.find_out)
            .raw(" De Regiewijzer laat u intussen zien wat elk antwoord betekent.</p>");
    }
    if e.limit {
        after.raw("<p class=\"rw-melding\" role=\"status\">U heeft al ").num(crate::engine::walk::MAX_UNKNOWNS as i32);
        after.raw(" keer &#39;Weet ik niet&#39; gekozen op deze route. Kies hier een antwoord om verder te gaan.</p>");
    }
    if let Some(i) = &q.interpretation {
        interpretation(&mut after, i);
    }
    after.raw("<p class=\"rw-bron-kort\">");
    match e.note {
        Some(n) => after.text(n),
        None => after.raw("Bron: ").text(q.source.heading_label()),
    };
    after.raw("</p><div class=\"rw-knoppen\"><button type=\"submit\" class=\"rw-knop rw-primair\">");
    after.raw(if e.editing { "Wijziging opslaan</button>" } else { "Volgende</button>" });
    if e.can_go_back {
        after.raw(if e.editing {
            "<button type=\"button\" class=\"rw-knop\" data-rw=\"terug\">Niet wijzigen</button>"
        } else {
            "<button type=\"button\" class=\"rw-knop\" data-rw=\"terug\">Terug</button>"
        });
    }
    after.raw("<button type=\"button\" class=\"rw-knop rw-secundair\" data-rw=\"opnieuw\">Opnieuw beginnen</button></div>");
    after
}
