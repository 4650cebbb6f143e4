//! A gemeente's own rule file (issue 9 item 6): checked by the same verdict as `regiewijzer check`,
//! compiled to the compact form the widget takes, offered beside the built-in guidelines and marked
//! as the gemeente's own; a broken file lists every problem; a built-in id is refused.

use regiewijzer::engine::codec::encode;
use regiewijzer::engine::codec::Bundle;
use regiewijzer::engine::codec::CodecError;
use regiewijzer::engine::{walk, Answers, ErrorKind, Position};
use regiewijzer::guidelines::{compile_own, own_index, InsertErrorKind, OwnProblem, OwnRejected, Registry, Status, OWN_MARK};
use regiewijzer::ui::state::{Action, Embedding, State, View};
use std::process::Command;
use std::rc::Rc;

const EXAMPLE: &str = include_str!("../www/eigen-regels-voorbeeld.json");

/// The example as `compile` (dist/eigen/) gives it: the index that lists it and its data file.
fn example_compiled() -> (Vec<u8>, Vec<u8>) {
    let bundle = compile_own("eigen-regels-voorbeeld.json", EXAMPLE, None).expect("the example passes");
    (own_index(&bundle), encode(&bundle))
}

/// The registry as the widget's `mount` builds it from those, and its data as `load` serves it.
fn widget_registry() -> Registry {
    let (index, data) = example_compiled();
    let mut reg = Registry::from_index(&index);
    reg.insert("voorbeeldstad-eigen", &data).expect("the data decodes");
    reg
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
    let reg = widget_registry();
    let g = reg.get("voorbeeldstad-eigen").unwrap();
    assert!(g.region.starts_with("Voorbeeld"), "marked as an example: {}", g.region);
    assert!(g.title.ends_with(&format!("({OWN_MARK})")), "marked as the gemeente's own: {}", g.title);
    assert_eq!(reg.entry("voorbeeldstad-eigen").unwrap().title, g.title, "in the list too");
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
fn listed_beside_the_builtins_and_walked_like_one_its_share_link_included() {
    let (index, data) = example_compiled();
    let mut reg = Registry::from_index(&index);
    let list = reg.list();
    let ids: Vec<&str> = list.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["westfriesland", "oost-veluwe", "flevoland", "hoogeveen-de-wolden", "zeeland", "voorbeeldstad-eigen"]);
    assert!(list.iter().all(|e| e.status == Status::Beschikbaar));
    let id = "voorbeeldstad-eigen".to_string();
    // Like a built-in one, it asks for its data when opened; the loader serves it from memory.
    assert!(reg.needs_data(&id));
    reg.insert(&id, &data).unwrap();
    assert!(!reg.needs_data(&id));
    // The same through add_own (native callers).
    let mut other = Registry::index();
    assert_eq!(other.add_own(compile_own("x.json", EXAMPLE, None)), id);
    assert!(other.entry(&id).unwrap().own);
    assert_eq!(other.list().len(), 6);

    // The reducer, as the widget runs it: pick it, answer by clicking, reach an outcome.
    let reg = Rc::new(reg);
    let s = State::new(reg.clone(), Rc::new(Embedding { url_state: true, ..Embedding::default() }));
    assert_eq!(s.offered().len(), 6);
    let s = s.apply(Action::PickGuideline(id.clone()));
    assert!(s.loading.is_none());
    let s =
        [Action::Select("nee".into()), Action::Next, Action::Select("meer".into()), Action::Next].into_iter().fold(s, |s, a| s.apply(a));
    match s.view() {
        View::Outcome(a) => assert_eq!(a.outcome.unwrap().id, "procesregie_wijkteam"),
        _ => panic!("not at an outcome"),
    }
    // Its share link works after a reload: the fragment names the own id and is restored at once.
    let fragment = s.fragment();
    assert_eq!(fragment, "voorbeeldstad-eigen/zelf=nee/aanbieders=meer");
    let restored =
        State::new(reg, Rc::new(Embedding { url_state: true, ..Embedding::default() })).apply(Action::Restore(format!("#{fragment}")));
    assert!(restored.loading.is_none() && restored.message.is_none() && restored.failed.is_none());
    assert!(matches!(restored.view(), View::Outcome(_)));
    // After a reload the widget starts from the index alone: the link waits for the data, which
    // the loader serves from its cache (no regels/ file), then the walk is restored.
    let s = State::new(Rc::new(Registry::from_index(&index)), Rc::new(Embedding { url_state: true, ..Embedding::default() }))
        .apply(Action::Restore(format!("#{fragment}")));
    assert_eq!(s.loading.as_deref(), Some("voorbeeldstad-eigen"));
    let s = s.apply(Action::Loaded("voorbeeldstad-eigen".into(), Ok(data)));
    assert!(s.message.is_none() && s.failed.is_none());
    match s.view() {
        View::Outcome(a) => assert_eq!(a.outcome.unwrap().id, "procesregie_wijkteam"),
        _ => panic!("not restored"),
    }
}

#[test]
fn a_page_that_names_the_guidelines_to_offer_names_the_own_one_like_any_other() {
    // A page that names the guidelines to offer names the own one like any other (without a list,
    // every guideline is offered, the own one included).
    let reg = widget_registry();
    let s = State::new(
        Rc::new(reg),
        Rc::new(Embedding { offer: vec!["zeeland".into(), "voorbeeldstad-eigen".into()], ..Embedding::default() }),
    );
    assert_eq!(s.offered().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["zeeland", "voorbeeldstad-eigen"]);
}

#[test]
fn a_broken_file_gives_every_problem_the_cli_check_gives() {
    let mut v: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
    v["start"] = "begin".into();
    v["outcomes"][0]["sources"] = serde_json::json!([]);
    v["questions"][1]["options"][0]["goto"] = "nergens".into();
    let json = v.to_string();
    let OwnRejected { name, problems } = compile_own("kapot.json", &json, None).unwrap_err();
    assert_eq!(name, "kapot.json");
    let problems: Vec<String> = {
        // Typed: the engine's diagnostic, with a machine-readable name.
        let start = problems.iter().find(|p| matches!(p, OwnProblem::Rule(d) if d.kind == ErrorKind::UnknownStart { id: "begin".into() }));
        assert_eq!(start.map(OwnProblem::code), Some("onbekende_startvraag"), "{problems:?}");
        assert!(problems.iter().any(|p| p.code() == "bron_ontbreekt"), "{problems:?}");
        problems.iter().map(ToString::to_string).collect()
    };
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
        let problems: Vec<String> = compile_own(file, &json, None).unwrap_err().problems.iter().map(ToString::to_string).collect();
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
    let OwnRejected { name, problems } = compile_own("zeeland.json", &json, None).unwrap_err();
    assert_eq!(name, "zeeland.json");
    assert_eq!(problems, [OwnProblem::BuiltinId { id: "zeeland".into() }]);
    assert_eq!(problems[0].code(), "ingebouwd_id");
    assert!(problems[0].to_string().contains("id 'zeeland' is al een ingebouwde richtlijn"), "{problems:?}");

    // Even when such a guideline gets past that, the built-in guideline stays: the index lists it
    // once, and add_own lists the impostor as defect under another name.
    let impostor = Bundle::new(regiewijzer::engine::load("x", &json).unwrap());
    let index = Registry::from_index(&own_index(&impostor));
    assert_eq!(index.list().len(), 5);
    assert_eq!(index.entry("zeeland").unwrap().region, "Zeeland");
    let mut reg = Registry::builtin();
    let id = reg.add_own(Ok(impostor));
    assert_ne!(id, "zeeland");
    let z = reg.entry("zeeland").unwrap();
    assert!(!z.own && z.status == Status::Beschikbaar);
    assert_eq!(reg.get("zeeland").unwrap().region, "Zeeland");
    let own = reg.entry(&id).unwrap();
    assert!(own.own && own.status == Status::Defect);
    assert!(own.problems[0].contains("'zeeland'"), "{:?}", own.problems);
    // The same for problems listed under a built-in id.
    let id = reg.add_own(Err(OwnRejected { name: "westfriesland".into(), problems: vec![OwnProblem::TooLarge { max_kb: 1 }] }));
    assert_ne!(id, "westfriesland");
    assert!(!reg.entry("westfriesland").unwrap().own);

    // The CLI gives the widget's verdict: a file of its own under a built-in id is refused, with
    // the same sentence; the built-in file itself passes, with a note.
    let dir = temp_dir("zeeland");
    let path = dir.join("zeeland.json");
    std::fs::write(&path, &json).unwrap();
    let (code, _, err) = cli_check(&path);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("FOUT zeeland: 1 probleem/problemen:\n- id 'zeeland' is al een ingebouwde richtlijn"), "{err}");
    let (code, out, _) = cli_check(std::path::Path::new("rules/zeeland.json"));
    assert_eq!(code, Some(0));
    assert!(out.contains("ok   zeeland:"), "{out}");
    assert!(out.contains("let op: dit is de ingebouwde richtlijn zelf; als eigen regelbestand van een gemeente weigert de widget dit id: id 'zeeland' is al een ingebouwde richtlijn"), "{out}");
}

#[test]
fn unreadable_bytes_and_oversized_files_are_problems_not_panics() {
    let (index, _) = example_compiled();
    let mut reg = Registry::from_index(&index);
    let e = reg.insert("voorbeeldstad-eigen", b"\x00\x01garbage").unwrap_err();
    assert!(e.to_string().contains("niet te lezen"), "{e}");
    assert_eq!(e.kind, InsertErrorKind::Unreadable(CodecError::Header));
    assert_eq!(reg.entry("voorbeeldstad-eigen").unwrap().problems, [e.to_string()]);
    let e = reg.insert("nergens", b"").unwrap_err();
    assert_eq!((e.kind.clone(), String::from(e)), (InsertErrorKind::NotListed, "onbekende richtlijn 'nergens'".to_string()));
    assert_eq!(reg.entry("voorbeeldstad-eigen").unwrap().status, Status::Defect);
    assert_eq!(Registry::from_index(b"\x00garbage").list().len(), 0, "a garbled index lists nothing, no panic");
    let big = " ".repeat(regiewijzer::guidelines::MAX_OWN_LEN + 1);
    let problems = compile_own("groot.json", &big, None).unwrap_err().problems;
    assert_eq!(problems, [OwnProblem::TooLarge { max_kb: 1024 }]);
    assert_eq!(problems[0].code(), "te_groot");
    assert!(problems[0].to_string().contains("groter dan 1024 KB"), "{problems:?}");
}

#[test]
fn the_configuration_file_may_name_the_own_rule_file() {
    let known: Vec<(String, Vec<String>)> = Registry::index().list().into_iter().map(|e| (e.id, e.configurable)).collect();
    let (_, problems) = regiewijzer::config::parse(r#"{ "regels": "eigen-regels.json" }"#, &known);
    assert!(problems.is_empty(), "{problems:?}");
    let (_, problems) = regiewijzer::config::parse(r#"{ "regels": 3 }"#, &known);
    assert_eq!(problems.iter().map(ToString::to_string).collect::<Vec<_>>(), ["'regels' moet een tekst zijn"]);
    assert_eq!((problems[0].at.as_str(), &problems[0].kind), ("regels", &regiewijzer::config::ProblemKind::NotText));
    // With the own guideline listed, the configuration may name it like a built-in one.
    let reg = widget_registry();
    let known: Vec<(String, Vec<String>)> = reg.list().into_iter().map(|e| (e.id, e.configurable)).collect();
    let (c, problems) = regiewijzer::config::parse(r#"{ "richtlijnen": ["voorbeeldstad-eigen", "zeeland"] }"#, &known);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(c.offer, ["voorbeeldstad-eigen", "zeeland"]);
}
