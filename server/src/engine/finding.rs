//! What a scan produces: findings with byte ranges and positions, and notices about files.

use serde::{Deserialize, Serialize};

use super::rules::Severity;

/// A zero-based position; `column` counts bytes within the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct TextRange {
    pub start_byte: usize,
    pub end_byte: usize,
    pub start: Position,
    pub end: Position,
}

impl TextRange {
    pub fn from_node(node: tree_sitter::Node) -> Self {
        let (s, e) = (node.start_position(), node.end_position());
        TextRange {
            start_byte: node.start_byte(),
            end_byte: node.end_byte(),
            start: Position { line: s.row, column: s.column },
            end: Position { line: e.row, column: e.column },
        }
    }

    pub fn overlaps(&self, other: &TextRange) -> bool {
        self.start_byte < other.end_byte && other.start_byte < self.end_byte
            || self.start_byte == other.start_byte
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edit {
    pub start_byte: usize,
    pub end_byte: usize,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub description: String,
    /// Safe fixes keep behaviour apart from the security change; `--fix` applies only these.
    pub safe: bool,
    pub edits: Vec<Edit>,
}

/// Why a finding is not reported: an inline comment, or a foreign tool's marker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// `assay`, `nosec` or `nosemgrep`.
    pub kind: String,
    pub justification: Option<String>,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub message: String,
    pub range: TextRange,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// In a Jupyter notebook: the cell and the position within it (`range` points into the
    /// notebook's JSON text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<CellLocation>,
}

/// Where a notebook finding sits in its cell: all 1-based; `cell` counts every cell (markdown
/// too) from the top of the notebook, `column` counts characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellLocation {
    pub cell: usize,
    pub line: usize,
    pub column: usize,
}

/// Something the user should know about a file that is not a finding (skipped, partly parsed).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    NotUtf8,
    Binary,
    TooLarge,
    Unreadable,
    SyntaxError,
    Config,
    /// A lock file: generated, full of hashes, not scanned for secrets.
    LockFile,
    /// A minified bundle: not scanned for secrets.
    Minified,
}

/// Where a secret sits in the file. Every output that quotes the source masks these bytes
/// (past `visible`, a public fixed prefix such as `sk-ant-`), whichever rule it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretSpan {
    pub start_byte: usize,
    pub end_byte: usize,
    #[serde(default)]
    pub visible: usize,
}

/// The result of scanning one file.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct FileReport {
    pub findings: Vec<Finding>,
    pub notices: Vec<Notice>,
    /// Secrets in the file, sorted by position: for masking quoted lines, never serialized
    /// with their text.
    #[serde(default)]
    pub secrets: Vec<SecretSpan>,
}

impl FileReport {
    /// A report that only says why the file was not analysed.
    pub fn notice(notice: Notice) -> Self {
        FileReport { findings: Vec::new(), notices: vec![notice], secrets: Vec::new() }
    }
}
