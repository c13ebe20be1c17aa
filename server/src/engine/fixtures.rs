//! Annotated fixture files, as in `semgrep --test`: a comment `ruleid: <id>` marks a line that
//! must be flagged by that rule, `ok: <id>` one that must not. The annotation applies to its own
//! line when it trails code, and to the next code line when it stands alone.

use std::path::Path;

use super::{scan_source, Catalog, Language, ScanSettings};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub rule_id: String,
    /// 0-based line the expectation is about.
    pub line: usize,
    pub must_flag: bool,
}

#[derive(Debug, Default)]
pub struct FixtureResult {
    pub expectations: Vec<Expectation>,
    /// Human-readable failures: `file:line: expected <id>` / `unexpected <id>`.
    pub failures: Vec<String>,
}

pub fn parse_annotations(language: Language, text: &str) -> Vec<Expectation> {
    let marker = language.line_comment();
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(pos) = line.find(marker) else { continue };
        let comment = line[pos + marker.len()..].trim();
        let (must_flag, rest) = if let Some(r) = comment.strip_prefix("ruleid:") {
            (true, r)
        } else if let Some(r) = comment.strip_prefix("ok:") {
            (false, r)
        } else {
            continue;
        };
        let standalone = line[..pos].trim().is_empty();
        let target = if standalone {
            // The next line that is not itself an annotation or blank.
            (i + 1..lines.len()).find(|&j| {
                let t = lines[j].trim();
                !t.is_empty() && !t.starts_with(&format!("{marker} ruleid:")) && !t.starts_with(&format!("{marker} ok:"))
            })
        } else {
            Some(i)
        };
        let Some(target) = target else { continue };
        for id in rest.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            out.push(Expectation { rule_id: id.to_string(), line: target, must_flag });
        }
    }
    out
}

/// The path the engine should see for a fixture: `assay-fixture-path: tests/test_x.py` in a
/// comment, or else the bare file name (fixtures live under `tests/`, which test-aware rules skip).
pub fn logical_path(text: &str, path: &Path) -> std::path::PathBuf {
    text.lines()
        .find_map(|l| l.split_once("assay-fixture-path:").map(|(_, p)| std::path::PathBuf::from(p.trim())))
        .unwrap_or_else(|| std::path::PathBuf::from(path.file_name().unwrap_or_default()))
}

/// Scan a fixture and compare findings against its annotations. Only rules named in an
/// annotation are checked, so one fixture can host several rules. `logical_path` is the path the
/// engine sees (fixtures live under `tests/`, which test-aware rules would otherwise skip).
pub fn check_fixture(catalog: &Catalog, language: Language, display: &str, logical_path: &Path, text: &str) -> FixtureResult {
    let expectations = parse_annotations(language, text);
    let report = scan_source(catalog, language, logical_path, text, None, &ScanSettings::default());
    let mut failures = Vec::new();
    for e in &expectations {
        if catalog.get(&e.rule_id).is_none() {
            failures.push(format!("{display}:{}: annotation names unknown rule `{}`", e.line + 1, e.rule_id));
            continue;
        }
        let flagged = report
            .findings
            .iter()
            .any(|f| f.rule_id == e.rule_id && f.suppression.is_none() && f.range.start.line <= e.line && e.line <= f.range.end.line);
        if e.must_flag && !flagged {
            failures.push(format!("{display}:{}: expected `{}` to flag this line; it did not", e.line + 1, e.rule_id));
        }
        if !e.must_flag && flagged {
            failures.push(format!("{display}:{}: `{}` flagged a line marked ok", e.line + 1, e.rule_id));
        }
    }
    // A finding of an annotated rule on an unannotated line is a failure too: every hit is intended.
    let annotated: std::collections::HashSet<&str> = expectations.iter().map(|e| e.rule_id.as_str()).collect();
    for f in report.findings.iter().filter(|f| f.suppression.is_none() && annotated.contains(f.rule_id.as_str())) {
        let covered = expectations.iter().any(|e| e.rule_id == f.rule_id && f.range.start.line <= e.line && e.line <= f.range.end.line);
        if !covered {
            failures.push(format!("{display}:{}: `{}` flagged an unannotated line: {}", f.range.start.line + 1, f.rule_id, f.message));
        }
    }
    FixtureResult { expectations, failures }
}
