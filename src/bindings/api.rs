//! The JS API (feature `api`, built as `dist/api/regiewijzer_api.js`) for pages that do not use the
//! widget: conversions only, no logic. It is a separate bundle so the widget does not carry serde's
//! JS serializer.
//!
//! ```js
//! import init, { guidelines, evaluate } from './api/regiewijzer_api.js';
//! await init();
//! guidelines();                       // [{ id, region, title, status, ... }]
//! evaluate('westfriesland', {});      // { question: { id, text, options: [...] }, trace: [] }
//! evaluate('westfriesland', { rol: 'zorgaanbieder', verwijzer: 'gi' }, { start: '2026-01-31', end: '2027-01-31' });
//! ```
//! Errors are thrown as `Error` with a Dutch `message` naming the offending id and a
//! machine-readable `kind` (snake_case: `onbekende_richtlijn`, `onbekende_vraag`, …; listed at `kind` below).
//!
//! Inputs are read with js-sys directly rather than serde: serde's error messages format floats,
//! which alone would cost ~14 KB of wasm.

use crate::engine::model::DateField;
use crate::engine::{advise, AnswerError, Answers, Dates};
use crate::guidelines::Registry;
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    static REGISTRY: Rc<Registry> = Rc::new(Registry::builtin());
}

fn registry() -> Rc<Registry> {
    REGISTRY.with(Rc::clone)
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| fail("intern", &e.to_string()))
}

/// The `Error` thrown: the Dutch `message` and the machine-readable `kind`.
fn fail(kind: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &JsValue::from_str("kind"), &JsValue::from_str(kind));
    e.into()
}

/// The `kind` of an error of the engine's walk: `onbekende_richtlijn`, `richtlijn_niet_beschikbaar`,
/// `onbekende_vraag`, `onbekend_antwoord`, `ongeldige_datum`, `casus_zonder_uitkomst`. Beside these,
/// the API throws `geen_object` and `geen_tekst` (an argument of the wrong type),
/// `onbekend_datumveld` (a key of `dates` it does not know) and `intern` (a result it could not
/// convert; not expected).
fn kind(e: &AnswerError) -> &'static str {
    match e {
        AnswerError::UnknownGuideline { .. } => "onbekende_richtlijn",
        AnswerError::GuidelineUnavailable { .. } => "richtlijn_niet_beschikbaar",
        AnswerError::UnknownQuestion { .. } => "onbekende_vraag",
        AnswerError::UnknownOption { .. } => "onbekend_antwoord",
        AnswerError::BadDate { .. } => "ongeldige_datum",
        AnswerError::CaseWithoutOutcome { .. } => "casus_zonder_uitkomst",
    }
}

fn answer_error(e: AnswerError) -> JsValue {
    fail(kind(&e), &e.to_string())
}

/// Every guideline with its status: `beschikbaar`, or `defect` with the Dutch problems in `problems`.
#[wasm_bindgen]
pub fn guidelines() -> Result<JsValue, JsValue> {
    to_js(&registry().list())
}

/// Reads `{ key: 'text', ... }` into pairs; `undefined`/`null` is empty. `what` names the argument.
fn string_map(value: &JsValue, what: &str) -> Result<Vec<(String, String)>, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(fail("geen_object", &format!("{what} moet een object zijn, bijvoorbeeld {{ rol: 'toegang' }}")));
    }
    js_sys::Object::entries(value.unchecked_ref())
        .iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            match pair.get(1).as_string() {
                Some(v) => Ok((key, v)),
                None => Err(fail("geen_tekst", &format!("{what}: de waarde bij '{key}' moet tekst zijn"))),
            }
        })
        .collect()
}

/// Walks `answers` (`{ vraag: 'antwoord' }`) and returns the advice as a plain object: `outcome` (or
/// the next `question` with its options), `trace`, `schedule` for `dates` (`{ start, end }` as
/// `JJJJ-MM-DD`, optional; also `moment` `JJJJ-MM-DDTUU:MM`, `birth`, `handover`) and `interpretations`.
#[wasm_bindgen]
pub fn evaluate(id: &str, answers: JsValue, dates: JsValue) -> Result<JsValue, JsValue> {
    let reg = registry();
    let g = reg.get(id).map_err(answer_error)?;
    let answers: Answers = string_map(&answers, "antwoorden")?.into_iter().collect();
    let mut d = Dates::default();
    for (k, v) in string_map(&dates, "data")? {
        let field = DateField::ALL.into_iter().find(|f| f.key() == k).ok_or_else(|| {
            fail("onbekend_datumveld", &format!("data: onbekend veld '{k}'; gebruik start, end, moment, birth of handover"))
        })?;
        d.set(field, v);
    }
    let advice = advise(g, &answers, &d).map_err(answer_error)?;
    to_js(&advice)
}
