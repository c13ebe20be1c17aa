//! Hallucinated and undeclared dependencies ("slopsquatting"): every imported Python module and
//! every crate a Rust file names is resolved against the standard library, the project's own
//! modules and what its manifests declare. No network: the manifests are read by the caller
//! (`project::manifests`) and handed over as `ProjectDeps`; the name tables are compiled in.
//!
//! Four built-in rules: `py-undeclared-import` / `rs-undeclared-crate` (nothing declares the
//! name; only for files inside a project with a manifest) and `py-typosquat-import` /
//! `rs-typosquat-crate` (the name is a small edit away from a popular package and is not that
//! package; for every file, manifest or not).

pub mod names;
mod python;
mod rust;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tree_sitter::Node;

use super::finding::{Finding, TextRange};
use super::language::Language;
use super::rules::Severity;
use super::ScanSettings;

pub const RULE_PY_UNDECLARED: &str = "py-undeclared-import";
pub const RULE_PY_TYPOSQUAT: &str = "py-typosquat-import";
pub const RULE_RS_UNDECLARED: &str = "rs-undeclared-crate";
pub const RULE_RS_TYPOSQUAT: &str = "rs-typosquat-crate";

/// What the Python project around a file declares.
#[derive(Debug, Default, Clone)]
pub struct PythonDeclared {
    /// The folder holding the manifests (the project root).
    pub root: PathBuf,
    /// Manifest file names, for messages (`pyproject.toml, requirements.txt`).
    pub manifests: Vec<String>,
    /// Declared distributions, PEP 503-normalized, and what well-known ones install with them.
    pub dists: HashSet<String>,
    /// Only the distributions the manifests name.
    pub direct: HashSet<String>,
    /// Top-level module names the project itself provides (files and packages anywhere in it).
    pub local_modules: HashSet<String>,
    /// From an installed virtualenv: top-level module → distributions that install it.
    pub installed: HashMap<String, Vec<String>>,
    /// Lowest Python version of `requires-python`, to judge removed standard modules.
    pub target: Option<(u32, u32)>,
}

/// What the Rust package around a file declares. Names are crate idents (`_`, not `-`).
#[derive(Debug, Default, Clone)]
pub struct RustDeclared {
    /// The folder holding `Cargo.toml`.
    pub root: PathBuf,
    /// The package's own library name (usable from bins, tests, benches, examples).
    pub lib_name: Option<String>,
    pub normal: HashSet<String>,
    /// `[dev-dependencies]`: only in tests, benches, examples and `#[cfg(test)]` code.
    pub dev: HashSet<String>,
    /// `[build-dependencies]`: only in the build script.
    pub build: HashSet<String>,
    /// The build script's path relative to `root` (`build.rs` unless `package.build` says).
    pub build_script: PathBuf,
    /// Top-level module names of the crate (files and folders under `src/`).
    pub local_modules: HashSet<String>,
}

/// The projects a file belongs to, as far as manifests say; `fingerprint` changes whenever a
/// manifest or the project's module list does (result caches key on it).
#[derive(Debug, Default, Clone)]
pub struct ProjectDeps {
    pub python: Option<PythonDeclared>,
    pub rust: Option<RustDeclared>,
    pub fingerprint: String,
}

/// One name a file uses that may be a dependency.
struct Reference<'t> {
    name: String,
    node: Node<'t>,
    /// Python: under `try/except ImportError` or `if TYPE_CHECKING:` (an optional dependency).
    /// Rust: a path in code rather than in `use` / `extern crate`.
    guarded: bool,
    /// Rust: in `#[cfg(test)]` / `#[test]` code, where dev-dependencies are in scope.
    test_code: bool,
}

/// The dependency findings of one file (not yet suppressed; disabled rules already left out).
pub fn check(language: Language, path: &Path, src: &[u8], root: Node, settings: &ScanSettings) -> Vec<Finding> {
    if [RULE_PY_UNDECLARED, RULE_PY_TYPOSQUAT, RULE_RS_UNDECLARED, RULE_RS_TYPOSQUAT].iter().all(|r| settings.disabled.contains(*r)) {
        return Vec::new();
    }
    let project = settings.dependencies.as_deref();
    let mut out = Vec::new();
    match language {
        Language::Python => check_python(path, src, root, project.and_then(|p| p.python.as_ref()), settings, &mut out),
        Language::Rust => check_rust(path, src, root, project.and_then(|p| p.rust.as_ref()), settings, &mut out),
    }
    out
}

fn finding(rule: &str, default: Severity, node: Node, message: String, settings: &ScanSettings) -> Option<Finding> {
    if settings.disabled.contains(rule) {
        return None;
    }
    Some(Finding {
        rule_id: rule.to_string(),
        severity: settings.severity_overrides.get(rule).copied().unwrap_or(default),
        message,
        range: TextRange::from_node(node),
        fix: None,
        suppression: None,
        cell: None,
    })
}

fn check_python(path: &Path, src: &[u8], root: Node, project: Option<&PythonDeclared>, settings: &ScanSettings, out: &mut Vec<Finding>) {
    let test_file = super::semantics::python::is_test_path(path);
    let mut seen = HashSet::new();
    // Each module is reported once per file, at its first import that is reported.
    for r in python::imports(root, src) {
        let top = r.name.split('.').next().unwrap_or_default();
        let target = project.and_then(|p| p.target);
        if names::is_python_stdlib(top, target) || is_sibling_module(path, top) || is_inside_package(path, top) {
            continue;
        }
        if let Some(p) = project {
            if p.local_modules.contains(top) {
                continue;
            }
        }
        if let Some(popular) = names::pypi().typosquat_of(top) {
            let message = format!(
                "`{top}` is one or two letters away from the popular package `{popular}` but is not it: a likely typosquat or hallucinated name; check the spelling before installing anything"
            );
            if seen.insert(top.to_string()) {
                out.extend(finding(RULE_PY_TYPOSQUAT, Severity::Error, r.node, message, settings));
            }
            continue;
        }
        let Some(p) = project else { continue };
        if r.guarded || python_declared(&r.name, p) {
            continue;
        }
        // pytest is routinely installed by tox, nox or CI rather than declared.
        if test_file && matches!(top, "pytest" | "_pytest") {
            continue;
        }
        let removed = names::python_stdlib_removed(top).filter(|_| names::is_python_stdlib(top, None));
        let why = match removed {
            Some((a, b)) => format!("`{top}` was removed from the standard library in Python {a}.{b} and"),
            None => format!("`{top}` is not in the standard library or the project, and"),
        };
        let installed = p.installed.get(top).filter(|d| !d.is_empty()).map(|d| format!(" (installed in the virtualenv by `{}`, but only as a dependency of something else)", d[0])).unwrap_or_default();
        let message = format!(
            "{why} no dependency in {} provides it{installed}: declare the package, or if the name was invented by an assistant, remove the import — a hallucinated name can be registered by an attacker",
            p.manifests.join(", ")
        );
        if seen.insert(top.to_string()) {
            out.extend(finding(RULE_PY_UNDECLARED, Severity::Warning, r.node, message, settings));
        }
    }
}

/// `import helpers` beside `helpers.py` (or a `helpers/` package): a script's own module.
fn is_sibling_module(path: &Path, module: &str) -> bool {
    let Some(dir) = path.parent() else { return false };
    if dir.as_os_str().is_empty() {
        return false;
    }
    dir.join(format!("{module}.py")).is_file() || dir.join(module).is_dir()
}

/// `import cfnlint` from a file under `cfnlint/`: a package importing itself absolutely.
fn is_inside_package(path: &Path, module: &str) -> bool {
    path.parent().is_some_and(|dir| dir.components().any(|c| c.as_os_str() == module))
}

/// Does a declared distribution provide `dotted` (the full dotted module name)?
fn python_declared(dotted: &str, p: &PythonDeclared) -> bool {
    let segments: Vec<&str> = dotted.split('.').collect();
    let top = segments[0];
    // `google.cloud.storage` → google-cloud-storage, google-cloud; `yaml` → yaml, python-yaml…
    for n in (1..=segments.len()).rev() {
        let joined = names::normalize_dist(&segments[..n].join("-"));
        if p.dists.contains(&joined) {
            return true;
        }
    }
    let plain = names::normalize_dist(top);
    let candidates = [plain.clone(), format!("python-{plain}"), format!("py{plain}"), format!("{plain}-python"), format!("{plain}-py")];
    if candidates.iter().any(|c| p.dists.contains(c)) {
        return true;
    }
    if names::python_import_dists(top).iter().any(|d| p.dists.contains(d)) {
        return true;
    }
    // Dotted aliases such as `google.protobuf` → protobuf.
    if segments.len() > 1 && names::python_import_dists(&segments[..2].join(".")).iter().any(|d| p.dists.contains(d)) {
        return true;
    }
    p.installed.get(top).is_some_and(|dists| dists.iter().any(|d| p.dists.contains(d)))
}

fn check_rust(path: &Path, src: &[u8], root: Node, project: Option<&RustDeclared>, settings: &ScanSettings, out: &mut Vec<Finding>) {
    let file = rust::scan(root, src);
    let mut seen = HashSet::new();
    let role = project.map(|p| rust_role(path, p)).unwrap_or(RustRole::Library);
    // `src/tests.rs`, `src/foo/tests/…`, `#![cfg(test)]`: modules only compiled for tests.
    let test_file = rust::file_is_test_code(root, src)
        || path.file_stem().is_some_and(|s| s == "tests" || s == "test" || s.to_string_lossy().ends_with("_tests"))
        || path.components().any(|c| c.as_os_str() == "tests");
    for r in &file.references {
        let name = r.name.as_str();
        if names::RUST_BUILTIN_CRATES.contains(&name) || file.local_names.contains(name) || (r.guarded && file.has_glob)
            // Compiler crates, reachable only with `#![feature(rustc_private)]`.
            || name.starts_with("rustc_") {
            continue;
        }
        if project.is_some_and(|p| p.local_modules.contains(name) || p.lib_name.as_deref() == Some(name)) {
            continue;
        }
        if let Some(popular) = names::crates().typosquat_of(name) {
            let message = format!(
                "crate `{name}` is one letter away from the popular crate `{popular}` but is not it: a likely typosquat or hallucinated name; check the spelling before adding it to Cargo.toml"
            );
            if seen.insert(name.to_string()) {
                out.extend(finding(RULE_RS_TYPOSQUAT, Severity::Error, r.node, message, settings));
            }
            continue;
        }
        let declared = project.map(|p| rust_declared(name, p, role, r.test_code || test_file));
        let Some(p) = project else { continue };
        let message = match declared {
            Some(Declared::Yes) | None => continue,
            Some(Declared::OnlyDev) => format!(
                "crate `{name}` is only a dev-dependency in Cargo.toml, which is not available here (dev-dependencies serve tests, benches and examples): move it to [dependencies] or use it from test code"
            ),
            Some(Declared::OnlyBuild) => format!(
                "crate `{name}` is only a build-dependency in Cargo.toml, which serves the build script alone: add it to [dependencies]"
            ),
            Some(Declared::OnlyNormalInBuild) => format!(
                "the build script uses crate `{name}`, but build scripts see only [build-dependencies]: add it there"
            ),
            Some(Declared::No) => format!(
                "crate `{name}` is not std, the crate itself or a dependency in {}: declare it, or if the name was invented by an assistant, remove it — a hallucinated crate name can be registered by an attacker",
                p.root.join("Cargo.toml").file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
            ),
        };
        // Each crate is reported once per file, at its first use that is reported.
        if seen.insert(name.to_string()) {
            out.extend(finding(RULE_RS_UNDECLARED, Severity::Warning, r.node, message, settings));
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RustRole {
    Library,
    /// `src/main.rs`, `src/bin/*`: the package's own library is a dependency.
    Binary,
    /// tests/, benches/, examples/: dev-dependencies too.
    DevTarget,
    Build,
}

fn rust_role(path: &Path, p: &RustDeclared) -> RustRole {
    let rel = path.strip_prefix(&p.root).unwrap_or(path);
    if rel == p.build_script {
        return RustRole::Build;
    }
    let first = rel.components().next().and_then(|c| c.as_os_str().to_str()).unwrap_or("");
    if matches!(first, "tests" | "benches" | "examples") {
        return RustRole::DevTarget;
    }
    if rel == Path::new("src/main.rs") || rel.starts_with("src/bin") {
        return RustRole::Binary;
    }
    RustRole::Library
}

enum Declared {
    Yes,
    No,
    OnlyDev,
    OnlyBuild,
    OnlyNormalInBuild,
}

fn rust_declared(name: &str, p: &RustDeclared, role: RustRole, test_code: bool) -> Declared {
    let (normal, dev, build) = (p.normal.contains(name), p.dev.contains(name), p.build.contains(name));
    match role {
        RustRole::Build if build => Declared::Yes,
        RustRole::Build if normal => Declared::OnlyNormalInBuild,
        RustRole::Build => Declared::No,
        _ if normal => Declared::Yes,
        RustRole::DevTarget if dev => Declared::Yes,
        _ if dev && test_code => Declared::Yes,
        _ if dev => Declared::OnlyDev,
        _ if build => Declared::OnlyBuild,
        _ => Declared::No,
    }
}
