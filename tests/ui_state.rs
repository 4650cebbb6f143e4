//! The widget's reducer, natively: the same actions the buttons send.

use regiewijzer::engine::model::DateField;
use regiewijzer::engine::Position;
use regiewijzer::guidelines::{Builtin, Registry, Status};
use regiewijzer::ui::state::{Action, State, View};
use std::rc::Rc;

fn state() -> State {
    State::new(Rc::new(Registry::builtin()))
}

fn run(s: State, actions: &[Action]) -> State {
    actions.iter().fold(s, |s, a| s.apply(a.clone()))
}

/// Picks Westfriesland and answers each question on screen by selecting and pressing Volgende; the
/// question ids document the expected order and are checked.
fn walk(pairs: &[(&str, &str)]) -> State {
    let mut s = state().apply(Action::PickGuideline("westfriesland".into()));
    for (q, o) in pairs {
        assert_eq!(view_id(&s), format!("q:{q}"));
        s = run(s, &[Action::Select(o.to_string()), Action::Next]);
    }
    s
}

fn view_id(s: &State) -> String {
    match s.view() {
        View::Picker => "picker".into(),
        View::Question(q) => format!("q:{}", q.id),
        View::Outcome(a) => format!("o:{}", a.outcome.unwrap().id),
        View::Problem(m) => format!("problem:{m}"),
    }
}

#[test]
fn starts_at_the_picker_and_picks_a_guideline() {
    let s = state();
    assert_eq!(view_id(&s), "picker");
    let s = s.apply(Action::PickGuideline("westfriesland".into()));
    assert_eq!(view_id(&s), "q:rol");
}

#[test]
fn a_guideline_that_follows_later_gives_a_message_not_a_crash() {
    let reg = Registry::from_files(&[Builtin { id: "later", region: "Later", seed: "l.txt", compiled: None }]);
    assert_eq!(reg.list()[0].status, Status::Volgt);
    let s = State::new(Rc::new(reg)).apply(Action::PickGuideline("later".into()));
    assert_eq!(view_id(&s), "picker");
    assert!(s.message.as_deref().unwrap().contains("volgt nog"));
}

#[test]
fn next_without_a_choice_asks_for_one() {
    let s = run(state(), &[Action::PickGuideline("westfriesland".into()), Action::Next]);
    assert_eq!(view_id(&s), "q:rol");
    assert_eq!(s.message.as_deref(), Some("Kies eerst een antwoord."));
}

#[test]
fn full_walk_and_dates() {
    let s = walk(&[("rol", "toegang"), ("verwijzer", "lokale_toegang"), ("wet", "jeugd"), ("segment", "b"), ("product_b", "profiel_8"), ("jeugd_intensiteit", "intensief")]);
    assert_eq!(view_id(&s), "o:jeugd_intensief");
    let s = run(s, &[Action::SetDate(DateField::Start, "2026-01-05".into()), Action::SetDate(DateField::End, "2027-01-05".into())]);
    let View::Outcome(a) = s.view() else { panic!() };
    let sched = a.schedule.unwrap();
    assert_eq!(sched.entries.first().unwrap().date, "2026-04-05");
    assert_eq!(sched.entries.last().unwrap().date, "2026-11-10");
}

#[test]
fn a_half_typed_date_keeps_the_outcome_with_a_message() {
    let s = walk(&[("rol", "toegang"), ("verwijzer", "lokale_toegang"), ("wet", "wmo"), ("veiligheid", "ja")]);
    let s = s.apply(Action::SetDate(DateField::Start, "2026-02-3".into())).apply(Action::SetDate(DateField::End, "2026-02-30".into()));
    let View::Outcome(a) = s.view() else { panic!("{}", view_id(&s)) };
    let sched = a.schedule.unwrap();
    assert!(sched.entries.is_empty());
    assert!(sched.messages[0].contains("geen geldige datum"), "{:?}", sched.messages);
}

#[test]
fn back_preselects_the_previous_answer_and_edit_changes_in_place() {
    let s = walk(&[("rol", "zorgaanbieder"), ("verwijzer", "gi")]);
    assert_eq!(view_id(&s), "o:gi_regie");
    let back = s.apply(Action::Back);
    assert_eq!(view_id(&back), "q:verwijzer");
    assert_eq!(back.selected.as_deref(), Some("gi"));
    // Edit the first answer from the outcome: the outcome is recomputed with what still applies.
    let edited = run(s, &[Action::Edit("rol".into()), Action::Select("toegang".into()), Action::Next]);
    assert_eq!(view_id(&edited), "o:gi_regie");
    assert_eq!(edited.session.answers().get("rol").map(String::as_str), Some("toegang"));
    let cancelled = run(edited.clone(), &[Action::Edit("verwijzer".into()), Action::CancelEdit]);
    assert_eq!(view_id(&cancelled), "o:gi_regie");
    let restarted = edited.apply(Action::Restart);
    assert_eq!(view_id(&restarted), "q:rol");
    assert!(restarted.session.answers().is_empty());
}

#[test]
fn a_broken_rule_file_is_listed_as_defect_and_the_others_keep_working() {
    // Tag 1 = the diagnostics build.rs wrote for a file that failed validation.
    static BROKEN: &[u8] = b"\x01richtlijn 'kapot': startvraag 'begin' bestaat niet";
    static GARBLED: &[u8] = b"\x00\xff\xff\xff";
    let files = [
        Builtin { id: "kapot", region: "Kapotland", seed: "x.txt", compiled: Some(BROKEN) },
        Builtin { id: "verminkt", region: "Verminkt", seed: "y.txt", compiled: Some(GARBLED) },
        Builtin { id: "leeg", region: "Leeg", seed: "z.txt", compiled: Some(b"") },
    ];
    let reg = Registry::from_files(&files);
    for e in reg.list() {
        assert_eq!(e.status, Status::Defect, "{}", e.id);
        assert!(!e.problems.is_empty());
    }
    assert!(reg.get("kapot").unwrap_err().to_string().contains("startvraag 'begin' bestaat niet"));
    let s = State::new(Rc::new(reg)).apply(Action::PickGuideline("verminkt".into()));
    assert_eq!(view_id(&s), "picker");
    assert!(s.message.as_deref().unwrap().contains("niet beschikbaar"));
    // The real registry is unaffected.
    let walk_ok = walk(&[("rol", "zorgaanbieder"), ("verwijzer", "gi")]);
    assert!(matches!(walk_ok.session.walk(walk_ok.current().unwrap()).unwrap().position, Position::Outcome(_)));
}
