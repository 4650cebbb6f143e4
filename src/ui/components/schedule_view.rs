use crate::engine::dates::{EntryKind, Schedule};
use crate::engine::model::DateField;
use crate::engine::Dates;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScheduleViewProps {
    pub schedule: Schedule,
    pub dates: Dates,
    /// Called with the field and its new value as typed.
    pub ondate: Callback<(DateField, String)>,
}

/// The date fields this plan needs, the dated moments, and the rule in words.
#[component]
pub fn ScheduleView(props: &ScheduleViewProps) -> Html {
    let s = &props.schedule;
    html! {
        <div class="rw-evaluatie">
            <div class="rw-data">
            { for s.inputs.iter().map(|&f| {
                let ondate = props.ondate.clone();
                let id = format!("rw-{}", f.key());
                html! {
                    <div class="rw-veld">
                        <label for={id.clone()}>{ f.label() }</label>
                        <input id={id} type={if f == DateField::Moment { "datetime-local" } else { "date" }}
                            value={props.dates.get(f).unwrap_or_default().to_string()}
                            oninput={move |e: InputEvent| ondate.emit((f, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                    </div>
                }
            }) }
            </div>
            { for s.messages.iter().map(|m| html! { <p class="rw-melding" role="status">{ m }</p> }) }
            if !s.entries.is_empty() {
                <table class="rw-schema">
                    <caption>{ "Data" }</caption>
                    <thead><tr><th scope="col">{ "Datum" }</th><th scope="col">{ "Wat" }</th></tr></thead>
                    <tbody>
                    { for s.entries.iter().map(|e| html! {
                        <tr class={classes!(matches!(e.kind, EntryKind::Evaluatiegesprek).then_some("rw-gesprek"))}>
                            <td><time datetime={e.date.clone()}>{ &e.date_nl }</time></td>
                            <td>{ &e.what }</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            }
            <p class="rw-subkop">{ "In woorden" }</p>
            <ul class="rw-ritme">{ for s.rhythm.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
        </div>
    }
}
