use crate::engine::dates::{EntryKind, Schedule};
use crate::engine::model::DateField;
use crate::engine::Dates;
use crate::ui::components::raw;
use crate::ui::markup::Markup;
use web_sys::HtmlInputElement;
use yew::prelude::*;

pub struct ScheduleViewProps {
    pub schedule: Schedule,
    pub dates: Dates,
    /// The date inputs in the guideline's own words.
    pub labels: std::rc::Rc<Vec<(DateField, String)>>,
    /// Prefix that keeps element ids unique when a page holds several widgets.
    pub uid: AttrValue,
    /// Called with the field and its new value as typed.
    pub ondate: Callback<(DateField, String)>,
}

/// The date fields this plan needs, the dated moments, and the rule in words.
/// A render function rather than a component: it keeps no state, and each component type costs
/// the wasm about 2 KB of Yew's generic code (measured, issue 9).
pub fn view(props: &ScheduleViewProps) -> Html {
    let s = &props.schedule;
    // The dated moments and the rule in words as text; the inputs stay Yew's (they keep the focus
    // while the user types, because only the text after them changes).
    let mut m = Markup::new();
    for t in &s.messages {
        m.el("<p class=\"rw-melding\" role=\"status\">", t);
    }
    if !s.entries.is_empty() {
        m.raw("<table class=\"rw-datatabel\"><caption>Data</caption><thead><tr><th scope=\"col\">Datum</th><th scope=\"col\">Wat</th></tr></thead><tbody>");
        for e in &s.entries {
            m.raw(if matches!(e.kind, EntryKind::Evaluatiegesprek) { "<tr class=\"rw-gesprek\">" } else { "<tr>" });
            m.raw("<td><time").attr("datetime", &e.date).raw(">").text(&e.date_nl).raw("</time></td>").el("<td>", &e.what).raw("</tr>");
        }
        m.raw("</tbody></table>");
    }
    m.raw("<p class=\"rw-subkop\">In woorden</p><ul class=\"rw-ritme\">");
    for r in &s.rhythm {
        m.el("<li>", r);
    }
    m.raw("</ul>");
    html! {
        <div class="rw-evaluatie">
            <div class="rw-data rw-geen-print">
            { for s.inputs.iter().map(|&f| {
                let ondate = props.ondate.clone();
                let id = format!("{}-{}", props.uid, f.key());
                let label = props.labels.iter().find(|(k, _)| *k == f).map_or(f.label(), |(_, l)| l.as_str());
                html! {
                    <div class="rw-veld">
                        <label for={id.clone()}>{ label }</label>
                        <input id={id} type={if f == DateField::Moment { "datetime-local" } else { "date" }}
                            value={props.dates.get(f).unwrap_or_default().to_string()}
                            oninput={move |e: InputEvent| ondate.emit((f, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                    </div>
                }
            }) }
            </div>
            { raw(m) }
        </div>
    }
}
