; allow_dangerous_requests=True: RequestsToolkit, OpenAPI toolkits, requests tools and web loaders
; fetch whatever URL the model names.
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (true)) @flag @match)
  (#eq? @kw "allow_dangerous_requests"))
