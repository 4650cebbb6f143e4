//! The advice: the walk's position, the outcome, the trace and the dated schedule in one serializable
//! value. The CLI prints it as JSON, the JS API returns it as a plain object, the UI renders it.

use crate::engine::dates::{format_nl, merge, parse_date, parse_moment, schedule, timeline, Schedule};
use crate::engine::error::AnswerError;
use crate::engine::map::Map;
use crate::engine::model::{DateField, Detail, Guideline, Interpretation, Outcome, ProviderContact, Question};
use crate::engine::walk::{walk, Answers, Position, Step};
use serde::Serialize;

/// The dates a user gives, as typed (`JJJJ-MM-DD`, a moment `JJJJ-MM-DDTUU:MM`); empty strings count
/// as missing. Only the fields an outcome's plan needs are used.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    /// Start of the support ([`DateField::Start`]).
    pub start: Option<String>,
    /// End date of the indicatie ([`DateField::End`]).
    pub end: Option<String>,
    /// Date and time of a placement, `JJJJ-MM-DDTUU:MM` ([`DateField::Moment`]).
    pub moment: Option<String>,
    /// Date of birth of the jeugdige ([`DateField::Birth`]).
    pub birth: Option<String>,
    /// Date of the handover ([`DateField::Handover`]).
    pub handover: Option<String>,
    /// The date the advice is asked for (peildatum, `JJJJ-MM-DD`), checked against the guideline's
    /// validity; the widget passes today, the CLI `--peildatum`.
    pub reference: Option<String>,
}

impl Dates {
    /// The text given for `f`; `None` when missing or blank.
    pub fn get(&self, f: DateField) -> Option<&str> {
        match f {
            DateField::Start => self.start.as_deref(),
            DateField::End => self.end.as_deref(),
            DateField::Moment => self.moment.as_deref(),
            DateField::Birth => self.birth.as_deref(),
            DateField::Handover => self.handover.as_deref(),
        }
        .filter(|v| !v.trim().is_empty())
    }

    /// Sets the text for `f`, unchecked (see [`Dates::check`]).
    pub fn set(&mut self, f: DateField, value: String) {
        let slot = match f {
            DateField::Start => &mut self.start,
            DateField::End => &mut self.end,
            DateField::Moment => &mut self.moment,
            DateField::Birth => &mut self.birth,
            DateField::Handover => &mut self.handover,
        };
        *slot = Some(value);
    }

    /// Checks every filled-in field, so a typo is reported even when this outcome does not use it.
    pub fn check(&self) -> Result<(), AnswerError> {
        if let Some(r) = self.reference.as_deref().filter(|r| !r.trim().is_empty()) {
            parse_date("peildatum", r)?;
        }
        for f in DateField::ALL {
            if let Some(v) = self.get(f) {
                match f {
                    DateField::Moment => parse_moment(f.label(), v).map(|_| ())?,
                    _ => parse_date(f.label(), v).map(|_| ())?,
                }
            }
        }
        Ok(())
    }
}

/// Metadata shown with every advice, so a printed or copied advice says where it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GuidelineRef {
    /// [`Guideline::id`].
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
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

impl GuidelineRef {
    /// The metadata of `g`.
    pub fn of(g: &Guideline) -> Self {
        GuidelineRef {
            id: g.id.clone(),
            region: g.region.clone(),
            title: g.title.clone(),
            seed: g.seed.clone(),
            document_date: g.document_date.clone(),
            valid_from: g.valid_from.clone(),
            valid_until: g.valid_until.clone(),
        }
    }

    /// The version in words: "versie 4 maart 2024, geldig vanaf wo 4 maart 2024".
    pub fn version(&self) -> String {
        let nl = |d: &str| parse_date("datum", d).map(format_nl).unwrap_or_else(|_| d.to_string());
        let mut t = format!("versie {}, geldig vanaf {}", self.document_date, nl(&self.valid_from));
        if let Some(u) = &self.valid_until {
            t.push_str(&format!(" tot en met {}", nl(u)));
        }
        t
    }
}

/// A Dutch message when `reference` lies outside the validity of `g`; `None` when it lies inside,
/// or when there is no (valid) reference date.
pub fn validity_message(g: &GuidelineRef, reference: Option<&str>) -> Option<String> {
    let day = parse_date("peildatum", reference?).ok()?;
    let from = parse_date("valid_from", &g.valid_from).ok();
    let until = g.valid_until.as_deref().and_then(|u| parse_date("valid_until", u).ok());
    if from.is_some_and(|f| day < f) {
        return Some(format!(
            "Let op: deze versie van de richtlijn geldt pas vanaf {}; op {} gold een andere (of geen) versie. Controleer welke richtlijn van toepassing is.",
            format_nl(from?),
            format_nl(day)
        ));
    }
    if until.is_some_and(|u| day > u) {
        return Some(format!(
            "Let op: deze versie van de richtlijn gold tot en met {}; op {} is zij verlopen. Controleer of er een nieuwe versie is.",
            format_nl(until?),
            format_nl(day)
        ));
    }
    None
}

/// An interpretation together with the id of the node or step that carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Marked {
    /// A question id, an outcome id, or `cadence:<id>`.
    pub at: String,
    /// The mark itself (flattened into this object in JSON).
    #[serde(flatten)]
    pub interpretation: Interpretation,
}

/// Everything the product says about one set of answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// Which guideline and version this advice comes from.
    pub guideline: GuidelineRef,
    /// The answered questions in order, with the rule and source of each step.
    pub trace: Vec<Step>,
    /// The next question when the walk has not reached an outcome.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<Question>,
    /// The outcome reached, its `{placeholders}` filled in and the path's notes added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    /// Dated evaluation plan when the outcome has a cadence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
    /// Every unclear passage on the path and in the outcome.
    pub interpretations: Vec<Marked>,
    /// Answers given for questions not on the path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ignored: Vec<String>,
    /// Set when the reference date (peildatum) lies outside the guideline's validity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validity: Option<String>,
}

/// Walks `answers`, and when an outcome is reached, adds its schedule for `dates`.
///
/// ```rust
/// use regiewijzer::engine::{advise, load, Answers, Dates};
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
/// let answers: Answers = [("veilig".to_string(), "ja".to_string())].into_iter().collect();
/// let a = advise(&g, &answers, &Dates::default()).unwrap();
/// let outcome = a.outcome.unwrap();
/// assert_eq!((outcome.title.as_str(), outcome.owner.as_str()), ("Regie bij het wijkteam", "lokaal (wijk)team"));
/// assert_eq!(a.trace.len(), 1);
/// assert_eq!(a.validity, None);
///
/// // A peildatum before the guideline applies gives a warning with the advice.
/// let dates = Dates { reference: Some("2025-12-31".into()), ..Dates::default() };
/// assert!(advise(&g, &answers, &dates).unwrap().validity.unwrap().starts_with("Let op"));
/// ```
pub fn advise(g: &Guideline, answers: &Answers, dates: &Dates) -> Result<Advice, AnswerError> {
    let w = walk(g, answers)?;
    dates.check()?;
    let date = |f: DateField| dates.get(f).and_then(|v| parse_date(f.label(), v).ok());
    let (start, end) = (date(DateField::Start), date(DateField::End));

    let mut interpretations: Vec<Marked> = w
        .steps
        .iter()
        .flat_map(|s| s.interpretations.iter().map(|i| Marked { at: s.question.clone(), interpretation: i.clone() }))
        .collect();
    let (question, outcome, sched) = match &w.position {
        Position::Question(q) => (g.question(q).cloned(), None, None),
        Position::Outcome(o) => {
            let o = g.outcome(o).cloned();
            let cad = o.as_ref().and_then(|o| o.cadence.as_deref()).and_then(|c| g.cadence(c));
            if let Some(o) = &o {
                interpretations.extend(o.interpretations.iter().map(|i| Marked { at: o.id.clone(), interpretation: i.clone() }));
            }
            if let Some(c) = cad {
                interpretations
                    .extend(c.interpretations.iter().map(|i| Marked { at: format!("cadence:{}", c.id), interpretation: i.clone() }));
            }
            let mut plans: Vec<Schedule> = cad.map(|c| schedule(c, start, end)).into_iter().collect();
            if let Some(o) = &o {
                plans.extend(o.timelines.iter().map(|t| timeline(t, dates.get(t.from), g.date_label(t.from))));
            }
            let (vars, notes) = values(g, &w.steps);
            (None, o.map(|o| render(o, &vars, notes)), merge(plans))
        }
    };
    let guideline = GuidelineRef::of(g);
    Ok(Advice {
        validity: validity_message(&guideline, dates.reference.as_deref()),
        guideline,
        trace: w.steps,
        question,
        outcome,
        schedule: sched,
        interpretations,
        ignored: w.ignored,
    })
}

/// The `{placeholder}` values and the extra notes set by the answers (and the rules they went through)
/// on the path; later answers win.
fn values(g: &Guideline, steps: &[Step]) -> (Map<String, String>, Vec<String>) {
    let mut vars = Map::new();
    let mut notes = Vec::new();
    for s in steps {
        if let Some(c) = g.question(&s.question).and_then(|q| q.options.iter().find(|c| c.id == s.answer)) {
            vars.extend(c.sets.iter().map(|(k, v)| (k.clone(), v.clone())));
            notes.extend(c.notes.iter().cloned());
            if let Some(b) = s.branch.and_then(|i| c.branches.get(i)) {
                vars.extend(b.sets.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
    }
    (vars, notes)
}

/// Shown for a placeholder whose value the guideline leaves empty for the chosen answer.
pub const NOT_GIVEN: &str = "niet vermeld in de leidraad";

/// Replaces `{name}` in a text by its value, twice, so a value may itself name one placeholder
/// (`"procesregisseur": "de lokale toegang ({contactpersoon})"`). Unknown names stay as they are
/// (the rule tests catch them).
pub fn fill(text: &str, vars: &Map<String, String>) -> String {
    fill_once(&fill_once(text, vars), vars)
}

fn fill_once(text: &str, vars: &Map<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| Some((vars.get(&after[..close])?, close))) {
            Some((v, close)) => {
                out.push_str(if v.is_empty() { NOT_GIVEN } else { v });
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The outcome with its placeholders filled in and the path's notes added.
fn render(o: Outcome, vars: &Map<String, String>, path_notes: Vec<String>) -> Outcome {
    if vars.is_empty() && path_notes.is_empty() {
        return o;
    }
    let f = |t: &String| fill(t, vars);
    Outcome {
        title: f(&o.title),
        regie: f(&o.regie),
        owner: f(&o.owner),
        cadence_text: o.cadence_text.as_ref().map(f),
        actions: o.actions.iter().map(f).collect(),
        details: o.details.iter().map(|d| Detail { label: d.label.clone(), value: f(&d.value) }).collect(),
        notes: path_notes.iter().chain(o.notes.iter()).map(f).collect(),
        provider: o.provider.clone().map(|p| ProviderContact { text: f(&p.text), ..p }),
        ..o
    }
}

/// A short plain-text summary for the dossier: guideline, date, outcome, regie, owner, details, the
/// answers that led there, interpretation marks and sources. It holds only what the rule file and the
/// answers say (no names or case data), so it is safe to paste into a dossier. `date` is the date
/// the user wants on it (`JJJJ-MM-DD`); the engine has no clock.
pub fn dossier_text(a: &Advice, date: &str) -> Option<String> {
    let o = a.outcome.as_ref()?;
    let mut t = format!("Regiewijzer — {} ({})\n", a.guideline.region, a.guideline.title);
    let shown = parse_date("datum", date).map(format_nl).unwrap_or_else(|_| date.to_string());
    t.push_str(&format!("Richtlijn: {}\n", a.guideline.version()));
    t.push_str(&format!("Datum: {shown}\nUitkomst: {}\nRegie: {}\nWie: {}\n", o.title, o.regie, o.owner));
    if let Some(i) = &o.intensity {
        t.push_str(&format!("Intensiteit: {i}\n"));
    }
    for d in &o.details {
        t.push_str(&format!("{}: {}\n", d.label, d.value));
    }
    t.push_str("Afweging:\n");
    for s in &a.trace {
        t.push_str(&format!("- {} {}", s.question_text, s.answer_label));
        if let Some(r) = &s.rule {
            t.push_str(&format!(" ({r})"));
        }
        t.push('\n');
    }
    for m in &a.interpretations {
        t.push_str(&format!("Let op, {}: {}\n", m.interpretation.kind.label(), m.interpretation.text));
    }
    t.push_str(&format!("Bron: {}", a.guideline.seed));
    for s in &o.sources {
        t.push_str(&format!("; {}", s.heading_label()));
    }
    t.push('\n');
    Some(t)
}
