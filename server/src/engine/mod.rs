//! The analysis engine. It knows nothing of LSP, output formats, git or configuration files:
//! callers hand it text and settings, it hands back findings with byte ranges.

pub mod catalog;
pub mod context;
pub mod dataflow;
pub mod deps;
pub mod finding;
pub mod fix;
pub mod fixtures;
pub mod incremental;
pub mod language;
pub mod matcher;
pub mod notebook;
pub mod predicates;
pub mod query_keys;
pub mod rules;
pub mod secrets;
pub mod semantics;
pub mod suppress;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use tree_sitter::{Parser, Tree};

pub use catalog::Catalog;
pub use finding::{CellLocation, Edit, FileReport, Finding, Fix, Notice, NoticeKind, Position, SecretSpan, Suppression, TextRange};
pub use language::Language;
pub use rules::{Confidence, Rule, RuleMeta, Severity};

/// Default largest file analysed; bigger ones get a notice. Configurable.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 2 * 1024 * 1024;

/// What the caller decided for this file: which rules, which severities, which suppressions.
#[derive(Clone, Debug)]
pub struct ScanSettings {
    pub disabled: HashSet<String>,
    pub severity_overrides: HashMap<String, Severity>,
    /// Honour `# nosec` and `# nosemgrep` as suppressions of every assay rule on that line.
    pub honor_foreign_suppressions: bool,
    pub max_file_size: u64,
    /// What the manifests of the file's project declare (None: no project, or not looked up),
    /// for the dependency checks.
    pub dependencies: Option<Arc<deps::ProjectDeps>>,
}

impl Default for ScanSettings {
    fn default() -> Self {
        ScanSettings {
            disabled: HashSet::new(),
            severity_overrides: HashMap::new(),
            honor_foreign_suppressions: true,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            dependencies: None,
        }
    }
}

thread_local! {
    static PARSERS: RefCell<HashMap<Language, Parser>> = RefCell::new(HashMap::new());
}

/// Parse `text` with a per-thread parser, reusing `old` for incremental reparsing.
pub fn parse(language: Language, text: &str, old: Option<&Tree>) -> Option<Tree> {
    PARSERS.with(|parsers| {
        let mut parsers = parsers.borrow_mut();
        let parser = parsers.entry(language).or_insert_with(|| {
            let mut p = Parser::new();
            p.set_language(&language.grammar()).expect("grammar version matches tree-sitter");
            p
        });
        parser.parse(text, old)
    })
}

/// Check raw bytes before analysis: size, binary content, encoding. On success, the text.
pub fn decode<'b>(bytes: &'b [u8], settings: &ScanSettings) -> Result<&'b str, Notice> {
    if bytes.len() as u64 > settings.max_file_size {
        return Err(Notice {
            kind: NoticeKind::TooLarge,
            message: format!(
                "skipped: {} bytes is over the {}-byte limit (set `max-file-size` in assay.toml to raise it)",
                bytes.len(),
                settings.max_file_size
            ),
        });
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return Err(Notice { kind: NoticeKind::Binary, message: "skipped: binary file (contains NUL bytes)".into() });
    }
    std::str::from_utf8(bytes).map_err(|e| Notice {
        kind: NoticeKind::NotUtf8,
        message: format!("skipped: not valid UTF-8 (first invalid byte at offset {})", e.valid_up_to()),
    })
}

/// Scan one file's bytes: the entry point for `assay check`. Python and Rust files get every
/// rule, and so do the code cells of Jupyter notebooks; other text files are scanned for
/// secrets only.
pub fn scan_bytes(catalog: &Catalog, path: &Path, bytes: &[u8], settings: &ScanSettings) -> FileReport {
    if is_notebook(path) {
        return match decode(bytes, settings) {
            Ok(text) => notebook::scan_notebook(catalog, path, text, settings),
            Err(notice) => FileReport::notice(notice),
        };
    }
    let Some(language) = Language::from_path(path) else { return scan_other_bytes(path, bytes, settings) };
    match decode(bytes, settings) {
        Ok(text) => scan_source(catalog, language, path, text, None, settings),
        Err(notice) => FileReport::notice(notice),
    }
}

/// A Jupyter notebook (`.ipynb`): its code cells get every Python rule.
pub fn is_notebook(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ipynb"))
}

/// Files that are skipped whatever their content (binary by extension, lock files, minified
/// bundles by name), decided without reading them.
pub fn skip_by_path(path: &Path) -> Option<Notice> {
    if Language::from_path(path).is_some() {
        return None;
    }
    secrets::files::classify(path).err().map(skip_notice)
}

fn skip_notice(skip: secrets::files::Skip) -> Notice {
    use secrets::files::Skip;
    let kind = match skip {
        Skip::Binary => NoticeKind::Binary,
        Skip::LockFile => NoticeKind::LockFile,
        Skip::Minified => NoticeKind::Minified,
    };
    Notice { kind, message: skip.message().to_string() }
}

fn scan_other_bytes(path: &Path, bytes: &[u8], settings: &ScanSettings) -> FileReport {
    if let Some(notice) = skip_by_path(path) {
        return FileReport::notice(notice);
    }
    if bytes.len() as u64 > settings.max_file_size {
        if let Err(notice) = decode(bytes, settings) {
            return FileReport::notice(notice);
        }
    }
    if bytes[..bytes.len().min(8192)].contains(&0) {
        return FileReport::notice(Notice { kind: NoticeKind::Binary, message: "skipped: binary file (contains NUL bytes), not scanned for secrets".into() });
    }
    // Secrets are ASCII: a file in another encoding is still scanned, with invalid bytes replaced
    // (the same text reporters quote).
    let text = String::from_utf8_lossy(bytes);
    scan_text(path, &text, settings)
}

/// Scan a text file that is not Python or Rust for secrets (`assay check`, and the language
/// server for documents in other languages).
pub fn scan_text(path: &Path, text: &str, settings: &ScanSettings) -> FileReport {
    let kind = match secrets::files::classify(path) {
        Ok(kind) => kind,
        Err(skip) => return FileReport::notice(skip_notice(skip)),
    };
    if secrets::files::is_minified(path, text) {
        return FileReport::notice(skip_notice(secrets::files::Skip::Minified));
    }
    let found = secrets::scan_text(text, kind, path);
    let mut report = FileReport::default();
    let lines = LineIndex::new(text);
    for f in &found {
        report.secrets.extend(f.secret_spans());
        if let Some(finding) = finding_of(f, &lines, settings) {
            report.findings.push(finding);
        }
    }
    suppress::apply_lines(text, &mut report.findings, settings.honor_foreign_suppressions);
    report.findings.sort_by_key(|f| (f.range.start_byte, f.range.end_byte));
    report.secrets.sort_by_key(|s| (s.start_byte, s.end_byte));
    report
}

/// Byte offsets to zero-based (line, byte column) positions.
pub(crate) struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub(crate) fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }
    fn position(&self, byte: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= byte) - 1;
        Position { line, column: byte - self.starts[line] }
    }
    pub(crate) fn range(&self, start: usize, end: usize) -> TextRange {
        TextRange { start_byte: start, end_byte: end, start: self.position(start), end: self.position(end) }
    }
}

fn finding_of(f: &secrets::Found, lines: &LineIndex, settings: &ScanSettings) -> Option<Finding> {
    if settings.disabled.contains(f.rule) {
        return None;
    }
    let (start, end) = f.range();
    Some(Finding {
        rule_id: f.rule.to_string(),
        severity: settings.severity_overrides.get(f.rule).copied().unwrap_or(f.severity),
        message: f.message.clone(),
        range: lines.range(start, end),
        fix: None,
        suppression: None,
        cell: None,
    })
}

/// Scan source text: the one scan function shared by `assay check` and `assay lsp`. `tree` may
/// be a tree the caller already parsed (the server keeps one per document).
pub fn scan_source(catalog: &Catalog, language: Language, path: &Path, text: &str, tree: Option<&Tree>, settings: &ScanSettings) -> FileReport {
    scan_source_after(catalog, language, path, text, tree, settings, None).0
}

/// `scan_source`, reusing a previous scan of the same document when `previous` says how the
/// text changed since (see `incremental`); also returns what the next rescan can reuse. The
/// findings are the same as a full scan's.
pub fn scan_source_after(
    catalog: &Catalog,
    language: Language,
    path: &Path,
    text: &str,
    tree: Option<&Tree>,
    settings: &ScanSettings,
    previous: Option<&incremental::Previous>,
) -> (FileReport, incremental::ScanMemo) {
    let mut report = FileReport::default();
    let parsed;
    let tree = match tree {
        Some(t) => t,
        None => match parse(language, text, None) {
            Some(t) => {
                parsed = t;
                &parsed
            }
            None => {
                report.notices.push(Notice { kind: NoticeKind::SyntaxError, message: "could not be parsed".into() });
                return (report, incremental::ScanMemo::default());
            }
        },
    };
    let root = tree.root_node();
    if root.has_error() {
        if let Some(line) = first_error_line(root) {
            report.notices.push(Notice {
                kind: NoticeKind::SyntaxError,
                message: format!("syntax error near line {}; the rest of the file was still analysed", line + 1),
            });
        }
    }
    // The imports (and the dependency findings) of the previous scan still hold when no edit
    // went near an import.
    let same_imports = previous.filter(|p| !incremental::may_change_imports(language, root, p, text));
    let imports = match same_imports {
        Some(p) => p.memo.imports.clone(),
        None => language.semantics().imports(root, text.as_bytes()),
    };
    let ctx = context::FileContext::with_imports(language, text.as_bytes(), root, path, catalog.dataflow(language), imports);
    // An edit inside functions re-runs the local rules over those functions only.
    let reuse = previous
        .filter(|p| incremental::file_facts_unchanged(p, &ctx, text))
        .and_then(|p| incremental::plan(language, root, text.as_bytes(), p).map(|units| (p, units)));
    let rescanned = reuse.as_ref().and_then(|(p, units)| incremental::rescan_secrets(language, text, root, path, p, units));
    // A rescan's secrets come from text without whole-file keywords (else it returns None).
    let (mut found, secrets_whole_text) = match rescanned {
        Some(found) => (found, false),
        None => {
            let mut found = Vec::new();
            let whole_text = secrets::source::scan_file(language, text.as_bytes(), root, path, &mut found);
            (found, whole_text)
        }
    };
    // One order for both paths (a rescan merges kept and new secrets).
    found.sort_by(|a, b| (a.range(), a.rule).cmp(&(b.range(), b.rule)));
    let raw_secrets = found.clone();
    secrets::postprocess(text.as_bytes(), false, &mut found);
    let mut secret_spans: Vec<SecretSpan> = found.iter().flat_map(|f| f.secret_spans().collect::<Vec<_>>()).collect();
    let queried = matcher::run_queries(catalog, tree, &ctx, settings, &secret_spans, reuse.as_ref().map(|(_, units)| units.as_slice()));
    let matcher::QueryFindings { mut local, mut local_secrets, mut file, mut file_secrets, anchors_run } = match queried {
        Ok(q) => q,
        Err(e) => {
            report.notices.push(Notice { kind: NoticeKind::Config, message: e.to_string() });
            Default::default()
        }
    };
    // One line index for every position this scan computes.
    let lines = LineIndex::new(text);
    if let Some((previous, units)) = &reuse {
        let kept = incremental::kept_findings(previous, units, &anchors_run, &lines);
        local.extend(kept.local);
        local_secrets.extend(kept.local_secrets);
        file.extend(kept.file);
        file_secrets.extend(kept.file_secrets);
        local.sort_by(|a, b| (a.range.start_byte, a.range.end_byte, &a.rule_id).cmp(&(b.range.start_byte, b.range.end_byte, &b.rule_id)));
        local.dedup_by(|a, b| a.rule_id == b.rule_id && a.range.start_byte == b.range.start_byte && a.range.end_byte == b.range.end_byte);
    }
    let mut memo = incremental::ScanMemo {
        dependency_findings: Vec::new(),
        secrets: raw_secrets,
        secrets_whole_text,
        local: local.clone(),
        local_secrets: local_secrets.clone(),
        file: file.clone(),
        file_secrets: file_secrets.clone(),
        imports: ctx.imports.clone(),
        file_searches: ctx.file_searches(),
        text_len: text.len(),
        incremental: reuse.is_some(),
    };
    let mut findings = local;
    findings.extend(file.into_iter().map(|(_, f)| f));
    let mut findings = matcher::one_finding_per_problem(catalog, findings);
    let mut query_secrets = local_secrets;
    query_secrets.extend(file_secrets.into_iter().map(|(_, s)| s));
    // One finding per secret: a provider format or private key beats a query rule on the same
    // literal (it names the provider); a query rule that marks its literal `@secret` (a
    // hard-coded crypto key, a credential check) beats the generic name-based detectors.
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    findings.retain(|q| {
        !query_secrets.iter().any(|(rule, range, span)| {
            *rule == q.rule_id
                && *range == (q.range.start_byte, q.range.end_byte)
                && found.iter().any(|f| matches!(f.rule, secrets::RULE_PROVIDER | secrets::RULE_PRIVATE_KEY | secrets::RULE_URL) && overlaps(f.range(), (span.start_byte, span.end_byte)))
        })
    });
    if !secret_spans.is_empty() || !query_secrets.is_empty() {
        let mut all = secret_spans.clone();
        all.extend(query_secrets.iter().map(|(_, _, span)| *span));
        for f in findings.iter_mut() {
            f.message = secrets::redact_message(&f.message, text, &all);
        }
    }
    for f in &found {
        let shadowed = matches!(f.rule, secrets::RULE_GENERIC | secrets::RULE_SIGNING_KEY | secrets::RULE_PLACEHOLDER)
            && query_secrets.iter().any(|(rule, _, span)| !settings.disabled.contains(rule) && overlaps(f.range(), (span.start_byte, span.end_byte)));
        if shadowed {
            continue;
        }
        if let Some(finding) = finding_of(f, &lines, settings) {
            findings.push(finding);
        }
    }
    let dependency_findings = match same_imports.filter(|_| language == Language::Python) {
        Some(p) => incremental::kept_dependency_findings(p, &lines).unwrap_or_else(|| deps::check(language, path, text.as_bytes(), root, settings)),
        None => deps::check(language, path, text.as_bytes(), root, settings),
    };
    memo.dependency_findings = dependency_findings.clone();
    findings.extend(dependency_findings);
    secret_spans.extend(query_secrets.iter().map(|(_, _, span)| *span));
    secret_spans.sort_by_key(|s| (s.start_byte, s.end_byte));
    secret_spans.dedup();
    suppress::apply_secret_markers(text, &mut findings, settings.honor_foreign_suppressions);
    let hygiene = suppress::apply(
        language,
        text,
        root,
        &mut findings,
        settings.honor_foreign_suppressions,
        &|id| catalog.get(id).is_some(),
        &|id| !settings.disabled.contains(id),
    );
    findings.extend(hygiene.into_iter().filter(|f| !settings.disabled.contains(&f.rule_id)));
    findings.sort_by_key(|f| (f.range.start_byte, f.range.end_byte));
    report.findings = findings;
    report.secrets = secret_spans;
    (report, memo)
}

fn first_error_line(root: tree_sitter::Node) -> Option<usize> {
    let mut cursor = root.walk();
    loop {
        let node = cursor.node();
        if node.is_error() || node.is_missing() {
            return Some(node.start_position().row);
        }
        // Descend into the first child that contains an error.
        let mut found = false;
        if cursor.goto_first_child() {
            loop {
                if cursor.node().has_error() {
                    found = true;
                    break;
                }
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        if !found {
            return Some(node.start_position().row);
        }
    }
}
