//! Helpers shared by the integration tests (each test crate uses some of them).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// Run git in `dir` with no global or system configuration and a fixed identity; panics with
/// git's stderr if it fails. Returns its stdout.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let o = Command::new("git")
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

pub const BIN: &str = env!("CARGO_BIN_EXE_assay");

/// A temporary folder to write files into and run the real binary in.
pub struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    pub fn new() -> Self {
        Project { dir: tempfile::tempdir().unwrap() }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    pub fn write(&self, rel: &str, text: &str) -> PathBuf {
        self.write_bytes(rel, text.as_bytes())
    }
    pub fn write_bytes(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }
    /// `assay ARGS` in the folder `dir` of the project, without colour or a dev query folder.
    pub fn assay_in(&self, dir: &str, args: &[&str]) -> Output {
        Command::new(BIN).args(args).current_dir(self.path().join(dir)).env("NO_COLOR", "1").env_remove("ASSAY_QUERIES_DIR").output().unwrap()
    }
    pub fn assay(&self, args: &[&str]) -> Output {
        self.assay_in("", args)
    }
}
