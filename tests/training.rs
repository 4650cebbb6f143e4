//! Training: the cases (the rule files' test cases) lead to the guideline's answer, the "Waarom?"
//! question holds the real deciding rule and two rules from elsewhere, coverage counts what a group
//! walked, and the answer sheet lists every case; where a route carries an interpretation mark, the
//! result and the sheet show it and word the answer as the Regiewijzer's reading (review N-7), and
//! no review id reaches a trainee (N-9).

use regiewijzer::engine::codec::decode;
use regiewijzer::engine::model::TestCase;
use regiewijzer::engine::schema::{node_ids, Mark};
use regiewijzer::engine::{advise, walk, Answers, Dates, Guideline, Position};
use regiewijzer::guidelines::{builtin_cases, Registry};
use regiewijzer::training::{answer_sheet, route_marks, verdict, why_question, Coverage, Voice};

fn all() -> Vec<(Guideline, Vec<TestCase>)> {
    let reg = Registry::builtin();
    reg.list().iter().map(|e| (reg.get(&e.id).unwrap().clone(), builtin_cases(&e.id))).collect()
}

#[test]
fn every_case_has_a_situation_and_the_set_covers_every_outcome() {
    for (g, cases) in all() {
        assert!(!cases.is_empty(), "{}", g.id);
        for c in &cases {
            assert!(c.situation.chars().count() >= 40, "{} {}: situation text too short", g.id, c.name);
        }
        let reached: Vec<String> = cases
            .iter()
            .map(|c| match walk(&g, &c.answers).unwrap().position {
                Position::Outcome(o) => o,
                Position::Question(q) => panic!("{} {} stops at {q}", g.id, c.name),
            })
            .collect();
        for o in &g.outcomes {
            assert!(reached.contains(&o.id), "{}: no case reaches {}", g.id, o.id);
        }
    }
}

#[test]
fn the_exported_case_file_is_the_rule_files_test_cases() {
    for (id, _, cases) in Registry::builtin_files() {
        let decoded: Vec<TestCase> = decode(cases).unwrap();
        assert_eq!(decoded, builtin_cases(id));
    }
}

#[test]
fn a_case_walked_as_written_matches_and_a_wrong_turn_does_not() {
    for (g, cases) in all() {
        for c in &cases {
            let v = verdict(&g, c, &c.answers).unwrap();
            assert!(v.matches, "{} {}", g.id, c.name);
            assert_eq!(v.expected.id, c.expect.outcome, "{} {}", g.id, c.name);
            let d = v.deciding.as_ref().expect("a deciding step");
            assert!(v.route.contains(d));
            assert!(!d.source.quote.is_empty());
        }
        // Change the first answer of the first case to another option: a different outcome or an
        // unfinished walk is reported as not matching.
        let c = &cases[0];
        let first = walk(&g, &c.answers).unwrap().steps[0].clone();
        let q = g.question(&first.question).unwrap();
        for other in q.options.iter().filter(|o| o.id != first.answer) {
            let mut wrong: Answers = c.answers.clone();
            wrong.insert(q.id.clone(), other.id.clone());
            let v = verdict(&g, c, &wrong).unwrap();
            let reached = v.reached.as_ref().map(|o| o.id.clone());
            assert_eq!(v.matches, reached.as_deref() == Some(c.expect.outcome.as_str()), "{} {}", g.id, other.id);
        }
        // No answers at all: nothing reached.
        let v = verdict(&g, c, &Answers::new()).unwrap();
        assert!(!v.matches && v.reached.is_none());
    }
}

#[test]
fn the_why_question_holds_the_deciding_rule_and_two_rules_off_the_route() {
    let mut positions = [0usize; 3];
    for (g, cases) in all() {
        for c in &cases {
            let w = why_question(&g, c).unwrap_or_else(|| panic!("{} {}: no why question", g.id, c.name));
            assert_eq!(w.options.len(), 3);
            positions[w.correct] += 1;
            let route = walk(&g, &c.answers).unwrap().steps;
            let d = regiewijzer::training::deciding_step(&route).unwrap();
            let right = &w.options[w.correct];
            assert_eq!(right.at, (d.question.clone(), d.answer.clone()), "{} {}", g.id, c.name);
            assert_eq!(right.source, d.source);
            if let Some(r) = &d.rule {
                assert_eq!(&right.text, r);
            }
            for (i, o) in w.options.iter().enumerate() {
                assert!(!o.text.is_empty() && !o.source.quote.is_empty());
                if i != w.correct {
                    assert!(
                        !route.iter().any(|s| (s.question.clone(), s.answer.clone()) == o.at),
                        "{} {}: distractor on the route",
                        g.id,
                        c.name
                    );
                    assert_ne!(o.text, right.text);
                    // A distractor never leads where the right rule leads, nor to the case's outcome.
                    assert_ne!(o.leads_to, right.leads_to, "{} {}", g.id, c.name);
                    assert_ne!(o.leads_to, c.expect.outcome, "{} {}", g.id, c.name);
                }
            }
            let texts: Vec<&String> = w.options.iter().map(|o| &o.text).collect();
            assert!(texts[0] != texts[1] && texts[1] != texts[2] && texts[0] != texts[2]);
            // The same question every time (a printout and the screen agree).
            assert_eq!(why_question(&g, c), Some(w.clone()));
            assert!(w.prompt.contains(&g.outcome(&c.expect.outcome).unwrap().short));
        }
    }
    // The right answer is not always in the same place.
    assert!(positions.iter().all(|n| *n > 10), "{positions:?}");
}

#[test]
fn coverage_grows_with_each_route_and_marks_what_was_not_walked() {
    for (g, cases) in all() {
        let mut cov = Coverage::default();
        let total = g.questions.len() + g.outcomes.len();
        assert_eq!(cov.counts(&g).0, (0, total));
        // A half walk adds nothing.
        assert!(!cov.add(&g, &Answers::new()));
        assert_eq!(cov, Coverage::default());
        let c = &cases[0];
        assert!(cov.add(&g, &c.answers));
        let route = walk(&g, &c.answers).unwrap();
        assert_eq!(cov.counts(&g).0 .0, route.steps.len() + 1);
        assert_eq!(cov.counts(&g).1 .0, route.steps.len());
        let m = cov.marks(&g);
        assert_eq!(m.of(&c.expect.outcome), Mark::Reachable);
        let ids = node_ids(&g);
        assert_eq!(ids.iter().filter(|id| m.of(id) == Mark::Reachable).count(), route.steps.len() + 1);
        // The same route again changes nothing but the count of walks.
        let before = cov.clone();
        cov.add(&g, &c.answers);
        assert_eq!((cov.nodes.clone(), cov.edges.clone(), cov.walks), (before.nodes, before.edges, 2));
        // Every case walked: every outcome covered (the case set covers every outcome).
        for c in &cases {
            cov.add(&g, &c.answers);
        }
        assert!(cov.missing_outcomes(&g).is_empty(), "{}", g.id);
        let ((n, nt), (e, et)) = cov.counts(&g);
        assert!(n <= nt && e <= et && n > nt / 2, "{}: {n}/{nt} {e}/{et}", g.id);
    }
}

#[test]
fn the_answer_sheet_lists_every_case_with_its_route_and_source() {
    for (g, cases) in all() {
        let sheet = answer_sheet(&g, &cases);
        assert_eq!(sheet.len(), cases.len());
        for (s, c) in sheet.iter().zip(&cases) {
            assert_eq!(s.situation, c.situation);
            assert_eq!(s.outcome, g.outcome(&c.expect.outcome).unwrap().title);
            assert!(!s.route.is_empty() && s.deciding.is_some());
        }
    }
}

#[test]
fn the_verdict_carries_every_mark_on_the_route_and_then_reads_as_the_regiewijzers_reading() {
    let (mut cases_marked, mut deciding_marked, mut total) = (0, 0, 0);
    for (g, cases) in all() {
        let sheet = answer_sheet(&g, &cases);
        for (c, s) in cases.iter().zip(&sheet) {
            total += 1;
            let v = verdict(&g, c, &c.answers).unwrap();
            // Every mark the engine gives for the route (steps, outcome, cadence), each text once.
            let advice = advise(&g, &c.answers, &Dates::default()).unwrap();
            for m in &advice.interpretations {
                assert!(v.marks.iter().any(|x| x.interpretation == m.interpretation), "{} {}: mark at {} missing", g.id, c.name, m.at);
            }
            assert!(v.marks.iter().all(|x| advice.interpretations.contains(x)));
            // The steps' own marks are among them, the deciding step's too.
            let route = walk(&g, &c.answers).unwrap().steps;
            for st in &route {
                for i in &st.interpretations {
                    assert!(v.marks.iter().any(|x| &x.interpretation == i), "{} {}: {}", g.id, c.name, st.question);
                }
            }
            assert_eq!(route_marks(&g, &c.answers).unwrap(), v.marks);
            // The answer sheet says the same as the screen.
            assert_eq!(s.marks, v.marks);
            assert_eq!(s.voice(), v.voice());
            if v.marks.is_empty() {
                assert_eq!(v.voice(), Voice::Guideline, "{} {}", g.id, c.name);
            } else {
                cases_marked += 1;
                assert_eq!(v.voice(), Voice::Reading, "{} {}", g.id, c.name);
                if v.deciding.as_ref().is_some_and(|d| !d.interpretations.is_empty()) {
                    deciding_marked += 1;
                }
            }
        }
    }
    // Review N-7 counted 99 of 126 cases with a mark on the route, 37 on the deciding step: most
    // cases are scored against a reading, so the wording matters.
    assert!(cases_marked * 2 > total, "{cases_marked} of {total} cases marked");
    assert!(deciding_marked > 0, "no deciding step marked");
    eprintln!("{cases_marked} of {total} cases carry a mark, {deciding_marked} on the deciding step");
}

#[test]
fn a_reading_never_claims_the_guideline_says_it() {
    for matches in [true, false] {
        let g = Voice::Guideline.verdict(matches);
        let r = Voice::Reading.verdict(matches);
        assert!(r.contains("de Regiewijzer de richtlijn leest"), "{r}");
        assert!(!g.contains("Regiewijzer"), "{g}");
        assert_eq!(g.starts_with('✓'), matches);
        assert_eq!(r.starts_with('✓'), matches);
    }
    assert_eq!(Voice::Reading.answer(), "De Regiewijzer leest de richtlijn zo");
    for (g, r) in [
        (Voice::Guideline.answer(), Voice::Reading.answer()),
        (Voice::Guideline.sheet_outcome(), Voice::Reading.sheet_outcome()),
        (Voice::Guideline.because(), Voice::Reading.because()),
    ] {
        assert_ne!(g, r);
        assert!(r.contains("Regiewijzer") && r.contains("leest"), "{r}");
        assert!(!r.contains("richtlijn dit zegt") && !r.contains("richtlijn zegt"), "{r}");
    }
    assert_eq!(Voice::of(&[]), Voice::Guideline);
}

/// A review id at the start of a case name: two or three capitals, a dash, digits, a colon
/// (`WF-5:`, `HDW-12:`).
fn starts_with_review_id(name: &str) -> bool {
    let b = name.as_bytes();
    let caps = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(2..=3).contains(&caps) || b.get(caps) != Some(&b'-') {
        return false;
    }
    let digits = b[caps + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && b.get(caps + 1 + digits) == Some(&b':')
}

#[test]
fn case_names_and_passages_carry_no_review_ids_or_developer_notes() {
    // Review N-9: the answer sheet prints "Casus n — <name>" and "Waar de richtlijn dit zegt:
    // <because>" for the trainee and the trainer.
    assert!(starts_with_review_id("WF-5: wmo") && starts_with_review_id("HDW-12: x") && starts_with_review_id("ZL-3:"));
    assert!(!starts_with_review_id("Wmo-1: x") && !starts_with_review_id("WF-: x") && !starts_with_review_id("WF-5 x"));
    let mut found = Vec::new();
    for (g, cases) in all() {
        for c in &cases {
            if starts_with_review_id(&c.name) {
                found.push(format!("{}: name '{}'", g.id, c.name));
            }
            for id in ["ZL-", "WF-", "HDW-", "OV-", "FL-"] {
                if c.expect.because.contains(id) {
                    found.push(format!("{} '{}': because names {id}", g.id, c.name));
                }
            }
        }
    }
    assert!(found.is_empty(), "review ids shown to trainees:\n{}", found.join("\n"));
}
