//! Change-aware review end to end, on temporary git repositories: `--changed-since`, `--staged`,
//! baselines, and the CI report formats (GitHub, GitLab, SARIF paths, several reports per run).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::BIN;

const EVAL_BAD: &str = "def g(text):\n    return eval(text)\n";
const SQL_BAD: &str = "def f(cur, name):\n    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n";
const CLEAN: &str = "import json\n\ndef load(text):\n    return json.loads(text)\n";

use common::Project as Repo;

impl Repo {
    /// A fresh repository with no commit; `git` is isolated from the user's configuration.
    fn init() -> Self {
        let repo = Repo::new();
        repo.git(&["init", "-q"]);
        repo
    }
    fn git(&self, args: &[&str]) -> String {
        common::git(self.path(), args)
    }
    fn commit_all(&self, message: &str) {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
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
/// (path, 1-based line, rule) of each finding in `--format json` output.
fn findings(o: &Output) -> Vec<(String, u64, String)> {
    let doc: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(o), stderr(o)));
    doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["start"]["line"].as_u64().unwrap(), f["rule_id"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn changed_since_reports_only_added_or_changed_lines_and_new_files() {
    let r = Repo::init();
    r.write("app/a.py", EVAL_BAD);
    r.write("app/old.py", SQL_BAD);
    r.commit_all("legacy");
    let base = r.git(&["rev-parse", "HEAD"]).trim().to_string();
    // a committed change, a working-tree change and an untracked file, all after the ref
    r.write("app/a.py", &format!("{EVAL_BAD}\n{SQL_BAD}"));
    r.commit_all("add a query");
    r.write("app/a.py", &format!("{EVAL_BAD}\n{SQL_BAD}\ndef h(x):\n    return eval(x)\n"));
    r.write("app/new.py", EVAL_BAD);

    let all = r.assay(&["check", "--format", "json"]);
    assert_eq!(findings(&all).len(), 5, "{}", stdout(&all));
    let o = r.assay(&["check", "--format", "json", "--changed-since", &base]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let mut got = findings(&o);
    got.sort();
    assert_eq!(
        got,
        vec![
            ("app/a.py".into(), 5, "py-sql-string-format".into()),
            ("app/a.py".into(), 8, "py-eval-exec-dynamic".into()),
            ("app/new.py".into(), 2, "py-eval-exec-dynamic".into()),
        ]
    );
    // since the last commit, only the working-tree edits count; from a subfolder, paths stay
    // relative to where assay runs
    let o = r.assay_in("app", &["check", "--format", "json", "--changed-since", "HEAD"]);
    let mut got = findings(&o);
    got.sort();
    assert_eq!(got, vec![("a.py".into(), 8, "py-eval-exec-dynamic".into()), ("new.py".into(), 2, "py-eval-exec-dynamic".into())]);
    // nothing changed: clean exit even though old findings exist
    r.commit_all("all");
    let o = r.assay(&["check", "--changed-since", "HEAD"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("No findings"), "{}", stdout(&o));
}

#[test]
fn changed_since_follows_renames() {
    let r = Repo::init();
    let body: String = (0..20).map(|i| format!("X{i} = {i}\n")).collect();
    r.write("old_name.py", &format!("{body}{EVAL_BAD}"));
    r.commit_all("one");
    r.git(&["mv", "old_name.py", "new_name.py"]);
    // the renamed file also gains one line with a new finding
    r.write("new_name.py", &format!("{body}{EVAL_BAD}def k(y):\n    return eval(y)\n"));
    let o = r.assay(&["check", "--format", "json", "--changed-since", "HEAD"]);
    // without rename detection the whole file would be new and the old eval reported too
    assert_eq!(findings(&o), vec![("new_name.py".into(), 24, "py-eval-exec-dynamic".into())], "{}", stderr(&o));
}

#[test]
fn changed_since_an_unknown_ref_or_outside_git_is_a_clear_error() {
    let r = Repo::init();
    r.write("a.py", CLEAN);
    r.commit_all("one");
    let o = r.assay(&["check", "--changed-since", "no-such-branch"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--changed-since no-such-branch: no such commit"), "{}", stderr(&o));
    let plain = Repo::new();
    plain.write("a.py", CLEAN);
    let o = plain.assay(&["check", "--staged"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("not inside a git repository"), "{}", stderr(&o));
}

#[test]
fn staged_judges_the_index_not_the_working_tree() {
    let r = Repo::init();
    r.write("a.py", CLEAN);
    r.write("b.py", EVAL_BAD);
    r.commit_all("one");
    // staged: a new finding; working tree: the line fixed again (a partially staged file)
    r.write("a.py", &format!("{CLEAN}\n{SQL_BAD}"));
    r.git(&["add", "a.py"]);
    r.write("a.py", CLEAN);
    let o = r.assay(&["check", "--staged", "--format", "json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(findings(&o), vec![("a.py".into(), 7, "py-sql-string-format".into())]);
    // the converse: a clean stage with a bad working tree passes
    r.git(&["add", "a.py"]);
    r.write("a.py", &format!("{CLEAN}\n{SQL_BAD}"));
    let o = r.assay(&["check", "--staged"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    // untouched old findings (b.py) are never reported, and file arguments narrow the check
    r.write("b.py", &format!("{EVAL_BAD}def z(q):\n    return eval(q)\n"));
    r.git(&["add", "b.py"]);
    let o = r.assay(&["check", "--staged", "--format", "json", "b.py"]);
    assert_eq!(findings(&o), vec![("b.py".into(), 4, "py-eval-exec-dynamic".into())]);
    let o = r.assay(&["check", "--staged", "--format", "json", "a.py"]);
    assert_eq!(findings(&o), vec![]);
}

#[test]
fn staged_works_before_the_first_commit_and_with_renames() {
    let r = Repo::init();
    r.write("src/first.py", EVAL_BAD);
    r.write("src/clean.py", CLEAN);
    r.git(&["add", "-A"]);
    let o = r.assay(&["check", "--staged", "--format", "json"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(findings(&o), vec![("src/first.py".into(), 2, "py-eval-exec-dynamic".into())]);
    r.git(&["commit", "-q", "-m", "first"]);
    r.git(&["mv", "src/first.py", "src/moved.py"]);
    let o = r.assay(&["check", "--staged"]);
    assert_eq!(code(&o), 0, "a pure rename adds no line: {}{}", stdout(&o), stderr(&o));
}

#[test]
fn baseline_leaves_out_known_findings_even_when_code_moves() {
    let r = Repo::init();
    r.write("app/a.py", &format!("{EVAL_BAD}\n{SQL_BAD}"));
    r.write("app/b.py", EVAL_BAD);
    r.commit_all("legacy");
    let o = r.assay(&["baseline"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("Recorded 3 findings in .assay-baseline.json"), "{}", stderr(&o));
    let text = r.read(".assay-baseline.json");
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let entries = doc["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    let keys: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| (e["path"].as_str().unwrap().into(), e["rule_id"].as_str().unwrap().into(), e["fingerprint"].as_str().unwrap().into()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "entries are sorted");
    assert!(!text.contains("line") && !text.contains("time"), "no line numbers or timestamps: {text}");
    // the same findings again give the same file, byte for byte
    r.assay(&["baseline"]);
    assert_eq!(r.read(".assay-baseline.json"), text);

    let o = r.assay(&["check", "--baseline", ".assay-baseline.json"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("note: 3 known findings left out"), "{}", stderr(&o));

    // moving code (lines inserted above, whitespace changed) does not resurrect findings; an
    // identical new copy of a known finding is new (occurrence index), as is a new finding
    r.write("app/a.py", &format!("import os\n\n\n{}\n{SQL_BAD}", EVAL_BAD.replace("eval(text)", "eval( text )")));
    r.write("app/b.py", &format!("{EVAL_BAD}def g2(text):\n    return eval(text)\n"));
    let o = r.assay(&["check", "--baseline", ".assay-baseline.json", "--format", "json"]);
    assert_eq!(code(&o), 1);
    assert_eq!(findings(&o), vec![("app/b.py".into(), 4, "py-eval-exec-dynamic".into())], "{}", stderr(&o));
    assert!(stderr(&o).contains("3 known findings left out"), "{}", stderr(&o));
    // known findings are left out of SARIF too; from a subfolder the baseline still matches
    let o = r.assay_in("app", &["check", "--baseline", "../.assay-baseline.json", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1, "{}", stderr(&o));
    assert!(stderr(&o).contains("3 known findings"), "{}", stderr(&o));

    // fixed findings become stale entries, listed on request
    r.write("app/a.py", CLEAN);
    let o = r.assay(&["check", "--baseline", ".assay-baseline.json", "--show-stale"]);
    let err = stderr(&o);
    assert_eq!(err.matches("stale baseline entry: app/a.py").count(), 2, "{err}");
    assert!(err.contains("note: 2 stale entries in the baseline .assay-baseline.json"), "{err}");
    assert!(!err.contains("stale baseline entry: app/b.py"), "{err}");
}

#[test]
fn baseline_named_in_the_config_is_used_and_written_by_default() {
    let r = Repo::new();
    r.write("assay.toml", "baseline = \"ci/known-findings.json\"\n");
    r.write("a.py", EVAL_BAD);
    std::fs::create_dir_all(r.path().join("ci")).unwrap();
    let o = r.assay(&["check"]);
    assert_eq!(code(&o), 2, "a configured baseline that does not exist is an error");
    assert!(stderr(&o).contains("known-findings.json"), "{}", stderr(&o));
    assert_eq!(code(&r.assay(&["baseline"])), 0);
    assert!(r.path().join("ci/known-findings.json").is_file());
    let o = r.assay(&["check"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("1 known finding left out (recorded in the baseline ci/known-findings.json)"), "{}", stderr(&o));
    // a buffer piped in by an editor gets the configured baseline too
    let mut child = Command::new(BIN)
        .args(["check", "--stdin-filename", "a.py"])
        .current_dir(r.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child.stdin.take().unwrap().write_all(format!("# moved\n{EVAL_BAD}").as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o).contains("1 known finding left out"), "{}", stderr(&o));
    let o = r.assay(&["check", "--baseline", "nope.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("cannot read the baseline") && stderr(&o).contains("nope.json"), "{}", stderr(&o));
}

#[test]
fn github_workflow_commands_and_gitlab_code_quality() {
    let r = Repo::init();
    r.write("src/a,b.py", EVAL_BAD);
    r.write("src/c.py", SQL_BAD);
    r.commit_all("one");
    let o = r.assay_in("src", &["check", "--format", "github"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    // paths are relative to the repository root, as GitHub annotations need; `,` escaped
    assert!(lines[0].starts_with("::error file=src/a%2Cb.py,line=2,col=12,endLine=2,endColumn="), "{out}");
    assert!(lines[0].contains(",title=assay py-eval-exec-dynamic::"), "{out}");
    assert!(lines[0].contains("%0Ahelp: "), "help on a second line: {out}");
    assert!(lines[1].starts_with("::error file=src/c.py,line=2,col=5,"), "{out}");

    let o = r.assay(&["check", "--format", "gitlab"]);
    let issues: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 2);
    for issue in issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[field].is_string(), "{field} missing: {issue}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["location"]["lines"]["begin"].is_u64());
    }
    assert_eq!(issues[0]["location"]["path"], "src/a,b.py");
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
}

#[test]
fn several_reports_in_one_run() {
    let r = Repo::init();
    r.write("a.py", EVAL_BAD);
    r.commit_all("one");
    let o = r.assay(&[
        "check",
        "--sarif-output",
        "out/r.sarif",
        "--json-output",
        "r.json",
        "--gitlab-output",
        "gl-code-quality.json",
        "--github-output",
        "gh.txt",
        "--text-output",
        "r.txt",
    ]);
    std::fs::create_dir_all(r.path().join("out")).unwrap();
    // out/ did not exist: a clear error naming the file
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("cannot write the report to out/r.sarif"), "{}", stderr(&o));
    let o = r.assay(&["check", "--format", "github", "--sarif-output", "out/r.sarif", "--json-output", "r.json", "--gitlab-output", "gl.json", "--text-output", "r.txt"]);
    assert_eq!(code(&o), 1, "exit code as usual: {}", stderr(&o));
    assert!(stdout(&o).starts_with("::error file=a.py,line=2"), "{}", stdout(&o));
    let sarif: serde_json::Value = serde_json::from_str(&r.read("out/r.sarif")).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 1);
    let json: serde_json::Value = serde_json::from_str(&r.read("r.json")).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 1);
    let gl: serde_json::Value = serde_json::from_str(&r.read("gl.json")).unwrap();
    assert_eq!(gl.as_array().unwrap().len(), 1);
    let text = r.read("r.txt");
    assert!(text.contains("a.py:2:12: error[py-eval-exec-dynamic]") && !text.contains('\x1b'), "{text}");
}

#[test]
fn sarif_from_a_subfolder_uses_repository_relative_uris_and_validates() {
    let r = Repo::init();
    r.write("pkg/sub dir/a.py", EVAL_BAD);
    r.write("pkg/b.py", "def h(x):\n    return eval(x)  # assay: ignore[py-eval-exec-dynamic] -- trusted admin console\n");
    // a key-shaped fake value, assembled here so no such string is committed
    let key = ["sk_live_", "4eC39HqLyjWDarjtT1", "zdp7dcXYZabc"].concat();
    r.write("pkg/settings.py", &format!("STRIPE_KEY = \"{key}\"\n"));
    r.commit_all("one");
    let o = r.assay_in("pkg", &["check", "--format", "sarif", "--output", "../r.sarif"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(&r.read("r.sarif")).unwrap();
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let uris: Vec<&str> = results.iter().map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap()).collect();
    assert!(uris.contains(&"pkg/sub%20dir/a.py") && uris.contains(&"pkg/b.py") && uris.contains(&"pkg/settings.py"), "{uris:?}");
    assert!(!r.read("r.sarif").contains(&key), "no full secret in SARIF");
    let suppressed: Vec<_> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["suppressions"][0]["justification"], "trusted admin console");
    for result in results {
        assert!(result["partialFingerprints"]["primaryLocationLineHash"].is_string());
    }
    let validator = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/validate_sarif.py");
    let v = Command::new("python3").arg(&validator).arg(r.path().join("r.sarif")).output().unwrap();
    assert_eq!(code(&v), 0, "SARIF invalid (tests/run.sh installs jsonschema):\n{}{}", stdout(&v), stderr(&v));
}

#[test]
fn ci_recipes_parse_and_their_assay_commands_run_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let recipes: Vec<PathBuf> = ["github-actions.yml", "gitlab-ci.yml"].iter().map(|n| root.join(".ci/recipes").join(n)).collect();
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    for recipe in &recipes {
        let rel = recipe.strip_prefix(root).unwrap().to_string_lossy().into_owned();
        assert!(readme.contains(&rel), "README does not point to {rel}");
    }
    let checker = root.join("tests/tools/check_ci_recipes.py");
    let o = Command::new("python3").arg(&checker).arg(BIN).args(&recipes).output().unwrap();
    assert_eq!(code(&o), 0, "CI recipes (tests/run.sh installs PyYAML):\n{}{}", stdout(&o), stderr(&o));
}

/// The README's walkthrough (between `<!-- walkthrough` and `<!-- /walkthrough -->`), every
/// command run as written in a repository with hundreds of old findings; `# exit N` comments
/// give the expected exit code (0 otherwise).
#[test]
fn readme_walkthrough_works_as_written() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let start = readme.find("<!-- walkthrough").expect("README has a walkthrough");
    let end = readme.find("<!-- /walkthrough -->").expect("the walkthrough ends");
    let mut commands = Vec::new();
    let mut in_block = false;
    for line in readme[start..end].lines() {
        if line.starts_with("```") {
            in_block = !in_block;
            continue;
        }
        if in_block && !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            let expected = line.split("# exit ").nth(1).map_or(0, |rest| rest[..1].parse::<i32>().unwrap());
            commands.push((line.to_string(), expected));
        }
    }
    assert!(commands.len() >= 8, "{commands:?}");

    let r = Repo::init();
    for i in 0..150 {
        r.write(&format!("legacy/m{i:03}.py"), &format!("{EVAL_BAD}\n{SQL_BAD}"));
    }
    r.commit_all("legacy code");
    let bin_dir = Path::new(BIN).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let mut transcript = String::new();
    for (command, expected) in &commands {
        let o = Command::new("bash")
            .arg("-c")
            .arg(command)
            .current_dir(r.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_GLOBAL", r.path().join(".no-global-gitconfig"))
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.invalid")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.invalid")
            .env_remove("ASSAY_QUERIES_DIR")
            .output()
            .unwrap();
        transcript.push_str(&format!("$ {command}\n{}{}", stdout(&o), stderr(&o)));
        assert_eq!(code(&o), *expected, "`{command}`:\n{transcript}");
    }
    // what the commands showed: hundreds of old findings, then only the new one
    assert!(transcript.contains("Recorded 300 findings in .assay-baseline.json"), "{transcript}");
    assert!(transcript.contains("300 known findings left out"), "{transcript}");
    assert_eq!(transcript.matches("new_feature.py:2:12: error[py-eval-exec-dynamic]").count(), 3, "{transcript}");
    let after_baseline = &transcript[transcript.find("$ assay baseline").unwrap()..];
    assert!(!after_baseline.contains("legacy/"), "{transcript}");
}

#[test]
fn fix_with_changed_since_fixes_only_what_the_change_introduced() {
    let r = Repo::init();
    let old = "import requests\n\ndef a(url):\n    return requests.get(url, verify=False)\n";
    r.write("net.py", old);
    r.commit_all("one");
    r.write("net.py", &format!("{old}\ndef b(url):\n    return requests.post(url, verify=False)\n"));
    let o = r.assay(&["check", "--changed-since", "HEAD", "--fix", "--unsafe-fixes"]);
    assert!(stdout(&o).contains("Fixed 1 finding"), "{}{}", stdout(&o), stderr(&o));
    let text = r.read("net.py");
    assert!(text.contains("requests.get(url, verify=False)"), "the old line is left alone: {text}");
    assert!(text.contains("requests.post(url, verify=True)"), "the new line is fixed: {text}");
}
