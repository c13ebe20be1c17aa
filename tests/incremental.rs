//! The incremental rescan (what the language server runs on each keystroke) must report exactly
//! what a full scan of the same text reports. Random edits, typed into the rule fixtures and
//! project files, each followed by both scans.

mod common;

use std::path::Path;

use assay::engine::fixtures::logical_path;
use assay::engine::incremental::{ByteEdit, Previous, ScanMemo};
use assay::engine::{self, Catalog, Language, ScanSettings};
use tree_sitter::{InputEdit, Point, Tree};

/// A small deterministic generator (xorshift), so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Text a user (or an assistant) might type: names, sources, sinks, brackets, quotes, comments.
const PYTHON_SNIPPETS: &[&str] = &[
    "x", " ", "\n    ", "(", ")", "'", "\"", "#", ":", "request.args.get('q')", "eval(", "os.system(cmd)",
    "subprocess.run(cmd, shell=True)", "cursor.execute(f\"SELECT {x}\")", "verify=False", "\n    return x\n",
    "  # assay: ignore[py-eval-exec-dynamic] -- test", "import pickle\n", "helper(", "def f(a):\n    ", "pass",
];
const RUST_SNIPPETS: &[&str] = &[
    "x", " ", "\n    ", "(", ")", "{", "}", ";", "\"", "//", "unsafe { }", ".unwrap()", "Command::new(x)",
    "format!(\"SELECT {}\", x)", "danger_accept_invalid_certs(true)", "let y = x;", "helper(x);", "fn f() {}",
];

fn point_at(text: &str, byte: usize) -> Point {
    let before = &text[..byte];
    let row = before.matches('\n').count();
    Point { row, column: byte - before.rfind('\n').map_or(0, |i| i + 1) }
}

fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Replace `start..old_end` of `text` with `insert`, telling `tree`; returns the edit.
fn replace(text: &mut String, tree: &mut Tree, start: usize, old_end: usize, insert: &str) -> ByteEdit {
    let (start_position, old_end_position) = (point_at(text, start), point_at(text, old_end));
    let removed = text[start..old_end].to_string();
    text.replace_range(start..old_end, insert);
    let new_end = start + insert.len();
    tree.edit(&InputEdit { start_byte: start, old_end_byte: old_end, new_end_byte: new_end, start_position, old_end_position, new_end_position: point_at(text, new_end) });
    ByteEdit { start, old_end, new_end, removed }
}

/// Reparse after `edits` (already applied to `tree`) and rescan from `memo`, as the server does.
#[allow(clippy::too_many_arguments)]
fn rescan(catalog: &Catalog, settings: &ScanSettings, language: Language, path: &Path, text: &str, tree: &Tree, memo: &ScanMemo, edits: &[ByteEdit]) -> (engine::FileReport, ScanMemo, Tree) {
    let new_tree = engine::parse(language, text, Some(tree)).unwrap();
    let previous = Previous { memo, edits, changed_ranges: Previous::changed_between(tree, &new_tree) };
    let (report, next) = engine::scan_source_after(catalog, language, path, text, Some(&new_tree), settings, Some(&previous));
    (report, next, new_tree)
}

/// What only one of two scans found, for a failure message.
fn difference(incremental: &[Key], full: &[Key]) -> String {
    let only_incremental: Vec<_> = incremental.iter().filter(|k| !full.contains(k)).collect();
    let only_full: Vec<_> = full.iter().filter(|k| !incremental.contains(k)).collect();
    format!("  only incremental: {only_incremental:?}\n  only full:        {only_full:?}")
}

/// Apply a random edit to `text` and `tree`; returns the edit.
fn random_edit(rng: &mut Rng, language: Language, text: &mut String, tree: &mut Tree) -> ByteEdit {
    let start = floor(text, rng.below(text.len() + 1));
    let (old_end, insert) = match rng.below(3) {
        0 => (floor(text, (start + rng.below(12)).min(text.len())).max(start), String::new()),
        _ => {
            let snippets = if language == Language::Python { PYTHON_SNIPPETS } else { RUST_SNIPPETS };
            (start, snippets[rng.below(snippets.len())].to_string())
        }
    };
    replace(text, tree, start, old_end, &insert)
}

type Key = (String, usize, usize, usize, usize, String, String, bool, Option<String>);

fn keys(report: &engine::FileReport) -> Vec<Key> {
    report
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_id.clone(),
                f.range.start_byte,
                f.range.end_byte,
                f.range.start.line,
                f.range.start.column,
                f.message.clone(),
                format!("{:?}", f.severity),
                f.fix.is_some(),
                f.suppression.as_ref().map(|s| format!("{s:?}")),
            )
        })
        .collect()
}

type EditFn = fn(&mut Rng, Language, &mut String, &mut Tree) -> ByteEdit;

/// Random edits (anything, often breaking the syntax): mostly whole-file rescans, and those
/// that are incremental must agree. `min_share` of the rescans must be incremental.
#[test]
fn incremental_rescans_equal_full_scans_over_random_edits() {
    compare_rescans(random_edit, 40);
}

/// Edits that keep the file well-formed (a statement line inserted with the next line's
/// indentation, a name extended): in the small fixtures, module-level lines and the "half the
/// file" rule still make most rescans whole-file ones.
#[test]
fn incremental_rescans_equal_full_scans_over_well_formed_edits() {
    compare_rescans(statement_edit, 10);
}

/// A statement line at the start of a random line, indented like it, or `x` after a name.
fn statement_edit(rng: &mut Rng, language: Language, text: &mut String, tree: &mut Tree) -> ByteEdit {
    const PYTHON: &[&str] = &["x = request.args.get('q')", "os.system(cmd)", "eval(x)", "pass", "y = helper(x)", "cursor.execute(f\"SELECT {x}\")", "# note", "data = pickle.loads(x)"];
    const RUST: &[&str] = &["// note", "let _z = 1;", "helper(x);", "let q = format!(\"SELECT {}\", x);"];
    let line_starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).filter(|&i| i < text.len()).collect();
    let (start, insert) = if rng.below(3) == 0 {
        // `x` after a name character, before a non-name one.
        let bytes = text.as_bytes();
        let at = rng.below(text.len().max(1));
        match (at..text.len().saturating_sub(1)).find(|&i| bytes[i].is_ascii_alphabetic() && !(bytes[i + 1].is_ascii_alphanumeric() || bytes[i + 1] == b'_')) {
            Some(i) => (i + 1, "x".to_string()),
            None => (0, String::new()),
        }
    } else {
        let line = line_starts.get(rng.below(line_starts.len())).copied().unwrap_or(0);
        let rest = &text[line..];
        let indent: String = rest.chars().take_while(|c| *c == ' ').collect();
        let snippets = if language == Language::Python { PYTHON } else { RUST };
        (line, format!("{indent}{}\n", snippets[rng.below(snippets.len())]))
    };
    replace(text, tree, start, start, &insert)
}

/// Edits from `edit` typed into every fixture and project file, 1–3 between scans as when the
/// server debounces; each incremental rescan must equal a full scan of the same tree. More
/// than one in `min_share` rescans must have been incremental, or the test proves little.
fn compare_rescans(edit: EditFn, min_share: usize) {

    let catalog = Catalog::embedded();
    let settings = ScanSettings::default();
    let files = common::source_files(&["tests/fixtures", "tests/projects"]);
    assert!(files.len() > 50, "expected fixtures and project files, found {}", files.len());
    // ASSAY_INCREMENTAL_SEED=<n> tries other edits (a failure prints the seed's edits).
    let seed = std::env::var("ASSAY_INCREMENTAL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5eed_1234_abcd_ef01);
    let mut rng = Rng(seed);
    let (mut checked, mut reused, mut failures) = (0usize, 0usize, Vec::new());
    let only = std::env::var("ASSAY_INCREMENTAL_ONLY").ok();
    for (language, path) in &files {
        let mut text = std::fs::read_to_string(path).unwrap();
        let logical = logical_path(&text, path);
        let mut tree = engine::parse(*language, &text, None).unwrap();
        let skip = only.as_deref().is_some_and(|o| !path.to_string_lossy().contains(o));
        let (_, mut memo): (_, ScanMemo) = engine::scan_source_after(&catalog, *language, &logical, &text, Some(&tree), &settings, None);
        for step in 0..12 {
            // One to three edits between scans, as when the server debounces typing.
            let mut edits = Vec::new();
            for _ in 0..1 + rng.below(3) {
                edits.push(edit(&mut rng, *language, &mut text, &mut tree));
            }
            let (incremental, next_memo, new_tree) = rescan(&catalog, &settings, *language, &logical, &text, &tree, &memo, &edits);
            // The same tree: with syntax errors, an incremental reparse may recover differently
            // from a fresh parse, and that is tree-sitter's business, not the rescan's.
            let full = engine::scan_source(&catalog, *language, &logical, &text, Some(&new_tree), &settings);
            checked += 1;
            reused += usize::from(next_memo.was_incremental());
            let (inc, all) = (keys(&incremental), keys(&full));
            if inc != all && !skip {
                failures.push(format!("{} after step {step} (edits {edits:?}):\n{}", path.display(), difference(&inc, &all)));
            }
            memo = next_memo;
            tree = new_tree;
        }
    }
    assert!(failures.is_empty(), "{} of {checked} rescans differ:\n{}", failures.len(), failures.iter().take(5).cloned().collect::<Vec<_>>().join("\n"));
    assert!(reused * min_share > checked, "only {reused} of {checked} rescans were incremental");
}

/// Typing inside one function of a large file re-runs only that function, and a helper's
/// callers see the change (a cross-function dataflow summary).
#[test]
fn an_edit_inside_a_function_rescans_it_and_its_callers() {
    let catalog = Catalog::embedded();
    let settings = ScanSettings::default();
    let path = Path::new("app/views.py");
    let mut text = String::from("import os\nfrom flask import request\n\n\ndef helper(value):\n    return value\n\n\ndef view():\n    name = helper(request.args.get('n'))\n    os.system('ls ' + name)\n");
    for i in 0..200 {
        text.push_str(&format!("\n\ndef filler_{i}(a, b):\n    total = a + b\n    return total * {i}\n"));
    }
    let mut tree = engine::parse(Language::Python, &text, None).unwrap();
    let (first, memo) = engine::scan_source_after(&catalog, Language::Python, path, &text, Some(&tree), &settings, None);
    assert!(first.findings.iter().any(|f| f.rule_id == "py-os-system-popen"), "{:?}", keys(&first));
    // Make the helper sanitize: `return value` -> `return int(value)`.
    let at = text.find("return value").unwrap() + "return ".len();
    let edits = [replace(&mut text, &mut tree, at, at, "int("), replace(&mut text, &mut tree, at + 4 + 5, at + 4 + 5, ")")];
    let (after, next, _) = rescan(&catalog, &settings, Language::Python, path, &text, &tree, &memo, &edits);
    assert!(next.was_incremental(), "an edit inside a function body should not rescan the whole file");
    assert_eq!(keys(&after), keys(&engine::scan_source(&catalog, Language::Python, path, &text, None, &settings)));
}

/// Deleting the only call that passes request data to a helper clears the helper's finding.
#[test]
fn deleting_a_call_rescans_the_helper_it_fed() {
    let catalog = Catalog::embedded();
    let settings = ScanSettings::default();
    let path = Path::new("app/views.py");
    let mut text = String::from("import requests\nfrom flask import request\n\n\ndef run(url):\n    return requests.get(url, timeout=5)\n\n\ndef view():\n    run(request.args['c'])\n    return 'ok'\n");
    for i in 0..100 {
        text.push_str(&format!("\n\ndef filler_{i}(a):\n    return a * {i}\n"));
    }
    let mut tree = engine::parse(Language::Python, &text, None).unwrap();
    let (first, memo) = engine::scan_source_after(&catalog, Language::Python, path, &text, Some(&tree), &settings, None);
    let call = "    run(request.args['c'])\n";
    let at = text.find(call).unwrap();
    let edits = [replace(&mut text, &mut tree, at, at + call.len(), "")];
    let (after, next, _) = rescan(&catalog, &settings, Language::Python, path, &text, &tree, &memo, &edits);
    assert!(next.was_incremental());
    let full = engine::scan_source(&catalog, Language::Python, path, &text, None, &settings);
    assert_eq!(keys(&after), keys(&full));
    assert!(keys(&first).len() > keys(&full).len(), "the helper's finding should go: {:?} -> {:?}", keys(&first), keys(&full));
}

/// Class-level findings (patterns rooted at a class) survive an edit in another class and move
/// with it; an edit that fixes the stub removes its finding.
#[test]
fn class_level_findings_are_kept_elsewhere_and_redone_where_edited() {
    let catalog = Catalog::embedded();
    let settings = ScanSettings::default();
    let path = Path::new("app/auth.py");
    let mut text = String::from("class Filler:\n    def total(self, a, b):\n        return a + b\n\n\nclass TokenCheck:\n    def has_permission(self, request, view):\n        return True\n");
    for i in 0..50 {
        text.push_str(&format!("\n\nclass Other{i}:\n    def value(self, x):\n        return x * {i}\n"));
    }
    let mut tree = engine::parse(Language::Python, &text, None).unwrap();
    let (first, mut memo) = engine::scan_source_after(&catalog, Language::Python, path, &text, Some(&tree), &settings, None);
    assert!(first.findings.iter().any(|f| f.rule_id == "py-auth-stub-always-true"), "{:?}", keys(&first));
    // 1. Type in `Filler.total`, before the class finding: it is kept and moves.
    // 2. Make `has_permission` check something: the finding goes.
    for (anchor, insert) in [("return a + b", "a = a or 0\n        "), ("return True", "request.user.is_staff and ")] {
        let at = text.find(anchor).unwrap();
        let edits = [replace(&mut text, &mut tree, at, at, insert)];
        let (after, next, new_tree) = rescan(&catalog, &settings, Language::Python, path, &text, &tree, &memo, &edits);
        assert!(next.was_incremental(), "edit before {anchor:?} should rescan incrementally");
        assert_eq!(keys(&after), keys(&engine::scan_source(&catalog, Language::Python, path, &text, None, &settings)), "after editing before {anchor:?}");
        let stub = after.findings.iter().any(|f| f.rule_id == "py-auth-stub-always-true");
        assert_eq!(stub, anchor == "return a + b", "stub finding after editing before {anchor:?}");
        memo = next;
        tree = new_tree;
    }
}

/// Secrets typed into function bodies (the rescan scans only the edited functions' lines for
/// them and keeps the rest): each rescan equals a full scan, including the file-wide pairing
/// of an AWS key id with its secret and a format that searches the whole file.
#[test]
fn secret_rescans_equal_full_scans() {
    compare_secret_rescans(Language::Python);
    compare_secret_rescans(Language::Rust);
}

fn compare_secret_rescans(language: Language) {
    let catalog = Catalog::embedded();
    let settings = ScanSettings::default();
    let seed = std::env::var("ASSAY_INCREMENTAL_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x5ec2_e7u64);
    let mut rng = Rng(seed);
    let mut random = |alphabet: &str, n: usize| -> String {
        let a = alphabet.as_bytes();
        (0..n).map(|_| a[rng.below(a.len())] as char).collect()
    };
    const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // Fake keys, built here so that no key-shaped literal is committed.
    let aws_id = format!("{}{}{}", "AK", "IA", random("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16));
    let aws_secret = random(&format!("{ALNUM}+/"), 40);
    let password = format!("{}!{}", random(ALNUM, 8), random(ALNUM, 6));
    let token = random(ALNUM, 32);
    let rust = language == Language::Rust;
    let (let_, end, comment) = if rust { ("let ", ";", "//") } else { ("", "", "#") };
    let snippets = [
        format!("{let_}password = \"{password}\"{end}"),
        format!("{let_}api_key = \"{token}\"{end}"),
        if rust { format!("let client = aws::Client::new(\"{aws_id}\");") } else { format!("client = boto3.client(\"s3\", aws_access_key_id=\"{aws_id}\")") },
        format!("{let_}other = \"{aws_secret}\"{end}"),
        format!("{comment} token: {token}"),
        format!("{let_}db = \"postgres://admin:{password}@db.internal/app\"{end}"),
        if rust { format!("let auth = client.bearer_auth(\"{token}\");") } else { format!("headers = {{\"Authorization\": \"Bearer {token}\"}}") },
        format!("{let_}value = compute(x){end}"),
        // Only typed late: a keyword of a format that searches the whole file.
        format!("{let_}name = \"discord bot\"{end}"),
    ];
    let everyday = &snippets[..snippets.len() - 1];
    let path = Path::new(if rust { "src/settings_loader.rs" } else { "app/settings_loader.py" });
    let mut text = String::from(if rust { "use std::env;\n" } else { "import boto3\n" });
    for i in 0..60 {
        let body = if i % 7 == 0 { everyday[i % everyday.len()].clone() } else { format!("{let_}x = a + 1{end}") };
        text.push_str(&if rust { format!("\n\nfn load_{i}(a: u32) -> u32 {{\n    {body}\n    a\n}}\n") } else { format!("\n\ndef load_{i}(a):\n    {body}\n    return a\n") });
    }
    let mut tree = engine::parse(language, &text, None).unwrap();
    let (_, mut memo) = engine::scan_source_after(&catalog, language, path, &text, Some(&tree), &settings, None);
    let (mut checked, mut reused, mut failures) = (0usize, 0usize, Vec::new());
    for step in 0..150 {
        let line_starts: Vec<usize> = text.match_indices("\n    ").map(|(i, _)| i + 1).collect();
        let at = line_starts[rng.below(line_starts.len())];
        let (old_end, insert) = if rng.below(4) == 0 {
            // Delete a body line.
            (at + text[at..].find('\n').map_or(text.len() - at, |i| i + 1), String::new())
        } else {
            let pool = if step >= 120 { &snippets[..] } else { everyday };
            (at, format!("    {}\n", pool[rng.below(pool.len())]))
        };
        let edits = [replace(&mut text, &mut tree, at, old_end, &insert)];
        let (incremental, next, new_tree) = rescan(&catalog, &settings, language, path, &text, &tree, &memo, &edits);
        let full = engine::scan_source(&catalog, language, path, &text, Some(&new_tree), &settings);
        checked += 1;
        reused += usize::from(next.was_incremental());
        let (inc, all) = (keys(&incremental), keys(&full));
        if inc != all {
            failures.push(format!("step {step} (edit {edits:?}):\n{}", difference(&inc, &all)));
        }
        assert_eq!(incremental.secrets, full.secrets, "{language}: secret spans after step {step}");
        memo = next;
        tree = new_tree;
    }
    assert!(failures.is_empty(), "{language}: {} of {checked} rescans differ:\n{}", failures.len(), failures.iter().take(3).cloned().collect::<Vec<_>>().join("\n"));
    assert!(reused * 2 > checked, "{language}: only {reused} of {checked} rescans were incremental");
    let secrets_found = keys(&engine::scan_source(&catalog, language, path, &text, None, &settings)).iter().filter(|k| k.0.starts_with("any-")).count();
    assert!(secrets_found >= 5, "{language}: the edits should leave secrets to find, found {secrets_found}");
}
