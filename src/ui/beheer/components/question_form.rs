//! The form of one question: its texts, source, interpretation mark and its answers with where
//! each leads (straight to a node, or through the guideline's named rules).

use super::anchor;
use super::field::{area, button, item_buttons, kinds, select, targets, text};
use crate::engine::model::{Branch, Guideline};
use crate::ui::beheer::state::{BField, CField, Edit, Move, QField};
use yew::prelude::*;

pub struct QuestionFormProps<'a> {
    pub rules: &'a Guideline,
    pub index: usize,
    pub onedit: &'a Callback<Edit>,
    /// "Gebruik selectie als citaat" for source `n` of the element shown.
    pub onquote: &'a Callback<usize>,
}

/// The rule's condition in words: "als verwijzer = huisarts", or "anders" for the last rule.
pub fn condition(b: &Branch) -> String {
    if b.when.is_empty() {
        return "anders (geen voorwaarde)".into();
    }
    let parts: Vec<String> = b.when.iter().map(|(q, opts)| format!("{q} = {}", opts.join(" of "))).collect();
    format!("als {}", parts.join(" en "))
}

/// A button that keeps the text selection (it takes no focus on mouse down) and reports `n`.
pub fn quote_button(onquote: &Callback<usize>, n: usize) -> Html {
    let on = onquote.clone();
    html! {
        <button type="button" class="rw-knop rw-klein" onmousedown={|e: MouseEvent| e.prevent_default()} onclick={move |_| on.emit(n)}>
            { "Gebruik selectie als citaat" }
        </button>
    }
}

pub fn view(p: &QuestionFormProps) -> Html {
    let (g, qi) = (p.rules, p.index);
    let Some(q) = g.questions.get(qi) else { return html! {} };
    let set = |f: QField| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::Question(qi, f, v)))
    };
    let emit = |edit: Edit| {
        let e = p.onedit.clone();
        Callback::from(move |_: MouseEvent| e.emit(edit.clone()))
    };
    let to = targets(g);
    let n = q.options.len();
    let id = |s: &str| format!("q{qi}-{s}");
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ format!("Vraag «{}»", q.id) }</h2>
            { text(&id("text"), "Vraag (zoals de gebruiker hem leest)", &q.text, &set(QField::Text)) }
            { text(&id("short"), "Kort label in het stroomschema (hoogstens 32 tekens)", &q.short, &set(QField::Short)) }
            { area(&id("help"), "Toelichting onder de vraag (mag leeg)", q.help.as_deref().unwrap_or(""), &set(QField::Help)) }
            { area(&id("unknown"), "'Weet ik niet': wat zoekt de gebruiker eerst uit? (leeg: geen 'weet ik niet')", q.unknown.as_ref().map_or("", |u| u.find_out.as_str()), &set(QField::Unknown)) }
            <fieldset class="bh-groep">
                <legend>{ "Bron in de richtlijn" }</legend>
                { text(&id("heading"), "Kop", &q.source.heading, &set(QField::Heading)) }
                { area(&id("quote"), "Letterlijk citaat", &q.source.quote, &set(QField::Quote)) }
                <p class="bh-knoppen">
                    { quote_button(p.onquote, 0) }
                    <a href={format!("#citaat-{}-0", anchor(&q.id))}>{ "Toon in de tekst" }</a>
                </p>
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Interpretatie" }</legend>
                { select(&id("ikind"), "Markering", q.interpretation.as_ref().map_or("", |i| match i.kind {
                    crate::engine::model::InterpretationKind::Interpretatie => "interpretatie",
                    crate::engine::model::InterpretationKind::NietEenduidig => "niet_eenduidig",
                }), &kinds(Some("Geen markering")), &set(QField::InterpretationKind)) }
                if q.interpretation.is_some() {
                    { area(&id("itext"), "Wat is onduidelijk en hoe leest de Regiewijzer het (minstens 40 tekens)", q.interpretation.as_ref().map_or("", |i| i.text.as_str()), &set(QField::InterpretationText)) }
                }
            </fieldset>
            <h3>{ "Antwoorden" }</h3>
            { for q.options.iter().enumerate().map(|(ci, c)| {
                let setc = |f: CField| {
                    let e = p.onedit.clone();
                    Callback::from(move |v: String| e.emit(Edit::Choice(qi, ci, f, v)))
                };
                let what = format!("Antwoord '{}'", c.label);
                html! {
                    <fieldset class="bh-groep bh-antwoord">
                        <legend>{ format!("Antwoord {}: {}", ci + 1, c.id) }</legend>
                        { item_buttons(&what, ci == 0, ci + 1 == n, emit(Edit::MoveChoice(qi, ci, Move::Up)), emit(Edit::MoveChoice(qi, ci, Move::Down)), emit(Edit::RemoveChoice(qi, ci))) }
                        { text(&format!("q{qi}-c{ci}-label"), "Antwoord (zoals de gebruiker het leest)", &c.label, &setc(CField::Label)) }
                        { text(&format!("q{qi}-c{ci}-short"), "Kort label op de lijn in het stroomschema", &c.short, &setc(CField::Short)) }
                        { area(&format!("q{qi}-c{ci}-help"), "Toelichting bij dit antwoord (mag leeg)", c.help.as_deref().unwrap_or(""), &setc(CField::Help)) }
                        if let Some(goto) = &c.goto {
                            { select(&format!("q{qi}-c{ci}-goto"), "Leidt naar", goto, &to, &setc(CField::Goto)) }
                        } else {
                            <div class="bh-regels">
                                <p>{ "Waar dit antwoord heen leidt, hangt af van eerdere antwoorden (de eerste regel die past, telt):" }</p>
                                { for c.branches.iter().enumerate().map(|(bi, b)| {
                                    let setb = |f: BField| {
                                        let e = p.onedit.clone();
                                        Callback::from(move |v: String| e.emit(Edit::Branch(qi, ci, bi, f, v)))
                                    };
                                    html! {
                                        <div class="bh-regel">
                                            <p class="bh-voorwaarde">{ format!("Regel {}: {}", bi + 1, condition(b)) }</p>
                                            { select(&format!("q{qi}-c{ci}-b{bi}-goto"), &format!("Regel {}: leidt naar", bi + 1), &b.goto, &to, &setb(BField::Goto)) }
                                            { area(&format!("q{qi}-c{ci}-b{bi}-rule"), &format!("Regel {}: de regel in woorden", bi + 1), &b.rule, &setb(BField::Rule)) }
                                        </div>
                                    }
                                }) }
                            </div>
                        }
                    </fieldset>
                }
            }) }
            <p class="bh-knoppen">
                { button("Antwoord toevoegen", "Antwoord toevoegen", emit(Edit::AddChoice(qi))) }
                { button("Vraag verwijderen", &format!("Vraag {} verwijderen", q.id), emit(Edit::RemoveQuestion(qi))) }
            </p>
        </section>
    }
}
