//! The absolute imports of a Python file, with whether each is optional.

use tree_sitter::Node;

use super::Reference;
use crate::engine::semantics::text;

/// Every `import a.b` and `from a.b import c` (relative imports are the project's own), in
/// source order. `guarded` marks imports whose absence the code expects: inside `try:` (or its
/// handler) with an `except` that catches ImportError, ModuleNotFoundError or everything, and
/// under `if TYPE_CHECKING:`.
pub(super) fn imports<'t>(root: Node<'t>, src: &[u8]) -> Vec<Reference<'t>> {
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match node.kind() {
            "import_statement" => {
                let mut cursor = node.walk();
                for name in node.children_by_field_name("name", &mut cursor) {
                    let dotted = if name.kind() == "aliased_import" { name.child_by_field_name("name") } else { Some(name) };
                    if let Some(d) = dotted.filter(|d| d.kind() == "dotted_name") {
                        out.push(Reference { name: text(d, src).replace(char::is_whitespace, ""), node: d, guarded: is_guarded(node, src), test_code: false });
                    }
                }
                continue;
            }
            "import_from_statement" => {
                if let Some(m) = node.child_by_field_name("module_name").filter(|m| m.kind() == "dotted_name") {
                    out.push(Reference { name: text(m, src).replace(char::is_whitespace, ""), node: m, guarded: is_guarded(node, src), test_code: false });
                }
                continue;
            }
            // `from __future__ import …` is its own node kind and always the standard library.
            "future_import_statement" => continue,
            _ => {}
        }
        // Imports are statements: skip expressions (most of a file).
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).filter(|c| holds_statements(c.kind())).collect();
        stack.extend(children.into_iter().rev());
    }
    out.sort_by_key(|r| r.node.start_byte());
    out
}

/// Statements and the nodes that nest them, where an import can be.
fn holds_statements(kind: &str) -> bool {
    kind.ends_with("_statement")
        || matches!(
            kind,
            "block" | "function_definition" | "class_definition" | "decorated_definition" | "elif_clause" | "else_clause" | "except_clause"
                | "except_group_clause" | "finally_clause" | "case_clause"
        )
}

fn is_guarded(node: Node, src: &[u8]) -> bool {
    let mut child = node;
    while let Some(parent) = child.parent() {
        match parent.kind() {
            "try_statement" => {
                let mut cursor = parent.walk();
                let catches_import_error = parent.named_children(&mut cursor).any(|c| c.kind() == "except_clause" && catches_import_error(c, src));
                if catches_import_error {
                    return true;
                }
            }
            "if_statement" => {
                let in_consequence = parent.child_by_field_name("consequence").is_some_and(|c| c.id() == child.id());
                let condition = parent.child_by_field_name("condition").map(|c| text(c, src)).unwrap_or("");
                if in_consequence && condition.trim().trim_start_matches("typing.").trim_start_matches("t.") == "TYPE_CHECKING" {
                    return true;
                }
            }
            _ => {}
        }
        child = parent;
    }
    false
}

/// `except ImportError`, `except (ImportError, …)`, `except ModuleNotFoundError as e`,
/// `except Exception`, bare `except:`.
fn catches_import_error(clause: Node, src: &[u8]) -> bool {
    let mut cursor = clause.walk();
    let caught: Vec<Node> = clause.named_children(&mut cursor).filter(|c| c.kind() != "block").collect();
    if caught.is_empty() {
        return true;
    }
    caught.iter().any(|c| {
        let t = text(*c, src);
        ["ImportError", "ModuleNotFoundError", "Exception", "BaseException"].iter().any(|e| t.contains(e))
    })
}
