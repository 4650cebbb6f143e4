//! The widget's reducer, natively: the same actions the buttons, the browser's history and a pasted
//! link send.

use regiewijzer::engine::model::DateField;
use regiewijzer::engine::{Diagnostic, ErrorKind, Position};
use regiewijzer::guidelines::{OwnProblem, OwnRejected, Registry, Status};
use regiewijzer::ui::state::{Action, Embedding, Nav, State, View};
use std::rc::Rc;

fn state() -> State {
    State::new(Rc::new(Registry::builtin()), Rc::new(Embedding { url_state: true, ..Embedding::default() }))
}

fn run(s: State, actions: &[Action]) -> State {
    actions.iter().fold(s, |s, a| s.apply(a.clone()))
}

/// Picks a guideline and answers each question on screen by selecting and pressing Volgende; the
/// question ids document the expected order and are checked.
fn walk_in(id: &str, pairs: &[(&str, &str)]) -> State {
    let mut s = state().apply(Action::PickGuideline(id.into()));
    for (q, o) in pairs {
        assert_eq!(view_id(&s), format!("q:{q}"));
        s = run(s, &[Action::Select(o.to_string()), Action::Next]);
    }
    s
}

fn walk(pairs: &[(&str, &str)]) -> State {
    walk_in("westfriesland", pairs)
}

fn view_id(s: &State) -> String {
    match s.view() {
        View::Picker => "picker".into(),
        View::Loading(r) => format!("loading:{r}"),
        View::Question { question, .. } => format!("q:{}", question.id),
        View::Outcome(a) => format!("o:{}", a.outcome.unwrap().id),
        View::Alternatives(all) => format!("alts:{}", all.len()),
        View::Problem(m) => format!("problem:{m}"),
    }
}

#[test]
fn starts_at_the_picker_and_picks_a_guideline() {
    let s = state();
    assert_eq!(view_id(&s), "picker");
    assert_eq!(s.fragment(), "");
    let s = s.apply(Action::PickGuideline("westfriesland".into()));
    assert_eq!(view_id(&s), "q:rol");
    assert_eq!((s.nav, s.fragment().as_str()), (Nav::Push, "westfriesland"));
}

#[test]
fn the_widget_fetches_a_guidelines_data_when_it_is_opened() {
    let s = State::new(Rc::new(Registry::index()), Rc::new(Embedding::default()));
    let s = s.apply(Action::PickGuideline("zeeland".into()));
    assert_eq!(view_id(&s), "loading:Zeeland");
    assert_eq!(s.loading.as_deref(), Some("zeeland"));
    let (_, web, _) = Registry::builtin_files().find(|(id, ..)| *id == "zeeland").unwrap();
    let s = s.apply(Action::Loaded("zeeland".into(), Ok(web.to_vec())));
    assert_eq!(view_id(&s), "q:rol");
    assert_eq!(s.loading, None);
    // A failed fetch gives a message and the picker stays usable.
    let s = State::new(Rc::new(Registry::index()), Rc::new(Embedding::default()))
        .apply(Action::PickGuideline("flevoland".into()))
        .apply(Action::Loaded("flevoland".into(), Err("HTTP 404".into())));
    // One message, the fetch's reason, where the guideline would be.
    assert_eq!(s.message, None);
    assert_eq!(view_id(&s), "problem:De richtlijn kon niet worden geladen: HTTP 404.");
    assert_eq!(view_id(&s.apply(Action::ChangeGuideline)), "picker");
}

#[test]
fn next_without_a_choice_asks_for_one() {
    let s = run(state(), &[Action::PickGuideline("westfriesland".into()), Action::Next]);
    assert_eq!(view_id(&s), "q:rol");
    assert_eq!(s.message.as_deref(), Some("Kies eerst een antwoord."));
}

#[test]
fn full_walk_and_dates() {
    let s = walk(&[
        ("rol", "toegang"),
        ("verwijzer", "lokale_toegang"),
        ("wet", "jeugd"),
        ("segment", "b"),
        ("product_b", "profiel_8"),
        ("jeugd_intensiteit", "midden"),
    ]);
    assert_eq!(view_id(&s), "o:jeugd_midden");
    let seq = s.nav_seq;
    let s = run(s, &[Action::SetDate(DateField::Start, "2026-01-31".into()), Action::SetDate(DateField::End, "2027-12-31".into())]);
    assert_eq!(s.nav, Nav::Replace, "typing a date corrects the address, it is not a new step");
    assert_eq!(s.nav_seq, seq + 2);
    let View::Outcome(a) = s.view() else { panic!() };
    assert_eq!(a.schedule.unwrap().entries[0].date, "2026-04-30");
    assert!(s.fragment().ends_with("/jeugd_intensiteit=midden/start=2026-01-31/end=2027-12-31"), "{}", s.fragment());
}

#[test]
fn a_half_typed_date_keeps_the_outcome_with_a_message() {
    let s = walk(&[("rol", "zorgaanbieder"), ("verwijzer", "gi")]);
    let s = s.apply(Action::SetDate(DateField::Start, "2026-1".into()));
    assert!(matches!(s.view(), View::Outcome(_)));
}

#[test]
fn back_preselects_the_previous_answer_and_edit_changes_in_place() {
    let s = walk(&[("rol", "zorgaanbieder"), ("verwijzer", "huisarts"), ("segment", "v")]);
    assert_eq!(view_id(&s), "q:product_v");
    let s = s.apply(Action::Back);
    assert_eq!(view_id(&s), "q:segment");
    assert_eq!(s.selected.as_deref(), Some("v"));
    assert_eq!(s.nav, Nav::Push);
    let edited = run(s, &[Action::Edit("rol".into()), Action::Select("toegang".into()), Action::Next]);
    assert_eq!(edited.session.answers().get("rol").map(String::as_str), Some("toegang"));
    let restarted = edited.apply(Action::Restart);
    assert_eq!(view_id(&restarted), "q:rol");
    assert!(restarted.session.answers().is_empty());
}

#[test]
fn a_link_restores_the_walk_and_back_in_the_browser_goes_one_step_back() {
    let s = walk(&[("rol", "zorgaanbieder"), ("verwijzer", "huisarts"), ("segment", "v"), ("product_v", "crisisverblijf")]);
    assert_eq!(view_id(&s), "o:extern_verplicht");
    let link = s.fragment();
    // Pasted into a fresh widget (the guideline's data still has to arrive).
    let fresh = State::new(Rc::new(Registry::index()), Rc::new(Embedding { url_state: true, ..Embedding::default() }));
    let fresh = fresh.apply(Action::Restore(format!("#{link}")));
    assert_eq!(fresh.loading.as_deref(), Some("westfriesland"));
    let (_, web, _) = Registry::builtin_files().find(|(id, ..)| *id == "westfriesland").unwrap();
    let fresh = fresh.apply(Action::Loaded("westfriesland".into(), Ok(web.to_vec())));
    assert_eq!(view_id(&fresh), "o:extern_verplicht");
    assert_eq!(fresh.fragment(), link);
    assert_eq!(fresh.message, None);
    // The browser's Back: the fragment of one step earlier; that question shows with its answer.
    let back = link.rsplit_once('/').unwrap().0.to_string();
    let seq = s.nav_seq;
    let s = s.apply(Action::Restore(back));
    assert_eq!(view_id(&s), "q:product_v");
    assert_eq!(s.selected.as_deref(), Some("crisisverblijf"));
    assert_eq!(s.nav_seq, seq, "restoring from history writes no new history entry");
    let forward = s.apply(Action::Restore(link.clone()));
    assert_eq!(view_id(&forward), "o:extern_verplicht");
    // An empty fragment is the picker.
    assert_eq!(view_id(&forward.apply(Action::Restore(String::new()))), "picker");
}

#[test]
fn a_damaged_link_says_what_it_kept_and_continues_from_the_last_valid_step() {
    let s = state().apply(Action::Restore("#westfriesland/rol=zorgaanbieder/verwijzer=tandarts/segment=v".into()));
    assert_eq!(view_id(&s), "q:verwijzer");
    let m = s.message.as_deref().unwrap();
    assert!(m.contains("Overgenomen: 1 antwoord") && m.contains("verwijzer=tandarts"), "{m}");
    assert_eq!(s.nav, Nav::Replace, "the address bar is corrected");
    assert_eq!(s.fragment(), "westfriesland/rol=zorgaanbieder");
    let s = state().apply(Action::Restore("#atlantis/rol=toegang".into()));
    assert_eq!(view_id(&s), "picker");
    assert!(s.message.as_deref().unwrap().contains("onbekende richtlijn ('atlantis')"));
}

#[test]
fn the_page_can_fix_the_guideline_and_preset_role_and_gemeente() {
    let emb = Embedding {
        url_state: false,
        offer: vec!["flevoland".into()],
        preset: [("gemeente".to_string(), "dronten".to_string()), ("rol".to_string(), "toegang".to_string())].into_iter().collect(),
        ..Embedding::default()
    };
    let s = State::new(Rc::new(Registry::builtin()), Rc::new(emb));
    assert_eq!(s.offered().len(), 1);
    let answers = s.session.answers();
    assert_eq!(answers.get("gemeente").map(String::as_str), Some("dronten"));
    assert_eq!(answers.get("rol").map(String::as_str), Some("toegang"));
    assert!(!view_id(&s).starts_with("q:gemeente") && !view_id(&s).starts_with("q:rol"), "{}", view_id(&s));
    // A preset the guideline does not have is ignored.
    let emb = Embedding { preset: [("gemeente".to_string(), "dronten".to_string())].into_iter().collect(), ..Embedding::default() };
    let s = State::new(Rc::new(Registry::builtin()), Rc::new(emb)).apply(Action::PickGuideline("zeeland".into()));
    assert!(s.session.answers().is_empty());
}

#[test]
fn a_broken_rule_file_is_listed_as_defect_and_the_others_keep_working() {
    let mut reg = Registry::builtin();
    reg.insert("oost-veluwe", b"\x00\xff\xff\xff").unwrap_err();
    let begin = Diagnostic { guideline: "mijn".into(), kind: ErrorKind::UnknownStart { id: "begin".into() } };
    reg.add_own(Err(OwnRejected { name: "mijn.json".into(), problems: vec![OwnProblem::Rule(begin)] }));
    assert_eq!(reg.entry("oost-veluwe").unwrap().status, Status::Defect);
    assert_eq!(reg.entry("mijn.json").unwrap().status, Status::Defect);
    let s = State::new(Rc::new(reg), Rc::new(Embedding::default()));
    let broken = s.apply(Action::PickGuideline("mijn.json".into()));
    assert!(view_id(&broken).contains("startvraag 'begin' bestaat niet"), "{}", view_id(&broken));
    let ok = s.apply(Action::PickGuideline("westfriesland".into()));
    let ok = run(ok, &[Action::Select("zorgaanbieder".into()), Action::Next, Action::Select("gi".into()), Action::Next]);
    assert!(matches!(ok.session.walk(ok.current().unwrap()).unwrap().position, Position::Outcome(_)));
}

#[test]
fn schema_panels_toggle() {
    let s = run(state(), &[Action::PickGuideline("zeeland".into()), Action::ToggleSchema, Action::ToggleWhole, Action::ToggleText]);
    assert!(s.schema_open && s.whole && s.text_version);
    let s = s.apply(Action::Edit("rol".into()));
    assert!(!s.whole, "going back to a question from the whole schema closes it");
}

/// What the App shows an outcome as: its top only (a step has just reached it) or whole.
fn top_only(s: &State) -> bool {
    matches!(s.view(), View::Outcome(_)) && s.rest != s.nav_seq
}

#[test]
fn a_step_to_an_outcome_shows_its_top_first_and_the_rest_once_painted() {
    let s = walk(&[("rol", "zorgaanbieder"), ("verwijzer", "huisarts"), ("segment", "v")]);
    let s = run(s, &[Action::Select("crisisverblijf".into()), Action::Next]);
    assert_eq!(view_id(&s), "o:extern_verplicht");
    assert!(top_only(&s), "the step paints the outcome's top first");
    // A message or a share status shown with it stays when the rest arrives.
    let s = s.apply(Action::Shared(false));
    let s = s.apply(Action::Rest(s.nav_seq));
    assert!(!top_only(&s));
    assert_eq!(s.shared, Some(false));
    // Typing a date changes the outcome in place: it stays whole (the date field keeps its focus).
    let s = s.apply(Action::SetDate(DateField::Start, "2026-01-31".into()));
    assert_eq!(s.nav, Nav::Replace);
    assert!(!top_only(&s));
    // A late paint of an earlier step does not make a newer outcome whole.
    let stale = s.nav_seq;
    let s = run(s, &[Action::Back, Action::Select("crisisverblijf".into()), Action::Next]);
    assert!(top_only(&s.apply(Action::Rest(stale))));
    // A link opened in a fresh widget shows its outcome whole at once (no step was taken).
    let fresh = state().apply(Action::Restore(s.fragment()));
    assert_eq!(view_id(&fresh), "o:extern_verplicht");
    assert!(!top_only(&fresh));
}

#[test]
fn a_step_to_a_question_draws_the_schema_once_painted() {
    // The App passes `rest != nav_seq` to the stroomschema as `behind`: it keeps its marks until
    // the step's frame is painted and `Rest` comes.
    let s = state().apply(Action::PickGuideline("westfriesland".into()));
    assert_ne!(s.rest, s.nav_seq, "picking a guideline is a step too");
    let s = run(s.apply(Action::Rest(s.nav_seq)), &[Action::Select("zorgaanbieder".into())]);
    assert_eq!(s.rest, s.nav_seq, "choosing an option is a change in place: nothing waits");
    let t = s.apply(Action::Next);
    assert_eq!(view_id(&t), "q:verwijzer");
    assert_ne!(t.rest, t.nav_seq, "the step shows its question first");
    let t = t.apply(Action::Rest(t.nav_seq));
    assert_eq!(t.rest, t.nav_seq, "then the rest: the schema's new marks");
    assert_eq!(view_id(&t), "q:verwijzer");
}

/// The App asks for the rest once a step's frame is painted, from an effect that runs when
/// `nav_seq` changes. So an action may leave a step without its rest (the stroomschema's marks,
/// an outcome's rest) solely when it changed `nav_seq`: otherwise no effect would run and the rest
/// would never come. Checked over long runs of every kind of action, picked by a fixed
/// pseudo-random sequence.
#[test]
fn no_action_leaves_a_step_without_its_rest() {
    let mut seed: u64 = 0x5eed;
    let mut next = move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    for id in ["westfriesland", "oost-veluwe", "flevoland", "hoogeveen-de-wolden", "zeeland"] {
        let s0 = state().apply(Action::PickGuideline(id.into()));
        let mut s = s0.apply(Action::Rest(s0.nav_seq));
        let mut links = vec![s.fragment()];
        for _ in 0..400 {
            let action = match (next(12), s.view()) {
                (0..=5, View::Question { question, .. }) => {
                    let o = &question.options[next(question.options.len())].id;
                    s = s.apply(Action::Select(if next(8) == 0 { "?".into() } else { o.clone() }));
                    Action::Next
                }
                (0..=5, View::Alternatives(all)) => {
                    let (assumed, _) = &all[next(all.len())];
                    let (q, o) = assumed[0].clone();
                    Action::Decide(q, o)
                }
                (6, _) => Action::Back,
                (7, _) => Action::SetDate(DateField::Start, format!("2026-0{}-1{}", 1 + next(9), next(10))),
                (8, _) => Action::Restore(links[next(links.len())].clone()),
                (9, _) => match s.session.answers().keys().next() {
                    Some(q) => Action::Edit(q.clone()),
                    None => Action::ToggleSchema,
                },
                (10, _) => Action::Shared(true),
                (_, View::Picker) => Action::PickGuideline(id.into()),
                _ => Action::Restart,
            };
            let before = s.nav_seq;
            let t = s.apply(action.clone());
            if t.rest != t.nav_seq {
                assert_ne!(before, t.nav_seq, "{id}: {action:?} left {} without its rest", view_id(&t));
                // What the App then does once the step's frame is painted.
                s = t.apply(Action::Rest(t.nav_seq));
            } else {
                s = t;
            }
            links.push(s.fragment());
        }
    }
}
