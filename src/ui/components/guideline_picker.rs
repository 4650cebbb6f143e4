use crate::guidelines::{Entry, Status};
use crate::ui::browser;
use crate::ui::components::raw;
use crate::ui::markup::Markup;
use yew::prelude::*;

pub struct GuidelinePickerProps {
    pub entries: Vec<Entry>,
    /// Called with the guideline id.
    pub onpick: Callback<String>,
}

/// The list of regions: usable ones as links to their share-link fragment (the same links the page
/// shows before the widget has loaded), defect ones with the reason.
/// A render function rather than a component: it keeps no state, and each component type costs
/// the wasm about 2 KB of Yew's generic code (measured, issue 9).
pub fn view(props: &GuidelinePickerProps) -> Html {
    // As text (see crate::ui::markup): a link carries its guideline's id.
    let mut m = Markup::new();
    m.raw("<h2 class=\"rw-titel\">Kies de richtlijn van uw regio</h2><ul class=\"rw-regio-lijst\">");
    for e in &props.entries {
        match e.status {
            Status::Beschikbaar => {
                m.raw("<li><a class=\"rw-regio-link\" href=\"#")
                    .text(&e.id)
                    .raw("\"")
                    .attr("data-rw", &e.id)
                    .raw(">")
                    .el("<span class=\"rw-regio-naam\">", &e.region);
                m.raw(" <span class=\"rw-regio-titel\">").text(&e.title).raw(" (").text(&e.document_date).raw(")</span></a></li>");
            }
            Status::Defect => {
                m.raw("<li class=\"rw-volgt\">").el("<span class=\"rw-regio-naam\">", &e.region);
                m.raw(" — tijdelijk niet beschikbaar: het regelbestand bevat fouten.</li>");
            }
        }
    }
    m.raw("</ul>");
    let onclick = {
        let onpick = props.onpick.clone();
        move |e: MouseEvent| {
            if let Some(id) = browser::action_of(&e) {
                e.prevent_default();
                onpick.emit(id)
            }
        }
    };
    html! {
        <div class="rw-kiezer" {onclick}>{ raw(m) }</div>
    }
}
