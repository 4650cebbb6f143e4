use crate::training::SheetCase;
use crate::ui::components::case_result::marks;
use crate::ui::components::source_quote::SourceQuote;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AnswerSheetProps {
    pub region: String,
    pub title: String,
    pub seed: String,
    pub cases: Vec<SheetCase>,
    pub onprint: Callback<()>,
}

/// The case set with the guideline's answers, for the trainer (printed on A4): per case the
/// situation, the route, the outcome, the deciding step with its source; where the route carries an
/// interpretatie or niet-eenduidig mark, the outcome is worded as the Regiewijzer's reading and the
/// marks are printed with it.
#[component]
pub fn AnswerSheet(props: &AnswerSheetProps) -> Html {
    let onprint = props.onprint.clone();
    html! {
        <section class="rw-antwoordblad" aria-labelledby="rw-blad-titel">
            <h2 class="rw-titel" id="rw-blad-titel">{ format!("Antwoordenblad {} — {}", props.region, props.title) }</h2>
            <p class="rw-hulp">{ "Voor de trainer: elke casus met het antwoord van de richtlijn. Dit zijn ook de testgevallen van het regelbestand. Waar een route een interpretatie of een niet eenduidige passage raakt, is het antwoord hoe de Regiewijzer de richtlijn leest; de markering staat erbij." }</p>
            <div class="rw-knoppen rw-geen-print">
                <button type="button" class="rw-knop rw-primair" onclick={move |_| onprint.emit(())}>{ "Afdrukken (A4)" }</button>
            </div>
            <ol class="rw-bladlijst">
            { for props.cases.iter().enumerate().map(|(i, c)| { let voice = c.voice(); html! {
                <li class="rw-bladcasus">
                    <h3 class="rw-subtitel">{ format!("Casus {} — {}", i + 1, c.name) }</h3>
                    <p>{ &c.situation }</p>
                    <p><strong>{ "Route: " }</strong>{ c.route.iter().map(|(q, a)| format!("{q} → {a}")).collect::<Vec<_>>().join("; ") }</p>
                    <p><strong>{ voice.sheet_outcome() }</strong>{ &c.outcome }</p>
                    if !c.marks.is_empty() {
                        { marks(&c.marks) }
                    }
                    if let Some(s) = &c.deciding {
                        <p><strong>{ "Beslissend: " }</strong>{ s.rule.clone().unwrap_or_else(|| format!("{} {}", s.question_text, s.answer_label)) }</p>
                        <SourceQuote source={s.source.clone()} seed={props.seed.clone()} />
                    }
                    if !c.because.is_empty() {
                        <p class="rw-waaromtekst">{ voice.because() }{ &c.because }</p>
                    }
                </li>
            } }) }
            </ol>
        </section>
    }
}
