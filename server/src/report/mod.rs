//! Rendering findings: text (rustc/ruff style), JSON, SARIF, GitHub workflow commands and GitLab
//! Code Quality. Reporters see findings and rule metadata, never how findings were made.

pub mod github;
pub mod gitlab;
pub mod json;
pub mod prompt;
pub mod sarif;
pub mod text;

use std::path::Path;

use crate::engine::{Catalog, Finding, Rule, Severity};
use crate::project::ScannedFile;

/// What every reporter gets: the scanned files (with findings already filtered to those to show)
/// and a summary.
pub struct Report<'a> {
    pub catalog: &'a Catalog,
    pub files: &'a [ScannedFile],
    pub summary: Summary,
    pub show_hints: bool,
    /// The repository root (or the working folder outside git): SARIF, GitHub and GitLab paths
    /// and fingerprints are relative to it.
    pub root: &'a Path,
}

#[derive(Debug, Default, Clone, serde::Serialize)]
pub struct Summary {
    pub files_scanned: usize,
    pub findings: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub suppressed: usize,
    pub fixed: usize,
    pub files_skipped: usize,
}

impl Summary {
    pub fn count(&mut self, severity: Severity) {
        self.findings += 1;
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

/// A finding with what reporters need around it.
pub struct Located<'a> {
    pub file: &'a ScannedFile,
    pub finding: &'a Finding,
    pub rule: Option<&'a Rule>,
}

impl Report<'_> {
    /// Unsuppressed findings in file order.
    pub fn visible(&self) -> impl Iterator<Item = Located<'_>> {
        self.files.iter().flat_map(move |file| {
            file.report
                .findings
                .iter()
                .filter(|f| f.suppression.is_none())
                .map(move |finding| Located { file, finding, rule: self.catalog.get(&finding.rule_id) })
        })
    }

    /// Every finding, suppressed ones included (SARIF reports those as `suppressions`).
    pub fn all(&self) -> impl Iterator<Item = Located<'_>> {
        self.files.iter().flat_map(move |file| {
            file.report.findings.iter().map(move |finding| Located { file, finding, rule: self.catalog.get(&finding.rule_id) })
        })
    }
}

/// A scanned file's path relative to the repository root, `/`-separated (its displayed path when
/// it lies outside the root).
pub fn repo_path(file: &ScannedFile, root: &Path) -> String {
    crate::project::changes::relative_to_root(root, &file.path).unwrap_or_else(|| file.display.clone())
}

/// Where a rule's documentation lives (the generated rule reference).
pub fn rule_doc_url(rule_id: &str) -> String {
    format!("{}/blob/main/queries/RULES.md#{rule_id}", sarif::INFORMATION_URI)
}

/// The text of a 0-based line, without its line ending.
pub fn line_text(source: &str, line: usize) -> &str {
    source.split('\n').nth(line).map(|l| l.strip_suffix('\r').unwrap_or(l)).unwrap_or("")
}

/// A 0-based line of a scanned file as outputs quote it: every secret on it masked (`*` for each
/// character past a provider's public prefix, so columns and carets still line up).
pub fn quoted_line(file: &ScannedFile, line: usize) -> std::borrow::Cow<'_, str> {
    let source = file.source.as_deref().unwrap_or("");
    let text = line_text(source, line);
    if file.report.secrets.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let start = text.as_ptr() as usize - source.as_ptr() as usize;
    crate::engine::secrets::mask_line(text, start, &file.report.secrets)
}

/// Text taken from the source for an output (a fix's replacement): secrets redacted.
pub fn redacted(file: &ScannedFile, text: &str) -> String {
    match (&file.source, file.report.secrets.is_empty()) {
        (Some(source), false) => crate::engine::secrets::redact_message(text, source, &file.report.secrets),
        _ => text.to_string(),
    }
}

/// 1-based column in Unicode scalar values for a byte column within `line`.
pub fn char_column(line: &str, byte_column: usize) -> usize {
    line.get(..byte_column.min(line.len())).map_or(byte_column, |s| s.chars().count()) + 1
}

/// 1-based column in UTF-16 code units (SARIF's default unit).
pub fn utf16_column(line: &str, byte_column: usize) -> usize {
    line.get(..byte_column.min(line.len())).map_or(byte_column, |s| s.encode_utf16().count()) + 1
}

/// A stable identity for a finding that survives moving code: rule, path and the matched text
/// with whitespace removed (so reindenting or reformatting keeps it), hashed. Occurrence
/// indices are added by callers when needed.
pub fn fingerprint(rule_id: &str, path: &str, matched: &str) -> String {
    let normalized: String = matched.split_whitespace().collect();
    let mut hasher = blake3::Hasher::new();
    hasher.update(rule_id.as_bytes());
    hasher.update(b"\0");
    hasher.update(path.as_bytes());
    hasher.update(b"\0");
    hasher.update(normalized.as_bytes());
    hasher.finalize().to_hex()[..32].to_string()
}

/// The matched source text of a finding.
pub fn matched_text<'a>(source: &'a str, finding: &Finding) -> &'a str {
    source.get(finding.range.start_byte..finding.range.end_byte.min(source.len())).unwrap_or("")
}

/// Fingerprints for all findings of a file (path relative to `root`), with an occurrence index
/// for identical ones. Baselines and SARIF's `primaryLocationLineHash` use these.
pub fn fingerprints(file: &ScannedFile, root: &Path) -> Vec<String> {
    fingerprints_of(&file.report.findings, file.source.as_deref().unwrap_or(""), &repo_path(file, root))
}

/// `fingerprints` for findings in `source`, a file at `path` relative to the repository root
/// (the language server has no `ScannedFile`).
pub fn fingerprints_of(findings: &[Finding], source: &str, path: &str) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    findings
        .iter()
        .map(|f| {
            let base = fingerprint(&f.rule_id, path, matched_text(source, f));
            let n = seen.entry(base.clone()).or_default();
            *n += 1;
            format!("{base}:{}", *n - 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_utf16_units() {
        let line = "é😀x";
        // bytes: é=2, 😀=4
        assert_eq!(char_column(line, 0), 1);
        assert_eq!(char_column(line, 6), 3);
        assert_eq!(utf16_column(line, 6), 4);
    }

    #[test]
    fn fingerprint_ignores_whitespace_changes() {
        assert_eq!(fingerprint("r", "a.py", "eval( x )"), fingerprint("r", "a.py", "eval(x\n)"));
        assert_ne!(fingerprint("r", "a.py", "eval(x)"), fingerprint("r", "b.py", "eval(x)"));
    }
}
