//! Open documents: text, version and syntax tree, kept in step through incremental edits, and
//! conversion between LSP positions (UTF-8 or UTF-16) and byte offsets.

use std::path::PathBuf;
use std::sync::Arc;

use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};
use tree_sitter::{InputEdit, Point, Tree};

use crate::engine::incremental::{ByteEdit, ScanMemo};
use crate::engine::{Finding, Language};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// Byte offsets of line starts, for position conversion.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The byte offset of an LSP position, clamped into the text (positions past a line's end
    /// mean its end; past the last line, the end of the text).
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else { return text.len() };
        let end = self.starts.get(line + 1).map_or(text.len(), |&next| next - 1);
        let line_text = &text[start..end];
        let line_text = line_text.strip_suffix('\r').unwrap_or(line_text);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= wanted {
                return start + i;
            }
            units += match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        start + line_text.len()
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let prefix = &text[self.starts[line]..offset];
        let character = match encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position { line: line as u32, character: character as u32 }
    }

    pub fn range(&self, text: &str, start: usize, end: usize, encoding: Encoding) -> Range {
        Range { start: self.position(text, start, encoding), end: self.position(text, end, encoding) }
    }

    fn point(&self, offset: usize) -> Point {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        Point { row: line, column: offset - self.starts[line] }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Analysis results for one version of a document, with diagnostics already positioned for
/// that version's text.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub version: i32,
    pub findings: Arc<Vec<Finding>>,
    pub diagnostics: Vec<tower_lsp_server::ls_types::Diagnostic>,
}

/// Past this many edits without a scan, the next scan is a full one (bounds the log).
const MAX_LOGGED_EDITS: usize = 4096;

pub struct Document {
    pub path: PathBuf,
    pub language: Option<Language>,
    pub text: String,
    pub version: i32,
    pub lines: LineIndex,
    /// The last parsed tree, with every edit since applied (`Tree::edit`), ready for an
    /// incremental reparse.
    pub tree: Option<Tree>,
    pub analysis: Option<Analysis>,
    /// What the last scan left for the next one, and the version it scanned.
    pub memo: Option<(i32, Arc<ScanMemo>)>,
    /// Edits since then, each with the version it produced.
    pub edit_log: Vec<(i32, ByteEdit)>,
    /// When an analysis of this document last finished (trees are kept for the most recent).
    pub last_analysed: Option<std::time::Instant>,
    /// How long that analysis took (cheap ones are not debounced).
    pub last_cost: std::time::Duration,
    /// The version whose diagnostics were last pushed.
    pub published: Option<i32>,
}

impl Document {
    pub fn new(path: PathBuf, language: Option<Language>, text: String, version: i32) -> Self {
        let lines = LineIndex::new(&text);
        Document { path, language, text, version, lines, tree: None, analysis: None, memo: None, edit_log: Vec::new(), last_analysed: None, last_cost: std::time::Duration::ZERO, published: None }
    }

    /// Keep a scan's memo for `version` unless a newer one is kept, and forget the edits it
    /// already covers.
    pub fn remember_scan(&mut self, version: i32, memo: Arc<ScanMemo>) {
        if self.memo.as_ref().is_some_and(|(v, _)| *v >= version) {
            return;
        }
        self.edit_log.retain(|(v, _)| *v > version);
        self.memo = Some((version, memo));
    }

    /// The memo and the edits made since it, for an incremental rescan.
    pub fn reusable_scan(&self) -> Option<(Arc<ScanMemo>, Vec<ByteEdit>)> {
        let (version, memo) = self.memo.as_ref()?;
        let edits = self.edit_log.iter().filter(|(v, _)| v > version).map(|(_, e)| e.clone()).collect();
        Some((memo.clone(), edits))
    }

    /// Rules or settings changed: nothing computed before can be reused.
    pub fn forget_analysis(&mut self) {
        self.analysis = None;
        self.published = None;
        self.memo = None;
        self.edit_log.clear();
    }

    /// Apply one content change made by `version`; positions past line ends are clamped, as
    /// the spec allows.
    pub fn apply_change(&mut self, change: TextDocumentContentChangeEvent, encoding: Encoding, version: i32) {
        let Some(range) = change.range else {
            self.text = change.text;
            self.lines = LineIndex::new(&self.text);
            self.tree = None;
            self.memo = None;
            self.edit_log.clear();
            return;
        };
        let start = self.lines.offset(&self.text, range.start, encoding);
        let end = self.lines.offset(&self.text, range.end, encoding).max(start);
        let start_point = self.lines.point(start);
        let old_end_point = self.lines.point(end);
        let removed = self.text[start..end].to_string();
        self.text.replace_range(start..end, &change.text);
        let new_end = start + change.text.len();
        // Logged even before the first scan is kept: a scan in flight may be for an earlier version.
        if self.edit_log.len() >= MAX_LOGGED_EDITS {
            self.memo = None;
            self.edit_log.clear();
        }
        self.edit_log.push((version, ByteEdit { start, old_end: end, new_end, removed }));
        self.lines = LineIndex::new(&self.text);
        let new_end_point = self.lines.point(new_end);
        if let Some(tree) = self.tree.as_mut() {
            tree.edit(&InputEdit {
                start_byte: start,
                old_end_byte: end,
                new_end_byte: new_end,
                start_position: start_point,
                old_end_position: old_end_point,
                new_end_position: new_end_point,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position { line, character }
    }

    #[test]
    fn utf16_and_utf8_offsets_round_trip_over_multibyte_text() {
        let text = "a = 'é😀'\nb = 1\n";
        let index = LineIndex::new(text);
        // 😀 is 2 UTF-16 units and 4 bytes; é is 1 unit and 2 bytes.
        let after_emoji = text.find("'\n").unwrap();
        assert_eq!(index.offset(text, pos(0, 8), Encoding::Utf16), after_emoji);
        assert_eq!(index.offset(text, pos(0, 11), Encoding::Utf8), after_emoji);
        assert_eq!(index.position(text, after_emoji, Encoding::Utf16), pos(0, 8));
        assert_eq!(index.position(text, after_emoji, Encoding::Utf8), pos(0, 11));
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(0, 99), Encoding::Utf16), 2);
        assert_eq!(index.offset(text, pos(99, 0), Encoding::Utf16), text.len());
    }

    #[test]
    fn incremental_change_edits_text() {
        let mut doc = Document::new(PathBuf::from("a.py"), Some(Language::Python), "x = 'é'\ny = 2\n".into(), 1);
        doc.apply_change(
            TextDocumentContentChangeEvent { range: Some(Range { start: pos(1, 4), end: pos(1, 5) }), range_length: None, text: "42".into() },
            Encoding::Utf16,
            2,
        );
        assert_eq!(doc.text, "x = 'é'\ny = 42\n");
        doc.apply_change(
            TextDocumentContentChangeEvent { range: Some(Range { start: pos(0, 5), end: pos(0, 6) }), range_length: None, text: "e".into() },
            Encoding::Utf16,
            3,
        );
        assert_eq!(doc.text, "x = 'e'\ny = 42\n");
    }
}
