//! Human output in the style of rustc and ruff:
//!
//! ```text
//! app/db.py:12:5: error[py-sql-string-format] SQL passed to `execute` is built with an f-string
//!    |
//! 12 |     cur.execute(f"SELECT ...")
//!    |     ^^^^^^^^^^^^^^^^^^^^^^^^^^
//!    = help: Keep the SQL constant and pass values separately
//! ```

use std::fmt::Write as _;

use super::{char_column, line_text, Report};
use crate::engine::Severity;

pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, severity: Severity) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, severity.as_str())
    }
}

pub fn render(report: &Report, style: &Style) -> String {
    let mut out = String::new();
    for item in report.visible() {
        let f = item.finding;
        let source = item.file.source.as_deref().unwrap_or("");
        let line = line_text(source, f.range.start.line);
        let col = char_column(line, f.range.start.column);
        // Notebooks: `nb.ipynb:cell 3:5:1`, the cell and the line and column within it.
        let location = match &f.cell {
            Some(cell) => format!("cell {}:{}:{}", cell.cell, cell.line, cell.column),
            None => format!("{}:{}", f.range.start.line + 1, col),
        };
        let _ = writeln!(
            out,
            "{}:{}: {}{} {}",
            style.paint("1", &item.file.display),
            location,
            style.severity(f.severity),
            style.paint("1", &format!("[{}]", f.rule_id)),
            f.message
        );
        let number = (f.range.start.line + 1).to_string();
        let gutter = " ".repeat(number.len());
        let end_col = if f.range.end.line == f.range.start.line { char_column(line, f.range.end.column) } else { line.chars().count() + 1 };
        let width = end_col.saturating_sub(col).max(1);
        let shown: String = super::quoted_line(item.file, f.range.start.line).chars().map(|c| if c == '\t' { ' ' } else { c }).collect();
        let _ = writeln!(out, "{gutter} {}", style.paint("34", "|"));
        let _ = writeln!(out, "{} {} {shown}", style.paint("34", &number), style.paint("34", "|"));
        let _ = writeln!(out, "{gutter} {} {}{}", style.paint("34", "|"), " ".repeat(col - 1), style.paint("1;31", &"^".repeat(width)));
        if let Some(rule) = item.rule {
            let _ = writeln!(out, "{gutter} {} {}", style.paint("34", "= help:"), rule.meta.help);
            if report.show_hints {
                let _ = writeln!(out, "{gutter} {} {}", style.paint("34", "= prompt:"), rule.meta.hint);
            }
        }
        if let Some(fix) = &f.fix {
            let kind = if fix.safe { "fix available (--fix)" } else { "unsafe fix available (--fix --unsafe-fixes)" };
            let _ = writeln!(out, "{gutter} {} {}: {}", style.paint("34", "="), kind, fix.description);
        }
        out.push('\n');
    }
    out.push_str(&summary_line(report, style));
    out
}

pub fn summary_line(report: &Report, style: &Style) -> String {
    let s = &report.summary;
    let mut line = if s.findings == 0 {
        format!("{} No findings in {} file{}.", style.paint("1;32", "✓"), s.files_scanned, plural(s.files_scanned))
    } else {
        let mut parts = Vec::new();
        for (n, word) in [(s.errors, "error"), (s.warnings, "warning"), (s.infos, "info")] {
            if n > 0 {
                parts.push(format!("{n} {word}{}", if word == "info" { "" } else { plural(n) }));
            }
        }
        format!(
            "Found {} finding{} ({}) in {} file{}.",
            s.findings,
            plural(s.findings),
            parts.join(", "),
            s.files_scanned,
            plural(s.files_scanned)
        )
    };
    if s.suppressed > 0 {
        let _ = write!(line, " {} suppressed inline.", s.suppressed);
    }
    if s.fixed > 0 {
        let _ = write!(line, " Fixed {} finding{}.", s.fixed, plural(s.fixed));
    }
    if s.files_skipped > 0 {
        let _ = write!(line, " {} file{} skipped (see messages above).", s.files_skipped, plural(s.files_skipped));
    }
    line.push('\n');
    line
}

/// `--statistics`: counts per rule, most frequent first.
pub fn statistics(report: &Report) -> String {
    let mut counts: std::collections::BTreeMap<&str, (usize, Severity)> = Default::default();
    for item in report.visible() {
        let e = counts.entry(&item.finding.rule_id).or_insert((0, item.finding.severity));
        e.0 += 1;
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let mut out = String::new();
    for (id, (n, sev)) in rows {
        let title = report.catalog.get(id).map(|r| r.meta.title.as_str()).unwrap_or("");
        let _ = writeln!(out, "{n:>5}  {id:<40} {:<8} {title}", sev.as_str());
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
