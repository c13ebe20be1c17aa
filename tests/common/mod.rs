//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assay::engine::Language;

/// Every Python and Rust file under these folders of the repository, sorted.
pub fn source_files(dirs: &[&str]) -> Vec<(Language, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = dirs.iter().map(|d| root.join(d)).collect();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Some(l) = Language::from_path(&p) {
                files.push((l, p));
            }
        }
    }
    files.sort();
    files
}
