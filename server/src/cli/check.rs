//! `assay check [PATHS...]`: scan files, print a report, and exit 0 (clean), 1 (findings at or
//! above --fail-on) or 2 (usage, configuration or internal error).

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};

use crate::engine::{self, Catalog, FileReport, Finding, Severity};
use crate::project::baseline::{self, Baseline};
use crate::project::cache::Cache;
use crate::project::changes::{self, ChangeSet};
use crate::project::review::Review;
use crate::project::config::{ConfigResolver, Overrides};
use crate::project::{self, ScanRequest, ScannedFile};
use crate::report::{self, Report, Summary};

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// GitLab Code Quality JSON.
    Gitlab,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

#[derive(clap::Args, Debug, Clone)]
pub struct CheckArgs {
    /// Files or folders to check (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only these rule ids, categories or languages (comma-separated); replaces the config's `select`.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Option<Vec<String>>,
    /// Add these rule ids, categories or languages to the selection.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub extend_select: Vec<String>,
    /// Never report these rule ids or categories.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// Use this config file for every file, instead of the nearest assay.toml / pyproject.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read the file to check from standard input, as if it were at NAME.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Print how many findings each rule produced.
    #[arg(long)]
    pub statistics: bool,
    /// Exit 0 even when there are findings (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Lowest severity that makes the exit code 1 [default: warning, or the config's `fail-on`].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Re-analyse every file, ignoring and not updating the result cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Apply the safe fixes that rules define, writing files in place.
    #[arg(long)]
    pub fix: bool,
    /// With --fix, also apply fixes that may change behaviour.
    #[arg(long, requires = "fix")]
    pub unsafe_fixes: bool,
    /// Show each finding's secure-prompt hint in text output.
    #[arg(long)]
    pub hints: bool,
    /// Do not honour `# nosec` / `# nosemgrep` comments.
    #[arg(long)]
    pub no_foreign_suppressions: bool,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Report only findings on lines added or changed since the git ref REF (a commit, branch or
    /// tag; renames followed), in the working tree and untracked files.
    #[arg(long, value_name = "REF", conflicts_with_all = ["staged", "stdin_filename"])]
    pub changed_since: Option<String>,
    /// Check the staged content (read from the git index, not the working tree) and report only
    /// findings on lines the commit adds or changes.
    #[arg(long, conflicts_with_all = ["stdin_filename", "fix"])]
    pub staged: bool,
    /// Leave out findings recorded in this baseline file (see `assay baseline`)
    /// [default: the config's `baseline`].
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// With a baseline, list its stale entries (findings no longer present) on stderr.
    #[arg(long)]
    pub show_stale: bool,
    /// Also write a text report to FILE (any number of reports can be written in one run).
    #[arg(long, value_name = "FILE")]
    pub text_output: Option<PathBuf>,
    /// Also write a JSON report to FILE.
    #[arg(long, value_name = "FILE")]
    pub json_output: Option<PathBuf>,
    /// Also write a SARIF report to FILE.
    #[arg(long, value_name = "FILE")]
    pub sarif_output: Option<PathBuf>,
    /// Also write GitHub workflow commands to FILE.
    #[arg(long, value_name = "FILE")]
    pub github_output: Option<PathBuf>,
    /// Also write a GitLab Code Quality report to FILE.
    #[arg(long, value_name = "FILE")]
    pub gitlab_output: Option<PathBuf>,
}

impl CheckArgs {
    /// The options of a plain `assay check`.
    pub fn defaults() -> Self {
        #[derive(clap::Parser)]
        struct Wrapper {
            #[command(flatten)]
            args: CheckArgs,
        }
        <Wrapper as clap::Parser>::parse_from(["assay"]).args
    }
}

/// What every check needs before files are scanned: where it runs and the rules and config.
struct Setup {
    cwd: PathBuf,
    roots: Vec<PathBuf>,
    catalog: Catalog,
    resolver: ConfigResolver,
}

fn setup(args: &CheckArgs) -> Result<Setup> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let roots: Vec<PathBuf> = if args.paths.is_empty() { vec![cwd.clone()] } else { args.paths.iter().map(|p| cwd.join(p)).collect() };
    let starts = match &args.stdin_filename {
        Some(name) => vec![cwd.join(name)],
        None => roots.clone(),
    };
    let rule_dirs = ConfigResolver::rule_dirs(args.config.as_deref(), &starts)?;
    let dir_refs: Vec<&Path> = rule_dirs.iter().map(PathBuf::as_path).collect();
    let catalog = Catalog::with_user_dirs(&dir_refs).map_err(|errors| {
        anyhow::anyhow!("invalid rules:\n{}", errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n"))
    })?;
    let overrides = Overrides {
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        no_foreign_suppressions: args.no_foreign_suppressions,
        severity: Default::default(),
    };
    let resolver = ConfigResolver::new(args.config.as_deref(), &cwd, &catalog, overrides)?.with_cargo_metadata();
    Ok(Setup { cwd, roots, catalog, resolver })
}

pub fn run(args: CheckArgs) -> Result<ExitCode> {
    let Setup { cwd, roots, catalog, resolver } = setup(&args)?;
    if let Some(name) = &args.stdin_filename {
        return check_stdin(&args, &catalog, &resolver, &cwd, name);
    }
    let root = baseline::project_root(&cwd);
    let root_config = resolver.for_dir(&cwd, &catalog)?;
    let known = match args.baseline.as_ref().map(|p| cwd.join(p)).or_else(|| configured_baseline(&root_config)) {
        Some(path) => Some((Baseline::load(&path)?, path)),
        None => None,
    };

    let (mut scanned, fixed, change_set) = if args.staged {
        let staged = changes::staged(&cwd)?;
        let scanned = scan_staged(&staged, &roots, &cwd, &catalog, &resolver);
        (scanned, 0, Some(staged.changes))
    } else {
        let change_set = args.changed_since.as_deref().map(|rev| changes::changed_since(&cwd, rev)).transpose()?;
        let Some((scanned, fixed)) = scan_worktree(&args, &roots, &cwd, &catalog, &resolver, change_set.as_ref())? else {
            return Ok(ExitCode::from(2));
        };
        (scanned, fixed, change_set)
    };
    let review = Review { root: &root, baseline: known.as_ref().map(|(b, _)| b), changes: change_set.as_ref() };
    let outcome = review.apply(&mut scanned);
    report_review(&args, &outcome, known.as_ref().map(|(_, p)| p.as_path()), &cwd);
    finish(&args, &catalog, &scanned, fixed, root_config.fail_on, root_config.fail_never, &root)
}

/// stderr: how many known findings were left out, and stale baseline entries on request.
fn report_review(args: &CheckArgs, outcome: &crate::project::review::Outcome, baseline_path: Option<&Path>, cwd: &Path) {
    if let (true, Some(path)) = (outcome.known > 0, baseline_path) {
        eprintln!(
            "note: {} known finding{} left out (recorded in the baseline {})",
            outcome.known,
            if outcome.known == 1 { "" } else { "s" },
            project::display_path(path, cwd)
        );
    }
    if args.show_stale {
        match baseline_path {
            Some(path) => {
                for entry in &outcome.stale {
                    eprintln!("stale baseline entry: {} [{}] {}", entry.path, entry.rule_id, entry.fingerprint);
                }
                eprintln!(
                    "note: {} stale entr{} in the baseline {}{}",
                    outcome.stale.len(),
                    if outcome.stale.len() == 1 { "y" } else { "ies" },
                    project::display_path(path, cwd),
                    if outcome.stale.is_empty() { "" } else { " (fixed or changed findings; `assay baseline` rewrites it)" }
                );
            }
            None => eprintln!("warning: --show-stale needs a baseline (--baseline FILE, or `baseline` in assay.toml)"),
        }
    }
}

/// The baseline named by the governing config's `baseline` key, relative to the config file.
fn configured_baseline(config: &crate::project::config::Config) -> Option<PathBuf> {
    config.file.baseline.as_ref().map(|p| config.root.join(p))
}

/// Discover and scan the working tree (only files changed per `change_set` when given), applying
/// fixes when asked. None when nothing could be scanned at all (the problems are printed).
fn scan_worktree(
    args: &CheckArgs,
    roots: &[PathBuf],
    cwd: &Path,
    catalog: &Catalog,
    resolver: &ConfigResolver,
    change_set: Option<&ChangeSet>,
) -> Result<Option<(Vec<ScannedFile>, usize)>> {
    let (mut files, problems) = project::discover(roots, catalog, resolver);
    if files.is_empty() && problems.iter().any(|(p, _)| roots.contains(p)) {
        for (path, notice) in &problems {
            eprintln!("error: {}: {}", project::display_path(path, cwd), notice.message);
        }
        return Ok(None);
    }
    if let Some(change_set) = change_set {
        files.retain(|f| change_set.for_path(f).is_some());
    }
    let cache = (!args.no_cache).then(|| Cache::open(cwd, catalog));
    let progress = progress_bar(files.len(), args.no_progress);
    let on_file = || progress.inc(1);
    let request = ScanRequest { catalog, resolver, cwd, cache: cache.as_ref(), on_file: &on_file };
    let mut scanned = project::scan_files(&files, &request);
    progress.finish_and_clear();
    for (path, notice) in problems {
        scanned.push(ScannedFile { display: project::display_path(&path, cwd), path, report: FileReport::notice(notice), source: None });
    }
    let mut fixed = 0;
    if args.fix {
        if let Some(change_set) = change_set {
            // with --changed-since, fix only what the change introduced
            Review { root: cwd, baseline: None, changes: Some(change_set) }.apply(&mut scanned);
        }
        for file in scanned.iter_mut() {
            fixed += fix_file(file, catalog, resolver, args.unsafe_fixes)?;
        }
    }
    if let Some(cache) = cache {
        if let Err(e) = cache.save() {
            eprintln!("warning: could not write the result cache: {e}");
        }
    }
    Ok(Some((scanned, fixed)))
}

/// Scan the staged text of the staged files under `roots`, as the commit will record it.
fn scan_staged(staged: &changes::Staged, roots: &[PathBuf], cwd: &Path, catalog: &Catalog, resolver: &ConfigResolver) -> Vec<ScannedFile> {
    use rayon::prelude::*;
    let roots: Vec<PathBuf> = roots.iter().map(|r| changes::canonical_lenient(r)).collect();
    let display_base = changes::canonical_lenient(cwd);
    staged
        .contents
        .par_iter()
        .filter_map(|(rel, bytes)| {
            let path = staged.changes.root.join(rel);
            let named = roots.contains(&path);
            if !named && !roots.iter().any(|r| path.starts_with(r)) || crate::project::walk::is_own_file(&path) {
                return None;
            }
            let display = project::display_path(&path, &display_base);
            let config = match resolver.for_dir(path.parent().unwrap_or(cwd), catalog) {
                Ok(config) => config,
                Err(e) => {
                    let notice = engine::Notice { kind: engine::NoticeKind::Config, message: format!("configuration error: {e:#}") };
                    return Some(ScannedFile { path, display, report: FileReport::notice(notice), source: None });
                }
            };
            if !named && config.is_excluded(&path) {
                return None;
            }
            if let Some(notice) = engine::skip_by_path(&path) {
                return Some(ScannedFile { path, display, report: FileReport::notice(notice), source: None });
            }
            let report = engine::scan_bytes(catalog, &path, bytes, &config.settings_for(&path, catalog));
            let source = (!report.findings.is_empty()).then(|| String::from_utf8_lossy(bytes).into_owned().into());
            Some(ScannedFile { path, display, report, source })
        })
        .collect()
}

/// `assay baseline`: record the current findings (suppressed ones aside) by fingerprint.
pub fn record_baseline(args: CheckArgs, output: Option<PathBuf>) -> Result<ExitCode> {
    let Setup { cwd, roots, catalog, resolver } = setup(&args)?;
    let root = baseline::project_root(&cwd);
    let root_config = resolver.for_dir(&cwd, &catalog)?;
    let Some((scanned, _)) = scan_worktree(&args, &roots, &cwd, &catalog, &resolver, None)? else {
        return Ok(ExitCode::from(2));
    };
    print_notices(&scanned);
    let mut entries = Vec::new();
    for file in &scanned {
        let path = report::repo_path(file, &root);
        for (finding, fingerprint) in file.report.findings.iter().zip(report::fingerprints(file, &root)) {
            if finding.suppression.is_none() {
                entries.push(baseline::Entry { path: path.clone(), rule_id: finding.rule_id.clone(), fingerprint });
            }
        }
    }
    let recorded = Baseline::new(entries);
    let target = output
        .map(|p| cwd.join(p))
        .or_else(|| configured_baseline(&root_config))
        .unwrap_or_else(|| root.join(baseline::DEFAULT_FILE));
    write_atomically(&target, recorded.render().as_bytes()).with_context(|| format!("cannot write the baseline {}", target.display()))?;
    eprintln!(
        "Recorded {} finding{} in {}. `assay check --baseline {}` now reports only new ones.",
        recorded.len(),
        if recorded.len() == 1 { "" } else { "s" },
        project::display_path(&target, &cwd),
        project::display_path(&target, &cwd)
    );
    Ok(ExitCode::SUCCESS)
}

fn check_stdin(args: &CheckArgs, catalog: &Catalog, resolver: &ConfigResolver, cwd: &Path, name: &Path) -> Result<ExitCode> {
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes).context("cannot read standard input")?;
    let path = cwd.join(name);
    let config = resolver.for_dir(path.parent().unwrap_or(cwd), catalog)?;
    let settings = resolver.settings_for_file(&path, catalog)?;
    let report = engine::scan_bytes(catalog, &path, &bytes, &settings);
    let source: Option<Arc<str>> = Some(String::from_utf8_lossy(&bytes).into_owned().into());
    let mut file = ScannedFile { path: path.clone(), display: project::display_path(&path, cwd), report, source };
    let mut fixed = 0;
    if args.fix {
        // Like ruff: the fixed text goes to stdout, the remaining findings to stderr.
        let text = file.source.clone().unwrap_or_default();
        let (new_text, n) = apply_fixes(&text, &file.report.findings, args.unsafe_fixes);
        fixed = n;
        std::io::stdout().write_all(new_text.as_bytes())?;
        file.report = engine::scan_bytes(catalog, &path, new_text.as_bytes(), &settings);
        file.source = Some(new_text.into());
        let files = [file];
        let (summary, failing) = summarize(&files, fixed, threshold(args, config.fail_on, config.fail_never));
        let report = Report { catalog, files: &files, summary, show_hints: args.hints, root: cwd };
        eprint!("{}", report::text::render(&report, &report::text::Style { color: false }));
        return Ok(exit_code(args, failing));
    }
    let root = baseline::project_root(cwd);
    // editors that pipe a buffer in get the same baseline as `assay check`
    if let Some(path) = args.baseline.as_ref().map(|p| cwd.join(p)).or_else(|| configured_baseline(&config)) {
        let known = Baseline::load(&path)?;
        let outcome = Review { root: &root, baseline: Some(&known), changes: None }.apply(std::slice::from_mut(&mut file));
        report_review(args, &outcome, Some(&path), cwd);
    }
    finish(args, catalog, &[file], fixed, config.fail_on, config.fail_never, &root)
}

fn threshold(args: &CheckArgs, config_fail_on: Option<Severity>, config_never: bool) -> Option<Severity> {
    match args.fail_on {
        Some(FailOn::Error) => Some(Severity::Error),
        Some(FailOn::Warning) => Some(Severity::Warning),
        Some(FailOn::Info) => Some(Severity::Info),
        Some(FailOn::Never) => None,
        None if config_never => None,
        None => Some(config_fail_on.unwrap_or(Severity::Warning)),
    }
}

fn summarize(files: &[ScannedFile], fixed: usize, fail_on: Option<Severity>) -> (Summary, bool) {
    let mut summary = Summary { files_scanned: files.len(), fixed, ..Default::default() };
    let mut failing = false;
    for file in files {
        if file.report.notices.iter().any(|n| n.kind != engine::NoticeKind::SyntaxError) {
            summary.files_skipped += 1;
        }
        for f in &file.report.findings {
            if f.suppression.is_some() {
                summary.suppressed += 1;
                continue;
            }
            summary.count(f.severity);
            if fail_on.is_some_and(|t| f.severity >= t) {
                failing = true;
            }
        }
    }
    summary.files_scanned -= summary.files_skipped;
    (summary, failing)
}

fn exit_code(args: &CheckArgs, failing: bool) -> ExitCode {
    if failing && !args.exit_zero {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[allow(clippy::too_many_arguments)]
fn finish(args: &CheckArgs, catalog: &Catalog, files: &[ScannedFile], fixed: usize, fail_on: Option<Severity>, never: bool, root: &Path) -> Result<ExitCode> {
    print_notices(files);
    let (summary, failing) = summarize(files, fixed, threshold(args, fail_on, never));
    let report = Report { catalog, files, summary, show_hints: args.hints, root };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let rendered = render(args.format, &report, to_terminal, args.statistics);
    match &args.output {
        Some(path) => write_atomically(path, rendered.as_bytes()).with_context(|| format!("cannot write the report to {}", path.display()))?,
        None => std::io::stdout().write_all(rendered.as_bytes())?,
    }
    let extra = [
        (Format::Text, &args.text_output),
        (Format::Json, &args.json_output),
        (Format::Sarif, &args.sarif_output),
        (Format::Github, &args.github_output),
        (Format::Gitlab, &args.gitlab_output),
    ];
    for (format, path) in extra {
        if let Some(path) = path {
            let rendered = render(format, &report, false, args.statistics);
            write_atomically(path, rendered.as_bytes()).with_context(|| format!("cannot write the report to {}", path.display()))?;
        }
    }
    Ok(exit_code(args, failing))
}

fn render(format: Format, report: &Report, color: bool, statistics: bool) -> String {
    match format {
        Format::Text => {
            let mut text = report::text::render(report, &report::text::Style { color });
            if statistics {
                text.push_str(&report::text::statistics(report));
            }
            text
        }
        Format::Json => report::json::render(report),
        Format::Sarif => report::sarif::render(report),
        Format::Github => report::github::render(report),
        Format::Gitlab => report::gitlab::render(report),
    }
}

/// Notices on stderr, one per file; files assay only reads for secrets (not Python or Rust) that
/// were skipped as binary, lock files, minified, too large or not UTF-8 are summed up in one
/// note per reason instead (`--format json` lists each). Messages pass through secret redaction.
fn print_notices(files: &[ScannedFile]) {
    use std::collections::BTreeMap;
    let mut grouped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for file in files {
        let other = engine::Language::from_path(&file.path).is_none();
        for notice in &file.report.notices {
            let group = match notice.kind {
                engine::NoticeKind::Binary if other => Some("binary files"),
                engine::NoticeKind::LockFile => Some("lock files"),
                engine::NoticeKind::Minified => Some("minified bundles"),
                engine::NoticeKind::TooLarge if other => Some("files over the size limit"),
                engine::NoticeKind::NotUtf8 if other => Some("files not in UTF-8"),
                _ => None,
            };
            if let Some(group) = group {
                grouped.entry(group).or_default().push(&file.display);
                continue;
            }
            let level = if notice.kind == engine::NoticeKind::SyntaxError { "note" } else { "warning" };
            eprintln!("{level}: {}: {}", file.display, engine::secrets::redact_text(&notice.message));
        }
    }
    for (group, paths) in grouped {
        let examples: Vec<&str> = paths.iter().take(3).copied().collect();
        let more = if paths.len() > 3 { format!(", and {} more", paths.len() - 3) } else { String::new() };
        eprintln!("note: not scanned for secrets: {} {group} ({}{more})", paths.len(), examples.join(", "));
    }
}

fn progress_bar(len: usize, disabled: bool) -> indicatif::ProgressBar {
    const SHOW_FROM: usize = 200;
    if disabled || len < SHOW_FROM || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} checking {pos}/{len} files [{bar:30}] {eta}")
            .unwrap()
            .progress_chars("=> "),
    );
    bar
}

/// Apply the fixes of unsuppressed findings; returns the new text and how many were fixed.
pub fn apply_fixes(text: &str, findings: &[Finding], include_unsafe: bool) -> (String, usize) {
    let (edits, fixed) = engine::fix::non_overlapping_edits(findings, include_unsafe, text.len());
    (engine::fix::apply_edits(text, &edits), fixed)
}

fn fix_file(file: &mut ScannedFile, catalog: &Catalog, resolver: &ConfigResolver, include_unsafe: bool) -> Result<usize> {
    let Some(source) = file.source.clone() else { return Ok(0) };
    let (new_text, fixed) = apply_fixes(&source, &file.report.findings, include_unsafe);
    if fixed == 0 {
        return Ok(0);
    }
    write_atomically(&file.path, new_text.as_bytes()).with_context(|| format!("cannot write fixes to {}", file.display))?;
    file.report = engine::scan_bytes(catalog, &file.path, new_text.as_bytes(), &*resolver.settings_for_file(&file.path, catalog)?);
    file.source = Some(new_text.into());
    Ok(fixed)
}

/// Write through a temporary file in the same folder and rename, keeping the permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        std::fs::set_permissions(tmp.path(), meta.permissions()).with_context(|| format!("cannot keep the permissions of {}", path.display()))?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
