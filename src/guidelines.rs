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

use crate::engine::codec::{decode, Bundle, Listing};
use crate::engine::layout::Layout;
use crate::engine::model::TestCase;
use crate::engine::{AnswerError, Guideline};
use serde::Serialize;
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
    /// or holds another guideline, marks the entry defect with a Dutch message (also returned).
    pub fn insert(&mut self, id: &str, bytes: &[u8]) -> Result<(), String> {
        self.insert_with(id, bytes, |_| {})
    }

    /// [`Registry::insert`], with the guideline changed before it is stored (a gemeente's own
    /// labels). Changing it here, while it has one owner, means a loaded guideline is never copied.
    pub fn insert_with(&mut self, id: &str, bytes: &[u8], edit: impl FnOnce(&mut Guideline)) -> Result<(), String> {
        let Some(slot) = self.entries.iter_mut().find(|(e, _)| e.id == id) else {
            return Err(format!("onbekende richtlijn '{id}'"));
        };
        let problem = match decode::<Bundle>(bytes) {
            Ok(mut b) if b.guideline.id == id => {
                edit(&mut b.guideline);
                slot.1 = Some(Rc::new(b));
                return Ok(());
            }
            Ok(b) => format!("het gegevensbestand bevat richtlijn '{}' in plaats van '{id}'", b.guideline.id),
            Err(e) => format!("het gegevensbestand van '{id}' is niet te lezen: {e}"),
        };
        slot.0.status = Status::Defect;
        slot.0.problems = vec![problem.clone()];
        Err(problem)
    }

    /// Adds (or replaces) a guideline that is not built in: a gemeente's own rule file, compiled,
    /// or (its name, its problems) when it did not pass. Returns the id it is listed under. A file
    /// with the id of a built-in guideline never replaces it: it is listed as defect, saying so.
    pub fn add_own(&mut self, compiled: Result<Bundle, (String, Vec<String>)>) -> String {
        let builtin = |id: &str| self.entries.iter().any(|(e, _)| e.id == id && !e.own);
        let compiled = match compiled {
            Ok(b) if builtin(&b.guideline.id) => {
                Err((format!("eigen regelbestand ({})", b.guideline.id), vec![own_clash(&b.guideline.id)]))
            }
            Err((name, problems)) if builtin(&name) => Err((format!("eigen regelbestand ({name})"), problems)),
            other => other,
        };
        let (entry, data) = match compiled {
            Ok(b) => (Entry::of(Listing::of(&b.guideline), true), Some(Rc::new(b))),
            Err((name, problems)) => {
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

/// Checks a gemeente's own rule file (its JSON text; `name` names it, e.g. its file name) as the
/// widget offers it: the verdict of `regiewijzer check` (load, validate, its test cases, audit;
/// quotes and headings only against `text` when given), and its id must not be a built-in one.
/// Ok: what a walk needs (see [`Bundle::for_walk`]), its title marked with [`OWN_MARK`]. Err: (the
/// name to list it under, every problem in Dutch, each naming the offending id).
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
pub fn compile_own(name: &str, json: &str, text: Option<&str>) -> Result<Bundle, (String, Vec<String>)> {
    if json.len() > MAX_OWN_LEN {
        return Err((name.to_string(), vec![format!("het bestand is groter dan {} KB", MAX_OWN_LEN / 1024)]));
    }
    let v = crate::engine::audit::check(name, json, |_| text.map(String::from));
    let mut problems = v.problems();
    if Registry::index().entry(&v.id).is_some() {
        problems.insert(0, own_clash(&v.id));
    }
    match v.result {
        Ok(mut g) if problems.is_empty() => {
            g.title = format!("{} ({OWN_MARK})", g.title);
            Ok(Bundle::new(g).for_walk())
        }
        _ => Err((name.to_string(), problems)),
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
