//! Intra-function dataflow, declared as data in `queries/<language>/_dataflow.toml`: sources
//! (request data), sanitizers and guards per sink class. It is flow-insensitive within a scope: a
//! name is tainted if any value bound to it in the function is tainted. This over-approximates
//! order ("x = request.args; x = 'safe'") but never misses a reassignment chain.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use tree_sitter::Node;

use super::context::FileContext;
use super::semantics::{glob_match, last_segment, text, HandlerSources, Hole};

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DataflowConfig {
    /// Qualified names (after import resolution, `*` globs) whose value is request data. A longer
    /// chain starting with one of them (`flask.request.args.get`) is a source too.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub handlers: HandlerSources,
    /// Per sink class (`path`, `url`, `shell`, ...; `all` applies to every class): calls whose
    /// result is safe for that sink even when their input is tainted.
    #[serde(default)]
    pub sanitizers: HashMap<String, Vec<String>>,
    /// Per sink class: calls (by last name segment) that validate a tainted value in the same
    /// function, such as `is_relative_to` for paths. A guarded value is not reported.
    #[serde(default)]
    pub guards: HashMap<String, Vec<String>>,
}

impl DataflowConfig {
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    fn is_source(&self, resolved: &str, separator: &str) -> bool {
        self.sources.iter().any(|s| {
            glob_match(s, resolved)
                || resolved.strip_prefix(s.as_str()).is_some_and(|rest| rest.starts_with(separator) || rest.starts_with('.'))
        })
    }

    fn is_sanitizer(&self, class: &str, resolved: &str, separator: &str) -> bool {
        let last = last_segment(resolved, separator);
        let last = last_segment(last, ".");
        ["all", class].iter().filter_map(|c| self.sanitizers.get(*c)).flatten().any(|s| glob_match(s, resolved) || s == last)
    }

    fn guards(&self, class: &str) -> &[String] {
        self.guards.get(class).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Taint facts for one scope and sink class.
#[derive(Debug, Default)]
pub struct ScopeTaint {
    pub tainted: HashSet<String>,
    /// A guard call in the scope validates one of the tainted names.
    pub guarded: bool,
}

pub fn compute_scope_taint<'t>(ctx: &FileContext<'t>, scope: Node<'t>, class: &str) -> ScopeTaint {
    let sem = ctx.language.semantics();
    let config = ctx.dataflow;
    // `id.parse()` ends request data only for classes that list `parse` as a sanitizer; for
    // `panic`, the parse is where a malformed value blows up.
    let parse_sanitizes = config.is_sanitizer(class, "param.parse", sem.separator());
    let mut tainted: HashSet<String> =
        sem.handler_params(scope, ctx.src, &config.handlers, &ctx.imports, parse_sanitizes).into_iter().collect();
    // Same file, one step at a time: parameters that a caller here fills with request data.
    if scope != ctx.root {
        tainted.extend(ctx.guarded(scope, class, || ctx.params_tainted_by_callers(scope, class)));
    }
    let bindings = ctx.scope_bindings(scope);
    // Fixed point over the scope's bindings; bounded because the set only grows.
    loop {
        let mut changed = false;
        for binding in bindings.iter() {
            let name = binding.name(ctx.src);
            if !tainted.contains(name) && expr_tainted(ctx, binding.value, &tainted, class) {
                tainted.insert(name.to_string());
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let guarded = !tainted.is_empty() && scope_has_guard(ctx, scope, &tainted, config.guards(class));
    ScopeTaint { tainted, guarded }
}

fn scope_has_guard(ctx: &FileContext, scope: Node, tainted: &HashSet<String>, guards: &[String]) -> bool {
    if guards.is_empty() {
        return false;
    }
    let sem = ctx.language.semantics();
    let mut stack = vec![scope];
    while let Some(node) = stack.pop() {
        if let Some(callee) = sem.callee(node) {
            let name = text(callee, ctx.src);
            let last = last_segment(last_segment(name, "::"), ".");
            if guards.iter().any(|g| g == last) && mentions_any(ctx, node, tainted) {
                return true;
            }
        }
        // A comparison against an allowlist (`host in ALLOWED`, `url.starts_with(..)`) also guards.
        if node.kind() == "comparison_operator" && text(node, ctx.src).contains(" in ") && mentions_any(ctx, node, tainted) && guards.iter().any(|g| g == "in") {
            return true;
        }
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor));
    }
    false
}

fn mentions_any(ctx: &FileContext, node: Node, names: &HashSet<String>) -> bool {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if let Some(name) = ctx.language.semantics().identifier(n, ctx.src) {
            if names.contains(name) {
                return true;
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// Does the expression carry tainted data: a source, or a name tainted in this scope, not wrapped
/// in a sanitizer for `class`?
pub fn expr_tainted<'t>(ctx: &FileContext<'t>, node: Node<'t>, tainted: &HashSet<String>, class: &str) -> bool {
    let sem = ctx.language.semantics();
    let sep = sem.separator();
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        if let Some(callee) = sem.callee(n) {
            if let Some(name) = sem.dotted_name(callee, ctx.src) {
                let resolved = ctx.resolve(&name);
                if ctx.dataflow.is_sanitizer(class, &resolved, sep) {
                    continue;
                }
            }
        }
        // Rust inline format arguments: `format!("{name}")` reads `name` inside the literal.
        if n.kind() == "macro_invocation" {
            let reads_tainted = sem.string_holes(n, ctx.src).into_iter().any(|hole| match hole {
                Hole::Name { name_start, name_end, .. } => {
                    std::str::from_utf8(&ctx.src[name_start..name_end]).is_ok_and(|name| tainted.contains(name))
                }
                Hole::Expr(_) => false,
            });
            if reads_tainted {
                return true;
            }
        }
        if sem.callee(n).is_some() && ctx.call_returns_tainted(n, class) {
            return true;
        }
        match n.kind() {
            "identifier" => {
                if is_name_position(n) {
                    let name = text(n, ctx.src);
                    if tainted.contains(name) || ctx.dataflow.is_source(&ctx.resolve(name), sep) {
                        return true;
                    }
                }
                continue;
            }
            "attribute" | "scoped_identifier" | "field_expression" => {
                if let Some(name) = sem.dotted_name(n, ctx.src) {
                    if ctx.dataflow.is_source(&ctx.resolve(&name), sep) {
                        return true;
                    }
                }
            }
            // Keyword names and literal-only strings carry nothing.
            "keyword_argument" => {
                if let Some(value) = n.child_by_field_name("value") {
                    stack.push(value);
                }
                continue;
            }
            // A choice between values carries only the values, not what decided between them:
            // `match tool { "a" => "/usr/bin/a", _ => return }` is constant.
            "match_expression" => {
                if let Some(body) = n.child_by_field_name("body") {
                    let mut cursor = body.walk();
                    stack.extend(body.named_children(&mut cursor).filter_map(|arm| arm.child_by_field_name("value")));
                }
                continue;
            }
            "if_expression" => {
                stack.extend([n.child_by_field_name("consequence"), n.child_by_field_name("alternative")].into_iter().flatten());
                continue;
            }
            "conditional_expression" => {
                // Python `a if cond else b`: named children are a, cond, b.
                stack.extend([n.named_child(0), n.named_child(2)].into_iter().flatten());
                continue;
            }
            _ => {}
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// An identifier that reads a variable, not the attribute name in `a.b` or a keyword name.
fn is_name_position(node: Node) -> bool {
    match node.parent() {
        Some(p) if p.kind() == "attribute" => p.child_by_field_name("object") == Some(node),
        Some(p) if p.kind() == "keyword_argument" => p.child_by_field_name("value") == Some(node),
        _ => true,
    }
}
