//! Load-time validation: one test per kind of problem, each naming the offending id, and all
//! problems of a file reported at once.

use regiewijzer::engine::{load, ErrorKind};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("fixtures/minimal.json");

fn base() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

/// Loads `v` and returns the problem kinds; panics when it loads cleanly.
fn kinds(v: &Value) -> Vec<ErrorKind> {
    match load("fixture", &v.to_string()) {
        Ok(_) => panic!("expected validation errors"),
        Err(e) => {
            assert!(!e.diagnostics.is_empty());
            for d in &e.diagnostics {
                assert_eq!(d.guideline, if matches!(d.kind, ErrorKind::Parse { .. }) { "fixture" } else { "mini" });
            }
            e.diagnostics.into_iter().map(|d| d.kind).collect()
        }
    }
}

#[test]
fn the_fixture_itself_is_valid() {
    let g = load("fixture", MINIMAL).expect("fixture loads");
    assert_eq!(g.questions.len(), 2);
}

#[test]
fn parse_error_names_file() {
    let e = load("kapot.json", "{ \"id\": ").unwrap_err();
    assert_eq!(e.diagnostics[0].guideline, "kapot.json");
    assert!(matches!(e.diagnostics[0].kind, ErrorKind::Parse { .. }));
    assert!(e.to_string().contains("niet te lezen"));
}

#[test]
fn unknown_field_is_a_parse_error() {
    let mut v = base();
    v["questions"][0]["tekst"] = json!("typo");
    assert!(matches!(kinds(&v)[0], ErrorKind::Parse { .. }));
}

#[test]
fn duplicate_id() {
    let mut v = base();
    v["outcomes"][1]["id"] = json!("q2");
    v["questions"][1]["options"][0]["branches"][0]["goto"] = json!("q2");
    assert!(kinds(&v).contains(&ErrorKind::DuplicateId { id: "q2".into() }));
}

#[test]
fn duplicate_option() {
    let mut v = base();
    v["questions"][0]["options"][1]["id"] = json!("a");
    assert!(kinds(&v).contains(&ErrorKind::DuplicateId { id: "q1.a".into() }));
}

#[test]
fn unknown_start() {
    let mut v = base();
    v["start"] = json!("begin");
    assert!(kinds(&v).contains(&ErrorKind::UnknownStart { id: "begin".into() }));
}

#[test]
fn unknown_target() {
    let mut v = base();
    v["questions"][0]["options"][1]["goto"] = json!("o_nergens");
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::UnknownTarget { from: "q1.b".into(), target: "o_nergens".into() }), "{k:?}");
}

#[test]
fn unknown_condition_question_and_option() {
    let mut v = base();
    v["questions"][1]["options"][0]["branches"][0]["when"] = json!({ "q9": ["a"], "q1": ["z"] });
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::UnknownCondition { from: "q2.x".into(), question: "q9".into(), option: None }), "{k:?}");
    assert!(k.contains(&ErrorKind::UnknownCondition { from: "q2.x".into(), question: "q1".into(), option: Some("z".into()) }), "{k:?}");
}

#[test]
fn a_condition_on_a_question_not_asked_earlier_can_never_hold() {
    // q2's rule looks at q2 itself: no route answers q2 before q2.
    let mut v = base();
    v["questions"][1]["options"][0]["branches"][0]["when"] = json!({ "q2": ["x"] });
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::ConditionNotEarlier { from: "q2.x".into(), question: "q2".into() }), "{k:?}");
    assert!(k.iter().all(|k| !matches!(k, ErrorKind::UnknownCondition { .. })), "the question exists: {k:?}");
    // A rule of q1 that looks at q2, which comes after it.
    let mut v = base();
    v["questions"][0]["options"][1] = json!({ "id": "b", "short": "b", "label": "B", "branches": [{ "when": { "q2": ["x"] }, "goto": "o_b", "rule": "na q2" }, { "goto": "o_b", "rule": "anders" }] });
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::ConditionNotEarlier { from: "q1.b".into(), question: "q2".into() }), "{k:?}");
    let text = ErrorKind::ConditionNotEarlier { from: "q1.b".into(), question: "q2".into() }.to_string();
    assert_eq!(text, "'q1.b' heeft een voorwaarde op vraag 'q2', maar die vraag komt op geen route eerder: de voorwaarde kan nooit gelden");
}

#[test]
fn dead_end_question_without_options() {
    let mut v = base();
    v["questions"][1]["options"] = json!([]);
    assert!(kinds(&v).contains(&ErrorKind::DeadEnd { id: "q2".into() }));
}

#[test]
fn dead_end_branches_without_default() {
    let mut v = base();
    v["questions"][1]["options"][0]["branches"][1]["when"] = json!({ "q1": ["b"] });
    assert!(kinds(&v).contains(&ErrorKind::DeadEnd { id: "q2.x".into() }));
}

#[test]
fn option_with_both_goto_and_branches() {
    let mut v = base();
    v["questions"][1]["options"][0]["goto"] = json!("o_b");
    assert!(kinds(&v).contains(&ErrorKind::ConflictingNext { id: "q2.x".into() }));
}

#[test]
fn option_leading_nowhere() {
    let mut v = base();
    v["questions"][0]["options"][1].as_object_mut().unwrap().remove("goto");
    assert!(kinds(&v).contains(&ErrorKind::ConflictingNext { id: "q1.b".into() }));
}

#[test]
fn unreachable_node() {
    let mut v = base();
    v["questions"][0]["options"][0]["goto"] = json!("o_b");
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::Unreachable { id: "q2".into() }), "{k:?}");
    assert!(k.contains(&ErrorKind::Unreachable { id: "o_x".into() }), "{k:?}");
}

#[test]
fn cycle_is_reported_with_its_path() {
    let mut v = base();
    v["questions"][1]["options"][0]["branches"][1]["goto"] = json!("q1");
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::Cycle { path: vec!["q1".into(), "q2".into(), "q1".into()] }), "{k:?}");
}

#[test]
fn outcome_without_source() {
    let mut v = base();
    v["outcomes"][0]["sources"] = json!([]);
    assert!(kinds(&v).contains(&ErrorKind::MissingSource { id: "o_b".into() }));
}

#[test]
fn question_with_empty_quote() {
    let mut v = base();
    v["questions"][0]["source"]["quote"] = json!("  ");
    assert!(kinds(&v).contains(&ErrorKind::MissingSource { id: "q1".into() }));
}

#[test]
fn quote_too_long() {
    let mut v = base();
    v["outcomes"][0]["sources"][0]["quote"] = json!("woord ".repeat(80));
    assert!(kinds(&v).contains(&ErrorKind::QuoteTooLong { id: "o_b".into(), chars: 480 }));
}

#[test]
fn unknown_cadence() {
    let mut v = base();
    v["outcomes"][1]["cadence"] = json!("wekelijks");
    assert!(kinds(&v).contains(&ErrorKind::UnknownCadence { outcome: "o_x".into(), cadence: "wekelijks".into() }));
}

#[test]
fn failing_test_case_names_the_case() {
    let mut v = base();
    v["tests"][0]["expect"]["outcome"] = json!("o_b");
    let k = kinds(&v);
    match &k[..] {
        [ErrorKind::TestCaseFailed { case, reason }] => {
            assert_eq!(case, "a-x");
            assert!(reason.contains("o_x"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn test_case_with_unknown_answer_fails() {
    let mut v = base();
    v["tests"][0]["answers"]["q1"] = json!("c");
    assert!(matches!(&kinds(&v)[..], [ErrorKind::TestCaseFailed { .. }]));
}

#[test]
fn every_problem_is_reported_at_once() {
    let mut v = base();
    v["start"] = json!("begin");
    v["outcomes"][0]["sources"] = json!([]);
    v["questions"][0]["options"][1]["goto"] = json!("o_nergens");
    v["outcomes"][1]["cadence"] = json!("wekelijks");
    let k = kinds(&v);
    assert!(k.len() >= 4, "{k:?}");
    let e = load("fixture", &v.to_string()).unwrap_err();
    let text = e.to_string();
    for needle in ["begin", "o_b", "o_nergens", "wekelijks"] {
        assert!(text.contains(needle), "{needle} missing in: {text}");
    }
}

#[test]
fn short_labels_are_required_and_short() {
    let mut v = base();
    v["questions"][0]["short"] = json!("");
    v["questions"][0]["options"][1]["short"] = json!("een veel te lang label voor een vakje in het schema");
    v["outcomes"][0]["short"] = json!("  ");
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::MissingLabel { id: "q1".into() }), "{k:?}");
    assert!(k.contains(&ErrorKind::LabelTooLong { id: "q1.b".into(), chars: 51 }), "{k:?}");
    assert!(k.contains(&ErrorKind::MissingLabel { id: "o_b".into() }), "{k:?}");
}

#[test]
fn validity_must_be_dates_in_order() {
    let mut v = base();
    v["valid_from"] = json!("1 juli 2025");
    assert_eq!(kinds(&v), vec![ErrorKind::BadValidity { field: "valid_from".into(), value: "1 juli 2025".into() }]);
    let mut v = base();
    v["valid_until"] = json!("2025-12-31");
    assert_eq!(kinds(&v), vec![ErrorKind::BadValidity { field: "valid_until".into(), value: "2025-12-31".into() }]);
}

#[test]
fn ids_must_be_link_safe_and_not_date_keys() {
    let mut v = base();
    v["questions"][1]["id"] = json!("start");
    v["questions"][0]["options"][0]["goto"] = json!("start");
    v["outcomes"][0]["id"] = json!("Uitkomst B");
    v["questions"][0]["options"][1]["goto"] = json!("Uitkomst B");
    v["questions"][1]["options"][0]["branches"][1]["goto"] = json!("Uitkomst B");
    v["questions"][1]["options"][0]["branches"][0]["when"] = json!({ "q1": ["a"] });
    let k = kinds(&v);
    assert!(k.contains(&ErrorKind::BadId { id: "start".into() }), "{k:?}");
    assert!(k.contains(&ErrorKind::BadId { id: "Uitkomst B".into() }), "{k:?}");
}

#[test]
fn a_test_case_needs_its_situation() {
    let mut v = base();
    v["tests"][0]["situation"] = json!("");
    assert_eq!(kinds(&v), vec![ErrorKind::MissingSituation { case: "a-x".into() }]);
}
