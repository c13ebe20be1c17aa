#!/usr/bin/env python3
"""Editor-latency benchmark for `assay lsp`, side by side with `ruff server` (S rules).

Measures, in ONE run so the ratios are comparable on a noisy machine:

* edit -> diagnostics latency (p50, p95, max) for incremental `didChange` edits typed inside a
  function body, as a push client (waits for `textDocument/publishDiagnostics` of that version)
  and as a pull client (times the `textDocument/diagnostic` response sent right after the change);
  optionally "burst typing" (a word typed ~30 ms a key, latency from the last key);
* peak RSS (VmHWM from /proc/<pid>/status) of each server with 50 real Django modules open.

The two servers run at the same time and their edits are interleaved one by one (order
alternating), so background load falls on both alike. Stdlib Python 3.11 only; a measurement
script, not a test. See "LSP benchmark" in tests/bench/README.md.

    python3 tests/bench/lsp_bench.py                       # build, fetch Django, both servers
    python3 tests/bench/lsp_bench.py --servers ruff        # the harness against ruff alone
    python3 tests/bench/lsp_bench.py --no-build --edits 100 --json /tmp/lsp.json
    python3 tests/bench/lsp_bench.py --server-cmd "target/debug/assay lsp"
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DJANGO = "5.1.4"
# Another benchmark (scan_bench.py --workdir /tmp/assay-bench-work) leaves an extracted tree here.
SHARED_DJANGO = Path("/tmp/assay-bench-work/src/Django-5.1.4")
REAL_FILE = "tests/admin_views/tests.py"
RUFF_TOML = '[lint]\nselect = ["S"]\n'
BURST_WORD = "abcdefgh"

# Targets from the issue, checked in the summary.
TARGET_RSS_MIB = 100.0


def log(msg: str) -> None:
    print(f"[lsp-bench] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# LSP client
# --------------------------------------------------------------------------------------------


class LspError(RuntimeError):
    pass


class Client:
    """A minimal stdio LSP client. A reader thread stamps every message with its arrival time
    (perf_counter) and answers server->client requests with null."""

    def __init__(self, name: str, cmd: list[str], cwd: Path, stderr_path: Path):
        self.name = name
        self.cmd = cmd
        self.stderr_file = open(stderr_path, "wb")
        self.stderr_path = stderr_path
        self.proc = subprocess.Popen(
            cmd, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr_file
        )
        self.pid = self.proc.pid
        self._wlock = threading.Lock()
        self._cv = threading.Condition()
        self._notes: list[tuple[float, dict]] = []  # (arrival, notification)
        self._responses: dict[int, tuple[float, dict]] = {}
        self._next_id = 0
        self.server_requests: dict[str, int] = {}
        self.closed = False
        self._reader = threading.Thread(target=self._read_loop, name=f"{name}-reader", daemon=True)
        self._reader.start()

    # -- wire --------------------------------------------------------------------------------
    def _write(self, msg: dict) -> None:
        body = json.dumps(msg, separators=(",", ":")).encode()
        data = b"Content-Length: %d\r\n\r\n" % len(body) + body
        with self._wlock:
            try:
                self.proc.stdin.write(data)
                self.proc.stdin.flush()
            except (BrokenPipeError, OSError) as e:
                raise LspError(f"{self.name}: write failed ({e}); stderr: {self.stderr_tail()}") from e

    def _read_loop(self) -> None:
        out = self.proc.stdout
        buf = b""
        try:
            while True:
                length = None
                while True:  # headers
                    line = out.readline()
                    if not line:
                        raise EOFError
                    line = line.strip()
                    if not line:
                        if length is not None:
                            break
                        continue
                    k, _, v = line.partition(b":")
                    if k.strip().lower() == b"content-length":
                        length = int(v.strip())
                buf = b""
                while len(buf) < length:
                    chunk = out.read(length - len(buf))
                    if not chunk:
                        raise EOFError
                    buf += chunk
                t = time.perf_counter()
                msg = json.loads(buf)
                if "method" in msg and "id" in msg:
                    self._answer(msg)
                    continue
                with self._cv:
                    if "method" in msg:
                        self._notes.append((t, msg))
                    elif "id" in msg:
                        self._responses[msg["id"]] = (t, msg)
                    self._cv.notify_all()
        except (EOFError, ValueError, OSError):
            pass
        finally:
            with self._cv:
                self.closed = True
                self._cv.notify_all()

    def _answer(self, req: dict) -> None:
        method = req["method"]
        self.server_requests[method] = self.server_requests.get(method, 0) + 1
        result = None
        if method == "workspace/configuration":  # the spec wants one (here null) entry per item
            result = [None] * len(req.get("params", {}).get("items", []))
        try:
            self._write({"jsonrpc": "2.0", "id": req["id"], "result": result})
        except LspError:
            pass

    # -- API ---------------------------------------------------------------------------------
    def notify(self, method: str, params) -> float:
        self._write({"jsonrpc": "2.0", "method": method, "params": params})
        return time.perf_counter()

    def request(self, method: str, params) -> tuple[int, float]:
        self._next_id += 1
        rid = self._next_id
        self._write({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid, time.perf_counter()

    def wait_response(self, rid: int, timeout: float) -> tuple[float, dict]:
        deadline = time.perf_counter() + timeout
        with self._cv:
            while rid not in self._responses:
                left = deadline - time.perf_counter()
                if self.closed:
                    raise LspError(f"{self.name} exited (rc={self.proc.poll()}); stderr: {self.stderr_tail()}")
                if left <= 0:
                    raise TimeoutError(f"{self.name}: no response to request {rid} in {timeout:.0f}s")
                self._cv.wait(left)
            return self._responses.pop(rid)

    def call(self, method: str, params, timeout: float = 60.0) -> dict:
        rid, _ = self.request(method, params)
        _, msg = self.wait_response(rid, timeout)
        if "error" in msg:
            raise LspError(f"{self.name}: {method} failed: {msg['error']}")
        return msg.get("result")

    def wait_note(self, pred, after: float, timeout: float) -> tuple[float, dict]:
        """The first notification that arrived after `after` and satisfies pred."""
        deadline = time.perf_counter() + timeout
        start = 0
        with self._cv:
            while True:
                for i in range(start, len(self._notes)):
                    t, msg = self._notes[i]
                    if t > after and pred(msg):
                        return t, msg
                start = len(self._notes)
                left = deadline - time.perf_counter()
                if self.closed:
                    raise LspError(f"{self.name} exited (rc={self.proc.poll()}); stderr: {self.stderr_tail()}")
                if left <= 0:
                    raise TimeoutError(f"{self.name}: no matching notification in {timeout:.0f}s")
                self._cv.wait(left)

    def notes_since(self, after: float, pred) -> list[tuple[float, dict]]:
        with self._cv:
            return [(t, m) for t, m in self._notes if t > after and pred(m)]

    def trim_notes(self) -> None:
        with self._cv:
            self._notes.clear()

    def stderr_tail(self, n: int = 12) -> str:
        try:
            self.stderr_file.flush()
            lines = self.stderr_path.read_text(errors="replace").splitlines()
            return " | ".join(lines[-n:])
        except OSError:
            return ""

    def proc_status(self) -> dict[str, int]:
        """VmHWM / VmRSS (KiB) of the server process and, summed, of its children."""
        out: dict[str, int] = {}
        try:
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                k, _, v = line.partition(":")
                if k in ("VmHWM", "VmRSS"):
                    out[k] = int(v.split()[0])
        except OSError:
            pass
        kids = 0
        try:
            for tid in os.listdir(f"/proc/{self.pid}/task"):
                for c in Path(f"/proc/{self.pid}/task/{tid}/children").read_text().split():
                    try:
                        for line in Path(f"/proc/{c}/status").read_text().splitlines():
                            if line.startswith("VmHWM:"):
                                kids += int(line.split()[1])
                    except OSError:
                        pass
        except OSError:
            pass
        out["ChildrenHWM"] = kids
        return out

    def shutdown(self) -> None:
        try:
            if not self.closed:
                self.call("shutdown", None, timeout=10)
                self.notify("exit", None)
        except (LspError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.stderr_file.close()


# --------------------------------------------------------------------------------------------
# Sessions: one server, one client mode, one document
# --------------------------------------------------------------------------------------------


def client_capabilities(pull: bool) -> dict:
    td: dict = {
        "synchronization": {"dynamicRegistration": False, "didSave": True, "willSave": False},
        "publishDiagnostics": {
            "relatedInformation": True,
            "versionSupport": True,
            "codeDescriptionSupport": True,
            "dataSupport": True,
            "tagSupport": {"valueSet": [1, 2]},
        },
        "codeAction": {"dynamicRegistration": False},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
    }
    if pull:
        td["diagnostic"] = {"dynamicRegistration": False, "relatedDocumentSupport": False}
    return {
        "general": {"positionEncodings": ["utf-16"]},
        "textDocument": td,
        "workspace": {
            "configuration": True,
            "workspaceFolders": True,
            "didChangeConfiguration": {"dynamicRegistration": True},
            "didChangeWatchedFiles": {"dynamicRegistration": True},
        },
        "window": {"workDoneProgress": True},
    }


def file_uri(p: Path) -> str:
    return p.resolve().as_uri()


@dataclass
class Doc:
    path: Path
    text: str
    uri: str = ""
    version: int = 1
    lines: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.uri = file_uri(self.path)
        self.lines = self.text.split("\n")

    def apply(self, line: int, col: int, delete: int, insert: str) -> None:
        s = self.lines[line]
        self.lines[line] = s[:col] + insert + s[col + delete :]

    def full_text(self) -> str:
        return "\n".join(self.lines)


class Session:
    """One running server initialized as a push or pull client."""

    def __init__(self, name: str, cmd: list[str], root: Path, pull: bool, logdir: Path, timeout: float, tag: str, init: dict | None = None):
        self.name = name
        self.pull = pull
        self.timeout = timeout
        self.client = Client(name, cmd, root, logdir / f"{name}-{tag}.stderr")
        res = self.client.call(
            "initialize",
            {
                "processId": os.getpid(),
                "clientInfo": {"name": "assay-lsp-bench", "version": "1"},
                "rootUri": file_uri(root),
                "rootPath": str(root),
                "workspaceFolders": [{"uri": file_uri(root), "name": root.name}],
                "capabilities": client_capabilities(pull),
                "initializationOptions": init or {},
                "trace": "off",
            },
            timeout=timeout,
        )
        self.caps = (res or {}).get("capabilities", {})
        self.server_info = (res or {}).get("serverInfo", {})
        self.client.notify("initialized", {})
        sync = self.caps.get("textDocumentSync", 0)
        self.sync = sync.get("change", 0) if isinstance(sync, dict) else int(sync or 0)
        self.has_pull = bool(self.caps.get("diagnosticProvider"))
        self.result_ids: dict[str, str] = {}
        self.docs: dict[str, Doc] = {}
        self.versioned = None  # does the server put `version` on publishDiagnostics?
        self.last_diags: list[dict] = []

    @property
    def mode_ok(self) -> bool:
        return self.has_pull if self.pull else True

    # -- document ops --------------------------------------------------------------------------
    def open(self, doc: Doc) -> float:
        self.docs[doc.uri] = doc
        return self.client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": doc.uri, "languageId": "python", "version": doc.version, "text": doc.text}},
        )

    def change(self, doc: Doc, line: int, col: int, delete: int, insert: str) -> float:
        doc.version += 1
        doc.apply(line, col, delete, insert)
        if self.sync == 2:
            change = {
                "range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col + delete}},
                "rangeLength": delete,
                "text": insert,
            }
        else:  # full sync (or none announced): send the whole document
            change = {"text": doc.full_text()}
        return self.client.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": [change]},
        )

    def pull_request(self, doc: Doc) -> tuple[int, float]:
        params = {"textDocument": {"uri": doc.uri}}
        if doc.uri in self.result_ids:
            params["previousResultId"] = self.result_ids[doc.uri]
        return self.client.request("textDocument/diagnostic", params)

    def pull_wait(self, doc: Doc, rid: int) -> tuple[float, int | None]:
        t, msg = self.client.wait_response(rid, self.timeout)
        if "error" in msg:
            raise LspError(f"{self.name}: textDocument/diagnostic failed: {msg['error']}")
        res = msg.get("result") or {}
        if res.get("resultId"):
            self.result_ids[doc.uri] = res["resultId"]
        if res.get("kind", "full") == "full":
            self.last_diags = res.get("items", [])
            return t, len(self.last_diags)
        return t, None

    def push_wait(self, doc: Doc, after: float, version: int) -> tuple[float, int]:
        """Time of the publishDiagnostics for `version` (or the first one after `after` when the
        server does not send versions)."""

        def pred(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            p = m.get("params", {})
            if p.get("uri") != doc.uri:
                return False
            v = p.get("version")
            return v is None or v == version

        t, msg = self.client.wait_note(pred, after, self.timeout)
        p = msg["params"]
        if self.versioned is None:
            self.versioned = p.get("version") is not None
        self.last_diags = p.get("diagnostics", [])
        return t, len(self.last_diags)

    def diagnostics_after_open(self, doc: Doc, t0: float) -> tuple[float, int | None]:
        if self.pull:
            rid, _ = self.pull_request(doc)
            t, n = self.pull_wait(doc, rid)
        else:
            t, n = self.push_wait(doc, t0, doc.version)
        return (t - t0) * 1000, n

    def measure_edit(self, doc: Doc, line: int, col: int, delete: int, insert: str) -> tuple[float, int | None]:
        t0 = self.change(doc, line, col, delete, insert)
        if self.pull:
            rid, _ = self.pull_request(doc)
            t, n = self.pull_wait(doc, rid)
        else:
            t, n = self.push_wait(doc, t0, doc.version)
        return (t - t0) * 1000, n

    def measure_burst(self, doc: Doc, keys: list[tuple[int, int, int, str]], key_gap: float) -> float:
        """Type `keys` key_gap apart; latency from the last key to the final version's diagnostics.
        A pull client asks after every key and cancels the previous request, as VS Code does."""
        last_rid = None
        t_last = 0.0
        for i, (line, col, delete, insert) in enumerate(keys):
            if i:
                time.sleep(key_gap)
            t_last = self.change(doc, line, col, delete, insert)
            if self.pull:
                if last_rid is not None:
                    self.client.notify("$/cancelRequest", {"id": last_rid})
                last_rid, _ = self.pull_request(doc)
        if self.pull:
            # earlier (cancelled) requests may still answer; only the last one counts
            t, _ = self.pull_wait(doc, last_rid)
            return (t - t_last) * 1000
        if self.versioned is False:
            # no versions: take the last publish once the server has been quiet for 300 ms
            t, _ = self.push_wait(doc, t_last, doc.version)
            while True:
                time.sleep(0.3)
                later = self.client.notes_since(
                    t, lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("uri") == doc.uri
                )
                if not later:
                    return (t - t_last) * 1000
                t = later[-1][0]
        t, _ = self.push_wait(doc, t_last, doc.version)
        return (t - t_last) * 1000

    def close(self) -> dict[str, int]:
        st = self.client.proc_status()
        self.client.shutdown()
        return st


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------


def fetch_django(work: Path, version: str) -> Path:
    dl = work / "download"
    src = work / "src"
    existing = sorted(src.glob("[Dd]jango-*")) if src.exists() else []
    if existing:
        return existing[0]
    dl.mkdir(parents=True, exist_ok=True)
    last = None
    for spec in ([f"django=={version}"] if version else []) + ["django"]:
        log(f"pip download {spec} (sdist)")
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-d", str(dl), "--quiet", spec]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode == 0:
            break
        last = p.stderr.strip()
    else:
        raise SystemExit(f"could not download Django: {last}")
    archives = sorted(dl.glob("*.tar.gz")) + sorted(dl.glob("*.zip"))
    if not archives:
        raise SystemExit(f"pip download left no source archive in {dl}")
    src.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archives[0]) as tf:
        tf.extractall(src, filter="data")
    tops = sorted(p for p in src.iterdir() if p.is_dir())
    log(f"extracted {archives[0].name} -> {tops[0]}")
    return tops[0]


def real_file(django: Path) -> tuple[Path, str]:
    p = django / REAL_FILE
    if p.is_file():
        return p, REAL_FILE
    cands = sorted(django.glob("tests/**/tests.py"), key=lambda q: q.stat().st_size, reverse=True)
    if not cands:
        raise SystemExit(f"{django} has no tests/**/tests.py")
    rel = str(cands[0].relative_to(django))
    log(f"{REAL_FILE} missing from the sdist; using the largest tests.py instead: {rel}")
    return cands[0], rel


def rss_files(django: Path, n: int, pick: str) -> list[Path]:
    """n real modules. "largest": the n/2 largest under tests/ and under django/ (the heavy end of
    what an editor keeps open). "spread": n modules at evenly spaced size ranks among all modules
    of 20+ lines under tests/ and django/ (a typical mix, median-sized)."""
    out: list[Path] = []
    if pick == "largest":
        for sub, k in (("tests", n // 2), ("django", n - n // 2)):
            files = [p for p in (django / sub).rglob("*.py") if p.is_file()]
            files.sort(key=lambda p: (-p.stat().st_size, str(p)))
            out += files[:k]
        return out
    files = [p for sub in ("tests", "django") for p in (django / sub).rglob("*.py") if p.is_file()]
    files = [p for p in files if p.read_bytes().count(b"\n") >= 20]
    files.sort(key=lambda p: (p.stat().st_size, str(p)))
    if len(files) <= n:
        return files
    return [files[round(i * (len(files) - 1) / (n - 1))] for i in range(n)]


SQL_TABLES = ["users", "orders", "invoices", "accounts", "sessions", "audit_log", "products", "payments"]
COLUMNS = ["id", "name", "email", "status", "created_at", "amount", "owner_id", "token"]
VERBS = ["load", "fetch", "sync", "update", "export", "import", "render", "check", "build", "purge"]
NOUNS = ["user", "order", "invoice", "report", "session", "backup", "profile", "record", "batch", "item"]
CMDS = ["git", "tar", "rsync", "convert", "ffmpeg", "pg_dump", "ls", "du"]


def synth_python(lines: int, seed: int = 1234) -> str:
    """Deterministic realistic-looking Python: functions with SQL execute calls (parameterized and
    formatted), f-strings, subprocess calls, classes with methods, loops, try/except."""
    rng = random.Random(seed)
    out = [
        '"""Synthetic module for the LSP latency benchmark (generated, deterministic)."""',
        "",
        "import json",
        "import logging",
        "import os",
        "import sqlite3",
        "import subprocess",
        "from dataclasses import dataclass",
        "",
        "log = logging.getLogger(__name__)",
        'DB_PATH = os.environ.get("APP_DB", "app.db")',
        "",
        "",
    ]
    counter = 0

    def name() -> str:
        nonlocal counter
        counter += 1
        return f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}_{counter}"

    def body(indent: str, self_ref: bool) -> list[str]:
        b: list[str] = []
        table, col = rng.choice(SQL_TABLES), rng.choice(COLUMNS)
        conn = "self.conn" if self_ref else "sqlite3.connect(DB_PATH)"
        b.append(f"{indent}conn = {conn}")
        b.append(f"{indent}cursor = conn.cursor()")
        kind = rng.randrange(6)
        if kind == 0:
            b.append(f'{indent}cursor.execute(f"SELECT {col} FROM {table} WHERE id = {{item_id}}")')
        elif kind == 1:
            b.append(f'{indent}cursor.execute("SELECT {col} FROM {table} WHERE id = ?", (item_id,))')
        elif kind == 2:
            b.append(f'{indent}query = "UPDATE {table} SET {col} = \'%s\' WHERE id = %d" % (value, item_id)')
            b.append(f"{indent}cursor.execute(query)")
        elif kind == 3:
            b.append(f'{indent}cursor.execute("DELETE FROM {table} WHERE {col} = " + str(value))')
        else:
            b.append(f'{indent}cursor.execute("SELECT * FROM {table} WHERE {col} = ? LIMIT ?", (value, limit))')
        b.append(f"{indent}rows = cursor.fetchall()")
        b.append(f"{indent}result = []")
        b.append(f"{indent}for row in rows:")
        b.append(f"{indent}    if row and row[0] is not None:")
        b.append(f'{indent}        result.append({{"{col}": row[0], "label": f"{{row[0]}}-{{item_id}}"}})')
        b.append(f"{indent}    else:")
        b.append(f'{indent}        log.debug("skipping empty row for %s", item_id)')
        if rng.random() < 0.5:
            cmd = rng.choice(CMDS)
            b.append(f"{indent}try:")
            if rng.random() < 0.4:
                b.append(f'{indent}    out = subprocess.run(f"{cmd} {{value}}", shell=True, capture_output=True)')
            else:
                b.append(f'{indent}    out = subprocess.run(["{cmd}", str(value)], capture_output=True, check=False)')
            b.append(f"{indent}    log.info(\"%s exited %d\", \"{cmd}\", out.returncode)")
            b.append(f"{indent}except OSError as exc:")
            b.append(f'{indent}    log.warning(f"{cmd} failed: {{exc}}")')
        if rng.random() < 0.3:
            b.append(f'{indent}payload = json.dumps({{"count": len(result), "table": "{table}"}})')
            b.append(f'{indent}log.info(f"exported {{len(result)}} rows: {{payload}}")')
        if rng.random() < 0.2:
            b.append(f"{indent}assert result is not None")
        b.append(f"{indent}conn.commit()")
        b.append(f"{indent}return result")
        return b

    while len(out) < lines:
        if rng.random() < 0.35:
            cls = f"{rng.choice(NOUNS).capitalize()}Repository{counter}"
            block = [f"class {cls}:", f'    """Data access for {cls}."""', "", "    def __init__(self, conn):"]
            block += ["        self.conn = conn", "        self.cache = {}", ""]
            for _ in range(rng.randint(2, 4)):
                block.append(f"    def {name()}(self, item_id, value=None, limit=100):")
                block += body("        ", True)
                block.append("")
            block.pop()
        else:
            block = [f"def {name()}(item_id, value=None, limit=100):", f'    """{rng.choice(VERBS).capitalize()} things."""']
            block += body("    ", False)
        out += block + ["", ""]
    text = "\n".join(out[:lines]).rstrip() + "\n"
    ast.parse(text)  # trimming can cut a block: make sure it still parses
    return text


def edit_site(text: str) -> tuple[int, int]:
    """(line, col) inside a function body near the middle of the file: just after the first
    character of an assignment target, so typing there keeps the file valid Python."""
    tree = ast.parse(text)
    lines = text.split("\n")
    mid = len(lines) // 2
    best = None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for st in ast.walk(node):
                if (
                    isinstance(st, ast.Assign)
                    and len(st.targets) == 1
                    and isinstance(st.targets[0], ast.Name)
                    and len(st.targets[0].id) >= 2
                ):
                    ln = st.lineno - 1
                    if not lines[ln].isascii():
                        continue
                    d = abs(ln - mid)
                    if best is None or d < best[0]:
                        best = (d, ln, st.targets[0].col_offset + 1)
    if best is None:
        raise SystemExit("no assignment inside a function to edit")
    return best[1], best[2]


# --------------------------------------------------------------------------------------------
# Benchmark
# --------------------------------------------------------------------------------------------


def pct(xs: list[float], q: float) -> float:
    if not xs:
        return float("nan")
    if len(xs) == 1:
        return xs[0]
    return statistics.quantiles(xs, n=100, method="inclusive")[int(q) - 1]


def summarize(xs: list[float]) -> dict:
    return {
        "n": len(xs),
        "p50": pct(xs, 50),
        "p95": pct(xs, 95),
        "max": max(xs) if xs else float("nan"),
        "mean": statistics.fmean(xs) if xs else float("nan"),
    }


def run_file_mode(servers: dict[str, list[str]], root: Path, logdir: Path, fname: str, text: str, pull: bool, args) -> dict:
    mode = "pull" if pull else "push"
    path = root / fname
    line, col = edit_site(text)
    res: dict = {"file": fname, "mode": mode, "edit_line": line + 1, "edit_col": col, "servers": {}}
    res["edit_text"] = text.split("\n")[line].strip()
    sessions: dict[str, Session] = {}
    docs: dict[str, Doc] = {}
    for name, cmd in servers.items():
        r = res["servers"][name] = {}
        try:
            s = Session(name, cmd, root, pull, logdir, args.timeout, f"{Path(fname).stem}-{mode}", args.init.get(name))
        except (LspError, TimeoutError, OSError) as e:
            r["error"] = f"start failed: {e}"
            log(f"{name}: {r['error']}")
            continue
        r["server_info"] = s.server_info
        r["sync"] = {0: "none", 1: "full", 2: "incremental"}.get(s.sync, str(s.sync))
        r["pull_supported"] = s.has_pull
        if not s.mode_ok:
            r["error"] = "server announces no diagnosticProvider: pull mode n/a"
            log(f"{name} {fname} {mode}: {r['error']}")
            r["rss_kib"] = s.close()
            continue
        sessions[name] = s
    # open and wait for the first diagnostics, one server at a time
    for name, s in list(sessions.items()):
        d = docs[name] = Doc(path, text)
        try:
            t0 = s.open(d)
            r = res["servers"][name]
            r["open_ms"], r["diagnostics"] = s.diagnostics_after_open(d, t0)
            codes: dict[str, int] = {}
            for dg in s.last_diags:
                c = str(dg.get("code", "?"))
                codes[c] = codes.get(c, 0) + 1
            r["codes"] = dict(sorted(codes.items(), key=lambda kv: -kv[1]))
        except (LspError, TimeoutError) as e:
            res["servers"][name]["error"] = f"open: {e}"
            log(f"{name} {fname} {mode}: open: {e}")
            res["servers"][name]["rss_kib"] = s.close()
            del sessions[name]
    time.sleep(args.gap_ms / 1000)
    lat: dict[str, list[float]] = {n: [] for n in sessions}
    counts: dict[str, set] = {n: set() for n in sessions}
    names = list(sessions)
    for i in range(args.edits):
        insert = i % 2 == 0
        order = names if i % 2 == 0 else names[::-1]
        for name in order:
            if name not in sessions:
                continue
            s = sessions[name]
            try:
                ms, n = s.measure_edit(docs[name], line, col, 0 if insert else 1, "x" if insert else "")
            except (LspError, TimeoutError) as e:
                res["servers"][name]["error"] = f"edit {i}: {e}"
                log(f"{name} {fname} {mode}: edit {i}: {e}")
                res["servers"][name]["rss_kib"] = s.close()
                del sessions[name]
                continue
            lat[name].append(ms)
            counts[name].add(n)
            time.sleep(args.gap_ms / 1000)
    burst: dict[str, list[float]] = {n: [] for n in sessions}
    if args.bursts:
        w = BURST_WORD
        typing = [(line, col + k, 0, w[k]) for k in range(len(w))]
        erasing = [(line, col + k, 1, "") for k in reversed(range(len(w)))]
        for b in range(args.bursts):
            order = names if b % 2 == 0 else names[::-1]
            for name in order:
                if name not in sessions:
                    continue
                s = sessions[name]
                try:
                    ms = s.measure_burst(docs[name], typing if b % 2 == 0 else erasing, args.key_gap_ms / 1000)
                except (LspError, TimeoutError) as e:
                    res["servers"][name]["error"] = f"burst {b}: {e}"
                    log(f"{name} {fname} {mode}: burst {b}: {e}")
                    res["servers"][name]["rss_kib"] = s.close()
                    del sessions[name]
                    continue
                burst[name].append(ms)
                time.sleep(max(args.gap_ms, 100) / 1000)
        if args.bursts % 2:  # leave the file as it was
            for name, s in sessions.items():
                for k in erasing:
                    s.change(docs[name], *k)
    for name, s in sessions.items():
        r = res["servers"][name]
        r["edit_ms"] = summarize(lat[name])
        r["edit_samples_ms"] = [round(x, 3) for x in lat[name]]
        r["diagnostics_after_edits"] = sorted(c for c in counts[name] if c is not None)
        if burst[name]:
            r["burst_ms"] = summarize(burst[name])
            r["burst_samples_ms"] = [round(x, 3) for x in burst[name]]
        r["versioned_push"] = s.versioned
        r["server_requests"] = s.client.server_requests
        r["rss_kib"] = s.close()
    return res


def run_rss(servers: dict[str, list[str]], root: Path, logdir: Path, files: list[Path], args) -> dict:
    """Open all files in one push-client session per server; VmHWM once every file has its
    diagnostics (or after the timeout)."""
    out: dict = {}
    for name, cmd in servers.items():
        r = out[name] = {}
        try:
            s = Session(name, cmd, root, False, logdir, args.timeout, "rss", args.init.get(name))
        except (LspError, TimeoutError, OSError) as e:
            r["error"] = f"start failed: {e}"
            continue
        r["idle_kib"] = s.client.proc_status()
        docs = [Doc(p, p.read_text(encoding="utf-8", errors="replace")) for p in files]
        t0 = time.perf_counter()
        deadline = time.perf_counter() + args.timeout
        for d in docs:
            s.open(d)
            if args.rss_open == "serial":  # one file at a time: steady state, not the open storm
                try:
                    s.push_wait(d, t0, d.version)
                except (TimeoutError, LspError):
                    pass
        pending = {d.uri for d in docs}
        ndiag = 0
        while pending and time.perf_counter() < deadline:
            try:
                _, msg = s.client.wait_note(
                    lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("uri") in pending,
                    t0,
                    max(0.1, deadline - time.perf_counter()),
                )
            except (TimeoutError, LspError) as e:
                r["error"] = f"{len(pending)} of {len(docs)} files without diagnostics: {e}"
                break
            pending.discard(msg["params"]["uri"])
            ndiag += len(msg["params"].get("diagnostics", []))
        r["all_diagnostics_s"] = time.perf_counter() - t0 if not pending else None
        r["files_with_diagnostics"] = len(docs) - len(pending)
        r["diagnostics"] = ndiag
        if pending and s.has_pull:  # a pull-only server: ask for each file
            for d in docs:
                rid, _ = s.pull_request(d)
                try:
                    s.pull_wait(d, rid)
                    pending.discard(d.uri)
                except (TimeoutError, LspError):
                    pass
            r["pulled"] = True
            r["files_with_diagnostics"] = len(docs) - len(pending)
        time.sleep(0.5)
        r["final_kib"] = s.close()
    return out


def ruff_exe(args, work: Path) -> str | None:
    if args.ruff:
        return args.ruff
    found = shutil.which("ruff")
    if found:
        return found
    vbin = work / "ruff-venv" / "bin"
    if not (vbin / "ruff").exists():
        log("installing ruff into a venv")
        subprocess.run([sys.executable, "-m", "venv", str(work / "ruff-venv")], check=True)
        p = subprocess.run(
            [str(vbin / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "ruff"],
            capture_output=True,
            text=True,
        )
        if p.returncode != 0:
            log(f"pip install ruff failed: {p.stderr.strip()[-300:]}")
            return None
    return str(vbin / "ruff")


def assay_cmd(args, work: Path) -> list[str]:
    if args.server_cmd:
        cmd = shlex.split(args.server_cmd)
        exe = Path(cmd[0])
        if not exe.is_absolute() and (REPO / exe).exists():
            cmd[0] = str(REPO / exe)
        return cmd
    if not args.no_build:
        log("cargo build --release")
        if subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO).returncode != 0:
            raise SystemExit("cargo build --release failed (use --no-build / --server-cmd)")
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    if not target.is_absolute():
        target = REPO / target
    src = target / "release" / "assay"
    if not src.exists():
        raise SystemExit(f"{src} missing")
    dst = work / "assay"  # a private copy: a concurrent rebuild cannot swap it mid-run
    shutil.copy2(src, dst)
    return [str(dst), "lsp"]


def fmt(x) -> str:
    if x is None or (isinstance(x, float) and x != x):
        return "-"
    return f"{x:.1f}" if x < 100 else f"{x:.0f}"


def print_tables(results: dict, names: list[str]) -> None:
    a, b = (names + [None, None])[:2]
    print()
    print(f"## Edit -> diagnostics latency (ms), {results['edits']} serial edits each"
          + (f", {results['bursts']} bursts of {len(BURST_WORD)} keys {results['key_gap_ms']} ms apart" if results["bursts"] else ""))
    print()
    head = "| file | lines | mode | kind |"
    for n in names:
        head += f" {n} open | {n} p50 | {n} p95 | {n} max |"
    if b:
        head += f" p50 {a}/{b} | p95 {a}/{b} |"
    print(head)
    print("|" + " --- |" * (head.count("|") - 1))
    for fr in results["files"]:
        for kind, key in (("edit", "edit_ms"), ("burst", "burst_ms")):
            if kind == "burst" and not results["bursts"]:
                continue
            row = f"| {fr['file']} | {fr['lines']} | {fr['mode']} | {kind} |"
            stats = {}
            for n in names:
                r = fr["servers"].get(n, {})
                st = r.get(key)
                stats[n] = st
                if st is None:
                    err = r.get("error", "n/a")
                    row += f" {fmt(r.get('open_ms')) if kind == 'edit' else ''} | {'n/a' if 'n/a' in err else 'error'} | | |"
                else:
                    row += f" {fmt(r.get('open_ms')) if kind == 'edit' else ''} | {fmt(st['p50'])} | {fmt(st['p95'])} | {fmt(st['max'])} |"
            if b:
                if stats.get(a) and stats.get(b):
                    row += f" {stats[a]['p50'] / stats[b]['p50']:.2f} | {stats[a]['p95'] / stats[b]['p95']:.2f} |"
                else:
                    row += " - | - |"
            print(row)
    print()
    print("Diagnostics per file (after open; after edits):")
    for fr in results["files"]:
        parts = []
        for n in names:
            r = fr["servers"].get(n, {})
            parts.append(f"{n}={r.get('diagnostics', '-')};{r.get('diagnostics_after_edits', '-')}")
        print(f"  {fr['file']} {fr['mode']}: " + "  ".join(parts))
    for fr in results["files"]:
        if fr["mode"] != results["files"][0]["mode"]:
            continue
        print(f"  {fr['file']} edited at line {fr['edit_line']} col {fr['edit_col']}: {fr['edit_text']!r}")
        for n in names:
            top = list(fr["servers"].get(n, {}).get("codes", {}).items())[:6]
            print(f"    {n} top codes: " + ", ".join(f"{c} {k}" for c, k in top))
    for rss in results.get("rss", []):
        print()
        print(
            f"## Peak RSS, {rss['files']} Django modules open ({rss['pick']}: {rss['lines']} lines, "
            f"{rss['bytes'] / 1e6:.1f} MB), push client, opened {rss['open']}"
        )
        print()
        print("| server | idle MiB | peak (VmHWM) MiB | RSS at end MiB | children peak MiB | files with diags | all diags ms | diagnostics |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for n in names:
            r = rss["servers"].get(n, {})
            fk = r.get("final_kib", {})
            ik = r.get("idle_kib", {})
            mib = lambda k: fmt(k / 1024) if k else "-"  # noqa: E731
            print(
                f"| {n} | {mib(ik.get('VmHWM'))} | {mib(fk.get('VmHWM'))} | {mib(fk.get('VmRSS'))} | {mib(fk.get('ChildrenHWM'))} "
                f"| {r.get('files_with_diagnostics', '-')} | {fmt(r['all_diagnostics_s'] * 1000) if r.get('all_diagnostics_s') is not None else '-'} | {r.get('diagnostics', '-')} |"
            )
            if r.get("error"):
                print(f"|   {n} error: {r['error']} |")
    print()
    print("Peak RSS of each latency session (MiB): " + "; ".join(
        f"{fr['file']} {fr['mode']}: " + ", ".join(
            f"{n} {fmt(fr['servers'].get(n, {}).get('rss_kib', {}).get('VmHWM', 0) / 1024)}" for n in names
        )
        for fr in results["files"]
    ))


def print_targets(results: dict, names: list[str]) -> None:
    if "assay" not in names or "ruff" not in names:
        return
    print()
    print("## Targets")
    for fr in results["files"]:
        if not (fr["kind"] == "real" or fr["lines"] == 2000):
            continue
        a, r = fr["servers"].get("assay", {}).get("edit_ms"), fr["servers"].get("ruff", {}).get("edit_ms")
        if a and r:
            ok = a["p95"] <= r["p95"]
            print(f"- p95 {fr['file']} {fr['mode']}: assay {fmt(a['p95'])} ms vs ruff {fmt(r['p95'])} ms -> {'MET' if ok else 'MISSED'}")
        else:
            print(f"- p95 {fr['file']} {fr['mode']}: not measured")
    for rss in results.get("rss", []):
        kib = rss["servers"].get("assay", {}).get("final_kib", {}).get("VmHWM")
        if kib:
            mib = kib / 1024
            print(
                f"- assay peak RSS with {rss['files']} files open ({rss['pick']}): {mib:.1f} MiB vs {TARGET_RSS_MIB:.0f} MiB"
                f" -> {'MET' if mib < TARGET_RSS_MIB else 'MISSED'}"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--servers", default="assay,ruff", help="comma list of assay,ruff (default both)")
    ap.add_argument("--server-cmd", help="assay's command (default: target/release/assay lsp, built first)")
    ap.add_argument("--extra-server", action="append", default=[], metavar="NAME=COMMAND",
                    help="another LSP server in the same interleaved run, e.g. an older assay build "
                    "(assay-base=/tmp/assay-old lsp); names starting with assay get --assay-init")
    ap.add_argument("--no-build", action="store_true", help="do not run cargo build --release")
    ap.add_argument("--assay-init", default="{}", help='initializationOptions for assay as JSON, e.g. \'{"debounceMs": 0}\'')
    ap.add_argument("--ruff", help="ruff executable (default: PATH, else a venv in the work dir)")
    ap.add_argument("--django-dir", help="an extracted Django source tree (default: reuse or pip download)")
    ap.add_argument("--django-version", default=DEFAULT_DJANGO)
    ap.add_argument("--edits", type=int, default=60, help="serial edits per file and mode (default 60)")
    ap.add_argument("--bursts", type=int, default=10, help="burst-typing rounds per file and mode (0: off)")
    ap.add_argument("--key-gap-ms", type=float, default=30.0, help="time between keys in a burst")
    ap.add_argument("--gap-ms", type=float, default=50.0, help="pause after each measured edit")
    ap.add_argument("--modes", default="push,pull")
    ap.add_argument("--sizes", default="2000,20000", help="synthetic file sizes in lines")
    ap.add_argument("--no-real", action="store_true", help="skip the Django file")
    ap.add_argument("--rss-files", type=int, default=50, help="files open for the RSS run (0: skip)")
    ap.add_argument("--rss-pick", default="largest,spread",
                    help="which modules the RSS runs open: largest (heavy end), spread (typical mix), or both")
    ap.add_argument("--rss-open", choices=["all", "serial"], default="all",
                    help="RSS run: open all files at once (an editor restoring a session; default) or one by one")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds to wait for any one answer")
    ap.add_argument("--workdir", help="work dir to use and keep (default: a temp dir, deleted)")
    ap.add_argument("--keep", action="store_true", help="keep the temp work dir")
    ap.add_argument("--json", help="write all numbers (and samples) here")
    args = ap.parse_args()
    args.init = {"assay": json.loads(args.assay_init)}

    if args.workdir:
        work = Path(args.workdir).resolve()
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="assay-lsp-bench-"))
    try:
        return bench(args, work)
    finally:
        if not args.workdir and not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"work dir kept: {work}")


def bench(args, work: Path) -> int:
    wanted = [s.strip() for s in args.servers.split(",") if s.strip()]
    servers: dict[str, list[str]] = {}
    if "assay" in wanted:
        servers["assay"] = assay_cmd(args, work)
    if "ruff" in wanted:
        exe = ruff_exe(args, work)
        if exe:
            servers["ruff"] = [exe, "server"]
    for spec in args.extra_server:
        name, _, cmd = spec.partition("=")
        if not cmd or name in servers:
            raise SystemExit(f"--extra-server wants a new NAME=COMMAND, got {spec!r}")
        servers[name] = shlex.split(cmd)
        args.init.setdefault(name, args.init.get("assay") if name.startswith("assay") else None)
    if not servers:
        raise SystemExit("no server to run")
    names = list(servers)

    if args.django_dir:
        django = Path(args.django_dir).resolve()
    elif SHARED_DJANGO.is_dir():
        django = SHARED_DJANGO
        log(f"reusing {django}")
    else:
        django = fetch_django(work, args.django_version)

    root = work / "ws"  # workspace: the benchmark files and a ruff.toml selecting S rules
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "ruff.toml").write_text(RUFF_TOML)
    logdir = work / "logs"
    logdir.mkdir(exist_ok=True)

    inputs: list[tuple[str, str, str]] = []  # (kind, file name, text)
    real_rel = None
    if not args.no_real:
        p, real_rel = real_file(django)
        inputs.append(("real", "django_" + real_rel.replace("/", "_"), p.read_text(encoding="utf-8")))
    for n in (int(x) for x in args.sizes.split(",") if x.strip()):
        inputs.append(("synthetic", f"synth_{n}.py", synth_python(n)))
    for _, fname, text in inputs:
        (root / fname).write_text(text, encoding="utf-8")

    versions = {}
    if "ruff" in servers:
        versions["ruff"] = subprocess.run([servers["ruff"][0], "--version"], capture_output=True, text=True).stdout.strip()
    if "assay" in servers:
        versions["assay"] = subprocess.run([servers["assay"][0], "--version"], capture_output=True, text=True).stdout.strip()
        p = subprocess.run([servers["assay"][0], "rules", "--format", "json"], capture_output=True, text=True)
        try:
            rules = json.loads(p.stdout)
            versions["assay_rules"] = len(rules if isinstance(rules, list) else rules.get("rules", []))
        except ValueError:
            pass
    results: dict = {
        "django": str(django),
        "real_file": real_rel,
        "edits": args.edits,
        "bursts": args.bursts,
        "key_gap_ms": args.key_gap_ms,
        "gap_ms": args.gap_ms,
        "commands": {n: shlex.join(c) for n, c in servers.items()},
        "init_options": {n: args.init[n] for n in servers if args.init.get(n)},
        "versions": versions,
        "cpus": os.cpu_count(),
        "loadavg_start": os.getloadavg(),
        "files": [],
    }
    log(f"servers: {results['commands']}  versions: {versions}")
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    for kind, fname, text in inputs:
        for mode in modes:
            log(f"{fname} ({text.count(chr(10))} lines) {mode}")
            fr = run_file_mode(servers, root, logdir, fname, text, mode == "pull", args)
            fr["kind"] = kind
            fr["lines"] = text.count("\n")
            results["files"].append(fr)
            for n in names:
                r = fr["servers"].get(n, {})
                if "edit_ms" in r:
                    e = r["edit_ms"]
                    log(f"  {n}: open {fmt(r.get('open_ms'))} ms, edit p50 {fmt(e['p50'])} p95 {fmt(e['p95'])} max {fmt(e['max'])}"
                        + (f", burst p95 {fmt(r['burst_ms']['p95'])}" if "burst_ms" in r else ""))

    results["rss"] = []
    for pick in [p.strip() for p in args.rss_pick.split(",") if p.strip()] if args.rss_files else []:
        files = rss_files(django, args.rss_files, pick)
        rroot = work / f"ws-rss-{pick}"
        if rroot.exists():
            shutil.rmtree(rroot)
        rroot.mkdir()
        (rroot / "ruff.toml").write_text(RUFF_TOML)
        copies = []
        for i, p in enumerate(files):
            dst = rroot / f"m{i:02d}_{p.parent.name}_{p.name}"
            shutil.copyfile(p, dst)
            copies.append(dst)
        log(f"RSS: {len(copies)} files ({pick})")
        results["rss"].append({
            "pick": pick,
            "files": len(copies),
            "open": "all at once" if args.rss_open == "all" else "one by one",
            "sources": [str(p.relative_to(django)) for p in files],
            "lines": sum(p.read_bytes().count(b"\n") for p in copies),
            "bytes": sum(p.stat().st_size for p in copies),
            "servers": run_rss(servers, rroot, logdir, copies, args),
        })
    results["loadavg_end"] = os.getloadavg()

    cmds = ", ".join(f"{n}: {results['commands'][n]}" for n in names)
    print(f"# LSP benchmark: {cmds}")
    print(f"versions: {versions}; {results['cpus']} CPUs; load avg start {results['loadavg_start'][0]:.2f}, end {results['loadavg_end'][0]:.2f}")
    if real_rel:
        print(f"real file: Django {real_rel} from {django}")
    for n in names:
        rs = [fr["servers"][n] for fr in results["files"] if "sync" in fr["servers"].get(n, {})]
        pulls = {fr["mode"]: fr["servers"][n].get("pull_supported") for fr in results["files"] if "sync" in fr["servers"].get(n, {})}
        pv = next((fr["servers"][n].get("versioned_push") for fr in results["files"] if fr["mode"] == "push" and n in fr["servers"]), None)
        r0 = rs[0] if rs else {}
        print(
            f"{n}: sync={r0.get('sync')} diagnosticProvider to a push client={pulls.get('push')}, to a pull client={pulls.get('pull')};"
            f" push carries version={pv}; server={r0.get('server_info')}; initializationOptions={results['init_options'].get(n, {})}"
        )
    print_tables(results, names)
    print_targets(results, names)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str))
        log(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
