//! Rule metadata and loading: a rule is `<id>.scm` (a tree-sitter query) plus `<id>.toml`
//! (metadata) in `queries/<language>/`. Loading validates both and reports precise errors.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::language::Language;
use super::predicates;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// How a rule's quick fix rewrites the code: the `capture` node is replaced by `replacement`,
/// in which `{name}` stands for the text of capture `name`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixTemplate {
    pub capture: String,
    pub replacement: String,
    #[serde(default)]
    pub safe: bool,
    pub description: String,
}

/// The metadata half of a rule, exactly as written in `<id>.toml`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleMeta {
    pub id: String,
    pub title: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub category: String,
    #[serde(default)]
    pub cwe: Vec<String>,
    #[serde(default)]
    pub owasp: Vec<String>,
    /// Shown per finding; `{capture}` and predicate outputs such as `{how}` are filled in.
    pub message: String,
    /// One sentence: the safe alternative. Shown under each finding in text output.
    pub help: String,
    /// Markdown: why the pattern is dangerous, with a bad and a good example.
    pub description: String,
    /// One imperative sentence a developer can give an AI assistant.
    pub hint: String,
    /// When several rules report the same range, the most specific one wins.
    #[serde(default)]
    pub specificity: i32,
    /// Rules whose overlapping findings this rule replaces (a more precise variant).
    #[serde(default)]
    pub supersedes: Vec<String>,
    #[serde(default)]
    pub fix: Option<FixTemplate>,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub meta: RuleMeta,
    /// None for built-in rules that apply to every file (suppression hygiene, secrets).
    pub language: Option<Language>,
    /// The tree-sitter query; None for built-in rules implemented by the engine itself.
    pub query: Option<String>,
    /// Where the rule came from, for error messages (`queries/python/x.toml` or a user path).
    pub origin: String,
}

impl Rule {
    pub fn id(&self) -> &str {
        &self.meta.id
    }

    /// `python`, `rust`, or `any` for built-in rules.
    pub fn language_name(&self) -> &'static str {
        self.language.map_or("any", Language::name)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct RuleError {
    pub origin: String,
    pub message: String,
}

fn rule_error(origin: &str, message: impl Into<String>) -> RuleError {
    RuleError { origin: origin.to_string(), message: message.into() }
}

static ID_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$").unwrap());
static CWE_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^CWE-[0-9]+$").unwrap());
static MATCH_CAPTURE_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"@match\b").unwrap());
static PLACEHOLDER_RE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\{([a-z_][a-z0-9_]*)\}").unwrap());

/// Parse and validate one rule from its two halves. `stem` is the file name without extension.
/// `check_query` compiles the query on its own for precise errors; the embedded catalog skips
/// that at run time because a test validates it.
pub fn parse_rule(
    language: Option<Language>,
    stem: &str,
    meta_text: &str,
    query: Option<&str>,
    origin: &str,
    check_query: bool,
) -> Result<Rule, RuleError> {
    let meta: RuleMeta =
        toml::from_str(meta_text).map_err(|e| rule_error(origin, format!("invalid metadata: {e}")))?;
    validate_meta(&meta, stem, origin)?;
    if language.is_some() && query.is_none() {
        return Err(rule_error(origin, format!("missing the query file {stem}.scm beside the metadata")));
    }
    let rule = Rule { meta, language, query: query.map(str::to_string), origin: origin.to_string() };
    if check_query {
        validate_query(&rule)?;
    }
    Ok(rule)
}

fn validate_meta(meta: &RuleMeta, stem: &str, origin: &str) -> Result<(), RuleError> {
    if meta.id != stem {
        return Err(rule_error(origin, format!("id `{}` does not match the file name `{stem}`", meta.id)));
    }
    if !ID_RE.is_match(&meta.id) {
        return Err(rule_error(origin, format!("id `{}` is not kebab-case (like `py-sql-string-format`)", meta.id)));
    }
    for (field, value) in [
        ("title", &meta.title),
        ("category", &meta.category),
        ("message", &meta.message),
        ("help", &meta.help),
        ("description", &meta.description),
        ("hint", &meta.hint),
    ] {
        if value.trim().is_empty() {
            return Err(rule_error(origin, format!("`{field}` must not be empty")));
        }
    }
    if meta.cwe.is_empty() {
        return Err(rule_error(origin, "`cwe` must list at least one CWE id"));
    }
    if let Some(bad) = meta.cwe.iter().find(|c| !CWE_RE.is_match(c)) {
        return Err(rule_error(origin, format!("`cwe` entry `{bad}` is not of the form CWE-123")));
    }
    if meta.hint.contains('\n') || !meta.hint.trim_end().ends_with('.') {
        return Err(rule_error(origin, "`hint` must be one sentence on one line, ending with a period"));
    }
    Ok(())
}

/// Compile the rule's query alone to report syntax errors with the rule's own line numbers, and
/// check captures and predicates.
pub fn validate_query(rule: &Rule) -> Result<(), RuleError> {
    let (Some(language), Some(source)) = (rule.language, rule.query.as_deref()) else { return Ok(()) };
    let origin = rule.origin.replace(".toml", ".scm");
    let query = tree_sitter::Query::new(&language.grammar(), source).map_err(|e| {
        rule_error(&origin, format!("query error at line {}, column {}: {:?}: {}", e.row + 1, e.column + 1, e.kind, e.message))
    })?;
    if query.pattern_count() == 0 {
        return Err(rule_error(&origin, "query has no patterns"));
    }
    let names = query.capture_names();
    for pattern in 0..query.pattern_count() {
        let pattern_text = &source[query.start_byte_for_pattern(pattern)..query.end_byte_for_pattern(pattern)];
        if !MATCH_CAPTURE_RE.is_match(pattern_text) {
            return Err(rule_error(
                &origin,
                format!("pattern {} has no `@match` capture (the node a finding points at)", pattern + 1),
            ));
        }
        for predicate in query.general_predicates(pattern) {
            predicates::validate(predicate, names).map_err(|m| rule_error(&origin, m))?;
        }
    }
    for placeholder in PLACEHOLDER_RE.captures_iter(&rule.meta.message) {
        let name = &placeholder[1];
        if !names.contains(&name) && !predicates::OUTPUT_NAMES.contains(&name) {
            return Err(rule_error(&rule.origin, format!("message uses `{{{name}}}`, which is neither a capture nor a predicate output")));
        }
        // Every pattern must be able to fill it, or users see a literal `{name}`.
        for pattern in 0..query.pattern_count() {
            let text = &source[query.start_byte_for_pattern(pattern)..query.end_byte_for_pattern(pattern)];
            let captured = Regex::new(&format!(r"@{}\b", regex::escape(name))).unwrap().is_match(text);
            let produced = match name {
                "how" => text.contains("#string-built?"),
                "name" => text.contains("#resolves-to?"),
                _ => false,
            };
            if !captured && !produced {
                return Err(rule_error(
                    &origin,
                    format!("pattern {} cannot fill `{{{name}}}` in the message: it has no @{name} capture{}", pattern + 1,
                        match name { "how" => " or #string-built?", "name" => " or #resolves-to?", _ => "" }),
                ));
            }
        }
    }
    if let Some(fix) = &rule.meta.fix {
        if !names.contains(&fix.capture.as_str()) {
            return Err(rule_error(&rule.origin, format!("fix.capture `{}` is not a capture of the query", fix.capture)));
        }
    }
    Ok(())
}

/// Rules read from a directory tree laid out like `queries/`: `<language>/<id>.toml` beside
/// `<language>/<id>.scm`. Files whose name starts with `_` are configuration, not rules.
pub fn load_rule_dir(dir: &Path) -> Result<Vec<Rule>, Vec<RuleError>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    let mut files: BTreeMap<PathBuf, ()> = BTreeMap::new();
    for entry in walk_files(dir) {
        if entry.extension().and_then(|e| e.to_str()) == Some("toml") {
            files.insert(entry, ());
        }
    }
    for (meta_path, ()) in files {
        let origin = meta_path.display().to_string();
        let Some(language) = language_of_rule_path(&meta_path) else {
            continue; // a TOML file outside a language folder is not a rule (e.g. dataflow config)
        };
        let stem = meta_path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        if stem.starts_with('_') {
            continue;
        }
        let query_path = meta_path.with_extension("scm");
        let meta_text = match std::fs::read_to_string(&meta_path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(rule_error(&origin, format!("cannot read: {e}")));
                continue;
            }
        };
        let query = match std::fs::read_to_string(&query_path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(rule_error(&origin, format!("cannot read the query {}: {e}", query_path.display())));
                continue;
            }
        };
        match parse_rule(Some(language), &stem, &meta_text, Some(&query), &origin, true) {
            Ok(rule) => rules.push(rule),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// The language of a rule file is the name of a folder on its path (`.../python/x.toml`).
pub fn language_of_rule_path(path: &Path) -> Option<Language> {
    path.parent()?
        .ancestors()
        .filter_map(|a| a.file_name()?.to_str())
        .find_map(Language::from_name)
}

fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries.flatten() {
            let p = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(p),
                Ok(t) if t.is_file() => out.push(p),
                _ => {}
            }
        }
    }
    out.sort();
    out
}
