//! Secret detection, run by the one scan function for every file.
//!
//! - Python and Rust: string literals and comments, read through the syntax tree (`source`).
//! - Every other text file (`.env`, YAML, JSON, TOML, INI, shell, Dockerfiles, notebooks, PEM
//!   files, other source code, prose): the text itself (`scan_text`).
//!
//! Provider formats are data (`formats::FORMATS`); generic secrets are values bound to
//! secret-sounding names (`names`, `generic`); `filters` holds the false-positive controls.
//! Findings never carry a secret: messages show the provider, a short fixed prefix and the
//! length, and every secret's byte range is returned so reporters mask quoted source lines.

pub mod files;
pub mod filters;
pub mod formats;
pub mod generic;
pub mod names;
pub mod source;

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use regex::bytes::Regex;

use super::finding::SecretSpan;
use super::rules::Severity;
use formats::{Check, FormatHit, HitVerdict, Rule, FORMATS};
use generic::{GenericHit, Verdict};
use names::NameKind;

pub const RULE_PROVIDER: &str = "any-provider-secret";
pub const RULE_PRIVATE_KEY: &str = "any-private-key";
pub const RULE_URL: &str = "any-credential-in-url";
pub const RULE_GENERIC: &str = "any-generic-secret";
pub const RULE_SIGNING_KEY: &str = "any-hardcoded-signing-key";
pub const RULE_PLACEHOLDER: &str = "any-placeholder-credential";

/// The built-in rules this module reports.
pub const RULES: &[&str] = &[RULE_PROVIDER, RULE_PRIVATE_KEY, RULE_URL, RULE_GENERIC, RULE_SIGNING_KEY, RULE_PLACEHOLDER];

/// The capture name with which a query rule marks a literal as secret: masked in every output.
pub const SECRET_CAPTURE: &str = "secret";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoundKind {
    Format(usize),
    Generic,
    Placeholder,
}

/// A secret (or placeholder credential) found in a file, ready to become a finding.
#[derive(Clone, Debug)]
pub struct Found {
    pub rule: &'static str,
    pub severity: Severity,
    /// Never contains the secret: only its redacted form.
    pub message: String,
    /// Byte ranges of the value in the file (several when it is split over literals).
    pub spans: Vec<(usize, usize)>,
    /// Leading bytes of the value that are a fixed, public prefix (`sk-ant-`).
    pub visible: usize,
    /// Mask the value in quoted source lines (false for placeholders).
    pub secret: bool,
    pub kind: FoundKind,
}

impl Found {
    pub fn range(&self) -> (usize, usize) {
        (self.spans.first().map_or(0, |s| s.0), self.spans.last().map_or(0, |s| s.1))
    }

    pub fn secret_spans(&self) -> impl Iterator<Item = SecretSpan> + '_ {
        let visible = self.visible;
        self.spans.iter().enumerate().filter(|_| self.secret).map(move |(i, &(s, e))| SecretSpan {
            start_byte: s,
            end_byte: e,
            visible: if i == 0 { visible.min(e - s) } else { 0 },
        })
    }
}

/// `sk-ant-…(108 chars)`: the fixed prefix and the length, never the secret.
pub fn redact(value: &str, visible: usize) -> String {
    let n = value.chars().count();
    let mut shown = visible.min(value.len()).min(24);
    while !value.is_char_boundary(shown) {
        shown -= 1;
    }
    // Never show more than a third of a value.
    if shown * 3 > value.len() {
        shown = 0;
    }
    format!("{}…({n} chars)", &value[..shown])
}

/// A placeholder is not a secret, but quote it briefly and on one line.
fn quote_placeholder(value: &str) -> String {
    let one: String = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > 40 {
        format!("{}…", one.chars().take(39).collect::<String>())
    } else {
        one
    }
}

fn private_key_kind(detail: &str) -> &'static str {
    match detail {
        "RSA" => "RSA private key",
        "DSA" => "DSA private key",
        "EC" => "EC private key",
        "OPENSSH" => "OpenSSH private key",
        "PGP" => "PGP private key",
        "ENCRYPTED" | "SSH2 ENCRYPTED" => "encrypted private key",
        _ => "PKCS#8 private key",
    }
}

pub(crate) fn found_for_format(h: &FormatHit, value: &str, spans: Vec<(usize, usize)>, _src: &[u8]) -> Found {
    let spec = &FORMATS[h.format];
    let kind = FoundKind::Format(h.format);
    match spec.rule {
        Rule::PrivateKey => {
            let what = private_key_kind(&h.detail);
            Found {
                rule: RULE_PRIVATE_KEY,
                severity: if what == "encrypted private key" { Severity::Warning } else { Severity::Error },
                message: format!("{what} block `{}` is committed with the code; whoever reads it can sign and decrypt as its owner", redact(value, 0)),
                spans,
                visible: 0,
                secret: true,
                kind,
            }
        }
        Rule::UrlPassword if h.verdict == HitVerdict::Placeholder => Found {
            rule: RULE_PLACEHOLDER,
            severity: Severity::Info,
            message: format!("`{}` has a placeholder or default password (`{}`); build it from environment variables instead", if h.detail == "curl" { "curl -u".to_string() } else { format!("{}://", h.detail) }, quote_placeholder(value)),
            spans,
            visible: 0,
            secret: false,
            kind: FoundKind::Placeholder,
        },
        Rule::UrlPassword => Found {
            rule: RULE_URL,
            severity: Severity::Error,
            message: if h.detail == "curl" {
                format!("`curl -u` passes the password `{}` on the command line; anyone who can read this file (or the process list) can use it", redact(value, 0))
            } else {
                format!("`{}://` URL carries its password `{}` inline; anyone who can read this file can connect", h.detail, redact(value, 0))
            },
            spans,
            visible: 0,
            secret: true,
            kind,
        },
        Rule::Provider => {
            let unverified = h.verdict == HitVerdict::Unverified;
            let severity = if spec.warning || unverified { Severity::Warning } else { Severity::Error };
            let note = if unverified { " (its checksum does not verify: a made-up or damaged token, or a real one mangled in copying)" } else { "" };
            Found {
                rule: RULE_PROVIDER,
                severity,
                message: format!("{} `{}` is hard-coded; anyone who can read this file can use it{note}", spec.name, redact(value, spec.show)),
                spans,
                visible: spec.show,
                secret: true,
                kind,
            }
        }
    }
}

pub(crate) fn found_provider_placeholder(format: usize, s: usize, e: usize, src: &[u8]) -> Found {
    let spec = &FORMATS[format];
    let value = String::from_utf8_lossy(&src[s..e]);
    Found {
        rule: RULE_PLACEHOLDER,
        severity: Severity::Info,
        message: format!("placeholder {} `{}` left in the code; read the real key from the environment", spec.name, quote_placeholder(&value)),
        spans: vec![(s, e)],
        visible: 0,
        secret: false,
        kind: FoundKind::Placeholder,
    }
}

pub(crate) fn found_generic(h: &GenericHit, spans: Vec<(usize, usize)>, src: &[u8]) -> Found {
    let mut value = String::new();
    for &(a, b) in &spans {
        value.push_str(&String::from_utf8_lossy(&src[a..b]));
    }
    let name = quote_placeholder(&h.name);
    if h.verdict == Verdict::Placeholder {
        return Found {
            rule: RULE_PLACEHOLDER,
            severity: Severity::Info,
            message: format!("`{name}` holds a placeholder (`{}`) instead of a credential read from the environment or a secret manager", quote_placeholder(&value)),
            spans,
            visible: 0,
            secret: false,
            kind: FoundKind::Placeholder,
        };
    }
    if h.kind == NameKind::SigningKey {
        let insecure = value.starts_with("django-insecure-");
        let visible = if insecure { "django-insecure-".len() } else { 0 };
        let message = if insecure {
            format!("`{name}` is Django's generated development key `{}`; anyone with the code can forge sessions, password-reset links and signed data", redact(&value, visible))
        } else {
            format!("`{name}` is a hard-coded signing key `{}`; anyone with the code can forge sessions and tokens", redact(&value, 0))
        };
        return Found { rule: RULE_SIGNING_KEY, severity: Severity::Error, message, spans, visible, secret: true, kind: FoundKind::Generic };
    }
    let what = if h.kind == NameKind::Password { "password" } else { "secret" };
    Found {
        rule: RULE_GENERIC,
        severity: if h.kind == NameKind::Weak { Severity::Warning } else { Severity::Error },
        message: format!("`{name}` is set to a hard-coded {what} `{}`", redact(&value, 0)),
        spans,
        visible: 0,
        secret: true,
        kind: FoundKind::Generic,
    }
}

/// Scan a text file that is not Python or Rust.
pub fn scan_text(text: &str, kind: files::TextKind, path: &Path) -> Vec<Found> {
    use files::TextKind;
    let src = text.as_bytes();
    let mut out = Vec::new();
    let hits = formats::keyword_hits(src);
    let found = if hits.is_empty() { Vec::new() } else { formats::scan_hits(src, &hits) };
    let in_tests = files::is_test_path(path);
    for h in &found {
        let spec = &FORMATS[h.format];
        if kind == TextKind::Prose && spec.check == Check::UrlPassword {
            continue; // `postgres://user:pass@host` in documentation is an example
        }
        out.push(found_for_format(h, &String::from_utf8_lossy(&src[h.start..h.end]), vec![(h.start, h.end)], src));
    }
    if !matches!(kind, TextKind::Prose | TextKind::Key) {
        if !in_tests {
            for (format, s, e) in formats::placeholder_hits(src, &hits, &found) {
                out.push(found_provider_placeholder(format, s, e, src));
            }
        }
        let mut generic_hits = Vec::new();
        generic::scan_pairs(src, 0, src.len(), generic::Style { require_quotes: kind == TextKind::Code, comment: false }, &mut generic_hits);
        for g in generic_hits {
            if out.iter().any(|f| f.spans.iter().any(|&(s, e)| s < g.value.1 && g.value.0 < e)) {
                continue;
            }
            out.push(found_generic(&g, vec![g.value], src));
        }
    }
    postprocess(src, in_tests, &mut out);
    out
}

/// File-level steps shared by source and text scans: AWS key ids paired with their secret,
/// GCP service-account keys named as such, test code left to provider formats and keys.
pub fn postprocess(src: &[u8], in_tests: bool, out: &mut Vec<Found>) {
    if in_tests {
        out.retain(|f| matches!(f.rule, RULE_PROVIDER | RULE_PRIVATE_KEY));
    }
    // One finding per value: a provider format, key block or URL beats a name-based guess.
    let strong: Vec<(usize, usize)> = out.iter().filter(|f| matches!(f.rule, RULE_PROVIDER | RULE_PRIVATE_KEY | RULE_URL)).map(Found::range).collect();
    out.retain(|f| matches!(f.rule, RULE_PROVIDER | RULE_PRIVATE_KEY | RULE_URL) || !strong.iter().any(|&(s, e)| s < f.range().1 && f.range().0 < e));
    let Some(id_format) = formats::by_id("aws-access-key-id") else { return };
    let secret_format = formats::by_id("aws-secret-access-key").unwrap_or(usize::MAX);
    let ids: Vec<usize> = out.iter().enumerate().filter(|(_, f)| f.kind == FoundKind::Format(id_format)).map(|(i, _)| i).collect();
    if !ids.is_empty() {
        let mut have_secret = out.iter().any(|f| f.kind == FoundKind::Format(secret_format));
        if !have_secret {
            // The secret next to the id without a telling name: `boto3.client("s3", "AKIA…", "…")`.
            static B64_40: LazyLock<Regex> = LazyLock::new(|| {
                regex::bytes::RegexBuilder::new(r"(?:^|[^A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)").unicode(false).build().unwrap()
            });
            let mut extra = Vec::new();
            for &i in &ids {
                let at = out[i].range().0;
                let (from, to) = lines_around(src, at, 3);
                for caps in B64_40.captures_iter(&src[from..to]) {
                    let m = caps.get(1).unwrap();
                    let value = String::from_utf8_lossy(m.as_bytes());
                    if filters::classes(&value) >= 3 && filters::entropy(m.as_bytes()) > 4.0 && !filters::is_documentation_example(&value) && !filters::is_hex(&value) {
                        let h = FormatHit { format: secret_format, start: from + m.start(), end: from + m.end(), verdict: HitVerdict::Secret, detail: String::new() };
                        if !extra.iter().any(|f: &Found| f.spans[0] == (h.start, h.end)) && !out.iter().any(|f| f.spans.iter().any(|&(s, e)| s < h.end && h.start < e)) {
                            extra.push(found_for_format(&h, &value, vec![(h.start, h.end)], src));
                        }
                    }
                }
            }
            have_secret = !extra.is_empty();
            out.extend(extra);
        }
        for i in ids {
            let f = &mut out[i];
            let value = String::from_utf8_lossy(&src[f.spans[0].0..f.spans[0].1]).into_owned();
            if have_secret {
                f.severity = Severity::Error;
                f.message = format!("AWS access key id `{}` is hard-coded together with its secret access key; anyone who can read this file can use the key pair", redact(&value, 4));
            } else {
                f.severity = Severity::Warning;
                f.message = format!("AWS access key id `{}` is hard-coded; its secret key is not in this file, but find where it is and rotate the pair", redact(&value, 4));
            }
        }
    }
    static SERVICE_ACCOUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"\\?"type\\?"\s*:\s*\\?"service_account\\?""#).unwrap());
    let is_key_block = |f: &Found| matches!(f.rule, RULE_PRIVATE_KEY);
    if out.iter().any(is_key_block) && SERVICE_ACCOUNT.is_match(src) {
        for f in out.iter_mut().filter(|f| is_key_block(f)) {
            f.message = format!("GCP service-account key (private key `{}`) is committed with the code; whoever reads it acts as the service account", f.message.split('`').nth(1).unwrap_or("…"));
        }
    }
}

fn lines_around(src: &[u8], at: usize, n: usize) -> (usize, usize) {
    let mut from = at;
    for _ in 0..=n {
        match src[..from].iter().rposition(|&b| b == b'\n') {
            Some(i) => from = i,
            None => {
                from = 0;
                break;
            }
        }
    }
    let mut to = at;
    for _ in 0..=n {
        match src[to.min(src.len())..].iter().position(|&b| b == b'\n') {
            Some(i) => to = to + i + 1,
            None => {
                to = src.len();
                break;
            }
        }
    }
    (from, to.min(src.len()))
}

/// Mask the secret spans that fall on one line of `source` (`line_start` is the byte offset of
/// the line): every character of a secret past its visible prefix becomes `*`, so columns and
/// carets still line up.
pub fn mask_line<'a>(line: &'a str, line_start: usize, spans: &[SecretSpan]) -> Cow<'a, str> {
    let line_end = line_start + line.len();
    let relevant: Vec<&SecretSpan> = spans.iter().filter(|s| s.start_byte < line_end && line_start < s.end_byte).collect();
    if relevant.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    for (i, c) in line.char_indices() {
        let at = line_start + i;
        let masked = relevant.iter().any(|s| at >= s.start_byte + s.visible && at < s.end_byte);
        out.push(if masked && !c.is_whitespace() { '*' } else { c });
    }
    Cow::Owned(out)
}

/// Mask secret spans inside an arbitrary slice of the source (a quoted capture).
pub fn mask_range(source: &str, start: usize, end: usize, spans: &[SecretSpan]) -> String {
    let text = &source[start..end];
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let at = start + i;
        let masked = spans.iter().any(|s| at >= s.start_byte + s.visible && at < s.end_byte);
        out.push(if masked && !c.is_whitespace() { '*' } else { c });
    }
    out
}

/// Replace each secret's text in `message` by its redacted form, including a truncated quote
/// that ends in `…` partway through a secret.
pub fn redact_message(message: &str, source: &str, spans: &[SecretSpan]) -> String {
    let mut out = message.to_string();
    for s in spans {
        let Some(value) = source.get(s.start_byte..s.end_byte) else { continue };
        if value.len() < 4 {
            continue;
        }
        if out.contains(value) {
            out = out.replace(value, &redact(value, s.visible));
            continue;
        }
        // A quote cut short: `AES.new(b"0123456789…` holds a prefix of the value.
        let mut n = value.len();
        while n >= 8 && n > s.visible + 4 {
            if value.is_char_boundary(n) {
                let prefix = &value[..n];
                let cut = format!("{prefix}…");
                if out.contains(&cut) {
                    out = out.replace(&cut, &redact(value, s.visible));
                    break;
                }
            }
            n -= 1;
        }
    }
    out
}

/// Redact provider secrets and private keys in free text (error messages on stderr, which can
/// quote a line of a configuration file).
pub fn redact_text(text: &str) -> Cow<'_, str> {
    let src = text.as_bytes();
    let hits = formats::keyword_hits(src);
    if hits.is_empty() {
        return Cow::Borrowed(text);
    }
    let found = formats::scan_hits(src, &hits);
    let found: Vec<&FormatHit> = found.iter().filter(|h| h.verdict != HitVerdict::Placeholder).collect();
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for h in found {
        if h.start < last {
            continue;
        }
        out.push_str(&text[last..h.start]);
        let spec = &FORMATS[h.format];
        out.push_str(&redact(&text[h.start..h.end], if spec.rule == Rule::Provider { spec.show } else { 0 }));
        last = h.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_shows_prefix_and_length_only() {
        let v = format!("sk-ant-api03-{}", "q".repeat(95));
        assert_eq!(redact(&v, 7), "sk-ant-…(108 chars)");
        assert_eq!(redact("hunter2x", 0), "…(8 chars)");
        // A prefix longer than a third of the value is not shown.
        assert_eq!(redact("abcdefgh", 6), "…(8 chars)");
    }

    #[test]
    fn masking_keeps_columns() {
        let line = "key = \"abcdefgh\"";
        let spans = [SecretSpan { start_byte: 100 + 7, end_byte: 100 + 15, visible: 2 }];
        assert_eq!(mask_line(line, 100, &spans), "key = \"ab******\"");
    }
}
