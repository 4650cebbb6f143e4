//! What the drawn stroomschema marks, for every path of every guideline: exactly the answered
//! questions are on the route, the outcome (or the open question) is current, what can still be
//! reached is normal and everything else is dimmed; the edges taken join the route up; every marked
//! node and edge exists in the laid-out schema.

use regiewijzer::engine::model::Guideline;
use regiewijzer::engine::schema::{marks, node_ids, successors, Mark};
use regiewijzer::engine::walk::{paths, walk_forked, Position};
use regiewijzer::engine::Answers;
use regiewijzer::guidelines::Registry;

fn guidelines() -> Vec<Guideline> {
    let reg = Registry::builtin();
    reg.list().into_iter().map(|e| reg.get(&e.id).unwrap().clone()).collect()
}

/// Nodes reachable from `from` (itself included).
fn reachable<'a>(g: &'a Guideline, from: &'a str) -> Vec<&'a str> {
    let next = successors(g);
    let mut seen = Vec::new();
    let mut todo = vec![from];
    while let Some(n) = todo.pop() {
        if !seen.contains(&n) {
            seen.push(n);
            todo.extend(next.get(n).into_iter().flatten().copied());
        }
    }
    seen
}

#[test]
fn every_path_and_every_step_of_it_is_marked_exactly() {
    let reg = Registry::builtin();
    let mut checked = 0;
    for g in guidelines() {
        let layout = reg.layout(&g.id).unwrap();
        let ids = node_ids(&g);
        assert_eq!(ids.len(), layout.nodes.len(), "{}: one box per node", g.id);
        for (answers, outcome) in paths(&g).unwrap() {
            // The finished walk, and each prefix of it (the walk standing on a question).
            let order: Vec<(String, String)> = walk_forked(&g, &answers).unwrap().alternatives[0]
                .walk
                .steps
                .iter()
                .map(|s| (s.question.clone(), s.answer.clone()))
                .collect();
            for cut in 0..=order.len() {
                let part: Answers = order[..cut].iter().cloned().collect();
                let w = walk_forked(&g, &part).unwrap();
                let here = match &w.alternatives[0].walk.position {
                    Position::Question(q) | Position::Outcome(q) => q.clone(),
                };
                if cut == order.len() {
                    assert_eq!(here, outcome);
                }
                let m = marks(&g, &w);
                let open = reachable(&g, &here);
                for id in &ids {
                    let expected = if *id == here {
                        Mark::Current
                    } else if part.contains_key(id.as_str()) {
                        Mark::Path
                    } else if open.contains(&id.as_str()) {
                        Mark::Reachable
                    } else {
                        Mark::Dimmed
                    };
                    assert_eq!(m.of(id), expected, "{}: {id} after {:?}", g.id, &order[..cut]);
                }
                // The edges taken run from the start through every answered question to `here`.
                assert_eq!(m.taken.len(), cut, "{}: {:?}", g.id, m.taken);
                let mut at = g.start.clone();
                for (from, to) in &m.taken {
                    assert_eq!(from, &at);
                    at = to.clone();
                    let (fi, ti) = (ids.iter().position(|i| i == from).unwrap(), ids.iter().position(|i| i == to).unwrap());
                    assert!(layout.edges.iter().any(|e| e.from == fi && e.to == ti), "{}: edge {from} → {to} is drawn", g.id);
                }
                assert_eq!(at, here);
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "{checked} walks checked");
}

#[test]
fn an_unknown_answer_marks_every_branch_it_opens() {
    let g = Registry::builtin().get("hoogeveen-de-wolden").unwrap().clone();
    let q = g.questions.iter().find(|q| q.unknown.is_some()).expect("a question marked unknown");
    // Walk to that question along the first path that passes it, then answer "?".
    let (answers, _) = paths(&g).unwrap().into_iter().find(|(a, _)| a.contains_key(&q.id)).unwrap();
    let order: Vec<(String, String)> =
        walk_forked(&g, &answers).unwrap().alternatives[0].walk.steps.iter().map(|s| (s.question.clone(), s.answer.clone())).collect();
    let mut part: Answers = order.iter().take_while(|(id, _)| *id != q.id).cloned().collect();
    part.insert(q.id.clone(), "?".into());
    let w = walk_forked(&g, &part).unwrap();
    assert!(w.alternatives.len() > 1);
    let m = marks(&g, &w);
    // Every alternative's position is current, and an edge leaves the unknown question per option.
    for alt in &w.alternatives {
        let (Position::Question(here) | Position::Outcome(here)) = &alt.walk.position;
        assert_eq!(m.of(here), Mark::Current, "{here}");
    }
    // Every option's target is on a route taken (the options may share one target).
    let mut targets: Vec<&str> = successors(&g).get(q.id.as_str()).unwrap().clone();
    targets.sort();
    targets.dedup();
    for t in targets {
        assert!(m.taken(&q.id, t), "edge {} → {t} taken", q.id);
    }
}
