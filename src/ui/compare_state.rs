//! The state of "Vergelijk regio's" (the training bundle's second mode) and its reducer. Plain Rust,
//! tested natively in `tests/compare_state.rs`; the logic is in [`crate::compare`], this only keeps
//! the answers in the order given so "Terug" can take the last one back.
//!
//! A separate reducer from the walk's [`crate::ui::state`]: the comparison is its own small app (its
//! own root component, in its own bundle), so the walk's bundle carries none of it.

use crate::compare::{columns, next, table, Column, Next, Row, Shared, Situation};
use crate::engine::{Dates, Guideline};
use crate::guidelines::{Registry, Status};
use std::rc::Rc;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareAction {
    /// A guideline's data arrived (or could not be fetched: the Dutch reason).
    Loaded(String, Result<Vec<u8>, String>),
    /// A radio button was selected.
    Select(String),
    /// "Volgende": confirm the selected answer.
    Next,
    /// "Deze regio overslaan": leave out the guideline whose own question is shown.
    Skip,
    /// "Terug": take the last answer (or skip) back.
    Back,
    /// "Opnieuw beginnen".
    Restart,
    /// The start date for the schedules (`JJJJ-MM-DD` or empty).
    SetStart(String),
}

/// What was given, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Given {
    Shared(String),
    Own(String, String),
    Skipped(String),
}

#[derive(Clone)]
pub struct CompareState {
    pub registry: Rc<Registry>,
    pub shared: Rc<Shared>,
    pub situation: Situation,
    history: Vec<Given>,
    pub selected: Option<String>,
    pub message: Option<String>,
    /// Guidelines whose data could not be fetched, with the reason.
    pub failed: Vec<(String, String)>,
    pub dates: Dates,
}

impl PartialEq for CompareState {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.registry, &o.registry)
            && self.situation == o.situation
            && self.history == o.history
            && self.selected == o.selected
            && self.message == o.message
            && self.failed == o.failed
            && self.dates == o.dates
    }
}

impl CompareState {
    pub fn new(registry: Rc<Registry>, shared: Rc<Shared>) -> Self {
        CompareState {
            registry,
            shared,
            situation: Situation::default(),
            history: Vec::new(),
            selected: None,
            message: None,
            failed: Vec::new(),
            dates: Dates::default(),
        }
    }

    /// The guideline ids whose data still has to be fetched.
    pub fn to_load(&self) -> Vec<String> {
        self.registry
            .list()
            .into_iter()
            .filter(|e| e.status == Status::Beschikbaar && self.registry.needs_data(&e.id) && !self.failed.iter().any(|(f, _)| f == &e.id))
            .map(|e| e.id)
            .collect()
    }

    /// The loaded guidelines, in the registry's (seed) order: the columns.
    pub fn guidelines(&self) -> Vec<&Guideline> {
        self.registry.list().iter().filter_map(|e| self.registry.get(&e.id).ok()).collect()
    }

    /// What to ask next (`Done` while data is still coming counts as not ready: see [`Self::ready`]).
    pub fn next(&self) -> Next {
        next(&self.shared, &self.guidelines(), &self.situation)
    }

    /// Every guideline's data is there (or failed).
    pub fn ready(&self) -> bool {
        self.to_load().is_empty()
    }

    pub fn answered(&self) -> usize {
        self.history.len()
    }

    /// The columns and the table, once every question is answered.
    pub fn result(&self) -> Option<(Vec<Column>, Vec<Row>)> {
        if !self.ready() || self.next() != Next::Done {
            return None;
        }
        let gs = self.guidelines();
        let cols = columns(&self.shared, &gs, &self.situation, &self.dates);
        let rows = table(&self.shared, &gs, &cols);
        Some((cols, rows))
    }

    pub fn apply(&self, action: CompareAction) -> CompareState {
        let mut s = self.clone();
        s.message = None;
        match action {
            CompareAction::Loaded(id, bytes) => {
                let mut reg = (*s.registry).clone();
                if let Err(e) = bytes.and_then(|b| reg.insert(&id, &b).map_err(String::from)) {
                    s.failed.push((id, e));
                }
                s.registry = Rc::new(reg);
            }
            CompareAction::Select(o) => s.selected = Some(o),
            CompareAction::Next => {
                let Some(o) = s.selected.take() else {
                    s.message = Some("Kies eerst een antwoord.".into());
                    return s;
                };
                match s.next() {
                    Next::Shared { question, .. } if question.options.iter().any(|(id, _)| id == &o) => {
                        s.situation.shared.insert(question.id.clone(), o);
                        s.history.push(Given::Shared(question.id));
                    }
                    Next::Own { guideline, question, .. } if question.options.iter().any(|c| c.id == o) => {
                        s.situation.own.entry_or_default(guideline.clone()).insert(question.id.clone(), o);
                        s.history.push(Given::Own(guideline, question.id));
                    }
                    _ => s.message = Some("Dat antwoord hoort niet bij deze vraag. Kies een van de antwoorden.".into()),
                }
            }
            CompareAction::Skip => {
                if let Next::Own { guideline, .. } = s.next() {
                    s.situation.skipped.push(guideline.clone());
                    s.history.push(Given::Skipped(guideline));
                    s.selected = None;
                }
            }
            CompareAction::Back => {
                let previous = match s.history.pop() {
                    Some(Given::Shared(q)) => s.situation.shared.remove(&q),
                    Some(Given::Own(g, q)) => s.situation.own.get_mut(&g).and_then(|a| a.remove(&q)),
                    Some(Given::Skipped(g)) => {
                        s.situation.skipped.retain(|x| x != &g);
                        None
                    }
                    None => None,
                };
                s.selected = previous;
            }
            CompareAction::Restart => {
                s.situation = Situation::default();
                s.history.clear();
                s.selected = None;
            }
            CompareAction::SetStart(d) => {
                let d = d.trim().to_string();
                if !d.is_empty() && crate::engine::dates::parse_date("startdatum", &d).is_err() {
                    s.message = Some(format!("'{d}' is geen datum: gebruik JJJJ-MM-DD, bijvoorbeeld 2026-01-31."));
                    s.dates.start = None;
                } else {
                    s.dates.start = Some(d).filter(|d| !d.is_empty());
                }
            }
        }
        s
    }
}

#[cfg(feature = "ui")]
impl yew::Reducible for CompareState {
    type Action = CompareAction;
    fn reduce(self: Rc<Self>, action: CompareAction) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}
