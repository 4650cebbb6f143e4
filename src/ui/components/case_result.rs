use crate::engine::advice::Marked;
use crate::training::{Verdict, WhyQuestion};
use crate::ui::components::source_quote::SourceQuote;
use crate::ui::components::{interpretation_mark, raw};
use crate::ui::markup::Markup;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseResultProps {
    pub verdict: Verdict,
    pub why: Option<WhyQuestion>,
    /// The option of the "Waarom?" question chosen, and whether it was checked.
    pub chosen: Option<usize>,
    pub checked: bool,
    pub seed: String,
    pub uid: AttrValue,
    pub onchoose: Callback<usize>,
    pub oncheck: Callback<()>,
}

/// Every interpretatie and niet-eenduidig mark on a case's route (label and text), as on the
/// widget's outcome; the answer sheet writes the same.
pub fn marks(marks: &[Marked]) -> Html {
    let mut m = Markup::new();
    m.raw("<div class=\"rw-lezing\">");
    for x in marks {
        interpretation_mark::write(&mut m, &x.interpretation);
    }
    m.raw("</div>");
    raw(m)
}

/// The trainee's outcome against the guideline's, with the deciding step and its source, then the
/// "Waarom?" question with feedback that quotes the guideline. Right and wrong are said in words and
/// with ✓/✗, never by colour alone. Where the route carries an interpretatie or niet-eenduidig mark,
/// the verdict is worded as the Regiewijzer's reading of the guideline and the marks are shown.
#[component]
pub fn CaseResult(props: &CaseResultProps) -> Html {
    let v = &props.verdict;
    let voice = v.voice();
    let uid = &props.uid;
    let reached = v.reached.as_ref().map(|o| o.title.clone()).unwrap_or_else(|| "geen uitkomst".into());
    let why = props.why.as_ref().map(|q| {
        let name = format!("{uid}-waarom");
        let feedback = props.checked.then(|| props.chosen).flatten().map(|c| {
            let right = &q.options[q.correct];
            let ok = c == q.correct;
            html! {
                <div class={classes!("rw-feedback", if ok { "rw-goed" } else { "rw-fout" })} role="status">
                    <p><strong>{ if ok { "✓ Goed." } else { "✗ Niet dit antwoord." } }</strong>{ " De beslissende regel is: " }{ &right.text }</p>
                    <SourceQuote source={right.source.clone()} seed={props.seed.clone()} />
                    if !ok {
                        <p>{ "Het gekozen antwoord hoort bij een andere route in dezelfde richtlijn:" }</p>
                        <SourceQuote source={q.options[c].source.clone()} seed={props.seed.clone()} />
                    }
                </div>
            }
        });
        html! {
            <form class="rw-vraag rw-waaromvraag" onsubmit={let cb = props.oncheck.clone(); move |e: SubmitEvent| { e.prevent_default(); cb.emit(()) }}>
                <fieldset>
                    <legend class="rw-titel">{ &q.prompt }</legend>
                    { for q.options.iter().enumerate().map(|(i, o)| {
                        let id = format!("{uid}-waarom-{i}");
                        let cb = props.onchoose.clone();
                        html! {
                            <div class="rw-optie">
                                <input type="radio" id={id.clone()} name={name.clone()} checked={props.chosen == Some(i)} onchange={move |_| cb.emit(i)} />
                                <label for={id}>{ &o.text }</label>
                            </div>
                        }
                    }) }
                </fieldset>
                <div class="rw-knoppen"><button type="submit" class="rw-knop rw-primair">{ "Controleer" }</button></div>
                { feedback.unwrap_or_default() }
            </form>
        }
    });
    html! {
        <section class="rw-uitslag" aria-labelledby={format!("{uid}-uitslag")}>
            <h2 class="rw-titel" id={format!("{uid}-uitslag")} tabindex="-1">
                { voice.verdict(v.matches) }
            </h2>
            <dl class="rw-kenmerken">
                <dt>{ "Uw uitkomst" }</dt><dd>{ reached }</dd>
                <dt>{ voice.answer() }</dt><dd>{ &v.expected.title }</dd>
            </dl>
            if !v.marks.is_empty() {
                <h3 class="rw-subtitel">{ "Hoe de Regiewijzer de richtlijn leest" }</h3>
                <p>{ "De richtlijn zegt dit niet overal letterlijk. Op deze route leest de Regiewijzer haar zo:" }</p>
                { marks(&v.marks) }
            }
            if let Some(s) = &v.deciding {
                <h3 class="rw-subtitel">{ "De beslissende stap" }</h3>
                <p><span class="rw-vraagtekst">{ &s.question_text }</span>{ " " }<strong>{ &s.answer_label }</strong></p>
                if let Some(r) = &s.rule {
                    <p class="rw-regel">{ format!("Regel: {r}") }</p>
                }
                <SourceQuote source={s.source.clone()} seed={props.seed.clone()} />
            }
            if !v.because.is_empty() {
                <p class="rw-waaromtekst">{ voice.because() }{ &v.because }</p>
            }
            { why.unwrap_or_default() }
        </section>
    }
}
