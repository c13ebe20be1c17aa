//! Runs a language's rules over a tree: one full pass of the combined query for patterns that
//! can start anywhere, and the call patterns keyed by callee name only on matching calls (see
//! `query_keys`). Filters matches through assay's predicates and turns the survivors into
//! findings (one per problem).

use std::collections::HashSet;

use streaming_iterator::StreamingIterator;
use tree_sitter::{Node, QueryCursor, QueryMatch, Tree};

use super::catalog::{Catalog, CompiledLanguage, QueryPart};
use super::query_keys;
use super::context::FileContext;
use super::finding::{Edit, Finding, Fix, SecretSpan, TextRange};
use super::predicates::Outputs;
use super::rules::Rule;
use super::ScanSettings;

thread_local! {
    static CURSOR: std::cell::RefCell<QueryCursor> = std::cell::RefCell::new(QueryCursor::new());
}

/// Longest capture text quoted in a message.
const MAX_QUOTE: usize = 60;

/// A literal a query rule marked `@secret`: the rule, the finding's byte range, the literal.
pub type QuerySecret = (String, (usize, usize), SecretSpan);

/// What one run of the rules found, split by where the patterns look: `local` findings come from
/// patterns that start inside a function (the keyed call patterns and `local_pass`), `file` ones
/// from patterns that look across functions (`file_pass`). Neither is deduplicated yet.
#[derive(Default)]
pub struct QueryFindings {
    pub local: Vec<Finding>,
    pub local_secrets: Vec<QuerySecret>,
    /// File-pass findings and secrets, each with the byte range of the node its pattern
    /// started at (its anchor: the module, a class, a decorated definition).
    pub file: Vec<(Anchor, Finding)>,
    pub file_secrets: Vec<(Anchor, QuerySecret)>,
    /// The anchors the file pass ran at.
    pub anchors_run: Vec<Anchor>,
}

/// The byte range of the node a file-pass pattern started at.
pub type Anchor = (usize, usize);

/// Run the language's rules. `secrets` are spans already known to be secret: quoted captures
/// mask them. With `units`, the local patterns run only inside those nodes, and the file-pass
/// patterns only at the module and the containers around them (an incremental rescan).
pub fn run_queries<'t>(
    catalog: &Catalog,
    tree: &'t Tree,
    ctx: &FileContext<'t>,
    settings: &ScanSettings,
    secrets: &[SecretSpan],
    units: Option<&[Node<'t>]>,
) -> Result<QueryFindings, String> {
    let compiled = catalog.compiled(ctx.language)?;
    let root = tree.root_node();
    let whole = [root];
    let scopes: &[Node<'t>] = units.unwrap_or(&whole);
    let mut local = Collector::new(catalog, ctx, settings, secrets);
    let mut file = Collector::new(catalog, ctx, settings, secrets);
    let (mut file_tags, mut secret_tags, mut anchors_run) = (Vec::new(), Vec::new(), Vec::new());
    CURSOR.with(|cursor| {
        let mut cursor = cursor.borrow_mut();
        // Matches of one part starting at `node`; with `anchored`, only at `node` itself.
        let mut run = |collector: &mut Collector<'_, 't>, part: &QueryPart, node: Node<'t>, anchored: bool| {
            cursor.set_max_start_depth(anchored.then_some(0));
            let mut matches = cursor.matches(&part.query, node, ctx.src);
            while let Some(m) = matches.next() {
                collector.process(part, m);
            }
        };
        let mut run_file_pass = |node: Node<'t>, anchored: bool| {
            let (findings, secrets) = (file.findings.len(), file.query_secrets.len());
            run(&mut file, &compiled.file_pass, node, anchored);
            let anchor = (node.start_byte(), node.end_byte());
            file_tags.extend(std::iter::repeat_n(anchor, file.findings.len() - findings));
            secret_tags.extend(std::iter::repeat_n(anchor, file.query_secrets.len() - secrets));
            anchors_run.push(anchor);
        };
        match &compiled.file_roots {
            // Patterns rooted at the module, classes and decorated definitions start only at
            // such nodes: anchor there instead of walking every expression. After an edit, only
            // at the module and the containers around the re-run functions.
            Some(roots) => {
                let anchors = match units {
                    // The containers around the re-run functions and those inside them (a
                    // `while` loop in a function body).
                    Some(units) => {
                        let mut anchors = containers_around(units, root);
                        anchors.extend(units.iter().flat_map(|u| nesting_nodes(ctx.language, *u)));
                        anchors
                    }
                    None => nesting_nodes(ctx.language, root),
                };
                for node in anchors.into_iter().filter(|n| roots.iter().any(|k| k == n.kind())) {
                    run_file_pass(node, true);
                }
            }
            None => run_file_pass(root, false),
        }
        for &scope in scopes {
            run(&mut local, &compiled.local_pass, scope, false);
        }
        // Only calls whose callee name some keyed rule asks for, each matched on its own with
        // just those rules' queries.
        for &scope in scopes {
            for (node, parts) in keyed_candidates(compiled, ctx, scope) {
                for part in parts.into_iter().map(|i| &compiled.keyed[i]) {
                    run(&mut local, part, node, true);
                }
            }
        }
    });
    Ok(QueryFindings {
        local: local.findings,
        local_secrets: local.query_secrets,
        file: file_tags.into_iter().zip(file.findings).collect(),
        file_secrets: secret_tags.into_iter().zip(file.query_secrets).collect(),
        anchors_run,
    })
}

/// The statement skeleton of a file: every node of a `nesting_kinds` kind reachable through
/// such nodes (the module, classes, function definitions, compound statements, blocks).
fn nesting_nodes<'t>(language: super::language::Language, root: Node<'t>) -> Vec<Node<'t>> {
    let kinds = language.nesting_kinds();
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        out.push(node);
        let mut cursor = node.walk();
        stack.extend(node.named_children(&mut cursor).filter(|c| kinds.contains(&c.kind())));
    }
    out
}

/// The root and every ancestor of the units, each once.
fn containers_around<'t>(units: &[Node<'t>], root: Node<'t>) -> Vec<Node<'t>> {
    let mut out = vec![root];
    for unit in units {
        let mut above = unit.parent();
        while let Some(node) = above {
            if !out.contains(&node) {
                out.push(node);
            }
            above = node.parent();
        }
    }
    out
}

/// Call nodes whose callee's last name segment (as written, or through an import alias) keys
/// some rule, with the indices of those rules' keyed queries.
fn keyed_candidates<'t>(compiled: &CompiledLanguage, ctx: &FileContext<'t>, root: Node<'t>) -> Vec<(Node<'t>, Vec<usize>)> {
    let mut out = Vec::new();
    let mut cursor = root.walk();
    let mut descend = true;
    loop {
        if descend {
            let node = cursor.node();
            let kind = node.kind();
            if compiled.keyed_roots.iter().any(|k| k == kind) {
                let callee = node.child_by_field_name("function").or_else(|| node.child_by_field_name("macro"));
                if let Some(callee) = callee {
                    let written = ctx.text(callee);
                    let mut allowed: Vec<usize> = Vec::new();
                    let mut add = |patterns: Option<&Vec<usize>>| {
                        for p in patterns.into_iter().flatten() {
                            if !allowed.contains(p) {
                                allowed.push(*p);
                            }
                        }
                    };
                    add(compiled.keys.get(query_keys::last_segment(written)));
                    let head = query_keys::first_segment(written);
                    add(compiled.head_keys.get(head));
                    if let Some(full) = ctx.imports.get(head) {
                        // Through an import alias: `sp.run` is `subprocess.run`, `sh` is `os.system`.
                        add(compiled.head_keys.get(query_keys::first_segment(full)));
                        let resolved = ctx.resolve(written.split("::<").next().unwrap_or(written));
                        add(compiled.keys.get(query_keys::last_segment(&resolved)));
                    }
                    if !allowed.is_empty() {
                        out.push((node, allowed));
                    }
                }
            }
        }
        if (descend && cursor.goto_first_child()) || cursor.goto_next_sibling() {
            descend = true;
        } else if cursor.goto_parent() {
            descend = false;
        } else {
            break;
        }
    }
    out
}

/// Turns matches into findings, once per (rule, range).
struct Collector<'c, 't> {
    catalog: &'c Catalog,
    ctx: &'c FileContext<'t>,
    settings: &'c ScanSettings,
    findings: Vec<Finding>,
    seen: HashSet<(usize, usize, usize)>,
    /// Known secret spans, masked in quoted captures.
    secrets: &'c [SecretSpan],
    query_secrets: Vec<QuerySecret>,
}

impl<'c, 't> Collector<'c, 't> {
    fn new(catalog: &'c Catalog, ctx: &'c FileContext<'t>, settings: &'c ScanSettings, secrets: &'c [SecretSpan]) -> Self {
        Collector { catalog, ctx, settings, findings: Vec::new(), seen: HashSet::new(), secrets, query_secrets: Vec::new() }
    }

    fn process(&mut self, part: &QueryPart, m: &QueryMatch<'_, 't>) {
        let (catalog, ctx, settings) = (self.catalog, self.ctx, self.settings);
        let rule_index = part.pattern_rule[m.pattern_index];
        let rule = &catalog.rules()[rule_index];
        if settings.disabled.contains(rule.id()) {
            return;
        }
        let names = part.query.capture_names();
        let capture = |index: u32| m.captures.iter().find(|c| c.index == index).map(|c| c.node);
        let Some(target) = part.match_capture.and_then(capture) else { return };
        let key = (rule_index, target.start_byte(), target.end_byte());
        if self.seen.contains(&key) {
            return;
        }
        let mut outputs = Outputs::default();
        let holds = part.pattern_predicates[m.pattern_index].iter().all(|p| {
            if p.is_text_match() {
                p.holds_for_all(m.captures.iter().filter(|c| Some(c.index) == p.capture()).map(|c| c.node), ctx)
            } else {
                p.holds(p.capture().and_then(capture), ctx, &mut outputs)
            }
        });
        if !holds {
            return;
        }
        self.seen.insert(key);
        let mut masked: Vec<SecretSpan> = self.secrets.to_vec();
        if let Some(node) = part.query.capture_index_for_name(super::secrets::SECRET_CAPTURE).and_then(capture) {
            let (start, end) = super::secrets::source::literal_span(ctx.language, node, ctx.src);
            let span = SecretSpan { start_byte: start, end_byte: end, visible: 0 };
            self.query_secrets.push((rule.id().to_string(), (target.start_byte(), target.end_byte()), span));
            masked.push(span);
        }
        let source = std::str::from_utf8(ctx.src).unwrap_or("");
        let quote = |name: &str| -> Option<String> {
            match name {
                "how" => outputs.how.clone(),
                "name" => outputs.name.clone(),
                _ => names.iter().position(|n| *n == name).and_then(|i| capture(i as u32)).map(|n| {
                    if !source.is_empty() && masked.iter().any(|s| s.start_byte < n.end_byte() && n.start_byte() < s.end_byte) {
                        quote_text(&super::secrets::mask_range(source, n.start_byte(), n.end_byte(), &masked))
                    } else {
                        quote_text(ctx.text(n))
                    }
                }),
            }
        };
        let message = fill_template(&rule.meta.message, &quote);
        let fix = rule.meta.fix.as_ref().and_then(|template| {
            let index = names.iter().position(|n| *n == template.capture)?;
            let node = capture(index as u32)?;
            let raw = |name: &str| names.iter().position(|n| *n == name).and_then(|i| capture(i as u32)).map(|n| ctx.text(n).to_string());
            Some(Fix {
                description: template.description.clone(),
                safe: template.safe,
                edits: vec![Edit { start_byte: node.start_byte(), end_byte: node.end_byte(), replacement: fill_template(&template.replacement, &raw) }],
            })
        });
        self.findings.push(new_finding(rule, target, message, fix, settings));
    }
}

fn new_finding(rule: &Rule, target: Node, message: String, fix: Option<Fix>, settings: &ScanSettings) -> Finding {
    Finding {
        rule_id: rule.id().to_string(),
        severity: settings.severity_overrides.get(rule.id()).copied().unwrap_or(rule.meta.severity),
        message,
        range: TextRange::from_node(target),
        fix,
        suppression: None,
        cell: None,
    }
}

/// One line, collapsed whitespace, truncated: safe to put in a one-line message.
fn quote_text(text: &str) -> String {
    let collapsed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() > MAX_QUOTE {
        let cut: String = collapsed.chars().take(MAX_QUOTE - 1).collect();
        format!("{cut}…")
    } else {
        collapsed
    }
}

/// Replace `{name}` with `lookup(name)`; unknown names are left as written.
pub fn fill_template(template: &str, lookup: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) if after[..close].chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit()) && close > 0 => {
                match lookup(&after[..close]) {
                    Some(v) => out.push_str(&v),
                    None => out.push_str(&rest[open..open + close + 2]),
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// When several rules report the same range, keep the most specific; a rule that `supersedes`
/// another removes that rule's findings wherever the two overlap.
pub fn one_finding_per_problem(catalog: &Catalog, mut findings: Vec<Finding>) -> Vec<Finding> {
    let specificity = |f: &Finding| catalog.get(&f.rule_id).map_or(0, |r| r.meta.specificity);
    findings.sort_by(|a, b| {
        (a.range.start_byte, a.range.end_byte)
            .cmp(&(b.range.start_byte, b.range.end_byte))
            .then(specificity(b).cmp(&specificity(a)))
            .then(b.severity.cmp(&a.severity))
            .then(a.rule_id.cmp(&b.rule_id))
    });
    findings.dedup_by(|later, kept| later.range.start_byte == kept.range.start_byte && later.range.end_byte == kept.range.end_byte);
    // Few rules supersede others: look around their findings only (sorted by start).
    let mut superseded = vec![false; findings.len()];
    for other in &findings {
        let Some(rule) = catalog.get(&other.rule_id).filter(|r| !r.meta.supersedes.is_empty()) else { continue };
        let candidates = findings.iter().enumerate().take_while(|(_, f)| f.range.start_byte <= other.range.end_byte);
        for (i, f) in candidates {
            if other.range.overlaps(&f.range) && rule.meta.supersedes.contains(&f.rule_id) {
                superseded[i] = true;
            }
        }
    }
    findings.into_iter().zip(superseded).filter(|(_, s)| !s).map(|(f, _)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_fills_known_names_and_keeps_others() {
        let lookup = |n: &str| (n == "x").then(|| "VALUE".to_string());
        assert_eq!(fill_template("a {x} b {y} {", &lookup), "a VALUE b {y} {");
        assert_eq!(fill_template("{not a name}", &lookup), "{not a name}");
    }

    #[test]
    fn quotes_are_one_line_and_short() {
        assert_eq!(quote_text("a\n   b"), "a b");
        assert_eq!(quote_text(&"x".repeat(100)).chars().count(), MAX_QUOTE);
    }
}
