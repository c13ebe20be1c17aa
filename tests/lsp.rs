//! End-to-end tests of `assay lsp`: the real binary over stdio, driven by a small synchronous
//! JSON-RPC client (std + serde_json only), each test in its own temporary workspace.
//!
//! Set `ASSAY_LSP_TEST_SERVER="/path/to/server arg..."` to run the harness against another
//! server command (used to debug the client itself against `ruff server`).

mod common;

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_assay");
const TIMEOUT: Duration = Duration::from_secs(10);
/// How long we listen to make sure something does *not* arrive.
const QUIET: Duration = Duration::from_millis(1500);

const SQL_BAD: &str = "def f(cur, name):\n    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n";
const SQL_CALL: &str = "cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")";
const SQL_ARGS: &str = "f\"SELECT * FROM t WHERE n = '{name}'\"";
const SQL_SAFE_ARGS: &str = "\"SELECT * FROM t WHERE n = ?\", (name,)";
const EVAL_BAD: &str = "def g(text):\n    return eval(text)\n";
const SQL: &str = "py-sql-string-format";
const EVAL: &str = "py-eval-exec-dynamic";
const TLS: &str = "py-tls-verification-disabled";
const RS_UNSAFE: &str = "rs-unsafe-without-safety-comment";

// ---------------------------------------------------------------------------------------------
// Positions and edits, in either encoding
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Enc {
    Utf8,
    Utf16,
}

fn units(s: &str, enc: Enc) -> usize {
    match enc {
        Enc::Utf8 => s.len(),
        Enc::Utf16 => s.encode_utf16().count(),
    }
}

/// LSP position of byte `offset` in `text`.
fn position(text: &str, offset: usize, enc: Enc) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": units(&text[line_start..offset], enc)})
}

/// Byte offset of an LSP position (clamped to the line end / text end, as the spec says).
fn offset(text: &str, pos: &Value, enc: Enc) -> usize {
    let line = pos["line"].as_u64().expect("position.line") as usize;
    let ch = pos["character"].as_u64().expect("position.character") as usize;
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut u = 0;
    for (i, c) in text[start..line_end].char_indices() {
        if u >= ch {
            return start + i;
        }
        u += match enc {
            Enc::Utf8 => c.len_utf8(),
            Enc::Utf16 => c.len_utf16(),
        };
    }
    line_end
}

fn range_at(text: &str, start: usize, end: usize, enc: Enc) -> Value {
    json!({"start": position(text, start, enc), "end": position(text, end, enc)})
}

/// Range of the first occurrence of `needle`.
fn range_of(text: &str, needle: &str, enc: Enc) -> Value {
    let s = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    range_at(text, s, s + needle.len(), enc)
}

/// Applies TextEdits the way an editor does: all ranges refer to the original text.
fn apply_text_edits(text: &str, edits: &[Value], enc: Enc) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let s = offset(text, &e["range"]["start"], enc);
            let end = offset(text, &e["range"]["end"], enc);
            (s, end, e["newText"].as_str().expect("newText").to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, e, t) in spans {
        out.replace_range(s..e, &t);
    }
    out
}

/// The TextEdits a WorkspaceEdit makes to `uri` (`changes` or `documentChanges`).
fn edits_for(edit: &Value, uri: &str) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(list) = edit["changes"][uri].as_array() {
        out.extend(list.iter().cloned());
    }
    for dc in edit["documentChanges"].as_array().into_iter().flatten() {
        if dc["textDocument"]["uri"] == uri {
            out.extend(dc["edits"].as_array().into_iter().flatten().cloned());
        }
    }
    out
}

fn file_uri(path: &Path) -> String {
    let mut s = String::from("file://");
    for b in path.to_str().expect("utf-8 path").bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            s.push(b as char);
        } else {
            s.push_str(&format!("%{b:02X}"));
        }
    }
    s
}

fn compact(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 3000 {
        format!("{}… ({} bytes)", &s[..s.char_indices().take_while(|(i, _)| *i < 3000).last().map_or(0, |(i, _)| i)], s.len())
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Temporary workspace
// ---------------------------------------------------------------------------------------------

struct Workspace {
    root: PathBuf,
}

impl Workspace {
    fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let root = std::env::temp_dir().join(format!(
            "assay-lsp-test-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        // canonical, so the URIs we send are the ones the server would compute from disk
        let root = root.canonicalize().unwrap();
        Workspace { root }
    }
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
    fn uri(&self, rel: &str) -> String {
        file_uri(&self.root.join(rel))
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/// Client-side options for `initialize`.
#[derive(Default, Clone)]
struct Init {
    /// `capabilities.general.positionEncodings`; None leaves the field out.
    encodings: Option<Vec<&'static str>>,
    /// advertise `textDocument.diagnostic` (pull diagnostics)
    pull: bool,
    init_options: Option<Value>,
    /// extra arguments after `lsp`
    args: Vec<&'static str>,
    /// leave out `codeActionLiteralSupport` (a client of LSP 3.8 or earlier)
    no_action_literals: bool,
}

struct Doc {
    uri: String,
    text: String,
    version: i64,
}

struct Server {
    child: Child,
    stdin: Arc<Mutex<ChildStdin>>,
    rx: Receiver<Value>,
    /// messages received but not consumed yet (notifications, unrelated responses)
    pending: VecDeque<Value>,
    /// everything the server asked of us (client/registerCapability, workspace/configuration, ...)
    server_requests: Arc<Mutex<Vec<Value>>>,
    /// what we answer to `workspace/configuration` for section "assay"
    settings: Arc<Mutex<Value>>,
    stderr: Arc<Mutex<String>>,
    next_id: i64,
    enc: Enc,
    init_result: Value,
    ws: Workspace,
    /// stdout reached EOF
    closed: bool,
    /// `exit` was sent: EOF is expected
    exiting: bool,
}

fn write_frame(stdin: &Mutex<ChildStdin>, msg: &Value) {
    let body = serde_json::to_vec(msg).unwrap();
    write_raw(stdin, &[format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(), &body].concat());
}

fn write_raw(stdin: &Mutex<ChildStdin>, bytes: &[u8]) {
    let mut w = stdin.lock().unwrap();
    // a dead server shows up on the reading side with a better message
    let _ = w.write_all(bytes);
    let _ = w.flush();
}

/// Reads frames from the server's stdout; answers server->client requests itself (like an editor
/// would, at any time) and forwards everything else. Protocol violations are forwarded as
/// `{"__reader_error": ...}` so the test fails with a precise message.
fn reader_thread(
    stdout: impl Read,
    tx: Sender<Value>,
    stdin: Arc<Mutex<ChildStdin>>,
    settings: Arc<Mutex<Value>>,
    server_requests: Arc<Mutex<Vec<Value>>>,
) {
    let mut r = BufReader::new(stdout);
    loop {
        let mut len: Option<usize> = None;
        let mut headers = Vec::new();
        loop {
            let mut line = Vec::new();
            match r.read_until(b'\n', &mut line) {
                Ok(0) => {
                    let _ = tx.send(if headers.is_empty() {
                        json!({"__eof": true})
                    } else {
                        json!({"__reader_error": format!("EOF inside frame headers {headers:?}")})
                    });
                    return;
                }
                Ok(_) => {}
                Err(e) => {
                    let _ = tx.send(json!({"__reader_error": format!("read error: {e}")}));
                    return;
                }
            }
            let text = String::from_utf8_lossy(&line).into_owned();
            if !text.ends_with("\r\n") {
                let _ = tx.send(json!({"__reader_error": format!("header line not ending in CRLF (stray output on stdout?): {text:?}")}));
                return;
            }
            if text == "\r\n" {
                break;
            }
            let (name, value) = match text.trim_end().split_once(':') {
                Some(nv) => nv,
                None => {
                    let _ = tx.send(json!({"__reader_error": format!("not a header (stray output on stdout?): {text:?}")}));
                    return;
                }
            };
            if name.eq_ignore_ascii_case("content-length") {
                len = value.trim().parse().ok();
            } else if !name.eq_ignore_ascii_case("content-type") {
                let _ = tx.send(json!({"__reader_error": format!("unknown header: {text:?}")}));
                return;
            }
            headers.push(text);
        }
        let Some(len) = len else {
            let _ = tx.send(json!({"__reader_error": format!("frame without Content-Length: {headers:?}")}));
            return;
        };
        let mut body = vec![0; len];
        if let Err(e) = r.read_exact(&mut body) {
            let _ = tx.send(json!({"__reader_error": format!("short body ({len} bytes announced): {e}")}));
            return;
        }
        let msg: Value = match serde_json::from_slice(&body) {
            Ok(v) => v,
            Err(e) => {
                let _ = tx.send(json!({"__reader_error": format!("invalid JSON from server ({e}): {}", String::from_utf8_lossy(&body))}));
                return;
            }
        };
        if msg["jsonrpc"] != "2.0" {
            let _ = tx.send(json!({"__reader_error": format!("message without jsonrpc 2.0: {msg}")}));
            return;
        }
        if msg.get("method").is_some() && msg.get("id").is_some() {
            // a request from the server: answer it the way VS Code / Neovim would
            let method = msg["method"].as_str().unwrap_or("");
            let result = match method {
                "workspace/configuration" => {
                    let s = settings.lock().unwrap().clone();
                    let items = msg["params"]["items"].as_array().cloned().unwrap_or_default();
                    Value::Array(
                        items
                            .iter()
                            .map(|it| match it["section"].as_str() {
                                Some("assay") => s["assay"].clone(),
                                Some(other) => s.pointer(&format!("/{}", other.replace('.', "/"))).cloned().unwrap_or(Value::Null),
                                None => s.clone(),
                            })
                            .collect(),
                    )
                }
                "workspace/applyEdit" => json!({"applied": false}),
                "workspace/workspaceFolders" => Value::Null,
                _ => Value::Null, // client/registerCapability, window/workDoneProgress/create, refreshes...
            };
            server_requests.lock().unwrap().push(msg.clone());
            write_frame(&stdin, &json!({"jsonrpc": "2.0", "id": msg["id"], "result": result}));
            continue;
        }
        if tx.send(msg).is_err() {
            return;
        }
    }
}

impl Server {
    fn start(ws: Workspace, init: Init) -> Server {
        let (program, mut args): (String, Vec<String>) = match std::env::var("ASSAY_LSP_TEST_SERVER") {
            Ok(cmd) if !cmd.trim().is_empty() => {
                let mut parts = cmd.split_whitespace().map(String::from);
                (parts.next().unwrap(), parts.collect())
            }
            _ => (BIN.to_string(), vec!["lsp".to_string()]),
        };
        args.extend(init.args.iter().map(|s| s.to_string()));
        let mut child = Command::new(&program)
            .args(&args)
            .current_dir(&ws.root)
            .env_remove("ASSAY_QUERIES_DIR")
            .env("NO_COLOR", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("spawn {program} {args:?}: {e}"));
        let stdin = Arc::new(Mutex::new(child.stdin.take().unwrap()));
        let stdout = child.stdout.take().unwrap();
        let mut stderr_pipe = child.stderr.take().unwrap();
        let stderr = Arc::new(Mutex::new(String::new()));
        {
            let stderr = stderr.clone();
            thread::spawn(move || {
                let mut buf = [0u8; 4096];
                while let Ok(n) = stderr_pipe.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    stderr.lock().unwrap().push_str(&String::from_utf8_lossy(&buf[..n]));
                }
            });
        }
        let (tx, rx) = channel();
        let settings = Arc::new(Mutex::new(Value::Null));
        let server_requests = Arc::new(Mutex::new(Vec::new()));
        {
            let (stdin, settings, server_requests) = (stdin.clone(), settings.clone(), server_requests.clone());
            thread::spawn(move || reader_thread(stdout, tx, stdin, settings, server_requests));
        }
        let mut s = Server {
            child,
            stdin,
            rx,
            pending: VecDeque::new(),
            server_requests,
            settings,
            stderr,
            next_id: 1,
            enc: Enc::Utf16,
            init_result: Value::Null,
            ws,
            closed: false,
            exiting: false,
        };
        if let Some(opts) = &init.init_options {
            *s.settings.lock().unwrap() = json!({ "assay": opts });
        }
        s.initialize(&init);
        s
    }

    fn initialize(&mut self, init: &Init) {
        let mut caps = json!({
            "textDocument": {
                "synchronization": {"dynamicRegistration": false, "didSave": true, "willSave": false},
                "publishDiagnostics": {"relatedInformation": true, "versionSupport": true,
                                       "codeDescriptionSupport": true, "dataSupport": true,
                                       "tagSupport": {"valueSet": [1, 2]}},
                "hover": {"dynamicRegistration": false, "contentFormat": ["markdown", "plaintext"]},
                "codeAction": {
                    "dynamicRegistration": false,
                    "codeActionLiteralSupport": {"codeActionKind": {"valueSet":
                        ["", "quickfix", "refactor", "source", "source.organizeImports", "source.fixAll"]}},
                    "isPreferredSupport": true,
                    "dataSupport": true,
                    "resolveSupport": {"properties": ["edit"]}
                }
            },
            "workspace": {
                "applyEdit": true,
                "workspaceEdit": {"documentChanges": true},
                "configuration": true,
                "didChangeConfiguration": {"dynamicRegistration": true},
                "workspaceFolders": true,
                "executeCommand": {"dynamicRegistration": false}
            },
            "window": {"workDoneProgress": true}
        });
        if let Some(encs) = &init.encodings {
            caps["general"] = json!({ "positionEncodings": encs });
        }
        if init.no_action_literals {
            caps["textDocument"]["codeAction"] = json!({"dynamicRegistration": false});
        }
        if init.pull {
            caps["textDocument"]["diagnostic"] = json!({"dynamicRegistration": false, "relatedDocumentSupport": false});
        }
        let root_uri = file_uri(&self.ws.root);
        let mut params = json!({
            "processId": std::process::id(),
            "clientInfo": {"name": "assay-lsp-tests", "version": "1"},
            "rootUri": root_uri,
            "rootPath": self.ws.root,
            "workspaceFolders": [{"uri": root_uri, "name": "ws"}],
            "capabilities": caps,
            "trace": "off"
        });
        if let Some(opts) = &init.init_options {
            params["initializationOptions"] = opts.clone();
        }
        let result = self.request("initialize", params);
        self.enc = match result["capabilities"]["positionEncoding"].as_str() {
            Some("utf-8") => Enc::Utf8,
            Some("utf-16") | None => Enc::Utf16,
            Some(other) => panic!("server chose positionEncoding {other:?}"),
        };
        self.init_result = result;
        self.notify("initialized", json!({}));
    }

    // --- transport ---

    fn send(&self, msg: Value) {
        write_frame(&self.stdin, &msg);
    }

    fn send_raw(&self, bytes: &[u8]) {
        write_raw(&self.stdin, bytes);
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The whole response message (result or error) to a request.
    fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params.clone());
        self.wait_for(&format!("the response to {method} {}", compact(&params)), TIMEOUT, |m| {
            m.get("method").is_none() && m["id"] == id
        })
    }

    /// The result of a request; panics (with the exchange) on an error response.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request_raw(method, params.clone());
        if resp.get("error").is_some() {
            panic!("{method} failed.\nsent params: {}\nresponse: {}", compact(&params), compact(&resp));
        }
        resp.get("result").cloned().unwrap_or(Value::Null)
    }

    /// Receives one message from the reader, or None at the deadline.
    fn recv(&mut self, deadline: Instant, what: &str) -> Option<Value> {
        let now = Instant::now();
        if now >= deadline || (self.closed && self.exiting) {
            return None;
        }
        match self.rx.recv_timeout(deadline - now) {
            Ok(m) => {
                if let Some(e) = m.get("__reader_error") {
                    self.fail(&format!("protocol error while waiting for {what}: {e}"));
                }
                if m.get("__eof").is_some() {
                    self.closed = true;
                    if self.exiting {
                        return None;
                    }
                    let status = self.wait_exit(Duration::from_secs(2));
                    self.fail(&format!("server closed stdout while waiting for {what} (exit status {status:?})"));
                }
                Some(m)
            }
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => self.fail(&format!("reader gone while waiting for {what}")),
        }
    }

    /// First message (already received or new) matching `pred`; others stay pending.
    fn wait_for(&mut self, what: &str, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&pred) {
            return self.pending.remove(i).unwrap();
        }
        let deadline = Instant::now() + timeout;
        while let Some(m) = self.recv(deadline, what) {
            if pred(&m) {
                return m;
            }
            self.pending.push_back(m);
        }
        self.fail(&format!("timed out after {timeout:?} waiting for {what}"))
    }

    fn wait_for_notification(&mut self, method: &str, timeout: Duration, pred: impl Fn(&Value) -> bool) -> Value {
        let m = self.wait_for(&format!("a {method} notification"), timeout, |m| {
            m["method"] == method && m.get("id").is_none() && pred(&m["params"])
        });
        m["params"].clone()
    }

    /// Everything pending plus whatever arrives within `d`; the pending queue is emptied.
    fn drain(&mut self, d: Duration) -> Vec<Value> {
        let deadline = Instant::now() + d;
        let mut out: Vec<Value> = self.pending.drain(..).collect();
        while let Some(m) = self.recv(deadline, "anything") {
            out.push(m);
        }
        out
    }

    fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(st)) = self.child.try_wait() {
                return Some(st);
            }
            if Instant::now() >= deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn fail(&self, msg: &str) -> ! {
        let pending: Vec<String> = self.pending.iter().rev().take(8).map(compact).collect();
        let stderr = self.stderr.lock().unwrap().clone();
        let tail: String = stderr.lines().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n");
        panic!(
            "{msg}\n--- last messages received but not consumed (newest first):\n{}\n--- server stderr (tail):\n{tail}",
            pending.join("\n")
        );
    }

    // --- documents ---

    fn open(&mut self, rel: &str, text: &str) -> Doc {
        let path = self.ws.write(rel, text);
        let uri = file_uri(&path);
        let lang = if rel.ends_with(".rs") {
            "rust"
        } else if rel.ends_with(".ipynb") {
            "json"
        } else {
            "python"
        };
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}}),
        );
        Doc { uri, text: text.to_string(), version: 1 }
    }

    /// One didChange with several incremental changes; each `(needle, replacement)` is located in
    /// the text as left by the previous change, as the protocol says.
    fn edit(&mut self, doc: &mut Doc, changes: &[(&str, &str)]) {
        let mut list = Vec::new();
        for (needle, replacement) in changes {
            let range = range_of(&doc.text, needle, self.enc);
            list.push(json!({"range": range, "text": replacement}));
            doc.text = apply_text_edits(&doc.text, &[json!({"range": range, "newText": replacement})], self.enc);
        }
        doc.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": list}),
        );
    }

    /// Insertion at a byte offset of the current text.
    fn insert_at(&mut self, doc: &mut Doc, at: usize, text: &str) {
        let range = range_at(&doc.text, at, at, self.enc);
        doc.text.insert_str(at, text);
        doc.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc.uri, "version": doc.version},
                   "contentChanges": [{"range": range, "text": text}]}),
        );
    }

    /// A full-text change (allowed with incremental sync too).
    fn replace_all(&mut self, doc: &mut Doc, text: &str) {
        doc.text = text.to_string();
        doc.version += 1;
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// The pushed diagnostics for the document's current version.
    fn pushed(&mut self, doc: &Doc) -> Vec<Value> {
        let (uri, version) = (doc.uri.clone(), doc.version);
        let p = self.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| {
            p["uri"] == uri.as_str() && p["version"] == version
        });
        p["diagnostics"].as_array().cloned().unwrap_or_else(|| self.fail(&format!("publishDiagnostics without a diagnostics array: {p}")))
    }

    /// Pulled diagnostics (textDocument/diagnostic).
    fn pulled(&mut self, doc: &Doc) -> Vec<Value> {
        let params = json!({"textDocument": {"uri": doc.uri}, "identifier": "assay"});
        let r = self.request("textDocument/diagnostic", params.clone());
        assert_eq!(r["kind"], "full", "textDocument/diagnostic {params} without previousResultId must give a full report: {r}");
        r["items"].as_array().cloned().unwrap_or_else(|| panic!("no items in {r}"))
    }

    fn hover(&mut self, doc: &Doc, pos: Value) -> Value {
        self.request("textDocument/hover", json!({"textDocument": {"uri": doc.uri}, "position": pos}))
    }

    /// Code actions for the diagnostic's range, with it as context; actions the server wants
    /// resolved (no edit, no command, but data) are resolved like VS Code does.
    fn code_actions(&mut self, doc: &Doc, diag: &Value) -> Vec<Value> {
        let params = json!({"textDocument": {"uri": doc.uri}, "range": diag["range"],
                            "context": {"diagnostics": [diag], "triggerKind": 1}});
        let r = self.request("textDocument/codeAction", params.clone());
        let list = r.as_array().cloned().unwrap_or_else(|| panic!("codeAction {params} returned {r}"));
        list.into_iter().map(|a| self.resolve(a)).collect()
    }

    fn resolve(&mut self, a: Value) -> Value {
        if a.get("edit").is_none() && a.get("command").is_some_and(|c| !c.is_object()) {
            return a; // a bare Command
        }
        if a.get("edit").is_none() && a.get("command").is_none() && a.get("data").is_some() {
            return self.request("codeAction/resolve", a);
        }
        a
    }

    fn set_settings(&mut self, settings: Value) {
        *self.settings.lock().unwrap() = settings.clone();
        self.notify("workspace/didChangeConfiguration", json!({ "settings": settings }));
    }

    fn shutdown_and_exit(&mut self) -> ExitStatus {
        let r = self.request_raw("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "shutdown returned an error: {r}");
        assert_eq!(r.get("result"), Some(&Value::Null), "shutdown result must be null: {r}");
        self.exiting = true;
        self.notify("exit", Value::Null);
        match self.wait_exit(Duration::from_secs(5)) {
            Some(st) => st,
            None => self.fail("server still running 5 s after exit"),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if thread::panicking() && !self.closed {
            let stderr = self.stderr.lock().unwrap();
            if !stderr.is_empty() {
                eprintln!("--- server stderr:\n{}", &stderr[stderr.len().saturating_sub(4000)..]);
            }
        }
    }
}

fn server(init: Init) -> Server {
    Server::start(Workspace::new(), init)
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags.iter().map(|d| d["code"].as_str().unwrap_or("<no string code>").to_string()).collect()
}

fn find<'a>(diags: &'a [Value], code: &str) -> &'a Value {
    diags.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("no {code} diagnostic in {}", Value::from(diags.to_vec())))
}

/// Checks the fields every assay diagnostic must have.
fn check_diag(d: &Value, code: &str, severity: u64, range: &Value) {
    assert_eq!(d["code"], code, "{d}");
    assert_eq!(d["source"], "assay", "{d}");
    assert_eq!(d["severity"], severity, "{d}");
    assert_eq!(&d["range"], range, "range of {code}: {d}");
    assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()), "{d}");
    let href = d["codeDescription"]["href"].as_str().unwrap_or_else(|| panic!("no codeDescription.href: {d}"));
    assert!(href.starts_with("http") && href.contains(code), "codeDescription.href should link to the rule doc: {d}");
}

/// The `hint` (secure prompt) of an embedded rule, read from its toml.
fn hint_of(rule: &str) -> String {
    let dir = if rule.starts_with("rs-") { "rust" } else { "python" };
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("queries/{dir}/{rule}.toml"));
    let toml = std::fs::read_to_string(&path).unwrap();
    let line = toml.lines().find(|l| l.starts_with("hint = ")).expect("hint line");
    // a TOML basic string without exotic escapes is a JSON string
    serde_json::from_str(&line["hint = ".len()..]).expect("hint as JSON string")
}

/// `line` is `code`, then whitespace (one space, or PEP 8's two), then
/// `<comment> assay: ignore[<rule>] -- <some reason>`.
fn assert_trailing_ignore(line: &str, code: &str, comment: &str, rule: &str, edit: &Value) {
    let rest = line.strip_prefix(code).unwrap_or_else(|| panic!("line after the ignore edit: {line:?}, expected it to start with {code:?}\nedit: {edit}"));
    let directive = format!("{comment} assay: ignore[{rule}] -- ");
    let comment_part = rest.trim_start();
    assert!(
        rest.starts_with(' ') && rest.len() - comment_part.len() <= 2 && comment_part.starts_with(&directive) && comment_part.len() > directive.len(),
        "line after the ignore edit: {line:?}, expected {code:?} + ` {directive}<reason>`\nedit: {edit}"
    );
}

fn action_titled<'a>(actions: &'a [Value], pred: impl Fn(&str) -> bool, what: &str) -> &'a Value {
    actions
        .iter()
        .find(|a| a["title"].as_str().is_some_and(&pred))
        .unwrap_or_else(|| panic!("no {what} action among {}", compact(&Value::from(actions.to_vec()))))
}

// ---------------------------------------------------------------------------------------------
// initialize
// ---------------------------------------------------------------------------------------------

#[test]
fn initialize_capabilities_utf16_and_push() {
    let s = server(Init::default());
    let caps = &s.init_result["capabilities"];
    // LSP: an absent positionEncoding means utf-16, which is what the client then uses.
    assert!(
        caps.get("positionEncoding").is_none() || caps["positionEncoding"] == "utf-16",
        "positionEncoding must be utf-16 when the client lists none: {caps}"
    );
    let sync = &caps["textDocumentSync"];
    assert_eq!(sync["openClose"], true, "{sync}");
    assert_eq!(sync["change"], 2, "incremental sync expected: {sync}");
    assert!(sync["save"] == true || sync["save"].is_object(), "save expected: {sync}");
    assert!(caps["hoverProvider"] == true || caps["hoverProvider"].is_object(), "{caps}");
    let kinds: Vec<&str> = caps["codeActionProvider"]["codeActionKinds"].as_array().map_or(vec![], |a| a.iter().filter_map(Value::as_str).collect());
    assert!(kinds.contains(&"quickfix") && kinds.contains(&"source.fixAll.assay"), "codeActionKinds: {caps}");
    let cmds: Vec<&str> = caps["executeCommandProvider"]["commands"].as_array().map_or(vec![], |a| a.iter().filter_map(Value::as_str).collect());
    assert!(cmds.contains(&"assay.securePrompt") && cmds.contains(&"assay.scanWorkspace"), "commands: {caps}");
    assert!(caps.get("diagnosticProvider").is_none(), "no diagnosticProvider for a client without pull support: {caps}");

    // VS Code lists only utf-16
    let s = server(Init { encodings: Some(vec!["utf-16"]), ..Init::default() });
    let caps = &s.init_result["capabilities"];
    assert!(caps.get("positionEncoding").is_none() || caps["positionEncoding"] == "utf-16", "{caps}");
}

#[test]
fn initialize_negotiates_utf8_and_pull_diagnostics() {
    let s = server(Init { encodings: Some(vec!["utf-8", "utf-16"]), pull: true, ..Init::default() });
    let caps = &s.init_result["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-8", "{caps}");
    assert_eq!(caps["diagnosticProvider"]["identifier"], "assay", "{caps}");
    // utf-16 listed first (Neovim lists utf-8 first, but either order must give utf-8 if offered)
    let s = server(Init { encodings: Some(vec!["utf-16", "utf-8"]), ..Init::default() });
    assert_eq!(s.init_result["capabilities"]["positionEncoding"], "utf-8", "{}", s.init_result);
}

// ---------------------------------------------------------------------------------------------
// push diagnostics: open / change / save / close
// ---------------------------------------------------------------------------------------------

#[test]
fn push_diagnostics_follow_open_change_and_close() {
    let mut s = server(Init::default());
    let mut doc = s.open("app/db.py", SQL_BAD);
    let diags = s.pushed(&doc);
    assert_eq!(codes(&diags), vec![SQL], "{diags:?}");
    check_diag(&diags[0], SQL, 1, &range_of(SQL_BAD, SQL_CALL, s.enc));
    assert_eq!(diags[0]["range"], json!({"start": {"line": 1, "character": 4}, "end": {"line": 1, "character": 54}}));

    // an incremental edit that removes the problem: empty diagnostics, new version
    s.edit(&mut doc, &[(SQL_ARGS, SQL_SAFE_ARGS)]);
    assert_eq!(doc.version, 2);
    let diags = s.pushed(&doc);
    assert!(diags.is_empty(), "after the fix at version 2: {diags:?}");

    // an incremental insertion that adds a new problem
    let end = doc.text.len();
    s.insert_at(&mut doc, end, "\n\ndef g(text):\n    return eval(text)\n");
    let diags = s.pushed(&doc);
    assert_eq!(codes(&diags), vec![EVAL], "{diags:?}");
    check_diag(&diags[0], EVAL, 1, &range_of(&doc.text, "eval(text)", s.enc));

    // a full-text change
    s.replace_all(&mut doc, SQL_BAD);
    assert_eq!(codes(&s.pushed(&doc)), vec![SQL]);

    // save is accepted; the server keeps answering
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": doc.uri}, "text": doc.text}));
    assert!(s.hover(&doc, json!({"line": 1, "character": 10})).is_object());

    // close: an editor expects the file's problems to disappear
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": doc.uri}}));
    let uri = doc.uri.clone();
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| {
        p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|a| a.is_empty())
    });
    assert_eq!(p["diagnostics"], json!([]));
}

#[test]
fn rust_documents_get_diagnostics() {
    let mut s = server(Init::default());
    let text = "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
    let doc = s.open("src/lib.rs", text);
    let diags = s.pushed(&doc);
    assert_eq!(codes(&diags), vec![RS_UNSAFE], "{diags:?}");
    check_diag(&diags[0], RS_UNSAFE, 2, &range_of(text, "unsafe", s.enc));
}

#[test]
fn notebook_opened_as_json_gets_diagnostics_at_json_positions() {
    let mut s = server(Init::default());
    let cell = |n: u32, lines: &[&str]| json!({"cell_type": "code", "execution_count": n, "metadata": {}, "outputs": [], "source": lines});
    let nb = json!({"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Notes"]},
        cell(1, &["%pip install openai\n", "import subprocess\n", "from openai import OpenAI\n", "client = OpenAI()\n"]),
        cell(2, &["cmd = client.chat.completions.create(model=\"m\", messages=[]).choices[0].message.content\n", "subprocess.run(cmd, shell=True)\n"]),
    ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5});
    let text = serde_json::to_string_pretty(&nb).unwrap();
    let doc = s.open("nb/explore.ipynb", &text);
    let diags = s.pushed(&doc);
    let d = find(&diags, "py-llm-output-to-shell");
    check_diag(d, "py-llm-output-to-shell", 1, &range_of(&text, "subprocess.run(cmd, shell=True)", s.enc));
}

// ---------------------------------------------------------------------------------------------
// pull diagnostics
// ---------------------------------------------------------------------------------------------

#[test]
fn pull_diagnostics_replace_push_when_the_client_supports_them() {
    let mut s = server(Init { pull: true, ..Init::default() });
    assert_eq!(s.init_result["capabilities"]["diagnosticProvider"]["identifier"], "assay", "{}", s.init_result);
    let mut doc = s.open("db.py", SQL_BAD);
    let other = s.open("ev.py", EVAL_BAD);
    let pushed: Vec<Value> = s.drain(QUIET).into_iter().filter(|m| m["method"] == "textDocument/publishDiagnostics").collect();
    assert!(pushed.is_empty(), "pull mode must not push: {pushed:?}");

    let items = s.pulled(&doc);
    assert_eq!(codes(&items), vec![SQL], "{items:?}");
    check_diag(&items[0], SQL, 1, &range_of(SQL_BAD, SQL_CALL, s.enc));
    let items = s.pulled(&other);
    assert_eq!(codes(&items), vec![EVAL], "{items:?}");

    s.edit(&mut doc, &[(SQL_ARGS, SQL_SAFE_ARGS)]);
    let items = s.pulled(&doc);
    assert!(items.is_empty(), "after the fix: {items:?}");
    s.edit(&mut doc, &[(SQL_SAFE_ARGS, SQL_ARGS)]);
    assert_eq!(codes(&s.pulled(&doc)), vec![SQL]);

    let pushed: Vec<Value> = s.drain(QUIET).into_iter().filter(|m| m["method"] == "textDocument/publishDiagnostics").collect();
    assert!(pushed.is_empty(), "pull mode must not push after edits either: {pushed:?}");
}

// ---------------------------------------------------------------------------------------------
// incremental edits over non-ASCII text
// ---------------------------------------------------------------------------------------------

fn non_ascii_edits(init: Init, want: Enc) {
    let mut s = server(init);
    assert_eq!(s.enc, want, "negotiated encoding: {}", s.init_result["capabilities"]);
    let text = "# café 😀 note\ndef g(text):\n    s = \"é😀\"; return len(text)\n";
    let mut doc = s.open("u.py", text);
    assert!(s.pushed(&doc).is_empty(), "no finding yet");

    // 1. introduce the finding after the non-ASCII characters
    s.edit(&mut doc, &[("len(text)", "eval(text)")]);
    let diags = s.pushed(&doc);
    assert_eq!(codes(&diags), vec![EVAL], "{diags:?}");
    let want_range = range_of(&doc.text, "eval(text)", s.enc);
    assert_eq!(diags[0]["range"], want_range, "{:?} range after edit 1; text {:?}", s.enc, doc.text);
    // the encodings really differ here
    let char_col = "    s = \"é😀\"; return ".chars().count();
    match want {
        Enc::Utf8 => assert_eq!(want_range["start"]["character"], char_col + 1 + 3),
        Enc::Utf16 => assert_eq!(want_range["start"]["character"], char_col + 1),
    }

    // 2. several changes in one notification: delete an emoji (a surrogate pair in UTF-16),
    //    widen the string before the finding, and add non-ASCII text in front of it
    s.edit(&mut doc, &[("😀 ", ""), ("\"é😀\"", "\"ü😀😀ß\""), ("s = ", "ñ = 1; s = ")]);
    assert_eq!(doc.text, "# café note\ndef g(text):\n    ñ = 1; s = \"ü😀😀ß\"; return eval(text)\n");
    let diags = s.pushed(&doc);
    assert_eq!(codes(&diags), vec![EVAL], "{diags:?}");
    assert_eq!(diags[0]["range"], range_of(&doc.text, "eval(text)", s.enc), "{:?} range after edit 2", s.enc);

    // 3. a new line with non-ASCII text above, and an edit that spans lines
    s.edit(&mut doc, &[("def g", "ŝ = \"🎉\"\ndef g"), ("note\nŝ", "nöte\n\nŝ")]);
    let diags = s.pushed(&doc);
    assert_eq!(codes(&diags), vec![EVAL], "{diags:?}");
    let r = range_of(&doc.text, "eval(text)", s.enc);
    assert_eq!(r["start"]["line"], 4);
    assert_eq!(diags[0]["range"], r, "{:?} range after edit 3; text {:?}", s.enc, doc.text);

    // hover at the finding, in the same encoding
    let h = s.hover(&doc, r["end"].clone());
    let h_start = s.hover(&doc, r["start"].clone());
    assert!(
        h_start["contents"].to_string().contains(EVAL) || h["contents"].to_string().contains(EVAL),
        "hover on the finding's range: {h_start} / {h}"
    );

    // the ignore action's edit lands at the end of the line in this encoding
    let actions = s.code_actions(&doc, &diags[0]);
    let ignore = action_titled(&actions, |t| t.contains("Ignore") && t.contains(EVAL), "Ignore");
    let edited = apply_text_edits(&doc.text, &edits_for(&ignore["edit"], &doc.uri), s.enc);
    let line = edited.lines().nth(4).unwrap();
    assert_trailing_ignore(line, "    ñ = 1; s = \"ü😀😀ß\"; return eval(text)", "#", EVAL, &ignore["edit"]);
}

#[test]
fn incremental_edits_over_non_ascii_text_utf16() {
    non_ascii_edits(Init { encodings: Some(vec!["utf-16"]), ..Init::default() }, Enc::Utf16);
}

#[test]
fn incremental_edits_over_non_ascii_text_utf8() {
    non_ascii_edits(Init { encodings: Some(vec!["utf-8", "utf-16"]), ..Init::default() }, Enc::Utf8);
}

#[test]
fn non_ascii_diagnostics_in_pull_mode_utf8() {
    let mut s = server(Init { encodings: Some(vec!["utf-8"]), pull: true, ..Init::default() });
    assert_eq!(s.enc, Enc::Utf8);
    let text = "def g(text):\n    s = \"日本😀\"; return eval(text)\n";
    let doc = s.open("p.py", text);
    let items = s.pulled(&doc);
    assert_eq!(codes(&items), vec![EVAL]);
    assert_eq!(items[0]["range"], range_of(text, "eval(text)", Enc::Utf8));
}

// ---------------------------------------------------------------------------------------------
// hover
// ---------------------------------------------------------------------------------------------

#[test]
fn hover_shows_rule_cwe_alternative_and_secure_prompt() {
    let mut s = server(Init::default());
    let doc = s.open("db.py", SQL_BAD);
    s.pushed(&doc);
    let h = s.hover(&doc, json!({"line": 1, "character": 20}));
    assert_eq!(h["contents"]["kind"], "markdown", "hover must be MarkupContent markdown: {h}");
    let md = h["contents"]["value"].as_str().unwrap_or_default();
    assert!(md.contains(SQL), "rule id: {md}");
    assert!(md.contains("CWE-89"), "CWE: {md}");
    assert!(md.contains("https://cwe.mitre.org/data/definitions/89.html"), "CWE link: {md}");
    assert!(md.contains("Keep the SQL constant and pass values separately"), "safe alternative (help): {md}");
    let hint = hint_of(SQL);
    let at = md.find(&hint).unwrap_or_else(|| panic!("secure prompt {hint:?} not in hover: {md}"));
    assert!(md[..at].matches("```").count() % 2 == 1, "secure prompt must be inside a code block: {md}");
    if let Some(r) = h.get("range") {
        assert_eq!(r, &range_of(SQL_BAD, SQL_CALL, s.enc), "hover range: {h}");
    }

    // no finding there: nothing to show
    let h = s.hover(&doc, json!({"line": 0, "character": 1}));
    assert!(h.is_null(), "hover away from findings should be null: {h}");
}

// ---------------------------------------------------------------------------------------------
// code actions
// ---------------------------------------------------------------------------------------------

#[test]
fn code_actions_ignore_and_secure_prompt_python() {
    let mut s = server(Init::default());
    let mut doc = s.open("db.py", SQL_BAD);
    let diags = s.pushed(&doc);
    let actions = s.code_actions(&doc, &diags[0]);

    let ignore = action_titled(&actions, |t| t == format!("Ignore {SQL} on this line"), "Ignore");
    assert_eq!(ignore["kind"], "quickfix", "{ignore}");
    let edits = edits_for(&ignore["edit"], &doc.uri);
    assert!(!edits.is_empty(), "ignore action without edits for {}: {ignore}", doc.uri);
    let edited = apply_text_edits(&doc.text, &edits, s.enc);
    let line = edited.lines().nth(1).unwrap();
    assert_trailing_ignore(line, &format!("    {SQL_CALL}"), "#", SQL, &ignore["edit"]);
    assert_eq!(edited.lines().count(), SQL_BAD.lines().count(), "{edited:?}");

    let prompt = action_titled(&actions, |t| t.to_lowercase().contains("secure prompt"), "Copy secure prompt");
    let cmd = if prompt["command"].is_object() { &prompt["command"] } else { prompt };
    assert_eq!(cmd["command"], "assay.securePrompt", "{prompt}");
    assert_eq!(cmd["arguments"], json!([SQL]), "{prompt}");

    // the suppression the action wrote works
    s.replace_all(&mut doc, &edited);
    let diags = s.pushed(&doc);
    assert!(diags.is_empty(), "after applying the ignore action: {diags:?}\ntext: {edited:?}");
}

/// A client without code action literals gets plain commands; a quick fix's edit comes back to
/// it as a `workspace/applyEdit` request when it runs the command.
#[test]
fn code_actions_are_commands_for_clients_without_literal_support() {
    let mut s = server(Init { no_action_literals: true, ..Init::default() });
    let doc = s.open("db.py", SQL_BAD);
    let diags = s.pushed(&doc);
    let actions = s.code_actions(&doc, &diags[0]);
    for a in &actions {
        assert!(a["command"].is_string() && a.get("kind").is_none() && a.get("edit").is_none(), "not a plain Command: {a}");
    }
    let ignore = action_titled(&actions, |t| t == format!("Ignore {SQL} on this line"), "Ignore").clone();
    assert_eq!(ignore["command"], "assay.applyEdit", "{ignore}");
    let prompt = action_titled(&actions, |t| t.to_lowercase().contains("secure prompt"), "Copy secure prompt");
    assert_eq!(prompt["command"], "assay.securePrompt", "{prompt}");
    let result = s.request("workspace/executeCommand", json!({"command": ignore["command"], "arguments": ignore["arguments"]}));
    assert_eq!(result, json!({"applied": false}), "the test client declines edits");
    let requests = s.server_requests.lock().unwrap().clone();
    let apply = requests.iter().find(|r| r["method"] == "workspace/applyEdit").unwrap_or_else(|| panic!("no workspace/applyEdit among {requests:?}"));
    let edited = apply_text_edits(&doc.text, &edits_for(&apply["params"]["edit"], &doc.uri), s.enc);
    assert_trailing_ignore(edited.lines().nth(1).unwrap(), &format!("    {SQL_CALL}"), "#", SQL, &apply["params"]["edit"]);
}

#[test]
fn code_actions_ignore_rust() {
    let mut s = server(Init::default());
    let text = "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n";
    let mut doc = s.open("src/lib.rs", text);
    let diags = s.pushed(&doc);
    let d = find(&diags, RS_UNSAFE).clone();
    let actions = s.code_actions(&doc, &d);
    let ignore = action_titled(&actions, |t| t == format!("Ignore {RS_UNSAFE} on this line"), "Ignore");
    let edited = apply_text_edits(&doc.text, &edits_for(&ignore["edit"], &doc.uri), s.enc);
    assert_trailing_ignore(edited.lines().nth(1).unwrap(), "    unsafe { *p }", "//", RS_UNSAFE, &ignore["edit"]);
    assert!(!edited.contains('#'), "{edited:?}");
    s.replace_all(&mut doc, &edited);
    let diags = s.pushed(&doc);
    assert!(diags.is_empty(), "after applying the ignore action: {diags:?}\ntext: {edited:?}");
}

#[test]
fn code_action_quick_fix_from_the_rule() {
    let mut s = server(Init::default());
    let text = "import requests\n\ndef get(url):\n    return requests.get(url, verify=False)\n";
    let doc = s.open("net.py", text);
    let diags = s.pushed(&doc);
    let d = find(&diags, TLS).clone();
    let actions = s.code_actions(&doc, &d);
    let fixes: Vec<&Value> = actions
        .iter()
        .filter(|a| a["kind"] == "quickfix" && !edits_for(&a["edit"], &doc.uri).is_empty())
        .filter(|a| !a["title"].as_str().unwrap_or("").starts_with("Ignore"))
        .collect();
    assert_eq!(fixes.len(), 1, "one rule fix expected among {}", compact(&Value::from(actions.clone())));
    let edited = apply_text_edits(&doc.text, &edits_for(&fixes[0]["edit"], &doc.uri), s.enc);
    assert_eq!(edited, text.replace("verify=False", "verify=True"), "{}", fixes[0]);
    if let Some(ds) = fixes[0]["diagnostics"].as_array() {
        assert!(ds.iter().all(|x| x["code"] == TLS), "{}", fixes[0]);
    }
}

#[test]
fn project_config_is_honoured() {
    let ws = Workspace::new();
    ws.write(".assay.toml", "ignore = [\"py-eval-exec-dynamic\"]\n");
    let mut s = Server::start(ws, Init::default());
    let doc = s.open("both.py", &format!("{SQL_BAD}\n{EVAL_BAD}"));
    assert_eq!(codes(&s.pushed(&doc)), vec![SQL]);
}

const DEMO_RULE_TOML: &str = r#"id = "py-demo-safe-fix"
title = "Demo rule with a safe fix"
severity = "warning"
confidence = "high"
category = "demo"
cwe = ["CWE-676"]
message = "`{fn}` has a safe replacement"
help = "Call `safe_thing` instead."
description = """Demo rule for the language server tests."""
hint = "Call safe_thing instead of unsafe_thing."

[fix]
capture = "fn"
replacement = "safe_thing"
safe = true
description = "Use safe_thing"
"#;

#[test]
fn fix_all_applies_only_safe_fixes() {
    // the embedded catalog has only unsafe fixes, so a project rule supplies a safe one
    let ws = Workspace::new();
    ws.write(".assay.toml", "rule-dirs = [\"rules\"]\n");
    ws.write("rules/python/py-demo-safe-fix.toml", DEMO_RULE_TOML);
    ws.write("rules/python/py-demo-safe-fix.scm", "(call function: (identifier) @fn (#eq? @fn \"unsafe_thing\")) @match\n");
    let mut s = Server::start(ws, Init::default());
    let text = "import requests\n\ndef get(url):\n    unsafe_thing(url)\n    unsafe_thing(url + \"/x\")\n    return requests.get(url, verify=False)\n";
    let doc = s.open("app.py", text);
    let diags = s.pushed(&doc);
    let mut got = codes(&diags);
    got.sort();
    assert_eq!(got, vec!["py-demo-safe-fix", "py-demo-safe-fix", TLS], "{diags:?}");

    let whole = json!({"start": {"line": 0, "character": 0}, "end": position(text, text.len(), s.enc)});
    let params = json!({"textDocument": {"uri": doc.uri}, "range": whole,
                        "context": {"diagnostics": [], "only": ["source.fixAll"], "triggerKind": 2}});
    let r = s.request("textDocument/codeAction", params.clone());
    let actions: Vec<Value> = r.as_array().cloned().unwrap_or_default().into_iter().map(|a| s.resolve(a)).collect();
    assert!(actions.iter().all(|a| a["kind"].as_str().is_some_and(|k| k.starts_with("source.fixAll"))), "only source.fixAll kinds expected for {params}: {r}");
    // the title may carry a count: "Fix all safe assay findings (2)"
    let fix_all = action_titled(&actions, |t| t.starts_with("Fix all safe assay findings"), "Fix all safe assay findings");
    assert_eq!(fix_all["kind"], "source.fixAll.assay", "{fix_all}");
    let edited = apply_text_edits(text, &edits_for(&fix_all["edit"], &doc.uri), s.enc);
    assert_eq!(edited, text.replace("unsafe_thing", "safe_thing"), "safe fixes applied, the unsafe verify fix left alone: {fix_all}");
}

// ---------------------------------------------------------------------------------------------
// commands
// ---------------------------------------------------------------------------------------------

#[test]
fn execute_command_secure_prompt_returns_the_hint() {
    let mut s = server(Init::default());
    for rule in [SQL, EVAL, RS_UNSAFE] {
        let r = s.request("workspace/executeCommand", json!({"command": "assay.securePrompt", "arguments": [rule]}));
        assert_eq!(r, Value::String(hint_of(rule)), "assay.securePrompt [{rule}]");
    }
}

/// Reading: `assay.scanWorkspace` analyses the files of the workspace folder on disk and pushes
/// their diagnostics, so the Problems panel lists files that are not open.
#[test]
fn execute_command_scan_workspace_reports_files_on_disk() {
    let ws = Workspace::new();
    ws.write("pkg/db.py", SQL_BAD);
    ws.write("pkg/clean.py", "def add(a, b):\n    return a + b\n");
    let uri = ws.uri("pkg/db.py");
    let mut s = Server::start(ws, Init::default());
    let r = s.request_raw("workspace/executeCommand", json!({"command": "assay.scanWorkspace", "arguments": []}));
    assert!(r.get("error").is_none(), "{r}");
    let p = s.wait_for_notification("textDocument/publishDiagnostics", Duration::from_secs(20), |p| {
        p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|a| !a.is_empty())
    });
    assert_eq!(codes(p["diagnostics"].as_array().unwrap()), vec![SQL], "{p}");
}

/// The workspace scan applies the review settings as open documents do: with `scope =
/// "changed"`, a committed finding is a hint, and `hideUnchanged` leaves it out.
#[test]
fn scan_workspace_follows_the_review_scope() {
    let ws = Workspace::new();
    ws.write("old.py", EVAL_BAD);
    commit_everything(&ws.root);
    ws.write("new.py", SQL_BAD);
    let (old_uri, new_uri) = (ws.uri("old.py"), ws.uri("new.py"));
    let mut s = Server::start(ws, Init { init_options: Some(json!({"scope": "changed"})), ..Init::default() });
    let r = s.request("workspace/executeCommand", json!({"command": "assay.scanWorkspace", "arguments": []}));
    assert_eq!(r["files"], 2, "{r}");
    let published = |s: &mut Server, uri: &str| {
        s.wait_for_notification("textDocument/publishDiagnostics", Duration::from_secs(20), |p| p["uri"] == uri)["diagnostics"].as_array().cloned().unwrap()
    };
    assert_eq!(severity_of(&published(&mut s, &old_uri), EVAL), vec![4], "a committed finding is a hint");
    assert_eq!(severity_of(&published(&mut s, &new_uri), SQL), vec![1], "a new file's finding is an error");
    s.set_settings(json!({"assay": {"scope": "changed", "hideUnchanged": true}}));
    s.drain(Duration::from_millis(300));
    let r = s.request("workspace/executeCommand", json!({"command": "assay.scanWorkspace", "arguments": []}));
    assert_eq!(r["findings"], 1, "only the new file's finding is left: {r}");
}

// ---------------------------------------------------------------------------------------------
// configuration
// ---------------------------------------------------------------------------------------------

#[test]
fn configuration_change_turns_a_rule_off_and_on() {
    let mut s = server(Init::default());
    let doc = s.open("both.py", &format!("{SQL_BAD}\n{EVAL_BAD}"));
    let mut got = codes(&s.pushed(&doc));
    got.sort();
    assert_eq!(got, vec![EVAL, SQL]);
    s.drain(Duration::from_millis(200));

    s.set_settings(json!({"assay": {"ignore": [EVAL]}}));
    let uri = doc.uri.clone();
    let has = |p: &Value, code: &str| p["diagnostics"].as_array().is_some_and(|a| a.iter().any(|d| d["code"] == code));
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| p["uri"] == uri.as_str() && !has(p, EVAL));
    assert_eq!(codes(p["diagnostics"].as_array().unwrap()), vec![SQL], "after ignoring {EVAL}: {p}");
    assert_eq!(p["version"], 1, "{p}");

    s.set_settings(json!({"assay": {"ignore": []}}));
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| p["uri"] == uri.as_str() && has(p, EVAL));
    let mut got = codes(p["diagnostics"].as_array().unwrap());
    got.sort();
    assert_eq!(got, vec![EVAL, SQL], "after un-ignoring: {p}");
}

#[test]
fn initialization_options_ignore_and_select() {
    let text = format!("{SQL_BAD}\n{EVAL_BAD}");
    let mut s = server(Init { init_options: Some(json!({"ignore": [EVAL]})), ..Init::default() });
    let doc = s.open("both.py", &text);
    assert_eq!(codes(&s.pushed(&doc)), vec![SQL]);

    let mut s = server(Init { init_options: Some(json!({"select": [EVAL]})), ..Init::default() });
    let doc = s.open("both.py", &text);
    assert_eq!(codes(&s.pushed(&doc)), vec![EVAL]);
}

/// The `severity` setting: rule ids or categories to error, warning, info or hint, over the
/// project config's `severity` and the rule's own; changeable at run time.
#[test]
fn severity_setting_overrides_rule_and_project_severity() {
    let ws = Workspace::new();
    ws.write(".assay.toml", "[severity]\npy-eval-exec-dynamic = \"warning\"\n");
    let init = Init { init_options: Some(json!({"assay": {"severity": {SQL: "hint"}}})), ..Init::default() };
    let mut s = Server::start(ws, init);
    let doc = s.open("both.py", &format!("{SQL_BAD}\n{EVAL_BAD}"));
    let diags = s.pushed(&doc);
    assert_eq!(find(&diags, SQL)["severity"], 4, "{SQL} set to hint: {diags:?}");
    assert_eq!(find(&diags, EVAL)["severity"], 2, "{EVAL} set to warning by .assay.toml: {diags:?}");
    s.drain(Duration::from_millis(200));

    // the setting beats the project config; a category applies to its rules
    let category = "injection";
    s.set_settings(json!({"assay": {"severity": {EVAL: "info", category: "error"}}}));
    let uri = doc.uri.clone();
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| {
        p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|a| a.iter().any(|d| d["code"] == EVAL && d["severity"] == 3))
    });
    let diags = p["diagnostics"].as_array().unwrap();
    assert_eq!(find(diags, SQL)["severity"], 1, "{SQL} back to error through its category: {p}");

    // a bad level is reported, not silently ignored
    s.set_settings(json!({"assay": {"severity": {SQL: "fatal"}}}));
    let m = s.wait_for_notification("window/showMessage", TIMEOUT, |_| true);
    assert!(m["message"].as_str().is_some_and(|t| t.contains("fatal")), "{m}");
}

/// `trustedWorkspace: false` (VS Code's restricted mode): the rule folders the workspace's own
/// config names are not loaded, and the log says so; the embedded rules still run.
#[test]
fn untrusted_workspace_does_not_load_its_rule_dirs() {
    let setup = || {
        let ws = Workspace::new();
        ws.write(".assay.toml", "rule-dirs = [\"rules\"]\n");
        ws.write("rules/python/py-demo-safe-fix.toml", DEMO_RULE_TOML);
        ws.write("rules/python/py-demo-safe-fix.scm", "(call function: (identifier) @fn (#eq? @fn \"unsafe_thing\")) @match\n");
        ws
    };
    let text = format!("def h(x):\n    unsafe_thing(x)\n\n{EVAL_BAD}");

    let mut s = Server::start(setup(), Init { init_options: Some(json!({"assay": {"trustedWorkspace": false}})), ..Init::default() });
    let doc = s.open("app.py", &text);
    assert_eq!(codes(&s.pushed(&doc)), vec![EVAL], "no workspace rule in an untrusted workspace");
    let stderr = s.stderr.lock().unwrap().clone();
    assert!(stderr.contains("untrusted workspace") && stderr.contains("rules"), "the log should say the rule folder was skipped: {stderr}");

    let mut s = Server::start(setup(), Init { init_options: Some(json!({"assay": {"trustedWorkspace": true}})), ..Init::default() });
    let doc = s.open("app.py", &text);
    let mut got = codes(&s.pushed(&doc));
    got.sort();
    assert_eq!(got, vec!["py-demo-safe-fix", EVAL], "workspace rules load when trusted");
}

#[test]
fn documents_over_max_file_size_get_one_info_diagnostic() {
    // settable in initializationOptions
    let mut s = server(Init { init_options: Some(json!({"maxFileSize": 1024})), ..Init::default() });
    let big = format!("{EVAL_BAD}{}", "x = 1\n".repeat(300));
    assert!(big.len() > 1024);
    let doc = s.open("big.py", &big);
    let diags = s.pushed(&doc);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["severity"], 3, "{}", diags[0]);
    assert!(diags[0]["message"].as_str().unwrap_or("").to_lowercase().contains("not analy"), "{}", diags[0]);
    let small = s.open("small.py", EVAL_BAD);
    assert_eq!(codes(&s.pushed(&small)), vec![EVAL]);

    // the default is 2 MiB
    let mut s = server(Init::default());
    let big = format!("{EVAL_BAD}{}", "x = 1\n".repeat(2 * 1024 * 1024 / 6 + 10));
    assert!(big.len() > 2 * 1024 * 1024);
    let doc = s.open("huge.py", &big);
    let diags = s.pushed(&doc);
    assert_eq!(diags.len(), 1, "{}", compact(&Value::from(diags.clone())));
    assert_eq!(diags[0]["severity"], 3, "{}", diags[0]);
    // just under the limit (one long comment line, cheap to parse): analysed
    let under = format!("{EVAL_BAD}# {}\n", "x".repeat(2 * 1024 * 1024 - EVAL_BAD.len() - 3));
    assert_eq!(under.len(), 2 * 1024 * 1024);
    let doc = s.open("under.py", &under);
    assert_eq!(codes(&s.pushed(&doc)), vec![EVAL]);
}

// ---------------------------------------------------------------------------------------------
// robustness
// ---------------------------------------------------------------------------------------------

fn still_answers(s: &mut Server) {
    let r = s.request("workspace/executeCommand", json!({"command": "assay.securePrompt", "arguments": [SQL]}));
    assert_eq!(r, Value::String(hint_of(SQL)));
}

#[test]
fn malformed_frames_get_parse_errors_and_the_server_keeps_working() {
    let mut s = server(Init::default());
    for garbage in [&b"Content-Length: 5\r\n\r\n{bad}"[..], b"Content-Length: 12\r\n\r\n{\"jsonrpc\":2", b"Content-Length: 3\r\n\r\n\xff\xfe\x00"] {
        s.send_raw(garbage);
        let m = s.wait_for(&format!("a -32700 response to {:?}", String::from_utf8_lossy(garbage)), TIMEOUT, |m| {
            m.get("method").is_none() && m.get("error").is_some() && m["id"].is_null()
        });
        assert_eq!(m["error"]["code"], -32700, "sent {:?}, got {m}", String::from_utf8_lossy(garbage));
        assert!(m.get("id").is_some(), "the id member must be present (null): {m}");
        still_answers(&mut s);
    }
    let doc = s.open("db.py", SQL_BAD);
    assert_eq!(codes(&s.pushed(&doc)), vec![SQL]);
}

#[test]
fn unknown_request_gets_method_not_found() {
    let mut s = server(Init::default());
    let r = s.request_raw("assay/noSuchMethod", json!({"x": 1}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    // unknown notifications are ignored, $/ ones too
    s.notify("assay/noSuchNotification", json!({}));
    s.notify("$/setTrace", json!({"value": "off"}));
    s.notify("$/cancelRequest", json!({"id": 9999}));
    still_answers(&mut s);
    let stray: Vec<Value> = s.drain(Duration::from_millis(300)).into_iter().filter(|m| m.get("error").is_some()).collect();
    assert!(stray.is_empty(), "notifications must never be answered: {stray:?}");
}

#[test]
fn change_to_unopened_document_and_out_of_range_positions_are_harmless() {
    let mut s = server(Init::default());
    let ghost = s.ws.uri("never_opened.py");
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": ghost, "version": 7},
               "contentChanges": [{"range": {"start": {"line": 3, "character": 2}, "end": {"line": 3, "character": 5}}, "text": "eval(x)"}]}),
    );
    s.notify("textDocument/didChange", json!({"textDocument": {"uri": ghost, "version": 8}, "contentChanges": [{"text": EVAL_BAD}]}));
    s.notify("textDocument/didClose", json!({"textDocument": {"uri": ghost}}));
    still_answers(&mut s);

    let mut doc = s.open("db.py", SQL_BAD);
    s.pushed(&doc);
    // hover far outside the document: null (or an error response), never a crash
    for pos in [json!({"line": 9999, "character": 0}), json!({"line": 1, "character": 9999}), json!({"line": 9999, "character": 9999})] {
        let r = s.request_raw("textDocument/hover", json!({"textDocument": {"uri": doc.uri}, "position": pos}));
        assert!(r.get("error").is_some() || r["result"].is_null() || r["result"]["contents"].is_object(), "{r}");
    }
    // hover on an unopened document
    let r = s.request_raw("textDocument/hover", json!({"textDocument": {"uri": ghost}, "position": {"line": 0, "character": 0}}));
    assert!(r.get("error").is_some() || r["result"].is_null(), "{r}");
    // code actions with an out-of-range range
    let r = s.request_raw(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": doc.uri}, "range": {"start": {"line": 9999, "character": 0}, "end": {"line": 10000, "character": 3}},
               "context": {"diagnostics": []}}),
    );
    assert!(r.get("error").is_some() || r["result"].is_null() || r["result"].is_array(), "{r}");
    // an incremental change whose range lies past the end is clamped, not fatal
    doc.version += 1;
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": doc.uri, "version": doc.version},
               "contentChanges": [{"range": {"start": {"line": 50, "character": 0}, "end": {"line": 60, "character": 0}}, "text": "\n"}]}),
    );
    still_answers(&mut s);
    let mut doc2 = s.open("again.py", EVAL_BAD);
    assert_eq!(codes(&s.pushed(&doc2)), vec![EVAL]);
    s.replace_all(&mut doc2, SQL_BAD);
    assert_eq!(codes(&s.pushed(&doc2)), vec![SQL]);
}

#[test]
fn shutdown_then_exit_ends_with_code_0_and_stdio_flag_is_accepted() {
    let mut s = server(Init { args: vec!["--stdio"], ..Init::default() });
    let doc = s.open("db.py", SQL_BAD);
    assert_eq!(codes(&s.pushed(&doc)), vec![SQL]);
    let status = s.shutdown_and_exit();
    assert_eq!(status.code(), Some(0), "exit status after shutdown + exit: {status:?}");
    let rest = s.drain(Duration::from_millis(300));
    assert!(rest.iter().all(|m| m.get("id").is_none() || m["method"].is_string()), "{rest:?}");
}

#[test]
fn logs_go_to_stderr_and_stdout_carries_only_frames() {
    // the reader thread fails the test on any byte on stdout that is not a frame
    let mut s = server(Init::default());
    let mut doc = s.open("db.py", SQL_BAD);
    s.pushed(&doc);
    s.edit(&mut doc, &[(SQL_ARGS, SQL_SAFE_ARGS)]);
    s.pushed(&doc);
    let status = s.shutdown_and_exit();
    assert_eq!(status.code(), Some(0));
    let requests = s.server_requests.lock().unwrap().clone();
    for r in &requests {
        assert!(r["method"].is_string(), "{r}");
    }
}

// ---------------------------------------------------------------------------------------------
// Review settings: scope = "changed", hideUnchanged, baseline
// ---------------------------------------------------------------------------------------------

/// A new repository in `dir` with everything in it committed.
fn commit_everything(dir: &Path) {
    common::git(dir, &["init", "-q"]);
    common::git(dir, &["add", "-A"]);
    common::git(dir, &["commit", "-q", "-m", "one"]);
}

fn severity_of(diags: &[Value], code: &str) -> Vec<u64> {
    diags.iter().filter(|d| d["code"] == code).map(|d| d["severity"].as_u64().unwrap()).collect()
}

#[test]
fn scope_changed_shows_unchanged_lines_as_hints_or_hides_them() {
    let ws = Workspace::new();
    ws.write("app.py", EVAL_BAD);
    commit_everything(&ws.root);
    let mut s = Server::start(ws, Init { init_options: Some(json!({"scope": "changed"})), ..Init::default() });
    let text = format!("{EVAL_BAD}\n{SQL_BAD}");
    let mut doc = s.open("app.py", &text);
    let diags = s.pushed(&doc);
    assert_eq!(severity_of(&diags, EVAL), vec![4], "committed line: a hint: {diags:?}");
    assert_eq!(severity_of(&diags, SQL), vec![1], "new line: an error: {diags:?}");

    // typing a new finding: the buffer is diffed against the cached HEAD text
    let at = doc.text.len();
    s.insert_at(&mut doc, at, "\ndef h(x):\n    return eval(x)\n");
    let diags = s.pushed(&doc);
    assert_eq!(severity_of(&diags, EVAL), vec![4, 1], "{diags:?}");

    // hideUnchanged: the committed finding disappears
    s.set_settings(json!({"assay": {"scope": "changed", "hideUnchanged": true}}));
    let uri = doc.uri.clone();
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| {
        p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|a| a.len() == 2)
    });
    let diags = p["diagnostics"].as_array().unwrap().clone();
    assert_eq!(severity_of(&diags, EVAL), vec![1], "{diags:?}");
    assert_eq!(severity_of(&diags, SQL), vec![1], "{diags:?}");

    // committing and saving refreshes the git state: nothing is changed any more
    std::fs::write(s.ws.root.join("app.py"), &doc.text).unwrap();
    common::git(&s.ws.root, &["commit", "-q", "-am", "two"]);
    s.notify("textDocument/didSave", json!({"textDocument": {"uri": doc.uri}}));
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| {
        p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|a| a.is_empty())
    });
    assert_eq!(p["diagnostics"], json!([]));

    // scope "all" (the default) shows everything again
    s.set_settings(json!({"assay": {"scope": "all"}}));
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| {
        p["uri"] == uri.as_str() && p["diagnostics"].as_array().is_some_and(|a| a.len() == 3)
    });
    assert!(p["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == 1), "{p}");
}

#[test]
fn baseline_from_the_client_setting_or_the_config_hides_known_findings() {
    for (config, init) in [(None, json!({"baseline": "ci/known.json"})), (Some("baseline = \"ci/known.json\"\n"), json!({}))] {
        let ws = Workspace::new();
        ws.write("app.py", EVAL_BAD);
        std::fs::create_dir_all(ws.root.join("ci")).unwrap();
        let o = Command::new(BIN).args(["baseline", "--output", "ci/known.json"]).current_dir(&ws.root).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        if let Some(config) = config {
            ws.write("assay.toml", config);
        }
        let mut s = Server::start(ws, Init { init_options: Some(init.clone()), ..Init::default() });
        let doc = s.open("app.py", &format!("# moved down by a comment\n{EVAL_BAD}\n{SQL_BAD}"));
        let diags = s.pushed(&doc);
        assert_eq!(codes(&diags), vec![SQL], "known finding hidden ({init}, config {config:?})");
        // code actions pair diagnostics with findings: the hidden finding must not shift them
        let titles: Vec<String> = s.code_actions(&doc, &diags[0]).iter().map(|a| a["title"].as_str().unwrap_or("").to_string()).collect();
        assert!(titles.iter().any(|t| t == &format!("Ignore {SQL} on this line")), "{titles:?}");
        assert!(!titles.iter().any(|t| t.contains(EVAL)), "{titles:?}");
    }
}

#[test]
fn a_manifest_change_rechecks_undeclared_imports() {
    let ws = Workspace::new();
    ws.write("requirements.txt", "flask==3.0.3\n");
    let mut s = Server::start(ws, Init::default());
    let doc = s.open("app.py", "import flask\nimport httpx\n");
    assert_eq!(codes(&s.pushed(&doc)), vec!["py-undeclared-import"]);
    s.drain(Duration::from_millis(200));
    s.ws.write("requirements.txt", "flask==3.0.3\nhttpx==0.27.0\n");
    let changed = s.ws.uri("requirements.txt");
    s.notify("workspace/didChangeWatchedFiles", json!({ "changes": [{ "uri": changed, "type": 2 }] }));
    let uri = doc.uri.clone();
    let p = s.wait_for_notification("textDocument/publishDiagnostics", TIMEOUT, |p| p["uri"] == uri.as_str());
    assert!(p["diagnostics"].as_array().unwrap().is_empty(), "httpx is declared now: {p}");
}
