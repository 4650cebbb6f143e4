//! One part of the widget per file. Components (with hooks or state) take `XxxProps` and report
//! through `on<verb>` callbacks; stateless parts are render functions `view(&XxxProps)` (a component
//! type costs the wasm about 2 KB of Yew's generic code), and the smallest pieces of an outcome are
//! `write` functions into [`crate::ui::markup::Markup`]. The question, the outcome and the
//! alternatives are render functions too: the App gives a new one the keyboard focus with their
//! `focus` functions, from its one keyed effect.

pub mod alternatives_view;
pub mod answer_list;
pub mod guideline_picker;
pub mod interpretation_mark;
pub mod outcome_view;
pub mod question_step;
pub mod schedule_view;
pub mod schema_text;
pub mod schema_view;
pub mod source_quote;
pub mod why_view;
// The training page's parts (feature `training`): the walk's bundle carries none of them.
#[cfg(feature = "training")]
pub mod answer_sheet;
#[cfg(feature = "training")]
pub mod case_list;
#[cfg(feature = "training")]
pub mod case_result;
#[cfg(feature = "training")]
pub mod coverage_view;

use crate::engine::codec::Bundle;
use crate::ui::markup::Markup;
use std::rc::Rc;
use yew::Html;

/// Markup written as text (the read-only parts, see [`crate::ui::markup`]) as one raw Yew node.
pub fn raw(m: Markup) -> Html {
    Html::from_html_unchecked(m.finish().into())
}

/// Markup written as text in pieces, each its own raw node, so a re-render re-parses only the
/// pieces whose text changed (Yew keeps a raw node whose text is the same). Nested two by two
/// (`[first, [second, [third, []]]]`): Yew pairs the children of an unkeyed list from the end, so in
/// a flat list one piece added at the end (a new answer) would shift every pair and rewrite them
/// all; nested, each piece keeps its partner and one added at the end is only added.
pub fn pieces(items: Vec<Markup>) -> Html {
    items.into_iter().rev().fold(Html::default(), |rest, m| yew::virtual_dom::VList::with_children(vec![raw(m), rest], None).into())
}

/// A loaded guideline and its schema as a prop: shared, compared by pointer (it never changes).
#[derive(Clone)]
pub struct BundleRef(pub Rc<Bundle>);

impl PartialEq for BundleRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
