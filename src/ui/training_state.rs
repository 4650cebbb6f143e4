//! The state of the training page ("Oefenen", feature `training`) and its reducer: which guideline
//! and case, the trainee's result, the "Waarom?" answer, the presenter view and the session's
//! coverage. Plain Rust, tested natively in `tests/training_state.rs`; the logic is in
//! [`crate::training`]. The view is in the URL fragment ([`TrainingState::fragment`]); the session
//! (results, coverage) is memory only, nothing stored.

use crate::engine::codec::decode;
use crate::engine::map::Map;
use crate::engine::model::TestCase;
use crate::engine::{Answers, Guideline};
use crate::guidelines::Registry;
use crate::training::{verdict, why_question, Coverage, Verdict, WhyQuestion};
use std::rc::Rc;

/// Which part of the training page is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// The cases of a guideline (pick a guideline, then a case).
    #[default]
    Cases,
    /// The case set with the guideline's answers, to print.
    Sheet,
    /// "Vergelijk regio's".
    Compare,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrainingAction {
    Show(Mode),
    PickGuideline(String),
    /// Back to the list of guidelines.
    ChangeGuideline,
    /// A guideline's walk data arrived (or the Dutch reason it did not).
    Loaded(String, Result<Vec<u8>, String>),
    /// A guideline's case file arrived.
    CasesLoaded(String, Result<Vec<u8>, String>),
    PickCase(usize),
    /// Back to the list of cases.
    ToCases,
    /// The trainee's walk reached an outcome with these answers.
    Reached(Answers),
    /// The walk left the outcome again (Terug, an answer changed): the result goes until it is back.
    Left,
    /// Presenter view: show the guideline's answer.
    Reveal,
    /// "Waarom?": an option chosen, then checked.
    ChooseWhy(usize),
    CheckWhy,
    TogglePresenter,
    ResetCoverage,
    /// The address bar's fragment (Back, Forward, a pasted link): see [`TrainingState::fragment`].
    Restore(String),
}

#[derive(Clone)]
pub struct TrainingState {
    pub registry: Rc<Registry>,
    pub mode: Mode,
    pub guideline: Option<String>,
    pub cases: Map<String, Rc<Vec<TestCase>>>,
    /// Why a guideline's data or cases could not be fetched.
    pub failed: Option<String>,
    pub case: Option<usize>,
    /// Counts the cases opened: a new walk each time (the walk's component is keyed by it).
    pub run: u32,
    /// The answers of the trainee's walk once it reached an outcome.
    pub reached: Option<Answers>,
    pub revealed: bool,
    pub why: Option<usize>,
    pub checked: bool,
    pub presenter: bool,
    pub message: Option<String>,
    /// Per guideline: what the group walked this session.
    pub coverage: Map<String, Coverage>,
    /// The last change came from the address bar: the page then corrects it in place (a mangled
    /// link never becomes a history entry that Back would return to).
    pub restored: bool,
}

impl PartialEq for TrainingState {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.registry, &o.registry)
            && self.mode == o.mode
            && self.guideline == o.guideline
            && self.cases.len() == o.cases.len()
            && self.failed == o.failed
            && self.case == o.case
            && self.run == o.run
            && self.reached == o.reached
            && (self.revealed, self.why, self.checked, self.presenter) == (o.revealed, o.why, o.checked, o.presenter)
            && self.message == o.message
            && self.coverage == o.coverage
    }
}

impl TrainingState {
    pub fn new(registry: Rc<Registry>) -> Self {
        TrainingState {
            registry,
            mode: Mode::Cases,
            guideline: None,
            cases: Map::new(),
            failed: None,
            case: None,
            run: 0,
            reached: None,
            revealed: false,
            why: None,
            checked: false,
            presenter: false,
            message: None,
            coverage: Map::new(),
            restored: false,
        }
    }

    /// The open guideline, once its data is there.
    pub fn current(&self) -> Option<&Guideline> {
        self.guideline.as_deref().and_then(|id| self.registry.get(id).ok())
    }

    /// The open guideline's cases, once they are there.
    pub fn case_list(&self) -> Option<Rc<Vec<TestCase>>> {
        self.guideline.as_deref().and_then(|id| self.cases.get(id)).cloned()
    }

    /// What still has to be fetched for the open guideline: (walk data, cases).
    pub fn to_load(&self) -> (Option<String>, Option<String>) {
        match (&self.guideline, &self.failed) {
            (Some(id), None) => (self.registry.needs_data(id).then(|| id.clone()), (!self.cases.contains_key(id)).then(|| id.clone())),
            _ => (None, None),
        }
    }

    pub fn open_case(&self) -> Option<TestCase> {
        self.case.and_then(|i| self.case_list()?.get(i).cloned())
    }

    /// The trainee's result, once the walk reached an outcome.
    pub fn verdict(&self) -> Option<Verdict> {
        let (g, c, a) = (self.current()?, self.open_case()?, self.reached.as_ref()?);
        verdict(g, &c, a).ok()
    }

    pub fn why_question(&self) -> Option<WhyQuestion> {
        why_question(self.current()?, &self.open_case()?)
    }

    /// The answer shows: at once, or in the presenter view once the trainer reveals it.
    pub fn answer_shown(&self) -> bool {
        self.reached.is_some() && (!self.presenter || self.revealed)
    }

    pub fn coverage_of(&self, id: &str) -> Coverage {
        self.coverage.get(id).cloned().unwrap_or_default()
    }

    fn reset_case(&mut self) {
        self.reached = None;
        self.revealed = false;
        self.why = None;
        self.checked = false;
    }

    /// Where the page is, for the address bar, so the browser's Back and Forward move between the
    /// views without losing the session (which stays in memory): `""` (guidelines), `vergelijk`,
    /// `<id>` (its cases), `<id>/antwoorden`, `<id>/casus-<n>`.
    pub fn fragment(&self) -> String {
        match (self.mode, &self.guideline, self.case) {
            (Mode::Compare, ..) => "vergelijk".into(),
            (_, None, _) => String::new(),
            (Mode::Sheet, Some(id), _) => format!("{id}/antwoorden"),
            (Mode::Cases, Some(id), Some(i)) => format!("{id}/casus-{}", i + 1),
            (Mode::Cases, Some(id), None) => id.clone(),
        }
    }

    fn restore(mut self, fragment: &str) -> TrainingState {
        let fragment = fragment.trim().to_ascii_lowercase();
        if fragment == "vergelijk" {
            self.mode = Mode::Compare;
            return self;
        }
        let (id, rest) = fragment.split_once('/').unwrap_or((fragment.as_str(), ""));
        if id.is_empty() {
            return self.apply(TrainingAction::ChangeGuideline).with_mode(Mode::Cases);
        }
        if self.registry.entry(id).is_none() {
            let mut s = self.apply(TrainingAction::ChangeGuideline).with_mode(Mode::Cases);
            s.message = Some(format!("Er is geen richtlijn '{id}'. Kies hieronder een richtlijn."));
            return s;
        }
        let mut s = if self.guideline.as_deref() == Some(id) { self } else { self.apply(TrainingAction::PickGuideline(id.to_string())) };
        s.mode = if rest == "antwoorden" { Mode::Sheet } else { Mode::Cases };
        // A case number is kept even before the cases have arrived (a pasted link); one that does
        // not exist shows the list.
        let case = rest.strip_prefix("casus-").and_then(|n| n.parse::<usize>().ok()).filter(|n| *n >= 1).map(|n| n - 1);
        if s.mode == Mode::Cases && case != s.case {
            s.case = case;
            s.run += 1;
            s.reset_case();
        }
        s
    }

    fn with_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    pub fn apply(&self, action: TrainingAction) -> TrainingState {
        let mut s = self.clone();
        s.message = None;
        s.restored = matches!(action, TrainingAction::Restore(_));
        match action {
            TrainingAction::Show(m) => s.mode = m,
            TrainingAction::PickGuideline(id) => {
                if s.registry.entry(&id).is_some() {
                    s.guideline = Some(id);
                    s.failed = None;
                    s.case = None;
                    s.reset_case();
                    if s.mode == Mode::Compare {
                        s.mode = Mode::Cases;
                    }
                } else {
                    s.message = Some(format!("Er is geen richtlijn '{id}'."));
                }
            }
            TrainingAction::ChangeGuideline => {
                s.guideline = None;
                s.case = None;
                s.failed = None;
                s.reset_case();
                if s.mode == Mode::Sheet {
                    s.mode = Mode::Cases;
                }
            }
            TrainingAction::Loaded(id, bytes) => {
                let mut reg = (*s.registry).clone();
                if let Err(e) = bytes.and_then(|b| reg.insert(&id, &b).map_err(String::from)) {
                    if s.guideline.as_deref() == Some(&id) {
                        s.failed = Some(e);
                    }
                }
                s.registry = Rc::new(reg);
            }
            TrainingAction::CasesLoaded(id, bytes) => {
                match bytes.and_then(|b| decode::<Vec<TestCase>>(&b).map_err(|e| format!("de casussen zijn niet te lezen: {e}"))) {
                    Ok(cases) => {
                        s.cases.insert(id, Rc::new(cases));
                    }
                    Err(e) => {
                        if s.guideline.as_deref() == Some(&id) {
                            s.failed = Some(e);
                        }
                    }
                }
            }
            TrainingAction::PickCase(i) => {
                if s.case_list().is_some_and(|c| i < c.len()) {
                    s.case = Some(i);
                    s.run += 1;
                    s.reset_case();
                    s.mode = Mode::Cases;
                }
            }
            TrainingAction::ToCases => {
                s.case = None;
                s.reset_case();
            }
            TrainingAction::Reached(answers) => {
                if s.reached.as_ref() != Some(&answers) {
                    if let (Some(id), Some(g)) = (s.guideline.clone(), s.current().cloned()) {
                        s.coverage.entry_or_default(id).add(&g, &answers);
                    }
                    s.reset_case();
                    s.reached = Some(answers);
                }
            }
            TrainingAction::Left => s.reset_case(),
            TrainingAction::Reveal => s.revealed = true,
            TrainingAction::ChooseWhy(i) => {
                s.why = Some(i);
                s.checked = false;
            }
            TrainingAction::CheckWhy => {
                if s.why.is_some() {
                    s.checked = true;
                } else {
                    s.message = Some("Kies eerst een antwoord.".into());
                }
            }
            TrainingAction::TogglePresenter => s.presenter = !s.presenter,
            TrainingAction::Restore(fragment) => {
                let mut r = s.restore(&fragment);
                r.restored = true;
                return r;
            }
            TrainingAction::ResetCoverage => {
                if let Some(id) = &s.guideline {
                    s.coverage.remove(id);
                }
            }
        }
        s
    }
}

#[cfg(feature = "ui")]
impl yew::Reducible for TrainingState {
    type Action = TrainingAction;
    fn reduce(self: Rc<Self>, action: TrainingAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
