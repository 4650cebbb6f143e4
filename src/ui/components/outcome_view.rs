use crate::engine::dates::{format_nl, parse_date};
use crate::engine::model::{ContactAnswer, DateField};
use crate::engine::{dossier_text, Advice, Dates};
use crate::ui::browser;
use crate::ui::components::schedule_view::{self, ScheduleViewProps};
use crate::ui::components::{interpretation_mark, raw, source_quote, why_view};
use crate::ui::markup::Markup;
use std::rc::Rc;
use yew::prelude::*;

pub struct OutcomeViewProps {
    pub advice: Rc<Advice>,
    pub dates: Dates,
    /// The date inputs in the guideline's own words.
    pub date_labels: Rc<Vec<(DateField, String)>>,
    pub ondate: Callback<(DateField, String)>,
    pub onback: Callback<()>,
    pub onrestart: Callback<()>,
    pub onprint: Callback<()>,
    /// The gemeente's contact point (configuration), shown where the provider must or may make contact.
    pub contact: Option<String>,
    /// Today's date (`JJJJ-MM-DD`) for the dossier text and the printout; the engine has no clock.
    pub today: AttrValue,
    /// The calendar file (`.ics`) for the dated entries, and its file name.
    pub calendar: Option<(String, String)>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
    /// Everything, or only the top (title, contact, kenmerken: what fills the screen), which a
    /// step to an outcome paints first; the rest follows in the next frame (`State::rest`).
    pub whole: bool,
}

/// The outcome: regie, owner, intensity, what to do, dates, sources, interpretation marks, "Waarom?",
/// the dossier text; printed on one A4 page with the guideline's version and the date of printing.
/// A render function, not a component (see `question_step::view`); the parent gives a new
/// outcome the focus with [`focus`].
pub fn view(props: &OutcomeViewProps) -> Html {
    let a = &props.advice;
    let Some(o) = &a.outcome else { return html! {} };
    let g = &a.guideline;
    let seed = g.seed.as_str();
    let today = parse_date("vandaag", &props.today).map(format_nl).unwrap_or_else(|_| props.today.to_string());

    // Written as text in five parts, so typing a date only rewrites the parts that show dates (the
    // open "Waarom?" stays open): the top, what to do, [the date inputs], the rhythm and the
    // calendar, the sources, the dossier text.
    let mut head = Markup::new();
    head.raw("<p class=\"rw-alleen-print rw-printkop\">Regiewijzer — ").text(&g.region).raw(" — ").text(&g.title);
    head.raw(" (").text(&g.version()).raw("). Afgedrukt op ").text(&today).raw(".</p>");
    head.el("<h2 class=\"rw-titel\" tabindex=\"-1\">", &o.title);
    if let Some(v) = &a.validity {
        head.el("<p class=\"rw-melding\" role=\"alert\">", v);
    }
    if let Some(p) = &o.provider {
        head.raw(match p.answer {
            ContactAnswer::Ja => "<div class=\"rw-contact rw-contact-ja\">",
            ContactAnswer::Nee => "<div class=\"rw-contact rw-contact-nee\">",
            ContactAnswer::Mag => "<div class=\"rw-contact rw-contact-mag\">",
        });
        head.raw(
            "<p class=\"rw-contact-vraag\">Moet de zorgaanbieder contact opnemen met het wijkteam?</p><p class=\"rw-contact-antwoord\">",
        );
        head.el("<strong>", p.answer.label()).raw(" — ").text(&p.text).raw("</p>");
        if let (Some(c), false) = (&props.contact, p.answer == ContactAnswer::Nee) {
            head.raw("<p class=\"rw-contactpunt\">Contactpunt van uw gemeente: ").text(c).raw("</p>");
        }
        head.raw("</div>");
    }
    head.raw("<dl class=\"rw-kenmerken\"><dt>Vorm van regie</dt>")
        .el("<dd>", &o.regie)
        .raw("<dt>Wie heeft de regie</dt>")
        .el("<dd>", &o.owner);
    if let Some(i) = &o.intensity {
        head.raw("<dt>Intensiteit</dt><dd>").text(i).raw(if o.intensity_is_suggestion {
            " (suggestie: de consulent beslist)</dd>"
        } else {
            "</dd>"
        });
    }
    for d in &o.details {
        head.el("<dt>", &d.label).el("<dd>", &d.value);
    }
    head.raw("</dl>");
    // The rest, once the top is painted (see `whole`).
    let (mut todo, mut dated, mut sources, mut end) = (Markup::new(), Markup::new(), Markup::new(), Markup::new());
    if props.whole {
        todo.raw("<h3 class=\"rw-subtitel\">Wat nu?</h3><ol class=\"rw-acties\">");
        for t in &o.actions {
            todo.el("<li>", t);
        }
        todo.raw("</ol>");
        if !o.notes.is_empty() {
            todo.raw("<ul class=\"rw-notities\">");
            for t in &o.notes {
                todo.el("<li>", t);
            }
            todo.raw("</ul>");
        }
        if a.schedule.is_some() || o.cadence_text.is_some() {
            todo.raw("<h3 class=\"rw-subtitel\">Evaluatie en termijnen</h3>");
        }

        if let Some(t) = &o.cadence_text {
            dated.el("<p>", t);
        }
        if let Some((ics, name)) = &props.calendar {
            dated
                .raw("<p class=\"rw-geen-print\"><a class=\"rw-knop rw-agenda\"")
                .attr("download", name)
                .raw(" href=\"data:text/calendar;charset=utf-8,");
            dated.text(ics).raw("\">Zet in agenda (.ics)</a></p>");
        }

        if !a.interpretations.is_empty() {
            sources.raw("<h3 class=\"rw-subtitel\">Waar de richtlijn niet eenduidig is</h3>");
            for i in &a.interpretations {
                interpretation_mark::write(&mut sources, &i.interpretation);
            }
        }
        sources.raw("<h3 class=\"rw-subtitel\">Bronnen</h3><div class=\"rw-bronnen\">");
        for s in &o.sources {
            source_quote::write(&mut sources, s, seed);
        }
        sources.raw("</div>");
        why_view::write(&mut sources, &a.trace, seed);

        if let Some(text) = dossier_text(a, &props.today) {
            let id = format!("{}-dossier", props.uid);
            end.raw("<div class=\"rw-dossier rw-geen-print\"><label")
                .attr("for", &id)
                .raw(" class=\"rw-subtitel\">Tekst voor het dossier (zonder persoonsgegevens)</label>");
            end.raw("<textarea").attr("id", &id).raw(" readonly rows=\"10\">").text(&text).raw("</textarea></div>");
        }
        end.raw("<p class=\"rw-document\">Richtlijn: ")
            .text(&g.region)
            .raw(" — ")
            .text(&g.title)
            .raw(", ")
            .text(&g.version())
            .raw("; bestand ")
            .text(seed)
            .raw("</p>");
        end.raw("<p class=\"rw-disclaimer\">De richtlijn laat ruimte voor professionele afweging: deze uitkomst ondersteunt uw oordeel en vervangt het niet.</p>");
        end.raw("<div class=\"rw-knoppen rw-geen-print\"><button type=\"button\" class=\"rw-knop\" data-rw=\"print\">Afdrukken</button>");
        end.raw("<button type=\"button\" class=\"rw-knop\" data-rw=\"terug\">Terug</button><button type=\"button\" class=\"rw-knop rw-secundair\" data-rw=\"opnieuw\">Opnieuw beginnen</button></div>");
    }

    let onclick = {
        let (print, back, restart) = (props.onprint.clone(), props.onback.clone(), props.onrestart.clone());
        move |e: MouseEvent| match browser::action_of(&e).as_deref() {
            Some("print") => print.emit(()),
            Some("terug") => back.emit(()),
            Some("opnieuw") => restart.emit(()),
            _ => {}
        }
    };
    html! {
        <article class="rw-uitkomst" id={format!("{}-uitkomst", props.uid)} {onclick}>
            { raw(head) }
            { raw(todo) }
            if let (Some(s), true) = (&a.schedule, props.whole) {
                { schedule_view::view(&ScheduleViewProps { schedule: s.clone(), dates: props.dates.clone(), labels: props.date_labels.clone(), ondate: props.ondate.clone(), uid: props.uid.clone() }) }
            }
            { raw(dated) }
            { raw(sources) }
            { raw(end) }
        </article>
    }
}

/// Gives the keyboard focus to the heading of the outcome (or of the alternatives) shown, so it is
/// read first. `uid` is the widget's prefix.
pub fn focus(uid: &str) {
    browser::focus_within(&format!("{uid}-uitkomst"), ".rw-titel");
}
