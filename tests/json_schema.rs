//! The rule-file format as a JSON Schema (`rules/schema/regelbestand.schema.json`): the kept file
//! is what the model's types generate (`regiewijzer schema`), every rule file names it in
//! `"$schema"` and follows it, and the loader accepts `"$schema"` but no other unknown key.
//!
//! The schema check here is small and written for this schema: it knows the keywords schemars
//! emits for the model (and fails on any other, so a new keyword cannot be ignored silently).

use regiewijzer::engine::codec::{encode, Bundle};
use regiewijzer::engine::{load, ErrorKind};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const KEPT: &str = "rules/schema/regelbestand.schema.json";

/// Keywords the check below applies.
const CHECKED: &[&str] =
    &["$ref", "type", "enum", "const", "oneOf", "anyOf", "minimum", "required", "properties", "additionalProperties", "items"];
/// Keywords that only describe (no check needed).
const ANNOTATIONS: &[&str] = &["$schema", "$defs", "title", "description", "default", "format", "writeOnly", "readOnly", "examples"];

fn kept() -> Value {
    serde_json::from_str(&fs::read_to_string(KEPT).expect("the kept schema exists")).expect("the kept schema is JSON")
}

/// Every rule file of the repository: the built-in ones and the example of a gemeente's own file.
fn rule_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir("rules")
        .expect("rules/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the built-in rule files: {files:?}");
    files.push(PathBuf::from("www/eigen-regels-voorbeeld.json"));
    files
}

fn json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).expect("readable rule file")).expect("rule file is JSON")
}

#[test]
fn the_kept_schema_is_what_the_types_generate() {
    let out = Command::new(env!("CARGO_BIN_EXE_regiewijzer")).arg("schema").output().expect("binary runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let generated = String::from_utf8(out.stdout).expect("utf-8");
    let kept = fs::read_to_string(KEPT).expect("the kept schema exists");
    assert!(generated == kept, "{KEPT} is stale: regenerate it with\n  cargo run --bin regiewijzer -- schema > {KEPT}");
    let schema: Value = serde_json::from_str(&generated).expect("JSON");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["title"], "Regelbestand van de Regiewijzer");
    assert_eq!(schema["additionalProperties"], false, "unknown top-level keys are errors in an editor too");
    assert_eq!(schema["properties"]["$schema"]["type"], "string");
    // Doc comments are the descriptions.
    assert!(schema["$defs"]["Source"]["properties"]["quote"]["description"].as_str().unwrap().contains("Verbatim quote"));
}

#[test]
fn the_schema_uses_only_keywords_the_check_knows() {
    fn keywords(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, x) in o {
                    out.push(k.clone());
                    match k.as_str() {
                        // Maps of names to schemas: the names are not keywords.
                        "properties" | "$defs" => x.as_object().into_iter().flat_map(|m| m.values()).for_each(|s| keywords(s, out)),
                        // Values, not schemas.
                        "const" | "enum" | "default" | "examples" | "required" => {}
                        _ => keywords(x, out),
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| keywords(x, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    keywords(&kept(), &mut found);
    let unknown: Vec<&String> = found.iter().filter(|k| !CHECKED.contains(&k.as_str()) && !ANNOTATIONS.contains(&k.as_str())).collect();
    assert!(unknown.is_empty(), "teach the check in tests/json_schema.rs these keywords: {unknown:?}");
}

/// Every way `value` (at `at`) breaks `schema`; `root` holds the `$defs`.
fn violations(root: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").unwrap_or_else(|| panic!("unsupported $ref {r}"));
        violations(root, &root["$defs"][name], value, at, out);
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => panic!("bad type {t}"),
        };
        let fits = |t: &str| match t {
            "string" => value.is_string(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "null" => value.is_null(),
            _ => panic!("unknown type {t}"),
        };
        if !types.iter().any(|t| fits(t)) {
            out.push(format!("{at}: expected {types:?}, found {value}"));
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(value) {
            out.push(format!("{at}: {value} is not one of {e:?}"));
        }
    }
    if let Some(c) = schema.get("const") {
        if c != value {
            out.push(format!("{at}: expected {c}, found {value}"));
        }
    }
    for (key, exactly_one) in [("oneOf", true), ("anyOf", false)] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            let results: Vec<Vec<String>> = alts
                .iter()
                .map(|alt| {
                    let mut o = Vec::new();
                    violations(root, alt, value, at, &mut o);
                    o
                })
                .collect();
            let fitting = results.iter().filter(|o| o.is_empty()).count();
            if fitting == 0 {
                // The alternative the value fits at this level says what is wrong deeper in (for
                // an Option: the value's own type, not "null").
                let here = format!("{at}: ");
                out.extend(
                    results.into_iter().min_by_key(|o| (o.iter().filter(|m| m.starts_with(&here)).count(), o.len())).unwrap_or_default(),
                );
                out.push(format!("{at}: {value} fits none of the {key} alternatives"));
            } else if exactly_one && fitting > 1 {
                out.push(format!("{at}: {value} fits {fitting} of the {key} alternatives, not one"));
            }
        }
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), value.as_f64()) {
        if n < min {
            out.push(format!("{at}: {n} is below {min}"));
        }
    }
    if let Value::Object(o) = value {
        for r in schema.get("required").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
            if !o.contains_key(r) {
                out.push(format!("{at}: required property '{r}' is missing"));
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, x) in o {
            let at = format!("{at}/{k}");
            match (props.and_then(|p| p.get(k)), schema.get("additionalProperties")) {
                (Some(s), _) => violations(root, s, x, &at, out),
                (None, Some(Value::Bool(false))) => out.push(format!("{at}: unknown property")),
                (None, Some(s @ Value::Object(_))) => violations(root, s, x, &at, out),
                (None, _) => {}
            }
        }
    }
    if let (Value::Array(a), Some(items)) = (value, schema.get("items")) {
        for (i, x) in a.iter().enumerate() {
            violations(root, items, x, &format!("{at}/{i}"), out);
        }
    }
}

fn check(value: &Value) -> Vec<String> {
    let root = kept();
    let mut out = Vec::new();
    violations(&root, &root, value, "", &mut out);
    out
}

#[test]
fn every_rule_file_follows_the_schema() {
    for path in rule_files() {
        let problems = check(&json(&path));
        assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
    }
}

#[test]
fn the_check_finds_what_the_schema_forbids() {
    let good = json(Path::new("rules/westfriesland.json"));
    let broken = |edit: &dyn Fn(&mut Value)| {
        let mut v = good.clone();
        edit(&mut v);
        check(&v)
    };
    let unknown = broken(&|v| v["questions"][0]["tekst"] = "typo".into());
    assert!(unknown.iter().any(|p| p.ends_with("/questions/0/tekst: unknown property")), "{unknown:?}");
    let missing = broken(&|v| {
        v["outcomes"][0].as_object_mut().unwrap().remove("title");
    });
    assert!(missing.iter().any(|p| p.contains("/outcomes/0: required property 'title' is missing")), "{missing:?}");
    let wrong = broken(&|v| v["headings"] = "Hoofdstuk 1".into());
    assert!(wrong.iter().any(|p| p.starts_with("/headings: expected [\"array\"]")), "{wrong:?}");
    let tag = broken(&|v| v["outcomes"][0]["provider"] = serde_json::json!({ "answer": "misschien", "text": "…" }));
    assert!(tag.iter().any(|p| p.contains("/outcomes/0/provider/answer")), "{tag:?}");
    let span = broken(&|v| v["cadences"][0]["first_review"] = serde_json::json!({ "dagen": 3 }));
    assert!(span.iter().any(|p| p.contains("/cadences/0/first_review")), "{span:?}");
    let top = broken(&|v| v["$schemas"] = "x".into());
    assert!(top.iter().any(|p| p == "/$schemas: unknown property"), "{top:?}");
}

#[test]
fn every_rule_file_names_the_kept_schema() {
    let kept = fs::canonicalize(KEPT).expect("the kept schema exists");
    for path in rule_files() {
        let text = fs::read_to_string(&path).expect("readable");
        assert!(text.starts_with("{\n  \"$schema\": \""), "{}: \"$schema\" is the first line of the object", path.display());
        let named = json(&path)["$schema"].as_str().map(str::to_string).expect("a $schema string");
        let resolved = fs::canonicalize(path.parent().expect("in a folder").join(&named));
        assert_eq!(resolved.ok(), Some(kept.clone()), "{}: \"$schema\": {named:?} does not lead to {KEPT}", path.display());
    }
}

#[test]
fn the_loader_accepts_schema_and_nothing_else_unknown() {
    let with = fs::read_to_string("rules/westfriesland.json").expect("readable");
    let mut v: Value = serde_json::from_str(&with).expect("JSON");
    assert!(v.get("$schema").is_some());
    let g = load("westfriesland", &with).expect("a file with $schema loads");

    // Without the line, the same guideline, and the same compact form: the widget's data does not grow.
    v.as_object_mut().unwrap().remove("$schema");
    let without = load("westfriesland", &v.to_string()).expect("a file without $schema loads");
    assert_eq!(g, without);
    assert_eq!(encode(&Bundle::new(g.clone())), encode(&Bundle::new(without)));
    // Written out again, the guideline carries no "$schema" of its own (it is the file's, not the rules').
    assert!(serde_json::to_value(&g).unwrap().get("$schema").is_none());

    // "$schema" is a string, as the schema says (a number is a parse error, like any mistyped field).
    let mut number = v.clone();
    number["$schema"] = 3.into();
    let e = load("westfriesland", &number.to_string()).expect_err("a number");
    assert!(matches!(&e.diagnostics[0].kind, ErrorKind::Parse { message } if message.contains("expected a string")), "{e:?}");

    for key in ["$schemas", "schema", "opmerking"] {
        let mut other = v.clone();
        other[key] = "schema/regelbestand.schema.json".into();
        let e = load("westfriesland", &other.to_string()).expect_err(key);
        assert!(
            matches!(&e.diagnostics[0].kind, ErrorKind::Parse { message } if message.contains(&format!("unknown field `{key}`"))),
            "{key}: {e:?}"
        );
    }
}
