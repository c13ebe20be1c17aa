//! Baselines: the findings a project already had, recorded by fingerprint (rule id + path + hash
//! of the normalized matched text + occurrence index, never a line number), so that only new
//! findings are reported. The file is sorted and has no timestamps, so it merges cleanly.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::{Deserialize, Serialize};

/// Where `assay baseline` writes by default, in the project root.
pub const DEFAULT_FILE: &str = ".assay-baseline.json";
const VERSION: u32 = 1;

/// One known finding. Field order is the sort order: by path, then rule, then fingerprint.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the repository root (or the folder `assay baseline` ran in, outside git).
    pub path: String,
    pub rule_id: String,
    pub fingerprint: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    tool: String,
    findings: Vec<Entry>,
}

#[derive(Debug, Default)]
pub struct Baseline {
    entries: BTreeSet<Entry>,
}

impl Baseline {
    pub fn new(entries: impl IntoIterator<Item = Entry>) -> Self {
        Baseline { entries: entries.into_iter().collect() }
    }

    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| format!("cannot read the baseline {}", path.display()))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .with_context(|| format!("{} is not an assay baseline (create one with `assay baseline`)", path.display()))?;
        if file.version != VERSION {
            bail!("{}: baseline version {} is not supported (expected {VERSION}); recreate it with `assay baseline`", path.display(), file.version);
        }
        Ok(Baseline::new(file.findings))
    }

    /// The file's text: sorted entries, no timestamps, a trailing newline.
    pub fn render(&self) -> String {
        let file = BaselineFile { version: VERSION, tool: "assay".into(), findings: self.entries.iter().cloned().collect() };
        let mut text = serde_json::to_string_pretty(&file).expect("baseline serializes");
        text.push('\n');
        text
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, entry: &Entry) -> bool {
        self.entries.contains(entry)
    }

    /// Entries for the given paths that `seen` does not contain: findings that were fixed or
    /// changed since the baseline was recorded.
    pub fn stale<'a>(&'a self, scanned_paths: &'a BTreeSet<String>, seen: &'a BTreeSet<Entry>) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| scanned_paths.contains(&e.path) && !seen.contains(e))
    }
}

/// The folder baselines and their paths are relative to: the git repository root, or `dir`
/// itself outside a repository.
pub fn project_root(dir: &Path) -> PathBuf {
    super::changes::try_repo_root(dir).unwrap_or_else(|| dir.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, rule: &str, fp: &str) -> Entry {
        Entry { path: path.into(), rule_id: rule.into(), fingerprint: fp.into() }
    }

    #[test]
    fn rendering_is_sorted_and_round_trips() {
        let baseline = Baseline::new([entry("b.py", "r", "2:0"), entry("a.py", "z", "1:0"), entry("a.py", "a", "3:0")]);
        let text = baseline.render();
        let a = text.find("\"a.py\"").unwrap();
        let b = text.find("\"b.py\"").unwrap();
        assert!(a < b);
        assert!(text.find("\"3:0\"").unwrap() < text.find("\"1:0\"").unwrap(), "rule a before rule z");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(DEFAULT_FILE);
        std::fs::write(&path, &text).unwrap();
        let loaded = Baseline::load(&path).unwrap();
        assert_eq!(loaded.render(), text);
        assert!(loaded.contains(&entry("b.py", "r", "2:0")));
    }

    #[test]
    fn a_file_that_is_not_a_baseline_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::fs::write(&path, "{\"findings\": 3}").unwrap();
        let e = format!("{:#}", Baseline::load(&path).unwrap_err());
        assert!(e.contains("x.json") && e.contains("not an assay baseline"), "{e}");
    }
}
