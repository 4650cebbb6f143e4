//! The page's few calls into its own JavaScript (`www/beheer.js`): fetching a built-in guideline,
//! reading a chosen file, the download, the warning before leaving and the text selection. They
//! live in JavaScript so the bundle needs no further browser bindings; each fails quietly.

use js_sys::Function;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The functions `www/beheer.js` hands to `mount_beheer`.
pub struct Js {
    /// `load(id)`: Promise of `[json, text | null]` for a built-in guideline.
    pub load: Function,
    /// `read(input)`: Promise of the text of the file chosen in a file input, or `null`.
    pub read: Function,
    /// `download(name, text)`: offers `text` as a file download.
    pub download: Function,
    /// `dirty(bool)`: whether leaving the page should warn.
    pub dirty: Function,
    /// `selection()`: the text selected inside the guideline text, or `''`.
    pub selection: Function,
}

impl Js {
    /// Reads the five functions from `options`; `None` when one is missing.
    pub fn from_options(options: &JsValue) -> Option<Js> {
        let get = |k: &str| js_sys::Reflect::get(options, &JsValue::from_str(k)).ok()?.dyn_into::<Function>().ok();
        Some(Js { load: get("load")?, read: get("read")?, download: get("download")?, dirty: get("dirty")?, selection: get("selection")? })
    }

    /// The selected text in the guideline text.
    pub fn selection(&self) -> String {
        self.selection.call0(&JsValue::NULL).ok().and_then(|v| v.as_string()).unwrap_or_default()
    }

    /// Offers `text` as the file `name`.
    pub fn download(&self, name: &str, text: &str) {
        let _ = self.download.call2(&JsValue::NULL, &JsValue::from_str(name), &JsValue::from_str(text));
    }

    /// Tells the page whether there are changes not downloaded.
    pub fn dirty(&self, unsaved: bool) {
        let _ = self.dirty.call1(&JsValue::NULL, &JsValue::from_bool(unsaved));
    }
}

/// Calls `f(arg)` and hands its (awaited) result or a Dutch reason to `done`.
pub fn call(f: &Function, arg: &JsValue, done: impl FnOnce(Result<JsValue, String>) + 'static) {
    let result = match f.call1(&JsValue::NULL, arg) {
        Ok(v) => v,
        Err(_) => return done(Err("de pagina kon het bestand niet lezen".into())),
    };
    let then = js_sys::Reflect::get(&result, &JsValue::from_str("then")).ok().and_then(|t| t.dyn_into::<Function>().ok());
    let Some(then) = then else { return done(Ok(result)) };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let fail = done.clone();
    let ok = Closure::once_into_js(move |v: JsValue| {
        if let Some(d) = done.take() {
            d(Ok(v))
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        if let Some(d) = fail.take() {
            let why = e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()));
            d(Err(why.unwrap_or_else(|| "het bestand is niet gevonden".into())))
        }
    });
    let _ = then.call2(&result, &ok, &err);
}
