//! A gemeente's configuration file for the widget (`<regie-wijzer config="…">`): contact points per
//! guideline and role, which guidelines to offer, the labels a guideline lets the gemeente name, an
//! intro text, the URL of the gemeente's own rule file (`regels`) and `debug` (show configuration
//! problems on the page). Pure Rust, tested natively.
//!
//! The widget carries no JSON library (it reads its rule data in a compact binary form); the file is
//! read with the small reader of [`crate::json`]. Every problem is collected as a typed [`Problem`]
//! naming the key (its `Display` is the Dutch message the widget shows); the widget then runs with
//! what was valid (defaults for the rest).
//!
//! ```json
//! { "gemeente": "Voorbeeldstad", "richtlijnen": ["westfriesland"], "intro": "…", "debug": false,
//!   "contact": { "westfriesland": { "zorgaanbieder": { "team": "Wijkteam Voorbeeldstad",
//!                "telefoon": "0900-1234567", "email": "wijkteam@voorbeeldstad.nl", "web": "https://…" } },
//!                "*": { "*": { "team": "…" } } },
//!   "labels": { "flevoland": { "plan": "Ons Plan" } } }
//! ```

use crate::engine::map::Map;
use crate::engine::model::Guideline;
use crate::json::{parse_json, JsonError, Value};
use std::fmt;

/// Longest configuration file read, in bytes.
pub const MAX_LEN: usize = crate::json::MAX_LEN;

/// One problem in a configuration file: where (`at`, the key path) and what ([`ProblemKind`]).
/// `Display` gives the Dutch message, naming the key.
pub type Problem = crate::json::Problem<ProblemKind>;

/// What is wrong in a configuration file. `at` is the key path of the value at fault
/// (`contact.westfriesland.toegang.email`), empty for the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file is not a JSON document the reader takes (`at` empty).
    Json(JsonError),
    /// The file is JSON but not an object (`at` empty).
    NotAnObject,
    /// A key this object does not have (`at`: the object's key path, empty for the top level).
    UnknownKey {
        /// The key as written.
        key: String,
        /// The keys the object has.
        known: &'static [&'static str],
    },
    /// A guideline id that is not a known guideline (`at`: `richtlijnen`, or the key path that
    /// ends with the id: `contact.<id>`, `labels.<id>`).
    UnknownGuideline {
        /// The id as written.
        id: String,
        /// The ids that may be used there.
        valid: Vec<String>,
    },
    /// A role that is not `toegang`, `zorgaanbieder` or `*` (`at`: `contact.<guideline>.<role>`).
    UnknownRole,
    /// A label the guideline does not let a gemeente name (`at`: `labels.<guideline>.<key>`).
    LabelNotConfigurable {
        /// The keys it does let a gemeente name.
        allowed: Vec<String>,
    },
    /// A value that must be a text (`gemeente`, `intro`, `regels`, a contact field).
    NotText,
    /// A value that must be `true` or `false` (`debug`).
    NotBool,
    /// An item of `richtlijnen` that is not a text.
    NotGuidelineId,
    /// A `contact.<guideline>` that is not an object with roles.
    NotRoles,
    /// A contact point that is not an object.
    NotContact,
    /// A `labels.<guideline>` that is not an object.
    NotLabels,
    /// A label that is not a text of 1 to 80 characters.
    BadLabel,
    /// `richtlijnen`, `contact` or `labels` of the wrong JSON type.
    WrongShape,
    /// A `telefoon` that is not a phone number (digits, spaces, `+-()`).
    NotAPhoneNumber {
        /// The value given.
        value: String,
    },
    /// An `email` that is not an e-mail address.
    NotAnEmailAddress {
        /// The value given.
        value: String,
    },
    /// A `web` that does not start with `https://` (or `http://`).
    NotAUrl {
        /// The value given.
        value: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ProblemKind::*;
        let at = &self.at;
        match &self.kind {
            Json(e) => write!(f, "{e}"),
            NotAnObject => f.write_str("het bestand moet een object zijn ({ … })"),
            UnknownKey { key, known } if at.is_empty() => write!(f, "onbekende sleutel '{key}'; bekend zijn: {}", known.join(", ")),
            UnknownKey { key, known } => write!(f, "'{at}': onbekende sleutel '{key}'; bekend zijn: {}", known.join(", ")),
            // The key path names the id (contact.<id>, labels.<id>), or the list holds it (richtlijnen).
            UnknownGuideline { id, valid } if at.strip_suffix(id.as_str()).is_some_and(|p| p.ends_with('.')) => {
                write!(f, "'{at}': onbekende richtlijn; kies uit: {}", valid.join(", "))
            }
            UnknownGuideline { id, valid } => write!(f, "'{at}': onbekende richtlijn '{id}'; kies uit: {}", valid.join(", ")),
            UnknownRole => write!(f, "'{at}': onbekende rol; kies uit: toegang, zorgaanbieder, *"),
            LabelNotConfigurable { allowed } => write!(
                f,
                "'{at}': deze richtlijn laat dit label niet aan de gemeente; wel: {}",
                if allowed.is_empty() { "geen".to_string() } else { allowed.join(", ") }
            ),
            NotText => write!(f, "'{at}' moet een tekst zijn"),
            NotBool => write!(f, "'{at}' moet true of false zijn"),
            NotGuidelineId => write!(f, "'{at}': elk item moet een richtlijn-id (tekst) zijn"),
            NotRoles => write!(f, "'{at}' moet een object met rollen zijn (toegang, zorgaanbieder, *)"),
            NotContact => write!(f, "'{at}' moet een object zijn (team, telefoon, email, web)"),
            NotLabels => write!(f, "'{at}' moet een object zijn (naam → label)"),
            BadLabel => write!(f, "'{at}' moet een tekst van 1 tot 80 tekens zijn"),
            WrongShape => write!(f, "'{at}' heeft de verkeerde vorm; zie de README"),
            NotAPhoneNumber { value } => write!(f, "'{at}' is geen telefoonnummer: '{value}'"),
            NotAnEmailAddress { value } => write!(f, "'{at}' is geen e-mailadres: '{value}'"),
            NotAUrl { value } => write!(f, "'{at}' moet met https:// beginnen: '{value}'"),
        }
    }
}

/// A contact point for professionals: a team, never a person.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Contact {
    pub team: String,
    pub phone: String,
    pub email: String,
    pub web: String,
}

impl Contact {
    /// "Wijkteam Voorbeeldstad, 0900-1234567, wijkteam@…, https://…" (the parts given).
    pub fn line(&self) -> String {
        [&self.team, &self.phone, &self.email, &self.web].into_iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(", ")
    }
}

/// The configuration; every field empty by default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub gemeente: String,
    pub intro: String,
    /// Guideline ids to offer (empty: all).
    pub offer: Vec<String>,
    /// (guideline or "*", role or "*", contact).
    pub contacts: Vec<(String, String, Contact)>,
    /// Per guideline: placeholder key → the gemeente's own label.
    pub labels: Map<String, Map<String, String>>,
    pub debug: bool,
}

const ROLES: [&str; 3] = ["toegang", "zorgaanbieder", "*"];

const KEYS: &[&str] = &["gemeente", "richtlijnen", "contact", "labels", "intro", "regels", "debug"];
const CONTACT_KEYS: &[&str] = &["team", "telefoon", "email", "web"];

/// Reads and validates a configuration file against the known guidelines: (id, the placeholder keys
/// it lets a gemeente name). Returns what was valid and every problem, each naming the key.
pub fn parse(text: &str, known_guidelines: &[(String, Vec<String>)]) -> (Config, Vec<Problem>) {
    let guidelines: Vec<String> = known_guidelines.iter().map(|(id, _)| id.clone()).collect();
    let mut c = Config::default();
    let mut problems = Vec::new();
    let root = match parse_json(text) {
        Ok(Value::Object(f)) => f,
        Ok(_) => return (c, vec![Problem::new("", ProblemKind::NotAnObject)]),
        Err(e) => return (c, vec![Problem::new("", ProblemKind::Json(e))]),
    };
    let known = |id: &str| id == "*" || guidelines.iter().any(|g| g == id);
    let unknown = |at: String, id: String, star: bool| {
        let mut valid = guidelines.clone();
        if star {
            valid.push("*".into());
        }
        Problem::new(at, ProblemKind::UnknownGuideline { id, valid })
    };
    for (key, v) in root {
        match (key.as_str(), v) {
            ("gemeente", Value::Str(s)) => c.gemeente = s.trim().to_string(),
            ("intro", Value::Str(s)) => c.intro = s.trim().to_string(),
            // The URL of the gemeente's own rule file: the loader reads it (eigen.js), before the
            // widget starts; here it is only checked to be a text.
            ("regels", Value::Str(_)) => {}
            ("debug", Value::Bool(b)) => c.debug = b,
            ("richtlijnen", Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::Str(id) if known(&id) && id != "*" => c.offer.push(id),
                        Value::Str(id) => problems.push(unknown("richtlijnen".into(), id, false)),
                        _ => problems.push(Problem::new("richtlijnen", ProblemKind::NotGuidelineId)),
                    }
                }
            }
            ("contact", Value::Object(per_guideline)) => {
                for (g, v) in per_guideline {
                    if !known(&g) {
                        problems.push(unknown(format!("contact.{g}"), g, true));
                        continue;
                    }
                    let Value::Object(per_role) = v else {
                        problems.push(Problem::new(format!("contact.{g}"), ProblemKind::NotRoles));
                        continue;
                    };
                    for (role, v) in per_role {
                        let at = format!("contact.{g}.{role}");
                        if !ROLES.contains(&role.as_str()) {
                            problems.push(Problem::new(at, ProblemKind::UnknownRole));
                            continue;
                        }
                        if let Some(contact) = contact(&at, v, &mut problems) {
                            c.contacts.push((g.clone(), role, contact));
                        }
                    }
                }
            }
            ("labels", Value::Object(per_guideline)) => {
                for (g, v) in per_guideline {
                    if !known(&g) || g == "*" {
                        problems.push(unknown(format!("labels.{g}"), g, false));
                        continue;
                    }
                    let Value::Object(fields) = v else {
                        problems.push(Problem::new(format!("labels.{g}"), ProblemKind::NotLabels));
                        continue;
                    };
                    let allowed = known_guidelines.iter().find(|(id, _)| *id == g).map(|(_, keys)| keys.as_slice()).unwrap_or_default();
                    let mut m = Map::new();
                    for (k, v) in fields {
                        let at = format!("labels.{g}.{k}");
                        if !allowed.contains(&k) {
                            problems.push(Problem::new(at, ProblemKind::LabelNotConfigurable { allowed: allowed.to_vec() }));
                            continue;
                        }
                        match v {
                            Value::Str(s) if !s.trim().is_empty() && s.chars().count() <= 80 => {
                                m.insert(k, s.trim().to_string());
                            }
                            _ => problems.push(Problem::new(at, ProblemKind::BadLabel)),
                        }
                    }
                    c.labels.insert(g, m);
                }
            }
            (k @ ("gemeente" | "intro" | "regels"), _) => problems.push(Problem::new(k, ProblemKind::NotText)),
            ("debug", _) => problems.push(Problem::new("debug", ProblemKind::NotBool)),
            (k @ ("richtlijnen" | "contact" | "labels"), _) => problems.push(Problem::new(k, ProblemKind::WrongShape)),
            (_, _) => problems.push(Problem::new("", ProblemKind::UnknownKey { key, known: KEYS })),
        }
    }
    (c, problems)
}

fn contact(at: &str, v: Value, problems: &mut Vec<Problem>) -> Option<Contact> {
    let Value::Object(fields) = v else {
        problems.push(Problem::new(at, ProblemKind::NotContact));
        return None;
    };
    let mut c = Contact::default();
    for (k, v) in fields {
        let Value::Str(s) = v else {
            problems.push(Problem::new(format!("{at}.{k}"), ProblemKind::NotText));
            continue;
        };
        let s = s.trim().to_string();
        match k.as_str() {
            "team" => c.team = s,
            "telefoon" if s.chars().all(|ch| ch.is_ascii_digit() || " +-()".contains(ch)) && s.chars().any(|ch| ch.is_ascii_digit()) => {
                c.phone = s
            }
            "telefoon" => problems.push(Problem::new(format!("{at}.telefoon"), ProblemKind::NotAPhoneNumber { value: s })),
            "email" if s.contains('@') && !s.contains(' ') => c.email = s,
            "email" => problems.push(Problem::new(format!("{at}.email"), ProblemKind::NotAnEmailAddress { value: s })),
            "web" if s.starts_with("https://") || s.starts_with("http://") => c.web = s,
            "web" => problems.push(Problem::new(format!("{at}.web"), ProblemKind::NotAUrl { value: s })),
            _ => problems.push(Problem::new(at, ProblemKind::UnknownKey { key: k, known: CONTACT_KEYS })),
        }
    }
    (c != Contact::default()).then_some(c)
}

impl Config {
    /// The contact point for a guideline and role: the most specific entry wins.
    pub fn contact_for(&self, guideline: &str, role: Option<&str>) -> Option<&Contact> {
        let role = role.unwrap_or("*");
        let score = |g: &str, r: &str| match (g == guideline, r == role) {
            (true, true) => Some(3),
            (true, false) if r == "*" => Some(2),
            (false, true) if g == "*" => Some(1),
            (false, false) if g == "*" && r == "*" => Some(0),
            _ => None,
        };
        self.contacts.iter().filter_map(|(g, r, c)| score(g, r).map(|s| (s, c))).max_by_key(|(s, _)| *s).map(|(_, c)| c)
    }
}

/// Puts a gemeente's labels (placeholder key → label, checked by [`parse`]) into a guideline's
/// placeholder values, wherever an answer or rule sets that key.
pub fn apply_labels(labels: &Map<String, String>, g: &mut Guideline) {
    for (key, label) in labels.iter() {
        for q in &mut g.questions {
            for o in &mut q.options {
                if o.sets.contains_key(key) {
                    o.sets.insert(key.clone(), label.clone());
                }
                for b in &mut o.branches {
                    if b.sets.contains_key(key) {
                        b.sets.insert(key.clone(), label.clone());
                    }
                }
            }
        }
    }
}
