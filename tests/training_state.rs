//! The training page's reducer (plain Rust): picking a guideline and a case, the data arriving,
//! the trainee's result, the presenter's reveal, the "Waarom?" check and the session's coverage.

use regiewijzer::engine::{walk, Answers, Position};
use regiewijzer::guidelines::{builtin_cases, Registry};
use regiewijzer::ui::training_state::{Mode, TrainingAction as A, TrainingState};
use std::rc::Rc;

fn files(id: &str) -> (Vec<u8>, Vec<u8>) {
    let (_, web, cases) = Registry::builtin_files().find(|(i, ..)| *i == id).unwrap();
    (web.to_vec(), cases.to_vec())
}

/// The state with `id` picked and its data and cases arrived, as the page does it.
fn opened(id: &str) -> TrainingState {
    let s = TrainingState::new(Rc::new(Registry::index())).apply(A::PickGuideline(id.into()));
    assert_eq!(s.to_load(), (Some(id.to_string()), Some(id.to_string())), "both files are asked for");
    let (web, cases) = files(id);
    let s = s.apply(A::Loaded(id.into(), Ok(web))).apply(A::CasesLoaded(id.into(), Ok(cases)));
    assert_eq!(s.to_load(), (None, None));
    s
}

fn outcome_of(s: &TrainingState, a: &Answers) -> String {
    match walk(s.current().unwrap(), a).unwrap().position {
        Position::Outcome(o) => o,
        Position::Question(q) => panic!("stops at {q}"),
    }
}

#[test]
fn a_case_walked_as_the_guideline_does_matches_and_counts_in_the_coverage() {
    for e in Registry::index().list() {
        let s = opened(&e.id);
        let cases = builtin_cases(&e.id);
        assert_eq!(s.case_list().unwrap().len(), cases.len());
        let s = s.apply(A::PickCase(0));
        assert_eq!(s.open_case().unwrap().name, cases[0].name);
        assert!(s.verdict().is_none(), "no result before the walk ends");
        let s = s.apply(A::Reached(cases[0].answers.clone()));
        let v = s.verdict().unwrap();
        assert!(v.matches, "{}: {}", e.id, cases[0].name);
        assert_eq!(v.reached.unwrap().id, outcome_of(&s, &cases[0].answers));
        assert!(s.answer_shown());
        let c = s.coverage_of(&e.id);
        assert_eq!(c.walks, 1);
        assert!(c.nodes.contains(&v.expected.id));
        // The same result again (a re-render) does not count twice.
        assert_eq!(s.apply(A::Reached(cases[0].answers.clone())).coverage_of(&e.id).walks, 1);
    }
}

#[test]
fn another_route_is_not_the_guidelines_answer() {
    let s = opened("westfriesland");
    let cases = builtin_cases("westfriesland");
    // A case whose outcome differs from case 0's, walked for case 0.
    let other = cases.iter().find(|c| outcome_of(&s, &c.answers) != outcome_of(&s, &cases[0].answers)).unwrap();
    let s = s.apply(A::PickCase(0)).apply(A::Reached(other.answers.clone()));
    let v = s.verdict().unwrap();
    assert!(!v.matches);
    assert_eq!(v.expected.id, outcome_of(&s, &cases[0].answers));
    assert!(v.deciding.is_some(), "the deciding step is named");
    // Both routes count in the coverage.
    let s = s.apply(A::PickCase(0)).apply(A::Reached(cases[0].answers.clone()));
    assert_eq!(s.coverage_of("westfriesland").walks, 2);
}

#[test]
fn the_presenter_hides_the_answer_until_it_is_revealed_and_a_new_case_hides_it_again() {
    let s = opened("zeeland").apply(A::TogglePresenter).apply(A::PickCase(1));
    let case = s.open_case().unwrap();
    let s = s.apply(A::Reached(case.answers.clone()));
    assert!(s.presenter && !s.answer_shown());
    let s = s.apply(A::Reveal);
    assert!(s.answer_shown());
    // The group goes back in the walk: the result and the reveal go until it reaches an outcome again.
    let back = s.apply(A::Left);
    assert!(back.reached.is_none() && !back.revealed && back.verdict().is_none());
    assert!(!back.apply(A::Reached(case.answers.clone())).answer_shown());
    assert_eq!(back.coverage_of("zeeland").walks, 1, "the route walked still counts");
    let s = s.apply(A::PickCase(2));
    assert!(!s.revealed && s.reached.is_none() && s.presenter);
    assert!(!s.apply(A::TogglePresenter).presenter);
}

#[test]
fn the_why_question_is_checked_only_after_a_choice() {
    let s = opened("hoogeveen-de-wolden").apply(A::PickCase(0));
    let case = s.open_case().unwrap();
    let s = s.apply(A::Reached(case.answers.clone()));
    let q = s.why_question().unwrap();
    assert_eq!(q.options.len(), 3);
    let s = s.apply(A::CheckWhy);
    assert!(!s.checked);
    assert_eq!(s.message.as_deref(), Some("Kies eerst een antwoord."));
    let s = s.apply(A::ChooseWhy(q.correct)).apply(A::CheckWhy);
    assert!(s.checked && s.message.is_none());
    assert_eq!(s.why, Some(q.correct));
    // Choosing again un-checks, so the feedback never belongs to another answer.
    assert!(!s.apply(A::ChooseWhy((q.correct + 1) % 3)).checked);
}

#[test]
fn reset_clears_the_coverage_of_the_open_guideline_only() {
    let mut s = opened("flevoland");
    for (i, c) in builtin_cases("flevoland").iter().enumerate().take(3) {
        s = s.apply(A::PickCase(i)).apply(A::Reached(c.answers.clone()));
    }
    assert_eq!(s.coverage_of("flevoland").walks, 3);
    let (web, cases) = files("zeeland");
    let mut s = s
        .apply(A::ChangeGuideline)
        .apply(A::PickGuideline("zeeland".into()))
        .apply(A::Loaded("zeeland".into(), Ok(web)))
        .apply(A::CasesLoaded("zeeland".into(), Ok(cases)));
    let z = builtin_cases("zeeland");
    s = s.apply(A::PickCase(0)).apply(A::Reached(z[0].answers.clone()));
    let s = s.apply(A::ResetCoverage);
    assert_eq!(s.coverage_of("zeeland").walks, 0);
    assert_eq!(s.coverage_of("flevoland").walks, 3, "another guideline's session stays");
}

#[test]
fn bad_input_gives_a_dutch_message_and_changes_nothing_else() {
    let s = TrainingState::new(Rc::new(Registry::index()));
    let t = s.apply(A::PickGuideline("atlantis".into()));
    assert_eq!(t.message.as_deref(), Some("Er is geen richtlijn 'atlantis'."));
    assert!(t.guideline.is_none());
    let s = s.apply(A::PickGuideline("zeeland".into())).apply(A::Loaded("zeeland".into(), Ok(vec![1, 2, 3])));
    assert!(s.failed.as_deref().unwrap().contains("niet te lezen"), "{:?}", s.failed);
    assert_eq!(s.to_load(), (None, None), "a failed guideline is not fetched again and again");
    let s = opened("oost-veluwe").apply(A::CasesLoaded("oost-veluwe".into(), Err("geen verbinding".into())));
    assert_eq!(s.failed.as_deref(), Some("geen verbinding"));
    let s = opened("oost-veluwe");
    let n = s.case_list().unwrap().len();
    assert_eq!(s.apply(A::PickCase(n)).case, None, "a case that does not exist is not opened");
}

#[test]
fn the_modes_switch_and_picking_a_guideline_leaves_the_comparison() {
    let s = opened("zeeland").apply(A::Show(Mode::Sheet));
    assert_eq!(s.mode, Mode::Sheet);
    assert_eq!(s.apply(A::ChangeGuideline).mode, Mode::Cases, "no sheet without a guideline");
    let s = s.apply(A::Show(Mode::Compare)).apply(A::PickGuideline("flevoland".into()));
    assert_eq!(s.mode, Mode::Cases);
    assert_eq!(s.guideline.as_deref(), Some("flevoland"));
}

#[test]
fn the_fragment_names_the_view_and_restoring_it_keeps_the_session() {
    let cases = builtin_cases("zeeland");
    let s = opened("zeeland");
    assert_eq!(s.fragment(), "zeeland");
    let s = s.apply(A::PickCase(2)).apply(A::Reached(cases[2].answers.clone()));
    assert_eq!(s.fragment(), "zeeland/casus-3");
    assert_eq!(s.apply(A::Show(Mode::Sheet)).fragment(), "zeeland/antwoorden");
    assert_eq!(s.apply(A::Show(Mode::Compare)).fragment(), "vergelijk");
    assert_eq!(s.apply(A::ChangeGuideline).fragment(), "");
    // Back to the list (the browser's Back): the case closes, the coverage stays.
    let back = s.apply(A::Restore("zeeland".into()));
    assert_eq!((back.case, back.fragment().as_str()), (None, "zeeland"));
    assert_eq!(back.coverage_of("zeeland").walks, 1);
    // Forward again: the case opens with a fresh walk.
    let fwd = back.apply(A::Restore("zeeland/casus-3".into()));
    assert_eq!(fwd.case, Some(2));
    assert!(fwd.reached.is_none() && fwd.run > back.run);
    // Every view's fragment restores that view.
    for f in ["", "vergelijk", "zeeland", "zeeland/antwoorden", "zeeland/casus-1"] {
        assert_eq!(s.apply(A::Restore(f.into())).fragment(), f, "{f}");
    }
}

#[test]
fn a_pasted_or_mangled_fragment_opens_what_it_can() {
    let fresh = TrainingState::new(Rc::new(Registry::index()));
    let s = fresh.apply(A::Restore("Flevoland/casus-4".into()));
    assert_eq!(s.guideline.as_deref(), Some("flevoland"));
    assert_eq!(s.case, Some(3), "kept until the cases arrive");
    assert_eq!(s.to_load(), (Some("flevoland".into()), Some("flevoland".into())));
    let s = fresh.apply(A::Restore("atlantis/casus-1".into()));
    assert!(s.guideline.is_none());
    assert!(s.restored, "corrected in place, not a new history entry");
    assert!(!s.apply(A::PickGuideline("zeeland".into())).restored);
    assert_eq!(s.message.as_deref(), Some("Er is geen richtlijn 'atlantis'. Kies hieronder een richtlijn."));
    let s = opened("zeeland").apply(A::Restore("zeeland/casus-999".into()));
    assert!(s.open_case().is_none(), "a case that does not exist shows the list");
    let s = opened("zeeland").apply(A::Restore("zeeland/casus-nul".into()));
    assert_eq!((s.case, s.fragment().as_str()), (None, "zeeland"));
}
