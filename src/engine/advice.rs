//! The advice: the walk's position, the outcome, the trace and the dated schedule in one serializable
//! value. The CLI prints it as JSON, the JS API returns it as a plain object, the UI renders it.

use crate::engine::dates::{parse_date, schedule, Schedule};
use crate::engine::error::AnswerError;
use crate::engine::model::{Guideline, Interpretation, Outcome, Question};
use crate::engine::walk::{walk, Answers, Position, Step};
use serde::Serialize;

/// The dates a user gives, as typed (`JJJJ-MM-DD`); empty strings count as missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    pub start: Option<String>,
    pub end: Option<String>,
}

/// Metadata shown with every advice, so a printed or copied advice says where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuidelineRef {
    pub id: String,
    pub region: String,
    pub title: String,
    pub seed: String,
    pub document_date: String,
}

impl GuidelineRef {
    pub fn of(g: &Guideline) -> Self {
        GuidelineRef {
            id: g.id.clone(),
            region: g.region.clone(),
            title: g.title.clone(),
            seed: g.seed.clone(),
            document_date: g.document_date.clone(),
        }
    }
}

/// An interpretation together with the id of the node or step that carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marked {
    pub at: String,
    #[serde(flatten)]
    pub interpretation: Interpretation,
}

/// Everything the product says about one set of answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    pub guideline: GuidelineRef,
    /// The answered questions in order, with the rule and source of each step.
    pub trace: Vec<Step>,
    /// The next question when the walk has not reached an outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Dated evaluation plan when the outcome has a cadence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Every unclear passage on the path and in the outcome.
    pub interpretations: Vec<Marked>,
    /// Answers given for questions not on the path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
}

/// Walks `answers`, and when an outcome is reached, adds its schedule for `dates`.
pub fn advise(g: &Guideline, answers: &Answers, dates: &Dates) -> Result<Advice, AnswerError> {
    let w = walk(g, answers)?;
    let parse = |field: &str, v: &Option<String>| match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => parse_date(field, s).map(Some),
    };
    let start = parse("startdatum", &dates.start)?;
    let end = parse("einddatum indicatie", &dates.end)?;

    let mut interpretations: Vec<Marked> = w
        .steps
        .iter()
        .flat_map(|s| s.interpretations.iter().map(|i| Marked { at: s.question.clone(), interpretation: i.clone() }))
        .collect();
    let (question, outcome, sched) = match &w.position {
        Position::Question(q) => (g.question(q).cloned(), None, None),
        Position::Outcome(o) => {
            let o = g.outcome(o).cloned();
            let cad = o.as_ref().and_then(|o| o.cadence.as_deref()).and_then(|c| g.cadence(c));
            if let Some(o) = &o {
                interpretations.extend(o.interpretations.iter().map(|i| Marked { at: o.id.clone(), interpretation: i.clone() }));
            }
            if let Some(c) = cad {
                interpretations.extend(c.interpretations.iter().map(|i| Marked { at: format!("cadence:{}", c.id), interpretation: i.clone() }));
            }
            (None, o, cad.map(|c| schedule(c, start, end)))
        }
    };
    Ok(Advice {
        guideline: GuidelineRef::of(g),
        trace: w.steps,
        question,
        outcome,
        schedule: sched,
        interpretations,
        ignored: w.ignored,
    })
}
