//! The rule owner's page: one reducer ([`super::state`]), the parts in [`super::components`], and
//! the widget's own stroomschema drawing, laid out from the edited rules after every change.

use super::components::compare_panel::ComparePanel;
use super::components::open_panel::OpenPanel;
use super::components::{
    cadence_form, case_form, diff_view, element_list, headings_form, outcome_form, problem_list, publish_panel, question_form, source_pane,
    version_form,
};
use super::js::{call, Js};
use super::state::{changelog, to_json, Action, Beheer, Edit, Sel};
use crate::engine::codec::Bundle;
use crate::engine::schema::{Mark, Marks};
use crate::engine::Answers;
use crate::ui::browser;
use crate::ui::components::schema_view::SchemaView;
use crate::ui::components::BundleRef;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties)]
pub struct BeheerAppProps {
    pub js: Rc<Js>,
    /// The built-in guidelines: id and name.
    pub builtin: Rc<Vec<(String, String)>>,
}

impl PartialEq for BeheerAppProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.js, &o.js) && Rc::ptr_eq(&self.builtin, &o.builtin)
    }
}

/// The reducer's state as Yew keeps it.
#[derive(Default, PartialEq)]
struct Page(Beheer);

impl Reducible for Page {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Page(self.0.clone().apply(action)))
    }
}

/// How long the diff waits after "Bekijk wat deze wijziging doet", so the browser paints "Bezig" first.
const PAINT_MS: i32 = 30;

/// How long after an edit the audit runs: the edit is painted first, and edits in quick succession
/// (leaving one field for the next) are audited once.
const AUDIT_MS: i32 = 250;

/// Asks before replacing unsaved changes.
fn may_replace(unsaved: bool) -> bool {
    !unsaved
        || web_sys::window()
            .and_then(|w| w.confirm_with_message("De wijzigingen zijn nog niet gedownload. Toch een andere richtlijn openen?").ok())
            .unwrap_or(true)
}

#[component]
pub fn BeheerApp(props: &BeheerAppProps) -> Html {
    let state = use_reducer(Page::default);
    let busy = use_state_eq(|| false);
    // The audit of an edit, just after the edit is shown (see Action::Audit).
    {
        let pending = state.0.doc.as_ref().filter(|d| d.audit_pending).map(|d| d.revision);
        let d = state.dispatcher();
        browser::use_keyed_effect(
            pending.map_or(String::new(), |r| r.to_string()),
            Box::new(move || {
                if let (Some(rev), Some(w)) = (pending, web_sys::window()) {
                    let run = Closure::once_into_js(move || d.dispatch(Action::Audit(rev)));
                    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), AUDIT_MS);
                }
                browser::nothing_to_undo()
            }),
        );
    }
    {
        let (d, busy) = (state.dispatcher(), busy.clone());
        browser::use_keyed_effect(
            busy.to_string(),
            Box::new(move || {
                if *busy {
                    let run = Closure::once_into_js(move || {
                        d.dispatch(Action::RunDiff);
                        busy.set(false);
                    });
                    if let Some(w) = web_sys::window() {
                        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), PAINT_MS);
                    }
                }
                browser::nothing_to_undo()
            }),
        );
    }
    let rules_input = use_node_ref();
    let text_input = use_node_ref();
    let old_input = use_node_ref();
    let new_input = use_node_ref();
    let comparing = use_state_eq(|| false);
    let b = &state.0;
    let unsaved = b.doc.as_ref().is_some_and(|d| d.unsaved);
    {
        let js = props.js.clone();
        browser::use_keyed_effect(
            unsaved.to_string(),
            Box::new(move || {
                js.dirty(unsaved);
                browser::nothing_to_undo()
            }),
        );
    }
    // The schema's layout, made again only when the rules change.
    let key = b.doc.as_ref().map(|d| (d.revision, Rc::as_ptr(&d.opened) as usize));
    let bundle = {
        let rules = b.doc.as_ref().map(|d| d.rules.clone());
        use_memo(key, move |_| rules.map(|g| BundleRef(Rc::new(Bundle::new((*g).clone())))))
    };

    let d = state.dispatcher();
    let onedit = {
        let d = d.clone();
        Callback::from(move |e: Edit| d.dispatch(Action::Edit(e)))
    };
    let onselect = {
        let d = d.clone();
        Callback::from(move |s: Sel| d.dispatch(Action::Select(s)))
    };
    let ongoto = {
        let d = d.clone();
        Callback::from(move |id: String| d.dispatch(Action::Goto(id)))
    };
    let onquote_slot = {
        let (d, js) = (d.clone(), props.js.clone());
        Callback::from(move |n: usize| {
            d.dispatch(Action::Slot(n));
            d.dispatch(Action::UseQuote(js.selection()));
        })
    };
    let onquote = {
        let (d, js) = (d.clone(), props.js.clone());
        Callback::from(move |_: ()| d.dispatch(Action::UseQuote(js.selection())))
    };
    let onbuiltin = {
        let (d, js, builtin) = (d.clone(), props.js.clone(), props.builtin.clone());
        Callback::from(move |id: String| {
            if !may_replace(unsaved) {
                return;
            }
            let name = builtin.iter().find(|(i, _)| *i == id).map_or(id.clone(), |(_, n)| n.clone());
            let d = d.clone();
            call(&js.load, &JsValue::from_str(&id), move |r| {
                d.dispatch(match r {
                    Ok(v) => {
                        let a = js_sys::Array::from(&v);
                        match a.get(0).as_string() {
                            Some(json) => Action::Open { json, text: a.get(1).as_string(), name },
                            None => Action::Failed(format!("{name} kon niet worden geopend.")),
                        }
                    }
                    Err(why) => Action::Failed(format!("{name} kon niet worden geopend: {why}.")),
                })
            });
        })
    };
    let onfiles = {
        let (d, js, rules_input, text_input) = (d.clone(), props.js.clone(), rules_input.clone(), text_input.clone());
        Callback::from(move |_: ()| {
            if !may_replace(unsaved) {
                return;
            }
            let (Some(r), Some(t)) = (rules_input.get(), text_input.get()) else { return };
            let name = r.clone().dyn_into_name();
            let (d, js2) = (d.clone(), js.clone());
            call(&js.read, &r.into(), move |json| {
                let json = match json.map(|v| v.as_string()) {
                    Ok(Some(j)) => j,
                    Ok(None) => return d.dispatch(Action::Failed("Kies eerst een regelbestand (.json).".into())),
                    Err(why) => return d.dispatch(Action::Failed(format!("Het regelbestand kon niet worden gelezen: {why}."))),
                };
                call(&js2.read, &t.into(), move |text| {
                    let text = text.ok().and_then(|v| v.as_string());
                    d.dispatch(Action::Open { json, text, name });
                });
            });
        })
    };

    let open = html! {
        <OpenPanel builtin={props.builtin.clone()} onbuiltin={onbuiltin} rules_input={rules_input.clone()} text_input={text_input.clone()} onfiles={onfiles} />
    };
    // Two files from this computer, read one after the other, then compared.
    let oncompare = {
        let (d, js, old_input, new_input, comparing) =
            (d.clone(), props.js.clone(), old_input.clone(), new_input.clone(), comparing.clone());
        Callback::from(move |start: String| {
            let (Some(o), Some(n)) = (old_input.get(), new_input.get()) else { return };
            let (old_name, new_name) = (o.clone().dyn_into_name(), n.clone().dyn_into_name());
            comparing.set(true);
            let (d, js2, comparing) = (d.clone(), js.clone(), comparing.clone());
            call(&js.read, &o.into(), move |old| {
                call(&js2.read, &n.into(), move |new| {
                    comparing.set(false);
                    match (old.ok().and_then(|v| v.as_string()), new.ok().and_then(|v| v.as_string())) {
                        (Some(old), Some(new)) => d.dispatch(Action::Compare { old, new, old_name, new_name, start }),
                        _ => d.dispatch(Action::CompareFailed("Kies eerst twee regelbestanden (.json) om te vergelijken.".into())),
                    }
                });
            });
        })
    };
    let compare = html! {
        <ComparePanel old_input={old_input.clone()} new_input={new_input.clone()} busy={*comparing} comparison={b.comparison.clone()} {oncompare} />
    };
    let notice = b.notice.as_ref().map(|n| html! { <p class="bh-melding" role="status">{ n }</p> });
    let Some(doc) = &b.doc else {
        return html! { <div class="bh-app">{ open }{ for notice }{ compare }</div> };
    };
    let g = &*doc.rules;
    let builtin_ids: Vec<String> = props.builtin.iter().map(|(id, _)| id.clone()).collect();
    let form = match doc.selected {
        Sel::Version => version_form::view(&version_form::VersionFormProps { rules: g, builtin: &builtin_ids, onedit: &onedit }),
        Sel::Question(i) => {
            question_form::view(&question_form::QuestionFormProps { rules: g, index: i, onedit: &onedit, onquote: &onquote_slot })
        }
        Sel::Outcome(i) => outcome_form::view(&outcome_form::OutcomeFormProps {
            rules: g,
            index: i,
            slot: doc.slot,
            onedit: &onedit,
            onquote: &onquote_slot,
        }),
        Sel::Cadence(i) => {
            cadence_form::view(&cadence_form::CadenceFormProps { rules: g, index: i, onedit: &onedit, onquote: &onquote_slot })
        }
        Sel::Case(i) => case_form::view(&case_form::CaseFormProps { rules: g, index: i, status: doc.cases.get(i), onedit: &onedit }),
        Sel::Headings => headings_form::view(&headings_form::HeadingsFormProps { rules: g, onedit: &onedit }),
    };
    let target = match doc.selected {
        Sel::Question(i) => g.questions.get(i).map(|q| match doc.slot.checked_sub(1).and_then(|n| super::state::rule_at(g, i, n)) {
            Some((c, b)) => format!("Wordt het citaat van regel {} van antwoord «{}» van vraag «{}».", b + 1, q.options[c].id, q.id),
            None => format!("Wordt het citaat van vraag «{}».", q.id),
        }),
        Sel::Outcome(i) => g.outcomes.get(i).map(|o| format!("Wordt het citaat van uitkomst «{}», bron {}.", o.id, doc.slot + 1)),
        Sel::Cadence(i) => g.cadences.get(i).map(|c| format!("Wordt het citaat van evaluatieritme «{}».", c.id)),
        _ => None,
    };
    // The schema: every node open, the element in the form marked as the current one.
    let mut marks = Marks::default();
    let current = match doc.selected {
        Sel::Question(i) => g.questions.get(i).map(|q| q.id.clone()),
        Sel::Outcome(i) => g.outcomes.get(i).map(|o| o.id.clone()),
        _ => None,
    };
    for id in g.questions.iter().map(|q| &q.id).chain(g.outcomes.iter().map(|o| &o.id)) {
        marks.nodes.insert(id.clone(), if Some(id) == current.as_ref() { Mark::Current } else { Mark::Reachable });
    }
    let changes = doc.diff.as_ref().filter(|_| !doc.diff_stale).map(|df| changelog(doc, df));
    let ondownload = {
        let (d, js, rules, schema) = (d.clone(), props.js.clone(), doc.rules.clone(), doc.schema_ref.clone());
        Callback::from(move |_: ()| {
            js.download(&format!("{}.json", rules.id), &to_json(&rules, schema.as_deref()));
            d.dispatch(Action::Saved);
        })
    };
    let onstart = {
        let d = d.clone();
        Callback::from(move |s: String| d.dispatch(Action::SetStart(s)))
    };
    // The diff walks every route (about a second on the largest guideline): "Bezig" is painted first.
    let onrun = {
        let busy = busy.clone();
        Callback::from(move |_: ()| busy.set(true))
    };
    let undo = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Undo))
    };
    let redo = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Redo))
    };
    html! {
        <div class="bh-app">
            { open }
            { for notice }
            <div class="bh-balk" role="group" aria-label="Bewerken">
                <span class="bh-naam">{ format!("{} — versie '{}', geldig vanaf {}", g.region, g.document_date, g.valid_from) }</span>
                <button type="button" class="rw-knop rw-klein" onclick={undo} disabled={!doc.can_undo()}>{ "Ongedaan maken" }</button>
                <button type="button" class="rw-knop rw-klein" onclick={redo} disabled={!doc.can_redo()}>{ "Opnieuw" }</button>
                <span class="bh-status">{
                    format!("{} · testgevallen: {} van {} geslaagd{}",
                        if doc.audit_pending { "Controle loopt…".to_string() }
                        else if doc.problems.is_empty() { "Controle: in orde".to_string() } else { format!("Controle: {} punten", doc.problems.len()) },
                        doc.cases.iter().filter(|c| **c == super::state::CaseStatus::Passed).count(), g.tests.len(),
                        if doc.unsaved { " · niet gedownloade wijzigingen" } else { "" })
                }</span>
            </div>
            <div class="bh-werkvlak">
                { element_list::view(&element_list::ElementListProps { rules: g, cases: &doc.cases, selected: doc.selected, onselect: &onselect, onedit: &onedit }) }
                <div class="bh-midden">
                    { problem_list::view(&problem_list::ProblemListProps { problems: &doc.problems, pending: doc.audit_pending, text_checked: doc.text.is_some(), onselect: &onselect }) }
                    { form }
                </div>
                { source_pane::view(&source_pane::SourcePaneProps { rules: g, text: doc.text.as_deref().map(String::as_str), target, onquote: &onquote, onselect: &ongoto }) }
            </div>
            <section class="bh-schema" aria-labelledby="bh-schema-titel">
                <h2 id="bh-schema-titel">{ "Stroomschema van de bewerkte regels" }</h2>
                if let Some(bundle) = (*bundle).clone() {
                    <SchemaView bundle={bundle} marks={marks} answers={Answers::new()} large={true} onedit={ongoto.clone()} onoutcome={Callback::from(|_: ()| ())} />
                }
            </section>
            { diff_view::view(&diff_view::DiffViewProps { diff: doc.diff.as_deref(), busy: *busy, stale: doc.diff_stale, start: &doc.start, onstart: &onstart, onrun: &onrun }) }
            { publish_panel::view(&publish_panel::PublishPanelProps { file_name: format!("{}.json", g.id), changelog: changes, problems: doc.problems.len(), unsaved: doc.unsaved, ondownload: &ondownload }) }
            { compare }
        </div>
    }
}

/// The name of the file chosen in a file input, for the notice.
trait FileName {
    fn dyn_into_name(self) -> String;
}

impl FileName for web_sys::Node {
    fn dyn_into_name(self) -> String {
        // `input.value` is "C:\fakepath\<name>" in every browser: the name is after the last '\'.
        let v = js_sys::Reflect::get(&self, &JsValue::from_str("value")).ok().and_then(|v| v.as_string()).unwrap_or_default();
        v.rsplit(['\\', '/']).next().unwrap_or("het regelbestand").to_string()
    }
}
