//! The language server: documents, scheduling, and the LSP requests assay answers. Analysis is
//! the engine's `scan_source`, run off the async threads; results for an old version are
//! dropped, never shown.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, RwLock};
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use super::convert;
use super::documents::{Analysis, Document, Encoding};
use super::review::{ReviewCache, ReviewInput, ReviewSettings};
use crate::engine::incremental::{ByteEdit, ScanMemo};
use crate::engine::{Catalog, Language, ScanSettings};
use crate::project::config::{selects, ConfigResolver, Overrides};

pub const COMMAND_SECURE_PROMPT: &str = "assay.securePrompt";
pub const COMMAND_SCAN_WORKSPACE: &str = "assay.scanWorkspace";
/// Applies the workspace edit it is given: how a client without code action literals gets a
/// quick fix (its code actions are plain commands).
pub const COMMAND_APPLY_EDIT: &str = "assay.applyEdit";
pub const FIX_ALL_KIND: &str = "source.fixAll.assay";

/// Settings from `initializationOptions` or `workspace/didChangeConfiguration`, either bare or
/// under an `assay` key.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClientSettings {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub max_file_size: Option<u64>,
    pub honor_foreign_suppressions: Option<bool>,
    pub scan_workspace_on_startup: bool,
    /// Delay before re-analysing while the user types (push mode).
    pub debounce_ms: Option<u64>,
    /// Rule id or category → `error` | `warning` | `info` | `hint`, over the project config's
    /// `severity`. `hint` is `info` for the engine and a hint in the editor.
    pub severity: BTreeMap<String, String>,
    /// False in an untrusted workspace: the `rule-dirs` its own config names are not loaded.
    pub trusted_workspace: Option<bool>,
    /// `"all"` (default) or `"changed"`: findings on lines unchanged since HEAD become hints.
    pub scope: Option<String>,
    /// With `scope = "changed"`, hide findings on unchanged lines instead.
    pub hide_unchanged: bool,
    /// A baseline file (relative to the workspace folder) whose findings are not shown.
    pub baseline: Option<String>,
}

impl ClientSettings {
    fn from_value(value: &Value) -> std::result::Result<Self, String> {
        let inner = value.get("assay").unwrap_or(value);
        if inner.is_null() {
            return Ok(Self::default());
        }
        serde_json::from_value(inner.clone()).map_err(|e| format!("invalid assay settings: {e}"))
    }

    fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            no_foreign_suppressions: self.honor_foreign_suppressions == Some(false),
            severity: self.severity.iter().map(|(key, value)| (key.clone(), if value == "hint" { "info".into() } else { value.clone() })).collect(),
        }
    }

    /// Rules the `severity` setting shows as hints.
    fn hint_rules(&self, catalog: &Catalog) -> HashSet<String> {
        let keys: Vec<&String> = self.severity.iter().filter(|(_, v)| *v == "hint").map(|(k, _)| k).collect();
        catalog.rules().iter().filter(|r| keys.iter().any(|k| selects(k, r))).map(|r| r.id().to_string()).collect()
    }
}

/// The `severity` setting's `hint` level, which the engine does not have.
fn show_as_hints(diagnostics: &mut [Diagnostic], hint_rules: &HashSet<String>) {
    for d in diagnostics {
        if matches!(&d.code, Some(NumberOrString::String(code)) if hint_rules.contains(code)) {
            d.severity = Some(DiagnosticSeverity::HINT);
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct ClientCaps {
    pull: bool,
    encoding: Encoding,
    progress: bool,
    watch_files: bool,
    diagnostic_refresh: bool,
    /// The client takes `CodeAction` objects (else only `Command`s, LSP 3.8 and earlier).
    code_action_literals: bool,
}

/// Configuration and rules for the open workspace folders; replaced whole on change.
struct Workspace {
    folders: Vec<PathBuf>,
    settings: ClientSettings,
    catalog: Arc<Catalog>,
    resolver: Arc<ConfigResolver>,
    hint_rules: HashSet<String>,
    /// Bumped on every reload, so pulled result ids change when rules or settings do.
    generation: u64,
    review: ReviewSettings,
}

struct State {
    docs: Mutex<HashMap<Uri, Document>>,
    /// One analysis at a time per document (see `analyse_current`).
    analysing: Mutex<HashMap<Uri, Arc<tokio::sync::Mutex<()>>>>,
    /// Analyses running at once, across documents: one per core. Opening fifty files must not
    /// start fifty parsers (each thread keeps its own) and fifty trees at the same time.
    analysis_slots: tokio::sync::Semaphore,
    last_change: Mutex<HashMap<Uri, Instant>>,
    workspace: RwLock<Arc<Workspace>>,
    caps: OnceLock<ClientCaps>,
    cancel_scan: AtomicBool,
    review: Arc<ReviewCache>,
}

pub struct Backend {
    client: Client,
    state: Arc<State>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Run `f`, turning a panic into a logged error instead of a dead server.
fn guard<R>(what: &str, f: impl FnOnce() -> R) -> Option<R> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => Some(r),
        Err(panic) => {
            let message = panic.downcast_ref::<&str>().map(|s| s.to_string()).or_else(|| panic.downcast_ref::<String>().cloned()).unwrap_or_default();
            eprintln!("assay lsp: internal error in {what}: {message}");
            None
        }
    }
}

fn internal(what: &str) -> Error {
    let mut e = Error::internal_error();
    e.message = format!("assay: internal error in {what}; see the server log").into();
    e
}

fn build_workspace(folders: Vec<PathBuf>, settings: ClientSettings, generation: u64) -> (Workspace, Vec<String>) {
    let mut problems = Vec::new();
    let cwd = folders.first().cloned().or_else(|| std::env::current_dir().ok()).unwrap_or_else(|| PathBuf::from("."));
    let catalog = match ConfigResolver::rule_dirs(None, &folders) {
        Ok(dirs) if settings.trusted_workspace == Some(false) && !dirs.is_empty() => {
            let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
            eprintln!("assay lsp: untrusted workspace: not loading the rule directories its configuration names ({})", names.join(", "));
            Catalog::embedded()
        }
        Ok(dirs) => {
            let refs: Vec<&Path> = dirs.iter().map(PathBuf::as_path).collect();
            Catalog::with_user_dirs(&refs).unwrap_or_else(|errors| {
                problems.extend(errors.iter().map(|e| format!("rule error: {e}")));
                Catalog::embedded()
            })
        }
        Err(e) => {
            problems.push(format!("configuration error: {e:#}"));
            Catalog::embedded()
        }
    };
    let resolver = match ConfigResolver::new(None, &cwd, &catalog, settings.overrides()) {
        Ok(r) => r,
        Err(e) => {
            problems.push(format!("settings error: {e:#}; using defaults"));
            ConfigResolver::new(None, &cwd, &catalog, Overrides::default()).expect("default configuration is valid")
        }
    };
    let hint_rules = settings.hint_rules(&catalog);
    let review = ReviewSettings::new(settings.scope.as_deref(), settings.hide_unchanged, settings.baseline.as_deref(), &folders).unwrap_or_else(|e| {
        problems.push(e);
        ReviewSettings::default()
    });
    (Workspace { folders, settings, catalog: Arc::new(catalog), resolver: Arc::new(resolver), hint_rules, generation, review }, problems)
}

/// What an analysis needs, copied out of the document store.
struct Snapshot {
    uri: Uri,
    version: i32,
    path: PathBuf,
    language: Option<Language>,
    text: Arc<str>,
    tree: Option<tree_sitter::Tree>,
    scan: Option<(Arc<ScanMemo>, Vec<ByteEdit>)>,
}

impl Snapshot {
    fn of(uri: &Uri, doc: &Document) -> Self {
        Snapshot {
            uri: uri.clone(),
            version: doc.version,
            path: doc.path.clone(),
            language: doc.language,
            text: doc.text.as_str().into(),
            tree: doc.tree.clone(),
            scan: doc.reusable_scan(),
        }
    }
}

impl Backend {
    pub fn new(client: Client) -> Self {
        let (workspace, _) = build_workspace(Vec::new(), ClientSettings::default(), 0);
        let state = State {
            docs: Mutex::new(HashMap::new()),
            analysing: Mutex::new(HashMap::new()),
            analysis_slots: tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())),
            last_change: Mutex::new(HashMap::new()),
            workspace: RwLock::new(Arc::new(workspace)),
            caps: OnceLock::new(),
            cancel_scan: AtomicBool::new(false),
            review: Arc::new(ReviewCache::default()),
        };
        Backend { client, state: Arc::new(state) }
    }

    fn caps(&self) -> ClientCaps {
        *self.state.caps.get().unwrap_or(&ClientCaps { pull: false, encoding: Encoding::Utf16, progress: false, watch_files: false, code_action_literals: true, diagnostic_refresh: false })
    }

    fn workspace(&self) -> Arc<Workspace> {
        self.state.workspace.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    async fn reload(&self, folders: Option<Vec<PathBuf>>, settings: Option<ClientSettings>) {
        let old = self.workspace();
        let (workspace, problems) =
            build_workspace(folders.unwrap_or_else(|| old.folders.clone()), settings.unwrap_or_else(|| old.settings.clone()), old.generation + 1);
        *self.state.workspace.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(workspace);
        for p in problems {
            eprintln!("assay lsp: {p}");
            self.client.show_message(MessageType::ERROR, format!("assay: {p}")).await;
        }
    }

    fn settings_for(workspace: &Workspace, path: &Path) -> (ScanSettings, Option<String>) {
        let (mut settings, problem) = match workspace.resolver.settings_for_file(path, &workspace.catalog) {
            Ok(settings) => ((*settings).clone(), None),
            Err(e) => (ScanSettings::default(), Some(format!("configuration error: {e:#}"))),
        };
        if let Some(max) = workspace.settings.max_file_size {
            settings.max_file_size = max;
        }
        (settings, problem)
    }

    /// The analysis of the document's current version: the stored one, or a new one. One
    /// analysis per document runs at a time; a caller that waited finds the result stored, or
    /// analyses the newest text rather than the version it was called for.
    async fn analyse_current(&self, uri: &Uri) -> Option<Analysis> {
        let gate = lock(&self.state.analysing).entry(uri.clone()).or_default().clone();
        let _turn = gate.lock().await;
        // Wait for a free slot before copying the text: when a session opens fifty files at
        // once, fifty waiting copies would be memory for nothing.
        let _slot = self.state.analysis_slots.acquire().await.ok()?;
        let snap = {
            let docs = lock(&self.state.docs);
            let doc = docs.get(uri)?;
            if let Some(a) = doc.analysis.as_ref().filter(|a| a.version == doc.version) {
                return Some(a.clone());
            }
            Snapshot::of(uri, doc)
        };
        self.analyse(snap).await
    }

    /// Analyse a snapshot off the async threads (the caller holds an analysis slot). Stores the
    /// result if the document has not moved on; returns it either way.
    async fn analyse(&self, snap: Snapshot) -> Option<Analysis> {
        let workspace = self.workspace();
        let encoding = self.caps().encoding;
        let (settings, problem) = Self::settings_for(&workspace, &snap.path);
        if let Some(p) = problem {
            eprintln!("assay lsp: {}: {p}", snap.path.display());
        }
        let Snapshot { uri, version, path, language, text, tree, scan } = snap;
        let catalog = workspace.catalog.clone();
        let review = self.state.review.clone();
        let in_workspace = workspace.clone();
        let job = tokio::task::spawn_blocking(move || {
            guard("analysis", || {
                let mut output = convert::analyse(&catalog, &settings, language, &path, &text, convert::Before { tree, scan }, version, encoding);
                let input = ReviewInput { settings: &in_workspace.review, resolver: &in_workspace.resolver, catalog: &catalog, path: &path, text: &text };
                review.narrow(&input, &mut output.analysis);
                output
            })
        });
        let mut output = match job.await {
            Ok(Some(result)) => result,
            _ => {
                eprintln!("assay lsp: analysis of {} failed; see above", uri.as_str());
                return None;
            }
        };
        show_as_hints(&mut output.analysis.diagnostics, &workspace.hint_rules);
        let mut docs = lock(&self.state.docs);
        if let Some(doc) = docs.get_mut(&uri) {
            if let Some(memo) = output.memo {
                // Valid for this version even if the user typed on: later edits are in the log.
                doc.remember_scan(version, memo);
            }
            if doc.version == version {
                if output.tree.is_some() {
                    doc.tree = output.tree;
                }
                doc.analysis = Some(output.analysis.clone());
            }
            doc.last_analysed = Some(Instant::now());
            doc.last_cost = output.cost;
        }
        keep_recent_trees(&mut docs);
        Some(output.analysis)
    }

    /// The analysis of the current version and the text it was made for, computing it now if
    /// needed (pull, hover, actions).
    async fn current_analysis(&self, uri: &Uri) -> Option<(Analysis, Arc<str>)> {
        for _ in 0..3 {
            let analysis = self.analyse_current(uri).await?;
            let docs = lock(&self.state.docs);
            let doc = docs.get(uri)?;
            if doc.version == analysis.version {
                return Some((analysis, doc.text.as_str().into()));
            }
        }
        None
    }

    /// Push mode: analyse after a short pause while the user types, then publish if the
    /// document is still at that version.
    fn schedule(&self, uri: Uri) {
        if self.caps().pull {
            return;
        }
        let now = Instant::now();
        let typing = lock(&self.state.last_change).insert(uri.clone(), now).is_some_and(|prev| now - prev < Duration::from_millis(300));
        let (version, last_cost) = lock(&self.state.docs).get(&uri).map_or((None, Duration::ZERO), |d| (Some(d.version), d.last_cost));
        // Debounce typing only where analysing costs something: an incremental rescan of one
        // function is cheaper than the keystrokes it would wait for. Either way one analysis
        // per document runs at a time, and it takes the newest text.
        let delay = if typing && last_cost >= CHEAP_ANALYSIS {
            Duration::from_millis(self.workspace().settings.debounce_ms.unwrap_or(30))
        } else {
            Duration::ZERO
        };
        let this = self.clone_handle();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            if lock(&this.state.docs).get(&uri).map(|d| d.version) != version {
                return; // a later change scheduled its own analysis
            }
            if let Some(analysis) = this.analyse_current(&uri).await {
                let fresh = {
                    let mut docs = lock(&this.state.docs);
                    match docs.get_mut(&uri) {
                        // Several waiting changes can end with the same analysis: publish it once.
                        Some(doc) if doc.version == analysis.version && doc.published != Some(analysis.version) => {
                            doc.published = Some(analysis.version);
                            true
                        }
                        _ => false,
                    }
                };
                if fresh {
                    this.client.publish_diagnostics(uri, analysis.diagnostics.clone(), Some(analysis.version)).await;
                }
            }
        });
    }

    fn clone_handle(&self) -> Backend {
        Backend { client: self.client.clone(), state: self.state.clone() }
    }

    async fn reanalyse_open_documents(&self) {
        let uris: Vec<Uri> = {
            let mut docs = lock(&self.state.docs);
            docs.values_mut().for_each(Document::forget_analysis);
            docs.keys().cloned().collect()
        };
        if self.caps().pull {
            if self.caps().diagnostic_refresh {
                let _ = self.client.workspace_diagnostic_refresh().await;
            }
        } else {
            lock(&self.state.last_change).clear();
            for uri in uris {
                self.schedule(uri);
            }
        }
    }

    /// `assay.scanWorkspace`: every file in the workspace folders, with progress; findings of
    /// files that are not open are published (open ones are kept current by their own analysis).
    async fn scan_workspace(&self) -> Result<Value> {
        let workspace = self.workspace();
        if workspace.folders.is_empty() {
            return Ok(json!({ "files": 0, "findings": 0 }));
        }
        self.state.cancel_scan.store(false, Ordering::SeqCst);
        let token = ProgressToken::String(format!("assay-scan-{}", workspace.generation));
        let progress = if self.caps().progress && self.client.create_work_done_progress(token.clone()).await.is_ok() {
            Some(self.client.progress(token, "assay: scanning workspace").with_percentage(0).with_cancel_button().begin().await)
        } else {
            None
        };
        let folders = workspace.folders.clone();
        let (ws, cwd) = (workspace.clone(), workspace.folders[0].clone());
        let files = tokio::task::spawn_blocking(move || crate::project::discover(&folders, &ws.catalog, &ws.resolver).0).await.unwrap_or_default();
        let open: Vec<PathBuf> = lock(&self.state.docs).values().map(|d| d.path.clone()).collect();
        let (mut scanned_files, mut findings) = (0usize, 0usize);
        for (i, chunk) in files.chunks(64).enumerate() {
            if self.state.cancel_scan.load(Ordering::SeqCst) {
                break;
            }
            let chunk = chunk.to_vec();
            let ws = workspace.clone();
            let cwd = cwd.clone();
            let (encoding, review) = (self.caps().encoding, self.state.review.clone());
            // Diagnostics as for an open document: narrowed by the review settings (`scope`,
            // `hideUnchanged`, the baseline), then the `hint` severities.
            let scanned = tokio::task::spawn_blocking(move || {
                guard("workspace scan", || {
                    let request = crate::project::ScanRequest { catalog: &ws.catalog, resolver: &ws.resolver, cwd: &cwd, cache: None, on_file: &|| {} };
                    crate::project::scan_files(&chunk, &request)
                        .into_iter()
                        .map(|file| {
                            let text = file.source.clone().unwrap_or_default();
                            let diagnostics = convert::diagnostics(&file.report.findings, &text, encoding, &ws.catalog);
                            let mut analysis = Analysis { version: 0, findings: Arc::new(file.report.findings), diagnostics };
                            let input = ReviewInput { settings: &ws.review, resolver: &ws.resolver, catalog: &ws.catalog, path: &file.path, text: &text };
                            review.narrow(&input, &mut analysis);
                            (file.path, analysis.diagnostics)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
            })
            .await
            .unwrap_or_default();
            for (path, mut diagnostics) in scanned {
                scanned_files += 1;
                if open.contains(&path) {
                    continue;
                }
                let Some(uri) = Uri::from_file_path(&path) else { continue };
                show_as_hints(&mut diagnostics, &workspace.hint_rules);
                findings += diagnostics.len();
                if !diagnostics.is_empty() {
                    self.client.publish_diagnostics(uri, diagnostics, None).await;
                }
            }
            if let Some(p) = &progress {
                let done = ((i + 1) * 64).min(files.len());
                p.report_with_message(format!("{done}/{} files", files.len()), (done * 100 / files.len().max(1)) as u32, None).await;
            }
        }
        if let Some(p) = progress {
            p.finish_with_message(format!("{findings} findings in {scanned_files} files")).await;
        }
        Ok(json!({ "files": scanned_files, "findings": findings }))
    }

    pub async fn cancel_progress(&self, _params: WorkDoneProgressCancelParams) {
        self.state.cancel_scan.store(true, Ordering::SeqCst);
    }
}

/// Syntax trees kept for incremental reparsing, counted by the size of their documents: a tree
/// takes 25–30 bytes per byte of source, so this keeps about 30 MiB of trees. The documents
/// analysed last keep theirs (the last one always); another is parsed whole on its next change.
const KEPT_TREES_SOURCE_BYTES: usize = 1 << 20;

/// Analyses faster than this are not debounced while the user types (an incremental rescan of
/// one function takes a few milliseconds; a whole large file, a hundred or more).
const CHEAP_ANALYSIS: Duration = Duration::from_millis(50);

fn keep_recent_trees(docs: &mut HashMap<Uri, Document>) {
    let mut with_trees: Vec<(Instant, &mut Document)> =
        docs.values_mut().filter(|d| d.tree.is_some()).map(|d| (d.last_analysed.unwrap_or_else(Instant::now), d)).collect();
    with_trees.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let mut kept_bytes = 0;
    for (i, (_, doc)) in with_trees.into_iter().enumerate() {
        kept_bytes += doc.text.len();
        if i > 0 && kept_bytes > KEPT_TREES_SOURCE_BYTES {
            doc.tree = None;
            doc.memo = None;
            doc.edit_log.clear();
        }
    }
}

fn language_of(path: &Path, language_id: &str) -> Option<Language> {
    // A notebook is JSON text whatever the client calls it; its cells are analysed as Python.
    if crate::engine::is_notebook(path) {
        return None;
    }
    Language::from_path(path).or_else(|| Language::from_name(language_id))
}

fn path_of(uri: &Uri) -> PathBuf {
    uri.to_file_path().map(|p| p.into_owned()).unwrap_or_else(|| PathBuf::from(uri.path().as_str()))
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let caps = &params.capabilities;
        let offers_utf8 = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        let pull = caps.text_document.as_ref().and_then(|t| t.diagnostic.as_ref()).is_some();
        let client_caps = ClientCaps {
            pull,
            encoding: if offers_utf8 { Encoding::Utf8 } else { Encoding::Utf16 },
            progress: caps.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false),
            watch_files: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            diagnostic_refresh: caps.workspace.as_ref().and_then(|w| w.diagnostics.as_ref()).and_then(|d| d.refresh_support).unwrap_or(false),
            code_action_literals: caps.text_document.as_ref().and_then(|t| t.code_action.as_ref()).is_some_and(|c| c.code_action_literal_support.is_some()),
        };
        let _ = self.state.caps.set(client_caps);
        let mut folders: Vec<PathBuf> = params.workspace_folders.unwrap_or_default().iter().filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned())).collect();
        #[allow(deprecated)]
        if folders.is_empty() {
            if let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path()) {
                folders.push(root.into_owned());
            }
        }
        let settings = match params.initialization_options.as_ref().map(ClientSettings::from_value) {
            Some(Ok(s)) => s,
            Some(Err(e)) => {
                eprintln!("assay lsp: {e}");
                ClientSettings::default()
            }
            None => ClientSettings::default(),
        };
        self.reload(Some(folders), Some(settings)).await;
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(if offers_utf8 { PositionEncodingKind::UTF8 } else { PositionEncodingKind::UTF16 }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL_KIND)]),
                    ..Default::default()
                })),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![COMMAND_SECURE_PROMPT.to_string(), COMMAND_SCAN_WORKSPACE.to_string(), COMMAND_APPLY_EDIT.to_string()],
                    ..Default::default()
                }),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("assay".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..Default::default()
                    })
                }),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities { supported: Some(true), change_notifications: Some(OneOf::Left(true)) }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo { name: "assay".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        if self.caps().watch_files {
            let watched = [
                "**/assay.toml", "**/.assay.toml", "**/*.scm", "**/pyproject.toml", "**/requirements*.txt", "**/setup.cfg", "**/setup.py",
                "**/Pipfile", "**/Cargo.toml", "**/.assay-baseline.json", "**/.git/HEAD", "**/.git/refs/heads/**",
            ];
            let watchers: Vec<Value> = watched.iter().map(|g| json!({ "globPattern": g })).collect();
            let registration = Registration {
                id: "assay-config-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: Some(json!({ "watchers": watchers })),
            };
            if let Err(e) = self.client.register_capability(vec![registration]).await {
                eprintln!("assay lsp: could not watch configuration files: {e}");
            }
        }
        // Compile the rule queries now (about half a second), not at the first keystroke.
        let catalog = self.workspace().catalog.clone();
        tokio::task::spawn_blocking(move || {
            guard("compiling rules", || {
                for language in Language::ALL {
                    if let Err(e) = catalog.compiled(*language) {
                        eprintln!("assay lsp: {language} rules failed to compile: {e}");
                    }
                }
            })
        });
        if self.workspace().settings.scan_workspace_on_startup {
            let this = self.clone_handle();
            tokio::spawn(async move {
                let _ = this.scan_workspace().await;
            });
        }
        self.client.log_message(MessageType::INFO, format!("assay {} ready", env!("CARGO_PKG_VERSION"))).await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.state.cancel_scan.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let path = path_of(&doc.uri);
        let language = language_of(&path, &doc.language_id);
        lock(&self.state.docs).insert(doc.uri.clone(), Document::new(path, language, doc.text, doc.version));
        lock(&self.state.last_change).remove(&doc.uri);
        self.schedule(doc.uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.caps().encoding;
        let applied = {
            let mut docs = lock(&self.state.docs);
            match docs.get_mut(&uri) {
                None => None,
                Some(doc) => guard("applying an edit", || {
                    let version = params.text_document.version;
                    for change in params.content_changes {
                        doc.apply_change(change, encoding, version);
                    }
                    doc.version = version;
                    doc.analysis = None;
                }),
            }
        };
        match applied {
            Some(()) => self.schedule(uri),
            None => {
                let opened = lock(&self.state.docs).contains_key(&uri);
                if opened {
                    // The edit could not be applied: drop the document rather than analyse garbage.
                    lock(&self.state.docs).remove(&uri);
                    self.client.log_message(MessageType::ERROR, format!("assay: could not apply an edit to {}; reopen the file", uri.as_str())).await;
                } else {
                    eprintln!("assay lsp: didChange for a document that is not open: {}", uri.as_str());
                }
            }
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let path = path_of(&params.text_document.uri);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Git state (what HEAD holds) and baselines are refreshed on save, never per keystroke.
        self.state.review.refresh();
        if matches!(name, "assay.toml" | ".assay.toml" | "pyproject.toml") || name.ends_with(".scm") {
            self.reload(None, None).await;
            self.reanalyse_open_documents().await;
        } else if self.workspace().review.changed_only {
            self.reanalyse_open_documents().await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        lock(&self.state.docs).remove(&uri);
        lock(&self.state.last_change).remove(&uri);
        lock(&self.state.analysing).remove(&uri);
        if !self.caps().pull {
            self.client.publish_diagnostics(uri, Vec::new(), None).await;
        }
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let generation = self.workspace().generation;
        let Some((analysis, _)) = self.current_analysis(&uri).await else {
            return Ok(convert::full_report(Vec::new(), None));
        };
        let result_id = format!("{generation}:{}", analysis.version);
        if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
            return Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
            })));
        }
        Ok(convert::full_report(analysis.diagnostics.clone(), Some(result_id)))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let position = params.text_document_position_params.position;
        let Some((analysis, text)) = self.current_analysis(&uri).await else { return Ok(None) };
        let workspace = self.workspace();
        let encoding = self.caps().encoding;
        guard("hover", || convert::hover(&analysis, &text, position, encoding, &workspace.catalog)).ok_or_else(|| internal("hover"))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some((analysis, text)) = self.current_analysis(&uri).await else { return Ok(None) };
        let language = lock(&self.state.docs).get(&uri).and_then(|d| d.language);
        let encoding = self.caps().encoding;
        let actions = guard("code actions", || convert::code_actions(&uri, &params, &analysis, &text, language, encoding)).ok_or_else(|| internal("code actions"))?;
        if self.caps().code_action_literals {
            return Ok(actions);
        }
        Ok(actions.map(|actions| actions.into_iter().filter_map(convert::as_command).collect()))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        match params.command.as_str() {
            COMMAND_SECURE_PROMPT => {
                let id = params.arguments.first().and_then(|a| a.as_str().map(str::to_string).or_else(|| a.get("ruleId").and_then(Value::as_str).map(str::to_string)));
                let Some(id) = id else { return Err(Error::invalid_params("assay.securePrompt takes a rule id")) };
                match self.workspace().catalog.get(&id) {
                    Some(rule) => Ok(Some(Value::String(rule.meta.hint.clone()))),
                    None => Err(Error::invalid_params(format!("no rule `{id}`"))),
                }
            }
            COMMAND_SCAN_WORKSPACE => self.scan_workspace().await.map(Some),
            COMMAND_APPLY_EDIT => {
                let edit = params.arguments.into_iter().next().map(serde_json::from_value::<WorkspaceEdit>);
                let Some(Ok(edit)) = edit else { return Err(Error::invalid_params("assay.applyEdit takes a workspace edit")) };
                match self.client.apply_edit(edit).await {
                    Ok(response) => Ok(Some(json!({ "applied": response.applied }))),
                    Err(e) => Err(Error { code: e.code, message: format!("the client did not apply the edit: {}", e.message).into(), data: None }),
                }
            }
            other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        match ClientSettings::from_value(&params.settings) {
            Ok(settings) => {
                self.reload(None, Some(settings)).await;
                self.reanalyse_open_documents().await;
            }
            Err(e) => self.client.show_message(MessageType::ERROR, format!("assay: {e}")).await,
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let mut folders = self.workspace().folders.clone();
        for removed in params.event.removed {
            if let Some(p) = removed.uri.to_file_path() {
                folders.retain(|f| f != p.as_ref());
            }
        }
        for added in params.event.added {
            if let Some(p) = added.uri.to_file_path() {
                folders.push(p.into_owned());
            }
        }
        self.reload(Some(folders), None).await;
        self.reanalyse_open_documents().await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.state.review.refresh();
        // a commit, checkout or new baseline needs no rule or config reload
        let review_only = params.changes.iter().all(|c| {
            let path = c.uri.path().as_str();
            path.contains("/.git/") || path.ends_with(".json")
        });
        if !review_only || params.changes.is_empty() {
            self.reload(None, None).await;
        }
        self.reanalyse_open_documents().await;
    }
}

