//! `--format github`: GitHub Actions workflow commands, one per finding, which GitHub shows as
//! annotations on the pull request's changed files:
//! `::error file=app/db.py,line=12,col=5,endLine=12,endColumn=31,title=assay py-sql-string-format::message`.

use std::fmt::Write as _;

use super::{char_column, line_text, repo_path, Report};
use crate::engine::Severity;

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escaping of a workflow command's message (GitHub's `escapeData`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escaping of a property value (`escapeProperty`): also `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for item in report.visible() {
        let f = item.finding;
        let source = item.file.source.as_deref().unwrap_or("");
        let start = line_text(source, f.range.start.line);
        let end = line_text(source, f.range.end.line);
        let mut message = f.message.clone();
        if let Some(rule) = item.rule {
            let _ = write!(message, "\nhelp: {}", rule.meta.help);
        }
        let _ = writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(f.severity),
            escape_property(&repo_path(item.file, report.root)),
            f.range.start.line + 1,
            char_column(start, f.range.start.column),
            f.range.end.line + 1,
            char_column(end, f.range.end.column),
            escape_property(&format!("assay {}", f.rule_id)),
            escape_data(&message)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn properties_and_messages_are_escaped() {
        assert_eq!(escape_property("a,b:c%"), "a%2Cb%3Ac%25");
        assert_eq!(escape_data("one\ntwo: 3, ok"), "one%0Atwo: 3, ok");
    }
}
