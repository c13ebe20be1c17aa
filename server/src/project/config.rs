//! Configuration: `assay.toml`, or `[tool.assay]` in `pyproject.toml`. The nearest file above a
//! scanned file wins; `extend` pulls in a shared base first. Paths in a file are relative to it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::engine::{Catalog, ScanSettings, Severity, DEFAULT_MAX_FILE_SIZE};

/// One configuration file as written. Every field is optional; `extend` layers files.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ConfigFile {
    /// Another config file to start from (relative to this one).
    pub extend: Option<PathBuf>,
    /// Rule ids, categories, languages (`python`, `rust`) or `all`. Default: all.
    pub select: Option<Vec<String>>,
    /// Added to `select` (including the inherited one).
    pub extend_select: Option<Vec<String>>,
    /// Rule ids or categories never reported.
    pub ignore: Option<Vec<String>>,
    /// Rule id or category → `error` | `warning` | `info`.
    pub severity: Option<BTreeMap<String, String>>,
    /// Folders of extra rules, laid out like `queries/`.
    pub rule_dirs: Option<Vec<PathBuf>>,
    /// Globs of paths not to scan (replaces the defaults).
    pub exclude: Option<Vec<String>>,
    /// Globs added to the excludes.
    pub extend_exclude: Option<Vec<String>>,
    /// Glob → rule ids or categories to ignore in matching files.
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    /// Honour `# nosec` and `# nosemgrep` comments (default true).
    pub honor_foreign_suppressions: Option<bool>,
    /// Files larger than this many bytes are skipped with a notice.
    pub max_file_size: Option<u64>,
    /// `error` | `warning` | `info` | `never`: the lowest severity that fails `assay check`.
    pub fail_on: Option<String>,
    /// A baseline file (relative to this config file) whose findings `assay check` and the
    /// language server leave out; `assay baseline` writes there by default.
    pub baseline: Option<PathBuf>,
}

#[derive(Deserialize)]
struct PyProject {
    tool: Option<PyProjectTool>,
}

#[derive(Deserialize)]
struct PyProjectTool {
    assay: Option<toml::Value>,
}

pub const DEFAULT_EXCLUDES: &[&str] = &[
    ".git", ".hg", ".svn", ".assay_cache", ".mypy_cache", ".ruff_cache", ".pytest_cache", ".tox", ".nox", ".venv", "venv",
    "__pypackages__", "node_modules", "site-packages", "__pycache__", "target",
];

/// A configuration resolved for one directory: the layered file(s) plus command-line overrides.
#[derive(Debug)]
pub struct Config {
    /// Where the nearest config file lives (or the working directory when there is none).
    pub root: PathBuf,
    /// The files read, nearest first, for messages.
    pub sources: Vec<PathBuf>,
    pub file: ConfigFile,
    pub settings: Arc<ScanSettings>,
    pub rule_dirs: Vec<PathBuf>,
    excludes: GlobSet,
    per_file: Vec<(GlobSet, Vec<String>)>,
    pub fail_on: Option<Severity>,
    pub fail_never: bool,
}

/// Overrides from the command line, applied on top of every config file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub no_foreign_suppressions: bool,
    /// Rule id or category → `error` | `warning` | `info`, applied after the files' `severity`
    /// (the language server's `severity` setting).
    pub severity: BTreeMap<String, String>,
}

/// Read one file and its `extend` chain, base first.
pub fn read_layered(path: &Path) -> Result<(ConfigFile, Vec<PathBuf>)> {
    read_layered_depth(path, 0)
}

fn read_layered_depth(path: &Path, depth: usize) -> Result<(ConfigFile, Vec<PathBuf>)> {
    if depth > 8 {
        bail!("{}: `extend` chain is deeper than 8 files (a cycle?)", path.display());
    }
    let file = read_config_file(path)?.with_context(|| format!("{}: has no [tool.assay] table", path.display()))?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = absolutize(file, dir);
    let Some(base_path) = file.extend.clone() else { return Ok((file, vec![path.to_path_buf()])) };
    let (base, mut sources) = read_layered_depth(&base_path, depth + 1)
        .with_context(|| format!("{}: in `extend = {:?}`", path.display(), base_path.display()))?;
    sources.insert(0, path.to_path_buf());
    Ok((merge(base, file), sources))
}

/// The `[tool.assay]` table of a pyproject.toml, or a whole assay.toml. Ok(None): a pyproject
/// without the table.
pub fn read_config_file(path: &Path) -> Result<Option<ConfigFile>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read config {}", path.display()))?;
    let is_pyproject = path.file_name().is_some_and(|n| n == "pyproject.toml");
    if is_pyproject {
        let doc: PyProject = toml::from_str(&text).with_context(|| format!("{}: invalid TOML", path.display()))?;
        let Some(table) = doc.tool.and_then(|t| t.assay) else { return Ok(None) };
        let file = table.try_into::<ConfigFile>().map_err(|e| anyhow::anyhow!("{}: [tool.assay]: {e}", path.display()))?;
        Ok(Some(file))
    } else {
        let file: ConfigFile = toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        Ok(Some(file))
    }
}

fn absolutize(mut file: ConfigFile, dir: &Path) -> ConfigFile {
    file.extend = file.extend.map(|p| dir.join(p));
    file.rule_dirs = file.rule_dirs.map(|ds| ds.into_iter().map(|d| dir.join(d)).collect());
    file.baseline = file.baseline.map(|p| dir.join(p));
    file
}

/// `over` wins field by field; `extend-select`, `ignore`, `extend-exclude`, `per-file-ignores`
/// and `severity` accumulate, as in ruff.
fn merge(base: ConfigFile, over: ConfigFile) -> ConfigFile {
    fn cat<T>(a: Option<Vec<T>>, b: Option<Vec<T>>) -> Option<Vec<T>> {
        match (a, b) {
            (Some(mut a), Some(b)) => {
                a.extend(b);
                Some(a)
            }
            (a, b) => b.or(a),
        }
    }
    fn join_map<K: Ord, V>(a: Option<BTreeMap<K, V>>, b: Option<BTreeMap<K, V>>) -> Option<BTreeMap<K, V>> {
        match (a, b) {
            (Some(mut a), Some(b)) => {
                a.extend(b);
                Some(a)
            }
            (a, b) => b.or(a),
        }
    }
    ConfigFile {
        extend: None,
        select: over.select.or(base.select),
        extend_select: cat(base.extend_select, over.extend_select),
        ignore: cat(base.ignore, over.ignore),
        severity: join_map(base.severity, over.severity),
        rule_dirs: cat(base.rule_dirs, over.rule_dirs),
        exclude: over.exclude.or(base.exclude),
        extend_exclude: cat(base.extend_exclude, over.extend_exclude),
        per_file_ignores: join_map(base.per_file_ignores, over.per_file_ignores),
        honor_foreign_suppressions: over.honor_foreign_suppressions.or(base.honor_foreign_suppressions),
        max_file_size: over.max_file_size.or(base.max_file_size),
        fail_on: over.fail_on.or(base.fail_on),
        baseline: over.baseline.or(base.baseline),
    }
}

/// Does `selector` (rule id, category, language or `all`) name `rule`?
pub fn selects(selector: &str, rule: &crate::engine::Rule) -> bool {
    selector == "all" || selector == rule.id() || selector == rule.meta.category || selector == rule.language_name()
        || (selector.ends_with('*') && rule.id().starts_with(selector.trim_end_matches('*')))
}

pub fn parse_fail_on(value: &str) -> Result<(Option<Severity>, bool)> {
    match value {
        "never" => Ok((None, true)),
        other => Severity::parse(other)
            .map(|s| (Some(s), false))
            .with_context(|| format!("fail-on must be error, warning, info or never, not {other:?}")),
    }
}

impl Config {
    /// Resolve a layered file (or none) against the catalog and the command-line overrides.
    pub fn build(root: PathBuf, file: ConfigFile, sources: Vec<PathBuf>, catalog: &Catalog, overrides: &Overrides) -> Result<Config> {
        let origin = sources.first().map(|p| p.display().to_string()).unwrap_or_else(|| "command line".into());
        let check_selectors = |list: &[String], what: &str| -> Result<()> {
            for s in list {
                if !catalog.rules().iter().any(|r| selects(s, r)) {
                    bail!("{origin}: {what} {s:?} matches no rule id, category or language (see `assay rules`)");
                }
            }
            Ok(())
        };
        let select = overrides.select.clone().or(file.select.clone()).unwrap_or_else(|| vec!["all".into()]);
        let mut extend_select = file.extend_select.clone().unwrap_or_default();
        extend_select.extend(overrides.extend_select.iter().cloned());
        let mut ignore = file.ignore.clone().unwrap_or_default();
        ignore.extend(overrides.ignore.iter().cloned());
        check_selectors(&select, "select")?;
        check_selectors(&extend_select, "extend-select")?;
        check_selectors(&ignore, "ignore")?;

        let mut disabled = HashSet::new();
        for rule in catalog.rules() {
            let on = select.iter().chain(&extend_select).any(|s| selects(s, rule)) && !ignore.iter().any(|s| selects(s, rule));
            if !on {
                disabled.insert(rule.id().to_string());
            }
        }
        let mut severity_overrides = HashMap::new();
        let layers = [(origin.as_str(), file.severity.clone().unwrap_or_default()), ("severity setting", overrides.severity.clone())];
        for (origin, layer) in layers {
            let mut set_by_id = HashSet::new();
            for (key, value) in layer {
                let sev = Severity::parse(&value).with_context(|| format!("{origin}: severity for {key:?} must be error, warning or info, not {value:?}"))?;
                let matched: Vec<_> = catalog.rules().iter().filter(|r| selects(&key, r)).collect();
                if matched.is_empty() {
                    bail!("{origin}: severity override {key:?} matches no rule id or category");
                }
                for rule in matched {
                    // A rule id beats its category whatever the order in the layer.
                    if key == rule.id() || !set_by_id.contains(rule.id()) {
                        severity_overrides.insert(rule.id().to_string(), sev);
                    }
                    if key == rule.id() {
                        set_by_id.insert(rule.id().to_string());
                    }
                }
            }
        }
        let settings = ScanSettings {
            disabled,
            severity_overrides,
            honor_foreign_suppressions: file.honor_foreign_suppressions.unwrap_or(true) && !overrides.no_foreign_suppressions,
            max_file_size: file.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            dependencies: None,
        };
        let mut exclude_globs: Vec<String> = file.exclude.clone().unwrap_or_else(|| DEFAULT_EXCLUDES.iter().map(|s| s.to_string()).collect());
        exclude_globs.extend(file.extend_exclude.clone().unwrap_or_default());
        let excludes = glob_set(&exclude_globs).with_context(|| format!("{origin}: exclude"))?;
        let mut per_file = Vec::new();
        for (glob, ids) in file.per_file_ignores.clone().unwrap_or_default() {
            check_selectors(&ids, "per-file-ignores entry")?;
            per_file.push((glob_set(std::slice::from_ref(&glob)).with_context(|| format!("{origin}: per-file-ignores"))?, ids));
        }
        let (fail_on, fail_never) = match &file.fail_on {
            Some(v) => parse_fail_on(v).with_context(|| origin.clone())?,
            None => (None, false),
        };
        let rule_dirs = file.rule_dirs.clone().unwrap_or_default();
        Ok(Config { root, sources, file, settings: Arc::new(settings), rule_dirs, excludes, per_file, fail_on, fail_never })
    }

    /// Is `path` excluded? Globs match the path relative to the config root, or any one
    /// component of it (so `venv` excludes every `venv/` folder).
    pub fn is_excluded(&self, path: &Path) -> bool {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        self.excludes.is_match(rel) || rel.components().any(|c| self.excludes.is_match(Path::new(c.as_os_str())))
    }

    /// Settings for one file: per-file ignores narrow the config's settings.
    pub fn settings_for(&self, path: &Path, catalog: &Catalog) -> Arc<ScanSettings> {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let extra: Vec<&String> = self.per_file.iter().filter(|(set, _)| set.is_match(rel)).flat_map(|(_, ids)| ids).collect();
        if extra.is_empty() {
            return self.settings.clone();
        }
        let mut settings = (*self.settings).clone();
        for rule in catalog.rules() {
            if extra.iter().any(|s| selects(s, rule)) {
                settings.disabled.insert(rule.id().to_string());
            }
        }
        Arc::new(settings)
    }
}

fn glob_set(patterns: &[String]) -> Result<GlobSet> {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        let p = p.trim_end_matches('/');
        builder.add(Glob::new(p).with_context(|| format!("invalid glob {p:?}"))?);
        // `tests/**` style and bare folder names both cover what is inside.
        if !p.ends_with("**") {
            builder.add(Glob::new(&format!("{p}/**")).with_context(|| format!("invalid glob {p:?}"))?);
        }
    }
    Ok(builder.build()?)
}

/// Finds and caches the nearest configuration for each directory.
pub struct ConfigResolver {
    explicit: Option<Arc<Config>>,
    fallback: Arc<Config>,
    by_dir: std::sync::Mutex<HashMap<PathBuf, Arc<Config>>>,
    overrides: Overrides,
    manifests: super::manifests::ManifestCache,
}

impl ConfigResolver {
    /// `explicit`: `--config FILE`, used for every file. Otherwise each file's nearest config.
    pub fn new(explicit: Option<&Path>, cwd: &Path, catalog: &Catalog, overrides: Overrides) -> Result<Self> {
        let explicit = match explicit {
            Some(path) => {
                let (file, sources) = read_layered(path)?;
                let root = path.parent().map(Path::to_path_buf).unwrap_or_else(|| cwd.to_path_buf());
                Some(Arc::new(Config::build(root, file, sources, catalog, &overrides)?))
            }
            None => None,
        };
        let fallback = Arc::new(Config::build(cwd.to_path_buf(), ConfigFile::default(), Vec::new(), catalog, &overrides)?);
        Ok(ConfigResolver { explicit, fallback, by_dir: Default::default(), overrides, manifests: Default::default() })
    }

    /// Also read library names from `cargo metadata --offline` (slow: for `assay check`, not
    /// for the editor).
    pub fn with_cargo_metadata(mut self) -> Self {
        self.manifests = super::manifests::ManifestCache::new(true);
        self
    }

    /// The settings for one file (absolute path): its config's, narrowed by per-file ignores,
    /// with the dependencies its project's manifests declare.
    pub fn settings_for_file(&self, path: &Path, catalog: &Catalog) -> Result<Arc<ScanSettings>> {
        let config = self.for_dir(path.parent().unwrap_or(Path::new(".")), catalog)?;
        let settings = config.settings_for(path, catalog);
        let dependency_rules = [crate::engine::deps::RULE_PY_UNDECLARED, crate::engine::deps::RULE_RS_UNDECLARED];
        if dependency_rules.iter().all(|r| settings.disabled.contains(*r)) {
            return Ok(settings);
        }
        match self.manifests.for_file(path) {
            Some(deps) => {
                let mut settings = (*settings).clone();
                settings.dependencies = Some(deps);
                Ok(Arc::new(settings))
            }
            None => Ok(settings),
        }
    }

    /// The config governing files in `dir` (absolute).
    pub fn for_dir(&self, dir: &Path, catalog: &Catalog) -> Result<Arc<Config>> {
        if let Some(c) = &self.explicit {
            return Ok(c.clone());
        }
        if let Some(c) = self.by_dir.lock().unwrap().get(dir) {
            return Ok(c.clone());
        }
        let config = match find_config_file(dir)? {
            Some(path) => {
                let (file, sources) = read_layered(&path)?;
                let root = path.parent().unwrap_or(dir).to_path_buf();
                Arc::new(Config::build(root, file, sources, catalog, &self.overrides)?)
            }
            None => self.fallback.clone(),
        };
        self.by_dir.lock().unwrap().insert(dir.to_path_buf(), config.clone());
        Ok(config)
    }

    /// Every rule folder named by the explicit config or the configs above `starts`.
    pub fn rule_dirs(explicit: Option<&Path>, starts: &[PathBuf]) -> Result<Vec<PathBuf>> {
        let mut dirs = Vec::new();
        let mut files = Vec::new();
        match explicit {
            Some(p) => files.push(p.to_path_buf()),
            None => {
                for s in starts {
                    let dir = if s.is_dir() { s.clone() } else { s.parent().map(Path::to_path_buf).unwrap_or_default() };
                    if let Some(f) = find_config_file(&dir)? {
                        files.push(f);
                    }
                }
            }
        }
        for f in files {
            let (file, _) = read_layered(&f)?;
            for d in file.rule_dirs.unwrap_or_default() {
                if !dirs.contains(&d) {
                    dirs.push(d);
                }
            }
        }
        Ok(dirs)
    }
}

/// The nearest `assay.toml`, or `pyproject.toml` with a `[tool.assay]` table, at or above `dir`.
pub fn find_config_file(dir: &Path) -> Result<Option<PathBuf>> {
    for ancestor in dir.ancestors() {
        let assay = ancestor.join("assay.toml");
        if assay.is_file() {
            return Ok(Some(assay));
        }
        let assay_hidden = ancestor.join(".assay.toml");
        if assay_hidden.is_file() {
            return Ok(Some(assay_hidden));
        }
        let pyproject = ancestor.join("pyproject.toml");
        if pyproject.is_file() && read_config_file(&pyproject)?.is_some() {
            return Ok(Some(pyproject));
        }
    }
    Ok(None)
}
