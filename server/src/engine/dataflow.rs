//! Intra-function dataflow, declared as data in `queries/<language>/_dataflow.toml`: sources by
//! kind (request data by default; other kinds such as model output in `[kinds.<name>]`),
//! sanitizers and guards per sink class. A rule picks the sink class and the source kind in its
//! predicate: `(#tainted? @x "shell" "model-output")`. It is flow-insensitive within a scope: a
//! name is tainted if any value bound to it in the function is tainted. This over-approximates
//! order ("x = request.args; x = 'safe'") but never misses a reassignment chain.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use tree_sitter::Node;

use super::context::FileContext;
use super::semantics::{glob_match, last_segment, text, HandlerSources, Hole};

/// The source kind of the top-level `sources` and `[handlers]`: data from the HTTP request.
pub const REQUEST_KIND: &str = "request";

/// What a `#tainted?` predicate follows: values of one source kind, towards one sink class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flow<'a> {
    pub kind: &'a str,
    pub class: &'a str,
}

/// A source kind other than request data, declared in `[kinds.<name>]`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SourceKind {
    /// Qualified names (after import resolution, `*` globs) whose value, or whose call's result,
    /// is of this kind: `*.chat.completions.create`, `ollama.chat`.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Sources too generic to trust everywhere (`*.invoke`): they count only in files that import
    /// a module matching one of `imports`.
    #[serde(default)]
    pub imported_sources: Vec<String>,
    #[serde(default)]
    pub imports: Vec<String>,
    /// The longest literal part of every source (`completions` of `*.chat.completions.create`),
    /// as one regex: a file whose text contains none of them (and that does not open the
    /// `imports` gate) has no source of this kind, and rules asking about it are answered
    /// without any dataflow work.
    #[serde(skip)]
    anchors: std::sync::OnceLock<Option<regex::Regex>>,
}

impl SourceKind {
    /// Could `text` contain a source of this kind at all?
    pub fn may_occur_in(&self, text: &str) -> bool {
        let anchors = self.anchors.get_or_init(|| {
            let literals: Vec<String> = self
                .sources
                .iter()
                .map(|s| s.split(['*', '.']).max_by_key(|part| part.len()).unwrap_or("").to_string())
                .collect();
            if literals.iter().any(String::is_empty) {
                return None;
            }
            let alternation: Vec<String> = literals.iter().map(|l| regex::escape(l)).collect();
            regex::Regex::new(&alternation.join("|")).ok()
        });
        anchors.as_ref().is_none_or(|r| r.is_match(text))
    }
}

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
    /// Source kinds besides request data (`model-output`, ...), by name.
    #[serde(default)]
    pub kinds: HashMap<String, SourceKind>,
}

impl DataflowConfig {
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// Does the config declare this source kind?
    pub fn has_kind(&self, kind: &str) -> bool {
        kind == REQUEST_KIND || self.kinds.contains_key(kind)
    }

    /// Is `resolved` (or a chain it starts: `flask.request.args.get`) a source of `kind`?
    /// `gate_open`: the file imports one of the kind's `imports`, so `imported_sources` count.
    fn is_source(&self, kind: &str, resolved: &str, separator: &str, gate_open: bool) -> bool {
        let matches = |s: &String| {
            glob_match(s, resolved)
                || resolved.strip_prefix(s.as_str()).is_some_and(|rest| rest.starts_with(separator) || rest.starts_with('.'))
        };
        if kind == REQUEST_KIND {
            return self.sources.iter().any(matches);
        }
        let Some(k) = self.kinds.get(kind) else { return false };
        k.sources.iter().any(matches) || (gate_open && k.imported_sources.iter().any(matches))
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

pub fn compute_scope_taint<'t>(ctx: &FileContext<'t>, scope: Node<'t>, flow: Flow) -> ScopeTaint {
    let sem = ctx.language.semantics();
    let config = ctx.dataflow;
    let class = flow.class;
    let mut tainted: HashSet<String> = HashSet::new();
    if flow.kind == REQUEST_KIND {
        // `id.parse()` ends request data only for classes that list `parse` as a sanitizer; for
        // `panic`, the parse is where a malformed value blows up.
        let parse_sanitizes = config.is_sanitizer(class, "param.parse", sem.separator());
        tainted.extend(sem.handler_params(scope, ctx.src, &config.handlers, &ctx.imports, parse_sanitizes));
    }
    // Same file, one step at a time: parameters that a caller here fills with tainted data.
    if scope != ctx.root {
        tainted.extend(ctx.guarded(scope, flow, || ctx.params_tainted_by_callers(scope, flow)));
    }
    let bindings = ctx.scope_bindings(scope);
    // Fixed point over the scope's bindings; bounded because the set only grows.
    loop {
        let mut changed = false;
        for binding in bindings.iter() {
            let name = binding.name(ctx.src);
            if !tainted.contains(name) && expr_tainted(ctx, binding.value, &tainted, flow) {
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

/// Does the expression carry tainted data: a source of the flow's kind, or a name tainted in this
/// scope, not wrapped in a sanitizer for the flow's sink class?
pub fn expr_tainted<'t>(ctx: &FileContext<'t>, node: Node<'t>, tainted: &HashSet<String>, flow: Flow) -> bool {
    let sem = ctx.language.semantics();
    let sep = sem.separator();
    let class = flow.class;
    let gate_open = ctx.source_gate_open(flow.kind);
    let is_source = |name: &str| ctx.dataflow.is_source(flow.kind, &ctx.resolve(name), sep, gate_open);
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
        if sem.callee(n).is_some() && ctx.call_returns_tainted(n, flow) {
            return true;
        }
        match n.kind() {
            "identifier" => {
                if is_name_position(n) {
                    let name = text(n, ctx.src);
                    if tainted.contains(name) || is_source(name) {
                        return true;
                    }
                }
                continue;
            }
            "attribute" | "scoped_identifier" | "field_expression" => {
                if let Some(name) = sem.dotted_name(n, ctx.src) {
                    if is_source(&name) {
                        return true;
                    }
                }
            }
            // A lookup in a constant table carries only the table's values, not the key:
            // `ACTIONS[choice]`, `ACTIONS.get(choice)` is an allowlist.
            "subscript" if n.child_by_field_name("value").is_some_and(|t| ctx.is_constant(t)) => continue,
            "call" if n.child_by_field_name("function").is_some_and(|f| {
                f.kind() == "attribute"
                    && f.child_by_field_name("attribute").is_some_and(|a| text(a, ctx.src) == "get")
                    && f.child_by_field_name("object").is_some_and(|t| ctx.is_constant(t))
            }) =>
            {
                continue
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
