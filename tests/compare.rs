//! "Vergelijk regio's": the shared-question mapping is checked against the rule files, and a
//! comparison gives, per guideline, what that guideline's own test cases expect.

use regiewijzer::compare::{columns, next, table, Column, Next, Shared, Situation, NOT_NAMED, NO_PROVIDER};
use regiewijzer::engine::walk::paths;
use regiewijzer::engine::{load, Answers, Dates, Guideline};

const IDS: [&str; 5] = ["westfriesland", "oost-veluwe", "flevoland", "hoogeveen-de-wolden", "zeeland"];

fn guidelines() -> Vec<Guideline> {
    IDS.iter()
        .map(|id| {
            let path = format!("{}/rules/{id}.json", env!("CARGO_MANIFEST_DIR"));
            load(id, &std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect()
}

#[test]
fn the_builtin_mapping_fits_every_rule_file() {
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::parse(regiewijzer::compare::SHARED_JSON).expect("the mapping parses");
    assert_eq!(shared.check(&refs), Vec::<String>::new());
    assert_eq!(Shared::builtin(), shared);
    // The shared ids the issue names, each in at least two guidelines.
    for id in ["rol", "kader", "verwijzer", "zelf_regie", "veiligheid"] {
        let q = shared.questions.iter().find(|q| q.id == id).unwrap_or_else(|| panic!("{id} mapped"));
        assert!(q.members.len() >= 2, "{id}");
    }
    // Not a name coincidence: the gemeente questions share an id but not their options.
    assert!(shared.questions.iter().all(|q| q.id != "gemeente"));
}

#[test]
fn a_broken_mapping_lists_every_problem_by_name() {
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let text = r#"{ "questions": [
      { "id": "kader", "text": "Kader?", "options": [ { "id": "vrijwillig", "label": "V" }, { "id": "gedwongen", "label": "G" } ],
        "in": { "zeeland": { "question": "kader", "options": { "vrijwillig": "vrijwillig" } },
                "flevoland": { "question": "kader", "options": { "vrijwillig": "vrijwillig", "gedwongen": "vrijwillig" } },
                "oost-veluwe": { "question": "bestaat_niet", "options": {} },
                "westfriesland": { "question": "rol", "options": { "vrijwillig": "toegang", "gedwongen": "baas" } } } },
      { "id": "kader", "text": "Nog eens", "options": [ { "id": "a", "label": "A" }, { "id": "b", "label": "B" } ],
        "in": { "zeeland": { "question": "kader", "options": { "a": "vrijwillig", "b": "gedwongen" } } } } ] }"#;
    let problems = Shared::parse(text).unwrap().check(&refs);
    let expect = [
        "'kader' in 'zeeland': het gedeelde antwoord 'gedwongen' is niet vertaald",
        "'kader' in 'zeeland': antwoord 'gedwongen' van vraag 'kader' komt 0 keer voor",
        "'kader' in 'flevoland': antwoord 'vrijwillig' van vraag 'kader' komt 2 keer voor",
        "'kader': richtlijn 'oost-veluwe' heeft geen vraag 'bestaat_niet'",
        "'kader' in 'westfriesland': vraag 'rol' heeft geen antwoord 'baas'",
        "gedeelde vraag 'kader' staat er twee keer in",
        "'kader': vraag 'kader' van 'zeeland' hoort al bij een andere gedeelde vraag",
    ];
    for e in expect {
        assert!(problems.iter().any(|p| p.starts_with(e)), "missing {e:?} in {problems:#?}");
    }
    // Parse errors name the key.
    let errs = Shared::parse(r#"{ "questions": [ { "id": "x", "options": [], "in": 3 } ] }"#).unwrap_err();
    assert!(errs.iter().any(|e| e == "questions[0].text ontbreekt of is geen tekst"), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("minstens twee antwoorden")), "{errs:?}");
    assert!(errs.iter().any(|e| e == "questions[0].in ontbreekt of is geen object"), "{errs:?}");
    assert!(Shared::parse("{ niet json").is_err());
}

/// The situation of one of a guideline's own test cases, as the comparison holds it: shared answers
/// in shared ids, the rest as that guideline's own.
fn situation_of(shared: &Shared, g: &Guideline, answers: &Answers) -> Situation {
    let mut s = Situation::default();
    for (q, o) in answers.iter() {
        match shared.of(&g.id, q) {
            Some((sq, m)) => {
                let k = m.options.iter().find(|(_, v)| *v == o).map(|(k, _)| k.clone()).unwrap();
                s.shared.insert(sq.id.clone(), k);
            }
            None => {
                s.own.entry_or_default(g.id.clone()).insert(q.clone(), o.clone());
            }
        }
    }
    s
}

/// Answers what the comparison asks (the first option where the case says nothing) until it is done;
/// fails when a question is asked twice or it does not end.
fn finish(shared: &Shared, refs: &[&Guideline], mut s: Situation, pick: usize) -> (Situation, Vec<String>) {
    let mut asked: Vec<String> = Vec::new();
    for _ in 0..200 {
        match next(shared, refs, &s) {
            Next::Done => return (s, asked),
            Next::Shared { question, guidelines } => {
                assert!(guidelines.len() >= 2 || refs.len() - s.skipped.len() < 2 || !guidelines.is_empty());
                let key = format!("gedeeld:{}", question.id);
                assert!(!asked.contains(&key), "{key} asked twice");
                asked.push(key);
                let o = &question.options[pick % question.options.len()].0;
                s.shared.insert(question.id.clone(), o.clone());
            }
            Next::Own { guideline, question, .. } => {
                let key = format!("{guideline}:{}", question.id);
                assert!(!asked.contains(&key), "{key} asked twice");
                assert!(shared.of(&guideline, &question.id).is_none(), "{key} is shared, asked as own");
                asked.push(key);
                let o = question.options[pick % question.options.len()].id.clone();
                s.own.entry_or_default(guideline.clone()).insert(question.id.clone(), o);
            }
        }
    }
    panic!("the comparison did not end: {asked:?}");
}

#[test]
fn every_test_case_of_every_guideline_gives_its_expected_outcome_in_the_comparison() {
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::builtin();
    let mut n = 0;
    for g in &all {
        for case in &g.tests {
            let s = situation_of(&shared, g, &case.answers);
            let (s, _) = finish(&shared, &refs, s, 0);
            let cols = columns(&shared, &refs, &s, &Dates::default());
            let i = IDS.iter().position(|id| *id == g.id).unwrap();
            let Column::Advice(a) = &cols[i] else { panic!("{}: {}: {:?}", g.id, case.name, cols[i]) };
            assert_eq!(a.outcome.as_ref().unwrap().id, case.expect.outcome, "{}: {}", g.id, case.name);
            if let Some(p) = case.expect.provider {
                assert_eq!(a.outcome.as_ref().unwrap().provider.as_ref().map(|x| x.answer), Some(p), "{}: {}", g.id, case.name);
            }
            // Every other column reached an outcome too.
            assert!(cols.iter().all(|c| matches!(c, Column::Advice(_))), "{}: {}", g.id, case.name);
            n += 1;
        }
    }
    assert!(n >= 100, "{n} cases");
}

#[test]
fn every_column_is_a_path_of_its_own_guideline() {
    // Answer differently (first, second, third option …) and check each column against the
    // guideline's enumerated paths: the same answers on the trace lead to the same outcome.
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::builtin();
    let all_paths: Vec<Vec<(Answers, String)>> = all.iter().map(|g| paths(g).unwrap()).collect();
    for pick in 0..4 {
        let (s, asked) = finish(&shared, &refs, Situation::default(), pick);
        // Each shared question is asked once, not once per guideline.
        assert!(asked.iter().filter(|a| a.starts_with("gedeeld:")).count() <= shared.questions.len());
        for (i, c) in columns(&shared, &refs, &s, &Dates::default()).iter().enumerate() {
            let Column::Advice(a) = c else { panic!("{pick}: {c:?}") };
            let trace: Answers = a.trace.iter().map(|st| (st.question.clone(), st.answer.clone())).collect();
            let outcome = &a.outcome.as_ref().unwrap().id;
            assert!(
                all_paths[i].iter().any(|(p, o)| p == &trace && o == outcome),
                "{pick}: {} {trace:?} → {outcome} is not one of its paths",
                IDS[i]
            );
        }
    }
}

#[test]
fn the_table_cites_every_cell_marks_differences_and_says_what_is_left_out() {
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::builtin();
    let dates = Dates { start: Some("2026-01-31".into()), ..Dates::default() };
    for rol in ["zorgaanbieder", "toegang"] {
        // A voluntary case, no safety risk; Hoogeveen/De Wolden left out.
        let mut s = Situation::default();
        s.shared.insert("rol".into(), rol.into());
        s.shared.insert("kader".into(), "vrijwillig".into());
        s.shared.insert("veiligheid".into(), "nee".into());
        s.skipped.push("hoogeveen-de-wolden".into());
        let (s, asked) = finish(&shared, &refs, s, 0);
        assert!(!asked.iter().any(|a| a.starts_with("hoogeveen")), "{asked:?}");
        assert!(!asked.contains(&"gedeeld:rol".to_string()));
        let cols = columns(&shared, &refs, &s, &dates);
        let rows = table(&refs, &cols);
        assert_eq!(rows.len(), 6);
        for r in &rows {
            for (i, cell) in r.cells.iter().enumerate() {
                if IDS[i] == "hoogeveen-de-wolden" {
                    assert_eq!(cell.text, "Niet vergeleken: overgeslagen.");
                    assert!(cell.source.is_none());
                } else if cell.text == NOT_NAMED || cell.text == NO_PROVIDER {
                    assert!(cell.source.is_none(), "{} {}: a cell that says the guideline is silent quotes nothing", r.label, IDS[i]);
                } else {
                    let src = cell.source.as_ref().unwrap_or_else(|| panic!("{rol}: {} {} uncited: {}", r.label, IDS[i], cell.text));
                    assert!(!src.quote.is_empty());
                }
            }
            // `differs` is exactly "not every answering guideline says the same".
            let texts: Vec<&String> =
                r.cells.iter().enumerate().filter(|(i, _)| IDS[*i] != "hoogeveen-de-wolden").map(|(_, c)| &c.text).collect();
            if !r.label.starts_with("Moet") {
                assert_eq!(r.differs, texts.windows(2).any(|w| w[0] != w[1]), "{}", r.label);
            }
        }
        // Four regions, four wordings of the regie.
        assert!(rows.iter().find(|r| r.label == "Vorm van regie").unwrap().differs);
        let provider = rows.iter().find(|r| r.label.starts_with("Moet")).unwrap();
        let sched = rows.iter().find(|r| r.label == "Evaluatie en termijnen").unwrap();
        if rol == "zorgaanbieder" {
            for (i, cell) in provider.cells.iter().enumerate().filter(|(i, _)| IDS[*i] != "hoogeveen-de-wolden") {
                assert!(["Ja:", "Nee:", "Mag (geen plicht):"].iter().any(|p| cell.text.starts_with(p)), "{}: {}", IDS[i], cell.text);
            }
        } else {
            // With a start date, dated entries appear where a cadence applies, cited by the cadence.
            let wf = &sched.cells[0];
            assert!(wf.text.contains("2026"), "{wf:?}");
            let c = all[0].cadences.iter().find(|c| Some(&c.source) == wf.source.as_ref());
            assert!(c.is_some(), "Westfriesland's schedule cites its cadence: {wf:?}");
        }
    }
}
