//! Named, reusable filters that tree-sitter queries cannot express. A rule uses them as custom
//! predicates, e.g. `(#not-constant? @arg)` or `(#tainted? @url "url")`. No rule has Rust code of
//! its own: a new need becomes a new general predicate here, documented in `queries/README.md`.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use regex::bytes::Regex;
use tree_sitter::{Node, QueryPredicate, QueryPredicateArg};

use super::context::FileContext;
use super::semantics::{glob_match, Hole};

/// Names a predicate can add to a finding's message: `{how}` from `#string-built?`, `{name}`
/// from `#resolves-to?`.
pub const OUTPUT_NAMES: &[&str] = &["how", "name"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Tainted,
    StringBuilt,
    Constant,
    NotConstant,
    ResolvesTo,
    NotResolvesTo,
    Kwarg,
    NoKwarg,
    InFunction,
    NotInFunction,
    NotTest,
    NumberBelow,
    ReturnsOnly,
    ChainHas,
    NoChainHas,
    ScopeMentions,
    NoScopeMentions,
    FileMentions,
    NoFileMentions,
    Sanitized,
    NotSanitized,
    CreatedBy,
    NotCreatedBy,
    Commented,
    NotCommented,
    Inside,
    NotInside,
    AssignedTo,
    NotAssignedTo,
    PathMatches,
    NotPathMatches,
    ValueMatches,
    NotValueMatches,
    /// tree-sitter's `#match?` / `#not-match?`, evaluated here (see `TEXT_MATCH`).
    TextMatch,
    NotTextMatch,
}

/// (name, op, needs a capture, min string args, max string args)
const TABLE: &[(&str, Op, bool, usize, usize)] = &[
    ("tainted?", Op::Tainted, true, 0, 2),
    ("string-built?", Op::StringBuilt, true, 0, 0),
    ("constant?", Op::Constant, true, 0, 0),
    ("not-constant?", Op::NotConstant, true, 0, 0),
    ("resolves-to?", Op::ResolvesTo, true, 1, usize::MAX),
    ("not-resolves-to?", Op::NotResolvesTo, true, 1, usize::MAX),
    ("kwarg?", Op::Kwarg, true, 1, 2),
    ("no-kwarg?", Op::NoKwarg, true, 1, 2),
    ("in-function?", Op::InFunction, true, 1, 1),
    ("not-in-function?", Op::NotInFunction, true, 1, 1),
    ("not-test?", Op::NotTest, true, 0, 0),
    ("number-below?", Op::NumberBelow, true, 1, 1),
    ("returns-only?", Op::ReturnsOnly, true, 1, 1),
    ("chain-has?", Op::ChainHas, true, 1, 2),
    ("no-chain-has?", Op::NoChainHas, true, 1, 2),
    ("scope-mentions?", Op::ScopeMentions, true, 1, 1),
    ("no-scope-mentions?", Op::NoScopeMentions, true, 1, 1),
    ("file-mentions?", Op::FileMentions, false, 1, 1),
    ("no-file-mentions?", Op::NoFileMentions, false, 1, 1),
    ("sanitized?", Op::Sanitized, true, 1, 1),
    ("not-sanitized?", Op::NotSanitized, true, 1, 1),
    ("created-by?", Op::CreatedBy, true, 1, usize::MAX),
    ("not-created-by?", Op::NotCreatedBy, true, 1, usize::MAX),
    ("commented?", Op::Commented, true, 1, 1),
    ("not-commented?", Op::NotCommented, true, 1, 1),
    ("inside?", Op::Inside, true, 1, 1),
    ("not-inside?", Op::NotInside, true, 1, 1),
    ("assigned-to?", Op::AssignedTo, true, 1, 1),
    ("not-assigned-to?", Op::NotAssignedTo, true, 1, 1),
    ("path-matches?", Op::PathMatches, false, 1, 1),
    ("not-path-matches?", Op::NotPathMatches, false, 1, 1),
    ("value-matches?", Op::ValueMatches, true, 1, 1),
    ("not-value-matches?", Op::NotValueMatches, true, 1, 1),
];

/// Predicates tree-sitter itself evaluates.
const BUILTIN: &[&str] = &["eq?", "not-eq?", "match?", "not-match?", "any-of?", "not-any-of?", "any-eq?", "any-match?"];

/// What the catalog renames `#match?` and `#not-match?` to before tree-sitter sees a query, so
/// that assay evaluates them with the same meaning: tree-sitter compiles one regex per use, and
/// the catalog's five hundred uses (many the same regex) took most of the server's memory. Here
/// each distinct regex is compiled once, in ASCII mode.
pub const TEXT_MATCH: [(&str, &str); 2] = [("match?", "assay-text-match?"), ("not-match?", "assay-text-not-match?")];

/// The names of all predicates assay understands, for documentation and error messages.
pub fn known_names() -> impl Iterator<Item = &'static str> {
    TABLE.iter().map(|t| t.0)
}

#[derive(Debug)]
pub struct CompiledPredicate {
    op: Op,
    capture: Option<u32>,
    args: Vec<String>,
    /// The regex argument, compiled once, anchored to the whole text where the op compares text.
    regex: Option<Arc<Regex>>,
    number: Option<i64>,
    /// For `#resolves-to?`: last segments of the globs, to reject most calls without resolving.
    /// None when a glob's last segment is itself a wildcard.
    last_segments: Option<std::collections::HashSet<String>>,
    /// For `#resolves-to?`: first segments of the globs (`subprocess` of `subprocess.*`), to reject
    /// calls on other modules without resolving. None when a glob's first segment is a wildcard.
    first_segments: Option<std::collections::HashSet<String>>,
}

/// Check one predicate of a rule query; the error names the predicate and the problem.
pub fn validate(predicate: &QueryPredicate, capture_names: &[&str]) -> Result<(), String> {
    compile(predicate, capture_names).map(|_| ())
}

pub fn compile(predicate: &QueryPredicate, capture_names: &[&str]) -> Result<CompiledPredicate, String> {
    let op_name = &*predicate.operator;
    if BUILTIN.contains(&op_name) {
        return Err(format!("#{op_name} is handled by tree-sitter and must not reach assay"));
    }
    let text_match = match op_name {
        n if n == TEXT_MATCH[0].1 => Some(("match?", Op::TextMatch, true, 1, 1)),
        n if n == TEXT_MATCH[1].1 => Some(("not-match?", Op::NotTextMatch, true, 1, 1)),
        _ => None,
    };
    let Some((_, op, needs_capture, min, max)) = text_match.or_else(|| TABLE.iter().find(|t| t.0 == op_name).copied()) else {
        let known: Vec<_> = known_names().collect();
        return Err(format!("unknown predicate #{op_name}; known: {}", known.join(", ")));
    };
    let mut capture = None;
    let mut args = Vec::new();
    for arg in predicate.args.iter() {
        match arg {
            QueryPredicateArg::Capture(index) if capture.is_none() => capture = Some(*index),
            QueryPredicateArg::Capture(index) => {
                return Err(format!("#{op_name} takes one capture, got a second: @{}", capture_names[*index as usize]))
            }
            QueryPredicateArg::String(s) => args.push(s.to_string()),
        }
    }
    if needs_capture && capture.is_none() {
        return Err(format!("#{op_name} needs a capture as its first argument"));
    }
    if args.len() < min || args.len() > max {
        return Err(format!("#{op_name} takes {min}..{} string arguments, got {}", if max == usize::MAX { "n".to_string() } else { max.to_string() }, args.len()));
    }
    let regex_arg = match op {
        Op::InFunction | Op::NotInFunction | Op::ReturnsOnly | Op::ScopeMentions | Op::NoScopeMentions | Op::FileMentions | Op::NoFileMentions => args.first(),
        Op::Commented | Op::NotCommented | Op::Inside | Op::NotInside => args.first(),
        Op::AssignedTo | Op::NotAssignedTo => args.first(),
        Op::PathMatches | Op::NotPathMatches | Op::ValueMatches | Op::NotValueMatches => args.first(),
        Op::TextMatch | Op::NotTextMatch => args.first(),
        Op::Kwarg | Op::NoKwarg | Op::ChainHas | Op::NoChainHas => args.get(1),
        _ => None,
    };
    let anchored = matches!(op, Op::ReturnsOnly | Op::Kwarg | Op::NoKwarg | Op::ChainHas | Op::NoChainHas | Op::Inside | Op::NotInside | Op::ValueMatches | Op::NotValueMatches);
    let regex = regex_arg
        .map(|r| {
            let source = if anchored { format!("^(?:{r})$") } else { r.clone() };
            shared_regex(&source).map_err(|e| format!("#{op_name}: invalid regex {r:?}: {e}"))
        })
        .transpose()?;
    let number = match op {
        Op::NumberBelow => Some(args[0].parse::<i64>().map_err(|_| format!("#{op_name} needs an integer, got {:?}", args[0]))?),
        _ => None,
    };
    if matches!(op, Op::Tainted | Op::Sanitized | Op::NotSanitized) {
        if let Some(class) = args.first() {
            if !class.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                return Err(format!("#tainted? sink class {class:?} must be a lowercase word such as \"url\" or \"path\""));
            }
        }
        if let Some(kind) = args.get(1) {
            if !kind.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                return Err(format!("#tainted? source kind {kind:?} must be a lowercase word such as \"request\" or \"model-output\""));
            }
        }
    }
    let last_segments = matches!(op, Op::ResolvesTo | Op::NotResolvesTo)
        .then(|| {
            args.iter()
                .map(|g| super::query_keys::last_segment(g).to_string())
                .map(|last| (!last.contains('*')).then_some(last))
                .collect::<Option<std::collections::HashSet<_>>>()
        })
        .flatten();
    let first_segments = matches!(op, Op::ResolvesTo | Op::NotResolvesTo)
        .then(|| {
            args.iter()
                .map(|g| raw_first_segment(g).to_string())
                .map(|first| (!first.contains('*')).then_some(first))
                .collect::<Option<std::collections::HashSet<_>>>()
        })
        .flatten();
    Ok(CompiledPredicate { op, capture, args, regex, number, last_segments, first_segments })
}

/// One compiled regex per distinct source, shared by every predicate that uses it (and so is
/// its search cache). ASCII mode: identifiers and keywords are ASCII, and Unicode classes cost
/// hundreds of kilobytes of automaton per `\w` or `(?i)`.
fn shared_regex(source: &str) -> Result<Arc<Regex>, regex::Error> {
    static COMPILED: LazyLock<Mutex<HashMap<String, Arc<Regex>>>> = LazyLock::new(Mutex::default);
    let mut compiled = COMPILED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(regex) = compiled.get(source) {
        return Ok(regex.clone());
    }
    let regex = Arc::new(regex::bytes::RegexBuilder::new(source).unicode(false).build()?);
    compiled.insert(source.to_string(), regex.clone());
    Ok(regex)
}

/// Values predicates add to the message.
#[derive(Debug, Default)]
pub struct Outputs {
    pub how: Option<String>,
    pub name: Option<String>,
}

impl CompiledPredicate {
    pub fn capture(&self) -> Option<u32> {
        self.capture
    }

    /// A `#match?` / `#not-match?`: it holds when every node of its capture matches (or none
    /// does), as in tree-sitter; no node at all (an optional capture) holds too.
    pub fn is_text_match(&self) -> bool {
        matches!(self.op, Op::TextMatch | Op::NotTextMatch)
    }

    /// Evaluate a text match against every node of its capture.
    pub fn holds_for_all<'t>(&self, mut nodes: impl Iterator<Item = Node<'t>>, ctx: &FileContext<'t>) -> bool {
        let Some(regex) = self.regex.as_ref() else { return false };
        let positive = self.op == Op::TextMatch;
        nodes.all(|node| regex.is_match(ctx.text(node).as_bytes()) == positive)
    }

    /// The source kind a `#tainted?` names (its second argument), if any.
    pub fn source_kind(&self) -> Option<&str> {
        (self.op == Op::Tainted).then(|| self.args.get(1).map(String::as_str)).flatten()
    }

    /// Evaluate against the node captured (None when the capture did not match: the predicate fails).
    pub fn holds<'t>(&self, node: Option<Node<'t>>, ctx: &FileContext<'t>, out: &mut Outputs) -> bool {
        let regex = || self.regex.as_ref().expect("compiled with a regex");
        if let Op::FileMentions | Op::NoFileMentions = self.op {
            let found = ctx.node_text_matches(ctx.root, regex());
            return found == (self.op == Op::FileMentions);
        }
        if let Op::PathMatches | Op::NotPathMatches = self.op {
            let path = ctx.path.to_string_lossy().replace('\\', "/");
            return regex().is_match(path.as_bytes()) == (self.op == Op::PathMatches);
        }
        let Some(node) = node else { return false };
        match self.op {
            Op::Tainted => {
                let class = self.args.first().map(String::as_str).unwrap_or("any");
                let kind = self.source_kind().unwrap_or(super::dataflow::REQUEST_KIND);
                ctx.is_tainted(node, super::dataflow::Flow { kind, class })
            }
            Op::StringBuilt => match ctx.string_build(node) {
                Some(how) => {
                    out.how = Some(how.describe().to_string());
                    true
                }
                None => false,
            },
            Op::Constant => ctx.is_constant(node),
            Op::NotConstant => !ctx.is_constant(node),
            Op::ResolvesTo | Op::NotResolvesTo => {
                // Cheap rejection before resolving. An import alias replaces only the head of a
                // plain dotted name, so the last segment can change only when the head is the whole
                // name (`from os import system as sh`), and the resolved head is the alias's head.
                let callee = ctx.language.semantics().callee(node).unwrap_or(node);
                let written = ctx.text(callee).trim();
                let head = raw_first_segment(written);
                let alias = ctx.imports.get(head);
                if let Some(lasts) = &self.last_segments {
                    let last = super::query_keys::last_segment(written);
                    let plain = written.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | ':'));
                    let alias_can_change_last = alias.is_some() && (!plain || head.len() == written.len());
                    if !lasts.contains(last) && !alias_can_change_last {
                        return self.op == Op::NotResolvesTo;
                    }
                }
                if let Some(firsts) = &self.first_segments {
                    let resolved_head = alias.map_or(head, |full| raw_first_segment(full));
                    if !firsts.contains(resolved_head) {
                        return self.op == Op::NotResolvesTo;
                    }
                }
                let resolved = ctx.resolved_name(node);
                let hit = resolved.as_deref().is_some_and(|r| self.args.iter().any(|g| super::semantics::glob_match(g, r)));
                if hit && self.op == Op::ResolvesTo {
                    out.name = resolved;
                }
                hit == (self.op == Op::ResolvesTo)
            }
            Op::Kwarg | Op::NoKwarg => {
                let found = keyword_value(node, &self.args[0], ctx).is_some_and(|v| self.regex.as_ref().is_none_or(|r| r.is_match(ctx.text(v).as_bytes())));
                found == (self.op == Op::Kwarg)
            }
            Op::InFunction | Op::NotInFunction => {
                let name = ctx.enclosing_function(node).and_then(|f| ctx.language.semantics().scope_name(f, ctx.src));
                let hit = name.is_some_and(|n| regex().is_match(n.as_bytes()));
                hit == (self.op == Op::InFunction)
            }
            Op::NotTest => !ctx.language.semantics().is_test_code(node, ctx.src, ctx.path),
            Op::NumberBelow => {
                let value = ctx.language.semantics().unwrap_value(node, ctx.src);
                parse_int(ctx.text(value)).is_some_and(|n| n < self.number.unwrap_or(0))
            }
            Op::ReturnsOnly => returns_only(node, ctx).is_some_and(|v| regex().is_match(ctx.text(v).trim().as_bytes())),
            Op::ChainHas | Op::NoChainHas => {
                let hit = chain_calls(node, ctx).into_iter().any(|(method, args)| {
                    method == self.args[0] && self.regex.as_ref().is_none_or(|r| args.is_some_and(|a| r.is_match(strip_parens(ctx.text(a)).as_bytes())))
                });
                hit == (self.op == Op::ChainHas)
            }
            Op::ScopeMentions | Op::NoScopeMentions => {
                let scope = ctx.scope_of(node);
                let hit = ctx.node_text_matches(scope, regex());
                hit == (self.op == Op::ScopeMentions)
            }
            Op::Sanitized | Op::NotSanitized => {
                let hit = constant_or_sanitized(node, &self.args[0], ctx, 0);
                hit == (self.op == Op::Sanitized)
            }
            Op::CreatedBy | Op::NotCreatedBy => {
                let hit = created_by(node, &self.args, ctx, 0);
                hit == (self.op == Op::CreatedBy)
            }
            Op::Commented | Op::NotCommented => {
                let hit = commented(node, regex(), ctx);
                hit == (self.op == Op::Commented)
            }
            Op::Inside | Op::NotInside => {
                let hit = inside(node, regex(), ctx);
                hit == (self.op == Op::Inside)
            }
            Op::AssignedTo | Op::NotAssignedTo => {
                let hit = assigned_name(node).is_some_and(|n| regex().is_match(ctx.text(n).as_bytes()));
                hit == (self.op == Op::AssignedTo)
            }
            Op::ValueMatches | Op::NotValueMatches => {
                let hit = value_matches(node, regex(), ctx, 0);
                hit == (self.op == Op::ValueMatches)
            }
            // One node: `holds_for_all` is the full rule.
            Op::TextMatch | Op::NotTextMatch => self.holds_for_all(std::iter::once(node), ctx),
            Op::FileMentions | Op::NoFileMentions | Op::PathMatches | Op::NotPathMatches => unreachable!("handled above"),
        }
    }
}

/// How far `#sanitized?` and `#created-by?` follow `a = b; b = c` chains.
const MAX_VALUE_DEPTH: usize = 6;

/// A call that makes its input safe for sink `class` (`_dataflow.toml` `[sanitizers]`, plus `all`).
fn is_sanitizer_call(node: Node, class: &str, ctx: &FileContext) -> bool {
    let Some(resolved) = ctx.language.semantics().callee(node).and_then(|_| ctx.resolved_name(node)) else { return false };
    let last = super::query_keys::last_segment(&resolved);
    ["all", class]
        .iter()
        .filter_map(|c| ctx.dataflow.sanitizers.get(*c))
        .flatten()
        .any(|s| glob_match(s, &resolved) || s == last)
}

/// Deployment configuration rather than data: a value read from the process environment
/// (`os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X")`) or the interpreter path
/// (`sys.executable`). Whoever sets these already controls the process.
fn is_environment_value(node: Node, ctx: &FileContext) -> bool {
    if ctx.language != super::language::Language::Python {
        return false;
    }
    let target = match node.kind() {
        "subscript" => node.child_by_field_name("value"),
        "call" => node.child_by_field_name("function"),
        "attribute" => Some(node),
        _ => None,
    };
    target.and_then(|t| ctx.resolved_name(t)).is_some_and(|r| {
        matches!(r.as_str(), "os.environ" | "os.environ.get" | "os.getenv" | "os.environb" | "os.environb.get" | "os.getenvb" | "sys.executable")
    })
}

/// `#sanitized?`: the value is constant data apart from parts passed through a sanitizer for
/// `class` (`f"ls {shlex.quote(p)}"`, `" ".join(shlex.quote(a) for a in args)`) or read from the
/// process environment, directly or through names bound in the same function.
fn constant_or_sanitized<'t>(node: Node<'t>, class: &str, ctx: &FileContext<'t>, depth: usize) -> bool {
    let sem = ctx.language.semantics();
    let node = sem.unwrap_value(node, ctx.src);
    if ctx.is_constant(node) || is_sanitizer_call(node, class, ctx) || is_environment_value(node, ctx) {
        return true;
    }
    if depth >= MAX_VALUE_DEPTH {
        return false;
    }
    let rec = |n: Node<'t>| constant_or_sanitized(n, class, ctx, depth + 1);
    let mut cursor = node.walk();
    match node.kind() {
        // The loop part of a comprehension spliced by `join` adds no text of its own.
        "for_in_clause" | "if_clause" => return true,
        "list" | "tuple" | "set" | "expression_list" | "parenthesized_expression" | "array" | "dictionary" => {
            return node.named_children(&mut cursor).all(rec);
        }
        // `"cp %(src)s" % {"src": shlex.quote(p)}`: only the value is spliced.
        "pair" => return node.child_by_field_name("value").is_some_and(rec),
        "generator_expression" | "list_comprehension" | "set_comprehension" => {
            return node.child_by_field_name("body").is_some_and(rec);
        }
        "conditional_expression" => {
            return [node.named_child(0), node.named_child(2)].into_iter().all(|b| b.is_some_and(rec));
        }
        _ => {}
    }
    if sem.string_build(node, ctx.src).is_some() {
        return sem.string_holes(node, ctx.src).into_iter().all(|hole| match hole {
            Hole::Expr(expr) => rec(expr),
            Hole::Name { name_start, name_end, at } => {
                let name = std::str::from_utf8(&ctx.src[name_start..name_end]).unwrap_or("");
                let values = ctx.values_of(name, at);
                !values.is_empty() && values.into_iter().all(rec)
            }
        });
    }
    if let Some(name) = sem.identifier(node, ctx.src) {
        let values = ctx.values_of(name, node);
        return !values.is_empty() && values.into_iter().all(|v| v.start_byte() != node.start_byte() && rec(v));
    }
    false
}

/// `#created-by?`: the value is the result of a call whose callee resolves to one of `globs`,
/// directly (`tarfile.open(p).extractall()`) or through a name bound in the same function
/// (`tar = tarfile.open(p)`, `with tarfile.open(p) as tar:`).
fn created_by<'t>(node: Node<'t>, globs: &[String], ctx: &FileContext<'t>, depth: usize) -> bool {
    let sem = ctx.language.semantics();
    let node = sem.unwrap_value(node, ctx.src);
    if let Some(callee) = sem.callee(node) {
        if ctx.resolved_name(node).is_some_and(|r| globs.iter().any(|g| glob_match(g, &r))) {
            return true;
        }
        // A factory in the same file: `executor = build_agent()` where `build_agent` returns
        // `AgentExecutor(...)`. Plain names only, not imported ones.
        let name = ctx.text(callee);
        if depth >= MAX_VALUE_DEPTH || ctx.imports.contains_key(name) || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
            return false;
        }
        return ctx.definitions_named(name).iter().any(|def| sem.return_values(*def).into_iter().any(|v| created_by(v, globs, ctx, depth + 1)));
    }
    if depth >= MAX_VALUE_DEPTH {
        return false;
    }
    if let Some(name) = sem.identifier(node, ctx.src) {
        return ctx
            .values_of(name, node)
            .into_iter()
            .any(|v| v.start_byte() != node.start_byte() && created_by(v, globs, ctx, depth + 1));
    }
    false
}

/// `#commented?`: a comment matching `regex` documents `node`. It counts when it opens the node's
/// own body (`unsafe { // SAFETY: … }`), or when it is in the run of comments and attributes
/// directly above the node or above one of its ancestors up to the statement or item, or trails
/// one of them on its last line. The climb stops at items and at the enclosing named function,
/// so a function's doc comment does not document the statements inside it.
fn commented(node: Node, regex: &Regex, ctx: &FileContext) -> bool {
    let is_comment = |n: Node| n.kind().ends_with("comment");
    let hit = |n: Node| is_comment(n) && regex.is_match(ctx.text(n).as_bytes());
    let body = node.child_by_field_name("body").or_else(|| {
        let last = node.named_child(node.named_child_count().checked_sub(1)?)?;
        matches!(last.kind(), "block" | "declaration_list").then_some(last)
    });
    if let Some(body) = body {
        let mut cursor = body.walk();
        for child in body.named_children(&mut cursor) {
            if !is_comment(child) {
                break;
            }
            if hit(child) {
                return true;
            }
        }
    }
    let sem = ctx.language.semantics();
    let mut current = node;
    loop {
        let mut prev = current.prev_named_sibling();
        while let Some(p) = prev.filter(|p| is_comment(*p) || matches!(p.kind(), "attribute_item" | "decorator")) {
            if hit(p) {
                return true;
            }
            prev = p.prev_named_sibling();
        }
        if let Some(next) = current.next_named_sibling() {
            if next.start_position().row == current.end_position().row && hit(next) {
                return true;
            }
        }
        let Some(parent) = current.parent() else { return false };
        if parent.parent().is_none() || parent.kind() == "declaration_list" || (sem.is_scope(parent) && sem.scope_name(parent, ctx.src).is_some()) {
            return false;
        }
        current = parent;
    }
}

/// `#inside?`: an ancestor of `node`, up to and including the enclosing named function, has a
/// node kind fully matching `regex` (`unsafe_block`, `closure_expression|lambda`).
fn inside(node: Node, regex: &Regex, ctx: &FileContext) -> bool {
    let sem = ctx.language.semantics();
    let mut current = node.parent();
    while let Some(n) = current {
        if regex.is_match(n.kind().as_bytes()) {
            return true;
        }
        if sem.is_scope(n) && sem.scope_name(n, ctx.src).is_some() {
            return false;
        }
        current = n.parent();
    }
    false
}

/// `#assigned-to?`: the name the value containing `node` receives in its statement: the target of
/// the nearest enclosing assignment (`token = "".join(random.choice(…) …)`, `self.key = …`,
/// `let iv = …`), keyword argument (`nonce=…`), parameter default, dict key or struct field.
/// None when `node` is inside the target itself or the statement names no such value.
fn assigned_name(node: Node) -> Option<Node> {
    let mut child = node;
    let mut current = node.parent();
    while let Some(parent) = current {
        let (name_field, value_field) = match parent.kind() {
            "assignment" | "augmented_assignment" | "assignment_expression" | "compound_assignment_expr" => ("left", "right"),
            "named_expression" | "keyword_argument" | "default_parameter" | "typed_default_parameter" => ("name", "value"),
            "const_item" | "static_item" => ("name", "value"),
            "pair" => ("key", "value"),
            "let_declaration" => ("pattern", "value"),
            "field_initializer" => ("field", "value"),
            "block" | "module" | "source_file" | "function_definition" | "function_item" | "class_definition" | "lambda"
            | "closure_expression" | "decorated_definition" => return None,
            _ => {
                child = parent;
                current = parent.parent();
                continue;
            }
        };
        return if parent.child_by_field_name(value_field) == Some(child) { parent.child_by_field_name(name_field) } else { None };
    }
    None
}

/// `#value-matches?`: the value's text fully matches, or that of a value a name is bound to in
/// the function or module (`origins = ["*"]` … `allow_origins=origins`), through `a = b` chains.
fn value_matches<'t>(node: Node<'t>, regex: &Regex, ctx: &FileContext<'t>, depth: usize) -> bool {
    let sem = ctx.language.semantics();
    let node = sem.unwrap_value(node, ctx.src);
    if regex.is_match(ctx.text(node).trim().as_bytes()) {
        return true;
    }
    if depth >= MAX_VALUE_DEPTH {
        return false;
    }
    let Some(name) = sem.identifier(node, ctx.src) else { return false };
    ctx.values_of(name, node).into_iter().any(|v| v.start_byte() != node.start_byte() && value_matches(v, regex, ctx, depth + 1))
}

/// `std::mem::transmute` → `std`; `os.path.join` → `os`; `Environment().from_string` → `Environment`.
fn raw_first_segment(name: &str) -> &str {
    name.split(['.', ':', '(', '<']).next().unwrap_or("").trim()
}


fn strip_parens(s: &str) -> &str {
    s.strip_prefix('(').and_then(|s| s.strip_suffix(')')).unwrap_or(s).trim()
}

fn parse_int(s: &str) -> Option<i64> {
    let s: String = s.chars().filter(|c| *c != '_').collect();
    let s = s.trim_end_matches(|c: char| c.is_ascii_alphabetic() && c != 'x');
    if let Some(hex) = s.strip_prefix("0x") {
        return i64::from_str_radix(hex, 16).ok();
    }
    s.parse().ok()
}

/// The value of keyword argument `name` in a call or argument list (Python).
fn keyword_value<'t>(node: Node<'t>, name: &str, ctx: &FileContext<'t>) -> Option<Node<'t>> {
    let args = if node.kind() == "call" { node.child_by_field_name("arguments")? } else { node };
    let mut cursor = args.walk();
    let found = args.named_children(&mut cursor).find(|arg| {
        arg.kind() == "keyword_argument" && arg.child_by_field_name("name").is_some_and(|n| ctx.text(n) == name)
    });
    found.and_then(|arg| arg.child_by_field_name("value"))
}

/// If a function body does nothing but return one value (ignoring docstrings, comments, `pass`
/// and logging), that value.
fn returns_only<'t>(body: Node<'t>, ctx: &FileContext<'t>) -> Option<Node<'t>> {
    let mut result = None;
    let mut cursor = body.walk();
    let children: Vec<Node<'t>> = body.named_children(&mut cursor).collect();
    let count = children.len();
    for (i, stmt) in children.into_iter().enumerate() {
        match stmt.kind() {
            "comment" | "line_comment" | "block_comment" | "pass_statement" | "empty_statement" | "attribute_item" => {}
            // Rust `let _ = (user, token);`: discards names to silence unused warnings, no effect.
            "let_declaration" if stmt.child_by_field_name("pattern").is_some_and(|p| ctx.text(p) == "_")
                && stmt.child_by_field_name("value").is_some_and(|v| only_names(v)) => {}
            "expression_statement" => {
                let inner = stmt.named_child(0)?;
                let is_docstring = inner.kind() == "string";
                let is_log = is_logging_call(inner, ctx);
                if is_docstring || is_log {
                    continue;
                }
                // Rust: `Ok(())` as a statement with `;` is not a tail value; `return x;` is.
                if inner.kind() == "return_expression" {
                    result = Some(inner.named_child(0)?);
                    continue;
                }
                return None;
            }
            "return_statement" => result = Some(stmt.named_child(0)?),
            // Rust tail expression: the last named child of the block.
            _ if i + 1 == count && ctx.language == super::language::Language::Rust => {
                if stmt.kind() == "return_expression" {
                    result = Some(stmt.named_child(0)?);
                } else if is_logging_call(stmt, ctx) {
                    continue;
                } else {
                    result = Some(stmt);
                }
            }
            _ => return None,
        }
        if result.is_some() && i + 1 < count {
            // Statements after an unconditional return are unreachable; still "returns only".
            break;
        }
    }
    result
}

/// An expression made only of names (`x`, `&x`, `(a, b)`): evaluating it does nothing.
fn only_names(node: Node) -> bool {
    match node.kind() {
        "identifier" | "self" => true,
        "tuple_expression" | "reference_expression" | "parenthesized_expression" => {
            let mut cursor = node.walk();
            let all = node.named_children(&mut cursor).all(only_names);
            all
        }
        _ => false,
    }
}

fn is_logging_call(node: Node, ctx: &FileContext) -> bool {
    let sem = ctx.language.semantics();
    let Some(callee) = sem.callee(node) else { return false };
    let name = ctx.text(callee);
    let last = name.rsplit(['.', ':']).next().unwrap_or(name);
    matches!(
        last,
        "print" | "println" | "eprintln" | "debug" | "info" | "warn" | "warning" | "error" | "trace" | "log" | "dbg"
    )
}

/// Method calls along a builder chain containing `node`: (method name, argument list).
fn chain_calls<'t>(node: Node<'t>, ctx: &FileContext<'t>) -> Vec<(&'t str, Option<Node<'t>>)> {
    let (call_kind, access_kind, object_field, name_field) = match ctx.language {
        super::language::Language::Python => ("call", "attribute", "object", "attribute"),
        super::language::Language::Rust => ("call_expression", "field_expression", "value", "field"),
    };
    // Climb to the outermost call of the chain.
    let mut top = node;
    while let Some(parent) = top.parent() {
        let grand = parent.parent();
        if parent.kind() == access_kind && grand.is_some_and(|g| g.kind() == call_kind) {
            top = grand.unwrap();
        } else if parent.kind() == "try_expression" || parent.kind() == "await_expression" {
            top = parent;
        } else {
            break;
        }
    }
    let mut out = Vec::new();
    let mut current = Some(top);
    while let Some(n) = current {
        current = None;
        let n = if matches!(n.kind(), "try_expression" | "await_expression") { n.named_child(0).unwrap_or(n) } else { n };
        if n.kind() == call_kind {
            let func = n.child_by_field_name("function");
            let args = n.child_by_field_name("arguments");
            if let Some(f) = func {
                if f.kind() == access_kind {
                    if let Some(name) = f.child_by_field_name(name_field) {
                        out.push((ctx.text(name), args));
                    }
                    current = f.child_by_field_name(object_field);
                } else {
                    let name = ctx.text(f);
                    out.push((name.rsplit(['.', ':']).next().unwrap_or(name), args));
                }
            }
        } else if n.kind() == access_kind {
            current = n.child_by_field_name(object_field);
        }
    }
    out
}
