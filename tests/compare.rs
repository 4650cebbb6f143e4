//! "Vergelijk regio's": the shared-question mapping is checked against the rule files, and a
//! comparison gives, per guideline, what that guideline's own test cases expect.

mod common;

use common::{advice_text, names_gi};
use regiewijzer::compare::{columns, next, table, Column, Next, RowKind, Shared, Situation, NOT_NAMED, NO_CONTACT, NO_PROVIDER, PAST_NIET};
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
    assert_eq!(shared.check(&refs), Vec::new());
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
    use regiewijzer::json::MappingKind;
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
    let checked = Shared::parse(text).unwrap().check(&refs);
    // Typed: where (the shared question) and what, machine-readable.
    assert!(checked.iter().any(|p| p.at == "kader" && p.kind == MappingKind::DuplicateQuestion), "{checked:#?}");
    assert!(checked
        .iter()
        .any(|p| p.at == "kader"
            && p.kind == MappingKind::NoSuchQuestion { guideline: "oost-veluwe".into(), question: "bestaat_niet".into() }));
    let problems: Vec<String> = checked.iter().map(ToString::to_string).collect();
    let expect = [
        "'kader' in 'zeeland': het gedeelde antwoord 'gedwongen' is niet vertaald",
        "'kader' in 'zeeland': antwoord 'gedwongen' van vraag 'kader' komt 0 keer voor",
        "'kader': richtlijn 'oost-veluwe' heeft geen vraag 'bestaat_niet'",
        "'kader' in 'westfriesland': vraag 'rol' heeft geen antwoord 'baas'",
        "gedeelde vraag 'kader' staat er twee keer in",
        "'kader': vraag 'kader' van 'zeeland' hoort al bij een andere gedeelde vraag",
    ];
    for e in expect {
        assert!(problems.iter().any(|p| p.starts_with(e)), "missing {e:?} in {problems:#?}");
    }
    // Parse errors name the key.
    let typed = Shared::parse(r#"{ "questions": [ { "id": "x", "options": [], "in": 3 } ] }"#).unwrap_err();
    assert!(typed.iter().any(|p| p.at == "questions[0].in" && p.kind == MappingKind::MissingObject), "{typed:?}");
    assert!(typed.iter().any(|p| p.at == "questions[0]" && p.kind == MappingKind::TooFewOptions { id: "x".into() }), "{typed:?}");
    let errs: Vec<String> = typed.iter().map(ToString::to_string).collect();
    assert!(errs.iter().any(|e| e == "questions[0].text ontbreekt of is geen tekst"), "{errs:?}");
    assert!(errs.iter().any(|e| e.contains("minstens twee antwoorden")), "{errs:?}");
    assert!(errs.iter().any(|e| e == "questions[0].in ontbreekt of is geen object"), "{errs:?}");
    let json = Shared::parse("{ niet json").unwrap_err();
    assert!(matches!(&json[..], [p] if matches!(p.kind, MappingKind::Json(_))), "{json:?}");
    assert_eq!(json[0].to_string(), "geen geldige JSON op regel 1: een naam tussen aanhalingstekens verwacht");
    let no_questions = Shared::parse("{}").unwrap_err();
    assert_eq!(no_questions.iter().map(ToString::to_string).collect::<Vec<_>>(), ["'questions' ontbreekt of is geen lijst"]);
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

/// Answers what the comparison asks until it is done: the option `pick` (modulo the number of
/// options), or for a shared question, where `keep` names a guideline, the first option from `pick`
/// on under which that guideline still fits. Fails when a question is asked twice, an own question
/// offers an option a shared answer rules out, or it does not end.
fn finish_keeping(shared: &Shared, refs: &[&Guideline], mut s: Situation, pick: usize, keep: Option<&str>) -> (Situation, Vec<String>) {
    let mut asked: Vec<String> = Vec::new();
    for _ in 0..200 {
        match next(shared, refs, &s) {
            Next::Done => return (s, asked),
            Next::Shared { question, guidelines } => {
                assert!(!guidelines.is_empty());
                let key = format!("gedeeld:{}", question.id);
                assert!(!asked.contains(&key), "{key} asked twice");
                asked.push(key);
                let n = question.options.len();
                let fits = |o: &str| {
                    let mut t = s.clone();
                    t.shared.insert(question.id.clone(), o.to_string());
                    keep.is_none_or(|k| refs.iter().find(|g| g.id == k).is_none_or(|g| t.resolve(shared, g).is_ok()))
                };
                let o = (0..n).map(|i| &question.options[(pick + i) % n].0).find(|o| fits(o)).unwrap_or(&question.options[pick % n].0);
                s.shared.insert(question.id.clone(), o.clone());
            }
            Next::Own { guideline, question, .. } => {
                let key = format!("{guideline}:{}", question.id);
                assert!(!asked.contains(&key), "{key} asked twice");
                assert!(shared.of(&guideline, &question.id).is_none(), "{key} is shared, asked as own");
                assert!(!question.options.is_empty(), "{key} offers no option");
                let g = refs.iter().find(|g| g.id == guideline).unwrap();
                for c in &question.options {
                    let mut t = s.clone();
                    t.own.entry_or_default(guideline.clone()).insert(question.id.clone(), c.id.clone());
                    assert!(t.resolve(shared, g).is_ok(), "{key} offers '{}', which a shared answer rules out ({:?})", c.id, s.shared);
                }
                asked.push(key);
                let o = question.options[pick % question.options.len()].id.clone();
                s.own.entry_or_default(guideline.clone()).insert(question.id.clone(), o);
            }
        }
    }
    panic!("the comparison did not end: {asked:?}");
}

fn finish(shared: &Shared, refs: &[&Guideline], s: Situation, pick: usize) -> (Situation, Vec<String>) {
    finish_keeping(shared, refs, s, pick, None)
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
            let (s, _) = finish_keeping(&shared, &refs, s, 0, Some(&g.id));
            let cols = columns(&shared, &refs, &s, &Dates::default());
            let i = IDS.iter().position(|id| *id == g.id).unwrap();
            let Column::Advice { advice: a } = &cols[i] else { panic!("{}: {}: {:?}", g.id, case.name, cols[i]) };
            assert_eq!(a.outcome.as_ref().unwrap().id, case.expect.outcome, "{}: {}", g.id, case.name);
            if let Some(p) = case.expect.provider {
                assert_eq!(a.outcome.as_ref().unwrap().provider.as_ref().map(|x| x.answer), Some(p), "{}: {}", g.id, case.name);
            }
            // Every other column reached an outcome too, or says why it does not fit.
            assert!(cols.iter().all(|c| matches!(c, Column::Advice { .. } | Column::PastNiet { .. })), "{}: {}", g.id, case.name);
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
            let Column::Advice { advice: a } = c else {
                assert!(matches!(c, Column::PastNiet { .. }), "{pick}: {c:?}");
                continue;
            };
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
        let rows = table(&shared, &refs, &cols);
        assert_eq!(rows.len(), RowKind::ALL.len());
        for r in &rows {
            for (i, cell) in r.cells.iter().enumerate() {
                if IDS[i] == "hoogeveen-de-wolden" {
                    assert_eq!(cell.text, "Niet vergeleken: overgeslagen.");
                    assert!(cell.source.is_none());
                } else if cell.text == NOT_NAMED || cell.text == NO_PROVIDER || cell.text.starts_with(PAST_NIET) {
                    assert!(cell.source.is_none(), "{} {}: a cell that says the guideline is silent quotes nothing", r.label, IDS[i]);
                } else {
                    let src = cell.source.as_ref().unwrap_or_else(|| panic!("{rol}: {} {} uncited: {}", r.label, IDS[i], cell.text));
                    assert!(!src.quote.is_empty());
                }
            }
            // `differs` is exactly "not every answering guideline has the same key".
            let keys: Vec<&String> = r
                .cells
                .iter()
                .zip(&cols)
                .filter(|(_, c)| matches!(c, Column::Advice { .. }))
                .filter_map(|(cell, _)| cell.key.as_ref())
                .collect();
            assert_eq!(r.differs, keys.windows(2).any(|w| w[0] != w[1]), "{}", r.label);
        }
        // Each region's own wording is shown, not compared.
        let vorm = rows.iter().find(|r| r.kind == RowKind::VormVanRegie).unwrap();
        assert!(!vorm.differs && vorm.cells.iter().all(|c| c.key.is_none()));
        let provider = rows.iter().find(|r| r.kind == RowKind::Aanbieder).unwrap();
        let sched = rows.iter().find(|r| r.kind == RowKind::Evaluatie).unwrap();
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

/// Every combination of the shared answers, in every guideline: no column contradicts an answer
/// given once. For each combination the comparison is finished three ways (first, second, third
/// option of every own question), and then: every question a guideline asks offers only options
/// consistent with the shared answers (checked in `finish`); every column has advice or says why it
/// does not fit; every answer on a column's route is the translation of the shared answer where it
/// translates one and lies within every limit the shared answers set; under a maatregel every
/// column's advice names the GI; and the table's "verschilt" is exactly "the keys differ".
#[test]
fn no_combination_of_shared_answers_makes_a_column_contradict_itself() {
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::builtin();
    let mut combos: Vec<Situation> = vec![Situation::default()];
    for q in &shared.questions {
        combos = combos
            .into_iter()
            .flat_map(|s| {
                q.options.iter().map(move |(o, _)| {
                    let mut t = s.clone();
                    t.shared.insert(q.id.clone(), o.clone());
                    t
                })
            })
            .collect();
    }
    let n = combos.len();
    assert_eq!(n, shared.questions.iter().map(|q| q.options.len()).product::<usize>());
    let mut past_niet = 0;
    for combo in &combos {
        for pick in 0..3 {
            let (s, _) = finish(&shared, &refs, combo.clone(), pick);
            let cols = columns(&shared, &refs, &s, &Dates::default());
            for (g, c) in refs.iter().zip(&cols) {
                let a = match c {
                    Column::Advice { advice } => advice,
                    Column::PastNiet { reason, .. } => {
                        assert!(!reason.trim().is_empty());
                        past_niet += 1;
                        continue;
                    }
                    other => panic!("{:?} {}: {other:?}", s.shared, g.id),
                };
                let trace: Answers = a.trace.iter().map(|st| (st.question.clone(), st.answer.clone())).collect();
                for (q, o) in trace.iter() {
                    if let Some((sq, m)) = shared.of(&g.id, q) {
                        let chosen = s.shared.get(&sq.id).unwrap();
                        assert_eq!(m.options.get(chosen), Some(o), "{:?} {}: {q}={o} contradicts {}={chosen}", s.shared, g.id, sq.id);
                    }
                    for l in shared.limits.iter().filter(|l| l.guideline == g.id && &l.question == q) {
                        if s.shared.get(&l.when.0) == Some(&l.when.1) {
                            assert!(l.allow.contains(o), "{:?} {}: {q}={o} outside the limit of {}={}", s.shared, g.id, l.when.0, l.when.1);
                        }
                    }
                }
                if s.shared.get("kader").map(String::as_str) == Some("gedwongen") {
                    assert!(
                        names_gi(&advice_text(a.outcome.as_ref().unwrap())),
                        "{:?} pick {pick} {}: maatregel, but the advice does not name the GI",
                        s.shared,
                        g.id
                    );
                }
            }
            for r in table(&shared, &refs, &cols) {
                let keys: Vec<&String> = r
                    .cells
                    .iter()
                    .zip(&cols)
                    .filter(|(_, c)| matches!(c, Column::Advice { .. }))
                    .filter_map(|(c, _)| c.key.as_ref())
                    .collect();
                assert_eq!(r.differs, keys.windows(2).any(|w| w[0] != w[1]));
            }
        }
    }
    eprintln!("{n} combinations of shared answers × 3 ways of answering the rest, {past_niet} columns 'past niet'");
}

fn table_for(pairs: &[(&str, &str)], skip: &[&str]) -> (Vec<Column>, Vec<regiewijzer::compare::Row>) {
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::builtin();
    let mut s = Situation::default();
    for (q, o) in pairs {
        s.shared.insert(q.to_string(), o.to_string());
    }
    s.skipped = skip.iter().map(|x| x.to_string()).collect();
    let (s, _) = finish(&shared, &refs, s, 0);
    let cols = columns(&shared, &refs, &s, &Dates::default());
    let rows = table(&shared, &refs, &cols);
    (cols, rows)
}

/// Review N-2: "gedwongen kader" and "onveilige situatie" once: every region puts the regie with the
/// GI (Flevoland and Westfriesland through the GI as verwijzer), and the table does not mark the
/// regie holder as different where the seeds agree.
#[test]
fn a_maatregel_reaches_every_region_and_the_table_agrees_where_the_seeds_do() {
    // The kader is asked before the verwijzer: under a maatregel Westfriesland's and Flevoland's
    // verwijzer is the GI, so the shared verwijzer question is not asked at all.
    let all = guidelines();
    let refs: Vec<&Guideline> = all.iter().collect();
    let shared = Shared::builtin();
    let mut s = Situation::default();
    s.shared.insert("rol".into(), "toegang".into());
    assert!(matches!(next(&shared, &refs, &s), Next::Shared { question, .. } if question.id == "kader"));
    s.shared.insert("kader".into(), "gedwongen".into());
    let (_, asked) = finish(&shared, &refs, s, 0);
    assert!(!asked.contains(&"gedeeld:verwijzer".to_string()), "{asked:?}");

    let (cols, rows) =
        table_for(&[("rol", "toegang"), ("kader", "gedwongen"), ("zelf_regie", "ja"), ("veiligheid", "ja")], &["hoogeveen-de-wolden"]);
    let outcome = |i: usize| cols[i].advice().and_then(|a| a.outcome.as_ref()).map(|o| o.id.clone());
    assert_eq!(outcome(0).as_deref(), Some("gi_regie"), "{:?}", cols[0]);
    assert_eq!(outcome(1).as_deref(), Some("ov_gi_regie"));
    assert_ne!(outcome(2).as_deref(), Some("fl_zelf"), "Flevoland: the family does not hold regie under a maatregel");
    assert!(names_gi(&cols[2].advice().unwrap().outcome.as_ref().unwrap().owner), "{:?}", cols[2]);
    assert_eq!(outcome(4).as_deref(), Some("zl_gedwongen"));
    let regie_bij = rows.iter().find(|r| r.kind == RowKind::RegieBij).unwrap();
    assert!(!regie_bij.differs, "{:?}", regie_bij.cells.iter().map(|c| &c.key).collect::<Vec<_>>());
    assert!(regie_bij.cells.iter().filter_map(|c| c.key.as_deref()).all(|k| k == "de GI"));

    // Told both, a maatregel and a referral by the lokale toegang, Westfriesland and Flevoland say
    // plainly that this does not fit them, and why, instead of giving the lokale toegang the regie.
    let (cols, _) = table_for(&[("rol", "toegang"), ("kader", "gedwongen"), ("verwijzer", "lokale_toegang")], &["hoogeveen-de-wolden"]);
    for i in [0, 2] {
        let Column::PastNiet { reason, .. } = &cols[i] else { panic!("{:?}", cols[i]) };
        assert!(names_gi(reason), "{reason}");
    }

    // With Hoogeveen/De Wolden: never level 1 ("het reguliere leven") in an unsafe situation, and the
    // GI's regie op veiligheid is named.
    let (cols, _) = table_for(&[("rol", "toegang"), ("kader", "gedwongen"), ("zelf_regie", "ja"), ("veiligheid", "ja")], &[]);
    let hdw = cols[3].advice().expect("Hoogeveen/De Wolden answers");
    assert_ne!(hdw.outcome.as_ref().unwrap().id, "niveau1");
    assert!(names_gi(&advice_text(hdw.outcome.as_ref().unwrap())));
}

/// Review N-8: a referral by a medisch specialist is a huisarts-like external referral in
/// Westfriesland, and not described in Flevoland: that column says so instead of "procesregie bij de
/// huisarts".
#[test]
fn a_medisch_specialist_is_an_external_referrer_in_westfriesland_and_past_niet_in_flevoland() {
    let (cols, rows) = table_for(&[("rol", "toegang"), ("kader", "vrijwillig"), ("verwijzer", "medisch_specialist")], &[]);
    let wf = cols[0].advice().expect("Westfriesland answers");
    assert!(wf.trace.iter().any(|s| s.question == "verwijzer" && s.answer == "huisarts"));
    let Column::PastNiet { reason, .. } = &cols[2] else { panic!("{:?}", cols[2]) };
    assert!(reason.contains("POH"), "{reason}");
    assert!(rows[0].cells[2].text.starts_with(PAST_NIET));
}

/// Review N-13: the provider's Ja/Nee/Mag and whom to contact are compared separately.
#[test]
fn whom_to_contact_is_compared_beside_the_duty() {
    let (cols, rows) =
        table_for(&[("rol", "zorgaanbieder"), ("kader", "vrijwillig"), ("verwijzer", "huisarts"), ("veiligheid", "nee")], &[]);
    let contact = rows.iter().find(|r| r.kind == RowKind::Contact).unwrap();
    let duty = rows.iter().find(|r| r.kind == RowKind::Aanbieder).unwrap();
    for ((cell, d), c) in contact.cells.iter().zip(&duty.cells).zip(&cols) {
        if c.advice().is_some() {
            let key = cell.key.as_deref().unwrap_or("");
            assert_eq!(d.text.starts_with("Nee"), key == NO_CONTACT, "{} / {}", d.text, cell.text);
        }
    }
    let keys: Vec<&str> = contact.cells.iter().filter_map(|c| c.key.as_deref()).collect();
    assert_eq!(contact.differs, keys.windows(2).any(|w| w[0] != w[1]));
}

/// The contact key is the party the text sends the provider to, not the first category that
/// appears anywhere in it; the regie key follows the list's order (the GI weighs most).
#[test]
fn categories_read_whom_the_text_names() {
    let shared = Shared::builtin();
    use regiewijzer::compare::{categorise, categorise_contact};
    let urk = "In Urk is er na een verwijzing door de huisarts in de basis geen procesregisseur: neem daarvoor contact op met de lokale toegang (Klantmanager).";
    assert_eq!(categorise_contact(&shared.contact, urk), Some("het wijkteam of de lokale toegang"));
    assert_eq!(
        categorise_contact(&shared.contact, "Deel uw zorgen met de gezinsvoogd van de GI en ook met de casusregisseur."),
        Some("de GI (gezinsvoogd)")
    );
    assert_eq!(
        categorise(&shared.regie_bij, "Procesregie: de Toegang / het SLT. Casusregie: de Gecertificeerde Instelling (GI)."),
        Some("de GI")
    );
    assert_eq!(categorise(&shared.regie_bij, "De regie ligt bij de GIDS-groep"), None);
}
