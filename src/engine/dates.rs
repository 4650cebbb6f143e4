//! Evaluation dates. Dates are inputs (no hidden "today"), so every schedule is testable.
//!
//! Month arithmetic: adding n calendar months keeps the day number, or falls back to the last day of
//! the target month when that day does not exist (31 January + 3 months = 30 April; in a leap year
//! 30 November + 3 months = 29 February). Every point is computed from the start date, never by
//! chaining, so 31 January + 6 months is 31 July, not 30 July. Weeks are 7 days; 8 weeks = 56 days.
//! Years are 12 calendar months, so a birthday on 29 February falls on 28 February in other years.
//! Hours are clock hours on a date and time; with `skip_weekends`, hours on Saturday and Sunday do not
//! count (Friday 14:00 + 24 hours = Monday 14:00; Saturday 10:00 + 24 hours = Tuesday 00:00).

use crate::engine::error::AnswerError;
use crate::engine::model::{Cadence, DateField, Span, Timeline};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Weekday};
use serde::Serialize;

/// Parses `JJJJ-MM-DD`. `field` names the input in the error ("startdatum").
pub fn parse_date(field: &str, value: &str) -> Result<NaiveDate, AnswerError> {
    let bad = || AnswerError::BadDate { field: field.to_string(), value: value.to_string() };
    let mut parts = value.trim().splitn(3, '-');
    let mut num = || parts.next().and_then(|p| p.parse::<u32>().ok());
    let (y, m, d) = (num().ok_or_else(bad)?, num().ok_or_else(bad)?, num().ok_or_else(bad)?);
    if !(1900..=2200).contains(&y) {
        return Err(bad());
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)
}

/// Parses a moment `JJJJ-MM-DDTUU:MM` (or with a space instead of `T`).
pub fn parse_moment(field: &str, value: &str) -> Result<NaiveDateTime, AnswerError> {
    let bad = || AnswerError::BadDate { field: field.to_string(), value: value.to_string() };
    let v = value.trim();
    let (d, t) = v.split_once(['T', ' ']).ok_or_else(bad)?;
    let date = parse_date(field, d).map_err(|_| bad())?;
    let (h, m) = t.split_once(':').ok_or_else(bad)?;
    let num = |x: &str| x.parse::<u32>().ok();
    let time = NaiveTime::from_hms_opt(num(h).ok_or_else(bad)?, num(m.get(..2).unwrap_or(m)).ok_or_else(bad)?, 0).ok_or_else(bad)?;
    Ok(date.and_time(time))
}

/// `d` plus a span, per the month rule above (hours count as whole days). `None` beyond chrono's range.
pub fn add(d: NaiveDate, span: Span, times: u32) -> Option<NaiveDate> {
    match span {
        Span::Months(n) => d.checked_add_months(Months::new(n.checked_mul(times)?)),
        Span::Years(n) => d.checked_add_months(Months::new(n.checked_mul(12)?.checked_mul(times)?)),
        Span::Weeks(n) => d.checked_add_days(Days::new(7 * u64::from(n) * u64::from(times))),
        Span::Hours(n) => d.checked_add_days(Days::new(u64::from(n) * u64::from(times) / 24)),
    }
}

/// `hours` as a span (never out of chrono's range: a `u32` of hours is far within it). Not
/// `TimeDelta::hours`, whose out-of-range panic keeps its message in the wasm.
fn hours_delta(hours: u32) -> TimeDelta {
    TimeDelta::new(i64::from(hours) * 3600, 0).unwrap_or_default()
}

/// `t` plus `hours` clock hours; with `skip_weekends`, Saturday and Sunday hours do not count.
pub fn add_hours(t: NaiveDateTime, hours: u32, skip_weekends: bool) -> NaiveDateTime {
    if !skip_weekends {
        return t + hours_delta(hours);
    }
    let weekend = |t: NaiveDateTime| matches!(t.weekday(), Weekday::Sat | Weekday::Sun);
    let midnight = |d: NaiveDate| d.and_time(NaiveTime::MIN);
    let mut t = t;
    let mut left = hours_delta(hours);
    while left > TimeDelta::zero() {
        if weekend(t) {
            let to_monday = 7 - u64::from(t.weekday().num_days_from_monday());
            t = midnight(t.date() + Days::new(to_monday));
            continue;
        }
        let saturday = midnight(t.date() + Days::new(5 - u64::from(t.weekday().num_days_from_monday())));
        let step = left.min(saturday - t);
        t += step;
        left -= step;
    }
    t
}

const WEEKDAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const MONTHS: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/// Dutch date as users write it: "di 15 april 2026".
pub fn format_nl(d: NaiveDate) -> String {
    let wd = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    format!("{wd} {} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// ISO moment `2026-01-12T14:00` (written by hand: chrono's strftime costs ~20 KB of wasm).
pub fn iso_moment(t: NaiveDateTime) -> String {
    format!("{}T{:02}:{:02}", t.date(), t.hour(), t.minute())
}

/// Dutch date and time: "ma 12 januari 2026 14:00".
pub fn format_nl_time(t: NaiveDateTime) -> String {
    format!("{} {:02}:{:02}", format_nl(t.date()), t.hour(), t.minute())
}

/// What kind of moment a schedule entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    /// The first talk after the start.
    Tussenevaluatie,
    /// A periodic evaluation.
    Evaluatie,
    /// The evaluatiegesprek before the indicatie ends.
    Evaluatiegesprek,
    /// A moment of a timeline (a deadline, a birthday, a check after a handover).
    Moment,
}

/// One dated moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// ISO date, `2026-04-15`.
    pub date: String,
    /// Dutch date, "wo 15 april 2026".
    pub date_nl: String,
    /// What kind of moment it is (an evaluation, the evaluatiegesprek, a deadline, …).
    pub kind: EntryKind,
    /// What happens, in Dutch.
    pub what: String,
}

/// The dated plan of an outcome: its cadence and/or timelines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Schedule {
    /// The cadence id, when the plan comes from one.
    pub cadence: String,
    /// The dates the user can fill in for this plan, in order.
    pub inputs: Vec<DateField>,
    /// The dated moments (none while a date the plan needs is missing).
    pub entries: Vec<Entry>,
    /// The rhythm in words, always present (also when dates are missing or wrong).
    pub rhythm: Vec<String>,
    /// Problems with the dates, in Dutch; empty when the dates are fine.
    pub messages: Vec<String>,
}

/// At most this many dated entries (an indicatie of many years at a six-week rhythm stays readable).
pub const MAX_ENTRIES: usize = 60;

/// A periodic evaluation that would fall less than this many days before the evaluatiegesprek is left
/// out: the evaluatiegesprek takes its place, as it evaluates the same (are the results of the
/// perspectiefplan reached?). Four weeks is less than the shortest interval the guideline sets
/// between two talks (six weeks, intensief), so leaving one out lengthens the last interval by less
/// than one step of any rhythm, while no evaluation is planned in the weeks just before the gesprek.
pub const NEAR_GESPREK_DAYS: u32 = 28;

/// Computes the evaluation dates for `c` from the start date (perspectiefplan written, support
/// deployed) and the end date of the indicatie.
///
/// 1. Tussenevaluatie: start + `first_review`.
/// 2. First year: from the tussenevaluatie every `first_year_every`, while before start + 1 year.
/// 3. After the first year: every `after_first_year_every`, counted from the evaluation one year after
///    the start where `year_review` is set, else from the last talk of the first year, so the rhythm
///    runs on without a hole (matig: months 3, 6, 9, then 15, 21, …).
/// 4. Evaluatiegesprek: `days_before_end` days before the end; dated entries stop before it, and a
///    periodic evaluation less than [`NEAR_GESPREK_DAYS`] before it is left out.
///
/// Without a start date nothing is dated; without an end date, the dates of the first year (and the
/// year evaluation, where set) are given and the evaluatiegesprek is described in words.
pub fn schedule(c: &Cadence, start: Option<NaiveDate>, end: Option<NaiveDate>) -> Schedule {
    let mut s = Schedule {
        cadence: c.id.clone(),
        inputs: vec![DateField::Start, DateField::End],
        entries: Vec::new(),
        rhythm: rhythm(c),
        messages: Vec::new(),
    };
    let Some(start) = start else {
        s.messages.push("Vul de startdatum in (het moment waarop het perspectiefplan is opgesteld en de ondersteuning is ingezet) om de evaluatiedata te berekenen.".into());
        return s;
    };
    if let Some(end) = end {
        if end <= start {
            s.messages.push(format!(
                "De einddatum van de indicatie ({}) ligt niet na de startdatum ({}). Controleer de data; het ritme staat hieronder in woorden.",
                format_nl(end),
                format_nl(start)
            ));
            return s;
        }
    }
    let gesprek = end.and_then(|e| e.checked_sub_days(Days::new(u64::from(c.days_before_end))));
    if let Some(g) = gesprek {
        if g <= start {
            s.messages.push(format!(
                "De indicatie is korter dan {} dagen: het evaluatiegesprek valt vóór of op de startdatum. Plan het zo snel mogelijk.",
                c.days_before_end
            ));
        }
    }
    let before_gesprek = |d: NaiveDate| gesprek.is_none_or(|g| d < g);
    // A periodic evaluation this close to the gesprek is left out (the gesprek takes its place).
    let near_gesprek = |d: NaiveDate| gesprek.is_some_and(|g| (g - d).num_days() < i64::from(NEAR_GESPREK_DAYS));
    let push = |s: &mut Schedule, d: NaiveDate, kind: EntryKind, what: String| {
        if s.entries.len() < MAX_ENTRIES {
            s.entries.push(Entry { date: d.to_string(), date_nl: format_nl(d), kind, what });
        }
    };

    let Some(year) = add(start, Span::Months(12), 1) else { return s };
    let Some(first) = add(start, c.first_review, 1) else { return s };
    if before_gesprek(first) {
        push(
            &mut s,
            first,
            EntryKind::Tussenevaluatie,
            format!(
            "Tussenevaluatie / afstemmoment, {} na de start. Zijn aanpassingen nodig, dan volgt na bijstelling een nieuwe tussenevaluatie.",
            c.first_review.describe()
        ),
        );
    }
    // The last talk of the first year, from which the later rhythm counts: its date and, where it lies
    // a whole number of months after the start, that number (months then count from the start).
    let mut last = (first, if let Span::Months(f) = c.first_review { Some(f) } else { None });
    if let Some(every) = c.first_year_every {
        // Bounded, so a zero-length span in a rule file cannot hang the widget.
        for k in 1..=MAX_ENTRIES as u32 {
            // Months count from the start (31 Jan + 6 months = 31 Jul, not 30 Jul via 30 Apr).
            let months = match (c.first_review, every) {
                (Span::Months(f), Span::Months(e)) => e.checked_mul(k).and_then(|m| m.checked_add(f)),
                _ => None,
            };
            let d = match months {
                Some(m) => add(start, Span::Months(m), 1),
                None => add(first, every, k),
            };
            let Some(d) = d else { break };
            if d >= year || !before_gesprek(d) {
                break;
            }
            last = (d, months);
            if near_gesprek(d) {
                continue;
            }
            push(
                &mut s,
                d,
                EntryKind::Evaluatie,
                format!("Tussenevaluatie (eerste jaar, {}); vorm: {}.", every.every(), c.form_decided_by),
            );
        }
    }
    if c.year_review {
        last = (year, Some(12));
        if before_gesprek(year) && !near_gesprek(year) {
            push(&mut s, year, EntryKind::Evaluatie, format!("Evaluatie één jaar na de start; vorm: {}.", c.later_form()));
        }
    }
    // Without an end date the later evaluations are not dated (the indicatie may end before them).
    let later = c.after_first_year_every;
    for k in 1..=(if gesprek.is_some() { MAX_ENTRIES as u32 } else { 0 }) {
        let d = match (last.1, later) {
            (Some(m), Span::Months(e)) => e.checked_mul(k).and_then(|x| x.checked_add(m)).and_then(|x| add(start, Span::Months(x), 1)),
            _ => add(last.0, later, k),
        };
        let Some(d) = d else { break };
        if !before_gesprek(d) || s.entries.len() >= MAX_ENTRIES {
            break;
        }
        if !near_gesprek(d) {
            push(&mut s, d, EntryKind::Evaluatie, format!("Evaluatie (na het eerste jaar {}); vorm: {}.", later.every(), c.later_form()));
        }
    }
    match gesprek {
        Some(g) if g > start => push(&mut s, g, EntryKind::Evaluatiegesprek, format!(
            "Evaluatiegesprek {} dagen (8 weken) vóór het einde van de indicatie op {}: zijn de resultaten uit het perspectiefplan behaald, moet de ondersteuning worden voortgezet?",
            c.days_before_end,
            end.map(format_nl).unwrap_or_default()
        )),
        Some(_) => {}
        None => s.messages.push("Vul de einddatum van de indicatie in voor de datum van het evaluatiegesprek (8 weken vóór het einde) en de evaluaties daarna.".into()),
    }
    s
}

/// The rhythm of `c` in Dutch sentences.
pub fn rhythm(c: &Cadence) -> Vec<String> {
    let mut r = vec![format!("Tussenevaluatie / afstemmoment {} na de start.", c.first_review.describe())];
    match c.first_year_every {
        Some(e) => r.push(format!("Daarna in het eerste jaar {} een tussenevaluatie.", e.every())),
        None => r.push("Daarna een evaluatiegesprek één jaar na de start.".into()),
    }
    let from = if c.year_review { "" } else { ", gerekend vanaf de laatste tussenevaluatie van het eerste jaar" };
    r.push(format!("Na het eerste jaar {} een evaluatie{from}.", c.after_first_year_every.every()));
    r.push(format!(
        "{} dagen (8 weken) vóór het einde van de indicatie altijd een evaluatiegesprek; een evaluatie minder dan {} weken daarvóór vervalt (het evaluatiegesprek komt in de plaats).",
        c.days_before_end,
        NEAR_GESPREK_DAYS / 7
    ));
    r.push(format!("Bij voortzetting van de ondersteuning: {} een evaluatie.", c.continuation_every.every()));
    match &c.later_form_decided_by {
        Some(later) => r.push(format!(
            "De vorm bepaalt in het eerste jaar: {}; daarna en bij voortzetting: {later}. Gemotiveerd afwijken is toegestaan.",
            c.form_decided_by
        )),
        None => r.push(format!("De vorm bepaalt: {}. Gemotiveerd afwijken is toegestaan.", c.form_decided_by)),
    }
    r
}

/// The moments of `t` counted from `from` (when given), with the rule in words. `label` names the
/// input date in the guideline's words (see [`crate::engine::model::Guideline::date_label`]).
pub fn timeline(t: &Timeline, from: Option<&str>, label: &str) -> Schedule {
    let mut s = Schedule { cadence: String::new(), inputs: vec![t.from], entries: Vec::new(), rhythm: Vec::new(), messages: Vec::new() };
    let after_what = match t.from {
        DateField::Birth => "na de geboortedatum",
        DateField::Moment => "na de plaatsing",
        DateField::Handover => "na de overdracht",
        DateField::Start => "na de start",
        DateField::End => "na het einde van de indicatie",
    };
    for item in &t.items {
        let weekend = if item.skip_weekends { ", weekenden niet meegeteld" } else { "" };
        let what = item.what.trim_end().trim_end_matches('.');
        s.rhythm.push(format!("{what}: {} {after_what}{weekend}.", item.after.describe()));
    }
    let Some(value) = from.map(str::trim).filter(|v| !v.is_empty()) else {
        s.messages.push(format!("Vul in: {}, om de data te berekenen.", lower_first(label)));
        return s;
    };
    if t.from == DateField::Moment {
        match parse_moment(label, value) {
            Ok(m) => {
                for item in &t.items {
                    let at = match item.after {
                        Span::Hours(h) => add_hours(m, h, item.skip_weekends),
                        other => match add(m.date(), other, 1) {
                            Some(d) => d.and_time(m.time()),
                            None => continue,
                        },
                    };
                    s.entries.push(Entry {
                        date: iso_moment(at),
                        date_nl: format_nl_time(at),
                        kind: EntryKind::Moment,
                        what: item.what.clone(),
                    });
                }
            }
            Err(e) => s.messages.push(e.to_string()),
        }
        return s;
    }
    match parse_date(label, value) {
        Ok(d) => {
            for item in &t.items {
                if let Some(at) = add(d, item.after, 1) {
                    s.entries.push(Entry {
                        date: at.to_string(),
                        date_nl: format_nl(at),
                        kind: EntryKind::Moment,
                        what: item.what.clone(),
                    });
                }
            }
        }
        Err(e) => s.messages.push(e.to_string()),
    }
    s
}

/// "Startdatum (…)" → "startdatum (…)", for use inside a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_ascii_lowercase().to_string() + c.as_str()).unwrap_or_default()
}

/// Joins plans into one: inputs in a fixed order, entries by date.
pub fn merge(parts: Vec<Schedule>) -> Option<Schedule> {
    let mut it = parts.into_iter();
    let mut all = it.next()?;
    for p in it {
        if all.cadence.is_empty() {
            all.cadence = p.cadence;
        }
        all.inputs.extend(p.inputs);
        all.entries.extend(p.entries);
        all.rhythm.extend(p.rhythm);
        all.messages.extend(p.messages);
    }
    // Insertion sorts: a handful of items, and far less code in the widget than slice::sort.
    let mut inputs: Vec<DateField> = Vec::new();
    for f in all.inputs.drain(..) {
        if !inputs.contains(&f) {
            let at = inputs.iter().position(|g| *g > f).unwrap_or(inputs.len());
            inputs.insert(at, f);
        }
    }
    all.inputs = inputs;
    let mut entries: Vec<Entry> = Vec::with_capacity(all.entries.len());
    for e in all.entries.drain(..) {
        let at = entries.iter().position(|x| x.date > e.date).unwrap_or(entries.len());
        entries.insert(at, e);
    }
    all.entries = entries;
    Some(all)
}
