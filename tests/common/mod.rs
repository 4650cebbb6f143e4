//! Helpers shared by the integration tests that check the gedwongen kader (`kader.rs`, `compare.rs`).

use regiewijzer::engine::model::Outcome;

/// Words that name the GI or its professionals, as the seeds write them.
pub fn names_gi(text: &str) -> bool {
    let lower = text.to_lowercase();
    let word_gi = text.split(|c: char| !c.is_alphanumeric()).any(|w| w == "GI" || w == "GI's" || w == "GIs");
    word_gi || ["gecertificeerde instelling", "voogd", "jeugdbeschermer", "jeugdreclasseer"].iter().any(|t| lower.contains(t))
}

/// Everything a rendered outcome says: title, regie, owner, actions, notes (also those the answers
/// added), details, evaluation text and the provider's answer.
pub fn advice_text(o: &Outcome) -> String {
    let mut parts = vec![o.title.clone(), o.regie.clone(), o.owner.clone()];
    parts.extend(o.actions.iter().cloned());
    parts.extend(o.notes.iter().cloned());
    parts.extend(o.details.iter().map(|d| d.value.clone()));
    parts.extend(o.cadence_text.iter().cloned());
    parts.extend(o.provider.iter().map(|p| p.text.clone()));
    parts.join("\n")
}
