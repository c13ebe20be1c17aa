//! The server's view of a change: `scope = "changed"` shows findings on lines unchanged since
//! HEAD as hints (or hides them with `hideUnchanged`), and a baseline (client setting `baseline`
//! or the config's `baseline` key) hides known findings. Git state (the committed text of each
//! file, repository roots) and baselines are cached and refreshed on save or when watched files
//! change, never fetched per keystroke; the in-memory line diff against the cached text is cheap.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tower_lsp_server::ls_types::DiagnosticSeverity;

use super::documents::Analysis;
use crate::engine::Catalog;
use crate::project::baseline::{self, Baseline, Entry};
use crate::project::changes;
use crate::project::config::ConfigResolver;

/// The review settings of a workspace, from the client settings.
#[derive(Clone, Debug, Default)]
pub struct ReviewSettings {
    /// `scope = "changed"`.
    pub changed_only: bool,
    /// With `changed_only`: hide findings on unchanged lines instead of showing hints.
    pub hide_unchanged: bool,
    /// The client's `baseline`, resolved against the first workspace folder.
    pub baseline: Option<PathBuf>,
}

impl ReviewSettings {
    pub fn new(scope: Option<&str>, hide_unchanged: bool, baseline: Option<&str>, folders: &[PathBuf]) -> Result<Self, String> {
        let changed_only = match scope.unwrap_or("all") {
            "all" => false,
            "changed" => true,
            other => return Err(format!("invalid assay settings: scope must be \"all\" or \"changed\", not {other:?}")),
        };
        let baseline = baseline.map(|b| match folders.first() {
            Some(folder) => folder.join(b),
            None => PathBuf::from(b),
        });
        Ok(ReviewSettings { changed_only, hide_unchanged, baseline })
    }
}

/// Cached git and baseline state, shared by all analyses.
#[derive(Default)]
pub struct ReviewCache {
    /// Repository root (or None outside git) per folder.
    roots: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    /// Text at HEAD per file; None when the file is not committed (all of it is new).
    committed: Mutex<HashMap<PathBuf, Option<Arc<str>>>>,
    /// Parsed baselines per file; None when unreadable (reported once).
    baselines: Mutex<HashMap<PathBuf, Option<Arc<Baseline>>>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// What the server needs to narrow one analysis.
pub struct ReviewInput<'a> {
    pub settings: &'a ReviewSettings,
    pub resolver: &'a ConfigResolver,
    pub catalog: &'a Catalog,
    pub path: &'a Path,
    pub text: &'a str,
}

impl ReviewCache {
    /// Forget everything: called on save and on watched-file changes (a commit, a checkout, a
    /// new baseline).
    pub fn refresh(&self) {
        lock(&self.roots).clear();
        lock(&self.committed).clear();
        lock(&self.baselines).clear();
    }

    fn root_for(&self, dir: &Path) -> Option<PathBuf> {
        lock(&self.roots).entry(dir.to_path_buf()).or_insert_with(|| changes::try_repo_root(dir)).clone()
    }

    fn committed_text(&self, root: &Path, path: &Path) -> Option<Arc<str>> {
        lock(&self.committed).entry(path.to_path_buf()).or_insert_with(|| changes::committed_text(root, path).map(Arc::from)).clone()
    }

    fn baseline(&self, path: &Path) -> Option<Arc<Baseline>> {
        lock(&self.baselines)
            .entry(path.to_path_buf())
            .or_insert_with(|| match Baseline::load(path) {
                Ok(b) => Some(Arc::new(b)),
                Err(e) => {
                    eprintln!("assay lsp: {e:#}");
                    None
                }
            })
            .clone()
    }

    /// Hide known findings and downgrade (or hide) findings on unchanged lines. The analysis'
    /// diagnostics are its unsuppressed findings, in order.
    pub fn narrow(&self, input: &ReviewInput, analysis: &mut Analysis) {
        let dir = input.path.parent().unwrap_or(Path::new("."));
        let baseline_path = input.settings.baseline.clone().or_else(|| input.resolver.for_dir(dir, input.catalog).ok()?.file.baseline.clone());
        if baseline_path.is_none() && !input.settings.changed_only {
            return;
        }
        let root = self.root_for(dir);
        let known: Option<Vec<bool>> = baseline_path.and_then(|p| self.baseline(&p)).map(|baseline| {
            let root = root.clone().unwrap_or_else(|| baseline::project_root(dir));
            let rel = changes::relative_to_root(&root, input.path).unwrap_or_else(|| input.path.to_string_lossy().into_owned());
            let prints = crate::report::fingerprints_of(&analysis.findings, input.text, &rel);
            analysis
                .findings
                .iter()
                .zip(prints)
                .filter(|(f, _)| f.suppression.is_none())
                .map(|(f, fingerprint)| baseline.contains(&Entry { path: rel.clone(), rule_id: f.rule_id.clone(), fingerprint }))
                .collect()
        });
        let changed: Option<changes::ChangedLines> = match (&root, input.settings.changed_only) {
            (Some(root), true) => Some(match self.committed_text(root, input.path) {
                None => changes::ChangedLines::All,
                Some(old) => changes::ChangedLines::Lines(changes::changed_lines_until(&old, input.text, Some(Instant::now() + Duration::from_millis(50)))),
            }),
            // outside git every line is "changed": nothing to compare with
            _ => None,
        };
        // Diagnostics and unsuppressed findings stay one to one (code actions pair them up), so a
        // hidden diagnostic takes its finding with it.
        let diagnostics = std::mem::take(&mut analysis.diagnostics);
        let mut findings = Vec::with_capacity(analysis.findings.len());
        let mut shown = diagnostics.into_iter();
        let mut i = 0;
        for finding in analysis.findings.iter() {
            if finding.suppression.is_some() {
                findings.push(finding.clone());
                continue;
            }
            let Some(mut diagnostic) = shown.next() else { break };
            let known_finding = known.as_ref().and_then(|k| k.get(i)).copied().unwrap_or(false);
            i += 1;
            if known_finding {
                continue;
            }
            if let Some(lines) = &changed {
                if !lines.touches(finding.range.start.line, finding.range.end.line) {
                    if input.settings.hide_unchanged {
                        continue;
                    }
                    diagnostic.severity = Some(DiagnosticSeverity::HINT);
                }
            }
            findings.push(finding.clone());
            analysis.diagnostics.push(diagnostic);
        }
        // a diagnostic without a finding (a file over the size limit) is kept as it is
        analysis.diagnostics.extend(shown);
        analysis.findings = Arc::new(findings);
    }
}
