//! One component per file; each takes `XxxProps` and reports through `on<verb>` callbacks.

pub mod answer_list;
pub mod guideline_picker;
pub mod interpretation_mark;
pub mod outcome_view;
pub mod question_step;
pub mod schedule_view;
pub mod source_quote;
pub mod why_view;
