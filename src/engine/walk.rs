//! Walking the stroomschema: answers in, position and structured trace out.
//!
//! The walk is a pure function of the guideline and the answers, so the same answers always give the
//! same outcome and trace (what a share link or a training case needs). [`Session`] keeps the answers
//! of one user and drops the ones that no longer apply when an earlier answer changes.

use crate::engine::error::AnswerError;
use crate::engine::map::Map;
use crate::engine::model::{Guideline, Interpretation, Source};
use serde::Serialize;

/// Question id → option id.
pub type Answers = Map<String, String>;

/// One answered question on the path: the raw material of "Waarom?".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The question's id.
    pub question: String,
    /// The question as the user read it.
    pub question_text: String,
    /// The chosen option's id.
    pub answer: String,
    /// The chosen option's label.
    pub answer_label: String,
    /// The named rule that decided where this answer led, if the answer went through a branch list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Index of that branch in the option's `branches`.
    #[serde(skip)]
    pub branch: Option<usize>,
    /// The branch's source where it has one, else the question's.
    pub source: Source,
    /// The question's interpretation mark, then the branch's, where the rule file has them.
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
    /// The questions answered on the path, from the start question on.
    pub steps: Vec<Step>,
    /// Where it stops: the first question still to answer, or the outcome reached.
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
///
/// ```rust
/// use regiewijzer::engine::{load, walk, Answers, Position};
///
/// # // The guideline of `load`'s example: one question, "veilig", leading to "wijkteam" or "gi".
/// # let json = r#"{
/// #   "id": "mini", "region": "Voorbeeldregio", "title": "Regie bij veiligheid", "seed": "mini.txt",
/// #   "document_date": "2026", "scope": "jeugdhulp", "valid_from": "2026-01-01", "start": "veilig",
/// #   "questions": [{
/// #     "id": "veilig", "short": "Veilig?", "text": "Is het kind veilig?",
/// #     "source": { "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." },
/// #     "options": [
/// #       { "id": "ja", "short": "ja", "label": "Ja", "goto": "wijkteam" },
/// #       { "id": "nee", "short": "nee", "label": "Nee", "goto": "gi" }
/// #     ]
/// #   }],
/// #   "outcomes": [
/// #     { "id": "wijkteam", "short": "Regie wijkteam", "title": "Regie bij het wijkteam", "regie": "lokaal",
/// #       "owner": "lokaal (wijk)team", "actions": ["Stel met het gezin een plan op."],
/// #       "sources": [{ "heading": "2 Regie", "quote": "Anders voert het wijkteam de regie." }] },
/// #     { "id": "gi", "short": "Regie GI", "title": "Regie bij de GI", "regie": "GI",
/// #       "owner": "gecertificeerde instelling", "actions": ["Meld het gezin bij de GI."],
/// #       "sources": [{ "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." }] }
/// #   ],
/// #   "tests": [{
/// #     "name": "onveilig", "situation": "Een gezin waar het kind niet veilig is.",
/// #     "answers": { "veilig": "nee" }, "expect": { "outcome": "gi", "because": "2 Regie" }
/// #   }]
/// # }"#;
/// let g = load("mini", json).unwrap();
/// let mut answers = Answers::new();
/// assert_eq!(walk(&g, &answers).unwrap().position, Position::Question("veilig".into()));
///
/// answers.insert("veilig".into(), "nee".into());
/// let w = walk(&g, &answers).unwrap();
/// assert_eq!(w.position, Position::Outcome("gi".into()));
/// assert_eq!((w.steps[0].answer_label.as_str(), w.steps[0].source.heading.as_str()), ("Nee", "2 Regie"));
///
/// answers.insert("veilig".into(), "misschien".into());
/// assert!(walk(&g, &answers).is_err(), "an option the question does not have");
/// ```
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
fn matches(when: &Map<String, Vec<String>>, path: &[Step]) -> bool {
    when.iter().all(|(q, opts)| path.iter().any(|s| &s.question == q && opts.contains(&s.answer)))
}

fn finish(steps: Vec<Step>, position: Position, answers: &Answers) -> Walk {
    let ignored = answers.keys().filter(|q| !steps.iter().any(|s| &s.question == *q)).cloned().collect();
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

    /// The answers kept: those on the path, "Weet ik niet" ([`UNKNOWN`]) included.
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The current walk (answers "Weet ik niet" count as not given; see [`Session::forked`]).
    pub fn walk(&self, g: &Guideline) -> Result<Walk, AnswerError> {
        let mut known = self.answers.clone();
        known.retain(|_, v| v != UNKNOWN);
        walk(g, &known)
    }

    /// Every alternative of the current walk ("Weet ik niet" followed both ways).
    pub fn forked(&self, g: &Guideline) -> Result<Forked, AnswerError> {
        walk_forked(g, &self.answers)
    }

    /// Answers (or changes the answer to) `question`; `option` may be [`UNKNOWN`] where the question
    /// allows it. Later answers that still apply are kept, the others dropped.
    pub fn answer(&mut self, g: &Guideline, question: &str, option: &str) -> Result<(), AnswerError> {
        let Some(q) = g.question(question) else {
            return Err(AnswerError::UnknownQuestion {
                guideline: g.id.clone(),
                question: question.to_string(),
                valid: g.questions.iter().map(|q| q.id.clone()).collect(),
            });
        };
        let allowed = q.options.iter().any(|c| c.id == option) || (option == UNKNOWN && q.unknown.is_some());
        if !allowed {
            return Err(AnswerError::UnknownOption {
                question: question.to_string(),
                option: option.to_string(),
                valid: q.options.iter().map(|c| c.id.clone()).collect(),
            });
        }
        let before = self.answers.clone();
        self.answers.insert(question.to_string(), option.to_string());
        self.prune(g).inspect_err(|_| self.answers = before)
    }

    /// Takes back the last answer on the route being asked (or shown) and returns it (question id,
    /// option id or [`UNKNOWN`]), so the UI can show that question again with the answer selected.
    /// `None` at the start.
    pub fn back(&mut self, g: &Guideline) -> Option<(String, String)> {
        let f = self.forked(g).ok()?;
        let alt = f.open(&self.answers).map(|(a, _)| a).or(f.alternatives.first())?;
        let last = alt.walk.steps.iter().rev().find(|s| self.answers.contains_key(&s.question))?;
        let taken = self.answers.remove(&last.question)?;
        Some((last.question.clone(), taken))
    }

    fn prune(&mut self, g: &Guideline) -> Result<(), AnswerError> {
        let f = walk_forked(g, &self.answers)?;
        self.answers.retain(|q, _| !f.ignored.contains(q));
        Ok(())
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

/// The answer "Weet ik niet": allowed for questions marked `unknown` in the rule file.
pub const UNKNOWN: &str = "?";
/// At most this many "Weet ik niet" answers on one route; past it the widget asks for an answer.
pub const MAX_UNKNOWNS: usize = 3;
/// At most this many alternatives are followed side by side.
pub const MAX_ALTERNATIVES: usize = 12;

/// One way the walk can go when some answers are unknown: the options assumed for them, in order,
/// and the walk that follows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Alternative {
    /// (question id, option id) for each unknown answer on this route, in path order.
    pub assumed: Vec<(String, String)>,
    /// The walk with those options taken.
    pub walk: Walk,
}

/// Every alternative of a walk with unknown answers (one alternative when there are none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forked {
    /// The routes, in option order of each unknown answer; just one when every answer is known.
    pub alternatives: Vec<Alternative>,
    /// A route met more unknown answers than allowed ([`MAX_UNKNOWNS`], [`MAX_ALTERNATIVES`]); that
    /// alternative stops at the question it could not follow further.
    pub limit_reached: bool,
    /// Answers that are on no alternative's path.
    pub ignored: Vec<String>,
}

impl Forked {
    /// The first question that still needs an answer: the alternative it belongs to and its id.
    /// A question answered "Weet ik niet" counts as open only where the limit stopped the fork.
    pub fn open(&self, answers: &Answers) -> Option<(&Alternative, &str)> {
        self.alternatives.iter().find_map(|a| match &a.walk.position {
            Position::Question(q) if answers.get(q).is_none_or(|v| v != UNKNOWN || self.limit_reached) => Some((a, q.as_str())),
            _ => None,
        })
    }

    /// The outcome ids reached, in alternative order.
    pub fn outcomes(&self) -> Vec<&str> {
        self.alternatives
            .iter()
            .filter_map(|a| match &a.walk.position {
                Position::Outcome(o) => Some(o.as_str()),
                Position::Question(_) => None,
            })
            .collect()
    }

    /// Whether question `q` is answered on some alternative's path.
    pub fn on_path(&self, q: &str) -> bool {
        self.alternatives.iter().any(|a| a.walk.steps.iter().any(|s| s.question == q))
    }
}

/// Walks `answers` where some may be [`UNKNOWN`]: at each question answered "Weet ik niet" (and
/// marked `unknown` in the rule file) the walk follows every option, up to [`MAX_UNKNOWNS`] on one
/// route and [`MAX_ALTERNATIVES`] in all. A "?" for a question that is not marked is an error.
pub fn walk_forked(g: &Guideline, answers: &Answers) -> Result<Forked, AnswerError> {
    for (q, v) in answers {
        if v == UNKNOWN && g.question(q).is_some_and(|q| q.unknown.is_none()) {
            return Err(AnswerError::UnknownOption {
                question: q.clone(),
                option: v.clone(),
                valid: g.question(q).map(|q| q.options.iter().map(|c| c.id.clone()).collect()).unwrap_or_default(),
            });
        }
    }
    let mut known = answers.clone();
    known.retain(|_, v| v != UNKNOWN);
    let mut out = Forked { alternatives: Vec::new(), limit_reached: false, ignored: Vec::new() };
    let mut todo: Vec<Vec<(String, String)>> = vec![Vec::new()];
    while let Some(assumed) = todo.pop() {
        let mut map = known.clone();
        map.extend(assumed.iter().cloned());
        let w = walk(g, &map)?;
        let fork = match &w.position {
            Position::Question(q) if answers.get(q).is_some_and(|v| v == UNKNOWN) => g.question(q),
            _ => None,
        };
        match fork {
            Some(q) if assumed.len() < MAX_UNKNOWNS && out.alternatives.len() + todo.len() + q.options.len() <= MAX_ALTERNATIVES => {
                for c in q.options.iter().rev() {
                    let mut next = assumed.clone();
                    next.push((q.id.clone(), c.id.clone()));
                    todo.push(next);
                }
            }
            Some(_) => {
                out.limit_reached = true;
                out.alternatives.push(Alternative { assumed, walk: w });
            }
            None => out.alternatives.push(Alternative { assumed, walk: w }),
        }
    }
    out.ignored = answers
        .keys()
        .filter(|q| !out.on_path(q) && !out.alternatives.iter().any(|a| a.walk.position == Position::Question((*q).clone())))
        .cloned()
        .collect();
    for a in &mut out.alternatives {
        a.walk.ignored.clear();
    }
    Ok(out)
}
