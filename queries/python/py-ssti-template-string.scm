; Template source text assembled from data or taken from the request: template syntax in the data
; ({{ config }}, {{ ''.__class__.__mro__ }}) is evaluated on the server. A constant template with
; data passed as variables is fine; string.Template does not evaluate code and is not matched.

; render_template_string(f"<h1>Hello {name}</h1>"), jinja2.Template("..." + x), from_string(tpl)
(call
  function: (_) @api
  arguments: (argument_list . (_) @tpl)
  (#resolves-to? @api "flask.render_template_string" "flask.templating.render_template_string"
    "jinja2.Template" "jinja2.environment.Template" "jinja2.Environment.from_string"
    "jinja2.Environment().from_string" "django.template.Template" "django.template.base.Template"
    "django.template.Engine.from_string" "mako.template.Template" "tornado.template.Template"
    "chevron.render")
  (#string-built? @tpl)
  (#not-sanitized? @tpl "code")) @match

(call
  function: (_) @api
  arguments: (argument_list . (_) @tpl)
  (#resolves-to? @api "flask.render_template_string" "flask.templating.render_template_string"
    "jinja2.Template" "jinja2.environment.Template" "django.template.Template" "django.template.base.Template"
    "mako.template.Template" "tornado.template.Template")
  (#tainted? @tpl "code")) @match

; env.from_string(...), Environment(...).from_string(...), engines["django"].from_string(...)
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (_) @tpl)
  (#eq? @api "from_string")
  (#string-built? @tpl)
  (#not-sanitized? @tpl "code")) @match

(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (_) @tpl)
  (#eq? @api "from_string")
  (#tainted? @tpl "code")) @match
