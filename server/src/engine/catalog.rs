//! The rule catalog: the rules embedded at build time plus users' rule directories, and the
//! combined query per language, compiled lazily on first use.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use tree_sitter::Query;

use super::dataflow::DataflowConfig;
use super::language::Language;
use super::predicates::{self, CompiledPredicate};
use super::query_keys;
use super::rules::{self, Rule, RuleError};

include!(concat!(env!("OUT_DIR"), "/embedded_queries.rs"));

/// Rule patterns of one language compiled into one tree-sitter query.
pub struct QueryPart {
    pub query: Query,
    /// For each pattern: index of its rule in `Catalog::rules`.
    pub pattern_rule: Vec<usize>,
    /// For each pattern: assay's own predicates, compiled.
    pub pattern_predicates: Vec<Vec<CompiledPredicate>>,
    /// The `@match` capture (None if no pattern of this part has one: an empty part).
    pub match_capture: Option<u32>,
}

/// All rules of one language: patterns keyed by callee name (run only on calls whose name is
/// in `keys`, anchored there), and the rest in two passes over the tree: `local_pass` (patterns
/// that start inside a function, so an edit re-runs them over that function only) and
/// `file_pass` (patterns rooted at the module, a class or any node, re-run on every analysis).
pub struct CompiledLanguage {
    pub local_pass: QueryPart,
    pub file_pass: QueryPart,
    /// Node kinds `file_pass` patterns start at (all of them `Language::nesting_kinds`), so it
    /// runs anchored at those nodes only; None when some pattern can start anywhere.
    pub file_roots: Option<Vec<String>>,
    /// One small query per rule with keyed patterns, so a call runs only the rules its name
    /// can match.
    pub keyed: Vec<QueryPart>,
    /// Callee last segment → parts of `keyed` whose patterns can match such a call.
    pub keys: HashMap<String, Vec<usize>>,
    /// First segment of the resolved callee name → parts (for globs like `requests.*`).
    pub head_keys: HashMap<String, Vec<usize>>,
    /// Node kinds that keyed patterns start at (`call`, `call_expression`, `macro_invocation`).
    pub keyed_roots: Vec<String>,
}

pub struct Catalog {
    /// Key call patterns by callee name (see `query_keys`); off only to compare against the
    /// plain full pass.
    keyed_queries: bool,
    rules: Vec<Rule>,
    by_id: HashMap<String, usize>,
    dataflow: HashMap<Language, DataflowConfig>,
    compiled: HashMap<Language, OnceLock<Result<CompiledLanguage, String>>>,
}

impl Catalog {
    /// The built-in catalog. Panics only if the embedded files are invalid, which the catalog
    /// test rules out before a release.
    pub fn embedded() -> Catalog {
        Self::with_user_dirs(&[]).unwrap_or_else(|errors| {
            panic!("embedded catalog is invalid: {}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))
        })
    }

    /// The embedded rules plus the rules in `dirs` (each laid out like `queries/`).
    ///
    /// For rule development, `ASSAY_QUERIES_DIR=queries` replaces the embedded files with the ones
    /// on disk, so editing a rule needs no rebuild.
    pub fn with_user_dirs(dirs: &[&Path]) -> Result<Catalog, Vec<RuleError>> {
        let mut errors = Vec::new();
        let dev_files = std::env::var_os("ASSAY_QUERIES_DIR").map(|d| read_query_files(Path::new(&d)));
        let files: Vec<(String, String)> = match dev_files {
            Some(Ok(files)) => files,
            Some(Err(e)) => return Err(vec![RuleError { origin: "ASSAY_QUERIES_DIR".into(), message: e }]),
            None => EMBEDDED_QUERY_FILES.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect(),
        };
        let check = std::env::var_os("ASSAY_QUERIES_DIR").is_some();
        let mut rules = parse_query_files(&files, check, &mut errors);
        let mut dataflow = HashMap::new();
        for (rel, text) in &files {
            if let Some(lang) = rel.strip_suffix("/_dataflow.toml").and_then(Language::from_name) {
                match DataflowConfig::parse(text) {
                    Ok(cfg) => {
                        dataflow.insert(lang, cfg);
                    }
                    Err(e) => errors.push(RuleError { origin: format!("queries/{rel}"), message: e }),
                }
            }
        }
        for dir in dirs {
            if !dir.is_dir() {
                errors.push(RuleError { origin: dir.display().to_string(), message: "rule directory does not exist".into() });
                continue;
            }
            match rules::load_rule_dir(dir) {
                Ok(user) => rules.extend(user),
                Err(e) => errors.extend(e),
            }
        }
        let mut by_id = HashMap::new();
        for (i, rule) in rules.iter().enumerate() {
            if let Some(prev) = by_id.insert(rule.id().to_string(), i) {
                errors.push(RuleError {
                    origin: rule.origin.clone(),
                    message: format!("duplicate rule id `{}` (also defined in {})", rule.id(), rules[prev].origin),
                });
            }
        }
        for rule in &rules {
            for other in &rule.meta.supersedes {
                if !by_id.contains_key(other) {
                    errors.push(RuleError { origin: rule.origin.clone(), message: format!("supersedes unknown rule `{other}`") });
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let compiled = Language::ALL.iter().map(|l| (*l, OnceLock::new())).collect();
        let keyed_queries = std::env::var_os("ASSAY_NO_KEYED_QUERIES").is_none();
        Ok(Catalog { keyed_queries, rules, by_id, dataflow, compiled })
    }

    /// The same catalog running every pattern in one full pass: the reference the keyed
    /// matcher is tested against.
    pub fn without_keyed_queries(mut self) -> Catalog {
        self.keyed_queries = false;
        self.compiled = Language::ALL.iter().map(|l| (*l, OnceLock::new())).collect();
        self
    }

    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn categories(&self) -> impl Iterator<Item = &str> {
        let mut cats: Vec<&str> = self.rules.iter().map(|r| r.meta.category.as_str()).collect();
        cats.sort_unstable();
        cats.dedup();
        cats.into_iter()
    }

    pub fn dataflow(&self, language: Language) -> &DataflowConfig {
        static EMPTY: OnceLock<DataflowConfig> = OnceLock::new();
        self.dataflow.get(&language).unwrap_or_else(|| EMPTY.get_or_init(DataflowConfig::default))
    }

    /// The combined query of `language`, compiled on first use.
    pub fn compiled(&self, language: Language) -> Result<&CompiledLanguage, &str> {
        self.compiled[&language].get_or_init(|| self.compile(language)).as_ref().map_err(String::as_str)
    }

    fn compile(&self, language: Language) -> Result<CompiledLanguage, String> {
        // Split every rule into patterns; key the call patterns whose callee names are fixed.
        let mut keyed_patterns: Vec<(usize, String, query_keys::PatternKey)> = Vec::new();
        let mut full_patterns: Vec<(usize, String)> = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.language != Some(language) {
                continue;
            }
            let Some(q) = &rule.query else { continue };
            let patterns = query_keys::split_patterns(q);
            if patterns.is_empty() {
                full_patterns.push((i, q.clone()));
                continue;
            }
            for pattern in patterns {
                match query_keys::derive(pattern).filter(|_| self.keyed_queries) {
                    Some(key) => keyed_patterns.push((i, pattern.to_string(), key)),
                    None => full_patterns.push((i, pattern.to_string())),
                }
            }
        }
        let is_local = |pattern: &str| {
            query_keys::root_kinds(pattern).is_some_and(|kinds| kinds.iter().all(|k| !language.container_kinds().contains(&k.as_str())))
        };
        let mut file_roots: Option<Vec<String>> = Some(Vec::new());
        for (_, pattern) in full_patterns.iter().filter(|(_, p)| !is_local(p)) {
            match query_keys::root_kinds(pattern) {
                Some(kinds) if kinds.iter().all(|k| language.nesting_kinds().contains(&k.as_str())) => {
                    if let Some(roots) = file_roots.as_mut() {
                        roots.extend(kinds.into_iter().filter(|k| !roots.contains(k)).collect::<Vec<_>>());
                    }
                }
                _ => file_roots = None,
            }
        }
        // Group the keyed patterns by rule: one query per rule, keys point at those queries.
        let mut by_rule: Vec<(usize, Vec<&str>, query_keys::PatternKey)> = Vec::new();
        for (rule, pattern, key) in &keyed_patterns {
            match by_rule.iter_mut().find(|(r, _, _)| r == rule) {
                Some((_, patterns, merged)) => {
                    patterns.push(pattern.as_str());
                    merged.names.extend(key.names.iter().cloned());
                    merged.heads.extend(key.heads.iter().cloned());
                }
                None => by_rule.push((*rule, vec![pattern.as_str()], key.clone())),
            }
        }
        // Compiling a query is slow (tree-sitter analyses every pattern against the grammar's
        // states: most of a second for a language), and the parts are independent. Plain scoped
        // threads, not rayon: the caller may be outside rayon's pool while the pool's threads
        // wait for this very compile (a workspace scan starting while the server compiles), and
        // work handed to the pool would then never run.
        let (local_pass, file_pass, keyed) = std::thread::scope(|scope| {
            let local = scope.spawn(|| self.compile_part(language, full_patterns.iter().filter(|(_, p)| is_local(p)).map(|(i, p)| (*i, p.as_str()))));
            let compile_keyed = |rules: &[(usize, Vec<&str>, query_keys::PatternKey)]| {
                rules.iter().map(|(rule, patterns, _)| self.compile_part(language, patterns.iter().map(|p| (*rule, *p)))).collect::<Result<Vec<_>, _>>()
            };
            let (first, second) = by_rule.split_at(by_rule.len() / 2);
            let keyed_first = scope.spawn(move || compile_keyed(first));
            let file = scope.spawn(|| self.compile_part(language, full_patterns.iter().filter(|(_, p)| !is_local(p)).map(|(i, p)| (*i, p.as_str()))));
            let keyed_second = compile_keyed(second);
            fn joined<T>(handle: std::thread::ScopedJoinHandle<'_, T>) -> T {
                handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            }
            let keyed = joined(keyed_first).and_then(|mut parts| {
                parts.extend(keyed_second?);
                Ok(parts)
            });
            (joined(local), joined(file), keyed)
        });
        let (local_pass, file_pass, keyed) = (local_pass?, file_pass?, keyed?);
        let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut head_keys: HashMap<String, Vec<usize>> = HashMap::new();
        let mut keyed_roots: Vec<String> = Vec::new();
        for (part_index, (_, _, key)) in by_rule.iter().enumerate() {
            for name in &key.names {
                keys.entry(name.clone()).or_default().push(part_index);
            }
            for head in &key.heads {
                head_keys.entry(head.clone()).or_default().push(part_index);
            }
            if !keyed_roots.contains(&key.root_kind) {
                keyed_roots.push(key.root_kind.clone());
            }
        }
        Ok(CompiledLanguage { local_pass, file_pass, file_roots, keyed, keys, head_keys, keyed_roots })
    }

    fn compile_part<'a>(&self, language: Language, patterns: impl Iterator<Item = (usize, &'a str)>) -> Result<QueryPart, String> {
        let mut source = String::new();
        let mut starts = Vec::new(); // (byte offset in combined source, rule index)
        for (rule, pattern) in patterns {
            starts.push((source.len(), rule));
            source.push_str(&assay_text_matches(pattern));
            source.push('\n');
        }
        let query = Query::new(&language.grammar(), &source).map_err(|e| {
            let rule = starts.iter().rev().find(|(s, _)| *s <= e.offset).map(|(_, i)| self.rules[*i].origin.as_str()).unwrap_or("?");
            format!("combined {language} query failed in {rule}: {}", e.message)
        })?;
        let names = query.capture_names();
        let mut pattern_rule = Vec::with_capacity(query.pattern_count());
        let mut pattern_predicates = Vec::with_capacity(query.pattern_count());
        for pattern in 0..query.pattern_count() {
            let start = query.start_byte_for_pattern(pattern);
            let rule = starts.iter().rev().find(|(s, _)| *s <= start).map(|(_, i)| *i).ok_or("pattern before first rule")?;
            pattern_rule.push(rule);
            let mut compiled = query
                .general_predicates(pattern)
                .iter()
                .map(|p| predicates::compile(p, names).map_err(|e| format!("{}: {e}", self.rules[rule].origin)))
                .collect::<Result<Vec<_>, _>>()?;
            // Text matches first, as tree-sitter ran them: they are cheap and reject most matches.
            compiled.sort_by_key(|p| !p.is_text_match());
            let dataflow = self.dataflow(language);
            if let Some(kind) = compiled.iter().filter_map(|p| p.source_kind()).find(|k| !dataflow.has_kind(k)) {
                let known: Vec<&str> = std::iter::once(super::dataflow::REQUEST_KIND).chain(dataflow.kinds.keys().map(String::as_str)).collect();
                return Err(format!("{}: #tainted? names unknown source kind {kind:?}; known: {}", self.rules[rule].origin, known.join(", ")));
            }
            pattern_predicates.push(compiled);
        }
        let match_capture = query.capture_index_for_name("match");
        Ok(QueryPart { query, pattern_rule, pattern_predicates, match_capture })
    }
}

/// `#match?` and `#not-match?` renamed for assay to evaluate (`predicates::TEXT_MATCH`), each
/// regex compiled once for the whole catalog rather than once per use by tree-sitter.
fn assay_text_matches(pattern: &str) -> String {
    let mut out = pattern.to_string();
    for (builtin, ours) in predicates::TEXT_MATCH {
        out = out.replace(&format!("(#{builtin} "), &format!("(#{ours} "));
    }
    out
}

/// Parse the embedded rule files. `check_queries` compiles each query on its own (slow; tests).
pub fn embedded_rules(check_queries: bool, errors: &mut Vec<RuleError>) -> Vec<Rule> {
    let files: Vec<(String, String)> = EMBEDDED_QUERY_FILES.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    parse_query_files(&files, check_queries, errors)
}

fn read_query_files(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("toml" | "scm")) {
                let rel = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
                let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                out.push((rel, text));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn parse_query_files(files: &[(String, String)], check_queries: bool, errors: &mut Vec<RuleError>) -> Vec<Rule> {
    let by_path: HashMap<&str, &str> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let mut rules = Vec::new();
    for (rel, text) in files {
        let Some(stem_path) = rel.strip_suffix(".toml") else { continue };
        let (folder, stem) = stem_path.rsplit_once('/').unwrap_or(("", stem_path));
        if stem.starts_with('_') {
            continue;
        }
        let origin = format!("queries/{rel}");
        let language = Language::from_name(folder);
        if language.is_none() && folder != "builtin" {
            errors.push(RuleError { origin, message: format!("unknown language folder `{folder}`") });
            continue;
        }
        let query = by_path.get(format!("{stem_path}.scm").as_str()).copied();
        match rules::parse_rule(language, stem, text, query, &origin, check_queries) {
            Ok(rule) => rules.push(rule),
            Err(e) => errors.push(e),
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::assay_text_matches;

    #[test]
    fn text_matches_are_renamed_for_assay_and_other_predicates_kept() {
        let pattern = r#"((call) @c (#match? @c "(?i)^eval$") (#eq? @c "x") (#not-match? @c "\w+") (#any-match? @c "y"))"#;
        assert_eq!(
            assay_text_matches(pattern),
            r#"((call) @c (#assay-text-match? @c "(?i)^eval$") (#eq? @c "x") (#assay-text-not-match? @c "\w+") (#any-match? @c "y"))"#
        );
        assert_eq!(assay_text_matches("(call) @c"), "(call) @c");
    }
}
