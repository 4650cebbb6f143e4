//! The widget's entry point (feature `ui`): `mount(element)` renders the Yew app into a page.
//!
//! ```js
//! import init, { mount } from './regiewijzer.js';
//! await init();
//! mount(document.getElementById('regiewijzer'));
//! ```

use crate::guidelines::Registry;
use crate::ui::app::{App, AppProps, RegistryHandle};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Renders the widget into `root`, replacing its content (the loading text).
///
/// Configuration by the embedding gemeente, as attributes of `root` (all optional, empty by default):
/// `data-contact`: the gemeente's contact point for professionals (team, generic phone or e-mail,
/// URL), shown with every outcome that tells a provider to make contact.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    let contact = root.get_attribute("data-contact").map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
    root.set_inner_html("");
    let registry = Rc::new(RegistryHandle(Rc::new(Registry::builtin())));
    let now = js_sys::Date::new_0();
    let today = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    yew::Renderer::<App>::with_root_and_props(root, AppProps { registry, contact, today }).render();
}
