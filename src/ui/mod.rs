//! The widget. `state` (the reducer) is plain Rust and always compiled, so it tests natively; the
//! Yew components need the `web` feature.

pub mod state;

#[cfg(feature = "web")]
pub mod app;
#[cfg(feature = "web")]
pub mod components;
