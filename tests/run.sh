#!/usr/bin/env bash
# The whole test suite. README's test command and .ci/run both call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

# SARIF output is validated against the official OASIS schema with Python's jsonschema; the CI
# recipes (.ci/recipes) are parsed with PyYAML.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check 'jsonschema>=4' \
    || { echo "tests/run.sh: could not install jsonschema from PyPI" >&2; exit 1; }
fi
if ! python3 -c 'import yaml' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check 'pyyaml>=6' \
    || { echo "tests/run.sh: could not install PyYAML from PyPI" >&2; exit 1; }
fi

cargo_rc=0
cargo test --locked --all-targets || cargo_rc=$?

# Real editors against `assay lsp`: the VS Code extension in code-server, the Neovim plugin, and
# through the shared recipes in ../shared/integration bare Neovim and pytest-lsp with recorded
# VS Code/Neovim/Emacs capabilities; ends with "N passed, N failed".
clients_rc=0
bash tests/integration/run_real_clients.sh || clients_rc=$?
# The pre-commit hooks (.pre-commit-hooks.yaml) through the real pre-commit framework.
hooks_rc=0
bash tests/integration/precommit_hooks.sh || hooks_rc=$?
if [ "$cargo_rc" != 0 ]; then echo "tests/run.sh: cargo test failed (exit $cargo_rc)" >&2; fi
[ "$cargo_rc" = 0 ] && [ "$clients_rc" = 0 ] && [ "$hooks_rc" = 0 ]
