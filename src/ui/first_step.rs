//! The first step of every guideline as HTML, written at build time (`regiewijzer first-steps`,
//! run by `scripts/build.sh` into the loader): the loader shows it at once when the widget opens on
//! a guideline (a link `#westfriesland`, `<regie-wijzer richtlijn="westfriesland">`), so the first
//! question can be answered before the wasm has arrived. The wasm then renders the same page and the
//! loader hands the early answer over (see `www/regiewijzer.js`).
//!
//! The step comes from the widget's own reducer ([`State`]), so it is the question the widget would
//! show, with the page's preset answers (`gemeente`, `rol`) applied; its text parts from the same
//! functions the widget's question step uses ([`crate::ui::page_markup`]); what the widget renders
//! with Yew (the header's buttons, the radio buttons, the elements around them) is written here as
//! the widget's `app.rs` and `question_step.rs` render it, and the browser test
//! `tests/browser/first-step.test.mjs` compares the two pages element by element.

use crate::guidelines::Registry;
use crate::ui::markup::Markup;
use crate::ui::page_markup::{self, QuestionEnd};
use crate::ui::state::{Action, Embedding, State, View};
use std::rc::Rc;

/// The element-id prefix of the first widget on a page (`rw1`): the loader shows a first step only
/// when the page holds one widget.
pub const UID: &str = "rw1";

/// The first step of guideline `id` on a page that offers a choice of guidelines and gives no
/// preset answers (the loader shows it only then; on a page that offers this guideline alone it
/// leaves out "andere richtlijn", see [`without_choice`]). `None` when the guideline is not usable
/// or its first screen is not a question.
pub fn first_step(registry: &Rc<Registry>, id: &str) -> Option<String> {
    let embedding = Embedding { url_state: true, ..Embedding::default() };
    let state = State::new(registry.clone(), Rc::new(embedding)).apply(Action::PickGuideline(id.to_string()));
    write(&state, true)
}

/// The button "andere richtlijn" in the head, as [`page_markup::header_text`] writes it.
pub const CHOICE: &str = " <button type=\"button\" class=\"rw-link rw-geen-print\" data-rw=\"app:kies\">andere richtlijn</button>";

/// The step for a page that offers one guideline: the loader's `html.replace(/ <button[^>]*app:kies[^<]*<\/button>/, '')`.
pub fn without_choice(html: &str) -> String {
    html.replacen(CHOICE, "", 1)
}

/// The page the widget renders for `state` when it shows a question, as the App lays it out
/// (`offers_choice`: the page offers other guidelines). `None` when the state shows no question.
pub fn write(state: &State, offers_choice: bool) -> Option<String> {
    let View::Question { question: q, assumed, limit } = state.view() else { return None };
    let g = state.current()?;
    if !assumed.is_empty() {
        return None;
    }
    let title = format!("{} — {}", g.region, g.title);
    let mut m = Markup::new();
    // app.rs: App, header.
    m.raw("<div class=\"rw\"><header class=\"rw-kop\">").raw(page_markup::header_text(Some(&title), offers_choice).as_str());
    m.raw("<div class=\"rw-kopknoppen rw-geen-print\">");
    m.raw("<button type=\"button\" class=\"rw-knop rw-klein rw-toon-schema\" aria-expanded=\"false\">Toon stroomschema</button>");
    m.raw("<button type=\"button\" class=\"rw-knop rw-klein\" aria-pressed=\"false\">Hele stroomschema</button>");
    m.raw("<button type=\"button\" class=\"rw-knop rw-klein\">Deel deze route</button></div></header>");
    m.raw("<div class=\"rw-gedeeld\" role=\"status\"></div>");
    // question_step.rs: view.
    m.raw("<div class=\"rw-inhoud\"><section class=\"rw-stap\"><form class=\"rw-vraag\"").attr("id", &format!("{UID}-vraag")).raw(">");
    m.raw(page_markup::question_context(None).as_str());
    m.raw("<fieldset");
    if q.help.is_some() {
        m.attr("aria-describedby", &page_markup::help_id(UID));
    }
    m.raw(">").raw(page_markup::question_legend(q, &page_markup::help_id(UID)).as_str());
    let unknown_offered = q.unknown.is_some() && !limit;
    let mut options: Vec<(&str, &str)> = q.options.iter().map(|o| (o.id.as_str(), o.label.as_str())).collect();
    if unknown_offered {
        options.push((crate::engine::UNKNOWN, "Weet ik niet"));
    }
    for (value, label) in options {
        let id = page_markup::option_id(UID, &q.id, value);
        m.raw("<div class=\"rw-optie\"><input type=\"radio\"").attr("id", &id).attr("name", &format!("{UID}-{}", q.id));
        m.attr("value", value).raw("><label").attr("for", &id).raw(">").text(label).raw("</label></div>");
    }
    m.raw("</fieldset>");
    let can_go_back = state.editing.is_some() || !state.session.answers().is_empty();
    let end = QuestionEnd { unknown_offered, selected: None, limit, note: None, editing: false, can_go_back };
    m.raw(page_markup::question_end(q, &end).as_str()).raw("</form></section>");
    // app.rs: the side column (the schema, drawn by the wasm) is left out: the step keeps its column.
    m.raw("</div></div>");
    Some(m.finish())
}

/// The element-id prefix of guideline number `n`'s step in [`page_steps`]: the page holds them all,
/// so each has its own ids (a label's `for` finds its own radio button); the page's first script
/// (`www/start.js`) gives the step it shows the widget's prefix ([`UID`]) back.
pub fn page_uid(n: usize) -> String {
    format!("rws{n}")
}

/// Every built-in guideline's first step for the widget's own page (`index.html`, the
/// `<!-- eerste stappen -->` marker), each after an empty anchor with the guideline's id: the
/// stylesheet shows the step whose anchor the address names (`#westfriesland`, CSS `:target`) and
/// hides the list of guidelines then, so the first question is on screen with the page's first
/// frame, before any script has run. The steps carry their guideline (`data-rw-richtlijn`) and
/// their own ids ([`page_uid`]: in `id`, `for` and `aria-describedby`); names stay the widget's (a
/// radio group is per form).
pub fn page_steps(steps: &[(String, String)]) -> String {
    steps
        .iter()
        .enumerate()
        .map(|(n, (id, html))| {
            let mut own = html.strip_prefix("<div class=\"rw\">").unwrap_or(html).to_string();
            for attr in ["id", "for", "aria-describedby"] {
                own = own.replace(&format!(" {attr}=\"{UID}-"), &format!(" {attr}=\"{}-", page_uid(n)));
            }
            format!("<span class=\"rw-anker\" id=\"{id}\"></span><div class=\"rw rw-statisch\" data-rw-richtlijn=\"{id}\">{own}")
        })
        .collect()
}
