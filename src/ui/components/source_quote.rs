use crate::engine::model::Source;
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
    html! {
        <figure class="rw-bron">
            <blockquote>{ format!("“{}”", props.source.quote) }</blockquote>
            <figcaption>{ props.source.heading_label() }<span class="rw-seed">{ format!(" — {}", props.seed) }</span></figcaption>
        </figure>
    }
}
