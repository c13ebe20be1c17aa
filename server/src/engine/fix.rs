//! Choosing which fixes to apply together: the CLI writes them to files, the server turns them
//! into workspace edits. Overlapping fixes after the first are left for a later run.

use super::finding::{Edit, Finding};

/// Fixes of unsuppressed findings (safe ones, or all with `include_unsafe`) that do not overlap,
/// in source order. Returns the edits and how many findings they fix.
pub fn non_overlapping_edits(findings: &[Finding], include_unsafe: bool, text_len: usize) -> (Vec<&Edit>, usize) {
    let mut chosen: Vec<&Finding> =
        findings.iter().filter(|f| f.suppression.is_none() && f.fix.as_ref().is_some_and(|x| x.safe || include_unsafe)).collect();
    chosen.sort_by_key(|f| f.range.start_byte);
    let mut edits = Vec::new();
    let mut fixed = 0;
    let mut last_end = 0;
    for finding in chosen {
        let fix = finding.fix.as_ref().expect("filtered on fix");
        if fix.edits.iter().any(|e| e.start_byte < last_end || e.end_byte > text_len || e.start_byte > e.end_byte) {
            continue;
        }
        last_end = fix.edits.iter().map(|e| e.end_byte).max().unwrap_or(last_end);
        edits.extend(&fix.edits);
        fixed += 1;
    }
    (edits, fixed)
}

/// Apply edits (non-overlapping, any order) to `text`.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let mut sorted: Vec<&&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.start_byte));
    let mut out = text.to_string();
    for e in sorted {
        out.replace_range(e.start_byte..e.end_byte, &e.replacement);
    }
    out
}
