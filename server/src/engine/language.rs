//! Languages assay parses with tree-sitter, and the per-language facts the engine needs.
//! Adding a language = a variant here, a `semantics/<lang>.rs`, and a `queries/<lang>/` folder.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::semantics::{self, Semantics};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Python,
    Rust,
}

impl Language {
    pub const ALL: &'static [Language] = &[Language::Python, Language::Rust];

    pub fn name(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Rust => "rust",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|l| l.name() == name)
    }

    /// File extensions analysed as this language (without the dot).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Language::Python => &["py", "pyi", "pyw"],
            Language::Rust => &["rs"],
        }
    }

    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Self::ALL.iter().copied().find(|l| l.extensions().contains(&ext))
    }

    pub fn grammar(self) -> tree_sitter::Language {
        match self {
            Language::Python => tree_sitter_python::LANGUAGE.into(),
            Language::Rust => tree_sitter_rust::LANGUAGE.into(),
        }
    }

    /// The token that starts a line comment, used for suppressions and fixture annotations.
    pub fn line_comment(self) -> &'static str {
        match self {
            Language::Python => "#",
            Language::Rust => "//",
        }
    }

    /// Node kinds that are comments in this grammar.
    pub fn is_comment_kind(self, kind: &str) -> bool {
        match self {
            Language::Python => kind == "comment",
            Language::Rust => kind == "line_comment" || kind == "block_comment",
        }
    }

    /// Function definitions: the units an edit re-analyses on its own (see `incremental`).
    pub fn unit_kinds(self) -> &'static [&'static str] {
        match self {
            Language::Python => &["function_definition"],
            Language::Rust => &["function_item"],
        }
    }

    /// Node kinds that may contain a unit and are not part of one: the module, classes, impl
    /// blocks and the statements that nest definitions. A rule pattern rooted at one of these
    /// looks across units, so it runs over the whole file on every analysis. Anything else
    /// above a unit (an `except` clause, a call holding a closure holding a `fn`) makes an edit
    /// in that unit a whole-file one.
    pub fn container_kinds(self) -> &'static [&'static str] {
        match self {
            Language::Python => &[
                "module", "block", "class_definition", "decorated_definition", "if_statement", "elif_clause", "else_clause",
                "try_statement", "finally_clause", "with_statement", "for_statement", "while_statement", "match_statement",
                "case_clause",
            ],
            Language::Rust => &["source_file", "mod_item", "declaration_list", "impl_item", "trait_item", "foreign_mod_item"],
        }
    }

    /// Node kinds that can hold a container (statement nesting, never expressions): the walk
    /// that finds where container-rooted patterns can start descends only into these.
    pub fn nesting_kinds(self) -> &'static [&'static str] {
        match self {
            Language::Python => &[
                "module", "block", "class_definition", "decorated_definition", "function_definition", "if_statement",
                "elif_clause", "else_clause", "try_statement", "except_clause", "except_group_clause", "finally_clause",
                "with_statement", "for_statement", "while_statement", "match_statement", "case_clause",
            ],
            Language::Rust => &[
                "source_file", "mod_item", "declaration_list", "impl_item", "trait_item", "foreign_mod_item", "function_item", "block",
            ],
        }
    }

    pub fn semantics(self) -> &'static dyn Semantics {
        match self {
            Language::Python => &semantics::python::Python,
            Language::Rust => &semantics::rust::Rust,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
