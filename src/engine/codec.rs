//! The compact binary form of a rule file: what `build.rs` writes and the widget and the CLI read.
//!
//! Hand-written instead of serde + postcard because the widget pays for every byte of decoder: the
//! generic deserializer cost about 20 KB of wasm, this one a few. Every string is stored once in a
//! table at the front (rule files repeat sources, labels and owners), in the order of first use, and
//! each value refers to it: 0 for "the next string of the table not used yet" (most strings are used
//! once), n for string n-1 again. Numbers are LEB128 varints. A struct is its fields in declaration
//! order; the `record!` macro destructures the struct without `..`, so adding a field to the model
//! without adding it here is a compile error.
//!
//! ```text
//! file   = "RWD" version:u8 table body
//! table  = count:varint { utf8-bytes 0x00 }
//! body   = one value, e.g. a Bundle
//! ```
//!
//! The strings end in a zero byte instead of starting with their length, and new strings cost one
//! constant byte in the body: the text then compresses as one run of prose (−0.5 KB gzip for
//! Hoogeveen/De Wolden, −0.9 KB with the references; measured). A zero byte inside a string (only
//! possible through a `\u0000` escape in JSON) is written as U+FFFD.
//!
//! Decoding never panics: a truncated or mangled file gives a [`CodecError`], lengths are checked
//! against the bytes that are left before anything is allocated. Errors are sticky in the
//! [`Reader`], which keeps the decoder small.

use crate::engine::layout::{EdgePath, Layout, NodeBox};
use crate::engine::map::Map;
use crate::engine::model::*;

const MAGIC: &[u8; 3] = b"RWD";
/// Bumped whenever the layout of the bytes changes; an old file then gives a clear error.
pub const VERSION: u8 = 3;

/// Why bytes could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodecError {
    /// Not a rule file, or one written by another version of Regiewijzer.
    Header,
    /// The bytes end in the middle of a value.
    Truncated,
    /// A value that cannot be (an unknown tag, a string number past the table, bad UTF-8).
    Invalid,
    /// Bytes left over after the value.
    Trailing,
}

impl std::fmt::Display for CodecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CodecError::Header => "geen regelbestand van deze versie van de Regiewijzer",
            CodecError::Truncated => "het bestand is afgebroken",
            CodecError::Invalid => "het bestand is beschadigd",
            CodecError::Trailing => "er staat meer in het bestand dan verwacht",
        })
    }
}

/// Collects the string table and the body.
#[derive(Default)]
pub struct Writer {
    strings: Vec<String>,
    index: std::collections::BTreeMap<String, u32>,
    body: Vec<u8>,
}

impl Writer {
    fn uint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.body.push(byte);
                return;
            }
            self.body.push(byte | 0x80);
        }
    }

    fn string(&mut self, s: &str) {
        let next = self.strings.len() as u32;
        let i = *self.index.entry(s.to_string()).or_insert_with(|| next);
        if i == next {
            self.strings.push(s.replace('\0', "\u{FFFD}"));
            self.uint(0);
        } else {
            self.uint(u64::from(i) + 1);
        }
    }

    /// The finished file: header, table, body.
    pub fn finish(self) -> Vec<u8> {
        let mut head = Writer::default();
        head.body.extend_from_slice(MAGIC);
        head.body.push(VERSION);
        head.uint(self.strings.len() as u64);
        for s in &self.strings {
            head.body.extend_from_slice(s.as_bytes());
            head.body.push(0);
        }
        head.body.extend_from_slice(&self.body);
        head.body
    }
}

/// Reads values from a file's body, strings from its table. Errors are sticky: after the first one
/// every read returns a default value and [`Reader::done`] reports the error. That keeps the decoder
/// small (no `Result` through every field) and still never panics.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    strings: Vec<&'a str>,
    /// How many strings of the table the body has used so far (the next "new" one).
    used: usize,
    error: Option<CodecError>,
}

impl<'a> Reader<'a> {
    /// Checks the header and reads the string table.
    pub fn new(data: &'a [u8]) -> Result<Self, CodecError> {
        if data.len() < 4 || &data[..3] != MAGIC || data[3] != VERSION {
            return Err(CodecError::Header);
        }
        let mut r = Reader { data, pos: 4, strings: Vec::new(), used: 0, error: None };
        let n = r.len();
        for _ in 0..n {
            let rest = &data[r.pos..];
            let Some(len) = rest.iter().position(|&b| b == 0) else {
                r.fail(CodecError::Truncated);
                break;
            };
            let bytes = r.take(len + 1);
            match std::str::from_utf8(&bytes[..len]) {
                Ok(s) => r.strings.push(s),
                Err(_) => r.fail(CodecError::Invalid),
            }
        }
        match r.error {
            Some(e) => Err(e),
            None => Ok(r),
        }
    }

    /// Records the first error.
    pub fn fail(&mut self, e: CodecError) {
        self.error.get_or_insert(e);
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        match self.pos.checked_add(n).filter(|&e| e <= self.data.len()) {
            Some(end) => {
                let s = &self.data[self.pos..end];
                self.pos = end;
                s
            }
            None => {
                self.fail(CodecError::Truncated);
                self.pos = self.data.len();
                &[]
            }
        }
    }

    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(0)
    }

    fn uint(&mut self) -> u64 {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return n;
            }
        }
        self.fail(CodecError::Invalid);
        0
    }

    /// A count of items, each at least one byte: never more than the bytes left (no huge allocation
    /// from a mangled file).
    fn len(&mut self) -> usize {
        let n = self.uint();
        if n > (self.data.len() - self.pos) as u64 {
            self.fail(CodecError::Truncated);
            return 0;
        }
        n as usize
    }

    fn str(&mut self) -> &'a str {
        let i = match self.uint() {
            0 => {
                self.used += 1;
                self.used - 1
            }
            n => (n - 1) as usize,
        };
        // A reference may only point back: at a string the body has already used.
        match self.strings.get(i).filter(|_| i < self.used) {
            Some(s) => s,
            None => {
                self.fail(CodecError::Invalid);
                ""
            }
        }
    }

    /// Ends reading: no error, and the whole file used.
    pub fn done(self) -> Result<(), CodecError> {
        match self.error {
            Some(e) => Err(e),
            None if self.pos == self.data.len() => Ok(()),
            None => Err(CodecError::Trailing),
        }
    }
}

/// A value in the compact form. `get` returns a default value after an error (see [`Reader`]).
pub trait Code: Sized {
    /// Appends the value to the body (and its new strings to the table).
    fn put(&self, w: &mut Writer);
    /// Reads a value back; after an error, some value and the error kept in `r`.
    fn get(r: &mut Reader) -> Self;
}

/// Encodes one value as a whole file.
pub fn encode<T: Code>(v: &T) -> Vec<u8> {
    let mut w = Writer::default();
    v.put(&mut w);
    w.finish()
}

/// Decodes a whole file holding one value.
pub fn decode<T: Code>(bytes: &[u8]) -> Result<T, CodecError> {
    let mut r = Reader::new(bytes)?;
    let v = T::get(&mut r);
    r.done()?;
    Ok(v)
}

impl Code for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.uint();
        u32::try_from(n).unwrap_or_else(|_| {
            r.fail(CodecError::Invalid);
            0
        })
    }
}

impl Code for i32 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(((*self << 1) ^ (*self >> 31)) as u32));
    }
    fn get(r: &mut Reader) -> Self {
        let z = u32::get(r);
        ((z >> 1) as i32) ^ -((z & 1) as i32)
    }
}

impl Code for bool {
    fn put(&self, w: &mut Writer) {
        w.body.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => {
                r.fail(CodecError::Invalid);
                false
            }
        }
    }
}

impl Code for String {
    fn put(&self, w: &mut Writer) {
        w.string(self);
    }
    fn get(r: &mut Reader) -> Self {
        r.str().to_string()
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.body.push(0),
            Some(v) => {
                w.body.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::get(r)),
            _ => {
                r.fail(CodecError::Invalid);
                None
            }
        }
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(T::get(r));
        }
        v
    }
}

impl<K: Code + Ord, V: Code> Code for Map<K, V> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for (k, v) in self {
            k.put(w);
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        let mut m = Map::new();
        for _ in 0..n {
            let k = K::get(r);
            m.insert(k, V::get(r));
        }
        m
    }
}

impl<A: Code, B: Code> Code for (A, B) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let a = A::get(r);
        (a, B::get(r))
    }
}

/// `Code` for a struct: its fields in order. The pattern has no `..`: a new field must be listed.
macro_rules! record {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Code for $t {
            fn put(&self, w: &mut Writer) {
                let $t { $($f),* } = self;
                $( $f.put(w); )*
            }
            fn get(r: &mut Reader) -> Self {
                $t { $($f: Code::get(r)),* }
            }
        }
    };
}

/// `Code` for a fieldless enum: one byte, the tag written beside each variant. `put` is a `match`
/// without a wildcard arm, so a variant added to the model but not listed here is a compile error
/// (never a wrong tag, as with `record!` for fields); an unknown tag read back is
/// [`CodecError::Invalid`]. The tags must be 0, 1, 2, … in list order, checked at compile time: no
/// gap, no tag used twice.
macro_rules! tags {
    ($t:ident { $v0:ident = $n0:literal $(, $v:ident = $n:literal)* $(,)? }) => {
        const _: () = {
            let tags: &[u8] = &[$n0 $(, $n)*];
            let mut i = 0;
            while i < tags.len() {
                assert!(tags[i] as usize == i, concat!("tags!(", stringify!($t), ", …): the tags must be 0, 1, 2, … in order"));
                i += 1;
            }
        };
        impl Code for $t {
            fn put(&self, w: &mut Writer) {
                w.body.push(match self {
                    $t::$v0 => $n0,
                    $($t::$v => $n,)*
                });
            }
            fn get(r: &mut Reader) -> Self {
                match r.byte() {
                    $n0 => $t::$v0,
                    $($n => $t::$v,)*
                    _ => {
                        r.fail(CodecError::Invalid);
                        $t::$v0
                    }
                }
            }
        }
    };
}

record!(Guideline {
    schema,
    id,
    region,
    title,
    seed,
    document_date,
    scope,
    valid_from,
    valid_until,
    validity_note,
    date_labels,
    configurable,
    start,
    questions,
    outcomes,
    cadences,
    headings,
    not_modelled,
    tests,
});
record!(Source { heading, quote });
record!(Interpretation { kind, text });
record!(ConfigurableLabel { key, label });
record!(Unknown { find_out });
record!(Question { id, short, text, help, source, interpretation, unknown, options });
record!(Choice { id, short, label, help, goto, branches, sets, notes });
record!(Branch { when, goto, rule, source, interpretation, sets });
record!(ProviderContact { answer, text });
record!(Outcome {
    id,
    short,
    title,
    regie,
    owner,
    intensity,
    intensity_is_suggestion,
    cadence,
    cadence_text,
    timelines,
    details,
    actions,
    provider,
    notes,
    sources,
    interpretations,
});
record!(Detail { label, value });
record!(Cadence {
    id,
    label,
    first_review,
    first_year_every,
    year_review,
    after_first_year_every,
    days_before_end,
    continuation_every,
    form_decided_by,
    later_form_decided_by,
    source,
    interpretations,
});
record!(Timeline { from, items });
record!(TimelineItem { after, skip_weekends, what });
record!(NotModelled { heading, reason });
record!(TestCase { name, situation, answers, expect });
record!(Expectation { outcome, provider, intensity, because });
record!(Layout { width, height, nodes, edges });
record!(NodeBox { x, y, w, h, lines });
/// An edge's points as steps from the point before (the first from 0,0): the routes are
/// orthogonal, so one of each pair is mostly 0 and the file compresses better (−0.46 KB gzip for
/// Hoogeveen/De Wolden, measured). Wrapping arithmetic: a mangled file cannot overflow.
impl Code for EdgePath {
    fn put(&self, w: &mut Writer) {
        let EdgePath { from, to, points, label, label_at, rule } = self;
        from.put(w);
        to.put(w);
        let mut prev = (0i32, 0i32);
        let steps: Vec<(i32, i32)> = points
            .iter()
            .map(|&(x, y)| {
                let step = (x.wrapping_sub(prev.0), y.wrapping_sub(prev.1));
                prev = (x, y);
                step
            })
            .collect();
        steps.put(w);
        label.put(w);
        label_at.put(w);
        rule.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let from = Code::get(r);
        let to = Code::get(r);
        let steps: Vec<(i32, i32)> = Code::get(r);
        let mut prev = (0i32, 0i32);
        let points = steps
            .into_iter()
            .map(|(dx, dy)| {
                prev = (prev.0.wrapping_add(dx), prev.1.wrapping_add(dy));
                prev
            })
            .collect();
        EdgePath { from, to, points, label: Code::get(r), label_at: Code::get(r), rule: Code::get(r) }
    }
}
tags!(InterpretationKind { Interpretatie = 0, NietEenduidig = 1 });
tags!(ContactAnswer { Ja = 0, Nee = 1, Mag = 2 });
tags!(DateField { Start = 0, End = 1, Moment = 2, Birth = 3, Handover = 4 });

impl Code for Span {
    fn put(&self, w: &mut Writer) {
        let (tag, n) = match *self {
            Span::Hours(n) => (0u8, n),
            Span::Weeks(n) => (1, n),
            Span::Months(n) => (2, n),
            Span::Years(n) => (3, n),
        };
        w.body.push(tag);
        n.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let tag = r.byte();
        let n = u32::get(r);
        match tag {
            0 => Span::Hours(n),
            1 => Span::Weeks(n),
            2 => Span::Months(n),
            3 => Span::Years(n),
            _ => {
                r.fail(CodecError::Invalid);
                Span::Hours(0)
            }
        }
    }
}

impl Code for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64);
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.uint();
        usize::try_from(n).unwrap_or_else(|_| {
            r.fail(CodecError::Invalid);
            0
        })
    }
}

/// A rule file's `"$schema"` (for editors only): nothing in the compact form.
impl Code for serde::de::IgnoredAny {
    fn put(&self, _: &mut Writer) {}
    fn get(_: &mut Reader) -> Self {
        serde::de::IgnoredAny
    }
}

/// What one data file holds: a guideline and its drawn schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// The rule file, loaded and validated.
    pub guideline: Guideline,
    /// Its stroomschema, laid out by `layout` at build time.
    pub layout: Layout,
}

record!(Bundle { guideline, layout });

/// One line of the index of built-in rule files (`index.rwd`): what the picker shows before any
/// data is loaded. `problems` is empty for a usable file and holds the Dutch diagnostics otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// [`Guideline::id`] (for a file that did not load: its file name).
    pub id: String,
    /// [`Guideline::region`].
    pub region: String,
    /// [`Guideline::title`].
    pub title: String,
    /// [`Guideline::seed`].
    pub seed: String,
    /// [`Guideline::document_date`].
    pub document_date: String,
    /// [`Guideline::valid_from`].
    pub valid_from: String,
    /// [`Guideline::valid_until`].
    pub valid_until: Option<String>,
    /// The Dutch diagnostics; empty for a usable file.
    pub problems: Vec<String>,
    /// The placeholder keys a gemeente may name (checked in its configuration file before loading).
    pub configurable: Vec<String>,
}

record!(Listing { id, region, title, seed, document_date, valid_from, valid_until, problems, configurable });

impl Listing {
    /// The listing of a loaded guideline.
    pub fn of(g: &Guideline) -> Self {
        Listing {
            id: g.id.clone(),
            region: g.region.clone(),
            title: g.title.clone(),
            seed: g.seed.clone(),
            document_date: g.document_date.clone(),
            valid_from: g.valid_from.clone(),
            valid_until: g.valid_until.clone(),
            problems: Vec::new(),
            configurable: g.configurable.iter().map(|c| c.key.clone()).collect(),
        }
    }
}

impl Bundle {
    /// The guideline with its schema laid out.
    pub fn new(guideline: Guideline) -> Self {
        let layout = crate::engine::layout::layout(&crate::engine::layout::graph_of(&guideline));
        Bundle { guideline, layout }
    }

    /// What the widget needs for a walk: without the test cases, the heading list, the passages
    /// not modelled, the scope line and the note on the validity dates (the CLI, the tests and the
    /// training mode have them; the widget shows none of these).
    pub fn for_walk(&self) -> Bundle {
        let mut b = self.clone();
        b.guideline.tests.clear();
        b.guideline.headings.clear();
        b.guideline.not_modelled.clear();
        b.guideline.scope.clear();
        b.guideline.validity_note = None;
        b
    }
}
