; tower-http's permissive preset: any origin, method and header (`Access-Control-Allow-Origin: *`),
; without credentials. The credentialed presets and combinations are rs-permissive-cors-credentials.
((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments)) @match
  (#resolves-to? @callee "tower_http::cors::CorsLayer::permissive" "*CorsLayer::permissive")
  (#not-test? @match))
