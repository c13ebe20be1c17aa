; CORS that trusts every origin *and* lets it send the user's cookies: any website the user
; visits can act as the user and read the answers.

; tower-http very_permissive() (mirrors the Origin and allows credentials); actix-cors
; Cors::permissive() ("All origins ... Credentials supported. Does not send wildcard").
((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments)) @match
  (#resolves-to? @callee "tower_http::cors::CorsLayer::very_permissive" "*CorsLayer::very_permissive" "actix_cors::Cors::permissive" "Cors::permissive")
  (#not-test? @match))

; .allow_credentials(true) with an any-origin setting in the same builder chain (tower-http, warp,
; salvo, poem): allow_origin(Any | AllowOrigin::any() | AllowOrigin::mirror_request() |
; AllowOrigin::predicate(|_, _| true)) or allow_any_origin().
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (boolean_literal) @value .)) @match
  (#eq? @callee "allow_credentials")
  (#eq? @value "true")
  (#chain-has? @match "allow_origin" "(\\w+::)*(Any|AllowOrigin::(any|mirror_request)\\(\\)|AllowOrigin::predicate\\(\\|[^|]*\\|\\s*true\\s*\\)|\"\\*\")")
  (#not-test? @match))

((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (boolean_literal) @value .)) @match
  (#eq? @callee "allow_credentials")
  (#eq? @value "true")
  (#chain-has? @match "allow_any_origin")
  (#not-test? @match))

((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (boolean_literal) @value .)) @match
  (#eq? @callee "allow_credentials")
  (#eq? @value "true")
  (#chain-has? @match "permissive")
  (#not-test? @match))

; actix-cors: Cors::default().allow_any_origin().supports_credentials() (also with
; allowed_origin_fn(|_, _| true) or send_wildcard()).
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments)) @match
  (#eq? @callee "supports_credentials")
  (#chain-has? @match "allow_any_origin")
  (#not-test? @match))

((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments)) @match
  (#eq? @callee "supports_credentials")
  (#chain-has? @match "allowed_origin_fn" "\\|[^|]*\\|\\s*true\\s*")
  (#not-test? @match))

; rocket_cors: CorsOptions { allowed_origins: AllowedOrigins::all(), allow_credentials: true, .. }
((field_initializer_list
  (field_initializer field: (field_identifier) @origins value: (_) @any)
  (field_initializer field: (field_identifier) @callee value: (boolean_literal) @value) @match)
  (#eq? @origins "allowed_origins")
  (#match? @any "AllowedOrigins::all\\(\\)$")
  (#eq? @callee "allow_credentials")
  (#eq? @value "true")
  (#not-test? @match))
