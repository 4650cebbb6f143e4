//! A gemeente's configuration file for the widget (`<regie-wijzer config="…">`): contact points per
//! guideline and role, which guidelines to offer, the labels a guideline lets the gemeente name, an
//! intro text, the URL of the gemeente's own rule file (`regels`) and `debug` (show configuration
//! problems on the page). Pure Rust, tested natively.
//!
//! The widget carries no JSON library (it reads its rule data in a compact binary form): its loader
//! reads the file with the browser's `JSON.parse` and hands it over in a tagged form
//! ([`parse_tagged_into`]); the CLI and the tests read it with the small reader of [`crate::json`]. Every problem is collected as a [`Problem`]: its key
//! path, its kind and the Dutch message naming the key (the widget keeps only the messages:
//! [`parse_into`]); the widget then runs with what was valid (defaults for the rest).
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
use crate::json::{parse_json, Value};
use std::fmt;

/// Longest configuration file read, in bytes.
pub const MAX_LEN: usize = crate::json::MAX_LEN;

/// One problem in a configuration file: where (`at`, the key path), what (`kind`), and the Dutch
/// message that names the key (`Display`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The key path of the value at fault (`contact.westfriesland.toegang.email`, `richtlijnen`);
    /// empty for the file as a whole and for an unknown top-level key.
    pub at: String,
    /// What is wrong.
    pub kind: ProblemKind,
    message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// What is wrong in a configuration file. The message ([`Problem`]'s `Display`) adds the details:
/// the value given, the ids or keys that are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file is not a JSON document the reader takes ([`crate::json::JsonError`]; `at` empty).
    Json,
    /// The file is JSON but not an object (`at` empty).
    NotAnObject,
    /// A key the object does not have (`at`: the object, empty for the top level).
    UnknownKey,
    /// A value that must be a text (`gemeente`, `intro`, `regels`, a contact point's field).
    NotText,
    /// `debug` is not `true` or `false`.
    NotBool,
    /// `richtlijnen`, `contact` or `labels` of the wrong JSON type.
    WrongShape,
    /// A guideline id that is not a known guideline (`at`: `richtlijnen`, or the key path that
    /// ends with the id: `contact.<id>`, `labels.<id>`).
    UnknownGuideline,
    /// An item of `richtlijnen` that is not a text.
    NotGuidelineId,
    /// A `contact.<guideline>` that is not an object with roles.
    NotRoles,
    /// A role that is not `toegang`, `zorgaanbieder` or `*`.
    UnknownRole,
    /// A contact point that is not an object.
    NotContact,
    /// A `telefoon` that is not a phone number (digits, spaces, `+-()`).
    NotAPhoneNumber,
    /// An `email` that is not an e-mail address.
    NotAnEmailAddress,
    /// A `web` that does not start with `https://` (or `http://`).
    NotAUrl,
    /// A `labels.<guideline>` that is not an object.
    NotLabels,
    /// A label the guideline does not let a gemeente name.
    LabelNotConfigurable,
    /// A label that is not a text of 1 to 80 characters.
    BadLabel,
}

/// Where [`parse_into`] puts the problems it finds: as [`Problem`]s (`Vec<Problem>`, what
/// [`parse`] gives), or as their Dutch messages only (`Vec<String>`, what the widget shows). With
/// messages only, the key path is never built: the typed form costs the widget no bytes.
pub trait Problems: Default {
    /// Adds a problem: its kind, its key path (built only when kept) and its Dutch message.
    fn add(&mut self, kind: ProblemKind, at: impl FnOnce() -> String, message: fmt::Arguments<'_>);
}

impl Problems for Vec<Problem> {
    fn add(&mut self, kind: ProblemKind, at: impl FnOnce() -> String, message: fmt::Arguments<'_>) {
        self.push(Problem { at: at(), kind, message: fmt::format(message) });
    }
}

impl Problems for Vec<String> {
    // Inlined: one copy per call site's closure type would cost the widget ~250 bytes.
    #[inline(always)]
    fn add(&mut self, _: ProblemKind, _: impl FnOnce() -> String, message: fmt::Arguments<'_>) {
        self.push(fmt::format(message));
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

/// Reads and validates a configuration file against the known guidelines: (id, the placeholder keys
/// it lets a gemeente name). Returns what was valid and every problem, each naming the key.
pub fn parse(text: &str, known_guidelines: &[(String, Vec<String>)]) -> (Config, Vec<Problem>) {
    parse_into(text, known_guidelines)
}

/// [`parse`], with the problems in the form `P` (the widget: only the Dutch messages).
pub fn parse_into<P: Problems>(text: &str, known_guidelines: &[(String, Vec<String>)]) -> (Config, P) {
    read(parse_json(text), known_guidelines)
}

/// [`parse_into`] for the widget: the file as the browser read it, in the loader's tagged form
/// ([`crate::json::from_tagged`]), so the widget carries no JSON reader; the same checks and messages.
pub fn parse_tagged_into<P: Problems>(tagged: &str, known_guidelines: &[(String, Vec<String>)]) -> (Config, P) {
    read(crate::json::from_tagged(tagged), known_guidelines)
}

fn read<P: Problems>(document: Result<Value, crate::json::JsonError>, known_guidelines: &[(String, Vec<String>)]) -> (Config, P) {
    use ProblemKind as K;
    let guidelines: Vec<String> = known_guidelines.iter().map(|(id, _)| id.clone()).collect();
    let mut c = Config::default();
    let mut problems = P::default();
    let root = match document {
        Ok(Value::Object(f)) => f,
        Ok(_) => {
            problems.add(K::NotAnObject, String::new, format_args!("het bestand moet een object zijn ({{ … }})"));
            return (c, problems);
        }
        Err(e) => {
            problems.add(K::Json, String::new, format_args!("{e}"));
            return (c, problems);
        }
    };
    let known = |id: &str| id == "*" || guidelines.iter().any(|g| g == id);
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
                        Value::Str(id) => problems.add(
                            K::UnknownGuideline,
                            || "richtlijnen".into(),
                            format_args!("'richtlijnen': onbekende richtlijn '{id}'; kies uit: {}", guidelines.join(", ")),
                        ),
                        _ => problems.add(
                            K::NotGuidelineId,
                            || "richtlijnen".into(),
                            format_args!("'richtlijnen': elk item moet een richtlijn-id (tekst) zijn"),
                        ),
                    }
                }
            }
            ("contact", Value::Object(per_guideline)) => {
                for (g, v) in per_guideline {
                    if !known(&g) {
                        problems.add(
                            K::UnknownGuideline,
                            || format!("contact.{g}"),
                            format_args!("'contact.{g}': onbekende richtlijn; kies uit: {}, *", guidelines.join(", ")),
                        );
                        continue;
                    }
                    let Value::Object(per_role) = v else {
                        problems.add(
                            K::NotRoles,
                            || format!("contact.{g}"),
                            format_args!("'contact.{g}' moet een object met rollen zijn (toegang, zorgaanbieder, *)"),
                        );
                        continue;
                    };
                    for (role, v) in per_role {
                        let at = format!("contact.{g}.{role}");
                        if !ROLES.contains(&role.as_str()) {
                            problems.add(
                                K::UnknownRole,
                                || at.clone(),
                                format_args!("'{at}': onbekende rol; kies uit: toegang, zorgaanbieder, *"),
                            );
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
                        problems.add(
                            K::UnknownGuideline,
                            || format!("labels.{g}"),
                            format_args!("'labels.{g}': onbekende richtlijn; kies uit: {}", guidelines.join(", ")),
                        );
                        continue;
                    }
                    let Value::Object(fields) = v else {
                        problems.add(
                            K::NotLabels,
                            || format!("labels.{g}"),
                            format_args!("'labels.{g}' moet een object zijn (naam → label)"),
                        );
                        continue;
                    };
                    let allowed = known_guidelines.iter().find(|(id, _)| *id == g).map(|(_, keys)| keys.as_slice()).unwrap_or_default();
                    let mut m = Map::new();
                    for (k, v) in fields {
                        if !allowed.contains(&k) {
                            problems.add(
                                K::LabelNotConfigurable,
                                || format!("labels.{g}.{k}"),
                                format_args!(
                                    "'labels.{g}.{k}': deze richtlijn laat dit label niet aan de gemeente; wel: {}",
                                    if allowed.is_empty() { "geen".to_string() } else { allowed.join(", ") }
                                ),
                            );
                            continue;
                        }
                        match v {
                            Value::Str(s) if !s.trim().is_empty() && s.chars().count() <= 80 => {
                                m.insert(k, s.trim().to_string());
                            }
                            _ => problems.add(
                                K::BadLabel,
                                || format!("labels.{g}.{k}"),
                                format_args!("'labels.{g}.{k}' moet een tekst van 1 tot 80 tekens zijn"),
                            ),
                        }
                    }
                    c.labels.insert(g, m);
                }
            }
            (k @ ("gemeente" | "intro" | "regels"), _) => problems.add(K::NotText, || k.into(), format_args!("'{k}' moet een tekst zijn")),
            ("debug", _) => problems.add(K::NotBool, || "debug".into(), format_args!("'debug' moet true of false zijn")),
            (k @ ("richtlijnen" | "contact" | "labels"), _) => {
                problems.add(K::WrongShape, || k.into(), format_args!("'{k}' heeft de verkeerde vorm; zie de README"))
            }
            (k, _) => problems.add(
                K::UnknownKey,
                String::new,
                format_args!("onbekende sleutel '{k}'; bekend zijn: gemeente, richtlijnen, contact, labels, intro, regels, debug"),
            ),
        }
    }
    (c, problems)
}

fn contact(at: &str, v: Value, problems: &mut impl Problems) -> Option<Contact> {
    use ProblemKind as K;
    let Value::Object(fields) = v else {
        problems.add(K::NotContact, || at.into(), format_args!("'{at}' moet een object zijn (team, telefoon, email, web)"));
        return None;
    };
    let mut c = Contact::default();
    for (k, v) in fields {
        let Value::Str(s) = v else {
            problems.add(K::NotText, || format!("{at}.{k}"), format_args!("'{at}.{k}' moet een tekst zijn"));
            continue;
        };
        let s = s.trim().to_string();
        match k.as_str() {
            "team" => c.team = s,
            "telefoon" if s.chars().all(|ch| ch.is_ascii_digit() || " +-()".contains(ch)) && s.chars().any(|ch| ch.is_ascii_digit()) => {
                c.phone = s
            }
            "telefoon" => {
                problems.add(K::NotAPhoneNumber, || format!("{at}.telefoon"), format_args!("'{at}.telefoon' is geen telefoonnummer: '{s}'"))
            }
            "email" if s.contains('@') && !s.contains(' ') => c.email = s,
            "email" => {
                problems.add(K::NotAnEmailAddress, || format!("{at}.email"), format_args!("'{at}.email' is geen e-mailadres: '{s}'"))
            }
            "web" if s.starts_with("https://") || s.starts_with("http://") => c.web = s,
            "web" => problems.add(K::NotAUrl, || format!("{at}.web"), format_args!("'{at}.web' moet met https:// beginnen: '{s}'")),
            _ => problems.add(
                K::UnknownKey,
                || at.into(),
                format_args!("'{at}': onbekende sleutel '{k}'; bekend zijn: team, telefoon, email, web"),
            ),
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
