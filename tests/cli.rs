//! End-to-end tests of `assay check`, `rules`, `explain` and `test`: the real binary in
//! temporary projects.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Project, BIN};

impl Project {
    fn assay_stdin(&self, args: &[&str], input: &str) -> Output {
        use std::io::Write;
        let mut child = Command::new(BIN)
            .args(args)
            .current_dir(self.path())
            .env_remove("ASSAY_QUERIES_DIR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    }
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

const SQL_BAD: &str = "def f(cur, name):\n    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n";
const EVAL_BAD: &str = "def g(text):\n    return eval(text)\n";
const CLEAN: &str = "import json\n\ndef f(cur, name):\n    cur.execute(\"SELECT * FROM t WHERE n = ?\", (name,))\n    return json.loads(name)\n";

#[test]
fn clean_project_exits_zero() {
    let p = Project::new();
    p.write("app.py", CLEAN);
    let o = p.assay(&["check"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("No findings in 1 file"), "{}", stdout(&o));
}

#[test]
fn findings_exit_one_with_location_caret_and_help() {
    let p = Project::new();
    p.write("app/db.py", SQL_BAD);
    let o = p.assay(&["check", "app"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("app/db.py:2:5: error[py-sql-string-format]"), "{out}");
    assert!(out.contains("2 |     cur.execute(f\"SELECT"), "{out}");
    assert!(out.contains("  |     ^^^^"), "{out}");
    assert!(out.contains("= help: Keep the SQL constant"), "{out}");
    assert!(out.contains("Found 1 finding (1 error) in 1 file."), "{out}");
}

#[test]
fn hints_flag_adds_the_secure_prompt() {
    let p = Project::new();
    p.write("a.py", EVAL_BAD);
    let out = stdout(&p.assay(&["check", "--hints"]));
    assert!(out.contains("= prompt: Do not use eval"), "{out}");
}

#[test]
fn fail_on_and_exit_zero_control_the_exit_code() {
    let p = Project::new();
    p.write("a.py", SQL_BAD);
    assert_eq!(code(&p.assay(&["check", "--fail-on", "never"])), 0);
    assert_eq!(code(&p.assay(&["check", "--exit-zero"])), 0);
    assert_eq!(code(&p.assay(&["check", "--fail-on", "error"])), 1);
    // Downgrade the rule to info in config: warning threshold no longer fails, info does.
    p.write("assay.toml", "[severity]\npy-sql-string-format = \"info\"\n");
    assert_eq!(code(&p.assay(&["check"])), 0);
    assert_eq!(code(&p.assay(&["check", "--fail-on", "info"])), 1);
    p.write("assay.toml", "fail-on = \"never\"\n");
    assert_eq!(code(&p.assay(&["check"])), 0);
}

#[test]
fn usage_and_configuration_errors_exit_two_and_name_the_problem() {
    let p = Project::new();
    p.write("a.py", CLEAN);
    let o = p.assay(&["check", "--select", "no-such-rule"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such-rule"), "{}", stderr(&o));

    p.write("assay.toml", "selectt = [\"all\"]\n");
    let o = p.assay(&["check"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("assay.toml") && stderr(&o).contains("selectt"), "{}", stderr(&o));

    p.write("assay.toml", "select = [\n");
    let o = p.assay(&["check"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("assay.toml"), "{}", stderr(&o));

    std::fs::remove_file(p.path().join("assay.toml")).unwrap();
    let o = p.assay(&["check", "missing-dir"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing-dir"), "{}", stderr(&o));

    assert_eq!(code(&p.assay(&["check", "--format", "xml"])), 2);
}

#[test]
fn select_and_ignore_by_id_and_category() {
    let p = Project::new();
    p.write("a.py", &format!("{SQL_BAD}{EVAL_BAD}"));
    let out = stdout(&p.assay(&["check", "--select", "injection"]));
    assert!(out.contains("py-sql-string-format") && !out.contains("py-eval-exec-dynamic"), "{out}");
    let out = stdout(&p.assay(&["check", "--ignore", "py-sql-string-format"]));
    assert!(!out.contains("py-sql-string-format") && out.contains("py-eval-exec-dynamic"), "{out}");
    let out = stdout(&p.assay(&["check", "--select", "rust"]));
    assert!(out.contains("No findings"), "{out}");
}

#[test]
fn json_output_has_stable_documented_fields() {
    let p = Project::new();
    p.write("a.py", SQL_BAD);
    let o = p.assay(&["check", "--format", "json"]);
    assert_eq!(code(&o), 1);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["schema_version"], 1);
    let f = &doc["findings"][0];
    for key in ["rule_id", "title", "severity", "confidence", "category", "cwe", "message", "path", "start", "end", "snippet", "help", "hint", "fingerprint"] {
        assert!(!f[key].is_null(), "missing {key}: {f}");
    }
    assert_eq!(f["rule_id"], "py-sql-string-format");
    assert_eq!(f["path"], "a.py");
    assert_eq!(f["start"]["line"], 2);
    assert_eq!(f["start"]["column"], 5);
    assert_eq!(f["cwe"][0], "CWE-89");
    assert_eq!(doc["summary"]["findings"], 1);
}

#[test]
fn output_file_receives_the_report() {
    let p = Project::new();
    p.write("a.py", SQL_BAD);
    let o = p.assay(&["check", "--format", "json", "--output", "out/report.json"]);
    assert_eq!(code(&o), 2, "output folder does not exist: an error naming it");
    std::fs::create_dir(p.path().join("out")).unwrap();
    let o = p.assay(&["check", "--format", "json", "--output", "out/report.json"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).is_empty());
    let doc: serde_json::Value = serde_json::from_str(&p.read("out/report.json")).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let p = Project::new();
    p.write("src/a.py", &format!("{SQL_BAD}{EVAL_BAD}"));
    p.write("src/b.py", "def h(x):\n    return eval(x)  # assay: ignore[py-eval-exec-dynamic] -- trusted admin console\n");
    let o = p.assay(&["check", "--format", "sarif", "--output", "r.sarif"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&p.read("r.sarif")).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let suppressed: Vec<_> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["suppressions"][0]["justification"], "trusted admin console");
    assert_eq!(results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "src/a.py");
    let validator = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/validate_sarif.py");
    let v = Command::new("python3").arg(&validator).arg(p.path().join("r.sarif")).output().unwrap();
    assert_eq!(code(&v), 0, "SARIF invalid (is jsonschema installed? .ci/run installs it):\n{}{}", stdout(&v), stderr(&v));
}

#[test]
fn inline_suppressions_and_their_hygiene() {
    let p = Project::new();
    p.write(
        "a.py",
        "def f(cur, x, y):\n\
         \x20   cur.execute(f\"SELECT {x}\")  # assay: ignore[py-sql-string-format] -- x is an internal enum\n\
         \x20   # assay: ignore[py-eval-exec-dynamic] -- sandboxed\n\
         \x20   eval(y)\n\
         \x20   eval(x)  # nosec\n\
         \x20   print(x)  # assay: ignore[py-eval-exec-dynamic]\n\
         \x20   print(y)  # assay: ignore[py-no-such-rule]\n",
    );
    let o = p.assay(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let ids: Vec<(String, u64)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap().to_string(), f["start"]["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        ids,
        vec![
            // The bare `# nosec` is itself reported (info) by py-security-check-suppressed.
            ("py-security-check-suppressed".to_string(), 5),
            ("assay-unused-suppression".to_string(), 6),
            ("assay-unknown-suppression-rule".to_string(), 7),
        ],
        "{}",
        stdout(&o)
    );
    assert_eq!(doc["summary"]["suppressed"], 3);
    // Info-level hygiene findings do not fail the default threshold.
    assert_eq!(code(&o), 0);

    // With foreign markers off, `# nosec` no longer hides the finding.
    p.write("assay.toml", "honor-foreign-suppressions = false\n");
    let out = stdout(&p.assay(&["check"]));
    assert!(out.contains("a.py:5:5: error[py-eval-exec-dynamic]"), "{out}");
}

#[test]
fn a_marker_inside_a_string_is_not_a_suppression() {
    let p = Project::new();
    p.write("a.py", "def f(x):\n    return eval(x), \"# assay: ignore[py-eval-exec-dynamic]\"\n");
    let out = stdout(&p.assay(&["check"]));
    assert!(out.contains("error[py-eval-exec-dynamic]"), "{out}");
}

#[test]
fn bad_files_get_one_notice_each_and_the_scan_goes_on() {
    let p = Project::new();
    p.write_bytes("latin1.py", b"# caf\xe9\nx = 1\n");
    p.write_bytes("blob.py", b"\x00\x01\x02binary");
    p.write("big.py", &"x = 1\n".repeat(2000));
    p.write("broken.py", "def f(:\n    pass\n\ndef g(text):\n    return eval(text)\n");
    p.write("ok.py", EVAL_BAD);
    p.write("assay.toml", "max-file-size = 4000\n");
    let o = p.assay(&["check"]);
    let err = stderr(&o);
    assert!(err.contains("latin1.py: skipped: not valid UTF-8"), "{err}");
    assert!(err.contains("blob.py: skipped: binary file"), "{err}");
    assert!(err.contains("big.py: skipped: 12000 bytes is over the 4000-byte limit"), "{err}");
    assert!(err.contains("broken.py: syntax error near line 1"), "{err}");
    let out = stdout(&o);
    assert!(out.contains("broken.py:5:12: error[py-eval-exec-dynamic]"), "analysis continues past a syntax error: {out}");
    assert!(out.contains("ok.py:2:12"), "{out}");
    assert!(out.contains("3 files skipped"), "{out}");
    assert_eq!(code(&o), 1);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_fatal() {
    let p = Project::new();
    p.write("pkg/a.py", EVAL_BAD);
    std::os::unix::fs::symlink(p.path().join("pkg"), p.path().join("pkg/loop")).unwrap();
    let o = p.assay(&["check"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("loop"), "{}", stderr(&o));
    assert!(stdout(&o).contains("pkg/a.py:2:12"), "{}", stdout(&o));
}

#[test]
fn stdin_filename_reads_standard_input() {
    let p = Project::new();
    let o = p.assay_stdin(&["check", "--stdin-filename", "web/views.py"], SQL_BAD);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("web/views.py:2:5: error[py-sql-string-format]"), "{}", stdout(&o));
    let o = p.assay_stdin(&["check", "--stdin-filename", "lib.rs"], "fn main() {}\n");
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

const FIX_RULE_SCM: &str = "(call function: (identifier) @fn (#eq? @fn \"weak_call\")) @match\n";
const FIX_RULE_TOML: &str = r#"id = "py-team-weak-call"
title = "Team rule: weak_call"
severity = "warning"
confidence = "high"
category = "team"
cwe = ["CWE-327"]
message = "`{fn}` is deprecated here"
help = "Use strong_call instead."
description = "Our team's own rule."
hint = "Use strong_call instead of weak_call."

[fix]
capture = "fn"
replacement = "strong_call"
safe = true
description = "Replace weak_call with strong_call"
"#;

#[test]
fn user_rule_dirs_fix_and_test_command() {
    let p = Project::new();
    p.write("rules/python/py-team-weak-call.scm", FIX_RULE_SCM);
    p.write("rules/python/py-team-weak-call.toml", FIX_RULE_TOML);
    p.write("assay.toml", "rule-dirs = [\"rules\"]\nextend-exclude = [\"rules\"]\n");
    p.write("src/a.py", "x = weak_call(1)\ny = weak_call(2)\n");
    // Without --fix nothing is written.
    let o = p.assay(&["check", "src"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("warning[py-team-weak-call] `weak_call` is deprecated here"), "{}", stdout(&o));
    assert!(stdout(&o).contains("fix available (--fix)"), "{}", stdout(&o));
    assert_eq!(p.read("src/a.py"), "x = weak_call(1)\ny = weak_call(2)\n");
    let o = p.assay(&["check", "--fix", "src"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("Fixed 2 findings"), "{}", stdout(&o));
    assert_eq!(p.read("src/a.py"), "x = strong_call(1)\ny = strong_call(2)\n");
    // --fix with stdin prints the fixed text.
    let o = p.assay_stdin(&["check", "--fix", "--stdin-filename", "src/b.py"], "z = weak_call(3)\n");
    assert_eq!(stdout(&o), "z = strong_call(3)\n");

    // `assay test` runs the user's rule against annotated fixtures.
    p.write("rules/python/fixture.py", "# ruleid: py-team-weak-call\nweak_call()\n# ok: py-team-weak-call\nstrong_call()\n");
    let o = p.assay(&["test", "rules"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stdout(&o).contains("1 passed, 0 failed"), "{}", stdout(&o));
    p.write("rules/python/fixture.py", "# ok: py-team-weak-call\nweak_call()\n");
    let o = p.assay(&["test", "rules"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("flagged a line marked ok"), "{}", stdout(&o));
}

#[test]
fn invalid_user_rule_is_a_precise_error() {
    let p = Project::new();
    p.write("rules/python/py-team-bad.scm", "(call function: (identifier) @fn\n");
    p.write("rules/python/py-team-bad.toml", &FIX_RULE_TOML.replace("py-team-weak-call", "py-team-bad"));
    p.write("assay.toml", "rule-dirs = [\"rules\"]\n");
    p.write("a.py", CLEAN);
    let o = p.assay(&["check", "a.py"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("py-team-bad.scm: query error at line"), "{}", stderr(&o));
}

#[test]
fn unknown_source_kind_in_a_user_rule_is_named() {
    let p = Project::new();
    p.write("rules/python/py-team-kind.scm", "(call function: (identifier) @fn arguments: (argument_list . (_) @x) (#eq? @fn \"run\") (#tainted? @x \"shell\" \"modle-output\")) @match\n");
    p.write("rules/python/py-team-kind.toml", &FIX_RULE_TOML.replace("py-team-weak-call", "py-team-kind"));
    p.write("assay.toml", "rule-dirs = [\"rules\"]\n");
    p.write("a.py", "run(x)\n");
    let o = p.assay(&["check", "--no-cache", "a.py"]);
    assert!(stderr(&o).contains("unknown source kind \"modle-output\"") && stderr(&o).contains("model-output"), "{}", stderr(&o));
}

#[test]
fn config_excludes_per_file_ignores_extend_and_pyproject() {
    let p = Project::new();
    p.write("base.toml", "ignore = [\"py-sql-string-format\"]\n");
    p.write("assay.toml", "extend = \"base.toml\"\nextend-exclude = [\"generated\"]\n[per-file-ignores]\n\"scripts/**\" = [\"code-injection\"]\n");
    p.write("app.py", &format!("{SQL_BAD}{EVAL_BAD}"));
    p.write("generated/x.py", EVAL_BAD);
    p.write("scripts/tool.py", EVAL_BAD);
    let out = stdout(&p.assay(&["check", "--format", "json"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hits: Vec<String> = doc["findings"].as_array().unwrap().iter().map(|f| format!("{} {}", f["path"].as_str().unwrap(), f["rule_id"].as_str().unwrap())).collect();
    assert_eq!(hits, vec!["app.py py-eval-exec-dynamic"], "{out}");
    // A file named explicitly is checked even inside an excluded folder.
    let out = stdout(&p.assay(&["check", "generated/x.py"]));
    assert!(out.contains("generated/x.py:2:12"), "{out}");

    // Nested pyproject with [tool.assay] governs its subtree; nearest wins.
    p.write("sub/pyproject.toml", "[project]\nname = \"x\"\n[tool.assay]\nselect = [\"py-sql-string-format\"]\n");
    p.write("sub/m.py", &format!("{SQL_BAD}{EVAL_BAD}"));
    let out = stdout(&p.assay(&["check", "--format", "json", "sub"]));
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rules: Vec<&str> = doc["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    assert_eq!(rules, vec!["py-sql-string-format"], "{out}");
}

#[test]
fn gitignore_is_respected_hidden_files_scanned_git_dir_never() {
    let p = Project::new();
    p.write(".gitignore", "ignored/\n");
    p.write("ignored/a.py", EVAL_BAD);
    p.write(".hidden/b.py", EVAL_BAD);
    p.write(".git/hooks/c.py", EVAL_BAD);
    std::fs::create_dir_all(p.path().join(".git/objects")).unwrap();
    let out = stdout(&p.assay(&["check"]));
    assert!(out.contains(".hidden/b.py"), "{out}");
    assert!(!out.contains("ignored/a.py") && !out.contains(".git/"), "{out}");
}

#[test]
fn cache_reuses_results_until_content_or_rules_change() {
    let p = Project::new();
    p.write("a.py", EVAL_BAD);
    let first = stdout(&p.assay(&["check"]));
    assert!(p.path().join(".assay_cache").is_dir());
    let second = stdout(&p.assay(&["check"]));
    assert_eq!(first, second);
    p.write("a.py", CLEAN);
    assert!(stdout(&p.assay(&["check"])).contains("No findings"));
    // Settings are part of the key: ignoring a rule is not served stale.
    p.write("a.py", EVAL_BAD);
    assert!(stdout(&p.assay(&["check", "--ignore", "py-eval-exec-dynamic"])).contains("No findings"));
    let q = Project::new();
    q.write("a.py", EVAL_BAD);
    q.assay(&["check", "--no-cache"]);
    assert!(!q.path().join(".assay_cache").exists());
}

#[test]
fn rules_json_and_explain() {
    let p = Project::new();
    let o = p.assay(&["rules", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let rules: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert!(rules.len() >= 6);
    for r in rules {
        for key in ["id", "language", "severity", "category", "cwe", "title"] {
            assert!(!r[key].is_null(), "{key} missing in {r}");
        }
    }
    let o = p.assay(&["explain", "py-sql-string-format"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("CWE-89") && out.contains("Secure prompt") && out.contains("parameterized"), "{out}");
    let o = p.assay(&["explain", "sql-string"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("did you mean py-sql-string-format"), "{}", stderr(&o));
}

#[test]
fn version_flag() {
    let o = Command::new(BIN).arg("--version").output().unwrap();
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("assay "));
}

#[test]
fn rust_suppressions_work_on_the_line_and_the_line_above() {
    let p = Project::new();
    p.write(
        "src/lib.rs",
        "pub fn a(x: f32) -> u32 {\n\
         \x20   unsafe { std::mem::transmute(x) } // assay: ignore[rs-transmute, rs-unsafe-without-safety-comment] -- bit cast checked by tests\n\
         }\n\
         pub fn b(x: f32) -> u32 {\n\
         \x20   // assay: ignore[rs-transmute, rs-unsafe-without-safety-comment] -- same\n\
         \x20   unsafe { std::mem::transmute(x) }\n\
         }\n\
         pub fn c(x: u32) -> u32 {\n\
         \x20   x // assay: ignore[rs-transmute]\n\
         }\n",
    );
    let o = p.assay(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let found: Vec<(String, u64)> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["rule_id"].as_str().unwrap().to_string(), f["start"]["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, vec![("assay-unused-suppression".to_string(), 9)], "{}", stdout(&o));
    assert_eq!(doc["summary"]["suppressed"], 4);
}

#[test]
fn comments_that_only_mention_the_suppression_syntax_are_not_directives() {
    let p = Project::new();
    p.write("a.py", "# Suppress with `# assay: ignore[rule-id] -- reason` on the line.\nx = input()\ny = eval(x)  # type: ignore  # assay: ignore[py-eval-exec-dynamic] -- trusted\n");
    p.write("lib.rs", "//! Write `// assay: ignore[...]` to suppress.\n/// See `assay: ignore[<rule>]`.\npub fn f() {}\n");
    let o = p.assay(&["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["findings"].as_array().unwrap().len(), 0, "{}", stdout(&o));
    assert_eq!(doc["summary"]["suppressed"], 1);
}

/// A notebook (nbformat 4) with the given cells: (cell_type, source lines, outputs).
fn notebook_json(cells: &[(&str, &[&str], serde_json::Value)]) -> String {
    let cells: Vec<serde_json::Value> = cells
        .iter()
        .enumerate()
        .map(|(i, (kind, lines, outputs))| {
            if *kind == "code" {
                serde_json::json!({"cell_type": "code", "execution_count": i, "metadata": {}, "outputs": outputs, "source": lines})
            } else {
                serde_json::json!({"cell_type": kind, "metadata": {}, "source": lines})
            }
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({"cells": cells, "metadata": {"kernelspec": {"name": "python3"}}, "nbformat": 4, "nbformat_minor": 5})).unwrap()
}

#[test]
fn notebook_code_cells_get_every_rule_with_cell_positions() {
    let p = Project::new();
    // A provider-shaped key, built at run time, printed in a cell's output.
    let key = format!("xai-{}", "Q7f2Lm9XwB4tR8sV1nK6pZ3yH5cJ0dGa".repeat(3).chars().take(80).collect::<String>());
    let output = serde_json::json!([{"name": "stdout", "output_type": "stream", "text": [format!("XAI key: {key}\n")]}]);
    let none = serde_json::json!([]);
    let text = notebook_json(&[
        ("markdown", &["# Exploration\n"], none.clone()),
        ("code", &["%pip install openai\n", "!ls -la\n", "import subprocess as sp\n", "from openai import OpenAI\n", "client = OpenAI()\n"], none.clone()),
        ("code", &["def broken(:\n", "    pass\n"], none.clone()),
        ("code", &["reply = client.chat.completions.create(model=\"gpt-4o\", messages=[])\n", "cmd = reply.choices[0].message.content\n", "sp.run(cmd, shell=True)\n"], none.clone()),
        ("code", &["print('done')\n"], output),
    ]);
    p.write("nb/explore.ipynb", &text);
    let o = p.assay(&["check", "--no-cache", "nb/explore.ipynb"]);
    let out = stdout(&o);
    assert_eq!(code(&o), 1, "{out}");
    // Cell 4 (the markdown cell counts), line 3, column 1; the alias comes from cell 2.
    assert!(out.contains("nb/explore.ipynb:cell 4:3:1: error[py-llm-output-to-shell]"), "{out}");
    // The secret in an output is still reported, and never printed in full.
    assert!(out.contains("any-provider-secret"), "{out}");
    assert!(!out.contains(&key) && !stderr(&o).contains(&key), "{out}");
    assert!(stderr(&o).contains("syntax error in cell 3; the other cells were still analysed"), "{}", stderr(&o));

    let o = p.assay(&["check", "--no-cache", "--format", "json", "nb/explore.ipynb"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let finding = doc["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "py-llm-output-to-shell").expect("shell finding");
    assert_eq!(finding["cell"], serde_json::json!({"cell": 4, "line": 3, "column": 1}));
    // start/end point into the JSON text, at the code itself.
    let line = text.lines().nth(finding["start"]["line"].as_u64().unwrap() as usize - 1).unwrap();
    let column = finding["start"]["column"].as_u64().unwrap() as usize;
    assert!(line.chars().skip(column - 1).collect::<String>().starts_with("sp.run(cmd, shell=True)"), "{line}");

    let o = p.assay(&["check", "--no-cache", "--format", "sarif", "nb/explore.ipynb"]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let result = sarif["runs"][0]["results"].as_array().unwrap().iter().find(|r| r["ruleId"] == "py-llm-output-to-shell").expect("shell result");
    assert_eq!(result["properties"]["notebookCell"], 4);
    assert_eq!(result["properties"]["cellLine"], 3);
}

#[test]
fn invalid_notebook_is_a_notice_and_still_scanned_for_secrets() {
    let p = Project::new();
    p.write("broken.ipynb", "{\"cells\": [ {\"cell_type\": \"code\", ");
    let o = p.assay(&["check", "--no-cache", "broken.ipynb"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(stderr(&o).contains("broken.ipynb") && stderr(&o).contains("not a valid notebook"), "{}", stderr(&o));
}
