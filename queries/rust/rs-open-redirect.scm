; A redirect whose target comes from the request (`?next=`, a form field): axum / rocket
; `Redirect::to|temporary|permanent|see_other(..)`, actix `HttpResponse::Found()` with a
; `Location` header. Same-site paths (`format!("/items/{id}")`) and targets checked with
; `starts_with('/')` or an allowlist in the same function are not flagged.

((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments . (_) @target)) @match
  (#resolves-to? @callee "*Redirect::to" "*Redirect::temporary" "*Redirect::permanent" "*Redirect::see_other" "*Redirect::found" "*Redirect::moved")
  (#tainted? @target "redirect"))

; .append_header((header::LOCATION, target)) / .insert_header(("Location", target))
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (tuple_expression . (_) @header . (_) @target .))) @match
  (#any-of? @callee "append_header" "insert_header" "header")
  (#match? @header "(?i)(^|::)LOCATION$|^\"location\"$")
  (#tainted? @target "redirect"))

; headers.insert(header::LOCATION, HeaderValue::from_str(&target)?)
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (_) @header . (_) @target .)) @match
  (#any-of? @callee "insert" "append" "header")
  (#match? @header "(?i)(^|::)LOCATION$|^\"location\"$")
  (#tainted? @target "redirect"))
