//! Engine behaviour on the real Westfriesland file: walk, trace, session edits, dates.

use regiewijzer::engine::dates::{add, format_nl, parse_date, schedule, EntryKind, NEAR_GESPREK_DAYS};
use regiewijzer::engine::model::Span;
use regiewijzer::engine::{advise, walk, AnswerError, Answers, Dates, Position, Session};
use regiewijzer::guidelines::Registry;

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect()
}

fn d(s: &str) -> chrono::NaiveDate {
    parse_date("test", s).unwrap()
}

#[test]
fn walk_stops_at_first_unanswered_question() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let w = walk(g, &answers(&[("rol", "toegang")])).unwrap();
    assert_eq!(w.position, Position::Question("verwijzer".into()));
    assert_eq!(w.steps.len(), 1);
}

#[test]
fn trace_records_rule_and_branch_source() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let w =
        walk(g, &answers(&[("rol", "zorgaanbieder"), ("verwijzer", "huisarts"), ("segment", "b"), ("product_b", "profiel_8")])).unwrap();
    assert_eq!(w.position, Position::Outcome("extern_verplicht".into()));
    let last = w.steps.last().unwrap();
    assert_eq!(last.question, "product_b");
    assert!(last.rule.as_deref().unwrap().starts_with("4.2.4"), "{:?}", last.rule);
    assert_eq!(last.source.heading, "4.2.4 Regievoering bij een externe verwijzing");
    assert!(last.source.quote.contains("Segment B: profiel 8"));
}

#[test]
fn same_product_differs_by_verwijzer() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let toegang = walk(
        g,
        &answers(&[("rol", "toegang"), ("verwijzer", "lokale_toegang"), ("wet", "jeugd"), ("segment", "b"), ("product_b", "profiel_8")]),
    )
    .unwrap();
    assert_eq!(toegang.position, Position::Question("jeugd_intensiteit".into()));
    let extern_ =
        walk(g, &answers(&[("rol", "toegang"), ("verwijzer", "huisarts"), ("segment", "b"), ("product_b", "profiel_8")])).unwrap();
    assert_eq!(extern_.position, Position::Outcome("extern_verplicht".into()));
}

#[test]
fn conditions_ignore_answers_off_the_path() {
    // product_c is not on a segment B path, so its stale answer must not pick the segment C branch.
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let w = walk(
        g,
        &answers(&[
            ("rol", "toegang"),
            ("verwijzer", "lokale_toegang"),
            ("wet", "jeugd"),
            ("segment", "b"),
            ("product_b", "laag_1_4"),
            ("product_c", "dagbehandeling"),
            ("complex_onveilig", "nee"),
        ]),
    )
    .unwrap();
    assert_eq!(w.position, Position::Outcome("toegang_basis".into()));
    assert_eq!(w.ignored, vec!["product_c".to_string()]);
}

#[test]
fn unknown_option_lists_valid_ones() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let e = walk(g, &answers(&[("rol", "baas")])).unwrap_err();
    match &e {
        AnswerError::UnknownOption { question, valid, .. } => {
            assert_eq!(question, "rol");
            assert_eq!(valid, &vec!["toegang".to_string(), "zorgaanbieder".to_string()]);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert!(e.to_string().contains("kies uit: toegang, zorgaanbieder"));
}

#[test]
fn changing_an_early_answer_drops_answers_that_no_longer_apply() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let mut s = Session::new();
    for (q, o) in [
        ("rol", "toegang"),
        ("verwijzer", "lokale_toegang"),
        ("wet", "jeugd"),
        ("segment", "b"),
        ("product_b", "profiel_8"),
        ("jeugd_intensiteit", "midden"),
    ] {
        s.answer(g, q, o).unwrap();
    }
    assert_eq!(s.walk(g).unwrap().position, Position::Outcome("jeugd_midden".into()));
    // Change the role: the lokale-toegang route for a provider asks only whether the situation
    // changes; wet/segment/... drop out.
    s.answer(g, "rol", "zorgaanbieder").unwrap();
    assert_eq!(s.walk(g).unwrap().position, Position::Question("aanbieder_verandering".into()));
    assert_eq!(s.answers().len(), 2);
    // Change the segment answer on a still-valid route: later answers that still apply are kept.
    let mut s = Session::new();
    for (q, o) in [
        ("rol", "toegang"),
        ("verwijzer", "lokale_toegang"),
        ("wet", "jeugd"),
        ("segment", "v"),
        ("product_v", "pleegzorg"),
        ("complex_onveilig", "nee"),
    ] {
        s.answer(g, q, o).unwrap();
    }
    assert_eq!(s.walk(g).unwrap().position, Position::Outcome("toegang_basis".into()));
    s.answer(g, "verwijzer", "huisarts").unwrap();
    assert_eq!(s.walk(g).unwrap().position, Position::Outcome("extern_geen_plicht".into()));
    assert!(!s.answers().contains_key("wet"));
}

#[test]
fn back_takes_the_last_answer() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let mut s = Session::new();
    assert_eq!(s.back(g), None);
    s.answer(g, "rol", "zorgaanbieder").unwrap();
    s.answer(g, "verwijzer", "gi").unwrap();
    assert_eq!(s.back(g), Some(("verwijzer".into(), "gi".into())));
    assert_eq!(s.walk(g).unwrap().position, Position::Question("verwijzer".into()));
}

#[test]
fn session_rejects_unknown_option_and_keeps_state() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let mut s = Session::new();
    s.answer(g, "rol", "toegang").unwrap();
    assert!(s.answer(g, "verwijzer", "buurman").is_err());
    assert_eq!(s.answers().len(), 1);
}

#[test]
fn month_end_rule() {
    assert_eq!(add(d("2026-01-31"), Span::Months(3), 1), Some(d("2026-04-30")));
    assert_eq!(add(d("2026-01-31"), Span::Months(1), 1), Some(d("2026-02-28")));
    assert_eq!(add(d("2027-11-30"), Span::Months(3), 1), Some(d("2028-02-29")), "leap year");
    assert_eq!(add(d("2026-01-31"), Span::Months(3), 2), Some(d("2026-07-31")), "counted from the start, not chained");
    assert_eq!(add(d("2026-03-01"), Span::Weeks(8), 1), Some(d("2026-04-26")));
}

#[test]
fn dutch_date_format() {
    assert_eq!(format_nl(d("2026-04-15")), "wo 15 april 2026");
    assert_eq!(format_nl(d("2026-12-01")), "di 1 december 2026");
}

#[test]
fn parse_date_rejects_nonsense() {
    for bad in ["", "2026-02-30", "15-04-2026", "morgen", "2026-13-01", "0001-01-01"] {
        assert!(parse_date("startdatum", bad).is_err(), "{bad}");
    }
}

#[test]
fn schedule_midden_from_month_end() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let c = g.cadence("matig_midden").unwrap();
    let s = schedule(c, Some(d("2026-01-31")), Some(d("2027-12-31")));
    let dates: Vec<&str> = s.entries.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(
        dates,
        // No year evaluation for matig/midden (4.1 and 4.2.3 name none): the half-yearly rhythm counts
        // from the last first-year talk (month 9), so month 15; month 21 (31 October 2027) falls five
        // days before the evaluatiegesprek, which takes its place.
        vec!["2026-04-30", "2026-07-31", "2026-10-31", "2027-04-30", "2027-11-05"]
    );
    assert_eq!(s.entries[0].kind, EntryKind::Tussenevaluatie);
    assert_eq!(s.entries.last().unwrap().kind, EntryKind::Evaluatiegesprek);
    assert!(s.messages.is_empty());
}

#[test]
fn schedule_licht_yearly() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let s = schedule(g.cadence("licht").unwrap(), Some(d("2026-03-02")), Some(d("2029-03-01")));
    let dates: Vec<&str> = s.entries.iter().map(|e| e.date.as_str()).collect();
    // 3 months, a year, yearly, then 56 days before 1 March 2029 = 4 January 2029.
    assert_eq!(dates, vec!["2026-06-02", "2027-03-02", "2028-03-02", "2029-01-04"]);
}

#[test]
fn schedule_intensief_six_weeks_from_first_review() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let s = schedule(g.cadence("intensief").unwrap(), Some(d("2026-01-05")), Some(d("2027-01-05")));
    let dates: Vec<&str> = s.entries.iter().map(|e| e.date.as_str()).collect();
    // 5 Apr, then every 42 days while before 5 Jan 2027 and before the gesprek on 10 Nov 2026; the talk
    // of 1 Nov, nine days before the gesprek, is left out (the gesprek takes its place).
    assert_eq!(dates, vec!["2026-04-05", "2026-05-17", "2026-06-28", "2026-08-09", "2026-09-20", "2026-11-10"]);
}

/// Westfriesland's three rhythms over indicaties of about three years, from several start days: no
/// interval between two talks is longer than the guideline's rhythm for that part (first year: every
/// 3 months for matig/midden, every 6 weeks for intensief; afterwards every half year, every 3 months,
/// yearly for licht: 000 L212-295, L432-543), and no periodic evaluation falls in the weeks just
/// before the evaluatiegesprek, which takes its place.
#[test]
fn westfriesland_schedules_have_no_holes_and_no_evaluation_just_before_the_gesprek() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let near = i64::from(NEAR_GESPREK_DAYS);
    // The rhythms as the seed sets them (L230-233, L255-266, L284-295), so the loop below is not vacuous.
    let seed = [
        ("licht", None, Span::Months(12)),
        ("licht_jeugd", None, Span::Months(12)),
        ("matig_midden", Some(Span::Months(3)), Span::Months(6)),
        ("midden_jeugd", Some(Span::Months(3)), Span::Months(6)),
        ("intensief", Some(Span::Weeks(6)), Span::Months(3)),
        ("intensief_jeugd", Some(Span::Weeks(6)), Span::Months(3)),
    ];
    let mut checked = 0;
    for (id, first_year, later) in seed {
        let c = g.cadence(id).unwrap();
        assert_eq!((c.first_year_every, c.after_first_year_every), (first_year, later), "{id}");
        for start in ["2026-01-31", "2026-02-28", "2026-03-02", "2026-06-15", "2026-08-31", "2026-12-31"] {
            let start = d(start);
            let year = add(start, Span::Months(12), 1).unwrap();
            // Ends from 3 years minus 12 weeks to 3 years, so the evaluatiegesprek lands anywhere in the rhythm.
            for back in (0..=84).step_by(3) {
                let end = add(start, Span::Months(36), 1).unwrap() - chrono::Days::new(back);
                let s = schedule(c, Some(start), Some(end));
                let dated: Vec<(chrono::NaiveDate, EntryKind)> = s.entries.iter().map(|e| (d(&e.date), e.kind)).collect();
                let (gesprek, kind) = *dated.last().unwrap();
                assert_eq!(kind, EntryKind::Evaluatiegesprek, "{id} {start} {end}");
                for w in dated.windows(2) {
                    let ((a, _), (b, kind)) = (w[0], w[1]);
                    // Licht: from the tussenevaluatie to the evaluatiegesprek "na een jaar" (L230-231).
                    let (rhythm, mut limit) = match first_year {
                        Some(f) if b < year => (f, add(a, f, 1).unwrap()),
                        None if b <= year => (Span::Months(12), year),
                        _ => (later, add(a, later, 1).unwrap()),
                    };
                    if matches!(rhythm, Span::Months(_)) {
                        // Months count from the start, so a month end may shift (30 April → 31 July).
                        limit = limit + chrono::Days::new(3);
                    }
                    if kind == EntryKind::Evaluatiegesprek {
                        limit = limit + chrono::Days::new(near as u64);
                    }
                    assert!(b <= limit, "{id} {start}–{end}: {a} → {b} is longer than {rhythm:?}: {:?}", dated);
                    if kind == EntryKind::Evaluatie {
                        assert!((gesprek - b).num_days() >= near, "{id} {start}–{end}: {b} just before the gesprek {gesprek}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "{checked}");
}

#[test]
fn schedule_messages_for_missing_or_wrong_dates() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let c = g.cadence("licht").unwrap();
    let none = schedule(c, None, None);
    assert!(none.entries.is_empty());
    assert!(none.messages[0].contains("startdatum"));
    assert!(none.rhythm.iter().any(|r| r.contains("ieder jaar")));
    let reversed = schedule(c, Some(d("2026-05-01")), Some(d("2026-01-01")));
    assert!(reversed.entries.is_empty());
    assert!(reversed.messages[0].contains("ligt niet na de startdatum"));
    let start_only = schedule(c, Some(d("2026-05-01")), None);
    assert_eq!(start_only.entries.iter().map(|e| e.date.as_str()).collect::<Vec<_>>(), vec!["2026-08-01", "2027-05-01"]);
    assert!(start_only.messages[0].contains("einddatum"));
    let short = schedule(c, Some(d("2026-05-01")), Some(d("2026-06-01")));
    assert!(short.messages[0].contains("korter dan 56 dagen"));
}

#[test]
fn advise_rejects_bad_dates_with_field_name() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let e = advise(g, &Answers::new(), &Dates { start: Some("31-01-2026".into()), ..Dates::default() }).unwrap_err();
    assert!(e.to_string().contains("Startdatum"), "{e}");
}

#[test]
fn advise_collects_interpretations_from_path_and_outcome() {
    let reg = Registry::builtin();
    let g = reg.get("westfriesland").unwrap();
    let a = advise(
        g,
        &answers(&[
            ("rol", "toegang"),
            ("verwijzer", "lokale_toegang"),
            ("wet", "jeugd"),
            ("segment", "c"),
            ("product_c", "medicatiecontrole"),
            ("complex_onveilig", "nee"),
        ]),
        &Dates::default(),
    )
    .unwrap();
    assert_eq!(a.outcome.as_ref().unwrap().id, "toegang_c_onduidelijk");
    let at: Vec<&str> = a.interpretations.iter().map(|m| m.at.as_str()).collect();
    assert!(at.contains(&"product_c"), "{at:?}");
    assert!(at.contains(&"toegang_c_onduidelijk"), "{at:?}");
    // Segment C is jeugdhulp: the Jeugd cadence of 4.2.3 (review WF-7), with both its marks.
    assert_eq!(at.iter().filter(|m| **m == "cadence:licht_jeugd").count(), 2, "{at:?}");
}

fn moment(s: &str) -> chrono::NaiveDateTime {
    regiewijzer::engine::dates::parse_moment("test", s).unwrap()
}

#[test]
fn deadline_hours_skip_weekends() {
    use regiewijzer::engine::dates::add_hours;
    // 2026-01-09 is a Friday.
    assert_eq!(add_hours(moment("2026-01-09T14:00"), 24, true), moment("2026-01-12T14:00"), "Friday 14:00 → Monday 14:00");
    assert_eq!(add_hours(moment("2026-01-09T14:00"), 24, false), moment("2026-01-10T14:00"), "without the weekend rule");
    assert_eq!(add_hours(moment("2026-01-10T10:00"), 24, true), moment("2026-01-13T00:00"), "Saturday: counting starts Monday 00:00");
    assert_eq!(add_hours(moment("2026-01-07T09:30"), 24, true), moment("2026-01-08T09:30"), "midweek unchanged");
    assert_eq!(add_hours(moment("2026-01-08T23:00"), 24, true), moment("2026-01-09T23:00"), "Thursday 23:00 → Friday 23:00");
    assert_eq!(add_hours(moment("2026-01-09T23:30"), 1, true), moment("2026-01-12T00:30"), "half an hour left on Friday");
}

#[test]
fn parse_moment_accepts_t_or_space_and_rejects_nonsense() {
    assert_eq!(moment("2026-01-09 14:00"), moment("2026-01-09T14:00"));
    for bad in ["2026-01-09", "2026-01-09T25:00", "09-01-2026T14:00", "2026-01-09Tnoon"] {
        assert!(regiewijzer::engine::dates::parse_moment("plaatsing", bad).is_err(), "{bad}");
    }
}

#[test]
fn timeline_from_birth_and_handover() {
    use regiewijzer::engine::dates::timeline;
    use regiewijzer::engine::model::{DateField, Timeline, TimelineItem};
    let t = Timeline {
        from: DateField::Birth,
        items: vec![
            TimelineItem { after: Span::Years(16), skip_weekends: false, what: "16".into() },
            TimelineItem { after: Span::Years(18), skip_weekends: false, what: "18".into() },
        ],
    };
    let label = DateField::Birth.label();
    let s = timeline(&t, Some("2012-02-29"), label);
    let dates: Vec<&str> = s.entries.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, vec!["2028-02-29", "2030-02-28"], "leap-day birthday: 28 February in a common year");
    assert_eq!(s.inputs, vec![DateField::Birth]);
    let none = timeline(&t, None, label);
    assert!(none.entries.is_empty() && none.messages[0].contains("geboortedatum"));
    let bad = timeline(&t, Some("morgen"), label);
    assert!(bad.entries.is_empty() && bad.messages[0].contains("geen geldige datum"));
    let h = Timeline {
        from: DateField::Handover,
        items: vec![TimelineItem { after: Span::Months(1), skip_weekends: false, what: "check".into() }],
    };
    let own = timeline(&h, Some("2026-01-31"), "Datum van de warme overdracht");
    assert_eq!(own.entries[0].date, "2026-02-28");
    assert_eq!(
        timeline(&h, None, "Datum van de warme overdracht").messages[0],
        "Vul in: datum van de warme overdracht, om de data te berekenen."
    );
}

#[test]
fn timeline_rhythm_has_no_doubled_punctuation() {
    use regiewijzer::engine::dates::timeline;
    use regiewijzer::engine::model::{DateField, Timeline, TimelineItem};
    let t = Timeline {
        from: DateField::Start,
        items: vec![TimelineItem { after: Span::Months(6), skip_weekends: false, what: "Evalueer en schaal af waar het kan.".into() }],
    };
    assert_eq!(timeline(&t, None, "Startdatum").rhythm, vec!["Evalueer en schaal af waar het kan: een half jaar na de start."]);
}

#[test]
fn placeholders_are_filled_and_empty_values_are_named() {
    use regiewijzer::engine::advice::{fill, NOT_GIVEN};
    let vars: regiewijzer::engine::map::Map<String, String> =
        [("plan".to_string(), "Routeplan".to_string()), ("methode".to_string(), String::new())].into_iter().collect();
    assert_eq!(fill("Stel het {plan} op", &vars), "Stel het Routeplan op");
    assert_eq!(fill("Methode: {methode}.", &vars), format!("Methode: {NOT_GIVEN}."));
    assert_eq!(fill("{onbekend} en { los", &vars), "{onbekend} en { los");
}

#[test]
fn a_zero_length_rhythm_does_not_hang() {
    let reg = Registry::builtin();
    let mut c = reg.get("westfriesland").unwrap().cadence("intensief").unwrap().clone();
    c.first_year_every = Some(Span::Weeks(0));
    c.after_first_year_every = Span::Months(0);
    let s = schedule(&c, Some(d("2026-01-05")), Some(d("2030-01-05")));
    assert!(s.entries.len() <= regiewijzer::engine::dates::MAX_ENTRIES);
}

#[test]
fn headings_are_shown_without_the_documents_trailing_colon_and_footnote_mark() {
    use regiewijzer::engine::model::heading_label;
    // Review ZL-3: Zeeland's headings end in ":" and "*:" in the text; the rule file keeps them
    // verbatim (the audit finds them), users read them without.
    assert_eq!(heading_label("Uitgangspunten bij alle regie-vormen*:"), "Uitgangspunten bij alle regie-vormen");
    assert_eq!(heading_label("Procesregie Jeugd:"), "Procesregie Jeugd");
    assert_eq!(heading_label("Taken — De casusregisseur"), "Taken — De casusregisseur");
    let reg = Registry::builtin();
    let g = reg.get("zeeland").unwrap();
    let a = advise(
        g,
        &answers(&[("rol", "toegang"), ("kader", "vrijwillig"), ("veiligheid", "nee"), ("ander_mandaat", "nee")]),
        &Dates::default(),
    )
    .unwrap();
    let dossier = regiewijzer::engine::advice::dossier_text(&a, "2026-11-22").unwrap();
    assert!(
        dossier.contains("; Uitgangspunten bij alle regie-vormen;") || dossier.contains("; Uitgangspunten bij alle regie-vormen\n"),
        "{dossier}"
    );
    assert!(!dossier.contains("*:"), "{dossier}");
}
