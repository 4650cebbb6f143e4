//! The native CLI.
//!
//! ```text
//! regiewijzer list
//! regiewijzer show <richtlijn>
//! regiewijzer advise <richtlijn> [vraag=antwoord|vraag=? ...] [--start|--end|--birth|--handover JJJJ-MM-DD]
//!                                   [--moment JJJJ-MM-DDTUU:MM] [--peildatum JJJJ-MM-DD]
//! regiewijzer compare [vraag=antwoord ...] [richtlijn.vraag=antwoord ...] [--zonder richtlijn] [--start JJJJ-MM-DD]
//! regiewijzer diff <oud> <nieuw> [--start JJJJ-MM-DD] [--end JJJJ-MM-DD] [--json]
//! regiewijzer check [regelbestand.json ...]
//! regiewijzer schema
//! regiewijzer export <map>
//! ```
//!
//! Exit codes: 0 ok; 1 `check` found a problem; 2 bad input (unknown command, guideline, question or
//! option, malformed pair or date, unreadable file). Errors go to stderr in Dutch, never as a panic.

use regiewijzer::compare::{columns, next, table, Shared, Situation};
use regiewijzer::engine::audit::{check as check_file, verdict};
use regiewijzer::engine::model::{DateField, Guideline};
use regiewijzer::engine::{advise, load, walk_forked, Advice, Answers, Dates, UNKNOWN};
use regiewijzer::guidelines::{own_clash, Registry, Status};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

const USAGE: &str = "Gebruik:
  regiewijzer list                         alle richtlijnen met hun status
  regiewijzer show <richtlijn|bestand.json> vragen, antwoorden en uitkomsten van een richtlijn
  regiewijzer advise <richtlijn> [vraag=antwoord ...] [--start JJJJ-MM-DD] [--end JJJJ-MM-DD]
                     [--moment JJJJ-MM-DDTUU:MM] [--birth JJJJ-MM-DD] [--handover JJJJ-MM-DD]
                     [--peildatum JJJJ-MM-DD]
                                           het advies als JSON (uitkomst, pad, bronnen, data);
                                           vraag=? is \"weet ik niet\": dan elk mogelijk advies naast elkaar
  regiewijzer compare [vraag=antwoord ...] [richtlijn.vraag=antwoord ...] [--zonder richtlijn]
                      [--start JJJJ-MM-DD]
                                           \"Vergelijk regio's\" als JSON: de volgende vraag, de kolommen
                                           per richtlijn en de tabel (rijen, \"verschilt\")
  regiewijzer diff <oud> <nieuw> [--start JJJJ-MM-DD] [--end JJJJ-MM-DD] [--json]
                                           wat een wijziging doet: per route (alle antwoorden) wat er
                                           verandert aan uitkomst, regie, wie, zorgaanbieder, ritme en
                                           data (voor een voorbeeldstartdatum; standaard valid_from van
                                           <nieuw>); <oud> en <nieuw> zijn een richtlijn of bestand.json;
                                           als tekst, met --json als JSON
  regiewijzer check [bestand.json ...]     regelbestanden valideren en hun testgevallen draaien
                                           (zonder bestanden: de ingebouwde richtlijnen)
  regiewijzer schema                       het formaat van een regelbestand als JSON Schema (zoals in
                                           rules/schema/regelbestand.schema.json)
  regiewijzer export <map>                 de gegevensbestanden van de widget schrijven naar <map>/regels/,
                                           de eerste stappen in <map>/regiewijzer.js, pagina.js en index.html,
                                           de lijst met richtlijnen in <map>/index.html (voor build.sh)";

/// A failure: message for stderr and the exit code.
pub struct Fail(pub u8, pub String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(Fail(code, msg)) => {
            eprintln!("{msg}");
            ExitCode::from(code)
        }
    }
}

fn run(args: &[String]) -> Result<String, Fail> {
    let usage = |msg: &str| Fail(2, format!("{msg}\n\n{USAGE}"));
    match args.first().map(String::as_str) {
        Some("list") => Ok(list(&Registry::builtin())),
        Some("show") => {
            let id = args.get(1).ok_or_else(|| usage("show: geef een richtlijn op"))?;
            Ok(show(&guideline(id)?))
        }
        Some("advise") => {
            let id = args.get(1).ok_or_else(|| usage("advise: geef een richtlijn op"))?;
            let g = guideline(id)?;
            let (answers, dates) = parse_advise_args(&args[2..])?;
            let json = if answers.values().any(|v| v == UNKNOWN) {
                serde_json::to_string_pretty(&advise_unknown(&g, &answers, &dates)?)
            } else {
                serde_json::to_string_pretty(&advise(&g, &answers, &dates).map_err(|e| Fail(2, e.to_string()))?)
            }
            .map_err(|e| Fail(1, e.to_string()))?;
            Ok(format!("{json}\n"))
        }
        Some("compare") => compare(&args[1..]),
        Some("diff") => diff(&args[1..]),
        Some("check") => check(&args[1..]),
        Some("schema") => schema(),
        Some("export") => {
            let dir = args.get(1).ok_or_else(|| usage("export: geef de map van de widget op (dist)"))?;
            export(Path::new(dir))
        }
        Some("help" | "--help" | "-h") => Ok(format!("{USAGE}\n")),
        Some(other) => Err(usage(&format!("onbekende opdracht '{other}'"))),
        None => Err(usage("geef een opdracht op")),
    }
}

/// A built-in guideline by id, or a rule file by path (`mijn.json`), loaded and validated.
fn guideline(id: &str) -> Result<Guideline, Fail> {
    if id.ends_with(".json") {
        let json = std::fs::read_to_string(id).map_err(|e| Fail(2, format!("kan '{id}' niet lezen: {e}")))?;
        return load(id, &json).map_err(|e| Fail(1, e.to_string()));
    }
    Registry::builtin().get(id).cloned().map_err(|e| Fail(2, e.to_string()))
}

fn list(reg: &Registry) -> String {
    let mut out = String::new();
    for e in reg.list() {
        let status = match e.status {
            Status::Beschikbaar => "beschikbaar",
            Status::Defect => "defect",
        };
        out.push_str(&format!("{:<22} {:<12} {}", e.id, status, e.region));
        if !e.title.is_empty() {
            out.push_str(&format!(" — {}", e.title));
        }
        out.push('\n');
    }
    out
}

fn show(g: &Guideline) -> String {
    let mut out = format!(
        "{} — {}\nBron: {} ({})\nBereik: {}\nStartvraag: {}\n\nVRAGEN\n",
        g.region, g.title, g.seed, g.document_date, g.scope, g.start
    );
    for q in &g.questions {
        out.push_str(&format!("\n[{}] {}\n", q.id, q.text));
        for c in &q.options {
            let to = match &c.goto {
                Some(t) => t.clone(),
                None => c
                    .branches
                    .iter()
                    .map(|b| {
                        let cond: Vec<String> = b.when.iter().map(|(k, v)| format!("{k}={}", v.join("|"))).collect();
                        if cond.is_empty() {
                            b.goto.clone()
                        } else {
                            format!("{} als {}", b.goto, cond.join(", "))
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("; anders "),
            };
            out.push_str(&format!("  {} = {}  → {}\n", c.id, c.label, to));
        }
    }
    out.push_str("\nUITKOMSTEN\n");
    for o in &g.outcomes {
        out.push_str(&format!("\n[{}] {}\n  regie: {}\n  eigenaar: {}\n", o.id, o.title, o.regie, o.owner));
        if let Some(i) = &o.intensity {
            out.push_str(&format!("  intensiteit: {i}\n"));
        }
        if let Some(p) = &o.provider {
            out.push_str(&format!("  contact wijkteam (zorgaanbieder): {}\n", p.answer.label()));
        }
    }
    out
}

/// The advice under every answer a "weet ik niet" (`vraag=?`) leaves open: the engine's forked walk,
/// each alternative with the answers it assumes and the advice that follows (as the widget shows them
/// side by side).
#[derive(serde::Serialize)]
struct Unknowns {
    alternatives: Vec<UnknownAlternative>,
    /// More unknowns than the widget follows: the last alternative stops at the question it could not follow.
    limit_reached: bool,
    /// Answers on no alternative's path.
    ignored: Vec<String>,
}

#[derive(serde::Serialize)]
struct UnknownAlternative {
    /// (question, option) assumed for each unknown answer on this route.
    assumed: Vec<(String, String)>,
    advice: Advice,
}

fn advise_unknown(g: &Guideline, answers: &Answers, dates: &Dates) -> Result<Unknowns, Fail> {
    let f = walk_forked(g, answers).map_err(|e| Fail(2, e.to_string()))?;
    let mut alternatives = Vec::new();
    for alt in &f.alternatives {
        let mut a: Answers = answers.iter().filter(|(_, v)| *v != UNKNOWN).map(|(q, v)| (q.clone(), v.clone())).collect();
        for (q, o) in &alt.assumed {
            a.insert(q.clone(), o.clone());
        }
        a.retain(|q, _| alt.walk.steps.iter().any(|s| &s.question == q));
        let advice = advise(g, &a, dates).map_err(|e| Fail(2, e.to_string()))?;
        alternatives.push(UnknownAlternative { assumed: alt.assumed.clone(), advice });
    }
    Ok(Unknowns { alternatives, limit_reached: f.limit_reached, ignored: f.ignored })
}

/// "Vergelijk regio's" for a script: shared answers (`kader=gedwongen`), a guideline's own answers
/// (`flevoland.gemeente=almere`), guidelines left out (`--zonder hoogeveen-de-wolden`) and a start
/// date; prints the next question (or `done`), the columns and the table as JSON.
fn compare(args: &[String]) -> Result<String, Fail> {
    let reg = Registry::builtin();
    let gs: Vec<&Guideline> = reg.list().iter().filter_map(|e| reg.get(&e.id).ok()).collect();
    let shared = Shared::builtin();
    let mut s = Situation::default();
    let mut dates = Dates::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--zonder" => {
                let id = it.next().ok_or_else(|| Fail(2, "--zonder vraagt een richtlijn".to_string()))?;
                if !gs.iter().any(|g| &g.id == id) {
                    return Err(Fail(2, format!("onbekende richtlijn '{id}'")));
                }
                s.skipped.push(id.clone());
            }
            "--start" => dates.start = Some(it.next().ok_or_else(|| Fail(2, "--start vraagt een datum (JJJJ-MM-DD)".to_string()))?.clone()),
            pair => {
                let (q, o) = pair
                    .split_once('=')
                    .filter(|(q, o)| !q.is_empty() && !o.is_empty())
                    .ok_or_else(|| Fail(2, format!("'{pair}' is geen vraag=antwoord-paar")))?;
                match q.split_once('.') {
                    Some((g, q)) => {
                        let guideline = gs.iter().find(|x| x.id == g).ok_or_else(|| Fail(2, format!("onbekende richtlijn '{g}'")))?;
                        let question = guideline.question(q).ok_or_else(|| Fail(2, format!("'{g}' heeft geen vraag '{q}'")))?;
                        if !question.options.iter().any(|c| c.id == o) {
                            return Err(Fail(2, format!("vraag '{q}' van '{g}' heeft geen antwoord '{o}'")));
                        }
                        s.own.entry_or_default(g.to_string()).insert(q.to_string(), o.to_string());
                    }
                    None => {
                        let sq = shared.questions.iter().find(|x| x.id == q).ok_or_else(|| {
                            let ids: Vec<&str> = shared.questions.iter().map(|x| x.id.as_str()).collect();
                            Fail(2, format!("onbekende gedeelde vraag '{q}'; kies uit: {}", ids.join(", ")))
                        })?;
                        if !sq.options.iter().any(|(id, _)| id == o) {
                            let ids: Vec<&str> = sq.options.iter().map(|(id, _)| id.as_str()).collect();
                            return Err(Fail(2, format!("gedeelde vraag '{q}' heeft geen antwoord '{o}'; kies uit: {}", ids.join(", "))));
                        }
                        s.shared.insert(q.to_string(), o.to_string());
                    }
                }
            }
        }
    }
    dates.check().map_err(|e| Fail(2, e.to_string()))?;
    #[derive(serde::Serialize)]
    struct Out {
        next: regiewijzer::compare::Next,
        columns: Vec<regiewijzer::compare::Column>,
        rows: Vec<regiewijzer::compare::Row>,
    }
    let cols = columns(&shared, &gs, &s, &dates);
    let rows = table(&shared, &gs, &cols);
    let out = Out { next: next(&shared, &gs, &s), columns: cols, rows };
    let json = serde_json::to_string_pretty(&out).map_err(|e| Fail(1, e.to_string()))?;
    Ok(format!("{json}\n"))
}

/// "What does this change do?": the engine's diff of two guidelines (built-in ids or rule files),
/// as Dutch text or, with `--json`, as JSON. A difference is not a failure (exit 0); bad input
/// (a missing argument, an unknown option, a file that does not load, a malformed date) exits 2.
fn diff(args: &[String]) -> Result<String, Fail> {
    let mut files: Vec<&String> = Vec::new();
    let mut dates = Dates::default();
    let mut json = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--start" | "--end" => {
                let v = it.next().ok_or_else(|| Fail(2, format!("{a} vraagt een datum (JJJJ-MM-DD)")))?;
                dates.set(if a == "--start" { DateField::Start } else { DateField::End }, v.clone());
            }
            flag if flag.starts_with("--") => {
                return Err(Fail(2, format!("onbekende optie '{flag}'; gebruik --start, --end of --json")));
            }
            _ => files.push(a),
        }
    }
    let [old, new] = files[..] else {
        return Err(Fail(2, format!("diff: geef twee richtlijnen of regelbestanden op (oud en nieuw)\n\n{USAGE}")));
    };
    // A rule file that does not load is bad input here, not a failed check.
    let (old, new) = (guideline(old).map_err(|Fail(_, m)| Fail(2, m))?, guideline(new).map_err(|Fail(_, m)| Fail(2, m))?);
    if dates.start.is_none() {
        dates.start = Some(new.valid_from.clone());
    }
    dates.check().map_err(|e| Fail(2, e.to_string()))?;
    let d = regiewijzer::engine::diff(&old, &new, &dates);
    if json {
        let out = serde_json::to_string_pretty(&d).map_err(|e| Fail(1, e.to_string()))?;
        Ok(format!("{out}\n"))
    } else {
        Ok(d.text())
    }
}

pub fn parse_advise_args(args: &[String]) -> Result<(Answers, Dates), Fail> {
    let mut answers = Answers::new();
    let mut dates = Dates::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--peildatum" => {
                let v = it.next().ok_or_else(|| Fail(2, "--peildatum vraagt een datum (JJJJ-MM-DD)".to_string()))?;
                dates.reference = Some(v.clone());
            }
            flag if flag.starts_with("--") => {
                let field = DateField::ALL.into_iter().find(|f| flag == format!("--{}", f.key())).ok_or_else(|| {
                    Fail(2, format!("onbekende optie '{flag}'; gebruik --start, --end, --moment, --birth, --handover of --peildatum"))
                })?;
                let v = it.next().ok_or_else(|| Fail(2, format!("{a} vraagt een datum (JJJJ-MM-DD, bij --moment JJJJ-MM-DDTUU:MM)")))?;
                dates.set(field, v.clone());
            }
            pair => {
                let (q, o) = pair
                    .split_once('=')
                    .filter(|(q, o)| !q.is_empty() && !o.is_empty())
                    .ok_or_else(|| Fail(2, format!("'{pair}' is geen vraag=antwoord-paar")))?;
                answers.insert(q.to_string(), o.to_string());
            }
        }
    }
    Ok((answers, dates))
}

fn check(files: &[String]) -> Result<String, Fail> {
    let mut out = String::new();
    let mut failed = false;
    if files.is_empty() {
        // The built-in guidelines, exactly as the widget loads them (compiled by build.rs).
        let reg = Registry::builtin();
        for e in reg.list() {
            match reg.get(&e.id) {
                Ok(g) => {
                    let v = verdict(g.clone(), guideline_text(g, Path::new("rules")).as_deref());
                    failed |= v.result.is_err();
                    out.push_str(&v.report());
                }
                Err(_) => {
                    failed = true;
                    out.push_str(&format!("FOUT {}:\n- {}\n", e.id, e.problems.join("\n- ")));
                }
            }
        }
    }
    for f in files {
        let json = std::fs::read_to_string(f).map_err(|e| Fail(2, format!("kan '{f}' niet lezen: {e}")))?;
        // The guideline text is looked for beside the file, in text/<seed>.
        let dir = Path::new(f).parent().unwrap_or(Path::new("."));
        let v = check_file(f, &json, |g| guideline_text(g, dir));
        // A built-in id: the widget refuses it as a gemeente's own rule file, and so does this
        // check, unless the file is that built-in guideline itself (rules/<id>.json, unchanged).
        let clash = v.result.as_ref().ok().filter(|g| Registry::index().entry(&g.id).is_some());
        match clash {
            Some(g) if Registry::builtin().get(&g.id).is_ok_and(|b| b == g) => {
                out.push_str(&v.report());
                out.push_str(&format!("     let op: dit is de ingebouwde richtlijn zelf; als eigen regelbestand van een gemeente weigert de widget dit id: {}\n", own_clash(&g.id)));
            }
            Some(g) => {
                failed = true;
                out.push_str(&format!("FOUT {}: 1 probleem/problemen:\n- {}\n", g.id, own_clash(&g.id)));
            }
            None => {
                failed |= v.result.is_err();
                out.push_str(&v.report());
            }
        }
    }
    if failed {
        Err(Fail(1, out.trim_end().to_string()))
    } else {
        Ok(out)
    }
}

/// The guideline text kept beside the rule files (`<dir>/text/<seed>`), if there.
fn guideline_text(g: &Guideline, dir: &Path) -> Option<String> {
    std::fs::read_to_string(dir.join("text").join(&g.seed)).ok()
}

/// Writes what the widget fetches from its own folder: `regels/<id>.rwd` (a guideline's walk data and
/// schema) and `regels/<id>.casus.rwd` (its training cases), `beheer/<id>.json` and `beheer/<id>.txt`
/// (the rule file and its guideline text, for the rule owner's page), the JSON Schema where served rule
/// files point; fills each guideline's first step into the loader `regiewijzer.js` (the `__RW_EERSTE_STAPPEN__`
/// placeholder, also in `pagina.js`; `site.js` gets the ids alone) and into `index.html` (`<!-- eerste stappen -->`), and the list of guidelines into
/// `index.html` (the `<!-- richtlijnen -->` marker): plain links to share-link fragments. All of it
/// is usable before the wasm has arrived.
fn export(dir: &Path) -> Result<String, Fail> {
    let fail = |e: std::io::Error| Fail(2, format!("kan niet schrijven in '{}': {e}", dir.display()));
    let data = dir.join("regels");
    std::fs::create_dir_all(&data).map_err(fail)?;
    let mut out = String::new();
    // The first step of each guideline as HTML, for the loader to show before the wasm has arrived
    // (regiewijzer::ui::first_step).
    let reg = Rc::new(Registry::builtin());
    let mut steps = Vec::new();
    for (id, web, cases) in Registry::builtin_files() {
        if let Some(step) = regiewijzer::ui::first_step::first_step(&reg, id) {
            steps.push((id.to_string(), step));
        }
        std::fs::write(data.join(format!("{id}.rwd")), web).map_err(fail)?;
        std::fs::write(data.join(format!("{id}.casus.rwd")), cases).map_err(fail)?;
        out.push_str(&format!("regels/{id}.rwd ({} bytes)\n", web.len()));
    }
    // What the rule owner's page (beheer.html) opens: each built-in rule file as written and the
    // guideline text kept beside it.
    let beheer = dir.join("beheer");
    std::fs::create_dir_all(&beheer).map_err(fail)?;
    for e in reg.list().iter().filter(|e| e.status == Status::Beschikbaar) {
        let rules = Path::new("rules");
        std::fs::write(beheer.join(format!("{}.json", e.id)), read_kept(&rules.join(format!("{}.json", e.id)))?).map_err(fail)?;
        std::fs::write(beheer.join(format!("{}.txt", e.id)), read_kept(&rules.join("text").join(&e.seed))?).map_err(fail)?;
    }
    out.push_str("beheer/: regelbestanden en teksten voor de beheerpagina\n");
    // The built-in guidelines with their first steps, in the loaders for host pages and the iframe
    // page (regiewijzer.js, pagina.js): they fetch no other id. The widget's own page holds the steps
    // as HTML (below), so its loader (site.js) carries the ids alone.
    let ids: Vec<(String, String)> = steps.iter().map(|(id, _)| (id.clone(), String::new())).collect();
    for (name, steps) in [("regiewijzer.js", &steps), ("pagina.js", &steps), ("site.js", &ids)] {
        let loader = dir.join(name);
        let Ok(js) = std::fs::read_to_string(&loader) else { continue };
        let found = ["\"__RW_EERSTE_STAPPEN__\"", "'__RW_EERSTE_STAPPEN__'"].into_iter().find(|p| js.contains(p));
        let Some(placeholder) = found else {
            return Err(Fail(2, format!("export: {name} heeft geen plaats voor de eerste stappen (__RW_EERSTE_STAPPEN__)")));
        };
        std::fs::write(&loader, js.replacen(placeholder, &js_object(steps), 1)).map_err(fail)?;
        out.push_str(&format!("{name}: de ingebouwde richtlijnen ingevuld\n"));
    }
    // The format as a JSON Schema, where the `$schema` of every rule file the site serves points
    // ("schema/regelbestand.schema.json", relative to the file): beside beheer/'s files and beside a
    // gemeente's own rule file in the widget's folder.
    let schema = read_kept(Path::new(KEPT_SCHEMA))?;
    for at in [dir.join("schema"), beheer.join("schema")] {
        std::fs::create_dir_all(&at).map_err(fail)?;
        std::fs::write(at.join("regelbestand.schema.json"), &schema).map_err(fail)?;
    }
    // The example of a gemeente's own rule file, with the reference that holds in the widget's folder
    // (in the repository it points at rules/schema/).
    let example = String::from_utf8_lossy(&read_kept(Path::new("www/eigen-regels-voorbeeld.json"))?).replacen(
        &format!("\"$schema\": \"../{KEPT_SCHEMA}\""),
        &format!("\"$schema\": \"{PUBLISHED_SCHEMA}\""),
        1,
    );
    std::fs::write(dir.join("eigen-regels-voorbeeld.json"), example).map_err(fail)?;
    out.push_str("schema/ en beheer/schema/: het formaat van een regelbestand (JSON Schema)\n");
    let page = dir.join("index.html");
    if let Ok(html) = std::fs::read_to_string(&page) {
        let items: String = reg
            .list()
            .iter()
            .filter(|e| e.status == Status::Beschikbaar)
            .map(|e| {
                format!(
                    "<li><a class=\"rw-regio-link\" href=\"#{}\"><span class=\"rw-regio-naam\">{}</span> <span class=\"rw-regio-titel\">{} ({})</span></a></li>",
                    e.id,
                    html_text(&e.region),
                    html_text(&e.title),
                    html_text(&e.document_date)
                )
            })
            .collect::<Vec<_>>()
            .concat();
        let list = format!("<ul class=\"rw-regio-lijst\">{items}</ul>");
        if !html.contains(FIRST_STEPS) {
            return Err(Fail(2, format!("export: index.html heeft geen plaats voor de eerste stappen ({FIRST_STEPS})")));
        }
        let html = html.replace("<!-- richtlijnen -->", &list).replacen(FIRST_STEPS, &regiewijzer::ui::first_step::page_steps(&steps), 1);
        std::fs::write(&page, html).map_err(fail)?;
        out.push_str("index.html: lijst met richtlijnen en hun eerste stappen ingevuld\n");
    }
    Ok(out)
}

/// Where `index.html` holds each guideline's first step (src/ui/first_step.rs, `page_steps`).
const FIRST_STEPS: &str = "<!-- eerste stappen -->";

/// `{'id':'…',…}`: the texts between single quotes, so the HTML's many double quotes need no
/// backslash (24 B gzip less in the loader than JSON).
fn js_object(entries: &[(String, String)]) -> String {
    let quote = |s: &str| {
        let mut out = String::from("'");
        for c in s.chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\'' => out.push_str("\\'"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\u{2028}' => out.push_str("\\u2028"),
                '\u{2029}' => out.push_str("\\u2029"),
                c => out.push(c),
            }
        }
        out + "'"
    };
    let fields: Vec<String> = entries.iter().map(|(k, v)| format!("{}:{}", quote(k), quote(v))).collect();
    format!("{{{}}}", fields.join(","))
}

/// The JSON Schema of the rule-file format as kept in the repository (what `regiewijzer schema` makes).
const KEPT_SCHEMA: &str = "rules/schema/regelbestand.schema.json";
/// The `$schema` reference of a rule file the site serves, relative to the file.
const PUBLISHED_SCHEMA: &str = "schema/regelbestand.schema.json";

/// A file kept in the repository (a rule file, a guideline text, the schema), for `export`.
fn read_kept(p: &Path) -> Result<Vec<u8>, Fail> {
    std::fs::read(p).map_err(|err| Fail(2, format!("kan '{}' niet lezen: {err}", p.display())))
}

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The rule-file format as a JSON Schema (draft 2020-12), generated from the model's types (their
/// doc comments are the descriptions): what `rules/schema/regelbestand.schema.json` keeps and every
/// rule file names in `"$schema"`.
#[cfg(feature = "schema")]
fn schema() -> Result<String, Fail> {
    let schema = schemars::schema_for!(Guideline);
    serde_json::to_string_pretty(&schema).map(|json| json + "\n").map_err(|e| Fail(2, format!("schema: {e}")))
}

/// Without the `schema` feature (a build with --no-default-features) the types carry no schema.
#[cfg(not(feature = "schema"))]
fn schema() -> Result<String, Fail> {
    Err(Fail(2, "schema: deze regiewijzer is gebouwd zonder het schema (feature 'schema')".to_string()))
}
