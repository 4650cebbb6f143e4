//! Geometry that the integration tests (`tests/layout.rs`) check layouts with. Not part of the
//! engine's API (hidden from its docs): integration tests can only reach public items.

use super::Rect;

/// Whether segment p–q has a point strictly inside `r`: the test the layout uses when it keeps
/// labels off lines.
pub fn segment_hits_rect(p: (i32, i32), q: (i32, i32), r: Rect) -> bool {
    r.hit_by(p, q)
}
