//! Regiewijzer: Dutch regional regie guidelines as a walkable stroomschema.
//!
//! - [`engine`]: pure Rust decision engine (model, validation, walk, trace, dates).
//! - [`guidelines`]: the registry of built-in rule files (`rules/*.json`).
//! - [`ui`]: the widget's state (plain Rust); its Yew components need feature `ui`.
//! - `bindings`: `mount()` for the widget (feature `ui`) and the JS API (feature `api`).
//! - `src/bin/regiewijzer.rs`: the native CLI.

pub mod engine;
pub mod guidelines;

pub mod ui;
#[cfg(any(feature = "ui", feature = "api"))]
pub mod bindings;
