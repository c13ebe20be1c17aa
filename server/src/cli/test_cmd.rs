//! `assay test PATH...`: run rules against annotated fixtures, like `semgrep --test`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::engine::fixtures::check_fixture;
use crate::engine::{Catalog, Language};

pub struct TestArgs {
    pub paths: Vec<PathBuf>,
    pub rule_dirs: Vec<PathBuf>,
}

pub fn run(args: TestArgs) -> anyhow::Result<ExitCode> {
    // Rule folders are the given --rules, plus any given path that holds `<language>/*.toml` rules.
    let mut dirs = args.rule_dirs.clone();
    for path in &args.paths {
        if path.is_dir() && Language::ALL.iter().any(|l| path.join(l.name()).is_dir() && has_rules(&path.join(l.name()))) {
            dirs.push(path.clone());
        }
    }
    let dir_refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
    let catalog = match Catalog::with_user_dirs(&dir_refs) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            return Ok(ExitCode::from(2));
        }
    };
    let mut fixtures = Vec::new();
    for path in &args.paths {
        collect_fixtures(path, &mut fixtures);
    }
    if fixtures.is_empty() {
        eprintln!("error: no Python or Rust fixture files under {}", args.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "));
        return Ok(ExitCode::from(2));
    }
    let (mut passed, mut failed, mut checked) = (0usize, 0usize, 0usize);
    for (language, path) in fixtures {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {}: cannot read: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let logical = crate::engine::fixtures::logical_path(&text, &path);
        let result = check_fixture(&catalog, language, &path.display().to_string(), &logical, &text);
        if result.expectations.is_empty() {
            continue;
        }
        checked += result.expectations.len();
        if result.failures.is_empty() {
            passed += 1;
        } else {
            failed += 1;
            for f in &result.failures {
                println!("FAIL {f}");
            }
        }
    }
    println!("{checked} annotations checked");
    println!("{passed} passed, {failed} failed");
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn has_rules(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.any(|e| e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "scm"))))
}

fn collect_fixtures(path: &Path, out: &mut Vec<(Language, PathBuf)>) {
    if path.is_file() {
        if let Some(language) = Language::from_path(path) {
            out.push((language, path.to_path_buf()));
        }
        return;
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    entries.sort();
    for entry in entries {
        collect_fixtures(&entry, out);
    }
}
