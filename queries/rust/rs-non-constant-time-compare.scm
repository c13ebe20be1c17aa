; `==` / `!=` on secrets: MACs, signatures, tokens, API keys. The comparison returns at the first
; differing byte, so response times reveal how much of a guess is right. One side must be named
; like a secret (`signature`, `expected_sig`, `hmac_hex`, `api_key`, `admin_key`, `auth_token`, `secret`,
; `state.webhook_secret`, optionally followed by `.as_bytes()` etc.), the other side must not be a
; literal, `None` or an enum variant (`token == ""`, `token.kind == TokenKind::Ident` are fine).
; Ambiguous names (`mac`, `tag`, `digest`) count only in files that do MAC/AEAD work; "token" is
; skipped in files that define lexer tokens.

((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @left "(?i)^(Some\\()?[&*(]*([A-Za-z_][\\w:]*(\\([^()]*\\))?\\.)*(\\w+::)*([a-z0-9_]*_)?(signature|sig|hmac|secret|token|bearer|apikey|(api|admin|master|secret|private|signing|shared|service|auth|access|app|client|internal|session|hmac|webhook|encryption|license)_key)(_(hex|bytes|b64|base64|str|string|value|header|param))?(\\(\\))?(\\.(as_bytes|as_str|as_ref|to_string|to_owned|as_slice|to_vec|as_deref|unwrap|unwrap_or_default|trim|to_lowercase|to_uppercase|expose_secret|into_bytes|finalize|clone)\\(\\))*(\\[\\.\\.\\])?\\)?$")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#no-file-mentions? "enum\\s+Token\\b|TokenKind|Token::[A-Z]|\\b(Lexer|Tokenizer|Scanner)\\b")
  (#not-match? @left "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-match? @right "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-test? @match))

((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @right "(?i)^(Some\\()?[&*(]*([A-Za-z_][\\w:]*(\\([^()]*\\))?\\.)*(\\w+::)*([a-z0-9_]*_)?(signature|sig|hmac|secret|token|bearer|apikey|(api|admin|master|secret|private|signing|shared|service|auth|access|app|client|internal|session|hmac|webhook|encryption|license)_key)(_(hex|bytes|b64|base64|str|string|value|header|param))?(\\(\\))?(\\.(as_bytes|as_str|as_ref|to_string|to_owned|as_slice|to_vec|as_deref|unwrap|unwrap_or_default|trim|to_lowercase|to_uppercase|expose_secret|into_bytes|finalize|clone)\\(\\))*(\\[\\.\\.\\])?\\)?$")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#no-file-mentions? "enum\\s+Token\\b|TokenKind|Token::[A-Z]|\\b(Lexer|Tokenizer|Scanner)\\b")
  (#not-match? @left "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-match? @right "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-test? @match))

((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @left "(?i)^(Some\\()?[&*(]*([A-Za-z_][\\w:]*(\\([^()]*\\))?\\.)*(\\w+::)*([a-z0-9_]*_)?(mac|tag|digest)(_(hex|bytes|b64|base64|str|string|value|header|param))?(\\(\\))?(\\.(as_bytes|as_str|as_ref|to_string|to_owned|as_slice|to_vec|as_deref|unwrap|unwrap_or_default|trim|to_lowercase|to_uppercase|expose_secret|into_bytes|finalize|clone)\\(\\))*(\\[\\.\\.\\])?\\)?$")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#file-mentions? "[Hh]mac|Mac::|verify_slice|ConstantTimeEq|ct_eq|aead|Aead|signature")
  (#not-match? @left "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-match? @right "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-test? @match))

((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @right "(?i)^(Some\\()?[&*(]*([A-Za-z_][\\w:]*(\\([^()]*\\))?\\.)*(\\w+::)*([a-z0-9_]*_)?(mac|tag|digest)(_(hex|bytes|b64|base64|str|string|value|header|param))?(\\(\\))?(\\.(as_bytes|as_str|as_ref|to_string|to_owned|as_slice|to_vec|as_deref|unwrap|unwrap_or_default|trim|to_lowercase|to_uppercase|expose_secret|into_bytes|finalize|clone)\\(\\))*(\\[\\.\\.\\])?\\)?$")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#file-mentions? "[Hh]mac|Mac::|verify_slice|ConstantTimeEq|ct_eq|aead|Aead|signature")
  (#not-match? @left "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-match? @right "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-test? @match))

; hex::encode(mac.finalize().into_bytes()) == provided (an HMAC result compared directly)

((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @left "(?i)(mac|hmac|signer|hasher)\\.finalize(_reset)?\\(\\)")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#file-mentions? "[Hh]mac|Mac::")
  (#not-match? @left "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-match? @right "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-test? @match))

((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @right "(?i)(mac|hmac|signer|hasher)\\.finalize(_reset)?\\(\\)")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#file-mentions? "[Hh]mac|Mac::")
  (#not-match? @left "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-match? @right "(?i)(^|[._])(current|curr|cur|next|peek|peeked|prev|previous|last|first|lookahead)_?token|tokens\\[")
  (#not-test? @match))

; auth_header == format!("Bearer {}", state.token)
((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @left "^&?format!\\(\\s*\"(Bearer|Basic|Token|Bot) \\{")
  (#not-match? @right "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-test? @match))

; auth_header == format!("Bearer {}", state.token)
((binary_expression
  left: (_) @left
  operator: ["==" "!="] @operator
  right: (_) @right) @match
  (#match? @right "^&?format!\\(\\s*\"(Bearer|Basic|Token|Bot) \\{")
  (#not-match? @left "^(\"|b\"|b\'|\'|r#*\"|[0-9-]|None$|true$|false$|String::new\\(\\)$|Vec::new\\(\\)$|&?\\[\\]$|Some\\((&?\"|[0-9])|(\\w+::)*[A-Z][a-z]\\w*::[A-Z][a-z0-9]\\w*(\\(|$))")
  (#not-test? @match))
