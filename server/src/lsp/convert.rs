//! From engine findings to LSP values: diagnostics, hovers, code actions. Pure functions over
//! one analysed version of a document.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use serde_json::json;
use tower_lsp_server::ls_types::*;
use tree_sitter::Tree;

use super::documents::{Analysis, Encoding, LineIndex};
use super::server::{COMMAND_APPLY_EDIT, COMMAND_SECURE_PROMPT, FIX_ALL_KIND};
use crate::engine::incremental::{ByteEdit, Previous, ScanMemo};
use crate::engine::{self, Catalog, Finding, Language, ScanSettings, Severity};

/// One analysed version: the new tree (for the next incremental reparse), the results, and
/// what the next rescan can reuse.
pub struct AnalysisOutput {
    pub tree: Option<Tree>,
    pub analysis: Analysis,
    pub memo: Option<Arc<ScanMemo>>,
    /// Time spent parsing and scanning.
    pub cost: std::time::Duration,
}

/// What the document knew before this version: its previous scan and the edits since.
pub struct Before {
    pub tree: Option<Tree>,
    pub scan: Option<(Arc<ScanMemo>, Vec<ByteEdit>)>,
}

/// Parse (incrementally from the old tree) and scan one version of a document, re-running
/// local rules only where the edits since the previous scan reach.
#[allow(clippy::too_many_arguments)]
pub fn analyse(
    catalog: &Catalog,
    settings: &ScanSettings,
    language: Option<Language>,
    path: &Path,
    text: &str,
    before: Before,
    version: i32,
    encoding: Encoding,
) -> AnalysisOutput {
    let empty = |diagnostics| AnalysisOutput { tree: None, analysis: Analysis { version, findings: Arc::new(Vec::new()), diagnostics }, memo: None, cost: Default::default() };
    let Some(language) = language else {
        // Other text files (`.env`, YAML, JSON, TOML, shell…): secrets only, through the same
        // engine entry point `assay check` uses. Messages carry only redacted values.
        if text.len() as u64 > settings.max_file_size {
            return empty(Vec::new());
        }
        // A notebook opened as a JSON document: its code cells get every Python rule, and
        // findings already point into the JSON text.
        let report = if engine::is_notebook(path) {
            engine::notebook::scan_notebook(catalog, path, text, settings)
        } else {
            engine::scan_text(path, text, settings)
        };
        let diagnostics = diagnostics(&report.findings, text, encoding, catalog);
        return AnalysisOutput { tree: None, analysis: Analysis { version, findings: Arc::new(report.findings), diagnostics }, memo: None, cost: Default::default() };
    };
    if text.len() as u64 > settings.max_file_size {
        let diagnostic = Diagnostic {
            range: Range::default(),
            severity: Some(DiagnosticSeverity::INFORMATION),
            source: Some("assay".into()),
            message: format!(
                "assay did not analyse this file: {} bytes is over the {}-byte limit (setting `maxFileSize`, or `max-file-size` in assay.toml)",
                text.len(),
                settings.max_file_size
            ),
            ..Default::default()
        };
        return empty(vec![diagnostic]);
    }
    let started = std::time::Instant::now();
    let tree = engine::parse(language, text, before.tree.as_ref());
    let parsed = started.elapsed();
    let previous = match (&before.tree, &tree, &before.scan) {
        (Some(old), Some(new), Some((memo, edits))) => {
            Some(Previous { memo, edits, changed_ranges: Previous::changed_between(old, new) })
        }
        _ => None,
    };
    let (report, memo) = engine::scan_source_after(catalog, language, path, text, tree.as_ref(), settings, previous.as_ref());
    let scanned = started.elapsed();
    let diagnostics = diagnostics(&report.findings, text, encoding, catalog);
    if log_timings() {
        eprintln!(
            "assay lsp: analysed {} v{version}: parse {:.1} ms, scan {:.1} ms ({}), diagnostics {:.1} ms",
            path.display(),
            parsed.as_secs_f64() * 1e3,
            (scanned - parsed).as_secs_f64() * 1e3,
            if memo.was_incremental() { "incremental" } else if previous.is_some() { "whole file after an edit" } else { "whole file" },
            (started.elapsed() - scanned).as_secs_f64() * 1e3
        );
    }
    AnalysisOutput { tree, analysis: Analysis { version, findings: Arc::new(report.findings), diagnostics }, memo: Some(Arc::new(memo)), cost: scanned }
}

/// `ASSAY_LOG_TIMINGS=1`: log each analysis' timings to stderr (the client's output panel).
fn log_timings() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("ASSAY_LOG_TIMINGS").is_some_and(|v| v != "0"))
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

pub fn diagnostics(findings: &[Finding], text: &str, encoding: Encoding, catalog: &Catalog) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .map(|f| {
            let rule = catalog.get(&f.rule_id);
            let unnecessary = f.rule_id == engine::suppress::UNUSED_RULE;
            Diagnostic {
                range: lines.range(text, f.range.start_byte, f.range.end_byte, encoding),
                severity: Some(severity(f.severity)),
                code: Some(NumberOrString::String(f.rule_id.clone())),
                code_description: Uri::from_str(&crate::report::rule_doc_url(&f.rule_id)).ok().map(|href| CodeDescription { href }),
                source: Some("assay".into()),
                message: f.message.clone(),
                tags: unnecessary.then(|| vec![DiagnosticTag::UNNECESSARY]),
                data: Some(json!({ "ruleId": f.rule_id, "title": rule.map(|r| r.meta.title.as_str()), "fixable": f.fix.is_some() })),
                ..Default::default()
            }
        })
        .collect()
}

pub fn full_report(items: Vec<Diagnostic>, result_id: Option<String>) -> DocumentDiagnosticReportResult {
    DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
        related_documents: None,
        full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id, items },
    }))
}

/// Findings whose range contains the offset (or touches it at the end of the range).
fn findings_at<'a>(analysis: &'a Analysis, offset: usize) -> impl Iterator<Item = &'a Finding> {
    analysis.findings.iter().filter(move |f| f.suppression.is_none() && f.range.start_byte <= offset && offset <= f.range.end_byte)
}

pub fn hover(analysis: &Analysis, text: &str, position: Position, encoding: Encoding, catalog: &Catalog) -> Option<Hover> {
    let lines = LineIndex::new(text);
    if position.line as usize > text.matches('\n').count() {
        return None;
    }
    let offset = lines.offset(text, position, encoding);
    let mut sections = Vec::new();
    let mut range = None;
    for f in findings_at(analysis, offset) {
        range.get_or_insert_with(|| lines.range(text, f.range.start_byte, f.range.end_byte, encoding));
        let Some(rule) = catalog.get(&f.rule_id) else { continue };
        let m = &rule.meta;
        let cwes: Vec<String> = m
            .cwe
            .iter()
            .map(|c| format!("[{c}](https://cwe.mitre.org/data/definitions/{}.html)", c.trim_start_matches("CWE-")))
            .collect();
        sections.push(format!(
            "**assay** [`{}`]({}) · {} · {}\n\n**{}**\n\n{}\n\n**Safe alternative:** {}\n\n**Weakness:** {}\n\n**Secure prompt** (give this to your AI assistant):\n\n```text\n{}\n```\n\n---\n\n{}",
            m.id,
            crate::report::rule_doc_url(&m.id),
            f.severity,
            m.category,
            m.title,
            f.message,
            m.help,
            cwes.join(", "),
            m.hint,
            m.description.trim()
        ));
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: sections.join("\n\n---\n\n") }), range })
}

fn text_edits(edits: &[&engine::Edit], text: &str, lines: &LineIndex, encoding: Encoding) -> Vec<TextEdit> {
    edits.iter().map(|e| TextEdit { range: lines.range(text, e.start_byte, e.end_byte, encoding), new_text: e.replacement.clone() }).collect()
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..Default::default() }
}

/// The edit that adds `rule_id` to the line's suppression comment, or appends one.
fn ignore_edit(f: &Finding, text: &str, lines: &LineIndex, language: Option<Language>, encoding: Encoding) -> TextEdit {
    let marker = language.map_or("#", Language::line_comment);
    let line_start = text[..f.range.start_byte.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
    if let Some(at) = line.find("assay: ignore[") {
        if let Some(close) = line[at..].find(']') {
            let insert = line_start + at + close;
            let range = lines.range(text, insert, insert, encoding);
            return TextEdit { range, new_text: format!(", {}", f.rule_id) };
        }
    }
    let end = line_start + line.len();
    TextEdit { range: lines.range(text, end, end, encoding), new_text: format!("  {marker} assay: ignore[{}] -- reason", f.rule_id) }
}

/// A code action as a plain command, for clients that take no `CodeAction` objects: its edit
/// goes through `assay.applyEdit`, its command as it is (under the action's title).
pub fn as_command(action: CodeActionOrCommand) -> Option<CodeActionOrCommand> {
    let CodeActionOrCommand::CodeAction(action) = action else { return Some(action) };
    let command = match (action.edit, action.command) {
        (Some(edit), _) => Command { title: action.title, command: COMMAND_APPLY_EDIT.into(), arguments: Some(vec![json!(edit)]) },
        (None, Some(command)) => Command { title: action.title, ..command },
        (None, None) => return None,
    };
    Some(CodeActionOrCommand::Command(command))
}

pub fn code_actions(
    uri: &Uri,
    params: &CodeActionParams,
    analysis: &Analysis,
    text: &str,
    language: Option<Language>,
    encoding: Encoding,
) -> Option<CodeActionResponse> {
    let lines = LineIndex::new(text);
    let wants = |kind: &str| params.context.only.as_ref().is_none_or(|only| only.iter().any(|k| kind.starts_with(k.as_str())));
    let mut actions = Vec::new();
    if wants(CodeActionKind::QUICKFIX.as_str()) {
        let start = lines.offset(text, params.range.start, encoding);
        let end = lines.offset(text, params.range.end, encoding);
        // `analysis.diagnostics` holds one diagnostic per unsuppressed finding, in order.
        let visible = analysis.findings.iter().filter(|f| f.suppression.is_none());
        for (f, diagnostic) in visible.zip(analysis.diagnostics.iter().cloned()) {
            // Overlap with the requested range, whole lines, as editors request the cursor line.
            let overlaps = f.range.start_byte <= end.max(start) && start <= f.range.end_byte
                || (f.range.start.line..=f.range.end.line).contains(&(params.range.start.line as usize));
            if !overlaps {
                continue;
            }
            if let Some(fix) = &f.fix {
                let edits: Vec<&engine::Edit> = fix.edits.iter().collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: if fix.safe { fix.description.clone() } else { format!("{} (unsafe: may change behaviour)", fix.description) },
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(workspace_edit(uri, text_edits(&edits, text, &lines, encoding))),
                    is_preferred: Some(fix.safe),
                    ..Default::default()
                }));
            }
            if !f.rule_id.starts_with("assay-") {
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Ignore {} on this line", f.rule_id),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(workspace_edit(uri, vec![ignore_edit(f, text, &lines, language, encoding)])),
                    ..Default::default()
                }));
                let title = format!("Copy secure prompt for {}", f.rule_id);
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    command: Some(Command { title, command: COMMAND_SECURE_PROMPT.into(), arguments: Some(vec![json!(f.rule_id)]) }),
                    ..Default::default()
                }));
            }
        }
    }
    let explicit_fix_all = params.context.only.as_ref().is_some_and(|only| only.iter().any(|k| FIX_ALL_KIND.starts_with(k.as_str())));
    if explicit_fix_all || (wants(FIX_ALL_KIND) && analysis.findings.iter().any(|f| f.fix.as_ref().is_some_and(|x| x.safe))) {
        let (edits, fixed) = engine::fix::non_overlapping_edits(&analysis.findings, false, text.len());
        if fixed > 0 {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Fix all safe assay findings ({fixed})"),
                kind: Some(CodeActionKind::new(FIX_ALL_KIND)),
                edit: Some(workspace_edit(uri, text_edits(&edits, text, &lines, encoding))),
                ..Default::default()
            }));
        }
    }
    Some(actions)
}
