//! The JS API and the widget's entry point: conversions only, no logic.
//!
//! ```js
//! import init, { guidelines, guideline, evaluate, mount } from './regiewijzer.js';
//! await init();
//! guidelines();                       // [{ id, region, title, status, ... }]
//! guideline('westfriesland');         // the whole rule file as an object
//! evaluate('westfriesland', { rol: 'zorgaanbieder', verwijzer: 'gi' }, { start: '2026-01-31', end: '2027-01-31' });
//! mount(document.getElementById('regiewijzer'));   // the Yew widget
//! ```
//! Errors are thrown as `Error` with a Dutch message naming the offending id.

use crate::engine::{advise, Answers, Dates};
use crate::guidelines::Registry;
use crate::ui::app::{App, AppProps, RegistryHandle};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    static REGISTRY: Rc<Registry> = Rc::new(Registry::builtin());
}

fn registry() -> Rc<Registry> {
    REGISTRY.with(Rc::clone)
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

/// Every guideline with its status (`beschikbaar`, `volgt`, `defect`).
#[wasm_bindgen]
pub fn guidelines() -> Result<JsValue, JsError> {
    to_js(&registry().list())
}

/// One guideline's rule file as a plain object (questions, options, outcomes, sources, tests).
#[wasm_bindgen]
pub fn guideline(id: &str) -> Result<JsValue, JsError> {
    let reg = registry();
    let g = reg.get(id).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(g)
}

#[derive(Deserialize, Default)]
struct JsDates {
    start: Option<String>,
    end: Option<String>,
}

/// Walks `answers` (`{ vraag: antwoord }`) and returns the advice: `outcome` (or the next `question`),
/// `trace`, `schedule` for `dates` (`{ start, end }` as `JJJJ-MM-DD`, optional) and `interpretations`.
#[wasm_bindgen]
pub fn evaluate(id: &str, answers: JsValue, dates: JsValue) -> Result<JsValue, JsError> {
    let reg = registry();
    let g = reg.get(id).map_err(|e| JsError::new(&e.to_string()))?;
    let answers: Answers = if answers.is_undefined() || answers.is_null() {
        Answers::new()
    } else {
        serde_wasm_bindgen::from_value(answers)
            .map_err(|e| JsError::new(&format!("antwoorden moeten een object {{ vraag: 'antwoord' }} zijn: {e}")))?
    };
    let dates: JsDates = if dates.is_undefined() || dates.is_null() {
        JsDates::default()
    } else {
        serde_wasm_bindgen::from_value(dates)
            .map_err(|e| JsError::new(&format!("data moeten een object {{ start, end }} zijn: {e}")))?
    };
    let advice = advise(g, &answers, &Dates { start: dates.start, end: dates.end }).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&advice)
}

/// Renders the widget into `root`, replacing its content (the loading text).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, AppProps { registry: Rc::new(RegistryHandle(registry())) }).render();
}
