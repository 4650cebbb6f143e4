//! The engine: load → validate → walk → advice (outcome + trace + dates). Pure Rust: no Yew, no
//! wasm-bindgen, no web-sys, no js-sys. It builds and tests natively with `cargo test`.

// Every public item says what it is: the docs are the engine's manual (checked by the lint).
#![warn(missing_docs)]

pub mod advice;
pub mod audit;
pub mod codec;
// Native (CLI, tests) and the beheer page only: compiled into the walk's bundles, its public
// functions alone change how LLVM inlines shared code (+57 B gzip wasm, measured), unused.
#[cfg(any(not(target_arch = "wasm32"), feature = "beheer"))]
pub mod coverage;
pub mod dates;
pub mod diff;
pub mod error;
pub mod fragment;
pub mod ics;
pub mod layout;
pub mod map;
pub mod model;
pub mod schema;
pub mod validate;
pub mod walk;

pub use advice::{advise, dossier_text, Advice, Dates, GuidelineRef};
pub use diff::{diff, Diff};
pub use error::{AnswerError, Diagnostic, ErrorKind, LoadError};
pub use model::Guideline;
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
pub use validate::load;
pub use validate::validate;
pub use walk::{paths, walk, walk_forked, Alternative, Answers, Forked, Position, Session, Step, Walk, UNKNOWN};
