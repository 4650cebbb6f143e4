//! The engine: load → validate → walk → advice (outcome + trace + dates). Pure Rust: no Yew, no
//! wasm-bindgen, no web-sys, no js-sys. It builds and tests natively with `cargo test`.

pub mod advice;
pub mod audit;
pub mod dates;
pub mod error;
pub mod model;
pub mod validate;
pub mod walk;

pub use advice::{advise, dossier_text, Advice, Dates, GuidelineRef};
pub use error::{AnswerError, Diagnostic, ErrorKind, LoadError};
pub use model::Guideline;
#[cfg(not(target_arch = "wasm32"))]
pub use validate::load;
pub use validate::{load_compiled, validate};
pub use walk::{paths, walk, Answers, Position, Session, Step, Walk};
