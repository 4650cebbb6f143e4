//! Compiles every rule file `rules/<id>.json` into `$OUT_DIR/<id>.bin` for the widget.
//!
//! The engine itself (`src/engine`, pure Rust) is compiled into this build script, so each file is
//! parsed and fully validated here, test cases included, by the same code the CLI and the tests use.
//! The output is a tag byte followed by either the guideline as postcard bytes (tag 0: valid) or the
//! Dutch diagnostics (tag 1: defect). A defect file does not break the build or the widget: the
//! widget lists that guideline as unavailable with the message, and the build prints a warning.
//! The widget thus carries neither a JSON parser nor the validator.

#[path = "src/engine/mod.rs"]
#[allow(dead_code, unused_imports)]
mod engine;

use std::{env, fs, path::PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/engine");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut files: Vec<PathBuf> = fs::read_dir("rules")
        .expect("rules/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("utf-8 file name").to_string();
        let text = fs::read_to_string(&path).expect("readable rule file");
        let bytes = match engine::load(&stem, &text) {
            Ok(g) => {
                let mut v = vec![0u8];
                v.extend(postcard::to_allocvec(&g).expect("postcard encodes the model"));
                v
            }
            Err(e) => {
                for d in &e.diagnostics {
                    println!("cargo:warning=rules/{stem}.json: {d}");
                }
                let mut v = vec![1u8];
                v.extend(e.to_string().into_bytes());
                v
            }
        };
        fs::write(out.join(format!("{stem}.bin")), bytes).expect("OUT_DIR is writable");
    }
}
