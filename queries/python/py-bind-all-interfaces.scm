; A server bound to every network interface by a literal address ("0.0.0.0", "::", or "" for
; socket.bind). Values read from configuration or the environment are not flagged; test code is
; skipped.

; app.run(host="0.0.0.0"), uvicorn.run(app, host="0.0.0.0"), web.run_app(app, host="::"),
; demo.launch(server_name="0.0.0.0")
(call
  function: (_) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (string) @addr) @match)
  (#any-of? @kw "host" "server_name" "bind_address" "listen_address")
  (#match? @api "(^|\\.)(run|run_app|run_server|run_simple|serve|launch|Config|Server|listen|start|start_server|create_server|make_server|HTTPServer)$")
  (#match? @addr "^[rbu]?['\"](0\\.0\\.0\\.0|::|\\[::\\])['\"]$")
  (#not-test? @api))

; uvicorn.run(app, host=os.environ.get("HOST", "0.0.0.0")) is a configurable default: not flagged.

; sock.bind(("0.0.0.0", 8080)), sock.bind(("", 8080))
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (tuple . (string) @addr @match))
  (#eq? @api "bind")
  (#match? @addr "^[rbu]?['\"](0\\.0\\.0\\.0|::|)['\"]$")
  (#not-test? @api))

; HTTPServer(("", 8000), Handler), socketserver.TCPServer(("0.0.0.0", port), H)
(call
  function: (_) @api
  arguments: (argument_list . (tuple . (string) @addr @match))
  (#resolves-to? @api "http.server.*" "socketserver.*" "wsgiref.simple_server.WSGIServer" "xmlrpc.server.*"
    "socket.create_server" "asyncio.start_server" "smtpd.*")
  (#match? @addr "^[rbu]?['\"](0\\.0\\.0\\.0|::|)['\"]$")
  (#not-test? @api))

; make_server("", 8000, app), run_simple("0.0.0.0", 5000, app), asyncio.start_server(cb, "0.0.0.0", 8888)
(call
  function: (_) @api
  arguments: (argument_list . (string) @addr @match)
  (#resolves-to? @api "wsgiref.simple_server.make_server" "werkzeug.serving.run_simple" "werkzeug.run_simple"
    "waitress.serve" "bjoern.run")
  (#match? @addr "^[rbu]?['\"](0\\.0\\.0\\.0|::|)['\"]$")
  (#not-test? @api))

(call
  function: (_) @api
  arguments: (argument_list . (_) . (string) @addr @match)
  (#resolves-to? @api "asyncio.start_server" "asyncio.start_unix_server" "*.create_server")
  (#match? @addr "^[rbu]?['\"](0\\.0\\.0\\.0|::)['\"]$")
  (#not-test? @api))

; waitress.serve(app, listen="0.0.0.0:8080"), gunicorn-style bind = "0.0.0.0:8000" in code
(call
  function: (_) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (string) @addr) @match)
  (#any-of? @kw "listen" "bind")
  (#match? @addr "^[rbu]?['\"](0\\.0\\.0\\.0|\\[::\\]):[0-9]+['\"]$")
  (#not-test? @api))
