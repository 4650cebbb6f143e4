//! The root component: owns the reducer, keeps the address bar and the guideline data in step with
//! it, and lays out the step, the stroomschema and the answers.

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
    let setup = props.setup.clone();
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
    let url_state = setup.embedding.url_state;

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
    // The address bar follows the walk: a step is a history entry, a correction replaces it.
    {
        let (fragment, nav, seq) = (state.fragment(), state.nav, state.nav_seq);
        browser::use_keyed_effect(
            seq.to_string(),
            Box::new(move || {
                if url_state && seq > 0 && nav != Nav::None {
                    browser::set_hash(&fragment, nav == Nav::Push);
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

    // What the step shows, computed once per render (the outcome's advice is not cheap).
    let view = state.view();
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

    let send = |make: fn(String) -> Action| {
        let state = state.clone();
        Callback::from(move |v: String| state.dispatch(make(v)))
    };
    let act = |a: Action| {
        let state = state.clone();
        Callback::from(move |_: ()| state.dispatch(a.clone()))
    };
    let click = |a: Action| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(a.clone()))
    };
    let print = Callback::from(|_: ()| browser::print());
    let uid = setup.uid.clone();

    let bundle = state.guideline.as_deref().and_then(|id| state.registry.bundle_rc(id)).map(BundleRef);
    let marks = state.marks().unwrap_or_default();
    // A new question takes the keyboard focus on its selected (or first) option, a new outcome (or
    // set of alternatives) on its heading, so it is read first. The key names what is shown.
    {
        let key = match &view {
            View::Question { question, .. } => format!("v{}", question.id),
            View::Outcome(a) => format!("u{}", a.outcome.as_ref().map(|o| o.id.as_str()).unwrap_or_default()),
            View::Alternatives(all) => format!("a{}", all.len()),
            _ => String::new(),
        };
        let uid = uid.clone();
        browser::use_keyed_effect(
            key.clone(),
            Box::new(move || {
                match key.chars().next() {
                    Some('v') => question_step::focus(&uid),
                    Some(_) => outcome_view::focus(&uid),
                    None => {}
                }
                browser::nothing_to_undo()
            }),
        );
    }
    let body = match view {
        View::Picker => guideline_picker::view(&GuidelinePickerProps { entries: state.offered(), onpick: send(Action::PickGuideline) }),
        View::Loading(region) => {
            let mut m = Markup::new();
            m.raw("<p class=\"rw-laden\" role=\"status\">De richtlijn ").text(&region).raw(" wordt geladen…</p>");
            raw(m)
        }
        View::Question { question, assumed, limit } => {
            let context = bundle.as_ref().filter(|_| !assumed.is_empty()).map(|b| {
                let g = &b.0.guideline;
                let parts: Vec<String> = assumed
                    .iter()
                    .map(|(q, o)| {
                        let q = g.question(q);
                        let label = q.and_then(|q| q.options.iter().find(|c| &c.id == o)).map(|c| c.label.clone()).unwrap_or_default();
                        format!("{} {label}", q.map(|q| q.short.as_str()).unwrap_or_default())
                    })
                    .collect();
                format!("U weet nog niet alles. Voor het geval: {}", parts.join(", en "))
            });
            question_step::view(&QuestionStepProps {
                question,
                selected: state.selected.clone(),
                editing: state.editing.is_some(),
                can_go_back: state.editing.is_some() || !state.session.answers().is_empty(),
                context,
                limit,
                note: None,
                uid: uid.clone(),
                onselect: send(Action::Select),
                onnext: act(Action::Next),
                onback: act(Action::Back),
                onrestart: act(Action::Restart),
            })
        }
        View::Outcome(advice) => {
            let labels: Vec<(DateField, String)> = bundle
                .as_ref()
                .map(|b| DateField::ALL.iter().map(|f| (*f, b.0.guideline.date_label(*f).to_string())).collect())
                .unwrap_or_default();
            let calendar = ics::calendar(&advice, &browser::stamp()).map(|t| (browser::uri_component(&t), ics::file_name(&advice)));
            outcome_view::view(&OutcomeViewProps {
                advice: Rc::new(advice),
                dates: state.dates.clone(),
                date_labels: Rc::new(labels),
                ondate: {
                    let state = state.clone();
                    Callback::from(move |(f, v)| state.dispatch(Action::SetDate(f, v)))
                },
                onback: act(Action::Back),
                onrestart: act(Action::Restart),
                onprint: print.clone(),
                contact: state
                    .guideline
                    .as_deref()
                    .and_then(|g| setup.config.contact_for(g, state.session.answers().get("rol").map(String::as_str)))
                    .map(|c| c.line())
                    .or_else(|| setup.contact.clone()),
                today: setup.today.clone(),
                calendar,
                uid: uid.clone(),
            })
        }
        View::Alternatives(all) => match &bundle {
            Some(b) => alternatives_view::view(&AlternativesViewProps {
                bundle: b.clone(),
                alternatives: Rc::new(all),
                ondecide: {
                    let state = state.clone();
                    Callback::from(move |(q, o)| state.dispatch(Action::Decide(q, o)))
                },
                onprint: print.clone(),
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
    };

    let title = state.current().map(|g| format!("{} — {}", g.region, g.title));
    let steps = state.answered();
    let share_url = if url_state { String::new() } else { format!("{}#{}", setup.home, state.fragment()) };
    let share = {
        let state = state.clone();
        let url = share_url.clone();
        Callback::from(move |_: MouseEvent| {
            let link = if url_state { web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default() } else { url.clone() };
            let d = state.dispatcher();
            browser::copy(&link, move |ok| d.dispatch(Action::Shared(ok)));
        })
    };
    let schema = bundle.clone().map(|b| {
        html! {
            <SchemaView bundle={b} marks={marks.clone()} answers={state.session.answers().clone()} large={state.whole}
                onedit={send(Action::Edit)} onoutcome={act(if state.whole { Action::ToggleWhole } else { Action::CancelEdit })} />
        }
    });
    let text_version =
        bundle.clone().map(|bundle| schema_text::view(&SchemaTextProps { bundle, marks: marks.clone(), visible: state.text_version }));
    let text_toggle = html! {
        <button type="button" class="rw-link" aria-pressed={state.text_version.to_string()} onclick={click(Action::ToggleText)}>
            { if state.text_version { "Tekstversie verbergen" } else { "Tekstversie tonen" } }
        </button>
    };

    // The read-only parts as text (see crate::ui::markup); the toggles stay Yew's buttons, so they
    // keep the keyboard focus when their text changes.
    let mut head = Markup::new();
    head.raw("<p class=\"rw-naam\">Regiewijzer</p>");
    if let Some(t) = &title {
        head.raw("<p class=\"rw-richtlijn\">").text(t);
        if setup.embedding.offer.len() != 1 {
            head.raw(" <button type=\"button\" class=\"rw-link rw-geen-print\" data-rw=\"app:kies\">andere richtlijn</button>");
        }
        head.raw("</p>");
    }
    let mut notices = Markup::new();
    if setup.config.debug && !setup.config_problems.is_empty() {
        notices.raw("<div class=\"rw-melding\" role=\"alert\"><p>Configuratie (alleen zichtbaar met debug): de Regiewijzer gebruikt standaardwaarden voor:</p><ul>");
        for p in setup.config_problems.iter() {
            notices.el("<li>", p);
        }
        notices.raw("</ul></div>");
    }
    if !setup.config.intro.is_empty() {
        notices.el("<p class=\"rw-intro\">", &setup.config.intro);
    }
    if let Some(msg) = &state.message {
        notices.el("<p class=\"rw-melding\" role=\"alert\">", msg);
    }
    let mut shared = Markup::new();
    match state.shared {
        Some(true) => {
            shared
                .raw("<p class=\"rw-bevestiging\">Link gekopieerd. Plak hem in een bericht aan uw collega: hij opent dezelfde route.</p>");
        }
        Some(false) => {
            let id = format!("{uid}-link");
            let link =
                if url_state { web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default() } else { share_url.clone() };
            shared
                .raw("<p class=\"rw-bevestiging\"><label")
                .attr("for", &id)
                .raw(">Kopiëren lukte niet automatisch. Kopieer deze link:</label>");
            shared.raw("<input").attr("id", &id).raw(" class=\"rw-linkveld\" readonly").attr("value", &link).raw("></p>");
        }
        None => {}
    }
    let mut printhead = Markup::new();
    if let (true, Some(g)) = (state.whole, state.current()) {
        let today = crate::engine::dates::parse_date("vandaag", &setup.today).map(crate::engine::dates::format_nl).unwrap_or_default();
        printhead.raw("<p class=\"rw-alleen-print rw-printkop\">Stroomschema ").text(&g.region).raw(" — ").text(&g.title);
        printhead.raw(" (").text(&g.document_date).raw("). Afgedrukt op ").text(&today).raw(".</p>");
    }
    let onclick = {
        let state = state.clone();
        move |e: MouseEvent| {
            if browser::action_of(&e).as_deref() == Some("app:kies") {
                state.dispatch(Action::ChangeGuideline)
            }
        }
    };

    // Classes as literals only (two branches where one changes): a computed class goes through
    // Yew's `Classes` (an index set), which then weighs on the wasm.
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
            <header class="rw-kop">
                { raw(head) }
                if title.is_some() {
                    <div class="rw-kopknoppen rw-geen-print">
                        <button type="button" class="rw-knop rw-klein rw-toon-schema" aria-expanded={state.schema_open.to_string()} onclick={click(Action::ToggleSchema)}>
                            { if state.schema_open { "Verberg stroomschema" } else { "Toon stroomschema" } }
                        </button>
                        <button type="button" class="rw-knop rw-klein" aria-pressed={state.whole.to_string()} onclick={click(Action::ToggleWhole)}>
                            { if state.whole { "Terug naar de vragen" } else { "Hele stroomschema" } }
                        </button>
                        <button type="button" class="rw-knop rw-klein" onclick={share}>{ "Deel deze route" }</button>
                    </div>
                }
            </header>
            { raw(notices) }
            <div class="rw-gedeeld" role="status">{ raw(shared) }</div>
            if state.whole {
                <section class="rw-heel" aria-label="Hele stroomschema">
                    { raw(printhead) }
                    <div class="rw-knoppen rw-geen-print">
                        <button type="button" class="rw-knop" onclick={let p = print.clone(); move |_| p.emit(())}>{ "Afdrukken (liggend)" }</button>
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
                                { answer_list::view(&AnswerListProps { steps, onedit: send(Action::Edit), uid: uid.clone() }) }
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
