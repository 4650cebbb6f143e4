//! Regiewijzer: Dutch regional regie guidelines as a walkable stroomschema.
//!
//! - [`engine`]: pure Rust decision engine (model, validation, walk, trace, dates).
//! - [`guidelines`]: the registry of built-in rule files (`rules/*.json`).
//! - `ui` and `wasm` (feature `web`): the Yew widget and the JS API, on top of the engine.
//! - `src/bin/regiewijzer.rs`: the native CLI.

pub mod engine;
pub mod guidelines;

pub mod ui;
#[cfg(feature = "web")]
pub mod wasm;
