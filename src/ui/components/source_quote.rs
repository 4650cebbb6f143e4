use crate::engine::model::Source;
use crate::ui::components::raw;
use crate::ui::markup::Markup;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceQuoteProps {
    pub source: Source,
    /// The seed file the quote comes from.
    pub seed: String,
}

/// A source: heading, verbatim quote and document.
#[component]
pub fn SourceQuote(props: &SourceQuoteProps) -> Html {
    let mut m = Markup::new();
    write(&mut m, &props.source, &props.seed);
    raw(m)
}

/// The same, written as text into a part that is markup (see [`crate::ui::markup`]).
pub fn write(m: &mut Markup, source: &Source, seed: &str) {
    m.raw("<figure class=\"rw-bron\"><blockquote>“").text(&source.quote).raw("”</blockquote><figcaption>").text(source.heading_label());
    m.raw("<span class=\"rw-seed\"> — ").text(seed).raw("</span></figcaption></figure>");
}
