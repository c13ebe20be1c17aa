;; Fail-open error handling in security checks: inside a function whose name says
;; authentication, authorization, permission, verification, validation or a check, an `except`
;; branch that returns True, or returns the function's input unchanged.
;; Counted handlers: bare `except:`, Exception/BaseException, and exceptions named like a failed
;; check (InvalidSignature, ExpiredSignatureError, PermissionDenied, DecodeError...).
;; `except User.DoesNotExist: return True` or `return value` ("the name is free") is not flagged.

; bare except: return True
(except_clause
  .
  (comment)*
  .
  (block (return_statement (true)) @match)
  (#in-function? @match "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|acl|otp|mfa|totp|is_valid\\w*|is_safe\\w*|is_trusted\\w*|is_allowed\\w*)(_|$)|(^|_)check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_?key|acl|scope|otp|mfa|csrf|owner|hmac|cert|ssl|tls|sig)|(^|_)(has|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))

; except Exception / InvalidSignature ...: return True
(except_clause
  value: [(identifier) @type
          (attribute attribute: (identifier) @type)
          (as_pattern . [(identifier) @type (attribute attribute: (identifier) @type)])
          (tuple [(identifier) @type (attribute attribute: (identifier) @type)])
          (as_pattern . (tuple [(identifier) @type (attribute attribute: (identifier) @type)]))]
  (block (return_statement (true)) @match)
  (#match? @type "^(Exception|BaseException)$|(?i)invalid|expired|signature|verif|auth|permission|denied|forbidden|jwt|jose|token|crypt|ssl|cert|mismatch|hmac|decode")
  (#in-function? @match "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|acl|otp|mfa|totp|is_valid\\w*|is_safe\\w*|is_trusted\\w*|is_allowed\\w*)(_|$)|(^|_)check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_?key|acl|scope|otp|mfa|csrf|owner|hmac|cert|ssl|tls|sig)|(^|_)(has|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))

; def sanitize_html(html): try: ... except Exception: return html   (first parameter returned)
(function_definition
  name: (identifier) @fname
  parameters: (parameters
    .
    [(identifier) @param
     (typed_parameter . (identifier) @param)
     (default_parameter name: (identifier) @param)
     (typed_default_parameter name: (identifier) @param)])
  body: (block
    (try_statement
      (except_clause
        .
        (comment)*
        .
        (block (return_statement (identifier) @ret) @match))))
  (#eq? @param @ret)
  (#not-any-of? @param "self" "cls")
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|acl|otp|mfa|totp|is_valid\\w*|is_safe\\w*|is_trusted\\w*|is_allowed\\w*)(_|$)|(^|_)check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_?key|acl|scope|otp|mfa|csrf|owner|hmac|cert|ssl|tls|sig)|(^|_)(has|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))

(function_definition
  name: (identifier) @fname
  parameters: (parameters
    .
    [(identifier) @param
     (typed_parameter . (identifier) @param)
     (default_parameter name: (identifier) @param)
     (typed_default_parameter name: (identifier) @param)])
  body: (block
    (try_statement
      (except_clause
        value: [(identifier) @type
          (attribute attribute: (identifier) @type)
          (as_pattern . [(identifier) @type (attribute attribute: (identifier) @type)])
          (tuple [(identifier) @type (attribute attribute: (identifier) @type)])
          (as_pattern . (tuple [(identifier) @type (attribute attribute: (identifier) @type)]))]
        (block (return_statement (identifier) @ret) @match))))
  (#eq? @param @ret)
  (#not-any-of? @param "self" "cls")
  (#match? @type "^(Exception|BaseException)$|(?i)invalid|expired|signature|verif|auth|permission|denied|forbidden|jwt|jose|token|crypt|ssl|cert|mismatch|hmac|decode")
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|acl|otp|mfa|totp|is_valid\\w*|is_safe\\w*|is_trusted\\w*|is_allowed\\w*)(_|$)|(^|_)check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_?key|acl|scope|otp|mfa|csrf|owner|hmac|cert|ssl|tls|sig)|(^|_)(has|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))

; the same in a method: def validate_token(self, token): ... except Exception: return token
(function_definition
  name: (identifier) @fname
  parameters: (parameters
    .
    (identifier) @self
    .
    [(identifier) @param
     (typed_parameter . (identifier) @param)
     (default_parameter name: (identifier) @param)
     (typed_default_parameter name: (identifier) @param)])
  body: (block
    (try_statement
      (except_clause
        .
        (comment)*
        .
        (block (return_statement (identifier) @ret) @match))))
  (#eq? @param @ret)
  (#any-of? @self "self" "cls")
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|acl|otp|mfa|totp|is_valid\\w*|is_safe\\w*|is_trusted\\w*|is_allowed\\w*)(_|$)|(^|_)check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_?key|acl|scope|otp|mfa|csrf|owner|hmac|cert|ssl|tls|sig)|(^|_)(has|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))

(function_definition
  name: (identifier) @fname
  parameters: (parameters
    .
    (identifier) @self
    .
    [(identifier) @param
     (typed_parameter . (identifier) @param)
     (default_parameter name: (identifier) @param)
     (typed_default_parameter name: (identifier) @param)])
  body: (block
    (try_statement
      (except_clause
        value: [(identifier) @type
          (attribute attribute: (identifier) @type)
          (as_pattern . [(identifier) @type (attribute attribute: (identifier) @type)])
          (tuple [(identifier) @type (attribute attribute: (identifier) @type)])
          (as_pattern . (tuple [(identifier) @type (attribute attribute: (identifier) @type)]))]
        (block (return_statement (identifier) @ret) @match))))
  (#eq? @param @ret)
  (#any-of? @self "self" "cls")
  (#match? @type "^(Exception|BaseException)$|(?i)invalid|expired|signature|verif|auth|permission|denied|forbidden|jwt|jose|token|crypt|ssl|cert|mismatch|hmac|decode")
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|acl|otp|mfa|totp|is_valid\\w*|is_safe\\w*|is_trusted\\w*|is_allowed\\w*)(_|$)|(^|_)check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_?key|acl|scope|otp|mfa|csrf|owner|hmac|cert|ssl|tls|sig)|(^|_)(has|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))
