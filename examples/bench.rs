//! Native benchmark of the engine (a report, not a test): `cargo run --release --example bench`.
//! Median µs per operation over many runs, per guideline: a full walk of the longest path, advice
//! with dates on it, enumerating every path, decoding the widget's data file, and a share link
//! encoded and restored.

use regiewijzer::engine::codec::{decode, Bundle};
use regiewijzer::engine::fragment::{encode, parse, restore};
use regiewijzer::engine::walk::{paths, walk};
use regiewijzer::engine::{advise, Dates, Guideline};
use regiewijzer::guidelines::Registry;
use std::hint::black_box;
use std::time::Instant;

/// Median µs of `f` over batches filling about 0.3 s.
fn median_us(mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    f();
    let once = t.elapsed().as_secs_f64().max(1e-7);
    let per_batch = ((0.01 / once) as usize).clamp(1, 100_000);
    let mut times = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        for _ in 0..per_batch {
            f();
        }
        times.push(t.elapsed().as_secs_f64() * 1e6 / per_batch as f64);
    }
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let reg = Registry::builtin();
    let dates = Dates {
        start: Some("2026-01-31".into()),
        end: Some("2027-12-31".into()),
        moment: Some("2026-01-09T14:00".into()),
        birth: Some("2010-05-01".into()),
        handover: Some("2026-03-01".into()),
        ..Dates::default()
    };
    println!(
        "{:<22} {:>6} {:>6} {:>10} {:>12} {:>12} {:>10} {:>12}",
        "guideline", "nodes", "paths", "walk µs", "advice µs", "all paths µs", "decode µs", "link µs"
    );
    for e in reg.list() {
        let g: &Guideline = reg.get(&e.id).unwrap();
        let all = paths(g).unwrap();
        let (longest, _) = all.iter().max_by_key(|(a, _)| a.len()).unwrap().clone();
        let (_, web, _) = Registry::builtin_files().find(|(id, ..)| *id == e.id).unwrap();
        let walk_us = median_us(|| {
            black_box(walk(g, black_box(&longest)).unwrap());
        });
        let advice_us = median_us(|| {
            black_box(advise(g, black_box(&longest), &dates).unwrap());
        });
        let paths_us = median_us(|| {
            black_box(paths(black_box(g)).unwrap());
        });
        let decode_us = median_us(|| {
            black_box(decode::<Bundle>(black_box(web)).unwrap());
        });
        let link_us = median_us(|| {
            let f = encode(g, &longest, &dates);
            black_box(restore(g, &parse(&f).unwrap()));
        });
        println!(
            "{:<22} {:>6} {:>6} {:>10.2} {:>12.2} {:>12.1} {:>10.1} {:>12.2}",
            e.id,
            g.questions.len() + g.outcomes.len(),
            all.len(),
            walk_us,
            advice_us,
            paths_us,
            decode_us,
            link_us
        );
    }
}
