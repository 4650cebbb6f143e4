//! The small JSON reader of the files the widget and the comparison read at run time: a gemeente's
//! configuration file ([`crate::config`]) and the comparison's mapping of shared questions
//! ([`crate::compare::Shared`]); with the one set of accessors both use, and the mapping's typed
//! problem ([`Problem`]: where, and what; the configuration has its own, [`crate::config::Problem`]).
//!
//! Why not serde_json: the widget carries no JSON library (it reads its rule data in a compact
//! binary form), and this reader is a few KB of wasm where serde_json with its float parsing is tens.
//! It reads every JSON document (numbers are checked, not converted: nothing here computes with
//! them) up to [`MAX_LEN`] bytes and [`MAX_DEPTH`] levels deep. Its errors say where, in Dutch
//! ([`JsonError`]).

use std::fmt;

/// Longest document read, in bytes.
pub const MAX_LEN: usize = 64 * 1024;
/// Deepest nesting of arrays and objects read.
pub const MAX_DEPTH: usize = 16;

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (checked, not converted: the files read have no numbers to compute
    /// with, and float parsing would cost the widget ~10 KB).
    Number(String),
    /// A string, its escapes resolved.
    Str(String),
    /// An array's items, in order.
    Array(Vec<Value>),
    /// The fields in the order written (a key written twice is listed twice).
    Object(Vec<(String, Value)>),
}

/// Why a text is not a JSON document [`parse_json`] reads. `Display` gives the Dutch message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonError {
    /// The text is longer than [`MAX_LEN`].
    TooLarge {
        /// The limit, in KB.
        max_kb: usize,
    },
    /// The text is not valid JSON.
    Syntax {
        /// The line (from 1) where reading stopped.
        line: usize,
        /// What was wrong there.
        what: Syntax,
    },
}

/// What is wrong in a text that is not valid JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Syntax {
    /// Arrays and objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// The text ends where a value should follow.
    UnexpectedEnd,
    /// A character that cannot start a value.
    UnexpectedChar,
    /// An object key that is not a string.
    ExpectedName,
    /// No `:` after an object key.
    ExpectedColon,
    /// No `,` or `}` after an object field.
    ExpectedCommaOrBrace,
    /// No `,` or `]` after an array item.
    ExpectedCommaOrBracket,
    /// A number that does not follow JSON's syntax (`01`, `1.`, `+1`).
    BadNumber,
    /// A string that is not UTF-8.
    NotUtf8,
    /// A `\u` escape without four hexadecimal digits.
    BadUnicodeEscape,
    /// A backslash escape JSON does not have.
    BadEscape,
    /// A string without its closing quote (or with a control character in it).
    UnterminatedString,
    /// Text after the document.
    TrailingText,
    /// The browser could not read it (the widget's loader parses a configuration file with the
    /// browser's own JSON reader: [`from_tagged`]).
    NotReadable,
}

impl Syntax {
    /// What is wrong, in Dutch.
    pub fn text(self) -> &'static str {
        match self {
            Syntax::TooDeep => "te diep genest",
            Syntax::UnexpectedEnd => "onverwacht einde",
            Syntax::UnexpectedChar => "onverwacht teken",
            Syntax::ExpectedName => "een naam tussen aanhalingstekens verwacht",
            Syntax::ExpectedColon => "':' verwacht",
            Syntax::ExpectedCommaOrBrace => "',' of '}' verwacht",
            Syntax::ExpectedCommaOrBracket => "',' of ']' verwacht",
            Syntax::BadNumber => "ongeldig getal",
            Syntax::NotUtf8 => "geen UTF-8",
            Syntax::BadUnicodeEscape => "ongeldige \\u-code",
            Syntax::BadEscape => "ongeldige escape",
            Syntax::UnterminatedString => "tekst niet afgesloten",
            Syntax::TrailingText => "na het einde staat nog tekst",
            Syntax::NotReadable => "de browser kan het niet lezen",
        }
    }
}

impl fmt::Display for Syntax {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonError::TooLarge { max_kb } => write!(f, "het bestand is groter dan {max_kb} KB"),
            JsonError::Syntax { line, what } => write!(f, "geen geldige JSON op regel {line}: {}", what.text()),
        }
    }
}

impl std::error::Error for JsonError {}

/// Reads a JSON document the browser has already read (`JSON.parse`), in the tagged form the
/// widget's loader writes it (`www/regiewijzer.js`, `tagged`), so the widget carries no JSON reader
/// of its own: `n`, `t`, `f`; `d` number and `s` string, each ended by a zero byte; `a` items `]`;
/// `o` (`s` key, value)… `}`. A document the browser could not read arrives as `!` and the line
/// where it stopped. Anything else that is not this form is [`Syntax::NotReadable`]; never panics.
pub fn from_tagged(text: &str) -> Result<Value, JsonError> {
    if text.len() > MAX_LEN {
        return Err(JsonError::TooLarge { max_kb: MAX_LEN / 1024 });
    }
    let unreadable = |line: usize| JsonError::Syntax { line, what: Syntax::NotReadable };
    if let Some(line) = text.strip_prefix('!') {
        return Err(unreadable(line.parse().unwrap_or(1)));
    }
    let mut t = Tagged { s: text, i: 0 };
    match t.value(0) {
        Some(v) if t.i == text.len() => Ok(v),
        _ => Err(unreadable(1)),
    }
}

/// The reader of [`from_tagged`]'s form: `s` the text, `i` where it is.
struct Tagged<'a> {
    s: &'a str,
    i: usize,
}

impl Tagged<'_> {
    fn tag(&mut self) -> Option<u8> {
        let t = *self.s.as_bytes().get(self.i)?;
        self.i += 1;
        Some(t)
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    /// A text up to its zero byte.
    fn text(&mut self) -> Option<String> {
        let rest = self.s.get(self.i..)?;
        let end = rest.find('\0')?;
        self.i += end + 1;
        Some(rest[..end].to_string())
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.tag()? {
            b'n' => Value::Null,
            b't' => Value::Bool(true),
            b'f' => Value::Bool(false),
            b'd' => Value::Number(self.text()?),
            b's' => Value::Str(self.text()?),
            b'a' => {
                let mut items = Vec::new();
                while self.peek()? != b']' {
                    items.push(self.value(depth + 1)?);
                }
                self.i += 1;
                Value::Array(items)
            }
            b'o' => {
                let mut fields = Vec::new();
                while self.peek()? != b'}' {
                    if self.tag()? != b's' {
                        return None;
                    }
                    let key = self.text()?;
                    fields.push((key, self.value(depth + 1)?));
                }
                self.i += 1;
                Value::Object(fields)
            }
            _ => return None,
        })
    }
}

/// [`from_tagged`]'s form of a value, as the widget's loader writes it (for tests and tools).
pub fn to_tagged(v: &Value) -> String {
    let text = |s: &str| s.replace('\0', "\u{FFFD}") + "\0";
    match v {
        Value::Null => "n".into(),
        Value::Bool(b) => (if *b { "t" } else { "f" }).into(),
        Value::Number(n) => format!("d{}", text(n)),
        Value::Str(s) => format!("s{}", text(s)),
        Value::Array(items) => format!("a{}]", items.iter().map(to_tagged).collect::<String>()),
        Value::Object(fields) => format!("o{}}}", fields.iter().map(|(k, v)| format!("s{}{}", text(k), to_tagged(v))).collect::<String>()),
    }
}

/// Reads one JSON document.
pub fn parse_json(text: &str) -> Result<Value, JsonError> {
    if text.len() > MAX_LEN {
        return Err(JsonError::TooLarge { max_kb: MAX_LEN / 1024 });
    }
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0)?;
    p.ws();
    if p.i != p.s.len() {
        return Err(p.err(Syntax::TrailingText));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, what: Syntax) -> JsonError {
        let line = self.s[..self.i.min(self.s.len())].iter().filter(|b| **b == b'\n').count() + 1;
        JsonError::Syntax { line, what }
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
    fn value(&mut self, depth: usize) -> Result<Value, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.err(Syntax::TooDeep));
        }
        self.ws();
        match self.s.get(self.i) {
            None => Err(self.err(Syntax::UnexpectedEnd)),
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
                        return Err(self.err(Syntax::ExpectedName));
                    }
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(":") {
                        return Err(self.err(Syntax::ExpectedColon));
                    }
                    let v = self.value(depth + 1)?;
                    fields.push((k, v));
                    self.ws();
                    if self.eat("}") {
                        return Ok(Value::Object(fields));
                    }
                    if !self.eat(",") {
                        return Err(self.err(Syntax::ExpectedCommaOrBrace));
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
                        return Err(self.err(Syntax::ExpectedCommaOrBracket));
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
                    Err(self.err(Syntax::BadNumber))
                }
            }
            Some(_) => Err(self.err(Syntax::UnexpectedChar)),
        }
    }
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self.s.get(self.i..self.i + 4).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u32::from_str_radix(h, 16).ok());
        self.i += 4;
        h.ok_or_else(|| self.err(Syntax::BadUnicodeEscape))
    }
    fn string(&mut self) -> Result<String, JsonError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            let start = self.i;
            while self.s.get(self.i).is_some_and(|b| *b != b'"' && *b != b'\\' && *b >= 0x20) {
                self.i += 1;
            }
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.err(Syntax::NotUtf8))?);
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
                        _ => return Err(self.err(Syntax::BadEscape)),
                    }
                }
                _ => return Err(self.err(Syntax::UnterminatedString)),
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

// ---------------------------------------------------------------------------------------------
// Accessors
// ---------------------------------------------------------------------------------------------

/// The value of `key` when `v` is an object that has it (the first, if written twice).
pub fn field<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    match v {
        Value::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// The items when `v` is an array.
pub fn array(v: &Value) -> Option<&Vec<Value>> {
    match v {
        Value::Array(a) => Some(a),
        _ => None,
    }
}

/// The text when `v` is a string.
pub fn string(v: &Value) -> Option<&str> {
    match v {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

/// The text of field `key` of the object at key path `at`; when it is missing, not a string or
/// blank, an empty string and a [`MappingKind::MissingText`] at `at.key`.
pub fn text_field(v: &Value, key: &str, at: &str, problems: &mut Vec<Problem<MappingKind>>) -> String {
    match field(v, key).and_then(string) {
        Some(s) if !s.trim().is_empty() => s.to_string(),
        _ => {
            problems.push(Problem::new(format!("{at}.{key}"), MappingKind::MissingText));
            String::new()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------------------------

/// One problem in a file read with this module: where, and what (`K`, documented and
/// machine-readable: [`MappingKind`] for the comparison's mapping). `Display` gives the Dutch
/// message, which names `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem<K> {
    /// Where: the key path (`contact.westfriesland.toegang.email`, `questions[0].text`), or the id
    /// the file gives (a shared question's, a limit's); empty for the file as a whole. Each kind
    /// says which.
    pub at: String,
    /// What is wrong.
    pub kind: K,
}

impl<K> Problem<K> {
    /// A problem at `at`.
    pub fn new(at: impl Into<String>, kind: K) -> Self {
        Problem { at: at.into(), kind }
    }
}

/// What is wrong in the comparison's mapping file ([`crate::compare::Shared`]): found reading it
/// ([`crate::compare::Shared::parse`], `at` a key path such as `questions[0].in.zeeland`) or
/// checking it against the rule files ([`crate::compare::Shared::check`], `at` a shared
/// question's id, or for a limit `beperking '<shared>=<answer>' in '<guideline>'`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MappingKind {
    /// The file is not a JSON document this module reads (`at` empty).
    Json(JsonError),
    /// `questions` is missing or not a list (`at`: `questions`).
    NoQuestions,
    /// A field that must be a non-empty text is missing or is not one.
    MissingText,
    /// A field that must be an object (`options`, `in`) is missing or is not one.
    MissingObject,
    /// A category's `words` is missing or empty.
    NoWords,
    /// A shared question with fewer than two options (`at`: the question's key path).
    TooFewOptions {
        /// The shared question's id.
        id: String,
    },
    /// A `past_niet` reason that is not a text (`at`: its key path).
    ReasonNotText,
    /// An option translation that is not an option id (`at`: its key path).
    OptionNotText,
    /// Two shared questions with one id (`at`: the id).
    DuplicateQuestion,
    /// A guideline without the question the mapping names for it (`at`: the shared question).
    NoSuchQuestion {
        /// The guideline.
        guideline: String,
        /// The question id the mapping names.
        question: String,
    },
    /// A guideline question mapped to two shared questions (`at`: the second shared question).
    QuestionMappedTwice {
        /// The guideline.
        guideline: String,
        /// Its question.
        question: String,
    },
    /// A translation from an option the shared question does not have (`at`: the shared question).
    NoSuchSharedOption {
        /// The guideline.
        guideline: String,
        /// The shared option named.
        option: String,
    },
    /// A translation to an option the guideline's question does not have (`at`: the shared question).
    NoSuchOption {
        /// The guideline.
        guideline: String,
        /// Its question.
        question: String,
        /// The option named.
        option: String,
    },
    /// A shared option neither translated nor marked `past_niet`, or both (`at`: the shared question).
    Untranslated {
        /// The guideline.
        guideline: String,
        /// The shared option.
        option: String,
    },
    /// An option of the guideline's question no shared option translates to (`at`: the shared question).
    OptionNotReached {
        /// The guideline.
        guideline: String,
        /// Its question.
        question: String,
        /// The option no translation reaches.
        option: String,
    },
    /// A limit on a shared answer that does not exist (`at`: the limit).
    LimitNoSuchAnswer {
        /// The shared question.
        question: String,
        /// The answer named.
        answer: String,
    },
    /// A limit on a question the guideline does not have (`at`: the limit).
    LimitNoSuchQuestion {
        /// The question named.
        question: String,
    },
    /// A limit whose `allow` names no option (`at`: the limit).
    LimitAllowsNothing,
    /// A limit that allows an option the question does not have (`at`: the limit).
    LimitNoSuchOption {
        /// The guideline's question.
        question: String,
        /// The option named.
        option: String,
    },
}

impl fmt::Display for Problem<MappingKind> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use MappingKind::*;
        let at = &self.at;
        match &self.kind {
            Json(e) => write!(f, "{e}"),
            NoQuestions => write!(f, "'{at}' ontbreekt of is geen lijst"),
            MissingText => write!(f, "{at} ontbreekt of is geen tekst"),
            MissingObject => write!(f, "{at} ontbreekt of is geen object"),
            NoWords => write!(f, "{at} ontbreekt of is leeg"),
            TooFewOptions { id } => write!(f, "{at} ('{id}'): minstens twee antwoorden nodig"),
            ReasonNotText => write!(f, "{at}: moet een reden (tekst) zijn"),
            OptionNotText => write!(f, "{at}: moet een antwoord-id (tekst) zijn"),
            DuplicateQuestion => write!(f, "gedeelde vraag '{at}' staat er twee keer in"),
            NoSuchQuestion { guideline, question } => write!(f, "'{at}': richtlijn '{guideline}' heeft geen vraag '{question}'"),
            QuestionMappedTwice { guideline, question } => {
                write!(f, "'{at}': vraag '{question}' van '{guideline}' hoort al bij een andere gedeelde vraag")
            }
            NoSuchSharedOption { guideline, option } => {
                write!(f, "'{at}' in '{guideline}': '{option}' is geen antwoord van de gedeelde vraag")
            }
            NoSuchOption { guideline, question, option } => {
                write!(f, "'{at}' in '{guideline}': vraag '{question}' heeft geen antwoord '{option}'")
            }
            Untranslated { guideline, option } => {
                write!(f, "'{at}' in '{guideline}': het gedeelde antwoord '{option}' is niet vertaald (of zowel vertaald als 'past niet')")
            }
            OptionNotReached { guideline, question, option } => {
                write!(f, "'{at}' in '{guideline}': antwoord '{option}' van vraag '{question}' komt 0 keer voor (minstens één keer nodig)")
            }
            LimitNoSuchAnswer { question, answer } => write!(f, "{at}: geen gedeeld antwoord '{answer}' bij vraag '{question}'"),
            LimitNoSuchQuestion { question } => write!(f, "{at}: richtlijn heeft geen vraag '{question}'"),
            LimitAllowsNothing => write!(f, "{at}: 'allow' noemt geen antwoord (gebruik 'past_niet')"),
            LimitNoSuchOption { question, option } => write!(f, "{at}: vraag '{question}' heeft geen antwoord '{option}'"),
        }
    }
}
