//! The root component: owns the reducer, keeps the address bar and the guideline data in step with
//! it, and lays out the step, the stroomschema and the answers.
//!
//! `App` reads top to bottom as state → effects → view → layout. Its parts are private render
//! functions below it (`header`, `notices`, [`Share`], `step`, `print_head`), like the components'
//! `view(&XxxProps)`: a component type would cost the wasm Yew's generic code (see
//! [`crate::ui::components`]). Every part reports to the reducer through [`dispatch`].

use crate::engine::ics;
use crate::engine::model::DateField;
use crate::guidelines::Registry;
use crate::ui::browser;
use crate::ui::components::alternatives_view::{self, AlternativesViewProps};
use crate::ui::components::answer_list::{self, AnswerListProps};
use crate::ui::components::guideline_picker::{self, GuidelinePickerProps};
use crate::ui::components::outcome_view::{self, OutcomeViewProps};
use crate::ui::components::question_step::{self, QuestionStepProps};
use crate::ui::components::schema_text::{self, SchemaTextProps};
use crate::ui::components::schema_view::SchemaView;
use crate::ui::components::{raw, BundleRef};
use crate::ui::markup::Markup;
use crate::ui::state::{Action, Embedding, Nav, State, View};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub setup: Rc<Setup>,
}

/// What the page gives the widget when it mounts it.
pub struct Setup {
    /// The guidelines (the built-in index, plus a gemeente's own file).
    pub registry: Rc<Registry>,
    pub embedding: Rc<Embedding>,
    /// The gemeente's contact point from `data-contact`/`contact`, if any (the fallback).
    pub contact: Option<String>,
    /// The gemeente's configuration file, read and checked (defaults where it had problems).
    pub config: Rc<crate::config::Config>,
    /// The configuration's problems, shown on the page when it asks for `debug`.
    pub config_problems: Rc<Vec<String>>,
    /// Today (`JJJJ-MM-DD`), read from the browser.
    pub today: AttrValue,
    /// `load(id)` → Promise of a guideline's data file (the loader fetches from the widget's folder).
    pub loader: js_sys::Function,
    /// The widget's own page, for share links when the host page owns its fragment.
    pub home: String,
    /// Prefix for element ids, unique per widget on the page.
    pub uid: AttrValue,
    /// The question the loader showed before the wasm (its id; empty: none): the loader gives the
    /// focus back itself at the hand-over, so that question does not take it when the widget first
    /// shows it (cleared by the first question the widget focuses).
    pub focus_given: std::cell::RefCell<String>,
    /// The marks and answers the stroomschema and its text version show (see `App`): a step keeps
    /// them until it is shown whole.
    pub shown: std::cell::RefCell<(crate::engine::schema::Marks, crate::engine::Answers)>,
    /// Training: told the answers each time the walk reaches an outcome (the case is then checked),
    /// and `None` when it leaves it again (Terug, an answer changed).
    #[cfg(feature = "training")]
    pub onreach: Option<Callback<Option<crate::engine::Answers>>>,
}

impl PartialEq for Setup {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let setup = &props.setup;
    let url_state = setup.embedding.url_state;

    // State: the reducer, started from the address bar when the widget keeps the walk there.
    let state = {
        let setup = setup.clone();
        use_reducer(move || {
            let mut s = State::new(setup.registry.clone(), setup.embedding.clone());
            s.dates.reference = Some(setup.today.to_string());
            if setup.embedding.url_state {
                s.apply(Action::Restore(browser::hash()))
            } else {
                s
            }
        })
    };
    // What the step shows, computed once per render (the outcome's advice is not cheap).
    let view = state.view();
    // The walk as a fragment, computed once per render: the address bar and the share link.
    let fragment = state.fragment();
    let share = Share { page: (!url_state).then(|| format!("{}#{fragment}", setup.home)) };

    // Effects, each keyed by what it depends on (see `browser::use_keyed_effect`).
    // Fetch a guideline's data when the state asks for it.
    {
        let (dispatch, loader) = (state.dispatcher(), setup.loader.clone());
        let loading = state.loading.clone();
        browser::use_keyed_effect(
            loading.clone().unwrap_or_default(),
            Box::new(move || {
                if let Some(id) = loading {
                    browser::load(&loader, &id.clone(), move |r| dispatch.dispatch(Action::Loaded(id, r)));
                }
                browser::nothing_to_undo()
            }),
        );
    }
    // The address bar follows the walk: a step is a history entry, a correction replaces it. And a
    // step paints first what it shows (the question, or the top of the outcome) and the rest once
    // that frame is painted ([`Action::Rest`]): the outcome's rest is as much work again (measured
    // at 4x CPU: the step ~85 → ~45-50 ms), the stroomschema's new marks a quarter of a step to a
    // question (~33 → ~25 ms).
    {
        let (nav, seq, top, dispatch) = (state.nav, state.nav_seq, !state.whole_step(), state.dispatcher());
        browser::use_keyed_effect(
            seq.to_string(),
            Box::new(move || {
                if url_state && seq > 0 && nav != Nav::None {
                    browser::set_hash(Some(&fragment), nav == Nav::Push);
                }
                if top {
                    browser::after_paint(Box::new(move |_| dispatch.dispatch(Action::Rest(seq))));
                }
                browser::nothing_to_undo()
            }),
        );
    }
    // The browser's Back and Forward (and a pasted link) restore the walk.
    {
        let dispatch = state.dispatcher();
        // One key for every render: set up once, undone at unmount.
        browser::use_keyed_effect(
            String::new(),
            Box::new(move || {
                let listener = url_state.then(|| browser::listen_history(move |h| dispatch.dispatch(Action::Restore(h)))).flatten();
                Box::new(move || {
                    if let Some(l) = listener {
                        browser::unlisten(l);
                    }
                })
            }),
        );
    }
    // Training: the page checks the case once the walk reaches an outcome.
    #[cfg(feature = "training")]
    {
        let reached = matches!(view, View::Outcome(_)).then(|| state.session.answers().clone());
        let onreach = setup.onreach.clone();
        // The key: the answers that reached an outcome ("" while none is reached).
        let key = reached.as_ref().map(|a| a.iter().map(|(q, o)| format!("{q}={o};")).collect::<String>() + "!").unwrap_or_default();
        browser::use_keyed_effect(
            key,
            Box::new(move || {
                if let Some(cb) = onreach {
                    cb.emit(reached);
                }
                browser::nothing_to_undo()
            }),
        );
    }
    // A new question, outcome or set of alternatives takes the keyboard focus; not the question the
    // loader showed before the wasm (`focus_given`: its hand-over gives the focus back where it
    // was). That id is kept until something is shown: the render while the guideline's data is
    // read (no focus) comes first and must not use it up, or the question's render would move the
    // focus to an option, before or after the hand-over (its effect can run on either side).
    {
        let (focus, uid, setup) = (Focus::of(&view), setup.uid.clone(), setup.clone());
        browser::use_keyed_effect(
            focus.key(),
            Box::new(move || {
                if matches!(focus, Focus::None) {
                    return browser::nothing_to_undo();
                }
                let given = setup.focus_given.take();
                if !matches!(&focus, Focus::Question(q) if *q == given) {
                    focus.take(&uid);
                }
                browser::nothing_to_undo()
            }),
        );
    }

    // View: the parts.
    let bundle = state.guideline.as_deref().and_then(|id| state.registry.bundle_rc(id)).map(BundleRef);
    let steps = state.answered();
    let body = step(&state, setup, view, bundle.as_ref());
    // Where the walk stands, for the stroomschema and its text version: a step paints its question
    // first, and both follow in the next frame (the drawing's update was a quarter of a step at 4x
    // CPU, the text version's layout ~5 ms, measured), so until the step is shown whole they keep
    // the marks and answers they showed.
    if state.whole_step() {
        *setup.shown.borrow_mut() = (state.marks().unwrap_or_default(), state.session.answers().clone());
    }
    let shown = setup.shown.borrow();
    let schema = bundle.clone().map(|b| {
        let onoutcome: fn(()) -> Action = if state.whole { |_| Action::ToggleWhole } else { |_| Action::CancelEdit };
        html! {
            <SchemaView bundle={b} marks={shown.0.clone()} answers={shown.1.clone()} large={state.whole}
                onedit={dispatch(&state, Action::Edit)} onoutcome={dispatch(&state, onoutcome)} />
        }
    });
    let text_version =
        bundle.clone().map(|bundle| schema_text::view(&SchemaTextProps { bundle, marks: &shown.0, visible: state.text_version }));
    let text_toggle = html! {
        <button type="button" class="rw-link" aria-pressed={state.text_version.to_string()} onclick={dispatch(&state, |_| Action::ToggleText)}>
            { if state.text_version { "Tekstversie verbergen" } else { "Tekstversie tonen" } }
        </button>
    };
    // The buttons inside markup written as text ("andere richtlijn" in the header, "Andere
    // richtlijn kiezen" under a problem) reach the App through this one delegated listener.
    let onclick = {
        let state = state.clone();
        move |e: MouseEvent| {
            if browser::action_of(&e).as_deref() == Some("app:kies") {
                state.dispatch(Action::ChangeGuideline)
            }
        }
    };

    // Layout. Classes as literals only (two branches where one changes): a computed class goes
    // through Yew's `Classes` (an index set), which then weighs on the wasm.
    let side = html! {
        <>
            <h2 class="rw-subtitel">{ "Stroomschema" }</h2>
            { schema.clone().unwrap_or_default() }
            { text_toggle.clone() }
            { text_version.clone().unwrap_or_default() }
        </>
    };
    let inner = html! {
        <>
            { header(&state, setup.embedding.offer.len() != 1, &share) }
            { notices(setup, state.message.as_deref()) }
            <div class="rw-gedeeld" role="status">{ share.status(state.shared, &setup.uid) }</div>
            if state.whole {
                <section class="rw-heel" aria-label="Hele stroomschema">
                    { print_head(&state, &setup.today) }
                    <div class="rw-knoppen rw-geen-print">
                        <button type="button" class="rw-knop" onclick={|_| browser::print()}>{ "Afdrukken (liggend)" }</button>
                        { text_toggle.clone() }
                    </div>
                    { schema.clone().unwrap_or_default() }
                    { text_version.clone().unwrap_or_default() }
                </section>
            } else {
                <div class="rw-inhoud">
                    <section class="rw-stap">{ body }</section>
                    if bundle.is_some() {
                        <aside class="rw-zij" aria-label="Stroomschema en antwoorden">
                            if state.schema_open {
                                <div class="rw-zijschema rw-geen-print rw-open">{ side }</div>
                            } else {
                                <div class="rw-zijschema rw-geen-print">{ side }</div>
                            }
                            if !steps.is_empty() {
                                { answer_list::view(&AnswerListProps { steps, onedit: dispatch(&state, Action::Edit), uid: setup.uid.clone() }) }
                            }
                        </aside>
                    }
                </div>
            }
        </>
    };
    if state.whole {
        html! { <div class="rw rw-heel-open" onclick={onclick.clone()}>{ inner }</div> }
    } else {
        html! { <div class="rw" {onclick}>{ inner }</div> }
    }
}

/// The one way the App's parts report: a callback that sends the reducer the action `make` builds
/// from the event (`Action::Select`, or `|_| Action::Next` for a button). `make` is a fn pointer,
/// not a closure type, so the wasm holds one copy of this per event type (five), not one per use;
/// it keeps only the reducer's dispatcher (measured: 19 B gzip less than keeping the handle).
fn dispatch<E: 'static>(state: &UseReducerHandle<State>, make: fn(E) -> Action) -> Callback<E> {
    let reducer = state.dispatcher();
    Callback::from(move |e| reducer.dispatch(make(e)))
}

/// What takes the keyboard focus when it is new, so it is read (or answered) first.
enum Focus {
    None,
    /// A question (its id), on its selected option or its first.
    Question(String),
    /// An outcome (its id, "" when it has none), on its heading.
    Outcome(String),
    /// A set of alternatives (how many), on its heading.
    Alternatives(usize),
}

impl Focus {
    fn of(view: &View<'_>) -> Focus {
        match view {
            View::Question { question, .. } => Focus::Question(question.id.clone()),
            View::Outcome(a) => Focus::Outcome(a.outcome.as_ref().map(|o| o.id.clone()).unwrap_or_default()),
            View::Alternatives(all) => Focus::Alternatives(all.len()),
            _ => Focus::None,
        }
    }

    /// The focus effect's key: it names what is shown, so the focus moves only when that changes.
    fn key(&self) -> String {
        match self {
            Focus::None => String::new(),
            Focus::Question(id) => format!("v{id}"),
            Focus::Outcome(id) => format!("u{id}"),
            Focus::Alternatives(n) => format!("a{n}"),
        }
    }

    /// Moves the keyboard focus there (`uid`: the widget's prefix).
    fn take(&self, uid: &str) {
        match self {
            Focus::None => {}
            Focus::Question(_) => question_step::focus(uid),
            Focus::Outcome(_) | Focus::Alternatives(_) => outcome_view::focus(uid),
        }
    }
}

/// The widget's head: its name, the guideline walked (with "andere richtlijn" when the page offers
/// a choice) and, once there is one, the buttons for the schema, the whole schema and the share link.
fn header(state: &UseReducerHandle<State>, offers_choice: bool, share: &Share) -> Html {
    let title = state.current().map(|g| format!("{} — {}", g.region, g.title));
    // The read-only part as text (see crate::ui::markup); the buttons stay Yew's, so they keep the
    // keyboard focus when their text changes.
    let head = crate::ui::page_markup::header_text(title.as_deref(), offers_choice);
    html! {
        <header class="rw-kop">
            { raw(head) }
            if title.is_some() {
                <div class="rw-kopknoppen rw-geen-print">
                    <button type="button" class="rw-knop rw-klein rw-toon-schema" aria-expanded={state.schema_open.to_string()} onclick={dispatch(state, |_| Action::ToggleSchema)}>
                        { if state.schema_open { "Verberg stroomschema" } else { "Toon stroomschema" } }
                    </button>
                    <button type="button" class="rw-knop rw-klein" aria-pressed={state.whole.to_string()} onclick={dispatch(state, |_| Action::ToggleWhole)}>
                        { if state.whole { "Terug naar de vragen" } else { "Hele stroomschema" } }
                    </button>
                    <button type="button" class="rw-knop rw-klein" onclick={share.onclick(state)}>{ "Deel deze route" }</button>
                </div>
            }
        </header>
    }
}

/// The notices above the step: the configuration's problems (only with `debug`), the gemeente's
/// intro and the reducer's message.
fn notices(setup: &Setup, message: Option<&str>) -> Html {
    let mut m = Markup::new();
    if setup.config.debug && !setup.config_problems.is_empty() {
        m.raw("<div class=\"rw-melding\" role=\"alert\"><p>Configuratie (alleen zichtbaar met debug): de Regiewijzer gebruikt standaardwaarden voor:</p><ul>");
        for p in setup.config_problems.iter() {
            m.el("<li>", p);
        }
        m.raw("</ul></div>");
    }
    if !setup.config.intro.is_empty() {
        m.el("<p class=\"rw-intro\">", &setup.config.intro);
    }
    if let Some(msg) = message {
        m.el("<p class=\"rw-melding\" role=\"alert\">", msg);
    }
    raw(m)
}

/// "Deel deze route": the link to the route, copied on a click, or shown to copy by hand when the
/// clipboard is blocked.
struct Share {
    /// The widget's own page with the walk's fragment (when the host page owns its fragment).
    /// `None` when the address bar follows the walk: the link is then the address bar's, read when
    /// it is needed (the bar follows the walk only after the render).
    page: Option<String>,
}

impl Share {
    /// The one place the link is made, for the click and for the field shown when copying failed.
    fn link(&self) -> String {
        self.page.clone().unwrap_or_else(browser::href)
    }

    /// The button's callback: copies the link and tells the reducer whether that worked.
    fn onclick(&self, state: &UseReducerHandle<State>) -> Callback<MouseEvent> {
        let (share, reducer) = (Share { page: self.page.clone() }, state.dispatcher());
        Callback::from(move |_: MouseEvent| {
            let reducer = reducer.clone();
            browser::copy(&share.link(), move |ok| reducer.dispatch(Action::Shared(ok)));
        })
    }

    /// What the last click did: copied, or the link in a field to copy by hand.
    fn status(&self, shared: Option<bool>, uid: &str) -> Html {
        let mut m = Markup::new();
        match shared {
            Some(true) => {
                m.raw("<p class=\"rw-bevestiging\">Link gekopieerd. Plak hem in een bericht aan uw collega: hij opent dezelfde route.</p>");
            }
            Some(false) => {
                let id = format!("{uid}-link");
                m.raw("<p class=\"rw-bevestiging\"><label")
                    .attr("for", &id)
                    .raw(">Kopiëren lukte niet automatisch. Kopieer deze link:</label>");
                m.raw("<input").attr("id", &id).raw(" class=\"rw-linkveld\" readonly").attr("value", &self.link()).raw("></p>");
            }
            None => {}
        }
        raw(m)
    }
}

/// The step: the guideline picker, a question, an outcome or its alternatives, or what went wrong.
fn step(state: &UseReducerHandle<State>, setup: &Setup, view: View<'_>, bundle: Option<&BundleRef>) -> Html {
    let uid = &setup.uid;
    let print = || Callback::from(|_: ()| browser::print());
    match view {
        View::Picker => {
            guideline_picker::view(&GuidelinePickerProps { entries: state.offered(), onpick: dispatch(state, Action::PickGuideline) })
        }
        View::Loading(region) => {
            let mut m = Markup::new();
            m.raw("<p class=\"rw-laden\" role=\"status\">De richtlijn ").text(&region).raw(" wordt geladen…</p>");
            raw(m)
        }
        View::Question { question, assumed, limit } => question_step::view(&QuestionStepProps {
            question,
            selected: state.selected.clone(),
            editing: state.editing.is_some(),
            can_go_back: state.editing.is_some() || !state.session.answers().is_empty(),
            context: bundle.filter(|_| !assumed.is_empty()).map(|b| assumed_context(b, &assumed)),
            limit,
            note: None,
            uid: uid.clone(),
            onselect: dispatch(state, Action::Select),
            onnext: dispatch(state, |_| Action::Next),
            onback: dispatch(state, |_| Action::Back),
            onrestart: dispatch(state, |_| Action::Restart),
        }),
        View::Outcome(advice) => {
            let labels: Vec<(DateField, String)> =
                bundle.map(|b| DateField::ALL.iter().map(|f| (*f, b.0.guideline.date_label(*f).to_string())).collect()).unwrap_or_default();
            let calendar = ics::calendar(&advice, &browser::stamp()).map(|t| (browser::uri_component(&t), ics::file_name(&advice)));
            outcome_view::view(&OutcomeViewProps {
                advice: Rc::new(advice),
                dates: state.dates.clone(),
                date_labels: Rc::new(labels),
                ondate: dispatch(state, |(f, v)| Action::SetDate(f, v)),
                onback: dispatch(state, |_| Action::Back),
                onrestart: dispatch(state, |_| Action::Restart),
                onprint: print(),
                contact: state
                    .guideline
                    .as_deref()
                    .and_then(|g| setup.config.contact_for(g, state.session.answers().get("rol").map(String::as_str)))
                    .map(|c| c.line())
                    .or_else(|| setup.contact.clone()),
                today: setup.today.clone(),
                calendar,
                uid: uid.clone(),
                whole: state.whole_step(),
            })
        }
        View::Alternatives(all) => match bundle {
            Some(b) => alternatives_view::view(&AlternativesViewProps {
                bundle: b.clone(),
                alternatives: Rc::new(all),
                ondecide: dispatch(state, |(q, o)| Action::Decide(q, o)),
                onprint: print(),
                uid: uid.clone(),
            }),
            None => html! {},
        },
        View::Problem(msg) => {
            let mut m = Markup::new();
            m.raw("<div class=\"rw-probleem\" role=\"alert\">").el("<p>", &msg);
            m.raw("<button type=\"button\" class=\"rw-knop\" data-rw=\"app:kies\">Andere richtlijn kiezen</button></div>");
            raw(m)
        }
    }
}

/// Above a question on the route of "Weet ik niet" answers: which answers it assumes.
fn assumed_context(bundle: &BundleRef, assumed: &[(String, String)]) -> String {
    let g = &bundle.0.guideline;
    let parts: Vec<String> = assumed
        .iter()
        .map(|(q, o)| {
            let q = g.question(q);
            let label = q.and_then(|q| q.options.iter().find(|c| &c.id == o)).map(|c| c.label.clone()).unwrap_or_default();
            format!("{} {label}", q.map(|q| q.short.as_str()).unwrap_or_default())
        })
        .collect();
    format!("U weet nog niet alles. Voor het geval: {}", parts.join(", en "))
}

/// The line a printed whole schema starts with: the guideline, its document date and the day it
/// was printed (nothing unless the whole schema is shown).
fn print_head(state: &State, today: &str) -> Html {
    let mut m = Markup::new();
    if let (true, Some(g)) = (state.whole, state.current()) {
        let today = crate::engine::dates::parse_date("vandaag", today).map(crate::engine::dates::format_nl).unwrap_or_default();
        m.raw("<p class=\"rw-alleen-print rw-printkop\">Stroomschema ").text(&g.region).raw(" — ").text(&g.title);
        m.raw(" (").text(&g.document_date).raw("). Afgedrukt op ").text(&today).raw(".</p>");
    }
    raw(m)
}
