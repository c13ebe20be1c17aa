;; Authentication or authorization functions whose body unconditionally returns True
;; (docstrings, comments, `pass` and log calls before the return are ignored).
;; Methods that take nothing but `self` (`def is_authenticated(self): return True` on a
;; Flask-Login or Django user class, `@property def is_admin(self)` on an admin-user subclass)
;; describe the object rather than check anything, and default hooks of base, abstract, mixin or
;; Protocol classes (`BaseServer.verify_request`) are meant to be overridden: neither is flagged.

; Module-level functions, with or without parameters (`def check_auth(): return True`).
(module
  (function_definition
    name: (identifier) @fname @match
    body: (block) @body)
  (#match? @fname "^(verify|verify_\\w+|authenticate\\w*|authori[sz]e\\w*|is_authori[sz]ed\\w*|is_authenticated|is_admin|is_superuser|is_staff|is_allowed\\w*|is_permitted|is_owner|is_logged_in|is_verified|is_trusted|has_perms?|has_permissions?|has_\\w+_permissions?|has_permission_\\w+|has_module_perms|has_role\\w*|has_access\\w*|has_scope\\w*|has_privilege\\w*|can_(access|view|edit|delete|modify|read|write|manage|admin\\w*|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner|hmac)\\w*|validate_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth|hmac|webhook)\\w*|is_valid_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key|hmac|webhook|login))$")
  (#not-match? @fname "^verify_(ssl|tls|certs?|certificates?|hostname)$")
  (#returns-only? @body "True")
  (#not-test? @fname))

(module
  (decorated_definition
    definition: (function_definition
      name: (identifier) @fname @match
      body: (block) @body))
  (#match? @fname "^(verify|verify_\\w+|authenticate\\w*|authori[sz]e\\w*|is_authori[sz]ed\\w*|is_authenticated|is_admin|is_superuser|is_staff|is_allowed\\w*|is_permitted|is_owner|is_logged_in|is_verified|is_trusted|has_perms?|has_permissions?|has_\\w+_permissions?|has_permission_\\w+|has_module_perms|has_role\\w*|has_access\\w*|has_scope\\w*|has_privilege\\w*|can_(access|view|edit|delete|modify|read|write|manage|admin\\w*|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner|hmac)\\w*|validate_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth|hmac|webhook)\\w*|is_valid_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key|hmac|webhook|login))$")
  (#not-match? @fname "^verify_(ssl|tls|certs?|certificates?|hostname)$")
  (#returns-only? @body "True")
  (#not-test? @fname))

; Methods that take something to check, in a concrete class.
(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (function_definition
      name: (identifier) @fname @match
      parameters: (parameters
       [(identifier) @param
       (typed_parameter . (identifier) @param)
       (default_parameter name: (identifier) @param)
       (typed_default_parameter name: (identifier) @param)
       (list_splat_pattern) @param
       (dictionary_splat_pattern) @param])
      body: (block) @body))
  (#not-any-of? @param "self" "cls")
  (#not-match? @class "(?i)^(base|abstract|null|noop|dummy|default)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#match? @fname "^(verify|verify_\\w+|authenticate\\w*|authori[sz]e\\w*|is_authori[sz]ed\\w*|is_authenticated|is_admin|is_superuser|is_staff|is_allowed\\w*|is_permitted|is_owner|is_logged_in|is_verified|is_trusted|has_perms?|has_permissions?|has_\\w+_permissions?|has_permission_\\w+|has_module_perms|has_role\\w*|has_access\\w*|has_scope\\w*|has_privilege\\w*|can_(access|view|edit|delete|modify|read|write|manage|admin\\w*|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner|hmac)\\w*|validate_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth|hmac|webhook)\\w*|is_valid_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key|hmac|webhook|login))$")
  (#not-match? @fname "^verify_(ssl|tls|certs?|certificates?|hostname)$")
  (#returns-only? @body "True")
  (#not-test? @fname))

(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname @match
        parameters: (parameters
         [(identifier) @param
       (typed_parameter . (identifier) @param)
       (default_parameter name: (identifier) @param)
       (typed_default_parameter name: (identifier) @param)
       (list_splat_pattern) @param
       (dictionary_splat_pattern) @param])
        body: (block) @body)))
  (#not-any-of? @param "self" "cls")
  (#not-match? @class "(?i)^(base|abstract|null|noop|dummy|default)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#match? @fname "^(verify|verify_\\w+|authenticate\\w*|authori[sz]e\\w*|is_authori[sz]ed\\w*|is_authenticated|is_admin|is_superuser|is_staff|is_allowed\\w*|is_permitted|is_owner|is_logged_in|is_verified|is_trusted|has_perms?|has_permissions?|has_\\w+_permissions?|has_permission_\\w+|has_module_perms|has_role\\w*|has_access\\w*|has_scope\\w*|has_privilege\\w*|can_(access|view|edit|delete|modify|read|write|manage|admin\\w*|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner|hmac)\\w*|validate_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth|hmac|webhook)\\w*|is_valid_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key|hmac|webhook|login))$")
  (#not-match? @fname "^verify_(ssl|tls|certs?|certificates?|hostname)$")
  (#returns-only? @body "True")
  (#not-test? @fname))

; Closures, e.g. a verify function defined inside an app factory.
(function_definition
  body: (block
    (function_definition
      name: (identifier) @fname @match
      body: (block) @body))
  (#match? @fname "^(verify|verify_\\w+|authenticate\\w*|authori[sz]e\\w*|is_authori[sz]ed\\w*|is_authenticated|is_admin|is_superuser|is_staff|is_allowed\\w*|is_permitted|is_owner|is_logged_in|is_verified|is_trusted|has_perms?|has_permissions?|has_\\w+_permissions?|has_permission_\\w+|has_module_perms|has_role\\w*|has_access\\w*|has_scope\\w*|has_privilege\\w*|can_(access|view|edit|delete|modify|read|write|manage|admin\\w*|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner|hmac)\\w*|validate_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth|hmac|webhook)\\w*|is_valid_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key|hmac|webhook|login))$")
  (#not-match? @fname "^verify_(ssl|tls|certs?|certificates?|hostname)$")
  (#returns-only? @body "True")
  (#not-test? @fname))

(function_definition
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname @match
        body: (block) @body)))
  (#match? @fname "^(verify|verify_\\w+|authenticate\\w*|authori[sz]e\\w*|is_authori[sz]ed\\w*|is_authenticated|is_admin|is_superuser|is_staff|is_allowed\\w*|is_permitted|is_owner|is_logged_in|is_verified|is_trusted|has_perms?|has_permissions?|has_\\w+_permissions?|has_permission_\\w+|has_module_perms|has_role\\w*|has_access\\w*|has_scope\\w*|has_privilege\\w*|can_(access|view|edit|delete|modify|read|write|manage|admin\\w*|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|check_\\w*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner|hmac)\\w*|validate_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth|hmac|webhook)\\w*|is_valid_\\w*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key|hmac|webhook|login))$")
  (#not-match? @fname "^verify_(ssl|tls|certs?|certificates?|hostname)$")
  (#returns-only? @body "True")
  (#not-test? @fname))
