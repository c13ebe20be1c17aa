//! `--format sarif`: SARIF 2.1.0 with rule metadata, as GitHub code scanning expects it: relative
//! URIs under `%SRCROOT%`, `partialFingerprints`, CWE tags, `security-severity` and `precision`.

use serde_json::{json, Value};

use super::{fingerprints, line_text, utf16_column, Report};
use crate::engine::{Confidence, Rule, Severity};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/assay-dev/assay";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// GitHub's scale: > 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, < 4.0 low.
fn security_severity(rule: &Rule) -> &'static str {
    match (rule.meta.severity, rule.meta.confidence) {
        (Severity::Error, Confidence::High) => "8.8",
        (Severity::Error, _) => "7.5",
        (Severity::Warning, _) => "5.5",
        (Severity::Info, _) => "2.0",
    }
}

fn precision(confidence: Confidence) -> &'static str {
    match confidence {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{cut}…")
}

pub fn rule_descriptor(rule: &Rule) -> Value {
    let m = &rule.meta;
    let mut tags = vec!["security".to_string(), m.category.clone()];
    for cwe in &m.cwe {
        let number = cwe.trim_start_matches("CWE-");
        tags.push(format!("external/cwe/cwe-{number}"));
    }
    for tag in &m.tags {
        if !tags.contains(tag) {
            tags.push(tag.clone());
        }
    }
    let markdown = format!(
        "{}\n\n**Safe alternative:** {}\n\n**Secure prompt for your AI assistant:**\n\n> {}\n\n{}",
        m.title,
        m.help,
        m.hint,
        m.description.trim()
    );
    json!({
        "id": m.id,
        "name": m.id,
        "shortDescription": { "text": m.title },
        "fullDescription": { "text": truncate(m.description.trim(), 1000) },
        "help": { "text": format!("{}\n\nSecure prompt: {}", m.help, m.hint), "markdown": markdown },
        "helpUri": super::rule_doc_url(&m.id),
        "defaultConfiguration": { "level": level(m.severity) },
        "properties": {
            "tags": tags,
            "precision": precision(m.confidence),
            "security-severity": security_severity(rule),
            "problem.severity": level(m.severity),
        }
    })
}

/// A relative path as a URI reference: RFC 3986 unreserved characters and `/` kept, the rest
/// percent-encoded byte by byte.
fn uri_reference(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

pub fn render(report: &Report) -> String {
    let rules: Vec<&Rule> = report.catalog.rules().iter().collect();
    let index_of = |id: &str| rules.iter().position(|r| r.id() == id);
    let mut results = Vec::new();
    for file in report.files {
        let source = file.source.as_deref().unwrap_or("");
        let uri = uri_reference(&super::repo_path(file, report.root));
        for (finding, print) in file.report.findings.iter().zip(fingerprints(file, report.root)) {
            let start_line = line_text(source, finding.range.start.line);
            let end_line = line_text(source, finding.range.end.line);
            let mut result = json!({
                "ruleId": finding.rule_id,
                "level": level(finding.severity),
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": finding.range.start.line + 1,
                            "startColumn": utf16_column(start_line, finding.range.start.column),
                            "endLine": finding.range.end.line + 1,
                            "endColumn": utf16_column(end_line, finding.range.end.column),
                            "snippet": { "text": super::quoted_line(file, finding.range.start.line) }
                        }
                    }
                }],
                "partialFingerprints": { "primaryLocationLineHash": print },
            });
            if let Some(i) = index_of(&finding.rule_id) {
                result["ruleIndex"] = json!(i);
            }
            // Notebooks: the region is in the .ipynb JSON text; the cell position rides along.
            if let Some(cell) = &finding.cell {
                result["properties"] = json!({ "notebookCell": cell.cell, "cellLine": cell.line, "cellColumn": cell.column });
            }
            if let Some(s) = &finding.suppression {
                let mut suppression = json!({ "kind": "inSource", "status": "accepted" });
                if let Some(reason) = &s.justification {
                    suppression["justification"] = json!(reason);
                }
                result["suppressions"] = json!([suppression]);
            }
            if let Some(fix) = &finding.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .map(|e| json!({ "deletedRegion": { "charOffset": source[..e.start_byte.min(source.len())].encode_utf16().count(), "charLength": source.get(e.start_byte..e.end_byte).map_or(0, |t| t.encode_utf16().count()) }, "insertedContent": { "text": super::redacted(file, &e.replacement) } }))
                    .collect();
                result["fixes"] = json!([{ "description": { "text": fix.description }, "artifactChanges": [{ "artifactLocation": { "uri": uri, "uriBaseId": "%SRCROOT%" }, "replacements": replacements }] }]);
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = report
        .files
        .iter()
        .flat_map(|f| f.report.notices.iter().map(move |n| (f, n)))
        .map(|(f, n)| json!({ "level": "warning", "message": { "text": format!("{}: {}", f.display, n.message) } }))
        .collect();
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "assay",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": INFORMATION_URI,
                "rules": rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
            }},
            "originalUriBaseIds": { "%SRCROOT%": { "description": { "text": "The root of the scanned repository." } } },
            "columnKind": "utf16CodeUnits",
            "results": results,
            "invocations": [{ "executionSuccessful": true, "toolExecutionNotifications": notifications }],
        }]
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("sarif serializes");
    text.push('\n');
    text
}
