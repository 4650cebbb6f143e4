//! The drawn stroomschema: a guideline as a graph ([`graph_of`]) and that graph laid out top-down
//! in layers ([`layout`]), as plain data (boxes, polylines, label positions in integer pixels) that
//! [`svg`] writes as the SVG the widget shows.
//!
//! - `graph.rs`: the guideline as a graph (nodes, edges, their labels).
//! - `text.rs`: text metrics: wrapping, the room a label takes, where its lines are drawn.
//! - `svg.rs`: the drawing itself, the one writer of the stroomschema's markup.
//! - this file: the layout algorithm.
//!
//! # Why hand-written
//!
//! The layout runs in `build.rs` (which compiles `src/engine` through `#[path]`), so its result is
//! part of the compiled rule files and the widget carries no layout code at all (only the text
//! metrics it draws with). A layout crate would be a new build dependency for a few hundred lines of
//! well-known algorithm; the graphs are small (at most a few dozen nodes), so the simple quadratic
//! versions of each step are plenty fast; and the output must be deterministic, so the same rule
//! file always gives the same bytes: no hash maps, no randomness, ties broken by index.
//!
//! # The algorithm (Sugiyama)
//!
//! 1. **Orientation.** A guideline is a DAG (the validator checks it). Should a graph have a cycle
//!    anyway, a depth-first search from the start reverses its back edges for the layout; such an
//!    edge is then drawn upward. Self-loops get a small loop on the right of their box.
//! 2. **Layering** (`assign_layers`). Longest path from the start: every node one layer below its
//!    lowest predecessor, so every edge points down. Then each node moves, within the layers its
//!    edges allow, to where its edges are shortest in total (a node with more edges out than in
//!    moves down towards its successors, one with more in than out up), repeated until nothing
//!    moves. A layer holds at most [`MAX_PER_LAYER`] boxes, so the widest guideline stays about a
//!    screen wide: from the top down, an overfull layer pushes nodes one layer down, preferring
//!    outcomes (leaves) out of the largest fan of siblings, so a question with many outcomes gets
//!    them staggered over two layers. Empty layers are removed.
//! 3. **Dummy nodes** for every edge that spans more than one layer, one per layer crossed, so
//!    long edges run through the gaps between boxes instead of through them.
//! 4. **Crossing reduction** (`Layered::reduce_crossings`). Start from depth-first discovery
//!    order, then sweep down (order each layer by the barycenter of its upper neighbours) and up
//!    (by its lower neighbours), each sweep followed by transposing adjacent nodes while that removes
//!    crossings. The best ordering seen is kept.
//! 5. **x coordinates** (`Layered::place_x`). Every node wants to sit where its edges are
//!    vertical (taking into account the port each edge uses on the box side). Layer by layer, down
//!    and up, a node goes to the weighted mean of what its neighbours ask, and the layer is then made
//!    legal again (order kept, minimum gaps) by weighted isotonic regression (pool adjacent
//!    violators), which is the least-squares nearest legal placement. Each pass lowers the total of
//!    squared horizontal edge lengths, so the result is compact and balanced. Segments between
//!    dummy nodes weigh more, so long edges run straight.
//! 6. **Edges** as polylines: from a port on the bottom side of the source box (the exits of a node
//!    spread along its bottom side, in the order of their targets), straight down to the bottom of
//!    the layer's band, then through the gap, through each dummy as a vertical segment, to a port on
//!    the top side of the target (entries spread as well). Boxes are aligned to the top of their
//!    band, so every slanted segment lies in a gap between bands, where there are no boxes. The
//!    label goes on the first gap of the edge, at the candidate position (several heights, centred
//!    on the line or beside it) that overlaps the fewest labels and lines placed before it (the
//!    `*_COST` weights).
//!
//! # Drawing
//!
//! A box's `lines` are drawn centred, [`LINE_H`] apart, starting [`PAD_Y`] below its top
//! ([`line_baseline`]). An edge label is [`label_lines`], centred on `label_at`, [`LABEL_LINE_H`]
//! apart ([`label_baseline`]); [`label_rect`] is the rectangle the layout kept free for it, which
//! the drawing fills white behind the text. [`svg`] is the one place that does this.

mod graph;
pub mod svg;
#[doc(hidden)]
pub mod testing;
mod text;

pub use graph::{graph_of, GEdge, GNode, Graph, NodeKind};
pub use text::{
    box_height, label_baseline, label_lines, label_rect, line_baseline, wrap, BASELINE, BOX_CHAR_W, LABEL_BASELINE, LABEL_CHAR_W,
    LABEL_LINE_H, LABEL_PAD_X, LABEL_PAD_Y, LABEL_WRAP, LINE_H, PAD_Y, RULE_MARK, WRAP_CHARS,
};

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use text::label_size;

/// Width of every box.
pub const BOX_W: i32 = 150;
/// Vertical gap between two layers of boxes; edge labels sit in it.
pub const LAYER_GAP: i32 = 70;
/// Minimum horizontal gap between two boxes in a layer.
pub const NODE_GAP: i32 = 30;
/// Minimum horizontal gap between a box and an edge passing it.
pub const EDGE_GAP: i32 = 16;
/// Minimum horizontal distance between two edges passing through a layer.
pub const EDGE_SEP: i32 = 18;
/// Empty space around the drawing.
pub const MARGIN: i32 = 20;
/// Edges leave and enter a gap between layers vertically for this many pixels, so a slanted
/// segment never grazes the corner of a box.
pub const STUB: i32 = 8;
/// Most boxes in one layer: 7 × (150 + 30) stays well within 1600 pixels.
pub const MAX_PER_LAYER: usize = 7;

/// A laid-out graph: integer pixels, origin top-left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// Width of the drawing, margins included.
    pub width: i32,
    /// Height of the drawing, margins included.
    pub height: i32,
    /// In the order of [`Graph::nodes`].
    pub nodes: Vec<NodeBox>,
    /// In the order of [`Graph::edges`].
    pub edges: Vec<EdgePath>,
}

/// The box of a node: top-left corner, size, and the label word-wrapped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NodeBox {
    /// Left side.
    pub x: i32,
    /// Top side.
    pub y: i32,
    /// Width ([`BOX_W`]).
    pub w: i32,
    /// Height ([`box_height`] of its lines).
    pub h: i32,
    /// The label, wrapped at [`WRAP_CHARS`].
    pub lines: Vec<String>,
}

/// An edge as a polyline from the bottom side of its source box to the top side of its target box,
/// its points going down; the label is centred on `label_at`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgePath {
    /// Index of the source node (in [`Layout::nodes`]).
    pub from: usize,
    /// Index of the target node.
    pub to: usize,
    /// The polyline, from the source's bottom side to the target's top side.
    pub points: Vec<(i32, i32)>,
    /// As [`GEdge::label`].
    pub label: String,
    /// The middle of the label ([`label_rect`]); the first point when the label is empty.
    pub label_at: (i32, i32),
    /// As [`GEdge::rule`].
    pub rule: bool,
}

/// A rectangle in pixels: top-left corner and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    /// Left side.
    pub x: i32,
    /// Top side.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

impl Rect {
    /// Area shared with `other` (0 when they only touch).
    pub fn overlap(&self, other: &Rect) -> i64 {
        let w = (self.x + self.w).min(other.x + other.w) - self.x.max(other.x);
        let h = (self.y + self.h).min(other.y + other.h) - self.y.max(other.y);
        if w <= 0 || h <= 0 {
            0
        } else {
            i64::from(w) * i64::from(h)
        }
    }

    /// Whether segment p–q has a point strictly inside (Liang–Barsky clipping).
    pub fn hit_by(&self, p: (i32, i32), q: (i32, i32)) -> bool {
        let (x0, y0, x1, y1) = (f64::from(self.x), f64::from(self.y), f64::from(self.x + self.w), f64::from(self.y + self.h));
        let (px, py) = (f64::from(p.0), f64::from(p.1));
        let (dx, dy) = (f64::from(q.0) - px, f64::from(q.1) - py);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (den, num) in [(-dx, px - x0), (dx, x1 - px), (-dy, py - y0), (dy, y1 - py)] {
            // The part of the segment with den·t < num lies on the inner side of this edge.
            if den == 0.0 {
                if num <= 0.0 {
                    return false;
                }
            } else {
                let t = num / den;
                if den < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        // A positive length inside the closed rectangle, and its middle strictly inside.
        if t1 - t0 <= 1e-9 {
            return false;
        }
        let tm = (t0 + t1) / 2.0;
        let (mx, my) = (px + dx * tm, py + dy * tm);
        mx > x0 && mx < x1 && my > y0 && my < y1
    }
}

// ---------------------------------------------------------------------------------------------
// 1. Orientation

/// For every edge: (upper, lower, reversed), or `None` for a self-loop.
type Oriented = Vec<Option<(usize, usize, bool)>>;

/// Depth-first search from the start (then from every node not yet seen, in index order); an edge
/// to a node still on the stack closes a cycle and is reversed.
fn orient(g: &Graph) -> Oriented {
    let n = g.nodes.len();
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, e) in g.edges.iter().enumerate() {
        out[e.from].push(i);
    }
    // 0: not seen, 1: on the stack, 2: done.
    let mut state = vec![0u8; n];
    let mut back = vec![false; g.edges.len()];
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        let mut stack: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let v = top.0;
            if let Some(&e) = out[v].get(top.1) {
                top.1 += 1;
                let w = g.edges[e].to;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => back[e] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    g.edges
        .iter()
        .zip(back)
        .map(|(e, back)| match (e.from == e.to, back) {
            (true, _) => None,
            (false, false) => Some((e.from, e.to, false)),
            (false, true) => Some((e.to, e.from, true)),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// 2. Layering

/// Width a layer may take, in pixels: [`MAX_PER_LAYER`] boxes, each edge passing counted as well.
const LAYER_BUDGET: i32 = MAX_PER_LAYER as i32 * (BOX_W + NODE_GAP);
/// What an edge passing through a layer adds to its width (it runs between two boxes).
const PASSING_W: i32 = EDGE_SEP;

/// The layer of every node: edges point down, node 0 alone in layer 0 unless other nodes have no
/// predecessor either, layers within [`LAYER_BUDGET`] where possible, no empty layers.
fn assign_layers(n: usize, dir: &Oriented) -> Vec<usize> {
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut succs: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(u, v, _) in dir.iter().flatten() {
        succs[u].push(v);
        preds[v].push(u);
    }
    // Topological order (Kahn), smallest index first.
    let mut indeg: Vec<usize> = preds.iter().map(Vec::len).collect();
    let mut ready: BTreeSet<usize> = (0..n).filter(|&v| indeg[v] == 0).collect();
    let mut topo = Vec::with_capacity(n);
    while let Some(v) = ready.pop_first() {
        topo.push(v);
        for &w in &succs[v] {
            indeg[w] -= 1;
            if indeg[w] == 0 {
                ready.insert(w);
            }
        }
    }
    // Longest path from the sources.
    let mut layering = Layering { preds, succs, layer: vec![0; n] };
    for &v in &topo {
        layering.layer[v] = layering.preds[v].iter().map(|&p| layering.layer[p] + 1).max().unwrap_or(0);
    }
    layering.shorten(&topo, false);
    layering.limit_width();
    layering.shorten(&topo, true);
    // Remove empty layers.
    let layer = layering.layer;
    let used: BTreeSet<usize> = layer.iter().copied().collect();
    let rank: Vec<usize> = (0..=used.last().copied().unwrap_or(0)).map(|l| used.range(..l).count()).collect();
    layer.iter().map(|&l| rank[l]).collect()
}

/// The acyclic graph being layered.
struct Layering {
    preds: Vec<Vec<usize>>,
    succs: Vec<Vec<usize>>,
    layer: Vec<usize>,
}

impl Layering {
    /// Estimated width of every layer: its boxes and the edges passing through it.
    fn widths(&self) -> Vec<i32> {
        let top = self.layer.iter().copied().max().unwrap_or(0);
        let mut w = vec![0; top + 2];
        for (u, succs) in self.succs.iter().enumerate() {
            w[self.layer[u]] += BOX_W + NODE_GAP;
            for &v in succs {
                // The layers strictly between u and v.
                for passed in w.iter_mut().take(self.layer[v]).skip(self.layer[u] + 1) {
                    *passed += PASSING_W;
                }
            }
        }
        w
    }

    fn count(&self, l: usize) -> usize {
        self.layer.iter().filter(|&&m| m == l).count()
    }

    /// Whether the layering is acceptable after a move from `before` (widths and layer sizes before):
    /// no layer grew past the budget.
    fn within(&self, before: &[i32], counts_before: &[usize]) -> bool {
        let after = self.widths();
        after.iter().enumerate().all(|(l, &w)| {
            let (wb, cb) = (before.get(l).copied().unwrap_or(0), counts_before.get(l).copied().unwrap_or(0));
            let c = self.count(l);
            (w <= LAYER_BUDGET || w <= wb) && (c <= MAX_PER_LAYER || c <= cb)
        })
    }

    /// Moves every node (except the start) within the layers its edges allow to where its edges are
    /// shortest in total, until nothing moves; with `budget`, only moves that keep every layer within
    /// the budget. Moving a node down one layer lengthens each edge in and shortens each edge out, so
    /// a node with more edges in than out goes as high as it can, one with more out than in as low
    /// as it can.
    fn shorten(&mut self, topo: &[usize], budget: bool) {
        for _round in 0..self.layer.len() + 1 {
            let mut moved = false;
            for &v in topo.iter().filter(|&&v| v != 0) {
                let lo = self.preds[v].iter().map(|&p| self.layer[p] + 1).max().unwrap_or(0);
                let hi = self.succs[v].iter().map(|&s| self.layer[s] - 1).min();
                let slope = self.preds[v].len() as isize - self.succs[v].len() as isize;
                let here = self.layer[v];
                // The candidate layers, best first, up to (not including) the current one.
                let candidates: Vec<usize> = match (slope, hi) {
                    (s, _) if s > 0 => (lo..here).collect(),
                    (s, Some(hi)) if s < 0 => (here + 1..=hi).rev().collect(),
                    _ => Vec::new(),
                };
                let (widths, counts): (Vec<i32>, Vec<usize>) = if budget {
                    (self.widths(), (0..self.layer.len() + 1).map(|l| self.count(l)).collect())
                } else {
                    (Vec::new(), Vec::new())
                };
                for to in candidates {
                    self.layer[v] = to;
                    if !budget || self.within(&widths, &counts) {
                        moved = true;
                        break;
                    }
                    self.layer[v] = here;
                }
            }
            if !moved {
                break;
            }
        }
    }

    /// Pushes `v` one layer down, and its successors as far as needed to keep every edge pointing down.
    fn push(&mut self, v: usize) {
        self.layer[v] += 1;
        let mut todo = vec![v];
        while let Some(u) = todo.pop() {
            for i in 0..self.succs[u].len() {
                let s = self.succs[u][i];
                if self.layer[s] <= self.layer[u] {
                    self.layer[s] = self.layer[u] + 1;
                    todo.push(s);
                }
            }
        }
    }

    /// From the top down, pushes nodes out of every layer over budget (too wide or more than
    /// [`MAX_PER_LAYER`] boxes) into the next one. Preferred: outcomes (leaves), then nodes whose
    /// successors leave room; among those, the shortest total length of its edges in after the push
    /// (few and short edges in: each becomes an edge passing through the layer), from the largest
    /// group of siblings in the layer, the last in file order.
    fn limit_width(&mut self) {
        let mut l = 0;
        while l <= self.layer.iter().copied().max().unwrap_or(0) {
            loop {
                let (widths, count) = (self.widths(), self.count(l));
                if widths[l] <= LAYER_BUDGET && count <= MAX_PER_LAYER {
                    break;
                }
                let key = |v: usize| {
                    let room = self.succs[v].iter().all(|&s| self.layer[s] > l + 1);
                    let siblings =
                        self.preds[v].iter().map(|&p| self.succs[p].iter().filter(|&&s| self.layer[s] == l).count()).max().unwrap_or(0);
                    let leaf = self.succs[v].is_empty();
                    // How long its edges in get: short edges first, so a fan is staggered over two
                    // layers before any of its edges spans three.
                    let length: usize = self.preds[v].iter().map(|&p| l + 1 - self.layer[p]).sum();
                    (!leaf, !room, length, std::cmp::Reverse(siblings), std::cmp::Reverse(v))
                };
                let mut candidates: Vec<usize> = (1..self.layer.len()).filter(|&v| self.layer[v] == l).collect();
                candidates.sort_by_key(|&v| key(v));
                // The first candidate whose push makes this layer narrower (or smaller).
                let saved = self.layer.clone();
                let mut pushed = false;
                for v in candidates {
                    self.push(v);
                    let after = self.widths()[l];
                    if after < widths[l] || (count > MAX_PER_LAYER && after <= LAYER_BUDGET) {
                        pushed = true;
                        break;
                    }
                    self.layer.clone_from(&saved);
                }
                if !pushed {
                    break;
                }
            }
            l += 1;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Dummy nodes and 4. crossing reduction

/// The layered graph: real nodes `0..n`, then one dummy node per layer crossed by a long edge;
/// segments join nodes in adjacent layers.
struct Layered {
    n: usize,
    layer: Vec<usize>,
    /// (upper, lower) node of every segment.
    segs: Vec<(usize, usize)>,
    /// Per node: the segments to the layer above / below.
    ups: Vec<Vec<usize>>,
    downs: Vec<Vec<usize>>,
    /// Per graph edge: its nodes from top to bottom and its segments (empty for a self-loop).
    chains: Vec<Vec<usize>>,
    chain_segs: Vec<Vec<usize>>,
    /// Per layer: its nodes from left to right; `pos` is each node's index in its layer.
    order: Vec<Vec<usize>>,
    pos: Vec<usize>,
}

/// Sweeps of the crossing reduction (each down and up); the graphs are small.
const SWEEPS: usize = 24;
/// Weight of the pull of every node towards the centre, against 1 for an edge.
const GRAVITY: f64 = 0.05;
/// Passes of the x placement.
const PASSES: usize = 60;

impl Layered {
    fn build(n: usize, layer: &[usize], dir: &Oriented) -> Self {
        let layers = layer.iter().max().map_or(0, |m| m + 1);
        let mut lg = Layered {
            n,
            layer: layer.to_vec(),
            segs: Vec::new(),
            ups: vec![Vec::new(); n],
            downs: vec![Vec::new(); n],
            chains: Vec::new(),
            chain_segs: Vec::new(),
            order: vec![Vec::new(); layers],
            pos: Vec::new(),
        };
        for d in dir {
            let (mut chain, mut segs) = (Vec::new(), Vec::new());
            if let Some((u, v, _)) = *d {
                chain.push(u);
                for l in layer[u] + 1..layer[v] {
                    let dummy = lg.layer.len();
                    lg.layer.push(l);
                    lg.ups.push(Vec::new());
                    lg.downs.push(Vec::new());
                    chain.push(dummy);
                }
                chain.push(v);
                for w in chain.windows(2) {
                    let s = lg.segs.len();
                    lg.segs.push((w[0], w[1]));
                    lg.downs[w[0]].push(s);
                    lg.ups[w[1]].push(s);
                    segs.push(s);
                }
            }
            lg.chains.push(chain);
            lg.chain_segs.push(segs);
        }
        // First order: depth-first discovery from the start, then from every node not yet seen.
        let total = lg.layer.len();
        let mut seen = vec![false; total];
        for root in 0..total {
            if seen[root] {
                continue;
            }
            let mut stack = vec![root];
            while let Some(v) = stack.pop() {
                if std::mem::replace(&mut seen[v], true) {
                    continue;
                }
                lg.order[lg.layer[v]].push(v);
                stack.extend(lg.downs[v].iter().rev().map(|&s| lg.segs[s].1).filter(|&w| !seen[w]));
            }
        }
        lg.pos = vec![0; total];
        for l in 0..layers {
            lg.renumber(l);
        }
        lg
    }

    fn renumber(&mut self, l: usize) {
        for (i, &v) in self.order[l].iter().enumerate() {
            self.pos[v] = i;
        }
    }

    fn is_dummy(&self, v: usize) -> bool {
        v >= self.n
    }

    /// Crossings between layer `l` and the next, counting pairs of segments whose ends are in
    /// opposite order.
    fn crossings_below(&self, l: usize) -> usize {
        let ends: Vec<(usize, usize)> =
            self.order[l].iter().flat_map(|&u| self.downs[u].iter().map(move |&s| (self.pos[u], self.pos[self.segs[s].1]))).collect();
        let mut n = 0;
        for (i, a) in ends.iter().enumerate() {
            n += ends[i + 1..].iter().filter(|b| (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1)).count();
        }
        n
    }

    fn total_crossings(&self) -> usize {
        (0..self.order.len().saturating_sub(1)).map(|l| self.crossings_below(l)).sum()
    }

    /// Orders layer `l` by the barycenter of each node's neighbours above (or below); nodes without
    /// such neighbours keep their place, the others fill the remaining places in barycenter order.
    fn sort_layer(&mut self, l: usize, from_above: bool) {
        let keyed: Vec<(f64, usize, usize)> = self.order[l]
            .iter()
            .enumerate()
            .filter_map(|(i, &v)| {
                let ns: Vec<usize> = if from_above {
                    self.ups[v].iter().map(|&s| self.pos[self.segs[s].0]).collect()
                } else {
                    self.downs[v].iter().map(|&s| self.pos[self.segs[s].1]).collect()
                };
                (!ns.is_empty()).then(|| (ns.iter().sum::<usize>() as f64 / ns.len() as f64, i, v))
            })
            .collect();
        let mut sorted = keyed.clone();
        sorted.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        for (slot, (_, _, v)) in keyed.iter().map(|k| k.1).zip(sorted) {
            self.order[l][slot] = v;
        }
        self.renumber(l);
    }

    /// Crossings among the segments of `u` and `v` (above and below) with `u` left of `v`.
    fn pair_crossings(&self, u: usize, v: usize) -> usize {
        let count = |a: &[usize], b: &[usize], end: fn(&(usize, usize)) -> usize| {
            let mut n = 0;
            for &s in a {
                for &t in b {
                    if self.pos[end(&self.segs[s])] > self.pos[end(&self.segs[t])] {
                        n += 1;
                    }
                }
            }
            n
        };
        count(&self.ups[u], &self.ups[v], |s| s.0) + count(&self.downs[u], &self.downs[v], |s| s.1)
    }

    /// Swaps adjacent nodes while that removes crossings.
    fn transpose(&mut self) {
        for _ in 0..20 {
            let mut better = false;
            for l in 0..self.order.len() {
                for i in 0..self.order[l].len().saturating_sub(1) {
                    let (u, v) = (self.order[l][i], self.order[l][i + 1]);
                    if self.pair_crossings(u, v) > self.pair_crossings(v, u) {
                        self.order[l].swap(i, i + 1);
                        self.pos[u] = i + 1;
                        self.pos[v] = i;
                        better = true;
                    }
                }
            }
            if !better {
                break;
            }
        }
    }

    /// Barycenter sweeps down and up with transposition; keeps the best ordering seen.
    fn reduce_crossings(&mut self) {
        let layers = self.order.len();
        let mut best = (self.total_crossings(), self.order.clone());
        for _ in 0..SWEEPS {
            if best.0 == 0 {
                break;
            }
            for down in [true, false] {
                if down {
                    (1..layers).for_each(|l| self.sort_layer(l, true));
                } else {
                    (0..layers.saturating_sub(1)).rev().for_each(|l| self.sort_layer(l, false));
                }
                self.transpose();
                let c = self.total_crossings();
                if c < best.0 {
                    best = (c, self.order.clone());
                }
            }
        }
        self.order = best.1;
        for l in 0..layers {
            self.renumber(l);
        }
    }

    // -----------------------------------------------------------------------------------------
    // 5. x coordinates

    /// The horizontal offset of each segment's end from the centre of its box: (at the upper node,
    /// at the lower node). Ports of a box are spread along its side in the order of the nodes at
    /// their other ends; a dummy node has one port, its centre.
    fn ports(&self) -> Vec<(i32, i32)> {
        let mut ports = vec![(0, 0); self.segs.len()];
        for v in 0..self.n {
            let mut downs = self.downs[v].clone();
            downs.sort_by_key(|&s| (self.pos[self.segs[s].1], s));
            for (i, &s) in downs.iter().enumerate() {
                ports[s].0 = spread(downs.len(), i);
            }
            let mut ups = self.ups[v].clone();
            ups.sort_by_key(|&s| (self.pos[self.segs[s].0], s));
            for (i, &s) in ups.iter().enumerate() {
                ports[s].1 = spread(ups.len(), i);
            }
        }
        ports
    }

    /// Minimum distance between the centres of two neighbours in a layer.
    fn separation(&self, a: usize, b: usize) -> f64 {
        f64::from(match (self.is_dummy(a), self.is_dummy(b)) {
            (false, false) => BOX_W + NODE_GAP,
            (true, true) => EDGE_SEP,
            _ => BOX_W / 2 + EDGE_GAP,
        })
    }

    /// How strongly a segment pulls its ends into line: long edges (dummy to dummy) run straight.
    fn weight(&self, s: usize) -> f64 {
        let (a, b) = self.segs[s];
        match (self.is_dummy(a), self.is_dummy(b)) {
            (false, false) => 1.0,
            (true, true) => 8.0,
            _ => 2.0,
        }
    }

    /// The centre x of every node (dummies included), leftmost at 0.
    fn place_x(&self, ports: &[(i32, i32)]) -> Vec<i32> {
        let mut x = vec![0.0f64; self.layer.len()];
        for row in &self.order {
            let mut at = 0.0;
            for (i, &v) in row.iter().enumerate() {
                if i > 0 {
                    at += self.separation(row[i - 1], v);
                }
                x[v] = at;
            }
            // Centre each layer on 0.
            for &v in row {
                x[v] -= at / 2.0;
            }
        }
        let layers = self.order.len();
        for pass in 0..PASSES {
            let seq: Vec<usize> = if pass % 2 == 0 { (0..layers).collect() } else { (0..layers).rev().collect() };
            for l in seq {
                self.place_layer(l, &mut x, ports);
            }
        }
        // Round: offsets between neighbours are whole numbers, so rounding the slack keeps the gaps.
        let mut out = vec![0i32; x.len()];
        for row in &self.order {
            let mut offset = 0.0;
            let mut prev: Option<i64> = None;
            for (i, &v) in row.iter().enumerate() {
                if i > 0 {
                    offset += self.separation(row[i - 1], v);
                }
                let mut slack = (x[v] - offset).round() as i64;
                if let Some(p) = prev {
                    slack = slack.max(p);
                }
                prev = Some(slack);
                out[v] = (slack + offset as i64) as i32;
            }
        }
        let min = (0..x.len()).map(|v| out[v] - if self.is_dummy(v) { 0 } else { BOX_W / 2 }).min().unwrap_or(0);
        out.iter().map(|&c| c - min).collect()
    }

    /// Moves the nodes of layer `l` to where their segments (both sides) want them, weighted, then
    /// makes the layer legal (order and gaps) by weighted isotonic regression.
    fn place_layer(&self, l: usize, x: &mut [f64], ports: &[(i32, i32)]) {
        let row = &self.order[l];
        // Per node: (wanted slack, weight), where slack = x − the node's offset in a packed layer.
        let mut want: Vec<(f64, f64)> = Vec::with_capacity(row.len());
        let mut offset = 0.0;
        for (i, &v) in row.iter().enumerate() {
            if i > 0 {
                offset += self.separation(row[i - 1], v);
            }
            let (mut sum, mut weight) = (0.0, 0.0);
            for &s in &self.ups[v] {
                let w = self.weight(s);
                sum += w * (x[self.segs[s].0] + f64::from(ports[s].0 - ports[s].1));
                weight += w;
            }
            for &s in &self.downs[v] {
                let w = self.weight(s);
                sum += w * (x[self.segs[s].1] + f64::from(ports[s].1 - ports[s].0));
                weight += w;
            }
            // A weak pull towards the common centre (x = 0) keeps separate parts of the graph
            // under each other instead of side by side.
            weight += GRAVITY;
            let target = sum / weight;
            want.push((target - offset, weight));
        }
        // Pool adjacent violators: blocks of (weighted sum, weight, count), means non-decreasing.
        let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
        for &(t, w) in &want {
            blocks.push((t * w, w, 1));
            while blocks.len() >= 2 {
                let (b, a) = (blocks[blocks.len() - 1], blocks[blocks.len() - 2]);
                if a.0 / a.1 <= b.0 / b.1 {
                    break;
                }
                blocks.pop();
                *blocks.last_mut().expect("two blocks") = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
            }
        }
        let mut i = 0;
        let mut offset = 0.0;
        for (sum, weight, count) in blocks {
            for _ in 0..count {
                if i > 0 {
                    offset += self.separation(row[i - 1], row[i]);
                }
                x[row[i]] = sum / weight + offset;
                i += 1;
            }
        }
    }
}

/// Distance between two ports on a box side: two lines apart by more than their arrowheads (10
/// pixels wide) and the thick line of the route taken, so each arrow plainly ends on its own line.
const PORT_GAP: i32 = 28;
/// Ports keep this far from either corner of a box side: off the rounded corners of an outcome (a
/// 14-pixel radius) and away from where a line would seem to come from the box's side.
const PORT_INSET: i32 = 20;

/// Offset of port `i` of `k` from the centre of a box side: [`PORT_GAP`] apart, closer when that
/// would come within [`PORT_INSET`] of a corner.
fn spread(k: usize, i: usize) -> i32 {
    if k <= 1 {
        return 0;
    }
    let span = (f64::from(PORT_GAP) * (k - 1) as f64).min(f64::from(BOX_W - 2 * PORT_INSET));
    (-span / 2.0 + span * i as f64 / (k - 1) as f64).round() as i32
}

// ---------------------------------------------------------------------------------------------
// 6. Coordinates, edges and labels

/// How often the gaps may grow to make room for labels that collide.
const GROW_ROUNDS: usize = 8;

// Where an edge's label goes: every candidate place costs the sum of the weights below, the
// cheapest wins (ties: the first tried). The order of the weights is what matters: covering a
// line (300) is worse than the next gap (250), which is worse than beside the line (200), while a
// small overlap with another label (4 per square pixel) outweighs them all.

/// Per gap further down the edge than its first: a label belongs near the question its edge leaves.
const GAP_COST: i64 = 250;
/// Candidate heights within a gap are this many pixels apart.
const ROW_STEP: i32 = 8;
/// Per candidate height down within a gap (about a point a pixel): high in the gap is nearest the
/// question, and a label moves down only to get out of the way of lines or labels.
const ROW_COST: i64 = 8;
/// For a place beside the line rather than centred on it: centred on its line, a label plainly
/// belongs to it; beside it is still better than the next gap or covering another line.
const SIDE_COST: i64 = 200;
/// Per square pixel shared with a label placed before: even a corner of overlap (10 × 14 pixels:
/// 560) costs more than any other choice in the same gap, since overlapping text is unreadable.
const OVERLAP_COST: i64 = 4;
/// Per segment of another line the label covers (it is drawn on a white background, so the line
/// seems to stop there): worse than any place beside its own line or one gap down.
const LINE_COST: i64 = 300;

/// A place considered for an edge's label.
#[derive(Clone, Copy)]
struct Candidate {
    /// The sum of the `*_COST` weights for this place.
    cost: i64,
    rect: Rect,
    /// The layer whose gap below it holds the label.
    gap: usize,
    /// Area shared with labels placed before (non-zero: the gap is crowded).
    on_labels: i64,
}

/// Lays out a graph top-down in layers (see the module documentation).
pub fn layout(g: &Graph) -> Layout {
    let n = g.nodes.len();
    let lines: Vec<Vec<String>> = g.nodes.iter().map(|v| wrap(&v.label, WRAP_CHARS)).collect();
    let heights: Vec<i32> = lines.iter().map(|l| box_height(l.len())).collect();
    let dir = orient(g);
    let layer = assign_layers(n, &dir);
    let mut lg = Layered::build(n, &layer, &dir);
    lg.reduce_crossings();
    let ports = lg.ports();
    let xs = lg.place_x(&ports);

    // The gap below a layer: at least LAYER_GAP, and room for the tallest label of an edge leaving
    // it; it then grows (x stays) while two labels in it still overlap.
    let mut gap = vec![LAYER_GAP; lg.order.len()];
    for (e, edge) in g.edges.iter().enumerate() {
        if let Some(&u) = lg.chains[e].first() {
            gap[lg.layer[u]] = gap[lg.layer[u]].max(label_size(&edge.label).1 + 2 * STUB + 16);
        }
    }
    let sketch = Sketch { g, lg: &lg, xs: &xs, ports: &ports, heights: &heights };
    let mut drawing = sketch.draw(&gap);
    for _ in 0..GROW_ROUNDS {
        if drawing.crowded.is_empty() {
            break;
        }
        for &l in &drawing.crowded {
            gap[l] += 2 * LABEL_LINE_H;
        }
        drawing = sketch.draw(&gap);
    }
    let Drawing { mut nodes, paths, labels, .. } = drawing;

    // Move everything so the drawing (boxes, lines, labels) starts at the margin.
    let mut min_x = nodes.iter().map(|b| b.x).min().unwrap_or(0);
    let mut max_x = nodes.iter().map(|b| b.x + b.w).max().unwrap_or(0);
    let mut max_y = nodes.iter().map(|b| b.y + b.h).max().unwrap_or(0);
    for p in paths.iter().flatten() {
        min_x = min_x.min(p.0);
        max_x = max_x.max(p.0);
        max_y = max_y.max(p.1);
    }
    for r in labels.iter().flatten() {
        min_x = min_x.min(r.x);
        max_x = max_x.max(r.x + r.w);
    }
    let dx = MARGIN - min_x;
    for b in &mut nodes {
        b.x += dx;
    }
    lines.into_iter().zip(&mut nodes).for_each(|(l, b)| b.lines = l);
    let edges = g
        .edges
        .iter()
        .zip(paths)
        .zip(labels)
        .zip(&dir)
        .map(|(((edge, mut points), label), d)| {
            for p in &mut points {
                p.0 += dx;
            }
            let label_at = match label {
                Some(r) => (r.x + r.w / 2 + dx, r.y + r.h / 2),
                None => points[0],
            };
            // An edge reversed to break a cycle still runs from its source to its target.
            if matches!(d, Some((_, _, true))) {
                points.reverse();
            }
            EdgePath { from: edge.from, to: edge.to, points, label: edge.label.clone(), label_at, rule: edge.rule }
        })
        .collect();
    Layout { width: max_x + dx + MARGIN, height: max_y + MARGIN, nodes, edges }
}

/// Everything fixed before the y coordinates: the graph, its layers and order, x and ports.
struct Sketch<'a> {
    g: &'a Graph,
    lg: &'a Layered,
    xs: &'a [i32],
    ports: &'a [(i32, i32)],
    heights: &'a [i32],
}

/// Boxes (without their text), polylines (top to bottom along the chain) and label rectangles for
/// given gaps, and the gaps where labels still overlap.
struct Drawing {
    nodes: Vec<NodeBox>,
    paths: Vec<Vec<(i32, i32)>>,
    labels: Vec<Option<Rect>>,
    crowded: BTreeSet<usize>,
}

impl Sketch<'_> {
    fn draw(&self, gap: &[i32]) -> Drawing {
        let (g, lg, xs, ports) = (self.g, self.lg, self.xs, self.ports);
        let n = g.nodes.len();
        // Bands: each layer as tall as its tallest box, boxes aligned to the top of their band.
        let layers = lg.order.len();
        let band_h: Vec<i32> =
            lg.order.iter().map(|row| row.iter().filter(|&&v| v < n).map(|&v| self.heights[v]).max().unwrap_or(0)).collect();
        let mut band_top = vec![MARGIN; layers];
        for l in 1..layers {
            band_top[l] = band_top[l - 1] + band_h[l - 1] + gap[l - 1];
        }
        let band_bottom = |l: usize| band_top[l] + band_h[l];
        let nodes: Vec<NodeBox> = (0..n)
            .map(|v| NodeBox { x: xs[v] - BOX_W / 2, y: band_top[lg.layer[v]], w: BOX_W, h: self.heights[v], lines: Vec::new() })
            .collect();

        // Polylines: down from the source's port to a little into the gap, through every dummy as a
        // vertical run, and from a little above the target straight down onto its port.
        let mut paths: Vec<Vec<(i32, i32)>> = Vec::with_capacity(g.edges.len());
        for (e, edge) in g.edges.iter().enumerate() {
            let (chain, segs) = (&lg.chains[e], &lg.chain_segs[e]);
            if chain.is_empty() {
                paths.push(self_loop(&nodes[edge.from]));
                continue;
            }
            let (u, v) = (chain[0], chain[chain.len() - 1]);
            let mut pts = Vec::new();
            let px = xs[u] + ports[segs[0]].0;
            pts.push((px, nodes[u].y + nodes[u].h));
            pts.push((px, band_bottom(lg.layer[u]) + STUB));
            for &d in &chain[1..chain.len() - 1] {
                pts.push((xs[d], band_top[lg.layer[d]] - STUB));
                pts.push((xs[d], band_bottom(lg.layer[d]) + STUB));
            }
            let qx = xs[v] + ports[segs[segs.len() - 1]].1;
            pts.push((qx, band_top[lg.layer[v]] - STUB));
            pts.push((qx, band_top[lg.layer[v]]));
            paths.push(simplify(pts));
        }

        // Labels, in edge order, each at the best candidate place in a gap the edge crosses: several
        // heights, centred on the line (so it plainly belongs to it) or else beside it; a place costs
        // for every label it overlaps (by area), every other line it covers, and its distance from
        // the start (a label moves down a gap where its line starts in a bundle of lines).
        let mut labels: Vec<Option<Rect>> = Vec::with_capacity(g.edges.len());
        let mut crowded = BTreeSet::new();
        for (e, edge) in g.edges.iter().enumerate() {
            let chain = &lg.chains[e];
            if edge.label.is_empty() || chain.is_empty() {
                labels.push(None);
                continue;
            }
            let (lw, lh) = label_size(&edge.label);
            let first = lg.layer[chain[0]];
            let mut best: Option<Candidate> = None;
            for k in 0..chain.len() - 1 {
                let (g0, g1) = (band_bottom(first + k), band_top[first + k + 1]);
                let free = (g1 - g0 - 4 - lh).max(0);
                let rows = free / ROW_STEP + 1;
                for row in 0..rows {
                    let cy = g0 + 2 + lh / 2 + if rows > 1 { free * row / (rows - 1) } else { 0 };
                    let cx = x_at(&paths[e], cy);
                    for (side, left) in [(0, cx - lw / 2), (1, cx + 6), (1, cx - 6 - lw)] {
                        let rect = Rect { x: left, y: cy - lh / 2, w: lw, h: lh };
                        let on_labels: i64 = labels.iter().flatten().map(|r| r.overlap(&rect)).sum();
                        let mut cost = k as i64 * GAP_COST + i64::from(row) * ROW_COST + side * SIDE_COST + on_labels * OVERLAP_COST;
                        for (f, path) in paths.iter().enumerate() {
                            if f == e && side == 0 {
                                continue;
                            }
                            cost += LINE_COST * path.windows(2).filter(|p| rect.hit_by(p[0], p[1])).count() as i64;
                        }
                        if best.is_none_or(|b| cost < b.cost) {
                            best = Some(Candidate { cost, rect, gap: first + k, on_labels });
                        }
                    }
                }
            }
            let best = best.expect("an edge spans a gap");
            if best.on_labels > 0 {
                crowded.insert(best.gap);
            }
            labels.push(Some(best.rect));
        }
        Drawing { nodes, paths, labels, crowded }
    }
}

/// Drops repeated points and middle points of straight runs.
fn simplify(pts: Vec<(i32, i32)>) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(pts.len());
    for p in pts {
        if out.last() == Some(&p) {
            continue;
        }
        if out.len() >= 2 {
            let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
            let straight = i64::from(b.0 - a.0) * i64::from(p.1 - a.1) == i64::from(b.1 - a.1) * i64::from(p.0 - a.0);
            if straight {
                out.pop();
            }
        }
        out.push(p);
    }
    out
}

/// The x of a downward polyline at height `y`.
fn x_at(pts: &[(i32, i32)], y: i32) -> i32 {
    for w in pts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a.1 <= y && y <= b.1 && b.1 > a.1 {
            return a.0 + ((b.0 - a.0) as f64 * f64::from(y - a.1) / f64::from(b.1 - a.1)).round() as i32;
        }
    }
    pts.first().map_or(0, |p| p.0)
}

/// A loop on the right of a box, for an edge from a node to itself (not in a valid guideline).
fn self_loop(b: &NodeBox) -> Vec<(i32, i32)> {
    let (right, bottom) = (b.x + b.w - 10, b.y + b.h);
    vec![(right, bottom), (right, bottom + 12), (b.x + b.w + 12, bottom + 12), (b.x + b.w + 12, b.y - 12), (right, b.y - 12), (right, b.y)]
}
