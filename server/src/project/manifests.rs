//! Which dependencies a file's project declares: the nearest Python manifests (`pyproject.toml`,
//! `requirements*.txt`, `setup.cfg`, `setup.py`, `Pipfile`) and the nearest `Cargo.toml` above it,
//! read once per project and cached; the engine's dependency checks compare imports against the
//! result (`engine::deps::ProjectDeps`). A manifest that cannot be parsed is skipped (its
//! dependencies are unknown, so nothing is reported as undeclared against it).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use crate::engine::deps::names::{crate_ident, normalize_dist, python_requires, rust_lib_name};
use crate::engine::deps::{ProjectDeps, PythonDeclared, RustDeclared};

/// Files that make a folder a Python project.
pub fn is_python_manifest(name: &str) -> bool {
    matches!(name, "pyproject.toml" | "setup.cfg" | "setup.py" | "Pipfile") || (name.starts_with("requirements") && name.ends_with(".txt"))
}

/// Folders never searched for a project's own modules.
const SKIP_DIRS: &[&str] = &["node_modules", "target", "site-packages", "__pycache__", "venv", "env", "build", "dist", "__pypackages__"];
/// Bounds the module walk of very large trees.
const MAX_WALK_ENTRIES: usize = 100_000;

/// Manifests per project folder, read once. `cargo metadata` (for library names that differ
/// from package names) is run only when enabled: `assay check` does, the language server does
/// not, so typing never waits for cargo.
#[derive(Default)]
pub struct ManifestCache {
    cargo_metadata: bool,
    by_dir: Mutex<HashMap<PathBuf, Option<Arc<ProjectDeps>>>>,
    python: Mutex<HashMap<PathBuf, Option<PythonDeclared>>>,
    rust: Mutex<HashMap<PathBuf, Option<RustDeclared>>>,
    lib_names: Mutex<HashMap<PathBuf, Option<HashMap<String, String>>>>,
}

impl ManifestCache {
    pub fn new(cargo_metadata: bool) -> Self {
        ManifestCache { cargo_metadata, ..Default::default() }
    }

    /// The projects `path` (absolute) belongs to; None when no manifest is above it.
    pub fn for_file(&self, path: &Path) -> Option<Arc<ProjectDeps>> {
        let dir = path.parent()?.to_path_buf();
        if let Some(found) = self.by_dir.lock().unwrap().get(&dir) {
            return found.clone();
        }
        let python = find_up(&dir, |d| std::fs::read_dir(d).into_iter().flatten().flatten().any(|e| e.file_name().to_str().is_some_and(is_python_manifest)))
            .and_then(|root| self.python_project(&root));
        let rust = find_up(&dir, |d| d.join("Cargo.toml").is_file()).and_then(|root| self.rust_project(&root));
        let deps = if python.is_none() && rust.is_none() {
            None
        } else {
            let mut hasher = blake3::Hasher::new();
            if let Some(p) = &python {
                hasher.update(format!("{:?}{:?}{:?}", sorted(&p.dists), sorted(&p.local_modules), p.target).as_bytes());
                let mut installed: Vec<_> = p.installed.iter().collect();
                installed.sort();
                hasher.update(format!("{installed:?}").as_bytes());
            }
            if let Some(r) = &rust {
                hasher.update(format!("{:?}{:?}{:?}{:?}{:?}{:?}", r.lib_name, sorted(&r.normal), sorted(&r.dev), sorted(&r.build), r.build_script, sorted(&r.local_modules)).as_bytes());
            }
            Some(Arc::new(ProjectDeps { python, rust, fingerprint: hasher.finalize().to_hex().to_string() }))
        };
        self.by_dir.lock().unwrap().insert(dir, deps.clone());
        deps
    }

    fn python_project(&self, root: &Path) -> Option<PythonDeclared> {
        if let Some(p) = self.python.lock().unwrap().get(root) {
            return p.clone();
        }
        let p = read_python_project(root);
        self.python.lock().unwrap().insert(root.to_path_buf(), p.clone());
        p
    }

    fn rust_project(&self, root: &Path) -> Option<RustDeclared> {
        if let Some(p) = self.rust.lock().unwrap().get(root) {
            return p.clone();
        }
        let lib_names = if self.cargo_metadata { self.cargo_lib_names(root) } else { None };
        let p = read_rust_project(root, lib_names.as_ref());
        self.rust.lock().unwrap().insert(root.to_path_buf(), p.clone());
        p
    }

    /// Package name → library name of every package in the dependency graph, from
    /// `cargo metadata --offline --locked` (None when cargo is missing, there is no Cargo.lock or
    /// it cannot resolve offline; `--locked` so that a lock file is never written).
    ///
    /// Run once per workspace: the folder of the nearest `Cargo.lock` (without one, `--locked`
    /// would fail anyway, so cargo is not started at all).
    fn cargo_lib_names(&self, root: &Path) -> Option<HashMap<String, String>> {
        let workspace = find_up(root, |d| d.join("Cargo.lock").is_file())?;
        if let Some(found) = self.lib_names.lock().unwrap().get(&workspace) {
            return found.clone();
        }
        let names = run_cargo_metadata(&workspace);
        self.lib_names.lock().unwrap().insert(workspace, names.clone());
        names
    }
}

fn sorted(set: &HashSet<String>) -> BTreeSet<&String> {
    set.iter().collect()
}

fn find_up(dir: &Path, is_root: impl Fn(&Path) -> bool) -> Option<PathBuf> {
    dir.ancestors().find(|d| is_root(d)).map(Path::to_path_buf)
}

fn run_cargo_metadata(root: &Path) -> Option<HashMap<String, String>> {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["metadata", "--offline", "--locked", "--format-version", "1"])
        .current_dir(root)
        .env("CARGO_NET_OFFLINE", "true")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).ok()?;
    let mut names = HashMap::new();
    for package in doc.get("packages")?.as_array()? {
        let Some(name) = package.get("name").and_then(|n| n.as_str()) else { continue };
        let lib = package.get("targets").and_then(|t| t.as_array()).into_iter().flatten().find(|t| {
            t.get("kind").and_then(|k| k.as_array()).is_some_and(|kinds| kinds.iter().any(|k| matches!(k.as_str(), Some("lib" | "rlib" | "dylib" | "proc-macro"))))
        });
        if let Some(lib) = lib.and_then(|t| t.get("name")).and_then(|n| n.as_str()) {
            names.insert(name.to_string(), lib.to_string());
        }
    }
    Some(names)
}

// ---------------------------------------------------------------------------------------------
// Python

fn read_python_project(root: &Path) -> Option<PythonDeclared> {
    let mut p = PythonDeclared { root: root.to_path_buf(), ..Default::default() };
    let mut files: Vec<String> = std::fs::read_dir(root).ok()?.flatten().filter_map(|e| e.file_name().to_str().map(str::to_string)).filter(|n| is_python_manifest(n)).collect();
    files.sort();
    for name in &files {
        let path = root.join(name);
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        match name.as_str() {
            "pyproject.toml" => read_pyproject(&text, &mut p),
            "setup.cfg" => read_setup_cfg(&text, &mut p.dists),
            "setup.py" => read_setup_py(&text, &mut p.dists),
            "Pipfile" => read_pipfile(&text, &mut p.dists),
            _ => read_requirements(&path, &mut p.dists, &mut HashSet::new()),
        }
    }
    // A `requirements/` folder (base.txt, dev.txt, …) is requirements too.
    if let Ok(entries) = std::fs::read_dir(root.join("requirements")) {
        for e in entries.flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                read_requirements(&e.path(), &mut p.dists, &mut HashSet::new());
            }
        }
    }
    // A setup.py / setup.cfg project is built by setuptools, which its setup.py imports.
    if files.iter().any(|f| f == "setup.py" || f == "setup.cfg") {
        p.dists.insert("setuptools".to_string());
    }
    p.manifests = files;
    p.local_modules = python_local_modules(root);
    let mut requires = HashMap::new();
    for venv in virtualenvs(root) {
        read_installed(&venv, &mut p.installed, &mut requires);
    }
    // What the declared distributions install with them is real too (not reported): close the
    // set over the installed metadata and the compiled-in table.
    p.direct = p.dists.clone();
    let mut pending: Vec<String> = p.dists.iter().cloned().collect();
    while let Some(dist) = pending.pop() {
        let mut next = python_requires(&dist);
        next.extend(requires.get(&dist).cloned().unwrap_or_default());
        for d in next {
            if p.dists.insert(d.clone()) {
                pending.push(d);
            }
        }
    }
    Some(p)
}

/// The distribution name at the start of a PEP 508 requirement (`Flask[async]>=3 ; …` → flask).
fn requirement_name(req: &str) -> Option<String> {
    let req = req.trim();
    if let Some(egg) = req.split("#egg=").nth(1) {
        return requirement_name(egg);
    }
    let end = req.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))).unwrap_or(req.len());
    let name = &req[..end];
    (!name.is_empty() && name.starts_with(|c: char| c.is_ascii_alphanumeric())).then(|| normalize_dist(name))
}

fn add_requirement_list(value: Option<&toml::Value>, dists: &mut HashSet<String>) {
    for item in value.and_then(|v| v.as_array()).into_iter().flatten() {
        if let Some(name) = item.as_str().and_then(requirement_name) {
            dists.insert(name);
        }
    }
}

fn add_table_keys(value: Option<&toml::Value>, dists: &mut HashSet<String>) {
    for key in value.and_then(|v| v.as_table()).into_iter().flat_map(|t| t.keys()) {
        if key != "python" {
            dists.insert(normalize_dist(key));
        }
    }
}

fn read_pyproject(text: &str, p: &mut PythonDeclared) {
    let Ok(doc) = toml::from_str::<toml::Value>(text) else { return };
    let get = |path: &[&str]| -> Option<&toml::Value> { path.iter().try_fold(&doc, |v, k| v.get(*k)) };
    let dists = &mut p.dists;
    if let Some(name) = get(&["project", "name"]).and_then(|n| n.as_str()) {
        dists.insert(normalize_dist(name));
    }
    add_requirement_list(get(&["project", "dependencies"]), dists);
    for table in [get(&["project", "optional-dependencies"]), get(&["dependency-groups"]), get(&["tool", "pdm", "dev-dependencies"])] {
        for list in table.and_then(|t| t.as_table()).into_iter().flat_map(|t| t.values()) {
            add_requirement_list(Some(list), dists);
        }
    }
    add_requirement_list(get(&["build-system", "requires"]), dists);
    add_requirement_list(get(&["tool", "uv", "dev-dependencies"]), dists);
    add_table_keys(get(&["tool", "poetry", "dependencies"]), dists);
    add_table_keys(get(&["tool", "poetry", "dev-dependencies"]), dists);
    for group in get(&["tool", "poetry", "group"]).and_then(|g| g.as_table()).into_iter().flat_map(|t| t.values()) {
        add_table_keys(group.get("dependencies"), dists);
    }
    for env in get(&["tool", "hatch", "envs"]).and_then(|g| g.as_table()).into_iter().flat_map(|t| t.values()) {
        add_requirement_list(env.get("dependencies"), dists);
        add_requirement_list(env.get("extra-dependencies"), dists);
    }
    let requires = get(&["project", "requires-python"]).or_else(|| get(&["tool", "poetry", "dependencies", "python"])).and_then(|v| v.as_str());
    p.target = requires.and_then(lowest_python);
}

/// `>=3.10`, `^3.11`, `~=3.9`, `>=3.8,<4` → the lowest version allowed.
fn lowest_python(spec: &str) -> Option<(u32, u32)> {
    let re = regex::Regex::new(r"(?:>=|\^|~=|==|~)\s*(\d+)\.(\d+)").ok()?;
    let c = re.captures(spec)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?))
}

fn read_requirements(path: &Path, dists: &mut HashSet<String>, seen: &mut HashSet<PathBuf>) {
    if !seen.insert(path.to_path_buf()) || seen.len() > 32 {
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else { return };
    let dir = path.parent().unwrap_or(Path::new("."));
    for line in text.lines() {
        let line = line.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let include = ["-r", "--requirement", "-c", "--constraint"].iter().find_map(|opt| line.strip_prefix(opt).filter(|rest| rest.starts_with([' ', '=']) || !opt.starts_with("--")));
        if let Some(rest) = include {
            read_requirements(&dir.join(rest.trim_start_matches('=').trim()), dists, seen);
            continue;
        }
        let line = line.strip_prefix("-e").or_else(|| line.strip_prefix("--editable")).map(str::trim).unwrap_or(line);
        if line.starts_with('-') {
            continue;
        }
        if let Some(name) = requirement_name(line) {
            // A URL or path without `#egg=` names no distribution.
            if !line.contains("://") || line.contains("#egg=") || line.contains(" @ ") {
                dists.insert(name);
            }
        }
    }
}

fn read_setup_cfg(text: &str, dists: &mut HashSet<String>) {
    let mut section = String::new();
    let mut in_list = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_string();
            in_list = false;
            continue;
        }
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        let continuation = raw.starts_with([' ', '\t']);
        if !continuation {
            let (key, value) = line.split_once('=').map(|(k, v)| (k.trim(), v.trim())).unwrap_or((line, ""));
            in_list = section == "options.extras_require" || (section == "options" && matches!(key, "install_requires" | "tests_require" | "setup_requires"));
            if in_list && !value.is_empty() {
                dists.extend(value.split(';').next().and_then(requirement_name));
            }
        } else if in_list {
            dists.extend(requirement_name(line));
        }
    }
}

fn read_setup_py(text: &str, dists: &mut HashSet<String>) {
    let string = regex::Regex::new(r#"["']([^"'\n]+)["']"#).expect("valid regex");
    for keyword in ["install_requires", "extras_require", "tests_require", "setup_requires"] {
        let mut from = 0;
        while let Some(pos) = text[from..].find(keyword) {
            let start = from + pos + keyword.len();
            from = start;
            let Some(open) = text[start..].find(['[', '{']).map(|o| start + o) else { break };
            if !text[start..open].trim().starts_with('=') && !text[start..open].trim().is_empty() {
                continue;
            }
            let mut depth = 0;
            let mut end = text.len();
            for (i, c) in text[open..].char_indices() {
                match c {
                    '[' | '{' | '(' => depth += 1,
                    ']' | '}' | ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = open + i;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            for c in string.captures_iter(&text[open..end]) {
                dists.extend(requirement_name(&c[1]));
            }
        }
    }
}

fn read_pipfile(text: &str, dists: &mut HashSet<String>) {
    let Ok(doc) = toml::from_str::<toml::Value>(text) else { return };
    add_table_keys(doc.get("packages"), dists);
    add_table_keys(doc.get("dev-packages"), dists);
}

/// Every module and package name the project's own files provide, at any depth (src layout,
/// namespace packages, scripts importing their neighbours).
fn python_local_modules(root: &Path) -> HashSet<String> {
    let mut names = HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    let mut walked = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for e in entries.flatten() {
            walked += 1;
            if walked > MAX_WALK_ENTRIES {
                return names;
            }
            let name = e.file_name().to_string_lossy().into_owned();
            let Ok(kind) = e.file_type() else { continue };
            if kind.is_dir() {
                if !name.starts_with('.') && !SKIP_DIRS.contains(&name.as_str()) {
                    names.insert(name);
                    stack.push(e.path());
                }
            } else if let Some(stem) = name.strip_suffix(".py").or_else(|| name.strip_suffix(".pyi")) {
                names.insert(stem.to_string());
            } else if name.ends_with(".so") || name.ends_with(".pyd") {
                names.extend(name.split('.').next().map(str::to_string));
            }
        }
    }
    names
}

fn virtualenvs(root: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = [".venv", "venv"].iter().map(|v| root.join(v)).filter(|p| p.is_dir()).collect();
    if let Some(v) = std::env::var_os("VIRTUAL_ENV").map(PathBuf::from).filter(|p| p.is_dir()) {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// Top-level modules of each installed distribution (`top_level.txt`, else `RECORD`).
fn read_installed(venv: &Path, installed: &mut HashMap<String, Vec<String>>, requires: &mut HashMap<String, Vec<String>>) {
    let mut site_dirs = vec![venv.join("Lib/site-packages")];
    for lib in ["lib", "lib64"] {
        for e in std::fs::read_dir(venv.join(lib)).into_iter().flatten().flatten() {
            site_dirs.push(e.path().join("site-packages"));
        }
    }
    for site in site_dirs {
        for e in std::fs::read_dir(&site).into_iter().flatten().flatten() {
            let file = e.file_name().to_string_lossy().into_owned();
            let Some(stem) = file.strip_suffix(".dist-info") else { continue };
            let dist = normalize_dist(stem.split('-').next().unwrap_or(stem));
            if let Ok(metadata) = std::fs::read_to_string(e.path().join("METADATA")) {
                // `Requires-Dist: x (>=1) ; extra == "y"`: extras are optional, leave them out.
                let deps = metadata.lines().filter_map(|l| l.strip_prefix("Requires-Dist:")).filter(|l| !l.contains("extra ==")).filter_map(requirement_name);
                requires.entry(dist.clone()).or_default().extend(deps);
            }
            let mut modules = BTreeSet::new();
            if let Ok(top) = std::fs::read_to_string(e.path().join("top_level.txt")) {
                modules.extend(top.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string));
            } else if let Ok(record) = std::fs::read_to_string(e.path().join("RECORD")) {
                for line in record.lines() {
                    let path = line.split(',').next().unwrap_or("");
                    let first = path.split('/').next().unwrap_or("");
                    if first.is_empty() || first.starts_with("..") || first.ends_with(".dist-info") || first.ends_with(".data") || first == "__pycache__" {
                        continue;
                    }
                    let module = if path.contains('/') { first } else { first.split('.').next().unwrap_or(first) };
                    if !module.is_empty() && !path.ends_with(".pth") {
                        modules.insert(module.to_string());
                    }
                }
            }
            for m in modules {
                let entry = installed.entry(m).or_default();
                if !entry.contains(&dist) {
                    entry.push(dist.clone());
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rust

const DEP_TABLES: [&str; 3] = ["dependencies", "dev-dependencies", "build-dependencies"];

fn read_rust_project(root: &Path, lib_names: Option<&HashMap<String, String>>) -> Option<RustDeclared> {
    let text = std::fs::read_to_string(root.join("Cargo.toml")).ok()?;
    let doc: toml::Value = toml::from_str(&text).ok()?;
    // A virtual workspace manifest is no package: its members have their own Cargo.toml.
    let package = doc.get("package")?;
    let name = package.get("name").and_then(|n| n.as_str());
    let lib_name = doc.get("lib").and_then(|l| l.get("name")).and_then(|n| n.as_str()).map(str::to_string).or_else(|| name.map(crate_ident));
    let workspace_deps = workspace_dependencies(root, &doc);
    let mut r = RustDeclared {
        root: root.to_path_buf(),
        lib_name,
        build_script: PathBuf::from(package.get("build").and_then(|b| b.as_str()).unwrap_or("build.rs")),
        ..Default::default()
    };
    let mut tables: Vec<(usize, &toml::Value)> = Vec::new();
    for (i, t) in DEP_TABLES.iter().enumerate() {
        tables.extend(doc.get(*t).map(|v| (i, v)));
        // Older manifests spell them with underscores.
        tables.extend(doc.get(t.replace('-', "_")).map(|v| (i, v)));
    }
    for target in doc.get("target").and_then(|t| t.as_table()).into_iter().flat_map(|t| t.values()) {
        for (i, t) in DEP_TABLES.iter().enumerate() {
            tables.extend(target.get(*t).map(|v| (i, v)));
        }
    }
    for (kind, table) in tables {
        let set = match kind {
            0 => &mut r.normal,
            1 => &mut r.dev,
            _ => &mut r.build,
        };
        for (key, spec) in table.as_table().into_iter().flatten() {
            let inherited = spec.get("workspace").and_then(|w| w.as_bool()) == Some(true);
            let spec = if inherited { workspace_deps.as_ref().and_then(|w| w.get(key)).unwrap_or(spec) } else { spec };
            let package = spec.get("package").and_then(|p| p.as_str());
            match package {
                // `foo = { package = "bar" }`: the code says `foo`.
                Some(_) => {
                    set.insert(crate_ident(key));
                }
                None => {
                    set.insert(crate_ident(key));
                    set.insert(lib_names.and_then(|m| m.get(key)).cloned().unwrap_or_else(|| rust_lib_name(key)));
                }
            }
        }
    }
    // Module files beside the crate roots: `src/`, and wherever `[lib]` / `[[bin]]` paths point.
    let mut source_dirs = vec![root.join("src")];
    let target_paths = doc.get("lib").and_then(|l| l.get("path")).into_iter().chain(doc.get("bin").and_then(|b| b.as_array()).into_iter().flatten().filter_map(|b| b.get("path")));
    for path in target_paths.filter_map(|p| p.as_str()) {
        if let Some(dir) = root.join(path).parent() {
            if !source_dirs.iter().any(|d| d == dir) {
                source_dirs.push(dir.to_path_buf());
            }
        }
    }
    // `extern crate alloc as stdalloc;` in a crate root puts `stdalloc` in every module's scope.
    let extern_alias = regex::Regex::new(r"extern\s+crate\s+\w+\s+as\s+(\w+)").expect("valid regex");
    for dir in &source_dirs {
        for root_file in ["lib.rs", "main.rs"] {
            if let Ok(text) = std::fs::read_to_string(dir.join(root_file)) {
                r.local_modules.extend(extern_alias.captures_iter(&text).map(|c| c[1].to_string()));
            }
        }
    }
    for e in source_dirs.iter().flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten()) {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_dir()) {
            r.local_modules.insert(name);
        } else if let Some(stem) = name.strip_suffix(".rs") {
            r.local_modules.insert(stem.to_string());
        }
    }
    Some(r)
}

/// `[workspace.dependencies]` of this manifest or of the workspace root above it.
fn workspace_dependencies(root: &Path, doc: &toml::Value) -> Option<toml::Value> {
    if let Some(deps) = doc.get("workspace").and_then(|w| w.get("dependencies")) {
        return Some(deps.clone());
    }
    for dir in root.ancestors().skip(1) {
        let Ok(text) = std::fs::read_to_string(dir.join("Cargo.toml")) else { continue };
        let Ok(parent) = toml::from_str::<toml::Value>(&text) else { continue };
        if let Some(ws) = parent.get("workspace") {
            return ws.get("dependencies").cloned();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requirement_names() {
        assert_eq!(requirement_name("Flask[async]>=3.0 ; python_version>'3.8'").as_deref(), Some("flask"));
        assert_eq!(requirement_name("git+https://x/y.git#egg=My_Pkg").as_deref(), Some("my-pkg"));
        assert_eq!(requirement_name("zope.interface==5").as_deref(), Some("zope-interface"));
        assert_eq!(lowest_python(">=3.10,<4"), Some((3, 10)));
        assert_eq!(lowest_python("^3.11"), Some((3, 11)));
    }

    #[test]
    fn setup_files() {
        let mut d = HashSet::new();
        read_setup_cfg("[options]\ninstall_requires =\n    requests>=2\n    PyYAML\n[options.extras_require]\ndev = pytest\n", &mut d);
        assert!(d.contains("requests") && d.contains("pyyaml") && d.contains("pytest"), "{d:?}");
        let mut d = HashSet::new();
        read_setup_py("setup(name='x', install_requires=['click>=8', \"rich\"], extras_require={'s3': ['boto3']})", &mut d);
        assert!(d.contains("click") && d.contains("rich") && d.contains("boto3") && !d.contains("x"), "{d:?}");
    }
}
