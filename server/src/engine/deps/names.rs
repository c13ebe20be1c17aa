//! The name tables the dependency checks resolve against, compiled in: Python's standard
//! library, import names that differ from their distribution, popular PyPI and crates.io names,
//! Rust packages whose library name is not their package name. Nothing is fetched at run time.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const PYTHON_STDLIB: &str = include_str!("data/python-stdlib.txt");
const PYTHON_IMPORT_NAMES: &str = include_str!("data/python-import-names.tsv");
const PYTHON_REQUIRES: &str = include_str!("data/python-requires.tsv");
const PYPI_POPULAR: &str = include_str!("data/pypi-popular.txt");
const CRATES_POPULAR: &str = include_str!("data/crates-popular.txt");

/// How many of the most downloaded PyPI names typosquats are measured against (the rest of the
/// list only vouches that a name is a real, widely used package).
const PYPI_TYPOSQUAT_TARGETS: usize = 3000;

/// Rust packages whose library (the name `use` sees) is not the package name with `-` → `_`.
pub const RUST_LIB_ALIASES: &[(&str, &str)] = &[
    ("md-5", "md5"),
    ("sha-1", "sha1"),
    ("rust-ini", "ini"),
    ("rust-crypto", "crypto"),
    ("xml-rs", "xml"),
    ("utf-8", "utf8"),
    ("rust-argon2", "argon2"),
    ("rust-s3", "s3"),
    ("rustc-serialize", "rustc_serialize"),
    ("trust-dns-resolver", "trust_dns_resolver"),
    ("tikv-jemallocator", "tikv_jemallocator"),
    ("pcre2-sys", "pcre2_sys"),
    ("rust-stemmers", "rust_stemmers"),
    ("mysql-common", "mysql_common"),
    ("html-escape", "html_escape"),
    ("serde-xml-rs", "serde_xml_rs"),
    ("sqlite3-sys", "sqlite3_sys"),
    ("libsqlite3-sys", "libsqlite3_sys"),
    ("minreq", "minreq"),
    ("winrt", "winrt"),
    ("ncurses", "ncurses"),
    ("gtk4", "gtk4"),
    ("glib-sys", "glib_sys"),
    ("rust_decimal_macros", "rust_decimal_macros"),
];

/// Real modules that are neither popular nor in Python 3's standard library: Python 2's standard
/// library (imported under version checks) and older bindings.
const PYTHON_OTHER_KNOWN: &[&str] = &[
    "urllib2", "httplib", "urlparse", "ConfigParser", "Queue", "cPickle", "StringIO", "cStringIO", "HTMLParser", "SocketServer",
    "SimpleHTTPServer", "BaseHTTPServer", "CGIHTTPServer", "Cookie", "cookielib", "xmlrpclib", "commands", "thread", "dummy_thread",
    "__builtin__", "exceptions", "md5", "sha", "sets", "Tkinter", "tkMessageBox", "tkFileDialog", "copy_reg", "htmlentitydefs",
    "robotparser", "anydbm", "whichdb", "dbhash", "gdbm", "dumbdbm", "mimetools", "rfc822", "popen2", "UserDict", "UserList",
    "UserString", "_winreg", "PyQt4", "PySide", "PySide2", "_zstd", "compression", "annotationlib",
];

/// Crates every Rust file may name without declaring them.
pub const RUST_BUILTIN_CRATES: &[&str] = &["std", "core", "alloc", "proc_macro", "test"];

/// Path heads that are never crates: keywords, primitive types, tool attributes.
pub const RUST_NOT_CRATES: &[&str] = &[
    "self", "super", "crate", "Self", "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f32", "f64", "rustfmt", "clippy", "rustdoc", "diagnostic", "rust_analyzer",
];

/// PEP 503: lowercase, runs of `-`, `_` and `.` become one `-`.
pub fn normalize_dist(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            dash = true;
            continue;
        }
        if dash && !out.is_empty() {
            out.push('-');
        }
        dash = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// A Rust package or crate name as `use` sees it: `-` → `_`.
pub fn crate_ident(name: &str) -> String {
    name.replace('-', "_")
}

/// The library name of a Rust package, as far as the compiled-in table knows.
pub fn rust_lib_name(package: &str) -> String {
    RUST_LIB_ALIASES.iter().find(|(p, _)| *p == package).map(|(_, lib)| lib.to_string()).unwrap_or_else(|| crate_ident(package))
}

pub struct StdlibModule {
    pub added: Option<(u32, u32)>,
    pub removed: Option<(u32, u32)>,
}

fn parse_version(v: &str) -> Option<(u32, u32)> {
    let (major, minor) = v.split_once('.')?;
    Some((major.parse().ok()?, minor.parse().ok()?))
}

fn stdlib() -> &'static HashMap<&'static str, StdlibModule> {
    static TABLE: OnceLock<HashMap<&'static str, StdlibModule>> = OnceLock::new();
    TABLE.get_or_init(|| {
        data_lines(PYTHON_STDLIB)
            .map(|line| {
                let mut parts = line.split('\t');
                let name = parts.next().unwrap_or_default();
                let mut module = StdlibModule { added: None, removed: None };
                for part in parts {
                    if let Some(v) = part.strip_prefix("removed=") {
                        module.removed = parse_version(v);
                    } else if let Some(v) = part.strip_prefix("added=") {
                        module.added = parse_version(v);
                    }
                }
                (name, module)
            })
            .collect()
    })
}

/// Is `module` in the standard library of Python `target` (None: any version we know)?
pub fn is_python_stdlib(module: &str, target: Option<(u32, u32)>) -> bool {
    match stdlib().get(module) {
        None => false,
        Some(m) => match target {
            None => true,
            Some(t) => m.removed.is_none_or(|r| t < r) && m.added.is_none_or(|a| t >= a),
        },
    }
}

/// The standard-library module `module` was removed in, if it was (for messages).
pub fn python_stdlib_removed(module: &str) -> Option<(u32, u32)> {
    stdlib().get(module).and_then(|m| m.removed)
}

/// Import name → distributions (normalized) known to install it, when they differ.
pub fn python_import_dists(module: &str) -> &'static [String] {
    static TABLE: OnceLock<HashMap<&'static str, Vec<String>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<String>> = HashMap::new();
        for line in data_lines(PYTHON_IMPORT_NAMES) {
            if let Some((module, dists)) = line.split_once('\t') {
                let entry = map.entry(module.trim()).or_default();
                for d in dists.split(',').map(normalize_dist) {
                    if !entry.contains(&d) {
                        entry.push(d);
                    }
                }
            }
        }
        map
    });
    table.get(module).map(Vec::as_slice).unwrap_or(&[])
}

/// The distributions a well-known distribution installs with it (compiled-in table).
pub fn python_requires(dist: &str) -> Vec<String> {
    data_lines(PYTHON_REQUIRES)
        .filter_map(|l| l.split_once('\t'))
        .filter(|(d, _)| *d == dist)
        .flat_map(|(_, deps)| deps.split(',').map(normalize_dist))
        .collect()
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Bound on remembered typosquat answers (a long-running server sees many names).
const MAX_REMEMBERED_ANSWERS: usize = 100_000;

/// Popular names of one ecosystem as the code spells them (import names, crate idents).
pub struct Popular {
    /// Every name known to be a real, widely used package: never reported as a typosquat.
    known: HashSet<String>,
    /// The names typosquats imitate, grouped by length for the distance search.
    targets: Vec<String>,
    /// The most edits that still count as imitation (for long names; short ones get fewer).
    max_edits: usize,
    /// Answers so far, by name (index into `targets`): the editor asks about the same imports
    /// on every keystroke, and each answer measures the name against thousands of targets.
    answers: std::sync::Mutex<std::collections::HashMap<String, Option<usize>>>,
}

impl Popular {
    /// The closest popular name within the typosquat distance of `name`, if `name` is not
    /// itself a known package.
    pub fn typosquat_of(&self, name: &str) -> Option<&str> {
        let cached = self.answers.lock().ok().and_then(|a| a.get(name).copied());
        let answer = cached.unwrap_or_else(|| {
            let answer = self.closest_target(name);
            if let Ok(mut answers) = self.answers.lock() {
                if answers.len() < MAX_REMEMBERED_ANSWERS {
                    answers.insert(name.to_string(), answer);
                }
            }
            answer
        });
        answer.map(|i| self.targets[i].as_str())
    }

    fn closest_target(&self, name: &str) -> Option<usize> {
        let key = name.to_lowercase();
        if self.known.contains(&key) {
            return None;
        }
        // Plugin families (`flask_mail`, `flask_magic`) differ in a short word: one edit there.
        let max = max_distance(key.chars().count())?.min(if key.contains('_') { 1 } else { self.max_edits });
        let squashed = key.replace(['_', '-'], "");
        let mut best: Option<(usize, usize)> = None;
        for (index, target) in self.targets.iter().enumerate() {
            if target.len().abs_diff(key.len()) > max {
                continue;
            }
            // `cfnlint` is how `cfn-lint` is imported: separators alone are no typo.
            if target.replace(['_', '-'], "") == squashed {
                return None;
            }
            let d = osa_distance(&key, target);
            if d > 0 && d <= max && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, index));
            }
        }
        best.map(|(_, i)| i)
    }

    pub fn is_known(&self, name: &str) -> bool {
        self.known.contains(&name.to_lowercase())
    }
}

/// Short names have too many one-letter neighbours to say anything; longer ones get more room.
fn max_distance(len: usize) -> Option<usize> {
    match len {
        0..=4 => None,
        5..=9 => Some(1),
        _ => Some(2),
    }
}

/// Python: import names (`_` for `-`) of the most downloaded distributions, plus the import
/// names of the alias table.
pub fn pypi() -> &'static Popular {
    static P: OnceLock<Popular> = OnceLock::new();
    P.get_or_init(|| {
        let mut known = HashSet::new();
        let mut targets = Vec::new();
        for (i, dist) in data_lines(PYPI_POPULAR).enumerate() {
            let ident = dist.replace('-', "_");
            // `python-dateutil` is imported as `dateutil`: both spellings are real.
            if let Some(rest) = ident.strip_prefix("python_").or_else(|| ident.strip_prefix("py")) {
                known.insert(rest.to_string());
            }
            if i < PYPI_TYPOSQUAT_TARGETS {
                targets.push(ident.clone());
            }
            known.insert(ident);
        }
        for line in data_lines(PYTHON_IMPORT_NAMES) {
            if let Some((module, _)) = line.split_once('\t') {
                known.insert(module.to_lowercase());
                targets.push(module.to_lowercase());
            }
        }
        for line in data_lines(PYTHON_STDLIB) {
            known.insert(line.split('\t').next().unwrap_or_default().to_lowercase());
        }
        known.extend(PYTHON_OTHER_KNOWN.iter().map(|s| s.to_lowercase()));
        targets.sort();
        targets.dedup();
        Popular { known, targets, max_edits: 2, answers: Default::default() }
    })
}

/// Rust: crate idents of the popular crates and the library aliases. Crates come in families
/// (`futures_util`, `futures_task`, `futures_test`), so only one edit counts, whatever the length.
pub fn crates() -> &'static Popular {
    static P: OnceLock<Popular> = OnceLock::new();
    P.get_or_init(|| {
        let mut targets: Vec<String> = data_lines(CRATES_POPULAR).map(rust_lib_name).collect();
        targets.extend(RUST_LIB_ALIASES.iter().map(|(_, lib)| lib.to_string()));
        targets.sort();
        targets.dedup();
        let mut known: HashSet<String> = targets.iter().cloned().collect();
        known.extend(RUST_BUILTIN_CRATES.iter().map(|s| s.to_string()));
        Popular { known, targets, max_edits: 1, answers: Default::default() }
    })
}

/// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
/// of neighbours (`reqeusts` is one edit from `requests`).
pub fn osa_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[n][m]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pep503_normalization() {
        assert_eq!(normalize_dist("Flask_SQLAlchemy"), "flask-sqlalchemy");
        assert_eq!(normalize_dist("zope.interface"), "zope-interface");
        assert_eq!(normalize_dist("a--b__c"), "a-b-c");
    }

    #[test]
    fn typosquats_of_popular_names() {
        assert_eq!(pypi().typosquat_of("reqeusts"), Some("requests"));
        assert_eq!(pypi().typosquat_of("requests"), None);
        assert_eq!(pypi().typosquat_of("numpyy"), Some("numpy"));
        assert_eq!(pypi().typosquat_of("tensorflw"), Some("tensorflow"));
        assert_eq!(pypi().typosquat_of("beautifulsop"), Some("beautifulsoup4"));
        assert_eq!(pypi().typosquat_of("flask_magic"), None, "two edits inside a plugin family's word");
        assert_eq!(pypi().typosquat_of("yaml"), None);
        assert_eq!(pypi().typosquat_of("dateutil"), None);
        assert_eq!(crates().typosquat_of("serde_jsno"), Some("serde_json"));
        assert_eq!(crates().typosquat_of("md5"), None);
        assert_eq!(crates().typosquat_of("tokio"), None);
    }

    #[test]
    fn stdlib_by_version() {
        assert!(is_python_stdlib("os", Some((3, 8))));
        assert!(is_python_stdlib("distutils", Some((3, 11))));
        assert!(!is_python_stdlib("distutils", Some((3, 12))));
        assert!(!is_python_stdlib("tomllib", Some((3, 10))));
        assert!(is_python_stdlib("tomllib", None));
        assert_eq!(rust_lib_name("md-5"), "md5");
        assert_eq!(rust_lib_name("tower-http"), "tower_http");
    }
}
