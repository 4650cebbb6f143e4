//! The widget's state and its reducer. Free of Yew types (only the `Reducible` impl at the bottom,
//! behind the `ui` feature), so the logic is tested natively in `tests/ui_state.rs`.

use crate::engine::model::{DateField, Guideline, Question};
use crate::engine::{advise, Advice, AnswerError, Dates, Position, Session, Step};
use crate::guidelines::Registry;
use std::rc::Rc;

/// Everything the user can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Choose a guideline in the picker.
    PickGuideline(String),
    /// Back to the picker (answers are discarded).
    ChangeGuideline,
    /// A radio button was selected (not yet confirmed).
    Select(String),
    /// "Volgende": confirm the selected option for the shown question.
    Next,
    /// "Terug": show the previous question with its answer selected.
    Back,
    /// "Opnieuw beginnen": same guideline, no answers.
    Restart,
    /// "Wijzig" in the answer list: show that question again to change its answer.
    Edit(String),
    /// Leave the question being changed without changing it.
    CancelEdit,
    /// A date field typed (`JJJJ-MM-DD`, a moment `JJJJ-MM-DDTUU:MM`, or empty).
    SetDate(DateField, String),
}

/// The widget state: which guideline, the engine session, the question on screen, the dates.
#[derive(Clone)]
pub struct State {
    pub registry: Rc<Registry>,
    pub guideline: Option<String>,
    pub session: Session,
    /// A question whose earlier answer is being changed (shown instead of the walk's position).
    pub editing: Option<String>,
    /// The selected option for the question on screen.
    pub selected: Option<String>,
    /// The date fields as typed; kept when the guideline or the answers change.
    pub dates: Dates,
    /// A Dutch message for the user (bad input); cleared by the next successful action.
    pub message: Option<String>,
}

/// What the main area shows.
#[derive(Debug, Clone, PartialEq)]
pub enum View {
    Picker,
    Question(Question),
    Outcome(Advice),
    /// The guideline or the answers cannot be used; the message says why.
    Problem(String),
}

impl State {
    pub fn new(registry: Rc<Registry>) -> Self {
        State {
            registry,
            guideline: None,
            session: Session::new(),
            editing: None,
            selected: None,
            dates: Dates::default(),
            message: None,
        }
    }

    /// The chosen guideline, when it is usable.
    pub fn current(&self) -> Option<&Guideline> {
        self.guideline.as_deref().and_then(|id| self.registry.get(id).ok())
    }

    /// The question on screen, if any.
    pub fn question(&self) -> Option<&Question> {
        let g = self.current()?;
        if let Some(q) = &self.editing {
            return g.question(q);
        }
        match self.session.walk(g).ok()?.position {
            Position::Question(q) => g.question(&q),
            Position::Outcome(_) => None,
        }
    }

    /// The answered steps on the path (for the answer list): the walk only, no schedule or rendering.
    pub fn steps(&self) -> Vec<Step> {
        self.current().and_then(|g| self.session.walk(g).ok()).map(|w| w.steps).unwrap_or_default()
    }

    /// The advice for the current answers and dates (outcome, "Waarom?", dates).
    pub fn advice(&self) -> Option<Result<Advice, AnswerError>> {
        let g = self.current()?;
        Some(advise(g, self.session.answers(), &self.dates).or_else(|e| match e {
            // A half-typed date must not hide the outcome: show it undated with the message.
            AnswerError::BadDate { .. } => advise(g, self.session.answers(), &Dates::default()).map(|mut a| {
                if let Some(s) = a.schedule.as_mut() {
                    s.messages.insert(0, e.to_string());
                }
                a
            }),
            other => Err(other),
        }))
    }

    /// What to render.
    pub fn view(&self) -> View {
        let Some(id) = &self.guideline else { return View::Picker };
        if let Err(e) = self.registry.get(id) {
            return View::Problem(e.to_string());
        }
        if let Some(q) = self.question() {
            return View::Question(q.clone());
        }
        match self.advice() {
            Some(Ok(a)) => View::Outcome(a),
            Some(Err(e)) => View::Problem(e.to_string()),
            None => View::Picker,
        }
    }

    /// The reducer: a new state for an action. Never panics; bad input becomes `message`.
    pub fn apply(&self, action: Action) -> State {
        let mut s = self.clone();
        s.message = None;
        match action {
            Action::PickGuideline(id) => {
                s = State::new(self.registry.clone());
                if let Err(e) = self.registry.get(&id) {
                    s.message = Some(e.to_string());
                } else {
                    s.guideline = Some(id);
                }
            }
            Action::ChangeGuideline => s = State::new(self.registry.clone()),
            Action::Select(o) => s.selected = Some(o),
            Action::Next => s.next(),
            Action::Back => {
                if s.editing.take().is_none() {
                    if let Some(g) = self.current() {
                        s.selected = s.session.back(g).map(|(_, o)| o);
                    }
                } else {
                    s.selected = None;
                }
            }
            Action::Restart => {
                s.session = Session::new();
                s.editing = None;
                s.selected = None;
            }
            Action::Edit(q) => {
                s.selected = s.session.answers().get(&q).cloned();
                s.editing = Some(q);
            }
            Action::CancelEdit => {
                s.editing = None;
                s.selected = None;
            }
            Action::SetDate(f, v) => s.dates.set(f, v),
        }
        s
    }

    fn next(&mut self) {
        let Some(q) = self.question().map(|q| q.id.clone()) else { return };
        let Some(o) = self.selected.clone() else {
            self.message = Some("Kies eerst een antwoord.".into());
            return;
        };
        let registry = self.registry.clone();
        let Some(g) = self.guideline.as_deref().and_then(|id| registry.get(id).ok()) else { return };
        match self.session.answer(g, &q, &o) {
            Ok(_) => {
                self.editing = None;
                self.selected = None;
            }
            Err(e) => self.message = Some(e.to_string()),
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
