//! Rust facts over tree-sitter-rust trees.

use std::collections::HashMap;
use std::path::Path;

use tree_sitter::Node;

use super::{text, Binding, ConstLookup, HandlerSources, Hole, Semantics, StringBuild};

pub struct Rust;

/// Calls whose result is constant when their receiver/arguments are (`b"k".to_vec()`).
const PURE_CALLS: &[&str] = &[
    "from_slice", "from", "to_vec", "as_bytes", "into", "clone", "as_ref", "to_owned", "to_string", "as_slice",
    "from_str", "new", "default", "clone_from_slice", "copy_from_slice", "unwrap", "expect",
];

fn named_children(node: Node) -> impl Iterator<Item = Node> {
    (0..node.named_child_count()).filter_map(move |i| node.named_child(i))
}

impl Rust {
    fn collect_use(node: Node, prefix: &str, src: &[u8], map: &mut HashMap<String, String>) {
        let join = |p: &str, n: &str| if p.is_empty() { n.to_string() } else { format!("{p}::{n}") };
        match node.kind() {
            "scoped_identifier" | "identifier" | "crate" | "self" | "super" => {
                let full = join(prefix, text(node, src));
                let last = full.rsplit("::").next().unwrap_or(&full).to_string();
                if last == "self" {
                    // `use std::mem::{self}` binds `mem`.
                    let parent = full.trim_end_matches("::self").to_string();
                    let name = parent.rsplit("::").next().unwrap_or(&parent).to_string();
                    map.insert(name, parent);
                } else {
                    map.insert(last, full);
                }
            }
            "use_as_clause" => {
                if let (Some(path), Some(alias)) = (node.child_by_field_name("path"), node.child_by_field_name("alias")) {
                    map.insert(text(alias, src).to_string(), join(prefix, text(path, src)));
                }
            }
            "scoped_use_list" => {
                let path = node.child_by_field_name("path").map(|p| join(prefix, text(p, src))).unwrap_or_else(|| prefix.to_string());
                if let Some(list) = node.child_by_field_name("list") {
                    for item in named_children(list) {
                        Self::collect_use(item, &path, src, map);
                    }
                }
            }
            "use_list" => {
                for item in named_children(node) {
                    Self::collect_use(item, prefix, src, map);
                }
            }
            _ => {}
        }
    }

    fn bind_pattern<'t>(pattern: Node<'t>, value: Node<'t>, out: &mut Vec<Binding<'t>>) {
        match pattern.kind() {
            "identifier" => out.push(Binding { name_start: pattern.start_byte(), name_end: pattern.end_byte(), value }),
            "mut_pattern" | "ref_pattern" | "reference_pattern" | "tuple_pattern" | "tuple_struct_pattern" | "slice_pattern" | "struct_pattern"
            | "field_pattern" | "captured_pattern" => {
                for child in named_children(pattern) {
                    // The type path in `Some(x)` / `Path(id)` is not a binding.
                    if pattern.kind() == "tuple_struct_pattern" && Some(child) == pattern.child_by_field_name("type") {
                        continue;
                    }
                    if child.kind() == "field_identifier" || child.kind() == "shorthand_field_identifier" {
                        if child.kind() == "shorthand_field_identifier" {
                            out.push(Binding { name_start: child.start_byte(), name_end: child.end_byte(), value });
                        }
                        continue;
                    }
                    Self::bind_pattern(child, value, out);
                }
            }
            _ => {}
        }
    }

    fn collect_bindings<'t>(node: Node<'t>, src: &[u8], out: &mut Vec<Binding<'t>>) {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "function_item" | "closure_expression" | "impl_item" | "mod_item" | "trait_item" => continue,
                "let_declaration" => {
                    if let (Some(pattern), Some(value)) = (child.child_by_field_name("pattern"), child.child_by_field_name("value")) {
                        Self::bind_pattern(pattern, value, out);
                    }
                }
                "assignment_expression" | "compound_assignment_expr" => {
                    if let (Some(left), Some(right)) = (child.child_by_field_name("left"), child.child_by_field_name("right")) {
                        if left.kind() == "index_expression" {
                            // `buf[0] = x`: buf now carries x.
                            if let Some(base) = Self::mutated_name(left, src) {
                                out.push(Binding { name_start: base.start_byte(), name_end: base.end_byte(), value: right });
                            }
                        } else {
                            Self::bind_pattern(left, right, out);
                        }
                    }
                }
                "for_expression" => {
                    if let (Some(pattern), Some(value)) = (child.child_by_field_name("pattern"), child.child_by_field_name("value")) {
                        Self::bind_pattern(pattern, value, out);
                    }
                }
                "let_condition" => {
                    if let (Some(pattern), Some(value)) = (child.child_by_field_name("pattern"), child.child_by_field_name("value")) {
                        Self::bind_pattern(pattern, value, out);
                    }
                }
                "const_item" | "static_item" => {
                    if let (Some(name), Some(value)) = (child.child_by_field_name("name"), child.child_by_field_name("value")) {
                        out.push(Binding { name_start: name.start_byte(), name_end: name.end_byte(), value });
                    }
                    continue;
                }
                "call_expression" => {
                    // `q.push_str(x)`, `v.push(x)`, `v.extend(x)`: the receiver carries x.
                    if let Some(func) = child.child_by_field_name("function").filter(|f| f.kind() == "field_expression") {
                        let method = func.child_by_field_name("field").map(|f| text(f, src)).unwrap_or("");
                        if matches!(method, "push_str" | "push" | "extend" | "insert" | "extend_from_slice") {
                            if let (Some(recv), Some(args)) = (func.child_by_field_name("value"), child.child_by_field_name("arguments")) {
                                if recv.kind() == "identifier" {
                                    for arg in named_children(args) {
                                        out.push(Binding { name_start: recv.start_byte(), name_end: recv.end_byte(), value: arg });
                                    }
                                }
                            }
                        }
                        // `buf[4..].copy_from_slice(x)`: buf now carries x.
                        if matches!(method, "copy_from_slice" | "clone_from_slice") {
                            if let (Some(recv), Some(args)) = (func.child_by_field_name("value"), child.child_by_field_name("arguments")) {
                                if let Some(base) = Self::mutated_name(recv, src) {
                                    for arg in named_children(args) {
                                        out.push(Binding { name_start: base.start_byte(), name_end: base.end_byte(), value: arg });
                                    }
                                }
                            }
                        }
                    }
                    // `OsRng.fill_bytes(&mut nonce)`, `reader.read_exact(&mut buf[..n])`: a call that
                    // receives `&mut x` may overwrite x, so x also holds the call's result.
                    if let Some(args) = child.child_by_field_name("arguments") {
                        for arg in named_children(args) {
                            let is_mut_ref = arg.kind() == "reference_expression" && named_children(arg).any(|c| c.kind() == "mutable_specifier");
                            if let Some(base) = is_mut_ref.then(|| arg.child_by_field_name("value")).flatten().and_then(|v| Self::mutated_name(v, src)) {
                                out.push(Binding { name_start: base.start_byte(), name_end: base.end_byte(), value: child });
                            }
                        }
                    }
                }
                _ => {}
            }
            Self::collect_bindings(child, src, out);
        }
    }

    /// Type arguments that are all numbers, `bool`, `char`, `Uuid` or tuples of those.
    fn only_scalar_types(args: Node, src: &[u8]) -> bool {
        let scalar = |t: Node| -> bool {
            match t.kind() {
                "primitive_type" => text(t, src) != "str",
                "type_identifier" | "scoped_type_identifier" => {
                    let name = text(t, src);
                    matches!(name.rsplit("::").next(), Some("Uuid" | "NonZeroU64" | "NonZeroU32" | "NonZeroUsize" | "NonZeroI64"))
                }
                "tuple_type" => Self::only_scalar_types(t, src),
                _ => false,
            }
        };
        let mut any = false;
        for t in named_children(args) {
            if !scalar(t) {
                return false;
            }
            any = true;
        }
        any
    }

    /// The function body starts by re-binding `name` to a parsed value: `let id: u64 = id.parse()?;`
    /// (the usual way to turn a `Path<String>` into a number), so the text is gone.
    fn shadowed_by_parse(body: Node, name: &str, src: &[u8]) -> bool {
        named_children(body).filter(|s| s.kind() == "let_declaration").any(|decl| {
            let binds_name = decl.child_by_field_name("pattern").is_some_and(|p| p.kind() == "identifier" && text(p, src) == name);
            binds_name
                && decl.child_by_field_name("value").is_some_and(|v| {
                    let t: String = text(v, src).split_whitespace().collect();
                    t.starts_with(&format!("{name}.parse")) || t.starts_with(&format!("{name}.trim().parse"))
                })
        })
    }

    /// The variable a place expression writes into: `x`, `x[..]`, `x[4..]`, `x.as_mut()`.
    fn mutated_name<'t>(node: Node<'t>, src: &[u8]) -> Option<Node<'t>> {
        match node.kind() {
            "identifier" => Some(node),
            "index_expression" | "parenthesized_expression" => Self::mutated_name(node.named_child(0)?, src),
            "call_expression" => {
                let func = node.child_by_field_name("function").filter(|f| f.kind() == "field_expression")?;
                let method = text(func.child_by_field_name("field")?, src);
                let no_args = node.child_by_field_name("arguments").is_some_and(|a| a.named_child_count() == 0);
                (no_args && matches!(method, "as_mut" | "as_mut_slice" | "as_mut_bytes" | "borrow_mut"))
                    .then(|| func.child_by_field_name("value"))
                    .flatten()
                    .and_then(|v| Self::mutated_name(v, src))
            }
            _ => None,
        }
    }

    /// A String seed for `+`: `"a".to_string()`, `"a".to_owned()`, `String::from("a")`.
    fn is_string_seed(&self, node: Node, src: &[u8]) -> bool {
        let inner = self.unwrap_value(node, src);
        if matches!(inner.kind(), "string_literal" | "raw_string_literal") {
            return true;
        }
        inner.kind() == "call_expression"
            && inner.child_by_field_name("function").is_some_and(|f| matches!(text(f, src), "String::from" | "std::string::String::from"))
            && inner.child_by_field_name("arguments").and_then(|a| a.named_child(0)).is_some_and(|a| a.kind() == "string_literal")
    }

    fn is_format_macro(node: Node, src: &[u8]) -> bool {
        node.kind() == "macro_invocation"
            && node.child_by_field_name("macro").is_some_and(|m| {
                let name = text(m, src);
                matches!(name.rsplit("::").next(), Some("format" | "concat" | "format_args"))
            })
    }
}

impl Semantics for Rust {
    fn imports(&self, root: Node, src: &[u8]) -> HashMap<String, String> {
        let mut map = HashMap::new();
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            if node.kind() == "use_declaration" {
                if let Some(arg) = node.child_by_field_name("argument") {
                    Self::collect_use(arg, "", src, &mut map);
                }
                continue;
            }
            let mut cursor = node.walk();
            stack.extend(node.named_children(&mut cursor).filter(|c| {
                matches!(c.kind(), "use_declaration" | "mod_item" | "declaration_list" | "function_item" | "block")
            }));
        }
        map
    }

    fn separator(&self) -> &'static str {
        "::"
    }

    fn dotted_name(&self, node: Node, src: &[u8]) -> Option<String> {
        match node.kind() {
            "identifier" | "scoped_identifier" | "self" | "crate" | "super" | "field_identifier" => {
                Some(text(node, src).split_whitespace().collect())
            }
            "scoped_type_identifier" | "type_identifier" => Some(text(node, src).split_whitespace().collect()),
            "generic_function" => self.dotted_name(node.child_by_field_name("function")?, src),
            "field_expression" => {
                let value = self.dotted_name(node.child_by_field_name("value")?, src)?;
                Some(format!("{value}.{}", text(node.child_by_field_name("field")?, src)))
            }
            "call_expression" => self.dotted_name(node.child_by_field_name("function")?, src),
            "macro_invocation" => self.dotted_name(node.child_by_field_name("macro")?, src).map(|m| format!("{m}!")),
            "reference_expression" => self.dotted_name(node.child_by_field_name("value")?, src),
            "index_expression" => self.dotted_name(node.named_child(0)?, src),
            "try_expression" | "parenthesized_expression" => self.dotted_name(node.named_child(0)?, src),
            _ => None,
        }
    }

    fn callee<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        match node.kind() {
            "call_expression" => node.child_by_field_name("function"),
            "macro_invocation" => node.child_by_field_name("macro"),
            _ => None,
        }
    }

    fn identifier<'s>(&self, node: Node, src: &'s [u8]) -> Option<&'s str> {
        (node.kind() == "identifier").then(|| text(node, src))
    }

    fn unwrap_value<'t>(&self, node: Node<'t>, src: &[u8]) -> Node<'t> {
        let mut node = node;
        loop {
            let next = match node.kind() {
                "parenthesized_expression" | "try_expression" => node.named_child(0),
                "reference_expression" => node.child_by_field_name("value"),
                "call_expression" => {
                    // x.as_str(), x.as_bytes(), x.to_string(), x.clone() keep x's nature, and so do
                    // x.unwrap(), x.expect("…"), x.unwrap_or(d) on an Option/Result.
                    node.child_by_field_name("function").filter(|f| f.kind() == "field_expression").and_then(|f| {
                        let method = f.child_by_field_name("field").map(|m| text(m, src)).unwrap_or("");
                        let args = node.child_by_field_name("arguments").map_or(0, |a| a.named_child_count());
                        let keeps = match args {
                            0 => matches!(method, "as_str" | "as_bytes" | "to_string" | "to_owned" | "clone" | "as_ref" | "into" | "unwrap" | "unwrap_or_default"),
                            1 => matches!(method, "expect" | "unwrap_or"),
                            _ => false,
                        };
                        keeps.then(|| f.child_by_field_name("value")).flatten()
                    })
                }
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => return node,
            }
        }
    }

    fn is_scope(&self, node: Node) -> bool {
        matches!(node.kind(), "function_item" | "closure_expression" | "source_file")
    }

    fn scope_name<'s>(&self, scope: Node, src: &'s [u8]) -> Option<&'s str> {
        scope.child_by_field_name("name").map(|n| text(n, src))
    }

    fn bindings<'t>(&self, scope: Node<'t>, src: &[u8], out: &mut Vec<Binding<'t>>) {
        let body = scope.child_by_field_name("body").unwrap_or(scope);
        if scope.kind() == "source_file" {
            // Module scope: only consts and statics (and those in inline modules).
            let mut stack = vec![scope];
            while let Some(node) = stack.pop() {
                for child in named_children(node) {
                    match child.kind() {
                        "const_item" | "static_item" => {
                            if let (Some(name), Some(value)) = (child.child_by_field_name("name"), child.child_by_field_name("value")) {
                                out.push(Binding { name_start: name.start_byte(), name_end: name.end_byte(), value });
                            }
                        }
                        "mod_item" | "declaration_list" => stack.push(child),
                        _ => {}
                    }
                }
            }
            return;
        }
        Self::collect_bindings(body, src, out);
    }

    fn string_build(&self, node: Node, src: &[u8]) -> Option<StringBuild> {
        match node.kind() {
            "macro_invocation" if Self::is_format_macro(node, src) => {
                // `format!("literal")` with no arguments builds nothing.
                let tokens = node.named_child(node.named_child_count().checked_sub(1)?)?;
                (tokens.named_child_count() > 1 || text(tokens, src).contains('{')).then_some(StringBuild::FormatMacro)
            }
            "binary_expression" => {
                let op = node.child_by_field_name("operator").map(|o| text(o, src)).unwrap_or("");
                let left = node.child_by_field_name("left")?;
                let right = node.child_by_field_name("right")?;
                (op == "+" && !(self.is_literal(left, src) && self.is_literal(right, src))
                    && (self.is_string_seed(left, src) || right.kind() == "string_literal" || self.string_build(left, src).is_some()
                        || right.kind() == "reference_expression"))
                    .then_some(StringBuild::Concat)
            }
            "call_expression" => {
                // [a, b].concat() / .join(..) over non-literals
                let func = node.child_by_field_name("function").filter(|f| f.kind() == "field_expression")?;
                let method = text(func.child_by_field_name("field")?, src);
                let receiver = func.child_by_field_name("value")?;
                (matches!(method, "concat" | "join") && receiver.kind() == "array_expression"
                    && named_children(receiver).any(|c| !self.is_literal(c, src)))
                .then_some(StringBuild::Concat)
            }
            _ => None,
        }
    }

    fn string_holes<'t>(&self, node: Node<'t>, src: &[u8]) -> Vec<Hole<'t>> {
        let mut holes = Vec::new();
        match node.kind() {
            "macro_invocation" => {
                let Some(tokens) = node.named_child(node.named_child_count().saturating_sub(1)) else { return holes };
                for (i, token) in named_children(tokens).enumerate() {
                    if i == 0 && token.kind() == "string_literal" {
                        // Inline arguments: `{name}` or `{name:?}` inside the format string.
                        let t = text(token, src);
                        let base = token.start_byte();
                        let mut rest = 0;
                        while let Some(open) = t[rest..].find('{') {
                            let start = rest + open + 1;
                            if t[start..].starts_with('{') {
                                rest = start + 1;
                                continue;
                            }
                            let end = t[start..].find(['}', ':']).map_or(t.len(), |e| start + e);
                            let name = &t[start..end];
                            if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_') && !name.chars().all(|c| c.is_ascii_digit()) {
                                holes.push(Hole::Name { name_start: base + start, name_end: base + end, at: token });
                            }
                            rest = end;
                        }
                    } else if !self.is_literal(token, src) {
                        holes.push(Hole::Expr(token));
                    }
                }
            }
            "binary_expression" => {
                for side in [node.child_by_field_name("left"), node.child_by_field_name("right")].into_iter().flatten() {
                    if self.is_literal(side, src) {
                        continue;
                    }
                    if self.string_build(side, src).is_some() {
                        holes.extend(self.string_holes(side, src));
                    } else {
                        holes.push(Hole::Expr(side));
                    }
                }
            }
            "call_expression" => {
                if let Some(receiver) = node.child_by_field_name("function").and_then(|f| f.child_by_field_name("value")) {
                    holes.extend(named_children(receiver).filter(|c| !self.is_literal(*c, src)).map(Hole::Expr));
                }
            }
            _ => {}
        }
        holes
    }

    fn literal_prefix(&self, node: Node, src: &[u8]) -> Option<String> {
        match node.kind() {
            "string_literal" | "raw_string_literal" => {
                let t = text(node, src);
                Some(t.trim_start_matches(['b', 'r', '#']).trim_start_matches('"').trim_end_matches(['"', '#']).to_string())
            }
            "macro_invocation" => {
                let tokens = node.named_child(node.named_child_count().checked_sub(1)?)?;
                let first = tokens.named_child(0)?;
                let lit = self.literal_prefix(first, src)?;
                Some(lit.split('{').next().unwrap_or("").to_string())
            }
            "binary_expression" => self.literal_prefix(node.child_by_field_name("left")?, src),
            _ => None,
        }
    }

    fn is_literal(&self, node: Node, src: &[u8]) -> bool {
        let _ = src;
        matches!(
            node.kind(),
            "string_literal" | "raw_string_literal" | "char_literal" | "integer_literal" | "float_literal" | "boolean_literal"
        ) || node.kind() == "negative_literal"
    }

    fn is_constant(&self, node: Node, src: &[u8], is_const_name: &ConstLookup) -> bool {
        match node.kind() {
            "identifier" => is_const_name(text(node, src)),
            "scoped_identifier" => {
                // A path ending in an UPPER_CASE name is a const (`config::NONCE`).
                let last = node.child_by_field_name("name").map(|n| text(n, src)).unwrap_or("");
                last.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') && last.chars().any(|c| c.is_ascii_uppercase())
            }
            "array_expression" | "tuple_expression" | "parenthesized_expression" | "reference_expression" | "type_cast_expression" => {
                named_children(node)
                    .filter(|c| !matches!(c.kind(), "primitive_type" | "type_identifier" | "mutable_specifier"))
                    .all(|c| self.is_constant(c, src, is_const_name))
            }
            "binary_expression" => {
                node.child_by_field_name("left").is_some_and(|l| self.is_constant(l, src, is_const_name))
                    && node.child_by_field_name("right").is_some_and(|r| self.is_constant(r, src, is_const_name))
            }
            "call_expression" => {
                let Some(func) = node.child_by_field_name("function") else { return false };
                let args_const = node.child_by_field_name("arguments").is_some_and(|a| named_children(a).all(|c| self.is_constant(c, src, is_const_name)));
                match func.kind() {
                    "field_expression" => {
                        let method = func.child_by_field_name("field").map(|f| text(f, src)).unwrap_or("");
                        PURE_CALLS.contains(&method) && args_const && func.child_by_field_name("value").is_some_and(|v| self.is_constant(v, src, is_const_name))
                    }
                    "scoped_identifier" | "identifier" | "generic_function" => {
                        let name = self.dotted_name(func, src).unwrap_or_default();
                        let last = name.rsplit("::").next().unwrap_or("");
                        let has_args = node.child_by_field_name("arguments").is_some_and(|a| a.named_child_count() > 0);
                        PURE_CALLS.contains(&last) && args_const && (has_args || last == "default")
                    }
                    _ => false,
                }
            }
            "macro_invocation" => {
                // vec![0u8; 12] / vec![1, 2, 3] over literals
                let name = node.child_by_field_name("macro").map(|m| text(m, src)).unwrap_or("");
                name == "vec" && node.named_child(1).is_some_and(|tokens| !named_children(tokens).any(|t| t.kind() == "identifier"))
            }
            _ => self.is_literal(node, src),
        }
    }

    fn handler_params(&self, scope: Node, src: &[u8], sources: &HandlerSources, _imports: &HashMap<String, String>, parse_sanitizes: bool) -> Vec<String> {
        let Some(params) = scope.child_by_field_name("parameters") else { return Vec::new() };
        let mut names = Vec::new();
        for param in named_children(params).filter(|p| p.kind() == "parameter") {
            let Some(ty) = param.child_by_field_name("type") else { continue };
            // Extractors are taken by value; `&Path` / `&std::path::Path` is a file path.
            let ty_name = match ty.kind() {
                "generic_type" => ty.child_by_field_name("type").map(|t| text(t, src)).unwrap_or(""),
                "type_identifier" | "scoped_type_identifier" => text(ty, src),
                _ => continue,
            };
            let last_segment = ty_name.rsplit("::").next().unwrap_or(ty_name);
            // The generic extractors (`Path<T>`, `Json<T>`...) are always written with their
            // type argument; a bare `Path` by value is not axum's.
            if ty.kind() != "generic_type" && matches!(last_segment, "Path" | "Query" | "Json" | "Form") {
                continue;
            }
            let last = ty_name.rsplit("::").next().unwrap_or(ty_name);
            if !sources.param_types.iter().any(|t| t == last || t == ty_name) {
                continue;
            }
            // `Path<u64>`, `Path<(u32, Uuid)>`, `Query<bool>`: the extractor already parsed the
            // value into a type that cannot carry text.
            if ty.kind() == "generic_type" && ty.child_by_field_name("type_arguments").is_some_and(|a| Self::only_scalar_types(a, src)) {
                continue;
            }
            if let Some(pattern) = param.child_by_field_name("pattern") {
                let mut bound = Vec::new();
                Self::bind_pattern(pattern, pattern, &mut bound);
                let body = scope.child_by_field_name("body");
                names.extend(
                    bound
                        .iter()
                        .map(|b| b.name(src).to_string())
                        .filter(|name| !(parse_sanitizes && body.is_some_and(|body| Self::shadowed_by_parse(body, name, src)))),
                );
            }
        }
        names
    }

    fn param_names(&self, scope: Node, src: &[u8]) -> Vec<String> {
        let Some(params) = scope.child_by_field_name("parameters") else { return Vec::new() };
        let mut names = Vec::new();
        for param in named_children(params) {
            match param.kind() {
                "self_parameter" => names.push("self".to_string()),
                "parameter" => match param.child_by_field_name("pattern") {
                    Some(p) if p.kind() == "identifier" => names.push(text(p, src).to_string()),
                    Some(p) if p.kind() == "mut_pattern" => names.push(p.named_child(0).map(|i| text(i, src)).unwrap_or("_").to_string()),
                    _ => names.push("_".to_string()),
                },
                _ => {}
            }
        }
        names
    }

    fn has_receiver(&self, scope: Node, src: &[u8]) -> bool {
        self.param_names(scope, src).first().is_some_and(|p| p == "self")
    }

    fn call_arguments<'t>(&self, call: Node<'t>, _src: &[u8]) -> Vec<(Option<String>, Node<'t>)> {
        let Some(args) = call.child_by_field_name("arguments") else { return Vec::new() };
        named_children(args).filter(|a| !matches!(a.kind(), "line_comment" | "block_comment")).map(|a| (None, a)).collect()
    }

    fn return_values<'t>(&self, scope: Node<'t>) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        let Some(body) = scope.child_by_field_name("body") else { return out };
        if let Some(tail) = body.named_child(body.named_child_count().saturating_sub(1)) {
            if !matches!(tail.kind(), "expression_statement" | "let_declaration" | "line_comment" | "block_comment" | "empty_statement") {
                out.push(tail);
            }
        }
        let mut stack = vec![body];
        while let Some(node) = stack.pop() {
            for child in named_children(node) {
                match child.kind() {
                    "function_item" | "closure_expression" | "impl_item" | "mod_item" => {}
                    "return_expression" => out.extend(child.named_child(0)),
                    _ => stack.push(child),
                }
            }
        }
        out
    }

    fn is_test_code(&self, node: Node, src: &[u8], path: &Path) -> bool {
        if path.components().any(|c| matches!(c.as_os_str().to_str(), Some("tests" | "benches" | "examples"))) {
            return true;
        }
        // An outer attribute belongs to the item after it: `#[allow(..)]` above `#[cfg(test)] mod tests`.
        let mut start = node;
        let mut up = Some(node);
        while let Some(n) = up {
            if n.kind() == "attribute_item" {
                let mut next = n.next_named_sibling();
                while let Some(s) = next.filter(|s| s.kind() == "attribute_item" || s.kind().ends_with("comment")) {
                    next = s.next_named_sibling();
                }
                start = next.unwrap_or(n);
                break;
            }
            up = n.parent();
        }
        let mut current = Some(start);
        while let Some(n) = current {
            if matches!(n.kind(), "function_item" | "mod_item") {
                let mut sibling = n.prev_named_sibling();
                while let Some(s) = sibling.filter(|s| s.kind() == "attribute_item" || s.kind() == "line_comment") {
                    let t = text(s, src);
                    if t.contains("test") && (t.starts_with("#[cfg(test") || t.contains("::test") || t == "#[test]" || t.starts_with("#[cfg(all(test")) {
                        return true;
                    }
                    sibling = s.prev_named_sibling();
                }
            }
            current = n.parent();
        }
        false
    }
}
