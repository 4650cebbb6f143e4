//! The registry of built-in guidelines: the only code that knows the rule files' paths.
//!
//! Guidelines not modelled yet are listed with status [`Status::Volgt`], so the widget can show them.
//! A rule file that fails to load does not take the others down: it is listed as
//! [`Status::Defect`] with its diagnostics, and the widget shows a Dutch message for it.

use crate::engine::{load_compiled, AnswerError, Guideline, LoadError};
use serde::Serialize;

/// A rule file known to the registry: id, region, seed, and the file compiled by `build.rs`
/// (`None`: not modelled yet).
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    pub id: &'static str,
    pub region: &'static str,
    pub seed: &'static str,
    pub compiled: Option<&'static [u8]>,
}

/// The compiled form of `rules/<id>.json`.
macro_rules! compiled {
    ($id:literal) => {
        Some(include_bytes!(concat!(env!("OUT_DIR"), "/", $id, ".bin")))
    };
}

const BUILTIN: &[Builtin] = &[
    Builtin {
        id: "westfriesland",
        region: "Westfriesland",
        seed: "000_3a33d3ffdfdfb69c.txt",
        compiled: compiled!("westfriesland"),
    },
    Builtin { id: "oost-veluwe", region: "Oost Veluwe", seed: "001_39a8dd410a3f9005.txt", compiled: compiled!("oost-veluwe") },
    Builtin { id: "flevoland", region: "Flevoland", seed: "002_e8bde5b97728d580.txt", compiled: compiled!("flevoland") },
    Builtin { id: "hoogeveen-de-wolden", region: "Hoogeveen en De Wolden", seed: "003_8fa90dad81782c1e.txt", compiled: compiled!("hoogeveen-de-wolden") },
    Builtin { id: "zeeland", region: "Zeeland", seed: "004_1654ded92a493f8f.txt", compiled: compiled!("zeeland") },
];

/// Whether a guideline can be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Loaded and validated.
    Beschikbaar,
    /// Not modelled yet.
    Volgt,
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
    pub status: Status,
    /// Dutch messages when the status is `defect`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<String>,
}

/// All built-in guidelines, loaded and validated once.
pub struct Registry {
    entries: Vec<(Entry, Option<Guideline>)>,
}

impl Registry {
    /// Loads every built-in rule file. Never fails: broken files are listed as defect.
    pub fn builtin() -> Self {
        Self::from_files(BUILTIN)
    }

    /// A registry of the given files (the built-in list, or a test's). Never fails.
    pub fn from_files(files: &[Builtin]) -> Self {
        let entries = files
            .iter()
            .map(|b| {
                let base = Entry {
                    id: b.id.into(),
                    region: b.region.into(),
                    title: String::new(),
                    seed: b.seed.into(),
                    document_date: String::new(),
                    status: Status::Volgt,
                    problems: Vec::new(),
                };
                match b.compiled.map(|bytes| load_compiled(b.id, bytes)) {
                    None => (base, None),
                    Some(Ok(g)) => (
                        Entry {
                            title: g.title.clone(),
                            region: g.region.clone(),
                            document_date: g.document_date.clone(),
                            status: Status::Beschikbaar,
                            ..base
                        },
                        Some(g),
                    ),
                    Some(Err(e)) => (Entry { status: Status::Defect, problems: messages(&e), ..base }, None),
                }
            })
            .collect();
        Registry { entries }
    }

    /// Every guideline with its status, in a fixed order.
    pub fn list(&self) -> Vec<Entry> {
        self.entries.iter().map(|(e, _)| e.clone()).collect()
    }

    /// A usable guideline, or an error that lists the valid ids or says why it is unavailable.
    pub fn get(&self, id: &str) -> Result<&Guideline, AnswerError> {
        match self.entries.iter().find(|(e, _)| e.id == id) {
            Some((_, Some(g))) => Ok(g),
            Some((e, None)) => Err(AnswerError::GuidelineUnavailable {
                id: id.into(),
                message: match e.status {
                    Status::Volgt => "deze richtlijn volgt nog".into(),
                    _ => e.problems.join("; "),
                },
            }),
            None => Err(AnswerError::UnknownGuideline {
                id: id.into(),
                valid: self.entries.iter().map(|(e, _)| e.id.clone()).collect(),
            }),
        }
    }

}

fn messages(e: &LoadError) -> Vec<String> {
    e.diagnostics.iter().map(|d| d.kind.to_string()).collect()
}
