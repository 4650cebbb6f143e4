//! The parts of the rule owner's page, one per file. They are render functions over plain props
//! structs (the page has one reducer; every part reports through an `on<verb>` callback), except
//! the schema, which is the widget's own [`crate::ui::components::schema_view::SchemaView`].

pub mod cadence_form;
pub mod case_form;
pub mod compare_panel;
pub mod diff_view;
pub mod element_list;
pub mod field;
pub mod headings_form;
pub mod number_field;
pub mod open_panel;
pub mod outcome_form;
pub mod problem_list;
pub mod publish_panel;
pub mod question_form;
pub mod source_pane;
pub mod version_form;

/// A safe fragment for an element id or `#` link (ids of the rule file may hold `.`, `#`, `:`).
pub fn anchor(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}
