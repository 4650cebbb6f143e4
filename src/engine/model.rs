//! The rule file format. A reader of `rules/*.json` and a reader of this module see the same thing:
//! every field here is a field in the file (see the README, "Een richtlijn toevoegen").
//!
//! A guideline is a directed acyclic graph. Its nodes are [`Question`]s and [`Outcome`]s, which share
//! one id space. Each [`Choice`] of a question leads on through `goto` (one node id) or an
//! ordered list of [`Branch`]es that look at earlier answers (a named rule, such as "externe verwijzing",
//! that cuts across a table). Every question and outcome carries a [`Source`]: seed file, heading and a
//! verbatim quote, checked against the guideline text kept in `rules/text/`.
//!
//! The same types are the compact binary form the widget loads (`build.rs` turns the JSON into it with
//! `codec`, which lists every field of every type here).

use crate::engine::map::Map;
use serde::{Deserialize, Serialize};

/// One guideline: metadata, the flow, its evaluation cadences, its own test cases and the passages
/// deliberately not modelled.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(title = "Regelbestand van de Regiewijzer"))]
pub struct Guideline {
    /// `"$schema": "schema/regelbestand.schema.json"`: the JSON Schema of this format
    /// (`rules/schema/`, made by `regiewijzer schema`), so an editor offers completion and marks
    /// mistakes. Read and ignored: the engine checks the file itself, and the compact form carries
    /// nothing for it.
    #[serde(rename = "$schema", default, skip_serializing, deserialize_with = "schema_ref")]
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "String"))]
    pub schema: serde::de::IgnoredAny,
    /// Stable id, used in the CLI, the JS API and (later) share links, e.g. `westfriesland`.
    pub id: String,
    /// The region as users name it, e.g. "Westfriesland (7 gemeenten)".
    pub region: String,
    /// The document's own title.
    pub title: String,
    /// File name of the seed text this guideline was modelled from (kept in `rules/text/`).
    pub seed: String,
    /// Document date or version as the document states it ("contracten per 1 juli 2025").
    pub document_date: String,
    /// What the guideline covers ("Wmo en jeugdhulp").
    pub scope: String,
    /// First day this version of the guideline applies (`JJJJ-MM-DD`).
    pub valid_from: String,
    /// Last day it applies, where the document says so (`JJJJ-MM-DD`).
    #[serde(default)]
    pub valid_until: Option<String>,
    /// How the validity was read where the document is not dated or not explicit, in Dutch.
    #[serde(default)]
    pub validity_note: Option<String>,
    /// The guideline's own words for the date inputs, where they differ from the defaults of
    /// [`DateField::label`] (Hoogeveen writes "ondersteuningsplan", not "perspectiefplan").
    #[serde(default)]
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "std::collections::BTreeMap<DateField, String>"))]
    pub date_labels: Map<DateField, String>,
    /// Placeholders a gemeente may name itself in its configuration (Flevoland's plan names).
    #[serde(default)]
    pub configurable: Vec<ConfigurableLabel>,
    /// Id of the first question.
    pub start: String,
    /// The questions; [`Guideline::start`] names the first one asked.
    pub questions: Vec<Question>,
    /// The outcomes (the stroomschema's end boxes).
    pub outcomes: Vec<Outcome>,
    /// Evaluation rhythms an outcome can refer to by id.
    #[serde(default)]
    pub cadences: Vec<Cadence>,
    /// The document's headings, each either cited by some source or listed in `not_modelled`.
    #[serde(default)]
    pub headings: Vec<String>,
    /// Passages deliberately left out of the flow, with the reason.
    #[serde(default)]
    pub not_modelled: Vec<NotModelled>,
    /// The guideline's own test cases: answers in, expected outcome out.
    #[serde(default)]
    pub tests: Vec<TestCase>,
}

/// Reads [`Guideline::schema`] as the string the JSON Schema says it is, and drops it. (Not
/// `IgnoredAny`'s own reader: that skips any JSON value, code the own-file check would otherwise
/// carry for this one key, +1.3 KB gzip measured.)
fn schema_ref<'de, D: serde::Deserializer<'de>>(d: D) -> Result<serde::de::IgnoredAny, D::Error> {
    String::deserialize(d).map(|_| serde::de::IgnoredAny)
}

/// Where a rule comes from. Required on every question and outcome.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Heading in the document, e.g. "4.2.4 Regievoering bij een externe verwijzing".
    pub heading: String,
    /// Verbatim quote from the guideline text (whitespace may differ), at most [`MAX_QUOTE_CHARS`].
    pub quote: String,
}

impl Source {
    /// The heading as users read it: the document's trailing ":" and footnote "*" left off
    /// ("Uitgangspunten bij alle regie-vormen*:" → "Uitgangspunten bij alle regie-vormen"). The
    /// rule file keeps the heading verbatim, so the audit can find it in the text.
    pub fn heading_label(&self) -> &str {
        heading_label(&self.heading)
    }
}

/// See [`Source::heading_label`]; also for " — " sub-headings.
pub fn heading_label(h: &str) -> &str {
    h.trim_end_matches([':', '*', ' '])
}

/// Longest quote a source may carry, in characters.
pub const MAX_QUOTE_CHARS: usize = 320;

/// A passage of the document where the text is unclear and the model had to choose a reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Interpretation {
    /// `interpretatie` (a reading was chosen) or `niet_eenduidig` (the text says two things).
    pub kind: InterpretationKind,
    /// What was unclear and how it is read, in Dutch.
    pub text: String,
}

/// How unclear a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InterpretationKind {
    /// The text allows more than one reading; the model chose one (`interpretatie`).
    Interpretatie,
    /// The text says two things that do not agree (`niet_eenduidig`).
    NietEenduidig,
}

impl InterpretationKind {
    /// The label the product shows.
    pub fn label(self) -> &'static str {
        match self {
            InterpretationKind::Interpretatie => "interpretatie",
            InterpretationKind::NietEenduidig => "niet eenduidig",
        }
    }
}

/// Longest short label (schema boxes and edges), in characters.
pub const MAX_SHORT_CHARS: usize = 32;

/// A placeholder the guideline lets a gemeente name in its configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConfigurableLabel {
    /// The placeholder, e.g. `plan` for `{plan}`.
    pub key: String,
    /// What it names, in Dutch ("naam van het plan").
    pub label: String,
}

/// Marks a question whose answer the person asking may realistically not know: the widget offers
/// "Weet ik niet" and the engine follows every option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unknown {
    /// What to find out first and who can tell, in Dutch ("Vraag de consulent …").
    pub find_out: String,
}

/// One step of the stroomschema, shown as a fieldset with a legend and radio buttons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique among questions and outcomes; a-z, 0-9, `_`, `-` (it travels in share links).
    pub id: String,
    /// Label in the drawn schema, at most [`MAX_SHORT_CHARS`] ("Veiligheidsrisico?").
    #[serde(default)]
    pub short: String,
    /// The legend.
    pub text: String,
    /// Extra guidance under the legend.
    #[serde(default)]
    pub help: Option<String>,
    /// The passage this question follows.
    pub source: Source,
    /// Where the passage is unclear and a reading was chosen.
    #[serde(default)]
    pub interpretation: Option<Interpretation>,
    /// Set when "Weet ik niet" is a realistic answer.
    #[serde(default)]
    pub unknown: Option<Unknown>,
    /// The answers, in the order they are offered; at least one.
    pub options: Vec<Choice>,
}

/// An answer option of a question. It leads on through exactly one of `goto` (straight to a node)
/// or `branches` (the first branch whose `when` matches; the last branch has no `when`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Unique within the question; a-z, 0-9, `_`, `-` (it travels in share links).
    pub id: String,
    /// Edge label in the drawn schema, at most [`MAX_SHORT_CHARS`] ("ja", "huisarts").
    #[serde(default)]
    pub short: String,
    /// The radio button's label.
    pub label: String,
    /// Extra guidance for this option, in Dutch.
    #[serde(default)]
    pub help: Option<String>,
    /// The question or outcome this answer leads to; `None` when `branches` decide.
    #[serde(default)]
    pub goto: Option<String>,
    /// Named rules tried in order when there is no `goto`; the first that matches decides.
    #[serde(default)]
    pub branches: Vec<Branch>,
    /// Values this answer gives to `{placeholders}` in outcome texts, e.g. the gemeente's own name for
    /// the plan (`"plan": "Routeplan"`). An empty value is shown as "niet vermeld in de leidraad".
    #[serde(default)]
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "std::collections::BTreeMap<String, String>"))]
    pub sets: Map<String, String>,
    /// Notes this answer adds to whatever outcome follows (a consideration that cuts across outcomes,
    /// such as doorzettingsmacht when the situation is unsafe).
    #[serde(default)]
    pub notes: Vec<String>,
}

/// A named rule: when earlier answers match, go to `goto`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Branch {
    /// Earlier question id → the option ids that make this branch apply (all entries must hold).
    #[serde(default)]
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "std::collections::BTreeMap<String, Vec<String>>"))]
    pub when: Map<String, Vec<String>>,
    /// The question or outcome this branch leads to.
    pub goto: String,
    /// The rule in words, shown in "Waarom?", e.g. "Tabel 4.2.2: segment V, pleegzorg: geen regie".
    pub rule: String,
    /// The passage that carries this rule, where it differs from the question's.
    #[serde(default)]
    pub source: Option<Source>,
    /// Where the rule's passage is unclear and a reading was chosen.
    #[serde(default)]
    pub interpretation: Option<Interpretation>,
    /// Placeholder values this rule sets (after those of the option), see [`Choice::sets`].
    #[serde(default)]
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "std::collections::BTreeMap<String, String>"))]
    pub sets: Map<String, String>,
}

/// The provider's plain answer to "moet ik contact opnemen met het wijkteam?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactAnswer {
    /// Yes: the provider must make contact.
    Ja,
    /// No duty.
    Nee,
    /// No duty, but allowed and advised in this situation.
    Mag,
}

impl ContactAnswer {
    /// The answer as the provider reads it ("Mag (geen plicht)").
    pub fn label(self) -> &'static str {
        match self {
            ContactAnswer::Ja => "Ja",
            ContactAnswer::Nee => "Nee",
            ContactAnswer::Mag => "Mag (geen plicht)",
        }
    }
}

/// The provider block of an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProviderContact {
    /// Must the provider make contact: ja, nee or mag.
    pub answer: ContactAnswer,
    /// What the provider does now, e.g. "Neem samen met het gezin contact op met het lokale (wijk)team."
    pub text: String,
}

/// A leaf of the stroomschema: which regie applies, who owns it, what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Unique among questions and outcomes; a-z, 0-9, `_`, `-` (it travels in share links).
    pub id: String,
    /// Label of the end box in the drawn schema, at most [`MAX_SHORT_CHARS`] ("Regie GI").
    #[serde(default)]
    pub short: String,
    /// Headline, e.g. "Regie vanuit het lokale (wijk)team: intensiteit midden".
    pub title: String,
    /// Regie form in the region's own words, e.g. "regievoering vanuit het lokale (wijk)team".
    pub regie: String,
    /// Who holds the regie, e.g. "lokaal (wijk)team (regisseur)".
    pub owner: String,
    /// Intensity, where one applies (licht / matig / midden / intensief).
    #[serde(default)]
    pub intensity: Option<String>,
    /// Whether the intensity is a suggestion the consulent confirms (indicators are guidance).
    #[serde(default)]
    pub intensity_is_suggestion: bool,
    /// Id of the guideline's [`Cadence`] that sets the evaluation dates.
    #[serde(default)]
    pub cadence: Option<String>,
    /// Where no dated rhythm exists: what the guideline says about evaluation, in words.
    #[serde(default)]
    pub cadence_text: Option<String>,
    /// Dated moments that follow from another date than the start (a placement, a birthday, a handover).
    #[serde(default)]
    pub timelines: Vec<Timeline>,
    /// Further labelled facts, e.g. "Plan", "Verwachte duur", "Bestuurlijk verantwoordelijk".
    #[serde(default)]
    pub details: Vec<Detail>,
    /// What the user does now, in order.
    pub actions: Vec<String>,
    /// The answer for a provider who asks whether to contact the wijkteam.
    #[serde(default)]
    pub provider: Option<ProviderContact>,
    /// Points of attention, after those the answers on the path add ([`Choice::notes`]).
    #[serde(default)]
    pub notes: Vec<String>,
    /// The passages this outcome follows; at least one.
    pub sources: Vec<Source>,
    /// Where those passages are unclear and a reading was chosen.
    #[serde(default)]
    pub interpretations: Vec<Interpretation>,
}

/// A labelled fact of an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// What the fact is, e.g. "Verwachte duur".
    pub label: String,
    /// The fact; may hold `{placeholders}` set by the answers.
    pub value: String,
}

/// A span of time: months and years are calendar months/years (see `dates`), weeks are 7 days,
/// hours are clock hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Span {
    /// Clock hours (optionally without weekends, see [`TimelineItem::skip_weekends`]).
    Hours(u32),
    /// Weeks of 7 days.
    Weeks(u32),
    /// Calendar months (clamped to the month's last day).
    Months(u32),
    /// Calendar years.
    Years(u32),
}

impl Span {
    /// Dutch description: "3 maanden", "6 weken", "1 jaar".
    pub fn describe(self) -> String {
        match self {
            Span::Months(12) => "een jaar".to_string(),
            Span::Months(6) => "een half jaar".to_string(),
            Span::Months(1) => "1 maand".to_string(),
            Span::Months(n) => format!("{n} maanden"),
            Span::Weeks(1) => "1 week".to_string(),
            Span::Weeks(n) => format!("{n} weken"),
            Span::Hours(1) => "1 uur".to_string(),
            Span::Hours(n) => format!("{n} uur"),
            Span::Years(1) => "een jaar".to_string(),
            Span::Years(n) => format!("{n} jaar"),
        }
    }

    /// Dutch rhythm: "iedere 3 maanden", "ieder half jaar", "ieder jaar", "iedere 6 weken".
    pub fn every(self) -> String {
        match self {
            Span::Months(12) => "ieder jaar".to_string(),
            Span::Months(6) => "ieder half jaar".to_string(),
            Span::Months(1) => "iedere maand".to_string(),
            Span::Weeks(1) => "iedere week".to_string(),
            other => format!("iedere {}", other.describe()),
        }
    }
}

/// An evaluation rhythm (Westfriesland: one per intensity).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cadence {
    /// What an outcome's `cadence` names.
    pub id: String,
    /// The rhythm's name as users read it, e.g. "Licht (Wmo)".
    pub label: String,
    /// The first talk after the start (tussenevaluatie / afstemmoment).
    pub first_review: Span,
    /// Rhythm during the first year after a good first review; `None`: nothing until the year point.
    #[serde(default)]
    pub first_year_every: Option<Span>,
    /// Whether there is an evaluation one year after the start.
    pub year_review: bool,
    /// Rhythm after the first year until the evaluatiegesprek before the end, counted from the year
    /// evaluation (`year_review`) or else from the last talk of the first year.
    pub after_first_year_every: Span,
    /// Days before the end of the indicatie for the evaluatiegesprek (8 weeks = 56).
    pub days_before_end: u32,
    /// Rhythm on continuation after the indicatie.
    pub continuation_every: Span,
    /// Who decides the form of the evaluations (in the first year).
    pub form_decided_by: String,
    /// Who decides the form of the later evaluations (after the first year and on continuation),
    /// where the guideline names someone else; `None`: the same as `form_decided_by`.
    #[serde(default)]
    pub later_form_decided_by: Option<String>,
    /// The passage that sets this rhythm.
    pub source: Source,
    /// Where that passage is unclear and a reading was chosen.
    #[serde(default)]
    pub interpretations: Vec<Interpretation>,
}

/// Which date a timeline counts from; each is an input field in the widget and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    /// Start of the support (perspectiefplan written, support deployed).
    Start,
    /// End date of the indicatie.
    End,
    /// A moment with a time of day, e.g. a crisis placement (`JJJJ-MM-DDTUU:MM`).
    Moment,
    /// Date of birth of the jeugdige.
    Birth,
    /// Date of the (warm) handover.
    Handover,
}

impl DateField {
    /// The Dutch label of the input field.
    pub fn label(self) -> &'static str {
        match self {
            DateField::Start => "Startdatum (perspectiefplan opgesteld, ondersteuning ingezet)",
            DateField::End => "Einddatum indicatie",
            DateField::Moment => "Datum en tijd van de plaatsing",
            DateField::Birth => "Geboortedatum van de jeugdige",
            DateField::Handover => "Datum van de overdracht",
        }
    }

    /// The id used in the CLI (`--birth`), the JS API (`{ birth }`) and the widget's input ids.
    pub fn key(self) -> &'static str {
        match self {
            DateField::Start => "start",
            DateField::End => "end",
            DateField::Moment => "moment",
            DateField::Birth => "birth",
            DateField::Handover => "handover",
        }
    }

    /// Every date field, in the order the inputs are shown.
    pub const ALL: [DateField; 5] = [DateField::Start, DateField::End, DateField::Moment, DateField::Birth, DateField::Handover];
}

/// Dated moments counted from one input date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The input date the moments count from.
    pub from: DateField,
    /// The moments, in the order the outcome lists them.
    pub items: Vec<TimelineItem>,
}

/// One moment of a timeline: `after` the input date, what happens.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimelineItem {
    /// How long after the input date.
    pub after: Span,
    /// Hours that fall on Saturday or Sunday do not count (Friday 14:00 + 24 h = Monday 14:00).
    #[serde(default)]
    pub skip_weekends: bool,
    /// What happens then, in Dutch.
    pub what: String,
}

/// A heading or passage deliberately not modelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotModelled {
    /// The heading, as listed in [`Guideline::headings`].
    pub heading: String,
    /// Why it is not in the flow, in Dutch (a heading without a reason counts as unaccounted for).
    pub reason: String,
}

/// One of the guideline's own test cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TestCase {
    /// Names the case in a failure message and in the training mode.
    pub name: String,
    /// The case as a trainee reads it: an invented family, referral or concern, in Dutch, without
    /// personal data. Required, but by validation rather than by the parser: a missing or blank one
    /// reads as "" and loading then reports [`ErrorKind::MissingSituation`] for this case, among all
    /// the file's other problems (a parse error would stop at the first).
    ///
    /// [`ErrorKind::MissingSituation`]: crate::engine::error::ErrorKind::MissingSituation
    #[serde(default)]
    pub situation: String,
    /// Question id → option id.
    #[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), schemars(with = "std::collections::BTreeMap<String, String>"))]
    pub answers: Map<String, String>,
    /// What the guideline says these answers lead to.
    pub expect: Expectation,
}

/// What a test case expects; only the fields given are checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(all(feature = "schema", not(target_arch = "wasm32")), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// The outcome's id.
    pub outcome: String,
    /// The provider's answer, where the case checks it.
    #[serde(default)]
    pub provider: Option<ContactAnswer>,
    /// The outcome's intensity, where the case checks it.
    #[serde(default)]
    pub intensity: Option<String>,
    /// Where in the document the expected answer is read, so a reviewer can check it.
    pub because: String,
}

impl Cadence {
    /// Who decides the form of the evaluations after the first year and on continuation.
    pub fn later_form(&self) -> &str {
        self.later_form_decided_by.as_deref().unwrap_or(&self.form_decided_by)
    }
}

impl Guideline {
    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    /// The cadence with this id.
    pub fn cadence(&self, id: &str) -> Option<&Cadence> {
        self.cadences.iter().find(|c| c.id == id)
    }

    /// The label of a date input in this guideline's words.
    pub fn date_label(&self, f: DateField) -> &str {
        self.date_labels.get(&f).map(String::as_str).unwrap_or(f.label())
    }

    /// The short label of a question or outcome (the id when it has none).
    pub fn short<'a>(&'a self, node: &'a str) -> &'a str {
        let s = match self.question(node) {
            Some(q) => q.short.as_str(),
            None => self.outcome(node).map_or("", |o| o.short.as_str()),
        };
        if s.is_empty() {
            node
        } else {
            s
        }
    }

    /// Every source the file carries (questions, branches, outcomes, cadences), with the id that owns it.
    pub fn sources(&self) -> Vec<(String, &Source)> {
        let mut all = Vec::new();
        for q in &self.questions {
            all.push((q.id.clone(), &q.source));
            for c in &q.options {
                for (i, b) in c.branches.iter().enumerate() {
                    if let Some(s) = &b.source {
                        all.push((format!("{}.{}#{}", q.id, c.id, i + 1), s));
                    }
                }
            }
        }
        for o in &self.outcomes {
            for s in &o.sources {
                all.push((o.id.clone(), s));
            }
        }
        for c in &self.cadences {
            all.push((format!("cadence:{}", c.id), &c.source));
        }
        all
    }
}

impl Choice {
    /// Every node id this answer can lead to.
    pub fn targets(&self) -> Vec<&str> {
        self.goto.iter().map(String::as_str).chain(self.branches.iter().map(|b| b.goto.as_str())).collect()
    }
}
