//! The root component: owns the reducer and picks what to show.

use crate::guidelines::Registry;
use crate::ui::components::answer_list::AnswerList;
use crate::ui::components::guideline_picker::GuidelinePicker;
use crate::ui::components::outcome_view::OutcomeView;
use crate::ui::components::question_step::QuestionStep;
use crate::ui::state::{Action, State, View};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The loaded guidelines (built once by the caller).
    pub registry: Rc<RegistryHandle>,
    /// The embedding gemeente's contact point (configuration), if any.
    #[prop_or_default]
    pub contact: Option<String>,
    /// Today's date (`JJJJ-MM-DD`), read from the browser by the caller.
    #[prop_or_default]
    pub today: String,
}

/// Wrapper so the registry can be a prop (compared by pointer).
pub struct RegistryHandle(pub Rc<Registry>);

impl PartialEq for RegistryHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let registry = props.registry.0.clone();
    let state = use_reducer(move || State::new(registry));
    let send = |make: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(make(v)))
    };
    let act = |a: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(a.clone()))
    };

    let title = state.current().map(|g| format!("{} — {}", g.region, g.title));
    let steps = state.steps();
    let body = match state.view() {
        View::Picker => html! {
            <GuidelinePicker entries={state.registry.list()} onpick={send(Action::PickGuideline)} />
        },
        View::Question(q) => html! {
            <QuestionStep
                question={q}
                selected={state.selected.clone()}
                editing={state.editing.is_some()}
                can_go_back={state.editing.is_some() || !steps.is_empty()}
                onselect={send(Action::Select)}
                onnext={act(Action::Next)}
                onback={act(Action::Back)}
                onrestart={act(Action::Restart)}
            />
        },
        View::Outcome(advice) => html! {
            <OutcomeView
                advice={Rc::new(advice)}
                dates={state.dates.clone()}
                ondate={let state = state.clone(); Callback::from(move |(f, v)| state.dispatch(Action::SetDate(f, v)))}
                onback={act(Action::Back)}
                onrestart={act(Action::Restart)}
                contact={props.contact.clone()}
                today={props.today.clone()}
            />
        },
        View::Problem(msg) => html! {
            <div class="rw-probleem" role="alert">
                <p>{ msg }</p>
                <button type="button" class="rw-knop" onclick={let a = act(Action::ChangeGuideline); move |_| a.emit(())}>{ "Andere richtlijn kiezen" }</button>
            </div>
        },
    };

    html! {
        <div class="rw">
            <header class="rw-kop">
                <p class="rw-naam">{ "Regiewijzer" }</p>
                if let Some(t) = title {
                    <p class="rw-richtlijn">{ t }
                        { " " }
                        <button type="button" class="rw-link" onclick={let a = act(Action::ChangeGuideline); move |_| a.emit(())}>{ "andere richtlijn" }</button>
                    </p>
                }
            </header>
            if let Some(m) = &state.message {
                <p class="rw-melding" role="alert">{ m }</p>
            }
            <div class="rw-inhoud">
                <section class="rw-stap">{ body }</section>
                if !steps.is_empty() {
                    <AnswerList steps={steps} onedit={send(Action::Edit)} />
                }
            </div>
        </div>
    }
}
