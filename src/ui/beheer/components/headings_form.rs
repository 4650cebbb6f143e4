//! The document's headings and the passages deliberately not modelled (`headings`, `not_modelled`):
//! what the audit checks every heading against. A heading no source cites and no reason accounts
//! for is "niet verwerkt"; one button makes it a passage not modelled, whose reason is then asked.
//! Renaming a heading renames it in every source that cites it.

use super::field::{area, button, item_buttons, select, text};
use crate::engine::model::Guideline;
use crate::ui::beheer::state::{DList, Edit, Move};
use yew::prelude::*;

pub struct HeadingsFormProps<'a> {
    pub rules: &'a Guideline,
    pub onedit: &'a Callback<Edit>,
}

pub fn view(p: &HeadingsFormProps) -> Html {
    let g = p.rules;
    let emit = |edit: Edit| {
        let e = p.onedit.clone();
        Callback::from(move |_: MouseEvent| e.emit(edit.clone()))
    };
    let set = |l: DList, i: usize| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::DocItem(l, i, v)))
    };
    let buttons = |what: String, l: DList, i: usize, n: usize| {
        item_buttons(
            &what,
            i == 0,
            i + 1 == n,
            emit(Edit::MoveDocItem(l, i, Move::Up)),
            emit(Edit::MoveDocItem(l, i, Move::Down)),
            emit(Edit::RemoveDocItem(l, i)),
        )
    };
    // As the audit reads it: a source heading "Heading — Sub-heading" cites both parts.
    let cited = |h: &str| g.sources().iter().any(|(_, s)| s.heading.split(" — ").any(|part| part == h));
    let skipped = |h: &str| g.not_modelled.iter().any(|n| n.heading == h && !n.reason.trim().is_empty());
    let (nh, ns) = (g.headings.len(), g.not_modelled.len());
    let mut choices: Vec<(String, String)> = g.headings.iter().map(|h| (h.clone(), h.clone())).collect();
    for n in &g.not_modelled {
        if !g.headings.contains(&n.heading) {
            choices.push((n.heading.clone(), format!("{} (staat niet in de lijst met koppen)", n.heading)));
        }
    }
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ "Koppen en niet verwerkte passages" }</h2>
            <p>{ "Elke kop van de leidraad wordt door een vraag, uitkomst of evaluatieritme geciteerd, of staat hieronder als bewust niet gemodelleerd, met de reden. Een kop hernoemen, hernoemt hem ook in de bronnen die hem noemen." }</p>
            <fieldset class="bh-groep">
                <legend>{ "Koppen van de leidraad (zoals ze in de tekst staan)" }</legend>
                { for g.headings.iter().enumerate().map(|(i, h)| html! {
                    <div class="bh-item">
                        { text(&format!("kop-{i}-tekst"), &format!("Kop {}", i + 1), h, &set(DList::Heading, i)) }
                        <p class="bh-knoppen">
                            <span class="bh-merk">{ if cited(h) { "geciteerd" } else if skipped(h) { "bewust niet gemodelleerd" } else { "niet verwerkt" } }</span>
                            if !cited(h) && !g.not_modelled.iter().any(|n| n.heading == *h) {
                                { button("Bewust niet gemodelleerd", &format!("Kop {}: bewust niet gemodelleerd", i + 1), emit(Edit::AddDocItem(DList::SkipHeading, h.clone()))) }
                            }
                        </p>
                        { buttons(format!("Kop {}", i + 1), DList::Heading, i, nh) }
                    </div>
                }) }
                { button("Kop toevoegen", "Kop toevoegen", emit(Edit::AddDocItem(DList::Heading, String::new()))) }
            </fieldset>
            <fieldset class="bh-groep">
                <legend>{ "Bewust niet gemodelleerd" }</legend>
                { for g.not_modelled.iter().enumerate().map(|(i, n)| html! {
                    <div class="bh-item">
                        { select(&format!("skip-{i}-kop"), &format!("Passage {}: kop", i + 1), &n.heading, &choices, &set(DList::SkipHeading, i)) }
                        { area(&format!("skip-{i}-reden"), &format!("Passage {}: waarom niet in het stroomschema", i + 1), &n.reason, &set(DList::SkipReason, i)) }
                        { buttons(format!("Passage {}", i + 1), DList::SkipReason, i, ns) }
                    </div>
                }) }
                { button("Passage toevoegen", "Niet gemodelleerde passage toevoegen", emit(Edit::AddDocItem(DList::SkipHeading, g.headings.first().cloned().unwrap_or_default()))) }
            </fieldset>
        </section>
    }
}
