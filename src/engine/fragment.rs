//! The walk in the URL fragment, readable and stable:
//!
//! ```text
//! #westfriesland/rol=toegang/verwijzer=huisarts/segment=b/product_b=profiel_8/start=2026-01-31/end=2027-12-31
//! ```
//!
//! The guideline id, then `question=option` in path order (`question=?` for "Weet ik niet"), then
//! the dates (`start`, `end`, `moment`, `birth`, `handover`). Only ids from the rule file and dates:
//! no free text, nothing personal. [`encode`] writes it; [`parse`] splits any string into parts
//! without judging them; [`restore`] checks the parts against the guideline and keeps what fits,
//! listing what it dropped and why, so a truncated, mangled or outdated link still opens the walk up
//! to its last valid step. Nothing here panics, whatever the input.

use crate::engine::advice::Dates;
use crate::engine::dates::{parse_date, parse_moment};
use crate::engine::model::{DateField, Guideline};
use crate::engine::walk::{walk_forked, Answers, Position, UNKNOWN};

/// Longest fragment read, in bytes; the rest of a longer one is dropped (a real walk needs < 400).
pub const MAX_LEN: usize = 2000;
/// Most `key=value` parts read.
pub const MAX_PARTS: usize = 64;

/// A fragment split into its parts, not yet checked against a guideline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The first part: the guideline id (may be unknown).
    pub guideline: String,
    /// `key=value` parts in order.
    pub pairs: Vec<(String, String)>,
    /// Parts that are not `key=value`, as written (shortened).
    pub malformed: Vec<String>,
    /// The fragment was longer than [`MAX_LEN`] or had more than [`MAX_PARTS`] parts.
    pub truncated: bool,
}

/// Why a part of a link was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dropped {
    /// Not `vraag=antwoord`.
    Malformed(String),
    /// The guideline has no such question (any more).
    UnknownQuestion(String),
    /// The question has no such option (any more).
    UnknownOption(String, String),
    /// The answer belongs to a route the other answers do not take.
    NotOnPath(String, String),
    /// A date that does not exist or is not `JJJJ-MM-DD` (`JJJJ-MM-DDTUU:MM` for `moment`).
    BadDate(String, String),
    /// The same question or date twice: the first counts.
    Duplicate(String),
    /// The link was cut off at [`MAX_LEN`].
    TooLong,
}

/// The walk a link restores, and what it dropped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Restored {
    /// The answers kept: each on the path the others take.
    pub answers: Answers,
    /// The dates kept: each a valid date (or moment).
    pub dates: Dates,
    /// Every part not used, with the reason.
    pub dropped: Vec<Dropped>,
}

/// The fragment for a guideline, its answers (in path order) and dates. `answers` off every path
/// are left out.
///
/// ```rust
/// use regiewijzer::engine::fragment::{encode, parse, restore, Dropped};
/// use regiewijzer::engine::{load, Answers, Dates};
///
/// # // The guideline of `load`'s example: one question, "veilig", leading to "wijkteam" or "gi".
/// # let json = r#"{
/// #   "id": "mini", "region": "Voorbeeldregio", "title": "Regie bij veiligheid", "seed": "mini.txt",
/// #   "document_date": "2026", "scope": "jeugdhulp", "valid_from": "2026-01-01", "start": "veilig",
/// #   "questions": [{
/// #     "id": "veilig", "short": "Veilig?", "text": "Is het kind veilig?",
/// #     "source": { "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." },
/// #     "options": [
/// #       { "id": "ja", "short": "ja", "label": "Ja", "goto": "wijkteam" },
/// #       { "id": "nee", "short": "nee", "label": "Nee", "goto": "gi" }
/// #     ]
/// #   }],
/// #   "outcomes": [
/// #     { "id": "wijkteam", "short": "Regie wijkteam", "title": "Regie bij het wijkteam", "regie": "lokaal",
/// #       "owner": "lokaal (wijk)team", "actions": ["Stel met het gezin een plan op."],
/// #       "sources": [{ "heading": "2 Regie", "quote": "Anders voert het wijkteam de regie." }] },
/// #     { "id": "gi", "short": "Regie GI", "title": "Regie bij de GI", "regie": "GI",
/// #       "owner": "gecertificeerde instelling", "actions": ["Meld het gezin bij de GI."],
/// #       "sources": [{ "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." }] }
/// #   ],
/// #   "tests": [{
/// #     "name": "onveilig", "situation": "Een gezin waar het kind niet veilig is.",
/// #     "answers": { "veilig": "nee" }, "expect": { "outcome": "gi", "because": "2 Regie" }
/// #   }]
/// # }"#;
/// let g = load("mini", json).unwrap();
/// let answers: Answers = [("veilig".to_string(), "nee".to_string())].into_iter().collect();
/// let dates = Dates { start: Some("2026-02-01".into()), ..Dates::default() };
/// let link = encode(&g, &answers, &dates);
/// assert_eq!(link, "mini/veilig=nee/start=2026-02-01");
///
/// let back = restore(&g, &parse(&link).unwrap());
/// assert_eq!((back.answers, back.dates, back.dropped), (answers, dates, vec![]));
///
/// // A mangled link still opens what it can, and says what it dropped.
/// let back = restore(&g, &parse("#mini/veilig=nee/start=2026-02-30").unwrap());
/// assert_eq!(back.dropped, [Dropped::BadDate("start".into(), "2026-02-30".into())]);
/// ```
pub fn encode(g: &Guideline, answers: &Answers, dates: &Dates) -> String {
    let mut out = g.id.clone();
    let mut done: Vec<&str> = Vec::new();
    if let Ok(f) = walk_forked(g, answers) {
        for step in f.alternatives.iter().flat_map(|a| &a.walk.steps) {
            if let Some(v) = answers.get(&step.question).filter(|_| !done.contains(&step.question.as_str())) {
                done.push(&step.question);
                out.push_str(&format!("/{}={v}", step.question));
            }
        }
        // A "Weet ik niet" where the limit stopped the fork is not a step of any alternative.
        for (q, v) in answers {
            if !done.contains(&q.as_str())
                && v == UNKNOWN
                && f.alternatives.iter().any(|a| a.walk.position == Position::Question(q.clone()))
            {
                out.push_str(&format!("/{q}={v}"));
            }
        }
    }
    for f in DateField::ALL {
        if let Some(v) = dates.get(f) {
            out.push_str(&format!("/{}={}", f.key(), v.trim()));
        }
    }
    out
}

/// Splits a fragment (with or without the leading `#`) into parts. `None` when it names no guideline.
pub fn parse(fragment: &str) -> Option<Parsed> {
    let raw = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut truncated = raw.len() > MAX_LEN;
    let mut cut = raw.len().min(MAX_LEN);
    while !raw.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = percent_decode(&raw[..cut]);
    let mut parts = text.split('/').map(str::trim).filter(|p| !p.is_empty());
    let guideline = parts.next()?.to_ascii_lowercase();
    let mut p = Parsed { guideline, ..Parsed::default() };
    for (i, part) in parts.enumerate() {
        if i >= MAX_PARTS {
            truncated = true;
            break;
        }
        match part.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => p.pairs.push((k.trim().to_string(), v.trim().to_string())),
            _ => p.malformed.push(part.chars().take(40).collect()),
        }
    }
    p.truncated = truncated;
    Some(p)
}

/// Checks parsed parts against `g`: unknown questions and options, impossible dates, answers that
/// contradict the route and duplicates are dropped; the rest is kept.
pub fn restore(g: &Guideline, p: &Parsed) -> Restored {
    let mut r = Restored::default();
    r.dropped.extend(p.malformed.iter().cloned().map(Dropped::Malformed));
    if p.truncated {
        r.dropped.push(Dropped::TooLong);
    }
    let mut seen: Vec<&str> = Vec::new();
    for (k, v) in &p.pairs {
        if seen.contains(&k.as_str()) {
            r.dropped.push(Dropped::Duplicate(k.clone()));
            continue;
        }
        seen.push(k);
        if let Some(f) = DateField::ALL.into_iter().find(|f| f.key() == k) {
            let ok = match f {
                DateField::Moment => parse_moment(f.key(), v).is_ok(),
                _ => parse_date(f.key(), v).is_ok(),
            };
            if ok {
                r.dates.set(f, v.clone());
            } else {
                r.dropped.push(Dropped::BadDate(k.clone(), v.clone()));
            }
            continue;
        }
        let Some(q) = g.question(k) else {
            r.dropped.push(Dropped::UnknownQuestion(k.clone()));
            continue;
        };
        let known = q.options.iter().any(|c| &c.id == v) || (v == UNKNOWN && q.unknown.is_some());
        if known {
            r.answers.insert(k.clone(), v.clone());
        } else {
            r.dropped.push(Dropped::UnknownOption(k.clone(), v.clone()));
        }
    }
    // Answers that contradict the route (on no alternative's path) are not used: the walk takes
    // the route the other answers give, and those answers are dropped.
    if let Ok(f) = walk_forked(g, &r.answers) {
        for (k, _) in &p.pairs {
            if f.ignored.contains(k) {
                if let Some(v) = r.answers.remove(k) {
                    r.dropped.push(Dropped::NotOnPath(k.clone(), v));
                }
            }
        }
    }
    r
}

/// A short Dutch message about a restored link: what was kept and what was dropped; `None` when
/// everything was kept.
pub fn message(r: &Restored) -> Option<String> {
    if r.dropped.is_empty() {
        return None;
    }
    let kept = r.answers.len();
    let dates = DateField::ALL.iter().filter(|f| r.dates.get(**f).is_some()).count();
    let mut t = format!(
        "Deze link was niet helemaal bruikbaar. Overgenomen: {kept} {}{}. Weggelaten: ",
        if kept == 1 { "antwoord" } else { "antwoorden" },
        match dates {
            0 => String::new(),
            1 => " en 1 datum".into(),
            n => format!(" en {n} data"),
        }
    );
    let parts: Vec<String> = r.dropped.iter().map(describe).collect();
    t.push_str(&parts.join("; "));
    t.push_str(". U gaat verder vanaf de laatste geldige stap.");
    Some(t)
}

fn describe(d: &Dropped) -> String {
    match d {
        Dropped::Malformed(s) => format!("'{s}' (geen vraag=antwoord)"),
        Dropped::UnknownQuestion(q) => format!("'{q}' (deze vraag bestaat niet in deze richtlijn)"),
        Dropped::UnknownOption(q, v) => format!("'{q}={v}' (dit antwoord bestaat niet (meer))"),
        Dropped::NotOnPath(q, v) => format!("'{q}={v}' (past niet bij de eerdere antwoorden)"),
        Dropped::BadDate(k, v) => format!("'{k}={v}' (geen geldige datum)"),
        Dropped::Duplicate(k) => format!("een tweede '{k}'"),
        Dropped::TooLong => "het deel na de eerste 2000 tekens (de link is te lang)".into(),
    }
}

/// Decodes `%XX` escapes (a browser or mail program may have encoded `?`, `=` or `/`); a broken
/// escape or invalid UTF-8 is kept as written.
fn percent_decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_string();
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        match (b[i], b.get(i + 1).copied().and_then(hex), b.get(i + 2).copied().and_then(hex)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}
