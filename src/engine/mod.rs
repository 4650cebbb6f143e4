//! The engine: load → validate → walk → advice (outcome + trace + dates). Pure Rust: no Yew, no
//! wasm-bindgen, no web-sys, no js-sys. It builds and tests natively with `cargo test`.

pub mod advice;
pub mod audit;
pub mod codec;
pub mod dates;
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
pub use error::{AnswerError, Diagnostic, ErrorKind, LoadError};
pub use model::Guideline;
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
pub use validate::load;
pub use validate::validate;
pub use walk::{paths, walk, walk_forked, Alternative, Answers, Forked, Position, Session, Step, Walk, UNKNOWN};
