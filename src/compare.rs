//! "Vergelijk regio's": one situation, answered once, walked in several guidelines side by side.
//!
//! Which questions mean the same in which guideline is explicit data
//! (`rules/vergelijk/gedeelde-vragen.json`, see [`Shared`]), validated against the rule files
//! ([`Shared::check`]) rather than read from coinciding ids. A shared question is asked once and its
//! answer is translated into each guideline's own option; a question only one guideline asks is asked
//! for that guideline only, and only when its walk reaches it. The result is a table with a column per
//! guideline ([`table`]): the same walks and advice as the single-guideline widget, so a column always
//! equals the separate walk with the translated answers. Pure Rust, tested natively.

use crate::config::{parse_json, Value};
use crate::engine::advice::{advise, Advice, Dates, GuidelineRef};
use crate::engine::map::Map;
use crate::engine::model::{Guideline, Question, Source};
use crate::engine::walk::{Answers, Position};

/// The mapping file as built into the comparison.
pub const SHARED_JSON: &str = include_str!("../rules/vergelijk/gedeelde-vragen.json");

/// A question several guidelines ask with the same meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedQuestion {
    pub id: String,
    pub text: String,
    pub help: Option<String>,
    /// Shared option id → label.
    pub options: Vec<(String, String)>,
    /// Guideline id → its question id and, per shared option, its own option id.
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub guideline: String,
    pub question: String,
    /// Shared option id → the guideline's option id.
    pub options: Map<String, String>,
}

/// The whole mapping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    pub questions: Vec<SharedQuestion>,
}

impl Shared {
    /// Reads the mapping file; every problem is listed (in Dutch, naming the key).
    pub fn parse(text: &str) -> Result<Shared, Vec<String>> {
        let root = parse_json(text).map_err(|e| vec![e])?;
        let mut problems = Vec::new();
        let mut shared = Shared::default();
        let Some(qs) = field(&root, "questions").and_then(array) else {
            return Err(vec!["'questions' ontbreekt of is geen lijst".into()]);
        };
        for (i, q) in qs.iter().enumerate() {
            let at = format!("questions[{i}]");
            let id = text_field(q, "id", &at, &mut problems);
            let text = text_field(q, "text", &at, &mut problems);
            let help = field(q, "help").and_then(string).map(str::to_string);
            let mut options = Vec::new();
            for (j, o) in field(q, "options").and_then(array).into_iter().flatten().enumerate() {
                let at = format!("{at}.options[{j}]");
                options.push((text_field(o, "id", &at, &mut problems), text_field(o, "label", &at, &mut problems)));
            }
            if options.len() < 2 {
                problems.push(format!("{at} ('{id}'): minstens twee antwoorden nodig"));
            }
            let mut members = Vec::new();
            match field(q, "in") {
                Some(Value::Object(m)) => {
                    for (g, v) in m {
                        let at = format!("{at}.in.{g}");
                        let question = text_field(v, "question", &at, &mut problems);
                        let mut map = Map::new();
                        match field(v, "options") {
                            Some(Value::Object(os)) => {
                                for (k, o) in os {
                                    match string(o) {
                                        Some(o) => {
                                            map.insert(k.clone(), o.to_string());
                                        }
                                        None => problems.push(format!("{at}.options.{k}: moet een antwoord-id (tekst) zijn")),
                                    }
                                }
                            }
                            _ => problems.push(format!("{at}.options ontbreekt of is geen object")),
                        }
                        members.push(Member { guideline: g.clone(), question, options: map });
                    }
                }
                _ => problems.push(format!("{at}.in ontbreekt of is geen object")),
            }
            shared.questions.push(SharedQuestion { id, text, help, options, members });
        }
        if problems.is_empty() {
            Ok(shared)
        } else {
            Err(problems)
        }
    }

    /// The built-in mapping. It is checked by the tests, so a broken file never ships; should it
    /// not parse anyway, the comparison asks every question per guideline.
    pub fn builtin() -> Shared {
        Shared::parse(SHARED_JSON).unwrap_or_default()
    }

    /// Every problem of the mapping against these guidelines: unknown ids, options that do not exist,
    /// options of a mapped question no shared answer reaches (or more than one does), a guideline
    /// question mapped twice. A guideline not among `guidelines` is skipped (not loaded).
    pub fn check(&self, guidelines: &[&Guideline]) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen_ids: Vec<&str> = Vec::new();
        let mut seen_questions: Vec<(&str, &str)> = Vec::new();
        for q in &self.questions {
            if seen_ids.contains(&q.id.as_str()) {
                problems.push(format!("gedeelde vraag '{}' staat er twee keer in", q.id));
            }
            seen_ids.push(&q.id);
            for m in &q.members {
                let Some(g) = guidelines.iter().find(|g| g.id == m.guideline) else { continue };
                let Some(gq) = g.question(&m.question) else {
                    problems.push(format!("'{}': richtlijn '{}' heeft geen vraag '{}'", q.id, m.guideline, m.question));
                    continue;
                };
                if seen_questions.contains(&(m.guideline.as_str(), m.question.as_str())) {
                    problems
                        .push(format!("'{}': vraag '{}' van '{}' hoort al bij een andere gedeelde vraag", q.id, m.question, m.guideline));
                }
                seen_questions.push((&m.guideline, &m.question));
                for (shared_opt, own) in m.options.iter() {
                    if !q.options.iter().any(|(id, _)| id == shared_opt) {
                        problems.push(format!("'{}' in '{}': '{}' is geen antwoord van de gedeelde vraag", q.id, m.guideline, shared_opt));
                    }
                    if !gq.options.iter().any(|o| &o.id == own) {
                        problems.push(format!("'{}' in '{}': vraag '{}' heeft geen antwoord '{}'", q.id, m.guideline, m.question, own));
                    }
                }
                for (id, _) in &q.options {
                    if !m.options.contains_key(id) {
                        problems.push(format!("'{}' in '{}': het gedeelde antwoord '{}' is niet vertaald", q.id, m.guideline, id));
                    }
                }
                for o in &gq.options {
                    let n = m.options.values().filter(|v| *v == &o.id).count();
                    if n != 1 {
                        problems.push(format!(
                            "'{}' in '{}': antwoord '{}' van vraag '{}' komt {} keer voor (precies één keer nodig)",
                            q.id, m.guideline, o.id, m.question, n
                        ));
                    }
                }
            }
        }
        problems
    }

    /// The shared question a guideline's question belongs to.
    pub fn of(&self, guideline: &str, question: &str) -> Option<(&SharedQuestion, &Member)> {
        self.questions.iter().find_map(|q| q.members.iter().find(|m| m.guideline == guideline && m.question == question).map(|m| (q, m)))
    }
}

/// One situation being compared: the shared answers, each guideline's own answers, and the
/// guidelines the user left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Situation {
    /// Shared question id → shared option id.
    pub shared: Answers,
    /// Guideline id → its own answers (questions no other guideline shares).
    pub own: Map<String, Answers>,
    /// Guidelines left out ("past niet bij deze situatie").
    pub skipped: Vec<String>,
}

impl Situation {
    /// The answers a guideline's walk sees: its own, plus the shared ones translated.
    pub fn answers_for(&self, shared: &Shared, g: &Guideline) -> Answers {
        let mut a = self.own.get(&g.id).cloned().unwrap_or_default();
        for q in &shared.questions {
            let Some(chosen) = self.shared.get(&q.id) else { continue };
            for m in q.members.iter().filter(|m| m.guideline == g.id) {
                if let Some(own) = m.options.get(chosen) {
                    a.insert(m.question.clone(), own.clone());
                }
            }
        }
        a
    }
}

/// What the comparison asks next.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// A shared question, asked once for the guidelines listed.
    Shared { question: SharedQuestion, guidelines: Vec<String> },
    /// A question of one guideline only.
    Own { guideline: String, region: String, question: Question },
    /// Every guideline has reached an outcome or was left out.
    Done,
}

/// The next question. Shared questions first: when any guideline's walk waits at one, it is asked
/// (once, for every guideline that has it); otherwise the open question of the first guideline (in
/// the given order) whose walk has not ended. So the situation is described once before the
/// guideline-specific details.
pub fn next(shared: &Shared, guidelines: &[&Guideline], s: &Situation) -> Next {
    let mut own: Option<Next> = None;
    for g in guidelines.iter().filter(|g| !s.skipped.contains(&g.id)) {
        let Ok(w) = crate::engine::walk::walk(g, &s.answers_for(shared, g)) else { continue };
        let Position::Question(qid) = w.position else { continue };
        if let Some((sq, _)) = shared.of(&g.id, &qid) {
            let waiting = guidelines
                .iter()
                .filter(|o| sq.members.iter().any(|m| m.guideline == o.id) && !s.skipped.contains(&o.id))
                .map(|o| o.id.clone())
                .collect();
            return Next::Shared { question: sq.clone(), guidelines: waiting };
        }
        if own.is_none() {
            if let Some(q) = g.question(&qid) {
                own = Some(Next::Own { guideline: g.id.clone(), region: g.region.clone(), question: q.clone() });
            }
        }
    }
    own.unwrap_or(Next::Done)
}

/// A column of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Column {
    /// The guideline's advice for the situation.
    Advice(Box<Advice>),
    /// The user left this guideline out.
    Skipped(GuidelineRef),
    /// Not finished (questions still open) or the answers do not fit; the reason in Dutch.
    Open(GuidelineRef, String),
}

impl Column {
    pub fn guideline(&self) -> &GuidelineRef {
        match self {
            Column::Advice(a) => &a.guideline,
            Column::Skipped(g) | Column::Open(g, _) => g,
        }
    }
}

/// One cell: the text and the passage it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub source: Option<Source>,
}

/// One row of the table; `differs` when the guidelines that answer it do not all say the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub label: &'static str,
    pub cells: Vec<Cell>,
    pub differs: bool,
}

/// The walks of every guideline for the situation, with `dates` for the schedules.
pub fn columns(shared: &Shared, guidelines: &[&Guideline], s: &Situation, dates: &Dates) -> Vec<Column> {
    guidelines
        .iter()
        .map(|g| {
            let r = GuidelineRef::of(g);
            if s.skipped.contains(&g.id) {
                return Column::Skipped(r);
            }
            match advise(g, &s.answers_for(shared, g), dates) {
                Ok(a) if a.outcome.is_some() => Column::Advice(Box::new(a)),
                Ok(_) => Column::Open(r, "Nog niet alle vragen van deze richtlijn zijn beantwoord.".into()),
                Err(e) => Column::Open(r, e.to_string()),
            }
        })
        .collect()
}

/// The table: a row per aspect, a cell per column (`guidelines` in the order of `columns`), each
/// with the passage it rests on; a cell where the guideline says nothing says so, without a source.
pub fn table(guidelines: &[&Guideline], columns: &[Column]) -> Vec<Row> {
    type Pick = fn(&Guideline, &Advice) -> Cell;
    let rows: [(&'static str, Pick); 6] = [
        ("Uitkomst", |_, a| outcome_cell(a, |o| o.title.clone())),
        ("Vorm van regie", |_, a| outcome_cell(a, |o| o.regie.clone())),
        ("Regie bij", |_, a| outcome_cell(a, |o| o.owner.clone())),
        ("Moet de aanbieder contact opnemen?", |_, a| provider_cell(a)),
        ("Evaluatie en termijnen", schedule_cell),
        ("Beslissende stap", |_, a| deciding_cell(a)),
    ];
    rows.iter()
        .map(|(label, pick)| {
            let cells: Vec<Cell> = columns
                .iter()
                .zip(guidelines)
                .map(|(c, g)| match c {
                    Column::Advice(a) => pick(g, a),
                    Column::Skipped(_) => Cell { text: "Niet vergeleken: overgeslagen.".into(), source: None },
                    Column::Open(_, why) => Cell { text: why.clone(), source: None },
                })
                .collect();
            let answered: Vec<&str> = columns
                .iter()
                .zip(&cells)
                .filter(|(c, _)| matches!(c, Column::Advice(_)))
                .map(|(_, cell)| comparable(label, &cell.text))
                .collect();
            let differs = answered.windows(2).any(|w| w[0] != w[1]);
            Row { label, cells, differs }
        })
        .collect()
}

/// What is compared for "differs": the provider row by its Ja/Nee/Mag only (the texts around it are
/// each region's own wording).
fn comparable<'a>(label: &str, text: &'a str) -> &'a str {
    if label.starts_with("Moet") {
        text.split(':').next().unwrap_or(text)
    } else {
        text
    }
}

fn outcome_cell(a: &Advice, f: fn(&crate::engine::model::Outcome) -> String) -> Cell {
    let o = a.outcome.as_ref().expect("columns hold outcomes");
    Cell { text: f(o), source: o.sources.first().cloned() }
}

fn provider_cell(a: &Advice) -> Cell {
    let o = a.outcome.as_ref().expect("columns hold outcomes");
    match &o.provider {
        Some(p) => Cell { text: format!("{}: {}", p.answer.label(), p.text), source: deciding(a).or_else(|| o.sources.first().cloned()) },
        None => Cell { text: NO_PROVIDER.into(), source: None },
    }
}

fn schedule_cell(g: &Guideline, a: &Advice) -> Cell {
    let o = a.outcome.as_ref().expect("columns hold outcomes");
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = &a.schedule {
        parts.extend(s.rhythm.iter().cloned());
        parts.extend(s.entries.iter().map(|e| format!("{}: {}.", e.date_nl, e.what)));
    }
    if let Some(t) = &o.cadence_text {
        parts.push(t.clone());
    }
    if parts.is_empty() {
        return Cell { text: NOT_NAMED.into(), source: None };
    }
    // The cadence's own passage; timelines and texts rest on the outcome's.
    let source = o.cadence.as_deref().and_then(|c| g.cadence(c)).map(|c| c.source.clone());
    Cell { text: parts.join(" "), source: source.or_else(|| o.sources.first().cloned()) }
}

/// The cell text where a guideline names no evaluation moments for the outcome.
pub const NOT_NAMED: &str = "De richtlijn noemt hier geen evaluatiemomenten of termijnen.";
/// The cell text where a guideline's outcome says nothing about the provider.
pub const NO_PROVIDER: &str = "Niet beschreven in deze richtlijn voor deze situatie.";

fn deciding_cell(a: &Advice) -> Cell {
    let step = a.trace.iter().rev().find(|s| s.rule.is_some()).or(a.trace.last());
    match step {
        Some(s) => Cell {
            text: match &s.rule {
                Some(r) => format!("{} {}: {}", s.question_text, s.answer_label, r),
                None => format!("{} {}", s.question_text, s.answer_label),
            },
            source: Some(s.source.clone()),
        },
        None => Cell { text: String::new(), source: None },
    }
}

fn deciding(a: &Advice) -> Option<Source> {
    a.trace.iter().rev().find(|s| s.rule.is_some()).map(|s| s.source.clone())
}

fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match v {
        Value::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn array(v: &Value) -> Option<&Vec<Value>> {
    match v {
        Value::Array(a) => Some(a),
        _ => None,
    }
}

fn string(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

fn text_field(v: &Value, key: &str, at: &str, problems: &mut Vec<String>) -> String {
    match field(v, key).and_then(string) {
        Some(s) if !s.trim().is_empty() => s.to_string(),
        _ => {
            problems.push(format!("{at}.{key} ontbreekt of is geen tekst"));
            String::new()
        }
    }
}
