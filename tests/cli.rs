//! The CLI as a user runs it: exit codes, output and messages for good and bad input.

use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regiewijzer")).args(args).output().expect("binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn list_shows_every_guideline_with_status() {
    let o = cli(&["list"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    for e in regiewijzer::guidelines::Registry::builtin().list() {
        let status = format!("{:?}", e.status).to_lowercase();
        assert!(out.lines().any(|l| l.starts_with(&e.id) && l.contains(&status)), "{} {status}: {out}", e.id);
    }
    assert!(out.lines().any(|l| l.starts_with("westfriesland") && l.contains("beschikbaar")), "{out}");
    assert_eq!(out.lines().filter(|l| l.contains("beschikbaar")).count(), 5, "all five guidelines: {out}");
}

#[test]
fn show_lists_questions_options_and_outcomes() {
    let o = cli(&["show", "westfriesland"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("[verwijzer] Wie is (of wordt) de verwijzer?"));
    assert!(out.contains("huisarts = Een medisch specialist"));
    assert!(out.contains("[extern_verplicht]"));
    assert!(out.contains("contact wijkteam (zorgaanbieder): Ja"));
}

#[test]
fn advise_prints_json_with_outcome_trace_and_dates() {
    let o = cli(&[
        "advise",
        "westfriesland",
        "rol=toegang",
        "verwijzer=lokale_toegang",
        "wet=jeugd",
        "segment=b",
        "product_b=profiel_8",
        "jeugd_intensiteit=midden",
        "--start",
        "2026-01-31",
        "--end",
        "2027-12-31",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["outcome"]["id"], "jeugd_midden");
    assert_eq!(v["outcome"]["intensity"], "midden");
    assert_eq!(v["trace"].as_array().unwrap().len(), 6);
    assert_eq!(v["trace"][4]["rule"], "Tabel 4.2.2: profiel 8: ja");
    assert_eq!(v["schedule"]["entries"][0]["date_nl"], "do 30 april 2026");
    assert_eq!(v["guideline"]["seed"], "000_3a33d3ffdfdfb69c.txt");
}

#[test]
fn advise_with_open_question_shows_it() {
    let o = cli(&["advise", "westfriesland", "rol=zorgaanbieder"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["question"]["id"], "verwijzer");
    assert!(v["outcome"].is_null());
}

#[test]
fn unknown_ids_exit_2_and_list_the_valid_ones() {
    let cases: &[(&[&str], &str)] = &[
        (&["advise", "narnia"], "onbekende richtlijn 'narnia'; kies uit: westfriesland, oost-veluwe"),
        (&["show", "narnia"], "kies uit: westfriesland"),
        (&["advise", "westfriesland", "kleur=blauw"], "geen vraag 'kleur'; vragen: rol, verwijzer"),
        (&["advise", "westfriesland", "rol=baas"], "vraag 'rol' heeft geen antwoord 'baas'; kies uit: toegang, zorgaanbieder"),
        (&["advise", "westfriesland", "rol"], "'rol' is geen vraag=antwoord-paar"),
        (
            &["advise", "westfriesland", "--start", "31-01-2026"],
            "Startdatum (perspectiefplan opgesteld, ondersteuning ingezet) '31-01-2026' is geen geldige datum",
        ),
        (&["advise", "westfriesland", "--end"], "--end vraagt een datum"),
        (&["advise", "westfriesland", "--morgen", "x"], "onbekende optie '--morgen'"),
        (&["dans"], "onbekende opdracht 'dans'"),
        (&[], "geef een opdracht op"),
        (&["check", "/bestaat/niet.json"], "kan '/bestaat/niet.json' niet lezen"),
    ];
    for (args, needle) in cases {
        let o = cli(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(needle), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?}");
    }
}

#[test]
fn check_passes_on_the_builtin_files_and_fails_on_a_broken_one() {
    let o = cli(&["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // The counts come from the rule file itself, so adding a case keeps this test honest.
    let wf: serde_json::Value = serde_json::from_str(include_str!("../rules/westfriesland.json")).unwrap();
    let line = format!(
        "ok   westfriesland: {} vragen, {} uitkomsten, {} testgevallen geslaagd",
        wf["questions"].as_array().unwrap().len(),
        wf["outcomes"].as_array().unwrap().len(),
        wf["tests"].as_array().unwrap().len()
    );
    assert!(stdout(&o).contains(&line), "{line}\n{}", stdout(&o));

    let dir = std::env::temp_dir().join(format!("rw-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("kapot.json");
    let mut v: serde_json::Value = serde_json::from_str(include_str!("fixtures/minimal.json")).unwrap();
    v["start"] = "begin".into();
    v["outcomes"][0]["sources"] = serde_json::json!([]);
    std::fs::write(&broken, v.to_string()).unwrap();
    let o = cli(&["check", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("startvraag 'begin' bestaat niet"), "{err}");
    assert!(err.contains("'o_b' heeft geen bron"), "{err}");
    let good = dir.join("goed.json");
    std::fs::write(&good, include_str!("fixtures/minimal.json")).unwrap();
    assert_eq!(cli(&["check", good.to_str().unwrap()]).status.code(), Some(0));
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 21: the CLI answers "weet ik niet" as the widget does (the engine's forked walk).
#[test]
fn advise_with_weet_ik_niet_gives_every_alternative() {
    let o = cli(&["advise", "westfriesland", "rol=toegang", "verwijzer=huisarts", "segment=b", "product_b=laag_1_4", "complex_onveilig=?"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let alts = v["alternatives"].as_array().unwrap();
    let outcomes: Vec<&str> = alts.iter().map(|a| a["advice"]["outcome"]["id"].as_str().unwrap()).collect();
    assert_eq!(outcomes, ["extern_aanmelden", "extern_geen_plicht"]);
    assert_eq!(alts[0]["assumed"][0], serde_json::json!(["complex_onveilig", "ja"]));
    assert_eq!(v["limit_reached"], false);
    // A "?" for a question that is not marked as realistically unknown is refused.
    let o = cli(&["advise", "westfriesland", "rol=?"]);
    assert_eq!(o.status.code(), Some(2));
}

/// Issue 21: "Vergelijk regio's" from the CLI: next question, columns and table as JSON.
#[test]
fn compare_prints_the_next_question_the_columns_and_the_table() {
    let o = cli(&["compare", "rol=toegang"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["next"]["kind"], "shared");
    assert_eq!(v["next"]["question"]["id"], "kader");
    let o = cli(&[
        "compare",
        "rol=toegang",
        "kader=gedwongen",
        "zelf_regie=ja",
        "veiligheid=ja",
        "zeeland.ander_mandaat=nee",
        "--zonder",
        "hoogeveen-de-wolden",
        "--zonder",
        "flevoland",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["next"]["kind"], "done", "{}", v["next"]);
    let cols = v["columns"].as_array().unwrap();
    assert_eq!(cols.len(), 5);
    assert_eq!(cols[0]["advice"]["outcome"]["id"], "gi_regie");
    assert_eq!(cols[2]["kind"], "skipped");
    let regie = v["rows"].as_array().unwrap().iter().find(|r| r["kind"] == "regie_bij").unwrap();
    assert_eq!(regie["differs"], false, "{regie}");
    for (args, msg) in [
        (&["compare", "kader=misschien"][..], "gedeelde vraag 'kader' heeft geen antwoord 'misschien'"),
        (&["compare", "narnia.x=y"][..], "onbekende richtlijn 'narnia'"),
        (&["compare", "--zonder"][..], "--zonder vraagt een richtlijn"),
    ] {
        let o = cli(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(msg), "{args:?}: {}", stderr(&o));
    }
}
