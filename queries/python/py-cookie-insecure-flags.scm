; Session or authentication cookies set without Secure / HttpOnly, and framework settings that
; turn those flags off. A cookie whose name does not look like a session, auth or token cookie is
; not flagged; CSRF cookies may stay readable by JavaScript (double-submit), so only Secure is
; required for them. Calls with **kwargs are not judged on missing flags.

; set_cookie("session", v) without secure=True, or with secure=False
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @cookie) @args
  (#any-of? @method "set_cookie" "set_signed_cookie" "set_secure_cookie")
  (#match? @cookie "(?i)(session|sess_?id|(^|[^a-z0-9])sid([^a-z0-9]|$)|auth|token|jwt|remember|login|access|refresh|credential|api_?key|user_?id)")
  (#no-kwarg? @args "secure")
  (#not-match? @args "\\*\\*")
  (#not-test? @method)) @match

(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @cookie) @args
  (#any-of? @method "set_cookie" "set_signed_cookie" "set_secure_cookie")
  (#match? @cookie "(?i)(session|sess_?id|(^|[^a-z0-9])sid([^a-z0-9]|$)|auth|token|jwt|remember|login|access|refresh|credential|api_?key|user_?id)")
  (#kwarg? @args "secure" "False|None|0")
  (#not-test? @method)) @match

; set_cookie("session", v) without httponly=True, or with httponly=False
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @cookie) @args
  (#any-of? @method "set_cookie" "set_signed_cookie" "set_secure_cookie")
  (#match? @cookie "(?i)(session|sess_?id|(^|[^a-z0-9])sid([^a-z0-9]|$)|auth|token|jwt|remember|login|access|refresh|credential|api_?key|user_?id)")
  (#not-match? @cookie "(?i)csrf|xsrf")
  (#no-kwarg? @args "httponly")
  (#not-match? @args "\\*\\*")
  (#not-test? @method)) @match

(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @cookie) @args
  (#any-of? @method "set_cookie" "set_signed_cookie" "set_secure_cookie")
  (#match? @cookie "(?i)(session|sess_?id|(^|[^a-z0-9])sid([^a-z0-9]|$)|auth|token|jwt|remember|login|access|refresh|credential|api_?key|user_?id)")
  (#not-match? @cookie "(?i)csrf|xsrf")
  (#kwarg? @args "httponly" "False|None|0")
  (#not-test? @method)) @match

; Django / Flask settings: SESSION_COOKIE_SECURE = False at module level or in a config
; class that is not a development or test class, outside development/local/test settings files.
(module
  (expression_statement
    (assignment
      left: (identifier) @setting
      right: [(false) (none)]) @match)
  (#any-of? @setting "SESSION_COOKIE_SECURE" "SESSION_COOKIE_HTTPONLY" "CSRF_COOKIE_SECURE" "REMEMBER_COOKIE_SECURE" "REMEMBER_COOKIE_HTTPONLY" "JWT_COOKIE_SECURE")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))

(class_definition
  name: (identifier) @class
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @setting
        right: [(false) (none)]) @match))
  (#any-of? @setting "SESSION_COOKIE_SECURE" "SESSION_COOKIE_HTTPONLY" "CSRF_COOKIE_SECURE" "REMEMBER_COOKIE_SECURE" "REMEMBER_COOKIE_HTTPONLY" "JWT_COOKIE_SECURE")
  (#not-match? @class "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))

; app.config["SESSION_COOKIE_SECURE"] = False
(assignment
  left: (subscript subscript: (string (string_content) @setting))
  right: [(false) (none)]
  (#any-of? @setting "SESSION_COOKIE_SECURE" "SESSION_COOKIE_HTTPONLY" "CSRF_COOKIE_SECURE" "REMEMBER_COOKIE_SECURE" "REMEMBER_COOKIE_HTTPONLY" "JWT_COOKIE_SECURE")
  (#not-in-function? @setting "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting)) @match

; app.config.update(SESSION_COOKIE_SECURE=False), {"SESSION_COOKIE_SECURE": False}
(keyword_argument
  name: (identifier) @setting
  value: [(false) (none)]
  (#any-of? @setting "SESSION_COOKIE_SECURE" "SESSION_COOKIE_HTTPONLY" "CSRF_COOKIE_SECURE" "REMEMBER_COOKIE_SECURE" "REMEMBER_COOKIE_HTTPONLY" "JWT_COOKIE_SECURE")
  (#not-in-function? @setting "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting)) @match

(pair
  key: (string (string_content) @setting)
  value: [(false) (none)]
  (#any-of? @setting "SESSION_COOKIE_SECURE" "SESSION_COOKIE_HTTPONLY" "CSRF_COOKIE_SECURE" "REMEMBER_COOKIE_SECURE" "REMEMBER_COOKIE_HTTPONLY" "JWT_COOKIE_SECURE")
  (#not-in-function? @setting "(?i)dev|local|test|debug")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting)) @match
