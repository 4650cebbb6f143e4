//! The few browser calls the widget makes: the address bar and its history, fetching a guideline's
//! data through the page's loader, the clipboard, printing and the clock. Everything else in the UI
//! is Yew and plain Rust; every call here fails quietly (a blocked API never breaks the widget).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The fragment of the address bar, without `#`.
pub fn hash() -> String {
    window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

thread_local! {
    /// The page's `address(fragment, push)` (see [`use_address`]).
    static ADDRESS: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// The page's function that writes the address bar (`www/regiewijzer.js`: `address`), which also
/// says when a frame is painted ([`after_paint`]): the mount hands it over. Without one, the
/// address bar stays as it is and the widget does not wait for a paint.
pub fn use_address(f: Option<js_sys::Function>) {
    ADDRESS.with(|a| *a.borrow_mut() = f);
}

/// Runs `done` once the frame being made is painted (the page's `address()`, called without a
/// fragment, says when); at once without it.
pub fn after_paint(done: Then) {
    match ADDRESS.with(|a| a.borrow().as_ref().and_then(|f| f.call0(&JsValue::NULL).ok())) {
        Some(p) => settle(&p, done, Box::new(drop)),
        None => done(JsValue::UNDEFINED),
    }
}

/// Writes `fragment` to the address bar: a new history entry (`push`) or in place (an empty one
/// keeps the page's own address without `#`). The page's loader does it once the frame that shows
/// the step is painted (Chromium's `pushState` takes 3-4 ms, 6-14 at 4x CPU, that the step would
/// otherwise wait for); a write still waiting goes first, so every step keeps its own entry.
/// Without `fragment`, only the write still waiting is done ([`href`]).
pub fn set_hash(fragment: Option<&str>, push: bool) {
    ADDRESS.with(|a| {
        if let Some(f) = &*a.borrow() {
            let _ = f.call2(&JsValue::NULL, &fragment.map(JsValue::from_str).unwrap_or_default(), &JsValue::from_bool(push));
        }
    });
}

/// Calls `on` with the new fragment whenever the browser moves through history (Back, Forward, a
/// link to a fragment). Returns the listener; dropping it with [`unlisten`] stops it.
pub fn listen_history(on: impl Fn(String) + 'static) -> Option<Closure<dyn Fn()>> {
    let w = window()?;
    let cb = Closure::<dyn Fn()>::new(move || on(hash()));
    w.add_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref()).ok()?;
    Some(cb)
}

pub fn unlisten(cb: Closure<dyn Fn()>) {
    if let Some(w) = window() {
        let _ = w.remove_event_listener_with_callback("popstate", cb.as_ref().unchecked_ref());
    }
}

/// Asks the page's loader (`load(id)` → Promise of bytes) for a guideline's data file and calls
/// `done` with the bytes or a Dutch reason.
pub fn load(loader: &js_sys::Function, id: &str, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let Ok(promise) = loader.call1(&JsValue::NULL, &JsValue::from_str(id)) else {
        return done(Err("de widget kan zijn gegevensbestanden niet ophalen".into()));
    };
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let fail = done.clone();
    let ok = move |v: JsValue| {
        if let Some(d) = done.take() {
            d(Ok(js_sys::Uint8Array::new(&v).to_vec()));
        }
    };
    let err = move |e: JsValue| {
        if let Some(d) = fail.take() {
            let why = e.as_string().or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()));
            d(Err(why.unwrap_or_else(|| "het bestand is niet gevonden".into())));
        }
    };
    settle(&promise, Box::new(ok), Box::new(err));
}

/// What is done with a settled Promise's value (or with why it failed).
pub type Then = Box<dyn FnOnce(JsValue)>;

/// `promise.then(ok, err)`. Each is made a function here, so the wasm holds one copy of
/// `Closure::once_into_js` for every caller.
fn settle(promise: &JsValue, ok: Then, err: Then) {
    if let Ok(then) = js_sys::Reflect::get(promise, &JsValue::from_str("then")).and_then(|t| t.dyn_into::<js_sys::Function>()) {
        let _ = then.call2(promise, &Closure::once_into_js(ok), &Closure::once_into_js(err));
    }
}

/// Copies `text` to the clipboard; `done(true)` when that worked, `done(false)` when the clipboard
/// is blocked (the widget then shows the link to copy by hand).
pub fn copy(text: &str, done: impl Fn(bool) + 'static) {
    let clipboard = window().map(|w| w.navigator().clipboard());
    let Some(c) = clipboard.filter(|c| !JsValue::from(c.clone()).is_undefined()) else { return done(false) };
    let done = std::rc::Rc::new(done);
    let fail = done.clone();
    settle(&c.write_text(text), Box::new(move |_| done(true)), Box::new(move |_| fail(false)));
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Today as `JJJJ-MM-DD` (local time).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Now in UTC as an iCalendar DTSTAMP, `JJJJMMDDTHHMMSSZ`.
pub fn stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.get_utc_full_year(),
        d.get_utc_month() + 1,
        d.get_utc_date(),
        d.get_utc_hours(),
        d.get_utc_minutes(),
        d.get_utc_seconds()
    )
}

/// `text` percent-encoded for a `data:` URL.
pub fn uri_component(text: &str) -> String {
    js_sys::encode_uri_component(text).into()
}

/// Moves the keyboard focus to the element with this id, if it is on the page.
#[cfg(feature = "training")]
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) =
        window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The `data-rw` value of the element an event came from, or of its closest ancestor that has one:
/// how a component hears its buttons inside markup written as text (one delegated listener).
pub fn action_of(e: &web_sys::Event) -> Option<String> {
    e.target()?.dyn_into::<web_sys::Element>().ok()?.closest("[data-rw]").ok()??.get_attribute("data-rw")
}

/// Gives the keyboard focus to the first element matching `selector` inside the element with id
/// `id`; false when there is none.
pub fn focus_within(id: &str, selector: &str) -> bool {
    let root = window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id));
    let el = root.and_then(|r| r.query_selector(selector).ok().flatten()).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    el.map(|h| h.focus().is_ok()).unwrap_or(false)
}

/// What an effect leaves to undo before the next run or at unmount (nothing: [`nothing_to_undo`]).
pub type Undo = Box<dyn FnOnce()>;

/// An effect with no cleanup.
pub fn nothing_to_undo() -> Undo {
    Box::new(|| ())
}

/// The widget's one effect hook: `run` runs after a render in which `key` differs from the key of
/// the render before (and after the first); the [`Undo`] it returns runs before the next run or at
/// unmount. Each `use_effect_with` with its own closure and dependency type is its own copy of
/// Yew's hook code (~0.9 KB of wasm each, eight of them); this one is compiled once, so every call
/// site says what its run depends on as a string key.
#[yew::hook]
pub fn use_keyed_effect(key: String, run: Box<dyn FnOnce() -> Undo>) {
    yew::use_effect_with(key, move |_| run());
}

/// The address bar's whole link ("" when the browser does not say).
pub fn href() -> String {
    set_hash(None, false);
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}
