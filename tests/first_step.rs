//! The first step of each guideline, written at build time for the loader to show before the wasm
//! has arrived (src/ui/first_step.rs), and the data files that carry it (`regiewijzer export`).
//! That it is the same page the widget renders is checked in the browser
//! (tests/browser/first-step.test.mjs); here: that it is the widget's first question, complete,
//! and safe to put in a page.

use regiewijzer::guidelines::{Registry, Status};
use regiewijzer::ui::first_step::{first_step, page_uid, without_choice, write, CHOICE, UID};
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
fn export_puts_every_guidelines_first_step_in_the_loader_and_the_page_and_leaves_the_data_unchanged() {
    let dir = std::env::temp_dir().join(format!("rw-first-step-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // The loader for host pages and the iframe page (regiewijzer.js), and the widget's own page.
    std::fs::write(dir.join("regiewijzer.js"), "const STEPS='__RW_EERSTE_STAPPEN__';").unwrap();
    std::fs::write(dir.join("pagina.js"), "const STEPS='__RW_EERSTE_STAPPEN__';").unwrap();
    std::fs::write(dir.join("site.js"), "const STEPS='__RW_EERSTE_STAPPEN__';").unwrap();
    let page =
        "<div id=\"regiewijzer\"><!-- eerste stappen --><div class=\"rw\"><div class=\"rw-kiezer\"><!-- richtlijnen --></div></div></div>";
    std::fs::write(dir.join("index.html"), page).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_regiewijzer")).arg("export").arg(&dir).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let js = std::fs::read_to_string(dir.join("regiewijzer.js")).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join("pagina.js")).unwrap(), js, "pagina.js gets the same first steps");
    let object = js.strip_prefix("const STEPS=").and_then(|j| j.strip_suffix(';')).expect("the placeholder is replaced by an object");
    let steps = js_object(object);
    let reg = registry();
    let ids: Vec<&str> = Registry::builtin_files().map(|(id, ..)| id).collect();
    assert_eq!(steps.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ids);
    // The widget's own page's loader: the ids alone (the page holds the steps).
    let own = std::fs::read_to_string(dir.join("site.js")).unwrap();
    let own = js_object(own.strip_prefix("const STEPS=").and_then(|j| j.strip_suffix(';')).unwrap());
    assert_eq!(own, ids.iter().map(|id| (id.to_string(), String::new())).collect::<Vec<_>>());
    let html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(!html.contains("<!--"), "both markers filled");
    for (n, (id, web, _)) in Registry::builtin_files().enumerate() {
        let step = steps.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone());
        assert_eq!(step, first_step(&reg, id), "{id}");
        assert_eq!(std::fs::read(dir.join("regels").join(format!("{id}.rwd"))).unwrap(), web, "{id}: the widget's data, unchanged");
        // In the page: after its anchor, with its own ids; the same step once they are the widget's again.
        let start = format!("<span class=\"rw-anker\" id=\"{id}\"></span><div class=\"rw rw-statisch\" data-rw-richtlijn=\"{id}\">");
        let at = html.find(&start).unwrap_or_else(|| panic!("{id}: not in the page"));
        let rest = &html[at + start.len()..];
        let body =
            &rest[..rest.find("<span class=\"rw-anker\"").or_else(|| rest.find("<div class=\"rw\"><div class=\"rw-kiezer\">")).unwrap()];
        let own = page_uid(n);
        assert!(body.contains(&format!("id=\"{own}-vraag\"")), "{id}: its own ids");
        assert!(!body.contains(&format!("\"{UID}-vraag")), "{id}: not the widget's ids");
        let back = body.replace(&format!("\"{own}-"), &format!("\"{UID}-"));
        assert_eq!(format!("<div class=\"rw\">{back}"), first_step(&reg, id).unwrap(), "{id}: the same step");
    }
    // Every id in the page once: a label's `for` finds its own radio button.
    let mut seen = std::collections::HashSet::new();
    for id in html.split(" id=\"").skip(1).map(|r| &r[..r.find('"').unwrap()]) {
        assert!(seen.insert(id.to_string()), "id {id} twice in the page");
    }
    assert!(seen.len() >= 20, "{} ids", seen.len());
    // A loader or page without its marker is an error, not a silent page without first steps.
    for (file, text) in [("regiewijzer.js", "const STEPS={};"), ("site.js", "const STEPS={};"), ("index.html", "<!-- richtlijnen -->")] {
        for loader in ["regiewijzer.js", "pagina.js", "site.js"] {
            std::fs::write(dir.join(loader), "const STEPS='__RW_EERSTE_STAPPEN__';").unwrap();
        }
        std::fs::write(dir.join("index.html"), page).unwrap();
        std::fs::write(dir.join(file), text).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_regiewijzer")).arg("export").arg(&dir).output().unwrap();
        assert!(!out.status.success(), "{file} without its marker");
    }
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
