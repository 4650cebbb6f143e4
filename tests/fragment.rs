//! Share links: every path of every guideline survives the round trip through the fragment, and
//! truncated, mangled, outdated or absurd links give a message and keep what fits, never a panic.

use proptest::prelude::*;
use regiewijzer::engine::fragment::{encode, message, parse, restore, Dropped};
use regiewijzer::engine::model::Guideline;
use regiewijzer::engine::{paths, walk_forked, Answers, Dates, Position};
use regiewijzer::guidelines::Registry;

fn guidelines() -> Vec<Guideline> {
    let reg = Registry::builtin();
    reg.list().iter().map(|e| reg.get(&e.id).unwrap().clone()).collect()
}

fn dates() -> Dates {
    Dates { start: Some("2026-01-31".into()), end: Some("2027-12-31".into()), moment: Some("2026-01-09T14:00".into()), ..Dates::default() }
}

#[test]
fn every_path_of_every_guideline_round_trips() {
    let mut n = 0;
    for g in guidelines() {
        for (answers, outcome) in paths(&g).unwrap() {
            let frag = encode(&g, &answers, &dates());
            let p = parse(&format!("#{frag}")).unwrap();
            assert_eq!(p.guideline, g.id);
            let r = restore(&g, &p);
            assert!(r.dropped.is_empty(), "{frag}: {:?}", r.dropped);
            assert_eq!(r.answers, answers, "{frag}");
            assert_eq!(r.dates, dates());
            let w = walk_forked(&g, &r.answers).unwrap();
            assert_eq!(w.alternatives[0].walk.position, Position::Outcome(outcome));
            n += 1;
        }
    }
    assert!(n > 300, "{n} paths");
}

#[test]
fn a_fragment_is_readable_in_path_order() {
    let g = Registry::builtin().get("westfriesland").unwrap().clone();
    let answers: Answers = [("rol", "toegang"), ("verwijzer", "huisarts"), ("segment", "v"), ("product_v", "crisisverblijf")]
        .iter()
        .map(|(q, o)| (q.to_string(), o.to_string()))
        .collect();
    let d = Dates { start: Some("2026-01-31".into()), ..Dates::default() };
    assert_eq!(
        encode(&g, &answers, &d),
        "westfriesland/rol=toegang/verwijzer=huisarts/segment=v/product_v=crisisverblijf/start=2026-01-31"
    );
}

fn restored(g: &Guideline, frag: &str) -> (Answers, Vec<Dropped>, Option<String>) {
    let r = restore(g, &parse(frag).unwrap());
    let m = message(&r);
    (r.answers, r.dropped, m)
}

#[test]
fn bad_parts_are_dropped_with_a_message_and_the_rest_is_kept() {
    let g = Registry::builtin().get("westfriesland").unwrap().clone();
    // An option that no longer exists, a question that does not exist, an impossible date.
    let (a, d, m) = restored(&g, "#westfriesland/rol=toegang/verwijzer=tandarts/kleur=blauw/start=2026-02-30");
    assert_eq!(a.len(), 1);
    assert!(d.contains(&Dropped::UnknownOption("verwijzer".into(), "tandarts".into())), "{d:?}");
    assert!(d.contains(&Dropped::UnknownQuestion("kleur".into())), "{d:?}");
    assert!(d.contains(&Dropped::BadDate("start".into(), "2026-02-30".into())), "{d:?}");
    let m = m.unwrap();
    assert!(m.contains("Overgenomen: 1 antwoord") && m.contains("'verwijzer=tandarts'") && m.contains("geen geldige datum"), "{m}");
    // Answers that contradict the route: segment V, then a product of segment B.
    let (a, d, _) = restored(&g, "#westfriesland/rol=toegang/verwijzer=huisarts/segment=v/product_b=profiel_8");
    assert_eq!(a.len(), 3);
    assert_eq!(d, vec![Dropped::NotOnPath("product_b".into(), "profiel_8".into())]);
    // Garbage parts, a duplicate, percent-encoding.
    let (a, d, _) = restored(&g, "#westfriesland/rol%3Dzorgaanbieder/zomaar/rol=toegang//");
    assert_eq!(a.get("rol").map(String::as_str), Some("zorgaanbieder"));
    assert!(d.contains(&Dropped::Malformed("zomaar".into())) && d.contains(&Dropped::Duplicate("rol".into())), "{d:?}");
    // A 100 KB fragment.
    let huge = format!("#westfriesland/rol=toegang/{}", "x=y/".repeat(25_000));
    let (a, d, m) = restored(&g, &huge);
    assert_eq!(a.len(), 1);
    assert!(d.contains(&Dropped::TooLong), "{:?}", &d[..3]);
    assert!(m.unwrap().len() < 10_000, "the message stays short");
}

#[test]
fn no_guideline_is_no_walk() {
    assert_eq!(parse(""), None);
    assert_eq!(parse("#"), None);
    assert_eq!(parse("#///").map(|p| p.guideline), None);
    assert_eq!(parse("#Westfriesland").unwrap().guideline, "westfriesland", "ids are lower case");
}

fn fragment_chars() -> impl Strategy<Value = String> {
    proptest::string::string_regex("[#/=?%a-z0-9_T:.é -]{0,200}").unwrap()
}

static HDW: std::sync::LazyLock<Guideline> = std::sync::LazyLock::new(|| Registry::builtin().get("hoogeveen-de-wolden").unwrap().clone());
/// A real share link (the 38th path of Westfriesland) to cut and mutate.
static WF_LINK: std::sync::LazyLock<(Guideline, String)> = std::sync::LazyLock::new(|| {
    let g = Registry::builtin().get("westfriesland").unwrap().clone();
    let (answers, _) = paths(&g).unwrap().into_iter().nth(37).unwrap();
    let link = encode(&g, &answers, &dates());
    (g, link)
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn random_fragments_never_panic(s in fragment_chars(), any_text in ".{0,300}") {
        for g in [&*HDW] {
            for text in [&s, &any_text] {
                if let Some(p) = parse(text) {
                    let r = restore(g, &p);
                    // Whatever was kept walks cleanly.
                    prop_assert!(walk_forked(g, &r.answers).is_ok());
                    let _ = message(&r);
                }
            }
        }
    }

    #[test]
    fn mutated_real_links_never_panic(cut in 0usize..400, at in 0usize..400, c in any::<char>()) {
        let (g, link) = &*WF_LINK;
        let mut frag: Vec<char> = link.chars().collect();
        frag.truncate(cut.min(frag.len()));
        let i = at.min(frag.len());
        frag.insert(i, c);
        let text: String = frag.into_iter().collect();
        if let Some(p) = parse(&text) {
            let r = restore(g, &p);
            prop_assert!(walk_forked(g, &r.answers).is_ok());
        }
    }
}
