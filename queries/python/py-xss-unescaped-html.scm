; Text that reaches a page as HTML without escaping.

; Markup(f"<b>{name}</b>"), mark_safe(user_bio): parts wrapped in escape()/bleach.clean() are fine;
; Markup("<br>").join(...) and Markup("<b>{}</b>").format(x) escape their arguments and are fine.
(call
  function: (_) @api
  arguments: (argument_list
    . (_) @html)
  (#not-match? @html "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @api "markupsafe.Markup" "flask.Markup" "jinja2.Markup" "jinja2.utils.Markup"
    "django.utils.safestring.mark_safe" "django.utils.safestring.SafeString" "django.utils.safestring.SafeText"
    "django.utils.html.mark_safe")
  (#not-sanitized? @html "html")) @match

; format_html(f"<b>{name}</b>"): the format string itself must be constant.
(call
  function: (_) @api
  arguments: (argument_list . (_) @html)
  (#resolves-to? @api "django.utils.html.format_html")
  (#string-built? @html)
  (#not-sanitized? @html "html")) @match

; jinja2.Environment(autoescape=False)
((call
    function: (_) @api
    (#resolves-to? @api "jinja2.Environment" "jinja2.environment.Environment" "jinja2.Template" "jinja2.environment.Template")) @match @html
  (#kwarg? @match "autoescape" "False"))

; jinja2.Environment(loader=...) with the default autoescape=False, in a file that renders .html
((call
    function: (_) @api
    (#resolves-to? @api "jinja2.Environment" "jinja2.environment.Environment")) @match @html
  (#no-kwarg? @match "autoescape")
  (#file-mentions? "\\.html?['\"]"))

; jinja2.Template("<p>Hello {{ name }}</p>") renders HTML with jinja2's default autoescape=False
((call
    function: (_) @api
    arguments: (argument_list . (string) @html)
    (#resolves-to? @api "jinja2.Template" "jinja2.environment.Template")
    (#match? @html "<[A-Za-z][^>]*>[^<]*[{][{]")) @match
  (#no-kwarg? @match "autoescape"))

; Flask/Django views returning HTML assembled from request data: return f"<h1>Hi {name}</h1>".
; (FastAPI serialises a returned str as JSON, so files importing fastapi are skipped.)
(return_statement
  "return" @api
  (_) @html
  (#not-match? @html "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#match? @html "<[A-Za-z!/]")
  (#string-built? @html)
  (#tainted? @html "html")
  (#no-file-mentions? "(?m)^\\s*(from|import)\\s+fastapi")) @match

; html = f"<h1>Welcome {name}</h1>" ... return html
(return_statement
  "return" @api
  (identifier) @html
  (#value-matches? @html "(?s).*<[A-Za-z!/].*")
  (#string-built? @html)
  (#tainted? @html "html")
  (#no-file-mentions? "(?m)^\\s*(from|import)\\s+fastapi")) @match

; return f"<p>{msg}</p>", 400
(return_statement
  "return" @api
  (expression_list . (_) @html)
  (#not-match? @html "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#match? @html "<[A-Za-z!/]")
  (#string-built? @html)
  (#tainted? @html "html")
  (#no-file-mentions? "(?m)^\\s*(from|import)\\s+fastapi")) @match

(return_statement
  "return" @api
  (expression_list . (identifier) @html)
  (#value-matches? @html "(?s).*<[A-Za-z!/].*")
  (#string-built? @html)
  (#tainted? @html "html")
  (#no-file-mentions? "(?m)^\\s*(from|import)\\s+fastapi")) @match

; HttpResponse(html) / HTMLResponse(html) / make_response(html) / Response(html) with request data,
; unless a non-HTML content type (or one held in a variable) is set.
((call
    function: (_) @api
    arguments: (argument_list
      . (_) @html)
    (#not-match? @html "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
    (#resolves-to? @api "django.http.HttpResponse" "django.http.response.HttpResponse"
      "fastapi.responses.HTMLResponse" "starlette.responses.HTMLResponse"
      "flask.make_response" "flask.Response" "werkzeug.wrappers.Response" "werkzeug.Response")
    (#tainted? @html "html")
    (#not-created-by? @html "flask.render_template" "flask.templating.render_template" "*jsonify"
      "django.shortcuts.render" "django.template.loader.render_to_string" "*.render" "*render_template"
      "*render_to_string" "*TemplateResponse" "*redirect" "*Redirect*" "*send_file" "*send_from_directory"
      "*Response" "*make_response" "json.dumps" "*abort")
    (#not-value-matches? @html "(?s)[\\[{].*")) @match
  (#not-match? @match "(?i)(mimetype|content_type|media_type)\\s*=\\s*([A-Za-z_]|['\"](application|text/(plain|csv|xml|css|javascript|event-stream|markdown|calendar)|image|audio|video|font|multipart))|['\"]content-type['\"]\\s*:\\s*([A-Za-z_]|['\"](application|text/(plain|csv|xml|css|javascript|event-stream|markdown|calendar)|image|audio|video|font|multipart))"))

; HTMLResponse(content=...)
(call
  function: (_) @api
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @html))
  (#eq? @kw "content")
  (#resolves-to? @api "fastapi.responses.HTMLResponse" "starlette.responses.HTMLResponse")
  (#tainted? @html "html")
  (#not-created-by? @html "*.render" "*.render_template" "*.render_to_string" "*.TemplateResponse")) @match
