; Request data (axum/actix extractors) decides which URL the server fetches. A fixed scheme and
; host (`format!("https://api.example.com/items/{id}")`) is not flagged, nor a URL checked against
; an allowlist (`ALLOWED_HOSTS.contains(..)`, `is_allowed(..)`) in the same function.

; reqwest::get(url), reqwest::blocking::get(url), ureq::get(url), surf::get(url), isahc::get(url)
((call_expression
  function: [(identifier) (scoped_identifier)] @callee
  arguments: (arguments . (_) @url)) @match
  (#resolves-to? @callee "reqwest::get" "reqwest::blocking::get" "ureq::get" "ureq::post" "ureq::put" "ureq::delete" "ureq::head" "ureq::request" "surf::get" "surf::post" "surf::put" "surf::delete" "surf::head" "isahc::get" "isahc::get_async" "isahc::post" "isahc::post_async" "attohttpc::get" "attohttpc::post" "minreq::get" "minreq::post")
  (#tainted? @url "url"))

; client.get(url) / .post / .put / .patch / .delete / .head on an HTTP client value
; (`client`, `http_client`, `state.http`, `reqwest::Client::new()`), in a file using an HTTP crate.
((call_expression
  function: (field_expression value: (_) @client field: (field_identifier) @callee)
  arguments: (arguments . (_) @url .)) @match
  (#any-of? @callee "get" "post" "put" "patch" "delete" "head")
  (#match? @client "(?i)(client|http|reqwest|agent|ureq|awc)")
  (#not-match? @client "(?i)(redis|cache|memcache|etcd|consul|kv|mongo|dynamo|s3|sqs|kube|grpc|db)")
  (#file-mentions? "reqwest|ureq|hyper|isahc|surf|awc|attohttpc")
  (#tainted? @url "url"))

; client.request(Method::GET, url)
((call_expression
  function: (field_expression value: (_) @client field: (field_identifier) @callee)
  arguments: (arguments . (_) . (_) @url .)) @match
  (#eq? @callee "request")
  (#match? @client "(?i)(client|http|reqwest|agent|awc)")
  (#file-mentions? "reqwest|ureq|hyper|isahc|surf|awc")
  (#tainted? @url "url"))

; hyper / http: Request::builder().uri(url)
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (_) @url .)) @match
  (#eq? @callee "uri")
  (#chain-has? @match "builder")
  (#file-mentions? "hyper|reqwest|http::")
  (#tainted? @url "url"))
