; A password, token or API key checked against a literal: `if password == "hunter2"`,
; `if req.api_key != "…"`, `token.as_str() == "…"`. Empty strings, names that hold a kind, a
; name, a hash or a length, and test code are not reported. The literal is captured as @secret.

((binary_expression
  left: [(identifier) (field_expression) (call_expression) (index_expression)] @name
  operator: ["==" "!="]
  right: (string_literal) @secret) @match
  (#match? @name "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|passcode)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme|is_empty")
  (#not-match? @secret "^b?\"\\s*\"$")
  (#not-match? @secret "(?i)^b?\"(none|null|true|false|bearer|basic|token|jwt)\"$")
  (#not-test? @match))

((binary_expression
  left: [(identifier) (field_expression) (call_expression) (index_expression)] @name
  operator: ["==" "!="]
  right: (string_literal) @secret) @match
  (#match? @name "(?i)(^|[^a-z])(secret|token|api_?key|apikey|access_?key|auth_?key|admin_?key|master_?key)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme|is_empty")
  (#not-match? @secret "^b?\"\\s*\"$")
  (#not-match? @secret "(?i)^b?\"(none|null|true|false|bearer|basic|token|jwt)\"$")
  (#match? @secret "^b?\"[^\"]{8,}\"$")
  (#match? @secret "^b?\"[^\"]*[0-9!@#$%^&*+=~_.-][^\"]*\"$")
  (#not-test? @match))

((binary_expression
  left: (string_literal) @secret
  operator: ["==" "!="]
  right: [(identifier) (field_expression) (call_expression) (index_expression)] @name) @match
  (#match? @name "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|passcode)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme|is_empty")
  (#not-match? @secret "^b?\"\\s*\"$")
  (#not-test? @match))


((binary_expression
  left: (string_literal) @secret
  operator: ["==" "!="]
  right: [(identifier) (field_expression) (call_expression) (index_expression)] @name) @match
  (#match? @name "(?i)(^|[^a-z])(secret|token|api_?key|apikey|access_?key|auth_?key|admin_?key|master_?key)([^a-z]|$)")
  (#not-match? @name "(?i)hash|digest|type|kind|name|reset|confirm|csrf|xsrf|source|contents|lexer|parser|len|length|field|label|url|endpoint|prefix|format|mode|status|state|policy|_id\\b|\\bid\\b|version|scheme|is_empty")
  (#not-match? @secret "^b?\"\\s*\"$")
  (#match? @secret "^b?\"[^\"]{8,}\"$")
  (#match? @secret "^b?\"[^\"]*[0-9!@#$%^&*+=~_.-][^\"]*\"$")
  (#not-test? @match))
