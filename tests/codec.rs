//! The compact form the widget loads: every built-in file survives the round trip, strings are
//! stored once, and garbage or a cut-off file gives an error, never a panic.

use proptest::prelude::*;
use regiewijzer::engine::codec::{decode, encode, Bundle, Code, CodecError, Listing, VERSION};
use regiewijzer::engine::load;
use regiewijzer::engine::model::{ContactAnswer, DateField, Guideline, InterpretationKind, Span, TestCase};
use regiewijzer::guidelines::Registry;

fn json_files() -> Vec<(String, String)> {
    let dir = format!("{}/rules", env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    v.sort();
    v
}

/// Loaded and laid out once for all tests (the layout is the slow part in a debug build).
static BUNDLES: std::sync::LazyLock<Vec<Bundle>> = std::sync::LazyLock::new(|| {
    json_files().into_iter().map(|(id, json)| Bundle::new(load(&id, &json).unwrap_or_else(|e| panic!("{id}: {e}")))).collect()
});

fn bundles() -> Vec<Bundle> {
    BUNDLES.clone()
}

#[test]
fn every_builtin_file_round_trips() {
    for b in bundles() {
        let bytes = encode(&b);
        assert_eq!(decode::<Bundle>(&bytes).unwrap(), b, "{}", b.guideline.id);
        let walk = b.for_walk();
        assert_eq!(decode::<Bundle>(&encode(&walk)).unwrap(), walk);
        assert!(walk.guideline.tests.is_empty() && walk.guideline.headings.is_empty() && walk.guideline.not_modelled.is_empty());
        assert_eq!(walk.guideline.questions, b.guideline.questions);
        let cases: Vec<TestCase> = decode(&encode(&b.guideline.tests)).unwrap();
        assert_eq!(cases, b.guideline.tests);
    }
}

#[test]
fn the_registry_serves_what_the_json_says() {
    let reg = Registry::builtin();
    for b in bundles() {
        assert_eq!(reg.get(&b.guideline.id).unwrap(), &b.guideline, "{}: compiled form differs from the JSON", b.guideline.id);
        assert_eq!(reg.layout(&b.guideline.id), Some(&b.layout));
    }
    let ids: Vec<String> = reg.list().into_iter().map(|e| e.id).collect();
    assert_eq!(ids, ["westfriesland", "oost-veluwe", "flevoland", "hoogeveen-de-wolden", "zeeland"], "seed order");
}

#[test]
fn the_widget_index_loads_data_on_demand() {
    let mut reg = Registry::index();
    assert!(reg.needs_data("zeeland"));
    assert!(reg.get("zeeland").unwrap_err().to_string().contains("nog niet geladen"));
    let (_, web, _) = Registry::builtin_files().find(|(id, ..)| *id == "zeeland").unwrap();
    reg.insert("zeeland", web).unwrap();
    assert!(!reg.needs_data("zeeland"));
    assert!(reg.get("zeeland").unwrap().tests.is_empty(), "the widget's data leaves the test cases out");
    // The wrong file for an id, or a broken one, marks the entry defect with a Dutch message.
    let (_, other, _) = Registry::builtin_files().find(|(id, ..)| *id == "flevoland").unwrap();
    let e = reg.insert("westfriesland", other).unwrap_err();
    assert!(e.to_string().contains("bevat richtlijn 'flevoland'"), "{e}");
    assert!(reg.insert("oost-veluwe", b"<html>niet gevonden</html>").unwrap_err().to_string().contains("niet te lezen"));
    assert_eq!(reg.entry("oost-veluwe").unwrap().status, regiewijzer::guidelines::Status::Defect);
}

#[test]
fn repeated_strings_are_stored_once() {
    let b = bundles().into_iter().find(|b| b.guideline.id == "westfriesland").unwrap();
    let bytes = encode(&b);
    let seed = b.guideline.seed.as_bytes();
    let count = bytes.windows(seed.len()).filter(|w| *w == seed).count();
    assert_eq!(count, 1, "the seed file name appears once in the table");
}

#[test]
fn strings_end_in_a_zero_byte_and_a_reference_only_points_back() {
    // A zero byte in a text (a \u0000 escape in JSON) cannot end it early: it becomes U+FFFD.
    let texts = vec!["één\0twee".to_string(), "drie".to_string(), "één\0twee".to_string()];
    let bytes = encode(&texts);
    assert_eq!(decode::<Vec<String>>(&bytes).unwrap(), vec!["één\u{FFFD}twee", "drie", "één\u{FFFD}twee"]);
    // Table of two strings, then the body: a count of 3, new, new, the first again.
    let mut expect = b"RWD".to_vec();
    expect.push(VERSION);
    expect.push(2);
    expect.extend("één\u{FFFD}twee\0drie\0".as_bytes());
    expect.extend([3, 0, 0, 1]);
    assert_eq!(bytes, expect);
    // A reference to a string the body has not used yet is a mangled file, not a panic.
    let mut forward = expect.clone();
    let n = forward.len();
    forward[n - 3..].copy_from_slice(&[2, 0, 0]);
    assert_eq!(decode::<Vec<String>>(&forward), Err(CodecError::Invalid));
    // A table whose last string has no zero byte is cut off.
    let mut open = b"RWD".to_vec();
    open.extend([VERSION, 1]);
    open.extend(b"abc");
    assert_eq!(decode::<Vec<String>>(&open), Err(CodecError::Truncated));
}

#[test]
fn every_cut_off_file_is_an_error() {
    // The smallest file (every prefix of it); decoding is linear, so all prefixes of the largest
    // would take minutes in a debug build without telling more.
    let bytes = encode(&bundles().into_iter().min_by_key(|b| encode(&b.for_walk()).len()).unwrap().for_walk());
    for n in 0..bytes.len() {
        assert!(decode::<Bundle>(&bytes[..n]).is_err(), "prefix of {n} bytes decoded");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(decode::<Bundle>(&longer), Err(CodecError::Trailing));
    let mut other = bytes;
    other[3] = other[3].wrapping_add(1);
    assert_eq!(decode::<Bundle>(&other), Err(CodecError::Header));
    assert!(decode::<Vec<Listing>>(b"").is_err());
}

/// Every variant of an enum, with a value for each field, e.g. `every_variant!(Span { Hours(1), … })`.
/// The `match` has no wildcard arm: a variant added to the model and not listed here does not
/// compile, so the round trip below always covers them all (not only those the rules use today).
macro_rules! every_variant {
    ($t:ident { $($v:ident $(($x:expr))?),+ $(,)? }) => {{
        let all = vec![$($t::$v $(($x))?),+];
        for value in &all {
            match value {
                $($t::$v { .. })|+ => {}
            }
        }
        all
    }};
}

/// Each value survives the round trip, and no two encode alike; one tag past the last is a typed
/// error (the tag is the first byte of the body, after the header and an empty string table).
fn every_tag_round_trips<T: Code + PartialEq + std::fmt::Debug>(all: Vec<T>) {
    let files: Vec<Vec<u8>> = all.iter().map(encode).collect();
    for (value, bytes) in all.iter().zip(&files) {
        assert_eq!(&decode::<T>(bytes).unwrap(), value);
        assert_eq!(files.iter().filter(|b| *b == bytes).count(), 1, "{value:?} encodes like another value");
    }
    let mut unknown = files[0].clone();
    assert_eq!(&unknown[..5], [b'R', b'W', b'D', VERSION, 0]);
    unknown[5] = all.len() as u8;
    assert_eq!(decode::<T>(&unknown), Err(CodecError::Invalid), "tag {} of {}", all.len(), std::any::type_name::<T>());
}

#[test]
fn every_variant_of_every_tagged_enum_round_trips() {
    every_tag_round_trips(every_variant!(InterpretationKind { Interpretatie, NietEenduidig }));
    every_tag_round_trips(every_variant!(ContactAnswer { Ja, Nee, Mag }));
    every_tag_round_trips(every_variant!(DateField { Start, End, Moment, Birth, Handover }));
    every_tag_round_trips(every_variant!(Span { Hours(0), Weeks(6), Months(12), Years(u32::MAX) }));
}

static SAMPLE: std::sync::LazyLock<Vec<u8>> =
    std::sync::LazyLock::new(|| encode(BUNDLES.iter().find(|b| b.guideline.id == "zeeland").unwrap()));

fn sample() -> Vec<u8> {
    SAMPLE.clone()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode::<Bundle>(&bytes);
        let _ = decode::<Guideline>(&bytes);
        let mut framed = b"RWD".to_vec();
        framed.push(VERSION);
        framed.extend(&bytes);
        let _ = decode::<Bundle>(&framed);
        let _ = decode::<Vec<Listing>>(&framed);
    }

    #[test]
    fn mutated_files_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = sample();
        for (i, b) in edits {
            let at = i.index(bytes.len());
            bytes[at] = b;
        }
        let _ = decode::<Bundle>(&bytes);
    }
}
