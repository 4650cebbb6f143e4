//! Benchmark of "what does this change do?" (a report, not a test):
//! `cargo run --release --example diff_bench`.
//!
//! Per built-in guideline, the diff of the guideline against a copy with one change (the regie
//! text of the outcome most routes reach, so every one of those routes changes and is grouped):
//! median milliseconds per diff, and routes compared per second (old routes / time; each route is
//! walked in both versions and advised twice, schedules included). The largest guideline
//! (Hoogeveen/De Wolden, by routes) is the one the issue asks about.

use regiewijzer::engine::walk::paths;
use regiewijzer::engine::{diff, Dates, Guideline};
use regiewijzer::guidelines::Registry;
use std::hint::black_box;
use std::time::Instant;

/// Runs per guideline; the median is reported (a diff of the largest guideline takes long enough
/// that a few runs give a stable figure).
const RUNS: usize = 7;

/// Median seconds of `f` over [`RUNS`] runs.
fn median_s(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

/// `g` with one change: the regie text of the outcome the most routes reach.
fn one_change(g: &Guideline) -> Guideline {
    let all = paths(g).expect("a built-in guideline has few enough routes");
    let busiest = g.outcomes.iter().max_by_key(|o| all.iter().filter(|(_, id)| *id == o.id).count()).expect("outcomes");
    let mut new = g.clone();
    let o = new.outcomes.iter_mut().find(|o| o.id == busiest.id).expect("the same outcome");
    o.regie.push_str(" (gewijzigd)");
    new
}

fn main() {
    let reg = Registry::builtin();
    let dates = Dates { start: Some("2026-01-31".into()), end: Some("2027-12-31".into()), ..Dates::default() };
    println!("{:<22} {:>7} {:>9} {:>10} {:>14}", "guideline", "routes", "changed", "ms/diff", "routes/s");
    for e in reg.list() {
        let g = reg.get(&e.id).expect("built-in guideline");
        let new = one_change(g);
        let d = diff(g, &new, &dates);
        let s = median_s(|| {
            black_box(diff(black_box(g), black_box(&new), &dates));
        });
        println!("{:<22} {:>7} {:>9} {:>10.1} {:>14.0}", e.id, d.routes_old, d.routes_changed, s * 1e3, d.routes_old as f64 / s);
    }
}
