//! The widget's entry point (feature `ui`): `mount(element, options)` renders the Yew app into a page.
//! Conversions only: the options object becomes a [`Setup`].
//!
//! ```js
//! import init, { mount } from './regiewijzer_wasm.js';
//! await init();
//! mount(element, { load: (id) => fetch(`regels/${id}.rwd`).then(…), urlState: true, home: '…/index.html' });
//! ```

use crate::engine::Answers;
use crate::guidelines::Registry;
use crate::ui::app::{App, AppProps, Setup};
use crate::ui::browser;
use crate::ui::state::Embedding;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    static MOUNTED: Cell<u32> = const { Cell::new(0) };
}

fn text(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?.as_string().map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Renders the widget into `root`, replacing its content (the loading text and the plain links).
///
/// `options` (all optional but `load`):
/// - `load(id)`: returns a Promise of the bytes of `regels/<id>.rwd` (the loader fetches them from
///   the widget's own folder);
/// - `urlState` (boolean): the walk lives in the page's URL fragment;
/// - `address(fragment, push)`: with `urlState`, writes the fragment to the address bar (the
///   loader's `address`: after the step's frame is painted; without a fragment, what still waits);
///   called with no arguments, a Promise that resolves once the frame being made is painted (a step
///   to an outcome paints its top, then the rest); without it the outcome comes whole at once;
/// - `richtlijn`: one guideline id (the picker is skipped) or a comma list to offer;
/// - `gemeente`, `rol`: answers given up front where a guideline asks them;
/// - `contact`: the gemeente's contact point for professionals (team, generic phone or e-mail, URL);
/// - `home`: the URL of the widget's own page, for share links when `urlState` is off;
/// - `config`: the gemeente's configuration file as the loader's `tagged` wrote it (see
///   [`crate::json::from_tagged`]);
/// - `eigen`: for a gemeente's own rule file that `compile` (dist/eigen/) passed, the index that
///   lists it beside the built-in guidelines (Uint8Array); `load` serves its data. A page that
///   names the guidelines to offer (`richtlijn`, the configuration's `richtlijnen`) names its id too.
///
/// - `eerste`: the id of the question the loader showed before the wasm; it gives the focus back
///   itself (see `www/regiewijzer.js`), so that question does not take it when the widget shows it.
///
/// Returns the configuration's problems (Dutch strings) for the loader to print in the console.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> Vec<String> {
    let Some(loader) = js_sys::Reflect::get(&options, &JsValue::from_str("load")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        root.set_text_content(Some("De Regiewijzer is niet goed ingebouwd: de loader ontbreekt."));
        return Vec::new();
    };
    let n = MOUNTED.with(|m| {
        m.set(m.get() + 1);
        m.get()
    });
    // With a gemeente's own rule file, its check (dist/eigen/) made the index that lists it (its data comes by `load`).
    let registry = match js_sys::Reflect::get(&options, &JsValue::from_str("eigen")).ok().filter(|v| !v.is_undefined()) {
        Some(index) => Registry::from_index(&js_sys::Uint8Array::new(&index).to_vec()),
        None => Registry::index(),
    };
    let known: Vec<(String, Vec<String>)> = registry.list().into_iter().map(|e| (e.id, e.configurable)).collect();
    // The configuration file as the browser read it (the loader's tagged form); the page and the
    // console get the Dutch messages only.
    let (config, problems) = match text(&options, "config") {
        Some(t) => crate::config::parse_tagged_into::<Vec<String>>(&t, &known),
        None => Default::default(),
    };
    let mut offer: Vec<String> = text(&options, "richtlijn")
        .map(|r| r.split(',').map(|s| s.trim().to_ascii_lowercase()).filter(|s| !s.is_empty()).collect())
        .unwrap_or_default();
    let mut preset = Answers::new();
    for key in ["gemeente", "rol"] {
        if let Some(v) = text(&options, key) {
            preset.insert(key.to_string(), v.to_ascii_lowercase().replace(' ', "_"));
        }
    }
    if offer.is_empty() {
        offer = config.offer.clone();
    }
    let url_state = js_sys::Reflect::get(&options, &JsValue::from_str("urlState")).ok().and_then(|v| v.as_bool()).unwrap_or(false);
    // Also when the host page owns the address bar: the function says when a frame is painted.
    browser::use_address(js_sys::Reflect::get(&options, &JsValue::from_str("address")).ok().and_then(|f| f.dyn_into().ok()));
    let setup = Setup {
        registry: Rc::new(registry),
        embedding: Rc::new(Embedding { url_state, offer, preset, labels: config.labels.clone() }),
        contact: text(&options, "contact"),
        config: Rc::new(config),
        config_problems: Rc::new(problems.clone()),
        today: browser::today().into(),
        loader,
        home: text(&options, "home").unwrap_or_default(),
        uid: format!("rw{n}").into(),
        focus_given: text(&options, "eerste").unwrap_or_default().into(),
        shown: Default::default(),
        #[cfg(feature = "training")]
        onreach: None,
    };
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { setup: Rc::new(setup) }).render();
    problems
}
