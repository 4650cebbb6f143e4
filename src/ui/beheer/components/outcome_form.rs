//! The form of one outcome: its texts, the provider's answer, the evaluation rhythm, its timelines
//! (dated moments from another date), and its lists (actions, points of attention, further facts,
//! sources, interpretation marks), each addable, removable and reorderable.

use super::anchor;
use super::cadence_form::span;
use super::field::{area, button, check, item_buttons, kinds, select, text};
use super::question_form::{quote_button, rename};
use crate::engine::model::{ContactAnswer, DateField, Guideline, InterpretationKind};
use crate::ui::beheer::state::{Edit, LField, Move, OField, OList};
use yew::prelude::*;

pub struct OutcomeFormProps<'a> {
    pub rules: &'a Guideline,
    pub index: usize,
    /// Which source takes a selection from the text.
    pub slot: usize,
    pub onedit: &'a Callback<Edit>,
    pub onquote: &'a Callback<usize>,
}

pub fn view(p: &OutcomeFormProps) -> Html {
    let (g, oi) = (p.rules, p.index);
    let Some(o) = g.outcomes.get(oi) else { return html! {} };
    let set = |f: OField| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::Outcome(oi, f, v)))
    };
    let item = |l: OList, i: usize| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::OutcomeItem(oi, l, i, v)))
    };
    let emit = |edit: Edit| {
        let e = p.onedit.clone();
        Callback::from(move |_: MouseEvent| e.emit(edit.clone()))
    };
    let buttons = |what: String, l: OList, i: usize, n: usize| {
        item_buttons(
            &what,
            i == 0,
            i + 1 == n,
            emit(Edit::MoveItem(oi, l, i, Move::Up)),
            emit(Edit::MoveItem(oi, l, i, Move::Down)),
            emit(Edit::RemoveItem(oi, l, i)),
        )
    };
    let id = |s: &str| format!("o{oi}-{s}");
    let provider = match o.provider.as_ref().map(|p| p.answer) {
        None => "",
        Some(ContactAnswer::Ja) => "ja",
        Some(ContactAnswer::Nee) => "nee",
        Some(ContactAnswer::Mag) => "mag",
    };
    let answers: Vec<(String, String)> =
        [("", "Geen antwoord voor de zorgaanbieder"), ("ja", "Ja"), ("nee", "Nee"), ("mag", "Mag (geen plicht)")]
            .iter()
            .map(|(v, l)| (v.to_string(), l.to_string()))
            .collect();
    let mut cadences: Vec<(String, String)> = vec![(String::new(), "Geen evaluatieritme".into())];
    cadences.extend(g.cadences.iter().map(|c| (c.id.clone(), format!("{} ({})", c.label, c.id))));
    let (na, nn, ns, ni, nd) = (o.actions.len(), o.notes.len(), o.sources.len(), o.interpretations.len(), o.details.len());
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ format!("Uitkomst «{}»", o.id) }</h2>
            { text(&id("id"), "Id van de uitkomst (a-z, 0-9, _ en -; wordt overal in het bestand bijgewerkt)", &o.id, &rename(p.onedit, move |v| Edit::RenameOutcome(oi, v))) }
            { text(&id("title"), "Titel", &o.title, &set(OField::Title)) }
            { text(&id("short"), "Kort label in het stroomschema (hoogstens 32 tekens)", &o.short, &set(OField::Short)) }
            { text(&id("regie"), "Regievorm", &o.regie, &set(OField::Regie)) }
            { text(&id("owner"), "Wie voert de regie", &o.owner, &set(OField::Owner)) }
            { text(&id("intensity"), "Intensiteit (mag leeg)", o.intensity.as_deref().unwrap_or(""), &set(OField::Intensity)) }
            <fieldset class="bh-groep">
                <legend>{ "Antwoord voor de zorgaanbieder" }</legend>
                { select(&id("provider"), "Moet de zorgaanbieder contact opnemen met het wijkteam?", provider, &answers, &set(OField::Provider)) }
                if o.provider.is_some() {
                    { area(&id("ptext"), "Wat doet de zorgaanbieder nu", o.provider.as_ref().map_or("", |p| p.text.as_str()), &set(OField::ProviderText)) }
                }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Evaluatie" }</legend>
                { select(&id("cadence"), "Evaluatieritme", o.cadence.as_deref().unwrap_or(""), &cadences, &set(OField::Cadence)) }
                { area(&id("ctext"), "Evaluatie in woorden, waar geen ritme met data is (mag leeg)", o.cadence_text.as_deref().unwrap_or(""), &set(OField::CadenceText)) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Wat de gebruiker nu doet (in volgorde)" }</legend>
                { for o.actions.iter().enumerate().map(|(i, a)| html! {
                    <div class="bh-item">
                        { area(&id(&format!("a{i}")), &format!("Stap {}", i + 1), a, &item(OList::Action, i)) }
                        { buttons(format!("Stap {}", i + 1), OList::Action, i, na) }
                    </div>
                }) }
                { button("Stap toevoegen", "Stap toevoegen", emit(Edit::AddItem(oi, OList::Action))) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Aandachtspunten" }</legend>
                { for o.notes.iter().enumerate().map(|(i, a)| html! {
                    <div class="bh-item">
                        { area(&id(&format!("n{i}")), &format!("Aandachtspunt {}", i + 1), a, &item(OList::Note, i)) }
                        { buttons(format!("Aandachtspunt {}", i + 1), OList::Note, i, nn) }
                    </div>
                }) }
                { button("Aandachtspunt toevoegen", "Aandachtspunt toevoegen", emit(Edit::AddItem(oi, OList::Note))) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Tijdlijnen: data die volgen uit een andere datum (een plaatsing, een verjaardag, een overdracht)" }</legend>
                { for o.timelines.iter().enumerate().map(|(t, tl)| {
                    let from: Vec<(String, String)> = DateField::ALL.iter().map(|f| (f.key().to_string(), g.date_label(*f).to_string())).collect();
                    let e = p.onedit.clone();
                    let onfrom = Callback::from(move |v: String| e.emit(Edit::TimelineFrom(oi, t, v)));
                    html! {
                        <div class="bh-item">
                            { select(&id(&format!("t{t}-from")), &format!("Tijdlijn {}: vanaf", t + 1), tl.from.key(), &from, &onfrom) }
                            { for tl.items.iter().enumerate().map(|(i, m)| {
                                let field = |f: LField| {
                                    let e = p.onedit.clone();
                                    Callback::from(move |v: String| e.emit(Edit::TimelineItem(oi, t, i, f, v)))
                                };
                                let weekends = {
                                    let on = field(LField::SkipWeekends);
                                    Callback::from(move |b: bool| on.emit(b.to_string()))
                                };
                                let what = format!("Tijdlijn {}, moment {}", t + 1, i + 1);
                                html! {
                                    <div class="bh-regel">
                                        { span(&id(&format!("t{t}-m{i}-after")), &format!("{what}: na"), Some(m.after), false, &field(LField::After)) }
                                        { check(&id(&format!("t{t}-m{i}-weekend")), &format!("{what}: uren in het weekend tellen niet mee"), m.skip_weekends, weekends) }
                                        { area(&id(&format!("t{t}-m{i}-what")), &format!("{what}: wat er dan gebeurt"), &m.what, &field(LField::What)) }
                                        { button("Moment verwijderen", &format!("{what} verwijderen"), emit(Edit::RemoveMoment(oi, t, i))) }
                                    </div>
                                }
                            }) }
                            <p class="bh-knoppen">
                                { button("Moment toevoegen", &format!("Tijdlijn {}: moment toevoegen", t + 1), emit(Edit::AddMoment(oi, t))) }
                                { button("Tijdlijn verwijderen", &format!("Tijdlijn {} verwijderen", t + 1), emit(Edit::RemoveTimeline(oi, t))) }
                            </p>
                        </div>
                    }
                }) }
                { button("Tijdlijn toevoegen", "Tijdlijn toevoegen", emit(Edit::AddTimeline(oi))) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Verdere gegevens (zoals 'Plan' of 'Verwachte duur')" }</legend>
                { for o.details.iter().enumerate().map(|(i, d)| html! {
                    <div class="bh-item">
                        { text(&id(&format!("d{i}l")), &format!("Gegeven {}: naam", i + 1), &d.label, &item(OList::DetailLabel, i)) }
                        { area(&id(&format!("d{i}v")), &format!("Gegeven {}: waarde (mag {{plaatshouders}} bevatten)", i + 1), &d.value, &item(OList::DetailValue, i)) }
                        { buttons(format!("Gegeven {}", i + 1), OList::DetailLabel, i, nd) }
                    </div>
                }) }
                { button("Gegeven toevoegen", "Gegeven toevoegen", emit(Edit::AddItem(oi, OList::DetailLabel))) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Bronnen in de richtlijn" }</legend>
                { for o.sources.iter().enumerate().map(|(i, s)| html! {
                    <div class={classes!("bh-item", (i == p.slot).then_some("bh-doel"))}>
                        { text(&id(&format!("s{i}h")), &format!("Bron {}: kop", i + 1), &s.heading, &item(OList::Heading, i)) }
                        { area(&id(&format!("s{i}q")), &format!("Bron {}: letterlijk citaat", i + 1), &s.quote, &item(OList::Quote, i)) }
                        <p class="bh-knoppen">
                            { quote_button(p.onquote, i) }
                            <a href={format!("#citaat-{}-{i}", anchor(&o.id))}>{ "Toon in de tekst" }</a>
                        </p>
                        { buttons(format!("Bron {}", i + 1), OList::Heading, i, ns) }
                    </div>
                }) }
                { button("Bron toevoegen", "Bron toevoegen", emit(Edit::AddItem(oi, OList::Heading))) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Interpretaties" }</legend>
                { for o.interpretations.iter().enumerate().map(|(i, m)| html! {
                    <div class="bh-item">
                        { select(&id(&format!("i{i}k")), &format!("Markering {}", i + 1), match m.kind {
                            InterpretationKind::Interpretatie => "interpretatie",
                            InterpretationKind::NietEenduidig => "niet_eenduidig",
                        }, &kinds(None), &item(OList::InterpretationKind, i)) }
                        { area(&id(&format!("i{i}t")), &format!("Markering {}: wat is onduidelijk en hoe leest de Regiewijzer het", i + 1), &m.text, &item(OList::InterpretationText, i)) }
                        { buttons(format!("Markering {}", i + 1), OList::InterpretationText, i, ni) }
                    </div>
                }) }
                { button("Markering toevoegen", "Interpretatie toevoegen", emit(Edit::AddItem(oi, OList::InterpretationText))) }
            </fieldset>
            <p class="bh-knoppen">{ button("Uitkomst verwijderen", &format!("Uitkomst {} verwijderen", o.id), emit(Edit::RemoveOutcome(oi))) }</p>
        </section>
    }
}
