//! Calendar files (src/engine/ics.rs): generated from advices on tests/fixtures/ics.json, parsed back
//! with the `ical` crate and checked against the schedule and RFC 5545 (CRLF, folding, escaping).

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, Weekday};
use ical::parser::ical::component::{IcalCalendar, IcalEvent, IcalTimeZoneTransitionType};
use ical::property::Property;
use regiewijzer::engine::dates::{Entry, EntryKind};
use regiewijzer::engine::ics::{calendar, file_name};
use regiewijzer::engine::{advise, load, Advice, Answers, Dates, Guideline};

const STAMP: &str = "20261122T101500Z";

fn guideline() -> Guideline {
    load("ics", include_str!("fixtures/ics.json")).expect("fixture loads")
}

fn advice(answer: &str, start: Option<&str>, end: Option<&str>, moment: Option<&str>) -> Advice {
    let answers: Answers = [("soort".to_string(), answer.to_string())].into_iter().collect();
    let s = |v: Option<&str>| v.map(str::to_string);
    advise(&guideline(), &answers, &Dates { start: s(start), end: s(end), moment: s(moment), ..Dates::default() }).unwrap()
}

/// Ambulant: the cadence from 31 January 2026 to 31 December 2027.
fn cadence() -> Advice {
    advice("ambulant", Some("2026-01-31"), Some("2027-12-31"), None)
}

/// Crisis placed on Friday 9 January 2026 14:00.
fn crisis() -> Advice {
    advice("crisis", None, None, Some("2026-01-09T14:00"))
}

fn ics(a: &Advice) -> String {
    calendar(a, STAMP).expect("dated entries give a calendar")
}

fn parse(text: &str) -> IcalCalendar {
    let mut cals = ical::IcalParser::new(text.as_bytes());
    let cal = cals.next().expect("one calendar").expect("parses");
    assert!(cals.next().is_none(), "exactly one VCALENDAR");
    cal
}

fn prop<'a>(props: &'a [Property], name: &str) -> &'a Property {
    let mut found = props.iter().filter(|p| p.name == name);
    let p = found.next().unwrap_or_else(|| panic!("{name} missing"));
    assert!(found.next().is_none(), "{name} twice");
    p
}

fn value<'a>(props: &'a [Property], name: &str) -> &'a str {
    prop(props, name).value.as_deref().unwrap_or("")
}

fn params(p: &Property) -> Vec<(String, Vec<String>)> {
    p.params.clone().unwrap_or_default()
}

fn param(key: &str, val: &str) -> Vec<(String, Vec<String>)> {
    vec![(key.to_string(), vec![val.to_string()])]
}

/// Strict RFC 5545 unfolding: CRLF followed by one space or tab is removed.
fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Undoes TEXT escaping.
fn unescape(v: &str) -> String {
    let mut out = String::new();
    let mut chars = v.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(c @ ('\\' | ';' | ',')) => out.push(c),
            other => panic!("bad escape \\{other:?} in {v:?}"),
        }
    }
    out
}

/// The unfolded property line `NAME...:value` of each event, from the raw text.
fn raw_lines<'a>(unfolded: &'a str, name: &str) -> Vec<&'a str> {
    unfolded.split("\r\n").filter(|l| l.starts_with(name)).collect()
}

fn ics_date(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y%m%d").unwrap()
}

fn ics_time(t: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(t, "%Y%m%dT%H%M%S").unwrap()
}

/// CRLF only, no physical line over 75 octets, continuations start with one space.
fn assert_well_formed(text: &str) {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    let bytes = text.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => assert!(i > 0 && bytes[i - 1] == b'\r', "LF without CR at {i}"),
            b'\r' => assert!(bytes.get(i + 1) == Some(&b'\n'), "CR without LF at {i}"),
            _ => {}
        }
    }
    for l in text.trim_end_matches("\r\n").split("\r\n") {
        assert!(l.len() <= 75, "line of {} octets: {l:?}", l.len());
        assert!(!l.is_empty(), "empty line");
        assert!(!l.ends_with(' '), "line ends with a space (lenient readers trim it): {l:?}");
        assert!(!l.ends_with('\\'), "escape split over two lines: {l:?}");
    }
}

fn dtstart_matches(ev: &IcalEvent, e: &Entry) {
    let p = prop(&ev.properties, "DTSTART");
    let v = p.value.as_deref().unwrap();
    if e.date.contains('T') {
        assert_eq!(params(p), param("TZID", "Europe/Amsterdam"), "{}", e.date);
        assert_eq!(v, format!("{}00", e.date.replace(['-', ':'], "")));
    } else {
        assert_eq!(params(p), param("VALUE", "DATE"), "{}", e.date);
        assert_eq!(v, e.date.replace('-', ""));
    }
}

/// 64-bit FNV-1a over the parts, each followed by a 0xFF byte.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h = 0xcbf29ce484222325u64;
    for p in parts {
        for &b in p.as_bytes().iter().chain(&[0xff]) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h
}

#[test]
fn fixture_dates_both_outcomes() {
    let c = cadence();
    let dates: Vec<&str> = c.schedule.as_ref().unwrap().entries.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, ["2026-04-30", "2026-07-31", "2026-10-31", "2027-01-31", "2027-07-31", "2027-11-05"]);
    let m = crisis();
    let dates: Vec<&str> = m.schedule.as_ref().unwrap().entries.iter().map(|e| e.date.as_str()).collect();
    // Friday 14:00 + 24 hours without the weekend, and + 72 clock hours: both Monday 14:00.
    assert_eq!(dates, ["2026-01-12T14:00", "2026-01-12T14:00"]);
}

#[test]
fn calendar_header_and_one_event_per_entry() {
    for a in [cadence(), crisis()] {
        let text = ics(&a);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"), "{text}");
        let cal = parse(&text);
        assert_eq!(value(&cal.properties, "VERSION"), "2.0");
        assert_eq!(value(&cal.properties, "PRODID"), "-//Regiewijzer//Regiewijzer//NL");
        assert_eq!(value(&cal.properties, "CALSCALE"), "GREGORIAN");
        assert_eq!(value(&cal.properties, "METHOD"), "PUBLISH");
        let entries = &a.schedule.as_ref().unwrap().entries;
        assert_eq!(cal.events.len(), entries.len());
        for (ev, e) in cal.events.iter().zip(entries) {
            dtstart_matches(ev, e);
            assert_eq!(value(&ev.properties, "DTSTAMP"), STAMP);
            prop(&ev.properties, "DTEND");
            prop(&ev.properties, "UID");
        }
    }
}

#[test]
fn all_day_events_end_the_next_day() {
    // The second plan has a year point on 31 December 2026.
    let later = advice("ambulant", Some("2025-12-31"), Some("2027-12-31"), None);
    let mut pairs = Vec::new();
    for a in [cadence(), later] {
        let cal = parse(&ics(&a));
        for ev in &cal.events {
            let end = prop(&ev.properties, "DTEND");
            assert_eq!(params(end), param("VALUE", "DATE"));
            let (s, e) = (value(&ev.properties, "DTSTART"), value(&ev.properties, "DTEND"));
            assert_eq!(ics_date(e), ics_date(s) + TimeDelta::days(1), "{s} → {e}");
            assert_eq!(value(&ev.properties, "TRANSP"), "TRANSPARENT");
            pairs.push((s.to_string(), e.to_string()));
        }
    }
    for (s, e) in [("20260430", "20260501"), ("20261031", "20261101"), ("20261231", "20270101"), ("20270131", "20270201")] {
        assert!(pairs.contains(&(s.to_string(), e.to_string())), "{s} → {e} in {pairs:?}");
    }
}

#[test]
fn moments_are_one_hour_in_amsterdam_time() {
    let cal = parse(&ics(&crisis()));
    assert_eq!(cal.events.len(), 2);
    for ev in &cal.events {
        let (s, e) = (prop(&ev.properties, "DTSTART"), prop(&ev.properties, "DTEND"));
        assert_eq!(params(s), param("TZID", "Europe/Amsterdam"));
        assert_eq!(params(e), param("TZID", "Europe/Amsterdam"));
        assert_eq!(s.value.as_deref(), Some("20260112T140000"));
        assert_eq!(e.value.as_deref(), Some("20260112T150000"));
    }
    // Late in the evening the hour runs into the next day.
    let late = parse(&ics(&advice("crisis", None, None, Some("2026-01-09T23:30"))));
    for ev in &late.events {
        let (s, e) = (value(&ev.properties, "DTSTART"), value(&ev.properties, "DTEND"));
        assert_eq!(s, "20260112T233000");
        assert_eq!(e, "20260113T003000");
        assert_eq!(ics_time(e) - ics_time(s), TimeDelta::hours(1));
    }
}

#[test]
fn vtimezone_only_with_a_moment() {
    let text = ics(&cadence());
    assert!(!text.contains("VTIMEZONE") && !text.contains("TZID"), "{text}");
    assert!(parse(&text).timezones.is_empty());

    let text = ics(&crisis());
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1, "one VTIMEZONE for two moments");
    assert!(text.find("BEGIN:VTIMEZONE").unwrap() < text.find("BEGIN:VEVENT").unwrap(), "time zone before the events");
    let cal = parse(&text);
    assert_eq!(cal.timezones.len(), 1);
    let tz = &cal.timezones[0];
    assert_eq!(value(&tz.properties, "TZID"), "Europe/Amsterdam");
    assert_eq!(tz.transitions.len(), 2);
    let mut seen = Vec::new();
    for t in &tz.transitions {
        let p = &t.properties;
        let name = value(p, "TZNAME");
        let (from, to, month) = match (name, &t.transition) {
            ("CET", IcalTimeZoneTransitionType::STANDARD) => ("+0200", "+0100", 10),
            ("CEST", IcalTimeZoneTransitionType::DAYLIGHT) => ("+0100", "+0200", 3),
            other => panic!("unexpected transition {other:?}"),
        };
        assert_eq!(value(p, "TZOFFSETFROM"), from);
        assert_eq!(value(p, "TZOFFSETTO"), to);
        assert_eq!(value(p, "RRULE"), format!("FREQ=YEARLY;BYMONTH={month};BYDAY=-1SU"));
        // DTSTART is itself a last Sunday of that month, at the switch (02:00 CET, 03:00 CEST).
        let start = ics_time(value(p, "DTSTART"));
        assert_eq!(start.date().month(), month);
        assert_eq!(start.date().weekday(), Weekday::Sun);
        assert_ne!((start.date() + TimeDelta::days(7)).month(), month);
        assert_eq!(start.format("%H%M").to_string(), if name == "CET" { "0300" } else { "0200" });
        seen.push(name.to_string());
    }
    seen.sort();
    assert_eq!(seen, ["CEST", "CET"]);
}

#[test]
fn date_only_moment_is_an_all_day_event() {
    let mut a = cadence();
    let s = a.schedule.as_mut().unwrap();
    s.entries = vec![Entry {
        date: "2026-03-01".into(),
        date_nl: String::new(),
        kind: EntryKind::Moment,
        what: "Ongeveer een maand na de overdracht: de procesregisseur controleert hoe het gaat.".into(),
    }];
    let text = ics(&a);
    assert!(!text.contains("VTIMEZONE"));
    let cal = parse(&text);
    let ev = &cal.events[0];
    assert_eq!(value(&ev.properties, "DTSTART"), "20260301");
    assert_eq!(value(&ev.properties, "DTEND"), "20260302");
    assert_eq!(unescape(value(&ev.properties, "SUMMARY")), "Regiewijzer Testregio: Ongeveer een maand na de overdracht: de…");
}

#[test]
fn summary_names_region_and_what() {
    let summaries =
        |a: &Advice| -> Vec<String> { parse(&ics(a)).events.iter().map(|ev| unescape(value(&ev.properties, "SUMMARY"))).collect() };
    assert_eq!(
        summaries(&cadence()),
        [
            "Regiewijzer Testregio: tussenevaluatie",
            "Regiewijzer Testregio: evaluatie",
            "Regiewijzer Testregio: evaluatie",
            "Regiewijzer Testregio: evaluatie",
            "Regiewijzer Testregio: evaluatie",
            "Regiewijzer Testregio: evaluatiegesprek",
        ]
    );
    assert_eq!(
        summaries(&crisis()),
        [
            "Regiewijzer Testregio: Uiterlijk: Ronde Tafel met jeugdige, ouders, crisispartner…",
            "Regiewijzer Testregio: Einde crisisplaatsing",
        ]
    );
}

#[test]
fn description_holds_what_outcome_and_source() {
    let a = cadence();
    let cal = parse(&ics(&a));
    let o = a.outcome.as_ref().unwrap();
    for (ev, e) in cal.events.iter().zip(&a.schedule.as_ref().unwrap().entries) {
        assert_eq!(
            unescape(value(&ev.properties, "DESCRIPTION")),
            format!("{}\nUitkomst: {}\nBron: Leidraad regie; agenda, test (versie 1 januari 2026)", e.what, o.title)
        );
    }
}

#[test]
fn crlf_only_and_lines_at_most_75_octets() {
    for a in [cadence(), crisis(), advice("crisis", None, None, Some("2026-01-09T23:30"))] {
        assert_well_formed(&ics(&a));
    }
}

#[test]
fn long_dutch_description_round_trips_through_folding() {
    let a = crisis();
    let text = ics(&a);
    assert_well_formed(&text);
    let what = &a.schedule.as_ref().unwrap().entries[0].what;
    assert!(what.contains('é') && what.contains('ë'));
    let expected =
        format!("{what}\nUitkomst: Crisis: regie bij de crisisdienst\nBron: Leidraad regie; agenda, test (versie 1 januari 2026)");
    // Folded in the raw text …
    let raw_start = text.find("DESCRIPTION:").unwrap();
    assert!(text[raw_start..].split("\r\n").nth(1).unwrap().starts_with(' '), "long DESCRIPTION is folded");
    // … strict unfolding gives the escaped text back …
    let unfolded = unfold(&text);
    let line = raw_lines(&unfolded, "DESCRIPTION:")[0];
    assert_eq!(unescape(&line["DESCRIPTION:".len()..]), expected);
    // … and so does the ical crate's reader.
    let cal = parse(&text);
    assert_eq!(unescape(value(&cal.events[0].properties, "DESCRIPTION")), expected);
}

#[test]
fn folding_never_splits_a_character_or_an_escape() {
    // Every offset, so some fold falls on each byte of 2-, 3- and 4-byte characters and of escapes.
    for k in 0..8 {
        let mut a = cadence();
        let what = format!("{}{}", "a".repeat(k), "éë,ü€;😀\\ \n".repeat(30));
        a.schedule.as_mut().unwrap().entries.truncate(1);
        a.schedule.as_mut().unwrap().entries[0].what = what.clone();
        let text = ics(&a);
        assert_well_formed(&text);
        let unfolded = unfold(&text);
        let got = unescape(&raw_lines(&unfolded, "DESCRIPTION:")[0]["DESCRIPTION:".len()..]);
        assert!(got.starts_with(what.trim_end()), "k={k}: {got:?}");
        let cal = parse(&text);
        assert_eq!(unescape(value(&cal.events[0].properties, "DESCRIPTION")), got, "k={k}");
    }
}

#[test]
fn text_is_escaped() {
    let mut a = crisis();
    a.schedule.as_mut().unwrap().entries[1].what = "Let op, a;b\\c\nnieuwe regel\r\nen nog één".into();
    let text = ics(&a);
    assert_well_formed(&text);
    let unfolded = unfold(&text);
    let desc = raw_lines(&unfolded, "DESCRIPTION:")[1];
    assert!(
        desc.starts_with("DESCRIPTION:Let op\\, a\\;b\\\\c\\nnieuwe regel\\nen nog één\\nUitkomst: Crisis: regie bij de crisisdienst\\nBron: Leidraad regie\\; agenda\\, test (versie 1 januari 2026)"),
        "{desc}"
    );
    assert_eq!(
        unescape(&desc["DESCRIPTION:".len()..]),
        "Let op, a;b\\c\nnieuwe regel\nen nog één\nUitkomst: Crisis: regie bij de crisisdienst\nBron: Leidraad regie; agenda, test (versie 1 januari 2026)"
    );
    let summary = raw_lines(&unfolded, "SUMMARY:")[1];
    assert_eq!(summary, "SUMMARY:Regiewijzer Testregio: Let op\\, a\\;b\\\\c nieuwe regel en nog…");
    // No raw newline or CR survives inside a value.
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
}

#[test]
fn uids_stable_across_runs_and_distinct_within_a_file() {
    let uids = |text: &str| -> Vec<String> { parse(text).events.iter().map(|ev| value(&ev.properties, "UID").to_string()).collect() };
    for make in [cadence as fn() -> Advice, crisis] {
        let one = uids(&ics(&make()));
        let two = uids(&calendar(&make(), "20300101T000000Z").unwrap());
        assert_eq!(one, two, "same advice and dates, same UIDs");
        let mut sorted = one.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), one.len(), "distinct within a file: {one:?}");
        for u in &one {
            let (hex, host) = u.split_once('@').unwrap();
            assert_eq!(host, "regiewijzer");
            assert!(hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()), "{u}");
        }
    }
    // Only DTSTAMP differs between runs.
    let other = "20300101T000000Z";
    assert_eq!(ics(&crisis()).replace(STAMP, other), calendar(&crisis(), other).unwrap());
    // The documented hash, so a change (and thus duplicated events on re-import) shows up here.
    let a = cadence();
    let e = &a.schedule.as_ref().unwrap().entries[0];
    assert_eq!(uids(&ics(&a))[0], format!("{:016x}@regiewijzer", fnv1a(&["ics-test", "regie_lokaal", &e.date, &e.what])));
    // The same entry keeps its UID when another date changes; a changed date gives a new one.
    let shorter = uids(&ics(&advice("ambulant", Some("2026-01-31"), Some("2027-06-30"), None)));
    let full = uids(&ics(&cadence()));
    assert_eq!(shorter[0], full[0]);
    assert!(!full.contains(shorter.last().unwrap()), "evaluatiegesprek on another date");
    // Other guideline or outcome, other UIDs.
    let mut moved = cadence();
    moved.guideline.id = "elders".into();
    assert!(uids(&ics(&moved)).iter().all(|u| !full.contains(u)));
}

#[test]
fn none_when_nothing_is_dated() {
    assert_eq!(calendar(&advice("ambulant", None, None, None), STAMP), None, "cadence without a start date");
    assert_eq!(calendar(&advice("crisis", None, None, None), STAMP), None, "timeline without the moment");
    assert_eq!(calendar(&advice("crisis", Some("2026-01-31"), None, None), STAMP), None, "a date the outcome does not use");
    assert_eq!(calendar(&advice("geen", Some("2026-01-31"), Some("2027-12-31"), None), STAMP), None, "no plan");
    let open = advise(&guideline(), &Answers::new(), &Dates::default()).unwrap();
    assert_eq!(calendar(&open, STAMP), None, "no outcome yet");
    // A start date alone dates the first year.
    assert!(calendar(&advice("ambulant", Some("2026-01-31"), None, None), STAMP).is_some());
}

#[test]
fn file_name_from_the_guideline_id() {
    assert_eq!(file_name(&cadence()), "regiewijzer-ics-test.ics");
}
