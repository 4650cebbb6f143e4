//! The form of one question: its texts, source, interpretation mark and its answers with where
//! each leads (straight to a node, or through the guideline's named rules, each with its
//! conditions and, where the rule has its own passage, its own source).

use super::anchor;
use super::field::{area, button, check, item_buttons, kinds, select, targets, text};
use crate::engine::model::{Branch, Guideline};
use crate::ui::beheer::state::{earlier, BField, CField, Edit, Move, QField};
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

/// The callback of an id field: the new id as the rename `edit` makes it.
pub fn rename(onedit: &Callback<Edit>, edit: impl Fn(String) -> Edit + 'static) -> Callback<String> {
    let e = onedit.clone();
    Callback::from(move |v: String| e.emit(edit(v)))
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
    let before = earlier(g, qi);
    // Source slot of each option's first rule: slot 0 is the question's own source (see `rule_at`).
    let first_rule: Vec<usize> = q.options.iter().scan(0, |n, c| Some(std::mem::replace(n, *n + c.branches.len()))).collect();
    let n = q.options.len();
    let id = |s: &str| format!("q{qi}-{s}");
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ format!("Vraag «{}»", q.id) }</h2>
            { text(&id("id"), "Id van de vraag (a-z, 0-9, _ en -; wordt overal in het bestand bijgewerkt)", &q.id, &rename(p.onedit, move |v| Edit::RenameQuestion(qi, v))) }
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
                        { text(&format!("q{qi}-c{ci}-id"), "Id van het antwoord (wordt overal bijgewerkt)", &c.id, &rename(p.onedit, move |v| Edit::RenameChoice(qi, ci, v))) }
                        { text(&format!("q{qi}-c{ci}-label"), "Antwoord (zoals de gebruiker het leest)", &c.label, &setc(CField::Label)) }
                        { text(&format!("q{qi}-c{ci}-short"), "Kort label op de lijn in het stroomschema", &c.short, &setc(CField::Short)) }
                        { area(&format!("q{qi}-c{ci}-help"), "Toelichting bij dit antwoord (mag leeg)", c.help.as_deref().unwrap_or(""), &setc(CField::Help)) }
                        if let Some(goto) = &c.goto {
                            { select(&format!("q{qi}-c{ci}-goto"), "Leidt naar", goto, &to, &setc(CField::Goto)) }
                        } else {
                            <div class="bh-regels">
                                <p>{ "Waar dit antwoord heen leidt, hangt af van eerdere antwoorden (de eerste regel die past, telt):" }</p>
                                { for c.branches.iter().enumerate().map(|(bi, b)| rule_view(p, &before, b, &RuleAt { option: ci, answer: &c.label, rule: bi, rules: c.branches.len(), slot: 1 + first_rule[ci] + bi })) }
                            </div>
                        }
                        { button("Regel met voorwaarde toevoegen", &format!("{what}: regel met voorwaarde toevoegen"), emit(Edit::AddRule(qi, ci))) }
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

/// Rule `bi` of option `ci`: its conditions (the question before this one it looks at, and the
/// answers that make it apply), where it leads and the rule in words; move and remove buttons.
/// Where a rule sits in the question's form.
struct RuleAt<'a> {
    /// The option's index.
    option: usize,
    /// The option's label (names the buttons).
    answer: &'a str,
    /// The rule's index among the option's rules.
    rule: usize,
    /// How many rules the option has.
    rules: usize,
    /// Its source slot for "Gebruik selectie als citaat" (`state::rule_at`).
    slot: usize,
}

fn rule_view(p: &QuestionFormProps, before: &[usize], b: &Branch, at: &RuleAt) -> Html {
    let (g, qi) = (p.rules, p.index);
    let (ci, bi, answer, rules, slot) = (at.option, at.rule, at.answer, at.rules, at.slot);
    let emit = |edit: Edit| {
        let e = p.onedit.clone();
        Callback::from(move |_: MouseEvent| e.emit(edit.clone()))
    };
    let setb = |f: BField| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::Branch(qi, ci, bi, f, v)))
    };
    let id = format!("q{qi}-c{ci}-b{bi}");
    let what = format!("Regel {}", bi + 1);
    // Buttons are named with the answer too: every answer has a "Regel 1".
    let whose = format!("{what} van antwoord '{answer}'");
    html! {
        <div class="bh-regel">
            <p class="bh-voorwaarde">{ format!("{what}: {}", condition(b)) }</p>
            { item_buttons(&whose, bi == 0, bi + 1 == rules, emit(Edit::MoveRule(qi, ci, bi, Move::Up)), emit(Edit::MoveRule(qi, ci, bi, Move::Down)), emit(Edit::RemoveRule(qi, ci, bi))) }
            { for b.when.iter().enumerate().map(|(wi, (on, chosen))| {
                let wid = format!("{id}-w{wi}");
                // The questions asked before this one; the one named stays listed even when it is not (the check says so).
                let mut asked: Vec<(String, String)> = before.iter().map(|&i| &g.questions[i]).map(|x| (x.id.clone(), format!("{} ({})", x.short, x.id))).collect();
                if !asked.iter().any(|(v, _)| v == on) {
                    asked.push((on.clone(), format!("{on} (komt niet eerder)")));
                }
                let (e, old) = (p.onedit.clone(), on.clone());
                let onquestion = Callback::from(move |new: String| e.emit(Edit::WhenQuestion(qi, ci, bi, old.clone(), new)));
                let options = g.question(on).map(|x| x.options.as_slice()).unwrap_or_default();
                html! {
                    <fieldset class="bh-groep bh-conditie">
                        <legend>{ format!("{what}: voorwaarde {}", wi + 1) }</legend>
                        { select(&format!("{wid}-q"), "Als op vraag", on, &asked, &onquestion) }
                        <div class="bh-vinken" role="group" aria-label={format!("{what}, voorwaarde {}: het antwoord is", wi + 1)}>
                            <span>{ "het antwoord is (één van):" }</span>
                            { for options.iter().enumerate().map(|(oi, o)| {
                                let (e, on, all, ids) = (p.onedit.clone(), on.clone(), options.iter().map(|x| x.id.clone()).collect::<Vec<_>>(), chosen.clone());
                                let me = o.id.clone();
                                let toggle = Callback::from(move |checked: bool| {
                                    let picked: Vec<String> = all.iter().filter(|x| if **x == me { checked } else { ids.contains(x) }).cloned().collect();
                                    e.emit(Edit::When(qi, ci, bi, on.clone(), picked));
                                });
                                check(&format!("{wid}-o{oi}"), &o.label, chosen.contains(&o.id), toggle)
                            }) }
                        </div>
                        { button("Voorwaarde verwijderen", &format!("{whose}: voorwaarde {} verwijderen", wi + 1), emit(Edit::RemoveCondition(qi, ci, bi, on.clone()))) }
                    </fieldset>
                }
            }) }
            { button("Voorwaarde toevoegen", &format!("{whose}: voorwaarde toevoegen"), emit(Edit::AddCondition(qi, ci, bi))) }
            { select(&format!("{id}-goto"), &format!("{what}: leidt naar"), &b.goto, &targets(g), &setb(BField::Goto)) }
            { area(&format!("{id}-rule"), &format!("{what}: de regel in woorden"), &b.rule, &setb(BField::Rule)) }
            <fieldset class="bh-groep">
                <legend>{ format!("{what}: eigen bron (leeg: de bron van de vraag)") }</legend>
                { text(&format!("{id}-heading"), &format!("{what}: kop"), b.source.as_ref().map_or("", |s| s.heading.as_str()), &setb(BField::Heading)) }
                { area(&format!("{id}-quote"), &format!("{what}: letterlijk citaat"), b.source.as_ref().map_or("", |s| s.quote.as_str()), &setb(BField::Quote)) }
                <p class="bh-knoppen">{ quote_button(p.onquote, slot) }</p>
            </fieldset>
        </div>
    }
}
