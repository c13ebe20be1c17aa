; allow_dangerous_requests=True: RequestsToolkit, OpenAPI toolkits, requests tools and web
; loaders fetch whatever URL the model names.
((keyword_argument name: (identifier) @kw value: (true)) @flag @match @callee
(#eq? @kw "allow_dangerous_requests"))
