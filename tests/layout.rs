//! The schema layout (`src/engine/layout.rs`): geometric invariants for every rule file and for small
//! synthetic graphs, determinism, and `graph_of`.
//!
//! The rule files are read directly (no validation), since they may be edited while these tests run.
//! `LAYOUT_SVG=/tmp/layout cargo test --test layout` writes `/tmp/layout/<id>.svg` for a look.

use regiewijzer::engine::layout::{
    crossings, graph_of, label_lines, label_rect, layout, segment_hits_rect, wrap, GEdge, GNode, Graph, Layout, NodeKind, LABEL_LINE_H,
};
use regiewijzer::engine::model::Guideline;
use std::fmt::Write as _;

/// Every rule file that parses right now, with its file stem.
fn guidelines() -> Vec<(String, Guideline)> {
    let dir = format!("{}/rules", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("rules/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str::<Guideline>(&t).map_err(|e| e.to_string()));
        match parsed {
            Ok(g) => out.push((stem, g)),
            Err(e) => eprintln!("skipped rules/{stem}.json (does not parse now): {e}"),
        }
    }
    assert!(!out.is_empty(), "no rule file parses");
    out
}

/// A graph from an edge list; nodes without outgoing edges are outcomes.
fn graph(n: usize, edges: &[(usize, usize)]) -> Graph {
    let nodes = (0..n)
        .map(|i| GNode {
            id: format!("n{i}"),
            kind: if edges.iter().any(|e| e.0 == i) { NodeKind::Question } else { NodeKind::Outcome },
            label: format!("Knooppunt {i} met een wat langer label"),
        })
        .collect();
    let edges = edges.iter().map(|&(from, to)| GEdge { from, to, label: format!("naar {to}"), rule: to % 2 == 0 }).collect();
    Graph { nodes, edges }
}

/// Checks every geometric invariant of a layout; returns its crossing count.
fn check(name: &str, g: &Graph, l: &Layout) -> usize {
    assert_eq!(l.nodes.len(), g.nodes.len(), "{name}: one box per node");
    assert_eq!(l.edges.len(), g.edges.len(), "{name}: one path per edge");
    for (i, b) in l.nodes.iter().enumerate() {
        let id = &g.nodes[i].id;
        assert!(
            b.x >= 0 && b.y >= 0 && b.x + b.w <= l.width && b.y + b.h <= l.height,
            "{name}: {id} {b:?} outside {}×{}",
            l.width,
            l.height
        );
        assert!(!b.lines.is_empty() && b.lines.iter().all(|s| s.chars().count() <= 18), "{name}: {id} lines {:?}", b.lines);
        // No overlap, with at least 8 pixels between boxes.
        for (j, c) in l.nodes.iter().enumerate().skip(i + 1) {
            let apart = b.x + b.w + 8 <= c.x || c.x + c.w + 8 <= b.x || b.y + b.h + 8 <= c.y || c.y + c.h + 8 <= b.y;
            assert!(apart, "{name}: boxes {id} {b:?} and {} {c:?} overlap", g.nodes[j].id);
        }
    }
    for (e, (edge, path)) in g.edges.iter().zip(&l.edges).enumerate() {
        let what = format!("{name}: edge {e} {} → {}", g.nodes[edge.from].id, g.nodes[edge.to].id);
        assert_eq!((path.from, path.to, &path.label, path.rule), (edge.from, edge.to, &edge.label, edge.rule), "{what}");
        let pts = &path.points;
        assert!(pts.len() >= 2, "{what}: {pts:?}");
        let (s, t) = (&l.nodes[edge.from], &l.nodes[edge.to]);
        let (p0, pn) = (pts[0], pts[pts.len() - 1]);
        assert!(p0.1 == s.y + s.h && p0.0 > s.x && p0.0 < s.x + s.w, "{what}: starts at {p0:?}, not on the bottom of {s:?}");
        assert!(pn.1 == t.y && pn.0 > t.x && pn.0 < t.x + t.w, "{what}: ends at {pn:?}, not on the top of {t:?}");
        assert!(pts.windows(2).all(|w| w[1].1 > w[0].1), "{what}: points do not go down: {pts:?}");
        assert!(pts.iter().all(|p| p.0 >= 0 && p.0 <= l.width && p.1 >= 0 && p.1 <= l.height), "{what}: {pts:?}");
        for w in pts.windows(2) {
            for (k, b) in l.nodes.iter().enumerate() {
                // Not through any box; not even near another box (3 pixels).
                let own = k == edge.from || k == edge.to;
                let r = if own { (b.x, b.y, b.w, b.h) } else { (b.x - 3, b.y - 3, b.w + 6, b.h + 6) };
                assert!(!segment_hits_rect(w[0], w[1], r), "{what}: segment {:?}–{:?} passes through {}", w[0], w[1], g.nodes[k].id);
            }
        }
        // The label lies inside the drawing, on no box, near the start of the edge.
        if !path.label.is_empty() {
            let r = label_rect(path);
            assert!(r.0 >= 0 && r.1 >= 0 && r.0 + r.2 <= l.width && r.1 + r.3 <= l.height, "{what}: label {r:?} outside");
            for (k, b) in l.nodes.iter().enumerate() {
                let apart = r.0 + r.2 <= b.x || b.x + b.w <= r.0 || r.1 + r.3 <= b.y || b.y + b.h <= r.1;
                assert!(apart, "{what}: label {r:?} on box {}", g.nodes[k].id);
            }
            assert!(r.1 >= s.y + s.h, "{what}: label above its source");
        }
    }
    crossings(l)
}

/// Pairs of edge labels whose rectangles overlap.
fn label_overlaps(l: &Layout) -> usize {
    let rects: Vec<_> = l.edges.iter().filter(|e| !e.label.is_empty()).map(label_rect).collect();
    let mut n = 0;
    for (i, a) in rects.iter().enumerate() {
        n += rects[i + 1..].iter().filter(|b| a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3).count();
    }
    n
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The layout as SVG, drawn the way the widget is meant to draw it.
fn svg(g: &Graph, l: &Layout, title: &str) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="sans-serif">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#445"/></marker></defs>
<rect width="100%" height="100%" fill="#fff"/><title>{t}</title>
"##,
        w = l.width,
        h = l.height,
        t = esc(title)
    );
    for e in &l.edges {
        let pts: Vec<String> = e.points.iter().map(|p| format!("{},{}", p.0, p.1)).collect();
        let dash = if e.rule { r#" stroke-dasharray="6 3""# } else { "" };
        let _ = writeln!(
            s,
            r##"<polyline points="{}" fill="none" stroke="#445" stroke-width="1.4"{dash} marker-end="url(#arrow)"/>"##,
            pts.join(" ")
        );
    }
    for e in l.edges.iter().filter(|e| !e.label.is_empty()) {
        let r = label_rect(e);
        let _ = writeln!(s, r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#fff" fill-opacity="0.85"/>"##, r.0, r.1, r.2, r.3);
        let lines = label_lines(&e.label);
        for (i, line) in lines.iter().enumerate() {
            let y = e.label_at.1 + (2 * i as i32 + 1 - lines.len() as i32) * LABEL_LINE_H / 2;
            let _ = writeln!(
                s,
                r##"<text x="{}" y="{y}" font-size="12" text-anchor="middle" dominant-baseline="central" fill="#224">{}</text>"##,
                e.label_at.0,
                esc(line)
            );
        }
    }
    for (b, n) in l.nodes.iter().zip(&g.nodes) {
        let (fill, rx) = match n.kind {
            NodeKind::Question => ("#e8f0fb", 4),
            NodeKind::Outcome => ("#fdf3dc", 14),
        };
        let _ = writeln!(s, r##"<rect x="{}" y="{}" width="{}" height="{}" rx="{rx}" fill="{fill}" stroke="#335"/>"##, b.x, b.y, b.w, b.h);
        for (i, line) in b.lines.iter().enumerate() {
            let y = b.y + 10 + 18 * i as i32 + 9;
            let _ = writeln!(
                s,
                r##"<text x="{}" y="{y}" font-size="13" text-anchor="middle" dominant-baseline="central">{}</text>"##,
                b.x + b.w / 2,
                esc(line)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

fn dump(name: &str, g: &Graph, l: &Layout) {
    if let Ok(dir) = std::env::var("LAYOUT_SVG") {
        std::fs::create_dir_all(&dir).unwrap();
        let title = format!("{name}: {}×{}, {} crossings", l.width, l.height, crossings(l));
        std::fs::write(format!("{dir}/{name}.svg"), svg(g, l, &title)).unwrap();
    }
}

#[test]
fn every_rule_file_lays_out_readably() {
    let all: Vec<(String, Graph, Layout)> = guidelines()
        .into_iter()
        .map(|(stem, guideline)| {
            let g = graph_of(&guideline);
            let l = layout(&g);
            dump(&stem, &g, &l);
            (stem, g, l)
        })
        .collect();
    for (stem, g, l) in &all {
        println!(
            "{stem}: {} nodes, {} edges, {}×{} px, {} layers, {} crossings, {} overlapping labels",
            g.nodes.len(),
            g.edges.len(),
            l.width,
            l.height,
            l.nodes.iter().map(|b| b.y).collect::<std::collections::BTreeSet<_>>().len(),
            crossings(l),
            label_overlaps(l),
        );
    }
    for (stem, g, l) in &all {
        check(stem, g, l);
        assert!(l.width <= 1600, "{stem}: {} px wide", l.width);
        assert_eq!(label_overlaps(l), 0, "{stem}: edge labels overlap");
    }
    println!("{} of 5 rule files parsed", all.len());
}

#[test]
fn layouts_are_deterministic() {
    for (stem, guideline) in guidelines() {
        let g = graph_of(&guideline);
        assert_eq!(g, graph_of(&guideline), "{stem}");
        assert_eq!(layout(&g), layout(&g), "{stem}");
    }
    let g = graph(6, &[(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (0, 5)]);
    assert_eq!(layout(&g), layout(&g.clone()));
}

#[test]
fn diamond() {
    let g = graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
    let l = layout(&g);
    dump("diamond", &g, &l);
    assert_eq!(check("diamond", &g, &l), 0);
    let (b, c) = (&l.nodes[1], &l.nodes[2]);
    assert_eq!(b.y, c.y, "the two sides share a layer");
    // Balanced: top and bottom centred between the two sides.
    let mid = (b.x + c.x + b.w) / 2;
    for v in [0, 3] {
        assert!((l.nodes[v].x + l.nodes[v].w / 2 - mid).abs() <= 2, "{:?}", l.nodes);
    }
}

#[test]
fn long_edge_over_three_layers() {
    // 0 → 1 → 2 → 3 and 0 → 3: the long edge passes layers 1 and 2 beside their boxes.
    let g = graph(4, &[(0, 1), (1, 2), (2, 3), (0, 3)]);
    let l = layout(&g);
    dump("long-edge", &g, &l);
    assert_eq!(check("long-edge", &g, &l), 0);
    let ys: Vec<i32> = l.nodes.iter().map(|b| b.y).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    let long = &l.edges[3];
    assert!(long.points.len() >= 4, "bends around the chain: {:?}", long.points);
}

#[test]
fn node_with_six_children() {
    let g = graph(7, &[(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6)]);
    let l = layout(&g);
    dump("six-children", &g, &l);
    assert_eq!(check("six-children", &g, &l), 0);
    assert!(l.nodes[1..].iter().all(|b| b.y == l.nodes[1].y), "six fit one layer");
    // Exits spread along the bottom of the parent, in the order of the children.
    let exits: Vec<i32> = l.edges.iter().map(|e| e.points[0].0).collect();
    let mut sorted = exits.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 6, "{exits:?}");
    let mut by_child: Vec<(i32, i32)> = l.edges.iter().map(|e| (l.nodes[e.to].x, e.points[0].0)).collect();
    by_child.sort();
    assert!(by_child.windows(2).all(|w| w[0].1 < w[1].1), "{by_child:?}");
    // The parent sits over the middle of its children.
    let mid = (l.nodes[1..].iter().map(|b| b.x).min().unwrap() + l.nodes[1..].iter().map(|b| b.x + b.w).max().unwrap()) / 2;
    assert!((l.nodes[0].x + l.nodes[0].w / 2 - mid).abs() <= 2);
}

#[test]
fn wide_layers_are_split() {
    // Twenty outcomes under one question: at most seven boxes per layer.
    let edges: Vec<(usize, usize)> = (1..=20).map(|i| (0, i)).collect();
    let g = graph(21, &edges);
    let l = layout(&g);
    dump("twenty-children", &g, &l);
    check("twenty-children", &g, &l);
    let mut per_layer = std::collections::BTreeMap::new();
    for b in &l.nodes {
        *per_layer.entry(b.y).or_insert(0) += 1;
    }
    assert!(per_layer.values().all(|&n| n <= 7), "{per_layer:?}");
    // One layer of twenty boxes would be 20 x 180 = 3600 wide; split, the edges that pass the first
    // layers take their own lanes, so this synthetic worst case may be wider than a real guideline.
    assert!(l.width <= 2000, "{}", l.width);
}

#[test]
fn cycles_and_self_loops_do_not_panic() {
    let g = graph(3, &[(0, 1), (1, 2), (2, 1), (2, 2)]);
    let l = layout(&g);
    assert_eq!(l.edges.len(), 4);
    assert!(l.edges.iter().all(|e| e.points.len() >= 2));
    assert_eq!(layout(&Graph { nodes: vec![], edges: vec![] }).nodes.len(), 0);
}

#[test]
fn labels_wrap_at_eighteen_characters() {
    assert_eq!(wrap("Veiligheidsrisico voor het kind?", 18), ["Veiligheidsrisico", "voor het kind?"]);
    assert_eq!(wrap("aanbieder_toegang_verwijzer", 18), ["aanbieder_toegang_", "verwijzer"]);
    assert_eq!(wrap("", 18), [""]);
    assert!(wrap("abcdefghijklmnopqrstuvwxyzabcdefgh", 18).iter().all(|l| l.chars().count() <= 18));
}

#[test]
fn graph_of_merges_parallel_options_and_marks_rules() {
    let src = r#"{"heading": "H", "quote": "q"}"#;
    let json = format!(
        r#"{{
        "id": "t", "region": "r", "title": "t", "seed": "t.txt", "document_date": "2026", "scope": "s",
        "valid_from": "2026-01-01", "start": "q1",
        "questions": [
          {{"id": "q2", "short": "Tweede?", "text": "?", "source": {src}, "options": [
            {{"id": "x", "short": "x", "label": "X", "goto": "o1"}},
            {{"id": "y", "label": "Y", "goto": "o1"}},
            {{"id": "z", "short": "zet", "label": "Z", "branches": [
              {{"when": {{"q1": ["a"]}}, "goto": "o2", "rule": "regel"}},
              {{"when": {{"q1": ["b"]}}, "goto": "o2", "rule": "regel 2"}},
              {{"goto": "o1", "rule": "anders"}}]}}]}},
          {{"id": "q1", "text": "?", "source": {src}, "options": [
            {{"id": "a", "short": "ja", "label": "A", "goto": "q2"}},
            {{"id": "b", "short": "nee", "label": "B", "goto": "q2"}},
            {{"id": "c", "short": "weg", "label": "C", "goto": "nergens"}}]}}],
        "outcomes": [
          {{"id": "o1", "short": "Eén", "title": "t", "regie": "r", "owner": "o", "actions": [], "sources": [{src}]}},
          {{"id": "o2", "title": "t", "regie": "r", "owner": "o", "actions": [], "sources": [{src}]}}]
      }}"#
    );
    let guideline: Guideline = serde_json::from_str(&json).unwrap();
    let g = graph_of(&guideline);
    let nodes: Vec<(&str, NodeKind, &str)> = g.nodes.iter().map(|n| (n.id.as_str(), n.kind, n.label.as_str())).collect();
    assert_eq!(
        nodes,
        [
            ("q1", NodeKind::Question, "q1"),
            ("q2", NodeKind::Question, "Tweede?"),
            ("o1", NodeKind::Outcome, "Eén"),
            ("o2", NodeKind::Outcome, "o2"),
        ]
    );
    let edge = |from, to, label: &str, rule| GEdge { from, to, label: label.into(), rule };
    assert_eq!(
        g.edges,
        [
            edge(0, 1, "ja / nee", false),
            // x and y (no short label: its id) go straight to o1, z by its last branch.
            edge(1, 2, "x / y / zet", true),
            // Two branches of one option: its label once.
            edge(1, 3, "zet", true),
        ]
    );
}
