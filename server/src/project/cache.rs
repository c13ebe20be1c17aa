//! Content-hash result cache: a warm re-run re-analyses only files whose content, rules or
//! settings changed. Stored in `.assay_cache/` beside the working directory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::engine::{Catalog, FileReport, ScanSettings};

const CACHE_DIR: &str = ".assay_cache";
/// v2: reports carry secret spans (older entries would leave secrets unmasked). v3: notebooks'
/// code cells are analysed (older entries hold only their secrets).
const CACHE_FILE: &str = "results-v3.json";

#[derive(Default, Serialize, Deserialize)]
struct Stored {
    entries: HashMap<String, Entry>,
}

#[derive(Clone, Serialize, Deserialize)]
struct Entry {
    key: String,
    report: FileReport,
}

pub struct Cache {
    dir: PathBuf,
    catalog_key: String,
    old: HashMap<String, Entry>,
    new: Mutex<HashMap<String, Entry>>,
}

impl Cache {
    /// Load the cache under `root`. A missing or unreadable cache is simply empty.
    pub fn open(root: &Path, catalog: &Catalog) -> Cache {
        let dir = root.join(CACHE_DIR);
        let old = std::fs::read(dir.join(CACHE_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .map(|s| s.entries)
            .unwrap_or_default();
        Cache { dir, catalog_key: catalog_fingerprint(catalog), old, new: Mutex::new(HashMap::new()) }
    }

    fn key(&self, content: &[u8], settings: &ScanSettings) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.catalog_key.as_bytes());
        hasher.update(settings_fingerprint(settings).as_bytes());
        hasher.update(content);
        hasher.finalize().to_hex().to_string()
    }

    pub fn get(&self, path: &Path, content: &[u8], settings: &ScanSettings) -> Option<FileReport> {
        let key = self.key(content, settings);
        let entry = self.old.get(&path_key(path)).filter(|e| e.key == key)?;
        self.new.lock().unwrap().insert(path_key(path), entry.clone());
        Some(entry.report.clone())
    }

    pub fn put(&self, path: &Path, content: &[u8], settings: &ScanSettings, report: &FileReport) {
        let key = self.key(content, settings);
        self.new.lock().unwrap().insert(path_key(path), Entry { key, report: report.clone() });
    }

    /// Write entries seen in this run (merged with untouched old ones). Errors are reported, not fatal.
    pub fn save(self) -> Result<(), String> {
        let mut entries = self.old;
        entries.extend(self.new.into_inner().unwrap());
        std::fs::create_dir_all(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        let _ = std::fs::write(self.dir.join(".gitignore"), "# Created by assay\n*\n");
        let _ = std::fs::write(
            self.dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by assay.\n",
        );
        let bytes = serde_json::to_vec(&Stored { entries }).map_err(|e| e.to_string())?;
        let tmp = tempfile::NamedTempFile::new_in(&self.dir).map_err(|e| format!("{}: {e}", self.dir.display()))?;
        std::fs::write(tmp.path(), bytes).map_err(|e| e.to_string())?;
        tmp.persist(self.dir.join(CACHE_FILE)).map_err(|e| e.to_string())?;
        Ok(())
    }
}

fn path_key(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Changes whenever a rule, the binary's version, the engine's source or the dataflow configuration
/// changes.
pub fn catalog_fingerprint(catalog: &Catalog) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(env!("ASSAY_ENGINE_FINGERPRINT").as_bytes());
    for rule in catalog.rules() {
        hasher.update(rule.id().as_bytes());
        hasher.update(format!("{:?}", rule.meta).as_bytes());
        hasher.update(rule.query.as_deref().unwrap_or("").as_bytes());
    }
    // The secret formats are data in the binary: a changed table must not serve stale results.
    for format in crate::engine::secrets::formats::FORMATS {
        hasher.update(format.id.as_bytes());
        hasher.update(format.regex.as_bytes());
        hasher.update(&format.min_entropy.to_le_bytes());
    }
    for (name, text) in crate::engine::catalog::EMBEDDED_QUERY_FILES {
        if name.ends_with("_dataflow.toml") {
            hasher.update(text.as_bytes());
        }
    }
    hasher.finalize().to_hex().to_string()
}

fn settings_fingerprint(settings: &ScanSettings) -> String {
    let mut disabled: Vec<&String> = settings.disabled.iter().collect();
    disabled.sort();
    let mut overrides: Vec<_> = settings.severity_overrides.iter().collect();
    overrides.sort();
    let dependencies = settings.dependencies.as_ref().map_or("", |d| d.fingerprint.as_str());
    format!("{disabled:?}{overrides:?}{}{}{dependencies}", settings.honor_foreign_suppressions, settings.max_file_size)
}
