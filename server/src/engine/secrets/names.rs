//! Names that say "this holds a secret": variables, attributes, keyword arguments, dict and
//! config keys, struct fields, environment variables, HTTP headers.

/// How strongly a name says its value is a secret; decides the value gates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    /// `key`, `stripe_key`, `auth`: often a secret, often not. Only long, random values count.
    Weak,
    /// `token`, `api_key`, `client_secret`, `credentials`, `Authorization`.
    Secret,
    /// `password`, `passwd`, `db_pass`: people choose these, so entropy is lower.
    Password,
    /// `SECRET_KEY` (Django, Flask), JWT signing keys: any literal is a hard-coded key.
    SigningKey,
}

/// Split `apiKey`, `API_KEY`, `x-api-key`, `spring.datasource.password` into lowercase words.
pub fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        // camelCase boundary: aB, and ABc (end of an acronym).
        if c.is_ascii_uppercase() && !cur.is_empty() {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower) {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Words that make a secret-sounding name mean something else: `token_type`, `secret_name`,
/// `password_hash`, `api_key_id`, `public_key`, `max_tokens`, `key_func`.
const NOT_A_SECRET: &[&str] = &[
    "hash", "hashed", "hashes", "hasher", "digest", "sha", "sha1", "sha256", "sha512", "md5", "checksum",
    "fingerprint", "salt", "len", "length", "min", "max", "count", "size", "type", "types", "name", "names", "id",
    "ids", "uid", "url", "urls", "uri", "endpoint", "path", "paths", "file", "filename", "files", "dir",
    "folder", "env", "var", "variable", "field", "fields", "label", "prompt", "placeholder", "regex", "re", "pattern",
    "format", "fmt", "prefix", "suffix", "policy", "expiry", "expires", "expiration", "expire", "expired", "ttl",
    "timeout", "version", "algorithm", "algorithms", "alg", "mode", "scheme", "kind", "enabled", "enable", "disabled",
    "required", "require", "reset", "question", "hint", "help", "description", "desc", "error", "errors", "message",
    "messages", "msg", "validator", "validators", "strength", "rule", "rules", "public", "pub", "usage", "limit", "limits",
    "index", "idx", "column", "col", "table", "param", "params", "parameter", "attr", "attribute", "cache", "sort",
    "partition", "primary", "foreign", "unique", "lookup", "map", "mapping", "dict", "class", "display", "source",
    "location", "char", "chars", "character", "characters", "input", "widget", "form", "view", "handler", "fn", "func",
    "function", "callback", "method", "manager", "provider", "generator", "factory", "getter", "setter", "get", "set",
    "fetch", "load", "loader", "read", "parse", "parser", "validate", "check", "verify", "example", "sample", "mock",
    "fake", "dummy", "ref", "reference", "template", "lifetime", "duration", "age", "num", "number", "registry",
    "request", "response", "cls", "encoding", "encrypted", "ciphertext", "masked", "redacted", "csrf", "xsrf", "uuid",
    "guid", "tokens", "tokenizer", "tokenize", "tokenized", "keys", "keyword", "keywords", "keyboard", "keypress",
    "keycode", "keydown", "keyup", "keymap", "keyring", "keychain", "keyfunc", "monkey", "turkey", "hotkey",
    "keystroke", "author", "authors", "authority", "authorities", "authored", "passport", "passthrough", "bypass",
    "compass", "passage", "passenger", "passive", "passed", "passes", "passing", "header", "headers", "position",
    "pos", "hashers",
];

/// What the name says about its value, or `None` when it does not sound like a secret.
pub fn classify(name: &str) -> Option<NameKind> {
    let words = words(name);
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let joined = words.join("_");
    if matches!(
        joined.as_str(),
        "secret_key" | "jwt_secret" | "jwt_secret_key" | "jwt_key" | "jwt_signing_key" | "signing_key" | "signing_secret"
            | "session_secret" | "session_secret_key" | "cookie_secret" | "app_secret_key" | "flask_secret_key"
            | "django_secret_key" | "secret_key_base" | "token_secret" | "hmac_secret" | "hmac_key"
    ) {
        return Some(NameKind::SigningKey);
    }
    // `password_hash`, but not `key_id`'s cousin `private_key` being flagged as excluded by `key`.
    if words.iter().any(|w| NOT_A_SECRET.contains(&w.as_str())) {
        // `auth_header` / `authorization_header` hold `Bearer …`: still a secret.
        let header_only = words.iter().all(|w| matches!(w.as_str(), "header" | "headers" | "auth" | "authorization" | "bearer" | "token"))
            && words.iter().any(|w| w == "header" || w == "headers");
        if !header_only {
            return None;
        }
        return Some(NameKind::Secret);
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    if has("auth") && (has("basic") || has("http")) {
        return Some(NameKind::Password);
    }
    if words.iter().any(|w| matches!(w.as_str(), "password" | "passwd" | "passphrase" | "passcode" | "pwd" | "pw" | "pass" | "passwort" | "contrasena" | "motdepasse" | "mdp"))
        || words.iter().any(|w| w.starts_with("password") || w.ends_with("password"))
    {
        return Some(NameKind::Password);
    }
    if words.iter().any(|w| {
        matches!(
            w.as_str(),
            "secret" | "secrets" | "token" | "apikey" | "credential" | "credentials" | "creds" | "bearer" | "authorization"
                | "accesstoken" | "authtoken" | "refreshtoken" | "privatekey" | "secretkey" | "accesskey" | "passkey" | "apitoken"
                | "clientsecret" | "webhooksecret" | "sessionkey" | "masterkey" | "encryptionkey" | "signingkey"
        )
    }) {
        return Some(NameKind::Secret);
    }
    if let Some(i) = words.iter().position(|w| w == "key") {
        let before = if i > 0 { words[i - 1].as_str() } else { "" };
        if matches!(
            before,
            "api" | "access" | "private" | "secret" | "signing" | "encryption" | "enc" | "master" | "hmac" | "jwt" | "client"
                | "app" | "auth" | "service" | "consumer" | "session" | "crypto" | "aes" | "cipher" | "webhook" | "subscription"
                | "license" | "admin" | "root" | "ssh" | "deploy" | "shared" | "account" | "storage" | "sas" | "mac" | "fernet"
        ) {
            return Some(NameKind::Secret);
        }
        return Some(NameKind::Weak);
    }
    if has("auth") {
        return Some(NameKind::Weak);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names_into_words() {
        assert_eq!(words("apiKey"), ["api", "key"]);
        assert_eq!(words("API_KEY"), ["api", "key"]);
        assert_eq!(words("x-api-key"), ["x", "api", "key"]);
        assert_eq!(words("HTTPServerToken"), ["http", "server", "token"]);
        assert_eq!(words("spring.datasource.password"), ["spring", "datasource", "password"]);
    }

    #[test]
    fn classifies_names() {
        use NameKind::*;
        let cases = [
            ("password", Some(Password)),
            ("DB_PASSWORD", Some(Password)),
            ("db_pass", Some(Password)),
            ("api_key", Some(Secret)),
            ("OPENAI_API_KEY", Some(Secret)),
            ("apiKey", Some(Secret)),
            ("X-Api-Key", Some(Secret)),
            ("Authorization", Some(Secret)),
            ("client_secret", Some(Secret)),
            ("token", Some(Secret)),
            ("auth_header", Some(Secret)),
            ("SECRET_KEY", Some(SigningKey)),
            ("secret_key", Some(SigningKey)),
            ("JWT_SECRET", Some(SigningKey)),
            ("stripe_key", Some(Weak)),
            ("key", Some(Weak)),
            ("token_type", None),
            ("secret_name", None),
            ("password_hash", None),
            ("max_tokens", None),
            ("api_key_id", None),
            ("aws_access_key_id", None),
            ("public_key", None),
            ("primary_key", None),
            ("tokenizer", None),
            ("key_func", None),
            ("author", None),
            ("keyword", None),
            ("password_reset_url", None),
            ("csrf_token", None),
            ("PASSWORD_HASHERS", None),
            ("monkey", None),
            ("bypass", None),
        ];
        for (name, want) in cases {
            assert_eq!(classify(name), want, "{name}");
        }
    }
}
