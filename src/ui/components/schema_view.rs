use crate::engine::codec::Bundle;
use crate::engine::layout::svg::{self, Sink, ZOOMS};
use crate::engine::schema::{Mark, Marks};
use crate::engine::Answers;
use crate::ui::browser;
use crate::ui::components::{raw, BundleRef};
use crate::ui::markup::Markup;
use web_sys::Element;
use yew::prelude::*;
use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VTag};

#[derive(Properties)]
pub struct SchemaViewProps {
    pub bundle: BundleRef,
    pub marks: Marks,
    pub answers: Answers,
    /// The whole schema, large (projector) instead of beside the step.
    #[prop_or_default]
    pub large: bool,
    /// Called with a question id to go back to it.
    pub onedit: Callback<String>,
    /// The outcome box was chosen.
    pub onoutcome: Callback<()>,
}

/// Equal when they draw the same: the callbacks are made anew by every render of the widget but
/// always send the same action (`onoutcome` follows `large`), so choosing an option, which changes
/// none of the drawing, does not redraw it. (A step's new marks come a frame after its question:
/// the App keeps giving the marks shown until then, see `Setup::shown`.)
impl PartialEq for SchemaViewProps {
    fn eq(&self, other: &Self) -> bool {
        self.bundle == other.bundle && self.large == other.large && self.marks == other.marks && self.answers == other.answers
    }
}

/// The stroomschema as SVG, drawn from the laid-out schema of the rule file by the pieces of
/// [`crate::engine::layout::svg`] (its frame, then each edge and node on its own, so a step redraws
/// only the pieces whose marks changed; the route taken lit, the current node marked, nodes that
/// can no longer be reached dimmed), with zoom buttons, scrolled to the current node. Answered
/// questions and the outcome reached are buttons.
#[component]
pub fn SchemaView(props: &SchemaViewProps) -> Html {
    let b: &Bundle = &props.bundle.0;
    let l = &b.layout;
    let ids = crate::engine::schema::node_ids(&b.guideline);
    // The zoom (one of ZOOMS) and the scrolling panel. One plain hook and a re-render on a zoom
    // button, instead of `use_state` and `use_node_ref` (each its own copy of Yew's reducer code).
    let state = use_mut_ref(|| (if props.large { 0 } else { 75 }, NodeRef::default()));
    let rerender = use_force_update();
    let (z, scroller) = {
        let s = state.borrow();
        (s.0, s.1.clone())
    };
    // Keep the current node in view inside the panel (its own scroll, never the page's).
    let current = ids.iter().position(|id| props.marks.of(id) == Mark::Current);
    {
        let scroller = scroller.clone();
        let target = current.and_then(|i| l.nodes.get(i)).map(|n| (n.x + n.w / 2, n.y + n.h / 2));
        let width = l.width;
        let key = match target {
            Some((x, y)) => format!("{x},{y},{z}"),
            None => format!("-,{z}"),
        };
        browser::use_keyed_effect(
            key,
            Box::new(move || {
                if let (Some((x, y)), Some(el)) = (target, scroller.cast::<Element>()) {
                    let scale = if z == 0 { f64::from(el.client_width()) / f64::from(width.max(1)) } else { f64::from(z) / 100.0 };
                    el.set_scroll_left((f64::from(x) * scale) as i32 - el.client_width() / 2);
                    el.set_scroll_top((f64::from(y) * scale) as i32 - el.client_height() / 2);
                }
                browser::nothing_to_undo()
            }),
        );
    }
    // A step smaller (-1) or larger (1), or 0: fit to the width.
    let step = |d: i32| {
        let (state, rerender) = (state.clone(), rerender.clone());
        Callback::from(move |_: MouseEvent| {
            let i = if d == 0 { 0 } else { ZOOMS.iter().position(|v| *v == state.borrow().0).unwrap_or(2) as i32 + d };
            state.borrow_mut().0 = ZOOMS[i.clamp(0, ZOOMS.len() as i32 - 1) as usize];
            rerender.force_update();
        })
    };
    // The drawing: its frame an element, each edge and node a group (`<g>`) whose attributes follow
    // the marks (see svg::Sink::open) around what it draws, written as text (see crate::ui::markup) that
    // changes only with a node's badge ("nu", ✓). A step sets the groups' changed attributes and
    // re-parses two or three nodes (Yew keeps a raw node whose text is the same). Its buttons are
    // heard by one listener below.
    let f = svg::frame(&b.guideline, l, z);
    let mut parts = Vec::with_capacity(l.edges.len() + l.nodes.len());
    for e in &l.edges {
        let mut p = Piece::default();
        svg::edge(&mut p, &ids, e, &props.marks);
        parts.push(p.html());
    }
    for (n, id) in l.nodes.iter().zip(&ids) {
        let mut p = Piece::default();
        svg::node(&mut p, &b.guideline, n, id, &props.marks, &props.answers);
        parts.push(p.html());
    }
    let drawing = html! {
        <svg class="rw-svg" viewBox={f.view_box} width={f.width} height={f.height} text-anchor="middle" role="group" aria-label={f.label}>
            { for parts }
        </svg>
    };

    // A node's `data-rw` is its question id, or empty for the outcome.
    let activate = {
        let (onedit, onoutcome) = (props.onedit.clone(), props.onoutcome.clone());
        move |a: String| if a.is_empty() { onoutcome.emit(()) } else { onedit.emit(a) }
    };
    let onclick = {
        let activate = activate.clone();
        move |e: MouseEvent| {
            if let Some(a) = browser::action_of(&e) {
                activate(a)
            }
        }
    };
    let onkeydown = move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            if let Some(a) = browser::action_of(&e) {
                e.prevent_default();
                activate(a)
            }
        }
    };

    let inner = html! {
        <>
            <div class="rw-zoom" role="group" aria-label="Zoom">
                <button type="button" class="rw-knop rw-klein" onclick={step(-1)} disabled={z == 0} aria-label="Kleiner">{ "−" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={step(1)} disabled={z == ZOOMS[ZOOMS.len() - 1]} aria-label="Groter">{ "+" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={step(0)} aria-pressed={(z == 0).to_string()}>{ "Passend" }</button>
            </div>
            <div class="rw-schemavlak" ref={scroller} tabindex="0" role="region" aria-label="Stroomschema (scrollbaar)" {onclick} {onkeydown}>
                { drawing }
            </div>
        </>
    };
    // Literal classes only (see app.rs).
    if props.large {
        html! { <div class="rw-schema rw-schema-groot">{ inner }</div> }
    } else {
        html! { <div class="rw-schema">{ inner }</div> }
    }
}

/// One piece of the drawing as the widget keeps it: its group's classes apart from the markup
/// drawn inside it.
#[derive(Default)]
struct Piece {
    class: &'static str,
    hidden: bool,
    inside: Markup,
}

impl Piece {
    /// The group as a tag with a fixed list of attributes, as `html!` builds one, but without
    /// `html!`'s `class`, which goes through Yew's `Classes` (an index set: 1.4 KB gzip more wasm,
    /// measured), around the markup drawn inside as one raw node.
    fn html(self) -> Html {
        const KEYS: &[&str] = &["class", "aria-hidden"];
        let values = [Some(AttributeOrProperty::Static(self.class)), self.hidden.then_some(AttributeOrProperty::Static("true"))];
        let attributes = Attributes::Dynamic { keys: KEYS, values: Box::new(values) };
        VTag::__new_other("g".into(), NodeRef::default(), None, attributes, Listeners::None, raw(self.inside)).into()
    }
}

/// The drawing writes into the piece's markup (which escapes its text); the group's classes it
/// keeps apart.
impl Sink for Piece {
    fn raw(&mut self, s: &str) -> &mut Self {
        self.inside.raw(s);
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.inside.text(s);
        self
    }

    fn num(&mut self, n: i32) -> &mut Self {
        self.inside.num(n);
        self
    }

    fn open(&mut self, class: &'static str, hidden: bool) -> &mut Self {
        (self.class, self.hidden) = (class, hidden);
        self
    }

    fn close(&mut self) -> &mut Self {
        self
    }
}
