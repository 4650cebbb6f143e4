//! Richtlijnbeheer (`beheer.html`, feature `beheer`, its own bundle): the owner of a guideline opens
//! its rule file, edits it in forms, sees the engine's validation, the file's test cases and the
//! stroomschema follow every change, compares the edited rules with the version opened, quotes the
//! guideline text by selecting it, and downloads the rule file. No walk loads any of it.
//!
//! - `state`: the page's state and its one reducer (plain Rust, tested natively).
//! - `app` and `components`: the Yew page, one component or render function per file.

pub mod state;

#[cfg(feature = "beheer")]
pub mod js;

#[cfg(feature = "beheer")]
pub mod app;
#[cfg(feature = "beheer")]
pub mod components;
