//! A gemeente's configuration file for the widget (`<regie-wijzer config="…">`): contact points per
//! guideline and role, which guidelines to offer, the labels a guideline lets the gemeente name, an
//! intro text, the URL of the gemeente's own rule file (`regels`) and `debug` (show configuration
//! problems on the page). Pure Rust, tested natively.
//!
//! The widget carries no JSON library (it reads its rule data in a compact binary form), so this
//! module has a small JSON reader of its own. Every problem is collected, in Dutch, naming the key;
//! the widget then runs with what was valid (defaults for the rest).
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

/// Longest configuration file read, in bytes.
pub const MAX_LEN: usize = 64 * 1024;
const MAX_DEPTH: usize = 16;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number, as written (checked, not converted: the configuration has no numbers to
    /// compute with, and float parsing would cost the widget ~10 KB).
    Number(String),
    Str(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Reads one JSON document; the error says where it went wrong, in Dutch.
pub fn parse_json(text: &str) -> Result<Value, String> {
    if text.len() > MAX_LEN {
        return Err(format!("het bestand is groter dan {} KB", MAX_LEN / 1024));
    }
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err("na het einde staat nog tekst"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> String {
        let line = self.s[..self.i.min(self.s.len())].iter().filter(|b| **b == b'\n').count() + 1;
        format!("geen geldige JSON op regel {line}: {what}")
    }
    fn ws(&mut self) {
        while self.s.get(self.i).is_some_and(|b| b.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn eat(&mut self, word: &str) -> bool {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }
    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.err("te diep genest"));
        }
        self.ws();
        match self.s.get(self.i) {
            None => Err(self.err("onverwacht einde")),
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.eat("}") {
                    return Ok(Value::Object(fields));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(self.err("een naam tussen aanhalingstekens verwacht"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(":") {
                        return Err(self.err("':' verwacht"));
                    }
                    let v = self.value(depth + 1)?;
                    fields.push((k, v));
                    self.ws();
                    if self.eat("}") {
                        return Ok(Value::Object(fields));
                    }
                    if !self.eat(",") {
                        return Err(self.err("',' of '}' verwacht"));
                    }
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat("]") {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat("]") {
                        return Ok(Value::Array(items));
                    }
                    if !self.eat(",") {
                        return Err(self.err("',' of ']' verwacht"));
                    }
                }
            }
            Some(b'"') => self.string().map(Value::Str),
            Some(b't') if self.eat("true") => Ok(Value::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Value::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Value::Null),
            Some(b'-' | b'0'..=b'9') => {
                let start = self.i;
                while self.s.get(self.i).is_some_and(|b| b"+-.eE0123456789".contains(b)) {
                    self.i += 1;
                }
                let t = std::str::from_utf8(&self.s[start..self.i]).unwrap_or_default();
                if number_syntax(t) {
                    Ok(Value::Number(t.to_string()))
                } else {
                    Err(self.err("ongeldig getal"))
                }
            }
            Some(_) => Err(self.err("onverwacht teken")),
        }
    }
    fn hex4(&mut self) -> Result<u32, String> {
        let h = self.s.get(self.i..self.i + 4).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u32::from_str_radix(h, 16).ok());
        self.i += 4;
        h.ok_or_else(|| self.err("ongeldige \\u-code"))
    }
    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.s.get(self.i).is_some_and(|b| *b != b'"' && *b != b'\\' && *b >= 0x20) {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err("geen UTF-8"))?);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.s.get(self.i).copied();
                    self.i += 1;
                    match c {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let mut c = self.hex4()?;
                            if (0xD800..0xDC00).contains(&c) && self.eat("\\u") {
                                let low = self.hex4()?;
                                c = 0x10000 + ((c - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                            }
                            out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                        }
                        _ => return Err(self.err("ongeldige escape")),
                    }
                }
                _ => return Err(self.err("tekst niet afgesloten")),
            }
        }
    }
}

/// JSON number syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
fn number_syntax(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let s = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > s
    };
    if b.get(i) == Some(&b'0') {
        i += 1;
    } else if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
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
/// it lets a gemeente name). Returns what was valid and the list of problems (Dutch, each naming
/// the key).
pub fn parse(text: &str, known_guidelines: &[(String, Vec<String>)]) -> (Config, Vec<String>) {
    let guidelines: Vec<String> = known_guidelines.iter().map(|(id, _)| id.clone()).collect();
    let mut c = Config::default();
    let mut problems = Vec::new();
    let root = match parse_json(text) {
        Ok(Value::Object(f)) => f,
        Ok(_) => return (c, vec!["het bestand moet een object zijn ({ … })".into()]),
        Err(e) => return (c, vec![e]),
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
                        Value::Str(id) => {
                            problems.push(format!("'richtlijnen': onbekende richtlijn '{id}'; kies uit: {}", guidelines.join(", ")))
                        }
                        _ => problems.push("'richtlijnen': elk item moet een richtlijn-id (tekst) zijn".into()),
                    }
                }
            }
            ("contact", Value::Object(per_guideline)) => {
                for (g, v) in per_guideline {
                    if !known(&g) {
                        problems.push(format!("'contact.{g}': onbekende richtlijn; kies uit: {}, *", guidelines.join(", ")));
                        continue;
                    }
                    let Value::Object(per_role) = v else {
                        problems.push(format!("'contact.{g}' moet een object met rollen zijn (toegang, zorgaanbieder, *)"));
                        continue;
                    };
                    for (role, v) in per_role {
                        let at = format!("contact.{g}.{role}");
                        if !ROLES.contains(&role.as_str()) {
                            problems.push(format!("'{at}': onbekende rol; kies uit: toegang, zorgaanbieder, *"));
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
                        problems.push(format!("'labels.{g}': onbekende richtlijn; kies uit: {}", guidelines.join(", ")));
                        continue;
                    }
                    let Value::Object(fields) = v else {
                        problems.push(format!("'labels.{g}' moet een object zijn (naam → label)"));
                        continue;
                    };
                    let allowed = known_guidelines.iter().find(|(id, _)| *id == g).map(|(_, keys)| keys.as_slice()).unwrap_or_default();
                    let mut m = Map::new();
                    for (k, v) in fields {
                        if !allowed.contains(&k) {
                            problems.push(format!(
                                "'labels.{g}.{k}': deze richtlijn laat dit label niet aan de gemeente; wel: {}",
                                if allowed.is_empty() { "geen".to_string() } else { allowed.join(", ") }
                            ));
                            continue;
                        }
                        match v {
                            Value::Str(s) if !s.trim().is_empty() && s.chars().count() <= 80 => {
                                m.insert(k, s.trim().to_string());
                            }
                            _ => problems.push(format!("'labels.{g}.{k}' moet een tekst van 1 tot 80 tekens zijn")),
                        }
                    }
                    c.labels.insert(g, m);
                }
            }
            (k @ ("gemeente" | "intro" | "regels"), _) => problems.push(format!("'{k}' moet een tekst zijn")),
            ("debug", _) => problems.push("'debug' moet true of false zijn".into()),
            (k @ ("richtlijnen" | "contact" | "labels"), _) => problems.push(format!("'{k}' heeft de verkeerde vorm; zie de README")),
            (k, _) => {
                problems.push(format!("onbekende sleutel '{k}'; bekend zijn: gemeente, richtlijnen, contact, labels, intro, regels, debug"))
            }
        }
    }
    (c, problems)
}

fn contact(at: &str, v: Value, problems: &mut Vec<String>) -> Option<Contact> {
    let Value::Object(fields) = v else {
        problems.push(format!("'{at}' moet een object zijn (team, telefoon, email, web)"));
        return None;
    };
    let mut c = Contact::default();
    for (k, v) in fields {
        let Value::Str(s) = v else {
            problems.push(format!("'{at}.{k}' moet een tekst zijn"));
            continue;
        };
        let s = s.trim().to_string();
        match k.as_str() {
            "team" => c.team = s,
            "telefoon" if s.chars().all(|ch| ch.is_ascii_digit() || " +-()".contains(ch)) && s.chars().any(|ch| ch.is_ascii_digit()) => {
                c.phone = s
            }
            "telefoon" => problems.push(format!("'{at}.telefoon' is geen telefoonnummer: '{s}'")),
            "email" if s.contains('@') && !s.contains(' ') => c.email = s,
            "email" => problems.push(format!("'{at}.email' is geen e-mailadres: '{s}'")),
            "web" if s.starts_with("https://") || s.starts_with("http://") => c.web = s,
            "web" => problems.push(format!("'{at}.web' moet met https:// beginnen: '{s}'")),
            _ => problems.push(format!("'{at}': onbekende sleutel '{k}'; bekend zijn: team, telefoon, email, web")),
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
