//! `assay rules` and `assay explain RULE`.

use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use crate::engine::Catalog;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    Text,
    Json,
}

#[derive(Serialize)]
struct RuleRow<'a> {
    id: &'a str,
    language: &'a str,
    title: &'a str,
    severity: &'a str,
    confidence: &'a str,
    category: &'a str,
    cwe: &'a [String],
    owasp: &'a [String],
    help: &'a str,
    hint: &'a str,
    fixable: bool,
}

pub fn list(format: RulesFormat) -> Result<ExitCode> {
    let catalog = Catalog::embedded();
    let mut rules: Vec<_> = catalog.rules().iter().collect();
    rules.sort_by(|a, b| (a.language_name(), a.id()).cmp(&(b.language_name(), b.id())));
    match format {
        RulesFormat::Json => {
            let rows: Vec<RuleRow> = rules
                .iter()
                .map(|r| RuleRow {
                    id: r.id(),
                    language: r.language_name(),
                    title: &r.meta.title,
                    severity: r.meta.severity.as_str(),
                    confidence: r.meta.confidence.as_str(),
                    category: &r.meta.category,
                    cwe: &r.meta.cwe,
                    owasp: &r.meta.owasp,
                    help: &r.meta.help,
                    hint: &r.meta.hint,
                    fixable: r.meta.fix.is_some(),
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&rows)?);
        }
        RulesFormat::Text => {
            for r in &rules {
                println!("{:<40} {:<7} {:<8} {:<10} {}", r.id(), r.language_name(), r.meta.severity.as_str(), r.meta.cwe.join(","), r.meta.title);
            }
            println!("\n{} rules. `assay explain <id>` shows one in full.", rules.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn explain(id: &str) -> Result<ExitCode> {
    let catalog = Catalog::embedded();
    let Some(rule) = catalog.get(id) else {
        let close: Vec<&str> = catalog.rules().iter().map(|r| r.id()).filter(|r| r.contains(id) || id.contains(*r)).take(5).collect();
        eprintln!("error: no rule `{id}`{}", if close.is_empty() { String::new() } else { format!("; did you mean {}?", close.join(", ")) });
        return Ok(ExitCode::from(2));
    };
    let m = &rule.meta;
    println!("{} ({})\n", m.title, m.id);
    println!("language:   {}", rule.language_name());
    println!("severity:   {} (confidence {})", m.severity, m.confidence.as_str());
    println!("category:   {}", m.category);
    println!("cwe:        {}", m.cwe.iter().map(|c| format!("{c} <https://cwe.mitre.org/data/definitions/{}.html>", c.trim_start_matches("CWE-"))).collect::<Vec<_>>().join(", "));
    if !m.owasp.is_empty() {
        println!("owasp:      {}", m.owasp.join(", "));
    }
    if let Some(fix) = &m.fix {
        println!("fix:        {} ({})", fix.description, if fix.safe { "safe, --fix" } else { "unsafe, --fix --unsafe-fixes" });
    }
    println!("\n{}\n", m.description.trim());
    println!("Safe alternative: {}\n", m.help);
    println!("Secure prompt (give this to your AI assistant):\n\n    {}", m.hint);
    Ok(ExitCode::SUCCESS)
}
