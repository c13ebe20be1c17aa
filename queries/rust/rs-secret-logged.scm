; A secret or sensitive value in a logging, printing or panic macro: `println!("{}", password)`,
; `info!("key {api_key}")`, `tracing::debug!(token = %token)`, `panic!("bad card {}", card_number)`.
; Identifiers named like a credential or payment/personal datum, as arguments or inline in the
; format string. `.len()`/`.is_empty()` of them, names, types and test code are not reported.

((macro_invocation
  macro: [(identifier) (scoped_identifier)] @sink
  (token_tree (identifier) @value) @args) @match
  (#any-of? @sink "println" "print" "eprintln" "eprint" "dbg" "panic" "info" "debug" "warn" "error" "trace" "event" "format_args" "unreachable" "todo" "unimplemented" "assert" "assert_eq" "expect" "std::println" "std::print" "std::eprintln" "std::eprint" "std::dbg" "std::panic" "std::info" "std::debug" "std::warn" "std::error" "std::trace" "std::event" "std::format_args" "std::unreachable" "std::todo" "std::unimplemented" "std::assert" "std::assert_eq" "std::expect" "log::println" "log::print" "log::eprintln" "log::eprint" "log::dbg" "log::panic" "log::info" "log::debug" "log::warn" "log::error" "log::trace" "log::event" "log::format_args" "log::unreachable" "log::todo" "log::unimplemented" "log::assert" "log::assert_eq" "log::expect" "tracing::println" "tracing::print" "tracing::eprintln" "tracing::eprint" "tracing::dbg" "tracing::panic" "tracing::info" "tracing::debug" "tracing::warn" "tracing::error" "tracing::trace" "tracing::event" "tracing::format_args" "tracing::unreachable" "tracing::todo" "tracing::unimplemented" "tracing::assert" "tracing::assert_eq" "tracing::expect")
  (#match? @value "(?i)^(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security|\\w+_(password|passwd|secret|token|api_?key|secret_?key|private_?key|card_?number))$")
  (#not-match? @value "(?i)hash|digest|_id$|_type$|^token_type|name$|url$|policy|count$|_len$|length|masked|redacted|_tokens$|tokenizer|csrf")
  (#not-match? @args "(?i)(password|passwd|secret|token|key|card_number|cvv|ssn)\\w*\\s*\\.\\s*(len|is_empty|is_some|is_none|chars\\(\\)\\s*\\.\\s*count)\\s*\\(")
  (#not-test? @match))

((macro_invocation
  macro: [(identifier) (scoped_identifier)] @sink
  (token_tree (string_literal) @value)) @match
  (#any-of? @sink "println" "print" "eprintln" "eprint" "dbg" "panic" "info" "debug" "warn" "error" "trace" "event" "format_args" "unreachable" "todo" "unimplemented" "assert" "assert_eq" "expect" "std::println" "std::print" "std::eprintln" "std::eprint" "std::dbg" "std::panic" "std::info" "std::debug" "std::warn" "std::error" "std::trace" "std::event" "std::format_args" "std::unreachable" "std::todo" "std::unimplemented" "std::assert" "std::assert_eq" "std::expect" "log::println" "log::print" "log::eprintln" "log::eprint" "log::dbg" "log::panic" "log::info" "log::debug" "log::warn" "log::error" "log::trace" "log::event" "log::format_args" "log::unreachable" "log::todo" "log::unimplemented" "log::assert" "log::assert_eq" "log::expect" "tracing::println" "tracing::print" "tracing::eprintln" "tracing::eprint" "tracing::dbg" "tracing::panic" "tracing::info" "tracing::debug" "tracing::warn" "tracing::error" "tracing::trace" "tracing::event" "tracing::format_args" "tracing::unreachable" "tracing::todo" "tracing::unimplemented" "tracing::assert" "tracing::assert_eq" "tracing::expect")
  (#match? @value "\\{(?i:password|passwd|pwd|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|authorization|bearer|card_?number|cvv|ssn|\\w+_(password|secret|token|api_?key|secret_?key))(:[^}]*)?\\}")
  (#not-test? @match))
