//! A cargo-fuzz-style loop that runs on stable: seeded, reproducible mutations of real inputs (and
//! random ones) fed to every reader of outside input, each call under `catch_unwind`. A report, not
//! a test: `cargo run --release --example fuzz -- [all|json|compiled|fragment|date|config|cli] [N]`
//! (default: all, a million inputs per target). Exit code 1 when any input panicked.

#[path = "../src/bin/regiewijzer.rs"]
#[allow(dead_code)]
mod cli;

use regiewijzer::engine::codec::{decode, Bundle, Listing};
use regiewijzer::engine::dates::{parse_date, parse_moment};
use regiewijzer::engine::fragment::{encode, parse, restore};
use regiewijzer::engine::walk::{paths, walk_forked};
use regiewijzer::engine::{load, Dates, Guideline};
use regiewijzer::guidelines::Registry;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

/// splitmix64: small, seeded, good enough to pick mutations.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const INTERESTING: &[&[u8]] = &[
    b"/",
    b"=",
    b"?",
    b"%",
    b"#",
    b"%2F",
    b"%C3%A9",
    b"\xC3\xA9",
    b"\xF0\x9F\x98\x80",
    b"\xFF",
    b"0",
    b"9",
    b"-",
    b":",
    b"T",
    b"{",
    b"}",
    b"\"",
    b"\\",
    b",",
    b"[",
    b"]",
    b"\0",
    b"\xE2\x80\x8B",
];

/// One to four mutations of `seed`: flip, set, insert interesting bytes, cut, duplicate a slice.
fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            2 => {
                let s = INTERESTING[rng.below(INTERESTING.len())];
                v.splice(at..at, s.iter().copied());
            }
            3 => v.truncate(at),
            4 if !v.is_empty() => {
                let from = rng.below(v.len());
                let to = (from + 1 + rng.below(64)).min(v.len());
                let s = v[from..to].to_vec();
                v.splice(at..at, s);
            }
            _ => {
                let n = rng.below(64);
                for _ in 0..n {
                    v.insert(at.min(v.len()), rng.next() as u8);
                }
            }
        }
    }
    if rng.below(50) == 0 {
        // Now and then a very long input.
        let s = v.clone();
        for _ in 0..rng.below(200) {
            v.extend_from_slice(&s[..s.len().min(64)]);
        }
    }
    v
}

fn random(rng: &mut Rng) -> Vec<u8> {
    (0..rng.below(300)).map(|_| rng.next() as u8).collect()
}

/// A fuzz target's entry point: one input.
type Run = Box<dyn Fn(&[u8])>;

struct Target {
    name: &'static str,
    seeds: Vec<Vec<u8>>,
    run: Run,
}

fn targets(guidelines: &[Guideline]) -> Vec<Target> {
    let rules: Vec<Vec<u8>> = std::fs::read_dir("rules")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    let compiled: Vec<Vec<u8>> = Registry::builtin_files().flat_map(|(_, web, cases)| [web.to_vec(), cases.to_vec()]).collect();
    let dates = Dates {
        start: Some("2026-01-31".into()),
        end: Some("2027-12-31".into()),
        moment: Some("2026-01-09T14:00".into()),
        ..Dates::default()
    };
    let links: Vec<Vec<u8>> = guidelines
        .iter()
        .flat_map(|g| {
            paths(g).unwrap().into_iter().step_by(7).map(|(a, _)| format!("#{}", encode(g, &a, &dates)).into_bytes()).collect::<Vec<_>>()
        })
        .collect();
    let gs = guidelines.to_vec();
    let known: Vec<(String, Vec<String>)> = Registry::index().list().into_iter().map(|e| (e.id, e.configurable)).collect();
    vec![
        Target {
            name: "json",
            seeds: rules,
            run: Box::new(|b| {
                let _ = load("fuzz", &String::from_utf8_lossy(b));
            }),
        },
        Target {
            name: "compiled",
            seeds: compiled,
            run: Box::new(|b| {
                let _ = decode::<Bundle>(b);
                let _ = decode::<Vec<Listing>>(b);
            }),
        },
        Target {
            name: "fragment",
            seeds: links,
            run: Box::new(move |b| {
                if let Some(p) = parse(&String::from_utf8_lossy(b)) {
                    for g in gs.iter().filter(|g| g.id == p.guideline) {
                        let r = restore(g, &p);
                        walk_forked(g, &r.answers).expect("restored answers walk");
                    }
                }
            }),
        },
        Target {
            name: "date",
            seeds: vec![b"2026-01-31".to_vec(), b"2026-01-09T14:00".to_vec(), b"2024-02-29".to_vec()],
            run: Box::new(|b| {
                let s = String::from_utf8_lossy(b);
                let _ = parse_date("fuzz", &s);
                let _ = parse_moment("fuzz", &s);
            }),
        },
        Target {
            name: "config",
            seeds: vec![include_bytes!("../www/configuratie-voorbeeld.json").to_vec()],
            run: Box::new(move |b| {
                let _ = regiewijzer::config::parse(&String::from_utf8_lossy(b), &known);
            }),
        },
        Target {
            name: "cli",
            seeds: vec![b"rol=toegang verwijzer=huisarts --start 2026-01-31 --end 2027-12-31 --moment 2026-01-09T14:00".to_vec()],
            run: Box::new(|b| {
                let args: Vec<String> = String::from_utf8_lossy(b).split(' ').map(str::to_string).collect();
                let _ = cli::parse_advise_args(&args);
            }),
        },
    ]
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let which = args.first().cloned().unwrap_or_else(|| "all".into());
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1_000_000);
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20261122);
    let reg = Registry::builtin();
    let guidelines: Vec<Guideline> = reg.list().into_iter().map(|e| reg.get(&e.id).unwrap().clone()).collect();
    std::panic::set_hook(Box::new(|_| {}));
    println!("seed {seed} (FUZZ_SEED), {n} inputs per target");
    println!("{:<10} {:>10} {:>9} {:>12} {:>7}", "target", "inputs", "seconds", "inputs/s", "panics");
    let mut failed = false;
    for t in targets(&guidelines).into_iter().filter(|t| which == "all" || which == t.name) {
        let mut rng = Rng(seed ^ t.name.len() as u64);
        let start = Instant::now();
        let mut panics = 0;
        for i in 0..n {
            let input = if i % 10 == 0 || t.seeds.is_empty() {
                random(&mut rng)
            } else {
                let k = rng.below(t.seeds.len());
                mutate(&mut rng, &t.seeds[k])
            };
            if catch_unwind(AssertUnwindSafe(|| (t.run)(&input))).is_err() {
                panics += 1;
                if panics <= 3 {
                    eprintln!("PANIC in {} on input {:?}", t.name, String::from_utf8_lossy(&input));
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!("{:<10} {:>10} {:>9.1} {:>12.0} {:>7}", t.name, n, secs, n as f64 / secs, panics);
        failed |= panics > 0;
    }
    std::process::exit(i32::from(failed));
}
