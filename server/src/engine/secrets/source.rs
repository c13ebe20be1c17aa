//! Secrets in Python and Rust, read through the syntax tree: provider formats inside string
//! literals and comments (also across implicit concatenation, `+` and `concat!`), and generic
//! secrets bound to secret-sounding names (assignments, keyword arguments, parameter defaults,
//! dict keys, subscripts, struct fields, `const`/`static`/`let`, two-string calls such as
//! `os.environ.setdefault("API_KEY", "…")` or `.header("Authorization", "…")`).

use std::collections::HashSet;
use std::path::Path;

use tree_sitter::Node;

use super::formats::{self, FormatHit};
use super::generic::{self, GenericHit, Style};
use super::names;
use super::Found;
use crate::engine::language::Language;

fn is_string(language: Language, kind: &str) -> bool {
    match language {
        Language::Python => kind == "string" || kind == "concatenated_string",
        Language::Rust => kind == "string_literal" || kind == "raw_string_literal",
    }
}

/// The string literal or comment a node is part of.
fn enclosing_text_node(language: Language, node: Node) -> Option<Node> {
    let mut n = Some(node);
    for _ in 0..4 {
        let cur = n?;
        let kind = cur.kind();
        if is_string(language, kind) || language.is_comment_kind(kind) {
            // Python: a `string` inside a `concatenated_string` is reported on its own.
            return Some(cur);
        }
        if !matches!(kind, "string_content" | "escape_sequence" | "string_start" | "string_end" | "doc_comment" | "outer_doc_comment_marker" | "inner_doc_comment_marker") {
            return None;
        }
        n = cur.parent();
    }
    None
}

/// The source ranges holding a literal's characters, and whether it interpolates values
/// (`f"…{x}…"`): a template, not a constant.
fn literal_pieces(language: Language, node: Node, src: &[u8], out: &mut Vec<(usize, usize)>) -> bool {
    let mut interpolated = false;
    match (language, node.kind()) {
        (Language::Python, "string") => {
            let mut start = node.start_byte();
            let mut end = node.end_byte();
            let mut cursor = node.walk();
            for child in node.children(&mut cursor) {
                match child.kind() {
                    "string_start" => start = child.end_byte(),
                    "string_end" => end = child.start_byte(),
                    "interpolation" => interpolated = true,
                    _ => {}
                }
            }
            out.push((start, end.max(start)));
        }
        (Language::Python, "concatenated_string") => {
            let mut cursor = node.walk();
            for child in node.named_children(&mut cursor) {
                interpolated |= literal_pieces(language, child, src, out);
            }
        }
        (Language::Python, "binary_operator") => {
            if node.child_by_field_name("operator").is_none_or(|op| &src[op.byte_range()] != b"+") {
                return true;
            }
            for field in ["left", "right"] {
                if let Some(child) = node.child_by_field_name(field) {
                    interpolated |= literal_pieces(language, child, src, out);
                }
            }
        }
        (Language::Python, "parenthesized_expression") => {
            if let Some(child) = node.named_child(0) {
                interpolated |= literal_pieces(language, child, src, out);
            }
        }
        (Language::Rust, "string_literal" | "raw_string_literal") => {
            let text = &src[node.start_byte()..node.end_byte()];
            let Some(open) = text.iter().position(|&b| b == b'"') else { return true };
            let hashes = text[..open].iter().filter(|&&b| b == b'#').count();
            let start = node.start_byte() + open + 1;
            let end = node.end_byte().saturating_sub(1 + hashes).max(start);
            out.push((start, end));
        }
        _ => return true,
    }
    interpolated
}

/// Follow wrappers that keep a literal's value: `"…".to_string()`, `String::from("…")`,
/// `&"…"`, `("…")`, `"…".encode()`, `SecretStr("…")`.
fn unwrap_literal<'t>(language: Language, node: Node<'t>, src: &[u8]) -> Option<Node<'t>> {
    let mut n = node;
    for _ in 0..6 {
        let kind = n.kind();
        if is_string(language, kind) {
            return Some(n);
        }
        match (language, kind) {
            (Language::Python, "parenthesized_expression") => n = n.named_child(0)?,
            // `auth=("user", "password")`: the password is the last element.
            (Language::Python, "tuple" | "list") if n.named_child_count() == 2 => n = n.named_child(1)?,
            (Language::Python, "binary_operator") => {
                let op = n.child_by_field_name("operator")?;
                let is_plus = &src[op.start_byte()..op.end_byte()] == b"+";
                let both = ["left", "right"].iter().all(|f| n.child_by_field_name(f).is_some_and(|c| is_string(language, c.kind())));
                return (is_plus && both).then_some(n);
            }
            (Language::Python, "call") => {
                let function = n.child_by_field_name("function")?;
                let args = n.child_by_field_name("arguments")?;
                match function.kind() {
                    "attribute" => {
                        let attr = function.child_by_field_name("attribute")?;
                        if !matches!(&src[attr.byte_range()], b"encode" | b"strip" | b"decode") {
                            return None;
                        }
                        n = function.child_by_field_name("object")?;
                    }
                    "identifier" => {
                        if !matches!(&src[function.byte_range()], b"str" | b"bytes" | b"bytearray" | b"SecretStr" | b"SecretBytes" | b"Secret") || args.named_child_count() != 1 {
                            return None;
                        }
                        n = args.named_child(0)?;
                    }
                    _ => return None,
                }
            }
            (Language::Rust, "reference_expression") => n = n.child_by_field_name("value")?,
            (Language::Rust, "parenthesized_expression") => n = n.named_child(0)?,
            (Language::Rust, "call_expression") => {
                let function = n.child_by_field_name("function")?;
                let args = n.child_by_field_name("arguments")?;
                match function.kind() {
                    "field_expression" => {
                        let field = function.child_by_field_name("field")?;
                        if !matches!(&src[field.byte_range()], b"to_string" | b"to_owned" | b"into" | b"as_bytes" | b"as_str" | b"to_vec" | b"into_bytes" | b"as_ref" | b"clone") {
                            return None;
                        }
                        n = function.child_by_field_name("value")?;
                    }
                    "scoped_identifier" | "identifier" => {
                        let text = &src[function.byte_range()];
                        let last = text.rsplit(|&b| b == b':').next().unwrap_or(text);
                        if !matches!(last, b"from" | b"new" | b"Some" | b"from_static" | b"from_str" | b"Ok") || args.named_child_count() != 1 {
                            return None;
                        }
                        n = args.named_child(0)?;
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    None
}

fn field<'t>(node: Node<'t>, name: &str) -> Option<Node<'t>> {
    node.child_by_field_name(name)
}

/// The value bound to a name node (an identifier, attribute, or field).
fn value_for_name<'t>(language: Language, node: Node<'t>) -> Option<Node<'t>> {
    let mut n = node;
    match language {
        Language::Python => {
            while let Some(p) = n.parent() {
                if p.kind() == "attribute" && field(p, "attribute") == Some(n) {
                    n = p;
                } else {
                    break;
                }
            }
            let p = n.parent()?;
            match p.kind() {
                "assignment" if field(p, "left") == Some(n) => field(p, "right"),
                "keyword_argument" | "default_parameter" | "typed_default_parameter" if field(p, "name") == Some(n) => field(p, "value"),
                _ => None,
            }
        }
        Language::Rust => {
            if let Some(p) = n.parent() {
                if p.kind() == "field_expression" && field(p, "field") == Some(n) {
                    n = p;
                }
            }
            let p = n.parent()?;
            match p.kind() {
                "let_declaration" if field(p, "pattern") == Some(n) => field(p, "value"),
                "const_item" | "static_item" if field(p, "name") == Some(n) => field(p, "value"),
                "field_initializer" if field(p, "field") == Some(n) => field(p, "value"),
                "assignment_expression" if field(p, "left") == Some(n) => field(p, "right"),
                _ => None,
            }
        }
    }
}

/// The last argument of a call to a method named by `node` (`client.bearer_auth("…")`).
fn method_argument<'t>(language: Language, node: Node<'t>) -> Option<Node<'t>> {
    let p = node.parent()?;
    let (call, args) = match language {
        Language::Python => {
            if p.kind() != "attribute" || field(p, "attribute") != Some(node) {
                return None;
            }
            let call = p.parent().filter(|c| c.kind() == "call" && field(*c, "function") == Some(p))?;
            (call, field(call, "arguments")?)
        }
        Language::Rust => {
            if p.kind() != "field_expression" || field(p, "field") != Some(node) {
                return None;
            }
            let call = p.parent().filter(|c| c.kind() == "call_expression" && field(*c, "function") == Some(p))?;
            (call, field(call, "arguments")?)
        }
    };
    let _ = call;
    let count = args.named_child_count();
    let last = args.named_child(count.checked_sub(1)?)?;
    (last.kind() != "keyword_argument").then_some(last)
}

/// The value a string used as a key names: `{"password": v}`, `cfg["token"] = v`,
/// `setdefault("API_KEY", v)`, `.header("Authorization", v)`, `json!({"api_key": v})`.
fn value_for_key<'t>(language: Language, string: Node<'t>) -> Option<Node<'t>> {
    let p = string.parent()?;
    match (language, p.kind()) {
        (Language::Python, "pair") if field(p, "key") == Some(string) => field(p, "value"),
        (Language::Python, "subscript") if field(p, "subscript") == Some(string) => {
            let a = p.parent()?;
            (a.kind() == "assignment" && field(a, "left") == Some(p)).then(|| field(a, "right")).flatten()
        }
        (Language::Python, "argument_list") | (Language::Rust, "arguments") => {
            let first = p.named_child(0)?;
            let second = p.named_child(1)?;
            (first == string && second.kind() != "keyword_argument").then_some(second)
        }
        (Language::Rust, "token_tree") => {
            let sep = string.next_sibling()?;
            if !matches!(sep.kind(), ":" | "=>" | ",") {
                return None;
            }
            let value = sep.next_sibling()?;
            is_string(language, value.kind()).then_some(value)
        }
        _ => None,
    }
}

fn content_text(src: &[u8], pieces: &[(usize, usize)]) -> String {
    let mut s = String::new();
    for &(a, b) in pieces {
        s.push_str(&String::from_utf8_lossy(&src[a..b]));
    }
    s
}

/// Map a range of the joined text of `pieces` back to source ranges.
fn map_pieces(pieces: &[(usize, usize)], start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for &(a, b) in pieces {
        let len = b - a;
        let (s, e) = (start.max(offset), end.min(offset + len));
        if s < e {
            out.push((a + s - offset, a + e - offset));
        }
        offset += len;
    }
    out
}

/// Scan one parsed Python or Rust file.
pub fn scan(language: Language, src: &[u8], root: Node, path: &Path, out: &mut Vec<Found>) {
    scan_file(language, src, root, path, out);
}

/// `scan`, also telling whether the text holds a keyword of a format that searches the whole
/// file (a later `scan_regions` of this text could not be complete).
pub fn scan_file(language: Language, src: &[u8], root: Node, path: &Path, out: &mut Vec<Found>) -> bool {
    let hits = formats::keyword_hits(src);
    let whole_text = hits.iter().any(|&(format, _)| formats::FORMATS[format].whole_text);
    scan_from_hits(language, src, root, path, hits, generic::name_hits(src), out);
    whole_text
}

/// Scan only the secrets whose keywords or names lie in `regions` (whole lines of the file),
/// for a rescan after an edit inside them. None when a keyword there belongs to a format that
/// searches the whole file: then only a whole-file scan is right.
pub fn scan_regions(language: Language, src: &[u8], root: Node, path: &Path, regions: &[(usize, usize)], out: &mut Vec<Found>) -> Option<()> {
    let mut keyword_hits = Vec::new();
    let mut name_hits = Vec::new();
    for &(start, end) in regions {
        keyword_hits.extend(formats::keyword_hits(&src[start..end]).into_iter().map(|(format, at)| (format, start + at)));
        name_hits.extend(generic::name_hits(&src[start..end]).into_iter().map(|at| start + at));
    }
    if keyword_hits.iter().any(|&(format, _)| formats::FORMATS[format].whole_text) {
        return None;
    }
    scan_from_hits(language, src, root, path, keyword_hits, name_hits, out);
    Some(())
}

fn scan_from_hits(language: Language, src: &[u8], root: Node, path: &Path, hits: Vec<(usize, usize)>, name_hits: Vec<usize>, out: &mut Vec<Found>) {
    let semantics = language.semantics();
    let is_test = |node: Node| semantics.is_test_code(node, src, path);

    // 1. Provider formats in the raw text, kept where they sit in a literal or comment.
    let mut format_hits: Vec<(FormatHit, Vec<(usize, usize)>)> = Vec::new();
    if !hits.is_empty() {
        let found = formats::scan_hits(src, &hits);
        for h in &found {
            let Some(node) = root.descendant_for_byte_range(h.start, h.end) else { continue };
            if enclosing_text_node(language, node).is_none() {
                continue;
            }
            format_hits.push((h.clone(), vec![(h.start, h.end)]));
        }
        // Keys split over implicit concatenation, `+` or `concat!`.
        let mut joined_seen = HashSet::new();
        for &(_, at) in &hits {
            let Some(node) = root.descendant_for_byte_range(at, at + 1) else { continue };
            let Some(string) = enclosing_text_node(language, node).filter(|n| is_string(language, n.kind())) else { continue };
            let Some(joined) = joining_parent(language, string, src) else { continue };
            if !joined_seen.insert(joined.start_byte()) {
                continue;
            }
            let mut pieces = Vec::new();
            match language {
                Language::Rust => {
                    let mut cursor = joined.walk();
                    for child in joined.named_children(&mut cursor) {
                        if is_string(language, child.kind()) {
                            literal_pieces(language, child, src, &mut pieces);
                        }
                    }
                }
                Language::Python => {
                    literal_pieces(language, joined, src, &mut pieces);
                }
            }
            let text = content_text(src, &pieces);
            for h in formats::scan(text.as_bytes()) {
                let spans = map_pieces(&pieces, h.start, h.end);
                if spans.len() < 2 || format_hits.iter().any(|(k, _)| k.start < spans[spans.len() - 1].1 && spans[0].0 < k.end) {
                    continue;
                }
                let (s, e) = (spans[0].0, spans[spans.len() - 1].1);
                format_hits.push((FormatHit { start: s, end: e, ..h }, spans));
            }
        }
        for (h, spans) in format_hits {
            // Placeholders in comments are documentation (`# postgres://user:password@host`);
            // placeholders and URLs with passwords in test code are fixtures.
            let node = root.descendant_for_byte_range(spans[0].0, spans[0].1).and_then(|n| enclosing_text_node(language, n));
            let in_comment = node.is_some_and(|n| language.is_comment_kind(n.kind()));
            let in_test = node.is_some_and(is_test);
            let url = formats::FORMATS[h.format].check == formats::Check::UrlPassword;
            if h.verdict == formats::HitVerdict::Placeholder && (in_comment || in_test) || url && in_test {
                continue;
            }
            let value = content_text(src, &spans);
            out.push(super::found_for_format(&h, &value, spans, src));
        }
        // Provider prefixes with filler (`sk-...`, `ghp_xxxx`) in string literals outside tests.
        for (format, s, e) in formats::placeholder_hits(src, &hits, &found) {
            let Some(node) = root.descendant_for_byte_range(s, e) else { continue };
            let Some(text_node) = enclosing_text_node(language, node) else { continue };
            if !is_string(language, text_node.kind()) || is_test(text_node) {
                continue;
            }
            out.push(super::found_provider_placeholder(format, s, e, src));
        }
    }

    // 2. Generic secrets: values bound to secret-sounding names.
    let mut seen_names = HashSet::new();
    let mut seen_values = HashSet::new();
    let mut scanned_regions = HashSet::new();
    for at in name_hits {
        let (ns, ne) = generic::name_around(src, at, false);
        if ns >= ne || !seen_names.insert(ns) {
            continue;
        }
        let Some(node) = root.descendant_for_byte_range(ns, ne) else { continue };
        let text_node = enclosing_text_node(language, node);
        let (name, value_node) = match text_node {
            Some(t) if language.is_comment_kind(t.kind()) => {
                if scanned_regions.insert(t.start_byte()) && !is_test(t) {
                    region_pairs(src, t.start_byte(), t.end_byte(), true, &mut seen_values, out);
                }
                continue;
            }
            Some(string) => {
                // A key string (`"password": …`) or a config snippet inside a literal.
                let mut pieces = Vec::new();
                literal_pieces(language, string, src, &mut pieces);
                let content = content_text(src, &pieces);
                let key_like = !content.is_empty() && content.len() <= 64 && content.bytes().all(|b| generic::is_name_byte(b, true));
                match key_like.then(|| value_for_key(language, string)).flatten() {
                    Some(v) => (content, v),
                    None => {
                        if scanned_regions.insert(string.start_byte()) && !is_test(string) {
                            for (a, b) in pieces {
                                region_pairs(src, a, b, false, &mut seen_values, out);
                            }
                        }
                        continue;
                    }
                }
            }
            None => {
                if !matches!(node.kind(), "identifier" | "field_identifier" | "property_identifier" | "shorthand_field_identifier") {
                    continue;
                }
                let name = String::from_utf8_lossy(&src[ns..ne]).into_owned();
                match value_for_name(language, node) {
                    Some(v) => (name, v),
                    // `.bearer_auth("…")`, `.set_password("…")`, `.basic_auth("user", Some("…"))`:
                    // a method named for a secret gets it as its last argument.
                    None => match method_argument(language, node) {
                        Some(v) => (name.trim_start_matches("set_").trim_start_matches("with_").to_string(), v),
                        None => continue,
                    },
                }
            }
        };
        let Some(mut kind) = names::classify(&name) else { continue };
        // `auth=("user", "…")`: the second element of a pair is a password.
        if matches!(value_node.kind(), "tuple" | "list") && kind == names::NameKind::Weak {
            kind = names::NameKind::Password;
        }
        let Some(literal) = unwrap_literal(language, value_node, src) else { continue };
        let mut pieces = Vec::new();
        if literal_pieces(language, literal, src, &mut pieces) || pieces.is_empty() {
            continue;
        }
        if !seen_values.insert(pieces[0].0) {
            continue;
        }
        let value = content_text(src, &pieces);
        let Some(verdict) = generic::judge_named(&name, kind, &value) else { continue };
        if is_test(literal) {
            continue;
        }
        out.push(super::found_generic(&GenericHit { name, kind, value: (pieces[0].0, pieces[pieces.len() - 1].1), verdict }, pieces, src));
    }
}

/// `name = value` pairs inside a comment or a string literal's text.
fn region_pairs(src: &[u8], from: usize, to: usize, comment: bool, seen: &mut HashSet<usize>, out: &mut Vec<Found>) {
    let mut hits = Vec::new();
    generic::scan_pairs(src, from, to, Style { require_quotes: false, comment }, &mut hits);
    // Text inside a literal or comment is a message or an example more often than configuration:
    // a placeholder there is not a credential slot.
    hits.retain(|h| h.verdict != generic::Verdict::Placeholder);
    for h in hits {
        if seen.insert(h.value.0) {
            let spans = vec![h.value];
            out.push(super::found_generic(&h, spans, src));
        }
    }
}

/// The node joining several literals into one value: Python implicit concatenation or `+`
/// of literals, Rust `concat!(…)`.
fn joining_parent<'t>(language: Language, string: Node<'t>, src: &[u8]) -> Option<Node<'t>> {
    let p = string.parent()?;
    match language {
        Language::Python => {
            if p.kind() == "concatenated_string" {
                return Some(p);
            }
            let mut top = None;
            let mut n = string;
            while let Some(q) = n.parent() {
                match q.kind() {
                    "binary_operator" => top = Some(q),
                    "parenthesized_expression" => {}
                    _ => break,
                }
                n = q;
            }
            let top = top?;
            let mut pieces = Vec::new();
            let ok = !literal_pieces(language, top, src, &mut pieces) && pieces.len() >= 2;
            ok.then_some(top)
        }
        Language::Rust => {
            if p.kind() != "token_tree" {
                return None;
            }
            // `concat!( … )`: the macro's own token tree, or a nested one after `concat !`.
            let macro_name = match p.parent() {
                Some(m) if m.kind() == "macro_invocation" => m.child_by_field_name("macro").map(|n| &src[n.byte_range()]),
                _ => {
                    let bang = p.prev_sibling()?;
                    let ident = bang.prev_sibling()?;
                    (bang.kind() == "!").then(|| &src[ident.byte_range()])
                }
            };
            (macro_name == Some(b"concat")).then_some(p)
        }
    }
}

/// The characters of a string literal (without prefix and quotes), for masking a literal a
/// query rule marked `@secret`.
pub fn literal_span(language: Language, node: Node, src: &[u8]) -> (usize, usize) {
    let mut pieces = Vec::new();
    literal_pieces(language, node, src, &mut pieces);
    match (pieces.first(), pieces.last()) {
        (Some(a), Some(b)) if a.0 < b.1 => (a.0, b.1),
        _ => (node.start_byte(), node.end_byte()),
    }
}
