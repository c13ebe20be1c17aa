//! Per-language knowledge the predicates and the dataflow layer need: import aliases, bindings,
//! how strings are built, what counts as a constant. The rest of the engine is language-neutral.

pub mod python;
pub mod rust;

use std::collections::HashMap;

use tree_sitter::Node;

/// `name = value` inside one scope (assignment, `let`, `for x in value`, `x.append(value)`...).
#[derive(Clone, Copy, Debug)]
pub struct Binding<'t> {
    pub name_start: usize,
    pub name_end: usize,
    pub value: Node<'t>,
}

impl Binding<'_> {
    pub fn name<'s>(&self, src: &'s [u8]) -> &'s str {
        std::str::from_utf8(&src[self.name_start..self.name_end]).unwrap_or("")
    }
}

/// How a string expression is assembled from parts, for messages ("built with an f-string").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StringBuild {
    FString,
    Percent,
    FormatMethod,
    Concat,
    FormatMacro,
    Join,
}

impl StringBuild {
    pub fn describe(self) -> &'static str {
        match self {
            StringBuild::FString => "an f-string",
            StringBuild::Percent => "%-formatting",
            StringBuild::FormatMethod => "str.format()",
            StringBuild::Concat => "string concatenation",
            StringBuild::FormatMacro => "format!",
            StringBuild::Join => "str.join()",
        }
    }
}

/// A value spliced into a string: an expression node, or a bare name (Rust inline format args).
#[derive(Clone, Copy, Debug)]
pub enum Hole<'t> {
    Expr(Node<'t>),
    /// `{name}` inside a format string literal; the node is the literal, for scope lookup.
    Name { name_start: usize, name_end: usize, at: Node<'t> },
}

/// Whether a name resolves to constant data, as seen by `Semantics::is_constant`.
pub type ConstLookup<'a> = dyn Fn(&str) -> bool + 'a;

pub trait Semantics: Sync {
    /// Import aliases: local name → fully qualified path, in the language's own separator.
    fn imports(&self, root: Node, src: &[u8]) -> HashMap<String, String>;
    /// Path separator in qualified names (`.` or `::`).
    fn separator(&self) -> &'static str;
    /// The qualified name of a name/attribute/path expression, before alias resolution.
    fn dotted_name(&self, node: Node, src: &[u8]) -> Option<String>;
    /// The callee of a call expression (or the macro path of a macro call).
    fn callee<'t>(&self, node: Node<'t>) -> Option<Node<'t>>;
    /// The name if `node` is a bare identifier.
    fn identifier<'s>(&self, node: Node, src: &'s [u8]) -> Option<&'s str>;
    /// Remove wrappers that do not change the value: parentheses, `&`, `.as_str()`, `str()`.
    fn unwrap_value<'t>(&self, node: Node<'t>, src: &[u8]) -> Node<'t>;
    /// Functions (and the module root) delimit dataflow scopes.
    fn is_scope(&self, node: Node) -> bool;
    fn scope_name<'s>(&self, scope: Node, src: &'s [u8]) -> Option<&'s str>;
    /// Bindings made directly in `scope` (not in nested functions), in source order.
    fn bindings<'t>(&self, scope: Node<'t>, src: &[u8], out: &mut Vec<Binding<'t>>);
    /// If `node` itself assembles a string from non-constant parts, how.
    fn string_build(&self, node: Node, src: &[u8]) -> Option<StringBuild>;
    /// The non-literal parts spliced into a built string (f-string holes, `%` operands, format!
    /// arguments, including Rust's inline `{name}`), so callers can tell constant splices apart.
    fn string_holes<'t>(&self, node: Node<'t>, src: &[u8]) -> Vec<Hole<'t>>;
    /// The literal text a string expression starts with (`f"https://x/{y}"` → `https://x/`).
    fn literal_prefix(&self, node: Node, src: &[u8]) -> Option<String>;
    /// A literal with no interpolation: string, bytes, number, boolean, None.
    fn is_literal(&self, node: Node, src: &[u8]) -> bool;
    /// Constant data: literals and pure expressions over them, and names `is_const_name` accepts.
    fn is_constant(&self, node: Node, src: &[u8], is_const_name: &ConstLookup) -> bool;
    /// Parameters of `scope` that carry request data (web handler parameters). `parse_sanitizes`:
    /// the sink class counts `x.parse()` as a sanitizer, so a parameter re-bound to its parsed
    /// value (`let id: u64 = id.parse()?;`) no longer carries request data for it.
    fn handler_params(&self, scope: Node, src: &[u8], sources: &HandlerSources, imports: &HashMap<String, String>, parse_sanitizes: bool) -> Vec<String>;
    /// Test code: test files, test functions, `#[cfg(test)]` modules.
    fn is_test_code(&self, node: Node, src: &[u8], path: &std::path::Path) -> bool;
    /// Parameter names of a function scope in order, including `self`/`cls` receivers.
    fn param_names(&self, scope: Node, src: &[u8]) -> Vec<String>;
    /// Whether the first parameter is a method receiver (`self`, `cls`, `&self`).
    fn has_receiver(&self, scope: Node, src: &[u8]) -> bool;
    /// The arguments of a call: (keyword name, value), positional ones with no name.
    fn call_arguments<'t>(&self, call: Node<'t>, src: &[u8]) -> Vec<(Option<String>, Node<'t>)>;
    /// Values a function returns: `return x` statements and a Rust tail expression, not those of
    /// nested functions.
    fn return_values<'t>(&self, scope: Node<'t>) -> Vec<Node<'t>>;
}

/// What marks a web handler whose parameters are request data; read from `_dataflow.toml`.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandlerSources {
    /// Decorators (resolved, glob) whose decorated function's parameters are sources.
    #[serde(default)]
    pub decorators: Vec<String>,
    /// Parameter names that are never sources even in handlers (`self`, `request`, `db`).
    #[serde(default)]
    pub exclude_params: Vec<String>,
    /// Annotations or defaults that mark injected, trusted parameters (`Depends`, `Session`).
    #[serde(default)]
    pub exclude_param_types: Vec<String>,
    /// Parameter types (last path segment) that are request extractors (`Path`, `Json`).
    #[serde(default)]
    pub param_types: Vec<String>,
}

/// Text of a node, or "" when the bytes are not UTF-8 (they always are: inputs are checked).
pub fn text<'s>(node: Node, src: &'s [u8]) -> &'s str {
    node.utf8_text(src).unwrap_or("")
}

/// Byte offsets where `name` occurs as a whole identifier in the text (how same-file functions
/// and their callers are found without walking the tree).
pub fn identifier_occurrences<'a>(src: &'a [u8], name: &'a str) -> impl Iterator<Item = usize> + 'a {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    memchr::memmem::find_iter(src, name.as_bytes()).filter(move |&at| {
        let before = at.checked_sub(1).map(|i| src[i]);
        let after = src.get(at + name.len()).copied();
        !name.is_empty() && !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
    })
}

/// Glob match where `*` matches any run of characters, including separators.
pub fn glob_match(pattern: &str, name: &str) -> bool {
    fn rec(p: &[u8], n: &[u8]) -> bool {
        match p.first() {
            None => n.is_empty(),
            Some(b'*') => (0..=n.len()).any(|i| rec(&p[1..], &n[i..])),
            Some(c) => n.first() == Some(c) && rec(&p[1..], &n[1..]),
        }
    }
    rec(pattern.as_bytes(), name.as_bytes())
}

/// Resolve the first segment of a qualified name through the import aliases.
pub fn resolve_name(name: &str, separator: &str, imports: &HashMap<String, String>) -> String {
    let (head, rest) = match name.find(separator) {
        Some(i) => (&name[..i], Some(&name[i..])),
        None => (name, None),
    };
    match imports.get(head) {
        Some(full) => format!("{full}{}", rest.unwrap_or("")),
        None => name.to_string(),
    }
}

/// The last segment of a qualified name.
pub fn last_segment<'a>(name: &'a str, separator: &str) -> &'a str {
    name.rsplit(separator).next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matches_prefix_and_suffix() {
        assert!(glob_match("subprocess.*", "subprocess.run"));
        assert!(glob_match("*.route", "app.route"));
        assert!(glob_match("os.system", "os.system"));
        assert!(!glob_match("os.system", "os.systemx"));
        assert!(!glob_match("*.route", "route"));
    }

    #[test]
    fn resolves_first_segment_only() {
        let mut imports = HashMap::new();
        imports.insert("sp".to_string(), "subprocess".to_string());
        imports.insert("sh".to_string(), "os.system".to_string());
        assert_eq!(resolve_name("sp.run", ".", &imports), "subprocess.run");
        assert_eq!(resolve_name("sh", ".", &imports), "os.system");
        assert_eq!(resolve_name("spx.run", ".", &imports), "spx.run");
    }
}
