//! The source coverage map: where in the guideline text kept beside a rule file each quoted passage
//! lies, which elements cite it, and whether each heading of the text is cited, deliberately not
//! modelled, or not processed at all ("niet verwerkt"). The beheer page shows the text with every
//! passage highlighted and linked to the questions and outcomes that cite it (and back); a
//! "niet verwerkt" view lists what no rule covers yet.
//!
//! Quotes are found as the audit finds them ([`squash`]: OCR drops and inserts whitespace, so every
//! other character must match) and mapped back to byte offsets in the original text, so a range cuts
//! the passage out of the text as it is shown. A quote that occurs more than once is placed at its
//! first occurrence after its source's heading (a table of contents or an introduction may repeat
//! it earlier), otherwise at its first occurrence. A heading is placed on a line of its own where
//! the text has one (a `#` line, or a line holding only the heading), so a table of contents with
//! page numbers does not take its place.

use crate::engine::audit::squash;
use crate::engine::model::Guideline;
use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// Where a rule file uses its guideline text; see the module docs. Ranges are byte offsets in the
/// text given to [`coverage`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Every quoted passage found in the text, once per range, in text order (by start, then end).
    pub passages: Vec<Passage>,
    /// The text cut at every passage's start and end: each piece some passage covers, with every
    /// element citing it, in text order. Where two quotes overlap, the shared piece lists the
    /// elements of both: what a highlighter marks, since highlights cannot cross.
    pub segments: Vec<Segment>,
    /// Sources whose quote is not in the text (the audit reports each as `QuoteNotInText`).
    pub not_found: Vec<Citation>,
    /// Every heading: those the rule file lists in [`Guideline::headings`], and the text's own `#`
    /// heading lines it does not list, in text order (a listed heading not found in the text last).
    pub headings: Vec<HeadingCoverage>,
}

/// One quoted passage of the text and the elements that quote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Where it lies in the text: from the quote's first to its last non-whitespace character.
    pub range: Range<usize>,
    /// The elements citing it, as [`Guideline::sources`] names them: a question or outcome id,
    /// `vraag.optie#n` for a branch, `cadence:id` for a rhythm; each once, in the order of the file.
    pub cited_by: Vec<String>,
}

/// A piece of the text covered by one or more passages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Where it lies in the text.
    pub range: Range<usize>,
    /// Every element whose passage covers this piece, each once (see [`Passage::cited_by`]).
    pub cited_by: Vec<String>,
}

/// A source as an element carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The element, as in [`Passage::cited_by`].
    pub element: String,
    /// The source's heading.
    pub heading: String,
    /// The source's quote, as the rule file writes it.
    pub quote: String,
}

/// One heading of the text and what the rule file does with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeadingCoverage {
    /// The heading: as [`Guideline::headings`] lists it, or the text of a `#` line without its marks.
    pub heading: String,
    /// Whether the rule file lists it in [`Guideline::headings`]. The audit requires every listed
    /// heading to be cited or not modelled; an unlisted `#` line is a sub-heading or title the file
    /// does not name, shown so the owner can decide.
    pub listed: bool,
    /// Where it lies in the text; `None` for a listed heading the text does not hold (the audit
    /// reports it as `HeadingNotInText`).
    pub range: Option<Range<usize>>,
    /// Cited, deliberately not modelled, or not processed.
    pub status: HeadingStatus,
    /// The elements whose source names it (as the heading or as its " — " sub-heading).
    pub cited_by: Vec<String>,
}

/// What a rule file does with a heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", content = "reason", rename_all = "snake_case")]
pub enum HeadingStatus {
    /// Some source names it (`cited`).
    Cited,
    /// Listed in [`Guideline::not_modelled`], with this reason (`not_modelled`).
    NotModelled(String),
    /// Neither cited nor listed with a reason (`niet_verwerkt`).
    NietVerwerkt,
}

impl Coverage {
    /// The passages `element` cites (see [`Passage::cited_by`]), in text order.
    pub fn of<'a>(&'a self, element: &'a str) -> impl Iterator<Item = &'a Passage> + 'a {
        self.passages.iter().filter(move |p| p.cited_by.iter().any(|e| e == element))
    }

    /// The headings neither cited nor listed as not modelled.
    pub fn niet_verwerkt(&self) -> impl Iterator<Item = &HeadingCoverage> {
        self.headings.iter().filter(|h| h.status == HeadingStatus::NietVerwerkt)
    }
}

/// The coverage of `text` (the guideline text kept beside the rule file, `rules/text/<seed>`) by
/// the rule file `g`.
///
/// ```rust
/// use regiewijzer::engine::coverage::{coverage, HeadingStatus};
/// use regiewijzer::guidelines::Registry;
///
/// let registry = Registry::builtin();
/// let g = registry.get("westfriesland").unwrap();
/// let text = std::fs::read_to_string(format!("rules/text/{}", g.seed)).unwrap();
/// let c = coverage(g, &text);
///
/// // Every quote is found; each passage is a piece of the text and names who cites it.
/// assert!(c.not_found.is_empty());
/// let first = &c.passages[0];
/// assert!(!text[first.range.clone()].is_empty() && !first.cited_by.is_empty());
/// // Every heading the file lists is cited or deliberately not modelled.
/// assert!(c.headings.iter().filter(|h| h.listed).all(|h| h.status != HeadingStatus::NietVerwerkt));
/// ```
pub fn coverage(g: &Guideline, text: &str) -> Coverage {
    let sq = Squashed::new(text);
    let sources = g.sources();

    // Passages: each quote placed after its heading where it can be, grouped by range.
    let mut ranges: BTreeMap<(usize, usize), Vec<String>> = BTreeMap::new();
    let mut not_found = Vec::new();
    for (id, s) in &sources {
        let mut anchor = 0;
        for part in s.heading.split(" — ") {
            if let Some(r) = locate_heading(text, &sq, part).filter(|r| r.start >= anchor) {
                anchor = r.start;
            }
        }
        let quote = squash(&s.quote);
        match sq.find(&quote, sq.squashed(anchor)).or_else(|| sq.find(&quote, 0)) {
            Some(r) => {
                let ids = ranges.entry((r.start, r.end)).or_default();
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
            None => not_found.push(Citation { element: id.clone(), heading: s.heading.clone(), quote: s.quote.clone() }),
        }
    }
    let passages: Vec<Passage> = ranges.into_iter().map(|((start, end), cited_by)| Passage { range: start..end, cited_by }).collect();

    // Segments: cut at every boundary; a piece lists every passage over it.
    let mut cuts: Vec<usize> = passages.iter().flat_map(|p| [p.range.start, p.range.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut segments = Vec::new();
    for w in cuts.windows(2) {
        let (start, end) = (w[0], w[1]);
        let mut cited_by: Vec<String> = Vec::new();
        for p in passages.iter().filter(|p| p.range.start <= start && p.range.end >= end) {
            for e in &p.cited_by {
                if !cited_by.contains(e) {
                    cited_by.push(e.clone());
                }
            }
        }
        if !cited_by.is_empty() {
            segments.push(Segment { range: start..end, cited_by });
        }
    }

    // Headings: the listed ones (cited as the audit counts it: a source names the heading as
    // listed), then the text's own `#` lines not listed (named with or without their marks).
    let cited_by = |named: &dyn Fn(&str) -> bool| -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for (id, s) in &sources {
            if s.heading.split(" — ").any(named) && !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        ids
    };
    let mut headings: Vec<HeadingCoverage> = Vec::new();
    for h in &g.headings {
        let ids = cited_by(&|part| part == h);
        let status = if !ids.is_empty() {
            HeadingStatus::Cited
        } else {
            match g.not_modelled.iter().find(|n| &n.heading == h && !n.reason.trim().is_empty()) {
                Some(n) => HeadingStatus::NotModelled(n.reason.clone()),
                None => HeadingStatus::NietVerwerkt,
            }
        };
        headings.push(HeadingCoverage { heading: h.clone(), listed: true, range: locate_heading(text, &sq, h), status, cited_by: ids });
    }
    let listed: Vec<String> = g.headings.iter().map(|h| heading_key(h)).collect();
    for (heading, range) in marked_headings(text) {
        let key = heading_key(&heading);
        if listed.contains(&key) {
            continue;
        }
        let ids = cited_by(&|part| heading_key(part) == key);
        let status = if ids.is_empty() { HeadingStatus::NietVerwerkt } else { HeadingStatus::Cited };
        headings.push(HeadingCoverage { heading, listed: false, range: Some(range), status, cited_by: ids });
    }
    headings.sort_by_key(|h| h.range.as_ref().map_or(usize::MAX, |r| r.start));

    Coverage { passages, segments, not_found, headings }
}

/// The text without whitespace, as [`squash`] makes it, with the way back to the original.
struct Squashed {
    /// The squashed text.
    text: String,
    /// For each byte of `text`, its byte offset in the original.
    at: Vec<usize>,
}

impl Squashed {
    fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut at = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices().filter(|(_, c)| !c.is_whitespace()) {
            text.push(c);
            at.extend(i..i + c.len_utf8());
        }
        Squashed { text, at }
    }

    /// The original range of the first occurrence of `needle` (squashed) at or after squashed
    /// offset `from`; `None` for an empty needle.
    fn find(&self, needle: &str, from: usize) -> Option<Range<usize>> {
        if needle.is_empty() {
            return None;
        }
        let start = from + self.text.get(from..)?.find(needle)?;
        Some(self.original(start..start + needle.len()))
    }

    /// Every occurrence of `needle` (squashed), as original ranges.
    fn all(&self, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        self.text.match_indices(needle).map(|(i, _)| self.original(i..i + needle.len())).collect()
    }

    /// Squashed range → original range (first to last byte of the characters it holds).
    fn original(&self, r: Range<usize>) -> Range<usize> {
        self.at[r.start]..self.at[r.end - 1] + 1
    }

    /// The squashed offset of an original offset (the first squashed byte at or after it).
    fn squashed(&self, original: usize) -> usize {
        self.at.partition_point(|&o| o < original)
    }
}

/// Where heading `h` lies: preferably alone on its line (only `#`, `*`, `:` and whitespace beside
/// it), else at the start of a line, else its first occurrence.
fn locate_heading(text: &str, sq: &Squashed, h: &str) -> Option<Range<usize>> {
    let mark = |c: char| c.is_whitespace() || c == '#' || c == '*';
    let rank = |r: &Range<usize>| {
        let line_start = text[..r.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
        let starts = text[line_start..r.start].chars().all(mark);
        let alone = starts && text[r.end..line_end].chars().all(|c| mark(c) || c == ':');
        match (alone, starts) {
            (true, _) => 0,
            (false, true) => 1,
            _ => 2,
        }
    };
    sq.all(&squash(h)).into_iter().min_by_key(|r| (rank(r), r.start))
}

/// Every `#` line of the text: the heading without its marks (`#`, `*`, surrounding whitespace)
/// and where that lies.
fn marked_headings(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with('#') {
            let inner = line.trim_start_matches('#').trim().trim_matches('*').trim();
            if !inner.is_empty() {
                let start = offset + line.find(inner).expect("trimmed from the line");
                out.push((inner.to_string(), start..start + inner.len()));
            }
        }
        offset += line.len();
    }
    out
}

/// A heading compared without whitespace, emphasis marks and a trailing ":" (the rule file keeps
/// the document's "Uitgangspunten bij alle regie-vormen*:", the `#` line has "**…**").
fn heading_key(h: &str) -> String {
    squash(h).trim_end_matches(':').trim_matches('*').trim_end_matches(':').to_string()
}
