//! Which files besides Python and Rust are scanned for secrets, and how.

use std::path::Path;

/// How a text file is read for secrets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// `.env`, YAML, JSON, TOML, INI, `.properties`, shell, Dockerfiles, `.npmrc`, Terraform…:
    /// provider formats, private keys, URLs with passwords, and `name = value` pairs (bare
    /// values allowed).
    Config,
    /// Source code assay does not parse (JavaScript, Go, Java…): as config, but a value must be
    /// a quoted literal.
    Code,
    /// A Jupyter notebook: JSON whose strings hold code cells and outputs.
    Notebook,
    /// Documentation and markup (Markdown, reStructuredText, HTML, plain text, PO files): only
    /// provider formats and private keys. Examples in prose are not bindings.
    Prose,
    /// PEM and key files.
    Key,
}

/// Why a file is not scanned; each gets a notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Skip {
    Binary,
    LockFile,
    Minified,
}

const BINARY_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "xcf", "heic", "avif", "pdf", "zip",
    "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "jar", "war", "ear", "whl", "egg", "so", "dll", "dylib", "exe",
    "bin", "o", "a", "lib", "obj", "class", "pyc", "pyo", "pyd", "rlib", "rmeta", "wasm", "woff", "woff2", "ttf", "otf",
    "eot", "mp3", "mp4", "m4a", "wav", "ogg", "flac", "avi", "mov", "mkv", "webm", "mo", "db", "sqlite", "sqlite3", "pkl",
    "pickle", "npy", "npz", "h5", "hdf5", "onnx", "pt", "pth", "safetensors", "ckpt", "parquet", "arrow", "feather", "p12",
    "pfx", "der", "jks", "keystore", "dat", "iso", "dmg", "deb", "rpm", "msi", "apk", "ipa", "xlsx", "xls", "docx", "doc",
    "pptx", "ppt", "odt", "ods", "key.der", "crx", "swf", "fla", "blend", "fbx", "glb", "tflite", "pb", "caffemodel",
];

const LOCK_FILES: &[&str] = &[
    "Cargo.lock", "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "poetry.lock", "Pipfile.lock",
    "uv.lock", "pdm.lock", "Gemfile.lock", "composer.lock", "go.sum", "flake.lock", "packages.lock.json", "bun.lockb",
    "mix.lock", "pubspec.lock", "Podfile.lock", "conda-lock.yml", "requirements.lock",
];

const PROSE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "rst", "txt", "adoc", "asciidoc", "html", "htm", "xhtml", "po", "pot", "tex", "org", "rtf", "svg",
    "csv", "tsv", "css", "scss", "sass", "less", "map", "log", "license", "ipynb_checkpoints",
];

const KEY_EXTENSIONS: &[&str] = &["pem", "key", "crt", "cer", "pub", "asc", "gpg", "ppk", "p8", "priv"];

const CONFIG_EXTENSIONS: &[&str] = &[
    "env", "yaml", "yml", "json", "jsonc", "json5", "toml", "ini", "cfg", "conf", "config", "properties", "prop", "sh",
    "bash", "zsh", "fish", "ksh", "ps1", "psm1", "bat", "cmd", "tf", "tfvars", "hcl", "xml", "plist", "npmrc", "pypirc",
    "netrc", "pgpass", "gitconfig", "service", "desktop", "envrc", "tpl", "j2", "jinja", "jinja2", "erb", "mustache",
    "sql", "graphql", "gql", "http", "rest", "nix", "mk", "make", "cmake", "gradle", "sbt", "bzl", "bazel", "dockerignore",
];

/// How to read `path` for secrets, or why it is skipped. Python and Rust files are handled by
/// the syntax-tree scan and never reach here.
pub fn classify(path: &Path) -> Result<TextKind, Skip> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    if LOCK_FILES.contains(&name) || lower.ends_with(".lock") || lower.ends_with(".lockb") {
        return Err(Skip::LockFile);
    }
    if lower.ends_with(".min.js") || lower.ends_with(".min.css") || lower.ends_with(".min.mjs") || lower.ends_with(".js.map") || lower.ends_with(".css.map") || lower.contains(".bundle.") || lower.contains(".chunk.") {
        return Err(Skip::Minified);
    }
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    if BINARY_EXTENSIONS.contains(&ext) {
        return Err(Skip::Binary);
    }
    if lower == ".env" || lower.starts_with(".env.") || lower.ends_with(".env") || lower.starts_with("dockerfile") || lower.ends_with(".dockerfile")
        || lower.starts_with("containerfile") || matches!(lower.as_str(), ".npmrc" | ".pypirc" | ".netrc" | "_netrc" | ".pgpass" | ".htpasswd" | ".gitconfig" | ".git-credentials" | "makefile" | "procfile" | "jenkinsfile" | "vagrantfile" | ".bashrc" | ".zshrc" | ".profile" | ".bash_profile" | "credentials" | "config")
    {
        return Ok(TextKind::Config);
    }
    if lower.starts_with("id_rsa") || lower.starts_with("id_dsa") || lower.starts_with("id_ecdsa") || lower.starts_with("id_ed25519") {
        return Ok(TextKind::Key);
    }
    if ext == "ipynb" {
        return Ok(TextKind::Notebook);
    }
    if KEY_EXTENSIONS.contains(&ext) {
        return Ok(TextKind::Key);
    }
    if CONFIG_EXTENSIONS.contains(&ext) {
        return Ok(TextKind::Config);
    }
    if PROSE_EXTENSIONS.contains(&ext) || ext.is_empty() && matches!(lower.as_str(), "readme" | "license" | "copying" | "authors" | "changelog" | "notice" | "todo") {
        return Ok(TextKind::Prose);
    }
    Ok(TextKind::Code)
}

/// Content checks after reading: a JavaScript, CSS or JSON file made of very long lines is a
/// minified bundle.
pub fn is_minified(path: &Path, text: &str) -> bool {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if !matches!(ext.as_str(), "js" | "mjs" | "cjs" | "css" | "json") || text.len() < 4096 {
        return false;
    }
    let lines = text.lines().count().max(1);
    let longest = text.lines().map(str::len).max().unwrap_or(0);
    if ext == "json" {
        return lines <= 2 && text.len() > 100_000;
    }
    text.len() / lines > 400 && longest > 2000
}

/// Test code and fixtures, judged by path (the same folders and names as the Python rules).
pub fn is_test_path(path: &Path) -> bool {
    super::super::semantics::python::is_test_path(path)
        || path.components().any(|c| matches!(c.as_os_str().to_str(), Some("fixtures" | "testdata" | "test_data" | "__fixtures__" | "__tests__" | "spec")))
}

impl Skip {
    pub fn message(self) -> &'static str {
        match self {
            Skip::Binary => "skipped: binary file, not scanned for secrets",
            Skip::LockFile => "skipped: lock file, not scanned for secrets",
            Skip::Minified => "skipped: minified bundle, not scanned for secrets",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        for (p, k) in [
            (".env", TextKind::Config),
            (".env.production", TextKind::Config),
            ("config/app.yaml", TextKind::Config),
            ("Dockerfile", TextKind::Config),
            ("deploy.sh", TextKind::Config),
            ("settings.properties", TextKind::Config),
            (".npmrc", TextKind::Config),
            ("nb/analysis.ipynb", TextKind::Notebook),
            ("README.md", TextKind::Prose),
            ("certs/server.pem", TextKind::Key),
            ("id_rsa", TextKind::Key),
            ("web/app.js", TextKind::Code),
        ] {
            assert_eq!(classify(Path::new(p)), Ok(k), "{p}");
        }
        assert_eq!(classify(Path::new("logo.png")), Err(Skip::Binary));
        assert_eq!(classify(Path::new("Cargo.lock")), Err(Skip::LockFile));
        assert_eq!(classify(Path::new("package-lock.json")), Err(Skip::LockFile));
        assert_eq!(classify(Path::new("static/app.min.js")), Err(Skip::Minified));
    }
}
