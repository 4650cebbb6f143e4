//! "Vergelijk regio's" (feature `training`): one situation, answered once, in every guideline side
//! by side. Its own root component and reducer ([`CompareState`]); the logic is in
//! [`crate::compare`]. The answers stay in memory: nothing in the URL, nothing stored.

use crate::compare::{Next, RowKind, Shared};
use crate::engine::model::{Choice, Question, Source};
use crate::guidelines::Registry;
use crate::ui::browser;
use crate::ui::compare_state::{CompareAction, CompareState};
use crate::ui::components::question_step::{self, QuestionStepProps};
use crate::ui::components::source_quote::SourceQuote;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties)]
pub struct CompareAppProps {
    pub registry: Rc<Registry>,
    /// `load(id)` → Promise of a guideline's data file.
    pub loader: js_sys::Function,
    pub uid: AttrValue,
}

impl PartialEq for CompareAppProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.registry, &o.registry) && self.loader == o.loader && self.uid == o.uid
    }
}

#[component]
pub fn CompareApp(props: &CompareAppProps) -> Html {
    let state = {
        let registry = props.registry.clone();
        use_reducer(move || CompareState::new(registry, Rc::new(Shared::builtin())))
    };
    // Every guideline's data, once.
    {
        let (dispatch, loader, ids) = (state.dispatcher(), props.loader.clone(), state.to_load());
        browser::use_keyed_effect(
            String::new(),
            Box::new(move || {
                for id in ids {
                    let d = dispatch.clone();
                    browser::load(&loader, &id.clone(), move |r| d.dispatch(CompareAction::Loaded(id, r)));
                }
                browser::nothing_to_undo()
            }),
        );
    }
    let act = |a: CompareAction| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(a.clone()))
    };
    let click = |a: CompareAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(a.clone()))
    };
    let onselect = {
        let state = state.clone();
        Callback::from(move |o: String| state.dispatch(CompareAction::Select(o)))
    };
    let uid = props.uid.clone();
    // The result takes the keyboard focus when it appears (the questions focus their first option).
    let done = state.ready() && state.next() == Next::Done;
    {
        let id = format!("{uid}-vergelijk-titel");
        browser::use_keyed_effect(
            done.to_string(),
            Box::new(move || {
                if done {
                    browser::focus(&id);
                }
                browser::nothing_to_undo()
            }),
        );
    }
    // A new question takes the keyboard focus on its selected (or first) option.
    {
        let key = match state.ready().then(|| state.next()) {
            Some(Next::Shared { question, .. }) => format!("g:{}", question.id),
            Some(Next::Own { region, question, .. }) => format!("e:{region}:{}", question.id),
            _ => String::new(),
        };
        let uid = uid.clone();
        browser::use_keyed_effect(
            key.clone(),
            Box::new(move || {
                if !key.is_empty() {
                    question_step::focus(&uid);
                }
                browser::nothing_to_undo()
            }),
        );
    }
    let seed_of = |id: &str| state.registry.entry(id).map(|e| e.seed.clone()).unwrap_or_default();

    let body = if !state.ready() {
        html! { <p class="rw-laden" role="status">{ "De richtlijnen worden geladen…" }</p> }
    } else {
        match state.next() {
            Next::Shared { question, guidelines } => {
                let regions: Vec<String> =
                    guidelines.iter().filter_map(|g| state.registry.entry(g).map(|e| short_region(&e.region))).collect();
                let q = Question {
                    id: question.id.clone(),
                    short: String::new(),
                    text: question.text.clone(),
                    help: question.help.clone(),
                    source: Source::default(),
                    interpretation: None,
                    unknown: None,
                    options: question
                        .options
                        .iter()
                        .map(|(id, label)| Choice { id: id.clone(), label: label.clone(), ..Choice::default() })
                        .collect(),
                };
                question_step::view(&QuestionStepProps {
                    question: &q,
                    selected: state.selected.clone(),
                    editing: false,
                    can_go_back: state.answered() > 0,
                    context: Some(format!("Gedeelde vraag, één keer voor: {}.", regions.join(", "))),
                    limit: false,
                    note: Some(AttrValue::from(
                        "De vraag betekent in deze richtlijnen hetzelfde (vastgelegd in de vergelijkingstabel van de Regiewijzer).",
                    )),
                    uid: uid.clone(),
                    onselect,
                    onnext: act(CompareAction::Next),
                    onback: act(CompareAction::Back),
                    onrestart: act(CompareAction::Restart),
                })
            }
            Next::Own { region, question, .. } => html! {
                <>
                    { question_step::view(&QuestionStepProps {
                        question: &question,
                        selected: state.selected.clone(),
                        editing: false,
                        can_go_back: state.answered() > 0,
                        context: Some(format!("Alleen voor {}.", short_region(&region))),
                        limit: false,
                        note: None,
                        uid: uid.clone(),
                        onselect,
                        onnext: act(CompareAction::Next),
                        onback: act(CompareAction::Back),
                        onrestart: act(CompareAction::Restart),
                    }) }
                    <p class="rw-overslaan">
                        <button type="button" class="rw-link" onclick={click(CompareAction::Skip)}>
                            { format!("Past niet bij deze situatie: {} overslaan", short_region(&region)) }
                        </button>
                    </p>
                </>
            },
            Next::Done => match state.result() {
                Some((cols, rows)) => {
                    let ondate = {
                        let state = state.clone();
                        Callback::from(move |e: InputEvent| {
                            state.dispatch(CompareAction::SetStart(e.target_unchecked_into::<HtmlInputElement>().value()))
                        })
                    };
                    html! {
                        <section class="rw-vergelijking" aria-labelledby={format!("{uid}-vergelijk-titel")}>
                            <h2 class="rw-titel" id={format!("{uid}-vergelijk-titel")} tabindex="-1">{ "De situatie in elke regio" }</h2>
                            <p>{ "Rijen waar de regio's verschillen zijn gemarkeerd met “verschilt”: vergeleken worden wie de regie heeft, het antwoord voor de zorgaanbieder, met wie die contact opneemt en de termijnen; uitkomst en vorm van regie staan in de woorden van elke richtlijn. Elke cel noemt de passage uit de richtlijn waarop zij rust." }</p>
                            <div class="rw-datum rw-geen-print">
                                <label for={format!("{uid}-vergelijk-start")}>{ "Startdatum van de hulp (voor de evaluatiedata, niet verplicht)" }</label>
                                <input id={format!("{uid}-vergelijk-start")} type="date" value={state.dates.start.clone().unwrap_or_default()} oninput={ondate} />
                            </div>
                            <div class="rw-tabelvak" tabindex="0" role="region" aria-label="Vergelijkingstabel">
                                <table class="rw-tabel">
                                    <caption class="rw-verborgen">{ "Vergelijking van de regio's voor deze situatie" }</caption>
                                    <thead><tr>
                                        <td></td>
                                        { for cols.iter().map(|c| html! { <th scope="col">{ short_region(&c.guideline().region) }</th> }) }
                                    </tr></thead>
                                    <tbody>
                                        { for rows.iter().map(|r| html! {
                                            <tr class={classes!(r.differs.then_some("rw-verschilt"))}>
                                                <th scope="row">{ r.label }
                                                    if r.differs { <span class="rw-verschil-label">{ " verschilt" }</span> }
                                                </th>
                                                { for r.cells.iter().zip(&cols).map(|(cell, col)| html! {
                                                    <td class={classes!(col.advice().is_none().then_some("rw-leeg"))}>
                                                        <p>{ &cell.text }</p>
                                                        if let Some(key) = cell.key.as_ref().filter(|k| **k != cell.text && r.kind == RowKind::RegieBij) {
                                                            <p class="rw-sleutel">{ format!("Vergeleken als: {key} (lezing van de Regiewijzer)") }</p>
                                                        }
                                                        if let Some(src) = &cell.source {
                                                            <details class="rw-celbron">
                                                                <summary>{ format!("Bron: {}", src.heading_label()) }</summary>
                                                                <SourceQuote source={src.clone()} seed={seed_of(&col.guideline().id)} />
                                                            </details>
                                                        }
                                                    </td>
                                                }) }
                                            </tr>
                                        }) }
                                    </tbody>
                                </table>
                            </div>
                            <div class="rw-knoppen rw-geen-print">
                                <button type="button" class="rw-knop" onclick={click(CompareAction::Back)}>{ "Terug" }</button>
                                <button type="button" class="rw-knop" onclick={|_| browser::print()}>{ "Afdrukken" }</button>
                                <button type="button" class="rw-knop rw-secundair" onclick={click(CompareAction::Restart)}>{ "Opnieuw beginnen" }</button>
                            </div>
                            <p class="rw-disclaimer">{ "De richtlijnen laten ruimte voor professionele afweging: deze vergelijking ondersteunt uw oordeel en vervangt het niet." }</p>
                        </section>
                    }
                }
                None => html! {},
            },
        }
    };

    html! {
        <div class="rw">
            <header class="rw-kop">
                <p class="rw-naam">{ "Regiewijzer" }</p>
                <p class="rw-richtlijn">{ "Vergelijk regio's: één situatie in alle richtlijnen" }</p>
            </header>
            if let Some(m) = &state.message {
                <p class="rw-melding" role="alert">{ m }</p>
            }
            if !state.failed.is_empty() {
                <div class="rw-melding" role="alert">
                    { for state.failed.iter().map(|(id, why)| html! {
                        <p>{ format!("{} kon niet worden geladen ({why}) en doet niet mee.", state.registry.entry(id).map(|e| short_region(&e.region)).unwrap_or_else(|| id.clone())) }</p>
                    }) }
                </div>
            }
            <section class="rw-stap">{ body }</section>
        </div>
    }
}

/// "Oost Veluwe (Apeldoorn, …)" → "Oost Veluwe": the column heads stay short.
fn short_region(region: &str) -> String {
    region.split(" (").next().unwrap_or(region).to_string()
}
