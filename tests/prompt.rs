//! `assay prompt`: the real binary prints, writes and checks the instruction block.

use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_assay");
const START: &str = "<!-- assay:prompt:start -->";
const END: &str = "<!-- assay:prompt:end -->";

fn assay(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).current_dir(dir).args(args).env_remove("VIRTUAL_ENV").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A small Flask project with several kinds of findings.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("requirements.txt"), "flask==3.0.3\nrequests==2.32.3\n").unwrap();
    std::fs::create_dir_all(p.join("app")).unwrap();
    std::fs::write(
        p.join("app/views.py"),
        "import subprocess\nimport pickle\nimport random\nfrom flask import Flask, request\nimport flask_magic_auth\n\napp = Flask(__name__)\n\n\
@app.route('/run')\ndef run():\n    subprocess.run(request.args['cmd'], shell=True)\n    token = random.random()\n    return pickle.loads(request.data)\n",
    )
    .unwrap();
    dir
}

/// A PEM private key with a pseudo-random body, built at run time (never committed).
fn fake_private_key() -> String {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let body: String = (0..256)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            alphabet[(x % 64) as usize] as char
        })
        .collect();
    let kind = "RSA PRIVATE KEY";
    format!("-----BEGIN {kind}-----\n{}\n{}\n-----END {kind}-----\n", &body[..128], &body[128..])
}

#[test]
fn prints_a_deterministic_block_within_the_word_limit() {
    let dir = project();
    let a = assay(dir.path(), &["prompt"]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    let block = stdout(&a);
    assert!(block.starts_with(START) && block.trim_end().ends_with(END), "{block}");
    assert!(block.contains("This project: Python (Flask, requests)."), "{block}");
    assert!(block.contains("command-injection") || block.contains("injection"), "{block}");
    assert!(block.contains("supply-chain"), "the undeclared import trips the dependency family: {block}");
    let words = block.split_whitespace().count();
    assert!(words <= 300, "{words} words");
    for _ in 0..3 {
        assert_eq!(stdout(&assay(dir.path(), &["prompt"])), block, "same project, same block");
    }
    // Errors before warnings: the first hint line belongs to an error-severity family.
    let first = block.lines().find(|l| l.starts_with("- ") && l.contains(": ") && !l.starts_with("- Never") && !l.starts_with("- Pass") && !l.starts_with("- Keep") && !l.starts_with("- Only")).unwrap();
    assert!(!first.starts_with("- supply-chain"), "a warning family came first: {first}");
}

#[test]
fn write_is_idempotent_and_keeps_user_text_byte_for_byte() {
    let dir = project();
    let p = dir.path();
    let before = "# Agents\r\n\r\nUse tabs. Ünïcode stays.\n\n";
    let after = "\n## After\ntrailing text without newline";
    std::fs::write(p.join("AGENTS.md"), format!("{before}{START}\nold block\n{END}\n{after}")).unwrap();
    assert!(assay(p, &["prompt", "--write", "AGENTS.md"]).status.success());
    let once = std::fs::read(p.join("AGENTS.md")).unwrap();
    assert!(assay(p, &["prompt", "--write", "AGENTS.md"]).status.success());
    let twice = std::fs::read(p.join("AGENTS.md")).unwrap();
    assert_eq!(once, twice, "writing twice gives identical bytes");
    let text = String::from_utf8(once).unwrap();
    assert!(text.starts_with(&format!("{before}{START}\n")), "{text}");
    assert!(text.ends_with(&format!("{END}\n{after}")), "{text}");
    assert!(!text.contains("old block"));
    assert_eq!(text.matches(START).count(), 1);
}

#[test]
fn check_exits_one_when_missing_or_stale_and_zero_when_current() {
    let dir = project();
    let p = dir.path();
    let missing = assay(p, &["prompt", "--check", "CLAUDE.md"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no assay prompt block"));
    assert!(assay(p, &["prompt", "--write", "CLAUDE.md"]).status.success());
    let current = assay(p, &["prompt", "--check", "CLAUDE.md"]);
    assert_eq!(current.status.code(), Some(0), "{}", String::from_utf8_lossy(&current.stderr));
    // New findings make the block stale.
    std::fs::write(p.join("app/extra.py"), "import yaml\n\ndef load(s):\n    return yaml.load(s)\n").unwrap();
    let stale = assay(p, &["prompt", "--check", "CLAUDE.md"]);
    assert_eq!(stale.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&stale.stderr).contains("stale"), "{}", String::from_utf8_lossy(&stale.stderr));
}

#[test]
fn cursor_rules_get_front_matter_first_and_keep_it() {
    let dir = project();
    let p = dir.path();
    assert!(assay(p, &["prompt", "--write", ".cursor/rules/security.mdc"]).status.success());
    let created = std::fs::read_to_string(p.join(".cursor/rules/security.mdc")).unwrap();
    assert!(created.starts_with("---\n") && created.contains(&format!("---\n{START}")), "{created}");
    let own = "---\ndescription: team rules\nglobs: \"**/*.py\"\n---\nBe nice.\n";
    std::fs::write(p.join(".cursor/rules/team.mdc"), own).unwrap();
    assert!(assay(p, &["prompt", "--write", ".cursor/rules/team.mdc"]).status.success());
    let team = std::fs::read_to_string(p.join(".cursor/rules/team.mdc")).unwrap();
    assert!(team.starts_with(&format!("---\ndescription: team rules\nglobs: \"**/*.py\"\n---\n{START}")), "{team}");
    assert!(team.ends_with("\nBe nice.\n"), "{team}");
    assert!(assay(p, &["prompt", "--check", ".github/copilot-instructions.md"]).status.code() == Some(1));
    assert!(assay(p, &["prompt", "--write", ".github/copilot-instructions.md"]).status.success());
    assert!(assay(p, &["prompt", "--check", ".github/copilot-instructions.md"]).status.success());
}

#[test]
fn findings_inside_a_prompt_block_do_not_count() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    std::fs::write(p.join("main.py"), "print('hello')\n").unwrap();
    std::fs::write(p.join("AGENTS.md"), format!("{START}\n{}{END}\n", fake_private_key())).unwrap();
    let inside = stdout(&assay(p, &["prompt"]));
    assert!(!inside.contains("secrets:"), "{inside}");
    std::fs::write(p.join("NOTES.md"), fake_private_key()).unwrap();
    let outside = stdout(&assay(p, &["prompt"]));
    assert!(outside.contains("secrets:"), "{outside}");
}
