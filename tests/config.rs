//! A gemeente's configuration file: the example file is valid, every problem is listed in Dutch
//! naming its key while the rest still applies, contacts resolve most-specific-first, and labels
//! reach the advice only where the guideline allows them.

use proptest::prelude::*;
use regiewijzer::config::{apply_labels, parse, parse_into, parse_tagged_into, ProblemKind};
use regiewijzer::engine::{advise, Answers, Dates};
use regiewijzer::guidelines::Registry;
use regiewijzer::json::{from_tagged, parse_json, to_tagged, JsonError, Syntax, Value};

fn known() -> Vec<(String, Vec<String>)> {
    Registry::index().list().into_iter().map(|e| (e.id, e.configurable)).collect()
}

#[test]
fn the_example_file_is_valid() {
    let text = include_str!("../www/configuratie-voorbeeld.json");
    let (c, problems) = parse(text, &known());
    assert_eq!(problems, Vec::new());
    assert_eq!(c.offer, ["westfriesland", "flevoland"]);
    assert_eq!(c.contact_for("westfriesland", Some("zorgaanbieder")).unwrap().team, "Wijkteam Voorbeeldstad");
    // Another role, another guideline: the catch-all entry.
    assert_eq!(c.contact_for("westfriesland", Some("toegang")).unwrap().team, "Klantcontactcentrum Voorbeeldstad");
    assert_eq!(c.contact_for("zeeland", None).unwrap().line(), "Klantcontactcentrum Voorbeeldstad, 14 0000");
    assert!(!c.debug);
}

#[test]
fn every_problem_is_listed_and_the_rest_applies() {
    let text = r#"{
      "richtlijnen": ["westfriesland", "nergens", 3],
      "contact": { "westfriesland": { "zorgaanbieder": { "team": "Wijkteam", "telefoon": "bel maar", "email": "geen-adres", "web": "www.x.nl", "naam": "Jan" },
                                      "baas": { "team": "x" } },
                   "atlantis": { "*": { "team": "y" } } },
      "labels": { "flevoland": { "plan": "Ons Plan", "geheim": "x" }, "westfriesland": { "plan": "Plan" } },
      "kleur": "rood",
      "debug": "ja"
    }"#;
    let (c, problems) = parse(text, &known());
    let all = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    for expected in [
        "'richtlijnen': onbekende richtlijn 'nergens'",
        "'richtlijnen': elk item moet een richtlijn-id",
        "'contact.westfriesland.zorgaanbieder.telefoon' is geen telefoonnummer",
        "'contact.westfriesland.zorgaanbieder.email' is geen e-mailadres",
        "'contact.westfriesland.zorgaanbieder.web' moet met https:// beginnen",
        "'contact.westfriesland.zorgaanbieder': onbekende sleutel 'naam'",
        "'contact.westfriesland.baas': onbekende rol",
        "'contact.atlantis': onbekende richtlijn",
        "'labels.flevoland.geheim': deze richtlijn laat dit label niet aan de gemeente; wel: contactpersoon",
        "'labels.westfriesland.plan': deze richtlijn laat dit label niet aan de gemeente; wel: geen",
        "onbekende sleutel 'kleur'",
        "'debug' moet true of false zijn",
    ] {
        assert!(all.contains(expected), "missing: {expected}\nin:\n{all}");
    }
    assert_eq!(problems.len(), 12, "{all}");
    // Typed: where and what, machine-readable.
    let at = |at: &str| problems.iter().find(|p| p.at == at).map(|p| &p.kind);
    assert_eq!(at("contact.westfriesland.baas"), Some(&ProblemKind::UnknownRole));
    assert_eq!(at("debug"), Some(&ProblemKind::NotBool));
    assert_eq!(at("contact.westfriesland.zorgaanbieder.telefoon"), Some(&ProblemKind::NotAPhoneNumber));
    assert_eq!(at("contact.westfriesland.zorgaanbieder"), Some(&ProblemKind::UnknownKey));
    assert_eq!(at("labels.westfriesland.plan"), Some(&ProblemKind::LabelNotConfigurable));
    assert_eq!(at("richtlijnen"), Some(&ProblemKind::UnknownGuideline));
    assert_eq!(at("contact.atlantis"), Some(&ProblemKind::UnknownGuideline));
    assert!(problems.iter().any(|p| p.at.is_empty() && p.kind == ProblemKind::UnknownKey && p.to_string().contains("'kleur'")));
    // The widget's form: the same Dutch messages, in the same order.
    let (_, messages) = parse_into::<Vec<String>>(text, &known());
    assert_eq!(messages, problems.iter().map(ToString::to_string).collect::<Vec<_>>());
    // What was valid still applies.
    assert_eq!(c.offer, ["westfriesland"]);
    assert_eq!(c.contact_for("westfriesland", Some("zorgaanbieder")).unwrap().line(), "Wijkteam");
    assert_eq!(c.labels.get("flevoland").unwrap().get("plan").map(String::as_str), Some("Ons Plan"));
}

#[test]
fn broken_json_is_one_clear_problem_and_defaults() {
    for (text, expected) in [
        ("{ \"intro\": \"open", "tekst niet afgesloten"),
        ("{ \"intro\" \"x\" }", "':' verwacht"),
        ("[1, 2]", "moet een object zijn"),
        ("", "onverwacht einde"),
        ("{}\n{}", "na het einde staat nog tekst"),
    ] {
        let (c, problems) = parse(text, &known());
        assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        assert!(problems[0].to_string().contains(expected), "{text}: {problems:?}");
        assert_eq!(c, Default::default());
    }
    let (_, problems) = parse("{ \"intro\" \"x\" }", &known());
    assert_eq!((problems[0].at.as_str(), problems[0].kind), ("", ProblemKind::Json));
    assert_eq!(problems[0].to_string(), "geen geldige JSON op regel 1: ':' verwacht");
    assert_eq!(parse_json("{ \"intro\" \"x\" }").unwrap_err(), JsonError::Syntax { line: 1, what: Syntax::ExpectedColon });
    let deep = "[".repeat(100) + &"]".repeat(100);
    assert!(parse_json(&deep).unwrap_err().to_string().contains("te diep genest"));
    assert!(matches!(parse_json(&deep).unwrap_err(), JsonError::Syntax { what: Syntax::TooDeep, .. }));
    let big = " ".repeat(regiewijzer::json::MAX_LEN + 1);
    assert_eq!(parse_json(&big).unwrap_err().to_string(), "het bestand is groter dan 64 KB");
}

#[test]
fn json_strings_and_numbers_are_read_exactly() {
    let v = parse_json(r#"{"a": "r\u00e9gie \ud83d\ude00 \"x\"\n", "b": [true, false, null, -1.5e2]}"#).unwrap();
    for bad in ["01", "1.", "-", "1e", "+1", "1.5e+"] {
        assert!(parse_json(bad).is_err(), "{bad}");
    }
    assert_eq!(
        v,
        Value::Object(vec![
            ("a".into(), Value::Str("régie 😀 \"x\"\n".into())),
            ("b".into(), Value::Array(vec![Value::Bool(true), Value::Bool(false), Value::Null, Value::Number("-1.5e2".into())])),
        ])
    );
}

#[test]
fn labels_reach_the_advice_only_where_allowed() {
    let reg = Registry::builtin();
    let mut g = reg.get("flevoland").unwrap().clone();
    let (c, problems) = parse(r#"{"labels": {"flevoland": {"plan": "Gezinsplan Voorbeeldstad"}}}"#, &known());
    assert!(problems.is_empty(), "{problems:?}");
    apply_labels(c.labels.get("flevoland").unwrap(), &mut g);
    let answers: Answers =
        [("gemeente", "dronten"), ("rol", "toegang"), ("verwijzer", "lokale_toegang"), ("zelf_regie", "nee"), ("doelgroep", "geen")]
            .into_iter()
            .map(|(q, a)| (q.to_string(), a.to_string()))
            .collect();
    let before = advise(reg.get("flevoland").unwrap(), &answers, &Dates::default()).unwrap().outcome.unwrap();
    let after = advise(&g, &answers, &Dates::default()).unwrap().outcome.unwrap();
    let text = |o: &regiewijzer::engine::model::Outcome| o.actions.join(" ");
    assert!(text(&before).contains("Routeplan"), "{}", text(&before));
    assert!(text(&after).contains("Gezinsplan Voorbeeldstad"), "{}", text(&after));
    assert!(!text(&after).contains("Routeplan"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_gives_problems_not_a_panic(s in ".{0,200}") {
        let _ = parse(&s, &known());
    }

    #[test]
    fn mutated_example_gives_problems_not_a_panic(at in 0usize..1200, c in any::<char>()) {
        let mut text: Vec<char> = include_str!("../www/configuratie-voorbeeld.json").chars().collect();
        let i = at.min(text.len());
        text.insert(i, c);
        let _ = parse(&text.into_iter().collect::<String>(), &known());
    }
}

/// The widget reads the file as the browser read it (the loader's tagged form, `parse_tagged_into`):
/// the same configuration and the same problems, in the same order, as from the text.
#[test]
fn the_widget_reads_the_browsers_reading_with_the_same_checks() {
    let problems_file = r#"{ "richtlijnen": ["westfriesland", "nergens", 3], "debug": "ja", "kleur": "rood",
      "contact": { "westfriesland": { "zorgaanbieder": { "team": "Wijk\u0000team", "telefoon": "bel maar" } } },
      "labels": { "flevoland": { "plan": "Ons Plan", "geheim": "x" } }, "intro": "a < b & \"c\"" }"#;
    for text in [include_str!("../www/configuratie-voorbeeld.json"), problems_file, "[1, 2]", "{}"] {
        let tagged = to_tagged(&parse_json(text).unwrap());
        let expected = parse_into::<Vec<String>>(text, &known());
        let (c, messages) = parse_tagged_into::<Vec<String>>(&tagged, &known());
        // The loader writes a zero byte inside a text as U+FFFD (the tagged form ends texts with it).
        let team = |c: &regiewijzer::config::Config| c.contacts.first().map(|(_, _, k)| k.team.replace('\0', "\u{FFFD}"));
        assert_eq!(
            (team(&c), &c.offer, &c.intro, &c.labels, c.debug),
            (team(&expected.0), &expected.0.offer, &expected.0.intro, &expected.0.labels, expected.0.debug)
        );
        assert_eq!(messages, expected.1, "{text}");
    }
    // Not JSON: the loader sends the line where the browser stopped.
    let (c, messages) = parse_tagged_into::<Vec<String>>("!3", &known());
    assert_eq!(c, Default::default());
    assert_eq!(messages, ["geen geldige JSON op regel 3: de browser kan het niet lezen"]);
}

proptest! {
    /// Whatever reaches the widget as a configuration, reading it never panics, and a value written
    /// in the tagged form is read back as it was.
    #[test]
    fn the_tagged_form_reads_back_and_never_panics(s in "[ntfdsao\\]\\}\\x00a-z!0-9é]{0,80}") {
        let _ = parse_tagged_into::<Vec<String>>(&s, &known());
        if let Ok(v) = parse_json(&format!("{{\"intro\": {:?}, \"x\": [1, true, null, {{\"{}\": []}}]}}", s, s.replace(['"', '\\'], ""))) {
            prop_assert_eq!(from_tagged(&to_tagged(&v)), Ok(v));
        }
    }
}
