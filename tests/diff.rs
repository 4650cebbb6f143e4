//! "What does this change do?" (issue 22, item 4): the engine's diff of two versions of a guideline,
//! route by route, and `regiewijzer diff`. Each test changes a copy of a rule file the way a rule
//! owner would and checks what the diff reports against a count made from the routes themselves.

use regiewijzer::engine::diff::{AskReason, Asked, Aspect, NodeKind, TextChange};
use regiewijzer::engine::model::{Question, Span};
use regiewijzer::engine::walk::paths;
use regiewijzer::engine::{diff, load, Answers, Dates, Guideline};
use regiewijzer::guidelines::Registry;
use std::path::PathBuf;
use std::process::{Command, Output};

fn westfriesland() -> Guideline {
    let path = format!("{}/rules/westfriesland.json", env!("CARGO_MANIFEST_DIR"));
    load("westfriesland", &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn dates() -> Dates {
    Dates { start: Some("2026-01-31".into()), end: Some("2027-12-31".into()), ..Dates::default() }
}

/// The old routes (answers, outcome) for which `pick` holds.
fn routes_where(g: &Guideline, pick: impl Fn(&Answers, &str) -> bool) -> Vec<(Answers, String)> {
    paths(g).unwrap().into_iter().filter(|(a, o)| pick(a, o)).collect()
}

fn is(a: &Answers, q: &str, o: &str) -> bool {
    a.get(q).is_some_and(|x| x == o)
}

#[test]
fn no_change_gives_an_empty_diff_for_every_builtin_guideline() {
    let reg = Registry::builtin();
    for e in reg.list() {
        let g = reg.get(&e.id).unwrap();
        let d = diff(g, &g.clone(), &dates());
        assert!(d.is_empty(), "{}: {d}", e.id);
        let n = paths(g).unwrap().len();
        assert_eq!((d.routes_old, d.routes_new, d.routes_changed), (n, n, 0), "{}", e.id);
        assert!(d.text().starts_with(&format!("Geen verschil: alle {n} routes geven hetzelfde advies.")), "{}", d.text());
    }
}

#[test]
fn a_changed_target_names_the_affected_routes_and_their_count_grouped_by_outcome() {
    // The huisarts's referral to dagbesteding (segment B) now always needs regie vanuit het wijkteam.
    let old = westfriesland();
    let mut new = old.clone();
    let q = new.questions.iter_mut().find(|q| q.id == "product_b").unwrap();
    let c = q.options.iter_mut().find(|c| c.id == "dagbesteding").unwrap();
    let b = c.branches.iter_mut().find(|b| b.when.get("verwijzer").is_some_and(|v| v == &["huisarts"])).unwrap();
    b.goto = "extern_verplicht".into();

    let d = diff(&old, &new, &dates());
    let affected =
        routes_where(&old, |a, o| is(a, "verwijzer", "huisarts") && is(a, "product_b", "dagbesteding") && o != "extern_verplicht");
    assert!(affected.len() >= 4, "{affected:?}");
    assert_eq!(d.routes_changed, affected.len());
    assert_eq!((d.routes_split, d.routes_old, d.routes_new), (0, paths(&old).unwrap().len(), paths(&new).unwrap().len()));
    assert_eq!(d.changed.iter().map(|g| g.count).sum::<usize>(), affected.len());
    // One group per old outcome (in the file's order), each now extern_verplicht, with its routes.
    let was: Vec<&str> = old.outcomes.iter().map(|o| o.id.as_str()).filter(|id| affected.iter().any(|(_, o)| o == id)).collect();
    assert_eq!(d.changed.iter().map(|g| g.was.id.as_str()).collect::<Vec<_>>(), was);
    for g in &d.changed {
        assert_eq!(g.becomes.id, "extern_verplicht");
        assert_eq!(g.what.first(), Some(&Aspect::Outcome));
        assert!(g.asks.is_empty());
        assert_eq!(g.count, g.routes.len());
        let expected: Vec<&Answers> = affected.iter().filter(|(_, o)| *o == g.was.id).map(|(a, _)| a).collect();
        assert_eq!(g.routes.iter().collect::<Vec<_>>(), expected, "{}", g.was.id);
    }
    // extern_aanmelden: the provider may make contact; extern_verplicht: must.
    let aanmelden = d.changed.iter().find(|g| g.was.id == "extern_aanmelden").unwrap();
    assert!(aanmelden.what.contains(&Aspect::ProviderAnswer));
    assert!(d.changed_texts.is_empty() && d.added_questions.is_empty() && d.removed_questions.is_empty());

    let text = d.text();
    assert!(text.starts_with(&format!("{} van {} routes geven een ander advies.", affected.len(), d.routes_old)), "{text}");
    assert!(
        text.contains(&format!(
            "→ wordt: {} (extern_verplicht) ({} routes)",
            new.outcome("extern_verplicht").unwrap().title,
            aanmelden.count
        )),
        "{text}"
    );
    assert!(text.contains("  verandert: uitkomst"), "{text}");
    assert!(
        text.contains("  bij deze antwoorden: rol=toegang, verwijzer=huisarts, segment=b, product_b=dagbesteding, schoolgaand="),
        "{text}"
    );
}

#[test]
fn a_changed_outcome_text_only_is_named_and_changes_no_route() {
    let old = westfriesland();
    let mut new = old.clone();
    new.outcomes.iter_mut().find(|o| o.id == "toegang_basis").unwrap().actions[0].push_str(" Leg dit vast in het dossier.");
    let d = diff(&old, &new, &dates());
    assert_eq!(d.changed_texts, vec![TextChange { kind: NodeKind::Outcome, id: "toegang_basis".into(), fields: vec!["actions".into()] }]);
    assert!(d.changed.is_empty() && d.new_routes.is_empty());
    assert_eq!(d.routes_changed, 0);
    assert!(!d.is_empty());
    let text = d.text();
    assert!(text.starts_with("0 van "), "{text}");
    assert!(text.contains("Tekst gewijzigd:\n  uitkomst toegang_basis: acties"), "{text}");
}

#[test]
fn a_gemeente_variant_with_another_regie_text_changes_that_aspect_on_its_routes() {
    // A local variant (its own id) is diffed like a new version: its departures are the diff.
    let old = westfriesland();
    let mut new = old.clone();
    new.id = "westfriesland-hoorn".into();
    new.region = "Hoorn".into();
    new.outcomes.iter_mut().find(|o| o.id == "wmo_licht").unwrap().regie = "Regie bij de consulent van Hoorn".into();
    let d = diff(&old, &new, &dates());
    let to_licht = routes_where(&old, |_, o| o == "wmo_licht");
    assert_eq!(d.routes_changed, to_licht.len());
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].what, vec![Aspect::Regie]);
    assert_eq!((d.changed[0].was.id.as_str(), d.changed[0].becomes.id.as_str()), ("wmo_licht", "wmo_licht"));
    assert_eq!(d.changed_texts, vec![TextChange { kind: NodeKind::Outcome, id: "wmo_licht".into(), fields: vec!["regie".into()] }]);
    assert_eq!((d.old_version.id.as_str(), d.new_version.id.as_str()), ("westfriesland", "westfriesland-hoorn"));
    assert!(d.text().contains("regie: was «"), "{d}");
    assert!(d.text().contains("wordt «Regie bij de consulent van Hoorn»"), "{d}");
}

#[test]
fn an_added_question_is_reported_and_its_routes_split() {
    // "mantelzorg" between "wet" and "veiligheid": ja leads to wmo_intensief, nee on as before.
    let old = westfriesland();
    let mut new = old.clone();
    let mantelzorg: Question = serde_json::from_value(serde_json::json!({
        "id": "mantelzorg",
        "text": "Is de mantelzorger overbelast?",
        "source": { "heading": "Hoofdstuk 4.1 Wmo", "quote": "De ondersteuningsinzet is meervoudig" },
        "options": [
            { "id": "ja", "label": "Ja", "goto": "wmo_intensief" },
            { "id": "nee", "label": "Nee", "goto": "veiligheid" }
        ]
    }))
    .unwrap();
    let at = new.questions.iter().position(|q| q.id == "veiligheid").unwrap();
    new.questions.insert(at, mantelzorg);
    let wet = new.questions.iter_mut().find(|q| q.id == "wet").unwrap();
    wet.options.iter_mut().find(|c| c.id == "wmo").unwrap().goto = Some("mantelzorg".into());

    let d = diff(&old, &new, &dates());
    assert_eq!(d.added_questions, vec!["mantelzorg".to_string()]);
    assert!(d.removed_questions.is_empty());
    let wmo = routes_where(&old, |a, _| is(a, "wet", "wmo"));
    assert_eq!(d.routes_split, wmo.len());
    assert_eq!(d.routes_changed, wmo.iter().filter(|(_, o)| o != "wmo_intensief").count());
    // Each old Wmo route splits in two: one per answer to the new question.
    assert_eq!(d.changed.iter().map(|g| g.count).sum::<usize>(), 2 * wmo.len());
    for g in &d.changed {
        assert_eq!(g.asks, vec![Asked { question: "mantelzorg".into(), reason: AskReason::NewQuestion }]);
        for r in &g.routes {
            let answer = r.get("mantelzorg").expect("the split route names its answer to the new question");
            assert_eq!(g.becomes.id == "wmo_intensief", answer == "ja" || g.was.id == "wmo_intensief", "{r:?}");
            assert_eq!(g.what.is_empty(), g.was.id == g.becomes.id);
        }
    }
    let pos = |id: &str| d.question_order.iter().position(|q| q == id).unwrap();
    assert_eq!(pos("mantelzorg"), pos("wet") + 1);
    let text = d.text();
    assert!(text.contains("Nieuwe vragen: mantelzorg"), "{text}");
    assert!(
        text.contains("  nieuwe vraag: mantelzorg\n  bij deze antwoorden: rol=toegang, verwijzer=lokale_toegang, wet=wmo, mantelzorg="),
        "{text}"
    );
    assert!(text.contains("  verandert: niets aan het advies"), "{text}");
}

#[test]
fn a_removed_question_is_reported_and_its_routes_follow_the_new_flow() {
    // "netwerk" removed: both answers that asked it now lead to wmo_licht.
    let old = westfriesland();
    let mut new = old.clone();
    new.questions.retain(|q| q.id != "netwerk");
    let inzet = new.questions.iter_mut().find(|q| q.id == "wmo_inzet").unwrap();
    for c in inzet.options.iter_mut().filter(|c| c.id == "alleen_hh" || c.id == "enkelvoudig_anders") {
        c.goto = Some("wmo_licht".into());
        c.branches.clear();
    }
    let d = diff(&old, &new, &dates());
    assert_eq!(d.removed_questions, vec!["netwerk".to_string()]);
    let nee = routes_where(&old, |a, o| is(a, "netwerk", "nee") && o != "wmo_licht");
    assert!(!nee.is_empty());
    assert_eq!(d.routes_changed, nee.len());
    assert_eq!(d.routes_split, 0);
    assert_eq!(d.routes_new, d.routes_old - routes_where(&old, |a, _| is(a, "netwerk", "ja")).len());
    assert_eq!(d.changed.len(), 1);
    let g = &d.changed[0];
    assert_eq!((g.was.id.as_str(), g.becomes.id.as_str(), g.count), ("wmo_matig", "wmo_licht", nee.len()));
    // The routes as the user gave them, the removed question's answer included.
    assert!(g.routes.iter().all(|r| is(r, "netwerk", "nee")));
    assert!(d.text().contains("Vervallen vragen: netwerk"), "{d}");
}

#[test]
fn a_changed_cadence_changes_the_dates_of_the_routes_that_use_it() {
    // Westfriesland's matig cadence: the first review after 2 months instead of 3.
    let old = westfriesland();
    let mut new = old.clone();
    let cadence = new.cadences.iter_mut().find(|c| c.id == "matig_midden").unwrap();
    assert_eq!(cadence.first_review, Span::Months(3));
    cadence.first_review = Span::Months(2);

    let d = diff(&old, &new, &dates());
    let users: Vec<String> = old.outcomes.iter().filter(|o| o.cadence.as_deref() == Some("matig_midden")).map(|o| o.id.clone()).collect();
    let affected = routes_where(&old, |_, o| users.iter().any(|u| u == o));
    assert!(!affected.is_empty());
    assert_eq!(d.routes_changed, affected.len());
    assert!(d.changed.iter().all(|g| g.was.id == g.becomes.id && g.what == vec![Aspect::Cadence, Aspect::Dates]));
    assert_eq!(d.changed.iter().map(|g| g.count).sum::<usize>(), affected.len());
    // 31 January + 3 months = 30 April; + 2 months = 31 March (the month rule of `dates`).
    let g = &d.changed[0];
    assert_eq!((g.was.dates[0].date.as_str(), g.becomes.dates[0].date.as_str()), ("2026-04-30", "2026-03-31"));
    assert!(d.changed_texts.contains(&TextChange {
        kind: NodeKind::Cadence,
        id: "matig_midden".into(),
        fields: vec!["first_review".into()]
    }));
    let text = d.text();
    assert!(text.contains("  verandert: evaluatieritme, data\n"), "{text}");
    assert!(text.contains("data: was «do 30 april 2026 (tussenevaluatie)», wordt «di 31 maart 2026 (tussenevaluatie)»"), "{text}");
    assert!(text.contains("Data berekend voor: start 2026-01-31, end 2027-12-31"), "{text}");
}

#[test]
fn an_added_option_gives_new_routes_and_a_removed_option_asks_again() {
    let old = westfriesland();
    // Added: a new product in segment B, handled like medicatiecontrole.
    let mut added = old.clone();
    let q = added.questions.iter_mut().find(|q| q.id == "product_b").unwrap();
    let mut c = q.options.iter().find(|c| c.id == "medicatiecontrole").unwrap().clone();
    c.id = "logopedie".into();
    q.options.push(c);
    let d = diff(&old, &added, &dates());
    assert_eq!(d.added_options, vec!["product_b.logopedie".to_string()]);
    assert!(d.changed.is_empty());
    let fresh = routes_where(&added, |a, _| is(a, "product_b", "logopedie"));
    assert_eq!(d.new_routes.iter().map(|g| g.count).sum::<usize>(), fresh.len());
    assert!(d.new_routes.iter().all(|g| g.via == vec!["product_b.logopedie".to_string()]));
    assert!(d.text().contains("via nieuw antwoord: product_b.logopedie"), "{d}");

    // Removed: the old routes that took it are asked product_b again, one way per remaining option.
    let mut removed = old.clone();
    removed.questions.iter_mut().find(|q| q.id == "product_b").unwrap().options.retain(|c| c.id != "medicatiecontrole");
    let d = diff(&old, &removed, &dates());
    assert_eq!(d.removed_options, vec!["product_b.medicatiecontrole".to_string()]);
    let gone = routes_where(&old, |a, _| is(a, "product_b", "medicatiecontrole"));
    assert_eq!(d.routes_split, gone.len());
    // The question asked again comes first; the answer chosen may lead to questions the old route skipped.
    assert!(d.changed.iter().all(|g| g.asks[0] == Asked { question: "product_b".into(), reason: AskReason::AnswerRemoved }));
    assert!(d.changed.iter().flat_map(|g| &g.asks[1..]).all(|a| a.reason == AskReason::NowAsked));
    assert!(d.text().contains("  oud antwoord vervallen, opnieuw gevraagd: product_b"), "{d}");
}

// --- the command line ---

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regiewijzer")).args(args).output().expect("binary runs")
}

/// The temporary folder of this test process.
fn temp() -> PathBuf {
    std::env::temp_dir().join(format!("regiewijzer-diff-{}", std::process::id()))
}

/// A rule file in [`temp`].
fn write(name: &str, g: &Guideline) -> PathBuf {
    std::fs::create_dir_all(temp()).unwrap();
    let path = temp().join(name);
    std::fs::write(&path, serde_json::to_string_pretty(g).unwrap()).unwrap();
    path
}

#[test]
fn cli_diff_prints_text_or_json_and_exits_0_on_a_difference_2_on_bad_input() {
    let old = westfriesland();
    let mut new = old.clone();
    new.cadences.iter_mut().find(|c| c.id == "matig_midden").unwrap().first_review = Span::Months(2);
    let (a, b) = (write("oud.json", &old), write("nieuw.json", &new));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let expected = diff(&old, &new, &dates());

    let o = cli(&["diff", a, b, "--start", "2026-01-31", "--end", "2027-12-31"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8(o.stdout).unwrap();
    assert_eq!(text, expected.text());
    assert!(text.starts_with(&format!("{} van {} routes geven een ander advies.", expected.routes_changed, expected.routes_old)), "{text}");
    assert!(text.contains("  bij deze antwoorden: rol=toegang, verwijzer=lokale_toegang, wet=wmo"), "{text}");

    // A built-in id on either side, and JSON.
    let o = cli(&["diff", "westfriesland", b, "--json", "--start", "2026-01-31", "--end", "2027-12-31"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["routes_changed"], expected.routes_changed);
    assert_eq!(json["changed"][0]["what"], serde_json::json!(["cadence", "dates"]));
    assert_eq!(json["changed"][0]["count"], expected.changed[0].count);
    assert_eq!(json["dates"]["start"], "2026-01-31");

    // No change: exit 0 and the sentence. Without --start, the new version's valid_from.
    let o = cli(&["diff", "westfriesland", a]);
    assert_eq!(o.status.code(), Some(0));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.starts_with("Geen verschil"), "{text}");
    assert!(text.contains(&format!("Data berekend voor: start {}", old.valid_from)), "{text}");

    for bad in [
        vec!["diff", "westfriesland"],
        vec!["diff", "westfriesland", "bestaat-niet.json"],
        vec!["diff", "westfriesland", "geen-richtlijn"],
        vec!["diff", a, b, "--start", "2026-13-01"],
        vec!["diff", a, b, "--start"],
        vec!["diff", a, b, "--eind", "2027-01-01"],
    ] {
        let o = cli(&bad);
        assert_eq!(o.status.code(), Some(2), "{bad:?}");
        assert!(!o.stderr.is_empty() && o.stdout.is_empty(), "{bad:?}");
    }
    std::fs::remove_dir_all(temp()).unwrap();
}
