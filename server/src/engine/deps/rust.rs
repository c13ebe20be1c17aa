//! The crates a Rust file names: the first segment of `use` trees, of paths in code, types,
//! attributes and macro calls, and `extern crate`; and the names the file itself declares or
//! imports, which such a first segment may also be.

use std::collections::HashSet;

use tree_sitter::Node;

use super::names::RUST_NOT_CRATES;
use super::Reference;
use crate::engine::semantics::text;

pub(super) struct RustFile<'t> {
    pub references: Vec<Reference<'t>>,
    /// Items declared anywhere in the file (`mod`, `fn`, `struct`, `enum`, …) and names bound by
    /// `use` and `extern crate … as`: a path starting with one of these is not a crate.
    pub local_names: HashSet<String>,
    /// The file has a glob import (`use crate::prelude::*`): a path in code may then start with
    /// a name from there, so only `use` and `extern crate` count.
    pub has_glob: bool,
}

const ITEM_KINDS: &[&str] = &[
    "mod_item", "function_item", "function_signature_item", "struct_item", "enum_item", "trait_item", "type_item", "const_item",
    "static_item", "union_item", "macro_definition",
];

pub(super) fn scan<'t>(root: Node<'t>, src: &[u8]) -> RustFile<'t> {
    let mut file = RustFile { references: Vec::new(), local_names: HashSet::new(), has_glob: false };
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        let kind = node.kind();
        if ITEM_KINDS.contains(&kind) {
            if let Some(name) = node.child_by_field_name("name") {
                file.local_names.insert(text(name, src).to_string());
            }
        }
        match kind {
            // Macro bodies are unparsed token trees (`$crate::…` lives there): nothing to see.
            "token_tree" | "macro_definition" => continue,
            "use_declaration" => {
                if let Some(arg) = node.child_by_field_name("argument") {
                    let mut heads = Vec::new();
                    use_heads(arg, &mut heads);
                    for head in heads {
                        push(&mut file, head, src, false);
                    }
                    bound_names(arg, src, &mut file.local_names);
                    if is_glob(arg, src) {
                        file.has_glob = true;
                    }
                }
                continue;
            }
            "extern_crate_declaration" => {
                if let Some(name) = node.child_by_field_name("name") {
                    push(&mut file, name, src, false);
                }
                if let Some(alias) = node.child_by_field_name("alias") {
                    file.local_names.insert(text(alias, src).to_string());
                }
                continue;
            }
            "scoped_identifier" | "scoped_type_identifier" => {
                if let Some(head) = leftmost(node) {
                    push(&mut file, head, src, true);
                }
                // The path's own segments need no second look; generic arguments inside do.
                let mut cursor = node.walk();
                let children: Vec<Node> = node.named_children(&mut cursor).filter(|c| !matches!(c.kind(), "identifier" | "scoped_identifier" | "scoped_type_identifier" | "type_identifier")).collect();
                stack.extend(children);
                continue;
            }
            _ => {}
        }
        let mut cursor = node.walk();
        let children: Vec<Node> = node.named_children(&mut cursor).collect();
        stack.extend(children.into_iter().rev());
    }
    file.references.sort_by_key(|r| r.node.start_byte());
    file
}

fn push<'t>(file: &mut RustFile<'t>, head: Node<'t>, src: &[u8], in_code: bool) {
    let name = text(head, src);
    // Crate names are lower case; `Vec::new`, `Self::x`, `Enum::Variant` start with a capital.
    if name.is_empty() || name.starts_with(|c: char| c.is_uppercase()) || RUST_NOT_CRATES.contains(&name) {
        return;
    }
    file.references.push(Reference { name: name.to_string(), node: head, guarded: in_code, test_code: in_test_code(head, src) });
}

/// A glob import (`use crate::prelude::*`, `use tracing_mock::*`) may bring modules into scope;
/// not `use super::*` in a module written inline (its parent is this same file), an enum's
/// variants or a standard-library prelude.
fn is_glob(arg: Node, src: &[u8]) -> bool {
    if arg.kind() != "use_wildcard" {
        return false;
    }
    let t = text(arg, src).trim();
    if t == "super::*" && has_ancestor(arg, "mod_item") {
        return false;
    }
    // `use Mode::*` brings enum variants; `use std::io::prelude::*` traits.
    let head = t.split("::").next().unwrap_or("");
    !(head.starts_with(|c: char| c.is_uppercase()) || matches!(head, "std" | "core" | "alloc"))
}

fn has_ancestor(node: Node, kind: &str) -> bool {
    let mut current = node.parent();
    while let Some(n) = current {
        if n.kind() == kind {
            return true;
        }
        current = n.parent();
    }
    false
}

/// The first segment of a path, if it is a plain identifier (not `self`, `crate`, `super`,
/// `$crate`, `<T as Trait>`).
fn leftmost(mut node: Node) -> Option<Node> {
    loop {
        match node.kind() {
            "identifier" => return Some(node),
            "scoped_identifier" | "scoped_type_identifier" => match node.child_by_field_name("path") {
                Some(p) => node = p,
                // `::serde::Serialize`: a leading `::` names an extern crate.
                None => return node.child_by_field_name("name").filter(|n| n.kind() == "identifier"),
            },
            _ => return None,
        }
    }
}

/// First segments of the paths in a `use` tree.
fn use_heads<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    match node.kind() {
        "identifier" => out.push(node),
        "scoped_identifier" => out.extend(leftmost(node)),
        "scoped_use_list" => match node.child_by_field_name("path") {
            Some(p) => use_heads(p, out),
            None => {
                if let Some(list) = node.child_by_field_name("list") {
                    use_heads(list, out);
                }
            }
        },
        "use_as_clause" => {
            if let Some(p) = node.child_by_field_name("path") {
                use_heads(p, out);
            }
        }
        // `use {a::b, c}`: a bare name in a list is an item in scope (2018 paths), not a crate.
        "use_list" | "use_wildcard" => {
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor).filter(|c| node.kind() == "use_wildcard" || !is_bare_name(*c)) {
                use_heads(child, out);
            }
        }
        _ => {}
    }
}

/// `c` or `c as d` in a use list: no path, so an item in scope.
fn is_bare_name(node: Node) -> bool {
    match node.kind() {
        "identifier" => true,
        "use_as_clause" => node.child_by_field_name("path").is_some_and(|p| p.kind() == "identifier"),
        _ => false,
    }
}

/// Names a `use` tree brings into scope (`use a::b` binds `b`, `use a::b as c` binds `c`).
fn bound_names(node: Node, src: &[u8], out: &mut HashSet<String>) {
    match node.kind() {
        "identifier" => {
            out.insert(text(node, src).to_string());
        }
        "scoped_identifier" => {
            if let Some(name) = node.child_by_field_name("name") {
                out.insert(text(name, src).to_string());
            }
        }
        "use_as_clause" => {
            if let Some(alias) = node.child_by_field_name("alias") {
                out.insert(text(alias, src).to_string());
            }
        }
        "scoped_use_list" => {
            if let Some(list) = node.child_by_field_name("list") {
                // `use a::b::{self, c}` binds `b` too.
                let mut cursor = list.walk();
                if list.named_children(&mut cursor).any(|c| c.kind() == "self") {
                    if let Some(path) = node.child_by_field_name("path") {
                        let last = match path.kind() {
                            "scoped_identifier" => path.child_by_field_name("name"),
                            _ => Some(path),
                        };
                        if let Some(last) = last {
                            out.insert(text(last, src).to_string());
                        }
                    }
                }
                bound_names(list, src, out);
            }
        }
        "use_list" => {
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                bound_names(child, src, out);
            }
        }
        _ => {}
    }
}

/// `#[test]`, `#[tokio::test]`, `#[cfg(test)]`, `#[cfg(all(test, unix))]`.
fn is_test_attribute(attribute: &str) -> bool {
    let inner = attribute.trim_start_matches("#!").trim_start_matches('#').trim_start_matches('[').trim_end_matches(']').trim();
    if inner.rsplit("::").next() == Some("test") {
        return true;
    }
    inner.starts_with("cfg") && inner.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|w| w == "test" || w == "doctest")
}

/// The whole file is test code: `#![cfg(test)]` at its top.
pub(super) fn file_is_test_code(root: Node, src: &[u8]) -> bool {
    let mut cursor = root.walk();
    let found = root.named_children(&mut cursor).any(|c| c.kind() == "inner_attribute_item" && is_test_attribute(text(c, src)));
    found
}

/// Inside an item marked `#[cfg(test)]`, `#[test]` or `#[tokio::test]`.
fn in_test_code(node: Node, src: &[u8]) -> bool {
    let mut current = Some(node);
    while let Some(n) = current {
        let mut prev = n.prev_named_sibling();
        while let Some(p) = prev {
            match p.kind() {
                "attribute_item" => {
                    if is_test_attribute(text(p, src)) {
                        return true;
                    }
                }
                "line_comment" | "block_comment" => {}
                _ => break,
            }
            prev = p.prev_named_sibling();
        }
        current = n.parent();
    }
    false
}
