use crate::engine::dates::{format_nl, parse_date};
use crate::engine::model::{ContactAnswer, DateField};
use crate::engine::{dossier_text, Advice, Dates};
use crate::ui::components::interpretation_mark::InterpretationMark;
use crate::ui::components::schedule_view::ScheduleView;
use crate::ui::components::source_quote::SourceQuote;
use crate::ui::components::why_view::WhyView;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
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
    #[prop_or_default]
    pub contact: Option<String>,
    /// Today's date (`JJJJ-MM-DD`) for the dossier text and the printout; the engine has no clock.
    pub today: AttrValue,
    /// The calendar file (`.ics`) for the dated entries, and its file name.
    #[prop_or_default]
    pub calendar: Option<(String, String)>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
}

/// The outcome: regie, owner, intensity, what to do, dates, sources, interpretation marks, "Waarom?",
/// the dossier text; printed on one A4 page with the guideline's version and the date of printing.
#[component]
pub fn OutcomeView(props: &OutcomeViewProps) -> Html {
    let a = &props.advice;
    // A new outcome takes the keyboard focus on its heading, so it is read first.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let id = a.outcome.as_ref().map(|o| o.id.clone());
        use_effect_with(id, move |_| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let Some(o) = &a.outcome else { return html! {} };
    let seed = a.guideline.seed.clone();
    let today = parse_date("vandaag", &props.today).map(format_nl).unwrap_or_else(|_| props.today.to_string());
    let dossier = format!("{}-dossier", props.uid);
    html! {
        <article class="rw-uitkomst">
            <p class="rw-alleen-print rw-printkop">
                { format!("Regiewijzer — {} — {} ({}). Afgedrukt op {today}.", a.guideline.region, a.guideline.title, a.guideline.version()) }
            </p>
            <h2 class="rw-titel" tabindex="-1" ref={heading}>{ &o.title }</h2>
            if let Some(v) = &a.validity {
                <p class="rw-melding" role="alert">{ v }</p>
            }
            if let Some(p) = &o.provider {
                <div class={classes!("rw-contact", match p.answer {
                    ContactAnswer::Ja => "rw-contact-ja",
                    ContactAnswer::Nee => "rw-contact-nee",
                    ContactAnswer::Mag => "rw-contact-mag",
                })}>
                    <p class="rw-contact-vraag">{ "Moet de zorgaanbieder contact opnemen met het wijkteam?" }</p>
                    <p class="rw-contact-antwoord"><strong>{ p.answer.label() }</strong>{ " — " }{ &p.text }</p>
                    if let (Some(c), false) = (&props.contact, p.answer == ContactAnswer::Nee) {
                        <p class="rw-contactpunt">{ format!("Contactpunt van uw gemeente: {c}") }</p>
                    }
                </div>
            }
            <dl class="rw-kenmerken">
                <dt>{ "Vorm van regie" }</dt><dd>{ &o.regie }</dd>
                <dt>{ "Wie heeft de regie" }</dt><dd>{ &o.owner }</dd>
                if let Some(i) = &o.intensity {
                    <dt>{ "Intensiteit" }</dt>
                    <dd>{ i }{ if o.intensity_is_suggestion { " (suggestie: de consulent beslist)" } else { "" } }</dd>
                }
                { for o.details.iter().map(|d| html! { <><dt>{ &d.label }</dt><dd>{ &d.value }</dd></> }) }
            </dl>
            <h3 class="rw-subtitel">{ "Wat nu?" }</h3>
            <ol class="rw-acties">{ for o.actions.iter().map(|t| html! { <li>{ t }</li> }) }</ol>
            if !o.notes.is_empty() {
                <ul class="rw-notities">{ for o.notes.iter().map(|t| html! { <li>{ t }</li> }) }</ul>
            }
            if a.schedule.is_some() || o.cadence_text.is_some() {
                <h3 class="rw-subtitel">{ "Evaluatie en termijnen" }</h3>
            }
            if let Some(s) = &a.schedule {
                <ScheduleView schedule={s.clone()} dates={props.dates.clone()} labels={props.date_labels.clone()} ondate={props.ondate.clone()} uid={props.uid.clone()} />
            }
            if let Some(t) = &o.cadence_text {
                <p>{ t }</p>
            }
            if let Some((ics, name)) = &props.calendar {
                <p class="rw-geen-print">
                    <a class="rw-knop rw-agenda" download={name.clone()} href={format!("data:text/calendar;charset=utf-8,{ics}")}>
                        { "Zet in agenda (.ics)" }
                    </a>
                </p>
            }
            if !a.interpretations.is_empty() {
                <h3 class="rw-subtitel">{ "Waar de richtlijn niet eenduidig is" }</h3>
                { for a.interpretations.iter().map(|m| html! { <InterpretationMark interpretation={m.interpretation.clone()} /> }) }
            }
            <h3 class="rw-subtitel">{ "Bronnen" }</h3>
            <div class="rw-bronnen">
                { for o.sources.iter().map(|s| html! { <SourceQuote source={s.clone()} seed={seed.clone()} /> }) }
            </div>
            <WhyView steps={a.trace.clone()} seed={seed.clone()} />
            if let Some(text) = dossier_text(a, &props.today) {
                <div class="rw-dossier rw-geen-print">
                    <label for={dossier.clone()} class="rw-subtitel">{ "Tekst voor het dossier (zonder persoonsgegevens)" }</label>
                    <textarea id={dossier} readonly=true rows="10" value={text} />
                </div>
            }
            <p class="rw-document">{ format!("Richtlijn: {} — {}, {}; bestand {}", a.guideline.region, a.guideline.title, a.guideline.version(), seed) }</p>
            <p class="rw-disclaimer">{ "De richtlijn laat ruimte voor professionele afweging: deze uitkomst ondersteunt uw oordeel en vervangt het niet." }</p>
            <div class="rw-knoppen rw-geen-print">
                <button type="button" class="rw-knop" onclick={let p = props.onprint.clone(); move |_| p.emit(())}>{ "Afdrukken" }</button>
                <button type="button" class="rw-knop" onclick={let b = props.onback.clone(); move |_| b.emit(())}>{ "Terug" }</button>
                <button type="button" class="rw-knop rw-secundair" onclick={let r = props.onrestart.clone(); move |_| r.emit(())}>{ "Opnieuw beginnen" }</button>
            </div>
        </article>
    }
}
