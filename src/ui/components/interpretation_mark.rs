use crate::engine::model::Interpretation;
use crate::ui::markup::Markup;

/// Marks a passage where the guideline is unclear: "interpretatie" or "niet eenduidig"; written as
/// text into the question and the outcome (see [`crate::ui::markup`]).
pub fn write(m: &mut Markup, i: &Interpretation) {
    m.raw("<p class=\"rw-interpretatie\">").el("<strong class=\"rw-label\">", i.kind.label()).raw(" ").text(&i.text).raw("</p>");
}
