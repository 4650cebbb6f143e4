//! The registry of guidelines: the built-in rule files (every `rules/*.json`, compiled by `build.rs`
//! and listed in seed order) and, in the widget, a gemeente's own rule file.
//!
//! Native code and the JS API load every built-in file at once ([`Registry::builtin`]). The widget
//! starts from the index alone ([`Registry::index`]: ids, regions, titles, status) and fetches one
//! guideline's data when it is opened ([`Registry::insert`]), so a walk transfers only the data of
//! the guideline walked. A rule file that fails to load does not take the others down: it is listed
//! as [`Status::Defect`] with its Dutch diagnostics.
//!
//! A gemeente's own rule file (`<regie-wijzer regels="…">`) is checked in the browser by its own bundle (dist/eigen/)
//! ([`compile_own`], the same verdict as `regiewijzer check`) and handed to the widget compiled, as
//! a built-in guideline is: an index that lists it ([`own_index`], [`Registry::from_index`]) and its
//! data file, which the loader serves from memory. The widget itself never parses JSON and carries
//! next to no code for it.

use crate::engine::codec::{decode, Bundle, CodecError, Listing};
use crate::engine::error::{Diagnostic, ErrorKind};
use crate::engine::layout::Layout;
use crate::engine::model::TestCase;
use crate::engine::{AnswerError, Guideline};
use serde::Serialize;
use std::fmt;
use std::rc::Rc;

include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// The index of the built-in rule files, in seed order.
const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.rwd"));

/// Whether a guideline can be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Validated; usable once its data is loaded.
    Beschikbaar,
    /// The rule file has problems; the messages say which.
    Defect,
}

/// One entry of the registry, as the picker and the JS API list it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub id: String,
    pub region: String,
    pub title: String,
    pub seed: String,
    pub document_date: String,
    pub valid_from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    pub status: Status,
    /// Dutch messages when the status is `defect`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
    /// The placeholder keys a gemeente may name in its configuration file.
    pub configurable: Vec<String>,
    /// A gemeente's own rule file (not built in).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own: bool,
}

impl Entry {
    fn of(l: Listing, own: bool) -> Self {
        let status = if l.problems.is_empty() { Status::Beschikbaar } else { Status::Defect };
        Entry {
            id: l.id,
            region: l.region,
            title: l.title,
            seed: l.seed,
            document_date: l.document_date,
            valid_from: l.valid_from,
            valid_until: l.valid_until,
            status,
            problems: l.problems,
            configurable: l.configurable,
            own,
        }
    }
}

/// The guidelines, each with its data once loaded. Cheap to clone (the data is shared).
#[derive(Clone, Default)]
pub struct Registry {
    entries: Vec<(Entry, Option<Rc<Bundle>>)>,
}

impl Registry {
    /// Every built-in guideline, loaded (the CLI, the tests and the JS API).
    pub fn builtin() -> Self {
        let mut r = Self::index();
        for (id, full, _, _) in BUILTIN {
            // A file that does not decode is listed as defect with the message.
            let _ = r.insert(id, full);
        }
        r
    }

    /// The built-in index without data (the widget): [`Registry::insert`] adds a guideline's data.
    pub fn index() -> Self {
        Self::from_index(INDEX)
    }

    /// An index without data in the compact form: the built-in one, or the one [`own_index`] makes
    /// with a gemeente's own guideline added (the widget's `mount` takes it from dist/eigen/). Its
    /// entries are not flagged [`Entry::own`] (the widget needs no flag: [`compile_own`] marks the
    /// title); [`Registry::add_own`] flags them.
    pub fn from_index(index: &[u8]) -> Self {
        let listings: Vec<Listing> = decode(index).unwrap_or_default();
        Registry { entries: listings.into_iter().map(|l| (Entry::of(l, false), None)).collect() }
    }

    /// The compiled data files of the built-in guidelines: (id, walk data, test cases). The widget
    /// fetches these from its own folder (`regiewijzer export` writes them).
    pub fn builtin_files() -> impl Iterator<Item = (&'static str, &'static [u8], &'static [u8])> {
        BUILTIN.iter().map(|(id, _, web, cases)| (*id, *web, *cases))
    }

    /// Adds the data of listed guideline `id` from a compiled file. A file that cannot be decoded,
    /// or holds another guideline, marks the entry defect with the error's Dutch message and
    /// returns the error.
    pub fn insert(&mut self, id: &str, bytes: &[u8]) -> Result<(), InsertError> {
        self.insert_with(id, bytes, |_| {})
    }

    /// [`Registry::insert`], with the guideline changed before it is stored (a gemeente's own
    /// labels). Changing it here, while it has one owner, means a loaded guideline is never copied.
    pub fn insert_with(&mut self, id: &str, bytes: &[u8], edit: impl FnOnce(&mut Guideline)) -> Result<(), InsertError> {
        let Some(slot) = self.entries.iter_mut().find(|(e, _)| e.id == id) else {
            return Err(InsertError { message: format!("onbekende richtlijn '{id}'"), kind: InsertErrorKind::NotListed });
        };
        let problem = match decode::<Bundle>(bytes) {
            Ok(mut b) if b.guideline.id == id => {
                edit(&mut b.guideline);
                slot.1 = Some(Rc::new(b));
                return Ok(());
            }
            Ok(b) => InsertError {
                message: format!("het gegevensbestand bevat richtlijn '{}' in plaats van '{id}'", b.guideline.id),
                // A copy: moving it out would drop the rest of the bundle field by field (bytes in the widget).
                kind: InsertErrorKind::OtherGuideline { found: b.guideline.id.clone() },
            },
            Err(e) => InsertError {
                message: format!("het gegevensbestand van '{id}' is niet te lezen: {e}"),
                kind: InsertErrorKind::Unreadable(e),
            },
        };
        slot.0.status = Status::Defect;
        slot.0.problems = vec![problem.message.clone()];
        Err(problem)
    }

    /// Adds (or replaces) a guideline that is not built in: a gemeente's own rule file, compiled,
    /// or its name and problems when it did not pass. Returns the id it is listed under. A file
    /// with the id of a built-in guideline never replaces it: it is listed as defect, saying so.
    pub fn add_own(&mut self, compiled: Result<Bundle, OwnRejected>) -> String {
        let builtin = |id: &str| self.entries.iter().any(|(e, _)| e.id == id && !e.own);
        let compiled = match compiled {
            Ok(b) if builtin(&b.guideline.id) => Err(OwnRejected {
                name: format!("eigen regelbestand ({})", b.guideline.id),
                problems: vec![OwnProblem::BuiltinId { id: b.guideline.id }],
            }),
            Err(OwnRejected { name, problems }) if builtin(&name) => {
                Err(OwnRejected { name: format!("eigen regelbestand ({name})"), problems })
            }
            other => other,
        };
        let (entry, data) = match compiled {
            Ok(b) => (Entry::of(Listing::of(&b.guideline), true), Some(Rc::new(b))),
            Err(OwnRejected { name, problems }) => {
                let problems = problems.iter().map(ToString::to_string).collect();
                let l = Listing {
                    id: name.clone(),
                    region: name,
                    title: String::new(),
                    seed: String::new(),
                    document_date: String::new(),
                    valid_from: String::new(),
                    valid_until: None,
                    problems,
                    configurable: Vec::new(),
                };
                (Entry::of(l, true), None)
            }
        };
        let id = entry.id.clone();
        self.entries.retain(|(e, _)| e.id != id);
        self.entries.push((entry, data));
        id
    }

    /// Every guideline with its status, in a fixed order.
    pub fn list(&self) -> Vec<Entry> {
        self.entries.iter().map(|(e, _)| e.clone()).collect()
    }

    /// The entry of `id`, loaded or not.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|(e, _)| e.id == id).map(|(e, _)| e)
    }

    /// Whether `id` is listed, usable and not yet loaded (the widget then fetches its data).
    pub fn needs_data(&self, id: &str) -> bool {
        self.entries.iter().any(|(e, d)| e.id == id && e.status == Status::Beschikbaar && d.is_none())
    }

    /// A usable, loaded guideline, or an error that lists the valid ids or says why it is unavailable.
    pub fn get(&self, id: &str) -> Result<&Guideline, AnswerError> {
        self.bundle(id).map(|b| &b.guideline)
    }

    /// A loaded guideline with its schema, shared.
    pub fn bundle_rc(&self, id: &str) -> Option<Rc<Bundle>> {
        self.entries.iter().find(|(e, _)| e.id == id).and_then(|(_, b)| b.clone())
    }

    /// The laid-out schema of a loaded guideline.
    pub fn layout(&self, id: &str) -> Option<&Layout> {
        self.bundle(id).ok().map(|b| &b.layout)
    }

    fn bundle(&self, id: &str) -> Result<&Bundle, AnswerError> {
        match self.entries.iter().find(|(e, _)| e.id == id) {
            Some((_, Some(b))) => Ok(b),
            Some((e, None)) => Err(AnswerError::GuidelineUnavailable {
                id: id.into(),
                message: match e.status {
                    Status::Beschikbaar => "de gegevens zijn nog niet geladen".into(),
                    Status::Defect => e.problems.join("; "),
                },
            }),
            None => Err(AnswerError::UnknownGuideline { id: id.into(), valid: self.entries.iter().map(|(e, _)| e.id.clone()).collect() }),
        }
    }
}

/// Why [`Registry::insert`] could not add the data of a guideline (the id it was given): what went
/// wrong (`kind`), and the Dutch message naming the id that the entry's `problems` then hold
/// (`Display`; `String::from` takes it without a copy, which is what the widget shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InsertError {
    /// What went wrong.
    pub kind: InsertErrorKind,
    message: String,
}

/// What went wrong adding a guideline's data.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InsertErrorKind {
    /// No listed guideline has this id.
    NotListed,
    /// The file decodes, but holds another guideline.
    OtherGuideline {
        /// The id of the guideline in the file.
        found: String,
    },
    /// The file does not decode.
    Unreadable(CodecError),
}

impl fmt::Display for InsertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<InsertError> for String {
    fn from(e: InsertError) -> String {
        e.message
    }
}

impl std::error::Error for InsertError {}

/// The test cases (with their situation texts) of a built-in guideline: the training cases.
pub fn builtin_cases(id: &str) -> Vec<TestCase> {
    BUILTIN.iter().find(|(i, ..)| *i == id).and_then(|(_, _, _, c)| decode(c).ok()).unwrap_or_default()
}

/// Largest own rule file read, in bytes (the largest built-in file is about 160 KB).
pub const MAX_OWN_LEN: usize = 1024 * 1024;

/// Why an own rule file with a built-in guideline's id is refused (Dutch, naming the id).
pub fn own_clash(id: &str) -> String {
    format!("id '{id}' is al een ingebouwde richtlijn; geef het eigen regelbestand een ander id (bijvoorbeeld '{id}-eigen')")
}

/// A gemeente's own rule file that did not pass ([`compile_own`]): the name to list it under, and
/// every problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnRejected {
    /// The guideline's id when the file could be read that far, else the name it was given.
    pub name: String,
    /// Every problem, in the order found. Never empty.
    pub problems: Vec<OwnProblem>,
}

/// One problem of a gemeente's own rule file. `Display` gives the Dutch message, naming the
/// offending id; [`OwnProblem::code`] a machine-readable name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OwnProblem {
    /// The file is larger than [`MAX_OWN_LEN`].
    TooLarge {
        /// The limit, in KB.
        max_kb: usize,
    },
    /// The file's id is a built-in guideline's (a built-in guideline is never replaced).
    BuiltinId {
        /// The id.
        id: String,
    },
    /// What loading, validation, the file's own test cases or the audit found (as `regiewijzer
    /// check` reports it).
    Rule(Diagnostic),
}

impl fmt::Display for OwnProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OwnProblem::TooLarge { max_kb } => write!(f, "het bestand is groter dan {max_kb} KB"),
            OwnProblem::BuiltinId { id } => f.write_str(&own_clash(id)),
            OwnProblem::Rule(d) => write!(f, "{}", d.kind),
        }
    }
}

impl OwnProblem {
    /// The problem's kind as a stable snake_case name (Dutch, as the JS API's `kind`): `te_groot`,
    /// `ingebouwd_id`, or for a rule file problem its [`ErrorKind`] (`onbekende_startvraag`,
    /// `testgeval_faalt`, …).
    pub fn code(&self) -> &'static str {
        use ErrorKind::*;
        match self {
            OwnProblem::TooLarge { .. } => "te_groot",
            OwnProblem::BuiltinId { .. } => "ingebouwd_id",
            OwnProblem::Rule(d) => match d.kind {
                Parse { .. } => "niet_te_lezen",
                DuplicateId { .. } => "dubbel_id",
                UnknownStart { .. } => "onbekende_startvraag",
                UnknownTarget { .. } => "onbekend_doel",
                UnknownCondition { .. } => "onbekende_voorwaarde",
                ConditionNotEarlier { .. } => "voorwaarde_niet_eerder",
                DeadEnd { .. } => "doodlopend",
                ConflictingNext { .. } => "goto_of_branches",
                Unreachable { .. } => "onbereikbaar",
                Cycle { .. } => "kringloop",
                MissingSource { .. } => "bron_ontbreekt",
                QuoteTooLong { .. } => "citaat_te_lang",
                UnknownCadence { .. } => "onbekend_evaluatieritme",
                TestCaseFailed { .. } => "testgeval_faalt",
                MissingLabel { .. } => "kort_label_ontbreekt",
                LabelTooLong { .. } => "kort_label_te_lang",
                BadValidity { .. } => "ongeldige_geldigheid",
                BadId { .. } => "ongeldig_id",
                MissingSituation { .. } => "casustekst_ontbreekt",
                QuoteNotInText { .. } => "citaat_niet_in_tekst",
                HeadingNotInText { .. } => "kop_niet_in_tekst",
                HeadingNotAccounted { .. } => "kop_niet_verantwoord",
                HeadingNotListed { .. } => "kop_niet_in_headings",
                UnfilledPlaceholder { .. } => "open_plaatshouder",
                OutcomeNotReached { .. } => "uitkomst_niet_bereikt",
                OutcomeWithoutTest { .. } => "uitkomst_zonder_testgeval",
                ThinInterpretation { .. } => "interpretatie_te_kort",
                TooManyPaths { .. } => "te_veel_paden",
            },
        }
    }
}

/// Checks a gemeente's own rule file (its JSON text; `name` names it, e.g. its file name) as the
/// widget offers it: the verdict of `regiewijzer check` (load, validate, its test cases, audit;
/// quotes and headings only against `text` when given), and its id must not be a built-in one.
/// Ok: what a walk needs (see [`Bundle::for_walk`]), its title marked with [`OWN_MARK`]. Err: the
/// name to list it under and every problem, each naming the offending id.
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
pub fn compile_own(name: &str, json: &str, text: Option<&str>) -> Result<Bundle, OwnRejected> {
    if json.len() > MAX_OWN_LEN {
        return Err(OwnRejected { name: name.to_string(), problems: vec![OwnProblem::TooLarge { max_kb: MAX_OWN_LEN / 1024 }] });
    }
    let v = crate::engine::audit::check(name, json, |_| text.map(String::from));
    let clash = Registry::index().entry(&v.id).is_some().then(|| OwnProblem::BuiltinId { id: v.id.clone() });
    match v.result {
        Ok(mut g) if clash.is_none() => {
            g.title = format!("{} ({OWN_MARK})", g.title);
            Ok(Bundle::new(g).for_walk())
        }
        Ok(_) => Err(OwnRejected { name: name.to_string(), problems: clash.into_iter().collect() }),
        Err(ds) => {
            Err(OwnRejected { name: name.to_string(), problems: clash.into_iter().chain(ds.into_iter().map(OwnProblem::Rule)).collect() })
        }
    }
}

/// How a gemeente's own guideline is marked: after its title, so the list, the header, printouts
/// and the dossier text all say so.
pub const OWN_MARK: &str = "eigen regelbestand van de gemeente";

/// The widget's index with a compiled own guideline listed after the built-in ones (a built-in id
/// is never replaced: [`compile_own`] refuses it, and here it is skipped).
pub fn own_index(b: &Bundle) -> Vec<u8> {
    let mut listings: Vec<Listing> = decode(INDEX).unwrap_or_default();
    if !listings.iter().any(|l| l.id == b.guideline.id) {
        listings.push(Listing::of(&b.guideline));
    }
    crate::engine::codec::encode(&listings)
}
