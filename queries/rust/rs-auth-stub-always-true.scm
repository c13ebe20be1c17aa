; An authentication or authorization function whose body only returns success:
; `true`, `Ok(())`, `Ok(true)` (comments and log macros before it are ignored).
((function_item
   name: (identifier) @fname @match
   body: (block) @body) @item
  (#match? @fname "^(verify|verify_[a-z0-9_]+|authenticate[a-z0-9_]*|authori[sz]e[a-z0-9_]*|is_authori[sz]ed[a-z0-9_]*|is_authenticated|is_admin|is_superuser|is_allowed|is_permitted|has_permissions?|has_permission_[a-z0-9_]+|has_role|has_access|can_access[a-z0-9_]*|check_[a-z0-9_]*(auth|perm|access|token|passw|credential|signature|role|admin|login|session|api_key|apikey|acl|scope|otp|mfa|csrf|owner)[a-z0-9_]*|validate_[a-z0-9_]*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|csrf|auth)[a-z0-9_]*|is_valid_[a-z0-9_]*(token|passw|credential|signature|session|api_key|apikey|jwt|otp|user|key))$")
  (#returns-only? @body "true|Ok\\(\\s*\\(\\s*\\)\\s*\\)|Ok\\(\\s*true\\s*\\)")
  (#not-test? @item))
