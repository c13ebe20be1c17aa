; Debug mode or the interactive Werkzeug debugger switched on in application code. A value read from
; configuration (`debug=os.environ.get("FLASK_DEBUG") == "1"`) is not flagged; test code is skipped.

; app.run(debug=True), socketio.run(app, debug=True), app.run_server(debug=True) (Dash), in files that
; import a WSGI/ASGI framework whose debug mode exposes tracebacks or a console
(call
  function: (attribute attribute: (identifier) @method) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (_) @val) @match)
  (#any-of? @method "run" "run_server")
  (#eq? @kw "debug")
  (#match? @val "^(True|[1-9][0-9]*)$")
  (#not-resolves-to? @api "asyncio.run" "asyncio.*" "uvicorn.run" "trio.run" "anyio.run" "*.loop.run" "loop.run")
  (#not-test? @api)
  (#file-mentions? "(?m)^\\s*(from|import)\\s+(flask|werkzeug|dash|flask_socketio|quart|bottle|sanic|connexion|apiflask)\\b"))

; ... or on an application object made by an app factory (`app = create_app(); app.run(debug=True)`)
(call
  function: (attribute object: (identifier) @obj attribute: (identifier) @method) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (_) @val) @match)
  (#any-of? @method "run" "run_server")
  (#eq? @kw "debug")
  (#match? @val "^(True|[1-9][0-9]*)$")
  (#match? @obj "^(app|application|flask_app|web_app|webapp|server|socketio|dash_app)$")
  (#not-test? @api))

; run_simple(..., use_debugger=True), app.run(use_debugger=True), DebuggedApplication(app, evalex=True)
(call
  function: (_) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (_) @val) @match)
  (#any-of? @kw "use_debugger" "evalex")
  (#match? @val "^(True|[1-9][0-9]*)$")
  (#not-test? @api))

; app.debug = True (Flask / Quart application object)
(assignment
  left: (attribute object: (_) @api attribute: (identifier) @attr)
  right: (true)
  (#eq? @attr "debug")
  (#created-by? @api "flask.Flask" "quart.Quart" "flask.app.Flask")
  (#not-test? @api)) @match

; app.config["DEBUG"] = True
(assignment
  left: (subscript value: (attribute attribute: (identifier) @cfg) @api subscript: (string) @key)
  right: (true)
  (#eq? @cfg "config")
  (#match? @key "^['\"]DEBUG['\"]$")
  (#not-test? @api)) @match

; app.config.update(DEBUG=True)
(call
  function: (attribute object: (attribute attribute: (identifier) @cfg) attribute: (identifier) @method) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (true)) @match)
  (#eq? @cfg "config")
  (#any-of? @method "update" "from_mapping")
  (#eq? @kw "DEBUG")
  (#not-test? @api))

; os.environ["FLASK_DEBUG"] = "1"; os.environ["WERKZEUG_DEBUG_PIN"] = "off" (debugger without a PIN)
(assignment
  left: (subscript value: (_) @api subscript: (string) @key)
  right: (string) @val
  (#resolves-to? @api "os.environ")
  (#match? @key "^['\"](FLASK_DEBUG|WERKZEUG_DEBUG_PIN)['\"]$")
  (#match? @val "^['\"](1|[Tt]rue|TRUE|off)['\"]$")
  (#not-test? @api)) @match
