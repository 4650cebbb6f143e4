//! "Vergelijk regio's": one situation, answered once, walked in several guidelines side by side.
//!
//! Which questions mean the same in which guideline is explicit data
//! (`rules/vergelijk/gedeelde-vragen.json`, see [`Shared`]), validated against the rule files
//! ([`Shared::check`]) rather than read from coinciding ids. A shared question is asked once and its
//! answer is translated into each guideline's own option; a question only one guideline asks is asked
//! for that guideline only, and only when its walk reaches it. The result is a table with a column per
//! guideline ([`table`]): the same walks and advice as the single-guideline widget, so a column always
//! equals the separate walk with the translated answers. Pure Rust, tested natively.

use crate::engine::advice::{advise, Advice, Dates, GuidelineRef};
use crate::engine::map::Map;
use crate::engine::model::{ContactAnswer, Guideline, Question, Source};
use crate::engine::walk::{Answers, Position};
use crate::json::{array, field, parse_json, string, text_field, MappingKind, Problem, Value};
use serde::Serialize;

/// The mapping file as built into the comparison.
pub const SHARED_JSON: &str = include_str!("../rules/vergelijk/gedeelde-vragen.json");

/// A question several guidelines ask with the same meaning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedQuestion {
    /// Its id in the comparison (`kader`).
    pub id: String,
    /// The legend.
    pub text: String,
    /// Guidance under the legend.
    pub help: Option<String>,
    /// Shared option id → label.
    pub options: Vec<(String, String)>,
    /// Guideline id → its question id and, per shared option, its own option id.
    pub members: Vec<Member>,
}

/// How one guideline asks a shared question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The guideline's id.
    pub guideline: String,
    /// Its own question id.
    pub question: String,
    /// Shared option id → the guideline's option id.
    pub options: Map<String, String>,
    /// Shared option id → why that answer does not fit this guideline (the column then says
    /// "past niet bij deze situatie" with this reason, in Dutch).
    pub past_niet: Map<String, String>,
}

/// A shared answer that limits a guideline's own question to the options consistent with it: one
/// option left answers the question, none left means the guideline does not fit the situation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Limit {
    /// The shared question and the answer that sets this limit.
    pub when: (String, String),
    /// The guideline and its question.
    pub guideline: String,
    pub question: String,
    /// The options of that question consistent with the shared answer.
    pub allow: Vec<String>,
    /// Why, with the passage of the seed, in Dutch (shown when nothing fits).
    pub reason: String,
}

/// A category the comparison sorts free text into, so "verschilt" compares what a user compares
/// (who holds the regie, whom the provider contacts) rather than each region's wording: the first
/// category one of whose words occurs in the text. A word of at most three letters in capitals (GI,
/// CJG) must stand as a whole word; other words match case-insensitively anywhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Category {
    /// The category's name, shown in the table ("de GI").
    pub key: String,
    /// Words that put a text in this category.
    pub words: Vec<String>,
}

impl Category {
    /// Where in `text` (a byte offset) one of the category's words first occurs.
    fn position(&self, text: &str) -> Option<usize> {
        let lower = text.to_lowercase();
        self.words
            .iter()
            .filter_map(|w| {
                if w.len() <= 3 && w.chars().all(|c| c.is_ascii_uppercase()) {
                    text.match_indices(w.as_str()).map(|(i, _)| i).find(|&i| {
                        let before = text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                        let after = text[i + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                        before && after
                    })
                } else {
                    lower.find(&w.to_lowercase())
                }
            })
            .min()
    }
}

/// The first category (in the list's order) that fits `text`: for who holds the regie, where the
/// list's order says which holder weighs most (the GI before the team it works with).
pub fn categorise<'a>(categories: &'a [Category], text: &str) -> Option<&'a str> {
    categories.iter().find(|c| c.position(text).is_some()).map(|c| c.key.as_str())
}

/// The category named first in `text` after "contact op met" (or in the whole text when it does not
/// say that): for whom the provider contacts, where the text names that party first and others
/// after it ("neem contact op met de lokale toegang: er is geen procesregisseur").
pub fn categorise_contact<'a>(categories: &'a [Category], text: &str) -> Option<&'a str> {
    let lower = text.to_lowercase();
    let tail = ["contact op met", "contact opnemen met", "bespreek", "meld", "deel"]
        .iter()
        .filter_map(|p| lower.find(p))
        .min()
        .map_or(text, |i| &text[i..]);
    categories.iter().filter_map(|c| c.position(tail).map(|p| (p, c.key.as_str()))).min_by_key(|(p, _)| *p).map(|(_, k)| k)
}

/// The whole mapping.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shared {
    /// The shared questions, in the order they are asked.
    pub questions: Vec<SharedQuestion>,
    /// Shared answers that limit guidelines' own questions.
    pub limits: Vec<Limit>,
    /// Who holds the regie, read from an outcome's owner text.
    pub regie_bij: Vec<Category>,
    /// Whom the provider contacts, read from the provider text of a Ja or Mag answer.
    pub contact: Vec<Category>,
}

impl Shared {
    /// Reads the mapping file; every problem is listed, each naming the key (`Display`: in Dutch).
    pub fn parse(text: &str) -> Result<Shared, Vec<Problem<MappingKind>>> {
        let root = parse_json(text).map_err(|e| vec![Problem::new("", MappingKind::Json(e))])?;
        let mut problems = Vec::new();
        let mut shared = Shared::default();
        let Some(qs) = field(&root, "questions").and_then(array) else {
            return Err(vec![Problem::new("questions", MappingKind::NoQuestions)]);
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
                problems.push(Problem::new(at.clone(), MappingKind::TooFewOptions { id: id.clone() }));
            }
            let mut members = Vec::new();
            match field(q, "in") {
                Some(Value::Object(m)) => {
                    for (g, v) in m {
                        let at = format!("{at}.in.{g}");
                        let question = text_field(v, "question", &at, &mut problems);
                        let mut map = Map::new();
                        let mut past_niet = Map::new();
                        if let Some(Value::Object(ps)) = field(v, "past_niet") {
                            for (k, r) in ps {
                                match string(r) {
                                    Some(r) if !r.trim().is_empty() => {
                                        past_niet.insert(k.clone(), r.to_string());
                                    }
                                    _ => problems.push(Problem::new(format!("{at}.past_niet.{k}"), MappingKind::ReasonNotText)),
                                }
                            }
                        }
                        match field(v, "options") {
                            Some(Value::Object(os)) => {
                                for (k, o) in os {
                                    match string(o) {
                                        Some(o) => {
                                            map.insert(k.clone(), o.to_string());
                                        }
                                        None => problems.push(Problem::new(format!("{at}.options.{k}"), MappingKind::OptionNotText)),
                                    }
                                }
                            }
                            _ => problems.push(Problem::new(format!("{at}.options"), MappingKind::MissingObject)),
                        }
                        members.push(Member { guideline: g.clone(), question, options: map, past_niet });
                    }
                }
                _ => problems.push(Problem::new(format!("{at}.in"), MappingKind::MissingObject)),
            }
            shared.questions.push(SharedQuestion { id, text, help, options, members });
        }
        for (i, l) in field(&root, "limits").and_then(array).into_iter().flatten().enumerate() {
            let at = format!("limits[{i}]");
            let when_q = text_field(l, "shared", &at, &mut problems);
            let when_o = text_field(l, "answer", &at, &mut problems);
            let guideline = text_field(l, "in", &at, &mut problems);
            let question = text_field(l, "question", &at, &mut problems);
            let reason = text_field(l, "reason", &at, &mut problems);
            let allow: Vec<String> =
                field(l, "allow").and_then(array).into_iter().flatten().filter_map(string).map(str::to_string).collect();
            shared.limits.push(Limit { when: (when_q, when_o), guideline, question, allow, reason });
        }
        for (name, list) in [("regie_bij", &mut shared.regie_bij), ("contact", &mut shared.contact)] {
            for (i, c) in field(&root, name).and_then(array).into_iter().flatten().enumerate() {
                let at = format!("{name}[{i}]");
                let key = text_field(c, "key", &at, &mut problems);
                let words: Vec<String> =
                    field(c, "words").and_then(array).into_iter().flatten().filter_map(string).map(str::to_string).collect();
                if words.is_empty() {
                    problems.push(Problem::new(format!("{at}.words"), MappingKind::NoWords));
                }
                list.push(Category { key, words });
            }
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
    pub fn check(&self, guidelines: &[&Guideline]) -> Vec<Problem<MappingKind>> {
        let mut problems = Vec::new();
        let mut seen_ids: Vec<&str> = Vec::new();
        let mut seen_questions: Vec<(&str, &str)> = Vec::new();
        for q in &self.questions {
            if seen_ids.contains(&q.id.as_str()) {
                problems.push(Problem::new(q.id.clone(), MappingKind::DuplicateQuestion));
            }
            seen_ids.push(&q.id);
            for m in &q.members {
                let Some(g) = guidelines.iter().find(|g| g.id == m.guideline) else { continue };
                let Some(gq) = g.question(&m.question) else {
                    problems.push(Problem::new(
                        q.id.clone(),
                        MappingKind::NoSuchQuestion { guideline: m.guideline.clone(), question: m.question.clone() },
                    ));
                    continue;
                };
                if seen_questions.contains(&(m.guideline.as_str(), m.question.as_str())) {
                    problems.push(Problem::new(
                        q.id.clone(),
                        MappingKind::QuestionMappedTwice { guideline: m.guideline.clone(), question: m.question.clone() },
                    ));
                }
                seen_questions.push((&m.guideline, &m.question));
                for (shared_opt, own) in m.options.iter() {
                    if !q.options.iter().any(|(id, _)| id == shared_opt) {
                        problems.push(Problem::new(
                            q.id.clone(),
                            MappingKind::NoSuchSharedOption { guideline: m.guideline.clone(), option: shared_opt.clone() },
                        ));
                    }
                    if !gq.options.iter().any(|o| &o.id == own) {
                        problems.push(Problem::new(
                            q.id.clone(),
                            MappingKind::NoSuchOption { guideline: m.guideline.clone(), question: m.question.clone(), option: own.clone() },
                        ));
                    }
                }
                for (id, _) in &q.options {
                    if m.options.contains_key(id) == m.past_niet.contains_key(id) {
                        problems.push(Problem::new(
                            q.id.clone(),
                            MappingKind::Untranslated { guideline: m.guideline.clone(), option: id.clone() },
                        ));
                    }
                }
                for o in &gq.options {
                    if !m.options.values().any(|v| v == &o.id) {
                        problems.push(Problem::new(
                            q.id.clone(),
                            MappingKind::OptionNotReached {
                                guideline: m.guideline.clone(),
                                question: m.question.clone(),
                                option: o.id.clone(),
                            },
                        ));
                    }
                }
            }
        }
        for l in &self.limits {
            let at = format!("beperking '{}={}' in '{}'", l.when.0, l.when.1, l.guideline);
            match self.questions.iter().find(|q| q.id == l.when.0) {
                Some(q) if q.options.iter().any(|(id, _)| id == &l.when.1) => {}
                _ => problems.push(Problem::new(
                    at.clone(),
                    MappingKind::LimitNoSuchAnswer { question: l.when.0.clone(), answer: l.when.1.clone() },
                )),
            }
            let Some(g) = guidelines.iter().find(|g| g.id == l.guideline) else { continue };
            match g.question(&l.question) {
                None => problems.push(Problem::new(at, MappingKind::LimitNoSuchQuestion { question: l.question.clone() })),
                Some(gq) => {
                    if l.allow.is_empty() {
                        problems.push(Problem::new(at.clone(), MappingKind::LimitAllowsNothing));
                    }
                    for a in &l.allow {
                        if !gq.options.iter().any(|o| &o.id == a) {
                            problems.push(Problem::new(
                                at.clone(),
                                MappingKind::LimitNoSuchOption { question: l.question.clone(), option: a.clone() },
                            ));
                        }
                    }
                }
            }
        }
        problems
    }

    /// The limits the situation's shared answers set on a guideline's question.
    fn limits_on<'a>(&'a self, s: &'a Situation, guideline: &'a str, question: &'a str) -> impl Iterator<Item = &'a Limit> + 'a {
        self.limits.iter().filter(move |l| {
            l.guideline == guideline && l.question == question && s.shared.get(&l.when.0).map(String::as_str) == Some(l.when.1.as_str())
        })
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

    /// The answers a guideline's walk sees once the shared answers have reached its model: translated
    /// ([`Self::answers_for`]), and every question that a shared answer limits to one option answered
    /// with it. `Err` with the reason (in Dutch) when the guideline does not fit the situation: a shared
    /// answer it has no counterpart for, or an answer on its route that a shared answer rules out.
    pub fn resolve(&self, shared: &Shared, g: &Guideline) -> Result<Answers, String> {
        for q in &shared.questions {
            let Some(chosen) = self.shared.get(&q.id) else { continue };
            if let Some(reason) = q.members.iter().filter(|m| m.guideline == g.id).find_map(|m| m.past_niet.get(chosen)) {
                return Err(reason.clone());
            }
        }
        let mut a = self.answers_for(shared, g);
        // Shared answers that contradict each other in this guideline's terms, wherever its route goes.
        for (q, o) in a.iter() {
            if let Some(l) = shared.limits_on(self, &g.id, q).find(|l| !l.allow.contains(o)) {
                return Err(l.reason.clone());
            }
        }
        for _ in 0..=g.questions.len() {
            // Every answer was checked above, and those added here lie within the limits.
            let Ok(w) = crate::engine::walk::walk(g, &a) else { break };
            let Position::Question(q) = w.position else { break };
            match allowed(shared, self, g, &q) {
                Some(Allowed { options, .. }) if options.len() == 1 => {
                    a.insert(q, options[0].clone());
                }
                Some(Allowed { options, reasons }) if options.is_empty() => return Err(reasons.join(" ")),
                _ => break,
            }
        }
        Ok(a)
    }
}

/// The options of a guideline's question that the shared answers leave open.
struct Allowed {
    options: Vec<String>,
    reasons: Vec<String>,
}

/// `None` when no shared answer limits the question.
fn allowed(shared: &Shared, s: &Situation, g: &Guideline, question: &str) -> Option<Allowed> {
    let q = g.question(question)?;
    let mut limited = false;
    let mut options: Vec<String> = q.options.iter().map(|c| c.id.clone()).collect();
    let mut reasons = Vec::new();
    for l in shared.limits_on(s, &g.id, question) {
        limited = true;
        options.retain(|o| l.allow.contains(o));
        reasons.push(l.reason.clone());
    }
    limited.then_some(Allowed { options, reasons })
}

/// What the comparison asks next.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Next {
    /// A shared question, asked once for the guidelines listed.
    Shared {
        /// The question.
        question: SharedQuestion,
        /// The guidelines it is asked for (waiting at it, or at a question it limits).
        guidelines: Vec<String>,
    },
    /// A question of one guideline only, with only the options consistent with the shared answers.
    Own {
        /// The guideline's id.
        guideline: String,
        /// Its region, as users name it.
        region: String,
        /// The question, its options limited.
        question: Question,
    },
    /// Every guideline has reached an outcome, does not fit, or was left out.
    Done,
}

/// The next question. Shared questions first: when any guideline's walk waits at one, or at a
/// question a shared answer could limit, the first such shared question (in the mapping's order) is
/// asked once for every guideline that needs it; otherwise the open question of the first guideline
/// (in the given order) whose walk has not ended, with only the options the shared answers leave
/// open. So the situation is described once before the guideline-specific details, and a follow-up
/// question never offers an option that contradicts a shared answer.
pub fn next(shared: &Shared, guidelines: &[&Guideline], s: &Situation) -> Next {
    let mut own: Option<Next> = None;
    // (shared question index, guideline id) for every guideline that needs a shared answer now.
    let mut wanted: Vec<(usize, String)> = Vec::new();
    for g in guidelines.iter().filter(|g| !s.skipped.contains(&g.id)) {
        let Ok(a) = s.resolve(shared, g) else { continue };
        let Ok(w) = crate::engine::walk::walk(g, &a) else { continue };
        let Position::Question(qid) = w.position else { continue };
        let mut needs = false;
        for (i, sq) in shared.questions.iter().enumerate() {
            if s.shared.contains_key(&sq.id) {
                continue;
            }
            let member = sq.members.iter().any(|m| m.guideline == g.id && m.question == qid);
            let limits = shared.limits.iter().any(|l| l.guideline == g.id && l.question == qid && l.when.0 == sq.id);
            if member || limits {
                wanted.push((i, g.id.clone()));
                needs = true;
            }
        }
        if needs || own.is_some() {
            continue;
        }
        if let Some(q) = g.question(&qid) {
            let mut q = q.clone();
            if let Some(Allowed { options, .. }) = allowed(shared, s, g, &qid) {
                q.options.retain(|c| options.contains(&c.id));
            }
            own = Some(Next::Own { guideline: g.id.clone(), region: g.region.clone(), question: q });
        }
    }
    if let Some(first) = wanted.iter().map(|(i, _)| *i).min() {
        let sq = &shared.questions[first];
        let mut ids: Vec<String> = wanted.iter().filter(|(i, _)| *i == first).map(|(_, g)| g.clone()).collect();
        // Also the other guidelines that ask it, so the user sees for whom the answer counts.
        for g in guidelines.iter().filter(|g| !s.skipped.contains(&g.id)) {
            if sq.members.iter().any(|m| m.guideline == g.id) && !ids.contains(&g.id) {
                ids.push(g.id.clone());
            }
        }
        ids.sort_by_key(|id| guidelines.iter().position(|g| &g.id == id));
        return Next::Shared { question: sq.clone(), guidelines: ids };
    }
    own.unwrap_or(Next::Done)
}

/// A column of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Column {
    /// The guideline's advice for the situation.
    Advice {
        /// The advice, as the widget gives it for the same answers.
        advice: Box<Advice>,
    },
    /// The user left this guideline out.
    Skipped {
        /// The guideline.
        guideline: GuidelineRef,
    },
    /// The guideline does not fit the situation the shared answers describe; the reason in Dutch.
    PastNiet {
        /// The guideline.
        guideline: GuidelineRef,
        /// Why, with the passage of the seed.
        reason: String,
    },
    /// Not finished (questions still open) or the answers do not fit; the reason in Dutch.
    Open {
        /// The guideline.
        guideline: GuidelineRef,
        /// Why.
        reason: String,
    },
}

impl Column {
    /// The guideline of this column.
    pub fn guideline(&self) -> &GuidelineRef {
        match self {
            Column::Advice { advice } => &advice.guideline,
            Column::Skipped { guideline } | Column::PastNiet { guideline, .. } | Column::Open { guideline, .. } => guideline,
        }
    }

    /// The advice, where the column has one.
    pub fn advice(&self) -> Option<&Advice> {
        match self {
            Column::Advice { advice } => Some(advice),
            _ => None,
        }
    }
}

/// One cell: the text and the passage it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// What the guideline says, in its own words.
    pub text: String,
    /// The passage it rests on; `None` where the guideline says nothing.
    pub source: Option<Source>,
    /// What is compared for "verschilt" (the same words for every guideline); `None`: not compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// What a row of the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// The outcome's title (each guideline's own words; not compared).
    Uitkomst,
    /// The regie form (own words; not compared).
    VormVanRegie,
    /// Who holds the regie (compared by [`Shared::regie_bij`]).
    RegieBij,
    /// The provider's duty Ja/Nee/Mag (compared by the answer).
    Aanbieder,
    /// Whom the provider contacts (compared by [`Shared::contact`]).
    Contact,
    /// Evaluations and deadlines (compared by text).
    Evaluatie,
    /// The deciding step (not compared).
    BeslissendeStap,
}

impl RowKind {
    /// Every row, in table order.
    pub const ALL: [RowKind; 7] = [
        RowKind::Uitkomst,
        RowKind::VormVanRegie,
        RowKind::RegieBij,
        RowKind::Aanbieder,
        RowKind::Contact,
        RowKind::Evaluatie,
        RowKind::BeslissendeStap,
    ];

    /// The row's heading.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Uitkomst => "Uitkomst",
            RowKind::VormVanRegie => "Vorm van regie",
            RowKind::RegieBij => "Regie bij",
            RowKind::Aanbieder => "Moet de aanbieder contact opnemen?",
            RowKind::Contact => "Contact met",
            RowKind::Evaluatie => "Evaluatie en termijnen",
            RowKind::BeslissendeStap => "Beslissende stap",
        }
    }
}

/// One row of the table; `differs` when the guidelines that answer it do not all say the same (by
/// the cells' keys; rows without keys are never marked).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// Its heading ([`RowKind::label`]).
    pub label: &'static str,
    /// A cell per column.
    pub cells: Vec<Cell>,
    /// The columns with advice do not all have the same key.
    pub differs: bool,
}

/// The walks of every guideline for the situation, with `dates` for the schedules.
pub fn columns(shared: &Shared, guidelines: &[&Guideline], s: &Situation, dates: &Dates) -> Vec<Column> {
    guidelines
        .iter()
        .map(|g| {
            let r = GuidelineRef::of(g);
            if s.skipped.contains(&g.id) {
                return Column::Skipped { guideline: r };
            }
            let answers = match s.resolve(shared, g) {
                Ok(a) => a,
                Err(reason) => return Column::PastNiet { guideline: r, reason },
            };
            match advise(g, &answers, dates) {
                Ok(a) if a.outcome.is_some() => Column::Advice { advice: Box::new(a) },
                Ok(_) => Column::Open { guideline: r, reason: "Nog niet alle vragen van deze richtlijn zijn beantwoord.".into() },
                Err(e) => Column::Open { guideline: r, reason: e.to_string() },
            }
        })
        .collect()
}

/// The table: a row per [`RowKind`], a cell per column (`guidelines` in the order of `columns`), each
/// with the passage it rests on; a cell where the guideline says nothing says so, without a source.
pub fn table(shared: &Shared, guidelines: &[&Guideline], columns: &[Column]) -> Vec<Row> {
    RowKind::ALL
        .iter()
        .map(|&kind| {
            let cells: Vec<Cell> = columns
                .iter()
                .zip(guidelines)
                .map(|(c, g)| match c {
                    Column::Advice { advice } => cell(kind, shared, g, advice),
                    Column::Skipped { .. } => Cell { text: "Niet vergeleken: overgeslagen.".into(), source: None, key: None },
                    Column::PastNiet { reason, .. } => Cell { text: format!("{PAST_NIET}: {reason}"), source: None, key: None },
                    Column::Open { reason, .. } => Cell { text: reason.clone(), source: None, key: None },
                })
                .collect();
            let keys: Vec<&str> = columns
                .iter()
                .zip(&cells)
                .filter(|(c, _)| matches!(c, Column::Advice { .. }))
                .filter_map(|(_, cell)| cell.key.as_deref())
                .collect();
            let differs = keys.windows(2).any(|w| w[0] != w[1]);
            Row { kind, label: kind.label(), cells, differs }
        })
        .collect()
}

/// The contact cell where the provider need not make contact.
pub const NO_CONTACT: &str = "Geen contact nodig";
/// The start of a cell whose guideline does not fit the situation.
pub const PAST_NIET: &str = "Past niet bij deze situatie";

fn cell(kind: RowKind, shared: &Shared, g: &Guideline, a: &Advice) -> Cell {
    let o = a.outcome.as_ref().expect("columns hold outcomes");
    match kind {
        RowKind::Uitkomst => Cell { key: None, ..outcome_cell(a, |o| o.title.clone()) },
        RowKind::VormVanRegie => Cell { key: None, ..outcome_cell(a, |o| o.regie.clone()) },
        RowKind::RegieBij => {
            let key = categorise(&shared.regie_bij, &o.owner).unwrap_or(&o.owner).to_string();
            Cell { key: Some(key), ..outcome_cell(a, |o| o.owner.clone()) }
        }
        RowKind::Aanbieder => provider_cell(a),
        RowKind::Contact => match &o.provider {
            Some(p) if p.answer == ContactAnswer::Nee => {
                Cell { text: NO_CONTACT.into(), source: deciding(a).or_else(|| o.sources.first().cloned()), key: Some(NO_CONTACT.into()) }
            }
            Some(p) => {
                let key = categorise_contact(&shared.contact, &p.text).map(str::to_string);
                let text = key.clone().unwrap_or_else(|| p.text.clone());
                Cell { text, source: deciding(a).or_else(|| o.sources.first().cloned()), key: key.or_else(|| Some(p.text.clone())) }
            }
            None => Cell { text: NO_PROVIDER.into(), source: None, key: None },
        },
        RowKind::Evaluatie => {
            let c = schedule_cell(g, a);
            Cell { key: Some(c.text.clone()), ..c }
        }
        RowKind::BeslissendeStap => deciding_cell(a),
    }
}

fn outcome_cell(a: &Advice, f: fn(&crate::engine::model::Outcome) -> String) -> Cell {
    let o = a.outcome.as_ref().expect("columns hold outcomes");
    Cell { text: f(o), source: o.sources.first().cloned(), key: None }
}

fn provider_cell(a: &Advice) -> Cell {
    let o = a.outcome.as_ref().expect("columns hold outcomes");
    match &o.provider {
        Some(p) => Cell {
            text: format!("{}: {}", p.answer.label(), p.text),
            source: deciding(a).or_else(|| o.sources.first().cloned()),
            key: Some(p.answer.label().to_string()),
        },
        None => Cell { text: NO_PROVIDER.into(), source: None, key: None },
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
        return Cell { text: NOT_NAMED.into(), source: None, key: None };
    }
    // The cadence's own passage; timelines and texts rest on the outcome's.
    let source = o.cadence.as_deref().and_then(|c| g.cadence(c)).map(|c| c.source.clone());
    Cell { text: parts.join(" "), source: source.or_else(|| o.sources.first().cloned()), key: None }
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
            key: None,
        },
        None => Cell { text: String::new(), source: None, key: None },
    }
}

fn deciding(a: &Advice) -> Option<Source> {
    a.trace.iter().rev().find(|s| s.rule.is_some()).map(|s| s.source.clone())
}
