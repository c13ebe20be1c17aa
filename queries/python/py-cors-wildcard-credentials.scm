; A wildcard CORS origin combined with credentials. Starlette/FastAPI's CORSMiddleware then
; echoes the caller's Origin for cookie requests, and Flask-CORS reflects the origin when
; supports_credentials=True, so any website can read authenticated responses. A wildcard
; without credentials is not flagged. Origins are followed through simple variables; a "*"
; anywhere in the value (`os.getenv("ORIGINS", "*").split(",")`) counts as a wildcard.

; app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True),
; Middleware(CORSMiddleware, ...), CORSMiddleware(app, ...)
(call
  arguments: (argument_list
    [(identifier) (attribute)] @mw
    (keyword_argument
      name: (identifier) @kw
      value: (_) @origins) @match) @args
  (#resolves-to? @mw "*CORSMiddleware")
  (#eq? @kw "allow_origins")
  (#value-matches? @origins "(?s).*['\"]\\*['\"].*")
  (#kwarg? @args "allow_credentials" "True"))

(call
  function: [(identifier) (attribute)] @mw
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (_) @origins) @match) @args
  (#resolves-to? @mw "*CORSMiddleware")
  (#eq? @kw "allow_origins")
  (#value-matches? @origins "(?s).*['\"]\\*['\"].*")
  (#kwarg? @args "allow_credentials" "True"))

; allow_origin_regex=".*" with credentials
(call
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (_) @origins) @match) @args
  (#eq? @kw "allow_origin_regex")
  (#value-matches? @origins "[rRuU]{0,2}['\"](\\^)?(https?://)?\\.[*+](\\$)?['\"]")
  (#kwarg? @args "allow_credentials" "True"))

; Flask-CORS: CORS(app, origins="*", supports_credentials=True), CORS(app,
; supports_credentials=True) with no origins (the default is "*"), resources={r"/api/*":
; {"origins": "*", "supports_credentials": True}}, and @cross_origin(...) likewise.
(call
  function: (_) @cors
  arguments: (argument_list) @args
  (#match? @cors "(^|\\.)(CORS|cross_origin)$")
  (#resolves-to? @cors "flask_cors.CORS" "flask_cors.cross_origin" "flask_cors.extension.CORS" "flask_cors.decorator.cross_origin")
  (#kwarg? @args "supports_credentials" "True")
  (#no-kwarg? @args "origins")
  (#not-match? @args "['\"]origins['\"]")) @match

(call
  function: (_) @cors
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (_) @origins)) @args
  (#match? @cors "(^|\\.)(CORS|cross_origin)$")
  (#resolves-to? @cors "flask_cors.CORS" "flask_cors.cross_origin" "flask_cors.extension.CORS" "flask_cors.decorator.cross_origin")
  (#eq? @kw "origins")
  (#value-matches? @origins "(?s).*['\"]\\*['\"].*")
  (#kwarg? @args "supports_credentials" "True")) @match

(call
  function: (_) @cors
  arguments: (argument_list) @args
  (#match? @cors "(^|\\.)(CORS|cross_origin)$")
  (#resolves-to? @cors "flask_cors.CORS" "flask_cors.cross_origin" "flask_cors.extension.CORS" "flask_cors.decorator.cross_origin")
  (#kwarg? @args "supports_credentials" "True")
  (#match? @args "['\"]origins['\"]\\s*:\\s*[\\[(]?\\s*[rRuU]?['\"]\\*['\"]")) @match

(call
  function: (_) @cors
  arguments: (argument_list) @args
  (#match? @cors "(^|\\.)(CORS|cross_origin)$")
  (#resolves-to? @cors "flask_cors.CORS" "flask_cors.cross_origin" "flask_cors.extension.CORS" "flask_cors.decorator.cross_origin")
  (#match? @args "['\"]supports_credentials['\"]\\s*:\\s*True")
  (#match? @args "['\"]origins['\"]\\s*:\\s*[\\[(]?\\s*[rRuU]?['\"]\\*['\"]")) @match

(call
  function: (_) @cors
  arguments: (argument_list) @args
  (#match? @cors "(^|\\.)(CORS|cross_origin)$")
  (#resolves-to? @cors "flask_cors.CORS" "flask_cors.cross_origin" "flask_cors.extension.CORS" "flask_cors.decorator.cross_origin")
  (#match? @args "['\"]supports_credentials['\"]\\s*:\\s*True")
  (#no-kwarg? @args "origins")
  (#not-match? @args "['\"]origins['\"]")) @match

; django-cors-headers: CORS_ALLOW_ALL_ORIGINS = True with CORS_ALLOW_CREDENTIALS = True
((assignment
  left: (identifier) @setting
  right: (true)) @match
  (#any-of? @setting "CORS_ALLOW_ALL_ORIGINS" "CORS_ORIGIN_ALLOW_ALL")
  (#file-mentions? "CORS_ALLOW_CREDENTIALS\\s*=\\s*True"))
