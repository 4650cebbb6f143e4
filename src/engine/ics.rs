//! Calendar files (RFC 5545): the dated entries of an advice as events for Outlook and other agendas.
//!
//! An entry `JJJJ-MM-DD` becomes an all-day event (DTEND is the next day, exclusive); a moment
//! `JJJJ-MM-DDTUU:MM` becomes a one-hour event in Europe/Amsterdam, whose rules the file then carries
//! in a VTIMEZONE. Each UID is a hash of guideline, outcome, date and text, so a re-imported file
//! updates the same events. Texts hold only what the rule file and the dates say (no personal data).
//! Dates are written by hand (chrono's strftime costs ~20 KB of wasm); the caller gives the DTSTAMP,
//! as the engine has no clock.

use crate::engine::advice::Advice;
use crate::engine::dates::{add_hours, parse_date, parse_moment, EntryKind};
use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

/// Central European Time with the EU rule: summer time from the last Sunday of March 02:00 to the
/// last Sunday of October 03:00 (the DTSTARTs are those Sundays in 1970).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// Words of a moment's text used in its SUMMARY.
const SUMMARY_WORDS: usize = 7;

/// The .ics text (RFC 5545) for every dated entry of the advice's schedule; None when nothing is
/// dated. `stamp` is the DTSTAMP in UTC ("20261122T101500Z"), given by the caller: the engine has no clock.
pub fn calendar(a: &Advice, stamp: &str) -> Option<String> {
    let g = &a.guideline;
    let outcome = a.outcome.as_ref();
    let region = g.region.split(" (").next().unwrap_or_default().trim();
    let stamp: String = stamp.chars().filter(char::is_ascii_alphanumeric).collect();
    let mut uids: Vec<String> = Vec::new();
    let mut events = String::new();
    let mut moment = false;
    for e in &a.schedule.as_ref()?.entries {
        let (start, end) = if e.date.contains('T') {
            let Ok(t) = parse_moment("datum", &e.date) else { continue };
            moment = true;
            (format!(";TZID=Europe/Amsterdam:{}", date_time(t)), format!(";TZID=Europe/Amsterdam:{}", date_time(add_hours(t, 1, false))))
        } else {
            let Some((d, next)) = parse_date("datum", &e.date).ok().and_then(|d| Some((d, d.succ_opt()?))) else { continue };
            (format!(";VALUE=DATE:{}", date(d)), format!(";VALUE=DATE:{}", date(next)))
        };
        let id = uid(&[&g.id, outcome.map_or("", |o| &o.id), &e.date, &e.what]);
        // The same text on the same date twice would be the same event.
        if uids.contains(&id) {
            continue;
        }
        let label = match e.kind {
            EntryKind::Tussenevaluatie => "tussenevaluatie".to_string(),
            EntryKind::Evaluatie => "evaluatie".to_string(),
            EntryKind::Evaluatiegesprek => "evaluatiegesprek".to_string(),
            EntryKind::Moment => first_words(&e.what),
        };
        let mut description = e.what.trim().to_string();
        if let Some(o) = outcome {
            description.push_str(&format!("\nUitkomst: {}", o.title.trim()));
        }
        description.push_str(&format!("\nBron: {} ({})", g.title.trim(), g.document_date.trim()));
        events.push_str("BEGIN:VEVENT\r\n");
        line(&mut events, &format!("UID:{id}"));
        line(&mut events, &format!("DTSTAMP:{stamp}"));
        line(&mut events, &format!("DTSTART{start}"));
        line(&mut events, &format!("DTEND{end}"));
        line(&mut events, &format!("SUMMARY:{}", text(&format!("Regiewijzer {region}: {label}"))));
        line(&mut events, &format!("DESCRIPTION:{}", text(&description)));
        if !e.date.contains('T') {
            // A reminder day, not a day of being busy.
            events.push_str("TRANSP:TRANSPARENT\r\n");
        }
        events.push_str("END:VEVENT\r\n");
        uids.push(id);
    }
    if uids.is_empty() {
        return None;
    }
    let mut out = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Regiewijzer//Regiewijzer//NL\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n",
    );
    if moment {
        out.push_str(VTIMEZONE);
    }
    out.push_str(&events);
    out.push_str("END:VCALENDAR\r\n");
    Some(out)
}

/// A file name for the download, e.g. "regiewijzer-westfriesland.ics".
pub fn file_name(a: &Advice) -> String {
    let id: String = a.guideline.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '-' }).collect();
    format!("regiewijzer-{id}.ics")
}

/// `20260415`.
fn date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// `20260112T140000` (local time, no `Z`).
fn date_time(t: NaiveDateTime) -> String {
    format!("{}T{:02}{:02}00", date(t.date()), t.hour(), t.minute())
}

/// 64-bit FNV-1a over the parts (each ended by 0xFF, a byte UTF-8 never holds), in hex.
fn uid(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in parts.iter().flat_map(|p| p.bytes().chain([0xff])) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}@regiewijzer")
}

/// The first words of a text, up to the end of its first sentence; "…" when cut short.
fn first_words(what: &str) -> String {
    let mut words = what.split_whitespace();
    let mut out = String::new();
    for (i, w) in words.by_ref().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
        if w.ends_with(['.', '!', '?']) {
            return out.trim_end_matches('.').to_string();
        }
        if i + 1 == SUMMARY_WORDS {
            break;
        }
    }
    let cut = words.next().is_some();
    let mut out = out.trim_end_matches([',', ';', ':']).to_string();
    if cut {
        out.push('…');
    }
    out
}

/// A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped, other control
/// characters dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line with CRLF, folded at 75 octets (RFC 5545 3.1): CRLF and one space before
/// each continuation, never inside a UTF-8 character, and never right after a space or tab (lenient
/// readers trim line ends) or a backslash (so an escape such as `\n` stays on one line).
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut max = 75;
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        while cut > 1 && matches!(rest.as_bytes()[cut - 1], b' ' | b'\t' | b'\\') {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        max = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}
