//! Embeds every file under `queries/` into the binary, so assay works offline and a new query
//! rule needs no Rust change. Also fingerprints the engine's source, for the result cache.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

/// Files below `dir` with one of `extensions`, in a stable order.
fn collect(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())).flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, extensions, out);
        } else if path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)) {
            out.push(path);
        }
    }
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let queries = root.join("queries");
    println!("cargo:rerun-if-changed={}", queries.display());
    let mut files = Vec::new();
    collect(&queries, &["toml", "scm"], &mut files);
    let mut code = String::from("/// (path relative to queries/, contents)\npub static EMBEDDED_QUERY_FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
        let rel = file.strip_prefix(&queries).unwrap().to_string_lossy().replace('\\', "/");
        writeln!(code, "    ({rel:?}, include_str!({:?})),", file.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_queries.rs");
    std::fs::write(out, code).unwrap();

    // Cached results are only valid for the engine that produced them: builds from different
    // commits share a version number (pre-commit installs a hook from any revision).
    let engine = root.join("server/src/engine");
    println!("cargo:rerun-if-changed={}", engine.display());
    let mut sources = Vec::new();
    collect(&engine, &["rs"], &mut sources);
    let mut hasher = DefaultHasher::new();
    for file in &sources {
        hasher.write(file.strip_prefix(&root).unwrap().to_string_lossy().as_bytes());
        hasher.write(&std::fs::read(file).expect("read engine source"));
    }
    println!("cargo:rustc-env=ASSAY_ENGINE_FINGERPRINT={:016x}", hasher.finish());
}
