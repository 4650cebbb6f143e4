use crate::engine::dates::{EntryKind, Schedule};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScheduleViewProps {
    pub schedule: Schedule,
    pub start: String,
    pub end: String,
    pub onstart: Callback<String>,
    pub onend: Callback<String>,
}

/// Two date fields and the dated evaluation plan, with the rhythm in words.
#[component]
pub fn ScheduleView(props: &ScheduleViewProps) -> Html {
    let input = |cb: &Callback<String>| {
        let cb = cb.clone();
        move |e: InputEvent| cb.emit(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let s = &props.schedule;
    html! {
        <div class="rw-evaluatie">
            <div class="rw-data">
                <div class="rw-veld">
                    <label for="rw-start">{ "Startdatum (perspectiefplan opgesteld, ondersteuning ingezet)" }</label>
                    <input type="date" id="rw-start" value={props.start.clone()} oninput={input(&props.onstart)} />
                </div>
                <div class="rw-veld">
                    <label for="rw-eind">{ "Einddatum indicatie" }</label>
                    <input type="date" id="rw-eind" value={props.end.clone()} oninput={input(&props.onend)} />
                </div>
            </div>
            { for s.messages.iter().map(|m| html! { <p class="rw-melding" role="status">{ m }</p> }) }
            if !s.entries.is_empty() {
                <table class="rw-schema">
                    <caption>{ "Evaluatiedata" }</caption>
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
            <p class="rw-subkop">{ "Het ritme in woorden" }</p>
            <ul class="rw-ritme">{ for s.rhythm.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
        </div>
    }
}
