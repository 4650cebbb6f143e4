use crate::engine::model::Interpretation;
use crate::ui::components::raw;
use crate::ui::markup::Markup;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InterpretationMarkProps {
    pub interpretation: Interpretation,
}

/// Marks a passage where the guideline is unclear: "interpretatie" or "niet eenduidig".
#[component]
pub fn InterpretationMark(props: &InterpretationMarkProps) -> Html {
    let mut m = Markup::new();
    write(&mut m, &props.interpretation);
    raw(m)
}

/// The same as markup, for the parts written as text.
pub fn write(m: &mut Markup, i: &Interpretation) {
    m.raw("<p class=\"rw-interpretatie\">").el("<strong class=\"rw-label\">", i.kind.label()).raw(" ").text(&i.text).raw("</p>");
}
