; A secret or sensitive value in a logging, printing or panic macro: `println!("{}", password)`,
; `info!("key {api_key}")`, `tracing::debug!(token = %token)`, `panic!("bad card {}", card_number)`.
; Identifiers named like a credential or payment/personal datum, as arguments or inline in the
; format string. `.len()`/`.is_empty()` of them, names, types and test code are not reported.

((macro_invocation
  macro: [(identifier) (scoped_identifier)] @sink
  (token_tree (identifier) @value) @args) @match
  (#match? @sink "^((std::|log::|tracing::)?(println|print|eprintln|eprint|dbg|panic|info|debug|warn|error|trace|event|format_args|unreachable|todo|unimplemented|assert|assert_eq|expect))$")
  (#match? @value "(?i)^(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security|\\w+_(password|passwd|secret|token|api_?key|secret_?key|private_?key|card_?number))$")
  (#not-match? @value "(?i)hash|digest|_id$|_type$|^token_type|name$|url$|policy|count$|_len$|length|masked|redacted|_tokens$|tokenizer|csrf")
  (#not-match? @args "(?i)(password|passwd|secret|token|key|card_number|cvv|ssn)\\w*\\s*\\.\\s*(len|is_empty|is_some|is_none|chars\\(\\)\\s*\\.\\s*count)\\s*\\(")
  (#not-test? @match))

((macro_invocation
  macro: [(identifier) (scoped_identifier)] @sink
  (token_tree (string_literal) @value)) @match
  (#match? @sink "^((std::|log::|tracing::)?(println|print|eprintln|eprint|dbg|panic|info|debug|warn|error|trace|event|format_args|unreachable|todo|unimplemented|assert|assert_eq|expect))$")
  (#match? @value "\\{(?i:password|passwd|pwd|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|authorization|bearer|card_?number|cvv|ssn|\\w+_(password|secret|token|api_?key|secret_?key))(:[^}]*)?\\}")
  (#not-test? @match))
