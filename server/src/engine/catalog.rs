//! The rule catalog: the rules embedded at build time plus users' rule directories, and the
//! combined query per language, compiled lazily on first use.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use tree_sitter::Query;

use super::dataflow::DataflowConfig;
use super::language::Language;
use super::predicates::{self, CompiledPredicate};
use super::rules::{self, Rule, RuleError};

include!(concat!(env!("OUT_DIR"), "/embedded_queries.rs"));

/// All rule queries of one language in one tree-sitter query, run in a single cursor pass.
pub struct CompiledLanguage {
    pub query: Query,
    /// For each pattern: index of its rule in `Catalog::rules`.
    pub pattern_rule: Vec<usize>,
    /// For each pattern: assay's own predicates, compiled.
    pub pattern_predicates: Vec<Vec<CompiledPredicate>>,
    pub match_capture: u32,
}

pub struct Catalog {
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
        Ok(Catalog { rules, by_id, dataflow, compiled })
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
        let mut source = String::new();
        let mut starts = Vec::new(); // (byte offset in combined source, rule index)
        for (i, rule) in self.rules.iter().enumerate() {
            if rule.language != Some(language) {
                continue;
            }
            let Some(q) = &rule.query else { continue };
            starts.push((source.len(), i));
            source.push_str(q);
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
            let compiled = query
                .general_predicates(pattern)
                .iter()
                .map(|p| predicates::compile(p, names).map_err(|e| format!("{}: {e}", self.rules[rule].origin)))
                .collect::<Result<Vec<_>, _>>()?;
            pattern_predicates.push(compiled);
        }
        let match_capture = query.capture_index_for_name("match").ok_or("no @match capture in any rule")?;
        Ok(CompiledLanguage { query, pattern_rule, pattern_predicates, match_capture })
    }
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
