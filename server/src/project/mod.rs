//! Everything between the command line and the engine: configuration, file discovery, the
//! result cache, and the parallel scan of many files.

pub mod baseline;
pub mod cache;
pub mod changes;
pub mod config;
pub mod manifests;
pub mod review;
pub mod walk;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::engine::{self, Catalog, FileReport, Notice, NoticeKind};
use cache::Cache;
use config::ConfigResolver;

/// One scanned file: its path as the user should see it, the report, and its text when there
/// are findings to quote.
#[derive(Debug)]
pub struct ScannedFile {
    pub path: PathBuf,
    pub display: String,
    pub report: FileReport,
    pub source: Option<Arc<str>>,
}

pub struct ScanRequest<'a> {
    pub catalog: &'a Catalog,
    pub resolver: &'a ConfigResolver,
    pub cwd: &'a Path,
    pub cache: Option<&'a Cache>,
    /// Called once per file as it completes (progress bar).
    pub on_file: &'a (dyn Fn() + Sync),
}

/// Turn absolute paths back into the form the user typed (relative to the working directory).
pub fn display_path(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).to_string_lossy().replace('\\', "/")
}

/// Find the files under `roots`, respecting each file's governing config.
pub fn discover(roots: &[PathBuf], catalog: &Catalog, resolver: &ConfigResolver) -> (Vec<PathBuf>, Vec<(PathBuf, Notice)>) {
    let excluded = |path: &Path| -> bool {
        let dir = path.parent().unwrap_or(Path::new("."));
        resolver.for_dir(dir, catalog).map(|c| c.is_excluded(path)).unwrap_or(false)
    };
    let prune = |root: &Path| -> Box<dyn Fn(&Path) -> bool + Send + Sync + 'static> {
        match resolver.for_dir(if root.is_dir() { root } else { root.parent().unwrap_or(root) }, catalog) {
            Ok(config) => Box::new(move |p: &Path| config.is_excluded(p)),
            Err(_) => Box::new(|_: &Path| false),
        }
    };
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for walked in walk::walk(roots, &excluded, &prune) {
        match walked {
            walk::Walked::File(p) => files.push(p),
            walk::Walked::Problem { path, message } => problems.push((path, Notice { kind: NoticeKind::Unreadable, message })),
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

/// Scan files in parallel. Configuration errors surface as notices on the affected files.
pub fn scan_files(files: &[PathBuf], request: &ScanRequest) -> Vec<ScannedFile> {
    files
        .par_iter()
        .map(|path| {
            let display = display_path(path, request.cwd);
            let result = scan_one(path, request);
            (request.on_file)();
            match result {
                Ok((report, source)) => ScannedFile { path: path.clone(), display, report, source },
                Err(notice) => ScannedFile { path: path.clone(), display, report: FileReport::notice(notice), source: None },
            }
        })
        .collect()
}

fn scan_one(path: &Path, request: &ScanRequest) -> Result<(FileReport, Option<Arc<str>>), Notice> {
    let settings = request
        .resolver
        .settings_for_file(path, request.catalog)
        .map_err(|e| Notice { kind: NoticeKind::Config, message: format!("configuration error: {e:#}") })?;
    // Binary files, lock files and minified bundles (by name) are not even read.
    if let Some(notice) = engine::skip_by_path(path) {
        return Err(notice);
    }
    let bytes = std::fs::read(path).map_err(|e| Notice { kind: NoticeKind::Unreadable, message: format!("skipped: cannot read: {e}") })?;
    let cached = request.cache.and_then(|c| c.get(path, &bytes, &settings));
    let report = match cached {
        Some(r) => r,
        None => {
            let r = engine::scan_bytes(request.catalog, path, &bytes, &settings);
            if let Some(c) = request.cache {
                c.put(path, &bytes, &settings, &r);
            }
            r
        }
    };
    let source = (!report.findings.is_empty()).then(|| String::from_utf8_lossy(&bytes).into_owned().into());
    Ok((report, source))
}
