//! Publish: download the rule file (the JSON `regiewijzer check` and a gemeente's own-rule-file
//! setting read) and the changelog entry made from the diff, to copy.

use yew::prelude::*;

pub struct PublishPanelProps<'a> {
    /// The file name the download gets.
    pub file_name: String,
    /// The changelog entry, once the diff has run on the current rules.
    pub changelog: Option<String>,
    /// Problems the check still finds.
    pub problems: usize,
    pub unsaved: bool,
    pub ondownload: &'a Callback<()>,
}

pub fn view(p: &PublishPanelProps) -> Html {
    let download = {
        let on = p.ondownload.clone();
        Callback::from(move |_: MouseEvent| on.emit(()))
    };
    html! {
        <section class="bh-publiceren" aria-labelledby="bh-publiceren-titel">
            <h2 id="bh-publiceren-titel">{ "Publiceren" }</h2>
            if p.problems > 0 {
                <p class="bh-let">{ format!("De controle vindt nog {} {}: 'regiewijzer check' en de widget keuren het bestand zo af.", p.problems, if p.problems == 1 { "punt" } else { "punten" }) }</p>
            }
            <p>
                <button type="button" class="rw-knop" onclick={download}>{ format!("Download het regelbestand ({})", p.file_name) }</button>
                { " " }
                { if p.unsaved { "Er zijn wijzigingen die nog niet zijn gedownload." } else { "" } }
            </p>
            <p>{ "Het bestand blijft op deze computer: er wordt niets verstuurd of bewaard. Zet het op de eigen website van de gemeente en noem het in de widget met regels=\"…\" (zie de handleiding, 'Een eigen regelbestand')." }</p>
            <div class="bh-veld">
                <label for="bh-wijzigingen">{ "Wijzigingen (om over te nemen in het wijzigingenoverzicht)" }</label>
                <textarea id="bh-wijzigingen" rows="8" readonly=true value={p.changelog.clone().unwrap_or_else(|| "Kies eerst 'Bekijk wat deze wijziging doet': de samenvatting van de wijzigingen komt dan hier.".into())} />
            </div>
        </section>
    }
}
