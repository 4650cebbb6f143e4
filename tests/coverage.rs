//! The source coverage map (`engine::coverage`): every quote of every built-in rule file is found
//! in its guideline text, headings are cited, not modelled or "niet verwerkt", and overlapping
//! quotes list every element that cites them.

use regiewijzer::engine::audit::squash;
use regiewijzer::engine::coverage::{coverage, Coverage, HeadingStatus};
use regiewijzer::engine::load;
use regiewijzer::engine::model::{Guideline, Source};
use std::fs;

/// Every built-in rule file with its guideline text.
fn builtin() -> Vec<(Guideline, String)> {
    let mut files: Vec<_> = fs::read_dir("rules")
        .expect("rules/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_stem().unwrap().to_str().unwrap().to_string();
            let g = load(&name, &fs::read_to_string(&p).unwrap()).expect("built-in file loads");
            let text = fs::read_to_string(format!("rules/text/{}", g.seed)).expect("its text is kept");
            (g, text)
        })
        .collect()
}

/// Every source of `g`, mutable: question, branch, outcome and cadence sources.
fn sources_mut(g: &mut Guideline) -> Vec<&mut Source> {
    let mut all: Vec<&mut Source> = Vec::new();
    for q in &mut g.questions {
        all.push(&mut q.source);
        for c in &mut q.options {
            all.extend(c.branches.iter_mut().filter_map(|b| b.source.as_mut()));
        }
    }
    for o in &mut g.outcomes {
        all.extend(o.sources.iter_mut());
    }
    all.extend(g.cadences.iter_mut().map(|c| &mut c.source));
    all
}

fn well_formed(c: &Coverage, text: &str, name: &str) {
    for p in &c.passages {
        assert!(text.get(p.range.clone()).is_some(), "{name}: passage {:?} outside the text or not on a character boundary", p.range);
        assert!(!p.cited_by.is_empty(), "{name}: passage {:?} cited by nobody", p.range);
    }
    assert!(
        c.passages.windows(2).all(|w| (w[0].range.start, w[0].range.end) < (w[1].range.start, w[1].range.end)),
        "{name}: passages in text order, once each"
    );
    for s in &c.segments {
        assert!(text.get(s.range.clone()).is_some_and(|t| !t.is_empty()), "{name}: segment {:?}", s.range);
    }
    assert!(c.segments.windows(2).all(|w| w[0].range.end <= w[1].range.start), "{name}: segments do not overlap");
    for h in &c.headings {
        if let Some(r) = &h.range {
            let at = text.get(r.clone()).unwrap_or_else(|| panic!("{name}: heading {:?} at {r:?}", h.heading));
            assert_eq!(
                squash(at).trim_matches('*'),
                squash(&h.heading).trim_matches('*'),
                "{name}: the text at the heading's range is the heading"
            );
        }
    }
}

#[test]
fn every_quote_of_every_builtin_file_is_found_where_the_range_says() {
    for (g, text) in builtin() {
        let c = coverage(&g, &text);
        well_formed(&c, &text, &g.id);
        assert!(c.not_found.is_empty(), "{}: quotes not found: {:?}", g.id, c.not_found);
        for (id, s) in g.sources() {
            let found = c.of(&id).any(|p| squash(&text[p.range.clone()]) == squash(&s.quote));
            assert!(found, "{}: {id} quotes {:?}, but no passage of it holds that text", g.id, s.quote);
        }
        // Every passage is some source's quote, and each segment lies in a passage of each element it names.
        for p in &c.passages {
            for id in &p.cited_by {
                assert!(g.sources().iter().any(|(i, s)| i == id && squash(&text[p.range.clone()]) == squash(&s.quote)), "{}: {id}", g.id);
            }
        }
        for s in &c.segments {
            for id in &s.cited_by {
                assert!(
                    c.of(id).any(|p| p.range.start <= s.range.start && s.range.end <= p.range.end),
                    "{}: segment {:?} of {id}",
                    g.id,
                    s.range
                );
            }
        }
    }
}

#[test]
fn every_listed_heading_of_the_builtin_files_is_found_and_accounted_for() {
    for (g, text) in builtin() {
        let c = coverage(&g, &text);
        let listed: Vec<_> = c.headings.iter().filter(|h| h.listed).collect();
        assert_eq!(listed.len(), g.headings.len(), "{}", g.id);
        for h in listed {
            assert!(h.range.is_some(), "{}: heading {:?} not found in the text", g.id, h.heading);
            assert_ne!(
                h.status,
                HeadingStatus::NietVerwerkt,
                "{}: {:?} (the audit requires every listed heading to be accounted for)",
                g.id,
                h.heading
            );
            match &h.status {
                HeadingStatus::Cited => assert!(!h.cited_by.is_empty()),
                HeadingStatus::NotModelled(reason) => {
                    assert!(h.cited_by.is_empty());
                    assert!(g.not_modelled.iter().any(|n| n.heading == h.heading && &n.reason == reason));
                }
                HeadingStatus::NietVerwerkt => unreachable!(),
            }
        }
        // Headings in text order.
        let starts: Vec<usize> = c.headings.iter().filter_map(|h| h.range.as_ref().map(|r| r.start)).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{}: {starts:?}", g.id);
    }
}

#[test]
fn a_heading_no_source_cites_and_not_modelled_does_not_list_is_niet_verwerkt() {
    let (mut g, text) = builtin().into_iter().find(|(g, _)| g.id == "westfriesland").expect("westfriesland is built in");
    let before = coverage(&g, &text);
    let cited = before.headings.iter().find(|h| h.listed && h.status == HeadingStatus::Cited).expect("a cited heading").clone();
    let skipped =
        before.headings.iter().find(|h| matches!(h.status, HeadingStatus::NotModelled(_))).expect("a heading not modelled").clone();
    let other = g.headings.iter().find(|h| **h != cited.heading && **h != skipped.heading).expect("a third heading").clone();

    // Take the cited heading out of every source (they cite another one) and both out of
    // not_modelled (a heading may be cited and have a passage not modelled).
    for s in sources_mut(&mut g) {
        let parts: Vec<&str> = s.heading.split(" — ").map(|p| if p == cited.heading { other.as_str() } else { p }).collect();
        s.heading = parts.join(" — ");
    }
    g.not_modelled.retain(|n| n.heading != skipped.heading && n.heading != cited.heading);

    let after = coverage(&g, &text);
    for gone in [&cited, &skipped] {
        let h = after.headings.iter().find(|h| h.heading == gone.heading).expect("still listed");
        assert_eq!(h.status, HeadingStatus::NietVerwerkt, "{:?}", h.heading);
        assert!(h.cited_by.is_empty());
        assert_eq!(h.range, gone.range, "still found at the same place");
    }
    let niet: Vec<&str> = after.niet_verwerkt().filter(|h| h.listed).map(|h| h.heading.as_str()).collect();
    assert_eq!(niet.len(), 2, "{niet:?}");
    assert!(niet.contains(&cited.heading.as_str()) && niet.contains(&skipped.heading.as_str()));
    // Every quote is still found.
    assert!(after.not_found.is_empty());
}

/// A small guideline and its text: two quotes that overlap, one quote cited twice (and repeated in
/// a summary before its heading), a table of contents before the headings, unlisted `#` headings
/// and a heading not modelled.
const MINI_TEXT: &str = "# Werkafspraak regie\n\nInhoud\n2 Regie ........ 1\n3 Overig ........ 2\n\nKort gezegd: Bij onveiligheid voert de GI de regie.\n\n## 2 Regie\n\nBij onveiligheid voert de GI\nde regie. Anders voert het   wijkteam de regie.\n\n### Tot slot\n\nNiets.\n\n## 3 Overig\n\nZie hoofdstuk 2.\n";

fn mini() -> Guideline {
    let json = r#"{
      "id": "mini", "region": "Voorbeeldregio", "title": "Regie bij veiligheid", "seed": "mini.txt",
      "document_date": "2026", "scope": "jeugdhulp", "valid_from": "2026-01-01", "start": "veilig",
      "questions": [{
        "id": "veilig", "short": "Veilig?", "text": "Is het kind veilig?",
        "source": { "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." },
        "options": [
          { "id": "ja", "short": "ja", "label": "Ja", "goto": "wijkteam" },
          { "id": "nee", "short": "nee", "label": "Nee", "goto": "gi" }
        ]
      }],
      "outcomes": [
        { "id": "wijkteam", "short": "Regie wijkteam", "title": "Regie bij het wijkteam", "regie": "lokaal",
          "owner": "lokaal (wijk)team", "actions": ["Stel met het gezin een plan op."],
          "sources": [{ "heading": "2 Regie", "quote": "de regie. Anders voert het wijkteam de regie." }] },
        { "id": "gi", "short": "Regie GI", "title": "Regie bij de GI", "regie": "GI",
          "owner": "gecertificeerde instelling", "actions": ["Meld het gezin bij de GI."],
          "sources": [{ "heading": "2 Regie", "quote": "Bij onveiligheid voert de GI de regie." }] }
      ],
      "headings": ["2 Regie", "3 Overig"],
      "not_modelled": [{ "heading": "3 Overig", "reason": "Herhaalt hoofdstuk 2." }],
      "tests": [{
        "name": "onveilig", "situation": "Een gezin waar het kind niet veilig is.",
        "answers": { "veilig": "nee" }, "expect": { "outcome": "gi", "because": "2 Regie" }
      }]
    }"#;
    load("mini", json).expect("mini loads")
}

#[test]
fn overlapping_quotes_cited_by_two_elements_list_both() {
    let g = mini();
    let text = MINI_TEXT;
    let c = coverage(&g, text);
    well_formed(&c, text, "mini");
    assert!(c.not_found.is_empty());

    // The same quote, cited by the question and an outcome: one passage naming both, under its
    // heading "2 Regie" (not the summary before it), across the line break.
    let body = text.find("## 2 Regie").unwrap();
    let gi = c.of("gi").next().expect("gi's passage");
    assert_eq!(gi.cited_by, ["veilig", "gi"]);
    assert_eq!(&text[gi.range.clone()], "Bij onveiligheid voert de GI\nde regie.");
    assert!(gi.range.start > body);
    let wt = c.of("wijkteam").next().expect("wijkteam's passage");
    assert_eq!(wt.cited_by, ["wijkteam"]);
    assert_eq!(&text[wt.range.clone()], "de regie. Anders voert het   wijkteam de regie.");
    assert_eq!(c.passages.len(), 2);

    // The overlap ("de regie.") lists all three elements; the pieces either side only their own.
    let pieces: Vec<(&str, Vec<&str>)> =
        c.segments.iter().map(|s| (&text[s.range.clone()], s.cited_by.iter().map(String::as_str).collect())).collect();
    assert_eq!(
        pieces,
        [
            ("Bij onveiligheid voert de GI\n", vec!["veilig", "gi"]),
            ("de regie.", vec!["veilig", "gi", "wijkteam"]),
            (" Anders voert het   wijkteam de regie.", vec!["wijkteam"]),
        ]
    );
}

#[test]
fn headings_are_placed_on_their_own_line_and_unlisted_ones_shown() {
    let g = mini();
    let c = coverage(&g, MINI_TEXT);
    let at = |h: &str| c.headings.iter().find(|x| x.heading == h).unwrap_or_else(|| panic!("{h} in {:?}", c.headings));

    // Not the table of contents ("2 Regie ........ 1"), the heading line itself.
    let regie = at("2 Regie");
    assert_eq!(regie.range.as_ref().map(|r| r.start), MINI_TEXT.find("## 2 Regie").map(|i| i + 3));
    assert_eq!(
        (regie.listed, &regie.status, regie.cited_by.clone()),
        (true, &HeadingStatus::Cited, vec!["veilig".to_string(), "wijkteam".into(), "gi".into()])
    );
    let overig = at("3 Overig");
    assert_eq!(overig.status, HeadingStatus::NotModelled("Herhaalt hoofdstuk 2.".into()));
    assert_eq!(overig.range.as_ref().map(|r| r.start), MINI_TEXT.find("## 3 Overig").map(|i| i + 3));

    // The text's own `#` lines the file does not list: shown, not listed, niet verwerkt.
    let niet: Vec<(&str, bool)> = c.niet_verwerkt().map(|h| (h.heading.as_str(), h.listed)).collect();
    assert_eq!(niet, [("Werkafspraak regie", false), ("Tot slot", false)]);
    let order: Vec<&str> = c.headings.iter().map(|h| h.heading.as_str()).collect();
    assert_eq!(order, ["Werkafspraak regie", "2 Regie", "Tot slot", "3 Overig"]);
}

#[test]
fn a_quote_not_in_the_text_is_reported_not_placed() {
    let mut g = mini();
    g.outcomes[0].sources[0].quote = "Het wijkteam belt binnen een week.".into();
    let c = coverage(&g, MINI_TEXT);
    assert_eq!(c.not_found.len(), 1);
    assert_eq!(c.not_found[0].element, "wijkteam");
    assert_eq!(c.of("wijkteam").count(), 0);
    assert_eq!(c.passages.len(), 1);
}

#[test]
fn the_map_serializes_for_the_page() {
    let c = coverage(&mini(), MINI_TEXT);
    let v = serde_json::to_value(&c).expect("serializable");
    assert_eq!(v["passages"][0]["range"], serde_json::json!({ "start": c.passages[0].range.start, "end": c.passages[0].range.end }));
    let statuses: Vec<&serde_json::Value> = v["headings"].as_array().unwrap().iter().map(|h| &h["status"]).collect();
    assert_eq!(statuses[0], &serde_json::json!({ "status": "niet_verwerkt" }));
    assert_eq!(statuses[1], &serde_json::json!({ "status": "cited" }));
    assert_eq!(statuses[3], &serde_json::json!({ "status": "not_modelled", "reason": "Herhaalt hoofdstuk 2." }));
}
