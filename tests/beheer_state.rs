//! The rule owner's page (beheer.html): its reducer, natively. Westfriesland as a rule owner edits it.

use regiewijzer::ui::beheer::state::{parse, to_json, Action, BField, Beheer, CaseStatus, Edit, KField, Sel, TField};

fn open() -> Beheer {
    let json = std::fs::read_to_string("rules/westfriesland.json").unwrap();
    let text = std::fs::read_to_string("rules/text/000_3a33d3ffdfdfb69c.txt").unwrap();
    Beheer::default().apply(Action::Open { json, text: Some(text), name: "Westfriesland".into() })
}

fn index(b: &Beheer, q: &str) -> usize {
    b.doc.as_ref().unwrap().rules.questions.iter().position(|x| x.id == q).unwrap()
}

/// The huisarts's referral to dagbesteding (segment B) now always leads to regie vanuit het wijkteam.
fn referral_edit(b: &Beheer) -> Action {
    let q = index(b, "product_b");
    let g = &b.doc.as_ref().unwrap().rules;
    let c = g.questions[q].options.iter().position(|c| c.id == "dagbesteding").unwrap();
    Action::Edit(Edit::Branch(q, c, 0, BField::Goto, "extern_verplicht".into()))
}

#[test]
fn a_builtin_guideline_opens_clean_with_every_case_passing() {
    let b = open();
    let d = b.doc.as_ref().unwrap();
    assert_eq!(d.problems, vec![], "no problems");
    assert!(d.cases.iter().all(|c| *c == CaseStatus::Passed));
    assert!(!d.unsaved && !d.can_undo());
    assert_eq!(d.schema_ref.as_deref(), Some("schema/regelbestand.schema.json"), "written back into the download");
}

#[test]
fn an_edit_runs_the_cases_and_undo_redo_walk_the_history() {
    let b = open();
    let edit = referral_edit(&b);
    let b = b.apply(edit);
    let d = b.doc.as_ref().unwrap();
    assert!(d.unsaved && d.can_undo());
    let failed: Vec<&str> =
        d.rules.tests.iter().zip(&d.cases).filter(|(_, c)| matches!(c, CaseStatus::Failed(_))).map(|(t, _)| t.name.as_str()).collect();
    assert_eq!(
        failed,
        ["aanbieder, huisarts, dagbesteding B, niet complex", "aanbieder, huisarts, dagbesteding B, niet volledig schoolgaand"]
    );
    // Each failure is a problem line that selects the case.
    let lines: Vec<_> = d.problems.iter().filter(|p| p.text.contains("testgeval")).collect();
    assert!(lines.len() >= 2);
    assert!(lines.iter().all(|p| matches!(p.at, Some(Sel::Case(_)))));
    let b = b.apply(Action::Undo);
    assert!(b.doc.as_ref().unwrap().cases.iter().all(|c| *c == CaseStatus::Passed));
    assert!(!b.doc.as_ref().unwrap().unsaved);
    let b = b.apply(Action::Redo);
    assert_eq!(b.doc.as_ref().unwrap().cases.iter().filter(|c| **c != CaseStatus::Passed).count(), 2);
}

#[test]
fn an_updated_case_passes_again_and_the_diff_names_the_routes() {
    let b = open();
    let edit = referral_edit(&b);
    let mut b = b.apply(edit);
    let d = b.doc.as_ref().unwrap();
    let t = d.rules.tests.iter().position(|t| t.name == "aanbieder, huisarts, dagbesteding B, niet volledig schoolgaand").unwrap();
    for a in [
        Edit::CaseAnswer(t, "schoolgaand".into(), String::new()),
        Edit::Case(t, TField::Outcome, "extern_verplicht".into()),
        Edit::Case(t, TField::Provider, "ja".into()),
    ] {
        b = b.apply(Action::Edit(a));
    }
    assert_eq!(b.doc.as_ref().unwrap().cases[t], CaseStatus::Passed);
    let b = b.apply(Action::RunDiff);
    let diff = b.doc.as_ref().unwrap().diff.clone().unwrap();
    assert!(diff.routes_changed > 0);
    assert!(diff.changed.iter().any(|g| g.becomes.id == "extern_verplicht"));
    assert!(diff.text().contains("extern_verplicht"), "{}", diff.text());
}

#[test]
fn a_cadence_edit_checks_its_span_and_changes_the_dated_routes() {
    let b = open();
    let k = b.doc.as_ref().unwrap().rules.cadences.iter().position(|c| c.id == "matig_midden").unwrap();
    let refused = b.clone().apply(Action::Edit(Edit::Cadence(k, KField::AfterFirstYearEvery, "drie".into())));
    assert!(refused.notice.unwrap().contains("geen aantal"));
    let b = b.apply(Action::Edit(Edit::Cadence(k, KField::AfterFirstYearEvery, "3 months".into()))).apply(Action::RunDiff);
    let diff = b.doc.as_ref().unwrap().diff.clone().unwrap();
    assert!(diff.changed.iter().all(|g| g.was.id == g.becomes.id), "same outcomes, other dates");
    assert!(diff.changed.iter().any(|g| g.was.id == "wmo_matig"));
}

#[test]
fn a_quote_comes_from_the_text_only() {
    let b = open();
    let b = b.apply(Action::Select(Sel::Question(0)));
    let refused = b.clone().apply(Action::UseQuote("Dit staat nergens in de leidraad.".into()));
    assert!(refused.notice.unwrap().contains("staat niet in de tekst"));
    assert!(!refused.doc.unwrap().unsaved);
    let b = b.apply(Action::UseQuote("Per 1 juli 2025 gaan de nieuwe\n overeenkomsten".into()));
    let d = b.doc.unwrap();
    assert_eq!(d.rules.questions[0].source.quote, "Per 1 juli 2025 gaan de nieuwe overeenkomsten");
}

#[test]
fn the_file_written_reads_back_the_same_and_matches_the_hand_written_form() {
    for f in ["westfriesland", "flevoland", "hoogeveen-de-wolden", "oost-veluwe", "zeeland"] {
        let json = std::fs::read_to_string(format!("rules/{f}.json")).unwrap();
        let g = parse(&json).unwrap();
        // The `$schema` reference of the file opened is written back, first.
        let schema = serde_json::from_str::<serde_json::Value>(&json).unwrap().get("$schema").and_then(|s| s.as_str().map(String::from));
        let out = to_json(&g, schema.as_deref());
        assert_eq!(parse(&out).unwrap(), g);
        regiewijzer::engine::load("uit", &out).unwrap();
        // The same members with the same values (a test case's answers come out in key order).
        let v = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        // An empty list written out by hand (Zeeland's `not_modelled`) is left out like the defaults.
        let mut orig = v(&json);
        orig.as_object_mut().unwrap().retain(|_, x| x.as_array().is_none_or(|a| !a.is_empty()) || x.is_object());
        let mut o = v(&out);
        o.as_object_mut().unwrap().retain(|_, x| x.as_array().is_none_or(|a| !a.is_empty()) || x.is_object());
        assert_eq!(o, orig, "{f}: unchanged rules are written as they were");
    }
}

#[test]
fn a_problem_line_selects_the_element_at_fault() {
    let b = open();
    let q = index(&b, "wet");
    let b = b.apply(Action::Edit(Edit::Choice(q, 0, regiewijzer::ui::beheer::state::CField::Goto, "nergens".into())));
    let d = b.doc.as_ref().unwrap();
    let p = d.problems.iter().find(|p| p.text.contains("nergens")).unwrap();
    assert_eq!(p.at, Some(Sel::Question(q)));
    assert!(d.cases.iter().all(|c| *c == CaseStatus::NotRun));
}

#[test]
fn the_audit_follows_an_edit_for_its_own_revision_only() {
    let b = open();
    let q = index(&b, "wet");
    let b =
        b.apply(Action::Edit(Edit::Question(q, regiewijzer::ui::beheer::state::QField::Quote, "Dit staat nergens in de leidraad.".into())));
    let d = b.doc.as_ref().unwrap();
    assert!(d.audit_pending && d.problems.is_empty(), "the validation ran, the audit not yet");
    let (rev, stale) = (d.revision, d.revision - 1);
    let b = b.apply(Action::Audit(stale));
    assert!(b.doc.as_ref().unwrap().audit_pending, "an audit for an older revision is skipped");
    let b = b.apply(Action::Audit(rev));
    let d = b.doc.as_ref().unwrap();
    assert!(!d.audit_pending);
    let p = d.problems.iter().find(|p| p.text.contains("staat niet letterlijk in de tekst")).unwrap();
    assert_eq!(p.at, Some(Sel::Question(q)));
}

fn open_flevoland() -> Beheer {
    let json = std::fs::read_to_string("rules/flevoland.json").unwrap();
    Beheer::default().apply(Action::Open { json, text: None, name: "Flevoland".into() })
}

fn rules(b: &Beheer) -> &regiewijzer::engine::Guideline {
    &b.doc.as_ref().unwrap().rules
}

/// (question index, option index) of `question.option`.
fn option(b: &Beheer, q: &str, o: &str) -> (usize, usize) {
    let qi = index(b, q);
    (qi, rules(b).questions[qi].options.iter().position(|c| c.id == o).unwrap())
}

#[test]
fn a_gemeente_variant_is_a_new_rule_with_a_condition_and_the_diff_names_its_routes() {
    let b = open_flevoland();
    let (q, c) = option(&b, "doelgroep", "reclassering_18");
    assert_eq!(rules(&b).questions[q].options[c].goto.as_deref(), Some("fl_reclassering"));
    // The new rule looks at the first earlier question (the gemeente) and leads where the option led.
    let b = b.apply(Action::Edit(Edit::AddRule(q, c)));
    let choice = &rules(&b).questions[q].options[c];
    assert_eq!(choice.goto, None);
    assert_eq!(choice.branches.len(), 2);
    assert_eq!(choice.branches[0].when.get("gemeente"), Some(&vec!["almere".to_string()]));
    assert_eq!(choice.branches[0].rule, "als Gemeente = Almere");
    assert!(choice.branches[1].when.is_empty() && choice.branches[1].goto == "fl_reclassering");
    assert_eq!(b.doc.as_ref().unwrap().problems, vec![], "same routes, same advice: nothing to report");
    // Dronten departs from the region: its reclassering cases get procesregie.
    let b = b
        .apply(Action::Edit(Edit::When(q, c, 0, "gemeente".into(), vec!["dronten".into()])))
        .apply(Action::Edit(Edit::Branch(q, c, 0, BField::Goto, "fl_procesregie".into())))
        .apply(Action::Edit(Edit::Branch(q, c, 0, BField::Rule, "Dronten: procesregie ook bij reclassering".into())))
        .apply(Action::RunDiff);
    let d = b.doc.as_ref().unwrap();
    let diff = d.diff.clone().unwrap();
    assert!(diff.routes_changed > 0);
    // Grouped by the advice (the procesregisseur's name depends on the verwijzer): all Dronten's.
    for group in &diff.changed {
        assert_eq!((group.was.id.as_str(), group.becomes.id.as_str()), ("fl_reclassering", "fl_procesregie"), "{}", diff.text());
        assert!(group.routes.iter().all(|r| r.get("gemeente").map(String::as_str) == Some("dronten")), "only Dronten's routes");
    }
    assert_eq!(diff.changed.iter().map(|g| g.count).sum::<usize>(), diff.routes_changed);
    // The file written reads back with the rule and passes the structural checks.
    let g = parse(&to_json(&d.rules, None)).unwrap();
    assert_eq!(g.questions[q].options[c].branches[0].when.get("gemeente"), Some(&vec!["dronten".to_string()]));
    // Undo goes back one step at a time, to the option without rules.
    let b = (0..4).fold(b, |b, _| b.apply(Action::Undo));
    assert_eq!(rules(&b).questions[q].options[c].goto.as_deref(), Some("fl_reclassering"));
    assert!(!b.doc.as_ref().unwrap().unsaved);
}

#[test]
fn a_condition_is_changed_widened_and_removed_and_a_removed_rule_leaves_a_plain_option() {
    let b = open_flevoland();
    let (q, c) = option(&b, "doelgroep", "reclassering_18");
    let b = b.apply(Action::Edit(Edit::AddRule(q, c)));
    // Widened to two gemeenten, then a second condition (the role), then that one removed again.
    let b = b.apply(Action::Edit(Edit::When(q, c, 0, "gemeente".into(), vec!["dronten".into(), "urk".into()])));
    let b = b.apply(Action::Edit(Edit::AddCondition(q, c, 0)));
    let when = &rules(&b).questions[q].options[c].branches[0].when;
    assert_eq!(when.get("gemeente").unwrap().len(), 2);
    assert_eq!(when.get("rol"), Some(&vec!["toegang".to_string()]), "the next earlier question");
    let b = b.apply(Action::Edit(Edit::WhenQuestion(q, c, 0, "rol".into(), "verwijzer".into())));
    let when = &rules(&b).questions[q].options[c].branches[0].when;
    assert!(when.get("rol").is_none());
    assert_eq!(when.get("verwijzer"), Some(&vec!["lokale_toegang".to_string()]));
    let refused = b.clone().apply(Action::Edit(Edit::WhenQuestion(q, c, 0, "verwijzer".into(), "gemeente".into())));
    assert!(refused.notice.unwrap().contains("al een voorwaarde"));
    let refused = b.clone().apply(Action::Edit(Edit::When(q, c, 0, "verwijzer".into(), vec![])));
    assert!(refused.notice.as_ref().unwrap().contains("minstens één antwoord"));
    // The audit that follows the edit before it (by itself, a moment later) keeps the refusal shown.
    let rev = refused.doc.as_ref().unwrap().revision;
    assert!(refused.apply(Action::Audit(rev)).notice.unwrap().contains("minstens één antwoord"));
    let b = b.apply(Action::Edit(Edit::RemoveCondition(q, c, 0, "verwijzer".into())));
    assert_eq!(rules(&b).questions[q].options[c].branches[0].when.len(), 1);
    // Removing the rule leaves the option leading straight to its node, as it was.
    let b = b.apply(Action::Edit(Edit::RemoveRule(q, c, 0)));
    let choice = &rules(&b).questions[q].options[c];
    assert_eq!((choice.goto.as_deref(), choice.branches.len()), (Some("fl_reclassering"), 0));
    assert!(!b.doc.as_ref().unwrap().unsaved, "back to the file opened");
}

#[test]
fn a_new_rule_goes_before_the_last_rule_and_a_condition_on_a_later_question_is_a_problem() {
    let b = open();
    let (q, c) = option(&b, "product_b", "dagbesteding");
    let before = rules(&b).questions[q].options[c].branches.clone();
    let b = b.apply(Action::Edit(Edit::AddRule(q, c)));
    let after = &rules(&b).questions[q].options[c].branches;
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after.last(), before.last(), "the rule without condition stays last");
    assert_eq!(after[after.len() - 2].when.get("rol"), Some(&vec!["toegang".to_string()]));
    // The rules are tried in order: the new one moved first.
    let n = after.len() - 2;
    let b = (0..n).rev().fold(b, |b, i| b.apply(Action::Edit(Edit::MoveRule(q, c, i + 1, regiewijzer::ui::beheer::state::Move::Up))));
    assert_eq!(rules(&b).questions[q].options[c].branches[0].when.get("rol"), Some(&vec!["toegang".to_string()]));
    // The forms offer only earlier questions; a file can still name a later one, and the check says so.
    let later = index(&b, "schoolgaand");
    assert!(!regiewijzer::ui::beheer::state::earlier(rules(&b), q).contains(&later));
    assert!(regiewijzer::ui::beheer::state::earlier(rules(&b), q).contains(&index(&b, "verwijzer")));
    let b = b.apply(Action::Edit(Edit::WhenQuestion(q, c, 0, "rol".into(), "schoolgaand".into())));
    let p = b.doc.as_ref().unwrap().problems.iter().find(|p| p.text.contains("komt op geen route eerder")).expect("the problem is listed");
    assert!(p.text.starts_with("'product_b.dagbesteding' heeft een voorwaarde op vraag 'schoolgaand'"), "{}", p.text);
    assert_eq!(p.at, Some(Sel::Question(q)));
    // The start question has nothing before it.
    let refused = b.apply(Action::Edit(Edit::AddRule(0, 0)));
    assert!(refused.notice.unwrap().contains("geen eerdere vraag"));
}

#[test]
fn any_two_rule_files_are_compared_without_opening_either() {
    let old = std::fs::read_to_string("rules/flevoland.json").unwrap();
    let mut g = parse(&old).unwrap();
    let o = g.outcomes.iter_mut().find(|o| o.id == "fl_reclassering").unwrap();
    o.owner = "De reclassering".into();
    let new = to_json(&g, None);
    let compare = |old: &str, new: &str| Action::Compare {
        old: old.into(),
        new: new.into(),
        old_name: "flevoland.json".into(),
        new_name: "flevoland-nieuw.json".into(),
        start: "2026-01-05".into(),
    };
    let b = Beheer::default().apply(compare(&old, &new));
    assert!(b.doc.is_none(), "nothing opened for editing");
    let c = b.comparison.clone().unwrap().unwrap();
    assert_eq!((c.old_name.as_str(), c.new_name.as_str()), ("flevoland.json", "flevoland-nieuw.json"));
    assert!(c.diff.routes_changed > 0);
    assert!(c.diff.changed.iter().all(|g| g.becomes.owner == "De reclassering"));
    // The same file twice: no difference.
    let same = Beheer::default().apply(compare(&old, &old)).comparison.unwrap().unwrap();
    assert!(same.diff.is_empty());
    // A file that is no rule file is named in the refusal, in place of the earlier result.
    let refused = b.apply(compare(&old, "{}")).comparison.unwrap().unwrap_err();
    assert!(refused.starts_with("flevoland-nieuw.json kon niet worden gelezen: het bestand is geen regelbestand"), "{refused}");
}

#[test]
fn renaming_an_id_updates_every_reference_and_the_rules_stay_sound() {
    let b = open();
    let q = index(&b, "verwijzer");
    let (_, c) = option(&b, "verwijzer", "huisarts");
    let o = rules(&b).outcomes.iter().position(|o| o.id == "extern_verplicht").unwrap();
    let k = rules(&b).cadences.iter().position(|c| c.id == "matig_midden").unwrap();
    let mut b = b;
    for e in [
        Edit::RenameQuestion(q, "verwijzende_partij".into()),
        Edit::RenameChoice(q, c, " huisarts_jeugdarts ".into()),
        Edit::RenameOutcome(o, "extern_regie_wijkteam".into()),
        Edit::RenameCadence(k, "matig".into()),
        Edit::RenameQuestion(0, "rol_gebruiker".into()),
    ] {
        b = b.apply(Action::Edit(e));
        assert_eq!(b.notice, None);
        let rev = b.doc.as_ref().unwrap().revision;
        b = b.apply(Action::Audit(rev));
        let d = b.doc.as_ref().unwrap();
        assert_eq!(d.problems, vec![], "every reference follows the new id");
        assert!(d.cases.iter().all(|c| *c == CaseStatus::Passed));
    }
    let g = rules(&b);
    let json = to_json(g, None);
    for old in ["\"verwijzer\"", "\"huisarts\"", "\"extern_verplicht\"", "\"matig_midden\"", "\"rol\""] {
        assert!(!json.contains(old), "{old} is gone from the file");
    }
    assert_eq!(g.start, "rol_gebruiker");
    assert!(g.tests.iter().any(|t| t.answers.get("verwijzende_partij").map(String::as_str) == Some("huisarts_jeugdarts")));
    assert!(g.tests.iter().any(|t| t.expect.outcome == "extern_regie_wijkteam"));
    regiewijzer::engine::load("hernoemd", &json).expect("the file written loads and its cases pass");
}

#[test]
fn a_new_id_that_is_taken_or_not_plain_is_refused() {
    let b = open();
    let q = index(&b, "verwijzer");
    for (e, why) in [
        (Edit::RenameQuestion(q, "extern_verplicht".into()), "al in gebruik"),
        (Edit::RenameOutcome(0, "verwijzer".into()), "al in gebruik"),
        (Edit::RenameChoice(q, 0, "huisarts".into()), "al in gebruik"),
        (Edit::RenameQuestion(q, "Verwijzer 2".into()), "geen geldig id"),
        (Edit::RenameQuestion(q, "start".into()), "datumveld"),
        (Edit::RenameCadence(0, "".into()), "geen geldig id"),
    ] {
        let refused = b.clone().apply(Action::Edit(e.clone()));
        assert!(refused.notice.as_deref().is_some_and(|n| n.contains(why)), "{e:?}: {:?}", refused.notice);
        assert!(!refused.doc.unwrap().unsaved, "{e:?} changed nothing");
    }
}

/// `b` after the audit of its current revision.
fn audited(b: Beheer) -> Beheer {
    let rev = b.doc.as_ref().unwrap().revision;
    b.apply(Action::Audit(rev))
}

#[test]
fn headings_and_passages_not_modelled_are_edited_and_the_audit_follows() {
    use regiewijzer::ui::beheer::state::DList;
    let b = open();
    let g = rules(&b);
    let h = g.headings.iter().position(|h| h == "Hoofdstuk 4.1 Wmo").unwrap();
    let cited = |g: &regiewijzer::engine::Guideline, h: &str| g.questions.iter().filter(|q| q.source.heading == h).count();
    let n = cited(g, "Hoofdstuk 4.1 Wmo");
    assert!(n > 0);
    // A heading renamed is renamed in every source that cites it: only the text no longer has it.
    let b = audited(b.apply(Action::Edit(Edit::DocItem(DList::Heading, h, "Hoofdstuk 4.1 Wmo (2026)".into()))));
    assert_eq!(cited(rules(&b), "Hoofdstuk 4.1 Wmo (2026)"), n);
    let problems: Vec<_> = b.doc.as_ref().unwrap().problems.iter().map(|p| (p.text.as_str(), p.at)).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].0.contains("Hoofdstuk 4.1 Wmo (2026)") && problems[0].1 == Some(Sel::Headings), "{problems:?}");
    let b = b.apply(Action::Undo);
    // A passage no longer skipped is "niet verwerkt" until it is skipped again, with a reason.
    let skip = rules(&b).not_modelled.iter().position(|n| n.heading == "Hoofdstuk 1 Inleiding").unwrap();
    let b = audited(b.apply(Action::Edit(Edit::RemoveDocItem(DList::SkipHeading, skip))));
    let d = b.doc.as_ref().unwrap();
    assert!(d.problems.iter().any(|p| p.text.contains("Hoofdstuk 1 Inleiding") && p.at == Some(Sel::Headings)), "{:?}", d.problems);
    let b = audited(b.apply(Action::Edit(Edit::AddDocItem(DList::SkipHeading, "Hoofdstuk 1 Inleiding".into()))));
    assert_eq!(b.doc.as_ref().unwrap().selected, Sel::Headings);
    assert!(!b.doc.as_ref().unwrap().problems.is_empty(), "without a reason it is not accounted for");
    let last = rules(&b).not_modelled.len() - 1;
    let b = audited(b.apply(Action::Edit(Edit::DocItem(DList::SkipReason, last, "Achtergrond; geen beslisregel.".into()))));
    assert_eq!(b.doc.as_ref().unwrap().problems, vec![]);
}

#[test]
fn an_outcomes_further_facts_are_added_changed_and_removed() {
    use regiewijzer::ui::beheer::state::OList;
    let b = open();
    let o = rules(&b).outcomes.iter().position(|o| o.id == "extern_verplicht").unwrap();
    let b = b
        .apply(Action::Edit(Edit::AddItem(o, OList::DetailLabel)))
        .apply(Action::Edit(Edit::OutcomeItem(o, OList::DetailLabel, 0, "Verwachte duur".into())))
        .apply(Action::Edit(Edit::OutcomeItem(o, OList::DetailValue, 0, "Zolang de verwijzing loopt".into())));
    let details = &rules(&b).outcomes[o].details;
    assert_eq!((details[0].label.as_str(), details[0].value.as_str()), ("Verwachte duur", "Zolang de verwijzing loopt"));
    assert!(to_json(rules(&b), None).contains("\"label\": \"Verwachte duur\""));
    let b = b.apply(Action::RunDiff);
    let diff = b.doc.as_ref().unwrap().diff.clone().unwrap();
    assert!(diff.changed_texts.iter().any(|t| t.id == "extern_verplicht" && t.fields.contains(&"details".to_string())), "{}", diff.text());
    let b = b.apply(Action::Edit(Edit::RemoveItem(o, OList::DetailValue, 0)));
    assert!(rules(&b).outcomes[o].details.is_empty());
    assert!(!b.doc.as_ref().unwrap().unsaved);
}

#[test]
fn an_outcomes_timeline_is_edited_and_the_diff_lists_the_change() {
    use regiewijzer::engine::model::{DateField, Span};
    use regiewijzer::ui::beheer::state::LField;
    let json = std::fs::read_to_string("rules/flevoland.json").unwrap();
    let b = Beheer::default().apply(Action::Open { json, text: None, name: "Flevoland".into() });
    let o = rules(&b).outcomes.iter().position(|o| o.id == "fl_crisis_toegang").unwrap();
    // The Ronde Tafel within 24 hours, weekends not counted, and a second moment after a week.
    let b = b
        .apply(Action::Edit(Edit::TimelineItem(o, 0, 0, LField::SkipWeekends, "true".into())))
        .apply(Action::Edit(Edit::AddMoment(o, 0)))
        .apply(Action::Edit(Edit::TimelineItem(o, 0, 1, LField::After, "1 weeks".into())))
        .apply(Action::Edit(Edit::TimelineItem(o, 0, 1, LField::What, "Evaluatie van het crisisplan".into())));
    let refused = b.clone().apply(Action::Edit(Edit::TimelineItem(o, 0, 1, LField::After, "een week".into())));
    assert!(refused.notice.unwrap().contains("geen aantal"));
    let t = &rules(&b).outcomes[o].timelines[0];
    assert_eq!((t.from, t.items[0].skip_weekends, t.items[1].after), (DateField::Moment, true, Span::Weeks(1)));
    assert_eq!(b.doc.as_ref().unwrap().problems, vec![]);
    let b = b.apply(Action::RunDiff);
    let diff = b.doc.as_ref().unwrap().diff.clone().unwrap();
    assert!(
        diff.changed_texts.iter().any(|c| c.id == "fl_crisis_toegang" && c.fields.contains(&"timelines".to_string())),
        "{}",
        diff.text()
    );
    // Another date to count from; a new timeline; the last moment removed removes its timeline.
    let b = b
        .apply(Action::Edit(Edit::TimelineFrom(o, 0, "handover".into())))
        .apply(Action::Edit(Edit::AddTimeline(o)))
        .apply(Action::Edit(Edit::RemoveMoment(o, 1, 0)));
    let ts = &rules(&b).outcomes[o].timelines;
    assert_eq!((ts.len(), ts[0].from), (1, DateField::Handover));
    assert!(b.apply(Action::Edit(Edit::TimelineFrom(o, 0, "morgen".into()))).notice.unwrap().contains("geen datumveld"));
}

#[test]
fn a_rule_cites_its_own_passage_set_by_selecting_the_text() {
    let json = std::fs::read_to_string("rules/flevoland.json").unwrap();
    let seed = parse(&json).unwrap().seed;
    let text = std::fs::read_to_string(format!("rules/text/{seed}")).unwrap();
    let b = Beheer::default().apply(Action::Open { json, text: Some(text.clone()), name: "Flevoland".into() });
    let (q, c) = option(&b, "doelgroep", "reclassering_18");
    let b = b.apply(Action::Edit(Edit::AddRule(q, c))).apply(Action::Select(Sel::Question(q)));
    let n = (0..).find(|&n| regiewijzer::ui::beheer::state::rule_at(rules(&b), q, n) == Some((c, 0))).unwrap();
    let heading = rules(&b).questions[q].source.heading.clone();
    let passage: String =
        text.lines().find(|l| l.split_whitespace().count() > 6).unwrap().split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    let b = b
        .apply(Action::Edit(Edit::Branch(q, c, 0, BField::Heading, heading.clone())))
        .apply(Action::Slot(n + 1))
        .apply(Action::UseQuote(passage.clone()));
    assert_eq!(b.notice, None);
    let rule = &rules(&b).questions[q].options[c].branches[0];
    assert_eq!(rule.source.as_ref().map(|s| (s.heading.as_str(), s.quote.as_str())), Some((heading.as_str(), passage.as_str())));
    assert_eq!(
        rules(&b).questions[q].source.quote,
        parse(&std::fs::read_to_string("rules/flevoland.json").unwrap()).unwrap().questions[q].source.quote,
        "the question's own quote is untouched"
    );
    assert_eq!(audited(b.clone()).doc.unwrap().problems, vec![]);
    // Both fields emptied: the question's source counts again.
    let b = b.apply(Action::Edit(Edit::Branch(q, c, 0, BField::Quote, String::new()))).apply(Action::Edit(Edit::Branch(
        q,
        c,
        0,
        BField::Heading,
        " ".into(),
    )));
    assert_eq!(rules(&b).questions[q].options[c].branches[0].source, None);
}

#[test]
fn an_evaluation_rhythm_is_added_and_removed() {
    let b = open();
    let n = rules(&b).cadences.len();
    let b = b.apply(Action::Edit(Edit::AddCadence));
    let d = b.doc.as_ref().unwrap();
    assert_eq!((d.rules.cadences.len(), d.selected), (n + 1, Sel::Cadence(n)));
    assert_eq!(d.rules.cadences[n].id, "nieuw_ritme");
    assert_eq!(d.problems, vec![]);
    // An outcome may name it; removing a rhythm an outcome names is a problem at that outcome.
    let o = rules(&b).outcomes.iter().position(|o| o.id == "wmo_matig").unwrap();
    let b = b.apply(Action::Edit(Edit::Outcome(o, regiewijzer::ui::beheer::state::OField::Cadence, "nieuw_ritme".into())));
    let b = b.apply(Action::Edit(Edit::RemoveCadence(n)));
    let d = b.doc.as_ref().unwrap();
    assert_eq!(d.selected, Sel::Version);
    let p = d.problems.iter().find(|p| p.text.contains("nieuw_ritme")).expect("the outcome names a rhythm that is gone");
    assert_eq!(p.at, Some(Sel::Outcome(o)));
}
