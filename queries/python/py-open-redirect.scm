; A redirect whose target comes from the request (`?next=https://evil.example`). A fixed scheme and
; host, a same-site "/path" prefix, url_for()/reverse() targets, the current URL (`redirect(request.url)`
; after a failed form post), or an allowlist check in the
; function (`url_has_allowed_host_and_scheme`, `is_safe_url`, `in ALLOWED`, a look at
; `urlparse(target).netloc`) are not flagged, nor model objects fetched with request data
; (`redirect(obj)` / `obj.get_absolute_url()` after `get_object_or_404`, `form.save()`).

; redirect(target), HttpResponseRedirect(target), RedirectResponse(target)
(call
  function: (_) @api
  arguments: (argument_list
    . (_) @url)
  (#not-match? @url "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @api "flask.redirect" "flask.helpers.redirect" "werkzeug.utils.redirect" "werkzeug.redirect"
    "django.shortcuts.redirect" "django.http.HttpResponseRedirect" "django.http.HttpResponsePermanentRedirect"
    "django.http.response.HttpResponseRedirect" "django.http.response.HttpResponsePermanentRedirect"
    "starlette.responses.RedirectResponse" "fastapi.responses.RedirectResponse" "quart.redirect"
    "aiohttp.web.HTTPFound" "aiohttp.web.HTTPSeeOther" "aiohttp.web.HTTPTemporaryRedirect"
    "pyramid.httpexceptions.HTTPFound")
  (#not-match? @url "^(url_for|reverse|reverse_lazy|request\\.url_for|self\\.reverse_url|app\\.url_path_for)\\(|^request\\.(url|path|full_path|base_url|url_root|host_url)\\b")
  (#tainted? @url "redirect")
  (#not-match? @url "\\.get_absolute_url\\(\\)$")
  (#not-created-by? @url "*get_object_or_404" "*.objects.*" "*.save" "*.create" "*.query.*" "*_or_404"
    "*.session.get" "*.scalar*" "*.get_object")
  (#no-scope-mentions? @url "\\.(netloc|hostname)\\b|url_has_allowed_host_and_scheme|is_safe_url")) @match

; RedirectResponse(url=target), HTTPFound(location=target)
(call
  function: (_) @api
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @url))
  (#any-of? @kw "url" "location" "to")
  (#resolves-to? @api "starlette.responses.RedirectResponse" "fastapi.responses.RedirectResponse"
    "django.shortcuts.redirect" "django.http.HttpResponseRedirect" "aiohttp.web.HTTPFound"
    "aiohttp.web.HTTPSeeOther" "pyramid.httpexceptions.HTTPFound")
  (#not-match? @url "^(url_for|reverse|reverse_lazy|request\\.url_for|app\\.url_path_for)\\(|^request\\.(url|path|full_path|base_url|url_root|host_url)\\b")
  (#tainted? @url "redirect")
  (#not-match? @url "\\.get_absolute_url\\(\\)$")
  (#not-created-by? @url "*get_object_or_404" "*.objects.*" "*.save" "*.create" "*.query.*" "*_or_404"
    "*.session.get" "*.scalar*" "*.get_object")
  (#no-scope-mentions? @url "\\.(netloc|hostname)\\b|url_has_allowed_host_and_scheme|is_safe_url")) @match

; Tornado RequestHandler: self.redirect(self.get_argument("next"))
(call
  function: (attribute object: (identifier) @self attribute: (identifier) @api)
  arguments: (argument_list . (_) @url)
  (#eq? @self "self")
  (#eq? @api "redirect")
  (#not-match? @url "^(self\\.reverse_url)\\(")
  (#tainted? @url "redirect")
  (#not-match? @url "\\.get_absolute_url\\(\\)$")
  (#not-created-by? @url "*get_object_or_404" "*.objects.*" "*.save" "*.create" "*.query.*" "*_or_404"
    "*.session.get" "*.scalar*" "*.get_object")
  (#no-scope-mentions? @url "\\.(netloc|hostname)\\b|url_has_allowed_host_and_scheme|is_safe_url")) @match
