//! "Wat doet deze wijziging?": the engine's diff of the edited rules against the version opened
//! ([`crate::engine::diff`]), as tables "bij deze antwoorden: was …, wordt …", one per group of
//! routes with the same change, with their number; new and removed questions, options and outcomes,
//! and changed texts. It runs on the button, not on every change (it walks every route).

use crate::engine::diff::{AskReason, Aspect, OutcomeSummary};
use crate::engine::{Answers, Diff};
use yew::prelude::*;

pub struct DiffViewProps<'a> {
    pub diff: Option<&'a Diff>,
    /// The diff is being computed.
    pub busy: bool,
    pub stale: bool,
    pub start: &'a str,
    pub onstart: &'a Callback<String>,
    pub onrun: &'a Callback<()>,
}

fn value(s: &OutcomeSummary, a: Aspect) -> String {
    let or_none = |v: Option<&str>| v.map_or("geen".to_string(), String::from);
    match a {
        Aspect::Outcome => format!("{} ({})", s.title, s.id),
        Aspect::Regie => s.regie.clone(),
        Aspect::Owner => s.owner.clone(),
        Aspect::Intensity => or_none(s.intensity.as_deref()),
        Aspect::ProviderAnswer => or_none(s.provider.map(|p| p.label())),
        Aspect::ProviderText => or_none(s.provider_text.as_deref()),
        Aspect::Cadence => {
            if s.rhythm.is_empty() {
                "geen".into()
            } else {
                s.rhythm.join("; ")
            }
        }
        Aspect::Dates => {
            let shown: Vec<String> = s.dates.iter().take(6).map(|e| format!("{}: {}", e.date_nl, e.what)).collect();
            let more = s.dates.len().saturating_sub(6);
            if more > 0 {
                format!("{}; en nog {more}", shown.join("; "))
            } else if shown.is_empty() {
                "geen data".into()
            } else {
                shown.join("; ")
            }
        }
    }
}

fn route(order: &[String], a: &Answers) -> String {
    let mut parts: Vec<String> = order.iter().filter_map(|q| a.get(q.as_str()).map(|o| format!("{q} = {o}"))).collect();
    parts.extend(a.iter().filter(|(q, _)| !order.contains(q)).map(|(q, o)| format!("{q} = {o}")));
    parts.join(", ")
}

fn routes(order: &[String], list: &[Answers], count: usize) -> Html {
    html! {
        <details class="bh-routes">
            <summary>{ if count == 1 { "De route".to_string() } else { format!("De {count} routes") } }</summary>
            <ul>{ for list.iter().map(|a| html! { <li>{ route(order, a) }</li> }) }</ul>
        </details>
    }
}

fn list(title: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! { <p><strong>{ title }</strong>{ " " }{ items.join(", ") }</p> }
}

pub fn view(p: &DiffViewProps) -> Html {
    let run = {
        let on = p.onrun.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let start = {
        let on = p.onstart.clone();
        Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
    };
    html! {
        <section class="bh-verschil" aria-labelledby="bh-verschil-titel">
            <h2 id="bh-verschil-titel">{ "Wat doet deze wijziging?" }</h2>
            <p>{ "Vergelijkt elke route (elke volledige reeks antwoorden) van de geopende versie met de bewerkte regels: welke antwoorden nu een ander advies geven." }</p>
            <div class="bh-rij">
                <div class="bh-veld">
                    <label for="bh-start">{ "Voorbeeld-startdatum voor de evaluatiedata" }</label>
                    <input type="date" id="bh-start" value={p.start.to_string()} onchange={start} />
                </div>
                <button type="button" class="rw-knop" onclick={run} disabled={p.busy}>{ "Bekijk wat deze wijziging doet" }</button>
            </div>
            if p.busy {
                <p class="bh-let" role="status">{ "Bezig: elke route wordt vergeleken. Bij een grote richtlijn duurt dat even." }</p>
            }
            if p.stale {
                <p class="bh-let" role="status">{ "De regels zijn daarna gewijzigd: bekijk het opnieuw." }</p>
            }
            if let Some(d) = p.diff {
                { view_diff(d) }
            }
        </section>
    }
}

/// The diff as tables and lists (also for two files compared, `compare_panel`).
pub fn view_diff(d: &Diff) -> Html {
    let order = &d.question_order;
    if d.is_empty() {
        return html! { <p role="status" class="bh-samenvatting">{ "Geen verschil: elke route geeft hetzelfde advies en er is geen tekst gewijzigd." }</p> };
    }
    let summary = if d.too_many_routes {
        "Te veel routes om te vergelijken; hieronder wat er in het bestand is veranderd.".to_string()
    } else {
        let mut s = format!("{} van de {} routes krijgen een ander advies.", d.routes_changed, d.routes_old);
        if d.routes_split > 0 {
            s.push_str(&format!(" Op {} routes wordt een vraag gesteld die de oude antwoorden niet beantwoorden.", d.routes_split));
        }
        s
    };
    html! {
        <>
            <p role="status" class="bh-samenvatting">{ summary }</p>
            { list("Nieuwe vragen:", &d.added_questions) }
            { list("Vervallen vragen:", &d.removed_questions) }
            { list("Nieuwe antwoorden:", &d.added_options) }
            { list("Vervallen antwoorden:", &d.removed_options) }
            { list("Nieuwe uitkomsten:", &d.added_outcomes) }
            { list("Vervallen uitkomsten:", &d.removed_outcomes) }
            { for d.changed.iter().map(|g| html! {
                <>
                <table class="bh-tabel">
                    <caption>{ format!("Bij {} {}: was «{}», wordt «{}»", g.count, if g.count == 1 { "route" } else { "routes" }, g.was.title, g.becomes.title) }</caption>
                    <thead><tr><th scope="col">{ "Wat" }</th><th scope="col">{ "Was" }</th><th scope="col">{ "Wordt" }</th></tr></thead>
                    <tbody>
                        { for g.what.iter().map(|a| html! {
                            <tr><th scope="row">{ a.label() }</th><td>{ value(&g.was, *a) }</td><td>{ value(&g.becomes, *a) }</td></tr>
                        }) }
                        if !g.asks.is_empty() {
                            <tr><th scope="row">{ "nu gevraagd" }</th><td colspan="2">{ g.asks.iter().map(|a| format!("{} ({})", a.question, match a.reason {
                                AskReason::NewQuestion => "nieuwe vraag",
                                AskReason::NowAsked => "nu op deze route gevraagd",
                                AskReason::AnswerRemoved => "het oude antwoord vervalt",
                            })).collect::<Vec<_>>().join(", ") }</td></tr>
                        }
                    </tbody>
                </table>
                { routes(order, &g.routes, g.count) }
                </>
            }) }
            { for d.new_routes.iter().map(|n| html! {
                <>
                    <p><strong>{ format!("{} nieuwe {} via {}: ", n.count, if n.count == 1 { "route" } else { "routes" }, n.via.join(", ")) }</strong>{ format!("«{}»", n.becomes.title) }</p>
                    { routes(order, &n.routes, n.count) }
                </>
            }) }
            if !d.changed_texts.is_empty() {
                <p><strong>{ "Gewijzigde teksten en instellingen:" }</strong>{ " " }{
                    d.changed_texts.iter().map(|t| format!("{} ({})", t.id, t.fields.join(", "))).collect::<Vec<_>>().join("; ")
                }</p>
            }
            <details>
                <summary>{ "Als tekst" }</summary>
                <pre class="bh-pre">{ d.text() }</pre>
            </details>
        </>
    }
}
