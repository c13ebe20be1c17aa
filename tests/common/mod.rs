//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use assay::engine::Language;

/// Every Python and Rust file under these folders of the repository, sorted.
#[allow(dead_code)] // not every test crate walks the sources
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

/// Run git in `dir` with no global or system configuration and a fixed identity; panics with
/// git's stderr if it fails. Returns its stdout.
#[allow(dead_code)] // not every test crate runs git
pub fn git(dir: &Path, args: &[&str]) -> String {
    let o = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        // a file that does not exist: no global configuration
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}
