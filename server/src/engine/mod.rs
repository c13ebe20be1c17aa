//! The analysis engine. It knows nothing of LSP, output formats, git or configuration files:
//! callers hand it text and settings, it hands back findings with byte ranges.

pub mod catalog;
pub mod context;
pub mod dataflow;
pub mod finding;
pub mod fix;
pub mod fixtures;
pub mod language;
pub mod matcher;
pub mod predicates;
pub mod query_keys;
pub mod rules;
pub mod semantics;
pub mod suppress;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use tree_sitter::{Parser, Tree};

pub use catalog::Catalog;
pub use finding::{Edit, FileReport, Finding, Fix, Notice, NoticeKind, Position, Suppression, TextRange};
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
}

impl Default for ScanSettings {
    fn default() -> Self {
        ScanSettings {
            disabled: HashSet::new(),
            severity_overrides: HashMap::new(),
            honor_foreign_suppressions: true,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
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

/// Scan one file's bytes: the entry point for `assay check`.
pub fn scan_bytes(catalog: &Catalog, path: &Path, bytes: &[u8], settings: &ScanSettings) -> FileReport {
    let Some(language) = Language::from_path(path) else { return FileReport::default() };
    match decode(bytes, settings) {
        Ok(text) => scan_source(catalog, language, path, text, None, settings),
        Err(notice) => FileReport { findings: Vec::new(), notices: vec![notice] },
    }
}

/// Scan source text: the one scan function shared by `assay check` and `assay lsp`. `tree` may
/// be a tree the caller already parsed (the server keeps one per document).
pub fn scan_source(catalog: &Catalog, language: Language, path: &Path, text: &str, tree: Option<&Tree>, settings: &ScanSettings) -> FileReport {
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
                return report;
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
    let ctx = context::FileContext::new(language, text.as_bytes(), root, path, catalog.dataflow(language));
    let mut findings = match matcher::run_queries(catalog, tree, &ctx, settings) {
        Ok(f) => f,
        Err(e) => {
            report.notices.push(Notice { kind: NoticeKind::Config, message: e.to_string() });
            Vec::new()
        }
    };
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
    report
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
