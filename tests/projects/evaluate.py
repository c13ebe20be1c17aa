#!/usr/bin/env python3
"""Measure how well assay's rules generalize to realistic, hand-labelled projects.

The projects under tests/projects/ are small apps of the kind an AI assistant writes. Every planted
mistake carries an `expect` marker and every deliberately safe lookalike a `safe` marker:

    cur.execute(query)  # expect: sql-injection
    # expect: tls-disabled            (a marker alone on a line applies to the next code line)
    let id = q.parse()?; // safe: parsed with ?, no panic

The script runs assay on a copy of each project in a temporary folder outside the repository, with
the marker comments removed (line numbers and code columns unchanged): markers would otherwise feed
comment-based rules (placeholder detection reads comments), and paths under tests/ may be treated as
test code. `--raw` checks the projects in place instead. It matches findings to the markers and
prints recall, false alarms (findings on `safe` lines), findings on unmarked lines (for triage),
per-category numbers and the full list of misses and false alarms. It is a measurement, not a
test: it always exits 0.

    python3 tests/projects/evaluate.py                       # uses target/debug/assay
    ASSAY_QUERIES_DIR=queries python3 tests/projects/evaluate.py   # current rule files, no rebuild
    python3 tests/projects/evaluate.py --assay PATH --json OUT.json

Matching (a finding spans start..end lines):
  1. a marker on the finding's start line wins;
  2. otherwise the first `expect` marker inside the finding's span (a call spanning several lines);
  3. otherwise a marker on a block-opening line (`def f():`, `except:`, `fn f() {`, `if .. {`) whose
     block (at most BLOCK_MAX lines) contains the start line -- so `def is_admin(u):  # expect:
     auth-stub` matches a finding on its `return True`;
  4. otherwise a `safe` marker inside a short span;
  5. if that gives no marker, or a planted marker of an unrelated category, a planted marker of a
     related category within NEAR lines is taken instead ("nearby": some rules report the source of
     a mistake, e.g. the constant nonce, others the sink, e.g. the encrypt call);
  otherwise the finding is "unmarked".
A planted mistake counts as found when at least one finding matches its marker; "related" recall
counts only findings by a rule of the marker's category (catalog id or id keyword, see CATALOG and
HINTS). Found-only-nearby, found-only-by-an-unrelated-rule, and unrelated findings on planted lines
(possible false alarms) are listed separately.
Stdlib only.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_PROJECTS = ["py_webapp", "rs_service", "llm_app"]
SOURCE_SUFFIXES = {".py", ".rs", ".toml", ".txt", ".cfg"}
BLOCK_MAX = 12
SAFE_SPAN_MAX = 10
NEAR = 3

# Short ground-truth categories -> catalog rule ids (rule-catalog.md, groups A, B, E) per language.
# Used to judge whether the rule that matched a marker is a related one, and to report which
# catalog rules for the planted categories are not loaded at all.
CATALOG = {
    "sql-injection": {"py": ["py-sql-string-format", "py-orm-raw-sql-format"], "rs": ["rs-sql-format"]},
    "command-injection": {"py": ["py-subprocess-shell-true", "py-os-system-popen"], "rs": ["rs-command-shell-format"]},
    "eval": {"py": ["py-eval-exec-dynamic"]},
    "deserialization": {"py": ["py-pickle-untrusted", "py-yaml-unsafe-load"]},
    "weak-hash": {"py": ["py-weak-password-hash"], "rs": ["rs-weak-password-hash"]},
    "weak-random": {"py": ["py-insecure-random-secret"], "rs": ["rs-weak-or-seeded-rng"]},
    "ecb": {"py": ["py-weak-cipher-mode"]},
    "cbc-no-mac": {"py": ["py-weak-cipher-mode"]},
    "static-iv": {"py": ["py-static-iv-nonce"]},
    "static-nonce": {"rs": ["rs-aead-constant-nonce"]},
    "weak-rsa": {"py": ["py-weak-rsa-key"]},
    "path-traversal": {"py": ["py-path-traversal-open"], "rs": ["rs-path-join-untrusted"]},
    "archive": {"py": ["py-archive-extractall"]},
    "xss": {"py": ["py-xss-unescaped-html"]},
    "ssti": {"py": ["py-ssti-template-string"]},
    "ssrf": {"py": ["py-ssrf-user-url"], "rs": []},  # no Rust SSRF rule in the catalog (assay has rs-ssrf-user-url)
    "open-redirect": {"py": ["py-open-redirect"]},
    "xxe": {"py": ["py-xxe-unsafe-parser"]},
    "debug": {"py": ["py-debug-server-exposed"]},
    "permissions": {"py": ["py-insecure-file-permissions"]},
    "tempfile": {"py": ["py-insecure-tempfile"], "rs": ["rs-predictable-temp-file"]},
    "cookie": {"py": ["py-cookie-insecure-flags"]},
    "plaintext-password": {"py": ["py-plaintext-password"]},
    "timing-compare": {"py": ["py-non-constant-time-compare"], "rs": ["rs-non-constant-time-compare"]},
    "placeholder": {"py": ["any-todo-security-placeholder"], "rs": ["rs-placeholder-macro", "any-todo-security-placeholder"]},
    "auth-stub": {"py": ["py-auth-stub-always-true"], "rs": ["rs-auth-stub-always-true"]},
    "swallowed-exception": {"py": ["py-swallowed-exception"]},
    "fail-open": {"py": ["py-fail-open-except"]},
    "hallucinated-import": {"py": ["py-undeclared-import", "py-typosquat-import"], "rs": ["rs-undeclared-crate", "rs-typosquat-crate"]},
    "unpinned-dependency": {"py": ["any-unpinned-dependency"], "rs": ["any-unpinned-dependency"]},
    "runtime-install": {"py": ["py-runtime-package-install"]},
    "obsolete-tls": {"py": ["py-obsolete-insecure-api"]},
    "tls-disabled": {"py": ["py-tls-verification-disabled"], "rs": ["rs-tls-verification-disabled"]},
    "ssh-hostkey": {"py": ["py-ssh-autoadd-hostkey"]},
    "jwt": {"py": ["py-jwt-verification-disabled"], "rs": ["rs-jwt-validation-disabled"]},
    "csrf": {"py": ["py-csrf-protection-disabled"]},
    "cors": {"py": ["py-cors-wildcard-credentials"], "rs": ["rs-permissive-cors"]},
    "assert": {"py": ["py-assert-as-security-check"]},
    "deprecated-api": {"py": ["py-deprecated-llm-sdk-api"]},
    "unsafe": {"rs": ["rs-unsafe-without-safety-comment"]},
    "transmute": {"rs": ["rs-transmute"]},
    "static-mut": {"rs": ["rs-static-mut"]},
    "utf8-unchecked": {"rs": ["rs-from-utf8-unchecked"]},
    "unchecked-memory": {"rs": ["rs-unchecked-memory-ops"]},
    "uninit": {"rs": ["rs-uninit-memory"]},
    "unsafe-send": {"rs": ["rs-unsafe-impl-send-sync"]},
    "unwrap": {"rs": ["rs-unwrap-on-untrusted-input"]},
    "ignored-result": {"rs": ["rs-ignored-result"]},
    "integer-cast": {"rs": ["rs-lossy-length-cast"]},
    "hardcoded-key": {"rs": ["rs-hardcoded-key-material"]},
    "suppression": {"py": ["any-security-check-suppressed"], "rs": ["any-security-check-suppressed"]},
    # Group C: LLM applications and ML supply chain.
    "llm-exec": {"py": ["py-llm-output-to-exec"]},
    "llm-shell": {"py": ["py-llm-output-to-shell"]},
    "llm-sql": {"py": ["py-llm-output-to-sql"]},
    "llm-html": {"py": ["py-llm-output-to-html"]},
    "llm-path": {"py": ["py-llm-output-to-path"]},
    "llm-url": {"py": ["py-llm-output-to-url"]},
    "prompt-injection": {"py": ["py-prompt-user-in-system-role", "py-prompt-untrusted-content-to-agent"]},
    "excessive-agency": {"py": ["py-langchain-python-repl-tool", "py-langchain-shell-tool", "py-langchain-allow-dangerous-code",
                                "py-langchain-allow-dangerous-requests", "py-agent-local-code-executor", "py-agent-file-write-tool"]},
    "unbounded-agent": {"py": ["py-agent-unbounded-execution"]},
    "trust-remote-code": {"py": ["py-hf-trust-remote-code"]},
    "unpinned-model": {"py": ["py-hf-unpinned-revision"]},
    "torch-load": {"py": ["py-torch-load-unsafe"]},
    "pickle-model": {"py": ["py-pickle-model-artifact", "py-pickle-load", "py-numpy-load-allow-pickle"]},
    "model-download": {"py": ["py-model-download-no-integrity"]},
}

# Substrings of rule ids that are also accepted as "related" (rules are free to use other ids).
HINTS = {
    "sql-injection": ["sql"], "command-injection": ["command", "shell", "system", "popen", "subprocess"],
    "eval": ["eval", "exec"], "deserialization": ["pickle", "yaml", "deserial", "numpy", "torch", "joblib"],
    "weak-hash": ["hash", "md5", "sha1"], "weak-random": ["random", "rng"], "ecb": ["ecb", "cipher"],
    "cbc-no-mac": ["cipher", "cbc", "unauthenticated"],
    "static-iv": ["iv", "nonce"], "static-nonce": ["nonce", "iv"], "weak-rsa": ["rsa", "key-size"],
    "path-traversal": ["path", "traversal", "send-file"], "archive": ["archive", "extract"],
    "xss": ["xss", "html", "markup", "autoescape"], "ssti": ["ssti", "template"], "ssrf": ["ssrf", "url"],
    "open-redirect": ["redirect"], "xxe": ["xxe", "xml"], "debug": ["debug"],
    "permissions": ["permission", "chmod", "umask"], "tempfile": ["temp"], "cookie": ["cookie"],
    "plaintext-password": ["plaintext", "password"], "timing-compare": ["constant-time", "timing"],
    "placeholder": ["placeholder", "todo", "stub", "unimplemented"], "auth-stub": ["auth", "stub"],
    "swallowed-exception": ["swallow", "except"], "fail-open": ["fail-open", "except"],
    "hallucinated-import": ["hallucinated", "undeclared", "typosquat", "import", "crate"],
    "unpinned-dependency": ["unpinned", "pin"], "runtime-install": ["install"],
    "obsolete-tls": ["ssl", "tls", "obsolete"], "tls-disabled": ["tls", "ssl", "cert"],
    "ssh-hostkey": ["ssh", "hostkey"], "jwt": ["jwt"], "csrf": ["csrf"], "cors": ["cors"],
    "assert": ["assert"], "deprecated-api": ["deprecated"], "unsafe": ["unsafe"],
    "transmute": ["transmute"], "static-mut": ["static-mut"], "utf8-unchecked": ["utf8"],
    "unchecked-memory": ["unchecked"], "uninit": ["uninit", "zeroed"], "unsafe-send": ["send", "sync"],
    "unwrap": ["unwrap", "panic"], "ignored-result": ["ignored", "result"],
    "integer-cast": ["cast", "integer"], "hardcoded-key": ["hardcoded", "key-material"],
    "suppression": ["suppress"],
    "llm-exec": ["llm-output"], "llm-shell": ["llm-output"], "llm-sql": ["llm-output"], "llm-html": ["llm-output"],
    "llm-path": ["llm-output"], "llm-url": ["llm-output"], "prompt-injection": ["prompt"],
    "excessive-agency": ["agent", "langchain"], "unbounded-agent": ["unbounded"], "trust-remote-code": ["trust-remote"],
    "unpinned-model": ["revision", "hf-"], "torch-load": ["torch"], "pickle-model": ["pickle", "deserial"],
    "model-download": ["download", "integrity"],
}

# Every rule of catalog groups A, B and E, to report which ones have no rule loaded yet.
CATALOG_ABE = {
    "A": ["py-sql-string-format", "py-orm-raw-sql-format", "py-subprocess-shell-true", "py-os-system-popen",
          "py-eval-exec-dynamic", "py-pickle-untrusted", "py-yaml-unsafe-load", "py-weak-password-hash",
          "py-insecure-random-secret", "py-weak-cipher-mode", "py-static-iv-nonce", "py-weak-rsa-key",
          "py-path-traversal-open", "py-archive-extractall", "py-xss-unescaped-html", "py-ssti-template-string",
          "py-ssrf-user-url", "py-open-redirect", "py-xxe-unsafe-parser", "py-debug-server-exposed",
          "py-insecure-file-permissions", "py-insecure-tempfile", "py-cookie-insecure-flags",
          "py-plaintext-password", "py-non-constant-time-compare"],
    "B": ["any-todo-security-placeholder", "any-demo-only-disclaimer", "py-auth-stub-always-true",
          "rs-auth-stub-always-true", "rs-placeholder-macro", "py-swallowed-exception", "py-fail-open-except",
          "rs-ignored-result", "py-undeclared-import", "py-typosquat-import", "rs-undeclared-crate", "rs-typosquat-crate", "any-suspicious-new-dependency",
          "any-unpinned-dependency", "py-runtime-package-install", "py-obsolete-insecure-api",
          "py-deprecated-llm-sdk-api", "py-tls-verification-disabled", "py-ssh-autoadd-hostkey",
          "py-jwt-verification-disabled", "py-csrf-protection-disabled", "py-cors-wildcard-credentials",
          "py-django-insecure-settings", "any-security-check-suppressed", "py-assert-as-security-check"],
    "E": ["rs-unsafe-without-safety-comment", "rs-transmute", "rs-static-mut", "rs-from-utf8-unchecked",
          "rs-unchecked-memory-ops", "rs-uninit-memory", "rs-command-shell-format", "rs-sql-format",
          "rs-tls-verification-disabled", "rs-unwrap-on-untrusted-input", "rs-weak-password-hash",
          "rs-weak-or-seeded-rng", "rs-aead-constant-nonce", "rs-hardcoded-key-material",
          "rs-jwt-validation-disabled", "rs-path-join-untrusted", "rs-permissive-cors",
          "rs-predictable-temp-file", "rs-non-constant-time-compare", "rs-unsafe-impl-send-sync",
          "rs-lossy-length-cast"],
}


# Loaded rule ids that implement a catalog rule under another id (or split an any- rule by language).
ALIASES = {
    "any-todo-security-placeholder": ["py-todo-security-placeholder", "rs-todo-security-placeholder"],
    "py-obsolete-insecure-api": ["py-insecure-ssl-protocol", "py-obsolete-insecure-module"],
    "any-security-check-suppressed": ["py-security-check-suppressed", "rs-lint-suppressed"],
    "rs-permissive-cors": ["rs-permissive-cors-credentials"],
    "py-weak-cipher-mode": ["py-weak-cipher-algorithm"],
}


def loaded_as(rule: str, loaded: list[str]) -> list[str]:
    """The loaded rule ids that implement catalog rule `rule` (itself or an alias)."""
    return [r for r in [rule, *ALIASES.get(rule, [])] if r in loaded]


@dataclass
class Marker:
    kind: str            # "expect" or "safe"
    category: str        # expect: short category; safe: first word of the reason
    text: str            # the whole marker text after the colon
    file: str            # path relative to the project
    line: int            # the code line the marker labels
    code: str            # that line, stripped
    lang: str            # "py" or "rs"
    block_end: int = 0   # last line of the block the labelled line opens (0: none)
    findings: list = field(default_factory=list)


def lang_of(rel: str) -> str:
    name = Path(rel).name
    if rel.endswith(".rs") or name == "Cargo.toml":
        return "rs"
    return "py"


def comment_prefix(rel: str) -> str:
    return "//" if rel.endswith(".rs") else "#"


def strip_comment(line: str, prefix: str) -> str:
    """Code part of a line (rough: ignores comment markers inside strings, good enough here)."""
    if prefix == "#":
        m = re.search(r"\s#(?![!\[])", line)
        return line[: m.start()] if m else line
    idx = line.find("//")
    while idx > 0 and line[idx - 1] == ":":   # https://...
        idx = line.find("//", idx + 2)
    return line[:idx] if idx >= 0 else line


def block_end(lines: list[str], idx: int, prefix: str) -> int:
    """1-based last line of the block opened at lines[idx] (0-based), or 0."""
    code = strip_comment(lines[idx], prefix).rstrip()
    if prefix == "#":
        if not code.endswith(":"):
            return 0
        indent = len(lines[idx]) - len(lines[idx].lstrip())
        end = idx
        for j in range(idx + 1, len(lines)):
            s = lines[j]
            if not s.strip():
                continue
            if len(s) - len(s.lstrip()) <= indent:
                break
            end = j
        return end + 1 if end > idx else 0
    depth = code.count("{") - code.count("}")
    if depth <= 0:
        return 0
    for j in range(idx + 1, len(lines)):
        c = strip_comment(lines[j], prefix)
        depth += c.count("{") - c.count("}")
        if depth <= 0:
            return j + 1
    return 0


def notebook_cells(path: Path) -> list[tuple[int, list[str]]]:
    """(1-based cell number, source lines) of a notebook's code cells. Markers in notebooks are
    comments in code cells, and findings there are matched by cell and line within the cell."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for i, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") == "code":
            src = cell.get("source", "")
            out.append((i + 1, ("".join(src) if isinstance(src, list) else src).splitlines()))
    return out


def parse_markers(project: Path) -> tuple[list[Marker], list[str]]:
    markers: list[Marker] = []
    files: list[str] = []
    for path in sorted(project.rglob("*")):
        if not path.is_file() or path.suffix not in SOURCE_SUFFIXES | {".ipynb"} or "target" in path.parts:
            continue
        rel = path.relative_to(project).as_posix()
        files.append(rel)
        if path.suffix == ".ipynb":
            for number, lines in notebook_cells(path):
                markers.extend(markers_in_lines(f"{rel}#cell{number}", lines))
            continue
        markers.extend(markers_in_lines(rel, path.read_text(encoding="utf-8").splitlines()))
    return markers, files


def markers_in_lines(rel: str, lines: list[str]) -> list[Marker]:
    markers: list[Marker] = []
    prefix = comment_prefix(rel)
    rx = marker_regex(rel)
    pending: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        found = [(m.group(1), m.group(2)) for m in rx.finditer(line)]
        comment_only = stripped.startswith(prefix) and not (prefix == "#" and stripped.startswith(("#!", "#[")))
        if comment_only or not stripped:
            pending.extend(found)
            continue
        for kind, text in pending + found:
            cat_m = re.match(r"[a-z0-9][a-z0-9-]*", text.lower())
            markers.append(Marker(kind=kind, category=cat_m.group(0) if cat_m else "?", text=text,
                                  file=rel, line=i + 1, code=stripped, lang=lang_of(rel),
                                  block_end=block_end(lines, i, prefix)))
        pending = []
    return markers


def assay_env() -> dict:
    """The environment for assay, with a relative ASSAY_QUERIES_DIR made absolute (assay runs in a
    temporary folder, not in the caller's working directory)."""
    env = dict(os.environ)
    qd = env.get("ASSAY_QUERIES_DIR")
    if qd and not os.path.isabs(qd):
        env["ASSAY_QUERIES_DIR"] = os.path.abspath(qd)
    return env


def marker_regex(rel: str) -> re.Pattern:
    prefix = comment_prefix(rel)
    return re.compile(re.escape(prefix) + r"\s*(expect|safe):\s*(.*?)\s*(?=" + re.escape(prefix) + r"|$)")


def stripped_copy(project: Path, dest: Path) -> None:
    """Copy the project to dest with every marker comment removed (line numbers and the columns of
    code are unchanged), so ground truth cannot feed comment-based rules."""
    shutil.copytree(project, dest, ignore=shutil.ignore_patterns("target", ".assay_cache", "__pycache__"))
    for path in dest.rglob("*"):
        if path.is_file() and path.suffix == ".ipynb":
            nb = json.loads(path.read_text(encoding="utf-8"))
            rx = re.compile(r"\s*#\s*(?:expect|safe):.*$")
            for cell in nb.get("cells", []):
                if cell.get("cell_type") == "code" and isinstance(cell.get("source"), list):
                    cell["source"] = [rx.sub("", line.rstrip("\n")) + ("\n" if line.endswith("\n") else "") for line in cell["source"]]
            path.write_text(json.dumps(nb, indent=1) + "\n", encoding="utf-8")
            continue
        if not path.is_file() or path.suffix not in SOURCE_SUFFIXES:
            continue
        rel = path.relative_to(dest).as_posix()
        prefix = re.escape(comment_prefix(rel))
        rx = re.compile(r"\s*" + prefix + r"\s*(?:expect|safe):.*$")
        text = path.read_text(encoding="utf-8")
        out = [rx.sub("", line) for line in text.split("\n")]
        path.write_text("\n".join(out), encoding="utf-8")


def run_assay(binary: Path, project: Path, extra: list[str], raw: bool) -> tuple[list[dict], str]:
    """Run assay on a marker-free copy of the project in a temporary folder outside the repository
    (or, with raw=True, on the project itself). An empty --config isolates the run from the
    repository's .assay.toml, which excludes tests/projects on purpose."""
    with tempfile.TemporaryDirectory(prefix="assay-eval-") as tmp:
        cfg = Path(tmp) / "assay.toml"
        cfg.write_text("")
        if raw:
            target, cwd = project.resolve(), REPO
        else:
            target = Path(tmp) / "src" / project.name
            stripped_copy(project, target)
            cwd = Path(tmp)
        cmd = [str(binary), "check", "--no-cache", "--exit-zero", "--no-progress", "--format", "json",
               "--config", str(cfg), *extra, str(target)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=assay_env())
        if proc.returncode not in (0, 1):
            return [], f"assay exited {proc.returncode}: {proc.stderr.strip()[:2000]}"
        try:
            report = json.loads(proc.stdout)
        except json.JSONDecodeError as exc:
            return [], f"could not parse assay JSON ({exc}); stderr: {proc.stderr.strip()[:2000]}"
        findings = []
        for f in report.get("findings", []):
            p = Path(f["path"])
            p = (cwd / p).resolve() if not p.is_absolute() else p.resolve()
            try:
                f["rel"] = p.relative_to(target.resolve()).as_posix()
            except ValueError:
                f["rel"] = f["path"]
            if f.get("cell"):
                # Notebook finding: match it by cell and by line within the cell.
                shift = f["cell"]["line"] - f["start"]["line"]
                f["rel"] += f"#cell{f['cell']['cell']}"
                f["start"] = {**f["start"], "line": f["start"]["line"] + shift}
                f["end"] = {**f["end"], "line": f["end"]["line"] + shift}
            findings.append(f)
    return findings, proc.stderr.strip()


def loaded_rules(binary: Path) -> list[str]:
    proc = subprocess.run([str(binary), "rules", "--format", "json"], capture_output=True, text=True, cwd=REPO,
                          env=assay_env())
    try:
        return [r["id"] for r in json.loads(proc.stdout)]
    except (json.JSONDecodeError, KeyError, TypeError):
        return []


def strict_match(finding: dict, marks: list[Marker]) -> Marker | None:
    s, e = finding["start"]["line"], finding["end"]["line"]
    at_start = [m for m in marks if m.line == s]
    if at_start:
        return next((m for m in at_start if m.kind == "expect"), at_start[0])
    inside = [m for m in marks if s < m.line <= e]
    exp = [m for m in inside if m.kind == "expect"]
    if exp:
        return exp[0]
    blocks = [m for m in marks if m.block_end and m.line < s <= m.block_end and m.block_end - m.line <= BLOCK_MAX]
    if blocks:
        blocks.sort(key=lambda m: (m.line, m.kind == "expect"))
        return blocks[-1]
    safe = [m for m in inside if m.kind == "safe"]
    if safe and e - s <= SAFE_SPAN_MAX:
        return safe[0]
    return None


def match(finding: dict, by_file: dict[str, list[Marker]]) -> tuple[Marker | None, str]:
    """The marker a finding belongs to, and how: "exact" (rules 1-4 of the module docstring) or
    "nearby" (no exact planted marker of a related category, but one within NEAR lines: rules may
    report the source of a mistake, e.g. a constant nonce, or its sink, e.g. the encrypt call)."""
    marks = by_file.get(finding["rel"], [])
    strict = strict_match(finding, marks)
    if strict is not None and (strict.kind == "safe" or related(finding["rule_id"], strict)):
        return strict, "exact"
    s = finding["start"]["line"]
    near = [m for m in marks if m.kind == "expect" and m is not strict and abs(m.line - s) <= NEAR
            and related(finding["rule_id"], m)]
    if near:
        near.sort(key=lambda m: abs(m.line - s))
        return near[0], "nearby"
    return strict, "exact" if strict is not None else ""


def related(rule_id: str, m: Marker) -> bool:
    ids = CATALOG.get(m.category, {}).get(m.lang, [])
    ids = [a for i in ids for a in (i, *ALIASES.get(i, []))]
    return rule_id in ids or any(h in rule_id for h in HINTS.get(m.category, []))


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:5.1f}%" if b else "   n/a"


def evaluate(binary: Path, projects: list[Path], extra: list[str], raw: bool = False) -> dict:
    results = {"assay": str(binary), "queries_dir": assay_env().get("ASSAY_QUERIES_DIR"), "raw": raw, "projects": {}}
    rules = loaded_rules(binary)
    results["rules_loaded"] = rules
    all_markers: list[Marker] = []
    unmarked: list[dict] = []
    for project in projects:
        markers, files = parse_markers(project)
        findings, stderr = run_assay(binary, project, extra, raw)
        by_file: dict[str, list[Marker]] = defaultdict(list)
        for m in markers:
            m.file_project = project.name  # type: ignore[attr-defined]
            by_file[m.file].append(m)
        proj_unmarked = []
        for f in findings:
            f["project"] = project.name
            m, how = match(f, by_file)
            f["how"] = how
            if m is None:
                proj_unmarked.append(f)
            else:
                m.findings.append(f)
        exp = [m for m in markers if m.kind == "expect"]
        safe = [m for m in markers if m.kind == "safe"]
        results["projects"][project.name] = {
            "files": len(files), "findings": len(findings), "planted": len(exp),
            "found": sum(1 for m in exp if m.findings),
            "found_by_related_rule": sum(1 for m in exp if any(related(f["rule_id"], m) for f in m.findings)),
            "safe_lookalikes": len(safe),
            "safe_flagged": sum(1 for m in safe if m.findings),
            "findings_on_safe": sum(len(m.findings) for m in safe), "unmarked_findings": len(proj_unmarked),
            "assay_stderr": stderr,
        }
        all_markers.extend(markers)
        unmarked.extend(proj_unmarked)

    exp = [m for m in all_markers if m.kind == "expect"]
    safe = [m for m in all_markers if m.kind == "safe"]
    loc = lambda x: f"{getattr(x, 'file_project', '')}/{x.file}:{x.line}"  # noqa: E731
    floc = lambda f: f"{f['project']}/{f['rel']}:{f['start']['line']}"  # noqa: E731

    per_cat: dict[str, dict] = {}
    for m in exp:
        key = f"{m.category} ({m.lang})"
        c = per_cat.setdefault(key, {"planted": 0, "found": 0, "found_by_related_rule": 0,
                                     "catalog_rules": CATALOG.get(m.category, {}).get(m.lang, [])})
        c["planted"] += 1
        c["found"] += bool(m.findings)
        c["found_by_related_rule"] += any(related(f["rule_id"], m) for f in m.findings)
    fp_by_rule: dict[str, dict] = defaultdict(lambda: {"on_safe": 0, "unmarked": 0})
    for m in safe:
        for f in m.findings:
            fp_by_rule[f["rule_id"]]["on_safe"] += 1
    for f in unmarked:
        fp_by_rule[f["rule_id"]]["unmarked"] += 1
    tp_by_rule = Counter(f["rule_id"] for m in exp for f in m.findings)

    misses = [{"loc": loc(m), "category": m.category, "code": m.code} for m in exp if not m.findings]
    false_alarms = [{"loc": loc(m), "rule": f["rule_id"], "code": m.code, "safe_reason": m.text}
                    for m in safe for f in m.findings]
    triage = [{"loc": floc(f), "rule": f["rule_id"], "code": f.get("snippet", "").strip()} for f in unmarked]
    unrelated = [{"loc": loc(m), "category": m.category, "code": m.code,
                  "rules": sorted({f["rule_id"] for f in m.findings})}
                 for m in exp if m.findings and not any(related(f["rule_id"], m) for f in m.findings)]
    nearby = [{"loc": loc(m), "category": m.category, "code": m.code,
               "reported_at": sorted({f"{f['start']['line']} {f['rule_id']}" for f in m.findings})}
              for m in exp if m.findings and all(f["how"] == "nearby" for f in m.findings)]
    # Findings by an unrelated rule on a planted line whose mistake a related rule did report:
    # possible false alarms that the planted marker would otherwise hide. The generic "unsafe
    # without SAFETY comment" finding on an unsafe block is expected and left out.
    extra = [{"loc": floc(f), "category": m.category, "rule": f["rule_id"], "code": m.code,
              "message": f.get("message", "")}
             for m in exp if any(related(x["rule_id"], m) for x in m.findings)
             for f in m.findings if not related(f["rule_id"], m)
             and not (f["rule_id"] == "rs-unsafe-without-safety-comment" and "unsafe" in m.code)]
    missing_for_planted = sorted({r for m in exp for r in CATALOG.get(m.category, {}).get(m.lang, [])
                                  if not loaded_as(r, rules)})
    missing_catalog = {g: [r for r in ids if not loaded_as(r, rules)] for g, ids in CATALOG_ABE.items()}
    aliased = {r: loaded_as(r, rules) for ids in CATALOG_ABE.values() for r in ids
               if loaded_as(r, rules) and r not in rules}
    catalog_ids = {r for ids in CATALOG_ABE.values() for r in ids}
    alias_ids = {a for v in ALIASES.values() for a in v}
    outside = [r for r in rules if r not in catalog_ids and r not in alias_ids and not r.startswith("assay-")]

    results.update({
        "overall": {
            "planted": len(exp), "found": sum(1 for m in exp if m.findings),
            "recall": round(sum(1 for m in exp if m.findings) / len(exp), 4) if exp else None,
            "found_by_related_rule": sum(1 for m in exp if any(related(f["rule_id"], m) for f in m.findings)),
            "recall_related_rule": round(sum(1 for m in exp if any(related(f["rule_id"], m) for f in m.findings))
                                         / len(exp), 4) if exp else None,
            "safe_lookalikes": len(safe), "safe_flagged": sum(1 for m in safe if m.findings),
            "findings_on_safe": sum(len(m.findings) for m in safe), "unmarked_findings": len(unmarked),
            "findings_on_expect": sum(len(m.findings) for m in exp),
        },
        "per_category": per_cat,
        "per_rule": {r: {"true_positive_findings": tp_by_rule.get(r, 0), **fp_by_rule.get(r, {"on_safe": 0, "unmarked": 0})}
                     for r in sorted(set(tp_by_rule) | set(fp_by_rule))},
        "misses": misses, "false_alarms": false_alarms, "unmarked": triage,
        "found_by_unrelated_rule": unrelated,
        "found_nearby": nearby,
        "unrelated_findings_on_planted_lines": extra,
        "catalog_rules_missing_for_planted_categories": missing_for_planted,
        "catalog_rules_not_loaded": missing_catalog,
        "catalog_rules_loaded_under_other_ids": aliased,
        "loaded_rules_outside_groups_abe": outside,
    })
    return results


def print_report(r: dict) -> None:
    print(f"assay evaluation -- binary {r['assay']}"
          + (f", ASSAY_QUERIES_DIR={r['queries_dir']}" if r["queries_dir"] else "")
          + (", raw (in place, markers visible)" if r.get("raw") else "")
          + f", {len(r['rules_loaded'])} rules loaded")
    print("recall = planted mistakes with a finding on their line (or, by a related rule, within "
          f"{NEAR} lines); 'related' counts only findings by a rule of the marker's category")
    for name, p in r["projects"].items():
        print(f"\n== {name}: {p['files']} files, {p['findings']} findings")
        print(f"   recall {p['found']}/{p['planted']} ({pct(p['found'], p['planted']).strip()}),"
              f" by a related rule {p['found_by_related_rule']}/{p['planted']}"
              f" ({pct(p['found_by_related_rule'], p['planted']).strip()})"
              f" | safe lookalikes flagged {p['safe_flagged']}/{p['safe_lookalikes']}"
              f" ({p['findings_on_safe']} findings) | unmarked findings {p['unmarked_findings']}")
        if p["assay_stderr"]:
            print("   assay stderr: " + p["assay_stderr"].replace("\n", "\n   "))
    o = r["overall"]
    print(f"\n== overall: recall {o['found']}/{o['planted']} ({pct(o['found'], o['planted']).strip()}), "
          f"by a related rule {o['found_by_related_rule']}/{o['planted']} "
          f"({pct(o['found_by_related_rule'], o['planted']).strip()}); "
          f"safe lookalikes flagged {o['safe_flagged']}/{o['safe_lookalikes']} "
          f"({o['findings_on_safe']} findings); unmarked findings {o['unmarked_findings']}; "
          f"findings on planted lines {o['findings_on_expect']}")

    print("\n-- per category (planted mistakes) --")
    print(f"   {'category':28} {'found':>7} {'recall':>7} {'related':>8}  catalog rule(s)")
    for cat, c in sorted(r["per_category"].items(),
                         key=lambda kv: (kv[1]["found_by_related_rule"] / kv[1]["planted"], kv[0])):
        def show(x):
            got = loaded_as(x, r["rules_loaded"])
            return x if x in got else (f"{x} (as {'/'.join(got)})" if got else f"{x} [not loaded]")
        rules = ", ".join(show(x) for x in c["catalog_rules"]) or "(none in catalog)"
        print(f"   {cat:28} {c['found']:>3}/{c['planted']:<3} {pct(c['found'], c['planted'])} "
              f"{c['found_by_related_rule']:>4}/{c['planted']:<3}  {rules}")

    print("\n-- per rule (findings) --")
    print(f"   {'rule':40} {'on planted':>10} {'on safe':>8} {'unmarked':>9}")
    for rule, c in sorted(r["per_rule"].items()):
        print(f"   {rule:40} {c['true_positive_findings']:>10} {c['on_safe']:>8} {c['unmarked']:>9}")

    print(f"\n-- MISSES ({len(r['misses'])}) --")
    for m in r["misses"]:
        print(f"   {m['loc']:42} [{m['category']}]  {m['code']}")
    if r["found_by_unrelated_rule"]:
        print(f"\n-- found only by a rule unrelated to the category ({len(r['found_by_unrelated_rule'])}) --")
        for m in r["found_by_unrelated_rule"]:
            print(f"   {m['loc']:42} [{m['category']}] {', '.join(m['rules'])}  {m['code']}")
    if r["found_nearby"]:
        print(f"\n-- found only at a nearby line ({len(r['found_nearby'])}) --")
        for m in r["found_nearby"]:
            print(f"   {m['loc']:42} [{m['category']}] reported at line {'; '.join(m['reported_at'])}  {m['code']}")
    print(f"\n-- FALSE ALARMS on safe lines ({len(r['false_alarms'])}) --")
    for m in r["false_alarms"]:
        print(f"   {m['loc']:42} {m['rule']}  {m['code']}")
    print(f"\n-- unrelated findings on planted lines, possible false alarms ({len(r['unrelated_findings_on_planted_lines'])}) --")
    for m in r["unrelated_findings_on_planted_lines"]:
        print(f"   {m['loc']:42} {m['rule']} (line planted as {m['category']})  {m['code']}")
    print(f"\n-- UNMARKED findings, for triage ({len(r['unmarked'])}) --")
    for m in r["unmarked"]:
        print(f"   {m['loc']:42} {m['rule']}  {m['code']}")
    print("\n-- catalog rules (groups A, B, E) not loaded --")
    for g, ids in r["catalog_rules_not_loaded"].items():
        print(f"   {g}: {len(ids)} missing: {', '.join(ids) if ids else '-'}")
    for cat_id, got in r["catalog_rules_loaded_under_other_ids"].items():
        print(f"   (loaded under another id: {cat_id} -> {', '.join(got)})")
    print("   loaded rules outside the A/B/E catalog ids: " + (", ".join(r["loaded_rules_outside_groups_abe"]) or "-"))
    if r["catalog_rules_missing_for_planted_categories"]:
        print("   of which needed by planted mistakes: " + ", ".join(r["catalog_rules_missing_for_planted_categories"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("projects", nargs="*", help="project folders (default: py_webapp and rs_service next to this script)")
    ap.add_argument("--assay", default=str(REPO / "target" / "debug" / "assay"), help="assay binary")
    ap.add_argument("--json", metavar="OUT", help="also write the numbers and lists as JSON to OUT")
    ap.add_argument("--raw", action="store_true",
                    help="check the projects in place with their marker comments (default: a marker-free copy in a temp folder)")
    ap.add_argument("--assay-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for `assay check`, e.g. --assay-arg=--select=all (repeatable)")
    args = ap.parse_args()
    binary = Path(args.assay).resolve()
    if not binary.exists():
        print(f"evaluate.py: assay binary not found at {binary} (cargo build, or pass --assay)", file=sys.stderr)
        return 0
    projects = [Path(p).resolve() for p in args.projects] or [HERE / p for p in DEFAULT_PROJECTS]
    try:
        results = evaluate(binary, projects, args.assay_arg, args.raw)
    except Exception as exc:  # a measurement: report and exit 0
        print(f"evaluate.py: evaluation failed: {exc!r}", file=sys.stderr)
        return 0
    print_report(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
