use crate::guidelines::{Entry, Status};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GuidelinePickerProps {
    pub entries: Vec<Entry>,
    /// Called with the guideline id.
    pub onpick: Callback<String>,
}

/// The list of regions: available ones as buttons, the others marked "volgt" (or "defect" with why).
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
                            <button type="button" class="rw-knop rw-regio" onclick={move |_| onpick.emit(id.clone())}>
                                <span class="rw-regio-naam">{ &e.region }</span>
                                <span class="rw-regio-titel">{ format!("{} ({})", e.title, e.document_date) }</span>
                            </button>
                        </li>
                    },
                    Status::Volgt => html! {
                        <li class="rw-volgt"><span class="rw-regio-naam">{ &e.region }</span>{ " — volgt" }</li>
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
