//! Which files a check covers: `.gitignore` respected, hidden files included, `.git/` and
//! assay's own cache and baseline never, excludes from the governing config applied.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::engine::Language;

/// A file to scan, or a reason a path could not be walked.
#[derive(Debug)]
pub enum Walked {
    File(PathBuf),
    Problem { path: PathBuf, message: String },
}

/// Files assay never scans, whatever the configuration says.
pub fn is_own_file(path: &Path) -> bool {
    path.components().any(|c| matches!(c.as_os_str().to_str(), Some(".git" | ".assay_cache")))
        || path.file_name().is_some_and(|n| n == ".assay-baseline.json")
}

/// Every file is checked: Python and Rust with all rules, any other file for secrets (binary
/// files, lock files and minified bundles are then skipped with a notice).
pub fn is_analysable(path: &Path) -> bool {
    Language::from_path(path).is_some() || path.file_name().is_some()
}

/// Walk `roots`. `excluded(path, is_explicit)` decides excludes; a file named on the command
/// line is scanned even if an exclude matches, as in ruff.
/// `prune(root)` gives a cheap, owned check used to skip whole excluded folders while walking.
pub fn walk(
    roots: &[PathBuf],
    excluded: &(dyn Fn(&Path) -> bool + Sync),
    prune: &dyn Fn(&Path) -> Box<dyn Fn(&Path) -> bool + Send + Sync + 'static>,
) -> Vec<Walked> {
    let mut out = Vec::new();
    for root in roots {
        if !root.exists() && !root.is_symlink() {
            out.push(Walked::Problem { path: root.clone(), message: "no such file or directory".into() });
            continue;
        }
        if root.is_file() {
            out.push(Walked::File(root.clone()));
            continue;
        }
        let pruned = prune(root);
        let walker = WalkBuilder::new(root)
            .hidden(false)
            .follow_links(true)
            .git_global(false)
            .require_git(false)
            .filter_entry(move |entry| !is_own_file(entry.path()) && !(entry.depth() > 0 && pruned(entry.path())))
            .build();
        for entry in walker {
            match entry {
                Ok(entry) => {
                    let path = entry.path();
                    if entry.file_type().is_some_and(|t| t.is_file()) && is_analysable(path) && !excluded(path) {
                        out.push(Walked::File(path.to_path_buf()));
                    }
                }
                Err(err) => {
                    let path = error_path(&err).unwrap_or_else(|| root.clone());
                    let message = if err.is_io() && err.to_string().contains("loop") {
                        "skipped: symbolic link loop".to_string()
                    } else {
                        format!("skipped: {}", strip_path(&err.to_string()))
                    };
                    out.push(Walked::Problem { path, message });
                }
            }
        }
    }
    out
}

fn error_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::WithDepth { err, .. } => error_path(err),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithLineNumber { err, .. } => error_path(err),
        _ => None,
    }
}

fn strip_path(message: &str) -> String {
    // ignore's messages read "IO error for operation on X: reason"; keep the reason.
    message.rsplit(": ").next().unwrap_or(message).to_string()
}
