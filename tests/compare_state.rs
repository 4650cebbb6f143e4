//! The comparison's reducer (plain Rust): data arriving, shared and own questions answered in
//! order, skipping a region, "Terug", the start date, and the result equal to the engine's table.

use regiewijzer::compare::{columns, Column, Next, Shared};
use regiewijzer::guidelines::Registry;
use regiewijzer::ui::compare_state::{CompareAction as A, CompareState};
use std::rc::Rc;

fn loaded() -> CompareState {
    let mut s = CompareState::new(Rc::new(Registry::index()), Rc::new(Shared::builtin()));
    assert_eq!(s.to_load().len(), 5);
    assert!(!s.ready());
    for (id, web, _) in Registry::builtin_files() {
        s = s.apply(A::Loaded(id.into(), Ok(web.to_vec())));
    }
    assert!(s.ready());
    s
}

/// The options of what is asked now.
fn options(s: &CompareState) -> Vec<String> {
    match s.next() {
        Next::Shared { question, .. } => question.options.iter().map(|(id, _)| id.clone()).collect(),
        Next::Own { question, .. } => question.options.iter().map(|c| c.id.clone()).collect(),
        Next::Done => Vec::new(),
    }
}

/// Answers every question with option `pick` (mod the count) until done; returns the answers given.
fn finish(mut s: CompareState, pick: usize) -> (CompareState, usize) {
    let mut n = 0;
    while s.next() != Next::Done {
        let o = options(&s);
        s = s.apply(A::Select(o[pick % o.len()].clone())).apply(A::Next);
        assert!(s.message.is_none(), "{:?}", s.message);
        n += 1;
        assert!(n < 100, "the comparison never ends");
    }
    (s, n)
}

#[test]
fn answering_to_the_end_gives_the_engines_table() {
    for pick in 0..3 {
        let (s, n) = finish(loaded(), pick);
        assert_eq!(s.answered(), n);
        let (cols, rows) = s.result().unwrap();
        let gs = s.guidelines();
        assert_eq!(cols, columns(&s.shared, &gs, &s.situation, &s.dates));
        assert_eq!(cols.len(), 5);
        assert!(!rows.is_empty());
        assert!(rows.iter().all(|r| r.cells.len() == 5));
    }
}

#[test]
fn back_takes_the_last_answer_back_and_offers_it_again() {
    let s = loaded();
    let first = options(&s)[0].clone();
    let s1 = s.apply(A::Select(first.clone())).apply(A::Next);
    assert_eq!(s1.answered(), 1);
    let back = s1.apply(A::Back);
    assert_eq!(back.answered(), 0);
    assert_eq!(back.selected.as_deref(), Some(first.as_str()));
    assert_eq!(back.next(), s.next());
    let (done, _) = finish(s.clone(), 1);
    assert!(done.apply(A::Restart).answered() == 0);
}

#[test]
fn next_without_a_choice_or_with_a_foreign_answer_says_so() {
    let s = loaded().apply(A::Next);
    assert_eq!(s.message.as_deref(), Some("Kies eerst een antwoord."));
    let s = s.apply(A::Select("bestaat-niet".into())).apply(A::Next);
    assert!(s.message.as_deref().unwrap().contains("hoort niet bij deze vraag"));
    assert_eq!(s.answered(), 0);
}

#[test]
fn skipping_a_region_leaves_its_column_out_and_back_undoes_it() {
    let mut s = loaded();
    let mut guard = 0;
    // Answer until a question of one guideline only comes up, then skip that guideline.
    loop {
        guard += 1;
        assert!(guard < 100);
        match s.next() {
            Next::Own { guideline, .. } => {
                let skipped = s.apply(A::Skip);
                assert!(skipped.situation.skipped.contains(&guideline));
                let (done, _) = finish(skipped.clone(), 0);
                let (cols, _) = done.result().unwrap();
                assert!(cols.iter().any(|c| matches!(c, Column::Skipped { guideline: g } if g.id == guideline)), "{guideline}");
                assert!(!skipped.apply(A::Back).situation.skipped.contains(&guideline));
                return;
            }
            Next::Done => panic!("no own question came up"),
            Next::Shared { .. } => {
                let o = options(&s)[0].clone();
                s = s.apply(A::Select(o)).apply(A::Next);
            }
        }
    }
}

#[test]
fn a_guideline_that_does_not_arrive_is_named_and_the_rest_compares() {
    let mut s = CompareState::new(Rc::new(Registry::index()), Rc::new(Shared::builtin()));
    for (id, web, _) in Registry::builtin_files() {
        let r = if id == "zeeland" { Err("geen verbinding".to_string()) } else { Ok(web.to_vec()) };
        s = s.apply(A::Loaded(id.into(), r));
    }
    assert!(s.ready());
    assert_eq!(s.failed, vec![("zeeland".to_string(), "geen verbinding".to_string())]);
    let (done, _) = finish(s, 0);
    assert_eq!(done.result().unwrap().0.len(), 4);
}

#[test]
fn the_start_date_is_checked() {
    let s = loaded().apply(A::SetStart("31-01-2026".into()));
    assert!(s.message.as_deref().unwrap().contains("geen datum"));
    assert_eq!(s.dates.start, None);
    let s = s.apply(A::SetStart("2026-01-31".into()));
    assert_eq!(s.dates.start.as_deref(), Some("2026-01-31"));
    assert!(s.apply(A::SetStart(String::new())).dates.start.is_none());
}
