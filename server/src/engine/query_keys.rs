//! Which callee names a call pattern can match, read from the pattern itself. Most rules are
//! "a call to one of these functions, with …"; running them as part of one combined query makes
//! tree-sitter try every pattern on every call. Instead the matcher looks up each call's callee
//! name in an index built from these keys and runs only the patterns keyed by it, anchored on
//! that node. Patterns without a derivable key keep the full pass. A test checks that both
//! paths give the same findings.

use std::collections::BTreeSet;

/// A node of a query pattern, as much of it as key derivation needs.
#[derive(Debug, Default)]
struct PatternNode {
    kind: Option<String>,
    field: Option<String>,
    captures: Vec<String>,
    children: Vec<PatternNode>,
    /// `[a b]`: captures apply to whichever branch matched.
    alternation: bool,
    /// `(_ …)`: any named node (not a grouping).
    wildcard: bool,
}

#[derive(Debug)]
struct Predicate {
    name: String,
    capture: Option<String>,
    strings: Vec<String>,
}

/// Call-like root kinds per grammar and the field holding the callee.
const CALL_ROOTS: &[(&str, &str)] = &[("call", "function"), ("call_expression", "function"), ("macro_invocation", "macro")];
/// Callee shapes whose last segment is a named child: (kind, field).
const NAME_FIELDS: &[(&str, &str)] = &[("attribute", "attribute"), ("field_expression", "field"), ("scoped_identifier", "name")];

/// The key of one pattern: its root kind, and the callee names it can match, by last segment
/// (`execute`) or, for globs like `requests.*`, by first segment after import resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternKey {
    pub root_kind: String,
    pub names: BTreeSet<String>,
    pub heads: BTreeSet<String>,
}

/// Derive the key of a pattern's source text, or None when the pattern is not a call with a
/// fixed set of callee names (then it runs in the full pass).
pub fn derive(pattern: &str) -> Option<PatternKey> {
    let tokens = tokenize(pattern);
    let mut pos = 0;
    let mut predicates = Vec::new();
    let root = parse_top(&tokens, &mut pos, &mut predicates)?;
    derive_node(&root, &predicates)
}

fn derive_node(root: &PatternNode, predicates: &[Predicate]) -> Option<PatternKey> {
    if root.alternation {
        // `[ (call …) (call …) ]`: every branch must be keyed, at the same root kind.
        let mut merged: Option<PatternKey> = None;
        for branch in &root.children {
            let key = derive_node(branch, predicates)?;
            match merged.as_mut() {
                None => merged = Some(key),
                Some(m) if m.root_kind == key.root_kind => {
                    m.names.extend(key.names);
                    m.heads.extend(key.heads);
                }
                Some(_) => return None,
            }
        }
        return merged;
    }
    let (root_kind, callee_field) = CALL_ROOTS.iter().find(|(k, _)| root.kind.as_deref() == Some(*k))?;
    let callee = root.children.iter().find(|c| c.field.as_deref() == Some(*callee_field))?;
    // Captures naming the whole callee, and captures naming only its last segment.
    let mut whole: Vec<&str> = callee.captures.iter().map(String::as_str).collect();
    if callee.alternation {
        for branch in &callee.children {
            whole.extend(branch.captures.iter().map(String::as_str));
        }
    }
    let mut last: Vec<&str> = Vec::new();
    if let Some((_, field)) = NAME_FIELDS.iter().find(|(k, _)| callee.kind.as_deref() == Some(*k)) {
        if let Some(name) = callee.children.iter().find(|c| c.field.as_deref() == Some(*field)) {
            last.extend(name.captures.iter().map(String::as_str));
        }
    }
    // Any one positive name predicate on the callee bounds the matches from above; use the
    // first that can be keyed.
    for p in predicates {
        let Some(cap) = p.capture.as_deref() else { continue };
        let on_whole = whole.contains(&cap);
        if !on_whole && !last.contains(&cap) {
            continue;
        }
        let (mut names, mut heads) = (BTreeSet::new(), BTreeSet::new());
        let keyable = match p.name.as_str() {
            "resolves-to?" if on_whole => p.strings.iter().all(|glob| {
                let segment = last_segment(glob);
                if !segment.is_empty() && !segment.contains('*') {
                    names.insert(segment.to_string());
                    return true;
                }
                let head = first_segment(glob);
                let ok = !head.is_empty() && !head.contains('*') && glob.len() > head.len();
                if ok {
                    heads.insert(head.to_string());
                }
                ok
            }),
            "eq?" | "any-of?" => p.strings.iter().all(|v| {
                let segment = last_segment(v);
                let ok = !segment.is_empty() && !segment.contains('*');
                names.insert(segment.to_string());
                ok
            }),
            _ => false,
        };
        if keyable && (!names.is_empty() || !heads.is_empty()) {
            return Some(PatternKey { root_kind: root_kind.to_string(), names, heads });
        }
    }
    None
}

/// The node kinds a pattern can start at, or None when it can start anywhere (a wildcard root,
/// or text this reader does not follow). The incremental rescan uses it to tell patterns that
/// only look inside one function from those that look at a class or the whole module.
pub fn root_kinds(pattern: &str) -> Option<BTreeSet<String>> {
    let tokens = tokenize(pattern);
    let mut pos = 0;
    let root = parse_top(&tokens, &mut pos, &mut Vec::new())?;
    let mut kinds = BTreeSet::new();
    collect_root_kinds(&root, &mut kinds).then_some(kinds)
}

fn collect_root_kinds(node: &PatternNode, out: &mut BTreeSet<String>) -> bool {
    if node.alternation {
        return !node.children.is_empty() && node.children.iter().all(|c| collect_root_kinds(c, out));
    }
    match &node.kind {
        Some(kind) => {
            out.insert(kind.clone());
            true
        }
        None => false,
    }
}

/// The first segment of a qualified name: `requests.get` → `requests`, `std::fs` → `std`.
pub fn first_segment(name: &str) -> &str {
    name.split(['.', ':', '(', '<']).next().unwrap_or("").trim()
}

/// Split a query source into its top-level patterns (each a balanced `(...)` or `[...]` group
/// with the captures and quantifier after it), keeping comments out.
pub fn split_patterns(src: &str) -> Vec<&str> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut depth, mut start) = (0usize, 0i32, None::<usize>);
    while i < bytes.len() {
        match bytes[i] {
            b';' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' => {
                if depth == 0 {
                    start = Some(i);
                }
                depth += 1;
            }
            b')' | b']' => {
                depth -= 1;
                if depth == 0 {
                    // Trailing captures and quantifiers belong to the pattern.
                    let mut end = i + 1;
                    loop {
                        let rest = &src[end..];
                        let trimmed = rest.trim_start_matches([' ', '\t', '\r', '\n']);
                        let skipped = rest.len() - trimmed.len();
                        if trimmed.starts_with('@') {
                            let len = trimmed[1..].find(|c: char| !(c.is_alphanumeric() || "_-.".contains(c))).map_or(trimmed.len(), |n| n + 1);
                            end += skipped + len;
                        } else if trimmed.starts_with(['*', '+', '?']) {
                            end += skipped + 1;
                        } else {
                            break;
                        }
                    }
                    if let Some(s) = start.take() {
                        out.push(&src[s..end]);
                    }
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The last segment of a written name: `os.path.join` → `join`, `Command::new` → `new`,
/// `transmute::<A, B>` → `transmute`, `id.parse::<u64>().unwrap` → `unwrap`, `format!` →
/// `format`. Separators inside `(..)` and `<..>` do not count.
pub fn last_segment(name: &str) -> &str {
    let bytes = name.as_bytes();
    let (mut depth, mut segments) = (0i32, vec![0usize]);
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'<' | b'[' => depth += 1,
            b')' | b'>' | b']' => depth -= 1,
            b'.' | b':' if depth == 0 => segments.push(i + 1),
            _ => {}
        }
    }
    // The last segment with a name in it (`::<A, B>` after a name is generic arguments).
    for &start in segments.iter().rev() {
        let segment = &name[start..];
        let end = segment.find(['(', '<', '[', '!', '.', ':']).unwrap_or(segment.len());
        let candidate = segment[..end].trim();
        if !candidate.is_empty() {
            return candidate;
        }
    }
    ""
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    OpenBracket,
    CloseBracket,
    Field(String),
    Capture(String),
    Str(String),
    Word(String),
}

fn tokenize(src: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            ';' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            '[' => {
                out.push(Token::OpenBracket);
                i += 1;
            }
            ']' => {
                out.push(Token::CloseBracket);
                i += 1;
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        i += 1;
                        s.push(match chars[i] {
                            'n' => '\n',
                            't' => '\t',
                            other => other,
                        });
                    } else {
                        s.push(chars[i]);
                    }
                    i += 1;
                }
                i += 1;
                out.push(Token::Str(s));
            }
            '@' => {
                let start = i + 1;
                i += 1;
                while i < chars.len() && (chars[i].is_alphanumeric() || "_-.".contains(chars[i])) {
                    i += 1;
                }
                out.push(Token::Capture(chars[start..i].iter().collect()));
            }
            c if c.is_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < chars.len() && !chars[i].is_whitespace() && !"()[]\"@;".contains(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                if let Some(field) = word.strip_suffix(':') {
                    out.push(Token::Field(field.to_string()));
                } else {
                    out.push(Token::Word(word));
                }
            }
        }
    }
    out
}

/// The pattern's root node, skipping an outer grouping `( (node …) (#pred …) )`, and all
/// predicates anywhere in it.
fn parse_top(tokens: &[Token], pos: &mut usize, predicates: &mut Vec<Predicate>) -> Option<PatternNode> {
    let mut node = parse_node(tokens, pos, predicates)?;
    // A grouping: kind-less parenthesised list whose first child is the real root.
    while node.kind.is_none() && !node.alternation && !node.wildcard && node.children.len() == 1 {
        let mut inner = node.children.pop().unwrap();
        inner.captures.extend(node.captures);
        node = inner;
    }
    Some(node)
}

fn parse_node(tokens: &[Token], pos: &mut usize, predicates: &mut Vec<Predicate>) -> Option<PatternNode> {
    let mut node = PatternNode::default();
    match tokens.get(*pos)? {
        Token::Open => {
            *pos += 1;
            if let Some(Token::Word(w)) = tokens.get(*pos) {
                if w.starts_with('#') {
                    // A predicate: (#name? @cap "s" …)
                    let name = w.trim_start_matches('#').to_string();
                    *pos += 1;
                    let mut p = Predicate { name, capture: None, strings: Vec::new() };
                    while let Some(t) = tokens.get(*pos) {
                        *pos += 1;
                        match t {
                            Token::Close => break,
                            Token::Capture(c) if p.capture.is_none() => p.capture = Some(c.clone()),
                            Token::Str(s) => p.strings.push(s.clone()),
                            Token::Word(w) => p.strings.push(w.clone()),
                            _ => {}
                        }
                    }
                    predicates.push(p);
                    return None;
                }
                if w != "_" && w != "." {
                    node.kind = Some(w.clone());
                }
                node.wildcard = w == "_";
                if !w.starts_with('.') {
                    *pos += 1;
                }
            }
            parse_children(tokens, pos, predicates, &mut node, Token::Close);
        }
        Token::OpenBracket => {
            *pos += 1;
            node.alternation = true;
            parse_children(tokens, pos, predicates, &mut node, Token::CloseBracket);
        }
        Token::Str(_) | Token::Word(_) => {
            *pos += 1;
        }
        _ => {
            *pos += 1;
            return None;
        }
    }
    while let Some(Token::Capture(c)) = tokens.get(*pos) {
        node.captures.push(c.clone());
        *pos += 1;
    }
    // Quantifiers (`*`, `+`, `?`) are words; skip them.
    while let Some(Token::Word(w)) = tokens.get(*pos) {
        if matches!(w.as_str(), "*" | "+" | "?") {
            *pos += 1;
        } else {
            break;
        }
    }
    Some(node)
}

fn parse_children(tokens: &[Token], pos: &mut usize, predicates: &mut Vec<Predicate>, node: &mut PatternNode, close: Token) {
    let mut field: Option<String> = None;
    while let Some(t) = tokens.get(*pos) {
        if *t == close {
            *pos += 1;
            return;
        }
        match t {
            Token::Field(f) => {
                field = Some(f.clone());
                *pos += 1;
            }
            Token::Word(w) if w == "." || w.starts_with('!') => *pos += 1,
            Token::Capture(c) => {
                node.captures.push(c.clone());
                *pos += 1;
            }
            _ => {
                if let Some(mut child) = parse_node(tokens, pos, predicates) {
                    child.field = field.take();
                    node.children.push(child);
                } else {
                    field = None;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(key: Option<PatternKey>) -> Vec<String> {
        key.map(|k| k.names.into_iter().collect()).unwrap_or_default()
    }

    #[test]
    fn root_kinds_follow_groupings_and_alternations() {
        let kinds = |p: &str| root_kinds(p).map(|k| k.into_iter().collect::<Vec<_>>());
        assert_eq!(kinds("((call function: (_) @f) @match (#eq? @f \"x\"))"), Some(vec!["call".to_string()]));
        assert_eq!(kinds("[(assignment) (augmented_assignment)] @match"), Some(vec!["assignment".into(), "augmented_assignment".into()]));
        assert_eq!(kinds("(module (expression_statement) @match)"), Some(vec!["module".to_string()]));
        assert_eq!(kinds("(_ (call) @match)"), None);
    }

    #[test]
    fn keys_come_from_callee_predicates() {
        let p = r#"(call function: (_) @callee arguments: (argument_list . (_) @code)
            (#resolves-to? @callee "eval" "builtins.exec")
            (#not-constant? @code)) @match"#;
        assert_eq!(names(derive(p)), vec!["eval", "exec"]);
        let p = r#"(call function: (attribute attribute: (identifier) @method) arguments: (argument_list . (_) @sql)
            (#any-of? @method "execute" "executemany")) @match"#;
        assert_eq!(names(derive(p)), vec!["execute", "executemany"]);
        let p = r#"((call_expression function: [(identifier) (scoped_identifier)] @callee) @match
            (#resolves-to? @callee "std::mem::transmute" "mem::transmute"))"#;
        assert_eq!(names(derive(p)), vec!["transmute"]);
    }

    #[test]
    fn wildcard_globs_key_by_their_first_segment() {
        let key = derive(r#"(call function: (_) @c (#resolves-to? @c "requests.*" "urllib.request.urlopen")) @match"#).unwrap();
        assert_eq!(key.heads.into_iter().collect::<Vec<_>>(), vec!["requests"]);
        assert_eq!(key.names.into_iter().collect::<Vec<_>>(), vec!["urlopen"]);
        let alt = r#"[(call function: (identifier) @f (#eq? @f "a")) (call function: (identifier) @g (#eq? @g "b"))] @match"#;
        assert_eq!(derive(alt).unwrap().names.into_iter().collect::<Vec<_>>(), vec!["a", "b"]);
    }

    #[test]
    fn splits_top_level_patterns_with_their_captures() {
        let src = "; comment (not a pattern)\n(call) @match\n\n((string) @s (#match? @s \")(\")) @match\n[(a) (b)]* @match";
        let parts = split_patterns(src);
        assert_eq!(parts, vec!["(call) @match", "((string) @s (#match? @s \")(\")) @match", "[(a) (b)]* @match"]);
    }

    #[test]
    fn last_segments_skip_generics_and_calls() {
        assert_eq!(last_segment("os.path.join"), "join");
        assert_eq!(last_segment("std::mem::transmute::<f32, u32>"), "transmute");
        assert_eq!(last_segment("id.parse::<u64>().unwrap"), "unwrap");
        assert_eq!(last_segment("std::mem::MaybeUninit::<u64>::uninit().assume_init"), "assume_init");
        assert_eq!(last_segment("requests.Session().get"), "get");
        assert_eq!(last_segment("format!"), "format");
        assert_eq!(last_segment("eval"), "eval");
    }

    #[test]
    fn unkeyable_patterns_stay_in_the_full_pass() {
        // A wildcard in the first segment.
        assert!(derive(r#"(call function: (_) @c (#resolves-to? @c "*.route")) @match"#).is_some());
        assert!(derive(r#"(call function: (_) @c (#resolves-to? @c "*.sess*")) @match"#).is_none());
        // The name predicate is on an inner call, not the callee.
        let p = r#"(call function: (attribute object: (call function: (_) @inner)) (#resolves-to? @inner "AESGCM")) @match"#;
        assert!(derive(p).is_none());
        // Not a call.
        assert!(derive(r#"(keyword_argument name: (identifier) @k (#eq? @k "verify")) @match"#).is_none());
        // A regex: cannot enumerate.
        assert!(derive(r#"(call function: (identifier) @f (#match? @f "^ev")) @match"#).is_none());
    }
}

#[cfg(test)]
mod stats {
    /// `cargo test --lib query_key_stats -- --nocapture --ignored` lists unkeyed patterns.
    #[test]
    #[ignore]
    fn query_key_stats() {
        let catalog = crate::engine::Catalog::embedded();
        let mut by_root: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        let (mut keyed, mut total) = (0, 0);
        for rule in catalog.rules() {
            let Some(q) = &rule.query else { continue };
            for p in super::split_patterns(q) {
                total += 1;
                if super::derive(p).is_some() {
                    keyed += 1;
                } else {
                    let root = p.trim_start_matches(['(', '[', ' ', '\n']).split(|c: char| c.is_whitespace() || c == ')').next().unwrap_or("").to_string();
                    by_root.entry(root).or_default().push(rule.id().to_string());
                }
            }
        }
        println!("keyed {keyed} of {total}");
        for (root, rules) in by_root {
            println!("{root:30} {:3} {:?}", rules.len(), rules);
        }
    }
}
