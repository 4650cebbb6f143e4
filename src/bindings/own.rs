//! The check of a gemeente's own rule file (feature `own`, built as `dist/eigen/regiewijzer_eigen.js`):
//! the loader's `eigen.js` imports it only when a page names a file, so neither the widget nor the
//! JS API carries the JSON reader, the validator, the audit and the layout. Conversions only.
//!
//! `compile(name, json)`: `{ id, index, bytes, opmerking }` when it passed (the index that lists it,
//! which the widget's `mount` takes as `eigen`, and its data file), `{ naam, problemen: [{ kind,
//! message }] }` otherwise.

use crate::engine::audit::TEXT_NOT_CHECKED;
use crate::engine::codec::encode;
use crate::guidelines::{compile_own, own_index, OwnRejected};
use wasm_bindgen::prelude::*;

/// Checks a gemeente's own rule file: `json` is its text, `name` names it in the verdict (its file
/// name). The verdict is `regiewijzer check`'s (every problem, in Dutch, each naming the offending
/// id), except that the quotes cannot be checked here (the guideline text is not in the browser)
/// and a built-in guideline's id is refused. Returns `{ id, index, bytes, opmerking }` when the
/// file passed (`index`: the widget's index with it listed; `bytes`: its data file, as
/// `regels/<id>.rwd` is for a built-in one; both Uint8Array), else `{ naam, problemen }`, each
/// problem `{ kind, message }`: a machine-readable kind (`ingebouwd_id`, `onbekende_startvraag`, …:
/// [`crate::guidelines::OwnProblem::code`]) and the Dutch message; never throws.
#[wasm_bindgen]
pub fn compile(name: &str, json: &str) -> js_sys::Object {
    let out = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str(k), &v);
    };
    match compile_own(name, json, None) {
        Ok(bundle) => {
            set("id", JsValue::from_str(&bundle.guideline.id));
            set("index", js_sys::Uint8Array::from(own_index(&bundle).as_slice()).into());
            set("bytes", js_sys::Uint8Array::from(encode(&bundle).as_slice()).into());
            set(
                "opmerking",
                JsValue::from_str(&format!(
                    "{TEXT_NOT_CHECKED}: in de browser is de tekst van de richtlijn er niet; controleer ze met regiewijzer check"
                )),
            );
        }
        Err(OwnRejected { name, problems }) => {
            set("naam", JsValue::from_str(&name));
            let problem = |p: &crate::guidelines::OwnProblem| {
                let o = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str("kind"), &JsValue::from_str(p.code()));
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str("message"), &JsValue::from_str(&p.to_string()));
                JsValue::from(o)
            };
            set("problemen", problems.iter().map(problem).collect::<js_sys::Array>().into());
        }
    }
    out
}
