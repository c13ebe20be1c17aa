;; Security-tool suppressions without a justification: `# nosec`, `# nosemgrep`,
;; `# noqa: S…` (flake8-bandit / Ruff security codes), `# gitleaks:allow`,
;; `# pragma: allowlist secret`. A comment is unjustified when, apart from these markers, rule
;; ids and other tool pragmas (`# type: ignore`, `# noqa: E501`), it says nothing:
;; `# nosec B608 -- table name comes from a fixed allowlist` is fine. Test code is skipped.
((comment) @match
  (#match? @match "\\bnosec\\b|\\bnosemgrep\\b|noqa\\s*:[^#]*\\bS[0-9]{3}\\b|gitleaks:allow|pragma:\\s*allowlist\\s+secret")
  (#match? @match "^(#\\s*(type:\\s*ignore(\\[[^\\]]*\\])?|noqa(\\s*:\\s*[A-Z]+[0-9]+(\\s*,\\s*[A-Z]+[0-9]+)*)?|ruff:\\s*noqa(\\s*:\\s*[A-Z]+[0-9]+(\\s*,\\s*[A-Z]+[0-9]+)*)?|pragma:\\s*no\\s*(cover|branch)|pylint:\\s*disable=[\\w,\\-]+|fmt:\\s*(skip|off)|nosec(\\s*:?\\s*B?[0-9]+(\\s*,\\s*B?[0-9]+)*)?|nosemgrep(\\s*:\\s*[\\w.\\-]+(\\s*,\\s*[\\w.\\-]+)*)?|gitleaks:allow|pragma:\\s*allowlist\\s+secret)\\s*)+$")
  (#not-test? @match))
