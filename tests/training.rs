//! Training: the cases (the rule files' test cases) lead to the guideline's answer, the "Waarom?"
//! question holds the real deciding rule and two rules from elsewhere, coverage counts what a group
//! walked, and the answer sheet lists every case.

use regiewijzer::engine::codec::decode;
use regiewijzer::engine::model::TestCase;
use regiewijzer::engine::schema::{node_ids, Mark};
use regiewijzer::engine::{walk, Answers, Guideline, Position};
use regiewijzer::guidelines::{builtin_cases, Registry};
use regiewijzer::training::{answer_sheet, verdict, why_question, Coverage};

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
