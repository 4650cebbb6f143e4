//! The rule owner's page's entry point (feature `beheer`, built as `dist/beheer_wasm.js`):
//! `mount_beheer(element, { load, read, download, dirty, selection })` renders "Richtlijnbeheer"
//! into a page (see `www/beheer.js`). Conversions only.

use crate::guidelines::Registry;
use crate::ui::beheer::app::{BeheerApp, BeheerAppProps};
use crate::ui::beheer::js::Js;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Renders the rule owner's page into `root`; `options` holds the page's functions ([`Js`]).
#[wasm_bindgen]
pub fn mount_beheer(root: web_sys::Element, options: JsValue) {
    let Some(js) = Js::from_options(&options) else {
        root.set_text_content(Some("De beheerpagina is niet goed ingebouwd: een functie van beheer.js ontbreekt."));
        return;
    };
    let builtin = Registry::index().list().into_iter().map(|e| (e.id, format!("{} — {}", e.region, e.title))).collect();
    root.set_inner_html("");
    yew::Renderer::<BeheerApp>::with_root_and_props(root, BeheerAppProps { js: Rc::new(js), builtin: Rc::new(builtin) }).render();
}
