//! Rescanning a document after an edit without re-running every rule over the whole file.
//!
//! Most rule patterns start inside a function (a call, an assignment, a `return`), and what
//! decides them lies in that function (its dataflow) or in file-wide facts (imports, module
//! constants). An edit inside one function body therefore re-runs those "local" patterns only
//! over that function — the *unit* — and over the same-file functions it calls or is called
//! by, whose cross-function dataflow summaries it can change. Findings elsewhere are kept,
//! moved by the edits. Everything else is recomputed as in a full scan: the file-wide patterns
//! (rooted at the module or a class), secrets, suppressions.
//!
//! An edit is rescanned as a whole file when it is not inside a function, when it changes the
//! imports, or when it changes whether the file matches a `#file-mentions?`/`#scope-mentions?`
//! regex. The result equals a full scan's in the cases the tests exercise (random edits over
//! the rule fixtures); the server still runs a full scan once typing pauses, so a rare
//! difference (a caller of a caller of a caller) is short-lived.

use std::collections::HashMap;

use tree_sitter::{Node, Tree};

use super::context::{FileContext, FileSearches};
use super::finding::{Finding, SecretSpan};
use super::language::Language;
use super::matcher::{Anchor, QuerySecret};
use super::secrets::{self, Found};
use super::semantics::identifier_occurrences;
use super::LineIndex;

/// One text edit in byte offsets: `start..old_end` of the old text became `start..new_end`.
/// `removed` is the text it replaced: a deleted call to a helper changes the helper's findings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ByteEdit {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
    pub removed: String,
}

impl ByteEdit {
    /// Where an offset of the text before this edit is after it; offsets inside the replaced
    /// text map to the end of the new text (None: they were inside it).
    fn map(&self, offset: usize) -> Result<usize, usize> {
        if offset <= self.start {
            Ok(offset)
        } else if offset >= self.old_end {
            Ok(offset + self.new_end - self.old_end)
        } else {
            Err(self.new_end)
        }
    }
}

/// What one scan of a document leaves for the next scan of it (same rules, same settings).
#[derive(Clone, Debug, Default)]
pub struct ScanMemo {
    /// Findings of the local patterns, before deduplication and suppression.
    pub(super) local: Vec<Finding>,
    pub(super) local_secrets: Vec<QuerySecret>,
    /// Findings of the file-pass patterns, by the anchor their pattern started at.
    pub(super) file: Vec<(Anchor, Finding)>,
    pub(super) file_secrets: Vec<(Anchor, QuerySecret)>,
    pub(super) imports: HashMap<String, String>,
    /// The dependency check's findings: they follow from the imports and what guards them.
    pub(super) dependency_findings: Vec<Finding>,
    /// The secrets scan's results, before `secrets::postprocess` (which pairs them file-wide).
    pub(super) secrets: Vec<Found>,
    /// The text holds a keyword of a secret format that searches the whole file.
    pub(super) secrets_whole_text: bool,
    /// The whole-file regex searches (`#file-mentions?`) the scan's predicates made.
    pub(super) file_searches: FileSearches,
    pub(super) text_len: usize,
    /// This scan re-ran the local rules over some functions only.
    pub(super) incremental: bool,
}

impl ScanMemo {
    pub fn was_incremental(&self) -> bool {
        self.incremental
    }
}

/// The previous scan of a document, and how its text changed since: the edits in order, and
/// the ranges tree-sitter reports as changed between the old tree (edited) and the new one.
pub struct Previous<'m> {
    pub memo: &'m ScanMemo,
    pub edits: &'m [ByteEdit],
    pub changed_ranges: Vec<(usize, usize)>,
}

impl Previous<'_> {
    /// `old_tree` must have had every edit applied (`Tree::edit`); `new_tree` is its reparse.
    pub fn changed_between(old_tree: &Tree, new_tree: &Tree) -> Vec<(usize, usize)> {
        old_tree.changed_ranges(new_tree).map(|r| (r.start_byte, r.end_byte)).collect()
    }
}

/// A finding's or span's byte range carried through the edits; None if an edit touched it.
fn carry(start: usize, end: usize, edits: &[ByteEdit]) -> Option<(usize, usize)> {
    let (mut s, mut e) = (start, end);
    for edit in edits {
        let touches = edit.start < e && s < edit.old_end || (edit.start == edit.old_end && s < edit.start && edit.start < e);
        if touches {
            return None;
        }
        s = edit.map(s).ok()?;
        e = edit.map(e).ok()?;
    }
    Some((s, e))
}

/// The byte spans of the new text the edits wrote, each carried through the later edits.
fn written_spans(edits: &[ByteEdit]) -> Vec<(usize, usize)> {
    edits
        .iter()
        .enumerate()
        .map(|(i, edit)| {
            let (mut s, mut e) = (edit.start, edit.new_end);
            for later in &edits[i + 1..] {
                s = later.map(s).unwrap_or(later.start);
                e = later.map(e).unwrap_or_else(|end| end);
            }
            (s, e.max(s))
        })
        .collect()
}

/// How many rounds of callers and callees the unit set grows by (the dataflow summaries follow
/// three hops).
const NEIGHBOUR_ROUNDS: usize = 3;

/// Do the edits lead from the memo's text to a text of this length? (A lost edit would make
/// every carried position wrong.)
fn edits_lead_to(previous: &Previous, len: usize) -> bool {
    let expected = previous.edits.iter().try_fold(previous.memo.text_len, |len, e| (len + e.new_end).checked_sub(e.old_end));
    previous.memo.text_len > 0 && expected == Some(len)
}

/// The units to re-run after these edits, or None when the edit needs a whole-file scan.
pub(super) fn plan<'t>(language: Language, root: Node<'t>, src: &[u8], previous: &Previous) -> Option<Vec<Node<'t>>> {
    if !edits_lead_to(previous, src.len()) {
        return None;
    }
    let mut units: Vec<Node<'t>> = Vec::new();
    let spans = written_spans(previous.edits).into_iter().chain(previous.changed_ranges.iter().copied());
    for (start, end) in spans {
        let node = root.descendant_for_byte_range(start, end)?;
        let unit = unit_of(language, node)?;
        // An edit in a function's header (its name, its parameters) changes which calls reach
        // it, including calls to the name it had before: rescan the whole file.
        let name = unit.child_by_field_name("name").map_or(unit.start_byte(), |n| n.start_byte());
        let header_end = unit.child_by_field_name("parameters").map_or(name, |p| p.end_byte());
        if start < header_end && end >= name {
            return None;
        }
        add_unit(&mut units, unit);
    }
    // Functions named in deleted text: a call that is gone no longer feeds them.
    for edit in previous.edits {
        for name in edit.removed.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| !w.is_empty()) {
            for unit in definitions_named(language, root, src, name) {
                add_unit(&mut units, unit);
            }
        }
    }
    // Same-file callers and callees: an edit can change what a helper returns or what a
    // caller passes it, and dataflow summaries read both.
    let mut frontier = units.clone();
    for _ in 0..NEIGHBOUR_ROUNDS {
        let mut next = Vec::new();
        for unit in &frontier {
            for name in defined_names(language, *unit, src) {
                for at in identifier_occurrences(src, name) {
                    let node = root.descendant_for_byte_range(at, at + name.len())?;
                    if !matches!(node.kind(), "identifier" | "field_identifier") {
                        continue;
                    }
                    let caller = unit_of(language, node)?;
                    if add_unit(&mut units, caller) {
                        next.push(caller);
                    }
                }
            }
            for name in called_names(language, *unit, src) {
                for callee in definitions_named(language, root, src, name) {
                    if add_unit(&mut units, callee) {
                        next.push(callee);
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
    }
    // A syntax error outside the re-run functions may have moved code between them (an
    // unclosed bracket swallowing the next definitions): rescan the whole file.
    if errors_outside(root, &units) {
        return None;
    }
    // Re-running most of the file through units is no cheaper than a full pass.
    let covered: usize = units.iter().map(|u| u.byte_range().len()).sum();
    (covered * 2 <= src.len()).then_some(units)
}

/// Is there an error or missing node that no unit contains? Descends only where errors are.
fn errors_outside(root: Node, units: &[Node]) -> bool {
    let inside = |n: Node| units.iter().any(|u| u.start_byte() <= n.start_byte() && n.end_byte() <= u.end_byte());
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        if inside(node) {
            continue;
        }
        if node.is_error() || node.is_missing() {
            return true;
        }
        let mut cursor = node.walk();
        stack.extend(node.children(&mut cursor).filter(|c| c.has_error()));
    }
    false
}

/// Adds `unit` unless it or a unit containing it is already there; true if added.
fn add_unit<'t>(units: &mut Vec<Node<'t>>, unit: Node<'t>) -> bool {
    if units.iter().any(|u| u.start_byte() <= unit.start_byte() && unit.end_byte() <= u.end_byte()) {
        return false;
    }
    units.retain(|u| !(unit.start_byte() <= u.start_byte() && u.end_byte() <= unit.end_byte()));
    units.push(unit);
    true
}

/// The outermost function around `node`, if every node above that function is a container
/// (module, class, impl block…) and not, say, an error node or an expression.
fn unit_of<'t>(language: Language, node: Node<'t>) -> Option<Node<'t>> {
    let mut unit = None;
    let mut current = Some(node);
    while let Some(n) = current {
        if language.unit_kinds().contains(&n.kind()) {
            unit = Some(n);
        }
        current = n.parent();
    }
    let unit = unit?;
    let mut above = unit.parent();
    while let Some(n) = above {
        if !language.container_kinds().contains(&n.kind()) {
            return None;
        }
        above = n.parent();
    }
    Some(unit)
}

/// Names of the functions defined in a unit (itself and nested ones).
fn defined_names<'s>(language: Language, unit: Node, src: &'s [u8]) -> Vec<&'s str> {
    let mut names = Vec::new();
    let mut stack = vec![unit];
    while let Some(n) = stack.pop() {
        if language.unit_kinds().contains(&n.kind()) {
            if let Some(name) = n.child_by_field_name("name").and_then(|x| x.utf8_text(src).ok()) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    names
}

/// Last name segments of the callees of the calls in a unit.
fn called_names<'s>(language: Language, unit: Node, src: &'s [u8]) -> Vec<&'s str> {
    let semantics = language.semantics();
    let mut names = Vec::new();
    let mut stack = vec![unit];
    while let Some(n) = stack.pop() {
        if let Some(callee) = semantics.callee(n) {
            if let Ok(written) = callee.utf8_text(src) {
                let last = super::query_keys::last_segment(written);
                if !last.is_empty() && !names.contains(&last) {
                    names.push(last);
                }
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    names
}

/// Units defining a function of this name (found by the `def NAME` / `fn NAME` text).
fn definitions_named<'t>(language: Language, root: Node<'t>, src: &[u8], name: &str) -> Vec<Node<'t>> {
    let keyword = match language {
        Language::Python => "def ",
        Language::Rust => "fn ",
    };
    let needle = format!("{keyword}{name}");
    let mut out = Vec::new();
    let definitions = identifier_occurrences(src, &needle).map(|at| at + keyword.len());
    for at in definitions {
        let Some(node) = root.descendant_for_byte_range(at, at + name.len()) else { continue };
        let Some(parent) = node.parent() else { continue };
        let is_definition = language.unit_kinds().contains(&parent.kind()) && parent.child_by_field_name("name") == Some(node);
        if is_definition {
            if let Some(unit) = unit_of(language, parent) {
                out.push(unit);
            }
        }
    }
    out
}

/// What a rescan keeps of the previous scan, moved by the edits.
#[derive(Default)]
pub(super) struct Kept {
    pub local: Vec<Finding>,
    pub local_secrets: Vec<QuerySecret>,
    pub file: Vec<(Anchor, Finding)>,
    pub file_secrets: Vec<(Anchor, QuerySecret)>,
}

/// A finding of the previous scan moved by the edits (None if an edit touched it); a fix whose
/// edits were touched is dropped.
fn moved_finding(f: &Finding, edits: &[ByteEdit], lines: &LineIndex) -> Option<Finding> {
    let (start, end) = carry(f.range.start_byte, f.range.end_byte, edits)?;
    let mut moved = f.clone();
    moved.range = lines.range(start, end);
    if let Some(fix) = moved.fix.as_mut() {
        let carried: Option<Vec<(usize, usize)>> = fix.edits.iter().map(|e| carry(e.start_byte, e.end_byte, edits)).collect();
        match carried {
            Some(spans) => fix.edits.iter_mut().zip(spans).for_each(|(e, (s, t))| (e.start_byte, e.end_byte) = (s, t)),
            None => moved.fix = None,
        }
    }
    Some(moved)
}

/// The previous scan's local findings outside `units`, and its file-pass findings at anchors
/// the rescan did not run at (and the edits did not touch).
pub(super) fn kept_findings(previous: &Previous, units: &[Node], anchors_run: &[Anchor], lines: &LineIndex) -> Kept {
    let outside = |(s, e): (usize, usize)| !units.iter().any(|u| u.start_byte() < e.max(s + 1) && s < u.end_byte());
    let move_finding = |f: &Finding| moved_finding(f, previous.edits, lines);
    let move_secret = |(rule, range, span): &QuerySecret| -> Option<QuerySecret> {
        let r = carry(range.0, range.1, previous.edits)?;
        let s = carry(span.start_byte, span.end_byte, previous.edits)?;
        Some((rule.clone(), r, SecretSpan { start_byte: s.0, end_byte: s.1, visible: span.visible }))
    };
    // An anchor the file pass ran at again, or one now inside a re-run function (the edit
    // changed the structure there: a class swallowed by an unclosed string), is not kept.
    let kept_anchor = |anchor: &Anchor| {
        carry(anchor.0, anchor.1, previous.edits).filter(|a| !anchors_run.contains(a) && !units.iter().any(|u| u.start_byte() < a.1 && a.0 < u.end_byte()))
    };
    let memo = previous.memo;
    Kept {
        local: memo.local.iter().filter_map(move_finding).filter(|f| outside((f.range.start_byte, f.range.end_byte))).collect(),
        local_secrets: memo.local_secrets.iter().filter_map(move_secret).filter(|(_, r, _)| outside(*r)).collect(),
        file: memo.file.iter().filter_map(|(a, f)| Some((kept_anchor(a)?, move_finding(f)?))).collect(),
        file_secrets: memo.file_secrets.iter().filter_map(|(a, q)| Some((kept_anchor(a)?, move_secret(q)?))).collect(),
    }
}

/// The secrets after an edit inside `units`: a scan of the lines the units span, and the
/// previous scan's secrets elsewhere, moved by the edits. Secrets are found from keywords and
/// names in the text, and what decides one lies in its statement, so those lines hold all that
/// changed. None when only a whole-file scan is right: a unit shares a line with other code, or
/// the text holds a keyword of a format that searches the whole file.
pub(super) fn rescan_secrets(language: Language, text: &str, root: Node, path: &std::path::Path, previous: &Previous, units: &[Node]) -> Option<Vec<Found>> {
    if previous.memo.secrets_whole_text {
        return None;
    }
    let regions = units.iter().map(|u| own_lines(text, u.start_byte(), u.end_byte())).collect::<Option<Vec<_>>>()?;
    let mut found = Vec::new();
    secrets::source::scan_regions(language, text.as_bytes(), root, path, &regions, &mut found)?;
    let in_regions = |(s, e): (usize, usize)| regions.iter().any(|&(a, b)| s < b && a < e.max(s + 1));
    found.retain(|f| in_regions(f.range()));
    for f in &previous.memo.secrets {
        let Some(spans) = f.spans.iter().map(|&(s, e)| carry(s, e, previous.edits)).collect::<Option<Vec<_>>>() else { continue };
        let moved = Found { spans, ..f.clone() };
        if !in_regions(moved.range()) {
            found.push(moved);
        }
    }
    Some(found)
}

/// The whole lines `start..end` spans, if nothing but blanks shares them.
fn own_lines(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let lines = lines_around(text, start, end, 0);
    let blank = |s: &str| s.bytes().all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    (blank(&text[lines.start..start]) && blank(&text[end..lines.end])).then_some((lines.start, lines.end))
}

/// The previous scan's dependency findings, moved by the edits (None if an edit touched one).
pub(super) fn kept_dependency_findings(previous: &Previous, lines: &LineIndex) -> Option<Vec<Finding>> {
    previous.memo.dependency_findings.iter().map(|f| moved_finding(f, previous.edits, lines)).collect()
}

/// Whether the file-wide facts that kept findings rest on are as they were: the imports, and
/// each whole-file regex search the previous scan made (carried over into `ctx` when so).
pub(super) fn file_facts_unchanged(previous: &Previous, ctx: &FileContext, text: &str) -> bool {
    if previous.memo.imports != ctx.imports {
        return false;
    }
    let old_len = previous.memo.text_len;
    let windows: Vec<&str> = written_spans(previous.edits).into_iter().map(|(s, e)| &text[lines_around(text, s, e, SEARCH_CONTEXT_LINES)]).collect();
    for (regex, hit) in previous.memo.file_searches.values() {
        let now = match hit {
            // A match the edits did not touch (nor its neighbours, for `\b` and `^`) is still one.
            Some((s, e)) => match carry(s.saturating_sub(1), (e + 1).min(old_len), previous.edits) {
                Some((ns, ne)) => {
                    let kept = (ns + (s - s.saturating_sub(1)), ne - ((e + 1).min(old_len) - e));
                    ctx.seed_file_search(regex, Some(kept));
                    Some(kept)
                }
                None => ctx.file_search(regex),
            },
            // No match before: a new one must overlap the edited text.
            None => {
                if windows.iter().any(|w| regex.is_match(w.as_bytes())) {
                    return false;
                }
                ctx.seed_file_search(regex, None);
                None
            }
        };
        if now.is_some() != hit.is_some() {
            return false;
        }
    }
    true
}

/// Could these edits have changed the file's imports (or what the dependency check reads)? Only
/// if an import keyword is on a line they removed, wrote, or turned from or into code
/// (tree-sitter's changed ranges), or they are inside an import, a `try`/`if` around one, or
/// code that does not parse.
pub(super) fn may_change_imports(language: Language, root: Node, previous: &Previous, text: &str) -> bool {
    if !edits_lead_to(previous, text.len()) {
        return true;
    }
    let keywords: &[&str] = match language {
        Language::Python => &["import", "try", "except", "if", "TYPE_CHECKING"],
        Language::Rust => &["use", "extern", "mod", "crate"],
    };
    let mentions = |t: &str| keywords.iter().any(|k| identifier_occurrences(t.as_bytes(), k).next().is_some());
    let lines_of = |(s, e): (usize, usize)| &text[lines_around(text, s.min(text.len()), e.min(text.len()), 0)];
    let spans: Vec<(usize, usize)> = written_spans(previous.edits).into_iter().chain(previous.changed_ranges.iter().copied()).collect();
    let import_kinds: &[&str] = match language {
        Language::Python => &["import_statement", "import_from_statement", "future_import_statement", "try_statement", "if_statement", "ERROR"],
        Language::Rust => &["use_declaration", "extern_crate_declaration", "mod_item", "ERROR"],
    };
    let in_import = |(s, e): (usize, usize)| {
        let mut node = root.descendant_for_byte_range(s, e);
        while let Some(n) = node {
            if import_kinds.contains(&n.kind()) || n.is_missing() {
                return true;
            }
            node = n.parent();
        }
        false
    };
    root.has_error() || previous.edits.iter().any(|e| mentions(&e.removed)) || spans.iter().any(|&span| mentions(lines_of(span)) || in_import(span))
}

/// Lines of context searched around an edit for a new whole-file regex match (the catalog's
/// multi-line patterns span at most 16 lines).
const SEARCH_CONTEXT_LINES: usize = 20;

/// The byte range of `start..end` widened by `lines` whole lines on each side.
fn lines_around(text: &str, start: usize, end: usize, lines: usize) -> std::ops::Range<usize> {
    let bytes = text.as_bytes();
    let line_start = |i: usize| memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |j| j + 1);
    let next_line = |i: usize| memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |j| i + j + 1);
    let mut from = line_start(start.min(bytes.len()));
    let mut to = next_line(end.min(bytes.len()));
    for _ in 0..lines {
        if from > 0 {
            from = line_start(from - 1);
        }
        if to < bytes.len() {
            to = next_line(to);
        }
    }
    from..to
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carry_moves_ranges_after_an_edit_and_drops_touched_ones() {
        let edit = |start, old_end, new_end| ByteEdit { start, old_end, new_end, removed: String::new() };
        let insert = [edit(10, 10, 13)];
        assert_eq!(carry(0, 5, &insert), Some((0, 5)));
        assert_eq!(carry(20, 25, &insert), Some((23, 28)));
        assert_eq!(carry(8, 12, &insert), None);
        let delete = [edit(10, 15, 10)];
        assert_eq!(carry(15, 20, &delete), Some((10, 15)));
        assert_eq!(carry(12, 20, &delete), None);
    }

    #[test]
    fn lines_around_takes_whole_lines() {
        let text = "a\nbb\nccc\ndddd\ne";
        let at = text.find("ccc").unwrap();
        assert_eq!(&text[lines_around(text, at, at + 1, 0)], "ccc\n");
        assert_eq!(&text[lines_around(text, at, at + 1, 1)], "bb\nccc\ndddd\n");
        assert_eq!(&text[lines_around(text, at, at + 1, 9)], text);
    }

    #[test]
    fn written_spans_follow_later_edits() {
        let edit = |start, old_end, new_end| ByteEdit { start, old_end, new_end, removed: String::new() };
        let edits = [edit(10, 10, 12), edit(0, 0, 5)];
        assert_eq!(written_spans(&edits), vec![(15, 17), (0, 5)]);
    }
}
