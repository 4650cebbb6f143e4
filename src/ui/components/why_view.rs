use crate::engine::Step;
use crate::ui::components::{interpretation_mark, source_quote};
use crate::ui::markup::Markup;

/// "Waarom?": the path taken, built from the structured trace, with the rule and source of each
/// step, written as text into the outcome (see [`crate::ui::markup`]).
pub fn write(m: &mut Markup, steps: &[Step], seed: &str) {
    m.raw("<details class=\"rw-waarom\"><summary>Waarom? Het gevolgde pad met bronnen</summary><ol>");
    for s in steps {
        m.raw("<li><p>").el("<span class=\"rw-vraagtekst\">", &s.question_text).raw(" ").el("<strong>", &s.answer_label).raw("</p>");
        if let Some(r) = &s.rule {
            m.raw("<p class=\"rw-regel\">Regel: ").text(r).raw("</p>");
        }
        source_quote::write(m, &s.source, seed);
        for i in &s.interpretations {
            interpretation_mark::write(m, i);
        }
        m.raw("</li>");
    }
    m.raw("</ol></details>");
}
