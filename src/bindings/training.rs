//! The training page's entry point (feature `training`, built as `dist/oefenen_wasm.js`):
//! `mount_training(element, { load, address })` renders "Oefenen" into a page. Conversions only.

use crate::guidelines::Registry;
use crate::ui::browser;
use crate::ui::training_app::{TrainingApp, TrainingAppProps};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Renders the training page into `root`. `options.load(id)` returns a Promise of the bytes of
/// `regels/<id>.rwd` (and of `regels/<id>.casus.rwd` for `'<id>.casus'`); `options.address` writes
/// the address bar (see `browser::set_hash`); `options.home` is the walk's page for share links.
#[wasm_bindgen]
pub fn mount_training(root: web_sys::Element, options: JsValue) {
    let get = |k: &str| js_sys::Reflect::get(&options, &JsValue::from_str(k)).ok();
    let Some(loader) = get("load").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        root.set_text_content(Some("De oefenpagina is niet goed ingebouwd: de loader ontbreekt."));
        return;
    };
    browser::use_address(get("address").and_then(|f| f.dyn_into().ok()));
    let props = TrainingAppProps {
        registry: Rc::new(Registry::index()),
        loader,
        today: browser::today().into(),
        home: get("home").and_then(|v| v.as_string()).unwrap_or_default(),
    };
    root.set_inner_html("");
    yew::Renderer::<TrainingApp>::with_root_and_props(root, props).render();
}
