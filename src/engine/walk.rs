//! Walking the stroomschema: answers in, position and structured trace out.
//!
//! The walk is a pure function of the guideline and the answers, so the same answers always give the
//! same outcome and trace (what a share link or a training case needs). [`Session`] keeps the answers
//! of one user and drops the ones that no longer apply when an earlier answer changes.

use crate::engine::error::AnswerError;
use crate::engine::model::{Guideline, Interpretation, Source};
use serde::Serialize;
use std::collections::BTreeMap;

/// Question id → option id.
pub type Answers = BTreeMap<String, String>;

/// One answered question on the path: the raw material of "Waarom?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub question: String,
    pub question_text: String,
    pub answer: String,
    pub answer_label: String,
    /// The named rule that decided where this answer led, if the answer went through a branch list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Index of that branch in the option's `branches`.
    #[serde(skip)]
    pub branch: Option<usize>,
    /// The branch's source where it has one, else the question's.
    pub source: Source,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interpretations: Vec<Interpretation>,
}

/// Where a walk stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Position {
    /// This question has no answer yet.
    Question(String),
    /// The walk reached this outcome.
    Outcome(String),
}

/// The result of walking a set of answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Walk {
    pub steps: Vec<Step>,
    pub position: Position,
    /// Answers given for questions that are not on the path (they do not apply).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
}

/// Walks `answers` from the guideline's start question.
///
/// Answers for questions off the path are listed in [`Walk::ignored`]. An answer naming an option the
/// question does not have is an error listing the valid options. The guideline is assumed validated;
/// a malformed graph still ends (the walk stops after as many steps as there are questions).
pub fn walk(g: &Guideline, answers: &Answers) -> Result<Walk, AnswerError> {
    for q in answers.keys() {
        if g.question(q).is_none() {
            return Err(AnswerError::UnknownQuestion {
                guideline: g.id.clone(),
                question: q.clone(),
                valid: g.questions.iter().map(|q| q.id.clone()).collect(),
            });
        }
    }
    let mut steps: Vec<Step> = Vec::new();
    let mut at = g.start.clone();
    for _ in 0..=g.questions.len() {
        if g.outcome(&at).is_some() {
            return Ok(finish(steps, Position::Outcome(at), answers));
        }
        let Some(q) = g.question(&at) else {
            // A validated guideline has no unknown targets; treat it as a question left open.
            return Ok(finish(steps, Position::Question(at), answers));
        };
        let Some(chosen) = answers.get(&q.id) else {
            return Ok(finish(steps, Position::Question(at), answers));
        };
        let Some(choice) = q.options.iter().find(|c| &c.id == chosen) else {
            return Err(AnswerError::UnknownOption {
                question: q.id.clone(),
                option: chosen.clone(),
                valid: q.options.iter().map(|c| c.id.clone()).collect(),
            });
        };
        let mut step = Step {
            question: q.id.clone(),
            question_text: q.text.clone(),
            answer: choice.id.clone(),
            answer_label: choice.label.clone(),
            rule: None,
            branch: None,
            source: q.source.clone(),
            interpretations: q.interpretation.iter().cloned().collect(),
        };
        let next = match &choice.goto {
            Some(t) => t.clone(),
            None => {
                let Some((i, b)) = choice.branches.iter().enumerate().find(|(_, b)| matches(&b.when, &steps)) else {
                    return Ok(finish(steps, Position::Question(at), answers));
                };
                step.rule = Some(b.rule.clone());
                step.branch = Some(i);
                if let Some(s) = &b.source {
                    step.source = s.clone();
                }
                step.interpretations.extend(b.interpretation.iter().cloned());
                b.goto.clone()
            }
        };
        steps.push(step);
        at = next;
    }
    Ok(finish(steps, Position::Question(at), answers))
}

/// Conditions look only at answers on the path so far: an answer left over from another route (a
/// stale share link, an extra CLI argument) never steers the walk.
fn matches(when: &BTreeMap<String, Vec<String>>, path: &[Step]) -> bool {
    when.iter().all(|(q, opts)| path.iter().any(|s| &s.question == q && opts.contains(&s.answer)))
}

fn finish(steps: Vec<Step>, position: Position, answers: &Answers) -> Walk {
    let ignored = answers
        .keys()
        .filter(|q| !steps.iter().any(|s| &s.question == *q))
        .cloned()
        .collect();
    Walk { steps, position, ignored }
}

/// The answers of one user walking one guideline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Session {
    answers: Answers,
}

impl Session {
    /// An empty session: the walk stands at the start question.
    pub fn new() -> Self {
        Self::default()
    }

    /// A session from stored answers (a share link, a test case); answers off the path are dropped.
    pub fn from_answers(g: &Guideline, answers: Answers) -> Result<Self, AnswerError> {
        let mut s = Session { answers };
        s.prune(g)?;
        Ok(s)
    }

    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The current walk.
    pub fn walk(&self, g: &Guideline) -> Result<Walk, AnswerError> {
        walk(g, &self.answers)
    }

    /// Answers (or changes the answer to) `question`. Later answers that still apply are kept, the
    /// others dropped, and the walk recomputed.
    pub fn answer(&mut self, g: &Guideline, question: &str, option: &str) -> Result<Walk, AnswerError> {
        let Some(q) = g.question(question) else {
            return Err(AnswerError::UnknownQuestion {
                guideline: g.id.clone(),
                question: question.to_string(),
                valid: g.questions.iter().map(|q| q.id.clone()).collect(),
            });
        };
        if !q.options.iter().any(|c| c.id == option) {
            return Err(AnswerError::UnknownOption {
                question: question.to_string(),
                option: option.to_string(),
                valid: q.options.iter().map(|c| c.id.clone()).collect(),
            });
        }
        let before = self.answers.clone();
        self.answers.insert(question.to_string(), option.to_string());
        match self.prune(g) {
            Ok(w) => Ok(w),
            Err(e) => {
                self.answers = before;
                Err(e)
            }
        }
    }

    /// Takes back the last answer on the path and returns it (question id, option id), so the UI can
    /// show that question again with the answer preselected. `None` at the start.
    pub fn back(&mut self, g: &Guideline) -> Option<(String, String)> {
        let w = self.walk(g).ok()?;
        let last = w.steps.last()?;
        let taken = self.answers.remove(&last.question)?;
        Some((last.question.clone(), taken))
    }

    fn prune(&mut self, g: &Guideline) -> Result<Walk, AnswerError> {
        let w = walk(g, &self.answers)?;
        self.answers.retain(|q, _| w.steps.iter().any(|s| &s.question == q));
        Ok(Walk { ignored: Vec::new(), ..w })
    }
}

/// Most complete paths [`paths`] enumerates before it gives up.
pub const MAX_PATHS: usize = 100_000;

/// Every complete set of answers and the outcome it reaches, found by trying every option at every
/// open question, in a fixed order. `Err(limit)` when there are more than [`MAX_PATHS`].
pub fn paths(g: &Guideline) -> Result<Vec<(Answers, String)>, usize> {
    let mut done = Vec::new();
    let mut todo = vec![Answers::new()];
    while let Some(a) = todo.pop() {
        let Ok(w) = walk(g, &a) else { continue };
        match w.position {
            Position::Outcome(o) => done.push((a, o)),
            Position::Question(q) => {
                let Some(q) = g.question(&q) else { continue };
                for c in q.options.iter().rev() {
                    let mut next = a.clone();
                    next.insert(q.id.clone(), c.id.clone());
                    todo.push(next);
                }
            }
        }
        if done.len() + todo.len() > MAX_PATHS {
            return Err(MAX_PATHS);
        }
    }
    Ok(done)
}
