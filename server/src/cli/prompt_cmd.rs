//! `assay prompt [PATH] [--write FILE | --check FILE]`: scan the project like `assay check`,
//! then print, write or verify the instruction block for AI assistants (`report::prompt`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::engine::{Catalog, Language};
use crate::project::cache::Cache;
use crate::project::config::{ConfigResolver, Overrides};
use crate::project::{self, ScanRequest};
use crate::report::prompt::{self, PromptFacts};

#[derive(clap::Args, Debug, Clone)]
pub struct PromptArgs {
    /// The project folder (default: the current folder).
    pub path: Option<PathBuf>,
    /// Insert or replace the block between its markers in FILE (created if missing).
    #[arg(long, value_name = "FILE", conflicts_with = "check")]
    pub write: Option<PathBuf>,
    /// Exit 1 when FILE's block is missing or stale (for CI).
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
}

pub fn run(args: PromptArgs) -> Result<ExitCode> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let root = args.path.as_ref().map(|p| cwd.join(p)).unwrap_or_else(|| cwd.clone());
    if !root.is_dir() {
        anyhow::bail!("{}: not a folder", root.display());
    }
    let block = prompt::render(&Catalog::embedded(), &gather(&root, &cwd)?);
    if let Some(file) = &args.write {
        let path = cwd.join(file);
        let existing = match std::fs::read(&path) {
            Ok(bytes) => String::from_utf8(bytes).with_context(|| format!("{}: not UTF-8 text; not touched", file.display()))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => new_file_prefix(&path),
            Err(e) => return Err(e).with_context(|| format!("cannot read {}", file.display())),
        };
        let updated = prompt::splice(&existing, &block);
        if updated == existing {
            eprintln!("{}: the assay prompt block is up to date", file.display());
            return Ok(ExitCode::SUCCESS);
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        }
        super::check::write_atomically(&path, updated.as_bytes()).with_context(|| format!("cannot write {}", file.display()))?;
        eprintln!("{}: wrote the assay prompt block", file.display());
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(file) = &args.check {
        let text = std::fs::read_to_string(cwd.join(file)).unwrap_or_default();
        let current = prompt::find_block(&text).map(|(s, e)| &text[s..e]);
        return Ok(match current {
            Some(found) if found.trim_end() == block.trim_end() => {
                eprintln!("{}: the assay prompt block is up to date", file.display());
                ExitCode::SUCCESS
            }
            Some(_) => {
                eprintln!("{}: the assay prompt block is stale; run `assay prompt --write {}`", file.display(), file.display());
                ExitCode::from(1)
            }
            None => {
                eprintln!("{}: no assay prompt block (markers {} … {}); run `assay prompt --write {}`", file.display(), prompt::START, prompt::END, file.display());
                ExitCode::from(1)
            }
        });
    }
    print!("{block}");
    Ok(ExitCode::SUCCESS)
}

/// A new Cursor rule file needs its front matter before the block.
fn new_file_prefix(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "mdc") {
        prompt::MDC_FRONT_MATTER.to_string()
    } else {
        String::new()
    }
}

/// Scan the project and collect languages, frameworks (from manifests) and tripped rules. The
/// prompt blocks themselves are left out, so writing a block never changes what it says.
fn gather(root: &Path, cwd: &Path) -> Result<PromptFacts> {
    let catalog = Catalog::embedded();
    let resolver = ConfigResolver::new(None, cwd, &catalog, Overrides::default())?;
    let (files, _) = project::discover(&[root.to_path_buf()], &catalog, &resolver);
    let cache = Cache::open(cwd, &catalog);
    let request = ScanRequest { catalog: &catalog, resolver: &resolver, cwd, cache: Some(&cache), on_file: &|| {} };
    let scanned = project::scan_files(&files, &request);
    if let Err(e) = cache.save() {
        eprintln!("warning: could not write the result cache: {e}");
    }
    let mut facts = PromptFacts::default();
    let mut languages = BTreeSet::new();
    let mut dists = BTreeSet::new();
    let mut crates = BTreeSet::new();
    let mut seen_projects = BTreeSet::new();
    for file in &scanned {
        if let Some(language) = Language::from_path(&file.path) {
            languages.insert(language);
            if let Ok(settings) = resolver.settings_for_file(&file.path, &catalog) {
                if let Some(deps) = &settings.dependencies {
                    if seen_projects.insert(deps.fingerprint.clone()) {
                        if let Some(p) = &deps.python {
                            dists.extend(p.direct.iter().cloned());
                        }
                        if let Some(r) = &deps.rust {
                            crates.extend(r.normal.iter().cloned());
                        }
                    }
                }
            }
        }
        let text = file.source.as_deref().unwrap_or("");
        let block = prompt::find_block(text);
        for f in file.report.findings.iter().filter(|f| f.suppression.is_none()) {
            if block.is_some_and(|(s, e)| f.range.start_byte >= s && f.range.start_byte < e) {
                continue;
            }
            facts.tripped.push((f.rule_id.clone(), f.severity));
        }
    }
    let mut frameworks: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for language in &languages {
        let (name, table, declared) = match language {
            Language::Python => ("Python", prompt::PYTHON_FRAMEWORKS, &dists),
            Language::Rust => ("Rust", prompt::RUST_FRAMEWORKS, &crates),
        };
        facts.languages.push(name.to_string());
        let mut shown: Vec<String> = Vec::new();
        for (key, label) in table {
            if declared.contains(*key) && !shown.iter().any(|s| s == label) {
                shown.push(label.to_string());
            }
        }
        frameworks.insert(name.to_string(), shown);
    }
    facts.frameworks = frameworks;
    facts.tripped.sort();
    Ok(facts)
}
