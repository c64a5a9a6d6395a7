//! Replays the fuzz corpora (`fuzz/corpus/json`, `fuzz/corpus/form`) on stable, through the same checks the fuzz targets run (`fuzz/checks.rs`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::Path;

/// Runs `check` on every file of `fuzz/corpus/<target>`; returns how many there were.
#[track_caller]
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(outcome.is_ok(), "{} fails its checks", file.display());
    }
    files.len()
}

#[test]
fn json_corpus_keeps_every_property() {
    let count = replay("json", checks::json);
    assert!(count >= 400, "{count} inputs");
}

#[test]
fn form_corpus_keeps_every_property() {
    let count = replay("form", checks::form);
    assert!(count >= 4, "{count} inputs");
}
