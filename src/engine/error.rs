//! Typed errors. Every problem names the guideline and the offending id; messages are Dutch because
//! they reach users (the widget shows them, the CLI prints them).

use std::fmt;

/// One problem found while loading a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Id of the guideline (or the file name when the file could not be parsed).
    pub guideline: String,
    /// What is wrong, and where in the guideline.
    pub kind: ErrorKind,
}

/// The kinds of problem load-time validation reports. New kinds may be added.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file is not valid JSON or does not follow the format.
    Parse {
        /// The JSON parser's message, with line and column.
        message: String,
    },
    /// Two nodes (questions/outcomes), two options of one question, or two cadences share an id.
    DuplicateId {
        /// The id used twice: a node's, `question.option` for an option, `cadence:<id>` for a cadence.
        id: String,
    },
    /// `start` names no question.
    UnknownStart {
        /// The id `start` gives.
        id: String,
    },
    /// An answer leads to an id that is neither a question nor an outcome.
    UnknownTarget {
        /// The option that leads there, as `question.option`.
        from: String,
        /// The id it names.
        target: String,
    },
    /// A branch condition names a question or option that does not exist.
    UnknownCondition {
        /// The option whose branch has the condition, as `question.option`.
        from: String,
        /// The question the condition names.
        question: String,
        /// The option the condition names, when the question exists but that option does not.
        option: Option<String>,
    },
    /// A branch condition names a question that is never asked before the condition's own question
    /// (a later question, itself, or one on another part of the schema): the condition can never hold.
    ConditionNotEarlier {
        /// The option whose branch has the condition, as `question.option`.
        from: String,
        /// The question the condition names.
        question: String,
    },
    /// A question without options, or a branch list whose last branch has a condition.
    DeadEnd {
        /// The question, or the option as `question.option`.
        id: String,
    },
    /// An option with both `goto` and `branches`, or with neither.
    ConflictingNext {
        /// The option, as `question.option`.
        id: String,
    },
    /// No path from `start` reaches this question or outcome.
    Unreachable {
        /// The question or outcome no path reaches.
        id: String,
    },
    /// Following answers can come back to a question: the ids along the loop.
    Cycle {
        /// The question ids around the loop in walking order, the first repeated at the end.
        path: Vec<String>,
    },
    /// A question, outcome or cadence without a source, or with an empty heading or quote.
    MissingSource {
        /// Where: a question or outcome id, `question.option#n` for a branch, `cadence:<id>`.
        id: String,
    },
    /// A quote longer than [`crate::engine::model::MAX_QUOTE_CHARS`].
    QuoteTooLong {
        /// Where: a question or outcome id, `question.option#n` for a branch, `cadence:<id>`.
        id: String,
        /// Its length in characters.
        chars: usize,
    },
    /// An outcome refers to a cadence the guideline does not define.
    UnknownCadence {
        /// The outcome that names the cadence.
        outcome: String,
        /// The cadence id it names.
        cadence: String,
    },
    /// One of the guideline's own test cases does not give the expected result.
    TestCaseFailed {
        /// The test case's name.
        case: String,
        /// What differs from the expectation (Dutch).
        reason: String,
    },
    /// A question, option or outcome without a short label for the schema.
    MissingLabel {
        /// The question, outcome, or option as `question.option`.
        id: String,
    },
    /// A short label longer than [`crate::engine::model::MAX_SHORT_CHARS`].
    LabelTooLong {
        /// The question, outcome, or option as `question.option`.
        id: String,
        /// The label's length in characters (trimmed).
        chars: usize,
    },
    /// `valid_from` or `valid_until` is not a date, or the period is empty.
    BadValidity {
        /// `valid_from` or `valid_until`.
        field: String,
        /// The value the file gives.
        value: String,
    },
    /// An id with characters other than a-z, 0-9, `_` and `-`, or one reserved for share links.
    BadId {
        /// The id as written in the file.
        id: String,
    },
    /// A test case without its situation text.
    MissingSituation {
        /// The test case's name.
        case: String,
    },
    /// Audit: a quote that does not occur in the guideline text (whitespace ignored).
    QuoteNotInText {
        /// Where: a question or outcome id, `question.option#n` for a branch, `cadence:<id>`.
        id: String,
        /// The quote as the rule file gives it.
        quote: String,
    },
    /// Audit: a listed heading that does not occur in the guideline text.
    HeadingNotInText {
        /// The heading as listed in `headings`.
        heading: String,
    },
    /// Audit: a heading neither cited by a source nor listed in `not_modelled` with a reason.
    HeadingNotAccounted {
        /// The heading as listed in `headings`.
        heading: String,
    },
    /// Audit: a source or `not_modelled` entry names a heading that is not in `headings`.
    HeadingNotListed {
        /// Where the heading is named (a source's id, or `not_modelled`).
        id: String,
        /// The heading as named there.
        heading: String,
    },
    /// Audit: a path ends in an outcome whose texts still hold a `{placeholder}`.
    UnfilledPlaceholder {
        /// The outcome reached.
        outcome: String,
        /// The text that still holds the placeholder.
        text: String,
        /// The answers that lead there, as `question=option` separated by spaces.
        path: String,
    },
    /// Audit: no path reaches this outcome.
    OutcomeNotReached {
        /// The outcome's id.
        outcome: String,
    },
    /// Audit: no test case expects this outcome.
    OutcomeWithoutTest {
        /// The outcome's id.
        outcome: String,
    },
    /// Audit: an interpretation mark that does not explain itself (under 40 characters).
    ThinInterpretation {
        /// Where the interpretation is marked.
        id: String,
    },
    /// Audit: more paths than can be checked.
    TooManyPaths {
        /// The most paths the audit enumerates.
        limit: usize,
    },
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "richtlijn '{}': {}", self.guideline, self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ErrorKind::*;
        match self {
            Parse { message } => write!(f, "het regelbestand is niet te lezen: {message}"),
            DuplicateId { id } => write!(f, "id '{id}' komt meer dan eens voor"),
            UnknownStart { id } => write!(f, "startvraag '{id}' bestaat niet"),
            UnknownTarget { from, target } => {
                write!(f, "'{from}' verwijst naar '{target}', maar die vraag of uitkomst bestaat niet")
            }
            UnknownCondition { from, question, option: None } => {
                write!(f, "'{from}' heeft een voorwaarde op vraag '{question}', die niet bestaat")
            }
            UnknownCondition { from, question, option: Some(o) } => {
                write!(f, "'{from}' heeft een voorwaarde op antwoord '{o}' van vraag '{question}', dat niet bestaat")
            }
            ConditionNotEarlier { from, question } => write!(
                f,
                "'{from}' heeft een voorwaarde op vraag '{question}', maar die vraag komt op geen route eerder: de voorwaarde kan nooit gelden"
            ),
            DeadEnd { id } => write!(f, "'{id}' loopt dood: geen antwoord leidt verder (of de laatste tak heeft een voorwaarde)"),
            ConflictingNext { id } => write!(f, "'{id}' moet precies één van 'goto' of 'branches' hebben"),
            Unreachable { id } => write!(f, "'{id}' is vanaf de startvraag niet bereikbaar"),
            Cycle { path } => write!(f, "kringloop: {}", path.join(" → ")),
            MissingSource { id } => write!(f, "'{id}' heeft geen bron (kop en letterlijk citaat zijn verplicht)"),
            QuoteTooLong { id, chars } => write!(
                f,
                "het citaat bij '{id}' is {chars} tekens; maximaal {}",
                crate::engine::model::MAX_QUOTE_CHARS
            ),
            UnknownCadence { outcome, cadence } => {
                write!(f, "uitkomst '{outcome}' verwijst naar evaluatieritme '{cadence}', dat niet bestaat")
            }
            TestCaseFailed { case, reason } => write!(f, "testgeval '{case}' faalt: {reason}"),
            MissingLabel { id } => write!(f, "'{id}' heeft geen kort label ('short') voor het stroomschema"),
            LabelTooLong { id, chars } => write!(
                f,
                "het korte label van '{id}' is {chars} tekens; maximaal {}",
                crate::engine::model::MAX_SHORT_CHARS
            ),
            BadValidity { field, value } => {
                write!(f, "{field} '{value}' is geen geldige datum (JJJJ-MM-DD) of ligt niet na valid_from")
            }
            BadId { id } => write!(
                f,
                "id '{id}' mag alleen a-z, 0-9, '_' en '-' bevatten en niet 'start', 'end', 'moment', 'birth' of 'handover' heten (die staan in deellinks)"
            ),
            MissingSituation { case } => write!(f, "testgeval '{case}' heeft geen casustekst ('situation')"),
            QuoteNotInText { id, quote } => write!(f, "het citaat bij '{id}' staat niet letterlijk in de tekst: «{quote}»"),
            HeadingNotInText { heading } => write!(f, "kop «{heading}» staat niet in de tekst"),
            HeadingNotAccounted { heading } => {
                write!(f, "kop «{heading}» wordt niet geciteerd en staat niet in 'not_modelled' met een reden")
            }
            HeadingNotListed { id, heading } => write!(f, "'{id}' noemt kop «{heading}», die niet in 'headings' staat"),
            UnfilledPlaceholder { outcome, text, path } => {
                write!(f, "uitkomst '{outcome}' houdt een open {{plaatshouder}} in «{text}» (pad: {path})")
            }
            OutcomeNotReached { outcome } => write!(f, "uitkomst '{outcome}' wordt door geen pad bereikt"),
            OutcomeWithoutTest { outcome } => write!(f, "geen testgeval verwacht uitkomst '{outcome}'"),
            ThinInterpretation { id } => write!(f, "de interpretatie bij '{id}' legt te weinig uit (minder dan 40 tekens)"),
            TooManyPaths { limit } => write!(f, "meer dan {limit} paden: te veel om te controleren"),
        }
    }
}

/// Every problem found in one rule file. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The problems, in the order validation found them.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} probleem/problemen in het regelbestand:", self.diagnostics.len())?;
        for d in &self.diagnostics {
            write!(f, "\n- {d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Why a set of answers cannot be walked (bad CLI input, a mangled share link, a stale answer).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnswerError {
    /// No guideline with this id; `valid` lists the ids that exist.
    UnknownGuideline {
        /// The id asked for.
        id: String,
        /// The ids of the guidelines there are.
        valid: Vec<String>,
    },
    /// The guideline exists but could not be loaded.
    GuidelineUnavailable {
        /// The guideline's id.
        id: String,
        /// Why not (Dutch): its data is not loaded yet, or the rule file's problems.
        message: String,
    },
    /// No question with this id in the guideline.
    UnknownQuestion {
        /// The guideline's id.
        guideline: String,
        /// The question id asked for.
        question: String,
        /// The guideline's question ids.
        valid: Vec<String>,
    },
    /// The question has no option with this id.
    UnknownOption {
        /// The question's id.
        question: String,
        /// The option id given.
        option: String,
        /// The question's option ids.
        valid: Vec<String>,
    },
    /// A date that is not `JJJJ-MM-DD`.
    BadDate {
        /// Which input, as the caller names it ("peildatum", a date key or label).
        field: String,
        /// The text given.
        value: String,
    },
    /// A training case whose answers do not reach an outcome.
    CaseWithoutOutcome {
        /// The test case's name.
        case: String,
    },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use AnswerError::*;
        match self {
            UnknownGuideline { id, valid } => {
                write!(f, "onbekende richtlijn '{id}'; kies uit: {}", valid.join(", "))
            }
            GuidelineUnavailable { id, message } => {
                write!(f, "richtlijn '{id}' is niet beschikbaar: {message}")
            }
            UnknownQuestion { guideline, question, valid } => {
                write!(f, "richtlijn '{guideline}' heeft geen vraag '{question}'; vragen: {}", valid.join(", "))
            }
            UnknownOption { question, option, valid } => {
                write!(f, "vraag '{question}' heeft geen antwoord '{option}'; kies uit: {}", valid.join(", "))
            }
            BadDate { field, value } => {
                write!(f, "{field} '{value}' is geen geldige datum (gebruik JJJJ-MM-DD, bijv. 2026-04-15)")
            }
            CaseWithoutOutcome { case } => write!(f, "de casus '{case}' komt met zijn antwoorden niet bij een uitkomst"),
        }
    }
}

impl std::error::Error for AnswerError {}
