//! A gemeente's own rule file (issue 9 item 6): checked by the same verdict as `regiewijzer check`,
//! compiled to the compact form the widget takes, offered beside the built-in guidelines and marked
//! as the gemeente's own; a broken file lists every problem; a built-in id is refused.

use regiewijzer::engine::codec::encode;
use regiewijzer::engine::{walk, Answers, Position};
use regiewijzer::guidelines::{compile_own, own_from_bytes, Registry, Status};
use regiewijzer::ui::state::{Action, Embedding, State, View};
use std::process::Command;
use std::rc::Rc;

const EXAMPLE: &str = include_str!("../www/eigen-regels-voorbeeld.json");

/// The example as the browser gets it: compiled by the JS API's code path, sent as bytes, decoded
/// by the widget's.
fn example_bytes() -> Vec<u8> {
    let bundle = compile_own("eigen-regels-voorbeeld.json", EXAMPLE, None).expect("the example passes");
    encode(&bundle)
}

fn with_own(json: &str) -> Registry {
    let mut reg = Registry::index();
    reg.add_own(compile_own("mijn.json", json, None));
    reg
}

fn cli_check(path: &std::path::Path) -> (Option<i32>, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_regiewijzer")).arg("check").arg(path).output().expect("binary runs");
    (o.status.code(), String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rw-own-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_example_compiles_decodes_and_walks_to_the_outcomes_its_text_names() {
    let bundle = own_from_bytes("eigen-regels-voorbeeld.json", &example_bytes()).expect("decodes");
    let g = &bundle.guideline;
    assert_eq!(g.id, "voorbeeldstad-eigen");
    assert!(g.region.starts_with("Voorbeeld"), "marked as an example: {}", g.region);
    // What a walk needs only: the test cases stay in the JSON.
    assert!(g.tests.is_empty());
    // Expected outcomes from the example's text (section 2), not from re-running the model.
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("zelf", "ja")], "eigen_regie"),
        (&[("zelf", "nee"), ("aanbieders", "een")], "casusregie_aanbieder"),
        (&[("zelf", "nee"), ("aanbieders", "meer")], "procesregie_wijkteam"),
    ];
    for (answers, expected) in cases {
        let a: Answers = answers.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect();
        let w = walk(g, &a).unwrap();
        assert_eq!(w.position, Position::Outcome(expected.to_string()), "{answers:?}");
    }
}

#[test]
fn add_own_lists_it_as_own_beside_the_builtins_and_the_widget_walks_it_without_fetching() {
    let mut reg = Registry::index();
    let id = reg.add_own(own_from_bytes("eigen-regels-voorbeeld.json", &example_bytes()));
    assert_eq!(id, "voorbeeldstad-eigen");
    let list = reg.list();
    assert_eq!(list.len(), 6, "five built-in guidelines and the own one");
    assert_eq!(list.iter().filter(|e| e.own).map(|e| e.id.as_str()).collect::<Vec<_>>(), ["voorbeeldstad-eigen"]);
    let e = reg.entry(&id).unwrap();
    assert_eq!(e.status, Status::Beschikbaar);
    assert!(!reg.needs_data(&id), "its data came with it");
    assert!(list.iter().filter(|e| !e.own).all(|e| e.status == Status::Beschikbaar));

    // The reducer, as the widget runs it: pick it, answer by clicking, reach an outcome.
    let reg = Rc::new(reg);
    let s = State::new(reg.clone(), Rc::new(Embedding { url_state: true, ..Embedding::default() }));
    assert_eq!(s.offered().len(), 6);
    let s = s.apply(Action::PickGuideline(id.clone()));
    assert!(s.loading.is_none());
    let s = [Action::Select("nee".into()), Action::Next, Action::Select("meer".into()), Action::Next]
        .into_iter()
        .fold(s, |s, a| s.apply(a));
    match s.view() {
        View::Outcome(a) => assert_eq!(a.outcome.unwrap().id, "procesregie_wijkteam"),
        _ => panic!("not at an outcome"),
    }
    // Its share link works after a reload: the fragment names the own id and is restored at once.
    let fragment = s.fragment();
    assert_eq!(fragment, "voorbeeldstad-eigen/zelf=nee/aanbieders=meer");
    let restored = State::new(reg, Rc::new(Embedding { url_state: true, ..Embedding::default() })).apply(Action::Restore(format!("#{fragment}")));
    assert!(restored.loading.is_none() && restored.message.is_none() && restored.failed.is_none());
    assert!(matches!(restored.view(), View::Outcome(_)));
}

#[test]
fn the_own_guideline_is_offered_beside_the_guidelines_a_page_names() {
    // The embedding names one built-in guideline: the widget's mount adds the own one to the offer
    // (see src/bindings/widget.rs); the reducer then shows the picker with both.
    let mut reg = Registry::index();
    let id = reg.add_own(own_from_bytes("x", &example_bytes()));
    let s = State::new(Rc::new(reg), Rc::new(Embedding { offer: vec!["zeeland".into(), id], ..Embedding::default() }));
    assert_eq!(s.offered().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["zeeland", "voorbeeldstad-eigen"]);
}

#[test]
fn a_broken_file_gives_every_problem_the_cli_check_gives() {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["start"] = "begin".into();
    v["outcomes"][0]["sources"] = serde_json::json!([]);
    v["questions"][1]["options"][0]["goto"] = "nergens".into();
    let json = v.to_string();
    let (name, problems) = compile_own("kapot.json", &json, None).unwrap_err();
    assert_eq!(name, "kapot.json");
    for needle in ["startvraag 'begin' bestaat niet", "'eigen_regie' heeft geen bron", "'aanbieders.een'", "'nergens'"] {
        assert!(problems.iter().any(|p| p.contains(needle)), "{needle}: {problems:?}");
    }
    assert!(problems.len() >= 3, "{problems:?}");

    let dir = temp_dir("kapot");
    let path = dir.join("kapot.json");
    std::fs::write(&path, &json).unwrap();
    let (code, _, err) = cli_check(&path);
    assert_eq!(code, Some(1));
    let listed: Vec<&str> = err.lines().filter_map(|l| l.strip_prefix("- ")).collect();
    assert_eq!(listed, problems.iter().map(String::as_str).collect::<Vec<_>>(), "the same list as the CLI:\n{err}");

    // A file whose own test case fails, and one that is no JSON at all: also the CLI's list.
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["tests"][0]["expect"]["outcome"] = "procesregie_wijkteam".into();
    for (file, json) in [("test.json", v.to_string()), ("geen.json", "{ \"id\": ".to_string())] {
        let (_, problems) = compile_own(file, &json, None).unwrap_err();
        let path = dir.join(file);
        std::fs::write(&path, &json).unwrap();
        let (code, _, err) = cli_check(&path);
        assert_eq!(code, Some(1));
        let listed: Vec<&str> = err.lines().filter_map(|l| l.strip_prefix("- ")).collect();
        assert_eq!(listed, problems.iter().map(String::as_str).collect::<Vec<_>>(), "{file}:\n{err}");
    }
    std::fs::remove_dir_all(&dir).ok();

    // In the widget: listed as the gemeente's own, defect, with every problem; the others work.
    let reg = with_own(&json_of_broken());
    let own: Vec<_> = reg.list().into_iter().filter(|e| e.own).collect();
    assert_eq!(own.len(), 1);
    assert_eq!((own[0].id.as_str(), own[0].status), ("mijn.json", Status::Defect));
    assert!(own[0].problems.len() >= 2, "{:?}", own[0].problems);
    assert_eq!(reg.list().iter().filter(|e| !e.own && e.status == Status::Beschikbaar).count(), 5);
}

fn json_of_broken() -> String {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["start"] = "begin".into();
    v["outcomes"][2]["sources"] = serde_json::json!([]);
    v.to_string()
}

#[test]
fn the_example_passes_the_cli_check_with_its_text_and_says_so_without_it() {
    let (code, out, err) = cli_check(std::path::Path::new("www/eigen-regels-voorbeeld.json"));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, "ok   voorbeeldstad-eigen: 2 vragen, 3 uitkomsten, 3 testgevallen geslaagd\n");
    // Beside it, without www/text/: the quotes are not checked, and the check says so.
    let dir = temp_dir("zonder-tekst");
    let path = dir.join("eigen-regels-voorbeeld.json");
    std::fs::write(&path, EXAMPLE).unwrap();
    let (code, out, _) = cli_check(&path);
    assert_eq!(code, Some(0));
    assert!(out.contains("(tekst niet gevonden: citaten niet gecontroleerd)"), "{out}");
    // A quote that is not in the text fails only where the text is there.
    let bad = EXAMPLE.replace("dan houdt de inwoner zelf de regie.", "dan houdt het wijkteam de regie.");
    std::fs::write(&path, &bad).unwrap();
    assert_eq!(cli_check(&path).0, Some(0));
    let copy = std::path::Path::new("www").join(format!("rw-own-test-{}.json", std::process::id()));
    std::fs::write(&copy, &bad).unwrap();
    let (code, _, err) = cli_check(&copy);
    std::fs::remove_file(&copy).ok();
    assert_eq!(code, Some(1));
    assert!(err.contains("het citaat bij 'zelf' staat niet letterlijk in de tekst"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_builtin_id_is_refused_naming_it_and_never_replaces_the_builtin() {
    let json = EXAMPLE.replace("\"id\": \"voorbeeldstad-eigen\"", "\"id\": \"zeeland\"");
    let (name, problems) = compile_own("zeeland.json", &json, None).unwrap_err();
    assert_eq!(name, "zeeland.json");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("id 'zeeland' is al een ingebouwde richtlijn"), "{problems:?}");

    // Even when such bytes reach the widget, the built-in guideline stays.
    let bytes = encode(&regiewijzer::engine::codec::Bundle::new(regiewijzer::engine::load("x", &json).unwrap()));
    let mut reg = Registry::builtin();
    let id = reg.add_own(own_from_bytes("zeeland.json", &bytes));
    assert_ne!(id, "zeeland");
    let z = reg.entry("zeeland").unwrap();
    assert!(!z.own && z.status == Status::Beschikbaar);
    assert_eq!(reg.get("zeeland").unwrap().region, "Zeeland");
    let own = reg.entry(&id).unwrap();
    assert!(own.own && own.status == Status::Defect);
    assert!(own.problems[0].contains("'zeeland'"), "{:?}", own.problems);
    // The same for problems listed under a built-in id.
    let id = reg.add_own(Err(("westfriesland".into(), vec!["x".into()])));
    assert_ne!(id, "westfriesland");
    assert!(!reg.entry("westfriesland").unwrap().own);

    // The CLI checks the file (it may be the built-in file itself) and notes the refusal.
    let dir = temp_dir("zeeland");
    let path = dir.join("zeeland.json");
    std::fs::write(&path, &json).unwrap();
    let (code, out, _) = cli_check(&path);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, Some(0));
    assert!(out.contains("let op: als eigen regelbestand van een gemeente weigert de widget dit bestand: id 'zeeland' is al een ingebouwde richtlijn"), "{out}");
}

#[test]
fn unreadable_bytes_and_oversized_files_are_problems_not_panics() {
    let (name, problems) = own_from_bytes("mijn.json", b"\x00\x01garbage").unwrap_err();
    assert_eq!(name, "mijn.json");
    assert!(problems[0].starts_with("de gecompileerde gegevens zijn niet te lezen"), "{problems:?}");
    let big = " ".repeat(regiewijzer::guidelines::MAX_OWN_LEN + 1);
    let (_, problems) = compile_own("groot.json", &big, None).unwrap_err();
    assert!(problems[0].contains("groter dan 1024 KB"), "{problems:?}");
}

#[test]
fn the_configuration_file_may_name_the_own_rule_file() {
    let known: Vec<(String, Vec<String>)> = Registry::index().list().into_iter().map(|e| (e.id, e.configurable)).collect();
    let (c, problems) = regiewijzer::config::parse(r#"{ "regels": " eigen-regels.json " }"#, &known);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.rules, "eigen-regels.json");
    let (_, problems) = regiewijzer::config::parse(r#"{ "regels": 3 }"#, &known);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("'regels' moet de URL"), "{problems:?}");
    // With the own guideline listed, the configuration may name it like a built-in one.
    let mut reg = Registry::index();
    reg.add_own(own_from_bytes("x", &example_bytes()));
    let known: Vec<(String, Vec<String>)> = reg.list().into_iter().map(|e| (e.id, e.configurable)).collect();
    let (c, problems) = regiewijzer::config::parse(r#"{ "richtlijnen": ["voorbeeldstad-eigen", "zeeland"] }"#, &known);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.offer, ["voorbeeldstad-eigen", "zeeland"]);
}
