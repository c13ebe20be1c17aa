; A password, token or API key checked against a literal: `if password == "hunter2":`,
; `request.headers["X-Api-Key"] != "…"`, `hmac.compare_digest(token, "…")`. The credential is
; in the code, and everyone who reads it can log in. Empty strings, names that hold a kind, a
; name, a hash or a length (`token_type == "bearer"`), and test code are not reported. The
; literal is captured as @secret, so every output masks it.

((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @name
  ["==" "!="]
  (string) @secret) @match
  (#match? @name "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|passcode)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme")
  (#not-match? @secret "^[rbuRBU]*(\"\"|''|\"\\s+\"|'\\s+')$")
  (#not-match? @secret "(?i)^[rbuRBU]*[\"'](none|null|true|false|undefined|bearer|basic|token|jwt)[\"']$")
  (#not-test? @match))

((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @name
  ["==" "!="]
  (string) @secret) @match
  (#match? @name "(?i)(^|[^a-z])(secret|token|api[-_]?key|apikey|access[-_]?key|auth[-_]?key|admin[-_]?key|master[-_]?key)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme")
  (#not-match? @secret "^[rbuRBU]*(\"\"|''|\"\\s+\"|'\\s+')$")
  (#not-match? @secret "(?i)^[rbuRBU]*[\"'](none|null|true|false|undefined|bearer|basic|token|jwt)[\"']$")
  (#match? @secret "^[rbuRBU]*[\"'][^\"']{8,}[\"']$")
  (#match? @secret "^[rbuRBU]*[\"'][^\"']*[0-9!@#$%^&*+=~_.-][^\"']*[\"']$")
  (#not-test? @match))

((comparison_operator
  (string) @secret
  ["==" "!="]
  [(identifier) (attribute) (subscript) (call)] @name) @match
  (#match? @name "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|passcode)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme")
  (#not-match? @secret "^[rbuRBU]*(\"\"|''|\"\\s+\"|'\\s+')$")
  (#not-match? @secret "(?i)^[rbuRBU]*[\"'](none|null|true|false|undefined|bearer|basic|token|jwt)[\"']$")
  (#not-test? @match))

((comparison_operator
  (string) @secret
  ["==" "!="]
  [(identifier) (attribute) (subscript) (call)] @name) @match
  (#match? @name "(?i)(^|[^a-z])(secret|token|api[-_]?key|apikey|access[-_]?key|auth[-_]?key|admin[-_]?key|master[-_]?key)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme")
  (#not-match? @secret "^[rbuRBU]*(\"\"|''|\"\\s+\"|'\\s+')$")
  (#not-match? @secret "(?i)^[rbuRBU]*[\"'](none|null|true|false|undefined|bearer|basic|token|jwt)[\"']$")
  (#match? @secret "^[rbuRBU]*[\"'][^\"']{8,}[\"']$")
  (#match? @secret "^[rbuRBU]*[\"'][^\"']*[0-9!@#$%^&*+=~_.-][^\"']*[\"']$")
  (#not-test? @match))

; hmac.compare_digest(token, "literal"), secrets.compare_digest("literal", provided)
((call
  function: (_) @callee
  arguments: (argument_list . (_) @name . (string) @secret .)) @match
  (#resolves-to? @callee "hmac.compare_digest" "secrets.compare_digest")
  (#not-match? @secret "^[rbuRBU]*(\"\"|'')$")
  (#not-test? @match))

((call
  function: (_) @callee
  arguments: (argument_list . (string) @secret . (_) @name .)) @match
  (#resolves-to? @callee "hmac.compare_digest" "secrets.compare_digest")
  (#not-match? @secret "^[rbuRBU]*(\"\"|'')$")
  (#not-test? @match))
