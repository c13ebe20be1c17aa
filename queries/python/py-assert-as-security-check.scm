; `assert` used as an authorization or validation check in non-test code. Python drops every
; assert when run with -O (PYTHONOPTIMIZE), so the check silently disappears. Only asserts whose
; condition names an authorization or validation concept are flagged (user.is_admin, has_perm,
; is_authenticated, permission, role, owner, verify_*, is_valid, compare_digest); plain
; invariants such as `assert isinstance(x, int)` or `assert len(items) > 0` are not.
(assert_statement
  .
  (_) @cond
  (#match? @cond "(?i)\\bis_(admin|superuser|staff|authenticated|authorized|authorised|owner|allowed|permitted|verified|logged_in|moderator)\\b|\\bhas_(perm|perms|permission|permissions|module_perms|role|roles|access|scope|scopes|privilege|privileges|object_permission)\\b|\\bhas_\\w+_(permission|perm|role|access)\\b|\\bcan_(access|view|edit|delete|modify|read|write|manage|update|create|change|approve|publish|execute|perform|invite|moderate|impersonate|login)\\w*|\\bcheck_(password|password_hash|permission|permissions|perm|perms|access|auth)\\w*|\\bverify_\\w+|\\bauthori[sz]ed\\b|\\bauthenticated\\b|\\bpermissions?\\b|\\bpermitted\\b|\\broles?\\b|\\bcompare_digest\\b|\\bcsrf\\w*|\\bowner(_id)?\\b|\\bis_valid\\w*|\\bvalidate_\\w+|\\bapi_?key\\b|\\bpassw(or)?d\\b|\\b(access|auth|csrf|xsrf|api|bearer|session|refresh|id|reset)_token\\b")
  (#not-test? @cond)) @match
