//! Regiewijzer: Dutch regional regie guidelines as a walkable stroomschema.
//!
//! - [`engine`]: pure Rust decision engine (model, validation, walk, trace, dates).
//! - [`compare`]: "Vergelijk regio's": one situation in several guidelines (pure Rust).
//! - [`training`]: cases, "Waarom?" questions, coverage and the answer sheet (pure Rust).
//! - [`guidelines`]: the registry of built-in rule files (`rules/*.json`).
//! - [`ui`]: the widget's state (plain Rust); its Yew components need feature `ui`.
//! - `bindings`: `mount()` for the widget (feature `ui`), `mount_training()` (feature `training`),
//!   `mount_beheer()` for the rule owner's page (feature `beheer`),
//!   the JS API (feature `api`) and the own rule file's check (feature `own`).
//! - `src/bin/regiewijzer.rs`: the native CLI.

pub mod compare;
pub mod config;
pub mod engine;
pub mod guidelines;
pub mod json;
pub mod training;

#[cfg(any(feature = "ui", feature = "api", feature = "own"))]
pub mod bindings;
pub mod ui;

/// The widget is single-threaded; lol_alloc's free-list allocator is a few hundred bytes where
/// dlmalloc is 7 KB (measured: -3.4 KB gzip for the whole bundle). Not in the rule owner's bundle:
/// its diff and audit make hundreds of thousands of small allocations, and a free list that long
/// makes each one slow (Hoogeveen/De Wolden's diff: 24.6 s in Chromium with it); std's dlmalloc
/// keeps bins by size.
#[cfg(all(target_arch = "wasm32", any(feature = "ui", feature = "own"), not(feature = "beheer")))]
#[global_allocator]
static ALLOC: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without threads: there is only one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
