//! "What does this change do?": the difference between two versions of a guideline, route by route.
//!
//! A rule owner who edits one branch, one cadence or one outcome text needs to see which answers now
//! get a different advice, not which lines of the file changed. So [`diff`] walks every route of the
//! old rules (every complete set of answers, [`paths`]), looks each one up in the new rules by its
//! answers and compares the two advices ([`advise`], dates for a sample start date): the outcome, its
//! regie, owner, intensity, the provider's answer (Ja/Nee/Mag) and text, the evaluation rhythm and the
//! dated schedule. Changed routes are grouped "bij deze antwoorden: was …, wordt …", with their count.
//! A gemeente's local variant against the regional guideline is the same comparison: its result is
//! the list of local departures.
//!
//! Matching a route: its identity is the answers (question → option) as the user gave them. Answers
//! to questions the new rules no longer have, or options they no longer offer, are dropped; the rest
//! is walked in the new rules ([`walk`]). Where the new rules then ask a question those answers do
//! not answer (a new question, one now asked on this route, or one whose old answer is gone), the
//! route splits: each way of answering it is compared, with the question named ([`Asked`]). New
//! routes that no old route leads to (through a new option) are listed apart ([`NewRoutes`]).
//!
//! Besides the routes: questions, options and outcomes added and removed, and the texts of questions,
//! outcomes and cadences that changed ([`TextChange`]; a changed action or title changes no route).
//! The engine has no clock: the dates are an input, so the same two files always give the same diff.

use crate::engine::advice::{advise, Dates, GuidelineRef};
use crate::engine::dates::Entry;
use crate::engine::map::Map;
use crate::engine::model::{ContactAnswer, DateField, Guideline, Outcome, Question};
use crate::engine::walk::{paths, walk, Answers, Position, MAX_PATHS};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// At most this many example routes per group in the text form ([`Diff`]'s `Display`); the JSON
/// form lists them all. Three show the pattern without burying the next group.
pub const EXAMPLE_ROUTES: usize = 3;

/// What changes between two versions of a guideline. Empty ([`Diff::is_empty`]) when no route's
/// advice, no question, option or outcome and no text changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The old version (id, region, document date, validity).
    pub old_version: GuidelineRef,
    /// The new version.
    pub new_version: GuidelineRef,
    /// The sample dates the schedules were computed for, by input key (`start` → `2026-01-31`).
    pub dates: Map<String, String>,
    /// Number of routes (complete sets of answers) of the old rules.
    pub routes_old: usize,
    /// Number of routes of the new rules.
    pub routes_new: usize,
    /// Old routes on which some aspect of the advice changes ([`Aspect`]).
    pub routes_changed: usize,
    /// Old routes on which the new rules ask a question the old answers do not answer.
    pub routes_split: usize,
    /// The changed routes, grouped by old outcome, then new outcome, what changes and the questions
    /// newly asked; in the order of the old and new outcomes in their files.
    pub changed: Vec<OutcomeGroup>,
    /// Routes of the new rules that no old route leads to (they take an option the old rules lack).
    pub new_routes: Vec<NewRoutes>,
    /// Question ids only the new rules have.
    pub added_questions: Vec<String>,
    /// Question ids only the old rules have.
    pub removed_questions: Vec<String>,
    /// Options only the new rules have, as `question.option` (for questions both versions have).
    pub added_options: Vec<String>,
    /// Options only the old rules have, as `question.option`.
    pub removed_options: Vec<String>,
    /// Outcome ids only the new rules have.
    pub added_outcomes: Vec<String>,
    /// Outcome ids only the old rules have.
    pub removed_outcomes: Vec<String>,
    /// Questions, outcomes and cadences both versions have whose texts or settings differ (a title,
    /// an action, a quote, a rhythm), with the fields that differ. A text change alone changes no
    /// route's outcome; a changed regie or cadence shows here and in the routes it changes.
    pub changed_texts: Vec<TextChange>,
    /// Every question id of both versions, in file order, new questions after the question before
    /// them in the new file: the order in which the text form (and a table) lists a route's answers.
    pub question_order: Vec<String>,
    /// One of the versions has more than [`MAX_PATHS`] routes: the routes were not compared (the
    /// lists of questions, options, outcomes and texts are complete).
    pub too_many_routes: bool,
}

/// One aspect of an advice that can change on a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Aspect {
    /// Another outcome (outcome id).
    Outcome,
    /// The regie form.
    Regie,
    /// Who holds the regie.
    Owner,
    /// The intensity.
    Intensity,
    /// The provider's plain answer (Ja / Nee / Mag).
    ProviderAnswer,
    /// What the provider does now.
    ProviderText,
    /// The evaluation rhythm in words (the cadence, its timelines or the text where no rhythm is dated).
    Cadence,
    /// The dated schedule for the sample dates (a date or the kind of moment).
    Dates,
}

impl Aspect {
    /// The Dutch word the text form uses.
    pub fn label(self) -> &'static str {
        match self {
            Aspect::Outcome => "uitkomst",
            Aspect::Regie => "regie",
            Aspect::Owner => "wie",
            Aspect::Intensity => "intensiteit",
            Aspect::ProviderAnswer => "antwoord zorgaanbieder",
            Aspect::ProviderText => "tekst zorgaanbieder",
            Aspect::Cadence => "evaluatieritme",
            Aspect::Dates => "data",
        }
    }
}

/// The advice on a route, as far as the diff compares it: the rendered outcome (placeholders
/// filled in) and its schedule for the sample dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutcomeSummary {
    /// Outcome id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Regie form.
    pub regie: String,
    /// Who holds the regie.
    pub owner: String,
    /// Intensity, where one applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intensity: Option<String>,
    /// The provider's plain answer, where the outcome has a provider block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<ContactAnswer>,
    /// What the provider does now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider_text: Option<String>,
    /// Id of the cadence, where the outcome has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<String>,
    /// The rhythm in words (cadence and timelines), then the outcome's `cadence_text`.
    pub rhythm: Vec<String>,
    /// The dated schedule for the sample dates.
    pub dates: Vec<Entry>,
}

/// Why the new rules ask a question on a route whose old answers do not answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AskReason {
    /// The question is new.
    NewQuestion,
    /// The question existed, but the old rules did not ask it on this route.
    NowAsked,
    /// The old route's answer to it is an option the new rules no longer have.
    AnswerRemoved,
}

/// A question the new rules ask on a route that its old answers do not answer (the route splits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Asked {
    /// The question id.
    pub question: String,
    /// Why the old answers do not answer it.
    pub reason: AskReason,
}

/// Routes with the same old advice, the same new advice and the same change: "bij deze antwoorden:
/// was …, wordt …".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeGroup {
    /// The advice under the old rules.
    pub was: OutcomeSummary,
    /// The advice under the new rules.
    pub becomes: OutcomeSummary,
    /// What differs between the two; empty when only a new question is asked ([`OutcomeGroup::asks`]).
    pub what: Vec<Aspect>,
    /// Questions the new rules ask on these routes that the old answers do not answer.
    pub asks: Vec<Asked>,
    /// The routes: the old answers as the user gave them, plus the answers to the questions in `asks`.
    pub routes: Vec<Answers>,
    /// Number of routes.
    pub count: usize,
}

/// Routes only the new rules have, with the same advice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewRoutes {
    /// The options these routes take that the old rules lack, as `question.option`.
    pub via: Vec<String>,
    /// The advice under the new rules.
    pub becomes: OutcomeSummary,
    /// The routes' answers.
    pub routes: Vec<Answers>,
    /// Number of routes.
    pub count: usize,
}

/// What kind of element a [`TextChange`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A question (its options included).
    Question,
    /// An outcome.
    Outcome,
    /// A cadence.
    Cadence,
}

/// A question, outcome or cadence in both versions whose fields differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextChange {
    /// Question, outcome or cadence.
    pub kind: NodeKind,
    /// Its id.
    pub id: String,
    /// The fields that differ, named as in the rule file (`title`, `actions`, `provider.text`; an
    /// option's as `options.<id>.label`; `options.<id>.branches` for the texts of its rules).
    pub fields: Vec<String>,
}

impl Diff {
    /// True when nothing changed: every route gives the same advice, no question, option or outcome
    /// was added or removed and no text changed. False when the routes could not be compared.
    pub fn is_empty(&self) -> bool {
        !self.too_many_routes
            && self.changed.is_empty()
            && self.new_routes.is_empty()
            && self.added_questions.is_empty()
            && self.removed_questions.is_empty()
            && self.added_options.is_empty()
            && self.removed_options.is_empty()
            && self.added_outcomes.is_empty()
            && self.removed_outcomes.is_empty()
            && self.changed_texts.is_empty()
    }

    /// The readable Dutch form (the same as `Display`).
    pub fn text(&self) -> String {
        self.to_string()
    }
}

/// Compares every route of `old` with the same answers in `new` (see the module doc), with the
/// schedules computed for `dates` (a sample start date, and where wanted an end date or others).
/// A date field that does not pass [`Dates::check`] is not used (its dates are then not compared);
/// the peildatum is never used. Neither guideline needs to be valid, but the routes of an invalid
/// one may be incomplete.
pub fn diff(old: &Guideline, new: &Guideline, dates: &Dates) -> Diff {
    let dates = usable(dates);
    let mut d = Diff {
        old_version: GuidelineRef::of(old),
        new_version: GuidelineRef::of(new),
        dates: DateField::ALL.iter().filter_map(|f| Some((f.key().to_string(), dates.get(*f)?.to_string()))).collect(),
        routes_old: 0,
        routes_new: 0,
        routes_changed: 0,
        routes_split: 0,
        changed: Vec::new(),
        new_routes: Vec::new(),
        added_questions: only_in(&new.questions, &old.questions, |q| &q.id),
        removed_questions: only_in(&old.questions, &new.questions, |q| &q.id),
        added_options: options_only_in(new, old),
        removed_options: options_only_in(old, new),
        added_outcomes: only_in(&new.outcomes, &old.outcomes, |o| &o.id),
        removed_outcomes: only_in(&old.outcomes, &new.outcomes, |o| &o.id),
        changed_texts: text_changes(old, new),
        question_order: question_order(old, new),
        too_many_routes: false,
    };
    let (Ok(old_routes), Ok(new_routes)) = (paths(old), paths(new)) else {
        d.too_many_routes = true;
        return d;
    };
    d.routes_old = old_routes.len();
    d.routes_new = new_routes.len();
    // The new routes (their answers on the path) some old route leads to.
    let mut covered: BTreeSet<Vec<(String, String)>> = BTreeSet::new();
    for (answers, _) in &old_routes {
        let Some((was, _)) = summary(old, answers, &dates) else { continue };
        let mut kept = answers.clone();
        kept.retain(|q, o| new.question(q).is_some_and(|nq| nq.options.iter().any(|c| &c.id == o)));
        let (mut changed, mut split) = (false, false);
        for route in matched(new, &kept) {
            let Some((becomes, key)) = summary(new, &route, &dates) else { continue };
            covered.insert(key);
            let mut asks: Vec<Asked> = route
                .keys()
                .filter(|q| !kept.contains_key(*q))
                .map(|q| Asked { question: q.clone(), reason: ask_reason(old, answers, q) })
                .collect();
            asks.sort_by_key(|a| new.questions.iter().position(|q| q.id == a.question));
            let what = aspects(&was, &becomes);
            if what.is_empty() && asks.is_empty() {
                continue;
            }
            changed |= !what.is_empty();
            split |= !asks.is_empty();
            let mut shown = answers.clone();
            for a in &asks {
                if let Some(o) = route.get(&a.question) {
                    shown.insert(a.question.clone(), o.clone());
                }
            }
            match d.changed.iter_mut().find(|g| g.was == was && g.becomes == becomes && g.what == what && g.asks == asks) {
                Some(g) => {
                    g.routes.push(shown);
                    g.count += 1;
                }
                None => d.changed.push(OutcomeGroup { was: was.clone(), becomes, what, asks, routes: vec![shown], count: 1 }),
            }
        }
        d.routes_changed += usize::from(changed);
        d.routes_split += usize::from(split);
    }
    for (answers, _) in &new_routes {
        let key: Vec<(String, String)> = answers.iter().map(|(q, o)| (q.clone(), o.clone())).collect();
        if covered.contains(&key) {
            continue;
        }
        let Some((becomes, _)) = summary(new, answers, &dates) else { continue };
        let via: Vec<String> = answers
            .iter()
            .filter(|(q, o)| old.question(q).is_some_and(|oq| !oq.options.iter().any(|c| &c.id == *o)))
            .map(|(q, o)| format!("{q}.{o}"))
            .collect();
        match d.new_routes.iter_mut().find(|g| g.via == via && g.becomes == becomes) {
            Some(g) => {
                g.routes.push(answers.clone());
                g.count += 1;
            }
            None => d.new_routes.push(NewRoutes { via, becomes, routes: vec![answers.clone()], count: 1 }),
        }
    }
    let rank = |g: &Guideline, id: &str| g.outcomes.iter().position(|o| o.id == id).unwrap_or(g.outcomes.len());
    d.changed.sort_by_key(|g| (rank(old, &g.was.id), rank(new, &g.becomes.id)));
    d.new_routes.sort_by_key(|g| rank(new, &g.becomes.id));
    d
}

/// `dates` without the peildatum and without any field that does not parse.
fn usable(dates: &Dates) -> Dates {
    let mut out = Dates::default();
    for f in DateField::ALL {
        if let Some(v) = dates.get(f) {
            let mut one = Dates::default();
            one.set(f, v.to_string());
            if one.check().is_ok() {
                out.set(f, v.to_string());
            }
        }
    }
    out
}

/// The routes of `g` that `answers` lead to: the one route they complete, or, where `g` asks a
/// question they leave open, every route that extends them (in [`paths`]' order).
fn matched(g: &Guideline, answers: &Answers) -> Vec<Answers> {
    let mut done = Vec::new();
    let mut todo = vec![answers.clone()];
    while let Some(a) = todo.pop() {
        let Ok(w) = walk(g, &a) else { continue };
        match w.position {
            Position::Outcome(_) => done.push(a),
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
            break;
        }
    }
    done
}

/// The advice of `answers` in `g` as the diff compares it, and the route's answers on its path
/// (the key that identifies the route among [`paths`]). `None` when no outcome is reached.
fn summary(g: &Guideline, answers: &Answers, dates: &Dates) -> Option<(OutcomeSummary, Vec<(String, String)>)> {
    let a = advise(g, answers, dates).ok()?;
    let o: Outcome = a.outcome?;
    let mut key: Vec<(String, String)> = a.trace.into_iter().map(|s| (s.question, s.answer)).collect();
    key.sort();
    let (mut rhythm, entries) = match a.schedule {
        Some(s) => (s.rhythm, s.entries),
        None => (Vec::new(), Vec::new()),
    };
    rhythm.extend(o.cadence_text);
    let (provider, provider_text) = match o.provider {
        Some(p) => (Some(p.answer), Some(p.text)),
        None => (None, None),
    };
    let s = OutcomeSummary {
        id: o.id,
        title: o.title,
        regie: o.regie,
        owner: o.owner,
        intensity: o.intensity,
        provider,
        provider_text,
        cadence: o.cadence,
        rhythm,
        dates: entries,
    };
    Some((s, key))
}

/// The aspects in which two advices differ, in [`Aspect`] order.
fn aspects(a: &OutcomeSummary, b: &OutcomeSummary) -> Vec<Aspect> {
    let dated = |s: &OutcomeSummary| s.dates.iter().map(|e| (e.date.clone(), e.kind)).collect::<Vec<_>>();
    [
        (Aspect::Outcome, a.id != b.id),
        (Aspect::Regie, a.regie != b.regie),
        (Aspect::Owner, a.owner != b.owner),
        (Aspect::Intensity, a.intensity != b.intensity),
        (Aspect::ProviderAnswer, a.provider != b.provider),
        (Aspect::ProviderText, a.provider_text != b.provider_text),
        (Aspect::Cadence, a.cadence != b.cadence || a.rhythm != b.rhythm),
        (Aspect::Dates, dated(a) != dated(b)),
    ]
    .into_iter()
    .filter_map(|(aspect, differs)| differs.then_some(aspect))
    .collect()
}

/// Why the old route (`answers` in `old`) does not answer `question`, which the new rules ask.
fn ask_reason(old: &Guideline, answers: &Answers, question: &str) -> AskReason {
    if old.question(question).is_none() {
        AskReason::NewQuestion
    } else if answers.contains_key(question) {
        AskReason::AnswerRemoved
    } else {
        AskReason::NowAsked
    }
}

/// Ids of `a`'s items that `b` lacks, in `a`'s order.
fn only_in<T>(a: &[T], b: &[T], id: impl Fn(&T) -> &String) -> Vec<String> {
    a.iter().filter(|x| !b.iter().any(|y| id(y) == id(x))).map(|x| id(x).clone()).collect()
}

/// `question.option` for each option of `a` that the same question in `b` lacks.
fn options_only_in(a: &Guideline, b: &Guideline) -> Vec<String> {
    let mut out = Vec::new();
    for q in &a.questions {
        let Some(other) = b.question(&q.id) else { continue };
        out.extend(only_in(&q.options, &other.options, |c| &c.id).into_iter().map(|o| format!("{}.{o}", q.id)));
    }
    out
}

/// Every question id of both versions: the old file's order, each new question after the question
/// before it in the new file.
fn question_order(old: &Guideline, new: &Guideline) -> Vec<String> {
    let mut order: Vec<String> = old.questions.iter().map(|q| q.id.clone()).collect();
    let mut after: Option<usize> = None;
    for q in &new.questions {
        match order.iter().position(|id| *id == q.id) {
            Some(i) => after = Some(i),
            None => {
                let at = after.map_or(0, |i| i + 1);
                order.insert(at, q.id.clone());
                after = Some(at);
            }
        }
    }
    order
}

/// The changed fields of every question, outcome and cadence both versions have.
fn text_changes(old: &Guideline, new: &Guideline) -> Vec<TextChange> {
    let mut out = Vec::new();
    let mut push = |kind: NodeKind, id: &str, fields: Vec<String>| {
        if !fields.is_empty() {
            out.push(TextChange { kind, id: id.to_string(), fields });
        }
    };
    for q in &old.questions {
        if let Some(n) = new.question(&q.id) {
            push(NodeKind::Question, &q.id, question_fields(q, n));
        }
    }
    for o in &old.outcomes {
        if let Some(n) = new.outcome(&o.id) {
            push(NodeKind::Outcome, &o.id, outcome_fields(o, n));
        }
    }
    for c in &old.cadences {
        if let Some(n) = new.cadence(&c.id) {
            let fields = [
                ("label", c.label != n.label),
                ("first_review", c.first_review != n.first_review),
                ("first_year_every", c.first_year_every != n.first_year_every),
                ("year_review", c.year_review != n.year_review),
                ("after_first_year_every", c.after_first_year_every != n.after_first_year_every),
                ("days_before_end", c.days_before_end != n.days_before_end),
                ("continuation_every", c.continuation_every != n.continuation_every),
                ("form_decided_by", c.form_decided_by != n.form_decided_by),
                ("later_form_decided_by", c.later_form_decided_by != n.later_form_decided_by),
                ("source", c.source != n.source),
                ("interpretations", c.interpretations != n.interpretations),
            ];
            push(NodeKind::Cadence, &c.id, names(&fields));
        }
    }
    out
}

/// The names of the fields marked as differing.
fn names(fields: &[(&str, bool)]) -> Vec<String> {
    fields.iter().filter(|(_, differs)| *differs).map(|(name, _)| name.to_string()).collect()
}

/// The differing fields of an outcome in both versions.
fn outcome_fields(o: &Outcome, n: &Outcome) -> Vec<String> {
    let answer = |x: &Outcome| x.provider.as_ref().map(|p| p.answer);
    let text = |x: &Outcome| x.provider.as_ref().map(|p| p.text.clone());
    names(&[
        ("short", o.short != n.short),
        ("title", o.title != n.title),
        ("regie", o.regie != n.regie),
        ("owner", o.owner != n.owner),
        ("intensity", o.intensity != n.intensity),
        ("intensity_is_suggestion", o.intensity_is_suggestion != n.intensity_is_suggestion),
        ("cadence", o.cadence != n.cadence),
        ("cadence_text", o.cadence_text != n.cadence_text),
        ("timelines", o.timelines != n.timelines),
        ("details", o.details != n.details),
        ("actions", o.actions != n.actions),
        ("provider.answer", answer(o) != answer(n)),
        ("provider.text", text(o) != text(n)),
        ("notes", o.notes != n.notes),
        ("sources", o.sources != n.sources),
        ("interpretations", o.interpretations != n.interpretations),
    ])
}

/// The differing texts of a question in both versions, its options' included. Where an answer
/// leads (`goto`, a branch's target and condition) is not a text: the routes show it.
fn question_fields(q: &Question, n: &Question) -> Vec<String> {
    let mut out = names(&[
        ("short", q.short != n.short),
        ("text", q.text != n.text),
        ("help", q.help != n.help),
        ("source", q.source != n.source),
        ("interpretation", q.interpretation != n.interpretation),
        ("unknown", q.unknown != n.unknown),
    ]);
    for c in &q.options {
        let Some(m) = n.options.iter().find(|m| m.id == c.id) else { continue };
        // A branch's texts: its rule, source, interpretation and the values it sets.
        let texts = |x: &crate::engine::model::Choice| {
            x.branches.iter().map(|b| (b.rule.clone(), b.source.clone(), b.interpretation.clone(), b.sets.clone())).collect::<Vec<_>>()
        };
        let fields = [
            ("label", c.label != m.label),
            ("short", c.short != m.short),
            ("help", c.help != m.help),
            ("sets", c.sets != m.sets),
            ("notes", c.notes != m.notes),
            ("branches", texts(c) != texts(m)),
        ];
        out.extend(fields.iter().filter(|(_, differs)| *differs).map(|(name, _)| format!("options.{}.{name}", c.id)));
    }
    out
}

/// The Dutch name of a rule-file field in the text form.
fn field_label(field: &str) -> String {
    if let Some(rest) = field.strip_prefix("options.") {
        let (option, name) = rest.rsplit_once('.').unwrap_or((rest, ""));
        return format!("antwoord {option}: {}", field_label(name));
    }
    match field {
        "short" => "korte naam",
        "text" => "vraagtekst",
        "help" => "toelichting",
        "source" | "sources" => "bron",
        "interpretation" | "interpretations" => "interpretatie",
        "unknown" => "weet ik niet",
        "label" => "tekst",
        "sets" => "ingevulde waarden",
        "notes" => "opmerkingen",
        "branches" => "regels",
        "title" => "titel",
        "regie" => "regie",
        "owner" => "wie",
        "intensity" => "intensiteit",
        "intensity_is_suggestion" => "intensiteit als suggestie",
        "cadence" => "evaluatieritme",
        "cadence_text" => "evaluatie in woorden",
        "timelines" => "termijnen",
        "details" => "gegevens",
        "actions" => "acties",
        "provider.answer" => "antwoord zorgaanbieder",
        "provider.text" => "tekst zorgaanbieder",
        "first_review" => "eerste evaluatie",
        "first_year_every" => "ritme eerste jaar",
        "year_review" => "evaluatie na een jaar",
        "after_first_year_every" => "ritme na het eerste jaar",
        "days_before_end" => "dagen voor het einde",
        "continuation_every" => "ritme bij voortzetting",
        "form_decided_by" => "wie bepaalt de vorm",
        "later_form_decided_by" => "wie bepaalt later de vorm",
        other => other,
    }
    .to_string()
}

/// "routes" or "route".
fn routes(n: usize) -> String {
    if n == 1 {
        "1 route".to_string()
    } else {
        format!("{n} routes")
    }
}

impl Diff {
    /// A route's answers as `vraag=antwoord`, in [`Diff::question_order`].
    fn route_text(&self, a: &Answers) -> String {
        let rank = |q: &str| self.question_order.iter().position(|x| x == q).unwrap_or(self.question_order.len());
        let mut pairs: Vec<(&String, &String)> = a.iter().collect();
        pairs.sort_by_key(|(q, _)| rank(q));
        pairs.iter().map(|(q, o)| format!("{q}={o}")).collect::<Vec<_>>().join(", ")
    }

    /// The lines "bij deze antwoorden: …" for at most [`EXAMPLE_ROUTES`] routes, and how many more.
    fn examples(&self, f: &mut fmt::Formatter<'_>, all: &[Answers]) -> fmt::Result {
        for r in all.iter().take(EXAMPLE_ROUTES) {
            writeln!(f, "  bij deze antwoorden: {}", self.route_text(r))?;
        }
        if all.len() > EXAMPLE_ROUTES {
            writeln!(f, "  … en nog {}", routes(all.len() - EXAMPLE_ROUTES))?;
        }
        Ok(())
    }
}

/// "titel (id)".
fn named(s: &OutcomeSummary) -> String {
    format!("{} ({})", s.title, s.id)
}

/// The line saying how `aspect` differs between `was` and `becomes`; `None` for the outcome itself
/// (the group's heading names both).
fn detail(aspect: Aspect, was: &OutcomeSummary, becomes: &OutcomeSummary) -> Option<String> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "geen".to_string());
    let answer = |v: Option<ContactAnswer>| v.map_or("geen", ContactAnswer::label).to_string();
    let (a, b) = match aspect {
        Aspect::Outcome => return None,
        Aspect::Regie => (was.regie.clone(), becomes.regie.clone()),
        Aspect::Owner => (was.owner.clone(), becomes.owner.clone()),
        Aspect::Intensity => (opt(&was.intensity), opt(&becomes.intensity)),
        Aspect::ProviderAnswer => (answer(was.provider), answer(becomes.provider)),
        Aspect::ProviderText => (opt(&was.provider_text), opt(&becomes.provider_text)),
        Aspect::Cadence => first_difference(&was.rhythm, &becomes.rhythm, String::clone),
        Aspect::Dates => first_difference(&was.dates, &becomes.dates, |e| format!("{} ({})", e.date_nl, entry_kind(e))),
    };
    Some(format!("{}: was «{a}», wordt «{b}»", aspect.label()))
}

/// The first item where two lists differ, each as text ("geen" past a list's end).
fn first_difference<T: PartialEq>(a: &[T], b: &[T], show: impl Fn(&T) -> String) -> (String, String) {
    let at = a.iter().zip(b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let item = |l: &[T]| l.get(at).map_or_else(|| "geen".to_string(), &show);
    (item(a), item(b))
}

/// The kind of a schedule entry in Dutch.
fn entry_kind(e: &Entry) -> &'static str {
    use crate::engine::dates::EntryKind;
    match e.kind {
        EntryKind::Tussenevaluatie => "tussenevaluatie",
        EntryKind::Evaluatie => "evaluatie",
        EntryKind::Evaluatiegesprek => "evaluatiegesprek",
        EntryKind::Moment => "moment",
    }
}

impl fmt::Display for Diff {
    /// The readable Dutch form: the count of changed routes, then each group "Was: … → wordt: …"
    /// with what changes and a few example routes, then questions, options and outcomes added and
    /// removed, new routes and changed texts.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.too_many_routes {
            writeln!(f, "Te veel routes om te vergelijken (meer dan {MAX_PATHS}); alleen vragen, antwoorden, uitkomsten en teksten zijn vergeleken.")?;
        } else if self.is_empty() {
            writeln!(f, "Geen verschil: alle {} geven hetzelfde advies.", routes(self.routes_old))?;
        } else {
            let verb = if self.routes_changed == 1 { "geeft" } else { "geven" };
            write!(f, "{} van {} {verb} een ander advies.", self.routes_changed, routes(self.routes_old))?;
            if self.routes_split > 0 {
                write!(f, " Op {} stelt de nieuwe versie een vraag die de oude antwoorden niet beantwoorden.", routes(self.routes_split))?;
            }
            let fresh: usize = self.new_routes.iter().map(|g| g.count).sum();
            if fresh > 0 {
                write!(f, " {} nieuw (via een nieuw antwoord).", routes(fresh))?;
            }
            writeln!(f)?;
        }
        let version = |v: &GuidelineRef| format!("{} ({}, {})", v.id, v.region, v.version());
        writeln!(f, "Oud: {}\nNieuw: {}", version(&self.old_version), version(&self.new_version))?;
        if !self.dates.is_empty() {
            let d: Vec<String> = DateField::ALL.iter().filter_map(|f| Some(format!("{} {}", f.key(), self.dates.get(f.key())?))).collect();
            writeln!(f, "Data berekend voor: {}", d.join(", "))?;
        }
        let list = |f: &mut fmt::Formatter<'_>, label: &str, ids: &[String]| -> fmt::Result {
            if ids.is_empty() {
                return Ok(());
            }
            writeln!(f, "{label}: {}", ids.join(", "))
        };
        if !(self.added_questions.is_empty()
            && self.removed_questions.is_empty()
            && self.added_options.is_empty()
            && self.removed_options.is_empty()
            && self.added_outcomes.is_empty()
            && self.removed_outcomes.is_empty())
        {
            writeln!(f)?;
        }
        list(f, "Nieuwe vragen", &self.added_questions)?;
        list(f, "Vervallen vragen", &self.removed_questions)?;
        list(f, "Nieuwe antwoorden", &self.added_options)?;
        list(f, "Vervallen antwoorden", &self.removed_options)?;
        list(f, "Nieuwe uitkomsten", &self.added_outcomes)?;
        list(f, "Vervallen uitkomsten", &self.removed_outcomes)?;
        for g in &self.changed {
            writeln!(f, "\nWas: {} → wordt: {} ({})", named(&g.was), named(&g.becomes), routes(g.count))?;
            if g.what.is_empty() {
                writeln!(f, "  verandert: niets aan het advies")?;
            } else {
                let what: Vec<&str> = g.what.iter().map(|a| a.label()).collect();
                writeln!(f, "  verandert: {}", what.join(", "))?;
            }
            for line in g.what.iter().filter_map(|a| detail(*a, &g.was, &g.becomes)) {
                writeln!(f, "  {line}")?;
            }
            for a in &g.asks {
                let why = match a.reason {
                    AskReason::NewQuestion => "nieuwe vraag",
                    AskReason::NowAsked => "nu ook gevraagd",
                    AskReason::AnswerRemoved => "oud antwoord vervallen, opnieuw gevraagd",
                };
                writeln!(f, "  {why}: {}", a.question)?;
            }
            self.examples(f, &g.routes)?;
        }
        for g in &self.new_routes {
            writeln!(f, "\nNieuw: {} ({})", named(&g.becomes), routes(g.count))?;
            if !g.via.is_empty() {
                writeln!(f, "  via nieuw antwoord: {}", g.via.join(", "))?;
            }
            self.examples(f, &g.routes)?;
        }
        if !self.changed_texts.is_empty() {
            writeln!(f, "\nTekst gewijzigd:")?;
            for t in &self.changed_texts {
                let kind = match t.kind {
                    NodeKind::Question => "vraag",
                    NodeKind::Outcome => "uitkomst",
                    NodeKind::Cadence => "evaluatieritme",
                };
                let fields: Vec<String> = t.fields.iter().map(|x| field_label(x)).collect();
                writeln!(f, "  {kind} {}: {}", t.id, fields.join(", "))?;
            }
        }
        Ok(())
    }
}
