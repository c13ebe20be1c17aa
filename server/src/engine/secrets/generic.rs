//! Generic secrets: a value bound to a name that says "secret" (see `names`), judged by the
//! value's shape. Also the line scanner that finds `name = value` / `name: value` /
//! `"name": "value"` / `--name value` / `<name>value</name>` pairs in config files, comments and
//! string literals.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::filters;
use super::names::{self, NameKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Secret,
    Placeholder,
}

/// Substrings of every name `names::classify` accepts; the prefilter for generic secrets.
const NAME_KEYWORDS: &[&str] = &["pass", "pwd", "pw", "secret", "token", "key", "auth", "credential", "creds", "bearer"];

static NAMES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostFirst).ascii_case_insensitive(true).kind(Some(AhoCorasickKind::DFA)).build(NAME_KEYWORDS).unwrap()
});

/// Offsets of name keywords in `text`.
pub fn name_hits(text: &[u8]) -> Vec<usize> {
    NAMES.find_iter(text).map(|m| m.start()).collect()
}

pub fn is_name_byte(b: u8, dashes: bool) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || (dashes && (b == b'-' || b == b'.'))
}

/// The name around `at`: identifier characters, plus `-` and `.` when `dashes` (config keys).
pub fn name_around(text: &[u8], at: usize, dashes: bool) -> (usize, usize) {
    let mut s = at;
    while s > 0 && is_name_byte(text[s - 1], dashes) {
        s -= 1;
    }
    let mut e = at;
    while e < text.len() && is_name_byte(text[e], dashes) {
        e += 1;
    }
    // `.password` / `-token`: trim separators at the edges.
    while s < e && !text[s].is_ascii_alphanumeric() && text[s] != b'_' {
        s += 1;
    }
    while e > s && !text[e - 1].is_ascii_alphanumeric() && text[e - 1] != b'_' {
        e -= 1;
    }
    (s, e)
}

/// Strip `Bearer ` / `Token ` / `Basic ` from an Authorization-style value.
fn strip_scheme(value: &str) -> &str {
    for scheme in ["Bearer ", "bearer ", "Token ", "token ", "Basic ", "basic ", "Bot ", "ApiKey ", "Apikey "] {
        if let Some(rest) = value.strip_prefix(scheme) {
            return rest.trim();
        }
    }
    value
}

/// `judge`, knowing the name: a value that only repeats a word of a longer name
/// (`SECRET_CAPTURE = "secret"`, `TOKEN_HEADER = "token"`) names something; it is no credential.
pub fn judge_named(name: &str, kind: NameKind, raw: &str) -> Option<Verdict> {
    let words = names::words(name);
    let value = raw.trim().to_ascii_lowercase();
    if words.len() >= 2 && words.contains(&value) {
        return None;
    }
    // `key="ApiKey"`, `name: DB_PASSWORD`: the value is the name of a setting.
    if matches!(words.as_slice(), [w] if w == "key" || w == "name") && names::classify(raw.trim()).is_some() {
        return None;
    }
    judge(kind, raw)
}

/// Is `raw`, bound to a name of this kind, a hard-coded secret, a placeholder, or neither?
pub fn judge(kind: NameKind, raw: &str) -> Option<Verdict> {
    let value = strip_scheme(raw.trim());
    if value.is_empty() || value.len() > 512 {
        return None;
    }
    if filters::is_template_or_reference(value) {
        return None;
    }
    if filters::is_placeholder(value) {
        return Some(Verdict::Placeholder);
    }
    if filters::is_documentation_example(value) || filters::is_digest_or_hash(value) || filters::is_uuid(value) {
        return None;
    }
    if value.chars().any(char::is_whitespace) || value.chars().any(|c| c.is_control()) {
        return None;
    }
    if matches!(value.to_ascii_lowercase().as_str(), "true" | "false" | "yes" | "no" | "on" | "off" | "required" | "optional") {
        return None;
    }
    if kind == NameKind::SigningKey {
        // Any literal signing key is a hard-coded key, whatever its entropy.
        return if value.len() >= 4 && !filters::is_path_or_url(value) { Some(Verdict::Secret) } else { None };
    }
    if filters::is_name_path_or_url(value) {
        return None;
    }
    if filters::is_sequential_or_repeated(value) {
        return None;
    }
    if filters::is_low_entropy_base64(value) {
        return None;
    }
    let classes = filters::classes(value);
    let entropy = filters::entropy(value.as_bytes());
    let len = value.chars().count();
    let ok = match kind {
        NameKind::Password => len >= 6 && (classes >= 2 || len >= 12) && entropy >= 2.3,
        NameKind::Secret | NameKind::SigningKey => {
            len >= 8 && entropy >= 3.0 && (classes >= 2 && value.bytes().any(|b| b.is_ascii_digit()) || classes >= 2 && len >= 16 && entropy >= 3.5)
        }
        NameKind::Weak => len >= 16 && entropy >= 3.5 && classes >= 2 && !filters::is_hex_digest(value),
    };
    ok.then_some(Verdict::Secret)
}

/// Where a `name <sep> value` pair sits in a line of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub name: (usize, usize),
    pub value: (usize, usize),
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    /// Code-like text: a value must be quoted (an unquoted one is an expression).
    pub require_quotes: bool,
    /// A comment in source code: documentation more often than configuration, so only
    /// `name = value` / `name: value` forms count, placeholders are not reported, and values must
    /// look random.
    pub comment: bool,
}

/// The `name <sep> value` pair whose name contains offset `at`, if any.
pub fn pair_at(text: &[u8], at: usize, style: Style) -> Option<Pair> {
    let (ns, ne) = name_around(text, at, true);
    if ns >= ne {
        return None;
    }
    let before = if ns > 0 { text[ns - 1] } else { b'\n' };
    // `${API_KEY}`, `$TOKEN`, `%(password)s`, `{{ token }}`: a use of the name, not a binding.
    if matches!(before, b'$' | b'{' | b'%') {
        return None;
    }
    let line_end = text[ne..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| ne + i);
    let line_start = text[..ns].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let mut i = ne;
    let skip_ws = |i: &mut usize| {
        while *i < line_end && (text[*i] == b' ' || text[*i] == b'\t') {
            *i += 1;
        }
    };
    // <password>value</password>
    if before == b'<' && text.get(ne) == Some(&b'>') {
        let vs = ne + 1;
        let ve = vs + text[vs..line_end].iter().position(|&b| b == b'<')?;
        let close = format!("</{}>", String::from_utf8_lossy(&text[ns..ne]));
        return text[ve..line_end].starts_with(close.as_bytes()).then_some(Pair { name: (ns, ne), value: (vs, ve) });
    }
    // The closing quote of a quoted key: "api_key": …, \"password\": …
    if text.get(i) == Some(&b'\\') && matches!(text.get(i + 1), Some(b'"' | b'\'')) {
        i += 2;
    } else if matches!(text.get(i), Some(b'"' | b'\'' | b'`')) {
        i += 1;
    } else if text.get(i) == Some(&b']') {
        // config["password"] = "…" (the quote was consumed above in the other order)
        i += 1;
    }
    if text.get(i) == Some(&b']') {
        i += 1;
    }
    skip_ws(&mut i);
    let sep_start = i;
    let rest = &text[i..line_end];
    let sep_len = if rest.starts_with(b":=") || rest.starts_with(b"=>") || rest.starts_with(b"?=") || rest.starts_with(b"+=") {
        2
    } else if rest.starts_with(b"==") || rest.starts_with(b"!=") || rest.starts_with(b"::") {
        return None;
    } else if rest.starts_with(b"=") || rest.starts_with(b":") {
        1
    } else {
        0
    };
    if sep_len == 0 {
        // `--password value`, Dockerfile `ENV API_TOKEN value`.
        let line = &text[line_start..ns];
        let flag = ns >= 2 && &text[ns - 2..ns] == b"--";
        let docker = line.trim_ascii_start().starts_with(b"ENV ") || line.trim_ascii_start().starts_with(b"ARG ");
        if !(flag || docker) || i == ne || style.comment {
            return None;
        }
    }
    i = sep_start + sep_len;
    skip_ws(&mut i);
    if i >= line_end {
        return None;
    }
    // Value: quoted (possibly with escaped quotes, as in JSON notebooks), or bare.
    let (vs, ve) = if text[i] == b'\\' && matches!(text.get(i + 1), Some(b'"' | b'\'')) {
        let q = text[i + 1];
        let vs = i + 2;
        let ve = (vs..line_end.saturating_sub(1)).find(|&j| text[j] == b'\\' && text[j + 1] == q).unwrap_or(line_end);
        (vs, ve)
    } else if matches!(text[i], b'"' | b'\'' | b'`') {
        let q = text[i];
        let vs = i + 1;
        let mut j = vs;
        while j < line_end && !(text[j] == q && text[j - 1] != b'\\') {
            j += 1;
        }
        (vs, j)
    } else if let Some(scheme) = [&b"Bearer "[..], b"Basic ", b"Token ", b"bearer "].iter().find(|p| text[i..line_end].starts_with(p)) {
        // `Authorization: Bearer abc…` inside a header string: the token after the scheme.
        let vs = i + scheme.len();
        let ve = (vs..line_end).find(|&j| text[j].is_ascii_whitespace() || b"\"'`,;".contains(&text[j])).unwrap_or(line_end);
        (vs, ve)
    } else {
        if style.require_quotes {
            // f"…", b'…', r"…" are literals too.
            if i + 1 < line_end && matches!(text[i], b'b' | b'r' | b'u' | b'f' | b'B' | b'R') && matches!(text[i + 1], b'"' | b'\'') {
                let q = text[i + 1];
                let vs = i + 2;
                let ve = (vs..line_end).find(|&j| text[j] == q).unwrap_or(line_end);
                return Some(Pair { name: (ns, ne), value: (vs, ve) });
            }
            return None;
        }
        if text[i] == b'<' {
            // `token: <your token>`: a placeholder in angle brackets.
            let ve = text[i..line_end].iter().position(|&b| b == b'>').map(|p| i + p + 1)?;
            return Some(Pair { name: (ns, ne), value: (i, ve) });
        }
        if matches!(text[i], b'|' | b'>' | b'!' | b'&' | b'*' | b'(' | b'[' | b'{') {
            return None;
        }
        let vs = i;
        let mut j = i;
        while j < line_end && !text[j].is_ascii_whitespace() && !b",;#)}]<\\\"'`[".contains(&text[j]) {
            j += 1;
        }
        // `key = rsa.generate(1024)`, `pw = request.POST['password']`: an expression, not a value.
        if text[vs..j].contains(&b'(') || matches!(text.get(j), Some(b'(' | b'[')) {
            return None;
        }
        (vs, j)
    };
    (ve > vs).then_some(Pair { name: (ns, ne), value: (vs, ve) })
}

/// A name given as the value of a `key`/`name` attribute, with its value in a `value`
/// attribute after it, on the same line or the next: `<add key="ApiKey" value="…"/>`,
/// `{"name": "DB_PASSWORD", "value": "…"}`, Kubernetes `- name: DB_PASSWORD` / `value: …`.
fn keyed_value(text: &[u8], ns: usize, ne: usize, to: usize) -> Option<Pair> {
    static BEFORE: LazyLock<regex::bytes::Regex> =
        LazyLock::new(|| regex::bytes::Regex::new(r#"(?i)\b(key|name)["']?\s*[:=]\s*["']?$"#).unwrap());
    static AFTER: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r#"(?i)^["']?\s*,?\s*(?:\n\s*(?:-\s*)?)?["']?value["']?\s*[:=]\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'<>,}]+))"#).unwrap()
    });
    let line_start = text[..ns].iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    if !BEFORE.is_match(&text[line_start..ns]) {
        return None;
    }
    let window_end = text[ne..to].iter().enumerate().filter(|(_, &b)| b == b'\n').nth(1).map_or(to, |(i, _)| ne + i);
    let caps = AFTER.captures(&text[ne..window_end])?;
    let m = caps.get(1).or_else(|| caps.get(2)).or_else(|| caps.get(3))?;
    (m.end() > m.start()).then_some(Pair { name: (ns, ne), value: (ne + m.start(), ne + m.end()) })
}

/// A generic secret found by the line scanner.
#[derive(Clone, Debug)]
pub struct GenericHit {
    pub name: String,
    pub kind: NameKind,
    pub value: (usize, usize),
    pub verdict: Verdict,
}

/// Scan `text[from..to]` for name/value pairs at name-keyword hits.
pub fn scan_pairs(text: &[u8], from: usize, to: usize, style: Style, out: &mut Vec<GenericHit>) {
    let region = &text[from..to];
    let mut last_name = usize::MAX;
    for hit in name_hits(region) {
        let at = from + hit;
        let (ns, ne) = name_around(text, at, true);
        if ns == last_name || ns < from || ne > to {
            continue;
        }
        last_name = ns;
        let name = String::from_utf8_lossy(&text[ns..ne]).into_owned();
        let Some(kind) = names::classify(&name) else { continue };
        let Some(pair) = pair_at(text, at, style).or_else(|| keyed_value(text, ns, ne, to)) else { continue };
        if pair.value.1 > to {
            continue;
        }
        let value = String::from_utf8_lossy(&text[pair.value.0..pair.value.1]);
        let verdict = match judge_named(&name, kind, &value) {
            Some(Verdict::Placeholder) if style.comment => None,
            Some(Verdict::Secret) if style.comment && (filters::classes(&value) < 3 || filters::entropy(value.as_bytes()) < 3.3 || value.len() < 8) => None,
            v => v,
        };
        if let Some(verdict) = verdict {
            if !out.iter().any(|h| h.value == pair.value) {
                out.push(GenericHit { name, kind, value: pair.value, verdict });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value_of(line: &str, style: Style) -> Option<String> {
        let lower = line.to_ascii_lowercase();
        let at = ["pass", "key", "token", "secret"].iter().find_map(|k| lower.find(k)).unwrap();
        pair_at(line.as_bytes(), at, style).map(|p| line[p.value.0..p.value.1].to_string())
    }

    #[test]
    fn finds_pairs_in_config_syntaxes() {
        let s = Style::default();
        assert_eq!(value_of("DB_PASSWORD=hunter2x", s).as_deref(), Some("hunter2x"));
        assert_eq!(value_of("export API_KEY=\"abc\"", s).as_deref(), Some("abc"));
        assert_eq!(value_of("  password: s3cret  # comment", s).as_deref(), Some("s3cret"));
        assert_eq!(value_of("{\"api_key\": \"v1\"}", s).as_deref(), Some("v1"));
        assert_eq!(value_of("    \"token = \\\"abc\\\"\\n\",", s).as_deref(), Some("abc"));
        assert_eq!(value_of("secret_key = 'xyz'", s).as_deref(), Some("xyz"));
        assert_eq!(value_of("<password>pw1</password>", s).as_deref(), Some("pw1"));
        assert_eq!(value_of("cmd --password pw1", s).as_deref(), Some("pw1"));
        assert_eq!(value_of("ENV API_TOKEN tok1", s).as_deref(), Some("tok1"));
        assert_eq!(value_of("password == other", s), None);
        assert_eq!(value_of("url: ${API_KEY}", s), None);
        let code = Style { require_quotes: true, comment: false };
        assert_eq!(value_of("api_key = get_key()", code), None);
        assert_eq!(value_of("api_key = \"abc\"", code).as_deref(), Some("abc"));
    }

    #[test]
    fn judges_values() {
        use NameKind::*;
        assert_eq!(judge(Password, "hunter2x"), Some(Verdict::Secret));
        assert_eq!(judge(Password, "changeme"), Some(Verdict::Placeholder));
        assert_eq!(judge(Password, "${DB_PASSWORD}"), None);
        assert_eq!(judge(Secret, "q8Zr2LmX0pW7tK3v"), Some(Verdict::Secret));
        assert_eq!(judge(Secret, "your-api-key-here"), Some(Verdict::Placeholder));
        assert_eq!(judge(Secret, "123e4567-e89b-12d3-a456-426614174000"), None);
        assert_eq!(judge(Secret, "abcdefghijklmnopqrstuvwxyz"), None);
        assert_eq!(judge(Secret, "Bearer q8Zr2LmX0pW7tK3v"), Some(Verdict::Secret));
        assert_eq!(judge(Weak, &"a1".repeat(20)), None); // hex digest
        assert_eq!(judge(SigningKey, "dev"), Some(Verdict::Placeholder));
        assert_eq!(judge(SigningKey, "not-very-secret"), Some(Verdict::Secret));
        assert_eq!(judge(Secret, "os.environ['API_KEY']"), None);
    }
}
