use crate::guidelines::{Entry, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GuidelinePickerProps {
    pub entries: Vec<Entry>,
    /// Called with the guideline id.
    pub onpick: Callback<String>,
}

/// The list of regions: usable ones as links to their share-link fragment (the same links the page
/// shows before the widget has loaded), defect ones with the reason.
#[component]
pub fn GuidelinePicker(props: &GuidelinePickerProps) -> Html {
    html! {
        <div class="rw-kiezer">
            <h2 class="rw-titel">{ "Kies de richtlijn van uw regio" }</h2>
            <ul class="rw-regio-lijst">
            { for props.entries.iter().map(|e| {
                let id = e.id.clone();
                let onpick = props.onpick.clone();
                match e.status {
                    Status::Beschikbaar => html! {
                        <li>
                            <a class="rw-regio-link" href={format!("#{}", e.id)}
                                onclick={move |ev: MouseEvent| { ev.prevent_default(); onpick.emit(id.clone()) }}>
                                <span class="rw-regio-naam">{ &e.region }</span>{ " " }
                                <span class="rw-regio-titel">{ format!("{} ({})", e.title, e.document_date) }</span>
                            </a>
                        </li>
                    },
                    Status::Defect => html! {
                        <li class="rw-volgt">
                            <span class="rw-regio-naam">{ &e.region }</span>
                            { " — tijdelijk niet beschikbaar: het regelbestand bevat fouten." }
                        </li>
                    },
                }
            }) }
            </ul>
        </div>
    }
}
