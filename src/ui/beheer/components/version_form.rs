//! The guideline's own fields: id, names, version and validity.

use super::field::{area, date, text};
use crate::engine::model::Guideline;
use crate::ui::beheer::state::{Edit, Meta};
use yew::prelude::*;

pub struct VersionFormProps<'a> {
    pub rules: &'a Guideline,
    /// The ids of the built-in guidelines (a gemeente's own file needs another).
    pub builtin: &'a [String],
    pub onedit: &'a Callback<Edit>,
}

pub fn view(p: &VersionFormProps) -> Html {
    let g = p.rules;
    let set = |f: Meta| {
        let e = p.onedit.clone();
        Callback::from(move |v: String| e.emit(Edit::Meta(f, v)))
    };
    html! {
        <section class="bh-formulier" aria-labelledby="bh-formtitel">
            <h2 id="bh-formtitel">{ "Versie en geldigheid" }</h2>
            { text("m-version", "Versie (zoals het document zich noemt)", &g.document_date, &set(Meta::Version)) }
            { date("m-from", "Geldig vanaf", &g.valid_from, &set(Meta::ValidFrom)) }
            { date("m-until", "Geldig tot en met (mag leeg)", g.valid_until.as_deref().unwrap_or(""), &set(Meta::ValidUntil)) }
            { area("m-note", "Toelichting op de geldigheid (mag leeg)", g.validity_note.as_deref().unwrap_or(""), &set(Meta::ValidityNote)) }
            { text("m-region", "Regio", &g.region, &set(Meta::Region)) }
            { text("m-title", "Titel van het document", &g.title, &set(Meta::Title)) }
            { text("m-id", "Id (a-z, 0-9, _ en -)", &g.id, &set(Meta::Id)) }
            if p.builtin.contains(&g.id) {
                <p class="bh-let">{ format!("Let op: '{}' is het id van een ingebouwde richtlijn. Als eigen regelbestand van een gemeente wordt dit bestand alleen gebruikt met een eigen id, bijvoorbeeld '{}-eigen'.", g.id, g.id) }</p>
            }
        </section>
    }
}
