//! Training ("Oefenen"): a guideline's own test cases as a case library, the check of a trainee's
//! walk against the guideline's answer, a "Waarom?" multiple-choice question about the deciding
//! rule, the coverage of a session and the answer sheet a trainer prints.
//!
//! The cases are the rule files' test cases (`tests`, each with a `situation` text), so every case
//! is also a test: the answer the trainee is checked against is the one `cargo test` checks. Pure
//! Rust, tested natively in `tests/training.rs`; the training bundle's UI only renders it.
//!
//! Where a case's route passes an `interpretatie` or `niet eenduidig` mark, the answer the trainee
//! is scored against is how the Regiewijzer reads the guideline, not what its text states: the
//! verdict then carries those marks and says so ([`Voice::Reading`]), on screen and on the answer
//! sheet (review N-7).

use crate::engine::advice::{advise, Dates, Marked};
use crate::engine::map::Map;
use crate::engine::model::{Guideline, Outcome, Source, TestCase};
use crate::engine::schema::{Mark, Marks};
use crate::engine::walk::{walk, Answers, Position, Step};
use crate::engine::AnswerError;

/// Whose answer the training page gives for a case: the guideline's own, or the Regiewijzer's
/// reading of it. The wording of the verdict follows from it, so the screen and the printed answer
/// sheet never claim that the guideline says what the Regiewijzer reads into it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    /// No mark on the route: the guideline's text gives this outcome.
    Guideline,
    /// An `interpretatie` or `niet eenduidig` mark on the route: the outcome is the Regiewijzer's
    /// reading of the guideline.
    Reading,
}

impl Voice {
    /// [`Voice::Reading`] when the route carries any mark.
    pub fn of(marks: &[Marked]) -> Voice {
        if marks.is_empty() {
            Voice::Guideline
        } else {
            Voice::Reading
        }
    }

    /// The heading of the case result, with ✓/✗ (right and wrong are never said by colour alone).
    pub fn verdict(self, matches: bool) -> &'static str {
        match (self, matches) {
            (Voice::Guideline, true) => "✓ Dezelfde uitkomst als de richtlijn",
            (Voice::Guideline, false) => "✗ Een andere uitkomst dan de richtlijn",
            (Voice::Reading, true) => "✓ Dezelfde uitkomst als de Regiewijzer de richtlijn leest",
            (Voice::Reading, false) => "✗ Een andere uitkomst dan de Regiewijzer de richtlijn leest",
        }
    }

    /// The term before the expected outcome in the case result.
    pub fn answer(self) -> &'static str {
        match self {
            Voice::Guideline => "De richtlijn",
            Voice::Reading => "De Regiewijzer leest de richtlijn zo",
        }
    }

    /// The term before the expected outcome on the answer sheet.
    pub fn sheet_outcome(self) -> &'static str {
        match self {
            Voice::Guideline => "Uitkomst: ",
            Voice::Reading => "Uitkomst zoals de Regiewijzer de richtlijn leest: ",
        }
    }

    /// The words before the case's `because` (the passage the answer is read from).
    pub fn because(self) -> &'static str {
        match self {
            Voice::Guideline => "Waar de richtlijn dit zegt: ",
            Voice::Reading => "Waaruit de Regiewijzer dit leest: ",
        }
    }
}

/// Every `interpretatie` and `niet eenduidig` mark on the guideline's route for `answers`: on its
/// steps, its outcome and the outcome's cadence (the engine's [`crate::engine::Advice`]
/// `interpretations`), in route order, each text once.
pub fn route_marks(g: &Guideline, answers: &Answers) -> Result<Vec<Marked>, AnswerError> {
    let mut marks: Vec<Marked> = Vec::new();
    for m in advise(g, answers, &Dates::default())?.interpretations {
        if !marks.iter().any(|x| x.interpretation == m.interpretation) {
            marks.push(m);
        }
    }
    Ok(marks)
}

/// How a trainee's walk compares with the guideline's answer to the case.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The trainee reached the outcome the guideline gives.
    pub matches: bool,
    /// The outcome the trainee reached, if any.
    pub reached: Option<Outcome>,
    /// The guideline's answer.
    pub expected: Outcome,
    /// The guideline's route for the case (its trace).
    pub route: Vec<Step>,
    /// The step that decides the outcome: the last one that went through a named rule, else the
    /// last step.
    pub deciding: Option<Step>,
    /// Where the test case reads its answer in the document.
    pub because: String,
    /// The marks on the guideline's route ([`route_marks`]): when there are any, `expected` is the
    /// Regiewijzer's reading of the guideline.
    pub marks: Vec<Marked>,
}

impl Verdict {
    /// Whether the expected outcome is the guideline's or the Regiewijzer's reading of it.
    pub fn voice(&self) -> Voice {
        Voice::of(&self.marks)
    }
}

/// The step of a trace that decides where it ends: the last named rule, else the last step.
pub fn deciding_step(trace: &[Step]) -> Option<&Step> {
    trace.iter().rev().find(|s| s.rule.is_some()).or(trace.last())
}

/// Walks the case's own answers (the guideline's route) and compares the trainee's `answers`.
pub fn verdict(g: &Guideline, case: &TestCase, answers: &Answers) -> Result<Verdict, AnswerError> {
    let route = walk(g, &case.answers)?;
    let expected = match &route.position {
        Position::Outcome(o) => g.outcome(o).cloned(),
        Position::Question(_) => None,
    }
    .ok_or_else(|| AnswerError::CaseWithoutOutcome { case: case.name.clone() })?;
    let mine = walk(g, answers)?;
    let reached = match &mine.position {
        Position::Outcome(o) => g.outcome(o).cloned(),
        Position::Question(_) => None,
    };
    Ok(Verdict {
        matches: reached.as_ref().is_some_and(|r| r.id == expected.id),
        deciding: deciding_step(&route.steps).cloned(),
        route: route.steps,
        reached,
        expected,
        because: case.expect.because.clone(),
        marks: route_marks(g, &case.answers)?,
    })
}

/// One answer of the "Waarom?" question: a rule of the guideline in words, with its passage.
#[derive(Debug, Clone, PartialEq)]
pub struct WhyOption {
    pub text: String,
    pub source: Source,
    /// The question and answer the rule belongs to (to tell the options apart in tests).
    pub at: (String, String),
    /// The node the rule leads to.
    pub leads_to: String,
}

/// "Waarom?": why the case ends where it does. Three options: the deciding rule of the case's route
/// and two rules from elsewhere in the same guideline (not on the route).
#[derive(Debug, Clone, PartialEq)]
pub struct WhyQuestion {
    pub prompt: String,
    pub options: Vec<WhyOption>,
    /// Index of the right option.
    pub correct: usize,
}

/// A rule as the "Waarom?" question words it: the named rule of a branch, or the question and the
/// answer that lead on directly.
fn rule_text(question_text: &str, answer_label: &str, rule: Option<&str>) -> String {
    match rule {
        Some(r) => r.to_string(),
        None => format!("{question_text} Antwoord: {answer_label}."),
    }
}

/// The "Waarom?" question of a case (`None` when the case has no route, which validation forbids).
/// The distractors are picked deterministically (per case name), so a printed set and the screen
/// agree; named rules are preferred when the deciding step is one, direct answers otherwise.
pub fn why_question(g: &Guideline, case: &TestCase) -> Option<WhyQuestion> {
    let route = walk(g, &case.answers).ok()?;
    let Position::Outcome(end) = &route.position else { return None };
    let outcome = g.outcome(end)?;
    let step = deciding_step(&route.steps)?;
    // Where the deciding step leads: a distractor that leads to the same place would also be right.
    let at = route.steps.iter().position(|s| s == step).unwrap_or(0);
    let leads_to = route.steps.get(at + 1).map_or(end.as_str(), |s| s.question.as_str()).to_string();
    let right = WhyOption {
        text: rule_text(&step.question_text, &step.answer_label, step.rule.as_deref()),
        source: step.source.clone(),
        at: (step.question.clone(), step.answer.clone()),
        leads_to: leads_to.clone(),
    };
    let on_route = |q: &str, o: &str| route.steps.iter().any(|s| s.question == q && s.answer == o);
    // Every other rule of the guideline: (is a named rule, option, where it leads).
    let mut pool: Vec<(bool, WhyOption, String)> = Vec::new();
    for q in &g.questions {
        for c in &q.options {
            if on_route(&q.id, &c.id) {
                continue;
            }
            if let Some(to) = &c.goto {
                pool.push((
                    false,
                    WhyOption {
                        text: rule_text(&q.text, &c.label, None),
                        source: q.source.clone(),
                        at: (q.id.clone(), c.id.clone()),
                        leads_to: to.clone(),
                    },
                    to.clone(),
                ));
            }
            for b in &c.branches {
                let source = b.source.clone().unwrap_or_else(|| q.source.clone());
                pool.push((
                    true,
                    WhyOption {
                        text: rule_text(&q.text, &c.label, Some(&b.rule)),
                        source,
                        at: (q.id.clone(), c.id.clone()),
                        leads_to: b.goto.clone(),
                    },
                    b.goto.clone(),
                ));
            }
        }
    }
    pool.retain(|(_, o, to)| o.text != right.text && *to != leads_to && to != end);
    // Same kind as the right answer first, so the form of an option gives nothing away.
    let named = step.rule.is_some();
    pool.sort_by_key(|(n, ..)| *n != named);
    let same = pool.iter().filter(|(n, ..)| *n == named).count();
    let seed = case.name.bytes().fold(2166136261u32, |h, b| (h ^ u32::from(b)).wrapping_mul(16777619)) as usize;
    let mut picked: Vec<WhyOption> = Vec::new();
    let kinds = [same, pool.len() - same];
    let mut offset = 0;
    for count in kinds {
        let slice = &pool[offset..offset + count];
        let mut i = 0;
        while picked.len() < 2 && i < slice.len() {
            let cand = &slice[(seed / 7 + i * 5) % slice.len()].1;
            if !picked.iter().any(|p| p.text == cand.text) {
                picked.push(cand.clone());
            }
            i += 1;
        }
        offset += count;
    }
    if picked.len() < 2 {
        return None;
    }
    let correct = seed % 3;
    picked.insert(correct, right);
    Some(WhyQuestion { prompt: format!("Waarom komt deze casus uit bij “{}”?", outcome.short), options: picked, correct })
}

/// What a group has walked in a session: the nodes and edges of every route that reached an
/// outcome. Memory only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Coverage {
    pub nodes: Vec<String>,
    pub edges: Vec<(String, String)>,
    /// Routes counted.
    pub walks: usize,
}

impl Coverage {
    /// Adds the route of `answers` (only when it reaches an outcome; a half walk adds nothing).
    pub fn add(&mut self, g: &Guideline, answers: &Answers) -> bool {
        let Ok(w) = walk(g, answers) else { return false };
        let Position::Outcome(end) = &w.position else { return false };
        let mut ids: Vec<&str> = w.steps.iter().map(|s| s.question.as_str()).collect();
        ids.push(end);
        for (i, id) in ids.iter().enumerate() {
            if !self.nodes.iter().any(|n| n == id) {
                self.nodes.push(id.to_string());
            }
            if let Some(next) = ids.get(i + 1) {
                let e = (id.to_string(), next.to_string());
                if !self.edges.contains(&e) {
                    self.edges.push(e);
                }
            }
        }
        self.walks += 1;
        true
    }

    /// The schema's marks for the coverage: walked nodes normal and their edges thick, the rest
    /// dimmed (dashed), so what has not been discussed stands out without colour.
    pub fn marks(&self, g: &Guideline) -> Marks {
        let mut m = Marks { nodes: Map::new(), taken: self.edges.clone() };
        for id in crate::engine::schema::node_ids(g) {
            let mark = if self.nodes.contains(&id) { Mark::Reachable } else { Mark::Dimmed };
            m.nodes.insert(id, mark);
        }
        m
    }

    /// (walked, all) for the questions and outcomes, and for the edges between them.
    pub fn counts(&self, g: &Guideline) -> ((usize, usize), (usize, usize)) {
        let nodes = g.questions.len() + g.outcomes.len();
        let succ = crate::engine::schema::successors(g);
        let mut all: Vec<(&str, &str)> = succ.iter().flat_map(|(q, ts)| ts.iter().map(move |t| (*q, *t))).collect();
        all.sort();
        all.dedup();
        ((self.nodes.len(), nodes), (self.edges.len(), all.len()))
    }

    /// The outcomes no route has reached yet (their short labels), for the trainer.
    pub fn missing_outcomes<'a>(&self, g: &'a Guideline) -> Vec<&'a Outcome> {
        g.outcomes.iter().filter(|o| !self.nodes.contains(&o.id)).collect()
    }
}

/// One line of the printed answer sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetCase {
    pub name: String,
    pub situation: String,
    /// The route: (question text, answer label).
    pub route: Vec<(String, String)>,
    pub outcome: String,
    pub deciding: Option<Step>,
    pub because: String,
    /// The marks on the route ([`route_marks`]).
    pub marks: Vec<Marked>,
}

impl SheetCase {
    /// Whether the outcome is the guideline's or the Regiewijzer's reading of it.
    pub fn voice(&self) -> Voice {
        Voice::of(&self.marks)
    }
}

/// The case set with the guideline's answers, for a trainer's printout.
pub fn answer_sheet(g: &Guideline, cases: &[TestCase]) -> Vec<SheetCase> {
    cases
        .iter()
        .filter_map(|c| {
            let v = verdict(g, c, &c.answers).ok()?;
            Some(SheetCase {
                name: c.name.clone(),
                situation: c.situation.clone(),
                route: v.route.iter().map(|s| (s.question_text.clone(), s.answer_label.clone())).collect(),
                outcome: v.expected.title.clone(),
                deciding: v.deciding,
                because: v.because,
                marks: v.marks,
            })
        })
        .collect()
}
