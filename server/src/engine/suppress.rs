//! Inline suppressions: `# assay: ignore[rule-id, ...] -- reason` (or `//` in Rust) on the line of a
//! finding or alone on the line above it. `# nosec` and `# nosemgrep` are honoured when enabled.

use regex::Regex;
use std::sync::LazyLock;
use tree_sitter::Node;

use super::finding::{Finding, Suppression, TextRange};
use super::language::Language;
use super::rules::Severity;

pub const UNUSED_RULE: &str = "assay-unused-suppression";
pub const UNKNOWN_RULE: &str = "assay-unknown-suppression-rule";

static ASSAY_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"assay:\s*ignore(?:\[(?P<ids>[^\]]*)\])?(?:\s*(?:--|:|—)\s*(?P<reason>.*\S))?").unwrap()
});
static FOREIGN_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?P<kind>nosec|nosemgrep)\b(?:[:\s]+(?P<rest>.*\S))?").unwrap());

#[derive(Debug)]
struct Directive {
    kind: &'static str,
    /// None: every rule.
    rules: Option<Vec<String>>,
    reason: Option<String>,
    comment: TextRange,
    /// Lines (0-based) the directive covers: its own, and the next when it stands alone.
    lines: (usize, usize),
    used: Vec<bool>,
    any_used: bool,
}

/// Mark suppressed findings, and return hygiene findings for directives that name unknown rules
/// or suppress nothing.
pub fn apply(
    language: Language,
    src: &str,
    root: Node,
    findings: &mut [Finding],
    honor_foreign: bool,
    is_known_rule: &dyn Fn(&str) -> bool,
    is_enabled_rule: &dyn Fn(&str) -> bool,
) -> Vec<Finding> {
    if !src.contains("assay:") && !(honor_foreign && (src.contains("nosec") || src.contains("nosemgrep"))) {
        return Vec::new();
    }
    let mut directives = collect(language, src, root, honor_foreign);
    for finding in findings.iter_mut() {
        let (first, last) = (finding.range.start.line, finding.range.end.line);
        for d in directives.iter_mut() {
            let covers = (d.lines.0..=d.lines.1).any(|l| l == first || l == last);
            // A directive cannot hide a finding about itself (an unjustified `# nosec`).
            let about_directive = d.comment.start_byte <= finding.range.start_byte && finding.range.end_byte <= d.comment.end_byte;
            if !covers || about_directive {
                continue;
            }
            let hit = match &d.rules {
                None => Some(usize::MAX),
                Some(ids) => ids.iter().position(|id| *id == finding.rule_id),
            };
            if let Some(i) = hit {
                if let Some(u) = d.used.get_mut(i) {
                    *u = true;
                }
                d.any_used = true;
                finding.suppression = Some(Suppression { kind: d.kind.to_string(), justification: d.reason.clone(), line: d.comment.start.line });
                break;
            }
        }
    }
    let mut hygiene = Vec::new();
    for d in directives.iter().filter(|d| d.kind == "assay") {
        match &d.rules {
            Some(ids) => {
                for (id, used) in ids.iter().zip(&d.used) {
                    if !is_known_rule(id) {
                        hygiene.push(meta_finding(UNKNOWN_RULE, format!("suppression names unknown rule `{id}`"), d.comment));
                    } else if !used && is_enabled_rule(id) {
                        hygiene.push(meta_finding(UNUSED_RULE, format!("suppression of `{id}` matches no finding; remove it"), d.comment));
                    }
                }
            }
            None if !d.any_used => hygiene.push(meta_finding(UNUSED_RULE, "suppression matches no finding; remove it".into(), d.comment)),
            None => {}
        }
    }
    hygiene
}

fn meta_finding(rule: &str, message: String, range: TextRange) -> Finding {
    Finding { rule_id: rule.to_string(), severity: Severity::Info, message, range, fix: None, suppression: None, cell: None }
}

/// A directive starts its comment (`# assay: ignore…`) or follows another marker in it
/// (`# type: ignore  # assay: ignore…`); prose that mentions the syntax is not one.
fn starts_directive(comment: &str, at: usize, language: Language) -> bool {
    let before = comment[..at].trim_end();
    let marker = language.line_comment();
    if before.is_empty() {
        return true;
    }
    // The comment's own marker, or a later marker set off by whitespace (not "`#" in prose).
    let Some(rest) = before.strip_suffix(marker).or_else(|| before.strip_suffix("/*")) else { return false };
    rest.is_empty() || rest.ends_with(char::is_whitespace)
}

fn collect(language: Language, src: &str, root: Node, honor_foreign: bool) -> Vec<Directive> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for (line_no, line) in src.split_inclusive('\n').enumerate() {
        let here = line_start;
        line_start += line.len();
        let has_assay = line.contains("assay:");
        let has_foreign = honor_foreign && (line.contains("nosec") || line.contains("nosemgrep"));
        if !has_assay && !has_foreign {
            continue;
        }
        let Some(comment_at) = line.find(language.line_comment()) else { continue };
        let comment_byte = here + comment_at;
        // tree-sitter-rust returns the `//` token inside `line_comment`: climb to the comment.
        let mut found = root.descendant_for_byte_range(comment_byte, comment_byte + 1);
        while let Some(n) = found.filter(|n| !language.is_comment_kind(n.kind())) {
            found = n.parent().filter(|p| p.start_byte() == n.start_byte());
        }
        let Some(node) = found else {
            continue; // the marker is inside a string, not a comment
        };
        let comment = &src[node.start_byte()..node.end_byte().min(src.len())];
        let standalone = line[..comment_at].trim().is_empty();
        let lines = (line_no, if standalone { line_no + 1 } else { line_no });
        let range = TextRange::from_node(node);
        // Doc comments describe code; they never carry directives.
        if comment.starts_with("///") || comment.starts_with("//!") || comment.starts_with("/**") || comment.starts_with("/*!") {
            continue;
        }
        if let Some(c) = ASSAY_RE.captures(comment).filter(|c| starts_directive(comment, c.get(0).map_or(0, |m| m.start()), language)) {
            let rules: Option<Vec<String>> = c.name("ids").map(|ids| {
                ids.as_str().split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
            });
            let used = vec![false; rules.as_ref().map_or(0, Vec::len)];
            out.push(Directive { kind: "assay", rules, reason: c.name("reason").map(|r| r.as_str().to_string()), comment: range, lines, used, any_used: false });
        } else if has_foreign {
            if let Some(c) = FOREIGN_RE.captures(comment) {
                let kind = if &c["kind"] == "nosec" { "nosec" } else { "nosemgrep" };
                out.push(Directive { kind, rules: None, reason: c.name("rest").map(|r| r.as_str().to_string()), comment: range, lines, used: vec![], any_used: false });
            }
        }
    }
    out
}

/// Markers other secret scanners honour on the line of a secret: `gitleaks:allow` and
/// detect-secrets' `pragma: allowlist secret`. They suppress only assay's secret rules.
pub fn apply_secret_markers(src: &str, findings: &mut [Finding], honor_foreign: bool) {
    if !honor_foreign || !(src.contains("gitleaks:allow") || src.contains("allowlist secret")) {
        return;
    }
    let lines: Vec<&str> = src.split('\n').collect();
    for f in findings.iter_mut().filter(|f| f.suppression.is_none() && super::secrets::RULES.contains(&f.rule_id.as_str())) {
        for line in f.range.start.line..=f.range.end.line {
            let text = lines.get(line).copied().unwrap_or("");
            let kind = if text.contains("gitleaks:allow") {
                "gitleaks"
            } else if text.contains("pragma: allowlist secret") {
                "detect-secrets"
            } else {
                continue;
            };
            f.suppression = Some(Suppression { kind: kind.to_string(), justification: None, line });
            break;
        }
    }
}

/// Suppressions in files assay does not parse (`.env`, YAML, shell…): the same comment as in
/// Python and Rust, naming the rule, on the finding's line or alone on the line above.
/// Without a tree, any line holding the marker counts; there are no hygiene findings.
pub fn apply_lines(src: &str, findings: &mut [Finding], honor_foreign: bool) {
    apply_secret_markers(src, findings, honor_foreign);
    if !src.contains("assay:") {
        return;
    }
    let lines: Vec<&str> = src.split('\n').collect();
    let directive = |line: usize| -> Option<(Option<Vec<String>>, Option<String>, bool)> {
        let text = lines.get(line)?;
        let at = text.find("assay:")?;
        let c = ASSAY_RE.captures(&text[at..])?;
        let rules = c.name("ids").map(|ids| ids.as_str().split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect());
        let before = text[..at].trim();
        let standalone = ["#", "//", ";", "<!--", "--", "/*", "*", "REM", "rem", "%", "\"", "'"].iter().any(|m| before == *m || before.starts_with(m) && before.len() <= 4);
        Some((rules, c.name("reason").map(|r| r.as_str().to_string()), standalone))
    };
    for f in findings.iter_mut().filter(|f| f.suppression.is_none()) {
        let line = f.range.start.line;
        let candidates = [(line, false), (line.wrapping_sub(1), true)];
        for (l, above) in candidates {
            let Some((rules, reason, standalone)) = directive(l) else { continue };
            if above && !standalone {
                continue;
            }
            if rules.as_ref().is_none_or(|ids| ids.iter().any(|id| *id == f.rule_id)) {
                f.suppression = Some(Suppression { kind: "assay".into(), justification: reason, line: l });
                break;
            }
        }
    }
}
