//! `--format json`: a stable, documented object (see docs/json-output.md). Field names and
//! meanings only ever gain additions within `schema_version` 1.

use serde::Serialize;

use super::{char_column, fingerprints, line_text, Report};

#[derive(Serialize)]
struct JsonReport<'a> {
    schema_version: u32,
    tool: Tool,
    findings: Vec<JsonFinding<'a>>,
    notices: Vec<JsonNotice<'a>>,
    summary: &'a super::Summary,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct JsonPosition {
    /// 1-based line.
    line: usize,
    /// 1-based column in Unicode scalar values.
    column: usize,
}

#[derive(Serialize)]
struct JsonEdit {
    start: JsonPosition,
    end: JsonPosition,
    replacement: String,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    description: &'a str,
    safe: bool,
    edits: Vec<JsonEdit>,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule_id: &'a str,
    title: &'a str,
    severity: &'a str,
    confidence: &'a str,
    category: &'a str,
    cwe: &'a [String],
    owasp: &'a [String],
    message: &'a str,
    path: &'a str,
    start: JsonPosition,
    end: JsonPosition,
    /// Notebooks only: the cell (1-based, every cell counted) and the line and column in it;
    /// `start`/`end` point into the notebook's JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<crate::engine::CellLocation>,
    snippet: String,
    help: &'a str,
    hint: &'a str,
    fix: Option<JsonFix<'a>>,
    fingerprint: String,
}

#[derive(Serialize)]
struct JsonNotice<'a> {
    path: &'a str,
    kind: crate::engine::NoticeKind,
    message: &'a str,
}

fn position(source: &str, byte: usize) -> JsonPosition {
    let before = &source[..byte.min(source.len())];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    JsonPosition { line: line + 1, column: char_column(line_text(source, line), byte - line_start) }
}

pub fn render(report: &Report) -> String {
    let mut findings = Vec::new();
    let mut notices = Vec::new();
    for file in report.files {
        let source = file.source.as_deref().unwrap_or("");
        let prints = fingerprints(file, report.root);
        for (finding, print) in file.report.findings.iter().zip(prints) {
            if finding.suppression.is_some() {
                continue;
            }
            let rule = report.catalog.get(&finding.rule_id);
            let meta = rule.map(|r| &r.meta);
            let line = line_text(source, finding.range.start.line);
            findings.push(JsonFinding {
                rule_id: &finding.rule_id,
                title: meta.map_or("", |m| m.title.as_str()),
                severity: finding.severity.as_str(),
                confidence: meta.map_or("high", |m| m.confidence.as_str()),
                category: meta.map_or("", |m| m.category.as_str()),
                cwe: meta.map_or(&[], |m| m.cwe.as_slice()),
                owasp: meta.map_or(&[], |m| m.owasp.as_slice()),
                message: &finding.message,
                path: &file.display,
                start: JsonPosition { line: finding.range.start.line + 1, column: char_column(line, finding.range.start.column) },
                end: JsonPosition {
                    line: finding.range.end.line + 1,
                    column: char_column(line_text(source, finding.range.end.line), finding.range.end.column),
                },
                cell: finding.cell,
                snippet: super::quoted_line(file, finding.range.start.line).into_owned(),
                help: meta.map_or("", |m| m.help.as_str()),
                hint: meta.map_or("", |m| m.hint.as_str()),
                fix: finding.fix.as_ref().map(|fix| JsonFix {
                    description: &fix.description,
                    safe: fix.safe,
                    edits: fix
                        .edits
                        .iter()
                        .map(|e| JsonEdit { start: position(source, e.start_byte), end: position(source, e.end_byte), replacement: super::redacted(file, &e.replacement) })
                        .collect(),
                }),
                fingerprint: print,
            });
        }
        for notice in &file.report.notices {
            notices.push(JsonNotice { path: &file.display, kind: notice.kind, message: &notice.message });
        }
    }
    let doc = JsonReport {
        schema_version: 1,
        tool: Tool { name: "assay", version: env!("CARGO_PKG_VERSION") },
        findings,
        notices,
        summary: &report.summary,
    };
    let mut text = serde_json::to_string_pretty(&doc).expect("report serializes");
    text.push('\n');
    text
}
