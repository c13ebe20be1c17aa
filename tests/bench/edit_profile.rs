//! Where one editor keystroke's analysis time goes, per stage, on a given file (not a test).
//!     cargo run --release --example edit_profile -- FILE [LINE]
use std::path::Path;
use std::time::Instant;

use assay::engine::incremental::{ByteEdit, Previous};
use assay::engine::{self, context::FileContext, matcher, secrets, suppress, Catalog, Language, ScanSettings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = Path::new(&args[1]);
    let mut text = std::fs::read_to_string(path).unwrap();
    let rss = || std::fs::read_to_string("/proc/self/status").unwrap().lines().find(|l| l.starts_with("VmRSS")).unwrap().to_string();
    println!("start: {}", rss());
    let catalog = Catalog::embedded();
    println!("catalog loaded: {}", rss());
    let language = Language::from_path(path).unwrap();
    let t = Instant::now();
    catalog.compiled(language).unwrap();
    println!("{language} queries compiled in {:.0} ms: {}", t.elapsed().as_secs_f64() * 1e3, rss());
    let t = Instant::now();
    for other in Language::ALL {
        catalog.compiled(*other).unwrap();
    }
    println!("all queries compiled (the others in {:.0} ms): {}", t.elapsed().as_secs_f64() * 1e3, rss());
    unsafe { libc::malloc_trim(0) };
    println!("after malloc_trim: {}", rss());
    {
        let tiny = "x = 1\n";
        let tree = engine::parse(Language::Python, tiny, None).unwrap();
        secrets::source::scan(Language::Python, tiny.as_bytes(), tree.root_node(), path, &mut Vec::new());
        println!("secret keyword automata built: {}", rss());
    }
    let settings = ScanSettings::default();
    let compiled = catalog.compiled(language).unwrap();
    println!(
        "patterns: local pass {}, file pass {}, keyed {} queries",
        compiled.local_pass.query.pattern_count(),
        compiled.file_pass.query.pattern_count(),
        compiled.keyed.len(),
    );
    println!("file roots: {:?}", compiled.file_roots);
    let t = Instant::now();
    let tree = engine::parse(language, &text, None).unwrap();
    if std::env::var_os("PROFILE_PATTERNS").is_some() {
        profile_file_patterns(&catalog, language, &text, &tree);
    }
    println!("full parse           {:>8.2} ms ({})", t.elapsed().as_secs_f64() * 1e3, rss());
    let (_, memo) = engine::scan_source_after(&catalog, language, path, &text, Some(&tree), &settings, None);
    let ms = best(5, || {
        engine::scan_source(&catalog, language, path, &text, Some(&tree), &settings);
    });
    println!("scan_source (best of 5) {ms:>8.2} ms ({})", rss());
    {
        let root = tree.root_node();
        let ctx = FileContext::new(language, text.as_bytes(), root, path, catalog.dataflow(language));
        let ms = best(5, || {
            matcher::run_queries(&catalog, &tree, &ctx, &settings, &[], Some(&[])).unwrap();
        });
        println!("file pass only          {ms:>8.2} ms");
    }
    // One inserted character in the middle of the file.
    let at = match args.get(2).and_then(|l| l.parse::<usize>().ok()) {
        // The first non-blank character of that (1-based) line.
        Some(line) => {
            let start = text.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>();
            start + text[start..].len() - text[start..].trim_start_matches(' ').len()
        }
        None => {
            let mid = text.len() / 2;
            text[mid..].find("\n        ").map(|i| mid + i + 9).unwrap()
        }
    };
    let mut old = tree.clone();
    text.insert(at, 'x');
    let p = |b: usize, s: &str| { let row = s[..b].matches('\n').count(); tree_sitter::Point { row, column: b - s[..b].rfind('\n').map_or(0, |i| i + 1) } };
    old.edit(&tree_sitter::InputEdit { start_byte: at, old_end_byte: at, new_end_byte: at + 1, start_position: p(at, &text), old_end_position: p(at, &text), new_end_position: p(at + 1, &text) });
    let t = Instant::now();
    let tree = engine::parse(language, &text, Some(&old)).unwrap();
    println!("incremental parse    {:>8.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let ranges: Vec<_> = old.changed_ranges(&tree).collect();
    println!("changed_ranges       {:>8.2} ms ({} ranges)", t.elapsed().as_secs_f64() * 1e3, ranges.len());
    let root = tree.root_node();
    println!("before the first secrets scan: {}", rss());
    let t = Instant::now();
    let mut found = Vec::new();
    secrets::source::scan(language, text.as_bytes(), root, path, &mut found);
    secrets::postprocess(text.as_bytes(), false, &mut found);
    println!("secrets              {:>8.2} ms ({})", t.elapsed().as_secs_f64() * 1e3, rss());
    // PROFILE_SECRETS_LOOP=N repeats the secrets scan N times, for `perf record`.
    if let Some(n) = std::env::var("PROFILE_SECRETS_LOOP").ok().and_then(|n| n.parse::<usize>().ok()) {
        for _ in 0..n {
            let mut found = Vec::new();
            secrets::source::scan(language, text.as_bytes(), root, path, &mut found);
        }
    }
    let t = Instant::now();
    let ctx = FileContext::new(language, text.as_bytes(), root, path, catalog.dataflow(language));
    println!("context (imports)    {:>8.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let mut findings = matcher::run_queries(&catalog, &tree, &ctx, &settings, &[], None).unwrap().local;
    println!("queries+predicates   {:>8.2} ms ({} findings)", t.elapsed().as_secs_f64() * 1e3, findings.len());
    let t = Instant::now();
    suppress::apply(language, &text, root, &mut findings, true, &|id| catalog.get(id).is_some(), &|_| true);
    println!("suppressions         {:>8.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let t = Instant::now();
    let _ = engine::scan_source(&catalog, language, path, &text, Some(&tree), &settings);
    println!("scan_source (edited) {:>8.2} ms", t.elapsed().as_secs_f64() * 1e3);
    let edits = [ByteEdit { start: at, old_end: at, new_end: at + 1, removed: String::new() }];
    let previous = Previous { memo: &memo, edits: &edits, changed_ranges: ranges.iter().map(|r| (r.start_byte, r.end_byte)).collect() };
    let (_, next) = engine::scan_source_after(&catalog, language, path, &text, Some(&tree), &settings, Some(&previous));
    let ms = best(5, || {
        engine::scan_source_after(&catalog, language, path, &text, Some(&tree), &settings, Some(&previous));
    });
    println!("incremental rescan (best of 5) {ms:>8.2} ms (incremental: {})", next.was_incremental());
    // PROFILE_LOOP=N repeats the rescan N times, for `perf record`.
    if let Some(n) = std::env::var("PROFILE_LOOP").ok().and_then(|n| n.parse::<usize>().ok()) {
        for _ in 0..n {
            engine::scan_source_after(&catalog, language, path, &text, Some(&tree), &settings, Some(&previous));
        }
    }
}

fn best(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

/// Per-pattern cost of the patterns that run over the whole file on every analysis.
#[allow(dead_code)]
pub fn profile_file_patterns(catalog: &Catalog, language: Language, text: &str, tree: &tree_sitter::Tree) {
    use streaming_iterator::StreamingIterator;
    let mut rows = Vec::new();
    for rule in catalog.rules().iter().filter(|r| r.language == Some(language)) {
        let Some(q) = &rule.query else { continue };
        for pattern in assay::engine::query_keys::split_patterns(q) {
            let local = assay::engine::query_keys::root_kinds(pattern).is_some_and(|k| k.iter().all(|k| !language.container_kinds().contains(&k.as_str())));
            if local || assay::engine::query_keys::derive(pattern).is_some() {
                continue;
            }
            let query = tree_sitter::Query::new(&language.grammar(), pattern).unwrap();
            let mut cursor = tree_sitter::QueryCursor::new();
            let t = Instant::now();
            let mut n = 0;
            let mut matches = cursor.matches(&query, tree.root_node(), text.as_bytes());
            while matches.next().is_some() {
                n += 1;
            }
            let full = t.elapsed().as_secs_f64() * 1e3;
            cursor.set_max_start_depth(Some(0));
            let t = Instant::now();
            let mut matches = cursor.matches(&query, tree.root_node(), text.as_bytes());
            while matches.next().is_some() {}
            let depth0 = t.elapsed().as_secs_f64() * 1e3;
            rows.push((full, rule.id().to_string(), n, format!("depth0 {depth0:.2} ms  {}", pattern.chars().take(50).collect::<String>().replace('\n', " "))));
        }
    }
    rows.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    for (ms, id, n, p) in rows.iter().take(15) {
        println!("{ms:>8.2} ms {id:<36} {n:>5} matches  {p}");
    }
}
