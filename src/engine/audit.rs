//! Audits of a rule file beyond load-time validation: every quote occurs in the guideline text,
//! every heading is accounted for, every path ends in an outcome whose placeholders are filled,
//! every outcome is reached and expected by a test case, and interpretation marks explain
//! themselves. The CLI (`regiewijzer check`) and the rule tests run the same audit, so a gemeente's
//! own rule file gets the same verdicts as the built-in ones.

use crate::engine::advice::advise;
use crate::engine::error::{Diagnostic, ErrorKind};
use crate::engine::model::Guideline;
use crate::engine::walk::paths;
use crate::engine::Dates;
use std::collections::BTreeSet;

/// OCR drops and inserts spaces and line breaks, so text is compared with all whitespace removed:
/// every other character must match exactly.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every problem the audit finds in `g`; `text` is the guideline text kept beside the rule file
/// (`None`: quotes and headings are not checked against it).
pub fn audit(g: &Guideline, text: Option<&str>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some(text) = text {
        texts(g, &squash(text), &mut out);
    }
    headings(g, &mut out);
    flow(g, &mut out);
    for (id, i) in interpretations(g) {
        if i.chars().count() < 40 {
            out.push(ErrorKind::ThinInterpretation { id });
        }
    }
    out.into_iter().map(|kind| Diagnostic { guideline: g.id.clone(), kind }).collect()
}

fn texts(g: &Guideline, text: &str, out: &mut Vec<ErrorKind>) {
    for (id, s) in g.sources() {
        if !text.contains(&squash(&s.quote)) {
            out.push(ErrorKind::QuoteNotInText { id, quote: s.quote.clone() });
        }
    }
    for h in &g.headings {
        if !text.contains(&squash(h)) {
            out.push(ErrorKind::HeadingNotInText { heading: h.clone() });
        }
    }
}

fn headings(g: &Guideline, out: &mut Vec<ErrorKind>) {
    // A source heading is "Heading" or "Heading — Sub-heading"; both parts count as cited.
    let sources = g.sources();
    let parts: BTreeSet<&str> = sources.iter().flat_map(|(_, s)| s.heading.split(" — ")).collect();
    for h in &g.headings {
        let skipped = g.not_modelled.iter().any(|n| &n.heading == h && !n.reason.trim().is_empty());
        if !parts.contains(h.as_str()) && !skipped {
            out.push(ErrorKind::HeadingNotAccounted { heading: h.clone() });
        }
    }
    if g.headings.is_empty() {
        return;
    }
    for (id, s) in &sources {
        if !g.headings.iter().any(|h| s.heading.starts_with(h.as_str())) {
            out.push(ErrorKind::HeadingNotListed { id: id.clone(), heading: s.heading.clone() });
        }
    }
    for n in &g.not_modelled {
        if !g.headings.contains(&n.heading) {
            out.push(ErrorKind::HeadingNotListed { id: "not_modelled".into(), heading: n.heading.clone() });
        }
    }
}

fn flow(g: &Guideline, out: &mut Vec<ErrorKind>) {
    let all = match paths(g) {
        Ok(p) => p,
        Err(limit) => {
            out.push(ErrorKind::TooManyPaths { limit });
            return;
        }
    };
    let mut reached = BTreeSet::new();
    let mut open = BTreeSet::new();
    for (answers, o) in &all {
        reached.insert(o.as_str());
        let Some(outcome) = advise(g, answers, &Dates::default()).ok().and_then(|a| a.outcome) else { continue };
        let mut texts = vec![outcome.title, outcome.regie, outcome.owner];
        texts.extend(outcome.actions);
        texts.extend(outcome.notes);
        texts.extend(outcome.cadence_text);
        texts.extend(outcome.provider.map(|p| p.text));
        texts.extend(outcome.details.into_iter().map(|d| d.value));
        for t in texts {
            let unfilled = t.find('{').is_some_and(|i| t[i..].contains('}'));
            if unfilled && open.insert((o.clone(), t.clone())) {
                let path = answers.iter().map(|(q, a)| format!("{q}={a}")).collect::<Vec<_>>().join(" ");
                out.push(ErrorKind::UnfilledPlaceholder { outcome: o.clone(), text: t, path });
            }
        }
    }
    let tested: BTreeSet<&str> = g.tests.iter().map(|t| t.expect.outcome.as_str()).collect();
    for o in &g.outcomes {
        if !reached.contains(o.id.as_str()) {
            out.push(ErrorKind::OutcomeNotReached { outcome: o.id.clone() });
        }
        if !tested.contains(o.id.as_str()) {
            out.push(ErrorKind::OutcomeWithoutTest { outcome: o.id.clone() });
        }
    }
}

fn interpretations(g: &Guideline) -> Vec<(String, &str)> {
    let mut all: Vec<(String, &str)> = Vec::new();
    for q in &g.questions {
        all.extend(q.interpretation.iter().map(|i| (q.id.clone(), i.text.as_str())));
        for c in &q.options {
            for b in &c.branches {
                all.extend(b.interpretation.iter().map(|i| (format!("{}.{}", q.id, c.id), i.text.as_str())));
            }
        }
    }
    for o in &g.outcomes {
        all.extend(o.interpretations.iter().map(|i| (o.id.clone(), i.text.as_str())));
    }
    for c in &g.cadences {
        all.extend(c.interpretations.iter().map(|i| (format!("cadence:{}", c.id), i.text.as_str())));
    }
    all
}

/// What the verdict says when the guideline text was not there to check quotes and headings against.
pub const TEXT_NOT_CHECKED: &str = "tekst niet gevonden: citaten niet gecontroleerd";

/// The verdict on one rule file: what `regiewijzer check` prints and what the widget shows for a
/// gemeente's own rule file (`compile` in the bundle dist/eigen/), from the same code.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The guideline's id, or the file's name when the file could not be read that far.
    pub id: String,
    /// The guideline when it passed; otherwise every problem (load-time validation, the file's own
    /// test cases, or the audit), each naming the offending id.
    pub result: Result<Guideline, Vec<Diagnostic>>,
    /// Whether the quotes and headings were checked against the guideline text.
    pub text_checked: bool,
}

impl Verdict {
    /// Every problem as a Dutch sentence naming the offending id; empty when the file passed.
    pub fn problems(&self) -> Vec<String> {
        match &self.result {
            Ok(_) => Vec::new(),
            Err(ds) => ds.iter().map(|d| d.kind.to_string()).collect(),
        }
    }

    /// The verdict as `regiewijzer check` prints it: one `ok` line, or `FOUT` and one line per problem.
    pub fn report(&self) -> String {
        match &self.result {
            Ok(g) => {
                let note = if self.text_checked { String::new() } else { format!(" ({TEXT_NOT_CHECKED})") };
                format!(
                    "ok   {}: {} vragen, {} uitkomsten, {} testgevallen geslaagd{note}\n",
                    g.id,
                    g.questions.len(),
                    g.outcomes.len(),
                    g.tests.len()
                )
            }
            Err(ds) => {
                let mut out = format!("FOUT {}: {} probleem/problemen:\n", self.id, ds.len());
                for p in self.problems() {
                    out.push_str(&format!("- {p}\n"));
                }
                out
            }
        }
    }
}

/// The verdict on a loaded (validated) guideline: the audit, against `text` when given.
pub fn verdict(g: Guideline, text: Option<&str>) -> Verdict {
    let problems = audit(&g, text);
    let id = g.id.clone();
    let result = if problems.is_empty() { Ok(g) } else { Err(problems) };
    Verdict { id, result, text_checked: text.is_some() }
}

/// The verdict on a rule file's JSON text: load and validate it (test cases included), then audit
/// it, against the guideline text `text` finds for it (the CLI reads `<dir>/text/<seed>`; the
/// browser has none). `name` names the file when it cannot be parsed.
#[cfg(any(not(target_arch = "wasm32"), feature = "own"))]
pub fn check(name: &str, json: &str, text: impl FnOnce(&Guideline) -> Option<String>) -> Verdict {
    match crate::engine::load(name, json) {
        Ok(g) => {
            let t = text(&g);
            verdict(g, t.as_deref())
        }
        Err(e) => {
            // Problems found before the audit name the guideline when the file got that far.
            let id = e.diagnostics.first().map(|d| d.guideline.clone()).unwrap_or_else(|| name.to_string());
            Verdict { id, result: Err(e.diagnostics), text_checked: false }
        }
    }
}
