//! The guideline as a graph ([`graph_of`]): what the layout arranges, before any geometry.

use crate::engine::model::{Guideline, Question};
use serde::{Deserialize, Serialize};

/// What a node of the schema is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    /// A question: a box with edges out.
    Question,
    /// An outcome: a rounded box where a walk ends.
    Outcome,
}

/// A guideline as a directed graph. Node 0 is the start question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Graph {
    /// Questions (the start first), then outcomes.
    pub nodes: Vec<GNode>,
    /// One per (question, target) pair.
    pub edges: Vec<GEdge>,
}

/// A question or outcome, with the label shown in its box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GNode {
    /// The question's or outcome's id in the rule file.
    pub id: String,
    /// Question or outcome.
    pub kind: NodeKind,
    /// Its short label (the id when it has none).
    pub label: String,
}

/// From a question to a node it leads to (indices into [`Graph::nodes`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GEdge {
    /// The question.
    pub from: usize,
    /// The node it leads to.
    pub to: usize,
    /// The short labels of the options that lead there, joined with " / ".
    pub label: String,
    /// Whether any of them leads there through a named rule (a [`crate::engine::model::Branch`]).
    pub rule: bool,
}

/// An edge being collected: the options of one question that lead to one node.
struct Collected<'a> {
    from: usize,
    to: usize,
    /// The options' short labels, in option order, each once.
    labels: Vec<&'a str>,
    /// Whether any of them gets there through a branch.
    rule: bool,
}

/// The guideline as a graph: questions (start first, then file order) and outcomes (file order); one
/// edge per (question, target) pair, the short labels of the options leading there joined with " / ",
/// `rule` when any of them gets there through a branch (a named rule, `Branch.rule`). Targets that do
/// not exist are left out (the validator reports them).
pub fn graph_of(g: &Guideline) -> Graph {
    let start = g.questions.iter().position(|q| q.id == g.start);
    let questions: Vec<&Question> =
        start.into_iter().chain((0..g.questions.len()).filter(|&i| Some(i) != start)).map(|i| &g.questions[i]).collect();
    let mut nodes: Vec<GNode> =
        questions.iter().map(|q| GNode { id: q.id.clone(), kind: NodeKind::Question, label: g.short(&q.id).to_string() }).collect();
    nodes.extend(g.outcomes.iter().map(|o| GNode { id: o.id.clone(), kind: NodeKind::Outcome, label: g.short(&o.id).to_string() }));
    let index = |id: &str| nodes.iter().position(|n| n.id == id);
    let mut edges: Vec<Collected> = Vec::new();
    for (from, q) in questions.iter().enumerate() {
        for c in &q.options {
            let label = if c.short.is_empty() { c.id.as_str() } else { c.short.as_str() };
            let targets = c.goto.iter().map(|t| (t, false)).chain(c.branches.iter().map(|b| (&b.goto, true)));
            for (target, rule) in targets {
                let Some(to) = index(target) else { continue };
                match edges.iter_mut().find(|e| e.from == from && e.to == to) {
                    Some(e) => {
                        if !e.labels.contains(&label) {
                            e.labels.push(label);
                        }
                        e.rule |= rule;
                    }
                    None => edges.push(Collected { from, to, labels: vec![label], rule }),
                }
            }
        }
    }
    let edges = edges.into_iter().map(|e| GEdge { from: e.from, to: e.to, label: e.labels.join(" / "), rule: e.rule }).collect();
    Graph { nodes, edges }
}
