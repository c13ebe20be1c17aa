#!/usr/bin/env bash
# The VS Code extension in a real VS Code: code-server (VS Code 1.100 workbench + extension host,
# from npm) in headless Chromium (system chromium, driven by playwright-core). Builds the .vsix
# from editors/vscode the way its README says (npm install, vsce package), installs it, opens a
# vulnerable file and checks the Problems panel, the hover, the status bar, and the commands Copy
# Secure Prompt (the clipboard), Show Rule Documentation, Scan Workspace and Restart Server
# (tests/integration/vscode/drive.js); the screenshot shows the hover over the Problems panel. Installation follows
# ../shared/integration/vscode_e2e.sh; everything comes from apt and npm.
#
#   vscode_e2e.sh ASSAY_BIN
#
# Environment: E2E_CACHE (default ~/.cache/editor-e2e) holds code-server and playwright-core;
# E2E_OUT (default $E2E_CACHE/assay-vscode-out) gets the screenshot and logs;
# ASSAY_SCREENSHOT: also copy the screenshot there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/tests/integration"
BIN="${1:?usage: vscode_e2e.sh /abs/path/to/assay}"
E2E_CACHE="${E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/editor-e2e}"
E2E_OUT="${E2E_OUT:-$E2E_CACHE/assay-vscode-out}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # the last line that runs on Node 20
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$E2E_CACHE" "$E2E_OUT"
log() { echo "vscode_e2e: $*" >&2; }
t_start=$(date +%s)

# ---- system packages (a fresh CI machine has none of them) ------------------------------------
need_apt=()
[ -x "$CHROMIUM" ] || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v g++ >/dev/null || need_apt+=(build-essential)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
[ -e /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)   # code-server's kerberos module
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "apt-get install ${need_apt[*]}"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >&2
  else
    log "missing: ${need_apt[*]} (apt-get install them)"; exit 2
  fi
fi
command -v node >/dev/null || { log "node (20) and npm are needed"; exit 2; }
[ -e /usr/include/node/node_api.h ] || { log "Node headers missing in /usr/include/node"; exit 2; }
node_major=$(node -p 'process.versions.node.split(".")[0]')

# ---- code-server ---------------------------------------------------------------------------------
CSDIR="$E2E_CACHE/code-server-$CODE_SERVER_VERSION"
CS="$CSDIR/node_modules/.bin/code-server"
if [ ! -x "$CS" ] || [ ! -e "$CSDIR/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION from npm (native modules are compiled, ~2 min)"
  rm -rf "$CSDIR"; mkdir -p "$CSDIR"
  # @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the release tarball in
  # $TMPDIR/vscode-ripgrep-cache-<ver>/: seed that with Debian's rg.
  tmp="${TMPDIR:-/tmp}"; rgtmp=$(mktemp -d)
  cp "$(command -v rg)" "$rgtmp/rg"
  for v in 1.15.9 1.15.10 1.15.11 1.15.12 1.15.13 1.15.14; do
    mkdir -p "$tmp/vscode-ripgrep-cache-$v"
    for t in v13.0.0-10 v13.0.0-13 v14.1.1-1; do
      tar czf "$tmp/vscode-ripgrep-cache-$v/ripgrep-$t-x86_64-unknown-linux-musl.tar.gz" -C "$rgtmp" rg
    done
  done
  rm -rf "$rgtmp"
  (
    cd "$CSDIR" && npm init -y >/dev/null
    # unsafe_perm: the postinstall refuses root otherwise; nodedir: node-gyp would download
    # headers; yes: node-pty's postinstall runs `npx node-gyp`, which needs a TTY otherwise
    export npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true
    [ "$node_major" = 20 ] || export FORCE_NODE_VERSION="$node_major"
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  ) >"$E2E_CACHE/code-server-install.log" 2>&1 || { log "code-server install failed, see $E2E_CACHE/code-server-install.log"; tail -30 "$E2E_CACHE/code-server-install.log" >&2; exit 1; }
  touch "$CSDIR/.complete"
fi

NODEDIR="$E2E_CACHE/node-tools"
if [ ! -d "$NODEDIR/node_modules/playwright-core" ]; then
  mkdir -p "$NODEDIR" && (cd "$NODEDIR" && npm init -y >/dev/null && npm install --no-audit --no-fund playwright-core@1 >&2)
fi
t_installed=$(date +%s)

# ---- build the extension as its README says, into a scratch copy --------------------------------
W="$(mktemp -d "${TMPDIR:-/tmp}/assay-vscode-e2e.XXXXXX")"
CS_PID=""
cleanup() {
  # code-server, its extension host and the assay server share a process group; code-server
  # takes ~40 s to exit on SIGTERM alone, so the group gets SIGKILL after a short grace period.
  if [ -n "$CS_PID" ] && kill -0 "$CS_PID" 2>/dev/null; then
    kill -TERM -- "-$CS_PID" 2>/dev/null || kill "$CS_PID"
    for _ in $(seq 1 20); do kill -0 "$CS_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$CS_PID" 2>/dev/null || true
    wait "$CS_PID" 2>/dev/null || true
  fi
  rm -rf "$W"
}
trap cleanup EXIT
# The build folder is kept in the cache: its node_modules (typescript, vsce: 13,000 files) take
# 40 s to install and as long to delete on a busy disk; `npm install` is quick when they are there.
BUILD="$E2E_CACHE/assay-vscode-build"
mkdir -p "$BUILD" && rm -rf "$BUILD/src" "$BUILD/out"
(cd "$ROOT/editors/vscode" && tar cf - --exclude=node_modules --exclude=out --exclude=bin --exclude='*.vsix' .) | (cd "$BUILD" && tar xf -)
(cd "$BUILD" && npm install --no-audit --no-fund && npx @vscode/vsce package -o "$W/assay.vsix") >"$E2E_OUT/build-extension.log" 2>&1 \
  || { log "building the extension failed:"; tail -30 "$E2E_OUT/build-extension.log" >&2; exit 1; }
t_built=$(date +%s)

# ---- a workspace with findings ---------------------------------------------------------------------
WS="$W/workspace"; mkdir -p "$WS"
printf '%s\n' 'import subprocess' '' '' 'def run(cmd):' '    return subprocess.run(cmd, shell=True)' '' '' \
  'def calc(expr):' '    return eval(expr)' >"$WS/app.py"
# not opened: "assay: Scan Workspace" must report it
printf '%s\n' 'def find(cur, name):' "    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")" >"$WS/other.py"
RULES="py-subprocess-shell-true,py-eval-exec-dynamic"

UD="$W/user-data"; EXT="$W/extensions"; mkdir -p "$UD/User" "$EXT"
cat >"$UD/User/settings.json" <<JSON
{
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "assay.server.path": $(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$BIN")
}
JSON
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" >"$W/config.yaml"
csargs=(--config "$W/config.yaml" --user-data-dir "$UD" --extensions-dir "$EXT")
"$CS" "${csargs[@]}" --install-extension "$W/assay.vsix" >"$E2E_OUT/install-extension.log" 2>&1
setsid "$CS" "${csargs[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust \
  --disable-getting-started-override --ignore-last-opened "$WS" >"$E2E_OUT/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
t_ready=$(date +%s)

rc=0
NODE_PATH="$NODEDIR/node_modules" node "$HERE/vscode/drive.js" \
  --url "http://127.0.0.1:$port/?folder=$WS" --file app.py --rules "$RULES" --scan-rule py-sql-string-format \
  --out "$E2E_OUT" --chromium "$CHROMIUM" --timeout "${E2E_TIMEOUT_MS:-60000}" >"$E2E_OUT/result.json" || rc=$?
find "$UD/logs" -name '*assay*' -exec cp {} "$E2E_OUT/extension-output.log" \; 2>/dev/null || true
cat "$E2E_OUT/result.json"

# The clipboard must hold the secure prompt `assay explain` prints for the rule in the hover.
if [ "$rc" = 0 ]; then
  python3 - "$E2E_OUT/result.json" "$BIN" <<'PY' || rc=1
import json, subprocess, sys
r = json.load(open(sys.argv[1]))
explain = subprocess.run([sys.argv[2], "explain", r["hover_rule"]], capture_output=True, text=True, check=True).stdout
prompt = explain.split("Secure prompt (give this to your AI assistant):", 1)[1].strip()
ok = r["clipboard"].strip() == prompt
print(f"assay-check: vscode problems={r['rules']} statusbar={r['statusbar']!r} hover_rule={r['hover_rule']} "
      f"clipboard={'= secure prompt of ' + r['hover_rule'] if ok else 'MISMATCH'}")
if not ok:
    print(f"  clipboard {r['clipboard']!r}\n  expected  {prompt!r}")
sys.exit(0 if ok else 1)
PY
fi
if [ "$rc" = 0 ] && [ -n "${ASSAY_SCREENSHOT:-}" ]; then cp "$E2E_OUT/vscode_assay.png" "$ASSAY_SCREENSHOT"; fi
t_end=$(date +%s)
cleanup; trap - EXIT
log "installs $((t_installed - t_start)) s, extension build $((t_built - t_installed)) s, code-server start $((t_ready - t_built)) s, browser $((t_end - t_ready)) s, clean-up $(( $(date +%s) - t_end )) s; rc=$rc, out=$E2E_OUT"
exit $rc
