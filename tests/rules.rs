//! The shipped catalog: every rule validates, every fixture's annotations hold, and every rule
//! has fixture lines of both kinds (must flag, must not flag).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use assay::engine::catalog::embedded_rules;
use assay::engine::fixtures::{check_fixture, logical_path};
use assay::engine::{Catalog, Language};

fn fixture_files() -> Vec<(Language, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for language in Language::ALL {
        let dir = root.join(language.name());
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if Language::from_path(&path) == Some(*language) {
                out.push((*language, path));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn catalog_validates_every_rule_query_on_its_own() {
    let mut errors = Vec::new();
    let rules = embedded_rules(true, &mut errors);
    assert!(errors.is_empty(), "invalid rules:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
    assert!(!rules.is_empty());
    let catalog = Catalog::embedded();
    for language in Language::ALL {
        if let Err(e) = catalog.compiled(*language) {
            panic!("combined {language} query: {e}");
        }
    }
}

#[test]
fn every_fixture_annotation_holds() {
    let catalog = Catalog::embedded();
    let mut failures = Vec::new();
    for (language, path) in fixture_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let display = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(&path).display().to_string();
        let result = check_fixture(&catalog, language, &display, &logical_path(&text, &path), &text);
        failures.extend(result.failures);
    }
    assert!(failures.is_empty(), "{} fixture failure(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_query_rule_has_fixtures_of_both_kinds() {
    let catalog = Catalog::embedded();
    let mut flagged: BTreeMap<String, usize> = BTreeMap::new();
    let mut ok: BTreeMap<String, usize> = BTreeMap::new();
    for (language, path) in fixture_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        for e in assay::engine::fixtures::parse_annotations(language, &text) {
            *(if e.must_flag { &mut flagged } else { &mut ok }).entry(e.rule_id).or_default() += 1;
        }
    }
    let mut missing = BTreeSet::new();
    for rule in catalog.rules().iter().filter(|r| r.query.is_some()) {
        if !flagged.contains_key(rule.id()) {
            missing.insert(format!("{}: no `ruleid:` line", rule.id()));
        }
        if !ok.contains_key(rule.id()) {
            missing.insert(format!("{}: no `ok:` line", rule.id()));
        }
    }
    assert!(missing.is_empty(), "rules without fixtures of both kinds:\n{}", missing.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn rule_reference_is_generated_from_the_catalog() {
    let expected = assay::cli::rules_cmd::markdown(&Catalog::embedded());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/RULES.md");
    if std::env::var_os("ASSAY_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "queries/RULES.md is stale: run `ASSAY_UPDATE_DOCS=1 cargo test --test rules`");
}

/// The keyed matcher (call patterns run only on calls with a matching callee name) must find
/// exactly what one full pass of every pattern finds.
#[test]
fn keyed_matching_equals_the_full_pass() {
    let fast = Catalog::embedded();
    let reference = Catalog::embedded().without_keyed_queries();
    let mut files: Vec<(Language, PathBuf)> = fixture_files();
    files.extend(common::source_files(&["tests/projects", "server/src"]));
    assert!(files.len() > 100, "expected fixtures and project files, found {}", files.len());
    let settings = assay::engine::ScanSettings::default();
    let mut differences = Vec::new();
    for (language, path) in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let logical = logical_path(&text, &path);
        let a = assay::engine::scan_source(&fast, language, &logical, &text, None, &settings).findings;
        let b = assay::engine::scan_source(&reference, language, &logical, &text, None, &settings).findings;
        let key = |f: &assay::engine::Finding| (f.rule_id.clone(), f.range.start_byte, f.range.end_byte, f.message.clone());
        let (a, b): (BTreeSet<_>, BTreeSet<_>) = (a.iter().map(key).collect(), b.iter().map(key).collect());
        for missing in b.difference(&a) {
            differences.push(format!("{}: keyed matcher missed {:?}", path.display(), missing));
        }
        for extra in a.difference(&b) {
            differences.push(format!("{}: keyed matcher added {:?}", path.display(), extra));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// `#match?` and `#not-match?` are evaluated by assay (one compiled regex per distinct source),
/// with tree-sitter's meaning: every node of the capture must agree, and a capture that matched
/// no node passes. The same query run by tree-sitter itself flags the same classes.
#[test]
fn text_match_predicates_keep_tree_sitter_meaning() {
    use streaming_iterator::StreamingIterator;
    let query = "(class_definition\n  name: (identifier) @name @match\n  superclasses: (argument_list (identifier)+ @bases)?\n  (#match? @name \"^Test\")\n  (#not-match? @bases \"^Base\"))\n";
    let text = "class TestNoBases:\n    pass\n\nclass TestMixed(Mixin, BaseModel):\n    pass\n\nclass TestBased(BaseModel):\n    pass\n\nclass TestPlain(Mixin, Other):\n    pass\n\nclass Helper(Mixin):\n    pass\n";
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("python");
    std::fs::create_dir_all(&rules).unwrap();
    let meta = "id = \"x-test-class-bases\"\ntitle = \"Test class\"\nseverity = \"warning\"\nconfidence = \"high\"\ncategory = \"test\"\ncwe = [\"CWE-1\"]\nmessage = \"test class {name}\"\nhelp = \"Nothing to fix.\"\ndescription = \"A test rule.\"\nhint = \"Name test classes plainly.\"\n";
    std::fs::write(rules.join("x-test-class-bases.toml"), meta).unwrap();
    std::fs::write(rules.join("x-test-class-bases.scm"), query).unwrap();
    let catalog = Catalog::with_user_dirs(&[dir.path()]).unwrap_or_else(|e| panic!("{:?}", e.iter().map(|e| e.to_string()).collect::<Vec<_>>()));
    let report = assay::engine::scan_source(&catalog, Language::Python, Path::new("app/models.py"), text, None, &assay::engine::ScanSettings::default());
    let by_assay: BTreeSet<&str> = report.findings.iter().filter(|f| f.rule_id == "x-test-class-bases").map(|f| &text[f.range.start_byte..f.range.end_byte]).collect();
    let grammar = Language::Python.grammar();
    let tree = assay::engine::parse(Language::Python, text, None).unwrap();
    let ts_query = tree_sitter::Query::new(&grammar, query).unwrap();
    let name = ts_query.capture_index_for_name("name").unwrap();
    let mut cursor = tree_sitter::QueryCursor::new();
    let mut matches = cursor.matches(&ts_query, tree.root_node(), text.as_bytes());
    let mut by_tree_sitter = BTreeSet::new();
    while let Some(m) = matches.next() {
        let node = m.captures.iter().find(|c| c.index == name).unwrap().node;
        by_tree_sitter.insert(&text[node.byte_range()]);
    }
    assert_eq!(by_assay, by_tree_sitter);
    assert!(by_assay.contains("TestNoBases") && !by_assay.contains("TestBased") && !by_assay.contains("Helper"), "{by_assay:?}");
}
