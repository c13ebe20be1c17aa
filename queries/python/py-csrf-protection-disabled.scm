; CSRF protection switched off: Django @csrf_exempt (also through method_decorator or
; csrf_exempt(view) in urls), Flask-WTF csrf.exempt, WTF_CSRF_ENABLED / WTF_CSRF_CHECK_DEFAULT /
; CSRF_ENABLED = False, WTForms `meta={"csrf": False}` / `class Meta: csrf = False`, and a Django
; MIDDLEWARE list without an active CsrfViewMiddleware.
; Views that verify a webhook signature (or are named like webhooks) legitimately skip CSRF and
; are not flagged; neither are test code, development/test config classes and files.

; @csrf_exempt / @csrf.exempt on a view that is not a signed webhook
(decorated_definition
  (decorator [(identifier) (attribute)] @exempt @match)
  definition: (_) @view
  (#match? @exempt "(^|\\.)csrf_exempt$|csrf[A-Za-z_]*\\.exempt$")
  (#not-match? @view "(?i)webhook|signature|hmac|compare_digest|construct_event")
  (#not-test? @exempt))

; @method_decorator(csrf_exempt, name="dispatch")
(decorated_definition
  (decorator
    (call
      arguments: (argument_list [(identifier) (attribute)] @exempt))) @match
  definition: (_) @view
  (#match? @exempt "csrf_exempt$")
  (#not-match? @view "(?i)webhook|signature|hmac|compare_digest|construct_event")
  (#not-test? @exempt))

; path("api/", csrf_exempt(view)), csrf.exempt(api_blueprint)
(call
  function: [(identifier) (attribute)] @exempt
  arguments: (argument_list . (_) @view)
  (#match? @exempt "(^|\\.)csrf_exempt$|csrf[A-Za-z_]*\\.exempt$")
  (#not-match? @view "(?i)webhook")
  (#not-test? @exempt)) @match

; WTF_CSRF_ENABLED = False at module level or in a non-development config class
(module
  (expression_statement
    (assignment
      left: (identifier) @setting
      right: (false)) @match)
  (#any-of? @setting "WTF_CSRF_ENABLED" "WTF_CSRF_CHECK_DEFAULT" "CSRF_ENABLED")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))

(class_definition
  name: (identifier) @class
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @setting
        right: (false)) @match))
  (#any-of? @setting "WTF_CSRF_ENABLED" "WTF_CSRF_CHECK_DEFAULT" "CSRF_ENABLED")
  (#not-match? @class "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))

; app.config["WTF_CSRF_ENABLED"] = False
(assignment
  left: (subscript subscript: (string (string_content) @setting))
  right: (false)
  (#any-of? @setting "WTF_CSRF_ENABLED" "WTF_CSRF_CHECK_DEFAULT" "CSRF_ENABLED")
  (#not-in-function? @setting "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting)) @match

; app.config.update(WTF_CSRF_ENABLED=False), {"WTF_CSRF_ENABLED": False}
(keyword_argument
  name: (identifier) @setting
  value: (false)
  (#any-of? @setting "WTF_CSRF_ENABLED" "WTF_CSRF_CHECK_DEFAULT" "CSRF_ENABLED")
  (#not-in-function? @setting "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting)) @match

(pair
  key: (string (string_content) @setting)
  value: (false)
  (#any-of? @setting "WTF_CSRF_ENABLED" "WTF_CSRF_CHECK_DEFAULT" "CSRF_ENABLED" "csrf")
  (#not-in-function? @setting "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting)) @match

; WTForms: class Meta: csrf = False
(class_definition
  name: (identifier) @class
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @setting
        right: (false)) @match))
  (#eq? @class "Meta")
  (#eq? @setting "csrf")
  (#not-test? @setting))

; Django MIDDLEWARE without an uncommented CsrfViewMiddleware (a commented-out line counts as
; removed). Only lists that look like a real Django stack (SessionMiddleware/CommonMiddleware).
(module
  (expression_statement
    (assignment
      left: (identifier) @setting
      right: (list) @stack) @match)
  (#any-of? @setting "MIDDLEWARE" "MIDDLEWARE_CLASSES")
  (#match? @stack "django\\.contrib\\.sessions\\.middleware\\.SessionMiddleware|django\\.middleware\\.common\\.CommonMiddleware")
  (#not-match? @stack "(?m)^[^#\\n]*CsrfViewMiddleware")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))

; MIDDLEWARE.remove("django.middleware.csrf.CsrfViewMiddleware")
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list (string) @setting)
  (#eq? @method "remove")
  (#match? @setting "CsrfViewMiddleware")
  (#not-test? @setting)) @match

; DRF: class CsrfExemptSessionAuthentication(SessionAuthentication):
;          def enforce_csrf(self, request): return   # skip the CSRF check
(function_definition
  name: (identifier) @name @match
  body: (block
    .
    (expression_statement (string))?
    .
    (comment)*
    .
    [(pass_statement) (return_statement) (expression_statement (ellipsis))] @noop
    .
    (comment)*
    .)
  (#eq? @name "enforce_csrf")
  (#match? @noop "^(pass|return|return None|\\.\\.\\.)$")
  (#not-test? @noop))
