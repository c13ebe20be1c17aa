//! Python facts over tree-sitter-python trees.

use std::collections::HashMap;
use std::path::Path;

use tree_sitter::Node;

use super::{glob_match, resolve_name, text, Binding, ConstLookup, HandlerSources, Hole, Semantics, StringBuild};

pub struct Python;

/// Calls whose result is constant when their arguments are (`bytes(16)`, `"k".encode()`).
const PURE_CALLS: &[&str] = &["bytes", "bytearray", "str", "int", "encode", "fromhex", "unhexlify", "b64decode", "join", "ljust", "rjust", "zfill"];

impl Python {
    fn is_fstring(node: Node, src: &[u8]) -> bool {
        node.kind() == "string"
            && node.child(0).is_some_and(|start| text(start, src).to_ascii_lowercase().contains('f'))
            && has_child_kind(node, "interpolation")
    }

    fn is_string_literal(node: Node, src: &[u8]) -> bool {
        match node.kind() {
            "string" => !has_child_kind(node, "interpolation"),
            "concatenated_string" => named_children(node).all(|c| Self::is_string_literal(c, src)),
            _ => false,
        }
    }

    fn bind_target<'t>(target: Node<'t>, value: Node<'t>, out: &mut Vec<Binding<'t>>) {
        match target.kind() {
            "identifier" => out.push(Binding { name_start: target.start_byte(), name_end: target.end_byte(), value }),
            "pattern_list" | "tuple_pattern" | "list_pattern" | "tuple" | "list" => {
                for child in named_children(target) {
                    Self::bind_target(child, value, out);
                }
            }
            "list_splat_pattern" | "parenthesized_expression" => {
                if let Some(inner) = target.named_child(0) {
                    Self::bind_target(inner, value, out);
                }
            }
            // `self.x = v` and `d[k] = v` bind the object's root name conservatively: later reads
            // of `self.x` mention `self`, which then carries the value.
            "attribute" | "subscript" => {
                let mut root = target;
                while let Some(inner) = root.child_by_field_name("object").or_else(|| root.child_by_field_name("value")) {
                    root = inner;
                }
                if root.kind() == "identifier" && root != target {
                    out.push(Binding { name_start: root.start_byte(), name_end: root.end_byte(), value });
                }
            }
            _ => {}
        }
    }

    fn collect_bindings<'t>(node: Node<'t>, src: &[u8], out: &mut Vec<Binding<'t>>) {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            match child.kind() {
                "function_definition" | "class_definition" | "lambda" => continue,
                "decorated_definition" => continue,
                "assignment" => {
                    if let (Some(left), Some(right)) = (child.child_by_field_name("left"), child.child_by_field_name("right")) {
                        Self::bind_target(left, right, out);
                    }
                }
                "augmented_assignment" => {
                    if let (Some(left), Some(right)) = (child.child_by_field_name("left"), child.child_by_field_name("right")) {
                        // `q += x` keeps the old value and adds x: bind both so either can carry.
                        Self::bind_target(left, right, out);
                    }
                }
                "named_expression" => {
                    if let (Some(name), Some(value)) = (child.child_by_field_name("name"), child.child_by_field_name("value")) {
                        Self::bind_target(name, value, out);
                    }
                }
                "for_statement" | "for_in_clause" => {
                    if let (Some(left), Some(right)) = (child.child_by_field_name("left"), child.child_by_field_name("right")) {
                        Self::bind_target(left, right, out);
                    }
                }
                "as_pattern" => {
                    if let (Some(value), Some(alias)) = (child.named_child(0), child.child_by_field_name("alias")) {
                        if let Some(target) = alias.named_child(0).or(Some(alias)) {
                            Self::bind_target(target, value, out);
                        }
                    }
                }
                "call" => {
                    // `parts.append(x)`, `parts.extend(xs)`, `d.update(x)`: the container carries x.
                    if let Some(func) = child.child_by_field_name("function") {
                        if func.kind() == "attribute" {
                            let method = func.child_by_field_name("attribute").map(|a| text(a, src)).unwrap_or("");
                            if matches!(method, "append" | "extend" | "insert" | "update" | "add" | "write") {
                                if let (Some(obj), Some(args)) = (func.child_by_field_name("object"), child.child_by_field_name("arguments")) {
                                    if obj.kind() == "identifier" {
                                        for arg in named_children(args) {
                                            out.push(Binding { name_start: obj.start_byte(), name_end: obj.end_byte(), value: arg });
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
            Self::collect_bindings(child, src, out);
        }
    }
}

fn has_child_kind(node: Node, kind: &str) -> bool {
    let mut cursor = node.walk();
    let found = node.children(&mut cursor).any(|c| c.kind() == kind);
    found
}

fn named_children(node: Node) -> impl Iterator<Item = Node> {
    (0..node.named_child_count()).filter_map(move |i| node.named_child(i))
}

impl Semantics for Python {
    fn imports(&self, root: Node, src: &[u8]) -> HashMap<String, String> {
        let mut map = HashMap::new();
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            match node.kind() {
                "import_statement" => {
                    for name in named_children(node) {
                        match name.kind() {
                            "dotted_name" => {
                                // `import os.path` binds `os`.
                                let full = text(name, src);
                                let head = full.split('.').next().unwrap_or(full);
                                map.insert(head.to_string(), head.to_string());
                            }
                            "aliased_import" => {
                                if let (Some(n), Some(a)) = (name.child_by_field_name("name"), name.child_by_field_name("alias")) {
                                    map.insert(text(a, src).to_string(), text(n, src).to_string());
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "import_from_statement" => {
                    let module = node.child_by_field_name("module_name").map(|m| text(m, src)).unwrap_or("");
                    let mut cursor = node.walk();
                    for name in node.children_by_field_name("name", &mut cursor) {
                        let (orig, alias) = match name.kind() {
                            "aliased_import" => match (name.child_by_field_name("name"), name.child_by_field_name("alias")) {
                                (Some(n), Some(a)) => (text(n, src), text(a, src)),
                                _ => continue,
                            },
                            _ => (text(name, src), text(name, src)),
                        };
                        let full = if module.ends_with('.') { format!("{module}{orig}") } else { format!("{module}.{orig}") };
                        map.insert(alias.to_string(), full);
                    }
                }
                // Imports inside functions and `if TYPE_CHECKING:` blocks count too. Expressions
                // hold no imports: skip them (most of a file), visiting only statement containers.
                _ => {
                    let mut cursor = node.walk();
                    stack.extend(node.named_children(&mut cursor).filter(|c| {
                        c.kind().ends_with("_statement")
                            || matches!(
                                c.kind(),
                                "block" | "function_definition" | "class_definition" | "decorated_definition" | "elif_clause" | "else_clause"
                                    | "except_clause" | "except_group_clause" | "finally_clause" | "case_clause"
                            )
                    }));
                }
            }
        }
        map
    }

    fn separator(&self) -> &'static str {
        "."
    }

    fn dotted_name(&self, node: Node, src: &[u8]) -> Option<String> {
        match node.kind() {
            "identifier" => Some(text(node, src).to_string()),
            "attribute" => {
                let object = self.dotted_name(node.child_by_field_name("object")?, src)?;
                Some(format!("{object}.{}", text(node.child_by_field_name("attribute")?, src)))
            }
            // `flask.request.get_json()` as a dotted prefix of a longer chain: name the call's callee.
            "call" => self.dotted_name(node.child_by_field_name("function")?, src),
            "subscript" => self.dotted_name(node.child_by_field_name("value")?, src),
            "parenthesized_expression" => self.dotted_name(node.named_child(0)?, src),
            _ => None,
        }
    }

    fn callee<'t>(&self, node: Node<'t>) -> Option<Node<'t>> {
        (node.kind() == "call").then(|| node.child_by_field_name("function")).flatten()
    }

    fn identifier<'s>(&self, node: Node, src: &'s [u8]) -> Option<&'s str> {
        (node.kind() == "identifier").then(|| text(node, src))
    }

    fn unwrap_value<'t>(&self, node: Node<'t>, src: &[u8]) -> Node<'t> {
        let mut node = node;
        loop {
            let next = match node.kind() {
                "parenthesized_expression" => node.named_child(0),
                "keyword_argument" => node.child_by_field_name("value"),
                "call" => {
                    // str(x), x.strip(), x.encode() keep x's nature.
                    let func = node.child_by_field_name("function");
                    let args = node.child_by_field_name("arguments");
                    match func {
                        Some(f) if f.kind() == "identifier" && text(f, src) == "str" => args.and_then(|a| a.named_child(0)),
                        Some(f) if f.kind() == "attribute"
                            && matches!(f.child_by_field_name("attribute").map(|a| text(a, src)), Some("strip" | "encode" | "lower" | "upper")) =>
                        {
                            f.child_by_field_name("object")
                        }
                        _ => None,
                    }
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
        matches!(node.kind(), "function_definition" | "module")
    }

    fn scope_name<'s>(&self, scope: Node, src: &'s [u8]) -> Option<&'s str> {
        scope.child_by_field_name("name").map(|n| text(n, src))
    }

    fn bindings<'t>(&self, scope: Node<'t>, src: &[u8], out: &mut Vec<Binding<'t>>) {
        let body = scope.child_by_field_name("body").unwrap_or(scope);
        Self::collect_bindings(body, src, out);
    }

    fn string_build(&self, node: Node, src: &[u8]) -> Option<StringBuild> {
        match node.kind() {
            "string" if Self::is_fstring(node, src) => Some(StringBuild::FString),
            "concatenated_string" => named_children(node).find_map(|c| self.string_build(c, src)),
            "binary_operator" => {
                let op = node.child_by_field_name("operator").map(|o| text(o, src)).unwrap_or("");
                let left = node.child_by_field_name("left")?;
                let right = node.child_by_field_name("right")?;
                match op {
                    "%" if Self::is_string_literal(left, src) || self.string_build(left, src).is_some() => {
                        (!self.is_literal(right, src)).then_some(StringBuild::Percent)
                    }
                    "+" => {
                        let stringy = |n: Node| Self::is_string_literal(n, src) || self.string_build(n, src).is_some();
                        let literal = |n: Node| self.is_literal(n, src);
                        ((stringy(left) || stringy(right)) && !(literal(left) && literal(right))).then_some(StringBuild::Concat)
                    }
                    _ => None,
                }
            }
            "call" => {
                let func = node.child_by_field_name("function")?;
                if func.kind() != "attribute" {
                    return None;
                }
                let method = text(func.child_by_field_name("attribute")?, src);
                let object = func.child_by_field_name("object")?;
                let args = node.child_by_field_name("arguments")?;
                let all_literal = named_children(args).all(|a| self.is_literal(self.unwrap_value(a, src), src));
                match method {
                    "format" if Self::is_string_literal(object, src) && !all_literal => Some(StringBuild::FormatMethod),
                    "join" if Self::is_string_literal(object, src) && !all_literal => Some(StringBuild::Join),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn string_holes<'t>(&self, node: Node<'t>, src: &[u8]) -> Vec<Hole<'t>> {
        let mut holes = Vec::new();
        match node.kind() {
            "string" => {
                for child in named_children(node).filter(|c| c.kind() == "interpolation") {
                    if let Some(expr) = child.child_by_field_name("expression").or_else(|| child.named_child(0)) {
                        holes.push(Hole::Expr(expr));
                    }
                }
            }
            "concatenated_string" => {
                for child in named_children(node) {
                    holes.extend(self.string_holes(child, src));
                }
            }
            "binary_operator" => {
                for side in [node.child_by_field_name("left"), node.child_by_field_name("right")].into_iter().flatten() {
                    if Self::is_string_literal(side, src) {
                        continue;
                    }
                    if self.string_build(side, src).is_some() {
                        holes.extend(self.string_holes(side, src));
                    } else if matches!(side.kind(), "tuple" | "dictionary") {
                        holes.extend(named_children(side).map(Hole::Expr));
                    } else {
                        holes.push(Hole::Expr(side));
                    }
                }
            }
            "call" => {
                if let Some(args) = node.child_by_field_name("arguments") {
                    for arg in named_children(args) {
                        let value = if arg.kind() == "keyword_argument" { arg.child_by_field_name("value") } else { Some(arg) };
                        holes.extend(value.map(Hole::Expr));
                    }
                }
            }
            _ => {}
        }
        holes
    }

    fn literal_prefix(&self, node: Node, src: &[u8]) -> Option<String> {
        match node.kind() {
            "string" => {
                let mut prefix = String::new();
                let mut cursor = node.walk();
                for child in node.children(&mut cursor) {
                    match child.kind() {
                        "string_start" | "string_end" => {}
                        "string_content" | "escape_sequence" => prefix.push_str(text(child, src)),
                        _ => break,
                    }
                }
                Some(prefix)
            }
            "concatenated_string" => self.literal_prefix(node.named_child(0)?, src),
            "binary_operator" => self.literal_prefix(node.child_by_field_name("left")?, src),
            "call" => {
                let func = node.child_by_field_name("function")?;
                let object = func.child_by_field_name("object")?;
                let prefix = self.literal_prefix(object, src)?;
                Some(prefix.split('{').next().unwrap_or("").to_string())
            }
            _ => None,
        }
        .map(|p| p.split('%').next().unwrap_or("").to_string())
    }

    fn is_literal(&self, node: Node, src: &[u8]) -> bool {
        match node.kind() {
            "integer" | "float" | "true" | "false" | "none" => true,
            "string" | "concatenated_string" => Self::is_string_literal(node, src),
            "unary_operator" => node.child_by_field_name("argument").is_some_and(|a| self.is_literal(a, src)),
            _ => false,
        }
    }

    fn is_constant(&self, node: Node, src: &[u8], is_const_name: &ConstLookup) -> bool {
        match node.kind() {
            "identifier" => is_const_name(text(node, src)),
            "binary_operator" => {
                node.child_by_field_name("left").is_some_and(|l| self.is_constant(l, src, is_const_name))
                    && node.child_by_field_name("right").is_some_and(|r| self.is_constant(r, src, is_const_name))
            }
            "list" | "tuple" | "set" | "dictionary" | "pair" | "parenthesized_expression" | "list_comprehension" | "generator_expression" => {
                node.named_child_count() > 0 && named_children(node).all(|c| self.is_constant(c, src, is_const_name))
            }
            "for_in_clause" => node.child_by_field_name("right").is_some_and(|r| self.is_constant(r, src, is_const_name)),
            // `NONCE[:8]`, `KEY[0]`: indexing or slicing constant data with constant bounds.
            "subscript" | "slice" => named_children(node).all(|c| self.is_constant(c, src, is_const_name)),
            "call" => {
                let Some(func) = node.child_by_field_name("function") else { return false };
                let name = match func.kind() {
                    "identifier" => text(func, src),
                    "attribute" => {
                        let receiver_const = func.child_by_field_name("object").is_some_and(|o| {
                            self.is_constant(o, src, is_const_name) || matches!(text(o, src), "bytes" | "binascii" | "base64" | "str")
                        });
                        if !receiver_const {
                            return false;
                        }
                        func.child_by_field_name("attribute").map(|a| text(a, src)).unwrap_or("")
                    }
                    _ => return false,
                };
                PURE_CALLS.contains(&name)
                    && node.child_by_field_name("arguments").is_some_and(|args| named_children(args).all(|a| self.is_constant(a, src, is_const_name)))
            }
            _ => self.is_literal(node, src),
        }
    }

    fn handler_params(&self, scope: Node, src: &[u8], sources: &HandlerSources, imports: &HashMap<String, String>, _parse_sanitizes: bool) -> Vec<String> {
        let Some(parent) = scope.parent() else { return Vec::new() };
        let decorated = parent.kind() == "decorated_definition";
        let is_handler = decorated
            && named_children(parent).filter(|c| c.kind() == "decorator").any(|decorator| {
                let Some(expr) = decorator.named_child(0) else { return false };
                let target = if expr.kind() == "call" { expr.child_by_field_name("function") } else { Some(expr) };
                let Some(name) = target.and_then(|t| self.dotted_name(t, src)) else { return false };
                let resolved = resolve_name(&name, ".", imports);
                sources.decorators.iter().any(|d| glob_match(d, &resolved))
            });
        if !is_handler && !is_django_view(scope, src, imports) {
            return Vec::new();
        }
        // Route parameters the framework converts to numbers or UUIDs (`<int:id>`, `{id:int}`).
        let converted = if decorated { route_converted_params(parent, src) } else { Vec::new() };
        let Some(params) = scope.child_by_field_name("parameters") else { return Vec::new() };
        let mut names = Vec::new();
        for param in named_children(params) {
            let (name, annotation, default) = match param.kind() {
                "identifier" => (Some(param), None, None),
                "typed_parameter" => (param.named_child(0), param.child_by_field_name("type"), None),
                "default_parameter" => (param.child_by_field_name("name"), None, param.child_by_field_name("value")),
                "typed_default_parameter" => {
                    (param.child_by_field_name("name"), param.child_by_field_name("type"), param.child_by_field_name("value"))
                }
                _ => (None, None, None),
            };
            let Some(name) = name.filter(|n| n.kind() == "identifier").map(|n| text(n, src)) else { continue };
            if sources.exclude_params.iter().any(|p| p == name) || converted.iter().any(|c| c == name) {
                continue;
            }
            // `item_id: int`, `ts: datetime`, `key: uuid.UUID`: the framework validates and converts
            // the value, so it cannot carry text into a path, URL, query or page.
            if annotation.is_some_and(|a| is_scalar_annotation(text(a, src))) {
                continue;
            }
            // `pk`, `doc_id`: an untyped record key is looked up, not used as text, and taint would
            // otherwise spread to every record fetched with it (`doc = Doc.objects.get(pk=pk)`).
            if annotation.is_none() && is_record_key_name(name) {
                continue;
            }
            let injected = [annotation, default].into_iter().flatten().any(|n| {
                let t = text(n, src);
                sources.exclude_param_types.iter().any(|ty| t.contains(ty.as_str()))
            });
            if !injected {
                names.push(name.to_string());
            }
        }
        names
    }

    fn param_names(&self, scope: Node, src: &[u8]) -> Vec<String> {
        let Some(params) = scope.child_by_field_name("parameters") else { return Vec::new() };
        named_children(params)
            .filter_map(|param| match param.kind() {
                "identifier" => Some(param),
                "typed_parameter" => param.named_child(0),
                "default_parameter" | "typed_default_parameter" => param.child_by_field_name("name"),
                _ => None,
            })
            .filter(|n| n.kind() == "identifier")
            .map(|n| text(n, src).to_string())
            .collect()
    }

    fn has_receiver(&self, scope: Node, src: &[u8]) -> bool {
        let in_class = scope.parent().is_some_and(|p| p.kind() == "block" && p.parent().is_some_and(|c| c.kind() == "class_definition"))
            || scope.parent().is_some_and(|p| p.kind() == "decorated_definition" && p.parent().is_some_and(|b| b.parent().is_some_and(|c| c.kind() == "class_definition")));
        in_class && self.param_names(scope, src).first().is_some_and(|p| p == "self" || p == "cls")
    }

    fn call_arguments<'t>(&self, call: Node<'t>, src: &[u8]) -> Vec<(Option<String>, Node<'t>)> {
        let Some(args) = call.child_by_field_name("arguments") else { return Vec::new() };
        named_children(args)
            .filter_map(|arg| match arg.kind() {
                "keyword_argument" => Some((arg.child_by_field_name("name").map(|n| text(n, src).to_string()), arg.child_by_field_name("value")?)),
                "list_splat" | "dictionary_splat" | "comment" => None,
                _ => Some((None, arg)),
            })
            .collect()
    }

    fn return_values<'t>(&self, scope: Node<'t>) -> Vec<Node<'t>> {
        let mut out = Vec::new();
        let mut stack: Vec<Node<'t>> = scope.child_by_field_name("body").into_iter().collect();
        while let Some(node) = stack.pop() {
            for child in named_children(node) {
                match child.kind() {
                    "function_definition" | "class_definition" | "lambda" | "decorated_definition" => {}
                    "return_statement" => out.extend(child.named_child(0)),
                    _ => stack.push(child),
                }
            }
        }
        out
    }

    fn is_test_code(&self, node: Node, src: &[u8], path: &Path) -> bool {
        if is_test_path(path) {
            return true;
        }
        let mut current = Some(node);
        while let Some(n) = current {
            if n.kind() == "function_definition" {
                let name = n.child_by_field_name("name").map(|x| text(x, src)).unwrap_or("");
                if name.starts_with("test_") || name.starts_with("test") && name.len() == 4 {
                    return true;
                }
            }
            if n.kind() == "class_definition" {
                let name = n.child_by_field_name("name").map(|x| text(x, src)).unwrap_or("");
                if name.starts_with("Test") {
                    return true;
                }
            }
            current = n.parent();
        }
        false
    }
}

/// A Django view in a file that imports Django: its first parameter (after `self`) is `request`,
/// and the parameters after it are captured from the URL (`def download(request, filename)`).
fn is_django_view(scope: Node, src: &[u8], imports: &HashMap<String, String>) -> bool {
    if !imports.values().any(|full| full == "django" || full.starts_with("django.") || full.starts_with("rest_framework")) {
        return false;
    }
    let Some(params) = scope.child_by_field_name("parameters") else { return false };
    let name_of = |p: Node| -> Option<String> {
        let n = match p.kind() {
            "identifier" => Some(p),
            "typed_parameter" => p.named_child(0),
            "default_parameter" | "typed_default_parameter" => p.child_by_field_name("name"),
            _ => None,
        };
        n.filter(|n| n.kind() == "identifier").map(|n| text(n, src).to_string())
    };
    let names: Vec<String> = named_children(params).filter_map(name_of).collect();
    let first = names.iter().find(|n| *n != "self" && *n != "cls");
    first.is_some_and(|n| n == "request") && names.len() > names.iter().position(|n| n == "request").unwrap_or(0) + 1
}

/// Parameter names that hold a record key (`id`, `pk`, `user_id`, `order_uuid`).
fn is_record_key_name(name: &str) -> bool {
    matches!(name, "id" | "pk" | "uuid") || ["_id", "_pk", "_uuid"].iter().any(|s| name.len() > s.len() && name.ends_with(s))
}

/// Parameter annotations whose values a web framework converts before the handler runs.
fn is_scalar_annotation(annotation: &str) -> bool {
    const SCALARS: &[&str] = &[
        "int", "float", "bool", "UUID", "uuid.UUID", "datetime", "datetime.datetime", "date", "datetime.date", "time",
        "datetime.time", "timedelta", "Decimal", "decimal.Decimal", "PositiveInt", "NegativeInt", "NonNegativeInt",
        "NonPositiveInt", "PositiveFloat", "NonNegativeFloat", "StrictInt", "StrictFloat", "StrictBool", "UUID4", "UUID1",
    ];
    let mut t: String = annotation.chars().filter(|c| !c.is_whitespace()).collect();
    // Optional[int], Annotated[int, Path()], int | None, Optional[Annotated[int, Query()]]
    loop {
        let inner = ["Optional[", "typing.Optional[", "Annotated[", "typing.Annotated[", "typing_extensions.Annotated["]
            .iter()
            .find_map(|w| t.strip_prefix(w).and_then(|rest| rest.strip_suffix(']')))
            .map(|rest| {
                let mut depth = 0usize;
                let end = rest
                    .char_indices()
                    .find(|(_, c)| match c {
                        '[' | '(' => { depth += 1; false }
                        ']' | ')' => { depth = depth.saturating_sub(1); false }
                        ',' => depth == 0,
                        _ => false,
                    })
                    .map_or(rest.len(), |(i, _)| i);
                rest[..end].to_string()
            });
        match inner {
            Some(i) => t = i,
            None => break,
        }
    }
    let t = t.strip_suffix("|None").or_else(|| t.strip_prefix("None|")).unwrap_or(&t);
    SCALARS.contains(&t) || t.starts_with("conint(") || t.starts_with("confloat(")
}

/// Names of route parameters with a numeric or UUID converter in a decorator's path string:
/// Flask/Werkzeug `<int:id>`, `<float:x>`, `<uuid:key>`; Starlette/FastAPI `{id:int}`, `{key:uuid}`.
fn route_converted_params(decorated: Node, src: &[u8]) -> Vec<String> {
    static FLASK: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"<(?:int|float|uuid)(?:\([^)]*\))?:([A-Za-z_][A-Za-z0-9_]*)>").unwrap());
    static STARLETTE: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"\{([A-Za-z_][A-Za-z0-9_]*):(?:int|float|uuid)\}").unwrap());
    let mut names = Vec::new();
    for decorator in named_children(decorated).filter(|c| c.kind() == "decorator") {
        let Some(call) = decorator.named_child(0).filter(|e| e.kind() == "call") else { continue };
        let Some(route) = call.child_by_field_name("arguments").and_then(|a| a.named_child(0)).filter(|a| a.kind() == "string") else {
            continue;
        };
        let route = text(route, src);
        for re in [&*FLASK, &*STARLETTE] {
            names.extend(re.captures_iter(route).map(|c| c[1].to_string()));
        }
    }
    names
}

/// Test files by the conventions pytest and Cargo use.
pub fn is_test_path(path: &Path) -> bool {
    let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
    if file.starts_with("test_") || file.ends_with("_test.py") || file == "conftest.py" || file == "tests.py" {
        return true;
    }
    path.components().any(|c| matches!(c.as_os_str().to_str(), Some("tests" | "test" | "testing" | "benches" | "examples")))
}

#[cfg(test)]
mod tests {
    use super::is_scalar_annotation;

    #[test]
    fn scalar_annotations_are_recognised_through_wrappers() {
        for yes in ["int", "uuid.UUID", "Optional[int]", "int | None", "Annotated[int, Path(gt=0)]", "Optional[Annotated[float, Query()]]", "conint(gt=0)"] {
            assert!(is_scalar_annotation(yes), "{yes}");
        }
        for no in ["str", "Optional[str]", "Annotated[str, Query()]", "list[int]", "Path", "Interval"] {
            assert!(!is_scalar_annotation(no), "{no}");
        }
    }

    #[test]
    fn record_key_names() {
        for yes in ["id", "pk", "doc_id", "order_uuid", "user_pk"] {
            assert!(super::is_record_key_name(yes), "{yes}");
        }
        for no in ["_id", "filename", "idea", "paid", "path"] {
            assert!(!super::is_record_key_name(no), "{no}");
        }
    }
}
