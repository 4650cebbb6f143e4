//! The gedwongen kader on every route (issue 21, review N-1/N-2). The gedwongen kader changes who
//! holds regie in all five guidelines: under a maatregel (OTS, voogdij, jeugdreclassering) the
//! gecertificeerde instelling (GI) holds regie op veiligheid or casus-/procesregie. This test walks
//! every complete route of every built-in guideline and checks, without looking at outcome ids:
//!
//! 1. a route that says a maatregel is in place ([`MARKERS`]) ends in advice that names the GI (or the
//!    gezinsvoogd, voogd, jeugdbeschermer or jeugdreclasseerder), and where the outcome answers the
//!    provider ("moet ik contact opnemen?"), that answer names them too: a provider under a maatregel
//!    is never sent only to someone else;
//! 2. a route that never asks whether a maatregel is in place (it passes none of the guideline's
//!    [`MARKERS`] questions) ends in advice that still says what the GI's role is then, so a user who
//!    has a maatregel is not left with advice that ignores it.
//!
//! The markers are the answers by which each guideline learns of a maatregel, read from the seeds:
//! Westfriesland and Flevoland through the verwijzer (the GI refers; 000 L574, 002 L100), Flevoland
//! also in its crisis route (the gezinsvoogd places), for 18+ reclassering and when a maatregel is
//! afgeschaald; the others through their own kader question. A new guideline must be added here: the
//! test fails for a built-in guideline without an entry.

mod common;

use common::{advice_text, names_gi};
use regiewijzer::engine::model::Guideline;
use regiewijzer::engine::{advise, paths, Answers, Dates};
use regiewijzer::guidelines::{Registry, Status};

/// Per guideline: the (question, option) pairs that say a maatregel is in place.
const MARKERS: &[(&str, &[(&str, &str)])] = &[
    ("westfriesland", &[("verwijzer", "gi")]),
    ("oost-veluwe", &[("kader", "gedwongen")]),
    (
        "flevoland",
        &[
            ("verwijzer", "gi"),
            ("kader", "gedwongen"),
            ("crisis_route", "gezinsvoogd"),
            ("doelgroep", "reclassering_18"),
            ("doelgroep", "afschalen"),
        ],
    ),
    ("hoogeveen-de-wolden", &[("kader", "gedwongen")]),
    ("zeeland", &[("kader", "gedwongen")]),
];

fn guidelines() -> Vec<Guideline> {
    let reg = Registry::builtin();
    reg.list()
        .into_iter()
        .filter(|e| e.status == Status::Beschikbaar)
        .map(|e| reg.get(&e.id).unwrap_or_else(|err| panic!("{}: {err}", e.id)).clone())
        .collect()
}

fn markers(id: &str) -> &'static [(&'static str, &'static str)] {
    MARKERS.iter().find(|(g, _)| *g == id).unwrap_or_else(|| panic!("{id}: no kader markers listed in tests/kader.rs")).1
}

fn route(a: &Answers) -> String {
    a.iter().map(|(q, o)| format!("{q}={o}")).collect::<Vec<_>>().join(" ")
}

/// The problems of one guideline; also used on a broken copy to show the check can fail.
fn kader_problems(g: &Guideline) -> (usize, Vec<String>) {
    let marks = markers(&g.id);
    for (q, o) in marks {
        let question = g.question(q).unwrap_or_else(|| panic!("{}: marker question '{q}' does not exist", g.id));
        assert!(question.options.iter().any(|c| c.id == *o), "{}: marker '{q}={o}' does not exist", g.id);
    }
    let mut problems = Vec::new();
    let all = paths(g).expect("enumerable");
    for (answers, _) in &all {
        let a = advise(g, answers, &Dates::default()).expect("a complete route gives advice");
        let o = a.outcome.as_ref().expect("outcome");
        let gedwongen = marks.iter().any(|(q, opt)| answers.get(*q).map(String::as_str) == Some(*opt));
        let asked = marks.iter().any(|(q, _)| answers.contains_key(*q));
        if gedwongen {
            if !names_gi(&advice_text(o)) {
                problems.push((route(answers), o.id.clone(), "maatregel, maar de GI wordt niet genoemd".to_string()));
            }
            if let Some(p) = &o.provider {
                if !names_gi(&p.text) {
                    problems.push((
                        route(answers),
                        o.id.clone(),
                        "maatregel, maar het antwoord voor de zorgaanbieder noemt de GI niet".into(),
                    ));
                }
            }
        } else if !asked && !names_gi(&advice_text(o)) {
            problems.push((route(answers), o.id.clone(), "de route vraagt niet naar een maatregel en zegt niets over de GI".into()));
        }
    }
    (all.len(), group(problems))
}

/// One line per outcome and problem, with the number of routes and the first route as example.
fn group(problems: Vec<(String, String, String)>) -> Vec<String> {
    let mut lines: Vec<(String, String, usize, String)> = Vec::new();
    for (route, outcome, what) in problems {
        match lines.iter_mut().find(|l| l.0 == outcome && l.1 == what) {
            Some(l) => l.2 += 1,
            None => lines.push((outcome, what, 1, route)),
        }
    }
    lines.into_iter().map(|(o, what, n, r)| format!("{o}: {what} ({n} routes, e.g. {r})")).collect()
}

#[test]
fn every_route_under_a_maatregel_names_the_gi() {
    let mut total = 0;
    let mut all_problems = Vec::new();
    for g in guidelines() {
        let (n, problems) = kader_problems(&g);
        eprintln!("{}: {n} routes walked, {} problems", g.id, problems.len());
        total += n;
        all_problems.extend(problems.into_iter().map(|p| format!("{}: {p}", g.id)));
    }
    eprintln!("kader check: {total} routes walked");
    assert!(all_problems.is_empty(), "{} problems:\n{}", all_problems.len(), all_problems.join("\n"));
}

#[test]
fn the_kader_check_can_fail() {
    // Take the GI out of Zeeland's gedwongen outcome: the check must notice.
    let mut g = guidelines().into_iter().find(|g| g.id == "zeeland").unwrap();
    for o in &mut g.outcomes {
        let scrub = |t: &mut String| {
            *t = t
                .replace("gecertificeerde instelling", "instelling")
                .replace("Gecertificeerde Instelling", "instelling")
                .replace("Gecertificeerde instelling", "instelling")
                .replace("GI", "X")
                .replace("voogd", "hulpverlener")
                .replace("jeugdreclasseer", "hulpverlen")
                .replace("jeugdbescherm", "hulpverlen")
        };
        scrub(&mut o.title);
        scrub(&mut o.regie);
        scrub(&mut o.owner);
        o.actions.iter_mut().for_each(scrub);
        o.notes.iter_mut().for_each(scrub);
        o.details.iter_mut().for_each(|d| scrub(&mut d.value));
        if let Some(p) = &mut o.provider {
            scrub(&mut p.text);
        }
    }
    for q in &mut g.questions {
        for c in &mut q.options {
            c.notes.clear();
        }
    }
    let (_, problems) = kader_problems(&g);
    assert!(problems.iter().any(|p| p.starts_with("zl_gedwongen: maatregel")), "{problems:?}");
}

#[test]
fn names_gi_reads_words_not_letters() {
    assert!(names_gi("De regie ligt bij de GI."));
    assert!(names_gi("bespreek het met de gezinsvoogd"));
    assert!(names_gi("de gecertificeerde instelling"));
    assert!(!names_gi("De regie ligt bij de GIDS-groep of bij de wijkcoach"));
}
