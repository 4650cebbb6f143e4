//! Browser bindings on top of the engine: conversions only.
//! - `widget` (feature `ui`): `mount()` for the Yew widget.
//! - `api` (feature `api`): `guidelines()` and `evaluate()` for pages without the widget.
//!
//! They are built as two bundles so the widget carries only what it uses.

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "ui")]
pub mod widget;
