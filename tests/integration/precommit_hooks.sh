#!/usr/bin/env bash
# The hooks of .pre-commit-hooks.yaml through the real pre-commit framework (from PyPI), in
# temporary git repositories. pre-commit clones a hook repository made from this worktree (its
# current files, committed or not) and builds it with `cargo install` (language: rust, the
# system toolchain; crates from the registry cache or crates.io). Ends with "N passed, N failed".
#
#   ASSAY_TEST_CACHE   where the pre-commit virtualenv and the hook build's target folder are
#                      kept between runs (default ~/.cache/assay-tests)
#
# To keep CI time small the hook build uses an unoptimized release profile (environment
# variables cargo reads; pre-commit passes them through) and a persistent CARGO_TARGET_DIR,
# so only a cold cache compiles the dependencies.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${ASSAY_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/assay-tests}"
VENV="$CACHE/precommit-venv"
mkdir -p "$CACHE"
if [ ! -x "$VENV/bin/pre-commit" ]; then
  python3 -m venv "$VENV" >&2 && "$VENV/bin/pip" install --quiet --disable-pip-version-check 'pre-commit>=3,<5' >&2 \
    || { echo "precommit_hooks.sh: could not install pre-commit from PyPI" >&2; echo "0 passed, 1 failed"; exit 1; }
fi
export PATH="$VENV/bin:$PATH"

W="$(mktemp -d "${TMPDIR:-/tmp}/assay-precommit.XXXXXX")"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$W"' EXIT
export PRE_COMMIT_HOME="$W/pre-commit-home"
export GIT_CONFIG_GLOBAL="$W/gitconfig" GIT_CONFIG_NOSYSTEM=1
git config --global user.name test; git config --global user.email test@example.invalid
git config --global init.defaultBranch main; git config --global advice.detachedHead false
export CARGO_TARGET_DIR="$CACHE/precommit-target"
export CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_PROFILE_RELEASE_DEBUG=false CARGO_PROFILE_RELEASE_INCREMENTAL=true
export NO_COLOR=1

pass=0; fail=0
check() { # check NAME EXPECTED_RC ACTUAL_RC
  if [ "$2" = "$3" ]; then echo "ok   - $1"; pass=$((pass + 1));
  else echo "FAIL - $1 (expected rc=$2, got $3)"; fail=$((fail + 1)); fi
}
expect_output() { # expect_output NAME FILE PATTERN (fixed string)
  if grep -qF -- "$3" "$2"; then echo "ok   - $1"; pass=$((pass + 1));
  else echo "FAIL - $1: no '$3' in:"; sed 's/^/      | /' "$2"; fail=$((fail + 1)); fi
}
commit() { # commit REPO MSG: the hooks' output goes to $W/commit.out
  git -C "$1" commit -q -m "$2" >"$W/commit.out" 2>&1
}

# Fake but rule-triggering code; the secret-shaped line is assembled here, never committed.
EVAL_BAD=$'def run(cmd):\n    return eval(cmd)\n'
CLEAN=$'import json\n\n\ndef load(text):\n    return json.loads(text)\n'

t_all=$(date +%s)
# The hook repository: this worktree's files as they are now.
HOOKS="$W/assay-hooks"
mkdir -p "$HOOKS"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] && mkdir -p "$HOOKS/$(dirname "$f")" && cp -p "$f" "$HOOKS/$f"; done)
git -C "$HOOKS" init -q && git -C "$HOOKS" add -A && git -C "$HOOKS" commit -q -m hooks
REV="$(git -C "$HOOKS" rev-parse HEAD)"
check "hook repository has .pre-commit-hooks.yaml" 0 "$([ -f "$HOOKS/.pre-commit-hooks.yaml" ]; echo $?)"

R="$W/project"
mkdir -p "$R" && git -C "$R" init -q
cat >"$R/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $HOOKS
    rev: $REV
    hooks:
      - id: assay
      - id: assay-changed
EOF
git -C "$R" add .pre-commit-config.yaml && git -C "$R" commit -q --no-verify -m config
(cd "$R" && pre-commit install >/dev/null); check "pre-commit install" 0 $?
t0=$(date +%s)
(cd "$R" && pre-commit install-hooks) >"$W/install.out" 2>&1; rc=$?
[ $rc = 0 ] || tail -30 "$W/install.out" | sed 's/^/      | /'
check "install-hooks builds assay with cargo install (language: rust)" 0 $rc
echo "      install-hooks took $(( $(date +%s) - t0 )) s"

# 1. a clean commit passes both hooks
printf '%s' "$CLEAN" >"$R/clean.py"; git -C "$R" add clean.py
commit "$R" clean; check "clean commit passes" 0 $?
expect_output "both hooks ran" "$W/commit.out" "assay (lines this commit changes)"

# 2. a bad commit is blocked, with the finding's location and rule in the output
printf '%s' "$EVAL_BAD" >"$R/bad.py"; git -C "$R" add bad.py
head=$(git -C "$R" rev-parse HEAD)
commit "$R" bad; check "bad commit is blocked" 1 $?
expect_output "assay hook failed" "$W/commit.out" "- hook id: assay"
expect_output "assay-changed hook failed" "$W/commit.out" "- hook id: assay-changed"
expect_output "output names file, line, rule" "$W/commit.out" "bad.py:2:12: error[py-eval-exec-dynamic]"
expect_output "output quotes the line" "$W/commit.out" "return eval(cmd)"
check "HEAD unchanged" "$head" "$(git -C "$R" rev-parse HEAD)"
git -C "$R" rm -q --cached bad.py; rm "$R/bad.py"

# 3. a secret-shaped value in a non-code file is blocked too, and never printed whole
key="AKIA""J7QXM2ZB""K5RWT4NP"
printf 'aws_access_key_id = %s\n' "$key" >"$R/settings.ini"; git -C "$R" add settings.ini
commit "$R" secret; check "secret in a config file is blocked" 1 $?
check "the secret is not printed whole" 1 "$(grep -qF "$key" "$W/commit.out"; echo $?)"
git -C "$R" rm -q --cached settings.ini; rm "$R/settings.ini"

# 4. partially staged files are judged by their staged content
printf '%s\n%s' "$CLEAN" "$EVAL_BAD" >"$R/clean.py"; git -C "$R" add clean.py   # staged: bad
printf '%s' "$CLEAN" >"$R/clean.py"                                           # worktree: fixed
commit "$R" "staged bad, worktree fixed"; check "partially staged: bad staged content is blocked" 1 $?
expect_output "the staged line is reported" "$W/commit.out" "clean.py:8:12: error[py-eval-exec-dynamic]"
git -C "$R" reset -q clean.py
printf '%s\n# a clean staged change\n' "$CLEAN" >"$R/clean.py"; git -C "$R" add clean.py   # staged: clean
printf '%s\n%s' "$CLEAN" "$EVAL_BAD" >"$R/clean.py"                                      # worktree: bad
commit "$R" "staged clean, worktree bad"; check "partially staged: clean staged content passes" 0 $?
check "the unstaged edit is still in the worktree" 0 "$(grep -q 'eval(cmd)' "$R/clean.py"; echo $?)"
git -C "$R" checkout -q clean.py

# 5. assay-changed reports only the lines a commit adds: old findings in a touched file pass
printf '%s' "$EVAL_BAD" >"$R/legacy.py"; git -C "$R" add legacy.py
git -C "$R" commit -q --no-verify -m "legacy code, bypassing the hooks"
printf '%s\n\ndef helper():\n    return 1\n' "$EVAL_BAD" >"$R/legacy.py"; git -C "$R" add legacy.py
SKIP=assay commit "$R" "clean edit to a legacy file"; check "assay-changed: clean edit to a file with old findings passes" 0 $?
printf '%s\n\ndef helper2(x):\n    return eval(x)\n' "$(cat "$R/legacy.py")" >"$R/legacy.py"; git -C "$R" add legacy.py
SKIP=assay commit "$R" "new finding in a legacy file"; check "assay-changed: a new finding in that file is blocked" 1 $?
expect_output "assay-changed names the new line only" "$W/commit.out" "legacy.py:9:12: error[py-eval-exec-dynamic]"
check "assay-changed does not report the old line" 1 "$(grep -qF 'legacy.py:2:' "$W/commit.out"; echo $?)"
git -C "$R" reset -q legacy.py; git -C "$R" checkout -q legacy.py
(cd "$R" && pre-commit run assay --files legacy.py) >"$W/run.out" 2>&1
check "assay (whole files) still fails on the legacy file" 1 $?

# 6. with a baseline named in assay.toml, the whole-file hook also fails only on new findings
git -C "$R" checkout -q -- . ; git -C "$R" reset -q --hard
ASSAY="$(ls "$PRE_COMMIT_HOME"/repo*/rustenv-*/bin/assay 2>/dev/null | head -1)"
check "the hook's assay binary was installed" 0 "$([ -x "$ASSAY" ]; echo $?)"
echo 'baseline = ".assay-baseline.json"' >"$R/assay.toml"
(cd "$R" && "$ASSAY" baseline) >"$W/baseline.out" 2>&1; check "assay baseline" 0 $?
git -C "$R" add assay.toml .assay-baseline.json
commit "$R" "adopt a baseline"; check "committing the baseline passes" 0 $?
printf '\n\ndef helper3():\n    return 3\n' >>"$R/legacy.py"; git -C "$R" add legacy.py
commit "$R" "clean edit to a legacy file"; check "baseline: both hooks pass a clean edit to a file with old findings" 0 $?
printf '\n\ndef helper4(y):\n    return eval(y)\n' >>"$R/legacy.py"; git -C "$R" add legacy.py
commit "$R" "new finding"; check "baseline: a new finding is still blocked" 1 $?
expect_output "baseline: the assay hook says known findings were left out" "$W/commit.out" "known finding left out"

echo "total $(( $(date +%s) - t_all )) s"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
