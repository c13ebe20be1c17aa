#!/usr/bin/env python3
"""Validate a SARIF file against the official OASIS 2.1.0 schema (tests/data) and the parts of
GitHub code scanning's ingestion rules that assay's output must meet.

    validate_sarif.py FILE.sarif       exit 0 valid, 1 invalid, 2 cannot run

Needs the `jsonschema` package (installed by .ci/run).
"""
import json
import pathlib
import sys

SCHEMA = pathlib.Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("jsonschema is not installed: pip install jsonschema", file=sys.stderr)
        return 2
    doc = json.loads(pathlib.Path(sys.argv[1]).read_text(encoding="utf-8"))
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    errors = [f"schema: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}" for e in validator.iter_errors(doc)]
    for run in doc.get("runs", []):
        driver = run.get("tool", {}).get("driver", {})
        for field in ("name", "version", "informationUri"):
            if not driver.get(field):
                errors.append(f"github: tool.driver.{field} missing")
        for rule in driver.get("rules", []):
            if len(rule.get("fullDescription", {}).get("text", "")) > 1000:
                errors.append(f"github: rule {rule['id']}: fullDescription over 1000 characters")
            sev = rule.get("properties", {}).get("security-severity")
            if not isinstance(sev, str) or not 0.0 <= float(sev) <= 10.0:
                errors.append(f"github: rule {rule['id']}: security-severity must be a string in 0.0..10.0")
            if rule.get("properties", {}).get("precision") not in ("very-high", "high", "medium", "low"):
                errors.append(f"github: rule {rule['id']}: precision must be very-high, high, medium or low")
            if len(rule.get("properties", {}).get("tags", [])) > 20:
                errors.append(f"github: rule {rule['id']}: more than 20 tags")
        for i, result in enumerate(run.get("results", [])):
            if "primaryLocationLineHash" not in result.get("partialFingerprints", {}):
                errors.append(f"github: result {i}: partialFingerprints.primaryLocationLineHash missing")
            for loc in result.get("locations", []):
                art = loc.get("physicalLocation", {}).get("artifactLocation", {})
                uri = art.get("uri", "")
                if uri.startswith("file:") or uri.startswith("/"):
                    errors.append(f"github: result {i}: uri {uri!r} must be relative to the repository root")
                if art.get("uriBaseId") != "%SRCROOT%":
                    errors.append(f"github: result {i}: uriBaseId must be %SRCROOT%")
    for e in errors:
        print(e)
    print("valid" if not errors else f"{len(errors)} problem(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
