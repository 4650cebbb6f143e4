//! The widget. `state` (the reducer) is plain Rust and always compiled, so it tests natively; the
//! Yew components need the `ui` feature.

// Richtlijnbeheer (beheer.html): its state tests natively; its bundle is feature `beheer`.
#[cfg(any(not(target_arch = "wasm32"), feature = "beheer"))]
pub mod beheer;
pub mod compare_state;
// The first step of each guideline as HTML, written at build time (the CLI); never in a bundle.
#[cfg(not(target_arch = "wasm32"))]
pub mod first_step;
pub mod markup;
pub mod page_markup;
pub mod state;
pub mod training_state;

#[cfg(feature = "ui")]
pub mod app;
#[cfg(feature = "ui")]
pub mod browser;
#[cfg(feature = "training")]
pub mod compare_app;
#[cfg(feature = "ui")]
pub mod components;
#[cfg(feature = "training")]
pub mod training_app;
