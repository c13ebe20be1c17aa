//! What a change touches, from git: the lines added or changed since a ref (`--changed-since`),
//! or by the staged commit (`--staged`, with the staged text read from the index). Git finds
//! renames (`-M`); `similar` finds the changed lines within each file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Lines of one file's new content that a change added or changed (0-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangedLines {
    /// A new file: every line counts.
    All,
    Lines(BTreeSet<usize>),
}

impl ChangedLines {
    /// Does the 0-based line range `first..=last` touch a changed line?
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            ChangedLines::All => true,
            ChangedLines::Lines(lines) => lines.range(first..=last.max(first)).next().is_some(),
        }
    }
}

/// The changed files of a repository, keyed by path relative to its root (`/`-separated).
#[derive(Debug, Default)]
pub struct ChangeSet {
    pub root: PathBuf,
    pub files: BTreeMap<String, ChangedLines>,
}

impl ChangeSet {
    /// The changed lines of an absolute path, if the file changed at all.
    pub fn for_path(&self, path: &Path) -> Option<&ChangedLines> {
        self.files.get(&relative_to_root(&self.root, path)?)
    }

    /// Absolute paths of the changed files.
    pub fn paths(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.files.keys().map(|rel| self.root.join(rel))
    }
}

/// `path` relative to the repository root, `/`-separated; None when outside it.
pub fn relative_to_root(root: &Path, path: &Path) -> Option<String> {
    let rel = match path.strip_prefix(root) {
        Ok(rel) => rel.to_path_buf(),
        // the root is canonical (git resolves symlinks); the path may not be
        Err(_) => {
            let canonical = canonical_lenient(path);
            canonical.strip_prefix(root).ok()?.to_path_buf()
        }
    };
    Some(rel.to_string_lossy().replace('\\', "/"))
}

/// Canonicalize the deepest existing ancestor and re-append the rest (the file itself may exist
/// only in the index).
pub fn canonical_lenient(path: &Path) -> PathBuf {
    let mut tail = Vec::new();
    let mut current = path;
    loop {
        if let Ok(c) = current.canonicalize() {
            let mut out = c;
            for part in tail.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (current.parent(), current.file_name()) {
            (Some(parent), Some(name)) => {
                tail.push(name.to_os_string());
                current = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .with_context(|| format!("cannot run git (needed for --changed-since, --staged and scope = \"changed\") in {}", dir.display()))?;
    if !output.status.success() {
        bail!("git {} failed in {}: {}", args.join(" "), dir.display(), String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(output.stdout)
}

/// The top folder of the git work tree containing `dir`.
pub fn repo_root(dir: &Path) -> Result<PathBuf> {
    let out = git(dir, &["rev-parse", "--show-toplevel"]).with_context(|| format!("{} is not inside a git repository", dir.display()))?;
    let root = PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r']));
    Ok(root.canonicalize().unwrap_or(root))
}

/// The repository root when `dir` is inside a git work tree.
pub fn try_repo_root(dir: &Path) -> Option<PathBuf> {
    let out = Command::new("git").arg("-C").arg(dir).args(["rev-parse", "--show-toplevel"]).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let root = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim_end_matches(['\n', '\r']));
    Some(root.canonicalize().unwrap_or(root))
}

fn has_commit(root: &Path, rev: &str) -> bool {
    Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The empty tree of this repository's hash algorithm: what a first commit is compared with.
fn empty_tree(root: &Path) -> Result<String> {
    use std::process::Stdio;
    // an explicitly empty stdin: the hash of zero bytes as a tree
    let child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["hash-object", "-t", "tree", "--stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot run git")?;
    let output = child.wait_with_output().context("cannot run git")?;
    if !output.status.success() {
        bail!("git hash-object failed in {}: {}", root.display(), String::from_utf8_lossy(&output.stderr).trim());
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// One entry of `git diff --name-status -z`.
#[derive(Debug, PartialEq, Eq)]
enum Status {
    Added(String),
    Modified(String),
    Renamed { from: String, to: String },
}

fn parse_name_status(raw: &[u8]) -> Vec<Status> {
    let fields: Vec<String> = raw.split(|b| *b == 0).map(|f| String::from_utf8_lossy(f).into_owned()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let code = fields[i].as_str();
        if code.is_empty() {
            i += 1;
            continue;
        }
        match code.as_bytes()[0] {
            b'R' | b'C' if i + 2 < fields.len() => {
                let (from, to) = (fields[i + 1].clone(), fields[i + 2].clone());
                out.push(if code.starts_with('C') { Status::Added(to) } else { Status::Renamed { from, to } });
                i += 3;
            }
            b'A' if i + 1 < fields.len() => {
                out.push(Status::Added(fields[i + 1].clone()));
                i += 2;
            }
            b'M' | b'T' if i + 1 < fields.len() => {
                out.push(Status::Modified(fields[i + 1].clone()));
                i += 2;
            }
            // deleted, unmerged, unknown: nothing to report on
            _ => i += 2,
        }
    }
    out
}

/// The 0-based lines of `new` that are inserted or replaced relative to `old`.
pub fn changed_lines(old: &str, new: &str) -> BTreeSet<usize> {
    changed_lines_until(old, new, None)
}

/// `changed_lines` with a time limit (the language server diffs on every analysis): past the
/// deadline `similar` settles for a coarser diff, which may mark extra lines as changed.
pub fn changed_lines_until(old: &str, new: &str, deadline: Option<std::time::Instant>) -> BTreeSet<usize> {
    let mut config = similar::TextDiff::configure();
    config.algorithm(similar::Algorithm::Myers);
    if let Some(deadline) = deadline {
        config.deadline(deadline);
    }
    let diff = config.diff_lines(old, new);
    let mut lines = BTreeSet::new();
    for op in diff.ops() {
        if let similar::DiffOp::Insert { new_index, new_len, .. } | similar::DiffOp::Replace { new_index, new_len, .. } = *op {
            lines.extend(new_index..new_index + new_len);
        }
    }
    lines
}

/// Read a blob: `spec` is `REV:path` or `:path` (the index).
fn show(root: &Path, spec: &str) -> Result<Vec<u8>> {
    git(root, &["show", spec])
}

/// Lines added or changed in the working tree since `rev`, untracked (not ignored) files
/// included as wholly new.
pub fn changed_since(dir: &Path, rev: &str) -> Result<ChangeSet> {
    let root = repo_root(dir)?;
    if !has_commit(&root, rev) {
        bail!("--changed-since {rev}: no such commit in the repository at {}", root.display());
    }
    let statuses = parse_name_status(&git(&root, &["diff", "-M", "--name-status", "-z", rev, "--"])?);
    let mut files = BTreeMap::new();
    for status in statuses {
        match status {
            Status::Added(path) => {
                files.insert(path, ChangedLines::All);
            }
            Status::Modified(path) => {
                let old = show(&root, &format!("{rev}:{path}"))?;
                let new = std::fs::read(root.join(&path)).unwrap_or_default();
                files.insert(path, ChangedLines::Lines(changed_lines(&String::from_utf8_lossy(&old), &String::from_utf8_lossy(&new))));
            }
            Status::Renamed { from, to } => {
                let old = show(&root, &format!("{rev}:{from}"))?;
                let new = std::fs::read(root.join(&to)).unwrap_or_default();
                files.insert(to, ChangedLines::Lines(changed_lines(&String::from_utf8_lossy(&old), &String::from_utf8_lossy(&new))));
            }
        }
    }
    let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])?;
    for path in untracked.split(|b| *b == 0).filter(|p| !p.is_empty()) {
        files.insert(String::from_utf8_lossy(path).into_owned(), ChangedLines::All);
    }
    Ok(ChangeSet { root, files })
}

/// The staged commit: changed lines relative to HEAD (or to nothing, before the first commit)
/// and the staged text of each changed file, read from the index.
pub struct Staged {
    pub changes: ChangeSet,
    pub contents: BTreeMap<String, Vec<u8>>,
}

pub fn staged(dir: &Path) -> Result<Staged> {
    let root = repo_root(dir)?;
    let base = if has_commit(&root, "HEAD") { "HEAD".to_string() } else { empty_tree(&root)? };
    let statuses = parse_name_status(&git(&root, &["diff", "--cached", "-M", "--name-status", "-z", &base, "--"])?);
    let mut files = BTreeMap::new();
    let mut contents = BTreeMap::new();
    for status in statuses {
        let (path, old_path) = match status {
            Status::Added(path) => (path, None),
            Status::Modified(path) => (path.clone(), Some(path)),
            Status::Renamed { from, to } => (to, Some(from)),
        };
        let new = show(&root, &format!(":{path}")).with_context(|| format!("cannot read the staged {path}"))?;
        let lines = match old_path {
            None => ChangedLines::All,
            Some(old_path) => {
                let old = show(&root, &format!("HEAD:{old_path}"))?;
                ChangedLines::Lines(changed_lines(&String::from_utf8_lossy(&old), &String::from_utf8_lossy(&new)))
            }
        };
        files.insert(path.clone(), lines);
        contents.insert(path, new);
    }
    Ok(Staged { changes: ChangeSet { root, files }, contents })
}

/// A file's text at HEAD, which the language server's `scope = "changed"` diffs the buffer
/// against. `None` when the file is not in HEAD (or there is no commit): all of it is new.
pub fn committed_text(root: &Path, path: &Path) -> Option<String> {
    let rel = relative_to_root(root, path)?;
    let out = Command::new("git").arg("-C").arg(root).args(["show", &format!("HEAD:{rel}")]).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changed_lines_are_inserts_and_replacements_on_the_new_side() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nB\nc\nx\nd\n";
        assert_eq!(changed_lines(old, new), BTreeSet::from([1, 3]));
        assert!(changed_lines(old, old).is_empty());
        // a deletion adds no lines
        assert!(changed_lines(old, "a\nc\nd\n").is_empty());
    }

    #[test]
    fn name_status_parses_renames_with_similarity_scores() {
        let raw = b"M\0a.py\0R087\0old.py\0new.py\0D\0gone.py\0A\0n.py\0";
        assert_eq!(
            parse_name_status(raw),
            vec![
                Status::Modified("a.py".into()),
                Status::Renamed { from: "old.py".into(), to: "new.py".into() },
                Status::Added("n.py".into())
            ]
        );
    }

    #[test]
    fn ranges_touch_changed_lines() {
        let lines = ChangedLines::Lines(BTreeSet::from([4]));
        assert!(lines.touches(3, 5));
        assert!(lines.touches(4, 4));
        assert!(!lines.touches(5, 9));
        assert!(ChangedLines::All.touches(0, 0));
    }
}
