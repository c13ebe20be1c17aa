//! Why an edit in a flat module (thousands of top-level statements, no functions) is slow to
//! reparse, and what reparsing only the edited statement would cost (not a test).
//!     cargo run --release --example flat_reparse [STATEMENTS...]
//! For each size: a full parse, the incremental reparse after typing one character into the
//! middle statement, tree-sitter's `changed_ranges`, and a parse of that statement alone. The
//! same edit in a module of functions with as many lines is measured for comparison.
use std::time::Instant;

use assay::engine::{self, Language};
use tree_sitter::{InputEdit, Point, Tree};

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![2_500, 5_000, 10_000, 20_000] } else { sizes };
    println!("{:>10} {:>14} {:>11} {:>16} {:>15} {:>15}", "statements", "shape", "full ms", "incremental ms", "changed ms", "one stmt ms");
    for &n in &sizes {
        let flat: String = (0..n).map(|i| format!("value_{i} = json.dumps({{\"id\": {i}, \"name\": os.environ.get(\"N{i}\", \"x\")}})\n")).collect();
        // As many lines, in functions of ten statements.
        let nested: String = (0..n)
            .map(|i| if i % 10 == 0 { format!("def f_{i}():\n") } else { format!("    value_{i} = json.dumps({{\"id\": {i}}})\n") })
            .collect();
        for (shape, text) in [("flat", flat), ("functions", nested)] {
            let (full, incremental, changed, alone) = measure(&text);
            println!("{n:>10} {shape:>14} {full:>11.1} {incremental:>16.2} {changed:>15.2} {alone:>15.3}");
        }
    }
}

/// Best of three: (full parse, incremental reparse, changed_ranges, the edited line parsed alone).
fn measure(text: &str) -> (f64, f64, f64, f64) {
    let mut best = (f64::MAX, f64::MAX, f64::MAX, f64::MAX);
    for _ in 0..3 {
        let t = Instant::now();
        let tree = engine::parse(Language::Python, text, None).unwrap();
        let full = ms(t);
        // Type `x` after the first character of the middle line.
        let mid = text[..text.len() / 2].rfind('\n').map_or(0, |i| i + 1);
        let at = mid + text[mid..].len() - text[mid..].trim_start().len() + 1;
        let mut edited = text.to_string();
        edited.insert(at, 'x');
        let mut old: Tree = tree.clone();
        let point = |s: &str, b: usize| Point { row: s[..b].matches('\n').count(), column: b - s[..b].rfind('\n').map_or(0, |i| i + 1) };
        old.edit(&InputEdit { start_byte: at, old_end_byte: at, new_end_byte: at + 1, start_position: point(&edited, at), old_end_position: point(&edited, at), new_end_position: point(&edited, at + 1) });
        let t = Instant::now();
        let new = engine::parse(Language::Python, &edited, Some(&old)).unwrap();
        let incremental = ms(t);
        let t = Instant::now();
        old.changed_ranges(&new).for_each(drop);
        let changed = ms(t);
        let line_end = edited[at..].find('\n').map_or(edited.len(), |i| at + i + 1);
        let statement = edited[mid..line_end].trim_start();
        let t = Instant::now();
        engine::parse(Language::Python, statement, None).unwrap();
        let alone = ms(t);
        best = (best.0.min(full), best.1.min(incremental), best.2.min(changed), best.3.min(alone));
    }
    best
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}
