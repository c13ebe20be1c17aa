#!/usr/bin/env bash
# The whole test suite. README's test command and .ci/run both call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

# SARIF output is validated against the official OASIS schema with Python's jsonschema.
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  python3 -m pip install --quiet --disable-pip-version-check 'jsonschema>=4' \
    || { echo "tests/run.sh: could not install jsonschema from PyPI" >&2; exit 1; }
fi

cargo test --locked --all-targets
