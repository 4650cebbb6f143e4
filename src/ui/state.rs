//! The widget's state and its reducer. Free of Yew and browser types (only the `Reducible` impl at the
//! bottom, behind the `ui` feature), so the logic is tested natively in `tests/ui_state.rs`.
//!
//! The walk is also a share link: [`State::fragment`] is what the address bar shows, and
//! [`Action::Restore`] reads one back (the browser's Back and Forward, a reload, a pasted link). Each
//! action says whether it is a step ([`Nav::Push`]: a new history entry), a correction
//! ([`Nav::Replace`]) or neither; the widget applies that to the browser's history.

use crate::engine::fragment::{self, Parsed};
use crate::engine::layout::Layout;
use crate::engine::model::{DateField, Guideline, Question};
use crate::engine::schema::{marks, Marks};
use crate::engine::{advise, Advice, AnswerError, Answers, Dates, Forked, Session, Step, UNKNOWN};
use crate::guidelines::{Registry, Status};
use std::rc::Rc;

/// Everything the user (or the browser) can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Choose a guideline in the picker.
    PickGuideline(String),
    /// Back to the picker (answers are discarded).
    ChangeGuideline,
    /// A guideline's data arrived (or could not be fetched: the Dutch reason).
    Loaded(String, Result<Vec<u8>, String>),
    /// Open the walk a share link describes (the fragment, with or without `#`).
    Restore(String),
    /// A radio button was selected (not yet confirmed); `?` is "Weet ik niet".
    Select(String),
    /// "Volgende": confirm the selected option for the shown question.
    Next,
    /// "Terug": show the previous question with its answer selected.
    Back,
    /// "Opnieuw beginnen": same guideline, no answers.
    Restart,
    /// "Wijzig" (answer list or schema): show that question again to change its answer.
    Edit(String),
    /// Leave the question being changed without changing it.
    CancelEdit,
    /// Answer a question directly (an alternative of a "Weet ik niet" walk: "Dit is het").
    Decide(String, String),
    /// A date field typed (`JJJJ-MM-DD`, a moment `JJJJ-MM-DDTUU:MM`, or empty).
    SetDate(DateField, String),
    /// Show or hide the schema beside the step (phones: "Toon stroomschema").
    ToggleSchema,
    /// Show or hide the whole stroomschema, large (for a projector).
    ToggleWhole,
    /// Show or hide the schema's text version.
    ToggleText,
    /// The share link was copied (`true`) or must be copied by hand (`false`).
    Shared(bool),
    /// The frame of this step (`nav_seq`) is painted: show the rest of it (see [`State::rest`]).
    Rest(u32),
}

/// What an action does to the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Nav {
    /// Nothing changes in the address bar.
    #[default]
    None,
    /// A new step: a new history entry.
    Push,
    /// The same step, corrected (a date typed, a link cleaned up).
    Replace,
}

/// How the widget is embedded: the options of the page, fixed for its lifetime.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embedding {
    /// The walk lives in the URL fragment (off when the host page owns its fragment).
    pub url_state: bool,
    /// The guidelines offered (ids); empty: all. With one, the picker is skipped.
    pub offer: Vec<String>,
    /// Answers the page gives up front (`gemeente`, `rol`), used where a guideline has that
    /// question and option.
    pub preset: Answers,
    /// The gemeente's own labels per guideline (from its configuration file, already checked).
    pub labels: crate::engine::map::Map<String, crate::engine::map::Map<String, String>>,
}

/// The widget state: which guideline, the engine session, the question on screen, the dates, and
/// what the history, the schema and the share button show.
#[derive(Clone)]
pub struct State {
    pub registry: Rc<Registry>,
    pub embedding: Rc<Embedding>,
    pub guideline: Option<String>,
    pub session: Session,
    /// A question whose earlier answer is being changed (shown instead of the walk's position).
    pub editing: Option<String>,
    /// The selected option for the question on screen.
    pub selected: Option<String>,
    /// The date fields as typed; kept when the guideline or the answers change.
    pub dates: Dates,
    /// A Dutch message for the user (bad input, a damaged link); cleared by the next action.
    pub message: Option<String>,
    /// A guideline whose data is being fetched.
    pub loading: Option<String>,
    /// A share link waiting for its guideline's data.
    pub pending: Option<Parsed>,
    /// Why the open guideline's data could not be fetched (offline, not found): shown instead of it.
    pub failed: Option<String>,
    /// Counts the actions that change the address bar; `nav` says how the last one does.
    pub nav_seq: u32,
    pub nav: Nav,
    /// The step (`nav_seq`) that is shown whole. A step paints what it shows first and the rest a
    /// frame later ([`Action::Rest`]): the stroomschema's new marks (a quarter of a step to a
    /// question) and, for an outcome, all but its top (title, contact, kenmerken; the rest takes
    /// about as long again). A change in place (a date typed) keeps it whole.
    pub rest: u32,
    /// The schema panel is open (phones; on wide screens it always shows).
    pub schema_open: bool,
    /// The whole stroomschema fills the widget.
    pub whole: bool,
    /// The schema's text version is shown.
    pub text_version: bool,
    /// After "Deel deze route": copied, or to be copied by hand.
    pub shared: Option<bool>,
}

/// The question on screen, the "Weet ik niet" assumptions of its route, and whether the limit stopped there.
type OnScreen<'a> = (&'a Question, Vec<(String, String)>, bool);

/// What the main area shows. One view exists at a time and is built per render, so the size of the
/// larger variants costs nothing worth a box (and boxing would cost wasm bytes).
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum View<'a> {
    Picker,
    /// The guideline's data is on its way.
    Loading(String),
    /// A question; `assumed` names the "Weet ik niet" answers whose route this question is on.
    Question {
        question: &'a Question,
        assumed: Vec<(String, String)>,
        limit: bool,
    },
    /// One outcome.
    Outcome(Advice),
    /// Several outcomes, one per alternative of a "Weet ik niet" walk.
    Alternatives(Vec<(Vec<(String, String)>, Advice)>),
    /// The guideline or the answers cannot be used; the message says why.
    Problem(String),
}

impl State {
    pub fn new(registry: Rc<Registry>, embedding: Rc<Embedding>) -> Self {
        let mut s = State {
            registry,
            embedding,
            guideline: None,
            session: Session::new(),
            editing: None,
            selected: None,
            dates: Dates::default(),
            message: None,
            loading: None,
            failed: None,
            pending: None,
            nav_seq: 0,
            nav: Nav::None,
            rest: 0,
            schema_open: false,
            whole: false,
            text_version: false,
            shared: None,
        };
        if let [only] = s.embedding.offer.as_slice() {
            let only = only.clone();
            s.open(&only);
        }
        s
    }

    /// The guidelines the picker offers.
    pub fn offered(&self) -> Vec<crate::guidelines::Entry> {
        let offer = &self.embedding.offer;
        self.registry.list().into_iter().filter(|e| offer.is_empty() || offer.contains(&e.id)).collect()
    }

    /// The chosen guideline, when it is usable and loaded.
    pub fn current(&self) -> Option<&Guideline> {
        self.current_in(&self.registry)
    }

    /// The chosen guideline in `registry`: a clone of the state's shared registry lets a step borrow
    /// the guideline (not copy it) while the session changes.
    fn current_in<'r>(&self, registry: &'r Registry) -> Option<&'r Guideline> {
        self.guideline.as_deref().and_then(|id| registry.get(id).ok())
    }

    /// The laid-out schema of the chosen guideline.
    pub fn layout(&self) -> Option<&Layout> {
        self.guideline.as_deref().and_then(|id| self.registry.layout(id))
    }

    /// Every alternative of the current walk.
    pub fn forked(&self) -> Option<Forked> {
        self.current().and_then(|g| self.session.forked(g).ok())
    }

    /// The schema marks for the current walk.
    pub fn marks(&self) -> Option<Marks> {
        Some(marks(self.current()?, &self.forked()?))
    }

    /// The step is shown whole: its frame is painted and its rest drawn (see [`State::rest`]).
    pub fn whole_step(&self) -> bool {
        self.rest == self.nav_seq
    }

    /// The answers given, in path order, for the answer list: across every alternative of a
    /// "Weet ik niet" walk, with "Weet ik niet" where that was the answer.
    pub fn answered(&self) -> Vec<Step> {
        let Some(f) = self.forked() else { return Vec::new() };
        let answers = self.session.answers();
        let mut out: Vec<Step> = Vec::new();
        for s in f.alternatives.iter().flat_map(|a| &a.walk.steps) {
            if out.iter().any(|o| o.question == s.question) {
                continue;
            }
            let mut s = s.clone();
            if answers.get(&s.question).is_some_and(|v| v == UNKNOWN) {
                s.answer = UNKNOWN.into();
                s.answer_label = "Weet ik niet".into();
                s.rule = None;
            }
            out.push(s);
        }
        out
    }

    /// The share link fragment of the current walk (without `#`); empty at the picker.
    pub fn fragment(&self) -> String {
        match self.current() {
            Some(g) => fragment::encode(g, self.session.answers(), &self.dates),
            None => self.guideline.clone().unwrap_or_default(),
        }
    }

    /// The question on screen, if any, with the assumptions of its route and whether the
    /// "Weet ik niet" limit stopped there.
    fn question(&self) -> Option<OnScreen<'_>> {
        let g = self.current()?;
        if let Some(q) = &self.editing {
            return g.question(q).map(|q| (q, Vec::new(), false));
        }
        let f = self.session.forked(g).ok()?;
        let (alt, q) = f.open(self.session.answers())?;
        let limit = self.session.answers().get(q).is_some_and(|v| v == UNKNOWN);
        Some((g.question(q)?, alt.assumed.clone(), limit))
    }

    /// The advice for the current answers and dates (a single route).
    pub fn advice(&self) -> Option<Result<Advice, AnswerError>> {
        let g = self.current()?;
        Some(self.advise(g, self.session.answers()))
    }

    fn advise(&self, g: &Guideline, answers: &Answers) -> Result<Advice, AnswerError> {
        advise(g, answers, &self.dates).or_else(|e| match e {
            // A half-typed date must not hide the outcome: show it undated with the message.
            AnswerError::BadDate { .. } => {
                let reference = self.dates.reference.clone().filter(|r| crate::engine::dates::parse_date("peildatum", r).is_ok());
                advise(g, answers, &Dates { reference, ..Dates::default() }).map(|mut a| {
                    if let Some(s) = a.schedule.as_mut() {
                        s.messages.insert(0, e.to_string());
                    }
                    a
                })
            }
            other => Err(other),
        })
    }

    /// What to render.
    pub fn view(&self) -> View<'_> {
        let Some(id) = &self.guideline else { return View::Picker };
        if self.loading.as_deref() == Some(id.as_str()) {
            return View::Loading(self.registry.entry(id).map(|e| e.region.clone()).unwrap_or_default());
        }
        let g = match self.registry.get(id) {
            Ok(g) => g,
            Err(e) => return View::Problem(self.failed.clone().unwrap_or_else(|| e.to_string())),
        };
        if let Some((q, assumed, limit)) = self.question() {
            return View::Question { question: q, assumed, limit };
        }
        let f = match self.session.forked(g) {
            Ok(f) => f,
            Err(e) => return View::Problem(e.to_string()),
        };
        let mut all = Vec::new();
        for alt in &f.alternatives {
            let mut answers = self.session.answers().clone();
            answers.extend(alt.assumed.iter().cloned());
            match self.advise(g, &answers) {
                Ok(a) => all.push((alt.assumed.clone(), a)),
                Err(e) => return View::Problem(e.to_string()),
            }
        }
        match all.len() {
            0 => View::Picker,
            1 => View::Outcome(all.remove(0).1),
            _ => View::Alternatives(all),
        }
    }

    /// The reducer: a new state for an action. Never panics; bad input becomes `message`.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        if let Action::Rest(seq) = action {
            // Not an action of the user's: the message and the share status stay.
            s.rest = seq;
            return s;
        }
        s.message = None;
        s.shared = None;
        let mut nav = Nav::None;
        match action {
            Action::PickGuideline(id) => {
                s.reset();
                s.open(&id);
                nav = Nav::Push;
            }
            Action::ChangeGuideline => {
                s.reset();
                s.guideline = None;
                nav = Nav::Push;
            }
            Action::Loaded(id, bytes) => {
                if s.loading.as_deref() == Some(id.as_str()) {
                    s.loading = None;
                }
                let mut reg = (*s.registry).clone();
                let labels = s.embedding.labels.get(&id);
                let result = bytes.and_then(|b| {
                    match reg.insert_with(&id, &b, |g| labels.into_iter().for_each(|l| crate::config::apply_labels(l, g))) {
                        Ok(()) => Ok(()),
                        Err(e) => Err(String::from(e)),
                    }
                });
                s.registry = Rc::new(reg);
                match result {
                    Ok(()) => {
                        if s.guideline.as_deref() == Some(id.as_str()) {
                            if let Some(p) = s.pending.take() {
                                nav = s.restore(&p);
                            } else {
                                s.preset();
                            }
                        }
                    }
                    Err(e) => {
                        if s.guideline.as_deref() == Some(id.as_str()) {
                            s.pending = None;
                            s.failed = Some(format!("De richtlijn kon niet worden geladen: {e}."));
                        }
                    }
                }
            }
            Action::Restore(frag) => nav = s.restore_link(&frag),
            Action::Select(o) => s.selected = Some(o),
            Action::Next => nav = s.next(),
            Action::Back => {
                if s.editing.take().is_none() {
                    if let Some(g) = self.current() {
                        s.selected = s.session.back(g).map(|(_, o)| o);
                        nav = Nav::Push;
                    }
                } else {
                    s.selected = None;
                }
            }
            Action::Restart => {
                s.session = Session::new();
                s.editing = None;
                s.selected = None;
                s.preset();
                nav = Nav::Push;
            }
            Action::Edit(q) => {
                s.selected = s.session.answers().get(&q).cloned();
                s.editing = Some(q);
                s.whole = false;
            }
            Action::CancelEdit => {
                s.editing = None;
                s.selected = None;
            }
            Action::Decide(q, o) => {
                s.editing = None;
                s.selected = Some(o);
                s.editing = Some(q);
                nav = s.next();
            }
            Action::SetDate(f, v) => {
                s.dates.set(f, v);
                nav = Nav::Replace;
            }
            Action::ToggleSchema => s.schema_open = !s.schema_open,
            Action::ToggleWhole => s.whole = !s.whole,
            Action::ToggleText => s.text_version = !s.text_version,
            Action::Shared(copied) => s.shared = Some(copied),
            Action::Rest(_) => {}
        }
        if nav != Nav::None {
            let whole = s.whole_step();
            s.nav = nav;
            s.nav_seq = s.nav_seq.wrapping_add(1);
            if whole && nav == Nav::Replace {
                s.rest = s.nav_seq;
            }
        }
        s
    }

    /// Back to no answers and no dates for a new guideline (the schema toggles stay).
    fn reset(&mut self) {
        self.session = Session::new();
        self.editing = None;
        self.selected = None;
        self.pending = None;
        self.loading = None;
        self.dates = Dates { reference: self.dates.reference.clone(), ..Dates::default() };
    }

    /// Chooses guideline `id`: asks for its data when needed, applies the page's preset answers.
    fn open(&mut self, id: &str) {
        self.failed = None;
        match self.registry.entry(id) {
            None => {
                self.guideline = None;
                self.message = Some(format!("Onbekende richtlijn '{id}'. Kies hieronder een richtlijn."));
            }
            Some(e) if e.status == Status::Defect => self.guideline = Some(id.to_string()),
            Some(_) => {
                self.guideline = Some(id.to_string());
                if self.registry.needs_data(id) {
                    self.loading = Some(id.to_string());
                } else {
                    self.preset();
                }
            }
        }
    }

    /// The page's preset answers (`gemeente`, `rol`) where this guideline asks that question with
    /// that option, and nothing else has been answered.
    fn preset(&mut self) {
        // The guideline shared, not copied: `session.answer` needs it while `self` is changed.
        let Some(b) = self.current().and(self.guideline.as_deref()).and_then(|id| self.registry.bundle_rc(id)) else { return };
        let g = &b.guideline;
        for (q, o) in &self.embedding.preset {
            let fits = g.question(q).is_some_and(|qq| qq.options.iter().any(|c| &c.id == o));
            if fits && !self.session.answers().contains_key(q) {
                let _ = self.session.answer(g, q, o);
            }
        }
    }

    /// Opens a share link: switches guideline when needed (waiting for its data), then restores.
    fn restore_link(&mut self, frag: &str) -> Nav {
        let Some(p) = fragment::parse(frag) else {
            // An empty fragment: the picker (or the only offered guideline).
            if self.guideline.is_some() && self.embedding.offer.len() != 1 {
                self.reset();
                self.guideline = None;
            }
            return Nav::None;
        };
        let offered = self.embedding.offer.is_empty() || self.embedding.offer.contains(&p.guideline);
        if self.registry.entry(&p.guideline).is_none() || !offered {
            self.reset();
            self.guideline = None;
            self.message = Some(format!("Deze link noemt een onbekende richtlijn ('{}'). Kies hieronder een richtlijn.", p.guideline));
            return Nav::Replace;
        }
        if self.guideline.as_deref() != Some(p.guideline.as_str()) {
            self.reset();
            self.open(&p.guideline);
        }
        if self.registry.needs_data(&p.guideline) {
            self.pending = Some(p);
            return Nav::None;
        }
        self.restore(&p)
    }

    /// Applies a parsed link to the loaded guideline; a damaged link gives a message and the
    /// address bar is corrected.
    fn restore(&mut self, p: &Parsed) -> Nav {
        let registry = self.registry.clone();
        let Some(g) = self.current_in(&registry) else { return Nav::None };
        let r = fragment::restore(g, p);
        // Back to an earlier step: the answer given there stays selected.
        let before = self.session.answers().clone();
        self.session = Session::from_answers(g, r.answers.clone()).unwrap_or_default();
        self.preset();
        self.editing = None;
        self.selected = self.question().and_then(|(q, _, _)| before.get(&q.id).cloned());
        let reference = self.dates.reference.clone();
        self.dates = Dates { reference, ..r.dates.clone() };
        match fragment::message(&r) {
            Some(m) => {
                self.message = Some(m);
                Nav::Replace
            }
            None => Nav::None,
        }
    }

    fn next(&mut self) -> Nav {
        let Some(q) = self.question().map(|(q, ..)| q.id.clone()) else { return Nav::None };
        let Some(o) = self.selected.clone() else {
            self.message = Some("Kies eerst een antwoord.".into());
            return Nav::None;
        };
        let registry = self.registry.clone();
        let Some(g) = self.current_in(&registry) else { return Nav::None };
        match self.session.answer(g, &q, &o) {
            Ok(()) => {
                self.editing = None;
                self.selected = None;
                Nav::Push
            }
            Err(e) => {
                self.message = Some(e.to_string());
                Nav::None
            }
        }
    }
}

#[cfg(feature = "ui")]
impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
