#!/usr/bin/env python3
"""Check the CI recipes (.ci/recipes/*.yml): each parses as YAML and has the shape its CI
expects, and every `assay ...` command line in them runs for real, as written (CI variables
replaced by a base commit), in a temporary git repository with an old and a new finding: it
must exit 0 or 1 (never 2: unknown option or bad value) and write the reports the recipe
uploads.

    check_ci_recipes.py ASSAY_BIN RECIPE.yml...     exit 0 ok, 1 problems, 2 cannot run

Needs PyYAML (installed by tests/run.sh).
"""
import json
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile


def strings_under(node, keys):
    """Every string under the given mapping keys, anywhere in the document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in keys:
                items = value if isinstance(value, list) else [value]
                for item in items:
                    if isinstance(item, str):
                        yield item
            yield from strings_under(value, keys)
    elif isinstance(node, list):
        for item in node:
            yield from strings_under(item, keys)


def assay_lines(doc):
    for text in strings_under(doc, {"run", "script", "before_script", "after_script"}):
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("assay "):
                yield line


def substitute(line, base):
    """CI expressions and variables stand for the base commit of the change under review."""
    line = re.sub(r"\$\{\{[^}]*\}\}", base, line)
    line = re.sub(r"\$\{?[A-Z_][A-Z0-9_]*(:-[^}]*)?\}?", base, line)
    return line


def git(repo, *args):
    env = dict(os.environ, GIT_CONFIG_GLOBAL=str(repo / ".no-gitconfig"), GIT_CONFIG_NOSYSTEM="1",
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def make_repo(root):
    repo = pathlib.Path(root) / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "legacy.py").write_text("def old(x):\n    return eval(x)\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    (repo / "new.py").write_text("import subprocess\n\ndef run(cmd):\n    subprocess.run(cmd, shell=True)\n")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "change")
    return repo, base


def outputs_of(argv):
    """(format, file) for each report file a command line writes."""
    out = []
    fmt = "text"
    for i, arg in enumerate(argv):
        if arg == "--format" and i + 1 < len(argv):
            fmt = argv[i + 1]
    for i, arg in enumerate(argv):
        if i + 1 >= len(argv):
            break
        if arg in ("--output", "-o"):
            out.append((fmt, argv[i + 1]))
        m = re.fullmatch(r"--(text|json|sarif|github|gitlab)-output", arg)
        if m:
            out.append((m.group(1), argv[i + 1]))
    return out


def check_recipe(path, binary, problems):
    doc = __import__("yaml").safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        problems.append(f"{path}: not a YAML mapping")
        return 0
    uploaded = set()
    if "jobs" in doc:  # GitHub Actions
        for job in doc["jobs"].values():
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif"):
                    uploaded.add(("sarif", step.get("with", {}).get("sarif_file")))
        if not uploaded:
            problems.append(f"{path}: no github/codeql-action/upload-sarif step")
    else:  # GitLab CI: jobs are top-level mappings with a script
        jobs = [j for j in doc.values() if isinstance(j, dict) and "script" in j]
        if not jobs:
            problems.append(f"{path}: no GitLab job with a script")
        for job in jobs:
            report = job.get("artifacts", {}).get("reports", {}).get("codequality")
            if report:
                uploaded.add(("gitlab", report))
        if not uploaded:
            problems.append(f"{path}: no artifacts:reports:codequality")
    lines = list(assay_lines(doc))
    if not lines:
        problems.append(f"{path}: no assay command line")
    written = set()
    for line in lines:
        with tempfile.TemporaryDirectory() as tmp:
            repo, base = make_repo(tmp)
            argv = shlex.split(substitute(line, base))
            run = subprocess.run([binary, *argv[1:]], cwd=repo, capture_output=True, text=True,
                                 env=dict(os.environ, NO_COLOR="1"))
            if run.returncode not in (0, 1):
                problems.append(f"{path}: `{line}` exited {run.returncode}: {run.stderr.strip()[:500]}")
                continue
            if run.returncode != 1:
                problems.append(f"{path}: `{line}` did not fail on a new finding (exit {run.returncode})")
            for fmt, name in outputs_of(argv):
                file = repo / name
                if not file.is_file():
                    problems.append(f"{path}: `{line}` did not write {name}")
                    continue
                written.add((fmt, name))
                if fmt in ("sarif", "json", "gitlab"):
                    json.loads(file.read_text(encoding="utf-8"))
    for fmt, name in uploaded:
        if (fmt, name) not in written:
            problems.append(f"{path}: uploads {name} ({fmt}) but no assay command writes it")
    return len(lines)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import yaml  # noqa: F401
    except ImportError:
        print("PyYAML is not installed: pip install pyyaml", file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    problems = []
    for name in sys.argv[2:]:
        n = check_recipe(pathlib.Path(name), binary, problems)
        print(f"{name}: {n} assay command line(s) run")
    for p in problems:
        print(p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
