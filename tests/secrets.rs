//! Secret detection: every provider format and every false-positive control, positive and
//! negative; where secrets are looked for; and redaction in every output.
//!
//! No key-shaped literal is written in this file: every fake key is built at run time from the
//! format's template (`formats::FORMATS[..].sample`) or from a prefix and random characters.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use assay::engine::secrets::formats::{self, Check, Rule, FORMATS};
use assay::engine::secrets::{self as sec};
use assay::engine::{self, Catalog, FileReport, Language, ScanSettings, Severity};

use common::BIN;

// ---- fake keys ---------------------------------------------------------------------------

/// xorshift64*: reproducible random characters, no dependency.
struct Rng(u64);

impl Rng {
    /// `ASSAY_TEST_SEED` shifts every seed, to try other random keys.
    fn new(seed: u64) -> Self {
        let shift: u64 = std::env::var("ASSAY_TEST_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0);
        Rng(seed.wrapping_add(shift.wrapping_mul(1_000_003)).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn from(&mut self, alphabet: &str, n: usize) -> String {
        let a = alphabet.as_bytes();
        (0..n).map(|_| a[(self.next() % a.len() as u64) as usize] as char).collect()
    }
    fn alnum(&mut self, n: usize) -> String {
        self.from(ALNUM, n)
    }
}

const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

fn alphabet(kind: &str) -> &'static str {
    match kind {
        "alnum" => ALNUM,
        "hex" => "0123456789abcdef",
        "b64" => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
        "b64url" => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
        "upper" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        "lower" => "abcdefghijklmnopqrstuvwxyz0123456789",
        "digits" => "0123456789",
        "b32" => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
        "bech32" => "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
        other => panic!("unknown template kind {other}"),
    }
}

fn b64url(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

fn b64std(bytes: &[u8]) -> String {
    let url = b64url(bytes).replace('-', "+").replace('_', "/");
    let pad = (4 - url.len() % 4) % 4;
    url + &"=".repeat(pad)
}

fn fake_jwt(rng: &mut Rng) -> String {
    let header = b64url(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = b64url(format!(r#"{{"sub":"{}","iat":{}}}"#, rng.alnum(12), 1_700_000_000 + rng.next() % 1000).as_bytes());
    format!("{header}.{payload}.{}", rng.from(alphabet("b64url"), 43))
}

/// How a template's random runs are filled.
#[derive(Clone, Copy, PartialEq)]
enum Fill {
    Random,
    /// Each run cut to at most 5 characters: too short for any format.
    Short,
    /// Each run made of one repeated character.
    Repeated,
}

/// Expand `{{kind:n}}`, `{{crc}}` and `{{jwt}}` in a format's sample.
fn expand(template: &str, rng: &mut Rng, fill: Fill) -> String {
    expand_runs(template, rng, fill).0
}

/// The expansion and its random runs (what must never be shown).
fn expand_runs(template: &str, rng: &mut Rng, fill: Fill) -> (String, Vec<String>) {
    let mut runs = Vec::new();
    let mut out = String::new();
    let mut rest = template;
    let mut last_run = String::new();
    while let Some(open) = rest.find("{{") {
        out.push_str(&rest[..open]);
        let close = rest[open..].find("}}").expect("closed template") + open;
        let spec = &rest[open + 2..close];
        let piece = match spec {
            "crc" => formats::base62_6(formats::crc32(last_run.as_bytes())),
            "jwt" => match fill {
                Fill::Random => fake_jwt(rng),
                Fill::Short => "eyJhbGc.eyJzdWI.abc".to_string(),
                Fill::Repeated => format!("eyJ{}.eyJ{}.{}", "A".repeat(20), "A".repeat(20), "A".repeat(20)),
            },
            _ => {
                let (kind, n) = spec.split_once(':').expect("kind:n");
                let n: usize = n.parse().unwrap();
                let a = alphabet(kind);
                let run = match fill {
                    Fill::Random => rng.from(a, n),
                    Fill::Short => rng.from(a, n.min(5)),
                    Fill::Repeated => a[..1].repeat(n),
                };
                last_run = run.clone();
                run
            }
        };
        runs.push(piece.clone());
        out.push_str(&piece);
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    (out, runs)
}

// ---- scanning helpers --------------------------------------------------------------------

fn catalog() -> &'static Catalog {
    static C: OnceLock<Catalog> = OnceLock::new();
    C.get_or_init(Catalog::embedded)
}

fn scan(path: &str, text: &str) -> FileReport {
    let settings = ScanSettings::default();
    match Language::from_path(Path::new(path)) {
        Some(lang) => engine::scan_source(catalog(), lang, Path::new(path), text, None, &settings),
        None => engine::scan_text(Path::new(path), text, &settings),
    }
}

/// Findings of the secret rules, as (rule, severity, message).
fn secret_findings(report: &FileReport) -> Vec<(String, Severity, String)> {
    report
        .findings
        .iter()
        .filter(|f| sec::RULES.contains(&f.rule_id.as_str()) || f.rule_id.contains("secret") || f.rule_id.contains("credential") || f.rule_id.contains("crypto-key"))
        .map(|f| (f.rule_id.clone(), f.severity, f.message.clone()))
        .collect()
}

fn rules_of(report: &FileReport) -> Vec<String> {
    secret_findings(report).into_iter().map(|f| f.0).collect()
}

fn has(report: &FileReport, rule: &str) -> bool {
    report.findings.iter().any(|f| f.rule_id == rule && f.suppression.is_none())
}

/// The value is masked: a secret span covers it, and no message quotes it.
fn assert_masked(report: &FileReport, text: &str, value: &str) {
    let at = text.find(value).unwrap_or_else(|| panic!("value not in text"));
    let covered = report.secrets.iter().any(|s| s.start_byte <= at + value.len() / 2 && at + value.len() / 2 < s.end_byte);
    assert!(covered, "no secret span covers the value in {text:?}: {:?}", report.secrets);
    for f in &report.findings {
        assert!(!f.message.contains(value), "message leaks the value: {}", f.message);
    }
}

fn formats_with_samples() -> impl Iterator<Item = &'static formats::Format> {
    FORMATS.iter().filter(|f| !f.sample.is_empty())
}

fn expect_format(report: &FileReport, spec: &formats::Format, context: &str) {
    let found = secret_findings(report);
    let ok = found.iter().any(|(rule, _, message)| {
        *rule == spec.rule.id() && (spec.rule != Rule::Provider || message.contains(spec.name))
    });
    assert!(ok, "{}: not found in {context}; findings: {found:?}", spec.id);
}

// ---- provider formats --------------------------------------------------------------------

#[test]
fn there_are_at_least_forty_formats_llm_providers_first() {
    assert!(FORMATS.len() >= 40, "{} formats", FORMATS.len());
    assert_eq!(FORMATS[0].group, formats::Group::Llm);
    for f in FORMATS {
        assert!(f.sample.is_empty() == (f.check == Check::PrivateKey), "{}: every regex format has a sample", f.id);
    }
}

#[test]
fn every_format_is_found_in_config_python_and_rust() {
    let mut rng = Rng::new(7);
    for spec in formats_with_samples() {
        let (line, runs) = expand_runs(spec.sample, &mut rng, Fill::Random);
        let assignment = line.contains(" = \"");
        let masked = |report: &FileReport, text: &str| {
            for run in runs.iter().filter(|r| r.len() >= 8 && !r.bytes().all(|b| b.is_ascii_digit())) {
                assert_masked(report, text, run);
            }
        };
        // A config file.
        let env = if assignment { format!("{line}\n") } else { format!("SAMPLE_VALUE={line}\n") };
        let report = scan(".env", &env);
        expect_format(&report, spec, ".env");
        masked(&report, &env);
        // Python.
        let py = if assignment { format!("{line}\n") } else { format!("value = \"{line}\"\n") };
        let report = scan("app/settings_prod.py", &py);
        expect_format(&report, spec, "Python");
        masked(&report, &py);
        // Rust.
        let rs = if assignment { format!("fn main() {{ let {line}; }}\n") } else { format!("const VALUE: &str = \"{line}\";\n") };
        let report = scan("src/config.rs", &rs);
        expect_format(&report, spec, "Rust");
        masked(&report, &rs);
    }
}

#[test]
fn every_format_rejects_values_too_short_or_made_of_one_repeated_character() {
    let mut rng = Rng::new(11);
    for spec in formats_with_samples() {
        for fill in [Fill::Short, Fill::Repeated] {
            if spec.check == Check::UrlPassword && fill == Fill::Short {
                continue; // a short password in a URL is still a password (see urls_with_inline_passwords)
            }
            let line = expand(spec.sample, &mut rng, fill);
            let text = if line.contains(" = \"") { format!("{line}\n") } else { format!("value = \"{line}\"\n") };
            let report = scan("app/config.py", &text);
            let wrong: Vec<_> = secret_findings(&report)
                .into_iter()
                .filter(|(rule, _, message)| {
                    (*rule == sec::RULE_PROVIDER && message.contains(spec.name)) || (spec.rule != Rule::Provider && *rule == spec.rule.id())
                })
                .collect();
            assert!(wrong.is_empty(), "{} ({}): {text:?} reported: {wrong:?}", spec.id, if fill == Fill::Short { "short" } else { "repeated" });
        }
    }
}

#[test]
fn redacted_form_shows_provider_prefix_and_length_only() {
    let mut rng = Rng::new(3);
    let key = format!("{}{}{}", "sk-ant-", "api03-", rng.from(alphabet("b64url"), 93)) + "AA";
    let text = format!("ANTHROPIC_API_KEY={key}\n");
    let report = scan(".env", &text);
    let message = &report.findings[0].message;
    assert!(message.contains("Anthropic API key `sk-ant-…(108 chars)`"), "{message}");
}

#[test]
fn github_tokens_carry_a_checksum() {
    let mut rng = Rng::new(5);
    let body = rng.alnum(30);
    let good = format!("ghp_{body}{}", formats::base62_6(formats::crc32(body.as_bytes())));
    assert!(formats::crc32_base62_ok(&good));
    let report = scan(".env", &format!("GH={good}\n"));
    let f = &report.findings[0];
    assert_eq!((f.rule_id.as_str(), f.severity), (sec::RULE_PROVIDER, Severity::Error), "{}", f.message);
    assert!(!f.message.contains("checksum"));
    // Same shape, wrong checksum: still reported (it may be a real token mangled in copying),
    // but as a warning that says so.
    let mut bad = good.clone();
    let last = bad.pop().unwrap();
    bad.push(if last == 'a' { 'b' } else { 'a' });
    let report = scan(".env", &format!("GH={bad}\n"));
    let f = &report.findings[0];
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.message.contains("checksum does not verify"), "{}", f.message);
}

// ---- private keys, JWTs, URLs, AWS pairs -------------------------------------------------

fn pem_body(rng: &mut Rng, lines: usize) -> String {
    (0..lines).map(|_| rng.from(alphabet("b64"), 64)).collect::<Vec<_>>().join("\n")
}

fn pem(kind: &str, rng: &mut Rng) -> String {
    let label = if kind.is_empty() { "PRIVATE KEY".to_string() } else { format!("{kind} PRIVATE KEY") };
    let block = if kind == "PGP" { " BLOCK" } else { "" };
    format!("-----BEGIN {label}{block}-----\n{}\n-----END {label}{block}-----\n", pem_body(rng, 12))
}

#[test]
fn private_keys_of_every_kind_are_found() {
    let mut rng = Rng::new(13);
    for (kind, name) in [("RSA", "RSA private key"), ("EC", "EC private key"), ("DSA", "DSA private key"), ("OPENSSH", "OpenSSH private key"), ("PGP", "PGP private key"), ("", "PKCS#8 private key"), ("ENCRYPTED", "encrypted private key")] {
        let key = pem(kind, &mut rng);
        for (path, text) in [("certs/server.pem", key.clone()), ("app/keys.py", format!("KEY = \"\"\"{key}\"\"\"\n")), ("deploy/values.yaml", format!("tls:\n  key: |\n{}", key.lines().map(|l| format!("    {l}\n")).collect::<String>()))] {
            let report = scan(path, &text);
            assert!(has(&report, sec::RULE_PRIVATE_KEY), "{kind} in {path}: {:?}", rules_of(&report));
            assert!(report.findings.iter().any(|f| f.message.contains(name)), "{kind}: {:?}", secret_findings(&report));
            let body_line = key.lines().nth(3).unwrap();
            assert_masked(&report, &text, body_line);
        }
    }
}

#[test]
fn private_key_headers_without_a_real_body_are_not_keys() {
    let mut rng = Rng::new(17);
    for text in [
        "if line.startswith(\"-----BEGIN RSA PRIVATE KEY-----\"):\n    kind = 'rsa'\n".to_string(),
        "HEADER = \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\"\n".to_string(),
        format!("KEY = \"\"\"-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\"\"\"\n", "A".repeat(64 * 4)),
        format!("KEY = \"-----BEGIN RSA PRIVATE KEY-----\\n{}\\n-----END RSA PRIVATE KEY-----\"\n", rng.from(alphabet("b64"), 40)),
    ] {
        let report = scan("app/pem.py", &text);
        assert!(!has(&report, sec::RULE_PRIVATE_KEY), "{text}");
    }
}

#[test]
fn gcp_service_account_json_is_named_as_such() {
    let mut rng = Rng::new(19);
    let body = (0..12).map(|_| rng.from(alphabet("b64"), 64)).collect::<Vec<_>>().join("\\n");
    let json = format!(
        "{{\n  \"type\": \"service_account\",\n  \"project_id\": \"demo\",\n  \"private_key_id\": \"{}\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n\",\n  \"client_email\": \"svc@demo.iam.gserviceaccount.com\"\n}}\n",
        rng.from(alphabet("hex"), 40)
    );
    let report = scan("credentials/service-account.json", &json);
    let f = report.findings.iter().find(|f| f.rule_id == sec::RULE_PRIVATE_KEY).expect("key found");
    assert!(f.message.contains("GCP service-account"), "{}", f.message);
    assert_masked(&report, &json, &body[..64]);
}

#[test]
fn jwts_need_a_json_header() {
    let mut rng = Rng::new(23);
    let token = fake_jwt(&mut rng);
    let report = scan("app/client.py", &format!("HEADERS = {{\"X-Session\": \"{token}\"}}\n"));
    assert!(secret_findings(&report).iter().any(|(r, s, m)| r == sec::RULE_PROVIDER && *s == Severity::Warning && m.contains("JSON Web Token")), "{:?}", secret_findings(&report));
    // `eyJ` segments whose header is not JSON: not a token.
    let fake = format!("eyJ{}.eyJ{}.{}", rng.alnum(20), rng.alnum(30), rng.alnum(30));
    let report = scan("app/client.py", &format!("VALUE = \"{fake}\"\n"));
    assert!(!secret_findings(&report).iter().any(|(_, _, m)| m.contains("JSON Web Token")), "{:?}", secret_findings(&report));
}

#[test]
fn urls_with_inline_passwords() {
    let mut rng = Rng::new(29);
    for scheme in ["postgresql", "mysql", "mongodb+srv", "redis", "amqp", "https", "mssql"] {
        let pw = rng.alnum(18);
        let text = format!("DATABASE = \"{scheme}://app:{pw}@db.internal:5432/app\"\n");
        let report = scan("app/db.py", &text);
        assert!(has(&report, sec::RULE_URL), "{scheme}: {:?}", rules_of(&report));
        assert_masked(&report, &text, &pw);
        let yaml = format!("broker_url: {scheme}://app:{pw}@mq.internal/vhost\n");
        assert!(has(&scan("config/celery.yaml", &yaml), sec::RULE_URL), "{scheme} in YAML");
    }
    for text in [
        "DSN = \"postgresql://app:${DB_PASSWORD}@db/app\"\n",
        "DSN = f\"postgresql://{user}:{password}@{host}/app\"\n",
        "DSN = \"postgresql://%(user)s:%(password)s@db/app\" % cfg\n",
        "DSN = \"postgresql://app@db/app\"\n",
        "URL = \"https://example.com/path?next=a:b@c\"\n",
    ] {
        let report = scan("app/db.py", text);
        assert!(!has(&report, sec::RULE_URL) && !has(&report, sec::RULE_PLACEHOLDER), "{text}: {:?}", rules_of(&report));
    }
    for text in ["DSN = \"postgresql://user:password@localhost/app\"\n", "DSN = \"postgres://postgres:postgres@localhost:5432/test\"\n", "DSN = \"redis://:changeme@cache:6379/0\"\n"] {
        let report = scan("app/db.py", text);
        assert!(has(&report, sec::RULE_PLACEHOLDER) && !has(&report, sec::RULE_URL), "{text}: {:?}", rules_of(&report));
    }
}

fn aws_id(rng: &mut Rng) -> String {
    format!("{}{}", "AK", "IA") + &rng.from(alphabet("b32"), 16)
}

#[test]
fn aws_key_id_is_reported_with_its_secret() {
    let mut rng = Rng::new(31);
    let id = aws_id(&mut rng);
    let secret = rng.from(alphabet("b64"), 40);
    // Named secret.
    let text = format!("[default]\naws_access_key_id = {id}\naws_secret_access_key = {secret}\n");
    let report = scan(".aws/credentials", &text);
    let pair = report.findings.iter().find(|f| f.message.contains("AWS access key id")).expect("id");
    assert_eq!(pair.severity, Severity::Error);
    assert!(pair.message.contains("together with its secret"), "{}", pair.message);
    assert!(report.findings.iter().any(|f| f.message.contains("AWS secret access key")));
    assert_masked(&report, &text, &secret);
    // Unnamed secret next to the id.
    let text = format!("s3 = boto3.client(\"s3\", aws_access_key_id=\"{id}\",\n    aws_secret_access_key=\"{secret}\")\n");
    let report = scan("app/storage.py", &text);
    assert!(report.findings.iter().any(|f| f.message.contains("together with its secret")), "{:?}", secret_findings(&report));
    let text = format!("client = make_client(\"{id}\", \"{secret}\")\n");
    let report = scan("app/storage.py", &text);
    assert!(report.findings.iter().any(|f| f.message.contains("together with its secret")), "{:?}", secret_findings(&report));
    assert_masked(&report, &text, &secret);
    // The id alone: a warning.
    let report = scan("app/storage.py", &format!("KEY_ID = \"{id}\"\n"));
    let f = report.findings.iter().find(|f| f.message.contains("AWS access key id")).expect("id alone");
    assert_eq!(f.severity, Severity::Warning);
}

// ---- false-positive controls -------------------------------------------------------------

#[test]
fn fp_git_shas_and_hex_digests() {
    let mut rng = Rng::new(37);
    let sha1 = rng.from(alphabet("hex"), 40);
    let sha256 = rng.from(alphabet("hex"), 64);
    for (path, text) in [
        ("app/version.py", format!("COMMIT_SHA = \"{sha1}\"\nBUILD_DIGEST = \"{sha256}\"\n")),
        ("app/cache.py", format!("cache_key = \"{sha256}\"\nkey = \"{sha1}\"\n")),
        (".pre-commit-config.yaml", format!("repos:\n  - repo: https://github.com/psf/black\n    rev: {sha1}\n")),
        ("data/manifest.json", format!("{{\"key\": \"{sha256}\", \"checksum\": \"{sha1}\"}}\n")),
        ("app/models.py", format!("# fixed in {sha1}\npassword_hash = \"{sha256}\"\n")),
    ] {
        let report = scan(path, &text);
        assert!(secret_findings(&report).is_empty(), "{path}: {:?}", secret_findings(&report));
    }
    // Positive control: the same shape bound to a credential name is a secret.
    let report = scan("app/client.py", &format!("api_token = \"{sha1}\"\n"));
    assert!(has(&report, sec::RULE_GENERIC), "{:?}", rules_of(&report));
}

#[test]
fn fp_sha256_image_digests_and_integrity_hashes() {
    let mut rng = Rng::new(41);
    let hex = rng.from(alphabet("hex"), 64);
    for (path, text) in [
        ("docker-compose.yml", format!("services:\n  web:\n    image: registry.example.com/web@sha256:{hex}\n")),
        ("app/settings.py", format!("TOKEN = \"sha256:{hex}\"\nsecret = \"sha512-{}\"\n", rng.from(alphabet("b64"), 86))),
        ("config/app.toml", format!("password = \"$2b$12${}\"\n", rng.from(alphabet("b64"), 53))),
        ("fixtures.json", format!("{{\"password\": \"pbkdf2_sha256$600000${}${}\"}}\n", rng.alnum(22), rng.from(alphabet("b64"), 44))),
    ] {
        let report = scan(path, &text);
        assert!(secret_findings(&report).is_empty(), "{path}: {:?}", secret_findings(&report));
    }
    let report = scan("config/app.toml", &format!("password = \"{}\"\n", rng.alnum(16)));
    assert!(has(&report, sec::RULE_GENERIC));
}

#[test]
fn fp_uuids() {
    let mut rng = Rng::new(43);
    let h = |rng: &mut Rng, n| rng.from(alphabet("hex"), n);
    let uuid = format!("{}-{}-4{}-a{}-{}", h(&mut rng, 8), h(&mut rng, 4), h(&mut rng, 3), h(&mut rng, 3), h(&mut rng, 12));
    for text in [format!("api_key = \"{uuid}\"\n"), format!("CLIENT_SECRET_ID = \"{uuid}\"\n"), format!("headers = {{\"X-Request-Token\": \"{uuid}\"}}\n")] {
        let report = scan("app/ids.py", &text);
        assert!(secret_findings(&report).is_empty(), "{text}: {:?}", secret_findings(&report));
    }
    assert!(has(&scan("app/ids.py", &format!("api_key = \"{}\"\n", rng.alnum(32))), sec::RULE_GENERIC));
}

#[test]
fn fp_documentation_examples() {
    let aws_doc_id = format!("AKIA{}EXAMPLE", "IOSFODNN7");
    let aws_doc_secret = format!("wJalrXUtnFEMI/K7MDENG/bPxRfi{}", "CYEXAMPLEKEY");
    let stripe_doc = format!("sk_test_{}", "4eC39HqLyjWDarjtT1zdp7dc");
    let jwt_io = format!(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{}.{}",
        "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ", "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    );
    let text = format!("aws_access_key_id = {aws_doc_id}\naws_secret_access_key = {aws_doc_secret}\nSTRIPE={stripe_doc}\nTOKEN={jwt_io}\n");
    let report = scan("docs/example.env", &text);
    assert!(secret_findings(&report).is_empty(), "{:?}", secret_findings(&report));
    let mut rng = Rng::new(47);
    let report = scan(".env", &format!("aws_access_key_id = {}\n", aws_id(&mut rng)));
    assert!(has(&report, sec::RULE_PROVIDER));
}

#[test]
fn fp_sequential_and_repeated_characters() {
    for text in [
        "api_key = \"abcdefghijklmnopqrstuvwxyz\"\n".to_string(),
        "secret = \"0123456789abcdef0123\"\n".to_string(),
        "token = \"aaaaaaaaaaaaaaaaaaaaaaaa\"\n".to_string(),
        "password = \"abcabcabcabcabc\"\n".to_string(),
        format!("GITHUB_TOKEN = \"ghp_{}\"\n", "a".repeat(36)),
        format!("KEY = \"sk-ant-api03-{}AA\"\n", "0123456789".repeat(10)),
    ] {
        let report = scan("app/conf.py", &text);
        let bad: Vec<_> = secret_findings(&report).into_iter().filter(|(r, _, _)| r != sec::RULE_PLACEHOLDER).collect();
        assert!(bad.is_empty(), "{text}: {bad:?}");
    }
    let mut rng = Rng::new(53);
    assert!(has(&scan("app/conf.py", &format!("token = \"{}\"\n", rng.alnum(24))), sec::RULE_GENERIC));
}

#[test]
fn fp_low_entropy_base64() {
    let low = [b64std(&[0u8; 24]), b64std(b"aaaaaaaaaaaaaaaaaaaaaaaa"), b64std(b"testtesttesttesttest")];
    for v in &low {
        let report = scan("app/conf.py", &format!("secret_token = \"{v}\"\n"));
        assert!(secret_findings(&report).is_empty(), "{v}: {:?}", secret_findings(&report));
    }
    let mut rng = Rng::new(59);
    let random: Vec<u8> = (0..24).map(|_| rng.next() as u8).collect();
    let report = scan("app/conf.py", &format!("secret_token = \"{}\"\n", b64std(&random)));
    assert!(has(&report, sec::RULE_GENERIC), "{:?}", rules_of(&report));
}

#[test]
fn templates_and_environment_lookups_are_not_secrets() {
    for (path, text) in [
        ("app/settings.py", "API_KEY = os.environ[\"API_KEY\"]\nDB_PASSWORD = os.getenv(\"DB_PASSWORD\")\nTOKEN = os.environ.get(\"TOKEN\", \"\")\nSECRET_KEY = config(\"SECRET_KEY\")\npassword = \"%(password)s\"\napi_key = \"{api_key}\"\n"),
        ("src/main.rs", "fn main() { let api_key = std::env::var(\"API_KEY\").unwrap(); let password = env!(\"DB_PASSWORD\"); }\n"),
        (".env.example", "API_KEY=\nDB_PASSWORD=${DB_PASSWORD}\nTOKEN=$TOKEN\n"),
        ("docker-compose.yml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      API_TOKEN: \"{{ api_token }}\"\n"),
        ("deploy.sh", "export API_KEY=\"$(vault kv get -field=key secret/app)\"\ncurl -H \"Authorization: Bearer $TOKEN\" https://api\n"),
        (".github/workflows/ci.yml", "env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n"),
        ("config/app.yaml", "db:\n  password: !env DB_PASSWORD\n  secret: vault:secret/data/app#key\n"),
    ] {
        let report = scan(path, text);
        assert!(secret_findings(&report).is_empty(), "{path}: {:?}", secret_findings(&report));
    }
}

#[test]
fn placeholders_get_their_own_low_severity_finding() {
    for (path, text) in [
        ("app/llm.py", "api_key = \"your-api-key-here\"\n"),
        ("app/llm.py", "client = OpenAI(api_key=\"<token>\")\n"),
        ("app/llm.py", "TOKEN = \"xxx\"\n"),
        ("app/llm.py", "client = Anthropic(api_key=\"sk-ant-api03-REPLACE_ME\")\n"),
        ("app/llm.py", "openai.api_key = \"sk-...\"\n"),
        ("config/app.yaml", "db:\n  password: changeme\n"),
        (".env", "GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n"),
        ("src/main.rs", "const API_KEY: &str = \"REPLACE_ME\";\n"),
    ] {
        let report = scan(path, text);
        let found = secret_findings(&report);
        assert!(found.iter().any(|(r, s, _)| r == sec::RULE_PLACEHOLDER && *s == Severity::Info), "{text}: {found:?}");
        assert!(!found.iter().any(|(r, _, _)| r == sec::RULE_GENERIC || r == sec::RULE_PROVIDER), "{text}: {found:?}");
    }
    let hint = &catalog().get(sec::RULE_PLACEHOLDER).unwrap().meta.hint;
    assert!(hint.contains("environment"), "{hint}");
    // Not in test code.
    assert!(secret_findings(&scan("tests/test_llm.py", "api_key = \"your-api-key-here\"\n")).is_empty());
}

// ---- generic secrets ---------------------------------------------------------------------

#[test]
fn generic_secrets_in_every_binding_form() {
    let mut rng = Rng::new(61);
    let mut v = || rng.alnum(20);
    let python = [
        format!("DB_PASSWORD = \"{}\"\n", v()),
        format!("self.api_key = \"{}\"\n", v()),
        format!("client = Client(client_secret=\"{}\")\n", v()),
        format!("CONFIG = {{\"auth_token\": \"{}\"}}\n", v()),
        format!("os.environ[\"SERVICE_TOKEN\"] = \"{}\"\n", v()),
        format!("def connect(password=\"{}\"):\n    pass\n", v()),
        format!("os.environ.setdefault(\"STRIPE_API_KEY\", \"{}\")\n", v()),
        format!("headers = {{\"Authorization\": \"Bearer {}\"}}\n", v()),
        format!("session.headers[\"X-Api-Key\"] = \"{}\"\n", v()),
        format!("TOKEN = (\"{}\"\n         \"{}\")\n", v(), v()),
        format!("api_key: str = \"{}\"\n", v()),
        format!("CONN = \"Server=db;User Id=app;Password={};\"\n", v()),
        format!("r = requests.get(url, auth=(\"admin\", \"{}\"))\n", v()),
        format!("user.set_password(\"{}\")\n", v()),
    ];
    for text in &python {
        let report = scan("app/conf.py", text);
        assert!(has(&report, sec::RULE_GENERIC), "{text}: {:?}", rules_of(&report));
    }
    let rust = [
        format!("const API_KEY: &str = \"{}\";\n", v()),
        format!("fn f() {{ let db_password = \"{}\".to_string(); }}\n", v()),
        format!("fn f() -> Config {{ Config {{ client_secret: String::from(\"{}\") }} }}\n", v()),
        format!("fn f(r: Request) -> Request {{ r.header(\"Authorization\", \"Bearer {}\") }}\n", v()),
        format!("static TOKEN: &str = \"{}\";\n", v()),
        format!("fn f(c: Client) {{ c.get(u).bearer_auth(\"{}\"); }}\n", v()),
        format!("fn f(c: Client) {{ c.get(u).basic_auth(\"admin\", Some(\"{}\")); }}\n", v()),
    ];
    for text in &rust {
        let report = scan("src/conf.rs", text);
        assert!(has(&report, sec::RULE_GENERIC), "{text}: {:?}", rules_of(&report));
    }
    let config = [
        (".env", format!("DB_PASSWORD={}\n", v())),
        ("config/app.yaml", format!("database:\n  password: \"{}\"\n", v())),
        ("config/app.json", format!("{{\"api_key\": \"{}\"}}\n", v())),
        ("pyproject.toml", format!("[tool.app]\nsecret_token = \"{}\"\n", v())),
        ("setup.cfg", format!("[db]\npassword = {}\n", v())),
        ("src/main/resources/application.properties", format!("spring.datasource.password={}\n", v())),
        ("scripts/deploy.sh", format!("export API_TOKEN=\"{}\"\n", v())),
        ("Dockerfile", format!("FROM python:3.12\nENV API_TOKEN={}\n", v())),
        ("web/config.js", format!("const apiKey = \"{}\";\n", v())),
        ("conf/settings.xml", format!("<settings><password>{}</password></settings>\n", v())),
        ("k8s/secret.yaml", format!("kind: Secret\ndata:\n  db-password: {}\n", b64std(v().as_bytes()))),
        ("infra/main.tf", format!("resource \"aws_db_instance\" \"db\" {{\n  password = \"{}\"\n}}\n", v())),
        (".npmrc", format!("//registry.example.com/:_authToken={}\n", v())),
        ("scripts/call.sh", format!("curl -H \"Authorization: Bearer {}\" https://api.example.com\n", v())),
        ("web.config", format!("<appSettings>\n  <add key=\"ApiKey\" value=\"{}\" />\n</appSettings>\n", v())),
        ("k8s/deploy.yaml", format!("env:\n  - name: DB_PASSWORD\n    value: \"{}\"\n", v())),
        ("docker-compose.yml", format!("services:\n  db:\n    environment:\n      - POSTGRES_PASSWORD={}\n", v())),
    ];
    for (path, text) in &config {
        let report = scan(path, text);
        assert!(has(&report, sec::RULE_GENERIC), "{path}: {text}: {:?}", secret_findings(&report));
    }
}

#[test]
fn names_that_are_not_secrets_are_not_reported() {
    let mut rng = Rng::new(67);
    let v = rng.alnum(20);
    for text in [
        format!("TOKEN_TYPE = \"{v}\"\nsecret_name = \"{v}\"\nPASSWORD_FIELD = \"{v}\"\nmax_tokens = 4096\napi_key_id = \"{v}\"\npublic_key = \"{v}\"\n"),
        "SECRET_CAPTURE = \"secret\"\nkey = \"name\"\nsort_key = \"created_at\"\ntoken = get_token()\npassword = input(\"Password: \")\n".to_string(),
        "cur.execute(\"SELECT password FROM users WHERE id = %s\", (uid,))\n".to_string(),
    ] {
        let report = scan("app/names.py", &text);
        assert!(secret_findings(&report).is_empty(), "{text}: {:?}", secret_findings(&report));
    }
}

#[test]
fn framework_and_jwt_signing_keys_whatever_their_entropy() {
    let mut rng = Rng::new(71);
    for text in [
        format!("SECRET_KEY = \"django-insecure-{}\"\n", rng.alnum(50)),
        "SECRET_KEY = \"my-simple-flask-key\"\n".to_string(),
        "app.secret_key = \"not-very-secret\"\n".to_string(),
        "app.config[\"SECRET_KEY\"] = \"supersecretkey42\"\n".to_string(),
        "app.config.update(SECRET_KEY=\"abc-123-def\")\n".to_string(),
        "JWT_SECRET = \"jwtsigningkey\"\n".to_string(),
    ] {
        let report = scan("myapp/settings.py", &text);
        assert!(has(&report, sec::RULE_SIGNING_KEY), "{text}: {:?}", rules_of(&report));
    }
    let report = scan("myapp/settings.py", &format!("SECRET_KEY = \"django-insecure-{}\"\n", rng.alnum(50)));
    assert!(report.findings[0].message.contains("django-insecure-…(66 chars)"), "{}", report.findings[0].message);
    for text in ["SECRET_KEY = os.environ[\"DJANGO_SECRET_KEY\"]\n", "SECRET_KEY = get_random_secret_key()\n", "app.secret_key = os.urandom(32)\n"] {
        assert!(secret_findings(&scan("myapp/settings.py", text)).is_empty(), "{text}");
    }
    // The quick-start `dev` key is a placeholder.
    assert!(has(&scan("myapp/app.py", "app.secret_key = \"dev\"\n"), sec::RULE_PLACEHOLDER));
}

#[test]
fn test_code_keeps_provider_keys_but_not_generic_secrets() {
    let mut rng = Rng::new(73);
    let text = format!("def test_login(client):\n    client.login(password=\"{}\")\n", rng.alnum(16));
    assert!(secret_findings(&scan("tests/test_auth.py", &text)).is_empty());
    assert!(secret_findings(&scan("app/auth.py", &text)).is_empty(), "test_ functions are test code");
    let key = format!("ghp_{}", rng.alnum(36));
    assert!(has(&scan("tests/test_api.py", &format!("TOKEN = \"{key}\"\n")), sec::RULE_PROVIDER));
}

// ---- where secrets are looked for --------------------------------------------------------

fn anthropic(rng: &mut Rng) -> String {
    format!("{}{}AA", "sk-ant-api03-", rng.from(alphabet("b64url"), 93))
}

#[test]
fn keys_split_over_concatenation_or_inside_fstrings_and_format() {
    let mut rng = Rng::new(79);
    let key = anthropic(&mut rng);
    let (a, b) = key.split_at(20);
    let cases = [
        ("app/a.py", format!("KEY = (\"{a}\"\n       \"{b}\")\n")),
        ("app/b.py", format!("KEY = \"{a}\" + \"{b}\"\n")),
        ("app/c.py", format!("headers = {{\"x-api-key\": f\"{key}\", \"v\": f\"{{version}}\"}}\n")),
        ("app/d.py", format!("url = f\"{{base}}/v1?key={key}&q={{q}}\"\n")),
        ("src/a.rs", format!("const KEY: &str = concat!(\"{a}\", \"{b}\");\n")),
        ("src/b.rs", format!("fn f() -> String {{ format!(\"Bearer {key} {{}}\", 1) }}\n")),
        ("src/c.rs", format!("fn f() -> String {{ format!(\"{{}}\", \"{key}\") }}\n")),
    ];
    for (path, text) in &cases {
        let report = scan(path, text);
        assert!(secret_findings(&report).iter().any(|(r, _, m)| r == sec::RULE_PROVIDER && m.contains("Anthropic")), "{path}: {:?}", secret_findings(&report));
        // Every piece of the key is masked.
        for piece in [&a[8..], &b[..b.len() - 4]] {
            let at = text.find(piece).unwrap();
            assert!(report.secrets.iter().any(|s| s.start_byte <= at && at < s.end_byte), "{path}: piece not masked");
        }
    }
}

#[test]
fn comments_and_docstrings_are_read() {
    let mut rng = Rng::new(83);
    let key = anthropic(&mut rng);
    for (path, text) in [
        ("app/a.py", format!("# old key: {key}\nx = 1\n")),
        ("app/b.py", format!("def f():\n    \"\"\"Call with {key}.\"\"\"\n")),
        ("src/a.rs", format!("// ANTHROPIC_API_KEY={key}\nfn main() {{}}\n")),
        ("src/b.rs", format!("/// Example: `{key}`\nfn f() {{}}\n")),
    ] {
        assert!(has(&scan(path, &text), sec::RULE_PROVIDER), "{path}");
    }
    // Code that is not a literal or a comment is not a place for secrets.
    assert!(!has(&scan("app/c.py", "sk_live_abcdefghijklmnopqrstuvwxyz0123 = 1\n"), sec::RULE_PROVIDER));
}

use common::Project;

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn notebook(code_line: &str, output_line: &str) -> String {
    let esc = |s: &str| s.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "{{\n \"cells\": [\n  {{\n   \"cell_type\": \"code\",\n   \"execution_count\": 1,\n   \"metadata\": {{}},\n   \"outputs\": [\n    {{\n     \"name\": \"stdout\",\n     \"output_type\": \"stream\",\n     \"text\": [\n      \"{}\\n\"\n     ]\n    }}\n   ],\n   \"source\": [\n    \"import os\\n\",\n    \"{}\\n\"\n   ]\n  }}\n ],\n \"metadata\": {{}},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}}\n",
        esc(output_line),
        esc(code_line)
    )
}

#[test]
fn every_committed_text_file_is_scanned_and_others_skipped_with_a_notice() {
    let mut rng = Rng::new(89);
    let p = Project::new();
    let mut planted: Vec<(&str, String)> = Vec::new();
    let mut plant = |rel: &'static str, make: &dyn Fn(&str) -> String, key: String| {
        p.write(rel, &make(&key));
        planted.push((rel, key));
    };
    plant(".env", &|k| format!("OPENAI_API_KEY={k}\n"), format!("sk-proj-{}", rng.from(alphabet("b64url"), 156)));
    plant(".env.production", &|k| format!("SLACK_TOKEN={k}\n"), format!("xoxb-{}-{}-{}", rng.from("0123456789", 12), rng.from("0123456789", 13), rng.alnum(24)));
    plant("config/app.yaml", &|k| format!("llm:\n  key: {k}\n"), anthropic(&mut rng));
    plant("config/app.json", &|k| format!("{{\"hf\": \"{k}\"}}\n"), format!("hf_{}", rng.alnum(34)));
    plant("Cargo.toml.d/extra.toml", &|k| format!("[registry]\ntoken = \"{k}\"\n"), format!("glpat-{}", rng.alnum(20)));
    plant("setup.ini", &|k| format!("[llm]\ngroq = {k}\n"), format!("gsk_{}", rng.alnum(52)));
    plant("app.properties", &|k| format!("stripe.key={k}\n"), format!("sk_live_{}", rng.alnum(40)));
    plant("scripts/run.sh", &|k| format!("#!/bin/sh\nexport REPLICATE_API_TOKEN={k}\n"), format!("r8_{}", rng.alnum(37)));
    plant("Dockerfile", &|k| format!("FROM python:3.12\nENV PPLX={k}\n"), format!("pplx-{}", rng.alnum(48)));
    plant(".npmrc", &|k| format!("//registry.npmjs.org/:_authToken={k}\n"), {
        let body = rng.alnum(30);
        format!("npm_{body}{}", formats::base62_6(formats::crc32(body.as_bytes())))
    });
    plant("notebooks/explore.ipynb", &|k| notebook(&format!("client = OpenAI(api_key=\"{k}\")"), "ok"), format!("sk-proj-{}", rng.from(alphabet("b64url"), 100)));
    plant("notebooks/output.ipynb", &|k| notebook("print(os.environ['XAI_KEY'])", k), format!("xai-{}", rng.alnum(80)));
    plant("keys/deploy.pem", &|k| k.to_string(), pem("RSA", &mut rng));
    plant("README.md", &|k| format!("# Demo\n\nUse `{k}` to call the API.\n"), format!("AIza{}", rng.from(alphabet("b64url"), 35)));
    p.write(".gitignore", "secrets/\n");
    p.write("secrets/ignored.env", &format!("TOKEN={}\n", anthropic(&mut rng)));
    p.write_bytes("static/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00");
    p.write("Cargo.lock", "# generated\n");
    p.write("static/app.min.js", "var a=1;");
    p.write("app.py", "print('hello')\n");
    let o = p.assay(&["check", "--no-cache", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).unwrap_or_else(|e| panic!("{e}: {}{}", out(&o), err(&o)));
    let findings = doc["findings"].as_array().unwrap();
    for (rel, key) in &planted {
        assert!(findings.iter().any(|f| f["path"] == *rel && f["rule_id"].as_str().unwrap().starts_with("any-")), "{rel}: not found in {}", out(&o));
        let body = &key[key.len() / 2..];
        assert!(!out(&o).contains(body), "{rel}: the key leaks in JSON output");
    }
    assert!(!findings.iter().any(|f| f["path"].as_str().unwrap().starts_with("secrets/")), "gitignored files are not scanned");
    let notices = doc["notices"].as_array().unwrap();
    for (path, kind) in [("static/logo.png", "binary"), ("Cargo.lock", "lock-file"), ("static/app.min.js", "minified")] {
        assert!(notices.iter().any(|n| n["path"] == path && n["kind"] == kind), "{path}: {notices:?}");
    }
    let e = err(&o);
    assert!(e.contains("not scanned for secrets: 1 binary files") && e.contains("1 lock files") && e.contains("1 minified bundles"), "{e}");
}

// ---- redaction in every output -----------------------------------------------------------

fn assert_no_leak(text: &str, secrets: &[&str], what: &str) {
    for s in secrets {
        assert!(!text.contains(s), "{what} contains a full secret:\n{text}");
        // Not even a long piece of it past the public prefix.
        let body = &s[s.len() / 3..];
        assert!(!text.contains(body), "{what} contains a piece of a secret:\n{text}");
    }
}

#[test]
fn no_output_format_ever_contains_a_secret() {
    let mut rng = Rng::new(97);
    let key = anthropic(&mut rng);
    let gh_body = rng.alnum(30);
    let gh = format!("ghp_{gh_body}{}", formats::base62_6(formats::crc32(gh_body.as_bytes())));
    let password = format!("{}!{}", rng.alnum(10), rng.alnum(6));
    let hmac_key = rng.alnum(24);
    let p = Project::new();
    // Secrets on lines where other rules report too.
    p.write(
        "app/client.py",
        &format!(
            "import hashlib\nimport hmac\nimport requests\n\nDB_PASSWORD = \"{password}\"\n\ndef call(url):\n    return requests.get(url, headers={{\"x-api-key\": \"{key}\"}}, verify=False)\n\ndef sign(body):\n    return hmac.new(b\"{hmac_key}\", body, hashlib.md5).hexdigest()\n\ndef run(cmd):\n    eval(cmd + \"{gh}\")\n"
        ),
    );
    p.write(".env", &format!("GITHUB_TOKEN={gh}\nANTHROPIC_API_KEY={key}\n"));
    let secrets = [key.as_str(), gh.as_str(), password.as_str(), hmac_key.as_str()];
    for format in ["text", "json", "sarif"] {
        let o = p.assay(&["check", "--no-cache", "--format", format, "--hints", "--statistics"]);
        assert_eq!(o.status.code(), Some(1), "{}", err(&o));
        assert_no_leak(&out(&o), &secrets, format);
        assert_no_leak(&err(&o), &secrets, "stderr");
    }
    // Other rules still report those lines, with the secret masked in their snippets.
    let o = p.assay(&["check", "--no-cache", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).unwrap();
    let rules: Vec<&str> = doc["findings"].as_array().unwrap().iter().map(|f| f["rule_id"].as_str().unwrap()).collect();
    for rule in ["py-tls-verification-disabled", "py-eval-exec-dynamic", "py-hardcoded-crypto-key", "any-provider-secret", "any-generic-secret"] {
        assert!(rules.contains(&rule), "{rule} missing: {rules:?}");
    }
    let tls = doc["findings"].as_array().unwrap().iter().find(|f| f["rule_id"] == "py-tls-verification-disabled").unwrap();
    assert!(tls["snippet"].as_str().unwrap().contains("sk-ant-****"), "{}", tls["snippet"]);
    // The cache serves masked results too, and stdin mode masks the same way.
    let cached = p.assay(&["check", "--format", "text"]);
    let cached = p.assay(&["check", "--format", "text"]).stdout.len().max(cached.stdout.len());
    assert!(cached > 0);
    assert_no_leak(&out(&p.assay(&["check", "--format", "sarif"])), &secrets, "cached sarif");
    let mut child = Command::new(BIN)
        .args(["check", "--stdin-filename", "app/stdin.py"])
        .current_dir(p.path())
        .env_remove("ASSAY_QUERIES_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(format!("TOKEN = \"{gh}\"\n").as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(out(&o).contains("any-provider-secret"), "{}", out(&o));
    assert_no_leak(&out(&o), &secrets, "stdin text");
    // A configuration error that quotes the offending line does not echo a secret either.
    let q = Project::new();
    q.write("app.py", "x = 1\n");
    q.write("assay.toml", &format!("select = [\"{key}\"\n"));
    let o = q.assay(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert_no_leak(&err(&o), &[key.as_str()], "configuration error");
}

#[test]
fn fingerprints_hash_the_value() {
    let mut rng = Rng::new(101);
    let key = anthropic(&mut rng);
    let p = Project::new();
    p.write(".env", &format!("K={key}\n"));
    let doc: serde_json::Value = serde_json::from_str(&out(&p.assay(&["check", "--no-cache", "--format", "json"]))).unwrap();
    let first = doc["findings"][0]["fingerprint"].as_str().unwrap().to_string();
    p.write(".env", &format!("K={}\n", anthropic(&mut rng)));
    let doc: serde_json::Value = serde_json::from_str(&out(&p.assay(&["check", "--no-cache", "--format", "json"]))).unwrap();
    let second = doc["findings"][0]["fingerprint"].as_str().unwrap().to_string();
    assert_ne!(first, second, "a different secret is a different finding");
    assert!(!first.contains(&key[7..20]));
}

#[test]
fn suppressions_work_in_config_files_and_gitleaks_markers_are_honoured() {
    let mut rng = Rng::new(103);
    let text = format!(
        "# assay: ignore[any-provider-secret] -- revoked test key\nA={}\nB={}  # gitleaks:allow\nC={}\n",
        anthropic(&mut rng),
        anthropic(&mut rng),
        anthropic(&mut rng)
    );
    let report = scan(".env", &text);
    let active: Vec<usize> = report.findings.iter().filter(|f| f.suppression.is_none()).map(|f| f.range.start.line).collect();
    assert_eq!(active, vec![3], "{:?}", report.findings);
    let settings = ScanSettings { honor_foreign_suppressions: false, ..Default::default() };
    let report = engine::scan_text(Path::new(".env"), &text, &settings);
    assert_eq!(report.findings.iter().filter(|f| f.suppression.is_none()).count(), 2);
}

// ---- the language server -----------------------------------------------------------------

struct Lsp {
    child: std::process::Child,
    reader: BufReader<std::process::ChildStdout>,
    next_id: i64,
}

impl Lsp {
    fn start(root: &Path) -> Lsp {
        let mut child = Command::new(BIN)
            .arg("lsp")
            .current_dir(root)
            .env_remove("ASSAY_QUERIES_DIR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let reader = BufReader::new(child.stdout.take().unwrap());
        let mut lsp = Lsp { child, reader, next_id: 1 };
        let uri = format!("file://{}", root.display());
        lsp.request("initialize", serde_json::json!({ "processId": null, "rootUri": uri, "capabilities": {} }));
        lsp.notify("initialized", serde_json::json!({}));
        lsp
    }
    fn send(&mut self, msg: serde_json::Value) {
        let body = msg.to_string();
        let stdin = self.child.stdin.as_mut().unwrap();
        write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        stdin.flush().unwrap();
    }
    fn notify(&mut self, method: &str, params: serde_json::Value) {
        self.send(serde_json::json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }
    fn read(&mut self) -> serde_json::Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            assert!(self.reader.read_line(&mut line).unwrap() > 0, "server closed");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        self.reader.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }
    /// Send a request; return its result, answering the server's own requests meanwhile. All
    /// messages seen are appended to `seen`.
    fn request_seen(&mut self, method: &str, params: serde_json::Value, seen: &mut Vec<serde_json::Value>) -> serde_json::Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(serde_json::json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let msg = self.read();
            if msg.get("method").is_some() && msg.get("id").is_some() {
                // A request from the server (configuration, registerCapability…): answer null.
                let reply = serde_json::json!({ "jsonrpc": "2.0", "id": msg["id"], "result": null });
                self.send(reply);
            }
            seen.push(msg.clone());
            if msg.get("id") == Some(&serde_json::json!(id)) && msg.get("method").is_none() {
                return msg["result"].clone();
            }
        }
    }
    fn request(&mut self, method: &str, params: serde_json::Value) -> serde_json::Value {
        let mut seen = Vec::new();
        self.request_seen(method, params, &mut seen)
    }
}

impl Drop for Lsp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn language_server_diagnostics_and_hovers_are_redacted() {
    let mut rng = Rng::new(107);
    let key = anthropic(&mut rng);
    let password = rng.alnum(18);
    let dir = tempfile::tempdir().unwrap();
    let mut lsp = Lsp::start(dir.path());
    let docs = [
        ("app.py", "python", format!("import requests\nDB_PASSWORD = \"{password}\"\nr = requests.get(u, headers={{\"x-api-key\": \"{key}\"}}, verify=False)\n")),
        (".env", "dotenv", format!("ANTHROPIC_API_KEY={key}\n")),
    ];
    let mut transcript = String::new();
    for (name, lang, text) in &docs {
        let uri = format!("file://{}", dir.path().join(name).display());
        lsp.notify("textDocument/didOpen", serde_json::json!({ "textDocument": { "uri": uri, "languageId": lang, "version": 1, "text": text } }));
        let mut seen = Vec::new();
        let report = lsp.request_seen("textDocument/diagnostic", serde_json::json!({ "textDocument": { "uri": uri } }), &mut seen);
        let items = report["items"].as_array().cloned().unwrap_or_default();
        let codes: Vec<&str> = items.iter().filter_map(|d| d["code"].as_str()).collect();
        assert!(codes.contains(&"any-provider-secret"), "{name}: {codes:?} {report}");
        transcript.push_str(&report.to_string());
        for m in &seen {
            transcript.push_str(&m.to_string());
        }
        for d in &items {
            let hover = lsp.request("textDocument/hover", serde_json::json!({ "textDocument": { "uri": uri }, "position": d["range"]["start"] }));
            transcript.push_str(&hover.to_string());
        }
    }
    assert!(transcript.contains("sk-ant-…(108 chars)"), "{transcript}");
    assert_no_leak(&transcript, &[key.as_str(), password.as_str()], "LSP messages");
}

// ---- this repository ---------------------------------------------------------------------

#[test]
fn this_repository_holds_no_secret() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = Command::new(BIN).args(["check", "--no-cache", "--format", "json", "--exit-zero", "."]).current_dir(root).env_remove("ASSAY_QUERIES_DIR").output().unwrap();
    let doc: serde_json::Value = serde_json::from_str(&out(&o)).unwrap_or_else(|e| panic!("{e}: {}", err(&o)));
    let found: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            let rule = f["rule_id"].as_str().unwrap();
            sec::RULES.contains(&rule) || f["category"] == "secrets"
        })
        .map(|f| format!("{}:{}: {} {}", f["path"], f["start"]["line"], f["rule_id"], f["message"]))
        .collect();
    assert!(found.is_empty(), "secrets reported in this repository:\n{}", found.join("\n"));
}

#[test]
fn secret_format_reference_is_generated_from_the_table() {
    let expected = assay::cli::rules_cmd::secrets_markdown();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/SECRETS.md");
    if std::env::var_os("ASSAY_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(actual == expected, "queries/SECRETS.md is stale: run `ASSAY_UPDATE_DOCS=1 cargo test --test secrets`");
    for f in FORMATS {
        assert!(actual.contains(&format!("`{}`", f.id)), "{} undocumented", f.id);
    }
}
