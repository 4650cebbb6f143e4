//! Browser bindings on top of the engine: conversions only.
//! - `widget` (feature `ui`): `mount()` for the Yew widget.
//! - `api` (feature `api`): `guidelines()` and `evaluate()` for pages without the widget.
//!
//! - `own` (feature `own`): `compile()`, the check of a gemeente's own rule file, loaded lazily.
//! - `beheer` (feature `beheer`): `mount_beheer()` for the rule owner's page (dist/beheer.html).
//! - `training` (feature `training`): `mount_training()` for the training page (dist/oefenen.html).
//!
//! They are built as separate bundles so the widget carries only what it uses.

#[cfg(feature = "api")]
pub mod api;
#[cfg(feature = "beheer")]
pub mod beheer;
#[cfg(feature = "own")]
pub mod own;
#[cfg(feature = "training")]
pub mod training;
// Not in the rule owner's bundle: it mounts only its own page, and `mount` would keep the whole
// widget in it (measured: see the commit that added this gate).
#[cfg(all(feature = "ui", not(feature = "beheer")))]
pub mod widget;
