//! The dependency checks end to end: the real binary on the fixture projects under
//! `tests/fixtures/deps/` (copied to a temporary folder, so no manifest of this repository is
//! above them), each line annotated `ruleid:` / `ok:` as in the rule fixtures.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use assay::engine::fixtures::parse_annotations;
use assay::engine::Language;

const BIN: &str = env!("CARGO_BIN_EXE_assay");
const RULES: &str = "py-undeclared-import,py-typosquat-import,rs-undeclared-crate,rs-typosquat-crate";

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/deps"), dir.path());
    dir
}

/// (path relative to the root, 1-based line, rule id) of every finding of the dependency rules.
fn findings(root: &Path, extra_env: &[(&str, &Path)]) -> BTreeSet<(String, usize, String)> {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(root).args(["check", ".", "--format", "json", "--no-cache", "--exit-zero", "--select", RULES]).env_remove("VIRTUAL_ENV");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "assay failed: {}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["start"]["line"].as_u64().unwrap() as usize, f["rule_id"].as_str().unwrap().to_string()))
        .collect()
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            source_files(&p, out);
        } else if Language::from_path(&p).is_some() {
            out.push(p);
        }
    }
}

#[test]
fn fixture_projects_flag_exactly_the_annotated_lines() {
    let dir = fixture_copy();
    let root = dir.path();
    let found = findings(root, &[]);
    let mut failures = Vec::new();
    let mut files = Vec::new();
    source_files(root, &mut files);
    let mut expected_count = 0;
    for file in files {
        let rel = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&file).unwrap();
        let language = Language::from_path(&file).unwrap();
        for e in parse_annotations(language, &text) {
            let hit = found.contains(&(rel.clone(), e.line + 1, e.rule_id.clone()));
            if e.must_flag {
                expected_count += 1;
            }
            if e.must_flag && !hit {
                failures.push(format!("{rel}:{}: expected {}", e.line + 1, e.rule_id));
            }
            if !e.must_flag && hit {
                failures.push(format!("{rel}:{}: unexpected {}", e.line + 1, e.rule_id));
            }
        }
        for (path, line, rule) in found.iter().filter(|(p, _, _)| *p == rel) {
            let annotated = parse_annotations(language, &text).iter().any(|e| e.must_flag && e.line + 1 == *line && e.rule_id == *rule);
            if !annotated {
                failures.push(format!("{path}:{line}: {rule} on an unannotated line"));
            }
        }
    }
    assert!(expected_count >= 20, "the fixtures should plant at least 20 findings, found {expected_count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_virtualenv_maps_import_names_to_installed_distributions() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("requirements.txt"), "acme-toolkit==1.0\n").unwrap();
    std::fs::write(root.join("app.py"), "import acmetk\nimport vendored_helper\nimport nothing_declares_this\n").unwrap();
    let site = root.join(".venv/lib/python3.12/site-packages");
    let info = site.join("acme_toolkit-1.0.dist-info");
    std::fs::create_dir_all(&info).unwrap();
    std::fs::write(info.join("top_level.txt"), "acmetk\n").unwrap();
    std::fs::write(info.join("METADATA"), "Metadata-Version: 2.1\nName: acme-toolkit\nRequires-Dist: vendor-helper (>=1)\n").unwrap();
    let helper = site.join("vendor_helper-2.0.dist-info");
    std::fs::create_dir_all(&helper).unwrap();
    std::fs::write(helper.join("RECORD"), "vendored_helper/__init__.py,sha256=x,1\nvendor_helper-2.0.dist-info/METADATA,,\n").unwrap();
    let found = findings(root, &[]);
    let lines: Vec<usize> = found.iter().filter(|(p, _, r)| p == "app.py" && r == "py-undeclared-import").map(|(_, l, _)| *l).collect();
    assert_eq!(lines, vec![3], "only the import nothing provides is undeclared: {found:?}");

    // Without the virtualenv, `acmetk` cannot be traced to `acme-toolkit`.
    std::fs::remove_dir_all(root.join(".venv")).unwrap();
    let found = findings(root, &[]);
    let lines: Vec<usize> = found.iter().filter(|(p, _, r)| p == "app.py" && r == "py-undeclared-import").map(|(_, l, _)| *l).collect();
    assert_eq!(lines, vec![1, 2, 3], "{found:?}");
}

#[test]
fn a_manifest_change_is_seen_on_the_next_run_despite_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("requirements.txt"), "flask\n").unwrap();
    std::fs::write(root.join("app.py"), "import flask\nimport httpx\n").unwrap();
    let run = || {
        let out = Command::new(BIN).current_dir(root).args(["check", ".", "--format", "json", "--exit-zero", "--select", RULES]).env_remove("VIRTUAL_ENV").output().unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["findings"].as_array().unwrap().len()
    };
    assert_eq!(run(), 1);
    std::fs::write(root.join("requirements.txt"), "flask\nhttpx\n").unwrap();
    assert_eq!(run(), 0, "the cached result must not survive a manifest change");
}

#[test]
fn cargo_metadata_supplies_library_names_the_table_does_not_know() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("odd/src")).unwrap();
    std::fs::create_dir_all(root.join("app/src")).unwrap();
    std::fs::write(root.join("odd/Cargo.toml"), "[package]\nname = \"odd-package\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[lib]\nname = \"strange\"\n").unwrap();
    std::fs::write(root.join("odd/src/lib.rs"), "pub fn x() {}\n").unwrap();
    std::fs::write(root.join("app/Cargo.toml"), "[package]\nname = \"app\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\nodd-package = { path = \"../odd\" }\n").unwrap();
    std::fs::write(root.join("app/src/lib.rs"), "use strange::x;\npub fn y() { x() }\n").unwrap();
    let lock = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())).current_dir(root.join("app")).args(["generate-lockfile", "--offline"]).output().unwrap();
    assert!(lock.status.success(), "{}", String::from_utf8_lossy(&lock.stderr));
    let found = findings(&root.join("app"), &[]);
    assert!(found.is_empty(), "cargo metadata maps odd-package to its library `strange`: {found:?}");
    // Without a lock file (so no cargo metadata), only the compiled-in table is left.
    std::fs::remove_file(root.join("app/Cargo.lock")).unwrap();
    let found = findings(&root.join("app"), &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(!root.join("app/Cargo.lock").exists(), "assay must never write a lock file");
}
