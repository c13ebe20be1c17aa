//! Command-line interface: argument parsing and dispatch. Each command lives in its own module.

pub mod check;
pub mod prompt_cmd;
pub mod rules_cmd;
pub mod test_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "assay", version, about = "Security review for AI-assisted Python and Rust code", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check files for security mistakes (default: the current folder).
    Check(Box<check::CheckArgs>),
    /// Record the current findings in a baseline file, so that `assay check --baseline FILE`
    /// reports only new ones.
    Baseline {
        /// Files or folders to check (default: the current folder).
        paths: Vec<PathBuf>,
        /// Where to write [default: the config's `baseline`, else .assay-baseline.json in the
        /// repository root].
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Use this config file for every file, instead of the nearest assay.toml / pyproject.toml.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Re-analyse every file, ignoring and not updating the result cache.
        #[arg(long)]
        no_cache: bool,
    },
    /// List the rule catalog.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: rules_cmd::RulesFormat,
    },
    /// Explain a rule: why it matters, the safe alternative, and the secure prompt.
    Explain {
        /// A rule id, as shown in brackets after a finding's severity.
        rule: String,
    },
    /// Print (or --write into AGENTS.md, CLAUDE.md, … or --check) security instructions for AI
    /// assistants, specific to this project's languages, frameworks and findings.
    Prompt(prompt_cmd::PromptArgs),
    /// Run the language server over standard input and output.
    Lsp {
        /// Accepted and ignored: stdio is the only transport (VS Code's client adds this flag).
        #[arg(long)]
        stdio: bool,
    },
    /// Run rules against annotated fixture files (`# ruleid: <id>` / `# ok: <id>`).
    Test {
        /// Fixture files or folders. A folder laid out like `queries/` also contributes its rules.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Extra rule folders (laid out like `queries/<language>/<id>.{scm,toml}`).
        #[arg(long = "rules", value_name = "DIR")]
        rule_dirs: Vec<PathBuf>,
    },
    /// Benchmark floor: walk, read and parse the same files `check` would, run no rules, and
    /// print JSON timings.
    #[command(name = "debug-parse", hide = true)]
    DebugParse { paths: Vec<PathBuf> },
    /// Benchmark: like `debug-parse`, plus the secret detectors (and nothing else), to measure
    /// what secret detection costs on top of parsing. Prints JSON timings.
    #[command(name = "debug-secrets", hide = true)]
    DebugSecrets { paths: Vec<PathBuf> },
    /// Print a file's syntax tree with field names, for writing queries.
    #[command(name = "debug-tree", hide = true)]
    DebugTree { file: PathBuf },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Baseline { paths, output, config, no_cache } => {
            let mut args = check::CheckArgs::defaults();
            args.paths = paths;
            args.config = config;
            args.no_cache = no_cache;
            args.no_progress = false;
            check::record_baseline(args, output)
        }
        Command::Prompt(args) => prompt_cmd::run(args),
        Command::Lsp { stdio: _ } => Ok(ExitCode::from(crate::lsp::run() as u8)),
        Command::Rules { format } => rules_cmd::list(format),
        Command::Explain { rule } => rules_cmd::explain(&rule),
        Command::Test { paths, rule_dirs } => test_cmd::run(test_cmd::TestArgs { paths, rule_dirs }),
        Command::DebugTree { file } => debug_tree(&file),
        Command::DebugParse { paths } => debug_parse(paths),
        Command::DebugSecrets { paths } => debug_secrets(paths),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // Configuration errors can quote a line of a config file: never echo a secret.
            eprintln!("error: {}", crate::engine::secrets::redact_text(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

fn debug_tree(file: &std::path::Path) -> anyhow::Result<ExitCode> {
    use anyhow::Context;
    let language = crate::engine::Language::from_path(file).with_context(|| format!("{}: not a Python or Rust file", file.display()))?;
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let tree = crate::engine::parse(language, &text, None).context("parse failed")?;
    let mut out = String::new();
    print_node(tree.root_node(), None, 0, &text, &mut out);
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn print_node(node: tree_sitter::Node, field: Option<&str>, depth: usize, text: &str, out: &mut String) {
    use std::fmt::Write as _;
    let leaf = if node.named_child_count() == 0 { format!(" {:?}", &text[node.byte_range()]) } else { String::new() };
    let _ = writeln!(out, "{}{}{} [{}:{}]{}", "  ".repeat(depth), field.map(|f| format!("{f}: ")).unwrap_or_default(), node.kind(), node.start_position().row + 1, node.start_position().column + 1, leaf);
    let mut cursor = node.walk();
    for (i, child) in node.children(&mut cursor).enumerate() {
        if child.is_named() {
            print_node(child, node.field_name_for_child(i as u32), depth + 1, text, out);
        }
    }
}

/// The files `assay check` would scan under `paths`, with default configuration.
fn discover_for_debug(paths: &[PathBuf]) -> anyhow::Result<Vec<PathBuf>> {
    let cwd = std::env::current_dir()?;
    let roots: Vec<PathBuf> = if paths.is_empty() { vec![cwd.clone()] } else { paths.iter().map(|p| cwd.join(p)).collect() };
    let catalog = crate::engine::Catalog::embedded();
    let resolver = crate::project::config::ConfigResolver::new(None, &cwd, &catalog, Default::default())?;
    Ok(crate::project::discover(&roots, &catalog, &resolver).0)
}

fn debug_parse(paths: Vec<PathBuf>) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    let start = std::time::Instant::now();
    let files = discover_for_debug(&paths)?;
    let settings = crate::engine::ScanSettings::default();
    let (bytes, parsed): (usize, usize) = files
        .par_iter()
        .map(|path| {
            let Some(language) = crate::engine::Language::from_path(path) else { return (0, 0) };
            let Ok(data) = std::fs::read(path) else { return (0, 0) };
            match crate::engine::decode(&data, &settings) {
                Ok(text) => (data.len(), crate::engine::parse(language, text, None).is_some() as usize),
                Err(_) => (data.len(), 0),
            }
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let seconds = start.elapsed().as_secs_f64();
    println!("{}", serde_json::json!({ "files": files.len(), "parsed": parsed, "bytes": bytes, "seconds": seconds }));
    Ok(ExitCode::SUCCESS)
}

fn debug_secrets(paths: Vec<PathBuf>) -> anyhow::Result<ExitCode> {
    use rayon::prelude::*;
    let start = std::time::Instant::now();
    let files = discover_for_debug(&paths)?;
    let settings = crate::engine::ScanSettings::default();
    let (bytes, found): (usize, usize) = files
        .par_iter()
        .map(|path| {
            if crate::engine::skip_by_path(path).is_some() {
                return (0, 0);
            }
            let Ok(data) = std::fs::read(path) else { return (0, 0) };
            let Ok(text) = crate::engine::decode(&data, &settings) else { return (data.len(), 0) };
            let n = match crate::engine::Language::from_path(path) {
                Some(language) => {
                    let Some(tree) = crate::engine::parse(language, text, None) else { return (data.len(), 0) };
                    let mut out = Vec::new();
                    crate::engine::secrets::source::scan(language, text.as_bytes(), tree.root_node(), path, &mut out);
                    out.len()
                }
                None => crate::engine::scan_text(path, text, &settings).findings.len(),
            };
            (data.len(), n)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let seconds = start.elapsed().as_secs_f64();
    println!("{}", serde_json::json!({ "files": files.len(), "bytes": bytes, "found": found, "seconds": seconds }));
    Ok(ExitCode::SUCCESS)
}
