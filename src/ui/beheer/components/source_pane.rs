//! The guideline text beside the rules: every quoted passage highlighted, with buttons to the
//! questions, outcomes and rhythms that cite it (each form links back with "Toon in de tekst"), the
//! headings marked as cited, deliberately not modelled or "niet verwerkt", and "Gebruik selectie
//! als citaat", which makes the selected passage the quote of the element in the form (verbatim by
//! construction: the reducer checks it against this text). Where each passage and heading lies is
//! the engine's coverage map ([`crate::engine::coverage`]).

use super::anchor;
use crate::engine::audit::squash;
use crate::engine::coverage::{coverage, HeadingStatus};
use crate::engine::model::Guideline;
use std::ops::Range;
use yew::prelude::*;

pub struct SourcePaneProps<'a> {
    pub rules: &'a Guideline,
    pub text: Option<&'a str>,
    /// What a selection becomes the quote of, in words (`None`: no element with a source is shown).
    pub target: Option<String>,
    pub onquote: &'a Callback<()>,
    /// An element id (`question`, `outcome`, `cadence:<id>`, `question.option#n`) to show.
    pub onselect: &'a Callback<String>,
}

pub fn view(p: &SourcePaneProps) -> Html {
    let g = p.rules;
    let quote = {
        let on = p.onquote.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    let Some(text) = p.text else {
        return html! {
            <section class="bh-bron" aria-labelledby="bh-bron-titel">
                <h2 id="bh-bron-titel">{ "Bron" }</h2>
                <p>{ "De tekst van de richtlijn is niet geopend. Open hem hierboven met het regelbestand om de citaten te zien en te kiezen." }</p>
            </section>
        };
    };
    let c = coverage(g, text);
    // An anchor per source, where its passage starts: `citaat-<element>-<n>`, n counting the element's
    // sources in file order (what the forms' "Toon in de tekst" links to).
    let mut anchors: Vec<(usize, String)> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (id, s) in g.sources() {
        let k = seen.iter().filter(|i| **i == id).count();
        seen.push(id.clone());
        let q = squash(&s.quote);
        if let Some(p) = c.passages.iter().find(|p| p.cited_by.contains(&id) && squash(&text[p.range.clone()]) == q) {
            anchors.push((p.range.start, format!("citaat-{}-{k}", anchor(&id))));
        }
    }
    let heads: Vec<(usize, Range<usize>, bool)> = c
        .headings
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.range.clone().map(|r| (i, r, h.status == HeadingStatus::NietVerwerkt)))
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(c.segments.iter().flat_map(|s| [s.range.start, s.range.end]));
    cuts.extend(heads.iter().flat_map(|(_, r, _)| [r.start, r.end]));
    cuts.extend(anchors.iter().map(|(at, _)| *at));
    cuts.sort_unstable();
    cuts.dedup();
    let cite = |id: &str| {
        let (on, id2) = (p.onselect.clone(), id.to_string());
        html! { <button type="button" class="bh-citeert" onclick={move |_| on.emit(id2.clone())} aria-label={format!("Geciteerd door {id}: toon in het formulier")}>{ format!("→ {id}") }</button> }
    };
    let mut parts: Vec<Html> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        for (_, id) in anchors.iter().filter(|(at, _)| *at == a) {
            parts.push(html! { <span id={id.clone()} class="bh-anker"></span> });
        }
        for (i, _, _) in heads.iter().filter(|(_, r, _)| r.start == a) {
            parts.push(html! { <span id={format!("kop-{i}")} class="bh-anker"></span> });
        }
        let seg = &text[a..b];
        let quoted = c.segments.iter().any(|s| s.range.start <= a && s.range.end >= b);
        let heading = heads.iter().find(|(_, r, _)| r.start <= a && r.end >= b);
        let inner = if quoted {
            html! { <mark class="bh-citaat">{ seg }</mark> }
        } else {
            html! { { seg } }
        };
        parts.push(match heading {
            Some((_, r, open)) => html! {
                <strong class="bh-kop">
                    { inner }
                    if r.end == b && *open { <span class="bh-nietverwerkt">{ " niet verwerkt" }</span> }
                </strong>
            },
            None => inner,
        });
        for passage in c.passages.iter().filter(|x| x.range.end == b) {
            for id in &passage.cited_by {
                parts.push(cite(id));
            }
        }
    }
    let unprocessed = c.niet_verwerkt().count();
    html! {
        <section class="bh-bron" aria-labelledby="bh-bron-titel">
            <h2 id="bh-bron-titel">{ "Bron: de tekst van de richtlijn" }</h2>
            <div class="bh-rij">
                <button type="button" class="rw-knop" onmousedown={|e: MouseEvent| e.prevent_default()} onclick={quote} disabled={p.target.is_none()}>
                    { "Gebruik selectie als citaat" }
                </button>
                <span class="bh-doeltekst">{ p.target.clone().unwrap_or_else(|| "Kies een vraag, uitkomst of evaluatieritme om een citaat te zetten.".into()) }</span>
            </div>
            <details class="bh-koppen">
                <summary>{ format!("Koppen: {} van {} niet verwerkt", unprocessed, c.headings.len()) }</summary>
                <ul>
                    { for c.headings.iter().enumerate().map(|(i, h)| html! {
                        <li>
                            if h.range.is_some() { <a href={format!("#kop-{i}")}>{ &h.heading }</a> } else { { &h.heading } }
                            { " — " }
                            { match &h.status {
                                HeadingStatus::Cited => "geciteerd".to_string(),
                                HeadingStatus::NotModelled(why) => format!("bewust niet gemodelleerd: {why}"),
                                HeadingStatus::NietVerwerkt => "niet verwerkt".to_string(),
                            } }
                            if !h.listed { { " (niet in de lijst met koppen van het regelbestand)" } }
                        </li>
                    }) }
                </ul>
            </details>
            <div id="bh-tekst" class="bh-tekst" tabindex="0" role="region" aria-label="Tekst van de richtlijn (scrollbaar)">{ for parts }</div>
        </section>
    }
}
