//! Load a rule file and validate it, reporting every problem at once.

use crate::engine::dates::parse_date;
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
use crate::engine::error::LoadError;
use crate::engine::error::{Diagnostic, ErrorKind};
use crate::engine::model::{DateField, Guideline, Source, MAX_QUOTE_CHARS, MAX_SHORT_CHARS};
use crate::engine::walk::{walk, Position};
use std::collections::{BTreeMap, BTreeSet};

/// Parses and validates one rule file (JSON). `name` identifies the file in a parse error.
///
/// On success the guideline is structurally sound (every id known, every node reachable, no dead end,
/// no cycle, every node sourced) and all its own test cases pass. Native (and the JS API's checker):
/// the widget loads the compiled form (`codec`), made by `build.rs` with this function.
///
/// ```rust
/// use regiewijzer::engine::{load, ErrorKind};
///
/// let json = r#"{
///   "id": "mini", "region": "Voorbeeldregio", "title": "Regie bij veiligheid", "seed": "mini.txt",
///   "document_date": "2026", "scope": "jeugdhulp", "valid_from": "2026-01-01", "start": "veilig",
///   "questions": [{
///     "id": "veilig", "short": "Veilig?", "text": "Is het kind veilig?",
///     "source": { "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." },
///     "options": [
///       { "id": "ja", "short": "ja", "label": "Ja", "goto": "wijkteam" },
///       { "id": "nee", "short": "nee", "label": "Nee", "goto": "gi" }
///     ]
///   }],
///   "outcomes": [
///     { "id": "wijkteam", "short": "Regie wijkteam", "title": "Regie bij het wijkteam", "regie": "lokaal",
///       "owner": "lokaal (wijk)team", "actions": ["Stel met het gezin een plan op."],
///       "sources": [{ "heading": "2 Regie", "quote": "Anders voert het wijkteam de regie." }] },
///     { "id": "gi", "short": "Regie GI", "title": "Regie bij de GI", "regie": "GI",
///       "owner": "gecertificeerde instelling", "actions": ["Meld het gezin bij de GI."],
///       "sources": [{ "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." }] }
///   ],
///   "tests": [{
///     "name": "onveilig", "situation": "Een gezin waar het kind niet veilig is.",
///     "answers": { "veilig": "nee" }, "expect": { "outcome": "gi", "because": "2 Regie" }
///   }]
/// }"#;
/// let g = load("mini", json).unwrap();
/// assert_eq!(g.question("veilig").unwrap().options.len(), 2);
///
/// // Every problem at once, each naming the guideline and the id at fault.
/// let broken = json.replace(r#""goto": "gi""#, r#""goto": "elders""#);
/// let e = load("mini", &broken).unwrap_err();
/// assert!(e.diagnostics.iter().all(|d| d.guideline == "mini"));
/// assert!(e.diagnostics.iter().any(|d| d.kind == ErrorKind::UnknownTarget { from: "veilig.nee".into(), target: "elders".into() }));
/// assert!(e.diagnostics.iter().any(|d| d.kind == ErrorKind::Unreachable { id: "gi".into() }));
/// ```
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
pub fn load(name: &str, json: &str) -> Result<Guideline, LoadError> {
    let g: Guideline = serde_json::from_str(json).map_err(|e| parse_error(name, e.to_string()))?;
    checked(g)
}

#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
fn parse_error(name: &str, message: String) -> LoadError {
    LoadError { diagnostics: vec![Diagnostic { guideline: name.to_string(), kind: ErrorKind::Parse { message } }] }
}

#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
fn checked(g: Guideline) -> Result<Guideline, LoadError> {
    let diagnostics = validate(&g);
    if diagnostics.is_empty() {
        Ok(g)
    } else {
        Err(LoadError { diagnostics })
    }
}

/// Every problem in `g`. Test cases are run only when the structure is sound.
pub fn validate(g: &Guideline) -> Vec<Diagnostic> {
    let mut kinds = structure(g);
    if kinds.is_empty() {
        kinds.extend(run_tests(g));
    }
    kinds.into_iter().map(|kind| Diagnostic { guideline: g.id.clone(), kind }).collect()
}

fn structure(g: &Guideline) -> Vec<ErrorKind> {
    let mut out = Vec::new();

    // Ids: questions and outcomes share one space; options are unique per question.
    let mut seen = BTreeSet::new();
    for id in g.questions.iter().map(|q| &q.id).chain(g.outcomes.iter().map(|o| &o.id)) {
        if !seen.insert(id.as_str()) {
            out.push(ErrorKind::DuplicateId { id: id.clone() });
        }
    }
    let mut cadences = BTreeSet::new();
    for c in &g.cadences {
        if !cadences.insert(c.id.as_str()) {
            out.push(ErrorKind::DuplicateId { id: format!("cadence:{}", c.id) });
        }
    }
    if g.question(&g.start).is_none() {
        out.push(ErrorKind::UnknownStart { id: g.start.clone() });
    }

    // Ids travel in share links: plain characters, and no question named like a date key.
    let plain = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    let reserved = |id: &str| DateField::ALL.iter().any(|f| f.key() == id);
    let ids = std::iter::once(&g.id)
        .chain(g.outcomes.iter().map(|o| &o.id))
        .chain(g.questions.iter().flat_map(|q| q.options.iter().map(|c| &c.id)));
    for id in ids {
        if !plain(id) {
            out.push(ErrorKind::BadId { id: id.clone() });
        }
    }
    for q in &g.questions {
        if !plain(&q.id) || reserved(&q.id) {
            out.push(ErrorKind::BadId { id: q.id.clone() });
        }
    }

    // Short labels for the drawn schema.
    let mut label = |id: String, short: &str| {
        let chars = short.trim().chars().count();
        if chars == 0 {
            out.push(ErrorKind::MissingLabel { id });
        } else if chars > MAX_SHORT_CHARS {
            out.push(ErrorKind::LabelTooLong { id, chars });
        }
    };
    for q in &g.questions {
        label(q.id.clone(), &q.short);
        for c in &q.options {
            label(format!("{}.{}", q.id, c.id), &c.short);
        }
    }
    for o in &g.outcomes {
        label(o.id.clone(), &o.short);
    }

    // Validity period.
    let from = parse_date("valid_from", &g.valid_from).ok();
    if from.is_none() {
        out.push(ErrorKind::BadValidity { field: "valid_from".into(), value: g.valid_from.clone() });
    }
    if let Some(u) = &g.valid_until {
        match parse_date("valid_until", u) {
            Ok(until) if from.is_none_or(|f| until >= f) => {}
            _ => out.push(ErrorKind::BadValidity { field: "valid_until".into(), value: u.clone() }),
        }
    }
    for t in &g.tests {
        if t.situation.trim().is_empty() {
            out.push(ErrorKind::MissingSituation { case: t.name.clone() });
        }
    }

    for q in &g.questions {
        if q.options.is_empty() {
            out.push(ErrorKind::DeadEnd { id: q.id.clone() });
        }
        let mut opts = BTreeSet::new();
        for c in &q.options {
            let from = format!("{}.{}", q.id, c.id);
            if !opts.insert(c.id.as_str()) {
                out.push(ErrorKind::DuplicateId { id: from.clone() });
            }
            if c.goto.is_some() != c.branches.is_empty() {
                out.push(ErrorKind::ConflictingNext { id: from.clone() });
            }
            for t in c.targets() {
                if !seen.contains(t) {
                    out.push(ErrorKind::UnknownTarget { from: from.clone(), target: t.to_string() });
                }
            }
            if c.goto.is_none() && c.branches.last().is_some_and(|b| !b.when.is_empty()) {
                out.push(ErrorKind::DeadEnd { id: from.clone() });
            }
            for b in &c.branches {
                for (cq, copts) in &b.when {
                    match g.question(cq) {
                        None => out.push(ErrorKind::UnknownCondition { from: from.clone(), question: cq.clone(), option: None }),
                        Some(target) => {
                            for o in copts {
                                if !target.options.iter().any(|x| &x.id == o) {
                                    out.push(ErrorKind::UnknownCondition {
                                        from: from.clone(),
                                        question: cq.clone(),
                                        option: Some(o.clone()),
                                    });
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    for (id, s) in g.sources() {
        check_source(&id, s, &mut out);
    }
    for o in &g.outcomes {
        if o.sources.is_empty() {
            out.push(ErrorKind::MissingSource { id: o.id.clone() });
        }
        if let Some(c) = &o.cadence {
            if g.cadence(c).is_none() {
                out.push(ErrorKind::UnknownCadence { outcome: o.id.clone(), cadence: c.clone() });
            }
        }
    }

    // Reachability over every possible edge.
    let edges = edges(g);
    let mut reached = BTreeSet::new();
    let mut todo = vec![g.start.as_str()];
    while let Some(n) = todo.pop() {
        if reached.insert(n) {
            todo.extend(edges.get(n).into_iter().flatten().copied());
        }
    }
    for id in g.questions.iter().map(|q| &q.id).chain(g.outcomes.iter().map(|o| &o.id)) {
        if !reached.contains(id.as_str()) && id != &g.start {
            out.push(ErrorKind::Unreachable { id: id.clone() });
        }
    }

    // A condition looks at answers earlier on the path: its question must come before the option's.
    for q in &g.questions {
        for c in &q.options {
            for cq in c.branches.iter().flat_map(|b| b.when.keys()) {
                if g.question(cq).is_some() && !leads_to(&edges, cq, &q.id) {
                    let problem = ErrorKind::ConditionNotEarlier { from: format!("{}.{}", q.id, c.id), question: cq.clone() };
                    if !out.contains(&problem) {
                        out.push(problem);
                    }
                }
            }
        }
    }

    out.extend(cycles(g, &edges).into_iter().map(|path| ErrorKind::Cycle { path }));
    out
}

/// Whether some path of one step or more goes from `from` to `to`.
fn leads_to(edges: &BTreeMap<&str, Vec<&str>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&str> = edges.get(from).into_iter().flatten().copied().collect();
    while let Some(n) = todo.pop() {
        if n == to {
            return true;
        }
        if seen.insert(n) {
            todo.extend(edges.get(n).into_iter().flatten().copied());
        }
    }
    false
}

fn check_source(id: &str, s: &Source, out: &mut Vec<ErrorKind>) {
    if s.heading.trim().is_empty() || s.quote.trim().is_empty() {
        out.push(ErrorKind::MissingSource { id: id.to_string() });
    }
    let chars = s.quote.chars().count();
    if chars > MAX_QUOTE_CHARS {
        out.push(ErrorKind::QuoteTooLong { id: id.to_string(), chars });
    }
}

fn edges(g: &Guideline) -> BTreeMap<&str, Vec<&str>> {
    g.questions.iter().map(|q| (q.id.as_str(), q.options.iter().flat_map(|c| c.targets()).collect())).collect()
}

/// Each cycle once, as the ids along it (first id repeated at the end).
fn cycles(g: &Guideline, edges: &BTreeMap<&str, Vec<&str>>) -> Vec<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'a>(
        n: &'a str,
        edges: &BTreeMap<&'a str, Vec<&'a str>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        stack: &mut Vec<&'a str>,
        found: &mut Vec<Vec<String>>,
    ) {
        match marks.get(n) {
            Some(Mark::Done) => return,
            Some(Mark::Open) => {
                let from = stack.iter().position(|s| *s == n).unwrap_or(0);
                let mut path: Vec<String> = stack[from..].iter().map(|s| s.to_string()).collect();
                path.push(n.to_string());
                found.push(path);
                return;
            }
            None => {}
        }
        marks.insert(n, Mark::Open);
        stack.push(n);
        for t in edges.get(n).into_iter().flatten() {
            visit(t, edges, marks, stack, found);
        }
        stack.pop();
        marks.insert(n, Mark::Done);
    }
    let mut marks = BTreeMap::new();
    let mut found = Vec::new();
    for q in &g.questions {
        visit(q.id.as_str(), edges, &mut marks, &mut Vec::new(), &mut found);
    }
    found
}

fn run_tests(g: &Guideline) -> Vec<ErrorKind> {
    let mut out = Vec::new();
    for t in &g.tests {
        let fail = |reason: String| ErrorKind::TestCaseFailed { case: t.name.clone(), reason };
        let w = match walk(g, &t.answers) {
            Ok(w) => w,
            Err(e) => {
                out.push(fail(e.to_string()));
                continue;
            }
        };
        if !w.ignored.is_empty() {
            out.push(fail(format!("antwoorden niet op het pad: {}", w.ignored.join(", "))));
        }
        let reached = match &w.position {
            Position::Outcome(o) => o.clone(),
            Position::Question(q) => {
                out.push(fail(format!("verwacht uitkomst '{}', maar vraag '{q}' staat nog open", t.expect.outcome)));
                continue;
            }
        };
        if reached != t.expect.outcome {
            out.push(fail(format!("verwacht uitkomst '{}', kreeg '{reached}'", t.expect.outcome)));
            continue;
        }
        let o = g.outcome(&reached).expect("position names an existing outcome");
        if let Some(p) = t.expect.provider {
            let got = o.provider.as_ref().map(|c| c.answer);
            if got != Some(p) {
                out.push(fail(format!("verwacht contact-antwoord {p:?}, kreeg {got:?}")));
            }
        }
        if let Some(i) = &t.expect.intensity {
            if o.intensity.as_ref() != Some(i) {
                out.push(fail(format!("verwacht intensiteit '{i}', kreeg {:?}", o.intensity)));
            }
        }
    }
    out
}
