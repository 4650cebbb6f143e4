//! Audits of every built-in rule file: it loads, its quotes occur in the kept guideline text, every
//! heading is accounted for, and every path through the flow ends in a cited outcome.

use regiewijzer::engine::audit::audit;
use regiewijzer::engine::model::{ContactAnswer, Guideline, InterpretationKind};
use regiewijzer::engine::{paths, walk, Answers, ErrorKind, Position};
use regiewijzer::guidelines::{Registry, Status};

fn guidelines() -> Vec<Guideline> {
    let reg = Registry::builtin();
    let modelled: Vec<String> = reg.list().into_iter().filter(|e| e.status == Status::Beschikbaar).map(|e| e.id).collect();
    assert!(!modelled.is_empty());
    modelled.iter().map(|id| reg.get(id).unwrap_or_else(|e| panic!("{id}: {e}")).clone()).collect()
}

fn text_of(g: &Guideline) -> String {
    let path = format!("{}/rules/text/{}", env!("CARGO_MANIFEST_DIR"), g.seed);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: kept text {path} missing: {e}", g.id))
}

#[test]
fn every_builtin_file_loads() {
    for e in Registry::builtin().list() {
        assert_ne!(e.status, Status::Defect, "{}: {:?}", e.id, e.problems);
    }
}

/// The engine's audit (the same `regiewijzer check` runs): quotes verbatim in the kept text, every
/// heading accounted for, every path ends in an outcome with its placeholders filled, every outcome
/// reached and expected by a test case, interpretation marks that explain themselves.
#[test]
fn every_builtin_file_passes_the_audit() {
    for g in guidelines() {
        let problems = audit(&g, Some(&text_of(&g)));
        let list: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert!(list.is_empty(), "{}:\n{}", g.id, list.join("\n"));
    }
}

#[test]
fn the_audit_catches_what_it_promises() {
    let mut g = guidelines().into_iter().find(|g| g.id == "zeeland").unwrap();
    let text = text_of(&g);
    g.outcomes[0].sources[0].quote = "Deze zin staat niet in de richtlijn.".into();
    g.headings.push("Een kop die er niet is".into());
    g.outcomes[0].actions.push("Doe iets met {onbekend}.".into());
    let gone =
        g.tests.iter().map(|t| t.expect.outcome.clone()).find(|o| g.tests.iter().filter(|t| &t.expect.outcome == o).count() == 1).unwrap();
    g.tests.retain(|t| t.expect.outcome != gone);
    let kinds: Vec<ErrorKind> = audit(&g, Some(&text)).into_iter().map(|d| d.kind).collect();
    assert!(kinds.iter().any(|k| matches!(k, ErrorKind::QuoteNotInText { .. })), "{kinds:?}");
    assert!(kinds.contains(&ErrorKind::HeadingNotInText { heading: "Een kop die er niet is".into() }), "{kinds:?}");
    assert!(kinds.contains(&ErrorKind::HeadingNotAccounted { heading: "Een kop die er niet is".into() }), "{kinds:?}");
    assert!(kinds.iter().any(|k| matches!(k, ErrorKind::UnfilledPlaceholder { .. })), "{kinds:?}");
    assert!(kinds.contains(&ErrorKind::OutcomeWithoutTest { outcome: gone }), "{kinds:?}");
}

#[test]
fn every_path_ends_in_a_cited_outcome_with_something_to_do() {
    for g in guidelines() {
        let all = paths(&g).unwrap();
        for (answers, o) in &all {
            let outcome = g.outcome(o).unwrap();
            assert!(!outcome.sources.is_empty(), "{}: {o} has no source", g.id);
            assert!(!outcome.actions.is_empty(), "{}: {o} says nothing to do ({answers:?})", g.id);
        }
        eprintln!("{}: {} paths", g.id, all.len());
    }
}

// ---- Westfriesland specifics, read from seed 000 (not from the model) ----

fn wf() -> Guideline {
    Registry::builtin().get("westfriesland").unwrap().clone()
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect()
}

/// The advice of a built-in guideline for `pairs` (question, option) and `dates`.
fn advice(id: &str, pairs: &[(&str, &str)], dates: regiewijzer::engine::Dates) -> regiewijzer::engine::Advice {
    let reg = Registry::builtin();
    regiewijzer::engine::advise(reg.get(id).unwrap(), &answers(pairs), &dates).unwrap()
}

fn outcome_for(g: &Guideline, pairs: &[(&str, &str)]) -> Position {
    walk(g, &answers(pairs)).unwrap().position
}

fn provider_answer(g: &Guideline, pairs: &[(&str, &str)]) -> ContactAnswer {
    match outcome_for(g, pairs) {
        Position::Outcome(o) => g.outcome(&o).unwrap().provider.as_ref().expect("provider block").answer,
        Position::Question(q) => panic!("open question {q} for {pairs:?}"),
    }
}

#[test]
fn westfriesland_provider_answer_for_every_external_referral() {
    let g = wf();
    // 4.2.4: B profiel 8; V verblijf zonder/met behandeling, kortdurend crisisverblijf; segment C.
    let must: &[(&str, &str, &str)] = &[
        ("b", "product_b", "profiel_8"),
        ("v", "product_v", "zonder_behandeling"),
        ("v", "product_v", "met_behandeling"),
        ("v", "product_v", "crisisverblijf"),
        ("c", "product_c", "hoogspecialistisch"),
        ("c", "product_c", "forensisch"),
        ("c", "product_c", "dagbesteding"),
        ("c", "product_c", "dagbehandeling"),
        ("c", "product_c", "medicatiecontrole"),
        ("c", "product_c", "ambulante_crisishulp"),
    ];
    let other: &[(&str, &str, &str)] = &[
        ("b", "product_b", "laag_1_4"),
        ("b", "product_b", "profiel_5_7"),
        ("b", "product_b", "dagbesteding"),
        ("b", "product_b", "medicatiecontrole"),
        ("v", "product_v", "pleegzorg"),
        ("v", "product_v", "gezinshuis"),
        ("v", "product_v", "logeren"),
    ];
    let q = g.question("product_b").unwrap().options.len()
        + g.question("product_v").unwrap().options.len()
        + g.question("product_c").unwrap().options.len();
    assert_eq!(must.len() + other.len(), q, "every product is classified here");
    for (seg, pq, p) in must {
        let base = [("rol", "zorgaanbieder"), ("verwijzer", "huisarts"), ("segment", *seg), (*pq, *p)];
        assert_eq!(provider_answer(&g, &base), ContactAnswer::Ja, "{p}");
    }
    for (seg, pq, p) in other {
        let mut base = vec![("rol", "zorgaanbieder"), ("verwijzer", "huisarts"), ("segment", *seg), (*pq, *p)];
        if *p == "dagbesteding" {
            // Review WF-8: dagbesteding first asks whether the child is not (fully) at school or the
            // problems are complex; here the child goes to school, so complex_onveilig decides.
            base.push(("schoolgaand", "nee"));
        }
        let mut calm = base.clone();
        calm.push(("complex_onveilig", "nee"));
        assert_eq!(provider_answer(&g, &calm), ContactAnswer::Nee, "{p}");
        let mut complex = base.clone();
        complex.push(("complex_onveilig", "ja"));
        assert_eq!(provider_answer(&g, &complex), ContactAnswer::Mag, "{p}");
    }
    assert_eq!(provider_answer(&g, &[("rol", "zorgaanbieder"), ("verwijzer", "gi")]), ContactAnswer::Nee);
    // These outcomes end the consulent's route too, where they answer who has the regie: their schema
    // labels say so, not only whether the provider makes contact.
    for id in ["extern_verplicht", "extern_aanmelden", "extern_geen_plicht"] {
        let short = &g.outcome(id).unwrap().short;
        assert!(short.starts_with("Extern: ") && !short.contains("Contact"), "{id}: {short}");
    }
    // Referred by the lokale toegang: the regie is there already; a change is discussed with the
    // consulent or regisseur, the provider's vast aanspreekpunt (H3, 4.2.5).
    let toegang = [("rol", "zorgaanbieder"), ("verwijzer", "lokale_toegang")];
    assert_eq!(provider_answer(&g, &[toegang[0], toegang[1], ("aanbieder_verandering", "nee")]), ContactAnswer::Nee);
    assert_eq!(provider_answer(&g, &[toegang[0], toegang[1], ("aanbieder_verandering", "ja")]), ContactAnswer::Ja);
}

#[test]
fn westfriesland_lokale_toegang_table() {
    let g = wf();
    let toegang = |seg: &str, pq: &str, p: &str, extra: &[(&str, &str)]| {
        let mut a = vec![("rol", "toegang"), ("verwijzer", "lokale_toegang"), ("wet", "jeugd"), ("segment", seg), (pq, p)];
        a.extend_from_slice(extra);
        outcome_for(&g, &a)
    };
    let intensity = Position::Question("jeugd_intensiteit".into());
    // Table 4.2.2 "ja" rows lead to the intensity choice (a regisseur).
    for (seg, pq, p) in [
        ("b", "product_b", "profiel_8"),
        ("v", "product_v", "zonder_behandeling"),
        ("v", "product_v", "met_behandeling"),
        ("v", "product_v", "crisisverblijf"),
        ("c", "product_c", "hoogspecialistisch"),
        ("c", "product_c", "forensisch"),
    ] {
        assert_eq!(toegang(seg, pq, p, &[]), intensity, "{p}");
    }
    // "nee" rows: never a bare nee; the exception for complex/unsafe still applies.
    for (seg, pq, p) in [
        ("b", "product_b", "laag_1_4"),
        ("b", "product_b", "medicatiecontrole"),
        ("v", "product_v", "pleegzorg"),
        ("v", "product_v", "gezinshuis"),
        ("v", "product_v", "logeren"),
    ] {
        assert_eq!(toegang(seg, pq, p, &[("complex_onveilig", "nee")]), Position::Outcome("toegang_basis".into()), "{p}");
        assert_eq!(toegang(seg, pq, p, &[("complex_onveilig", "ja")]), intensity, "{p}");
    }
    let basis = g.outcome("toegang_basis").unwrap();
    assert!(basis.interpretations.iter().any(|i| i.kind == InterpretationKind::NietEenduidig));
    assert!(basis.regie.contains("vaste contactpersoon"));
    // Profiel 5-7: depends on complexity. Dagbesteding: the school condition.
    assert_eq!(toegang("b", "product_b", "profiel_5_7", &[("complex_onveilig", "ja")]), intensity);
    assert_eq!(toegang("b", "product_b", "dagbesteding", &[("schoolgaand", "ja")]), intensity);
    assert_eq!(
        toegang("b", "product_b", "dagbesteding", &[("schoolgaand", "nee"), ("complex_onveilig", "nee")]),
        Position::Outcome("toegang_basis".into())
    );
    // Segment C add-ons: unreadable row, marked niet eenduidig.
    for p in ["dagbesteding", "dagbehandeling", "medicatiecontrole", "ambulante_crisishulp"] {
        assert_eq!(toegang("c", "product_c", p, &[("complex_onveilig", "nee")]), Position::Outcome("toegang_c_onduidelijk".into()), "{p}");
    }
}

/// The seed's OCR reads "GI" as "Gl" (000 L574-576). Only verbatim quotes may keep it; every text the
/// product writes itself says "GI". Case names are shown to trainees, so they carry no review ids.
/// Texts shown to both roles fit both.
#[test]
fn westfriesland_writes_gi_and_neutral_case_names() {
    fn strip_quotes(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.remove("quote");
                m.values_mut().for_each(strip_quotes);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip_quotes),
            _ => {}
        }
    }
    let g = wf();
    let mut v = serde_json::to_value(&g).unwrap();
    strip_quotes(&mut v);
    let text = v.to_string();
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    assert!(!words.contains(&"Gl"), "an OCR'd 'Gl' outside a quote");
    // "Weet ik niet" on complex_onveilig is offered to the provider and to the wijkteam's consulent
    // alike: it must not send the consulent to the wijkteam only (H4: "de inschatting van de consulent").
    let find_out = &g.question("complex_onveilig").unwrap().unknown.as_ref().unwrap().find_out;
    assert!(find_out.contains("zorgaanbieder") && find_out.contains("consulent"), "{find_out}");
    for t in &g.tests {
        let id = t.name.split(':').next().unwrap();
        let review_id = id.split_once('-').is_some_and(|(a, n)| a.chars().all(|c| c.is_ascii_uppercase()) && n.parse::<u32>().is_ok());
        assert!(!review_id, "review id in the case name: {}", t.name);
    }
}

#[test]
fn no_personal_contact_data_in_rule_files() {
    let dir = format!("{}/rules", env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![];
    for e in std::fs::read_dir(&dir).unwrap().chain(std::fs::read_dir(format!("{dir}/text")).unwrap()) {
        let p = e.unwrap().path();
        if p.is_file() {
            files.push(p);
        }
    }
    for p in files {
        let s = std::fs::read_to_string(&p).unwrap();
        let digits: String = s.chars().filter(|c| c.is_ascii_digit() || *c == '\n').collect();
        for line in digits.lines() {
            assert!(!line.contains("06") || line.len() < 10, "{}: looks like a phone number", p.display());
        }
        assert!(!s.contains('@'), "{}: contains an e-mail address", p.display());
    }
}

#[test]
fn compiled_form_equals_the_json_file() {
    // build.rs turns rules/<id>.json into the bytes the widget carries; they must mean the same.
    for g in guidelines() {
        let path = format!("{}/rules/{}.json", env!("CARGO_MANIFEST_DIR"), g.id);
        let json = std::fs::read_to_string(&path).unwrap();
        let from_json = regiewijzer::engine::load(&g.id, &json).unwrap();
        assert_eq!(from_json, g, "{}: compiled form differs from {path}", g.id);
    }
}

// ---- Flevoland specifics, read from seed 002 ----

fn fl_advice(pairs: &[(&str, &str)], dates: regiewijzer::engine::Dates) -> regiewijzer::engine::Advice {
    advice("flevoland", pairs, dates)
}

#[test]
fn flevoland_uses_each_gemeentes_own_names() {
    // Hoofdstuk 7, table "Lokale verschillen ten aanzien van benamingen".
    let expect = [
        ("almere", "Medewerker Jeugdhulp", "Plan van aanpak", "(Behandelplan)"),
        ("dronten", "Gids Jeugd", "Routeplan", "(Behandelplan)"),
        ("lelystad", "Medewerker Jeugd Lelystad", "Familie-groepsplan", "(niet vermeld in de leidraad)"),
        ("noordoostpolder", "Klantmanager Jeugd", "Onderzoeksverslag", "(Behandelplan)"),
        ("urk", "Klantmanager", "Onderzoeksverslag", "(Ondersteuningsplan)"),
    ];
    for (gemeente, contact, plan, plan_aanbieder) in expect {
        let a = fl_advice(
            &[("gemeente", gemeente), ("rol", "toegang"), ("zelf_regie", "nee"), ("verwijzer", "lokale_toegang"), ("doelgroep", "geen")],
            Default::default(),
        );
        let o = a.outcome.unwrap();
        assert!(o.owner.contains(contact), "{gemeente}: {}", o.owner);
        assert!(o.actions[2].contains(plan), "{gemeente}: {}", o.actions[2]);
        assert!(o.actions[3].contains(plan_aanbieder), "{gemeente}: {}", o.actions[3]);
        assert_eq!(o.actions.len(), 6, "the six steps of the stappenplan");
    }
}

#[test]
fn flevoland_huisarts_rules_per_gemeente() {
    let owner = |gemeente: &str| {
        let a = fl_advice(
            &[("gemeente", gemeente), ("rol", "toegang"), ("zelf_regie", "nee"), ("verwijzer", "huisarts"), ("doelgroep", "geen")],
            Default::default(),
        );
        (a.outcome.as_ref().map(|o| o.id.clone()), a.outcome.map(|o| o.owner).unwrap_or_default(), a.interpretations.len())
    };
    let (id, o, _) = owner("lelystad");
    assert_eq!(id.as_deref(), Some("fl_procesregie"));
    assert!(o.contains("de huisarts"), "{o}");
    let (_, o, interpretations) = owner("almere");
    assert!(o.contains("de lokale toegang van Almere"), "{o}");
    assert!(interpretations >= 1, "the other gemeenten's huisarts case is an interpretation");
    let urk = fl_advice(
        &[("gemeente", "urk"), ("rol", "toegang"), ("zelf_regie", "nee"), ("verwijzer", "huisarts"), ("doelgroep", "geen")],
        Default::default(),
    );
    assert_eq!(urk.outcome.unwrap().id, "fl_urk_huisarts");
    // Review FL-2: outside Lelystad the huisarts has no procesregie; the doelgroep outcomes, not only
    // the stappenplan, say that the lokale toegang is brought in and holds it.
    let jongere = fl_advice(
        &[("gemeente", "dronten"), ("rol", "toegang"), ("zelf_regie", "nee"), ("verwijzer", "huisarts"), ("doelgroep", "jongere_16_27")],
        Default::default(),
    );
    let o = jongere.outcome.unwrap();
    assert_eq!(o.id, "fl_16_27");
    assert!(o.notes.iter().any(|n| n.contains("schakel de lokale toegang (Gids Jeugd) in")), "{:?}", o.notes);
    let pleeg = fl_advice(
        &[
            ("gemeente", "almere"),
            ("rol", "toegang"),
            ("zelf_regie", "nee"),
            ("verwijzer", "huisarts"),
            ("doelgroep", "pleegzorg"),
            ("pleegzorg_soort", "tussentijds"),
        ],
        Default::default(),
    );
    assert!(pleeg.outcome.unwrap().notes.iter().any(|n| n.contains("schakel de lokale toegang (Medewerker Jeugdhulp) in")));
}

#[test]
fn flevoland_crisis_deadlines() {
    let base =
        [("gemeente", "almere"), ("rol", "toegang"), ("zelf_regie", "nee"), ("verwijzer", "lokale_toegang"), ("doelgroep", "crisis")];
    let friday = regiewijzer::engine::Dates { moment: Some("2026-01-09T14:00".into()), ..Default::default() };
    let deadline = |extra: &[(&'static str, &'static str)]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        fl_advice(&a, friday.clone()).schedule.unwrap().entries[0].date.clone()
    };
    assert_eq!(deadline(&[("crisis_route", "lokale_toegang")]), "2026-01-10T14:00", "24 hours, weekend counts");
    assert_eq!(deadline(&[("crisis_route", "gezinsvoogd")]), "2026-01-10T14:00");
    assert_eq!(
        deadline(&[("crisis_route", "veilig_thuis"), ("kader", "vrijwillig")]),
        "2026-01-12T14:00",
        "via Veilig Thuis: weekend hours do not count"
    );
    let vt = fl_advice(&[base.as_slice(), &[("crisis_route", "veilig_thuis"), ("kader", "gedwongen")]].concat(), friday);
    let o = vt.outcome.unwrap();
    assert!(o.actions[0].contains("de gecertificeerde instelling (GI)"), "{}", o.actions[0]);
    assert!(o.interpretations.iter().any(|i| i.text.contains("In ontwikkeling")));
}

#[test]
fn flevoland_16_27_and_pleegzorg_dates() {
    let dates = regiewijzer::engine::Dates { birth: Some("2010-05-20".into()), handover: Some("2028-06-15".into()), ..Default::default() };
    let a = fl_advice(
        &[
            ("gemeente", "dronten"),
            ("rol", "toegang"),
            ("zelf_regie", "nee"),
            ("verwijzer", "lokale_toegang"),
            ("doelgroep", "jongere_16_27"),
        ],
        dates.clone(),
    );
    let s = a.schedule.unwrap();
    let got: Vec<&str> = s.entries.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(got, vec!["2026-05-20", "2028-05-20", "2028-07-15", "2028-08-15"]);
    assert_eq!(s.inputs, vec![regiewijzer::engine::model::DateField::Birth, regiewijzer::engine::model::DateField::Handover]);
    let p = fl_advice(
        &[
            ("gemeente", "urk"),
            ("rol", "toegang"),
            ("zelf_regie", "nee"),
            ("verwijzer", "lokale_toegang"),
            ("doelgroep", "pleegzorg"),
            ("pleegzorg_soort", "perspectief_biedend"),
        ],
        dates,
    );
    let got: Vec<String> = p.schedule.unwrap().entries.iter().map(|e| e.date.clone()).collect();
    assert_eq!(got, vec!["2028-07-15", "2028-08-15"]);
}

#[test]
fn flevoland_provider_is_told_who_the_procesregisseur_is() {
    // 002 L50 (procesregisseur, tevens verwijzer), L100 (GI or lokale toegang), L250 (huisarts only in
    // Lelystad), L251 (Urk: regie in de basis only when the lokale toegang referred).
    let provider = |gemeente: &str, verwijzer: &str, situatie: &str| {
        let a = fl_advice(
            &[("gemeente", gemeente), ("rol", "zorgaanbieder"), ("verwijzer", verwijzer), ("aanbieder_situatie", situatie)],
            Default::default(),
        );
        let o = a.outcome.unwrap();
        (o.short.clone(), o.provider.unwrap().text)
    };
    let (_, t) = provider("almere", "lokale_toegang", "vastlopen");
    assert!(t.contains("de lokale toegang van Almere (Medewerker Jeugdhulp)"), "{t}");
    let (_, t) = provider("dronten", "huisarts", "vastlopen");
    assert!(t.contains("de procesregisseur is de lokale toegang (Gids Jeugd)") && !t.contains("de huisarts (of POH)"), "{t}");
    let (_, t) = provider("lelystad", "huisarts", "evaluatie");
    assert!(t.contains("de huisarts (of POH)"), "{t}");
    let (_, t) = provider("urk", "huisarts", "vastlopen");
    assert!(t.contains("in de basis geen procesregisseur") && t.contains("de lokale toegang (Klantmanager)"), "{t}");
    let (_, t) = provider("noordoostpolder", "gi", "planwijziging");
    assert!(t.contains("(GI)") && t.contains("zolang de maatregel loopt"), "{t}");
    // Review N-10: no escalation, but the procesregisseur is still kept informed.
    let (short, t) = provider("urk", "lokale_toegang", "volgens_plan");
    assert_eq!(short, "Opschalen: nee");
    assert!(t.contains("de lokale toegang van Urk (Klantmanager)"), "{t}");
}

#[test]
fn flevoland_urk_huisarts_keeps_the_verwijzers_16_plus_duty() {
    // 002 L192: at 16 "De verwijzer zorgt ervoor dat het toekomstperspectief en de domeinbepaling …
    // bepaald wordt" — in Urk after a huisarts referral that is the huisarts; the handover is a
    // procesregisseur's task (L194), reached through the lokale toegang (L251).
    let dates = regiewijzer::engine::Dates { birth: Some("2010-05-20".into()), ..Default::default() };
    let a = fl_advice(
        &[("gemeente", "urk"), ("rol", "toegang"), ("verwijzer", "huisarts"), ("zelf_regie", "nee"), ("doelgroep", "jongere_16_27")],
        dates,
    );
    let s = a.schedule.unwrap();
    assert_eq!(s.entries.iter().map(|e| e.date.as_str()).collect::<Vec<_>>(), vec!["2026-05-20", "2028-05-20"]);
    let o = a.outcome.unwrap();
    assert_eq!(o.id, "fl_urk_huisarts");
    assert!(o.actions.iter().any(|t| t.contains("als verwijzer zorgt de huisarts ervoor dat het toekomstperspectief")), "{:?}", o.actions);
    assert!(!o.actions.iter().any(|t| t.contains("voorbereiding op 18+") && t.contains("taken van de procesregisseur")), "{:?}", o.actions);
}

// ---- Hoogeveen / De Wolden specifics, read from seed 003 ----

fn hdw(pairs: &[(&str, &str)]) -> regiewijzer::engine::Advice {
    advice("hoogeveen-de-wolden", pairs, Default::default())
}

fn weigh(gemeente: &'static str, extra: &[(&'static str, &'static str)]) -> regiewijzer::engine::Advice {
    let mut a = vec![("gemeente", gemeente), ("ingang", "wegen"), ("kader", "vrijwillig"), ("volwassenen_onveilig", "nee"), ("epa", "nee")];
    a.extend_from_slice(extra);
    hdw(&a)
}

fn detail(a: &regiewijzer::engine::Advice, label: &str) -> String {
    a.outcome.as_ref().unwrap().details.iter().find(|d| d.label == label).map(|d| d.value.clone()).unwrap_or_default()
}

#[test]
fn hoogeveen_de_wolden_level_2_owner_and_plan_per_gemeente() {
    let level2 =
        [("zorgen", "vraag"), ("probleembesef", "hulpvraag"), ("draagkracht", "deels"), ("zelfredzaam", "beperkt"), ("kinderen_2", "ja")];
    for (gemeente, welzijn) in [("hoogeveen", "Stichting Welzijnswerk Hoogeveen (SWW)"), ("de_wolden", "Welzijn De Wolden")] {
        let a = weigh(gemeente, &level2);
        let o = a.outcome.clone().unwrap();
        assert_eq!(o.id, "niveau2_vo");
        assert!(o.title.contains(welzijn), "{}", o.title);
        assert_eq!(detail(&a, "Plan"), "Integraal en afgestemd ondersteuningsplan");
        assert_eq!(detail(&a, "Verwachte duur"), "6 tot 12 maanden");
        assert!(o.actions[0].contains("ALTIJD het gemeentelijke team Veilig Opgroeien"), "{}", o.actions[0]);
        // The trace names the rule that decided the level.
        assert_eq!(a.trace.last().unwrap().question, "kinderen_2");
        assert!(a.trace.iter().any(|s| s.rule.as_deref() == Some("Niveau 2: beperkt zelfredzaam")));
    }
}

#[test]
fn hoogeveen_de_wolden_level_4_shows_both_readings_and_the_burgemeester() {
    let a = weigh(
        "hoogeveen",
        &[
            ("zorgen", "escalatie"),
            ("probleembesef", "afwerend"),
            ("draagkracht", "volledig"),
            ("zelfredzaam", "niet_acuut"),
            ("kinderen_4", "nee"),
        ],
    );
    let o = a.outcome.clone().unwrap();
    assert_eq!(o.id, "niveau4");
    assert!(o.interpretations.iter().any(|i| i.kind == InterpretationKind::NietEenduidig && i.text.contains("ligt bij het ZVH")));
    assert!(detail(&a, "Bestuurlijk verantwoordelijk").contains("burgemeester"));
    assert!(o.sources.iter().any(|s| s.quote.contains("De regie bij deze casuïstiek ligt bij het ZVH")));
    assert!(o.sources.iter().any(|s| s.quote.contains("Casusregie door gemeente waar nodig ondersteund door procesregie")));
}

#[test]
fn hoogeveen_de_wolden_adult_safety_and_gedwongen_kader_notes() {
    let a = hdw(&[
        ("gemeente", "de_wolden"),
        ("kader", "gedwongen"),
        ("maatregel_afschalen", "nee"),
        ("ingang", "wegen"),
        ("volwassenen_onveilig", "ja"),
        ("epa", "ja"),
        ("zorgen", "complex"),
        ("probleembesef", "ambivalent"),
        ("draagkracht", "volledig"),
        ("zelfredzaam", "niet_acuut"),
        ("kinderen_3", "nee"),
    ]);
    let o = a.outcome.unwrap();
    // Under a maatregel the provider is told that the GI holds regie op veiligheid (003 L386).
    let provider = o.provider.unwrap().text;
    assert!(provider.contains("bij de GI") && provider.contains("gezinsvoogd"), "{provider}");
    let notes = o.notes.join(" | ");
    assert!(notes.contains("nog onvoldoende belegd") && notes.contains("meldcode"), "{notes}");
    assert!(notes.contains("gecertificeerde instelling") && notes.contains("afschaaltafel"), "{notes}");
    assert!(notes.contains("Optimaal Leven"), "{notes}");
    assert!(notes.contains("pakt de voorzitter van het sociaal team procesregie op"), "{notes}");
}

#[test]
fn hoogeveen_de_wolden_escalation_routes() {
    let up = hdw(&[
        ("gemeente", "hoogeveen"),
        ("kader", "vrijwillig"),
        ("ingang", "verandert"),
        ("huidig_niveau", "3"),
        ("verandering_3", "escalatie"),
    ]);
    assert_eq!(up.outcome.as_ref().unwrap().id, "op_3_4");
    assert!(detail(&up, "Via").contains("AOV c.q. het ZVH"));
    let up12 = |g: &'static str| {
        detail(
            &hdw(&[
                ("gemeente", g),
                ("kader", "vrijwillig"),
                ("ingang", "verandert"),
                ("huidig_niveau", "1"),
                ("verandering_1", "signalen"),
            ]),
            "Via",
        )
    };
    assert!(up12("de_wolden").starts_with("het sociaal team"), "{}", up12("de_wolden"));
    assert!(up12("hoogeveen").contains("gestructureerde weging door SWW"), "{}", up12("hoogeveen"));
    let down = hdw(&[
        ("gemeente", "hoogeveen"),
        ("kader", "vrijwillig"),
        ("ingang", "verandert"),
        ("huidig_niveau", "3"),
        ("verandering_3", "verbeterd"),
        ("afschaal_voorwaarden_3", "nee"),
    ]);
    assert_eq!(down.outcome.unwrap().id, "blijf_3");
}

#[test]
fn dossier_text_summarises_without_personal_data() {
    let a = weigh(
        "hoogeveen",
        &[("zorgen", "vraag"), ("probleembesef", "hulpvraag"), ("draagkracht", "deels"), ("zelfredzaam", "beperkt"), ("kinderen_2", "nee")],
    );
    let t = regiewijzer::engine::dossier_text(&a, "2026-11-22").unwrap();
    for needle in [
        "Datum: zo 22 november 2026",
        "Uitkomst: Niveau 2",
        "Regie: Casusregie door welzijnswerk",
        "Plan: Integraal en afgestemd ondersteuningsplan",
        "Hoe zelfredzaam is het huishouden? Beperkt (Niveau 2: beperkt zelfredzaam)",
        "Bron: 003_8fa90dad81782c1e.txt",
    ] {
        assert!(t.contains(needle), "missing «{needle}» in:\n{t}");
    }
    assert!(!t.contains('@') && !t.contains("[naam"), "no e-mail address, no trace of a redacted name");
    assert!(regiewijzer::engine::dossier_text(&hdw(&[("gemeente", "hoogeveen")]), "2026-11-22").is_none(), "no outcome, no dossier text");
}
