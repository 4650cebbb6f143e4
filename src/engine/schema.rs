//! What the drawn stroomschema shows for a walk: which nodes are on the route taken, which is the
//! current one, which can still be reached from here and which can no longer be reached, and which
//! edges were taken. Pure data; the widget turns it into classes (and marks that do not rely on
//! colour).

use crate::engine::map::Map;
use crate::engine::model::Guideline;
use crate::engine::walk::{Forked, Position};
use serde::Serialize;

/// The state of one node (question or outcome) in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Can no longer be reached with the answers given.
    Dimmed,
    /// Not answered yet, but reachable from where the walk stands.
    Reachable,
    /// Answered on the route taken (a question) or passed through.
    Path,
    /// Where the walk stands: the open question, or the outcome reached.
    Current,
}

/// Marks for every node, and the edges taken, for one (possibly forked) walk.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    /// Node id → its mark; a node not listed is dimmed.
    pub nodes: Map<String, Mark>,
    /// (from, to) node ids of every edge on a route taken.
    pub taken: Vec<(String, String)>,
}

impl Marks {
    /// The mark of node `id` (dimmed when unknown).
    pub fn of(&self, id: &str) -> Mark {
        self.nodes.get(id).copied().unwrap_or(Mark::Dimmed)
    }

    /// Whether the edge from `from` to `to` lies on a route taken.
    pub fn taken(&self, from: &str, to: &str) -> bool {
        self.taken.iter().any(|(f, t)| f == from && t == to)
    }
}

/// Every node id a question leads to, per question.
pub fn successors(g: &Guideline) -> Map<&str, Vec<&str>> {
    g.questions.iter().map(|q| (q.id.as_str(), q.options.iter().flat_map(|c| c.targets()).collect())).collect()
}

/// The marks of every node for a walk (all alternatives of a "Weet ik niet" walk together).
pub fn marks(g: &Guideline, walk: &Forked) -> Marks {
    let mut m = Marks::default();
    let mut here: Vec<&str> = Vec::new();
    for alt in &walk.alternatives {
        let end = match &alt.walk.position {
            Position::Question(q) | Position::Outcome(q) => q.as_str(),
        };
        here.push(end);
        for (i, s) in alt.walk.steps.iter().enumerate() {
            m.nodes.insert(s.question.clone(), Mark::Path);
            let next = alt.walk.steps.get(i + 1).map_or(end, |n| n.question.as_str());
            if !m.taken(&s.question, next) {
                m.taken.push((s.question.clone(), next.to_string()));
            }
        }
    }
    // Everything reachable from where the walk stands.
    let next = successors(g);
    let mut seen: Vec<&str> = Vec::new();
    let mut todo = here.clone();
    while let Some(n) = todo.pop() {
        if !seen.contains(&n) {
            seen.push(n);
            todo.extend(next.get(n).into_iter().flatten().copied());
        }
    }
    for id in g.questions.iter().map(|q| &q.id).chain(g.outcomes.iter().map(|o| &o.id)) {
        let mark = if here.contains(&id.as_str()) {
            Mark::Current
        } else if m.nodes.contains_key(id) {
            Mark::Path
        } else if seen.contains(&id.as_str()) {
            Mark::Reachable
        } else {
            Mark::Dimmed
        };
        m.nodes.insert(id.clone(), mark);
    }
    m
}

/// The node ids in the order of the laid-out schema (`layout::graph_of`): the start question, the
/// other questions in file order, then the outcomes.
pub fn node_ids(g: &Guideline) -> Vec<String> {
    let start = g.questions.iter().filter(|q| q.id == g.start);
    let rest = g.questions.iter().filter(|q| q.id != g.start);
    start.chain(rest).map(|q| q.id.clone()).chain(g.outcomes.iter().map(|o| o.id.clone())).collect()
}
