//! Value tests shared by every secret detector: entropy, placeholders, template references,
//! and the false-positive controls (digests, UUIDs, documentation examples, sequential or
//! repeated characters, low-entropy base64).

use std::sync::LazyLock;

use regex::Regex;

/// Shannon entropy in bits per byte.
pub fn entropy(s: &[u8]) -> f64 {
    if s.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in s {
        counts[b as usize] += 1;
    }
    let n = s.len() as f64;
    counts.iter().filter(|&&c| c > 0).map(|&c| {
        let p = c as f64 / n;
        -p * p.log2()
    }).sum()
}

/// Character classes present: lower, upper, digit, other.
pub fn classes(s: &str) -> usize {
    let mut seen = [false; 4];
    for c in s.chars() {
        let i = if c.is_ascii_lowercase() {
            0
        } else if c.is_ascii_uppercase() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            3
        };
        seen[i] = true;
    }
    seen.iter().filter(|&&b| b).count()
}

/// `abcdef…`, `123456…`, `aaaa…`, `abab…`, `xXxX`: typed by a person, not generated.
pub fn is_sequential_or_repeated(s: &str) -> bool {
    let b: Vec<u8> = s.bytes().map(|c| c.to_ascii_lowercase()).collect();
    if b.len() < 4 {
        return true;
    }
    let mut distinct = [false; 256];
    for &c in &b {
        distinct[c as usize] = true;
    }
    let n_distinct = distinct.iter().filter(|&&d| d).count();
    // Few distinct characters for the length (hex and digit strings have up to 16 and 10).
    if n_distinct <= 2 || n_distinct < 8 && n_distinct * 4 < b.len() {
        return true;
    }
    // A short period repeated: abcabcabc, 12341234.
    for period in 1..=8.min(b.len() / 2) {
        if b.iter().enumerate().all(|(i, &c)| c == b[i % period]) {
            return true;
        }
    }
    // Runs of +1 / -1 / 0 steps: abcdefgh, 987654, aaaa.
    let steps = b.windows(2).filter(|w| {
        let d = w[1] as i16 - w[0] as i16;
        d == 1 || d == 0 || d == -1 || (w[0] == b'9' && w[1] == b'a') || (w[0] == b'z' && w[1] == b'0')
    });
    steps.count() * 10 >= (b.len() - 1) * 7
}

pub fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|c| c.is_ascii_hexdigit())
}

/// A hex digest: git SHA-1, SHA-224/256/384/512, MD5 lengths.
pub fn is_hex_digest(s: &str) -> bool {
    is_hex(s) && matches!(s.len(), 32 | 40 | 56 | 64 | 96 | 128)
}

static UUID_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$").unwrap());

pub fn is_uuid(s: &str) -> bool {
    s.len() >= 36 && UUID_RE.is_match(s)
}

/// `sha256:…` image digests, `sha512-…` subresource integrity, `md5:`… and password-hash
/// formats (`$2b$…`, `$argon2id$…`, `pbkdf2_sha256$…`): digests of a secret are not the secret.
pub fn is_digest_or_hash(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^((sha(1|224|256|384|512)|md5|blake2[bs]?|blake3|xxh\d*|crc32)[:=-]|\$(2[abxy]?|argon2(id|i|d)|scrypt|pbkdf2[-\w]*|[156y]|gy|7)\$|(pbkdf2|bcrypt|argon2|scrypt|sha1|md5|crypt)[_\w]*\$|\{(s?sha|md5|crypt|ssha\d*)\})").unwrap()
    });
    RE.is_match(s)
}

/// Well-known documentation example keys, stored as BLAKE3 hashes so this file holds no
/// key-shaped literal: Stripe's public docs test key and publishable key, jwt.io's example token.
const KNOWN_EXAMPLE_HASHES: &[&str] = &[
    "286e3a91f00ebdbee7513536d14132aed149e9549dc603d0478472389cfa7518",
    "e877aef2dd303ffca67f5441117b682f7401f41d9df2a6a471cf2789f2042188",
    "2bffda0ca10692e8e8633caf96ae895186cb3e98e516ddb60cb9abab2ddeeea2",
];

/// AWS's `AKIAIOSFODNN7EXAMPLE` / `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY` and the like
/// (documentation keys end in or contain `EXAMPLE`), plus a few hashed well-known examples.
pub fn is_documentation_example(s: &str) -> bool {
    if s.contains("EXAMPLE") || s.contains("example") && s.len() < 80 {
        return true;
    }
    if s.len() < 16 {
        return false;
    }
    let hash = blake3::hash(s.as_bytes()).to_hex();
    KNOWN_EXAMPLE_HASHES.contains(&hash.as_str())
}

/// A reference to a value kept elsewhere: `${VAR}`, `$VAR`, `%(name)s`, `{{ var }}`, `{name}`,
/// `<%= … %>`, `#{…}`, `%VAR%`, `$(cmd)`, environment and secret-manager lookups.
pub fn is_template_or_reference(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            // Well-formed constructs only: random text can contain `$(` or `%s` by chance.
            r"\$\{[A-Za-z_][\w.]*(\}|:|$)|\{\{.*\}\}|\{%.*%\}|%\([\w.-]+\)[sdr]|<%.*%>|#\{[^}]+\}|\$\([a-z][^)]*\)|^\$[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^\{[\w.:\[\]-]*\}$|^%[sdr]$|",
            r"(?i)(^|[^\w])(os\.environ|getenv|env::var|process\.env|ENV\[|environ\.get|System\.getenv|Environment\.GetEnvironmentVariable)|",
            r"(?i)^(env|vault|secret|secrets|ssm|keyring|keychain|op|gcp-secret|azure-keyvault|aws-secretsmanager|file|k8s|sops)(:|://)|",
            r"(?i)^!(env|vault|secret|ref|sub|getatt|import|include)|arn:aws:(secretsmanager|ssm|kms)|projects/[^/]+/secrets/|\.vault\.azure\.net/secrets"
        ))
        .unwrap()
    });
    RE.is_match(s)
}

/// Text a person left to be filled in: `your-api-key-here`, `<token>`, `xxx`, `REPLACE_ME`,
/// `changeme`, `sk-...`, `****`, `TODO`, well-known default passwords.
pub fn is_placeholder(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?i)^(",
            // wrapped in brackets: <token>, [API_KEY], {secret}
            r"<[^<>]*>|\[[^\[\]]*\]|\{[^{}]*\}|",
            // only filler characters
            r"[x*.•…#_-]{3,}|0{4,}|",
            r"your[-_ .]?[\w .-]*|(insert|enter|paste|put|add|fill|replace)[-_ .][\w .-]*|my[-_ .]?(\w+[-_ .])?(secret|password|passwd|pass|pwd|key|token|api[-_ .]?key)[\w-]*|",
            // a dummy word with a number: test123, password1!, admin_2024, changeme42
            r"(test|testing|dummy|fake|sample|example|demo|foo|bar|pass|passwd|password|secret|changeme|admin|user|guest|root|qwerty|letmein|welcome|default|temp|tmp)[-_!@#.]?[0-9]{0,6}[!.]?|",
            r"(todo|tbd|fixme|none|null|nil|undefined|empty|default|unset|n/?a|secret|secrets|password|passwd|pass|pwd|token|apikey|api[-_]?key|key|private[-_]?key|access[-_]?key|secret[-_]?key|credentials?|example|sample|test|testing|tests|demo|dev|development|local|foo|bar|baz|foobar|qux|abc|abc123|admin|admin123|administrator|root|toor|guest|user|username|letmein|qwerty|welcome|hunter2|changeit|mysecret|supersecret|topsecret|s3cr3t|secret123|password1|password123|passw0rd|p@ssw0rd|p@ssword|123|1234|12345|123456|1234567|12345678|123456789|1234567890)",
            r")$"
        ))
        .unwrap()
    });
    // Filler inside a longer value: `sk-your-key-here`, `change-me-please`, `abc...`. A random
    // token that happens to contain `xXx` or `fake` is still random.
    static CONTAINS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(replace[-_ ]?(me|this|with)|change[-_ ]?(me|this|it)|fill[-_ ]?(me|in)|goes[-_ ]?here|[-_ ]here\b|placeholder|redacted|not[-_ ]?set|to[-_ ]?be[-_ ]?(set|filled|replaced)|dummy|fake|(?-i:xxx|XXX)|\.\.\.|…)").unwrap()
    });
    let t = s.trim();
    if t.is_empty() {
        return false;
    }
    if RE.is_match(t) {
        return true;
    }
    let random_looking = t.len() >= 12 && entropy(t.as_bytes()) > 3.6 && !t.contains(['-', '_', ' ', '.', '…']);
    !random_looking && CONTAINS.is_match(t)
}

/// Base64 whose decoded bytes carry little information (`AAAAAAAA…`, base64 of `aaaa…` or of a
/// short repeated word).
pub fn is_low_entropy_base64(s: &str) -> bool {
    let core = s.trim_end_matches('=');
    if core.len() < 12 || !core.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'-' | b'_')) {
        return false;
    }
    if entropy(core.as_bytes()) < 3.0 {
        return true;
    }
    match base64_decode(core) {
        Some(bytes) if bytes.len() >= 8 => {
            entropy(&bytes) < 2.5 || bytes.iter().all(|b| b.is_ascii_graphic() || *b == b' ') && is_sequential_or_repeated(std::str::from_utf8(&bytes).unwrap_or(""))
        }
        _ => false,
    }
}

/// Standard or URL-safe base64, padding optional.
pub fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in s.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// A dotted or snake-case name, a path, a file name, a URL without credentials or an e-mail
/// address: what a config value that names something (rather than being a secret) looks like.
pub fn is_name_path_or_url(s: &str) -> bool {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        // settings.SECRET_KEY, PASSWORD_FIELD, _auth_user_backend, new_password2, get_token()
        Regex::new(r"^_*([a-z]+[0-9]*|[A-Z]+[0-9]*)([._:-]+([a-z]+[0-9]*|[A-Z]+[0-9]*|[A-Z][a-z]+[0-9]*))+_*(\(\))?$|^[A-Za-z_][A-Za-z0-9_.]*\(\)$")
        .unwrap()
    });
    NAME.is_match(s) || is_path_or_url(s)
}

/// A path, a file name, a URL without credentials or an e-mail address.
pub fn is_path_or_url(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^(~|\.{1,2})?/|^[A-Za-z]:\\|",
            r"(?i)\.(pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|toml|ini|cfg|conf|txt|env|pub|gpg|asc|keystore|db|sqlite3?|log)$|",
            r"^[a-z][a-z0-9+.-]*://[^:@/\s]*(/|$)|^[\w.+-]+@[\w-]+\.[\w.-]+$"
        ))
        .unwrap()
    });
    RE.is_match(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_of_uniform_and_constant_text() {
        assert_eq!(entropy(b"aaaa"), 0.0);
        assert!((entropy(b"abcd") - 2.0).abs() < 1e-9);
    }

    #[test]
    fn sequential_and_repeated() {
        for s in ["abcdefghijklmnop", "0123456789abcdef", "aaaaaaaaaaaa", "abcabcabcabc", "9876543210", "xXxXxXxX", "1234567890123456"] {
            assert!(is_sequential_or_repeated(s), "{s}");
        }
        for s in ["q8Zr2LmX0pW7", "hunter2xyz", "Tr0ub4dor&3"] {
            assert!(!is_sequential_or_repeated(s), "{s}");
        }
    }

    #[test]
    fn placeholders() {
        for s in ["your-api-key-here", "<token>", "xxx", "XXXXXXXX", "REPLACE_ME", "changeme", "change-me", "sk-...", "****", "TODO", "your_openai_key", "[API_KEY]", "{password}", "insert-token", "dummy-secret", "admin123", "put-your-key", "test123", "Password1!", "secret_2024"] {
            assert!(is_placeholder(s), "{s}");
        }
        for s in ["q8Zr2LmX0pW7", "hunter2xyz!", "Tr0ub4dor&3"] {
            assert!(!is_placeholder(s), "{s}");
        }
    }

    #[test]
    fn templates() {
        for s in ["${DB_PASSWORD}", "$API_KEY", "%(password)s", "{{ secrets.TOKEN }}", "{token}", "%API_KEY%", "$(cat /run/secrets/x)", "vault:secret/data/db#password", "arn:aws:secretsmanager:us-east-1:1:secret:x", "!env DB_PASS", "os.environ['X']"] {
            assert!(is_template_or_reference(s), "{s}");
        }
        assert!(!is_template_or_reference("q8Zr2LmX0pW7"));
    }

    #[test]
    fn digests_and_uuids() {
        assert!(is_uuid("123e4567-e89b-12d3-a456-426614174000"));
        assert!(!is_uuid("123e4567e89b12d3a456426614174000"));
        assert!(is_hex_digest(&"a1".repeat(20)));
        assert!(is_digest_or_hash(&format!("sha256:{}", "ab".repeat(32))));
        assert!(is_digest_or_hash(&format!("sha512-{}", "QUJD".repeat(20))));
        assert!(is_digest_or_hash("$2b$12$abcdefghijklmnopqrstuv"));
        assert!(is_digest_or_hash("pbkdf2_sha256$600000$salt$hash"));
        assert!(!is_digest_or_hash("q8Zr2LmX0pW7"));
    }

    #[test]
    fn low_entropy_base64() {
        assert!(is_low_entropy_base64("AAAAAAAAAAAAAAAAAAAAAA=="));
        assert!(is_low_entropy_base64("YWFhYWFhYWFhYWFhYWFhYQ==")); // "aaaa…"
        assert!(!is_low_entropy_base64("q8Zr2LmX0pW7tK3vN9bC5hJ1"));
    }

    #[test]
    fn names_paths_urls() {
        for s in ["settings.SECRET_KEY", "PASSWORD_FIELD", "/etc/secrets/key.pem", "./id_rsa", "creds.json", "https://example.com/token", "ops@example.com", "get_token()", "_auth_user_backend", "new_password2", "request.POST"] {
            assert!(is_name_path_or_url(s), "{s}");
        }
        for s in ["q8Zr2LmX0pW7", "hunter2xy", "aB3_xY9kLm2"] {
            assert!(!is_name_path_or_url(s), "{s}");
        }
    }

    #[test]
    fn base64_roundtrip() {
        assert_eq!(base64_decode("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64_decode("aGVsbG8").unwrap(), b"hello");
    }
}
