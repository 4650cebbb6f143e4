//! The training page ("Oefenen", feature `training`): cases per guideline walked in the real
//! widget, the check against the guideline's answer, "Waarom?", the session's coverage, the
//! answer sheet and "Vergelijk regio's". Its own root component and reducer ([`TrainingState`]);
//! the logic is in [`crate::training`]. The view is in the URL fragment (Back and Forward work);
//! the session (coverage, results) is memory only, nothing stored.

use crate::engine::Answers;
use crate::guidelines::{Registry, Status};
use crate::training::answer_sheet;
use crate::ui::app::{App, Setup};
use crate::ui::browser;
use crate::ui::compare_app::CompareApp;
use crate::ui::components::answer_sheet::AnswerSheet;
use crate::ui::components::case_list::CaseList;
use crate::ui::components::case_result::CaseResult;
use crate::ui::components::coverage_view::CoverageView;
use crate::ui::components::guideline_picker::{self, GuidelinePickerProps};
use crate::ui::components::BundleRef;
use crate::ui::state::Embedding;
use crate::ui::training_state::{Mode, TrainingAction, TrainingState};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct TrainingAppProps {
    pub registry: Rc<Registry>,
    /// `load(id)` → Promise of `regels/<id>.rwd`; `load('<id>.casus')` of the case file.
    pub loader: js_sys::Function,
    pub today: AttrValue,
    /// The walk's own page, for the share links of a walk.
    pub home: String,
}

impl PartialEq for TrainingAppProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.registry, &o.registry) && self.loader == o.loader && self.today == o.today && self.home == o.home
    }
}

#[component]
pub fn TrainingApp(props: &TrainingAppProps) -> Html {
    let state = {
        let registry = props.registry.clone();
        use_reducer(move || TrainingState::new(registry).apply(TrainingAction::Restore(browser::hash())))
    };
    // The address bar follows the view (a history entry each), and Back and Forward restore it; the
    // session itself (coverage, results) stays in memory.
    {
        let push = !state.restored;
        let fragment = state.fragment();
        browser::use_keyed_effect(
            fragment.clone(),
            Box::new(move || {
                browser::set_hash(Some(&fragment), push);
                browser::nothing_to_undo()
            }),
        );
        let dispatch = state.dispatcher();
        browser::use_keyed_effect(
            String::new(),
            Box::new(move || {
                let listener = browser::listen_history(move |h| dispatch.dispatch(TrainingAction::Restore(h)));
                Box::new(move || {
                    if let Some(l) = listener {
                        browser::unlisten(l);
                    }
                })
            }),
        );
    }
    // The open guideline's data and cases, when they are not there yet.
    {
        let (dispatch, loader) = (state.dispatcher(), props.loader.clone());
        let (data, cases) = state.to_load();
        let key = format!("{}|{}", data.as_deref().unwrap_or_default(), cases.as_deref().unwrap_or_default());
        browser::use_keyed_effect(
            key,
            Box::new(move || {
                if let Some(id) = data {
                    let d = dispatch.clone();
                    browser::load(&loader, &id.clone(), move |r| d.dispatch(TrainingAction::Loaded(id, r)));
                }
                if let Some(id) = cases {
                    browser::load(&loader, &format!("{id}.casus"), move |r| dispatch.dispatch(TrainingAction::CasesLoaded(id, r)));
                }
                browser::nothing_to_undo()
            }),
        );
    }
    // The walk of the open case: the widget itself, fresh for every case (keyed by the run).
    let walk_setup = {
        let (registry, loader, today, home) = (props.registry.clone(), props.loader.clone(), props.today.clone(), props.home.clone());
        let dispatch = state.dispatcher();
        use_memo((state.guideline.clone(), state.run), move |(id, run)| {
            Rc::new(Setup {
                registry,
                embedding: Rc::new(Embedding {
                    url_state: false,
                    offer: id.iter().cloned().collect(),
                    preset: Answers::new(),
                    labels: Default::default(),
                }),
                contact: None,
                config: Rc::default(),
                config_problems: Rc::default(),
                today,
                loader,
                home,
                uid: format!("rwc{run}").into(),
                focus_given: Default::default(),
                shown: Default::default(),
                onreach: Some(Callback::from(move |a: Option<Answers>| {
                    dispatch.dispatch(a.map_or(TrainingAction::Left, TrainingAction::Reached))
                })),
            })
        })
    };
    // The result takes the focus when it shows (keyboard and screen-reader users hear it).
    {
        let shown = state.answer_shown();
        browser::use_keyed_effect(
            format!("{shown},{}", state.run),
            Box::new(move || {
                if shown {
                    browser::focus("rwo-uitslag");
                }
                browser::nothing_to_undo()
            }),
        );
    }
    let click = |a: TrainingAction| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(a.clone()))
    };
    let act = |a: TrainingAction| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(a.clone()))
    };
    let entry = state.guideline.as_deref().and_then(|id| state.registry.entry(id)).cloned();
    let seed = entry.as_ref().map(|e| e.seed.clone()).unwrap_or_default();
    let bundle = state.guideline.as_deref().and_then(|id| state.registry.bundle_rc(id)).map(BundleRef);
    let picker = || {
        let entries: Vec<_> = state.registry.list().into_iter().filter(|e| e.status == Status::Beschikbaar || e.own).collect();
        let s = state.clone();
        guideline_picker::view(&GuidelinePickerProps {
            entries,
            onpick: Callback::from(move |id| s.dispatch(TrainingAction::PickGuideline(id))),
        })
    };

    let body = if state.mode == Mode::Compare {
        html! { <CompareApp registry={props.registry.clone()} loader={props.loader.clone()} uid="rwv" /> }
    } else if state.guideline.is_none() {
        picker()
    } else if let Some(why) = &state.failed {
        html! {
            <div class="rw-probleem" role="alert">
                <p>{ format!("De oefening kan niet worden geladen: {why}.") }</p>
                <button type="button" class="rw-knop" onclick={click(TrainingAction::ChangeGuideline)}>{ "Andere richtlijn kiezen" }</button>
            </div>
        }
    } else if let (Some(g), Some(cases), Some(b)) = (state.current(), state.case_list(), bundle.clone()) {
        if state.mode == Mode::Sheet {
            html! { <AnswerSheet region={g.region.clone()} title={g.title.clone()} seed={seed.clone()} cases={answer_sheet(g, &cases)} onprint={Callback::from(|_| browser::print())} /> }
        } else if let Some((i, case)) = state.case.zip(state.open_case()) {
            let next = (i + 1 < cases.len()).then_some(i + 1);
            let result = state.verdict().filter(|_| state.answer_shown()).map(|v| {
                let s = state.clone();
                html! {
                    <CaseResult verdict={v} why={state.why_question()} chosen={state.why} checked={state.checked} seed={seed.clone()} uid="rwo"
                        onchoose={Callback::from(move |i| s.dispatch(TrainingAction::ChooseWhy(i)))} oncheck={act(TrainingAction::CheckWhy)} />
                }
            });
            html! {
                <>
                    <section class="rw-casus" aria-labelledby="rwo-casus">
                        <h2 class="rw-titel" id="rwo-casus">{ format!("Casus {} van {}", i + 1, cases.len()) }</h2>
                        <p class="rw-situatie">{ &case.situation }</p>
                        <p class="rw-hulp">{ "Loop het stroomschema door zoals u dat in deze situatie zou doen. Aan het eind ziet u of u uitkomt waar de richtlijn uitkomt." }</p>
                    </section>
                    if state.reached.is_some() && !state.answer_shown() {
                        <div class="rw-onthul">
                            <p>{ "De groep is bij een uitkomst. Het antwoord van de richtlijn is nog verborgen." }</p>
                            <button type="button" class="rw-knop rw-primair" onclick={click(TrainingAction::Reveal)}>{ "Toon het antwoord (zoals de Regiewijzer de richtlijn leest)" }</button>
                        </div>
                    }
                    { result.unwrap_or_default() }
                    <App key={state.run.to_string()} setup={(*walk_setup).clone()} />
                    <div class="rw-knoppen rw-casusknoppen">
                        <button type="button" class="rw-knop" onclick={click(TrainingAction::ToCases)}>{ "Terug naar de casussen" }</button>
                        if let Some(n) = next {
                            <button type="button" class="rw-knop" onclick={click(TrainingAction::PickCase(n))}>{ "Volgende casus" }</button>
                        }
                    </div>
                </>
            }
        } else {
            html! {
                <div class="rw-inhoud">
                    <section class="rw-stap" aria-labelledby="rwo-lijst">
                        <h2 class="rw-titel" id="rwo-lijst">{ format!("Casussen {} ({})", g.region, cases.len()) }</h2>
                        <p class="rw-hulp">{ "Kies een casus. Samen lopen ze alle uitkomsten van de richtlijn langs." }</p>
                        <CaseList cases={(*cases).clone()} onpick={let s = state.clone(); Callback::from(move |i| s.dispatch(TrainingAction::PickCase(i)))} />
                    </section>
                    <aside class="rw-zij">
                        <CoverageView bundle={b} coverage={state.coverage_of(&g.id)} onreset={act(TrainingAction::ResetCoverage)} />
                    </aside>
                </div>
            }
        }
    } else {
        html! { <p class="rw-laden" role="status">{ format!("De casussen van {} worden geladen…", entry.map(|e| e.region).unwrap_or_default()) }</p> }
    };

    let tab = |mode: Mode, label: &'static str| {
        let on = state.mode == mode;
        html! {
            <button type="button" class={classes!("rw-knop", "rw-klein", on.then_some("rw-primair"))} aria-pressed={on.to_string()} onclick={click(TrainingAction::Show(mode))}>{ label }</button>
        }
    };
    html! {
        <div class={classes!("rw", "rw-oefenen", state.presenter.then_some("rw-presentatie"))}>
            <header class="rw-kop">
                <p class="rw-naam">{ "Regiewijzer — Oefenen" }</p>
                if let (Some(e), false) = (&state.current(), state.mode == Mode::Compare) {
                    <p class="rw-richtlijn">{ format!("{} — {}", e.region, e.title) }{ " " }
                        <button type="button" class="rw-link rw-geen-print" onclick={click(TrainingAction::ChangeGuideline)}>{ "andere richtlijn" }</button>
                    </p>
                }
                <nav class="rw-kopknoppen rw-geen-print" aria-label="Oefenen">
                    { tab(Mode::Cases, "Casussen") }
                    if state.guideline.is_some() { { tab(Mode::Sheet, "Antwoordenblad") } }
                    { tab(Mode::Compare, "Vergelijk regio's") }
                    <button type="button" class="rw-knop rw-klein" aria-pressed={state.presenter.to_string()} onclick={click(TrainingAction::TogglePresenter)}>
                        { "Presentatie (beamer)" }
                    </button>
                </nav>
            </header>
            if let Some(m) = &state.message {
                <p class="rw-melding" role="alert">{ m }</p>
            }
            if state.presenter {
                <p class="rw-hulp rw-geen-print">{ "Presentatie: grote letters, het schema over de hele breedte, het antwoord pas na “Toon het antwoord”." }</p>
            }
            { body }
        </div>
    }
}
