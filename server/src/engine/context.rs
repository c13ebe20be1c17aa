//! Facts about one parsed file, computed lazily and cached while its matches are filtered.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use tree_sitter::Node;

use super::dataflow::{self, DataflowConfig, Flow, ScopeTaint};
use super::language::Language;
use super::semantics::{identifier_occurrences, text, Binding, Hole, StringBuild};

/// How deep name resolution follows `a = b; b = c` chains before giving up.
const MAX_RESOLVE_DEPTH: usize = 6;

/// Regex source → (the regex, a match of it in the file, if any).
pub type FileSearches = HashMap<String, (regex::bytes::Regex, Option<(usize, usize)>)>;

pub struct FileContext<'t> {
    pub language: Language,
    pub src: &'t [u8],
    pub root: Node<'t>,
    pub path: &'t Path,
    pub imports: HashMap<String, String>,
    pub dataflow: &'t DataflowConfig,
    bindings: RefCell<HashMap<usize, Rc<Vec<Binding<'t>>>>>,
    /// Keyed by (scope start, source kind, sink class).
    taint: RefCell<HashMap<(usize, String, String), Rc<ScopeTaint>>>,
    /// Per source kind: does the file import a module that makes its `imported_sources` count?
    source_gates: RefCell<HashMap<String, bool>>,
    /// Regex searches over a scope, keyed by (scope start, regex address).
    text_searches: RefCell<HashMap<(usize, usize), bool>>,
    /// Regex searches over the whole file.
    file_searches: RefCell<FileSearches>,
    /// Same-file function definitions by name, found on demand.
    definitions: RefCell<HashMap<String, Rc<Vec<Node<'t>>>>>,
    /// Same-file calls by the last segment of their callee, found on demand.
    calls: RefCell<HashMap<String, Rc<Vec<Node<'t>>>>>,
    /// (scope start, kind, class) triples whose taint is being computed: breaks recursion
    /// through call-site and return summaries.
    in_progress: RefCell<Vec<(usize, String, String)>>,
}

/// How many caller or callee hops same-file summaries follow.
const MAX_SUMMARY_DEPTH: usize = 3;

/// How many levels above a name a call's callee can start (`x.f::<T>(..)`: field, generic, call).
const MAX_CALLEE_DEPTH: usize = 6;

impl<'t> FileContext<'t> {
    pub fn new(language: Language, src: &'t [u8], root: Node<'t>, path: &'t Path, dataflow: &'t DataflowConfig) -> Self {
        let imports = language.semantics().imports(root, src);
        Self::with_imports(language, src, root, path, dataflow, imports)
    }

    /// A context whose imports the caller already knows (an edit that cannot have changed them).
    pub fn with_imports(language: Language, src: &'t [u8], root: Node<'t>, path: &'t Path, dataflow: &'t DataflowConfig, imports: HashMap<String, String>) -> Self {
        FileContext {
            language,
            src,
            root,
            path,
            imports,
            dataflow,
            bindings: RefCell::default(),
            taint: RefCell::default(),
            source_gates: RefCell::default(),
            text_searches: RefCell::default(),
            file_searches: RefCell::default(),
            definitions: RefCell::default(),
            calls: RefCell::default(),
            in_progress: RefCell::default(),
        }
    }

    /// The functions defined in this file under `name`. Found from the name's occurrences in
    /// the text rather than by walking the tree: an edit's rescan asks about a few names, and a
    /// whole-tree walk per keystroke costs milliseconds in a large file.
    pub fn definitions_named(&self, name: &str) -> Rc<Vec<Node<'t>>> {
        let sem = self.language.semantics();
        self.nodes_named(&self.definitions, name, |ident| {
            let scope = ident.parent()?;
            (sem.is_scope(scope) && scope != self.root && scope.child_by_field_name("name") == Some(ident)).then_some(scope)
        })
    }

    /// The calls in this file whose callee's last segment is `name` (`f(..)`, `self.f(..)`,
    /// `Self::f(..)`, `f!(..)`).
    pub fn calls_named(&self, name: &str) -> Rc<Vec<Node<'t>>> {
        let sem = self.language.semantics();
        self.nodes_named(&self.calls, name, |ident| {
            // The innermost call whose callee holds this occurrence (a callee is at most a few
            // nodes deep: `a.b.f`, `Self::f`, `x.f::<T>`).
            let mut above = ident.parent();
            for _ in 0..MAX_CALLEE_DEPTH {
                let node = above?;
                if let Some(callee) = sem.callee(node) {
                    if callee.start_byte() <= ident.start_byte() && ident.end_byte() <= callee.end_byte() {
                        let written = self.text(callee);
                        let last = written.rsplit(['.', ':']).next().unwrap_or(written).trim();
                        return (last == name).then_some(node);
                    }
                }
                above = node.parent();
            }
            None
        })
    }

    /// The nodes `pick` makes of the whole-word occurrences of `name` in the text, cached in
    /// `cache` by name.
    fn nodes_named(&self, cache: &RefCell<HashMap<String, Rc<Vec<Node<'t>>>>>, name: &str, pick: impl Fn(Node<'t>) -> Option<Node<'t>>) -> Rc<Vec<Node<'t>>> {
        if let Some(found) = cache.borrow().get(name) {
            return found.clone();
        }
        let found: Rc<Vec<Node<'t>>> = Rc::new(
            identifier_occurrences(self.src, name).filter_map(|at| self.root.descendant_for_byte_range(at, at + name.len())).filter_map(pick).collect(),
        );
        cache.borrow_mut().insert(name.to_string(), found.clone());
        found
    }

    /// Can this file hold a source of `kind` at all (its text mentions one)? Request data can
    /// always come in through handler parameters.
    fn source_kind_may_occur(&self, kind: &str) -> bool {
        if kind == dataflow::REQUEST_KIND {
            return true;
        }
        let key = format!("present:{kind}");
        if let Some(present) = self.source_gates.borrow().get(&key) {
            return *present;
        }
        let text = std::str::from_utf8(self.src).unwrap_or("");
        let present = self.dataflow.kinds.get(kind).is_some_and(|k| k.may_occur_in(text)) || self.source_gate_open(kind);
        self.source_gates.borrow_mut().insert(key, present);
        present
    }

    /// Does this file import a module that makes source kind `kind`'s `imported_sources` count
    /// (`*.invoke` is model output only where LangChain is imported)?
    pub fn source_gate_open(&self, kind: &str) -> bool {
        if let Some(open) = self.source_gates.borrow().get(kind) {
            return *open;
        }
        let open = self.dataflow.kinds.get(kind).is_some_and(|k| {
            !k.imported_sources.is_empty()
                && self.imports.values().any(|full| k.imports.iter().any(|g| super::semantics::glob_match(g, full)))
        });
        self.source_gates.borrow_mut().insert(kind.to_string(), open);
        open
    }

    /// Run `f` unless the same (scope, flow) is already being computed deeper in the stack, or
    /// the stack is too deep; then the summary contributes nothing.
    pub fn guarded<R: Default>(&self, scope: Node<'t>, flow: Flow, f: impl FnOnce() -> R) -> R {
        let key = (scope.start_byte(), flow.kind.to_string(), flow.class.to_string());
        {
            let stack = self.in_progress.borrow();
            if stack.len() > MAX_SUMMARY_DEPTH || stack.contains(&key) {
                return R::default();
            }
        }
        self.in_progress.borrow_mut().push(key);
        let result = f();
        self.in_progress.borrow_mut().pop();
        result
    }

    /// Parameters of `scope` that some call in this file passes tainted data to.
    pub fn params_tainted_by_callers(&self, scope: Node<'t>, flow: Flow) -> Vec<String> {
        let sem = self.language.semantics();
        let Some(name) = sem.scope_name(scope, self.src) else { return Vec::new() };
        let params = sem.param_names(scope, self.src);
        if params.is_empty() {
            return Vec::new();
        }
        let calls = self.calls_named(name);
        let receiver = sem.has_receiver(scope, self.src);
        let mut out = Vec::new();
        for call in calls.iter() {
            let caller = self.scope_of(*call);
            if caller == scope {
                continue;
            }
            // Only calls that can reach this definition: a method through `self.`/`cls.`/`Self::`,
            // a function by its bare name. `self.client.get(...)` is not our `def get`.
            let written = sem.callee(*call).map(|c| self.text(c)).unwrap_or("");
            let head = written.rsplit_once(['.', ':']).map(|(h, _)| h.trim_end_matches(':'));
            let reaches = match head {
                None => !receiver,
                Some(h) => receiver && matches!(h, "self" | "cls" | "Self"),
            };
            if !reaches {
                continue;
            }
            // `self.f(x)` / `obj.f(x)` skip the receiver parameter; `Self::f(self, x)` does not.
            let via_attribute = sem.callee(*call).is_some_and(|c| matches!(c.kind(), "attribute" | "field_expression"));
            let offset = usize::from(receiver && via_attribute);
            for (position, (keyword, value)) in sem.call_arguments(*call, self.src).into_iter().enumerate() {
                let param = match keyword {
                    Some(k) => params.iter().find(|p| **p == k).cloned(),
                    None => params.get(position + offset).cloned(),
                };
                let Some(param) = param else { continue };
                if !out.contains(&param) && self.guarded(caller, flow, || self.is_tainted(value, flow)) {
                    out.push(param);
                }
            }
        }
        out
    }

    /// Does calling this same-file function return tainted data (for the flow)?
    pub fn call_returns_tainted(&self, call: Node<'t>, flow: Flow) -> bool {
        let sem = self.language.semantics();
        let Some(callee) = sem.callee(call) else { return false };
        let name = self.text(callee);
        // Only plain names and `self.`/`Self::` methods: `requests.get` is not ours.
        let last = match name.rsplit_once(['.', ':']) {
            None => name,
            Some((head, last)) if matches!(head.trim_end_matches(':'), "self" | "Self" | "cls") => last,
            Some(_) => return false,
        };
        if self.imports.contains_key(last) {
            return false;
        }
        self.definitions_named(last).iter().any(|def| {
            self.guarded(*def, flow, || {
                let facts = self.scope_taint(*def, flow);
                !facts.guarded && sem.return_values(*def).into_iter().any(|v| dataflow::expr_tainted(self, v, &facts.tainted, flow))
            })
        })
    }

    /// Does `regex` match the text of `node`? Cached: rules ask this about the same scope or
    /// file for every match in it.
    pub fn node_text_matches(&self, node: Node<'t>, regex: &regex::bytes::Regex) -> bool {
        if node == self.root {
            return self.file_search(regex).is_some();
        }
        let key = (node.start_byte(), regex as *const regex::bytes::Regex as usize);
        if let Some(hit) = self.text_searches.borrow().get(&key) {
            return *hit;
        }
        let hit = regex.is_match(self.text(node).as_bytes());
        self.text_searches.borrow_mut().insert(key, hit);
        hit
    }

    /// A match of `regex` in the whole file (the first, unless seeded), cached by the regex's
    /// source.
    pub fn file_search(&self, regex: &regex::bytes::Regex) -> Option<(usize, usize)> {
        if let Some((_, hit)) = self.file_searches.borrow().get(regex.as_str()) {
            return *hit;
        }
        let hit = regex.find(self.text(self.root).as_bytes()).map(|m| (m.start(), m.end()));
        self.seed_file_search(regex, hit);
        hit
    }

    /// The whole-file searches made so far: regex source → (regex, a match).
    pub fn file_searches(&self) -> FileSearches {
        self.file_searches.borrow().clone()
    }

    /// Record a whole-file search result known without searching (an incremental rescan).
    pub fn seed_file_search(&self, regex: &regex::bytes::Regex, hit: Option<(usize, usize)>) {
        self.file_searches.borrow_mut().insert(regex.as_str().to_string(), (regex.clone(), hit));
    }

    pub fn text(&self, node: Node) -> &'t str {
        text(node, self.src)
    }

    /// A qualified name with its first segment resolved through the imports.
    pub fn resolve(&self, name: &str) -> String {
        super::semantics::resolve_name(name, self.language.semantics().separator(), &self.imports)
    }

    /// The resolved qualified name of a callee or name expression.
    pub fn resolved_name(&self, node: Node) -> Option<String> {
        let sem = self.language.semantics();
        let target = sem.callee(node).unwrap_or(node);
        sem.dotted_name(target, self.src).map(|n| self.resolve(&n))
    }

    /// The innermost function (or the module) containing `node`.
    pub fn scope_of(&self, node: Node<'t>) -> Node<'t> {
        let sem = self.language.semantics();
        let mut current = node.parent();
        while let Some(n) = current {
            if sem.is_scope(n) {
                return n;
            }
            current = n.parent();
        }
        self.root
    }

    /// The innermost named function containing `node`, if any.
    pub fn enclosing_function(&self, node: Node<'t>) -> Option<Node<'t>> {
        let mut scope = self.scope_of(node);
        loop {
            if scope == self.root {
                return None;
            }
            if self.language.semantics().scope_name(scope, self.src).is_some() {
                return Some(scope);
            }
            scope = self.scope_of(scope);
        }
    }

    pub fn scope_bindings(&self, scope: Node<'t>) -> Rc<Vec<Binding<'t>>> {
        if let Some(b) = self.bindings.borrow().get(&scope.start_byte()) {
            return b.clone();
        }
        let mut out = Vec::new();
        self.language.semantics().bindings(scope, self.src, &mut out);
        let rc = Rc::new(out);
        self.bindings.borrow_mut().insert(scope.start_byte(), rc.clone());
        rc
    }

    /// Values bound to `name` as seen from `at`: the function's own bindings, else the module's.
    pub fn values_of(&self, name: &str, at: Node<'t>) -> Vec<Node<'t>> {
        let mut scope = self.scope_of(at);
        loop {
            let found: Vec<Node<'t>> =
                self.scope_bindings(scope).iter().filter(|b| b.name(self.src) == name).map(|b| b.value).collect();
            if !found.is_empty() || scope == self.root {
                return found;
            }
            scope = self.scope_of(scope);
        }
    }

    /// Constant data: literals and pure expressions, through names bound only to constants.
    pub fn is_constant(&self, node: Node<'t>) -> bool {
        self.is_constant_depth(node, 0)
    }

    fn is_constant_depth(&self, node: Node<'t>, depth: usize) -> bool {
        let sem = self.language.semantics();
        let node = sem.unwrap_value(node, self.src);
        let lookup = |name: &str| {
            if depth >= MAX_RESOLVE_DEPTH {
                return false;
            }
            // A value that contains the expression being judged is its own re-binding
            // (`let nonce = Nonce::from_slice(&nonce);`): the name inside it means the earlier value.
            let values: Vec<Node<'t>> = self
                .values_of(name, node)
                .into_iter()
                .filter(|v| !(v.start_byte() <= node.start_byte() && node.end_byte() <= v.end_byte()))
                .collect();
            !values.is_empty() && values.iter().all(|v| self.is_constant_depth(*v, depth + 1))
        };
        sem.is_constant(node, self.src, &lookup)
    }

    /// How a string value was assembled, looking through variables bound in the same scope.
    pub fn string_build(&self, node: Node<'t>) -> Option<StringBuild> {
        self.string_build_depth(node, 0)
    }

    fn string_build_depth(&self, node: Node<'t>, depth: usize) -> Option<StringBuild> {
        let sem = self.language.semantics();
        let node = sem.unwrap_value(node, self.src);
        if let Some(how) = sem.string_build(node, self.src) {
            // Splicing only constants (`f"SELECT * FROM {TABLE}"`) builds nothing from data.
            let holes = sem.string_holes(node, self.src);
            let all_constant = !holes.is_empty()
                && holes.iter().all(|hole| match *hole {
                    Hole::Expr(expr) => self.is_constant(expr),
                    Hole::Name { name_start, name_end, at } => {
                        let name = std::str::from_utf8(&self.src[name_start..name_end]).unwrap_or("");
                        let values = self.values_of(name, at);
                        !values.is_empty() && values.iter().all(|v| self.is_constant(*v))
                    }
                });
            return (!all_constant).then_some(how);
        }
        if depth >= MAX_RESOLVE_DEPTH {
            return None;
        }
        let name = sem.identifier(node, self.src)?;
        let values = self.values_of(name, node);
        // `q = "SELECT ..."; q += f" WHERE {x}"` — any built contribution counts.
        values.iter().filter(|v| v.start_byte() != node.start_byte()).find_map(|v| self.string_build_depth(*v, depth + 1))
    }

    /// The literal start of a string value, through one level of variables.
    fn literal_prefix(&self, node: Node<'t>) -> Option<String> {
        let sem = self.language.semantics();
        let node = sem.unwrap_value(node, self.src);
        if let Some(p) = sem.literal_prefix(node, self.src) {
            return Some(p);
        }
        let name = sem.identifier(node, self.src)?;
        let values = self.values_of(name, node);
        let prefixes: Vec<String> = values.iter().filter_map(|v| sem.literal_prefix(sem.unwrap_value(*v, self.src), self.src)).collect();
        (prefixes.len() == values.len() && !prefixes.is_empty()).then(|| shortest(prefixes))
    }

    /// Data of the flow's source kind reaches `node` (for its sink class) without a sanitizer or
    /// guard.
    pub fn is_tainted(&self, node: Node<'t>, flow: Flow) -> bool {
        if !self.source_kind_may_occur(flow.kind) {
            return false;
        }
        let class = flow.class;
        let sem = self.language.semantics();
        let value = sem.unwrap_value(node, self.src);
        if matches!(class, "url" | "redirect") {
            if let Some(prefix) = self.literal_prefix(value) {
                if fixed_destination(&prefix, class) {
                    return false;
                }
            }
        }
        let scope = self.scope_of(node);
        let facts = self.scope_taint(scope, flow);
        if facts.guarded {
            return false;
        }
        if matches!(class, "url" | "redirect") && self.base_is_trusted(value, &facts.tainted, flow) {
            return false;
        }
        dataflow::expr_tainted(self, value, &facts.tainted, flow)
    }

    /// A URL that starts with a base which is not request data followed by a path:
    /// `format!("{}/users/{id}", self.base_url)`, `f"{API_BASE}/users/{uid}"`. The request only
    /// picks the path, not the host. Looks through one variable (`let url = format!(..)`).
    fn base_is_trusted(&self, value: Node<'t>, tainted: &std::collections::HashSet<String>, flow: Flow) -> bool {
        static BASE_THEN_PATH: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            regex::Regex::new(r#"^(format!\s*\(\s*|[rRfF]{1,2})?["']\{[^{}"']*\}/"#).unwrap()
        });
        let sem = self.language.semantics();
        let check = |node: Node<'t>| -> bool {
            if sem.string_build(node, self.src).is_none() || !BASE_THEN_PATH.is_match(self.text(node)) {
                return false;
            }
            match sem.string_holes(node, self.src).first() {
                Some(Hole::Expr(first)) => !dataflow::expr_tainted(self, *first, tainted, flow),
                Some(Hole::Name { name_start, name_end, .. }) => {
                    std::str::from_utf8(&self.src[*name_start..*name_end]).is_ok_and(|name| !tainted.contains(name))
                }
                None => false,
            }
        };
        if check(value) {
            return true;
        }
        let Some(name) = sem.identifier(value, self.src) else { return false };
        let values = self.values_of(name, value);
        !values.is_empty() && values.iter().all(|v| check(sem.unwrap_value(*v, self.src)))
    }

    pub fn scope_taint(&self, scope: Node<'t>, flow: Flow) -> Rc<ScopeTaint> {
        let key = (scope.start_byte(), flow.kind.to_string(), flow.class.to_string());
        if let Some(t) = self.taint.borrow().get(&key) {
            return t.clone();
        }
        let facts = Rc::new(dataflow::compute_scope_taint(self, scope, flow));
        self.taint.borrow_mut().insert(key, facts.clone());
        facts
    }
}

fn shortest(mut prefixes: Vec<String>) -> String {
    prefixes.sort_by_key(|p| p.len());
    prefixes.swap_remove(0)
}

/// A URL whose scheme and host are fixed (`https://api.example.com/…`), or for redirects a
/// same-site path (`/account/…`), cannot send the request or the user elsewhere.
fn fixed_destination(prefix: &str, class: &str) -> bool {
    static HOST_FIXED: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#{}%]+[/?#]").unwrap());
    HOST_FIXED.is_match(prefix) || (class == "redirect" && prefix.starts_with('/') && !prefix.starts_with("//") && !prefix.starts_with("/\\"))
}
