//! `--format gitlab`: GitLab Code Quality JSON (an array of issues in the Code Climate subset
//! GitLab reads: `description`, `check_name`, `fingerprint`, `severity`, `location`), for a CI
//! job's `artifacts: reports: codequality`.

use serde_json::{json, Value};

use super::{fingerprints, repo_path, Report};
use crate::engine::Severity;

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "major",
        Severity::Info => "minor",
    }
}

pub fn render(report: &Report) -> String {
    let mut issues: Vec<Value> = Vec::new();
    for file in report.files {
        let path = repo_path(file, report.root);
        for (finding, print) in file.report.findings.iter().zip(fingerprints(file, report.root)) {
            if finding.suppression.is_some() {
                continue;
            }
            let rule = report.catalog.get(&finding.rule_id);
            let mut issue = json!({
                "type": "issue",
                "check_name": finding.rule_id,
                "description": format!("[{}] {}", finding.rule_id, finding.message),
                "categories": ["Security"],
                "severity": severity(finding.severity),
                // GitLab wants a unique hex-like string per issue; hash ours so it has one shape.
                "fingerprint": blake3::hash(print.as_bytes()).to_hex()[..32].to_string(),
                "location": { "path": path, "lines": { "begin": finding.range.start.line + 1, "end": finding.range.end.line + 1 } },
            });
            if let Some(rule) = rule {
                issue["content"] = json!({ "body": format!("{}\n\nSafe alternative: {}", rule.meta.title, rule.meta.help) });
            }
            issues.push(issue);
        }
    }
    let mut text = serde_json::to_string_pretty(&issues).expect("code quality report serializes");
    text.push('\n');
    text
}
