use crate::engine::model::TestCase;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CaseListProps {
    pub cases: Vec<TestCase>,
    /// Called with the case's index.
    pub onpick: Callback<usize>,
}

/// The cases of a guideline, numbered, each with the start of its situation. The case's name is not
/// shown: it often gives the answer away.
#[component]
pub fn CaseList(props: &CaseListProps) -> Html {
    html! {
        <ol class="rw-casuslijst">
        { for props.cases.iter().enumerate().map(|(i, c)| {
            let onpick = props.onpick.clone();
            html! {
                <li>
                    <button type="button" class="rw-casusknop" onclick={move |_| onpick.emit(i)}>
                        <span class="rw-casusnummer">{ format!("Casus {}", i + 1) }</span>
                        <span class="rw-casusbegin">{ opening(&c.situation) }</span>
                    </button>
                </li>
            }
        }) }
        </ol>
    }
}

/// The first sentence of a situation, at most about 110 characters.
fn opening(text: &str) -> String {
    let first = text.split_inclusive(". ").next().unwrap_or(text).trim();
    if first.chars().count() <= 110 {
        return first.to_string();
    }
    let cut: String = first.chars().take(105).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a))
}
