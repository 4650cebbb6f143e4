//! The first step of each guideline, written at build time for the loader to show before the wasm
//! has arrived (src/ui/first_step.rs), and the data files that carry it (`regiewijzer export`).
//! That it is the same page the widget renders is checked in the browser
//! (tests/browser/first-step.test.mjs); here: that it is the widget's first question, complete,
//! and safe to put in a page.

use regiewijzer::guidelines::{Registry, Status};
use regiewijzer::ui::first_step::{first_step, without_choice, write, CHOICE, UID};
use regiewijzer::ui::state::{Action, Embedding, State, View};
use std::process::Command;
use std::rc::Rc;

fn registry() -> Rc<Registry> {
    Rc::new(Registry::builtin())
}

fn usable() -> Vec<String> {
    registry().list().into_iter().filter(|e| e.status == Status::Beschikbaar).map(|e| e.id).collect()
}

#[test]
fn every_guideline_has_a_first_step_with_its_start_question_and_every_option() {
    let reg = registry();
    let ids = usable();
    assert_eq!(ids.len(), 5);
    for id in ids {
        let html = first_step(&reg, &id).unwrap_or_else(|| panic!("{id}: no first step"));
        let state = State::new(reg.clone(), Rc::new(Embedding::default())).apply(Action::PickGuideline(id.clone()));
        let View::Question { question: q, .. } = state.view() else { panic!("{id}: the widget does not open on a question") };
        let g = reg.get(&id).unwrap();
        assert!(html.contains(&format!("<legend class=\"rw-titel\">{}</legend>", escape(&q.text))), "{id}: legend");
        assert!(html.contains(&escape(&format!("{} — {}", g.region, g.title))), "{id}: the guideline in the head");
        for o in &q.options {
            let input = format!("<input type=\"radio\" id=\"{UID}-{}-{}\" name=\"{UID}-{}\" value=\"{}\">", q.id, o.id, q.id, o.id);
            assert!(html.contains(&input), "{id}: option {} missing: {input}", o.id);
            assert!(html.contains(&format!(">{}</label>", escape(&o.label))), "{id}: label of {}", o.id);
        }
        assert_eq!(html.contains("value=\"?\""), q.unknown.is_some(), "{id}: 'Weet ik niet' offered as the rule file says");
        assert!(html.contains(&format!("Bron: {}", escape(q.source.heading_label()))), "{id}: source");
        assert!(html.contains(&format!("id=\"{UID}-vraag\"")), "{id}: the form the widget focuses");
        assert!(html.starts_with("<div class=\"rw\"><header class=\"rw-kop\">") && html.ends_with("</form></section></div></div>"));
        // The strict Content-Security-Policy: no style attribute, no script, no inline handler.
        for bad in ["style=", "<script"] {
            assert!(!html.contains(bad), "{id}: {bad} in the first step");
        }
        assert!(!has_handler(&html), "{id}: an inline event handler in the first step");
    }
}

#[test]
fn the_step_for_a_page_with_one_guideline_is_the_same_without_andere_richtlijn() {
    let reg = registry();
    for id in usable() {
        let choice = first_step(&reg, &id).unwrap();
        assert_eq!(choice.matches(CHOICE).count(), 1, "{id}: one 'andere richtlijn'");
        let embedding = Embedding { offer: vec![id.clone()], ..Embedding::default() };
        let single = write(&State::new(reg.clone(), Rc::new(embedding)), false).unwrap();
        assert_eq!(without_choice(&choice), single, "{id}");
        assert!(!single.contains("app:kies"));
    }
}

#[test]
fn no_first_step_where_the_widget_shows_no_question() {
    let reg = registry();
    let picker = State::new(reg.clone(), Rc::new(Embedding::default()));
    assert!(write(&picker, true).is_none(), "the picker is no question");
    assert!(first_step(&reg, "bestaat-niet").is_none());
    // A walk that has reached an outcome.
    let mut s = picker.apply(Action::PickGuideline("zeeland".into()));
    for _ in 0..20 {
        let View::Question { question, .. } = s.view() else { break };
        let o = question.options[0].id.clone();
        s = s.apply(Action::Select(o)).apply(Action::Next);
    }
    assert!(matches!(s.view(), View::Outcome(_)));
    assert!(write(&s, true).is_none());
}

#[test]
fn export_puts_every_guidelines_first_step_in_the_loader_and_leaves_the_data_unchanged() {
    let dir = std::env::temp_dir().join(format!("rw-first-step-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Both loaders: regiewijzer.js (host pages) and pagina.js (the widget's own pages).
    std::fs::write(dir.join("regiewijzer.js"), "const STEPS='__RW_EERSTE_STAPPEN__';").unwrap();
    std::fs::write(dir.join("pagina.js"), "const STEPS='__RW_EERSTE_STAPPEN__';").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_regiewijzer")).arg("export").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let js = std::fs::read_to_string(dir.join("regiewijzer.js")).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join("pagina.js")).unwrap(), js, "pagina.js gets the same first steps");
    let object = js.strip_prefix("const STEPS=").and_then(|j| j.strip_suffix(';')).expect("the placeholder is replaced by an object");
    let steps = js_object(object);
    let reg = registry();
    let ids: Vec<&str> = Registry::builtin_files().map(|(id, ..)| id).collect();
    assert_eq!(steps.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ids);
    for (id, web, _) in Registry::builtin_files() {
        let step = steps.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone());
        assert_eq!(step, first_step(&reg, id), "{id}");
        assert_eq!(std::fs::read(dir.join("regels").join(format!("{id}.rwd"))).unwrap(), web, "{id}: the widget's data, unchanged");
    }
    // A loader without the placeholder is an error, not a silent loader that fetches nothing.
    std::fs::write(dir.join("regiewijzer.js"), "const STEPS={};").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_regiewijzer")).arg("export").arg(&dir).output().unwrap();
    assert!(!out.status.success());
    std::fs::remove_dir_all(&dir).ok();
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// An attribute ` on…=` inside a tag (text between tags is not looked at).
fn has_handler(html: &str) -> bool {
    html.split('<').filter_map(|t| t.split('>').next()).any(|tag| {
        tag.split_whitespace().skip(1).any(|a| {
            a.starts_with("on") && a.split('=').next().is_some_and(|n| n.chars().all(|c| c.is_ascii_alphabetic())) && a.contains('=')
        })
    })
}

/// Reads the loader's `{'id':'…',…}` (single-quoted JS strings with `\\`, `\'`, `\n`, `\r` and
/// `\u2028`/`\u2029` escapes) back into its pairs.
fn js_object(text: &str) -> Vec<(String, String)> {
    let mut chars = text.chars().peekable();
    let string = |chars: &mut std::iter::Peekable<std::str::Chars>| {
        assert_eq!(chars.next(), Some('\''));
        let mut out = String::new();
        loop {
            match chars.next().expect("a closed string") {
                '\'' => return out,
                '\\' => match chars.next().unwrap() {
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    'u' => {
                        let hex: String = chars.by_ref().take(4).collect();
                        out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
                    }
                    c => out.push(c),
                },
                c => out.push(c),
            }
        }
    };
    assert_eq!(chars.next(), Some('{'));
    let mut pairs = Vec::new();
    while chars.peek() == Some(&'\'') {
        let k = string(&mut chars);
        assert_eq!(chars.next(), Some(':'));
        pairs.push((k, string(&mut chars)));
        if chars.peek() == Some(&',') {
            chars.next();
        }
    }
    assert_eq!(chars.next(), Some('}'));
    pairs
}
