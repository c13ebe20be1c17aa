; Security-relevant calls (verification, permission, privilege and durability operations) whose
; Result is thrown away. `let _ = tx.send(x);` and other calls are left alone.

; let _ = verify(..);   _ = verify(..);
((let_declaration
  pattern: _ @pat
  value: [
    (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn])
    (await_expression (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn]))
  ] @call) @match
  (#eq? @pat "_")
  (#match? @fn "^(verify[a-z0-9_]*|[a-z0-9_]+_verify|validate[a-z0-9_]*|authenticate[a-z0-9_]*|authori[sz]e[a-z0-9_]*|is_authori[sz]ed|is_valid[a-z0-9_]*|[a-z0-9_]+_is_valid|has_permissions?|check_[a-z0-9_]*(auth|perm|access|token|passw|signature|credential|mac|hmac|sig)[a-z0-9_]*|set_permissions|sync_all|sync_data|fsync|fdatasync|chmod|fchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups|chroot|drop_privileges)$")
  (#not-test? @match))
((assignment_expression
  left: _ @pat
  right: [
    (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn])
    (await_expression (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn]))
  ] @call) @match
  (#eq? @pat "_")
  (#match? @fn "^(verify[a-z0-9_]*|[a-z0-9_]+_verify|validate[a-z0-9_]*|authenticate[a-z0-9_]*|authori[sz]e[a-z0-9_]*|is_authori[sz]ed|is_valid[a-z0-9_]*|[a-z0-9_]+_is_valid|has_permissions?|check_[a-z0-9_]*(auth|perm|access|token|passw|signature|credential|mac|hmac|sig)[a-z0-9_]*|set_permissions|sync_all|sync_data|fsync|fdatasync|chmod|fchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups|chroot|drop_privileges)$")
  (#not-test? @match))

; verify(..).ok();   verify(..).unwrap_or_default();   as statements
((expression_statement
  (call_expression
    function: (field_expression
      value: [
    (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn])
    (await_expression (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn]))
  ] @call
      field: (field_identifier) @discard)) @match)
  (#any-of? @discard "ok" "unwrap_or_default")
  (#match? @fn "^(verify[a-z0-9_]*|[a-z0-9_]+_verify|validate[a-z0-9_]*|authenticate[a-z0-9_]*|authori[sz]e[a-z0-9_]*|is_authori[sz]ed|is_valid[a-z0-9_]*|[a-z0-9_]+_is_valid|has_permissions?|check_[a-z0-9_]*(auth|perm|access|token|passw|signature|credential|mac|hmac|sig)[a-z0-9_]*|set_permissions|sync_all|sync_data|fsync|fdatasync|chmod|fchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups|chroot|drop_privileges)$")
  (#not-test? @match))

; verify(..).unwrap_or(true)   verify(..).unwrap_or_else(|_| true): an error counts as success
((call_expression
  function: (field_expression
    value: [
    (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn])
    (await_expression (call_expression function: [(field_expression field: (field_identifier) @fn)
                  (scoped_identifier name: (identifier) @fn)
                  (identifier) @fn]))
  ] @call
    field: (field_identifier) @discard)
  arguments: (arguments . (_) @default .)) @match
  (#any-of? @discard "unwrap_or" "unwrap_or_else")
  (#match? @default "^(true|Ok\\(\\s*(true|\\(\\s*\\))\\s*\\)|\\|[^|]*\\|\\s*(true|Ok\\(\\s*(true|\\(\\s*\\))\\s*\\)))$")
  (#match? @fn "^(verify[a-z0-9_]*|[a-z0-9_]+_verify|validate[a-z0-9_]*|authenticate[a-z0-9_]*|authori[sz]e[a-z0-9_]*|is_authori[sz]ed|is_valid[a-z0-9_]*|[a-z0-9_]+_is_valid|has_permissions?|check_[a-z0-9_]*(auth|perm|access|token|passw|signature|credential|mac|hmac|sig)[a-z0-9_]*|set_permissions|sync_all|sync_data|fsync|fdatasync|chmod|fchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups|chroot|drop_privileges)$")
  (#not-test? @match))

; verify(..).map(|_| true).unwrap_or(true): the same through one adapter
((call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression
        value: [
        (call_expression function: [(field_expression field: (field_identifier) @fn)
                      (scoped_identifier name: (identifier) @fn)
                      (identifier) @fn])
        (await_expression (call_expression function: [(field_expression field: (field_identifier) @fn)
                      (scoped_identifier name: (identifier) @fn)
                      (identifier) @fn]))
      ] @call
        field: (field_identifier) @adapter))
    field: (field_identifier) @discard)
  arguments: (arguments . (_) @default .)) @match
  (#any-of? @discard "unwrap_or" "unwrap_or_else")
  (#any-of? @adapter "map" "map_err" "and_then")
  (#match? @default "^(true|Ok\\(\\s*(true|\\(\\s*\\))\\s*\\)|\\|[^|]*\\|\\s*(true|Ok\\(\\s*(true|\\(\\s*\\))\\s*\\)))$")
  (#match? @fn "^(verify[a-z0-9_]*|[a-z0-9_]+_verify|validate[a-z0-9_]*|authenticate[a-z0-9_]*|authori[sz]e[a-z0-9_]*|is_authori[sz]ed|is_valid[a-z0-9_]*|[a-z0-9_]+_is_valid|has_permissions?|check_[a-z0-9_]*(auth|perm|access|token|passw|signature|credential|mac|hmac|sig)[a-z0-9_]*|set_permissions|sync_all|sync_data|fsync|fdatasync|chmod|fchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setresuid|setresgid|setgroups|initgroups|chroot|drop_privileges)$")
  (#not-test? @match))
