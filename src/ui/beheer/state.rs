//! The state of the rule owner's page (`beheer.html`) and its one reducer. Plain Rust, no Yew types,
//! tested natively in `tests/beheer_state.rs`.
//!
//! The page edits one guideline in forms. Every edit is an [`Edit`]: it names the element and field
//! by index and carries the new value as text, so the forms stay dumb and the reducer is the one place
//! that knows how a field is written into the model (a span "3 months", a provider answer "ja", an
//! empty help text as `None`). The reducer keeps every earlier version for undo and redo, and after
//! each change runs the engine's own checks on the edited rules: the load-time validation with the
//! file's test cases ([`validate`]) at once and, when the structure is sound, the audit of
//! `regiewijzer check` with the guideline text ([`audit`]) just after ([`Action::Audit`]). The diff against the version opened ([`diff`]) runs only when
//! asked: on the largest guideline it takes about a second.

use crate::engine::audit::{audit, squash};
use crate::engine::error::ErrorKind;
use crate::engine::map::Map;
use crate::engine::model::{
    Branch, Cadence, Choice, ContactAnswer, DateField, Detail, Guideline, Interpretation, InterpretationKind, NotModelled, Outcome,
    ProviderContact, Question, Source, Span, TestCase, Timeline, TimelineItem, Unknown, MAX_QUOTE_CHARS,
};
use crate::engine::{diff, validate, Dates, Diff};
use std::rc::Rc;

/// The element shown in the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    /// Version, validity and the guideline's names.
    Version,
    /// A question, by index.
    Question(usize),
    /// An outcome, by index.
    Outcome(usize),
    /// An evaluation rhythm, by index.
    Cadence(usize),
    /// A test case, by index.
    Case(usize),
    /// The document's headings and the passages deliberately not modelled.
    Headings,
}

/// Up or down in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// One place earlier.
    Up,
    /// One place later.
    Down,
}

/// A field of the guideline itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meta {
    /// The id (a gemeente's own file needs its own).
    Id,
    /// The region's name.
    Region,
    /// The document's title.
    Title,
    /// The version as the document names it (`document_date`).
    Version,
    /// First day of validity, `JJJJ-MM-DD`.
    ValidFrom,
    /// Last day of validity (empty: none).
    ValidUntil,
    /// How the validity was read.
    ValidityNote,
}

/// A field of a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QField {
    /// The legend.
    Text,
    /// The short label in the schema.
    Short,
    /// Extra guidance (empty: none).
    Help,
    /// The "weet ik niet" text (empty: the question has no "weet ik niet").
    Unknown,
    /// The source heading.
    Heading,
    /// The verbatim quote.
    Quote,
    /// The interpretation mark's kind: `""`, `interpretatie` or `niet_eenduidig`.
    InterpretationKind,
    /// The interpretation mark's text.
    InterpretationText,
}

/// A field of an answer option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CField {
    /// The radio button's label.
    Label,
    /// The edge label in the schema.
    Short,
    /// Extra guidance (empty: none).
    Help,
    /// Where it leads: a question or outcome id.
    Goto,
}

/// A field of a rule (branch) of an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BField {
    /// Where the rule leads.
    Goto,
    /// The rule in words.
    Rule,
    /// The heading of the rule's own source (with the quote empty too: the question's source counts).
    Heading,
    /// The verbatim quote of the rule's own source.
    Quote,
}

/// A single field of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OField {
    /// Headline.
    Title,
    /// Label in the schema.
    Short,
    /// Regie form.
    Regie,
    /// Who holds the regie.
    Owner,
    /// Intensity (empty: none).
    Intensity,
    /// The provider's answer: `""` (no provider block), `ja`, `nee` or `mag`.
    Provider,
    /// What the provider does.
    ProviderText,
    /// The cadence id (empty: none).
    Cadence,
    /// The rhythm in words where none is dated (empty: none).
    CadenceText,
}

/// A list of an outcome whose items are edited one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OList {
    /// The actions, in order.
    Action,
    /// Points of attention.
    Note,
    /// A source's heading (adding or removing one adds or removes the source).
    Heading,
    /// A source's quote.
    Quote,
    /// An interpretation mark's text.
    InterpretationText,
    /// An interpretation mark's kind (`interpretatie` or `niet_eenduidig`).
    InterpretationKind,
    /// A further fact's label ("Verwachte duur"; adding or removing one adds or removes the fact).
    DetailLabel,
    /// A further fact's value.
    DetailValue,
}

/// A field of a dated moment of an outcome's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LField {
    /// How long after the timeline's date, written as a span ("24 hours").
    After,
    /// `true` or `false`: hours on Saturday and Sunday do not count.
    SkipWeekends,
    /// What happens then.
    What,
}

/// A list of the guideline itself, edited item by item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DList {
    /// A heading of the document (renaming one renames it in every source and skip that names it,
    /// also as the first part of "Heading — Sub-heading").
    Heading,
    /// The heading of a passage deliberately not modelled (adding or removing one adds or removes it).
    SkipHeading,
    /// Why that passage is not modelled.
    SkipReason,
}

/// A field of an evaluation rhythm. Spans are written "3 months", "6 weeks", "1 years", "24 hours".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KField {
    /// Its name.
    Label,
    /// The first talk after the start.
    FirstReview,
    /// The rhythm in the first year (empty: none).
    FirstYearEvery,
    /// `true` or `false`: a review one year after the start.
    YearReview,
    /// The rhythm after the first year.
    AfterFirstYearEvery,
    /// Days before the end for the evaluatiegesprek.
    DaysBeforeEnd,
    /// The rhythm on continuation.
    ContinuationEvery,
    /// Who decides the form.
    FormDecidedBy,
    /// Who decides the later form (empty: the same).
    LaterFormDecidedBy,
    /// The source heading.
    Heading,
    /// The verbatim quote.
    Quote,
}

/// A field of a test case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TField {
    /// Its name.
    Name,
    /// The situation as a trainee reads it.
    Situation,
    /// The expected outcome id.
    Outcome,
    /// The expected provider answer (`""`: not checked).
    Provider,
    /// The expected intensity (`""`: not checked).
    Intensity,
    /// Where in the document the expectation is read.
    Because,
}

/// One change to the rules. Indices are positions in the file's lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A field of the guideline.
    Meta(Meta, String),
    /// A field of question `q`.
    Question(usize, QField, String),
    /// A field of option `c` of question `q`.
    Choice(usize, usize, CField, String),
    /// A field of rule `b` of option `c` of question `q`.
    Branch(usize, usize, usize, BField, String),
    /// A new option at the end of question `q`.
    AddChoice(usize),
    /// Removes option `c` of question `q`.
    RemoveChoice(usize, usize),
    /// Moves option `c` of question `q`.
    MoveChoice(usize, usize, Move),
    /// A new rule with a condition for option `c` of question `q` ("leidt naar … als een eerder
    /// antwoord … is"; a gemeente variant is a condition on the gemeente question). It leads where
    /// the option led and looks at the first earlier question ([`earlier`]) and its first answer; an
    /// option that led straight to a node gets a last rule without condition to that node too.
    AddRule(usize, usize),
    /// Removes rule `b` of option `c` of question `q`. When one rule without a condition (and without
    /// its own source, mark or placeholders) is left, the option leads straight to its node again.
    RemoveRule(usize, usize, usize),
    /// Moves rule `b` of option `c` of question `q` (the first rule that matches decides).
    MoveRule(usize, usize, usize, Move),
    /// Rule `b` of option `c` of question `q` applies when question `.3` was answered with one of
    /// `.4` (at least one); replaces the options of a condition on that question or adds one.
    When(usize, usize, usize, String, Vec<String>),
    /// The condition of rule `b` on question `.3` now looks at question `.4` (its first answer).
    WhenQuestion(usize, usize, usize, String, String),
    /// A further condition for rule `b`: on the first earlier question it does not look at yet.
    AddCondition(usize, usize, usize),
    /// Removes the condition of rule `b` on question `.3`.
    RemoveCondition(usize, usize, usize, String),
    /// A field of outcome `o`.
    Outcome(usize, OField, String),
    /// Item `i` of a list of outcome `o`.
    OutcomeItem(usize, OList, usize, String),
    /// A new item at the end of a list of outcome `o`.
    AddItem(usize, OList),
    /// Removes item `i` of a list of outcome `o`.
    RemoveItem(usize, OList, usize),
    /// Moves item `i` of a list of outcome `o`.
    MoveItem(usize, OList, usize, Move),
    /// A field of cadence `k`.
    Cadence(usize, KField, String),
    /// A field of test case `t`.
    Case(usize, TField, String),
    /// Test case `t` answers question `q` with option `o` (`o` empty: the answer is removed).
    CaseAnswer(usize, String, String),
    /// A new test case (a copy of the one selected, or an empty one).
    AddCase,
    /// Removes test case `t`.
    RemoveCase(usize),
    /// A new question (not yet reachable: an option must lead to it).
    AddQuestion,
    /// A new outcome (not yet reachable).
    AddOutcome,
    /// A new evaluation rhythm (a copy of the first, under a new id and name).
    AddCadence,
    /// Removes evaluation rhythm `k` (an outcome that names it then shows as a problem).
    RemoveCadence(usize),
    /// Removes question `q` (what led to it then shows as a problem).
    RemoveQuestion(usize),
    /// Removes outcome `o`.
    RemoveOutcome(usize),
    /// Timeline `t` of outcome `o` counts from the date field with this key (`start`, `birth`, …).
    TimelineFrom(usize, usize, String),
    /// A field of moment `i` of timeline `t` of outcome `o`.
    TimelineItem(usize, usize, usize, LField, String),
    /// A new timeline for outcome `o` (from the start date, with one moment).
    AddTimeline(usize),
    /// Removes timeline `t` of outcome `o`.
    RemoveTimeline(usize, usize),
    /// A new moment at the end of timeline `t` of outcome `o`.
    AddMoment(usize, usize),
    /// Removes moment `i` of timeline `t` of outcome `o` (the last one removes the timeline).
    RemoveMoment(usize, usize, usize),
    /// Item `i` of a list of the guideline.
    DocItem(DList, usize, String),
    /// A new item at the end of a list of the guideline (a skip: for the heading given, else empty).
    AddDocItem(DList, String),
    /// Removes item `i` of a list of the guideline.
    RemoveDocItem(DList, usize),
    /// Moves item `i` of a list of the guideline.
    MoveDocItem(DList, usize, Move),
    /// A new id for question `q`, and for every reference to it: the start, where answers lead,
    /// conditions and the test cases' answers.
    RenameQuestion(usize, String),
    /// A new id for option `c` of question `q`, also in conditions and the test cases' answers.
    RenameChoice(usize, usize, String),
    /// A new id for outcome `o`, also where answers lead and what test cases expect.
    RenameOutcome(usize, String),
    /// A new id for cadence `k`, also in the outcomes that name it.
    RenameCadence(usize, String),
}

/// What the page can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A rule file was read: its JSON, the guideline text when there is one, and where it came from.
    Open {
        /// The rule file's JSON.
        json: String,
        /// The guideline text kept beside it.
        text: Option<String>,
        /// Where it came from, for the notice ("Westfriesland (ingebouwd)", a file name).
        name: String,
    },
    /// Opening failed: the Dutch reason.
    Failed(String),
    /// Show this element in the form.
    Select(Sel),
    /// Show the element an id names (`question`, `question.option`, `question.option#2`,
    /// `cadence:<id>`, an outcome id or a test case's name).
    Goto(String),
    /// Change the rules.
    Edit(Edit),
    /// Back to the rules before the last change.
    Undo,
    /// The change undone last, again.
    Redo,
    /// Which source of the element shown takes a selection from the text (its index).
    Slot(usize),
    /// The text selected in the guideline text becomes the quote of the element shown.
    UseQuote(String),
    /// The sample start date for the diff (`JJJJ-MM-DD`).
    SetStart(String),
    /// Compare the edited rules with the version opened.
    RunDiff,
    /// The rule file was downloaded: no warning before leaving until the next change.
    Saved,
    /// Compare two rule files ("Twee regelbestanden vergelijken"), apart from the file being edited:
    /// every route of the old one against the new one, as [`Action::RunDiff`] does.
    Compare {
        /// The old file's JSON.
        old: String,
        /// The new file's JSON.
        new: String,
        /// The old file's name, for the heading and the refusal.
        old_name: String,
        /// The new file's name.
        new_name: String,
        /// The sample start date for the schedules (`JJJJ-MM-DD`).
        start: String,
    },
    /// The two files could not be read for [`Action::Compare`]: the Dutch reason.
    CompareFailed(String),
    /// Run the audit for this revision of the rules. An edit runs the validation and the test cases
    /// at once; the audit walks every route (a third of a second natively for the largest guideline,
    /// half a second in the browser), so the page asks for it just after it has shown the edit, and an
    /// audit asked for an older revision is skipped.
    Audit(u64),
}

/// One line of the validation list: the Dutch sentence and the element at fault, where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in Dutch, naming the id.
    pub text: String,
    /// The element to show.
    pub at: Option<Sel>,
}

/// How one of the file's test cases does with the edited rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaseStatus {
    /// It gives what it expects.
    Passed,
    /// It does not: the reason in Dutch.
    Failed(String),
    /// Not run: the rules have structural problems first.
    NotRun,
}

/// The guideline being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Doc {
    /// The version opened: what the diff compares with and what "Ongedaan maken" ends at.
    pub opened: Rc<Guideline>,
    /// The rules as edited.
    pub rules: Rc<Guideline>,
    /// The guideline text, where there is one.
    pub text: Option<Rc<String>>,
    /// The `$schema` reference of the file opened, written back into the download.
    pub schema_ref: Option<String>,
    /// Earlier versions, the latest last.
    undo: Vec<Rc<Guideline>>,
    /// Versions undone, the latest undone last.
    redo: Vec<Rc<Guideline>>,
    /// The element in the form.
    pub selected: Sel,
    /// Which source of the element takes a quote from the text.
    pub slot: usize,
    /// The validation and audit of the edited rules.
    pub problems: Vec<Problem>,
    /// Every test case's status, in file order.
    pub cases: Vec<CaseStatus>,
    /// The last diff, and whether the rules changed since.
    pub diff: Option<Rc<Diff>>,
    /// The rules changed after the last diff.
    pub diff_stale: bool,
    /// Sample start date for the diff's schedules.
    pub start: String,
    /// Changes since the file was opened or downloaded.
    pub unsaved: bool,
    /// The audit has not run on the current rules yet (it follows an edit by [`Action::Audit`]).
    pub audit_pending: bool,
    /// Counts every change (a key for views that depend on the rules).
    pub revision: u64,
}

/// Two rule files compared ([`Action::Compare`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The old file's name.
    pub old_name: String,
    /// The new file's name.
    pub new_name: String,
    /// What changes from the old file to the new one.
    pub diff: Rc<Diff>,
}

/// The page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Beheer {
    /// The guideline being edited, once one is open.
    pub doc: Option<Doc>,
    /// The last comparison of two rule files, or why they could not be compared (Dutch).
    pub comparison: Option<Result<Comparison, String>>,
    /// A Dutch notice: what was opened, or why not, or why a quote was refused.
    pub notice: Option<String>,
}

impl Beheer {
    /// Applies `action`.
    pub fn apply(mut self, action: Action) -> Self {
        match action {
            Action::Open { json, text, name } => match parse(&json) {
                Ok(rules) => {
                    let schema_ref = schema_ref(&json);
                    let doc = Doc::new(rules, text, schema_ref);
                    self.notice = Some(format!(
                        "Geopend: {name}. {} vragen, {} uitkomsten, {} testgevallen.{}",
                        doc.rules.questions.len(),
                        doc.rules.outcomes.len(),
                        doc.rules.tests.len(),
                        if doc.text.is_none() { " Zonder de tekst van de richtlijn: de citaten worden niet gecontroleerd." } else { "" }
                    ));
                    self.doc = Some(doc);
                }
                Err(why) => self.notice = Some(format!("{name} kon niet worden geopend: {why}")),
            },
            Action::Failed(why) => self.notice = Some(why),
            Action::Compare { old, new, old_name, new_name, start } => {
                let read = |json: &str, name: &str| parse(json).map_err(|why| format!("{name} kon niet worden gelezen: {why}"));
                self.comparison = Some(read(&old, &old_name).and_then(|o| {
                    let n = read(&new, &new_name)?;
                    let dates = Dates { start: Some(start), ..Dates::default() };
                    Ok(Comparison { old_name, new_name, diff: Rc::new(diff(&o, &n, &dates)) })
                }));
            }
            Action::CompareFailed(why) => self.comparison = Some(Err(why)),
            Action::Saved => {
                if let Some(d) = &mut self.doc {
                    d.unsaved = false;
                }
            }
            other => {
                let Some(doc) = &mut self.doc else { return self };
                // The audit runs by itself just after an edit: it must not wipe what the user was told.
                let background = matches!(other, Action::Audit(_));
                let said = doc.apply(other);
                if said.is_some() || !background {
                    self.notice = said;
                }
            }
        }
        self
    }
}

/// Reads a rule file's JSON (not yet validated: a file with problems opens, and shows them).
pub fn parse(json: &str) -> Result<Guideline, String> {
    serde_json::from_str::<Guideline>(json).map_err(|e| format!("het bestand is geen regelbestand ({e})"))
}

/// The `$schema` reference of a rule file (read on its own, without a `serde_json::Value`: less wasm).
fn schema_ref(json: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Head {
        #[serde(rename = "$schema")]
        schema: Option<String>,
    }
    serde_json::from_str::<Head>(json).ok()?.schema
}

impl Doc {
    /// Opens `rules` with its text.
    pub fn new(rules: Guideline, text: Option<String>, schema_ref: Option<String>) -> Self {
        let rules = Rc::new(rules);
        let mut d = Doc {
            opened: rules.clone(),
            rules,
            text: text.map(Rc::new),
            schema_ref,
            undo: Vec::new(),
            redo: Vec::new(),
            selected: Sel::Version,
            slot: 0,
            problems: Vec::new(),
            cases: Vec::new(),
            diff: None,
            diff_stale: false,
            start: "2026-01-05".into(),
            unsaved: false,
            audit_pending: false,
            revision: 0,
        };
        d.check(true);
        d
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is an undone change to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies an action on the open guideline; a Dutch notice when there is something to say.
    fn apply(&mut self, action: Action) -> Option<String> {
        match action {
            Action::Select(s) => {
                self.selected = s;
                self.slot = 0;
            }
            Action::Goto(id) => {
                if let Some(s) = sel_of(&self.rules, &id) {
                    self.selected = s;
                    self.slot = 0;
                }
            }
            Action::Edit(e) => {
                let mut g = (*self.rules).clone();
                if let Err(why) = edit(&mut g, &e) {
                    return Some(why);
                }
                match e {
                    Edit::AddQuestion => self.selected = Sel::Question(g.questions.len() - 1),
                    Edit::AddOutcome => self.selected = Sel::Outcome(g.outcomes.len() - 1),
                    Edit::AddCase => self.selected = Sel::Case(g.tests.len() - 1),
                    Edit::AddDocItem(..) => self.selected = Sel::Headings,
                    Edit::AddCadence => self.selected = Sel::Cadence(g.cadences.len() - 1),
                    Edit::RemoveQuestion(_) | Edit::RemoveOutcome(_) | Edit::RemoveCase(_) | Edit::RemoveCadence(_) => {
                        self.selected = Sel::Version
                    }
                    _ => {}
                }
                self.commit(g);
            }
            Action::Undo => {
                let prev = self.undo.pop()?;
                self.redo.push(std::mem::replace(&mut self.rules, prev));
                self.changed();
            }
            Action::Redo => {
                let next = self.redo.pop()?;
                self.undo.push(std::mem::replace(&mut self.rules, next));
                self.changed();
            }
            Action::Slot(i) => self.slot = i,
            Action::Audit(rev) => {
                if rev == self.revision && self.audit_pending {
                    self.check(true);
                }
            }
            Action::UseQuote(sel) => return self.use_quote(&sel),
            Action::SetStart(s) => {
                self.start = s;
                self.diff_stale = self.diff.is_some();
            }
            Action::RunDiff => {
                let dates = Dates { start: Some(self.start.clone()), ..Dates::default() };
                self.diff = Some(Rc::new(diff(&self.opened, &self.rules, &dates)));
                self.diff_stale = false;
            }
            Action::Open { .. } | Action::Failed(_) | Action::Saved | Action::Compare { .. } | Action::CompareFailed(_) => {}
        }
        None
    }

    fn commit(&mut self, g: Guideline) {
        if g == *self.rules {
            return;
        }
        self.undo.push(std::mem::replace(&mut self.rules, Rc::new(g)));
        self.redo.clear();
        self.changed();
    }

    fn changed(&mut self) {
        self.unsaved = *self.rules != *self.opened;
        self.revision += 1;
        self.diff_stale = self.diff.is_some();
        self.clamp();
        self.check(false);
    }

    /// Keeps the selection on an element that exists (after an undo that removed it).
    fn clamp(&mut self) {
        let g = &self.rules;
        let ok = match self.selected {
            Sel::Version | Sel::Headings => true,
            Sel::Question(i) => i < g.questions.len(),
            Sel::Outcome(i) => i < g.outcomes.len(),
            Sel::Cadence(i) => i < g.cadences.len(),
            Sel::Case(i) => i < g.tests.len(),
        };
        if !ok {
            self.selected = Sel::Version;
        }
    }

    /// Runs the validation (with the test cases) and, when the structure is sound and `with_audit`,
    /// the audit; without it the audit is left pending ([`Action::Audit`] runs it).
    fn check(&mut self, with_audit: bool) {
        let g = &*self.rules;
        let found = validate(g);
        let structural = found.iter().any(|d| !matches!(d.kind, ErrorKind::TestCaseFailed { .. }));
        let mut problems: Vec<Problem> = found.iter().map(|d| Problem { text: d.kind.to_string(), at: at(g, &d.kind) }).collect();
        self.cases = g
            .tests
            .iter()
            .map(|t| {
                if structural {
                    return CaseStatus::NotRun;
                }
                let reasons: Vec<&str> = found
                    .iter()
                    .filter_map(|d| match &d.kind {
                        ErrorKind::TestCaseFailed { case, reason } if case == &t.name => Some(reason.as_str()),
                        _ => None,
                    })
                    .collect();
                if reasons.is_empty() {
                    CaseStatus::Passed
                } else {
                    CaseStatus::Failed(reasons.join("; "))
                }
            })
            .collect();
        self.audit_pending = !structural && !with_audit;
        if !structural && with_audit {
            problems.extend(
                audit(g, self.text.as_deref().map(String::as_str)).iter().map(|d| Problem { text: d.kind.to_string(), at: at(g, &d.kind) }),
            );
        }
        self.problems = problems;
    }

    /// The selection from the text as the quote of the element shown (source `slot`).
    fn use_quote(&mut self, selection: &str) -> Option<String> {
        let quote = selection.split_whitespace().collect::<Vec<_>>().join(" ");
        if quote.is_empty() {
            return Some("Selecteer eerst een passage in de tekst van de richtlijn.".into());
        }
        if quote.chars().count() > MAX_QUOTE_CHARS {
            return Some(format!(
                "De selectie is {} tekens; een citaat is hoogstens {MAX_QUOTE_CHARS} tekens. Selecteer een kortere passage.",
                quote.chars().count()
            ));
        }
        if let Some(text) = &self.text {
            if !squash(text).contains(&squash(&quote)) {
                return Some("De selectie staat niet in de tekst van de richtlijn. Selecteer de passage in het tekstvak 'Bron'.".into());
            }
        }
        let e = match self.selected {
            Sel::Question(q) => match self.slot.checked_sub(1).and_then(|n| rule_at(&self.rules, q, n)) {
                Some((c, b)) => Edit::Branch(q, c, b, BField::Quote, quote),
                None => Edit::Question(q, QField::Quote, quote),
            },
            Sel::Outcome(o) => {
                if self.slot >= self.rules.outcomes[o].sources.len() {
                    let mut g = (*self.rules).clone();
                    let _ = edit(&mut g, &Edit::AddItem(o, OList::Heading));
                    self.commit(g);
                }
                Edit::OutcomeItem(o, OList::Quote, self.slot, quote)
            }
            Sel::Cadence(k) => Edit::Cadence(k, KField::Quote, quote),
            Sel::Version | Sel::Case(_) | Sel::Headings => {
                return Some("Kies eerst een vraag, uitkomst of evaluatieritme: de selectie wordt het citaat daarvan.".into())
            }
        };
        self.apply(Action::Edit(e))
    }
}

/// (option, rule) of the `n`th rule of question `q`, counting the rules of all its options in order:
/// source slot `n + 1` of a question's form (slot 0 is the question's own source).
pub fn rule_at(g: &Guideline, q: usize, n: usize) -> Option<(usize, usize)> {
    let q = g.questions.get(q)?;
    q.options.iter().enumerate().flat_map(|(c, o)| (0..o.branches.len()).map(move |b| (c, b))).nth(n)
}

/// The element an id from a diagnostic names.
pub fn sel_of(g: &Guideline, id: &str) -> Option<Sel> {
    if let Some(k) = id.strip_prefix("cadence:") {
        return g.cadences.iter().position(|c| c.id == k).map(Sel::Cadence);
    }
    let node = id.split(['.', '#']).next().unwrap_or(id);
    if let Some(i) = g.questions.iter().position(|q| q.id == node) {
        return Some(Sel::Question(i));
    }
    if let Some(i) = g.outcomes.iter().position(|o| o.id == node) {
        return Some(Sel::Outcome(i));
    }
    g.tests.iter().position(|t| t.name == id).map(Sel::Case)
}

/// The element a problem is about.
fn at(g: &Guideline, k: &ErrorKind) -> Option<Sel> {
    use ErrorKind::*;
    let id = match k {
        HeadingNotListed { id, .. } if id == "not_modelled" => return Some(Sel::Headings),
        DuplicateId { id }
        | DeadEnd { id }
        | ConflictingNext { id }
        | Unreachable { id }
        | MissingSource { id }
        | QuoteTooLong { id, .. }
        | MissingLabel { id }
        | LabelTooLong { id, .. }
        | BadId { id }
        | QuoteNotInText { id, .. }
        | ThinInterpretation { id }
        | HeadingNotListed { id, .. } => id,
        UnknownTarget { from, .. } | UnknownCondition { from, .. } | ConditionNotEarlier { from, .. } => from,
        UnknownStart { .. } | BadValidity { .. } => return Some(Sel::Version),
        HeadingNotInText { .. } | HeadingNotAccounted { .. } => return Some(Sel::Headings),
        UnknownCadence { outcome, .. }
        | UnfilledPlaceholder { outcome, .. }
        | OutcomeNotReached { outcome }
        | OutcomeWithoutTest { outcome } => outcome,
        TestCaseFailed { case, .. } | MissingSituation { case } => case,
        Cycle { path } => path.first()?,
        _ => return None,
    };
    sel_of(g, id)
}

/// A span as the forms write it: "3 months", "6 weeks", "1 years", "24 hours".
pub fn span_text(s: Span) -> String {
    match s {
        Span::Hours(n) => format!("{n} hours"),
        Span::Weeks(n) => format!("{n} weeks"),
        Span::Months(n) => format!("{n} months"),
        Span::Years(n) => format!("{n} years"),
    }
}

/// Reads a span written by [`span_text`].
pub fn parse_span(s: &str) -> Result<Span, String> {
    let mut parts = s.split_whitespace();
    let n: u32 = parts
        .next()
        .and_then(|n| n.parse().ok())
        .filter(|n| *n > 0)
        .ok_or_else(|| format!("'{s}' is geen aantal (een heel getal vanaf 1)"))?;
    match parts.next() {
        Some("hours") => Ok(Span::Hours(n)),
        Some("weeks") => Ok(Span::Weeks(n)),
        Some("months") => Ok(Span::Months(n)),
        Some("years") => Ok(Span::Years(n)),
        _ => Err(format!("'{s}' is geen termijn")),
    }
}

fn opt(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| v.to_string())
}

fn kind(v: &str) -> Option<InterpretationKind> {
    match v {
        "interpretatie" => Some(InterpretationKind::Interpretatie),
        "niet_eenduidig" => Some(InterpretationKind::NietEenduidig),
        _ => None,
    }
}

fn contact(v: &str) -> Option<ContactAnswer> {
    match v {
        "ja" => Some(ContactAnswer::Ja),
        "nee" => Some(ContactAnswer::Nee),
        "mag" => Some(ContactAnswer::Mag),
        _ => None,
    }
}

fn moved<T>(list: &mut [T], i: usize, m: Move) {
    let j = match m {
        Move::Up if i > 0 => i - 1,
        Move::Down if i + 1 < list.len() => i + 1,
        _ => return,
    };
    list.swap(i, j);
}

fn get<T>(list: &mut [T], i: usize) -> Result<&mut T, String> {
    list.get_mut(i).ok_or_else(|| "dit onderdeel bestaat niet meer".to_string())
}

fn remove<T>(list: &mut Vec<T>, i: usize) -> Result<(), String> {
    get(list, i)?;
    list.remove(i);
    Ok(())
}

/// The rule text of the last rule an option gets when a first condition is added ([`Edit::AddRule`]).
const OTHERWISE: &str = "In alle andere gevallen";

/// The questions asked before question `q` on some route (whose answers a rule of `q` can look at),
/// as indices in file order.
pub fn earlier(g: &Guideline, q: usize) -> Vec<usize> {
    let Some(target) = g.questions.get(q) else { return Vec::new() };
    (0..g.questions.len())
        .filter(|&i| {
            let mut seen: Vec<&str> = Vec::new();
            let mut todo: Vec<&str> = g.questions[i].options.iter().flat_map(|c| c.targets()).collect();
            while let Some(n) = todo.pop() {
                if n == target.id {
                    return true;
                }
                if !seen.contains(&n) {
                    seen.push(n);
                    todo.extend(g.question(n).into_iter().flat_map(|x| x.options.iter().flat_map(|c| c.targets())));
                }
            }
            false
        })
        .collect()
}

/// What a new condition looks at: a question before the rule's own, and its first answer.
struct NewCondition {
    /// The question's id.
    question: String,
    /// Its short label without the "?", for the rule in words.
    name: String,
    /// The id of its first answer.
    option: String,
    /// That answer's label.
    label: String,
}

/// The first question before `q` that `used` does not name, with its first answer.
fn first_condition(g: &Guideline, q: usize, used: &[String]) -> Result<NewCondition, String> {
    let e = earlier(g, q)
        .into_iter()
        .map(|i| &g.questions[i])
        .find(|e| !used.contains(&e.id) && !e.options.is_empty())
        .ok_or_else(|| "Er is geen eerdere vraag (meer) waar een voorwaarde naar kan kijken.".to_string())?;
    let first = &e.options[0];
    let name = if e.short.trim().is_empty() { e.id.clone() } else { e.short.trim_end_matches('?').to_string() };
    Ok(NewCondition { question: e.id.clone(), name, option: first.id.clone(), label: first.label.clone() })
}

/// A fresh id `base`, `base_2`, … not used by any question or outcome.
fn fresh(g: &Guideline, base: &str) -> String {
    let used = |id: &str| g.question(id).is_some() || g.outcome(id).is_some();
    (1..).map(|n| if n == 1 { base.to_string() } else { format!("{base}_{n}") }).find(|id| !used(id)).unwrap_or_default()
}

/// Writes `e` into `g`; the Dutch reason when the value cannot be written (a span that is no span).
pub fn edit(g: &mut Guideline, e: &Edit) -> Result<(), String> {
    match e {
        Edit::Meta(f, v) => {
            let v = v.clone();
            match f {
                Meta::Id => g.id = v.trim().to_string(),
                Meta::Region => g.region = v,
                Meta::Title => g.title = v,
                Meta::Version => g.document_date = v,
                Meta::ValidFrom => g.valid_from = v.trim().to_string(),
                Meta::ValidUntil => g.valid_until = opt(v.trim()),
                Meta::ValidityNote => g.validity_note = opt(&v),
            }
        }
        Edit::Question(q, f, v) => {
            let q = get(&mut g.questions, *q)?;
            match f {
                QField::Text => q.text = v.clone(),
                QField::Short => q.short = v.clone(),
                QField::Help => q.help = opt(v),
                QField::Unknown => q.unknown = opt(v).map(|find_out| Unknown { find_out }),
                QField::Heading => q.source.heading = v.clone(),
                QField::Quote => q.source.quote = v.clone(),
                QField::InterpretationKind => {
                    q.interpretation =
                        kind(v).map(|k| Interpretation { kind: k, text: q.interpretation.take().map(|i| i.text).unwrap_or_default() })
                }
                QField::InterpretationText => match &mut q.interpretation {
                    Some(i) => i.text = v.clone(),
                    None => q.interpretation = Some(Interpretation { kind: InterpretationKind::Interpretatie, text: v.clone() }),
                },
            }
        }
        Edit::Choice(q, c, f, v) => {
            let c = get(&mut get(&mut g.questions, *q)?.options, *c)?;
            match f {
                CField::Label => c.label = v.clone(),
                CField::Short => c.short = v.clone(),
                CField::Help => c.help = opt(v),
                CField::Goto => {
                    c.goto = Some(v.clone());
                    c.branches.clear();
                }
            }
        }
        Edit::Branch(q, c, b, f, v) => {
            let b = get(&mut get(&mut get(&mut g.questions, *q)?.options, *c)?.branches, *b)?;
            match f {
                BField::Goto => b.goto = v.clone(),
                BField::Rule => b.rule = v.clone(),
                BField::Heading => b.source.get_or_insert_with(Source::default).heading = v.clone(),
                BField::Quote => b.source.get_or_insert_with(Source::default).quote = v.clone(),
            }
            if b.source.as_ref().is_some_and(|s| s.heading.trim().is_empty() && s.quote.trim().is_empty()) {
                b.source = None;
            }
        }
        Edit::AddChoice(q) => {
            let target = g.outcomes.first().map(|o| o.id.clone()).unwrap_or_default();
            let q = get(&mut g.questions, *q)?;
            let n = (1..).find(|n| !q.options.iter().any(|c| c.id == format!("antwoord_{n}"))).unwrap_or(1);
            q.options.push(Choice {
                id: format!("antwoord_{n}"),
                short: format!("antwoord {n}"),
                label: "Nieuw antwoord".into(),
                goto: Some(target),
                ..Choice::default()
            });
        }
        Edit::RemoveChoice(q, c) => remove(&mut get(&mut g.questions, *q)?.options, *c)?,
        Edit::AddRule(q, c) => {
            let new = first_condition(g, *q, &[])?;
            let choice = get(&mut get(&mut g.questions, *q)?.options, *c)?;
            let rule = format!("als {} = {}", new.name, new.label);
            let when: Map<String, Vec<String>> = std::iter::once((new.question, vec![new.option])).collect();
            match choice.goto.take() {
                Some(goto) => {
                    choice.branches = vec![
                        Branch { when, goto: goto.clone(), rule, source: None, interpretation: None, sets: Map::new() },
                        Branch { when: Map::new(), goto, rule: OTHERWISE.into(), source: None, interpretation: None, sets: Map::new() },
                    ];
                }
                None => {
                    // Before the last rule when that one has no condition (it catches the rest).
                    let fallback = choice.branches.last().filter(|b| b.when.is_empty()).map(|b| b.goto.clone());
                    let at = choice.branches.len() - usize::from(fallback.is_some());
                    let goto = fallback.or_else(|| choice.branches.last().map(|b| b.goto.clone())).unwrap_or_default();
                    choice.branches.insert(at, Branch { when, goto, rule, source: None, interpretation: None, sets: Map::new() });
                }
            }
        }
        Edit::RemoveRule(q, c, b) => {
            let choice = get(&mut get(&mut g.questions, *q)?.options, *c)?;
            get(&mut choice.branches, *b)?;
            if choice.branches.len() == 1 {
                return Err("Dit is de enige regel van dit antwoord: kies bij de regel waar het antwoord heen leidt.".into());
            }
            choice.branches.remove(*b);
            if let [last] = choice.branches.as_slice() {
                if last.when.is_empty() && last.source.is_none() && last.interpretation.is_none() && last.sets.is_empty() {
                    choice.goto = Some(last.goto.clone());
                    choice.branches.clear();
                }
            }
        }
        Edit::MoveRule(q, c, b, m) => moved(&mut get(&mut get(&mut g.questions, *q)?.options, *c)?.branches, *b, *m),
        Edit::When(q, c, b, on, options) => {
            if options.is_empty() {
                return Err("Kies minstens één antwoord bij de voorwaarde, of verwijder de voorwaarde.".into());
            }
            let b = get(&mut get(&mut get(&mut g.questions, *q)?.options, *c)?.branches, *b)?;
            b.when.insert(on.clone(), options.clone());
        }
        Edit::WhenQuestion(qi, c, b, old, new) => {
            let Some(first) = g.question(new).and_then(|n| n.options.first()).map(|o| o.id.clone()) else {
                return Err(format!("Vraag «{new}» bestaat niet of heeft geen antwoorden."));
            };
            let b = get(&mut get(&mut get(&mut g.questions, *qi)?.options, *c)?.branches, *b)?;
            if old != new && b.when.contains_key(new.as_str()) {
                return Err(format!("Deze regel heeft al een voorwaarde op vraag «{new}»."));
            }
            b.when.remove(old.as_str());
            b.when.insert(new.clone(), vec![first]);
        }
        Edit::AddCondition(q, c, b) => {
            let used: Vec<String> =
                get(&mut get(&mut get(&mut g.questions, *q)?.options, *c)?.branches, *b)?.when.keys().cloned().collect();
            let new = first_condition(g, *q, &used)?;
            let b = get(&mut get(&mut get(&mut g.questions, *q)?.options, *c)?.branches, *b)?;
            b.when.insert(new.question, vec![new.option]);
        }
        Edit::RemoveCondition(q, c, b, on) => {
            get(&mut get(&mut get(&mut g.questions, *q)?.options, *c)?.branches, *b)?.when.remove(on.as_str());
        }
        Edit::MoveChoice(q, c, m) => moved(&mut get(&mut g.questions, *q)?.options, *c, *m),
        Edit::Outcome(o, f, v) => {
            let o = get(&mut g.outcomes, *o)?;
            match f {
                OField::Title => o.title = v.clone(),
                OField::Short => o.short = v.clone(),
                OField::Regie => o.regie = v.clone(),
                OField::Owner => o.owner = v.clone(),
                OField::Intensity => o.intensity = opt(v),
                OField::Provider => {
                    o.provider =
                        contact(v).map(|answer| ProviderContact { answer, text: o.provider.take().map(|p| p.text).unwrap_or_default() })
                }
                OField::ProviderText => {
                    let p = o.provider.get_or_insert(ProviderContact { answer: ContactAnswer::Nee, text: String::new() });
                    p.text = v.clone();
                }
                OField::Cadence => o.cadence = opt(v),
                OField::CadenceText => o.cadence_text = opt(v),
            }
        }
        Edit::OutcomeItem(o, l, i, v) => {
            let o = get(&mut g.outcomes, *o)?;
            match l {
                OList::Action => *get(&mut o.actions, *i)? = v.clone(),
                OList::Note => *get(&mut o.notes, *i)? = v.clone(),
                OList::Heading => get(&mut o.sources, *i)?.heading = v.clone(),
                OList::Quote => get(&mut o.sources, *i)?.quote = v.clone(),
                OList::InterpretationText => get(&mut o.interpretations, *i)?.text = v.clone(),
                OList::InterpretationKind => {
                    get(&mut o.interpretations, *i)?.kind = kind(v).ok_or_else(|| format!("'{v}' is geen soort markering"))?
                }
                OList::DetailLabel => get(&mut o.details, *i)?.label = v.clone(),
                OList::DetailValue => get(&mut o.details, *i)?.value = v.clone(),
            }
        }
        Edit::AddItem(o, l) => {
            let o = get(&mut g.outcomes, *o)?;
            match l {
                OList::Action => o.actions.push(String::new()),
                OList::Note => o.notes.push(String::new()),
                OList::Heading | OList::Quote => o.sources.push(Source::default()),
                OList::InterpretationText | OList::InterpretationKind => {
                    o.interpretations.push(Interpretation { kind: InterpretationKind::Interpretatie, text: String::new() })
                }
                OList::DetailLabel | OList::DetailValue => o.details.push(Detail { label: String::new(), value: String::new() }),
            }
        }
        Edit::RemoveItem(o, l, i) => {
            let o = get(&mut g.outcomes, *o)?;
            match l {
                OList::Action => remove(&mut o.actions, *i)?,
                OList::Note => remove(&mut o.notes, *i)?,
                OList::Heading | OList::Quote => remove(&mut o.sources, *i)?,
                OList::InterpretationText | OList::InterpretationKind => remove(&mut o.interpretations, *i)?,
                OList::DetailLabel | OList::DetailValue => remove(&mut o.details, *i)?,
            }
        }
        Edit::MoveItem(o, l, i, m) => {
            let o = get(&mut g.outcomes, *o)?;
            match l {
                OList::Action => moved(&mut o.actions, *i, *m),
                OList::Note => moved(&mut o.notes, *i, *m),
                OList::Heading | OList::Quote => moved(&mut o.sources, *i, *m),
                OList::InterpretationText | OList::InterpretationKind => moved(&mut o.interpretations, *i, *m),
                OList::DetailLabel | OList::DetailValue => moved(&mut o.details, *i, *m),
            }
        }
        Edit::Cadence(k, f, v) => {
            let k = get(&mut g.cadences, *k)?;
            match f {
                KField::Label => k.label = v.clone(),
                KField::FirstReview => k.first_review = parse_span(v)?,
                KField::FirstYearEvery => k.first_year_every = if v.trim().is_empty() { None } else { Some(parse_span(v)?) },
                KField::YearReview => k.year_review = v == "true",
                KField::AfterFirstYearEvery => k.after_first_year_every = parse_span(v)?,
                KField::DaysBeforeEnd => k.days_before_end = v.trim().parse().map_err(|_| format!("'{v}' is geen aantal dagen"))?,
                KField::ContinuationEvery => k.continuation_every = parse_span(v)?,
                KField::FormDecidedBy => k.form_decided_by = v.clone(),
                KField::LaterFormDecidedBy => k.later_form_decided_by = opt(v),
                KField::Heading => k.source.heading = v.clone(),
                KField::Quote => k.source.quote = v.clone(),
            }
        }
        Edit::Case(t, f, v) => {
            let t = get(&mut g.tests, *t)?;
            match f {
                TField::Name => t.name = v.clone(),
                TField::Situation => t.situation = v.clone(),
                TField::Outcome => t.expect.outcome = v.clone(),
                TField::Provider => t.expect.provider = contact(v),
                TField::Intensity => t.expect.intensity = opt(v),
                TField::Because => t.expect.because = v.clone(),
            }
        }
        Edit::CaseAnswer(t, q, o) => {
            let t = get(&mut g.tests, *t)?;
            if o.is_empty() {
                t.answers.remove(q.as_str());
            } else {
                t.answers.insert(q.clone(), o.clone());
            }
        }
        Edit::AddCase => {
            let n = g.tests.len() + 1;
            let mut t = g.tests.last().cloned().unwrap_or(TestCase {
                name: String::new(),
                situation: String::new(),
                answers: Default::default(),
                expect: crate::engine::model::Expectation {
                    outcome: g.outcomes.first().map(|o| o.id.clone()).unwrap_or_default(),
                    provider: None,
                    intensity: None,
                    because: String::new(),
                },
            });
            t.name =
                (n..).map(|n| format!("nieuw testgeval {n}")).find(|name| !g.tests.iter().any(|t| &t.name == name)).unwrap_or_default();
            g.tests.push(t);
        }
        Edit::RemoveCase(t) => remove(&mut g.tests, *t)?,
        Edit::AddQuestion => {
            let id = fresh(g, "nieuwe_vraag");
            let target = g.outcomes.first().map(|o| o.id.clone()).unwrap_or_default();
            g.questions.push(Question {
                id,
                short: "Nieuwe vraag".into(),
                text: "Nieuwe vraag".into(),
                help: None,
                source: Source::default(),
                interpretation: None,
                unknown: None,
                options: vec![Choice { id: "ja".into(), short: "ja".into(), label: "Ja".into(), goto: Some(target), ..Choice::default() }],
            });
        }
        Edit::AddOutcome => {
            let id = fresh(g, "nieuwe_uitkomst");
            g.outcomes.push(Outcome {
                id,
                short: "Nieuwe uitkomst".into(),
                title: "Nieuwe uitkomst".into(),
                regie: String::new(),
                owner: String::new(),
                intensity: None,
                intensity_is_suggestion: false,
                cadence: None,
                cadence_text: None,
                timelines: Vec::new(),
                details: Vec::new(),
                actions: Vec::new(),
                provider: None,
                notes: Vec::new(),
                sources: vec![Source::default()],
                interpretations: Vec::new(),
            });
        }
        Edit::RemoveQuestion(q) => remove(&mut g.questions, *q)?,
        Edit::RemoveOutcome(o) => remove(&mut g.outcomes, *o)?,
        Edit::AddCadence => {
            let id = (1..)
                .map(|n| if n == 1 { "nieuw_ritme".to_string() } else { format!("nieuw_ritme_{n}") })
                .find(|id| g.cadence(id).is_none())
                .unwrap_or_default();
            let mut k = g.cadences.first().cloned().unwrap_or(Cadence {
                id: String::new(),
                label: String::new(),
                first_review: Span::Months(3),
                first_year_every: None,
                year_review: true,
                after_first_year_every: Span::Months(6),
                days_before_end: 56,
                continuation_every: Span::Months(6),
                form_decided_by: String::new(),
                later_form_decided_by: None,
                source: Source::default(),
                interpretations: Vec::new(),
            });
            k.id = id;
            k.label = "Nieuw evaluatieritme".into();
            g.cadences.push(k);
        }
        Edit::RemoveCadence(k) => remove(&mut g.cadences, *k)?,
        Edit::TimelineFrom(o, t, key) => {
            let from = DateField::ALL.into_iter().find(|f| f.key() == key).ok_or_else(|| format!("'{key}' is geen datumveld"))?;
            get(&mut get(&mut g.outcomes, *o)?.timelines, *t)?.from = from;
        }
        Edit::TimelineItem(o, t, i, f, v) => {
            let item = get(&mut get(&mut get(&mut g.outcomes, *o)?.timelines, *t)?.items, *i)?;
            match f {
                LField::After => item.after = parse_span(v)?,
                LField::SkipWeekends => item.skip_weekends = v == "true",
                LField::What => item.what = v.clone(),
            }
        }
        Edit::AddTimeline(o) => get(&mut g.outcomes, *o)?.timelines.push(Timeline { from: DateField::Start, items: vec![moment()] }),
        Edit::RemoveTimeline(o, t) => remove(&mut get(&mut g.outcomes, *o)?.timelines, *t)?,
        Edit::AddMoment(o, t) => get(&mut get(&mut g.outcomes, *o)?.timelines, *t)?.items.push(moment()),
        Edit::RemoveMoment(o, t, i) => {
            let timelines = &mut get(&mut g.outcomes, *o)?.timelines;
            remove(&mut get(timelines, *t)?.items, *i)?;
            if timelines[*t].items.is_empty() {
                timelines.remove(*t);
            }
        }
        Edit::DocItem(l, i, v) => match l {
            DList::Heading => {
                let old = std::mem::replace(get(&mut g.headings, *i)?, v.clone());
                if !old.is_empty() {
                    let sources = g.questions.iter_mut().flat_map(|q| {
                        std::iter::once(&mut q.source)
                            .chain(q.options.iter_mut().flat_map(|c| c.branches.iter_mut().filter_map(|b| b.source.as_mut())))
                    });
                    let more = g.outcomes.iter_mut().flat_map(|o| o.sources.iter_mut()).chain(g.cadences.iter_mut().map(|c| &mut c.source));
                    // A source heading is "Heading" or "Heading — Sub-heading" (as the audit reads it).
                    for s in sources.chain(more).filter(|s| s.heading.split(" — ").any(|part| part == old)) {
                        s.heading =
                            s.heading.split(" — ").map(|part| if part == old { v.as_str() } else { part }).collect::<Vec<_>>().join(" — ");
                    }
                    for n in g.not_modelled.iter_mut().filter(|n| n.heading == old) {
                        n.heading = v.clone();
                    }
                }
            }
            DList::SkipHeading => get(&mut g.not_modelled, *i)?.heading = v.clone(),
            DList::SkipReason => get(&mut g.not_modelled, *i)?.reason = v.clone(),
        },
        Edit::AddDocItem(l, heading) => match l {
            DList::Heading => g.headings.push(heading.clone()),
            DList::SkipHeading | DList::SkipReason => g.not_modelled.push(NotModelled { heading: heading.clone(), reason: String::new() }),
        },
        Edit::RemoveDocItem(l, i) => match l {
            DList::Heading => remove(&mut g.headings, *i)?,
            DList::SkipHeading | DList::SkipReason => remove(&mut g.not_modelled, *i)?,
        },
        Edit::MoveDocItem(l, i, m) => match l {
            DList::Heading => moved(&mut g.headings, *i, *m),
            DList::SkipHeading | DList::SkipReason => moved(&mut g.not_modelled, *i, *m),
        },
        Edit::RenameQuestion(q, new) => {
            let old = get(&mut g.questions, *q)?.id.clone();
            let new = new_id(new, &old, g.question(new).is_some() || g.outcome(new).is_some())?;
            if DateField::ALL.iter().any(|f| f.key() == new) {
                return Err(format!("'{new}' is de naam van een datumveld in gedeelde links; kies een ander id."));
            }
            if g.start == old {
                g.start = new.clone();
            }
            retarget(g, &old, &new);
            for b in g.questions.iter_mut().flat_map(|x| x.options.iter_mut().flat_map(|c| c.branches.iter_mut())) {
                if let Some(v) = b.when.remove(old.as_str()) {
                    b.when.insert(new.clone(), v);
                }
            }
            for t in &mut g.tests {
                if let Some(v) = t.answers.remove(old.as_str()) {
                    t.answers.insert(new.clone(), v);
                }
            }
            g.questions[*q].id = new;
        }
        Edit::RenameChoice(q, c, new) => {
            let question = get(&mut g.questions, *q)?;
            let old = get(&mut question.options, *c)?.id.clone();
            let new = new_id(new, &old, question.options.iter().any(|x| x.id == *new))?;
            question.options[*c].id = new.clone();
            let qid = question.id.clone();
            for b in g.questions.iter_mut().flat_map(|x| x.options.iter_mut().flat_map(|c| c.branches.iter_mut())) {
                for o in b.when.get_mut(qid.as_str()).into_iter().flatten().filter(|o| **o == old) {
                    *o = new.clone();
                }
            }
            for t in &mut g.tests {
                if t.answers.get(qid.as_str()) == Some(&old) {
                    t.answers.insert(qid.clone(), new.clone());
                }
            }
        }
        Edit::RenameOutcome(o, new) => {
            let old = get(&mut g.outcomes, *o)?.id.clone();
            let new = new_id(new, &old, g.question(new).is_some() || g.outcome(new).is_some())?;
            retarget(g, &old, &new);
            for t in g.tests.iter_mut().filter(|t| t.expect.outcome == old) {
                t.expect.outcome = new.clone();
            }
            g.outcomes[*o].id = new;
        }
        Edit::RenameCadence(k, new) => {
            let old = get(&mut g.cadences, *k)?.id.clone();
            let new = new_id(new, &old, g.cadence(new).is_some())?;
            for o in g.outcomes.iter_mut().filter(|o| o.cadence.as_deref() == Some(old.as_str())) {
                o.cadence = Some(new.clone());
            }
            g.cadences[*k].id = new;
        }
    }
    Ok(())
}

/// A new moment of a timeline: a month after its date, to be described.
fn moment() -> TimelineItem {
    TimelineItem { after: Span::Months(1), skip_weekends: false, what: String::new() }
}

/// `new` trimmed, when it can replace `old`: plain characters (ids travel in share links) and not
/// `taken` by another element.
fn new_id(new: &str, old: &str, taken: bool) -> Result<String, String> {
    let new = new.trim();
    if new.is_empty() || !new.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-') {
        return Err(format!("'{new}' is geen geldig id: gebruik a-z, 0-9, _ en -."));
    }
    if new != old && taken {
        return Err(format!("Id '{new}' is al in gebruik."));
    }
    Ok(new.to_string())
}

/// Every answer and rule that leads to `old` leads to `new`.
fn retarget(g: &mut Guideline, old: &str, new: &str) {
    for c in g.questions.iter_mut().flat_map(|q| q.options.iter_mut()) {
        if c.goto.as_deref() == Some(old) {
            c.goto = Some(new.to_string());
        }
        for b in c.branches.iter_mut().filter(|b| b.goto == old) {
            b.goto = new.to_string();
        }
    }
}

/// Keys whose empty value is the default (`#[serde(default)]` in the model): left out of the file
/// written, as the hand-written rule files do.
const DEFAULTED: [&str; 13] = [
    "when",
    "branches",
    "sets",
    "notes",
    "timelines",
    "details",
    "interpretations",
    "date_labels",
    "configurable",
    "cadences",
    "headings",
    "not_modelled",
    "tests",
];
const DEFAULT_FALSE: [&str; 2] = ["intensity_is_suggestion", "skip_weekends"];

/// The rule file as JSON, two-space indented like the files in `rules/`: fields left at their default
/// (`null`, an empty list, `false`) are left out, and the `$schema` reference of the file opened comes
/// first. `regiewijzer check` and a gemeente's own-rule-file setting read it.
pub fn to_json(g: &Guideline, schema_ref: Option<&str>) -> String {
    let pretty = serde_json::to_string_pretty(g).unwrap_or_default();
    let mut kept: Vec<String> = Vec::new();
    for line in pretty.lines() {
        let t = line.trim_start();
        let member = t.strip_prefix('"').and_then(|r| r.split_once("\": ")).map(|(k, v)| (k, v.trim_end_matches(',')));
        let drop = match member {
            Some((_, "null")) => true,
            Some((k, "[]" | "{}")) => DEFAULTED.contains(&k),
            Some((k, "false")) => DEFAULT_FALSE.contains(&k),
            _ => false,
        };
        if drop {
            if !line.ends_with(',') {
                // It was the last member: the one before it is now the last.
                if let Some(prev) = kept.last_mut() {
                    if prev.ends_with(',') {
                        prev.pop();
                    }
                }
            }
            continue;
        }
        kept.push(line.to_string());
    }
    if let (Some(r), true) = (schema_ref, kept.len() > 1) {
        kept.insert(1, format!("  \"$schema\": {},", serde_json::to_string(r).unwrap_or_default()));
    }
    let mut out = kept.join("\n");
    out.push('\n');
    out
}

/// The changelog entry for the download: the version, validity and the diff in words.
pub fn changelog(d: &Doc, diff: &Diff) -> String {
    let g = &d.rules;
    let mut out = format!("Wijzigingen in {} — versie '{}', geldig vanaf {}", g.region, g.document_date, g.valid_from);
    if let Some(u) = &g.valid_until {
        out.push_str(&format!(" tot en met {u}"));
    }
    out.push_str(&format!(
        "\nVergeleken met de versie die werd geopend ('{}', geldig vanaf {}).\n\n",
        d.opened.document_date, d.opened.valid_from
    ));
    out.push_str(&diff.text());
    out
}
