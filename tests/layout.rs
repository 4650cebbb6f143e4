//! The schema layout (`src/engine/layout/`): geometric invariants for every rule file and for small
//! synthetic graphs, determinism, `graph_of`, and the drawing the widget shows (`layout::svg`),
//! checked on its markup.
//!
//! The rule files are read directly (no validation), since they may be edited while these tests run;
//! the drawing is checked on the built-in guidelines, laid out at build time as the widget gets them.
//! `LAYOUT_SVG=/tmp/layout cargo test --test layout` writes `/tmp/layout/<id>.html` for a look: the
//! widget's markup with the widget's stylesheet.

use regiewijzer::engine::layout::svg::{self, Sink, ZOOMS};
use regiewijzer::engine::layout::testing::segment_hits_rect;
use regiewijzer::engine::layout::{
    graph_of, label_rect, layout, wrap, GEdge, GNode, Graph, Layout, NodeKind, Rect, BASELINE, BOX_CHAR_W, LABEL_BASELINE, LABEL_CHAR_W,
    LABEL_LINE_H, LABEL_PAD_X, LINE_H, PAD_Y, RULE_MARK, WRAP_CHARS,
};
use regiewijzer::engine::model::Guideline;
use regiewijzer::engine::schema::marks;
use regiewijzer::engine::walk::{paths, walk_forked};
use regiewijzer::engine::Answers;
use regiewijzer::guidelines::Registry;
use regiewijzer::ui::markup::Markup;

/// Every rule file that parses right now, with its file stem (from `$LAYOUT_RULES` when set: a copy
/// of rules/ to compare layouts before and after a change of the algorithm's code).
fn guidelines() -> Vec<(String, Guideline)> {
    let dir = std::env::var("LAYOUT_RULES").unwrap_or_else(|_| format!("{}/rules", env!("CARGO_MANIFEST_DIR")));
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
        // The drawing's arrowheads rely on it (layout::svg).
        assert_eq!(pts[pts.len() - 2].0, pn.0, "{what}: the last segment is not vertical: {pts:?}");
        assert!(pts.iter().all(|p| p.0 >= 0 && p.0 <= l.width && p.1 >= 0 && p.1 <= l.height), "{what}: {pts:?}");
        for w in pts.windows(2) {
            for (k, b) in l.nodes.iter().enumerate() {
                // Not through any box; not even near another box (3 pixels).
                let own = k == edge.from || k == edge.to;
                let r = if own { Rect { x: b.x, y: b.y, w: b.w, h: b.h } } else { Rect { x: b.x - 3, y: b.y - 3, w: b.w + 6, h: b.h + 6 } };
                assert!(!segment_hits_rect(w[0], w[1], r), "{what}: segment {:?}–{:?} passes through {}", w[0], w[1], g.nodes[k].id);
            }
        }
        // The label lies inside the drawing, on no box, near the start of the edge.
        if !path.label.is_empty() {
            let r = label_rect(path);
            assert!(r.x >= 0 && r.y >= 0 && r.x + r.w <= l.width && r.y + r.h <= l.height, "{what}: label {r:?} outside");
            for (k, b) in l.nodes.iter().enumerate() {
                let apart = r.x + r.w <= b.x || b.x + b.w <= r.x || r.y + r.h <= b.y || b.y + b.h <= r.y;
                assert!(apart, "{what}: label {r:?} on box {}", g.nodes[k].id);
            }
            assert!(r.y >= s.y + s.h, "{what}: label above its source");
        }
    }
    crossings(l)
}

/// The number of points where two edges of a layout cross (segments meeting at a shared end do not
/// count): a measure of readability.
fn crossings(l: &Layout) -> usize {
    type Segment = ((i32, i32), (i32, i32));
    // Whether two segments cross properly (each one's ends strictly on both sides of the other).
    fn cross(a: Segment, b: Segment) -> bool {
        let orient = |p: (i32, i32), q: (i32, i32), r: (i32, i32)| {
            let v = i64::from(q.0 - p.0) * i64::from(r.1 - p.1) - i64::from(q.1 - p.1) * i64::from(r.0 - p.0);
            v.signum()
        };
        let (d1, d2) = (orient(a.0, a.1, b.0), orient(a.0, a.1, b.1));
        let (d3, d4) = (orient(b.0, b.1, a.0), orient(b.0, b.1, a.1));
        d1 * d2 < 0 && d3 * d4 < 0
    }
    let segs: Vec<Vec<Segment>> = l.edges.iter().map(|e| e.points.windows(2).map(|p| (p[0], p[1])).collect()).collect();
    let mut n = 0;
    for i in 0..segs.len() {
        for j in i + 1..segs.len() {
            n += segs[i].iter().flat_map(|a| segs[j].iter().map(move |b| (a, b))).filter(|(a, b)| cross(**a, **b)).count();
        }
    }
    n
}

/// Pairs of edge labels whose rectangles overlap.
fn label_overlaps(l: &Layout) -> usize {
    let rects: Vec<Rect> = l.edges.iter().filter(|e| !e.label.is_empty()).map(label_rect).collect();
    let mut n = 0;
    for (i, a) in rects.iter().enumerate() {
        n += rects[i + 1..].iter().filter(|b| overlap(a, b)).count();
    }
    n
}

/// Whether two rectangles share more than an edge.
fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

// ---------------------------------------------------------------------------------------------
// The drawing, as the widget writes it

/// The widget's markup writer, as the drawing's sink (the widget implements `Sink` for `Markup`
/// the same way; a test cannot, `Markup` being of another crate).
struct Widget(Markup);

impl Sink for Widget {
    fn raw(&mut self, s: &str) -> &mut Self {
        self.0.raw(s);
        self
    }
    fn text(&mut self, s: &str) -> &mut Self {
        self.0.text(s);
        self
    }
    fn num(&mut self, n: i32) -> &mut Self {
        self.0.num(n);
        self
    }
}

/// The stroomschema's markup, as the widget renders it.
fn drawing(g: &Guideline, l: &Layout, answers: &Answers, zoom: u32) -> String {
    let walk = walk_forked(g, answers).unwrap();
    let mut m = Widget(Markup::new());
    svg::draw(&mut m, g, l, &marks(g, &walk), answers, zoom);
    m.0.finish()
}

/// An element of the markup: its name (`/g` for a closing tag), its attributes, and the text after
/// its opening tag (unescaped).
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    text: String,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    fn num(&self, name: &str) -> i32 {
        self.attr(name).unwrap_or_else(|| panic!("{name} of {self:?}")).parse().unwrap_or_else(|_| panic!("{name} of {self:?}"))
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The tags of markup that escapes every `<`, `>` and `"` in text and attribute values.
fn tags(markup: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    for chunk in markup.split('<').skip(1) {
        let (tag, text) = chunk.split_once('>').unwrap_or_else(|| panic!("unclosed tag <{chunk}"));
        let tag = tag.strip_suffix('/').unwrap_or(tag);
        let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut attrs = Vec::new();
        while let Some((key, after)) = rest.trim_start().split_once("=\"") {
            let (value, after) = after.split_once('"').unwrap_or_else(|| panic!("unquoted value in <{tag}>"));
            assert!(!key.contains(' ') && !value.contains('<') && !value.contains('>'), "<{tag}>");
            attrs.push((key.to_string(), unescape(value)));
            rest = after;
        }
        assert!(rest.trim().is_empty(), "<{tag}>: {rest}");
        out.push(Tag { name: name.to_string(), attrs, text: unescape(text) });
    }
    out
}

/// A line of text as drawn: where (x centred, y its baseline) and what.
#[derive(Debug)]
struct Line {
    x: i32,
    y: i32,
    text: String,
}

/// What the markup draws where: the boxes with their lines (in the drawing's coordinates), the
/// labels' rectangles with their lines, and the badges (circles: centre and radius).
#[derive(Debug, Default)]
struct Drawn {
    width: String,
    boxes: Vec<(Rect, Vec<Line>)>,
    labels: Vec<(Rect, Vec<Line>)>,
    badges: Vec<(i32, i32, i32)>,
}

/// Reads back what a drawing's markup shows.
fn read(markup: &str) -> Drawn {
    let mut d = Drawn::default();
    // The classes of the open groups, and the offset of the node group (its `translate`).
    let mut groups: Vec<String> = Vec::new();
    let mut at = (0, 0);
    for t in tags(markup) {
        let class = t.attr("class").unwrap_or_default();
        let inside = |c: &str| groups.iter().any(|g| g.split(' ').any(|x| x == c));
        match t.name.as_str() {
            "svg" => d.width = t.attr("width").unwrap_or_default().to_string(),
            "g" => {
                if let Some(tr) = t.attr("transform") {
                    let xy = tr.strip_prefix("translate(").and_then(|v| v.strip_suffix(')')).expect("translate(x y)");
                    let (x, y) = xy.split_once(' ').unwrap();
                    at = (x.parse().unwrap(), y.parse().unwrap());
                }
                groups.push(class.to_string());
            }
            "/g" => {
                groups.pop();
            }
            "rect" if class == "rw-labelvlak" => {
                d.labels.push((Rect { x: t.num("x"), y: t.num("y"), w: t.num("width"), h: t.num("height") }, Vec::new()));
            }
            "rect" if class.is_empty() && inside("rw-knoop") => {
                d.boxes.push((Rect { x: at.0, y: at.1, w: t.num("width"), h: t.num("height") }, Vec::new()));
            }
            "circle" => d.badges.push((at.0 + t.num("cx"), at.1 + t.num("cy"), t.num("r"))),
            "text" if inside("rw-teken") => {}
            "text" if inside("rw-knoop") => {
                let line = Line { x: at.0 + t.num("x"), y: at.1 + t.num("y"), text: t.text.clone() };
                d.boxes.last_mut().expect("a box before its text").1.push(line);
            }
            "text" if inside("rw-lijn") => {
                let line = Line { x: t.num("x"), y: t.num("y"), text: t.text.clone() };
                d.labels.last_mut().expect("a label's rectangle before its text").1.push(line);
            }
            "text" => panic!("text outside a box or label: {t:?}"),
            _ => {}
        }
    }
    d
}

/// Everything wrong with a drawing: labels on boxes or on each other, text outside its box or its
/// label's rectangle (by the layout's text metrics).
fn problems(d: &Drawn) -> Vec<String> {
    let mut out = Vec::new();
    for (i, (r, lines)) in d.labels.iter().enumerate() {
        let what = format!("label {:?}", lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>());
        for (b, text) in &d.boxes {
            if overlap(r, b) {
                out.push(format!("{what} {r:?} on box {:?}", text.first().map(|l| &l.text)));
            }
        }
        for (other, text) in &d.labels[i + 1..] {
            if overlap(r, other) {
                out.push(format!("{what} {r:?} on label {:?} {other:?}", text.first().map(|l| &l.text)));
            }
        }
        for line in lines {
            // The rule mark takes about one character (see RULE_MARK).
            let chars = match line.text.strip_prefix(RULE_MARK) {
                Some(rest) => rest.chars().count() + 1,
                None => line.text.chars().count(),
            } as i32;
            let width = chars * LABEL_CHAR_W + if line.text.starts_with(RULE_MARK) { 0 } else { 2 * LABEL_PAD_X };
            let mid = line.y - LABEL_BASELINE;
            let inside = line.x - width / 2 >= r.x
                && line.x + width / 2 <= r.x + r.w
                && mid - LABEL_LINE_H / 2 >= r.y
                && mid + LABEL_LINE_H / 2 <= r.y + r.h;
            if !inside {
                out.push(format!("{what}: line {:?} at ({}, {}) outside its rectangle {r:?}", line.text, line.x, line.y));
            }
        }
    }
    for (b, lines) in &d.boxes {
        for line in lines {
            let width = line.text.chars().count() as i32 * BOX_CHAR_W;
            let mid = line.y - BASELINE;
            let inside = line.x - width / 2 >= b.x
                && line.x + width / 2 <= b.x + b.w
                && mid - LINE_H / 2 >= b.y + PAD_Y
                && mid + LINE_H / 2 <= b.y + b.h - PAD_Y;
            if !inside {
                out.push(format!("box line {:?} at ({}, {}) outside its box {b:?}", line.text, line.x, line.y));
            }
        }
    }
    out
}

/// Labels that a badge (the ✓ or "nu" circle on a box's top right corner, drawn over the labels)
/// covers in part. The layout does not know the badges yet, so this is reported, not a failure.
fn under_badges(d: &Drawn) -> Vec<String> {
    let mut out = Vec::new();
    for (r, lines) in &d.labels {
        for &(x, y, radius) in &d.badges {
            let (nx, ny) = (x.clamp(r.x, r.x + r.w), y.clamp(r.y, r.y + r.h));
            if (nx - x).pow(2) + (ny - y).pow(2) < radius * radius {
                out.push(format!("{:?} under the badge at ({x}, {y})", lines[0].text));
            }
        }
    }
    out
}

/// The drawing as a page with the widget's stylesheet, to look at (`LAYOUT_SVG=dir`).
fn dump(name: &str, markup: &str) {
    if let Ok(dir) = std::env::var("LAYOUT_SVG") {
        std::fs::create_dir_all(&dir).unwrap();
        let css = format!("{}/www/regiewijzer.css", env!("CARGO_MANIFEST_DIR"));
        let page = format!(
            "<!doctype html><meta charset=\"utf-8\"><title>{name}</title><link rel=\"stylesheet\" href=\"file://{css}\"><div class=\"rw\"><div class=\"rw-schema\">{markup}</div></div>\n"
        );
        std::fs::write(format!("{dir}/{name}.html"), page).unwrap();
    }
}

/// A synthetic graph drawn as the widget would (`LAYOUT_SVG=dir`): as a guideline whose questions
/// are its nodes with edges out, one option per edge.
fn dump_graph(name: &str, g: &Graph, l: &Layout) {
    if std::env::var("LAYOUT_SVG").is_err() {
        return;
    }
    let source = serde_json::json!({"heading": "h", "quote": "q"});
    let (mut questions, mut outcomes) = (Vec::new(), Vec::new());
    for (i, n) in g.nodes.iter().enumerate() {
        let options: Vec<_> = (g.edges.iter().enumerate().filter(|(_, e)| e.from == i))
            .map(|(k, e)| serde_json::json!({"id": format!("e{k}"), "short": e.label, "label": e.label, "goto": g.nodes[e.to].id}))
            .collect();
        match n.kind {
            NodeKind::Question => {
                questions.push(serde_json::json!({"id": n.id, "short": n.label, "text": n.label, "source": source, "options": options}))
            }
            NodeKind::Outcome => outcomes.push(serde_json::json!({
                "id": n.id, "short": n.label, "title": n.label, "regie": "r", "owner": "o", "actions": [], "sources": [source]
            })),
        }
    }
    let guideline: Guideline = serde_json::from_value(serde_json::json!({
        "id": name, "region": name, "title": name, "seed": "", "document_date": "", "scope": "", "valid_from": "2026-01-01",
        "start": g.nodes[0].id, "questions": questions, "outcomes": outcomes
    }))
    .unwrap();
    dump(name, &drawing(&guideline, l, &Answers::default(), 100));
}

#[test]
fn the_widget_draws_every_guideline_without_overlaps() {
    let reg = Registry::builtin();
    let ids: Vec<String> = reg.list().into_iter().map(|e| e.id).collect();
    let mut drawn = 0;
    for id in &ids {
        let (g, l) = (reg.get(id).unwrap(), reg.layout(id).unwrap());
        // At the start, and at the end of the first path (the route marked, bold labels).
        let (end, _) = paths(g).unwrap().into_iter().next().unwrap();
        for (when, answers) in [("start", Answers::default()), ("end", end)] {
            for zoom in ZOOMS {
                let markup = drawing(g, l, &answers, zoom);
                let d = read(&markup);
                let what = format!("{id} ({when}, zoom {zoom})");
                assert_eq!(d.width, if zoom == 0 { "100%".to_string() } else { (l.width as u32 * zoom / 100).to_string() }, "{what}");
                assert_eq!(d.boxes.len(), l.nodes.len(), "{what}: one box per node");
                assert_eq!(d.labels.len(), l.edges.iter().filter(|e| !e.label.is_empty()).count(), "{what}: one label per edge");
                assert!(d.boxes.iter().zip(&l.nodes).all(|((_, lines), n)| lines.len() == n.lines.len()), "{what}: box lines");
                let wrapped = d.labels.iter().filter(|(_, lines)| lines.len() > 1).count();
                let problems = problems(&d);
                assert!(problems.is_empty(), "{what}: {} problems:\n{}", problems.len(), problems.join("\n"));
                if zoom == 0 {
                    let badges = under_badges(&d);
                    println!(
                        "{what}: {} boxes, {} labels ({wrapped} wrapped), no overlaps; under a badge: {badges:?}",
                        d.boxes.len(),
                        d.labels.len()
                    );
                    if when == "end" {
                        dump(id, &markup);
                    }
                }
                drawn += 1;
            }
        }
    }
    assert_eq!(ids.len(), 5, "all five guidelines are built in: {ids:?}");
    assert_eq!(drawn, 5 * 2 * ZOOMS.len());
}

#[test]
fn the_drawing_escapes_the_rule_file_and_marks_rules() {
    let reg = Registry::builtin();
    let id = reg.list().into_iter().map(|e| e.id).find(|id| reg.layout(id).unwrap().edges.iter().any(|e| e.rule)).unwrap();
    let mut g = reg.get(&id).unwrap().clone();
    g.region = "<script>\"&'".into();
    let l = reg.layout(&id).unwrap();
    let markup = drawing(&g, l, &Answers::default(), 100);
    assert!(markup.contains("Stroomschema &lt;script&gt;&quot;&amp;&#39;:"), "{}", &markup[..300]);
    assert!(!markup.contains("style="), "no style attribute (CSP)");
    let d = read(&markup);
    let marked = d.labels.iter().filter(|(_, lines)| lines[0].text.starts_with(RULE_MARK)).count();
    assert_eq!(marked, l.edges.iter().filter(|e| e.rule && !e.label.is_empty()).count());
    assert!(d.labels.iter().all(|(_, lines)| lines[1..].iter().all(|l| !l.text.contains('§'))), "the mark only on a first line");
}

#[test]
fn the_text_metrics_fit_the_boxes() {
    assert!(WRAP_CHARS as i32 * BOX_CHAR_W <= regiewijzer::engine::layout::BOX_W, "a full line fits its box");
    // A box's lines fill it between its paddings.
    for n in 1..4 {
        let h = regiewijzer::engine::layout::box_height(n);
        let last = regiewijzer::engine::layout::line_baseline(n - 1) - BASELINE;
        assert_eq!(last + LINE_H / 2, h - PAD_Y, "{n} lines");
    }
}

#[test]
fn every_rule_file_lays_out_readably() {
    let all: Vec<(String, Graph, Layout)> = guidelines()
        .into_iter()
        .map(|(stem, guideline)| {
            let g = graph_of(&guideline);
            let l = layout(&g);
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

/// FNV-1a (64 bits) of a layout's JSON: a fingerprint that stays the same across Rust releases.
fn fingerprint(l: &Layout) -> u64 {
    serde_json::to_string(l).unwrap().bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Synthetic graphs whose layouts are pinned: long labels that wrap, rules, a long edge, a fan, a cycle.
fn pinned_graphs() -> Vec<(&'static str, Graph)> {
    let mut wide = graph(9, &[(0, 1), (0, 2), (0, 3), (1, 4), (2, 4), (3, 5), (1, 6), (0, 7), (4, 8), (5, 8), (6, 8)]);
    for (i, e) in wide.edges.iter_mut().enumerate() {
        e.label = ["ja / nee", "weet ik niet / twijfel / misschien", "een heel lang antwoord dat over meer regels loopt", ""][i % 4].into();
    }
    let twenty: Vec<(usize, usize)> = (1..=20).map(|i| (0, i)).collect();
    vec![
        ("diamond", graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)])),
        ("long-edge", graph(4, &[(0, 1), (1, 2), (2, 3), (0, 3)])),
        ("twenty-children", graph(21, &twenty)),
        ("cycle", graph(3, &[(0, 1), (1, 2), (2, 1), (2, 2)])),
        ("wide", wide),
    ]
}

/// The layout code may be reorganised, but what it computes stays byte for byte the same: the
/// synthetic graphs are pinned here. For the rule files (which change), compare a copy before and
/// after: `LAYOUT_RULES=/tmp/rules LAYOUT_JSON=/tmp/before cargo test --test layout layouts_are_pinned`,
/// then again into `/tmp/after`, and `diff -r`.
#[test]
fn layouts_are_pinned() {
    if let Ok(dir) = std::env::var("LAYOUT_JSON") {
        std::fs::create_dir_all(&dir).unwrap();
        for (stem, guideline) in guidelines() {
            let l = layout(&graph_of(&guideline));
            std::fs::write(format!("{dir}/{stem}.json"), serde_json::to_string_pretty(&l).unwrap()).unwrap();
        }
        for (name, g) in pinned_graphs() {
            std::fs::write(format!("{dir}/{name}.json"), serde_json::to_string_pretty(&layout(&g)).unwrap()).unwrap();
        }
    }
    let prints: Vec<(&str, u64)> = pinned_graphs().into_iter().map(|(name, g)| (name, fingerprint(&layout(&g)))).collect();
    println!("{prints:x?}");
    assert_eq!(prints, PINNED);
}

/// The fingerprints of [`pinned_graphs`], recorded before the layout code was split into files.
const PINNED: [(&str, u64); 5] = [
    ("diamond", 0xf59a_a655_a3f3_bd54),
    ("long-edge", 0x59fa_1afd_9443_ef9c),
    ("twenty-children", 0xb3a5_7e65_7d83_1bd6),
    ("cycle", 0x7a73_2d0d_1a0f_c37f),
    ("wide", 0x2c73_c80d_985d_9089),
];

#[test]
fn diamond() {
    let g = graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
    let l = layout(&g);
    dump_graph("diamond", &g, &l);
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
    dump_graph("long-edge", &g, &l);
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
    dump_graph("six-children", &g, &l);
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
    dump_graph("twenty-children", &g, &l);
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
