//! Narrowing a scan to what a reviewer should see: findings recorded in a baseline are left out,
//! and with a change set only findings on added or changed lines remain. Fingerprints are taken
//! before anything is removed, so occurrence indices match what `assay baseline` recorded.

use std::collections::BTreeSet;
use std::path::Path;

use super::baseline::{Baseline, Entry};
use super::changes::ChangeSet;
use super::ScannedFile;

pub struct Review<'a> {
    /// What baseline paths and fingerprints are relative to.
    pub root: &'a Path,
    pub baseline: Option<&'a Baseline>,
    pub changes: Option<&'a ChangeSet>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    /// Findings left out because the baseline records them.
    pub known: usize,
    /// Findings left out because they are on lines the change did not touch.
    pub unchanged: usize,
    /// Baseline entries for scanned files that no finding matched any more.
    pub stale: Vec<Entry>,
}

impl Review<'_> {
    pub fn apply(&self, files: &mut [ScannedFile]) -> Outcome {
        let mut outcome = Outcome::default();
        if self.baseline.is_none() && self.changes.is_none() {
            return outcome;
        }
        let mut seen = BTreeSet::new();
        let mut scanned_paths = BTreeSet::new();
        for file in files.iter_mut() {
            let path = crate::report::repo_path(file, self.root);
            let prints = crate::report::fingerprints(file, self.root);
            let changed = self.changes.map(|c| c.for_path(&file.path));
            let mut keep = Vec::with_capacity(prints.len());
            for (finding, fingerprint) in file.report.findings.iter().zip(prints) {
                if let (Some(baseline), None) = (self.baseline, &finding.suppression) {
                    let entry = Entry { path: path.clone(), rule_id: finding.rule_id.clone(), fingerprint };
                    if baseline.contains(&entry) {
                        outcome.known += 1;
                        seen.insert(entry);
                        keep.push(false);
                        continue;
                    }
                }
                let on_change = match changed {
                    None => true,
                    Some(None) => false,
                    Some(Some(lines)) => lines.touches(finding.range.start.line, finding.range.end.line),
                };
                if !on_change {
                    outcome.unchanged += 1;
                }
                keep.push(on_change);
            }
            let mut flags = keep.into_iter();
            file.report.findings.retain(|_| flags.next().unwrap_or(true));
            scanned_paths.insert(path);
        }
        if let Some(baseline) = self.baseline {
            outcome.stale = baseline.stale(&scanned_paths, &seen).cloned().collect();
        }
        outcome
    }
}
